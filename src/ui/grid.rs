//! The tables' spreadsheet behaviour: a current cell with a visible cursor, a range, the
//! keys planners know from Excel, and the clipboard as tab-separated text.
//!
//! A table keeps a [`Grid`]; before drawing its rows it calls [`Grid::keys`], which moves the
//! cursor itself and hands back what changes data ([`Command`]); each cell drawn calls
//! [`Grid::cell`] to take focus when the cursor arrives and to paint the cursor and range.

use egui::{Event, Id, Key, Modifiers, Response, Ui};

use crate::i18n::Lang;
pub use crate::i18n::reading::{read_month, read_number};

/// A cell by its row's index in the document (not its position on screen, which sorting and
/// filtering change) and its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
}

/// Ready: arrows move between cells and typing replaces the cell. Edit (F2 or a click): the
/// left and right arrows move in the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Ready,
    Edit,
}

/// What the keys asked of the table's data.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Copy,
    Paste(String),
    FillDown,
    Clear,
}

#[derive(Clone, Debug, Default)]
pub struct Grid {
    /// Which table: part of every cell's id.
    pub name: &'static str,
    pub active: Option<Pos>,
    /// The far corner of the range; the range is the rectangle from `active` to it.
    pub extent: Option<Pos>,
    /// Ctrl+A: the range is the whole table, the cursor stays where it is.
    pub all: bool,
    /// How many columns the table has (for the whole-table range).
    cols: usize,
    pub mode: Mode,
    /// Give the focus to this cell when it is drawn (the cursor moved by keyboard).
    want_focus: Option<Pos>,
    /// The cell that had the focus while this frame was drawn.
    focused: Option<(Id, Pos)>,
    /// The same, from the frame before: the keys of this frame belong to it.
    owner: Option<(Id, Pos)>,
    /// Row order on screen the last time it was worked out, kept while a cell is edited so
    /// that its row does not jump away when sorting would move it.
    pub order: Vec<usize>,
    /// Across the table: the cell the cursor just arrived at (screen x-range), and the
    /// offset the table's horizontal scroll takes next frame to show it.
    scroll_x: Option<egui::Rangef>,
    offset_x: Option<f32>,
    /// Where the focused cell was drawn this frame (for what is shown beside it).
    pub focused_rect: Option<(Pos, egui::Rect)>,
    /// A move key at the table's edge: the cell's edit is committed where it stands.
    pub commit: bool,
    /// Keys and text typed after a move in the same frame: they belong to the cell the
    /// cursor moves to, which has the focus from the next frame.
    carry: Vec<Event>,
}

/// Whether an event moves the cursor to another cell (so what follows it is typed there).
fn moves_cursor(e: &Event, ready: bool) -> bool {
    match e {
        Event::Key {
            key, pressed: true, ..
        } => match key {
            Key::ArrowUp | Key::ArrowDown | Key::Enter | Key::Tab | Key::PageUp | Key::PageDown => {
                true
            }
            Key::ArrowLeft | Key::ArrowRight | Key::Home | Key::End => ready,
            _ => false,
        },
        _ => false,
    }
}

/// Events that go to the focused cell, in order: what a carry keeps together.
fn typed(e: &Event) -> bool {
    matches!(
        e,
        Event::Key { .. } | Event::Text(_) | Event::Paste(_) | Event::Copy | Event::Cut
    )
}

/// Takes the key pressed with exactly these modifiers out of the input, so no widget sees it.
fn take(ui: &Ui, modifiers: Modifiers, key: Key) -> bool {
    take_n(ui, modifiers, key, 1) > 0
}

/// Takes up to `max` presses of a key (keys pressed faster than frames come in one frame).
fn take_n(ui: &Ui, modifiers: Modifiers, key: Key, max: usize) -> usize {
    let mut n = 0;
    while n < max && take_one(ui, modifiers, key) {
        n += 1;
    }
    n
}

fn take_one(ui: &Ui, modifiers: Modifiers, key: Key) -> bool {
    ui.input_mut(|i| {
        let at = i.events.iter().position(|e| {
            matches!(e, Event::Key { key: k, pressed: true, modifiers: m, .. }
                if *k == key && m.matches_exact(modifiers))
        });
        if let Some(at) = at {
            i.events.remove(at);
            true
        } else {
            false
        }
    })
}

