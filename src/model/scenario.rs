//! The scenario document: what a planner edits and what the `.ron` file holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kinds::{Payer, Ramp, Segment};
use super::month::MonthField;

/// The file format this program writes; it reads this one and every earlier one.
/// Format 2 added `variants`; format 3 added a region's `fitted` rates and an actual's
/// `by_segment` split; format 4 a `note` on regions, targets, actuals and campaigns; format 5
/// the assumptions' `uncertainty`, a campaign's `uptake_pct` and the deck's `slides`. An older file reads as the
/// current format with those left empty.
pub const FORMAT: u32 = 5;

/// The usual BPU package (JKK + JKM on the minimum declared income), Rp per person per month.
pub const DEFAULT_CONTRIBUTION_RP: f64 = 16_800.0;

/// People (or percentages) per segment; a segment left out counts as 0, except in a region's
/// lapse overrides where a segment left out takes the scenario's rate.
pub type SegmentMap = BTreeMap<Segment, f64>;

/// Reads a segment map and refuses a segment written twice, which a plain map would settle
/// silently by keeping the last value. The file's position comes with the error.
mod unique {
    use std::fmt;

    use serde::de::{Deserializer, Error, MapAccess, Visitor};

    use super::{Segment, SegmentMap};

    struct Unique;

    impl<'de> Visitor<'de> for Unique {
        type Value = SegmentMap;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of segments, such as {PU: 100, BPU: 50}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SegmentMap, A::Error> {
            let mut out = SegmentMap::new();
            while let Some((segment, value)) = map.next_entry::<Segment, f64>()? {
                if out.insert(segment, value).is_some() {
                    return Err(A::Error::custom(format!(
                        "the segment {} is written twice in this map; keep one",
                        segment.code()
                    )));
                }
            }
            Ok(out)
        }
    }

    pub fn segments<'de, D: Deserializer<'de>>(d: D) -> Result<SegmentMap, D::Error> {
        d.deserialize_map(Unique)
    }

    /// The same inside `Some(...)` (or written without it).
    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SegmentMap>, D::Error> {
        struct Wrapped(SegmentMap);
        impl<'de> serde::Deserialize<'de> for Wrapped {
            fn deserialize<D2: Deserializer<'de>>(d: D2) -> Result<Self, D2::Error> {
                segments(d).map(Wrapped)
            }
        }
        <Option<Wrapped> as serde::Deserialize>::deserialize(d).map(|o| o.map(|w| w.0))
    }
}

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
    /// The slides of the presentation, in order; empty = the usual deck
    /// ([`SlideChoice::usual`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slides: Vec<SlideChoice>,
}

/// A slide, or a kind of slides, of the presentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlideChoice {
    Title,
    Assumptions,
    /// Every region against its target, as many pages as it takes.
    Overview,
    /// The provinces coloured by coverage against target.
    Map,
    /// One slide per projected region, in the scenario's order.
    Regions,
    /// One region's slide, by its code.
    Region(String),
    Budget,
    /// The plan variants compared (left out when there are none).
    Compare,
}

impl SlideChoice {
    /// The deck when the file does not choose one: every kind, in the usual order.
    #[must_use]
    pub fn usual() -> Vec<Self> {
        Self::KINDS.to_vec()
    }

    /// The kinds a deck is made of, in the usual order (a single region is chosen in the
    /// file).
    pub const KINDS: [Self; 7] = [
        Self::Title,
        Self::Assumptions,
        Self::Overview,
        Self::Map,
        Self::Regions,
        Self::Budget,
        Self::Compare,
    ];
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
    #[serde(default, deserialize_with = "unique::optional")]
    pub lapse_pct_per_month: Option<SegmentMap>,
    #[serde(default)]
    pub workforce_growth_pct_per_year: Option<f64>,
}

