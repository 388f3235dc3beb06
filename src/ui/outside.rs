//! The open file and the rest of the world: its lock, changes made to it on disk by someone
//! else (noticed when the window gets the focus back and before every save), and the
//! question what to do about them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::{Id, Key, Modal, RichText};

use crate::files::shared::{DiskStamp, FileLock, Holder};
use crate::i18n::Lang;
use crate::model::Scenario;

use super::app::{Notice, UcjApp};

/// The open file as this window knows it on disk.
#[derive(Debug)]
pub struct OnDisk {
    /// As this window last read or wrote it.
    disk: Option<DiskStamp>,
    /// A hash of its content then: a file swapped for another of the same size and time.
    content: Option<u64>,
    /// A change on disk the user chose not to act on now (asked again at the next save).
    dismissed: Option<DiskStamp>,
    /// This window's lock on the open file, and which file it is for.
    lock: Option<FileLock>,
    lock_of: Option<PathBuf>,
    had_focus: bool,
}

impl Default for OnDisk {
    fn default() -> Self {
        Self {
            disk: None,
            content: None,
            dismissed: None,
            lock: None,
            lock_of: None,
            had_focus: true,
        }
    }
}

/// How the user answered the question about a changed file.
#[derive(Clone, Copy)]
enum Answer {
    Reload,
    SaveAs,
    Overwrite,
    Compare,
    Later,
}

/// How many differences *Compare* lists before "… and N more".
const SHOWN_DIFFERENCES: usize = 12;

/// The question about a file changed on disk.
pub struct Outside {
    pub path: PathBuf,
    /// Asked by a save (which waits for the answer), or by getting the focus back.
    pub on_save: bool,
    /// The differences, once *Compare* was pressed.
    pub compared: Option<Vec<String>>,
}

impl UcjApp {
    /// The file was just read or written by this window: remember what it is on disk, and
    /// hold its lock (telling the user when another window holds it).
    pub(super) fn track_file(&mut self, path: &Path) {
        self.on_disk.disk = DiskStamp::of(path);
        self.on_disk.content = content_hash(path);
        self.on_disk.dismissed = None;
        let same_file = self.on_disk.lock_of.as_deref() == Some(path);
        if same_file && self.on_disk.lock.is_some() {
            return;
        }
        self.on_disk.lock = None;
        let (lock, other) = FileLock::take(path);
        self.on_disk.lock = lock;
        self.on_disk.lock_of = Some(path.to_path_buf());
        if let Some(holder) = other {
            self.notice = Some(Notice {
                text: open_elsewhere(self.lang, &holder),
                is_error: true,
                shown_at: Instant::now(),
            });
        }
    }

    /// No file any more (New): no stamp, no lock.
    pub(super) fn forget_file(&mut self) {
        self.on_disk.disk = None;
        self.on_disk.dismissed = None;
        self.on_disk.lock = None;
        self.on_disk.lock_of = None;
    }

    /// Whether the open file changed on disk since this window read or saved it.
    fn changed_on_disk(&self, path: &Path) -> Option<DiskStamp> {
        let now = DiskStamp::of(path)?;
        (self.on_disk.disk != Some(now)).then_some(now)
    }

    /// Before saving to `path`: `true` when it may go ahead; otherwise the question is asked
    /// and the save waits for it.
    pub(super) fn may_overwrite(&mut self, path: &Path) -> bool {
        if self.doc.path.as_deref() != Some(path) {
            return true;
        }
        // Time and size first; the content too, for a file swapped with the same of both.
        let changed = self.changed_on_disk(path).is_some()
            || (self.on_disk.content.is_some() && content_hash(path) != self.on_disk.content);
        if !changed {
            return true;
        }
        self.outside = Some(Outside {
            path: path.to_path_buf(),
            on_save: true,
            compared: None,
        });
        false
    }

