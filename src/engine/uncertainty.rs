//! Uncertainty: many runs of the one engine with the uncertain inputs drawn from their
//! ranges, the percentiles of coverage over the runs, the chance of each target, and which
//! input moves a target most.
//!
//! The rules (the file format's documentation holds them too): run r draws, for each segment,
//! a lapse factor `Tri(1 - a/100, 1, 1 + a/100)` shared by every region, a factor of the same
//! shape for every region's enrollment without campaigns, one for the workforce growth rate,
//! and for each campaign an uptake `Tri(low, mode, high)` percent of its people. Percentiles are
//! by nearest rank. Each run's draws come from its own key (the r-th output of a
//! `Xoshiro256PlusPlus` seeded with the seed) and each draw from a `SplitMix64` step at a fixed
//! slot of that key, so a draw belongs to a run and a slot, never to a thread: the same file,
//! runs and seed give the same bits on any machine and any number of threads.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::{SplitMix64, Xoshiro256PlusPlus};

use super::projection::{
    Baseline, Engine, Flow, Overrides, PerSegment, REGION_BLOCK, campaign_flows, growth_factors,
    sorted_targets,
};
use crate::model::{Campaign, Month, Report, Scenario, Segment, Triangle, Uncertainty};

/// The percentiles given for every month, in this order.
pub const PERCENTILES: [usize; 7] = [5, 10, 25, 50, 75, 90, 95];
/// Positions in [`Quantiles`].
pub const P5: usize = 0;
pub const P25: usize = 2;
pub const P50: usize = 3;
pub const P75: usize = 4;
pub const P95: usize = 6;

/// Coverage percent at each of [`PERCENTILES`].
pub type Quantiles = [f64; PERCENTILES.len()];

/// A yearly growth rate a run may not go below: a spread around a steep fall would otherwise
/// shrink the workforce to nothing.
const MIN_GROWTH_PCT: f64 = -99.0;

/// The percentiles of coverage month by month, from `first`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bands {
    pub first: Month,
    pub values: Vec<Quantiles>,
}

impl Bands {
    /// The month at index `k`.
    #[must_use]
    pub fn month(&self, k: usize) -> Month {
        self.first.plus(i32::try_from(k).unwrap_or(i32::MAX))
    }

    /// The percentiles of `month`, when the bands cover it.
    #[must_use]
    pub fn at(&self, month: Month) -> Option<&Quantiles> {
        let k = usize::try_from(month.since(self.first)).ok()?;
        self.values.get(k)
    }
}

/// The share of runs that reach a target at its month.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChance {
    pub month: Month,
    pub pct: f64,
    /// From 0 to 1; `None` when the target's month is outside the projection.
    pub chance: Option<f64>,
}

/// One region's bands and the chance of each of its targets, earliest first.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSpread {
    pub region: usize,
    pub bands: Bands,
    pub chances: Vec<TargetChance>,
}

/// Everything the runs give: per region (`None` where validation stops the region) and ALL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Spread {
    /// Runs the percentiles are taken over.
    pub runs: u32,
    pub regions: Vec<Option<RegionSpread>>,
    pub total: Option<Bands>,
}

impl Spread {
    #[must_use]
    pub fn region(&self, index: usize) -> Option<&RegionSpread> {
        self.regions.get(index).and_then(Option::as_ref)
    }
}

/// How a caller follows and stops the runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Control<'a> {
    /// Set to stop: `simulate` then returns `None` soon.
    pub cancel: Option<&'a AtomicBool>,
    /// Counts the regions done, for a progress mark.
    pub done: Option<&'a AtomicUsize>,
    /// Threads to use; `None` = every core. The result does not depend on it.
    pub threads: Option<usize>,
}

impl Control<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

/// The value at `u` (0 <= u < 1) of the triangular distribution `(low, mode, high)`, by its
/// inverse distribution function; a range of one value gives that value.
#[must_use]
pub fn triangular(u: f64, (low, mode, high): Triangle) -> f64 {
    if high <= low {
        return mode;
    }
    let width = high - low;
    if u * width < mode - low {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    }
}

/// The factor range `Tri(1 - a/100, 1, 1 + a/100)` of a spread of `a` percent.
fn spread_range(a: f64) -> Triangle {
    (1.0 - a / 100.0, 1.0, 1.0 + a / 100.0)
}

/// The uniform draw of run `key` at `slot`: one `SplitMix64` step, 53 bits.
fn uniform(key: u64, slot: usize) -> f64 {
    const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;
    let start = key.wrapping_add((slot as u64).wrapping_mul(GAMMA));
    let bits = SplitMix64::seed_from_u64(start).next_u64() >> 11;
    bits as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// Draw slots: lapse and new enrollment per segment, growth, then campaign c at `CAMPAIGN + c`.
const LAPSE: usize = 0;
const NEW: usize = Segment::COUNT;
const GROWTH: usize = 2 * Segment::COUNT;
const CAMPAIGN: usize = GROWTH + 1;

/// What one run multiplies: every region's lapse rates and new enrollment by segment, and the
/// growth rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Factors {
    pub lapse: PerSegment,
    pub new_per_month: PerSegment,
    pub growth: f64,
}

impl Factors {
    /// Every input at its middle: the projection itself.
    pub const ONE: Self = Self {
        lapse: [1.0; Segment::COUNT],
        new_per_month: [1.0; Segment::COUNT],
        growth: 1.0,
    };

