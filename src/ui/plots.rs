//! The plots: coverage over time with targets and actuals, active participants by segment
//! (stacked), and public cost by payer per month or fiscal year.

use std::ops::RangeInclusive;

use egui::{RichText, Ui};
use egui_plot::{
    Bar, BarChart, FilledArea, GridInput, GridMark, HLine, Legend, Line, LineStyle, MarkerShape,
    Plot, PlotPoints, Points, VLine,
};

use egui_extras::{Size, StripBuilder};

use crate::engine::{Budget, Series};
use crate::i18n::Lang;
use crate::model::{Month, Payer, Segment};

use super::app::UcjApp;
use super::theme::series_colour;
use super::view::this_month;

#[allow(clippy::cast_possible_truncation)] // plot x values are month ordinals
pub fn month_of(x: f64) -> Month {
    Month::from_ordinal(x.round() as i32)
}

pub fn x_of(m: Month) -> f64 {
    f64::from(m.ordinal())
}

/// Grid marks on whole months: every 1, 3, 6, 12, 24 or 60 months, or whole decades beyond,
/// so that about ten marks fit. Never more than a dozen, whatever the bounds (a plot of one
/// month with huge values can have absurd or infinite bounds).
#[allow(clippy::needless_pass_by_value)] // the signature egui_plot asks for
pub fn month_grid(input: GridInput) -> Vec<GridMark> {
    month_marks(&input, 80.0)
}

/// The same with marks at least `min_px` pixels apart, so that every month label is drawn
/// (`egui_plot` leaves out labels closer than their width): large type on a narrow chart
/// gets yearly marks rather than none.
pub fn month_grid_px(min_px: f32) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| month_marks(&input, min_px)
}

fn month_marks(input: &GridInput, min_px: f32) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi < lo {
        return Vec::new();
    }
    let span = (hi - lo).max(1.0);
    // `base_step_size` is the data span of the plot's smallest grid spacing, 8 points.
    let px_per_month = if input.base_step_size > 0.0 {
        8.0 / input.base_step_size
    } else {
        f64::INFINITY
    };
    let step_f = [1.0, 3.0, 6.0, 12.0, 24.0, 60.0]
        .into_iter()
        .find(|s| span / s <= 10.0 && s * px_per_month >= f64::from(min_px))
        .unwrap_or_else(|| (span / 10.0 / 120.0).ceil() * 120.0);
    let first = (lo / step_f).ceil();
    // A label is centred on its mark: one closer to the right edge than about half a label
    // would be cut there ("Jan 202"), so that mark is left out.
    let right = hi - f64::from(min_px) * 0.4 / px_per_month;
    (0..12)
        .map(|i| (first + f64::from(i)) * step_f)
        .take_while(|&x| x <= right.max(lo))
        .map(|value| GridMark {
            value,
            step_size: step_f,
        })
        .collect()
}

/// Percent marks at least `min_px` pixels apart (1, 2, 5, 10, 20, 25 or 50 points, or whole
/// hundreds), so that every one is labelled: `egui_plot` leaves out a label taller than the
/// space between marks, which on a slide's short chart in large type left only "0 %".
pub fn pct_grid_px(min_px: f32) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| {
        let (lo, hi) = input.bounds;
        if !(lo.is_finite() && hi.is_finite()) || hi < lo {
            return Vec::new();
        }
        let px_per_point = if input.base_step_size > 0.0 {
            8.0 / input.base_step_size
        } else {
            f64::INFINITY
        };
        let span = (hi - lo).max(1e-9);
        let step = [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0]
            .into_iter()
            .find(|s| span / s <= 12.0 && s * px_per_point >= f64::from(min_px))
            .unwrap_or_else(|| (span / 12.0 / 100.0).ceil() * 100.0);
        let first = (lo / step).ceil();
        (0..13)
            .map(|i| (first + f64::from(i)) * step)
            .take_while(|&y| y <= hi)
            .map(|value| GridMark {
                value,
                step_size: step,
            })
            .collect()
    }
}

