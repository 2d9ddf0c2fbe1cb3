//! One person, one spelling.
//!
//! Mentions that name the same person differently (Zelensky / Zelenskyy, Leavitt /
//! Leavit, Erdoğan / Erdogan, JD / J.D., Karoline / Caroline) are gathered under the
//! person they belong to, and each mention is given the spelling the story should
//! use. The spelling that wins is the newsroom's house list, else the story's
//! first full-name mention unless the story writes its surname otherwise more
//! often (`winner.rs`). A name in another form (capitals, "the Clintons", a
//! middle initial) keeps its own spelling (`forms.rs`). The `name-spelling` and
//! `first-reference` rules report from what this stage settles.
//!
//! Looking alike is not enough: two spellings are only one person's when they are
//! close in letters or in sound, and the story does not show two people (both
//! spellings named in full, each more than once). Places, organisations, days and
//! plain words never take part.

mod forms;
mod likeness;
mod winner;

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use likeness::{
    FoldedName, given_of, is_single_word, likeness_and_distance, names_alike, surname_of, tail,
    words,
};
pub use likeness::{Likeness, fold, likeness};

use super::lexicon::Lexicon;
use super::people::{NameRun, People, RunClass};
use super::tokens::{Case, Kind, Token};
use crate::text::spaced;

/// A person the newsroom spells a set way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HouseName {
    pub name: String,
    pub title: Option<String>,
    /// Spellings that are always wrong for this person.
    pub variants: Vec<String>,
}

/// Whether a house-list entry is the person the story names `story_name`: the
/// same person by both name parts, or a listed variant.
pub fn house_matches(h: &HouseName, story_name: &str) -> bool {
    let by_name = likeness(surname_of(&h.name), surname_of(story_name)) != Likeness::None
        && likeness(given_of(&h.name), given_of(story_name)) != Likeness::None;
    by_name
        || h.variants.iter().any(|v| {
            let part = if words(v).len() > 1 {
                story_name
            } else {
                surname_of(story_name)
            };
            fold(v) == fold(part)
        })
}

/// One mention of a person, with the spelling the story should give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// As written, whitespace collapsed.
    pub written: String,
    /// As the winning spelling has it, for the part of the name this mention gives.
    pub expected: String,
    /// In a headline or inside a quotation: never a first reference, and not
    /// where a reader is shown a spelling.
    pub aside: bool,
}

/// Every mention of one person, in text order, and the spelling that wins.
#[derive(Debug, Clone)]
pub struct NameCluster {
    pub winner: String,
    /// The winner comes from the house list.
    pub house: bool,
    pub mentions: Vec<Mention>,
}

/// What the spelling stage settles.
#[derive(Debug, Default)]
pub struct Spellings {
    /// For each entity, the entity it is one person with (itself when canonical).
    pub canonical: Vec<usize>,
    /// Mentions found beyond the entities' own (variants, names inside quotations),
    /// with their canonical entity.
    pub extra_mentions: Vec<(usize, Range<usize>)>,
    /// One cluster for each person named in full.
    pub clusters: Vec<NameCluster>,
}

/// What the spelling stage reads of the draft.
pub struct Draft<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentence_starts: &'a [usize],
    /// Whether a byte offset lies in a headline block or inside a quotation.
    pub aside: &'a dyn Fn(usize) -> bool,
    /// Name runs found inside quotations: (span, words).
    pub quoted_runs: &'a [(Range<usize>, usize)],
}

/// Whether a capitalised word the lists do not know is a mention worth comparing:
/// not a verb or adverb ("Putting", "Finally"), not a plural family name ("the
/// Obamas").
fn plausible_name(word: &str, text: &str, start: usize, lex: &Lexicon) -> bool {
    if lex.suffixes.not_a_name(word) {
        return false;
    }
    let before = text[..start].trim_end();
    let after_the = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| lex.word(w).has(super::lexicon::Flags::THE));
    !(word.to_lowercase().ends_with('s') && after_the)
}

