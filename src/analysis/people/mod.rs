//! People named in the narrative: name runs, their titles, and the entities they
//! refer to.
//!
//! A capitalised run ("US Vice President JD Vance") splits into the title as the
//! story gives it ("US Vice President") and the name ("JD Vance"). A run counts as a
//! person only on evidence: a title or honorific, a known given name, being the
//! source of a cue, or sharing a surname with a person already known. Places and
//! organisations come from word lists, so "Truth Social" or "Kyiv" never become
//! people. A bare surname ("Putin", "Mr. Vance") links to the full-name entity.

mod runs;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{Flags, Gender, Lexicon, lowercase};
use super::marks::RawQuote;
use super::tokens::{self, Case, Kind, Token};

/// What a capitalised run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunClass {
    /// A person, linked to this entity.
    Person(usize),
    /// A person by its own evidence (a title, a known given name), not yet linked.
    Unlinked,
    /// Could be a person; becomes one if the text treats it as one (a cue's source).
    Candidate,
    /// A capitalised run in a title-case headline that matches nobody known:
    /// capitals there say nothing, so it never becomes a person.
    HeadlineWord,
    Organisation,
    Place,
    Other,
}

#[derive(Debug, Clone)]
pub struct NameRun {
    /// Token indices of the name itself (without the title).
    pub name: Range<usize>,
    /// Token indices of the title before it, if any.
    pub title: Option<Range<usize>>,
    pub class: RunClass,
    /// Number of words in the name.
    pub words: usize,
}

impl NameRun {
    /// The first token of the run, title included.
    pub fn first_token(&self) -> usize {
        self.title.as_ref().map_or(self.name.start, |t| t.start)
    }
}

/// One person the story names.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The name as the story first gives it in full.
    pub name: String,
    /// Lowercase surname, the key that bare mentions link by.
    pub surname: String,
    pub gender: Gender,
    /// Titles as the story gives them, in order of first use.
    pub titles: Vec<String>,
    /// Byte spans of every mention (name only, without a possessive ending).
    pub mentions: Vec<Range<usize>>,
}

/// Lookups from lowercase name parts to full-name entities, so linking a mention
/// costs the same however long the story is.
#[derive(Default)]
struct NameIndex {
    by_full: FxHashMap<String, usize>,
    by_surname: FxHashMap<String, Vec<usize>>,
    by_given: FxHashMap<String, Vec<usize>>,
    /// Every shorter tail of a full name ("de vries", "vries"), for runs such as
    /// "De Vries" that drop the given name.
    by_tail: FxHashMap<String, Vec<usize>>,
    /// People the story names by one word only ("Reed"), so each is one entity.
    by_single: FxHashMap<String, usize>,
}

/// The longest name tail looked up alone, in words: a line set in capitals can
/// make a run of thousands of words, which must not index every tail of itself.
const MAX_TAIL_WORDS: usize = 5;

impl NameIndex {
    fn add(&mut self, e: usize, name: &str, surname: &str, full: bool) {
        let lower = lower_name(name);
        if !full {
            self.by_single.entry(lower).or_insert(e);
            return;
        }
        self.by_surname
            .entry(surname.to_string())
            .or_default()
            .push(e);
        if let Some(given) = lower.split(' ').next() {
            self.by_given.entry(given.to_string()).or_default().push(e);
        }
        for (i, _) in lower.rmatch_indices(' ').take(MAX_TAIL_WORDS) {
            let v = self.by_tail.entry(lower[i + 1..].to_string()).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        }
        self.by_full.insert(lower, e);
    }
}

pub struct People {
    pub entities: Vec<Entity>,
    index: NameIndex,
    /// In text order, none overlapping another.
    pub runs: Vec<NameRun>,
}

/// Whether a capital letter follows the first word.
fn capital_after_first_word(s: &str) -> bool {
    s.split_whitespace()
        .skip(1)
        .any(|w| w.chars().any(char::is_uppercase))
}

