//! Whether a quotation is speech standing on its own (`full`), a fragment worked
//! into the writer's sentence (`partial`), or not speech at all (`term`: a title,
//! a slogan, a scare quote, a word being mentioned).

use serde::Serialize;

use super::lexicon::{Lexicon, flag};
use super::quotes::RawQuote;

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

/// How far a term signal is looked for on either side of a quotation, in bytes.
const WINDOW: usize = 80;

/// The first char boundary of `s` at or after byte `at` (at most `s.len()`).
fn boundary_at_or_after(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The words right before `at` in `lower` (the draft lowercased, same offsets), at
/// most `N`, nearest last, without their punctuation.
fn words_before<const N: usize>(lower: &str, at: usize) -> ([&str; N], usize) {
    let from = boundary_at_or_after(lower, at.saturating_sub(WINDOW));
    let mut out = [""; N];
    let mut n = 0;
    for w in lower[from..at].split_whitespace().rev().take(N) {
        out[n] = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        n += 1;
    }
    out[..n].reverse();
    (out, n)
}

/// Verbs that name a thing ("a show called") or, with a speaker as their subject,
/// quote one ("which she called").
const NAMING_VERBS: &[&str] = &[
    "called",
    "dubbed",
    "named",
    "branded",
    "labelled",
    "labeled",
    "nicknamed",
    "calling",
    "dubbing",
    "branding",
];

/// Whether the words around the quotation mark it as a term: "so-called “experts”",
/// "the “America First” slogan".
pub fn has_term_signal(q: &RawQuote, masked: &str, lower: &str, lex: &Lexicon) -> bool {
    // Words directly before, not across punctuation. Only the last few dozen
    // bytes are read on either side: the signal words are short, and a draft
    // without spaces (a run of quote marks) must not be rescanned per quotation.
    let gap = masked[..q.span.start].trim_end_matches(' ');
    let touching = gap.ends_with(|c: char| c.is_alphanumeric() || c == '-');
    let last_word = gap[boundary_at_or_after(gap, gap.len().saturating_sub(WINDOW))..]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if touching && lex.word(last_word).has(flag::TERM_BEFORE_END) {
        let (words, count) = words_before::<4>(lower, q.span.start);
        let before = &words[..count];
        for signal in &lex.term_before {
            let n = signal.len();
            if n <= before.len()
                && before[before.len() - n..]
                    .iter()
                    .zip(signal.iter())
                    .all(|(a, b)| *a == &**b)
            {
                // "a show called “X”" names a thing; "which she called “X”" quotes her.
                let naming_verb = n == 1 && NAMING_VERBS.contains(&&*signal[0]);
                let by_someone = before.len() > n && {
                    let w = before[before.len() - n - 1];
                    let info = lex.word(w);
                    info.has(flag::PRONOUN)
                        || info.has(flag::RELATIVE)
                        || info.has(flag::AUX)
                        || matches!(w, "what" | "it" | "and" | "also")
                } || before.iter().any(|&w| w == "what" || w == "which");
                if !(naming_verb && by_someone) {
                    return true;
                }
            }
        }
    }
    // "the “America First” slogan", "«No farmers, no food», a slogan borrowed …"
    let after = masked[q.span.end..].trim_start_matches([' ', '\u{a0}']);
    let after = &after[..boundary_at_or_after(after, WINDOW.min(after.len()))];
    let mut words = after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(3);
    let apposed = after.starts_with(',');
    let signal = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).has(flag::TERM_AFTER)
    };
    match (words.next(), words.next()) {
        (Some(w), _) if signal(w) => return true,
        (Some(det), Some(w)) if apposed && lex.word(det).has(flag::DETERMINER) && signal(w) => {
            return true;
        }
        _ => {}
    }
    false
}

/// A short name ending in its own kind of thing: the “starter-home bill”. Only
/// a term when nobody is credited with it ("called it a “feel-good policy”" is
/// speech).
pub fn names_its_kind(inner: &str, lex: &Lexicon) -> bool {
    let inner = inner.trim().trim_end_matches([',', '.']);
    at_most_words(inner, 3)
        && inner.rsplit(' ').next().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).has(flag::TERM_AFTER)
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
    // One pass over at most nine words: a long word in lowercase settles it.
    let (mut total, mut long_count, mut every_word_capitalised) = (0usize, 0usize, true);
    for w in trimmed.split_whitespace() {
        total += 1;
        if total > 8 {
            return false;
        }
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
    if every_word_capitalised && total <= 6 {
        // "Fix It First", "Meet The Press"
        return true;
    }
    // Every long word is capitalised by now; a title needs enough of them.
    !(long_count == 0 || (total >= 3 && long_count < 2))
}

/// Whether the quotation stands where a sentence of speech can start: at the start
/// of a paragraph, or after a colon, comma, dash, or the end of a sentence.
pub fn stands_alone(q: &RawQuote, masked: &str, block_start: usize) -> bool {
    let before = masked[block_start.min(q.span.start)..q.span.start].trim_end();
    match before.chars().last() {
        None => true,
        Some(c) => matches!(
            c,
            ':' | ','
                | '—'
                | '–'
                | '('
                | '.'
                | '!'
                | '?'
                | '”'
                | '"'
                | '’'
                | '\''
                | '»'
                | '«'
                | '“'
                | '‘'
                | '„'
                | ';'
                | '-'
        ),
    }
}

/// Whether `inner` has at most `n` words, without counting past them.
pub fn at_most_words(inner: &str, n: usize) -> bool {
    inner.split_whitespace().nth(n).is_none()
}

pub fn ends_as_sentence(inner: &str) -> bool {
    inner
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '’' | '\'' | '”' | '"' | '»' | '›')
        })
        .ends_with(['.', '!', '?', '…'])
}

pub fn starts_upper(inner: &str) -> bool {
    inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn word_limits_stop_counting_early() {
        assert!(at_most_words("a b c", 3));
        assert!(!at_most_words("a b c d", 3));
        assert!(at_most_words("  ", 0));
    }
}
