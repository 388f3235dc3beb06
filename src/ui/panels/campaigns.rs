//! The campaigns table: every field of a campaign, a switch to turn it off, add, duplicate,
//! delete.

use egui::{ComboBox, Id, RichText, Ui};
use egui_extras::Column;

use crate::model::{Campaign, Field, MonthField, Payer, Ramp, Segment};

use super::super::app::UcjApp;
use super::super::cells::{At, CellInput, CellValue, cell_id, table_cell};
use super::super::document::Document;
use super::super::edit::Edit;
use super::super::grid::Pos;
use super::super::view::{Msg, this_month};
use super::{campaign_edit, problem_at};
use crate::i18n::Lang;

/// A name no campaign has yet, so variants can tell campaigns apart.
fn fresh_name(doc: &Document, base: &str) -> String {
    let taken: Vec<&str> = doc
        .scenario
        .campaigns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    super::unique(base, &taken)
}

fn blank_campaign(doc: &Document, region: Option<usize>, name: &str) -> Campaign {
    let region = region.and_then(|i| doc.scenario.regions.get(i));
    let start = region
        .and_then(|r| r.as_of.month())
        .map_or_else(this_month, |m| m.plus(1));
    Campaign::new(
        &fresh_name(doc, name),
        region.map_or("", |r| r.code.as_str()),
        Segment::BPU,
        Payer::ApbdRegency,
        MonthField::Valid(start),
        1000.0,
    )
}

fn toolbar(app: &mut UcjApp, ui: &mut Ui, selected: Option<usize>, here: Option<String>) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        let _ = super::filter_box(
            ui,
            &mut app.view.campaign_filter,
            t.filter_campaigns_hint,
            app.lang,
        );
        ui.checkbox(&mut app.view.campaigns_of_selected, t.only_selected_region);
        ui.separator();
        if ui.button(t.add_campaign).clicked() {
            let campaign = blank_campaign(&app.doc, app.view.focus(), t.new_campaign);
            let at = app.doc.scenario.campaigns.len();
            app.messages
                .push(Msg::Edit(add_campaign(&app.doc, at, campaign), None));
            app.view.selected_campaign = Some(at);
            app.view.reveal = Some(at);
            app.view.campaign_grid.go_to(Pos { row: at, col: 1 });
        }
        // The cursor's range, when it spans several rows, goes together.
        let grid = &app.view.campaign_grid;
        let chosen: Vec<usize> = match grid.range(&grid.order) {
            Some((rows, _)) if rows.len() > 1 => rows,
            _ => selected.into_iter().collect(),
        };
        let n = chosen.len();
        let label = |word: &str| {
            if n > 1 {
                format!("{word} ({n})")
            } else {
                word.to_owned()
            }
        };
        if ui
            .add_enabled(n > 0, egui::Button::new(label(t.duplicate)))
            .clicked()
        {
            let edit = duplicate_campaigns(&app.doc, &chosen, t.copy);
            app.messages.push(Msg::Edit(edit, None));
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(label(t.delete)))
            .clicked()
        {
            app.messages
                .push(Msg::Edit(remove_campaigns(&app.doc, &chosen), None));
            app.view.selected_campaign = None;
            app.view.campaign_grid.go_to_nothing();
        }
        super::cell_place_label(ui, here);
    });
}

/// Copies of campaigns, each right after its original with a name of its own, switched on in
/// the plan shown, in one step.
fn duplicate_campaigns(doc: &Document, indices: &[usize], copy_word: &str) -> Edit {
    let indices = super::rows_in(indices, doc.scenario.campaigns.len());
    let mut taken: Vec<String> = doc
        .scenario
        .campaigns
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let mut edits = Vec::new();
    let mut names = Vec::new();
    for &i in indices.iter().rev() {
        let mut copy = doc.scenario.campaigns[i].clone();
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        copy.name = super::unique(&format!("{} ({copy_word})", copy.name), &refs);
        taken.push(copy.name.clone());
        names.push(copy.name.clone());
        edits.push(Edit::InsertCampaign {
            index: i + 1,
            campaign: Box::new(copy),
        });
    }
    if let Some(v) = doc.variant() {
        edits.extend(super::settings_edit(doc, |s| {
            if let Some(variant) = s.variants.get_mut(v) {
                variant.campaigns.extend(names);
            }
        }));
    }
    Edit::Batch(edits)
}

