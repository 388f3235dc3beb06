//! Calendar months: the unit of every projection step.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar month, counted from January of year 0 so that months subtract and compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

/// Why a text is not a month; the message is shown to the user as written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a month: write it as YYYY-MM, for example 2025-07")]
pub struct MonthParseError {
    pub text: String,
}

impl Month {
    /// The month of `year` numbered `month` (1 = January); `None` when `month` is not 1..=12
    /// or the year is outside 1000..=9999.
    #[must_use]
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
            return None;
        }
        #[allow(clippy::cast_possible_wrap)] // month <= 12
        Some(Self(year * 12 + month as i32 - 1))
    }

    #[must_use]
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 = January .. 12 = December.
    #[must_use]
    pub fn month_of_year(self) -> u32 {
        #[allow(clippy::cast_sign_loss)] // rem_euclid(12) is 0..12
        let m = self.0.rem_euclid(12) as u32;
        m + 1
    }

    /// The month `n` months later (earlier when negative).
    #[must_use]
    pub fn plus(self, n: i32) -> Self {
        Self(self.0.saturating_add(n))
    }

    /// Months from `earlier` to `self` (negative when `self` is before `earlier`).
    #[must_use]
    pub fn since(self, earlier: Self) -> i32 {
        self.0.saturating_sub(earlier.0)
    }

    /// A number that grows by one per month, for plot axes.
    #[must_use]
    pub fn ordinal(self) -> i32 {
        self.0
    }

    #[must_use]
    pub fn from_ordinal(ordinal: i32) -> Self {
        Self(ordinal)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month_of_year())
    }
}

impl FromStr for Month {
    type Err = MonthParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || MonthParseError {
            text: text.to_owned(),
        };
        let trimmed = text.trim();
        let (year, month) = trimmed.split_once('-').ok_or_else(err)?;
        if year.len() != 4 || !(1..=2).contains(&month.len()) {
            return Err(err());
        }
        if !year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let year: i32 = year.parse().map_err(|_| err())?;
        let month: u32 = month.parse().map_err(|_| err())?;
        Self::new(year, month).ok_or_else(err)
    }
}

/// A month field of the document. Text that is not a month is kept as written, so that a
/// typo in a file or a cell is reported by validation instead of being lost or guessed at.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum MonthField {
    Valid(Month),
    Invalid(String),
}

impl MonthField {
    #[must_use]
    pub fn month(&self) -> Option<Month> {
        match self {
            Self::Valid(m) => Some(*m),
            Self::Invalid(_) => None,
        }
    }

    /// Parses text the way the file does: keeps it when it is not a month.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        match text.parse() {
            Ok(m) => Self::Valid(m),
            Err(_) => Self::Invalid(text.to_owned()),
        }
    }

    /// The month, or why this field is not one.
    ///
    /// # Errors
    /// When the field holds text that is not a month.
    pub fn get(&self) -> Result<Month, MonthParseError> {
        match self {
            Self::Valid(m) => Ok(*m),
            Self::Invalid(text) => Err(MonthParseError { text: text.clone() }),
        }
    }
}

impl From<Month> for MonthField {
    fn from(m: Month) -> Self {
        Self::Valid(m)
    }
}

impl From<String> for MonthField {
    fn from(text: String) -> Self {
        Self::parse(&text)
    }
}

impl From<MonthField> for String {
    fn from(field: MonthField) -> Self {
        field.to_string()
    }
}

impl fmt::Display for MonthField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Valid(m) => m.fmt(f),
            Self::Invalid(text) => f.write_str(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_months() {
        let m: Month = "2025-07".parse().unwrap();
        assert_eq!((m.year(), m.month_of_year()), (2025, 7));
        assert_eq!(m.to_string(), "2025-07");
        assert_eq!("2025-7".parse::<Month>().unwrap(), m);
        assert_eq!(m.plus(6).to_string(), "2026-01");
        assert_eq!(m.plus(-7).to_string(), "2024-12");
        assert_eq!(m.plus(6).since(m), 6);
    }

    #[test]
    fn rejects_what_is_not_a_month() {
        for bad in [
            "2025-13",
            "2025-00",
            "2025",
            "25-07",
            "2025-07-01",
            "abcd-ef",
            "",
            "2025-+1",
        ] {
            assert!(bad.parse::<Month>().is_err(), "{bad} should not parse");
        }
        let field = MonthField::parse("2025-13");
        assert_eq!(field, MonthField::Invalid("2025-13".into()));
        assert_eq!(field.to_string(), "2025-13");
        assert!(
            field
                .get()
                .unwrap_err()
                .to_string()
                .contains("\"2025-13\" is not a month")
        );
    }
}