    /// The window got the focus back: ask if the file changed meanwhile (once per change).
    pub(super) fn check_outside_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.viewport().focused).unwrap_or(true);
        let regained = focused && !self.on_disk.had_focus;
        self.on_disk.had_focus = focused;
        if !regained || self.outside.is_some() {
            return;
        }
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        // Another window had the file when this one opened it; once that one is gone, this
        // one holds the lock, so a third is warned.
        if self.on_disk.lock.is_none() {
            self.on_disk.lock = FileLock::take(&path).0;
        }
        if let Some(now) = self.changed_on_disk(&path)
            && self.on_disk.dismissed != Some(now)
        {
            self.outside = Some(Outside {
                path,
                on_save: false,
                compared: None,
            });
        }
    }

    /// The question and what each answer does.
    pub(super) fn outside_prompt(&mut self, ctx: &egui::Context) {
        let Some(mut outside) = self.outside.take() else {
            return;
        };
        let lang = self.lang;
        let t = &lang.texts().outside;
        let name = outside
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut answer = None;
        Modal::new(Id::unique("outside-change")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(t.title);
            ui.label((t.changed)(&crate::i18n::shown(&name)));
            if let Some(lines) = &outside.compared {
                ui.add_space(4.0);
                for line in lines {
                    ui.label(RichText::new(line).strong());
                }
            }
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.reload).on_hover_text(t.reload_hint).clicked() {
                    answer = Some(Answer::Reload);
                }
                if ui.button(t.save_as).clicked() {
                    answer = Some(Answer::SaveAs);
                }
                if outside.on_save
                    && ui
                        .button(t.overwrite)
                        .on_hover_text(t.overwrite_hint)
                        .clicked()
                {
                    answer = Some(Answer::Overwrite);
                }
                if outside.compared.is_none() && ui.button(t.compare).clicked() {
                    answer = Some(Answer::Compare);
                }
                if ui.button(t.later).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    answer = Some(Answer::Later);
                }
            });
        });
        let now = DiskStamp::of(&outside.path);
        match answer {
            None => self.outside = Some(outside),
            Some(Answer::Compare) => {
                outside.compared = Some(match crate::files::load(&outside.path) {
                    Ok(disk) => differences(lang, &disk, &self.doc.scenario),
                    Err(e) => vec![e.to_string()],
                });
                self.outside = Some(outside);
            }
            Some(Answer::Reload) => {
                // A deliberate reload drops this window's changes: no second question.
                let path = outside.path;
                if self.load(&path) {
                    self.after_save = None;
                }
            }
            Some(Answer::SaveAs) => {
                let folder = super::dialogs::start_folder(Some(&outside.path));
                self.ask_save_as(&folder);
            }
            Some(Answer::Overwrite) => {
                // This window's version wins; the disk's is kept as the backup.
                self.on_disk.disk = now;
                self.on_disk.content = content_hash(&outside.path);
                self.save_to(&outside.path);
            }
            Some(Answer::Later) => {
                self.on_disk.dismissed = now;
                self.after_save = None;
            }
        }
    }
}

/// A hash of the file's content (files over the size a scenario may have are not read).
fn content_hash(path: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > crate::files::MAX_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}

fn open_elsewhere(lang: Lang, holder: &Holder) -> String {
    (lang.texts().outside.open_elsewhere)(
        &crate::i18n::shown(&holder.user),
        &crate::i18n::shown(&holder.host),
        &lang.date_time(holder.since_unix),
    )
}

/// What differs between the scenario on disk and this window's, in a few lines.
#[must_use]
pub fn differences(lang: Lang, disk: &Scenario, mine: &Scenario) -> Vec<String> {
    let t = &lang.texts().outside;
    let mut lines = Vec::new();
    if disk.name != mine.name
        || disk.notes != mine.notes
        || disk.end != mine.end
        || disk.assumptions != mine.assumptions
    {
        lines.push(t.settings_differ.to_owned());
    }
    let mut compare = |what: &str, on_disk: Vec<(&str, String)>, here: Vec<(&str, String)>| {
        for (key, value) in &on_disk {
            let name = crate::i18n::shown(key);
            match here.iter().find(|(k, _)| k == key) {
                None => lines.push((t.only_on_disk)(what, &name)),
                Some((_, v)) if v != value => lines.push((t.differs)(what, &name)),
                Some(_) => {}
            }
        }
        for (key, _) in &here {
            if !on_disk.iter().any(|(k, _)| k == key) {
                lines.push((t.only_here)(what, &crate::i18n::shown(key)));
            }
        }
    };
    compare(t.region_word, regions(disk), regions(mine));
    compare(t.campaign_word, campaigns(disk), campaigns(mine));
    compare(t.variant_word, variants(disk), variants(mine));
    if lines.is_empty() {
        lines.push(t.same.to_owned());
    }
    if lines.len() > SHOWN_DIFFERENCES {
        let more = lines.len() - SHOWN_DIFFERENCES;
        lines.truncate(SHOWN_DIFFERENCES);
        lines.push((t.more)(more));
    }
    lines
}

fn regions(s: &Scenario) -> Vec<(&str, String)> {
    s.regions
        .iter()
        .map(|r| (r.code.as_str(), format!("{r:?}")))
        .collect()
}

fn campaigns(s: &Scenario) -> Vec<(&str, String)> {
    s.campaigns
        .iter()
        .map(|c| (c.name.as_str(), format!("{c:?}")))
        .collect()
}

fn variants(s: &Scenario) -> Vec<(&str, String)> {
    s.variants
        .iter()
        .map(|v| (v.name.as_str(), format!("{v:?}")))
        .collect()
}
