//! Paragraphs of a Markdown draft that Markdown leaves exactly as they stand.
//!
//! Most of a news draft is paragraphs of running prose: no emphasis, no links, no
//! code, nothing at a line's start that opens a list or a quotation block. The
//! parser would report every byte of such a paragraph as text, so it is kept as it
//! stands without being parsed, and only what lies between such paragraphs goes to
//! the parser. Parsing is most of the cost of reading a Markdown draft.
//!
//! A paragraph is plain when it stands after a blank line (or at the start) and
//! before one (or at the end), every line of it starts at the margin with a letter
//! or an opening quotation mark, and no byte of it is one Markdown gives meaning
//! to inside a line. Such a paragraph closes every list, quotation block, table or
//! indented code before it, and whatever sits inside those, so the stretch before
//! it reads the same parsed on its own. A quotation block whose every line is `> `
//! and then such a line (a statement or a post quoted whole) is plain too, with
//! its marks blanked.
//!
//! Three things can run on at the margin over blank lines and a paragraph: a code
//! fence, a raw HTML block of the kinds that end at a marker rather than at a
//! blank line, and a metadata block. Which of them a line opens depends on what
//! holds it (a fence in a list item closes with the item), so rather than follow
//! them, the search stops at the first line that could open one and is not closed
//! on the spot: the rest of the draft is parsed whole. Front matter at the very
//! start is read exactly, as the parser reads it.
//!
//! Link reference and footnote definitions reach across the whole draft, so a
//! draft that has any is parsed whole, as is one with carriage returns or a BOM
//! (see [`can_skip_parsing`]).

use std::ops::Range;

/// Whether plain paragraphs of `text` may be read without the parser: nothing in
/// it reaches from one part of the draft to another, and its bytes are the ones
/// the parser sees (no carriage return to normalise, no BOM).
pub fn can_skip_parsing(text: &str) -> bool {
    // One pass for all three marks: a long draft is read here before its halves
    // are shared out between cores.
    let bytes = text.as_bytes();
    !text.starts_with('\u{feff}')
        && !memchr::memchr3_iter(b'\r', b'[', b']', bytes).any(|i| {
            let next = bytes.get(i + 1).copied();
            match bytes[i] {
                b'\r' => true,
                // `[^note]` and `[label]: target`.
                b'[' => next == Some(b'^'),
                _ => next == Some(b':'),
            }
        })
}

/// A plain paragraph: its range runs from its first byte to the end of its last
/// line, before the line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plain {
    pub range: Range<usize>,
    /// Every line is set in a quotation block by `> ` at the margin: the marks are
    /// not prose, and the paragraph starts after the first of them.
    pub quoted: bool,
}

/// What a line can be in a plain paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Plain,
    /// `> ` and then a plain line.
    Quoted,
    Other,
}

/// The plain paragraphs of `text`, a Markdown document or a stretch of one that
/// starts where nothing is open, in order, up to the first line that could open
/// something running on over blank lines.
pub fn plain_paragraphs(text: &str) -> Vec<Plain> {
    let bytes = text.as_bytes();
    // A paragraph is a few hundred bytes: this is room for all of them.
    let mut found = Vec::with_capacity(text.len() / 128);
    // The paragraph being read: where it starts, and what its lines have been so
    // far (`Other` as soon as one is not like the others).
    let (mut line_start, mut paragraph) = match front_matter(bytes) {
        FrontMatter::None => (0, None),
        // What follows the closing line without a blank line between is not
        // taken for plain.
        FrontMatter::Ends(end) => (end, Some((0, Line::Other))),
        FrontMatter::Unclear => return found,
    };
    let mut last_end = line_start;
    let finish = |found: &mut Vec<Plain>, paragraph: Option<(usize, Line)>, end: usize| {
        if let Some((start, kind @ (Line::Plain | Line::Quoted))) = paragraph {
            found.push(Plain {
                range: start..end,
                quoted: kind == Line::Quoted,
            });
        }
    };
    while line_start < bytes.len() {
        let line_end = line_end(bytes, line_start);
        let line = &bytes[line_start..line_end];
        let next_start = line_end + 1;
        if is_blank(line) {
            finish(&mut found, paragraph.take(), last_end);
        } else {
            let kind = line_kind(line);
            match &mut paragraph {
                None => paragraph = Some((line_start, kind)),
                Some((_, so_far)) if *so_far != kind => *so_far = Line::Other,
                Some(_) => {}
            }
            // A line that starts with a letter, or a quotation block's mark and
            // a letter, opens nothing at the margin.
            if kind == Line::Other {
                let next = bytes
                    .get(next_start..)
                    .map(|rest| &rest[..line_end_in(rest)]);
                if may_run_on(line, next) {
                    return found;
                }
            }
        }
        last_end = line_end;
        line_start = next_start;
    }
    finish(&mut found, paragraph, last_end);
    found
}

