//! Reading what people and spreadsheets write: numbers with either decimal mark, months in
//! the many ways a planner or a spreadsheet writes them.

use super::Lang;
use crate::model::Month;

/// Reads a number pasted from a spreadsheet in either language: `213.582`, `213,582`,
/// `1.234.567,25`, `48,26`, `4.5`, `Rp16.800`, `52,15 %`. One separator followed by exactly
/// three digits is a thousands separator in a column of whole numbers (people, rupiah) and a
/// decimal mark elsewhere.
///
/// # Errors
/// A message for the user, in their language.
pub fn read_number(text: &str, whole: bool, lang: Lang) -> Result<f64, String> {
    let t = lang.texts();
    let cleaned: String = text
        .trim()
        .trim_start_matches("Rp")
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '\'')
        .collect();
    if cleaned.is_empty() {
        return Err(t.ui.cell_empty.to_owned());
    }
    let bad = || (t.grid.not_number)(text);
    let (sign, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, cleaned.as_str()),
    };
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || body.is_empty()
    {
        return Err(bad());
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let (thousands, decimal) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let after = body.rsplit(mark).next().unwrap_or("");
            if dots + commas > 1 || (whole && after.len() == 3) {
                (Some(mark), None)
            } else {
                (None, Some(mark))
            }
        }
        _ => {
            // Both: the last one is the decimal mark.
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            if last_dot > last_comma {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    let (int_part, frac) = match decimal {
        Some(d) => match body.split_once(d) {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        },
        None => (body, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let groups: Vec<&str> = match thousands {
        Some(sep) => int_part.split(sep).collect(),
        None => vec![int_part],
    };
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok
        || groups.concat().is_empty()
        || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let value: f64 = format!("{}.{}", groups.concat(), frac.unwrap_or("0"))
        .parse()
        .map_err(|_| bad())?;
    if value.is_finite() {
        Ok(sign * value)
    } else {
        Err(bad())
    }
}

const LONG_MONTHS: [[&str; 12]; 2] = [
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
    ],
];

/// The month of a name in either language, long or short: `Jul`, `Juli`, `Agu`, `August`.
fn month_of_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    for names in LONG_MONTHS {
        for (k, name) in names.iter().enumerate() {
            if *name == w || (w.len() == 3 && name.starts_with(&w)) {
                return u32::try_from(k + 1).ok();
            }
        }
    }
    // Short forms that are not the start of the long name: Agu, Okt, Des, Sept.
    match w.as_str() {
        "agu" | "agt" => Some(8),
        "okt" => Some(10),
        "des" => Some(12),
        "sept" => Some(9),
        _ => None,
    }
}

/// Reads a month written as a planner or a spreadsheet writes it: `2025-07`, `2025-07-01`,
/// `Jul 2025`, `Juli 2025`, `July 2025`, `Jul-25`, `07/2025`, a date `16/07/2025` (day first
/// in Indonesian, month first in English), or a spreadsheet date serial such as `45839`.
#[must_use]
pub fn read_month(text: &str, lang: Lang) -> Option<Month> {
    let trimmed = text.trim();
    if let Ok(m) = trimmed.parse::<Month>() {
        return Some(m);
    }
    let year = |s: &str| -> Option<i32> {
        let y: i32 = s.trim().parse().ok()?;
        match s.trim().len() {
            2 => Some(2000 + y),
            4 => Some(y),
            _ => None,
        }
    };
    // A spreadsheet's date serial: days since 30 Dec 1899, from 2000 (36526) to 2049 (54788)
    // only: "20257", a month typed without its dash, is not read as a day in 1955.
    if trimmed.len() == 5
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && let Ok(serial) = trimmed.parse::<i64>()
        && (36_526..=54_788).contains(&serial)
    {
        return civil(serial - 25_569);
    }
    let parts: Vec<&str> = trimmed
        .split(['-', '/', ' ', '.', ','])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [a, b] => {
            if let Some(m) = month_of_name(a) {
                return Month::new(year(b)?, m);
            }
            let (y, m) = if a.len() == 4 { (a, b) } else { (b, a) };
            Month::new(year(y)?, m.parse().ok()?)
        }
        [a, b, c] => {
            if let Some(m) = month_of_name(b) {
                return Month::new(year(c)?, m);
            }
            if a.len() == 4 {
                return Month::new(year(a)?, b.parse().ok()?);
            }
            let month = match lang {
                Lang::Id => b,
                Lang::En => a,
            };
            Month::new(year(c)?, month.parse().ok()?)
        }
        _ => None,
    }
}

/// Year, month (1-12) and day of a day counted from 1 Jan 1970 (Howard Hinnant's
/// civil-from-days).
#[must_use]
pub fn civil_date(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The month of a day counted from 1 Jan 1970.
#[must_use]
pub fn civil(days: i64) -> Option<Month> {
    let (year, month, _) = civil_date(days);
    Month::new(i32::try_from(year).ok()?, u32::try_from(month).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_either_way() {
        for lang in Lang::ALL {
            assert_eq!(read_number("213.582", true, lang), Ok(213_582.0));
            assert_eq!(read_number("213,582", true, lang), Ok(213_582.0));
            assert_eq!(read_number("48,26", false, lang), Ok(48.26));
            assert_eq!(read_number("48.26", false, lang), Ok(48.26));
            assert_eq!(read_number("1.234.567,25", true, lang), Ok(1_234_567.25));
            assert_eq!(read_number("1,234,567.25", true, lang), Ok(1_234_567.25));
            assert_eq!(read_number("Rp16.800", true, lang), Ok(16_800.0));
            assert_eq!(read_number("4,5 %", false, lang), Ok(4.5));
            assert_eq!(read_number("1 234", true, lang), Ok(1234.0));
            assert!(read_number("12a000", true, lang).is_err());
            assert!(read_number("1.23.4", true, lang).is_err());
            assert!(read_number("", true, lang).is_err());
            assert!(read_number("-", true, lang).is_err());
        }
    }

    #[test]
    fn months_written_the_ways_spreadsheets_and_people_do() {
        let jul = Month::new(2025, 7);
        for text in [
            "2025-07",
            "2025-07-01",
            "Jul 2025",
            "Juli 2025",
            "July 2025",
            "jul-25",
            "07/2025",
            "45839",
            "2025/7",
        ] {
            assert_eq!(read_month(text, Lang::Id), jul, "{text}");
        }
        assert_eq!(read_month("16/07/2025", Lang::Id), jul);
        assert_eq!(read_month("7/16/2025", Lang::En), jul);
        assert_eq!(read_month("Agu 2025", Lang::En), Month::new(2025, 8));
        assert_eq!(read_month("Des 2025", Lang::En), Month::new(2025, 12));
        assert_eq!(read_month("2025-13", Lang::En), None);
        // A month typed without its dash is not a spreadsheet's day.
        assert_eq!(read_month("20257", Lang::Id), None);
        assert_eq!(read_month("36526", Lang::Id), Month::new(2000, 1));
        assert_eq!(read_month("54788", Lang::Id), Month::new(2049, 12));
        assert_eq!(read_month("54789", Lang::Id), None);
        assert_eq!(read_month("soon", Lang::En), None);
    }
}
