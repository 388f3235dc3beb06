//! The slides: overview, one per region with the quick-change strip, budget, comparison.

use egui::{Key, RichText, Ui};
use egui_extras::{Size, StripBuilder};

use crate::engine::{Reached, TargetSwings, analyse_targets, campaign_budgets};
use crate::model::MonthField;

use super::super::app::UcjApp;
use super::super::document::overrides_of;
use super::super::edit::Edit;
use super::super::panels::campaign_edit;
use super::super::panels::campaigns::switch_campaign;
use super::super::panels::regions::{Status, next_target, status, status_text};
use super::super::plots::{cost_chart, coverage_chart_with, region_shown};
use super::super::theme;
use super::super::view::Msg;

/// The first slide: what is shown, which plan, today's date and how old the figures are.
pub(super) fn title(app: &UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let s = &app.doc.scenario;
    let height = ui.available_height();
    ui.add_space(height * 0.22);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(crate::i18n::shown(&s.name))
                .size(height / 9.0)
                .strong(),
        );
        ui.add_space(height * 0.04);
        if let Some(plan) = super::super::menu::plan_name(app) {
            ui.label(RichText::new(format!("{} {plan}", t.plan_shown)).size(height / 22.0));
        }
        let months: Vec<crate::model::Month> =
            s.regions.iter().filter_map(|r| r.as_of.month()).collect();
        let figures = match (months.iter().min(), months.iter().max()) {
            (Some(a), Some(b)) if a == b => (t.figures_as_of)(&lang.month(*a)),
            (Some(a), Some(b)) => {
                (t.figures_as_of)(&format!("{} – {}", lang.month(*a), lang.month(*b)))
            }
            _ => String::new(),
        };
        ui.label(RichText::new(figures).size(height / 22.0));
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        ui.label(RichText::new(lang.date(now)).size(height / 26.0).weak());
    });
}

/// The rates the projection rests on: lapse and growth (the scenario's), enrollment and lapse
/// per region, each marked assumed, own or fitted to the reported months.
pub(super) fn assumptions(app: &UcjApp, ui: &mut Ui) {
    use crate::model::{Rate, Segment};
    let lang = app.lang;
    let t = &lang.texts().ui;
    let calib = &lang.texts().calib;
    let s = &app.doc.scenario;
    ui.heading(t.assumptions_title);
    ui.add_space(8.0);
    let lapse: Vec<String> = Segment::ALL
        .iter()
        .filter_map(|seg| {
            let v = s.assumptions.lapse_pct_per_month.get(seg)?;
            Some(format!(
                "{} {}",
                seg.code(),
                lang.signed_pct(*v, 2).trim_start_matches('+')
            ))
        })
        .collect();
    ui.label(format!(
        "{}: {} ({})",
        t.lapse_per_month,
        lapse.join(" · "),
        calib.source_assumed
    ));
    ui.label(format!(
        "{}: {} {} ({})",
        t.growth,
        lang.signed_pct(s.assumptions.workforce_growth_pct_per_year, 1),
        t.per_year_unit,
        calib.source_assumed
    ));
    ui.add_space(12.0);
    let rates = [
        Rate::NewPerMonth(Segment::PU),
        Rate::NewPerMonth(Segment::BPU),
        Rate::Lapse(Segment::BPU),
    ];
    let mut rows = vec![
        std::iter::once(RichText::new(t.col_region).strong())
            .chain(
                rates
                    .iter()
                    .map(|&r| RichText::new((calib.rate_name)(r)).strong()),
            )
            .collect::<Vec<_>>(),
    ];
    // As many regions as the slide has room for, those with rates of their own (entered or
    // fitted) first: on a national file the rest says how many more there are.
    let line = ui.text_style_height(&egui::TextStyle::Body);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a few dozen rows
    let room = ((ui.available_height() - line * 2.4 - line * 3.0) / (line * 1.5)).max(1.0) as usize;
    let own = |region: &crate::model::Region| {
        !region.fitted.is_empty() || !region.lapse_pct_per_month.is_empty()
    };
    let mut order: Vec<&crate::model::Region> = s.regions.iter().collect();
    order.sort_by_key(|region| !own(region));
    let listed = if order.len() > room {
        room.saturating_sub(1).max(1)
    } else {
        order.len()
    };
    for region in order.iter().take(listed) {
        let mut row = vec![RichText::new(short_name(&region.name))];
        for r in rates {
            let v = region.rate(r, &s.assumptions);
            let value = match r {
                Rate::NewPerMonth(_) => lang.people(v),
                Rate::Lapse(_) => format!("{} %", lang.number(v, 2)),
            };
            // The value and, in a word, where it comes from; the months fitted to follow.
            let source = lang.rate_source(&region.rate_source(r));
            let word = source
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned();
            row.push(RichText::new(format!("{value} ({word})")));
        }
        rows.push(row);
    }
    fitted_table(ui, &[0.34, 0.22, 0.22, 0.22], &rows, |_, _, _, _| false);
    if listed < order.len() {
        ui.label(RichText::new((lang.texts().grid.and_more)(order.len() - listed)).weak());
        // The months each rate was fitted to are in the tables; a slide has no room for them.
        return;
    }
    let fitted: Vec<String> = order
        .iter()
        .flat_map(|region| {
            region.fitted.iter().map(move |f| {
                format!(
                    "{}: {} {}",
                    crate::i18n::shown(&region.name),
                    (calib.rate_name)(f.rate),
                    lang.rate_source(&region.rate_source(f.rate))
                )
            })
        })
        .collect();
    for line in fitted {
        ui.label(RichText::new(line).weak());
    }
}

/// A region's name as a slide writes it: "Kabupaten" and "Provinsi" in their usual short
/// forms, so the name fits a 4:3 projector.
fn short_name(name: &str) -> String {
    let name = crate::i18n::shown(name);
    for (long, short) in [("Kabupaten ", "Kab. "), ("Provinsi ", "Prov. ")] {
        if let Some(rest) = name.strip_prefix(long) {
            return format!("{short}{rest}");
        }
    }
    name.into_owned()
}

