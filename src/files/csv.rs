//! CSV: one writer for the machine format of the CLI (`,` and `.`) and for spreadsheets in the
//! user's language, and the projection table both share.

use std::fmt::Write as _;

use crate::engine::{Bands, Projection, Series, Spread};
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

/// Text being written, as bytes: whole runs of ASCII digits are appended at once, without
/// a check per character. Only `str`s and `char`s go in, so it is always UTF-8.
#[derive(Default)]
pub(super) struct Text(Vec<u8>);

impl Text {
    #[inline]
    fn push(&mut self, c: char) {
        if let Ok(byte) = u8::try_from(c)
            && byte.is_ascii()
        {
            self.0.push(byte);
        } else {
            let mut utf8 = [0; 4];
            self.0
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }

    #[inline]
    fn push_str(&mut self, s: &str) {
        self.0.extend_from_slice(s.as_bytes());
    }

    fn reserve(&mut self, more: usize) {
        self.0.reserve(more);
    }

    fn into_string(self) -> String {
        String::from_utf8(self.0)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl std::fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// A CSV file being written.
pub(super) struct Table {
    out: Text,
    format: CsvFormat,
}

impl Table {
    pub(super) fn new(format: CsvFormat, header: &[&str]) -> Self {
        let mut table = Self {
            out: Text(Vec::with_capacity(4096)),
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
        let mut text = Text::default();
        push_number(&mut text, x, decimals, self.format.decimal);
        text.into_string()
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
        self.out.into_string()
    }
}

/// Writes `x` with `decimals` decimals (at most 6) as `format!("{:.*}")` does, `+ 0.0`
/// turning -0 into 0, with `decimal` as the mark. Whole-number arithmetic does it without
/// the general float formatter (the projection CSV is mostly numbers); a value next to a
/// rounding tie, or too large, goes through `format!` so the digits are always the same.
pub(super) fn push_number(out: &mut Text, x: f64, decimals: usize, decimal: char) {
    const SCALE: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    let x = x + 0.0;
    let decimals = decimals.min(6);
    let scaled = x * SCALE[decimals];
    // With decimals the product is rounded: far enough from a tie (a millionth, against an
    // error of at most ten units in the last place below 1e9) the digits are the same.
    // Below 2^52 a value truncates exactly through a whole number.
    let in_range = if decimals == 0 {
        scaled.abs() < 4.5e15
    } else {
        scaled.abs() < 1e9
    };
    if in_range {
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let whole = (scaled as i64) as f64;
        let frac = (scaled - whole).abs();
        if (frac - 0.5).abs() > 1e-6 {
            #[allow(clippy::cast_possible_truncation)]
            let n = round(scaled) as i64;
            if x < 0.0 {
                // `format!` keeps the sign of a negative value that rounds to zero: "-0".
                out.push('-');
            }
            let n = n.unsigned_abs();
            // Constant divisors: a multiply, not a division.
            let (units, decimal_digits) = match decimals {
                0 => (n, 0),
                1 => (n / 10, n % 10),
                2 => (n / 100, n % 100),
                3 => (n / 1000, n % 1000),
                _ => {
                    let p = 10_u64.pow(u32::try_from(decimals).unwrap_or(0));
                    (n / p, n % p)
                }
            };
            push_digits(out, units, 1);
            if decimals > 0 {
                out.push(decimal);
                push_digits(out, decimal_digits, decimals);
            }
            return;
        }
    }
    let text = format!("{x:.decimals$}");
    if decimal == '.' {
        out.push_str(&text);
    } else {
        out.push_str(&text.replace('.', &decimal.to_string()));
    }
}

/// `x.round()` (half away from zero), without the library call the target's instruction set
/// needs for it: exact, the sign of a zero included.
#[must_use]
pub(crate) fn round(x: f64) -> f64 {
    // Below 2^52 a value truncates exactly through a whole number; above, it is one already.
    if x.abs() < 4_503_599_627_370_496.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let t = (x as i64) as f64;
        let rest = x - t;
        let r = if rest >= 0.5 {
            t + 1.0
        } else if rest <= -0.5 {
            t - 1.0
        } else {
            t
        };
        r.copysign(x)
    } else {
        x.round()
    }
}

/// Appends the decimal digits of `n`, with leading zeros up to `width` (at most 20).
#[inline]
fn push_digits(out: &mut Text, mut n: u64, width: usize) {
    // Two digits at a time, from a table of "00" to "99".
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while n >= 100 && at >= 2 {
        #[allow(clippy::cast_possible_truncation)] // below 100
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 && at >= 2 {
        #[allow(clippy::cast_possible_truncation)] // below 100
        let pair = n as usize * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else if at >= 1 {
        at -= 1;
        #[allow(clippy::cast_possible_truncation)] // a digit
        let digit = n as u8;
        digits[at] += digit;
    }
    let at = at.min(digits.len().saturating_sub(width));
    out.0.extend_from_slice(&digits[at..]);
}

/// Appends `month` as `YYYY-MM`, as its `Display` does.
fn push_month(out: &mut Text, month: crate::model::Month) {
    match u64::try_from(month.year()) {
        Ok(year) if year <= 9999 => {
            push_digits(out, year, 4);
            out.push('-');
            push_digits(out, u64::from(month.month_of_year()), 2);
        }
        _ => {
            use std::fmt::Write as _;
            let _ = write!(out, "{month}");
        }
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
    // About 70 characters a row: one allocation rather than a dozen growing copies.
    let months: usize = projection
        .regions
        .iter()
        .flatten()
        .map(|p| p.series.len())
        .sum();
    table
        .out
        .reserve(70 * (months + projection.total.as_ref().map_or(0, Series::len)));
    for (region, projected) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = projected else { continue };
        if !wanted(&region.code) {
            continue;
        }
        let (code, name) = (table.text(&region.code), table.text(&region.name));
        for k in 0..p.series.len() {
            let target = p.target_at(p.series.month(k));
            series_row(&mut table, &p.series, k, &code, &name, target, p.gap_at(k));
        }
    }
    if let Some(total) = &projection.total
        && wanted("ALL")
    {
        for k in 0..total.len() {
            series_row(&mut table, total, k, "ALL", "ALL", None, None);
        }
    }
    table.finish()
}

/// One row of the projection, written straight into the table: no string per cell.
fn series_row(
    table: &mut Table,
    series: &Series,
    k: usize,
    code: &str,
    name: &str,
    target_pct: Option<f64>,
    gap: Option<f64>,
) {
    let (sep, decimal) = (table.format.separator, table.format.decimal);
    let out = &mut table.out;
    push_month(out, series.month(k));
    for text in [code, name] {
        out.push(sep);
        out.push_str(text);
    }
    for (value, decimals) in [
        (Some(round(series.workforce[k])), 0),
        (Some(round(series.active[k])), 0),
        (Some(series.coverage_pct(k)), 2),
        (target_pct, 2),
        (gap.map(round), 0),
        (Some(round(series.cost(k))), 0),
    ] {
        out.push(sep);
        if let Some(v) = value {
            push_number(out, v, decimals, decimal);
        }
    }
    out.push('\n');
}

pub const BANDS_HEADER: &str = "month,region_code,region,p5,p10,p25,p50,p75,p90,p95";
pub const CHANCES_HEADER: &str = "region_code,region,target_month,target_pct,chance";

/// The percentiles of coverage: one row per region per month, then the `ALL` rows
/// ([`BANDS_HEADER`], percent to 2 decimals).
#[must_use]
pub fn bands_csv(scenario: &Scenario, spread: &Spread) -> String {
    let header: Vec<&str> = BANDS_HEADER.split(',').collect();
    let mut table = Table::new(CsvFormat::MACHINE, &header);
    let rows = |table: &mut Table, bands: &Bands, code: &str, name: &str| {
        for (k, q) in bands.values.iter().enumerate() {
            let out = &mut table.out;
            let _ = write!(out, "{},{code},{name}", bands.month(k));
            for &v in q {
                out.push(',');
                push_number(out, v, 2, '.');
            }
            out.push('\n');
        }
    };
    for (region, s) in scenario.regions.iter().zip(&spread.regions) {
        let Some(s) = s else { continue };
        let (code, name) = (table.text(&region.code), table.text(&region.name));
        rows(&mut table, &s.bands, &code, &name);
    }
    if let Some(total) = &spread.total {
        rows(&mut table, total, "ALL", "ALL");
    }
    table.finish()
}

/// The chance of every target ([`CHANCES_HEADER`], from 0 to 1 with 3 decimals; empty when the
/// target's month is outside the projection).
#[must_use]
pub fn chances_csv(scenario: &Scenario, spread: &Spread) -> String {
    let header: Vec<&str> = CHANCES_HEADER.split(',').collect();
    let mut table = Table::new(CsvFormat::MACHINE, &header);
    for (region, s) in scenario.regions.iter().zip(&spread.regions) {
        let Some(s) = s else { continue };
        let (code, name) = (table.text(&region.code), table.text(&region.name));
        for c in &s.chances {
            let out = &mut table.out;
            let _ = write!(out, "{code},{name},{},", c.month);
            push_number(out, c.pct, 2, '.');
            out.push(',');
            if let Some(chance) = c.chance {
                push_number(out, chance, 3, '.');
            }
            out.push('\n');
        }
    }
    table.finish()
}

/// The projection in the CLI's machine format, with [`PROJECTION_HEADER`].
#[must_use]
pub fn projection_csv(scenario: &Scenario, projection: &Projection, only: Option<&str>) -> String {
    let header: Vec<&str> = PROJECTION_HEADER.split(',').collect();
    projection_table(scenario, projection, only, CsvFormat::MACHINE, &header)
}

#[cfg(test)]
mod tests {
    use super::{Text, push_month, push_number, round};

    #[test]
    fn round_is_the_library_round_and_months_their_display() {
        let mut seed: u64 = 7;
        for k in 0..200_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            #[allow(clippy::cast_precision_loss)]
            let raw = (seed >> 11) as f64 / (1_u64 << 53) as f64;
            let x = match k % 4 {
                0 => (raw - 0.5) * 10.0,
                1 => (raw - 0.5) * 2e9,
                2 => ((raw - 0.5) * 200.0).round() / 2.0,
                _ => (raw - 0.5) * 1e17,
            };
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x}");
        }
        for x in [
            0.5,
            -0.5,
            1.5,
            -1.5,
            0.499_999_999_999_999_94,
            -0.0,
            0.0,
            4.5e15,
            -4.5e15 - 0.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            1e-300,
        ] {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x}");
        }
        for month in [-30_000, -1, 0, 11, 24_300, 119_999, 120_000, 1_000_000] {
            let month = crate::model::Month::from_ordinal(month);
            let mut text = Text::default();
            push_month(&mut text, month);
            assert_eq!(text.into_string(), month.to_string());
        }
    }

    #[test]
    fn numbers_are_written_exactly_as_format_writes_them() {
        let mut seed: u64 = 3;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            seed >> 11
        };
        #[allow(clippy::cast_precision_loss)]
        for k in 0..200_000 {
            let raw = next() as f64 / (1_u64 << 53) as f64;
            let x = match k % 4 {
                0 => raw * 100.0,
                1 => (raw - 0.5) * 2e6,
                2 => ((raw * 1e4).round() / 1e4) * 100.0,
                _ => (raw - 0.5) * 1e-3,
            };
            for decimals in [0, 2] {
                let mut fast = Text::default();
                push_number(&mut fast, x, decimals, '.');
                assert_eq!(
                    fast.into_string(),
                    format!("{:.*}", decimals, x + 0.0),
                    "{x}"
                );
            }
        }
        for x in [
            0.005,
            1.005,
            2.675,
            -0.001,
            -0.0,
            41.645,
            1e300,
            f64::NAN,
            99.995,
            -0.5,
            0.5,
            2.5,
        ] {
            for decimals in [0, 2] {
                let mut fast = Text::default();
                push_number(&mut fast, x, decimals, '.');
                assert_eq!(
                    fast.into_string(),
                    format!("{:.*}", decimals, x + 0.0),
                    "{x}"
                );
            }
        }
    }
}
