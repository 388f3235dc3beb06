//! The monthly projection of every region: segment pools that lapse, campaign members who
//! stay while funded, workforce growth, coverage and public cost.

use super::budget::Budget;
use crate::model::{
    Campaign, Field, Issue, Month, Payer, Problem, Ramp, Region, Report, Scenario, Segment,
    Subject, segment_value, validate,
};

/// Per-segment and per-payer figures for one month.
pub(super) type PerSegment = [f64; Segment::COUNT];
/// Public cost by payer for one month, Rp.
pub type PerPayer = [f64; Payer::COUNT];

/// The ALL total is summed in blocks of this many consecutive regions, then block by block,
/// so that the uncertainty runs, which sum blocks on several threads, give the very same
/// total whatever the number of threads.
pub(super) const REGION_BLOCK: usize = 64;

/// Monthly figures from `first` on; index k is `first + k` months.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub first: Month,
    pub workforce: Vec<f64>,
    pub active: Vec<f64>,
    /// Active participants by segment: pool plus funded campaign members.
    pub by_segment: Vec<PerSegment>,
    /// Public cost, Rp per month, payer by payer (by [`Payer::index`]): empty for a payer
    /// that pays nothing here, which is most payers of a region.
    cost: [Vec<f64>; Payer::COUNT],
}

impl Series {
    /// A series without public cost.
    #[must_use]
    pub fn new(
        first: Month,
        workforce: Vec<f64>,
        active: Vec<f64>,
        by_segment: Vec<PerSegment>,
    ) -> Self {
        Self {
            first,
            workforce,
            active,
            by_segment,
            cost: Default::default(),
        }
    }

    /// Coverage in percent at index `k`: active of workforce.
    ///
    /// # Panics
    /// When the series does not have index `k`, as indexing a slice does.
    #[must_use]
    pub fn coverage_pct(&self, k: usize) -> f64 {
        100.0 * self.active[k] / self.workforce[k]
    }

    /// Coverage in percent, month after month.
    #[must_use]
    pub fn coverages(&self) -> impl DoubleEndedIterator<Item = f64> + ExactSizeIterator + '_ {
        self.active
            .iter()
            .zip(&self.workforce)
            .map(|(a, w)| 100.0 * a / w)
    }

    /// Public cost by payer at index `k`, Rp (0 where the series has no such month).
    #[must_use]
    pub fn cost_by_payer(&self, k: usize) -> PerPayer {
        std::array::from_fn(|p| self.cost[p].get(k).copied().unwrap_or(0.0))
    }

    /// Public cost at index `k`, Rp: the sum of [`Self::cost_by_payer`].
    #[must_use]
    pub fn cost(&self, k: usize) -> f64 {
        self.cost_by_payer(k).iter().sum()
    }

    /// Public cost month after month, Rp.
    #[must_use]
    pub fn costs(&self) -> impl DoubleEndedIterator<Item = f64> + ExactSizeIterator + '_ {
        (0..self.len()).map(|k| self.cost(k))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.active.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.active.is_empty()
    }

    #[must_use]
    pub fn last(&self) -> Month {
        self.month(self.len().saturating_sub(1))
    }

    /// The month at index `k`.
    #[must_use]
    pub fn month(&self, k: usize) -> Month {
        self.first.plus(i32::try_from(k).unwrap_or(i32::MAX))
    }

    /// The index of `month`, when the series covers it.
    #[must_use]
    pub fn index_of(&self, month: Month) -> Option<usize> {
        let k = usize::try_from(month.since(self.first)).ok()?;
        (k < self.len()).then_some(k)
    }

    /// Readies the series' memory for `n` months whose figures are all written afterwards:
    /// workforce and active are emptied, to be extended; the figures by segment and the costs
    /// of the payers in `paying` are `n` long, holding what they held (not zeroed first: only
    /// their new months are); every other payer's cost is emptied.
    fn ready(&mut self, first: Month, n: usize, paying: [bool; Payer::COUNT]) {
        fn empty<T>(v: &mut Vec<T>, n: usize) {
            v.clear();
            v.reserve(n);
        }
        self.first = first;
        empty(&mut self.workforce, n);
        empty(&mut self.active, n);
        self.by_segment.resize(n, [0.0; Segment::COUNT]);
        for (cost, paying) in self.cost.iter_mut().zip(paying) {
            if paying {
                cost.resize(n, 0.0);
            } else {
                cost.clear();
            }
        }
    }

    /// Zeroes the series for `n` months from `first`, keeping its memory.
    fn reset(&mut self, first: Month, n: usize) {
        fn zero<T: Default + Copy>(v: &mut Vec<T>, n: usize) {
            v.clear();
            v.resize(n, T::default());
        }
        self.first = first;
        zero(&mut self.workforce, n);
        zero(&mut self.active, n);
        zero(&mut self.by_segment, n);
        self.cost.iter_mut().for_each(Vec::clear);
    }
}

