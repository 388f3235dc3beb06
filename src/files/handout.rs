//! The PDF handout: every slide of the deck, one an A4 landscape page, with the scenario's
//! name, the plan shown and the date in the footer. The slide is the picture the window draws
//! (its charts are egui's); the footer is text, selectable and searchable.

use krilla::Document;
use krilla::geom::{Point, Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

/// A4 landscape, in points.
const PAGE: (f32, f32) = (842.0, 595.0);
const MARGIN: f32 = 28.0;
const FOOTER_SIZE: f32 = 10.0;

/// The handout of `slides` (PNG pictures, in order) with `footer` on every page, followed by
/// "page / pages"; `page_word` names a page ("page", "halaman").
///
/// # Errors
/// A picture that is not a PNG, or a PDF that cannot be written, says which.
pub fn handout(slides: &[Vec<u8>], footer: &str, page_word: &str) -> Result<Vec<u8>, String> {
    let font = Font::new(epaint_default_fonts::UBUNTU_LIGHT.into(), 0)
        .ok_or_else(|| "the handout's font cannot be read".to_owned())?;
    let mut document = Document::new();
    let count = slides.len();
    for (i, png) in slides.iter().enumerate() {
        let image = Image::from_png(png.clone().into(), true)
            .map_err(|e| format!("slide {}: not a PNG picture ({e})", i + 1))?;
        let (w, h) = image.size();
        #[allow(clippy::cast_precision_loss)] // pixel sizes are far below 2^24
        let (w, h) = (w.max(1) as f32, h.max(1) as f32);
        let room = (
            PAGE.0 - 2.0 * MARGIN,
            PAGE.1 - 2.0 * MARGIN - FOOTER_SIZE * 2.5,
        );
        let scale = (room.0 / w).min(room.1 / h);
        let (shown_w, shown_h) = (w * scale, h * scale);
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1)
            .ok_or_else(|| "the page size is wrong".to_owned())?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_translate((PAGE.0 - shown_w) / 2.0, MARGIN));
        let size = Size::from_wh(shown_w, shown_h)
            .ok_or_else(|| format!("slide {}: the picture is empty", i + 1))?;
        surface.draw_image(image, size);
        surface.pop();
        let text = format!("{footer} · {page_word} {} / {count}", i + 1);
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE.1 - MARGIN),
            font.clone(),
            FOOTER_SIZE,
            &text,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("the PDF cannot be written: {e:?}"))
}