/// A table that fits the slide's width whatever the screen: each column gets its share of
/// the width, and a cell's text too long for it is cut with "…" (whole on hover), so nothing
/// runs off the screen or over its neighbour. `draw` may paint into a cell instead (a bar).
pub(super) fn fitted_table(
    ui: &mut Ui,
    shares: &[f32],
    rows: &[Vec<RichText>],
    mut draw: impl FnMut(&mut Ui, usize, usize, egui::Rect) -> bool,
) {
    let width = ui.available_width();
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = line * 1.5;
    let gap = line * 0.5;
    let total: f32 = shares.iter().sum();
    for (r, row) in rows.iter().enumerate() {
        // The header may take two lines; a row of figures one.
        let height = if r == 0 { line * 2.4 } else { row_height };
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
        let mut x = rect.left();
        for (c, share) in shares.iter().enumerate() {
            let w = width * share / total;
            let cell =
                egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(w - gap, height));
            x += w;
            if draw(ui, r, c, cell) {
                continue;
            }
            let Some(text) = row.get(c) else { continue };
            let full = text.text().to_owned();
            let label = if r == 0 {
                egui::Label::new(text.clone()).wrap()
            } else {
                egui::Label::new(text.clone()).truncate()
            };
            let layout = egui::Layout::left_to_right(if r == 0 {
                egui::Align::Max
            } else {
                egui::Align::Center
            });
            let response = ui
                .scope_builder(egui::UiBuilder::new().max_rect(cell).layout(layout), |ui| {
                    ui.add(label)
                })
                .inner;
            if !full.is_empty() && r > 0 {
                response.on_hover_text(full);
            }
        }
    }
}

/// A heading `name` + `rest` kept to one line: smaller type (down to 70 % of a heading) when
/// it is too long, then the name cut with "…" so that `rest` (what the slide is, its page)
/// is always read.
fn one_line_heading(ui: &mut Ui, name: &str, rest: &str) {
    let font = egui::TextStyle::Heading.resolve(ui.style());
    let room = ui.available_width();
    let width = |text: String, size: f32| {
        ui.painter()
            .layout_no_wrap(
                text,
                egui::FontId::new(size, font.family.clone()),
                theme::INK,
            )
            .size()
            .x
    };
    let whole = format!("{name}{rest}");
    let full = width(whole.clone(), font.size);
    let size = if full > room {
        (font.size * room / full).max(font.size * 0.7)
    } else {
        font.size
    };
    let chars: Vec<char> = name.chars().collect();
    let cut = |k: usize| format!("{}…{rest}", chars[..k].iter().collect::<String>());
    let text = if width(whole.clone(), size) <= room {
        whole.clone()
    } else {
        // The longest start of the name that fits (a few measures, by halving).
        let (mut fits, mut not) = (0, chars.len());
        while not - fits > 1 {
            let mid = usize::midpoint(fits, not);
            if width(cut(mid), size) <= room {
                fits = mid;
            } else {
                not = mid;
            }
        }
        cut(fits)
    };
    ui.add(egui::Label::new(RichText::new(text).size(size)).truncate())
        .on_hover_text(whole);
}

/// How many regions an overview page holds on a screen this high (a row is about 52 pixels
/// with the slide's type; the title, header, ALL row and legend take the rest).
#[must_use]
pub(super) fn overview_rows(screen_height: f32) -> usize {
    // Everything scales with the screen: a row is 1.5 lines of body type, and the title,
    // header, ALL row, legend and footer take about nine lines.
    let (body, title) = super::type_sizes(screen_height);
    // A row is 1.5 lines of body type (a line is about 1.15 of the type's size) and the space
    // between rows: about 2.1 times the type, 53 pixels at 1024x768.
    let rest = screen_height - title * 1.6 - body * 9.5;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = (rest / (body * 2.1)).floor().max(3.0) as usize;
    rows
}

