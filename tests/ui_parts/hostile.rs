//! Hostile files in the window: whatever a file holds, opening it and drawing the window
//! neither panics nor allocates without bound, and no label or cell shows unbounded text.

use egui_kittest::kittest::{By, Queryable};
use ucj_planner::model::{MonthField, Scenario, Segment};
use ucj_planner::ui::document::Document;
use ucj_planner::ui::view::Tab;

use super::common::harness;

struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[usize::try_from(self.next() % from.len() as u64).unwrap()].clone()
    }
}

const NUMBERS: [f64; 12] = [
    f64::NAN,
    f64::INFINITY,
    -1e308,
    1e308,
    1e12,
    1.000_001e12,
    -1.0,
    0.0,
    5e-324,
    100.0,
    101.0,
    1e15,
];

/// The sample with a few of its fields replaced by what a broken or hostile file can hold.
fn hostile(dice: &mut Dice, sample: &Scenario) -> Scenario {
    let mut s = sample.clone();
    let long = |n: usize| "ab\u{1b}[31m".repeat(n / 7 + 1);
    for _ in 0..=dice.next() % 4 {
        let r = usize::try_from(dice.next() % 4).unwrap();
        if s.regions[r].actuals.is_empty() {
            s.regions[r].actuals.clone_from(&sample.regions[0].actuals);
        }
        let c = usize::try_from(dice.next() % 4).unwrap();
        let v = dice.pick(&NUMBERS);
        match dice.next() % 19 {
            16 => s.regions[r].as_of = MonthField::Invalid(long(100_000)),
            17 => s.campaigns[c].region = long(100_000),
            18 => s.notes = long(300_000),
            0 => s.regions[r].name = long(dice.pick(&[2_100, 300_000])),
            1 => s.regions[r].code = long(dice.pick(&[2_100, 50_000])),
            2 => s.campaigns[c].name = long(dice.pick(&[2_100, 300_000])),
            3 => s.name = long(300_000),
            4 => s.regions[r].workforce = v,
            5 => {
                s.regions[r].active.insert(Segment::BPU, v);
            }
            6 => s.campaigns[c].people = v,
            7 => s.campaigns[c].contribution_rp = v,
            8 => s.assumptions.workforce_growth_pct_per_year = v,
            // A region whose figures are from the last month, with huge numbers.
            9 => {
                s.regions[r].as_of = s.end.clone();
                s.regions[r]
                    .active
                    .insert(Segment::PU, dice.pick(&[1e12, 1e300]));
            }
            10 => s.end = MonthField::parse(dice.pick(&["9999-12", "1000-01", "2025-13", ""])),
            11 => s.regions[r].as_of = MonthField::parse(dice.pick(&["1000-01", "9999-12"])),
            12 => s.regions[r].actuals[0].active = v,
            13 => s.regions[r].targets[0].pct = v,
            14 => {
                s.regions[r].lapse_pct_per_month.insert(Segment::BPU, v);
            }
            _ => s.campaigns[c].ramp_months = dice.pick(&[0, u32::MAX]),
        }
    }
    s
}

#[test]
fn hostile_files_open_and_draw_without_panic_or_unbounded_text() {
    let sample = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    let mut dice = Dice(0x5EED_0F11);
    let mut h = harness();
    let runs: usize = std::env::var("UCJ_HOSTILE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    for run in 0..runs {
        let s = hostile(&mut dice, &sample);
        // Through the text the file would hold, as opening it would.
        let Ok(text) = ucj_planner::files::to_ron(&s) else {
            continue;
        };
        let Ok(opened) = ucj_planner::files::parse(&text, "hostile.ron") else {
            continue;
        };
        let app = h.state_mut();
        app.doc = Document::new(opened, None, true);
        app.view.select_first(&app.doc);
        app.cells.clear();
        // Every tab in turn, and now and then the slides.
        app.view.tab = [
            Tab::Regions,
            Tab::Campaigns,
            Tab::Assumptions,
            Tab::Variants,
            Tab::Problems,
        ][run % 5];
        h.run_steps(3);
        if run % 7 == 0 {
            h.key_press(egui::Key::F5);
            h.run_steps(2);
            h.key_press(egui::Key::ArrowRight);
            h.run_steps(2);
            h.key_press(egui::Key::Escape);
            h.run_steps(2);
        }
        let too_long: Vec<String> = h
            .query_all(By::new().predicate(|n| {
                // Names are at most 2,000 characters; notes may hold a page or two.
                let most = if n.label().as_deref() == Some("Notes") {
                    ucj_planner::model::MAX_NOTES_CHARS
                } else {
                    3_000
                };
                n.label().is_some_and(|l| l.chars().count() > most)
                    || n.value().is_some_and(|v| v.chars().count() > most)
            }))
            .map(|n| format!("{n:?}").chars().take(300).collect())
            .collect();
        assert!(
            too_long.is_empty(),
            "run {run}: unbounded text in {too_long:?}"
        );
    }
}
