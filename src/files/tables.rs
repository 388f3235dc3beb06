//! A scenario as tables, the way planners keep it in a spreadsheet: regions, targets, actuals,
//! campaigns, variants and the scenario's settings, one sheet each. Read from CSV (either
//! separator, either decimal mark, with or without a byte-order mark) or XLSX, each column
//! found by its header (this program's names in Indonesian and English, and the usual
//! variants), and merged into a scenario by region code.

use std::collections::BTreeMap;
use std::path::Path;

use crate::i18n::Lang;
use crate::model::{
    Actual, Campaign, Fitted, MonthField, Payer, Ramp, Rate, Region, Scenario, Segment, Target,
    Variant,
};

/// One cell of a sheet as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            Self::Number(_) => false,
        }
    }

    /// The cell as text (a number as Rust writes it, `.` for decimals).
    #[must_use]
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_owned(),
            Self::Number(v) => format!("{v}"),
        }
    }
}

/// A sheet of a workbook, or the one table of a CSV file.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Col {
    Code,
    Name,
    Province,
    AsOf,
    Workforce,
    Source,
    Active(Segment),
    New(Segment),
    Lapse(Segment),
    Fitted,
    Note,
    Month,
    TargetPct,
    ActiveTotal,
    Campaign,
    Region,
    Segment,
    Payer,
    Start,
    People,
    Ramp,
    RampMonths,
    FundedMonths,
    Retention,
    Contribution,
    OneOff,
    Enabled,
    Variant,
    Growth,
    Setting,
    Value,
    /// A campaign's uptake range, or the scenario's (a setting).
    UptakeLow,
    UptakeMode,
    UptakeHigh,
    /// Settings of the uncertainty runs.
    Runs,
    Seed,
    LapseSpread(Segment),
    NewSpread(Segment),
    GrowthSpread,
}

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Regions,
    Targets,
    Actuals,
    Campaigns,
    Variants,
    Settings,
}

impl Kind {
    pub const ALL: [Self; 6] = [
        Self::Regions,
        Self::Targets,
        Self::Actuals,
        Self::Campaigns,
        Self::Variants,
        Self::Settings,
    ];

    /// The order sheets are written and merged in: the settings, then regions, so targets,
    /// actuals and campaigns of the same file find their regions, and variants their campaigns.
    pub const IN_ORDER: [Self; 6] = [
        Self::Settings,
        Self::Regions,
        Self::Targets,
        Self::Actuals,
        Self::Campaigns,
        Self::Variants,
    ];

    /// The columns of this kind of sheet, in the order the workbook writes them.
    #[must_use]
    pub fn columns(self) -> Vec<Col> {
        let per = |f: fn(Segment) -> Col| Segment::ALL.into_iter().map(f);
        match self {
            Self::Regions => {
                let mut c = vec![
                    Col::Code,
                    Col::Name,
                    Col::Province,
                    Col::AsOf,
                    Col::Workforce,
                    Col::Source,
                ];
                c.extend(per(Col::Active));
                c.extend(per(Col::New));
                c.extend(per(Col::Lapse));
                c.extend([Col::Fitted, Col::Note]);
                c
            }
            Self::Targets => vec![Col::Code, Col::Month, Col::TargetPct, Col::Note],
            Self::Actuals => {
                let mut c = vec![Col::Code, Col::Month, Col::ActiveTotal];
                c.extend(per(Col::Active));
                c.push(Col::Note);
                c
            }
            Self::Campaigns => vec![
                Col::Campaign,
                Col::Region,
                Col::Segment,
                Col::Payer,
                Col::Start,
                Col::People,
                Col::Ramp,
                Col::RampMonths,
                Col::FundedMonths,
                Col::Retention,
                Col::Contribution,
                Col::OneOff,
                Col::Enabled,
                Col::UptakeLow,
                Col::UptakeMode,
                Col::UptakeHigh,
                Col::Note,
            ],
            Self::Variants => {
                let mut c = vec![Col::Variant, Col::Campaign, Col::Growth];
                c.extend(per(Col::Lapse));
                c
            }
            Self::Settings => vec![Col::Setting, Col::Value],
        }
    }

    /// The column that says which row is which: merged by it.
    fn key(self) -> Col {
        match self {
            Self::Regions | Self::Targets | Self::Actuals => Col::Code,
            Self::Campaigns => Col::Campaign,
            Self::Variants => Col::Variant,
            Self::Settings => Col::Setting,
        }
    }
}

/// Letters and digits only, lower case: `Kode Wilayah`, `kode_wilayah` and `KODE-WILAYAH`
/// read alike.
fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Indonesian name this program gave a column before, so that its older workbooks and
/// CSV files still read: "lapse" is "laju non-aktif" and the workforce "potensi TK"
/// everywhere now.
fn former_header(col: Col) -> Option<String> {
    match col {
        Col::Lapse(s) => Some(format!("Berhenti % per bulan {}", s.code())),
        Col::LapseSpread(s) => Some(format!("Sebaran lapse % {}", s.code())),
        Col::Growth => Some("Pertumbuhan angkatan kerja % per tahun".to_owned()),
        _ => None,
    }
}

