//! The command line: `check`, `project` and `summary` for scripts, CI and checking numbers.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::{
    Budget, Control, Overrides, Projection, Seek, Spread, analyse_targets, gross_seek_plan,
    people_needed, project_variant, simulate_plan,
};
use crate::files;
use crate::i18n::Lang;
use crate::model::{Payer, Scenario, Severity};

/// Exit status when the scenario has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit status when the file cannot be read or parsed, or the arguments are wrong.
pub const EXIT_UNREADABLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "ucj-planner",
    version,
    about = "Plan enrollment campaigns toward Universal Coverage Jamsostek (UCJ)",
    long_about = "Plan enrollment campaigns toward Universal Coverage Jamsostek (UCJ): project the \
                  share of each region's workforce with active BPJS Ketenagakerjaan membership, \
                  month by month, against its targets.\n\n\
                  Without a command the program opens its window (with FILE, that scenario).",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario file (.ron) to open in the window.
    pub file: Option<PathBuf>,
    /// Open the window, wait until the scenario is drawn, write the window as PNG here and
    /// exit (0 when the PNG was written).
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// Open in presenter mode (full screen, slides; F5 in the window).
    #[arg(long)]
    pub present: bool,
    /// With --present: start at this slide (1 = the overview).
    #[arg(long, value_name = "N", requires = "present", value_parser = clap::value_parser!(u16).range(1..))]
    pub slide: Option<u16>,
    /// Window size in pixels, `WIDTHxHEIGHT`, for this run (the size the window last had is
    /// then neither used nor changed). Without it: the size the window last had, at first
    /// 1600x900.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<(f32, f32)>,
    /// Language of messages and numbers: id (Indonesian) or en (English). Default: the
    /// system locale.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
}

fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("\"{text}\" is not a size: write WIDTHxHEIGHT, such as 1600x900"))?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|v| (200..=8000).contains(v))
            .map(f32::from)
            .ok_or_else(|| format!("\"{s}\" is not a width or height from 200 to 8000"))
    };
    Ok((parse(w)?, parse(h)?))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every error and warning of a scenario. Exit 0 without errors, 1 with errors,
    /// 2 when the file cannot be read or parsed.
    Check {
        /// Scenario file (.ron).
        file: PathBuf,
    },
    /// Print the monthly projection as CSV: one row per region per month, then the ALL rows.
    /// Columns: `month,region_code,region,workforce,active,coverage_pct,target_pct,gap,cost_rp`.
    Project {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Only this region (its code), or ALL for the totals.
        #[arg(long, value_name = "CODE")]
        region: Option<String>,
        /// Project this plan variant (its name) instead of the campaigns' own switches.
        #[arg(long, value_name = "NAME")]
        variant: Option<String>,
    },
    /// Run the scenario's uncertainty (its `uncertainty` block; without one every spread is 0)
    /// and print CSV `month,region_code,region,p5,p10,p25,p50,p75,p90,p95`: percentiles of
    /// coverage %, one row per region per month, then the ALL rows. With `--targets`, print
    /// `region_code,region,target_month,target_pct,chance` instead (chance from 0 to 1).
    /// Exit 1 when the file has errors (nothing is printed when its ranges do).
    Uncertainty {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Number of runs (default: the file's, else 1000).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::model::MAX_RUNS)))]
        runs: Option<u32>,
        /// Seed of the generator (default: the file's, else 1).
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Run this plan variant (its name) instead of the campaigns' own switches.
        #[arg(long, value_name = "NAME")]
        variant: Option<String>,
        /// The chance of every target instead of the percentiles.
        #[arg(long)]
        targets: bool,
    },
    /// Print a readable table per region: coverage now, each target with the projected
    /// coverage at its month, the gap, the month it is reached, the enrollments still needed
    /// (goal seek) and the public cost per fiscal year.
    Summary {
        /// Scenario file (.ron).
        file: PathBuf,
    },
    /// Fit each region's baseline (enrollment per month, lapse) to its reported actuals and
    /// print the fitted values and the error at each reported month. Exit 0 when every region
    /// with actuals was fitted, 1 when some could not be, 2 when the file cannot be read.
    Calibrate {
        /// Scenario file (.ron).
        file: PathBuf,
        /// Only this region (its code).
        #[arg(long, value_name = "CODE")]
        region: Option<String>,
        /// Save the calibrated scenario here (atomically, like every save). Without it
        /// nothing is written.
        #[arg(long, value_name = "OUT.ron")]
        write: Option<PathBuf>,
    },
    /// Read regions, targets, actuals, campaigns, variants and settings from a CSV or XLSX
    /// file (columns found by their headers, in Indonesian or English) and merge them by
    /// region code into FILE.ron, or into a new scenario. Exit 1 with a line per row that
    /// cannot be read, and nothing written; 2 when a file cannot be read.
    Import {
        /// The data: .csv (either separator, either decimal mark) or .xlsx.
        data: PathBuf,
        /// Merge into this scenario instead of a new one.
        #[arg(long, value_name = "FILE.ron")]
        into: Option<PathBuf>,
        /// Save the merged scenario here (atomically).
        #[arg(long, value_name = "OUT.ron")]
        write: PathBuf,
    },
    /// Start a scenario from the national catalogue (38 provinces, 514 regencies and cities,
    /// with Kemendagri codes and population): each region's workforce is estimated as
    /// population x the working share, labelled as an estimate.
    New {
        /// A province by code or name (`16`, `"Sumatera Selatan"`): its regencies and cities.
        #[arg(long, value_name = "CODE_OR_NAME", num_args = 1..)]
        province: Vec<String>,
        /// A single regency or city by code (`16.06`).
        #[arg(long, value_name = "CODE", num_args = 1..)]
        regency: Vec<String>,
        /// All 514 regencies and cities.
        #[arg(long)]
        all: bool,
        /// The share of the population that works (default: 0.5076, BPS Sakernas Aug 2024).
        #[arg(long, value_name = "SHARE", default_value_t = crate::model::catalogue::WORKING_SHARE)]
        share: f64,
        /// The month the figures are as of (default: this month), `YYYY-MM`.
        #[arg(long, value_name = "YYYY-MM")]
        as_of: Option<String>,
        /// Save the new scenario here (atomically).
        #[arg(long, value_name = "OUT.ron")]
        write: PathBuf,
    },
    /// Write every slide of the deck as `slide-01.png`, `slide-02.png`… in a folder, at
    /// exactly the size asked. It draws the real window, so it needs a display: on a machine
    /// without one, run it under `xvfb-run -s '-screen 0 1920x1080x24'` (a screen at least
    /// that size). Exit 0 when every picture was written.
    Slides {
        /// Scenario file (.ron).
        file: PathBuf,
        /// The folder for the pictures (made when missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Picture size in pixels, `WIDTHxHEIGHT`.
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_size)]
        size: (f32, f32),
        /// Show this plan variant (its name).
        #[arg(long, value_name = "NAME")]
        variant: Option<String>,
        /// Also write the PDF handout here: every slide, one an A4 page, with the scenario,
        /// the plan and the date in the footer.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
    },
    /// Write the scenario and its projection as one XLSX workbook: settings, regions,
    /// targets, actuals, campaigns, variants, the monthly projection and the budget.
    Export {
        /// Scenario file (.ron).
        file: PathBuf,
        /// The workbook to write.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Id => Self::Id,
            LangArg::En => Self::En,
        }
    }
}

