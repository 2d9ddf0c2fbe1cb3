//! Whether a quotation is speech standing on its own (`full`), a fragment worked
//! into the writer's sentence (`partial`), or not speech at all (`term`: a title,
//! a slogan, a scare quote, a word being mentioned).

use std::ops::Range;

use super::lexicon::{Flags, Lexicon};
use super::marks::{Family, RawQuote};
use super::model::{How, QuoteKind};
use super::sentences::ends_with_stop;

/// What a quotation's own words and surroundings say of its kind, before anyone
/// is credited with it.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// A term by its surroundings ("so-called “experts”"), whoever is credited.
    pub term: bool,
    /// A name, not words of anyone's, unless someone is credited with it: a
    /// transcript's label (''Pau'': …), or where every noun is capitalised, a
    /// name in marks after its article (die „Neue Rechte“).
    pub name: bool,
    /// Set in title case ("Meet the Press"): a term, unless it opens its
    /// sentence with a cue after it ("“Really,” she said.").
    pub title_case: bool,
    /// Where a sentence of speech can start.
    pub alone: bool,
    /// The quotation this one continues after a cue splits it.
    pub continues: Option<usize>,
    /// A full quotation: it runs over paragraphs, continues one that a cue split,
    /// or stands alone as a sentence.
    pub full: bool,
    /// In single marks in a headline: a word the headline quotes, someone's when
    /// the headline names them and a term when it does not.
    pub headline_fragment: bool,
}

/// The shape of each quotation.
pub fn shapes(
    raw: &[RawQuote],
    masked: &str,
    blocks: &[Range<usize>],
    headlines: &[bool],
    lex: &Lexicon,
) -> Vec<Shape> {
    let siblings = previous_siblings(raw);
    raw.iter()
        .enumerate()
        .map(|(i, q)| {
            let inner = &masked[q.inner.clone()];
            let alone = stands_alone(q, masked, blocks[q.blocks.0].start);
            // Where every noun is capitalised, a phrase of nouns reads like a
            // title ("Opfer des Terrorismus") and its capitals say nothing.
            let title_case = !headlines[q.blocks.0]
                && !lex.traits.nouns_capitalised
                && is_title_case(inner)
                && (!alone || at_most_words(inner, 5));
            let continues = continuation_of(q, siblings[i], raw, masked);
            let block_start = blocks[q.blocks.0].start;
            Shape {
                term: has_term_signal(q, masked, lex),
                name: is_label(q, masked, block_start)
                    || lex.traits.nouns_capitalised
                        && reads_as_name(inner)
                        && after_article(q, masked, lex),
                title_case,
                alone,
                continues,
                full: q.multi_paragraph || continues.is_some() || (alone && starts_upper(inner)),
                headline_fragment: headlines[q.blocks.0] && q.family == Family::Single,
            }
        })
        .collect()
}

/// A quotation's kind from its shape and how its speaker was found, if it was.
pub fn kind_of(shape: Shape, inner: &str, how: Option<How>, lex: &Lexicon) -> QuoteKind {
    let attributed = how.is_some();
    // Short speech with its cue is speech, whatever its capitals: “Fine,” she
    // said; “Never,” Jones insisted.
    let spoken = shape.alone && how == Some(How::Cue);
    let name = (shape.name || shape.headline_fragment) && !attributed;
    if shape.term || (shape.title_case && !spoken) || name {
        QuoteKind::Term
    } else if shape.full || (spoken && starts_upper(inner)) {
        QuoteKind::Full
    } else if !attributed
        // A few words that make no sentence, or words that name their own kind,
        // are a term unless someone is credited with them.
        && ((at_most_words(inner, 3) && !ends_with_stop(inner)) || names_its_kind(inner, lex))
    {
        QuoteKind::Term
    } else {
        QuoteKind::Partial
    }
}