/// Header names a column is known by besides this program's own, in both languages.
fn aliases(col: Col) -> &'static [&'static str] {
    match col {
        Col::Code => &[
            "code",
            "kode",
            "regioncode",
            "kodewilayah",
            "kodekabkota",
            "kodedaerah",
            "kdwilayah",
        ],
        Col::Name => &[
            "name",
            "nama",
            "region",
            "wilayah",
            "namawilayah",
            "kabupatenkota",
            "kabkota",
            "daerah",
        ],
        Col::Province => &["province", "provinsi", "prov", "namaprovinsi"],
        Col::AsOf => &["asof", "per", "bulan", "periode", "posisi", "month"],
        Col::Workforce => &[
            "workforce",
            "potensitenagakerja",
            "angkatankerja",
            "tenagakerja",
            "potensi",
            "potensipekerja",
            "pekerja",
        ],
        Col::Source => &["source", "sumber", "sumberdata"],
        Col::Note => &["note", "notes", "catatan", "keterangan", "ket"],
        Col::Month => &["month", "bulan", "periode", "targetmonth", "bulantarget"],
        Col::TargetPct => &["target", "targetpct", "target%", "targetcakupan"],
        Col::ActiveTotal => &[
            "active",
            "aktif",
            "pesertaaktif",
            "jumlahpeserta",
            "peserta",
        ],
        Col::Campaign => &[
            "campaign",
            "kampanye",
            "program",
            "namaprogram",
            "name",
            "nama",
        ],
        Col::Region => &["region", "wilayah", "regioncode", "kodewilayah", "kode"],
        Col::People => &["people", "orang", "jumlah", "sasaran", "target"],
        Col::Variant => &["variant", "varian", "plan", "rencana"],
        Col::Setting => &["setting", "field", "pengaturan", "isian"],
        Col::Value => &["value", "nilai"],
        _ => &[],
    }
}

/// Why a row of a sheet was not read.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub sheet: String,
    /// The row as a spreadsheet numbers it (the header is row 1 when it is the first).
    pub row: usize,
    /// The row's code or name, when it has one.
    pub key: String,
    pub message: String,
}

/// A sheet as understood: its kind, each column's meaning (`None`: not used), the header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub kind: Kind,
    pub columns: Vec<Option<Col>>,
    pub header_row: usize,
}

/// What a file holds, read and understood but not yet merged.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Data {
    pub sheets: Vec<(Sheet, Option<Mapping>)>,
}

/// The most cells read from one file: far more than a national scenario, far less than memory.
pub const MAX_CELLS: usize = 5_000_000;

/// Reads a CSV or XLSX file (by its extension) into sheets.
///
/// # Errors
/// A message naming the file when it cannot be read as either.
pub fn read_file(path: &Path) -> Result<Vec<Sheet>, String> {
    let shown = super::scenario_file::shown_path(&path.display().to_string());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm") {
        // The same bound as for every file the program reads.
        let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
        if !meta.is_file() || meta.len() > super::MAX_FILE_BYTES {
            return Err(format!("{shown}: not a file of at most 64 MiB"));
        }
        return read_workbook(path).map_err(|e| format!("{shown}: {e}"));
    }
    if matches!(ext.as_str(), "xls" | "xlsb" | "ods") {
        return Err(format!(
            "{shown}: save it from the spreadsheet as .xlsx or .csv to import it"
        ));
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown}: not a file"));
    }
    if meta.len() > super::MAX_FILE_BYTES {
        return Err(format!("{shown}: larger than 64 MiB"));
    }
    let raw = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    let text = match String::from_utf8(raw) {
        Ok(t) => t,
        // Spreadsheets on Windows often save CSV in Windows-1252: read it as Latin-1.
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(vec![Sheet {
        name,
        rows: read_csv(&text),
    }])
}

/// The most rows and columns a sheet may span: far more than a national scenario (514
/// regions, a few thousand campaigns), and no more, so a file naming a cell at the far corner
/// of a sheet cannot make the reader allocate a billion empty cells.
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLS: u32 = 256;

/// The most a workbook's parts may unpack to, all together. calamine holds some parts whole
/// (the shared strings, styles, the workbook's list of sheets), so a file of a few megabytes
/// that unpacks to many gigabytes (a "zip bomb") is refused before it reads them. Our own
/// national workbook, projection included, unpacks to about 60 MiB.
pub const MAX_UNPACKED_BYTES: u64 = 256 << 20;

