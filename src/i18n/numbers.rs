//! Numbers, money, percentages and months as the user writes them.

use super::Lang;
use crate::model::Month;

impl Lang {
    /// `x` with `decimals` decimals and grouped thousands: `103.079` / `103,079`.
    #[must_use]
    pub fn number(self, x: f64, decimals: usize) -> String {
        if !x.is_finite() {
            return "–".to_owned();
        }
        let (thousands, decimal) = self.marks();
        let digits = format!("{:.*}", decimals, x.abs());
        let (int_part, frac) = digits.split_once('.').unwrap_or((&digits, ""));
        let mut out = String::with_capacity(digits.len() + 8);
        if x < 0.0 && digits.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            out.push('-');
        }
        let len = int_part.len();
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push(thousands);
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
        out
    }

    /// A value as typed: whole numbers without decimals, others with up to two.
    #[must_use]
    pub fn plain(self, x: f64) -> String {
        if x.fract() == 0.0 {
            return self.number(x, 0);
        }
        let decimal = self.marks().1;
        self.number(x, 2)
            .trim_end_matches('0')
            .trim_end_matches(decimal)
            .to_owned()
    }

    /// Whole people: `103.079`.
    #[must_use]
    pub fn people(self, x: f64) -> String {
        self.number(x.round(), 0)
    }

    /// A target's gap in people: the whole people still to enroll when short
    /// ([`crate::engine::whole_people_short`]), else as [`Self::people`].
    #[must_use]
    pub fn people_short(self, gap: f64) -> String {
        self.people(crate::engine::whole_people_short(gap))
    }

    /// A percentage with two decimals: `48,26 %`.
    #[must_use]
    pub fn pct(self, x: f64) -> String {
        format!("{} %", self.number(x, 2))
    }

    /// A chance from 0 to 1 as a whole percentage: `38 %`; never `0 %` or `100 %` for what
    /// is only nearly so.
    #[must_use]
    pub fn chance(self, c: f64) -> String {
        if c > 0.0 && c < 0.01 {
            format!("< {} %", self.number(1.0, 0))
        } else if c < 1.0 && c > 0.99 {
            format!("> {} %", self.number(99.0, 0))
        } else {
            format!("{} %", self.number(c * 100.0, 0))
        }
    }

    /// Any number, however large, in a few characters: `1e308` as `1,0 × 10^308`, others as
    /// typed.
    #[must_use]
    pub fn short_number(self, x: f64) -> String {
        if x.is_finite() && x.abs() >= 1e15 {
            let exponent = x.abs().log10().floor();
            format!(
                "{} × 10^{exponent}",
                self.number(x / 10f64.powf(exponent), 1)
            )
        } else {
            self.plain(x)
        }
    }

    /// A day as "1 Des 2026" (month names in the language).
    #[must_use]
    pub fn date(self, unix_seconds: u64) -> String {
        let text = self.date_time(unix_seconds);
        text.split(',').next().unwrap_or_default().to_owned()
    }

    /// A moment as "25 Nov 2026, 05:40 UTC" (month names in the language).
    #[must_use]
    pub fn date_time(self, unix_seconds: u64) -> String {
        let days = i64::try_from(unix_seconds / 86_400).unwrap_or(0);
        let minutes = unix_seconds % 86_400 / 60;
        let (year, month, day) = super::reading::civil_date(days);
        let name = usize::try_from(month - 1)
            .ok()
            .and_then(|m| self.texts().months.get(m))
            .copied()
            .unwrap_or("?");
        format!(
            "{day} {name} {year}, {:02}:{:02} UTC",
            minutes / 60,
            minutes % 60
        )
    }

    /// A change in percent with its sign: `+19,7 %`, `-0,3 %`.
    #[must_use]
    pub fn signed_pct(self, x: f64, decimals: usize) -> String {
        let sign = if x > 0.0 && self.number(x, decimals) != self.number(0.0, decimals) {
            "+"
        } else {
            ""
        };
        format!("{sign}{} %", self.number(x, decimals))
    }

    /// Whole rupiah: `Rp16.800`.
    #[must_use]
    pub fn rp(self, x: f64) -> String {
        format!("Rp{}", self.number(x.round(), 0))
    }

    /// Rupiah in words for large amounts: `Rp3,02 miliar` / `Rp3.02 billion`, `Rp42 juta`.
    #[must_use]
    pub fn rp_short(self, x: f64) -> String {
        let scales = [1e12, 1e9, 1e6];
        let words = self.texts().magnitudes;
        for (scale, word) in scales.iter().zip([words[3], words[2], words[1]]) {
            if x.abs() >= *scale {
                // Two decimals, or none when both are 0: amounts in a column line up
                // ("Rp10,89" above "Rp11,90", not "Rp11,9"), and round ones read as words do.
                let mut n = self.number(x / scale, 2);
                let zeros = format!("{}00", self.marks().1);
                if let Some(whole) = n.strip_suffix(&zeros) {
                    n = whole.to_owned();
                }
                return format!("Rp{n} {word}");
            }
        }
        self.rp(x)
    }

    /// `Jul 2025` / `Agu 2025`.
    #[must_use]
    pub fn month(self, m: Month) -> String {
        let name = self.texts().months[(m.month_of_year() as usize).saturating_sub(1) % 12];
        format!("{name} {}", m.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(Lang::Id.people(103_079.0), "103.079");
        assert_eq!(Lang::En.people(103_079.0), "103,079");
        assert_eq!(Lang::Id.pct(48.2598), "48,26 %");
        assert_eq!(Lang::En.pct(48.2598), "48.26 %");
        assert_eq!(Lang::Id.rp(16_800.0), "Rp16.800");
        assert_eq!(Lang::Id.rp_short(3_024_000_000.0), "Rp3,02 miliar");
        assert_eq!(Lang::En.rp_short(3_024_000_000.0), "Rp3.02 billion");
        assert_eq!(Lang::Id.rp_short(42_000_000.0), "Rp42 juta");
        assert_eq!(Lang::Id.rp_short(205_700_000_000.0), "Rp205,70 miliar");
        assert_eq!(Lang::Id.rp_short(11_900_000_000.0), "Rp11,90 miliar");
        assert_eq!(Lang::En.rp_short(1_500_000_000_000.0), "Rp1.50 trillion");
        assert_eq!(Lang::En.number(-1234.5, 1), "-1,234.5");
        assert_eq!(Lang::En.number(-0.001, 0), "0");
        assert_eq!(Lang::En.number(999.0, 0), "999");
        assert_eq!(Lang::Id.plain(-45_000.0), "-45.000");
        assert_eq!(Lang::Id.plain(4.5), "4,5");
        assert_eq!(Lang::En.number(f64::NAN, 0), "–");
        let m = Month::new(2025, 8).unwrap();
        assert_eq!(Lang::Id.month(m), "Agu 2025");
        assert_eq!(Lang::En.month(m), "Aug 2025");
    }

    #[test]
    fn language_from_locale() {
        assert_eq!(Lang::from_locale("id_ID.UTF-8"), Lang::Id);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }
}
