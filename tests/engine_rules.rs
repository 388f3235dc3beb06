//! The projection's rules, each against figures computed by hand.

use ucj_planner::engine::{
    Overrides, Reached, Seek, analyse_targets, people_needed, project, ramp_share,
};
use ucj_planner::model::{
    Assumptions, Campaign, FORMAT, Month, MonthField, Payer, Ramp, Region, Scenario, Segment,
    SegmentMap, Target,
};

fn m(text: &str) -> Month {
    text.parse().unwrap()
}

fn map(entries: &[(Segment, f64)]) -> SegmentMap {
    entries.iter().copied().collect()
}

fn region(code: &str, as_of: &str, workforce: f64, active: &[(Segment, f64)]) -> Region {
    Region {
        code: code.into(),
        name: format!("Region {code}"),
        province: String::new(),
        as_of: MonthField::parse(as_of),
        workforce,
        workforce_source: String::new(),
        active: map(active),
        new_per_month: SegmentMap::new(),
        lapse_pct_per_month: SegmentMap::new(),
        targets: Vec::new(),
        actuals: Vec::new(),
        fitted: Vec::new(),
        note: String::new(),
    }
}

fn scenario(end: &str, lapse: &[(Segment, f64)], regions: Vec<Region>) -> Scenario {
    Scenario {
        format: FORMAT,
        name: "test".into(),
        notes: String::new(),
        end: MonthField::parse(end),
        assumptions: Assumptions {
            lapse_pct_per_month: map(lapse),
            workforce_growth_pct_per_year: 0.0,
            uncertainty: None,
        },
        regions,
        campaigns: Vec::new(),
        variants: Vec::new(),
        slides: Vec::new(),
    }
}

fn campaign(region: &str, payer: Payer, start: &str, people: f64) -> Campaign {
    Campaign::new(
        "c",
        region,
        Segment::BPU,
        payer,
        MonthField::parse(start),
        people,
    )
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} != {b}");
}

#[test]
fn pools_lapse_then_gain_new_members() {
    let mut r = region("A", "2025-01", 10_000.0, &[(Segment::BPU, 1000.0)]);
    r.new_per_month = map(&[(Segment::BPU, 50.0)]);
    let s = scenario("2025-03", &[(Segment::BPU, 10.0)], vec![r]);
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    assert_eq!(series.len(), 3);
    close(series.active[0], 1000.0);
    close(series.active[1], 950.0); // 1000 * 0.9 + 50
    close(series.active[2], 905.0); // 950 * 0.9 + 50
    close(series.coverage_pct(2), 9.05);
    close(series.by_segment[2][Segment::BPU.index()], 905.0);
}

#[test]
fn region_lapse_overrides_the_scenario_and_missing_segments_count_as_zero() {
    let mut r = region(
        "A",
        "2025-01",
        10_000.0,
        &[(Segment::BPU, 1000.0), (Segment::PU, 1000.0)],
    );
    r.lapse_pct_per_month = map(&[(Segment::BPU, 20.0)]);
    let s = scenario(
        "2025-02",
        &[(Segment::BPU, 10.0), (Segment::PU, 1.0)],
        vec![r],
    );
    let p = project(&s);
    let by = p.region(0).unwrap().series.by_segment[1];
    close(by[Segment::BPU.index()], 800.0); // region's 20 %
    close(by[Segment::PU.index()], 990.0); // scenario's 1 %
    close(by[Segment::Jakon.index()], 0.0); // nothing given: 0 people
}

#[test]
fn workforce_grows_by_the_yearly_rate_in_monthly_steps() {
    let r = region("A", "2025-01", 1000.0, &[(Segment::PU, 100.0)]);
    let mut s = scenario("2026-01", &[], vec![r]);
    s.assumptions.workforce_growth_pct_per_year = 12.0;
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    close(series.workforce[12], 1120.0);
    close(series.workforce[6], 1000.0 * 1.12_f64.sqrt());
    close(series.coverage_pct(12), 100.0 * 100.0 / 1120.0);
}

