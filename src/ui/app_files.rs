//! What the app does with files: dialogs and typed paths, open and save, CSV and spreadsheet
//! exports, and pictures of the window.

use std::path::Path;
use std::time::Instant;

use crate::files;

use super::app::{Notice, UcjApp};
use super::dialogs::{Answer, Purpose, start_folder};
use super::document::Document;
use super::screenshot;
use super::view::View;

/// How long the second process exporting slides at another size may take: far more than a
/// deck of every region needs; after that it is stopped and the planner told.
const EXPORT_MINUTES: u64 = 10;

/// Runs `command` and waits for it at most `limit`: its exit status, or `None` when it was
/// stopped for taking longer.
fn run_with_deadline(
    command: &mut std::process::Command,
    limit: std::time::Duration,
) -> std::io::Result<Option<std::process::ExitStatus>> {
    let mut child = command.spawn()?;
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

impl UcjApp {
    pub(super) fn ask_save_as(&mut self, folder: &Path) {
        let name = format!("{}.ron", self.file_stem());
        self.dialogs.ask(Purpose::SaveAs, folder, &name);
    }

    pub(super) fn file_stem(&self) -> String {
        self.doc
            .path
            .as_deref()
            .and_then(Path::file_stem)
            .map_or_else(
                || {
                    let name = self.doc.scenario.name.trim();
                    if name.is_empty() {
                        "scenario".to_owned()
                    } else {
                        name.to_owned()
                    }
                },
                |s| s.to_string_lossy().into_owned(),
            )
    }

    pub(super) fn poll_dialogs(&mut self) {
        let Some((purpose, answer)) = self.dialogs.poll() else {
            return;
        };
        match answer {
            Answer::Picked(path) => self.use_path(purpose, &path),
            Answer::Cancelled => self.after_save = None,
            Answer::Unavailable(why) => {
                log::warn!("file dialog: {why}");
                self.say(self.lang.texts().ui.no_dialog.to_owned(), false);
                self.typed_path = Some((purpose, self.suggested_path(purpose)));
            }
        }
    }

    /// What the typed-path box starts with: the current file, or a name in the start folder.
    pub(super) fn suggested_path(&self, purpose: Purpose) -> String {
        let folder = start_folder(self.doc.path.as_deref());
        let path = match (purpose, &self.doc.path) {
            (Purpose::Open | Purpose::ImportData, _) => folder.join(""),
            (Purpose::ExportXlsx, _) => folder.join(format!("{}.xlsx", self.file_stem())),
            (Purpose::Handout, _) => folder.join(format!("{}.pdf", self.file_stem())),
            (Purpose::SaveAs, Some(p)) => p.clone(),
            (Purpose::SaveAs, None) => folder.join(format!("{}.ron", self.file_stem())),
            (Purpose::ExportCsv, _) => folder.join(format!("{}.csv", self.file_stem())),
            (Purpose::SavePng, _) => folder.join(format!("{}.png", self.file_stem())),
            (Purpose::SlidesFolder | Purpose::TablesFolder, _) => folder,
        };
        path.display().to_string()
    }

    /// A path from a dialog or typed by the user.
    pub fn use_path(&mut self, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => {
                self.load(path);
            }
            Purpose::SaveAs => self.save_to(path),
            Purpose::ExportCsv => self.export_csv(path),
            Purpose::SavePng => self.capture(screenshot::Target::File(path.to_path_buf())),
            Purpose::SlidesFolder => self.export_slides_at_size(Some(path), None),
            Purpose::Handout => self.export_slides_at_size(None, Some(path)),
            Purpose::TablesFolder => self.export_spreadsheet(path),
            Purpose::ImportData => self.begin_import(path),
            Purpose::ExportXlsx => self.export_xlsx(path),
        }
    }

    /// Reads a CSV or XLSX file and opens the import dialog on it.
    pub fn begin_import(&mut self, path: &Path) {
        match files::tables::read(path) {
            Ok(data) => {
                self.import = Some(super::import::ImportView::new(
                    path.display().to_string(),
                    data,
                ));
            }
            Err(e) => self.say(e, true),
        }
    }

    /// Writes the scenario and its projection as one XLSX workbook.
    pub(super) fn export_xlsx(&mut self, path: &Path) {
        let written =
            files::workbook::workbook(&self.doc.scenario, &self.doc.projection, self.lang)
                .map_err(|e| format!("{}: {e}", path.display()))
                .and_then(|bytes| {
                    files::write_atomic(path, &bytes, false).map_err(|e| e.to_string())
                });
        match written {
            Ok(()) => self.say(
                format!("{} {}", self.lang.texts().import.exported, path.display()),
                false,
            ),
            Err(e) => self.say(e, true),
        }
    }

    /// Opens a scenario file; when it fails nothing changes and the message says why.
    pub fn load(&mut self, path: &Path) -> bool {
        // Kept absolute, so that recovery and the recent list mean the same file whatever
        // folder the program is started from later.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let path = absolute.as_path();
        match files::load(path) {
            Ok(scenario) => {
                self.doc = Document::new(scenario, Some(path.to_path_buf()), true);
                self.remembered.add_recent(path.to_path_buf());
                self.after_open();
                self.track_file(path);
                true
            }
            Err(e) => {
                self.say(e.to_string(), true);
                self.remembered.recent.retain(|p| p.exists());
                false
            }
        }
    }

    pub(super) fn after_open(&mut self) {
        self.cells.clear();
        // Caches are keyed by the document's revision, which starts again at 0.
        self.seek_cache = None;
        self.compare_cache = None;
        self.calibration = None;
        self.view = View::default();
        self.view.select_first(&self.doc);
        self.notice = self.notice.take().filter(|n| !n.is_error);
        // The keyboard starts in the regions table, on the selected region: the first arrow
        // moves the cursor rather than only bringing the keyboard there.
        self.show_tab(super::view::Tab::Regions);
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let path = absolute.as_path();
        // Someone changed the file since this window read it: ask before overwriting.
        if !self.may_overwrite(path) {
            return;
        }
        // A hand-written file's comments are not kept: say so once, before they go.
        if !self.comments_told.iter().any(|p| p == path) && files::file_has_comments(path) {
            self.comments_prompt = Some(path.to_path_buf());
            return;
        }
        match files::save(path, &self.doc.scenario) {
            Ok(()) => {
                self.doc.mark_saved(path.to_path_buf());
                self.track_file(path);
                self.remembered.add_recent(path.to_path_buf());
                self.say(
                    format!("{} {}", self.lang.texts().ui.saved, path.display()),
                    false,
                );
                if let Some(next) = self.after_save.take() {
                    self.perform(next);
                }
            }
            Err(e) => {
                self.after_save = None;
                self.say(e.to_string(), true);
            }
        }
    }

    pub(super) fn export_csv(&mut self, path: &Path) {
        let csv = files::projection_csv(&self.doc.scenario, &self.doc.projection, None);
        match files::write_atomic(path, csv.as_bytes(), false) {
            Ok(()) => self.say(
                format!("{} {}", self.lang.texts().ui.exported, path.display()),
                false,
            ),
            Err(e) => self.say(e.to_string(), true),
        }
    }

    /// A picture of the slide shown, or else of the coverage plot.
    pub(super) fn capture(&mut self, target: screenshot::Target) {
        let slide = self.present.as_ref().map(|p| p.slide);
        let crop = if slide.is_some() {
            None
        } else {
            self.plot_rect
        };
        self.capturer.push(screenshot::Shot {
            target,
            slide,
            crop,
            settle: 2,
        });
    }

    /// Every slide as `slide-01.png`, `slide-02.png`, ... in `folder`.
    pub(super) fn export_slides(&mut self, folder: &Path) {
        if let Err(e) = std::fs::create_dir_all(folder) {
            self.say(format!("{}: {e}", folder.display()), true);
            return;
        }
        if self.present.is_none() {
            let ctx = self.ctx.clone();
            super::present::enter(self, &ctx, false);
            if let Some(p) = &mut self.present {
                p.exporting = true;
            }
        }
        let count = super::present::slides(self).len();
        for slide in 0..count {
            self.capturer.push(screenshot::Shot {
                target: screenshot::Target::File(
                    folder.join(format!("slide-{:02}.png", slide + 1)),
                ),
                slide: Some(slide),
                crop: None,
                settle: 3,
            });
        }
    }

    /// Every slide as a picture in `folder` and/or the handout `pdf`, at the size chosen in
    /// the File menu: at the window's own size here, at any other by the `slides` command in
    /// a second process (on this display) on a copy of the document as it is, unsaved changes
    /// included. Its result arrives as a notice.
    pub(super) fn export_slides_at_size(&mut self, folder: Option<&Path>, pdf: Option<&Path>) {
        let Some((w, h)) = self.view.slide_size else {
            let scratch = std::env::temp_dir().join(format!("ucj-slides-{}", std::process::id()));
            let folder = folder.unwrap_or(&scratch);
            self.handout = pdf.map(Path::to_path_buf);
            self.export_slides(folder);
            return;
        };
        let dir = std::env::temp_dir().join(format!(
            "ucj-export-{}-{}",
            std::process::id(),
            self.doc.revision
        ));
        let copy = dir.join("scenario.ron");
        let prepared = std::fs::create_dir_all(&dir)
            .map_err(|e| e.to_string())
            .and_then(|()| files::to_ron(&self.doc.scenario).map_err(|e| e.to_string()))
            .and_then(|text| std::fs::write(&copy, text).map_err(|e| e.to_string()));
        if let Err(e) = prepared {
            self.say(format!("{}: {e}", dir.display()), true);
            return;
        }
        let out = folder.map_or_else(|| dir.join("slides"), Path::to_path_buf);
        let mut command = std::process::Command::new(
            std::env::current_exe().unwrap_or_else(|_| "ucj-planner".into()),
        );
        command
            .arg("slides")
            .arg(&copy)
            .arg("--out")
            .arg(&out)
            .arg("--size")
            .arg(format!("{w}x{h}"))
            .arg("--lang")
            .arg(match self.lang {
                crate::i18n::Lang::Id => "id",
                crate::i18n::Lang::En => "en",
            });
        if let Some(name) = super::menu::plan_name(self) {
            command.arg("--variant").arg(name);
        }
        if let Some(pdf) = pdf {
            command.arg("--pdf").arg(pdf);
        }
        let done = pdf.map_or_else(|| out.clone(), Path::to_path_buf);
        // What the second process says goes to a file, not a pipe: a pipe it filled would
        // stop it while this side waits for it to end.
        let said = dir.join("stderr.txt");
        match std::fs::File::create(&said) {
            Ok(file) => command.stderr(file),
            Err(e) => {
                self.say(format!("{}: {e}", said.display()), true);
                return;
            }
        };
        command.stdout(std::process::Stdio::null());
        let timed_out = (self.lang.texts().ui.export_timed_out)(EXPORT_MINUTES);
        let (sender, receiver) = std::sync::mpsc::channel();
        let repaint = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("export-slides".into())
            .spawn(move || {
                let result = match run_with_deadline(
                    &mut command,
                    std::time::Duration::from_secs(EXPORT_MINUTES * 60),
                ) {
                    Ok(Some(status)) if status.success() => Ok(done),
                    Ok(Some(_)) => Err(std::fs::read_to_string(&said)
                        .unwrap_or_default()
                        .lines()
                        .rfind(|l| !l.contains("WARN") && !l.trim().is_empty())
                        .unwrap_or("the slides command failed")
                        .to_owned()),
                    Ok(None) => Err(timed_out),
                    Err(e) => Err(e.to_string()),
                };
                let _ = std::fs::remove_dir_all(&dir);
                let _ = sender.send(result);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                let t = &self.lang.texts().ui;
                self.say((t.exporting_slides)(w, h), false);
                self.exporting = Some(receiver);
            }
            Err(e) => self.say(e.to_string(), true),
        }
    }

    /// Takes the result of an export running in a second process.
    pub(super) fn poll_export(&mut self) {
        let Some(receiver) = &self.exporting else {
            return;
        };
        match receiver.try_recv() {
            Ok(Ok(path)) => {
                self.exporting = None;
                let text = format!("{} {}", self.lang.texts().ui.exported, path.display());
                self.say(text, false);
            }
            Ok(Err(e)) => {
                self.exporting = None;
                self.say(e, true);
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.exporting = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// The PDF handout of the slide pictures in `folder` (`slide-01.png`…), written to `pdf`.
    pub(super) fn write_handout(&mut self, folder: &Path, pdf: &Path) {
        let count = super::present::slides(self).len();
        let mut pictures = Vec::with_capacity(count);
        for slide in 0..count {
            let path = folder.join(format!("slide-{:02}.png", slide + 1));
            match std::fs::read(&path) {
                Ok(bytes) => pictures.push(bytes),
                Err(e) => {
                    self.say(format!("{}: {e}", path.display()), true);
                    self.status.store(1, std::sync::atomic::Ordering::SeqCst);
                    return;
                }
            }
        }
        let t = &self.lang.texts().ui;
        let plan = super::menu::plan_name(self).map_or_else(
            || self.lang.texts().ui.working_plan.to_owned(),
            |n| crate::i18n::shown(n).into_owned(),
        );
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let name = crate::i18n::shown(&self.doc.scenario.name).into_owned();
        let footer = format!("{name} · {} {plan} · {}", t.plan_shown, self.lang.date(now));
        let written = files::handout::handout(&pictures, &footer, t.page_word)
            .and_then(|bytes| files::write_atomic(pdf, &bytes, false).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                let text = format!("{} {}", t.exported, pdf.display());
                self.say(text, false);
            }
            Err(e) => {
                self.say(format!("{}: {e}", pdf.display()), true);
                self.status.store(1, std::sync::atomic::Ordering::SeqCst);
            }
        }
    }

    /// Projection, targets and budget as CSV files a spreadsheet opens in the user's language.
    pub(super) fn export_spreadsheet(&mut self, folder: &Path) {
        let stem = self.file_stem();
        let (s, p, lang) = (&self.doc.scenario, &self.doc.projection, self.lang);
        let sheets = [
            ("projection", files::projection_sheet(s, p, lang)),
            ("targets", files::targets_sheet(s, p, lang)),
            ("budget", files::budget_sheet(p, lang)),
        ];
        // The scenario's own tables too, which File > Import data reads back.
        let data = [
            ("regions", files::tables::Kind::Regions),
            ("region-targets", files::tables::Kind::Targets),
            ("actuals", files::tables::Kind::Actuals),
            ("campaigns", files::tables::Kind::Campaigns),
            ("variants", files::tables::Kind::Variants),
            ("scenario", files::tables::Kind::Settings),
        ]
        .map(|(name, kind)| (name, files::data_sheet(s, kind, lang)));
        let mut written = Vec::new();
        for (name, text) in sheets.into_iter().chain(data) {
            let file = format!("{stem}-{name}.csv");
            if let Err(e) = files::write_atomic(&folder.join(&file), text.as_bytes(), false) {
                self.say(e.to_string(), true);
                return;
            }
            written.push(file);
        }
        // Which files, not only where: nine of them, named after the scenario.
        let text = format!(
            "{} {}: {}",
            self.lang.texts().ui.exported,
            folder.display(),
            written.join(", ")
        );
        self.say(text, false);
    }

    pub fn say(&mut self, text: String, is_error: bool) {
        if is_error {
            log::error!("{text}");
        }
        self.notice = Some(Notice {
            text,
            is_error,
            shown_at: Instant::now(),
        });
    }

    /// Shows the typed-path box for `purpose`, whether or not a native dialog exists.
    pub fn type_path(&mut self, purpose: Purpose) {
        self.typed_path = Some((purpose, self.suggested_path(purpose)));
    }
}

impl UcjApp {
    /// Takes the next queued picture and reports it.
    pub(super) fn capture_step(&mut self, ctx: &egui::Context) {
        if let Some(slide) = self.capturer.current().and_then(|s| s.slide)
            && let Some(p) = &mut self.present
        {
            p.slide = slide;
        }
        let Some((shot, result)) = self.capturer.step(ctx) else {
            return;
        };
        let t = &self.lang.texts().ui;
        match (&result, &shot.target) {
            (Err(e), _) => self.say(e.clone(), true),
            (Ok(()), screenshot::Target::Clipboard) => self.say(t.copied.to_owned(), false),
            (Ok(()), screenshot::Target::File(path)) => {
                log::info!("wrote {}", path.display());
                if self.capturer.remaining() == 0 && !self.quit_after_capture {
                    let folder = path
                        .parent()
                        .map(Path::display)
                        .map(|d| d.to_string())
                        .unwrap_or_default();
                    let text = if shot.slide.is_some() {
                        format!("{} {folder}", t.slides_exported)
                    } else {
                        format!("{} {}", t.exported, path.display())
                    };
                    self.say(text, false);
                }
            }
        }
        if self.capturer.remaining() == 0 {
            if shot.slide.is_some()
                && result.is_ok()
                && let screenshot::Target::File(path) = &shot.target
                && let Some(pdf) = self.handout.take()
                && let Some(folder) = path.parent()
            {
                self.write_handout(folder, &pdf);
            }
            if shot.slide.is_some() && self.present.as_ref().is_some_and(|p| p.exporting) {
                self.present = None;
            }
            if self.quit_after_capture {
                if result.is_ok() {
                    self.status.store(0, std::sync::atomic::Ordering::SeqCst);
                }
                self.closing.allow = true;
                self.closing.now = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::run_with_deadline;
    use std::time::{Duration, Instant};

    #[cfg(unix)]
    #[test]
    fn a_second_process_past_its_deadline_is_stopped_and_one_within_it_is_awaited() {
        let started = Instant::now();
        let mut slow = std::process::Command::new("sleep");
        slow.arg("30");
        let stopped = run_with_deadline(&mut slow, Duration::from_millis(300)).unwrap();
        assert_eq!(stopped, None);
        assert!(started.elapsed() < Duration::from_secs(20));
        let mut quick = std::process::Command::new("true");
        let status = run_with_deadline(&mut quick, Duration::from_secs(30)).unwrap();
        assert!(status.is_some_and(|s| s.success()));
        let mut failing = std::process::Command::new("false");
        let status = run_with_deadline(&mut failing, Duration::from_secs(30)).unwrap();
        assert!(status.is_some_and(|s| !s.success()));
    }
}
