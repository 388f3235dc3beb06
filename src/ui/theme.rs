//! Type sizes and spacing for a window people work in all day.

use egui::{FontId, TextStyle};

pub fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(20.0)),
            (TextStyle::Body, FontId::proportional(14.5)),
            (TextStyle::Monospace, FontId::monospace(13.5)),
            (TextStyle::Button, FontId::proportional(14.5)),
            (TextStyle::Small, FontId::proportional(11.5)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
        // A steady caret: a blinking one redraws the whole window several times a second
        // while a cell is open (a third of a core with the sample, most of one with the
        // national file), which drains a laptop's battery through a meeting.
        style.visuals.text_cursor.blink = false;
    });
}

/// Series colours: the Okabe–Ito palette, told apart with colour-blindness and on a projector.
pub const SERIES: [egui::Color32; 8] = [
    egui::Color32::from_rgb(0, 114, 178),
    egui::Color32::from_rgb(230, 159, 0),
    egui::Color32::from_rgb(0, 158, 115),
    egui::Color32::from_rgb(204, 121, 167),
    egui::Color32::from_rgb(86, 180, 233),
    egui::Color32::from_rgb(213, 94, 0),
    egui::Color32::from_rgb(240, 228, 66),
    egui::Color32::from_rgb(120, 120, 120),
];

#[must_use]
pub fn series_colour(i: usize) -> egui::Color32 {
    SERIES[i % SERIES.len()]
}

/// The page of a slide: white, for a projector in a lit room.
pub const PAPER: egui::Color32 = egui::Color32::WHITE;
/// Slide text: near-black for the most contrast.
pub const INK: egui::Color32 = egui::Color32::from_gray(10);
/// The empty part of a coverage bar.
pub const TRACK: egui::Color32 = egui::Color32::from_gray(230);
/// Target marks on slides.
pub const TARGET_MARK: egui::Color32 = egui::Color32::BLACK;
/// Guides (targets in comparisons, the current month) that should not compete with data.
pub const GUIDE: egui::Color32 = egui::Color32::from_gray(140);
/// The "what-if, not saved" badge: white text on it has a contrast of about 6:1.
pub const WHAT_IF: egui::Color32 = egui::Color32::from_rgb(176, 58, 0);
/// A figure to check on a slide (coverage above 100 %): dark orange, 5:1 on the paper.
pub const CHECK: egui::Color32 = egui::Color32::from_rgb(176, 72, 0);