#[test]
fn funded_members_do_not_lapse_and_leave_with_retention_when_funding_ends() {
    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2025-06", &[(Segment::BPU, 10.0)], vec![r]);
    let mut c = campaign("A", Payer::ApbdRegency, "2025-03", 100.0);
    c.funded_months = Some(2);
    c.retention_pct = 50.0;
    c.contribution_rp = 1000.0;
    c.one_off_rp = 10.0;
    s.campaigns.push(c);
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    let active: Vec<f64> = series.active.clone();
    // Jan, Feb: nothing; Mar, Apr: 100 funded; May: funding ends, 50 stay; Jun: 50 * 0.9.
    for (k, want) in [0.0, 0.0, 100.0, 100.0, 50.0, 45.0].iter().enumerate() {
        close(active[k], *want);
    }
    // Mar: 100 members * 1000 + 100 enrolled * 10 one-off; Apr: 100 * 1000; May on: nothing.
    for (k, want) in [0.0, 0.0, 101_000.0, 100_000.0, 0.0, 0.0]
        .iter()
        .enumerate()
    {
        close(series.cost(k), *want);
        close(series.cost_by_payer(k)[Payer::ApbdRegency.index()], *want);
    }
}

#[test]
fn funded_to_the_end_when_funded_months_is_none() {
    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2026-12", &[(Segment::BPU, 10.0)], vec![r]);
    s.campaigns
        .push(campaign("A", Payer::Csr, "2025-02", 300.0));
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    close(*series.active.last().unwrap(), 300.0);
    close(series.costs().last().unwrap(), 300.0 * 16_800.0);
}

#[test]
fn employer_and_self_paid_members_join_the_pool_and_lapse_next_month() {
    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2025-03", &[(Segment::BPU, 10.0)], vec![r]);
    let mut c = campaign("A", Payer::SelfPaid, "2025-02", 100.0);
    c.one_off_rp = 5.0;
    c.funded_months = Some(1); // no effect: self-paid members are never funded
    s.campaigns.push(c);
    s.campaigns
        .push(campaign("A", Payer::Employer, "2025-03", 10.0));
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    close(series.active[1], 100.0);
    close(series.active[2], 100.0); // 100 * 0.9 + 10 employer members
    // No contributions are public cost; the one-off is, by the payer who pays it.
    close(series.cost(1), 500.0);
    close(series.cost_by_payer(1)[Payer::SelfPaid.index()], 500.0);
    close(series.cost(2), 0.0);
}

#[test]
fn enrollment_at_or_before_as_of_is_ignored_with_a_warning() {
    let r = region("A", "2025-03", 10_000.0, &[]);
    let mut s = scenario("2025-05", &[], vec![r]);
    let mut c = campaign("A", Payer::Apbn, "2025-02", 300.0);
    c.ramp = Ramp::Linear;
    c.ramp_months = 3; // Feb, Mar ignored; Apr counts
    s.campaigns.push(c);
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    close(series.active[0], 0.0);
    close(series.active[1], 100.0);
    close(series.active[2], 100.0);
    let warnings: Vec<_> = p
        .report
        .issues
        .iter()
        .map(|i| format!("{:?}", i.problem))
        .collect();
    assert!(
        warnings.iter().any(|w| w.contains("EnrollmentBeforeAsOf")),
        "{warnings:?}"
    );
    assert!(!p.report.has_errors());
}

#[test]
fn ramps_spread_people_as_specified() {
    close(ramp_share(Ramp::Immediate, 0, 5), 1.0);
    close(ramp_share(Ramp::Immediate, 1, 5), 0.0);
    close(ramp_share(Ramp::Linear, 2, 4), 0.25);
    // F(x) = 3x^2 - 2x^3 at quarters: 0.15625, 0.5, 0.84375, 1.
    let shares: Vec<f64> = (0..4).map(|i| ramp_share(Ramp::SCurve, i, 4)).collect();
    for (got, want) in shares.iter().zip([0.15625, 0.34375, 0.34375, 0.15625]) {
        close(*got, want);
    }

    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2025-06", &[], vec![r]);
    let mut c = campaign("A", Payer::Apbn, "2025-02", 1000.0);
    c.ramp = Ramp::SCurve;
    c.ramp_months = 4;
    s.campaigns.push(c);
    let p = project(&s);
    let series = &p.region(0).unwrap().series;
    for (k, want) in [0.0, 156.25, 500.0, 843.75, 1000.0, 1000.0]
        .iter()
        .enumerate()
    {
        close(series.active[k], *want);
    }
}

#[test]
fn a_huge_ramp_only_costs_the_months_it_covers() {
    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2025-03", &[], vec![r]);
    let mut c = campaign("A", Payer::Apbn, "2025-02", 4.0e9);
    c.ramp = Ramp::Linear;
    c.ramp_months = u32::MAX;
    s.campaigns.push(c);
    let p = project(&s);
    close(
        p.region(0).unwrap().series.active[2],
        2.0 * 4.0e9 / f64::from(u32::MAX),
    );
}

