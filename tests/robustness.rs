//! Nothing a file or a user can do panics: corrupted files, and every number replaced by
//! something unreasonable, all go through parse, validation, projection, goal seek and CSV.

use ucj_planner::engine::Overrides;
use ucj_planner::engine::{analyse_targets, compare, gross_seek_plan, people_needed, project};
use ucj_planner::files;
use ucj_planner::model::{MonthField, Scenario};

struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

/// Everything the program derives from a scenario, as the CLI and the window would.
fn exercise(s: &Scenario) {
    let p = project(s);
    let _ = files::projection_csv(s, &p, None);
    let _ = files::budget_sheet(&p, ucj_planner::i18n::Lang::Id);
    let _ = files::targets_sheet(s, &p, ucj_planner::i18n::Lang::En);
    for issue in &p.report.issues {
        let _ = ucj_planner::i18n::Lang::Id.describe(issue);
    }
    for (index, region) in p.regions.iter().enumerate() {
        let Some(r) = region else { continue };
        for o in analyse_targets(r) {
            let plan = gross_seek_plan(&s.regions[index].code, r.series.first, o.month);
            let _ = people_needed(
                s,
                &p.report,
                &Overrides::default(),
                index,
                o.month,
                o.pct,
                &plan,
            );
        }
    }
    let _ = compare(s, None);
    let _ = compare(s, Some(0));
}

#[test]
fn corrupted_files_give_errors_not_panics() {
    let mut dice = Dice(0x00C0_FFEE);
    let bytes = files::SAMPLE.as_bytes();
    let noise = b"()[]{},:\"-0123456789.eE+ _xSomeNone";
    for _ in 0..400 {
        let mut text = bytes.to_vec();
        for _ in 0..=dice.below(4) {
            let at = dice.below(text.len());
            match dice.below(3) {
                0 => text[at] = noise[dice.below(noise.len())],
                1 => {
                    text.remove(at);
                }
                _ => text.insert(at, noise[dice.below(noise.len())]),
            }
        }
        let Ok(text) = String::from_utf8(text) else {
            continue;
        };
        if let Ok(s) = files::parse(&text, "fuzz.ron") {
            exercise(&s);
        }
    }
}

#[test]
fn unreasonable_numbers_give_errors_not_panics() {
    let values = [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1.0,
        0.0,
        1e300,
        -1e300,
        100.0,
        101.0,
        5e-324,
    ];
    let sample = files::parse(files::SAMPLE, "sample").unwrap();
    for (k, &v) in values.iter().enumerate() {
        let mut s = sample.clone();
        s.regions[0].workforce = v;
        s.regions[1]
            .active
            .insert(ucj_planner::model::Segment::PU, v);
        s.regions[2]
            .lapse_pct_per_month
            .insert(ucj_planner::model::Segment::BPU, v);
        s.regions[3].targets[0].pct = v;
        s.campaigns[k % 4].people = v;
        s.campaigns[(k + 1) % 4].retention_pct = v;
        s.campaigns[(k + 2) % 4].contribution_rp = v;
        s.assumptions.workforce_growth_pct_per_year = v;
        exercise(&s);
        let mut s = sample.clone();
        s.campaigns[k % 4].ramp_months = [0, 1, u32::MAX][k % 3];
        s.campaigns[k % 4].funded_months = [None, Some(0), Some(u32::MAX)][k % 3];
        s.end = MonthField::parse(["9999-12", "1000-01", "", "2025-00"][k % 4]);
        exercise(&s);
    }
}
