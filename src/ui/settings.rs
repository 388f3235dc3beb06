//! What the program remembers between runs (through eframe's storage).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub const STORAGE_KEY: &str = "ucj-planner";

/// Most recent files kept in File > Open recent.
const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Remembered {
    pub lang: Option<Lang>,
    pub recent: Vec<PathBuf>,
    /// The file that was open at the last exit.
    pub last_file: Option<PathBuf>,
    /// The scenario itself when it had unsaved changes or no file, so nothing is lost.
    pub unsaved: Option<String>,
}

impl Remembered {
    /// What the last run wrote to `path`, when it can be read.
    #[must_use]
    pub fn load(path: &std::path::Path) -> Option<Self> {
        let bytes = std::fs::metadata(path).ok()?.len();
        if bytes > 1024 * 1024 {
            return None;
        }
        ron::from_str(&std::fs::read_to_string(path).ok()?).ok()
    }

    /// Writes it atomically, so a kill during the write never loses the recent files.
    pub fn store(&self, path: &std::path::Path) {
        let Ok(text) = ron::to_string(self) else {
            return;
        };
        if let Some(folder) = path.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        if let Err(e) = crate::files::write_atomic(path, text.as_bytes(), false) {
            log::warn!("cannot remember the recent files: {e}");
        }
    }

    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
