//! Analysis off the message loop: debounced, one run at a time per document, a
//! panic caught, stale results dropped.
//!
//! Every edit bumps the document's generation. One task per document waits out
//! the debounce until the generation stops moving, analyses a copy of the text
//! on the blocking pool, and publishes only if no newer generation arrived in
//! the meantime; otherwise it goes round again on the newest text. So a burst of
//! edits costs one analysis, and an old result is never shown.

use std::sync::Arc;
use std::time::Duration;

use ropey::Rope;
use tower_lsp_server::Client;
use tower_lsp_server::lsp_types::{Diagnostic, MessageType, Uri};

use super::positions::Encoding;
use super::snapshot::{Outcome, Snapshot};
use super::state::Shared;
use super::{diagnostics, shield};
use crate::analysis::model::LanguageOrigin;
use crate::analysis::{Options, analyze};
use crate::config::Config;
use crate::material::{self, Library};
use crate::text::Format;

/// Test hooks, on only when `COPYDESK_LSP_TEST_HOOKS` is set: a draft holding
/// [`PANIC_MARKER`] makes the analysis panic, so the tests can see a panic caught.
pub fn test_hooks() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("COPYDESK_LSP_TEST_HOOKS").is_some())
}

/// `COPYDESK_LSP_TIMINGS` set: each analysis logs how long it took to stderr.
fn timings() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("COPYDESK_LSP_TIMINGS").is_some())
}

pub const PANIC_MARKER: &str = "copydesk-test-panic";

struct Job {
    generation: u64,
    version: i32,
    rope: Rope,
    format: Format,
    options: Options,
    /// Where the draft is, its config and the sources read so far: the
    /// material it declares is settled with its text.
    path: Option<std::path::PathBuf>,
    config: Arc<Config>,
    library: Arc<Library>,
    cursor: Option<usize>,
    changed_at: std::time::Instant,
    limit: usize,
    /// Where to publish, when diagnostics are pushed: they are made on the
    /// blocking pool too.
    push: Option<(Uri, Encoding)>,
}

impl Job {
    fn run(self) -> (Snapshot, Option<Vec<Diagnostic>>) {
        let push = self.push.clone();
        let start = std::time::Instant::now();
        let snap = self.analyse();
        let analysed = start.elapsed();
        let diags = push.map(|(uri, enc)| diagnostics::diagnostics(&snap, &uri, enc));
        if timings() {
            eprintln!(
                "copydesk: version {} analysed in {:.2} ms, diagnostics made in {:.2} ms",
                snap.version,
                analysed.as_secs_f64() * 1e3,
                (start.elapsed() - analysed).as_secs_f64() * 1e3
            );
        }
        (snap, diags)
    }

    fn analyse(mut self) -> Snapshot {
        let bytes = self.rope.len_bytes();
        let (text, outcome) = if bytes > self.limit {
            (
                String::new(),
                Outcome::TooLarge {
                    bytes,
                    limit: self.limit,
                },
            )
        } else {
            let text = self.rope.to_string();
            if test_hooks() && text.contains(PANIC_MARKER) {
                panic!("test hook: the draft asks the analysis to panic");
            }
            let declared =
                material::declared(self.path.as_deref(), &text, self.format, &self.config, &[]);
            self.options.material = self.library.material(&declared);
            let analysis = analyze(&text, &self.options);
            (text, Outcome::Analysed(analysis))
        };
        Snapshot {
            generation: self.generation,
            version: self.version,
            rope: self.rope,
            text,
            format: self.format,
            cursor: self.cursor,
            outcome,
            material: self.options.material,
        }
    }
}

enum Next {
    Gone,
    /// Not a document copydesk checks (its language is not on the list).
    Skip,
    Run(Box<Job>),
}

/// Marks the document changed and makes sure an analysis task will see it.
pub fn schedule(shared: &Arc<Shared>, client: &Client, uri: &Uri) {
    let mut docs = shared.docs();
    let Some(d) = docs.get_mut(uri) else {
        return;
    };
    d.generation += 1;
    if !d.running {
        d.running = true;
        tokio::spawn(run(shared.clone(), client.clone(), uri.clone()));
    }
}

/// Reschedules every open document (config or settings changed).
pub fn schedule_all(shared: &Arc<Shared>, client: &Client) {
    let uris: Vec<Uri> = shared.docs().keys().cloned().collect();
    for uri in uris {
        schedule(shared, client, &uri);
    }
}

fn generation(shared: &Shared, uri: &Uri) -> Option<u64> {
    shared.docs().get(uri).map(|d| d.generation)
}

fn next_job(shared: &Shared, uri: &Uri) -> Next {
    let settings = shared.settings();
    let session = shared.session();
    let mut docs = shared.docs();
    let Some(d) = docs.get_mut(uri) else {
        return Next::Gone;
    };
    if !settings.languages.contains(&d.doc.language_id) {
        return Next::Skip;
    }
    let format = d.format(uri);
    let mut options = d.config.options(format);
    if options.language.is_none() && settings.draft_language.is_some() {
        options.language = settings.draft_language;
        options.language_origin = LanguageOrigin::Editor;
    }
    for (rule, setting) in &settings.rules {
        options.rules.insert(rule.clone(), *setting);
    }
    Next::Run(Box::new(Job {
        generation: d.generation,
        version: d.doc.version,
        rope: d.doc.rope.clone(),
        format,
        options,
        path: d.path.clone(),
        config: d.config.clone(),
        library: shared.library.clone(),
        cursor: d.cursor,
        changed_at: d.changed_at,
        limit: settings.max_document_bytes,
        push: (!session.pull).then(|| (uri.clone(), session.encoding)),
    }))
}

