//! Presenter mode and plan variants in the real app state, driven through `egui_kittest`.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
mod common;

use common::{click, harness, harness_with};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable, by};
use ucj_planner::i18n::Lang;
use ucj_planner::ui::{Startup, UcjApp};

fn press(harness: &mut Harness<'_, UcjApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn f5_presents_and_the_keys_move_through_the_slides() {
    let mut h = harness();
    press(&mut h, Key::F5);
    assert!(h.state().present.is_some());
    // Title, assumptions, overview, map, four regions, budget, comparison.
    h.get_by_label("1 / 10");
    h.get_by_label("Sumatra UCJ 2025");
    h.get_by_label("Figures as of Dec 2024 – Jul 2025");
    for (key, slide) in [
        (Key::ArrowRight, "2 / 10"),
        (Key::Space, "3 / 10"),
        (Key::PageDown, "4 / 10"),
        (Key::ArrowLeft, "3 / 10"),
        (Key::PageUp, "2 / 10"),
        (Key::End, "10 / 10"),
        (Key::ArrowRight, "10 / 10"),
        (Key::Home, "1 / 10"),
    ] {
        press(&mut h, key);
        h.get_by_label(slide);
    }
    press(&mut h, Key::ArrowRight);
    h.get_by_label("What the projection assumes");
    h.get_by_label("499 (fitted)");
    h.get_by_label_contains("Musi Banyuasin: ");
    h.get_by_label_contains("fitted to Jul 2025");
    press(&mut h, Key::ArrowRight);
    h.get_by_label("Sumatra UCJ 2025: coverage against targets");
    press(&mut h, Key::ArrowRight);
    // The map: the sample's provinces in words beside it, the month moved with Up and Down.
    h.get_by_label("Coverage against target by province, Dec 2025");
    h.get_by_label("Jambi");
    h.get_by_label_contains("target 48.00 % · very low");
    press(&mut h, Key::ArrowUp);
    h.get_by_label("Coverage against target by province, Jan 2026");
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowRight);
    // The region slide leads with one number and one sentence: the article's story.
    h.get_by_label("56.09 %");
    // A slide's sentences keep "%" with its number (a no-break space).
    h.get_by_label(&unbroken(
        "Kabupaten Musi Banyuasin reaches 52.15 % in Dec 2025 only while PAKE KELAMBU: \
         vulnerable workers paid by APBD is funded: coverage falls to 31.25 % when the \
         funding ends, from May 2026.",
    ));
    h.get_by_label(&unbroken(
        "On track for 52.15 % by Dec 2025: projected 56.09 %",
    ));
    press(&mut h, Key::ArrowRight);
    h.get_by_label(&unbroken(
        "Needs 19,110 more active participants by Dec 2025 to reach 55.00 %",
    ));
    press(&mut h, Key::End);
    h.get_by_label("Plan variants compared: ALL regions");
    press(&mut h, Key::Escape);
    assert!(
        h.state().present.is_none(),
        "no changes: Esc leaves at once"
    );
    h.get_by_label("Regions");
}

