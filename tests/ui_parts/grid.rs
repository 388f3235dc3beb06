//! The tables as a spreadsheet user drives them: the cell contract, the keys, the clipboard.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::ui::UcjApp;

use super::common::{click, harness};

fn workforce(harness: &Harness<'_, UcjApp>, index: usize) -> f64 {
    harness.state().doc.scenario.regions[index].workforce
}

/// Types one keystroke's text into the focused cell and lets the app answer.
fn keystroke(harness: &mut Harness<'_, UcjApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn press(harness: &mut Harness<'_, UcjApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

#[test]
fn a_typo_never_becomes_data() {
    let mut harness = harness();
    assert_eq!(workforce(&harness, 1), 112_000.0);
    click(&mut harness, "Workforce, 15.06");
    press(&mut harness, Modifiers::COMMAND, Key::A);
    keystroke(&mut harness, "1");
    assert_eq!(
        workforce(&harness, 1),
        1.0,
        "typing shows its effect at once"
    );
    keystroke(&mut harness, "2");
    assert_eq!(workforce(&harness, 1), 12.0);
    for k in ["a", "0", "0", "0"] {
        keystroke(&mut harness, k);
        assert_eq!(
            workforce(&harness, 1),
            112_000.0,
            "while the text is not a number the document holds the value from before the edit"
        );
    }
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(workforce(&harness, 1), 112_000.0);
    let invalid: Vec<String> = harness
        .state()
        .cells
        .invalid()
        .map(|(p, m)| format!("{p}: {m}"))
        .collect();
    assert_eq!(invalid.len(), 1, "{invalid:?}");
    assert!(invalid[0].contains("Workforce, 15.06") && invalid[0].contains("12a000"));

    // Saving asks first and names the cell; going back saves nothing.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Cells that are not values");
    harness.get_by_label_contains("Workforce, 15.06: \"12a000\"");
    click(&mut harness, "Go back and fix them");
    assert!(harness.state().invalid_save.is_none());
    assert!(harness.state().doc.path.is_none(), "nothing was saved");

    // Undo takes the typo back first, as it would any edit: the cell shows the value again.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().cells.invalid().count(), 0);
    assert_eq!(workforce(&harness, 1), 112_000.0);
    assert_eq!(
        harness.get_by_label("Workforce, 15.06").value().as_deref(),
        Some("112,000")
    );
}

#[test]
fn esc_gives_back_the_value_from_before_the_edit() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 15.06");
    press(&mut harness, Modifiers::COMMAND, Key::A);
    keystroke(&mut harness, "5");
    keystroke(&mut harness, "0");
    assert_eq!(workforce(&harness, 1), 50.0);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(workforce(&harness, 1), 112_000.0);
    assert!(harness.state().cells.is_empty());
    assert!(
        !harness.state().doc.is_dirty() && !harness.state().doc.can_undo(),
        "an edit taken back is no change"
    );
    assert!(
        harness.get_by_label("Workforce, 15.06").is_focused(),
        "Esc cancels the edit and stays in the cell"
    );
    // A second Esc leaves the table.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.get_by_label("Workforce, 15.06").is_focused());
}

