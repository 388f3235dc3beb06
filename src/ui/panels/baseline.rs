//! The selected region's baseline without campaigns: enrollment per month and lapse per
//! segment, each labelled assumed, own or fitted; *Calibrate…*; and where the projection
//! misses a reported figure.

use egui::{Grid, RichText, Ui};

use crate::model::{Field, Rate, RateSource, Segment};

use super::super::actions::Action;
use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue};
use super::super::view::Msg;
use super::detail::region_cell;
use super::region_edit;

pub fn show(app: &mut UcjApp, ui: &mut Ui, index: usize) {
    let lang = app.lang;
    let t = &lang.texts().calib;
    let ui_t = &lang.texts().ui;
    let region = app.doc.scenario.regions[index].clone();
    let assumptions = app.doc.scenario.assumptions.clone();
    ui.add_space(6.0);
    ui.strong(t.baseline).on_hover_text(t.baseline_hint);
    let mut changes = Vec::new();
    Grid::new(("baseline", index))
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                ui_t.col_segment,
                t.enrollment,
                "",
                &format!("{} ({})", t.lapse, ui_t.pct_per_month.trim()),
                "",
            ] {
                ui.label(RichText::new(h).small().strong());
            }
            ui.end_row();
            for segment in Segment::ALL {
                ui.label(segment.code());
                for (rate, field, decimals) in [
                    (Rate::NewPerMonth(segment), Field::NewPerMonth(segment), 0),
                    (Rate::Lapse(segment), Field::Lapse(segment), 2),
                ] {
                    let value = CellValue::Number {
                        value: region.rate(rate, &assumptions),
                        decimals,
                    };
                    let name = format!(
                        "{}: {}",
                        crate::i18n::shown(&region.name),
                        (t.rate_name)(rate)
                    );
                    if let Some((CellInput::Number(v), id)) =
                        region_cell(app, ui, index, field, &value, &name)
                    {
                        changes.push((
                            region_edit(&app.doc, index, |r| r.set_rate(rate, v, &[])),
                            Some(id),
                        ));
                    }
                    let source = region.rate_source(rate);
                    ui.horizontal(|ui| {
                        let text = RichText::new(lang.rate_source(&source)).small();
                        match source {
                            RateSource::Fitted(_) => ui.label(text.strong()),
                            RateSource::Assumed => ui.label(text.italics().weak()),
                            RateSource::Own => ui.label(text.weak()),
                        };
                        if matches!(rate, Rate::Lapse(_))
                            && source != RateSource::Assumed
                            && ui
                                .small_button("×")
                                .on_hover_text(t.use_scenario_rate)
                                .accessible_name(format!("{}: {}", t.use_scenario_rate, name))
                                .clicked()
                        {
                            changes.push((
                                region_edit(&app.doc, index, |r| r.clear_lapse(segment)),
                                None,
                            ));
                        }
                    });
                }
                ui.end_row();
            }
        });
    for (edit, id) in changes {
        if let Some(edit) = edit {
            app.messages.push(Msg::Edit(edit, id));
        }
    }
}

/// Under the actuals: every reported figure the projection misses by more than 2 %, and the
/// way to fix it.
pub fn deviations(app: &mut UcjApp, ui: &mut Ui, index: usize) {
    let lang = app.lang;
    let t = lang.texts();
    let warnings: Vec<String> = app
        .doc
        .projection
        .deviations_of(index)
        .map(|i| (t.problem)(&i.problem))
        .collect();
    for w in &warnings {
        ui.label(RichText::new(w.clone()).color(ui.visuals().warn_fg_color));
    }
    let has_actuals = !app.doc.scenario.regions[index].actuals.is_empty();
    if ui
        .add_enabled(has_actuals, egui::Button::new(t.calib.calibrate))
        .on_hover_text(t.calib.calibrate_hint)
        .clicked()
    {
        app.messages.push(Msg::Action(Action::Calibrate));
    }
}

/// The reported split of actual `k` by segment: a cell per segment, or a button that starts
/// one from the projection's split at that month (scaled to the reported total).
pub fn actual_split(
    app: &mut UcjApp,
    ui: &mut Ui,
    index: usize,
    k: usize,
    p: Option<&crate::engine::RegionProjection>,
) -> Vec<(Option<crate::ui::edit::Edit>, Option<egui::Id>)> {
    let lang = app.lang;
    let t = &lang.texts().calib;
    let actual = app.doc.scenario.regions[index].actuals[k].clone();
    let mut changes = Vec::new();
    ui.horizontal(|ui| {
        if actual.by_segment.is_empty() {
            let add = ui
                .small_button(t.add_split)
                .on_hover_text(t.add_split_hint)
                .accessible_name(format!("{} {}", t.add_split, k + 1));
            if add.clicked() {
                let split = starting_split(&actual, p);
                changes.push((
                    region_edit(&app.doc, index, |r| r.actuals[k].by_segment = split),
                    None,
                ));
            }
            return;
        }
        for (&segment, &value) in &actual.by_segment {
            ui.label(RichText::new(segment.code()).small());
            let name = format!("{} {}, {}", t.split_col, k + 1, segment.code());
            let value = CellValue::Number { value, decimals: 0 };
            // A fixed width: a cell that takes what is available would widen the grid frame
            // after frame.
            let input = ui
                .allocate_ui(egui::vec2(84.0, ui.spacing().interact_size.y), |ui| {
                    region_cell(
                        app,
                        ui,
                        index,
                        Field::ActualSegment(k, segment),
                        &value,
                        &name,
                    )
                })
                .inner;
            if let Some((CellInput::Number(v), id)) = input {
                changes.push((
                    region_edit(&app.doc, index, |r| {
                        r.actuals[k].by_segment.insert(segment, v);
                    }),
                    Some(id),
                ));
            }
        }
        if ui
            .small_button("×")
            .on_hover_text(t.remove_split)
            .accessible_name(format!("{} {}", t.remove_split, k + 1))
            .clicked()
        {
            changes.push((
                region_edit(&app.doc, index, |r| r.actuals[k].by_segment.clear()),
                None,
            ));
        }
    });
    changes
}

/// PU and BPU (and any other segment with members) in the projection's proportions at the
/// actual's month, in whole people adding up to the reported total.
fn starting_split(
    actual: &crate::model::Actual,
    p: Option<&crate::engine::RegionProjection>,
) -> crate::model::SegmentMap {
    let projected = p
        .zip(actual.month.month())
        .and_then(|(p, m)| Some(p.series.by_segment[p.series.index_of(m)?]));
    let shares: Vec<(Segment, f64)> = match projected {
        Some(by) if by.iter().sum::<f64>() > 0.0 => {
            let total: f64 = by.iter().sum();
            Segment::ALL
                .into_iter()
                .filter(|s| by[s.index()] > 0.0 || matches!(s, Segment::PU | Segment::BPU))
                .map(|s| (s, by[s.index()] / total))
                .collect()
        }
        _ => vec![(Segment::PU, 1.0), (Segment::BPU, 0.0)],
    };
    let mut split: crate::model::SegmentMap = shares
        .iter()
        .map(|&(s, share)| (s, (actual.active * share).round()))
        .collect();
    // Rounding leftovers go to the largest segment, so the split adds up exactly.
    let left = actual.active - split.values().sum::<f64>();
    if let Some(largest) = shares
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(s, _)| s)
        && let Some(v) = split.get_mut(&largest)
    {
        *v += left;
    }
    split
}
