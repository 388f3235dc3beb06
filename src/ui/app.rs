//! The window: app state, the frame layout, and the one place actions are carried out.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU8;
use std::time::{Duration, Instant};

use egui::{Panel, Ui, ViewportCommand};

use crate::files;
use crate::i18n::Lang;
use crate::model::{Assumptions, FORMAT, Month, MonthField, Scenario};

use super::actions::{self, Action};
use super::cells::CellBuffers;
use super::dialogs::{Dialogs, Purpose, start_folder};
use super::document::{Document, MergeKey};
use super::edit::Edit;
use super::settings::{Remembered, STORAGE_KEY};
use super::view::{Msg, View};
use super::{menu, panels, plots, prompts, screenshot};

/// How the program was started.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub file: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// Write a PNG of the window here once the scenario is drawn, then quit.
    pub screenshot: Option<PathBuf>,
    /// Start in presenter mode, at this slide (0-based).
    pub present: Option<usize>,
    /// Write every slide as `slide-01.png`… in this folder at the window's size, then quit.
    pub slides: Option<PathBuf>,
    /// Show this plan variant (by name).
    pub variant: Option<String>,
    /// With `slides`: also write the PDF handout of the pictures here.
    pub handout: Option<PathBuf>,
    /// Set to the exit status the process should return.
    pub status: Arc<AtomicU8>,
    /// Where unsaved work is kept for recovery after a crash; `None` keeps none (pictures,
    /// tests that do not ask for it).
    pub recovery_dir: Option<PathBuf>,
    /// Where the language and recent files are remembered, written atomically; `None` keeps
    /// them in eframe's storage only.
    pub settings_path: Option<PathBuf>,
}

/// How the window is being closed.
#[derive(Default)]
pub struct Closing {
    /// A close request may go through: nothing is unsaved, or the user has answered.
    pub(super) allow: bool,
    /// Close at the end of this frame.
    pub(super) now: bool,
    /// The user saved or discarded: keep no unsaved changes for the next start.
    pub(super) discarded: bool,
}

/// A line for the user at the top of the window.
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub shown_at: Instant,
}