async fn run(shared: Arc<Shared>, client: Client, uri: Uri) {
    loop {
        let debounce = shared.settings().debounce;
        if debounce > Duration::ZERO {
            let Some(mut seen) = generation(&shared, &uri) else {
                return;
            };
            loop {
                tokio::time::sleep(debounce).await;
                let Some(now) = generation(&shared, &uri) else {
                    return;
                };
                if now == seen {
                    break;
                }
                seen = now;
            }
        }
        let job = match next_job(&shared, &uri) {
            Next::Gone => return,
            Next::Skip => {
                let cleared = skip(&shared, &uri);
                if cleared && !shared.session().pull {
                    client
                        .publish_diagnostics(uri.clone(), Vec::new(), None)
                        .await;
                }
                return;
            }
            Next::Run(job) => job,
        };
        let job_generation = job.generation;
        let changed_at = job.changed_at;
        let outcome = tokio::task::spawn_blocking(move || shield::catch(|| job.run())).await;
        let done = match outcome {
            Ok(Ok((snap, diags))) => Some((Arc::new(snap), diags)),
            Ok(Err(why)) => {
                let msg = format!(
                    "copydesk: the analysis of {} panicked ({why}); its previous diagnostics stay",
                    uri.as_str()
                );
                client.log_message(MessageType::ERROR, msg).await;
                None
            }
            Err(e) => {
                let msg = format!("copydesk: analysis task failed: {e}");
                client.log_message(MessageType::ERROR, msg).await;
                None
            }
        };
        // The handlers run on this same single thread, so no edit can slip in
        // between this check and the publication below.
        if generation(&shared, &uri) == Some(job_generation) {
            if let Some((snap, diags)) = done {
                // Stored before it is published, so a request that follows the
                // diagnostics sees this analysis.
                let old = store(&shared, &uri, snap.clone());
                if let Some(diags) = diags {
                    let start = std::time::Instant::now();
                    let n = diags.len();
                    client
                        .publish_diagnostics(uri.clone(), diags, Some(snap.version))
                        .await;
                    if timings() {
                        eprintln!(
                            "copydesk: version {}: {n} diagnostics handed over in {:.2} ms, {:.2} ms after the change arrived",
                            snap.version,
                            start.elapsed().as_secs_f64() * 1e3,
                            changed_at.elapsed().as_secs_f64() * 1e3
                        );
                    }
                }
                // A long draft's old analysis takes a while to free: not on the
                // thread that writes the diagnostics out.
                if let Some(old) = old {
                    tokio::task::spawn_blocking(move || drop(old));
                }
            }
            if settle(&shared, &uri, job_generation) {
                return;
            }
        } else if generation(&shared, &uri).is_none() {
            return;
        }
        // A newer edit came in meanwhile: go round again on the newest text.
    }
}

fn store(shared: &Shared, uri: &Uri, snap: Arc<Snapshot>) -> Option<Arc<Snapshot>> {
    let mut docs = shared.docs();
    let d = docs.get_mut(uri)?;
    if d.generation != snap.generation {
        return None;
    }
    d.snapshot.replace(snap)
}

/// Ends the task if no newer generation is waiting (returns true when it ended).
fn settle(shared: &Shared, uri: &Uri, g: u64) -> bool {
    let mut docs = shared.docs();
    let Some(d) = docs.get_mut(uri) else {
        return true;
    };
    if g != d.generation {
        return false;
    }
    d.running = false;
    d.settled.send_replace(g);
    true
}

/// Ends the task for a document that is not checked, dropping its analysis;
/// returns whether there was one (whose diagnostics must then be cleared).
fn skip(shared: &Shared, uri: &Uri) -> bool {
    let mut docs = shared.docs();
    let Some(d) = docs.get_mut(uri) else {
        return false;
    };
    d.running = false;
    let g = d.generation;
    d.settled.send_replace(g);
    d.snapshot.take().is_some()
}

/// The analysis of the document's current text, waiting for it if one is due
/// (at most `patience`); else the latest there is.
pub async fn fresh(shared: &Shared, uri: &Uri, patience: Duration) -> Option<Arc<Snapshot>> {
    let deadline = tokio::time::Instant::now() + patience;
    loop {
        let mut rx = {
            let docs = shared.docs();
            let d = docs.get(uri)?;
            let rx = d.settled.subscribe();
            if *rx.borrow() >= d.generation {
                return d.snapshot.clone();
            }
            rx
        };
        if tokio::time::timeout_at(deadline, rx.changed())
            .await
            .is_err()
        {
            return shared.docs().get(uri).and_then(|d| d.snapshot.clone());
        }
    }
}
