//! The scenario's own fields: name, notes, end, and the assumptions nobody publishes.

use egui::{DragValue, Grid, Id, RichText, Ui};

use crate::model::{Field, Segment, segment_value};

use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue, cell};
use super::super::edit::Edit;
use super::super::view::Msg;
use super::{problem_at, settings_edit};

/// A field of the scenario typed like a table's cell, with what validation says of `field`
/// under it: text that is not a value stays in the field, outlined and explained, and never
/// reaches the plan; a value out of range is kept as typed and validation names it. The new
/// value when one was typed in full.
fn scenario_cell(
    ui: &mut Ui,
    cells: &mut super::super::cells::CellBuffers,
    (report, lang): (&crate::model::Report, crate::i18n::Lang),
    id: Id,
    value: &CellValue<'_>,
    name: &str,
    field: Field,
) -> Option<CellInput> {
    let problem = problem_at(report, lang, None, None, field);
    cell(ui, cells, id, value, lang, name, problem.as_ref(), None).0
}

/// The slides of the presentation: which, and in what order; kept in the file.
fn deck(app: &mut UcjApp, ui: &mut Ui, changes: &mut Vec<(Option<Edit>, Id)>) {
    use crate::model::SlideChoice;
    let lang = app.lang;
    let t = &lang.texts().ui;
    ui.separator();
    ui.strong(t.deck_title);
    ui.label(RichText::new(t.deck_hint).weak());
    let current = if app.doc.scenario.slides.is_empty() {
        SlideChoice::usual()
    } else {
        app.doc.scenario.slides.clone()
    };
    let left_out: Vec<SlideChoice> = SlideChoice::KINDS
        .into_iter()
        .filter(|k| !current.contains(k))
        .collect();
    let name = |c: &SlideChoice| match c {
        SlideChoice::Region(code) => {
            let region = app
                .doc
                .scenario
                .regions
                .iter()
                .find(|r| &r.code == code)
                .map_or_else(String::new, |r| format!(" {}", crate::i18n::shown(&r.name)));
            (t.deck_region)(&format!("{}{region}", crate::i18n::shown(code)))
        }
        other => (t.deck_kind)(
            SlideChoice::KINDS
                .iter()
                .position(|k| k == other)
                .unwrap_or(0),
        )
        .to_owned(),
    };
    let mut next: Option<Vec<SlideChoice>> = None;
    let mut id = None;
    Grid::new("deck")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, choice) in current.iter().enumerate() {
                let mut on = true;
                let r = ui.checkbox(&mut on, name(choice));
                if r.changed() {
                    let mut d = current.clone();
                    d.remove(i);
                    next = Some(d);
                    id = Some(r.id);
                }
                ui.horizontal(|ui| {
                    let up = ui
                        .add_enabled(i > 0, egui::Button::new(t.move_up).small())
                        .on_hover_text(t.move_up_hint);
                    if up.clicked() {
                        let mut d = current.clone();
                        d.swap(i, i - 1);
                        next = Some(d);
                        id = Some(up.id);
                    }
                    let down = ui
                        .add_enabled(
                            i + 1 < current.len(),
                            egui::Button::new(t.move_down).small(),
                        )
                        .on_hover_text(t.move_down_hint);
                    if down.clicked() {
                        let mut d = current.clone();
                        d.swap(i, i + 1);
                        next = Some(d);
                        id = Some(down.id);
                    }
                });
                ui.end_row();
            }
            for kind in &left_out {
                let mut on = false;
                let r = ui.checkbox(&mut on, name(kind));
                if r.changed() {
                    let mut d = current.clone();
                    d.push(kind.clone());
                    next = Some(d);
                    id = Some(r.id);
                }
                ui.label("");
                ui.end_row();
            }
        });
    // A single region's slide, at the end of the deck (the arrows move it).
    let mut added = None;
    let regions: Vec<(String, String)> = app
        .doc
        .scenario
        .regions
        .iter()
        .filter(|r| !current.contains(&SlideChoice::Region(r.code.clone())))
        .map(|r| (r.code.clone(), crate::i18n::shown(&r.name).into_owned()))
        .collect();
    let add = egui::ComboBox::from_id_salt("deck-add-region")
        .selected_text(t.deck_add_region)
        .show_ui(ui, |ui| {
            for (code, region) in &regions {
                if ui
                    .selectable_label(false, format!("{code} {region}"))
                    .clicked()
                {
                    added = Some(code.clone());
                    // One slide a pick: the list closes.
                    ui.close();
                }
            }
        })
        .response
        .accessible_name(t.deck_add_region);
    if let Some(code) = added {
        let mut d = current.clone();
        d.push(SlideChoice::Region(code));
        next = Some(d);
        id = Some(add.id);
    }
    if !app.doc.scenario.slides.is_empty() {
        let r = ui.button(t.deck_usual);
        if r.clicked() {
            next = Some(Vec::new());
            id = Some(r.id);
        }
    }
    if let (Some(deck), Some(id)) = (next, id) {
        // The usual deck is written as none: the file stays as it was.
        let deck = if deck == SlideChoice::usual() {
            Vec::new()
        } else {
            deck
        };
        changes.push((settings_edit(&app.doc, |s| s.slides = deck), id));
    }
}