/// Coverage axes on a slide: no legend inside (the slide says what the lines are under the
/// chart), month and percent marks far enough apart for the slide's type, and still.
pub fn slide_axes(ui: &Ui, id: &str, lang: Lang) -> Plot<'static> {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    for_slide(
        coverage_axes_bare(id, lang)
            // A label such as "Jan 2026" is about 3.9 lines of type wide: marks 4.4 lines
            // apart keep a yearly label each on a 1024x768 slide's half-width chart, where
            // 5.5 left one.
            .x_grid_spacer(month_grid_px(body * 4.4))
            .y_grid_spacer(pct_grid_px(body * 1.6)),
    )
}

/// A chart on a slide: it stays as it is drawn (no hover read-out over the figures wherever
/// the pointer rests, no dragging or zooming by a stray click).
#[must_use]
pub fn for_slide(plot: Plot<'_>) -> Plot<'_> {
    plot.show_x(false)
        .show_y(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// The hover read-out of a coverage plot: series, month and percentage the user's way.
pub fn pct_hover(lang: Lang) -> impl Fn(&egui_plot::HoverPosition<'_>) -> Option<String> {
    move |hover| {
        Some(match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let value = format!(
                    "{}: {}",
                    lang.month(month_of(position.x)),
                    lang.pct(position.y)
                );
                if plot_name.is_empty() {
                    value
                } else {
                    format!("{plot_name}\n{value}")
                }
            }
            // Away from every line the pointer's height is no figure of the plan: only the
            // month is said.
            egui_plot::HoverPosition::Elsewhere { position } => lang.month(month_of(position.x)),
        })
    }
}

pub fn month_axis(lang: Lang) -> impl Fn(GridMark, &RangeInclusive<f64>) -> String {
    move |mark, _| lang.month(month_of(mark.value))
}

/// A series on a plot: the ALL total, or a region.
pub struct Shown<'a> {
    pub name: String,
    pub series: &'a Series,
    pub region: Option<usize>,
}

/// One region's series, for slides.
#[must_use]
pub fn region_shown(app: &UcjApp, index: usize) -> Vec<Shown<'_>> {
    app.doc
        .projection
        .region(index)
        .map(|p| Shown {
            name: crate::i18n::shown(&app.doc.scenario.regions[index].name).into_owned(),
            series: &p.series,
            region: Some(index),
        })
        .into_iter()
        .collect()
}

fn shown<'a>(app: &'a UcjApp) -> Vec<Shown<'a>> {
    let regions: Vec<Shown<'a>> = if app.view.show_all {
        Vec::new()
    } else {
        app.view
            .selected
            .iter()
            .filter_map(|&i| {
                let p = app.doc.projection.region(i)?;
                Some(Shown {
                    name: crate::i18n::shown(&app.doc.scenario.regions[i].name).into_owned(),
                    series: &p.series,
                    region: Some(i),
                })
            })
            .collect()
    };
    // Selected regions that cannot be projected are said so, never replaced by ALL.
    if !regions.is_empty() || (!app.view.show_all && !app.view.selected.is_empty()) {
        return regions;
    }
    app.doc
        .projection
        .total
        .as_ref()
        .map(|series| Shown {
            name: app.lang.all_scope(&app.doc.scenario, &app.doc.projection).0,
            series,
            region: None,
        })
        .into_iter()
        .collect()
}