#[test]
fn keys_move_like_a_spreadsheet_and_typing_replaces_a_cell() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 16.06");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.get_by_label("Workforce, 15.06").is_focused());
    // Typing over the cell the cursor arrived at replaces it.
    keystroke(&mut harness, "99000");
    assert_eq!(workforce(&harness, 1), 99_000.0);
    // One Tab goes one cell right and commits.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("Source, 15.06").is_focused());
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(harness.get_by_label("Workforce, 15.06").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(harness.get_by_label("Workforce, 15.08").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(harness.get_by_label("As of, 15.08").is_focused());
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert!(harness.get_by_label("As of, 15.06").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(harness.get_by_label("As of, 16.06").is_focused());
    // One cell's edit is one undo step.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(workforce(&harness, 1), 112_000.0);
}

/// A cell open for editing does not keep redrawing the window: the caret does not blink (a
/// blinking one redrew the window several times a second, a third of a core with the sample
/// under a software renderer; measured in the real window, as the note says).
#[test]
fn an_open_cell_does_not_keep_the_window_redrawing() {
    let mut h = harness();
    click(&mut h, "Workforce, 16.06");
    press(&mut h, Modifiers::NONE, Key::F2);
    assert!(h.get_by_label("Workforce, 16.06").is_focused());
    assert!(
        !h.ctx.global_style().visuals.text_cursor.blink,
        "the app's style keeps the caret steady"
    );
}

/// Page Down / Page Up, Home / End and Ctrl+Home / Ctrl+End move as in a spreadsheet.
#[test]
fn page_and_home_end_keys_move_like_a_spreadsheet() {
    let mut h = harness();
    click(&mut h, "Workforce, 16.06");
    h.state_mut().view.region_grid.mode = ucj_planner::ui::grid::Mode::Ready;
    let steps = [
        (Modifiers::NONE, Key::End, "Note, 16.06"),
        (Modifiers::NONE, Key::Home, "Code, 16.06"),
        // Four rows fit in a page: Page Down goes to the last.
        (Modifiers::NONE, Key::PageDown, "Code, 17"),
        (Modifiers::NONE, Key::PageUp, "Code, 16.06"),
        (Modifiers::COMMAND, Key::End, "Note, 17"),
        (Modifiers::COMMAND, Key::Home, "Code, 16.06"),
    ];
    for (modifiers, key, cell) in steps {
        press(&mut h, modifiers, key);
        assert!(h.get_by_label(cell).is_focused(), "{key:?} goes to {cell}");
    }
    // With Shift, Page Down selects the rows it passes.
    press(&mut h, Modifiers::SHIFT, Key::PageDown);
    let grid = &h.state().view.region_grid;
    assert_eq!(
        grid.range_ids(&[0, 1, 2, 3]).len(),
        4,
        "a column of four rows"
    );
}

#[test]
fn a_block_pasted_from_a_spreadsheet_fills_cells_and_adds_rows_in_one_step() {
    let mut harness = harness();
    let before = harness.state().doc.scenario.clone();
    click(&mut harness, "Workforce, 15.08");
    // Workforce and source of three rows: the last row is new; one number has a typo.
    harness.event(Event::Paste(
        "130.000\tBPS 2024\n250,000\tBPS 2025\n1.5x\tnew\n".to_owned(),
    ));
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc.scenario.regions.len(), 5, "a row was added");
    assert_eq!(app.doc.scenario.regions[2].workforce, 130_000.0);
    assert_eq!(app.doc.scenario.regions[2].workforce_source, "BPS 2024");
    assert_eq!(app.doc.scenario.regions[3].workforce, 250_000.0);
    assert_eq!(app.doc.scenario.regions[4].workforce_source, "new");
    let notice = app.notice.as_ref().expect("a notice").text.clone();
    assert!(
        notice.contains("Pasted 5 cells; 1 new row added"),
        "{notice}"
    );
    assert!(
        notice.contains("new row 5, Workforce") && notice.contains("1.5x"),
        "{notice}"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().doc.scenario, before, "one undo step");
}

#[test]
fn fill_down_copy_and_delete_work_on_a_range() {
    let mut harness = harness();
    let last = workforce(&harness, 3);
    click(&mut harness, "Workforce, 16.06");
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut harness, Modifiers::COMMAND, Key::D);
    assert_eq!(workforce(&harness, 1), 213_582.0);
    assert_eq!(workforce(&harness, 2), 213_582.0);
    assert_eq!(workforce(&harness, 3), last, "outside the range");

    harness.event(Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, vec!["213582\n213582\n213582\n".to_owned()]);
    harness.run();

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(workforce(&harness, 1), 112_000.0, "fill down was one step");

    // Delete resets a region's own lapse to the scenario's.
    click(&mut harness, "BPU lapse (%), 15.06");
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(harness.get_by_label("BPU lapse (%), 16.06").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Delete);
    let app = harness.state();
    let r = &app.doc.scenario.regions[0];
    assert_eq!(
        r.rate_source(ucj_planner::model::Rate::Lapse(
            ucj_planner::model::Segment::BPU
        )),
        ucj_planner::model::RateSource::Assumed
    );
}

