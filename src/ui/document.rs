//! The open scenario, its projection and its history. The document changes only through
//! [`Document::apply`], and every change projects once.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::engine::{Overrides, Projection, VariantPlan, project_variant};
use crate::model::Scenario;

use super::edit::Edit;

/// Identifies the widget an edit came from, so a drag or a run of keystrokes in one cell
/// becomes a single undo step.
pub type MergeKey = egui::Id;

#[derive(Clone, Debug)]
struct Step {
    edit: Edit,
    /// Unique per step, to tell whether the document is where it was saved.
    id: u64,
}

pub struct Document {
    pub scenario: Scenario,
    /// Where it was loaded from or last saved; `None` for a new or built-in scenario.
    pub path: Option<PathBuf>,
    pub projection: Projection,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_id: u64,
    /// The step id the file on disk matches (0 = the state it was opened in).
    saved_at: Option<u64>,
    /// The widget whose interaction is still going on; its next edit folds into the last step.
    open_group: Option<MergeKey>,
    /// A number of its own for every state of every document in this process (see
    /// [`next_revision`]), for caches of derived figures.
    pub revision: u64,
    /// The plan shown: a variant by position, or the campaigns' own switches when `None`.
    variant: Option<usize>,
}

/// Undo history kept per document; older steps are dropped beyond this.
const MAX_UNDO: usize = 500;

/// The next document revision: unique in the process, so a document opened after another
/// never has a revision the other had. The uncertainty runs, the goal seek, the comparison
/// and calibration keep what they worked out by revision; with every new document starting
/// at 0, a file opened after another took the other's bands and swings, or none at all.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document for `scenario`, clean when `path` holds exactly this scenario.
    #[must_use]
    pub fn new(scenario: Scenario, path: Option<PathBuf>, clean: bool) -> Self {
        let projection = project_variant(&scenario, None);
        Self {
            scenario,
            path,
            projection,
            undo: Vec::new(),
            redo: Vec::new(),
            next_id: 1,
            saved_at: clean.then_some(0),
            open_group: None,
            revision: next_revision(),
            variant: None,
        }
    }

    fn top_id(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.id)
    }

    /// Unsaved changes: the document is not at the step it was saved at.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.top_id())
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_at = Some(self.top_id());
        self.open_group = None;
    }

    /// Applies a change as a new undo step, or folds it into the last step when it comes
    /// from the widget whose interaction is still going on.
    pub fn apply(&mut self, edit: Edit, key: Option<MergeKey>) {
        edit.apply(&mut self.scenario);
        let merged = key.is_some()
            && key == self.open_group
            && self.saved_at != Some(self.top_id())
            && self.undo.last_mut().is_some_and(|s| s.edit.absorb(&edit));
        if !merged {
            let id = self.next_id;
            self.next_id += 1;
            self.undo.push(Step { edit, id });
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.open_group = key;
        self.redo.clear();
        self.changed();
    }

    /// The interaction that produced the last edit is over: the next edit is a new step.
    pub fn end_interaction(&mut self) {
        // An edit typed and taken back (Esc, or retyped as it was) is no step at all: nothing
        // to undo, and no unsaved change.
        if self.open_group.is_some() && self.undo.last().is_some_and(|s| s.edit.is_noop()) {
            self.undo.pop();
        }
        self.open_group = None;
    }

    /// How many steps can be undone: a mark to come back to with [`Self::undo_to`].
    #[must_use]
    pub fn history_len(&self) -> usize {
        self.undo.len()
    }

    /// Undoes steps until only `len` are left (the changes since a mark).
    pub fn undo_to(&mut self, len: usize) {
        while self.undo.len() > len {
            if !self.undo() {
                break;
            }
        }
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The step [`Self::undo`] would undo.
    #[must_use]
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The step [`Self::redo`] would redo.
    #[must_use]
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        step.edit.inverse().apply(&mut self.scenario);
        self.redo.push(step);
        self.open_group = None;
        self.changed();
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        step.edit.apply(&mut self.scenario);
        self.undo.push(step);
        self.open_group = None;
        self.changed();
        true
    }

    fn changed(&mut self) {
        if self
            .variant
            .is_some_and(|v| v >= self.scenario.variants.len())
        {
            self.variant = None;
        }
        let previous = std::mem::take(&mut self.projection);
        self.projection =
            crate::engine::project_variant_into(&self.scenario, self.variant, previous);
        self.revision = next_revision();
    }

    /// The variant shown, if any.
    #[must_use]
    pub fn variant(&self) -> Option<usize> {
        self.variant
    }

    /// Shows another plan; not an edit of the document.
    pub fn show_variant(&mut self, variant: Option<usize>) {
        if self.variant != variant {
            self.variant = variant;
            self.changed();
        }
    }

    /// The engine's overrides for the plan shown, for goal seek and what-ifs.
    #[must_use]
    pub fn plan(&self) -> Option<VariantPlan> {
        let variant = self.scenario.variants.get(self.variant?)?;
        Some(VariantPlan::of(&self.scenario, variant))
    }

    /// Whether campaign `index` counts in the plan shown.
    #[must_use]
    pub fn campaign_on(&self, index: usize) -> bool {
        let Some(campaign) = self.scenario.campaigns.get(index) else {
            return false;
        };
        match self.variant.and_then(|v| self.scenario.variants.get(v)) {
            Some(variant) => variant.campaigns.contains(&campaign.name),
            None => campaign.enabled,
        }
    }
}