/// One region's projection and the targets it is measured against.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionProjection {
    /// Position of the region in the scenario.
    pub region: usize,
    pub series: Series,
    /// The region's valid targets, earliest first.
    pub targets: Vec<(Month, f64)>,
}

impl RegionProjection {
    /// The target in force at `month`: the earliest target whose month is at or after it.
    #[must_use]
    pub fn target_at(&self, month: Month) -> Option<f64> {
        self.targets
            .iter()
            .find(|(m, _)| *m >= month)
            .map(|&(_, pct)| pct)
    }

    /// People short of the target in force at index `k` (negative = above target).
    #[must_use]
    pub fn gap_at(&self, k: usize) -> Option<f64> {
        let pct = self.target_at(self.series.month(k))?;
        Some(pct / 100.0 * self.series.workforce[k] - self.series.active[k])
    }
}

/// Everything the program shows about a scenario, computed in one pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    pub report: Report,
    /// One entry per scenario region; `None` where validation stopped it.
    pub regions: Vec<Option<RegionProjection>>,
    /// All projected regions summed over the months every one of them covers.
    pub total: Option<Series>,
    /// Public cost of all projected regions by calendar month, from the earliest `as_of`.
    pub budget: Option<Budget>,
    /// Where the projection's own warnings (reported figures missed) sit in the report's
    /// issues: one stretch, in region order.
    deviations: std::ops::Range<usize>,
}

impl Projection {
    #[must_use]
    pub fn region(&self, index: usize) -> Option<&RegionProjection> {
        self.regions.get(index).and_then(Option::as_ref)
    }

    /// The warnings that region `index`'s projection misses one of its reported figures.
    pub fn deviations_of(&self, index: usize) -> impl Iterator<Item = &Issue> {
        let all = self
            .report
            .issues
            .get(self.deviations.clone())
            .unwrap_or_default();
        let region = |i: &Issue| match i.subject {
            Subject::Region { index, .. } => index,
            _ => usize::MAX,
        };
        // In region order: a binary search, not a pass over every issue per region.
        let from = all.partition_point(|i| region(i) < index);
        all[from..]
            .iter()
            .take_while(move |i| region(i) == index)
            .filter(|i| matches!(i.problem, Problem::ProjectionOff { .. }))
    }

    /// The regions errors keep out of the projection and so out of the ALL total.
    #[must_use]
    pub fn left_out(&self) -> Vec<usize> {
        self.regions
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_none())
            .map(|(i, _)| i)
            .collect()
    }
}

/// What the engine needs beyond the document, so that variants and uncertainty runs can
/// change assumptions without copying the scenario.
#[derive(Clone, Debug, Default)]
pub struct Overrides<'a> {
    /// Lapse rates that replace the scenario's (regions' own overrides still win).
    pub lapse_pct_per_month: Option<&'a crate::model::SegmentMap>,
    pub workforce_growth_pct_per_year: Option<f64>,
    /// Which campaigns count, by position; `None` = each campaign's own `enabled`.
    pub enabled: Option<&'a [bool]>,
}

/// Validates and projects the whole scenario.
#[must_use]
pub fn project(scenario: &Scenario) -> Projection {
    project_with(scenario, validate(scenario), &Overrides::default())
}

/// Projects with an existing validation report and assumption overrides.
#[must_use]
pub fn project_with(scenario: &Scenario, report: Report, overrides: &Overrides) -> Projection {
    project_into(scenario, report, overrides, Projection::default())
}