/// Each quotation's previous sibling (the one before it with the same parent).
fn previous_siblings(raw: &[RawQuote]) -> Vec<Option<usize>> {
    // The last quotation seen under each parent; the top level is slot `len`.
    let mut last = vec![None; raw.len() + 1];
    raw.iter()
        .enumerate()
        .map(|(i, q)| last[q.parent.unwrap_or(raw.len())].replace(i))
        .collect()
}

/// The quotation that `q` continues after a cue splits it: its previous sibling
/// `p`, ending in a comma or a dash, with only a short cue clause between.
fn continuation_of(
    q: &RawQuote,
    p: Option<usize>,
    raw: &[RawQuote],
    masked: &str,
) -> Option<usize> {
    let prev = &raw[p?];
    if prev.span.end > q.span.start
        || !masked[prev.inner.clone()]
            .trim_end()
            .ends_with([',', '—', '–'])
    {
        return None;
    }
    let between = &masked[prev.span.end..q.span.start];
    let cue_clause = between.trim_end().ends_with(',')
        && !at_most_words(between, 0)
        && at_most_words(between, 12)
        && !between.contains(['.', '!', '?']);
    cue_clause.then_some(p?)
}

/// How far a term signal is looked for on either side of a quotation, in bytes:
/// the signal words are short, and a draft without spaces (a run of quote marks)
/// must not be read whole for every quotation.
const WINDOW: usize = 80;

/// The first char boundary of `s` at or after byte `at` (at most `s.len()`).
fn boundary_at_or_after(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Letters, digits and hyphens: what the signal checks read as a word.
fn is_signal_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The words right before `at` in `text`, at most `n`, in text order, without
/// their punctuation.
fn words_before(text: &str, at: usize, n: usize) -> Vec<&str> {
    let from = boundary_at_or_after(text, at.saturating_sub(WINDOW));
    let mut words: Vec<&str> = text[from..at]
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| w.trim_matches(|c: char| !is_signal_word_char(c)))
        .collect();
    words.reverse();
    words
}

/// Whether the words around the quotation mark it as a term: "so-called “experts”",
/// "the “America First” slogan".
pub fn has_term_signal(q: &RawQuote, masked: &str, lex: &Lexicon) -> bool {
    // Words directly before, not across punctuation.
    let gap = masked[..q.span.start].trim_end_matches(' ');
    if gap.ends_with(is_signal_word_char) {
        let before = words_before(masked, q.span.start, 4);
        if before
            .last()
            .is_some_and(|w| lex.word(w).has(Flags::TERM_BEFORE_END))
            && term_before(&before, clause_before(masked, q.span.start), lex)
        {
            return true;
        }
    }
    // "the “America First” slogan", "«No farmers, no food», a slogan borrowed …"
    let after = masked[q.span.end..].trim_start_matches([' ', '\u{a0}']);
    let after = &after[..boundary_at_or_after(after, WINDOW.min(after.len()))];
    let apposed = after.starts_with(',');
    let signal = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).has(Flags::TERM_AFTER)
    };
    let Some((first, rest)) = next_word(after) else {
        return false;
    };
    signal(first)
        || (apposed
            && lex.word(first).has(Flags::DETERMINER)
            && next_word(rest).is_some_and(|(w, _)| signal(w)))
}

/// The sentence up to `at`, as far back as [`WINDOW`] allows twice over.
fn clause_before(text: &str, at: usize) -> &str {
    let from = boundary_at_or_after(text, at.saturating_sub(2 * WINDOW));
    let window = &text[from..at];
    let start = ['.', '!', '?']
        .iter()
        .filter_map(|&c| window.rfind([c]))
        .max()
        .map_or(0, |i| i + 1);
    &window[start..]
}