/// Unpacks every part of the workbook at `path` into nothing, stopping as soon as they come
/// to more than `cap` bytes: what each part really unpacks to, not what its header says.
fn unpacks_within(path: &Path, cap: u64) -> Result<(), String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| e.to_string())?;
    let mut left = cap;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| e.to_string())?;
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|e| format!("{}: {e}", String::from_utf8_lossy(part.name_raw())))?;
        if read > left {
            return Err(format!(
                "its parts unpack to more than {} MiB, far more than a workbook of regions and campaigns; it may be damaged or made to exhaust memory",
                cap >> 20
            ));
        }
        left -= read;
    }
    Ok(())
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, String> {
    use calamine::{DataRef as D, Reader, Xlsx};
    unpacks_within(path, MAX_UNPACKED_BYTES)?;
    let mut book: Xlsx<_> =
        calamine::open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let mut sheets = Vec::new();
    let mut cells = 0usize;
    for name in book.sheet_names() {
        if is_results(&name) {
            // The workbook's projection and budget are results: not read (a national
            // projection is 60,000 rows).
            sheets.push(Sheet {
                name,
                rows: Vec::new(),
            });
            continue;
        }
        // Cell by cell, as the file lists them: only cells that hold something take room.
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| e.to_string())?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
            let (r, c) = cell.get_position();
            let value = match cell.get_value() {
                D::Empty | D::Error(_) => continue,
                D::SharedString(s) => Cell::Text((*s).to_owned()),
                D::String(s) | D::DateTimeIso(s) | D::DurationIso(s) => Cell::Text(s.clone()),
                D::Float(f) => Cell::Number(*f),
                #[allow(clippy::cast_precision_loss)]
                D::Int(i) => Cell::Number(*i as f64),
                D::Bool(b) => Cell::Text(if *b { "1" } else { "0" }.to_owned()),
                // A date: its serial day, which a month column reads.
                D::DateTime(d) => Cell::Text(format!("{}", d.as_f64().floor())),
            };
            if r >= MAX_ROWS || c >= MAX_COLS {
                return Err(format!(
                    "{name}: a cell beyond row {MAX_ROWS} or column {MAX_COLS}; a sheet of regions or campaigns is smaller"
                ));
            }
            cells += 1;
            if cells > MAX_CELLS {
                return Err(format!("more than {MAX_CELLS} cells"));
            }
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, Cell::Empty);
            }
            row[c] = value;
        }
        drop(reader);
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// Splits delimited text into rows of cells: `separator` between cells, line breaks between
/// rows, a cell in double quotes may hold either (and `""` for a quote). At most `max_rows`
/// rows, `max_cols` cells a row and `max_cells` cells in all are kept: what a file or the
/// clipboard holds never makes this allocate without bound.
#[must_use]
pub fn split_delimited(
    text: &str,
    separator: char,
    max_rows: usize,
    max_cols: usize,
    max_cells: usize,
) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut cells = 0usize;
    let end_cell = |row: &mut Vec<String>, cell: &mut String| {
        if row.len() < max_cols {
            row.push(std::mem::take(cell));
        }
        cell.clear();
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    in_quotes = false;
                }
            } else if cell.len() < 1_000_000 {
                cell.push(c);
            }
        } else if c == '"' && cell.is_empty() {
            in_quotes = true;
        } else if c == separator {
            end_cell(&mut row, &mut cell);
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            end_cell(&mut row, &mut cell);
            cells += row.len();
            rows.push(std::mem::take(&mut row));
            if rows.len() >= max_rows || cells >= max_cells {
                return rows;
            }
        } else if cell.len() < 1_000_000 {
            cell.push(c);
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        end_cell(&mut row, &mut cell);
        rows.push(row);
    }
    rows
}

/// Reads CSV with `,`, `;` or tab between fields (whichever the first line uses most outside
/// quotes), quoted fields, and an optional byte-order mark.
#[must_use]
pub fn read_csv(text: &str) -> Vec<Vec<Cell>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(k) = counts.iter_mut().find(|(s, _)| *s == c) {
            k.1 += 1;
        }
    }
    let separator = counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(',', |(s, _)| *s);
    split_delimited(text, separator, usize::MAX, MAX_COLS as usize, MAX_CELLS)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|value| {
                    // A spreadsheet's guard against formulas (`'=...`) is not part of the value.
                    let value = match value.strip_prefix('\'') {
                        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                            rest.to_owned()
                        }
                        _ => value,
                    };
                    if value.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(value)
                    }
                })
                .collect()
        })
        .collect()
}

/// The header a column has in `lang`'s workbook.
#[must_use]
pub fn header(col: Col, lang: Lang) -> String {
    (lang.texts().columns.name)(col)
}

/// The name of a kind of sheet in `lang`'s workbook.
#[must_use]
pub fn sheet_name(kind: Kind, lang: Lang) -> &'static str {
    (lang.texts().columns.sheet)(kind)
}

