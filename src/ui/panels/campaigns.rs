//! The campaigns table: every field of a campaign, a switch to turn it off, add, duplicate,
//! delete.

use egui::{ComboBox, DragValue, Id, RichText, Ui};
use egui_extras::Column;

use crate::model::{Campaign, Field, MonthField, Payer, Ramp, Segment};

use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue, funded_months, table_cell};
use super::super::document::Document;
use super::super::edit::Edit;
use super::super::view::{Msg, this_month};
use super::{campaign_edit, problem_at};

/// A name no campaign has yet, so variants can tell campaigns apart.
fn fresh_name(doc: &Document, base: &str) -> String {
    let taken: Vec<&str> = doc
        .scenario
        .campaigns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    super::unique(base, &taken)
}

fn blank_campaign(doc: &Document, region: Option<usize>, name: &str) -> Campaign {
    let region = region.and_then(|i| doc.scenario.regions.get(i));
    let start = region
        .and_then(|r| r.as_of.month())
        .map_or_else(this_month, |m| m.plus(1));
    Campaign::new(
        &fresh_name(doc, name),
        region.map_or("", |r| r.code.as_str()),
        Segment::BPU,
        Payer::ApbdRegency,
        MonthField::Valid(start),
        1000.0,
    )
}

fn toolbar(app: &mut UcjApp, ui: &mut Ui, selected: Option<usize>) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        super::filter_box(
            ui,
            &mut app.view.campaign_filter,
            t.filter_campaigns_hint,
            app.lang,
        );
        ui.checkbox(&mut app.view.campaigns_of_selected, t.only_selected_region);
        ui.separator();
        if ui.button(t.add_campaign).clicked() {
            let campaign = blank_campaign(&app.doc, app.view.focus(), t.new_campaign);
            let at = app.doc.scenario.campaigns.len();
            app.messages
                .push(Msg::Edit(add_campaign(&app.doc, at, campaign), None));
            app.view.selected_campaign = Some(at);
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new(t.duplicate))
            .clicked()
            && let Some(i) = selected
        {
            let mut copy = app.doc.scenario.campaigns[i].clone();
            copy.name = fresh_name(&app.doc, &format!("{} ({})", copy.name, t.copy));
            app.messages
                .push(Msg::Edit(add_campaign(&app.doc, i + 1, copy), None));
            app.view.selected_campaign = Some(i + 1);
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new(t.delete))
            .clicked()
            && let Some(i) = selected
        {
            app.messages
                .push(Msg::Edit(remove_campaigns(&app.doc, &[i]), None));
            app.view.selected_campaign = None;
        }
    });
}

/// Switches a campaign on or off in the plan shown: its own switch, or the variant's list.
pub fn switch_campaign(doc: &Document, index: usize, on: bool) -> Option<Edit> {
    let Some(variant) = doc.variant() else {
        return campaign_edit(doc, index, |c| c.enabled = on);
    };
    let name = doc.scenario.campaigns.get(index)?.name.clone();
    super::settings_edit(doc, |s| {
        let list = &mut s.variants[variant].campaigns;
        list.retain(|n| n != &name);
        if on {
            list.push(name);
        }
    })
}

/// Adds a campaign at `index`, switched on in the plan shown: when a variant is shown, its
/// name joins that variant in the same step, so what was just added counts at once.
#[must_use]
pub fn add_campaign(doc: &Document, index: usize, campaign: Campaign) -> Edit {
    let name = campaign.name.clone();
    let mut edits = vec![Edit::InsertCampaign {
        index,
        campaign: Box::new(campaign),
    }];
    if let Some(v) = doc.variant() {
        edits.extend(super::settings_edit(doc, |s| {
            if let Some(variant) = s.variants.get_mut(v)
                && !variant.campaigns.contains(&name)
            {
                variant.campaigns.push(name);
            }
        }));
    }
    Edit::Batch(edits)
}

/// Removes campaigns, and their names from every variant when no other campaign keeps the
/// name, in one step: variants never name a campaign that is gone.
#[must_use]
pub fn remove_campaigns(doc: &Document, indices: &[usize]) -> Edit {
    let mut sorted: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| i < doc.scenario.campaigns.len())
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut edits: Vec<Edit> = sorted
        .iter()
        .rev()
        .map(|&i| Edit::RemoveCampaign {
            index: i,
            campaign: Box::new(doc.scenario.campaigns[i].clone()),
        })
        .collect();
    let kept: Vec<&str> = (0..doc.scenario.campaigns.len())
        .filter(|i| !sorted.contains(i))
        .map(|i| doc.scenario.campaigns[i].name.as_str())
        .collect();
    edits.extend(super::settings_edit(doc, |s| {
        for variant in &mut s.variants {
            variant.campaigns.retain(|n| kept.contains(&n.as_str()));
        }
    }));
    Edit::Batch(edits)
}