/// Folds variant spellings into the people they belong to and settles each
/// mention's spelling.
pub fn resolve(
    people: &mut People,
    draft: &Draft,
    house: &[HouseName],
    lex: &Lexicon,
) -> Spellings {
    let text = draft.text;
    promote_full_names_of_lone_surnames(people, draft);
    let people: &People = people;
    let n = people.entities.len();
    let mut canonical: Vec<usize> = (0..n).collect();
    let full: Vec<bool> = people
        .entities
        .iter()
        .map(|e| !is_single_word(&e.name))
        .collect();
    let full_mentions: Vec<usize> = people
        .entities
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .filter(|m| !is_single_word(&text[(*m).clone()]))
                .count()
        })
        .collect();
    let surnames: Vec<String> = people
        .entities
        .iter()
        .map(|e| fold(surname_of(&e.name)))
        .collect();
    // Full names against full names: a later variant folds into the earlier one,
    // unless the story shows two people.
    let first_at = |e: usize| people.entities[e].mentions.iter().map(|m| m.start).min();
    let mut order: Vec<usize> = (0..n).filter(|&e| full[e]).collect();
    order.sort_by_key(|&e| first_at(e));
    let folded: Vec<FoldedName> = order
        .iter()
        .map(|&e| FoldedName::new(&people.entities[e].name))
        .collect();
    for (i, &b) in order.iter().enumerate() {
        for (j, &a) in order[..i].iter().enumerate() {
            if canonical[a] != a {
                continue;
            }
            let alike = names_alike(&folded[j], &folded[i]);
            let two_people =
                full_mentions[a] >= 2 && full_mentions[b] >= 2 && alike != Likeness::Folded;
            if alike != Likeness::None && !two_people {
                canonical[b] = a;
                break;
            }
        }
    }
    // A lone surname that is nobody's full name: the nearest full name's variant.
    let lone_links: Vec<(usize, usize)> = {
        let finder = Finder {
            people,
            canonical: &canonical,
            full: &full,
            surnames: &surnames,
        };
        (0..n)
            .filter(|&e| !full[e])
            .filter_map(|e| {
                let name = surname_of(&people.entities[e].name);
                let (f, letters_apart) = finder.by_surname(name)?;
                // "Pope Francis" is not a slip for a Franco: a known given name
                // alone is one only a letter off.
                let given = lex.word(name).has(super::lexicon::Flags::GIVEN);
                (letters_apart <= 1 || !given).then_some((e, f))
            })
            .collect()
    };
    for (e, f) in lone_links {
        canonical[e] = f;
    }
    let finder = Finder {
        people,
        canonical: &canonical,
        full: &full,
        surnames: &surnames,
    };
    let extra = extra_mentions(&finder, draft, lex);
    let clusters = clusters(people, draft, &canonical, &full, &extra, house, lex);
    Spellings {
        canonical,
        extra_mentions: extra,
        clusters,
    }
}

/// A surname the story treats as a person ("Böyd said") makes a full-name run
/// that ends in a spelling of it a person too ("Clarence Boyd").
fn promote_full_names_of_lone_surnames(people: &mut People, draft: &Draft) {
    let lone: Vec<String> = people
        .entities
        .iter()
        .filter(|e| is_single_word(&e.name))
        .map(|e| e.name.clone())
        .collect();
    if lone.is_empty() {
        return;
    }
    for r in 0..people.runs.len() {
        let run = &people.runs[r];
        if run.class != RunClass::Candidate || run.words < 2 {
            continue;
        }
        let span = people.name_span(r, draft.tokens);
        let last = surname_of(&draft.text[span]).to_string();
        if lone.iter().any(|l| likeness(l, &last) != Likeness::None) {
            people.promote(r, draft.tokens, draft.text);
        }
    }
}

