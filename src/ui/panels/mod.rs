//! The editing panels: one file per table or view.

pub mod assumptions;
pub mod baseline;
pub mod campaigns;
pub mod detail;
pub mod problems;
pub mod regions;
pub mod spread;
pub mod variants;

use egui::Ui;

use crate::model::{Campaign, Field, Place, Region, Report};

use super::app::UcjApp;
use super::document::Document;
use super::edit::{Edit, Settings};
use super::menu::tab_labels;
use super::view::Tab;

/// The tab bar and the table of the chosen tab.
pub fn tables(app: &mut UcjApp, ui: &mut Ui) {
    ui.horizontal(|ui| {
        for (tab, label) in tab_labels(app.lang) {
            let label = if tab == Tab::Problems {
                let n = app.doc.projection.report.issues.len() + app.cells.invalid().count();
                format!("{label} ({n})")
            } else {
                label.to_owned()
            };
            if ui.selectable_label(app.view.tab == tab, label).clicked() {
                app.show_tab(tab);
            }
        }
    });
    ui.separator();
    match app.view.tab {
        Tab::Regions => regions::show(app, ui),
        Tab::Campaigns => campaigns::show(app, ui),
        Tab::Assumptions => assumptions::show(app, ui),
        Tab::Variants => variants::show(app, ui),
        Tab::Problems => problems::show(app, ui),
    }
}

/// A replacement of region `index` by `change` applied to a copy; `None` when nothing changed.
pub fn region_edit(doc: &Document, index: usize, change: impl FnOnce(&mut Region)) -> Option<Edit> {
    let before = doc.scenario.regions.get(index)?.clone();
    let mut after = before.clone();
    change(&mut after);
    (after != before).then(|| Edit::Region {
        index,
        before: Box::new(before),
        after: Box::new(after),
    })
}

/// A change of the scenario's own fields (name, notes, end, assumptions, variants).
pub fn settings_edit(doc: &Document, change: impl FnOnce(&mut Settings)) -> Option<Edit> {
    let before = Settings::of(&doc.scenario);
    let mut after = before.clone();
    change(&mut after);
    (after != before).then(|| Edit::Settings {
        before: Box::new(before),
        after: Box::new(after),
    })
}

/// As [`region_edit`], for campaigns.
pub fn campaign_edit(
    doc: &Document,
    index: usize,
    change: impl FnOnce(&mut Campaign),
) -> Option<Edit> {
    let before = doc.scenario.campaigns.get(index)?.clone();
    let mut after = before.clone();
    change(&mut after);
    (after != before).then(|| Edit::Campaign {
        index,
        before: Box::new(before),
        after: Box::new(after),
    })
}

/// What validation says of one field of a region (`Some(i)`) or campaign, in `lang`, and
/// whether it is only a warning.
#[must_use]
pub fn problem_at(
    report: &Report,
    lang: crate::i18n::Lang,
    region: Option<usize>,
    campaign: Option<usize>,
    field: Field,
) -> Option<super::cells::Said> {
    let place = match (region, campaign) {
        (Some(r), _) => Place::Region(r),
        (None, Some(c)) => Place::Campaign(c),
        (None, None) => Place::Scenario,
    };
    report
        .issue_at(place, field)
        .map(|issue| super::cells::Said::of(issue, lang))
}

/// A clickable, striped, resizable table that scrolls `reveal` (a row position) into view.
pub fn table<'a>(ui: &'a mut Ui, id: &str, reveal: Option<usize>) -> egui_extras::TableBuilder<'a> {
    let mut table = egui_extras::TableBuilder::new(ui);
    if let Some(row) = reveal {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    table
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
}

/// Where the table's cursor is, in words: "Workforce · Kabupaten Bungo (15.08)". The code
/// and name columns scroll out of sight in a wide table; this line keeps the row in view. The
/// column comes first: a long name is what gets cut.
#[must_use]
pub fn cell_place(name: &str, code: &str, column: &str) -> String {
    let name = crate::i18n::shown(name);
    if code.is_empty() {
        format!("{column} · {name}")
    } else {
        format!("{column} · {name} ({code})")
    }
}

/// The cursor's place at the end of a table's toolbar, cut to the room left.
pub fn cell_place_label(ui: &mut Ui, here: Option<String>) {
    if let Some(here) = here {
        ui.separator();
        ui.add(egui::Label::new(egui::RichText::new(here).weak()).truncate());
    }
}

