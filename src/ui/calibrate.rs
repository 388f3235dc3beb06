//! Calibration in the window: one region's fit with its picture and *Apply*, and
//! *Calibrate all regions* on a worker thread with progress and cancel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Grid, Id, Key, Modal, ProgressBar, RichText, Ui};

use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

use crate::engine::{
    Calibration, CalibrationError, Overrides, RegionFit, calibrate, candidate_rates,
};
use crate::i18n::Lang;
use crate::model::{Rate, Report, Scenario, Segment};

use super::document::Document;
use super::edit::Edit;
use super::plots::{month_axis, month_grid, x_of};
use super::theme::series_colour;
use super::view::Msg;

/// What a view reads: the document and the language. It changes the document only through
/// the messages it returns.
pub struct ViewCtx<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
}

/// A dialog anchored near the top (so it does not move as its content grows or shrinks),
/// no wider than the window allows; redrawn once more when its size changed, so a layout
/// that grew this frame is never left cut off.
fn dialog<R>(
    ctx: &egui::Context,
    id: &str,
    last_size: &mut egui::Vec2,
    content: impl FnOnce(&mut Ui) -> R,
) -> R {
    let id = Id::unique(id);
    let area = Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 24.0));
    let width = (ctx.content_rect().width() - 48.0).clamp(320.0, 900.0);
    let shown = Modal::new(id).area(area).show(ctx, |ui| {
        ui.set_width(width);
        ui.set_max_width(width);
        content(ui)
    });
    let size = shown.response.rect.size();
    if size != *last_size {
        *last_size = size;
        ctx.request_repaint();
    }
    shown.inner
}

/// A dialog's Apply from the keyboard: the keyboard is put on it once it can be pressed (so
/// Enter or Space press it, and Tab goes on to Close), and Ctrl+Enter presses it from
/// anywhere in the dialog. True when it was pressed.
fn keyboard_on_apply(ui: &Ui, apply: &egui::Response, ready: bool, focused: &mut bool) -> bool {
    if ready && !*focused {
        apply.request_focus();
        *focused = true;
    }
    apply.clicked()
        || (ready && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::Enter)))
}

/// The edit that writes a calibration into its region: one undo step.
#[must_use]
pub fn apply_edit(doc: &Document, c: &Calibration) -> Option<Edit> {
    let before = doc.scenario.regions.get(c.region)?;
    Some(Edit::Region {
        index: c.region,
        before: Box::new(before.clone()),
        after: Box::new(c.apply_to(before)),
    })
}

/// A fit and what it was made for: (document revision, choice of rates, result).
type CachedFit = (
    u64,
    Option<Vec<Rate>>,
    Result<Calibration, CalibrationError>,
);

/// The calibration dialog of one region.
pub struct CalibrationView {
    pub region: usize,
    /// The rates the planner picked; `None` = what the figures can determine.
    pub rates: Option<Vec<Rate>>,
    /// The fit for (document revision, choice); recomputed when either changes (a fit takes
    /// milliseconds on the engine).
    fit: Option<CachedFit>,
    last_size: egui::Vec2,
    /// The keyboard was put on Apply once it could be pressed.
    apply_focused: bool,
}

impl CalibrationView {
    #[must_use]
    pub fn new(region: usize) -> Self {
        Self {
            region,
            rates: None,
            fit: None,
            last_size: egui::Vec2::ZERO,
            apply_focused: false,
        }
    }

    /// The fit for the document as it is now.
    pub fn result(&mut self, doc: &Document) -> &Result<Calibration, CalibrationError> {
        let stale = self
            .fit
            .as_ref()
            .is_none_or(|(rev, rates, _)| *rev != doc.revision || *rates != self.rates);
        if stale {
            self.fit = None;
        }
        let (region, rates) = (self.region, &self.rates);
        let (_, _, result) = self.fit.get_or_insert_with(|| {
            let result = calibrate(
                &doc.scenario,
                &doc.projection.report,
                &Overrides::default(),
                region,
                rates.as_deref(),
            );
            (doc.revision, rates.clone(), result)
        });
        result
    }

