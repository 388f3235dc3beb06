//! Changes to the document: each one knows how to undo itself.

use crate::model::{Assumptions, Campaign, MonthField, Region, Scenario, Variant};

/// The scenario's own fields, edited in the assumptions view.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub name: String,
    pub notes: String,
    pub end: MonthField,
    pub assumptions: Assumptions,
    pub variants: Vec<Variant>,
    pub slides: Vec<crate::model::SlideChoice>,
}

impl Settings {
    #[must_use]
    pub fn of(scenario: &Scenario) -> Self {
        Self {
            name: scenario.name.clone(),
            notes: scenario.notes.clone(),
            end: scenario.end.clone(),
            assumptions: scenario.assumptions.clone(),
            variants: scenario.variants.clone(),
            slides: scenario.slides.clone(),
        }
    }

    fn put(self, scenario: &mut Scenario) {
        scenario.name = self.name;
        scenario.notes = self.notes;
        scenario.end = self.end;
        scenario.assumptions = self.assumptions;
        scenario.variants = self.variants;
        scenario.slides = self.slides;
    }
}

/// The one undo step that turns `before` into `after` when `after` only changed, added at the
/// end or kept rows (what an import does); `None` when nothing changed.
#[must_use]
pub fn edit_between(before: &Scenario, after: &Scenario) -> Option<Edit> {
    let mut edits = Vec::new();
    for (index, region) in after.regions.iter().enumerate() {
        match before.regions.get(index) {
            Some(old) if old == region => {}
            Some(old) => edits.push(Edit::Region {
                index,
                before: Box::new(old.clone()),
                after: Box::new(region.clone()),
            }),
            None => edits.push(Edit::InsertRegion {
                index,
                region: Box::new(region.clone()),
            }),
        }
    }
    for (index, campaign) in after.campaigns.iter().enumerate() {
        match before.campaigns.get(index) {
            Some(old) if old == campaign => {}
            Some(old) => edits.push(Edit::Campaign {
                index,
                before: Box::new(old.clone()),
                after: Box::new(campaign.clone()),
            }),
            None => edits.push(Edit::InsertCampaign {
                index,
                campaign: Box::new(campaign.clone()),
            }),
        }
    }
    let (old, new) = (Settings::of(before), Settings::of(after));
    if old != new {
        edits.push(Edit::Settings {
            before: Box::new(old),
            after: Box::new(new),
        });
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// One undoable change. Replacements carry the value before and after, so an edit and its
/// undo are the same code run the other way.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Region {
        index: usize,
        before: Box<Region>,
        after: Box<Region>,
    },
    Campaign {
        index: usize,
        before: Box<Campaign>,
        after: Box<Campaign>,
    },
    InsertRegion {
        index: usize,
        region: Box<Region>,
    },
    RemoveRegion {
        index: usize,
        region: Box<Region>,
    },
    InsertCampaign {
        index: usize,
        campaign: Box<Campaign>,
    },
    RemoveCampaign {
        index: usize,
        campaign: Box<Campaign>,
    },
    Settings {
        before: Box<Settings>,
        after: Box<Settings>,
    },
    /// Several changes as one step, applied in order and undone in reverse.
    Batch(Vec<Edit>),
}

/// A table row an edit changes or brings back, to show after an undo or a redo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Region(usize),
    Campaign(usize),
}

impl Edit {
    /// The row to show once this edit is applied (`undone` = false) or undone (true): the
    /// row it changes, inserts or, undone, puts back; in a batch a region before a campaign.
    /// `None` when it leaves no row of its own (a row removed, the settings).
    #[must_use]
    pub fn shown_row(&self, undone: bool) -> Option<Row> {
        match self {
            Self::Region { index, .. } => Some(Row::Region(*index)),
            Self::Campaign { index, .. } => Some(Row::Campaign(*index)),
            Self::InsertRegion { index, .. } => (!undone).then_some(Row::Region(*index)),
            Self::RemoveRegion { index, .. } => undone.then_some(Row::Region(*index)),
            Self::InsertCampaign { index, .. } => (!undone).then_some(Row::Campaign(*index)),
            Self::RemoveCampaign { index, .. } => undone.then_some(Row::Campaign(*index)),
            Self::Settings { .. } => None,
            Self::Batch(edits) => {
                let mut rows = edits.iter().filter_map(|e| e.shown_row(undone));
                let first = rows.next();
                match first {
                    Some(Row::Campaign(_)) => rows.find(|r| matches!(r, Row::Region(_))).or(first),
                    _ => first,
                }
            }
        }
    }