    fn draw(key: u64, u: &Uncertainty) -> Self {
        let spread = |map: &crate::model::SegmentMap, seg: Segment, slot: usize| {
            let a = map.get(&seg).copied().unwrap_or(0.0);
            triangular(uniform(key, slot + seg.index()), spread_range(a))
        };
        Self {
            lapse: Segment::ALL.map(|s| spread(&u.lapse_spread_pct, s, LAPSE)),
            new_per_month: Segment::ALL.map(|s| spread(&u.new_per_month_spread_pct, s, NEW)),
            growth: triangular(
                uniform(key, GROWTH),
                spread_range(u.workforce_growth_spread_pct),
            ),
        }
    }
}

/// Each run's key: the r-th output of the seeded generator.
fn run_keys(seed: u64, runs: usize) -> Vec<u64> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    (0..runs).map(|_| rng.next_u64()).collect()
}

/// A campaign's uptake range: its own, else the scenario's.
fn uptake_range(campaign: &Campaign, u: &Uncertainty) -> Triangle {
    campaign.uptake_pct.unwrap_or(u.uptake_pct)
}

/// The share of its people campaign `index` enrolls in the run with `key`.
fn uptake(key: u64, index: usize, range: Triangle) -> f64 {
    triangular(uniform(key, CAMPAIGN + index), range) / 100.0
}

/// One change a campaign makes in a month, for a run to scale by the campaign's uptake.
#[derive(Clone, Copy, Debug)]
struct Event {
    k: usize,
    segment: usize,
    /// Into the funded members, else into the pool.
    funded: bool,
    /// Position in the plan's campaigns.
    campaign: usize,
    /// People, for the campaign's full plan.
    people: f64,
}

/// One region, ready to be run many times: what no run changes is worked out once.
struct Plan<'a> {
    index: usize,
    first: Month,
    n: usize,
    base: Baseline,
    workforce: f64,
    /// The campaigns that count, with their position in the scenario and uptake range.
    campaigns: Vec<(usize, &'a Campaign, Triangle)>,
    /// Every campaign's changes by segment and month, in the order the engine adds them.
    events: Vec<Event>,
    /// Where each segment's changes are in `events`.
    by_segment: [std::ops::Range<usize>; Segment::COUNT],
    targets: Vec<(Month, f64)>,
}

