//! The import dialog: what a CSV or XLSX file holds, how each column is read (the planner can
//! change it), the first rows, every row that cannot be read, and what the merge will do.
//! *Import* applies it as one undo step.

use egui::{ComboBox, Grid, Id, Modal, RichText, ScrollArea, Ui};

use crate::files::tables::{self, Col, Counts, Data, Kind, RowProblem, header, sheet_name};
use crate::i18n::{Lang, shown};
use crate::model::Scenario;

/// Rows of each sheet shown in the preview.
const PREVIEW_ROWS: usize = 5;
/// Problems listed in the dialog; the rest are counted.
const LISTED: usize = 200;

pub struct ImportView {
    pub file: String,
    pub data: Data,
    /// The merge as the mapping stands: the scenario it gives, counts, rows not read; worked
    /// out again when the mapping changes.
    merged: Option<(Scenario, Counts, Vec<RowProblem>)>,
    /// The document revision the merge was worked out for.
    revision: u64,
}

/// What the dialog asks of the app.
pub enum Outcome {
    Open,
    Cancel,
    Apply(Box<Scenario>, Counts),
}

impl ImportView {
    #[must_use]
    pub fn new(file: String, data: Data) -> Self {
        Self {
            file,
            data,
            merged: None,
            revision: u64::MAX,
        }
    }

    fn merge(&mut self, scenario: &Scenario, revision: u64, lang: Lang) {
        if self.merged.is_none() || self.revision != revision {
            self.merged = Some(tables::merge(scenario, &self.data, lang));
            self.revision = revision;
        }
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        scenario: &Scenario,
        revision: u64,
        lang: Lang,
    ) -> Outcome {
        self.merge(scenario, revision, lang);
        let t = &lang.texts().import;
        let c = &lang.texts().columns;
        let mut outcome = Outcome::Open;
        let mut changed = false;
        let max = ctx.content_rect().size() - egui::vec2(80.0, 120.0);
        Modal::new(Id::unique("import-data")).show(ctx, |ui| {
            ui.set_max_width(max.x.clamp(300.0, 1100.0));
            ui.heading(t.title);
            ui.label(RichText::new(shown(&self.file)).weak());
            ScrollArea::vertical()
                .max_height((max.y - 160.0).max(160.0))
                .show(ui, |ui| {
                    for (k, (sheet, mapping)) in self.data.sheets.iter_mut().enumerate() {
                        changed |= sheet_ui(ui, k, sheet, mapping, lang);
                        ui.separator();
                    }
                    if let Some((_, counts, problems)) = &self.merged {
                        ui.label(RichText::new((c.counts)(counts)).strong());
                        if problems.is_empty() {
                            ui.label(t.all_read);
                        } else {
                            ui.label(
                                RichText::new((t.not_read)(problems.len()))
                                    .color(ui.visuals().error_fg_color),
                            );
                            for p in problems.iter().take(LISTED) {
                                ui.label(
                                    RichText::new((c.row_problem)(
                                        &shown(&p.sheet),
                                        p.row,
                                        &shown(&p.key),
                                        &p.message,
                                    ))
                                    .color(ui.visuals().error_fg_color),
                                );
                            }
                            if problems.len() > LISTED {
                                ui.label((lang.texts().grid.and_more)(problems.len() - LISTED));
                            }
                        }
                    }
                });
            ui.separator();
            let nothing = self.data.sheets.iter().all(|(_, m)| m.is_none());
            if nothing {
                ui.label(RichText::new(c.nothing_found).color(ui.visuals().warn_fg_color));
            }
            let same = self.merged.as_ref().is_some_and(|(m, _, _)| m == scenario);
            if !nothing && same {
                // Why Import is greyed: the rows left out above were the only news.
                ui.label(RichText::new(t.nothing_new).color(ui.visuals().warn_fg_color));
            }
            ui.horizontal(|ui| {
                let can = !nothing && self.merged.is_some() && !same;
                if ui
                    .add_enabled(can, egui::Button::new(t.import))
                    .on_hover_text(t.import_hint)
                    .clicked()
                    && let Some((merged, counts, _)) = self.merged.take()
                {
                    outcome = Outcome::Apply(Box::new(merged), counts);
                }
                if ui.button(lang.texts().ui.cancel).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    outcome = Outcome::Cancel;
                }
            });
        });
        if changed {
            self.merged = None;
        }
        outcome
    }
}

/// A cell's text as the preview shows it: short, control characters escaped.
fn cut(text: &str) -> String {
    crate::i18n::shortened(text, 40)
}

/// One sheet: how it is read (or not), each column's meaning, the first rows. Returns whether
/// the planner changed how it is read.
fn sheet_ui(
    ui: &mut Ui,
    k: usize,
    sheet: &tables::Sheet,
    mapping: &mut Option<tables::Mapping>,
    lang: Lang,
) -> bool {
    let t = &lang.texts().import;
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(RichText::new(shown(&sheet.name)).strong());
        ui.label(t.read_as);
        let current = mapping.as_ref().map(|m| m.kind);
        let label = |k: Option<Kind>| k.map_or(t.not_read_sheet, |k| sheet_name(k, lang));
        ComboBox::from_id_salt(("import-kind", k))
            .selected_text(label(current))
            .show_ui(ui, |ui| {
                for option in std::iter::once(None).chain(Kind::ALL.into_iter().map(Some)) {
                    if ui
                        .selectable_label(option == current, label(option))
                        .clicked()
                        && option != current
                    {
                        *mapping = option.map(|kind| tables::map_sheet_as(sheet, kind));
                        changed = true;
                    }
                }
            })
            .response
            .accessible_name(format!("{}, {}", t.read_as, shown(&sheet.name)));
    });
    let Some(m) = mapping else {
        return changed;
    };
    let kind = m.kind;
    let Some(headers) = sheet.rows.get(m.header_row) else {
        return changed;
    };
    ScrollArea::horizontal()
        .id_salt(("import-preview", k))
        .show(ui, |ui| {
            Grid::new(("import-grid", k)).striped(true).show(ui, |ui| {
                for h in headers {
                    ui.label(RichText::new(cut(&h.text())).small().strong());
                }
                ui.end_row();
                for j in 0..headers.len() {
                    let current = m.columns.get(j).copied().flatten();
                    let label = |c: Option<Col>| {
                        c.map_or_else(|| t.ignored.to_owned(), |c| header(c, lang))
                    };
                    let name = format!("{}: {}", t.column_of, cut(&headers[j].text()));
                    ComboBox::from_id_salt(("import-col", k, j))
                        .selected_text(label(current))
                        .width(120.0)
                        .show_ui(ui, |ui| {
                            for option in
                                std::iter::once(None).chain(kind.columns().into_iter().map(Some))
                            {
                                if ui
                                    .selectable_label(option == current, label(option))
                                    .clicked()
                                    && option != current
                                {
                                    // A column is read once: the one it replaces is let go.
                                    for c in &mut m.columns {
                                        if option.is_some() && *c == option {
                                            *c = None;
                                        }
                                    }
                                    if m.columns.len() <= j {
                                        m.columns.resize(j + 1, None);
                                    }
                                    m.columns[j] = option;
                                    changed = true;
                                }
                            }
                        })
                        .response
                        .accessible_name(name);
                }
                ui.end_row();
                for row in sheet.rows.iter().skip(m.header_row + 1).take(PREVIEW_ROWS) {
                    for cell in row.iter().take(headers.len()) {
                        ui.label(RichText::new(cut(&cell.text())).small());
                    }
                    ui.end_row();
                }
            });
        });
    changed
}