/// Switches a campaign on or off in the plan shown: its own switch, or the variant's list.
#[must_use]
pub fn switch_campaign(doc: &Document, index: usize, on: bool) -> Option<Edit> {
    let Some(variant) = doc.variant() else {
        return campaign_edit(doc, index, |c| c.enabled = on);
    };
    let name = doc.scenario.campaigns.get(index)?.name.clone();
    super::settings_edit(doc, |s| {
        let list = &mut s.variants[variant].campaigns;
        list.retain(|n| n != &name);
        if on {
            list.push(name);
        }
    })
}

/// Adds a campaign at `index`, switched on in the plan shown: when a variant is shown, its
/// name joins that variant in the same step, so what was just added counts at once.
#[must_use]
pub fn add_campaign(doc: &Document, index: usize, campaign: Campaign) -> Edit {
    let name = campaign.name.clone();
    let mut edits = vec![Edit::InsertCampaign {
        index,
        campaign: Box::new(campaign),
    }];
    if let Some(v) = doc.variant() {
        edits.extend(super::settings_edit(doc, |s| {
            if let Some(variant) = s.variants.get_mut(v)
                && !variant.campaigns.contains(&name)
            {
                variant.campaigns.push(name);
            }
        }));
    }
    Edit::Batch(edits)
}

/// Removes campaigns, and their names from every variant when no other campaign keeps the
/// name, in one step: variants never name a campaign that is gone.
#[must_use]
pub fn remove_campaigns(doc: &Document, indices: &[usize]) -> Edit {
    let sorted = super::rows_in(indices, doc.scenario.campaigns.len());
    let mut edits: Vec<Edit> = sorted
        .iter()
        .rev()
        .map(|&i| Edit::RemoveCampaign {
            index: i,
            campaign: Box::new(doc.scenario.campaigns[i].clone()),
        })
        .collect();
    let kept: Vec<&str> = (0..doc.scenario.campaigns.len())
        .filter(|i| !sorted.contains(i))
        .map(|i| doc.scenario.campaigns[i].name.as_str())
        .collect();
    edits.extend(super::settings_edit(doc, |s| {
        for variant in &mut s.variants {
            variant.campaigns.retain(|n| kept.contains(&n.as_str()));
        }
    }));
    Edit::Batch(edits)
}

/// A new name for a campaign also renames it in every variant, in one step.
fn rename_campaign(doc: &Document, index: usize, name: &str) -> Option<Edit> {
    let old = doc.scenario.campaigns.get(index)?.name.clone();
    let mut edits = vec![campaign_edit(doc, index, |c| name.clone_into(&mut c.name))?];
    let shared = doc
        .scenario
        .campaigns
        .iter()
        .filter(|c| c.name == old)
        .count()
        > 1;
    if !shared {
        edits.extend(super::settings_edit(doc, |s| {
            for variant in &mut s.variants {
                for n in &mut variant.campaigns {
                    if *n == old {
                        name.clone_into(n);
                    }
                }
            }
        }));
    }
    Some(Edit::Batch(edits))
}

/// A combo box of a closed list, named for screen readers; returns the new choice and the
/// box's response.
fn choose<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    name: &str,
    current: T,
    options: &[T],
    label: impl Fn(T) -> String,
) -> (Option<T>, egui::Response) {
    // The keys first, before the box reads Space as a click that opens its list (the box's
    // own id is remembered from the frame before).
    let remembered = id.with("button");
    let button: Option<Id> = ui.data(|d| d.get_temp(remembered));
    let mut picked = if button.is_some_and(|b| ui.memory(|m| m.has_focus(b))) {
        list_key(ui, current, options, &label)
    } else {
        None
    };
    let response = ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(ui.available_width())
        .wrap_mode(egui::TextWrapMode::Truncate)
        .show_ui(ui, |ui| {
            for &option in options {
                if ui
                    .selectable_label(option == current, label(option))
                    .clicked()
                {
                    picked = Some(option);
                }
            }
        })
        .response;
    let response = response.accessible_name(name);
    if button != Some(response.id) {
        ui.data_mut(|d| d.insert_temp(remembered, response.id));
    }
    (picked.filter(|p| *p != current), response)
}

