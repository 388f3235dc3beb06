//! Interface text and number formats in Indonesian and English. Every string the user reads
//! lives in one file per language (`en.rs`, `id.rs`); a third language is one more file and
//! one more [`Lang`] variant.

mod calib;
mod en;

use std::fmt::Write as _;
mod id;
mod numbers;
pub mod reading;

use serde::{Deserialize, Serialize};

use crate::model::{Field, Issue, Payer, Problem, Ramp, Severity, Subject};

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

    /// Text from a file quoted in a message: control characters escaped, and a long value
    /// cut with its length ("xxxx… (2.000.000 karakter)").
    #[must_use]
    pub fn quoted(self, text: &str) -> String {
        let short = shown(text);
        if text.chars().nth(SHOWN_CHARS).is_none() {
            return short.into_owned();
        }
        #[allow(clippy::cast_precision_loss)] // a count of characters
        let n = self.people(text.chars().count() as f64);
        format!("{short} ({n} {})", self.texts().characters)
    }

    /// When a target is reached, in the words every view uses: "Sep 2025", "Sep 2025, below
    /// again from May 2026", "reached Jul 2025, below again from Sep 2025", "not by the end".
    #[must_use]
    pub fn reached(self, reached: &crate::engine::Reached) -> String {
        use crate::engine::Reached;
        let t = self.texts();
        match *reached {
            Reached::At {
                month,
                below_again: None,
            } => self.month(month),
            Reached::At {
                month,
                below_again: Some(below),
            } => (t.status.below_again)(&self.month(month), &self.month(below)),
            Reached::Lost { month, below_again } => {
                (t.status.lost)(&self.month(month), &self.month(below_again))
            }
            Reached::After(month) => (t.status.late)(&self.month(month)),
            Reached::NotByEnd => t.summary.not_by_end.to_owned(),
            Reached::BeforeStart => t.status.before_start.to_owned(),
        }
    }

    /// The name of the ALL total and, when regions are left out of it, one line for each:
    /// "ALL: 3 of 4 regions" and "Provinsi Bengkulu left out: workforce must be more than 0".
    #[must_use]
    pub fn all_scope(
        self,
        scenario: &crate::model::Scenario,
        projection: &crate::engine::Projection,
    ) -> (String, Vec<String>) {
        let t = self.texts();
        let left_out = projection.left_out();
        if left_out.is_empty() {
            return (t.ui.all_regions.to_owned(), Vec::new());
        }
        let of = scenario.regions.len();
        let lines = left_out
            .iter()
            .map(|&index| {
                let name = scenario
                    .regions
                    .get(index)
                    .map_or_else(String::new, |r| shown(&r.name).into_owned());
                (t.status.left_out)(&name, &self.why_not_projected(projection, index))
            })
            .collect();
        ((t.status.all_of)(of - left_out.len(), of), lines)
    }

    /// The first error that stops region `index`, as "field: problem" (the field as the
    /// tables call it).
    #[must_use]
    pub fn why_not_projected(self, projection: &crate::engine::Projection, index: usize) -> String {
        let t = self.texts();
        projection
            .report
            .issues
            .iter()
            .filter(|i| i.severity() == Severity::Error)
            .find(|i| match &i.subject {
                Subject::Region { index: r, .. } => *r == index,
                Subject::Scenario => true,
                _ => false,
            })
            .map_or_else(
                || t.summary.not_projected.to_owned(),
                |i| format!("{}: {}", self.field_name(i.field), (t.problem)(&i.problem)),
            )
    }

    /// A rate's value as a planner reads it: "499 a month", "4,00 % a month".
    #[must_use]
    pub fn rate_value(self, rate: crate::model::Rate, value: f64) -> String {
        let a_month = self.texts().calib.a_month;
        match rate {
            crate::model::Rate::NewPerMonth(_) => format!("{} {a_month}", self.people(value)),
            crate::model::Rate::Lapse(_) => format!("{} {a_month}", self.pct(value)),
        }
    }

    /// Where a rate comes from: "assumed", "own", "fitted to Jul 2025".
    #[must_use]
    pub fn rate_source(self, source: &crate::model::RateSource) -> String {
        let t = &self.texts().calib;
        match source {
            crate::model::RateSource::Assumed => t.source_assumed.to_owned(),
            crate::model::RateSource::Own => t.source_own.to_owned(),
            crate::model::RateSource::Fitted(months) => {
                let months: Vec<String> = months
                    .iter()
                    .map(|m| match m {
                        crate::model::MonthField::Valid(m) => self.month(*m),
                        crate::model::MonthField::Invalid(text) => text.clone(),
                    })
                    .collect();
                (t.source_fitted)(&months.join(", "))
            }
        }
    }

    /// What a field is called where planners see it (a table's column, a target's or a
    /// reported figure's number), in this language: "Actual 1 · Active", "Lapse % per month BPU".
    #[must_use]
    pub fn field_name(self, field: Field) -> String {
        use crate::files::tables::Col;
        let t = self.texts();
        let col = |c| (t.columns.name)(c);
        let nth = |word: &str, i: usize, what: String| {
            let mut word = word.to_owned();
            if let Some(first) = word.get(..1) {
                word.replace_range(..1, &first.to_uppercase());
            }
            format!("{word} {} · {what}", i + 1)
        };
        match field {
            Field::Format => field.to_string(),
            Field::End => t.ui.scenario_end.to_owned(),
            Field::Lapse(s) => col(Col::Lapse(s)),
            Field::Growth => col(Col::Growth),
            Field::Code => col(Col::Code),
            Field::AsOf => col(Col::AsOf),
            Field::Workforce => col(Col::Workforce),
            Field::Active(s) => col(Col::Active(s)),
            Field::NewPerMonth(s) => col(Col::New(s)),
            Field::TargetMonth(i) => nth(t.ui.target_word, i, col(Col::Month)),
            Field::TargetPct(i) => nth(t.ui.target_word, i, col(Col::TargetPct)),
            Field::ActualMonth(i) => nth(t.ui.actual_word, i, col(Col::Month)),
            Field::ActualActive(i) => nth(t.ui.actual_word, i, col(Col::ActiveTotal)),
            Field::ActualSegment(i, s) => nth(t.ui.actual_word, i, col(Col::Active(s))),
            Field::Region => col(Col::Region),
            Field::Start => col(Col::Start),
            Field::People => col(Col::People),
            Field::RampMonths => col(Col::RampMonths),
            Field::FundedMonths => col(Col::FundedMonths),
            Field::Retention => col(Col::Retention),
            Field::Contribution => col(Col::Contribution),
            Field::OneOff => col(Col::OneOff),
            Field::VariantName | Field::Name => col(Col::Name),
            Field::Notes => t.ui.notes.to_owned(),
            Field::Province => col(Col::Province),
            Field::WorkforceSource => col(Col::Source),
            Field::VariantCampaign(i) => nth(t.ui.campaign_word, i, col(Col::Name)),
            Field::Runs => col(Col::Runs),
            Field::LapseSpread(s) => col(Col::LapseSpread(s)),
            Field::NewSpread(s) => col(Col::NewSpread(s)),
            Field::GrowthSpread => col(Col::GrowthSpread),
            Field::Uptake => t.uncertainty.uptake.to_owned(),
        }
    }

    /// "Subject, field (its name in the file): problem" in this language, for the CLI, which
    /// is read next to the file.
    #[must_use]
    pub fn describe(self, issue: &Issue) -> String {
        self.describing(issue, true)
    }

    /// "Subject, field: problem" in this language, for the window's lists: the field as the
    /// tables call it.
    #[must_use]
    pub fn describe_in_window(self, issue: &Issue) -> String {
        self.describing(issue, false)
    }

    fn describing(self, issue: &Issue, with_file_name: bool) -> String {
        let t = self.texts();
        let subject = match &issue.subject {
            Subject::Scenario => t.scenario.to_owned(),
            Subject::Region { index, code } => {
                format!("{} {} ({})", t.region, index + 1, shown(code))
            }
            Subject::Campaign { index, name } => {
                format!("{} {} ({})", t.campaign, index + 1, shown(name))
            }
            Subject::Variant { index, name } => {
                format!("{} {} ({})", t.variant, index + 1, shown(name))
            }
        };
        let severity = match issue.severity() {
            Severity::Error => t.error,
            Severity::Warning => t.warning,
        };
        let mut field = self.field_name(issue.field);
        let in_file = issue.field.to_string();
        if with_file_name && in_file != field {
            let _ = write!(field, " ({in_file})");
        }
        format!(
            "{severity}: {subject}, {field}: {}",
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
    pub variant: &'static str,
    pub problem: fn(&Problem) -> String,
    /// After a count of characters: "2,000,000 characters".
    pub characters: &'static str,
    pub summary: SummaryTexts,
    pub status: StatusTexts,
    pub recovery: RecoveryTexts,
    pub outside: OutsideTexts,
    pub calib: CalibTexts,
    pub grid: GridTexts,
    pub columns: ColumnTexts,
    pub import: ImportTexts,
    pub catalogue: CatalogueTexts,
    pub uncertainty: UncertaintyTexts,
    pub ui: UiTexts,
    pub sheet: SheetTexts,
}

/// Column names of the spreadsheet CSV files.
pub struct SheetTexts {
    pub month: &'static str,
    pub code: &'static str,
    pub region: &'static str,
    pub workforce: &'static str,
    pub active: &'static str,
    pub coverage_pct: &'static str,
    pub target_pct: &'static str,
    pub gap: &'static str,
    pub cost_rp: &'static str,
    pub target_month: &'static str,
    pub projected_pct: &'static str,
    pub reached: &'static str,
    pub year: &'static str,
    pub total: &'static str,
}

/// Text from a file as a name is shown: at most [`SHOWN_CHARS`] characters (longer text ends
/// in "…"; validation says how long it is), control characters as `\u{1b}`, so that no file
/// can make a label or a message unbounded or drive the terminal.
#[must_use]
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    clipped(text, SHOWN_CHARS)
}

