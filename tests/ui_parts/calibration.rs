//! Calibration through the window: the dialog, its fitted line, Apply and undo, and
//! *Calibrate all regions* on its worker.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::model::{Rate, RateSource, Segment};
use ucj_planner::ui::{Startup, UcjApp};

use super::common::{click, harness_with};

/// The sample as it was before calibration: Muba's BPU enrollment the assumed 150.
fn uncalibrated(dir: &tempfile::TempDir) -> Harness<'static, UcjApp> {
    let mut s = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    s.regions[0].new_per_month.insert(Segment::BPU, 150.0);
    s.regions[0].fitted.clear();
    let path = dir.path().join("uncalibrated.ron");
    ucj_planner::files::save(&path, &s).unwrap();
    harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    )
}

fn bpu_enrollment(h: &Harness<'_, UcjApp>) -> f64 {
    h.state().doc.scenario.regions[0].new_per_month[&Segment::BPU]
}

#[test]
fn calibrating_a_region_shows_the_fit_applies_it_in_one_step_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = uncalibrated(&dir);
    // The detail panel says where the projection contradicts the report.
    h.get_by_label_contains("projected 100,911 against 103,079 reported for Jul 2025 (-2.1 %)");
    // The baseline in the detail panel, and its column in the table, edit the same value.
    assert_eq!(
        h.get_by_label("Kabupaten Musi Banyuasin: BPU enrollment")
            .value()
            .as_deref(),
        Some("150")
    );
    assert_eq!(
        h.get_by_label("BPU enrollment, 16.06").value().as_deref(),
        Some("150")
    );
    click(&mut h, "Calibrate…");
    h.get_by_label_contains(
        "Fitted BPU enrollment 499 a month (was 150), BPU lapse held at 4.00 %",
    );
    h.get_by_label("after calibration");
    h.get_by_label("before calibration");
    let c = h.state().calibration.as_ref().unwrap();
    assert_eq!(c.region, 0);
    click(&mut h, "Apply");
    assert!(h.state().calibration.is_none());
    assert_eq!(bpu_enrollment(&h), 499.0);
    assert!(matches!(
        h.state().doc.scenario.regions[0].rate_source(Rate::NewPerMonth(Segment::BPU)),
        RateSource::Fitted(_)
    ));
    assert_eq!(h.state().doc.projection.deviations_of(0).count(), 0);
    h.get_by_label("fitted to Jul 2025");
    h.get_by_label_contains("Calibration applied");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(bpu_enrollment(&h), 150.0);
    assert!(h.state().doc.scenario.regions[0].fitted.is_empty());
    // Redone, then a rate typed by hand: the fit no longer holds, so no rate says "fitted".
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    h.get_by_label("Kabupaten Musi Banyuasin: BPU lapse")
        .click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Kabupaten Musi Banyuasin: BPU lapse")
        .type_text("5.5");
    h.key_press(Key::Enter);
    h.run();
    let region = &h.state().doc.scenario.regions[0];
    assert_eq!(region.lapse_pct_per_month[&Segment::BPU], 5.5);
    assert!(region.fitted.is_empty());
    assert_eq!(h.state().doc.projection.deviations_of(0).count(), 1);
}

/// From the keyboard: the dialog puts the keyboard on Apply, so Enter applies; Ctrl+Enter
/// applies from anywhere in it.
#[test]
fn a_calibration_is_applied_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = uncalibrated(&dir);
    click(&mut h, "Calibrate…");
    assert!(
        h.get_by_label("Apply").is_focused(),
        "the keyboard is on Apply"
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().calibration.is_none());
    assert_eq!(bpu_enrollment(&h), 499.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(bpu_enrollment(&h), 150.0);
    click(&mut h, "Calibrate…");
    h.key_press(Key::Tab);
    h.run();
    assert!(!h.get_by_label("Apply").is_focused(), "Tab moved on");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    assert_eq!(bpu_enrollment(&h), 499.0, "Ctrl+Enter applies");
}