impl Grid {
    #[must_use]
    pub fn named(name: &'static str) -> Self {
        Self {
            name,
            ..Self::default()
        }
    }

    /// Whether the keyboard is in this table: one of its cells has the focus.
    #[must_use]
    pub fn owns_focus(&self, ui: &Ui) -> bool {
        self.owner
            .is_some_and(|(id, _)| ui.memory(egui::Memory::focused) == Some(id))
    }

    /// The id of the cell that has the focus.
    #[must_use]
    pub fn focused_id(&self) -> Option<Id> {
        self.owner.map(|(id, _)| id)
    }

    /// Whether the cell with the focus holds an edit not yet committed.
    #[must_use]
    pub fn editing(&self, cells: &super::cells::CellBuffers) -> bool {
        self.focused_id().is_some_and(|id| cells.is_editing(id))
    }

    /// Rows on screen (positions in `order`) and columns of the range, when there is one.
    #[must_use]
    pub fn range(&self, order: &[usize]) -> Option<(Vec<usize>, std::ops::RangeInclusive<usize>)> {
        let a = self.active?;
        if self.all {
            return Some((order.to_vec(), 0..=self.cols.saturating_sub(1)));
        }
        let b = self.extent.unwrap_or(a);
        let pa = order.iter().position(|&r| r == a.row)?;
        let pb = order.iter().position(|&r| r == b.row).unwrap_or(pa);
        let rows = order[pa.min(pb)..=pa.max(pb)].to_vec();
        Some((rows, a.col.min(b.col)..=a.col.max(b.col)))
    }

    fn in_range(&self, order: &[usize], pos: Pos) -> bool {
        let (Some(a), Some(b)) = (self.active, self.extent) else {
            return false;
        };
        if self.all {
            return order.contains(&pos.row);
        }
        if a == b {
            return false;
        }
        let at = |row| order.iter().position(|&r| r == row);
        let (Some(pa), Some(pb), Some(p)) = (at(a.row), at(b.row), at(pos.row)) else {
            return false;
        };
        (pa.min(pb)..=pa.max(pb)).contains(&p)
            && (a.col.min(b.col)..=a.col.max(b.col)).contains(&pos.col)
    }

    /// Moves the cursor by rows and columns (on screen); with `extend`, moves the range's far
    /// corner instead. Returns the screen position of the row to bring into view.
    fn step(
        &mut self,
        order: &[usize],
        cols: usize,
        rows: i64,
        across: i64,
        extend: bool,
    ) -> Option<usize> {
        self.all = false;
        let from = if extend {
            self.extent.or(self.active)?
        } else {
            self.active?
        };
        let at = order.iter().position(|&r| r == from.row)?;
        let last_row = order.len().checked_sub(1)?;
        let last_col = cols.checked_sub(1)?;
        let mut col = i64::try_from(from.col).ok()? + across;
        let mut pos = i64::try_from(at).ok()? + rows;
        // Tab past the last column goes on at the next row, as in a spreadsheet.
        if !extend && rows == 0 && across.abs() == 1 {
            if col > i64::try_from(last_col).ok()? && pos < i64::try_from(last_row).ok()? {
                col = 0;
                pos += 1;
            } else if col < 0 && pos > 0 {
                col = i64::try_from(last_col).ok()?;
                pos -= 1;
            }
        }
        let pos = usize::try_from(pos.max(0)).ok()?.min(last_row);
        let col = usize::try_from(col.max(0)).ok()?.min(last_col);
        let to = Pos {
            row: order[pos],
            col,
        };
        if !extend && Some(to) == self.active {
            // At the edge: the cursor stays, but the key still ends the edit, as it would
            // anywhere else.
            self.commit = true;
        }
        if extend {
            self.extent = Some(to);
        } else {
            self.active = Some(to);
            self.extent = Some(to);
            self.want_focus = Some(to);
            self.mode = Mode::Ready;
        }
        Some(pos)
    }

    /// The cursor arrived at this cell by keyboard: bring it into view, down (the rows' own
    /// scroll) and across (the table's horizontal scroll, see [`Self::scroll_area`]).
    pub fn arrived(&mut self, response: &Response) {
        response.scroll_to_me(None);
        self.scroll_x = Some(response.rect.x_range());
    }

