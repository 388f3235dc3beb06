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