/// The filter box above a table.
pub fn filter_box(
    ui: &mut Ui,
    text: &mut String,
    hint: &str,
    lang: crate::i18n::Lang,
) -> egui::Response {
    ui.label(lang.texts().ui.filter);
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(180.0)
            .hint_text(hint),
    )
    .accessible_name(hint)
}

/// Runs what a table's keys asked for (copy, paste, fill down, Delete) on the range of `grid`
/// over `rows` shown in `order`: the clipboard, a notice, and one undo step (`to_edit` turns
/// the changed rows into it).
pub fn run_commands<S: super::grid::Sheet>(
    sheet: &S,
    rows: &[S::Row],
    doc: &Document,
    to_edit: fn(&Document, super::grid::Outcome<S::Row>) -> Option<Edit>,
    commands: Vec<super::grid::Command>,
    order: &[usize],
    grid: &mut super::grid::Grid,
    cells: &mut super::cells::CellBuffers,
    messages: &mut Vec<super::view::Msg>,
    notice: &mut Option<super::app::Notice>,
    ctx: &egui::Context,
    lang: crate::i18n::Lang,
) {
    use super::grid::{Command, run};
    for command in commands {
        let mut touched = grid.range_ids(order);
        let outcome = run(sheet, rows, order, grid, &command, lang);
        if let Some(text) = outcome.copied.clone() {
            ctx.copy_text(text);
        }
        if let Some((text, is_error)) = outcome.notice.clone() {
            *notice = Some(super::app::Notice {
                text,
                is_error,
                shown_at: std::time::Instant::now(),
            });
        }
        if command != Command::Copy {
            // Cells whose value was replaced show it, not what was typed before.
            touched.extend(grid.range_ids(order));
            for id in touched {
                cells.forget(id);
            }
            if let Some(edit) = to_edit(doc, outcome) {
                messages.push(super::view::Msg::Edit(edit, None));
            }
        }
    }
}

/// A header that sorts its table: a click sorts ascending, the next descending, the third
/// not at all; the sorted column shows a triangle.
pub fn sort_header<C: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    column: C,
    sort: &mut Option<(C, bool)>,
    hint: &str,
) {
    let button = egui::Button::new(egui::RichText::new(label).strong()).frame(false);
    let response = ui.add(button).on_hover_text(hint);
    if let Some((c, ascending)) = *sort
        && c == column
    {
        regions::sort_mark(ui, response.rect, ascending);
    }
    if response.clicked() {
        *sort = match *sort {
            Some((c, true)) if c == column => Some((column, false)),
            Some((c, false)) if c == column => None,
            _ => Some((column, true)),
        };
    }
}

/// Puts rows back in the order they had on screen, so a sorted row does not jump away while
/// one of its cells is edited; `index` gives a row's document index.
pub fn keep_order<T>(rows: &mut [T], index: impl Fn(&T) -> usize, previous: &[usize]) {
    if previous.len() != rows.len() {
        return;
    }
    let place: std::collections::HashMap<usize, usize> =
        previous.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    rows.sort_by_key(|r| place.get(&index(r)).copied().unwrap_or(usize::MAX));
}

/// The screen row to bring into view: the one asked for (a row added this frame is in the
/// document from the next, so the request waits for it), else where the keys moved.
pub fn reveal_row(
    reveal: &mut Option<usize>,
    len: usize,
    position: impl Fn(usize) -> Option<usize>,
    keys: Option<usize>,
) -> Option<usize> {
    let pending = reveal.filter(|&i| i >= len);
    let row = reveal.take().and_then(position).or(keys);
    *reveal = pending;
    row
}

/// Row indices below `len`, each once, in order.
#[must_use]
pub fn rows_in(indices: &[usize], len: usize) -> Vec<usize> {
    let mut rows: Vec<usize> = indices.iter().copied().filter(|&i| i < len).collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// A name not used by any of `taken`: `base`, `base-2`, `base-3`, ...
#[must_use]
pub fn unique(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_owned();
    }
    // One more candidate than there are names: at least one of them is free.
    (2..=taken.len() + 2)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.contains(&c.as_str()))
        .unwrap_or_else(|| base.to_owned())
}