/// The keys of a list cell under the cursor, as in a spreadsheet's list: a letter picks the
/// next choice with a word starting with it, Space or Alt+Down the next choice, Alt+Up the one before.
/// The table moves on Enter, Tab and the arrows as from any cell.
fn list_key<T: Copy + PartialEq>(
    ui: &Ui,
    current: T,
    options: &[T],
    label: &impl Fn(T) -> String,
) -> Option<T> {
    let at = options.iter().position(|o| *o == current).unwrap_or(0);
    let n = options.len();
    if n == 0 {
        return None;
    }
    let alt = egui::Modifiers::ALT;
    let mut step: Option<usize> = None;
    ui.input_mut(|i| {
        i.events.retain(|e| match e {
            egui::Event::Key {
                key: egui::Key::ArrowDown,
                pressed: true,
                modifiers,
                ..
            } if modifiers.matches_exact(alt) => {
                step = Some((step.unwrap_or(at) + 1) % n);
                false
            }
            egui::Event::Key {
                key: egui::Key::ArrowUp,
                pressed: true,
                modifiers,
                ..
            } if modifiers.matches_exact(alt) => {
                step = Some((step.unwrap_or(at) + n - 1) % n);
                false
            }
            egui::Event::Text(text) if text == " " => {
                step = Some((step.unwrap_or(at) + 1) % n);
                false
            }
            egui::Event::Text(text) if !text.trim().is_empty() => {
                let typed = text.trim().to_lowercase();
                let from = step.unwrap_or(at);
                if let Some(k) = (1..=n).map(|d| (from + d) % n).find(|&k| {
                    // Any word of the choice: "b" finds "15.08 Kabupaten Bungo".
                    label(options[k])
                        .to_lowercase()
                        .split_whitespace()
                        .any(|word| word.starts_with(&typed))
                }) {
                    step = Some(k);
                }
                false
            }
            // Space also comes as a key: the text above has done it.
            egui::Event::Key {
                key: egui::Key::Space,
                modifiers,
                ..
            } => !modifiers.is_none(),
            _ => true,
        });
    });
    step.map(|k| options[k])
}

/// The campaigns table's column of a campaign's field, when the table has one.
#[must_use]
pub fn column_of(field: Field) -> Option<usize> {
    match field {
        Field::Name => Some(1),
        Field::Region => Some(2),
        Field::Start => Some(5),
        Field::People => Some(6),
        Field::RampMonths => Some(8),
        Field::FundedMonths => Some(9),
        Field::Retention => Some(10),
        Field::Contribution => Some(11),
        Field::OneOff => Some(12),
        Field::Uptake => Some(13),
        Field::Notes => Some(14),
        _ => None,
    }
}

/// Columns the cursor moves over: on, name, region, segment, payer, start, people, ramp,
/// ramp months, funded months, retention, contribution, one-off, uptake, note.
pub const CAMPAIGN_COLS: usize = 15;

/// Columns that sort when their header is clicked.
const SORTABLE: [usize; 6] = [1, 2, 3, 4, 5, 6];

/// The campaigns table as cells of text.
pub struct CampaignSheet<'a> {
    pub lang: Lang,
    pub names: Vec<String>,
    pub regions: &'a [crate::model::Region],
    /// Where new rows of a paste get their name from.
    pub new_name: &'a str,
}

/// The option of a closed list written as its code or its label in either language.
fn pick<T: Copy>(text: &str, options: &[T], names: impl Fn(T) -> Vec<String>) -> Option<T> {
    let wanted = text.trim().to_lowercase();
    options
        .iter()
        .copied()
        .find(|&o| names(o).iter().any(|n| n.to_lowercase() == wanted))
}

/// A whole number of months from a cell: `None` when it is not one.
fn months_of(v: f64) -> Option<u32> {
    (v >= 0.0 && v <= f64::from(crate::model::MAX_MONTHS) && v.fract() == 0.0)
        .then(|| format!("{v}").parse().ok())
        .flatten()
}

