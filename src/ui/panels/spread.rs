//! The detail panel's uncertainty: the chance of each target, what moves it most (a tornado
//! chart) and goal seek for a chance.

use egui::{Align2, Color32, FontId, Id, RichText, Sense, Stroke, Ui, vec2};

use crate::engine::{
    Input, Overrides, RegionProjection, Seek, TargetSwings, VariantPlan, people_for_chance, swings,
};
use crate::i18n::Lang;
use crate::model::Scenario;
use crate::ui::app::UcjApp;

/// The swings of (revision, plan, region), worked out once per change.
pub type SwingCacheEntry = ((u64, Option<usize>, usize), Vec<TargetSwings>);

/// The chance goal seek aims at unless the planner picks another, percent.
const DEFAULT_CHANCE_PCT: f64 = 80.0;

/// What an input is called in the planner's language.
#[must_use]
pub fn input_name(lang: Lang, scenario: &Scenario, input: Input) -> String {
    let t = &lang.texts().uncertainty;
    match input {
        Input::Lapse(s) => (t.lapse_of)(s.code()),
        Input::NewPerMonth(s) => (t.new_of)(s.code()),
        Input::Growth => t.growth.to_owned(),
        Input::Uptake(c) => (t.uptake_of)(&crate::i18n::clipped(
            scenario.campaigns.get(c).map_or("", |c| c.name.as_str()),
            40,
        )),
    }
}

pub fn cached_swings(app: &mut UcjApp, index: usize) -> Vec<TargetSwings> {
    let key = (app.doc.revision, app.doc.variant(), index);
    if let Some((k, v)) = &app.swing_cache
        && *k == key
    {
        return v.clone();
    }
    let out = swings_of(app, index);
    app.swing_cache = Some((key, out.clone()));
    out
}

/// What moves each target of region `index` in the plan shown.
#[must_use]
pub fn swings_of(app: &UcjApp, index: usize) -> Vec<TargetSwings> {
    let scenario = &app.doc.scenario;
    let u = scenario.assumptions.uncertainty.clone().unwrap_or_default();
    let plan = app
        .doc
        .variant()
        .and_then(|i| scenario.variants.get(i))
        .map(|v| VariantPlan::of(scenario, v));
    let overrides = plan
        .as_ref()
        .map(VariantPlan::overrides)
        .unwrap_or_default();
    swings(scenario, &app.doc.projection.report, &overrides, &u, index)
}

/// The uncertainty section of region `index`: nothing when the scenario has no ranges.
pub fn show(app: &mut UcjApp, ui: &mut Ui, index: usize, p: &RegionProjection) {
    if !crate::ui::uncertainty::wanted(&app.doc.scenario) {
        return;
    }
    let lang = app.lang;
    let t = &lang.texts().uncertainty;
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong(t.title);
        if let Some(done) = app.runs.progress() {
            ui.add(egui::ProgressBar::new(done).desired_width(80.0));
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let pct = (done * 100.0).round() as usize;
            ui.label(RichText::new((t.running)(pct)).weak());
        }
    });
    if !app.doc.projection.report.uncertainty_ok() {
        ui.label(RichText::new(t.not_run).color(ui.visuals().error_fg_color));
        return;
    }
    let chances = app
        .runs
        .spread(&app.doc)
        .and_then(|s| Some((s.runs, s.region(index)?.chances.clone())));
    if let Some((runs, chances)) = chances {
        for c in &chances {
            let Some(chance) = c.chance else { continue };
            ui.label(
                RichText::new((t.chance_of)(
                    &lang.pct(c.pct),
                    &lang.month(c.month),
                    &lang.chance(chance),
                ))
                .strong()
                .size(16.0),
            );
        }
        ui.label(
            RichText::new((t.from_runs)(&lang.people(f64::from(runs))))
                .weak()
                .small(),
        );
    }
    for target in cached_swings(app, index) {
        ui.add_space(6.0);
        let name = format!("{} {}", lang.pct(target.pct), lang.month(target.month));
        ui.label(RichText::new((t.what_matters)(&name)).strong())
            .on_hover_text(t.what_matters_hint);
        tornado(ui, lang, &app.doc.scenario, &target, 13.0, false);
        seek_for_chance(app, ui, index, p, &target);
    }
}

