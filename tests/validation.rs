//! Validation names the subject, the field and the problem, and never panics.

use ucj_planner::files;
use ucj_planner::i18n::Lang;
use ucj_planner::model::{
    Field, MonthField, Problem, Scenario, Segment, Severity, Subject, validate,
};

fn sample() -> Scenario {
    files::parse(files::SAMPLE, "sample").unwrap()
}

/// The issues of the scenario after `edit`, as (subject index or none, field, problem).
fn issues_after(edit: impl FnOnce(&mut Scenario)) -> Vec<(Option<usize>, Field, Problem)> {
    let mut s = sample();
    edit(&mut s);
    validate(&s)
        .issues
        .into_iter()
        .map(|i| {
            let at = match i.subject {
                Subject::Scenario => None,
                Subject::Region { index, .. }
                | Subject::Campaign { index, .. }
                | Subject::Variant { index, .. } => Some(index),
            };
            (at, i.field, i.problem)
        })
        .collect()
}

#[test]
fn the_sample_is_clean() {
    let report = validate(&sample());
    assert!(report.issues.is_empty(), "{:?}", report.issues);
}

#[test]
fn negative_and_non_finite_numbers() {
    let got = issues_after(|s| {
        s.regions[1].active.insert(Segment::PU, -3.0);
        s.regions[2].new_per_month.insert(Segment::BPU, f64::NAN);
        s.campaigns[0].contribution_rp = f64::INFINITY;
        s.campaigns[1].one_off_rp = -1.0;
    });
    assert!(got.contains(&(
        Some(1),
        Field::Active(Segment::PU),
        Problem::Negative { value: -3.0 }
    )));
    assert!(got.contains(&(
        Some(2),
        Field::NewPerMonth(Segment::BPU),
        Problem::NotFinite
    )));
    assert!(got.contains(&(Some(0), Field::Contribution, Problem::NotFinite)));
    assert!(got.contains(&(Some(1), Field::OneOff, Problem::Negative { value: -1.0 })));
}

#[test]
fn lapse_outside_0_to_100() {
    let got = issues_after(|s| {
        s.assumptions
            .lapse_pct_per_month
            .insert(Segment::BPU, 140.0);
        s.regions[0].lapse_pct_per_month.insert(Segment::PU, -1.0);
    });
    assert!(got.contains(&(
        None,
        Field::Lapse(Segment::BPU),
        Problem::PercentOutOfRange { value: 140.0 }
    )));
    assert!(got.contains(&(
        Some(0),
        Field::Lapse(Segment::PU),
        Problem::PercentOutOfRange { value: -1.0 }
    )));
}

#[test]
fn a_scenario_error_stops_every_region() {
    let mut s = sample();
    s.assumptions
        .lapse_pct_per_month
        .insert(Segment::BPU, 140.0);
    let report = validate(&s);
    assert!((0..s.regions.len()).all(|i| !report.region_ok(i)));
}

#[test]
fn zero_workforce_unknown_region_and_duplicate_codes() {
    let got = issues_after(|s| {
        s.regions[0].workforce = 0.0;
        s.campaigns[1].region = "99.99".into();
        s.regions[3].code = "15.06".into();
    });
    assert!(got.contains(&(Some(0), Field::Workforce, Problem::ZeroWorkforce)));
    assert!(got.contains(&(
        Some(1),
        Field::Region,
        Problem::UnknownRegion {
            code: "99.99".into()
        }
    )));
    assert!(got.contains(&(
        Some(3),
        Field::Code,
        Problem::DuplicateCode { first_index: 1 }
    )));
}

#[test]
fn months_that_are_not_months_end_before_as_of_and_too_many_months() {
    let got = issues_after(|s| {
        s.regions[0].as_of = MonthField::parse("2025-13");
        s.regions[1].as_of = MonthField::parse("2028-01");
        s.regions[2].as_of = MonthField::parse("1970-01");
        s.campaigns[0].start = MonthField::parse("July");
    });
    assert!(got.contains(&(
        Some(0),
        Field::AsOf,
        Problem::NotAMonth {
            text: "2025-13".into()
        }
    )));
    assert!(
        got.iter()
            .any(|g| g.0 == Some(1) && matches!(g.2, Problem::EndBeforeAsOf { .. }))
    );
    assert!(got.contains(&(Some(2), Field::AsOf, Problem::TooManyMonths { months: 695 })));
    assert!(got.contains(&(
        Some(0),
        Field::Start,
        Problem::NotAMonth {
            text: "July".into()
        }
    )));
    let got = issues_after(|s| s.end = MonthField::parse("2027-xx"));
    assert_eq!(
        got,
        vec![(
            None,
            Field::End,
            Problem::NotAMonth {
                text: "2027-xx".into()
            }
        )]
    );
}

