//! Which bytes of a draft are prose, and how they fall into paragraphs.
//!
//! The analysis never sees Markdown. Instead it gets a *masked* copy of the draft
//! with exactly the same byte length, where everything that is not prose (code,
//! front matter, HTML, link targets, list and heading markers) is blanked to ASCII
//! spaces. Offsets found in the masked text are therefore offsets in the original
//! file, with no mapping table to keep in step.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::plain_paragraphs;
use crate::analysis::parallel;

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
    /// Whether `offset` lies in a heading.
    pub fn in_heading(&self, offset: usize) -> bool {
        let i = self.headings.partition_point(|h| h.start <= offset);
        i > 0 && offset < self.headings[i - 1].end
    }
}

impl ProseMap<'_> {
    pub fn new(text: &str, format: Format) -> ProseMap<'_> {
        match format {
            Format::PlainText => plain(text),
            Format::Markdown => markdown(text),
        }
    }
}

/// `text` with line breaks normalised and the BOM blanked: the draft itself when it
/// has neither (the usual case), a copy otherwise. memchr rather than
/// `str::contains`: it reads the draft a vector at a time.
fn normalised(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() && !text.starts_with('\u{feff}') {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    let mut i = 0;
    while i < out.len() {
        if out[i] == b'\r' {
            if out.get(i + 1) == Some(&b'\n') {
                out[i] = b' ';
            } else {
                out[i] = b'\n';
            }
        }
        i += 1;
    }
    if text.starts_with('\u{feff}') {
        out[..3].fill(b' ');
    }
    // Only whole characters were replaced by ASCII, so this cannot fail; the
    // fallback keeps the promise of never panicking on input.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

fn plain(text: &str) -> ProseMap<'_> {
    // The usual draft has no carriage return and no BOM: it is its own prose.
    let masked = normalised(text);
    let (blocks, headings) = plain_blocks(&masked);
    ProseMap {
        masked,
        blocks,
        ignores: Vec::new(),
        headings,
    }
}

/// The paragraphs of a plain-text draft and which of them are headings. A long
/// draft is cut in two at a blank line near its middle, where no paragraph can
/// reach over, and each half is read on its own core.
fn plain_blocks(masked: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let half = |range: Range<usize>| {
        let found = blank_line_blocks(masked, range);
        let mut blocks = Vec::with_capacity(found.len());
        let mut headings = Vec::new();
        for (b, one_line) in found {
            let t = &masked[b.clone()];
            if one_line
                && !t
                    .trim_end_matches(['”', '"', '’', '\'', ')'])
                    .ends_with(['.', '!', '?', ':', ','])
            {
                headings.push(b.clone());
            }
            blocks.push(b);
        }
        (blocks, headings)
    };
    static BALANCE: parallel::Balance = parallel::Balance::new();
    let len = masked.len();
    // The second newline of a "\n\n" starts an empty line: a paragraph ends
    // before it whichever part reads it. A short draft asks no share.
    let cut = parallel::worth_splitting(len)
        .then(|| {
            let from = ((len as f64 * BALANCE.share()) as usize).min(len);
            memchr::memmem::find(&masked.as_bytes()[from..], b"\n\n").map(|p| from + p + 1)
        })
        .flatten();
    let Some(cut) = cut else {
        return half(0..len);
    };
    let ((mut blocks, mut headings), (later_blocks, later_headings)) =
        BALANCE.both(cut as f64 / len as f64, || half(0..cut), || half(cut..len));
    blocks.extend(later_blocks);
    headings.extend(later_headings);
    (blocks, headings)
}

/// Splits `range` of a normalised text at blank lines, trimming each block; each
/// block comes with whether it is a single line.
fn blank_line_blocks(masked: &str, range: Range<usize>) -> Vec<(Range<usize>, bool)> {
    // A paragraph every 128 bytes is more than prose has, so the list never grows.
    let mut blocks = Vec::with_capacity(range.len() / 128);
    let mut block_start: Option<usize> = None;
    let mut block_end = range.start;
    let mut lines = 0;
    let mut line_start = range.start;
    let bytes = masked.as_bytes();
    while line_start < range.end {
        // A blank line right after a line break, the usual paragraph break, is
        // told without a search.
        let line_end = if bytes[line_start] == b'\n' {
            line_start
        } else {
            memchr_newline(bytes, line_start, range.end)
        };
        let line = &masked[line_start..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = block_start.take() {
                blocks.push((s..block_end, lines == 1));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if block_start.is_none() {
                block_start = Some(line_start + lead);
                lines = 0;
            }
            lines += 1;
            block_end = line_start + lead + trimmed.len();
            // A short line of its own ("ON NOW", "• en", a byline) is page furniture
            // or a heading, not the start of a wrapped paragraph.
            if at_most_chars(trimmed, 30) && !trimmed.ends_with([',', ';', '-', '—', '–']) {
                if let Some(s) = block_start.take() {
                    blocks.push((s..block_end, lines == 1));
                }
            }
        }
        line_start = line_end + 1;
    }
    if let Some(s) = block_start {
        blocks.push((s..block_end, lines == 1));
    }
    blocks
}

fn memchr_newline(bytes: &[u8], from: usize, to: usize) -> usize {
    memchr::memchr(b'\n', &bytes[from..to]).map_or(to, |p| from + p)
}

/// Whether `s` has at most `n` characters, without decoding a long line to the
/// end: every character takes one to four bytes. When the first `n + 1` bytes
/// are ASCII, as on nearly every line, they are that many characters, told
/// without decoding any.
fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n
        || (s.len() <= 4 * n && !s.as_bytes()[..=n].is_ascii() && s.chars().nth(n).is_none())
}

fn markdown(text: &str) -> ProseMap<'_> {
    let skip_plain = plain_paragraphs::can_skip_parsing(text);
    // A draft whose plain paragraphs may be kept as they stand has no carriage
    // return and no BOM: it is its own normalised form.
    let norm = if skip_plain {
        Cow::Borrowed(text)
    } else {
        normalised(text)
    };
    static BALANCE: parallel::Balance = parallel::Balance::new();
    let cut = parallel::worth_splitting(text.len())
        .then(|| markdown_cut(text, BALANCE.share(), skip_plain || self_contained(text)))
        .flatten();
    let read = |range: Range<usize>, room: usize| {
        let from = range.start;
        let mut parsed = Parsed::with_room(room);
        read_stretch(
            &text[range.clone()],
            range.start,
            &norm[range],
            skip_plain,
            &mut parsed,
        );
        // Paragraphs are trimmed on the core that read them. Offsets in this
        // stretch's masked text are offsets in the draft less its start.
        parsed.blocks.retain_mut(|b| {
            let local = b.start.saturating_sub(from)..b.end.saturating_sub(from);
            let trimmed = trim_range(&parsed.masked, local);
            *b = trimmed.start + from..trimmed.end + from;
            b.start < b.end
        });
        parsed
    };
    let parsed = match cut {
        None => read(0..text.len(), text.len()),
        Some(cut) => {
            let (mut parsed, later) = BALANCE.both(
                cut as f64 / text.len() as f64,
                // The first half has room for both, so joining them copies the
                // second half once and nothing else.
                || read(0..cut, text.len()),
                || read(cut..text.len(), text.len() - cut),
            );
            parsed.masked.push_str(&later.masked);
            parsed.blocks.extend(later.blocks);
            parsed.headings.extend(later.headings);
            parsed.ignores.extend(later.ignores);
            parsed
        }
    };
    ProseMap {
        masked: Cow::Owned(parsed.masked),
        blocks: parsed.blocks,
        ignores: parsed.ignores,
        headings: parsed.headings,
    }
}

