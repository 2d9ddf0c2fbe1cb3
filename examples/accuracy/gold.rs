//! The gold standard drawn from an annotated article: its double-quoted
//! quotations, who the annotators credit each one to, and when a speaker named by
//! copydesk counts as that person.
//!
//! Quotation marks are found here with a deliberately plain reading, independent
//! of copydesk's: within a paragraph (a line), `“` opens and `”` closes (German
//! `„` and `“`, `»` and `«`; Swiss and French `«` and `»`); a
//! straight `"` or a doubled apostrophe `''` opens when nothing is open and closes
//! what it opened. A mark left open runs to the end of its paragraph (the
//! newsroom's multi-paragraph form, or a stray mark). Single quotes are left out:
//! they are mostly quotes within quotes and headline quotations.

use std::ops::Range;

use crate::polnear::{Article, Relation};

#[derive(Debug, Clone)]
pub struct GoldQuote {
    /// Opening mark to closing mark (or paragraph end).
    pub span: Range<usize>,
    /// Between the marks.
    pub inner: Range<usize>,
    /// The relation whose content covers at least half the inner text, if one
    /// does and it names a source.
    pub relation: Option<usize>,
}

pub fn quotations(article: &Article) -> Vec<GoldQuote> {
    let mut quotes = Vec::new();
    let text = &article.text;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        scan_line(line, line_start, &mut quotes);
        line_start += line.len();
    }
    for q in &mut quotes {
        q.relation = best_relation(&q.inner, &article.relations);
    }
    quotes
}

fn scan_line(line: &str, base: usize, out: &mut Vec<GoldQuote>) {
    let body = line.trim_end_matches(['\n', '\r']);
    // (where the open mark starts, its inner start, which mark opened)
    let mut open: Option<(usize, usize, &str)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        let mark = ["“", "”", "''", "\"", "„", "»", "«"]
            .into_iter()
            .find(|m| rest.starts_with(m));
        let Some(mark) = mark else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        match (open, mark) {
            (None, "“" | "\"" | "''" | "„" | "»" | "«") => {
                open = Some((i, i + mark.len(), mark))
            }
            (Some((start, inner, "“")), "”")
            | (Some((start, inner, "\"")), "\"")
            | (Some((start, inner, "„")), "“")
            | (Some((start, inner, "»")), "«")
            | (Some((start, inner, "«")), "»") => {
                push(out, base, start, inner, i, i + mark.len());
                open = None;
            }
            (Some((start, inner, "''")), "''") => {
                push(out, base, start, inner, i, i + mark.len());
                open = None;
            }
            _ => {}
        }
        i += mark.len();
    }
    if let Some((start, inner, _)) = open {
        push(out, base, start, inner, body.len(), body.len());
    }
}

fn push(
    out: &mut Vec<GoldQuote>,
    base: usize,
    start: usize,
    inner: usize,
    close: usize,
    end: usize,
) {
    if close > inner {
        out.push(GoldQuote {
            span: base + start..base + end,
            inner: base + inner..base + close,
            relation: None,
        });
    }
}

