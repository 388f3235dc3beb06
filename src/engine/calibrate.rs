//! Calibration: fit a region's baseline rates (enrollment per month, lapse) so that its
//! projection, campaigns included, passes as close as it can to the reported figures.
//!
//! Least squares on people: coverage is people over the workforce, so an error in people is
//! an error in coverage points, whatever the size of the region's pool; a relative error
//! would let a small segment of a reported split weigh as much as the whole total. The fit
//! runs the one engine ([`project_region_as`]) for every trial, so there is no second formula.

use crate::model::{Month, MonthField, Rate, Region, Report, Scenario, Segment, segment_value};

use super::projection::{Overrides, RegionProjection, project_region_as};

/// Two columns closer than this (the sine of the angle between them) cannot be told apart
/// by the reported figures: a change of one is undone by a change of the other.
const SEPARABLE: f64 = 0.05;
/// Gauss-Newton steps at most; a fit of enrollment alone is linear and ends after one.
const MAX_STEPS: usize = 60;

/// One reported figure against the projection before and after the fit.
#[derive(Clone, Debug, PartialEq)]
pub struct FitPoint {
    pub month: Month,
    /// `None` for the total of active participants, else the segment of a reported split.
    pub segment: Option<Segment>,
    pub reported: f64,
    pub before: f64,
    pub after: f64,
}

impl FitPoint {
    /// Projected minus reported, people.
    #[must_use]
    pub fn error(&self) -> f64 {
        self.after - self.reported
    }

    /// The error as a percentage of the reported figure (0 when nothing was reported).
    #[must_use]
    pub fn error_pct(&self) -> f64 {
        relative(self.after, self.reported)
    }

    #[must_use]
    pub fn error_pct_before(&self) -> f64 {
        relative(self.before, self.reported)
    }
}

/// The projection's distance from a reported figure, percent of the figure.
#[must_use]
pub fn relative(projected: f64, reported: f64) -> f64 {
    if reported > 0.0 {
        100.0 * (projected - reported) / reported
    } else {
        0.0
    }
}

/// A rate the fit set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FittedRate {
    pub rate: Rate,
    pub before: f64,
    pub after: f64,
    /// The fit wanted to go past the rate's limit (below 0 people, outside 0-100 %).
    pub at_limit: bool,
}

/// A rate asked for that the reported figures cannot tell apart from one being fitted: it
/// is held at its value and only `with` is fitted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Confounded {
    pub held: Rate,
    pub value: f64,
    pub with: Rate,
}

/// The result of calibrating one region; nothing is changed until it is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    pub region: usize,
    pub fitted: Vec<FittedRate>,
    /// Rates asked for (or, by default, tried) that the figures cannot separate.
    pub confounded: Vec<Confounded>,
    /// The planner chose the rates to fit (else the default choice was used).
    pub chosen_by_planner: bool,
    /// Rates asked for that do not change any reported figure (a segment with nobody in it).
    pub no_effect: Vec<Rate>,
    /// Lapse rates of the fitted segments that were held, with their values.
    pub held: Vec<(Rate, f64)>,
    pub points: Vec<FitPoint>,
    /// The reported months used, as they are written in the file.
    pub months: Vec<MonthField>,
    /// The projection before and after, for drawing both.
    pub before: RegionProjection,
    pub after: RegionProjection,
}

impl Calibration {
    /// The largest remaining error, percent of the reported figure.
    #[must_use]
    pub fn worst_error_pct(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.error_pct().abs())
            .fold(0.0, f64::max)
    }

    /// The region with the fitted values set and marked as fitted to the reported months.
    #[must_use]
    pub fn apply_to(&self, region: &Region) -> Region {
        let mut out = region.clone();
        for f in &self.fitted {
            out.set_rate(f.rate, f.after, &self.months);
        }
        out
    }

    /// Whether applying it would change any rate (a region fitted before fits to the same).
    #[must_use]
    pub fn changes_something(&self) -> bool {
        self.fitted.iter().any(|f| f.after != f.before)
    }

    /// Within the 2 % the projection may differ from a report before it is flagged.
    #[must_use]
    pub fn is_good(&self) -> bool {
        self.worst_error_pct() <= super::DEVIATION_PCT
    }
}

/// Why a region cannot be calibrated.
#[derive(Clone, Debug, PartialEq)]
pub enum CalibrationError {
    /// Validation stops the region's projection.
    NotProjected,
    /// No reported figure falls after `as_of` and within the projection.
    NoReportedFigures,
    /// None of the chosen rates changes a reported figure.
    NothingToFit,
    /// The planner chose no rate to fit.
    NothingChosen,
}