    /// The horizontal scroll around a table, moved to show the cursor's cell.
    pub fn scroll_area(&mut self) -> egui::ScrollArea {
        let mut area = egui::ScrollArea::horizontal().id_salt(("grid-across", self.name));
        if let Some(x) = self.offset_x.take() {
            area = area.horizontal_scroll_offset(x);
        }
        area
    }

    /// After the table is drawn: when the cursor's cell is cut off left or right, scroll to
    /// it in the next frame.
    pub fn scrolled<R>(
        &mut self,
        ctx: &egui::Context,
        output: &egui::scroll_area::ScrollAreaOutput<R>,
    ) {
        let Some(cell) = self.scroll_x.take() else {
            return;
        };
        let visible = output.inner_rect.x_range();
        let margin = 8.0;
        let offset = output.state.clamped_offset().x;
        let target = if cell.max > visible.max {
            offset + (cell.max - visible.max) + margin
        } else if cell.min < visible.min {
            (offset - (visible.min - cell.min) - margin).max(0.0)
        } else {
            return;
        };
        self.offset_x = Some(target);
        ctx.request_repaint();
    }

    /// The id of a text cell of this table: the same every frame, whatever the row's place.
    #[must_use]
    pub fn id(&self, pos: Pos) -> Id {
        Id::unique(("grid-cell", self.name, pos.row, pos.col))
    }

    /// The ids of the cells of the range.
    #[must_use]
    pub fn range_ids(&self, order: &[usize]) -> Vec<Id> {
        let Some((rows, cols)) = self.range(order) else {
            return Vec::new();
        };
        rows.iter()
            .flat_map(|&row| cols.clone().map(move |col| Pos { row, col }))
            .map(|pos| self.id(pos))
            .collect()
    }

    /// No cursor (its rows were deleted).
    pub fn go_to_nothing(&mut self) {
        self.active = None;
        self.extent = None;
        self.all = false;
        self.want_focus = None;
    }

    /// Puts the cursor on a cell (a row added, a problem gone to) and the focus with it.
    pub fn go_to(&mut self, pos: Pos) {
        self.all = false;
        self.active = Some(pos);
        self.extent = Some(pos);
        self.want_focus = Some(pos);
        self.mode = Mode::Ready;
    }

