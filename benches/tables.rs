//! A national scenario's tables in and out: a paste of 514 × 10 cells, an import of a
//! 514-region workbook, and the export of that workbook (514 regions, 3,000 campaigns, 120
//! months).

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ucj_planner::engine::project;
use ucj_planner::files::{tables, workbook};
use ucj_planner::i18n::Lang;
use ucj_planner::model::synthetic_scenario;
use ucj_planner::ui::grid::{Command, Grid, Pos, run};
use ucj_planner::ui::panels::regions::RegionSheet;

fn tables_bench(c: &mut Criterion) {
    let scenario = synthetic_scenario(514, 3000, 120);
    let projection = project(&scenario);

    // 514 rows of workforce, source and the eight active and baseline numbers, as Excel
    // puts them on the clipboard in Indonesian.
    let mut block = String::new();
    for i in 0..514 {
        let _ = writeln!(
            block,
            "{}.000\tBPS 2025\t{}\t{}\t0\t0\t100\t50\t0,5\t4,5",
            100 + i,
            20_000 + i,
            10_000 + i
        );
    }
    let order: Vec<usize> = (0..scenario.regions.len()).collect();
    let sheet = RegionSheet {
        assumptions: &scenario.assumptions,
        lang: Lang::Id,
        names: (0..15).map(|k| format!("column {k}")).collect(),
    };
    c.bench_function("paste 514 x 10 cells into the regions table", |b| {
        b.iter(|| {
            let mut grid = Grid::named("regions");
            grid.go_to(Pos { row: 0, col: 4 });
            run(
                &sheet,
                black_box(&scenario.regions),
                &order,
                &mut grid,
                &Command::Paste(block.clone()),
                Lang::Id,
            )
        });
    });

    c.bench_function("export the workbook (514 regions, 3000 campaigns)", |b| {
        b.iter(|| workbook::workbook(black_box(&scenario), &projection, Lang::Id).unwrap());
    });

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.xlsx");
    std::fs::write(
        &path,
        workbook::workbook(&scenario, &projection, Lang::Id).unwrap(),
    )
    .unwrap();
    let mut empty = scenario.clone();
    empty.regions.clear();
    empty.campaigns.clear();
    empty.variants.clear();
    c.bench_function(
        "import the 514-region workbook into an empty scenario",
        |b| {
            b.iter(|| {
                let data = tables::read(black_box(&path)).unwrap();
                tables::merge(&empty, &data, Lang::Id)
            });
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = tables_bench
}
criterion_main!(benches);