/// Reads `text`, which starts `offset` bytes into the draft and where nothing is
/// open at its start, into `out`. With `skip_plain`, plain paragraphs are kept as
/// they stand and only what lies between them is parsed, each piece as a document
/// of its own: a plain paragraph closes every block before it. Returns how many
/// times the parser ran.
fn read_stretch(
    text: &str,
    offset: usize,
    norm: &str,
    skip_plain: bool,
    out: &mut Parsed,
) -> usize {
    if !skip_plain {
        read_markdown(text, offset, norm, out);
        return 1;
    }
    // Starting the parser again costs about what parsing a hundred bytes does, so
    // a shorter plain paragraph between two stretches that need the parser is
    // parsed with them: a draft that alternates markup with short plain lines
    // costs no more than parsing it whole.
    const WORTH_A_RESTART: usize = 100;
    let mut at = 0;
    let mut runs = 0;
    for plain in plain_paragraphs::plain_paragraphs(text) {
        let paragraph = plain.range;
        let before = &text[at..paragraph.start];
        if !is_blank_lines(before) && paragraph.len() < WORTH_A_RESTART {
            continue;
        }
        runs += read_between(before, offset + at, out);
        let mut start = paragraph.start;
        if plain.quoted {
            // Each line's `> ` is blanked, as the parser leaves it out of the text.
            for (i, line) in text[paragraph.clone()].split('\n').enumerate() {
                if i > 0 {
                    out.masked.push('\n');
                }
                out.masked.push_str("  ");
                out.masked.push_str(&line[2..]);
            }
            start += 2;
        } else {
            out.masked.push_str(&text[paragraph.clone()]);
        }
        out.blocks.push(start + offset..paragraph.end + offset);
        at = paragraph.end;
    }
    runs + read_between(&text[at..], offset + at, out)
}

