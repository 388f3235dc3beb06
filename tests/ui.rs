//! The real app state driven through `egui_kittest`: what a planner types and clicks.

use std::path::PathBuf;

use egui::{Key, Modifiers};
#[path = "ui_parts/calibration.rs"]
mod calibration;
mod common;
#[path = "ui_parts/grid.rs"]
mod grid;
#[path = "ui_parts/hostile.rs"]
mod hostile;
#[path = "ui_parts/outside.rs"]
mod outside;
#[path = "ui_parts/recovery.rs"]
mod recovery;
#[path = "ui_parts/uncertainty.rs"]
mod uncertainty;

use common::{click, harness, harness_with};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::i18n::Lang;
use ucj_planner::model::{MonthField, Segment};
use ucj_planner::ui::dialogs::{Answer, ScriptedDialogs};
use ucj_planner::ui::{Startup, UcjApp};

/// Replaces the text of the cell named `label` with `text`, as a user would, and leaves it.
fn type_into(harness: &mut Harness<'_, UcjApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Commits the cell with Tab: the cursor goes right, so the row (the region shown) stays.
fn leave_cell(harness: &mut Harness<'_, UcjApp>) {
    harness.key_press(Key::Tab);
    harness.run();
}

fn coverage_now(harness: &Harness<'_, UcjApp>) -> f64 {
    harness
        .state()
        .doc
        .projection
        .region(0)
        .unwrap()
        .series
        .coverage_pct(0)
}

#[test]
fn opens_with_the_sample_and_shows_its_coverage() {
    let harness = harness();
    assert_eq!(harness.state().doc.scenario.name, "Sumatra UCJ 2025");
    harness.get_by_label("Coverage now 41.65 %");
    harness.get_by_label("Kabupaten Musi Banyuasin (16.06)");
}

#[test]
fn editing_a_workforce_cell_changes_the_coverage_at_once() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "100,000");
    assert_eq!(harness.state().doc.scenario.regions[0].workforce, 100_000.0);
    assert!((coverage_now(&harness) - 88.958).abs() < 1e-9);
    harness.get_by_label("Coverage now 88.96 %");
    leave_cell(&mut harness);
    // Typing in one cell is one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario.regions[0].workforce, 213_582.0);
    harness.get_by_label("Coverage now 41.65 %");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario.regions[0].workforce, 100_000.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(harness.state().doc.scenario.regions[0].workforce, 100_000.0);
}

#[test]
fn numbers_follow_the_language() {
    let mut harness = harness_with(
        Startup {
            lang: Some(Lang::Id),
            ..Startup::default()
        },
        Vec::new(),
    );
    harness.get_by_label("Cakupan kini 41,65 %");
    type_into(&mut harness, "Potensi TK, 16.06", "100.000");
    assert_eq!(harness.state().doc.scenario.regions[0].workforce, 100_000.0);
}

#[test]
fn adding_a_campaign_changes_the_projection() {
    let mut harness = harness();
    let before = harness.state().doc.projection.total.clone().unwrap();
    click(&mut harness, "Campaigns");
    click(&mut harness, "+ Campaign");
    let app = harness.state();
    assert_eq!(app.doc.scenario.campaigns.len(), 5);
    let added = &app.doc.scenario.campaigns[4];
    assert_eq!(
        added.region, "16.06",
        "the campaign goes to the selected region"
    );
    let after = app.doc.projection.total.clone().unwrap();
    assert!(after.active.last() > before.active.last());
    // Switching it off gives the old projection back, without deleting it.
    harness.get_by_label("On, campaign 5").scroll_to_me();
    harness.run();
    click(&mut harness, "On, campaign 5");
    assert!(!harness.state().doc.scenario.campaigns[4].enabled);
    assert_eq!(
        harness
            .state()
            .doc
            .projection
            .total
            .as_ref()
            .unwrap()
            .active,
        before.active
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario.campaigns.len(), 4);
}