/// Capitalised words no list knows ("Poutin"), and names inside quotations,
/// that spell a person's name: each with the person's canonical entity.
fn extra_mentions(finder: &Finder, draft: &Draft, lex: &Lexicon) -> Vec<(usize, Range<usize>)> {
    let (people, text) = (finder.people, draft.text);
    // A story repeats its words, so each is compared once.
    let mut memo: FxHashMap<&str, Option<(usize, usize)>> = FxHashMap::default();
    // A word that is itself part of a name in the story ("Russ" of a Russ
    // Feingold, "Obama") is that person, not a slip for someone else.
    let name_words: FxHashSet<String> = people
        .entities
        .iter()
        .flat_map(|e| words(&e.name).into_iter().map(fold))
        .collect();
    let someone_else = |word: &str| name_words.contains(&fold(word));
    let mut extra = Vec::new();
    for (r, run) in people.runs.iter().enumerate() {
        let named_thing = matches!(
            run.class,
            RunClass::Organisation | RunClass::HeadlineWord | RunClass::Other
        );
        if run.class != RunClass::Candidate && !(named_thing && run.words > 1) {
            continue;
        }
        let span = people.name_span(r, draft.tokens);
        if run.words > 1 {
            // "De Vres" for "Leo de Vries", "Caroline Leavitt" for "Karoline Leavitt".
            match finder.by_full_name(&text[span.clone()]) {
                Some(f) if !named_thing => extra.push((f, span)),
                _ => extra.extend(slips_inside(run, finder, draft, lex, &someone_else)),
            }
            continue;
        }
        let word = &text[span.clone()];
        let sentence_initial = draft
            .sentence_starts
            .binary_search(&run.first_token())
            .is_ok();
        let t = &draft.tokens[run.name.start];
        // A month is a date even where it is a given name too ("Jan. 1").
        let listed = !t.info().flags.is_empty() && !t.has(super::lexicon::Flags::GIVEN)
            || t.has(super::lexicon::Flags::DAY_MONTH);
        // "a student of Hall of Famer Angelo Dundee": a word heading an "of"
        // phrase of names ("Hall of Fame", "Bank of England") is that phrase's.
        let heads_of_phrase = draft
            .tokens
            .get(run.name.end)
            .is_some_and(|of| of.is_lowercase_word() && of.has(super::lexicon::Flags::OF))
            && draft
                .tokens
                .get(run.name.end + 1)
                .is_some_and(|n| n.is_capitalised());
        if !plausible_name(word, text, span.start, lex) || listed || heads_of_phrase {
            continue;
        }
        let matched = *memo.entry(word).or_insert_with(|| finder.by_surname(word));
        if let Some((f, letters_apart)) = matched {
            // Where every noun is capitalised, a capitalised word is a noun
            // before it is a slip: one more than a letter off ("Marke" beside
            // a Merkel), or after an article or a number ("500 Meter" beside a
            // Meyer, "seinen Gegner" beside a Gentner), it is one.
            let noun = lex.traits.nouns_capitalised
                && (letters_apart > 1 || after_article_or_number(draft.tokens, run.first_token()));
            if noun {
                continue;
            }
            // A capitalised word opening a sentence may be any word ("Call"
            // beside a Kall): only a one-letter slip from the same first
            // letter counts there.
            let same_start = fold(word).chars().next().map(String::from) == finder.surname_start(f);
            // A given name standing alone ("Francis") is a slip for a surname
            // only one letter off.
            let close_enough = (!t.has(super::lexicon::Flags::GIVEN) || letters_apart <= 1)
                && (letters_apart == 0 || !someone_else(word));
            if close_enough && (!sentence_initial || letters_apart <= 1 && same_start) {
                extra.push((f, span));
            }
        }
    }
    for (span, count) in draft.quoted_runs {
        let name = &text[span.clone()];
        let found = if *count > 1 {
            finder.by_full_name(name)
        } else if plausible_name(name, text, span.start, lex) {
            let by_surname = *memo.entry(name).or_insert_with(|| finder.by_surname(name));
            // A spelling that is another name in the story only counts when it
            // is this person's own.
            let own = |f: usize| {
                let entity = &people.entities[f].name;
                fold(name) == fold(surname_of(entity)) || fold(name) == fold(given_of(entity))
            };
            // A known given name is a slip for a surname only one letter off;
            // so is the word that opens the quotation, capitalised as any is.
            let given = lex.word(name).has(super::lexicon::Flags::GIVEN);
            let opens_quotation = text[..span.start]
                .chars()
                .next_back()
                .is_some_and(crate::analysis::marks::can_open);
            by_surname
                .filter(|&(_, letters_apart)| letters_apart <= 1 || !(given || opens_quotation))
                .map(|(f, _)| f)
                .or_else(|| finder.by_given_name(name))
                .filter(|&f| own(f) || !someone_else(name))
        } else {
            None
        };
        if let Some(f) = found {
            extra.push((f, span.clone()));
        }
    }
    extra
}