impl super::super::grid::Sheet for CampaignSheet<'_> {
    type Row = Campaign;

    fn cols(&self) -> usize {
        CAMPAIGN_COLS
    }

    fn text(&self, c: &Campaign, col: usize) -> String {
        let t = &self.lang.texts().ui;
        let bare = |x| super::regions::bare(x, self.lang);
        match col {
            0 => u8::from(c.enabled).to_string(),
            1 => c.name.clone(),
            2 => c.region.clone(),
            3 => c.segment.code().to_owned(),
            4 => (t.payer)(c.payer).to_owned(),
            5 => c.start.to_string(),
            6 => bare(c.people),
            7 => (t.ramp)(c.ramp).to_owned(),
            8 => c.ramp_months.to_string(),
            9 => c.funded_months.map_or_else(String::new, |m| m.to_string()),
            10 => bare(c.retention_pct),
            11 => bare(c.contribution_rp),
            12 => bare(c.one_off_rp),
            13 => super::super::cells::range_text(c.uptake_pct, self.lang),
            14 => c.note.clone(),
            _ => String::new(),
        }
    }

    fn set(&self, c: &mut Campaign, col: usize, text: &str) -> Result<(), String> {
        let lang = self.lang;
        let g = &lang.texts().grid;
        let number = |whole| super::super::grid::read_number(text, whole, lang);
        let months = || {
            let v = number(true)?;
            months_of(v).ok_or_else(|| (lang.texts().ui.cell_not_number)(text, lang.marks().1))
        };
        match col {
            0 => {
                let on = ["1", "true", "yes", "on", "ya", "benar", "aktif"];
                let off = ["0", "false", "no", "off", "tidak", "salah", "nonaktif"];
                let w = text.trim().to_lowercase();
                c.enabled = if on.contains(&w.as_str()) {
                    true
                } else if off.contains(&w.as_str()) {
                    false
                } else {
                    return Err((g.not_one_of)(text, "1, 0"));
                };
            }
            1 if text.trim().is_empty() => return Err(g.no_default.to_owned()),
            1 => text.trim().clone_into(&mut c.name),
            2 => {
                let code = text.trim();
                // The code, or the region's name as the table shows it.
                let found = self
                    .regions
                    .iter()
                    .find(|r| r.code == code)
                    .or_else(|| {
                        self.regions
                            .iter()
                            .find(|r| r.name.eq_ignore_ascii_case(code))
                    })
                    .ok_or_else(|| (g.no_region)(text))?;
                found.code.clone_into(&mut c.region);
            }
            3 => {
                c.segment = pick(text, &Segment::ALL, |s| vec![s.code().to_owned()])
                    .ok_or_else(|| (g.not_one_of)(text, "PU, BPU, Jakon, PMI"))?;
            }
            4 => {
                c.payer = pick(text, &Payer::ALL, |p| {
                    let mut names: Vec<String> = Lang::ALL
                        .iter()
                        .map(|l| (l.texts().ui.payer)(p).to_owned())
                        .collect();
                    names.push(p.code().to_owned());
                    names
                })
                .ok_or_else(|| {
                    let all: Vec<&str> = Payer::ALL
                        .iter()
                        .map(|&p| (lang.texts().ui.payer)(p))
                        .collect();
                    (g.not_one_of)(text, &all.join(", "))
                })?;
            }
            5 => {
                c.start = MonthField::Valid(
                    super::super::grid::read_month(text, lang)
                        .ok_or_else(|| (g.not_month)(text))?,
                );
            }
            6 => c.people = number(true)?,
            7 => {
                c.ramp = pick(text, &Ramp::ALL, |r| {
                    let mut names: Vec<String> = Lang::ALL
                        .iter()
                        .map(|l| (l.texts().ui.ramp)(r).to_owned())
                        .collect();
                    names.push(format!("{r:?}"));
                    names
                })
                .ok_or_else(|| {
                    let all: Vec<&str> = Ramp::ALL
                        .iter()
                        .map(|&r| (lang.texts().ui.ramp)(r))
                        .collect();
                    (g.not_one_of)(text, &all.join(", "))
                })?;
            }
            8 => c.ramp_months = months()?.max(1),
            9 if text.trim().is_empty() => c.funded_months = None,
            9 => c.funded_months = Some(months()?).filter(|&m| m > 0),
            10 => c.retention_pct = number(false)?,
            11 => c.contribution_rp = number(true)?,
            12 => c.one_off_rp = number(true)?,
            13 => c.uptake_pct = super::super::cells::read_range(text, lang)?,
            14 => text.trim().clone_into(&mut c.note),
            _ => {}
        }
        Ok(())
    }

    fn clear(&self, c: &mut Campaign, col: usize) -> Result<(), String> {
        match col {
            0 => c.enabled = true,
            7 => c.ramp = Ramp::Immediate,
            8 => c.ramp_months = 1,
            9 => c.funded_months = None,
            10 => c.retention_pct = 0.0,
            11 => c.contribution_rp = crate::model::DEFAULT_CONTRIBUTION_RP,
            12 => c.one_off_rp = 0.0,
            13 => c.uptake_pct = None,
            14 => c.note.clear(),
            _ => return Err(self.lang.texts().grid.no_default.to_owned()),
        }
        Ok(())
    }

    fn blank(&self, existing: &[Campaign]) -> Campaign {
        let taken: Vec<&str> = existing.iter().map(|c| c.name.as_str()).collect();
        let region = self.regions.first();
        let start = region
            .and_then(|r| r.as_of.month())
            .map_or_else(this_month, |m| m.plus(1));
        Campaign::new(
            &super::unique(self.new_name, &taken),
            region.map_or("", |r| r.code.as_str()),
            Segment::BPU,
            Payer::ApbdRegency,
            MonthField::Valid(start),
            0.0,
        )
    }

    fn col_name(&self, col: usize) -> String {
        self.names.get(col).cloned().unwrap_or_default()
    }

    fn row_key(&self, row: &Campaign) -> String {
        row.name.clone()
    }
}

