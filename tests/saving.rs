//! What a save promises about the file: it keeps what the file was (symlink, permissions,
//! hard links), never writes what cannot be opened, cleans up after interrupted saves, and a
//! kill at any moment leaves the file and its backup complete.

use std::fs;
use std::process::Command;
use std::time::{Duration, Instant};

use ucj_planner::files::{self, FileError};

fn sample() -> ucj_planner::model::Scenario {
    files::parse(files::SAMPLE, "sample").unwrap()
}

#[cfg(unix)]
#[test]
fn a_symlink_is_saved_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("shared.ron");
    let link = dir.path().join("link.ron");
    files::save(&target, &sample()).unwrap();
    std::os::unix::fs::symlink("shared.ron", &link).unwrap();
    let mut changed = sample();
    changed.name = "through the link".into();
    files::save(&link, &changed).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(files::load(&target).unwrap().name, "through the link");
    assert_eq!(files::load(&files::backup_path(&target)).unwrap(), sample());
}

#[cfg(unix)]
#[test]
fn permissions_and_hard_links_are_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.ron");
    files::save(&path, &sample()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let mut changed = sample();
    changed.name = "kept private".into();
    files::save(&path, &changed).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let other = dir.path().join("other-name.ron");
    fs::hard_link(&path, &other).unwrap();
    changed.name = "seen by both links".into();
    files::save(&path, &changed).unwrap();
    assert_eq!(files::load(&other).unwrap().name, "seen by both links");
    assert_eq!(fs::metadata(&path).unwrap().nlink(), 2);
    assert_eq!(
        files::load(&files::backup_path(&path)).unwrap().name,
        "kept private"
    );
}

#[test]
fn a_scenario_too_large_to_open_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    files::save(&path, &sample()).unwrap();
    let before = fs::read(&path).unwrap();
    let mut huge = sample();
    huge.notes = "x".repeat(65 * 1024 * 1024);
    let err = files::save(&path, &huge).unwrap_err();
    assert!(matches!(err, FileError::TooLargeToSave { .. }), "{err}");
    assert!(
        err.to_string().contains("the file on disk is unchanged"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(
        !files::backup_path(&path).exists(),
        "nothing touched, not even the backup"
    );
}

#[test]
fn temporary_files_of_interrupted_saves_are_removed_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // What a save killed before its rename leaves: a process that no longer runs.
    let stale = dir.path().join(".plan.ron.4194303.save.tmp");
    fs::write(&stale, "half a scenario").unwrap();
    let unrelated = dir.path().join(".other.ron.4194303.save.tmp");
    fs::write(&unrelated, "not ours").unwrap();
    files::save(&path, &sample()).unwrap();
    if std::path::Path::new("/proc/self").exists() {
        assert!(!stale.exists());
    }
    assert!(unrelated.exists(), "only this file's leftovers");
}

/// Kills `ucj-planner calibrate --write` at random moments, again and again; after every
/// kill the file and its backup open, and the next save leaves no temporary file behind.
/// `UCJ_KILLS` sets how many (CI runs a few; `UCJ_KILLS=250` for the full run).
#[test]
fn kills_during_saves_never_leave_a_broken_file_or_backup() {
    let kills: u32 = std::env::var("UCJ_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("national.ron");
    let national = ucj_planner::model::synthetic_scenario(514, 3000, 120);
    let code = national.regions[0].code.clone();
    files::save(&input, &national).unwrap();
    let out = dir.path().join("out.ron");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
            .args(["calibrate", "--region", &code, "--write"])
            .arg(&out)
            .arg(&input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a whole run takes here (the fastest of three); the save is its last part, so
    // the kills are spread over the second half of it and a little after.
    let whole = (0..3)
        .map(|_| {
            let started = Instant::now();
            assert!(run().wait().unwrap().success());
            started.elapsed().as_micros().max(2)
        })
        .min()
        .unwrap_or(2);
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut interrupted = 0;
    let saving = || {
        fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| is_temp(&e.file_name()))
    };
    for k in 0..kills {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = run();
        if k % 2 == 0 {
            // Half the kills at any moment of the run...
            let delay = u64::try_from(u128::from(seed) % (whole * 11 / 10)).unwrap();
            std::thread::sleep(Duration::from_micros(delay));
        } else {
            // ...and half inside the save itself: once its temporary file appears, within
            // the next few milliseconds (writing the file, the backup, the rename).
            let deadline =
                Instant::now() + Duration::from_micros(u64::try_from(whole * 3).unwrap());
            while !saving() && Instant::now() < deadline && child.try_wait().unwrap().is_none() {
                std::thread::yield_now();
            }
            std::thread::sleep(Duration::from_micros(seed % 400));
        }
        let pid = format!(".{}.", child.id());
        let _ = child.kill();
        let _ = child.wait();
        let cut_short = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| is_temp(&e.file_name()) && e.file_name().to_string_lossy().contains(&pid));
        if out.exists() {
            files::load(&out).unwrap_or_else(|e| panic!("kill {k}: {e}"));
        }
        let backup = files::backup_path(&out);
        if backup.exists() {
            files::load(&backup).unwrap_or_else(|e| panic!("kill {k}, backup: {e}"));
        }
        interrupted += u32::from(cut_short);
    }
    eprintln!("{kills} kills, {interrupted} of them left a save unfinished");
    // A harness whose kills never land inside a save tests nothing.
    assert!(
        kills < 10 || interrupted > 0,
        "no kill landed during a save"
    );
    assert!(run().wait().unwrap().success());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| is_temp(n))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn is_temp(name: &std::ffi::OsStr) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e == "tmp")
}
