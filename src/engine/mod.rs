//! Projection, targets, goal seek and budget: pure functions of a scenario, no egui, no I/O.
//!
//! Everything the program shows comes from [`project`], so the window, the CLI, uncertainty
//! runs and the budget optimizer all see the same numbers.

mod budget;
mod projection;
mod targets;
mod variants;

pub use budget::{Budget, FiscalYear};
pub use projection::{
    Overrides, Projection, RegionProjection, Series, project, project_region, project_with,
    ramp_share,
};
pub use targets::{Reached, Seek, TargetOutcome, analyse_targets, gross_seek_plan, people_needed};
pub use variants::{VariantOutcome, VariantPlan, campaign_budgets, compare, project_variant};
