//! One person, one spelling.
//!
//! Mentions that name the same person differently (Zelensky / Zelenskyy, Leavitt /
//! Leavit, Erdoğan / Erdogan, JD / J.D., Karoline / Caroline) are gathered under the
//! person they belong to, and every mention that departs from the story's spelling
//! is reported with the fix. The spelling that wins is the newsroom's house list,
//! else the story's first full-name mention, else the most common one.
//!
//! Looking alike is not enough: two spellings are only one person's when they are
//! close in letters or in sound, and the story does not show two people (both
//! spellings named in full, each more than once). Places, organisations, days and
//! plain words never take part.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use rphonetic::{DoubleMetaphone, Encoder};

use super::lexicon::{FxBuild, flag};
use super::people::{People, RunClass};
use super::rules;
use super::tokens::Token;
use super::{Edit, Finding, Fix, Related};
use crate::text::spaced;

/// A person the newsroom spells a set way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HouseName {
    pub name: String,
    pub title: Option<String>,
    /// Spellings that are always wrong for this person.
    pub variants: Vec<String>,
}

/// A name folded for comparison: ASCII (Erdoğan → erdogan, Søren → soren),
/// lowercase, letters and digits only (Jean-Pierre → jeanpierre, J.D. → jd).
pub fn fold(s: &str) -> String {
    let keep = |c: char| c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase());
    if s.is_ascii() {
        return s.chars().filter_map(keep).collect();
    }
    deunicode::deunicode(s).chars().filter_map(keep).collect()
}

fn sounds(s: &str) -> [String; 2] {
    let dm = DoubleMetaphone::default();
    [dm.encode(s), dm.encode_alternate(s)]
}

/// How strongly two spellings of a name part look like one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    None,
    /// Close in letters or in sound.
    Near,
    /// The same letters once case, accents, hyphens, spaces and dots are set
    /// aside.
    Folded,
}

/// Compares two name parts.
pub fn likeness(a: &str, b: &str) -> Likeness {
    likeness_folded(&fold(a), &fold(b))
}

/// [`likeness`] of two spellings already folded.
fn likeness_folded(fa: &str, fb: &str) -> Likeness {
    likeness_and_distance(fa, fb).0
}

/// [`likeness_folded`] with how many letters apart they are, which it works out
/// anyway (`usize::MAX` where it was not needed). The distance is optimal string
/// alignment: Damerau–Levenshtein (a swap counts once) without editing one stretch
/// twice, which names never need and which costs no table of letters.
fn likeness_and_distance(fa: &str, fb: &str) -> (Likeness, usize) {
    if fa.is_empty() || fb.is_empty() {
        return (Likeness::None, usize::MAX);
    }
    if fa == fb {
        return (Likeness::Folded, 0);
    }
    let len = fa.len().max(fb.len());
    if len < 4 || fa.len().abs_diff(fb.len()) > 3 {
        return (Likeness::None, usize::MAX);
    }
    let d = strsim::osa_distance(fa, fb);
    if d > 3 {
        return (Likeness::None, d);
    }
    let same_start = fa.as_bytes()[0] == fb.as_bytes()[0];
    // One letter apart from the same start, or two in a long name: near. Beyond
    // that only if they sound alike, and sound is the dearest test, so it is only
    // asked where it can still decide.
    let by_letters = (d == 1 || d == 2 && len >= 6) && same_start;
    if by_letters {
        return (Likeness::Near, d);
    }
    let sound_decides = d == 1 || d == 2 && len >= 6 || d == 3 && len >= 8;
    let same_sound = sound_decides && {
        let (sa, sb) = (sounds(fa), sounds(fb));
        sa.iter().any(|x| !x.is_empty() && sb.contains(x))
    };
    if same_sound {
        (Likeness::Near, d)
    } else {
        (Likeness::None, d)
    }
}

/// Which part of a person's name a mention gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Full,
    Surname,
    Given,
}

