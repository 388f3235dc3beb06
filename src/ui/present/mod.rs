//! Presenter mode: full screen, light and large, slides built from the scenario, keys to move
//! through them, and a quick-change strip that re-projects live on a region slide.

pub mod map;
mod slides;

use egui::{Frame, Key, RichText, Ui, ViewportCommand};

use super::app::UcjApp;
use super::theme;
use super::view::Msg;
use slides::{assumptions, budget, compare_slide, overview, region, title};

/// A slide, built from the scenario each time it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The scenario's name, the plan shown, the date and the month the figures are from.
    Title,
    /// The rates the projection rests on, each marked assumed, own or fitted.
    Assumptions,
    /// A page of the overview: as many regions as the screen holds, the rest on the next
    /// page (those short of their target come last, and are never dropped).
    Overview(usize),
    /// The provinces coloured by coverage against target.
    Map,
    Region(usize),
    Budget,
    Compare,
}

#[allow(clippy::struct_excessive_bools)] // independent switches of the presenter
pub struct Presenter {
    /// Position in [`slides`].
    pub slide: usize,
    /// The undo history's length when presenting began: changes made since can be dropped.
    checkpoint: usize,
    /// The campaign the quick-change keys act on, by position in the region's list.
    pub quick: usize,
    /// Esc was pressed after changes: asking whether to keep them.
    pub asking: bool,
    /// Exporting every slide: leave presenter mode when done.
    pub exporting: bool,
    fullscreen: bool,
    /// B or `.`: the screen is blank (the room looks at the speaker).
    pub blank: bool,
    /// The projection before the first what-if change: its line stays on the slide, dashed.
    pub before: Option<Box<crate::engine::Projection>>,
    /// Each changed campaign's people when presenting began, and the ten-percent steps taken
    /// since: + and − are exact and undo each other.
    pub people_steps: std::collections::HashMap<usize, (f64, i32)>,
    /// The month the map slide shows, when the presenter moved it.
    pub map_month: Option<crate::model::Month>,
}

impl Presenter {
    /// Whether the scenario was changed since presenting began.
    #[must_use]
    pub fn changed(&self, history_len: usize) -> bool {
        history_len != self.checkpoint
    }
}

/// Entries of a deck's `slides` list that are read; the rest are left out.
const MAX_DECK: usize = 200;

/// The slides of the scenario: overview, each projected region, budget, and the comparison
/// when there are variants.
#[must_use]
pub fn slides(app: &UcjApp) -> Vec<Slide> {
    use crate::model::SlideChoice;
    let scenario = &app.doc.scenario;
    let projected = |i: &usize| app.doc.projection.region(*i).is_some();
    let chosen = if scenario.slides.is_empty() {
        SlideChoice::usual()
    } else {
        scenario.slides.clone()
    };
    let mut out = Vec::new();
    // A file may list anything; a deck longer than this is not a presentation.
    for choice in chosen.into_iter().take(MAX_DECK) {
        match choice {
            SlideChoice::Title => out.push(Slide::Title),
            SlideChoice::Assumptions => out.push(Slide::Assumptions),
            SlideChoice::Overview => {
                let regions = (0..scenario.regions.len()).filter(projected).count();
                let per_page = slides::overview_rows(app.ctx.content_rect().height());
                out.extend((0..regions.div_ceil(per_page).max(1)).map(Slide::Overview));
            }
            SlideChoice::Map => {
                // Only when some region of the scenario lies in a province of the map.
                let month = map::default_month(scenario, &app.doc.projection);
                if month
                    .is_some_and(|m| !map::by_province(scenario, &app.doc.projection, m).is_empty())
                {
                    out.push(Slide::Map);
                }
            }
            SlideChoice::Regions => {
                out.extend(
                    (0..scenario.regions.len())
                        .filter(projected)
                        .map(Slide::Region),
                );
            }
            SlideChoice::Region(code) => {
                out.extend(
                    scenario
                        .region_index(&code)
                        .filter(projected)
                        .map(Slide::Region),
                );
            }
            SlideChoice::Budget => out.push(Slide::Budget),
            SlideChoice::Compare => {
                if !scenario.variants.is_empty() {
                    out.push(Slide::Compare);
                }
            }
        }
    }
    if out.is_empty() {
        out.push(Slide::Title);
    }
    out
}

pub fn enter(app: &mut UcjApp, ctx: &egui::Context, fullscreen: bool) {
    app.cells.clear();
    app.present = Some(Presenter {
        slide: 0,
        checkpoint: app.doc.history_len(),
        quick: 0,
        asking: false,
        exporting: false,
        fullscreen,
        blank: false,
        before: None,
        people_steps: std::collections::HashMap::new(),
        map_month: None,
    });
    if fullscreen {
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
    }
}

fn leave(app: &mut UcjApp, ctx: &egui::Context, keep: bool) {
    if let Some(p) = app.present.take() {
        if !keep {
            app.doc.undo_to(p.checkpoint);
        }
        if p.fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }
}

