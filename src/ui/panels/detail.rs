//! The selected region: coverage now, each target with its projection and the people still
//! needed (goal seek), targets and actuals to edit, and a button that creates the campaign.

use egui::{ComboBox, Grid, Id, RichText, Ui};

use crate::engine::{RegionProjection, Seek, analyse_targets, people_needed};
use crate::model::{
    Actual, Campaign, Field, MonthField, Payer, Ramp, Segment, Target, segment_value,
};

use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue, cell, funded_months};
use super::super::document::overrides_of;
use super::super::edit::Edit;
use super::super::view::{Msg, SeekChoice};
use super::{problem_at, region_edit};

/// The campaign goal seek tries for a target: the user's choice, from the month after the
/// region's figures, spread (Linear) or all at once up to the target's month.
#[must_use]
pub fn seek_campaign(
    choice: &SeekChoice,
    code: &str,
    p: &RegionProjection,
    month: crate::model::Month,
    name: &str,
) -> Campaign {
    let start = p.series.first.plus(1);
    let mut c = Campaign::new(
        name,
        code,
        choice.segment,
        choice.payer,
        MonthField::Valid(start),
        0.0,
    );
    c.ramp = choice.ramp;
    c.ramp_months = u32::try_from(month.since(start) + 1).unwrap_or(1).max(1);
    c.funded_months = choice.funded_months;
    c
}

/// "Coverage now 41,65 %" large, and the figures it comes from.
pub fn coverage_figures(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    s: &crate::engine::Series,
    source: &str,
    size: f32,
) {
    let t = &lang.texts().ui;
    ui.label(
        RichText::new(format!(
            "{} {}",
            t.coverage_now,
            lang.pct(s.coverage_pct(0))
        ))
        .size(size)
        .strong(),
    );
    ui.label((t.coverage_of)(
        &lang.people(s.active[0]),
        &lang.people(s.workforce[0]),
        &lang.month(s.first),
        &crate::i18n::shown(source),
    ));
}

fn seeks(app: &mut UcjApp, index: usize, p: &RegionProjection) -> Vec<Seek> {
    let key = (app.doc.revision, index, app.view.seek.clone());
    if let Some((k, results)) = &app.seek_cache
        && *k == key
    {
        return results.clone();
    }
    let code = &app.doc.scenario.regions[index].code;
    let variant = app.doc.plan();
    let results: Vec<Seek> = p
        .targets
        .iter()
        .map(|&(month, pct)| {
            let plan = seek_campaign(&app.view.seek, code, p, month, "");
            people_needed(
                &app.doc.scenario,
                &app.doc.projection.report,
                &overrides_of(variant.as_ref()),
                index,
                month,
                pct,
                &plan,
            )
        })
        .collect();
    app.seek_cache = Some((key, results.clone()));
    results
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let Some(index) = app.view.focus() else {
        ui.heading(t.detail_title);
        ui.label(RichText::new(t.select_region_hint).weak());
        return;
    };
    let region = app.doc.scenario.regions[index].clone();
    ui.heading(format!(
        "{} ({})",
        crate::i18n::shown(&region.name),
        crate::i18n::shown(&region.code)
    ));
    if !region.province.is_empty() {
        ui.label(RichText::new(crate::i18n::shown(&region.province)).weak());
    }
    let Some(p) = app.doc.projection.region(index).cloned() else {
        ui.label(RichText::new(t.not_projected).color(ui.visuals().error_fg_color));
        targets_and_actuals(app, ui, index, None, &[]);
        return;
    };
    ui.add_space(4.0);
    coverage_figures(ui, lang, &p.series, &region.workforce_source, 22.0);
    super::baseline::show(app, ui, index);
    ui.separator();
    ui.strong(t.goal_seek_plan);
    seek_choice(app, ui);
    let results = seeks(app, index, &p);
    targets_and_actuals(app, ui, index, Some(&p), &results);
    super::spread::show(app, ui, index, &p);
}

