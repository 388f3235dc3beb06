//! A loop of national projections in a fresh process, against the same loop warm: memory the
//! projection hands back to the system and faults in again shows here, not in criterion's
//! long warm loops. Prints the time per projection of the first calls of each child process.

use std::process::Command;
use std::time::Instant;

use ucj_planner::engine::{Overrides, Projection, project_into};
use ucj_planner::model::{synthetic_scenario, validate};

const CALLS: usize = 20;

fn child() {
    let scenario = synthetic_scenario(514, 3000, 120);
    let report = validate(&scenario);
    let mut projection = Projection::default();
    let started = Instant::now();
    for _ in 0..CALLS {
        projection = project_into(&scenario, report.clone(), &Overrides::default(), projection);
    }
    let per_call = started.elapsed().as_secs_f64() / CALLS as f64;
    std::hint::black_box(&projection);
    println!("{per_call}");
}

fn main() {
    if std::env::var_os("UCJ_FRESH_CHILD").is_some() {
        child();
        return;
    }
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    let me = std::env::current_exe().unwrap();
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let out = Command::new(&me)
                .env("UCJ_FRESH_CHILD", "1")
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "fresh process, {CALLS} national projections reusing memory: median {:.3} ms per projection (min {:.3} ms)",
        times[times.len() / 2] * 1e3,
        times[0] * 1e3
    );
}
