//! A generated scenario of any size, for benchmarks and load tests: every region type and
//! campaign option appears, the numbers are plausible and the same on every run.

use super::{
    Actual, Assumptions, Campaign, FORMAT, Month, MonthField, Payer, Ramp, Region, Scenario,
    Segment, Target,
};

/// A small deterministic generator (xorshift64*), so the benchmark input never changes.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..hi`.
    #[allow(clippy::cast_precision_loss)]
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        #[allow(clippy::cast_possible_truncation)] // the modulo is below items.len()
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `regions` regions and `campaigns` campaigns projected over `months` months from Jan 2025.
#[must_use]
pub fn synthetic_scenario(regions: usize, campaigns: usize, months: i32) -> Scenario {
    let mut dice = Dice(0x5EED_0C0F_FEE0_2025);
    let first = Month::new(2025, 1).unwrap_or_default();
    let end = first.plus(months - 1);
    let regions: Vec<Region> = (0..regions)
        .map(|i| {
            let workforce = dice.range(20_000.0, 900_000.0).round();
            let pct = dice.range(0.2, 0.6);
            let as_of = first.plus(i32::try_from(i % 3).unwrap_or(0));
            Region {
                code: format!("{:02}.{:02}", 11 + i / 99, 1 + i % 99),
                name: format!("Kabupaten Contoh {}", i + 1),
                province: format!("Provinsi Contoh {}", 1 + i / 14),
                as_of: as_of.into(),
                workforce,
                workforce_source: "generated".into(),
                active: [
                    (Segment::PU, (workforce * pct * 0.6).round()),
                    (Segment::BPU, (workforce * pct * 0.35).round()),
                    (Segment::Jakon, (workforce * pct * 0.03).round()),
                    (Segment::PMI, (workforce * pct * 0.02).round()),
                ]
                .into_iter()
                .collect(),
                new_per_month: [
                    (Segment::PU, (workforce * 0.001).round()),
                    (Segment::BPU, (workforce * 0.0005).round()),
                ]
                .into_iter()
                .collect(),
                lapse_pct_per_month: if i % 5 == 0 {
                    [(Segment::BPU, 3.0)].into_iter().collect()
                } else {
                    std::collections::BTreeMap::default()
                },
                targets: vec![
                    Target {
                        month: first.plus(11).into(),
                        pct: 52.15,
                        note: String::new(),
                    },
                    Target {
                        month: first.plus(months.min(60) - 1).into(),
                        pct: 60.0,
                        note: String::new(),
                    },
                ],
                actuals: vec![Actual {
                    month: first.plus(6).into(),
                    active: (workforce * pct).round(),
                    by_segment: std::collections::BTreeMap::default(),
                    note: String::new(),
                }],
                fitted: Vec::new(),
                note: String::new(),
            }
        })
        .collect();
    let campaigns = (0..campaigns)
        .map(|i| {
            let region = &regions[i % regions.len().max(1)];
            let mut c = Campaign::new(
                &format!("Kampanye {}", i + 1),
                &region.code,
                dice.pick(&Segment::ALL),
                dice.pick(&Payer::ALL),
                MonthField::Valid(first.plus(3 + i32::try_from(dice.next() % 48).unwrap_or(0))),
                dice.range(100.0, 20_000.0).round(),
            );
            c.ramp = dice.pick(&Ramp::ALL);
            c.ramp_months = 1 + u32::try_from(dice.next() % 12).unwrap_or(0);
            c.funded_months = dice.pick(&[None, Some(6), Some(12), Some(24)]);
            c.retention_pct = dice.range(0.0, 30.0).round();
            c.one_off_rp = dice.pick(&[0.0, 5_000.0]);
            c
        })
        .collect();
    Scenario {
        format: FORMAT,
        name: format!("Generated: {} regions", regions.len()),
        notes: "Generated for benchmarks; the numbers are made up.".into(),
        end: end.into(),
        assumptions: Assumptions::usual(),
        regions,
        campaigns,
        variants: Vec::new(),
        slides: Vec::new(),
    }
}

/// Uncertainty with every spread non-zero, for benchmarks: lapse ±30 % and new enrollment
/// ±40 % in every segment, growth ±50 %, campaigns enrolling 70 to 100 % of their people.
#[must_use]
pub fn synthetic_uncertainty() -> super::Uncertainty {
    let mut u = super::Uncertainty {
        workforce_growth_spread_pct: 50.0,
        uptake_pct: (70.0, 100.0, 100.0),
        ..super::Uncertainty::default()
    };
    for s in Segment::ALL {
        u.lapse_spread_pct.insert(s, 30.0);
        u.new_per_month_spread_pct.insert(s, 40.0);
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_scenarios_are_valid_and_repeatable() {
        let s = synthetic_scenario(514, 3000, 120);
        assert_eq!(s.regions.len(), 514);
        assert_eq!(s.campaigns.len(), 3000);
        let report = super::super::validate(&s);
        assert!(!report.has_errors(), "{:?}", report.issues.first());
        assert_eq!(s, synthetic_scenario(514, 3000, 120));
    }
}