#[test]
fn campaigns_sort_by_a_header_and_paste_reads_lists_by_name() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    click(&mut harness, "People");
    let order = harness.state().view.campaign_grid.order.clone();
    let people: Vec<f64> = order
        .iter()
        .map(|&i| harness.state().doc.scenario.campaigns[i].people)
        .collect();
    assert!(people.windows(2).all(|w| w[0] <= w[1]), "{people:?}");
    click(&mut harness, "Start, campaign 1");
    harness.event(Event::Paste("Jul 2026\t1.000\tS-curve\t6\n".to_owned()));
    harness.run();
    let c = &harness.state().doc.scenario.campaigns[0];
    assert_eq!(c.start.to_string(), "2026-07");
    assert_eq!(c.people, 1000.0);
    assert_eq!(c.ramp, ucj_planner::model::Ramp::SCurve);
    assert_eq!(c.ramp_months, 6);
}

#[test]
fn notes_are_edited_in_the_tables_and_survive_a_save_while_comments_are_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // A hand-written file: the sample with a comment.
    let text = ucj_planner::files::SAMPLE.replacen("Scenario(", "// written by hand\nScenario(", 1);
    std::fs::write(&path, text).unwrap();
    let mut h = super::common::harness_with(
        ucj_planner::ui::Startup {
            file: Some(path.clone()),
            ..ucj_planner::ui::Startup::default()
        },
        Vec::new(),
    );
    // The notes of the targets and actuals are in the detail panel.
    click(&mut h, "Notes on targets and actuals (2)");
    assert!(
        h.get_all_by_label("Note, actual 1")
            .filter_map(|n| n.value())
            .any(|v| v.contains("mostly vulnerable village workers")),
        "the actual's note is shown"
    );
    // Ctrl+Right goes to the last column, the note, and brings it into view.
    click(&mut h, "Code, 15.06");
    press(&mut h, Modifiers::NONE, Key::Escape);
    click(&mut h, "Code, 15.06");
    h.state_mut().view.region_grid.mode = ucj_planner::ui::grid::Mode::Ready;
    press(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    assert!(h.get_by_label("Note, 15.06").is_focused());
    assert!(
        h.get_by_label("Note, 15.06").rect().right() <= 1600.0,
        "in view"
    );
    keystroke(&mut h, "reported: Kemendagri 2025");
    press(&mut h, Modifiers::NONE, Key::Tab);
    assert_eq!(
        h.state().doc.scenario.regions[1].note,
        "reported: Kemendagri 2025"
    );
    press(&mut h, Modifiers::COMMAND, Key::S);
    h.get_by_label("Comments are not kept");
    click(&mut h, "Save without the comments");
    let saved = ucj_planner::files::load(&path).unwrap();
    assert_eq!(saved.regions[1].note, "reported: Kemendagri 2025");
    assert!(
        saved.campaigns[0].note.contains("DECISION"),
        "the sample's provenance is in its notes"
    );
    assert!(!ucj_planner::files::has_comments(
        &std::fs::read_to_string(&path).unwrap()
    ));
    // Told once: the next save does not ask again.
    press(&mut h, Modifiers::SHIFT, Key::Tab);
    press(&mut h, Modifiers::NONE, Key::Tab);
    keystroke(&mut h, "again");
    press(&mut h, Modifiers::NONE, Key::Tab);
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(h.state().comments_prompt.is_none());
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn the_keyboard_finds_its_way_back_into_the_table_and_a_red_cell_is_typed_over() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 15.06");
    keystroke(&mut harness, "12a");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(workforce(&harness, 1), 112_000.0);
    // Back up to the red cell: its text is selected, so typing replaces it.
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(harness.get_by_label("Workforce, 15.06").is_focused());
    keystroke(&mut harness, "99");
    assert_eq!(workforce(&harness, 1), 99.0);
    assert!(harness.state().cells.invalid().next().is_none());
    // Esc commits nothing more and leaves the table; an arrow brings the cursor back.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.get_by_label("Source, 15.06").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(harness.get_by_label("Source, 15.06").is_focused());
    // Keys pressed faster than frames all count.
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert!(harness.get_by_label("Source, 17").is_focused());
}