    /// Draws the dialog; returns the messages for the document and whether it stays open.
    pub fn ui(&mut self, ctx: &egui::Context, v: &ViewCtx<'_>) -> (Vec<Msg>, bool) {
        let mut messages = Vec::new();
        let mut open = true;
        let t = &v.lang.texts().calib;
        let Some(region) = v.doc.scenario.regions.get(self.region) else {
            return (messages, false);
        };
        let title = format!("{}: {}", t.title, crate::i18n::shown(&region.name));
        let mut last_size = self.last_size;
        dialog(ctx, "calibrate-region", &mut last_size, |ui| {
            ui.heading(title);
            ui.add_space(4.0);
            self.choice(ui, v);
            ui.separator();
            let lang = v.lang;
            let max_height = ctx.content_rect().height() * 0.62;
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| match self.result(v.doc).clone() {
                    Ok(c) => fit_details(ui, lang, &c),
                    Err(e) => {
                        ui.label(RichText::new((t.error)(&e)).color(ui.visuals().warn_fg_color));
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let ready = matches!(self.result(v.doc), Ok(c) if !c.fitted.is_empty());
                let apply = ui
                    .add_enabled(ready, egui::Button::new(t.apply))
                    .on_hover_text(t.apply_hint);
                if keyboard_on_apply(ui, &apply, ready, &mut self.apply_focused)
                    && let Ok(c) = self.result(v.doc)
                    && let Some(edit) = apply_edit(v.doc, c)
                {
                    messages.push(Msg::Edit(edit, None));
                    open = false;
                }
                if ui.button(t.close).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    open = false;
                }
            });
        });
        self.last_size = last_size;
        (messages, open)
    }

    /// What to fit: the default, or enrollment and lapse of chosen segments.
    fn choice(&mut self, ui: &mut Ui, v: &ViewCtx<'_>) {
        let t = &v.lang.texts().calib;
        let region = &v.doc.scenario.regions[self.region];
        ui.label(RichText::new(t.what_to_fit).strong());
        let mut default = self.rates.is_none();
        if ui.checkbox(&mut default, t.default_choice).changed() {
            self.rates = if default {
                None
            } else {
                // Start from what the default fits, so the planner edits a sensible choice.
                Some(match self.result(v.doc) {
                    Ok(c) => c.fitted.iter().map(|f| f.rate).collect(),
                    Err(_) => candidate_rates(region).into_iter().take(1).collect(),
                })
            };
        }
        let Some(rates) = &mut self.rates else {
            return;
        };
        Grid::new("calibrate-choice").show(ui, |ui| {
            for make in [Rate::NewPerMonth as fn(Segment) -> Rate, Rate::Lapse] {
                for segment in Segment::ALL {
                    let rate = make(segment);
                    let mut on = rates.contains(&rate);
                    if ui.checkbox(&mut on, (t.rate_name)(rate)).changed() {
                        if on {
                            rates.push(rate);
                        } else {
                            rates.retain(|r| *r != rate);
                        }
                    }
                }
                ui.end_row();
            }
        });
    }
}

