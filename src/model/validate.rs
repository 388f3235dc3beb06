//! Checks of a scenario: errors stop the projection of what they name, warnings do not.

use std::collections::HashMap;
use std::fmt;

use super::kinds::Segment;
use super::month::{Month, MonthField};
use super::scenario::{Campaign, Region, Scenario, SegmentMap, segment_value};

/// The longest projection a region may ask for (50 years).
pub const MAX_MONTHS: i32 = 600;
/// People and rupiah above this are not a plan but a typo (Indonesia's workforce is about
/// 1.5 x 10^8; the national budget about 3.6 x 10^15 rupiah a year, a campaign far below).
pub const MAX_AMOUNT: f64 = 1e12;
/// Workforce growth above this many percent a year is a typo.
pub const MAX_GROWTH_PCT: f64 = 100.0;
/// Names, codes and sources longer than this many characters are a pasted document, not a
/// name: the window shows them shortened and they stop what they name.
pub const MAX_NAME_CHARS: usize = 2_000;
/// More uncertainty runs than this are not needed for percentiles and would only hold memory.
pub const MAX_RUNS: u32 = 10_000;
/// A campaign enrolling more than this many percent of its plan is a typo.
pub const MAX_UPTAKE_PCT: f64 = 1_000.0;
/// The scenario's notes may be longer.
pub const MAX_NOTES_CHARS: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// What an issue is about: the scenario itself, one region or one campaign (by position).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Scenario,
    Region { index: usize, code: String },
    Campaign { index: usize, name: String },
    Variant { index: usize, name: String },
}

/// The field an issue names, as it is called in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Format,
    End,
    Lapse(Segment),
    Growth,
    Code,
    AsOf,
    Workforce,
    Active(Segment),
    NewPerMonth(Segment),
    TargetMonth(usize),
    TargetPct(usize),
    ActualMonth(usize),
    ActualActive(usize),
    /// A segment of an actual's reported split.
    ActualSegment(usize, Segment),
    Region,
    Start,
    People,
    RampMonths,
    FundedMonths,
    Retention,
    Contribution,
    OneOff,
    VariantName,
    VariantCampaign(usize),
    Name,
    Notes,
    Province,
    WorkforceSource,
    /// The uncertainty block's fields.
    Runs,
    LapseSpread(Segment),
    NewSpread(Segment),
    GrowthSpread,
    /// The scenario's uptake range, or a campaign's own.
    Uptake,
}

/// What is wrong, with the values involved, so the text can be written in any language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    NotAMonth {
        text: String,
    },
    Negative {
        value: f64,
    },
    NotFinite,
    PercentOutOfRange {
        value: f64,
    },
    ZeroWorkforce,
    UnknownRegion {
        code: String,
    },
    DuplicateCode {
        first_index: usize,
    },
    EndBeforeAsOf {
        end: Month,
        as_of: Month,
    },
    TooManyMonths {
        months: i32,
    },
    CoverageAbove100 {
        pct: f64,
    },
    TargetAfterEnd {
        month: Month,
        end: Month,
    },
    EnrollmentBeforeAsOf {
        as_of: Month,
    },
    StartsAfterEnd {
        end: Month,
    },
    ZeroMonths,
    EmptyCode,
    NewerFormat {
        found: u32,
        supported: u32,
    },
    UnknownCampaign {
        name: String,
    },
    /// Variants name campaigns, so two with one name are switched together.
    SameCampaignName {
        first_index: usize,
    },
    DuplicateVariant {
        first_index: usize,
    },
    EmptyName,
    /// A number beyond what makes sense for it.
    TooLarge {
        value: f64,
        max: f64,
    },
    /// Text longer than a name can be.
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A target dated before the region's figures: it was judged before the projection starts.
    TargetBeforeAsOf {
        as_of: Month,
    },
    /// A reported split by segment that does not add up to the reported total.
    SplitMismatch {
        sum: f64,
        total: f64,
    },
    /// Uncertainty with no runs.
    NoRuns,
    /// A triangular range whose low, mode and high are not in order.
    RangeOrder {
        low: f64,
        mode: f64,
        high: f64,
    },
    /// The projection passes 100 % coverage: more active participants than workforce, most
    /// likely a workforce figure too low or rates that keep too many.
    ProjectedAbove100 {
        month: Month,
        pct: f64,
    },
    /// The projection misses a reported figure by more than the engine's tolerance.
    ProjectionOff {
        month: Month,
        projected: f64,
        reported: f64,
    },
}

