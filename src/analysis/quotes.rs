//! Finding quotations: which quote marks open, which close, which are apostrophes.
//!
//! Marks are read in context, the way a copy editor reads them. A straight `'` between
//! letters is an apostrophe (don't); after a digit it is a foot mark (6'2"); before
//! "em" or "90s" it stands for missing letters. A `’` closes a single quotation only
//! when one is open and it stands at a word's end. A paragraph that ends inside a
//! quotation is fine when the next paragraph opens with the same mark: that is the
//! newsroom form of a quotation running over several paragraphs.

use std::ops::Range;

use super::lexicon::{Lexicon, flag};
use super::parallel;
use super::tokens::is_word_char;

/// Families of quote marks; a quotation is closed by a mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

/// A quotation as found in the text, before anyone is attributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// From the opening mark to just past the closing mark.
    pub span: Range<usize>,
    /// The text between the marks (for a multi-paragraph quotation, between the
    /// first opening mark and the last closing mark).
    pub inner: Range<usize>,
    pub family: Family,
    /// Index of the quotation this one is nested in.
    pub parent: Option<usize>,
    /// Whether it runs over more than one paragraph.
    pub multi_paragraph: bool,
    /// Block (paragraph) index where it opens and where it closes.
    pub blocks: (usize, usize),
}

/// A quote mark with no partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoneMark {
    pub span: Range<usize>,
    pub mark: char,
    /// An opening mark never closed, rather than a closing mark never opened.
    pub opening: bool,
}

/// Every quotation in `masked`, sorted by start, and every lone mark.
pub fn scan(
    masked: &str,
    blocks: &[Range<usize>],
    lex: &Lexicon,
) -> (Vec<RawQuote>, Vec<LoneMark>) {
    static BALANCE: parallel::Balance = parallel::Balance::new();
    let n = blocks.len();
    if parallel::worth_splitting(masked.len()) && n >= 4 {
        // Almost every paragraph ends with nothing open, so the second half is
        // scanned and finished on another core as if the first half ended clean;
        // when it did not (a quotation carried over the cut), the guess is
        // dropped and the second half scanned again after the first.
        let m = ((n as f64 * BALANCE.share()) as usize).clamp(1, n - 1);
        let taken = blocks[m].start as f64 / masked.len() as f64;
        let (first, (later_quotes, later_lone)) = BALANCE.both(
            taken,
            || {
                let mut s = Scanner::new(masked, lex);
                match s.blocks(blocks, 0..m, None) {
                    None => Ok(s.finish(None)),
                    // Rare: boxed, so the usual answer stays small.
                    Some(carried) => Err(Box::new((s, carried))),
                }
            },
            || {
                let mut later = Scanner::new(masked, lex);
                let carried = later.blocks(blocks, m..n, None);
                later.finish(carried)
            },
        );
        return match first {
            // Nothing is open at the cut, so no quotation in the second half is
            // nested in one of the first: the halves join as they are, the second
            // half's parents numbered on from the first's quotations.
            Ok((mut quotes, mut lone)) => {
                let offset = quotes.len();
                quotes.extend(later_quotes.into_iter().map(|mut q| {
                    q.parent = q.parent.map(|p| p + offset);
                    q
                }));
                lone.extend(later_lone);
                (quotes, lone)
            }
            Err(rescan) => {
                let (mut s, carried) = *rescan;
                let carried = s.blocks(blocks, m..n, Some(carried));
                s.finish(carried)
            }
        };
    }
    let mut s = Scanner::new(masked, lex);
    let carried = s.blocks(blocks, 0..n, None);
    s.finish(carried)
}

/// Bytes that can start a quote mark: `"`, `'`, and the lead bytes of the curly,
/// low and angle marks (U+2018–U+201E, U+2039–U+203A, « and »).
const LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// Every mark that can close a quotation, indexing the open-count table.
const CLOSERS: [char; 10] = ['”', '"', '“', '’', '\'', '‘', '»', '«', '›', '‹'];

fn closer_index(c: char) -> Option<usize> {
    CLOSERS.iter().position(|&x| x == c)
}

#[derive(Debug, Clone)]
struct Frame {
    id: usize,
    parent: Option<usize>,
    start: usize,
    open_len: usize,
    family: Family,
    /// Marks that close it.
    closers: &'static [char],
    mark: char,
    multi_paragraph: bool,
    first_block: usize,
}