#[test]
fn letters_in_a_number_are_marked_and_listed_not_used() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "12a");
    leave_cell(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.doc.scenario.regions[0].workforce, 213_582.0,
        "nothing silently changed"
    );
    let invalid: Vec<_> = app
        .cells
        .invalid()
        .map(|(p, m)| format!("{p}: {m}"))
        .collect();
    assert_eq!(invalid.len(), 1, "{invalid:?}");
    assert!(
        invalid[0].contains("Workforce, 16.06") && invalid[0].contains("\"12a\" is not a number")
    );
    // The chart says its figures do not use the typo, rather than look as if they did.
    harness.get_by_label_contains("Workforce, 16.06: not a value, not used");
    click(&mut harness, "Problems (1)");
    harness.get_by_label_contains("\"12a\" is not a number");
    harness.get_by_label("1 error, 0 warnings");
}

#[test]
fn a_month_that_is_not_a_month_is_kept_and_explained() {
    let mut harness = harness();
    type_into(&mut harness, "As of, 16.06", "2025-13");
    leave_cell(&mut harness);
    let app = harness.state();
    assert_eq!(
        app.doc.scenario.regions[0].as_of,
        MonthField::Invalid("2025-13".into())
    );
    assert!(
        app.doc.projection.region(0).is_none(),
        "the region is not projected"
    );
    assert!(app.doc.projection.region(1).is_some(), "the others are");
    // The plot names the region and why, instead of falling back to ALL.
    harness.get_by_label_contains("Kabupaten Musi Banyuasin is not projected: As of:");
    click(&mut harness, "Problems (1)");
    assert_eq!(
        harness
            .get_all_by_label_contains("As of: \"2025-13\" is not a month")
            .count(),
        2,
        "in the problems list and under the plot"
    );
}

#[test]
fn a_negative_people_count_is_explained_at_the_cell_and_in_the_list() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    type_into(&mut harness, "People, campaign 1", "-45,000");
    leave_cell(&mut harness);
    assert_eq!(harness.state().doc.scenario.campaigns[0].people, -45_000.0);
    // Without the campaign Muba's projection misses its July report: a warning too.
    harness.get_by_label("1 error, 1 warning");
    click(&mut harness, "Problems (2)");
    assert_eq!(
        harness
            .get_all_by_label_contains("against 103,079 reported for Jul 2025")
            .count(),
        2,
        "in the problems list and the detail panel"
    );
    harness.get_by_label_contains("People: must not be negative (is -45,000)");
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "100,000");
    leave_cell(&mut harness);
    assert!(
        harness
            .state()
            .window_title()
            .ends_with("Untitled • – UCJ Planner")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("Unsaved changes");
    click(&mut harness, "Cancel");
    assert_eq!(
        harness.state().doc.scenario.regions.len(),
        4,
        "cancel keeps everything"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    click(&mut harness, "Discard changes");
    assert!(harness.state().doc.scenario.regions.is_empty());
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn closing_with_unsaved_changes_is_cancelled_until_answered() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "100,000");
    leave_cell(&mut harness);
    assert!(close_is_cancelled(&mut harness));
    harness.run();
    harness.get_by_label("Unsaved changes");
}

/// Presses the window's close button: whether the app cancelled the close (to ask first).
fn close_is_cancelled(harness: &mut Harness<'_, UcjApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose))
}

/// A typo left in a cell is work too: it is not in the document, but closing asks first
/// rather than throwing it away, and the status bar says there is something unsaved.
#[test]
fn closing_with_only_a_typo_in_a_cell_asks_first() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "12O000");
    leave_cell(&mut harness);
    assert!(!harness.state().doc.is_dirty());
    assert!(harness.state().unsaved());
    harness.get_by_label("unsaved changes");
    assert!(close_is_cancelled(&mut harness));
}

fn temp_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn save_as_then_reopen_through_the_dialog_seam() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_path(&dir, "plan.ron");
    let mut harness = harness_with(
        Startup::default(),
        vec![Answer::Picked(path.clone()), Answer::Picked(path.clone())],
    );
    type_into(&mut harness, "Workforce, 16.06", "100,000");
    leave_cell(&mut harness);
    // Save with no file yet: Save As, answered by the seam.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.run();
    assert!(path.exists());
    assert!(!harness.state().doc.is_dirty());
    assert_eq!(harness.state().window_title(), "plan.ron – UCJ Planner");
    let saved = harness.state().doc.scenario.clone();
    // Change it, then open the saved file: asked first, then discarded.
    type_into(&mut harness, "Workforce, 16.06", "1");
    leave_cell(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    click(&mut harness, "Discard changes");
    harness.run();
    assert_eq!(harness.state().doc.scenario, saved);
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
}