fn line_kind(line: &[u8]) -> Line {
    if is_plain_line(line) {
        Line::Plain
    } else if line.strip_prefix(b"> ").is_some_and(is_plain_line) {
        Line::Quoted
    } else {
        Line::Other
    }
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    from + line_end_in(&bytes[from..])
}

fn line_end_in(bytes: &[u8]) -> usize {
    memchr::memchr(b'\n', bytes).unwrap_or(bytes.len())
}

/// Whether `line` could open, at the margin, something that runs on over blank
/// lines: a code fence, a raw HTML block not closed on the same line, or a
/// metadata block (`next`, the line after, not blank). Indented by four or more,
/// a line is code or sits in a list item, which a plain paragraph closes.
fn may_run_on(line: &[u8], next: Option<&[u8]>) -> bool {
    let body = trim_start_spaces(line);
    let indent = line.len() - body.len();
    if indent > 3 {
        return false;
    }
    if body.starts_with(b"```") || body.starts_with(b"~~~") {
        return true;
    }
    if let Some(c) = body.first().copied().filter(|&c| c == b'-' || c == b'+') {
        let run = body.iter().take_while(|&&b| b == c).count();
        return indent == 0
            && run >= 3
            && body[run..].iter().all(u8::is_ascii_whitespace)
            && next.is_some_and(|n| !is_blank(n));
    }
    body.strip_prefix(b"<")
        .and_then(html_end_marker)
        .is_some_and(|marker| memchr::memmem::find(line, marker.as_bytes()).is_none())
}

/// How a draft opens, as the parser reads a metadata block at its start.
enum FrontMatter {
    /// No metadata block opens the draft.
    None,
    /// Front matter closed by the line that ends at this offset (past its line
    /// break), or an opening line that opens nothing and ends there.
    Ends(usize),
    /// A metadata line opens the draft but nothing here closes it: it may be
    /// closed further on, which this stretch cannot tell.
    Unclear,
}

/// Whether `bytes` opens with a metadata block, by the parser's rules: exactly
/// three dashes or pluses and nothing but whitespace on the first line, a first
/// line of content that is neither blank nor a closing line, and a closing line
/// of exactly three of the same (or three full stops after dashes) and spaces.
fn front_matter(bytes: &[u8]) -> FrontMatter {
    let first = &bytes[..line_end(bytes, 0)];
    let Some(&c) = first.first().filter(|&&c| c == b'-' || c == b'+') else {
        return FrontMatter::None;
    };
    let run = first.iter().take_while(|&&b| b == c).count();
    if run != 3 || !first[run..].iter().all(u8::is_ascii_whitespace) {
        return FrontMatter::None;
    }
    let closes = |line: &[u8]| {
        let line = trim_end_spaces(line);
        line == [c; 3] || (c == b'-' && line == b"...")
    };
    let mut at = first.len() + 1;
    let mut first_line = true;
    while at < bytes.len() {
        let end = line_end(bytes, at);
        let line = &bytes[at..end];
        // Then the opening line is a rule of its own, and nothing runs on.
        if first_line && (closes(line) || is_blank(line)) {
            return FrontMatter::Ends((first.len() + 1).min(bytes.len()));
        }
        first_line = false;
        if closes(line) {
            return FrontMatter::Ends((end + 1).min(bytes.len()));
        }
        at = end + 1;
    }
    FrontMatter::Unclear
}