impl<'a> Plan<'a> {
    fn new(
        index: usize,
        first: Month,
        n: usize,
        base: Baseline,
        workforce: f64,
        campaigns: Vec<(usize, &'a Campaign, Triangle)>,
        targets: Vec<(Month, f64)>,
    ) -> Self {
        let mut events = Vec::new();
        for (c, &(_, campaign, _)) in campaigns.iter().enumerate() {
            let segment = campaign.segment.index();
            campaign_flows(campaign, campaign.people, first, n, |k, flow| {
                let (funded, people) = match flow {
                    Flow::Pool(v) => (false, v),
                    Flow::Funded(v) => (true, v),
                    Flow::OneOff(_) | Flow::Cost(_) => return,
                };
                events.push(Event {
                    k,
                    segment,
                    funded,
                    campaign: c,
                    people,
                });
            });
        }
        // Stable: within a segment's month, the engine's order of campaigns and steps is kept.
        events.sort_by_key(|e| (e.segment, e.k));
        let by_segment = std::array::from_fn(|seg| {
            events.partition_point(|e| e.segment < seg)
                ..events.partition_point(|e| e.segment <= seg)
        });
        Self {
            index,
            first,
            n,
            base,
            workforce,
            campaigns,
            events,
            by_segment,
            targets,
        }
    }

    /// The index of `month` among the region's months, when it is one of them.
    fn index_of(&self, month: Month) -> Option<usize> {
        usize::try_from(month.since(self.first))
            .ok()
            .filter(|&k| k < self.n)
    }

    /// Up to [`LANES`] runs side by side: calls `each(k, active, workforce)` for every month
    /// index, lane by lane. Each lane adds exactly what the engine adds, in its order, so a
    /// lane with every factor 1 is the projection. Lanes compute together so that the runs'
    /// chains of months overlap instead of each waiting on its previous month.
    fn run_lanes(
        &self,
        batch: &Batch,
        active: &mut Vec<Lanes>,
        mut each: impl FnMut(usize, &Lanes, &Lanes),
    ) {
        // Segment after segment, each a short chain of months with few values live: every
        // lane's active of a month is still summed over the segments in their order.
        // Sized, not zeroed: the first segment writes every month (0 plus its members, the
        // engine's sum from 0), the others add to it.
        if active.len() != self.n {
            active.clear();
            active.resize(self.n, [0.0; LANES]);
        }
        for seg in 0..Segment::COUNT {
            let mut keep = [0.0; LANES];
            let mut new = [0.0; LANES];
            for (l, f) in batch.factors.iter().enumerate() {
                let lapse = (self.base.lapse_pct[seg] * f.lapse[seg]).clamp(0.0, 100.0) / 100.0;
                keep[l] = 1.0 - lapse;
                new[l] = self.base.new_per_month[seg] * f.new_per_month[seg];
            }
            let mut pool = [self.base.pool[seg]; LANES];
            let mut funded = [0.0; LANES];
            let events = &self.events[self.by_segment[seg].clone()];
            let any_funded = events.iter().any(|e| e.funded);
            let mut e = 0;
            for (k, month) in active.iter_mut().enumerate() {
                if k > 0 {
                    if events.get(e).is_some_and(|ev| ev.k == k) {
                        let mut into_pool = [0.0; LANES];
                        let mut into_funded = [0.0; LANES];
                        while let Some(event) = events.get(e).filter(|ev| ev.k == k) {
                            let into = if event.funded {
                                &mut into_funded
                            } else {
                                &mut into_pool
                            };
                            for (sum, u) in into.iter_mut().zip(&batch.uptake[event.campaign]) {
                                *sum += u * event.people;
                            }
                            e += 1;
                        }
                        for l in 0..LANES {
                            pool[l] = pool[l] * keep[l] + new[l] + into_pool[l];
                            funded[l] += into_funded[l];
                        }
                    } else {
                        // A month without campaign changes: the engine adds 0 people into the
                        // pool and to the funded members, which changes no bit here (neither
                        // is ever -0: new enrollment never is, see `Baseline::of`), so the
                        // chain of months is a multiply and an add.
                        for l in 0..LANES {
                            pool[l] = pool[l] * keep[l] + new[l];
                        }
                    }
                }
                // Without funded members in this segment, adding their 0 changes no bit (the
                // pool is never -0).
                match (seg == 0, any_funded) {
                    (true, true) => *month = std::array::from_fn(|l| 0.0 + (pool[l] + funded[l])),
                    (true, false) => *month = std::array::from_fn(|l| 0.0 + pool[l]),
                    (false, true) => {
                        for l in 0..LANES {
                            month[l] += pool[l] + funded[l];
                        }
                    }
                    (false, false) => {
                        for l in 0..LANES {
                            month[l] += pool[l];
                        }
                    }
                }
            }
        }
        for (k, a) in active.iter().enumerate() {
            let growth = batch.growth.get(k).copied().unwrap_or([1.0; LANES]);
            let workforce = growth.map(|g| self.workforce * g);
            each(k, a, &workforce);
        }
    }

    /// One run alone (in every lane): `each(k, active, workforce)` for every month index.
    fn run(
        &self,
        f: &Factors,
        growth: &[f64],
        uptake: &[f64],
        mut each: impl FnMut(usize, f64, f64),
    ) {
        let batch = Batch {
            factors: [*f; LANES],
            growth: &growth.iter().map(|&g| [g; LANES]).collect::<Vec<_>>(),
            uptake: uptake.iter().map(|&u| [u; LANES]).collect(),
        };
        self.run_lanes(&batch, &mut Vec::new(), |k, a, w| each(k, a[0], w[0]));
    }

    /// Every run of `draws`, [`LANES`] at a time: `each(r0, width, k, active, workforce)` for
    /// every month index of runs `r0..r0 + width` (lanes past `width` are not runs).
    fn every_batch(
        &self,
        draws: &Draws,
        (uptake, active): (&mut Vec<Lanes>, &mut Vec<Lanes>),
        mut each: impl FnMut(usize, usize, usize, &Lanes, &Lanes),
    ) {
        let runs = draws.runs();
        for r0 in (0..runs).step_by(LANES) {
            let width = LANES.min(runs - r0);
            let run = |l: usize| (r0 + l).min(runs - 1);
            uptake.clear();
            uptake.extend(self.campaigns.iter().map(|&(index, _, range)| {
                std::array::from_fn(|l| self::uptake(draws.keys[run(l)], index, range))
            }));
            let batch = Batch {
                factors: std::array::from_fn(|l| draws.factors[run(l)]),
                growth: draws.growth(r0),
                uptake: std::mem::take(uptake),
            };
            self.run_lanes(&batch, active, |k, a, w| each(r0, width, k, a, w));
            *uptake = batch.uptake;
        }
    }

    /// Every run of `draws` in turn: `each(k, coverage)` for every month index of each.
    fn every_run(&self, draws: &Draws, mut each: impl FnMut(usize, f64)) {
        self.every_batch(
            draws,
            (&mut Vec::new(), &mut Vec::new()),
            |_, width, k, a, w| {
                for (a, w) in a.iter().zip(w).take(width) {
                    each(k, 100.0 * a / w);
                }
            },
        );
    }
}

/// Runs computed side by side (see [`Plan::run_lanes`]).
const LANES: usize = 8;
type Lanes = [f64; LANES];

/// `sum += add`, lane by lane.
fn add_lanes(sum: &mut Lanes, add: Lanes) {
    // By value: the compiler then knows `add` is not `sum` and adds two lanes at a time.
    for (s, a) in sum.iter_mut().zip(add) {
        *s += a;
    }
}

/// Up to [`LANES`] runs to compute together: each lane's factors, growth factors by month
/// index, and the uptake share of each of the plan's campaigns (`uptake[c][lane]`).
struct Batch<'g> {
    factors: [Factors; LANES],
    growth: &'g [Lanes],
    uptake: Vec<Lanes>,
}

/// The engine and every projected region's plan, for a scenario with overrides.
struct Setup<'a> {
    engine: Engine<'a>,
    plans: Vec<Option<Plan<'a>>>,
}

