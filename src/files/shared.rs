//! A file other people and windows use too: a stamp that tells whether it changed on disk
//! since it was read or saved, and a lock file (`.~lock.NAME#`, as office suites write) that
//! tells a second window or a colleague that it is open.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// What the file on disk was when this window last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

impl DiskStamp {
    /// The file as it is now; `None` when it cannot be read (gone, no access).
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let m = fs::metadata(path).ok()?;
        Some(Self {
            modified: m.modified().ok(),
            len: m.len(),
        })
    }
}

/// Who holds a lock, as its file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since_unix: u64,
}

impl Holder {
    fn me() -> Self {
        Self {
            user: ["USER", "USERNAME", "LOGNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
                .or_else(|| {
                    // Without a user variable (services, containers): the home folder's name.
                    std::env::var_os("HOME")
                        .map(std::path::PathBuf::from)
                        .and_then(|h| h.file_name().map(|n| n.to_string_lossy().into_owned()))
                })
                .unwrap_or_else(|| "?".to_owned()),
            host: host_name(),
            pid: std::process::id(),
            since_unix: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(4, ',');
        let user = parts.next()?.to_owned();
        let host = parts.next()?.to_owned();
        let pid = parts.next()?.parse().ok()?;
        let since_unix = parts.next()?.parse().ok()?;
        Some(Self {
            user,
            host,
            pid,
            since_unix,
        })
    }

    fn line(&self) -> String {
        let clean = |s: &str| s.replace([',', '\n', '\r'], " ");
        format!(
            "{},{},{},{}\n",
            clean(&self.user),
            clean(&self.host),
            self.pid,
            self.since_unix
        )
    }

    /// A lock of a window that no longer runs on this machine; a lock from another machine
    /// cannot be checked and counts as held.
    #[must_use]
    pub fn is_stale(&self) -> bool {
        let proc = Path::new("/proc");
        if self.host != host_name() || !proc.join("self").exists() {
            return false;
        }
        // Gone, or a zombie nobody has reaped yet (its files and locks are closed).
        fs::read_to_string(proc.join(self.pid.to_string()).join("stat")).map_or(true, |stat| {
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
    }
}

fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| {
            fs::read_to_string("/etc/hostname")
                .ok()
                .map(|h| h.trim().to_owned())
        })
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// `.~lock.NAME#` beside `NAME`.
#[must_use]
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".~lock.");
    name.push(path.file_name().unwrap_or_default());
    name.push("#");
    path.with_file_name(name)
}

/// This window's lock on a file; removed when dropped (only if it is still ours).
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    me: Holder,
}

impl FileLock {
    /// Takes the lock of `file`. Returns the lock (when it could be written) and whoever else
    /// holds it now (a lock of a window that no longer runs is taken over silently).
    #[must_use]
    pub fn take(file: &Path) -> (Option<Self>, Option<Holder>) {
        let path = lock_path(file);
        let me = Holder::me();
        let other = fs::read_to_string(&path)
            .ok()
            .and_then(|t| Holder::parse(&t))
            .filter(|h| !(h.pid == me.pid && h.host == me.host))
            .filter(|h| !h.is_stale());
        if other.is_some() {
            // Theirs stays; saving here will ask before overwriting their changes.
            return (None, other);
        }
        let written = fs::write(&path, me.line()).is_ok();
        (written.then_some(Self { path, me }), None)
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let ours = fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| Holder::parse(&t))
            .is_some_and(|h| h.pid == self.me.pid && h.host == self.me.host);
        if ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}
