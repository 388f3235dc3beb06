//! Writing a file so that nothing is lost: a flushed temporary file renamed into place, the
//! previous version kept as `NAME.bak` (itself replaced atomically), and the file keeping what
//! it was: a symlink is written through to its target, permissions and (where allowed) owner
//! stay, and a file with several hard links is rewritten in place so every link sees it.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::scenario_file::FileError;

/// Temporary files of saves older than this, left by a save that was interrupted, are
/// removed at the next save of the same file.
const STALE_TEMP: Duration = Duration::from_mins(1);

/// `NAME.ron.bak` beside `NAME.ron`: the version before the last save.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// `.NAME.PID.SUFFIX.tmp` in the file's folder: hidden, ours, recognisable afterwards.
fn temp_path(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.{suffix}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that an interruption at any moment leaves either the old or
/// the new file, and with `keep_backup` the previous version as `NAME.bak`, complete.
///
/// # Errors
/// The message names the file (for a symlink, the file it points to) or the folder.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), FileError> {
    // A symlink is saved through: its target gets the new content, the link stays a link.
    let target = resolve_symlink(path);
    let path = target.as_path();
    let shown = super::scenario_file::shown_path(&path.display().to_string());
    let write_error = |source: io::Error| FileError::Write {
        path: shown.clone(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temps(path);
    let existing = fs::metadata(path).ok().filter(fs::Metadata::is_file);
    let folder_error = |source| FileError::Folder {
        folder: super::scenario_file::shown_path(&folder.display().to_string()),
        name: super::scenario_file::shown_path(
            &path.file_name().unwrap_or_default().to_string_lossy(),
        ),
        source,
    };
    if keep_backup && existing.is_some() {
        write_backup(path).map_err(|e| {
            if e.kind() == io::ErrorKind::PermissionDenied {
                folder_error(e)
            } else {
                FileError::Write {
                    path: super::scenario_file::shown_path(
                        &backup_path(path).display().to_string(),
                    ),
                    source: e,
                }
            }
        })?;
    }
    if existing.as_ref().is_some_and(|m| hard_links(m) > 1) {
        // Renaming would break the other links: write in place. The old content is kept in
        // memory too, so a write that fails half-way (a full disk) puts it back.
        let old = fs::read(path).map_err(&write_error)?;
        return write_in_place(path, bytes).map_err(|e| {
            let restored = write_in_place(path, &old).is_ok();
            if restored {
                write_error(e)
            } else {
                FileError::Write {
                    path: format!(
                        "{shown} (damaged by the failed save; the previous version is in {})",
                        super::scenario_file::shown_path(&backup_path(path).display().to_string())
                    ),
                    source: e,
                }
            }
        });
    }
    let temp = temp_path(path, "save");
    // A folder that cannot be written to is named as such, not the file.
    let mut file = File::create(&temp).map_err(folder_error)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Some(m) = &existing {
            keep_what_it_was(&file, m);
        }
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        // Best effort: the temporary file is ours and worthless now.
        let _ = fs::remove_file(&temp);
        return Err(write_error(e));
    }
    // Make the rename itself durable where the platform allows opening a folder.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Overwrites the file's content where it is (keeping its links), flushed.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.set_len(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    file.sync_all()
}

/// The file a symlink finally points to (relative links resolved against their folder);
/// the path itself when it is not a link or the link is broken.
fn resolve_symlink(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A loop of links ends after a few hops; the last path is then used as it is.
    for _ in 0..16 {
        let Ok(meta) = fs::symlink_metadata(&current) else {
            break;
        };
        if !meta.file_type().is_symlink() {
            break;
        }
        let Ok(next) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
    }
    current
}

/// Copies the current file to `NAME.bak` through a flushed temporary file and a rename, so a
/// backup is never half-written and a failed save never truncates the one there was.
fn write_backup(path: &Path) -> io::Result<()> {
    let temp = temp_path(path, "bak");
    let done = (|| {
        fs::copy(path, &temp)?;
        File::open(&temp)?.sync_all()?;
        fs::rename(&temp, backup_path(path))
    })();
    if done.is_err() {
        let _ = fs::remove_file(&temp);
    }
    done
}

/// Gives the new file the old one's permissions and, where the system allows, its owner.
fn keep_what_it_was(file: &File, old: &fs::Metadata) {
    // Best effort: a file system without permissions (FAT, some shares) keeps its defaults.
    let _ = file.set_permissions(old.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; anyone may keep their own. Failure leaves the
        // saver as owner, which the README says.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
}

#[cfg(unix)]
fn hard_links(m: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.nlink()
}

#[cfg(not(unix))]
fn hard_links(_: &fs::Metadata) -> u64 {
    1
}

/// Removes `.NAME.*.tmp` files of this file that an interrupted save left behind.
fn remove_stale_temps(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let prefix = prefix.to_string_lossy().into_owned();
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        // Our own names, written exactly so: no case folding.
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = middle
            .split('.')
            .next()
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_TEMP);
        // The saver is gone (where the system says which processes run), or long silent.
        let proc = Path::new("/proc");
        let gone = proc.join("self").exists()
            && fs::read_to_string(proc.join(pid).join("stat")).map_or(true, |stat| {
                stat.rsplit_once(')')
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
            });
        if (gone || old) && pid != std::process::id().to_string() {
            let _ = fs::remove_file(entry.path());
        }
    }
}