/// The same, reusing the memory of `previous`, the projection this one replaces: after an
/// edit nothing is allocated again, so nothing is handed back to the system and faulted in
/// again either. One pass: each region's months are added to its block's part of the ALL total
/// and the budget while they are still in the cache, not read again afterwards. Blocks of
/// regions are projected on every core; the totals are the same whatever their number.
#[must_use]
pub fn project_into(
    scenario: &Scenario,
    report: Report,
    overrides: &Overrides,
    previous: Projection,
) -> Projection {
    let Projection {
        regions: old,
        total: old_total,
        budget: old_budget,
        ..
    } = previous;
    let Some(end) = scenario.end.month() else {
        return Projection {
            regions: vec![None; scenario.regions.len()],
            report,
            ..Projection::default()
        };
    };
    let engine = Engine::new(scenario, &report, overrides, end);
    // Each region's campaigns, in scenario order, without a list per region.
    let mut at = vec![0_usize; scenario.regions.len() + 1];
    let counted: Vec<(usize, usize)> = scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|&(index, campaign)| engine.counts(index, campaign))
        .filter_map(|(index, _)| Some((report.campaign_region(index)?, index)))
        .collect();
    for &(region, _) in &counted {
        at[region + 1] += 1;
    }
    for r in 0..scenario.regions.len() {
        at[r + 1] += at[r];
    }
    let mut fill = at.clone();
    let mut order = vec![0_usize; counted.len()];
    for &(region, index) in &counted {
        order[fill[region]] = index;
        fill[region] += 1;
    }
    // The months ALL and the budget cover are known before any region is projected.
    let spans = || {
        scenario
            .regions
            .iter()
            .enumerate()
            .filter(|&(index, _)| report.region_ok(index))
            .map(|(_, region)| engine.span(region).0)
    };
    let frame = spans()
        .max()
        .zip(spans().min())
        .and_then(|(all_first, budget_first)| Frame::new(end, all_first, budget_first));
    // Each region's slot holds the series it last had, so its memory is used again.
    let mut regions = old;
    regions.resize_with(scenario.regions.len(), || None);
    regions.truncate(scenario.regions.len());
    let blocks = regions.len().div_ceil(REGION_BLOCK);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, blocks.max(1));
    let work = Work {
        scenario,
        report: &report,
        engine: &engine,
        order: &order,
        at: &at,
        frame: frame.as_ref(),
    };
    // Consecutive stretches of whole blocks, one per core (the first on this thread): every
    // block is summed on its own and the blocks are added up in order, so the totals do not
    // depend on the threads.
    let mut sums: Vec<BlockSums> = Vec::with_capacity(blocks);
    let mut rest: &mut [Option<RegionProjection>] = &mut regions;
    let mut stretches = Vec::with_capacity(threads);
    for t in 0..threads {
        let (from, to) = (t * blocks / threads, (t + 1) * blocks / threads);
        let len = ((to - from) * REGION_BLOCK).min(rest.len());
        let (mine, later) = rest.split_at_mut(len);
        stretches.push((from, mine));
        rest = later;
    }
    let mut stretches = stretches.into_iter();
    let (first_block, first_slots) = stretches.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let work = &work;
        let others: Vec<_> = stretches
            .map(|(block, slots)| scope.spawn(move || work.blocks(block, slots)))
            .collect();
        sums.extend(work.blocks(first_block, first_slots));
        for other in others {
            // A worker that panicked re-raises it here, as the single thread would.
            sums.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
    });
    let (total, budget) = match frame {
        Some(frame) => {
            let (total, budget) = frame.finish(
                &sums,
                old_total.unwrap_or_default(),
                old_budget.unwrap_or_default(),
            );
            (Some(total), Some(budget))
        }
        None => (None, None),
    };
    let mut report = report;
    let from = report.issues.len();
    report.extend(deviations(scenario, &regions));
    let deviations = from..report.issues.len();
    Projection {
        report,
        regions,
        total,
        budget,
        deviations,
    }
}

/// What every thread projecting regions shares.
struct Work<'a> {
    scenario: &'a Scenario,
    report: &'a Report,
    engine: &'a Engine<'a>,
    /// Campaigns that count, by region: region r's are `order[at[r]..at[r + 1]]`.
    order: &'a [usize],
    at: &'a [usize],
    frame: Option<&'a Frame>,
}