/// The same with at most `max` characters: a name where room is short (a chart's label),
/// cut with "…" and nothing more, since the audience reads it.
#[must_use]
pub fn clipped(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let long = text.chars().nth(max).is_some();
    if !long && !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    for c in text.chars().take(max) {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if long {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// Text from a file as a message quotes it: control characters escaped and, beyond `max`
/// characters, cut with its length said, so that a 1 MB value gives a short message.
#[must_use]
pub fn shortened(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().take(max) {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    if text.chars().nth(max).is_some() {
        let _ = write!(out, "… ({} characters)", text.chars().count());
    }
    out
}

/// How much of a name a label shows.
pub const SHOWN_CHARS: usize = 200;

/// A message shown on its own: a capital first letter and a full stop.
#[must_use]
pub fn sentence(text: String) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return text;
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Words for where a target stands and what ALL holds, the same in every view.
pub struct StatusTexts {
    /// "Sep 2025, below again from May 2026": met at its month, lost later.
    pub below_again: fn(&str, &str) -> String,
    /// "reached Jul 2025, below again from Sep 2025": short at its month.
    pub lost: fn(&str, &str) -> String,
    /// "only in Mar 2026": short at its month, reached later.
    pub late: fn(&str) -> String,
    /// A target dated before the region's figures: not judged.
    pub before_start: &'static str,
    /// "ALL: 3 of 4 regions".
    pub all_of: fn(usize, usize) -> String,
    /// "Provinsi Bengkulu left out: workforce must be more than 0".
    pub left_out: fn(&str, &str) -> String,
    /// The plot's note when the selected regions cannot be projected.
    pub not_projected_named: fn(&str, &str) -> String,
}

/// The calibration sentence from the fitted values, the held (name, value) pairs, the largest
/// remaining error and the number of reported figures.
pub type SentenceFn = fn(&[String], &[(String, String)], &str, usize) -> String;

/// The question when the open file changed on disk, and the warning when another window has
/// it open.
pub struct OutsideTexts {
    pub title: &'static str,
    pub changed: fn(&str) -> String,
    pub reload: &'static str,
    pub reload_hint: &'static str,
    pub save_as: &'static str,
    pub overwrite: &'static str,
    pub overwrite_hint: &'static str,
    pub compare: &'static str,
    pub later: &'static str,
    pub same: &'static str,
    pub settings_differ: &'static str,
    pub only_on_disk: fn(&str, &str) -> String,
    pub only_here: fn(&str, &str) -> String,
    pub differs: fn(&str, &str) -> String,
    pub more: fn(usize) -> String,
    pub open_elsewhere: fn(&str, &str, &str) -> String,
    pub region_word: &'static str,
    pub campaign_word: &'static str,
    pub variant_word: &'static str,
}

/// Uncertainty: ranges, bands, chances, what matters most.
pub struct UncertaintyTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub enable: &'static str,
    pub enable_hint: &'static str,
    pub runs: &'static str,
    pub seed: &'static str,
    pub lapse_spread: &'static str,
    pub new_spread: &'static str,
    pub growth_spread: &'static str,
    pub spread_hint: &'static str,
    pub uptake: &'static str,
    pub uptake_hint: &'static str,
    pub low: &'static str,
    pub mode: &'static str,
    pub high: &'static str,
    pub no_spread: &'static str,
    pub not_run: &'static str,
    pub no_block: &'static str,
    pub chance: &'static str,
    /// Target level, month, chance: "Chance of reaching 52.15 % by Dec 2025: 38 %".
    pub chance_of: fn(&str, &str, &str) -> String,
    /// Percent done: "Uncertainty runs: 40 %".
    pub running: fn(usize) -> String,
    /// Runs the bands are from: "from 1,000 runs".
    pub from_runs: fn(&str) -> String,
    pub median: &'static str,
    /// Target: "What moves coverage at 52.15 % Dec 2025".
    pub what_matters: fn(&str) -> String,
    pub what_matters_hint: &'static str,
    pub at_low: &'static str,
    pub at_high: &'static str,
    pub lapse_of: fn(&str) -> String,
    pub new_of: fn(&str) -> String,
    pub growth: &'static str,
    pub uptake_of: fn(&str) -> String,
    /// Wanted chance: "People for an 80 % chance".
    pub seek_chance: fn(&str) -> String,
    pub seek_chance_hint: &'static str,
    pub range_hint: &'static str,
    /// Under the coverage plot's title, with the number of runs.
    pub bands_line: fn(&str) -> String,
    /// The bands of a chart key, in a few words.
    pub bands_short: &'static str,
    /// Input, low end, high end: "Moves it most: Lapse BPU (52.77 % to 60.24 %)".
    pub moves_most: fn(&str, &str, &str) -> String,
    pub col_uptake: &'static str,
}

/// File > New from the catalogue.
pub struct CatalogueTexts {
    pub menu: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub all: &'static str,
    pub filter_hint: &'static str,
    /// A province's line: name, code, how many regencies and cities.
    pub province_line: fn(&str, &str, usize) -> String,
    pub share: &'static str,
    pub share_hint: &'static str,
    pub share_bad: &'static str,
    pub as_of: &'static str,
    pub chosen: fn(usize) -> String,
    pub create: &'static str,
    pub use_entry: &'static str,
}

/// The import dialog and the workbook export.
pub struct ImportTexts {
    pub menu_import: &'static str,
    pub menu_export: &'static str,
    pub title: &'static str,
    pub read_as: &'static str,
    pub not_read_sheet: &'static str,
    pub ignored: &'static str,
    /// Before a column's header: what the column is read as.
    pub column_of: &'static str,
    pub all_read: &'static str,
    /// Every row that can be read is already in the plan: Import has nothing to do.
    pub nothing_new: &'static str,
    pub not_read: fn(usize) -> String,
    pub import: &'static str,
    pub import_hint: &'static str,
    /// After an import: what it did.
    pub imported: fn(&str) -> String,
    pub exported: &'static str,
}

/// Column headers and sheet names of the workbook, and what import says.
pub struct ColumnTexts {
    pub name: fn(crate::files::tables::Col) -> String,
    pub sheet: fn(crate::files::tables::Kind) -> &'static str,
    pub setting_name: &'static str,
    pub setting_end: &'static str,
    pub setting_notes: &'static str,
    pub projection: &'static str,
    pub budget: &'static str,
    /// "Regions, row 5 (15.06): Workforce: ...": sheet, row, its code or name, why.
    pub row_problem: fn(&str, usize, &str, &str) -> String,
    /// What a merge did: regions added and updated, and so on.
    pub counts: fn(&crate::files::tables::Counts) -> String,
    pub nothing_found: &'static str,
}

/// The tables' spreadsheet keys and clipboard.
pub struct GridTexts {
    /// "row 3 (15.06), Workforce": the row on screen, its code or name, the column.
    pub place: fn(usize, &str, &str) -> String,
    /// "Copied 3 × 4 cells."
    pub copied: fn(usize, usize) -> String,
    /// "Pasted 40 cells, 2 new rows."
    pub pasted: fn(usize, usize) -> String,
    pub filled: fn(usize) -> String,
    pub cleared: fn(usize) -> String,
    /// "3 cells not read:"
    pub not_read: fn(usize) -> String,
    pub and_more: fn(usize) -> String,
    pub no_default: &'static str,
    /// Text read as a number either way (paste, import) that is not one.
    pub not_number: fn(&str) -> String,
    /// "\"BPUX\" is not one of PU, BPU, Jakon, PMI".
    pub not_one_of: fn(&str, &str) -> String,
    pub not_month: fn(&str) -> String,
    pub no_region: fn(&str) -> String,
    pub invalid_title: &'static str,
    /// Before saving with cells that are not values: how many, and what happens.
    pub invalid_intro: fn(usize) -> String,
    pub save_anyway: &'static str,
    pub keep_editing: &'static str,
    pub keys_help: &'static str,
    pub comments_title: &'static str,
    /// The file's name: its comments are not kept, notes are, the old file stays as `.bak`.
    pub comments_text: fn(&str) -> String,
    pub comments_save: &'static str,
}

/// The question at start when a window that did not close normally left unsaved work.
pub struct RecoveryTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub restore: &'static str,
    pub discard: &'static str,
    pub later: &'static str,
    pub restored: &'static str,
    /// "plan.ron, last changed 25 Nov 2026, 05:40 UTC".
    pub item: fn(&str, &str) -> String,
    pub unknown_time: &'static str,
}

/// Text of calibration, in the window and the `calibrate` command.
pub struct CalibTexts {
    pub title: &'static str,
    pub calibrate: &'static str,
    pub calibrate_hint: &'static str,
    pub calibrate_all: &'static str,
    pub what_to_fit: &'static str,
    pub default_choice: &'static str,
    pub apply: &'static str,
    pub apply_hint: &'static str,
    pub close: &'static str,
    pub cancel: &'static str,
    pub enrollment: &'static str,
    pub lapse: &'static str,
    pub col_rate: &'static str,
    pub col_was: &'static str,
    pub col_fitted: &'static str,
    pub col_reported: &'static str,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_error: &'static str,
    pub col_result: &'static str,
    pub total_word: &'static str,
    pub before_line: &'static str,
    pub after_line: &'static str,
    pub reported_points: &'static str,
    pub baseline: &'static str,
    pub baseline_hint: &'static str,
    pub source_assumed: &'static str,
    pub source_own: &'static str,
    pub use_scenario_rate: &'static str,
    pub no_regions_with_actuals: &'static str,
    pub applied: &'static str,
    pub a_month: &'static str,
    pub was: &'static str,
    pub region_col: &'static str,
    /// "nothing to fit: no actual reported after Dec 2024".
    pub nothing_to_calibrate: fn(&str) -> String,
    pub calibrate_all_title: &'static str,
    pub mark_fitted: &'static str,
    pub mark_assumed: &'static str,
    pub split_col: &'static str,
    pub stale: &'static str,
    pub add_split: &'static str,
    pub add_split_hint: &'static str,
    pub remove_split: &'static str,
    pub progress: fn(usize, usize) -> String,
    pub cancelled: fn(usize, usize) -> String,
    /// Changed, already fitted, could not be fitted, nothing to fit.
    pub done: fn(usize, usize, usize, usize) -> String,
    /// "fitted to Jul 2025".
    pub source_fitted: fn(&str) -> String,
    pub rate_name: fn(crate::model::Rate) -> String,
    /// One sentence: fitted values, what was held, how close the projection now passes.
    pub sentence: SentenceFn,
    pub confounded: fn(&str, &str, usize, &str) -> String,
    pub no_effect: fn(&str) -> String,
    pub at_limit: fn(&str) -> String,
    pub not_good: fn(&str) -> String,
    pub error: fn(&crate::engine::CalibrationError) -> String,
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
    /// After the first problems a command prints on stderr: how many more, and where they
    /// all are.
    pub more_problems: fn(usize) -> String,
}

/// Text of the window.
pub struct UiTexts {
    /// The plan's own line on a chart with bands.
    pub plan_line: &'static str,
    /// On the comparison slide: the keys that choose the region.
    pub compare_region_keys: &'static str,
    /// Chart marks on a region slide: "start" and "funding ends", before a campaign's name.
    pub campaign_starts: &'static str,
    pub funding_ends: &'static str,
    pub export_handout: &'static str,
    /// The size submenu: "Slide size: 1920×1080".
    pub slide_size: fn(&str) -> String,
    pub window_size: &'static str,
    /// Width and height: "Exporting the slides at 1920×1080…".
    pub exporting_slides: fn(u32, u32) -> String,
    /// Minutes: the second process exporting the slides was stopped after that long.
    pub export_timed_out: fn(u64) -> String,
    /// "page" in the handout's footer.
    pub page_word: &'static str,
    pub deck_title: &'static str,
    pub deck_hint: &'static str,
    /// The list that adds a single region's slide to the deck.
    pub deck_add_region: &'static str,
    /// A kind of slide by its position in `SlideChoice::KINDS`.
    pub deck_kind: fn(usize) -> &'static str,
    /// A single region's slide, by code.
    pub deck_region: fn(&str) -> String,
    pub deck_usual: &'static str,
    pub move_up: &'static str,
    pub move_up_hint: &'static str,
    pub move_down: &'static str,
    pub move_down_hint: &'static str,
    /// The map slide's title, with the month.
    pub map_title: fn(&str) -> String,
    pub map_keys: &'static str,
    /// A band of the map's key by its position: very low, low, medium, high, no target.
    pub map_band: fn(usize) -> String,
    /// The same in a word, for the list beside the map.
    pub map_band_word: fn(usize) -> &'static str,
    pub map_no_region: &'static str,
    pub map_credit: &'static str,
    pub actual: &'static str,
    pub actual_month: &'static str,
    pub actuals: &'static str,
    pub add_actual: &'static str,
    pub add_campaign: &'static str,
    pub add_region: &'static str,
    pub add_target: &'static str,
    pub all_regions: &'static str,
    pub already_met: &'static str,
    pub assumption_mark: &'static str,
    pub campaign_word: &'static str,
    pub cancel: &'static str,
    /// The column and field of notes: where a figure comes from.
    pub notes_of_figures: &'static str,
    pub col_note: &'static str,
    pub actual_word: &'static str,
    pub target_word: &'static str,
    pub col_active: &'static str,
    pub col_active_reported: &'static str,
    pub col_as_of: &'static str,
    pub col_code: &'static str,
    pub col_contribution: &'static str,
    pub col_coverage_now: &'static str,
    pub col_funded_months: &'static str,
    pub col_gap: &'static str,
    pub col_month: &'static str,
    pub col_name: &'static str,
    pub col_needed: &'static str,
    pub col_next_target: &'static str,
    pub col_on: &'static str,
    pub col_one_off: &'static str,
    pub col_payer: &'static str,
    pub col_people: &'static str,
    pub col_projected: &'static str,
    pub col_province: &'static str,
    pub col_ramp: &'static str,
    pub col_ramp_months: &'static str,
    pub col_reached: &'static str,
    pub col_region: &'static str,
    pub col_retention: &'static str,
    pub col_segment: &'static str,
    pub col_source: &'static str,
    pub col_start: &'static str,
    pub col_status: &'static str,
    pub col_target_pct: &'static str,
    pub col_workforce: &'static str,
    pub copy: &'static str,
    pub coverage_now: &'static str,
    pub coverage_now_hint: &'static str,
    pub create_campaign: &'static str,
    pub create_campaign_hint: &'static str,
    pub delete: &'static str,
    pub delete_region_hint: &'static str,
    pub detail_title: &'static str,
    pub discard: &'static str,
    pub duplicate: &'static str,
    pub enabled_hint: &'static str,
    pub export_csv: &'static str,
    pub export_typed: &'static str,
    pub filter: &'static str,
    pub filter_campaigns_hint: &'static str,
    pub filter_regions_hint: &'static str,
    pub filter_problems_hint: &'static str,
    /// Problems the filter keeps, of all: "12 of 488".
    pub problems_shown: fn(usize, usize) -> String,
    pub funded_hint: &'static str,
    pub gap_hint: &'static str,
    pub go_to_problem: &'static str,
    pub goal_seek_plan: &'static str,
    pub growth: &'static str,
    pub language: &'static str,
    pub lapse: &'static str,
    pub lapse_in_use: &'static str,
    pub menu_edit: &'static str,
    pub menu_file: &'static str,
    pub menu_view: &'static str,
    pub new: &'static str,
    pub no_campaigns: &'static str,
    pub no_problems: &'static str,
    pub no_recent: &'static str,
    pub no_regions: &'static str,
    pub not_by_end: &'static str,
    pub not_projected: &'static str,
    pub notes: &'static str,
    pub ok: &'static str,
    pub only_selected_region: &'static str,
    pub open: &'static str,
    pub open_recent: &'static str,
    pub open_typed: &'static str,
    pub path: &'static str,
    pub pct_per_month: &'static str,
    pub pct_per_year: &'static str,
    pub per_month: &'static str,
    pub per_year: &'static str,
    pub plot_cost: &'static str,
    pub plot_coverage: &'static str,
    pub plot_scope: &'static str,
    pub plot_segments: &'static str,
    /// The three charts' short names, for the chooser of a small window.
    pub plot_choices: [&'static str; 3],
    pub quit: &'static str,
    pub redo: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    pub save_typed: &'static str,
    pub scenario_end: &'static str,
    pub scenario_end_hint: &'static str,
    pub scenario_name: &'static str,
    pub select_region_hint: &'static str,
    pub selected_regions: &'static str,
    pub show_problems: &'static str,
    pub sort_hint: &'static str,
    pub status_met: &'static str,
    pub status_on_track: &'static str,
    pub status_short: &'static str,
    pub tab_assumptions: &'static str,
    pub tab_campaigns: &'static str,
    pub tab_problems: &'static str,
    pub tab_regions: &'static str,
    pub target: &'static str,
    pub target_month: &'static str,
    pub target_pct: &'static str,
    pub targets: &'static str,
    pub to_the_end: &'static str,
    pub today: &'static str,
    pub typed_path_help: &'static str,
    pub undo: &'static str,
    pub unreachable: &'static str,
    pub unreachable_hint: &'static str,
    pub unsaved_changes: &'static str,
    pub unsaved_title: &'static str,
    pub untitled: &'static str,
    pub no_dialog: &'static str,
    pub saved: &'static str,
    pub exported: &'static str,
    pub cell_empty: &'static str,
    pub dismiss: &'static str,
    pub coverage_of: fn(&str, &str, &str, &str) -> String,
    pub lapse_explained: fn(f64) -> String,
    pub payer: fn(Payer) -> &'static str,
    pub problem_count: fn(usize, usize) -> String,
    pub ramp: fn(Ramp) -> &'static str,
    pub seek_campaign_name: fn(&str, &str) -> String,
    pub seek_explained: fn(bool, bool) -> String,
    pub unsaved_question: fn(&str) -> String,
    pub cell_not_number: fn(&str, char) -> String,
    /// A whole number written with three digits after the decimal mark, as the other
    /// language writes thousands: the text, the mark, and what to type for the thousands.
    pub cell_thousands_or_decimal: fn(&str, char, &str) -> String,
    pub add_baseline: &'static str,
    pub add_variant: &'static str,
    pub add_variant_hint: &'static str,
    pub at_end: &'static str,
    pub baseline_name: &'static str,
    pub baseline_word: &'static str,
    pub budget_title: &'static str,
    pub by_word: &'static str,
    pub campaigns_and_cost: &'static str,
    pub col_campaigns_on: &'static str,
    pub col_growth_override: &'static str,
    pub col_lapse_override: &'static str,
    pub compare_scope: &'static str,
    pub compare_title: &'static str,
    pub copied: &'static str,
    pub copy_image: &'static str,
    pub coverage_word: &'static str,
    pub cost_word: &'static str,
    pub export_slides: &'static str,
    pub export_spreadsheet: &'static str,
    pub keep: &'static str,
    /// "page 1 of 2" on an overview that pages.
    pub page_of: fn(usize, usize) -> String,
    /// A region slide's sentence: name, level, month (and more for each case).
    pub headline_met: fn(&str, &str, &str) -> String,
    /// name, level, month, lowest coverage after, the month it falls below, the campaign
    /// whose funding ends then.
    pub headline_lost: fn(&str, &str, &str, &str, &str, Option<&str>) -> String,
    /// name, level, month, people short.
    pub headline_short: fn(&str, &str, &str, &str) -> String,
    /// Title and assumptions slides.
    pub figures_as_of: fn(&str) -> String,
    pub assumptions_title: &'static str,
    pub lapse_per_month: &'static str,
    /// The presenter footer's short words for saving and copying the slide.
    pub present_save: &'static str,
    pub present_copy: &'static str,
    /// On a slide changed by what-if: the changes are not saved.
    pub what_if_badge: &'static str,
    /// The dashed line of a slide before its what-if changes.
    pub before_changes: &'static str,
    pub keep_changes_question: &'static str,
    pub keep_changes_title: &'static str,
    pub leave_presenter: &'static str,
    pub month_earlier: &'static str,
    pub month_later: &'static str,
    pub new_variant_name: &'static str,
    pub no_additional: &'static str,
    pub no_campaigns_on: &'static str,
    pub no_variants: &'static str,
    pub off_word: &'static str,
    pub on_word: &'static str,
    pub overview_title: &'static str,
    pub people_less: &'static str,
    pub people_more: &'static str,
    pub plan_shown: &'static str,
    pub present: &'static str,
    pub present_keys: &'static str,
    /// The same, short, for a narrow screen.
    pub present_keys_short: &'static str,
    pub quick_change: &'static str,
    pub quick_toggle_hint: &'static str,
    pub reached_in: &'static str,
    pub save_png: &'static str,
    pub show_it: &'static str,
    pub slides_exported: &'static str,
    pub tab_variants: &'static str,
    pub new_campaign: &'static str,
    pub menu_help: &'static str,
    pub shortcuts_title: &'static str,
    pub next_tab: &'static str,
    pub focus_menu: &'static str,
    /// After a yearly rate: "a year".
    pub per_year_unit: &'static str,
    /// Under the coverage chart while a cell holds text that is not a value: the first such
    /// cell and how many more.
    pub figures_without_typo: fn(&str, usize) -> String,
    pub previous_tab: &'static str,
    pub version_line: &'static str,
    pub typed_paths: &'static str,
    pub variant_col: &'static str,
    pub variants_hint: &'static str,
    pub working_plan: &'static str,
    pub cost_per_additional: fn(&str) -> String,
    pub needs_more: fn(&str, &str, &str) -> String,
    pub on_track_for: fn(&str, &str, &str) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clipped_name_ends_in_an_ellipsis_and_nothing_else() {
        let name = "PAKE KELAMBU: vulnerable workers paid by the regency";
        assert_eq!(clipped(name, 100), name);
        let cut = clipped(name, 40);
        assert_eq!(cut, "PAKE KELAMBU: vulnerable workers paid by…");
        assert_eq!(clipped("a\u{1b}b", 10), "a\\u{1b}b");
        assert!(shortened(name, 40).ends_with("(52 characters)"));
    }
}
