//! The uncertainty runs' rules: percentiles by nearest rank, zero spreads give the projection,
//! draws that belong to runs and not threads, and the triangular ranges pushed through the
//! engine.

use ucj_planner::engine::{
    Control, Overrides, PERCENTILES, Spread, project, quantiles, simulate, triangular,
};
use ucj_planner::model::{
    Campaign, MonthField, Payer, Scenario, Segment, Target, Uncertainty, synthetic_scenario,
    validate,
};

fn run(scenario: &Scenario, threads: usize) -> Spread {
    let report = validate(scenario);
    let u = scenario.assumptions.uncertainty.clone().unwrap_or_default();
    let control = Control {
        threads: Some(threads),
        ..Control::default()
    };
    simulate(
        scenario,
        &report,
        &Overrides::default(),
        &u,
        u.runs,
        &control,
    )
    .unwrap()
}

fn spread_everything(scenario: &mut Scenario, runs: u32) {
    let mut u = Uncertainty {
        runs,
        seed: 7,
        workforce_growth_spread_pct: 50.0,
        uptake_pct: (70.0, 100.0, 100.0),
        ..Uncertainty::default()
    };
    u.lapse_spread_pct.insert(Segment::PU, 30.0);
    u.lapse_spread_pct.insert(Segment::BPU, 50.0);
    u.new_per_month_spread_pct.insert(Segment::BPU, 40.0);
    scenario.assumptions.uncertainty = Some(u);
    scenario.campaigns[0].uptake_pct = Some((60.0, 90.0, 100.0));
}

#[test]
fn nearest_rank_percentiles() {
    let mut values: Vec<f64> = (1..=10).rev().map(f64::from).collect();
    assert_eq!(quantiles(&mut values), [1.0, 1.0, 3.0, 5.0, 8.0, 9.0, 10.0]);
    let mut one = vec![4.5];
    assert_eq!(quantiles(&mut one), [4.5; 7]);
    // 200 values 0..199: pP = v[ceil(P * 2) - 1] = 2P - 1.
    let mut many: Vec<f64> = (0..200).map(|i| f64::from((i * 77) % 200)).collect();
    let q = quantiles(&mut many);
    for (i, p) in PERCENTILES.iter().enumerate() {
        assert_eq!(q[i], (2 * p - 1) as f64, "p{p}");
    }
}

#[test]
fn triangular_inverse() {
    assert_eq!(triangular(0.5, (0.0, 50.0, 100.0)), 50.0);
    assert_eq!(triangular(0.3, (100.0, 100.0, 100.0)), 100.0);
    // F(x) = (x - a)^2 / ((b - a)(c - a)) below the mode: u = 0.125 gives x = 25.
    assert!((triangular(0.125, (0.0, 50.0, 100.0)) - 25.0).abs() < 1e-12);
    assert!((triangular(0.875, (0.0, 50.0, 100.0)) - 75.0).abs() < 1e-12);
    assert!((triangular(0.5, (70.0, 100.0, 100.0)) - (70.0 + 30.0 * 0.5_f64.sqrt())).abs() < 1e-12);
}