/// Rates nobody publishes: the planner sets them and the program shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Share of a segment's pool that stops paying each month, in percent.
    #[serde(default, deserialize_with = "unique::segments")]
    pub lapse_pct_per_month: SegmentMap,
    #[serde(default)]
    pub workforce_growth_pct_per_year: f64,
    /// How unsure the rates and campaigns are: `None` = no bands, the projection alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
}

/// A triangular range `(low, mode, high)` in percent.
pub type Triangle = (f64, f64, f64);

/// The ranges of the Monte Carlo runs: every field may be left out of the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Number of runs.
    #[serde(default = "default_runs")]
    pub runs: u32,
    /// The seed of the generator: the same seed gives the same bands on any machine.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Each segment's lapse rate is multiplied by `Tri(1 - a/100, 1, 1 + a/100)` per run.
    #[serde(default, deserialize_with = "unique::segments")]
    pub lapse_spread_pct: SegmentMap,
    /// Each segment's enrollment without campaigns, the same way.
    #[serde(default, deserialize_with = "unique::segments")]
    pub new_per_month_spread_pct: SegmentMap,
    /// The workforce growth rate, the same way.
    #[serde(default)]
    pub workforce_growth_spread_pct: f64,
    /// Share of a campaign's planned people who enroll, percent, unless it has its own.
    #[serde(default = "full_uptake")]
    pub uptake_pct: Triangle,
}

/// Runs when the file does not say.
pub const DEFAULT_RUNS: u32 = 1_000;

fn default_runs() -> u32 {
    DEFAULT_RUNS
}

fn default_seed() -> u64 {
    1
}

/// Every campaign enrolls the people it plans.
#[must_use]
pub fn full_uptake() -> Triangle {
    (100.0, 100.0, 100.0)
}

impl Default for Uncertainty {
    fn default() -> Self {
        Self {
            runs: DEFAULT_RUNS,
            seed: default_seed(),
            lapse_spread_pct: SegmentMap::new(),
            new_per_month_spread_pct: SegmentMap::new(),
            workforce_growth_spread_pct: 0.0,
            uptake_pct: full_uptake(),
        }
    }
}

impl Uncertainty {
    /// True when no input is uncertain: every run is the projection.
    #[must_use]
    pub fn is_certain(&self, campaigns: &[Campaign]) -> bool {
        let flat = |(l, m, h): Triangle| l == m && m == h && m == 100.0;
        self.lapse_spread_pct.values().all(|&v| v == 0.0)
            && self.new_per_month_spread_pct.values().all(|&v| v == 0.0)
            && self.workforce_growth_spread_pct == 0.0
            && campaigns
                .iter()
                .all(|c| flat(c.uptake_pct.unwrap_or(self.uptake_pct)))
    }
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
            uncertainty: None,
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
    #[serde(default, deserialize_with = "unique::segments")]
    pub active: SegmentMap,
    /// Enrollment that happens without any campaign, people per month.
    #[serde(default, deserialize_with = "unique::segments")]
    pub new_per_month: SegmentMap,
    /// Overrides of the scenario's lapse rates for this region.
    #[serde(default, deserialize_with = "unique::segments")]
    pub lapse_pct_per_month: SegmentMap,
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Reported active participants, to compare with the projection.
    #[serde(default)]
    pub actuals: Vec<Actual>,
    /// Which of the region's own rates were fitted to its reported figures, and to which
    /// months; a rate not listed here was entered by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fitted: Vec<Fitted>,
    /// Where the figures come from, in the planner's words ("reported", "ASSUMPTION: ...");
    /// kept by every save, unlike comments in a hand-written file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One of a region's baseline rates: what calibration can fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rate {
    /// New enrollment per month without campaigns, people.
    NewPerMonth(Segment),
    /// Share of the segment's pool that stops paying each month, percent.
    Lapse(Segment),
}

impl Rate {
    #[must_use]
    pub fn segment(self) -> Segment {
        match self {
            Self::NewPerMonth(s) | Self::Lapse(s) => s,
        }
    }
}