fn seek_choice(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let choice = &mut app.view.seek;
    ui.horizontal_wrapped(|ui| {
        ComboBox::from_id_salt("seek-segment")
            .selected_text(choice.segment.code())
            .show_ui(ui, |ui| {
                for s in Segment::ALL {
                    ui.selectable_value(&mut choice.segment, s, s.code());
                }
            })
            .response
            .accessible_name(t.col_segment);
        ComboBox::from_id_salt("seek-payer")
            .selected_text((t.payer)(choice.payer))
            .show_ui(ui, |ui| {
                for p in Payer::ALL {
                    ui.selectable_value(&mut choice.payer, p, (t.payer)(p));
                }
            })
            .response
            .accessible_name(t.col_payer);
        ComboBox::from_id_salt("seek-ramp")
            .selected_text((t.ramp)(choice.ramp))
            .show_ui(ui, |ui| {
                for r in [Ramp::Immediate, Ramp::Linear] {
                    ui.selectable_value(&mut choice.ramp, r, (t.ramp)(r));
                }
            })
            .response
            .accessible_name(t.col_ramp);
        if choice.payer.is_funded() {
            let (funded, _) =
                funded_months(ui, true, choice.funded_months, t.col_funded_months, lang);
            if let Some(funded) = funded {
                choice.funded_months = funded;
            }
        }
    });
    ui.label(
        RichText::new((t.seek_explained)(
            choice.payer.is_funded(),
            choice.ramp == Ramp::Linear,
        ))
        .weak()
        .small(),
    );
}

/// A cell of region `index`'s `field`, marked with what validation says of it.
pub fn region_cell(
    app: &mut UcjApp,
    ui: &mut Ui,
    index: usize,
    field: Field,
    value: &CellValue<'_>,
    name: &str,
) -> Option<(CellInput, Id)> {
    let id = Id::unique(("region-field", index, field));
    let problem = problem_at(
        &app.doc.projection.report,
        app.lang,
        Some(index),
        None,
        field,
    );
    let (input, _) = cell(
        ui,
        &mut app.cells,
        id,
        value,
        app.lang,
        name,
        problem.as_ref(),
        None,
    );
    input.map(|v| (v, id))
}

/// The notes of a region's targets (or actuals): where each figure comes from.
fn notes(
    app: &mut UcjApp,
    ui: &mut Ui,
    index: usize,
    actuals: bool,
) -> Vec<(Option<Edit>, Option<Id>)> {
    let t = &app.lang.texts().ui;
    let region = &app.doc.scenario.regions[index];
    let texts: Vec<String> = if actuals {
        region.actuals.iter().map(|a| a.note.clone()).collect()
    } else {
        region.targets.iter().map(|t| t.note.clone()).collect()
    };
    let mut changes = Vec::new();
    if texts.is_empty() {
        return changes;
    }
    Grid::new(("notes", index, actuals))
        .num_columns(2)
        .show(ui, |ui| {
            for (k, text) in texts.iter().enumerate() {
                let name = format!(
                    "{}, {} {}",
                    t.col_note,
                    if actuals {
                        t.actual_word
                    } else {
                        t.target_word
                    },
                    k + 1
                );
                ui.label(RichText::new(&name).small());
                let id = Id::unique(("note", index, actuals, k));
                let (input, response) = cell(
                    ui,
                    &mut app.cells,
                    id,
                    &CellValue::WideText(text),
                    app.lang,
                    &name,
                    None,
                    None,
                );
                if !text.is_empty() {
                    response.on_hover_text(crate::i18n::shown(text));
                }
                if let Some(CellInput::Text(v)) = input {
                    changes.push((
                        region_edit(&app.doc, index, |r| {
                            if actuals {
                                r.actuals[k].note = v;
                            } else {
                                r.targets[k].note = v;
                            }
                        }),
                        Some(id),
                    ));
                }
                ui.end_row();
            }
        });
    changes
}