/// The rates calibration may fit for a region, in the order it prefers them: enrollment per
/// month before lapse (reports say who joined; nobody publishes lapse), and the larger
/// segments first. Only segments with members, enrollment or a reported split count.
#[must_use]
pub fn candidate_rates(region: &Region) -> Vec<Rate> {
    let used = |s: Segment| {
        segment_value(&region.active, s) > 0.0
            || segment_value(&region.new_per_month, s) > 0.0
            || region.actuals.iter().any(|a| a.by_segment.contains_key(&s))
    };
    preference_order(region)
        .into_iter()
        .filter(|r| used(r.segment()))
        .collect()
}

/// Every rate, enrollment before lapse and the larger segments first.
fn preference_order(region: &Region) -> Vec<Rate> {
    let mut segments = Segment::ALL;
    segments.sort_by(|a, b| {
        segment_value(&region.active, *b).total_cmp(&segment_value(&region.active, *a))
    });
    let mut rates: Vec<Rate> = segments.iter().map(|&s| Rate::NewPerMonth(s)).collect();
    rates.extend(segments.iter().map(|&s| Rate::Lapse(s)));
    rates
}

/// The lapse rate the engine uses for `segment` in this region under `overrides`.
fn lapse_in_use(scenario: &Scenario, overrides: &Overrides, region: &Region, s: Segment) -> f64 {
    let map = overrides
        .lapse_pct_per_month
        .unwrap_or(&scenario.assumptions.lapse_pct_per_month);
    region
        .lapse_pct_per_month
        .get(&s)
        .copied()
        .unwrap_or_else(|| segment_value(map, s))
}

fn rate_in_use(scenario: &Scenario, overrides: &Overrides, region: &Region, rate: Rate) -> f64 {
    match rate {
        Rate::NewPerMonth(s) => segment_value(&region.new_per_month, s),
        Rate::Lapse(s) => lapse_in_use(scenario, overrides, region, s),
    }
}

fn limits(rate: Rate) -> (f64, f64) {
    match rate {
        Rate::NewPerMonth(_) => (0.0, 1e12),
        Rate::Lapse(_) => (0.0, 100.0),
    }
}

/// A reported figure the fit aims at: series index, segment (or total), value.
struct Observation {
    k: usize,
    segment: Option<Segment>,
    reported: f64,
}

fn observed(p: &RegionProjection, o: &Observation) -> f64 {
    match o.segment {
        Some(s) => p.series.by_segment[o.k][s.index()],
        None => p.series.active[o.k],
    }
}

