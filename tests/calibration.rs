//! Calibration: fits recover what generated the data, rates the figures cannot separate are
//! said so, the sample reproduces what was reported, status words, ALL, and `calibrate`.

use std::process::{Command, Output};

use ucj_planner::engine::{
    Overrides, Reached, Series, analyse_targets, calibrate, project, project_region,
};
use ucj_planner::files;
use ucj_planner::i18n::Lang;
use ucj_planner::model::{
    Actual, Month, MonthField, Problem, Rate, RateSource, Scenario, Segment, validate,
};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/saves/sumatra-2025.ron");

fn m(text: &str) -> Month {
    text.parse().unwrap()
}

fn sample() -> Scenario {
    files::load(std::path::Path::new(SAMPLE)).unwrap()
}

/// One region of 100,000 workers, 20,000 PU and 10,000 BPU active in Jan 2024, a funded
/// campaign of 2,000 BPU in Mar 2024, and the rates that generate the "reported" figures.
fn generated(new_bpu: f64, lapse_bpu: f64) -> Scenario {
    let text = format!(
        r#"Scenario(format: 3, end: "2027-12",
        assumptions: Assumptions(lapse_pct_per_month: {{PU: 0.5, BPU: 4.0}}),
        regions: [Region(code: "A", name: "Region A", as_of: "2024-01", workforce: 100000,
            active: {{PU: 20000, BPU: 10000}}, new_per_month: {{PU: 100, BPU: {new_bpu}}},
            lapse_pct_per_month: {{BPU: {lapse_bpu}}})],
        campaigns: [Campaign(name: "drive", region: "A", segment: BPU, payer: Apbn,
            start: "2024-03", people: 2000, funded_months: Some(6), retention_pct: 30)])"#
    );
    files::parse(&text, "generated").unwrap()
}

/// The engine's active participants of `s` at each of `months` (total, or one segment).
fn reports(s: &Scenario, months: &[&str], segment: Option<Segment>) -> Vec<(Month, f64)> {
    let p = project(s);
    let series = &p.region(0).unwrap().series;
    months
        .iter()
        .map(|&t| {
            let k = series.index_of(m(t)).unwrap();
            let v = segment.map_or(series.active[k], |s| series.by_segment[k][s.index()]);
            (m(t), v)
        })
        .collect()
}

fn with_actuals(mut s: Scenario, actuals: Vec<Actual>) -> Scenario {
    s.regions[0].actuals = actuals;
    s
}

fn total(month: Month, active: f64) -> Actual {
    Actual {
        month: MonthField::Valid(month),
        active,
        by_segment: std::collections::BTreeMap::new(),
        note: String::new(),
    }
}

#[test]
fn a_fit_recovers_enrollment_and_lapse_that_generated_the_figures() {
    let truth = generated(400.0, 3.0);
    let months = [
        "2024-06", "2024-12", "2025-06", "2025-12", "2026-06", "2026-12",
    ];
    let actuals = reports(&truth, &months, None)
        .into_iter()
        .map(|(month, v)| total(month, v.round()))
        .collect();
    // Start from the wrong rates.
    let s = with_actuals(generated(100.0, 5.0), actuals);
    let rates = [Rate::NewPerMonth(Segment::BPU), Rate::Lapse(Segment::BPU)];
    let c = calibrate(
        &s,
        &validate(&s),
        &Overrides::default(),
        0,
        Some(&rates[..]),
    )
    .unwrap();
    assert!(c.confounded.is_empty(), "{:?}", c.confounded);
    let got = |rate| c.fitted.iter().find(|f| f.rate == rate).unwrap().after;
    assert!((got(rates[0]) - 400.0).abs() <= 2.0, "{}", got(rates[0]));
    assert!((got(rates[1]) - 3.0).abs() <= 0.01, "{}", got(rates[1]));
    assert!(c.worst_error_pct() < 0.1, "{}", c.worst_error_pct());
    assert_eq!(c.points.len(), 6);
    // Applied, the region says where each rate came from.
    let region = c.apply_to(&s.regions[0]);
    assert_eq!(
        region.rate_source(Rate::Lapse(Segment::BPU)),
        RateSource::Fitted(months.iter().map(|t| MonthField::parse(t)).collect())
    );
    assert_eq!(
        region.rate_source(Rate::NewPerMonth(Segment::PU)),
        RateSource::Own
    );
    assert_eq!(
        region.rate_source(Rate::Lapse(Segment::PU)),
        RateSource::Assumed
    );
}