/// The uncertainty ranges: switched on, they add the block to the file.
fn uncertainty(app: &mut UcjApp, ui: &mut Ui, changes: &mut Vec<(Option<Edit>, Id)>) {
    let lang = app.lang;
    let t = &lang.texts().uncertainty;
    ui.separator();
    ui.strong(t.title);
    ui.label(RichText::new(t.intro).weak());
    let current = app.doc.scenario.assumptions.uncertainty.clone();
    let mut on = current.is_some();
    let r = ui.checkbox(&mut on, t.enable).on_hover_text(t.enable_hint);
    if r.changed() {
        changes.push((
            settings_edit(&app.doc, |s| {
                s.assumptions.uncertainty = on.then(crate::model::Uncertainty::default);
            }),
            r.id,
        ));
    }
    let Some(u) = current else { return };
    let report = &app.doc.projection.report;
    let problem = |field: Field| problem_at(report, lang, None, None, field);
    let push = |changes: &mut Vec<(Option<Edit>, Id)>,
                id: Id,
                f: &dyn Fn(&mut crate::model::Uncertainty)| {
        changes.push((
            settings_edit(&app.doc, |s| {
                if let Some(u) = s.assumptions.uncertainty.as_mut() {
                    f(u);
                }
            }),
            id,
        ));
    };
    let show_problem = |ui: &mut Ui, p: Option<super::super::cells::Said>| {
        if let Some(p) = p {
            ui.label(p.words(ui));
        } else {
            ui.label("");
        }
    };
    // Typed like a table's cells (see `scenario_cell`): nothing is clamped behind the
    // planner's back.
    Grid::new("uncertainty")
        .num_columns(3)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            ui.label(t.runs);
            let id = Id::unique("uncertainty-runs");
            let value = CellValue::Number {
                value: f64::from(u.runs),
                decimals: 0,
            };
            if let Some(CellInput::Number(v)) = scenario_cell(
                ui,
                &mut app.cells,
                (report, lang),
                id,
                &value,
                t.runs,
                Field::Runs,
            ) {
                // A whole count: what does not fit (a fraction, a minus) is rounded into
                // 0..=u32::MAX, and validation names anything outside 1..=MAX_RUNS.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped
                let runs = v.round().clamp(0.0, f64::from(u32::MAX)) as u32;
                push(changes, id, &|u| u.runs = runs);
            }
            show_problem(ui, problem(Field::Runs));
            ui.end_row();

            ui.label(t.seed);
            let mut seed = u.seed;
            let r = ui
                .add(DragValue::new(&mut seed).speed(1.0))
                .accessible_name(t.seed);
            if r.changed() {
                push(changes, r.id, &|u| u.seed = seed);
            }
            ui.label("");
            ui.end_row();

            for segment in Segment::ALL {
                for (label, map, field) in [
                    (
                        t.lapse_spread,
                        &u.lapse_spread_pct,
                        Field::LapseSpread(segment),
                    ),
                    (
                        t.new_spread,
                        &u.new_per_month_spread_pct,
                        Field::NewSpread(segment),
                    ),
                ] {
                    let name = format!("{label} {}", segment.code());
                    ui.label(&name).on_hover_text(t.spread_hint);
                    let lapse = matches!(field, Field::LapseSpread(_));
                    let id = Id::unique(("uncertainty-spread", lapse, segment.index()));
                    let value = CellValue::Number {
                        value: segment_value(map, segment),
                        decimals: 1,
                    };
                    if let Some(CellInput::Number(v)) =
                        scenario_cell(ui, &mut app.cells, (report, lang), id, &value, &name, field)
                    {
                        push(changes, id, &|u| {
                            let map = if lapse {
                                &mut u.lapse_spread_pct
                            } else {
                                &mut u.new_per_month_spread_pct
                            };
                            if v == 0.0 {
                                map.remove(&segment);
                            } else {
                                map.insert(segment, v);
                            }
                        });
                    }
                    show_problem(ui, problem(field));
                    ui.end_row();
                }
            }

            let name = t.growth_spread;
            ui.label(name).on_hover_text(t.spread_hint);
            let id = Id::unique("uncertainty-growth-spread");
            let value = CellValue::Number {
                value: u.workforce_growth_spread_pct,
                decimals: 1,
            };
            if let Some(CellInput::Number(v)) = scenario_cell(
                ui,
                &mut app.cells,
                (report, lang),
                id,
                &value,
                name,
                Field::GrowthSpread,
            ) {
                push(changes, id, &|u| u.workforce_growth_spread_pct = v);
            }
            show_problem(ui, problem(Field::GrowthSpread));
            ui.end_row();

            // One cell `low / most likely / high`, as on each campaign; empty = every run
            // enrolls all the people planned.
            let name = t.uptake;
            ui.label(name).on_hover_text(t.uptake_hint);
            let id = Id::unique("uncertainty-uptake");
            let value = CellValue::Range(Some(u.uptake_pct));
            if let Some(CellInput::Range(r)) = scenario_cell(
                ui,
                &mut app.cells,
                (report, lang),
                id,
                &value,
                name,
                Field::Uptake,
            ) {
                let range = r.unwrap_or(crate::model::Uncertainty::default().uptake_pct);
                push(changes, id, &|u| u.uptake_pct = range);
            }
            ui.label(RichText::new(format!("{} / {} / {}", t.low, t.mode, t.high)).weak());
            ui.end_row();
        });
    if let Some(p) = problem(Field::Uptake) {
        ui.label(p.words(ui));
    }
    if !crate::ui::uncertainty::wanted(&app.doc.scenario) {
        ui.label(RichText::new(t.no_spread).weak());
    }
}

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
                let (input, response) = cell(
                    ui,
                    &mut app.cells,
                    id,
                    &CellValue::WideText(&name),
                    lang,
                    t.scenario_name,
                    None,
                    None,
                );
                if let Some(CellInput::Text(v)) = input {
                    changes.push((settings_edit(&app.doc, |s| s.name = v), id));
                }
                if std::mem::take(&mut app.focus_first_field) {
                    response.request_focus();
                }
                ui.end_row();

                ui.label(t.scenario_end);
                let id = Id::unique("scenario-end");
                let end = app.doc.scenario.end.clone();
                if let Some(CellInput::Month(m)) = scenario_cell(
                    ui,
                    &mut app.cells,
                    (report, lang),
                    id,
                    &CellValue::Month(&end),
                    t.scenario_end,
                    Field::End,
                ) {
                    changes.push((settings_edit(&app.doc, |s| s.end = m), id));
                }
                ui.label(RichText::new(t.scenario_end_hint).weak());
                ui.end_row();

                // Typed like a table's cells: text that is not a number stays in the field,
                // outlined and explained, and never reaches the plan; a number out of range is
                // kept as typed and validation names it (nothing is changed behind the
                // planner's back).
                let rate = |ui: &mut Ui,
                            cells: &mut super::super::cells::CellBuffers,
                            id: Id,
                            value: f64,
                            label: &str,
                            field: Field| {
                    ui.label(label);
                    let value = CellValue::Number { value, decimals: 2 };
                    match scenario_cell(ui, cells, (report, lang), id, &value, label, field) {
                        Some(CellInput::Number(v)) => Some(v),
                        _ => None,
                    }
                };
                let growth = app.doc.scenario.assumptions.workforce_growth_pct_per_year;
                let label = format!("{} ({})", t.growth, t.pct_per_year.trim());
                if let Some(v) = rate(
                    ui,
                    &mut app.cells,
                    Id::unique("scenario-growth"),
                    growth,
                    &label,
                    Field::Growth,
                ) {
                    changes.push((
                        settings_edit(&app.doc, |s| {
                            s.assumptions.workforce_growth_pct_per_year = v;
                        }),
                        Id::unique("scenario-growth"),
                    ));
                }
                ui.label(RichText::new(t.assumption_mark).weak());
                ui.end_row();

                for segment in Segment::ALL {
                    let label = format!(
                        "{} {} ({})",
                        t.lapse,
                        segment.code(),
                        t.pct_per_month.trim()
                    );
                    let pct =
                        segment_value(&app.doc.scenario.assumptions.lapse_pct_per_month, segment);
                    let id = Id::unique(("scenario-lapse", segment.index()));
                    if let Some(v) =
                        rate(ui, &mut app.cells, id, pct, &label, Field::Lapse(segment))
                    {
                        changes.push((
                            settings_edit(&app.doc, |s| {
                                s.assumptions.lapse_pct_per_month.insert(segment, v);
                            }),
                            id,
                        ));
                    }
                    // A rate out of range is validation's to name; its "still active" would be
                    // nonsense.
                    if (0.0..=100.0).contains(&pct) {
                        ui.label(RichText::new((t.lapse_explained)(pct)).weak());
                    }
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        uncertainty(app, ui, &mut changes);
        ui.add_space(8.0);
        deck(app, ui, &mut changes);
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
            ui.label(problem.words(ui));
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
