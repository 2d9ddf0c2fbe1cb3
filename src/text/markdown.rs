//! The prose map of a Markdown draft: pulldown-cmark reads the whole draft, and
//! whatever it reports as text outside code, metadata, images and autolinks is
//! kept; everything else is blanked.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::prose::{IgnoreDirective, ProseMap, normalised};

pub(super) fn prose_map(text: &str) -> ProseMap<'_> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);

    let mut prose: Vec<Range<usize>> = Vec::new();
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut headings: Vec<Range<usize>> = Vec::new();
    let mut ignores: Vec<IgnoreDirective> = Vec::new();
    // The blocks around the text being read, innermost last.
    let mut open: Vec<Range<usize>> = Vec::new();
    // How deep the reading is in constructs whose text is not prose.
    let mut hidden = 0usize;
    // The parser reads the draft as it is, carriage returns and all, so its
    // offsets are the draft's.
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                headings.push(range.clone());
                open.push(range);
            }
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::FootnoteDefinition(_),
            ) => open.push(range),
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::MetadataBlock(_)
                | Tag::Image { .. }
                | Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                },
            ) => hidden += 1,
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition,
            ) => {
                open.pop();
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image) => {
                hidden = hidden.saturating_sub(1);
            }
            // Only autolinks raised the depth, and an autolink is written as its
            // target in angle brackets.
            Event::End(TagEnd::Link) if hidden > 0 && is_autolink(text, &range) => hidden -= 1,
            Event::Text(_) if hidden == 0 => {
                prose.push(range);
                if let Some(block) = open.last() {
                    push_block(&mut blocks, block.clone());
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(rules) = ignore_rules(&html) {
                    ignores.push(IgnoreDirective {
                        after: range.end,
                        rules,
                    });
                }
            }
            _ => {}
        }
    }
    let masked = keep_only(&normalised(text), prose);
    blocks.retain_mut(|b| {
        *b = trim_range(&masked, b.clone());
        b.start < b.end
    });
    ProseMap {
        masked: Cow::Owned(masked),
        blocks,
        ignores,
        headings,
    }
}

/// `norm` with everything outside `prose` blanked to spaces, line breaks kept.
/// A range that does not fall on character boundaries is blanked too.
fn keep_only(norm: &str, mut prose: Vec<Range<usize>>) -> String {
    prose.sort_unstable_by_key(|r| r.start);
    let mut out = String::with_capacity(norm.len());
    let mut at = 0;
    for r in prose {
        let (start, end) = (r.start.max(at), r.end.min(norm.len()));
        if start >= end {
            continue;
        }
        blank(&mut out, &norm.as_bytes()[at..start]);
        match norm.get(start..end) {
            Some(kept) => out.push_str(kept),
            None => blank(&mut out, &norm.as_bytes()[start..end]),
        }
        at = end;
    }
    blank(&mut out, &norm.as_bytes()[at..]);
    out
}

/// Appends `bytes` as spaces, one a byte, line breaks kept.
fn blank(out: &mut String, bytes: &[u8]) {
    out.extend(bytes.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }));
}

fn is_autolink(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone())
        .is_some_and(|s| s.starts_with('<') && s.ends_with('>'))
}

fn push_block(blocks: &mut Vec<Range<usize>>, block: Range<usize>) {
    match blocks.last() {
        Some(last) if *last == block => {}
        // A list item that holds paragraphs is replaced by them, so the paragraphs
        // stay separate blocks.
        Some(last) if last.start <= block.start && block.end <= last.end => {
            blocks.pop();
            blocks.push(block);
        }
        Some(last) if block.start <= last.start && last.end <= block.end => {}
        _ => blocks.push(block),
    }
}

/// `r` without the whitespace at either end of its text in `masked`; empty where
/// it does not fall on character boundaries.
fn trim_range(masked: &str, r: Range<usize>) -> Range<usize> {
    let r = r.start.min(masked.len())..r.end.min(masked.len());
    let Some(s) = masked.get(r.clone()) else {
        return r.start..r.start;
    };
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start + s.trim_end().len();
    start..end.max(start)
}