/// Whether the token before `t` is a lowercase article or a number.
fn after_article_or_number(tokens: &[Token], t: usize) -> bool {
    t.checked_sub(1).is_some_and(|p| {
        let before = &tokens[p];
        (before.is_lowercase_word() && before.has(super::lexicon::Flags::DETERMINER))
            || before.kind() == Kind::Word(Case::Other)
    })
}

/// A person's surname one letter off inside a longer name: "the Clintn
/// Foundation", "Republican Trupm". Only unlisted words of five letters or more
/// from the same first letter, so "Marine Corps" is not a slip for a Marino.
fn slips_inside(
    run: &NameRun,
    finder: &Finder,
    draft: &Draft,
    lex: &Lexicon,
    someone_else: &dyn Fn(&str) -> bool,
) -> Vec<(usize, Range<usize>)> {
    run.name
        .clone()
        .filter_map(|i| {
            let t = &draft.tokens[i];
            // A person's name gives the surname last: the words before it in
            // "Mikee Johnson" are given names, no slip for a McKee.
            let given_position = run.class == RunClass::Candidate && i + 1 < run.name.end;
            if !t.is_word() || !t.info().flags.is_empty() || given_position {
                return None;
            }
            let word = t.stem(draft.text);
            let (f, letters_apart) = finder.by_surname(word)?;
            // Only a person's surname: one whose full name opens with a known
            // given name ("Oxford Economics" is nobody's).
            let person = given_of(&finder.people.entities[f].name);
            let slip = letters_apart == 1
                && word.chars().count() >= 5
                && fold(word).chars().next().map(String::from) == finder.surname_start(f)
                && lex.word(person).has(super::lexicon::Flags::GIVEN)
                && !someone_else(word);
            slip.then(|| (f, t.start()..t.start() + word.len()))
        })
        .collect()
}

/// Looks up which canonical full-name entity a spelling names.
#[derive(Clone, Copy)]
struct Finder<'a> {
    people: &'a People,
    canonical: &'a [usize],
    full: &'a [bool],
    /// Each entity's folded surname.
    surnames: &'a [String],
}

impl Finder<'_> {
    /// The first letter of an entity's folded surname.
    fn surname_start(&self, e: usize) -> Option<String> {
        self.surnames[e].chars().next().map(String::from)
    }

    fn full_names(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.people.entities.len()).filter(|&e| self.full[e] && self.canonical[e] == e)
    }

    /// The entity whose surname `word` spells, best likeness first, with how many
    /// letters apart they are; `None` when two are equally close.
    fn by_surname(&self, word: &str) -> Option<(usize, usize)> {
        let fw = fold(word);
        let mut best: Option<((Likeness, std::cmp::Reverse<usize>), usize)> = None;
        let mut tie = false;
        for e in self.full_names() {
            let (l, d) = likeness_and_distance(&fw, &self.surnames[e]);
            if l == Likeness::None {
                continue;
            }
            let key = (l, std::cmp::Reverse(d.unwrap_or(0)));
            match best {
                Some((bk, _)) if bk > key => {}
                // Two of one family ("Bill Clinton", "Hillary Clinton") share the
                // spelling: the earlier one stands for both.
                Some((bk, b)) if bk == key && self.surnames[b] != self.surnames[e] => tie = true,
                Some((bk, _)) if bk == key => {}
                _ => {
                    best = Some((key, e));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|((_, d), e)| (e, d.0))
    }

    /// The entity a multi-word run names: the whole name alike, or its tail
    /// alike ("De Vres" for "Leo de Vries").
    fn by_full_name(&self, name: &str) -> Option<usize> {
        let n = words(name).len();
        self.full_names().find(|&e| {
            let full = &self.people.entities[e].name;
            let whole = likeness(surname_of(name), surname_of(full)) != Likeness::None
                && likeness(given_of(name), given_of(full)) != Likeness::None;
            whole || (n < words(full).len() && likeness(name, &tail(full, n)) != Likeness::None)
        })
    }

    /// The one entity whose given name `word` spells ("Conor" inside a
    /// quotation). Given names are short and many look alike: only a one-letter
    /// slip counts.
    fn by_given_name(&self, word: &str) -> Option<usize> {
        let mut found = self.full_names().filter(|&e| {
            let given = given_of(&self.people.entities[e].name);
            likeness(word, given) != Likeness::None
                && strsim::osa_distance(&fold(word), &fold(given)) <= 1
        });
        let first = found.next();
        if found.next().is_some() { None } else { first }
    }
}

/// Which part of a person's name a mention gives, and how many words of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Full,
    Surname(usize),
    Given,
    /// Like no part of the name: a word the story gives the person beside it
    /// ("Debbie" of "Wasserman Schultz"), with no spelling to hold it to.
    Other,
}