#[test]
fn importing_a_csv_previews_lists_bad_rows_and_merges_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.csv");
    std::fs::write(
        &path,
        "Kode;Angkatan kerja;Catatan\n15.06;120.000;BPS 2025\n99.01;5.000;\n15.08;abc;\n",
    )
    .unwrap();
    // A second file whose only news is a row that cannot be read.
    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "Kode;Angkatan kerja\n15.08;12a000\n").unwrap();
    let mut h = super::common::harness_with(
        ucj_planner::ui::Startup::default(),
        vec![
            ucj_planner::ui::dialogs::Answer::Picked(path.clone()),
            ucj_planner::ui::dialogs::Answer::Picked(broken),
        ],
    );
    let before = h.state().doc.scenario.clone();
    click(&mut h, "File");
    click(&mut h, "Import data (CSV, XLSX)…");
    h.get_by_label("Import data");
    h.get_by_label_contains("regions: 1 added, 1 updated");
    h.get_by_label_contains("data, row 4 (15.08): Workforce");
    assert!(h.query_by_label_contains("Nothing to import").is_none());
    click(&mut h, "Import");
    let app = h.state();
    assert_eq!(app.doc.scenario.regions.len(), 5);
    assert_eq!(app.doc.scenario.regions[1].workforce, 120_000.0);
    assert_eq!(app.doc.scenario.regions[1].note, "BPS 2025");
    assert_eq!(
        app.doc.scenario.regions[2], before.regions[2],
        "the bad row is left out"
    );
    assert!(app.notice.as_ref().unwrap().text.starts_with("Imported:"));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.scenario, before, "one undo step");
    // Only a broken row: the dialog says why Import does nothing.
    click(&mut h, "File");
    click(&mut h, "Import data (CSV, XLSX)…");
    h.get_by_label_contains("broken, row 2 (15.08): Workforce");
    h.get_by_label_contains("Nothing to import: the rows that can be read");
    click(&mut h, "Import");
    h.get_by_label("Import data");
    assert_eq!(
        h.state().doc.scenario,
        before,
        "Import is greyed: nothing changes"
    );
}

#[test]
fn a_new_scenario_from_the_catalogue_and_a_new_row_filled_from_it() {
    let mut h = harness();
    click(&mut h, "File");
    click(&mut h, "New from the catalogue…");
    h.get_by_label("New scenario from the national catalogue");
    click(&mut h, "Jambi (15): all 11 regencies and cities");
    h.get_by_label("11 regions chosen");
    click(&mut h, "Create");
    let app = h.state();
    assert_eq!(app.doc.scenario.regions.len(), 11);
    let r = &app.doc.scenario.regions[0];
    assert_eq!(r.province, "Jambi");
    assert!(r.workforce > 0.0 && r.workforce_source.starts_with("estimate"));
    assert!(r.note.starts_with("ESTIMATE"));
    assert!(app.doc.scenario.notes.contains("cahyadsn/wilayah"));

    // A new row: typing a name offers the catalogue's entries.
    click(&mut h, "+ Region");
    let last = h.state().doc.scenario.regions.len() - 1;
    let code = h.state().doc.scenario.regions[last].code.clone();
    // The cursor is on the new row's code: Tab goes to its name.
    assert!(h.get_by_label(&format!("Code, {code}")).is_focused());
    press(&mut h, Modifiers::NONE, Key::Tab);
    keystroke(&mut h, "ogan komering ul");
    click(&mut h, "16.01 Kabupaten Ogan Komering Ulu");
    let r = &h.state().doc.scenario.regions[last];
    assert_eq!(r.code, "16.01");
    assert_eq!(r.name, "Kabupaten Ogan Komering Ulu");
    assert_eq!(r.province, "Sumatera Selatan");
    assert!(r.workforce_source.starts_with("estimate"));
}