#[test]
fn the_planner_can_ask_for_two_rates_one_figure_cannot_separate() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = uncalibrated(&dir);
    click(&mut h, "Calibrate…");
    let node = h.get_by_label("What the figures can determine (default)");
    eprintln!("rect {:?}", node.rect());
    node.click_accesskit();
    h.run();
    assert_eq!(
        h.state().calibration.as_ref().unwrap().rates,
        Some(vec![Rate::NewPerMonth(Segment::BPU)])
    );
    // The choice's checkbox, not the table's column header of the same name.
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "BPU lapse")
        .click();
    h.run();
    h.get_by_label_contains(
        "BPU lapse and BPU enrollment cannot be told apart by 1 reported figure",
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().calibration.is_none());
    assert_eq!(bpu_enrollment(&h), 150.0, "closing changes nothing");
}

#[test]
fn calibrate_all_runs_in_the_background_and_applies_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = uncalibrated(&dir);
    click(&mut h, "Edit");
    // The worker keeps the window redrawing while it runs: step, do not wait to settle.
    h.get_by_label("Calibrate all regions…").click();
    h.run_steps(2);
    for _ in 0..500 {
        h.run();
        if h.state()
            .calibrate_all
            .as_ref()
            .is_some_and(|c| !c.running())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label(
        "Regions: 1 fitted with new values, 3 with nothing to fit. Apply writes the new values \
         in one undo step.",
    );
    h.get_by_label("15.08 Kabupaten Bungo");
    h.get_by_label("Nothing to fit: no actual reported after Dec 2024.");
    click(&mut h, "Apply");
    assert_eq!(bpu_enrollment(&h), 499.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(bpu_enrollment(&h), 150.0);
}

#[test]
fn a_reported_split_starts_from_the_projection_and_the_fit_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = uncalibrated(&dir);
    click(&mut h, "+ Split 1");
    let split = h.state().doc.scenario.regions[0].actuals[0]
        .by_segment
        .clone();
    assert_eq!(
        split.keys().copied().collect::<Vec<_>>(),
        [Segment::PU, Segment::BPU]
    );
    assert_eq!(
        split.values().sum::<f64>(),
        103_079.0,
        "adds up to the report"
    );
    assert!(
        h.state()
            .doc
            .projection
            .report
            .issues
            .iter()
            .all(|i| !matches!(i.problem, ucj_planner::model::Problem::SplitMismatch { .. }))
    );
    click(&mut h, "Calibrate…");
    let points = {
        let app = h.state_mut();
        let view = app.calibration.as_mut().unwrap();
        view.result(&app.doc).as_ref().unwrap().points.len()
    };
    assert_eq!(points, 2, "one point per segment of the split");
    h.key_press(Key::Escape);
    h.run();
    // Removing the split is one click and one undo step.
    click(&mut h, "Remove the split by segment 1");
    assert!(
        h.state().doc.scenario.regions[0].actuals[0]
            .by_segment
            .is_empty()
    );
}

#[test]
fn calibrate_all_can_be_cancelled_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.ron");
    let national = ucj_planner::model::synthetic_scenario(514, 3000, 120);
    ucj_planner::files::save(&path, &national).unwrap();
    let mut h = harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    );
    let before = h.state().doc.scenario.clone();
    click(&mut h, "Edit");
    // The worker keeps the window redrawing while it runs: step, do not wait to settle.
    h.get_by_label("Calibrate all regions…").click();
    h.run_steps(2);
    h.get_by_label_contains("Calibrating: ");
    h.get_by_label("Cancel").click();
    for _ in 0..500 {
        h.run_steps(2);
        if h.state()
            .calibrate_all
            .as_ref()
            .is_some_and(|c| !c.running())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label_contains("nothing was changed");
    assert!(h.query_by_label("Apply").is_none());
    click(&mut h, "Close");
    assert!(h.state().calibrate_all.is_none());
    assert_eq!(h.state().doc.scenario, before);
}
