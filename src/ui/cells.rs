//! Editable cells as a planner used to a spreadsheet expects: type, see the effect at once;
//! what cannot be a number stays as typed, marked and explained, until it is fixed.

use std::collections::HashMap;

use egui::{Id, Response, TextEdit, Ui};

use crate::i18n::Lang;
use crate::model::MonthField;

use super::grid::{Grid, Pos};

/// A table and a cell in it.
pub type CellAt = Option<(&'static str, Pos)>;

/// What validation says of a cell: its message, and whether it is only a warning (drawn in
/// the warning colour, not the error red: a planner tells at a glance what stops the
/// projection from what is worth a look).
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    pub text: String,
    pub warning: bool,
}

impl Said {
    /// What validation's `issue` says, in `lang`, with its severity.
    #[must_use]
    pub fn of(issue: &crate::model::Issue, lang: Lang) -> Self {
        Self {
            text: (lang.texts().problem)(&issue.problem),
            warning: issue.severity() == crate::model::Severity::Warning,
        }
    }

    /// The colour it is drawn in: the warning colour, or the error red.
    #[must_use]
    pub fn colour(&self, ui: &Ui) -> egui::Color32 {
        if self.warning {
            ui.visuals().warn_fg_color
        } else {
            ui.visuals().error_fg_color
        }
    }

    /// Its words in its colour, for a line under a field.
    #[must_use]
    pub fn words(&self, ui: &Ui) -> egui::RichText {
        egui::RichText::new(&self.text).color(self.colour(ui))
    }
}

/// What a cell shows while its text is not the document's value: being edited, or invalid.
#[derive(Default)]
pub struct CellBuffers {
    texts: HashMap<Id, Pending>,
    /// An edit of a cell was committed or cancelled: the document closes its undo step.
    ended: bool,
    /// The document's number of undo steps, set by the app each frame: a text is stamped
    /// with it, so that undo takes typos and document steps in the order they were made.
    pub history: usize,
}

struct Pending {
    text: String,
    /// Why the text cannot be used, when it cannot; with the place it belongs to.
    error: Option<String>,
    place: String,
    /// The document's value when this edit began: what the document holds while the text is
    /// not a value, and what Esc gives back.
    before: CellInput,
    /// The table and cell it is in, to go back to it.
    at: CellAt,
    /// [`CellBuffers::history`] when it was last typed.
    history: usize,
}

impl CellBuffers {
    /// Cells whose text is not a usable value: (place, message), for the problems list.
    pub fn invalid(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts
            .values()
            .filter_map(|p| Some((p.place.as_str(), p.error.as_deref()?)))
    }

    pub fn clear(&mut self) {
        self.texts.clear();
        self.ended = false;
    }

    /// Forgets edits in progress but keeps the cells whose text is not a value: an undo of
    /// another edit must not throw a typo away without a word.
    pub fn clear_valid(&mut self) {
        self.texts.retain(|_, p| p.error.is_some());
    }

    /// Forgets the texts that are not values (the document never took them) typed since the
    /// document had `history` undo steps: Undo takes them back like any edit, before the
    /// document's last step when they came after it, after it when they came before it.
    /// Whether any went.
    pub fn drop_invalid_since(&mut self, history: usize) -> bool {
        let before = self.texts.len();
        self.texts
            .retain(|_, p| p.error.is_none() || p.history < history);
        self.texts.len() < before
    }

    /// Whether a cell shows a text that is not a value.
    #[must_use]
    pub fn has_invalid(&self) -> bool {
        self.invalid().next().is_some()
    }

    /// Where the first cell whose text is not a value is (by its name), to go back to it.
    #[must_use]
    pub fn first_invalid(&self) -> CellAt {
        self.texts
            .values()
            .filter(|p| p.error.is_some())
            .filter_map(|p| Some((p.place.as_str(), p.at?)))
            .min_by(|a, b| a.0.cmp(b.0))
            .map(|(_, at)| at)
    }

