//! Properties of the analysis on arbitrary drafts, plain text and Markdown, and
//! on arbitrary bytes decoded as the fuzz targets decode them: it never panics,
//! and everything `copydesk::fuzzing::analysis` checks holds (every offset a
//! valid range of the text on char boundaries, quotations that start and end
//! with quote marks and nest properly, indices in range, fixes that apply
//! cleanly); and the result is deterministic.
//!
//! 256 cases per property by default; set `COPYDESK_PROPTEST_CASES` for long runs.

use copydesk::analysis::{Options, analyze};
use copydesk::fuzzing::{self, analysis::analyze_checked};
use copydesk::text::Format;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(fuzzing::proptest_cases(256))
}

/// Characters that matter to the analysis: quote marks and look-alikes, line
/// breaks and things that look like one, odd spaces, combining marks,
/// right-to-left text and controls, NUL, punctuation and Markdown syntax.
const INTERESTING_CHARS: &[char] = &[
    '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›', '"', '\'', '′', '″', '＂', '`', '´', '\n',
    '\r', ' ', ' ', ' ', '\t', '\u{a0}', '\u{feff}', '\u{200d}', '\u{301}', '\u{308}', '\u{2028}',
    '\u{85}', '\u{b}', '\u{c}', '\0', '\u{200f}', '\u{202e}', '\u{2066}', 'ש', 'ع', '\u{fffd}',
    '.', ',', ':', ';', '!', '?', '—', '–', '-', '#', '*', '_', '[', ']', '(', ')', '<', '>', '!',
    '|', '~', '\\', '&', '=', '$', 'é', 'ß', 'İ', 'ǅ', '😀', '…',
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
    "WEBVTT\n\n",
    "00:00:01.000 --> 00:00:04,500\n",
    "<v Jane Hale>",
    "</v>",
    "HALE: ",
    "Q: ",
    "[00:01:23] ",
    "…",
    "[it]",
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
    "~~~\n",
    "***\n",
    "<div>\n",
    "</div>",
    "`“code”`",
    "&ldquo;",
    "&quot;",
    "\\\"",
    "[x]: https://example.test/\n",
    "> “",
    "Zoe\u{301}",
    "👨‍👩‍👧",
    "🇺🇦",
    "\u{202e}“ביבי”\u{202c}",
    "«قال»",
    "\r\n\n\r",
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
        1 => long_run(),
    ]
}

/// One of the interesting characters or pieces many times over.
fn long_run() -> impl Strategy<Value = String> {
    let what = prop_oneof![
        prop::sample::select(INTERESTING_CHARS).prop_map(String::from),
        prop::sample::select(INTERESTING_PIECES).prop_map(String::from),
    ];
    (what, 20..300usize).prop_map(|(s, n)| s.repeat(n))
}

/// A draft of up to 120 pieces.
fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

fn check_all(text: &str, format: Format) -> Result<(), TestCaseError> {
    analyze_checked(text, format).map_err(TestCaseError::fail)?;
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

    /// What the fuzz targets run: any bytes, decoded lossily (a violation panics).
    #[test]
    fn any_bytes_decoded_lossily_are_sound(bytes in prop::collection::vec(any::<u8>(), 0..800)) {
        fuzzing::analysis::fuzz(&bytes, Format::PlainText);
        fuzzing::analysis::fuzz(&bytes, Format::Markdown);
    }

    /// A draft checked against a source: the source made of the same kind of
    /// pieces (so quotations are found in it, exactly or nearly), read as a
    /// transcript and as notes.
    #[test]
    fn drafts_checked_against_any_source_are_sound(text in draft(), source in draft(), markdown in any::<bool>()) {
        let format = if markdown { Format::Markdown } else { Format::PlainText };
        fuzzing::analysis::analyze_with_sources_checked(&text, &source, format).map_err(TestCaseError::fail)?;
        fuzzing::analysis::analyze_with_sources_checked(&text, &text, format).map_err(TestCaseError::fail)?;
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

proptest! {
    // A long draft takes a while in a debug build: one case in 64.
    #![proptest_config(ProptestConfig::with_cases(fuzzing::proptest_cases(256).div_ceil(64)))]

    /// Past 128 KB the analysis splits its work over two threads, cutting the
    /// narrative between paragraphs, when there are any.
    #[test]
    fn long_drafts_are_sound(text in draft(), paragraphs in any::<bool>(), markdown in any::<bool>()) {
        let unit = if paragraphs { format!("{text} x\n\n") } else { format!("{text} x ") };
        let long = unit.repeat(130_000 / unit.len() + 1);
        check_all(&long, if markdown { Format::Markdown } else { Format::PlainText })?;
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