pub(super) fn overview(app: &UcjApp, ui: &mut Ui, page: usize) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let per_page = overview_rows(ui.ctx().content_rect().height());
    let projected = (0..app.doc.scenario.regions.len())
        .filter(|&i| app.doc.projection.region(i).is_some())
        .count();
    let pages = projected.div_ceil(per_page).max(1);
    let paging = if pages > 1 {
        format!(" ({})", (t.page_of)(page + 1, pages))
    } else {
        String::new()
    };
    // One line whatever the scenario's name: a title that wrapped pushed the last rows and
    // the footer off a 4:3 screen.
    one_line_heading(
        ui,
        &crate::i18n::shown(&app.doc.scenario.name),
        &format!(": {}{paging}", t.overview_title),
    );
    ui.add_space(12.0);
    let mut rows: Vec<(
        usize,
        f64,
        Option<crate::engine::TargetOutcome>,
        Option<Status>,
    )> = (0..app.doc.scenario.regions.len())
        .filter_map(|i| {
            let p = app.doc.projection.region(i)?;
            let target = next_target(p);
            let st = target.as_ref().map(|tg| status(p, tg));
            Some((i, p.series.coverage_pct(0), target, st))
        })
        .collect();
    let key = |r: &(
        usize,
        f64,
        Option<crate::engine::TargetOutcome>,
        Option<Status>,
    )| { r.2.as_ref().and_then(|t| t.projected_pct).unwrap_or(r.1) };
    rows.sort_by(|a, b| key(b).total_cmp(&key(a)));
    let last_page = page + 1 >= pages;
    let rows: Vec<_> = rows
        .into_iter()
        .skip(page * per_page)
        .take(per_page)
        .collect();
    let spread = app.runs.spread(&app.doc);
    // A 4:3 projector has no room for coverage now and the bars: projected against the target
    // says it, in words.
    let screen = ui.ctx().content_rect();
    let wide = screen.width() / screen.height() >= 1.5;
    let strong = |text: &str| RichText::new(text).strong();
    let chance_head = if spread.is_some() {
        lang.texts().uncertainty.chance
    } else {
        ""
    };
    let mut table = vec![if wide {
        vec![
            strong(t.col_region),
            strong(&format!("{} · {}", t.coverage_now, t.col_projected)),
            strong(t.col_next_target),
            strong(t.col_status),
            strong(chance_head),
        ]
    } else {
        vec![
            strong(t.col_region),
            strong(t.col_projected),
            strong(t.col_next_target),
            strong(t.col_status),
            strong(chance_head),
        ]
    }];
    let mut bars = vec![None];
    for (i, now, target, st) in &rows {
        let projected = target.as_ref().and_then(|tg| tg.projected_pct);
        let chance = spread.and_then(|spread| {
            let tg = target.as_ref()?;
            spread
                .region(*i)?
                .chances
                .iter()
                .find(|c| c.month == tg.month && c.pct == tg.pct)?
                .chance
        });
        let projected_text = projected.map_or_else(|| "–".into(), |v| lang.pct(v));
        // More people covered than there are workers: a figure to check before the meeting
        // believes it (validation warns too), in the warning colour.
        let impossible = projected.is_some_and(|v| v > 100.0) || *now > 100.0;
        let projected_cell = RichText::new(if wide {
            format!("{} · {projected_text}", lang.pct(*now))
        } else {
            projected_text
        });
        table.push(vec![
            RichText::new(short_name(&app.doc.scenario.regions[*i].name)),
            if impossible {
                projected_cell.color(theme::CHECK)
            } else {
                projected_cell
            },
            RichText::new(target.as_ref().map_or_else(String::new, |tg| {
                format!("{} {}", lang.pct(tg.pct), lang.month(tg.month))
            })),
            RichText::new(st.map_or("", |s| status_text(lang, s))),
            RichText::new(chance.map_or_else(String::new, |c| lang.chance(c))),
        ]);
        bars.push(Some((*now, projected, target.as_ref().map(|tg| tg.pct))));
    }
    if let Some(total) = app.doc.projection.total.as_ref().filter(|_| last_page) {
        let all = lang.all_scope(&app.doc.scenario, &app.doc.projection).0;
        let end = total.coverages().last();
        let end_text = end.map_or_else(|| "–".into(), |v| lang.pct(v));
        table.push(vec![
            strong(&all),
            strong(&if wide {
                format!("{} · {end_text}", lang.pct(total.coverage_pct(0)))
            } else {
                end_text
            }),
            RichText::new(format!("{} {}", t.at_end, lang.month(total.last()))),
        ]);
        bars.push(Some((total.coverage_pct(0), end, None)));
    }
    let shares: &[f32] = if wide {
        &[0.26, 0.23, 0.2, 0.14, 0.09, 0.08]
    } else {
        &[0.32, 0.17, 0.25, 0.15, 0.11]
    };
    fitted_table(ui, shares, &table, |ui, r, c, rect| {
        if c != 5 {
            return false;
        }
        if let Some(Some((now, projected, target))) = bars.get(r) {
            bar(ui, rect, *now, *projected, *target);
        }
        true
    });
    for line in lang.all_scope(&app.doc.scenario, &app.doc.projection).1 {
        ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
    }
    if wide {
        ui.add_space(10.0);
        bar_legend(ui, lang);
    }
}

/// What the bars show: coverage now, projected, and the target tick.
fn bar_legend(ui: &mut Ui, lang: crate::i18n::Lang) {
    let t = &lang.texts().ui;
    ui.horizontal(|ui| {
        for (colour, label) in [
            (theme::series_colour(4), t.coverage_now),
            (theme::series_colour(0), t.col_projected),
            (theme::TARGET_MARK, t.target),
        ] {
            let size = ui.text_style_height(&egui::TextStyle::Body);
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(size, size * 0.6), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(RichText::new(label));
            ui.add_space(size * 0.5);
        }
    });
}

/// Coverage now (light) and projected (dark) on a 0–100 % bar, with the target as a tick.
fn bar(ui: &Ui, cell: egui::Rect, now: f64, projected: Option<f64>, target: Option<f64>) {
    let rect = cell.shrink2(egui::vec2(0.0, cell.height() * 0.2));
    let painter = ui.painter();
    #[allow(clippy::cast_possible_truncation)]
    let x = |pct: f64| rect.left() + rect.width() * (pct.clamp(0.0, 100.0) / 100.0) as f32;
    painter.rect_filled(rect, 3.0, theme::TRACK);
    if let Some(p) = projected {
        painter.rect_filled(
            egui::Rect::from_min_max(rect.min, egui::pos2(x(p), rect.max.y)),
            3.0,
            theme::series_colour(0),
        );
    }
    let inner = rect.shrink2(egui::vec2(0.0, rect.height() * 0.28));
    painter.rect_filled(
        egui::Rect::from_min_max(inner.min, egui::pos2(x(now), inner.max.y)),
        2.0,
        theme::series_colour(4),
    );
    if let Some(t) = target {
        painter.line_segment(
            [
                egui::pos2(x(t), rect.top() - 3.0),
                egui::pos2(x(t), rect.bottom() + 3.0),
            ],
            egui::Stroke::new(3.0, theme::TARGET_MARK),
        );
    }
}

pub(super) fn region(app: &mut UcjApp, ui: &mut Ui, index: usize, capturing: bool) {
    let Some(p) = app.doc.projection.region(index).cloned() else {
        return;
    };
    let region = app.doc.scenario.regions[index].clone();
    // What moves each target: worked out once per change, not once a frame.
    let swings = if app.runs.spread(&app.doc).is_some() {
        super::super::panels::spread::cached_swings(app, index)
    } else {
        Vec::new()
    };
    ui.heading(crate::i18n::shown(&region.name));
    headline(app, ui, index, &p);
    // The what-if strip keeps the height it took last frame (it wraps with the screen and the
    // campaigns), and the chart and figures take the rest.
    let strip_id = egui::Id::unique(("what-if-strip-height", index));
    let strip_height = if capturing {
        0.0
    } else {
        remembered_height(
            ui,
            strip_id,
            ui.text_style_height(&egui::TextStyle::Body) * 4.0,
        )
    };
    let body = egui::vec2(
        ui.available_width(),
        (ui.available_height() - strip_height).max(120.0),
    );
    ui.allocate_ui(body, |ui| {
        ui.set_max_height(body.y);
        region_body(app, ui, index, &p, &region, &swings);
    });
    if !capturing {
        draw_measured(ui, strip_id, strip_height, |ui| quick_strip(app, ui, index));
    }
}

/// The height a part drawn after the space above it is given out took last frame (it wraps
/// with the screen), or `estimate` before that.
fn remembered_height(ui: &Ui, id: egui::Id, estimate: f32) -> f32 {
    ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(estimate)
}