    /// Reads this frame's keys when the table has the keyboard: moves the cursor and returns
    /// what to do with the data, and the screen row to scroll to. `editing` tells whether the
    /// current cell holds an edit not yet committed (then Esc is the cell's: it cancels).
    pub fn keys(
        &mut self,
        ui: &Ui,
        order: &[usize],
        cols: usize,
        editing: bool,
    ) -> (Vec<Command>, Option<usize>) {
        self.cols = cols;
        self.focused_rect = None;
        if !self.carry.is_empty() {
            // What was typed after last frame's move comes first now.
            let mut carried = std::mem::take(&mut self.carry);
            ui.input_mut(|i| {
                carried.append(&mut i.events);
                i.events = carried;
            });
        }
        let mut owned = self.owns_focus(ui);
        self.owner = None;
        let mut commands = Vec::new();
        let mut reveal = None;
        if egui::Popup::is_any_open(ui.ctx()) || ui.memory(egui::Memory::top_modal_layer).is_some()
        {
            return (commands, reveal);
        }
        if !owned && ui.memory(egui::Memory::focused).is_none() && !order.is_empty() {
            // Nothing has the keyboard: the keys of a spreadsheet bring it back to the table,
            // at the cell it was on (or the first), and typing starts there.
            let wants_in = ui.input(|i| {
                i.events.iter().any(|e| match e {
                    Event::Key {
                        key, pressed: true, ..
                    } => matches!(
                        key,
                        Key::ArrowDown
                            | Key::ArrowUp
                            | Key::ArrowLeft
                            | Key::ArrowRight
                            | Key::Enter
                            | Key::F2
                    ),
                    Event::Text(_) => true,
                    _ => false,
                })
            });
            if wants_in {
                ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                let at = self
                    .active
                    .filter(|a| order.contains(&a.row))
                    .unwrap_or(Pos {
                        row: order[0],
                        col: 0,
                    });
                self.go_to(at);
                reveal = order.iter().position(|&r| r == at.row);
                // The arrival is the first key's effect; typing goes into the cell.
                let typing = ui.input(|i| i.events.iter().any(|e| matches!(e, Event::Text(_))));
                if !typing {
                    ui.input_mut(|i| {
                        i.events
                            .retain(|e| !matches!(e, Event::Key { pressed: true, .. }));
                    });
                }
                owned = false;
            }
        }
        if !owned {
            return (commands, reveal);
        }
        // The keys below are the table's; egui must not also move the focus with them.
        ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        let ready = self.mode == Mode::Ready;
        // One move a frame: the focused cell takes what was typed before the move; the move
        // is made next frame; what was typed after it goes to the next cell, a frame later.
        // (Fast typing such as `41000⏎` in one frame never lands in two cells.)
        ui.input_mut(|i| {
            if let Some(k) = i.events.iter().position(|e| moves_cursor(e, ready)) {
                let typed_before = i.events[..k].iter().any(|e| {
                    matches!(
                        e,
                        Event::Text(_) | Event::Paste(_) | Event::Key { pressed: true, .. }
                    )
                });
                let split = if typed_before { k } else { k + 1 };
                let mut kept = Vec::with_capacity(i.events.len());
                for (at, e) in i.events.drain(..).enumerate() {
                    if at >= split && typed(&e) {
                        self.carry.push(e);
                    } else {
                        kept.push(e);
                    }
                }
                i.events = kept;
            }
        });
        if !self.carry.is_empty() {
            ui.ctx().request_repaint();
        }
        let none = Modifiers::NONE;
        let shift = Modifiers::SHIFT;
        let far = i64::try_from(order.len().max(cols)).unwrap_or(i64::MAX / 2);
        let command = Modifiers::COMMAND;
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        // A page is the rows the table shows (26 points each, below its header).
        #[allow(clippy::cast_possible_truncation)] // a few dozen rows
        let page = ((ui.available_height() - 30.0) / 26.0).floor().max(1.0) as i64;
        let moves: [(Modifiers, Key, i64, i64, bool, bool); 28] = [
            // Page Down / Page Up a screenful of rows; Home / End the row's first and last
            // cell (in a cell being edited they move the caret); Ctrl+Home / Ctrl+End the
            // table's first and last cell; with Shift each selects, as in a spreadsheet.
            (none, Key::PageDown, page, 0, false, true),
            (none, Key::PageUp, -page, 0, false, true),
            (shift, Key::PageDown, page, 0, true, true),
            (shift, Key::PageUp, -page, 0, true, true),
            (none, Key::Home, 0, -far, false, ready),
            (none, Key::End, 0, far, false, ready),
            (shift, Key::Home, 0, -far, true, ready),
            (shift, Key::End, 0, far, true, ready),
            (command, Key::Home, -far, -far, false, true),
            (command, Key::End, far, far, false, true),
            (shift_command, Key::Home, -far, -far, true, true),
            (shift_command, Key::End, far, far, true, true),
            // Ctrl+arrows go to the edge of the table, as in a spreadsheet.
            (command, Key::ArrowDown, far, 0, false, true),
            (command, Key::ArrowUp, -far, 0, false, true),
            (command, Key::ArrowRight, 0, far, false, ready),
            (command, Key::ArrowLeft, 0, -far, false, ready),
            (none, Key::ArrowDown, 1, 0, false, true),
            (none, Key::ArrowUp, -1, 0, false, true),
            (none, Key::ArrowRight, 0, 1, false, ready),
            (none, Key::ArrowLeft, 0, -1, false, ready),
            (shift, Key::ArrowDown, 1, 0, true, true),
            (shift, Key::ArrowUp, -1, 0, true, true),
            (shift, Key::ArrowRight, 0, 1, true, ready),
            (shift, Key::ArrowLeft, 0, -1, true, ready),
            (none, Key::Enter, 1, 0, false, true),
            (shift, Key::Enter, -1, 0, false, true),
            (none, Key::Tab, 0, 1, false, true),
            (shift, Key::Tab, 0, -1, false, true),
        ];
        for (modifiers, key, rows, across, extend, active) in moves {
            if !active {
                continue;
            }
            for _ in 0..take_n(ui, modifiers, key, 64) {
                reveal = self.step(order, cols, rows, across, extend).or(reveal);
            }
        }
        if take(ui, none, Key::F2) {
            // Edit in place: the caret goes to the end of the text.
            self.mode = Mode::Edit;
            self.want_focus = self.active;
        }
        if self.mode == Mode::Edit && ui.input(|i| i.key_pressed(Key::Escape)) {
            // Esc ends editing in place: the cell gives back its value (when something was
            // typed, the cell itself does) and the arrows move between cells again; the
            // table keeps the keyboard.
            self.mode = Mode::Ready;
            self.want_focus = self.active;
            if !editing {
                take(ui, none, Key::Escape);
            }
        } else if !editing && take(ui, none, Key::Escape) {
            // Nothing to cancel: Esc leaves the table.
            if let Some((id, _)) = self.focused {
                ui.memory_mut(|m| m.surrender_focus(id));
            }
            ui.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
            self.extent = self.active;
            self.all = false;
        }
        if ready && take(ui, none, Key::Delete) {
            commands.push(Command::Clear);
        }
        if ready && take(ui, Modifiers::COMMAND, Key::A) {
            self.all = true;
        }
        if take(ui, Modifiers::COMMAND, Key::D) {
            commands.push(Command::FillDown);
        }
        let several = self.all || (self.extent.is_some() && self.extent != self.active);
        ui.input_mut(|i| {
            i.events.retain(|e| match e {
                Event::Copy if ready || several => {
                    commands.push(Command::Copy);
                    false
                }
                // A block from a spreadsheet, or anything pasted over a range, is the table's;
                // a single value pasted into one cell is the cell's.
                Event::Paste(text)
                    if several || text.trim_end_matches(['\r', '\n']).contains(['\t', '\n']) =>
                {
                    commands.push(Command::Paste(text.clone()));
                    false
                }
                _ => true,
            });
        });
        (commands, reveal)
    }

