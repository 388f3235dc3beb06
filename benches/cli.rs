//! The command line on the national scenario (514 regions, 3,000 campaigns, 120 months, every
//! uncertainty range non-zero): whole processes, as a script runs them.

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use ucj_planner::files;
use ucj_planner::model::{synthetic_scenario, synthetic_uncertainty};

fn cli(c: &mut Criterion) {
    let mut scenario = synthetic_scenario(514, 3000, 120);
    scenario.assumptions.uncertainty = Some(synthetic_uncertainty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.ron");
    std::fs::write(&path, files::to_ron(&scenario).unwrap()).unwrap();
    if let Ok(keep) = std::env::var("UCJ_KEEP_NATIONAL") {
        std::fs::copy(&path, keep).unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap();
    c.bench_function("parse the national file (in process)", |b| {
        b.iter(|| files::parse(&text, "national").unwrap());
    });
    let bin = env!("CARGO_BIN_EXE_ucj-planner");
    let mut group = c.benchmark_group("cli on the national scenario");
    group.sample_size(20);
    for args in [
        &["check"][..],
        &["project"][..],
        &["uncertainty"][..],
        &["uncertainty", "--targets"][..],
    ] {
        group.bench_function(args.join(" "), |b| {
            b.iter(|| {
                let out = Command::new(bin).args(args).arg(&path).output().unwrap();
                assert!(out.status.code().is_some_and(|c| c <= 1));
            });
        });
    }
    group.finish();
}

criterion_group!(benches, cli);
criterion_main!(benches);
