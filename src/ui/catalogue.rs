//! File > New from the catalogue: pick provinces, single regencies and cities, or all of
//! Indonesia; each region's workforce is estimated from its population and a working share.

use std::collections::BTreeSet;

use egui::{Id, Modal, RichText, ScrollArea};

use crate::i18n::Lang;
use crate::model::Month;
use crate::model::catalogue::{self, Selection, WORKING_SHARE};

pub struct CatalogueView {
    filter: String,
    all: bool,
    provinces: BTreeSet<String>,
    districts: BTreeSet<String>,
    share: String,
    as_of: String,
}

/// What the dialog asks of the app.
pub enum Outcome {
    Open,
    Cancel,
    Create(Selection, f64, Month),
}

impl CatalogueView {
    #[must_use]
    pub fn new(lang: Lang, as_of: Month) -> Self {
        Self {
            filter: String::new(),
            all: false,
            provinces: BTreeSet::new(),
            districts: BTreeSet::new(),
            share: format!("{WORKING_SHARE}").replace('.', &lang.marks().1.to_string()),
            as_of: as_of.to_string(),
        }
    }

    fn selection(&self) -> Selection {
        Selection {
            all: self.all,
            provinces: self.provinces.iter().cloned().collect(),
            districts: self.districts.iter().cloned().collect(),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Outcome {
        let t = &lang.texts().catalogue;
        let mut outcome = Outcome::Open;
        let max = ctx.content_rect().size() - egui::vec2(80.0, 120.0);
        Modal::new(Id::unique("new-from-catalogue")).show(ctx, |ui| {
            ui.set_max_width(max.x.clamp(300.0, 640.0));
            ui.heading(t.title);
            ui.label(RichText::new(t.intro).weak());
            ui.checkbox(&mut self.all, t.all);
            ui.horizontal(|ui| {
                ui.label(lang.texts().ui.filter);
                ui.add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .hint_text(t.filter_hint)
                        .desired_width(220.0),
                )
                .accessible_name(t.filter_hint);
            });
            let needle = self.filter.trim().to_lowercase();
            ScrollArea::vertical()
                .max_height((max.y - 260.0).max(120.0))
                .show(ui, |ui| {
                    ui.add_enabled_ui(!self.all, |ui| {
                        for p in catalogue::provinces() {
                            let districts: Vec<_> = catalogue::districts_of(&p.code).collect();
                            let matches = |name: &str| {
                                needle.is_empty() || name.to_lowercase().contains(&needle)
                            };
                            let shown: Vec<_> = districts
                                .iter()
                                .filter(|d| matches(&d.name) || matches(&p.name))
                                .collect();
                            if shown.is_empty() {
                                continue;
                            }
                            ui.horizontal(|ui| {
                                let mut whole = self.provinces.contains(&p.code);
                                let label = (t.province_line)(&p.name, &p.code, districts.len());
                                if ui.checkbox(&mut whole, label).changed() {
                                    if whole {
                                        self.provinces.insert(p.code.clone());
                                    } else {
                                        self.provinces.remove(&p.code);
                                    }
                                }
                            });
                            if needle.is_empty() && !self.provinces.iter().any(|c| c == &p.code) {
                                // Districts are listed when searching; a province is taken whole.
                                continue;
                            }
                            ui.indent(("districts", &p.code), |ui| {
                                for d in shown {
                                    let mut on = self.provinces.contains(&p.code)
                                        || self.districts.contains(&d.code);
                                    let enabled = !self.provinces.contains(&p.code);
                                    let label = format!("{} {}", d.code, d.name);
                                    if ui
                                        .add_enabled(enabled, egui::Checkbox::new(&mut on, label))
                                        .changed()
                                    {
                                        if on {
                                            self.districts.insert(d.code.clone());
                                        } else {
                                            self.districts.remove(&d.code);
                                        }
                                    }
                                }
                            });
                        }
                    });
                });
            ui.separator();
            let share = crate::ui::cells::parse_number(&self.share, lang);
            let as_of = crate::i18n::reading::read_month(&self.as_of, lang);
            egui::Grid::new("catalogue-settings")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(t.share);
                    ui.add(egui::TextEdit::singleline(&mut self.share).desired_width(80.0))
                        .accessible_name(t.share)
                        .on_hover_text(t.share_hint);
                    ui.end_row();
                    ui.label(t.as_of);
                    ui.add(egui::TextEdit::singleline(&mut self.as_of).desired_width(80.0))
                        .accessible_name(t.as_of);
                    ui.end_row();
                });
            let share_ok = share
                .as_ref()
                .ok()
                .copied()
                .filter(|s| *s > 0.0 && *s <= 1.0);
            if share_ok.is_none() {
                ui.label(RichText::new(t.share_bad).color(ui.visuals().error_fg_color));
            }
            if as_of.is_none() {
                ui.label(
                    RichText::new((lang.texts().grid.not_month)(&self.as_of))
                        .color(ui.visuals().error_fg_color),
                );
            }
            let chosen = self.selection().entries().len();
            ui.label(RichText::new((t.chosen)(chosen)).strong());
            ui.horizontal(|ui| {
                let ready = chosen > 0 && share_ok.is_some() && as_of.is_some();
                if ui.add_enabled(ready, egui::Button::new(t.create)).clicked()
                    && let (Some(share), Some(as_of)) = (share_ok, as_of)
                {
                    outcome = Outcome::Create(self.selection(), share, as_of);
                }
                if ui.button(lang.texts().ui.cancel).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    outcome = Outcome::Cancel;
                }
            });
            ui.label(RichText::new(catalogue::CREDIT).weak().small());
        });
        outcome
    }
}