fn targets_and_actuals(
    app: &mut UcjApp,
    ui: &mut Ui,
    index: usize,
    p: Option<&RegionProjection>,
    seeks: &[Seek],
) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let region = app.doc.scenario.regions[index].clone();
    let outcomes = p.map(analyse_targets).unwrap_or_default();
    let mut changes: Vec<(Option<Edit>, Option<Id>)> = Vec::new();
    ui.add_space(6.0);
    ui.strong(t.targets);
    Grid::new(("targets", index))
        .striped(true)
        .num_columns(6)
        .show(ui, |ui| {
            for h in [
                t.col_month,
                t.col_target_pct,
                t.col_projected,
                t.col_gap,
                t.col_reached,
                t.col_needed,
            ] {
                ui.label(RichText::new(h).small().strong());
            }
            ui.end_row();
            for (k, target) in region.targets.iter().enumerate() {
                let name = format!("{} {}", t.target_month, k + 1);
                if let Some((CellInput::Month(m), id)) = region_cell(
                    app,
                    ui,
                    index,
                    Field::TargetMonth(k),
                    &CellValue::Month(&target.month),
                    &name,
                ) {
                    changes.push((
                        region_edit(&app.doc, index, |r| r.targets[k].month = m),
                        Some(id),
                    ));
                }
                let value = CellValue::Number {
                    value: target.pct,
                    decimals: 2,
                };
                let name = format!("{} {}", t.target_pct, k + 1);
                if let Some((CellInput::Number(v), id)) =
                    region_cell(app, ui, index, Field::TargetPct(k), &value, &name)
                {
                    changes.push((
                        region_edit(&app.doc, index, |r| r.targets[k].pct = v),
                        Some(id),
                    ));
                }
                // Outcomes are sorted by month; find this target's.
                let outcome = target.month.month().and_then(|m| {
                    let order = p?
                        .targets
                        .iter()
                        .position(|&(tm, tp)| tm == m && tp == target.pct)?;
                    Some((outcomes.get(order)?.clone(), seeks.get(order).copied()))
                });
                if let Some((o, seek)) = outcome {
                    ui.label(o.projected_pct.map_or_else(|| "–".into(), |v| lang.pct(v)));
                    let gap = o.gap.map_or_else(|| "–".into(), |g| lang.people_short(g));
                    ui.label(gap).on_hover_text(t.gap_hint);
                    ui.label(lang.reached(&o.reached));
                    match seek {
                        Some(Seek::People(n)) => {
                            ui.horizontal(|ui| {
                                #[allow(clippy::cast_precision_loss)]
                                let people = n as f64;
                                ui.label(lang.people(people));
                                let button = ui
                                    .small_button(t.create_campaign)
                                    .on_hover_text(t.create_campaign_hint);
                                if button.clicked()
                                    && let Some(p) = p
                                    && let Some(month) = target.month.month()
                                {
                                    let name = (t.seek_campaign_name)(
                                        &lang.pct(target.pct),
                                        &lang.month(month),
                                    );
                                    let mut c = seek_campaign(
                                        &app.view.seek,
                                        &region.code,
                                        p,
                                        month,
                                        &name,
                                    );
                                    c.people = people;
                                    let at = app.doc.scenario.campaigns.len();
                                    changes.push((
                                        Some(super::campaigns::add_campaign(&app.doc, at, c)),
                                        None,
                                    ));
                                    app.view.selected_campaign = Some(at);
                                }
                            });
                        }
                        Some(Seek::AlreadyMet) => {
                            ui.label(t.already_met);
                        }
                        Some(Seek::Unreachable) | None => {
                            ui.label(t.unreachable).on_hover_text(t.unreachable_hint);
                        }
                    }
                } else {
                    for _ in 0..4 {
                        ui.label("–");
                    }
                }
                if ui
                    .small_button("×")
                    .on_hover_text(t.delete)
                    .accessible_name(format!("{} {}", t.delete, name))
                    .clicked()
                {
                    changes.push((
                        region_edit(&app.doc, index, |r| {
                            r.targets.remove(k);
                        }),
                        None,
                    ));
                }
                ui.end_row();
            }
        });
    if ui.button(t.add_target).clicked() {
        let month = region.targets.last().map_or_else(
            || app.doc.scenario.end.clone(),
            |t| {
                t.month
                    .month()
                    .map_or(t.month.clone(), |m| MonthField::Valid(m.plus(12)))
            },
        );
        changes.push((
            region_edit(&app.doc, index, |r| {
                r.targets.push(Target {
                    month,
                    pct: 52.15,
                    note: String::new(),
                });
            }),
            None,
        ));
    }

    ui.add_space(6.0);
    ui.strong(t.actuals);
    Grid::new(("actuals", index))
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                t.col_month,
                t.col_active_reported,
                t.col_projected,
                lang.texts().calib.split_col,
            ] {
                ui.label(RichText::new(h).small().strong());
            }
            ui.end_row();
            for (k, actual) in region.actuals.iter().enumerate() {
                let name = format!("{} {}", t.actual_month, k + 1);
                if let Some((CellInput::Month(m), id)) = region_cell(
                    app,
                    ui,
                    index,
                    Field::ActualMonth(k),
                    &CellValue::Month(&actual.month),
                    &name,
                ) {
                    changes.push((
                        region_edit(&app.doc, index, |r| r.actuals[k].month = m),
                        Some(id),
                    ));
                }
                let value = CellValue::Number {
                    value: actual.active,
                    decimals: 0,
                };
                let active_name = format!("{} {}", t.col_active_reported, k + 1);
                if let Some((CellInput::Number(v), id)) =
                    region_cell(app, ui, index, Field::ActualActive(k), &value, &active_name)
                {
                    changes.push((
                        region_edit(&app.doc, index, |r| r.actuals[k].active = v),
                        Some(id),
                    ));
                }
                let projected = p
                    .zip(actual.month.month())
                    .and_then(|(p, m)| Some(p.series.active[p.series.index_of(m)?]));
                ui.label(projected.map_or_else(|| "–".into(), |v| lang.people(v)));
                changes.extend(super::baseline::actual_split(app, ui, index, k, p));
                if ui
                    .small_button("×")
                    .on_hover_text(t.delete)
                    .accessible_name(format!("{} {}", t.delete, name))
                    .clicked()
                {
                    changes.push((
                        region_edit(&app.doc, index, |r| {
                            r.actuals.remove(k);
                        }),
                        None,
                    ));
                }
                ui.end_row();
            }
        });
    super::baseline::deviations(app, ui, index);
    if ui.button(t.add_actual).clicked() {
        let month = region.as_of.clone();
        let active: f64 = Segment::ALL
            .iter()
            .map(|&s| segment_value(&region.active, s))
            .sum();
        changes.push((
            region_edit(&app.doc, index, |r| {
                r.actuals.push(Actual {
                    month,
                    active,
                    by_segment: crate::model::SegmentMap::new(),
                    note: String::new(),
                });
            }),
            None,
        ));
    }
    let count = region.targets.iter().filter(|t| !t.note.is_empty()).count()
        + region.actuals.iter().filter(|a| !a.note.is_empty()).count();
    egui::CollapsingHeader::new(format!("{} ({count})", t.notes_of_figures))
        .id_salt(("figure-notes", index))
        .show(ui, |ui| {
            changes.extend(notes(app, ui, index, false));
            changes.extend(notes(app, ui, index, true));
        });
    for (edit, id) in changes {
        if let Some(edit) = edit {
            app.messages.push(Msg::Edit(edit, id));
        }
    }
}