#[test]
fn a_reported_split_fits_each_segment_on_its_own_figures() {
    let truth = generated(400.0, 3.0);
    let mut truth_pu = truth.clone();
    truth_pu.regions[0].new_per_month.insert(Segment::PU, 250.0);
    let months = ["2024-09", "2025-03"];
    let pu = reports(&truth_pu, &months, Some(Segment::PU));
    let bpu = reports(&truth_pu, &months, Some(Segment::BPU));
    let actuals = pu
        .iter()
        .zip(&bpu)
        .map(|(&(month, p), &(_, b))| Actual {
            month: MonthField::Valid(month),
            active: p + b,
            by_segment: [(Segment::PU, p), (Segment::BPU, b)].into_iter().collect(),
            note: String::new(),
        })
        .collect();
    let s = with_actuals(generated(100.0, 3.0), actuals);
    let rates = [
        Rate::NewPerMonth(Segment::PU),
        Rate::NewPerMonth(Segment::BPU),
    ];
    let c = calibrate(&s, &validate(&s), &Overrides::default(), 0, Some(&rates)).unwrap();
    let got = |rate| c.fitted.iter().find(|f| f.rate == rate).unwrap().after;
    assert_eq!(got(rates[0]), 250.0);
    assert_eq!(got(rates[1]), 400.0);
    assert_eq!(c.points.len(), 4, "one point per segment per month");
}

#[test]
fn rates_one_figure_cannot_separate_are_said_so_and_one_is_held() {
    let truth = generated(400.0, 3.0);
    let actuals = reports(&truth, &["2024-08"], None)
        .into_iter()
        .map(|(month, v)| total(month, v))
        .collect();
    let s = with_actuals(generated(100.0, 4.0), actuals);
    let rates = [Rate::NewPerMonth(Segment::BPU), Rate::Lapse(Segment::BPU)];
    let c = calibrate(&s, &validate(&s), &Overrides::default(), 0, Some(&rates)).unwrap();
    assert_eq!(c.fitted.len(), 1);
    assert_eq!(c.fitted[0].rate, rates[0]);
    assert_eq!(c.confounded.len(), 1);
    assert_eq!(c.confounded[0].held, rates[1]);
    assert_eq!(c.confounded[0].value, 4.0);
    assert!(c.worst_error_pct() < 0.1);
    let notes = Lang::En.calibration_notes(&c).join("\n");
    assert!(
        notes.contains("BPU lapse and BPU enrollment cannot be told apart by 1 reported figure"),
        "{notes}"
    );
    assert!(notes.contains("BPU lapse is held at 4.00 %"), "{notes}");
    // The default choice fits one rate for one figure too: enrollment of the largest segment.
    let c = calibrate(&s, &validate(&s), &Overrides::default(), 0, None).unwrap();
    assert_eq!(c.fitted.len(), 1);
    let sentence = Lang::En.calibration_sentence(&c);
    assert!(
        sentence.starts_with("Fitted PU enrollment ") && sentence.contains("(was 100)"),
        "{sentence}"
    );
    assert!(sentence.contains("PU lapse held at 0.50 %"), "{sentence}");
}

#[test]
fn a_region_without_reported_figures_after_as_of_has_nothing_to_fit() {
    let s = generated(100.0, 4.0);
    assert_eq!(
        calibrate(&s, &validate(&s), &Overrides::default(), 0, None),
        Err(ucj_planner::engine::CalibrationError::NoReportedFigures)
    );
}

