//! Output formats: human (with a caret under the finding), JSON and SARIF 2.1.0,
//! each draft's part on its own (`report.rs` puts a run's together), and the
//! quote sheet. The JSON shapes are documented in the README and kept stable.

use std::io::{self, IsTerminal, Write};

use serde_json::{Value, json};

use crate::analysis::rules::{self, Severity};
use crate::analysis::{Analysis, Finding, Language, Related, Speaker};
use crate::text::LineIndex;

/// A checked draft, borrowed for as long as it takes to render its part of the output.
pub struct CheckedFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub findings: &'a [Finding],
    /// The language the draft was read in.
    pub language: Language,
}

/// Colour only for a person at a terminal, and never when NO_COLOR is set.
pub fn use_colour() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn colour_of(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Information => "\x1b[1;36m",
        Severity::Hint => "\x1b[1;32m",
    }
}

pub fn human_file(
    out: &mut impl Write,
    file: &CheckedFile,
    colour: bool,
) -> io::Result<[usize; 4]> {
    let (bold, reset) = if colour {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut counts = [0usize; 4];
    let idx = LineIndex::new(file.text);
    for f in file.findings {
        counts[f.severity as usize] += 1;
        let (line, col) = idx.line_col(file.text, f.span.start);
        let sev = f.severity.as_str();
        let c = if colour { colour_of(f.severity) } else { "" };
        writeln!(
            out,
            "{bold}{}:{line}:{col}:{reset} {c}{sev}[{}]{reset}: {}",
            file.name, f.rule, f.message
        )?;
        let text_line = idx.line_text(file.text, line - 1);
        let (end_line, end_col) = idx.line_col(file.text, f.span.end);
        let width = if end_line == line {
            end_col.saturating_sub(col).max(1)
        } else {
            text_line.chars().count().saturating_sub(col - 1).max(1)
        };
        let pad: String = text_line
            .chars()
            .take(col - 1)
            .map(|ch| if ch == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(out, "    {text_line}")?;
        writeln!(out, "    {pad}{c}{}{reset}", "^".repeat(width))?;
        for r in &f.related {
            match &r.place {
                Some(p) => writeln!(
                    out,
                    "    note: {}:{}:{}: {}",
                    p.file, p.line, p.column, r.message
                )?,
                None => {
                    let (rl, rc) = idx.line_col(file.text, r.span.start);
                    writeln!(out, "    note: {}:{rl}:{rc}: {}", file.name, r.message)?;
                }
            }
        }
    }
    Ok(counts)
}

/// "1 file", "2 files".
pub fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The closing line: drafts checked, those that could not be (`unread`: paths or
/// configs that could not be read), and the findings by severity.
pub fn human_tally(
    out: &mut impl Write,
    files: usize,
    unread: usize,
    counts: &[usize; 4],
) -> io::Result<()> {
    let unread = match unread {
        0 => String::new(),
        n => format!(", {n} could not be read"),
    };
    writeln!(
        out,
        "{}{unread}: {}, {}, {}",
        counted(files, "file") + " checked",
        counted(counts[Severity::Error as usize], "error"),
        counted(counts[Severity::Warning as usize], "warning"),
        counted(
            counts[Severity::Information as usize] + counts[Severity::Hint as usize],
            "note"
        ),
    )
}

fn finding_json(f: &Finding, text: &str, idx: &LineIndex) -> Value {
    let (line, column) = idx.line_col(text, f.span.start);
    let (end_line, end_column) = idx.line_col(text, f.span.end);
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "start": f.span.start,
        "end": f.span.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "related": f.related.iter().map(related_json).collect::<Vec<_>>(),
        "fixes": f.fixes.iter().map(|x| json!({
            "title": x.title,
            "preferred": x.preferred,
            "edits": x.edits.iter().map(|e| json!({"start": e.span.start, "end": e.span.end, "new_text": e.new_text})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// A related location: in the draft (byte offsets), or in a source file (its
/// path, offsets in it, line and column, and a transcript's time).
fn related_json(r: &Related) -> Value {
    let mut v = json!({"message": r.message, "start": r.span.start, "end": r.span.end});
    if let Some(p) = &r.place {
        v["file"] = json!(p.file);
        v["line"] = json!(p.line);
        v["column"] = json!(p.column);
        v["end_line"] = json!(p.end_line);
        v["end_column"] = json!(p.end_column);
        v["timestamp"] = json!(p.timestamp);
    }
    v
}

pub fn json_file(file: &CheckedFile) -> Value {
    let idx = LineIndex::new(file.text);
    json!({
        "path": file.name,
        "language": file.language.code(),
        "findings": file.findings.iter().map(|f| finding_json(f, file.text, &idx)).collect::<Vec<_>>(),
    })
}

/// The JSON document around its `files`.
pub fn json_document(files: Value, errors: &[String]) -> Value {
    json!({
        "version": 1,
        "files": files,
        "errors": errors.iter().map(|e| json!({"message": e})).collect::<Vec<_>>(),
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

pub fn sarif_results(file: &CheckedFile) -> Vec<Value> {
    let idx = LineIndex::new(file.text);
    let uri = if file.name == "<stdin>" {
        "stdin".to_string()
    } else {
        file.name.trim_start_matches("./").replace('\\', "/")
    };
    file.findings
        .iter()
        .map(|f| {
            let (line, column) = idx.line_col(file.text, f.span.start);
            let (end_line, end_column) = idx.line_col(file.text, f.span.end);
            let region = |span: &std::ops::Range<usize>| {
                let (line, column) = idx.line_col(file.text, span.start);
                let (end_line, end_column) = idx.line_col(file.text, span.end);
                json!({"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column})
            };
            let fixes: Vec<Value> = f
                .fixes
                .iter()
                .map(|x| {
                    json!({
                        "description": {"text": x.title},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": x.edits.iter().map(|e| json!({
                                "deletedRegion": region(&e.span),
                                "insertedContent": {"text": e.new_text},
                            })).collect::<Vec<_>>(),
                        }],
                    })
                })
                .collect();
            json!({
                "ruleId": f.rule,
                "ruleIndex": rules::ALL.iter().position(|r| r.code == f.rule).unwrap_or(0),
                "level": sarif_level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        }
                    }
                }],
                "relatedLocations": f.related.iter().enumerate().map(|(i, r)| {
                    let (artifact, region) = match &r.place {
                        Some(p) => (
                            p.file.trim_start_matches("./").replace('\\', "/"),
                            json!({"startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column}),
                        ),
                        None => (uri.clone(), region(&r.span)),
                    };
                    json!({
                        "id": i,
                        "message": {"text": r.message},
                        "physicalLocation": {"artifactLocation": {"uri": artifact}, "region": region},
                    })
                }).collect::<Vec<_>>(),
                "partialFingerprints": {"primaryLocationLineHash": format!("{}:{}:{}", f.rule, line, column)},
                "fixes": fixes,
            })
        })
        .collect()
}

/// SARIF 2.1.0 as GitHub code scanning takes it: one run, rules in the driver,
/// columns counted in Unicode code points.
pub fn sarif_document(results: Value) -> Value {
    let rules: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.code,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": r.explanation(), "markdown": r.explanation()},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/copydesk",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn speaker_json(a: &Analysis, s: &Option<Speaker>) -> Value {
    match s {
        Some(Speaker::Person(p)) => json!(a.people[*p].name),
        Some(Speaker::Description(d)) => json!(d.text),
        None => Value::Null,
    }
}

pub fn speakers_json(out: &mut impl Write, text: &str, a: &Analysis) -> io::Result<()> {
    let idx = LineIndex::new(text);
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": q.span.start,
                "end": q.span.end,
                "line": idx.line_col(text, q.span.start).0,
                "text": &text[q.span.clone()],
                "kind": q.kind.as_str(),
                "speaker": speaker_json(a, &q.speaker),
                "cue": q.cue.as_ref().map(|c| c.text(text)),
                "attributed": q.attributed(),
                "nested_in": q.nested_in,
                "continues": q.continues,
                "source": q.found.as_ref().map(|f| json!({
                    "file": f.place.file,
                    "line": f.place.line,
                    "column": f.place.column,
                    "timestamp": f.place.timestamp,
                    "exact": f.exact,
                    "shared_words": f.shared,
                    "words": f.words,
                    "speaker": f.speaker,
                    "passage": f.passage,
                })),
            })
        })
        .collect();
    let people: Vec<Value> = a
        .people
        .iter()
        .map(|p| {
            let spellings: serde_json::Map<String, Value> = p
                .spellings
                .iter()
                .map(|(s, n)| (s.clone(), json!(n)))
                .collect();
            json!({
                "name": p.name,
                "titles": p.titles,
                "spellings": spellings,
                "mentions": p.mentions.iter().map(|m| json!({"start": m.start, "end": m.end})).collect::<Vec<_>>(),
                "quotes": p.quotes,
            })
        })
        .collect();
    let doc = json!({
        "language": a.language.code(),
        "language_origin": a.language_origin,
        "quotes": quotes,
        "people": people,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn snippet(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Where the quote sheet says a quotation's words are: the place, how close,
/// or nowhere.
fn source_column(q: &crate::analysis::Quote) -> String {
    match &q.found {
        Some(f) if f.exact => f.place.label(),
        Some(f) => format!(
            "{} (close: {} of {} words)",
            f.place.label(),
            f.shared,
            f.words
        ),
        None => "NOT IN THE SOURCES".into(),
    }
}

/// The quote sheet; with `checked` (the draft has sources), each quotation's
/// place in them.
pub fn speakers_human(
    out: &mut impl Write,
    text: &str,
    a: &Analysis,
    checked: bool,
) -> io::Result<()> {
    let idx = LineIndex::new(text);
    writeln!(
        out,
        "Language: {} ({})\n",
        a.language.name(),
        a.language_origin.describe()
    )?;
    writeln!(out, "Quotations")?;
    for (i, q) in a.quotes.iter().enumerate() {
        let line = idx.line_col(text, q.span.start).0;
        let who = match a.speaker_name(q) {
            Some(name) => match &q.cue {
                Some(c) => format!("{name} ({})", snippet(&c.text(text), 50)),
                None => format!("{name} (continuing)"),
            },
            None if q.kind == crate::analysis::QuoteKind::Term => "—".to_string(),
            None => "UNATTRIBUTED".to_string(),
        };
        let nested = q
            .nested_in
            .map(|p| format!(" in #{}", p + 1))
            .unwrap_or_default();
        writeln!(
            out,
            "  #{:<3} line {:<4} {:<8} {}{nested}\n        {}",
            i + 1,
            line,
            q.kind.as_str(),
            snippet(&text[q.span.clone()], 70),
            who
        )?;
        if checked && q.kind != crate::analysis::QuoteKind::Term {
            writeln!(out, "        source: {}", source_column(q))?;
        }
    }
    writeln!(out, "\nPeople")?;
    for p in &a.people {
        let titles = if p.titles.is_empty() {
            String::new()
        } else {
            format!(" — {}", p.titles.join("; "))
        };
        writeln!(out, "  {}{titles}", p.name)?;
        let lines: Vec<String> = p
            .mentions
            .iter()
            .map(|m| idx.line_col(text, m.start).0.to_string())
            .collect();
        writeln!(
            out,
            "        mentions: {} (lines {})",
            p.mentions.len(),
            lines.join(", ")
        )?;
        let spellings: Vec<String> = p
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ×{n}"))
            .collect();
        writeln!(out, "        spellings: {}", spellings.join(", "))?;
        if !p.quotes.is_empty() {
            let list: Vec<String> = p.quotes.iter().map(|q| format!("#{}", q + 1)).collect();
            writeln!(out, "        quotations: {}", list.join(", "))?;
        }
    }
    let mut descriptions: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        if let Some(Speaker::Description(d)) = &q.speaker {
            let d = d.text.as_str();
            match descriptions.iter_mut().find(|(n, _)| *n == d) {
                Some((_, v)) => v.push(i),
                None => descriptions.push((d, vec![i])),
            }
        }
    }
    if !descriptions.is_empty() {
        writeln!(out, "\nOther sources")?;
    }
    for (d, qs) in descriptions {
        let list: Vec<String> = qs.iter().map(|q| format!("#{}", q + 1)).collect();
        writeln!(out, "  {d}: {}", list.join(", "))?;
    }
    Ok(())
}
