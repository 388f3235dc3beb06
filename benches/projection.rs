//! The projection of a national-size scenario: 514 regions, 3,000 campaigns, 120 months.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use ucj_planner::engine::{
    Control, Overrides, RegionFit, analyse_targets, calibrate, people_needed, project,
    project_into, project_with, simulate,
};
use ucj_planner::model::{synthetic_scenario, synthetic_uncertainty, validate};

fn projection(c: &mut Criterion) {
    let scenario = synthetic_scenario(514, 3000, 120);
    c.bench_function("project 514 regions, 3000 campaigns, 120 months", |b| {
        b.iter(|| project(black_box(&scenario)));
    });
    let report = validate(&scenario);
    c.bench_function(
        "project into the last projection's memory (what an edit does)",
        |b| {
            let mut last = project(&scenario);
            b.iter(|| {
                last = project_into(
                    black_box(&scenario),
                    report.clone(),
                    &Overrides::default(),
                    std::mem::take(&mut last),
                );
            });
        },
    );
    c.bench_function("validate the same scenario", |b| {
        b.iter(|| validate(black_box(&scenario)));
    });
    c.bench_function("project with a ready report (uncertainty runs)", |b| {
        b.iter(|| project_with(black_box(&scenario), report.clone(), &Overrides::default()));
    });
    let p = project(&scenario);
    let region = p.region(0).unwrap();
    let target = analyse_targets(region)[1].clone();
    let plan = ucj_planner::engine::gross_seek_plan(
        &scenario.regions[0].code,
        region.series.first,
        target.month,
    );
    c.bench_function("goal seek one target", |b| {
        b.iter(|| {
            people_needed(
                &scenario,
                &report,
                &Overrides::default(),
                0,
                target.month,
                target.pct,
                &plan,
            )
        });
    });
}

fn calibration(c: &mut Criterion) {
    let scenario = synthetic_scenario(514, 3000, 120);
    let report = validate(&scenario);
    c.bench_function("calibrate one region (default choice)", |b| {
        b.iter(|| {
            calibrate(
                black_box(&scenario),
                &report,
                &Overrides::default(),
                0,
                None,
            )
        });
    });
    let mut group = c.benchmark_group("calibrate all");
    group.sample_size(10);
    group.bench_function("calibrate all 514 regions", |b| {
        b.iter(|| {
            (0..scenario.regions.len())
                .map(|i| RegionFit::of(black_box(&scenario), &report, &Overrides::default(), i))
                .filter(|f| f.fitted().is_some())
                .count()
        });
    });
    group.finish();
}

/// 1,000 runs of the national scenario with every spread non-zero: percentiles of every region
/// and ALL, and every target's chance.
fn uncertainty(c: &mut Criterion) {
    let mut scenario = synthetic_scenario(514, 3000, 120);
    let u = synthetic_uncertainty();
    scenario.assumptions.uncertainty = Some(u.clone());
    let report = validate(&scenario);
    let mut group = c.benchmark_group("uncertainty");
    group.sample_size(10);
    for threads in [1, 2] {
        group.bench_function(format!("1000 national runs, {threads} thread(s)"), |b| {
            let control = Control {
                threads: Some(threads),
                ..Control::default()
            };
            b.iter(|| {
                simulate(
                    black_box(&scenario),
                    &report,
                    &Overrides::default(),
                    &u,
                    1000,
                    &control,
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, projection, calibration, uncertainty);
criterion_main!(benches);