/// The edits that turn the document's campaigns into `outcome`'s, in one undo step: a new
/// name follows into every variant, and rows a paste added join the plan shown.
fn outcome_edit(doc: &Document, outcome: super::super::grid::Outcome<Campaign>) -> Option<Edit> {
    let mut edits = Vec::new();
    let mut renames: Vec<(String, String)> = Vec::new();
    for (index, after) in outcome.changed {
        let before = &doc.scenario.campaigns[index];
        if before.name != after.name {
            renames.push((before.name.clone(), after.name.clone()));
        }
        edits.push(Edit::Campaign {
            index,
            before: Box::new(before.clone()),
            after: Box::new(after),
        });
    }
    if !renames.is_empty() {
        edits.extend(super::settings_edit(doc, |s| {
            for variant in &mut s.variants {
                for n in &mut variant.campaigns {
                    if let Some((_, new)) = renames.iter().find(|(old, _)| old == n) {
                        new.clone_into(n);
                    }
                }
            }
        }));
    }
    let n = doc.scenario.campaigns.len();
    let added: Vec<String> = outcome.added.iter().map(|c| c.name.clone()).collect();
    for (k, campaign) in outcome.added.into_iter().enumerate() {
        edits.push(Edit::InsertCampaign {
            index: n + k,
            campaign: Box::new(campaign),
        });
    }
    if let Some(v) = doc.variant()
        && !added.is_empty()
    {
        edits.extend(super::settings_edit(doc, |s| {
            if let Some(variant) = s.variants.get_mut(v) {
                variant.campaigns.extend(added);
            }
        }));
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

fn sort_rows(rows: &mut [usize], doc: &Document, (col, ascending): (usize, bool)) {
    let c = &doc.scenario.campaigns;
    rows.sort_by(|&a, &b| {
        let (a, b) = (&c[a], &c[b]);
        let order = match col {
            1 => a.name.cmp(&b.name),
            2 => a.region.cmp(&b.region),
            3 => a.segment.cmp(&b.segment),
            4 => a.payer.code().cmp(b.payer.code()),
            5 => a.start.month().cmp(&b.start.month()),
            _ => a.people.total_cmp(&b.people),
        };
        if ascending { order } else { order.reverse() }
    });
}

/// Runs what the table's keys asked for: copy, paste, fill down, Delete.
fn run_commands(
    app: &mut UcjApp,
    ui: &Ui,
    commands: Vec<super::super::grid::Command>,
    order: &[usize],
    names: &[String],
) {
    let UcjApp {
        doc,
        view,
        cells,
        messages,
        notice,
        lang,
        ..
    } = app;
    let sheet = CampaignSheet {
        lang: *lang,
        names: names.to_vec(),
        regions: &doc.scenario.regions,
        new_name: lang.texts().ui.new_campaign,
    };
    super::run_commands(
        &sheet,
        &doc.scenario.campaigns,
        doc,
        outcome_edit,
        commands,
        order,
        &mut view.campaign_grid,
        cells,
        messages,
        notice,
        ui.ctx(),
        *lang,
    );
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let selected = app
        .view
        .selected_campaign
        .filter(|&i| i < app.doc.scenario.campaigns.len());
    let lang = app.lang;
    let t = &lang.texts().ui;
    let headers = [
        t.col_on,
        t.col_name,
        t.col_region,
        t.col_segment,
        t.col_payer,
        t.col_start,
        t.col_people,
        t.col_ramp,
        t.col_ramp_months,
        t.col_funded_months,
        t.col_retention,
        t.col_contribution,
        t.col_one_off,
        lang.texts().uncertainty.col_uptake,
        t.col_note,
    ];
    let here = app.view.campaign_grid.active.and_then(|at| {
        let campaign = app.doc.scenario.campaigns.get(at.row)?;
        Some(super::cell_place(&campaign.name, "", headers.get(at.col)?))
    });
    toolbar(app, ui, selected, here);
    let needle = app.view.campaign_filter.trim().to_lowercase();
    let focus_code = app
        .view
        .focus()
        .and_then(|i| app.doc.scenario.regions.get(i))
        .map(|r| r.code.clone());
    let mut rows: Vec<usize> = app
        .doc
        .scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|(_, c)| needle.is_empty() || c.name.to_lowercase().contains(&needle))
        .filter(|(_, c)| !app.view.campaigns_of_selected || Some(&c.region) == focus_code.as_ref())
        .map(|(i, _)| i)
        .collect();
    if let Some(sort) = app.view.campaign_sort {
        sort_rows(&mut rows, &app.doc, sort);
    }
    let editing = app.view.campaign_grid.editing(&app.cells);
    if editing {
        super::keep_order(&mut rows, |&r| r, &app.view.campaign_grid.order);
    }
    let names: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
    let (commands, key_reveal) = app
        .view
        .campaign_grid
        .keys(ui, &rows, CAMPAIGN_COLS, editing);
    if std::mem::take(&mut app.view.campaign_grid.commit)
        && let Some(at) = app.view.campaign_grid.active
    {
        app.cells.commit(app.view.campaign_grid.id(at));
    }
    if !commands.is_empty() {
        run_commands(app, ui, commands, &rows, &names);
    }
    app.view.campaign_grid.order.clone_from(&rows);
    let UcjApp {
        doc,
        cells,
        view,
        messages,
        ..
    } = app;
    let region_codes: Vec<(String, String)> = doc
        .scenario
        .regions
        .iter()
        .map(|r| (r.code.clone(), crate::i18n::shown(&r.name).into_owned()))
        .collect();
    let reveal = super::reveal_row(
        &mut view.reveal,
        doc.scenario.campaigns.len(),
        |i| rows.iter().position(|&r| r == i),
        key_reveal,
    );
    let mut grid = std::mem::take(&mut view.campaign_grid);
    let order = rows.clone();
    let output = grid.scroll_area().show(ui, |ui| {
        super::table(ui, "campaigns", reveal)
            .column(Column::exact(34.0))
            .column(Column::initial(260.0).at_least(100.0))
            .column(Column::initial(170.0).at_least(80.0))
            .column(Column::initial(75.0))
            .column(Column::initial(120.0))
            .column(Column::initial(80.0))
            .column(Column::initial(90.0))
            .column(Column::initial(95.0))
            .column(Column::initial(70.0))
            .column(Column::initial(95.0))
            .column(Column::initial(75.0))
            .column(Column::initial(95.0))
            .column(Column::initial(85.0))
            .column(Column::initial(110.0))
            .column(Column::initial(280.0).at_least(80.0))
            .header(24.0, |mut header| {
                for (col, label) in headers.into_iter().enumerate() {
                    header.col(|ui| {
                        if !SORTABLE.contains(&col) {
                            ui.strong(label);
                            return;
                        }
                        super::sort_header(ui, label, col, &mut view.campaign_sort, t.sort_hint);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, rows.len(), |mut row| {
                    let i = rows[row.index()];
                    row.set_selected(selected == Some(i));
                    let c = &doc.scenario.campaigns[i];
                    let report = &doc.projection.report;
                    let problem = |field| problem_at(report, lang, None, Some(i), field);
                    let who = format!("{} {}", t.campaign_word, i + 1);
                    let mut changes: Vec<(Option<Edit>, Id)> = Vec::new();
                    // A choice from a list is a step of its own, however many follow in the
                    // same cell (a typed cell folds its keys into one step instead).
                    let mut picks: Vec<Option<Edit>> = Vec::new();
                    // A campaign moved to another region takes the plots along.
                    let mut moved_to = None;
                    let mut focused = false;
                    row.col(|ui| {
                        let mut on = doc.campaign_on(i);
                        let r = ui
                            .checkbox(&mut on, "")
                            .accessible_name(format!("{}, {who}", t.col_on));
                        let r = r.on_hover_text(t.enabled_hint);
                        grid.cell(ui, Pos { row: i, col: 0 }, &r, &order);
                        focused |= r.gained_focus();
                        if r.changed() {
                            changes.push((switch_campaign(doc, i, on), r.id));
                        }
                    });
                    let mut text_cell =
                        |row: &mut egui_extras::TableRow<'_, '_>,
                         grid: &mut super::super::grid::Grid,
                         focused: &mut bool,
                         col: usize,
                         value: CellValue<'_>,
                         problem: Option<super::super::cells::Said>| {
                            let pos = Pos { row: i, col };
                            let id = cell_id(grid, pos);
                            let name = format!("{}, {who}", headers[col]);
                            let at = At {
                                grid,
                                pos,
                                order: &order,
                            };
                            let (input, gained) =
                                table_cell(row, cells, at, &value, lang, &name, problem.as_ref());
                            *focused |= gained;
                            input.map(|v| (v, id))
                        };
                    if let Some((CellInput::Text(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        1,
                        CellValue::Text(&c.name),
                        problem(Field::Name),
                    ) {
                        changes.push((rename_campaign(doc, i, &v), id));
                    }
                    row.col(|ui| {
                        let id = Id::unique(("campaign-region", i));
                        let current = region_codes.iter().position(|(code, _)| code == &c.region);
                        let shown = current.map_or_else(
                            || format!("! {}", crate::i18n::shown(&c.region)),
                            |k| {
                                format!(
                                    "{} {}",
                                    crate::i18n::shown(&region_codes[k].0),
                                    region_codes[k].1
                                )
                            },
                        );
                        let options: Vec<Option<usize>> =
                            (0..region_codes.len()).map(Some).collect();
                        let label = |k: Option<usize>| {
                            k.map_or_else(
                                || shown.clone(),
                                |k| {
                                    format!(
                                        "{} {}",
                                        crate::i18n::shown(&region_codes[k].0),
                                        region_codes[k].1
                                    )
                                },
                            )
                        };
                        let (picked, r) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_region),
                            current,
                            &options,
                            label,
                        );
                        grid.cell(ui, Pos { row: i, col: 2 }, &r, &order);
                        focused |= r.gained_focus();
                        if let Some(Some(k)) = picked {
                            let code = region_codes[k].0.clone();
                            picks.push(campaign_edit(doc, i, |c| c.region = code));
                            moved_to = Some(k);
                        }
                        if let Some(p) = problem(Field::Region) {
                            ui.label(RichText::new("!").strong().color(p.colour(ui)))
                                .on_hover_text(&p.text);
                        }
                    });
                    row.col(|ui| {
                        let id = Id::unique(("campaign-segment", i));
                        let (picked, r) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_segment),
                            c.segment,
                            &Segment::ALL,
                            |s| s.code().to_owned(),
                        );
                        grid.cell(ui, Pos { row: i, col: 3 }, &r, &order);
                        focused |= r.gained_focus();
                        if let Some(s) = picked {
                            picks.push(campaign_edit(doc, i, |c| c.segment = s));
                        }
                    });
                    row.col(|ui| {
                        let id = Id::unique(("campaign-payer", i));
                        let (picked, r) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_payer),
                            c.payer,
                            &Payer::ALL,
                            |p| (t.payer)(p).to_owned(),
                        );
                        grid.cell(ui, Pos { row: i, col: 4 }, &r, &order);
                        focused |= r.gained_focus();
                        if let Some(p) = picked {
                            picks.push(campaign_edit(doc, i, |c| c.payer = p));
                        }
                    });
                    if let Some((CellInput::Month(m), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        5,
                        CellValue::Month(&c.start),
                        problem(Field::Start),
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.start = m), id));
                    }
                    if let Some((CellInput::Number(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        6,
                        CellValue::Number {
                            value: c.people,
                            decimals: 0,
                        },
                        problem(Field::People),
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.people = v), id));
                    }
                    row.col(|ui| {
                        let id = Id::unique(("campaign-ramp", i));
                        let (picked, r) = choose(
                            ui,
                            id,
                            &format!("{}, {who}", t.col_ramp),
                            c.ramp,
                            &Ramp::ALL,
                            |r| (t.ramp)(r).to_owned(),
                        );
                        grid.cell(ui, Pos { row: i, col: 7 }, &r, &order);
                        focused |= r.gained_focus();
                        if let Some(r) = picked {
                            picks.push(campaign_edit(doc, i, |c| c.ramp = r));
                        }
                    });
                    if let Some((CellInput::Number(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        8,
                        CellValue::Number {
                            value: f64::from(c.ramp_months),
                            decimals: 0,
                        },
                        problem(Field::RampMonths),
                    ) && let Some(months) = months_of(v.round())
                    {
                        changes
                            .push((campaign_edit(doc, i, |c| c.ramp_months = months.max(1)), id));
                    }
                    if let Some((CellInput::Number(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        9,
                        CellValue::MonthsOrEnd(c.funded_months),
                        problem(Field::FundedMonths),
                    ) && let Some(months) = months_of(v.round())
                    {
                        changes.push((
                            campaign_edit(doc, i, |c| {
                                c.funded_months = Some(months).filter(|&m| m > 0);
                            }),
                            id,
                        ));
                    }
                    for (col, value, field) in [
                        (10, c.retention_pct, Field::Retention),
                        (11, c.contribution_rp, Field::Contribution),
                        (12, c.one_off_rp, Field::OneOff),
                    ] {
                        if let Some((CellInput::Number(v), id)) = text_cell(
                            &mut row,
                            &mut grid,
                            &mut focused,
                            col,
                            CellValue::Number {
                                value,
                                decimals: usize::from(col == 10),
                            },
                            problem(field),
                        ) {
                            let edit = campaign_edit(doc, i, |c| match field {
                                Field::Retention => c.retention_pct = v,
                                Field::Contribution => c.contribution_rp = v,
                                _ => c.one_off_rp = v,
                            });
                            changes.push((edit, id));
                        }
                    }
                    if let Some((CellInput::Range(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        13,
                        CellValue::Range(c.uptake_pct),
                        problem(Field::Uptake),
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.uptake_pct = v), id));
                    }
                    if let Some((CellInput::Text(v), id)) = text_cell(
                        &mut row,
                        &mut grid,
                        &mut focused,
                        14,
                        CellValue::Text(&c.note),
                        None,
                    ) {
                        changes.push((campaign_edit(doc, i, |c| c.note = v), id));
                    }
                    let picked_row = row.response().clicked() || focused;
                    if picked_row {
                        view.selected_campaign = Some(i);
                    }
                    // The plots and the detail panel follow the campaign to its region, the
                    // one it was just moved to or the one it has (unless ALL is shown).
                    let follow = moved_to.or_else(|| {
                        picked_row
                            .then(|| doc.scenario.regions.iter().position(|r| r.code == c.region))
                            .flatten()
                    });
                    if let Some(r) = follow
                        && !view.show_all
                        && view.focus() != Some(r)
                    {
                        view.select(r, false);
                    }
                    for (edit, id) in changes {
                        if let Some(edit) = edit {
                            messages.push(Msg::Edit(edit, Some(id)));
                        }
                    }
                    for edit in picks.into_iter().flatten() {
                        messages.push(Msg::Edit(edit, None));
                    }
                });
            });
    });
    grid.scrolled(ui.ctx(), &output);
    view.campaign_grid = grid;
    if rows.is_empty() {
        ui.label(RichText::new(t.no_campaigns).weak());
    }
}
