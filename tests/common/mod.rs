//! The app as the UI tests drive it: the real state in a 1600x900 window, dialogs answered
//! from a list.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ucj_planner::i18n::Lang;
use ucj_planner::ui::dialogs::{Answer, ScriptedDialogs};
use ucj_planner::ui::{Startup, UcjApp};

/// The app started with `startup` (English unless it says otherwise); file dialogs give
/// `answers` in turn.
pub fn harness_with(startup: Startup, answers: Vec<Answer>) -> Harness<'static, UcjApp> {
    let startup = Startup {
        lang: startup.lang.or(Some(Lang::En)),
        ..startup
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        // A dialog whose grids and scroll area settle over a few frames redraws until then.
        .with_max_steps(16)
        .build_eframe(move |cc| {
            let dialogs = ScriptedDialogs {
                answers: answers.into(),
                ..ScriptedDialogs::default()
            };
            UcjApp::new(&cc.egui_ctx, None, &startup, Box::new(dialogs))
        });
    harness.run();
    harness
}

/// The app with the sample, in English.
pub fn harness() -> Harness<'static, UcjApp> {
    harness_with(Startup::default(), Vec::new())
}

/// Clicks the widget named `label` and lets the app answer.
pub fn click(harness: &mut Harness<'_, UcjApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}
