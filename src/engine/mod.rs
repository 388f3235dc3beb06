//! Projection, targets, goal seek and budget: pure functions of a scenario, no egui, no I/O.
//!
//! Everything the program shows comes from [`project`], so the window, the CLI, uncertainty
//! runs and the budget optimizer all see the same numbers.

mod budget;
mod calibrate;
mod projection;
mod targets;
mod uncertainty;
mod variants;

/// A projection further than this from a reported figure (percent of it) is flagged.
pub const DEVIATION_PCT: f64 = 2.0;

pub use budget::{Budget, FiscalYear};
pub use calibrate::{
    Calibration, CalibrationError, Confounded, FitPoint, FittedRate, RegionFit, calibrate,
    candidate_rates, relative,
};
pub use projection::{
    Overrides, Projection, RegionProjection, Series, project, project_into, project_region,
    project_region_as, project_with, ramp_share,
};
pub use targets::{
    Reached, Seek, TargetOutcome, analyse_targets, gross_seek_plan, people_needed,
    whole_people_short,
};
pub use uncertainty::{
    Bands, Control, Factors, Input, P5, P25, P50, P75, P95, PERCENTILES, Quantiles, RegionSpread,
    Spread, Swing, TargetChance, TargetSwings, people_for_chance, quantiles, region_chances,
    simulate, simulate_plan, swings, triangular,
};
pub use variants::{
    VariantOutcome, VariantPlan, campaign_budgets, compare, project_variant, project_variant_into,
};
