//! `copydesk check`: the pre-publication check over files and directories.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::FailOn;
use super::input;
use super::output::{self, CheckedFile};
use crate::analysis::analyze;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads a draft from stdin. Directories are
    /// searched for .md, .markdown and .txt files, honouring .gitignore.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Exit with 1 when a finding at or above this severity is found.
    #[arg(long, value_enum, default_value = "warning")]
    fail_on: FailOn,
    /// House style to use instead of the nearest copydesk.toml above each draft.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Refuse a draft longer than this many bytes (the language server's
    /// `copydesk.maxDocumentBytes` is the same limit).
    #[arg(long, value_name = "BYTES", default_value_t = crate::text::MAX_DRAFT_BYTES)]
    max_bytes: usize,
}

pub fn run(args: CheckArgs) -> u8 {
    let (files, mut errors) = input::expand(&args.paths);
    let mut configs = super::configs::Configs::new(args.config.clone());
    if let Err(e) = configs.explicit() {
        eprintln!("copydesk: error: {e}");
        return 2;
    }
    let mut checked = Vec::new();
    for path in &files {
        // A draft whose config cannot be read is not checked at all.
        let config = match configs.for_draft(path) {
            Ok(c) => c,
            Err(e) => {
                errors.push(format!("{e} (so {} was not checked)", path.display()));
                continue;
            }
        };
        match input::read(path, args.max_bytes) {
            Ok(draft) => {
                let analysis = analyze(&draft.text, &config.options(draft.format));
                checked.push(CheckedFile {
                    name: draft.name,
                    text: draft.text,
                    findings: analysis.findings,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        CheckFormat::Human => output::human(&mut out, &checked, output::use_colour()),
        CheckFormat::Json => output::json(&mut out, &checked, &errors),
        CheckFormat::Sarif => output::sarif(&mut out, &checked),
    };
    let _ = out.flush();
    for e in &errors {
        eprintln!("copydesk: error: {e}");
    }
    if written.is_err() {
        return 2;
    }
    if !errors.is_empty() {
        return 2;
    }
    let fails = checked
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| args.fail_on.fails(f.severity));
    u8::from(fails)
}