impl Work<'_> {
    /// Projects the regions of `slots`, which start at block `first_block`, into their slots,
    /// and returns each block's sums.
    fn blocks(&self, first_block: usize, slots: &mut [Option<RegionProjection>]) -> Vec<BlockSums> {
        let mut scratch = Scratch::default();
        let mut sums = Vec::with_capacity(slots.len().div_ceil(REGION_BLOCK));
        for (b, block) in slots.chunks_mut(REGION_BLOCK).enumerate() {
            let mut block_sums = self.frame.map(Frame::zeroed);
            for (i, slot) in block.iter_mut().enumerate() {
                let index = (first_block + b) * REGION_BLOCK + i;
                let reused = slot.take();
                let Some(region) = self.scenario.regions.get(index) else {
                    continue;
                };
                if !self.report.region_ok(index) {
                    continue;
                }
                let campaigns = self.order[self.at[index]..self.at[index + 1]]
                    .iter()
                    .map(|&c| &self.scenario.campaigns[c]);
                let p = self
                    .engine
                    .region(index, region, campaigns, &mut scratch, reused);
                if let (Some(frame), Some(block_sums)) = (self.frame, &mut block_sums) {
                    block_sums.add(frame, &p.series);
                }
                *slot = Some(p);
            }
            sums.extend(block_sums);
        }
        sums
    }
}

/// The months the ALL total and the budget cover.
struct Frame {
    all_first: Month,
    n: usize,
    budget_first: Month,
    n_budget: usize,
}

/// One block's part of the ALL total and of the budget (see [`REGION_BLOCK`]).
struct BlockSums {
    workforce: Vec<f64>,
    active: Vec<f64>,
    by_segment: Vec<PerSegment>,
    /// Cost over the ALL total's months, payer by payer: a region adds a payer's cost only
    /// where it has one, a stretch of months at a time.
    cost: [Vec<f64>; Payer::COUNT],
    /// Cost over the budget's months before ALL's first, payer by payer.
    budget: [Vec<f64>; Payer::COUNT],
}

// Slices zipped, not indices: no bounds checks, and the adds run side by side.
fn add_to(sum: &mut [f64], part: &[f64]) {
    for (s, v) in sum.iter_mut().zip(part) {
        *s += v;
    }
}

// Rows as one run of values: two at a time, whatever the row's length.
fn add_rows<const N: usize>(sum: &mut [[f64; N]], part: &[[f64; N]]) {
    let rows = sum.len().min(part.len());
    add_to(sum[..rows].as_flattened_mut(), part[..rows].as_flattened());
}

impl Frame {
    fn new(end: Month, all_first: Month, budget_first: Month) -> Option<Self> {
        Some(Self {
            all_first,
            n: usize::try_from(end.since(all_first) + 1).ok()?,
            budget_first,
            n_budget: usize::try_from(end.since(budget_first) + 1).ok()?,
        })
    }

    fn zeroed(&self) -> BlockSums {
        BlockSums {
            workforce: vec![0.0; self.n],
            active: vec![0.0; self.n],
            by_segment: vec![[0.0; Segment::COUNT]; self.n],
            cost: std::array::from_fn(|_| vec![0.0; self.n]),
            budget: std::array::from_fn(|_| vec![0.0; self.n_budget.saturating_sub(self.n)]),
        }
    }

    /// The blocks added up in order into `total` and `budget`, whose memory is reused.
    fn finish(
        &self,
        blocks: &[BlockSums],
        mut total: Series,
        mut budget: Budget,
    ) -> (Series, Budget) {
        total.reset(self.all_first, self.n);
        budget.first = self.budget_first;
        budget.cost_by_payer.clear();
        budget
            .cost_by_payer
            .resize(self.n_budget, [0.0; Payer::COUNT]);
        let mut cost = std::mem::take(&mut total.cost);
        for payer in &mut cost {
            payer.clear();
            payer.resize(self.n, 0.0);
        }
        for block in blocks {
            add_to(&mut total.workforce, &block.workforce);
            add_to(&mut total.active, &block.active);
            add_rows(&mut total.by_segment, &block.by_segment);
            for (p, (sum, part)) in cost.iter_mut().zip(&block.cost).enumerate() {
                add_to(sum, part);
                for (month, v) in budget.cost_by_payer.iter_mut().zip(&block.budget[p]) {
                    month[p] += v;
                }
            }
        }
        // From the ALL total's first month on, every region counts in both, added in the same
        // order: the budget is the total's cost by payer, bit for bit. The total's cost
        // changes every month.
        let before = self.n_budget.saturating_sub(self.n);
        for (k, month) in budget.cost_by_payer[before..].iter_mut().enumerate() {
            *month = std::array::from_fn(|p| cost[p][k]);
        }
        total.cost = cost;
        (total, budget)
    }
}