/// Draws such a part and remembers its height, spacing included, for the next frame; one
/// more frame is asked for when it changed.
fn draw_measured(ui: &mut Ui, id: egui::Id, remembered: f32, add: impl FnOnce(&mut Ui)) {
    let used = ui.scope(add).response.rect.height() + ui.spacing().item_spacing.y;
    if (used - remembered).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(id, used));
        ui.ctx().request_repaint();
    }
}

/// The slide's message: one big number (the projected coverage at the target that matters now)
/// and one sentence built from the projection: met and held, met and then lost (and when the
/// funding of a campaign ends), or short by how many people.
fn headline(app: &UcjApp, ui: &mut Ui, index: usize, p: &crate::engine::RegionProjection) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let Some(o) = next_target(p) else { return };
    let Some(projected) = o.projected_pct else {
        return;
    };
    let name = crate::i18n::shown(&app.doc.scenario.regions[index].name).into_owned();
    let (pct, month) = (lang.pct(o.pct), lang.month(o.month));
    let sentence = match o.reached {
        Reached::At {
            below_again: Some(from),
            ..
        } => {
            // Coverage falls back below the level: say how low, and whose funding ends then.
            let k = p.series.index_of(from).unwrap_or(0);
            let low = p.series.coverages().skip(k).fold(f64::INFINITY, f64::min);
            let ending = funding_ending(app, index, from);
            (t.headline_lost)(
                &name,
                &pct,
                &month,
                &lang.pct(low),
                &lang.month(from),
                ending.as_deref(),
            )
        }
        _ if o.met() => (t.headline_met)(&name, &pct, &month),
        _ => (t.headline_short)(
            &name,
            &pct,
            &month,
            &lang.people_short(o.gap.unwrap_or(0.0).max(0.0)),
        ),
    };
    // The key number an eighth of the slide's height, as a room reads it from the back.
    let big = (ui.ctx().content_rect().height() / 8.0).clamp(40.0, 200.0);
    let colour = if o.met() { theme::INK } else { theme::WHAT_IF };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(lang.pct(projected))
                .size(big)
                .strong()
                .color(colour),
        );
        ui.add_space(16.0);
        ui.add(egui::Label::new(RichText::new(unbroken(sentence)).strong()).wrap());
    });
}

/// What the lines, bands and marks of a region's chart are, in words and shapes.
fn chart_key(app: &UcjApp, ui: &mut Ui, index: usize, ghost: bool) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let tu = &lang.texts().uncertainty;
    let colour = theme::series_colour(0);
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let bands = app
        .runs
        .spread(&app.doc)
        .and_then(|s| s.region(index))
        .is_some();
    let font = super::map::body_font(ui);
    let ink = ui.visuals().text_color();
    let swatch = |ui: &mut Ui, paint: &dyn Fn(&egui::Painter, egui::Rect), label: &str| {
        // Mark and words as one piece: they go to the next row together.
        super::map::key_item(ui, size * 1.2, paint, label, font.clone(), ink);
        ui.add_space(size * 0.4);
    };
    ui.horizontal_wrapped(|ui| {
        let line = |width: f32| {
            move |p: &egui::Painter, r: egui::Rect| {
                p.line_segment(
                    [r.left_center(), r.right_center()],
                    egui::Stroke::new(width, colour),
                );
            }
        };
        if bands {
            swatch(ui, &line(3.0), tu.median);
            swatch(
                ui,
                &|p: &egui::Painter, r: egui::Rect| {
                    p.rect_filled(r, 1.0, colour.gamma_multiply(0.16));
                    p.rect_filled(
                        r.shrink2(egui::vec2(0.0, r.height() * 0.25)),
                        1.0,
                        colour.gamma_multiply(0.34),
                    );
                },
                tu.bands_short,
            );
            swatch(ui, &line(1.5), t.plan_line);
        } else {
            swatch(ui, &line(2.5), t.plan_line);
        }
        if ghost {
            swatch(
                ui,
                &|p: &egui::Painter, r: egui::Rect| {
                    p.extend(egui::Shape::dashed_line(
                        &[r.left_center(), r.right_center()],
                        egui::Stroke::new(2.5, theme::GUIDE),
                        6.0,
                        4.0,
                    ));
                },
                t.before_changes,
            );
        }
        swatch(
            ui,
            &|p: &egui::Painter, r: egui::Rect| {
                let c = r.center();
                let d = r.height() * 0.5;
                p.add(egui::Shape::convex_polygon(
                    vec![
                        egui::pos2(c.x, c.y - d),
                        egui::pos2(c.x + d, c.y),
                        egui::pos2(c.x, c.y + d),
                        egui::pos2(c.x - d, c.y),
                    ],
                    colour,
                    egui::Stroke::NONE,
                ));
            },
            t.target,
        );
        swatch(
            ui,
            &|p: &egui::Painter, r: egui::Rect| {
                p.circle_stroke(r.center(), r.height() * 0.4, egui::Stroke::new(2.0, colour));
            },
            t.actual,
        );
    });
    // The campaigns the chart marks by number, side by side as far as they fit (one line
    // each left the chart a sliver on a 1024x768 projector), each name cut to a short label.
    let marked = super::super::plots::marked_campaigns(app, index);
    if !marked.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for (n, campaign) in marked.into_iter().enumerate() {
                ui.label(format!(
                    "{}: {}",
                    n + 1,
                    crate::i18n::clipped(&campaign.name, 30)
                ));
                ui.add_space(size * 0.6);
            }
        });
    }
}

/// A slide's sentence with a no-break space before each "%", so that a line never starts with
/// "%" alone (the room reads "80" at the end of one line and "%" on the next otherwise).
fn unbroken(text: String) -> String {
    if text.contains(" %") {
        text.replace(" %", "\u{a0}%")
    } else {
        text
    }
}