#[test]
fn quick_changes_reproject_live_and_esc_asks_whether_to_keep_them() {
    let mut h = harness();
    press(&mut h, Key::F5);
    // The first region's slide comes after the title, the assumptions, the overview and the map.
    press(&mut h, Key::End);
    press(&mut h, Key::Home);
    for _ in 0..4 {
        press(&mut h, Key::ArrowRight);
    }
    let before = h
        .state()
        .doc
        .projection
        .region(0)
        .unwrap()
        .series
        .active
        .clone();
    // 1 switches PAKE KELAMBU off, on the slide.
    press(&mut h, Key::Num1);
    assert!(!h.state().doc.scenario.campaigns[0].enabled);
    assert_ne!(
        h.state().doc.projection.region(0).unwrap().series.active,
        before
    );
    h.get_by_label_contains("1 off PAKE KELAMBU");
    // + adds ten percent of people to the chosen campaign; + + − − comes back exactly.
    press(&mut h, Key::Plus);
    assert_eq!(h.state().doc.scenario.campaigns[0].people, 49_500.0);
    press(&mut h, Key::Plus);
    assert_eq!(h.state().doc.scenario.campaigns[0].people, 54_000.0);
    press(&mut h, Key::Minus);
    press(&mut h, Key::Minus);
    assert_eq!(h.state().doc.scenario.campaigns[0].people, 45_000.0);
    press(&mut h, Key::Plus);
    assert_eq!(h.state().doc.scenario.campaigns[0].people, 49_500.0);
    // The slide says it is a what-if, and keeps the line from before, dashed.
    h.get_by_label("WHAT-IF · not saved");
    assert!(
        h.state().present.as_ref().is_some_and(|p| p
            .before
            .as_ref()
            .and_then(|b| b.region(0))
            .is_some())
    );
    // B blanks the screen and brings the slide back.
    press(&mut h, Key::B);
    assert!(h.query_by_label("5 / 10").is_none());
    press(&mut h, Key::B);
    h.get_by_label("5 / 10");
    // ] starts it a month later.
    press(&mut h, Key::CloseBracket);
    assert_eq!(
        h.state().doc.scenario.campaigns[0].start.to_string(),
        "2025-06"
    );
    press(&mut h, Key::Escape);
    h.get_by_label("Keep the changes?");
    click(&mut h, "Discard changes");
    let app = h.state();
    assert!(app.present.is_none());
    assert!(app.doc.scenario.campaigns[0].enabled);
    assert_eq!(app.doc.scenario.campaigns[0].people, 45_000.0);
    assert_eq!(app.doc.projection.region(0).unwrap().series.active, before);
    assert!(!app.doc.is_dirty());

    // Kept changes stay, and are one undo step each.
    press(&mut h, Key::F5);
    for _ in 0..4 {
        press(&mut h, Key::ArrowRight);
    }
    press(&mut h, Key::Num1);
    press(&mut h, Key::Escape);
    // In the question Esc goes back to the slides, Enter keeps.
    press(&mut h, Key::Escape);
    assert!(h.state().present.as_ref().is_some_and(|p| !p.asking));
    press(&mut h, Key::Escape);
    press(&mut h, Key::Enter);
    assert!(h.state().present.is_none());
    assert!(!h.state().doc.scenario.campaigns[0].enabled);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc.scenario.campaigns[0].enabled);

    // Tab to Discard, then Enter: Enter presses the button the keyboard is on.
    press(&mut h, Key::F5);
    for _ in 0..4 {
        press(&mut h, Key::ArrowRight);
    }
    press(&mut h, Key::Num1);
    assert!(!h.state().doc.scenario.campaigns[0].enabled);
    press(&mut h, Key::Escape);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Enter);
    assert!(h.state().present.is_none());
    assert!(
        h.state().doc.scenario.campaigns[0].enabled,
        "Discard, chosen by keyboard, discarded"
    );
}

#[test]
fn the_variant_switch_changes_the_plan_shown() {
    let mut h = harness();
    click(&mut h, "Variants");
    let working = h.state().doc.projection.total.clone().unwrap();
    h.get(by().label("Plan shown:").role(Role::ComboBox))
        .click();
    h.run();
    let option = h
        .get_all_by_label("Baseline: no new campaigns")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap();
    option.click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.variant(), Some(0));
    let baseline = app.doc.projection.total.clone().unwrap();
    assert!(baseline.active.last() < working.active.last());
    assert_eq!(
        baseline.costs().sum::<f64>(),
        0.0,
        "the baseline has no campaigns"
    );
    // In this plan every campaign shows as off; switching one on edits the plan, not the campaign.
    click(&mut h, "Campaigns");
    click(&mut h, "On, campaign 1");
    let app = h.state();
    assert_eq!(
        app.doc.scenario.variants[0].campaigns,
        vec!["PAKE KELAMBU: vulnerable workers paid by APBD"]
    );
    assert!(
        app.doc.scenario.campaigns[1].enabled,
        "the campaigns' own switches are untouched"
    );
    assert!(
        app.doc
            .projection
            .total
            .as_ref()
            .unwrap()
            .costs()
            .sum::<f64>()
            > 0.0
    );
}

#[test]
fn the_comparison_table_shows_the_variants_against_the_baseline() {
    let mut h = harness();
    click(&mut h, "Variants");
    h.get_by_label("Plan variants compared");
    h.get_by_label("Baseline: no new campaigns (baseline)");
    // Plan A over ALL: the engine's figure, written the user's way.
    let (_, outcomes) = ucj_planner::engine::compare(&h.state().doc.scenario, None);
    let lang = Lang::En;
    let plan_a = &outcomes[1];
    let text = format!(
        "{} (+ {})",
        lang.rp(plan_a.cost_per_additional.unwrap()),
        lang.people(plan_a.extra_active)
    );
    h.get_by_label(&text);
}

fn harness_answering(answers: Vec<ucj_planner::ui::dialogs::Answer>) -> Harness<'static, UcjApp> {
    let startup = Startup {
        lang: Some(Lang::Id),
        ..Startup::default()
    };
    harness_with(startup, answers)
}