/// Fits region `index`'s `rates` (by default [`candidate_rates`], as many as the reported
/// figures can determine) to its reported figures.
///
/// # Errors
/// See [`CalibrationError`].
pub fn calibrate(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    index: usize,
    rates: Option<&[Rate]>,
) -> Result<Calibration, CalibrationError> {
    let region = scenario
        .regions
        .get(index)
        .ok_or(CalibrationError::NotProjected)?;
    let project = |r: &Region| project_region_as(scenario, report, overrides, index, r, None);
    let before = project(region).ok_or(CalibrationError::NotProjected)?;

    let mut observations = Vec::new();
    let mut months = Vec::new();
    for actual in &region.actuals {
        let Some(month) = actual.month.month() else {
            continue;
        };
        let usable = actual.active.is_finite()
            && actual.active >= 0.0
            && actual
                .by_segment
                .values()
                .all(|v| v.is_finite() && *v >= 0.0);
        let Some(k) = before.series.index_of(month).filter(|&k| k > 0 && usable) else {
            continue;
        };
        if actual.by_segment.is_empty() {
            observations.push(Observation {
                k,
                segment: None,
                reported: actual.active,
            });
        } else {
            for (&segment, &reported) in &actual.by_segment {
                observations.push(Observation {
                    k,
                    segment: Some(segment),
                    reported,
                });
            }
        }
        months.push(actual.month.clone());
    }
    if observations.is_empty() {
        return Err(CalibrationError::NoReportedFigures);
    }

    // A chosen set is taken in the order of preference too, so which of two inseparable rates
    // is fitted does not depend on the order they were ticked in.
    let preference = preference_order(region);
    let asked: Vec<Rate> = match rates {
        None => candidate_rates(region),
        Some([]) => return Err(CalibrationError::NothingChosen),
        Some(chosen) => preference
            .iter()
            .copied()
            .filter(|r| chosen.contains(r))
            .collect(),
    };
    let start: Vec<f64> = asked
        .iter()
        .map(|&r| rate_in_use(scenario, overrides, region, r))
        .collect();
    let trial = |rates: &[Rate], values: &[f64]| {
        let mut r = region.clone();
        for (&rate, &v) in rates.iter().zip(values) {
            r.set_rate(rate, v, &[]);
        }
        project(&r)
    };
    // Which asked rates the figures can determine: greedy over the sensitivity columns.
    let columns = jacobian(&asked, &start, &observations, &before, &trial);
    let mut chosen: Vec<usize> = Vec::new();
    let mut basis: Vec<Vec<f64>> = Vec::new();
    let mut confounded = Vec::new();
    let mut no_effect = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let norm = dot(column, column).sqrt();
        if norm < 1e-9 {
            no_effect.push(asked[i]);
            continue;
        }
        let unit: Vec<f64> = column.iter().map(|v| v / norm).collect();
        let mut rest = unit.clone();
        for b in &basis {
            let d = dot(&rest, b);
            rest.iter_mut().zip(b).for_each(|(r, b)| *r -= d * b);
        }
        let left = dot(&rest, &rest).sqrt();
        if left < SEPARABLE {
            // Name the fitted rate it overlaps most.
            let with = chosen
                .iter()
                .max_by(|&&a, &&b| {
                    overlap(&columns[a], &unit).total_cmp(&overlap(&columns[b], &unit))
                })
                .map_or(asked[i], |&j| asked[j]);
            confounded.push(Confounded {
                held: asked[i],
                value: start[i],
                with,
            });
            continue;
        }
        basis.push(rest.iter().map(|v| v / left).collect());
        chosen.push(i);
    }
    if chosen.is_empty() {
        return Err(CalibrationError::NothingToFit);
    }
    let fit_rates: Vec<Rate> = chosen.iter().map(|&i| asked[i]).collect();
    let mut values: Vec<f64> = chosen.iter().map(|&i| start[i]).collect();
    let mut current = before.clone();
    let mut cost = sum_squares(&current, &observations);
    for _ in 0..MAX_STEPS {
        let j = jacobian(&fit_rates, &values, &observations, &current, &trial);
        let residual: Vec<f64> = observations
            .iter()
            .map(|o| o.reported - observed(&current, o))
            .collect();
        let Some(step) = gauss_newton_step(&j, &residual) else {
            break;
        };
        // Halve the step until the fit improves (lapse is not linear).
        let mut scale = 1.0;
        let mut improved = None;
        for _ in 0..30 {
            let next: Vec<f64> = values
                .iter()
                .zip(&step)
                .zip(&fit_rates)
                .map(|((v, d), &rate)| {
                    let (lo, hi) = limits(rate);
                    (v + scale * d).clamp(lo, hi)
                })
                .collect();
            if let Some(p) = trial(&fit_rates, &next) {
                let c = sum_squares(&p, &observations);
                if c < cost {
                    improved = Some((next, p, c));
                    break;
                }
            }
            scale /= 2.0;
        }
        let Some((next, p, c)) = improved else {
            break;
        };
        let done = (cost - c) <= 1e-12 * cost.max(1.0);
        values = next;
        current = p;
        cost = c;
        if done {
            break;
        }
    }
    let fitted = fit_rates
        .iter()
        .enumerate()
        .map(|(n, &rate)| FittedRate {
            rate,
            before: start[chosen[n]],
            after: round_rate(rate, values[n]),
            at_limit: {
                let (lo, hi) = limits(rate);
                values[n] <= lo || values[n] >= hi
            },
        })
        .collect::<Vec<_>>();
    // Rounded values are what the file keeps: project them once more.
    let rounded: Vec<f64> = fitted.iter().map(|f| f.after).collect();
    let after = trial(&fit_rates, &rounded).unwrap_or(current);
    let held = fit_rates
        .iter()
        .filter_map(|r| match r {
            Rate::NewPerMonth(s) if !fit_rates.contains(&Rate::Lapse(*s)) => Some(Rate::Lapse(*s)),
            _ => None,
        })
        .map(|r| (r, rate_in_use(scenario, overrides, region, r)))
        .collect();
    let points = observations
        .iter()
        .map(|o| FitPoint {
            month: before.series.month(o.k),
            segment: o.segment,
            reported: o.reported,
            before: observed(&before, o),
            after: observed(&after, o),
        })
        .collect();
    Ok(Calibration {
        region: index,
        fitted,
        confounded,
        chosen_by_planner: rates.is_some(),
        no_effect,
        held,
        points,
        months,
        before,
        after,
    })
}

