//! Every error and warning of the scenario, and every cell whose text is not a value yet.

use egui::{RichText, Ui};

use crate::model::{Severity, Subject};

use super::super::app::UcjApp;
use super::super::grid::Pos;
use super::super::view::Tab;

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let mut go_to: Option<Subject> = None;
    let mut cell: Option<(&'static str, Pos)> = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let mut invalid: Vec<(String, String, crate::ui::cells::CellAt)> = app
            .cells
            .invalid_at()
            .map(|(place, message, at)| (place.to_owned(), message.to_owned(), at))
            .collect();
        invalid.sort_by(|a, b| a.0.cmp(&b.0));
        for (place, message, at) in &invalid {
            let response = ui
                .add(
                    egui::Button::new(
                        RichText::new(format!("{}: {place}: {message}", lang.texts().error))
                            .color(ui.visuals().error_fg_color),
                    )
                    .frame(false),
                )
                .on_hover_text(t.go_to_problem);
            if response.clicked() {
                cell = *at;
            }
        }
        for issue in &app.doc.projection.report.issues {
            let colour = match issue.severity() {
                Severity::Error => ui.visuals().error_fg_color,
                Severity::Warning => ui.visuals().warn_fg_color,
            };
            let response = ui
                .add(
                    egui::Button::new(RichText::new(lang.describe_in_window(issue)).color(colour))
                        .frame(false),
                )
                .on_hover_text(t.go_to_problem);
            if response.clicked() {
                go_to = Some(issue.subject.clone());
            }
        }
        if invalid.is_empty() && app.doc.projection.report.issues.is_empty() {
            ui.label(RichText::new(t.no_problems).weak());
        }
    });
    if let Some((table, pos)) = cell {
        app.go_to_cell(table, pos);
    }
    match go_to {
        Some(Subject::Region { index, .. }) => {
            app.view.select(index, false);
            app.view.tab = Tab::Regions;
            app.view.reveal = Some(index);
        }
        Some(Subject::Campaign { index, .. }) => {
            app.view.selected_campaign = Some(index);
            app.view.tab = Tab::Campaigns;
            app.view.reveal = Some(index);
        }
        Some(Subject::Scenario) => app.view.tab = Tab::Assumptions,
        Some(Subject::Variant { .. }) => app.view.tab = Tab::Variants,
        None => {}
    }
}
