//! The scenario file: the issue's example, round trips, and messages that say where.

use std::fs;

use ucj_planner::files::{self, FileError};
use ucj_planner::model::{MonthField, Payer, Ramp, Segment};

/// The example from the file-format contract, exactly as written there.
const CONTRACT_EXAMPLE: &str = r#"Scenario(
    format: 1,
    name: "Sumatra UCJ 2025",
    notes: "Figures from regional news reports of 2025.",
    end: "2027-12",
    assumptions: Assumptions(
        lapse_pct_per_month: {PU: 0.5, BPU: 4.0, Jakon: 8.0, PMI: 2.0},
        workforce_growth_pct_per_year: 1.0,
    ),
    regions: [
        Region(
            code: "16.06",
            name: "Kabupaten Musi Banyuasin",
            province: "Sumatera Selatan",
            as_of: "2024-12",
            workforce: 213582,
            workforce_source: "BPS",
            active: {PU: 40000, BPU: 48958},
            new_per_month: {PU: 300, BPU: 150},
            lapse_pct_per_month: {},
            targets: [Target(month: "2025-12", pct: 52.15)],
            actuals: [Actual(month: "2025-07", active: 103079)],
        ),
    ],
    campaigns: [
        Campaign(
            name: "PAKE KELAMBU: vulnerable workers paid by APBD",
            region: "16.06",
            segment: BPU,
            payer: ApbdRegency,
            start: "2025-07",
            people: 45000,
            ramp: Immediate,
            ramp_months: 1,
            funded_months: Some(12),
            retention_pct: 20.0,
            contribution_rp: 16800,
            one_off_rp: 0,
        ),
    ],
)
"#;

#[test]
fn the_contract_example_loads_as_written() {
    let s = files::parse(CONTRACT_EXAMPLE, "example.ron").unwrap();
    assert_eq!(s.end, MonthField::parse("2027-12"));
    let r = &s.regions[0];
    assert_eq!(r.workforce, 213_582.0);
    assert_eq!(r.active.get(&Segment::BPU), Some(&48_958.0));
    assert_eq!(r.targets[0].pct, 52.15);
    let c = &s.campaigns[0];
    assert_eq!(
        (c.payer, c.ramp, c.funded_months),
        (Payer::ApbdRegency, Ramp::Immediate, Some(12))
    );
    assert!(c.enabled);
}

#[test]
fn optional_fields_take_their_defaults() {
    let text = r#"Scenario(format: 1, end: "2026-12",
        regions: [Region(code: "1", name: "R", as_of: "2025-01", workforce: 10)],
        campaigns: [Campaign(name: "c", region: "1", segment: PU, payer: Csr, start: "2025-02", people: 5)])"#;
    let s = files::parse(text, "t.ron").unwrap();
    let c = &s.campaigns[0];
    assert_eq!(c.ramp, Ramp::Immediate);
    assert_eq!(c.ramp_months, 1);
    assert_eq!(c.funded_months, None);
    assert_eq!(c.retention_pct, 0.0);
    assert_eq!(c.contribution_rp, 16_800.0);
    assert_eq!(c.one_off_rp, 0.0);
    assert!(c.enabled);
    assert_eq!(s.assumptions.workforce_growth_pct_per_year, 0.0);
    assert!(s.regions[0].targets.is_empty());
    // A hand-written `funded_months: 12` is read as Some(12).
    let s = files::parse(
        &text.replace("people: 5", "people: 5, funded_months: 12"),
        "t",
    )
    .unwrap();
    assert_eq!(s.campaigns[0].funded_months, Some(12));
}