impl<'a> Setup<'a> {
    fn new(
        scenario: &'a Scenario,
        report: &'a Report,
        overrides: &Overrides<'a>,
        u: &Uncertainty,
    ) -> Option<Self> {
        let end = scenario.end.month()?;
        let engine = Engine::new(scenario, report, overrides, end);
        let mut campaigns: Vec<Vec<(usize, &Campaign, Triangle)>> =
            vec![Vec::new(); scenario.regions.len()];
        for (index, campaign) in scenario.campaigns.iter().enumerate() {
            if engine.counts(index, campaign)
                && let Some(region) = report.campaign_region(index)
            {
                campaigns[region].push((index, campaign, uptake_range(campaign, u)));
            }
        }
        let plans = scenario
            .regions
            .iter()
            .zip(campaigns)
            .enumerate()
            .map(|(index, (region, campaigns))| {
                report.region_ok(index).then(|| {
                    let (first, n) = engine.span(region);
                    let targets = sorted_targets(region);
                    Plan::new(
                        index,
                        first,
                        n,
                        Baseline::of(region, &engine.lapse),
                        region.workforce,
                        campaigns,
                        targets,
                    )
                })
            })
            .collect();
        Some(Self { engine, plans })
    }

    /// Region `index`'s plan, when it is projected.
    fn plan(&self, index: usize) -> Option<&Plan<'a>> {
        self.plans.get(index)?.as_ref()
    }

    /// The growth factors of a run whose growth rate is multiplied by `factor`.
    fn growth_for(&self, factor: f64, out: &mut Vec<f64>) {
        let g = (self.engine.growth_pct * factor).max(MIN_GROWTH_PCT);
        growth_factors(g, self.engine.growth.len(), out);
    }
}

/// The nearest-rank positions of [`PERCENTILES`] among `n` sorted values:
/// `pP = v[ceil(P/100 * n) - 1]`.
fn ranks(n: usize) -> [usize; PERCENTILES.len()] {
    PERCENTILES.map(|p| (p * n).div_ceil(100).max(1) - 1)
}

/// The nearest-rank percentiles of `values` (which are sorted in place).
#[must_use]
pub fn quantiles(values: &mut [f64]) -> Quantiles {
    if values.is_empty() {
        return [f64::NAN; PERCENTILES.len()];
    }
    values.sort_unstable_by(f64::total_cmp);
    ranks(values.len()).map(|r| values[r])
}

/// Buffers for [`bands_of`], kept from region to region.
#[derive(Default)]
struct Sorting {
    column: Vec<f64>,
    bucket_of: Vec<u8>,
    grouped: Vec<f64>,
    ordered: Vec<f64>,
}

/// Buckets of the value range for finding order statistics.
const BUCKETS: usize = 256;

/// The wanted-bucket index of a bucket that holds no wanted rank.
const NOT_WANTED: u8 = u8::MAX;

/// The nearest-rank percentiles of `values`, without sorting them: the values are counted
/// into buckets of their range (a monotone map, so bucket order is value order), only the
/// values of the buckets that hold a wanted rank are gathered, and only those are put in order.
/// Every pass is free of branches on the values.
fn quantiles_bucketed(values: &[f64], s: &mut Sorting) -> Quantiles {
    let n = values.len();
    let sorted = |s: &mut Sorting| {
        s.grouped.clear();
        s.grouped.extend_from_slice(values);
        quantiles(&mut s.grouped)
    };
    if n < 256 {
        return sorted(s);
    }
    // Least, greatest and sum, four lanes at a time (the sum is not finite when a value is not).
    let (mut lo, mut hi, mut sum) = ([f64::INFINITY; 4], [f64::NEG_INFINITY; 4], [0.0; 4]);
    let mut quads = values.chunks_exact(4);
    for q in &mut quads {
        for i in 0..4 {
            lo[i] = if q[i] < lo[i] { q[i] } else { lo[i] };
            hi[i] = if q[i] > hi[i] { q[i] } else { hi[i] };
            sum[i] += q[i];
        }
    }
    for &v in quads.remainder() {
        lo[0] = if v < lo[0] { v } else { lo[0] };
        hi[0] = if v > hi[0] { v } else { hi[0] };
        sum[0] += v;
    }
    let lo = lo.into_iter().fold(f64::INFINITY, f64::min);
    let hi = hi.into_iter().fold(f64::NEG_INFINITY, f64::max);
    if !sum.iter().sum::<f64>().is_finite() {
        return sorted(s);
    }
    if hi == lo {
        return [lo; PERCENTILES.len()];
    }
    let scale = (BUCKETS as f64) / (hi - lo);
    if !scale.is_finite() {
        return sorted(s);
    }
    // Bucket = x rounded to the nearest whole number, capped at the last bucket, with x from
    // 0 to BUCKETS (v >= lo): rounding is monotone like flooring. Adding 2^52 puts the rounded x in
    // the low bits of the sum, a step the compiler does two values at a time.
    let last = (BUCKETS - 1) as f64;
    let bucket = |v: f64| {
        let x = (v - lo) * scale;
        let capped = if x < last { x } else { last };
        #[allow(clippy::cast_possible_truncation)] // the low byte holds the bucket, 0 to 255
        let b = (capped + 4_503_599_627_370_496.0).to_bits() as u8;
        b
    };
    // Eight at a time: the compiler packs eight buckets into bytes in one go.
    // Only grown: each of the first n is written here.
    if s.bucket_of.len() < n {
        s.bucket_of.resize(n, 0);
    }
    let bucket_of = &mut s.bucket_of[..n];
    let mut eights = values.chunks_exact(8);
    for (v, b) in (&mut eights).zip(bucket_of.chunks_exact_mut(8)) {
        let bytes: [u8; 8] = std::array::from_fn(|i| bucket(v[i]));
        b.copy_from_slice(&bytes);
    }
    let done = n - eights.remainder().len();
    for (b, &v) in bucket_of[done..].iter_mut().zip(eights.remainder()) {
        *b = bucket(v);
    }
    // Four histograms side by side: neighbouring values often share a bucket, and one
    // counter would wait on itself.
    let mut hist = [[0_u32; BUCKETS]; 4];
    let bucket_of = &s.bucket_of[..n];
    let mut quads = bucket_of.chunks_exact(4);
    for q in &mut quads {
        for (h, &b) in hist.iter_mut().zip(q) {
            h[usize::from(b)] += 1;
        }
    }
    for &b in quads.remainder() {
        hist[0][usize::from(b)] += 1;
    }
    // The buckets holding a wanted rank, in value order (ranks ascend), with where each
    // bucket's values start in value order and how many it holds.
    let ranks = ranks(n);
    let mut buckets: [(usize, usize, usize); PERCENTILES.len()] = [(0, 0, 0); PERCENTILES.len()];
    let mut wanted = [(0_usize, 0_usize); PERCENTILES.len()];
    let (mut found, mut next, mut begin) = (0, 0, 0);
    for b in 0..BUCKETS {
        let count = hist.iter().map(|h| h[b] as usize).sum::<usize>();
        let end = begin + count;
        while next < ranks.len() && ranks[next] < end {
            if found == 0 || buckets[found - 1].0 != b {
                buckets[found] = (b, begin, count);
                found += 1;
            }
            wanted[next] = (found - 1, ranks[next] - begin);
            next += 1;
        }
        begin = end;
    }
    // The values of the wanted buckets, picked out in one pass: every value is written at
    // the next free place, which moves on only when its bucket is wanted (no branch, and one
    // counter in a register rather than one per bucket in memory).
    let mut index_of = [NOT_WANTED; BUCKETS];
    for (w, &(b, _, _)) in buckets[..found].iter().enumerate() {
        #[allow(clippy::cast_possible_truncation)] // at most 7 wanted buckets
        let w8 = w as u8;
        index_of[b] = w8;
    }
    // Only grown: every place read below is written first.
    if s.grouped.len() < n {
        s.grouped.resize(n, 0.0);
    }
    let grouped = &mut s.grouped[..n];
    let mut picked = 0;
    for (&v, &b) in values.iter().zip(bucket_of) {
        let at = picked.min(n - 1);
        grouped[at] = v;
        picked += usize::from(index_of[usize::from(b)] != NOT_WANTED);
    }
    // Then put in order by bucket, each bucket a stretch (a few dozen values).
    let mut from = [0_usize; PERCENTILES.len() + 1];
    for w in 0..found {
        from[w + 1] = from[w] + buckets[w].2;
    }
    let mut fill = from;
    s.ordered.clear();
    s.ordered.resize(from[found], 0.0);
    // The few picked values' buckets are worked out again (the same sum), not stored.
    for &v in &s.grouped[..picked] {
        let w = usize::from(index_of[usize::from(bucket(v))]) % (PERCENTILES.len() + 1);
        s.ordered[fill[w]] = v;
        fill[w] += 1;
    }
    wanted.map(|(w, offset)| {
        let bucket = &mut s.ordered[from[w]..from[w + 1]];
        *bucket.select_nth_unstable_by(offset, f64::total_cmp).1
    })
}

