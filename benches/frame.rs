//! One full frame of the main window (UI pass plus tessellation) with a national-size
//! scenario: 514 regions, 3,000 campaigns, 120 months.

use criterion::{Criterion, criterion_group, criterion_main};
use ucj_planner::i18n::Lang;
use ucj_planner::model::synthetic_scenario;
use ucj_planner::ui::dialogs::ScriptedDialogs;
use ucj_planner::ui::document::Document;
use ucj_planner::ui::edit::Edit;
use ucj_planner::ui::view::{Msg, Tab};
use ucj_planner::ui::{Startup, UcjApp};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
        )),
        ..Default::default()
    }
}

fn app(ctx: &egui::Context, tab: Tab, show_all: bool) -> UcjApp {
    let startup = Startup {
        lang: Some(Lang::Id),
        ..Startup::default()
    };
    let mut app = UcjApp::new(ctx, None, &startup, Box::new(ScriptedDialogs::default()));
    app.doc = Document::new(synthetic_scenario(514, 3000, 120), None, true);
    app.view.select(0, false);
    app.view.tab = tab;
    app.view.show_all = show_all;
    app
}

fn frame(c: &mut Criterion) {
    for (name, tab, show_all) in [
        (
            "frame: regions table, one region plotted",
            Tab::Regions,
            false,
        ),
        ("frame: campaigns table, ALL plotted", Tab::Campaigns, true),
    ] {
        let ctx = egui::Context::default();
        let mut app = app(&ctx, tab, show_all);
        // Let layout, fonts and caches settle as they would on screen.
        for _ in 0..3 {
            let _ = ctx.run_ui(input(), |ui| app.show(ui));
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                let output = ctx.run_ui(input(), |ui| app.show(ui));
                ctx.tessellate(output.shapes, output.pixels_per_point)
            });
        });
    }
}

/// A frame after an edit: the projection and goal seek run again, as when a planner types.
fn edit_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = app(&ctx, Tab::Regions, false);
    let _ = ctx.run_ui(input(), |ui| app.show(ui));
    let mut workforce = 100_000.0;
    c.bench_function(
        "frame after an edit (re-projection and goal seek included)",
        |b| {
            b.iter(|| {
                workforce += 1.0;
                let before = app.doc.scenario.regions[0].clone();
                let mut after = before.clone();
                after.workforce = workforce;
                app.messages.push(Msg::Edit(
                    Edit::Region {
                        index: 0,
                        before: Box::new(before),
                        after: Box::new(after),
                    },
                    None,
                ));
                app.flush();
                let output = ctx.run_ui(input(), |ui| app.show(ui));
                ctx.tessellate(output.shapes, output.pixels_per_point)
            });
        },
    );
}

criterion_group!(benches, frame, edit_frame);
criterion_main!(benches);
