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
                    let name = format!("{}: {}", region.name, (t.rate_name)(rate));
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
