//! What the analysis finds: quotations, people and findings, in byte offsets of
//! the draft. Every type here is plain data; the pipeline builds it and the
//! command line and the language server render it.

use std::ops::Range;

use serde::Serialize;

use super::lexicon::{Gender, Language};
use super::rules::Severity;

/// Whether a quotation is speech standing on its own (`full`), a fragment
/// worked into the writer's sentence (`partial`), or not speech at all (`term`:
/// a title, a slogan, a scare quote, a word being mentioned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Full,
    Partial,
    Term,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
        }
    }
}

/// A source left as the story describes it: "a spokeswoman for the ministry",
/// "the Kremlin", "officials".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Description {
    /// As a speaker is named: "The company" opening a sentence is "the company".
    pub text: String,
    pub span: Range<usize>,
    /// Nobody the reader could hold to it ("a source familiar with the matter").
    pub anonymous: bool,
    #[serde(skip)]
    pub gender: Gender,
}

/// Who is credited with a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Speaker {
    /// A person: an index into [`Analysis::people`] (while attribution runs, into
    /// the entities the people are built from).
    Person(usize),
    Description(Description),
}

/// Where a quotation's cue stands: the verb or phrase, and where the source is
/// named for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cue {
    pub verb: Range<usize>,
    pub source: Range<usize>,
}

impl Cue {
    /// The cue as a reader would quote it: "He added", "said Edward Alden", or
    /// "Trump … writing" when other words stand between.
    pub fn text(&self, text: &str) -> String {
        let (first, second) = if self.source.start <= self.verb.start {
            (&self.source, &self.verb)
        } else {
            (&self.verb, &self.source)
        };
        let flat = |r: &Range<usize>| {
            text.get(r.clone())
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        if first.end >= second.start {
            return flat(&(first.start.min(second.start)..first.end.max(second.end)));
        }
        let gap = text.get(first.end..second.start).unwrap_or("");
        if gap.split_whitespace().count() <= 3 && !gap.contains(['.', '“', '"', '«']) {
            flat(&(first.start..second.end))
        } else {
            format!("{} … {}", flat(first), flat(second))
        }
    }
}

/// How the source was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    /// A cue in the quotation's own sentence.
    Cue,
    /// The speaker of a quotation before or after it, with nobody else cued
    /// between.
    Continuing,
    /// The speaker of the quotation it is nested in.
    Nested,
    /// The subject of its own sentence, for a fragment worked into the
    /// sentence with no speech verb ("Trump identified the judge as
    /// “Spanish”"). The cue's words are the subject's.
    Subject,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Opening mark to closing mark, both included.
    pub span: Range<usize>,
    /// Between the marks.
    pub inner: Range<usize>,
    pub kind: QuoteKind,
    pub nested_in: Option<usize>,
    /// The first part of a quotation split around its cue ("“…,” he said, “…”").
    pub continues: Option<usize>,
    pub multi_paragraph: bool,
    pub speaker: Option<Speaker>,
    /// The attribution's words ("He added", "according to Putin").
    pub cue: Option<Cue>,
    pub how: Option<How>,
    /// Where its words are in the draft's sources, when it declares any: the
    /// exact passage, else the closest one. Boxed: most drafts declare none,
    /// and a quotation stays small.
    pub found: Option<Box<Found>>,
}

/// A place in a source file: for a reader, its line and (in a transcript) the
/// cue's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourcePlace {
    /// The source as the draft's declaration names it.
    pub file: String,
    /// Byte offsets in the source file.
    pub span: Range<usize>,
    /// 1-based line and column (in characters) of the start and of the end.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub timestamp: Option<String>,
}

impl SourcePlace {
    /// "notes/hale.vtt:12 (00:01:23)".
    pub fn label(&self) -> String {
        match &self.timestamp {
            Some(t) => format!("{}:{} ({t})", self.file, self.line),
            None => format!("{}:{}", self.file, self.line),
        }
    }
}

/// A quotation's words looked up in the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    pub place: SourcePlace,
    /// The source's words for it, as they read there.
    pub passage: String,
    /// The words are there as quoted (allowing for ellipses and brackets).
    pub exact: bool,
    /// How many of the quotation's words the passage has in order, of how many.
    pub shared: usize,
    pub words: usize,
    /// Who the source gives the words to: a voice tag or speaker label.
    pub speaker: Option<String>,
}

impl Quote {
    pub fn attributed(&self) -> bool {
        self.speaker.is_some()
    }

    /// Whether the only source is anonymous.
    pub fn anonymous(&self) -> bool {
        matches!(&self.speaker, Some(Speaker::Description(d)) if d.anonymous)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    /// The full name as the story gives it (or as the house list spells it).
    pub name: String,
    pub titles: Vec<String>,
    /// Every mention, in text order, variants included.
    pub mentions: Vec<Range<usize>>,
    /// Each spelling seen, with how often, in order of first use.
    pub spellings: Vec<(String, usize)>,
    /// Indices of the quotations credited to this person.
    pub quotes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub message: String,
    /// In the draft, or in the source file `place` names.
    pub span: Range<usize>,
    /// Set when the related place is in a source, not in the draft.
    pub place: Option<Box<SourcePlace>>,
}

/// One change to the draft: the text at `span` becomes `new_text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub new_text: String,
}

/// A fix a finding offers: edits applied together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The fix to offer first: it makes the draft right as it stands. A fix
    /// that leaves something to fill in (a placeholder) or that silences the
    /// finding is never preferred.
    pub preferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub people: Vec<Person>,
    pub findings: Vec<Finding>,
    /// The language the draft was read in, and how it was chosen.
    pub language: Language,
    pub language_origin: LanguageOrigin,
}

/// How a draft's language was chosen, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LanguageOrigin {
    /// `lang:` in the draft's front matter.
    FrontMatter,
    /// `language` in `copydesk.toml`.
    Config,
    /// The editor's setting.
    Editor,
    /// Told from the draft's words.
    Detected,
    /// Nothing to tell it by: English.
    #[default]
    Default,
}

impl LanguageOrigin {
    /// As a hover or quote sheet says it: "set in the front matter".
    pub fn describe(self) -> &'static str {
        match self {
            LanguageOrigin::FrontMatter => "set in the front matter",
            LanguageOrigin::Config => "set in copydesk.toml",
            LanguageOrigin::Editor => "set in the editor",
            LanguageOrigin::Detected => "detected",
            LanguageOrigin::Default => "the default",
        }
    }
}

impl Analysis {
    /// The speaker of a quotation as a person would write it.
    pub fn speaker_name<'a>(&'a self, q: &'a Quote) -> Option<&'a str> {
        match q.speaker.as_ref()? {
            Speaker::Person(p) => Some(&self.people[*p].name),
            Speaker::Description(d) => Some(&d.text),
        }
    }
}
