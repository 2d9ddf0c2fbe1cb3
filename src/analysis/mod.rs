//! The pure analysis: text in, quotations, people and findings out.
//!
//! `analyze` runs one pass in one direction: prose map → quotation marks →
//! narrative tokens → sentences → people → attribution → kinds → findings. It
//! knows nothing of editors or files, so the command line and the language server
//! show identical findings.

pub mod attribution;
pub mod kinds;
pub mod lexicon;
pub mod names;
pub mod parallel;
pub mod people;
pub mod quotes;
pub mod rules;
pub mod sentences;
pub mod tokens;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::text::{Format, ProseMap};
use attribution::{Source, Via};
pub use kinds::QuoteKind;
use lexicon::Lexicon;
pub use rules::Severity;

/// What the analysis is told besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// Per-rule severity overrides; `None` turns a rule off.
    pub rules: HashMap<String, Option<Severity>>,
    /// People the newsroom spells a set way.
    pub people: Vec<names::HouseName>,
}

impl Options {
    pub fn new(format: Format) -> Options {
        Options {
            format,
            ..Options::default()
        }
    }

    pub(crate) fn severity(&self, rule: &str) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(s) => *s,
            None => rules::rule(rule).map(|r| r.severity),
        }
    }
}

/// Who is credited with a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Speaker {
    /// Index into [`Analysis::people`].
    Person(usize),
    /// A description, as written ("a spokeswoman", "the Kremlin").
    Description(String),
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
    Cue,
    Continuing,
    Nested,
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
    pub anonymous: bool,
}

impl Quote {
    pub fn attributed(&self) -> bool {
        self.speaker.is_some()
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
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Range<usize>,
    pub new_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
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
}

impl Analysis {
    /// The speaker of a quotation as a person would write it.
    pub fn speaker_name<'a>(&'a self, q: &'a Quote) -> Option<&'a str> {
        match q.speaker.as_ref()? {
            Speaker::Person(p) => Some(&self.people[*p].name),
            Speaker::Description(d) => Some(d),
        }
    }
}

/// Analyses a draft.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    // A long draft is analysed on one of the pool's threads, so each split inside
    // hands its second half to the other thread directly rather than through the
    // pool's queue from outside.
    if parallel::worth_splitting(text.len()) && rayon::current_thread_index().is_none() {
        return parallel::with_helper_awake(|| analyze_here(text, options));
    }
    analyze_here(text, options)
}