impl Frame {
    fn reopened_by(&self, c: char) -> bool {
        c == self.mark || (self.family == Family::Double && matches!(c, '“' | '"' | '„'))
    }

    fn lone(&self) -> LoneMark {
        LoneMark {
            span: self.start..self.start + self.open_len,
            mark: self.mark,
            opening: true,
        }
    }
}

struct Closed {
    id: usize,
    parent: Option<usize>,
    quote: RawQuote,
}

struct Scanner<'a> {
    masked: &'a str,
    lex: &'a Lexicon,
    stack: Vec<Frame>,
    /// How many open frames each closer would close; lets a closer find out in O(1)
    /// whether anything below the top is waiting for it.
    open_by_closer: [u32; CLOSERS.len()],
    closed: Vec<Closed>,
    lone: Vec<LoneMark>,
    next_id: usize,
    /// Every frame's parent frame, closed or not, so a quotation inside one that
    /// lost its partner still finds the quotation around both.
    frame_parent: Vec<Option<usize>>,
    /// Where the next byte that can start a guillemet (0xC2) stands, at or after
    /// the paragraph being scanned: one search serves every paragraph up to it,
    /// where a search per paragraph cost as much as the rest of a short one.
    next_c2: usize,
}

enum Role {
    Open(Family, &'static [char]),
    /// Closes the innermost quotation that this mark closes.
    Close(char),
    Lone,
    Ignore,
}

fn is_opening_context(p: Option<char>) -> bool {
    match p {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '‘'
                        | '«'
                        | '»'
                        | '„'
                        | '‚'
                        | '"'
                        | '\''
                        | ':'
                        | '‹'
                        | '›'
                        | '\u{feff}'
                )
        }
    }
}

fn is_closing_context(n: Option<char>) -> bool {
    match n {
        None => true,
        Some(c) => c.is_whitespace() || !is_word_char(c),
    }
}

