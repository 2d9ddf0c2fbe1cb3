//! Findings as LSP diagnostics: source `copydesk`, the rule id as code, a link to
//! the rule's section of the README, and related locations in the draft or in
//! the sources it cites.

use std::sync::OnceLock;

use tower_lsp_server::lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};

use super::positions::{Encoding, position_in_file, to_range};
use super::snapshot::{Outcome, Snapshot};
use crate::analysis::rules;
use crate::analysis::{Finding, Severity, SourcePlace};
use tower_lsp_server::UriExt;

pub const SOURCE: &str = "copydesk";

/// Where the rules are documented: the README's table, one anchor per rule id
/// (the repository's README when the package names one). Parsed once.
fn rule_docs(rule: &str) -> Option<Uri> {
    static LINKS: OnceLock<Vec<(&'static str, Uri)>> = OnceLock::new();
    let links = LINKS.get_or_init(|| {
        let base = option_env!("CARGO_PKG_REPOSITORY")
            .filter(|s| !s.is_empty())
            .map(|r| format!("{}#", r.trim_end_matches('/')))
            .unwrap_or_else(|| format!("https://crates.io/crates/{}#", env!("CARGO_PKG_NAME")));
        rules::ALL
            .iter()
            .filter_map(|r| Some((r.code, format!("{base}{}", r.code).parse().ok()?)))
            .collect()
    });
    links
        .iter()
        .find(|(id, _)| *id == rule)
        .map(|(_, uri)| uri.clone())
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(snap: &Snapshot, uri: &Uri, f: &Finding, enc: Encoding) -> Diagnostic {
    let related = f
        .related
        .iter()
        .filter_map(|r| {
            let location = match &r.place {
                Some(place) => source_location(snap, place, enc)?,
                None => Location::new(uri.clone(), to_range(&snap.rope, &r.span, enc)),
            };
            Some(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            })
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: to_range(&snap.rope, &f.span, enc),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: rule_docs(f.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Where a place in a source file is, for the client to open.
fn source_location(snap: &Snapshot, place: &SourcePlace, enc: Encoding) -> Option<Location> {
    let source = snap
        .material
        .sources
        .iter()
        .find(|s| s.name == place.file)?;
    let uri = Uri::from_file_path(std::path::Path::new(&source.path))?;
    let range = Range::new(
        position_in_file(&source.text, place.line - 1, place.span.start, enc),
        position_in_file(&source.text, place.end_line - 1, place.span.end, enc),
    );
    Some(Location::new(uri, range))
}

/// Every diagnostic of a snapshot, in text order.
pub fn diagnostics(snap: &Snapshot, uri: &Uri, enc: Encoding) -> Vec<Diagnostic> {
    match &snap.outcome {
        Outcome::TooLarge { bytes, limit } => vec![Diagnostic {
            range: Range::new(Position::new(0, 0), Position::new(0, 0)),
            severity: Some(DiagnosticSeverity::INFORMATION),
            code: Some(NumberOrString::String("too-large".into())),
            source: Some(SOURCE.to_string()),
            message: format!(
                "copydesk analysis is off for this document: it is {} bytes, over the limit of {limit} (setting copydesk.maxDocumentBytes).",
                bytes
            ),
            ..Diagnostic::default()
        }],
        Outcome::Analysed(_) => snap
            .visible_findings()
            .map(|f| diagnostic(snap, uri, f, enc))
            .collect(),
    }
}
