//! `ucj-planner`: the window, or a command for scripts (`check`, `project`, `summary`).

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use ucj_planner::cli::{self, Args};
use ucj_planner::i18n::Lang;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let args = Args::parse();
    let lang = args.lang.map_or_else(Lang::from_system, Lang::from);
    if let Some(command) = &args.command {
        let status = cli::run(
            command,
            lang,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
        return ExitCode::from(status);
    }
    // The window arrives with the desktop app; until then say how to use the commands.
    let _ = Args::command().print_help();
    ExitCode::SUCCESS
}