/// Under a plot's title: which regions ALL leaves out, or why the selected regions are not
/// drawn.
fn scope_notes(app: &UcjApp, ui: &mut Ui, shown: &[Shown<'_>]) {
    let lang = app.lang;
    let warn = ui.visuals().warn_fg_color;
    // A typo in a cell is not in the document: the figures still use the value before it.
    let mut invalid = app.cells.invalid();
    if let Some((place, _)) = invalid.next() {
        let more = invalid.count();
        ui.label(
            RichText::new((lang.texts().ui.figures_without_typo)(place, more))
                .small()
                .color(ui.visuals().error_fg_color),
        );
    }
    if shown.iter().any(|s| s.region.is_none()) {
        for line in lang.all_scope(&app.doc.scenario, &app.doc.projection).1 {
            ui.label(RichText::new(line).small().color(warn));
        }
    }
    for &i in &app.view.selected {
        if app.view.show_all || app.doc.projection.region(i).is_some() {
            continue;
        }
        let name = app
            .doc
            .scenario
            .regions
            .get(i)
            .map_or_else(String::new, |r| crate::i18n::shown(&r.name).into_owned());
        let why = lang.why_not_projected(&app.doc.projection, i);
        ui.label(
            RichText::new((lang.texts().status.not_projected_named)(&name, &why))
                .small()
                .color(warn),
        );
    }
}

/// Two choices side by side for a yes/no view setting: `off` and `on`.
fn switch(ui: &mut Ui, value: &mut bool, off: &str, on: &str) {
    for (choice, label) in [(false, off), (true, on)] {
        if ui.selectable_label(*value == choice, label).clicked() {
            *value = choice;
        }
    }
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        ui.label(t.plot_scope);
        switch(
            ui,
            &mut app.view.show_all,
            t.selected_regions,
            t.all_regions,
        );
    });
    if ui.available_width() < 480.0 {
        // A narrow window (1024x768): three charts side by side would each be a sliver with
        // its legend over it. One at a time, the whole width, chosen here.
        ui.horizontal_wrapped(|ui| {
            // Short names, on one line; each chart says its full title above it.
            for (k, title) in t.plot_choices.into_iter().enumerate() {
                if ui.selectable_label(app.view.one_plot == k, title).clicked() {
                    app.view.one_plot = k;
                }
            }
        });
        match app.view.one_plot {
            1 => segment_plot(app, ui),
            2 => cost_plot(app, ui),
            _ => coverage_plot(app, ui),
        }
        return;
    }
    StripBuilder::new(ui)
        .size(Size::relative(0.56))
        .size(Size::remainder())
        .horizontal(|mut strip| {
            strip.cell(|ui| coverage_plot(app, ui));
            strip.strip(|builder| {
                builder.sizes(Size::relative(0.5), 2).vertical(|mut strip| {
                    strip.cell(|ui| segment_plot(app, ui));
                    strip.cell(|ui| cost_plot(app, ui));
                });
            });
        });
}

fn coverage_plot(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    // The picture of "the plot" takes its title and axes too.
    let rect = ui
        .scope(|ui| {
            ui.label(RichText::new(t.plot_coverage).strong());
            let shown = shown(app);
            scope_notes(app, ui, &shown);
            if let Some(spread) = app.runs.spread(&app.doc) {
                let tu = &app.lang.texts().uncertainty;
                let runs = app.lang.people(f64::from(spread.runs));
                ui.label(RichText::new((tu.bands_line)(&runs)).small().weak());
            }
            coverage_chart(app, ui, &shown, "coverage");
        })
        .response
        .rect;
    app.plot_rect = Some(rect.expand(2.0));
}

/// A plot of coverage over months: month labels, percent, legend, hover read-out.
pub fn coverage_axes(id: &str, lang: Lang) -> Plot<'static> {
    // Bottom right: coverage lines and targets run high on the chart, so the legend there
    // covers the least of them.
    coverage_axes_bare(id, lang).legend(Legend::default().position(egui_plot::Corner::RightBottom))
}

/// The same without a legend, for a slide that says what the lines are outside the chart.
pub fn coverage_axes_bare(id: &str, lang: Lang) -> Plot<'static> {
    Plot::new(id)
        .x_grid_spacer(month_grid)
        .x_axis_formatter(month_axis(lang))
        .y_axis_formatter(move |mark, _| format!("{} %", lang.number(mark.value, 0)))
        .include_y(0.0)
        // A region with nobody active yet (fresh from the catalogue) still gets a readable
        // axis instead of ten labels of "0 %".
        .include_y(10.0)
        .label_formatter(pct_hover(lang))
}

