//! The window: app state, edits with undo, one file per panel or view, plots, dialogs behind
//! a seam. Reads the projection the engine made; never computes coverage itself.

pub mod actions;
pub mod app;
mod app_files;
pub mod calibrate;
pub mod catalogue;
pub mod cells;
mod compare;
pub mod dialogs;
pub mod document;
pub mod edit;
pub mod grid;
pub mod import;
mod menu;
mod outside;
pub mod panels;
mod plots;
mod present;
mod prompts;
mod recovery;
pub mod screenshot;
pub mod settings;
mod theme;
pub mod uncertainty;
pub mod view;

use std::sync::atomic::Ordering;

pub use app::{Startup, UcjApp};
pub use menu::HelpScroll;
pub use recovery::RECOVERY_DELAY;

/// The number of slides of the deck the presenter shows.
#[must_use]
pub fn present_slide_count(app: &UcjApp) -> usize {
    present::slides(app).len()
}

/// Opens the window and runs it until it closes; returns the process exit status.
///
/// # Errors
/// When no window can be created (no display, no graphics driver).
///
/// `size`, when given, is this run's window size: the size the window last had is then
/// neither used nor changed (eframe would otherwise restore it over the size asked).
pub fn run(mut startup: Startup, size: Option<[f32; 2]>) -> anyhow::Result<u8> {
    let status = startup.status.clone();
    let screenshot = startup.screenshot.is_some() || startup.slides.is_some();
    // Unsaved work is kept for recovery beside what eframe remembers; a picture run keeps
    // none and touches none.
    if !screenshot {
        let dir = eframe::storage_dir("ucj-planner");
        if startup.recovery_dir.is_none() {
            startup.recovery_dir = dir.as_ref().map(|d| d.join("recovery"));
        }
        if startup.settings_path.is_none() {
            startup.settings_path = dir.map(|d| d.join("settings.ron"));
        }
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("UCJ Planner")
        .with_inner_size(size.unwrap_or([1600.0, 900.0]))
        .with_min_inner_size([900.0, 600.0])
        .with_app_id("ucj-planner");
    if screenshot {
        viewport = viewport.with_position([0.0, 0.0]);
    }
    // A picture run must not read or change what the user's own runs remember (window size,
    // last file), nor what an earlier picture run left: it keeps egui's state in a file of its
    // own, removed afterwards.
    let scratch = screenshot.then(|| {
        std::env::temp_dir().join(format!("ucj-planner-picture-{}.ron", std::process::id()))
    });
    let options = eframe::NativeOptions {
        viewport,
        persist_window: !screenshot && size.is_none(),
        persistence_path: scratch.clone(),
        ..Default::default()
    };
    let ran = eframe::run_native(
        "ucj-planner",
        options,
        Box::new(move |cc| {
            let dialogs = Box::new(dialogs::NativeDialogs::new(cc.egui_ctx.clone()));
            Ok(Box::new(UcjApp::new(
                &cc.egui_ctx,
                cc.storage,
                &startup,
                dialogs,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"));
    if let Some(file) = scratch {
        // Best effort: a leftover file in the temp folder is harmless.
        let _ = std::fs::remove_file(file);
    }
    ran?;
    Ok(status.load(Ordering::SeqCst))
}
