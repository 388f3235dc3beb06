//! Targets: where the projection stands against each one, and goal seek on the same engine.

use crate::model::{Campaign, Month, MonthField, Payer, Ramp, Report, Scenario, Segment};

use super::projection::{Overrides, RegionProjection, project_region};

/// When a target's level is reached, judged at the target's month: a level touched earlier
/// and lost again before that month is not "reached" there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reached {
    /// At or above the level from `month` through the target's month (or the end of the
    /// projection); `below_again` is the first later month below it.
    At {
        month: Month,
        below_again: Option<Month>,
    },
    /// Short at the target's month: the level was touched in `month` and lost from
    /// `below_again`, before the target's month.
    Lost {
        month: Month,
        below_again: Month,
    },
    /// Short at the target's month, reached only later.
    After(Month),
    NotByEnd,
    /// The target is dated before the region's figures (a warning): it is not judged.
    BeforeStart,
}

impl Reached {
    /// Judges the level `pct` at series index `kt` (the target's month, clamped to the
    /// series).
    #[must_use]
    pub fn judge(series: &super::Series, kt: usize, pct: f64) -> Self {
        if kt >= series.len() {
            return Self::NotByEnd;
        }
        let c = |k: usize| series.coverage_pct(k);
        let at = c(kt);
        let below_from = |k: usize| {
            (k..series.len())
                .find(|&j| c(j) < pct)
                .map(|j| series.month(j))
        };
        if at >= pct {
            let mut since = kt;
            while since > 0 && c(since - 1) >= pct {
                since -= 1;
            }
            return Self::At {
                month: series.month(since),
                below_again: below_from(kt + 1),
            };
        }
        if let Some(touch) = (0..kt).find(|&k| c(k) >= pct) {
            return Self::Lost {
                month: series.month(touch),
                below_again: below_from(touch + 1).unwrap_or(series.month(kt)),
            };
        }
        (kt + 1..series.len())
            .find(|&k| c(k) >= pct)
            .map_or(Self::NotByEnd, |k| Self::After(series.month(k)))
    }
}

/// A target against the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetOutcome {
    pub month: Month,
    pub pct: f64,
    /// Projected coverage at the target's month, when the projection covers it.
    pub projected_pct: Option<f64>,
    /// People short at the target's month (negative = above target): the net gap.
    pub gap: Option<f64>,
    /// When the level is reached, judged at the target's month.
    pub reached: Reached,
}

impl TargetOutcome {
    /// Met when the projected coverage at its month is at or above the level.
    #[must_use]
    pub fn met(&self) -> bool {
        self.projected_pct.is_some_and(|p| p >= self.pct)
    }
}

/// Each of the region's targets against its projection, earliest first.
#[must_use]
pub fn analyse_targets(projection: &RegionProjection) -> Vec<TargetOutcome> {
    let series = &projection.series;
    projection
        .targets
        .iter()
        .map(|&(month, pct)| {
            let at = series.index_of(month);
            // A target after the end is judged at the end; one before `as_of` not at all.
            let reached = if month < series.first {
                Reached::BeforeStart
            } else {
                Reached::judge(series, at.unwrap_or(series.len().saturating_sub(1)), pct)
            };
            TargetOutcome {
                month,
                pct,
                projected_pct: at.map(|k| series.coverage_pct(k)),
                gap: at.map(|k| pct / 100.0 * series.workforce[k] - series.active[k]),
                reached,
            }
        })
        .collect()
}

/// The answer of a goal seek.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seek {
    /// The target is met without a new campaign.
    AlreadyMet,
    /// The fewest whole people the campaign must enroll.
    People(u64),
    /// No number of people reaches it with this campaign (it starts too late, its members
    /// have lapsed by then, or the target is outside the projection).
    Unreachable,
}

/// Above this many people a campaign is not a plan (ten times Indonesia's workforce).
const MAX_PEOPLE: f64 = 2.0e9;

/// A gap as the whole people it stands for: a positive gap (people short) rounded up, since
/// 0.4 of a person short is still one person to enroll, as goal seek counts them; a gap of 0
/// or below (at or above the target) as it is. A hair above a whole number (the last bits of
/// a sum) is that number.
#[must_use]
pub fn whole_people_short(gap: f64) -> f64 {
    if gap > 0.0 { (gap - 1e-6).ceil() } else { gap }
}

/// The people `plan` must enroll in region `index` for coverage at `month` to reach `pct`,
/// found by bisection on the projection itself. `plan.people` is ignored.
#[must_use]
pub fn people_needed(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    index: usize,
    month: Month,
    pct: f64,
    plan: &Campaign,
) -> Seek {
    let mut campaign = plan.clone();
    let reaches = |people: f64| {
        campaign.people = people;
        project_region(scenario, report, overrides, index, Some(&campaign)).and_then(|p| {
            let k = p.series.index_of(month)?;
            Some(p.series.coverage_pct(k) >= pct)
        })
    };
    fewest_people(reaches)
}

/// The fewest whole people for which `reaches` says yes, by doubling then bisection (it must
/// not say no to more people once it said yes): already met with none, unreachable past
/// [`MAX_PEOPLE`] or when the projection cannot say.
pub(super) fn fewest_people(mut reaches: impl FnMut(f64) -> Option<bool>) -> Seek {
    match reaches(0.0) {
        None => return Seek::Unreachable,
        Some(true) => return Seek::AlreadyMet,
        Some(false) => {}
    }
    let mut lo = 0.0_f64; // does not reach
    let mut hi = 1024.0_f64;
    while reaches(hi) != Some(true) {
        lo = hi;
        hi *= 2.0;
        if hi > MAX_PEOPLE {
            return Seek::Unreachable;
        }
    }
    while hi - lo > 1.0 {
        let mid = f64::midpoint(lo, hi).floor();
        if reaches(mid) == Some(true) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1 <= hi <= MAX_PEOPLE
    Seek::People(hi as u64)
}

/// The campaign goal seek assumes unless the user picks another: informal (BPU) workers who
/// pay for themselves, enrolled evenly from the month after `as_of` to the target's month, so
/// that the answer counts the gross enrollments needed once lapses are counted.
#[must_use]
pub fn gross_seek_plan(region_code: &str, as_of: Month, target_month: Month) -> Campaign {
    let start = as_of.plus(1);
    let months = u32::try_from(target_month.since(start) + 1)
        .unwrap_or(1)
        .max(1);
    let mut plan = Campaign::new(
        "Goal seek",
        region_code,
        Segment::BPU,
        Payer::SelfPaid,
        MonthField::Valid(start),
        0.0,
    );
    plan.ramp = Ramp::Linear;
    plan.ramp_months = months;
    plan
}