/// Coverage over time of `shown`, with targets, actuals and a line at the current month.
pub fn coverage_chart(app: &UcjApp, ui: &mut Ui, shown: &[Shown<'_>], id: &str) {
    coverage_chart_with(app, ui, shown, id, None);
}

/// The same, with `ghost` (a name and a series: the projection before a what-if change)
/// drawn dashed beneath.
pub fn coverage_chart_with(
    app: &UcjApp,
    ui: &mut Ui,
    shown: &[Shown<'_>],
    id: &str,
    ghost: Option<(&str, &Series)>,
) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let now = this_month();
    let text_height = ui.text_style_height(&egui::TextStyle::Body);
    let axes = if app.present.is_some() {
        // Room above the highest line and target for the campaigns' names that hang from
        // the top edge (a line for each marked campaign), so they do not sit on the data.
        let marks = match shown {
            [one] => one
                .region
                .map_or(0, |index| marked_campaigns(app, index).len()),
            _ => 0,
        };
        let highest = shown
            .iter()
            .flat_map(|s| s.series.coverages())
            .chain(
                shown
                    .iter()
                    .filter_map(|s| app.doc.projection.region(s.region?))
                    .flat_map(|p| p.targets.iter().map(|&(_, pct)| pct)),
            )
            .filter(|v| v.is_finite())
            .fold(10.0_f64, f64::max);
        #[allow(clippy::cast_precision_loss)] // at most three campaigns
        let room = 1.08 + 0.1 * marks as f64;
        slide_axes(ui, id, lang).include_y(highest * room)
    } else if ui.available_width() < 320.0 {
        // A chart this narrow (a small window) would be half covered by its legend: the
        // note above it says what the lines and bands are, and hovering names a line.
        coverage_axes_bare(id, lang)
    } else {
        coverage_axes(id, lang)
    };
    axes.show(ui, |plot| {
        if let Some((name, series)) = ghost {
            let points: PlotPoints = (0..series.len())
                .map(|i| [x_of(series.month(i)), series.coverage_pct(i)])
                .collect();
            plot.line(
                Line::new(name.to_owned(), points)
                    .color(super::theme::GUIDE)
                    .width(2.5)
                    .style(LineStyle::dashed_loose()),
            );
        }
        let spread = app.runs.spread(&app.doc);
        // With one series the legend needs no region name after "target" and "actual": it
        // stays narrow enough for a small window.
        let single = shown.len() == 1;
        let of = |word: &str, name: &str| {
            if single {
                word.to_owned()
            } else {
                format!("{word} {name}")
            }
        };
        for (k, s) in shown.iter().enumerate() {
            let colour = series_colour(k);
            let bands = spread.and_then(|sp| match s.region {
                Some(i) => sp.region(i).map(|r| &r.bands),
                None => sp.total.as_ref(),
            });
            if let Some(b) = bands {
                draw_bands(plot, lang, b, colour);
            }
            let points: PlotPoints = (0..s.series.len())
                .map(|i| [x_of(s.series.month(i)), s.series.coverage_pct(i)])
                .collect();
            // With bands, the plan's own line stays, thin and dashed, under the median.
            let line = Line::new(s.name.clone(), points).color(colour);
            plot.line(if bands.is_some() {
                line.width(1.5).style(LineStyle::dashed_dense())
            } else {
                line.width(2.5)
            });
            let Some(index) = s.region else { continue };
            let Some(p) = app.doc.projection.region(index) else {
                continue;
            };
            for &(month, pct) in &p.targets {
                plot.hline(
                    HLine::new(of(t.target, &s.name), pct)
                        .color(colour.gamma_multiply(0.6))
                        .style(LineStyle::dashed_loose()),
                );
                plot.points(
                    Points::new(of(t.target, &s.name), vec![[x_of(month), pct]])
                        .shape(MarkerShape::Diamond)
                        .radius(7.0)
                        .filled(true)
                        .color(colour),
                );
            }
            let actuals: Vec<[f64; 2]> = app.doc.scenario.regions[index]
                .actuals
                .iter()
                .filter_map(|a| {
                    let k = p.series.index_of(a.month.month()?)?;
                    Some([
                        x_of(p.series.month(k)),
                        100.0 * a.active / p.series.workforce[k],
                    ])
                })
                .collect();
            if !actuals.is_empty() {
                plot.points(
                    Points::new(of(t.actual, &s.name), actuals)
                        .shape(MarkerShape::Circle)
                        .radius(5.0)
                        .filled(false)
                        .color(colour),
                );
            }
        }
        plot.vline(
            VLine::new(t.today, x_of(now))
                .color(super::theme::GUIDE)
                .style(LineStyle::dashed_dense()),
        );
        // On a slide of one region: where its campaigns start and where their funding ends,
        // named at the top of the chart (the three first, to stay readable).
        if app.present.is_some()
            && let [one] = shown
            && let Some(index) = one.region
        {
            annotate_campaigns(app, plot, index, text_height);
        }
    });
}

/// The campaigns a region slide's chart marks: the region's first three that count.
#[must_use]
pub fn marked_campaigns(app: &UcjApp, index: usize) -> Vec<&crate::model::Campaign> {
    let Some(region) = app.doc.scenario.regions.get(index) else {
        return Vec::new();
    };
    app.doc
        .scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|(c, campaign)| campaign.region == region.code && app.doc.campaign_on(*c))
        .map(|(_, c)| c)
        .take(3)
        .collect()
}