#[test]
fn fast_typing_with_enter_in_one_frame_lands_in_one_cell_each() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 16.06");
    // One frame: a number, Enter, another number, Enter (what fast typing gives).
    let enter = |pressed| Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    harness.input_mut().events.extend([
        Event::Text("200000".to_owned()),
        enter(true),
        enter(false),
        Event::Text("120000".to_owned()),
        enter(true),
        enter(false),
    ]);
    harness.run();
    assert_eq!(workforce(&harness, 0), 200_000.0);
    assert_eq!(workforce(&harness, 1), 120_000.0);
    assert_eq!(
        workforce(&harness, 2),
        130_275.0,
        "nothing typed reaches a third row"
    );
    assert!(harness.get_by_label("Workforce, 15.08").is_focused());
    assert!(harness.state().cells.invalid().next().is_none());
}

#[test]
fn rows_of_a_range_are_duplicated_and_deleted_together() {
    let mut h = harness();
    let before = h.state().doc.scenario.clone();
    click(&mut h, "Workforce, 15.06");
    press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    click(&mut h, "Duplicate (2)");
    let codes: Vec<String> = h
        .state()
        .doc
        .scenario
        .regions
        .iter()
        .map(|r| r.code.clone())
        .collect();
    assert_eq!(
        codes,
        ["16.06", "15.06", "15.06-2", "15.08", "15.08-2", "17"]
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.scenario, before, "one step");
    click(&mut h, "Workforce, 15.06");
    press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    click(&mut h, "Delete (2)");
    let s = &h.state().doc.scenario;
    assert_eq!(s.regions.len(), 2);
    assert!(
        s.campaigns.iter().all(|c| c.region == "16.06"),
        "their campaigns went too"
    );
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.scenario, before);
}

#[test]
fn enter_on_the_last_row_commits_where_it_stands() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 17");
    keystroke(&mut harness, "1100000");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(
        harness.get_by_label("Workforce, 17").is_focused(),
        "no row below"
    );
    assert!(harness.state().cells.is_empty(), "the edit is committed");
    // Esc now has nothing to cancel: the value stays.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(workforce(&harness, 3), 1_100_000.0);
}

#[test]
fn a_sorted_row_stays_put_while_typed_in_and_shift_click_selects_a_range() {
    let mut h = harness();
    // Sorted by workforce, ascending: 15.06 (112,000) comes first.
    click(&mut h, "Workforce");
    let order = h.state().view.region_grid.order.clone();
    assert_eq!(order[0], 1);
    click(&mut h, "Workforce, 15.06");
    keystroke(&mut h, "9000000");
    assert_eq!(workforce(&h, 1), 9_000_000.0, "typed live");
    assert_eq!(
        h.state().view.region_grid.order,
        order,
        "the row being typed in does not jump away"
    );
    press(&mut h, Modifiers::NONE, Key::Tab);
    h.run();
    assert_ne!(
        h.state().view.region_grid.order,
        order,
        "re-sorted once committed"
    );

    // Shift+click sets the far corner of a range from the cursor.
    let mut h = harness();
    click(&mut h, "Workforce, 16.06");
    h.get_by_label("Workforce, 15.08")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    let grid = &h.state().view.region_grid;
    let (rows, cols) = grid.range(&grid.order).unwrap();
    assert_eq!((rows, cols), (vec![0, 1, 2], 4..=4));
}