struct Mention {
    span: Range<usize>,
    /// Found inside a quotation: never a first reference. Whether any other
    /// mention stands aside (in a headline, or in a quotation after all) is asked
    /// of the draft only where it matters, for the first few mentions of a name.
    quoted: bool,
}

/// The result: which entity each entity is folded into, and the findings.
pub struct Spellings {
    /// For each entity, the entity it is one person with (itself when canonical).
    pub canonical: Vec<usize>,
    /// Mentions found beyond the entities' own (variants, names inside quotations).
    pub extra_mentions: Vec<(usize, Range<usize>)>,
    pub findings: Vec<Finding>,
}

/// What the spelling pass needs to know about the draft.
pub struct Draft<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentence_starts: &'a [usize],
    /// Whether a byte offset lies in a headline block or inside a quotation.
    pub aside: &'a (dyn Fn(usize) -> bool + Sync),
    /// Name runs found inside quotations: (span, words).
    pub quoted_runs: &'a [(Range<usize>, usize)],
}

/// A full name folded once, whole and by part, for comparing it with every other.
struct FoldedName<'a> {
    name: &'a str,
    words: usize,
    whole: String,
    surname: String,
    given: String,
}

impl<'a> FoldedName<'a> {
    fn new(name: &'a str) -> FoldedName<'a> {
        FoldedName {
            name,
            words: name.split_whitespace().count(),
            whole: fold(name),
            surname: fold(surname_of(name)),
            given: fold(&given_part(name)),
        }
    }
}

/// Whether two full names name one person: every part alike, or the shorter one
/// alike to the longer one's tail ("Van Rijjn" and "Joost van Rijn").
fn names_alike(a: &FoldedName, b: &FoldedName) -> Likeness {
    if a.whole == b.whole {
        // "Jean-Pierre Dubois" and "Jean Pierre Dubois"
        return Likeness::Folded;
    }
    if a.words == b.words {
        let surname = likeness_folded(&a.surname, &b.surname);
        let given = likeness_folded(&a.given, &b.given);
        return surname.min(given);
    }
    let (short, long) = if a.words < b.words { (a, b) } else { (b, a) };
    likeness(short.name, &tail(long.name, short.words))
}

/// Everything before the surname ("Jean-Pierre" of "Jean-Pierre Dubois", "Jean
/// Pierre" of "Jean Pierre Dubois").
fn given_part(name: &str) -> String {
    let w = words(name);
    w[..w.len().saturating_sub(1)].join(" ")
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn is_single_word(s: &str) -> bool {
    s.split_whitespace().nth(1).is_none()
}

fn surname_of(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn given_of(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Whether a capitalised word the lists do not know is a mention worth comparing:
/// not a verb or adverb ("Putting", "Finally"), not a plural family name ("the
/// Obamas").
fn plausible_name(word: &str, text: &str, start: usize) -> bool {
    let lower = word.to_lowercase();
    if ["ing", "ed", "ly"].iter().any(|s| lower.ends_with(s)) {
        return false;
    }
    let before = text[..start].trim_end();
    let tail = &before.as_bytes()[before.len().saturating_sub(4)..];
    let plural_family = lower.ends_with('s') && tail.eq_ignore_ascii_case(b" the");
    !plural_family
}

pub fn resolve(
    people: &mut People,
    draft: &Draft,
    house: &[HouseName],
    options: &super::Options,
) -> Spellings {
    let text = draft.text;
    // A surname the story treats as a person ("Böyd said") makes a full-name run
    // that ends in a spelling of it a person too ("Clarence Boyd").
    let lone: Vec<String> = people
        .entities
        .iter()
        .filter(|e| is_single_word(&e.name))
        .map(|e| e.name.clone())
        .collect();
    if !lone.is_empty() {
        for r in 0..people.runs.len() {
            let run = &people.runs[r];
            if run.class != RunClass::Candidate || run.words < 2 {
                continue;
            }
            let span = people.name_span(r, draft.tokens);
            let last = surname_of(&text[span]).to_string();
            if lone.iter().any(|l| likeness(l, &last) != Likeness::None) {
                people.promote(r, draft.tokens, text);
            }
        }
    }
    let people: &People = people;
    let n = people.entities.len();
    let mut canonical: Vec<usize> = (0..n).collect();
    let full: Vec<bool> = people
        .entities
        .iter()
        .map(|e| !is_single_word(&e.name))
        .collect();
    let first_at: Vec<usize> = people
        .entities
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| m.start)
                .min()
                .unwrap_or(usize::MAX)
        })
        .collect();
    let full_mentions: Vec<usize> = people
        .entities
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .filter(|m| two_words_or_more(&text[m.start..m.end]))
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
    let mut order: Vec<usize> = (0..n).filter(|&e| full[e]).collect();
    order.sort_by_key(|&e| first_at[e]);
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
            let one_person = alike != Likeness::None
                && !(full_mentions[a] >= 2 && full_mentions[b] >= 2 && alike != Likeness::Folded);
            if one_person {
                canonical[b] = a;
                break;
            }
        }
    }

    // A lone surname that is nobody's full name: the nearest full name's variant.
    for e in 0..n {
        if full[e] {
            continue;
        }
        let name = &people.entities[e].name;
        if let Some((f, _)) = best_match(people, &canonical, &full, &surnames, surname_of(name)) {
            canonical[e] = f;
        }
    }

    // Capitalised words no list knows ("Poutin"), and names inside quotations; a
    // story repeats its words, so each is compared once.
    let mut memo: HashMap<&str, Option<(usize, usize)>, FxBuild> = HashMap::default();
    let mut extra: Vec<(usize, Range<usize>)> = Vec::new();
    for (r, run) in people.runs.iter().enumerate() {
        if run.class != RunClass::Candidate {
            continue;
        }
        let span = people.name_span(r, draft.tokens);
        if run.words > 1 {
            // "De Vres" for "Leo de Vries", "Caroline Leavitt" for "Karoline Leavitt".
            if let Some(f) = best_full_match(people, &canonical, &full, &text[span.clone()]) {
                extra.push((f, span));
            }
            continue;
        }
        let word = &text[span.clone()];
        let first = run.title.as_ref().map_or(run.name.start, |t| t.start);
        let sentence_initial = draft.sentence_starts.binary_search(&first).is_ok();
        let t = &draft.tokens[run.name.start];
        if !plausible_name(word, text, span.start) || t.info().flags != 0 && !t.has(flag::GIVEN) {
            continue;
        }
        let matched = *memo
            .entry(word)
            .or_insert_with(|| best_match(people, &canonical, &full, &surnames, word));
        if let Some((f, letters_apart)) = matched {
            // A capitalised word opening a sentence may be any word: only a very
            // close spelling counts there.
            if !sentence_initial || letters_apart <= 1 {
                extra.push((f, span));
            }
        }
    }
    for (span, count) in draft.quoted_runs {
        let name = &text[span.clone()];
        let found = if *count > 1 {
            best_full_match(people, &canonical, &full, name)
        } else if plausible_name(name, text, span.start) {
            memo.entry(name)
                .or_insert_with(|| best_match(people, &canonical, &full, &surnames, name))
                .map(|(f, _)| f)
                .or_else(|| best_given_match(people, &canonical, &full, name))
        } else {
            None
        };
        if let Some(f) = found {
            extra.push((f, span.clone()));
        }
    }

    let findings = spelling_findings(people, draft, &canonical, &full, &extra, house, options);
    Spellings {
        canonical,
        extra_mentions: extra,
        findings,
    }
}