#[allow(clippy::struct_excessive_bools)] // independent flags of the window's state
pub struct UcjApp {
    pub doc: Document,
    pub lang: Lang,
    pub view: View,
    pub cells: CellBuffers,
    pub notice: Option<Notice>,
    pub remembered: Remembered,
    pub(super) dialogs: Box<dyn Dialogs>,
    /// The action waiting for an answer to "save the changes?".
    pub prompt: Option<Action>,
    /// Carried out once the current save succeeds.
    pub(super) after_save: Option<Action>,
    /// The typed-path fallback: what it is for, and the text so far.
    pub typed_path: Option<(Purpose, String)>,
    pub(super) closing: Closing,
    /// The keyboard-shortcut window is open.
    pub help_open: bool,
    /// Its scroll position and the furthest it goes, as last drawn; and the keys that scroll
    /// it this frame (taken before the tables can see them).
    pub help_scroll: menu::HelpScroll,
    /// F10 was pressed: the menu bar takes the keyboard on its next drawing.
    pub focus_menu: bool,
    /// A tab without a table was chosen: its first field (the Problems filter, the
    /// scenario's name) takes the keyboard when next drawn, so Tab walks on from there.
    pub focus_first_field: bool,
    pub(super) title: String,
    pub capturer: screenshot::Capturer,
    /// Quit once the pictures asked for on the command line are taken.
    pub(super) quit_after_capture: bool,
    /// The process exit status (pictures asked for on the command line set it).
    pub(super) status: Arc<AtomicU8>,
    /// Presenter mode, when on.
    pub present: Option<super::present::Presenter>,
    /// Where the coverage plot was last drawn, for copying it as a picture.
    pub plot_rect: Option<egui::Rect>,
    pub(super) ctx: egui::Context,
    pub messages: Vec<Msg>,
    /// Goal-seek answers for (document revision, region, campaign choice).
    pub seek_cache: Option<SeekCacheEntry>,
    /// The variant comparison for (document revision, region).
    pub compare_cache: Option<CompareCacheEntry>,
    /// This window's recovery file of unsaved work.
    pub recovery: Option<files::recovery::Recovery>,
    /// Unsaved work other windows left behind, waiting for the user's answer.
    pub recovered: Vec<files::recovery::Found>,
    /// The document revision last seen, and when it changed: recovery waits a moment after
    /// the last change.
    pub(super) recovery_seen: (u64, Instant),
    /// The revision the recovery file holds.
    pub(super) recovery_written: Option<u64>,
    /// The question about found work is open (closed by "Decide later").
    pub recovery_prompt: bool,
    /// The open file on disk: its stamp and this window's lock on it.
    pub(super) on_disk: super::outside::OnDisk,
    /// Where `remembered` is written (see [`Startup::settings_path`]).
    settings_path: Option<PathBuf>,
    /// The question about the open file having changed on disk.
    pub outside: Option<super::outside::Outside>,
    /// The calibration dialog of one region, when open.
    pub calibration: Option<super::calibrate::CalibrationView>,
    /// *Calibrate all regions*, running or showing its results.
    pub calibrate_all: Option<super::calibrate::CalibrateAll>,
    /// The uncertainty runs of the document as it is.
    pub runs: super::uncertainty::UncertaintyRuns,
    /// What moves each target of the region in the detail panel.
    pub swing_cache: Option<super::panels::spread::SwingCacheEntry>,
    /// The catalogue dialog, when open.
    pub catalogue: Option<super::catalogue::CatalogueView>,
    /// What the next New starts with, when it is not an empty scenario (the catalogue's).
    pub(super) new_scenario: Option<Scenario>,
    /// The import dialog, when open.
    pub import: Option<super::import::ImportView>,
    /// A save waiting for an answer: some cells hold text that is not a value.
    pub invalid_save: Option<Action>,
    /// The user answered that question with "save anyway" for the save now running.
    invalid_confirmed: bool,
    /// Where the handout of the slides being exported goes, once they are written.
    pub handout: Option<PathBuf>,
    /// An export of the slides running in a second process: its result.
    pub(super) exporting: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// A save over a file with comments, waiting for the user to read that they go.
    pub comments_prompt: Option<PathBuf>,
    /// Files whose comments the user was told about (asked once per file).
    pub(super) comments_told: Vec<PathBuf>,
}

pub type CompareCacheEntry = ((u64, Option<usize>), super::compare::Compared);

pub type SeekCacheEntry = (
    (u64, usize, super::view::SeekChoice),
    Vec<crate::engine::Seek>,
);