impl BlockSums {
    fn add(&mut self, frame: &Frame, series: &Series) {
        if let Some(skip) = usize::try_from(frame.all_first.since(series.first))
            .ok()
            .filter(|&skip| skip <= series.len())
        {
            add_to(&mut self.workforce, &series.workforce[skip..]);
            add_to(&mut self.active, &series.active[skip..]);
            add_rows(&mut self.by_segment, &series.by_segment[skip..]);
        }
        // Cost a stretch of months at a time, into ALL's months and, before ALL's first, the
        // budget's (see `Frame::finish` for the rest). A payer's 0 is not added: no sum here
        // is -0, so adding 0 would change no bit.
        let skip = usize::try_from(frame.all_first.since(series.first)).unwrap_or(0);
        let offset = usize::try_from(series.first.since(frame.budget_first)).unwrap_or(0);
        for ((all, budget), cost) in self.cost.iter_mut().zip(&mut self.budget).zip(&series.cost) {
            if cost.is_empty() {
                continue;
            }
            add_to(all, cost.get(skip..).unwrap_or_default());
            add_to(budget.get_mut(offset..).unwrap_or_default(), cost);
        }
    }
}

/// A warning for every reported figure the projection misses by more than
/// [`super::DEVIATION_PCT`]: the baseline rates disagree with what happened; and one where a
/// region's projected coverage first passes 100 % after its first month (a first month
/// above 100 % is validation's to say).
fn deviations(scenario: &Scenario, regions: &[Option<RegionProjection>]) -> Vec<Issue> {
    let mut out = Vec::new();
    for (index, p) in regions.iter().enumerate() {
        let (Some(p), Some(region)) = (p, scenario.regions.get(index)) else {
            continue;
        };
        for (i, actual) in region.actuals.iter().enumerate() {
            let Some(k) = actual.month.month().and_then(|m| p.series.index_of(m)) else {
                continue;
            };
            let projected = p.series.active[k];
            let off = super::calibrate::relative(projected, actual.active);
            if k > 0 && actual.active.is_finite() && off.abs() > super::DEVIATION_PCT {
                out.push(Issue {
                    subject: Subject::Region {
                        index,
                        code: region.code.clone(),
                    },
                    field: Field::ActualActive(i),
                    problem: Problem::ProjectionOff {
                        month: p.series.month(k),
                        projected,
                        reported: actual.active,
                    },
                });
            }
        }
        // Above 100 % later, not from the start: the scan only when it starts below.
        let series = &p.series;
        let first_below = series
            .active
            .first()
            .zip(series.workforce.first())
            .is_some_and(|(a, w)| a <= w);
        let above = || {
            let mut months = series.active.iter().zip(&series.workforce);
            months.position(|(a, w)| a > w)
        };
        if first_below && let Some(k) = above() {
            out.push(Issue {
                subject: Subject::Region {
                    index,
                    code: region.code.clone(),
                },
                field: Field::Workforce,
                problem: Problem::ProjectedAbove100 {
                    month: series.month(k),
                    pct: series.coverage_pct(k),
                },
            });
        }
    }
    out
}

/// Projects one region with its own campaigns plus `extra`, for goal seek and what-ifs.
/// `None` when validation stops the region.
#[must_use]
pub fn project_region(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    index: usize,
    extra: Option<&Campaign>,
) -> Option<RegionProjection> {
    let region = scenario.regions.get(index)?;
    project_region_as(scenario, report, overrides, index, region, extra)
}

/// Projects region `index` as if its document were `region` (other rates, the same
/// campaigns), for calibration; `None` when validation stops the region.
#[must_use]
pub fn project_region_as(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    index: usize,
    region: &Region,
    extra: Option<&Campaign>,
) -> Option<RegionProjection> {
    let end = scenario.end.month()?;
    if !report.region_ok(index) {
        return None;
    }
    let engine = Engine::new(scenario, report, overrides, end);
    let own = scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|&(i, c)| engine.counts(i, c) && report.campaign_region(i) == Some(index))
        .map(|(_, c)| c);
    Some(engine.region(
        index,
        region,
        own.chain(extra),
        &mut Scratch::default(),
        None,
    ))
}

pub(super) struct Engine<'a> {
    pub(super) report: &'a Report,
    enabled: Option<&'a [bool]>,
    /// The scenario's (or the variant's) lapse rates, percent per month.
    pub(super) lapse: PerSegment,
    pub(super) end: Month,
    /// The yearly workforce growth rate, percent.
    pub(super) growth_pct: f64,
    /// `(1 + g/100)^(k/12)` for every month index a region can have.
    pub(super) growth: Vec<f64>,
}

