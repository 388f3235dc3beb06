//! The comparison of plan variants: every variant's coverage line for one region or ALL, and
//! a table per variant against the baseline (the first variant).

use egui::{Grid, RichText, Ui};
use egui_plot::{HLine, Line, LineStyle, MarkerShape, PlotPoints, Points};

use crate::engine::{VariantOutcome, VariantPlan, compare, region_chances};
use crate::i18n::Lang;
use crate::model::{Month, Payer};

use super::app::UcjApp;
use super::plots::{coverage_axes, x_of};
use super::theme::series_colour;

/// A comparison: the month it is measured at, each variant's outcome, and for a region with
/// uncertainty ranges, each variant's chance of each target.
pub type Compared = (Option<Month>, Vec<VariantOutcome>, Vec<Vec<Option<f64>>>);

/// The comparison for the scope chosen, recomputed only when the document changes.
pub fn outcomes(app: &mut UcjApp) -> Compared {
    let key = (app.doc.revision, app.view.compare_region);
    if let Some((k, result)) = &app.compare_cache
        && *k == key
    {
        return result.clone();
    }
    let scenario = &app.doc.scenario;
    let (at, outcomes) = compare(scenario, app.view.compare_region);
    let mut chances = Vec::new();
    if let Some(index) = app.view.compare_region
        && super::uncertainty::wanted(scenario)
        && app.doc.projection.report.uncertainty_ok()
    {
        let u = scenario.assumptions.uncertainty.clone().unwrap_or_default();
        let report = &app.doc.projection.report;
        for variant in &scenario.variants {
            let plan = VariantPlan::of(scenario, variant);
            let found = region_chances(scenario, report, &plan.overrides(), &u, index);
            chances.push(found.iter().map(|c| c.chance).collect());
        }
    }
    let result = (at, outcomes, chances);
    app.compare_cache = Some((key, result.clone()));
    result
}

/// The scope switch: ALL or one region.
pub fn scope_switch(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    let name = |r: Option<usize>| {
        r.and_then(|i| app.doc.scenario.regions.get(i)).map_or_else(
            || app.lang.all_scope(&app.doc.scenario, &app.doc.projection).0,
            |r| crate::i18n::shown(&r.name).into_owned(),
        )
    };
    let current = app.view.compare_region;
    let mut picked = None;
    egui::ComboBox::from_id_salt("compare-scope")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for option in std::iter::once(None).chain((0..app.doc.scenario.regions.len()).map(Some))
            {
                if ui
                    .selectable_label(option == current, name(option))
                    .clicked()
                {
                    picked = Some(option);
                }
            }
        })
        .response
        .accessible_name(t.compare_scope);
    if let Some(p) = picked {
        app.view.compare_region = p;
    }
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.compare_title).strong());
        scope_switch(app, ui);
    });
    let (at, outcomes, chances) = outcomes(app);
    if outcomes.is_empty() {
        ui.label(RichText::new(t.no_variants).weak());
        return;
    }
    let lang = app.lang;
    let height = (ui.available_height() * 0.55).max(160.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        plot(ui, lang, &outcomes, "compare");
    });
    // The bars always show: a table wider than the window says that more columns follow.
    egui::ScrollArea::both()
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| table(ui, lang, at, &outcomes, &chances));
}

/// Every variant's coverage line, with the region's targets.
pub fn plot(ui: &mut Ui, lang: Lang, outcomes: &[VariantOutcome], id: &str) {
    plot_with(ui, lang, outcomes, id, true);
}

/// The same, with or without a legend (a slide names the plans in its table, in their
/// colours, rather than over the lines).
pub fn plot_with(ui: &mut Ui, lang: Lang, outcomes: &[VariantOutcome], id: &str, legend: bool) {
    let t = &lang.texts().ui;
    let axes = if legend {
        coverage_axes(id, lang)
    } else {
        super::plots::slide_axes(ui, id, lang)
    };
    axes.show(ui, |plot| {
        for (k, o) in outcomes.iter().enumerate() {
            let points: PlotPoints = (0..o.series.len())
                .map(|i| [x_of(o.series.month(i)), o.series.coverage_pct(i)])
                .collect();
            let style = if k == 0 {
                LineStyle::dashed_loose()
            } else {
                LineStyle::Solid
            };
            plot.line(
                Line::new(crate::i18n::shown(&o.name).into_owned(), points)
                    .color(series_colour(k))
                    .width(2.5)
                    .style(style),
            );
        }
        if let Some(first) = outcomes.first() {
            for &(month, pct, _, _) in &first.targets {
                plot.hline(
                    HLine::new(t.target, pct)
                        .color(super::theme::GUIDE)
                        .style(LineStyle::dashed_loose()),
                );
                plot.points(
                    Points::new(t.target, vec![[x_of(month), pct]])
                        .shape(MarkerShape::Diamond)
                        .radius(7.0)
                        .color(super::theme::GUIDE),
                );
            }
        }
    });
}