#[test]
fn tables_for_a_spreadsheet_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let answer = ucj_planner::ui::dialogs::Answer::Picked(dir.path().to_path_buf());
    let mut h = harness_answering(vec![answer]);
    click(&mut h, "Berkas");
    click(&mut h, "Ekspor tabel untuk spreadsheet…");
    h.run();
    let budget = std::fs::read_to_string(dir.path().join("Sumatra UCJ 2025-budget.csv")).unwrap();
    assert!(
        budget.starts_with("\u{feff}Tahun anggaran;APBN;"),
        "{budget}"
    );
    let projection =
        std::fs::read_to_string(dir.path().join("Sumatra UCJ 2025-projection.csv")).unwrap();
    assert!(projection.contains(";41,65;52,15;"), "{projection}");
    assert!(dir.path().join("Sumatra UCJ 2025-targets.csv").exists());
    // The notice names the files written, not only the folder.
    let notice = &h.state().notice.as_ref().unwrap().text;
    assert!(
        notice.contains("Sumatra UCJ 2025-budget.csv, ")
            && notice.ends_with("Sumatra UCJ 2025-scenario.csv"),
        "{notice}"
    );
}

#[test]
fn pictures_are_queued_for_the_plot_or_the_slide() {
    use ucj_planner::ui::screenshot::Target;
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("plot.png");
    let answer = ucj_planner::ui::dialogs::Answer::Picked(png.clone());
    let mut h = harness_answering(vec![answer]);
    // Copy: the coverage plot, cropped to where it is drawn.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.step();
    let shot = h.state().capturer.current().cloned().unwrap();
    assert_eq!(shot.target, Target::Clipboard);
    let plot = shot.crop.unwrap();
    assert!(plot.width() > 300.0 && plot.height() > 200.0, "{plot:?}");
    // In presenter mode: the whole slide, as a file.
    let mut h = harness_answering(vec![ucj_planner::ui::dialogs::Answer::Picked(png.clone())]);
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    h.state_mut()
        .perform(ucj_planner::ui::actions::Action::SavePng);
    h.step();
    h.step();
    let shot = h.state().capturer.current().cloned().unwrap();
    assert_eq!(shot.target, Target::File(png));
    assert_eq!((shot.slide, shot.crop), (Some(1), None));
}

#[test]
fn a_campaign_created_while_a_variant_is_shown_counts_in_that_variant() {
    let mut h = harness();
    click(&mut h, "Variants");
    h.get(by().label("Plan shown:").role(Role::ComboBox))
        .click();
    h.run();
    let option = h
        .get_all_by_label("Plan A")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap();
    option.click();
    h.run();
    // Tanjung Jabung Barat is short; goal seek's campaign joins Plan A and reaches the target.
    click(&mut h, "Regions");
    click(&mut h, "Code, 15.06");
    h.key_press(Key::Escape);
    h.run();
    click(&mut h, "Create campaign");
    let app = h.state();
    let added = app.doc.scenario.campaigns.last().unwrap();
    assert!(app.doc.scenario.variants[1].campaigns.contains(&added.name));
    let p = app.doc.projection.region(1).unwrap();
    let k = p.series.index_of("2025-12".parse().unwrap()).unwrap();
    assert!(p.series.coverage_pct(k) >= 55.0);
}

#[test]
fn the_overview_pages_instead_of_dropping_regions() {
    use ucj_planner::model::catalogue::{Selection, WORKING_SHARE};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two-provinces.ron");
    let selection = Selection {
        provinces: vec!["15".into(), "17".into()],
        ..Selection::default()
    };
    let base = ucj_planner::ui::app::new_scenario();
    let scenario = selection.scenario(
        base,
        WORKING_SHARE,
        ucj_planner::model::Month::new(2025, 7).unwrap(),
    );
    // A slide writes "Kab." for "Kabupaten".
    let names: Vec<String> = scenario
        .regions
        .iter()
        .map(|r| r.name.replacen("Kabupaten ", "Kab. ", 1))
        .collect();
    assert_eq!(names.len(), 21);
    ucj_planner::files::save(&path, &scenario).unwrap();
    let mut h = harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    );
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let mut seen: Vec<String> = Vec::new();
    // As many rows as the 900-pixel screen holds with the ALL row and the footer: 8 on a
    // page, so three pages.
    for page in 1..=3 {
        h.get_by_label_contains(&format!("(page {page} of 3)"));
        for name in &names {
            if h.query_by_label(name).is_some() {
                seen.push(name.clone());
            }
        }
        press(&mut h, Key::ArrowRight);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 21, "every region is on a page");
}