/// Nothing but line breaks, spaces and tabs: what the parser reads as blank lines.
fn is_blank_lines(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n'))
}

/// What lies between two plain paragraphs: blank lines, blanked as the parser
/// would, or anything else, parsed. Only called where the draft needs no
/// normalising, so `text` is its own normalised form. Returns how many times the
/// parser ran: none or once.
fn read_between(text: &str, offset: usize, out: &mut Parsed) -> usize {
    // Most often a line break and a blank line, which read as they stand.
    if text.bytes().all(|b| b == b'\n' || b == b' ') {
        out.masked.push_str(text);
        0
    } else if is_blank_lines(text) {
        blank(&mut out.masked, text.as_bytes());
        0
    } else {
        read_markdown(text, offset, text, out);
        1
    }
}

/// `norm` with everything outside `prose` blanked to spaces, line breaks kept,
/// appended to `out`: built as text rather than patched as bytes, so it needs no
/// checking for UTF-8 afterwards. A range that does not fall on character
/// boundaries is blanked too.
fn keep_only(norm: &str, prose: &mut [Range<usize>], out: &mut String) {
    prose.sort_unstable_by_key(|r| r.start);
    let mut at = 0;
    for r in prose.iter() {
        let (start, end) = (r.start.max(at), r.end.min(norm.len()));
        if start >= end {
            continue;
        }
        blank(out, &norm.as_bytes()[at..start]);
        match norm.get(start..end) {
            Some(kept) => out.push_str(kept),
            None => blank(out, &norm.as_bytes()[start..end]),
        }
        at = end;
    }
    blank(out, &norm.as_bytes()[at..]);
}

/// `bytes` as spaces, line breaks kept. Whole runs of spaces at a time: a long
/// code block or front matter is mostly blanks.
fn blank(out: &mut String, bytes: &[u8]) {
    fn spaces(out: &mut String, mut n: usize) {
        const SPACES: &str = "                                                                ";
        while n > 0 {
            let k = n.min(SPACES.len());
            out.push_str(&SPACES[..k]);
            n -= k;
        }
    }
    let mut from = 0;
    for line_end in memchr::memchr_iter(b'\n', bytes) {
        spaces(out, line_end - from);
        out.push('\n');
        from = line_end + 1;
    }
    spaces(out, bytes.len() - from);
}

/// What the Markdown parser reports of a stretch of the draft.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    /// The stretch with everything but its prose blanked.
    masked: String,
    blocks: Vec<Range<usize>>,
    headings: Vec<Range<usize>>,
    ignores: Vec<IgnoreDirective>,
}