/// Whether the words before a quotation end with a term signal: "so-called",
/// "known as", "a show called" (but "which she called “X”" quotes her).
fn term_before(before: &[&str], clause: &str, lex: &Lexicon) -> bool {
    lex.term_before.iter().any(|signal| {
        let n = signal.len();
        let matches = n <= before.len()
            && before[before.len() - n..]
                .iter()
                .zip(signal.iter())
                .all(|(a, b)| a.eq_ignore_ascii_case(b));
        if !matches {
            return false;
        }
        let naming_verb = n == 1 && lex.word(&signal[0]).has(Flags::NAMING_VERB);
        // "which she called", "what aide Kevin Phillips called", "Buchanan
        // called": someone's words, not a thing's name.
        let by_someone = before.len() > n && {
            let word = before[before.len() - n - 1];
            let w = lex.word(word);
            w.has(Flags::PRONOUN | Flags::RELATIVE | Flags::AUX | Flags::SPEAKER_LEAD)
                || word.chars().next().is_some_and(char::is_uppercase)
        } || clause.split_whitespace().any(|w| {
            lex.word(w.trim_matches(|c: char| !c.is_alphanumeric()))
                .has(Flags::WHAT_WHICH)
        });
        !(naming_verb && by_someone)
    })
}

/// The first word of `s` (letters, digits and hyphens) and the text after it.
fn next_word(s: &str) -> Option<(&str, &str)> {
    let start = s.find(is_signal_word_char)?;
    let end = s[start..]
        .find(|c: char| !is_signal_word_char(c))
        .map_or(s.len(), |i| start + i);
    Some((&s[start..end], &s[end..]))
}

/// A short name ending in its own kind of thing: the “starter-home bill”. Only
/// a term when nobody is credited with it ("called it a “feel-good policy”" is
/// speech).
pub fn names_its_kind(inner: &str, lex: &Lexicon) -> bool {
    let inner = inner.trim().trim_end_matches([',', '.']);
    at_most_words(inner, 3)
        && inner.rsplit(' ').next().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).has(Flags::TERM_AFTER)
        })
}

/// Whether the content reads as a title: every longer word capitalised, short, and
/// with no sentence punctuation at its end ("Meet the Press", "Make America Great
/// Again").
pub fn is_title_case(inner: &str) -> bool {
    // American style sets the sentence's comma or full stop inside the marks:
    // “The Lamplighter’s Daughter,” is still a title.
    let trimmed = inner
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .trim_end();
    if trimmed.is_empty() || trimmed.ends_with(['!', '?']) {
        return false;
    }
    // An acronym alone ("CR") is a name for a thing, not speech.
    if (2..=12).contains(&trimmed.len())
        && trimmed
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return true;
    }
    if !at_most_words(trimmed, 8) {
        return false;
    }
    let (mut words, mut long_count, mut every_word_capitalised) = (0, 0, true);
    for w in trimmed.split_whitespace() {
        words += 1;
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let capital = letters.next().map(char::is_uppercase);
        let long = capital.is_some() && letters.nth(2).is_some();
        if capital == Some(false) {
            // "That is the job." has a long word in lowercase: a sentence.
            if long {
                return false;
            }
            every_word_capitalised = false;
        }
        long_count += usize::from(long);
    }
    if every_word_capitalised && words <= 6 {
        // "Fix It First", "Meet The Press"
        return true;
    }
    // Every long word is capitalised by now; a title needs enough of them.
    !(long_count == 0 || (words >= 3 && long_count < 2))
}

/// Whether the words in marks read as a name: a few capitalised words, short
/// lowercase ones between at most ("Alternative für Deutschland"), no
/// punctuation of a sentence.
fn reads_as_name(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capital = |w: &&str| starts_upper(w);
    !words.is_empty()
        && words.len() <= 6
        && words.first().is_some_and(capital)
        && words.last().is_some_and(capital)
        && words.iter().all(|w| capital(w) || w.chars().count() <= 4)
        && !inner.contains([',', '.', '!', '?', ';', ':'])
}

/// Whether an article stands right before the quotation, perhaps with one
/// adjective between ("die französische „Alliance“").
fn after_article(q: &RawQuote, masked: &str, lex: &Lexicon) -> bool {
    let gap = masked[..q.span.start].trim_end_matches([' ', '\u{a0}']);
    if !gap.ends_with(is_signal_word_char) {
        return false;
    }
    let article = |w: &str| lex.word(w).has(Flags::DETERMINER);
    match words_before(masked, q.span.start, 2).as_slice() {
        [.., last] if article(last) => true,
        [first, last] => article(first) && last.chars().next().is_some_and(char::is_lowercase),
        _ => false,
    }
}