impl Problem {
    /// Errors stop the projection of what they name; warnings only inform.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            Self::CoverageAbove100 { .. }
            | Self::TargetAfterEnd { .. }
            | Self::EnrollmentBeforeAsOf { .. }
            | Self::StartsAfterEnd { .. }
            | Self::SameCampaignName { .. }
            | Self::TargetBeforeAsOf { .. }
            | Self::SplitMismatch { .. }
            | Self::ProjectedAbove100 { .. }
            | Self::ProjectionOff { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub subject: Subject,
    pub field: Field,
    pub problem: Problem,
}

impl Issue {
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }
}

/// All issues of a scenario, with quick answers to "may this region / campaign be projected?".
/// Where an issue is, for looking it up: the subject without its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Scenario,
    Region(usize),
    Campaign(usize),
    Variant(usize),
}

impl Subject {
    #[must_use]
    pub fn place(&self) -> Place {
        match self {
            Self::Scenario => Place::Scenario,
            Self::Region { index, .. } => Place::Region(*index),
            Self::Campaign { index, .. } => Place::Campaign(*index),
            Self::Variant { index, .. } => Place::Variant(*index),
        }
    }
}

/// Where the first issue at each place and field is.
type FirstAt = HashMap<(Place, Field), usize, std::hash::BuildHasherDefault<IndexHasher>>;

/// A hasher for keys made of the program's own small numbers (positions and field tags): a
/// rotate, an exclusive or and a multiply per number, where the standard hasher spends most of
/// the time of a national projection's warnings. The keys come from the program, not from
/// anyone choosing them to collide.
#[derive(Clone, Copy, Debug, Default)]
pub struct IndexHasher(u64);

impl std::hash::Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    #[allow(clippy::cast_sign_loss)] // the bits, not the value
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub issues: Vec<Issue>,
    /// The first issue at each place and field, so a table cell finds its own without going
    /// through every issue of a national scenario.
    first_at: FirstAt,
    scenario_ok: bool,
    /// No error in the uncertainty block or a campaign's uptake range.
    uncertainty_ok: bool,
    region_ok: Vec<bool>,
    campaign_ok: Vec<bool>,
    /// For each campaign, the index of the region it enrolls in, when there is one.
    campaign_region: Vec<Option<usize>>,
}

impl Report {
    /// Adds issues found later (the projection's check against reported figures).
    pub fn extend(&mut self, more: impl IntoIterator<Item = Issue>) {
        let more = more.into_iter();
        self.first_at.reserve(more.size_hint().0);
        self.issues.reserve(more.size_hint().0);
        for issue in more {
            self.first_at
                .entry((issue.subject.place(), issue.field))
                .or_insert(self.issues.len());
            self.issues.push(issue);
        }
    }

    /// The first issue at this place and field.
    #[must_use]
    pub fn issue_at(&self, place: Place, field: Field) -> Option<&Issue> {
        self.first_at
            .get(&(place, field))
            .and_then(|&i| self.issues.get(i))
    }

    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity() == Severity::Error)
    }

    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity() == severity)
            .count()
    }

    /// A region is projected when neither it nor the scenario has an error.
    #[must_use]
    pub fn region_ok(&self, index: usize) -> bool {
        self.scenario_ok && self.region_ok.get(index).copied().unwrap_or(false)
    }

    /// The uncertainty runs can go: no error in the ranges (the projection's own errors stop
    /// the regions they name, as always).
    #[must_use]
    pub fn uncertainty_ok(&self) -> bool {
        self.uncertainty_ok
    }

    /// A variant can be projected when it has no error.
    #[must_use]
    pub fn variant_ok(&self, index: usize) -> bool {
        !self.issues.iter().any(|i| {
            i.severity() == Severity::Error
                && matches!(&i.subject, Subject::Variant { index: v, .. } if *v == index)
        })
    }

    /// A campaign counts when it has no error and its region is projected.
    #[must_use]
    pub fn campaign_ok(&self, index: usize) -> bool {
        self.campaign_ok.get(index).copied().unwrap_or(false)
            && self
                .campaign_region(index)
                .is_some_and(|r| self.region_ok(r))
    }

    #[must_use]
    pub fn campaign_region(&self, index: usize) -> Option<usize> {
        self.campaign_region.get(index).copied().flatten()
    }
}