/// The picture, the values, the error at each reported month, the sentence and the notes.
pub fn fit_details(ui: &mut Ui, lang: Lang, c: &Calibration) {
    let t = &lang.texts().calib;
    ui.label(RichText::new(lang.calibration_sentence(c)).strong());
    for note in lang.calibration_notes(c) {
        ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(4.0);
    fit_plot(ui, lang, c);
    ui.add_space(4.0);
    Grid::new("calibrate-values").striped(true).show(ui, |ui| {
        for h in [t.col_rate, t.col_was, t.col_fitted] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for f in &c.fitted {
            ui.label((t.rate_name)(f.rate));
            ui.label(lang.rate_value(f.rate, f.before));
            ui.label(RichText::new(lang.rate_value(f.rate, f.after)).strong());
            ui.end_row();
        }
    });
    ui.add_space(4.0);
    Grid::new("calibrate-points").striped(true).show(ui, |ui| {
        for h in [
            lang.texts().ui.col_month,
            t.col_reported,
            t.col_before,
            t.col_after,
            t.col_error,
        ] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for p in &c.points {
            let month = match p.segment {
                Some(s) => format!("{} {}", lang.month(p.month), s.code()),
                None => format!("{} ({})", lang.month(p.month), t.total_word),
            };
            ui.label(month);
            ui.label(lang.people(p.reported));
            ui.label(format!(
                "{} ({})",
                lang.people(p.before),
                lang.signed_pct(p.error_pct_before(), 1)
            ));
            ui.label(lang.people(p.after));
            ui.label(format!(
                "{} ({})",
                lang.people(p.error()),
                lang.signed_pct(p.error_pct(), 2)
            ));
            ui.end_row();
        }
    });
}

/// Active participants before (dashed) and after (solid), with the reported figures.
fn fit_plot(ui: &mut Ui, lang: Lang, c: &Calibration) {
    let t = &lang.texts().calib;
    let line = |p: &crate::engine::RegionProjection| -> PlotPoints<'static> {
        (0..p.series.len())
            .map(|k| [x_of(p.series.month(k)), p.series.active[k]])
            .collect()
    };
    let ring = ui.visuals().strong_text_color();
    let reported: Vec<[f64; 2]> = c
        .points
        .iter()
        .filter(|p| p.segment.is_none())
        .map(|p| [x_of(p.month), p.reported])
        .collect();
    Plot::new("calibration-fit")
        .height(220.0)
        .legend(Legend::default())
        .x_grid_spacer(month_grid)
        .x_axis_formatter(month_axis(lang))
        .y_axis_formatter(move |mark, _| lang.number(mark.value, 0))
        .label_formatter(move |hover| {
            let (egui_plot::HoverPosition::NearDataPoint { position, .. }
            | egui_plot::HoverPosition::Elsewhere { position }) = hover;
            Some(format!(
                "{}: {}",
                lang.month(super::plots::month_of(position.x)),
                lang.people(position.y)
            ))
        })
        .show(ui, |plot| {
            plot.line(
                Line::new(t.before_line, line(&c.before))
                    .color(series_colour(1))
                    .width(2.0)
                    .style(LineStyle::dashed_loose()),
            );
            plot.line(
                Line::new(t.after_line, line(&c.after))
                    .color(series_colour(0))
                    .width(2.5),
            );
            if !reported.is_empty() {
                plot.points(
                    Points::new(t.reported_points, reported)
                        .shape(MarkerShape::Circle)
                        .radius(6.0)
                        .filled(false)
                        .color(ring),
                );
            }
        });
}

/// A message from the worker: one region done, or all done.
enum Progress {
    Region(usize, RegionFit),
    Done,
}

/// *Calibrate all regions*: a worker fits every region of a copy of the scenario; the frame
/// only polls. Cancel stops it between regions and changes nothing.
pub struct CalibrateAll {
    total: usize,
    results: Vec<(usize, RegionFit)>,
    receiver: Option<Receiver<Progress>>,
    cancel: Arc<AtomicBool>,
    cancelled: bool,
    /// The document revision the fits were made for; applying them to a changed document
    /// would apply stale values.
    revision: u64,
    last_size: egui::Vec2,
    /// The keyboard was put on Apply once it could be pressed.
    apply_focused: bool,
}

