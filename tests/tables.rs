//! A scenario's tables in and out of spreadsheets: the XLSX workbook round trip, CSV in either
//! language's format, rows that cannot be read, and the `import` / `export` commands.

use std::process::{Command, Output};

use ucj_planner::engine::project;
use ucj_planner::files::{self, tables, workbook};
use ucj_planner::i18n::Lang;
use ucj_planner::model::Scenario;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/saves/sumatra-2025.ron");

fn sample() -> Scenario {
    files::parse(files::SAMPLE, "sample").unwrap()
}

/// A scenario with nothing in it: what File > New gives.
fn empty() -> Scenario {
    let mut s = sample();
    s.name.clear();
    s.notes.clear();
    s.regions.clear();
    s.campaigns.clear();
    s.variants.clear();
    s.assumptions.lapse_pct_per_month.clear();
    s.assumptions.workforce_growth_pct_per_year = 0.0;
    s.end = ucj_planner::model::MonthField::parse("2030-12");
    s
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn the_workbook_imported_into_an_empty_scenario_gives_back_the_scenario() {
    let s = sample();
    let p = project(&s);
    let dir = tempfile::tempdir().unwrap();
    for written in Lang::ALL {
        let bytes = workbook::workbook(&s, &p, written).unwrap();
        let path = dir.path().join(format!("plan-{written:?}.xlsx"));
        std::fs::write(&path, bytes).unwrap();
        let data = tables::read(&path).unwrap();
        // Read in either language: the headers of both are known.
        for reading in Lang::ALL {
            let (merged, counts, problems) = tables::merge(&empty(), &data, reading);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(counts.regions_added, 4);
            assert_eq!(counts.campaigns_added, 4);
            assert_eq!(merged, s, "written in {written:?}, read in {reading:?}");
        }
        // Numbers are stored as numbers, not text a spreadsheet would have to convert.
        let regions = &data.sheets[1].0;
        assert_eq!(regions.rows[1][4], tables::Cell::Number(213_582.0));
        // The projection and budget sheets are there, and not read as data.
        let names: Vec<&str> = data.sheets.iter().map(|(s, _)| s.name.as_str()).collect();
        assert_eq!(names.len(), 8, "{names:?}");
        assert!(data.sheets[6].1.is_none() && data.sheets[7].1.is_none());
    }
}

#[test]
fn a_text_that_would_start_a_formula_stays_text_in_the_workbook() {
    let mut s = sample();
    s.regions[0].name = "=HYPERLINK(\"http://x\")".into();
    s.campaigns[0].note = "-3 people".into();
    let p = project(&s);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, workbook::workbook(&s, &p, Lang::En).unwrap()).unwrap();
    // The cell is a string with the quote-prefix style: shown, never evaluated, read back as
    // it was.
    let data = tables::read(&path).unwrap();
    let (merged, _, problems) = tables::merge(&empty(), &data, Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(merged.regions[0].name, s.regions[0].name);
    assert_eq!(merged.campaigns[0].note, "-3 people");
}

#[test]
fn csv_in_indonesian_format_with_usual_headers_updates_and_adds_regions() {
    let csv = "\u{feff}Kode Wilayah;Nama Wilayah;Provinsi;Per bulan;Angkatan kerja;Aktif PU;Berhenti % per bulan BPU;Keterangan\n\
               16.06;Kabupaten Musi Banyuasin;Sumatera Selatan;Des 2024;214.000;41.000;3,5;updated\n\
               16.07;Kabupaten Baru;Sumatera Selatan;2025-01;100.000;;;\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wilayah.csv");
    std::fs::write(&path, csv).unwrap();
    let data = tables::read(&path).unwrap();
    let (merged, counts, problems) = tables::merge(&sample(), &data, Lang::En);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((counts.regions_added, counts.regions_updated), (1, 1));
    let muba = &merged.regions[0];
    assert_eq!(muba.workforce, 214_000.0);
    assert_eq!(muba.active[&ucj_planner::model::Segment::PU], 41_000.0);
    assert_eq!(
        muba.lapse_pct_per_month[&ucj_planner::model::Segment::BPU],
        3.5
    );
    assert_eq!(muba.note, "updated");
    assert_eq!(
        muba.active[&ucj_planner::model::Segment::BPU],
        48_958.0,
        "an empty or missing column leaves the value"
    );
    assert_eq!(merged.regions[4].code, "16.07");
    assert_eq!(merged.regions[4].workforce, 100_000.0);
}