    /// Cells whose text is not a value, with where they are: (place, message, table cell).
    pub fn invalid_at(&self) -> impl Iterator<Item = (&str, &str, CellAt)> {
        self.texts
            .values()
            .filter_map(|p| Some((p.place.as_str(), p.error.as_deref()?, p.at)))
    }

    /// Whether this cell holds an edit not yet committed (typed, not yet left).
    #[must_use]
    pub fn is_editing(&self, id: Id) -> bool {
        self.texts.contains_key(&id)
    }

    /// Whether an edit of a cell ended since the last call: its undo step is complete.
    pub fn take_ended(&mut self) -> bool {
        std::mem::take(&mut self.ended)
    }

    /// Commits a cell's edit without leaving it (Enter at the last row): a value typed in full
    /// stays and the undo step ends; text that is not a value stays marked.
    pub fn commit(&mut self, id: Id) {
        if self.texts.get(&id).is_some_and(|p| p.error.is_none()) {
            self.texts.remove(&id);
            self.ended = true;
        }
    }

    /// What is being typed into a cell, while it is.
    #[must_use]
    pub fn text_of(&self, id: Id) -> Option<&str> {
        self.texts.get(&id).map(|p| p.text.as_str())
    }

    /// Forgets what a cell showed (its value was replaced by a paste, a fill or Delete).
    pub fn forget(&mut self, id: Id) {
        self.texts.remove(&id);
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// A number field dragged or typed the planner's way: it shows `0,75` in Indonesian and
/// `0.75` in English, and reads what is typed in the same way (a comma typed in Indonesian was
/// silently ignored by egui's own reading, which knows only the point).
pub fn drag(value: &mut f64, lang: Lang) -> egui::DragValue<'_> {
    egui::DragValue::new(value)
        .custom_formatter(move |v, _| lang.plain(v))
        .custom_parser(move |text| crate::i18n::reading::read_number(text, false, lang).ok())
}

/// Reads a number written the user's way: `213.582` or `4,5` in Indonesian, `213,582` or
/// `4.5` in English. Thousands separators must group by three; anything else is an error,
/// never a guess.
///
/// # Errors
/// A message for the user, in their language.
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, String> {
    let t = lang.texts();
    let (thousands, decimal) = lang.marks();
    let cleaned: String = text
        .trim()
        .trim_start_matches("Rp")
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return Err(t.ui.cell_empty.to_owned());
    }
    let (sign, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, cleaned.as_str()),
    };
    let (int_part, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let bad = || (t.ui.cell_not_number)(text, decimal);
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let groups: Vec<&str> = int_part.split(thousands).collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok || !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return Err(bad());
    }
    let digits = format!("{}.{}", groups.concat(), frac.unwrap_or("0"));
    let value: f64 = digits.parse().map_err(|_| bad())?;
    if !value.is_finite() {
        return Err(bad());
    }
    Ok(sign * value)
}

