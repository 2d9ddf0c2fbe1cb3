//! The command line: `copydesk check` and `copydesk speakers`, thin adapters over
//! [`crate::analysis`], and `copydesk lsp`, the language server ([`crate::lsp`]).

mod check;
mod configs;
mod input;
mod output;
mod report;
mod rules;
mod speakers;
mod splice;
mod stats;
mod workers;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::Severity;

const EXAMPLES: &str = "\
Examples:
  copydesk check
  copydesk check examples/bridge-vote.md
  copydesk check drafts/ --format json
  copydesk speakers examples/bridge-vote.md
  copydesk rules
  copydesk explain unattributed-quote
  copydesk lsp";

const CHECK_EXAMPLES: &str = "\
Examples:
  copydesk check                     (every draft under the current folder)
  copydesk check examples/bridge-vote.md
  copydesk check drafts/ --format json
  copydesk check story.md --format sarif > copydesk.sarif
  cat story.txt | copydesk check -
  copydesk check story.md --config newsroom/copydesk.toml
  copydesk check --sources examples/notes examples/bridge-vote.md
  copydesk check drafts/ --jobs 2 --stats";

const SPEAKERS_EXAMPLES: &str = "\
Examples:
  copydesk speakers examples/bridge-vote.md
  copydesk speakers story.md --format json
  cat story.txt | copydesk speakers -
  copydesk speakers story.md --config newsroom/copydesk.toml";

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "The copy desk's checks for news drafts: unattributed quotations, unbalanced quote marks, anonymous sources, a person's name spelled two ways.",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check drafts before publication (files, directories, - for stdin; by
    /// default the current folder).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(check::CheckArgs),
    /// Print the quote sheet of a draft: every quotation with its speaker, every
    /// person with their spellings.
    #[command(after_help = SPEAKERS_EXAMPLES)]
    Speakers(speakers::SpeakersArgs),
    /// Serve the Language Server Protocol on stdin and stdout, for editors.
    Lsp(LspArgs),
    /// List the rules: code, default severity, summary.
    Rules(rules::RulesArgs),
    /// Explain a rule: what it finds, why it matters, an example, its fixes.
    Explain(rules::ExplainArgs),
}

#[derive(clap::Args, Debug)]
struct LspArgs {
    /// Serve over stdio (the default and only transport; accepted because some
    /// clients pass it).
    #[arg(long)]
    stdio: bool,
}

/// The lowest severity that makes `check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

impl FailOn {
    fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Information => s >= Severity::Information,
            FailOn::Hint => true,
        }
    }
}

/// Runs the command line and returns the process exit code: 0 clean, 1 findings at
/// or above `--fail-on`, 2 usage or read errors.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Speakers(args) => speakers::run(args),
        Command::Lsp(_) => crate::lsp::run(),
        Command::Rules(args) => rules::list(args),
        Command::Explain(args) => rules::explain(args),
    };
    ExitCode::from(code)
}