impl<'a> Scanner<'a> {
    fn new(masked: &'a str, lex: &'a Lexicon) -> Scanner<'a> {
        Scanner {
            masked,
            lex,
            stack: Vec::new(),
            open_by_closer: [0; CLOSERS.len()],
            closed: Vec::new(),
            lone: Vec::new(),
            next_id: 0,
            frame_parent: Vec::new(),
            next_c2: 0,
        }
    }

    /// Scans the paragraphs `range` of `blocks`, starting with `carried` (a
    /// quotation left open by the paragraph before, reopened by this one's first
    /// mark); returns what the last paragraph leaves open for the next.
    fn blocks(
        &mut self,
        blocks: &[Range<usize>],
        range: Range<usize>,
        mut carried: Option<Frame>,
    ) -> Option<Frame> {
        let masked = self.masked;
        // Room for a quotation every 64 bytes, more than a quote-heavy story
        // has, so the lists are not copied over as they grow.
        let bytes = match (blocks.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last < blocks.len() => {
                blocks[last].end.saturating_sub(first.start)
            }
            _ => 0,
        };
        self.closed.reserve(bytes / 64);
        self.frame_parent.reserve(bytes / 64);
        for bi in range {
            let block = &blocks[bi];
            let mut skip_first = false;
            if let Some(mut frame) = carried.take() {
                let first = masked[block.clone()].chars().next();
                if first.is_some_and(|c| frame.reopened_by(c)) {
                    frame.multi_paragraph = true;
                    self.push(frame);
                    skip_first = true;
                } else {
                    self.lone.push(frame.lone());
                }
            }
            self.block(bi, block.clone(), skip_first);
            // What is still open at the paragraph's end: the outermost quotation
            // may continue in the next paragraph; anything nested in it may not.
            while self.stack.len() > 1 {
                let f = self.pop();
                self.lone_or_apostrophe(f);
            }
            if let Some(f) = self.stack.pop() {
                self.forget(&f);
                let next_opens = blocks
                    .get(bi + 1)
                    .and_then(|b| masked[b.clone()].chars().next())
                    .is_some_and(|c| f.reopened_by(c));
                if next_opens {
                    carried = Some(f);
                } else {
                    self.lone_or_apostrophe(f);
                }
            }
        }
        carried
    }

    fn push(&mut self, frame: Frame) {
        for &c in frame.closers {
            if let Some(i) = closer_index(c) {
                self.open_by_closer[i] += 1;
            }
        }
        self.stack.push(frame);
    }

    fn forget(&mut self, frame: &Frame) {
        for &c in frame.closers {
            if let Some(i) = closer_index(c) {
                self.open_by_closer[i] = self.open_by_closer[i].saturating_sub(1);
            }
        }
    }

    fn pop(&mut self) -> Frame {
        let f = self.stack.pop().expect("pop on a non-empty stack");
        self.forget(&f);
        f
    }

    fn waiting_for(&self, c: char) -> bool {
        closer_index(c).is_some_and(|i| self.open_by_closer[i] > 0)
    }

    /// An unclosed straight `'` was an apostrophe typed at a word's start; any other
    /// unclosed opener is a real lone mark.
    fn lone_or_apostrophe(&mut self, f: Frame) {
        if f.mark != '\'' {
            self.lone.push(f.lone());
        }
    }

    fn block(&mut self, bi: usize, block: Range<usize>, skip_first: bool) {
        let text = &self.masked[block.clone()];
        let bytes = text.as_bytes();
        // Searching backwards for a closing single mark decodes the paragraph, and
        // only a possessive inside a single quotation asks: worked out on demand.
        let last_word_end_single = std::cell::OnceCell::new();
        let mut i = if skip_first {
            text.chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        // Only bytes that can start a quote mark are looked at; everything else is
        // skipped without decoding. Guillemets are rare: without one in the
        // paragraph, the three other lead bytes are searched a vector at a time.
        if self.next_c2 <= block.start {
            self.next_c2 = memchr::memchr(0xC2, &self.masked.as_bytes()[block.start..])
                .map_or(usize::MAX, |p| block.start + p);
        }
        let guillemets = self.next_c2 < block.end;
        while i < bytes.len() {
            let next = if guillemets {
                bytes[i..].iter().position(|&b| LEAD[b as usize])
            } else {
                memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..])
            };
            match next {
                Some(p) => i += p,
                None => break,
            }
            let candidate = match bytes[i] {
                b'"' | b'\'' => true,
                0xE2 => {
                    bytes.get(i + 1) == Some(&0x80)
                        && matches!(bytes.get(i + 2), Some(0x98..=0x9E | 0xB9 | 0xBA))
                }
                _ => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
            };
            if !candidate {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if matches!(
                c,
                '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '‚' | '«' | '»' | '‹' | '›'
            ) {
                let prev = text[..i].chars().next_back();
                let next = text[i + len..].chars().next();
                let at = block.start + i;
                let role = self.role(c, at, prev, next, &block, &last_word_end_single);
                self.apply(role, c, at, bi);
            }
            i += len;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn role(
        &self,
        c: char,
        at: usize,
        p: Option<char>,
        n: Option<char>,
        block: &Range<usize>,
        last_word_end_single: &std::cell::OnceCell<Option<usize>>,
    ) -> Role {
        const DOUBLE_CURLY: &[char] = &['”', '"'];
        const DOUBLE_STRAIGHT: &[char] = &['"', '”'];
        const DOUBLE_GERMAN: &[char] = &['“', '”'];
        const DOUBLE_SWEDISH: &[char] = &['”'];
        const SINGLE_CURLY: &[char] = &['’', '\''];
        const SINGLE_STRAIGHT: &[char] = &['\'', '’'];
        const SINGLE_GERMAN: &[char] = &['‘', '’'];
        const GUILLEMET: &[char] = &['»'];
        const GUILLEMET_REVERSED: &[char] = &['«'];
        const SINGLE_GUILLEMET: &[char] = &['›'];
        const SINGLE_GUILLEMET_REVERSED: &[char] = &['‹'];
        let top_closes = |ch: char| self.stack.last().is_some_and(|f| f.closers.contains(&ch));
        let word_before = p.is_some_and(is_word_char);
        let word_after = n.is_some_and(is_word_char);
        match c {
            '“' => {
                if top_closes('“') {
                    Role::Close('“')
                } else if !is_opening_context(p) && is_closing_context(n) && self.waiting_for('”')
                {
                    // A closing mark typed the wrong way round.
                    Role::Close('”')
                } else {
                    Role::Open(Family::Double, DOUBLE_CURLY)
                }
            }
            '”' => {
                if self.waiting_for('”') {
                    Role::Close(c)
                } else if is_opening_context(p) && word_after {
                    Role::Open(Family::Double, DOUBLE_SWEDISH)
                } else {
                    Role::Lone
                }
            }
            '„' => Role::Open(Family::Double, DOUBLE_GERMAN),
            '"' => {
                if p.is_some_and(|ch| ch.is_ascii_digit()) {
                    // 6'2" or a 15" screen, unless it plainly ends a quotation.
                    if !self.waiting_for('"') {
                        return Role::Ignore;
                    }
                    let rest = &self.masked[at + 1..block.end];
                    let more_later = memchr::memchr(b'"', rest.as_bytes()).is_some();
                    let word_follows = n.is_some_and(char::is_whitespace)
                        && rest
                            .trim_start()
                            .chars()
                            .next()
                            .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit());
                    if more_later && word_follows {
                        return Role::Ignore;
                    }
                    return Role::Close(c);
                }
                if self.waiting_for('"') {
                    Role::Close(c)
                } else if n.is_some_and(|ch| !ch.is_whitespace()) {
                    Role::Open(Family::Double, DOUBLE_STRAIGHT)
                } else {
                    Role::Lone
                }
            }
            '‘' => {
                if top_closes('‘') {
                    Role::Close(c)
                } else if word_before
                    || n.is_none_or(|ch| ch.is_whitespace())
                    || self.elided(at + c.len_utf8())
                {
                    Role::Ignore
                } else {
                    Role::Open(Family::Single, SINGLE_CURLY)
                }
            }
            '’' | '\'' => {
                if c == '\'' && p.is_some_and(|ch| ch.is_ascii_digit()) {
                    return Role::Ignore;
                }
                if word_before && word_after {
                    return Role::Ignore;
                }
                let closes_here = p.is_some_and(|ch| !ch.is_whitespace()) && !word_after;
                if closes_here && self.waiting_for(c) {
                    // "the students’ union" inside a single quotation: a plural
                    // possessive, when a later mark can still close the quotation.
                    let plural_s = p.is_some_and(|ch| ch == 's' || ch == 'S');
                    let later = last_word_end_single
                        .get_or_init(|| {
                            last_word_end_single_in(&self.masked[block.clone()])
                                .map(|p| block.start + p)
                        })
                        .is_some_and(|l| l > at);
                    if plural_s
                        && later
                        && self.lowercase_word_follows(at + c.len_utf8(), block.end)
                    {
                        return Role::Ignore;
                    }
                    return Role::Close(c);
                }
                if c == '\'' && is_opening_context(p) && word_after && !self.elided(at + 1) {
                    return Role::Open(Family::Single, SINGLE_STRAIGHT);
                }
                Role::Ignore
            }
            '‚' => {
                if is_opening_context(p) && word_after {
                    Role::Open(Family::Single, SINGLE_GERMAN)
                } else {
                    Role::Ignore
                }
            }
            '«' => {
                if top_closes('«') {
                    Role::Close(c)
                } else {
                    Role::Open(Family::Guillemet, GUILLEMET)
                }
            }
            '»' => {
                if self.waiting_for('»') {
                    Role::Close(c)
                } else if is_opening_context(p) && n.is_some_and(|ch| !ch.is_whitespace()) {
                    Role::Open(Family::Guillemet, GUILLEMET_REVERSED)
                } else {
                    Role::Lone
                }
            }
            '‹' => {
                if top_closes('‹') {
                    Role::Close(c)
                } else if n.is_some_and(|ch| !ch.is_whitespace()) {
                    Role::Open(Family::SingleGuillemet, SINGLE_GUILLEMET)
                } else {
                    Role::Ignore
                }
            }
            '›' => {
                if self.waiting_for('›') {
                    Role::Close(c)
                } else if is_opening_context(p) && word_after {
                    Role::Open(Family::SingleGuillemet, SINGLE_GUILLEMET_REVERSED)
                } else {
                    Role::Ignore
                }
            }
            _ => Role::Ignore,
        }
    }

    /// Whether the word at `at` is one usually written with a leading apostrophe
    /// ('em, 'til, '90s).
    fn elided(&self, at: usize) -> bool {
        let rest = &self.masked[at..];
        let word_len = rest
            .char_indices()
            .find(|&(_, ch)| !is_word_char(ch))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_len];
        if word.is_empty() {
            return false;
        }
        let digits = word.trim_end_matches(['s', 'S']);
        if !digits.is_empty() && digits.chars().all(|ch| ch.is_ascii_digit()) && digits.len() <= 4 {
            return true;
        }
        self.lex.word(word).has(flag::ELISION)
    }

    fn lowercase_word_follows(&self, at: usize, end: usize) -> bool {
        let rest = &self.masked[at.min(end)..end];
        rest.starts_with(char::is_whitespace)
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    }

    fn apply(&mut self, role: Role, c: char, at: usize, bi: usize) {
        let len = c.len_utf8();
        match role {
            Role::Ignore => {}
            Role::Lone => self.lone.push(LoneMark {
                span: at..at + len,
                mark: c,
                opening: false,
            }),
            Role::Open(family, closers) => {
                // A second opener of the family on top means the first never closed.
                if let Some(top) = self.stack.last() {
                    if top.family == family
                        && matches!(family, Family::Double | Family::Guillemet)
                        && top.mark == c
                    {
                        let f = self.pop();
                        self.lone.push(f.lone());
                    }
                }
                let id = self.next_id;
                self.next_id += 1;
                let parent = self.stack.last().map(|f| f.id);
                self.frame_parent.push(parent);
                self.push(Frame {
                    id,
                    parent,
                    start: at,
                    open_len: len,
                    family,
                    closers,
                    mark: c,
                    multi_paragraph: false,
                    first_block: bi,
                });
            }
            Role::Close(c) => {
                // Close the innermost quotation this mark can close; anything
                // opened inside it and still open has lost its partner.
                while let Some(top) = self.stack.last() {
                    if top.closers.contains(&c) {
                        let f = self.pop();
                        self.closed.push(Closed {
                            id: f.id,
                            parent: f.parent,
                            quote: RawQuote {
                                span: f.start..at + len,
                                inner: f.start + f.open_len..at,
                                family: f.family,
                                parent: None,
                                multi_paragraph: f.multi_paragraph,
                                blocks: (f.first_block, bi),
                            },
                        });
                        return;
                    }
                    let f = self.pop();
                    self.lone_or_apostrophe(f);
                }
            }
        }
    }

    fn finish(mut self, carried: Option<Frame>) -> (Vec<RawQuote>, Vec<LoneMark>) {
        if let Some(f) = carried {
            self.lone.push(f.lone());
        }
        // Frames are numbered as they open, in text order, so a quotation's place
        // in start order is the count of closed frames numbered before it: no
        // comparison sort of the quotations is needed.
        let mut index_of_id = vec![usize::MAX; self.next_id];
        for c in &self.closed {
            index_of_id[c.id] = 0;
        }
        let mut n = 0;
        for slot in index_of_id.iter_mut().filter(|s| **s == 0) {
            *slot = n;
            n += 1;
        }
        let mut ordered: Vec<Option<Closed>> = (0..n).map(|_| None).collect();
        for c in self.closed {
            let i = index_of_id[c.id];
            ordered[i] = Some(c);
        }
        let mut quotes = Vec::with_capacity(n);
        for c in ordered.into_iter().flatten() {
            let mut q = c.quote;
            // The nearest enclosing frame that closed.
            let mut p = c.parent;
            while let Some(id) = p {
                if index_of_id[id] != usize::MAX {
                    break;
                }
                p = self.frame_parent[id];
            }
            q.parent = p.map(|id| index_of_id[id]);
            quotes.push(q);
        }
        debug_assert!(quotes.windows(2).all(|w| w[0].span.start < w[1].span.start));
        let mut lone = self.lone;
        lone.sort_unstable_by_key(|l| l.span.start);
        (quotes, lone)
    }
}

