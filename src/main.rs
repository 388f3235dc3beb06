//! `ucj-planner`: the window, or a command for scripts (`check`, `project`, `summary`).

use std::process::ExitCode;

use clap::Parser;
use ucj_planner::cli::{self, Args};
use ucj_planner::i18n::Lang;
use ucj_planner::ui::{self, Startup};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Args::parse();
    let lang = args.lang.map_or_else(Lang::from_system, Lang::from);
    if let Some(cli::Command::Slides {
        file,
        out,
        size,
        variant,
        pdf,
    }) = &args.command
    {
        // The slides are drawn by the real window, at exactly the size asked.
        let startup = Startup {
            file: Some(file.clone()),
            lang: args.lang.map(Lang::from),
            present: Some(0),
            slides: Some(out.clone()),
            variant: variant.clone(),
            handout: pdf.clone(),
            ..Startup::default()
        };
        return match ui::run(startup, Some([size.0, size.1])) {
            Ok(status) => ExitCode::from(status),
            Err(e) => {
                eprintln!("{e:#}");
                ExitCode::from(cli::EXIT_UNREADABLE)
            }
        };
    }
    if let Some(command) = &args.command {
        let status = cli::run(
            command,
            lang,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
        return ExitCode::from(status);
    }
    let startup = Startup {
        file: args.file,
        lang: args.lang.map(Lang::from),
        screenshot: args.screenshot,
        present: args
            .present
            .then(|| usize::from(args.slide.unwrap_or(1)).saturating_sub(1)),
        ..Startup::default()
    };
    match ui::run(startup, args.size.map(|(w, h)| [w, h])) {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::from(cli::EXIT_UNREADABLE)
        }
    }
}