struct Checker {
    issues: Vec<Issue>,
    subject: Subject,
}

impl Checker {
    fn push(&mut self, field: Field, problem: Problem) {
        self.issues.push(Issue {
            subject: self.subject.clone(),
            field,
            problem,
        });
    }

    fn month(&mut self, field: Field, value: &MonthField) -> Option<Month> {
        match value {
            MonthField::Valid(m) => Some(*m),
            MonthField::Invalid(text) => {
                self.push(field, Problem::NotAMonth { text: text.clone() });
                None
            }
        }
    }

    /// A count of people or rupiah: finite, not negative, below [`MAX_AMOUNT`].
    fn amount(&mut self, field: Field, value: f64) -> bool {
        if !value.is_finite() {
            self.push(field, Problem::NotFinite);
            false
        } else if value < 0.0 {
            self.push(field, Problem::Negative { value });
            false
        } else if value > MAX_AMOUNT {
            self.push(
                field,
                Problem::TooLarge {
                    value,
                    max: MAX_AMOUNT,
                },
            );
            false
        } else {
            true
        }
    }

    /// A yearly growth rate: finite, above -100 % and at most [`MAX_GROWTH_PCT`].
    fn growth(&mut self, value: f64) {
        if !value.is_finite() {
            self.push(Field::Growth, Problem::NotFinite);
        } else if value <= -100.0 {
            self.push(Field::Growth, Problem::PercentOutOfRange { value });
        } else if value > MAX_GROWTH_PCT {
            self.push(
                Field::Growth,
                Problem::TooLarge {
                    value,
                    max: MAX_GROWTH_PCT,
                },
            );
        }
    }

    /// Text of at most `max` characters.
    fn text(&mut self, field: Field, value: &str, max: usize) -> bool {
        // Counting stops past the limit: a 2,000,000-character name costs no more than that.
        let chars = value.chars().take(max + 1).count();
        if chars > max {
            let chars = value.chars().count();
            self.push(field, Problem::TooLong { chars, max });
            false
        } else {
            true
        }
    }

    fn percent(&mut self, field: Field, value: f64) -> bool {
        if !value.is_finite() {
            self.push(field, Problem::NotFinite);
            false
        } else if !(0.0..=100.0).contains(&value) {
            self.push(field, Problem::PercentOutOfRange { value });
            false
        } else {
            true
        }
    }

    fn segment_amounts(&mut self, map: &SegmentMap, field: fn(Segment) -> Field) {
        for (&segment, &value) in map {
            self.amount(field(segment), value);
        }
    }

    fn lapses(&mut self, map: &SegmentMap) {
        for (&segment, &value) in map {
            self.percent(Field::Lapse(segment), value);
        }
    }

    fn has_error(&self, from: usize) -> bool {
        self.issues[from..]
            .iter()
            .any(|i| i.severity() == Severity::Error)
    }
}

