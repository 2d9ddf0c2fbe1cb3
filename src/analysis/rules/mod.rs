//! The rules copydesk reports: one file each, with the rule's code, its default
//! severity, its explanation (the doc comment, which `copydesk explain` prints
//! and the README's rule table summarises) and its check over the analysis,
//! fixes included.
//!
//! Rule codes are stable: they appear in output, in `copydesk.toml`, in ignore
//! comments and as anchors in the README.

mod anonymous_source;
mod first_reference;
mod name_spelling;
mod quote_not_in_source;
mod quote_speaker_mismatch;
mod unattributed_quote;
mod unbalanced_quote;

use serde::Serialize;

use super::marks::LoneMark;
use super::material::Material;
use super::model::{Analysis, Edit, Finding, Fix};
use super::options::Options;
use super::spelling::NameCluster;
use crate::text::{Format, ProseMap};

pub use anonymous_source::RULE as ANONYMOUS_SOURCE;
pub use first_reference::RULE as FIRST_REFERENCE;
pub use name_spelling::RULE as NAME_SPELLING;
pub use quote_not_in_source::RULE as QUOTE_NOT_IN_SOURCE;
pub use quote_speaker_mismatch::RULE as QUOTE_SPEAKER_MISMATCH;
pub use unattributed_quote::RULE as UNATTRIBUTED_QUOTE;
pub use unbalanced_quote::RULE as UNBALANCED_QUOTE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// What a rule reads: the draft, its prose map and the analysis so far.
pub struct Context<'a> {
    pub text: &'a str,
    pub format: Format,
    pub prose: &'a ProseMap<'a>,
    pub analysis: &'a Analysis,
    pub lone_marks: &'a [LoneMark],
    /// Every person named in full, with each mention's expected spelling.
    pub names: &'a [NameCluster],
    /// The draft's line ending, for a fix that adds a line: `\r\n` or `\n`.
    pub line_ending: &'static str,
    /// For each paragraph, whether it is set in title case (a headline).
    pub title_case_blocks: &'a [bool],
    /// The sources the draft declares.
    pub material: &'a Material,
}

impl Context<'_> {
    /// The paragraph holding `at`.
    pub fn block_of(&self, at: usize) -> usize {
        self.prose
            .blocks
            .partition_point(|b| b.start <= at)
            .saturating_sub(1)
    }

    /// Whether the paragraph holding `at` is one short line, as a headline or a
    /// subhead is.
    pub fn in_short_line(&self, at: usize) -> bool {
        self.prose.blocks.get(self.block_of(at)).is_some_and(|b| {
            let line = &self.text[b.clone()];
            !line.contains('\n') && line.split_whitespace().nth(HEADLINE_WORDS).is_none()
        })
    }
}

/// The most words a draft's opening line has when it is its headline.
const HEADLINE_WORDS: usize = 25;

impl Context<'_> {
    /// Whether `at` lies in a headline: a heading, a paragraph set in title
    /// case, or the draft's opening line when it stands alone, short and of
    /// one sentence, as a headline does above a story.
    pub fn in_headline(&self, at: usize) -> bool {
        let blocks = &self.prose.blocks;
        let b = self.block_of(at);
        let opening_line = b == 0 && blocks.len() > 1 && {
            let first = &self.text[blocks[0].clone()];
            let one_sentence = !["? ", "! ", ". ", ".” ", "?” ", "!” ", ".\" "]
                .iter()
                .any(|stop| first.contains(stop));
            !first.contains('\n')
                && one_sentence
                && first.split_whitespace().nth(HEADLINE_WORDS).is_none()
        };
        self.prose.in_heading(at)
            || self.title_case_blocks.get(b).copied().unwrap_or(false)
            || opening_line
    }
}

/// The first `n` words of a quotation, and an ellipsis if more follow.
pub(crate) fn first_words(inner: &str, n: usize) -> String {
    let mut words = inner.split_whitespace();
    let shown: Vec<&str> = words.by_ref().take(n).collect();
    let mut s = shown.join(" ");
    if words.next().is_some() {
        s.push('…');
    }
    s
}

/// A rule: its code, default severity, explanation and check.
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    /// The rule's doc comment: a one-line summary, then its sections.
    pub explanation: &'static str,
    check: fn(&Context, Severity) -> Vec<Finding>,
}

impl Rule {
    /// The explanation's first line.
    pub fn summary(&self) -> &'static str {
        self.explanation.lines().next().unwrap_or("").trim()
    }

    /// The explanation as written, without the doc comment's leading spaces.
    pub fn explanation(&self) -> String {
        self.explanation
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Declares a rule from its doc comment, so the explanation shown by `copydesk
/// explain` is the documentation of the code.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $code:literal, $severity:ident, $check:path) => {
        $(#[doc = $doc])*
        pub static RULE: $crate::analysis::rules::Rule = $crate::analysis::rules::Rule {
            code: $code,
            severity: $crate::analysis::rules::Severity::$severity,
            explanation: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
use declare_rule;

/// Every rule, in the order the README lists them.
pub static ALL: &[&Rule] = &[
    &UNATTRIBUTED_QUOTE,
    &UNBALANCED_QUOTE,
    &ANONYMOUS_SOURCE,
    &NAME_SPELLING,
    &FIRST_REFERENCE,
    &QUOTE_NOT_IN_SOURCE,
    &QUOTE_SPEAKER_MISMATCH,
];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.code == code)
}

/// Every finding of every rule that is on, in text order, less those an ignore
/// comment silences.
pub fn check(context: &Context, options: &Options) -> Vec<Finding> {
    let mut findings: Vec<Finding> = ALL
        .iter()
        .filter_map(|rule| Some((rule, options.severity(rule.code)?)))
        .flat_map(|(rule, severity)| (rule.check)(context, severity))
        .collect();
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    apply_ignores(&mut findings, context.prose);
    findings
}

/// Drops findings silenced by a `<!-- copydesk-ignore … -->` comment on the
/// line before (the paragraph right after the comment).
fn apply_ignores(findings: &mut Vec<Finding>, prose: &ProseMap) {
    for d in &prose.ignores {
        let Some(block) = prose.blocks.iter().find(|b| b.start >= d.after) else {
            continue;
        };
        findings.retain(|f| {
            let inside = f.span.start >= block.start && f.span.start < block.end;
            let silenced = d.rules.is_empty() || d.rules.iter().any(|r| r == f.rule);
            !(inside && silenced)
        });
    }
}

/// The fix that marks a finding as intended: an ignore comment on a line of its
/// own before the paragraph holding `at`, where `copydesk check` looks for it.
/// Markdown only: plain text has no comments.
fn ignore_comment(context: &Context, at: usize, rule: &str, title: &str) -> Option<Fix> {
    if context.format != Format::Markdown {
        return None;
    }
    let text = context.text;
    let block = context
        .prose
        .blocks
        .iter()
        .find(|b| b.start <= at && at < b.end.max(b.start + 1))?;
    let line_start = text[..block.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let indent: String = text[line_start..block.start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    Some(Fix {
        title: title.to_string(),
        edits: vec![Edit {
            span: line_start..line_start,
            new_text: format!(
                "{indent}<!-- copydesk-ignore {rule} -->{}",
                context.line_ending
            ),
        }],
        preferred: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_summary_and_the_sections_of_its_explanation() {
        for rule in ALL {
            assert!(!rule.summary().is_empty(), "{}", rule.code);
            let text = rule.explanation();
            for section in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(text.contains(section), "{} lacks {section}", rule.code);
            }
            assert_eq!(find(rule.code).map(|r| r.code), Some(rule.code));
        }
    }
}
