//! Plan variants: each one projected on the same engine, and compared with the baseline
//! (the first variant).

use crate::model::{Month, Scenario, SegmentMap, Variant};

use super::budget::{Budget, FiscalYear};
use super::projection::{Overrides, Projection, Series, project_into};
use crate::model::validate;

/// The engine's view of a variant: which campaigns count, and its assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantPlan {
    pub enabled: Vec<bool>,
    pub lapse: Option<SegmentMap>,
    pub growth: Option<f64>,
}

impl VariantPlan {
    #[must_use]
    pub fn of(scenario: &Scenario, variant: &Variant) -> Self {
        Self {
            enabled: scenario
                .campaigns
                .iter()
                .map(|c| variant.campaigns.contains(&c.name))
                .collect(),
            lapse: variant.lapse_pct_per_month.clone(),
            growth: variant.workforce_growth_pct_per_year,
        }
    }

    #[must_use]
    pub fn overrides(&self) -> Overrides<'_> {
        Overrides {
            lapse_pct_per_month: self.lapse.as_ref(),
            workforce_growth_pct_per_year: self.growth,
            enabled: Some(&self.enabled),
        }
    }
}

/// The projection of variant `index` (the working plan when `None` or out of range).
#[must_use]
pub fn project_variant(scenario: &Scenario, index: Option<usize>) -> Projection {
    project_variant_into(scenario, index, Projection::default())
}

/// The same, reusing the memory of `previous` (see [`super::project_into`]).
#[must_use]
pub fn project_variant_into(
    scenario: &Scenario,
    index: Option<usize>,
    previous: Projection,
) -> Projection {
    let report = validate(scenario);
    match index.and_then(|i| scenario.variants.get(i)) {
        Some(variant) => {
            let plan = VariantPlan::of(scenario, variant);
            project_into(scenario, report, &plan.overrides(), previous)
        }
        None => project_into(scenario, report, &Overrides::default(), previous),
    }
}

/// One variant against the baseline, for one region or ALL.
#[derive(Clone, Debug, PartialEq)]
pub struct VariantOutcome {
    pub name: String,
    pub series: Series,
    /// For each target of the region: month, level, projected coverage then, met.
    pub targets: Vec<(Month, f64, Option<f64>, bool)>,
    pub fiscal_years: Vec<FiscalYear>,
    /// Public cost up to `at` (from the first month of any region, for ALL), and active
    /// participants at `at`, against the baseline.
    pub extra_cost: f64,
    pub extra_active: f64,
    /// Rp per additional active participant at `at`; `None` for the baseline or when the
    /// variant adds none.
    pub cost_per_additional: Option<f64>,
}

/// A variant's figures for the scope compared: series, targets, public cost.
type Scope = (Series, Vec<(Month, f64)>, Budget);

/// Every variant of the scenario for region `region` (ALL when `None`), measured at `at`:
/// the region's last target month, or the end of the projection.
#[must_use]
pub fn compare(scenario: &Scenario, region: Option<usize>) -> (Option<Month>, Vec<VariantOutcome>) {
    let projections: Vec<(String, Projection)> = (0..scenario.variants.len())
        .map(|i| {
            (
                scenario.variants[i].name.clone(),
                project_variant(scenario, Some(i)),
            )
        })
        .collect();
    // The series, its targets, and its public cost: a region's own, or for ALL the budget of
    // every region (which starts before the months all regions cover).
    let scope = |p: &Projection| -> Option<Scope> {
        match region {
            Some(r) => p.region(r).map(|rp| {
                let budget = Budget::of_series(&rp.series);
                (rp.series.clone(), rp.targets.clone(), budget)
            }),
            None => Some((p.total.clone()?, Vec::new(), p.budget.clone()?)),
        }
    };
    let Some((base_series, base_targets, base_budget)) =
        projections.first().and_then(|(_, p)| scope(p))
    else {
        return (None, Vec::new());
    };
    let at = base_targets.last().map_or(base_series.last(), |&(m, _)| m);
    let cost_to = |b: &Budget| -> f64 {
        (0..b.cost_by_payer.len())
            .take_while(|&k| b.month(k) <= at)
            .map(|k| b.cost_by_payer[k].iter().sum::<f64>())
            .sum()
    };
    let active_at = |s: &Series| s.index_of(at).map_or(0.0, |k| s.active[k]);
    let (base_cost, base_active) = (cost_to(&base_budget), active_at(&base_series));
    let outcomes = projections
        .iter()
        .enumerate()
        .filter_map(|(i, (name, p))| {
            let (series, targets, budget) = scope(p)?;
            let extra_cost = cost_to(&budget) - base_cost;
            let extra_active = active_at(&series) - base_active;
            Some(VariantOutcome {
                name: name.clone(),
                targets: targets
                    .iter()
                    .map(|&(m, pct)| {
                        let projected = series.index_of(m).map(|k| series.coverage_pct(k));
                        (m, pct, projected, projected.is_some_and(|c| c >= pct))
                    })
                    .collect(),
                fiscal_years: budget.fiscal_years(),
                cost_per_additional: (i > 0 && extra_active >= 1.0)
                    .then(|| extra_cost / extra_active),
                extra_cost,
                extra_active,
                series,
            })
        })
        .collect();
    (Some(at), outcomes)
}

/// The public cost of each campaign of region `index` that counts under `overrides`, per
/// fiscal year: each campaign projected alone on the same engine.
#[must_use]
pub fn campaign_budgets(
    scenario: &Scenario,
    report: &crate::model::Report,
    overrides: &Overrides,
    index: usize,
) -> Vec<(usize, Vec<FiscalYear>)> {
    let counts = |i: usize| {
        let on = overrides.enabled.map_or_else(
            || scenario.campaigns[i].enabled,
            |e| e.get(i).copied().unwrap_or(false),
        );
        on && report.campaign_ok(i) && report.campaign_region(i) == Some(index)
    };
    (0..scenario.campaigns.len())
        .filter(|&i| counts(i))
        .filter_map(|i| {
            let alone: Vec<bool> = (0..scenario.campaigns.len()).map(|j| j == i).collect();
            let only = Overrides {
                enabled: Some(&alone),
                ..overrides.clone()
            };
            let p = super::projection::project_region(scenario, report, &only, index, None)?;
            Some((i, Budget::of_series(&p.series).fiscal_years()))
        })
        .collect()
}
