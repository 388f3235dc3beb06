//! `--screenshot OUT.png`: draw the scenario, write the window as PNG, quit.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::ColorImage;

/// Frames drawn before the picture is taken, so layout and plots have settled.
const SETTLE_FRAMES: u32 = 6;
/// Give up when no picture arrives (no renderer): exit with an error instead of hanging.
const TIMEOUT: Duration = Duration::from_mins(1);

pub struct Job {
    path: PathBuf,
    status: Arc<AtomicU8>,
    frames: u32,
    requested: bool,
    started: Instant,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl Job {
    #[must_use]
    pub fn new(path: PathBuf, status: Arc<AtomicU8>) -> Self {
        // Until the PNG is written, the run counts as failed.
        status.store(1, Ordering::SeqCst);
        Self {
            path,
            status,
            frames: 0,
            requested: false,
            started: Instant::now(),
            image: Arc::default(),
        }
    }

    /// Called once per frame; true when the window should close.
    pub fn step(&mut self, ctx: &egui::Context) -> bool {
        self.frames += 1;
        ctx.request_repaint();
        if self.started.elapsed() > TIMEOUT {
            log::error!("no screenshot arrived within {TIMEOUT:?}");
            return true;
        }
        if !self.requested && self.frames >= SETTLE_FRAMES {
            let slot = self.image.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
            });
            self.requested = true;
            return false;
        }
        let image = self.image.lock().ok().and_then(|mut s| s.take());
        let Some(image) = image else {
            return false;
        };
        match write_png(&self.path, &image) {
            Ok(()) => {
                log::info!("wrote {}", self.path.display());
                self.status.store(0, Ordering::SeqCst);
            }
            Err(e) => log::error!("cannot write {}: {e}", self.path.display()),
        }
        true
    }
}

/// Writes an egui image as PNG.
///
/// # Errors
/// The file cannot be written or encoded.
pub fn write_png(path: &std::path::Path, image: &ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let (Ok(w), Ok(h)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err("image too large".into());
    };
    let buffer = image::RgbaImage::from_raw(w, h, bytes).ok_or("image size mismatch")?;
    buffer.save(path).map_err(|e| e.to_string())
}