#[test]
fn without_a_dialog_a_typed_path_still_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_path(&dir, "typed");
    let mut harness = harness_with(
        Startup::default(),
        vec![Answer::Unavailable("no portal".into())],
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    harness.run();
    harness.get_by_label_contains("No file dialog could be shown");
    let field = harness.get_by_label("Path");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(path.to_str().unwrap());
    harness.run();
    click(&mut harness, "OK");
    let saved = path.with_extension("ron");
    assert!(saved.exists(), "saved as {}", saved.display());
    assert_eq!(harness.state().doc.path.as_deref(), Some(saved.as_path()));
}

#[test]
fn a_file_that_fails_to_load_opens_nothing_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = temp_path(&dir, "broken.ron");
    std::fs::write(&path, "Scenario(format: 1, end: \"2027-12\",\n regions: [}").unwrap();
    let harness = harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    );
    let app = harness.state();
    assert!(app.doc.scenario.regions.is_empty());
    let notice = app.notice.as_ref().unwrap();
    assert!(
        notice.is_error && notice.text.contains("broken.ron:2:"),
        "{}",
        notice.text
    );
    harness.get_by_label_contains("broken.ron:2:");
}

#[test]
fn goal_seek_creates_the_campaign_that_reaches_the_target() {
    let mut harness = harness();
    // Tanjung Jabung Barat is short of 55 % by Dec 2025.
    click(&mut harness, "Code, 15.06");
    assert_eq!(harness.state().view.focus(), Some(1));
    click(&mut harness, "Create campaign");
    let app = harness.state();
    let added = app.doc.scenario.campaigns.last().unwrap();
    assert_eq!(added.region, "15.06");
    assert_eq!(added.segment, Segment::BPU);
    let p = app.doc.projection.region(1).unwrap();
    let k = p.series.index_of("2025-12".parse().unwrap()).unwrap();
    assert!(p.series.coverage_pct(k) >= 55.0);
    harness.get_by_label("already met");
}

#[test]
fn the_language_switch_changes_the_interface() {
    let mut harness = harness();
    click(&mut harness, "View");
    click(&mut harness, "Bahasa Indonesia");
    harness.get_by_label("Wilayah");
    harness.get_by_label("Cakupan kini 41,65 %");
}

/// The scenario's uncertainty ranges (the sample has them).
fn ranges(h: &Harness<'_, UcjApp>) -> ucj_planner::model::Uncertainty {
    h.state()
        .doc
        .scenario
        .assumptions
        .uncertainty
        .clone()
        .expect("the sample has ranges")
}

/// Brings the field named `label` into view, replaces its text with `text` and presses Enter.
fn retype(harness: &mut Harness<'_, UcjApp>, label: &str, text: &str) {
    harness
        .get_all_by_label(label)
        .last()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label(label).last().unwrap().click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// The scenario's rates are typed like a table's cells: text that is not a number stays in
/// the field and never reaches the plan; a number out of range is kept as typed and named.
#[test]
fn a_scenario_rate_keeps_what_was_typed_and_says_what_is_wrong() {
    let mut harness = harness();
    click(&mut harness, "Assumptions");
    let bpu = |h: &Harness<'_, UcjApp>| {
        h.state().doc.scenario.assumptions.lapse_pct_per_month[&ucj_planner::model::Segment::BPU]
    };
    assert_eq!(bpu(&harness), 4.0);
    let field = "Lapse BPU (%/month)";
    for (typed, kept, shown) in [("abc", 4.0, "abc"), ("150", 150.0, "150.00")] {
        retype(&mut harness, field, typed);
        assert_eq!(bpu(&harness), kept, "{typed}");
        assert_eq!(
            harness
                .get_all_by_label(field)
                .last()
                .unwrap()
                .value()
                .as_deref(),
            Some(shown),
            "the field shows what was typed"
        );
    }
    assert!(
        harness
            .state()
            .doc
            .projection
            .report
            .issues
            .iter()
            .any(
                |i| i.field == ucj_planner::model::Field::Lapse(ucj_planner::model::Segment::BPU)
                    && matches!(
                        i.problem,
                        ucj_planner::model::Problem::PercentOutOfRange { .. }
                    )
            ),
        "validation names the rate"
    );
    harness.get_by_label_contains("must be a percentage from 0 to 100 (is 150)");
    // The uptake range is one cell, as on a campaign; a high below the low is named, not
    // reordered.
    let uptake = "Campaign uptake, % of planned people";
    retype(&mut harness, uptake, "90 / 80 / 70");
    let u = |h: &Harness<'_, UcjApp>| ranges(h).uptake_pct;
    assert_eq!(u(&harness), (70.0, 100.0, 100.0), "not used");
    assert_eq!(
        harness
            .get_all_by_label(uptake)
            .last()
            .unwrap()
            .value()
            .as_deref(),
        Some("90 / 80 / 70")
    );
    retype(&mut harness, uptake, "60 / 90 / 100");
    assert_eq!(u(&harness), (60.0, 90.0, 100.0));
    // Undo takes the steps back in order: the range, then the rate.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(u(&harness), (70.0, 100.0, 100.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(bpu(&harness), 4.0, "undo gives the rate back");
}