/// The chance of each target, and what moves the next one most (a tornado chart).
fn uncertainty_lines(app: &UcjApp, ui: &mut Ui, index: usize, swings: &[TargetSwings]) {
    let lang = app.lang;
    let t = &lang.texts().uncertainty;
    let Some(spread) = app.runs.spread(&app.doc).and_then(|s| s.region(index)) else {
        return;
    };
    for c in &spread.chances {
        if let Some(chance) = c.chance {
            ui.label(
                RichText::new(unbroken((t.chance_of)(
                    &lang.pct(c.pct),
                    &lang.month(c.month),
                    &lang.chance(chance),
                )))
                .strong(),
            );
        }
    }
    // The next target not yet past, else the last one.
    let now = super::super::view::this_month();
    let Some(target) = swings
        .iter()
        .find(|s| s.month >= now)
        .or(swings.last())
        .filter(|s| !s.swings.is_empty())
    else {
        return;
    };
    let screen = ui.ctx().content_rect();
    let line = ui.text_style_height(&egui::TextStyle::Body);
    // Three bars with their names above them, the heading and the key; two if three do not
    // fit.
    // (Each bar is 3 type sizes high with its name: see `tornado`; the heading and the key
    // take about three lines, and what follows the chart needs two.)
    let size = super::map::body_font(ui).size;
    let bars = [3_usize, 2]
        .into_iter()
        .find(|&bars| ui.available_height() >= size * 3.0 * bars as f32 + line * 5.0);
    let (true, Some(bars)) = (screen.width() / screen.height() >= 1.5, bars) else {
        // A 4:3 projector, or a slide without room for the chart of it: the input that moves
        // the target most, in words, with its range (the chart is in the detail panel).
        if let Some(top) = target.swings.first() {
            let (a, b) = (top.low.min(top.high), top.low.max(top.high));
            ui.label(
                RichText::new(unbroken((t.moves_most)(
                    &super::super::panels::spread::input_name(lang, &app.doc.scenario, top.input),
                    &lang.pct(a),
                    &lang.pct(b),
                )))
                .strong(),
            );
        }
        return;
    };
    ui.add_space(6.0);
    let name = format!("{} {}", lang.pct(target.pct), lang.month(target.month));
    ui.label(RichText::new(unbroken((t.what_matters)(&name))).strong());
    let mut shown = target.clone();
    // The few that move it most: a slide is read from the back of the room.
    shown.swings.truncate(bars);
    super::super::panels::spread::tornado(ui, lang, &app.doc.scenario, &shown, size, true);
}