/// Values of `runs` runs for `n` months, as the runs write them: a batch of [`LANES`] runs
/// after another, month after month (run `r` at month `k` is lane `r % LANES` of
/// `values[(r / LANES) * n + k]`). A batch of runs writes one stretch, and adds to one
/// stretch of the totals.
struct Tiled<'a> {
    values: &'a [Lanes],
    n: usize,
    runs: usize,
}

impl Tiled<'_> {
    /// The length of `n` months of `runs` runs.
    fn len(n: usize, runs: usize) -> usize {
        runs.div_ceil(LANES) * n
    }

    /// Every run's value at month `k`, in run order, into `out`.
    fn column(&self, k: usize, out: &mut Vec<f64>) {
        // Every value is written below: the buffer is sized once, not cleared each time.
        if out.len() != self.runs {
            out.clear();
            out.resize(self.runs, 0.0);
        }
        let batches = self.values.iter().skip(k).step_by(self.n.max(1));
        for (to, from) in out.chunks_mut(LANES).zip(batches) {
            if let Ok(to) = <&mut Lanes>::try_from(&mut *to) {
                *to = *from;
            } else {
                to.copy_from_slice(&from[..to.len()]);
            }
        }
    }
}

/// The percentiles month by month of `matrix`.
fn bands_of(matrix: &Tiled, sorting: &mut Sorting) -> Vec<Quantiles> {
    let mut column = std::mem::take(&mut sorting.column);
    let out = (0..matrix.n)
        .map(|k| {
            matrix.column(k, &mut column);
            quantiles_bucketed(&column, sorting)
        })
        .collect();
    sorting.column = column;
    out
}

/// The runs' totals, added block after block in order: the ALL percentiles come out the same
/// whatever thread ran which block.
struct Merged {
    /// The next block to add.
    next: usize,
    /// Active and workforce of every region so far over the ALL months, as [`Tiled`].
    active: Vec<Lanes>,
    workforce: Vec<Lanes>,
    regions: Vec<Option<RegionSpread>>,
}

