//! People named in the narrative: name runs, their titles, and the entities they
//! refer to.
//!
//! A capitalised run ("US Vice President JD Vance") splits into the title as the
//! story gives it ("US Vice President") and the name ("JD Vance"). A run counts as a
//! person only on evidence: a title or honorific, a known given name, being the
//! source of a cue, or sharing a surname with a person already known. Places and
//! organisations come from word lists, so "Truth Social" or "Kyiv" never become
//! people. A bare surname ("Putin", "Mr. Vance") links to the full-name entity.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::lexicon::{FxBuild, Gender, Lexicon, flag, with_lowercase};
use super::parallel;
use super::tokens::{Case, Kind, Token};

/// What a capitalised run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunClass {
    Person(usize),
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
    by_full: HashMap<String, usize, FxBuild>,
    by_surname: HashMap<String, Vec<usize>, FxBuild>,
    by_given: HashMap<String, Vec<usize>, FxBuild>,
    /// Every shorter tail of a full name ("de vries", "vries"), for runs such as
    /// "De Vries" that drop the given name.
    by_suffix: HashMap<String, Vec<usize>, FxBuild>,
    /// People the story names by one word only ("Reed"), so each is one entity.
    by_single: HashMap<String, usize, FxBuild>,
}

/// The longest name tail looked up alone, in words.
const MAX_TAIL_WORDS: usize = 5;

impl NameIndex {
    fn add(&mut self, e: usize, name: &str, surname: &str, full: bool) {
        if !full {
            self.by_single.entry(lower_name(name)).or_insert(e);
            return;
        }
        let lower = lower_name(name);
        self.by_full.insert(lower.clone(), e);
        self.by_surname
            .entry(surname.to_string())
            .or_default()
            .push(e);
        if let Some(given) = lower.split(' ').next() {
            self.by_given.entry(given.to_string()).or_default().push(e);
        }
        // Tails of a few words at most ("de vries", "von der leyen"): a capitalised
        // run of thousands of words (a line set in capitals) must not index every
        // tail of itself.
        for (i, _) in lower.rmatch_indices(' ').take(MAX_TAIL_WORDS) {
            let v = self
                .by_suffix
                .entry(lower[i + 1..].to_string())
                .or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        }
    }
}