#[test]
fn the_sample_round_trips_through_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sumatra.ron");
    let sample = files::parse(files::SAMPLE, "sample").unwrap();
    files::save(&path, &sample).unwrap();
    assert_eq!(files::load(&path).unwrap(), sample);
    assert!(
        !files::backup_path(&path).exists(),
        "no backup of a file that did not exist"
    );
    // Saving again keeps the previous version as NAME.ron.bak.
    let mut changed = sample.clone();
    changed.name = "changed".into();
    files::save(&path, &changed).unwrap();
    assert_eq!(files::load(&path).unwrap(), changed);
    assert_eq!(files::load(&files::backup_path(&path)).unwrap(), sample);
    assert_eq!(
        files::backup_path(&path).file_name().unwrap(),
        "sumatra.ron.bak"
    );
    // No temporary file is left behind.
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn an_invalid_month_survives_a_round_trip_for_validation_to_name() {
    let text = CONTRACT_EXAMPLE.replace(
        "\"2025-07\",\n            people",
        "\"2025-13\",\n            people",
    );
    let s = files::parse(&text, "t.ron").unwrap();
    assert_eq!(s.campaigns[0].start, MonthField::Invalid("2025-13".into()));
    let again = files::parse(&files::to_ron(&s).unwrap(), "t.ron").unwrap();
    assert_eq!(again, s);
}

fn parse_error(text: &str) -> (FileError, String) {
    let e = files::parse(text, "plan.ron").unwrap_err();
    let message = e.to_string();
    (e, message)
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let text = CONTRACT_EXAMPLE.replace("workforce: 213582,", "workforce: 213582");
    let (e, message) = parse_error(&text);
    let (line, _) = e.position().unwrap();
    assert_eq!(line, 17, "{message}");
    assert!(message.starts_with("plan.ron:17:"), "{message}");
}

#[test]
fn a_type_error_says_what_was_expected() {
    let text = CONTRACT_EXAMPLE.replace("workforce: 213582", "workforce: \"many\"");
    let (e, message) = parse_error(&text);
    assert_eq!(e.position().unwrap().0, 16, "{message}");
    assert!(message.to_lowercase().contains("expected"), "{message}");

    let text = CONTRACT_EXAMPLE.replace("segment: BPU", "segment: Farmers");
    let (_, message) = parse_error(&text);
    assert!(
        message.contains("Farmers") && message.contains("BPU"),
        "{message}"
    );

    let text = CONTRACT_EXAMPLE.replace("retention_pct", "retension_pct");
    let (_, message) = parse_error(&text);
    assert!(message.contains("retension_pct"), "{message}");
}

#[test]
fn format_is_required_and_a_newer_format_says_so() {
    let (e, message) = parse_error(&CONTRACT_EXAMPLE.replace("format: 1,", ""));
    assert!(matches!(e, FileError::NoFormat { .. }), "{message}");
    let (e, message) = parse_error(&CONTRACT_EXAMPLE.replace("format: 1,", "format: 9,"));
    assert!(
        matches!(e, FileError::NewerFormat { found: 9, .. }),
        "{message}"
    );
    assert!(message.contains("newer"), "{message}");
}

#[test]
fn files_over_64_mib_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(files::MAX_FILE_BYTES + 1).unwrap();
    let e = files::load(&path).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
}

#[test]
fn unreadable_files_say_which_file() {
    let e = files::load(std::path::Path::new("/no/such/folder/plan.ron")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("/no/such/folder/plan.ron: cannot read"),
        "{e}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("binary.ron");
    fs::write(&path, [0xff, 0xfe, 0x00, 0x81]).unwrap();
    assert!(matches!(
        files::load(&path).unwrap_err(),
        FileError::NotText { .. }
    ));
}

#[test]
fn a_failed_save_leaves_the_previous_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let sample = files::parse(files::SAMPLE, "sample").unwrap();
    // The target is a folder: the rename fails after the temporary file was written.
    let target = dir.path().join("taken.ron");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("inside.txt"), "keep").unwrap();
    let e = files::save(&target, &sample).unwrap_err();
    assert!(e.to_string().contains("taken.ron"), "{e}");
    assert_eq!(
        fs::read_to_string(target.join("inside.txt")).unwrap(),
        "keep"
    );
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "the temporary file is cleaned up");
    // A folder that does not exist.
    let e = files::save(&dir.path().join("missing/plan.ron"), &sample).unwrap_err();
    assert!(
        e.to_string()
            .contains("missing: cannot save plan.ron in this folder"),
        "{e}"
    );
}

