//! Properties of the analysis on arbitrary drafts, plain text and Markdown: it
//! never panics, every offset it returns is a valid range of the text on char
//! boundaries, quotations start and end with quote marks and nest properly, and
//! the result is deterministic.
//!
//! 256 cases per property by default; set `COPYDESK_PROPTEST_CASES` for long runs.

#[path = "common/offsets.rs"]
mod offsets;

use std::ops::Range;

use copydesk::analysis::{Analysis, Options, Speaker, analyze};
use copydesk::text::Format;
use offsets::offsets_sound;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Every character the scanner treats as a quotation mark.
const QUOTE_MARKS: &[char] = &['"', '\'', '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›'];

fn config() -> ProptestConfig {
    let cases = std::env::var("COPYDESK_PROPTEST_CASES")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

/// Characters that matter to the analysis: quote marks and look-alikes, line
/// breaks, odd spaces, punctuation and Markdown syntax.
const INTERESTING_CHARS: &[char] = &[
    '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›', '"', '\'', '′', '″', '\n', '\r', ' ', ' ',
    ' ', '\t', '\u{a0}', '\u{feff}', '\u{200d}', '\u{301}', '.', ',', ':', ';', '!', '?', '—', '–',
    '-', '`', '#', '*', '_', '[', ']', '(', ')', '<', '>', '!', '|', '~', '\\', '&', 'é', 'ß', 'İ',
    '😀', '…',
];

/// Words and fragments that make the text look like a story, or like Markdown.
const INTERESTING_PIECES: &[&str] = &[
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    "\r\r",
    "---",
    "---\n",
    "+++\n",
    "```\n",
    "    ",
    "- ",
    "* ",
    "1. ",
    "# ",
    "> ",
    "| a | b |\n|---|---|\n",
    "[^1]",
    "[^1]: ",
    "<!--",
    "-->",
    "<!-- copydesk-ignore -->\n",
    "<!-- copydesk-ignore unattributed-quote -->\n",
    "<https://example.test/a>",
    "[link](https://example.test/“q”)",
    "![alt](i.png)",
    "](",
    "said",
    "says",
    "told",
    "wrote",
    "added",
    "according to",
    "said on Monday",
    "he",
    "she",
    "they",
    "He",
    "She",
    "it",
    "the",
    "The",
    "a",
    "and",
    "of",
    "Mr.",
    "Ms.",
    "Dr.",
    "President",
    "the mayor",
    "a spokeswoman",
    "a source familiar with the talks",
    "officials",
    "the company",
    "Jane Doe",
    "Tom Smith",
    "Smith",
    "Vladimir Putin",
    "Putin",
    "Maria",
    "O’Brien",
    "Jean-Luc",
    "J. R. R.",
    "don't",
    "didn’t",
    "'em",
    "’90s",
    "6'2\"",
    "15\"",
    "students’",
    "rock ’n’ roll",
    "U.S.",
    "3.5",
    "1,000",
    "“We tried,” he said, “but it failed.”",
    "“It is over,” Smith said.",
    "‘Immediately’",
    "«Nous sommes prêts.»",
    "„Wir sind bereit.“",
    "»Ja.«",
];

/// One piece of a draft: arbitrary characters mixed with a high share of the
/// interesting ones.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<char>().prop_map(String::from),
        8 => prop::sample::select(INTERESTING_CHARS).prop_map(String::from),
        6 => prop::sample::select(INTERESTING_PIECES).prop_map(String::from),
        3 => prop::char::range('a', 'z').prop_map(String::from),
        2 => prop::char::range('A', 'Z').prop_map(String::from),
        1 => prop::char::range('0', '9').prop_map(String::from),
        4 => "[A-Z][a-z]{1,8}",
        4 => "[a-z]{1,8}",
    ]
}

/// A draft of up to 120 pieces.
fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

fn check_offsets(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    offsets_sound(text, a).map_err(TestCaseError::fail)
}

fn check_quotes(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    for (i, q) in a.quotes.iter().enumerate() {
        let s = &text[q.span.clone()];
        let first = s.chars().next();
        let last = s.chars().next_back();
        prop_assert!(
            first.is_some_and(|c| QUOTE_MARKS.contains(&c)),
            "quote {i} {s:?} does not start with a quote mark"
        );
        prop_assert!(
            last.is_some_and(|c| QUOTE_MARKS.contains(&c)),
            "quote {i} {s:?} does not end with a quote mark"
        );
        if let Some(p) = q.nested_in {
            prop_assert!(p < i, "quote {i} nested in later quote {p}");
            let outer = &a.quotes[p].span;
            prop_assert!(
                outer.start < q.span.start && q.span.end <= outer.end,
                "quote {i} {:?} nested in {p} {outer:?} but not inside it",
                q.span
            );
        }
        if let Some(p) = q.continues {
            prop_assert!(p < i, "quote {i} continues later quote {p}");
        }
        if let Some(Speaker::Person(p)) = &q.speaker {
            prop_assert!(*p < a.people.len(), "quote {i} speaker {p} out of range");
            prop_assert!(
                a.people[*p].quotes.contains(&i),
                "quote {i} not among its speaker's quotes"
            );
        }
    }
    for (i, p) in a.people.iter().enumerate() {
        for &q in &p.quotes {
            prop_assert!(q < a.quotes.len(), "person {i} quote {q} out of range");
            prop_assert_eq!(&a.quotes[q].speaker, &Some(Speaker::Person(i)));
        }
    }
    // Quotations come in document order.
    for w in a.quotes.windows(2) {
        prop_assert!(w[0].span.start <= w[1].span.start, "quotes out of order");
    }
    check_nesting(text, a)?;
    Ok(())
}

