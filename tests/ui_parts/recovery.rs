//! Recovery like an office suite: unsaved work is on disk a moment after each change, a crash
//! does not lose it, the next start offers it (with or without a file argument) and erases
//! nothing before the user answers; a window that still runs keeps its own.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::ui::{Startup, UcjApp};

use super::common::{click, harness_with};

fn start(plan: &Path, recovery: &Path) -> Harness<'static, UcjApp> {
    harness_with(
        Startup {
            file: Some(plan.to_path_buf()),
            recovery_dir: Some(recovery.to_path_buf()),
            ..Startup::default()
        },
        Vec::new(),
    )
}

fn kept(recovery: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(recovery)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

/// Types a workforce and waits for the recovery file, as an idle window would.
fn edit_and_wait(h: &mut Harness<'_, UcjApp>) {
    h.get_by_label("Workforce, 16.06").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Workforce, 16.06").type_text("100,000");
    h.key_press(Key::Enter);
    h.run();
    std::thread::sleep(ucj_planner::ui::RECOVERY_DELAY + std::time::Duration::from_millis(200));
    h.run();
}

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let sample = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    ucj_planner::files::save(&plan, &sample).unwrap();
    let recovery = dir.path().join("recovery");
    (dir, plan, recovery)
}

#[test]
fn work_of_a_crashed_window_is_offered_and_restored_only_when_asked() {
    let (_dir, plan, recovery) = setup();
    let mut first = start(&plan, &recovery);
    edit_and_wait(&mut first);
    assert_eq!(
        kept(&recovery).len(),
        1,
        "written while idle, without a save"
    );
    // A second window on the same machine while the first still runs: nothing to offer.
    let second = start(&plan, &recovery);
    assert!(second.query_by_label("Unsaved work was found").is_none());
    drop(second);
    // The first window dies without closing.
    drop(first);

    let mut next = start(&plan, &recovery);
    next.get_by_label("Unsaved work was found");
    next.get_by_label_contains("plan.ron, last changed ");
    // Opened with the file argument: the file as it is on disk, and the work still kept.
    assert_eq!(next.state().doc.scenario.regions[0].workforce, 213_582.0);
    assert_eq!(kept(&recovery).len(), 1, "nothing erased before the answer");
    click(&mut next, "Restore");
    let app = next.state();
    assert_eq!(app.doc.scenario.regions[0].workforce, 100_000.0);
    assert!(app.doc.is_dirty(), "restored work is still unsaved");
    assert_eq!(app.doc.path.as_deref(), Some(plan.as_path()));
    // Now kept by this window; the crashed window's file is gone.
    assert_eq!(kept(&recovery).len(), 1);
    let restored = std::fs::read_to_string(&kept(&recovery)[0]).unwrap();
    assert!(
        restored.contains("100000"),
        "this window keeps the restored work"
    );
    // The restored work is one step on top of the file: undo goes back to the file as saved,
    // redo brings the work back.
    next.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    next.run();
    assert_eq!(next.state().doc.scenario.regions[0].workforce, 213_582.0);
    next.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    next.run();
    assert_eq!(next.state().doc.scenario.regions[0].workforce, 100_000.0);
    // Saved: nothing left to recover.
    next.key_press_modifiers(Modifiers::COMMAND, Key::S);
    next.run();
    assert!(kept(&recovery).is_empty());
}

#[test]
fn found_work_can_be_discarded_or_left_for_later() {
    let (_dir, plan, recovery) = setup();
    let mut first = start(&plan, &recovery);
    edit_and_wait(&mut first);
    drop(first);
    let mut later = start(&plan, &recovery);
    click(&mut later, "Decide later");
    assert!(later.query_by_label("Unsaved work was found").is_none());
    assert_eq!(kept(&recovery).len(), 1, "still there for the next start");
    drop(later);
    let mut next = start(&plan, &recovery);
    click(&mut next, "Discard");
    assert!(kept(&recovery).is_empty());
    assert_eq!(next.state().doc.scenario.regions[0].workforce, 213_582.0);
    drop(next);
    let again = start(&plan, &recovery);
    assert!(again.query_by_label("Unsaved work was found").is_none());
}

#[test]
fn recent_files_and_the_language_are_kept_in_a_file_written_atomically() {
    let (dir, plan, recovery) = setup();
    let settings = dir.path().join("settings.ron");
    let startup = |lang| Startup {
        file: Some(plan.clone()),
        recovery_dir: Some(recovery.clone()),
        settings_path: Some(settings.clone()),
        lang,
        ..Startup::default()
    };
    let mut first = harness_with(startup(Some(ucj_planner::i18n::Lang::Id)), Vec::new());
    let mut storage = NoStorage;
    eframe::App::save(first.state_mut(), &mut storage);
    drop(first);
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("plan.ron"), "{text}");
    // Another start, without eframe's storage: the file alone brings them back.
    let again = harness_with(startup(None), Vec::new());
    let app = again.state();
    assert_eq!(app.remembered.recent, vec![plan.clone()]);
    assert_eq!(app.remembered.lang, Some(ucj_planner::i18n::Lang::Id));
}

/// eframe's storage that keeps nothing, to show the settings file is enough.
struct NoStorage;

impl eframe::Storage for NoStorage {
    fn get_string(&self, _: &str) -> Option<String> {
        None
    }
    fn set_string(&mut self, _: &str, _: String) {}
    fn remove_string(&mut self, _: &str) {}
    fn flush(&mut self) {}
}

#[test]
fn a_file_opened_by_a_relative_path_is_kept_by_its_whole_path() {
    // Tests run in the package folder: the sample by a relative path.
    let h = harness_with(
        Startup {
            file: Some(PathBuf::from("saves/sumatra-2025.ron")),
            ..Startup::default()
        },
        Vec::new(),
    );
    let path = h.state().doc.path.clone().unwrap();
    assert!(path.is_absolute(), "{}", path.display());
    assert!(path.ends_with("saves/sumatra-2025.ron"));
}