#[test]
fn the_sample_reproduces_every_reported_figure_within_one_percent() {
    let s = sample();
    let p = project(&s);
    let mut checked = 0;
    for (index, region) in s.regions.iter().enumerate() {
        let series = &p.region(index).unwrap().series;
        for actual in &region.actuals {
            let k = series.index_of(actual.month.month().unwrap()).unwrap();
            let off = (series.active[k] - actual.active).abs() / actual.active;
            assert!(off < 0.01, "{} {:?}: {off}", region.name, actual.month);
            checked += 1;
        }
    }
    assert!(checked >= 1);
    assert!(
        !p.report
            .issues
            .iter()
            .any(|i| matches!(i.problem, Problem::ProjectionOff { .. })),
        "{:?}",
        p.report.issues
    );
    // Muba's BPU enrollment is marked as fitted to the July report.
    assert_eq!(
        s.regions[0].rate_source(Rate::NewPerMonth(Segment::BPU)),
        RateSource::Fitted(vec![MonthField::parse("2025-07")])
    );
}

#[test]
fn the_old_sample_is_flagged_where_it_contradicts_its_report() {
    // Before calibration: PAKE KELAMBU's 45,000 all in July and the assumed BPU enrollment.
    let mut s = sample();
    s.regions[0].new_per_month.insert(Segment::BPU, 150.0);
    let c = s
        .campaigns
        .iter_mut()
        .find(|c| c.region == "16.06")
        .unwrap();
    c.start = MonthField::parse("2025-07");
    c.ramp = ucj_planner::model::Ramp::Immediate;
    let p = project(&s);
    let issue = p
        .report
        .issues
        .iter()
        .find(|i| matches!(i.problem, Problem::ProjectionOff { .. }))
        .unwrap();
    assert_eq!(
        Lang::Id.describe(issue),
        "peringatan: wilayah 1 (16.06), Realisasi 1 · Aktif (actuals[1].active): proyeksi 123.411 dibanding 103.079 \
         yang dilaporkan untuk Jul 2025 (+19,7 %): kalibrasi?"
    );
    // The default fit cannot get there with enrollment alone: it says so, it does not pretend.
    let c = calibrate(&s, &p.report, &Overrides::default(), 0, None).unwrap();
    assert!(!c.is_good());
    assert!(c.fitted[0].at_limit);
}

/// A series with the given coverage, from Jan 2025.
fn series(coverage: &[f64]) -> Series {
    // 100 people of whom `coverage` active: coverage in percent is the active count.
    Series::new(
        m("2025-01"),
        vec![100.0; coverage.len()],
        coverage.to_vec(),
        vec![[0.0; 4]; coverage.len()],
    )
}

#[test]
fn reached_is_judged_at_the_target_month() {
    let s = series(&[40.0, 53.0, 51.0, 50.0, 54.0, 49.0]);
    // Touched in Feb, lost in Mar, short at Apr: never "reached" beside "short".
    let lost = Reached::judge(&s, 3, 52.15);
    assert_eq!(
        lost,
        Reached::Lost {
            month: m("2025-02"),
            below_again: m("2025-03")
        }
    );
    assert_eq!(
        Lang::En.reached(&lost),
        "reached Feb 2025, below again from Mar 2025"
    );
    // Met at May (since May), below again from Jun.
    let met = Reached::judge(&s, 4, 52.15);
    assert_eq!(
        Lang::Id.reached(&met),
        "Mei 2025, turun lagi sejak Jun 2025"
    );
    // Short at Jan, reached only later.
    assert_eq!(Reached::judge(&s, 0, 52.15), Reached::After(m("2025-02")));
    assert_eq!(Reached::judge(&s, 0, 60.0), Reached::NotByEnd);
}