pub struct People {
    pub entities: Vec<Entity>,
    index: NameIndex,
    pub runs: Vec<NameRun>,
    /// For each token, the run holding it (`u32::MAX` for none).
    run_of_token: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl People {
    /// The run a token belongs to.
    pub fn run_at(&self, token: usize) -> Option<usize> {
        self.run_of_token
            .get(token)
            .copied()
            .filter(|&r| r != NONE)
            .map(|r| r as usize)
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
            RunClass::Candidate => {
                let e = self.entity_for(run, tokens, text, true);
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

    fn entity_for(&mut self, run: usize, tokens: &[Token], text: &str, allow_new: bool) -> usize {
        let span = self.name_span(run, tokens);
        let (words, first, last) = name_words(&self.runs[run].name, tokens);
        let last = tokens[last];
        let surname = &text[last.start()..last.stem_end()];
        let title_gender = self.runs[run]
            .title
            .as_ref()
            .map(|t| title_gender(t, tokens))
            .unwrap_or_default();
        // Most mentions are a known surname: looked up without allocating.
        let e = if words == 1 {
            with_lowercase(surname, |surname| {
                self.link_surname(surname, title_gender, span.start)
                    .or_else(|| self.known_by_part(surname, 1))
                    .or_else(|| self.index.by_single.get(surname).copied())
            })
        } else {
            with_lower_name(&text[span.clone()], |full| {
                self.index
                    .by_full
                    .get(full)
                    .copied()
                    .or_else(|| self.known_by_part(full, words))
            })
        };
        let e = match e {
            Some(e) => e,
            None if allow_new || words > 1 => {
                let given_gender = if words > 1 {
                    tokens[first].info().gender
                } else {
                    Gender::Unknown
                };
                let name = text[span.clone()].to_string();
                let surname = lower(surname);
                let e = self.entities.len();
                self.index.add(e, &name, &surname, words > 1);
                self.entities.push(Entity {
                    name,
                    surname,
                    gender: if title_gender != Gender::Unknown {
                        title_gender
                    } else {
                        given_gender
                    },
                    titles: Vec::new(),
                    mentions: Vec::new(),
                });
                e
            }
            None => return usize::MAX,
        };
        let ent = &mut self.entities[e];
        ent.mentions.push(span);
        if ent.gender == Gender::Unknown {
            ent.gender = title_gender;
        }
        if let Some(t) = &self.runs[run].title {
            let title = &text[tokens[t.start].start()..tokens[t.end - 1].end()];
            if !is_honorific_only(t, tokens)
                && !ent.titles.iter().any(|x| x.eq_ignore_ascii_case(title))
            {
                ent.titles.push(title.to_string());
            }
        }
        e
    }

    /// The full-name entity that a shorter run names: its surname ("Putin"), the
    /// end of its name ("De Vries" for "Leo de Vries"), or, when nobody has it as a
    /// surname, its given name ("Faisal" for "Faisal bin Nasser").
    fn known_by_part(&self, key: &str, words: usize) -> Option<usize> {
        let unique = |v: Option<&Vec<usize>>| match v.map(Vec::as_slice) {
            Some([e]) => Some(*e),
            _ => None,
        };
        if words == 1 && self.index.by_surname.contains_key(key) {
            return None;
        }
        if words == 1 {
            return unique(self.index.by_given.get(key));
        }
        unique(self.index.by_suffix.get(key))
    }

    /// The entity a bare surname refers to: the one of that surname mentioned
    /// last before `at`, else the first after it; gender from an honorific decides
    /// between relatives.
    fn link_surname(&self, surname: &str, gender: Gender, at: usize) -> Option<usize> {
        let candidates = self
            .index
            .by_surname
            .get(surname)?
            .iter()
            .copied()
            .filter(|&e| self.entities[e].gender.fits(gender));
        if candidates.clone().nth(1).is_none() {
            return candidates.clone().next();
        }
        // Relatives who share a surname: whoever was named last before it.
        candidates.max_by_key(|&e| {
            self.entities[e]
                .mentions
                .iter()
                .filter(|m| m.start < at)
                .map(|m| m.start + 1)
                .max()
                .unwrap_or(0)
        })
    }
}

/// A hash of a name's lowercase words, whitespace collapsed.
fn name_key(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = super::lexicon::FxHasher::default();
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            h.write_u8(b' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            let c = if c == '’' { '\'' } else { c };
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lowercase name with whitespace collapsed, for comparing two spellings of a run.
fn lower_name(s: &str) -> String {
    lower(&crate::text::spaced(s))
}

/// `f` of [`lower_name`], without allocating for a short ASCII name: most names
/// are looked up, not kept.
fn with_lower_name<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lowercase(&crate::text::spaced(s), f)
}

/// How many words a name has, its first and its last (token 0 for a name with
/// none).
fn name_words(r: &Range<usize>, tokens: &[Token]) -> (usize, usize, usize) {
    let mut words = r.clone().filter(|&i| tokens[i].is_word());
    let Some(first) = words.next() else {
        return (0, 0, 0);
    };
    let (count, last) = words.fold((1, first), |(n, _), i| (n + 1, i));
    (count, first, last)
}

fn title_gender(t: &Range<usize>, tokens: &[Token]) -> Gender {
    t.clone()
        .map(|i| tokens[i].info().gender)
        .find(|g| *g != Gender::Unknown)
        .unwrap_or_default()
}

fn is_honorific_only(t: &Range<usize>, tokens: &[Token]) -> bool {
    t.clone().all(|i| {
        !tokens[i].is_word() || {
            let len = tokens[i].end() - tokens[i].start();
            tokens[i].has(flag::ABBREVIATION) || len <= 3
        }
    })
}

/// A capitalised word that can be part of a name.
fn nameable(t: &Token) -> bool {
    // Asked of every token: most are in lowercase, which settles it at once.
    if !t.is_capitalised() {
        return false;
    }
    // "US" and "IT" in capitals are not the pronoun and the stop word.
    let stop = t.has(flag::STOP) && t.kind() != Kind::Word(Case::Upper);
    let cue = t.has(flag::CUE) || t.has(flag::HEADLINE_CUE);
    !(stop || cue) || t.has(flag::GIVEN)
}

fn joined_by_space(a: &Token, b: &Token, text: &str) -> bool {
    let gap = &text[a.end()..b.start()];
    !gap.is_empty()
        && gap.len() <= 3
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || c == '\t' || c == '\n')
}

/// The capitalised runs of a draft, classified but not yet linked into people.
pub struct Runs {
    runs: Vec<NameRun>,
    run_of_token: Vec<u32>,
}

/// Finds name runs in `tokens`, classifies them, and builds the entities.
/// `headline(block)` tells whether a block is set in title case, where capitals
/// say nothing and only names already known count.
pub fn find(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: &(dyn Fn(usize) -> bool + Sync),
    split: bool,
) -> People {
    link(find_runs(tokens, text, lex, headline, split), tokens, text)
}

/// The name runs of [`find`], before they are linked: linking goes in text order
/// on one core, so a caller on a long draft can give the other core work meanwhile.
///
/// On a long draft (`split`) the runs of each half are found on their own core.
pub fn find_runs(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: &(dyn Fn(usize) -> bool + Sync),
    split: bool,
) -> Runs {
    static BALANCE: parallel::Balance = parallel::Balance::new();
    let half = split
        .then(|| run_split_point(tokens, BALANCE.share()))
        .flatten();
    let (runs, run_of_token) = match half {
        None => build_runs(tokens, text, lex, headline),
        Some(s) => {
            let ((mut runs, mut run_of_token), (later, later_of_token)) = BALANCE.both(
                s as f64 / tokens.len() as f64,
                || runs_in(tokens, 0..s, text, lex, headline),
                || runs_in(tokens, s..tokens.len(), text, lex, headline),
            );
            let offset = runs.len() as u32;
            runs.extend(later);
            run_of_token.extend(
                later_of_token
                    .into_iter()
                    .map(|r| if r == NONE { NONE } else { r + offset }),
            );
            (runs, run_of_token)
        }
    };
    Runs { runs, run_of_token }
}

/// A token index near `share` of the way in where a paragraph starts after one
/// that ends in punctuation or a quotation: no run reaches over it either way (a
/// run ends in a word, and a title is extended leftwards over words only), so the
/// parts can be searched apart.
fn run_split_point(tokens: &[Token], share: f64) -> Option<usize> {
    let mid = ((tokens.len() as f64 * share) as usize).min(tokens.len());
    let apart = |s: usize| {
        s > 0
            && s < tokens.len()
            && tokens[s].block() != tokens[s - 1].block()
            && !tokens[s - 1].is_word()
    };
    (0..mid.min(4096))
        .flat_map(|d| [mid + d, mid - d])
        .find(|&s| apart(s))
}

/// Capitalised runs in `tokens`, split and classified, with each token's run.
pub fn build_runs(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: &dyn Fn(usize) -> bool,
) -> (Vec<NameRun>, Vec<u32>) {
    runs_in(tokens, 0..tokens.len(), text, lex, headline)
}

/// The runs that start in `range` of `tokens`; the run index of each token in
/// `range`, indexed from `range.start`.
fn runs_in(
    tokens: &[Token],
    range: Range<usize>,
    text: &str,
    lex: &Lexicon,
    headline: &dyn Fn(usize) -> bool,
) -> (Vec<NameRun>, Vec<u32>) {
    let base = range.start;
    // A name every 32 tokens, a guess that spares most growing of the list
    // without reserving much for a draft of no names.
    let mut runs = Vec::with_capacity(range.len() / 32);
    let mut run_of_token = vec![NONE; range.len()];
    let mut words = Vec::new();
    let mut i = range.start;
    while i < range.end {
        // Most tokens are not capitalised: passed over by that test alone.
        let Some(skip) = tokens[i..range.end].iter().position(Token::is_capitalised) else {
            break;
        };
        i += skip;
        if !nameable(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            let cur = &tokens[j];
            if cur.possessive() {
                break;
            }
            let Some(next) = tokens.get(j + 1) else { break };
            let short = cur.is_word()
                && (cur.end() - cur.start() == 1
                    || cur.has(flag::ABBREVIATION)
                    || cur.has(flag::TITLE));
            if next.is_punct('.') && next.start() == cur.end() && short && cur.is_capitalised() {
                // "J." "Mr." "Sen.": keep going if a name follows.
                if tokens
                    .get(j + 2)
                    .is_some_and(|n| nameable(n) && n.block() == cur.block())
                {
                    j += 2;
                    continue;
                }
                break;
            }
            if nameable(next) && next.block() == cur.block() && joined_by_space(cur, next, text) {
                j += 1;
                continue;
            }
            // "Secretary of State Dana Whitfield", "President of Ukraine", "Council
            // on Foreign Relations", "Bank of England".
            let joiner = &text[next.start()..next.end()];
            let of_title = (cur.has(flag::TITLE) || cur.has(flag::ORG_WORD))
                && cur.is_capitalised()
                && next.kind() == Kind::Word(Case::Lower)
                && (joiner.eq_ignore_ascii_case("of")
                    || cur.has(flag::ORG_WORD)
                        && ["on", "for"].iter().any(|w| joiner.eq_ignore_ascii_case(w)))
                && tokens
                    .get(j + 2)
                    .is_some_and(|n| nameable(n) && joined_by_space(next, n, text));
            if of_title && joined_by_space(cur, next, text) {
                j += 2;
                continue;
            }
            // "von der Leyen", "bin Salman": particles, then a capitalised word.
            let mut p = j + 1;
            while p < tokens.len()
                && p < j + 4
                && tokens[p].kind() == Kind::Word(Case::Lower)
                && tokens[p].has(flag::PARTICLE)
                && joined_by_space(&tokens[p - 1], &tokens[p], text)
            {
                p += 1;
            }
            if p > j + 1
                && tokens
                    .get(p)
                    .is_some_and(|n| nameable(n) && joined_by_space(&tokens[p - 1], n, text))
            {
                j = p;
                continue;
            }
            break;
        }
        let run_range = start..j + 1;
        if let Some(mut run) = classify(
            run_range.clone(),
            tokens,
            text,
            lex,
            headline(tokens[start].block()),
            &mut words,
        ) {
            if matches!(run.class, RunClass::Person(_) | RunClass::Candidate) {
                let run_of = |k: usize| k.checked_sub(base).map_or(NONE, |k| run_of_token[k]);
                run.title = lowercase_title(run.title.take(), run_range.start, tokens, &run_of);
            }
            let idx = runs.len() as u32;
            for k in run.name.clone() {
                run_of_token[k - base] = idx;
            }
            if let Some(t) = &run.title {
                for k in t.clone() {
                    run_of_token[k - base] = idx;
                }
            }
            runs.push(run);
        }
        i = j + 1;
    }
    (runs, run_of_token)
}

/// Extends a title leftwards over the lowercase words that give it: "Venezuelan
/// leader Andrés Caldera", "operations director Martin Hale", "economist Jane Doe".
fn lowercase_title(
    title: Option<Range<usize>>,
    run_start: usize,
    tokens: &[Token],
    run_of_token: &dyn Fn(usize) -> u32,
) -> Option<Range<usize>> {
    let start = title.as_ref().map_or(run_start, |t| t.start);
    let end = title.as_ref().map_or(run_start, |t| t.end);
    let Some(before) = start.checked_sub(1) else {
        return title;
    };
    let t = &tokens[before];
    let head = t.kind() == Kind::Word(Case::Lower)
        && (t.has(flag::TITLE) || t.has(flag::DESCRIPTION))
        && !t.has(flag::DETERMINER)
        && t.end() + 3 >= tokens[start].start();
    if !head {
        return title;
    }
    let mut first = before;
    while first > 0 && before - first < 4 {
        let p = &tokens[first - 1];
        let joined = p.end() + 3 >= tokens[first].start();
        let modifier = p.is_word()
            && !p.has(flag::STOP)
            && !p.has(flag::CUE)
            && !p.has(flag::DETERMINER)
            && (p.kind() == Kind::Word(Case::Lower) || p.has(flag::ADJECTIVE) || p.possessive())
            && run_of_token(first - 1) == NONE;
        if !(joined && modifier) {
            break;
        }
        first -= 1;
    }
    Some(first..end)
}

/// Links runs to entities: full names first, then surnames and shorter forms.
pub fn link(runs: Runs, tokens: &[Token], text: &str) -> People {
    let mut people = People {
        entities: Vec::new(),
        index: NameIndex::default(),
        runs: runs.runs,
        run_of_token: runs.run_of_token,
    };
    // A full name whose surname the story also uses alone is a person: that is how
    // news copy refers to people ("Priya Raman … Raman said").
    // The same goes for "Van Rijn" after "Joost van Rijn".
    let multi_candidates: Vec<usize> = (0..people.runs.len())
        .filter(|&r| people.runs[r].class == RunClass::Candidate && people.runs[r].words > 1)
        .collect();
    if !multi_candidates.is_empty() {
        // Hashes of every name-like run, compared by lowercase words, so the check
        // allocates nothing per run.
        let shorter: HashSet<u64, FxBuild> = (0..people.runs.len())
            .filter(|&r| {
                matches!(
                    people.runs[r].class,
                    RunClass::Candidate | RunClass::Person(_) | RunClass::HeadlineWord
                )
            })
            .map(|r| name_key(&text[people.name_span(r, tokens)]))
            .collect();
        for r in multi_candidates {
            let full = &text[people.name_span(r, tokens)];
            let reused = full
                .char_indices()
                .filter(|&(_, c)| c.is_whitespace())
                .any(|(i, c)| shorter.contains(&name_key(&full[i + c.len_utf8()..])));
            if reused {
                people.runs[r].class = RunClass::Person(usize::MAX);
            }
        }
    }
    // Full names first, longest first, so a bare surname or a shorter form ("De
    // Wit" for "Bram de Wit") links wherever it stands.
    let mut order: Vec<usize> = (0..people.runs.len())
        .filter(|&r| {
            people.runs[r].class == RunClass::Person(usize::MAX) && people.runs[r].words > 1
        })
        .collect();
    order.sort_by_key(|&r| std::cmp::Reverse(people.runs[r].words));
    for r in order {
        let e = people.entity_for(r, tokens, text, true);
        people.runs[r].class = RunClass::Person(e);
    }
    for r in 0..people.runs.len() {
        let class = people.runs[r].class;
        let words = people.runs[r].words;
        let last_word = &tokens[people.runs[r].name.end - 1];
        match class {
            RunClass::Person(usize::MAX) => {
                let e = people.entity_for(r, tokens, text, true);
                people.runs[r].class = RunClass::Person(e);
            }
            // "Montenegro" is a country, unless the story has a Rafael Montenegro.
            RunClass::Place | RunClass::Organisation
                if words == 1
                    && with_lowercase(&text[last_word.start()..last_word.stem_end()], |k| {
                        people.index.by_surname.contains_key(k)
                    }) =>
            {
                let e = people.entity_for(r, tokens, text, false);
                if e != usize::MAX {
                    people.runs[r].class = RunClass::Person(e);
                }
            }
            RunClass::Candidate | RunClass::HeadlineWord => {
                let span = people.name_span(r, tokens);
                let found = if words == 1 {
                    with_lowercase(&text[span.clone()], |k| {
                        if people.index.by_surname.contains_key(k) {
                            Some(None)
                        } else {
                            people.known_by_part(k, 1).map(Some)
                        }
                    })
                } else {
                    with_lower_name(&text[span.clone()], |k| people.known_by_part(k, words))
                        .map(Some)
                };
                match found {
                    // A surname: link with recency and honorifics.
                    Some(None) => {
                        let e = people.entity_for(r, tokens, text, false);
                        if e != usize::MAX {
                            people.runs[r].class = RunClass::Person(e);
                        }
                    }
                    Some(Some(e)) => {
                        people.entities[e].mentions.push(span);
                        people.runs[r].class = RunClass::Person(e);
                    }
                    None => {}
                }
            }
            _ => {}
        }
    }
    for r in 0..people.runs.len() {
        if let RunClass::Person(e) = people.runs[r].class {
            if let Some(title) = apposition_title(&people, r, tokens, text) {
                let ent = &mut people.entities[e];
                if !ent.titles.iter().any(|t| t.eq_ignore_ascii_case(&title)) {
                    ent.titles.push(title);
                }
            }
        }
    }
    people
}

/// A title set after the name: "Karoline Leavitt, the White House press
/// secretary," or "Edward Alden of the Council on Foreign Relations".
fn apposition_title(people: &People, run: usize, tokens: &[Token], text: &str) -> Option<String> {
    let after = people.runs[run].name.end;
    let next = tokens.get(after)?;
    if next.is_word() && text[next.start()..next.end()].eq_ignore_ascii_case("of") {
        // Affiliation: the organisation named right after "of (the)".
        let mut k = after + 1;
        if tokens.get(k).is_some_and(|t| t.has(flag::DETERMINER)) {
            k += 1;
        }
        let org = people.run_at(k)?;
        if people.runs[org].class != RunClass::Organisation {
            return None;
        }
        let span = people.name_span(org, tokens);
        return Some(text[span].to_string());
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
    let titled = head.kind() == Kind::Word(Case::Lower)
        && (head.has(flag::TITLE) || head.has(flag::DESCRIPTION));
    if !titled || (start..end).any(|k| tokens[k].has(flag::CUE) || tokens[k].has(flag::PRONOUN)) {
        return None;
    }
    let first = if tokens[start].has(flag::DETERMINER) {
        start + 1
    } else {
        start
    };
    if first >= end || tokens[first].has(flag::DETERMINER) {
        return None;
    }
    Some(text[tokens[first].start()..head.end()].to_string())
}

/// Splits a run into title and name and decides what it is. Returns `None` for a
/// run with nothing name-like left.
/// `words` is room for the run's word tokens, lent by the caller so the runs of
/// a whole draft share one list.
fn classify(
    run: Range<usize>,
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    headline: bool,
    words: &mut Vec<usize>,
) -> Option<NameRun> {
    words.clear();
    words.extend(run.clone().filter(|&i| tokens[i].is_word()));
    let words = &words[..];
    // The title runs up to the last title word that still leaves a name after it.
    let mut title_end = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|&i| tokens[i].has(flag::TITLE));
    // "Guitarist Ian Coles", "Chief Executive Diane Castellanos": words before a
    // known given name that is followed by a surname are a title too.
    let from = title_end.map_or(0, |k| k + 1);
    let initial = |i: usize| {
        tokens[i].end() - tokens[i].start() == 1
            && tokens.get(i + 1).is_some_and(|n| n.is_punct('.'))
    };
    if let Some(g) = words[from..words.len().saturating_sub(1)]
        .iter()
        .position(|&i| (tokens[i].has(flag::GIVEN) || initial(i)) && !tokens[i].has(flag::TITLE))
    {
        if g > 0
            && !words[from..from + g]
                .iter()
                .any(|&i| tokens[i].has(flag::PARTICLE))
        {
            title_end = Some(from + g - 1);
        }
    }
    let (title, name_words) = match title_end {
        Some(k) => {
            let mut name_start = words[k] + 1;
            while name_start < run.end && !tokens[name_start].is_word() {
                name_start += 1;
            }
            (Some(run.start..name_start), &words[k + 1..])
        }
        None => (None, words),
    };
    let &first = name_words.first()?;
    let &last = name_words.last()?;
    let name = first..last + 1;
    let single = name_words.len() == 1;
    // A name of several words is asked of the place and organisation lists as one
    // lowercase phrase.
    // Only a run opening with the first word of such a phrase can be one.
    let (place, organisation) = if single || !tokens[first].has(flag::NAME_PHRASE_START) {
        (false, false)
    } else {
        with_lower_name(&text[tokens[first].start()..tokens[last].stem_end()], |k| {
            (lex.is_place(k), lex.is_organisation(k))
        })
    };
    if single && title.is_none() {
        let t = &tokens[first];
        let letters = text[t.start()..t.stem_end()]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        // "Officials", "Others", "M": never a name on its own.
        if letters < 2
            || (t.has(flag::DESCRIPTION) && !t.has(flag::GIVEN))
            || t.has(flag::ADJECTIVE)
        {
            return None;
        }
    }
    let class = if (single && tokens[first].has(flag::PLACE)) || place {
        RunClass::Place
    } else if (single && tokens[first].has(flag::ORGANISATION))
        || organisation
        || name_words.iter().any(|&i| tokens[i].has(flag::ORG_WORD))
        // An acronym alone ("ESA", "FNSEA") names an organisation; so does an
        // outlet's name leading a run ("BBC Wales").
        || (single && tokens[first].kind() == Kind::Word(Case::Upper) && !tokens[first].has(flag::GIVEN) && title.is_none())
        || name_words.iter().any(|&i| {
            tokens[i].kind() == Kind::Word(Case::Upper) && tokens[i].has(flag::ORGANISATION)
        })
    {
        RunClass::Organisation
    } else if name_words
        .iter()
        .all(|&i| tokens[i].has(flag::ADJECTIVE) && !tokens[i].has(flag::GIVEN))
        || name_words
            .iter()
            .all(|&i| tokens[i].has(flag::DAY_MONTH) && !tokens[i].has(flag::GIVEN))
        || name_words
            .iter()
            .any(|&i| tokens[i].kind() == Kind::Word(Case::Other))
        || (name_words.len() > 1
            && tokens[first].has(flag::PLACE)
            && !tokens[first].has(flag::GIVEN))
    {
        RunClass::Other
    } else if headline {
        // In a title-case headline only names known from the story count.
        RunClass::HeadlineWord
    } else if title.is_some() || (name_words.len() > 1 && tokens[first].has(flag::GIVEN)) {
        RunClass::Person(usize::MAX)
    } else if name_words
        .iter()
        .all(|&i| tokens[i].kind() == Kind::Word(Case::Upper))
        && name_words.len() > 1
    {
        // "ON NOW", "BREAKING NEWS": page furniture, not names.
        RunClass::Other
    } else {
        RunClass::Candidate
    };
    Some(NameRun {
        name,
        title,
        class,
        words: name_words.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{quotes, tokens};
    use crate::text::{Format, ProseMap};

    #[test]
    fn a_long_draft_searched_in_two_halves_finds_the_same_runs() {
        // Paragraphs that end in a word, a title's abbreviation and a quotation,
        // and start with a lowercase title: the places a run or a title could
        // reach over a paragraph's edge.
        let para = "economist Jane Doe met Secretary of State Dana Whitfield and Mr.\n\n\
                    Ursula von der Leyen said “Doe will go” to J. R. Hale\n\n\
                    operations director Martin Hale spoke to Doe’s aide.\n\n";
        let text = para.repeat(3000);
        assert!(text.len() >= parallel::FROM);
        let map = ProseMap::new(&text, Format::PlainText);
        let lex = Lexicon::get();
        let (q, _) = quotes::scan(&map.masked, &map.blocks, lex);
        let toks = tokens::tokenize(&map.masked, &map.blocks, &q, lex);
        let never = |_: usize| false;
        for share in [0.25, 0.5, 0.75] {
            let s = run_split_point(&toks, share).expect("a paragraph edge near the share");
            assert!(!toks[s - 1].is_word() && toks[s].block() != toks[s - 1].block());
            let near = (toks.len() as f64 * share) as usize;
            assert!(s.abs_diff(near) < 64, "{s} is far from {near}");
        }
        let one = find(&toks, &map.masked, lex, &never, false);
        let two = find(&toks, &map.masked, lex, &never, true);
        assert_eq!(format!("{:?}", one.runs), format!("{:?}", two.runs));
        assert_eq!(one.run_of_token, two.run_of_token);
        let people = |p: &People| {
            p.entities
                .iter()
                .map(|e| (e.name.clone(), e.mentions.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(people(&one), people(&two));
        assert!(one.entities.iter().any(|e| e.name == "Jane Doe"));
    }

    /// A run is asked of the place and organisation lists by the flags of its
    /// words, not by its words lowercased: this holds the flags to the lists.
    /// Every listed name, written as a story writes it (each word capitalised, or
    /// in capitals), opens with a word flagged as what it is, or as the start of
    /// such a phrase.
    #[test]
    fn every_listed_place_and_organisation_opens_with_a_flagged_word() {
        let lex = Lexicon::get();
        let capitalised = |name: &str| -> String {
            name.split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let lists = [
            (include_str!("lexicon/places.txt"), flag::PLACE),
            (
                include_str!("lexicon/organisations.txt"),
                flag::ORGANISATION,
            ),
        ];
        let mut checked = 0;
        for (list, one_word) in lists {
            for name in list
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                for written in [capitalised(name), name.to_uppercase()] {
                    let text = format!("They met {written}’s people.");
                    let map = ProseMap::new(&text, Format::PlainText);
                    let toks = tokens::tokenize(&map.masked, &map.blocks, &[], lex);
                    let first = toks[2];
                    assert_eq!(first.start(), 9, "{written:?}");
                    let words = toks.iter().filter(|t| t.is_word()).count() - 3;
                    if words == 1 {
                        assert!(first.has(one_word), "{written:?}");
                    } else {
                        assert!(first.has(flag::NAME_PHRASE_START), "{written:?}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
        // "THE KREMLIN" is asked of the lists too: an organisation's name may
        // open with "the", which the lists leave off.
        assert!(lex.word("THE").has(flag::NAME_PHRASE_START));
    }
}