/// Whole people per month, lapse to a hundredth of a percent: what a planner would write.
fn round_rate(rate: Rate, value: f64) -> f64 {
    match rate {
        Rate::NewPerMonth(_) => value.round(),
        Rate::Lapse(_) => (value * 1e4).round() / 1e4,
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn overlap(column: &[f64], unit: &[f64]) -> f64 {
    let norm = dot(column, column).sqrt();
    if norm > 0.0 {
        (dot(column, unit) / norm).abs()
    } else {
        0.0
    }
}

fn sum_squares(p: &RegionProjection, observations: &[Observation]) -> f64 {
    observations
        .iter()
        .map(|o| (observed(p, o) - o.reported).powi(2))
        .sum()
}

/// Projects the region with some of its rates set to trial values.
type Trial<'a> = dyn Fn(&[Rate], &[f64]) -> Option<RegionProjection> + 'a;

/// Sensitivity of every observation to every rate, by a forward difference on the engine.
fn jacobian(
    rates: &[Rate],
    values: &[f64],
    observations: &[Observation],
    at: &RegionProjection,
    trial: &Trial<'_>,
) -> Vec<Vec<f64>> {
    rates
        .iter()
        .enumerate()
        .map(|(i, &rate)| {
            let h = match rate {
                Rate::NewPerMonth(_) => values[i].abs().mul_add(1e-3, 1.0),
                Rate::Lapse(_) => 1e-3,
            };
            let mut moved = values.to_vec();
            // Step away from a limit, not across it.
            moved[i] = if values[i] + h > limits(rate).1 {
                values[i] - h
            } else {
                values[i] + h
            };
            let d = moved[i] - values[i];
            let Some(p) = trial(rates, &moved) else {
                return vec![0.0; observations.len()];
            };
            observations
                .iter()
                .map(|o| (observed(&p, o) - observed(at, o)) / d)
                .collect()
        })
        .collect()
}

/// The least-squares step `(JᵀJ) x = Jᵀr` for columns `j` (one per rate).
fn gauss_newton_step(columns: &[Vec<f64>], residual: &[f64]) -> Option<Vec<f64>> {
    let n = columns.len();
    // The normal equations as an augmented matrix, one row per rate.
    let mut m: Vec<Vec<f64>> = (0..n)
        .map(|r| {
            let mut row: Vec<f64> = (0..n).map(|c| dot(&columns[r], &columns[c])).collect();
            row.push(dot(&columns[r], residual));
            row
        })
        .collect();
    // Gaussian elimination with partial pivoting; n is at most 8.
    for col in 0..n {
        let pivot = (col..n).max_by(|&p, &q| m[p][col].abs().total_cmp(&m[q][col].abs()))?;
        if m[pivot][col].abs() < 1e-300 {
            return None;
        }
        m.swap(col, pivot);
        for row in col + 1..n {
            let factor = m[row][col] / m[col][col];
            for c in col..=n {
                m[row][c] -= factor * m[col][c];
            }
        }
    }
    let mut step = vec![0.0; n];
    for row in (0..n).rev() {
        let known: f64 = (row + 1..n).map(|c| m[row][c] * step[c]).sum();
        step[row] = (m[row][n] - known) / m[row][row];
    }
    step.iter().all(|v| v.is_finite()).then_some(step)
}

/// What calibrating one region came to, for *Calibrate all regions* and the CLI.
#[derive(Clone, Debug, PartialEq)]
pub enum RegionFit {
    /// The projection now passes within [`super::DEVIATION_PCT`] of every reported figure.
    Fitted(Box<Calibration>),
    /// The best fit still misses a reported figure by more than that.
    Poor(Box<Calibration>),
    Failed(CalibrationError),
    /// No reported figure after `as_of`: nothing to fit, and nothing wrong.
    NothingReported,
}

impl RegionFit {
    /// Calibrates region `index` with the default choice of rates.
    #[must_use]
    pub fn of(scenario: &Scenario, report: &Report, overrides: &Overrides, index: usize) -> Self {
        match calibrate(scenario, report, overrides, index, None) {
            Ok(c) if c.is_good() => Self::Fitted(Box::new(c)),
            Ok(c) => Self::Poor(Box::new(c)),
            Err(CalibrationError::NoReportedFigures) => Self::NothingReported,
            Err(e) => Self::Failed(e),
        }
    }

    /// The calibration to apply, when the fit is good.
    #[must_use]
    pub fn fitted(&self) -> Option<&Calibration> {
        match self {
            Self::Fitted(c) => Some(c),
            _ => None,
        }
    }
}
