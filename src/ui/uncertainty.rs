//! The uncertainty runs behind the window: started on a worker thread after every change,
//! a quick pass first and then every run; the next change cancels them. A frame only looks
//! at what has arrived and never waits.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::engine::{Control, Spread, simulate_plan};
use crate::model::Scenario;

use super::document::Document;

/// Runs of the first pass: bands within a moment of an edit, filled in by the full pass.
const QUICK_RUNS: u32 = 100;

/// What a result belongs to: the document revision and the plan shown.
type Key = (u64, Option<usize>);

struct Job {
    key: Key,
    receiver: Receiver<Spread>,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: usize,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[derive(Default)]
pub struct UncertaintyRuns {
    spread: Option<Arc<Spread>>,
    /// The key `spread` was computed for.
    spread_key: Option<Key>,
    job: Option<Job>,
}

/// True when the scenario asks for runs whose ranges are not all single values.
#[must_use]
pub fn wanted(scenario: &Scenario) -> bool {
    scenario
        .assumptions
        .uncertainty
        .as_ref()
        .is_some_and(|u| !u.is_certain(&scenario.campaigns))
}

impl UncertaintyRuns {
    /// Starts runs for a changed document, cancelling older ones, and takes what arrived.
    pub fn update(&mut self, doc: &Document, ctx: &egui::Context) {
        let key = (doc.revision, doc.variant());
        if !wanted(&doc.scenario) || !doc.projection.report.uncertainty_ok() {
            self.job = None;
            self.spread = None;
            self.spread_key = None;
            return;
        }
        let fresh = self.spread_key == Some(key);
        let running_for_key = self.job.as_ref().is_some_and(|j| j.key == key);
        if !fresh && !running_for_key {
            self.job = Self::start(doc, key, ctx);
        }
        self.poll();
        if self.job.is_some() {
            // The progress mark moves a few times a second; the result itself asks at once.
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
        }
    }

    fn start(doc: &Document, key: Key, ctx: &egui::Context) -> Option<Job> {
        let scenario = doc.scenario.clone();
        let report = doc.projection.report.clone();
        let variant = doc.variant();
        let runs = scenario
            .assumptions
            .uncertainty
            .as_ref()
            .map_or(crate::model::DEFAULT_RUNS, |u| u.runs);
        let regions = doc.projection.regions.iter().flatten().count();
        let passes = if runs > QUICK_RUNS { 2 } else { 1 };
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let (sender, receiver) = channel();
        let (stop, count, repaint) = (cancel.clone(), done.clone(), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("uncertainty".into())
            .spawn(move || {
                let control = Control {
                    cancel: Some(&stop),
                    done: Some(&count),
                    threads: None,
                };
                if runs > QUICK_RUNS {
                    let quick = simulate_plan(
                        &scenario,
                        &report,
                        variant,
                        Some(QUICK_RUNS),
                        None,
                        &control,
                    );
                    let Some(quick) = quick else { return };
                    if sender.send(quick).is_err() {
                        return;
                    }
                    repaint.request_repaint();
                }
                if let Some(full) = simulate_plan(&scenario, &report, variant, None, None, &control)
                {
                    let _ = sender.send(full);
                }
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => Some(Job {
                key,
                receiver,
                cancel,
                done,
                total: regions * passes,
            }),
            Err(e) => {
                log::error!("cannot start the uncertainty runs: {e}");
                None
            }
        }
    }

    fn poll(&mut self) {
        let Some(job) = &self.job else { return };
        loop {
            match job.receiver.try_recv() {
                Ok(spread) => {
                    self.spread = Some(Arc::new(spread));
                    self.spread_key = Some(job.key);
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    return;
                }
            }
        }
    }

    /// Waits for the runs of the current document to finish (pictures and tests, which must
    /// show the final bands).
    pub fn wait(&mut self, doc: &Document, ctx: &egui::Context) {
        self.update(doc, ctx);
        while let Some(job) = &self.job {
            match job.receiver.recv() {
                Ok(spread) => {
                    self.spread = Some(Arc::new(spread));
                    self.spread_key = Some(job.key);
                }
                Err(_) => self.job = None,
            }
        }
    }

    /// The bands to draw: those of the document as it is, or, for the moment until they
    /// arrive, those from just before the last change (never those of another shape).
    #[must_use]
    pub fn spread(&self, doc: &Document) -> Option<&Spread> {
        self.spread
            .as_deref()
            .filter(|s| s.regions.len() == doc.scenario.regions.len())
            .filter(|_| self.spread_key.is_some_and(|(_, v)| v == doc.variant()))
    }

    /// Share of the runs done while they run, for a progress mark.
    #[must_use]
    pub fn progress(&self) -> Option<f32> {
        let job = self.job.as_ref()?;
        let done = job.done.load(Ordering::Relaxed);
        #[allow(clippy::cast_precision_loss)]
        Some((done as f32 / job.total.max(1) as f32).min(1.0))
    }

    /// True while runs are going.
    #[must_use]
    pub fn running(&self) -> bool {
        self.job.is_some()
    }
}