fn analyze_here(text: &str, options: &Options) -> Analysis {
    let lex = Lexicon::get();
    let prose = ProseMap::new(text, options.format);
    let masked: &str = &prose.masked;
    let (raw, lone) = quotes::scan(masked, &prose.blocks, lex);
    let toks = tokens::tokenize(masked, &prose.blocks, &raw, lex);
    let long = parallel::worth_splitting(masked.len());
    let headlines = headline_blocks(&toks, masked, prose.blocks.len(), long);
    // Sentences and the cue words in each serve attribution alone, which waits for
    // the people to be linked: on a long draft the second core finds them
    // meanwhile. Whichever core asks first finds them, and the other waits.
    let sentences_once = OnceLock::new();
    let sentences_of = || {
        sentences_once.get_or_init(|| {
            let sentences = sentences::split(&toks, masked, &raw);
            let cues = attribution::cue_words(&toks, &headlines, &sentences, masked, lex);
            (sentences, cues)
        })
    };

    // The names inside quotations and each quotation's shape depend on neither
    // the people nor attribution, nor do where the sentences and the top-level
    // quotations start, which the spellings ask. The shapes come last: they are
    // taken in pieces, so whichever core comes free first shares them.
    let side_work = || {
        let (sentences, _) = sentences_of();
        let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        let tops: Vec<Range<usize>> = raw
            .iter()
            .filter(|q| q.parent.is_none())
            .map(|q| q.span.clone())
            .collect();
        let (quoted_runs, shapes) = parallel::both(
            long,
            || quoted_name_runs(masked, &raw, lex),
            || shapes(&raw, masked, &prose.blocks, &headlines, lex, long),
        );
        (quoted_runs, shapes, sentence_starts, tops)
    };
    // Name runs are found first, on both cores where the draft splits, so the
    // search for names is not left to one core while the other does side work.
    let headline = |b: usize| headlines.get(b).copied().unwrap_or(false);
    let runs = people::find_runs(&toks, masked, lex, &headline, long);
    // On a long draft one core links the runs into people, one after another, and
    // attributes, while the other does the side work. Linking and attributing
    // cannot be shared out, so they go to the quicker core; the shapes can.
    let ((attributions, mut people), (quoted_runs, shapes, sentence_starts, tops)) =
        parallel::both_long_on_quicker(
            long,
            || {
                let people = people::link(runs, &toks, masked);
                let (sentences, cue_words) = sentences_of();
                attribution::attribute(&toks, sentences, cue_words, masked, &raw, people, lex)
            },
            side_work,
        );

    let aside = |at: usize| {
        let in_quote = tops
            .partition_point(|q| q.start <= at)
            .checked_sub(1)
            .is_some_and(|i| at < tops[i].end);
        let block = prose
            .blocks
            .partition_point(|b| b.start <= at)
            .saturating_sub(1);
        in_quote || headlines.get(block).copied().unwrap_or(false) || prose.in_heading(at)
    };
    // Spellings need the people and not the quotations' kinds, so on a long draft
    // the two are settled at once: the spellings in one piece on the quicker core,
    // the quotations in pieces that whichever core is free takes.
    let (spellings, mut quotes) = parallel::both_long_on_quicker(
        long,
        || {
            names::resolve(
                &mut people,
                &names::Draft {
                    text: masked,
                    tokens: &toks,
                    sentence_starts: &sentence_starts,
                    aside: &aside,
                    quoted_runs: &quoted_runs,
                },
                &options.people,
                options,
            )
        },
        || quotations(&raw, &attributions, &shapes, text, masked, lex, long),
    );
    // Which quotations go unattributed does not depend on whom the others are
    // credited to, so those findings are written while the people are built. Nor
    // do anonymous sources: each is a description, which crediting leaves alone.
    let ((mut persons, new_index, anonymous), mut findings) = parallel::both_long_on_quicker(
        long,
        || {
            let (persons, new_index) = persons_of(&people, &spellings, text, &options.people);
            (
                persons,
                new_index,
                anonymous_source_findings(&quotes, options),
            )
        },
        || {
            findings_on_quotations(
                &quotes,
                &lone,
                text,
                &toks,
                &people,
                &spellings.canonical,
                options,
            )
        },
    );
    credit_quotations(
        &mut quotes,
        &mut persons,
        &new_index,
        &people,
        &spellings.canonical,
    );
    let mut analysis = Analysis {
        quotes,
        people: persons,
        findings: Vec::new(),
    };
    findings.extend(anonymous);
    findings.extend(spellings.findings);
    analysis.findings = findings;
    analysis
        .findings
        .sort_by_key(|f| (f.span.start, f.span.end));
    apply_ignores(&mut analysis.findings, &prose);
    analysis
}

/// Analyses a draft on the calling thread alone, however long it is: what
/// [`analyze`] gives, without its splits.
pub fn analyze_on_one_thread(text: &str, options: &Options) -> Analysis {
    parallel::on_one_thread(|| analyze(text, options))
}

/// What a quotation's own words and surroundings say of its kind, before anyone
/// is credited with it.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// A term by its surroundings ("so-called “experts”") or its title case,
    /// whoever is credited.
    term: bool,
    /// The quotation this one continues after a cue splits it.
    continues: Option<usize>,
    /// A full quotation: it runs over paragraphs, continues one that a cue split,
    /// or stands alone as a sentence.
    full: bool,
}

/// The shape of each quotation. None depends on another's, so on a long draft
/// they are shared out between the cores in pieces, whichever core is free
/// taking the next: the work beside them, of whatever length, keeps both busy.
fn shapes(
    raw: &[quotes::RawQuote],
    masked: &str,
    blocks: &[Range<usize>],
    headlines: &[bool],
    lex: &Lexicon,
    split: bool,
) -> Vec<Shape> {
    let siblings = previous_siblings(raw);
    parallel::map(split, raw.len(), |i| {
        let q = &raw[i];
        let inner = &masked[q.inner.clone()];
        let alone = kinds::stands_alone(q, masked, blocks[q.blocks.0].start);
        // Title case is asked first: most quotations are sentences, which a long
        // word in lowercase gives away at once.
        let term = kinds::has_term_signal(q, masked, lex)
            || (!headlines[q.blocks.0]
                && kinds::is_title_case(inner)
                && (!alone || kinds::at_most_words(inner, 5)));
        let continues = continuation_of(i, siblings[i], raw, masked);
        Shape {
            term,
            continues,
            full: q.multi_paragraph || continues.is_some() || (alone && kinds::starts_upper(inner)),
        }
    })
}

