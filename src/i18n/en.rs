//! English.

use super::{
    CalibTexts, CatalogueTexts, ColumnTexts, GridTexts, ImportTexts, Lang, OutsideTexts,
    RecoveryTexts, SheetTexts, StatusTexts, SummaryTexts, Texts, UiTexts, UncertaintyTexts,
};
use crate::model::{Payer, Problem, Ramp};

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
    variant: "variant",
    problem,
    characters: "characters",
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
        more_problems: |n| {
            if n == 1 {
                "… and 1 more problem: `ucj-planner check FILE` lists them all.".to_owned()
            } else {
                format!("… and {n} more problems: `ucj-planner check FILE` lists them all.")
            }
        },
    },
    status: StatusTexts {
        before_start: "before the figures: not judged",
        below_again: |at, below| format!("{at}, below again from {below}"),
        lost: |at, below| format!("reached {at}, below again from {below}"),
        late: |at| format!("only in {at}"),
        all_of: |n, of| format!("ALL: {n} of {of} regions"),
        left_out: |name, why| format!("{name} left out: {why}"),
        not_projected_named: |name, why| format!("{name} is not projected: {why}"),
    },
    outside: OutsideTexts {
        title: "The file changed on disk",
        changed: |name| {
            format!(
                "{name} was changed on disk after this window read or saved it: by a colleague on a shared folder, another window or another program. Saving now would overwrite those changes."
            )
        },
        reload: "Reload from disk",
        reload_hint: "Open the file as it is on disk now; the changes made in this window are discarded",
        save_as: "Keep mine, save as…",
        overwrite: "Save mine over it",
        overwrite_hint: "Replace the file on disk with this window's scenario; the version on disk is kept as NAME.ron.bak",
        compare: "Compare",
        later: "Cancel",
        same: "The scenario on disk and this window's are the same.",
        settings_differ: "The scenario's name, notes, end or assumptions differ.",
        only_on_disk: |what, name| format!("{what} {name}: only on disk"),
        only_here: |what, name| format!("{what} {name}: only in this window"),
        differs: |what, name| format!("{what} {name}: changed"),
        more: |n| format!("… and {n} more"),
        open_elsewhere: |user, host, since| {
            format!(
                "This file is also open in another UCJ Planner window ({user} on {host}, since {since}). Saving in both overwrites each other's changes; this window will ask before it does."
            )
        },
        region_word: "Region",
        campaign_word: "Campaign",
        variant_word: "Variant",
    },
    recovery: RecoveryTexts {
        title: "Unsaved work was found",
        intro: "UCJ Planner did not close normally last time (a crash, a power cut or a killed window). This work had not been saved. Nothing is erased until you choose.",
        restore: "Restore",
        discard: "Discard",
        later: "Decide later",
        restored: "Unsaved work restored: save it to keep it",
        item: |name, when| format!("{name}, last changed {when}"),
        unknown_time: "at an unknown time",
    },
    calib: CalibTexts {
        title: "Calibrate to the reported figures",
        calibrate: "Calibrate…",
        calibrate_hint: "Fit this region's enrollment per month and lapse so that the projection passes through its reported actuals",
        calibrate_all: "Calibrate all regions…",
        what_to_fit: "What to fit",
        default_choice: "What the figures can determine (default)",
        apply: "Apply",
        apply_hint: "Write the fitted values into the region, marked as fitted (one undo step)",
        close: "Close",
        cancel: "Cancel",
        enrollment: "enrollment per month",
        lapse: "lapse",
        col_rate: "Rate",
        col_was: "Was",
        col_fitted: "Fitted",
        col_reported: "Reported",
        col_before: "Projected before",
        col_after: "Projected after",
        col_error: "Error after",
        col_result: "Result",
        total_word: "total",
        before_line: "before calibration",
        after_line: "after calibration",
        reported_points: "reported",
        baseline: "Baseline without campaigns",
        baseline_hint: "New enrollment per month and lapse per segment. Assumed = the scenario's rate; own = entered for this region; fitted = set by calibration to the reported months shown.",
        source_assumed: "assumed",
        source_own: "own",
        use_scenario_rate: "use the scenario's rate",
        no_regions_with_actuals: "No region has reported actuals after its as-of month: add an actual (month and active participants) to calibrate.",
        applied: "Calibration applied (Ctrl+Z undoes it)",
        a_month: "a month",
        was: "was",
        region_col: "Region",
        nothing_to_calibrate: |as_of| format!("nothing to fit: no actual reported after {as_of}"),
        calibrate_all_title: "Calibrate all regions",
        mark_fitted: "f",
        mark_assumed: "a",
        stale: "The scenario changed after these fits were made: close and calibrate again to apply them.",
        split_col: "By segment",
        add_split: "+ Split",
        add_split_hint: "Enter the reported split by segment (BPJS's PU/BPU figures); calibration then fits each segment on its own figure. Starts from the projection's split at that month.",
        remove_split: "Remove the split by segment",
        progress: |done, of| format!("Calibrating: {done} of {of} regions"),
        cancelled: |done, of| {
            format!("Cancelled after {done} of {of} regions; nothing was changed")
        },
        done: |changed, same, failed, nothing| {
            let mut parts = vec![format!("{changed} fitted with new values")];
            if same > 0 {
                parts.push(format!("{same} already fitted"));
            }
            if failed > 0 {
                parts.push(format!("{failed} could not be fitted (see below)"));
            }
            if nothing > 0 {
                parts.push(format!("{nothing} with nothing to fit"));
            }
            let apply = if changed > 0 {
                " Apply writes the new values in one undo step."
            } else {
                ""
            };
            format!("Regions: {}.{apply}", parts.join(", "))
        },
        source_fitted: |months| format!("fitted to {months}"),
        rate_name: |r| match r {
            crate::model::Rate::NewPerMonth(s) => format!("{} enrollment", s.code()),
            crate::model::Rate::Lapse(s) => format!("{} lapse", s.code()),
        },
        sentence: |fitted, held, worst, n| {
            let held = if held.is_empty() {
                String::new()
            } else {
                let held: Vec<String> = held
                    .iter()
                    .map(|(name, v)| format!("{name} held at {v}"))
                    .collect();
                format!(", {}", held.join(", "))
            };
            let of = match n {
                1 => "the reported figure".to_owned(),
                2 => "both reported figures".to_owned(),
                n => format!("all {n} reported figures"),
            };
            format!(
                "Fitted {}{held}: the projection now passes within {worst} of {of}.",
                fitted.join(", ")
            )
        },
        confounded: |held, with, n, value| {
            let figures = if n == 1 {
                "1 reported figure".to_owned()
            } else {
                format!("{n} reported figures")
            };
            format!(
                "{held} and {with} cannot be told apart by {figures}: only their net monthly change shows. {held} is held at {value}; only {with} is fitted."
            )
        },
        no_effect: |rate| {
            format!(
                "{rate} changes none of the reported figures (the segment is empty): not fitted."
            )
        },
        at_limit: |rate| {
            format!(
                "{rate} stopped at its limit: the reported figures ask for more than the model allows (look at the campaigns and the as-of figures)."
            )
        },
        not_good: |worst| {
            format!(
                "The best fit still misses a reported figure by {worst}: the figures do not fit this model."
            )
        },
        error: |e| match e {
            crate::engine::CalibrationError::NotProjected => {
                "the region is not projected: fix its errors first".to_owned()
            }
            crate::engine::CalibrationError::NoReportedFigures => {
                "no reported active participants after the as-of month and within the projection"
                    .to_owned()
            }
            crate::engine::CalibrationError::NothingToFit => {
                "none of the chosen rates changes a reported figure".to_owned()
            }
            crate::engine::CalibrationError::NothingChosen => {
                "tick at least one rate to fit".to_owned()
            }
        },
    },
    uncertainty: UncertaintyTexts {
        title: "Uncertainty",
        intro: "No one publishes a lapse rate and no campaign enrolls exactly the people it plans. Give each uncertain input a range: every run draws from the ranges (triangular, most likely in the middle) and projects again, and the bands show where 50 % and 90 % of the runs fall.",
        enable: "Run uncertainty (bands and chances)",
        enable_hint: "Adds an uncertainty block to the file; switched off, the ranges are removed",
        runs: "Runs",
        seed: "Seed",
        lapse_spread: "Lapse ± % of its rate",
        new_spread: "Enrollment without campaigns ± %",
        growth_spread: "Workforce growth ± % of its rate",
        spread_hint: "Each run multiplies the rate by a factor from 1 - x/100 to 1 + x/100, most likely 1: 50 turns a 4 % lapse into 2 % to 6 %",
        uptake: "Campaign uptake, % of planned people",
        uptake_hint: "Each run enrolls low to high percent of each campaign's people, most likely the middle value; a campaign may have its own range (Campaigns table)",
        low: "low",
        mode: "most likely",
        high: "high",
        no_spread: "Every range is a single value: the runs are the projection, so no bands are drawn.",
        not_run: "the uncertainty runs cannot go: fix the errors in the ranges first",
        no_block: "note: the file has no uncertainty block, so every spread is 0 and every percentile is the projection",
        chance: "Chance",
        chance_of: |level, month, chance| {
            format!("Chance of reaching {level} by {month}: {chance}")
        },
        running: |pct| format!("Uncertainty runs: {pct} %"),
        from_runs: |runs| format!("from {runs} runs"),
        median: "Median of runs",
        what_matters: |target| format!("What moves coverage at {target}"),
        what_matters_hint: "Coverage at the target's month with one input at the low and at the high end of its range, all others at their most likely: the longest bar is the assumption worth arguing about",
        at_low: "input low",
        at_high: "input high",
        lapse_of: |s| format!("Lapse {s}"),
        new_of: |s| format!("Enrollment without campaigns {s}"),
        growth: "Workforce growth",
        uptake_of: |name| format!("Uptake: {name}"),
        seek_chance: |chance| format!("People for a {chance} chance"),
        col_uptake: "Uptake %",
        bands_line: |runs| {
            format!(
                "Bands: where 50 % and 90 % of {runs} runs fall; thick line: their median; thin dashed: the plan"
            )
        },
        bands_short: "50 % / 90 % of runs",
        moves_most: |input, low, high| format!("Moves it most: {input} ({low} to {high})"),
        range_hint: "write low / most likely / high, such as 60 / 90 / 100, or one number",
        seek_chance_hint: "Goal seek over the uncertainty runs: the fewest people the campaign must plan so that this share of runs reaches the target (its uptake drawn from the scenario's range)",
    },
    catalogue: CatalogueTexts {
        menu: "New from the catalogue…",
        title: "New scenario from the national catalogue",
        intro: "Indonesia's 38 provinces and 514 regencies and cities with their Kemendagri codes and population. Each region's workforce starts as population × the working share: an estimate, labelled as such, to be replaced with the region's own figure.",
        all: "All of Indonesia (514 regencies and cities)",
        filter_hint: "Search a province, regency or city",
        province_line: |name, code, n| format!("{name} ({code}): all {n} regencies and cities"),
        share: "Working share of the population",
        share_hint: "0.5076 = BPS Sakernas Aug 2024: 144.64 million working of about 285 million people",
        share_bad: "The working share is a number above 0 and at most 1.",
        as_of: "Figures as of",
        chosen: |n| {
            if n == 1 {
                "1 region chosen".to_owned()
            } else {
                format!("{n} regions chosen")
            }
        },
        create: "Create",
        use_entry: "From the catalogue: fill in code, name, province and an estimated workforce",
    },
    import: ImportTexts {
        menu_import: "Import data (CSV, XLSX)…",
        menu_export: "Export workbook (XLSX)…",
        title: "Import data",
        read_as: "read as",
        not_read_sheet: "not read",
        ignored: "(not read)",
        column_of: "Column",
        all_read: "Every row can be read.",
        nothing_new: "Nothing to import: the rows that can be read are already in the plan as they are.",
        not_read: |n| {
            if n == 1 {
                "1 row cannot be read and is left out:".to_owned()
            } else {
                format!("{n} rows cannot be read and are left out:")
            }
        },
        import: "Import",
        import_hint: "Merge by region code: regions, targets, actuals and campaigns are updated or added; one undo step",
        imported: |counts| format!("Imported: {counts}."),
        exported: "Workbook written:",
    },
    columns: ColumnTexts {
        name: |c| {
            use crate::files::tables::Col;
            match c {
                Col::Code => "Code".into(),
                Col::Name => "Name".into(),
                Col::Province => "Province".into(),
                Col::AsOf => "As of".into(),
                Col::Workforce => "Workforce".into(),
                Col::Source => "Workforce source".into(),
                Col::Active(s) => format!("Active {}", s.code()),
                Col::New(s) => format!("New per month {}", s.code()),
                Col::Lapse(s) => format!("Lapse % per month {}", s.code()),
                Col::Fitted => "Fitted".into(),
                Col::Note => "Note".into(),
                Col::Month => "Month".into(),
                Col::TargetPct => "Target %".into(),
                Col::ActiveTotal => "Active".into(),
                Col::Campaign => "Campaign".into(),
                Col::Region => "Region code".into(),
                Col::Segment => "Segment".into(),
                Col::Payer => "Payer".into(),
                Col::Start => "Start".into(),
                Col::People => "People".into(),
                Col::Ramp => "Ramp".into(),
                Col::RampMonths => "Ramp months".into(),
                Col::FundedMonths => "Funded months".into(),
                Col::Retention => "Retention %".into(),
                Col::Contribution => "Contribution Rp".into(),
                Col::OneOff => "One-off Rp".into(),
                Col::Enabled => "On".into(),
                Col::Variant => "Variant".into(),
                Col::Growth => "Workforce growth % per year".into(),
                Col::Setting => "Setting".into(),
                Col::Value => "Value".into(),
                Col::UptakeLow => "Uptake low %".into(),
                Col::UptakeMode => "Uptake most likely %".into(),
                Col::UptakeHigh => "Uptake high %".into(),
                Col::Runs => "Uncertainty runs".into(),
                Col::Seed => "Uncertainty seed".into(),
                Col::LapseSpread(s) => format!("Lapse spread % {}", s.code()),
                Col::NewSpread(s) => format!("New per month spread % {}", s.code()),
                Col::GrowthSpread => "Growth spread %".into(),
            }
        },
        sheet: |k| {
            use crate::files::tables::Kind;
            match k {
                Kind::Regions => "Regions",
                Kind::Targets => "Targets",
                Kind::Actuals => "Actuals",
                Kind::Campaigns => "Campaigns",
                Kind::Variants => "Variants",
                Kind::Settings => "Scenario",
            }
        },
        setting_name: "Scenario name",
        setting_end: "Projection end",
        setting_notes: "Scenario notes",
        projection: "Projection",
        budget: "Budget",
        row_problem: |sheet, row, key, message| {
            if key.is_empty() {
                format!("{sheet}, row {row}: {message}")
            } else {
                format!("{sheet}, row {row} ({key}): {message}")
            }
        },
        counts: |c| {
            format!(
                "regions: {} added, {} updated; targets: {}; actuals: {}; campaigns: {} added, {} updated; variants: {}; settings: {}",
                c.regions_added,
                c.regions_updated,
                c.targets,
                c.actuals,
                c.campaigns_added,
                c.campaigns_updated,
                c.variants,
                c.settings
            )
        },
        nothing_found: "No sheet with regions, targets, actuals, campaigns or variants was found: a table needs a header row with at least a code column (Code, Kode) and one more that this program knows.",
    },
    grid: GridTexts {
        place: |row, key, col| {
            if key.is_empty() {
                format!("new row {row}, {col}")
            } else {
                format!("row {row} ({key}), {col}")
            }
        },
        copied: |rows, cols| {
            let c = if rows * cols == 1 { "cell" } else { "cells" };
            format!("Copied {rows} × {cols} {c}: paste them into a spreadsheet or another table.")
        },
        pasted: |cells, new_rows| {
            let c = if cells == 1 { "cell" } else { "cells" };
            match new_rows {
                0 => format!("Pasted {cells} {c}."),
                1 => format!("Pasted {cells} {c}; 1 new row added."),
                n => format!("Pasted {cells} {c}; {n} new rows added."),
            }
        },
        filled: |cells| {
            let c = if cells == 1 { "cell" } else { "cells" };
            format!("Filled {cells} {c} down.")
        },
        cleared: |cells| {
            let c = if cells == 1 { "cell" } else { "cells" };
            format!("Reset {cells} {c} to the default (Ctrl+Z undoes it).")
        },
        not_read: |n| {
            if n == 1 {
                "1 cell not read (it keeps its value):".to_owned()
            } else {
                format!("{n} cells not read (they keep their values):")
            }
        },
        and_more: |n| format!(" … and {n} more."),
        no_default: "has no default: type a value instead",
        not_number: |text| format!("\"{}\" is not a number", super::shown(text)),
        not_one_of: |text, options| format!("\"{}\" is not one of {options}", super::shown(text)),
        not_month: |text| {
            format!(
                "\"{}\" is not a month (write 2025-07, Jul 2025 or a date)",
                super::shown(text)
            )
        },
        no_region: |text| format!("no region has the code \"{}\"", super::shown(text)),
        invalid_title: "Cells that are not values",
        invalid_intro: |n| {
            if n == 1 {
                "1 cell holds text that is not a value. The file would keep the value this cell had before it was edited:".to_owned()
            } else {
                format!(
                    "{n} cells hold text that is not a value. The file would keep the values these cells had before they were edited:"
                )
            }
        },
        save_anyway: "Save with the values from before",
        keep_editing: "Go back and fix them",
        keys_help: "Tables: arrows move, Enter / Shift+Enter down / up, Tab / Shift+Tab right / left, Page Down / Page Up a screenful, Home / End the row's first / last cell, Ctrl+Home / Ctrl+End the table's, type to replace a cell, F2 to edit it, Esc to cancel, Delete resets, Shift+arrows or Shift+click select, Ctrl+A all, Ctrl+C / Ctrl+V copy and paste blocks with a spreadsheet, Ctrl+D fills down; in a list cell (region, segment, payer, ramp) a letter picks the next choice with a word starting with it, Space or Alt+Down / Alt+Up the next / previous",
        comments_title: "Comments are not kept",
        comments_text: |name| {
            format!(
                "{name} has comments written by hand (// …). UCJ Planner does not keep comments when it saves; the file as it is now stays in {name}.bak. Notes are kept: write where a figure comes from in the Note column of a region, target, actual or campaign."
            )
        },
        comments_save: "Save without the comments",
    },
    ui: UiTexts {
        campaign_starts: "start",
        funding_ends: "funding ends",
        export_handout: "Export handout as PDF…",
        slide_size: |s| format!("Slide size: {s}"),
        window_size: "the window's size",
        exporting_slides: |w, h| format!("Exporting the slides at {w}×{h}…"),
        export_timed_out: |m| {
            format!(
                "The slides were not exported: the export had not finished after {m} minutes and was stopped"
            )
        },
        page_word: "page",
        deck_title: "Slides of the presentation",
        deck_hint: "Which slides the presentation shows, in this order; kept in the scenario file.",
        deck_add_region: "Add one region's slide",
        deck_kind: |k| match k {
            0 => "Title",
            1 => "Assumptions",
            2 => "Overview",
            3 => "Map of the provinces",
            4 => "One slide per region",
            5 => "Budget",
            _ => "Plans compared",
        },
        deck_region: |code| format!("Region {code}"),
        deck_usual: "Back to the usual slides",
        move_up: "Up",
        move_up_hint: "Show this slide earlier",
        move_down: "Down",
        move_down_hint: "Show this slide later",
        map_title: |month| format!("Coverage against target by province, {month}"),
        map_keys: "Up / Down: another month",
        map_band: |b| {
            match b {
                0 => "very low: below 75 % of target",
                1 => "low: 75–90 % of target",
                2 => "medium: 90–100 % of target",
                3 => "high: target met",
                _ => "no target at this month",
            }
            .to_owned()
        },
        map_band_word: |b| match b {
            0 => "very low",
            1 => "low",
            2 => "medium",
            3 => "high",
            _ => "no target",
        },
        map_no_region: "no region in the scenario",
        map_credit: "Province boundaries: Indonesia GeoJSON & TopoJSON Maps (38 Provinces), denyherianto, CC BY 4.0 (creativecommons.org/licenses/by/4.0)",
        compare_region_keys: "Up / Down: another region",
        plan_line: "the plan",
        actual: "actual",
        actual_month: "Actual month",
        actuals: "Reported active participants (actuals)",
        add_actual: "+ Actual",
        add_campaign: "+ Campaign",
        add_region: "+ Region",
        add_target: "+ Target",
        all_regions: "ALL regions",
        already_met: "already met",
        assumption_mark: "Assumption: no official figure is published; set it for your region.",
        campaign_word: "campaign",
        cancel: "Cancel",
        notes_of_figures: "Notes on targets and actuals",
        col_note: "Note",
        actual_word: "actual",
        target_word: "target",
        col_active: "Active",
        col_active_reported: "Active (reported)",
        col_as_of: "As of",
        col_code: "Code",
        col_contribution: "Contribution Rp/month",
        col_coverage_now: "Coverage now",
        col_funded_months: "Funded months",
        col_gap: "Net gap",
        col_month: "Month",
        col_name: "Name",
        col_needed: "People needed",
        col_next_target: "Next target",
        col_on: "On",
        col_one_off: "One-off Rp",
        col_payer: "Payer",
        col_people: "People",
        col_projected: "Projected",
        col_province: "Province",
        col_ramp: "Ramp",
        col_ramp_months: "Ramp months",
        col_reached: "Reached",
        col_region: "Region",
        col_retention: "Retention %",
        col_segment: "Segment",
        col_source: "Source",
        col_start: "Start",
        col_status: "Status",
        col_target_pct: "Target %",
        col_workforce: "Workforce",
        copy: "copy",
        coverage_now: "Coverage now",
        coverage_now_hint: "Active participants / workforce at the as-of month",
        create_campaign: "Create campaign",
        create_campaign_hint: "Adds this campaign with exactly these people (undo with Ctrl+Z)",
        delete: "Delete",
        delete_region_hint: "Deletes the region and its campaigns (undo with Ctrl+Z)",
        detail_title: "Region",
        discard: "Discard changes",
        duplicate: "Duplicate",
        enabled_hint: "Counts in the projection when on; off keeps it in the file",
        export_csv: "Export projection as CSV…",
        export_typed: "Export CSV to a typed path…",
        filter: "Filter",
        filter_campaigns_hint: "campaign name",
        filter_regions_hint: "code, name or province",
        filter_problems_hint: "region, column or words",
        problems_shown: |shown, all| format!("{shown} of {all}"),
        funded_hint: "Months each member stays funded after enrolling; \"to the end\" = funded to the scenario end",
        gap_hint: "Target × workforce − projected active at the target month (negative = above target)",
        go_to_problem: "Go to it",
        goal_seek_plan: "People needed: the new campaign to seek with",
        growth: "Workforce growth",
        language: "Language",
        lapse: "Lapse",
        lapse_in_use: "Lapse per month in use",
        menu_edit: "Edit",
        menu_file: "File",
        menu_view: "View",
        new: "New",
        no_campaigns: "No campaigns here yet: \"+ Campaign\" adds one.",
        no_problems: "No problems.",
        no_recent: "No recent files",
        no_regions: "No regions here yet: \"+ Region\" adds one.",
        not_by_end: "not by the end",
        not_projected: "not projected",
        notes: "Notes",
        ok: "OK",
        only_selected_region: "only the selected region",
        open: "Open…",
        open_recent: "Open recent",
        open_typed: "Open a typed path…",
        path: "Path",
        pct_per_month: " %/month",
        pct_per_year: " %/year",
        per_month: "per month",
        per_year: "per fiscal year",
        plot_cost: "Public cost by payer",
        plot_coverage: "Coverage (% of workforce)",
        plot_scope: "Show:",
        plot_segments: "Active participants by segment",
        plot_choices: ["Coverage", "Segments", "Public cost"],
        quit: "Quit",
        redo: "Redo",
        save: "Save",
        save_as: "Save as…",
        save_typed: "Save to a typed path…",
        scenario_end: "Projection ends",
        scenario_end_hint: "YYYY-MM, the last month of every projection",
        scenario_name: "Scenario name",
        select_region_hint: "Select a region in the table to see its targets and the people still needed.",
        selected_regions: "selected regions",
        show_problems: "Show every problem",
        sort_hint: "Sort (click again to reverse, a third time to clear)",
        status_met: "met",
        status_on_track: "on track",
        status_short: "short",
        tab_assumptions: "Assumptions",
        tab_campaigns: "Campaigns",
        tab_problems: "Problems",
        tab_regions: "Regions",
        target: "target",
        target_month: "Target month",
        target_pct: "Target %",
        targets: "Targets",
        to_the_end: "to the end",
        today: "today",
        typed_path_help: "Type the full path of the file (no file dialog is needed).",
        undo: "Undo",
        unreachable: "not reachable",
        unreachable_hint: "No number of people reaches it with this campaign: it starts too late, or its members lapse before the target month.",
        unsaved_changes: "unsaved changes",
        unsaved_title: "Unsaved changes",
        untitled: "Untitled",
        no_dialog: "No file dialog could be shown on this desktop: type the path instead.",
        saved: "Saved",
        exported: "Exported",
        cell_empty: "Type a number",
        dismiss: "Dismiss",
        coverage_of: |active, workforce, month, source| {
            format!("{active} active of {workforce} workforce ({month}; {source})")
        },
        lapse_explained: |pct| {
            let left = 100.0 * (1.0 - pct / 100.0).powi(12);
            format!("{} of a pool still active after 12 months", L.pct(left))
        },
        payer: |p| match p {
            Payer::Apbn => "APBN (national)",
            Payer::ApbdProvince => "APBD province",
            Payer::ApbdRegency => "APBD regency/city",
            Payer::Village => "Village fund",
            Payer::Csr => "CSR",
            Payer::Employer => "Employer",
            Payer::SelfPaid => "Self-paid",
        },
        problem_count: |errors, warnings| {
            let e = if errors == 1 { "error" } else { "errors" };
            let w = if warnings == 1 { "warning" } else { "warnings" };
            format!("{errors} {e}, {warnings} {w}")
        },
        ramp: |r| match r {
            Ramp::Immediate => "At once",
            Ramp::Linear => "Evenly",
            Ramp::SCurve => "S-curve",
        },
        seek_campaign_name: |pct, month| format!("To reach {pct} by {month}"),
        seek_explained: |funded, linear| {
            let how = if linear {
                "enrolled evenly from the month after the figures to the target month"
            } else {
                "enrolled in the month after the figures"
            };
            let lapse = if funded {
                "funded members do not lapse while funded"
            } else {
                "members lapse at the region's rate: the gross enrollments needed"
            };
            format!("People {how}; {lapse}.")
        },
        unsaved_question: |title| format!("Save the changes to \"{title}\" first?"),
        cell_not_number: |text, decimal| {
            format!("\"{text}\" is not a number: write digits, with {decimal} for decimals")
        },
        cell_thousands_or_decimal: |text, decimal, thousands| {
            format!(
                "\"{text}\": in English \"{decimal}\" is the decimal mark, not thousands; for thousands type {thousands}"
            )
        },
        add_baseline: "+ Baseline: no new campaigns",
        add_variant: "+ Variant from the switches shown",
        add_variant_hint: "A new plan with exactly the campaigns switched on now",
        at_end: "at the end,",
        baseline_name: "Baseline: no new campaigns",
        baseline_word: "baseline",
        budget_title: "Public cost per fiscal year",
        by_word: "by",
        campaigns_and_cost: "Campaigns and their yearly public cost",
        col_campaigns_on: "Campaigns on",
        col_growth_override: "Own workforce growth",
        col_lapse_override: "Own lapse rates",
        compare_scope: "Compare for",
        compare_title: "Plan variants compared",
        copied: "Copied as an image.",
        copy_image: "Copy plot or slide as image",
        coverage_word: "coverage",
        cost_word: "cost",
        export_slides: "Export every slide as PNG…",
        export_spreadsheet: "Export tables for a spreadsheet…",
        keep: "Keep the changes (not saved to the file yet)",
        keep_changes_question: "Campaigns were changed during the presentation. Keep those changes in the scenario? The file changes only when you save it. Enter keeps, Esc goes back to the slides.",
        keep_changes_title: "Keep the changes?",
        page_of: |page, pages| format!("page {page} of {pages}"),
        headline_met: |name, pct, month| format!("{name} reaches {pct} by {month} and holds it."),
        headline_lost: |name, pct, month, low, from, funding| match funding {
            Some(c) => format!(
                "{name} reaches {pct} in {month} only while {c} is funded: coverage falls to {low} when the funding ends, from {from}."
            ),
            None => format!(
                "{name} reaches {pct} in {month}, then falls below it from {from}, to {low}."
            ),
        },
        headline_short: |name, pct, month, people| {
            format!("{name} needs {people} more active participants to reach {pct} by {month}.")
        },
        figures_as_of: |when| format!("Figures as of {when}"),
        assumptions_title: "What the projection assumes",
        lapse_per_month: "Lapse per month",
        present_save: "PNG…",
        present_copy: "Copy",
        what_if_badge: "WHAT-IF · not saved",
        before_changes: "before the what-if",
        leave_presenter: "Leave (Esc)",
        month_earlier: "‹ start a month earlier",
        month_later: "start a month later ›",
        new_variant_name: "Plan",
        no_additional: "no additional participants",
        no_campaigns_on: "No campaigns switched on.",
        no_variants: "No variants yet: \"+ Variant\" saves the campaigns switched on now as a plan.",
        off_word: "off",
        on_word: "on",
        overview_title: "coverage against targets",
        people_less: "−10 % people",
        people_more: "+10 % people",
        plan_shown: "Plan shown:",
        present: "Present",
        present_keys_short: "Right: next · Left: back · Esc: leave",
        present_keys: "Right or Space: next · Left: back · Home / End · 1–9: switch a campaign · Up / Down: choose · + −: people · [ ]: start month · B: blank screen · Esc: leave",
        quick_change: "What if:",
        quick_toggle_hint: "Switch this campaign on or off (or press its number)",
        reached_in: "reached in",
        save_png: "Save plot or slide as PNG…",
        show_it: "Show",
        slides_exported: "Slides exported to",
        typed_paths: "Type a path instead",
        menu_help: "Help",
        shortcuts_title: "Keyboard shortcuts",
        next_tab: "Next tab",
        focus_menu: "Menu bar (Space opens a menu)",
        per_year_unit: "a year",
        figures_without_typo: |place, more| {
            let others = match more {
                0 => String::new(),
                1 => " and 1 more cell".to_owned(),
                n => format!(" and {n} more cells"),
            };
            format!(
                "{place}{others}: not a value, not used; the figures use the value before it until it is fixed"
            )
        },
        previous_tab: "Previous tab",
        version_line: "UCJ Planner version",
        new_campaign: "New campaign",
        tab_variants: "Variants",
        variant_col: "Variant",
        variants_hint: "A variant is a set of campaigns switched on, with optional assumptions of its own. The first is the baseline the others are measured against. Choosing a plan in \"Plan shown\" makes the whole window show it; switching campaigns then edits that plan.",
        working_plan: "Working plan (campaign switches)",
        cost_per_additional: |at| format!("Rp per additional active participant ({at})"),
        needs_more: |people, month, pct| {
            format!("Needs {people} more active participants by {month} to reach {pct}")
        },
        on_track_for: |pct, month, projected| {
            format!("On track for {pct} by {month}: projected {projected}")
        },
    },
    sheet: SheetTexts {
        month: "Month",
        code: "Code",
        region: "Region",
        workforce: "Workforce",
        active: "Active",
        coverage_pct: "Coverage %",
        target_pct: "Target %",
        gap: "Gap",
        cost_rp: "Public cost Rp",
        target_month: "Target month",
        projected_pct: "Projected %",
        reached: "Reached",
        year: "Fiscal year",
        total: "Total",
    },
};

