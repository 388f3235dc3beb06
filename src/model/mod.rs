//! The scenario document and its checks. No egui and no I/O here.

pub mod catalogue;
mod kinds;
mod month;
mod scenario;
mod synthetic;
mod validate;

pub use kinds::{Payer, Ramp, Segment};
pub use month::{Month, MonthField, MonthParseError};
pub use scenario::{
    Actual, Assumptions, Campaign, DEFAULT_CONTRIBUTION_RP, DEFAULT_RUNS, FORMAT, Fitted, Rate,
    RateSource, Region, Scenario, SegmentMap, SlideChoice, Target, Triangle, Uncertainty, Variant,
    full_uptake, segment_value,
};
pub use synthetic::{synthetic_scenario, synthetic_uncertainty};
pub use validate::{
    Field, Issue, MAX_AMOUNT, MAX_GROWTH_PCT, MAX_MONTHS, MAX_NAME_CHARS, MAX_NOTES_CHARS,
    MAX_RUNS, MAX_UPTAKE_PCT, Place, Problem, Report, Severity, Subject, validate,
};