/// Checks everything a projection relies on; never panics, whatever the document holds.
#[must_use]
pub fn validate(scenario: &Scenario) -> Report {
    let mut c = Checker {
        issues: Vec::new(),
        subject: Subject::Scenario,
    };
    let end = c.scenario(scenario);
    let scenario_ok = !c.has_error(0);

    let mut first_with_code: HashMap<&str, usize> = HashMap::with_capacity(scenario.regions.len());
    let mut region_ok = Vec::with_capacity(scenario.regions.len());
    let mut as_ofs = Vec::with_capacity(scenario.regions.len());
    for (index, region) in scenario.regions.iter().enumerate() {
        let from = c.issues.len();
        c.subject = Subject::Region {
            index,
            code: region.code.clone(),
        };
        if region.code.trim().is_empty() {
            c.push(Field::Code, Problem::EmptyCode);
        } else if let Some(&first_index) = first_with_code.get(region.code.as_str()) {
            c.push(Field::Code, Problem::DuplicateCode { first_index });
        } else {
            first_with_code.insert(region.code.as_str(), index);
        }
        as_ofs.push(c.region(region, end));
        region_ok.push(!c.has_error(from));
    }

    let mut first_with_name: HashMap<&str, usize> = HashMap::new();
    let mut campaign_ok = Vec::with_capacity(scenario.campaigns.len());
    let mut campaign_region = Vec::with_capacity(scenario.campaigns.len());
    for (index, campaign) in scenario.campaigns.iter().enumerate() {
        let from = c.issues.len();
        c.subject = Subject::Campaign {
            index,
            name: campaign.name.clone(),
        };
        let region = first_with_code.get(campaign.region.as_str()).copied();
        if region.is_none() {
            c.push(
                Field::Region,
                Problem::UnknownRegion {
                    code: campaign.region.clone(),
                },
            );
        }
        campaign_region.push(region);
        if !scenario.variants.is_empty() {
            match first_with_name.get(campaign.name.as_str()) {
                Some(&first_index) => {
                    c.push(Field::Name, Problem::SameCampaignName { first_index });
                }
                None => {
                    first_with_name.insert(campaign.name.as_str(), index);
                }
            }
        }
        c.campaign(campaign, region.and_then(|r| as_ofs[r]), end);
        campaign_ok.push(!c.has_error(from));
    }

    for (index, variant) in scenario.variants.iter().enumerate() {
        c.subject = Subject::Variant {
            index,
            name: variant.name.clone(),
        };
        c.variant(scenario, index);
    }

    // Ranges only matter to the uncertainty runs: an error here stops them, not the projection.
    let from = c.issues.len();
    if let Some(u) = &scenario.assumptions.uncertainty {
        c.subject = Subject::Scenario;
        c.uncertainty(u);
        for (index, campaign) in scenario.campaigns.iter().enumerate() {
            if let Some(range) = campaign.uptake_pct {
                c.subject = Subject::Campaign {
                    index,
                    name: campaign.name.clone(),
                };
                c.uptake(range);
            }
        }
    }
    let uncertainty_ok = !c.has_error(from);

    let mut first_at = FirstAt::default();
    first_at.reserve(c.issues.len());
    for (i, issue) in c.issues.iter().enumerate() {
        first_at
            .entry((issue.subject.place(), issue.field))
            .or_insert(i);
    }
    Report {
        first_at,
        issues: c.issues,
        scenario_ok,
        uncertainty_ok,
        region_ok,
        campaign_ok,
        campaign_region,
    }
}

impl Checker {
    /// The uncertainty block: runs within [`MAX_RUNS`], spreads of 0 to 100 %, an uptake range.
    fn uncertainty(&mut self, u: &super::Uncertainty) {
        if u.runs == 0 {
            self.push(Field::Runs, Problem::NoRuns);
        } else if u.runs > MAX_RUNS {
            self.push(
                Field::Runs,
                Problem::TooLarge {
                    value: f64::from(u.runs),
                    max: f64::from(MAX_RUNS),
                },
            );
        }
        for (&segment, &value) in &u.lapse_spread_pct {
            self.percent(Field::LapseSpread(segment), value);
        }
        for (&segment, &value) in &u.new_per_month_spread_pct {
            self.percent(Field::NewSpread(segment), value);
        }
        self.percent(Field::GrowthSpread, u.workforce_growth_spread_pct);
        self.uptake(u.uptake_pct);
    }

    /// An uptake range: finite, from 0 to [`MAX_UPTAKE_PCT`], low <= mode <= high.
    fn uptake(&mut self, (low, mode, high): super::Triangle) {
        for value in [low, mode, high] {
            if !value.is_finite() {
                return self.push(Field::Uptake, Problem::NotFinite);
            }
            if value < 0.0 {
                return self.push(Field::Uptake, Problem::Negative { value });
            }
            if value > MAX_UPTAKE_PCT {
                return self.push(
                    Field::Uptake,
                    Problem::TooLarge {
                        value,
                        max: MAX_UPTAKE_PCT,
                    },
                );
            }
        }
        if !(low <= mode && mode <= high) {
            self.push(Field::Uptake, Problem::RangeOrder { low, mode, high });
        }
    }