/// The campaign of region `index` whose funding ends closest to `month` (within a quarter):
/// its name, for the sentence that says why coverage falls.
fn funding_ending(app: &UcjApp, index: usize, month: crate::model::Month) -> Option<String> {
    let code = &app.doc.scenario.regions[index].code;
    app.doc
        .scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|(c, campaign)| &campaign.region == code && app.doc.campaign_on(*c))
        .filter(|(_, c)| c.payer.is_funded())
        .filter_map(|(_, c)| {
            let ends = c.start.month()?.plus(i32::try_from(c.funded_months?).ok()?);
            let distance = ends.since(month).abs();
            (distance <= 3).then(|| (distance, crate::i18n::shown(&c.name).into_owned()))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

fn region_body(
    app: &UcjApp,
    ui: &mut Ui,
    index: usize,
    p: &crate::engine::RegionProjection,
    region: &crate::model::Region,
    swings: &[TargetSwings],
) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    StripBuilder::new(ui)
        .size(Size::relative(0.58))
        .size(Size::remainder())
        .horizontal(|mut strip| {
            strip.cell(|ui| {
                let shown = region_shown(app, index);
                // After a what-if change, the line from before stays, dashed.
                let ghost = app
                    .present
                    .as_ref()
                    .filter(|p| p.changed(app.doc.history_len()))
                    .and_then(|p| p.before.as_ref())
                    .and_then(|b| b.region(index))
                    // Only where the what-if changed this region's line.
                    .filter(|b| {
                        app.doc
                            .projection
                            .region(index)
                            .is_none_or(|now| !now.series.coverages().eq(b.series.coverages()))
                    })
                    .map(|b| (t.before_changes, &b.series));
                // The key goes under the chart, never over the data.
                let line = ui.text_style_height(&egui::TextStyle::Body);
                // The key's height as drawn last frame (it wraps with the screen and grows
                // with a what-if's line); a first estimate before that.
                let key_id = egui::Id::unique(("chart-key-height", index, ghost.is_some()));
                #[allow(clippy::cast_precision_loss)] // at most three
                let marked = super::super::plots::marked_campaigns(app, index).len() as f32;
                let key_height = remembered_height(ui, key_id, line * (2.6 + 1.1 * marked));
                let chart = (ui.available_height() - key_height).max(80.0);
                // Room on the right for the last month's label, which egui_plot centres on
                // its mark and does not keep inside the chart.
                let width = ui.available_width() - line * 1.5;
                ui.allocate_ui(egui::vec2(width, chart), |ui| {
                    coverage_chart_with(app, ui, &shown, "present-coverage", ghost);
                });
                draw_measured(ui, key_id, key_height, |ui| {
                    chart_key(app, ui, index, ghost.is_some());
                });
            });
            strip.cell(|ui| {
                // One line of where it stands (16:9 only; on 4:3 the chart says it): the
                // figures behind it are in the window.
                let screen = ui.ctx().content_rect();
                let wide = screen.width() / screen.height() >= 1.5;
                if wide {
                    ui.label(
                        RichText::new(format!(
                            "{} {} ({})",
                            t.coverage_now,
                            lang.pct(p.series.coverage_pct(0)),
                            lang.month(p.series.first)
                        ))
                        .strong(),
                    );
                }
                let _ = &region.workforce_source;
                // What does not fit is left out, never pushed over the what-if strip and the
                // footer: a line of these wraps to about three of body type in this column.
                let line = ui.text_style_height(&egui::TextStyle::Body);
                let room = |ui: &Ui| ui.available_height() >= line * 3.2;
                for (k, o) in analyse_targets(p).into_iter().enumerate() {
                    if k > 0 && !room(ui) {
                        break;
                    }
                    let text = match (o.gap, o.met()) {
                        (Some(gap), false) if gap > 0.0 => (t.needs_more)(
                            &lang.people_short(gap),
                            &lang.month(o.month),
                            &lang.pct(o.pct),
                        ),
                        _ => (t.on_track_for)(
                            &lang.pct(o.pct),
                            &lang.month(o.month),
                            &o.projected_pct.map_or_else(|| "–".into(), |v| lang.pct(v)),
                        ),
                    };
                    // When it is reached and lost is the headline's sentence.
                    ui.label(RichText::new(unbroken(text)).strong());
                }
                if room(ui) {
                    uncertainty_lines(app, ui, index, swings);
                }
                // A campaign a change moved out of the projection says so.
                for (c, campaign) in app.doc.scenario.campaigns.iter().enumerate() {
                    if campaign.region != region.code || !app.doc.campaign_on(c) {
                        continue;
                    }
                    if let Some(issue) = app
                        .doc
                        .projection
                        .report
                        .issue_at(crate::model::Place::Campaign(c), crate::model::Field::Start)
                    {
                        ui.label(
                            RichText::new(format!(
                                "{}: {}",
                                crate::i18n::shown(&campaign.name),
                                (lang.texts().problem)(&issue.problem)
                            ))
                            .color(ui.visuals().warn_fg_color),
                        );
                    }
                }
                // Against the reported figures the what-if is off by design: the check would
                // only distract the room while one is shown.
                let what_if = app
                    .present
                    .as_ref()
                    .is_some_and(|p| p.changed(app.doc.history_len()));
                for issue in app.doc.projection.deviations_of(index).filter(|_| !what_if) {
                    if !room(ui) {
                        break;
                    }
                    ui.label(
                        RichText::new((lang.texts().problem)(&issue.problem))
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                // On a 4:3 projector, or without room for them, the campaigns' costs are left
                // to the budget slide.
                let screen = ui.ctx().content_rect();
                let line = ui.text_style_height(&egui::TextStyle::Body);
                if screen.width() / screen.height() < 1.5 || ui.available_height() < line * 5.0 {
                    return;
                }
                ui.add_space(8.0);
                ui.label(RichText::new(t.campaigns_and_cost).strong());
                let plan = app.doc.plan();
                let budgets = campaign_budgets(
                    &app.doc.scenario,
                    &app.doc.projection.report,
                    &overrides_of(plan.as_ref()),
                    index,
                );
                // A campaign is its name on one line and its figures on the next, so a long
                // name never cuts off the cost; two fit the slide where there is room for
                // both, the rest are counted.
                let shown_count = if ui.available_height() >= line * 6.0 {
                    2
                } else {
                    1
                };
                for (c, years) in budgets.iter().take(shown_count) {
                    let campaign = &app.doc.scenario.campaigns[*c];
                    let costs: Vec<String> = years
                        .iter()
                        .filter(|y| y.total() > 0.0)
                        .map(|y| format!("{} {}", y.year, lang.rp_short(y.total())))
                        .collect();
                    ui.add(egui::Label::new(crate::i18n::shown(&campaign.name)).truncate());
                    let mut figures = lang.people(campaign.people);
                    if !costs.is_empty() {
                        figures = format!("{figures} · {}", costs.join(", "));
                    }
                    ui.add(egui::Label::new(RichText::new(figures).weak()).wrap());
                }
                if budgets.len() > shown_count {
                    let more = (lang.texts().grid.and_more)(budgets.len() - shown_count);
                    ui.label(RichText::new(more.trim()).weak());
                }
                if budgets.is_empty() {
                    ui.label(RichText::new(t.no_campaigns_on).weak());
                }
            });
        });
}

/// Toggle a campaign, change its people or start month, with a key or a click.
fn quick_strip(app: &mut UcjApp, ui: &mut Ui, index: usize) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let code = app.doc.scenario.regions[index].code.clone();
    let campaigns: Vec<usize> = (0..app.doc.scenario.campaigns.len())
        .filter(|&i| app.doc.scenario.campaigns[i].region == code)
        .take(9)
        .collect();
    if campaigns.is_empty() {
        return;
    }
    let Some(p) = &mut app.present else { return };
    p.quick = p.quick.min(campaigns.len() - 1);
    let mut quick = p.quick;
    let digit_keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    let (toggled, up, down, more, less, later, earlier) = ui.input_mut(|i| {
        let toggled = digit_keys
            .iter()
            .take(campaigns.len())
            .position(|k| i.consume_key(egui::Modifiers::NONE, *k));
        (
            toggled,
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, Key::Plus)
                || i.consume_key(egui::Modifiers::NONE, Key::Equals),
            i.consume_key(egui::Modifiers::NONE, Key::Minus),
            i.consume_key(egui::Modifiers::NONE, Key::CloseBracket),
            i.consume_key(egui::Modifiers::NONE, Key::OpenBracket),
        )
    });
    if up {
        quick = quick.saturating_sub(1);
    }
    if down {
        quick = (quick + 1).min(campaigns.len() - 1);
    }
    let mut toggle = toggled;
    let (mut people_step, mut month_step) = (
        if more {
            1
        } else if less {
            -1
        } else {
            0
        },
        if later {
            1
        } else if earlier {
            -1
        } else {
            0
        },
    );
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.quick_change).strong());
        for (k, &c) in campaigns.iter().enumerate() {
            let on = app.doc.campaign_on(c);
            let name = &app.doc.scenario.campaigns[c].name;
            // Short names, so that nine campaigns keep to a line or two on a 1024x768
            // projector and leave the chart its height; the whole name on hover and in the
            // line below for the one chosen.
            // More than three: numbers alone keep the row to one line; the one chosen is
            // named in the line below.
            let short = if campaigns.len() > 3 {
                String::new()
            } else {
                crate::i18n::clipped(name, 18).into_owned()
            };
            let text = format!(
                "{} {} {short}",
                k + 1,
                if on { t.on_word } else { t.off_word },
            );
            let button = egui::Button::selectable(k == quick, RichText::new(text).small());
            if ui
                .add(button)
                .on_hover_text(format!(
                    "{}\n{}",
                    crate::i18n::shown(name),
                    t.quick_toggle_hint
                ))
                .clicked()
            {
                toggle = Some(k);
            }
        }
    });
    let selected = campaigns[quick];
    let campaign = app.doc.scenario.campaigns[selected].clone();
    // Wrapped, so a 1024-pixel projector shows every control instead of cutting the last.
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{}: {} · {}",
                crate::i18n::clipped(&campaign.name, 40),
                lang.people(campaign.people),
                campaign.start
            ))
            .small(),
        );
        if ui.small_button(t.people_less).clicked() {
            people_step = -1;
        }
        if ui.small_button(t.people_more).clicked() {
            people_step = 1;
        }
        if ui.small_button(t.month_earlier).clicked() {
            month_step = -1;
        }
        if ui.small_button(t.month_later).clicked() {
            month_step = 1;
        }
    });
    if let Some(p) = &mut app.present {
        p.quick = quick;
    }
    if let Some(k) = toggle {
        let c = campaigns[k];
        let on = !app.doc.campaign_on(c);
        let edit = switch_campaign(&app.doc, c, on);
        push(app, edit);
    }
    if people_step != 0
        && let Some(p) = &mut app.present
    {
        // Ten percent of the people the campaign had when presenting began, a step: + and −
        // are exact and undo each other (2,500 → 2,750 → 2,500); never below zero.
        let (base, steps) = p
            .people_steps
            .entry(selected)
            .or_insert((campaign.people, 0));
        *steps = (*steps + people_step).max(-10);
        let people = *base + *base * f64::from(*steps) / 10.0;
        push(
            app,
            campaign_edit(&app.doc, selected, |c| c.people = people.max(0.0)),
        );
    }
    if month_step != 0
        && let Some(start) = campaign.start.month()
    {
        let moved = MonthField::Valid(start.plus(month_step));
        push(app, campaign_edit(&app.doc, selected, |c| c.start = moved));
    }
}

