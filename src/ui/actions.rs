//! Everything the menus and shortcuts can do, in one list: name, shortcut, handling in
//! [`super::app::UcjApp::perform`].

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Lang;

use super::view::Tab;

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
    /// One of the table tabs (Ctrl+1 to Ctrl+5).
    ShowTab(Tab),
    /// The tab after the one shown, or before it (Ctrl+Page Down / Up, as between a
    /// spreadsheet's sheets), round from the last to the first.
    NextTab,
    PreviousTab,
    /// The keyboard to the menu bar (F10).
    FocusMenu,
}

/// Actions with a keyboard shortcut, in the order they are checked (longer combos first).
pub const SHORTCUTS: [(Action, KeyboardShortcut); 19] = [
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
    (
        Action::ShowTab(Tab::Regions),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1),
    ),
    (
        Action::ShowTab(Tab::Campaigns),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2),
    ),
    (
        Action::ShowTab(Tab::Assumptions),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3),
    ),
    (
        Action::ShowTab(Tab::Variants),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num4),
    ),
    (
        Action::ShowTab(Tab::Problems),
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Num5),
    ),
    (
        Action::FocusMenu,
        KeyboardShortcut::new(Modifiers::NONE, Key::F10),
    ),
    (
        Action::NextTab,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::PageDown),
    ),
    (
        Action::PreviousTab,
        KeyboardShortcut::new(Modifiers::COMMAND, Key::PageUp),
    ),
];

/// The first shortcut of an action, for menus.
#[must_use]
pub fn shortcut_of(action: &Action) -> Option<KeyboardShortcut> {
    SHORTCUTS.iter().find(|(a, _)| a == action).map(|(_, s)| *s)
}

/// The actions whose shortcuts were pressed this frame, in the order they were pressed, each
/// press once (two quick Ctrl+Z in one slow frame are two undos; a held key repeats), consumed
/// so no widget sees them too. Matched as egui matches a shortcut, the first of [`SHORTCUTS`]
/// that fits.
#[must_use]
pub fn pressed(ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } = event
            else {
                return true;
            };
            let found = SHORTCUTS.iter().find(|(_, shortcut)| {
                shortcut.logical_key == *key && modifiers.matches_logically(shortcut.modifiers)
            });
            match found {
                Some((action, _)) => {
                    actions.push(action.clone());
                    false
                }
                None => true,
            }
        });
    });
    actions
}