/// Spaces and tabs only: what the parser takes for a blank line.
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b' ' || b == b'\t')
}

/// A line of running prose: it starts at the margin with a letter or an opening
/// quotation mark, which begins no block, and holds no byte that means something
/// inside a line (emphasis, code, links, raw HTML, entities, escapes,
/// strikethrough, table cells) nor any control character but the line break.
fn is_plain_line(line: &[u8]) -> bool {
    let starts_prose = match line.first() {
        Some(&b) if b.is_ascii_alphabetic() || b == b'"' || b == b'\'' => true,
        // Most paragraphs of speech open with a curly quotation mark, told from
        // its bytes before any letter is looked up.
        Some(&b) if b >= 0x80 => {
            ["“", "‘", "«", "„"]
                .iter()
                .any(|mark| line.starts_with(mark.as_bytes()))
                || std::str::from_utf8(&line[..line.len().min(4)])
                    .or_else(|e| std::str::from_utf8(&line[..e.valid_up_to()]))
                    .ok()
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_alphabetic)
        }
        _ => false,
    };
    starts_prose && !has_markup(line)
}

/// Whether any byte of `line` is in [`MARKUP`]. Sixteen bytes are looked up at a
/// time and tested once: nearly every line of a draft has none, and a test per
/// byte would cost more than the lookups.
fn has_markup(line: &[u8]) -> bool {
    let mut chunks = line.chunks_exact(16);
    for chunk in &mut chunks {
        if chunk.iter().fold(0, |seen, &b| seen | MARKUP[b as usize]) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| MARKUP[b as usize] != 0)
}

/// Bytes Markdown gives meaning to anywhere in a line, and control characters
/// (the line break is never inside a line). `!` and `>` are left out: an image
/// needs a `[`, and `>` means something only at a line's start or after a `<`.
const MARKUP: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = 1;
        b += 1;
    }
    t[0x7f] = 1;
    let marks = b"\\`*_[]<&|~";
    let mut i = 0;
    while i < marks.len() {
        t[marks[i] as usize] = 1;
        i += 1;
    }
    t
};

/// The marker that ends a raw HTML block starting `<` + `tag`, for the kinds of
/// block that run on over blank lines (CommonMark's kinds 1 to 5); `None` for
/// anything else, which a blank line ends.
fn html_end_marker(tag: &[u8]) -> Option<&'static str> {
    for (name, end) in [
        (&b"pre"[..], "</pre>"),
        (b"style", "</style>"),
        (b"script", "</script>"),
        (b"textarea", "</textarea>"),
    ] {
        let Some(head) = tag.get(..name.len()) else {
            continue;
        };
        let after = tag.get(name.len());
        if head.eq_ignore_ascii_case(name)
            && after.is_none_or(|&b| b.is_ascii_whitespace() || b == b'>')
        {
            return Some(end);
        }
    }
    for (start, end) in [(&b"!--"[..], "-->"), (b"?", "?>"), (b"![CDATA[", "]]>")] {
        if tag.starts_with(start) {
            return Some(end);
        }
    }
    match tag {
        [b'!', c, ..] if c.is_ascii_alphabetic() => Some(">"),
        _ => None,
    }
}

fn trim_start_spaces(line: &[u8]) -> &[u8] {
    let n = line.iter().take_while(|&&b| b == b' ').count();
    &line[n..]
}

