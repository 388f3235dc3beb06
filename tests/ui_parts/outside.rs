//! Outside changes: a file changed on disk by someone else is never silently overwritten,
//! and a second window on the same file is told that the first has it open.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::files;
use ucj_planner::ui::{Startup, UcjApp};

use super::common::{click, harness_with};

fn open(path: &std::path::Path) -> Harness<'static, UcjApp> {
    harness_with(
        Startup {
            file: Some(path.to_path_buf()),
            ..Startup::default()
        },
        Vec::new(),
    )
}

fn edit_workforce(h: &mut Harness<'_, UcjApp>) {
    h.get_by_label("Workforce, 16.06").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Workforce, 16.06").type_text("100,000");
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let sample = files::parse(files::SAMPLE, "s").unwrap();
    files::save(&path, &sample).unwrap();
    let mut h = open(&path);
    edit_workforce(&mut h);
    // A colleague saves the same file from elsewhere.
    let mut theirs = sample.clone();
    theirs.name = "Their version".into();
    theirs.campaigns.pop();
    files::save(&path, &theirs).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    assert_eq!(files::load(&path).unwrap(), theirs, "not overwritten");
    click(&mut h, "Compare");
    h.get_by_label("The scenario's name, notes, end or assumptions differ.");
    h.get_by_label("Region 16.06: changed");
    h.get_by_label("Campaign Bungo contract staff (TKD), PKS 2025: only in this window");
    click(&mut h, "Save mine over it");
    let saved = files::load(&path).unwrap();
    assert_eq!(saved.regions[0].workforce, 100_000.0);
    assert_eq!(
        files::load(&files::backup_path(&path)).unwrap(),
        theirs,
        "theirs kept"
    );
    assert!(!h.state().doc.is_dirty());

    // Again, and this time take theirs.
    files::save(&path, &theirs).unwrap();
    edit_workforce(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    click(&mut h, "Reload from disk");
    assert_eq!(h.state().doc.scenario, theirs);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_second_window_on_the_same_file_is_warned_and_the_lock_goes_with_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    files::save(&path, &files::parse(files::SAMPLE, "s").unwrap()).unwrap();
    let first = open(&path);
    let lock = files::shared::lock_path(&path);
    assert!(lock.exists());
    // The lock names its holder (this test process, so the second window is "another" only
    // by pretending: a lock with another process id on this machine that still runs).
    let text = std::fs::read_to_string(&lock).unwrap();
    let parts: Vec<&str> = text.trim().split(',').collect();
    assert_eq!(parts.len(), 4, "{text}");
    std::fs::write(&lock, format!("colleague,{},1,1764000000\n", parts[1])).unwrap();
    let second = open(&path);
    second.get_by_label_contains(
        "This file is also open in another UCJ Planner window (colleague on ",
    );
    drop(second);
    assert!(lock.exists(), "not the second window's lock to remove");
    // A lock whose process no longer runs is stale and taken over without a word.
    std::fs::write(&lock, format!("gone,{},4194303,1764000000\n", parts[1])).unwrap();
    let third = open(&path);
    if std::path::Path::new("/proc/self").exists() {
        assert!(
            third
                .query_by_label_contains("also open in another")
                .is_none()
        );
        drop(third);
        assert!(!lock.exists(), "the lock goes when its window does");
    }
    drop(first);
}

/// Tells the window it lost the focus and got it back, as switching windows does.
fn refocus(h: &mut Harness<'_, UcjApp>) {
    for focused in [false, true] {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .focused = Some(focused);
        h.run();
    }
}

#[test]
fn the_window_asks_when_it_gets_the_focus_back_and_takes_over_a_lock_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let sample = files::parse(files::SAMPLE, "s").unwrap();
    files::save(&path, &sample).unwrap();
    // Another window (a process that runs: pid 1) has the file open.
    let lock = files::shared::lock_path(&path);
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_default();
    let host = std::env::var("HOSTNAME").unwrap_or(host);
    std::fs::write(&lock, format!("colleague,{host},1,1764000000\n")).unwrap();
    let mut second = open(&path);
    second.get_by_label_contains("This file is also open in another UCJ Planner window");
    // That window closes (and removes its lock); this one, back in focus, holds it now.
    std::fs::remove_file(&lock).unwrap();
    refocus(&mut second);
    assert!(lock.exists(), "taken over by the window still open");
    // Someone changes the file while the window is in the background.
    let mut theirs = sample.clone();
    theirs.name = "Changed meanwhile".into();
    files::save(&path, &theirs).unwrap();
    refocus(&mut second);
    second.get_by_label("The file changed on disk");
    click(&mut second, "Cancel");
    // Not asked again for the same change at the next focus, but still at the next save.
    refocus(&mut second);
    assert!(second.query_by_label("The file changed on disk").is_none());
    second.key_press_modifiers(Modifiers::COMMAND, Key::S);
    second.run();
    second.get_by_label("The file changed on disk");
}

#[test]
fn a_file_swapped_for_one_of_the_same_size_and_time_is_noticed_at_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let sample = files::parse(files::SAMPLE, "s").unwrap();
    files::save(&path, &sample).unwrap();
    let mut h = open(&path);
    let before = std::fs::metadata(&path).unwrap();
    // Same length, same modification time, other content.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Sumatra UCJ 2025", "Sumatra UCJ 2026");
    std::fs::write(&path, &text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), before.len());
    edit_workforce(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
}