#[test]
fn warnings_coverage_above_100_target_after_end_enrollment_before_as_of() {
    let mut s = sample();
    s.regions[0].workforce = 1000.0;
    s.regions[1].targets[0].month = MonthField::parse("2030-12");
    s.campaigns[0].start = MonthField::parse("2024-06");
    let report = validate(&s);
    let warnings: Vec<_> = report
        .issues
        .iter()
        .filter(|i| i.severity() == Severity::Warning)
        .map(|i| &i.problem)
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(matches!(warnings[0], Problem::CoverageAbove100 { .. }));
    assert!(matches!(warnings[1], Problem::TargetAfterEnd { .. }));
    assert!(matches!(warnings[2], Problem::EnrollmentBeforeAsOf { .. }));
    assert!(!report.has_errors());
}

#[test]
fn messages_name_the_subject_and_field_in_both_languages() {
    let mut s = sample();
    s.campaigns[0].people = -45_000.0;
    let report = validate(&s);
    let issue = &report.issues[0];
    assert_eq!(
        Lang::En.describe(issue),
        "error: campaign 1 (PAKE KELAMBU: vulnerable workers paid by APBD), People (people): must not be negative (is -45,000)"
    );
    assert_eq!(
        Lang::Id.describe(issue),
        "kesalahan: kampanye 1 (PAKE KELAMBU: vulnerable workers paid by APBD), Orang (people): tidak boleh negatif (nilainya -45.000)"
    );
}

#[test]
fn zero_months_and_bad_percentages_in_campaigns_and_targets() {
    let got = issues_after(|s| {
        s.campaigns[0].ramp_months = 0;
        s.campaigns[0].funded_months = Some(0);
        s.campaigns[0].retention_pct = 120.0;
        s.regions[0].targets[0].pct = -5.0;
        s.regions[0].actuals[0].month = MonthField::parse("2025");
    });
    assert!(got.contains(&(Some(0), Field::RampMonths, Problem::ZeroMonths)));
    assert!(got.contains(&(Some(0), Field::FundedMonths, Problem::ZeroMonths)));
    assert!(got.contains(&(
        Some(0),
        Field::Retention,
        Problem::PercentOutOfRange { value: 120.0 }
    )));
    assert!(got.contains(&(
        Some(0),
        Field::TargetPct(0),
        Problem::PercentOutOfRange { value: -5.0 }
    )));
    assert!(got.contains(&(
        Some(0),
        Field::ActualMonth(0),
        Problem::NotAMonth {
            text: "2025".into()
        }
    )));
}

#[test]
fn numbers_and_names_beyond_what_makes_sense_are_errors_naming_the_field() {
    let got = issues_after(|s| {
        s.regions[0].workforce = 1e308;
        s.campaigns[1].contribution_rp = 2e12;
        s.assumptions.workforce_growth_pct_per_year = 150.0;
        s.regions[2].name = "x".repeat(2_001);
        s.notes = "n".repeat(100_001);
    });
    assert!(got.contains(&(
        Some(0),
        Field::Workforce,
        Problem::TooLarge {
            value: 1e308,
            max: 1e12
        }
    )));
    assert!(got.contains(&(
        Some(1),
        Field::Contribution,
        Problem::TooLarge {
            value: 2e12,
            max: 1e12
        }
    )));
    assert!(got.contains(&(
        None,
        Field::Growth,
        Problem::TooLarge {
            value: 150.0,
            max: 100.0
        }
    )));
    assert!(got.contains(&(
        Some(2),
        Field::Name,
        Problem::TooLong {
            chars: 2_001,
            max: 2_000
        }
    )));
    assert!(got.contains(&(
        None,
        Field::Notes,
        Problem::TooLong {
            chars: 100_001,
            max: 100_000
        }
    )));
    let mut s = sample();
    s.regions[0].workforce = 1e308;
    s.regions[2].name = format!("\u{1b}[31m{}", "x".repeat(5_000));
    let report = validate(&s);
    let text: Vec<String> = report.issues.iter().map(|i| Lang::Id.describe(i)).collect();
    assert!(
        text.iter().any(|t| t.ends_with(
            "(workforce): nilainya 1,0 × 10^308, melebihi 1.000.000.000.000 yang dapat ditampung kolom ini"
        )),
        "{text:?}"
    );
    // A long value quoted in a message is cut, with its length.
    let mut long = sample();
    long.campaigns[0].region = "R".repeat(1_000_000);
    let quoted = Lang::Id.describe(&validate(&long).issues[0]);
    assert!(
        quoted.contains("… (1.000.000 karakter)"),
        "{}",
        quoted.chars().rev().take(80).collect::<String>()
    );
    // Control characters from the file are shown escaped, and long text shortened.
    assert!(
        text.iter()
            .all(|t| !t.contains('\u{1b}') && t.chars().count() < 500),
        "{text:?}"
    );
    // The numbers that are errors do not reach the projection or the CSV.
    let p = ucj_planner::engine::project(&s);
    assert!(p.region(0).is_none());
    let csv = files::projection_csv(&s, &p, None);
    assert!(!csv.contains("inf") && !csv.contains("NaN"), "{csv}");
}
