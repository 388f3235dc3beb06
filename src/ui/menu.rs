//! The menu bar, the status bar and the notice line.

use egui::{Button, RichText, Ui};

use crate::i18n::Lang;
use crate::model::Severity;

use super::actions::{Action, shortcut_of};
use super::app::UcjApp;
use super::dialogs::Purpose;
use super::view::Tab;

/// A menu entry for an action, with its shortcut shown; disabled entries stay visible.
fn item(app: &mut UcjApp, ui: &mut Ui, label: &str, action: Action, enabled: bool) {
    let mut button = Button::new(label);
    if let Some(shortcut) = shortcut_of(&action) {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.request(action);
        ui.close();
    }
}

pub fn menu_bar(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    egui::MenuBar::new().ui(ui, |ui| {
        let file = ui.menu_button(t.menu_file, |ui| {
            item(app, ui, t.new, Action::New, true);
            item(
                app,
                ui,
                app.lang.texts().catalogue.menu,
                Action::NewFromCatalogue,
                true,
            );
            item(app, ui, t.open, Action::Open, true);
            ui.menu_button(t.open_recent, |ui| {
                if app.remembered.recent.is_empty() {
                    ui.label(RichText::new(t.no_recent).weak());
                }
                for path in app.remembered.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        app.request(Action::OpenPath(path));
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(app, ui, t.save, Action::Save, true);
            item(app, ui, t.save_as, Action::SaveAs, true);
            item(app, ui, t.export_csv, Action::ExportCsv, true);
            item(
                app,
                ui,
                t.export_spreadsheet,
                Action::ExportSpreadsheet,
                true,
            );
            item(
                app,
                ui,
                app.lang.texts().import.menu_export,
                Action::ExportXlsx,
                true,
            );
            item(
                app,
                ui,
                app.lang.texts().import.menu_import,
                Action::ImportData,
                true,
            );
            item(app, ui, t.save_png, Action::SavePng, true);
            item(app, ui, t.copy_image, Action::CopyImage, true);
            item(app, ui, t.export_slides, Action::ExportSlides, true);
            item(app, ui, t.export_handout, Action::ExportHandout, true);
            // The size of exported slides and handout pages: a projector's or the window's.
            ui.menu_button(
                (t.slide_size)(
                    &app.view
                        .slide_size
                        .map_or_else(|| t.window_size.to_owned(), |(w, h)| format!("{w}×{h}")),
                ),
                |ui| {
                    for size in [
                        Some((1024, 768)),
                        Some((1280, 720)),
                        Some((1366, 768)),
                        Some((1920, 1080)),
                        Some((3840, 2160)),
                        None,
                    ] {
                        let label = size
                            .map_or_else(|| t.window_size.to_owned(), |(w, h)| format!("{w}×{h}"));
                        if ui.radio(app.view.slide_size == size, label).clicked() {
                            app.view.slide_size = size;
                            ui.close();
                        }
                    }
                },
            );
            ui.separator();
            ui.menu_button(t.typed_paths, |ui| {
                for (label, purpose) in [
                    (t.open_typed, Purpose::Open),
                    (t.save_typed, Purpose::SaveAs),
                    (t.export_typed, Purpose::ExportCsv),
                    (t.export_spreadsheet, Purpose::TablesFolder),
                    (app.lang.texts().import.menu_import, Purpose::ImportData),
                    (app.lang.texts().import.menu_export, Purpose::ExportXlsx),
                    (t.save_png, Purpose::SavePng),
                    (t.export_slides, Purpose::SlidesFolder),
                    (t.export_handout, Purpose::Handout),
                ] {
                    if ui.button(label).clicked() {
                        app.type_path(purpose);
                        ui.close();
                    }
                }
            });
            ui.separator();
            item(app, ui, t.quit, Action::Quit, true);
        });
        ui.menu_button(t.menu_edit, |ui| {
            let can_undo = app.doc.can_undo() || app.cells.has_invalid();
            let can_redo = app.doc.can_redo();
            item(app, ui, t.undo, Action::Undo, can_undo);
            item(app, ui, t.redo, Action::Redo, can_redo);
            ui.separator();
            let c = &app.lang.texts().calib;
            let focus = app.view.focus().is_some();
            item(app, ui, c.calibrate, Action::Calibrate, focus);
            item(app, ui, c.calibrate_all, Action::CalibrateAll, true);
        });
        // F10 puts the keyboard on the File menu, as in most desktop programs: Space or
        // Enter opens it, Tab and Shift+Tab move along the menu bar.
        if std::mem::take(&mut app.focus_menu) {
            file.response.request_focus();
        }
        ui.menu_button(t.menu_view, |ui| {
            item(app, ui, t.present, Action::Present, true);
            ui.separator();
            ui.label(RichText::new(t.language).weak());
            for lang in Lang::ALL {
                if ui.radio(app.lang == lang, lang.texts().lang_name).clicked() {
                    app.request(Action::SetLang(lang));
                    ui.close();
                }
            }
            ui.separator();
            for (tab, label) in tab_labels(app.lang) {
                let mut button = Button::selectable(app.view.tab == tab, label);
                if let Some(shortcut) = shortcut_of(&Action::ShowTab(tab)) {
                    button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
                }
                if ui.add(button).clicked() {
                    app.request(Action::ShowTab(tab));
                    ui.close();
                }
            }
            item(app, ui, t.next_tab, Action::NextTab, true);
            item(app, ui, t.previous_tab, Action::PreviousTab, true);
        });
        ui.menu_button(t.menu_help, |ui| {
            if ui.button(t.shortcuts_title).clicked() {
                app.help_open = true;
                ui.close();
            }
        });
    });
}

/// The table tabs with their names in `lang`.
#[must_use]
pub fn tab_labels(lang: Lang) -> [(Tab, &'static str); 5] {
    Tab::ALL.map(|tab| (tab, tab_label(lang, tab)))
}

/// A table tab's name in `lang`.
#[must_use]
pub fn tab_label(lang: Lang, tab: Tab) -> &'static str {
    let t = &lang.texts().ui;
    match tab {
        Tab::Regions => t.tab_regions,
        Tab::Campaigns => t.tab_campaigns,
        Tab::Assumptions => t.tab_assumptions,
        Tab::Variants => t.tab_variants,
        Tab::Problems => t.tab_problems,
    }
}

/// The name of the variant shown, when the window shows one instead of the working plan.
#[must_use]
pub fn plan_name(app: &UcjApp) -> Option<&str> {
    let v = app.doc.variant()?;
    app.doc.scenario.variants.get(v).map(|v| v.name.as_str())
}

pub fn status_bar(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        let file = app
            .doc
            .path
            .as_ref()
            .map_or_else(|| t.untitled.to_owned(), |p| p.display().to_string());
        ui.label(file);
        if app.unsaved() {
            ui.label(RichText::new(t.unsaved_changes).italics());
        }
        if let Some(name) = plan_name(app) {
            ui.separator();
            ui.label(RichText::new(format!("{} {name}", t.plan_shown)).strong());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let report = &app.doc.projection.report;
            let errors = report.count(Severity::Error) + app.cells.invalid().count();
            let warnings = report.count(Severity::Warning);
            let text = (t.problem_count)(errors, warnings);
            let colour = if errors > 0 {
                ui.visuals().error_fg_color
            } else if warnings > 0 {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            };
            if ui
                .add(Button::new(RichText::new(text).color(colour)).frame(false))
                .on_hover_text(t.show_problems)
                .clicked()
            {
                app.view.tab = Tab::Problems;
            }
            if let Some(done) = app.runs.progress() {
                ui.separator();
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let pct = (done * 100.0).round() as usize;
                // A bar, not a spinner: it moves when the runs report, and asks for no frames.
                ui.add(egui::ProgressBar::new(done).desired_width(80.0));
                ui.label(
                    RichText::new((app.lang.texts().uncertainty.running)(pct))
                        .color(ui.visuals().weak_text_color()),
                );
            }
        });
    });
}

