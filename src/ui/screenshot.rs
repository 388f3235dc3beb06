//! Pictures of the window made with its own screenshot facility: `--screenshot OUT.png`,
//! a plot or slide copied or saved as PNG, and every slide exported to a folder.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::ColorImage;

/// Give up on a picture that does not arrive (no renderer) instead of waiting for ever.
const TIMEOUT: Duration = Duration::from_mins(1);

/// Where a picture goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Clipboard,
}

/// One picture to take.
#[derive(Clone, Debug, PartialEq)]
pub struct Shot {
    pub target: Target,
    /// The presenter slide to show first, for slide exports.
    pub slide: Option<usize>,
    /// Part of the window to keep, in points (a plot); the whole window when `None`.
    pub crop: Option<egui::Rect>,
    /// Frames drawn before the picture, so layout and plots have settled.
    pub settle: u32,
}

/// Takes queued pictures one after another.
#[derive(Default)]
pub struct Capturer {
    queue: VecDeque<Shot>,
    frames: u32,
    requested: Option<Instant>,
    slot: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl Capturer {
    pub fn push(&mut self, shot: Shot) {
        self.queue.push_back(shot);
    }

    /// The picture being taken now.
    #[must_use]
    pub fn current(&self) -> Option<&Shot> {
        self.queue.front()
    }

    #[must_use]
    pub fn remaining(&self) -> usize {
        self.queue.len()
    }

    /// Called once per frame, after drawing. Returns a picture that has just been taken (or
    /// has failed), with where it went.
    pub fn step(&mut self, ctx: &egui::Context) -> Option<(Shot, Result<(), String>)> {
        let shot = self.queue.front()?.clone();
        ctx.request_repaint();
        self.frames += 1;
        if self.frames < shot.settle {
            return None;
        }
        let Some(asked) = self.requested else {
            let shared = self.slot.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = shared.lock() {
                    *slot = Some(image);
                }
            });
            self.requested = Some(Instant::now());
            return None;
        };
        let image = self.slot.lock().ok().and_then(|mut s| s.take());
        let result = match image {
            Some(image) => {
                let image = match shot.crop {
                    Some(rect) => image.region(&rect, Some(ctx.pixels_per_point())),
                    None => (*image).clone(),
                };
                match &shot.target {
                    Target::File(path) => write_png(path, &image),
                    Target::Clipboard => {
                        ctx.copy_image(image);
                        Ok(())
                    }
                }
            }
            None if asked.elapsed() > TIMEOUT => Err("no picture arrived from the renderer".into()),
            None => return None,
        };
        self.queue.pop_front();
        self.frames = 0;
        self.requested = None;
        Some((shot, result))
    }
}

/// Writes an egui image as PNG.
///
/// # Errors
/// The file cannot be written or encoded; the message names the file.
pub fn write_png(path: &std::path::Path, image: &ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let (Ok(w), Ok(h)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err(format!("{}: image too large", path.display()));
    };
    let buffer = image::RgbaImage::from_raw(w, h, bytes)
        .ok_or_else(|| format!("{}: image size mismatch", path.display()))?;
    buffer
        .save(path)
        .map_err(|e| format!("{}: cannot write the picture: {e}", path.display()))
}