/// Overrides for an optional plan, defaulting to the document's own switches.
#[must_use]
pub fn overrides_of(plan: Option<&VariantPlan>) -> Overrides<'_> {
    plan.map(VariantPlan::overrides).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files;

    fn doc() -> Document {
        Document::new(files::parse(files::SAMPLE, "s").unwrap(), None, false)
    }

    fn set_workforce(d: &mut Document, value: f64, key: Option<MergeKey>) {
        let before = d.scenario.regions[0].clone();
        let mut after = before.clone();
        after.workforce = value;
        d.apply(
            Edit::Region {
                index: 0,
                before: Box::new(before),
                after: Box::new(after),
            },
            key,
        );
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let mut d = doc();
        let key = egui::Id::unique("drag");
        for v in [1.0, 2.0, 3.0] {
            set_workforce(&mut d, v * 1000.0, Some(key));
        }
        d.end_interaction();
        set_workforce(&mut d, 9000.0, Some(key));
        assert_eq!(d.undo.len(), 2);
        assert!(d.undo());
        assert_eq!(d.scenario.regions[0].workforce, 3000.0);
        assert!(d.undo());
        assert_eq!(d.scenario.regions[0].workforce, 213_582.0);
        assert!(!d.undo());
        assert!(d.redo());
        assert_eq!(d.scenario.regions[0].workforce, 3000.0);
    }

    #[test]
    fn dirty_follows_the_saved_step_through_undo() {
        let mut d = Document::new(
            files::parse(files::SAMPLE, "s").unwrap(),
            Some("a.ron".into()),
            true,
        );
        assert!(!d.is_dirty());
        set_workforce(&mut d, 1.0, None);
        assert!(d.is_dirty());
        d.undo();
        assert!(!d.is_dirty());
        d.redo();
        d.mark_saved("a.ron".into());
        assert!(!d.is_dirty());
        // An edit after saving never folds into the saved step.
        set_workforce(&mut d, 2.0, None);
        assert!(d.is_dirty());
    }

    #[test]
    fn every_change_reprojects() {
        let mut d = doc();
        let before = d.projection.region(0).unwrap().series.coverage_pct(0);
        set_workforce(&mut d, 100_000.0, None);
        let after = d.projection.region(0).unwrap().series.coverage_pct(0);
        assert!((after - 88.958).abs() < 1e-9, "{before} -> {after}");
    }
}
