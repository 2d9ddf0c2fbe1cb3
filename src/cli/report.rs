//! `check`'s output for a whole run, put together in input order from each draft's
//! part, which is rendered on the thread that checked the draft so the draft's text
//! and analysis can go as soon as it is done.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::check::CheckFormat;
use super::output::{self, CheckedFile};
use super::splice::Splice;

/// One draft's part of the output.
pub enum Rendered {
    /// The draft's lines, and its findings counted by severity for the closing tally.
    Human(Vec<u8>, [usize; 4]),
    /// The draft's elements of the document's array (its entry in JSON `files`, its
    /// findings in SARIF `results`), joined, and how many there are.
    Elements(Vec<u8>, usize),
}

/// Renders drafts; shared by the threads that check them.
pub struct Renderer {
    format: CheckFormat,
    colour: bool,
    /// Where the elements go, for their indentation (the same whatever the errors).
    array: Option<Splice>,
}

impl Renderer {
    pub fn new(format: CheckFormat, colour: bool) -> Renderer {
        Renderer {
            format,
            colour,
            array: document(format, &[]),
        }
    }

    pub fn render(&self, file: &CheckedFile) -> Rendered {
        let elements = match (self.format, &self.array) {
            (CheckFormat::Json, Some(array)) => vec![array.element(&output::json_file(file))],
            (CheckFormat::Sarif, Some(array)) => output::sarif_results(file)
                .iter()
                .map(|result| array.element(result))
                .collect(),
            _ => {
                let mut lines = Vec::new();
                let counts =
                    output::human_file(&mut lines, file, self.colour).expect("writing to memory");
                return Rendered::Human(lines, counts);
            }
        };
        let count = elements.len();
        let separator = self
            .array
            .as_ref()
            .map(Splice::separator)
            .unwrap_or_default();
        Rendered::Elements(elements.join(separator.as_slice()), count)
    }
}

/// The JSON or SARIF document around its array; None for human output.
fn document(format: CheckFormat, errors: &[String]) -> Option<Splice> {
    match format {
        CheckFormat::Human => None,
        CheckFormat::Json => Some(Splice::new(|files| output::json_document(files, errors))),
        CheckFormat::Sarif => Some(
            Splice::new(|results| sarif_document(results, errors))
                .rename_after(INVOCATIONS_AFTER_RESULTS, "invocations"),
        ),
    }
}

/// SARIF's `invocations` belong to the run beside its `results`, which are written
/// as the drafts come, before the run's errors are known. serde_json writes an
/// object's members in sorted order, and the order of members means nothing in
/// JSON, so they go in under a name that sorts after `results` and are renamed in
/// the text.
const INVOCATIONS_AFTER_RESULTS: &str = "~invocations";

/// The SARIF log with its one invocation: whether every draft was read and checked,
/// and, as `toolExecutionNotifications`, the errors of those that were not, in the
/// order of the input (GitHub code scanning shows them on the tool's status page).
fn sarif_document(results: Value, errors: &[String]) -> Value {
    let mut log = output::sarif_document(results);
    log["runs"][0][INVOCATIONS_AFTER_RESULTS] = json!([{
        "executionSuccessful": errors.is_empty(),
        "toolExecutionNotifications": errors
            .iter()
            .map(|e| json!({"level": "error", "message": {"text": e}}))
            .collect::<Vec<_>>(),
    }]);
    log
}

/// A run's output, taking the drafts in order: human output and SARIF are written
/// as the drafts come; JSON, whose `errors` come before its `files`, holds its
/// rendered elements until the run's errors are known.
pub struct Report<W: Write> {
    out: W,
    format: CheckFormat,
    files: usize,
    counts: [usize; 4],
    /// The document as it is known before the run ends (JSON's without its errors).
    array: Option<Splice>,
    /// Elements of the document's array so far.
    elements: usize,
    held: Vec<u8>,
}

impl<W: Write> Report<W> {
    pub fn new(out: W, format: CheckFormat) -> Report<W> {
        Report {
            out,
            format,
            files: 0,
            counts: [0; 4],
            array: document(format, &[]),
            elements: 0,
            held: Vec::new(),
        }
    }

    pub fn add(&mut self, draft: Rendered) -> io::Result<()> {
        self.files += 1;
        match (draft, &self.array) {
            (Rendered::Human(lines, counts), _) => {
                for (total, n) in self.counts.iter_mut().zip(counts) {
                    *total += n;
                }
                self.out.write_all(&lines)
            }
            (Rendered::Elements(bytes, count), Some(array)) if count > 0 => {
                let streamed = self.format == CheckFormat::Sarif;
                let sink: &mut dyn Write = if streamed {
                    &mut self.out
                } else {
                    &mut self.held
                };
                if self.elements > 0 {
                    sink.write_all(&array.separator())?;
                } else if streamed {
                    array.open(sink)?;
                }
                self.elements += count;
                sink.write_all(&bytes)
            }
            (Rendered::Elements(..), _) => Ok(()),
        }
    }

    /// Writes what closes the output: the tally, which counts the errors as drafts
    /// that could not be read, or the rest of the JSON or SARIF document, which
    /// lists them.
    pub fn finish(mut self, errors: &[String]) -> io::Result<()> {
        let opened = self.elements > 0;
        match document(self.format, errors) {
            None => output::human_tally(&mut self.out, self.files, errors.len(), &self.counts)?,
            Some(array) => {
                if opened && self.format == CheckFormat::Json {
                    array.open(&mut self.out)?;
                    self.out.write_all(&self.held)?;
                }
                array.close(&mut self.out, opened)?;
            }
        }
        self.out.flush()
    }
}