#[test]
fn muba_tells_the_story_of_the_article() {
    let s = sample();
    let p = project(&s);
    let muba = p.region(0).unwrap();
    let o = &analyse_targets(muba)[0];
    // The rest of PAKE KELAMBU (Aug-Oct) carries Muba past 52.15 % by December 2025, and
    // coverage falls again once the APBD funding of its members ends in 2026.
    assert!(o.met());
    match o.reached {
        Reached::At {
            month,
            below_again: Some(below),
        } => {
            assert!(month > m("2025-07") && month <= m("2025-12"), "{month}");
            assert!(below.year() == 2026, "{below}");
        }
        other => panic!("{other:?}"),
    }
    // Without the campaign the same baseline falls short.
    let report = validate(&s);
    let mut off = s.clone();
    off.campaigns.retain(|c| c.region != "16.06");
    let without = project_region(&off, &validate(&off), &Overrides::default(), 0, None).unwrap();
    assert!(!analyse_targets(&without)[0].met());
    assert!(report.issues.is_empty(), "{:?}", report.issues);
}

#[test]
fn all_says_which_regions_it_leaves_out() {
    let mut s = sample();
    s.regions[3].workforce = 0.0;
    let p = project(&s);
    let (name, lines) = Lang::En.all_scope(&s, &p);
    assert_eq!(name, "ALL: 3 of 4 regions");
    assert_eq!(
        lines,
        vec!["Provinsi Bengkulu left out: Workforce: the workforce must be more than 0"]
    );
    let (name, lines) = Lang::En.all_scope(&sample(), &project(&sample()));
    assert_eq!(name, "ALL regions");
    assert!(lines.is_empty());
}

#[test]
fn a_target_before_as_of_is_a_warning() {
    let mut s = sample();
    s.regions[0].targets[0].month = MonthField::parse("2024-06");
    let report = validate(&s);
    assert!(
        report
            .issues
            .iter()
            .any(|i| matches!(i.problem, Problem::TargetBeforeAsOf { .. }))
    );
    assert!(!report.has_errors());
    // ...and it is not judged: no "reached" beside a month the projection does not cover.
    let p = project(&s);
    let o = &analyse_targets(p.region(0).unwrap())[0];
    assert_eq!(o.reached, Reached::BeforeStart);
    assert_eq!(
        Lang::En.reached(&o.reached),
        "before the figures: not judged"
    );
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn calibrate_command_prints_the_fit_and_writes_only_when_asked() {
    let out = run(&["calibrate", SAMPLE, "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Fitted: BPU enrollment 499 a month"),
        "{stdout}"
    );
    assert!(stdout.contains("Jul 2025"), "{stdout}");
    assert!(
        stdout.contains("nothing to fit: no actual reported after Dec 2024"),
        "{stdout}"
    );

    let dir = tempfile::tempdir().unwrap();
    // The sample before its fix: BPU enrollment 150 and PAKE KELAMBU's 45,000 all in July.
    let old = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace("BPU: 499}", "BPU: 150}")
        .replace("start: \"2025-05\"", "start: \"2025-07\"")
        .replace(
            "ramp: Linear,\n            ramp_months: 6,",
            "ramp: Immediate,",
        );
    let path = dir.path().join("old.ron");
    std::fs::write(&path, &old).unwrap();
    let out = run(&["calibrate", path.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a fit that still misses exits 1"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("stopped at its limit"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        old,
        "nothing written"
    );

    // A fit that works is written with --write, marked as fitted, and reads back.
    let mut shifted = sample();
    shifted.regions[0].new_per_month.insert(Segment::BPU, 150.0);
    let input = dir.path().join("in.ron");
    files::save(&input, &shifted).unwrap();
    let output = dir.path().join("out.ron");
    let out = run(&[
        "calibrate",
        input.to_str().unwrap(),
        "--region",
        "16.06",
        "--write",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let written = files::load(&output).unwrap();
    assert_eq!(written.regions[0].new_per_month[&Segment::BPU], 499.0);
    assert!(matches!(
        written.regions[0].rate_source(Rate::NewPerMonth(Segment::BPU)),
        RateSource::Fitted(_)
    ));

    assert_eq!(
        run(&["calibrate", "/no/such/file.ron"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["calibrate", SAMPLE, "--region", "99.99"])
            .status
            .code(),
        Some(2)
    );
}
