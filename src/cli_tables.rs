//! `import` and `export`: a scenario's tables in and out of spreadsheets, for scripts and
//! monthly updates.

use std::io::Write;
use std::path::Path;

use crate::cli::{EXIT_INVALID, EXIT_UNREADABLE};
use crate::files::{self, tables};
use crate::i18n::Lang;

/// Merges a CSV or XLSX file into a scenario (or a new one) and writes the result. Nothing
/// is written when any row cannot be read: exit 1 with a line per row.
pub fn import(
    data: &Path,
    into: Option<&Path>,
    write: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let base = match into {
        Some(path) => match files::load(path) {
            Ok(s) => s,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                return EXIT_UNREADABLE;
            }
        },
        None => crate::ui::app::new_scenario(),
    };
    let read = match tables::read(data) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_UNREADABLE;
        }
    };
    let c = &lang.texts().columns;
    if read.sheets.iter().all(|(_, m)| m.is_none()) {
        let _ = writeln!(err, "{}: {}", data.display(), c.nothing_found);
        return EXIT_INVALID;
    }
    let (merged, counts, problems) = tables::merge(&base, &read, lang);
    if !problems.is_empty() {
        for p in &problems {
            let _ = writeln!(
                err,
                "{}: {}",
                data.display(),
                (c.row_problem)(
                    &crate::i18n::shown(&p.sheet),
                    p.row,
                    &crate::i18n::shown(&p.key),
                    &p.message
                )
            );
        }
        return EXIT_INVALID;
    }
    if let Err(e) = files::save(write, &merged) {
        let _ = writeln!(err, "{e}");
        return EXIT_UNREADABLE;
    }
    let _ = writeln!(out, "{}", (c.counts)(&counts));
    0
}

/// Writes the scenario and its projection as one XLSX workbook.
pub fn export(
    file: &Path,
    xlsx: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let scenario = match files::load(file) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_UNREADABLE;
        }
    };
    let projection = crate::engine::project(&scenario);
    let bytes = match files::workbook::workbook(&scenario, &projection, lang) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", xlsx.display());
            return EXIT_UNREADABLE;
        }
    };
    if let Err(e) = files::write_atomic(xlsx, &bytes, false) {
        let _ = writeln!(err, "{e}");
        return EXIT_UNREADABLE;
    }
    let _ = writeln!(out, "{}", xlsx.display());
    0
}

/// What `new` takes from the catalogue.
pub struct Choice<'a> {
    pub provinces: &'a [String],
    pub districts: &'a [String],
    pub all: bool,
    pub share: f64,
    pub as_of: Option<&'a str>,
}

/// Writes a new scenario of catalogue regions. Exit 2 with the name of what is not in the
/// catalogue, or when nothing was chosen.
pub fn new(choice: &Choice<'_>, write: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    use crate::model::catalogue;
    let mut selection = catalogue::Selection {
        all: choice.all,
        ..catalogue::Selection::default()
    };
    for p in choice.provinces {
        if let Some(entry) = catalogue::province(p) {
            selection.provinces.push(entry.code.clone());
        } else {
            let _ = writeln!(
                err,
                "no province is \"{}\" (a code such as 16 or a name such as \"Sumatera Selatan\")",
                crate::i18n::shown(p)
            );
            return EXIT_UNREADABLE;
        }
    }
    for d in choice.districts {
        let found = catalogue::by_code(d)
            .filter(|e| matches!(e.level, catalogue::Level::Regency | catalogue::Level::City));
        if let Some(entry) = found {
            selection.districts.push(entry.code.clone());
        } else {
            let _ = writeln!(
                err,
                "no regency or city has the code \"{}\" (such as 16.06)",
                crate::i18n::shown(d)
            );
            return EXIT_UNREADABLE;
        }
    }
    if !(choice.share > 0.0 && choice.share <= 1.0) {
        let _ = writeln!(
            err,
            "--share {} is not a share: a number above 0 and at most 1",
            choice.share
        );
        return EXIT_UNREADABLE;
    }
    let as_of = match choice.as_of {
        None => crate::ui::view::this_month(),
        Some(text) => {
            let Ok(m) = text.parse() else {
                let _ = writeln!(
                    err,
                    "--as-of \"{}\" is not a month (YYYY-MM)",
                    crate::i18n::shown(text)
                );
                return EXIT_UNREADABLE;
            };
            m
        }
    };
    if selection.entries().is_empty() {
        let _ = writeln!(err, "nothing chosen: give --province, --regency or --all");
        return EXIT_UNREADABLE;
    }
    let scenario = selection.scenario(crate::ui::app::new_scenario(), choice.share, as_of);
    if let Err(e) = files::save(write, &scenario) {
        let _ = writeln!(err, "{e}");
        return EXIT_UNREADABLE;
    }
    let _ = writeln!(
        out,
        "{} regions: {}",
        scenario.regions.len(),
        write.display()
    );
    0
}