/// Quotations nest properly, and a quotation that lies inside another one is
/// nested in the innermost quotation around it.
fn check_nesting(text: &str, a: &Analysis) -> Result<(), TestCaseError> {
    let inside = |inner: &Range<usize>, outer: &Range<usize>| {
        outer.start <= inner.start && inner.end <= outer.end && inner != outer
    };
    for (i, q) in a.quotes.iter().enumerate() {
        for (j, other) in a.quotes.iter().enumerate().skip(i + 1) {
            let disjoint = q.span.end <= other.span.start || other.span.end <= q.span.start;
            prop_assert!(
                disjoint || inside(&q.span, &other.span) || inside(&other.span, &q.span),
                "quotes {i} {:?} and {j} {:?} overlap without nesting",
                &text[q.span.clone()],
                &text[other.span.clone()]
            );
        }
        let innermost = a
            .quotes
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && inside(&q.span, &o.span))
            .max_by_key(|(_, o)| o.span.start)
            .map(|(j, _)| j);
        prop_assert_eq!(
            q.nested_in,
            innermost,
            "quote {} {:?}: nested_in is not the innermost quotation around it",
            i,
            &text[q.span.clone()]
        );
    }
    Ok(())
}

fn check_all(text: &str, format: Format) -> Result<(), TestCaseError> {
    let a = analyze(text, &Options::new(format));
    check_offsets(text, &a)?;
    check_quotes(text, &a)?;
    Ok(())
}

fn check_deterministic(text: &str, format: Format) -> Result<(), TestCaseError> {
    let options = Options::new(format);
    let a = analyze(text, &options);
    let b = analyze(text, &options);
    prop_assert_eq!(&a.findings, &b.findings);
    prop_assert_eq!(format!("{:?}", a.quotes), format!("{:?}", b.quotes));
    prop_assert_eq!(format!("{:?}", a.people), format!("{:?}", b.people));
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn plain_text_offsets_and_quotes_are_sound(text in draft()) {
        check_all(&text, Format::PlainText)?;
    }

    #[test]
    fn markdown_offsets_and_quotes_are_sound(text in draft()) {
        check_all(&text, Format::Markdown)?;
    }

    #[test]
    fn plain_text_never_panics_on_any_string(text in any::<String>()) {
        check_all(&text, Format::PlainText)?;
    }

    #[test]
    fn markdown_never_panics_on_any_string(text in any::<String>()) {
        check_all(&text, Format::Markdown)?;
    }

    #[test]
    fn plain_text_analysis_is_deterministic(text in draft()) {
        check_deterministic(&text, Format::PlainText)?;
    }

    #[test]
    fn markdown_analysis_is_deterministic(text in draft()) {
        check_deterministic(&text, Format::Markdown)?;
    }
}

/// Inputs that once looked risky, kept as plain tests so they always run.
#[test]
fn edge_cases_are_sound() {
    let cases = [
        "",
        "“",
        "”",
        "\"",
        "'",
        "\u{feff}",
        "\u{feff}“",
        "\r",
        "\r\n",
        "“\r\n\r\n“",
        "“a\n\n“b\n\n“c”",
        "---\n“",
        "```\n“\n",
        "<!-- copydesk-ignore -->",
        "<!-- copydesk-ignore -->\n“x”",
        "“‘«‹„‚",
        "”’»›",
        "é“😀”é",
        "“We tried,” he said, “but it failed.”",
        "“He told me, ‘It is over,’ and left,” Smith said.",
        // A single quotation left open inside a double one, holding another
        // double quotation (found by the properties above).
        "“I told them ‘we need “more time,” and they agreed,” Smith said.",
        "‘‚a“We tried,” he said, “but it failed.”—'¡",
        "„‘Immediately’a„“We tried,” he said, “but it failed.”",
        "¡‹A\t„\"”—›",
    ];
    for text in cases {
        for format in [Format::PlainText, Format::Markdown] {
            if let Err(e) = check_all(text, format) {
                panic!("{text:?} as {format:?}: {e}");
            }
            if let Err(e) = check_deterministic(text, format) {
                panic!("{text:?} as {format:?}: {e}");
            }
        }
    }
}