/// A new name for a campaign also renames it in every variant, in one step.
fn rename_campaign(doc: &Document, index: usize, name: &str) -> Option<Edit> {
    let old = doc.scenario.campaigns.get(index)?.name.clone();
    let mut edits = vec![campaign_edit(doc, index, |c| name.clone_into(&mut c.name))?];
    let shared = doc
        .scenario
        .campaigns
        .iter()
        .filter(|c| c.name == old)
        .count()
        > 1;
    if !shared {
        edits.extend(super::settings_edit(doc, |s| {
            for variant in &mut s.variants {
                for n in &mut variant.campaigns {
                    if *n == old {
                        name.clone_into(n);
                    }
                }
            }
        }));
    }
    Some(Edit::Batch(edits))
}

/// A combo box of a closed list, named for screen readers; returns the new choice.
fn choose<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    name: &str,
    current: T,
    options: &[T],
    label: impl Fn(T) -> String,
) -> Option<T> {
    let mut picked = None;
    let response = ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(ui.available_width())
        .wrap_mode(egui::TextWrapMode::Truncate)
        .show_ui(ui, |ui| {
            for &option in options {
                if ui
                    .selectable_label(option == current, label(option))
                    .clicked()
                {
                    picked = Some(option);
                }
            }
        })
        .response;
    response.accessible_name(name);
    picked.filter(|p| *p != current)
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let selected = app
        .view
        .selected_campaign
        .filter(|&i| i < app.doc.scenario.campaigns.len());
    toolbar(app, ui, selected);
    let lang = app.lang;
    let t = &lang.texts().ui;
    let needle = app.view.campaign_filter.trim().to_lowercase();
    let focus_code = app
        .view
        .focus()
        .and_then(|i| app.doc.scenario.regions.get(i))
        .map(|r| r.code.clone());
    let rows: Vec<usize> = app
        .doc
        .scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|(_, c)| needle.is_empty() || c.name.to_lowercase().contains(&needle))
        .filter(|(_, c)| !app.view.campaigns_of_selected || Some(&c.region) == focus_code.as_ref())
        .map(|(i, _)| i)
        .collect();
    let UcjApp {
        doc,
        cells,
        view,
        messages,
        ..
    } = app;
    let region_codes: Vec<(String, String)> = doc
        .scenario
        .regions
        .iter()
        .map(|r| (r.code.clone(), crate::i18n::shown(&r.name).into_owned()))
        .collect();
    let headers = [
        t.col_on,
        t.col_name,
        t.col_region,
        t.col_segment,
        t.col_payer,
        t.col_start,
        t.col_people,
        t.col_ramp,
        t.col_ramp_months,
        t.col_funded_months,
        t.col_retention,
        t.col_contribution,
        t.col_one_off,
    ];
    let reveal = view
        .reveal
        .take()
        .and_then(|i| rows.iter().position(|&r| r == i));
    egui::ScrollArea::horizontal().show(ui, |ui| {
        super::table(ui, "campaigns", reveal)
            .column(Column::exact(34.0))
            .column(Column::initial(260.0).at_least(100.0))
            .column(Column::initial(170.0).at_least(80.0))
            .column(Column::initial(75.0))
            .column(Column::initial(120.0))
            .column(Column::initial(80.0))
            .column(Column::initial(90.0))
            .column(Column::initial(95.0))
            .column(Column::initial(70.0))
            .column(Column::initial(95.0))
            .column(Column::initial(75.0))
            .column(Column::initial(95.0))
            .column(Column::initial(85.0))
            .header(24.0, |mut header| {
                for label in headers {
                    header.col(|ui| {
                        ui.strong(label);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, rows.len(), |mut row| {
                    let i = rows[row.index()];
                    row.set_selected(selected == Some(i));
                    let c = &doc.scenario.campaigns[i];
                    let report = &doc.projection.report;
                    let problem = |field| problem_at(report, lang, None, Some(i), field);
                    let who = format!("{} {}", t.campaign_word, i + 1);
                    let mut changes: Vec<(Option<Edit>, Id)> = Vec::new();
                    let mut focused = false;
                    row.col(|ui| {
                        let mut on = doc.campaign_on(i);
                        let r = ui
                            .checkbox(&mut on, "")
                            .accessible_name(format!("{}, {who}", t.col_on));
                        let r = r.on_hover_text(t.enabled_hint);
                        if r.changed() {
                            changes.push((switch_campaign(doc, i, on), r.id));
                        }
                    });
                    let mut text_cell =
                        |row: &mut egui_extras::TableRow<'_, '_>,
                         label: &str,
                         value: CellValue<'_>,
                         problem: Option<String>| {
                            let id = Id::unique(("campaign-cell", i, label));
                            let name = format!("{label}, {who}");
                            let (input, gained) =
                                table_cell(row, cells, id, &value, lang, &name, problem.as_deref());
                            focused |= gained;
                            input.map(|v| (v, id))
                        };
                    if let Some((CellInput::Text(v), id)) = text_cell(
                        &mut row,
                        t.col_name,
                        CellValue::Text(&c.name),
                        problem(Field::Name),
                    ) {
                        changes.push((rename_campaign(doc, i, &v), id));
                    }
                    row.col(|ui| {
                        let id = Id::unique(("campaign-region", i));
                        let current = region_codes.iter().position(|(code, _)| code == &c.region);
                        let shown = current.map_or_else(
                            || format!("! {}", crate::i18n::shown(&c.region)),
                            |k| {
                                format!(
                                    "{} {}",
                                    crate::i18n::shown(&region_codes[k].0),
                                    region_codes[k].1
                                )
                            },
                        );
                        let options: Vec<Option<usize>> =
                            (0..region_codes.len()).map(Some).collect();
                        let label = |k: Option<usize>| {
                            k.map_or_else(
                                || shown.clone(),
                                |k| {
                                    format!(
                                        "{} {}",
                                        crate::i18n::shown(&region_codes[k].0),
                                        region_codes[k].1
                                    )
                                },
                            )
                        };
                        if let Some(Some(k)) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_region),
                            current,
                            &options,
                            label,
                        ) {
                            let code = region_codes[k].0.clone();
                            changes.push((campaign_edit(doc, i, |c| c.region = code), id));
                        }
                        if let Some(p) = problem(Field::Region) {
                            ui.label(
                                RichText::new("!")
                                    .strong()
                                    .color(ui.visuals().error_fg_color),
                            )
                            .on_hover_text(p);
                        }
                    });
                    row.col(|ui| {
                        let id = Id::unique(("campaign-segment", i));
                        if let Some(s) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_segment),
                            c.segment,
                            &Segment::ALL,
                            |s| s.code().to_owned(),
                        ) {
                            changes.push((campaign_edit(doc, i, |c| c.segment = s), id));
                        }
                    });
                    row.col(|ui| {
                        let id = Id::unique(("campaign-payer", i));
                        if let Some(p) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_payer),
                            c.payer,
                            &Payer::ALL,
                            |p| (t.payer)(p).to_owned(),
                        ) {
                            changes.push((campaign_edit(doc, i, |c| c.payer = p), id));
                        }
                    });
                    if let Some((CellInput::Month(m), id)) = text_cell(
                        &mut row,
                        t.col_start,
                        CellValue::Month(&c.start),
                        problem(Field::Start),
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.start = m), id));
                    }
                    if let Some((CellInput::Number(v), id)) = text_cell(
                        &mut row,
                        t.col_people,
                        CellValue::Number {
                            value: c.people,
                            decimals: 0,
                        },
                        problem(Field::People),
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.people = v), id));
                    }
                    row.col(|ui| {
                        let id = Id::unique(("campaign-ramp", i));
                        if let Some(r) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_ramp),
                            c.ramp,
                            &Ramp::ALL,
                            |r| (t.ramp)(r).to_owned(),
                        ) {
                            changes.push((campaign_edit(doc, i, |c| c.ramp = r), id));
                        }
                    });
                    row.col(|ui| {
                        let mut months = c.ramp_months;
                        let r = ui
                            .add_enabled(
                                c.ramp != Ramp::Immediate,
                                DragValue::new(&mut months).range(1..=120).speed(0.1),
                            )
                            .accessible_name(format!("{}, {who}", t.col_ramp_months));
                        if r.changed() {
                            changes.push((campaign_edit(doc, i, |c| c.ramp_months = months), r.id));
                        }
                    });
                    row.col(|ui| {
                        let name = format!("{}, {who}", t.col_funded_months);
                        let (funded, r) =
                            funded_months(ui, c.payer.is_funded(), c.funded_months, &name, lang);
                        if let Some(funded) = funded {
                            changes
                                .push((campaign_edit(doc, i, |c| c.funded_months = funded), r.id));
                        }
                    });
                    row.col(|ui| {
                        let mut pct = c.retention_pct;
                        let r = ui
                            .add_enabled(
                                c.payer.is_funded(),
                                DragValue::new(&mut pct)
                                    .range(0.0..=100.0)
                                    .speed(0.5)
                                    .suffix(" %"),
                            )
                            .accessible_name(format!("{}, {who}", t.col_retention));
                        if r.changed() {
                            changes.push((campaign_edit(doc, i, |c| c.retention_pct = pct), r.id));
                        }
                    });
                    for (label, value, field) in [
                        (t.col_contribution, c.contribution_rp, Field::Contribution),
                        (t.col_one_off, c.one_off_rp, Field::OneOff),
                    ] {
                        if let Some((CellInput::Number(v), id)) = text_cell(
                            &mut row,
                            label,
                            CellValue::Number { value, decimals: 0 },
                            problem(field),
                        ) {
                            let edit = campaign_edit(doc, i, |c| match field {
                                Field::Contribution => c.contribution_rp = v,
                                _ => c.one_off_rp = v,
                            });
                            changes.push((edit, id));
                        }
                    }
                    if row.response().clicked() || focused {
                        view.selected_campaign = Some(i);
                    }
                    for (edit, id) in changes {
                        if let Some(edit) = edit {
                            messages.push(Msg::Edit(edit, Some(id)));
                        }
                    }
                });
            });
    });
    if rows.is_empty() {
        ui.label(RichText::new(t.no_campaigns).weak());
    }
}