    /// Before a text cell is drawn: whether to give it the focus now, and whether its whole
    /// text should be selected (so typing replaces it).
    pub fn wants(&mut self, pos: Pos) -> Option<bool> {
        (self.want_focus == Some(pos)).then(|| {
            self.want_focus = None;
            self.mode == Mode::Ready
        })
    }

    /// After a cell is drawn in `cell_ui` (the whole column cell): follows focus and clicks,
    /// keeps the keys in the table while the cell has the focus, and paints cursor and range.
    pub fn cell(&mut self, cell_ui: &Ui, pos: Pos, response: &Response, order: &[usize]) {
        if self.want_focus == Some(pos) {
            // A cell that is not text (a switch, a list) takes the focus when the cursor comes.
            self.want_focus = None;
            response.request_focus();
            self.arrived(response);
        }
        let shift = cell_ui.input(|i| i.modifiers.shift);
        // A text cell takes the focus when the button goes down; the click comes with its
        // release: either with Shift held is a Shift+click.
        let pointed = response.clicked()
            || (response.gained_focus() && cell_ui.input(|i| i.pointer.any_down()));
        if pointed && shift && self.active.is_some() && self.active != Some(pos) {
            // Shift+click sets the range's far corner; the cursor stays where it was.
            self.all = false;
            self.extent = Some(pos);
            self.want_focus = self.active;
        } else if response.has_focus() {
            if response.double_clicked() {
                // A double click edits in place, as F2 does, the caret at the end.
                self.mode = Mode::Edit;
                self.want_focus = Some(pos);
            } else if response.clicked() {
                // A click puts the cursor on the cell, ready: typing replaces it.
                self.go_to(pos);
            } else if self.active != Some(pos) {
                self.active = Some(pos);
                self.extent = Some(pos);
                self.mode = Mode::Ready;
            }
            self.focused = Some((response.id, pos));
            self.owner = Some((response.id, pos));
            self.focused_rect = Some((pos, response.rect));
            cell_ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        tab: true,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    },
                );
            });
        }
        let rect = cell_ui.max_rect();
        let visuals = cell_ui.visuals();
        if self.in_range(order, pos) {
            let fill = visuals.selection.bg_fill.gamma_multiply(0.6);
            cell_ui.painter().rect_filled(rect, 0.0, fill);
        }
        if self.active == Some(pos) {
            let stroke = egui::Stroke::new(2.0, visuals.selection.stroke.color);
            cell_ui
                .painter()
                .rect_stroke(rect.shrink(1.0), 1.0, stroke, egui::StrokeKind::Inside);
        }
    }
}

