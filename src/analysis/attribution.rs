//! Who said each quotation, read the way a copy editor reads it.
//!
//! Cues are found sentence by sentence in the writer's narrative: a speech verb in
//! any tense with its source before it ("Trump posted") or after it ("said Edward
//! Alden"), a participle whose source is the main clause's subject ("…, saying"),
//! or a phrase ("according to Putin", "in a statement"). Each quotation takes the
//! nearest cue of its sentence. What is left falls back, in order, to the speaker
//! of the neighbouring quotation in the same paragraph and to the continuing speaker
//! of the paragraph before; nested quotations take their parent's speaker.

use std::ops::Range;

use super::lexicon::{Gender, Lexicon, PhraseSource, flag};
use super::people::{People, RunClass};
use super::quotes::RawQuote;
use super::tokens::{Case, Kind, Token};

/// Who a quotation is credited to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A person the story names (index into the entities).
    Person(usize),
    /// A description, organisation or pronoun left as written: "a spokeswoman",
    /// "the newspaper", "the Kremlin".
    Description {
        span: Range<usize>,
        anonymous: bool,
        gender: Gender,
    },
}

/// How a quotation got its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A cue in its own sentence.
    Cue,
    /// The speaker of the quotation before it, with nobody else named between.
    Continuing,
    /// The speaker of the quotation it is nested in.
    Nested,
}

/// The words that attribute a quotation: the verb or phrase, and where the source
/// is named for it (they may stand apart: "Trump, who …, revealed …, writing").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueWords {
    pub verb: Range<usize>,
    pub source: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub source: Source,
    /// The cue, when there is one.
    pub cue: Option<CueWords>,
    pub via: Via,
}

#[derive(Debug, Clone)]
struct Cue {
    /// Token index of the verb or phrase (first token).
    at: usize,
    words: CueWords,
    source: Source,
}

/// What earlier sentences offer a pronoun to refer back to. The lists live in
/// two vectors shared by all sentences ([`Attributor::cue_sources`],
/// [`Attributor::persons`]), so a sentence costs no allocation of its own.
#[derive(Debug, Default, Clone)]
struct Salience {
    /// Sources of cues, in order.
    cue_sources: Range<usize>,
    /// People named in the sentence, in order (one named twice in a row, once).
    persons: Range<usize>,
    block: usize,
    /// Last token of the sentence ends with a colon ("He said:").
    ends_with_colon: bool,
}

pub struct Attributor<'a> {
    tokens: &'a [Token],
    text: &'a str,
    lex: &'a Lexicon,
    pub people: People,
    sentences: &'a [Range<usize>],
    salience: Vec<Salience>,
    /// Every sentence's cue sources, one after another.
    cue_sources: Vec<Source>,
    /// Every sentence's named people, one after another.
    persons: Vec<usize>,
}

/// Attributes every quotation. Returns one entry per quotation in `quotes`, and the
/// people (candidates that turned out to be speakers are promoted).
#[allow(clippy::too_many_arguments)]
pub fn attribute(
    tokens: &[Token],
    sentences: &[Range<usize>],
    cue_words: &SentenceCues,
    text: &str,
    quotes: &[RawQuote],
    people: People,
    lex: &Lexicon,
) -> (Vec<Option<Attribution>>, People) {
    let mut a = Attributor {
        tokens,
        text,
        lex,
        people,
        sentences,
        // Room for one cue and one person named a sentence, a guess that spares
        // most growing of the lists.
        salience: Vec::with_capacity(sentences.len()),
        cue_sources: Vec::with_capacity(sentences.len()),
        persons: Vec::with_capacity(sentences.len()),
    };
    let mut out: Vec<Option<Attribution>> = vec![None; quotes.len()];
    // Where each top-level quotation sits: (token index, sentence index).
    let mut placed: Vec<(usize, usize, usize)> = Vec::with_capacity(quotes.len());
    // Every cue with its source, in text order.
    let mut all_cues: Vec<(usize, Source)> = Vec::with_capacity(sentences.len());
    let mut cues = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        a.cues(si, s.clone(), cue_words.of(si), &mut cues);
        all_cues.extend(cues.iter().map(|c| (c.at, c.source.clone())));
        let sources_from = a.cue_sources.len();
        a.cue_sources.extend(cues.iter().map(|c| c.source.clone()));
        // The people the sentence names and its quotations, in one pass.
        let persons_from = a.persons.len();
        // Lowercase words and marks are neither quotations nor where a person is
        // first named (a run holding one, "von", "J.", holds a capitalised word of
        // the same person too), so one test of their kind passes them.
        let mut t = s.start;
        while let Some(skip) = tokens[t..s.end]
            .iter()
            .position(|tok| !matches!(tok.kind(), Kind::Word(Case::Lower) | Kind::Punct(_)))
        {
            t += skip;
            if let Some(q) = tokens[t].quote() {
                placed.push((q, t, si));
                if let Some(c) = nearest_cue(&cues, t) {
                    out[q] = Some(Attribution {
                        source: c.source.clone(),
                        cue: Some(c.words.clone()),
                        via: Via::Cue,
                    });
                }
            } else if let Some(e) = a.people.person_at(t) {
                if a.persons[persons_from..].last().is_none_or(|&pe| pe != e) {
                    a.persons.push(e);
                }
            }
            t += 1;
        }
        a.salience.push(Salience {
            cue_sources: sources_from..a.cue_sources.len(),
            persons: persons_from..a.persons.len(),
            block: tokens[s.start].block(),
            ends_with_colon: tokens[s.end - 1].is_punct(':'),
        });
    }
    a.continuing(&mut out, &placed, quotes, &all_cues);
    // Nested quotations inherit, outermost first (quotes are sorted by start, so a
    // parent always comes before its children).
    for i in 0..quotes.len() {
        if let Some(p) = quotes[i].parent {
            if let Some(parent) = out[p].clone() {
                out[i] = Some(Attribution {
                    source: parent.source,
                    cue: parent.cue,
                    via: Via::Nested,
                });
            }
        }
    }
    (out, a.people)
}