/// What a cell shows and what the user may type into it.
pub enum CellValue<'a> {
    Text(&'a str),
    /// Text in a grid rather than a table column: kept wide enough to read.
    WideText(&'a str),
    Number {
        value: f64,
        decimals: usize,
    },
    Month(&'a MonthField),
    /// A range `low / most likely / high`, or empty for none of its own.
    Range(Option<crate::model::Triangle>),
    /// Whole months, or "to the end" (`None`, typed as 0, nothing or the words).
    MonthsOrEnd(Option<u32>),
}

/// A new value typed into a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellInput {
    Text(String),
    Number(f64),
    Month(MonthField),
    Range(Option<crate::model::Triangle>),
}

/// A range as a cell shows it: `60 / 90 / 100`, one number when all three are equal.
#[must_use]
pub fn range_text(range: Option<crate::model::Triangle>, lang: Lang) -> String {
    match range {
        None => String::new(),
        Some((l, m, h)) if l == m && m == h => lang.plain(m),
        Some((l, m, h)) => format!("{} / {} / {}", lang.plain(l), lang.plain(m), lang.plain(h)),
    }
}

/// Reads `low / most likely / high` (or one number for all three; `;` also separates);
/// empty is none.
///
/// # Errors
/// A part that is not a number, parts out of order, or two or more than three parts.
pub fn read_range(text: &str, lang: Lang) -> Result<Option<crate::model::Triangle>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let parts: Vec<f64> = text
        .split(['/', ';'])
        .map(|p| parse_number(p.trim(), lang))
        .collect::<Result<_, _>>()?;
    match parts[..] {
        [v] => Ok(Some((v, v, v))),
        [l, m, h] if l <= m && m <= h => Ok(Some((l, m, h))),
        [l, m, h] => Err((lang.texts().problem)(&crate::model::Problem::RangeOrder {
            low: l,
            mode: m,
            high: h,
        })),
        _ => Err(lang.texts().uncertainty.range_hint.to_owned()),
    }
}

/// What a cell shows for a value of the document.
fn shown_text(value: &CellValue<'_>, lang: Lang) -> String {
    match value {
        // Text too long to be a name (validation says so) shows shortened; typing replaces it.
        CellValue::Text(s) | CellValue::WideText(s)
            if s.chars().nth(crate::model::MAX_NAME_CHARS).is_some() =>
        {
            crate::i18n::shown(s).into_owned()
        }
        CellValue::Text(s) | CellValue::WideText(s) => (*s).to_owned(),
        CellValue::Number { value, decimals } => lang.number(*value, *decimals),
        CellValue::Month(m) => crate::i18n::shown(&m.to_string()).into_owned(),
        CellValue::Range(r) => range_text(*r, lang),
        CellValue::MonthsOrEnd(None) => lang.texts().ui.to_the_end.to_owned(),
        CellValue::MonthsOrEnd(Some(m)) => lang.number(f64::from(*m), 0),
    }
}

/// The document's value behind a cell, as an input that would set it again.
fn as_input(value: &CellValue<'_>) -> CellInput {
    match value {
        CellValue::Text(s) | CellValue::WideText(s) => CellInput::Text((*s).to_owned()),
        CellValue::Number { value, .. } => CellInput::Number(*value),
        CellValue::Month(m) => CellInput::Month((*m).clone()),
        CellValue::Range(r) => CellInput::Range(*r),
        CellValue::MonthsOrEnd(m) => CellInput::Number(m.map_or(0.0, f64::from)),
    }
}

/// Reads a whole number (people, rupiah) as [`parse_number`] does, but refuses exactly three
/// digits after the decimal mark with no thousands mark before it: `120.000` in English (or
/// `120,000` in Indonesian) is how the other language writes 120 thousand, and reading it as
/// 120 would make a figure a thousand times too small without a word.
///
/// # Errors
/// A message for the user, in their language, saying what to type instead.
pub fn parse_whole(text: &str, lang: Lang) -> Result<f64, String> {
    let value = parse_number(text, lang)?;
    let (thousands, decimal) = lang.marks();
    let body = text.trim().trim_start_matches("Rp").trim_start_matches('-');
    if let Some((int_part, frac)) = body.split_once(decimal)
        && frac.len() == 3
        && !int_part.is_empty()
        && !int_part.contains(thousands)
    {
        let whole = format!("{int_part}{frac}");
        let shown = whole.parse().map_or(whole, |v: f64| lang.people(v));
        return Err((lang.texts().ui.cell_thousands_or_decimal)(
            text, decimal, &shown,
        ));
    }
    Ok(value)
}