#[test]
fn a_drag_of_a_number_is_one_undo_step() {
    let mut harness = harness();
    click(&mut harness, "Assumptions");
    let growth = |h: &Harness<'_, UcjApp>| ranges(h).seed as f64;
    let before = growth(&harness);
    let field = "Seed";
    let centre = |h: &Harness<'static, UcjApp>, scroll: bool| {
        let node = h
            .get_all_by_label(field)
            .rfind(|n| n.value().is_some_and(|v| v.parse::<u64>().is_ok()))
            .expect("the seed field");
        if scroll {
            node.scroll_to_me();
        }
        node.rect().center()
    };
    // The ranges are below the fold of the tables' panel: brought into view first.
    centre(&harness, true);
    harness.run();
    let start = centre(&harness, false);
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=20 {
        harness.hover_at(start + egui::vec2(3.0 * step as f32, 0.0));
        harness.run();
    }
    harness.drop_at(start + egui::vec2(60.0, 0.0));
    harness.run();
    let dragged = growth(&harness);
    assert!(
        dragged > before + 1.0,
        "the drag moved the value: {dragged}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(growth(&harness), before);
    assert!(
        !harness.state().doc.can_undo(),
        "the whole drag was one step"
    );
}

/// eframe's storage, in memory: what the window remembers between runs.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn restart(memory: &Memory) -> UcjApp {
    let ctx = egui::Context::default();
    let startup = Startup::default();
    UcjApp::new(
        &ctx,
        Some(memory),
        &startup,
        Box::new(ScriptedDialogs::default()),
    )
}

#[test]
fn the_language_is_remembered_and_unsaved_work_is_not_in_the_shared_state() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "100,000");
    leave_cell(&mut harness);
    let mut memory = Memory::default();
    eframe::App::save(harness.state_mut(), &mut memory);
    let again = restart(&memory);
    assert_eq!(again.lang, Lang::En, "the language is remembered");
    // Unsaved work lives in this window's recovery file (see ui_parts/recovery.rs), so two
    // windows never overwrite each other's through the shared state.
    assert_eq!(again.doc.scenario.regions[0].workforce, 213_582.0);
    assert!(!again.doc.is_dirty());
}

/// The generated national scenario (514 regions, 300 campaigns), changed by `change`, opened
/// from a file; with the label of region `index`'s workforce cell.
fn national(
    change: impl FnOnce(&mut ucj_planner::model::Scenario),
    index: usize,
) -> (tempfile::TempDir, Harness<'static, UcjApp>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.ron");
    let mut s = ucj_planner::model::synthetic_scenario(514, 300, 60);
    change(&mut s);
    let label = format!("Workforce, {}", s.regions[index].code);
    ucj_planner::files::save(&path, &s).unwrap();
    let harness = harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    );
    (dir, harness, label)
}

