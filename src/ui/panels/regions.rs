//! The regions table: virtualised rows, sort, filter, add, duplicate, delete.

use egui::{Id, RichText, Ui};
use egui_extras::Column;

use crate::engine::{RegionProjection, TargetOutcome, analyse_targets};
use crate::i18n::Lang;
use crate::model::{Field, MonthField, Rate, RateSource, Region, Segment};

use super::super::app::UcjApp;
use super::super::cells::{At, CellInput, CellValue, cell_id, table_cell_marked};
use super::super::document::Document;
use super::super::edit::Edit;
use super::super::grid::Pos;
use super::super::view::{Msg, RegionColumn, this_month};
use super::{problem_at, region_edit, unique};

/// Where a region stands against its next target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Short,
    OnTrack,
    Met,
}

/// The target that matters now: the first at or after this month (or the region's `as_of`,
/// whichever is later), else the last one.
#[must_use]
pub fn next_target(p: &RegionProjection) -> Option<TargetOutcome> {
    let from = this_month().max(p.series.first);
    let outcomes = analyse_targets(p);
    outcomes
        .iter()
        .find(|o| o.month >= from)
        .or(outcomes.last())
        .cloned()
}

/// Met already at `as_of`, on track to meet it at its month, or short.
#[must_use]
pub fn status(p: &RegionProjection, target: &TargetOutcome) -> Status {
    if p.series.coverages().next().is_some_and(|c| c >= target.pct) {
        Status::Met
    } else if target.met() {
        Status::OnTrack
    } else {
        Status::Short
    }
}

#[must_use]
pub fn status_text(lang: Lang, s: Status) -> &'static str {
    let t = &lang.texts().ui;
    match s {
        Status::Met => t.status_met,
        Status::OnTrack => t.status_on_track,
        Status::Short => t.status_short,
    }
}

struct Row {
    index: usize,
    coverage: Option<f64>,
    target: Option<TargetOutcome>,
    status: Option<Status>,
}

fn rows(doc: &Document, filter: &str) -> Vec<Row> {
    let needle = filter.trim().to_lowercase();
    doc.scenario
        .regions
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            needle.is_empty()
                || [&r.code, &r.name, &r.province]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
        })
        .map(|(index, _)| {
            let p = doc.projection.region(index);
            let target = p.and_then(next_target);
            Row {
                index,
                coverage: p.map(|p| p.series.coverage_pct(0)),
                status: p.zip(target.as_ref()).map(|(p, t)| status(p, t)),
                target,
            }
        })
        .collect()
}

fn sort(rows: &mut [Row], doc: &Document, column: RegionColumn, ascending: bool) {
    let regions = &doc.scenario.regions;
    rows.sort_by(|a, b| {
        let (ra, rb) = (&regions[a.index], &regions[b.index]);
        let order = match column {
            RegionColumn::Code => ra.code.cmp(&rb.code),
            RegionColumn::Name => ra.name.cmp(&rb.name),
            RegionColumn::Province => ra.province.cmp(&rb.province),
            RegionColumn::Workforce => ra.workforce.total_cmp(&rb.workforce),
            RegionColumn::Coverage => a
                .coverage
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&b.coverage.unwrap_or(f64::NEG_INFINITY)),
            RegionColumn::Status => a.status.cmp(&b.status),
        };
        if ascending { order } else { order.reverse() }
    });
}

fn blank_region(regions: &[Region]) -> Region {
    let taken: Vec<&str> = regions.iter().map(|r| r.code.as_str()).collect();
    Region {
        code: unique("NEW", &taken),
        name: String::new(),
        province: String::new(),
        as_of: regions
            .last()
            .map_or_else(|| MonthField::Valid(this_month()), |r| r.as_of.clone()),
        workforce: 100_000.0,
        workforce_source: String::new(),
        active: std::collections::BTreeMap::default(),
        new_per_month: std::collections::BTreeMap::default(),
        lapse_pct_per_month: std::collections::BTreeMap::default(),
        targets: Vec::new(),
        actuals: Vec::new(),
        fitted: Vec::new(),
        note: String::new(),
    }
}

