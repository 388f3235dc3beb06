//! The built binary: exit codes, CSV columns, the summary.

use std::process::{Command, Output};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/saves/sumatra-2025.ron");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_exits_0_for_the_sample() {
    let out = run(&["check", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("0 errors, 0 warnings"));
}

#[test]
fn check_exits_1_with_errors_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let bad = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace("people: 45000", "people: -45000");
    std::fs::write(&path, bad).unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("campaign 1 (PAKE KELAMBU"), "{stdout}");
    assert!(
        stdout.contains("People (people): must not be negative"),
        "{stdout}"
    );
    let out = run(&["check", path.to_str().unwrap(), "--lang", "id"]);
    assert!(text(&out.stdout).contains("tidak boleh negatif"));
}

#[test]
fn check_exits_2_when_the_file_cannot_be_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Scenario(format: 1, end: \"2027-12\",\n regions: [}").unwrap();
    let out = run(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.ron:2:"), "{stderr}");
    let out = run(&["check", "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn project_prints_the_csv_with_all_rows() {
    let out = run(&["project", SAMPLE]);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("month,region_code,region,workforce,active,coverage_pct,target_pct,gap,cost_rp")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // Muba and Bungo from 2024-12 (37 months), Tanjab Barat and Bengkulu from 2025-07 (30),
    // ALL over the 30 months every region covers.
    assert_eq!(rows.len(), 37 + 30 + 37 + 30 + 30);
    assert!(rows.iter().all(|r| r.len() == 9));
    assert_eq!(
        rows[0],
        vec![
            "2024-12",
            "16.06",
            "Kabupaten Musi Banyuasin",
            "213582",
            "88958",
            "41.65",
            "52.15",
            "22425",
            "0"
        ]
    );
    let all: Vec<_> = rows.iter().filter(|r| r[1] == "ALL").collect();
    assert_eq!(all.len(), 30);
    assert_eq!(all[0][0], "2025-07");
    assert_eq!((all[0][6], all[0][7]), ("", ""), "no target for ALL");
    // July 2025 in Muba: the 22,500 PAKE KELAMBU members enrolled by then (May-Jul, 7,500 a
    // month) cost 22,500 x Rp16,800 = Rp378 million.
    let july = rows
        .iter()
        .find(|r| r[0] == "2025-07" && r[1] == "16.06")
        .unwrap();
    assert_eq!(july[8], "378000000");
}

#[test]
fn project_one_region_or_the_totals() {
    let out = run(&["project", SAMPLE, "--region", "15.06"]);
    let csv = text(&out.stdout);
    assert_eq!(csv.lines().count(), 1 + 30);
    assert!(csv.lines().skip(1).all(|l| l.contains(",15.06,")));
    let out = run(&["project", SAMPLE, "--region", "ALL"]);
    assert_eq!(text(&out.stdout).lines().count(), 1 + 30);
    let out = run(&["project", SAMPLE, "--region", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no region has the code \"99\""));
}

#[test]
fn summary_reads_like_a_table() {
    let out = run(&["summary", SAMPLE, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("16.06 Kabupaten Musi Banyuasin"), "{s}");
    assert!(s.contains("coverage now (Dec 2024): 41.65 %"), "{s}");
    assert!(s.contains("52.15 % Dec 2025"), "{s}");
    assert!(s.contains("Rp4.16 billion"), "{s}");
    assert!(s.contains("Sep 2025, below again from May 2026"), "{s}");
    let out = run(&["summary", SAMPLE, "--lang", "id"]);
    let s = text(&out.stdout);
    assert!(s.contains("cakupan saat ini (Des 2024): 41,65 %"), "{s}");
    assert!(s.contains("Rp4,16 miliar"), "{s}");
}

#[test]
fn help_documents_the_commands() {
    let out = run(&["--help"]);
    let s = text(&out.stdout);
    for word in ["check", "project", "summary", "--lang"] {
        assert!(s.contains(word), "{s}");
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    // `project national.ron | head -c 10`: the pipe closes after a few bytes of megabytes.
    let dir = tempfile::tempdir().unwrap();
    let national = dir.path().join("national.ron");
    ucj_planner::files::save(
        &national,
        &ucj_planner::model::synthetic_scenario(514, 300, 120),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ucj-planner"))
        .arg("project")
        .arg(&national)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("cannot write"));
    // Hundreds of warnings (reported figures the projection misses) are not all printed
    // before the output: they filled the pipe the test reads only at the end.
    assert!(stderr.lines().count() <= 21, "{stderr}");
    assert!(stderr.contains("more problems: `ucj-planner check FILE` lists them all"));
}

#[test]
fn terminal_codes_in_names_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("codes.ron");
    let mut s = ucj_planner::files::parse(ucj_planner::files::SAMPLE, "s").unwrap();
    s.name = "\u{1b}]0;pwned\u{7}".into();
    s.regions[0].name = format!("\u{1b}[2J{}", "x".repeat(300_000));
    ucj_planner::files::save(&path, &s).unwrap();
    for command in ["summary", "project", "check", "calibrate"] {
        let out = run(&[command, path.to_str().unwrap()]);
        for stream in [&out.stdout, &out.stderr] {
            assert!(!stream.contains(&0x1b), "{command} printed an escape code");
            assert!(stream.len() < 200_000, "{command} printed the whole name");
        }
    }
}

#[test]
fn uncertainty_writes_percentiles_then_all_and_the_chances_with_targets() {
    let out = run(&["uncertainty", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "month,region_code,region,p5,p10,p25,p50,p75,p90,p95"
    );
    // One row per region per month, then ALL; the first month of a region has no spread.
    assert_eq!(
        lines[1],
        "2024-12,16.06,Kabupaten Musi Banyuasin,41.65,41.65,41.65,41.65,41.65,41.65,41.65"
    );
    let project = text(&run(&["project", SAMPLE]).stdout);
    assert_eq!(
        lines.len(),
        project.lines().count(),
        "as many rows as the projection"
    );
    for line in &lines[1..] {
        let p: Vec<f64> = line
            .split(',')
            .skip(3)
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(p.len(), 7, "{line}");
        assert!(p.windows(2).all(|w| w[0] <= w[1]), "{line}");
    }
    assert!(lines.last().unwrap().contains(",ALL,ALL,"));
    // The same seed gives the same bytes; another seed other ones.
    assert_eq!(run(&["uncertainty", SAMPLE]).stdout, out.stdout);
    assert_ne!(
        run(&["uncertainty", SAMPLE, "--seed", "2"]).stdout,
        out.stdout
    );
    let out = run(&["uncertainty", SAMPLE, "--targets", "--runs", "500"]);
    assert_eq!(out.status.code(), Some(0));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("region_code,region,target_month,target_pct,chance")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("16.06,Kabupaten Musi Banyuasin,2025-12,52.15,0."),
        "{first}"
    );
    // A variant by name, and an unknown one refused.
    let out = run(&[
        "uncertainty",
        SAMPLE,
        "--variant",
        "Baseline: no new campaigns",
        "--targets",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_ne!(text(&out.stdout), csv);
    let out = run(&["uncertainty", SAMPLE, "--variant", "Plan Z"]);
    assert_eq!(out.status.code(), Some(2));
    // Summary gains the chance column.
    let summary = text(&run(&["summary", SAMPLE]).stdout);
    assert!(summary.contains("chance"), "{summary}");
}

#[test]
fn uncertainty_with_ranges_out_of_order_exits_1_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let bad = std::fs::read_to_string(SAMPLE).unwrap().replace(
        "uptake_pct: (70.0, 100.0, 100.0)",
        "uptake_pct: (100.0, 70.0, 100.0)",
    );
    std::fs::write(&path, bad).unwrap();
    let out = run(&["uncertainty", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("uptake_pct"), "{stderr}");
    // The projection itself is not stopped by a bad range.
    let out = run(&["project", path.to_str().unwrap()]);
    assert!(text(&out.stdout).lines().count() > 10);
}
