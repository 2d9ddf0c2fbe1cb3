//! `copydesk speakers`: the quote sheet of one draft.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::input;
use super::output;
use crate::analysis::analyze;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpeakersFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct SpeakersArgs {
    /// The draft (`-` for stdin).
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: SpeakersFormat,
    /// House style to use instead of the nearest copydesk.toml above the draft.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Refuse a draft longer than this many bytes (the language server's
    /// `copydesk.maxDocumentBytes` is the same limit).
    #[arg(long, value_name = "BYTES", default_value_t = crate::text::MAX_DRAFT_BYTES)]
    max_bytes: usize,
    /// Look each quotation up in this source material too (a folder, a file or
    /// a pattern; repeatable), as `copydesk check --sources` does.
    #[arg(long, value_name = "PATH")]
    sources: Vec<PathBuf>,
}

pub fn run(args: SpeakersArgs) -> u8 {
    let mut configs = super::configs::Configs::new(args.config.clone());
    let config = match configs
        .explicit()
        .and_then(|_| configs.for_draft(&args.file))
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            return 2;
        }
    };
    let draft = match input::read(&args.file, args.max_bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("copydesk: error: {e}");
            return 2;
        }
    };
    let options = super::check::options_with_material(
        &args.file,
        &draft,
        &config,
        &crate::material::Library::default(),
        &args.sources,
    );
    let analysis = analyze(&draft.text, &options);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        SpeakersFormat::Human => output::speakers_human(
            &mut out,
            &draft.text,
            &analysis,
            !options.material.sources.is_empty(),
        ),
        SpeakersFormat::Json => output::speakers_json(&mut out, &draft.text, &analysis),
    };
    let _ = out.flush();
    if written.is_err() { 2 } else { 0 }
}
