//! The scenario and its projection as one XLSX workbook: sheets for the scenario's settings,
//! regions, targets, actuals, campaigns and variants (the tables an import reads back), the
//! monthly projection and the budget by fiscal year and payer. Numbers are stored as numbers
//! with number formats, the header row is frozen, columns are wide enough to read, headers are
//! in the interface language, and no text cell can start a formula.

use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::tables::{Cell, Col, Kind, fitted_text, header, settings_rows, sheet_name};
use crate::engine::{Budget, Projection};
use crate::i18n::Lang;
use crate::model::{Payer, Scenario, Segment};

/// How a column's numbers are shown.
#[derive(Clone, Copy)]
enum Shape {
    Text,
    Whole,
    Decimal,
}

fn shape(col: Col) -> Shape {
    match col {
        Col::Workforce
        | Col::Active(_)
        | Col::ActiveTotal
        | Col::New(_)
        | Col::People
        | Col::Contribution
        | Col::OneOff
        | Col::RampMonths
        | Col::FundedMonths => Shape::Whole,
        Col::Lapse(_)
        | Col::TargetPct
        | Col::Retention
        | Col::Growth
        | Col::UptakeLow
        | Col::UptakeMode
        | Col::UptakeHigh
        | Col::LapseSpread(_)
        | Col::NewSpread(_)
        | Col::GrowthSpread => Shape::Decimal,
        _ => Shape::Text,
    }
}

struct Formats {
    header: Format,
    whole: Format,
    decimal: Format,
    /// Text that would start a formula (`=`, `+`, `-`, `@`) is marked as text, so a
    /// spreadsheet shows it and never evaluates it.
    guarded: Format,
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    shape: Shape,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Number(v) => match shape {
            Shape::Decimal => {
                sheet.write_number_with_format(row, col, *v, &f.decimal)?;
            }
            Shape::Whole => {
                sheet.write_number_with_format(row, col, *v, &f.whole)?;
            }
            // A column of mixed values (the scenario's settings): shown as it is.
            Shape::Text => {
                sheet.write_number(row, col, *v)?;
            }
        },
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@']) => {
            sheet.write_string_with_format(row, col, t, &f.guarded)?;
        }
        Cell::Text(t) => {
            sheet.write_string(row, col, t)?;
        }
    }
    Ok(())
}