/// Marks at each campaign's start (solid) and at the end of its funding (dashed), tagged with
/// the campaign's number (the key under the chart names it) and what happens there.
fn annotate_campaigns(
    app: &UcjApp,
    plot: &mut egui_plot::PlotUi<'_>,
    index: usize,
    text_height: f32,
) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let Some(p) = app.doc.projection.region(index) else {
        return;
    };
    // The words hang from the chart's top edge, one line lower for each campaign, so that
    // they are inside the chart whatever its height (the bounds and scale are the last
    // frame's, which the chart keeps from frame to frame).
    let top = plot.plot_bounds().max()[1];
    let per_point = plot.transform().dvalue_dpos()[1].abs();
    let line = f64::from(text_height) * 1.1 * per_point;
    for (n, campaign) in marked_campaigns(app, index).into_iter().enumerate() {
        let Some(start) = campaign.start.month() else {
            continue;
        };
        let y = top - 0.2 * line - line * n as f64;
        // A line at the month, and its words beside it at the campaign's height.
        let mut mark = |words: &str, month: Month, style: LineStyle| {
            let label = format!("{words} {}", n + 1);
            let x = x_of(month);
            plot.vline(
                VLine::new(label.clone(), x)
                    .color(super::theme::INK.gamma_multiply(0.7))
                    .width(1.5)
                    .style(style),
            );
            plot.text(
                egui_plot::Text::new("", egui_plot::PlotPoint::new(x, y), RichText::new(label))
                    .anchor(egui::Align2::LEFT_TOP),
            );
        };
        mark(t.campaign_starts, start, LineStyle::Solid);
        let ends = campaign
            .funded_months
            .filter(|_| campaign.payer.is_funded())
            .and_then(|m| i32::try_from(m).ok())
            .map(|m| start.plus(m))
            .filter(|m| *m <= p.series.last());
        if let Some(ends) = ends {
            mark(t.funding_ends, ends, LineStyle::dashed_loose());
        }
    }
}

