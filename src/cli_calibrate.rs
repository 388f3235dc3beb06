//! `ucj-planner calibrate`: fit each region's baseline to its reported actuals, print the
//! result per region, and with `--write` save the calibrated scenario.

use std::io::Write;
use std::path::Path;

use crate::engine::{Calibration, Overrides, Projection, RegionFit};
use crate::files;
use crate::i18n::Lang;
use crate::model::Scenario;

use super::cli::{EXIT_INVALID, EXIT_UNREADABLE, write_table};

/// Runs the command; returns the exit status.
pub fn run(
    scenario: &Scenario,
    projection: &Projection,
    only: Option<&str>,
    write: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let indices: Vec<usize> = if let Some(code) = only {
        let Some(index) = scenario.region_index(code) else {
            let _ = writeln!(err, "no region has the code \"{code}\"");
            return EXIT_UNREADABLE;
        };
        vec![index]
    } else {
        (0..scenario.regions.len()).collect()
    };
    let overrides = Overrides::default();
    let mut calibrated = scenario.clone();
    let mut failed = 0;
    for &index in &indices {
        let fit = RegionFit::of(scenario, &projection.report, &overrides, index);
        if matches!(fit, RegionFit::Poor(_) | RegionFit::Failed(_)) {
            failed += 1;
        }
        if let Some(c) = fit.fitted() {
            calibrated.regions[index] = c.apply_to(&scenario.regions[index]);
        }
        if let Err(e) = print_region(scenario, index, &fit, lang, out)
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            let _ = writeln!(err, "cannot write the output: {e}");
            return EXIT_UNREADABLE;
        }
    }
    if let Some(path) = write {
        if let Err(e) = files::save(path, &calibrated) {
            let _ = writeln!(err, "{e}");
            return EXIT_UNREADABLE;
        }
        let _ = writeln!(err, "{}", path.display());
    }
    if failed > 0 { EXIT_INVALID } else { 0 }
}

fn print_region(
    scenario: &Scenario,
    index: usize,
    fit: &RegionFit,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = &lang.texts().calib;
    let region = &scenario.regions[index];
    writeln!(
        out,
        "{} {}",
        crate::i18n::shown(&region.code),
        crate::i18n::shown(&region.name)
    )?;
    match fit {
        RegionFit::NothingReported => {
            let as_of = region
                .as_of
                .month()
                .map_or_else(|| region.as_of.to_string(), |m| lang.month(m));
            writeln!(out, "  {}", (t.nothing_to_calibrate)(&as_of))?;
        }
        RegionFit::Failed(e) => writeln!(out, "  {}: {}", lang.texts().error, (t.error)(e))?,
        RegionFit::Fitted(c) | RegionFit::Poor(c) => print_fit(c, lang, out)?,
    }
    writeln!(out)
}

fn print_fit(c: &Calibration, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let t = &lang.texts().calib;
    for f in &c.fitted {
        writeln!(
            out,
            "  {}: {}",
            t.col_fitted,
            lang.fitted_rate(f.rate, f.before, f.after)
        )?;
    }
    let mut rows = vec![vec![
        lang.texts().ui.col_month.to_owned(),
        t.col_reported.to_owned(),
        t.col_before.to_owned(),
        t.col_after.to_owned(),
        t.col_error.to_owned(),
    ]];
    for p in &c.points {
        let month = match p.segment {
            Some(s) => format!("{} {}", lang.month(p.month), s.code()),
            None => lang.month(p.month),
        };
        rows.push(vec![
            month,
            lang.people(p.reported),
            lang.people(p.before),
            lang.people(p.after),
            format!(
                "{} ({})",
                lang.people(p.error()),
                lang.signed_pct(p.error_pct(), 2)
            ),
        ]);
    }
    write_table(out, &rows, "  ")?;
    writeln!(out, "  {}", lang.calibration_sentence(c))?;
    for note in lang.calibration_notes(c) {
        writeln!(out, "  {note}")?;
    }
    Ok(())
}