/// Sorted anew, the regions table shows the selected region where it went.
#[test]
fn a_sort_brings_the_selected_region_into_view() {
    let (_dir, mut harness, label) = national(|_| {}, 2);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().view.focus(), Some(2));
    harness.key_press(Key::Escape);
    harness.run();
    // Codes from the last: the third region goes to the bottom of 514.
    harness.state_mut().view.region_sort = Some((ucj_planner::ui::view::RegionColumn::Code, false));
    harness.run();
    harness.run();
    assert!(
        harness.query_by_label(&label).is_some(),
        "the selected region's row is drawn in its new place"
    );
}

#[test]
fn going_to_a_problem_scrolls_its_row_into_view() {
    let (_dir, mut harness, label) = national(|s| s.regions[400].workforce = 0.0, 400);
    assert!(
        harness.query_by_label(&label).is_none(),
        "row 401 is not drawn at first"
    );
    // The generated regions' reports are not calibrated: warnings besides the one error.
    harness.get_by_label_contains("Problems (").click();
    harness.run();
    harness
        .get_by_label_contains("the workforce must be more than 0")
        .click();
    harness.run();
    harness.run();
    harness.get_by_label(&label);
    assert_eq!(harness.state().view.focus(), Some(400));
}

#[test]
fn help_lists_the_keyboard_shortcuts() {
    let mut harness = harness();
    click(&mut harness, "Help");
    click(&mut harness, "Keyboard shortcuts");
    harness.get_by_label("Save as…");
    harness.get_by_label_contains("Esc: leave");
}

/// At 1024x768 the shortcuts window is taller than the screen: the keys scroll it, and the
/// table under it does not move with them.
#[test]
fn the_shortcuts_window_scrolls_from_the_keyboard() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    let cursor = harness.state().view.focus();
    click(&mut harness, "Help");
    click(&mut harness, "Keyboard shortcuts");
    let scroll = |h: &Harness<'_, UcjApp>| h.state().help_scroll;
    assert_eq!(scroll(&harness).offset, 0.0);
    assert!(
        scroll(&harness).max > 0.0,
        "the list is taller than the window"
    );
    harness.key_press(Key::PageDown);
    harness.run();
    let page = scroll(&harness).offset;
    assert!(page > 0.0, "Page Down scrolls: {:?}", scroll(&harness));
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(
        scroll(&harness).offset,
        scroll(&harness).max,
        "End goes to the end"
    );
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert!(scroll(&harness).offset < scroll(&harness).max);
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(scroll(&harness).offset, 0.0);
    assert_eq!(
        harness.state().view.focus(),
        cursor,
        "the table stayed where it was"
    );
}

#[test]
fn deleting_a_region_takes_its_campaigns_and_undo_brings_both_back() {
    let mut harness = harness();
    let before = harness.state().doc.scenario.clone();
    click(&mut harness, "Code, 15.06");
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Delete");
    let app = harness.state();
    assert_eq!(app.doc.scenario.regions.len(), 3);
    assert!(
        app.doc
            .scenario
            .campaigns
            .iter()
            .all(|c| c.region != "15.06")
    );
    assert!(
        !app.doc.projection.report.has_errors(),
        "no campaign is left without its region"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario,
        before,
        "one undo restores everything in order"
    );
}

#[test]
fn a_new_region_code_moves_its_campaigns_along() {
    let mut harness = harness();
    type_into(&mut harness, "Code, 15.08", "15.08X");
    leave_cell(&mut harness);
    let app = harness.state();
    let bungo = app
        .doc
        .scenario
        .campaigns
        .iter()
        .find(|c| c.name.contains("Bungo"))
        .unwrap();
    assert_eq!(bungo.region, "15.08X");
    assert!(!app.doc.projection.report.has_errors());
}

#[test]
fn deleting_a_campaign_drops_it_from_every_variant() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    click(&mut harness, "Name, campaign 4");
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Delete");
    let app = harness.state();
    assert_eq!(app.doc.scenario.campaigns.len(), 3);
    let gone = "Bungo contract staff (TKD), PKS 2025";
    assert!(
        app.doc
            .scenario
            .variants
            .iter()
            .all(|v| !v.campaigns.iter().any(|n| n == gone))
    );
    assert!(!app.doc.projection.report.has_errors());
}