/// Whether the quotation is a transcript's label: a name or two in marks
/// opening a paragraph, right before a colon, as an interview sets who
/// speaks (''Pau'': …, ''Wikinews'': …). It names a speaker; it says nothing.
fn is_label(q: &RawQuote, masked: &str, block_start: usize) -> bool {
    let inner = &masked[q.inner.clone()];
    let opens = masked[block_start.min(q.span.start)..q.span.start]
        .trim()
        .is_empty();
    opens
        && masked[q.span.end..].starts_with(':')
        && at_most_words(inner, 2)
        && inner.split_whitespace().all(starts_upper)
        && !ends_with_stop(inner)
}

/// Whether the quotation stands where a sentence of speech can start: at the start
/// of a paragraph, or after a colon, comma, dash, or the end of a sentence.
pub fn stands_alone(q: &RawQuote, masked: &str, block_start: usize) -> bool {
    let before = masked[block_start.min(q.span.start)..q.span.start].trim_end();
    before
        .chars()
        .last()
        .is_none_or(|c| ":,—–(.!?”\"’'»«“‘„;-".contains(c))
}

/// Whether `inner` has at most `n` words.
pub fn at_most_words(inner: &str, n: usize) -> bool {
    inner.split_whitespace().nth(n).is_none()
}

pub fn starts_upper(inner: &str) -> bool {
    inner
        .chars()
        .find(|&c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Language;

    #[test]
    fn titles_read_as_titles_and_sentences_do_not() {
        for title in [
            "Meet the Press",
            "Make America Great Again",
            "Fix It First",
            "CR",
            "The Lamplighter’s Daughter,",
            "Small Is Beautiful",
        ] {
            assert!(is_title_case(title), "{title}");
        }
        for sentence in [
            "That is the job.",
            "We will win",
            "Why Didn’t We Act?",
            "One Two Three Four Five Six Seven Eight Nine",
            "the best of times",
            "",
        ] {
            assert!(!is_title_case(sentence), "{sentence}");
        }
    }

    #[test]
    fn words_around_the_marks_make_a_term() {
        use crate::analysis::marks;
        use crate::text::{Format, ProseMap};
        let lex = Lexicon::for_language(Language::English);
        let signalled = |text: &str| {
            let map = ProseMap::new(text, Format::PlainText);
            let (q, _) = marks::scan(&map.masked, &map.blocks, lex);
            has_term_signal(&q[0], &map.masked, lex)
        };
        for term in [
            "The so-called “experts” were wrong.",
            "So-Called “Experts” Were Wrong, the banner read.",
            "It aired on The Show “Late Night”.",
            "It was known as “the Box” to staff.",
            "She backed the “America First” slogan.",
            "They chanted «No farmers, no food», a slogan from 2024.",
        ] {
            assert!(signalled(term), "{term}");
        }
        for speech in [
            "He said “we will win” and left.",
            "“We will win,” the slogan-writer said.",
            "She called it “a disgrace”, a word she rarely uses.",
            "Which She Called “a disgrace”.",
            "“No farmers, no food”, the Slogan said.",
            "It was “slogan”",
        ] {
            assert!(!signalled(speech), "{speech}");
        }
        assert_eq!(next_word(", the slogan"), Some(("the", " slogan")));
        assert_eq!(next_word("-style plan"), Some(("-style", " plan")));
        assert_eq!(next_word("Zoë’s bill"), Some(("Zoë", "’s bill")));
        assert_eq!(next_word(" .,"), None);
    }

    #[test]
    fn word_limits_count_words_as_whitespace_splits_them() {
        assert!(at_most_words("a b c", 3));
        assert!(!at_most_words("a b c d", 3));
        assert!(at_most_words("  ", 0));
    }
}