pub fn notice(app: &mut UcjApp, ui: &mut Ui) {
    let Some(notice) = &app.notice else { return };
    let mut dismiss = false;
    ui.horizontal(|ui| {
        let colour = if notice.is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().text_color()
        };
        ui.label(RichText::new(&notice.text).color(colour));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            dismiss = ui.button(app.lang.texts().ui.dismiss).clicked();
        });
    });
    if dismiss {
        app.notice = None;
    }
}

/// Where the shortcuts window is scrolled to, and where the keyboard asks it to go.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HelpScroll {
    pub offset: f32,
    /// The furthest it scrolls, as last drawn.
    pub max: f32,
    /// Asked by this frame's keys.
    pub wanted: Option<f32>,
}

impl HelpScroll {
    /// A line of the list, in points.
    const LINE: f32 = 24.0;

    /// While the window is open, the arrows, Page Up / Page Down and Home / End scroll it; they
    /// are taken from the frame, so the table under the window does not move as well.
    pub fn take_keys(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let page = (ctx.content_rect().height() - 160.0).max(Self::LINE);
        let steps = [
            (Key::ArrowDown, Self::LINE),
            (Key::ArrowUp, -Self::LINE),
            (Key::PageDown, page),
            (Key::PageUp, -page),
            (Key::End, f32::INFINITY),
            (Key::Home, f32::NEG_INFINITY),
        ];
        let mut to = self.wanted.unwrap_or(self.offset);
        let mut moved = false;
        ctx.input_mut(|i| {
            for (key, step) in steps {
                while i.consume_key(Modifiers::NONE, key) {
                    to = (to + step).clamp(0.0, self.max.max(0.0));
                    moved = true;
                }
            }
        });
        if moved {
            self.wanted = Some(to);
        }
    }
}

