//! The scenario document: what a planner edits and what the `.ron` file holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kinds::{Payer, Ramp, Segment};
use super::month::MonthField;

/// The file format this program writes; it reads this one and every earlier one.
/// Format 2 added `variants`; a format-1 file reads as a format-2 file without variants.
pub const FORMAT: u32 = 2;

/// The usual BPU package (JKK + JKM on the minimum declared income), Rp per person per month.
pub const DEFAULT_CONTRIBUTION_RP: f64 = 16_800.0;

/// People (or percentages) per segment; a segment left out counts as 0, except in a region's
/// lapse overrides where a segment left out takes the scenario's rate.
pub type SegmentMap = BTreeMap<Segment, f64>;

/// Reads a segment's value with "missing means 0".
#[must_use]
pub fn segment_value(map: &SegmentMap, segment: Segment) -> f64 {
    map.get(&segment).copied().unwrap_or(0.0)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub notes: String,
    /// The last month of every region's projection.
    pub end: MonthField,
    #[serde(default)]
    pub assumptions: Assumptions,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    /// Named plans to compare; the first is the baseline the others are measured against.
    #[serde(default)]
    pub variants: Vec<Variant>,
}

/// A plan to compare: which campaigns are switched on, and assumptions that differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub name: String,
    /// Names of the campaigns switched on in this plan; every other campaign is off.
    #[serde(default)]
    pub campaigns: Vec<String>,
    /// Replaces the scenario's lapse rates (regions' own rates still win).
    #[serde(default)]
    pub lapse_pct_per_month: Option<SegmentMap>,
    #[serde(default)]
    pub workforce_growth_pct_per_year: Option<f64>,
}

/// Rates nobody publishes: the planner sets them and the program shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Share of a segment's pool that stops paying each month, in percent.
    #[serde(default)]
    pub lapse_pct_per_month: SegmentMap,
    #[serde(default)]
    pub workforce_growth_pct_per_year: f64,
}

impl Assumptions {
    /// The starting point of a new scenario: lapse rates of the sample (assumptions, not
    /// published figures) and 1 % workforce growth a year.
    #[must_use]
    pub fn usual() -> Self {
        Self {
            lapse_pct_per_month: [
                (Segment::PU, 0.5),
                (Segment::BPU, 4.0),
                (Segment::Jakon, 8.0),
                (Segment::PMI, 2.0),
            ]
            .into_iter()
            .collect(),
            workforce_growth_pct_per_year: 1.0,
        }
    }
}

/// A province, regency or city with its workforce and active participants at `as_of`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Kemendagri code, such as "16.06"; campaigns refer to regions by it.
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub province: String,
    /// The month the active figures are from; the projection starts here.
    pub as_of: MonthField,
    /// Workforce potential (the coverage denominator) at `as_of`.
    pub workforce: f64,
    /// Where the workforce figure comes from (BPS, Kemendagri, an estimate).
    #[serde(default)]
    pub workforce_source: String,
    #[serde(default)]
    pub active: SegmentMap,
    /// Enrollment that happens without any campaign, people per month.
    #[serde(default)]
    pub new_per_month: SegmentMap,
    /// Overrides of the scenario's lapse rates for this region.
    #[serde(default)]
    pub lapse_pct_per_month: SegmentMap,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Reported active participants, to compare with the projection.
    #[serde(default)]
    pub actuals: Vec<Actual>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub month: MonthField,
    pub pct: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub month: MonthField,
    pub active: f64,
}

/// An enrollment drive: `people` join a region's segment from `start`, paid by `payer`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub name: String,
    /// The code of the region it enrolls in.
    pub region: String,
    pub segment: Segment,
    pub payer: Payer,
    pub start: MonthField,
    pub people: f64,
    #[serde(default)]
    pub ramp: Ramp,
    #[serde(default = "one")]
    pub ramp_months: u32,
    /// Months each member stays funded after enrolling; `None` = funded to the end.
    #[serde(default)]
    pub funded_months: Option<u32>,
    /// Percent of members who keep paying on their own when their funding ends.
    #[serde(default)]
    pub retention_pct: f64,
    #[serde(default = "default_contribution")]
    pub contribution_rp: f64,
    /// Cost per person enrolled, paid once (registration drives, cards).
    #[serde(default)]
    pub one_off_rp: f64,
    /// A campaign switched off stays in the file but does not count.
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

fn default_contribution() -> f64 {
    DEFAULT_CONTRIBUTION_RP
}

impl Scenario {
    /// The region with this code (the first one, if codes repeat).
    #[must_use]
    pub fn region_index(&self, code: &str) -> Option<usize> {
        self.regions.iter().position(|r| r.code == code)
    }
}

impl Campaign {
    /// A campaign with the file format's defaults for everything but what must be chosen.
    #[must_use]
    pub fn new(
        name: &str,
        region: &str,
        segment: Segment,
        payer: Payer,
        start: MonthField,
        people: f64,
    ) -> Self {
        Self {
            name: name.to_owned(),
            region: region.to_owned(),
            segment,
            payer,
            start,
            people,
            ramp: Ramp::Immediate,
            ramp_months: 1,
            funded_months: None,
            retention_pct: 0.0,
            contribution_rp: DEFAULT_CONTRIBUTION_RP,
            one_off_rp: 0.0,
            enabled: true,
        }
    }
}