/// Every text and control of every slide, at the projector sizes of regional offices and at
/// 4K: inside the screen, on top of no other text, and body text at least a thirtieth of the
/// screen's height.
#[test]
fn every_slide_fits_every_screen() {
    for (w, h) in [
        (1024.0, 768.0),
        (1280.0, 720.0),
        (1366.0, 768.0),
        (1920.0, 1080.0),
        (3840.0, 2160.0),
    ] {
        let mut harness = projector(
            w,
            h,
            Startup {
                lang: Some(Lang::Id),
                ..Startup::default()
            },
        );
        harness.key_press(Key::F5);
        harness.run();
        let count = ucj_planner::ui::present_slide_count(harness.state());
        for slide in 0..count {
            assert_slide_fits(&mut harness, w, h, &format!("slide {}", slide + 1));
            harness.key_press(Key::ArrowRight);
            harness.run();
        }
        // The comparison of one region, and a region slide during a what-if change.
        harness.key_press(Key::ArrowDown);
        harness.run();
        assert_slide_fits(&mut harness, w, h, "comparison of one region");
        harness.key_press(Key::Home);
        harness.run();
        for _ in 0..4 {
            harness.key_press(Key::ArrowRight);
            harness.run();
        }
        harness.key_press(Key::Num1);
        harness.run();
        assert_slide_fits(&mut harness, w, h, "region slide during a what-if");
    }
}

/// The app on a `w` x `h` screen, started with `startup`, once the uncertainty runs are in
/// (the bands and chances are on the slides too).
fn projector(w: f32, h: f32, startup: Startup) -> Harness<'static, UcjApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_max_steps(16)
        .build_eframe(move |cc| {
            UcjApp::new(
                &cc.egui_ctx,
                None,
                &startup,
                Box::new(ucj_planner::ui::dialogs::ScriptedDialogs::default()),
            )
        });
    harness.run();
    for _ in 0..400 {
        harness.step();
        if !harness.state().runs.running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness
}

/// A region with many campaigns, two targets, chances and a missed report on a 1024x768
/// projector: its slide still fits, what-if strip and footer included.
#[test]
fn a_busy_region_slide_fits_a_small_projector() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.ron");
    let mut s = ucj_planner::model::synthetic_scenario(6, 40, 120);
    s.assumptions.uncertainty = Some(ucj_planner::model::synthetic_uncertainty());
    let busy = s
        .campaigns
        .iter()
        .filter(|c| c.region == s.regions[0].code)
        .count();
    assert!(busy > 3, "{busy} campaigns");
    ucj_planner::files::save(&path, &s).unwrap();
    let mut harness = projector(
        1024.0,
        768.0,
        Startup {
            file: Some(path),
            lang: Some(Lang::En),
            ..Startup::default()
        },
    );
    harness.key_press(Key::F5);
    harness.run();
    let name = s.regions[0].name.clone();
    for _ in 0..12 {
        if harness.query_by_label(&name).is_some() {
            break;
        }
        harness.key_press(Key::ArrowRight);
        harness.run();
    }
    harness.get_by_label(&name);
    assert_slide_fits(&mut harness, 1024.0, 768.0, "a busy region slide");
}

/// Asserts that every text and control of the slide on screen lies inside the `w` x `h`
/// screen, over no other, and is at least a thirtieth of the height high.
fn assert_slide_fits(harness: &mut Harness<'_, UcjApp>, w: f32, h: f32, slide: &str) {
    use egui::Rect;
    for _ in 0..4 {
        harness.step();
    }
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h));
    let texts: Vec<(String, Rect)> = harness
        .root()
        .children_recursive()
        .filter(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::Label | Role::Button | Role::CheckBox | Role::ComboBox
            )
        })
        .filter_map(|n| {
            let label = n
                .accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())?;
            (!label.trim().is_empty()).then(|| (label, n.rect()))
        })
        .collect();
    assert!(texts.len() > 3, "{w}x{h} {slide}: no text found");
    for (label, rect) in &texts {
        // A line of text is at least as high as its type: a thirtieth of the screen.
        assert!(
            rect.height() >= h / 30.0 - 0.5,
            "{w}x{h} {slide}: \"{label}\" is {} high, below {}",
            rect.height(),
            h / 30.0
        );
        assert!(
            screen.expand(0.5).contains_rect(*rect),
            "{w}x{h} {slide}: \"{label}\" at {rect:?} is off the screen"
        );
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            let overlap = ra.intersect(*rb);
            let nested = ra.contains_rect(*rb) || rb.contains_rect(*ra);
            assert!(
                nested || overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "{w}x{h} {slide}: \"{a}\" {ra:?} overlaps \"{b}\" {rb:?}"
            );
        }
    }
}

