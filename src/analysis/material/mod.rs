//! The source material a draft's quotations come from: interview transcripts
//! (WebVTT, SubRip, typed notes with speaker labels), press releases, filings.
//!
//! A [`Source`] is read once (its speech, turns and a word index) and shared by
//! every analysis that cites it; [`Material`] is the sources one draft declares.
//! Reading files is the adapters' work: here a source is a name and its text.

mod formats;
mod matching;
mod words;

use std::sync::Arc;

use rustc_hash::FxHashMap;

pub use formats::{SourceFormat, Turn};
pub use matching::{WordDiff, find, word_diff};
pub use words::{Word, fold, words_in};

use super::model::{Analysis, Quote, QuoteKind, SourcePlace, Speaker};
use crate::text::LineIndex;

/// One source, read and indexed.
#[derive(Debug)]
pub struct Source {
    /// The source as output shows it.
    pub name: String,
    /// Where it was read from, for an editor to open it; the name when it was
    /// not read from a file.
    pub path: String,
    pub text: String,
    pub turns: Vec<Turn>,
    /// The text with all but speech blanked (cue timings, tags, labels).
    speech: String,
    /// The words of its speech, in order.
    words: Vec<Word>,
    /// The turn each word belongs to.
    turn_of: Vec<u32>,
    /// Where each folded word occurs.
    index: FxHashMap<String, Vec<u32>>,
    lines: LineIndex,
}

impl Source {
    /// Reads a source; its format is told by its name (`.vtt`, `.srt`, else text).
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Source {
        let name = name.into();
        let text = text.into();
        let (speech, turns) = formats::read(&text, SourceFormat::from_name(&name));
        let mut words = Vec::new();
        let mut turn_of = Vec::new();
        for (t, turn) in turns.iter().enumerate() {
            for w in words_in(&speech, turn.span.clone()) {
                words.push(w);
                turn_of.push(t as u32);
            }
        }
        let mut index: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, w) in words.iter().enumerate() {
            index.entry(w.folded.clone()).or_default().push(i as u32);
        }
        let lines = LineIndex::new(&text);
        Source {
            path: name.clone(),
            name,
            text,
            speech,
            turns,
            words,
            turn_of,
            index,
            lines,
        }
    }

    /// How many words of speech it holds.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Where its words `first..=last` stand, for a reader to look them up.
    fn place(&self, first: usize, last: usize) -> SourcePlace {
        let span = self.words[first].span.start..self.words[last].span.end;
        let (line, column) = self.lines.line_col(&self.text, span.start);
        let (end_line, end_column) = self.lines.line_col(&self.text, span.end);
        let turn = &self.turns[self.turn_of[first] as usize];
        SourcePlace {
            file: self.name.clone(),
            span,
            line,
            column,
            end_line,
            end_column,
            timestamp: turn.timestamp.clone(),
        }
    }

    /// The words `first..=last` as the source reads, with the punctuation
    /// between them, the line breaks and the transcript's timings and tags left out.
    fn passage(&self, first: usize, last: usize) -> String {
        let mut out = String::new();
        for i in first..=last {
            if i > first {
                let between = &self.speech[self.words[i - 1].span.end..self.words[i].span.start];
                if between.starts_with(char::is_whitespace) {
                    out.push(' ');
                }
                out.push_str(&between.split_whitespace().collect::<Vec<_>>().join(" "));
                if between.ends_with(char::is_whitespace) && !between.trim().is_empty() {
                    out.push(' ');
                }
            }
            out.push_str(&self.text[self.words[i].span.clone()]);
        }
        out
    }

    /// Who the source gives the words `first..=last` to: the speaker of most of them.
    fn speaker(&self, first: usize, last: usize) -> Option<String> {
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for &t in &self.turn_of[first..=last] {
            match counts.iter_mut().find(|(turn, _)| *turn == t) {
                Some(c) => c.1 += 1,
                None => counts.push((t, 1)),
            }
        }
        let (turn, _) = counts
            .iter()
            .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))?;
        self.turns[*turn as usize].speaker.clone()
    }
}

/// A declared source that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub file: String,
    pub why: String,
}

/// The sources one draft declares.
#[derive(Debug, Clone, Default)]
pub struct Material {
    pub sources: Vec<Arc<Source>>,
    pub unreadable: Vec<Unreadable>,
}

impl Material {
    /// Whether the draft declares any source, readable or not.
    pub fn is_declared(&self) -> bool {
        !self.sources.is_empty() || !self.unreadable.is_empty()
    }

    /// The readable sources, for a message: "a.vtt, b.txt", or "4 files"
    /// when there are more than two.
    pub fn names(&self) -> String {
        match self.sources.len() {
            0..=2 => self
                .sources
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            n => format!("{n} files"),
        }
    }
}

/// Looks up every quotation of speech (not terms) in the material.
pub fn look_up(analysis: &mut Analysis, text: &str, material: &Material) {
    if material.sources.is_empty() {
        return;
    }
    for i in 0..analysis.quotes.len() {
        let q = &analysis.quotes[i];
        if q.kind == QuoteKind::Term {
            continue;
        }
        let Some(inner) = text.get(q.inner.clone()) else {
            continue;
        };
        let is_speaker = |label: &str| speaker_is(analysis, q, label) == Some(true);
        let found = find(inner, material, &is_speaker).map(Box::new);
        analysis.quotes[i].found = found;
    }
}

/// Whether a source's speaker label names the draft's speaker of `q`: `None`
/// when either is unknown, or the label is an answer's (`A`).
pub fn speaker_is(analysis: &Analysis, q: &Quote, label: &str) -> Option<bool> {
    let names: Vec<String> = match q.speaker.as_ref()? {
        Speaker::Person(p) => {
            let person = analysis.people.get(*p)?;
            std::iter::once(person.name.as_str())
                .chain(person.spellings.iter().map(|(s, _)| s.as_str()))
                .flat_map(|n| words_in(n, 0..n.len()))
                .map(|w| w.folded)
                .collect()
        }
        Speaker::Description(_) => return None,
    };
    let label_words: Vec<String> = words_in(label, 0..label.len())
        .into_iter()
        .map(|w| w.folded)
        .collect();
    if label_words == ["a"] {
        return None;
    }
    Some(label_words.iter().any(|w| w.len() > 1 && names.contains(w)))
}

#[cfg(test)]
mod tests;