impl CalibrateAll {
    /// Starts the worker on a copy of the document's scenario.
    #[must_use]
    pub fn start(doc: &Document, ctx: &egui::Context) -> Self {
        let scenario: Scenario = doc.scenario.clone();
        let total = scenario.regions.len();
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = channel();
        let stop = cancel.clone();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("calibrate-all".into())
            .spawn(move || {
                let report: Report = crate::model::validate(&scenario);
                for index in 0..scenario.regions.len() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let fit = RegionFit::of(&scenario, &report, &Overrides::default(), index);
                    if sender.send(Progress::Region(index, fit)).is_err() {
                        return;
                    }
                    repaint.request_repaint();
                }
                let _ = sender.send(Progress::Done);
                repaint.request_repaint();
            });
        let receiver = match spawned {
            Ok(_) => Some(receiver),
            Err(e) => {
                log::error!("cannot start the calibration worker: {e}");
                None
            }
        };
        Self {
            total,
            results: Vec::new(),
            receiver,
            cancel,
            cancelled: false,
            revision: doc.revision,
            last_size: egui::Vec2::ZERO,
            apply_focused: false,
        }
    }

    /// Takes what the worker sent since the last frame.
    pub fn poll(&mut self) {
        let Some(receiver) = &self.receiver else {
            return;
        };
        loop {
            match receiver.try_recv() {
                Ok(Progress::Region(index, fit)) => self.results.push((index, fit)),
                Ok(Progress::Done) | Err(TryRecvError::Disconnected) => {
                    self.receiver = None;
                    return;
                }
                Err(TryRecvError::Empty) => return,
            }
        }
    }

    #[must_use]
    pub fn running(&self) -> bool {
        self.receiver.is_some()
    }

    pub fn cancel(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancelled = true;
    }

    /// The edit that applies every good fit: one undo step.
    #[must_use]
    pub fn apply_edit(&self, doc: &Document) -> Option<Edit> {
        let edits: Vec<Edit> = self
            .results
            .iter()
            .filter_map(|(_, fit)| apply_edit(doc, fit.fitted().filter(|c| c.changes_something())?))
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }

    /// Draws the progress or the results; returns messages and whether it stays open.
    pub fn ui(&mut self, ctx: &egui::Context, v: &ViewCtx<'_>) -> (Vec<Msg>, bool) {
        self.poll();
        let mut messages = Vec::new();
        let mut open = true;
        let lang = v.lang;
        let t = &lang.texts().calib;
        let mut last_size = self.last_size;
        dialog(ctx, "calibrate-all", &mut last_size, |ui| {
            ui.heading(t.calibrate_all_title);
            let done = self.results.len();
            if self.running() {
                ui.label((t.progress)(done, self.total));
                #[allow(clippy::cast_precision_loss)]
                let share = done as f32 / self.total.max(1) as f32;
                ui.add(ProgressBar::new(share).show_percentage());
                if ui.button(t.cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    self.cancel();
                }
                return;
            }
            if self.cancelled {
                ui.label((t.cancelled)(done, self.total));
                if ui.button(t.close).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    open = false;
                }
                return;
            }
            let count = |which: fn(&RegionFit) -> bool| {
                self.results.iter().filter(|(_, f)| which(f)).count()
            };
            let changed = count(|f| f.fitted().is_some_and(Calibration::changes_something));
            let unchanged = count(|f| f.fitted().is_some_and(|c| !c.changes_something()));
            let failed = count(|f| matches!(f, RegionFit::Poor(_) | RegionFit::Failed(_)));
            let nothing = count(|f| matches!(f, RegionFit::NothingReported));
            if changed + unchanged + failed == 0 {
                ui.label(t.no_regions_with_actuals);
            } else {
                ui.label((t.done)(changed, unchanged, failed, nothing));
            }
            let max_height = ctx.content_rect().height() * 0.6;
            if v.doc.revision != self.revision {
                ui.label(RichText::new(t.stale).color(ui.visuals().warn_fg_color));
            }
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .show(ui, |ui| self.table(ui, v));
            ui.horizontal(|ui| {
                let current = v.doc.revision == self.revision;
                let apply = ui
                    .add_enabled(current && changed > 0, egui::Button::new(t.apply))
                    .on_hover_text(t.apply_hint)
                    .on_disabled_hover_text(if current { t.apply_hint } else { t.stale });
                let ready = current && changed > 0;
                if keyboard_on_apply(ui, &apply, ready, &mut self.apply_focused)
                    && let Some(edit) = self.apply_edit(v.doc)
                {
                    messages.push(Msg::Edit(edit, None));
                    open = false;
                }
                if ui.button(t.close).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    open = false;
                }
            });
        });
        self.last_size = last_size;
        (messages, open)
    }

    /// One entry per region: its name, then what the fit came to, wrapped to the dialog.
    fn table(&self, ui: &mut Ui, v: &ViewCtx<'_>) {
        let lang = v.lang;
        let t = &lang.texts().calib;
        let warn = ui.visuals().warn_fg_color;
        for (index, fit) in &self.results {
            let Some(region) = v.doc.scenario.regions.get(*index) else {
                continue;
            };
            ui.add_space(4.0);
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    crate::i18n::shown(&region.code),
                    crate::i18n::shown(&region.name)
                ))
                .strong(),
            );
            let (text, colour) = match fit {
                RegionFit::Fitted(c) if !c.changes_something() => {
                    (lang.calibration_sentence(c), None)
                }
                RegionFit::Fitted(c) => (lang.calibration_sentence(c), None),
                RegionFit::Poor(c) => {
                    let mut text = lang.calibration_sentence(c);
                    for note in lang.calibration_notes(c) {
                        text.push(' ');
                        text.push_str(&note);
                    }
                    (text, Some(warn))
                }
                RegionFit::Failed(e) => (crate::i18n::sentence((t.error)(e)), Some(warn)),
                RegionFit::NothingReported => {
                    let as_of = region
                        .as_of
                        .month()
                        .map_or_else(|| region.as_of.to_string(), |m| lang.month(m));
                    (
                        crate::i18n::sentence((t.nothing_to_calibrate)(&as_of)),
                        None,
                    )
                }
            };
            let mut text = RichText::new(text);
            if let Some(colour) = colour {
                text = text.color(colour);
            }
            ui.add(egui::Label::new(text).wrap());
        }
    }
}