/// The Assumptions tab reads a rate the planner's way: "0,75" in Indonesian is 0.75, not
/// ignored, and it shows the rate with a comma too.
#[test]
fn a_rate_typed_with_a_decimal_comma_in_indonesian_is_that_rate() {
    let mut harness = harness_with(
        Startup {
            lang: Some(Lang::Id),
            ..Startup::default()
        },
        Vec::new(),
    );
    click(&mut harness, "Asumsi");
    let lapse = |h: &Harness<'_, UcjApp>| {
        h.state().doc.scenario.assumptions.lapse_pct_per_month[&Segment::PU]
    };
    assert_eq!(lapse(&harness), 0.5);
    let shown = |h: &Harness<'_, UcjApp>| {
        h.get_all_by_label("Non-aktif PU (%/bulan)")
            .last()
            .and_then(|n| n.value())
    };
    assert_eq!(shown(&harness).as_deref(), Some("0,50"));
    harness
        .get_all_by_label("Non-aktif PU (%/bulan)")
        .last()
        .expect("the PU lapse field")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_label("Non-aktif PU (%/bulan)")
        .last()
        .expect("the PU lapse field, being edited")
        .type_text("0,75");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(lapse(&harness), 0.75);
    assert_eq!(shown(&harness).as_deref(), Some("0,75"));
}

/// Ctrl+3 puts the keyboard in the Assumptions tab's first field; Tab walks on from there.
#[test]
fn the_assumptions_tab_takes_the_keyboard_at_its_first_field() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    assert!(
        harness
            .get_all_by_label("Scenario name")
            .last()
            .unwrap()
            .is_focused()
    );
    harness.key_press(Key::Tab);
    harness.run();
    assert!(
        harness
            .get_all_by_label("Projection ends")
            .last()
            .unwrap()
            .is_focused()
    );
}

/// A variant added from the switches comes into view with the keyboard in its name.
#[test]
fn a_new_variant_is_named_from_the_keyboard_at_once() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    let before = harness.state().doc.scenario.variants.len();
    click(&mut harness, "+ Variant from the switches shown");
    harness.run();
    let name = format!("Name, variant {}", before + 1);
    assert!(harness.get_by_label(&name).is_focused(), "{name}");
    // The name it was given is selected: typing replaces it.
    harness.event(egui::Event::Text("Plan B".to_owned()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().doc.scenario.variants.last().unwrap().name,
        "Plan B"
    );
}

/// At 1024x768 the Variants tab gives the plans compared the whole width: the detail panel
/// steps aside, and the comparison's columns start inside the window.
#[test]
fn a_small_window_compares_plans_across_its_whole_width() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    harness.get_by_label("Coverage now 41.65 %");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    assert!(
        harness.query_by_label("Coverage now 41.65 %").is_none(),
        "the detail panel steps aside"
    );
    let last = harness.get_by_label_contains("Rp per additional active participant");
    assert!(last.rect().left() < 1024.0, "{:?}", last.rect());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    harness.get_by_label("Coverage now 41.65 %");
}

/// In a 1024x768 window the charts beside the detail panel come one at a time, the whole
/// width, chosen by name; at 1600x900 all three are there.
#[test]
fn a_small_window_shows_one_chart_at_a_time() {
    let mut harness = harness();
    harness.get_by_label("Public cost by payer");
    assert!(harness.query_by_label("Public cost by payer").is_some());
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    assert_eq!(harness.state().view.one_plot, 0);
    click(&mut harness, "Public cost");
    assert_eq!(harness.state().view.one_plot, 2);
    harness.get_by_label("Public cost by payer");
    click(&mut harness, "Coverage");
    assert_eq!(harness.state().view.one_plot, 0);
}

/// A cell's outline says how bad its problem is: validation's warnings are drawn in the
/// warning colour, errors (and text that is not a value) in red.
#[test]
fn a_cell_knows_a_warning_from_an_error() {
    use ucj_planner::model::{Field, MonthField};
    use ucj_planner::ui::panels::problem_at;
    let mut s = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "sample").unwrap();
    // Starting before its region's figures is a warning; a negative number of people an error.
    s.campaigns[0].start = MonthField::parse("2024-06");
    s.campaigns[1].people = -5.0;
    let report = ucj_planner::model::validate(&s);
    let start = problem_at(&report, Lang::En, None, Some(0), Field::Start).expect("a warning");
    assert!(start.warning, "{}", start.text);
    let people = problem_at(&report, Lang::En, None, Some(1), Field::People).expect("an error");
    assert!(!people.warning, "{}", people.text);
}

