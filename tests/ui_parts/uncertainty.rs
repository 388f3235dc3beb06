//! Uncertainty in the window: bands and chances arrive from the worker, follow every edit,
//! and go when the ranges do.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::ui::UcjApp;

use super::common::{click, harness};

/// Frames until the uncertainty runs of the document as it is have finished.
fn until_runs_done(harness: &mut Harness<'_, UcjApp>) {
    let started = Instant::now();
    let mut quiet = 0;
    // `step`, not `run`: the progress spinner repaints while the runs go. Done when two
    // frames in a row start nothing new (a cell's commit can start another run).
    while quiet < 3 {
        harness.step();
        if harness.state().runs.running() {
            quiet = 0;
            std::thread::sleep(Duration::from_millis(20));
        } else {
            quiet += 1;
        }
        assert!(
            started.elapsed() < Duration::from_mins(1),
            "runs never ended"
        );
    }
}

#[test]
fn the_detail_panel_shows_the_chance_and_what_moves_it() {
    let mut harness = harness();
    until_runs_done(&mut harness);
    let app = harness.state();
    let spread = app.runs.spread(&app.doc).expect("bands for the sample");
    assert_eq!(spread.runs, 1000);
    // Bands around Musi Banyuasin's line: they open up after the start.
    let q = spread.region(0).unwrap().bands.values[12];
    assert!(q[0] < q[3] && q[3] < q[6], "{q:?}");
    // The same number `ucj-planner uncertainty --targets` writes (0.802).
    harness.get_by_label("Chance of reaching 52.15 % by Dec 2025: 80 %");
    harness.get_by_label("What moves coverage at 52.15 % Dec 2025");
    // The legend names the median; the line over the chart says what the bands are.
    harness.get_by_label("Median of runs");
    harness.get_by_label(
        "Bands: where 50 % and 90 % of 1,000 runs fall; thick line: their median; thin dashed: the plan",
    );
}

#[test]
fn a_campaign_range_typed_in_its_cell_moves_the_chance() {
    let mut harness = harness();
    until_runs_done(&mut harness);
    click(&mut harness, "Campaigns");
    // From the name cell to the uptake column by keyboard: the table scrolls to it.
    click(&mut harness, "Name, campaign 1");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    let cell = "Uptake %, campaign 1";
    harness.get_by_label(cell).type_text("10 / 20 / 30");
    until_runs_done(&mut harness);
    // Tab commits and stays on the row, so the detail panel stays on its region.
    harness.key_press(egui::Key::Tab);
    until_runs_done(&mut harness);
    assert_eq!(
        harness.state().doc.scenario.campaigns[0].uptake_pct,
        Some((10.0, 20.0, 30.0))
    );
    // PAKE KELAMBU enrolling a fifth of its people cannot reach the target in any run.
    harness.get_by_label("Chance of reaching 52.15 % by Dec 2025: 0 %");
    // Out of order: the cell says why and the document keeps its value.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    until_runs_done(&mut harness);
    harness.get_by_label(cell).type_text("90 / 20 / 30");
    until_runs_done(&mut harness);
    assert_eq!(
        harness.state().doc.scenario.campaigns[0].uptake_pct,
        Some((10.0, 20.0, 30.0))
    );
}

#[test]
fn switching_the_ranges_off_takes_the_bands_away_and_undo_brings_them_back() {
    let mut harness = harness();
    until_runs_done(&mut harness);
    click(&mut harness, "Assumptions");
    harness
        .get_by_label("Run uncertainty (bands and chances)")
        .click_accesskit();
    until_runs_done(&mut harness);
    let app = harness.state();
    assert!(app.doc.scenario.assumptions.uncertainty.is_none());
    assert!(app.runs.spread(&app.doc).is_none());
    assert!(
        harness
            .query_by_label("Chance of reaching 52.15 % by Dec 2025: 80 %")
            .is_none()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    until_runs_done(&mut harness);
    harness.get_by_label("Chance of reaching 52.15 % by Dec 2025: 80 %");
}

#[test]
fn a_file_opened_after_another_gets_bands_of_its_own() {
    let mut harness = harness();
    until_runs_done(&mut harness);
    // Another scenario, opened as File › Open does: one region fewer, another target.
    let mut other = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    other.regions.pop();
    other.regions[0].targets[0].pct = 50.0;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    ucj_planner::files::save(&path, &other).unwrap();
    assert!(harness.state_mut().load(&path));
    until_runs_done(&mut harness);
    let app = harness.state();
    // Both documents were new and unedited: runs kept by revision took the first one's for
    // the second's, which has another number of regions, so it never had bands.
    let spread = app
        .runs
        .spread(&app.doc)
        .expect("bands for the file opened");
    assert_eq!(spread.regions.len(), 3);
    harness.get_by_label_contains("Chance of reaching 50.00 % by Dec 2025:");
}
