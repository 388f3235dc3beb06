//! The `.ron` scenario file: a contract with users, who also edit it by hand.

use std::fs;
use std::io;
use std::path::Path;

use ron::extensions::Extensions;
use serde::Deserialize;

use crate::model::{FORMAT, Scenario};

use super::safe_write::write_atomic;

/// Files larger than this are refused before reading: no scenario comes near it.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The Sumatra sample, shipped inside the binary so a first start works from any folder.
pub const SAMPLE: &str = include_str!("../../saves/sumatra-2025.ron");

/// Why a scenario could not be read or written. Each message names the file and, for a
/// parse error, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: not a file (a folder, a device or a pipe): a scenario is a .ron file")]
    NotAFile { path: String },
    #[error("{path}: the file is {bytes} bytes; scenario files over 64 MiB are refused")]
    TooLarge { path: String, bytes: u64 },
    #[error(
        "{path}:{line}:{column}: the file is not UTF-8 text from here on (is it a scenario file? an editor may have saved it in another encoding)"
    )]
    NotText {
        path: String,
        line: usize,
        column: usize,
    },
    #[error(
        "{path}:{line}:{column}: format {found} is not a format of UCJ Planner; scenario files are format 1 to {FORMAT}"
    )]
    BadFormat {
        path: String,
        line: usize,
        column: usize,
        found: u32,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: the file has no `format` field; a scenario file starts with `Scenario(format: {FORMAT}, ...`"
    )]
    NoFormat { path: String },
    #[error(
        "{path}: the file is format {found}, written by a newer UCJ Planner; this version reads formats up to {supported}. Update UCJ Planner to open it."
    )]
    NewerFormat {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path}: not saved: the scenario would be {bytes} bytes, over the 64 MiB a scenario file may have; the file on disk is unchanged"
    )]
    TooLargeToSave { path: String, bytes: u64 },
    #[error("{path}: cannot save: {source}")]
    Write { path: String, source: io::Error },
    #[error("{folder}: cannot save {name} in this folder: {source}")]
    Folder {
        folder: String,
        name: String,
        source: io::Error,
    },
    #[error("cannot write the scenario as RON: {0}")]
    Serialize(String),
}