/// Which column a header names, among the columns of `kind`.
fn column_of(header_text: &str, kind: Kind) -> Option<Col> {
    let h = normal(header_text);
    if h.is_empty() {
        return None;
    }
    let columns = kind.columns();
    // This program's own names first (they are exact), then the ones it gave before, then the
    // usual variants.
    columns
        .iter()
        .copied()
        .find(|&c| Lang::ALL.iter().any(|&l| normal(&header(c, l)) == h))
        .or_else(|| {
            columns
                .iter()
                .copied()
                .find(|&c| former_header(c).is_some_and(|f| normal(&f) == h))
        })
        .or_else(|| {
            columns
                .iter()
                .copied()
                .find(|&c| aliases(c).contains(&h.as_str()))
        })
}

/// Whether a sheet is the workbook's projection or budget: results, not data to read back.
fn is_results(name: &str) -> bool {
    Lang::ALL.iter().any(|&l| {
        let c = &l.texts().columns;
        [c.projection, c.budget]
            .iter()
            .any(|n| normal(n) == normal(name))
    })
}

/// Understands a sheet: its kind from its name or else its headers, and each column.
#[must_use]
pub fn map_sheet(sheet: &Sheet) -> Option<Mapping> {
    let header_row = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))?;
    let headers: Vec<String> = sheet.rows[header_row].iter().map(Cell::text).collect();
    if is_results(&sheet.name) {
        return None;
    }
    let by_name = Kind::ALL.into_iter().find(|&k| {
        Lang::ALL
            .iter()
            .any(|&l| normal(sheet_name(k, l)) == normal(&sheet.name))
    });
    let score = |kind: Kind| {
        let cols: Vec<Option<Col>> = headers.iter().map(|h| column_of(h, kind)).collect();
        let found = cols.iter().flatten().count();
        let has_key = cols.contains(&Some(kind.key()));
        (has_key, found)
    };
    let kind = by_name.or_else(|| {
        // The kind whose columns the headers name most, among those whose key is there; a
        // projection or budget sheet (no key column of ours) is not read.
        Kind::ALL
            .into_iter()
            .map(|k| (k, score(k)))
            .filter(|(_, (key, found))| *key && *found >= 2)
            .max_by_key(|(_, (_, found))| *found)
            .map(|(k, _)| k)
    })?;
    let mut columns: Vec<Option<Col>> = headers.iter().map(|h| column_of(h, kind)).collect();
    // A column named twice is read once: the first.
    for i in 0..columns.len() {
        if columns[i].is_some() && columns[..i].contains(&columns[i]) {
            columns[i] = None;
        }
    }
    columns.contains(&Some(kind.key())).then_some(Mapping {
        kind,
        columns,
        header_row,
    })
}

/// Reads a sheet as `kind`, whatever its name says: for the import dialog, where the planner
/// chooses.
#[must_use]
pub fn map_sheet_as(sheet: &Sheet, kind: Kind) -> Mapping {
    let header_row = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))
        .unwrap_or(0);
    let mut columns: Vec<Option<Col>> = sheet
        .rows
        .get(header_row)
        .map(|r| r.iter().map(|h| column_of(&h.text(), kind)).collect())
        .unwrap_or_default();
    for i in 0..columns.len() {
        if columns[i].is_some() && columns[..i].contains(&columns[i]) {
            columns[i] = None;
        }
    }
    Mapping {
        kind,
        columns,
        header_row,
    }
}

/// Reads and maps every sheet of a file.
///
/// # Errors
/// When the file cannot be read.
pub fn read(path: &Path) -> Result<Data, String> {
    let sheets = read_file(path)?;
    Ok(Data {
        sheets: sheets
            .into_iter()
            .map(|s| {
                let m = map_sheet(&s);
                (s, m)
            })
            .collect(),
    })
}

/// How many of each were added and updated by a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub regions_added: usize,
    pub regions_updated: usize,
    pub targets: usize,
    pub actuals: usize,
    pub campaigns_added: usize,
    pub campaigns_updated: usize,
    pub variants: usize,
    pub settings: usize,
}

fn number(cell: &Cell, whole: bool, lang: Lang) -> Result<f64, String> {
    match cell {
        Cell::Number(v) if v.is_finite() => Ok(*v),
        _ => crate::ui::grid::read_number(&cell.text(), whole, lang),
    }
}

fn month(cell: &Cell, lang: Lang) -> Result<MonthField, String> {
    let text = cell.text();
    crate::ui::grid::read_month(&text, lang)
        .map(MonthField::Valid)
        .ok_or_else(|| (lang.texts().grid.not_month)(&text))
}

fn months_count(cell: &Cell, lang: Lang) -> Result<u32, String> {
    let v = number(cell, true, lang)?;
    if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(crate::model::MAX_MONTHS) {
        Ok(format!("{v}").parse().unwrap_or(0))
    } else {
        Err((lang.texts().ui.cell_not_number)(
            &cell.text(),
            lang.marks().1,
        ))
    }
}

/// The option of a closed list written as its code or its name in either language.
fn choice<T: Copy>(cell: &Cell, options: &[T], names: impl Fn(T) -> Vec<String>) -> Option<T> {
    let wanted = normal(&cell.text());
    options
        .iter()
        .copied()
        .find(|&o| names(o).iter().any(|n| normal(n) == wanted))
}