impl Parsed {
    /// Nothing read yet, with room for `room` bytes of the draft.
    fn with_room(room: usize) -> Parsed {
        Parsed {
            masked: String::with_capacity(room),
            ..Parsed::default()
        }
    }
}

/// Parses `text`, which starts `offset` bytes into the draft, into `out`, keeping
/// its prose as `norm` (as long as `text`, line breaks normalised) has it; the
/// ranges are offsets in the whole draft.
fn read_markdown(text: &str, offset: usize, norm: &str, out: &mut Parsed) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    options.insert(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);

    let shift = |r: &Range<usize>| r.start + offset..r.end + offset;
    let Parsed {
        masked,
        blocks,
        headings,
        ignores,
    } = out;
    let mut block_stack: Vec<Range<usize>> = Vec::new();
    let mut prose: Vec<Range<usize>> = Vec::new();
    // Depth of constructs whose text is not prose (code blocks, metadata,
    // autolinks, images).
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => {
                    headings.push(shift(&range));
                    block_stack.push(shift(&range))
                }
                Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::FootnoteDefinition(_) => {
                    block_stack.push(shift(&range))
                }
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => skip_depth += 1,
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => skip_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => {
                    block_stack.pop();
                }
                TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                    skip_depth = skip_depth.saturating_sub(1)
                }
                // Only autolinks raised the depth; their text equals the target.
                TagEnd::Link if skip_depth > 0 && is_autolink_text(text, &range) => {
                    skip_depth -= 1;
                }
                _ => {}
            },
            Event::Text(_) if skip_depth == 0 => {
                prose.push(range.clone());
                if let Some(block) = block_stack.last() {
                    push_block(blocks, block.clone());
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(rules) = ignore_rules(&html) {
                    ignores.push(IgnoreDirective {
                        after: range.end + offset,
                        rules,
                    });
                }
            }
            _ => {}
        }
    }
    keep_only(norm, &mut prose, masked);
}

/// Where a long Markdown draft can be parsed as two documents and read the same:
/// the start of a plain paragraph after a blank line near `share` of the way in, with
/// nothing still open before it. Anything that reaches across a document (link
/// reference and footnote definitions, and carriage returns: not
/// [`self_contained`]), or that may run over a blank line (fenced code, HTML
/// blocks, front matter), rules a cut out where it could.
fn markdown_cut(text: &str, share: f64, self_contained: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    // A line start near `share` of the way in: always a character boundary.
    let near = ((text.len() as f64 * share) as usize).min(text.len());
    let mid = near + memchr::memchr(b'\n', &bytes[near..])? + 1;
    let body = after_front_matter(text).filter(|&b| b <= mid)?;
    if !self_contained || !nothing_open(&text[body..mid]) {
        return None;
    }
    let mut from = mid - 1;
    for _ in 0..64 {
        let blank = from + memchr::memmem::find(&bytes[from..], b"\n\n")?;
        let cut = blank + 2;
        // A letter or an opening quotation mark starts nothing but a paragraph.
        let plain = text[cut..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || matches!(c, '“' | '‘' | '"'));
        if plain && nothing_open(&text[mid..cut]) {
            return Some(cut);
        }
        from = blank + 1;
    }
    None
}