/// A rate that calibration set, and the reported months it was fitted to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fitted {
    pub rate: Rate,
    pub months: Vec<MonthField>,
}

/// Where the value of a region's rate comes from, as the window and reports label it.
#[derive(Clone, Debug, PartialEq)]
pub enum RateSource {
    /// The scenario's assumption (lapse only: the region has no rate of its own).
    Assumed,
    /// The region's own value, entered by hand.
    Own,
    /// Set by calibration to these reported months.
    Fitted(Vec<MonthField>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub month: MonthField,
    pub pct: f64,
    /// Where the figures come from, in the planner's words ("reported", "ASSUMPTION: ...");
    /// kept by every save, unlike comments in a hand-written file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    pub month: MonthField,
    pub active: f64,
    /// The reported figure by segment, when BPJS gave the split (PU/BPU); calibration
    /// then fits each segment on its own figure.
    #[serde(
        default,
        skip_serializing_if = "SegmentMap::is_empty",
        deserialize_with = "unique::segments"
    )]
    pub by_segment: SegmentMap,
    /// Where the figures come from, in the planner's words ("reported", "ASSUMPTION: ...");
    /// kept by every save, unlike comments in a hand-written file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
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
    /// Share of `people` who enroll, `(low, mode, high)` percent, for the uncertainty runs;
    /// `None` = the scenario's range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uptake_pct: Option<Triangle>,
    /// Where the figures come from, in the planner's words ("reported", "ASSUMPTION: ...");
    /// kept by every save, unlike comments in a hand-written file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
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

impl Region {
    /// The value of one of the region's baseline rates, the scenario's lapse when it has
    /// none of its own.
    #[must_use]
    pub fn rate(&self, rate: Rate, assumptions: &Assumptions) -> f64 {
        match rate {
            Rate::NewPerMonth(s) => segment_value(&self.new_per_month, s),
            Rate::Lapse(s) => self
                .lapse_pct_per_month
                .get(&s)
                .copied()
                .unwrap_or_else(|| segment_value(&assumptions.lapse_pct_per_month, s)),
        }
    }

    /// Sets a rate as the region's own; `fitted` says to which months it was fitted. An
    /// empty list is a value typed by hand: it drops every fitted mark of the region, since
    /// each fitted rate was fitted with the others held at their values.
    pub fn set_rate(&mut self, rate: Rate, value: f64, fitted: &[MonthField]) {
        match rate {
            Rate::NewPerMonth(s) => self.new_per_month.insert(s, value),
            Rate::Lapse(s) => self.lapse_pct_per_month.insert(s, value),
        };
        self.fitted.retain(|f| f.rate != rate && !fitted.is_empty());
        if !fitted.is_empty() {
            self.fitted.push(Fitted {
                rate,
                months: fitted.to_vec(),
            });
            self.fitted.sort_by_key(|f| f.rate);
        }
    }

    /// Removes the region's own lapse rate, so the scenario's applies again; like a value typed
    /// by hand, it drops the region's fitted marks.
    pub fn clear_lapse(&mut self, segment: Segment) {
        self.lapse_pct_per_month.remove(&segment);
        self.fitted.clear();
    }

    /// Where a rate's value comes from.
    #[must_use]
    pub fn rate_source(&self, rate: Rate) -> RateSource {
        if let Some(f) = self.fitted.iter().find(|f| f.rate == rate) {
            return RateSource::Fitted(f.months.clone());
        }
        match rate {
            Rate::Lapse(s) if !self.lapse_pct_per_month.contains_key(&s) => RateSource::Assumed,
            _ => RateSource::Own,
        }
    }

    /// Active participants at `as_of`, all segments.
    #[must_use]
    pub fn active_total(&self) -> f64 {
        Segment::ALL
            .iter()
            .map(|&s| segment_value(&self.active, s))
            .sum()
    }
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
            note: String::new(),
            one_off_rp: 0.0,
            enabled: true,
            uptake_pct: None,
        }
    }
}