/// The most rows one paste reads: far more than Indonesia's 514 regions, far less than memory.
pub const MAX_PASTE_ROWS: usize = 100_000;

/// A table's rows as cells of text, for copy, paste, fill down and Delete.
pub trait Sheet {
    type Row: Clone + PartialEq;
    fn cols(&self) -> usize;
    /// The cell as copied: numbers without thousands separators, in the user's decimal mark.
    fn text(&self, row: &Self::Row, col: usize) -> String;
    /// Sets a cell from text pasted or filled; why not, when it cannot be read.
    ///
    /// # Errors
    /// The reason, for the user.
    fn set(&self, row: &mut Self::Row, col: usize, text: &str) -> Result<(), String>;
    /// Delete: the cell's default, or why it has none.
    ///
    /// # Errors
    /// The reason, for the user.
    fn clear(&self, row: &mut Self::Row, col: usize) -> Result<(), String>;
    /// A new row for a paste longer than the table, given the rows there are already.
    fn blank(&self, existing: &[Self::Row]) -> Self::Row;
    fn col_name(&self, col: usize) -> String;
    /// What names a row in messages: a region's code, a campaign's name.
    fn row_key(&self, row: &Self::Row) -> String;
}

/// What a command did to a table's rows: rows changed (index, new row), rows added at the
/// end, what to put on the clipboard, and what to tell the user.
pub struct Outcome<R> {
    pub changed: Vec<(usize, R)>,
    pub added: Vec<R>,
    pub copied: Option<String>,
    pub notice: Option<(String, bool)>,
}

