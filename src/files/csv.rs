//! CSV: one writer for the machine format of the CLI (`,` and `.`) and for spreadsheets in the
//! user's language, and the projection table both share.

use std::fmt::Write as _;

use crate::engine::{Projection, Series};
use crate::i18n::Lang;
use crate::model::Scenario;

pub const PROJECTION_HEADER: &str =
    "month,region_code,region,workforce,active,coverage_pct,target_pct,gap,cost_rp";

/// How a CSV file writes its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvFormat {
    pub separator: char,
    pub decimal: char,
    /// A UTF-8 byte-order mark first, so spreadsheets read accented names correctly.
    pub bom: bool,
}

impl CsvFormat {
    /// For scripts and the CLI: `,` between fields, `.` for decimals, no mark.
    pub const MACHINE: Self = Self {
        separator: ',',
        decimal: '.',
        bom: false,
    };

    /// What a spreadsheet set to `lang` reads without an import dialog: `;` and decimal
    /// comma in Indonesian, `,` and `.` in English.
    #[must_use]
    pub fn spreadsheet(lang: Lang) -> Self {
        let (separator, decimal) = match lang {
            Lang::Id => (';', ','),
            Lang::En => (',', '.'),
        };
        Self {
            separator,
            decimal,
            bom: true,
        }
    }
}

/// A CSV file being written.
pub(super) struct Table {
    out: String,
    format: CsvFormat,
}

impl Table {
    pub(super) fn new(format: CsvFormat, header: &[&str]) -> Self {
        let mut table = Self {
            out: String::with_capacity(4096),
            format,
        };
        if format.bom {
            table.out.push('\u{feff}');
        }
        table.row(header.iter().map(|h| (*h).to_owned()));
        table
    }

    /// Quoted when it holds the separator, a quote or a line break. For a spreadsheet, text
    /// that would start a formula (`=`, `+`, `-`, `@`, tab) gets a leading `'`, so a region
    /// named `=HYPERLINK(...)` is shown, never evaluated.
    pub(super) fn text(&self, s: &str) -> String {
        // Control characters (a terminal's escape codes) are written escaped, never raw.
        // A line break stays (the cell is quoted): notes have paragraphs.
        let escaped;
        let s = if s.chars().any(|c| c.is_control() && c != '\n') {
            escaped = s
                .split('\n')
                .map(|line| crate::i18n::shortened(line, usize::MAX))
                .collect::<Vec<_>>()
                .join("\n");
            escaped.as_str()
        } else {
            s
        };
        let guarded;
        let s = if self.format.bom && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            guarded = format!("'{s}");
            guarded.as_str()
        } else {
            s
        };
        if s.contains([self.format.separator, '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    }

    /// No thousands separator, so every cell reads as a number; `+ 0.0` turns -0 into 0.
    pub(super) fn number(&self, x: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, x + 0.0);
        if self.format.decimal == '.' {
            text
        } else {
            text.replace('.', &self.format.decimal.to_string())
        }
    }

    pub(super) fn row(&mut self, cells: impl Iterator<Item = String>) {
        let line: Vec<String> = cells.collect();
        let _ = writeln!(
            self.out,
            "{}",
            line.join(&self.format.separator.to_string())
        );
    }

    pub(super) fn finish(self) -> String {
        self.out
    }
}

/// One row per projected region per month, then the `ALL` rows; `only` keeps one region
/// (by code, or `ALL` for the totals). Whole people and rupiah; percentages to 2 decimals.
pub(super) fn projection_table(
    scenario: &Scenario,
    projection: &Projection,
    only: Option<&str>,
    format: CsvFormat,
    header: &[&str],
) -> String {
    let mut table = Table::new(format, header);
    let wanted = |code: &str| only.is_none_or(|o| o == code);
    for (region, projected) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = projected else { continue };
        if !wanted(&region.code) {
            continue;
        }
        let (code, name) = (table.text(&region.code), table.text(&region.name));
        for k in 0..p.series.len() {
            let target = p.target_at(p.series.month(k));
            let row = series_row(&table, &p.series, k, &code, &name, target, p.gap_at(k));
            table.row(row.into_iter());
        }
    }
    if let Some(total) = &projection.total
        && wanted("ALL")
    {
        for k in 0..total.len() {
            let row = series_row(&table, total, k, "ALL", "ALL", None, None);
            table.row(row.into_iter());
        }
    }
    table.finish()
}

fn series_row(
    table: &Table,
    series: &Series,
    k: usize,
    code: &str,
    name: &str,
    target_pct: Option<f64>,
    gap: Option<f64>,
) -> Vec<String> {
    vec![
        series.month(k).to_string(),
        code.to_owned(),
        name.to_owned(),
        table.number(series.workforce[k].round(), 0),
        table.number(series.active[k].round(), 0),
        table.number(series.coverage_pct[k], 2),
        target_pct.map(|t| table.number(t, 2)).unwrap_or_default(),
        gap.map(|g| table.number(g.round(), 0)).unwrap_or_default(),
        table.number(series.cost[k].round(), 0),
    ]
}

/// The projection in the CLI's machine format, with [`PROJECTION_HEADER`].
#[must_use]
pub fn projection_csv(scenario: &Scenario, projection: &Projection, only: Option<&str>) -> String {
    let header: Vec<&str> = PROJECTION_HEADER.split(',').collect();
    projection_table(scenario, projection, only, CsvFormat::MACHINE, &header)
}