    /// A variant: a name of its own, campaigns that exist, assumptions in range.
    fn variant(&mut self, scenario: &Scenario, index: usize) {
        let variant = &scenario.variants[index];
        if !self.text(Field::VariantName, &variant.name, MAX_NAME_CHARS) {
        } else if variant.name.trim().is_empty() {
            self.push(Field::VariantName, Problem::EmptyName);
        } else if let Some(first_index) = scenario.variants[..index]
            .iter()
            .position(|v| v.name == variant.name)
        {
            self.push(
                Field::VariantName,
                Problem::DuplicateVariant { first_index },
            );
        }
        for (i, name) in variant.campaigns.iter().enumerate() {
            if !scenario.campaigns.iter().any(|c| &c.name == name) {
                self.push(
                    Field::VariantCampaign(i),
                    Problem::UnknownCampaign { name: name.clone() },
                );
            }
        }
        if let Some(lapse) = &variant.lapse_pct_per_month {
            self.lapses(lapse);
        }
        if let Some(growth) = variant.workforce_growth_pct_per_year {
            self.growth(growth);
        }
    }

    /// The scenario's own fields; returns its end month when it is one.
    fn scenario(&mut self, scenario: &Scenario) -> Option<Month> {
        if scenario.format > super::FORMAT {
            self.push(
                Field::Format,
                Problem::NewerFormat {
                    found: scenario.format,
                    supported: super::FORMAT,
                },
            );
        }
        let end = self.month(Field::End, &scenario.end);
        self.text(Field::Name, &scenario.name, MAX_NAME_CHARS);
        self.text(Field::Notes, &scenario.notes, MAX_NOTES_CHARS);
        self.lapses(&scenario.assumptions.lapse_pct_per_month);
        self.growth(scenario.assumptions.workforce_growth_pct_per_year);
        end
    }

    /// A region's figures, targets and actuals; returns its `as_of` when it is a month.
    fn region(&mut self, region: &Region, end: Option<Month>) -> Option<Month> {
        let from = self.issues.len();
        self.text(Field::Code, &region.code, MAX_NAME_CHARS);
        self.text(Field::Name, &region.name, MAX_NAME_CHARS);
        self.text(Field::Province, &region.province, MAX_NAME_CHARS);
        // One budget for all of a region's notes: its own, its targets' and its actuals'.
        let notes = region.note.len()
            + region.targets.iter().map(|t| t.note.len()).sum::<usize>()
            + region.actuals.iter().map(|a| a.note.len()).sum::<usize>();
        if notes > MAX_NOTES_CHARS {
            let all: String = std::iter::once(region.note.as_str())
                .chain(region.targets.iter().map(|t| t.note.as_str()))
                .chain(region.actuals.iter().map(|a| a.note.as_str()))
                .collect();
            self.text(Field::Notes, &all, MAX_NOTES_CHARS);
        }
        self.text(
            Field::WorkforceSource,
            &region.workforce_source,
            MAX_NAME_CHARS,
        );
        let as_of = self.month(Field::AsOf, &region.as_of);
        if let (Some(as_of), Some(end)) = (as_of, end) {
            let months = end.since(as_of);
            if months < 0 {
                self.push(Field::AsOf, Problem::EndBeforeAsOf { end, as_of });
            } else if months > MAX_MONTHS {
                self.push(Field::AsOf, Problem::TooManyMonths { months });
            }
        }
        if self.amount(Field::Workforce, region.workforce) && region.workforce == 0.0 {
            self.push(Field::Workforce, Problem::ZeroWorkforce);
        }
        self.segment_amounts(&region.active, Field::Active);
        self.segment_amounts(&region.new_per_month, Field::NewPerMonth);
        self.lapses(&region.lapse_pct_per_month);
        if !self.has_error(from) {
            let active: f64 = Segment::ALL
                .iter()
                .map(|&s| segment_value(&region.active, s))
                .sum();
            let pct = 100.0 * active / region.workforce;
            if pct > 100.0 {
                self.push(Field::Workforce, Problem::CoverageAbove100 { pct });
            }
        }
        for (i, target) in region.targets.iter().enumerate() {
            let month = self.month(Field::TargetMonth(i), &target.month);
            self.percent(Field::TargetPct(i), target.pct);
            if let (Some(month), Some(end)) = (month, end)
                && month > end
            {
                self.push(
                    Field::TargetMonth(i),
                    Problem::TargetAfterEnd { month, end },
                );
            }
            if let (Some(month), Some(as_of)) = (month, as_of)
                && month < as_of
            {
                self.push(Field::TargetMonth(i), Problem::TargetBeforeAsOf { as_of });
            }
        }
        for (i, actual) in region.actuals.iter().enumerate() {
            self.month(Field::ActualMonth(i), &actual.month);
            let total_ok = self.amount(Field::ActualActive(i), actual.active);
            let from = self.issues.len();
            for (&segment, &value) in &actual.by_segment {
                self.amount(Field::ActualSegment(i, segment), value);
            }
            let sum: f64 = actual.by_segment.values().sum();
            if total_ok
                && !actual.by_segment.is_empty()
                && !self.has_error(from)
                && (sum - actual.active).abs() > 0.5
            {
                self.push(
                    Field::ActualActive(i),
                    Problem::SplitMismatch {
                        sum,
                        total: actual.active,
                    },
                );
            }
        }
        as_of
    }