fn trim_end_spaces(line: &[u8]) -> &[u8] {
    let n = line.iter().rev().take_while(|&&b| b == b' ').count();
    &line[..line.len() - n]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<&str> {
        plain_paragraphs(text)
            .into_iter()
            .map(|p| &text[p.range])
            .collect()
    }

    #[test]
    fn running_prose_is_plain_and_markup_is_not() {
        let text = "“We won,” she said.\nIt rained.\n\nA *bold* claim.\n\n- a list\n\nZoë’s 6'2\" frame, $2.1 billion: fine.\n\n>quoted\n\nLast";
        assert_eq!(
            plain(text),
            [
                "“We won,” she said.\nIt rained.",
                "Zoë’s 6'2\" frame, $2.1 billion: fine.",
                "Last"
            ]
        );
    }

    #[test]
    fn a_quotation_block_of_plain_lines_is_plain_and_quoted() {
        let text = "> “We won,” she said.\n> It rained.\n\n> Lazy\ncontinued.\n\n> - a list\n\nMixed\n> in.\n\n> > Nested.\n\nPlain.";
        let found = plain_paragraphs(text);
        let read: Vec<(&str, bool)> = found
            .iter()
            .map(|p| (&text[p.range.clone()], p.quoted))
            .collect();
        assert_eq!(
            read,
            [
                ("> “We won,” she said.\n> It rained.", true),
                ("Plain.", false)
            ]
        );
    }

    #[test]
    fn a_line_that_could_start_a_block_keeps_its_paragraph_from_being_plain() {
        for line in [
            "# Heading",
            "1. first",
            "- item",
            "    code",
            " indented",
            "<b>x</b>",
            "===",
            "\tTab",
        ] {
            let text = format!("Before.\n\nWords\n{line}\n\nAfter.");
            assert_eq!(plain(&text), ["Before.", "After."], "{line}");
        }
    }

    #[test]
    fn the_search_stops_at_what_may_run_on_over_blank_lines() {
        let cases = [
            (
                "Before.\n\n```\n\nInside.\n\n```\n\nAfter.",
                vec!["Before."],
            ),
            ("Before.\n\n  ~~~~\n\nInside.", vec!["Before."]),
            (
                "Before.\n\n<!--\n\nInside.\n\n-->\n\nAfter.",
                vec!["Before."],
            ),
            ("Before.\n\n<PRE class=x>\n\nInside.", vec!["Before."]),
            ("Before.\n\n---\ntitle: x\n\nInside.", vec!["Before."]),
            // Closed on its own line, ended by a blank line, or not at the margin.
            ("<!-- copydesk-ignore -->\n\nAfter.", vec!["After."]),
            ("<div>\n\nAfter.", vec!["After."]),
            ("Before.\n\n---\n\nAfter.", vec!["Before.", "After."]),
            ("    ```\n\nAfter.", vec!["After."]),
            ("- ```\n\nAfter.", vec!["After."]),
            ("> <!--\n\nAfter.", vec!["After."]),
        ];
        for (text, expected) in cases {
            assert_eq!(plain(text), expected, "{text}");
        }
    }

    #[test]
    fn front_matter_is_read_as_the_parser_reads_it() {
        let cases = [
            ("---\ntitle: x\n---\n\nAfter.", vec!["After."]),
            ("+++\nx = 1\n+++\n\nAfter.", vec!["After."]),
            ("---\ntitle: x\n...\n\nAfter.", vec!["After."]),
            // Run on from the closing line: not taken for plain.
            ("---\ntitle: x\n---\nJoined.\n\nAfter.", vec!["After."]),
            // A blank first line or an immediate close: no metadata at all.
            ("---\n\nAfter.", vec!["After."]),
            ("---\n---\n\nAfter.", vec!["After."]),
            // Never closed here: it may close further on.
            ("---\ntitle: x\n\nInside.", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(plain(text), expected, "{text}");
        }
    }

    #[test]
    fn definitions_that_reach_across_the_draft_rule_the_shortcut_out() {
        assert!(can_skip_parsing("Plain.\n\nText."));
        assert!(!can_skip_parsing("See [it].\n\n[it]: https://example.com"));
        assert!(!can_skip_parsing("A note.[^1]"));
        assert!(!can_skip_parsing("Plain.\r\n"));
        assert!(!can_skip_parsing("\u{feff}Plain."));
        assert!(can_skip_parsing("A [bracketed] word: and a ^ after ["));
        assert!(!can_skip_parsing("Ends with a reference.\n[1]:"));
    }
}
