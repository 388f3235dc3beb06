//! Recovery of unsaved work, as office suites do it: every running window keeps its unsaved
//! scenario in a file of its own, rewritten atomically a few seconds after each change, and
//! holds a lock beside it while it runs. A recovery file whose lock nobody holds belongs to a
//! window that crashed or was killed; the next start offers it and erases it only when the
//! user has answered.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::safe_write::write_atomic;
use super::scenario_file::{FileError, MAX_FILE_BYTES};

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RecoveryFile {
    /// The scenario's own file, when it had one.
    file: Option<PathBuf>,
    /// When it was written, seconds since 1970 (UTC).
    written_unix: u64,
    /// The scenario as its file would hold it.
    scenario: String,
}

/// Unsaved work left by a window that is no longer running.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The recovery file, and the lock beside it; `None` for work kept by an older version.
    pub path: Option<PathBuf>,
    pub file: Option<PathBuf>,
    pub written_unix: u64,
    pub scenario: String,
}

/// This window's recovery file and the lock that says it is running.
pub struct Recovery {
    dir: PathBuf,
    id: String,
    /// Held for as long as the window runs; the system releases it if the process dies.
    _lock: File,
    written: bool,
}

impl Recovery {
    /// Claims a recovery file of its own in `dir` (created when missing).
    ///
    /// # Errors
    /// When the folder cannot be created or the lock not taken.
    pub fn start(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let id = format!("{}-{nanos}", std::process::id());
        let lock = File::create(dir.join(format!("{id}.lock")))?;
        lock.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => e,
            TryLockError::WouldBlock => io::Error::other("the recovery lock is taken"),
        })?;
        Ok(Self {
            dir: dir.to_path_buf(),
            id,
            _lock: lock,
            written: false,
        })
    }

    fn path(&self) -> PathBuf {
        self.dir.join(format!("{}.ron", self.id))
    }

    /// Keeps `scenario` (the text of its file) for `file`, atomically.
    ///
    /// # Errors
    /// When it cannot be written; the work is then only in memory.
    pub fn write(&mut self, file: Option<&Path>, scenario: String) -> Result<(), FileError> {
        let written_unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let record = RecoveryFile {
            file: file.map(Path::to_path_buf),
            written_unix,
            scenario,
        };
        let text = ron::to_string(&record).map_err(|e| FileError::Serialize(e.to_string()))?;
        write_atomic(&self.path(), text.as_bytes(), false)?;
        self.written = true;
        Ok(())
    }

    /// Nothing unsaved any more (saved, or undone to the saved state): the file goes.
    pub fn clear(&mut self) {
        if self.written {
            // Best effort: a leftover is offered at the next start, which is harmless.
            let _ = fs::remove_file(self.path());
            self.written = false;
        }
    }

    /// Whether this window has unsaved work on disk.
    #[must_use]
    pub fn is_written(&self) -> bool {
        self.written
    }

    /// The window closes with nothing unsaved: its file and lock go.
    pub fn finish(mut self) {
        self.clear();
        let _ = fs::remove_file(self.dir.join(format!("{}.lock", self.id)));
    }

    /// Unsaved work of windows that are no longer running, newest first.
    #[must_use]
    pub fn orphans(&self) -> Vec<Found> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Found> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter(|p| p.file_stem().is_some_and(|s| s != self.id.as_str()))
            .filter(|p| !running(&p.with_extension("lock")))
            .filter_map(|p| read(&p))
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.written_unix));
        found
    }
}

/// Whether a window holds this lock (a missing lock means nobody does).
fn running(lock: &Path) -> bool {
    let Ok(file) = File::open(lock) else {
        return false;
    };
    matches!(file.try_lock(), Err(TryLockError::WouldBlock))
}

fn read(path: &Path) -> Option<Found> {
    let bytes = fs::metadata(path).ok()?.len();
    if bytes > MAX_FILE_BYTES {
        return None;
    }
    let text = fs::read_to_string(path).ok()?;
    let record: RecoveryFile = ron::from_str(&text).ok()?;
    Some(Found {
        path: Some(path.to_path_buf()),
        file: record.file,
        written_unix: record.written_unix,
        scenario: record.scenario,
    })
}

/// Erases unsaved work the user chose to restore (now kept by this window) or to discard.
pub fn remove(found: &Found) {
    if let Some(path) = &found.path {
        let _ = fs::remove_file(path);
        let _ = fs::remove_file(path.with_extension("lock"));
    }
}
