//! Scenario files: RON load and save (atomic, versioned, with clear errors) and CSV export.
//! No egui here.

mod csv;
mod scenario_file;

pub use csv::{PROJECTION_HEADER, csv_field, projection_csv};
pub use scenario_file::{
    FileError, MAX_FILE_BYTES, SAMPLE, backup_path, load, parse, save, to_ron, write_atomic,
};