#[test]
fn csv_with_commas_and_decimal_points_and_every_bad_row_named() {
    let csv = "code,name,workforce,as of\n\
               15.06,Tanjab Barat,\"113,500\",2025-07\n\
               15.08,Bungo,12a000,2024-12\n\
               17,Bengkulu,1080057,2025-13\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regions.csv");
    std::fs::write(&path, csv).unwrap();
    let data = tables::read(&path).unwrap();
    let (merged, counts, problems) = tables::merge(&sample(), &data, Lang::En);
    assert_eq!(counts.regions_updated, 1);
    assert_eq!(merged.regions[1].workforce, 113_500.0);
    let rows: Vec<usize> = problems.iter().map(|p| p.row).collect();
    assert_eq!(rows, vec![3, 4], "{problems:?}");
    assert!(problems[0].message.contains("Workforce") && problems[0].message.contains("12a000"));
    assert!(problems[1].message.contains("2025-13"));
    assert_eq!(
        merged.regions[2],
        sample().regions[2],
        "a bad row changes nothing"
    );
}

#[test]
fn cli_export_then_import_gives_back_the_scenario_and_bad_rows_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let out = run(&[
        "export",
        SAMPLE,
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--lang",
        "id",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Into the sample itself: everything is updated to what it already was.
    let ron = dir.path().join("back.ron");
    let out = run(&[
        "import",
        xlsx.to_str().unwrap(),
        "--into",
        SAMPLE,
        "--write",
        ron.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files::load(&ron).unwrap(), sample());
    assert!(String::from_utf8_lossy(&out.stdout).contains("regions: 0 added, 0 updated"));

    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "code,workforce\n15.06,x\n15.08,\"1,5\"\n").unwrap();
    let bad = dir.path().join("bad.ron");
    let out = run(&[
        "import",
        csv.to_str().unwrap(),
        "--into",
        SAMPLE,
        "--write",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("row 2 (15.06): Workforce"), "{err}");
    assert!(!bad.exists(), "nothing written");
    let out = run(&[
        "import",
        "/nonexistent.csv",
        "--write",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cli_new_takes_provinces_and_regencies_from_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("jambi.ron");
    let out = run(&[
        "new",
        "--province",
        "Jambi",
        "--regency",
        "16.06",
        "--as-of",
        "2025-07",
        "--write",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = files::load(&out_path).unwrap();
    assert_eq!(s.regions.len(), 12);
    assert!(s.regions.iter().any(|r| r.code == "16.06"));
    assert!(s.regions.iter().all(|r| r.as_of.to_string() == "2025-07"));
    // The file is a scenario that checks, with the estimates labelled.
    let check = run(&["check", out_path.to_str().unwrap()]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let all = dir.path().join("all.ron");
    let out = run(&["new", "--all", "--write", all.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(files::load(&all).unwrap().regions.len(), 514);

    let out = run(&[
        "new",
        "--province",
        "Atlantis",
        "--write",
        all.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Atlantis"));
    let none = dir.path().join("none.ron");
    let out = run(&["new", "--write", none.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!none.exists());
}

#[test]
fn the_spreadsheet_csv_files_imported_one_after_another_give_back_the_scenario() {
    use ucj_planner::files::tables::Kind;
    let s = sample();
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let mut merged = empty();
        for kind in [
            Kind::Settings,
            Kind::Regions,
            Kind::Targets,
            Kind::Actuals,
            Kind::Campaigns,
            Kind::Variants,
        ] {
            let path = dir.path().join(format!("plan-{kind:?}-{lang:?}.csv"));
            std::fs::write(&path, files::data_sheet(&s, kind, lang)).unwrap();
            let data = tables::read(&path).unwrap();
            assert_eq!(
                data.sheets[0].1.as_ref().map(|m| m.kind),
                Some(kind),
                "{kind:?} in {lang:?} is recognised by its headers"
            );
            let (next, _, problems) = tables::merge(&merged, &data, lang);
            assert!(problems.is_empty(), "{kind:?} {lang:?}: {problems:?}");
            merged = next;
        }
        assert_eq!(merged, s, "{lang:?}");
    }
    // The results table of targets (with the projection) reads back as targets too.
    let p = project(&s);
    let path = dir.path().join("plan-targets.csv");
    std::fs::write(&path, files::targets_sheet(&s, &p, Lang::Id)).unwrap();
    let data = tables::read(&path).unwrap();
    let (merged, counts, problems) = tables::merge(&s, &data, Lang::Id);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(counts.targets, 4);
    assert_eq!(merged.regions[0].targets[0].pct, 52.15);
}

#[test]
fn a_workbook_naming_a_cell_at_the_far_corner_is_refused_without_allocating_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Regions").unwrap();
    sheet.write_string(0, 0, "Code").unwrap();
    sheet.write_string(0, 1, "Workforce").unwrap();
    sheet.write_string(1, 0, "16.06").unwrap();
    sheet.write_number(1_048_575, 16_383, 1.0).unwrap();
    book.save(&path).unwrap();
    let e = tables::read(&path).unwrap_err();
    assert!(e.contains("beyond row"), "{e}");
    let xls = dir.path().join("old.xls");
    std::fs::write(&xls, b"not really").unwrap();
    assert!(tables::read(&xls).unwrap_err().contains(".xlsx or .csv"));
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_held_in_memory() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.xlsx");
    let s = sample();
    let p = project(&s);
    std::fs::write(&good, workbook::workbook(&s, &p, Lang::En).unwrap()).unwrap();
    // The same parts, and shared strings that unpack to more than the bound: a file of a few
    // hundred kilobytes.
    let bomb = dir.path().join("bomb.xlsx");
    let mut from = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
    let mut to = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    for i in 0..from.len() {
        let part = from.by_index_raw(i).unwrap();
        if part.name_raw() != b"xl/sharedStrings.xml" {
            to.raw_copy_file(part).unwrap();
        }
    }
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    to.start_file("xl/sharedStrings.xml", options).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..=(tables::MAX_UNPACKED_BYTES >> 20) {
        to.write_all(&spaces).unwrap();
    }
    to.finish().unwrap();
    assert!(std::fs::metadata(&bomb).unwrap().len() < files::MAX_FILE_BYTES);
    let e = tables::read(&bomb).unwrap_err();
    assert!(
        e.contains("bomb.xlsx") && e.contains("unpack to more than 256 MiB"),
        "{e}"
    );
    // The workbook it was made from still reads.
    assert!(tables::read(&good).is_ok());
}

/// A small deterministic generator: the same inputs on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        let k = usize::try_from(self.next()).unwrap_or(0) % from.len();
        from[k]
    }
}

#[test]
fn thousands_of_random_tables_and_pastes_never_panic() {
    use ucj_planner::ui::grid::{Command, Grid, Pos, run};
    use ucj_planner::ui::panels::regions::RegionSheet;
    let pieces = [
        "Kode",
        "Code",
        "Workforce",
        "Angkatan kerja",
        "Target %",
        "Bulan",
        "Month",
        "Campaign",
        "Payer",
        "People",
        "Variant",
        "Setting",
        "Value",
        "Note",
        "16.06",
        "17",
        "2025-07",
        "Jul 2025",
        "45839",
        "1.234,5",
        "12a",
        "-3",
        "1e308",
        "NaN",
        "",
        " ",
        ";",
        ",",
        "\t",
        "\n",
        "\r\n",
        "\"",
        "\"\"",
        "'=1+1",
        "\u{feff}",
        "\u{1b}[31m",
        "é",
        "0",
        "100",
        "BPU",
        "APBD kab/kota",
        "S-curve",
        "1",
        "x",
        "99999999999999999999",
    ];
    let s = sample();
    let order: Vec<usize> = (0..s.regions.len()).collect();
    let sheet = RegionSheet {
        assumptions: &s.assumptions,
        lang: Lang::Id,
        names: (0..15).map(|k| format!("c{k}")).collect(),
    };
    let mut dice = Dice(7);
    for round in 0..3000 {
        let n = usize::try_from(dice.next() % 60).unwrap_or(0);
        let text: String = (0..n).map(|_| dice.pick(&pieces)).collect();
        let lang = if round % 2 == 0 { Lang::Id } else { Lang::En };
        // A CSV file of it, read, mapped and merged into the sample.
        let rows = tables::read_csv(&text);
        let sheet_data = tables::Sheet {
            name: dice
                .pick(&["Regions", "Wilayah", "data", "Kampanye", "Target"])
                .to_owned(),
            rows,
        };
        let mapping = tables::map_sheet(&sheet_data);
        let data = tables::Data {
            sheets: vec![(sheet_data, mapping)],
        };
        let _ = tables::merge(&s, &data, lang);
        // The same text pasted anywhere in the regions table.
        let mut grid = Grid::named("regions");
        let at = Pos {
            row: usize::try_from(dice.next() % 4).unwrap_or(0),
            col: usize::try_from(dice.next() % 15).unwrap_or(0),
        };
        grid.go_to(at);
        let _ = run(
            &sheet,
            &s.regions,
            &order,
            &mut grid,
            &Command::Paste(text),
            lang,
        );
    }
}
