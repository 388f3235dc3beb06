//! Every error and warning of the scenario, and every cell whose text is not a value yet.

use egui::{RichText, Ui};

use crate::model::{Field, Severity, Subject};

use super::super::app::UcjApp;
use super::super::grid::Pos;
use super::super::view::Tab;

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let mut go_to: Option<(Subject, Field)> = None;
    let mut cell: Option<(&'static str, Pos)> = None;
    let words = app.view.problem_filter.trim().to_lowercase();
    let kept = |text: &str| words.is_empty() || text.to_lowercase().contains(&words);
    // Every line as it is shown, once: the filter keeps those with its words.
    let mut invalid: Vec<(String, String, crate::ui::cells::CellAt)> = app
        .cells
        .invalid_at()
        .map(|(place, message, at)| {
            let text = format!("{}: {place}: {message}", lang.texts().error);
            (place.to_owned(), text, at)
        })
        .collect();
    let all = invalid.len() + app.doc.projection.report.issues.len();
    invalid.retain(|(_, text, _)| kept(text));
    invalid.sort_by(|a, b| a.0.cmp(&b.0));
    let described: Vec<(usize, String)> = app
        .doc
        .projection
        .report
        .issues
        .iter()
        .enumerate()
        .map(|(i, issue)| (i, lang.describe_in_window(issue)))
        .filter(|(_, text)| kept(text))
        .collect();
    let filter = ui.horizontal(|ui| {
        let filter = super::filter_box(
            ui,
            &mut app.view.problem_filter,
            t.filter_problems_hint,
            lang,
        );
        if !words.is_empty() {
            let shown = invalid.len() + described.len();
            ui.label(RichText::new((t.problems_shown)(shown, all)).weak());
        }
        filter
    });
    let filter = filter.inner;
    if std::mem::take(&mut app.focus_first_field) {
        filter.request_focus();
    }
    // The keyboard walks the list with the arrows (Enter or Space goes to a problem), which
    // scrolls to the one it is on.
    let mut first_line: Option<egui::Id> = None;
    let mut follow = |response: &egui::Response| {
        first_line.get_or_insert(response.id);
        if response.has_focus() {
            response.scroll_to_me(None);
        }
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (_, text, at) in &invalid {
            let response = ui
                .add(
                    egui::Button::new(
                        RichText::new(text.as_str()).color(ui.visuals().error_fg_color),
                    )
                    .frame(false),
                )
                .on_hover_text(t.go_to_problem);
            follow(&response);
            if response.clicked() {
                cell = *at;
            }
        }
        for (i, text) in &described {
            let issue = &app.doc.projection.report.issues[*i];
            let colour = match issue.severity() {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => ui.visuals().warn_fg_color,
            };
            let response = ui
                .add(egui::Button::new(RichText::new(text.as_str()).color(colour)).frame(false))
                .on_hover_text(t.go_to_problem);
            follow(&response);
            if response.clicked() {
                go_to = Some((issue.subject.clone(), issue.field));
            }
        }
        if invalid.is_empty() && app.doc.projection.report.issues.is_empty() {
            ui.label(RichText::new(t.no_problems).weak());
        }
    });
    // Down leaves the filter (a text box keeps the arrows) for the first problem; between
    // the problems egui's own arrow keys move the focus. Asked before the input is locked: a
    // widget's focus takes the context's lock too.
    let in_filter = filter.has_focus();
    if in_filter
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown))
        && let Some(first) = first_line
    {
        ui.memory_mut(|m| m.request_focus(first));
    }
    if let Some((table, pos)) = cell {
        app.go_to_cell(table, pos);
    }
    // A region's or a campaign's problem puts the table's cursor (and the keyboard) on its
    // cell, or on the row's name when the field is not in the table (targets and reported
    // figures are in the detail panel beside it).
    match go_to {
        Some((Subject::Region { index, .. }, field)) => {
            let col = super::regions::column_of(field).unwrap_or(1);
            let table = app.view.region_grid.name;
            app.go_to_cell(table, Pos { row: index, col });
        }
        Some((Subject::Campaign { index, .. }, field)) => {
            let col = super::campaigns::column_of(field).unwrap_or(1);
            let table = app.view.campaign_grid.name;
            app.go_to_cell(table, Pos { row: index, col });
        }
        Some((Subject::Scenario, _)) => app.view.tab = Tab::Assumptions,
        Some((Subject::Variant { .. }, _)) => app.view.tab = Tab::Variants,
        None => {}
    }
}