/// How many tokens a pronoun or a participle looks over within its own sentence
/// for whom it refers to: a clause's subject from the clause's start, the nearest
/// person back from the pronoun. A sentence's narrative is shorter than this (each
/// quotation in it is a single token); a sentence that never ends must not be
/// rescanned for every cue in it.
const REACH: usize = 100;

/// The cue nearest token `t`, the earlier one on a tie. `cues` are in text order,
/// so this is a binary search: a sentence that never ends (a megabyte with no
/// full stop) may hold thousands of quotations and cues.
fn nearest_cue(cues: &[Cue], t: usize) -> Option<&Cue> {
    let i = cues.partition_point(|c| c.at < t);
    match (i.checked_sub(1).map(|b| &cues[b]), cues.get(i)) {
        (Some(before), Some(after)) if after.at - t < t - before.at => Some(after),
        (Some(before), _) => Some(before),
        (None, after) => after,
    }
}

/// A word or phrase that may attribute a quotation, found before anyone is linked:
/// where the search for cues stops does not depend on who the people turn out to
/// be, so on a long draft it is found on the second core while the first links
/// the people. Only finding each cue's source needs them.
#[derive(Debug, Clone, Copy)]
pub struct CueWord {
    at: u32,
    what: CueWordKind,
}

#[derive(Debug, Clone, Copy)]
enum CueWordKind {
    /// A phrase of this many tokens ("according to", "in a statement").
    Phrase(u16, PhraseSource),
    /// A participle, whose source is its clause's subject ("…, saying").
    Participle,
    /// A verb, with its source before or after it.
    Verb,
}

/// The cue words of every sentence, one sentence after another.
#[derive(Debug, Default)]
pub struct SentenceCues {
    words: Vec<CueWord>,
    /// Where each sentence's words start in `words`, and where the last ends.
    from: Vec<u32>,
}

