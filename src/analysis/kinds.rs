//! Whether a quotation is speech standing on its own (`full`), a fragment worked
//! into the writer's sentence (`partial`), or not speech at all (`term`: a title,
//! a slogan, a scare quote, a word being mentioned).

use serde::Serialize;

use super::lexicon::{Lexicon, flag};
use super::quotes::RawQuote;
use crate::text::is_alphanumeric;

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

/// The words right before `at` in `text`, at most `N`, nearest last, without
/// their punctuation.
fn words_before<const N: usize>(text: &str, at: usize) -> ([&str; N], usize) {
    let from = boundary_at_or_after(text, at.saturating_sub(WINDOW));
    let mut out = [""; N];
    let mut n = 0;
    for w in text[from..at].split_whitespace().rev().take(N) {
        out[n] = w.trim_matches(|c: char| !is_signal_word_char(c));
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
pub fn has_term_signal(q: &RawQuote, masked: &str, lex: &Lexicon) -> bool {
    // Words directly before, not across punctuation. Only the last few dozen
    // bytes are read on either side: the signal words are short, and a draft
    // without spaces (a run of quote marks) must not be rescanned per quotation.
    let gap = masked[..q.span.start].trim_end_matches(' ');
    let touching = gap.ends_with(is_signal_word_char);
    // Read only when a word touches the mark; a plain loop, as the pattern
    // machinery of `rsplit` costs more than the rest of this check together.
    let last_word = || {
        let window = &gap[boundary_at_or_after(gap, gap.len().saturating_sub(WINDOW))..];
        let from = window
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        window[from..].trim_matches(|c: char| !is_signal_word_char(c))
    };
    if touching && lex.word(last_word()).has(flag::TERM_BEFORE_END) {
        let (words, count) = words_before::<4>(masked, q.span.start);
        let before = &words[..count];
        for signal in &lex.term_before {
            let n = signal.len();
            if n <= before.len()
                && before[before.len() - n..]
                    .iter()
                    .zip(signal.iter())
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            {
                // "a show called “X”" names a thing; "which she called “X”" quotes her.
                let naming_verb = n == 1 && NAMING_VERBS.contains(&&*signal[0]);
                let by_someone = before.len() > n && {
                    let w = before[before.len() - n - 1];
                    let info = lex.word(w);
                    info.has(flag::PRONOUN)
                        || info.has(flag::RELATIVE)
                        || info.has(flag::AUX)
                        || ["what", "it", "and", "also"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                } || before
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case("what") || w.eq_ignore_ascii_case("which"));
                if !(naming_verb && by_someone) {
                    return true;
                }
            }
        }
    }
    // "the “America First” slogan", "«No farmers, no food», a slogan borrowed …"
    let after = masked[q.span.end..].trim_start_matches([' ', '\u{a0}']);
    let after = &after[..boundary_at_or_after(after, WINDOW.min(after.len()))];
    let apposed = after.starts_with(',');
    let signal = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase) && lex.word(w).has(flag::TERM_AFTER)
    };
    let Some((first, rest)) = next_word(after) else {
        return false;
    };
    signal(first)
        || (apposed
            && lex.word(first).has(flag::DETERMINER)
            && next_word(rest).is_some_and(|(w, _)| signal(w)))
}

/// Letters, digits and hyphens: what the signal checks read as a word.
fn is_signal_word_char(c: char) -> bool {
    is_alphanumeric(c) || c == '-'
}

/// Bytes at the start of `s` whose characters are word characters (`word`) or
/// are not. ASCII is read a byte at a time from a table, without decoding: these
/// checks run for every quotation, and iterating `char_indices` cost more than
/// the rest.
fn run_len(s: &str, word: bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        // ASCII settles most bytes with one load; non-ASCII stops the run.
        while let Some(&b) = bytes.get(i) {
            match SIGNAL_BYTE[b as usize] {
                NOT_ASCII => break,
                class if (class == SIGNAL_WORD) != word => return i,
                _ => i += 1,
            }
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            return i;
        };
        if is_signal_word_char(c) != word {
            return i;
        }
        i += c.len_utf8();
    }
}

