//! Which bytes of a draft are prose, and how they fall into paragraphs.
//!
//! The analysis never sees Markdown. Instead it gets a *masked* copy of the draft
//! with exactly the same byte length, where everything that is not prose (code,
//! front matter, HTML, link targets, list and heading markers) is blanked to ASCII
//! spaces. Offsets found in the masked text are therefore offsets in the original
//! file, with no mapping table to keep in step.
//!
//! Plain text falls into paragraphs at blank lines and after short lines of their
//! own; Markdown is read by pulldown-cmark (see `markdown.rs`).

use std::borrow::Cow;
use std::ops::Range;

use super::markdown;

/// How a draft is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    Markdown,
    #[default]
    PlainText,
}

impl Format {
    /// Markdown for `.md` and `.markdown`, plain text for anything else.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }
}

/// A directive comment in the draft: `<!-- copydesk-ignore RULE… -->`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreDirective {
    /// Byte offset just past the comment.
    pub after: usize,
    /// Rule ids to silence; empty means every rule.
    pub rules: Vec<String>,
}

/// The prose of a draft: masked text plus its paragraphs.
#[derive(Debug, Clone)]
pub struct ProseMap<'a> {
    /// Same length as the draft; non-prose blanked, line breaks normalised to `\n`
    /// (a `\r\n` pair becomes ` \n`, a lone `\r` becomes `\n`). Borrowed when
    /// there is nothing to blank or normalise, as in most plain-text drafts.
    pub masked: Cow<'a, str>,
    /// Paragraph-like blocks (paragraphs, headings, list items) in document order.
    pub blocks: Vec<Range<usize>>,
    /// `copydesk-ignore` comments, in document order.
    pub ignores: Vec<IgnoreDirective>,
    /// Headings: Markdown headings, and in plain text a paragraph of one line
    /// with no closing punctuation (a headline, a byline, page furniture).
    pub headings: Vec<Range<usize>>,
}

impl ProseMap<'_> {
    pub fn new(text: &str, format: Format) -> ProseMap<'_> {
        match format {
            Format::PlainText => plain(text),
            Format::Markdown => markdown::prose_map(text),
        }
    }

    /// Whether `offset` lies in a heading.
    pub fn in_heading(&self, offset: usize) -> bool {
        let i = self.headings.partition_point(|h| h.start <= offset);
        i > 0 && offset < self.headings[i - 1].end
    }
}

/// `text` with line breaks normalised and the BOM blanked: the draft itself when it
/// has neither (the usual case), a copy otherwise.
pub(super) fn normalised(text: &str) -> Cow<'_, str> {
    let after_bom = text.strip_prefix('\u{feff}');
    if after_bom.is_none() && !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    // Every replacement is as long as what it replaces, so offsets stay.
    let blanked = match after_bom {
        Some(rest) => format!("   {rest}"),
        None => text.to_owned(),
    };
    Cow::Owned(blanked.replace("\r\n", " \n").replace('\r', "\n"))
}

fn plain(text: &str) -> ProseMap<'_> {
    let masked = normalised(text);
    let mut blocks = Vec::new();
    let mut headings = Vec::new();
    for (block, lines) in blank_line_blocks(&masked) {
        if lines == 1 && !ends_in_punctuation(&masked[block.clone()]) {
            headings.push(block.clone());
        }
        blocks.push(block);
    }
    ProseMap {
        masked,
        blocks,
        ignores: Vec::new(),
        headings,
    }
}

/// Whether a line ends as a sentence or a clause does, closing quotation marks
/// and brackets aside: then it is not a headline.
fn ends_in_punctuation(line: &str) -> bool {
    line.trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ','])
}

/// Splits a normalised text at blank lines and after short lines, trimming each
/// block; each block comes with how many lines it has.
/// The longest line, in characters, of text wrapped by hand or by an editor.
const WRAPPED_LINE: usize = 100;

