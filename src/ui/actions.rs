//! Everything the menus and shortcuts can do, in one list: name, shortcut, handling in
//! [`super::app::UcjApp::perform`].

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    ExportCsv,
    Quit,
    Undo,
    Redo,
    SetLang(Lang),
    /// Presenter mode (F5).
    Present,
    /// The coverage plot, or the slide, as a PNG file.
    SavePng,
    /// The coverage plot, or the slide, to the clipboard as an image.
    CopyImage,
    /// Every slide as PNG files in a folder.
    ExportSlides,
    ExportHandout,
    /// Projection, targets and budget as CSV for a spreadsheet in the user's language.
    ExportSpreadsheet,
    ImportData,
    /// File > New from the catalogue: the dialog that picks regions.
    NewFromCatalogue,
    ExportXlsx,
    /// Fit the selected region's baseline to its reported figures.
    Calibrate,
    /// Fit every region's baseline, in the background.
    CalibrateAll,
}

/// Actions with a keyboard shortcut, in the order they are checked (longer combos first).
pub const SHORTCUTS: [(Action, KeyboardShortcut); 11] = [
    (
        Action::SaveAs,
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S),
    ),
    (
        Action::Redo,
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z),
    ),
    (
        Action::New,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::N),
    ),
    (
        Action::Open,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
    ),
    (
        Action::Save,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
    ),
    (
        Action::Undo,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
    ),
    (
        Action::Redo,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
    ),
    (
        Action::CopyImage,
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C),
    ),
    (
        Action::Present,
        KeyboardShortcut::new(Modifiers::NONE, Key::F5),
    ),
    (
        Action::Quit,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
    ),
    (
        Action::Calibrate,
        KeyboardShortcut::new(Modifiers::NONE, Key::F9),
    ),
];

/// The first shortcut of an action, for menus.
#[must_use]
pub fn shortcut_of(action: &Action) -> Option<KeyboardShortcut> {
    SHORTCUTS.iter().find(|(a, _)| a == action).map(|(_, s)| *s)
}

/// The action whose shortcut was pressed this frame, consumed so no widget sees it too.
#[must_use]
pub fn pressed(ctx: &egui::Context) -> Option<Action> {
    ctx.input_mut(|input| {
        SHORTCUTS
            .iter()
            .find(|(_, shortcut)| input.consume_shortcut(shortcut))
            .map(|(a, _)| a.clone())
    })
}