/// Reads what was typed into a cell: the value, or why it is not one (an empty message for
/// a month still being typed, which is kept as typed when the cell is left).
fn read(value: &CellValue<'_>, text: &str, lang: Lang) -> Result<CellInput, String> {
    match value {
        CellValue::Text(_) | CellValue::WideText(_) => Ok(CellInput::Text(text.to_owned())),
        CellValue::Number { decimals: 0, .. } => parse_whole(text, lang).map(CellInput::Number),
        CellValue::Number { .. } => parse_number(text, lang).map(CellInput::Number),
        CellValue::Month(_) => match super::grid::read_month(text, lang) {
            Some(m) => Ok(CellInput::Month(MonthField::Valid(m))),
            None => Err(String::new()),
        },
        CellValue::Range(_) => read_range(text, lang).map(CellInput::Range),
        CellValue::MonthsOrEnd(_) => {
            let words = text.trim();
            let to_end = [Lang::En, Lang::Id]
                .iter()
                .any(|l| words.eq_ignore_ascii_case(l.texts().ui.to_the_end));
            if words.is_empty() || to_end {
                Ok(CellInput::Number(0.0))
            } else {
                parse_number(text, lang).map(CellInput::Number)
            }
        }
    }
}

/// The keys of an edit that belong to the table a cell is in: `Some(None)` in a table,
/// `Some(Some(select_all))` when the table's cursor just arrived at this cell.
pub type InGrid = Option<Option<bool>>;

/// One editable cell. `name` is its accessible name ("Workforce, 16.06"); `problem` is what
/// validation says of the document's value. Returns a new value for the document, plus the
/// response for focus and hover.
///
/// The cell contract: typing shows its effect at once, but the document only ever holds a
/// value typed in full. While the text is not a value, the document holds the value the cell
/// had before this edit began, and the cell says why; Esc gives that value back; leaving the
/// cell (Enter, Tab, an arrow, a click elsewhere) commits, and ends the undo step.
pub fn cell(
    ui: &mut Ui,
    buffers: &mut CellBuffers,
    id: Id,
    value: &CellValue<'_>,
    lang: Lang,
    name: &str,
    problem: Option<&Said>,
    grid: InGrid,
) -> (Option<CellInput>, Response) {
    let mut input = None;
    // Esc gives back the value from before the edit, in the document and in the cell.
    if ui.memory(|m| m.has_focus(id))
        && buffers.texts.contains_key(&id)
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        && let Some(pending) = buffers.texts.remove(&id)
    {
        input = Some(pending.before);
        buffers.ended = true;
    }
    let shown = match &input {
        Some(CellInput::Number(v)) => match value {
            CellValue::Number { decimals, .. } => lang.number(*v, *decimals),
            _ => shown_text(value, lang),
        },
        Some(CellInput::Text(s)) => s.clone(),
        Some(CellInput::Month(m)) => m.to_string(),
        Some(CellInput::Range(r)) => range_text(*r, lang),
        None => shown_text(value, lang),
    };
    let mut text = buffers
        .texts
        .get(&id)
        .map_or_else(|| shown.clone(), |p| p.text.clone());
    let own_error = buffers.texts.get(&id).and_then(|p| p.error.clone());
    // Text that is not a value is always an error; validation's words keep their severity.
    let warning = own_error.is_none() && problem.is_some_and(|p| p.warning);
    let error = own_error.as_deref().or(problem.map(|p| p.text.as_str()));
    let error_colour = if warning {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().error_fg_color
    };
    let numeric = matches!(value, CellValue::Number { .. });
    if let Some(Some(select_all)) = grid {
        ui.memory_mut(|m| m.request_focus(id));
        let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let end = egui::text::CCursor::new(text.chars().count());
        let range = if select_all {
            egui::text::CCursorRange::two(egui::text::CCursor::new(0), end)
        } else {
            egui::text::CCursorRange::one(end)
        };
        state.cursor.set_char_range(Some(range));
        state.store(ui.ctx(), id);
    }
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        // In a table the cell fills its column; in a grid it keeps a readable width.
        .desired_width(ui.available_width().min(320.0))
        .min_size(egui::vec2(
            match value {
                CellValue::Month(_) => 64.0,
                CellValue::Number { .. } | CellValue::MonthsOrEnd(_) => 60.0,
                // "70 / 100 / 100" whole.
                CellValue::Range(_) => 130.0,
                CellValue::Text(_) => 40.0,
                CellValue::WideText(_) => 240.0,
            },
            0.0,
        ))
        .align(if numeric {
            egui::Align2::RIGHT_CENTER
        } else {
            egui::Align2::LEFT_CENTER
        });
    if grid.is_some() {
        // In a table the keys that move between cells are the table's (see `grid`).
        edit = edit.event_filter(egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: true,
        });
    }
    if error.is_some() {
        edit = edit.text_color(error_colour);
    }
    let mut response = ui.add(edit).accessible_name(name);
    if let Some(message) = error {
        let stroke = egui::Stroke::new(1.5, error_colour);
        ui.painter()
            .rect_stroke(response.rect, 2.0, stroke, egui::StrokeKind::Inside);
        response = response.on_hover_text(message);
    }
    if response.changed() {
        // The outline and message follow the text: draw again with them.
        ui.ctx().request_repaint();
        let before = buffers
            .texts
            .get(&id)
            .map_or_else(|| as_input(value), |p| p.before.clone());
        let error = match read(value, &text, lang) {
            Ok(v) => {
                input = Some(v);
                None
            }
            Err(e) => {
                // Not a value (yet): the document goes back to where this edit began.
                input = Some(before.clone());
                (!e.is_empty()).then_some(e)
            }
        };
        buffers.texts.insert(
            id,
            Pending {
                text: text.clone(),
                error,
                place: name.to_owned(),
                before,
                at: None,
                history: buffers.history,
            },
        );
    }
    if response.lost_focus()
        && let Some(pending) = buffers.texts.get(&id)
    {
        buffers.ended = true;
        if let CellValue::Month(_) = value {
            // A month that is not a month is kept in the document, where validation names it.
            if read(value, &pending.text, lang).is_err() {
                input = Some(CellInput::Month(MonthField::parse(&pending.text)));
            }
            buffers.texts.remove(&id);
        } else if pending.error.is_none() {
            buffers.texts.remove(&id);
        }
    }
    (input, response)
}