/// Runs a command, writing results to `out` and messages to `err`; returns the exit status.
pub fn run(command: &Command, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let file = match command {
        Command::Import { data, into, write } => {
            return crate::cli_tables::import(data, into.as_deref(), write, lang, out, err);
        }
        Command::Export { file, xlsx } => {
            return crate::cli_tables::export(file, xlsx, lang, out, err);
        }
        Command::New {
            province,
            regency,
            all,
            share,
            as_of,
            write,
        } => {
            let choice = crate::cli_tables::Choice {
                provinces: province,
                districts: regency,
                all: *all,
                share: *share,
                as_of: as_of.as_deref(),
            };
            return crate::cli_tables::new(&choice, write, out, err);
        }
        Command::Slides { .. } => {
            // Drawn by the window: `main` starts it for this command.
            let _ = writeln!(err, "slides: the window draws them; run the program itself");
            return EXIT_UNREADABLE;
        }
        Command::Check { file }
        | Command::Project { file, .. }
        | Command::Uncertainty { file, .. }
        | Command::Summary { file }
        | Command::Calibrate { file, .. } => file,
    };
    let scenario = match files::load(file) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_UNREADABLE;
        }
    };
    let mut variant = None;
    if let Command::Project {
        variant: Some(name),
        ..
    }
    | Command::Uncertainty {
        variant: Some(name),
        ..
    } = command
    {
        variant = scenario.variants.iter().position(|v| &v.name == name);
        if variant.is_none() {
            let names: Vec<&str> = scenario.variants.iter().map(|v| v.name.as_str()).collect();
            let _ = writeln!(
                err,
                "{}: no variant is named \"{name}\" (the variants: {})",
                file.display(),
                names.join(", ")
            );
            return EXIT_UNREADABLE;
        }
    }
    let projection = project_variant(&scenario, variant);
    let status = if projection.report.has_errors() {
        EXIT_INVALID
    } else {
        0
    };
    let written = match command {
        Command::Check { .. } => check(&projection, lang, out),
        Command::Project { region, .. } => {
            let known = |code: &str| code == "ALL" || scenario.region_index(code).is_some();
            if let Some(code) = region.as_deref().filter(|c| !known(c)) {
                let _ = writeln!(err, "{}: no region has the code \"{code}\"", file.display());
                return EXIT_UNREADABLE;
            }
            print_issues(&projection, lang, err);
            out.write_all(
                files::projection_csv(&scenario, &projection, region.as_deref()).as_bytes(),
            )
        }
        Command::Summary { .. } => {
            print_issues(&projection, lang, err);
            let spread = scenario.assumptions.uncertainty.as_ref().and_then(|_| {
                simulate_plan(
                    &scenario,
                    &projection.report,
                    None,
                    None,
                    None,
                    &Control::default(),
                )
            });
            summary(&scenario, &projection, spread.as_ref(), file, lang, out)
        }
        Command::Uncertainty {
            runs,
            seed,
            targets,
            ..
        } => {
            print_issues(&projection, lang, err);
            let report = &projection.report;
            let Some(spread) = simulate_plan(
                &scenario,
                report,
                variant,
                *runs,
                *seed,
                &Control::default(),
            ) else {
                let _ = writeln!(
                    err,
                    "{}: {}",
                    file.display(),
                    lang.texts().uncertainty.not_run
                );
                return EXIT_INVALID;
            };
            if scenario.assumptions.uncertainty.is_none() {
                let _ = writeln!(err, "{}", lang.texts().uncertainty.no_block);
            }
            let text = if *targets {
                files::chances_csv(&scenario, &spread)
            } else {
                files::bands_csv(&scenario, &spread)
            };
            out.write_all(text.as_bytes())
        }
        Command::Import { .. }
        | Command::Export { .. }
        | Command::New { .. }
        | Command::Slides { .. } => Ok(()),
        Command::Calibrate { region, write, .. } => {
            return crate::cli_calibrate::run(
                &scenario,
                &projection,
                region.as_deref(),
                write.as_deref(),
                lang,
                out,
                err,
            );
        }
    };
    if let Err(e) = written {
        // `summary | head`: the reader has what it wanted; that is not an error.
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return status;
        }
        let _ = writeln!(err, "cannot write the output: {e}");
        return EXIT_UNREADABLE;
    }
    status
}

/// How many problems a command other than `check` prints before its output.
const PROBLEMS_SHOWN: usize = 20;

/// The first problems on stderr, errors first, then how many more there are: a national
/// scenario can have hundreds of warnings, which `check` lists.
fn print_issues(projection: &Projection, lang: Lang, err: &mut dyn Write) {
    let issues = &projection.report.issues;
    let by_severity = |severity| issues.iter().filter(move |i| i.severity() == severity);
    for issue in by_severity(Severity::Error)
        .chain(by_severity(Severity::Warning))
        .take(PROBLEMS_SHOWN)
    {
        let _ = writeln!(err, "{}", lang.describe(issue));
    }
    if let Some(more) = issues.len().checked_sub(PROBLEMS_SHOWN).filter(|&n| n > 0) {
        let _ = writeln!(err, "{}", (lang.texts().summary.more_problems)(more));
    }
}

fn check(projection: &Projection, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let report = &projection.report;
    for issue in &report.issues {
        writeln!(out, "{}", lang.describe(issue))?;
    }
    writeln!(
        out,
        "{}",
        (lang.texts().ui.problem_count)(
            report.count(Severity::Error),
            report.count(Severity::Warning)
        )
    )
}