/// Every keyboard shortcut, from the same list the app checks, and the presenter's keys.
pub fn help_window(app: &mut UcjApp, ctx: &egui::Context) {
    let t = &app.lang.texts().ui;
    let mut open = app.help_open;
    // On a 1024x768 screen the list is taller than the window: it scrolls, with the mouse
    // and with the keys of [`HelpScroll::take_keys`].
    let height = (ctx.content_rect().height() - 80.0).max(200.0);
    let mut scroll = app.help_scroll;
    egui::Window::new(t.shortcuts_title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .max_height(height)
        .show(ctx, |ui| {
            let mut area = egui::ScrollArea::vertical().max_height(height);
            if let Some(to) = scroll.wanted.take() {
                area = area.vertical_scroll_offset(to);
            }
            let out = area.show(ui, |ui| help_contents(app, ui, ctx));
            scroll.offset = out.state.clamped_offset().y;
            scroll.max = (out.content_size.y - out.inner_rect.height()).max(0.0);
        });
    app.help_scroll = scroll;
    // Esc closes the window, as it closes every dialog.
    if open && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        open = false;
    }
    app.help_open = open;
}

/// The shortcuts, the presenter's keys, the tables' keys and the credits.
fn help_contents(app: &UcjApp, ui: &mut Ui, ctx: &egui::Context) {
    let t = &app.lang.texts().ui;
    // In the menus' order (File, Edit, View, tools), not the order they are checked in.
    let rank = |a: &Action| match a {
        Action::New => 0,
        Action::Open => 1,
        Action::Save => 2,
        Action::SaveAs => 3,
        Action::Quit => 4,
        Action::Undo => 5,
        Action::Redo => 6,
        Action::FocusMenu | Action::ShowTab(_) => 7,
        Action::NextTab => 8,
        Action::PreviousTab => 9,
        Action::Present => 10,
        Action::CopyImage => 11,
        _ => 12,
    };
    let mut shortcuts = super::actions::SHORTCUTS.to_vec();
    shortcuts.sort_by_key(|(a, _)| rank(a));
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for (action, shortcut) in &shortcuts {
            ui.label(ctx.format_shortcut(shortcut));
            ui.label(action_label(app.lang, action));
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new(t.present).strong());
    ui.label(t.present_keys);
    ui.add_space(6.0);
    ui.set_max_width(520.0);
    ui.label(app.lang.texts().grid.keys_help);
    ui.add_space(6.0);
    ui.label(
        RichText::new(crate::model::catalogue::CREDIT)
            .weak()
            .small(),
    );
    ui.label(
        RichText::new(format!("{} {}", t.version_line, env!("CARGO_PKG_VERSION")))
            .weak()
            .small(),
    );
}

/// The menu text of an action with a shortcut.
fn action_label(lang: Lang, action: &Action) -> &'static str {
    let t = &lang.texts().ui;
    match action {
        Action::New => t.new,
        Action::Open | Action::OpenPath(_) => t.open,
        Action::Save => t.save,
        Action::SaveAs => t.save_as,
        Action::ExportCsv => t.export_csv,
        Action::Quit => t.quit,
        Action::Undo => t.undo,
        Action::Redo => t.redo,
        Action::SetLang(_) => t.language,
        Action::Present => t.present,
        Action::SavePng => t.save_png,
        Action::CopyImage => t.copy_image,
        Action::ExportSlides => t.export_slides,
        Action::ExportHandout => t.export_handout,
        Action::ExportSpreadsheet => t.export_spreadsheet,
        Action::ImportData => lang.texts().import.menu_import,
        Action::NewFromCatalogue => lang.texts().catalogue.menu,
        Action::ExportXlsx => lang.texts().import.menu_export,
        Action::Calibrate => lang.texts().calib.calibrate,
        Action::CalibrateAll => lang.texts().calib.calibrate_all,
        Action::ShowTab(tab) => tab_label(lang, *tab),
        Action::NextTab => t.next_tab,
        Action::FocusMenu => t.focus_menu,
        Action::PreviousTab => t.previous_tab,
    }
}