#[test]
fn switched_off_campaigns_do_not_count() {
    let r = region("A", "2025-01", 10_000.0, &[]);
    let mut s = scenario("2025-03", &[], vec![r]);
    let mut c = campaign("A", Payer::Apbn, "2025-02", 100.0);
    c.enabled = false;
    s.campaigns.push(c);
    let p = project(&s);
    close(p.region(0).unwrap().series.active[2], 0.0);
    let enabled = [true];
    let forced = ucj_planner::engine::project_with(
        &s,
        ucj_planner::model::validate(&s),
        &Overrides {
            enabled: Some(&enabled),
            ..Overrides::default()
        },
    );
    close(forced.region(0).unwrap().series.active[2], 100.0);
}

#[test]
fn the_target_in_force_is_the_earliest_at_or_after_the_month() {
    let mut r = region("A", "2025-01", 1000.0, &[(Segment::PU, 400.0)]);
    r.targets = vec![
        Target {
            month: MonthField::parse("2025-06"),
            pct: 60.0,
            note: String::new(),
        },
        Target {
            month: MonthField::parse("2025-03"),
            pct: 50.0,
            note: String::new(),
        },
    ];
    let s = scenario("2025-08", &[], vec![r]);
    let p = project(&s);
    let rp = p.region(0).unwrap();
    assert_eq!(rp.target_at(m("2025-01")), Some(50.0));
    assert_eq!(rp.target_at(m("2025-03")), Some(50.0));
    assert_eq!(rp.target_at(m("2025-04")), Some(60.0));
    assert_eq!(rp.target_at(m("2025-07")), None);
    close(rp.gap_at(0).unwrap(), 100.0); // 50 % of 1000 - 400
    close(rp.gap_at(4).unwrap(), 200.0); // May: 60 % of 1000 - 400
    assert_eq!(rp.gap_at(7), None);
}

#[test]
fn target_outcomes_give_projection_gap_and_first_month_reached() {
    let mut r = region("A", "2025-01", 1000.0, &[(Segment::PU, 400.0)]);
    r.new_per_month = map(&[(Segment::PU, 25.0)]);
    r.targets = vec![
        Target {
            month: MonthField::parse("2025-03"),
            pct: 44.0,
            note: String::new(),
        },
        Target {
            month: MonthField::parse("2025-05"),
            pct: 90.0,
            note: String::new(),
        },
    ];
    let s = scenario("2025-06", &[], vec![r]);
    let p = project(&s);
    let outcomes = analyse_targets(p.region(0).unwrap());
    // 400, 425, 450, 475, 500, 525: 44 % is first reached in Mar (45 %).
    close(outcomes[0].projected_pct.unwrap(), 45.0);
    close(outcomes[0].gap.unwrap(), -10.0);
    assert_eq!(
        outcomes[0].reached,
        Reached::At {
            month: m("2025-03"),
            below_again: None
        }
    );
    assert!(outcomes[0].met());
    close(outcomes[1].gap.unwrap(), 400.0);
    assert_eq!(outcomes[1].reached, Reached::NotByEnd);
    assert!(!outcomes[1].met());
}

fn seek_scenario() -> Scenario {
    let mut r = region("A", "2025-01", 1000.0, &[(Segment::PU, 100.0)]);
    r.targets = vec![Target {
        month: MonthField::parse("2025-04"),
        pct: 50.0,
        note: String::new(),
    }];
    scenario("2025-12", &[(Segment::BPU, 10.0)], vec![r])
}

#[test]
fn goal_seek_finds_the_fewest_whole_people_on_the_engine() {
    let s = seek_scenario();
    let report = ucj_planner::model::validate(&s);
    let o = Overrides::default();
    let target = m("2025-04");
    // Funded members never lapse: the net gap, 400.
    let funded = campaign("A", Payer::ApbdRegency, "2025-04", 0.0);
    assert_eq!(
        people_needed(&s, &report, &o, 0, target, 50.0, &funded),
        Seek::People(400)
    );
    // Self-paid from Feb: two months of 10 % lapse, people * 0.81 >= 400 -> 494.
    let paid = campaign("A", Payer::SelfPaid, "2025-02", 0.0);
    assert_eq!(
        people_needed(&s, &report, &o, 0, target, 50.0, &paid),
        Seek::People(494)
    );
    // Already there, and too late to help.
    assert_eq!(
        people_needed(&s, &report, &o, 0, target, 10.0, &paid),
        Seek::AlreadyMet
    );
    let late = campaign("A", Payer::ApbdRegency, "2025-05", 0.0);
    assert_eq!(
        people_needed(&s, &report, &o, 0, target, 50.0, &late),
        Seek::Unreachable
    );
    // A target outside the projection cannot be sought.
    assert_eq!(
        people_needed(&s, &report, &o, 0, m("2030-01"), 50.0, &funded),
        Seek::Unreachable
    );
}