/// `(1 + g/100)^(k/12)` for k = 0..len, into `out`.
pub(super) fn growth_factors(g: f64, len: usize, out: &mut Vec<f64>) {
    let yearly = 1.0 + g / 100.0;
    out.clear();
    out.extend((0..len).map(|k| yearly.powf(k as f64 / 12.0)));
}

/// A region's campaign changes, added up month by month as the campaigns give them, kept
/// from region to region: a month's sums are read and zeroed by the pass over the months, so
/// only the months that had changes are ever zeroed. Adding each month's changes in the order
/// of the campaigns is the order the engine has always added them in.
#[derive(Default)]
pub(super) struct Scratch {
    months: Vec<MonthChanges>,
    /// The months a region's cost changes in: each payer's cost that month, and its monthly
    /// cost from the month after on.
    steps: Vec<(usize, PerPayer, PerPayer)>,
}

/// The sums of one month's campaign changes.
#[derive(Clone, Copy, Debug, Default)]
struct MonthChanges {
    any: bool,
    any_cost: bool,
    into_pool: PerSegment,
    into_funded: PerSegment,
    cost: PerPayer,
    one_off: PerPayer,
}

impl<'a> Engine<'a> {
    pub(super) fn new(
        scenario: &'a Scenario,
        report: &'a Report,
        overrides: &Overrides<'a>,
        end: Month,
    ) -> Self {
        let lapse_map = overrides
            .lapse_pct_per_month
            .unwrap_or(&scenario.assumptions.lapse_pct_per_month);
        let lapse = Segment::ALL.map(|s| segment_value(lapse_map, s));
        let g = overrides
            .workforce_growth_pct_per_year
            .unwrap_or(scenario.assumptions.workforce_growth_pct_per_year);
        let longest = scenario
            .regions
            .iter()
            .filter_map(|r| r.as_of.month())
            .map(|m| end.since(m))
            .max()
            .unwrap_or(0)
            .clamp(0, crate::model::MAX_MONTHS);
        let mut growth = Vec::new();
        growth_factors(g, usize::try_from(longest).unwrap_or(0) + 1, &mut growth);
        Self {
            report,
            enabled: overrides.enabled,
            lapse,
            end,
            growth_pct: g,
            growth,
        }
    }

    pub(super) fn counts(&self, index: usize, campaign: &Campaign) -> bool {
        let enabled = self
            .enabled
            .map_or(campaign.enabled, |e| e.get(index).copied().unwrap_or(false));
        enabled && self.report.campaign_ok(index)
    }

