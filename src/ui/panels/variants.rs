//! Plan variants: which campaigns each plan switches on, its own assumptions, and the switch
//! that decides which plan the window shows.

use egui::{Grid, Id, RichText, Ui};

use crate::model::{Segment, Variant, segment_value};

use super::super::app::UcjApp;
use super::super::cells::{CellInput, CellValue, cell};
use super::super::view::Msg;
use super::{settings_edit, unique};

/// The plan switch: the working plan (each campaign's own switch) or a variant.
pub fn plan_switch(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    let current = app.doc.variant();
    let name = |v: Option<usize>| {
        v.and_then(|i| app.doc.scenario.variants.get(i))
            .map_or_else(
                || t.working_plan.to_owned(),
                |v| crate::i18n::shown(&v.name).into_owned(),
            )
    };
    let mut picked = None;
    ui.label(t.plan_shown);
    egui::ComboBox::from_id_salt("plan-switch")
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for option in
                std::iter::once(None).chain((0..app.doc.scenario.variants.len()).map(Some))
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
        .accessible_name(t.plan_shown);
    if let Some(v) = picked {
        app.doc.show_variant(v);
        app.seek_cache = None;
    }
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    ui.horizontal(|ui| {
        plan_switch(app, ui);
        ui.separator();
        if ui
            .button(t.add_variant)
            .on_hover_text(t.add_variant_hint)
            .clicked()
        {
            let taken: Vec<&str> = app
                .doc
                .scenario
                .variants
                .iter()
                .map(|v| v.name.as_str())
                .collect();
            let name = unique(t.new_variant_name, &taken);
            let campaigns = (0..app.doc.scenario.campaigns.len())
                .filter(|&i| app.doc.campaign_on(i))
                .map(|i| crate::i18n::shown(&app.doc.scenario.campaigns[i].name).into_owned())
                .collect();
            let variant = Variant {
                name,
                campaigns,
                lapse_pct_per_month: None,
                workforce_growth_pct_per_year: None,
            };
            if let Some(edit) = settings_edit(&app.doc, |s| s.variants.push(variant)) {
                app.messages.push(Msg::Edit(edit, None));
                // The new row may be below the list's fold: it comes into view with the
                // keyboard in its name, ready to be named.
                app.view.new_variant = Some(app.doc.scenario.variants.len());
            }
        }
        if app.doc.scenario.variants.is_empty() && ui.button(t.add_baseline).clicked() {
            let variant = Variant {
                name: t.baseline_name.to_owned(),
                campaigns: Vec::new(),
                lapse_pct_per_month: None,
                workforce_growth_pct_per_year: None,
            };
            if let Some(edit) = settings_edit(&app.doc, |s| s.variants.insert(0, variant)) {
                app.messages.push(Msg::Edit(edit, None));
            }
        }
    });
    ui.label(RichText::new(t.variants_hint).weak().small());
    let report = app.doc.projection.report.clone();
    let mut edits = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("variants").striped(true).num_columns(6).show(ui, |ui| {
            for h in [t.col_name, t.col_campaigns_on, t.col_growth_override, t.col_lapse_override, "", ""] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (i, variant) in app.doc.scenario.variants.iter().enumerate() {
                let who = format!("{} {}", lang.texts().variant, i + 1);
                let problem = report
                    .issues
                    .iter()
                    .find(|issue| matches!(&issue.subject, crate::model::Subject::Variant { index, .. } if *index == i))
                    .map(|issue| super::super::cells::Said::of(issue, lang));
                let id = Id::unique(("variant-name", i));
                let name = format!("{}, {who}", t.col_name);
                // A variant just added: its name takes the keyboard, all of it selected, so
                // typing replaces the name it was given.
                let arriving = app.view.new_variant == Some(i);
                let (input, response) = cell(
                    ui,
                    &mut app.cells,
                    id,
                    &CellValue::WideText(&variant.name),
                    lang,
                    &name,
                    problem.as_ref(),
                    arriving.then_some(Some(true)),
                );
                if let Some(CellInput::Text(v)) = input {
                    edits.push((settings_edit(&app.doc, |s| s.variants[i].name = v), Some(id)));
                }
                if arriving {
                    app.view.new_variant = None;
                    response.scroll_to_me(None);
                }
                let label = if i == 0 {
                    format!("{} ({})", variant.campaigns.len(), t.baseline_word)
                } else {
                    variant.campaigns.len().to_string()
                };
                ui.label(label).on_hover_text(variant.campaigns.join("\n"));
                ui.horizontal(|ui| {
                    let mut own = variant.workforce_growth_pct_per_year.is_some();
                    let mut growth = variant
                        .workforce_growth_pct_per_year
                        .unwrap_or(app.doc.scenario.assumptions.workforce_growth_pct_per_year);
                    let c = ui.checkbox(&mut own, "").accessible_name(format!("{}, {who}", t.col_growth_override));
                    let d = ui
                        .add_enabled(own, super::super::cells::drag(&mut growth, app.lang).speed(0.05).suffix(t.pct_per_year))
                        .accessible_name(format!("{} %, {who}", t.col_growth_override));
                    if c.changed() || d.changed() {
                        let value = own.then_some(growth);
                        edits.push((settings_edit(&app.doc, |s| s.variants[i].workforce_growth_pct_per_year = value), Some(d.id)));
                    }
                });
                ui.horizontal(|ui| {
                    let base = &app.doc.scenario.assumptions.lapse_pct_per_month;
                    let mut own = variant.lapse_pct_per_month.is_some();
                    let mut lapse = variant.lapse_pct_per_month.clone().unwrap_or_else(|| base.clone());
                    let c = ui.checkbox(&mut own, "").accessible_name(format!("{}, {who}", t.col_lapse_override));
                    let mut changed = c.changed();
                    let mut key = None;
                    for segment in [Segment::BPU, Segment::PU] {
                        let mut v = segment_value(&lapse, segment);
                        let d = ui
                            .add_enabled(own, super::super::cells::drag(&mut v, app.lang).speed(0.05).range(0.0..=100.0).prefix(format!("{} ", segment.code())).suffix(" %"))
                            .accessible_name(format!("{} {}, {who}", t.lapse, segment.code()));
                        if d.changed() {
                            lapse.insert(segment, v);
                            changed = true;
                            key = Some(d.id);
                        }
                    }
                    if changed {
                        let value = own.then_some(lapse);
                        edits.push((settings_edit(&app.doc, |s| s.variants[i].lapse_pct_per_month = value), key));
                    }
                });
                if ui.small_button(t.show_it).clicked() {
                    app.view.pending_variant = Some(Some(i));
                }
                if ui.small_button("×").on_hover_text(t.delete).accessible_name(format!("{}, {who}", t.delete)).clicked() {
                    edits.push((settings_edit(&app.doc, |s| { s.variants.remove(i); }), None));
                }
                ui.end_row();
            }
        });
        if app.doc.scenario.variants.is_empty() {
            ui.label(RichText::new(t.no_variants).weak());
        }
    });
    for (edit, key) in edits {
        if let Some(edit) = edit {
            app.messages.push(Msg::Edit(edit, key));
        }
    }
    if let Some(v) = app.view.pending_variant.take() {
        app.doc.show_variant(v);
        app.seek_cache = None;
    }
}