#[test]
fn the_all_series_sums_the_months_every_region_covers() {
    let a = region("A", "2025-01", 1000.0, &[(Segment::PU, 100.0)]);
    let b = region("B", "2025-03", 3000.0, &[(Segment::PU, 500.0)]);
    let mut s = scenario("2025-04", &[], vec![a, b]);
    s.campaigns
        .push(campaign("B", Payer::Village, "2025-04", 100.0));
    let p = project(&s);
    let total = p.total.as_ref().unwrap();
    assert_eq!(total.first, m("2025-03"));
    assert_eq!(total.len(), 2);
    close(total.workforce[0], 4000.0);
    close(total.active[1], 700.0);
    close(total.coverage_pct(1), 17.5);
    close(total.cost(1), 100.0 * 16_800.0);
}

#[test]
fn the_budget_sums_cost_by_payer_and_fiscal_year() {
    let a = region("A", "2025-10", 1000.0, &[]);
    let mut s = scenario("2026-03", &[], vec![a]);
    let mut c = campaign("A", Payer::ApbdProvince, "2025-11", 10.0);
    c.contribution_rp = 100.0;
    s.campaigns.push(c);
    let mut csr = campaign("A", Payer::Csr, "2026-01", 1.0);
    csr.contribution_rp = 1000.0;
    csr.funded_months = Some(2);
    s.campaigns.push(csr);
    let p = project(&s);
    let years = p.budget.as_ref().unwrap().fiscal_years();
    assert_eq!(years.len(), 2);
    assert_eq!(years[0].year, 2025);
    close(years[0].by_payer[Payer::ApbdProvince.index()], 2000.0); // Nov, Dec
    close(years[1].by_payer[Payer::ApbdProvince.index()], 3000.0); // Jan-Mar
    close(years[1].by_payer[Payer::Csr.index()], 2000.0); // Jan, Feb
    close(years[1].total(), 5000.0);
}

#[test]
fn errors_stop_only_what_they_name() {
    let good = region("A", "2025-01", 1000.0, &[(Segment::PU, 100.0)]);
    let bad = region("B", "2025-13", 1000.0, &[]);
    let mut s = scenario("2025-06", &[], vec![good, bad]);
    s.campaigns.push(campaign("B", Payer::Apbn, "2025-03", 1.0));
    s.campaigns.push(campaign("Z", Payer::Apbn, "2025-03", 1.0));
    s.campaigns
        .push(campaign("A", Payer::Apbn, "2025-03", -5.0));
    s.campaigns.push(campaign("A", Payer::Apbn, "2025-03", 7.0));
    let p = project(&s);
    assert!(p.region(0).is_some());
    assert!(p.region(1).is_none());
    close(*p.region(0).unwrap().series.active.last().unwrap(), 107.0);
    assert!(p.report.has_errors());
}

/// A projection that reuses the memory of the one it replaces is the same as a fresh one,
/// whatever the shape of the old one (fewer regions, other months, other campaigns).
#[test]
fn a_projection_into_old_memory_equals_a_fresh_one() {
    use ucj_planner::engine::project_into;
    use ucj_planner::model::{synthetic_scenario, validate};
    let big = synthetic_scenario(130, 400, 60);
    let small = synthetic_scenario(7, 20, 24);
    let mut other = big.clone();
    other.regions.truncate(90);
    other.regions[3].as_of = MonthField::parse("2025-06");
    other.campaigns.truncate(100);
    for (old, new) in [
        (&big, &small),
        (&small, &big),
        (&big, &other),
        (&other, &big),
    ] {
        let reused = project_into(new, validate(new), &Overrides::default(), project(old));
        assert_eq!(reused, project(new));
    }
}

