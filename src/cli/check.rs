//! `copydesk check`: the pre-publication check over files and directories.

use std::io::BufWriter;
use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};

use super::FailOn;
use super::configs::Configs;
use super::input::{self, Draft};
use super::output::{self, CheckedFile};
use super::report::{Rendered, Renderer, Report};
use super::stats::Throughput;
use super::workers::Workers;
use crate::analysis::{Options, analyze};
use crate::config::Config;
use crate::material::{self, Library};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads a draft from stdin. Directories are
    /// searched for .md, .markdown and .txt files, honouring .gitignore. [default:
    /// the current folder]
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
    /// How many drafts to check at once [default: one per core; 1 checks one after
    /// another].
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    jobs: Option<NonZeroUsize>,
    /// Print files and megabytes checked per second to stderr at the end.
    #[arg(long)]
    stats: bool,
    /// Check every draft's quotations against this source material too: a
    /// folder (its .vtt, .srt, .txt and .md files), a file or a pattern.
    /// Repeatable; adds to the front matter's `sources:` and the config's
    /// `[sources]`.
    #[arg(long, value_name = "PATH")]
    sources: Vec<PathBuf>,
}

fn parse_jobs(s: &str) -> Result<NonZeroUsize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("the number of drafts checked at once must be 1 or more".into()),
        Ok(n) => Ok(NonZeroUsize::new(n).expect("not zero")),
        Err(_) => Err("expected a whole number of drafts to check at once, 1 or more".into()),
    }
}

/// A draft ready for a worker: its config is settled on the calling thread (where
/// configs are cached), and stdin is read there too, so that which `-` gets the
/// input never depends on the threads' timing.
struct Job {
    path: PathBuf,
    max_bytes: usize,
    config: Arc<Config>,
    stdin: Option<Result<Draft, String>>,
}

/// What a worker hands back for a draft it could read.
struct Checked {
    rendered: Rendered,
    bytes: usize,
    /// A finding at or above `--fail-on`.
    fails: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let mut throughput = Throughput::start();
    let entries = input::expand(&args.paths);
    // Paths that could not be read and drafts that could not be checked, in the
    // order of the input.
    let mut errors = Vec::new();
    let mut configs = Configs::new(args.config.clone());
    if let Err(e) = configs.explicit() {
        eprintln!("copydesk: error: {e}");
        return 2;
    }
    let workers = match Workers::new(args.jobs) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("copydesk: error: cannot start the worker threads: {e}");
            return 2;
        }
    };
    let renderer = Renderer::new(args.format, output::use_colour());
    let stdout = std::io::stdout();
    let mut report = Report::new(BufWriter::new(stdout.lock()), args.format);
    let mut written = Ok(());
    let mut fails = false;
    let library = Library::default();
    workers.map_in_order(
        entries
            .into_iter()
            .map(|entry| entry.and_then(|path| prepare(&path, args.max_bytes, &mut configs))),
        |job| check(job?, &renderer, args.fail_on, &library, &args.sources),
        |outcome| {
            match outcome {
                Ok(done) => {
                    throughput.add(done.bytes);
                    fails |= done.fails;
                    written = report.add(done.rendered);
                }
                Err(e) => errors.push(e),
            }
            // Nothing more can be shown once stdout is gone.
            if written.is_err() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    );
    if written.is_ok() {
        written = report.finish(&errors);
    }
    for e in &errors {
        eprintln!("copydesk: error: {e}");
    }
    if args.stats {
        eprintln!("{}", throughput.line(workers.threads()));
    }
    if written.is_err() || !errors.is_empty() {
        return 2;
    }
    u8::from(fails)
}

/// A draft whose config cannot be read is not checked at all.
fn prepare(path: &Path, max_bytes: usize, configs: &mut Configs) -> Result<Job, String> {
    let config = configs
        .for_draft(path)
        .map_err(|e| format!("{e} (so {} was not checked)", path.display()))?;
    let stdin = (path.as_os_str() == "-").then(|| input::read(path, max_bytes));
    Ok(Job {
        path: path.to_path_buf(),
        max_bytes,
        config,
        stdin,
    })
}

fn check(
    job: Job,
    renderer: &Renderer,
    fail_on: FailOn,
    library: &Library,
    sources: &[PathBuf],
) -> Result<Checked, String> {
    let draft = job
        .stdin
        .unwrap_or_else(|| input::read(&job.path, job.max_bytes))?;
    let options = options_with_material(&job.path, &draft, &job.config, library, sources);
    let analysis = analyze(&draft.text, &options);
    let file = CheckedFile {
        name: &draft.name,
        text: &draft.text,
        findings: &analysis.findings,
        language: analysis.language,
    };
    Ok(Checked {
        rendered: renderer.render(&file),
        bytes: draft.text.len(),
        fails: analysis.findings.iter().any(|f| fail_on.fails(f.severity)),
    })
}

/// A draft's options under its config, with the material it declares read.
pub fn options_with_material(
    path: &Path,
    draft: &Draft,
    config: &Config,
    library: &Library,
    sources: &[PathBuf],
) -> Options {
    let mut options = config.options(draft.format);
    let file = (path.as_os_str() != "-").then_some(path);
    let declared = material::declared(file, &draft.text, draft.format, config, sources);
    options.material = library.material(&declared);
    options
}
