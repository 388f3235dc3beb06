//! Scenario files: RON load and save (atomic, versioned, with clear errors) and CSV export.
//! No egui here.

mod csv;
mod fast_ron;
pub mod handout;
pub mod recovery;
mod safe_write;
mod scenario_file;
pub mod shared;
mod spreadsheet;
pub mod tables;
pub mod workbook;

pub use csv::{
    BANDS_HEADER, CHANCES_HEADER, CsvFormat, PROJECTION_HEADER, bands_csv, chances_csv,
    projection_csv,
};
pub use safe_write::{backup_path, write_atomic};
pub use scenario_file::{
    FileError, MAX_FILE_BYTES, SAMPLE, file_has_comments, has_comments, load, parse, save, to_ron,
};
pub use spreadsheet::{budget_sheet, data_sheet, projection_sheet, targets_sheet};