/// Runs `runs` draws of the uncertainty in `u` through the engine (with `overrides`, as for a
/// variant). `None` when the scenario has no end month or the runs were cancelled.
///
/// Workers take blocks of regions in turn; a worker adds its block to the totals when every
/// earlier block is in, so memory holds one block's sums per worker, never a queue of them.
#[must_use]
pub fn simulate(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    u: &Uncertainty,
    runs: u32,
    control: &Control,
) -> Option<Spread> {
    let setup = Setup::new(scenario, report, overrides, u)?;
    let draws = Draws::new(&setup, u, runs);
    let runs = draws.runs();
    let first_all = setup.plans.iter().flatten().map(|p| p.first).max();
    let n_all = first_all.map_or(0, |f| {
        usize::try_from(setup.engine.end.since(f) + 1).unwrap_or(0)
    });
    let blocks: Vec<&[Option<Plan>]> = setup.plans.chunks(REGION_BLOCK).collect();
    let threads = control
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .clamp(1, blocks.len().max(1));
    let next = AtomicUsize::new(0);
    let merged = Mutex::new(Merged {
        next: 0,
        active: vec![[0.0; LANES]; Tiled::len(n_all, runs)],
        workforce: vec![[0.0; LANES]; Tiled::len(n_all, runs)],
        regions: vec![None; scenario.regions.len()],
    });
    let turn = Condvar::new();

    let work = || {
        let mut uptake: Vec<Lanes> = Vec::new();
        let mut lanes_active: Vec<Lanes> = Vec::new();
        let mut matrix: Vec<Lanes> = Vec::new();
        let mut sorting = Sorting::default();
        let mut active = vec![[0.0; LANES]; Tiled::len(n_all, runs)];
        let mut workforce = vec![[0.0; LANES]; Tiled::len(n_all, runs)];
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            if b >= blocks.len() || control.cancelled() {
                return;
            }
            active.fill([0.0; LANES]);
            workforce.fill([0.0; LANES]);
            let mut regions = Vec::new();
            for plan in blocks[b].iter().flatten() {
                if control.cancelled() {
                    turn.notify_all();
                    return;
                }
                let n = plan.n;
                let skip =
                    first_all.map_or(0, |f| usize::try_from(f.since(plan.first)).unwrap_or(0));
                // Every value is written below, so the matrix is only grown, never zeroed again.
                let len = Tiled::len(n, runs);
                if matrix.len() < len {
                    matrix.resize(len, [0.0; LANES]);
                }
                let buffers = (&mut uptake, &mut lanes_active);
                plan.every_batch(&draws, buffers, |r0, _, k, a, w| {
                    let batch = r0 / LANES;
                    matrix[batch * n + k] = std::array::from_fn(|l| 100.0 * a[l] / w[l]);
                    if k >= skip && k - skip < n_all {
                        let at = batch * n_all + k - skip;
                        add_lanes(&mut active[at], *a);
                        add_lanes(&mut workforce[at], *w);
                    }
                });
                let matrix = Tiled {
                    values: &matrix[..len],
                    n,
                    runs,
                };
                regions.push((plan.index, summarise(plan, &matrix, &mut sorting)));
                if let Some(done) = control.done {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
            // This block's turn: after every earlier one (a cancel wakes everyone up).
            let Ok(mut m) = merged.lock() else { return };
            while m.next != b {
                if control.cancelled() {
                    return;
                }
                m = match turn.wait_timeout(m, std::time::Duration::from_millis(20)) {
                    Ok((m, _)) => m,
                    Err(_) => return,
                };
            }
            for (t, v) in m.active.iter_mut().zip(&active) {
                add_lanes(t, *v);
            }
            for (t, v) in m.workforce.iter_mut().zip(&workforce) {
                add_lanes(t, *v);
            }
            for (i, r) in regions {
                m.regions[i] = Some(r);
            }
            m.next += 1;
            turn.notify_all();
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    let merged = merged.into_inner().ok()?;
    if control.cancelled() || merged.next != blocks.len() {
        return None;
    }
    let (total_active, total_workforce) = (&merged.active, &merged.workforce);
    let total = first_all.map(|first| {
        let coverage: Vec<Lanes> = total_active
            .iter()
            .zip(total_workforce)
            .map(|(a, w)| std::array::from_fn(|l| 100.0 * a[l] / w[l]))
            .collect();
        let coverage = Tiled {
            values: &coverage,
            n: n_all,
            runs,
        };
        Bands {
            first,
            values: bands_of(&coverage, &mut Sorting::default()),
        }
    });
    Some(Spread {
        runs: u32::try_from(runs).unwrap_or(u32::MAX),
        regions: merged.regions,
        total,
    })
}

/// One uncertain input, for "what matters most".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Lapse(Segment),
    NewPerMonth(Segment),
    Growth,
    /// The uptake of the campaign at this position in the scenario.
    Uptake(usize),
}

/// Coverage at a target's month with one input at the low and at the high end of its range,
/// every other input at its most likely value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub input: Input,
    pub low: f64,
    pub high: f64,
}

impl Swing {
    #[must_use]
    pub fn width(&self) -> f64 {
        (self.high - self.low).abs()
    }
}

/// A target and what moves coverage at its month, widest swing first.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetSwings {
    pub month: Month,
    pub pct: f64,
    /// Coverage with every input at its most likely value.
    pub central: f64,
    pub swings: Vec<Swing>,
}