impl SentenceCues {
    fn of(&self, si: usize) -> &[CueWord] {
        match (self.from.get(si), self.from.get(si + 1)) {
            (Some(&a), Some(&b)) => &self.words[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// The cue words of each sentence, in text order.
pub fn cue_words(
    tokens: &[Token],
    headlines: &[bool],
    sentences: &[Range<usize>],
    text: &str,
    lex: &Lexicon,
) -> SentenceCues {
    // A cue or two a sentence, a guess that spares most growing of the list.
    let mut words = Vec::with_capacity(sentences.len() * 2);
    let mut from = Vec::with_capacity(sentences.len() + 1);
    for s in sentences {
        from.push(words.len() as u32);
        // Only a cue word that can also describe a speaker asks, so it is looked up
        // then and at most once.
        let has_quote = std::cell::OnceCell::new();
        let has_quote =
            || *has_quote.get_or_init(|| s.clone().any(|t| tokens[t].quote().is_some()));
        let mut t = s.start;
        while t < s.end {
            // Most tokens can start no cue: a test of their flags passes them
            // (punctuation and quotations have none).
            let Some(skip) = tokens[t..s.end]
                .iter()
                .position(|tok| tok.has(flag::PHRASE_START | flag::CUE | flag::HEADLINE_CUE))
            else {
                break;
            };
            t += skip;
            let tok = tokens[t];
            if let Some((len, kind)) = phrase_at(tokens, text, lex, t, s.end) {
                words.push(CueWord {
                    at: t as u32,
                    what: CueWordKind::Phrase(len as u16, kind),
                });
                t += len;
                continue;
            }
            let headline = || headlines.get(tok.block()).copied().unwrap_or(false);
            let cue = tok.has(flag::CUE) || (tok.has(flag::HEADLINE_CUE) && headline());
            if cue && (!tok.has(flag::DESCRIPTION) || has_quote()) {
                let participle = tok.has(flag::PARTICIPLE)
                    && !t.checked_sub(1).is_some_and(|p| {
                        tokens[p].has(flag::AUX) || is_word(tokens, text, p, "been")
                    });
                words.push(CueWord {
                    at: t as u32,
                    what: if participle {
                        CueWordKind::Participle
                    } else {
                        CueWordKind::Verb
                    },
                });
            }
            t += 1;
        }
    }
    from.push(words.len() as u32);
    SentenceCues { words, from }
}

/// Whether token `t` is the word `w`, in any case.
fn is_word(tokens: &[Token], text: &str, t: usize, w: &str) -> bool {
    let tok = &tokens[t];
    tok.is_word() && text[tok.start()..tok.stem_end()].eq_ignore_ascii_case(w)
}

/// A multi-word cue phrase starting at `t` and ending before `end`: its length
/// in tokens and kind.
fn phrase_at(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    t: usize,
    end: usize,
) -> Option<(usize, PhraseSource)> {
    if !tokens[t].has(flag::PHRASE_START) {
        return None;
    }
    // Most phrases share their first words ("in a statement", "in a post"), so
    // each is told apart by its last word first.
    'phrases: for (words, kind) in &lex.cue_phrases {
        let n = words.len();
        if t + n > end
            || !tokens[t + n - 1].has(flag::PHRASE_END)
            || !is_word(tokens, text, t + n - 1, &words[n - 1])
        {
            continue;
        }
        for (k, w) in words[..n - 1].iter().enumerate() {
            if !is_word(tokens, text, t + k, w) {
                continue 'phrases;
            }
        }
        return Some((n, *kind));
    }
    None
}

impl<'a> Attributor<'a> {
    fn word(&self, t: usize) -> &'a str {
        let tok = &self.tokens[t];
        &self.text[tok.start()..tok.stem_end()]
    }

    fn is_word(&self, t: usize, w: &str) -> bool {
        is_word(self.tokens, self.text, t, w)
    }

    /// Every cue in sentence `si` whose source can be found, into `cues` (emptied
    /// first: one vector serves every sentence of the draft). `words` are the
    /// sentence's cue words, found beforehand by [`cue_words`].
    fn cues(&mut self, si: usize, s: Range<usize>, words: &[CueWord], cues: &mut Vec<Cue>) {
        cues.clear();
        for w in words {
            let t = w.at as usize;
            let (found, last) = match w.what {
                CueWordKind::Phrase(len, kind) => {
                    let len = usize::from(len);
                    let found = match kind {
                        PhraseSource::After => self.source_right(t + len, s.end, si),
                        PhraseSource::Subject => self.subject(si, s.start, t),
                    };
                    (found, t + len - 1)
                }
                CueWordKind::Participle => (
                    self.subject(si, s.start, t)
                        .or_else(|| self.source_right(t + 1, s.end, si)),
                    t,
                ),
                CueWordKind::Verb => (
                    self.source_left(t, s.start, si)
                        .or_else(|| self.source_right(t + 1, s.end, si)),
                    t,
                ),
            };
            if let Some((source, span)) = found {
                cues.push(Cue {
                    at: t,
                    words: CueWords {
                        verb: self.tokens[t].start()..self.tokens[last].end(),
                        source: span,
                    },
                    source,
                });
            }
        }
    }

    /// The source standing before a cue verb at `v`: "Trump posted", "Karoline
    /// Leavitt, the press secretary, said", "Trump has also said".
    fn source_left(&mut self, v: usize, start: usize, si: usize) -> Option<(Source, Range<usize>)> {
        let mut k = v.checked_sub(1)?;
        let mut skipped = 0;
        while k > start && skipped < 6 {
            if self.skippable(k) {
                k -= 1;
                skipped += 1;
            } else if k > start + 1
                && self.tokens[k].has(flag::DAY_MONTH)
                && ["on", "last", "this", "next"]
                    .iter()
                    .any(|w| self.is_word(k - 1, w))
            {
                // "Albers on Thursday called"
                k -= 2;
                skipped += 2;
            } else {
                break;
            }
        }
        if k < start {
            return None;
        }
        if ["and", "but"].iter().any(|w| self.is_word(k, w)) {
            // "Van Looy congratulated O'Brien but said": the clause's subject.
            return self.subject(si, start, k);
        }
        if self.comma_like(k) {
            // "his daughter, Rita Malone Hayes, said": the name in the apposition.
            if let Some(run) = k
                .checked_sub(1)
                .filter(|&p| p >= start)
                .and_then(|p| self.people.run_at(p))
            {
                // A candidate counts only when it is the whole apposition.
                let first = self.people.runs[run]
                    .title
                    .as_ref()
                    .map_or(self.people.runs[run].name.start, |t| t.start);
                let whole = first > start && self.comma_like(first - 1);
                match self.people.runs[run].class {
                    RunClass::Person(_) => return self.source_of_run(run, start, si),
                    RunClass::Candidate if whole => return self.source_of_run(run, start, si),
                    _ => {}
                }
            }
            // Appositions and relative clauses between the source and its verb:
            // "Sen. Daniel Ortiz, D-N.M., who voted for the bill, tweeted".
            let mut m = k;
            let floor = k.saturating_sub(40).max(start);
            while m > floor {
                m -= 1;
                let t = &self.tokens[m];
                if t.is_punct(';') || (t.is_punct('.') && !self.after_abbreviation(m)) {
                    return None;
                }
                if self.comma_like(m) && m > start {
                    // A place in an apposition ("a designer in Austin, Texas,") is
                    // where the source is, not who.
                    let place = self
                        .people
                        .run_at(m - 1)
                        .is_some_and(|r| self.people.runs[r].class == RunClass::Place);
                    if !place {
                        if let Some(found) = self.source_at(m - 1, start, si) {
                            return Some(found);
                        }
                    }
                }
            }
            // The clause opened the sentence: "Trump, who …, said".
            return self.subject(si, start, k);
        }
        self.source_at(k, start, si)
    }

    /// A comma, or a quotation ending in one ("Kamali, whom fans call “the Lion
    /// of Shiraz,” posted").
    fn comma_like(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.is_punct(',')
            || t.quote().is_some_and(|_| {
                self.text[t.start()..t.end()]
                    .trim_end_matches(|c: char| !crate::text::is_alphanumeric(c) && c != ',')
                    .ends_with(',')
            })
    }

    /// Whether the full stop at `m` ends an abbreviation or an initial ("No.", "N.M.").
    fn after_abbreviation(&self, m: usize) -> bool {
        m.checked_sub(1).is_some_and(|p| {
            let t = &self.tokens[p];
            let letters = self.text[t.start()..t.end()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count();
            t.is_word()
                && t.end() == self.tokens[m].start()
                && (t.has(flag::ABBREVIATION) || letters <= 2)
        })
    }

    fn skippable(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        if !matches!(t.kind(), Kind::Word(_)) {
            return false;
        }
        t.has(flag::AUX)
            || (t.kind() == Kind::Word(super::tokens::Case::Lower) && self.word(k).ends_with("ly"))
    }

    /// The source whose last token is `k` (looking leftwards).
    fn source_at(&mut self, k: usize, start: usize, si: usize) -> Option<(Source, Range<usize>)> {
        let tok = self.tokens[k];
        if let Some(run) = self.people.run_at(k) {
            // "Edward Alden of the Council on Foreign Relations said": the run is a
            // modifier; the source stands further left.
            let first = self.people.runs[run]
                .title
                .as_ref()
                .map_or(self.people.runs[run].name.start, |t| t.start);
            let modifies = !matches!(self.people.runs[run].class, RunClass::Person(_))
                && (1..=2).any(|back| {
                    first >= start + back && {
                        let p = &self.tokens[first - back];
                        p.is_word()
                            && p.has(flag::MODIFIER)
                            && p.kind() == Kind::Word(super::tokens::Case::Lower)
                    }
                });
            if modifies {
                if let Some(found) = self.head_before_modifier(k, start, si) {
                    return Some(found);
                }
            }
            return self.source_of_run(run, start, si);
        }
        if tok.has(flag::PRONOUN) {
            return self.pronoun(k, si).map(|s| (s, tok.start()..tok.end()));
        }
        if tok.has(flag::RELATIVE) {
            // "according to Putin, who emphasised": the antecedent before the comma,
            // or the head a little further left ("a joint statement released after
            // the meeting, which described").
            let p = k.checked_sub(1)?;
            let last = if self.tokens[p].is_punct(',') {
                p.checked_sub(1)?
            } else {
                p
            };
            if last < start {
                return None;
            }
            if let Some(found) = self.source_at(last, start, si) {
                return Some(found);
            }
            let floor = last.saturating_sub(8).max(start);
            for m in (floor..last).rev() {
                let t = &self.tokens[m];
                if !t.is_word() {
                    break;
                }
                if let Some(run) = self.people.run_at(m) {
                    if matches!(self.people.runs[run].class, RunClass::Person(_)) {
                        return self.source_of_run(run, start, si);
                    }
                }
                if t.has(flag::DESCRIPTION) {
                    return Some(self.description_ending(m, m, start));
                }
            }
            return None;
        }
        if tok.has(flag::DESCRIPTION) && tok.is_word() {
            let (src, span) = self.description_ending(k, k, start);
            // "a spokeswoman for the ministry said": the head before the modifier.
            let np_start = self.tokens.partition_point(|t| t.start() < span.start);
            if let Some(prep) = np_start.checked_sub(1).filter(|&p| p > start) {
                let modifier = ["for", "of", "at", "from", "with", "in", "close"]
                    .iter()
                    .any(|w| self.is_word(prep, w));
                if modifier && self.tokens[prep - 1].has(flag::DESCRIPTION) {
                    return Some(self.description_ending(prep - 1, k, start));
                }
            }
            return Some((src, span));
        }
        self.head_before_modifier(k, start, si)
    }

    /// A source head further left with a modifier after it: "a source familiar
    /// with the matter said", "Edward Alden of the Council said".
    fn head_before_modifier(
        &mut self,
        k: usize,
        start: usize,
        si: usize,
    ) -> Option<(Source, Range<usize>)> {
        let floor = k.saturating_sub(8).max(start);
        let mut m = k;
        while m > floor {
            m -= 1;
            let t = &self.tokens[m];
            if !t.is_word() {
                return None;
            }
            if t.has(flag::CUE) && !t.has(flag::DESCRIPTION) {
                return None;
            }
            let before_prep = self
                .tokens
                .get(m + 1)
                .is_some_and(|n| n.is_word() && n.has(flag::MODIFIER));
            if !before_prep {
                continue;
            }
            if let Some(run) = self.people.run_at(m) {
                if self.people.name_span(run, self.tokens).end == t.stem_end() {
                    return self
                        .source_of_run(run, start, si)
                        .map(|(s, sp)| (s, sp.start..self.tokens[k].end()));
                }
            }
            if t.has(flag::DESCRIPTION) {
                return Some(self.description_ending(m, k, start));
            }
        }
        None
    }

    fn source_of_run(
        &mut self,
        run: usize,
        _start: usize,
        _si: usize,
    ) -> Option<(Source, Range<usize>)> {
        let span = self.people.name_span(run, self.tokens);
        match self.people.runs[run].class {
            RunClass::Person(e) => Some((Source::Person(e), span)),
            RunClass::Candidate => {
                let e = self.people.promote(run, self.tokens, self.text)?;
                Some((Source::Person(e), span))
            }
            RunClass::Organisation | RunClass::Place => {
                // Keep a "the" written before it: "the Kremlin".
                let name_start = self.people.runs[run].name.start;
                let start_tok = self.people.runs[run]
                    .title
                    .as_ref()
                    .map_or(name_start, |t| t.start);
                let mut s = self.tokens[start_tok].start();
                if start_tok > 0 && self.is_word(start_tok - 1, "the") {
                    s = self.tokens[start_tok - 1].start();
                }
                let span = s..span.end;
                Some((
                    Source::Description {
                        span: span.clone(),
                        anonymous: false,
                        gender: Gender::Plural,
                    },
                    span,
                ))
            }
            RunClass::Other | RunClass::HeadlineWord => None,
        }
    }

    /// A description whose head noun is at `head` and which ends at `last`,
    /// extended left over its determiner and modifiers.
    fn description_ending(&self, head: usize, last: usize, start: usize) -> (Source, Range<usize>) {
        let mut first = head;
        let floor = head.saturating_sub(5).max(start);
        let mut m = head;
        while m > floor {
            m -= 1;
            let t = &self.tokens[m];
            if !t.is_word()
                || t.has(flag::CUE)
                || t.has(flag::AUX)
                || t.has(flag::PRONOUN)
                || t.has(flag::RELATIVE)
            {
                break;
            }
            if t.has(flag::DETERMINER) || t.possessive() {
                first = m;
                break;
            }
            if t.has(flag::STOP) {
                break;
            }
            first = m;
        }
        let span = self.tokens[first].start()..self.tokens[last].end();
        let head_tok = &self.tokens[head];
        // "a senior aide, who spoke on condition of anonymity": the clause after the
        // description can make it anonymous too.
        let clause_last = (last + 1..self.tokens.len().min(last + 16))
            .take_while(|&t| !self.tokens[t].is_punct('.') && self.tokens[t].quote().is_none())
            .last()
            .unwrap_or(last);
        // A phrase is matched word by word: "close to" is not in "disclose to",
        // nor "familiar with" in "unfamiliar with", and a line break or a double
        // space between its words does not hide it.
        let anonymous = head_tok.has(flag::ANONYMOUS)
            || (first..=clause_last).any(|t| {
                self.tokens[t].has(flag::ANONYMOUS_PHRASE_START)
                    && self.lex.anonymous_phrases.iter().any(|phrase| {
                        t + phrase.len() <= clause_last + 1
                            && phrase
                                .iter()
                                .enumerate()
                                .all(|(k, w)| self.is_word(t + k, w))
                    })
            });
        (
            Source::Description {
                span: span.clone(),
                anonymous,
                gender: head_tok.info().gender,
            },
            span,
        )
    }

    /// The source after a cue: "said Edward Alden", "according to Putin",
    /// "said a spokeswoman for the ministry".
    fn source_right(
        &mut self,
        from: usize,
        end: usize,
        si: usize,
    ) -> Option<(Source, Range<usize>)> {
        let mut k = from;
        let start = self.sentences[si].start;
        let mut determiner = false;
        // "said economist Jane Doe", "said the president", "said an engineer who …"
        while k < end && k < from + 6 {
            let t = self.tokens[k];
            if !t.is_word() {
                return None;
            }
            if let Some(run) = self.people.run_at(k) {
                return self.source_of_run(run, start, si);
            }
            if t.has(flag::PRONOUN) && k == from {
                return self.pronoun(k, si).map(|s| (s, t.start()..t.end()));
            }
            // "said economist Jane Doe": a description before a name is a title.
            if t.has(flag::DESCRIPTION) && self.people.run_at(k + 1).is_none() {
                return Some(self.description_ending(k, k, from));
            }
            let lower = t.kind() == Kind::Word(super::tokens::Case::Lower);
            if determiner
                && lower
                && !t.has(flag::CUE)
                && !t.has(flag::AUX)
                && !t.has(flag::STOP)
                && self.noun_phrase_ends(k + 1, end)
            {
                // A head noun the lists do not know: "said a glaciologist".
                return Some(self.description_ending(k, k, from));
            }
            if !(t.has(flag::DETERMINER)
                || t.has(flag::TITLE)
                || t.has(flag::ADJECTIVE)
                || lower && !t.has(flag::CUE))
            {
                return None;
            }
            if t.has(flag::CUE) || t.has(flag::STOP) && !t.has(flag::DETERMINER) {
                return None;
            }
            determiner |= t.has(flag::DETERMINER);
            k += 1;
        }
        None
    }

    /// Whether a noun phrase ends before token `k`: punctuation, the end, a
    /// capital, or a word that starts a modifier ("who", "for", "at").
    fn noun_phrase_ends(&self, k: usize, end: usize) -> bool {
        if k >= end {
            return true;
        }
        let t = &self.tokens[k];
        !t.is_word()
            || t.is_capitalised()
            || [
                "who", "for", "of", "at", "with", "in", "from", "on", "and", "after", "before",
                "while", "as", "to", "said",
            ]
            .iter()
            .any(|w| self.is_word(k, w))
    }

    /// The subject of sentence `si`, for a participle or a phrase at `before`:
    /// the source of an earlier cue in the sentence, else its first source.
    fn subject(
        &mut self,
        si: usize,
        start: usize,
        before: usize,
    ) -> Option<(Source, Range<usize>)> {
        let clause = self.clause_start(start, before);
        let mut fallback: Option<usize> = None;
        let mut depth = 0i32;
        for t in clause..before.min(clause + REACH) {
            let tok = self.tokens[t];
            match tok.kind() {
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => depth -= 1,
                _ => {}
            }
            if depth > 0 || tok.quote().is_some() {
                continue;
            }
            if let Some(run) = self.people.run_at(t) {
                // "Sharma’s office": the person only owns the source.
                let owner = tok.possessive()
                    && self
                        .tokens
                        .get(t + 1)
                        .is_some_and(|n| n.is_word() && n.has(flag::DESCRIPTION));
                if owner {
                    let (src, span) = self.description_ending(t + 1, t + 1, start);
                    return Some((src, span));
                }
                match self.people.runs[run].class {
                    RunClass::Person(_) => return self.source_of_run(run, start, si),
                    // A lone capitalised word opening the sentence ("Opposition
                    // leader …") is too weak to be its subject.
                    RunClass::Candidate | RunClass::Organisation
                        if fallback.is_none()
                            && !(t == start && self.people.runs[run].name.len() == 1) =>
                    {
                        fallback = Some(run)
                    }
                    _ => {}
                }
                continue;
            }
            if tok.has(flag::PRONOUN) {
                if let Some(s) = self.pronoun(t, si) {
                    return Some((s, tok.start()..tok.end()));
                }
                continue;
            }
            let titles_a_name = self.people.run_at(t + 1).is_some();
            if fallback.is_none()
                && !titles_a_name
                && tok.has(flag::DESCRIPTION)
                && self
                    .tokens
                    .get(t + 1)
                    .is_some_and(|n| !n.has(flag::DESCRIPTION))
            {
                // Only a description in subject position: one with a determiner,
                // or one that opens the sentence. A name set beside it wins
                // ("Merseyside’s police commissioner, Andrea Kerr, praised").
                let (src, span) = self.description_ending(t, t, start);
                if span.start < tok.start() || t == clause {
                    if let Some(run) = self.apposed_person(t + 1, before) {
                        return self.source_of_run(run, start, si);
                    }
                    return Some((src, span));
                }
            }
        }
        fallback.and_then(|run| self.source_of_run(run, start, si))
    }

    /// A person set off by commas right after a description: ", Andrea Kerr,".
    fn apposed_person(&self, from: usize, before: usize) -> Option<usize> {
        let comma = (from..before.min(from + 6)).find(|&t| self.tokens[t].is_punct(','))?;
        let run = self.people.run_at(comma + 1)?;
        let r = &self.people.runs[run];
        let after = r.name.end;
        let closed = self.tokens.get(after).is_some_and(|t| t.is_punct(','));
        (closed && matches!(r.class, RunClass::Person(_) | RunClass::Candidate)).then_some(run)
    }

    /// Where the main clause starts: after an opening phrase such as "In a later
    /// interview with the Financial Times," or "Speaking from Sochi,".
    fn clause_start(&self, start: usize, before: usize) -> usize {
        let first = &self.tokens[start];
        let opener = first.is_word()
            && (first.has(flag::STOP) && !first.has(flag::DETERMINER) && !first.has(flag::PRONOUN)
                || self.word(start).ends_with("ing")
                || self.word(start).ends_with("ed"));
        if !opener {
            return start;
        }
        (start..before.min(start + REACH))
            .find(|&t| self.tokens[t].is_punct(','))
            .map_or(start, |c| c + 1)
    }

    /// The person or description a pronoun at token `k` refers to: the nearest
    /// fitting one before it, preferring an earlier sentence's speaker, then its
    /// subject (first person named), then whoever was named last.
    fn pronoun(&mut self, k: usize, si: usize) -> Option<Source> {
        let g = self.tokens[k].info().gender;
        let start = self.sentences[si].start;
        // In this sentence, before the pronoun: its subject first, then the nearest.
        let mut here = (start..k.min(start + REACH)).filter_map(|t| self.people.person_at(t));
        if let Some(first) = here.next() {
            let nearest = (start.max(k.saturating_sub(REACH))..k)
                .rev()
                .filter_map(|t| self.people.person_at(t));
            for e in std::iter::once(first).chain(nearest) {
                if self.fits(&Source::Person(e), g) {
                    return Some(Source::Person(e));
                }
            }
        }
        let block = self.tokens[k].block();
        for s in (0..si).rev().take(12) {
            let sal = &self.salience[s];
            if block.saturating_sub(sal.block) > 4 {
                break;
            }
            let cue_sources = &self.cue_sources[sal.cue_sources.clone()];
            if let Some(found) = cue_sources.iter().find(|o| self.fits(o, g)) {
                return Some(found.clone());
            }
            let named = &self.persons[sal.persons.clone()];
            let subject = named.first().into_iter();
            let persons = subject.chain(named.iter().rev());
            if let Some(&e) = persons
                .into_iter()
                .find(|&&e| self.fits(&Source::Person(e), g))
            {
                return Some(Source::Person(e));
            }
        }
        None
    }

    fn fits(&self, s: &Source, g: Gender) -> bool {
        match s {
            Source::Person(e) => g != Gender::Plural && self.people.entities[*e].gender.fits(g),
            Source::Description { gender, .. } => match g {
                Gender::Plural => *gender == Gender::Plural || *gender == Gender::Unknown,
                _ => *gender == g || *gender == Gender::Unknown,
            },
        }
    }

    /// Fallbacks for quotations with no cue of their own: the speaker of the
    /// quotation before it in the paragraph, after it in the paragraph, or — for a
    /// paragraph that opens with a quotation — of the paragraph before, provided
    /// nobody else is named in between.
    fn continuing(
        &self,
        out: &mut [Option<Attribution>],
        placed: &[(usize, usize, usize)],
        quotes: &[RawQuote],
        cues_by_token: &[(usize, Source)],
    ) {
        for i in 0..placed.len() {
            let (q, t, si) = placed[i];
            if out[q].is_some() {
                continue;
            }
            let block_of = |tok: usize| self.tokens[tok].block();
            let opens_block = t == 0 || self.tokens[t - 1].block() < quotes[q].blocks.0;
            // Backwards: an attributed quotation earlier in the same paragraph, or in
            // the paragraph before when this one opens its paragraph.
            let mut found = None;
            if let Some(j) = i.checked_sub(1) {
                let (pq, pt, _) = placed[j];
                let same_block = block_of(pt) == quotes[q].blocks.0 || block_of(pt) == block_of(t);
                let prev_block = self.tokens[pt].block() + 1 == quotes[q].blocks.0;
                if let Some(prev) = &out[pq] {
                    // In one paragraph the speaker holds until another is cued; across
                    // paragraphs only when nobody else is even named.
                    let holds = if same_block {
                        self.no_other_cue(pt + 1, t, &prev.source, cues_by_token)
                    } else {
                        prev_block && opens_block && self.nobody_else(pt + 1, t, &prev.source)
                    };
                    if holds {
                        found = Some(prev.source.clone());
                    }
                }
            }
            // A colon-ended sentence just before ("The ministry said in a statement:").
            if found.is_none() && si > 0 {
                let sal = &self.salience[si - 1];
                if sal.ends_with_colon {
                    found = self.cue_sources[sal.cue_sources.clone()].last().cloned();
                }
            }
            // Forwards: the next quotation in the same paragraph has a cue.
            if found.is_none() {
                if let Some(&(nq, nt, _)) = placed.get(i + 1) {
                    if block_of(nt) == block_of(t) {
                        if let Some(next) = &out[nq] {
                            if next.via == Via::Cue
                                && self.no_other_cue(t + 1, nt, &next.source, cues_by_token)
                            {
                                found = Some(next.source.clone());
                            }
                        }
                    }
                }
            }
            if let Some(source) = found {
                out[q] = Some(Attribution {
                    source,
                    cue: None,
                    via: Via::Continuing,
                });
            }
        }
    }

    /// Whether no cue in tokens `from..to` credits someone other than `source`.
    fn no_other_cue(
        &self,
        from: usize,
        to: usize,
        source: &Source,
        cues: &[(usize, Source)],
    ) -> bool {
        let lo = cues.partition_point(|(t, _)| *t < from);
        cues[lo..]
            .iter()
            .take_while(|(t, _)| *t < to)
            .all(|(_, s)| s == source)
    }

    /// Whether tokens `from..to` name no person other than the one in `source`.
    fn nobody_else(&self, from: usize, to: usize, source: &Source) -> bool {
        (from..to).all(|t| match self.people.person_at(t) {
            Some(e) => *source == Source::Person(e),
            None => true,
        })
    }
}