/// The relation with a source whose content covers the most of `inner`, if that
/// is at least half of it.
fn best_relation(inner: &Range<usize>, relations: &[Relation]) -> Option<usize> {
    let need = inner.len().div_ceil(2);
    relations
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.source.is_empty())
        .map(|(i, r)| {
            (
                i,
                r.content.iter().map(|c| overlap(c, inner)).sum::<usize>(),
            )
        })
        .filter(|&(_, covered)| covered >= need && covered > 0)
        .max_by_key(|&(i, covered)| (covered, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

pub fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Two spans match when they overlap by at least half of the shorter.
pub fn spans_match(a: &Range<usize>, b: &Range<usize>) -> bool {
    let shorter = a.len().min(b.len());
    shorter > 0 && overlap(a, b) * 2 >= shorter
}

/// Words that never decide whether two names are one person's: function words,
/// pronouns, honorifics and the commonest cue verbs.
const NOT_CONTENT: &[&str] = &[
    "a", "an", "the", "of", "for", "and", "or", "to", "in", "on", "at", "by", "with", "from", "as",
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "we", "us", "our",
    "i", "me", "my", "it", "its", "you", "your", "who", "whom", "that", "this", "these", "those",
    "one", "s", "mr", "mrs", "ms", "miss", "dr", "jr", "sr", "said", "says", "say",
    // German, for the German Wikinews corpus.
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "und", "oder", "von", "vom", "zu", "zum", "zur", "im", "am", "an", "auf", "mit", "aus", "bei",
    "für", "er", "sie", "ihm", "ihn", "ihr", "ihre", "ihren", "sein", "seine", "seinen", "wir",
    "ich", "es", "herr", "frau", "sagte", "sagt", "laut",
];

/// Personal and relative pronouns: a Source that is only one of these ("he",
/// "who") is compared with the named Source before it.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "they",
    "them",
    "their",
    "we",
    "us",
    "our",
    "i",
    "me",
    "my",
    "it",
    "its",
    "you",
    "your",
    "himself",
    "herself",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    // German.
    "er",
    "sie",
    "ihm",
    "ihn",
    "ihr",
    "wir",
    "ich",
    "es",
    "der",
    "die",
    "dieser",
    "diese",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

pub fn content_words(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| !NOT_CONTENT.contains(&w.as_str()))
        .collect()
}

/// A source that is only a pronoun ("He", "she", "They", "who").
fn is_pronoun(text: &str) -> bool {
    let all: Vec<String> = words(text).collect();
    !all.is_empty() && all.iter().all(|w| PRONOUNS.contains(&w.as_str()))
}

/// A source that names someone: a capitalised word that is not a function word.
fn is_named(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !NOT_CONTENT.contains(&w.to_lowercase().as_str())
    })
}

fn joined(text: &str, pieces: &[Range<usize>]) -> String {
    pieces
        .iter()
        .filter_map(|r| text.get(r.clone()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gold source of a relation as words to compare: its own, or for a pronoun,
/// those of the nearest named source before it.
pub fn gold_source(article: &Article, relation: usize) -> String {
    let own = joined(&article.text, &article.relations[relation].source);
    if !is_pronoun(&own) {
        return own;
    }
    let at = article.relations[relation].source[0].start;
    article
        .relations
        .iter()
        .filter(|r| r.source.first().is_some_and(|s| s.start < at))
        .map(|r| (r.source[0].start, joined(&article.text, &r.source)))
        .filter(|(_, s)| is_named(s))
        .max_by_key(|(start, _)| *start)
        .map(|(_, s)| s)
        .unwrap_or(own)
}

/// A speaker is right when it shares a content word with the gold source.
pub fn speaker_matches(speaker: &str, gold: &str) -> bool {
    let gold = content_words(gold);
    content_words(speaker).iter().any(|w| gold.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, relations: Vec<Relation>) -> Article {
        Article {
            id: "t".into(),
            text: text.into(),
            relations,
        }
    }

    fn range_of(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).unwrap();
        start..start + part.len()
    }

    #[test]
    fn curly_straight_and_doubled_apostrophe_marks_are_quotations() {
        let text = "“One,” she said.\nHe said \"two\" and ''three.''\nA “stray mark\n";
        let inner: Vec<&str> = quotations(&article(text, vec![]))
            .iter()
            .map(|q| &text[q.inner.clone()])
            .collect();
        assert_eq!(inner, ["One,", "two", "three.", "stray mark"]);
    }

    #[test]
    fn a_quotation_takes_the_relation_covering_half_of_it() {
        let text = "“We will build it,” said Ana Ruiz. The “bridge” was old.";
        let relation = Relation {
            source: vec![range_of(text, "Ana Ruiz")],
            cue: vec![range_of(text, "said")],
            content: vec![range_of(text, "We will build it")],
        };
        let quotes = quotations(&article(text, vec![relation]));
        assert_eq!(quotes[0].relation, Some(0));
        assert_eq!(quotes[1].relation, None, "a scare quote has no relation");
    }

    #[test]
    fn a_pronoun_source_is_compared_with_the_named_source_before_it() {
        let text = "Sen. Ana Ruiz said no. “Never,” she said.";
        let named = Relation {
            source: vec![range_of(text, "Sen. Ana Ruiz")],
            cue: vec![],
            content: vec![range_of(text, "no")],
        };
        let pronoun = Relation {
            source: vec![range_of(text, "she")],
            cue: vec![],
            content: vec![range_of(text, "Never")],
        };
        let a = article(text, vec![named, pronoun]);
        let gold = gold_source(&a, 1);
        assert!(speaker_matches("Ana Ruiz", &gold));
        assert!(!speaker_matches("Bo Lund", &gold));
        assert!(!speaker_matches("the senator's office", "she"));
    }
}