#[test]
fn messages_point_at_the_place_and_quote_the_file_safely() {
    let dir = tempfile::tempdir().unwrap();
    // Not UTF-8 on line 3: the message says where.
    let path = dir.path().join("latin1.ron");
    fs::write(
        &path,
        b"Scenario(\n  format: 3,\n  name: \"Bengkul\xfa\",\n)",
    )
    .unwrap();
    let e = files::load(&path).unwrap_err();
    assert_eq!(e.position(), Some((3, 17)), "{e}");
    // format: 0 is no format, and the message gives its line.
    let e = files::parse(
        "Scenario(\n    format: 0,\n    end: \"2027-12\",\n)",
        "zero.ron",
    )
    .unwrap_err();
    assert_eq!(e.position(), Some((2, 5)), "{e}");
    assert!(e.to_string().contains("format 0 is not a format"), "{e}");
    // A segment written twice is an error, not a silent choice of the last value.
    let twice = files::SAMPLE.replace(
        "active: {PU: 40000, BPU: 48958}",
        "active: {PU: 40000, PU: 48958}",
    );
    let e = files::parse(&twice, "twice.ron").unwrap_err();
    assert!(
        e.to_string().contains("the segment PU is written twice"),
        "{e}"
    );
    assert!(e.position().is_some_and(|(line, _)| line == 26), "{e}");
    // Terminal escape codes in a file name or a value are shown escaped, long values cut.
    let e = files::parse(
        &format!(
            "Scenario(format: 3, end: \"2027-12\", {}: 1)",
            "x".repeat(1_000_000)
        ),
        "\u{1b}[31mred.ron",
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(
        !text.contains('\u{1b}') && text.contains("\\u{1b}"),
        "{text}"
    );
    assert!(text.len() < 1_000, "{} bytes", text.len());
}

#[test]
fn a_region_named_like_a_formula_is_text_in_the_spreadsheet() {
    let mut s = files::parse(files::SAMPLE, "sample").unwrap();
    s.regions[0].name = "=HYPERLINK(\"http://x\",\"click\")".into();
    let p = ucj_planner::engine::project(&s);
    let sheet = files::projection_sheet(&s, &p, ucj_planner::i18n::Lang::Id);
    assert!(
        sheet.contains(";\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\";"),
        "{}",
        sheet.lines().nth(1).unwrap()
    );
    // The machine CSV for scripts keeps names as they are.
    let csv = files::projection_csv(&s, &p, None);
    assert!(
        csv.contains(",\"=HYPERLINK("),
        "{}",
        csv.lines().nth(1).unwrap()
    );
}

#[test]
fn only_regular_files_are_read_and_never_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let e = files::load(dir.path()).unwrap_err();
    assert!(e.to_string().contains("not a file"), "{e}");
    #[cfg(unix)]
    {
        let e = files::load(std::path::Path::new("/dev/zero")).unwrap_err();
        assert!(e.to_string().contains("not a file"), "{e}");
    }
}

/// The handout: one A4 landscape page a slide picture; a picture that is not a PNG is named.
#[test]
fn the_handout_has_a_page_per_slide_and_names_a_bad_picture() {
    let png = |w: u32, h: u32| {
        let picture = image::RgbaImage::from_pixel(w, h, image::Rgba([30, 90, 160, 255]));
        let mut bytes = Vec::new();
        picture
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        bytes
    };
    let slides = vec![png(192, 108), png(102, 77), png(384, 216)];
    let pdf = files::handout::handout(&slides, "Sumatra UCJ 2025 · 1 Des 2026", "halaman").unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Count 3"), "three pages in the page tree");
    assert!(
        text.contains("/MediaBox [0 0 842 595]")
            || text.contains("/MediaBox [0.0 0.0 842.0 595.0]")
            || text.matches("842").count() >= 3
    );
    let bad = vec![png(10, 10), b"not a picture".to_vec()];
    let e = files::handout::handout(&bad, "x", "page").unwrap_err();
    assert!(e.starts_with("slide 2: not a PNG"), "{e}");
}