#[test]
fn a_range_and_fill_down_typed_in_one_frame_all_count() {
    let mut h = harness();
    click(&mut h, "Workforce, 15.06");
    let key = |key, pressed, modifiers| Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    h.input_mut().events.extend([
        key(Key::ArrowDown, true, Modifiers::SHIFT),
        key(Key::ArrowDown, false, Modifiers::SHIFT),
        key(Key::ArrowDown, true, Modifiers::SHIFT),
        key(Key::ArrowDown, false, Modifiers::SHIFT),
        key(Key::D, true, Modifiers::CTRL | Modifiers::COMMAND),
        key(Key::D, false, Modifiers::CTRL | Modifiers::COMMAND),
    ]);
    h.run();
    assert_eq!(workforce(&h, 2), 112_000.0);
    assert_eq!(workforce(&h, 3), 112_000.0);
}

/// A name typed a key at a time, with quiet frames between the keys as a real keyboard
/// gives them, is one undo step.
#[test]
fn a_name_typed_key_by_key_is_one_undo_step() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    let before = harness.state().doc.scenario.campaigns[0].name.clone();
    let variants = harness.state().doc.scenario.variants.clone();
    assert!(
        variants.iter().any(|v| v.campaigns.contains(&before)),
        "a variant names the campaign, so the rename is a batch"
    );
    click(&mut harness, "Name, campaign 1");
    for key in ["O", "j", "o", "l", " ", "d", "r", "i", "v"] {
        keystroke(&mut harness, key);
        harness.run();
        harness.run();
    }
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().doc.scenario.campaigns[0].name, "Ojol driv");
    assert!(
        harness
            .state()
            .doc
            .scenario
            .variants
            .iter()
            .any(|v| v.campaigns.contains(&"Ojol driv".to_owned()))
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().doc.scenario.campaigns[0].name, before);
    assert_eq!(harness.state().doc.scenario.variants, variants);
    assert!(
        !harness.state().doc.can_undo(),
        "the whole name was one step"
    );
}

/// A list cell (segment, payer, ramp, region) changes from the keyboard: a letter picks the
/// next choice starting with it, Space or Alt+Down the next one, Alt+Up the one before;
/// Enter still moves down and each change is an undo step.
#[test]
fn a_list_cell_is_changed_from_the_keyboard() {
    use ucj_planner::model::{Payer, Segment};
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    // From the name, two cells right: the region, then the segment.
    click(&mut harness, "Name, campaign 1");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("Segment, campaign 1").is_focused());
    let segment = |h: &Harness<'_, UcjApp>| h.state().doc.scenario.campaigns[0].segment;
    let payer = |h: &Harness<'_, UcjApp>| h.state().doc.scenario.campaigns[0].payer;
    assert_eq!(segment(&harness), Segment::BPU);
    keystroke(&mut harness, "j");
    assert_eq!(segment(&harness), Segment::Jakon);
    press(&mut harness, Modifiers::ALT, Key::ArrowDown);
    assert_eq!(segment(&harness), Segment::PMI);
    keystroke(&mut harness, " ");
    assert_eq!(
        segment(&harness),
        Segment::PU,
        "past the last comes the first"
    );
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(segment(&harness), Segment::PMI);
    // Each choice is a step of its own: Ctrl+Z goes back one choice at a time.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(segment(&harness), Segment::PU);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(segment(&harness), Segment::PMI);
    // Tab goes on to the payer, which takes letters the same way.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("Payer, campaign 1").is_focused());
    let before = payer(&harness);
    keystroke(&mut harness, "c");
    assert_eq!(payer(&harness), Payer::Csr);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(payer(&harness), before);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.get_by_label("Payer, campaign 2").is_focused());
    // The region list takes a letter of any word: "b" finds Tanjung Jabung Barat, then Bungo.
    let region = |h: &Harness<'_, UcjApp>| h.state().doc.scenario.campaigns[1].region.clone();
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(harness.get_by_label("Region, campaign 2").is_focused());
    assert_eq!(region(&harness), "15.06");
    keystroke(&mut harness, "b");
    assert_eq!(region(&harness), "15.08");
    // The plots and the detail panel go along with the campaign.
    let focus = harness.state().view.focus().unwrap();
    assert_eq!(harness.state().doc.scenario.regions[focus].code, "15.08");
    keystroke(&mut harness, "m");
    assert_eq!(region(&harness), "16.06");
}