/// The deck is chosen and ordered in the Assumptions tab, kept in the file, and a file may
/// name single regions.
#[test]
fn the_deck_is_chosen_ordered_and_kept_in_the_file() {
    use ucj_planner::model::SlideChoice;
    let mut h = harness();
    click(&mut h, "Assumptions");
    h.get_by_label("Map of the provinces").click_accesskit();
    h.run();
    let usual_without_map: Vec<SlideChoice> = SlideChoice::usual()
        .into_iter()
        .filter(|c| *c != SlideChoice::Map)
        .collect();
    assert_eq!(h.state().doc.scenario.slides, usual_without_map);
    // The budget before the regions: "Up" on the budget's row.
    let ups: Vec<_> = h.get_all_by_label("Up").collect();
    assert_eq!(ups.len(), usual_without_map.len());
    ups[4].click_accesskit();
    h.run();
    assert_eq!(h.state().doc.scenario.slides[3], SlideChoice::Budget);
    assert_eq!(ucj_planner::ui::present_slide_count(h.state()), 9);
    // Saved and read back, the deck is the same.
    let text = ucj_planner::files::to_ron(&h.state().doc.scenario).unwrap();
    let compact: String = text.split_whitespace().collect();
    assert!(
        compact.contains("slides:[Title,Assumptions,Overview,Budget,Regions,Compare,]"),
        "{text}"
    );
    let back = ucj_planner::files::parse(&text, "deck").unwrap();
    assert_eq!(back.slides, h.state().doc.scenario.slides);
    // Undo twice: the usual deck, written as none.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().doc.scenario.slides.is_empty());
    // One region's slide is added from its list, at the end of the deck.
    h.get_by_label("Add one region's slide").click_accesskit();
    h.run();
    h.get_by_label("15.08 Kabupaten Bungo").click();
    h.run();
    let mut with_bungo = SlideChoice::usual();
    with_bungo.push(SlideChoice::Region("15.08".into()));
    assert_eq!(h.state().doc.scenario.slides, with_bungo);
    h.get_by_label("Region 15.08 Kabupaten Bungo");
    // A deck of a title and one region, from a file.
    let text = ucj_planner::files::SAMPLE.replace(
        "    variants: [",
        "    slides: [Title, Region(\"15.08\")],\n    variants: [",
    );
    let s = ucj_planner::files::parse(&text, "two").unwrap();
    assert_eq!(
        s.slides,
        vec![SlideChoice::Title, SlideChoice::Region("15.08".into())]
    );
}

/// A file that lists a slide a million times gives a deck of bounded length, not a million
/// slides (nor a million pictures to export).
#[test]
fn a_deck_listed_without_end_is_bounded() {
    let many = vec!["Title"; 1_000_000].join(", ");
    let text = ucj_planner::files::SAMPLE.replace(
        "    variants: [",
        &format!("    slides: [{many}],\n    variants: ["),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ron");
    std::fs::write(&path, text).unwrap();
    let h = harness_with(
        Startup {
            file: Some(path),
            ..Startup::default()
        },
        Vec::new(),
    );
    assert_eq!(h.state().doc.scenario.slides.len(), 1_000_000);
    assert_eq!(ucj_planner::ui::present_slide_count(h.state()), 200);
}

/// A slide's sentence as it is shown: a no-break space before each "%".
fn unbroken(text: &str) -> String {
    text.replace(" %", "\u{a0}%")
}

#[test]
fn a_region_slide_gives_each_campaign_its_cost_under_its_name() {
    // Without uncertainty the slide has room for its campaigns (else the tornado takes it).
    let mut scenario = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    scenario.assumptions.uncertainty = None;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.ron");
    ucj_planner::files::save(&path, &scenario).unwrap();
    let mut h = harness();
    assert!(h.state_mut().load(&path));
    h.run();
    press(&mut h, Key::F5);
    for _ in 0..5 {
        press(&mut h, Key::ArrowRight);
    }
    h.get_by_label("6 / 10");
    // The name on a line of its own, so a long one never cuts off the figures under it.
    h.get_by_label("Tanjab Barat honorer paid by APBD");
    // Every year it costs, none cut off.
    h.get_by_label_contains("2,500 · 2025 Rp");
    assert_eq!(h.get_all_by_label_contains(", 2027 Rp").count(), 2);
}