    /// Applies the change; an index that no longer fits is ignored rather than panicking.
    pub fn apply(&self, s: &mut Scenario) {
        match self {
            Self::Region { index, after, .. } => {
                if let Some(slot) = s.regions.get_mut(*index) {
                    slot.clone_from(after);
                }
            }
            Self::Campaign { index, after, .. } => {
                if let Some(slot) = s.campaigns.get_mut(*index) {
                    slot.clone_from(after);
                }
            }
            Self::InsertRegion { index, region } => {
                s.regions
                    .insert((*index).min(s.regions.len()), (**region).clone());
            }
            Self::RemoveRegion { index, .. } => {
                if *index < s.regions.len() {
                    s.regions.remove(*index);
                }
            }
            Self::InsertCampaign { index, campaign } => {
                s.campaigns
                    .insert((*index).min(s.campaigns.len()), (**campaign).clone());
            }
            Self::RemoveCampaign { index, .. } => {
                if *index < s.campaigns.len() {
                    s.campaigns.remove(*index);
                }
            }
            Self::Settings { after, .. } => (**after).clone().put(s),
            Self::Batch(edits) => edits.iter().for_each(|e| e.apply(s)),
        }
    }

    /// The change that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
        match self {
            Self::Region {
                index,
                before,
                after,
            } => Self::Region {
                index: *index,
                before: after.clone(),
                after: before.clone(),
            },
            Self::Campaign {
                index,
                before,
                after,
            } => Self::Campaign {
                index: *index,
                before: after.clone(),
                after: before.clone(),
            },
            Self::InsertRegion { index, region } => Self::RemoveRegion {
                index: *index,
                region: region.clone(),
            },
            Self::RemoveRegion { index, region } => Self::InsertRegion {
                index: *index,
                region: region.clone(),
            },
            Self::InsertCampaign { index, campaign } => Self::RemoveCampaign {
                index: *index,
                campaign: campaign.clone(),
            },
            Self::RemoveCampaign { index, campaign } => Self::InsertCampaign {
                index: *index,
                campaign: campaign.clone(),
            },
            Self::Settings { before, after } => Self::Settings {
                before: after.clone(),
                after: before.clone(),
            },
            Self::Batch(edits) => Self::Batch(edits.iter().rev().map(Self::inverse).collect()),
        }
    }

    /// Whether applying this changes nothing (an edit typed and then taken back).
    #[must_use]
    pub fn is_noop(&self) -> bool {
        match self {
            Self::Region { before, after, .. } => before == after,
            Self::Campaign { before, after, .. } => before == after,
            Self::Settings { before, after } => before == after,
            Self::Batch(edits) => edits.iter().all(Self::is_noop),
            _ => false,
        }
    }

    /// Folds a later change of the same thing into this one (a drag, or typing in one cell),
    /// keeping this one's "before". Returns false when they are not of the same thing.
    pub fn absorb(&mut self, later: &Self) -> bool {
        if !self.same_thing(later) {
            return false;
        }
        match (self, later) {
            // A rename typed key by key: the campaign and the variants naming it, each folded
            // into its own.
            (Self::Batch(mine), Self::Batch(theirs)) => {
                for (edit, later) in mine.iter_mut().zip(theirs) {
                    edit.absorb(later);
                }
            }
            (Self::Region { after, .. }, Self::Region { after: a, .. }) => after.clone_from(a),
            (Self::Campaign { after, .. }, Self::Campaign { after: a, .. }) => {
                after.clone_from(a);
            }
            (Self::Settings { after, .. }, Self::Settings { after: a, .. }) => {
                after.clone_from(a);
            }
            // `same_thing` lets no other pair through.
            _ => return false,
        }
        true
    }

    /// Whether `later` changes the same things as this one: the same region or campaign, the
    /// settings, or a batch of the same things in the same order.
    fn same_thing(&self, later: &Self) -> bool {
        match (self, later) {
            (Self::Region { index, .. }, Self::Region { index: i, .. })
            | (Self::Campaign { index, .. }, Self::Campaign { index: i, .. }) => index == i,
            (Self::Settings { .. }, Self::Settings { .. }) => true,
            (Self::Batch(mine), Self::Batch(theirs)) => {
                mine.len() == theirs.len() && mine.iter().zip(theirs).all(|(a, b)| a.same_thing(b))
            }
            _ => false,
        }
    }
}