/// Type sizes of a slide on a screen `height` pixels high, as a room reads it from the back:
/// body text a thirtieth of the height, titles a sixteenth (the key number, an eighth, is set
/// where it is drawn).
#[must_use]
pub fn type_sizes(height: f32) -> (f32, f32) {
    let body = (height / 30.0).max(14.0);
    let title = (height / 16.0).max(24.0);
    (body, title)
}

/// Presentation look: light, high contrast, large type scaled to the screen; every text at
/// least body size, small text included.
pub(super) fn presentation_style(ui: &mut Ui) {
    let height = ui.ctx().content_rect().height();
    let (body, title) = type_sizes(height);
    let style = ui.style_mut();
    style.visuals = egui::Visuals::light();
    style.visuals.override_text_color = Some(theme::INK);
    style.visuals.extreme_bg_color = theme::PAPER;
    style.visuals.panel_fill = theme::PAPER;
    // Weak text at 4.5:1 or better against the paper, as every text in the room.
    style.visuals.weak_text_color = Some(egui::Color32::from_gray(85));
    for (text_style, font) in &mut style.text_styles {
        font.size = match text_style {
            egui::TextStyle::Heading => title,
            _ => body,
        };
    }
    style.spacing.item_spacing = egui::vec2(body * 0.55, body * 0.35);
    // Scaled type puts widgets between pixels; the debug build's "unaligned" marks would end
    // up in the pictures.
    #[cfg(debug_assertions)]
    {
        style.debug.show_unaligned = false;
    }
    style.spacing.button_padding = egui::vec2(body * 0.35, body * 0.15);
    style.spacing.interact_size = egui::vec2(body * 1.6, body * 1.1);
}

/// Moves between slides with the keyboard; Esc leaves (asking first after changes).
fn keys(app: &mut UcjApp, ui: &Ui, count: usize) {
    let Some(p) = &mut app.present else { return };
    if p.asking {
        return;
    }
    let blank = ui.input_mut(|i| {
        i.consume_key(egui::Modifiers::NONE, Key::B)
            || i.consume_key(egui::Modifiers::NONE, Key::Period)
            || (p.blank && i.consume_key(egui::Modifiers::NONE, Key::Escape))
    });
    if blank {
        p.blank = !p.blank;
        return;
    }
    if p.blank {
        return;
    }
    let (next, back, home, end, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowRight)
                || i.consume_key(egui::Modifiers::NONE, Key::Space)
                || i.consume_key(egui::Modifiers::NONE, Key::PageDown),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft)
                || i.consume_key(egui::Modifiers::NONE, Key::PageUp),
            i.consume_key(egui::Modifiers::NONE, Key::Home),
            i.consume_key(egui::Modifiers::NONE, Key::End),
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
        )
    });
    let before = p.slide;
    if next {
        p.slide = (p.slide + 1).min(count.saturating_sub(1));
    }
    if back {
        p.slide = p.slide.saturating_sub(1);
    }
    if home {
        p.slide = 0;
    }
    if end {
        p.slide = count.saturating_sub(1);
    }
    if p.slide != before {
        p.quick = 0;
    }
    if escape {
        if app.doc.history_len() == p.checkpoint {
            leave(app, ui.ctx(), true);
        } else {
            p.asking = true;
        }
    }
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let all = slides(app);
    keys(app, ui, all.len());
    let Some(p) = &app.present else { return };
    if p.blank {
        // A black screen, nothing on it: B or `.` brings the slide back.
        egui::CentralPanel::default()
            .frame(Frame::new().fill(egui::Color32::BLACK))
            .show(ui, |_| {});
        return;
    }
    let changed = p.changed(app.doc.history_len());
    let index = p.slide.min(all.len().saturating_sub(1));
    let slide = all[index];
    let capturing = app.capturer.current().is_some();
    let lang = app.lang;
    let (body_size, _) = type_sizes(ui.ctx().content_rect().height());
    egui::CentralPanel::default()
        .frame(Frame::new().fill(theme::PAPER).inner_margin(body_size))
        .show(ui, |ui| {
            presentation_style(ui);
            let footer = body_size * 1.8;
            let body = (ui.available_height() - footer).max(200.0);
            ui.allocate_ui(egui::vec2(ui.available_width(), body), |ui| {
                ui.set_min_size(egui::vec2(ui.available_width(), body));
                match slide {
                    Slide::Title => title(app, ui),
                    Slide::Assumptions => assumptions(app, ui),
                    Slide::Overview(page) => overview(app, ui, page),
                    Slide::Map => slides::map_slide(app, ui),
                    Slide::Region(r) => region(app, ui, r, capturing),
                    Slide::Budget => budget(app, ui),
                    Slide::Compare => compare_slide(app, ui),
                }
            });
            let t = &lang.texts().ui;
            let notice = app.notice.as_ref().map(|n| n.text.clone());
            let plan = super::menu::plan_name(app).map(|n| format!("{} {n}", t.plan_shown));
            // The slide controls keep their room; the help line gives way when space is short.
            egui::Sides::new().shrink_left().truncate().show(
                ui,
                |ui| {
                    if changed {
                        what_if_badge(ui, t.what_if_badge);
                    }
                    if let Some(plan) = &plan {
                        ui.label(RichText::new(plan).small().strong());
                    }
                    if capturing {
                        // Nothing else in a picture of the slide.
                    } else if let Some(text) = &notice {
                        ui.label(RichText::new(text).small());
                    } else {
                        // The whole list where it fits; else the keys a presenter needs most,
                        // whole, rather than the list cut off mid-word.
                        let font = egui::TextStyle::Small.resolve(ui.style());
                        let full = ui
                            .painter()
                            .layout_no_wrap(t.present_keys.to_owned(), font, egui::Color32::WHITE)
                            .size()
                            .x;
                        let keys = if full <= ui.available_width() {
                            t.present_keys
                        } else {
                            t.present_keys_short
                        };
                        ui.label(RichText::new(keys).small().weak())
                            .on_hover_text(t.present_keys);
                    }
                },
                |ui| {
                    ui.label(RichText::new(format!("{} / {}", index + 1, all.len())).strong());
                    if !capturing {
                        slide_buttons(app, ui);
                    }
                },
            );
        });
    keep_question(app, ui.ctx());
}