fn blank_line_blocks(masked: &str) -> Vec<(Range<usize>, usize)> {
    let mut blocks = Vec::new();
    // The block being read, and how many lines it has so far.
    let mut open: Option<(Range<usize>, usize)> = None;
    let mut line_start = 0;
    for line in masked.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blocks.extend(open.take());
        } else {
            let start = line_start + line.len() - line.trim_start().len();
            let end = start + trimmed.len();
            let (block, lines) = open.get_or_insert((start..end, 0));
            block.end = end;
            *lines += 1;
            // A short line of its own ("ON NOW", "• en", a byline) is page furniture
            // or a heading, not the start of a wrapped paragraph. A line longer
            // than text is wrapped at was not wrapped: it is a paragraph of its
            // own, as a story pasted one paragraph to a line is.
            let chars = trimmed.chars().count();
            let short = chars <= 30 && !trimmed.ends_with([',', ';', '-', '—', '–']);
            if short || chars > WRAPPED_LINE {
                blocks.extend(open.take());
            }
        }
        line_start += line.len() + 1;
    }
    blocks.extend(open);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts<'a>(map: &'a ProseMap) -> Vec<&'a str> {
        map.blocks.iter().map(|b| &map.masked[b.clone()]).collect()
    }

    #[test]
    fn plain_text_blocks_split_at_blank_lines_with_any_line_ending() {
        let text = "\u{feff}One\r\ntwo\r\n\r\nThree\rfour\r\rFive";
        let map = ProseMap::new(text, Format::PlainText);
        assert_eq!(block_texts(&map), ["One", "two", "Three", "four", "Five"]);
        let wrapped = "A long line of prose that wraps onto\nthe next line of the same paragraph.";
        let map = ProseMap::new(wrapped, Format::PlainText);
        assert_eq!(map.blocks.len(), 1);
        // Lines longer than text is wrapped at are paragraphs each.
        let unwrapped = format!(
            "{}\n{}",
            "A paragraph. ".repeat(9),
            "Another one. ".repeat(9)
        );
        let map = ProseMap::new(&unwrapped, Format::PlainText);
        assert_eq!(map.blocks.len(), 2);
    }

    #[test]
    fn a_short_line_of_its_own_is_a_heading_unless_it_reads_as_a_sentence() {
        let text = "HEADLINE HERE\n\n  Indented start of a paragraph that\nwraps, \nand ends.\n \nON NOW\nA short line\n\n\n“Quoted,” she said.\nBy Dana Levi and Mark Reed, –\nStaff writers\n\n\u{a0}Zoë Ångström, née Żółć, twenty-nine\n";
        let map = ProseMap::new(text, Format::PlainText);
        assert_eq!(
            block_texts(&map),
            [
                "HEADLINE HERE",
                "Indented start of a paragraph that\nwraps, \nand ends.",
                "ON NOW",
                "A short line",
                "“Quoted,” she said.",
                "By Dana Levi and Mark Reed, –\nStaff writers",
                "Zoë Ångström, née Żółć, twenty-nine",
            ]
        );
        let headings: Vec<&str> = map.headings.iter().map(|h| &text[h.clone()]).collect();
        // Thirty-five characters but more than thirty-five bytes: a line is short by
        // its characters.
        assert_eq!(
            headings,
            [
                "HEADLINE HERE",
                "ON NOW",
                "A short line",
                "Zoë Ångström, née Żółć, twenty-nine"
            ]
        );
        assert!(map.in_heading(0) && map.in_heading(12) && !map.in_heading(13));
        assert!(!map.in_heading(text.find("Indented").unwrap()));
    }

    #[test]
    fn a_draft_with_nothing_to_normalise_is_read_in_place() {
        let text = "“We won,” she said.\n\nThe end.";
        let map = ProseMap::new(text, Format::PlainText);
        assert!(matches!(&map.masked, Cow::Borrowed(m) if m.as_ptr() == text.as_ptr()));
        for needs_copy in ["One\r\ntwo", "\u{feff}One"] {
            let map = ProseMap::new(needs_copy, Format::PlainText);
            assert!(matches!(map.masked, Cow::Owned(_)), "{needs_copy:?}");
            assert_eq!(map.masked.len(), needs_copy.len());
            assert_eq!(
                ProseMap::new(needs_copy, Format::Markdown).masked,
                map.masked,
                "{needs_copy:?}"
            );
        }
    }

    #[test]
    fn line_breaks_are_normalised_in_place_and_the_bom_blanked() {
        assert_eq!(normalised("\u{feff}a\r\nb\rc\r\r\n"), "   a \nb\nc\n \n");
        assert_eq!(normalised("\u{feff}"), "   ");
        // A BOM anywhere but at the start is a character of the text.
        assert_eq!(normalised("a\r\u{feff}"), "a\n\u{feff}");
    }

    /// Drafts of lines that open, continue and close every kind of Markdown block,
    /// among lines of plain prose, each followed by a line break (of any kind) or
    /// a blank line, sometimes after a byte order mark.
    fn markdown_lines() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let prose = select(vec![
            "He said “yes.”",
            "Zoë won, 6'2\" tall.",
            "'Tis so",
            "words  ",
            "ON NOW",
            "By Dana Levi, –",
            "« Non », dit-il.",
            "日本語の文",
            "title: x",
            "x = 1",
            "A: b # c - d + e = f > g ! h",
            "The proposal would raise about $2.1 billion over five years, according to a report by the budget office.",
            "“If we can’t agree on this,” she said, “we will be back here in a month saying: ‘Why didn’t we act?’”",
            "> He said “yes.”",
            "> A: b # c - d > e",
        ]);
        let markup = select(vec![
            "",
            "  ",
            "\t",
            "\u{a0}",
            "# Heading",
            "## Closed ##",
            "===",
            "---",
            "+++",
            "...",
            "***",
            "- item",
            "  - nested",
            "* star",
            "1. one",
            "2) two",
            "> quote",
            ">",
            "  item text",
            "    indented",
            "\tTabbed",
            "```",
            "~~~~",
            "- ```",
            "> ```",
            "<!--",
            "-->",
            "<!-- copydesk-ignore -->",
            "<!-- copydesk-ignore unattributed-quote -->",
            "<div>",
            "</div>",
            "<pre>",
            "</pre>",
            "<?php",
            "?>",
            "<b>bold</b> start",
            "*emph* text",
            "`code`",
            "a | b",
            "|---|---|",
            "~~strike~~",
            "&amp; more",
            "\\*escaped*",
            "<https://example.com>",
            "<dana@example.com>",
            "[a link](http://a.b)",
            "![an *image*](a.png)",
            "[ref]",
            "[ref]: http://a.b",
            "A note.[^1]",
            "[^1]: The note.",
            "\u{feff}",
        ]);
        let line = proptest::prop_oneof![2 => prose, 3 => markup];
        let after = select(vec![
            "\n", "\n", "\n\n", "\n  \n", "\r\n", "\r\n\r\n", "\r", "",
        ]);
        let bom = select(vec!["", "", "\u{feff}"]);
        (bom, proptest::collection::vec((line, after), 0..40)).prop_map(|(bom, lines)| {
            let body: String = lines.into_iter().flat_map(|(l, a)| [l, a]).collect();
            format!("{bom}{body}")
        })
    }

    /// What every prose map promises of a draft, whatever its format.
    fn check_map(text: &str, map: &ProseMap) -> Result<(), String> {
        let masked = &map.masked;
        if masked.len() != text.len() {
            return Err(format!("{} bytes masked for {}", masked.len(), text.len()));
        }
        let (original, copy) = (text.as_bytes(), masked.as_bytes());
        for (i, c) in masked.char_indices() {
            let kept = match c {
                // A line break stands where the draft has one, or a lone return;
                // a blank anywhere else.
                '\n' | ' ' => {
                    let crlf = original[i] == b'\r' && original.get(i + 1) == Some(&b'\n');
                    let line_break = original[i] == b'\n' || original[i] == b'\r' && !crlf;
                    line_break == (c == '\n')
                }
                // Kept prose is the draft's own character, at the same offset.
                c => text.is_char_boundary(i) && text[i..].starts_with(c),
            };
            if !kept {
                return Err(format!("{c:?} at {i}"));
            }
        }
        if let Some(i) = (0..text.len()).find(|&i| original[i] == b'\n' && copy[i] != b'\n') {
            return Err(format!("the line break at {i} is lost"));
        }
        for ranges in [&map.blocks, &map.headings] {
            for r in ranges.iter() {
                if r.start >= r.end || masked.get(r.clone()).is_none() {
                    return Err(format!("{r:?} is not a stretch of the text"));
                }
            }
            if ranges.windows(2).any(|w| w[0].end > w[1].start) {
                return Err(format!("out of order: {ranges:?}"));
            }
        }
        if map
            .blocks
            .iter()
            .any(|b| masked[b.clone()].trim() != &masked[b.clone()])
        {
            return Err(format!("an untrimmed block: {:?}", map.blocks));
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn prose_stays_in_place_and_blocks_in_order(text in markdown_lines()) {
            for format in [Format::PlainText, Format::Markdown] {
                let map = ProseMap::new(&text, format);
                let checked = check_map(&text, &map);
                proptest::prop_assert!(checked.is_ok(), "{format:?} {text:?}: {checked:?}");
            }
            // Plain text is all prose: only returns and the BOM are changed.
            let plain = ProseMap::new(&text, Format::PlainText);
            let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
            let changed = (0..text.len()).filter(|&i| text.as_bytes()[i] != plain.masked.as_bytes()[i]);
            for i in changed {
                proptest::prop_assert!(i < bom || text.as_bytes()[i] == b'\r', "{i} in {text:?}");
            }
            let untouched = bom == 0 && !text.contains('\r');
            proptest::prop_assert_eq!(matches!(plain.masked, Cow::Borrowed(_)), untouched);
        }
    }
}
