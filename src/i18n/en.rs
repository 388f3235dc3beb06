//! English.

use super::{Lang, SummaryTexts, Texts};
use crate::model::Problem;

const L: Lang = Lang::En;

pub static TEXTS: Texts = Texts {
    lang_name: "English",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    magnitudes: ["thousand", "million", "billion", "trillion"],
    error: "error",
    warning: "warning",
    errors: "errors",
    warnings: "warnings",
    scenario: "scenario",
    region: "region",
    campaign: "campaign",
    problem,
    summary: SummaryTexts {
        coverage_now: "coverage now",
        not_projected: "not projected: fix the errors above",
        targets: "targets",
        no_targets: "no targets",
        target: "target",
        projected: "projected",
        gap: "net gap",
        reached: "reached",
        not_by_end: "not by the end",
        needed: "enrollments needed",
        already_met: "already met",
        unreachable: "not reachable with that campaign",
        needed_note: "enrollments needed: self-paid BPU workers enrolled evenly from the month after as-of to the target month, lapsing at the region's BPU rate (gross, not net)",
        cost_per_year: "public cost per fiscal year",
        no_cost: "no public cost",
        total: "total",
        all_regions: "ALL regions",
    },
};

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotAMonth { text } => {
            format!("\"{text}\" is not a month: write YYYY-MM, for example 2025-07")
        }
        Problem::Negative { value } => format!("must not be negative (is {})", L.plain(*value)),
        Problem::NotFinite => "must be a number".to_owned(),
        Problem::PercentOutOfRange { value } => {
            format!(
                "must be a percentage from 0 to 100 (is {})",
                L.plain(*value)
            )
        }
        Problem::ZeroWorkforce => "the workforce must be more than 0".to_owned(),
        Problem::UnknownRegion { code } => format!("no region has the code \"{code}\""),
        Problem::DuplicateCode { first_index } => {
            format!("the same code as region {}", first_index + 1)
        }
        Problem::EndBeforeAsOf { end, as_of } => format!(
            "the scenario ends ({}) before this region's figures ({})",
            L.month(*end),
            L.month(*as_of)
        ),
        Problem::TooManyMonths { months } => {
            format!("{months} months to the end; at most 600 can be projected")
        }
        Problem::CoverageAbove100 { pct } => format!(
            "coverage is {}: more active participants than workforce",
            L.pct(*pct)
        ),
        Problem::TargetAfterEnd { month, end } => format!(
            "the target ({}) is after the scenario's end ({}): it cannot be checked",
            L.month(*month),
            L.month(*end)
        ),
        Problem::EnrollmentBeforeAsOf { as_of } => format!(
            "enrollment at or before the region's figures ({}) is taken to be in them already and is ignored",
            L.month(*as_of)
        ),
        Problem::StartsAfterEnd { end } => format!(
            "starts after the scenario's end ({}): it has no effect",
            L.month(*end)
        ),
        Problem::ZeroMonths => "must be at least 1 month".to_owned(),
        Problem::EmptyCode => "every region needs a code".to_owned(),
        Problem::NewerFormat { found, supported } => {
            format!("format {found} is newer than this program reads (up to {supported})")
        }
    }
}