/// A row per variant: coverage at each target month, met or not, public cost per fiscal year
/// and the cost of each additional active participant against the baseline.
/// A variant's name as the comparison shows it: the first one, the baseline, says so.
pub(crate) fn variant_name(lang: Lang, k: usize, o: &VariantOutcome) -> String {
    if k == 0 {
        format!(
            "{} ({})",
            crate::i18n::shown(&o.name),
            lang.texts().ui.baseline_word
        )
    } else {
        crate::i18n::shown(&o.name).into_owned()
    }
}

/// A target's heading: "52,15 % by Dec 2025".
pub(crate) fn target_head(lang: Lang, month: Month, pct: f64) -> String {
    format!(
        "{} {} {}",
        lang.pct(pct),
        lang.texts().ui.by_word,
        lang.month(month)
    )
}

/// A variant's coverage at a target's month and whether it meets it, or "–".
pub(crate) fn target_result(lang: Lang, projected: Option<f64>, met: bool) -> String {
    let t = &lang.texts().ui;
    projected.map_or_else(
        || "–".to_owned(),
        |p| {
            format!(
                "{} · {}",
                lang.pct(p),
                if met { t.status_met } else { t.status_short }
            )
        },
    )
}

pub fn table(
    ui: &mut Ui,
    lang: Lang,
    at: Option<Month>,
    outcomes: &[VariantOutcome],
    chances: &[Vec<Option<f64>>],
) {
    let t = &lang.texts().ui;
    let years: Vec<i32> = outcomes
        .first()
        .map(|o| o.fiscal_years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    let targets: Vec<(Month, f64)> = outcomes
        .first()
        .map(|o| o.targets.iter().map(|&(m, p, _, _)| (m, p)).collect())
        .unwrap_or_default();
    Grid::new("compare-table")
        .striped(true)
        .spacing([18.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new(t.variant_col).strong());
            for &(m, p) in &targets {
                ui.label(RichText::new(target_head(lang, m, p)).strong());
            }
            if targets.is_empty()
                && let Some(at) = at
            {
                ui.label(RichText::new(format!("{} {}", t.coverage_word, lang.month(at))).strong());
            }
            for y in &years {
                ui.label(RichText::new(format!("{} {y}", t.cost_word)).strong());
            }
            let at_text = at.map(|m| lang.month(m)).unwrap_or_default();
            ui.label(RichText::new((t.cost_per_additional)(&at_text)).strong());
            ui.end_row();
            for (k, o) in outcomes.iter().enumerate() {
                ui.label(
                    RichText::new(variant_name(lang, k, o))
                        .color(series_colour(k))
                        .strong(),
                );
                for (n, &(_, _, projected, met)) in o.targets.iter().enumerate() {
                    let mut text = target_result(lang, projected, met);
                    if let Some(Some(chance)) = chances.get(k).and_then(|c| c.get(n)) {
                        let word = lang.texts().uncertainty.chance.to_lowercase();
                        text = format!("{text} · {word} {}", lang.chance(*chance));
                    }
                    ui.label(text);
                }
                if o.targets.is_empty()
                    && let Some(at) = at
                {
                    ui.label(
                        o.series
                            .index_of(at)
                            .map_or_else(|| "–".into(), |i| lang.pct(o.series.coverage_pct(i))),
                    );
                }
                for y in &years {
                    let cost = o
                        .fiscal_years
                        .iter()
                        .find(|f| f.year == *y)
                        .map_or(0.0, |f| {
                            Payer::ALL.iter().map(|p| f.by_payer[p.index()]).sum()
                        });
                    ui.label(lang.rp_short(cost));
                }
                ui.label(match o.cost_per_additional {
                    Some(rp) => format!(
                        "{} ({} {})",
                        lang.rp(rp),
                        (if o.extra_active >= 0.0 { "+" } else { "" }),
                        lang.people(o.extra_active)
                    ),
                    None if k == 0 => "–".to_owned(),
                    None => t.no_additional.to_owned(),
                });
                ui.end_row();
            }
        });
}
