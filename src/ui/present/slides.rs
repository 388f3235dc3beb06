//! The slides: overview, one per region with the quick-change strip, budget, comparison.

use egui::{Grid, Key, RichText, Ui};
use egui_extras::{Size, StripBuilder};

use crate::engine::{Reached, analyse_targets, campaign_budgets};
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
        "{}: {} ({})",
        t.growth,
        lang.signed_pct(s.assumptions.workforce_growth_pct_per_year, 1),
        calib.source_assumed
    ));
    ui.add_space(12.0);
    let rates = [
        Rate::NewPerMonth(Segment::PU),
        Rate::NewPerMonth(Segment::BPU),
        Rate::Lapse(Segment::BPU),
    ];
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("assumptions-slide")
            .spacing([28.0, 12.0])
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new(t.col_region).strong());
                for r in rates {
                    ui.label(RichText::new((calib.rate_name)(r)).strong());
                }
                ui.end_row();
                for region in &s.regions {
                    ui.label(crate::i18n::shown(&region.name));
                    for r in rates {
                        let v = region.rate(r, &s.assumptions);
                        let value = match r {
                            Rate::NewPerMonth(_) => lang.people(v),
                            Rate::Lapse(_) => format!("{} %", lang.number(v, 2)),
                        };
                        // The value, and below it where it comes from: narrow enough for 1024.
                        ui.vertical(|ui| {
                            ui.label(value);
                            ui.label(
                                RichText::new(lang.rate_source(&region.rate_source(r)))
                                    .small()
                                    .weak(),
                            );
                        });
                    }
                    ui.end_row();
                }
            });
    });
}

/// How many regions an overview page holds on a screen this high (a row is about 52 pixels
/// with the slide's type; the title, header, ALL row and legend take the rest).
#[must_use]
pub(super) fn overview_rows(screen_height: f32) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rows = ((screen_height - 330.0) / 52.0).floor().max(3.0) as usize;
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
    ui.heading(format!(
        "{}: {}{paging}",
        crate::i18n::shown(&app.doc.scenario.name),
        t.overview_title
    ));
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
            Some((i, p.series.coverage_pct[0], target, st))
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
    ui.style_mut()
        .text_styles
        .iter_mut()
        .for_each(|(_, font)| font.size *= 1.1);
    let spread = app.runs.spread(&app.doc);
    let chance_word = lang.texts().uncertainty.chance;
    Grid::new("overview").spacing([32.0, 22.0]).show(ui, |ui| {
        for h in [
            t.col_region,
            t.coverage_now,
            t.col_next_target,
            t.col_projected,
        ] {
            ui.label(RichText::new(h).strong());
        }
        if spread.is_some() {
            ui.label(RichText::new(chance_word).strong());
        }
        for h in [t.col_status, ""] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (i, now, target, st) in &rows {
            ui.label(crate::i18n::shown(&app.doc.scenario.regions[*i].name));
            ui.label(lang.pct(*now));
            ui.label(target.as_ref().map_or_else(String::new, |tg| {
                format!("{} · {}", lang.pct(tg.pct), lang.month(tg.month))
            }));
            let projected = target.as_ref().and_then(|tg| tg.projected_pct);
            ui.label(projected.map_or_else(|| "–".into(), |v| lang.pct(v)));
            if let Some(spread) = spread {
                let chance = target.as_ref().and_then(|tg| {
                    spread
                        .region(*i)?
                        .chances
                        .iter()
                        .find(|c| c.month == tg.month && c.pct == tg.pct)?
                        .chance
                });
                ui.label(chance.map_or_else(|| "–".into(), |c| lang.chance(c)));
            }
            ui.label(st.map_or("", |s| status_text(lang, s)));
            bar(ui, *now, projected, target.as_ref().map(|tg| tg.pct));
            ui.end_row();
        }
        if let Some(total) = app.doc.projection.total.as_ref().filter(|_| last_page) {
            let all = lang.all_scope(&app.doc.scenario, &app.doc.projection).0;
            ui.label(RichText::new(all).strong());
            ui.label(RichText::new(lang.pct(total.coverage_pct[0])).strong());
            ui.label(format!("{} {}", t.at_end, lang.month(total.last())));
            let end = total.coverage_pct.last().copied();
            ui.label(RichText::new(end.map_or_else(|| "–".into(), |v| lang.pct(v))).strong());
            if spread.is_some() {
                ui.label("");
            }
            ui.label("");
            bar(ui, total.coverage_pct[0], end, None);
            ui.end_row();
        }
    });
    for line in lang.all_scope(&app.doc.scenario, &app.doc.projection).1 {
        ui.label(RichText::new(line).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(10.0);
    bar_legend(ui, lang);
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
            let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(RichText::new(label).small());
            ui.add_space(12.0);
        }
    });
}

/// Coverage now (light) and projected (dark) on a 0–100 % bar, with the target as a tick.
fn bar(ui: &mut Ui, now: f64, projected: Option<f64>, target: Option<f64>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(300.0, 30.0), egui::Sense::hover());
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
    let inner = rect.shrink2(egui::vec2(0.0, 8.0));
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
    ui.heading(crate::i18n::shown(&region.name));
    headline(app, ui, index, &p);
    let strip_height = if capturing { 0.0 } else { 110.0 };
    let body = egui::vec2(
        ui.available_width(),
        (ui.available_height() - strip_height).max(200.0),
    );
    ui.allocate_ui(body, |ui| region_body(app, ui, index, &p, &region));
    if !capturing {
        quick_strip(app, ui, index);
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
            let low = p.series.coverage_pct[k..]
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
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
            &lang.people(o.gap.unwrap_or(0.0).max(0.0)),
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
        ui.add(egui::Label::new(RichText::new(sentence).strong()).wrap());
    });
}