/// Lowercase name with whitespace collapsed, for comparing two spellings of a run.
pub fn lower_name(s: &str) -> String {
    lowercase(&crate::text::spaced(s)).into_owned()
}

impl People {
    /// Finds the name runs in `tokens` and links them into people. `headline(block)`
    /// tells whether a paragraph is set in title case, where capitals say
    /// nothing and only names already known count.
    pub fn find(
        tokens: &[Token],
        text: &str,
        lex: &Lexicon,
        headline: &dyn Fn(usize) -> bool,
    ) -> People {
        let mut people = People {
            entities: Vec::new(),
            index: NameIndex::default(),
            runs: runs::find(tokens, text, lex, headline),
        };
        people.link(tokens, text);
        people
    }

    /// The names inside top-level quotations (span of the name, words in it),
    /// which count as mentions of a person the story names. A quotation with no
    /// capital past its first word names nobody: its first capital is the
    /// sentence's own.
    pub fn names_in_quotations(
        masked: &str,
        quotes: &[RawQuote],
        lex: &Lexicon,
    ) -> Vec<(Range<usize>, usize)> {
        let inners: Vec<Range<usize>> = quotes
            .iter()
            .filter(|q| q.parent.is_none() && capital_after_first_word(&masked[q.inner.clone()]))
            .map(|q| q.inner.clone())
            .collect();
        let tokens = tokens::tokenize(masked, &inners, &[], lex);
        let runs = runs::find(&tokens, masked, lex, &|_| false);
        runs.iter()
            .filter(|r| matches!(r.class, RunClass::Unlinked | RunClass::Candidate))
            .map(|r| {
                (
                    tokens[r.name.start].start()..tokens[r.name.end - 1].stem_end(),
                    r.words,
                )
            })
            .collect()
    }

    /// The run a token belongs to, title included.
    pub fn run_at(&self, token: usize) -> Option<usize> {
        let after = self.runs.partition_point(|r| r.first_token() <= token);
        after
            .checked_sub(1)
            .filter(|&r| token < self.runs[r].name.end)
    }