impl UcjApp {
    /// The app as the window starts it; `storage` holds what the last run remembered.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        startup: &Startup,
        dialogs: Box<dyn Dialogs>,
    ) -> Self {
        // Our own atomically written file first; eframe's storage (written in place) is read
        // for what earlier versions kept there.
        let remembered: Remembered = startup
            .settings_path
            .as_deref()
            .and_then(Remembered::load)
            .or_else(|| storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)))
            .unwrap_or_default();
        let lang = startup
            .lang
            .or(remembered.lang)
            .unwrap_or_else(Lang::from_system);
        let mut app = Self {
            doc: Document::new(sample(), None, true),
            lang,
            view: View::default(),
            cells: CellBuffers::default(),
            notice: None,
            remembered,
            dialogs,
            prompt: None,
            after_save: None,
            typed_path: None,
            closing: Closing::default(),
            help_open: false,
            help_scroll: menu::HelpScroll::default(),
            focus_menu: false,
            focus_first_field: false,
            title: String::new(),
            capturer: screenshot::Capturer::default(),
            quit_after_capture: false,
            status: startup.status.clone(),
            present: None,
            plot_rect: None,
            ctx: ctx.clone(),
            messages: Vec::new(),
            seek_cache: None,
            compare_cache: None,
            calibration: None,
            calibrate_all: None,
            handout: None,
            exporting: None,
            runs: super::uncertainty::UncertaintyRuns::default(),
            swing_cache: None,
            invalid_save: None,
            catalogue: None,
            new_scenario: None,
            import: None,
            invalid_confirmed: false,
            comments_prompt: None,
            comments_told: Vec::new(),
            recovery: None,
            recovered: Vec::new(),
            recovery_seen: (0, Instant::now()),
            recovery_written: None,
            recovery_prompt: true,
            on_disk: super::outside::OnDisk::default(),
            settings_path: startup.settings_path.clone(),
            outside: None,
        };
        super::theme::apply(ctx);
        if let Some(path) = &startup.file {
            if !app.load(path) {
                app.doc = Document::new(new_scenario(), None, true);
            }
        } else if let Some(path) = app.remembered.last_file.clone() {
            app.load(&path);
        }
        app.start_recovery(startup);
        app.view.select_first(&app.doc);
        if let Some(name) = &startup.variant {
            let found = app
                .doc
                .scenario
                .variants
                .iter()
                .position(|v| &v.name == name);
            if let Some(v) = found {
                app.doc.show_variant(Some(v));
            } else {
                log::error!("no variant is named \"{}\"", crate::i18n::shown(name));
                app.status.store(2, std::sync::atomic::Ordering::SeqCst);
                app.quit_after_capture = true;
                app.closing.allow = true;
                app.closing.now = true;
                return app;
            }
        }
        if let Some(folder) = &startup.slides {
            // Until every picture is written, the run counts as failed.
            app.status.store(1, std::sync::atomic::Ordering::SeqCst);
            app.quit_after_capture = true;
            app.export_slides(folder);
            app.handout.clone_from(&startup.handout);
        }
        if let Some(slide) = startup.present {
            let pictures = startup.screenshot.is_some() || startup.slides.is_some();
            super::present::enter(&mut app, ctx, !pictures);
            if let Some(p) = &mut app.present {
                p.slide = slide;
            }
        }
        if let Some(path) = &startup.screenshot {
            // Until the PNG is written, the run counts as failed.
            app.status.store(1, std::sync::atomic::Ordering::SeqCst);
            app.quit_after_capture = true;
            app.capturer.push(screenshot::Shot {
                target: screenshot::Target::File(path.clone()),
                slide: None,
                crop: None,
                settle: 6,
            });
        }
        app
    }

    /// Draws the whole window and carries out what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.capturer.current().is_some() {
            // A picture shows the plan, not where the mouse happens to be.
            ctx.input_mut(|i| i.pointer = egui::PointerState::default());
        }
        self.cells.history = self.doc.history_len();
        for action in actions::pressed(&ctx) {
            self.request(action);
            if self.prompt.is_some() {
                // What follows waits for the answer to "save the changes?".
                break;
            }
        }
        if self.help_open {
            self.help_scroll.take_keys(&ctx);
        }
        self.poll_dialogs();
        self.poll_export();
        self.check_outside_on_focus(&ctx);
        self.handle_close_request(&ctx);
        if self.capturer.current().is_some() {
            // A picture shows the final bands, not a first pass.
            self.runs.wait(&self.doc, &ctx);
        } else {
            self.runs.update(&self.doc, &ctx);
        }

        if self.present.is_some() {
            super::present::show(self, ui);
            prompts::show(self, &ctx);
            self.flush();
            self.end_frame(&ctx);
            return;
        }
        Panel::top("menu").show(ui, |ui| menu::menu_bar(self, ui));
        Panel::bottom("status").show(ui, |ui| menu::status_bar(self, ui));
        // Above the status bar, not above the tables: a notice coming and going never moves
        // the row under the pointer.
        if self.notice.is_some() {
            Panel::bottom("notice").show(ui, |ui| menu::notice(self, ui));
        }
        let tables_height = (ui.available_height() * 0.42).max(200.0);
        Panel::top("tables")
            .resizable(true)
            .default_size(tables_height)
            .min_size(140.0)
            .show(ui, |ui| panels::tables(self, ui));
        self.flush();
        // The detail panel keeps its width whatever it shows (a region not projected says so in
        // a line; a long "reached" scrolls sideways): the charts beside it never jump between
        // one chart and three. It leaves the charts at least 360 points.
        let width = ui.available_width();
        // Plans compared need the width more than a region's detail: on a small screen the
        // Variants tab gives the comparison the whole of it.
        let compare_wide = self.view.tab == super::view::Tab::Variants && width < 1280.0;
        if !compare_wide {
            Panel::right("detail")
                .resizable(true)
                .default_size((width * 0.62).clamp(300.0, 760.0))
                .size_range(300.0..=(width - 360.0).max(300.0))
                .show(ui, |ui| {
                    egui::ScrollArea::both()
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            // What fills the width (the tornado, wrapped text) takes the panel's,
                            // not that of a wider table above it.
                            ui.set_max_width(ui.available_width());
                            panels::detail::show(self, ui);
                        });
                });
        }
        self.flush();
        egui::CentralPanel::default().show(ui, |ui| {
            if self.view.tab == super::view::Tab::Variants {
                super::compare::show(self, ui);
            } else {
                plots::show(self, ui);
            }
        });

        menu::help_window(self, &ctx);
        self.calibration_views(&ctx);
        self.import_view(&ctx);
        self.catalogue_view(&ctx);
        prompts::show(self, &ctx);
        self.flush();
        self.end_frame(&ctx);
    }

    /// The catalogue dialog: Create starts a new scenario (asking first about unsaved work).
    fn catalogue_view(&mut self, ctx: &egui::Context) {
        let Some(mut view) = self.catalogue.take() else {
            return;
        };
        match view.ui(ctx, self.lang) {
            super::catalogue::Outcome::Open => self.catalogue = Some(view),
            super::catalogue::Outcome::Cancel => {}
            super::catalogue::Outcome::Create(selection, share, as_of) => {
                self.new_scenario = Some(selection.scenario(new_scenario(), share, as_of));
                self.request(Action::New);
            }
        }
    }

    /// The import dialog; an import is one undo step and says what it did.
    fn import_view(&mut self, ctx: &egui::Context) {
        let Some(mut view) = self.import.take() else {
            return;
        };
        let revision = self.doc.revision;
        match view.ui(ctx, &self.doc.scenario, revision, self.lang) {
            super::import::Outcome::Open => self.import = Some(view),
            super::import::Outcome::Cancel => {}
            super::import::Outcome::Apply(merged, counts) => {
                if let Some(edit) = super::edit::edit_between(&self.doc.scenario, &merged) {
                    self.messages.push(Msg::Edit(edit, None));
                }
                let t = self.lang.texts();
                self.notice = Some(Notice {
                    text: (t.import.imported)(&(t.columns.counts)(&counts)),
                    is_error: false,
                    shown_at: Instant::now(),
                });
            }
        }
    }

    /// The calibration dialogs; an applied fit is one undo step and says so.
    fn calibration_views(&mut self, ctx: &egui::Context) {
        let mut applied = false;
        if let Some(mut view) = self.calibration.take() {
            let (messages, open) = view.ui(
                ctx,
                &super::calibrate::ViewCtx {
                    doc: &self.doc,
                    lang: self.lang,
                },
            );
            applied |= !messages.is_empty();
            self.messages.extend(messages);
            if open {
                self.calibration = Some(view);
            }
        }
        if let Some(mut all) = self.calibrate_all.take() {
            let (messages, open) = all.ui(
                ctx,
                &super::calibrate::ViewCtx {
                    doc: &self.doc,
                    lang: self.lang,
                },
            );
            applied |= !messages.is_empty();
            self.messages.extend(messages);
            if open {
                self.calibrate_all = Some(all);
            }
        }
        if applied {
            self.notice = Some(Notice {
                text: self.lang.texts().calib.applied.to_owned(),
                is_error: false,
                shown_at: Instant::now(),
            });
        }
    }

    /// Applies what the panels asked for: edits to the document, actions.
    pub fn flush(&mut self) {
        for msg in std::mem::take(&mut self.messages) {
            match msg {
                Msg::Edit(edit, key) => self.apply(edit, key),
                Msg::Action(action) => self.request(action),
            }
        }
    }

    pub(super) fn apply(&mut self, edit: Edit, key: Option<MergeKey>) {
        self.doc.apply(edit, key);
        self.view.clamp(&self.doc);
    }

    fn end_frame(&mut self, ctx: &egui::Context) {
        if self.cells.take_ended() {
            // A cell's edit was committed or cancelled: the next edit is a new undo step.
            self.doc.end_interaction();
        }
        let interacting =
            ctx.input(|i| i.pointer.any_down()) || ctx.memory(egui::Memory::focused).is_some();
        if !interacting {
            self.doc.end_interaction();
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if let Some(notice) = &self.notice
            && !notice.is_error
        {
            let left = Duration::from_secs(5).saturating_sub(notice.shown_at.elapsed());
            if left.is_zero() {
                self.notice = None;
            } else {
                ctx.request_repaint_after(left);
            }
        }
        if self.dialogs.is_open() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.keep_recovery(ctx);
        self.capture_step(ctx);
        if std::mem::take(&mut self.closing.now) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    /// Whether closing now would lose anything: changes not saved, or text in a cell that is
    /// not a value (red, kept in the cell but not in the document).
    #[must_use]
    pub fn unsaved(&self) -> bool {
        self.doc.is_dirty() || self.cells.invalid().next().is_some()
    }

    /// "UCJ Planner – plan.ron •" with the mark while there are unsaved changes.
    #[must_use]
    pub fn window_title(&self) -> String {
        let mark = if self.unsaved() { " •" } else { "" };
        format!("{}{mark} – UCJ Planner", self.file_name())
    }

    /// The open file's name ("plan.ron"), or "untitled".
    #[must_use]
    pub fn file_name(&self) -> String {
        self.doc.path.as_deref().map_or_else(
            || self.lang.texts().ui.untitled.to_owned(),
            |p| {
                crate::i18n::shown(&p.file_name().unwrap_or_default().to_string_lossy())
                    .into_owned()
            },
        )
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing.allow {
            if self.unsaved() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.prompt = Some(Action::Quit);
            } else {
                self.closing.allow = true;
            }
        }
    }

    /// Asks first when the action would drop unsaved changes.
    pub fn request(&mut self, action: Action) {
        let drops_changes = matches!(
            action,
            Action::New | Action::Open | Action::OpenPath(_) | Action::Quit
        );
        if drops_changes && self.unsaved() {
            self.prompt = Some(action);
        } else {
            self.perform(action);
        }
    }

    /// The answer to "save although some cells are not values?": `true` saves the document as
    /// it is (the values from before those edits), `false` goes back to the cells.
    pub fn answer_invalid_save(&mut self, save: bool) {
        let Some(action) = self.invalid_save.take() else {
            return;
        };
        if save {
            self.invalid_confirmed = true;
            self.perform(action);
        } else {
            self.after_save = None;
            if let Some((table, pos)) = self.cells.first_invalid() {
                self.go_to_cell(table, pos);
            }
        }
    }

    /// The answer to "comments are not kept": save (and never ask again for this file), or not.
    pub fn answer_comments(&mut self, save: bool) {
        let Some(path) = self.comments_prompt.take() else {
            return;
        };
        if save {
            self.comments_told.push(path.clone());
            self.save_to(&path);
        } else {
            self.after_save = None;
        }
    }

    /// Shows a tab: a table's keys go to its cursor (the selected row's first cell when it has
    /// none), so the arrows work at once; the Problems tab's go to its filter, from which
    /// Down walks the list. On the other tabs the keyboard stays where it was (the tab's name,
    /// when Space chose it; a widget no longer shown loses it).
    pub fn show_tab(&mut self, tab: super::view::Tab) {
        use super::view::Tab;
        self.view.tab = tab;
        // A table lays itself out over two frames: draw the second at once.
        self.ctx.request_repaint();
        // The table's cursor where it was, else the selected row's first cell, else the
        // first row's; the row it lands on.
        let enter = |grid: &mut super::grid::Grid, rows: usize, selected: Option<usize>| {
            let pos = grid.active.filter(|p| p.row < rows).or_else(|| {
                selected
                    .filter(|&row| row < rows)
                    .or((rows > 0).then_some(0))
                    .map(|row| super::grid::Pos { row, col: 0 })
            })?;
            grid.go_to(pos);
            Some(pos.row)
        };
        let row = match tab {
            Tab::Regions => {
                let selected = self.view.focus();
                let rows = self.doc.scenario.regions.len();
                enter(&mut self.view.region_grid, rows, selected)
            }
            Tab::Campaigns => {
                let selected = self.view.selected_campaign;
                let rows = self.doc.scenario.campaigns.len();
                let row = enter(&mut self.view.campaign_grid, rows, selected);
                self.view.selected_campaign = row.or(selected);
                row
            }
            Tab::Problems | Tab::Assumptions => {
                self.focus_first_field = true;
                None
            }
            Tab::Variants => None,
        };
        if row.is_some() {
            self.view.reveal = row;
        }
    }

    /// After an undo or a redo: the row it changed or brought back is selected and scrolled
    /// into view, and when the keyboard is in its table the cursor goes to it (same column).
    fn show_row(&mut self, row: Option<super::edit::Row>) {
        use super::edit::Row;
        let focused = self.ctx.memory(egui::Memory::focused);
        let follow = |grid: &mut super::grid::Grid, row: usize| {
            if let Some(active) = grid.active
                && focused.is_some()
                && focused == grid.focused_id()
            {
                grid.go_to(super::grid::Pos {
                    row,
                    col: active.col,
                });
            }
        };
        match row {
            Some(Row::Region(i)) if i < self.doc.scenario.regions.len() => {
                if !self.view.selected.contains(&i) {
                    self.view.select(i, false);
                }
                follow(&mut self.view.region_grid, i);
                if self.view.tab == super::view::Tab::Regions {
                    self.view.reveal = Some(i);
                }
            }
            Some(Row::Campaign(i)) if i < self.doc.scenario.campaigns.len() => {
                self.view.selected_campaign = Some(i);
                follow(&mut self.view.campaign_grid, i);
                if self.view.tab == super::view::Tab::Campaigns {
                    self.view.reveal = Some(i);
                }
            }
            _ => {}
        }
    }

    /// Shows a table cell and puts the cursor on it.
    pub fn go_to_cell(&mut self, table: &str, pos: super::grid::Pos) {
        if table == self.view.campaign_grid.name && !table.is_empty() {
            self.view.tab = super::view::Tab::Campaigns;
            self.view.selected_campaign = Some(pos.row);
            self.view.campaign_grid.go_to(pos);
        } else {
            self.view.tab = super::view::Tab::Regions;
            self.view.select(pos.row, false);
            self.view.region_grid.go_to(pos);
        }
        self.view.reveal = Some(pos.row);
    }

    /// The answer to "save the changes?".
    pub fn answer_prompt(&mut self, save: Option<bool>) {
        let Some(action) = self.prompt.take() else {
            return;
        };
        match save {
            Some(true) => {
                self.after_save = Some(action);
                self.perform(Action::Save);
            }
            Some(false) => self.perform(action),
            None => self.new_scenario = None,
        }
    }

    /// Carries out an action now.
    pub fn perform(&mut self, action: Action) {
        if matches!(action, Action::Save | Action::SaveAs)
            && !std::mem::take(&mut self.invalid_confirmed)
            && self.cells.invalid().next().is_some()
        {
            // Text that is not a value is not in the document: say so before saving.
            self.invalid_save = Some(action);
            return;
        }
        let folder = start_folder(self.doc.path.as_deref());
        match action {
            Action::New => {
                // A scenario made from the catalogue is work not yet saved; an empty one is not.
                let made = self.new_scenario.take();
                let clean = made.is_none();
                self.doc = Document::new(made.unwrap_or_else(new_scenario), None, clean);
                self.forget_file();
                self.after_open();
            }
            Action::Open => self.dialogs.ask(Purpose::Open, &folder, ""),
            Action::OpenPath(path) => {
                self.load(&path);
            }
            Action::Save => match self.doc.path.clone() {
                Some(path) => self.save_to(&path),
                None => self.ask_save_as(&folder),
            },
            Action::SaveAs => self.ask_save_as(&folder),
            Action::ExportCsv => {
                let name = format!("{}.csv", self.file_stem());
                self.dialogs.ask(Purpose::ExportCsv, &folder, &name);
            }
            Action::Quit => {
                // Reached only when nothing is unsaved or the user chose to discard it.
                self.closing.allow = true;
                self.closing.now = true;
                self.closing.discarded = true;
            }
            Action::Undo => {
                // What the last notice said of the step undone no longer holds.
                self.notice = None;
                // A typo left in a cell (red, never taken into the document) since the
                // document's last step goes first; a step made after a typo is undone first.
                if !self.cells.drop_invalid_since(self.doc.history_len()) {
                    self.cells.clear_valid();
                    let row = self.doc.next_undo().and_then(|e| e.shown_row(true));
                    self.doc.undo();
                    self.view.clamp(&self.doc);
                    self.show_row(row);
                }
            }
            Action::Redo => {
                self.notice = None;
                self.cells.clear_valid();
                let row = self.doc.next_redo().and_then(|e| e.shown_row(false));
                self.doc.redo();
                self.view.clamp(&self.doc);
                self.show_row(row);
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                self.cells.clear();
            }
            Action::Present => {
                if self.present.is_none() {
                    let ctx = self.ctx.clone();
                    super::present::enter(self, &ctx, true);
                }
            }
            Action::SavePng => {
                let name = if self.present.is_some() {
                    "slide.png"
                } else {
                    "coverage.png"
                };
                self.dialogs.ask(Purpose::SavePng, &folder, name);
            }
            Action::CopyImage => self.capture(screenshot::Target::Clipboard),
            Action::ExportSlides => self.dialogs.ask(Purpose::SlidesFolder, &folder, ""),
            Action::ExportHandout => {
                let name = format!("{}.pdf", self.file_stem());
                self.dialogs.ask(Purpose::Handout, &folder, &name);
            }
            Action::ExportSpreadsheet => self.dialogs.ask(Purpose::TablesFolder, &folder, ""),
            Action::ImportData => self.dialogs.ask(Purpose::ImportData, &folder, ""),
            Action::NewFromCatalogue => {
                self.catalogue = Some(super::catalogue::CatalogueView::new(
                    self.lang,
                    super::view::this_month(),
                ));
            }
            Action::ExportXlsx => {
                let name = format!("{}.xlsx", self.file_stem());
                self.dialogs.ask(Purpose::ExportXlsx, &folder, &name);
            }
            Action::Calibrate => {
                if let Some(index) = self.view.focus() {
                    self.calibration = Some(super::calibrate::CalibrationView::new(index));
                }
            }
            Action::ShowTab(tab) => self.show_tab(tab),
            Action::FocusMenu => self.focus_menu = true,
            Action::NextTab => self.show_tab(self.view.tab.step(1)),
            Action::PreviousTab => self.show_tab(self.view.tab.step(-1)),
            Action::CalibrateAll => {
                if let Some(running) = &mut self.calibrate_all {
                    running.cancel();
                }
                let ctx = self.ctx.clone();
                self.calibrate_all = Some(super::calibrate::CalibrateAll::start(&self.doc, &ctx));
            }
        }
    }
}

impl eframe::App for UcjApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.quit_after_capture {
            return;
        }
        self.remembered.lang = Some(self.lang);
        self.remembered.last_file.clone_from(&self.doc.path);
        // Unsaved work is kept in the recovery file of this window, not in the shared state.
        self.remembered.unsaved = None;
        eframe::set_value(storage, STORAGE_KEY, &self.remembered);
        if let Some(path) = &self.settings_path {
            self.remembered.store(path);
        }
    }

    fn on_exit(&mut self) {
        self.end_recovery();
    }
}

/// The built-in Sumatra sample.
#[must_use]
pub fn sample() -> Scenario {
    files::parse(files::SAMPLE, "sample").unwrap_or_else(|_| new_scenario())
}

/// An empty scenario with the usual assumptions, ending in December two years from now.
#[must_use]
pub fn new_scenario() -> Scenario {
    let now = super::view::this_month();
    let end = Month::new(now.year() + 2, 12).unwrap_or(now);
    Scenario {
        format: FORMAT,
        name: String::new(),
        notes: String::new(),
        end: MonthField::Valid(end),
        assumptions: Assumptions::usual(),
        regions: Vec::new(),
        campaigns: Vec::new(),
        variants: Vec::new(),
        slides: Vec::new(),
    }
}