/// Each quotation as reported: its kind settled, its attribution turned into a
/// speaker and cue.
fn quotations(
    raw: &[quotes::RawQuote],
    attributions: &[Option<attribution::Attribution>],
    shapes: &[Shape],
    text: &str,
    masked: &str,
    lex: &Lexicon,
    split: bool,
) -> Vec<Quote> {
    parallel::map(split, raw.len(), |i| {
        let q = &raw[i];
        let att = &attributions[i];
        let shape = shapes[i];
        let kind = if shape.term {
            QuoteKind::Term
        } else if shape.full {
            QuoteKind::Full
        } else if att.is_none() && {
            // A few words that make no sentence, or words that name their own
            // kind, are a term unless someone is credited with them.
            let inner = &masked[q.inner.clone()];
            (kinds::at_most_words(inner, 3) && !kinds::ends_as_sentence(inner))
                || kinds::names_its_kind(inner, lex)
        } {
            QuoteKind::Term
        } else {
            QuoteKind::Partial
        };
        // A term by its surroundings or its words is credited to nobody, even in
        // a sentence with a cue ("appeared on “Meet the Press” and said"), unless
        // it is nested in speech.
        let (speaker, cue, how, anonymous) = match att {
            Some(a) if kind != QuoteKind::Term || q.parent.is_some() => {
                let (speaker, anonymous) = match &a.source {
                    Source::Person(e) => (Speaker::Person(*e), false),
                    Source::Description {
                        span, anonymous, ..
                    } => (
                        Speaker::Description(describe(&text[span.clone()])),
                        *anonymous,
                    ),
                };
                let how = match a.via {
                    Via::Cue => How::Cue,
                    Via::Continuing => How::Continuing,
                    Via::Nested => How::Nested,
                };
                let cue = a.cue.as_ref().map(|c| Cue {
                    verb: c.verb.clone(),
                    source: c.source.clone(),
                });
                (Some(speaker), cue, Some(how), anonymous)
            }
            _ => (None, None, None, false),
        };
        Quote {
            span: q.span.clone(),
            inner: q.inner.clone(),
            kind,
            nested_in: q.parent,
            continues: shape.continues,
            multi_paragraph: q.multi_paragraph,
            speaker,
            cue,
            how,
            anonymous,
        }
    })
}

/// The people of the story: one per canonical entity, with every mention and
/// spelling, in order of first mention; and each entity's place among them
/// (`usize::MAX` for an entity that is not one of them).
fn persons_of(
    people: &people::People,
    spellings: &names::Spellings,
    text: &str,
    house: &[names::HouseName],
) -> (Vec<Person>, Vec<usize>) {
    let canonical = &spellings.canonical;
    let n = people.entities.len();
    let mut mentions: Vec<Vec<Range<usize>>> = vec![Vec::new(); n];
    let mut titles: Vec<Vec<String>> = vec![Vec::new(); n];
    for (e, ent) in people.entities.iter().enumerate() {
        let c = canonical[e];
        mentions[c].extend(ent.mentions.iter().cloned());
        for t in &ent.titles {
            if !titles[c].iter().any(|x| x.eq_ignore_ascii_case(t)) {
                titles[c].push(t.clone());
            }
        }
    }
    for (c, span) in &spellings.extra_mentions {
        mentions[*c].push(span.clone());
    }
    let mut order: Vec<usize> = (0..n)
        .filter(|&e| canonical[e] == e && !mentions[e].is_empty())
        .collect();
    for m in &mut mentions {
        m.sort_by_key(|r| r.start);
        m.dedup();
    }
    order.sort_by_key(|&e| mentions[e][0].start);
    let mut new_index = vec![usize::MAX; n];
    for (i, &e) in order.iter().enumerate() {
        new_index[e] = i;
    }
    let persons: Vec<Person> = order
        .iter()
        .map(|&e| {
            let mut spellings: Vec<(String, usize)> = Vec::new();
            for m in &mentions[e] {
                let s = crate::text::spaced(&text[m.clone()]);
                match spellings.iter_mut().find(|(k, _)| *k == *s) {
                    Some((_, count)) => *count += 1,
                    None => spellings.push((s.into_owned(), 1)),
                }
            }
            let name = &people.entities[e].name;
            let house = house.iter().find(|h| names::house_matches(h, name));
            let mut titles = std::mem::take(&mut titles[e]);
            if let Some(t) = house.and_then(|h| h.title.clone()) {
                if !titles.iter().any(|x| x.eq_ignore_ascii_case(&t)) {
                    titles.push(t);
                }
            }
            let name = house.map_or(name.as_str(), |h| h.name.as_str());
            Person {
                name: crate::text::spaced(name).into_owned(),
                titles,
                mentions: std::mem::take(&mut mentions[e]),
                spellings,
                quotes: Vec::new(),
            }
        })
        .collect();
    (persons, new_index)
}