    /// The people named in tokens `range`, in order, one named twice in a row
    /// once.
    pub fn persons_in(&self, range: Range<usize>) -> Vec<usize> {
        let from = self.runs.partition_point(|r| r.name.end <= range.start);
        let mut out: Vec<usize> = Vec::new();
        for r in self.runs[from..]
            .iter()
            .take_while(|r| r.first_token() < range.end)
        {
            if let RunClass::Person(e) = r.class {
                if out.last() != Some(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The person a token names, if any.
    pub fn person_at(&self, token: usize) -> Option<usize> {
        match self.runs[self.run_at(token)?].class {
            RunClass::Person(e) => Some(e),
            _ => None,
        }
    }

    /// Turns a candidate run into a person, because the text treats it as one.
    pub fn promote(&mut self, run: usize, tokens: &[Token], text: &str) -> Option<usize> {
        match self.runs[run].class {
            RunClass::Person(e) => Some(e),
            RunClass::Candidate | RunClass::Unlinked => {
                let e = self.entity_for(run, tokens, text, true)?;
                self.runs[run].class = RunClass::Person(e);
                Some(e)
            }
            _ => None,
        }
    }

    /// Byte span of a run's name.
    pub fn name_span(&self, run: usize, tokens: &[Token]) -> Range<usize> {
        let r = &self.runs[run].name;
        tokens[r.start].start()..tokens[r.end - 1].stem_end()
    }

    /// The entity a run names, made anew when `allow_new` (or for a full name)
    /// and nobody known fits; the run's mention and title are recorded on it.
    fn entity_for(
        &mut self,
        run: usize,
        tokens: &[Token],
        text: &str,
        allow_new: bool,
    ) -> Option<usize> {
        let span = self.name_span(run, tokens);
        let name_words: Vec<usize> = self.runs[run]
            .name
            .clone()
            .filter(|&i| tokens[i].is_word())
            .collect();
        let (&first, &last) = (name_words.first()?, name_words.last()?);
        let words = name_words.len();
        let surname = lowercase(tokens[last].stem(text)).into_owned();
        // An honorific (Mr., Ms.) tells a person's gender; a given name tells it
        // better than a job title does ("Trump spokesman Hope Hicks").
        let title = self.runs[run].title.clone().unwrap_or_default();
        let gender_of = |honorific: bool| {
            title
                .clone()
                .filter(|&i| tokens[i].has(Flags::HONORIFIC) == honorific)
                .map(|i| tokens[i].info().gender)
                .find(|g| *g != Gender::Unknown)
                .unwrap_or_default()
        };
        let honorific_gender = gender_of(true);
        let title_gender = match honorific_gender {
            Gender::Unknown => gender_of(false),
            known => known,
        };
        let known = if words == 1 {
            self.link_surname(&surname, title_gender, span.start)
                .or_else(|| self.known_by_part(&surname, 1))
                .or_else(|| self.index.by_single.get(&surname).copied())
        } else {
            let full = lower_name(&text[span.clone()]);
            self.index
                .by_full
                .get(&full)
                .copied()
                .or_else(|| self.known_by_part(&full, words))
        };
        let e = match known {
            Some(e) => e,
            None if allow_new || words > 1 => {
                let given_gender = if words > 1 {
                    tokens[first].info().gender
                } else {
                    Gender::Unknown
                };
                let name = text[span.clone()].to_string();
                let e = self.entities.len();
                self.index.add(e, &name, &surname, words > 1);
                self.entities.push(Entity {
                    name,
                    surname,
                    gender: [honorific_gender, given_gender, title_gender]
                        .into_iter()
                        .find(|g| *g != Gender::Unknown)
                        .unwrap_or_default(),
                    titles: Vec::new(),
                    mentions: Vec::new(),
                });
                e
            }
            None => return None,
        };
        let ent = &mut self.entities[e];
        ent.mentions.push(span);
        if ent.gender == Gender::Unknown {
            ent.gender = title_gender;
        }
        if let Some(t) = &self.runs[run].title {
            let title = &text[tokens[t.start].start()..tokens[t.end - 1].end()];
            let honorific_only = t.clone().all(|i| {
                !tokens[i].is_word()
                    || tokens[i].has(Flags::ABBREVIATION)
                    || tokens[i].end() - tokens[i].start() <= 3
            });
            if !honorific_only && !ent.titles.iter().any(|x| x.eq_ignore_ascii_case(title)) {
                ent.titles.push(title.to_string());
            }
        }
        Some(e)
    }

    /// The full-name entity that a shorter run names: the end of its name ("De
    /// Vries" for "Leo de Vries"), or, when nobody has it as a surname, its given
    /// name ("Faisal" for "Faisal bin Nasser").
    fn known_by_part(&self, key: &str, words: usize) -> Option<usize> {
        let unique = |v: Option<&Vec<usize>>| match v.map(Vec::as_slice) {
            Some([e]) => Some(*e),
            _ => None,
        };
        if words == 1 {
            if self.index.by_surname.contains_key(key) {
                return None;
            }
            return unique(self.index.by_given.get(key));
        }
        unique(self.index.by_tail.get(key))
    }

    /// The entity a bare surname refers to: the one of that surname mentioned
    /// last before `at`, else the first after it; gender from an honorific decides
    /// between relatives.
    fn link_surname(&self, surname: &str, gender: Gender, at: usize) -> Option<usize> {
        let candidates: Vec<usize> = self
            .index
            .by_surname
            .get(surname)?
            .iter()
            .copied()
            .filter(|&e| self.entities[e].gender.fits(gender))
            .collect();
        if candidates.len() <= 1 {
            return candidates.first().copied();
        }
        // Relatives who share a surname: whoever was named last before it.
        candidates.into_iter().max_by_key(|&e| {
            self.entities[e]
                .mentions
                .iter()
                .filter(|m| m.start < at)
                .map(|m| m.start + 1)
                .max()
                .unwrap_or(0)
        })
    }

    /// Links runs to entities: full names first, then surnames and shorter forms.
    fn link(&mut self, tokens: &[Token], text: &str) {
        // A full name whose surname the story also uses alone is a person: that
        // is how news copy refers to people ("Priya Raman … Raman said"). The
        // same goes for "Van Rijn" after "Joost van Rijn".
        let name_like: FxHashSet<String> = (0..self.runs.len())
            .filter(|&r| {
                matches!(
                    self.runs[r].class,
                    RunClass::Candidate
                        | RunClass::Unlinked
                        | RunClass::Person(_)
                        | RunClass::HeadlineWord
                )
            })
            .map(|r| lower_name(&text[self.name_span(r, tokens)]))
            .collect();
        for r in 0..self.runs.len() {
            if self.runs[r].class != RunClass::Candidate || self.runs[r].words < 2 {
                continue;
            }
            // "Former Carson advisers": an adjective qualifies the name; it
            // gives no one a first name.
            let first = &tokens[self.runs[r].name.start];
            if first.has(Flags::ADJECTIVE) && !first.has(Flags::GIVEN) {
                continue;
            }
            let full = lower_name(&text[self.name_span(r, tokens)]);
            let reused = full
                .match_indices(' ')
                .any(|(i, _)| name_like.contains(&full[i + 1..]));
            if reused {
                self.runs[r].class = RunClass::Unlinked;
            }
        }
        // A name set off by an age or by who they are is a person: "Carole Bower,
        // 75, a retiree", "Ebeling, a friend of the family".
        for r in 0..self.runs.len() {
            if self.runs[r].class == RunClass::Candidate && self.introduced(r, tokens) {
                self.runs[r].class = RunClass::Unlinked;
            }
        }
        // Full names first, longest first, so a bare surname or a shorter form
        // ("De Wit" for "Bram de Wit") links wherever it stands.
        let mut order: Vec<usize> = (0..self.runs.len())
            .filter(|&r| self.runs[r].class == RunClass::Unlinked && self.runs[r].words > 1)
            .collect();
        order.sort_by_key(|&r| std::cmp::Reverse(self.runs[r].words));
        for r in order {
            if let Some(e) = self.entity_for(r, tokens, text, true) {
                self.runs[r].class = RunClass::Person(e);
            }
        }
        for r in 0..self.runs.len() {
            let run = &self.runs[r];
            let (class, words) = (run.class, run.words);
            let surname = lowercase(tokens[run.name.end - 1].stem(text)).into_owned();
            let known_surname = self.index.by_surname.contains_key(&surname);
            match class {
                RunClass::Unlinked => {
                    if let Some(e) = self.entity_for(r, tokens, text, true) {
                        self.runs[r].class = RunClass::Person(e);
                    }
                }
                // "Montenegro" is a country, unless the story has a Rafael Montenegro.
                RunClass::Place | RunClass::Organisation if words == 1 && known_surname => {
                    if let Some(e) = self.entity_for(r, tokens, text, false) {
                        self.runs[r].class = RunClass::Person(e);
                    }
                }
                RunClass::Candidate | RunClass::HeadlineWord => {
                    let span = self.name_span(r, tokens);
                    let key = lower_name(&text[span.clone()]);
                    if words == 1 && self.index.by_surname.contains_key(&key) {
                        // A surname: linked with recency and honorifics.
                        if let Some(e) = self.entity_for(r, tokens, text, false) {
                            self.runs[r].class = RunClass::Person(e);
                        }
                    } else if let Some(e) = self.known_by_part(&key, words) {
                        self.entities[e].mentions.push(span);
                        self.runs[r].class = RunClass::Person(e);
                    }
                }
                _ => {}
            }
        }
        for r in 0..self.runs.len() {
            if let RunClass::Person(e) = self.runs[r].class {
                if let Some(title) = self.apposition_title(r, tokens, text) {
                    let ent = &mut self.entities[e];
                    if !ent.titles.iter().any(|t| t.eq_ignore_ascii_case(&title)) {
                        ent.titles.push(title);
                    }
                }
            }
        }
    }

    /// Whether a comma after run `r` opens an age or a description of who the
    /// run is: ", 75,", ", a retiree", ", the county clerk".
    fn introduced(&self, r: usize, tokens: &[Token]) -> bool {
        let after = self.runs[r].name.end;
        if !tokens.get(after).is_some_and(|t| t.is_punct(',')) {
            return false;
        }
        let Some(next) = tokens.get(after + 1) else {
            return false;
        };
        if next.kind() == Kind::Word(Case::Other) {
            // An age: digits, then a comma.
            return tokens.get(after + 2).is_some_and(|t| t.is_punct(','));
        }
        next.has(Flags::DETERMINER)
            && (after + 2..tokens.len().min(after + 6))
                .take_while(|&k| tokens[k].is_word())
                .any(|k| tokens[k].has(Flags::DESCRIPTION | Flags::TITLE))
    }

    /// A title set after the name: "Karoline Leavitt, the White House press
    /// secretary," or "Edward Alden of the Council on Foreign Relations".
    fn apposition_title(&self, run: usize, tokens: &[Token], text: &str) -> Option<String> {
        let after = self.runs[run].name.end;
        let next = tokens.get(after)?;
        if next.is_word() && next.has(Flags::OF) {
            // Affiliation: the organisation named right after "of (the)".
            let mut k = after + 1;
            if tokens.get(k).is_some_and(|t| t.has(Flags::DETERMINER)) {
                k += 1;
            }
            let org = self.run_at(k)?;
            if self.runs[org].class != RunClass::Organisation {
                return None;
            }
            return Some(text[self.name_span(org, tokens)].to_string());
        }
        if !next.is_punct(',') {
            return None;
        }
        // ", the White House press secretary," — up to the next comma or full stop.
        let start = after + 1;
        let end = (start..tokens.len().min(start + 9)).find(|&k| !tokens[k].is_word())?;
        if end == start || !(tokens[end].is_punct(',') || tokens[end].is_punct('.')) {
            return None;
        }
        let head = &tokens[end - 1];
        let titled = head.is_lowercase_word() && head.has(Flags::TITLE | Flags::DESCRIPTION);
        if !titled || (start..end).any(|k| tokens[k].has(Flags::CUE | Flags::PRONOUN)) {
            return None;
        }
        let first = if tokens[start].has(Flags::DETERMINER) {
            start + 1
        } else {
            start
        };
        if first >= end || tokens[first].has(Flags::DETERMINER) {
            return None;
        }
        Some(text[tokens[first].start()..head.end()].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Language;
    use crate::analysis::{marks, tokens};
    use crate::text::{Format, ProseMap};

    fn people_of(text: &str) -> Vec<(String, Vec<String>, usize)> {
        let lex = Lexicon::for_language(Language::English);
        let map = ProseMap::new(text, Format::PlainText);
        let (q, _) = marks::scan(&map.masked, &map.blocks, lex);
        let toks = tokens::tokenize(&map.masked, &map.blocks, &q, lex);
        let people = People::find(&toks, &map.masked, lex, &|_| false);
        people
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.titles.clone(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn a_bare_surname_links_to_the_full_name_and_titles_are_kept() {
        let people = people_of(
            "Secretary of State Dana Whitfield arrived. Whitfield said little. \
             Karoline Leavitt, the press secretary, spoke to Ms. Whitfield.",
        );
        assert_eq!(
            people,
            [
                (
                    "Dana Whitfield".into(),
                    vec!["Secretary of State".into()],
                    3
                ),
                ("Karoline Leavitt".into(), vec!["press secretary".into()], 1),
            ]
        );
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        assert!(people_of("Officials in Kyiv told Reuters and the White House.").is_empty());
    }

    #[test]
    fn particles_stay_inside_a_name() {
        let people = people_of("Ursula von der Leyen met Mohammed bin Salman.");
        let names: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ursula von der Leyen", "Mohammed bin Salman"]);
    }
}