/// Offset of the last `’` or `'` in `text` that stands at a word's end.
fn last_word_end_single_in(text: &str) -> Option<usize> {
    // Searched from the end, so it usually stops after a few characters.
    text.rmatch_indices(['’', '\''])
        .find(|&(i, m)| {
            let prev = text[..i].chars().next_back();
            let next = text[i + m.len()..].chars().next();
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(is_word_char)
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Format, ProseMap};

    fn quotes_of(text: &str) -> (Vec<String>, Vec<char>) {
        let map = ProseMap::new(text, Format::PlainText);
        let (q, lone) = scan(&map.masked, &map.blocks, Lexicon::get());
        (
            q.iter().map(|q| text[q.span.clone()].to_string()).collect(),
            lone.iter().map(|l| l.mark).collect(),
        )
    }

    /// The whole draft scanned in one pass, for comparing with [`scan`].
    fn scan_in_one_pass(text: &str) -> (Vec<RawQuote>, Vec<LoneMark>) {
        let map = ProseMap::new(text, Format::PlainText);
        let mut s = Scanner::new(&map.masked, Lexicon::get());
        let carried = s.blocks(&map.blocks, 0..map.blocks.len(), None);
        s.finish(carried)
    }

    #[test]
    fn a_long_draft_scanned_in_two_halves_reads_as_one() {
        let para = "“We will win,” she said, “and ‘soon’ too.” A lone ” mark. \"Fine.\"\n\n";
        // Even: the middle falls between two whole paragraphs. Odd, with the
        // middle paragraph opening a quotation that runs on: the half-way guess is
        // wrong and the second half is scanned again.
        for (extra, carried_over_middle) in [("", false), ("“It runs on.\n\n", true)] {
            let n = (parallel::FROM / para.len()) + 2;
            let mut text = para.repeat(n / 2);
            text.push_str(extra);
            text.push_str("“And on.”\n\n");
            text.push_str(&para.repeat(n / 2));
            let map = ProseMap::new(&text, Format::PlainText);
            let (halves, lone) = scan(&map.masked, &map.blocks, Lexicon::get());
            let (whole, whole_lone) = scan_in_one_pass(&text);
            assert_eq!(halves, whole);
            assert_eq!(lone, whole_lone);
            assert!(halves.iter().any(|q| q.parent.is_some()));
            assert_eq!(
                halves.iter().any(|q| q.multi_paragraph),
                carried_over_middle,
                "{extra:?}"
            );
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (q, lone) = quotes_of(
            "Putin’s aide didn’t say. In the ’90s rock ’n’ roll ruled at six o’clock, the students’ union said. Harris' plan, 'em, can't.",
        );
        assert!(q.is_empty(), "{q:?}");
        assert!(lone.is_empty(), "{lone:?}");
    }

    #[test]
    fn inch_and_foot_marks_are_not_quotes() {
        let (q, lone) =
            quotes_of("He is 6'2\" tall and bought a 15\" screen. \"It fits,\" he said.");
        assert_eq!(q, vec!["\"It fits,\""]);
        assert!(lone.is_empty());
        // Inside an open quotation, a mark after a digit closes it unless another
        // follows later in the paragraph and a word goes on after it.
        let (q, _) = quotes_of("\"He is 6'2\" tall,\" she said. \"It is 15\"\n\nNext.");
        assert_eq!(q, vec!["\"He is 6'2\" tall,\"", "\"It is 15\""]);
    }

    #[test]
    fn guillemets_are_read_in_whichever_paragraph_they_stand() {
        // A non-breaking space shares the guillemets' lead byte.
        let text = "“A,”\u{a0}he said.\n\nNo marks.\n\nIl a dit : «Nous sommes prêts.»\n\n“B,” she said. «Oui»";
        let (q, lone) = quotes_of(text);
        assert_eq!(q, vec!["“A,”", "«Nous sommes prêts.»", "“B,”", "«Oui»"]);
        assert!(lone.is_empty());
    }

    #[test]
    fn nested_quotations_know_their_parent() {
        let text = "“We will say: ‘You know what? That was worth a try.’” Vance said.";
        let map = ProseMap::new(text, Format::PlainText);
        let (q, _) = scan(&map.masked, &map.blocks, Lexicon::get());
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].parent, Some(0));
        assert_eq!(
            &text[q[1].span.clone()],
            "‘You know what? That was worth a try.’"
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_one_and_balanced() {
        let text =
            "She said: “First paragraph of it.\n\n“Second paragraph.\n\n“Last one.” Then she left.";
        let (q, lone) = quotes_of(text);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("“First") && q[0].ends_with("Last one.”"));
        assert!(lone.is_empty());
    }

    #[test]
    fn a_lone_mark_is_reported_where_it_stands() {
        let (q, lone) = quotes_of("“This never closes, he said.\n\nNext paragraph.");
        assert!(q.is_empty());
        assert_eq!(lone, vec!['“']);
    }

    #[test]
    fn other_conventions() {
        let (q, _) =
            quotes_of("Er sagte: „Wir sind bereit.“ Il a dit : «Nous sommes prêts.» Sie: »Ja.«");
        assert_eq!(
            q,
            vec!["„Wir sind bereit.“", "«Nous sommes prêts.»", "»Ja.«"]
        );
    }

    #[test]
    fn single_quoted_headline_and_plural_possessive_inside() {
        let (q, _) = quotes_of("Talks To Begin ‘Immediately’ After Call");
        assert_eq!(q, vec!["‘Immediately’"]);
        let (q, _) = quotes_of("He wrote: 'The workers' union will win, we said' and left.");
        assert_eq!(q, vec!["'The workers' union will win, we said'"]);
    }
}
