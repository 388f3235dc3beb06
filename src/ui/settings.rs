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
    pub fn add_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