/// Carries out a command on the range of `grid`, over `rows` shown in `order`.
pub fn run<S: Sheet>(
    sheet: &S,
    rows: &[S::Row],
    order: &[usize],
    grid: &mut Grid,
    command: &Command,
    lang: Lang,
) -> Outcome<S::Row> {
    let t = &lang.texts().grid;
    let mut out = Outcome {
        changed: Vec::new(),
        added: Vec::new(),
        copied: None,
        notice: None,
    };
    let Some((range_rows, cols)) = grid.range(order) else {
        return out;
    };
    let cols: Vec<usize> = cols.filter(|&c| c < sheet.cols()).collect();
    let mut work: Vec<S::Row> = rows.to_vec();
    let mut failures: Vec<String> = Vec::new();
    let mut cells = 0usize;
    let place = |pos: usize, row: Option<&S::Row>, col: usize| {
        let key = row.map(|r| crate::i18n::shown(&sheet.row_key(r)).into_owned());
        (t.place)(pos + 1, key.as_deref().unwrap_or(""), &sheet.col_name(col))
    };
    let screen = |row: usize| order.iter().position(|&r| r == row).unwrap_or(0);
    match command {
        Command::Copy => {
            let block: Vec<Vec<String>> = range_rows
                .iter()
                .map(|&r| cols.iter().map(|&c| sheet.text(&rows[r], c)).collect())
                .collect();
            out.copied = Some(to_tsv(&block));
            out.notice = Some(((t.copied)(range_rows.len(), cols.len()), false));
            return out;
        }
        Command::Clear => {
            for &r in &range_rows {
                for &c in &cols {
                    match sheet.clear(&mut work[r], c) {
                        Ok(()) => cells += 1,
                        Err(why) => {
                            failures
                                .push(format!("{}: {why}", place(screen(r), Some(&rows[r]), c)));
                        }
                    }
                }
            }
        }
        Command::FillDown => {
            // Over a range: the top row goes down; on one row: the row above comes down.
            let (source, targets) = if range_rows.len() > 1 {
                (range_rows[0], range_rows[1..].to_vec())
            } else {
                let at = screen(range_rows[0]);
                let Some(above) = at.checked_sub(1).map(|p| order[p]) else {
                    return out;
                };
                (above, range_rows.clone())
            };
            for &r in &targets {
                for &c in &cols {
                    let text = sheet.text(&rows[source], c);
                    match sheet.set(&mut work[r], c, &text) {
                        Ok(()) => cells += 1,
                        Err(why) => {
                            failures
                                .push(format!("{}: {why}", place(screen(r), Some(&rows[r]), c)));
                        }
                    }
                }
            }
        }
        Command::Paste(text) => {
            let first_col = cols.first().copied().unwrap_or(0);
            let start = screen(range_rows[0]);
            let max_rows = MAX_PASTE_ROWS;
            let block = from_tsv(text, max_rows, sheet.cols().saturating_sub(first_col));
            // A single value pasted over a range fills the range, as in a spreadsheet.
            let block =
                if block.len() == 1 && block[0].len() == 1 && range_rows.len() * cols.len() > 1 {
                    vec![vec![block[0][0].clone(); cols.len()]; range_rows.len()]
                } else {
                    block
                };
            for (k, line) in block.iter().enumerate() {
                let at = start + k;
                let index = if let Some(&r) = order.get(at) {
                    r
                } else {
                    let new = sheet.blank(&work);
                    work.push(new);
                    out.added.push(work[work.len() - 1].clone());
                    work.len() - 1
                };
                for (j, value) in line.iter().enumerate() {
                    let c = first_col + j;
                    let key = rows.get(index);
                    match sheet.set(&mut work[index], c, value) {
                        Ok(()) => cells += 1,
                        Err(why) => failures.push(format!("{}: {why}", place(at, key, c))),
                    }
                }
            }
            let rows_done = block.len();
            if rows_done > 0 {
                let last_row = (start + rows_done - 1).min(order.len() + out.added.len() - 1);
                let last_col = first_col + block.iter().map(Vec::len).max().unwrap_or(1) - 1;
                let row_at = |p: usize| {
                    order
                        .get(p)
                        .copied()
                        .unwrap_or(rows.len() + p - order.len())
                };
                grid.active = Some(Pos {
                    row: row_at(start),
                    col: first_col,
                });
                grid.extent = Some(Pos {
                    row: row_at(last_row),
                    col: last_col.min(sheet.cols() - 1),
                });
            }
        }
    }
    // The rows added by a paste are the tail of `work`; the others are compared.
    let added = out.added.len();
    for (index, row) in work.iter().enumerate().take(rows.len()) {
        if *row != rows[index] {
            out.changed.push((index, row.clone()));
        }
    }
    out.added = work.split_off(rows.len());
    debug_assert_eq!(out.added.len(), added);
    let mut text = match command {
        Command::Paste(_) => (t.pasted)(cells, added),
        Command::FillDown => (t.filled)(cells),
        _ => (t.cleared)(cells),
    };
    if !failures.is_empty() {
        text.push(' ');
        text.push_str(&(t.not_read)(failures.len()));
        let shown = 50;
        text.push(' ');
        text.push_str(
            &failures
                .iter()
                .take(shown)
                .cloned()
                .collect::<Vec<_>>()
                .join("; "),
        );
        if failures.len() > shown {
            text.push_str(&(t.and_more)(failures.len() - shown));
        }
    }
    // Cells a reset leaves as they are (a name has no default) need nothing from the
    // planner: only a paste or a fill that could not read a cell is an error.
    let is_error = !failures.is_empty() && !matches!(command, Command::Clear);
    out.notice = Some((text, is_error));
    out
}

/// A block of cells as spreadsheets put it on the clipboard: rows by line, cells by tab.
#[must_use]
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                // A tab or a line break inside a cell would split it: spreadsheets quote such cells.
                if c.contains(['\t', '\n', '\r', '"']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Reads a block pasted from Excel, `LibreOffice` or Google Sheets: lines of tab-separated
/// cells, quoted where a cell holds a tab, a line break or a quote. At most `max_rows` rows
/// and `max_cols` columns are read (a paste never allocates beyond what the table can take).
#[must_use]
pub fn from_tsv(text: &str, max_rows: usize, max_cols: usize) -> Vec<Vec<String>> {
    crate::files::tables::split_delimited(
        text,
        '\t',
        max_rows,
        max_cols,
        crate::files::tables::MAX_CELLS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_from_the_clipboard() {
        let block = "a\tb\n\"x\ty\"\t\"say \"\"hi\"\"\"\r\n";
        let rows = from_tsv(block, 100, 100);
        assert_eq!(
            rows,
            vec![
                vec!["a".to_owned(), "b".to_owned()],
                vec!["x\ty".to_owned(), "say \"hi\"".to_owned()]
            ]
        );
        assert_eq!(from_tsv(&to_tsv(&rows), 100, 100), rows);
        assert_eq!(from_tsv("1\t2\t3\n4\t5\t6\n", 1, 2), vec![vec!["1", "2"]]);
    }
}