    fn region<'c>(
        &self,
        index: usize,
        region: &Region,
        campaigns: impl Iterator<Item = &'c Campaign>,
        s: &mut Scratch,
        previous: Option<RegionProjection>,
    ) -> RegionProjection {
        // The memory of the projection this one replaces.
        let (mut out, mut targets) = previous.map(|p| (p.series, p.targets)).unwrap_or_default();
        // Validation guarantees a month and at most MAX_MONTHS; fall back to one month.
        let (first, n) = self.span(region);
        if s.months.len() < n {
            s.months.resize(n, MonthChanges::default());
        }
        let months = &mut s.months[..n];
        // The payers with a cost.
        let mut paying = [false; Payer::COUNT];
        for campaign in campaigns {
            let seg = campaign.segment.index() % Segment::COUNT;
            let payer = campaign.payer.index() % Payer::COUNT;
            campaign_flows(campaign, campaign.people, first, n, |k, flow| {
                let Some(month) = months.get_mut(k) else {
                    return;
                };
                month.any = true;
                match flow {
                    Flow::Pool(v) => month.into_pool[seg] += v,
                    Flow::Funded(v) => month.into_funded[seg] += v,
                    Flow::Cost(v) => {
                        month.cost[payer] += v;
                        month.any_cost = true;
                        paying[payer] = true;
                    }
                    Flow::OneOff(v) => {
                        month.one_off[payer] += v;
                        month.any_cost = true;
                        paying[payer] = true;
                    }
                }
            });
        }
        let base = Baseline::of(region, &self.lapse);
        out.ready(first, n, paying);
        // A month without changes adds nothing: adding its 0 people or 0 Rp would change no
        // bit, since no sum here is ever -0 (they start at 0, and new enrollment is never -0).
        let keep = base.lapse_pct.map(|l| 1.0 - l / 100.0);
        let new = base.new_per_month;
        let mut pool = base.pool;
        let mut funded = [0.0; Segment::COUNT];
        // A month without changes is a multiply and an add per segment; a month with changes
        // adds them, in the order the campaigns give them. The monthly cost of the funded
        // members so far, plus what is paid once this month (0 for payers no campaign of the
        // region uses, and in month 0), is kept only in the months it changes in.
        let mut funded_cost = [0.0; Payer::COUNT];
        let steps = &mut s.steps;
        steps.clear();
        // Every month of `out.by_segment` is written below: month 0 here, then the quiet
        // stretches and the change months.
        // Month 0 is `as_of` itself: no changes count there (and none are ever given).
        if let Some(month) = months.first_mut() {
            *month = MonthChanges::default();
        }
        if let Some(first) = out.by_segment.first_mut() {
            *first = std::array::from_fn(|seg| pool[seg] + funded[seg]);
        }
        let mut from = 1;
        while from < n {
            // The quiet months up to the next change, in a loop of their own: only the pools
            // are live, so they stay in registers from month to month.
            let to = months[from..]
                .iter()
                .position(|m| m.any)
                .map_or(n, |i| from + i);
            for by_segment in &mut out.by_segment[from..to] {
                for seg in 0..Segment::COUNT {
                    pool[seg] = pool[seg] * keep[seg] + new[seg];
                }
                *by_segment = std::array::from_fn(|seg| pool[seg] + funded[seg]);
            }
            let (Some(month), Some(by_segment)) = (months.get_mut(to), out.by_segment.get_mut(to))
            else {
                break;
            };
            for seg in 0..Segment::COUNT {
                pool[seg] = pool[seg] * keep[seg] + new[seg] + month.into_pool[seg];
                funded[seg] += month.into_funded[seg];
            }
            if month.any_cost {
                let at = std::array::from_fn(|p| {
                    funded_cost[p] += month.cost[p];
                    funded_cost[p] + month.one_off[p]
                });
                steps.push((to, at, funded_cost));
            }
            // Zeroed for the next region.
            *month = MonthChanges::default();
            *by_segment = std::array::from_fn(|seg| pool[seg] + funded[seg]);
            from = to + 1;
        }
        out.active.extend(out.by_segment.iter().map(|by_segment| {
            let mut active = 0.0;
            for v in by_segment {
                active += v;
            }
            active
        }));
        // Each paying payer's cost: what it pays in the months it changes in, and the monthly
        // cost of the funded members so far in between (0 before the first).
        for (p, cost) in out.cost.iter_mut().enumerate().filter(|&(p, _)| paying[p]) {
            let mut from = 0;
            let mut monthly = 0.0;
            for &(k, ref at, ref after) in steps.iter() {
                if let Some(stretch) = cost.get_mut(from..k) {
                    stretch.fill(monthly);
                }
                if let Some(month) = cost.get_mut(k) {
                    *month = at[p];
                }
                (from, monthly) = (k + 1, after[p]);
            }
            if let Some(stretch) = cost.get_mut(from..) {
                stretch.fill(monthly);
            }
        }
        // The factors cover every region's months; 1 after them should they not.
        let growth = &self.growth[..n.min(self.growth.len())];
        out.workforce
            .extend(growth.iter().map(|g| region.workforce * g));
        out.workforce.resize(n, region.workforce * 1.0);
        sort_targets(region, &mut targets);
        RegionProjection {
            region: index,
            series: out,
            targets,
        }
    }
}

impl Engine<'_> {
    /// A region's first month and number of months.
    pub(super) fn span(&self, region: &Region) -> (Month, usize) {
        // Validation guarantees a month and at most MAX_MONTHS; fall back to one month.
        let first = region.as_of.month().unwrap_or(self.end);
        (
            first,
            usize::try_from(self.end.since(first) + 1).unwrap_or(1),
        )
    }
}

/// A region's targets that are months, earliest first.
pub(super) fn sorted_targets(region: &Region) -> Vec<(Month, f64)> {
    let mut targets = Vec::new();
    sort_targets(region, &mut targets);
    targets
}

/// The same, into `targets`.
fn sort_targets(region: &Region, targets: &mut Vec<(Month, f64)>) {
    targets.clear();
    targets.extend(
        region
            .targets
            .iter()
            .filter_map(|t| Some((t.month.month()?, t.pct))),
    );
    targets.sort_by_key(|&(m, _)| m);
}