fn problem(p: &Problem) -> String {
    match p {
        Problem::NotAMonth { text } => {
            let text = L.quoted(text);
            format!("\"{text}\" is not a month: write YYYY-MM, for example 2025-07")
        }
        Problem::Negative { value } => {
            format!("must not be negative (is {})", L.short_number(*value))
        }
        Problem::NotFinite => "must be a number".to_owned(),
        Problem::PercentOutOfRange { value } => {
            format!(
                "must be a percentage from 0 to 100 (is {})",
                L.short_number(*value)
            )
        }
        Problem::ZeroWorkforce => "the workforce must be more than 0".to_owned(),
        Problem::UnknownRegion { code } => {
            let code = L.quoted(code);
            format!("no region has the code \"{code}\"")
        }
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
        Problem::UnknownCampaign { name } => {
            let name = L.quoted(name);
            format!("no campaign is named \"{name}\"")
        }
        Problem::DuplicateVariant { first_index } => {
            format!("the same name as variant {}", first_index + 1)
        }
        Problem::EmptyName => "needs a name".to_owned(),
        Problem::SameCampaignName { first_index } => format!(
            "the same name as campaign {}: variants switch both together",
            first_index + 1
        ),
        Problem::NewerFormat { found, supported } => {
            format!("format {found} is newer than this program reads (up to {supported})")
        }
        Problem::TooLarge { value, max } => format!(
            "is {}, more than the {} this field can hold",
            L.short_number(*value),
            L.short_number(*max)
        ),
        Problem::TooLong { chars, max } => format!(
            "is {} characters long; at most {} fit a name",
            L.people(*chars as f64),
            L.people(*max as f64)
        ),
        Problem::TargetBeforeAsOf { as_of } => format!(
            "the target is dated before the region's figures ({}): the projection cannot judge it",
            L.month(*as_of)
        ),
        Problem::SplitMismatch { sum, total } => format!(
            "the split by segment adds up to {}, not the reported {}",
            L.people(*sum),
            L.people(*total)
        ),
        Problem::NoRuns => "needs at least 1 run".to_owned(),
        Problem::RangeOrder { low, mode, high } => format!(
            "low {}, most likely {}, high {}: the three must be in that order",
            L.short_number(*low),
            L.short_number(*mode),
            L.short_number(*high)
        ),
        Problem::ProjectedAbove100 { month, pct } => format!(
            "projected coverage passes 100 % in {} ({}): more active participants than workforce; is the workforce figure too low?",
            L.month(*month),
            L.pct(*pct)
        ),
        Problem::ProjectionOff {
            month,
            projected,
            reported,
        } => format!(
            "projected {} against {} reported for {} ({}): calibrate?",
            L.people(*projected),
            L.people(*reported),
            L.month(*month),
            L.signed_pct(crate::engine::relative(*projected, *reported), 1)
        ),
    }
}