/// The baseline rates shown as columns, in order.
const BASELINE: [Rate; 4] = [
    Rate::NewPerMonth(Segment::PU),
    Rate::NewPerMonth(Segment::BPU),
    Rate::Lapse(Segment::PU),
    Rate::Lapse(Segment::BPU),
];

/// The regions table's column of a region's field, when the table has one.
#[must_use]
pub fn column_of(field: Field) -> Option<usize> {
    match field {
        Field::Code => Some(0),
        Field::Name => Some(1),
        Field::Province => Some(2),
        Field::AsOf => Some(3),
        Field::Workforce => Some(4),
        Field::WorkforceSource => Some(5),
        Field::Active(s) => Some(6 + s.index()),
        Field::NewPerMonth(s) => BASELINE
            .iter()
            .position(|r| *r == Rate::NewPerMonth(s))
            .map(|k| 10 + k),
        Field::Lapse(s) => BASELINE
            .iter()
            .position(|r| *r == Rate::Lapse(s))
            .map(|k| 10 + k),
        _ => None,
    }
}

/// Columns the cursor moves over: code, name, province, as of, workforce, source, active by
/// segment (4), baseline rates (4), note (shown last).
pub const REGION_COLS: usize = 15;

/// A number as a spreadsheet reads it: no thousands separators, the user's decimal mark.
#[must_use]
pub fn bare(x: f64, lang: Lang) -> String {
    let text = format!("{x}");
    match lang.marks().1 {
        '.' => text,
        mark => text.replace('.', &mark.to_string()),
    }
}

/// The regions table as cells of text.
pub struct RegionSheet<'a> {
    pub assumptions: &'a crate::model::Assumptions,
    pub lang: Lang,
    pub names: Vec<String>,
}

impl super::super::grid::Sheet for RegionSheet<'_> {
    type Row = Region;

    fn cols(&self) -> usize {
        REGION_COLS
    }

    fn text(&self, r: &Region, col: usize) -> String {
        match col {
            0 => r.code.clone(),
            1 => r.name.clone(),
            2 => r.province.clone(),
            3 => r.as_of.to_string(),
            4 => bare(r.workforce, self.lang),
            5 => r.workforce_source.clone(),
            6..=9 => bare(
                crate::model::segment_value(&r.active, Segment::ALL[col - 6]),
                self.lang,
            ),
            10..=13 => bare(r.rate(BASELINE[col - 10], self.assumptions), self.lang),
            14 => r.note.clone(),
            _ => String::new(),
        }
    }

    fn set(&self, r: &mut Region, col: usize, text: &str) -> Result<(), String> {
        let lang = self.lang;
        let number = |whole| super::super::grid::read_number(text, whole, lang);
        match col {
            0 if text.trim().is_empty() => {
                return Err(lang.texts().grid.no_default.to_owned());
            }
            0 => text.trim().clone_into(&mut r.code),
            1 => text.trim().clone_into(&mut r.name),
            2 => text.trim().clone_into(&mut r.province),
            3 => {
                r.as_of = MonthField::Valid(
                    super::super::grid::read_month(text, lang)
                        .ok_or_else(|| (lang.texts().grid.not_month)(text))?,
                );
            }
            4 => r.workforce = number(true)?,
            5 => text.trim().clone_into(&mut r.workforce_source),
            6..=9 => {
                r.active.insert(Segment::ALL[col - 6], number(true)?);
            }
            10..=13 => {
                let rate = BASELINE[col - 10];
                let v = number(matches!(rate, Rate::NewPerMonth(_)))?;
                if r.rate(rate, self.assumptions) != v {
                    r.set_rate(rate, v, &[]);
                }
            }
            14 => text.trim().clone_into(&mut r.note),
            _ => {}
        }
        Ok(())
    }

    fn clear(&self, r: &mut Region, col: usize) -> Result<(), String> {
        match col {
            1 => r.name.clear(),
            2 => r.province.clear(),
            5 => r.workforce_source.clear(),
            14 => r.note.clear(),
            6..=9 => {
                r.active.remove(&Segment::ALL[col - 6]);
            }
            10 | 11 => {
                if r.new_per_month
                    .remove(&BASELINE[col - 10].segment())
                    .is_some()
                {
                    r.fitted.clear();
                }
            }
            12 | 13 => {
                if r.rate_source(BASELINE[col - 10]) != RateSource::Assumed {
                    r.clear_lapse(BASELINE[col - 10].segment());
                }
            }
            _ => return Err(self.lang.texts().grid.no_default.to_owned()),
        }
        Ok(())
    }

    fn blank(&self, existing: &[Region]) -> Region {
        blank_region(existing)
    }

    fn col_name(&self, col: usize) -> String {
        self.names.get(col).cloned().unwrap_or_default()
    }

    fn row_key(&self, row: &Region) -> String {
        row.code.clone()
    }
}

