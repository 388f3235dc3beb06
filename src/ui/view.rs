//! What the window shows, apart from the document: tab, selection, sorting, filters.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::{Month, Payer, Ramp, Segment};

use super::actions::Action;
use super::document::{Document, MergeKey};
use super::edit::Edit;

/// What a panel asks the app to do; applied between panels, so the plots drawn after a
/// table show the edit made in it in the same frame.
pub enum Msg {
    Edit(Edit, Option<MergeKey>),
    Action(Action),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Regions,
    Campaigns,
    Assumptions,
    Variants,
    Problems,
}

impl Tab {
    /// The tabs in the order the tab bar shows them.
    pub const ALL: [Self; 5] = [
        Self::Regions,
        Self::Campaigns,
        Self::Assumptions,
        Self::Variants,
        Self::Problems,
    ];

    /// The tab `step` places on from this one, round from the last to the first.
    #[must_use]
    pub fn step(self, step: isize) -> Self {
        let at = Self::ALL.iter().position(|&t| t == self).unwrap_or(0);
        let len = Self::ALL.len().cast_signed();
        Self::ALL[(at.cast_signed() + step).rem_euclid(len).cast_unsigned()]
    }
}

/// Region table columns that can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegionColumn {
    Code,
    Name,
    Province,
    Workforce,
    Coverage,
    Status,
}

/// The campaign goal seek assumes, picked in the detail panel.
#[derive(Clone, Debug, PartialEq)]
pub struct SeekChoice {
    pub segment: Segment,
    pub payer: Payer,
    pub ramp: Ramp,
    /// `None` = funded to the end.
    pub funded_months: Option<u32>,
}

impl Default for SeekChoice {
    fn default() -> Self {
        Self {
            segment: Segment::BPU,
            payer: Payer::ApbdRegency,
            ramp: Ramp::Linear,
            funded_months: Some(12),
        }
    }
}

#[derive(Clone, Debug)]
pub struct View {
    pub tab: Tab,
    /// The size exported slides are drawn at; `None` = the window's.
    pub slide_size: Option<(u32, u32)>,
    /// Selected regions by position; the last one is shown in the detail panel.
    pub selected: Vec<usize>,
    /// Plot the ALL total instead of the selected regions.
    pub show_all: bool,
    pub cost_yearly: bool,
    pub region_sort: Option<(RegionColumn, bool)>,
    pub region_filter: String,
    pub campaign_filter: String,
    /// Words the Problems list is narrowed to (a national file has hundreds of warnings).
    pub problem_filter: String,
    pub campaigns_of_selected: bool,
    pub selected_campaign: Option<usize>,
    /// A plan chosen in a panel, shown once the panel is done.
    pub pending_variant: Option<Option<usize>>,
    /// Bring this row into view once (after "go to" from the problems list).
    pub reveal: Option<usize>,
    /// The region the comparison shows; ALL when `None`.
    pub compare_region: Option<usize>,
    pub seek: SeekChoice,
    /// The spreadsheet cursors of the two tables.
    pub region_grid: super::grid::Grid,
    pub campaign_grid: super::grid::Grid,
    /// Campaign table sorted by a column (its position) and direction.
    pub campaign_sort: Option<(usize, bool)>,
    /// Catalogue entries (codes) offered under a region's code or name being typed, and
    /// where.
    pub catalogue_offer: Option<(super::grid::Pos, egui::Rect, Vec<String>)>,
    /// In a narrow window, the one chart shown: 0 coverage, 1 segments, 2 public cost.
    pub one_plot: usize,
    /// A variant just added: its name cell takes the keyboard and comes into view once.
    pub new_variant: Option<usize>,
    /// The regions table's sort and filter as last drawn: when either changes, the selected
    /// region is brought into view in its new place.
    pub region_order_was: (Option<(RegionColumn, bool)>, String),
}

impl Default for View {
    fn default() -> Self {
        Self {
            tab: Tab::default(),
            slide_size: Some((1920, 1080)),
            selected: Vec::new(),
            show_all: false,
            cost_yearly: false,
            region_sort: None,
            region_filter: String::new(),
            campaign_filter: String::new(),
            problem_filter: String::new(),
            campaigns_of_selected: false,
            selected_campaign: None,
            pending_variant: None,
            reveal: None,
            compare_region: None,
            seek: SeekChoice::default(),
            region_grid: super::grid::Grid::named("regions"),
            campaign_grid: super::grid::Grid::named("campaigns"),
            campaign_sort: None,
            catalogue_offer: None,
            one_plot: 0,
            new_variant: None,
            region_order_was: (None, String::new()),
        }
    }
}

impl View {
    /// The region in the detail panel.
    #[must_use]
    pub fn focus(&self) -> Option<usize> {
        self.selected.last().copied()
    }

    pub fn select(&mut self, index: usize, add: bool) {
        if add {
            if let Some(at) = self.selected.iter().position(|&i| i == index) {
                self.selected.remove(at);
            } else {
                self.selected.push(index);
            }
        } else {
            self.selected = vec![index];
        }
        self.show_all = false;
    }

    pub fn select_first(&mut self, doc: &Document) {
        self.selected = if doc.scenario.regions.is_empty() {
            Vec::new()
        } else {
            vec![0]
        };
    }

    /// Drops selections of regions that no longer exist.
    pub fn clamp(&mut self, doc: &Document) {
        let n = doc.scenario.regions.len();
        self.selected.retain(|&i| i < n);
    }
}

/// The current calendar month from the system clock (UTC).
#[must_use]
pub fn this_month() -> Month {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    crate::i18n::reading::civil(days).unwrap_or_default()
}