/// The canonical full-name entity whose surname `word` spells, best likeness
/// first, with how many letters apart they are; `None` when two are equally close.
/// `surnames` holds each entity's folded surname.
fn best_match(
    people: &People,
    canonical: &[usize],
    full: &[bool],
    surnames: &[String],
    word: &str,
) -> Option<(usize, usize)> {
    // Best likeness first, then fewest letters apart; a true tie names nobody.
    let mut best: Option<((Likeness, std::cmp::Reverse<usize>), usize)> = None;
    let mut tie = false;
    let fw = fold(word);
    for e in 0..people.entities.len() {
        if !full[e] || canonical[e] != e {
            continue;
        }
        let (l, d) = likeness_and_distance(&fw, &surnames[e]);
        if l == Likeness::None {
            continue;
        }
        let key = (l, std::cmp::Reverse(d));
        match best {
            Some((bk, _)) if bk > key => {}
            Some((bk, _)) if bk == key => tie = true,
            _ => {
                best = Some((key, e));
                tie = false;
            }
        }
    }
    if tie {
        None
    } else {
        best.map(|((_, d), e)| (e, d.0))
    }
}

/// The canonical full-name entity a multi-word run names: the whole name alike,
/// or its tail alike ("De Vres" for "Leo de Vries").
fn best_full_match(
    people: &People,
    canonical: &[usize],
    full: &[bool],
    name: &str,
) -> Option<usize> {
    let n = words(name).len();
    people.entities.iter().enumerate().find_map(|(e, ent)| {
        if !full[e] || canonical[e] != e {
            return None;
        }
        let whole = likeness(surname_of(name), surname_of(&ent.name)) != Likeness::None
            && likeness(given_of(name), given_of(&ent.name)) != Likeness::None;
        let tail_alike =
            n < words(&ent.name).len() && likeness(name, &tail(&ent.name, n)) != Likeness::None;
        (whole || tail_alike).then_some(e)
    })
}

