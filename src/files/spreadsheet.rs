//! CSV for a spreadsheet in the user's language: Indonesian spreadsheets read `;` between
//! fields and `,` as the decimal mark, English ones `,` and `.`. The file starts with a UTF-8
//! byte-order mark so names with accents open correctly, and numbers carry no thousands
//! separator, so every cell is read as a number.

use super::csv::{CsvFormat, Table, projection_table};
use crate::engine::{Budget, Projection, Reached, analyse_targets};
use crate::i18n::Lang;
use crate::model::{Payer, Scenario};

/// The columns of the projection in `lang`, for the CSV and the workbook.
pub(super) fn projection_header(lang: Lang) -> [&'static str; 9] {
    let h = &lang.texts().sheet;
    [
        h.month,
        h.code,
        h.region,
        h.workforce,
        h.active,
        h.coverage_pct,
        h.target_pct,
        h.gap,
        h.cost_rp,
    ]
}

/// The projection: a row per region per month, then ALL.
#[must_use]
pub fn projection_sheet(scenario: &Scenario, projection: &Projection, lang: Lang) -> String {
    let header = projection_header(lang);
    projection_table(
        scenario,
        projection,
        None,
        CsvFormat::spreadsheet(lang),
        &header,
    )
}

/// Each region's targets against the projection.
#[must_use]
pub fn targets_sheet(scenario: &Scenario, projection: &Projection, lang: Lang) -> String {
    let h = &lang.texts().sheet;
    let mut sheet = Table::new(
        CsvFormat::spreadsheet(lang),
        &[
            h.code,
            h.region,
            h.target_month,
            h.target_pct,
            h.projected_pct,
            h.gap,
            h.reached,
        ],
    );
    let mut rows = Vec::new();
    for (region, p) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = p else { continue };
        for o in analyse_targets(p) {
            rows.push(vec![
                sheet.text(&region.code),
                sheet.text(&region.name),
                o.month.to_string(),
                sheet.number(o.pct, 2),
                o.projected_pct
                    .map(|v| sheet.number(v, 2))
                    .unwrap_or_default(),
                o.gap
                    .map(|g| sheet.number(g.round(), 0))
                    .unwrap_or_default(),
                // Only a level held at the target's month counts as reached there.
                match o.reached {
                    Reached::At { month, .. } => month.to_string(),
                    _ => String::new(),
                },
            ]);
        }
    }
    for row in rows {
        sheet.row(row.into_iter());
    }
    sheet.finish()
}

/// One of the scenario's own tables (regions, targets, actuals, campaigns, variants,
/// settings) as a spreadsheet CSV: what an import reads back. Numbers are written exactly.
#[must_use]
pub fn data_sheet(scenario: &Scenario, kind: super::tables::Kind, lang: Lang) -> String {
    use super::tables::{Cell, header};
    let headers: Vec<String> = kind.columns().iter().map(|&c| header(c, lang)).collect();
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut sheet = Table::new(CsvFormat::spreadsheet(lang), &header_refs);
    let decimal = CsvFormat::spreadsheet(lang).decimal.to_string();
    for row in super::workbook::rows(scenario, kind, lang) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Empty => String::new(),
                Cell::Text(t) => sheet.text(t),
                Cell::Number(v) => format!("{}", v + 0.0).replace('.', &decimal),
            })
            .collect();
        sheet.row(cells.into_iter());
    }
    sheet.finish()
}

/// Public cost per fiscal year by payer, for all regions.
#[must_use]
pub fn budget_sheet(projection: &Projection, lang: Lang) -> String {
    let h = &lang.texts().sheet;
    let payer_names: Vec<&str> = Payer::ALL
        .iter()
        .map(|&p| (lang.texts().ui.payer)(p))
        .collect();
    let mut header = vec![h.year];
    header.extend(&payer_names);
    header.push(h.total);
    let mut sheet = Table::new(CsvFormat::spreadsheet(lang), &header);
    let years = projection
        .budget
        .as_ref()
        .map(Budget::fiscal_years)
        .unwrap_or_default();
    for y in years {
        let mut row = vec![y.year.to_string()];
        row.extend(y.by_payer.iter().map(|c| sheet.number(c.round(), 0)));
        row.push(sheet.number(y.total().round(), 0));
        sheet.row(row.into_iter());
    }
    sheet.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::project;
    use crate::files;

    #[test]
    fn indonesian_sheets_use_semicolons_and_decimal_commas() {
        let s = files::parse(files::SAMPLE, "s").unwrap();
        let p = project(&s);
        let id = projection_sheet(&s, &p, Lang::Id);
        let first = id.lines().nth(1).unwrap();
        assert_eq!(
            first,
            "2024-12;16.06;Kabupaten Musi Banyuasin;213582;88958;41,65;52,15;22425;0"
        );
        assert!(id.starts_with('\u{feff}'));
        let en = projection_sheet(&s, &p, Lang::En);
        assert_eq!(
            en.lines().nth(1).unwrap(),
            "2024-12,16.06,Kabupaten Musi Banyuasin,213582,88958,41.65,52.15,22425,0"
        );
        let budget = budget_sheet(&p, Lang::Id);
        assert!(
            budget
                .lines()
                .any(|l| l.starts_with("2025;") && l.ends_with(";4972800000")),
            "{budget}"
        );
        let targets = targets_sheet(&s, &p, Lang::En);
        assert!(
            targets
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("16.06,Kabupaten Musi Banyuasin,2025-12,52.15,56.09,")
        );
    }
}