/// The chance of each target, and what moves the next one most (a tornado chart).
fn uncertainty_lines(app: &UcjApp, ui: &mut Ui, index: usize) {
    let lang = app.lang;
    let t = &lang.texts().uncertainty;
    let Some(spread) = app.runs.spread(&app.doc).and_then(|s| s.region(index)) else {
        return;
    };
    for c in &spread.chances {
        if let Some(chance) = c.chance {
            ui.label(
                RichText::new((t.chance_of)(
                    &lang.pct(c.pct),
                    &lang.month(c.month),
                    &lang.chance(chance),
                ))
                .strong(),
            );
        }
    }
    let swings = super::super::panels::spread::swings_of(app, index);
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
    ui.add_space(6.0);
    let name = format!("{} {}", lang.pct(target.pct), lang.month(target.month));
    ui.label(RichText::new((t.what_matters)(&name)).strong());
    let size = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(18.0, |f| f.size);
    let mut shown = target.clone();
    // The four that move it most: a slide is read from the back of the room.
    shown.swings.truncate(4);
    super::super::panels::spread::tornado(ui, lang, &app.doc.scenario, &shown, size * 0.8);
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
                            .is_none_or(|now| now.series.coverage_pct != b.series.coverage_pct)
                    })
                    .map(|b| (t.before_changes, &b.series));
                coverage_chart_with(app, ui, &shown, "present-coverage", ghost);
            });
            strip.cell(|ui| {
                super::super::panels::detail::coverage_figures(
                    ui,
                    lang,
                    &p.series,
                    &region.workforce_source,
                    32.0,
                );
                ui.add_space(8.0);
                for o in analyse_targets(p) {
                    let text = match (o.gap, o.met()) {
                        (Some(gap), false) if gap > 0.0 => (t.needs_more)(
                            &lang.people(gap),
                            &lang.month(o.month),
                            &lang.pct(o.pct),
                        ),
                        _ => (t.on_track_for)(
                            &lang.pct(o.pct),
                            &lang.month(o.month),
                            &o.projected_pct.map_or_else(|| "–".into(), |v| lang.pct(v)),
                        ),
                    };
                    ui.label(RichText::new(text).strong());
                    match o.reached {
                        Reached::At { .. } => {
                            ui.label(format!("{} {}", t.reached_in, lang.reached(&o.reached)));
                        }
                        Reached::Lost { .. } | Reached::After(_) => {
                            ui.label(lang.reached(&o.reached));
                        }
                        Reached::NotByEnd | Reached::BeforeStart => {}
                    }
                }
                uncertainty_lines(app, ui, index);
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
                    ui.label(
                        RichText::new((lang.texts().problem)(&issue.problem))
                            .color(ui.visuals().warn_fg_color),
                    );
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
                for (c, years) in &budgets {
                    let campaign = &app.doc.scenario.campaigns[*c];
                    let costs: Vec<String> = years
                        .iter()
                        .filter(|y| y.total() > 0.0)
                        .map(|y| format!("{} {}", y.year, lang.rp_short(y.total())))
                        .collect();
                    ui.label(format!(
                        "{}: {} · {}",
                        campaign.name,
                        lang.people(campaign.people),
                        costs.join(", ")
                    ));
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
            let text = format!(
                "{} {} {}",
                k + 1,
                if on { t.on_word } else { t.off_word },
                name
            );
            let button = egui::Button::selectable(k == quick, RichText::new(text).small());
            if ui.add(button).on_hover_text(t.quick_toggle_hint).clicked() {
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
                campaign.name,
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
    ui.heading(t.budget_title);
    let Some(budget) = app.doc.projection.budget.clone() else {
        return;
    };
    let years = budget.fiscal_years();
    let payers: Vec<crate::model::Payer> = crate::model::Payer::ALL
        .into_iter()
        .filter(|p| years.iter().any(|y| y.by_payer[p.index()] > 0.0))
        .collect();
    Grid::new("budget-slide")
        .spacing([28.0, 10.0])
        .show(ui, |ui| {
            ui.label("");
            for p in &payers {
                ui.label(RichText::new((t.payer)(*p)).strong());
            }
            ui.label(RichText::new(lang.texts().summary.total).strong());
            ui.end_row();
            for y in &years {
                ui.label(RichText::new(y.year.to_string()).strong());
                for p in &payers {
                    ui.label(lang.rp_short(y.by_payer[p.index()]));
                }
                ui.label(RichText::new(lang.rp_short(y.total())).strong());
                ui.end_row();
            }
        });
    ui.add_space(12.0);
    cost_chart(ui, lang, &budget, true, "present-budget");
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
    ui.heading(format!("{}: {scope}", t.compare_title));
    let (at, outcomes, chances) = super::super::compare::outcomes(app);
    let height = (ui.available_height() * 0.6).max(200.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        super::super::compare::plot(ui, lang, &outcomes, "present-compare");
    });
    super::super::compare::table(ui, lang, at, &outcomes, &chances);
}