/// For each target of region `index` inside the projection: the swing of each uncertain input
/// alone from its low to its high end (a tornado chart). Empty when the region is not projected.
#[must_use]
pub fn swings(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    u: &Uncertainty,
    index: usize,
) -> Vec<TargetSwings> {
    let Some(setup) = Setup::new(scenario, report, overrides, u) else {
        return Vec::new();
    };
    let Some(plan) = setup.plan(index) else {
        return Vec::new();
    };
    let at: Vec<(Month, f64, usize)> = plan
        .targets
        .iter()
        .filter_map(|&(m, pct)| Some((m, pct, plan.index_of(m)?)))
        .collect();
    let central_uptake: Vec<f64> = plan.campaigns.iter().map(|c| c.2.1 / 100.0).collect();
    let coverage_at = |f: &Factors, growth: &[f64], uptake: &[f64]| -> Vec<f64> {
        let mut out = vec![0.0; at.len()];
        plan.run(f, growth, uptake, |k, a, w| {
            for (i, &(_, _, kt)) in at.iter().enumerate() {
                if kt == k {
                    out[i] = 100.0 * a / w;
                }
            }
        });
        out
    };
    let central = coverage_at(&Factors::ONE, &setup.engine.growth, &central_uptake);
    let mut rows: Vec<(Input, Vec<f64>, Vec<f64>)> = Vec::new();
    for seg in Segment::ALL {
        for (input, map) in [
            (Input::Lapse(seg), &u.lapse_spread_pct),
            (Input::NewPerMonth(seg), &u.new_per_month_spread_pct),
        ] {
            let a = map.get(&seg).copied().unwrap_or(0.0);
            if a == 0.0 {
                continue;
            }
            let ends = [1.0 - a / 100.0, 1.0 + a / 100.0].map(|x| {
                let mut f = Factors::ONE;
                match input {
                    Input::Lapse(_) => f.lapse[seg.index()] = x,
                    _ => f.new_per_month[seg.index()] = x,
                }
                coverage_at(&f, &setup.engine.growth, &central_uptake)
            });
            let [low, high] = ends;
            rows.push((input, low, high));
        }
    }
    let c = u.workforce_growth_spread_pct;
    if c != 0.0 {
        let mut growth = Vec::new();
        let ends = [1.0 - c / 100.0, 1.0 + c / 100.0].map(|x| {
            setup.growth_for(x, &mut growth);
            coverage_at(&Factors::ONE, &growth, &central_uptake)
        });
        let [low, high] = ends;
        rows.push((Input::Growth, low, high));
    }
    for (i, &(index, _, (low, mode, high))) in plan.campaigns.iter().enumerate() {
        if low == mode && mode == high {
            continue;
        }
        let ends = [low, high].map(|x| {
            let mut uptake = central_uptake.clone();
            uptake[i] = x / 100.0;
            coverage_at(&Factors::ONE, &setup.engine.growth, &uptake)
        });
        let [low, high] = ends;
        rows.push((Input::Uptake(index), low, high));
    }
    at.iter()
        .enumerate()
        .map(|(t, &(month, pct, _))| {
            let mut swings: Vec<Swing> = rows
                .iter()
                .map(|(input, low, high)| Swing {
                    input: *input,
                    low: low[t],
                    high: high[t],
                })
                .filter(|s| s.width() > 1e-9)
                .collect();
            swings.sort_by(|a, b| b.width().total_cmp(&a.width()));
            TargetSwings {
                month,
                pct,
                central: central[t],
                swings,
            }
        })
        .collect()
}

/// Every run's key and factors, and the growth factors of each batch of [`LANES`] runs by
/// month index (one batch for all when the growth rate is certain).
struct Draws {
    keys: Vec<u64>,
    factors: Vec<Factors>,
    growth: Vec<Lanes>,
    /// Months in each batch's stretch of `growth`.
    months: usize,
}

impl Draws {
    fn new(setup: &Setup, u: &Uncertainty, runs: u32) -> Self {
        let runs = usize::try_from(runs.clamp(1, crate::model::MAX_RUNS)).unwrap_or(1);
        let keys = run_keys(u.seed, runs);
        let factors: Vec<Factors> = keys.iter().map(|&k| Factors::draw(k, u)).collect();
        let months = setup.engine.growth.len();
        let growth = if u.workforce_growth_spread_pct == 0.0 {
            setup.engine.growth.iter().map(|&g| [g; LANES]).collect()
        } else {
            let mut growth = vec![[1.0; LANES]; runs.div_ceil(LANES) * months];
            let mut row = Vec::new();
            for (r, f) in factors.iter().enumerate() {
                setup.growth_for(f.growth, &mut row);
                let batch = &mut growth[r / LANES * months..(r / LANES + 1) * months];
                for (g, &v) in batch.iter_mut().zip(&row) {
                    g[r % LANES] = v;
                }
            }
            growth
        };
        Self {
            keys,
            factors,
            growth,
            months,
        }
    }

    fn runs(&self) -> usize {
        self.keys.len()
    }

    /// The growth factors by month index of the batch of runs from `r0` on.
    fn growth(&self, r0: usize) -> &[Lanes] {
        let batch = if self.growth.len() > self.months {
            r0 / LANES
        } else {
            0
        };
        self.growth
            .get(batch * self.months..(batch + 1) * self.months)
            .unwrap_or_default()
    }
}