/// One bar per input from its low-end to its high-end coverage, widest first, around the
/// coverage with every input at its most likely value. Numbers at both ends: the length is
/// not the only thing that tells.
///
/// With `names_above` (slides, where no one can hover) each input's name has a line of its own
/// above its bar, whole; otherwise it keeps to a column left of the bars, cut, whole on hover.
pub fn tornado(
    ui: &mut Ui,
    lang: Lang,
    scenario: &Scenario,
    target: &TargetSwings,
    size: f32,
    names_above: bool,
) {
    if target.swings.is_empty() {
        return;
    }
    let t = &lang.texts().uncertainty;
    let lo = target
        .swings
        .iter()
        .map(|s| s.low.min(s.high))
        .fold(target.central.min(target.pct), f64::min);
    let hi = target
        .swings
        .iter()
        .map(|s| s.low.max(s.high))
        .fold(target.central.max(target.pct), f64::max);
    let span = (hi - lo).max(1e-9);
    let bar_row = size * 1.7;
    let name_row = if names_above { size * 1.3 } else { 0.0 };
    let row = bar_row + name_row;
    // Clear of a scroll bar floating over the panel's right edge.
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
    let width = (ui.available_width() - bar).max(240.0);
    let label_w = if names_above {
        0.0
    } else {
        (width * 0.4).min(size * 13.0)
    };
    // Room for the widest figure at either end ("100.00 %"), measured, so none is cut.
    let font = FontId::proportional(size);
    let number_w = target
        .swings
        .iter()
        .flat_map(|s| [s.low, s.high])
        .map(|v| {
            ui.painter()
                .layout_no_wrap(lang.pct(v), font.clone(), Color32::PLACEHOLDER)
                .size()
                .x
        })
        .fold(size * 3.0, f32::max)
        + 8.0;
    let bars_w = (width - label_w - 2.0 * number_w).max(60.0);
    let height = row * target.swings.len() as f32;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    #[allow(clippy::cast_possible_truncation)]
    let x_of = |v: f64| rect.left() + label_w + number_w + ((v - lo) / span) as f32 * bars_w;
    for (i, s) in target.swings.iter().enumerate() {
        let name = input_name(lang, scenario, s.input);
        let top = rect.top() + row * i as f32;
        if names_above {
            // One line, ending in "…" when it is wider than the chart.
            let mut job =
                egui::text::LayoutJob::simple_singleline(name.clone(), font.clone(), text);
            job.wrap = egui::text::TextWrapping::truncate_at_width(width);
            let galley = painter.layout_job(job);
            let at = egui::pos2(rect.left(), top + (name_row - galley.size().y) / 2.0);
            painter.galley(at, galley, text);
        }
        let y = top + name_row;
        let row = bar_row;
        // The target's level and the most likely coverage as vertical guides by the bars.
        for (v, colour) in [
            (target.pct, Color32::from_rgb(200, 60, 60)),
            (target.central, text),
        ] {
            painter.line_segment(
                [egui::pos2(x_of(v), y), egui::pos2(x_of(v), y + row)],
                Stroke::new(1.5, colour),
            );
        }
        if !names_above {
            // The name keeps to its column: cut with "…", the whole name on hover.
            let label_rect =
                egui::Rect::from_min_size(egui::pos2(rect.left(), y), vec2(label_w - 6.0, row));
            let mut job =
                egui::text::LayoutJob::simple_singleline(name.clone(), font.clone(), text);
            job.wrap = egui::text::TextWrapping::truncate_at_width(label_rect.width());
            let galley = painter.layout_job(job);
            let at = egui::pos2(rect.left(), y + (row - galley.size().y) / 2.0);
            painter.galley(at, galley, text);
            ui.interact(
                label_rect,
                Id::unique(("swing", i, target.month)),
                Sense::hover(),
            )
            .on_hover_text(&name);
        }
        let (a, b) = (x_of(s.low.min(s.high)), x_of(s.low.max(s.high)));
        let bar = egui::Rect::from_min_max(
            egui::pos2(a, y + 4.0),
            egui::pos2(b.max(a + 2.0), y + row - 4.0),
        );
        painter.rect_filled(bar, 2.0, Color32::from_rgb(70, 110, 170));
        // Which end is which: the low end of the input in a hatched-free lighter half.
        let mid = x_of(target.central);
        let low_side = if s.low < s.high {
            egui::Rect::from_min_max(
                bar.min,
                egui::pos2(mid.clamp(bar.left(), bar.right()), bar.bottom()),
            )
        } else {
            egui::Rect::from_min_max(
                egui::pos2(mid.clamp(bar.left(), bar.right()), bar.top()),
                bar.max,
            )
        };
        painter.rect_filled(low_side, 2.0, Color32::from_rgb(150, 180, 215));
        // An outline at full contrast: the bar stands out of the paper whatever its shade.
        painter.rect_stroke(bar, 2.0, Stroke::new(1.0, text), egui::StrokeKind::Inside);
        let (left, right) = if s.low < s.high {
            (s.low, s.high)
        } else {
            (s.high, s.low)
        };
        painter.text(
            egui::pos2(a - 4.0, y + row / 2.0),
            Align2::RIGHT_CENTER,
            lang.pct(left),
            font.clone(),
            text,
        );
        painter.text(
            egui::pos2(b + 4.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            lang.pct(right),
            font.clone(),
            text,
        );
    }
    // The key, in widgets that wrap: what each shade and each line means.
    let ut = &lang.texts().ui;
    let small = FontId::proportional(size);
    ui.horizontal_wrapped(|ui| {
        let swatch = |ui: &mut Ui, paint: &dyn Fn(&egui::Painter, egui::Rect), label: &str| {
            crate::ui::present::map::key_item(ui, size * 0.8, paint, label, small.clone(), weak);
        };
        for (colour, label) in [
            (Color32::from_rgb(150, 180, 215), t.at_low),
            (Color32::from_rgb(70, 110, 170), t.at_high),
        ] {
            swatch(
                ui,
                &|p, r| {
                    p.rect_filled(r, 1.0, colour);
                },
                label,
            );
        }
        for (colour, label) in [(Color32::from_rgb(200, 60, 60), ut.target), (text, t.mode)] {
            swatch(
                ui,
                &|p, r| {
                    p.line_segment(
                        [r.center_top(), r.center_bottom()],
                        Stroke::new(1.5, colour),
                    );
                },
                label,
            );
        }
    });
}

/// "People for an 80 % chance": goal seek over the runs, on demand (a button), with the
/// campaign shape chosen for goal seek above.
fn seek_for_chance(
    app: &mut UcjApp,
    ui: &mut Ui,
    index: usize,
    p: &RegionProjection,
    target: &TargetSwings,
) {
    let lang = app.lang;
    let t = &lang.texts().uncertainty;
    let id = Id::unique(("seek-chance", index, target.month));
    let mut wanted: f64 = ui.data(|d| d.get_temp(id)).unwrap_or(DEFAULT_CHANCE_PCT);
    let answer_id = id.with("answer");
    let key = (app.doc.revision, wanted.to_bits());
    let answer: Option<((u64, u64), Seek)> = ui.data(|d| d.get_temp(answer_id));
    ui.horizontal_wrapped(|ui| {
        let changed = ui
            .add(
                crate::ui::cells::drag(&mut wanted, app.lang)
                    .range(1.0..=99.0)
                    .speed(1.0)
                    .suffix(" %"),
            )
            .changed();
        if changed {
            ui.data_mut(|d| d.insert_temp(id, wanted));
        }
        let button = ui
            .button((t.seek_chance)(&lang.chance(wanted / 100.0)))
            .on_hover_text(t.seek_chance_hint);
        if button.clicked() {
            let scenario = &app.doc.scenario;
            let u = scenario.assumptions.uncertainty.clone().unwrap_or_default();
            let plan = super::detail::seek_campaign(
                &app.view.seek,
                &scenario.regions[index].code,
                p,
                target.month,
                "",
            );
            let seek = people_for_chance(
                scenario,
                &app.doc.projection.report,
                &Overrides::default(),
                &u,
                index,
                (target.month, target.pct),
                wanted / 100.0,
                &plan,
            );
            ui.data_mut(|d| d.insert_temp(answer_id, (key, seek)));
        }
        if let Some((k, seek)) = answer.filter(|(k, _)| *k == key) {
            let _ = k;
            let ut = &lang.texts().ui;
            let text = match seek {
                #[allow(clippy::cast_precision_loss)]
                Seek::People(n) => lang.people(n as f64),
                Seek::AlreadyMet => ut.already_met.to_owned(),
                Seek::Unreachable => ut.unreachable.to_owned(),
            };
            ui.label(RichText::new(text).strong());
        }
    });
}