fn summary(
    scenario: &Scenario,
    projection: &Projection,
    spread: Option<&Spread>,
    path: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = &lang.texts().summary;
    let shown = crate::i18n::shown;
    writeln!(
        out,
        "{} ({})",
        shown(&scenario.name),
        shown(&path.display().to_string())
    )?;
    for (index, region) in scenario.regions.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} ({})",
            shown(&region.code),
            shown(&region.name),
            shown(&region.province)
        )?;
        let Some(p) = projection.region(index) else {
            writeln!(out, "  {}", lang.why_not_projected(projection, index))?;
            continue;
        };
        let s = &p.series;
        writeln!(
            out,
            "  {} ({}): {}  ({} / {})",
            t.coverage_now,
            lang.month(s.first),
            lang.pct(s.coverage_pct(0)),
            lang.people(s.active[0]),
            lang.people(s.workforce[0]),
        )?;
        let outcomes = analyse_targets(p);
        if outcomes.is_empty() {
            writeln!(out, "  {}", t.no_targets)?;
        } else {
            let chances = spread.and_then(|s| s.region(index)).map(|s| &s.chances);
            let mut header = vec![
                t.target.to_owned(),
                t.projected.to_owned(),
                t.gap.to_owned(),
                t.reached.to_owned(),
                t.needed.to_owned(),
            ];
            if chances.is_some() {
                header.push(lang.texts().uncertainty.chance.to_lowercase());
            }
            let mut rows = vec![header];
            for o in &outcomes {
                let plan = gross_seek_plan(&region.code, s.first, o.month);
                let seek = people_needed(
                    scenario,
                    &projection.report,
                    &Overrides::default(),
                    index,
                    o.month,
                    o.pct,
                    &plan,
                );
                rows.push(vec![
                    format!("{} {}", lang.pct(o.pct), lang.month(o.month)),
                    o.projected_pct.map_or_else(|| "–".into(), |v| lang.pct(v)),
                    o.gap.map_or_else(|| "–".into(), |v| lang.people_short(v)),
                    lang.reached(&o.reached),
                    match seek {
                        Seek::AlreadyMet => t.already_met.to_owned(),
                        #[allow(clippy::cast_precision_loss)] // people counts are far below 2^52
                        Seek::People(n) => lang.people(n as f64),
                        Seek::Unreachable => t.unreachable.to_owned(),
                    },
                ]);
                if let Some(chances) = chances {
                    let chance = chances
                        .iter()
                        .find(|c| c.month == o.month && c.pct == o.pct)
                        .and_then(|c| c.chance);
                    if let Some(row) = rows.last_mut() {
                        row.push(chance.map_or_else(|| "–".into(), |c| lang.chance(c)));
                    }
                }
            }
            write_table(out, &rows, "  ")?;
        }
        for issue in projection.deviations_of(index) {
            writeln!(
                out,
                "  {}: {}",
                lang.texts().warning,
                (lang.texts().problem)(&issue.problem)
            )?;
        }
        write_budget(out, &Budget::of_series(s), lang)?;
    }
    if let Some(total) = &projection.total {
        writeln!(out)?;
        let (all, left_out) = lang.all_scope(scenario, projection);
        writeln!(out, "{all}")?;
        for line in left_out {
            writeln!(out, "  {line}")?;
        }
        writeln!(
            out,
            "  {} ({}): {}  ({} / {})",
            t.coverage_now,
            lang.month(total.first),
            lang.pct(total.coverage_pct(0)),
            lang.people(total.active[0]),
            lang.people(total.workforce[0]),
        )?;
    }
    if let Some(budget) = &projection.budget {
        write_budget(out, budget, lang)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t.needed_note)
}

/// The public cost per fiscal year, one column per payer that pays anything.
fn write_budget(out: &mut dyn Write, budget: &Budget, lang: Lang) -> std::io::Result<()> {
    let t = &lang.texts().summary;
    let years = budget.fiscal_years();
    let payers: Vec<Payer> = Payer::ALL
        .into_iter()
        .filter(|p| years.iter().any(|y| y.by_payer[p.index()] > 0.0))
        .collect();
    if payers.is_empty() {
        return writeln!(out, "  {}: {}", t.cost_per_year, t.no_cost);
    }
    writeln!(out, "  {}:", t.cost_per_year)?;
    let mut header = vec![String::new()];
    header.extend(
        payers
            .iter()
            .map(|&p| (lang.texts().ui.payer)(p).to_owned()),
    );
    header.push(t.total.to_owned());
    let mut rows = vec![header];
    for year in &years {
        let mut row = vec![year.year.to_string()];
        row.extend(
            payers
                .iter()
                .map(|p| lang.rp_short(year.by_payer[p.index()])),
        );
        row.push(lang.rp_short(year.total()));
        rows.push(row);
    }
    write_table(out, &rows, "    ")
}

/// Columns padded to their widest cell; the first column left-aligned, the rest right.
pub(crate) fn write_table(
    out: &mut dyn Write,
    rows: &[Vec<String>],
    indent: &str,
) -> std::io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = indent.to_owned();
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("   ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