/// The one canonical full-name entity whose given name `word` spells ("Conor"
/// inside a quotation).
fn best_given_match(
    people: &People,
    canonical: &[usize],
    full: &[bool],
    word: &str,
) -> Option<usize> {
    let mut found = people
        .entities
        .iter()
        .enumerate()
        .filter(|&(e, ent)| {
            // Given names are short and many look alike: only a one-letter slip.
            let given = given_of(&ent.name);
            full[e]
                && canonical[e] == e
                && likeness(word, given) != Likeness::None
                && strsim::osa_distance(&fold(word), &fold(given)) <= 1
        })
        .map(|(e, _)| e);
    let first = found.next();
    if found.next().is_some() { None } else { first }
}

/// The last `k` words of a name ("de Vries" of "Leo de Vries").
fn tail(name: &str, k: usize) -> String {
    let w = words(name);
    w[w.len().saturating_sub(k)..].join(" ")
}

/// Which part of `name` a mention gives, and how many words of it.
fn shape_of(mention: &str, name: &str) -> (Shape, usize) {
    let (mw, nw) = (words(mention).len(), words(name).len());
    if mw > 1 {
        // "De Vries" for "Leo de Vries", "Van Looy" for "Jasper Van Looy".
        if mw < nw && likeness(mention, &tail(name, mw)) != Likeness::None {
            return (Shape::Surname, mw);
        }
        return (Shape::Full, nw);
    }
    let to_surname = likeness(mention, surname_of(name));
    let to_given = likeness(mention, given_of(name));
    if to_given > to_surname {
        (Shape::Given, 1)
    } else {
        (Shape::Surname, 1)
    }
}

fn expected((shape, k): (Shape, usize), winner: &str) -> String {
    match shape {
        Shape::Full => words(winner).join(" "),
        Shape::Surname => tail(winner, k),
        Shape::Given => given_of(winner).to_string(),
    }
}

/// Whether two spellings differ only in the case of their first letter, as a
/// particle does at the start of a sentence ("De Wit" for "de Wit").
fn same_but_initial_case(a: &str, b: &str) -> bool {
    let (mut ca, mut cb) = (a.chars(), b.chars());
    match (ca.next(), cb.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && ca.as_str() == cb.as_str(),
        _ => false,
    }
}

/// Up to how many variant mentions of one person each finding carries the fix
/// for every mention.
const FIX_ALL_ON_EACH: usize = 32;