/// The runs' bands: 5-95 % lightest, 25-75 % darker, the median emphasised.
pub fn draw_bands(
    plot: &mut egui_plot::PlotUi<'_>,
    lang: Lang,
    bands: &crate::engine::Bands,
    colour: egui::Color32,
) {
    use crate::engine::{P5, P25, P50, P75, P95};
    let t = &lang.texts().uncertainty;
    let xs: Vec<f64> = (0..bands.values.len())
        .map(|k| x_of(bands.month(k)))
        .collect();
    let at = |p: usize| -> Vec<f64> { bands.values.iter().map(|q| q[p]).collect() };
    // Unnamed, so they stay out of the legend: the line above the chart says what they are.
    plot.add(
        FilledArea::new("", &xs, &at(P5), &at(P95))
            .fill_color(colour.gamma_multiply(0.16))
            // An edge at full colour: the band stands out of the paper, not only its fill.
            .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.8))),
    );
    plot.add(
        FilledArea::new("", &xs, &at(P25), &at(P75))
            .fill_color(colour.gamma_multiply(0.34))
            .stroke(egui::Stroke::NONE),
    );
    let median: PlotPoints = xs.iter().zip(at(P50)).map(|(&x, y)| [x, y]).collect();
    plot.line(Line::new(t.median, median).color(colour).width(3.0));
}

/// The top of a chart filling the rest of `ui` whose data reach up to `tallest`, leaving room
/// above them for a legend of `lines` lines in the top corner, so that it never hides what it
/// names. `None` when there is nothing to leave room above.
fn legend_room(ui: &Ui, lines: usize, tallest: f64) -> Option<f64> {
    let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    #[allow(clippy::cast_precision_loss)] // a handful of lines
    let legend = line * lines as f32 + 12.0;
    top_above(tallest, legend, ui.available_height())
}

/// The top of a chart `height` points tall whose data reach `tallest`, so that the top
/// `legend` points are above the data (at most 60 % of the chart).
fn top_above(tallest: f64, legend: f32, height: f32) -> Option<f64> {
    let share = f64::from(legend / height.max(1.0)).clamp(0.0, 0.6);
    (tallest.is_finite() && tallest > 0.0).then(|| tallest / (1.0 - share))
}

fn focus_series(app: &UcjApp) -> Option<(String, &Series)> {
    shown(app).into_iter().next().map(|s| (s.name, s.series))
}

fn segment_plot(app: &UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let Some((name, series)) = focus_series(app) else {
        ui.label(RichText::new(t.plot_segments).strong());
        return;
    };
    ui.label(RichText::new(format!("{}: {name}", t.plot_segments)).strong());
    let xs: Vec<f64> = (0..series.len()).map(|k| x_of(series.month(k))).collect();
    let lines = Segment::ALL
        .iter()
        .filter(|s| series.by_segment.iter().any(|v| v[s.index()] > 0.0))
        .count();
    let tallest = series.active.iter().copied().fold(0.0, f64::max);
    let mut plot = Plot::new("segments");
    if let Some(top) = legend_room(ui, lines, tallest) {
        plot = plot.include_y(top);
    }
    plot.legend(Legend::default())
        .x_grid_spacer(month_grid)
        .x_axis_formatter(month_axis(lang))
        .y_axis_formatter(move |mark, _| lang.number(mark.value, 0))
        .include_y(0.0)
        .include_y(10.0)
        .label_formatter(move |hover| {
            Some(match hover {
                egui_plot::HoverPosition::NearDataPoint { position, .. } => format!(
                    "{}: {}",
                    lang.month(month_of(position.x)),
                    lang.people(position.y)
                ),
                // The pointer's height is no figure of the plan.
                egui_plot::HoverPosition::Elsewhere { position } => {
                    lang.month(month_of(position.x))
                }
            })
        })
        .show(ui, |plot| {
            let mut below = vec![0.0; series.len()];
            for (k, segment) in Segment::ALL.into_iter().enumerate() {
                let top: Vec<f64> = below
                    .iter()
                    .zip(&series.by_segment)
                    .map(|(b, s)| b + s[segment.index()])
                    .collect();
                if top.iter().zip(&below).any(|(a, b)| a > b) {
                    plot.add(
                        FilledArea::new(segment.code(), &xs, &below, &top)
                            .fill_color(series_colour(k).gamma_multiply(0.55))
                            .stroke(egui::Stroke::new(1.0, series_colour(k))),
                    );
                }
                below = top;
            }
        });
}