/// A sheet with a bold, frozen header row and columns sized to their content (within reason).
fn table(
    book: &mut Workbook,
    name: &str,
    headers: &[String],
    shapes: &[Shape],
    rows: &[Vec<Cell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in headers.iter().enumerate() {
        let c16 = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c16, h, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r32 = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c16 = u16::try_from(c).unwrap_or(u16::MAX);
            write_cell(
                sheet,
                r32,
                c16,
                cell,
                shapes.get(c).copied().unwrap_or(Shape::Text),
                f,
            )?;
            // Widths from the first thousand rows: enough to size a column, cheap for 60,000.
            if r < 1000 {
                let len = match cell {
                    Cell::Empty => 0,
                    Cell::Text(t) => t.chars().count(),
                    Cell::Number(v) => format!("{v:.0}").len() + 3,
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(len);
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let c16 = u16::try_from(c).unwrap_or(u16::MAX);
        #[allow(clippy::cast_precision_loss)]
        sheet.set_column_width(c16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_owned())
    }
}

fn opt(v: Option<&f64>) -> Cell {
    v.map_or(Cell::Empty, |v| Cell::Number(*v))
}

/// The rows of one of the tables an import reads, in the order of `kind.columns()`.
#[must_use]
pub fn rows(scenario: &Scenario, kind: Kind, lang: Lang) -> Vec<Vec<Cell>> {
    let t = &lang.texts().ui;
    match kind {
        Kind::Settings => settings_rows(scenario, lang)
            .into_iter()
            .map(|(k, v)| vec![Cell::Text(k), v])
            .collect(),
        Kind::Regions => scenario
            .regions
            .iter()
            .map(|r| {
                let mut row = vec![
                    text(&r.code),
                    text(&r.name),
                    text(&r.province),
                    text(&r.as_of.to_string()),
                    Cell::Number(r.workforce),
                    text(&r.workforce_source),
                ];
                row.extend(Segment::ALL.iter().map(|s| opt(r.active.get(s))));
                row.extend(Segment::ALL.iter().map(|s| opt(r.new_per_month.get(s))));
                row.extend(
                    Segment::ALL
                        .iter()
                        .map(|s| opt(r.lapse_pct_per_month.get(s))),
                );
                row.push(text(&fitted_text(&r.fitted)));
                row.push(text(&r.note));
                row
            })
            .collect(),
        Kind::Targets => scenario
            .regions
            .iter()
            .flat_map(|r| {
                r.targets.iter().map(|tg| {
                    vec![
                        text(&r.code),
                        text(&tg.month.to_string()),
                        Cell::Number(tg.pct),
                        text(&tg.note),
                    ]
                })
            })
            .collect(),
        Kind::Actuals => scenario
            .regions
            .iter()
            .flat_map(|r| {
                r.actuals.iter().map(|a| {
                    let mut row = vec![
                        text(&r.code),
                        text(&a.month.to_string()),
                        Cell::Number(a.active),
                    ];
                    row.extend(Segment::ALL.iter().map(|s| opt(a.by_segment.get(s))));
                    row.push(text(&a.note));
                    row
                })
            })
            .collect(),
        Kind::Campaigns => scenario
            .campaigns
            .iter()
            .map(|c| {
                vec![
                    text(&c.name),
                    text(&c.region),
                    text(c.segment.code()),
                    text((t.payer)(c.payer)),
                    text(&c.start.to_string()),
                    Cell::Number(c.people),
                    text((t.ramp)(c.ramp)),
                    Cell::Number(f64::from(c.ramp_months)),
                    c.funded_months
                        .map_or(Cell::Empty, |m| Cell::Number(f64::from(m))),
                    Cell::Number(c.retention_pct),
                    Cell::Number(c.contribution_rp),
                    Cell::Number(c.one_off_rp),
                    Cell::Number(if c.enabled { 1.0 } else { 0.0 }),
                    c.uptake_pct.map_or(Cell::Empty, |u| Cell::Number(u.0)),
                    c.uptake_pct.map_or(Cell::Empty, |u| Cell::Number(u.1)),
                    c.uptake_pct.map_or(Cell::Empty, |u| Cell::Number(u.2)),
                    text(&c.note),
                ]
            })
            .collect(),
        Kind::Variants => {
            let mut out = Vec::new();
            for v in &scenario.variants {
                // The variant's own rates on its first row; one row per campaign switched on.
                let mut first = vec![
                    text(&v.name),
                    v.campaigns.first().map_or(Cell::Empty, |c| text(c)),
                    v.workforce_growth_pct_per_year
                        .map_or(Cell::Empty, Cell::Number),
                ];
                first.extend(
                    Segment::ALL
                        .iter()
                        .map(|s| opt(v.lapse_pct_per_month.as_ref().and_then(|m| m.get(s)))),
                );
                out.push(first);
                for c in v.campaigns.iter().skip(1) {
                    out.push(vec![text(&v.name), text(c)]);
                }
            }
            out
        }
    }
}

/// The workbook's bytes.
///
/// # Errors
/// When the workbook cannot be assembled (a sheet name refused, say).
pub fn workbook(
    scenario: &Scenario,
    projection: &Projection,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    build(scenario, projection, lang).map_err(|e| e.to_string())
}

fn build(scenario: &Scenario, projection: &Projection, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        header: Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin),
        whole: Format::new().set_num_format("#,##0"),
        decimal: Format::new().set_num_format("0.00"),
        guarded: Format::new().set_quote_prefix(),
    };
    let mut book = Workbook::new();
    // Most of the time of a national workbook is compressing its XML: level 2 writes it in
    // about half the time of the default for a file about a tenth larger.
    book.set_zip_compression_level(2);
    for kind in Kind::IN_ORDER {
        let cols = kind.columns();
        let headers: Vec<String> = cols.iter().map(|&c| header(c, lang)).collect();
        let shapes: Vec<Shape> = cols.iter().map(|&c| shape(c)).collect();
        table(
            &mut book,
            sheet_name(kind, lang),
            &headers,
            &shapes,
            &rows(scenario, kind, lang),
            &f,
        )?;
    }
    // The projection, a row per region per month, then ALL.
    let h = &lang.texts().sheet;
    let headers: Vec<String> = super::spreadsheet::projection_header(lang)
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let shapes = [
        Shape::Text,
        Shape::Text,
        Shape::Text,
        Shape::Whole,
        Shape::Whole,
        Shape::Decimal,
        Shape::Decimal,
        Shape::Whole,
        Shape::Whole,
    ];
    let mut rows_out = Vec::new();
    for (region, p) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = p else { continue };
        for k in 0..p.series.len() {
            let s = &p.series;
            rows_out.push(vec![
                Cell::Text(s.month(k).to_string()),
                text(&region.code),
                text(&region.name),
                Cell::Number(s.workforce[k].round()),
                Cell::Number(s.active[k].round()),
                Cell::Number((s.coverage_pct(k) * 100.0).round() / 100.0),
                opt(p.target_at(s.month(k)).as_ref()),
                opt(p.gap_at(k).map(f64::round).as_ref()),
                Cell::Number(s.cost(k).round()),
            ]);
        }
    }
    if let Some(total) = &projection.total {
        for k in 0..total.len() {
            rows_out.push(vec![
                Cell::Text(total.month(k).to_string()),
                Cell::Text("ALL".into()),
                Cell::Text("ALL".into()),
                Cell::Number(total.workforce[k].round()),
                Cell::Number(total.active[k].round()),
                Cell::Number((total.coverage_pct(k) * 100.0).round() / 100.0),
                Cell::Empty,
                Cell::Empty,
                Cell::Number(total.cost(k).round()),
            ]);
        }
    }
    let c = &lang.texts().columns;
    table(&mut book, c.projection, &headers, &shapes, &rows_out, &f)?;
    // The budget by fiscal year and payer.
    let mut headers = vec![h.year.to_owned()];
    headers.extend(
        Payer::ALL
            .iter()
            .map(|&p| (lang.texts().ui.payer)(p).to_owned()),
    );
    headers.push(h.total.to_owned());
    let mut shapes = vec![Shape::Text];
    shapes.extend(std::iter::repeat_n(Shape::Whole, Payer::COUNT + 1));
    let years = projection
        .budget
        .as_ref()
        .map(Budget::fiscal_years)
        .unwrap_or_default();
    let rows_out: Vec<Vec<Cell>> = years
        .iter()
        .map(|y| {
            let mut row = vec![Cell::Text(y.year.to_string())];
            row.extend(y.by_payer.iter().map(|v| Cell::Number(v.round())));
            row.push(Cell::Number(y.total().round()));
            row
        })
        .collect();
    table(&mut book, c.budget, &headers, &shapes, &rows_out, &f)?;
    book.save_to_buffer()
}