/// The chance of each target of region `index` alone (the same runs and draws as
/// [`simulate`], without the other regions): for a comparison of plans.
#[must_use]
pub fn region_chances(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    u: &Uncertainty,
    index: usize,
) -> Vec<TargetChance> {
    let Some(setup) = Setup::new(scenario, report, overrides, u) else {
        return Vec::new();
    };
    let Some(plan) = setup.plan(index) else {
        return Vec::new();
    };
    let draws = Draws::new(&setup, u, u.runs);
    let runs = draws.runs();
    let mut hits = vec![0_usize; plan.targets.len()];
    let at: Vec<Option<usize>> = plan
        .targets
        .iter()
        .map(|&(m, _)| plan.index_of(m))
        .collect();
    plan.every_run(&draws, |k, coverage| {
        for (t, &kt) in at.iter().enumerate() {
            if kt == Some(k) && coverage >= plan.targets[t].1 {
                hits[t] += 1;
            }
        }
    });
    plan.targets
        .iter()
        .zip(&at)
        .zip(hits)
        .map(|((&(month, pct), k), h)| TargetChance {
            month,
            pct,
            chance: k.map(|_| h as f64 / runs as f64),
        })
        .collect()
}

/// The share of `runs` runs in which region `index`, with `plan` enrolling `people` besides its
/// own campaigns, reaches `pct` at `month`. The plan's uptake is drawn like a campaign's
/// (its own range, else the scenario's) at the slot after the scenario's campaigns.
fn chance_with(
    setup: &Setup,
    index: usize,
    u: &Uncertainty,
    extra: (usize, &Campaign),
    people: f64,
    (month, pct): (Month, f64),
    draws: &Draws,
) -> Option<f64> {
    let base = setup.plan(index)?;
    let k = base.index_of(month)?;
    let mut campaign = extra.1.clone();
    campaign.people = people;
    let mut campaigns = base.campaigns.clone();
    campaigns.push((extra.0, &campaign, uptake_range(&campaign, u)));
    let plan = Plan::new(
        base.index,
        base.first,
        base.n,
        base.base,
        base.workforce,
        campaigns,
        Vec::new(),
    );
    let mut hits = 0_usize;
    plan.every_run(draws, |kk, coverage| {
        hits += usize::from(kk == k && coverage >= pct);
    });
    Some(hits as f64 / draws.runs() as f64)
}

/// Goal seek for a chance: the fewest whole people `plan` must enroll in region `index` for
/// at least `chance` (0 to 1) of the runs to reach `pct` at `month`, by bisection over the
/// same draws (more people never lowers a run's coverage). `plan.people` is ignored.
#[must_use]
pub fn people_for_chance(
    scenario: &Scenario,
    report: &Report,
    overrides: &Overrides,
    u: &Uncertainty,
    index: usize,
    (month, pct): (Month, f64),
    chance: f64,
    plan: &Campaign,
) -> super::Seek {
    use super::Seek;
    let Some(setup) = Setup::new(scenario, report, overrides, u) else {
        return Seek::Unreachable;
    };
    let draws = Draws::new(&setup, u, u.runs);
    let extra = (scenario.campaigns.len(), plan);
    let reaches = |people: f64| {
        chance_with(&setup, index, u, extra, people, (month, pct), &draws).map(|c| c >= chance)
    };
    super::targets::fewest_people(reaches)
}

/// The runs of the file's own uncertainty block (or none: every spread 0) for the working
/// plan or variant `variant`, with `runs` and `seed` replacing the file's when given. `None`
/// when the ranges have errors, the scenario has no end month, or the runs were cancelled.
#[must_use]
pub fn simulate_plan(
    scenario: &Scenario,
    report: &Report,
    variant: Option<usize>,
    runs: Option<u32>,
    seed: Option<u64>,
    control: &Control,
) -> Option<Spread> {
    if !report.uncertainty_ok() {
        return None;
    }
    let mut u = scenario.assumptions.uncertainty.clone().unwrap_or_default();
    if let Some(seed) = seed {
        u.seed = seed;
    }
    let runs = runs.unwrap_or(u.runs);
    match variant.and_then(|i| scenario.variants.get(i)) {
        Some(v) => {
            let plan = super::variants::VariantPlan::of(scenario, v);
            simulate(scenario, report, &plan.overrides(), &u, runs, control)
        }
        None => simulate(scenario, report, &Overrides::default(), &u, runs, control),
    }
}

/// A region's percentiles month by month and its targets' chances, from its
/// matrix of coverage.
fn summarise(plan: &Plan, matrix: &Tiled, sorting: &mut Sorting) -> RegionSpread {
    let values = bands_of(matrix, sorting);
    let chances = plan
        .targets
        .iter()
        .map(|&(month, pct)| {
            let k = plan.index_of(month);
            TargetChance {
                month,
                pct,
                chance: k.map(|k| {
                    matrix.column(k, &mut sorting.column);
                    let hits = sorting.column.iter().filter(|&&v| v >= pct).count();
                    hits as f64 / matrix.runs as f64
                }),
            }
        })
        .collect();
    RegionSpread {
        region: plan.index,
        bands: Bands {
            first: plan.first,
            values,
        },
        chances,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucketed_percentiles_are_the_sorted_ones() {
        let mut sorting = Sorting::default();
        for (case, n) in [1_usize, 7, 255, 256, 1000, 4099].into_iter().enumerate() {
            let key = run_keys(case as u64, 1)[0];
            // Ties, a cluster and an outlier: buckets of very unequal size.
            let values: Vec<f64> = (0..n)
                .map(|i| match i % 5 {
                    0 => 40.0,
                    1 => 1e6,
                    _ => 40.0 + uniform(key, i) * 0.001,
                })
                .collect();
            let mut sorted = values.clone();
            assert_eq!(
                quantiles_bucketed(&values, &mut sorting),
                quantiles(&mut sorted),
                "{n} values"
            );
        }
    }
}