/// A region's own starting point: its pools, its enrollment without campaigns and its lapse
/// rates (its own or the scenario's), percent per month.
#[derive(Clone, Copy, Debug)]
pub(super) struct Baseline {
    pub(super) pool: PerSegment,
    pub(super) new_per_month: PerSegment,
    pub(super) lapse_pct: PerSegment,
}

impl Baseline {
    pub(super) fn of(region: &Region, scenario_lapse: &PerSegment) -> Self {
        Self {
            pool: Segment::ALL.map(|seg| segment_value(&region.active, seg)),
            // `+ 0.0` turns a -0 into 0 and changes nothing else: new enrollment is then never
            // -0, so neither is a pool, which lets the uncertainty runs skip adding a month's
            // 0 people from campaigns without changing a bit.
            new_per_month: Segment::ALL.map(|seg| segment_value(&region.new_per_month, seg) + 0.0),
            lapse_pct: Segment::ALL.map(|seg| {
                region
                    .lapse_pct_per_month
                    .get(&seg)
                    .copied()
                    .unwrap_or(scenario_lapse[seg.index()])
            }),
        }
    }
}

/// This campaign's enrollment in month index `k` of its ramp (0-based `i` of `r`).
#[must_use]
pub fn ramp_share(ramp: Ramp, i: u32, r: u32) -> f64 {
    let r = f64::from(r.max(1));
    let f = |x: f64| 3.0 * x * x - 2.0 * x * x * x;
    match ramp {
        Ramp::Immediate => {
            if i == 0 {
                1.0
            } else {
                0.0
            }
        }
        Ramp::Linear => 1.0 / r,
        Ramp::SCurve => f((f64::from(i) + 1.0) / r) - f(f64::from(i) / r),
    }
}

/// One change a campaign makes to its region in one month.
#[derive(Clone, Copy, Debug)]
pub(super) enum Flow {
    /// People into the segment's pool (self-paying enrollment, or those who keep paying when
    /// their funding ends).
    Pool(f64),
    /// Change in funded members (negative when their funding ends).
    Funded(f64),
    /// Public cost paid once, Rp.
    OneOff(f64),
    /// Change in the monthly public cost, Rp.
    Cost(f64),
}

/// Every change one campaign enrolling `people` makes, month index by month index, in the
/// order the engine adds them. Only months after `as_of` (k >= 1) and up to the end (k < n)
/// count. Changes of 0 are left out: every sum they would go into starts at 0 and so is
/// never -0, and adding 0 to anything else changes no bit.
pub(super) fn campaign_flows(
    campaign: &Campaign,
    people: f64,
    first: Month,
    n: usize,
    mut emit_any: impl FnMut(usize, Flow),
) {
    let mut emit = |k: usize, flow: Flow| {
        let (Flow::Pool(v) | Flow::Funded(v) | Flow::OneOff(v) | Flow::Cost(v)) = flow;
        if v != 0.0 {
            emit_any(k, flow);
        }
    };
    let Some(start) = campaign.start.month() else {
        return;
    };
    let ramp_months = match campaign.ramp {
        Ramp::Immediate => 1,
        Ramp::Linear | Ramp::SCurve => campaign.ramp_months.max(1),
    };
    let k_start = i64::from(start.since(first));
    let n_i = i64::try_from(n).unwrap_or(i64::MAX);
    // Ramp steps that land inside 1..n only: a huge ramp_months costs nothing.
    let i_from = (1 - k_start).max(0);
    let i_to = (n_i - k_start).min(i64::from(ramp_months));
    let funded = campaign.payer.is_funded();
    let retained = campaign.retention_pct / 100.0;
    for i in i_from..i_to {
        let (Ok(k), Ok(step)) = (usize::try_from(k_start + i), u32::try_from(i)) else {
            continue;
        };
        let enrolled = people * ramp_share(campaign.ramp, step, ramp_months);
        emit(k, Flow::OneOff(enrolled * campaign.one_off_rp));
        if !funded {
            emit(k, Flow::Pool(enrolled));
            continue;
        }
        let monthly_cost = enrolled * campaign.contribution_rp;
        emit(k, Flow::Funded(enrolled));
        emit(k, Flow::Cost(monthly_cost));
        if let Some(months) = campaign.funded_months {
            let leaves = k.saturating_add(usize::try_from(months).unwrap_or(usize::MAX));
            if leaves < n {
                emit(leaves, Flow::Funded(-enrolled));
                emit(leaves, Flow::Cost(-monthly_cost));
                emit(leaves, Flow::Pool(enrolled * retained));
            }
        }
    }
}