/// Wherever the table is scrolled, the toolbar says which row and column the cursor is on.
#[test]
fn the_toolbar_names_the_cell_under_the_cursor() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 15.06");
    harness.get_by_label("Workforce · Kabupaten Tanjung Jabung Barat (15.06)");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness.get_by_label("Source · Kabupaten Tanjung Jabung Barat (15.06)");
    click(&mut harness, "Campaigns");
    click(&mut harness, "People, campaign 2");
    harness.get_by_label("People · Tanjab Barat honorer paid by APBD");
}

/// Moving to a campaign of another region brings that region into the plots and the detail.
#[test]
fn a_campaign_picked_in_the_table_brings_its_region_along() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    assert_eq!(harness.state().view.focus(), Some(0));
    click(&mut harness, "People, campaign 4");
    let code = harness.state().doc.scenario.campaigns[3].region.clone();
    let focus = harness.state().view.focus().unwrap();
    assert_eq!(harness.state().doc.scenario.regions[focus].code, code);
    assert_ne!(focus, 0);
}

/// Ctrl+A and Delete over the campaigns resets every cell that has a default in one step; the
/// names, which have none, stay, and that is no error to keep on screen; Ctrl+Z brings all
/// back and takes the notice away.
#[test]
fn delete_over_the_whole_table_is_one_step_and_its_notice_goes_with_undo() {
    let mut harness = harness();
    click(&mut harness, "Campaigns");
    let before = harness.state().doc.scenario.clone();
    click(&mut harness, "Name, campaign 1");
    press(&mut harness, Modifiers::COMMAND, Key::A);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    let after = harness.state().doc.scenario.clone();
    assert_ne!(after.campaigns, before.campaigns);
    let names = |s: &ucj_planner::model::Scenario| -> Vec<String> {
        s.campaigns.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names(&after), names(&before), "names have no default");
    let notice = harness.state().notice.as_ref().expect("a notice");
    assert!(notice.text.contains("Ctrl+Z"), "{}", notice.text);
    assert!(!notice.is_error, "{}", notice.text);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().doc.scenario, before);
    assert!(harness.state().notice.is_none());
}

/// F2, some typing and Esc: the value comes back and the arrows move between cells again
/// (the cell no longer keeps a text cursor that Left and Right would move).
#[test]
fn esc_after_f2_gives_the_arrows_back_to_the_table() {
    let mut harness = harness();
    click(&mut harness, "Workforce, 15.06");
    press(&mut harness, Modifiers::NONE, Key::F2);
    // The caret is at the end: "112,000" and a 9 is not a number written in English.
    keystroke(&mut harness, "9");
    assert_eq!(harness.state().cells.invalid().count(), 1);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().cells.invalid().count(), 0);
    assert_eq!(workforce(&harness, 1), 112_000.0);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(harness.get_by_label("Source, 15.06").is_focused());
    // F2 and Esc with nothing typed: the cursor stays in the table too.
    press(&mut harness, Modifiers::NONE, Key::F2);
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(harness.get_by_label("Workforce, 15.06").is_focused());
}
