//! CSV for a spreadsheet in the user's language: Indonesian spreadsheets read `;` between
//! fields and `,` as the decimal mark, English ones `,` and `.`. The file starts with a UTF-8
//! byte-order mark so names with accents open correctly, and numbers carry no thousands
//! separator, so every cell is read as a number.

use std::fmt::Write as _;

use crate::engine::{Budget, Projection, Reached, analyse_targets};
use crate::i18n::Lang;
use crate::model::{Payer, Scenario};

/// Field separator and decimal mark for `lang`.
#[must_use]
pub fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => (';', ','),
        Lang::En => (',', '.'),
    }
}

struct Sheet {
    out: String,
    sep: char,
    decimal: char,
}

impl Sheet {
    fn new(lang: Lang, header: &[&str]) -> Self {
        let (sep, decimal) = marks(lang);
        let mut sheet = Self {
            out: String::from('\u{feff}'),
            sep,
            decimal,
        };
        sheet.row(header.iter().map(|h| (*h).to_owned()));
        sheet
    }

    fn text(&self, s: &str) -> String {
        if s.contains([self.sep, '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    }

    fn number(&self, x: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, x + 0.0);
        if self.decimal == '.' {
            text
        } else {
            text.replace('.', &self.decimal.to_string())
        }
    }

    fn row(&mut self, cells: impl Iterator<Item = String>) {
        let line: Vec<String> = cells.collect();
        let sep = self.sep.to_string();
        let _ = writeln!(self.out, "{}", line.join(&sep));
    }
}

/// The projection: a row per region per month, then ALL.
#[must_use]
pub fn projection_sheet(scenario: &Scenario, projection: &Projection, lang: Lang) -> String {
    let h = &lang.texts().sheet;
    let mut sheet = Sheet::new(
        lang,
        &[
            h.month,
            h.code,
            h.region,
            h.workforce,
            h.active,
            h.coverage_pct,
            h.target_pct,
            h.gap,
            h.cost_rp,
        ],
    );
    let mut rows = Vec::new();
    for (region, p) in scenario.regions.iter().zip(&projection.regions) {
        let Some(p) = p else { continue };
        for k in 0..p.series.len() {
            let month = p.series.month(k);
            rows.push(vec![
                month.to_string(),
                sheet.text(&region.code),
                sheet.text(&region.name),
                sheet.number(p.series.workforce[k].round(), 0),
                sheet.number(p.series.active[k].round(), 0),
                sheet.number(p.series.coverage_pct[k], 2),
                p.target_at(month)
                    .map(|t| sheet.number(t, 2))
                    .unwrap_or_default(),
                p.gap_at(k)
                    .map(|g| sheet.number(g.round(), 0))
                    .unwrap_or_default(),
                sheet.number(p.series.cost[k].round(), 0),
            ]);
        }
    }
    if let Some(total) = &projection.total {
        for k in 0..total.len() {
            rows.push(vec![
                total.month(k).to_string(),
                "ALL".to_owned(),
                "ALL".to_owned(),
                sheet.number(total.workforce[k].round(), 0),
                sheet.number(total.active[k].round(), 0),
                sheet.number(total.coverage_pct[k], 2),
                String::new(),
                String::new(),
                sheet.number(total.cost[k].round(), 0),
            ]);
        }
    }
    for row in rows {
        sheet.row(row.into_iter());
    }
    sheet.out
}

/// Each region's targets against the projection.
#[must_use]
pub fn targets_sheet(scenario: &Scenario, projection: &Projection, lang: Lang) -> String {
    let h = &lang.texts().sheet;
    let mut sheet = Sheet::new(
        lang,
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
                match o.reached {
                    Reached::At(m) => m.to_string(),
                    Reached::NotByEnd => String::new(),
                },
            ]);
        }
    }
    for row in rows {
        sheet.row(row.into_iter());
    }
    sheet.out
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
    let mut sheet = Sheet::new(lang, &header);
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
    sheet.out
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
                .any(|l| l.starts_with("2025;") && l.ends_with(";5350800000")),
            "{budget}"
        );
        let targets = targets_sheet(&s, &p, Lang::En);
        assert!(
            targets
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("16.06,Kabupaten Musi Banyuasin,2025-12,52.15,54.52,")
        );
    }
}