fn cost_plot(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let budget = if shown(app).first().is_some_and(|s| s.region.is_none()) {
        app.doc.projection.budget.clone()
    } else {
        focus_series(app).map(|(_, s)| Budget::of_series(s))
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.plot_cost).strong());
        switch(ui, &mut app.view.cost_yearly, t.per_month, t.per_year);
    });
    let Some(budget) = budget else { return };
    cost_chart(ui, lang, &budget, app.view.cost_yearly, "cost", false);
}

/// Public cost by payer, stacked, per month or per fiscal year.
///
/// On a slide (`slide`) the chart stays still: see [`for_slide`].
pub fn cost_chart(ui: &mut Ui, lang: Lang, budget: &Budget, yearly: bool, id: &str, slide: bool) {
    let t = &lang.texts().ui;
    // (x, by payer) per bar: months as ordinals, years as years.
    let bars: Vec<(f64, [f64; Payer::COUNT])> = if yearly {
        budget
            .fiscal_years()
            .into_iter()
            .map(|y| (f64::from(y.year), y.by_payer))
            .collect()
    } else {
        budget
            .cost_by_payer
            .iter()
            .enumerate()
            .map(|(k, c)| (x_of(budget.month(k)), *c))
            .collect()
    };
    let mut plot = Plot::new((id, yearly))
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(1_000_000.0)
        .y_axis_formatter(move |mark, _| lang.rp_short(mark.value));
    plot = if yearly {
        plot.x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
            .x_grid_spacer(|input| {
                let (lo, hi) = input.bounds;
                #[allow(clippy::cast_possible_truncation)] // years on a plot axis
                (lo.ceil() as i64..=hi.floor() as i64)
                    .map(|y| GridMark {
                        value: y as f64,
                        step_size: 1.0,
                    })
                    .collect()
            })
    } else {
        plot.x_grid_spacer(month_grid)
            .x_axis_formatter(month_axis(lang))
    };
    if slide {
        plot = for_slide(plot);
    }
    // Room above the tallest bar for the legend in the top corner, one line per payer shown,
    // so that it never hides the bars it names.
    let shown = Payer::ALL
        .iter()
        .filter(|p| bars.iter().any(|(_, c)| c[p.index()] > 0.0))
        .count();
    let tallest = bars
        .iter()
        .map(|(_, c)| c.iter().filter(|v| **v > 0.0).sum::<f64>())
        .fold(0.0, f64::max);
    if let Some(top) = legend_room(ui, shown, tallest) {
        plot = plot.include_y(top);
    }
    plot.show(ui, |plot| {
        let mut charts: Vec<BarChart> = Vec::new();
        for (k, payer) in Payer::ALL.into_iter().enumerate() {
            if bars.iter().all(|(_, c)| c[payer.index()] <= 0.0) {
                continue;
            }
            let name = (t.payer)(payer);
            let items: Vec<Bar> = bars
                .iter()
                .map(|(x, c)| {
                    let label = if yearly {
                        format!("{name} {x:.0}: {}", lang.rp_short(c[payer.index()]))
                    } else {
                        format!(
                            "{name} {}: {}",
                            lang.month(month_of(*x)),
                            lang.rp_short(c[payer.index()])
                        )
                    };
                    Bar::new(*x, c[payer.index()])
                        .width(if yearly { 0.6 } else { 0.8 })
                        .fill(series_colour(k).gamma_multiply(0.8))
                        .name(label)
                })
                .collect();
            let refs: Vec<&BarChart> = charts.iter().collect();
            let chart = BarChart::new(name, items)
                .color(series_colour(k))
                .element_formatter(Box::new(|bar, _| bar.name.clone()))
                .stack_on(&refs);
            charts.push(chart);
        }
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hover_says_a_value_only_near_a_line() {
        let at = egui_plot::PlotPoint::new(x_of(Month::new(2025, 10).unwrap()), 15.18);
        let hover = pct_hover(Lang::En);
        assert_eq!(
            hover(&egui_plot::HoverPosition::Elsewhere { position: at }).as_deref(),
            Some("Oct 2025")
        );
        assert_eq!(
            hover(&egui_plot::HoverPosition::NearDataPoint {
                plot_name: "Kabupaten Bungo",
                position: at,
                index: 3,
            })
            .as_deref(),
            Some("Kabupaten Bungo\nOct 2025: 15.18 %")
        );
    }

    /// Marks on a plot with `px` points per month.
    fn marks_at(lo: f64, hi: f64, px: f64) -> Vec<GridMark> {
        month_grid(GridInput {
            bounds: (lo, hi),
            base_step_size: 8.0 / px,
        })
    }

    fn marks(lo: f64, hi: f64) -> Vec<GridMark> {
        marks_at(lo, hi, 30.0)
    }

    #[test]
    fn month_grid_stays_small_whatever_the_bounds() {
        // 36 months: every 6 months; the last one at the right edge is left out, its label
        // would be cut in half there.
        assert_eq!(marks(24_300.0, 24_336.0).len(), 6);
        // A month and a half of room after it (45 points): it stays.
        assert_eq!(marks(24_300.0, 24_337.5).len(), 7);
        // The same months on a narrow chart (8 points a month): yearly, so the labels fit.
        assert_eq!(marks_at(24_300.0, 24_336.0, 8.0).len(), 3);
        // Large type asks for more room: 36 points a month and labels 200 wide, yearly too.
        let wide_labels = month_grid_px(200.0)(GridInput {
            bounds: (24_300.0, 24_336.0),
            base_step_size: 8.0 / 36.0,
        });
        assert!(wide_labels.iter().all(|m| m.step_size >= 6.0));
        for (lo, hi) in [
            (0.0, 1e12),
            (-1e300, 1e300),
            (f64::NEG_INFINITY, f64::INFINITY),
            (f64::NAN, 1.0),
            (5.0, 1.0),
        ] {
            assert!(marks(lo, hi).len() <= 12, "{lo}..{hi}");
            assert!(
                pct_grid_px(30.0)(GridInput {
                    bounds: (lo, hi),
                    base_step_size: 1.0,
                })
                .len()
                    <= 13
            );
        }
    }

    /// A legend 50 points tall on a chart of 200 gets the top quarter to itself: the data
    /// reach 100, the chart 133.3, and the legend's bottom edge is at 100.
    #[test]
    fn the_legend_gets_room_above_the_data() {
        let top = top_above(100.0, 50.0, 200.0).unwrap();
        assert!((top * (1.0 - 50.0 / 200.0) - 100.0).abs() < 1e-9);
        // Never more than 60 % of the chart, nothing for no data.
        assert!((top_above(100.0, 500.0, 200.0).unwrap() - 250.0).abs() < 1e-9);
        assert_eq!(top_above(0.0, 50.0, 200.0), None);
        assert_eq!(top_above(f64::NAN, 50.0, 200.0), None);
    }

    /// A slide's short chart in large type: percent marks far enough apart for every label
    /// (`egui_plot` leaves out labels taller than the gap), on round numbers.
    #[test]
    fn percent_marks_leave_room_for_every_label() {
        // 0-70 % on 200 points, labels 40 points apart at least: every 20 %.
        let px_per_point = 200.0 / 70.0;
        let marks = pct_grid_px(40.0)(GridInput {
            bounds: (0.0, 70.0),
            base_step_size: 8.0 / px_per_point,
        });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, [0.0, 20.0, 40.0, 60.0]);
        // A tall chart in small type: every 10 %, never more than a dozen marks.
        let marks = pct_grid_px(20.0)(GridInput {
            bounds: (-3.0, 104.0),
            base_step_size: 8.0 / 8.0,
        });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(
            values,
            [
                0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0
            ]
        );
    }
}
