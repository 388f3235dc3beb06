//! The projection as CSV, with the columns the CLI and the window's export share.

use std::fmt::Write as _;

use crate::engine::{Projection, Series};
use crate::model::Scenario;

pub const PROJECTION_HEADER: &str =
    "month,region_code,region,workforce,active,coverage_pct,target_pct,gap,cost_rp";

/// Quotes a CSV field when it holds a comma, a quote or a line break.
#[must_use]
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One row per projected region per month, then the `ALL` rows. `only` keeps one region
/// (by code, or `ALL` for the totals). Whole people and rupiah; percentages to 2 decimals.
#[must_use]
pub fn projection_csv(scenario: &Scenario, projection: &Projection, only: Option<&str>) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(PROJECTION_HEADER);
    out.push('\n');
    let wanted = |code: &str| only.is_none_or(|o| o == code);
    for (region, projected) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = projected else { continue };
        if !wanted(&region.code) {
            continue;
        }
        let code = csv_field(&region.code);
        let name = csv_field(&region.name);
        for k in 0..p.series.len() {
            let month = p.series.month(k);
            let target = p.target_at(month);
            write_row(&mut out, &p.series, k, &code, &name, target, p.gap_at(k));
        }
    }
    if let Some(total) = &projection.total
        && wanted("ALL")
    {
        for k in 0..total.len() {
            write_row(&mut out, total, k, "ALL", "ALL", None, None);
        }
    }
    out
}

fn write_row(
    out: &mut String,
    series: &Series,
    k: usize,
    code: &str,
    name: &str,
    target_pct: Option<f64>,
    gap: Option<f64>,
) {
    let target = target_pct.map(|t| format!("{t:.2}")).unwrap_or_default();
    let gap = gap
        .map(|g| format!("{:.0}", g.round() + 0.0))
        .unwrap_or_default();
    // `+ 0.0` turns a rounded -0 into 0.
    let _ = writeln!(
        out,
        "{},{code},{name},{:.0},{:.0},{:.2},{target},{gap},{:.0}",
        series.month(k),
        series.workforce[k].round() + 0.0,
        series.active[k].round() + 0.0,
        series.coverage_pct[k],
        series.cost[k].round() + 0.0,
    );
}