/// The edits that turn the document's regions into `outcome`'s, in one undo step: changed
/// regions (their campaigns follow a new code), then the rows a paste added.
fn outcome_edit(doc: &Document, outcome: super::super::grid::Outcome<Region>) -> Option<Edit> {
    let mut edits = Vec::new();
    for (index, after) in outcome.changed {
        let before = &doc.scenario.regions[index];
        if before.code != after.code {
            for (i, c) in doc.scenario.campaigns.iter().enumerate() {
                if c.region == before.code {
                    edits.extend(super::campaign_edit(doc, i, |c| {
                        after.code.clone_into(&mut c.region);
                    }));
                }
            }
        }
        edits.push(Edit::Region {
            index,
            before: Box::new(before.clone()),
            after: Box::new(after),
        });
    }
    let n = doc.scenario.regions.len();
    for (k, region) in outcome.added.into_iter().enumerate() {
        edits.push(Edit::InsertRegion {
            index: n + k,
            region: Box::new(region),
        });
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// A small triangle after a sorted column's name: up for ascending.
pub fn sort_mark(ui: &Ui, rect: egui::Rect, ascending: bool) {
    let c = egui::pos2(rect.right() + 8.0, rect.center().y);
    let (tip, base) = if ascending { (-4.0, 3.0) } else { (4.0, -3.0) };
    let points = vec![
        egui::pos2(c.x, c.y + tip),
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
    ];
    let colour = ui.visuals().strong_text_color();
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
}

/// Deleting a region deletes its campaigns in the same undo step.
fn delete_regions(doc: &Document, indices: &[usize]) -> Option<Edit> {
    let indices = super::rows_in(indices, doc.scenario.regions.len());
    if indices.is_empty() {
        return None;
    }
    let codes: Vec<&str> = indices
        .iter()
        .map(|&i| doc.scenario.regions[i].code.as_str())
        .collect();
    let own: Vec<usize> = (0..doc.scenario.campaigns.len())
        .filter(|&i| codes.contains(&doc.scenario.campaigns[i].region.as_str()))
        .collect();
    let mut edits = vec![super::campaigns::remove_campaigns(doc, &own)];
    // From the last, so each index still points at its region.
    for &index in indices.iter().rev() {
        edits.push(Edit::RemoveRegion {
            index,
            region: Box::new(doc.scenario.regions[index].clone()),
        });
    }
    Some(Edit::Batch(edits))
}

/// Copies of regions, each right after its original, with codes of their own.
fn duplicate_regions(doc: &Document, indices: &[usize]) -> Option<Edit> {
    let indices = super::rows_in(indices, doc.scenario.regions.len());
    let mut taken: Vec<String> = doc
        .scenario
        .regions
        .iter()
        .map(|r| r.code.clone())
        .collect();
    let mut edits = Vec::new();
    for &i in indices.iter().rev() {
        let mut copy = doc.scenario.regions[i].clone();
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        copy.code = unique(&copy.code, &refs);
        taken.push(copy.code.clone());
        edits.push(Edit::InsertRegion {
            index: i + 1,
            region: Box::new(copy),
        });
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The rows a toolbar action applies to: the rows of the cursor's range when it spans
/// several, else the selected regions.
fn chosen_rows(app: &UcjApp) -> Vec<usize> {
    let grid = &app.view.region_grid;
    match grid.range(&grid.order) {
        Some((rows, _)) if rows.len() > 1 => rows,
        _ => app.view.selected.clone(),
    }
}

/// A new code for a region also moves its campaigns to the new code, in one step.
fn recode(doc: &Document, index: usize, code: &str) -> Option<Edit> {
    let old = doc.scenario.regions.get(index)?.code.clone();
    let mut edits = vec![region_edit(doc, index, |r| code.clone_into(&mut r.code))?];
    for (i, _) in doc
        .scenario
        .campaigns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region == old)
    {
        edits.extend(super::campaign_edit(doc, i, |c| {
            code.clone_into(&mut c.region);
        }));
    }
    Some(Edit::Batch(edits))
}

fn toolbar(app: &mut UcjApp, ui: &mut Ui, here: Option<String>) {
    let t = &app.lang.texts().ui;
    ui.horizontal(|ui| {
        let _ = super::filter_box(
            ui,
            &mut app.view.region_filter,
            t.filter_regions_hint,
            app.lang,
        );
        ui.separator();
        if ui.button(t.add_region).clicked() {
            let index = app.doc.scenario.regions.len();
            let region = blank_region(&app.doc.scenario.regions);
            app.messages.push(Msg::Edit(
                Edit::InsertRegion {
                    index,
                    region: Box::new(region),
                },
                None,
            ));
            app.view.select(index, false);
            // The new row is shown, with the cursor on its code, ready for typing.
            app.view.reveal = Some(index);
            app.view.region_grid.go_to(Pos { row: index, col: 0 });
        }
        // Selected rows (Ctrl/Shift+click, or the cursor's range) go together.
        let chosen = chosen_rows(app);
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
            && let Some(edit) = duplicate_regions(&app.doc, &chosen)
        {
            app.messages.push(Msg::Edit(edit, None));
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(label(t.delete)))
            .on_hover_text(t.delete_region_hint)
            .clicked()
            && let Some(edit) = delete_regions(&app.doc, &chosen)
        {
            app.messages.push(Msg::Edit(edit, None));
            app.view.selected.clear();
            app.view.region_grid.go_to_nothing();
        }
        super::cell_place_label(ui, here);
    });
}

/// While a code or a name is typed, the catalogue's regencies, cities and provinces that match
/// are offered under the cell; a click fills in code, name, province and, for a new row, an
/// estimated workforce. Returns the row and the entry picked.
fn suggestions(
    ui: &Ui,
    grid: &super::super::grid::Grid,
    offer: &mut Option<(Pos, egui::Rect, Vec<String>)>,
    cells: &super::super::cells::CellBuffers,
    taken: &[&str],
    lang: Lang,
) -> Option<(usize, &'static crate::model::catalogue::Entry)> {
    use crate::model::catalogue;
    // What was offered last frame is drawn first: a click on it ends the cell's edit in this
    // same frame, and must still reach the button.
    let mut picked = None;
    if let Some((pos, rect, codes)) = offer.as_ref() {
        egui::Area::new(egui::Id::unique("catalogue-suggestions"))
            .order(egui::Order::Foreground)
            .fixed_pos(rect.left_bottom())
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(
                        RichText::new(lang.texts().catalogue.use_entry)
                            .small()
                            .weak(),
                    );
                    for e in codes.iter().filter_map(|c| catalogue::by_code(c)) {
                        if ui.button(format!("{} {}", e.code, e.name)).clicked() {
                            picked = Some((pos.row, e));
                        }
                    }
                });
            });
    }
    let before = offer.clone();
    *offer = grid.focused_rect.and_then(|(pos, rect)| {
        if pos.col > 1 || picked.is_some() {
            return None;
        }
        let typed = cells.text_of(grid.id(pos))?;
        // Entries whose code the scenario has already are not offered twice.
        let offered: Vec<_> = catalogue::suggestions(typed, 12)
            .into_iter()
            .filter(|e| taken.iter().all(|c| *c != e.code))
            .take(6)
            .collect();
        if offered.is_empty() || offered.iter().any(|e| e.code == typed || e.name == typed) {
            return None;
        }
        Some((pos, rect, offered.iter().map(|e| e.code.clone()).collect()))
    });
    if *offer != before {
        ui.ctx().request_repaint();
    }
    picked
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
    let sheet = RegionSheet {
        assumptions: &doc.scenario.assumptions,
        lang: *lang,
        names: names.to_vec(),
    };
    super::run_commands(
        &sheet,
        &doc.scenario.regions,
        doc,
        outcome_edit,
        commands,
        order,
        &mut view.region_grid,
        cells,
        messages,
        notice,
        ui.ctx(),
        *lang,
    );
}

