//! The scenario's own fields: name, notes, end, and the assumptions nobody publishes.

use egui::{DragValue, Grid, Id, RichText, Ui};

use crate::model::{Field, Segment, segment_value};

use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue, cell};
use super::super::edit::Edit;
use super::super::view::Msg;
use super::{problem_at, settings_edit};

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let mut changes: Vec<(Option<Edit>, Id)> = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("assumptions")
            .num_columns(3)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                let report = &app.doc.projection.report;
                ui.label(t.scenario_name);
                let id = Id::unique("scenario-name");
                let name = app.doc.scenario.name.clone();
                if let (Some(CellInput::Text(v)), _) = cell(
                    ui,
                    &mut app.cells,
                    id,
                    &CellValue::WideText(&name),
                    lang,
                    t.scenario_name,
                    None,
                    None,
                ) {
                    changes.push((settings_edit(&app.doc, |s| s.name = v), id));
                }
                ui.end_row();

                ui.label(t.scenario_end);
                let id = Id::unique("scenario-end");
                let end = app.doc.scenario.end.clone();
                let problem = problem_at(report, lang, None, None, Field::End);
                if let (Some(CellInput::Month(m)), _) = cell(
                    ui,
                    &mut app.cells,
                    id,
                    &CellValue::Month(&end),
                    lang,
                    t.scenario_end,
                    problem.as_deref(),
                    None,
                ) {
                    changes.push((settings_edit(&app.doc, |s| s.end = m), id));
                }
                ui.label(RichText::new(t.scenario_end_hint).weak());
                ui.end_row();

                ui.label(t.growth);
                let mut growth = app.doc.scenario.assumptions.workforce_growth_pct_per_year;
                let r = ui
                    .add(
                        DragValue::new(&mut growth)
                            .speed(0.05)
                            .range(-50.0..=50.0)
                            .suffix(t.pct_per_year)
                            .max_decimals(2),
                    )
                    .accessible_name(t.growth);
                if r.changed() {
                    changes.push((
                        settings_edit(&app.doc, |s| {
                            s.assumptions.workforce_growth_pct_per_year = growth;
                        }),
                        r.id,
                    ));
                }
                ui.label(RichText::new(t.assumption_mark).weak());
                ui.end_row();

                for segment in Segment::ALL {
                    let label = format!("{} {}", t.lapse, segment.code());
                    ui.label(&label);
                    let mut pct =
                        segment_value(&app.doc.scenario.assumptions.lapse_pct_per_month, segment);
                    let r = ui
                        .add(
                            DragValue::new(&mut pct)
                                .speed(0.05)
                                .range(0.0..=100.0)
                                .suffix(t.pct_per_month)
                                .max_decimals(2),
                        )
                        .accessible_name(&label);
                    if r.changed() {
                        changes.push((
                            settings_edit(&app.doc, |s| {
                                s.assumptions.lapse_pct_per_month.insert(segment, pct);
                            }),
                            r.id,
                        ));
                    }
                    ui.label(RichText::new((t.lapse_explained)(pct)).weak());
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.label(t.notes);
        // Notes longer than a file may hold (validation says so) show their start; typing
        // replaces them.
        let too_long = app
            .doc
            .scenario
            .notes
            .chars()
            .nth(crate::model::MAX_NOTES_CHARS)
            .is_some();
        let mut notes = if too_long {
            crate::i18n::shown(&app.doc.scenario.notes).into_owned()
        } else {
            app.doc.scenario.notes.clone()
        };
        if let Some(problem) = super::problem_at(
            &app.doc.projection.report,
            app.lang,
            None,
            None,
            crate::model::Field::Notes,
        ) {
            ui.label(RichText::new(problem).color(ui.visuals().error_fg_color));
        }
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut notes)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(t.notes);
        if r.changed() {
            changes.push((settings_edit(&app.doc, |s| s.notes = notes), r.id));
        }
    });
    for (edit, id) in changes {
        if let Some(edit) = edit {
            app.messages.push(Msg::Edit(edit, Some(id)));
        }
    }
}