fn push(app: &mut UcjApp, edit: Option<Edit>) {
    if let Some(edit) = edit {
        // The first change of the presentation: keep the projection from before, for its
        // dashed line.
        if let Some(p) = &mut app.present
            && !p.changed(app.doc.history_len())
        {
            p.before = Some(Box::new(app.doc.projection.clone()));
        }
        app.messages.push(Msg::Edit(edit, None));
    }
}

pub(super) fn budget(app: &UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let Some(budget) = app.doc.projection.budget.clone() else {
        ui.heading(t.budget_title);
        return;
    };
    let years = budget.fiscal_years();
    let payers: Vec<crate::model::Payer> = crate::model::Payer::ALL
        .into_iter()
        .filter(|p| years.iter().any(|y| y.by_payer[p.index()] > 0.0))
        .collect();
    // Every amount in one unit, named once in the title ("Rp miliar"), as budget tables are
    // written: a column per payer then fits a 4:3 projector, and the figures line up.
    let largest = years
        .iter()
        .map(crate::engine::FiscalYear::total)
        .fold(0.0, f64::max);
    let words = lang.texts().magnitudes;
    let (scale, unit) = [(1e12, words[3]), (1e9, words[2]), (1e6, words[1])]
        .into_iter()
        .find(|(scale, _)| largest >= *scale)
        .unwrap_or((1.0, ""));
    // Two decimals of a billion (Rp10 million) as elsewhere in the program; whole millions.
    let decimals = if scale >= 1e9 { 2 } else { 0 };
    let amount = |v: f64| lang.number(v / scale, decimals);
    let unit = if unit.is_empty() {
        "Rp".to_owned()
    } else {
        format!("Rp {unit}")
    };
    ui.heading(format!("{} ({unit})", t.budget_title));
    let header = std::iter::once(RichText::new(""))
        .chain(payers.iter().map(|p| RichText::new((t.payer)(*p)).strong()))
        .chain(std::iter::once(
            RichText::new(lang.texts().summary.total).strong(),
        ))
        .collect();
    let mut rows = vec![header];
    for y in &years {
        rows.push(
            std::iter::once(RichText::new(y.year.to_string()).strong())
                .chain(
                    payers
                        .iter()
                        .map(|p| RichText::new(amount(y.by_payer[p.index()]))),
                )
                .chain(std::iter::once(RichText::new(amount(y.total())).strong()))
                .collect(),
        );
    }
    let shares: Vec<f32> = std::iter::once(0.7)
        .chain(payers.iter().map(|_| 1.0))
        .chain(std::iter::once(1.1))
        .collect();
    fitted_table(ui, &shares, &rows, |_, _, _, _| false);
    ui.add_space(12.0);
    cost_chart(ui, lang, &budget, true, "present-budget", true);
}

pub(super) fn compare_slide(app: &mut UcjApp, ui: &mut Ui) {
    let lang = app.lang;
    let t = &lang.texts().ui;
    let scope = app
        .view
        .compare_region
        .and_then(|r| app.doc.scenario.regions.get(r))
        .map_or_else(
            || lang.all_scope(&app.doc.scenario, &app.doc.projection).0,
            |r| crate::i18n::shown(&r.name).into_owned(),
        );
    // Up and Down choose the region compared (ALL first), as the box does with the mouse.
    let (up, down) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
        )
    });
    let n = app.doc.scenario.regions.len();
    let position = app.view.compare_region.map_or(0, |r| r + 1);
    let moved = if down {
        Some((position + 1) % (n + 1))
    } else if up {
        Some((position + n) % (n + 1))
    } else {
        None
    };
    if let Some(p) = moved {
        app.view.compare_region = p.checked_sub(1);
    }
    let capturing = app.capturer.current().is_some();
    ui.heading(format!("{}: {scope}", t.compare_title));
    ui.horizontal_wrapped(|ui| {
        if !capturing {
            super::super::compare::scope_switch(app, ui);
            ui.label(RichText::new(t.compare_region_keys).weak());
        }
    });
    let (at, outcomes, chances) = super::super::compare::outcomes(app);
    // The table's rows first: the chart takes what they leave.
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let table = line * (2.6 + 1.55 * outcomes.len() as f32);
    let height = (ui.available_height() - table).max(line * 5.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        super::super::compare::plot_with(ui, lang, &outcomes, "present-compare", false);
    });
    compare_table(ui, lang, at, &outcomes, &chances);
}