/// The baseline rates' columns, and the names of the columns the cursor moves over.
fn column_names(lang: crate::i18n::Lang) -> (Vec<(Rate, String)>, Vec<String>) {
    let t = &lang.texts().ui;
    let calib = &lang.texts().calib;
    let baseline: Vec<(Rate, String)> = BASELINE
        .into_iter()
        .map(|r| {
            let name = (calib.rate_name)(r);
            match r {
                Rate::Lapse(_) => (r, format!("{name} (%)")),
                Rate::NewPerMonth(_) => (r, name),
            }
        })
        .collect();
    let mut names: Vec<String> = vec![
        t.col_code.to_owned(),
        t.col_name.to_owned(),
        t.col_province.to_owned(),
        t.col_as_of.to_owned(),
        t.col_workforce.to_owned(),
        t.col_source.to_owned(),
    ];
    names.extend(
        Segment::ALL
            .iter()
            .map(|s| format!("{} {}", t.col_active, s.code())),
    );
    names.extend(baseline.iter().map(|(_, n)| n.clone()));
    names.push(t.col_note.to_owned());
    (baseline, names)
}

pub fn show(app: &mut UcjApp, ui: &mut Ui) {
    let here = app.view.region_grid.active.and_then(|at| {
        let region = app.doc.scenario.regions.get(at.row)?;
        let (_, names) = column_names(app.lang);
        Some(super::cell_place(
            &region.name,
            &region.code,
            names.get(at.col)?,
        ))
    });
    toolbar(app, ui, here);
    // Sorted or filtered anew: the selected region is shown where it went, not left out of
    // view at the old scroll position.
    let was = &app.view.region_order_was;
    if was.0 != app.view.region_sort || was.1 != app.view.region_filter {
        app.view.region_order_was = (app.view.region_sort, app.view.region_filter.clone());
        if app.view.reveal.is_none() {
            app.view.reveal = app.view.focus();
        }
    }
    let mut rows = rows(&app.doc, &app.view.region_filter);
    if let Some((column, ascending)) = app.view.region_sort {
        sort(&mut rows, &app.doc, column, ascending);
    }
    let editing = app.view.region_grid.editing(&app.cells);
    if editing {
        super::keep_order(&mut rows, |r| r.index, &app.view.region_grid.order);
    }
    let order: Vec<usize> = rows.iter().map(|r| r.index).collect();
    let lang = app.lang;
    let t = &lang.texts().ui;
    let calib = &lang.texts().calib;
    let (baseline, names) = column_names(lang);
    let (commands, key_reveal) = app.view.region_grid.keys(ui, &order, REGION_COLS, editing);
    if std::mem::take(&mut app.view.region_grid.commit)
        && let Some(at) = app.view.region_grid.active
    {
        app.cells.commit(app.view.region_grid.id(at));
    }
    if !commands.is_empty() {
        run_commands(app, ui, commands, &order, &names);
    }
    app.view.region_grid.order.clone_from(&order);
    let UcjApp {
        doc,
        cells,
        view,
        messages,
        ..
    } = app;
    let headers: [(&str, Option<RegionColumn>); 19] = [
        (t.col_code, Some(RegionColumn::Code)),
        (t.col_name, Some(RegionColumn::Name)),
        (t.col_province, Some(RegionColumn::Province)),
        (t.col_as_of, None),
        (t.col_workforce, Some(RegionColumn::Workforce)),
        (t.col_source, None),
        ("PU", None),
        ("BPU", None),
        ("Jakon", None),
        ("PMI", None),
        (&baseline[0].1, None),
        (&baseline[1].1, None),
        (&baseline[2].1, None),
        (&baseline[3].1, None),
        (t.col_coverage_now, Some(RegionColumn::Coverage)),
        (t.col_next_target, None),
        (t.col_status, Some(RegionColumn::Status)),
        (t.col_note, None),
        ("", None),
    ];
    let reveal = super::reveal_row(
        &mut view.reveal,
        doc.scenario.regions.len(),
        |i| rows.iter().position(|r| r.index == i),
        key_reveal,
    );
    let mut grid = std::mem::take(&mut view.region_grid);
    let output = grid.scroll_area().show(ui, |ui| {
        super::table(ui, "regions", reveal)
            .column(Column::initial(62.0).at_least(50.0))
            .column(Column::initial(230.0).at_least(80.0))
            .column(Column::initial(135.0).at_least(60.0))
            .column(Column::initial(72.0).at_least(70.0))
            .column(Column::initial(92.0).at_least(70.0))
            .column(Column::initial(110.0).at_least(50.0))
            .columns(Column::initial(82.0).at_least(60.0), 4)
            .columns(Column::initial(92.0).at_least(60.0), 4)
            .column(Column::initial(95.0).at_least(70.0))
            .column(Column::initial(150.0).at_least(90.0))
            .column(Column::initial(90.0).at_least(60.0))
            .column(Column::initial(280.0).at_least(80.0))
            .column(Column::exact(1.0))
            .header(24.0, |mut header| {
                for (label, column) in headers {
                    header.col(|ui| {
                        let Some(column) = column else {
                            ui.strong(label);
                            return;
                        };
                        super::sort_header(ui, label, column, &mut view.region_sort, t.sort_hint);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, rows.len(), |mut row| {
                    let r = &rows[row.index()];
                    let i = r.index;
                    row.set_selected(view.selected.contains(&i));
                    let region = &doc.scenario.regions[i];
                    let report = &doc.projection.report;
                    let problem = |field| problem_at(report, lang, Some(i), None, field);
                    let code = crate::i18n::shown(&region.code);
                    let mut focused = false;
                    let mut changes: Vec<(Option<Edit>, Id)> = Vec::new();
                    let mut edit_cell = |row: &mut egui_extras::TableRow<'_, '_>,
                                         col: usize,
                                         value: CellValue<'_>,
                                         problem: Option<super::super::cells::Said>,
                                         mark: Option<(&str, &str)>|
                     -> Option<(CellInput, Id)> {
                        let pos = Pos { row: i, col };
                        let id = cell_id(&grid, pos);
                        let name = format!("{}, {code}", names[col]);
                        let at = At {
                            grid: &mut grid,
                            pos,
                            order: &order,
                        };
                        let (input, gained) = table_cell_marked(
                            row,
                            cells,
                            at,
                            &value,
                            lang,
                            &name,
                            problem.as_ref(),
                            mark,
                        );
                        focused |= gained;
                        input.map(|v| (v, id))
                    };
                    if let Some((CellInput::Text(code), id)) = edit_cell(
                        &mut row,
                        0,
                        CellValue::Text(&region.code),
                        problem(Field::Code),
                        None,
                    ) {
                        changes.push((recode(doc, i, &code), id));
                    }
                    for (col, value, setter) in [
                        (
                            1,
                            region.name.as_str(),
                            (|r: &mut Region, v: String| r.name = v) as fn(&mut Region, String),
                        ),
                        (2, region.province.as_str(), |r, v| {
                            r.province = v;
                        }),
                    ] {
                        if let Some((CellInput::Text(v), id)) =
                            edit_cell(&mut row, col, CellValue::Text(value), None, None)
                        {
                            changes.push((region_edit(doc, i, |r| setter(r, v)), id));
                        }
                    }
                    if let Some((CellInput::Month(m), id)) = edit_cell(
                        &mut row,
                        3,
                        CellValue::Month(&region.as_of),
                        problem(Field::AsOf),
                        None,
                    ) {
                        changes.push((region_edit(doc, i, |r| r.as_of = m), id));
                    }
                    if let Some((CellInput::Number(v), id)) = edit_cell(
                        &mut row,
                        4,
                        CellValue::Number {
                            value: region.workforce,
                            decimals: 0,
                        },
                        problem(Field::Workforce),
                        None,
                    ) {
                        changes.push((region_edit(doc, i, |r| r.workforce = v), id));
                    }
                    if let Some((CellInput::Text(v), id)) = edit_cell(
                        &mut row,
                        5,
                        CellValue::Text(&region.workforce_source),
                        None,
                        None,
                    ) {
                        changes.push((region_edit(doc, i, |r| r.workforce_source = v), id));
                    }
                    for (k, segment) in Segment::ALL.into_iter().enumerate() {
                        let value = crate::model::segment_value(&region.active, segment);
                        if let Some((CellInput::Number(v), id)) = edit_cell(
                            &mut row,
                            6 + k,
                            CellValue::Number { value, decimals: 0 },
                            problem(Field::Active(segment)),
                            None,
                        ) {
                            changes.push((
                                region_edit(doc, i, |r| {
                                    r.active.insert(segment, v);
                                }),
                                id,
                            ));
                        }
                    }
                    for (k, (rate, _)) in baseline.iter().enumerate() {
                        let (field, decimals) = match *rate {
                            Rate::NewPerMonth(s) => (Field::NewPerMonth(s), 0),
                            Rate::Lapse(s) => (Field::Lapse(s), 2),
                        };
                        let value = region.rate(*rate, &doc.scenario.assumptions);
                        let source = region.rate_source(*rate);
                        let symbol = match source {
                            RateSource::Fitted(_) => calib.mark_fitted,
                            RateSource::Assumed => calib.mark_assumed,
                            RateSource::Own => "",
                        };
                        let meaning = lang.rate_source(&source);
                        if let Some((CellInput::Number(v), id)) = edit_cell(
                            &mut row,
                            10 + k,
                            CellValue::Number { value, decimals },
                            problem(field),
                            Some((symbol, &meaning)),
                        ) {
                            let rate = *rate;
                            changes.push((region_edit(doc, i, |r| r.set_rate(rate, v, &[])), id));
                        }
                    }
                    row.col(|ui| {
                        let text = r.coverage.map_or_else(|| "–".to_owned(), |c| lang.pct(c));
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(text).on_hover_text(t.coverage_now_hint);
                        });
                    });
                    row.col(|ui| {
                        if let Some(target) = &r.target {
                            ui.label(format!(
                                "{} · {}",
                                lang.pct(target.pct),
                                lang.month(target.month)
                            ));
                        }
                    });
                    row.col(|ui| {
                        if let Some(s) = r.status {
                            let colour = match s {
                                Status::Met | Status::OnTrack => ui.visuals().text_color(),
                                Status::Short => ui.visuals().warn_fg_color,
                            };
                            ui.label(RichText::new(status_text(lang, s)).color(colour));
                        } else if !report.region_ok(i) {
                            ui.label(
                                RichText::new(t.not_projected).color(ui.visuals().error_fg_color),
                            );
                        }
                    });
                    let note = crate::i18n::shown(&region.note);
                    if let Some((CellInput::Text(v), id)) = edit_cell(
                        &mut row,
                        14,
                        CellValue::Text(&region.note),
                        None,
                        (!region.note.is_empty()).then_some(("", note.as_ref())),
                    ) {
                        changes.push((region_edit(doc, i, |r| r.note = v), id));
                    }
                    if focused && !view.selected.contains(&i) {
                        view.select(i, false);
                    }
                    row.col(|_| {});
                    if row.response().clicked() {
                        let add = row
                            .response()
                            .ctx
                            .input(|i| i.modifiers.command || i.modifiers.shift);
                        view.select(i, add);
                    }
                    for (edit, id) in changes {
                        if let Some(edit) = edit {
                            messages.push(Msg::Edit(edit, Some(id)));
                        }
                    }
                });
            });
    });
    grid.scrolled(ui.ctx(), &output);
    let taken: Vec<&str> = doc
        .scenario
        .regions
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    let offer = suggestions(ui, &grid, &mut view.catalogue_offer, cells, &taken, lang);
    view.region_grid = grid;
    if let Some((row, entry)) = offer
        && let Some(edit) = region_edit(doc, row, |r| {
            let fresh = r.workforce_source.is_empty() || r.workforce == 100_000.0;
            let from = crate::model::catalogue::region_of(
                entry,
                crate::model::catalogue::WORKING_SHARE,
                r.as_of.month().unwrap_or_else(this_month),
            );
            r.code.clone_from(&from.code);
            r.name.clone_from(&from.name);
            r.province.clone_from(&from.province);
            if fresh {
                r.workforce = from.workforce;
                r.workforce_source = from.workforce_source;
                if r.note.is_empty() {
                    r.note = from.note;
                }
            }
        })
    {
        cells.clear_valid();
        messages.push(Msg::Edit(edit, None));
    }
    if rows.is_empty() {
        ui.label(RichText::new(t.no_regions).weak());
    }
}