/// Quotation speakers renumbered from entities to the people of the story, and
/// each person's quotations listed.
fn credit_quotations(
    quotes: &mut [Quote],
    persons: &mut [Person],
    new_index: &[usize],
    people: &people::People,
    canonical: &[usize],
) {
    for (i, q) in quotes.iter_mut().enumerate() {
        if let Some(Speaker::Person(p)) = q.speaker {
            let c = new_index[canonical[p]];
            if c == usize::MAX {
                q.speaker = Some(Speaker::Description(people.entities[p].name.clone()));
            } else {
                q.speaker = Some(Speaker::Person(c));
                persons[c].quotes.push(i);
            }
        }
    }
}

/// Name runs inside quotations (span of the name, words in it), for spellings and
/// mentions. Only quotations with a capital past their first word can hold a name.
fn quoted_name_runs(
    masked: &str,
    raw: &[quotes::RawQuote],
    lex: &Lexicon,
) -> Vec<(Range<usize>, usize)> {
    let top_inners: Vec<Range<usize>> = raw
        .iter()
        .filter(|q| q.parent.is_none() && capital_after_first_word(&masked[q.inner.clone()]))
        .map(|q| q.inner.clone())
        .collect();
    let quoted_tokens = tokens::tokenize_for_names(masked, &top_inners, lex);
    let (runs, _) = people::build_runs(&quoted_tokens, masked, lex, &|_| false);
    runs.iter()
        .filter(|r| {
            matches!(
                r.class,
                people::RunClass::Person(_) | people::RunClass::Candidate
            )
        })
        .map(|r| {
            (
                quoted_tokens[r.name.start].start()..quoted_tokens[r.name.end - 1].stem_end(),
                r.words,
            )
        })
        .collect()
}