fn part_of(mention: &str, name: &str) -> Part {
    let (mw, nw) = (words(mention).len(), words(name).len());
    if mw > 1 {
        // "De Vries" for "Leo de Vries", "Van Looy" for "Jasper Van Looy".
        if mw < nw && likeness(mention, &tail(name, mw)) != Likeness::None {
            return Part::Surname(mw);
        }
        return Part::Full;
    }
    let (given, surname) = (
        likeness(mention, given_of(name)),
        likeness(mention, surname_of(name)),
    );
    if given == Likeness::None && surname == Likeness::None {
        Part::Other
    } else if given > surname {
        Part::Given
    } else {
        Part::Surname(1)
    }
}

/// The spelling `winner` gives the part of the name a mention gives; the
/// mention as written when it is the name in another form.
fn expected(mention: &str, winner: &str, lex: &Lexicon) -> String {
    let spelled = match part_of(mention, winner) {
        Part::Full => words(winner).join(" "),
        Part::Surname(k) => tail(winner, k),
        Part::Given if forms::same_given(&fold(mention), &fold(given_of(winner)), lex) => {
            return mention.to_string();
        }
        Part::Given => given_of(winner).to_string(),
        Part::Other => return mention.to_string(),
    };
    if forms::another_form(mention, &spelled, lex) {
        mention.to_string()
    } else {
        spelled
    }
}

/// Each person named in full with every mention of them and the winning spelling.
fn clusters(
    people: &People,
    draft: &Draft,
    canonical: &[usize],
    full: &[bool],
    extra: &[(usize, Range<usize>)],
    house: &[HouseName],
    lex: &Lexicon,
) -> Vec<NameCluster> {
    let text = draft.text;
    // (canonical entity, span, found inside a quotation)
    let mut by_person: FxHashMap<usize, Vec<(Range<usize>, bool)>> = FxHashMap::default();
    for (e, ent) in people.entities.iter().enumerate() {
        if full[canonical[e]] {
            let list = by_person.entry(canonical[e]).or_default();
            list.extend(ent.mentions.iter().map(|m| (m.clone(), false)));
        }
    }
    for (c, span) in extra {
        by_person.entry(*c).or_default().push((span.clone(), true));
    }
    let family: Vec<&str> = people
        .entities
        .iter()
        .filter(|e| !is_single_word(&e.name))
        .map(|e| surname_of(&e.name))
        .collect();
    let mut keys: Vec<usize> = by_person.keys().copied().collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|c| {
            let mut spans = by_person.remove(&c).unwrap_or_default();
            spans.sort_by_key(|(s, _)| s.start);
            spans.dedup_by_key(|(s, _)| s.clone());
            spans.retain(|(s, _)| !forms::marked_sic(text, s.end));
            let written: Vec<String> = spans
                .iter()
                .map(|(s, _)| spaced(&text[s.clone()]).into_owned())
                .collect();
            let listed = house
                .iter()
                .find(|h| house_matches(h, &people.entities[c].name));
            let winner = match listed {
                Some(h) => h.name.clone(),
                None => winner::winner(&written, &family, text, lex),
            };
            // A story repeats its spellings: each is worked out once.
            let mut expected_of: FxHashMap<String, String> = FxHashMap::default();
            let mentions = spans
                .into_iter()
                .zip(written)
                .map(|((span, quoted), written)| Mention {
                    expected: expected_of
                        .entry(written.clone())
                        .or_insert_with(|| expected(&written, &winner, lex))
                        .clone(),
                    aside: quoted || (draft.aside)(span.start),
                    span,
                    written,
                })
                .collect();
            NameCluster {
                winner,
                house: listed.is_some(),
                mentions,
            }
        })
        .collect()
}
