//! Unsaved work survives a crash: this window's recovery file follows the document a moment
//! after each change, and work other windows left behind is offered at start.

use std::time::{Duration, Instant};

use crate::files::{self, recovery::Found, recovery::Recovery};

use super::app::{Notice, Startup, UcjApp};
use super::document::Document;

/// How long after the last change the recovery file is written: typing does not write on
/// every keystroke, and a crash loses at most this much.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

impl UcjApp {
    /// Claims this window's recovery file and collects what crashed windows left.
    pub(super) fn start_recovery(&mut self, startup: &Startup) {
        // Work kept by versions before recovery files: offered the same way.
        if let Some(text) = self.remembered.unsaved.take() {
            self.recovered.push(Found {
                path: None,
                file: self.remembered.last_file.clone(),
                written_unix: 0,
                scenario: text,
            });
        }
        let Some(dir) = &startup.recovery_dir else {
            return;
        };
        match Recovery::start(dir) {
            Ok(recovery) => {
                self.recovered.extend(recovery.orphans());
                self.recovery = Some(recovery);
            }
            Err(e) => log::warn!("no recovery of unsaved work in {}: {e}", dir.display()),
        }
    }

    /// Writes the recovery file once the document has been still for [`RECOVERY_DELAY`], and
    /// removes it when nothing is unsaved. Asks for a frame at the right moment, so an idle
    /// window writes too.
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        let revision = self.doc.revision;
        if revision != self.recovery_seen.0 {
            self.recovery_seen = (revision, Instant::now());
        }
        let Some(recovery) = &mut self.recovery else {
            return;
        };
        if !self.doc.is_dirty() {
            recovery.clear();
            self.recovery_written = None;
            return;
        }
        if self.recovery_written == Some(revision) {
            return;
        }
        let wait = RECOVERY_DELAY.saturating_sub(self.recovery_seen.1.elapsed());
        if !wait.is_zero() {
            ctx.request_repaint_after(wait);
            return;
        }
        self.write_recovery();
    }

    fn write_recovery(&mut self) {
        let Some(recovery) = &mut self.recovery else {
            return;
        };
        let Ok(text) = files::to_ron(&self.doc.scenario) else {
            return;
        };
        let file = self
            .doc
            .path
            .as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
        match recovery.write(file.as_deref(), text) {
            Ok(()) => self.recovery_written = Some(self.doc.revision),
            Err(e) => log::warn!("cannot keep unsaved work for recovery: {e}"),
        }
    }

    /// The window closes: with nothing unsaved (saved, or changes discarded) the recovery
    /// file goes; otherwise it is brought up to date and stays for the next start.
    pub(super) fn end_recovery(&mut self) {
        if self.doc.is_dirty() && !self.closing.discarded {
            if self.recovery_written != Some(self.doc.revision) {
                self.write_recovery();
            }
            return;
        }
        if let Some(recovery) = self.recovery.take() {
            recovery.finish();
        }
    }

    /// The answer for one piece of found work: restore it (it becomes the open, unsaved
    /// document) or discard it. Only now is its file removed.
    pub fn answer_recovery(&mut self, index: usize, restore: bool) {
        if index >= self.recovered.len() {
            return;
        }
        let found = self.recovered.remove(index);
        if restore {
            let origin = found
                .file
                .as_deref()
                .map_or_else(|| "recovered".to_owned(), |p| p.display().to_string());
            match files::parse(&found.scenario, &origin) {
                Ok(scenario) => {
                    // The work of the file that is open: one undo step on top of the file as
                    // it was saved, so Ctrl+Z steps back to it. Work of another file or of a
                    // new scenario replaces the document.
                    let same_file = found.file.is_some() && found.file == self.doc.path;
                    if same_file {
                        if let Some(edit) = super::edit::edit_between(&self.doc.scenario, &scenario)
                        {
                            self.apply(edit, None);
                        }
                    } else {
                        self.doc = Document::new(scenario, found.file.clone(), false);
                        self.after_open();
                    }
                    // Kept by this window at once, before the old file goes.
                    self.write_recovery();
                    self.notice = Some(Notice {
                        text: self.lang.texts().recovery.restored.to_owned(),
                        is_error: false,
                        shown_at: Instant::now(),
                    });
                }
                Err(e) => {
                    self.say(e.to_string(), true);
                    self.recovered.insert(index, found);
                    return;
                }
            }
        }
        files::recovery::remove(&found);
    }
}