fn spelling_findings(
    people: &People,
    draft: &Draft,
    canonical: &[usize],
    full: &[bool],
    extra: &[(usize, Range<usize>)],
    house: &[HouseName],
    options: &super::Options,
) -> Vec<Finding> {
    let text = draft.text;
    let mut clusters: HashMap<usize, Vec<Mention>, FxBuild> = HashMap::default();
    for (e, ent) in people.entities.iter().enumerate() {
        let c = canonical[e];
        if !full[c] {
            continue;
        }
        for m in &ent.mentions {
            clusters.entry(c).or_default().push(Mention {
                span: m.clone(),
                quoted: false,
            });
        }
    }
    for (c, span) in extra {
        clusters.entry(*c).or_default().push(Mention {
            span: span.clone(),
            quoted: true,
        });
    }
    // In a title-case headline or inside a quotation: not a first reference.
    let aside = |m: &Mention| m.quoted || (draft.aside)(m.span.start);
    let mut out = Vec::new();
    let spelling_sev = options.severity(rules::NAME_SPELLING);
    let first_ref_sev = options.severity(rules::FIRST_REFERENCE);
    let mut keys: Vec<usize> = clusters.keys().copied().collect();
    keys.sort_unstable();
    for c in keys {
        let mut mentions = clusters.remove(&c).unwrap_or_default();
        mentions.sort_by_key(|m| m.span.start);
        mentions.dedup_by_key(|m| m.span.clone());
        let story_name = &people.entities[c].name;
        let house_entry = house.iter().find(|h| house_matches(h, story_name));
        let written: Vec<Cow<str>> = mentions
            .iter()
            .map(|m| spaced(&text[m.span.clone()]))
            .collect();
        // The winner: the house list, else the first full-name mention, else the
        // most common spelling.
        let winner: String = match house_entry {
            Some(h) => h.name.clone(),
            None => written
                .iter()
                .find(|s| !is_single_word(s))
                .map(|s| s.to_string())
                .unwrap_or_else(|| majority(&mentions, text)),
        };
        if let Some(sev) = spelling_sev {
            let mut variants: Vec<(Range<usize>, &str, String)> = Vec::new();
            // A story repeats its spellings: each is worked out once.
            let mut wanted: Vec<(&str, String)> = Vec::new();
            for (m, written) in mentions.iter().zip(&written) {
                let i = match wanted.iter().position(|(w, _)| w == written) {
                    Some(i) => i,
                    None => {
                        wanted.push((written, expected(shape_of(written, &winner), &winner)));
                        wanted.len() - 1
                    }
                };
                let want = &wanted[i].1;
                if **written != *want && !same_but_initial_case(written, want) {
                    variants.push((m.span.clone(), written, want.clone()));
                }
            }
            let all_edits: Vec<Edit> = variants
                .iter()
                .map(|(span, _, want)| Edit {
                    span: span.clone(),
                    new_text: want.clone(),
                })
                .collect();
            // Where each wanted spelling stands, looked up once per spelling, not
            // once per variant: a long draft may misspell a name thousands of times.
            let mut spelled_at: Vec<(&str, Option<&Mention>)> = Vec::new();
            for (n, (span, variant, want)) in variants.iter().enumerate() {
                let elsewhere = match spelled_at.iter().find(|(w, _)| w == want) {
                    Some((_, at)) => *at,
                    None => {
                        let spelled_so = || {
                            mentions
                                .iter()
                                .zip(&written)
                                .filter(|(_, w)| **w == **want)
                                .map(|(m, _)| m)
                        };
                        let at = spelled_so()
                            .find(|m| !aside(m))
                            .or_else(|| spelled_so().next());
                        spelled_at.push((want, at));
                        at
                    }
                };
                let message = match house_entry {
                    Some(_) => {
                        format!("“{variant}” departs from the house spelling “{want}” ({winner}).")
                    }
                    None => format!(
                        "“{variant}” is spelled “{want}” elsewhere in this story ({winner})."
                    ),
                };
                let mut fixes = vec![Fix {
                    title: format!("Change to “{want}”"),
                    edits: vec![Edit {
                        span: span.clone(),
                        new_text: want.clone(),
                    }],
                }];
                // Every mention's fix rides on each finding while there are few;
                // with many, on the first only, or the findings would hold a
                // copy of every edit each, quadratic in the draft.
                if all_edits.len() > 1 && (n == 0 || all_edits.len() <= FIX_ALL_ON_EACH) {
                    fixes.push(Fix {
                        title: format!(
                            "Spell every mention of {winner} the same way ({} changes)",
                            all_edits.len()
                        ),
                        edits: all_edits.clone(),
                    });
                }
                out.push(Finding {
                    rule: rules::NAME_SPELLING,
                    severity: sev,
                    message,
                    span: span.clone(),
                    related: elsewhere
                        .map(|m| Related {
                            message: format!("spelled “{want}” here"),
                            span: m.span.clone(),
                        })
                        .into_iter()
                        .collect(),
                    fixes,
                });
            }
        }
        if let Some(sev) = first_ref_sev {
            let first = mentions.iter().find(|m| !aside(m));
            let full_later = mentions
                .iter()
                .find(|m| two_words_or_more(&text[m.span.clone()]) && !aside(m));
            if let (Some(first), Some(full_m)) = (first, full_later) {
                if words(&text[first.span.clone()]).len() == 1
                    && full_m.span.start > first.span.start
                {
                    let short = &text[first.span.clone()];
                    out.push(Finding {
                        rule: rules::FIRST_REFERENCE,
                        severity: sev,
                        message: format!(
                            "First reference to {winner} is “{short}” alone; the full name only comes later."
                        ),
                        span: first.span.clone(),
                        related: vec![Related {
                            message: "the full name first appears here".into(),
                            span: full_m.span.clone(),
                        }],
                        fixes: vec![Fix {
                            title: format!("Use the full name “{winner}”"),
                            edits: vec![Edit {
                                span: first.span.clone(),
                                new_text: winner.clone(),
                            }],
                        }],
                    });
                }
            }
        }
    }
    out
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

fn majority(mentions: &[Mention], text: &str) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for m in mentions {
        let s = text[m.span.clone()].to_string();
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or_default()
}

/// Whether a name has a second word: a space inside it once trimmed.
fn two_words_or_more(name: &str) -> bool {
    crate::text::first_space(name.trim()).is_some()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_second_word_counts_after_any_kind_of_space() {
        for s in [
            "Reed",
            "Maria Alvarez",
            " Reed ",
            "Sørensen",
            "Ingrid\u{a0}Sørensen",
            "Ingrid\u{3000}Sørensen",
            "Leo\nde\u{b}Vries",
            "Zoë",
            "",
        ] {
            assert_eq!(
                super::two_words_or_more(s),
                s.split_whitespace().nth(1).is_some(),
                "{s:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn likeness_of_the_variants_a_desk_sees() {
        for (a, b) in [
            ("Zelensky", "Zelenskyy"),
            ("Zelensky", "Zelenskiy"),
            ("Zelensky", "Selenskyj"),
            ("Leavitt", "Leavit"),
            ("Putin", "Poutin"),
            ("Karoline", "Caroline"),
            ("Alden", "Aldne"),
        ] {
            assert_eq!(likeness(a, b), Likeness::Near, "{a} / {b}");
        }
        for (a, b) in [
            ("Erdoğan", "Erdogan"),
            ("McDonald", "Mcdonald"),
            ("Jean-Pierre", "Jean Pierre"),
            ("JD", "J.D."),
        ] {
            assert_eq!(likeness(a, b), Likeness::Folded, "{a} / {b}");
        }
        for (a, b) in [
            ("Trump", "Putin"),
            ("Vance", "Leavitt"),
            ("Biden", "Brown"),
            ("Lee", "Li"),
        ] {
            assert_eq!(likeness(a, b), Likeness::None, "{a} / {b}");
        }
    }
}
