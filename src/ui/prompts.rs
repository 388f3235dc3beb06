//! Questions that stop the window until answered: unsaved changes, and a typed path where no
//! file dialog can be shown.

use std::path::PathBuf;

use egui::{Id, Key, Modal, RichText};

use super::app::UcjApp;
use super::dialogs::{Purpose, with_extension};

pub fn show(app: &mut UcjApp, ctx: &egui::Context) {
    found_work(app, ctx);
    app.outside_prompt(ctx);
    unsaved_changes(app, ctx);
    invalid_cells(app, ctx);
    comments(app, ctx);
    typed_path(app, ctx);
}

/// The first save over a hand-written file with comments: they are not kept, notes are.
fn comments(app: &mut UcjApp, ctx: &egui::Context) {
    let Some(path) = &app.comments_prompt else {
        return;
    };
    let t = &app.lang.texts().grid;
    let name = crate::i18n::shown(
        &path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    )
    .into_owned();
    let mut answer = None;
    Modal::new(Id::unique("comments-not-kept")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t.comments_title);
        ui.label((t.comments_text)(&name));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t.comments_save).clicked() {
                answer = Some(true);
            }
            if ui.button(app.lang.texts().ui.cancel).clicked()
                || ui.input(|i| i.key_pressed(Key::Escape))
            {
                answer = Some(false);
            }
        });
    });
    if let Some(answer) = answer {
        app.answer_comments(answer);
    }
}

/// Saving while cells hold text that is not a value: name them, and save only when asked.
fn invalid_cells(app: &mut UcjApp, ctx: &egui::Context) {
    if app.invalid_save.is_none() {
        return;
    }
    let t = &app.lang.texts().grid;
    let mut cells: Vec<String> = app
        .cells
        .invalid()
        .map(|(place, why)| format!("{place}: {why}"))
        .collect();
    cells.sort();
    let mut answer = None;
    Modal::new(Id::unique("invalid-cells")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t.invalid_title);
        ui.label((t.invalid_intro)(cells.len()));
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                for cell in &cells {
                    ui.label(format!("• {cell}"));
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t.save_anyway).clicked() {
                answer = Some(true);
            }
            if ui.button(t.keep_editing).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                answer = Some(false);
            }
        });
    });
    if let Some(answer) = answer {
        app.answer_invalid_save(answer);
    }
}

/// Unsaved work a window left when it crashed: restore or discard each, or decide later.
fn found_work(app: &mut UcjApp, ctx: &egui::Context) {
    if app.recovered.is_empty() || !app.recovery_prompt {
        return;
    }
    let lang = app.lang;
    let t = &lang.texts().recovery;
    let untitled = lang.texts().ui.untitled;
    let mut answer: Option<(usize, bool)> = None;
    let mut later = false;
    Modal::new(Id::unique("found-work")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t.title);
        ui.label(t.intro);
        ui.add_space(6.0);
        for (index, found) in app.recovered.iter().enumerate() {
            // The whole path: two windows may have had files of one name in two folders.
            let name = found
                .file
                .as_deref()
                .map_or_else(|| untitled.to_owned(), |p| p.display().to_string());
            let when = if found.written_unix == 0 {
                t.unknown_time.to_owned()
            } else {
                lang.date_time(found.written_unix)
            };
            ui.horizontal(|ui| {
                ui.label(RichText::new((t.item)(&crate::i18n::shown(&name), &when)).strong());
            });
            ui.horizontal(|ui| {
                if ui.button(t.restore).clicked() {
                    answer = Some((index, true));
                }
                if ui.button(t.discard).clicked() {
                    answer = Some((index, false));
                }
            });
            ui.add_space(4.0);
        }
        ui.separator();
        if ui.button(t.later).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
            later = true;
        }
    });
    if let Some((index, restore)) = answer {
        app.answer_recovery(index, restore);
        // One restored document at a time; the rest wait for the next start.
        if restore {
            app.recovery_prompt = false;
        }
    }
    if later {
        app.recovery_prompt = false;
    }
}

fn unsaved_changes(app: &mut UcjApp, ctx: &egui::Context) {
    if app.prompt.is_none() {
        return;
    }
    let t = &app.lang.texts().ui;
    let mut answer: Option<Option<bool>> = None;
    Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(t.unsaved_title);
        ui.label((t.unsaved_question)(&app.file_name()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(t.save).clicked() {
                answer = Some(Some(true));
            }
            if ui.button(t.discard).clicked() {
                answer = Some(Some(false));
            }
            if ui.button(t.cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                answer = Some(None);
            }
        });
    });
    if let Some(answer) = answer {
        app.answer_prompt(answer);
    }
}

fn typed_path(app: &mut UcjApp, ctx: &egui::Context) {
    let Some((purpose, mut text)) = app.typed_path.take() else {
        return;
    };
    let t = &app.lang.texts().ui;
    let title = match purpose {
        Purpose::Open => t.open_typed,
        Purpose::SaveAs => t.save_typed,
        Purpose::ExportCsv => t.export_typed,
        Purpose::SavePng => t.save_png,
        Purpose::SlidesFolder => t.export_slides,
        Purpose::Handout => t.export_handout,
        Purpose::TablesFolder => t.export_spreadsheet,
        Purpose::ImportData => app.lang.texts().import.menu_import,
        Purpose::ExportXlsx => app.lang.texts().import.menu_export,
    };
    let mut done: Option<bool> = None;
    Modal::new(Id::unique("typed-path")).show(ctx, |ui| {
        ui.set_min_width(520.0);
        ui.heading(title);
        ui.label(t.typed_path_help);
        let response = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(f32::INFINITY)
                .hint_text(t.path),
        );
        let response = response.accessible_name(t.path);
        if !response.has_focus() && !response.lost_focus() {
            response.request_focus();
        }
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(t.ok).clicked() || entered {
                done = Some(true);
            }
            if ui.button(t.cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                done = Some(false);
            }
        });
    });
    match done {
        Some(true) if !text.trim().is_empty() => {
            let typed = PathBuf::from(text.trim());
            let path = match purpose.extension() {
                Some(ext) => with_extension(typed, ext),
                None => typed,
            };
            app.use_path(purpose, &path);
        }
        Some(_) => {}
        None => app.typed_path = Some((purpose, text)),
    }
}