impl FileError {
    /// Line and column of a parse error, for pointing at it.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, column, .. }
            | Self::NotText { line, column, .. }
            | Self::BadFormat { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Just enough of a scenario to learn its format before trusting the rest.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct FormatProbe {
    format: Option<u32>,
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses scenario text; `origin` names it in messages (a path, or "sample").
///
/// The text is parsed once; only when that fails is the `format` looked at on its own, so
/// that a missing or newer format is said as such rather than as a syntax error.
///
/// # Errors
/// A syntax or type error with line and column, a missing, unknown or newer format.
pub fn parse(text: &str, origin: &str) -> Result<Scenario, FileError> {
    let path = shown_path(origin);
    let checked = |found: u32| {
        if found > FORMAT {
            Err(FileError::NewerFormat {
                path: path.clone(),
                found,
                supported: FORMAT,
            })
        } else if found == 0 {
            let (line, column) = position_of_format(text);
            Err(FileError::BadFormat {
                path: path.clone(),
                line,
                column,
                found,
            })
        } else {
            Ok(())
        }
    };
    // The plain form this program writes is read quickly; anything else (or any problem)
    // goes to `ron`, which reads all of RON and says where a problem is.
    let read = super::fast_ron::from_str::<Scenario>(text)
        .or_else(|_| options().from_str::<Scenario>(text));
    match read {
        Ok(mut scenario) => {
            checked(scenario.format)?;
            migrate(&mut scenario);
            Ok(scenario)
        }
        Err(e) => {
            match options().from_str::<FormatProbe>(text) {
                Ok(FormatProbe { format: None }) => return Err(FileError::NoFormat { path }),
                Ok(FormatProbe {
                    format: Some(found),
                }) => checked(found)?,
                Err(_) => {}
            }
            Err(FileError::Syntax {
                path,
                line: e.span.start.line,
                column: e.span.start.col,
                message: crate::i18n::shortened(&e.code.to_string(), 300),
            })
        }
    }
}

/// Line and column of the `format` field, for pointing at an unknown format.
fn position_of_format(text: &str) -> (usize, usize) {
    let at = text.find("format").unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A path as messages show it: control characters escaped, so a file name cannot drive the
/// terminal.
#[must_use]
pub fn shown_path(path: &str) -> String {
    crate::i18n::shortened(path, 4096)
}

/// Brings a scenario read from an older format up to [`FORMAT`]. Format 1 lacks `variants`
/// and formats 1 and 2 lack `fitted` and `by_segment`, which all default to empty, so only
/// the number changes; saving then writes the current format.
fn migrate(scenario: &mut Scenario) {
    if scenario.format < FORMAT {
        scenario.format = FORMAT;
    }
}

/// Reads a scenario file; nothing is changed when it fails.
///
/// # Errors
/// See [`FileError`].
pub fn load(path: &Path) -> Result<Scenario, FileError> {
    let shown = shown_path(&path.display().to_string());
    let read_error = |source| FileError::Read {
        path: shown.clone(),
        source,
    };
    let meta = fs::metadata(path).map_err(read_error)?;
    if !meta.is_file() {
        return Err(FileError::NotAFile { path: shown });
    }
    let bytes = meta.len();
    if bytes > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: shown, bytes });
    }
    // The size can change between the look and the read (a file still being written): the
    // read itself stops past the limit.
    let mut raw = Vec::new();
    io::Read::read_to_end(
        &mut io::Read::take(
            fs::File::open(path).map_err(read_error)?,
            MAX_FILE_BYTES + 1,
        ),
        &mut raw,
    )
    .map_err(read_error)?;
    if raw.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            path: shown,
            bytes: raw.len() as u64,
        });
    }
    let text = String::from_utf8(raw).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.split(|&b| b == b'\n').count();
        let last_line = valid.rsplit(|&b| b == b'\n').next().unwrap_or_default();
        FileError::NotText {
            path: shown.clone(),
            line,
            column: String::from_utf8_lossy(last_line).chars().count() + 1,
        }
    })?;
    parse(text.strip_prefix('\u{feff}').unwrap_or(&text), &shown)
}

/// Whether RON text has comments (`//` or `/* */` outside strings): a save would drop them.
#[must_use]
pub fn has_comments(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && matches!(chars.peek(), Some('/' | '*')) {
            return true;
        }
    }
    false
}

/// Whether the file at `path` is a scenario with comments; `false` when it cannot be read.
#[must_use]
pub fn file_has_comments(path: &Path) -> bool {
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    let mut raw = Vec::new();
    if io::Read::read_to_end(&mut io::Read::take(file, MAX_FILE_BYTES), &mut raw).is_err() {
        return false;
    }
    has_comments(&String::from_utf8_lossy(&raw))
}

/// The scenario as the RON text `save` writes.
///
/// # Errors
/// Only if serde cannot express a value (not expected for a valid document).
pub fn to_ron(scenario: &Scenario) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .compact_maps(true)
        .indentor("    ")
        .new_line("\n");
    let mut text = ron::ser::to_string_pretty(scenario, config)
        .map_err(|e| FileError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves atomically: writes a temporary file in the same folder, flushes it to disk, keeps
/// the previous version as `NAME.ron.bak` and renames the new file into place (see
/// [`write_atomic`]). What is written is checked first: text over [`MAX_FILE_BYTES`], or text
/// this program could not read back, is refused before anything on disk is touched.
///
/// # Errors
/// The scenario is too large to be a file, the folder cannot be written, the disk is full;
/// the message names the file.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), FileError> {
    let text = to_ron(scenario)?;
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    let shown = shown_path(&path.display().to_string());
    if bytes > MAX_FILE_BYTES {
        return Err(FileError::TooLargeToSave { path: shown, bytes });
    }
    parse(&text, &shown).map_err(|e| FileError::Serialize(e.to_string()))?;
    write_atomic(path, text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("Scenario(\n // a note\n format: 4)"));
        assert!(has_comments("Scenario(/* x */ format: 4)"));
        assert!(!has_comments(
            r#"Scenario(name: "http://a // b", notes: "\" // c")"#
        ));
        assert!(!has_comments(r#"Scenario(format: 4, name: "a/b")"#));
    }
}