#[test]
fn zero_spreads_give_the_projection_bit_for_bit() {
    let mut scenario = synthetic_scenario(150, 600, 60);
    scenario.assumptions.uncertainty = Some(Uncertainty {
        runs: 20,
        ..Uncertainty::default()
    });
    let p = project(&scenario);
    let spread = run(&scenario, 2);
    for (i, region) in p.regions.iter().enumerate() {
        let (Some(region), Some(s)) = (region, spread.region(i)) else {
            panic!("region {i} missing");
        };
        assert_eq!(s.bands.first, region.series.first);
        for (k, q) in s.bands.values.iter().enumerate() {
            assert!(
                q.iter().all(|&v| v == region.series.coverage_pct(k)),
                "region {i} month {k}"
            );
        }
        for c in &s.chances {
            let met = region
                .series
                .index_of(c.month)
                .map(|k| region.series.coverage_pct(k) >= c.pct);
            assert_eq!(c.chance, met.map(|m| if m { 1.0 } else { 0.0 }));
        }
    }
    let total = p.total.unwrap();
    let bands = spread.total.unwrap();
    for (k, q) in bands.values.iter().enumerate() {
        assert!(
            q.iter().all(|&v| v == total.coverage_pct(k)),
            "ALL month {k}"
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_bits_on_one_thread_or_two() {
    let mut scenario = synthetic_scenario(200, 500, 48);
    spread_everything(&mut scenario, 60);
    let one = run(&scenario, 1);
    let two = run(&scenario, 2);
    assert_eq!(one, two);
    let four = run(&scenario, 4);
    assert_eq!(one, four);
    // And the spreads do spread.
    let q = one.total.as_ref().unwrap().values.last().unwrap();
    assert!(q[0] < q[3] && q[3] < q[6], "{q:?}");
    // Another seed, other draws.
    scenario.assumptions.uncertainty.as_mut().unwrap().seed = 8;
    assert_ne!(one, run(&scenario, 2));
}

/// One region, one pool, no new members, no growth: coverage at month k is
/// `100 * pool * (1 - L f)^k / workforce`, falling as the lapse factor f rises, so its
/// percentile P is the coverage at the factor's quantile 1 - P/100.
#[test]
fn an_uncertain_lapse_gives_the_triangular_quantiles_through_the_projection() {
    let text = r#"Scenario(format: 5, name: "one pool", end: "2027-01",
        assumptions: Assumptions(lapse_pct_per_month: {BPU: 4.0}, workforce_growth_pct_per_year: 0.0,
            uncertainty: Some(Uncertainty(runs: 10000, seed: 3, lapse_spread_pct: {BPU: 50.0}))),
        regions: [Region(code: "01", name: "A", as_of: "2025-01", workforce: 100000.0, active: {BPU: 50000.0})])"#;
    let scenario: Scenario = ron::from_str(text).unwrap();
    let spread = run(&scenario, 2);
    let bands = &spread.region(0).unwrap().bands;
    for (k, q) in [
        (1, bands.values[1]),
        (12, bands.values[12]),
        (24, bands.values[24]),
    ] {
        for (i, p) in PERCENTILES.iter().enumerate() {
            let f = triangular(1.0 - *p as f64 / 100.0, (0.5, 1.0, 1.5));
            let expected = 100.0 * 50_000.0 * (1.0 - 0.04 * f).powi(k) / 100_000.0;
            // 10,000 runs: the factor's quantile is within about 0.01 of the exact one.
            let slack = 100.0 * 50_000.0 / 100_000.0
                * ((1.0 - 0.04 * (f - 0.01)).powi(k) - (1.0 - 0.04 * (f + 0.01)).powi(k));
            assert!(
                (q[i] - expected).abs() <= slack.abs(),
                "p{p} at {k}: {} vs {expected}",
                q[i]
            );
        }
    }
}

/// A campaign with uptake Tri(0, 50, 100) of 20,000 people: the target needs 10,000 of them,
/// so its chance is P(u >= 50 %) = 0.5.
#[test]
fn the_chance_of_a_target_is_the_share_of_runs_that_reach_it() {
    let text = r#"Scenario(format: 5, name: "chance", end: "2026-01",
        assumptions: Assumptions(lapse_pct_per_month: {PU: 0.0}, workforce_growth_pct_per_year: 0.0,
            uncertainty: Some(Uncertainty(runs: 4000, uptake_pct: (0.0, 50.0, 100.0)))),
        regions: [Region(code: "01", name: "A", as_of: "2025-01", workforce: 100000.0, active: {PU: 20000.0},
            targets: [Target(month: "2026-01", pct: 30.0)])])"#;
    let mut scenario: Scenario = ron::from_str(text).unwrap();
    scenario.campaigns.push(Campaign::new(
        "drive",
        "01",
        Segment::PU,
        Payer::SelfPaid,
        MonthField::parse("2025-03"),
        20_000.0,
    ));
    let spread = run(&scenario, 2);
    let chance = spread.region(0).unwrap().chances[0].chance.unwrap();
    assert!((chance - 0.5).abs() < 0.03, "{chance}");
    // A campaign's own range replaces the scenario's: Tri(40, 60, 80) reaches it 3 times in 4.
    scenario.campaigns[0].uptake_pct = Some((40.0, 60.0, 80.0));
    let chance = run(&scenario, 1).region(0).unwrap().chances[0]
        .chance
        .unwrap();
    assert!((chance - 0.875).abs() < 0.03, "{chance}");
    let _ = Target {
        month: MonthField::parse("2026-01"),
        pct: 30.0,
        note: String::new(),
    };
}

/// One region alone gives the chances the whole run gives it: the same draws.
#[test]
fn a_region_alone_has_the_chances_of_the_whole_run() {
    let mut scenario = synthetic_scenario(30, 120, 36);
    spread_everything(&mut scenario, 200);
    let report = validate(&scenario);
    let u = scenario.assumptions.uncertainty.clone().unwrap();
    let all = run(&scenario, 2);
    for index in [0, 7, 29] {
        let alone = ucj_planner::engine::region_chances(
            &scenario,
            &report,
            &Overrides::default(),
            &u,
            index,
        );
        assert_eq!(alone, all.region(index).unwrap().chances, "region {index}");
    }
}

/// Goal seek for a chance: the answer reaches the chance asked for, one person fewer does not,
/// and asking for more certainty needs more people.
#[test]
fn goal_seek_for_a_chance_finds_the_fewest_people() {
    use ucj_planner::engine::{Seek, gross_seek_plan, people_for_chance, region_chances};
    let mut scenario = synthetic_scenario(5, 10, 36);
    spread_everything(&mut scenario, 300);
    let report = validate(&scenario);
    let u = scenario.assumptions.uncertainty.clone().unwrap();
    let projection = project(&scenario);
    let region = projection.region(1).unwrap();
    let (month, _) = region.targets[1];
    let pct = 70.0;
    let plan = gross_seek_plan(&scenario.regions[1].code, region.series.first, month);
    let need = |chance: f64| match people_for_chance(
        &scenario,
        &report,
        &Overrides::default(),
        &u,
        1,
        (month, pct),
        chance,
        &plan,
    ) {
        Seek::People(n) => n,
        other => panic!("{other:?}"),
    };
    let (n50, n90) = (need(0.5), need(0.9));
    assert!(n90 > n50, "{n50} {n90}");
    // Check the answer by adding the campaign and running the region alone.
    let chance_with = |people: u64| {
        let mut s = scenario.clone();
        let mut c = plan.clone();
        c.people = people as f64;
        s.campaigns.push(c);
        s.regions[1].targets = vec![Target {
            month: month.into(),
            pct,
            note: String::new(),
        }];
        let r = validate(&s);
        region_chances(&s, &r, &Overrides::default(), &u, 1)[0]
            .chance
            .unwrap()
    };
    assert!(chance_with(n90) >= 0.9);
    assert!(chance_with(n90 - 1) < 0.9);
}

/// Cancelled runs stop and say so, whether before they start or while two threads run them;
/// no thread is left waiting for a block that will not come.
#[test]
fn cancelled_runs_stop_without_waiting_forever() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut scenario = synthetic_scenario(300, 600, 60);
    spread_everything(&mut scenario, 2000);
    let report = validate(&scenario);
    let u = scenario.assumptions.uncertainty.clone().unwrap();
    let stop = AtomicBool::new(true);
    let control = Control {
        cancel: Some(&stop),
        threads: Some(2),
        ..Control::default()
    };
    assert!(
        simulate(
            &scenario,
            &report,
            &Overrides::default(),
            &u,
            2000,
            &control
        )
        .is_none()
    );
    stop.store(false, Ordering::Relaxed);
    std::thread::scope(|s| {
        s.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(30));
            stop.store(true, Ordering::Relaxed);
        });
        let out = simulate(
            &scenario,
            &report,
            &Overrides::default(),
            &u,
            2000,
            &control,
        );
        assert!(out.is_none(), "stopped part way, no bands");
    });
}