#[test]
fn a_campaign_funded_to_the_end_says_so_in_its_cell() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    // The honorer are funded to the scenario's end: the cell says so rather than "0".
    let cell = harness.get_by_label("Funded months, campaign 2");
    assert_eq!(cell.value().as_deref(), Some("to the end"));
    // Typed back as it shows, the campaign stays funded to the end (no red "not a number").
    type_into(&mut harness, "Funded months, campaign 2", "to the end");
    leave_cell(&mut harness);
    assert_eq!(
        harness.state().doc.scenario.campaigns[1].funded_months,
        None
    );
    assert!(!harness.state().cells.has_invalid());
    type_into(&mut harness, "Funded months, campaign 2", "12");
    leave_cell(&mut harness);
    assert_eq!(
        harness.state().doc.scenario.campaigns[1].funded_months,
        Some(12)
    );
    type_into(&mut harness, "Funded months, campaign 2", "0");
    leave_cell(&mut harness);
    assert_eq!(
        harness.state().doc.scenario.campaigns[1].funded_months,
        None
    );
}

#[test]
fn going_to_a_problem_puts_the_cursor_on_its_cell() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    type_into(&mut harness, "People, campaign 2", "-5");
    leave_cell(&mut harness);
    // The cursor moves on to Ramp; the problem list takes it back to People.
    click(&mut harness, "Problems (1)");
    harness
        .get_by_label_contains("People: must not be negative")
        .click();
    harness.run();
    harness.run();
    harness.get_by_label("People · Tanjab Barat honorer paid by APBD");
    // A region's problem: the region's Workforce cell.
    type_into(&mut harness, "People, campaign 2", "2500");
    leave_cell(&mut harness);
    click(&mut harness, "Regions");
    type_into(&mut harness, "Workforce, 15.08", "-1");
    leave_cell(&mut harness);
    harness.get_by_label_contains("Problems (").click();
    harness.run();
    harness
        .get_by_label("error: region 3 (15.08), Workforce: must not be negative (is -1)")
        .click();
    harness.run();
    harness.run();
    harness.get_by_label("Workforce · Kabupaten Bungo (15.08)");
}

#[test]
fn the_problems_list_narrows_to_the_words_typed() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    type_into(&mut harness, "People, campaign 1", "-45,000");
    leave_cell(&mut harness);
    click(&mut harness, "Problems (2)");
    harness.get_by_label_contains("People: must not be negative");
    assert_eq!(
        harness
            .get_all_by_label_contains("warning: region 1 (16.06), Actual 1 · Active")
            .count(),
        1
    );
    harness.get_by_label("region, column or words").click();
    harness.run();
    harness
        .get_by_label("region, column or words")
        .type_text("people");
    harness.run();
    harness.get_by_label("1 of 2");
    harness.get_by_label_contains("People: must not be negative");
    assert_eq!(
        harness
            .query_all_by_label_contains("warning: region 1 (16.06), Actual 1 · Active")
            .count(),
        0,
        "the warning is filtered out of the list"
    );
}

/// The tabs from the keyboard: Ctrl+2 shows the campaigns with the cursor in their table, so
/// the arrows move it at once; Ctrl+Page Down goes on, round from the last tab to the first;
/// two presses before the window draws again are two steps, not one.
#[test]
fn the_tabs_are_reached_from_the_keyboard() {
    use ucj_planner::ui::view::Tab;
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Campaigns);
    harness.key_press(Key::ArrowDown);
    harness.run();
    let active = harness.state().view.campaign_grid.active;
    assert_eq!(active.map(|p| (p.row, p.col)), Some((1, 0)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Variants);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Regions);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Problems);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Regions);
    assert!(harness.state().view.region_grid.active.is_some());
    // F10 puts the keyboard on the menu bar's first menu.
    harness.key_press(Key::F10);
    harness.run();
    assert!(harness.get_by_label("File").is_focused());
}