/// "What-if, not saved" first in the slide's footer, in pictures of the slide too, while the
/// presenter's changes are neither kept nor discarded: in words, on a strong colour. (In the
/// top right corner it covered the ends of long slide titles.)
fn what_if_badge(ui: &mut Ui, text: &str) {
    Frame::new()
        .fill(theme::WHAT_IF)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(text).strong().color(egui::Color32::WHITE));
        });
}

fn slide_buttons(app: &mut UcjApp, ui: &mut Ui) {
    let t = &app.lang.texts().ui;
    if ui.small_button(t.leave_presenter).clicked() {
        if let Some(p) = &mut app.present
            && app.doc.history_len() != p.checkpoint
        {
            p.asking = true;
        } else {
            leave(app, ui.ctx(), true);
        }
    }
    // Short words on the slide, the whole action on hover: the footer fits a 1024 screen.
    if ui
        .small_button(t.present_save)
        .on_hover_text(t.save_png)
        .clicked()
    {
        app.messages
            .push(Msg::Action(super::actions::Action::SavePng));
    }
    if ui
        .small_button(t.present_copy)
        .on_hover_text(t.copy_image)
        .clicked()
    {
        app.messages
            .push(Msg::Action(super::actions::Action::CopyImage));
    }
}

fn keep_question(app: &mut UcjApp, ctx: &egui::Context) {
    if !app.present.as_ref().is_some_and(|p| p.asking) {
        return;
    }
    let t = &app.lang.texts().ui;
    let mut answer = None;
    // Enter keeps, unless Tab has put the keyboard on one of the question's buttons: then
    // Enter presses that one. Esc goes back to the slides, as Cancel does.
    let ids_key = egui::Id::unique("keep-question-buttons");
    let button_ids: Vec<egui::Id> = ctx.data(|d| d.get_temp(ids_key)).unwrap_or_default();
    let on_a_button = ctx.memory(|m| m.focused().is_some_and(|f| button_ids.contains(&f)));
    ctx.input_mut(|i| {
        if !on_a_button && i.consume_key(egui::Modifiers::NONE, Key::Enter) {
            answer = Some(Some(true));
        } else if i.consume_key(egui::Modifiers::NONE, Key::Escape) {
            answer = Some(None);
        }
    });
    // Light like the slides: the room reads the question too (dark text on the dark frame of
    // the editor's style would not be read).
    let frame = Frame::new()
        .fill(theme::PAPER)
        .stroke(egui::Stroke::new(2.0, theme::INK))
        .corner_radius(8.0)
        .inner_margin(24.0);
    egui::Modal::new(egui::Id::unique("keep-presenter-changes"))
        .frame(frame)
        .show(ctx, |ui| {
            presentation_style(ui);
            ui.heading(t.keep_changes_title);
            ui.label(t.keep_changes_question);
            ui.horizontal(|ui| {
                let mut ids = Vec::with_capacity(3);
                for (label, choice) in [
                    (t.keep, Some(true)),
                    (t.discard, Some(false)),
                    (t.cancel, None),
                ] {
                    let button = ui.button(label);
                    ids.push(button.id);
                    if button.clicked() {
                        answer = Some(choice);
                    }
                }
                ui.data_mut(|d| d.insert_temp(ids_key, ids));
            });
        });
    match answer {
        Some(Some(keep)) => leave(app, ctx, keep),
        Some(None) => {
            if let Some(p) = &mut app.present {
                p.asking = false;
            }
        }
        None => {}
    }
}