/// The comparison as a slide holds it: each variant's result at each target (with its
/// chance), its public cost over the years shown, and the key number, Rp per additional
/// participant; the per-year costs stay in the window's table.
fn compare_table(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    at: Option<crate::model::Month>,
    outcomes: &[crate::engine::VariantOutcome],
    chances: &[Vec<Option<f64>>],
) {
    let t = &lang.texts().ui;
    let at_text = at.map(|m| lang.month(m)).unwrap_or_default();
    let first = outcomes.first();
    let result_head = match first.and_then(|o| o.targets.first()) {
        Some(&(m, p, _, _)) => crate::ui::compare::target_head(lang, m, p),
        None => format!("{} {at_text}", t.coverage_word),
    };
    let with_chance = chances.iter().any(|c| c.iter().any(Option::is_some));
    let mut rows = vec![vec![
        RichText::new(t.variant_col).strong(),
        RichText::new(result_head).strong(),
        RichText::new(if with_chance {
            lang.texts().uncertainty.chance
        } else {
            ""
        })
        .strong(),
        RichText::new(lang.texts().summary.total).strong(),
        RichText::new((t.cost_per_additional)(&at_text)).strong(),
    ]];
    for (k, o) in outcomes.iter().enumerate() {
        let name = crate::ui::compare::variant_name(lang, k, o);
        let result = match o.targets.first() {
            Some(&(_, _, projected, met)) => {
                crate::ui::compare::target_result(lang, projected, met)
            }
            None => at
                .and_then(|m| o.series.index_of(m))
                .map_or_else(|| "–".into(), |i| lang.pct(o.series.coverage_pct(i))),
        };
        let cost: f64 = o
            .fiscal_years
            .iter()
            .map(crate::engine::FiscalYear::total)
            .sum();
        rows.push(vec![
            RichText::new(name).color(theme::series_colour(k)).strong(),
            RichText::new(result),
            RichText::new(
                chances
                    .get(k)
                    .and_then(|c| c.first().copied().flatten())
                    .map_or_else(String::new, |c| lang.chance(c)),
            ),
            RichText::new(lang.rp_short(cost)),
            RichText::new(match o.cost_per_additional {
                Some(rp) => format!(
                    "{} ({}{})",
                    lang.rp(rp),
                    if o.extra_active >= 0.0 { "+" } else { "" },
                    lang.people(o.extra_active)
                ),
                None if k == 0 => "–".to_owned(),
                None => t.no_additional.to_owned(),
            })
            .strong(),
        ]);
    }
    if with_chance {
        // The chance's heading ("Peluang") whole at 1024x768, not broken inside the word.
        fitted_table(ui, &[0.19, 0.2, 0.14, 0.17, 0.3], &rows, |_, _, _, _| false);
    } else {
        // Without runs the chance column would stay empty: its room goes to the names and
        // the costs.
        for row in &mut rows {
            row.remove(2);
        }
        fitted_table(ui, &[0.28, 0.2, 0.22, 0.3], &rows, |_, _, _, _| false);
    }
}

/// Indonesia's provinces coloured by projected coverage against target at a month the
/// presenter moves with Up and Down; the scenario's provinces named with their coverage and,
/// on a wide screen, listed with their band in words.
pub(super) fn map_slide(app: &mut UcjApp, ui: &mut Ui) {
    use super::map;
    let lang = app.lang;
    let t = &lang.texts().ui;
    let scenario = &app.doc.scenario;
    let projection = &app.doc.projection;
    let Some(default) = map::default_month(scenario, projection) else {
        return;
    };
    let (first, last) = projection
        .total
        .as_ref()
        .map_or((default, default), |s| (s.first, s.last()));
    let chosen = app.present.as_ref().and_then(|p| p.map_month);
    let mut month = chosen.unwrap_or(default).clamp(first, last);
    let (up, down) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
        )
    });
    if up {
        month = month.plus(1).min(last);
    }
    if down {
        month = month.plus(-1).max(first);
    }
    if let Some(p) = &mut app.present {
        p.map_month = Some(month);
    }
    ui.heading((t.map_title)(&lang.month(month)));
    let capturing = app.capturer.current().is_some();
    if !capturing {
        ui.label(RichText::new(t.map_keys).weak());
    }
    let figures = map::by_province(scenario, projection, month);
    let line = ui.text_style_height(&egui::TextStyle::Body);
    // The key and the credit first, under the title: the map takes what is left.
    super::map::key(ui, lang);
    ui.add_space(line * 0.3);
    let key_height = 0.0;
    let area = ui.available_rect_before_wrap();
    let screen = ui.ctx().content_rect();
    let wide = screen.width() / screen.height() >= 1.5;
    let map_width = if wide {
        area.width() * 0.58
    } else {
        area.width()
    };
    let map_rect = egui::Rect::from_min_size(
        area.min,
        egui::vec2(map_width, (area.height() - key_height).max(line * 4.0)),
    );
    map::draw(ui, map_rect, lang, &figures);
    if wide {
        // Each province in words: its coverage, target and band; as many as there is room
        // for, the rest counted (the map shows them all).
        let beside = egui::Rect::from_min_max(
            egui::pos2(map_rect.right() + line, area.top()),
            egui::pos2(area.right(), map_rect.bottom()),
        );
        ui.scope_builder(egui::UiBuilder::new().max_rect(beside), |ui| {
            let mut sorted: Vec<&map::ProvinceFigure> = figures.iter().collect();
            sorted.sort_by(|a, b| b.coverage().total_cmp(&a.coverage()));
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // >= 0, small
            let room = ((beside.height() / (line * 2.6)).floor().max(1.0)) as usize;
            let shown = if sorted.len() > room { room - 1 } else { room };
            for f in sorted.iter().take(shown) {
                ui.add(egui::Label::new(RichText::new(&f.name).strong()).truncate());
                let standing = match f.target {
                    Some(v) => format!(
                        "{} · {} {} · {}",
                        lang.pct(f.coverage()),
                        t.target,
                        lang.pct(v),
                        (t.map_band_word)(f.band() as usize)
                    ),
                    None => format!("{} · {}", lang.pct(f.coverage()), (t.map_band_word)(4)),
                };
                ui.add(egui::Label::new(standing).truncate());
            }
            if sorted.len() > shown {
                let more = (lang.texts().grid.and_more)(sorted.len() - shown);
                ui.label(more.trim());
            }
        });
    }
    ui.allocate_rect(area, egui::Sense::hover());
}