/// Whether nothing in the draft reaches from one part of it to another, as
/// reference and footnote definitions do, and no carriage return is left to
/// normalise: what [`plain_paragraphs::can_skip_parsing`] asks but a BOM.
fn self_contained(text: &str) -> bool {
    plain_paragraphs::can_skip_parsing(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Where the body starts: past the front matter's closing line if the draft
/// opens with one, else at 0. `None` when front matter never closes.
fn after_front_matter(text: &str) -> Option<usize> {
    let fence = ["---\n", "+++\n"].into_iter().find(|f| text.starts_with(f));
    let Some(fence) = fence else {
        return Some(0);
    };
    let mut at = fence.len();
    for line in text[at..].split_inclusive('\n') {
        at += line.len();
        if matches!(line.trim_end_matches('\n'), "---" | "..." | "+++") {
            return Some(at);
        }
    }
    None
}

/// Whether `text`, read from a point where nothing is open, leaves nothing open
/// that may run on over a blank line: a code fence not closed again, an HTML
/// block (a comment on one line is fine), or a `---` or `+++` line, which the
/// parser may read as opening a metadata block anywhere in the draft.
fn nothing_open(text: &str) -> bool {
    // Only a line holding ` ~ or < can open a fence or an HTML block, and only one
    // holding --- or +++ a metadata block: the lines before the first of these
    // leave nothing open, so reading starts there. The first half of a long draft
    // is read here before the halves are shared out, and read line by line it
    // took as long as parsing either half.
    let bytes = text.as_bytes();
    let first = [
        memchr::memchr3(b'`', b'~', b'<', bytes),
        memchr::memmem::find(bytes, b"---"),
        memchr::memmem::find(bytes, b"+++"),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some(first) = first else {
        return true;
    };
    let line_start = memchr::memrchr(b'\n', &bytes[..first]).map_or(0, |p| p + 1);
    nothing_open_by_lines(&text[line_start..])
}

/// [`nothing_open`], reading every line.
fn nothing_open_by_lines(text: &str) -> bool {
    // The open fence's character and length: it closes with as many or more.
    let mut fence: Option<(u8, usize)> = None;
    for line in text.lines() {
        let body = line.trim_start_matches(' ');
        let indent = line.len() - body.len();
        let run = |c: u8| body.bytes().take_while(|&b| b == c).count();
        if let Some((c, n)) = fence {
            if indent <= 3 && run(c) >= n && body.trim_end().bytes().all(|b| b == c) {
                fence = None;
            }
            continue;
        }
        if indent > 3 {
            continue;
        }
        if let Some(c) = [b'`', b'~'].into_iter().find(|&c| run(c) >= 3) {
            fence = Some((c, run(c)));
        } else if matches!(body.trim_end(), "---" | "+++")
            || (body.starts_with('<') && !(body.starts_with("<!--") && body.contains("-->")))
        {
            return false;
        }
    }
    fence.is_none()
}

fn is_autolink_text(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone())
        .is_some_and(|s| s.starts_with('<') && s.ends_with('>'))
}

fn clamp(range: &Range<usize>, len: usize) -> Range<usize> {
    range.start.min(len)..range.end.min(len)
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

fn trim_range(masked: &str, r: Range<usize>) -> Range<usize> {
    let r = clamp(&r, masked.len());
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

    #[test]
    fn a_line_is_short_by_its_characters_not_its_bytes() {
        for s in [
            "",
            "ON NOW",
            "• en",
            "Zoë Ångström, née Żółć — “quoted” 😀👩‍👩‍👧 and more words here",
            "ééééééééééééééééé",
            "a\u{0301}b\u{0301}c",
        ] {
            for n in 0..s.len() + 2 {
                assert_eq!(at_most_chars(s, n), s.chars().count() <= n, "{s} {n}");
            }
        }
    }

    #[test]
    fn a_long_markdown_draft_read_in_two_halves_gives_the_same_prose() {
        let para = "## A *Heading*\n\n“We won,” she said, citing [a report](https://example.com).\n\n- first item\n- second item\n\n  continued\n\n> A quotation\nlazily continued\n\n<!-- copydesk-ignore unattributed-quote -->\nIt was `code` and <https://auto.link>.\n\n    indented code\n\n| a | b |\n|---|---|\n| c | d |\n\n- item\n\n    a paragraph of the item, not code\n\n";
        let body = para.repeat(parallel::FROM / para.len() + 3);
        // Short paragraphs before it move the middle (by half their length each)
        // through every line of the pattern, so a cut is tried before each kind
        // of block.
        let filler = "Filler.\n\n";
        for shift in 0..2 * para.len() / filler.len() + 1 {
            let text = format!(
                "---\ntitle: \"A draft\"\n---\n\n{}{body}",
                filler.repeat(shift)
            );
            assert!(markdown_cut(&text, 0.5, self_contained(&text)).is_some());
            let split = markdown(&text);
            let whole = parallel::on_one_thread(|| markdown(&text));
            assert_eq!(split.masked, whole.masked);
            assert_eq!(split.blocks, whole.blocks, "shift {shift}");
            assert_eq!(split.headings, whole.headings);
            assert_eq!(split.ignores, whole.ignores);
            assert!(whole.ignores.len() > parallel::FROM / para.len());
        }

        // What can reach over the cut keeps the draft in one piece.
        let reference = format!("{body}[a report]: https://example.com\n");
        assert_eq!(
            markdown_cut(&reference, 0.5, self_contained(&reference)),
            None
        );
        let returns = body.replacen("\n\n", "\r\n\r\n", 1);
        assert_eq!(markdown_cut(&returns, 0.5, self_contained(&returns)), None);
        // A BOM is blanked where it stands and reaches nowhere.
        let bom = format!("\u{feff}{body}");
        assert!(markdown_cut(&bom, 0.5, self_contained(&bom)).is_some());
        assert_eq!(
            markdown(&bom).blocks,
            parallel::on_one_thread(|| markdown(&bom)).blocks
        );
        let fence = format!("```\n\n{body}");
        assert_eq!(markdown_cut(&fence, 0.5, self_contained(&fence)), None);
        let closed = format!("~~~~\n<div>\n\n~~~\n~~~~\n\n{body}");
        assert!(markdown_cut(&closed, 0.5, self_contained(&closed)).is_some());
        let html = format!("<div>\n\n{body}");
        assert_eq!(markdown_cut(&html, 0.5, self_contained(&html)), None);
        // The parser reads a metadata block in the middle of a draft too, over
        // blank lines: the draft stays whole, and reads the same.
        let metadata = format!("{body}---\nfoo: 1\n\n{body}---\n");
        assert_eq!(
            markdown_cut(&metadata, 0.5, self_contained(&metadata)),
            None
        );
        assert_eq!(
            markdown(&metadata).masked,
            parallel::on_one_thread(|| markdown(&metadata)).masked
        );
        let front_matter = format!(
            "---\ntitle: never closed\n\n{}",
            body.replace("---\n", "***\n")
        );
        assert_eq!(
            markdown_cut(&front_matter, 0.5, self_contained(&front_matter)),
            None
        );
    }

    /// What a stretch reads as, parsed whole or with its plain paragraphs kept
    /// as they stand: prose, paragraphs trimmed as `markdown` trims them,
    /// headings and ignore comments.
    fn read_as(text: &str, skip_plain: bool) -> Parsed {
        let mut parsed = Parsed::with_room(text.len());
        let runs = read_stretch(text, 0, text, skip_plain, &mut parsed);
        assert!(runs <= text.len() / 64 + 1, "{runs} runs of the parser");
        parsed.blocks = parsed
            .blocks
            .iter()
            .map(|b| trim_range(&parsed.masked, b.clone()))
            .filter(|b| !b.is_empty())
            .collect();
        parsed
    }

    /// Drafts of lines that open, continue and close every kind of block, among
    /// lines of plain prose, each followed by a line break or a blank line.
    fn markdown_lines() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let prose = select(vec![
            "He said “yes.”",
            "Zoë won, 6'2\" tall.",
            "'Tis so",
            "words  ",
            "Words",
            "“We won,” she said.",
            "« Non », dit-il.",
            "Ünïcödé prose",
            "日本語の文",
            "title: x",
            "x = 1",
            "A: b # c - d + e = f > g ! h",
            "The proposal would raise about $2.1 billion over five years, according to a report by the budget office.",
            "“If we can’t agree on this,” she said, “we will be back here in a month saying: ‘Why didn’t we act?’”",
            "> He said “yes.”",
            "> Words  ",
            "> 'Tis so",
            "> A: b # c - d > e",
            "> The proposal would raise about $2.1 billion over five years, according to a report by the budget office.",
        ]);
        let markup = select(vec![
            "",
            "  ",
            "\t",
            "# Heading",
            "## Closed ##",
            "===",
            "---",
            "+++",
            "...",
            "***",
            "----",
            "+++ ",
            "--- ",
            "- item",
            "  - nested",
            "* star",
            "1. one",
            "2) two",
            "> quote",
            ">",
            "  item text",
            " Indented",
            "    indented",
            "\tTabbed",
            "```",
            "```rust",
            "~~~~",
            "~~~",
            "  ```",
            "   ~~~",
            "- ```",
            "> ```",
            "1. ```",
            "    ```",
            "\t```",
            "<!--",
            "-->",
            "<!-->",
            "  <!--",
            "- <!--",
            "<!-- copydesk-ignore -->",
            "<!-- copydesk-ignore unattributed-quote",
            "<div>",
            "</div>",
            "<pre>",
            "</pre>",
            "<PRE class=x>",
            "> <pre>",
            "<?php",
            "?>",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE html>",
            "<script>",
            "</script>",
            "<b>bold</b> start",
            "*emph* text",
            "`code`",
            "a | b",
            "|---|---|",
            "~~strike~~",
            "&amp; more",
            "\\*escaped*",
            "<https://example.com>",
            "[a link](http://a.b)",
            "![an image](a.png)",
        ]);
        let line = proptest::prop_oneof![2 => prose, 3 => markup];
        let after = select(vec!["\n", "\n", "\n\n", "\n\n", "\n  \n", "\n\t\n", ""]);
        proptest::collection::vec((line, after), 0..40).prop_map(|lines| {
            lines
                .into_iter()
                .flat_map(|(line, after)| [line, after])
                .collect::<String>()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn what_is_left_open_is_told_as_reading_every_line_tells_it(text in markdown_lines()) {
            proptest::prop_assert_eq!(nothing_open(&text), nothing_open_by_lines(&text), "{:?}", text);
        }

        #[test]
        fn plain_paragraphs_kept_as_they_stand_read_as_the_parser_reads_them(text in markdown_lines()) {
            proptest::prop_assume!(plain_paragraphs::can_skip_parsing(&text));
            proptest::prop_assert_eq!(read_as(&text, true), read_as(&text, false), "{:?}", text);
        }
    }

    #[test]
    fn short_plain_lines_between_markup_are_parsed_with_it() {
        let long =
            "The proposal would raise about $2.1 billion over five years, according to a report.";
        let long = format!("{long} {long}");
        let text = format!("{}{long}\n\n", "*A* note.\n\nShort.\n\n".repeat(50));
        let mut parsed = Parsed::with_room(text.len());
        // Everything before the long paragraph in one run of the parser, not fifty.
        assert_eq!(read_stretch(&text, 0, &text, true, &mut parsed), 1);
        let read = read_as(&text, true);
        assert_eq!(read, read_as(&text, false));
        assert_eq!(read.blocks.len(), 101);
    }

    #[test]
    fn a_draft_of_plain_paragraphs_reads_as_the_parser_reads_it() {
        let text = "---\ntitle: x\n---\n\n# Head\n\n“We won,” she said.\nIt rained.\n\n> A quote\n\nZoë’s 6'2\" frame.\n\n- a\n- b\n\nLast words";
        assert_eq!(
            plain_paragraphs::plain_paragraphs(text).len(),
            4,
            "the shortcut is taken"
        );
        assert_eq!(read_as(text, true), read_as(text, false));
        assert_eq!(markdown(text).masked, read_as(text, false).masked);
    }

    #[test]
    fn a_long_plain_draft_read_in_two_halves_gives_the_same_paragraphs() {
        let para = "HEADLINE HERE\n\n  Indented start of a paragraph\nthat wraps, \nand ends.\n \nON NOW\nA short line\n\n\n“Quoted,” she said.\n";
        let text = para.repeat(parallel::FROM / para.len() + 3);
        let split = plain(&text);
        let whole = parallel::on_one_thread(|| plain(&text));
        assert_eq!(split.blocks, whole.blocks);
        assert_eq!(split.headings, whole.headings);
        assert!(whole.blocks.len() > 6 * (parallel::FROM / para.len()));
    }

    fn prose_of(text: &str) -> String {
        let map = ProseMap::new(text, Format::Markdown);
        assert_eq!(map.masked.len(), text.len());
        map.masked.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn markdown_keeps_only_prose() {
        let md = "---\ntitle: \"Front\"\n---\n\n# Head “line”\n\nSome `code \"x\"` and [link](https://x.test/\"q\") <https://auto.test/a> ![alt](i.png).\n\n```\nlet s = \"q\";\n```\n\n<!-- editor: \"note\" -->\n\n    indented \"code\"\n\nEnd.\n";
        assert_eq!(prose_of(md), "Head “line” Some and link . End.");
    }

    #[test]
    fn blocks_follow_paragraphs_and_list_items() {
        let md =
            "# Title\nFirst para.\n\n- “One,” she said.\n- “Two,” he said.\n\n> Quoted para.\n";
        let map = ProseMap::new(md, Format::Markdown);
        let texts: Vec<&str> = map.blocks.iter().map(|b| &md[b.clone()]).collect();
        assert_eq!(
            texts,
            vec![
                "Title",
                "First para.",
                "“One,” she said.",
                "“Two,” he said.",
                "Quoted para."
            ]
        );
    }

    #[test]
    fn plain_text_blocks_split_at_blank_lines_with_any_line_ending() {
        let text = "\u{feff}One\r\ntwo\r\n\r\nThree\rfour\r\rFive";
        let map = ProseMap::new(text, Format::PlainText);
        let texts: Vec<&str> = map.blocks.iter().map(|b| &map.masked[b.clone()]).collect();
        assert_eq!(texts, vec!["One", "two", "Three", "four", "Five"]);
        let wrapped = "A long line of prose that wraps onto\nthe next line of the same paragraph.";
        let map = ProseMap::new(wrapped, Format::PlainText);
        assert_eq!(map.blocks.len(), 1);
    }

    #[test]
    fn prose_is_kept_in_place_and_the_rest_blanked_with_its_line_breaks() {
        // "é" takes bytes 5 and 6: a range through its middle is blanked.
        let norm = "ab\ncdé\nfg";
        let mut prose = vec![7..10, 0..1, 0..2, 5..6];
        // Appended to what is there already.
        let mut kept = String::from(">");
        keep_only(norm, &mut prose, &mut kept);
        assert_eq!(kept, ">ab\n    \nfg");
        let long_gap = format!("x{}\ny", " ".repeat(200));
        let mut blanked = String::new();
        keep_only(&long_gap, &mut [], &mut blanked);
        assert_eq!(blanked, format!("{}\n ", " ".repeat(201)));
    }

    #[test]
    fn a_draft_with_nothing_to_normalise_is_read_in_place() {
        let text = "“We won,” she said.\n\nThe end.";
        let map = ProseMap::new(text, Format::PlainText);
        assert!(matches!(&map.masked, Cow::Borrowed(m) if m.as_ptr() == text.as_ptr()));
        assert!(matches!(normalised(text), Cow::Borrowed(_)));
        for needs_copy in ["One\r\ntwo", "\u{feff}One"] {
            let map = ProseMap::new(needs_copy, Format::PlainText);
            assert!(matches!(map.masked, Cow::Owned(_)), "{needs_copy:?}");
            assert_eq!(map.masked.len(), needs_copy.len());
            assert!(matches!(normalised(needs_copy), Cow::Owned(_)));
            assert_eq!(
                ProseMap::new(needs_copy, Format::Markdown).masked,
                map.masked,
                "{needs_copy:?}"
            );
        }
    }

    #[test]
    fn ignore_comment_is_read() {
        let md = "<!-- copydesk-ignore unattributed-quote -->\n“Quote here.”\n";
        let map = ProseMap::new(md, Format::Markdown);
        assert_eq!(map.ignores.len(), 1);
        assert_eq!(map.ignores[0].rules, vec!["unattributed-quote".to_string()]);
        assert_eq!(ignore_rules("<!-- copydesk-ignored -->"), None);
    }
}
