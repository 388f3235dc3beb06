//! Plan variants: format migration, projection per variant, the comparison against the
//! baseline, and `project --variant`.

use std::process::Command;

use ucj_planner::engine::{compare, project_variant};
use ucj_planner::files;
use ucj_planner::model::FORMAT;

/// One region, one campaign; a baseline without it and a plan with it. By hand:
/// workforce 1,000 and 100 active PU who never lapse; the campaign adds 100 funded members in
/// Feb 2025 at Rp10 a month each. Target 20 % by Apr 2025.
const SMALL: &str = r#"Scenario(
    format: 2,
    name: "small",
    end: "2025-12",
    regions: [Region(code: "A", name: "Region A", as_of: "2025-01", workforce: 1000,
        active: {PU: 100}, targets: [Target(month: "2025-04", pct: 20.0)])],
    campaigns: [Campaign(name: "drive", region: "A", segment: BPU, payer: Apbn,
        start: "2025-02", people: 100, contribution_rp: 10)],
    variants: [
        Variant(name: "Baseline", campaigns: []),
        Variant(name: "Plan", campaigns: ["drive"]),
        Variant(name: "Plan, faster growth", campaigns: ["drive"], workforce_growth_pct_per_year: Some(12.0)),
    ],
)"#;

#[test]
fn a_format_1_file_opens_and_saves_as_the_current_format() {
    let old = files::SAMPLE
        .replace("format: 5,", "format: 1,")
        .split("    variants: [")
        .next()
        .unwrap()
        .to_owned()
        + ")\n";
    let s = files::parse(&old, "old.ron").unwrap();
    assert_eq!(s.format, FORMAT);
    assert!(s.variants.is_empty());
    let text = files::to_ron(&s).unwrap();
    assert!(text.contains("format: 5,"), "{text}");
    assert_eq!(files::parse(&text, "new.ron").unwrap(), s);
}

#[test]
fn each_variant_projects_its_own_campaigns() {
    let s = files::parse(SMALL, "small.ron").unwrap();
    let active_apr = |v| {
        project_variant(&s, Some(v))
            .region(0)
            .unwrap()
            .series
            .active[3]
    };
    assert_eq!(active_apr(0), 100.0);
    assert_eq!(active_apr(1), 200.0);
    // The campaign's own switch is on: the working plan counts it.
    assert_eq!(
        project_variant(&s, None).region(0).unwrap().series.active[3],
        200.0
    );
}

#[test]
fn the_comparison_against_the_baseline_matches_the_hand_figures() {
    let s = files::parse(SMALL, "small.ron").unwrap();
    let (at, outcomes) = compare(&s, Some(0));
    assert_eq!(at.unwrap().to_string(), "2025-04");
    let [baseline, plan, grown] = &outcomes[..] else {
        panic!("three variants")
    };
    // Coverage at the target month, met or not.
    assert_eq!(baseline.targets[0].2, Some(10.0));
    assert!(!baseline.targets[0].3);
    assert_eq!(plan.targets[0].2, Some(20.0));
    assert!(plan.targets[0].3);
    // Public cost per fiscal year: Feb to Dec, 100 members x Rp10.
    assert_eq!(baseline.fiscal_years[0].total(), 0.0);
    assert_eq!(plan.fiscal_years[0].total(), 11_000.0);
    // Per additional active participant at Apr 2025: Rp3,000 for Feb-Apr over 100 people.
    assert_eq!(plan.extra_cost, 3_000.0);
    assert_eq!(plan.extra_active, 100.0);
    assert_eq!(plan.cost_per_additional, Some(30.0));
    assert_eq!(baseline.cost_per_additional, None);
    // A faster-growing workforce lowers coverage: 200 of 1000 x 1.12^(3/12).
    let expected = 100.0 * 200.0 / (1000.0 * 1.12_f64.powf(0.25));
    assert!((grown.targets[0].2.unwrap() - expected).abs() < 1e-9);
    assert!(!grown.targets[0].3);
}

#[test]
fn a_variant_naming_a_missing_campaign_is_an_error() {
    let s = files::parse(&SMALL.replace("[\"drive\"])", "[\"drives\"])"), "small.ron").unwrap();
    let report = ucj_planner::model::validate(&s);
    assert!(report.has_errors());
    assert!(!report.variant_ok(1));
    let text = ucj_planner::i18n::Lang::En.describe(&report.issues[0]);
    assert_eq!(
        text,
        "error: variant 2 (Plan), Campaign 1 · Name (campaigns[1]): no campaign is named \"drives\""
    );
}

#[test]
fn project_variant_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    std::fs::write(&path, SMALL).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
            .args(args)
            .output()
            .unwrap()
    };
    let p = path.to_str().unwrap();
    let out = run(&["project", p, "--variant", "Baseline", "--region", "A"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("\n2025-04,A,Region A,1000,100,10.00,20.00,100,0\n"),
        "{csv}"
    );
    let out = run(&["project", p, "--variant", "Plan", "--region", "A"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("\n2025-04,A,Region A,1000,200,20.00,20.00,0,1000\n"),
        "{csv}"
    );
    let out = run(&["project", p, "--variant", "Nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no variant is named \"Nope\""));
}

#[test]
fn the_all_comparison_counts_the_cost_of_every_month() {
    // Bungo's contract staff are paid from Jan 2025, before the months all regions cover
    // (from Jul 2025): the fiscal year 2025 of Plan A still counts their whole year.
    let s = files::parse(files::SAMPLE, "sample").unwrap();
    let (_, outcomes) = compare(&s, None);
    let plan_a = &outcomes[1];
    let fy2025 = plan_a.fiscal_years.iter().find(|y| y.year == 2025).unwrap();
    // PAKE KELAMBU May-Dec 4,158,000,000 + honorer Aug-Dec 210,000,000 + TKD Jan-Dec
    // 604,800,000.
    assert_eq!(fy2025.total(), 4_972_800_000.0);
}

#[test]
fn two_campaigns_with_one_name_are_a_warning_when_variants_name_them() {
    let s = files::parse(
        &SMALL.replace(
            "contribution_rp: 10)],",
            "contribution_rp: 10), Campaign(name: \"drive\", region: \"A\", segment: PU, payer: Csr, start: \"2025-03\", people: 5)],",
        ),
        "small.ron",
    )
    .unwrap();
    let report = ucj_planner::model::validate(&s);
    assert!(!report.has_errors());
    let text = ucj_planner::i18n::Lang::En.describe(&report.issues[0]);
    assert_eq!(
        text,
        "warning: campaign 2 (drive), Name (name): the same name as campaign 1: variants switch both together"
    );
}