/// Where a cell sits in a table with a spreadsheet cursor.
pub struct At<'a> {
    pub grid: &'a mut Grid,
    pub pos: Pos,
    /// Rows in screen order, for painting the range.
    pub order: &'a [usize],
}

/// An editable cell in a table row; returns the new value and whether the cell was just
/// focused (which selects its row).
pub fn table_cell(
    row: &mut egui_extras::TableRow<'_, '_>,
    buffers: &mut CellBuffers,
    at: At<'_>,
    value: &CellValue<'_>,
    lang: Lang,
    name: &str,
    problem: Option<&Said>,
) -> (Option<CellInput>, bool) {
    table_cell_marked(row, buffers, at, value, lang, name, problem, None)
}

/// A table cell with a mark in its corner and the mark's meaning on hover: where a value
/// comes from ("fitted to Jul 2025", "assumed").
#[allow(clippy::needless_pass_by_value)] // `At` holds borrows; it is a bundle of arguments.
pub fn table_cell_marked(
    row: &mut egui_extras::TableRow<'_, '_>,
    buffers: &mut CellBuffers,
    at: At<'_>,
    value: &CellValue<'_>,
    lang: Lang,
    name: &str,
    problem: Option<&Said>,
    mark: Option<(&str, &str)>,
) -> (Option<CellInput>, bool) {
    let mut out = (None, false);
    let id = cell_id(at.grid, at.pos);
    row.col(|ui| {
        let focus_now = at.grid.wants(at.pos);
        let (input, response) = cell(ui, buffers, id, value, lang, name, problem, Some(focus_now));
        if let Some(pending) = buffers.texts.get_mut(&id) {
            pending.at = Some((at.grid.name, at.pos));
        }
        at.grid.cell(ui, at.pos, &response, at.order);
        if focus_now.is_some() {
            at.grid.arrived(&response);
        }
        out = (input, response.gained_focus());
        if let Some((symbol, meaning)) = mark {
            let corner = response.rect.left_top() + egui::vec2(4.0, 2.0);
            ui.painter().text(
                corner,
                egui::Align2::LEFT_TOP,
                symbol,
                egui::FontId::proportional(10.0),
                ui.visuals().weak_text_color(),
            );
            if problem.is_none() {
                response.on_hover_text(meaning);
            }
        }
    });
    out
}