/// Parses `<!-- copydesk-ignore [rule…] -->`.
fn ignore_rules(html: &str) -> Option<Vec<String>> {
    let inner = html.trim().strip_prefix("<!--")?.trim_end();
    let inner = inner.strip_suffix("-->")?.trim();
    let rest = inner.strip_prefix("copydesk-ignore")?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Format;

    fn prose_of(text: &str) -> String {
        let map = ProseMap::new(text, Format::Markdown);
        assert_eq!(map.masked.len(), text.len());
        map.masked.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn blocks_of(text: &str) -> Vec<&str> {
        let map = ProseMap::new(text, Format::Markdown);
        map.blocks.iter().map(|b| &text[b.clone()]).collect()
    }

    #[test]
    fn markdown_keeps_only_prose() {
        let md = "---\ntitle: \"Front\"\n---\n\n# Head “line”\n\nSome `code \"x\"` and [link](https://x.test/\"q\") <https://auto.test/a> ![alt](i.png).\n\n```\nlet s = \"q\";\n```\n\n<!-- editor: \"note\" -->\n\n    indented \"code\"\n\nEnd.\n";
        assert_eq!(prose_of(md), "Head “line” Some and link . End.");
        let toml = "+++\ntitle = \"Front\"\n+++\n\nBody <dana@example.com> <b>bold</b>.\n";
        assert_eq!(prose_of(toml), "Body bold .");
    }

    #[test]
    fn blocks_follow_paragraphs_and_list_items() {
        let md =
            "# Title\nFirst para.\n\n- “One,” she said.\n- “Two,” he said.\n\n> Quoted para.\n";
        assert_eq!(
            blocks_of(md),
            [
                "Title",
                "First para.",
                "“One,” she said.",
                "“Two,” he said.",
                "Quoted para."
            ]
        );
        let map = ProseMap::new(md, Format::Markdown);
        let headings: Vec<&str> = map.headings.iter().map(|h| &md[h.clone()]).collect();
        assert_eq!(headings, ["# Title\n"]);
        assert!(map.in_heading(2) && !map.in_heading(8));
    }

    #[test]
    fn a_list_item_of_paragraphs_gives_the_paragraphs() {
        let md = "- First of the item.\n\n  Second of the item.\n- Tight item\n";
        assert_eq!(
            blocks_of(md),
            ["First of the item.", "Second of the item.", "Tight item"]
        );
    }

    #[test]
    fn table_cells_and_footnotes_are_blocks_of_their_own() {
        let md = "| Who | Said |\n|---|---|\n| Levi | “Yes.” |\n\nA claim.[^1]\n\n[^1]:   The source, in a note.\n";
        assert_eq!(
            blocks_of(md),
            [
                "Who",
                "Said",
                "Levi",
                "“Yes.”",
                "A claim.",
                "The source, in a note."
            ]
        );
    }

    #[test]
    fn carriage_returns_are_normalised_in_the_prose() {
        let md = "# Head\r\n\r\nOne\rtwo `x`\r\n";
        let map = ProseMap::new(md, Format::Markdown);
        assert_eq!(map.masked, "  Head \n \nOne\ntwo     \n");
        assert_eq!(blocks_of(md), ["Head", "One\rtwo"]);
    }

    #[test]
    fn prose_is_kept_in_place_and_the_rest_blanked_with_its_line_breaks() {
        // "é" takes bytes 5 and 6: a range through its middle is blanked.
        let norm = "ab\ncdé\nfg";
        assert_eq!(
            keep_only(norm, vec![7..10, 0..1, 0..2, 5..6]),
            "ab\n    \nfg"
        );
        let long_gap = format!("x{}\ny", " ".repeat(200));
        assert_eq!(
            keep_only(&long_gap, vec![]),
            format!("{}\n ", " ".repeat(201))
        );
    }

    #[test]
    fn ignore_comment_is_read() {
        let md = "<!-- copydesk-ignore unattributed-quote -->\n“Quote here.”\n\nSaid <!-- copydesk-ignore --> inline.\n";
        let map = ProseMap::new(md, Format::Markdown);
        let rules: Vec<&[String]> = map.ignores.iter().map(|i| &i.rules[..]).collect();
        assert_eq!(rules, [&["unattributed-quote".to_string()][..], &[]]);
        // A comment on a line of its own ends with the line.
        assert!(md[map.ignores[0].after..].starts_with("“Quote here.”"));
        assert_eq!(&md[map.ignores[1].after..], " inline.\n");
        assert_eq!(ignore_rules("<!-- copydesk-ignored -->"), None);
    }

    #[test]
    fn what_runs_on_over_blank_lines_is_read_as_the_parser_reads_it() {
        // A fence never closed runs over blank lines to the end; `+++` and `---`
        // in the middle of a draft open no metadata block; an HTML block of
        // `<pre>` runs over blank lines to its closing tag.
        let md = "- item\n+++\nHe said “yes.”\n```\n+++\n\nHe said “yes.”\n";
        assert_eq!(prose_of(md), "item +++ He said “yes.”");
        let md = "Before.\n\n<pre>\n\nInside.\n\n</pre>\n\nAfter.\n\n---\ntitle: x\n\nWords.\n";
        assert_eq!(prose_of(md), "Before. After. title: x Words.");
    }
}