fn flag(cell: &Cell) -> Option<bool> {
    match normal(&cell.text()).as_str() {
        "1" | "true" | "yes" | "on" | "ya" | "benar" | "aktif" => Some(true),
        "0" | "false" | "no" | "off" | "tidak" | "salah" | "nonaktif" => Some(false),
        _ => None,
    }
}

/// A region's fitted marks as one cell: `new BPU: 2025-07; lapse PU: 2025-07 2025-09`.
#[must_use]
pub fn fitted_text(fitted: &[Fitted]) -> String {
    fitted
        .iter()
        .map(|f| {
            let (word, s) = match f.rate {
                Rate::NewPerMonth(s) => ("new", s),
                Rate::Lapse(s) => ("lapse", s),
            };
            let months: Vec<String> = f.months.iter().map(ToString::to_string).collect();
            format!("{word} {}: {}", s.code(), months.join(" "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn parse_fitted(text: &str) -> Option<Vec<Fitted>> {
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (rate, months) = part.split_once(':')?;
        let mut words = rate.split_whitespace();
        let (word, seg) = (words.next()?, words.next()?);
        let segment = Segment::ALL.into_iter().find(|s| s.code() == seg)?;
        let rate = match word {
            "new" => Rate::NewPerMonth(segment),
            "lapse" => Rate::Lapse(segment),
            _ => return None,
        };
        out.push(Fitted {
            rate,
            months: months.split_whitespace().map(MonthField::parse).collect(),
        });
    }
    Some(out)
}

/// Sets one field of a region from a cell.
fn set_region(r: &mut Region, col: Col, cell: &Cell, lang: Lang) -> Result<(), String> {
    let text = cell.text();
    match col {
        Col::Code => r.code = text,
        Col::Name => r.name = text,
        Col::Province => r.province = text,
        Col::AsOf => r.as_of = month(cell, lang)?,
        Col::Workforce => r.workforce = number(cell, true, lang)?,
        Col::Source => r.workforce_source = text,
        Col::Active(s) => {
            r.active.insert(s, number(cell, true, lang)?);
        }
        Col::New(s) => {
            r.new_per_month.insert(s, number(cell, true, lang)?);
        }
        Col::Lapse(s) => {
            r.lapse_pct_per_month.insert(s, number(cell, false, lang)?);
        }
        Col::Fitted => {
            r.fitted = parse_fitted(&text)
                .ok_or_else(|| (lang.texts().grid.not_one_of)(&text, "new BPU: 2025-07"))?;
        }
        Col::Note => r.note = text,
        _ => {}
    }
    Ok(())
}

fn set_campaign(c: &mut Campaign, col: Col, cell: &Cell, lang: Lang) -> Result<(), String> {
    let g = &lang.texts().grid;
    let text = cell.text();
    let listed = |names: Vec<String>| (g.not_one_of)(&text, &names.join(", "));
    match col {
        Col::Campaign => c.name = text,
        Col::Region => c.region = text,
        Col::Segment => {
            c.segment =
                choice(cell, &Segment::ALL, |s| vec![s.code().to_owned()]).ok_or_else(|| {
                    listed(Segment::ALL.iter().map(|s| s.code().to_owned()).collect())
                })?;
        }
        Col::Payer => {
            c.payer = choice(cell, &Payer::ALL, |p| {
                let mut n: Vec<String> = Lang::ALL
                    .iter()
                    .map(|l| (l.texts().ui.payer)(p).to_owned())
                    .collect();
                n.push(p.code().to_owned());
                n
            })
            .ok_or_else(|| {
                listed(
                    Payer::ALL
                        .iter()
                        .map(|&p| (lang.texts().ui.payer)(p).to_owned())
                        .collect(),
                )
            })?;
        }
        Col::Start => c.start = month(cell, lang)?,
        Col::People => c.people = number(cell, true, lang)?,
        Col::Ramp => {
            c.ramp = choice(cell, &Ramp::ALL, |r| {
                let mut n: Vec<String> = Lang::ALL
                    .iter()
                    .map(|l| (l.texts().ui.ramp)(r).to_owned())
                    .collect();
                n.push(format!("{r:?}"));
                n
            })
            .ok_or_else(|| {
                listed(
                    Ramp::ALL
                        .iter()
                        .map(|&r| (lang.texts().ui.ramp)(r).to_owned())
                        .collect(),
                )
            })?;
        }
        Col::RampMonths => c.ramp_months = months_count(cell, lang)?.max(1),
        Col::FundedMonths => c.funded_months = Some(months_count(cell, lang)?).filter(|&m| m > 0),
        Col::Retention => c.retention_pct = number(cell, false, lang)?,
        Col::Contribution => c.contribution_rp = number(cell, true, lang)?,
        Col::OneOff => c.one_off_rp = number(cell, true, lang)?,
        Col::Enabled => {
            c.enabled = flag(cell).ok_or_else(|| listed(vec!["1".into(), "0".into()]))?;
        }
        Col::UptakeLow | Col::UptakeMode | Col::UptakeHigh => {
            let v = number(cell, false, lang)?;
            let range = c.uptake_pct.get_or_insert_with(crate::model::full_uptake);
            match col {
                Col::UptakeLow => range.0 = v,
                Col::UptakeMode => range.1 = v,
                _ => range.2 = v,
            }
        }
        Col::Note => c.note = text,
        _ => {}
    }
    Ok(())
}

/// The settings of the uncertainty runs, as they are written and read: column, value.
fn uncertainty_rows(u: &crate::model::Uncertainty) -> Vec<(Col, f64)> {
    let mut rows = vec![(Col::Runs, f64::from(u.runs))];
    // A seed above 2^53 does not fit a spreadsheet's number; it is written as text.
    rows.push((Col::Seed, u.seed as f64));
    for s in Segment::ALL {
        if let Some(v) = u.lapse_spread_pct.get(&s) {
            rows.push((Col::LapseSpread(s), *v));
        }
    }
    for s in Segment::ALL {
        if let Some(v) = u.new_per_month_spread_pct.get(&s) {
            rows.push((Col::NewSpread(s), *v));
        }
    }
    rows.push((Col::GrowthSpread, u.workforce_growth_spread_pct));
    rows.push((Col::UptakeLow, u.uptake_pct.0));
    rows.push((Col::UptakeMode, u.uptake_pct.1));
    rows.push((Col::UptakeHigh, u.uptake_pct.2));
    rows
}

/// Every uncertainty setting a file may name.
fn uncertainty_cols() -> impl Iterator<Item = Col> {
    [Col::Runs, Col::Seed]
        .into_iter()
        .chain(Segment::ALL.map(Col::LapseSpread))
        .chain(Segment::ALL.map(Col::NewSpread))
        .chain([
            Col::GrowthSpread,
            Col::UptakeLow,
            Col::UptakeMode,
            Col::UptakeHigh,
        ])
}

/// Sets one uncertainty setting from a cell.
fn apply_uncertainty(
    u: &mut crate::model::Uncertainty,
    col: Col,
    value: &Cell,
    lang: Lang,
) -> Result<(), String> {
    let whole = |value: &Cell| -> Result<u64, String> {
        if let Cell::Text(t) = value
            && let Ok(v) = t.trim().parse::<u64>()
        {
            return Ok(v);
        }
        let v = number(value, true, lang)?;
        if v >= 0.0 && v.fract() == 0.0 && v < 1.8e19 {
            Ok(format!("{v}").parse().unwrap_or(0))
        } else {
            Err((lang.texts().ui.cell_not_number)(
                &value.text(),
                lang.marks().1,
            ))
        }
    };
    match col {
        Col::Runs => u.runs = u32::try_from(whole(value)?).unwrap_or(u32::MAX),
        Col::Seed => u.seed = whole(value)?,
        Col::LapseSpread(s) => {
            u.lapse_spread_pct.insert(s, number(value, false, lang)?);
        }
        Col::NewSpread(s) => {
            u.new_per_month_spread_pct
                .insert(s, number(value, false, lang)?);
        }
        Col::GrowthSpread => u.workforce_growth_spread_pct = number(value, false, lang)?,
        Col::UptakeLow => u.uptake_pct.0 = number(value, false, lang)?,
        Col::UptakeMode => u.uptake_pct.1 = number(value, false, lang)?,
        Col::UptakeHigh => u.uptake_pct.2 = number(value, false, lang)?,
        _ => {}
    }
    Ok(())
}

/// The scenario's settings as (setting, value) rows: name, end, notes, growth, lapse.
#[must_use]
pub fn settings_rows(scenario: &Scenario, lang: Lang) -> Vec<(String, Cell)> {
    let s = &lang.texts().columns;
    let mut rows = vec![
        (s.setting_name.to_owned(), Cell::Text(scenario.name.clone())),
        (
            s.setting_end.to_owned(),
            Cell::Text(scenario.end.to_string()),
        ),
        (
            s.setting_notes.to_owned(),
            Cell::Text(scenario.notes.clone()),
        ),
        (
            header(Col::Growth, lang),
            Cell::Number(scenario.assumptions.workforce_growth_pct_per_year),
        ),
    ];
    for segment in Segment::ALL {
        if let Some(v) = scenario.assumptions.lapse_pct_per_month.get(&segment) {
            rows.push((header(Col::Lapse(segment), lang), Cell::Number(*v)));
        }
    }
    if let Some(u) = &scenario.assumptions.uncertainty {
        for (col, v) in uncertainty_rows(u) {
            let cell = if col == Col::Seed && u.seed > (1 << 53) {
                Cell::Text(u.seed.to_string())
            } else {
                Cell::Number(v)
            };
            rows.push((header(col, lang), cell));
        }
    }
    rows
}

/// Merges what a file holds into `scenario`: regions by code (updated or added), targets and
/// actuals by region and month, campaigns by name, variants by name, settings by name. Cells
/// left empty leave a value as it was. Rows that cannot be read are skipped and listed.
#[must_use]
pub fn merge(scenario: &Scenario, data: &Data, lang: Lang) -> (Scenario, Counts, Vec<RowProblem>) {
    let mut out = scenario.clone();
    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let order = Kind::IN_ORDER;
    // Regions and variants whose lists the file replaces (their first row clears them).
    let mut touched_targets: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut touched_actuals = touched_targets.clone();
    let mut touched_variants = touched_targets.clone();
    for kind in order {
        for (sheet, mapping) in &data.sheets {
            let Some(map) = mapping.as_ref().filter(|m| m.kind == kind) else {
                continue;
            };
            for (r, row) in sheet.rows.iter().enumerate().skip(map.header_row + 1) {
                if row.iter().all(Cell::is_empty) {
                    continue;
                }
                let cell = |col: Col| -> Option<&Cell> {
                    let at = map.columns.iter().position(|c| *c == Some(col))?;
                    row.get(at).filter(|c| !c.is_empty())
                };
                let key_text = cell(kind.key()).map(Cell::text).unwrap_or_default();
                let mut fail = |message: String| {
                    problems.push(RowProblem {
                        sheet: sheet.name.clone(),
                        row: r + 1,
                        key: key_text.clone(),
                        message,
                    });
                };
                let gt = &lang.texts().grid;
                let Some(key) = cell(kind.key()).map(Cell::text) else {
                    fail(format!("{}: {}", header(kind.key(), lang), gt.no_default));
                    continue;
                };
                let result: Result<(), String> = (|| {
                    match kind {
                        Kind::Regions => {
                            let existing = out.region_index(&key);
                            let mut region = existing.map_or_else(
                                || blank_region(&key, &out),
                                |i| out.regions[i].clone(),
                            );
                            for (at, col) in map.columns.iter().enumerate() {
                                if let (Some(col), Some(c)) = (col, row.get(at))
                                    && !c.is_empty()
                                {
                                    set_region(&mut region, *col, c, lang)
                                        .map_err(|e| format!("{}: {e}", header(*col, lang)))?;
                                }
                            }
                            if let Some(i) = existing {
                                if out.regions[i] != region {
                                    counts.regions_updated += 1;
                                }
                                out.regions[i] = region;
                            } else {
                                counts.regions_added += 1;
                                out.regions.push(region);
                            }
                        }
                        Kind::Targets | Kind::Actuals => {
                            let i = out.region_index(&key).ok_or_else(|| (gt.no_region)(&key))?;
                            let when = cell(Col::Month)
                                .ok_or_else(|| {
                                    format!("{}: {}", header(Col::Month, lang), gt.no_default)
                                })
                                .and_then(|c| month(c, lang))?;
                            let note = cell(Col::Note).map(Cell::text).unwrap_or_default();
                            let region = &mut out.regions[i];
                            if kind == Kind::Targets {
                                let pct = cell(Col::TargetPct)
                                    .ok_or_else(|| {
                                        format!(
                                            "{}: {}",
                                            header(Col::TargetPct, lang),
                                            gt.no_default
                                        )
                                    })
                                    .and_then(|c| number(c, false, lang))?;
                                // A region's targets in a file replace those it had.
                                if touched_targets.insert(key.clone()) {
                                    region.targets.clear();
                                }
                                region.targets.push(Target {
                                    month: when,
                                    pct,
                                    note,
                                });
                                counts.targets += 1;
                            } else {
                                let mut by_segment = BTreeMap::new();
                                for s in Segment::ALL {
                                    if let Some(c) = cell(Col::Active(s)) {
                                        by_segment.insert(
                                            s,
                                            number(c, true, lang).map_err(|e| {
                                                format!("{}: {e}", header(Col::Active(s), lang))
                                            })?,
                                        );
                                    }
                                }
                                let active = match cell(Col::ActiveTotal) {
                                    Some(c) => number(c, true, lang)?,
                                    None if !by_segment.is_empty() => by_segment.values().sum(),
                                    None => {
                                        return Err(format!(
                                            "{}: {}",
                                            header(Col::ActiveTotal, lang),
                                            gt.no_default
                                        ));
                                    }
                                };
                                if touched_actuals.insert(key.clone()) {
                                    region.actuals.clear();
                                }
                                region.actuals.push(Actual {
                                    month: when,
                                    active,
                                    by_segment,
                                    note,
                                });
                                counts.actuals += 1;
                            }
                        }
                        Kind::Campaigns => {
                            let existing = out.campaigns.iter().position(|c| c.name == key);
                            let mut campaign = existing.map_or_else(
                                || {
                                    Campaign::new(
                                        &key,
                                        "",
                                        Segment::BPU,
                                        Payer::ApbdRegency,
                                        out.regions
                                            .first()
                                            .map_or_else(|| out.end.clone(), |r| r.as_of.clone()),
                                        0.0,
                                    )
                                },
                                |i| out.campaigns[i].clone(),
                            );
                            for (at, col) in map.columns.iter().enumerate() {
                                if let (Some(col), Some(c)) = (col, row.get(at))
                                    && !c.is_empty()
                                {
                                    set_campaign(&mut campaign, *col, c, lang)
                                        .map_err(|e| format!("{}: {e}", header(*col, lang)))?;
                                }
                            }
                            if out.region_index(&campaign.region).is_none() {
                                return Err((gt.no_region)(&campaign.region));
                            }
                            if let Some(i) = existing {
                                if out.campaigns[i] != campaign {
                                    counts.campaigns_updated += 1;
                                }
                                out.campaigns[i] = campaign;
                            } else {
                                counts.campaigns_added += 1;
                                out.campaigns.push(campaign);
                            }
                        }
                        Kind::Variants => {
                            let at =
                                if let Some(at) = out.variants.iter().position(|v| v.name == key) {
                                    at
                                } else {
                                    out.variants.push(Variant {
                                        name: key.clone(),
                                        campaigns: Vec::new(),
                                        lapse_pct_per_month: None,
                                        workforce_growth_pct_per_year: None,
                                    });
                                    out.variants.len() - 1
                                };
                            let variant = &mut out.variants[at];
                            if touched_variants.insert(key.clone()) {
                                variant.campaigns.clear();
                                variant.lapse_pct_per_month = None;
                                variant.workforce_growth_pct_per_year = None;
                                counts.variants += 1;
                            }
                            if let Some(c) = cell(Col::Campaign) {
                                variant.campaigns.push(c.text());
                            }
                            if let Some(c) = cell(Col::Growth) {
                                variant.workforce_growth_pct_per_year =
                                    Some(number(c, false, lang)?);
                            }
                            for s in Segment::ALL {
                                if let Some(c) = cell(Col::Lapse(s)) {
                                    variant
                                        .lapse_pct_per_month
                                        .get_or_insert_with(BTreeMap::new)
                                        .insert(s, number(c, false, lang)?);
                                }
                            }
                        }
                        Kind::Settings => {
                            let value = cell(Col::Value).cloned().unwrap_or(Cell::Empty);
                            let k = normal(&key);
                            let is = |name: &dyn Fn(Lang) -> String| {
                                Lang::ALL.iter().any(|&l| normal(&name(l)) == k)
                            };
                            let c = |l: Lang| &l.texts().columns;
                            if is(&|l| c(l).setting_name.to_owned()) {
                                out.name = value.text();
                            } else if is(&|l| c(l).setting_end.to_owned()) {
                                out.end = month(&value, lang)?;
                            } else if is(&|l| c(l).setting_notes.to_owned()) {
                                out.notes = match &value {
                                    Cell::Text(t) => t.clone(),
                                    other => other.text(),
                                };
                            } else if is(&|l| header(Col::Growth, l)) {
                                out.assumptions.workforce_growth_pct_per_year =
                                    number(&value, false, lang)?;
                            } else if let Some(s) = Segment::ALL
                                .into_iter()
                                .find(|&s| is(&|l| header(Col::Lapse(s), l)))
                            {
                                out.assumptions
                                    .lapse_pct_per_month
                                    .insert(s, number(&value, false, lang)?);
                            } else if let Some(col) =
                                uncertainty_cols().find(|&col| is(&|l| header(col, l)))
                            {
                                let u = out.assumptions.uncertainty.get_or_insert_default();
                                apply_uncertainty(u, col, &value, lang)?;
                            } else {
                                return Err((gt.not_one_of)(
                                    &key,
                                    &settings_rows(scenario, lang)
                                        .iter()
                                        .map(|(k, _)| k.clone())
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                ));
                            }
                            counts.settings += 1;
                        }
                    }
                    Ok(())
                })();
                if let Err(message) = result {
                    fail(message);
                }
            }
        }
    }
    (out, counts, problems)
}

/// A region added by an import: the code, and what a new region starts with.
fn blank_region(code: &str, scenario: &Scenario) -> Region {
    // A code the national catalogue knows brings its name and province.
    let known = crate::model::catalogue::by_code(code);
    let province = known
        .and_then(|e| crate::model::catalogue::province(&e.province_code))
        .map_or_else(String::new, |p| p.name.clone());
    Region {
        code: code.to_owned(),
        name: known.map_or_else(String::new, |e| e.name.clone()),
        province,
        as_of: scenario
            .regions
            .last()
            .map_or_else(|| scenario.end.clone(), |r| r.as_of.clone()),
        workforce: 0.0,
        workforce_source: String::new(),
        active: BTreeMap::new(),
        new_per_month: BTreeMap::new(),
        lapse_pct_per_month: BTreeMap::new(),
        targets: Vec::new(),
        actuals: Vec::new(),
        fitted: Vec::new(),
        note: String::new(),
    }
}