/// The id of a table's text cell: the same every frame, whatever the row's place on screen.
#[must_use]
pub fn cell_id(grid: &Grid, pos: Pos) -> Id {
    grid.id(pos)
}

/// Months a campaign's members stay funded: 0 shows as "to the end" (`None`). Returns the new
/// value when it changed, and the response for undo grouping.
pub fn funded_months(
    ui: &mut Ui,
    enabled: bool,
    value: Option<u32>,
    name: &str,
    lang: Lang,
) -> (Option<Option<u32>>, Response) {
    let t = &lang.texts().ui;
    let mut months = value.unwrap_or(0);
    let to_end = t.to_the_end;
    let response = ui
        .add_enabled(
            enabled,
            egui::DragValue::new(&mut months)
                .range(0..=600)
                .speed(0.1)
                .custom_formatter(move |n, _| {
                    if n < 0.5 {
                        to_end.to_owned()
                    } else {
                        format!("{n:.0}")
                    }
                }),
        )
        .accessible_name(name)
        .on_hover_text(t.funded_hint);
    let changed = response.changed().then_some((months > 0).then_some(months));
    (changed, response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_the_users_way() {
        assert_eq!(parse_number("213.582", Lang::Id), Ok(213_582.0));
        assert_eq!(parse_number("213582", Lang::Id), Ok(213_582.0));
        assert_eq!(parse_number("4,5", Lang::Id), Ok(4.5));
        assert_eq!(parse_number("Rp16.800", Lang::Id), Ok(16_800.0));
        assert_eq!(parse_number("1.234.567,25", Lang::Id), Ok(1_234_567.25));
        assert_eq!(parse_number("213,582", Lang::En), Ok(213_582.0));
        // A whole number with three digits after the decimal mark is the other language's
        // thousands: refused, saying what to type.
        let err = parse_whole("120.000", Lang::En).unwrap_err();
        assert!(err.contains("120,000"), "{err}");
        let err = parse_whole("120,000", Lang::Id).unwrap_err();
        assert!(err.contains("120.000"), "{err}");
        assert_eq!(parse_whole("120,000", Lang::En), Ok(120_000.0));
        assert_eq!(parse_whole("120.000", Lang::Id), Ok(120_000.0));
        assert_eq!(parse_whole("1,080.057", Lang::En), Ok(1_080.057));
        assert_eq!(parse_whole("120.5", Lang::En), Ok(120.5));
        assert_eq!(parse_whole("16.800", Lang::Id), Ok(16_800.0));
        assert_eq!(parse_number("-4.5 %", Lang::En), Ok(-4.5));
        assert_eq!(parse_number("52.15", Lang::En), Ok(52.15));
    }

    #[test]
    fn what_is_not_a_number_is_refused_not_guessed() {
        for (text, lang) in [
            ("12a", Lang::En),
            ("", Lang::En),
            ("0.5", Lang::Id), // a decimal point in Indonesian: refuse, do not read 5
            ("1,5", Lang::En),
            ("1.23.4", Lang::Id),
            ("4,", Lang::Id),
            ("--3", Lang::En),
        ] {
            assert!(parse_number(text, lang).is_err(), "{text:?} in {lang:?}");
        }
        let message = parse_number("12a", Lang::En).unwrap_err();
        assert!(message.contains("12a"), "{message}");
    }
}