/// Two undos pressed before the window draws again undo two edits.
#[test]
fn two_quick_undos_are_two() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "300000");
    leave_cell(&mut harness);
    type_into(&mut harness, "Workforce, 15.06", "400000");
    leave_cell(&mut harness);
    let workforce = |h: &Harness<'_, UcjApp>| {
        let r = &h.state().doc.scenario.regions;
        (r[0].workforce, r[1].workforce)
    };
    assert_eq!(workforce(&harness), (300_000.0, 400_000.0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(workforce(&harness), (213_582.0, 112_000.0));
}

/// At 1024x768 the detail panel keeps its width when the region it shows cannot be projected
/// (it then says so in a line): the charts stay one at a time, not three slivers.
#[test]
fn a_region_not_projected_leaves_the_charts_as_they_were() {
    let mut harness = harness();
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    let one_at_a_time = |h: &Harness<'_, UcjApp>| {
        h.query_by_label("Segments").is_some()
            && h.query_by_label_contains("Active participants by segment")
                .is_none()
    };
    assert!(one_at_a_time(&harness));
    type_into(&mut harness, "Workforce, 16.06", "-1");
    leave_cell(&mut harness);
    assert!(harness.state().doc.projection.region(0).is_none());
    assert!(one_at_a_time(&harness));
}

/// Deletes campaign `n` (from 1) with the Campaigns tab's Delete button.
fn delete_campaign(harness: &mut Harness<'_, UcjApp>, n: usize) {
    click(harness, "Campaigns");
    click(harness, &format!("Name, campaign {n}"));
    harness.key_press(Key::Escape);
    harness.run();
    click(harness, "Delete");
}

/// Undoing a delete brings the row back selected, with the table's cursor on it when the
/// keyboard is in the table; undoing a region's edit shows that region again.
#[test]
fn undo_shows_the_row_it_brings_back() {
    let mut harness = harness();
    delete_campaign(&mut harness, 2);
    assert_eq!(harness.state().doc.scenario.campaigns.len(), 3);
    click(&mut harness, "Name, campaign 3");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc.scenario.campaigns.len(), 4);
    assert_eq!(app.view.selected_campaign, Some(1));
    assert_eq!(app.view.campaign_grid.active.map(|p| p.row), Some(1));
    // A region's edit, undone while another region is shown, shows the region again.
    click(&mut harness, "Regions");
    type_into(&mut harness, "Workforce, 15.08", "140000");
    leave_cell(&mut harness);
    click(&mut harness, "Code, 16.06");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().view.focus(), Some(0));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario.regions[2].workforce, 130_275.0);
    assert_eq!(harness.state().view.focus(), Some(2));
}

/// Undo takes typos and document steps in the order they were made: a campaign deleted after
/// a typo comes back first, then the typo goes.
#[test]
fn undo_takes_a_typo_and_a_later_delete_in_turn() {
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "12O000");
    leave_cell(&mut harness);
    assert!(harness.state().cells.has_invalid());
    delete_campaign(&mut harness, 2);
    assert_eq!(harness.state().doc.scenario.campaigns.len(), 3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc.scenario.campaigns.len(), 4);
    assert!(harness.state().cells.has_invalid(), "the typo is older");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().cells.has_invalid());
    assert_eq!(harness.state().doc.scenario.campaigns.len(), 4);
}

/// Ctrl+5 puts the keyboard in the Problems filter; Down walks the list, Enter goes to the
/// problem's cell, Up from the first problem goes back to the filter.
#[test]
fn the_problems_list_is_walked_with_the_arrows() {
    use ucj_planner::ui::view::Tab;
    let mut harness = harness();
    type_into(&mut harness, "Workforce, 16.06", "-1");
    leave_cell(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num5);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Problems);
    let filter = "region, column or words";
    assert!(harness.get_by_label(filter).is_focused());
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert!(!harness.get_by_label(filter).is_focused());
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert!(harness.get_by_label(filter).is_focused());
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().view.tab, Tab::Regions);
    let active = harness.state().view.region_grid.active;
    assert_eq!(active.map(|p| (p.row, p.col)), Some((0, 4)));
}
