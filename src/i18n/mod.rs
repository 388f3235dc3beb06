//! Interface text and number formats in Indonesian and English. Every string the user reads
//! lives in one file per language (`en.rs`, `id.rs`); a third language is one more file and
//! one more [`Lang`] variant.

mod en;
mod id;
mod numbers;

use serde::{Deserialize, Serialize};

use crate::model::{Issue, Problem, Severity, Subject};

/// The interface language, which also decides how numbers are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Id,
}

impl Lang {
    pub const ALL: [Self; 2] = [Self::En, Self::Id];

    /// The first choice: Indonesian when the system locale says so, else English.
    #[must_use]
    pub fn from_system() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .map_or(Self::En, |v| Self::from_locale(&v))
    }

    /// `id`, `id_ID.UTF-8`, `in` (an old code for Indonesian) mean Indonesian.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("id") || lower.starts_with("in_") || lower == "in" {
            Self::Id
        } else {
            Self::En
        }
    }

    /// The short code used on the command line: `en` or `id`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Id => "id",
        }
    }

    #[must_use]
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::En => &en::TEXTS,
            Self::Id => &id::TEXTS,
        }
    }

    /// Thousands separator and decimal mark.
    #[must_use]
    pub fn marks(self) -> (char, char) {
        match self {
            Self::En => (',', '.'),
            Self::Id => ('.', ','),
        }
    }

    /// "Subject, field: problem" in this language, for lists and the CLI.
    #[must_use]
    pub fn describe(self, issue: &Issue) -> String {
        let t = self.texts();
        let subject = match &issue.subject {
            Subject::Scenario => t.scenario.to_owned(),
            Subject::Region { index, code } => format!("{} {} ({code})", t.region, index + 1),
            Subject::Campaign { index, name } => format!("{} {} ({name})", t.campaign, index + 1),
        };
        let severity = match issue.severity() {
            Severity::Error => t.error,
            Severity::Warning => t.warning,
        };
        format!(
            "{severity}: {subject}, {}: {}",
            issue.field,
            (t.problem)(&issue.problem)
        )
    }
}

/// All the text of the interface in one language.
pub struct Texts {
    pub lang_name: &'static str,
    pub months: [&'static str; 12],
    /// Words for 10^3, 10^6, 10^9, 10^12 after a short rupiah amount.
    pub magnitudes: [&'static str; 4],
    pub error: &'static str,
    pub warning: &'static str,
    /// After a count: "3 errors".
    pub errors: &'static str,
    pub warnings: &'static str,
    pub scenario: &'static str,
    pub region: &'static str,
    pub campaign: &'static str,
    pub problem: fn(&Problem) -> String,
    pub summary: SummaryTexts,
}

/// Text of the `summary` command.
pub struct SummaryTexts {
    pub coverage_now: &'static str,
    pub not_projected: &'static str,
    pub targets: &'static str,
    pub no_targets: &'static str,
    pub target: &'static str,
    pub projected: &'static str,
    pub gap: &'static str,
    pub reached: &'static str,
    pub not_by_end: &'static str,
    pub needed: &'static str,
    pub already_met: &'static str,
    pub unreachable: &'static str,
    pub needed_note: &'static str,
    pub cost_per_year: &'static str,
    pub no_cost: &'static str,
    pub total: &'static str,
    pub all_regions: &'static str,
}