/// What an ASCII byte is to [`run_len`]: part of a signal word or not; any
/// other byte is read as a character.
const SIGNAL_WORD: u8 = 1;
const NOT_ASCII: u8 = 2;
const SIGNAL_BYTE: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'-' {
            SIGNAL_WORD
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The first word of `s` (letters, digits and hyphens) and the text after it.
fn next_word(s: &str) -> Option<(&str, &str)> {
    let start = run_len(s, false);
    if start == s.len() {
        return None;
    }
    let end = start + run_len(&s[start..], true);
    Some((&s[start..end], &s[end..]))
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
    if lowercase_long_word_early(inner) {
        return false;
    }
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

/// Whether one of the first eight words is in lowercase with four letters or
/// more, read from ASCII bytes: such a word makes the quotation a sentence, not a
/// title, and most quotations are sentences that show one within a few words.
/// The curly apostrophe, quotation marks, dashes and ellipsis are read as the
/// ASCII marks are, neither letters nor spaces: speech is full of "don’t". A
/// word with any other character stops the reading (`false`: not known), and the
/// full check decides.
fn lowercase_long_word_early(inner: &str) -> bool {
    let mut words = 0;
    // Per word: letters seen, and whether the first of them is lowercase.
    let (mut letters, mut lower, mut in_word) = (0, false, false);
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let mut b = bytes[i];
        i += 1;
        if b >= 0x80 {
            // – — ‘ ’ “ ” … (U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026).
            match bytes.get(i - 1..i + 2) {
                Some([0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6]) => {
                    i += 2;
                    b = b'\'';
                }
                _ => return false,
            }
        }
        if crate::text::is_ascii_space(b) {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            words += 1;
            if words > 8 {
                return false;
            }
            letters = 0;
        }
        if b.is_ascii_alphabetic() {
            if letters == 0 {
                lower = b.is_ascii_lowercase();
            }
            letters += 1;
            if lower && letters == 4 {
                return true;
            }
        }
    }
    false
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

/// Whether `inner` has at most `n` words (as `split_whitespace` counts them),
/// without counting past them. ASCII is read a byte at a time.
pub fn at_most_words(inner: &str, n: usize) -> bool {
    let bytes = inner.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b.is_ascii() {
            ((b as char).is_whitespace(), 1)
        } else {
            match inner[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !space;
        i += len;
    }
    true
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
        .find(|&c| is_alphanumeric(c))
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
    fn words_around_the_marks_make_a_term() {
        use crate::analysis::quotes;
        use crate::text::{Format, ProseMap};
        let lex = Lexicon::get();
        let signalled = |text: &str| {
            let map = ProseMap::new(text, Format::PlainText);
            let (q, _) = quotes::scan(&map.masked, &map.blocks, lex);
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

    /// Text mixing ASCII with the characters the byte-level readers must decode:
    /// accented letters, non-breaking and ideographic spaces, dashes and marks.
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "Z", "9", "-", " ", "  ", "\t", "\n", ",", ".", "’", "“", "é", "Zoë",
                "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "—", "ß", "日本", "\u{301}", "\u{b}",
                "–", "‘", "”", "…", "won’t", "„", "\u{2028}",
            ]),
            0..24,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Whether a lowercase word of four letters or more stands among the first
    /// eight, as `is_title_case` reads words: `Some(false)` when one does.
    fn is_title_case_by_words(s: &str) -> Option<bool> {
        s.split_whitespace()
            .take(8)
            .any(|w| {
                let mut letters = w.chars().filter(|c| c.is_alphabetic());
                letters.next().is_some_and(char::is_lowercase) && letters.nth(2).is_some()
            })
            .then_some(false)
    }

    fn next_word_by_chars(s: &str) -> Option<(&str, &str)> {
        let start = s.char_indices().find(|&(_, c)| is_signal_word_char(c))?.0;
        let end = s[start..]
            .char_indices()
            .find(|&(_, c)| !is_signal_word_char(c))
            .map_or(s.len(), |(i, _)| start + i);
        Some((&s[start..end], &s[end..]))
    }

    proptest::proptest! {
        #[test]
        fn byte_readers_agree_with_reading_by_chars(s in mixed_text(), n in 0usize..6) {
            proptest::prop_assert_eq!(next_word(&s), next_word_by_chars(&s));
            if lowercase_long_word_early(&s) {
                proptest::prop_assert!(!is_title_case(&s));
                proptest::prop_assert!(is_title_case_by_words(&s) == Some(false));
            }
            proptest::prop_assert_eq!(at_most_words(&s, n), s.split_whitespace().nth(n).is_none());
        }
    }

    #[test]
    fn a_long_lowercase_word_early_settles_a_sentence() {
        for (s, early) in [
            ("We have waited long enough for this,", true),
            ("Meet the Press", false),
            ("Fix It First", false),
            ("(maybe) Not", true),
            ("One Two Six Ten Red Big Old New nine", false),
            ("one two three", true),
            ("a b c d e f g h nine", false),
            ("a b c d e f g eight", true),
            ("Zoë said nothing", false),
            ("I don’t think so", true),
            ("“Don’t” — Tread On Me", false),
            ("It’s… Over Now", false),
            ("It’s… never", true),
            ("We\u{a0}will never", false),
            ("", false),
        ] {
            assert_eq!(lowercase_long_word_early(s), early, "{s}");
            if early {
                assert!(!is_title_case(s), "{s}");
            }
        }
    }

    #[test]
    fn word_limits_stop_counting_early() {
        assert!(at_most_words("a b c", 3));
        assert!(!at_most_words("a b c d", 3));
        assert!(at_most_words("  ", 0));
    }
}