    /// A campaign's numbers and months against its region's `as_of` and the scenario's end.
    fn campaign(&mut self, campaign: &Campaign, as_of: Option<Month>, end: Option<Month>) {
        self.text(Field::Name, &campaign.name, MAX_NAME_CHARS);
        self.text(Field::Notes, &campaign.note, MAX_NOTES_CHARS);
        let start = self.month(Field::Start, &campaign.start);
        self.amount(Field::People, campaign.people);
        if campaign.ramp_months == 0 {
            self.push(Field::RampMonths, Problem::ZeroMonths);
        }
        if campaign.funded_months == Some(0) {
            self.push(Field::FundedMonths, Problem::ZeroMonths);
        }
        self.percent(Field::Retention, campaign.retention_pct);
        self.amount(Field::Contribution, campaign.contribution_rp);
        self.amount(Field::OneOff, campaign.one_off_rp);
        let Some(start) = start.filter(|_| campaign.enabled) else {
            return;
        };
        if let Some(as_of) = as_of
            && start <= as_of
        {
            self.push(Field::Start, Problem::EnrollmentBeforeAsOf { as_of });
        }
        if let Some(end) = end
            && start > end
        {
            self.push(Field::Start, Problem::StartsAfterEnd { end });
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Format => f.write_str("format"),
            Self::End => f.write_str("end"),
            Self::Lapse(s) => write!(f, "lapse_pct_per_month.{}", s.code()),
            Self::Growth => f.write_str("workforce_growth_pct_per_year"),
            Self::Code => f.write_str("code"),
            Self::AsOf => f.write_str("as_of"),
            Self::Workforce => f.write_str("workforce"),
            Self::Active(s) => write!(f, "active.{}", s.code()),
            Self::NewPerMonth(s) => write!(f, "new_per_month.{}", s.code()),
            Self::TargetMonth(i) => write!(f, "targets[{}].month", i + 1),
            Self::TargetPct(i) => write!(f, "targets[{}].pct", i + 1),
            Self::ActualMonth(i) => write!(f, "actuals[{}].month", i + 1),
            Self::ActualActive(i) => write!(f, "actuals[{}].active", i + 1),
            Self::ActualSegment(i, s) => write!(f, "actuals[{}].by_segment.{}", i + 1, s.code()),
            Self::Region => f.write_str("region"),
            Self::Start => f.write_str("start"),
            Self::People => f.write_str("people"),
            Self::RampMonths => f.write_str("ramp_months"),
            Self::FundedMonths => f.write_str("funded_months"),
            Self::Retention => f.write_str("retention_pct"),
            Self::Contribution => f.write_str("contribution_rp"),
            Self::OneOff => f.write_str("one_off_rp"),
            Self::VariantName | Self::Name => f.write_str("name"),
            Self::Notes => f.write_str("notes"),
            Self::Province => f.write_str("province"),
            Self::WorkforceSource => f.write_str("workforce_source"),
            Self::VariantCampaign(i) => write!(f, "campaigns[{}]", i + 1),
            Self::Runs => f.write_str("uncertainty.runs"),
            Self::LapseSpread(s) => write!(f, "uncertainty.lapse_spread_pct.{}", s.code()),
            Self::NewSpread(s) => write!(f, "uncertainty.new_per_month_spread_pct.{}", s.code()),
            Self::GrowthSpread => f.write_str("uncertainty.workforce_growth_spread_pct"),
            Self::Uptake => f.write_str("uptake_pct"),
        }
    }
}