/// ALL and the budget are the regions' figures added up block by block (64 regions), the
/// blocks in order, however many threads projected them: checked against that sum done here,
/// on a scenario of several blocks with regions starting in different months and one region
/// left out by an error.
#[test]
fn all_and_the_budget_are_the_regions_added_up_block_by_block() {
    use ucj_planner::model::synthetic_scenario;
    let mut s = synthetic_scenario(300, 900, 36);
    s.regions[70].workforce = -1.0;
    let p = project(&s);
    assert!(p.region(70).is_none() && p.region(71).is_some());
    let total = p.total.as_ref().unwrap();
    let budget = p.budget.as_ref().unwrap();
    let series: Vec<_> = p
        .regions
        .iter()
        .map(|r| r.as_ref().map(|r| &r.series))
        .collect();
    let all_first = series.iter().flatten().map(|s| s.first).max().unwrap();
    let budget_first = series.iter().flatten().map(|s| s.first).min().unwrap();
    assert!(budget_first < all_first);
    assert_eq!(total.first, all_first);
    let mut active = vec![0.0; total.len()];
    let mut by_payer = vec![[0.0; 7]; budget.cost_by_payer.len()];
    for block in series.chunks(64) {
        let mut block_active = vec![0.0; total.len()];
        let mut block_payer = vec![[0.0; 7]; budget.cost_by_payer.len()];
        for s in block.iter().flatten() {
            let skip = usize::try_from(all_first.since(s.first)).unwrap();
            for k in 0..total.len() {
                block_active[k] += s.active[k + skip];
            }
            let offset = usize::try_from(s.first.since(budget_first)).unwrap();
            for k in 0..s.len() {
                for (p, v) in s.cost_by_payer(k).iter().enumerate() {
                    block_payer[offset + k][p] += v;
                }
            }
        }
        for k in 0..total.len() {
            active[k] += block_active[k];
        }
        for (sum, row) in by_payer.iter_mut().zip(&block_payer) {
            for (s, v) in sum.iter_mut().zip(row) {
                *s += v;
            }
        }
    }
    assert_eq!(total.active, active);
    assert_eq!(budget.cost_by_payer, by_payer);
    // The total's cost by payer is the budget's from ALL's first month, and its cost their sum.
    let before = by_payer.len() - total.len();
    for (k, row) in by_payer[before..].iter().enumerate() {
        assert_eq!(total.cost_by_payer(k), *row);
        assert_eq!(total.cost(k), row.iter().sum::<f64>());
    }
    assert!(total.costs().any(|c| c > 0.0));
}

/// A projection that passes 100 % coverage is a warning naming the first month above it, on
/// the workforce figure; a region that starts above 100 % is validation's warning alone.
#[test]
fn coverage_projected_above_100_percent_is_a_warning_with_its_month() {
    use ucj_planner::model::{Field, Problem};
    // 900 active of 1,000 and 40 new a month without lapse: 940, 980, then 1,020 in April.
    let mut r = region("A", "2025-01", 1000.0, &[(Segment::BPU, 900.0)]);
    r.new_per_month = map(&[(Segment::BPU, 40.0)]);
    let mut above = region("B", "2025-01", 1000.0, &[(Segment::BPU, 1200.0)]);
    above.new_per_month = map(&[(Segment::BPU, 40.0)]);
    let s = scenario("2025-06", &[(Segment::BPU, 0.0)], vec![r, above]);
    let p = project(&s);
    let warnings: Vec<_> = p
        .report
        .issues
        .iter()
        .filter(|i| matches!(i.problem, Problem::ProjectedAbove100 { .. }))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].field, Field::Workforce);
    let Problem::ProjectedAbove100 { month, pct } = warnings[0].problem else {
        unreachable!()
    };
    assert_eq!(month, m("2025-04"));
    close(pct, 102.0);
}

/// A gap in people is shown as whole people still to enroll: 0.4 of a person short is one
/// more, as goal seek counts, and the last bits of a sum do not add one.
#[test]
fn a_gap_is_whole_people_short() {
    use ucj_planner::engine::whole_people_short;
    assert_eq!(whole_people_short(234_950.4), 234_951.0);
    assert_eq!(whole_people_short(8.0 + 1e-9), 8.0);
    assert_eq!(whole_people_short(8.0), 8.0);
    assert_eq!(whole_people_short(-8_499.3), -8_499.3);
    assert_eq!(whole_people_short(0.0), 0.0);
}
