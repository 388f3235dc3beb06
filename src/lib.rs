//! UCJ Planner: plan enrollment campaigns toward Universal Coverage Jamsostek and present the
//! projected coverage of each region.
//!
//! Data flows one way:
//! 1. [`files`] reads a `.ron` scenario into a [`model::Scenario`];
//! 2. [`model::validate`] lists its errors and warnings;
//! 3. [`engine::project`] turns it into monthly series, targets and budget;
//! 4. the CLI ([`cli`]) and the window read that projection;
//! 5. edits change the scenario, and the engine projects again.
//!
//! ```
//! let scenario = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "sample").unwrap();
//! let projection = ucj_planner::engine::project(&scenario);
//! let muba = projection.region(0).unwrap();
//! assert!((muba.series.coverage_pct(0) - 41.65).abs() < 0.01);
//! ```

pub mod cli;
mod cli_calibrate;
mod cli_tables;
pub mod engine;
pub mod files;
pub mod i18n;
pub mod model;
pub mod ui;