/// Whether a capital letter follows the first word: a quotation without one names
/// nobody.
fn capital_after_first_word(s: &str) -> bool {
    let s = s.trim_start();
    let rest = crate::text::first_space(s).map_or("", |i| &s[i..]);
    // ASCII is read eight bytes at a time, and only the other characters decoded,
    // of which the curly quotes and dashes of General Punctuation, the most common
    // in a quotation, are no letter.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(eight) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            if x & HIGH == 0 {
                // With no byte above 0x7F no sum carries into the next byte: bit 7
                // of each byte says whether it is at least 'A' (0x41), and not at
                // least '[' (0x5B).
                let at_least_a = x.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
                let past_z = x.wrapping_add(0x2525_2525_2525_2525);
                if at_least_a & !past_z & HIGH != 0 {
                    return true;
                }
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                return true;
            }
            i += 1;
            continue;
        }
        // U+2000 to U+207F: General Punctuation and the super- and subscripts,
        // none of them a capital.
        if b == 0xE2 && matches!(bytes.get(i + 1), Some(0x80 | 0x81)) {
            i += 3;
            continue;
        }
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        if c.is_uppercase() {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// A description as a speaker is named: "The company" at a sentence's start
/// becomes "the company".
fn describe(s: &str) -> String {
    let mut out = crate::text::spaced(s).into_owned();
    if let Some(first) = s.split_whitespace().next() {
        if lexicon::Lexicon::get()
            .word(first)
            .has(lexicon::flag::DETERMINER)
            && first.chars().next().is_some_and(char::is_uppercase)
        {
            out = [&first.to_lowercase(), &out[first.len()..]].concat();
        }
    }
    out
}

/// Each quotation's previous sibling (the one before it with the same parent),
/// found in one pass: searching back from each quotation would be quadratic in
/// deeply nested quotations.
fn previous_siblings(raw: &[quotes::RawQuote]) -> Vec<Option<usize>> {
    // The last quotation seen under each parent; the top level is slot `len`.
    let mut last = vec![None; raw.len() + 1];
    raw.iter()
        .enumerate()
        .map(|(i, q)| last[q.parent.unwrap_or(raw.len())].replace(i))
        .collect()
}

/// The quotation that `i` continues after a cue splits it: its previous sibling
/// `p`, ending in a comma, with only a short cue clause between.
fn continuation_of(
    i: usize,
    p: Option<usize>,
    raw: &[quotes::RawQuote],
    masked: &str,
) -> Option<usize> {
    let q = &raw[i];
    let p = p?;
    let prev = &raw[p];
    if prev.span.end > q.span.start {
        return None;
    }
    if !masked[prev.inner.clone()]
        .trim_end()
        .ends_with([',', '—', '–'])
    {
        return None;
    }
    // The previous sibling may be paragraphs back: the words between are counted
    // only up to what a cue clause can hold.
    let between = &masked[prev.span.end..q.span.start];
    let ok = between.trim_end().ends_with(',')
        && !kinds::at_most_words(between, 0)
        && kinds::at_most_words(between, 12)
        && !between.contains(['.', '!', '?']);
    ok.then_some(p)
}

/// Blocks set in title case: headlines, where capitals say nothing about names. A
/// headline is one short line of mostly capitalised words with no full stop in it.
fn headline_blocks(toks: &[tokens::Token], masked: &str, n: usize, split: bool) -> Vec<bool> {
    if !split || n < 2 {
        return headlines_among(toks, masked, 0..n);
    }
    // Tokens come in paragraph order, so the first part of the paragraphs is
    // read from the tokens before the first of the second part, on its own core.
    static BALANCE: parallel::Balance = parallel::Balance::new();
    let mid = ((n as f64 * BALANCE.share()) as usize).clamp(1, n - 1);
    let cut = toks.partition_point(|t| t.block() < mid);
    let (mut first, second) = BALANCE.both(
        cut as f64 / toks.len().max(1) as f64,
        || headlines_among(&toks[..cut], masked, 0..mid),
        || headlines_among(&toks[cut..], masked, mid..n),
    );
    first.extend(second);
    first
}

/// Which of the paragraphs `blocks` are headlines, from `toks`; tokens of other
/// paragraphs are passed over. Tokens come in paragraph order, so each paragraph
/// is read as one stretch, and left as soon as it cannot be a headline: most
/// paragraphs give themselves away within a sentence.
fn headlines_among(toks: &[tokens::Token], masked: &str, blocks: Range<usize>) -> Vec<bool> {
    let n = blocks.len();
    let mut out = vec![false; n];
    let mut i = 0;
    while let Some(first) = toks.get(i) {
        let b = first.block();
        let mut end = i;
        let mut headline = Headline::default();
        let mut possible = b.checked_sub(blocks.start).is_some_and(|local| local < n);
        while let Some(t) = toks.get(end).filter(|t| possible && t.block() == b) {
            end += 1;
            possible = headline.read(t, masked);
        }
        if !possible {
            end = block_end(toks, end, b);
        }
        if possible && headline.holds() {
            out[b - blocks.start] = true;
        }
        i = end;
    }
    out
}

/// Where the tokens of paragraph `b` end, from `from` inside it. Tokens come in
/// paragraph order, so the end is found by steps that double, then halving: a
/// paragraph ruled out early is not walked to its end.
fn block_end(toks: &[tokens::Token], from: usize, b: usize) -> usize {
    let (mut lo, mut step) = (from, 1);
    let hi = loop {
        match toks.get(lo + step) {
            Some(t) if t.block() == b => lo += step,
            Some(_) => break lo + step,
            None => break toks.len(),
        }
        step *= 2;
    };
    lo + toks[lo..hi].partition_point(|t| t.block() == b)
}

/// A paragraph's count towards being a headline: one short line of mostly
/// capitalised words with no full stop in it.
#[derive(Default)]
struct Headline {
    words: usize,
    /// Words of four letters or more, and how many of them are capitalised.
    long: usize,
    caps: usize,
}

impl Headline {
    /// Counts `t`; false once the paragraph cannot be a headline whatever follows.
    fn read(&mut self, t: &tokens::Token, masked: &str) -> bool {
        if t.is_punct('.') {
            return false;
        }
        if !t.is_word() {
            return true;
        }
        self.words += 1;
        if four_letters_or_more(&masked.as_bytes()[t.start()..t.end()]) {
            self.long += 1;
            if t.is_capitalised() {
                self.caps += 1;
            } else if t.has(lexicon::flag::CUE) {
                // A lowercase "said" is prose; a headline would write "Says".
                return false;
            }
        }
        // Past thirty words, or with five long words in lowercase (more than 15%
        // of at most thirty), no ending can make it one.
        self.words <= Self::MOST_WORDS && self.long - self.caps < 5
    }

    const MOST_WORDS: usize = 30;

    fn holds(&self) -> bool {
        self.long >= 3 && self.caps * 100 >= self.long * 85 && self.words <= Self::MOST_WORDS
    }
}

/// Whether a word has four characters or more, from its bytes: four ASCII bytes
/// first settle nearly every word; otherwise every byte that does not continue a
/// character starts one.
fn four_letters_or_more(word: &[u8]) -> bool {
    match word.first_chunk::<4>() {
        None => false,
        Some(head) => {
            u32::from_ne_bytes(*head) & 0x8080_8080 == 0
                || word.len() >= 16
                || word.iter().filter(|&&b| (b as i8) >= -0x40).count() >= 4
        }
    }
}

fn first_words(inner: &str, n: usize) -> String {
    // Only as far as the words shown and one more: a quotation may run for pages.
    let mut words = inner.split_whitespace();
    let mut s = String::new();
    for w in words.by_ref().take(n) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    if words.next().is_some() {
        s.push('…');
    }
    s
}

/// Unattributed quotations and unbalanced marks.
fn findings_on_quotations(
    quotes: &[Quote],
    lone: &[quotes::LoneMark],
    text: &str,
    toks: &[tokens::Token],
    people: &people::People,
    canonical: &[usize],
    options: &Options,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(sev) = options.severity(rules::UNATTRIBUTED_QUOTE) {
        // Quotations and name runs both come in text order: one walk through the
        // runs finds the last person named before each quotation, instead of a
        // binary search and a search back through the tokens for every quotation.
        let mut run = 0;
        let mut last_person: Option<(Range<usize>, usize)> = None;
        let mut unattributed = Vec::new();
        for q in quotes {
            if q.kind == QuoteKind::Term || q.nested_in.is_some() || q.attributed() {
                continue;
            }
            while let Some(r) = people.runs.get(run) {
                let t = &toks[r.name.end - 1];
                if t.start() >= q.span.start {
                    break;
                }
                if let people::RunClass::Person(e) = r.class {
                    last_person = Some((t.start()..t.stem_end(), e));
                }
                run += 1;
            }
            unattributed.push((q, last_person.clone()));
        }
        // Writing the messages is the dear part: on a long draft it is shared out
        // in pieces, so the thread building the people takes some when it is done.
        // They are joined with `concat`, not `format!`, which costs several times
        // as much, most of it reading the format at run time.
        let split = parallel::worth_splitting(text.len());
        out = parallel::map(split, unattributed.len(), |i| {
            let (q, last_person) = &unattributed[i];
            let mut related = Vec::new();
            // The last person named before it: the likeliest speaker to add.
            if let Some((span, e)) = last_person {
                related.push(Related {
                    message: [
                        "last person named before it: ",
                        &people.entities[canonical[*e]].name,
                    ]
                    .concat(),
                    span: span.clone(),
                });
            }
            Finding {
                rule: rules::UNATTRIBUTED_QUOTE,
                severity: sev,
                message: [
                    "Quotation “",
                    &first_words(&text[q.inner.clone()], 6),
                    "” is not attributed: nobody is said to have said, told or written it.",
                ]
                .concat(),
                span: q.span.clone(),
                related,
                fixes: Vec::new(),
            }
        });
    }
    if let Some(sev) = options.severity(rules::UNBALANCED_QUOTE) {
        for l in lone {
            let message = if l.opening {
                format!(
                    "Quotation mark {} opens a quotation that never closes.",
                    l.mark
                )
            } else {
                format!(
                    "Quotation mark {} closes a quotation that never opened.",
                    l.mark
                )
            };
            out.push(Finding {
                rule: rules::UNBALANCED_QUOTE,
                severity: sev,
                message,
                span: l.span.clone(),
                related: Vec::new(),
                fixes: Vec::new(),
            });
        }
    }
    out
}

/// Quotations whose only source is anonymous, once per cue, named as the story
/// describes the source: an anonymous source is always a description, never one
/// of the people, so these need not wait for the quotations to be credited.
fn anonymous_source_findings(quotes: &[Quote], options: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(sev) = options.severity(rules::ANONYMOUS_SOURCE) {
        // Several quotations may share one cue; a set keeps a story with hundreds
        // of them linear.
        let mut seen: std::collections::HashSet<Range<usize>, lexicon::FxBuild> =
            std::collections::HashSet::default();
        for q in quotes {
            if !q.anonymous || q.nested_in.is_some() {
                continue;
            }
            let Some(cue) = q.cue.as_ref().map(|c| c.source.clone()) else {
                continue;
            };
            if !seen.insert(cue.clone()) {
                continue;
            }
            let who = match &q.speaker {
                Some(Speaker::Description(d)) => d.as_str(),
                _ => "an unnamed source",
            };
            out.push(Finding {
                rule: rules::ANONYMOUS_SOURCE,
                severity: sev,
                message: [
                    "Only an anonymous source stands behind this quotation: ",
                    who,
                    ".",
                ]
                .concat(),
                span: cue,
                related: vec![Related {
                    message: "the quotation".into(),
                    span: q.span.clone(),
                }],
                fixes: Vec::new(),
            });
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Headlines as counted over every token of every paragraph, with no early
    /// exit: what `headlines_among` must give.
    fn headlines_by_counting(toks: &[tokens::Token], masked: &str, n: usize) -> Vec<bool> {
        let (mut caps, mut long, mut words, mut stops) =
            (vec![0; n], vec![0; n], vec![0; n], vec![0; n]);
        for t in toks {
            let b = t.block();
            stops[b] += usize::from(t.is_punct('.'));
            if t.is_word() {
                words[b] += 1;
                if masked[t.start()..t.end()].chars().count() >= 4 {
                    long[b] += 1;
                    if t.is_capitalised() {
                        caps[b] += 1;
                    } else if t.has(lexicon::flag::CUE) {
                        stops[b] += 1;
                    }
                }
            }
        }
        (0..n)
            .map(|b| {
                long[b] >= 3 && caps[b] * 100 >= long[b] * 85 && stops[b] == 0 && words[b] <= 30
            })
            .collect()
    }

    #[test]
    fn a_headline_may_hold_four_long_lowercase_words_in_thirty() {
        let lex = Lexicon::get();
        let headlines = |text: &str| {
            let prose = ProseMap::new(text, crate::text::Format::PlainText);
            let (raw, _) = quotes::scan(&prose.masked, &prose.blocks, lex);
            let toks = tokens::tokenize(&prose.masked, &prose.blocks, &raw, lex);
            headlines_among(&toks, &prose.masked, 0..prose.blocks.len())
        };
        // 26 of 30 long words capitalised is more than 85%.
        let words = |caps: usize, lower: usize| {
            let mut w = vec!["Council"; caps];
            w.extend(vec!["budget"; lower]);
            w.join(" ")
        };
        assert_eq!(headlines(&words(26, 4)), [true]);
        assert_eq!(headlines(&words(22, 4)), [false]);
        assert_eq!(headlines(&words(27, 4)), [false], "31 words");
        assert_eq!(headlines(&words(25, 5)), [false]);
        assert_eq!(headlines(&(words(26, 3) + " said")), [false]);
        assert_eq!(headlines(&(words(26, 3) + " .")), [false]);
    }

    proptest::proptest! {
        #[test]
        fn a_headline_is_settled_early_as_counting_every_word_would(
            paragraphs in proptest::collection::vec(
                proptest::collection::vec(
                    (
                        proptest::bool::weighted(0.12),
                        proptest::sample::select(vec![
                            "Council", "Weighs", "Budget", "After", "Says", "Zoë", "Élysée",
                            "“Difficult”", ",", "U.S.", "NATO", "of", "A",
                        ]),
                        proptest::sample::select(vec![
                            "the", "said", "budget", "year", "élan", ".", "over", "is",
                        ]),
                    ),
                    0..40,
                ),
                1..6,
            ),
            from in 0usize..3,
        ) {
            // Mostly capitalised words, so headlines and near-headlines both come up.
            let text = paragraphs
                .iter()
                .map(|p| {
                    p.iter()
                        .map(|&(lower, cap, low)| if lower { low } else { cap })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n\n");
            let prose = ProseMap::new(&text, crate::text::Format::PlainText);
            let lex = Lexicon::get();
            let (raw, _) = quotes::scan(&prose.masked, &prose.blocks, lex);
            let toks = tokens::tokenize(&prose.masked, &prose.blocks, &raw, lex);
            let n = prose.blocks.len();
            let all = headlines_by_counting(&toks, &prose.masked, n);
            proptest::prop_assert_eq!(&headlines_among(&toks, &prose.masked, 0..n), &all);
            // Paragraphs outside the range asked for are passed over.
            let from = from.min(n);
            proptest::prop_assert_eq!(
                &headlines_among(&toks, &prose.masked, from..n)[..],
                &all[from..]
            );
        }
    }

    #[test]
    fn a_capital_past_the_first_word_is_found_in_any_script() {
        let by_chars = |s: &str| {
            let s = s.trim_start();
            let rest = s.find(char::is_whitespace).map_or("", |i| &s[i..]);
            rest.chars().any(char::is_uppercase)
        };
        for (s, expected) in [
            ("We have waited long enough", false),
            ("We have waited for Maria", true),
            ("nobody’s going to — slow it down…", false),
            ("ask Émilie", true),
            ("спросите Ивана", true),
            ("спросите его", false),
            ("  leading space then Name", true),
            ("one", false),
            ("", false),
            ("l’ÉTAT c’est moi", false),
            ("c’est l’ÉTAT", true),
            ("the set ℂ", true),
        ] {
            assert_eq!(super::capital_after_first_word(s), expected, "{s}");
            assert_eq!(by_chars(s), expected, "{s}");
        }
        // Every place a capital or a curly mark can stand against the eight-byte
        // reads, and the bytes either side of 'A' and 'Z'.
        for len in 0usize..40 {
            for at in 0..len {
                for c in [
                    'A', 'Z', '@', '[', 'a', 'z', 'É', '’', 'é', 'ⁿ', '\u{a0}', '\u{2003}',
                    '\u{b}', 'Ⅻ',
                ] {
                    for mark in [None, Some(at / 2), Some(len.saturating_sub(1))] {
                        let mut s: Vec<char> = "wé"
                            .chars()
                            .chain([if len % 2 == 0 { ' ' } else { '\u{3000}' }])
                            .chain(std::iter::repeat_n('x', len))
                            .collect();
                        s[3 + at] = c;
                        if let Some(m) = mark {
                            if 3 + m != 3 + at {
                                s[3 + m] = '’';
                            }
                        }
                        let s: String = s.into_iter().collect();
                        assert_eq!(super::capital_after_first_word(&s), by_chars(&s), "{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_anonymous_source_is_named_as_the_story_describes_it_once_per_cue() {
        use super::{Options, analyze, rules};
        let text = "“We will not pay,” a senior official said, “not now, not ever.”\n\n\
                    “It is over,” said Anna Berg, the minister. “We won.”";
        let found: Vec<_> = analyze(text, &Options::new(crate::text::Format::PlainText))
            .findings
            .into_iter()
            .filter(|f| f.rule == rules::ANONYMOUS_SOURCE)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.ends_with(": a senior official."),
            "{}",
            found[0].message
        );
        assert_eq!(&text[found[0].span.clone()], "a senior official");
    }

    #[test]
    fn an_unattributed_quotation_is_shown_by_its_first_six_words() {
        assert_eq!(first_words("We  will\nwin", 6), "We will win");
        assert_eq!(
            first_words(" one two three four five six ", 6),
            "one two three four five six"
        );
        assert_eq!(
            first_words("one two three four five six seven", 6),
            "one two three four five six…"
        );
        assert_eq!(first_words("", 6), "");
        let text = "“This is our money, not theirs, and we want it back,” the sign read.";
        let analysis = analyze(text, &Options::new(crate::text::Format::PlainText));
        let messages: Vec<&str> = analysis
            .findings
            .iter()
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "Quotation “This is our money, not theirs,…” is not attributed: nobody is said to have said, told or written it."
            ]
        );
    }

    #[test]
    fn four_letters_are_counted_as_characters_not_bytes() {
        for word in [
            "",
            "a",
            "abc",
            "abcd",
            "Zoë",
            "Zoës",
            "éé",
            "ééé",
            "éééé",
            "日本語",
            "日本語だ",
            "𝒜𝒜𝒜",
            "𝒜𝒜𝒜𝒜",
            "a\u{301}bc",
            "Sørensen",
        ] {
            assert_eq!(
                four_letters_or_more(word.as_bytes()),
                word.chars().count() >= 4,
                "{word}"
            );
        }
    }
}
