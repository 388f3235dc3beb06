//! File dialogs behind a seam: native dialogs through rfd on a worker thread (the window
//! keeps drawing while one is open), or answers injected by tests.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// What a file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ExportCsv,
    SavePng,
    /// A folder for every slide as PNG.
    SlidesFolder,
    /// A folder for the spreadsheet CSV files.
    TablesFolder,
    /// A CSV or XLSX file of regions, targets, actuals or campaigns to import.
    ImportData,
    /// The XLSX workbook of the scenario and its projection.
    ExportXlsx,
    /// The PDF handout of the slides.
    Handout,
}

impl Purpose {
    /// The file extension, or `None` when a folder is asked for.
    #[must_use]
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Open | Self::SaveAs => Some("ron"),
            Self::ExportCsv => Some("csv"),
            Self::SavePng => Some("png"),
            Self::ExportXlsx => Some("xlsx"),
            Self::Handout => Some("pdf"),
            Self::SlidesFolder | Self::TablesFolder | Self::ImportData => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Picked(PathBuf),
    Cancelled,
    /// No dialog could be shown; the user types a path instead.
    Unavailable(String),
}

/// Asks the user for a file. `ask` starts a dialog; `poll` returns its answer once.
pub trait Dialogs {
    fn ask(&mut self, purpose: Purpose, folder: &Path, file_name: &str);
    fn poll(&mut self) -> Option<(Purpose, Answer)>;
    fn is_open(&self) -> bool;
}

/// Native dialogs. rfd returns `None` both for a cancel and when nothing could be shown, so
/// an answer faster than a person can cancel counts as "no dialog".
#[derive(Default)]
pub struct NativeDialogs {
    waiting: Option<(Purpose, Instant, Receiver<Option<PathBuf>>)>,
    ctx: Option<egui::Context>,
}

impl NativeDialogs {
    #[must_use]
    pub fn new(ctx: egui::Context) -> Self {
        Self {
            waiting: None,
            ctx: Some(ctx),
        }
    }
}

/// Whether this desktop can show a file dialog at all (Linux: a portal or zenity).
fn dialogs_possible() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|p| p.join("zenity").is_file()));
    has_bus || has_zenity
}

impl Dialogs for NativeDialogs {
    fn ask(&mut self, purpose: Purpose, folder: &Path, file_name: &str) {
        if self.waiting.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let folder = folder.to_path_buf();
        let file_name = file_name.to_owned();
        let ctx = self.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_directory(&folder);
                if let Some(ext) = purpose.extension() {
                    dialog = dialog.add_filter(ext.to_uppercase(), &[ext]);
                }
                if purpose == Purpose::ImportData {
                    dialog = dialog.add_filter("CSV, XLSX", &["csv", "xlsx", "xlsm"]);
                }
                // rfd's zenity fallback (no session bus) ignores the folder and only reads the
                // file name, so give it the whole path there.
                let zenity = cfg!(target_os = "linux")
                    && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none();
                if zenity {
                    let mut start = folder.join(&file_name).display().to_string();
                    if file_name.is_empty() && !start.ends_with('/') {
                        start.push('/');
                    }
                    dialog = dialog.set_file_name(start);
                } else if !file_name.is_empty() {
                    dialog = dialog.set_file_name(&file_name);
                }
                let picked = match purpose {
                    Purpose::Open | Purpose::ImportData => dialog.pick_file(),
                    Purpose::SaveAs
                    | Purpose::ExportCsv
                    | Purpose::SavePng
                    | Purpose::ExportXlsx
                    | Purpose::Handout => dialog.save_file(),
                    Purpose::SlidesFolder | Purpose::TablesFolder => dialog.pick_folder(),
                };
                let _ = tx.send(picked);
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.waiting = Some((purpose, Instant::now(), rx)),
            Err(e) => log::error!("cannot start the file dialog thread: {e}"),
        }
    }

    fn poll(&mut self) -> Option<(Purpose, Answer)> {
        let (purpose, started, rx) = self.waiting.as_ref()?;
        let picked = rx.try_recv().ok()?;
        let (purpose, fast) = (*purpose, started.elapsed() < Duration::from_millis(400));
        self.waiting = None;
        let answer = match picked {
            Some(path) => Answer::Picked(match purpose.extension() {
                Some(ext) => with_extension(path, ext),
                None => path,
            }),
            None if fast || !dialogs_possible() => {
                Answer::Unavailable("no file dialog could be shown".into())
            }
            None => Answer::Cancelled,
        };
        Some((purpose, answer))
    }

    fn is_open(&self) -> bool {
        self.waiting.is_some()
    }
}

/// Adds `.ron` / `.csv` to a name typed without it.
#[must_use]
pub fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

/// Answers from a list, for tests: the seam where a person would pick a file.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: std::collections::VecDeque<Answer>,
    pub pending: Option<Purpose>,
    /// Every dialog asked for, with the folder it would have started in.
    pub asked: Vec<(Purpose, PathBuf)>,
}

impl Dialogs for ScriptedDialogs {
    fn ask(&mut self, purpose: Purpose, folder: &Path, _file_name: &str) {
        self.asked.push((purpose, folder.to_path_buf()));
        self.pending = Some(purpose);
    }

    fn poll(&mut self) -> Option<(Purpose, Answer)> {
        let purpose = self.pending.take()?;
        Some((
            purpose,
            self.answers.pop_front().unwrap_or(Answer::Cancelled),
        ))
    }

    fn is_open(&self) -> bool {
        self.pending.is_some()
    }
}

/// The folder a dialog starts in: the current file's, else `saves/`, else the documents folder.
#[must_use]
pub fn start_folder(current: Option<&Path>) -> PathBuf {
    if let Some(dir) = current.and_then(Path::parent).filter(|d| d.is_dir()) {
        return dir.to_path_buf();
    }
    let saves = PathBuf::from("saves");
    if saves.is_dir() {
        return std::fs::canonicalize(&saves).unwrap_or(saves);
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    home.map(PathBuf::from).map_or_else(
        || PathBuf::from("."),
        |h| {
            let docs = h.join("Documents");
            if docs.is_dir() { docs } else { h }
        },
    )
}
