//! Finding quotations: which quote marks open, which close, which are apostrophes.
//!
//! Marks are read in context, the way a copy editor reads them. What each mark
//! is (its family, whether it opens or closes, what closes it) is data, in
//! `lexicon/marks.txt`; how context decides between a quotation mark and an
//! apostrophe or a foot mark is here. A paragraph that ends inside a quotation is
//! fine when the next paragraph opens with the same mark: that is the newsroom
//! form of a quotation running over several paragraphs.

use std::ops::Range;

mod table;

use super::lexicon::{Flags, Lexicon};
use super::tokens::is_word_char;
use table::{Mark, Role, mark_of};

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
    let mut s = Scanner::new(masked, lex);
    let mut carried: Option<Frame> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let mut skip_first = false;
        if let Some(mut frame) = carried.take() {
            let first = leading_mark(&masked[block.clone()]).map(|(c, _)| c);
            if first.is_some_and(|c| frame.reopened_by(c)) {
                frame.multi_paragraph = true;
                s.push(frame);
                skip_first = true;
            } else {
                s.lone.push(frame.lone());
            }
        }
        s.block(bi, block.clone(), skip_first);
        // What is still open at the paragraph's end: the outermost quotation may
        // continue in the next paragraph; anything nested in it may not.
        while s.stack.len() > 1 {
            let f = s.pop();
            s.lone_or_apostrophe(f);
        }
        if let Some(f) = s.pop_outermost() {
            let next_opens = blocks
                .get(bi + 1)
                .and_then(|b| leading_mark(&masked[b.clone()]))
                .is_some_and(|(c, _)| f.reopened_by(c));
            if next_opens {
                carried = Some(f);
            } else {
                s.lone_or_apostrophe(f);
            }
        }
    }
    if let Some(f) = carried {
        s.lone.push(f.lone());
    }
    s.finish()
}

#[derive(Debug, Clone)]
struct Frame {
    id: usize,
    parent: Option<usize>,
    start: usize,
    mark: &'static Mark,
    /// The opening mark's length in bytes (two for a doubled apostrophe).
    open_len: usize,
    /// What closes it (the opening mark's closers).
    closers: &'static [char],
    multi_paragraph: bool,
    first_block: usize,
}

impl Frame {
    fn reopened_by(&self, c: char) -> bool {
        c == self.mark.mark || (self.mark.family == Family::Double && matches!(c, '“' | '"' | '„'))
    }

    fn lone(&self) -> LoneMark {
        LoneMark {
            span: self.start..self.start + self.open_len,
            mark: self.mark.mark,
            opening: true,
        }
    }
}

/// The quotation mark at byte `i` of `text` and its length. Two straight
/// apostrophes together are one double mark, as some newspapers set them
/// (''We won,'' she said).
fn mark_at(text: &str, i: usize) -> Option<(char, usize)> {
    let rest = &text[i..];
    if rest.starts_with("''") {
        return Some(('"', 2));
    }
    rest.chars().next().map(|c| (c, c.len_utf8()))
}

/// The mark a paragraph opens with, if it opens with one.
fn leading_mark(text: &str) -> Option<(char, usize)> {
    mark_at(text, 0).filter(|&(c, _)| mark_of(c).is_some())
}

/// What a mark does where it stands.
enum Action {
    /// Opens a quotation closed by these marks.
    Open(&'static [char]),
    /// Closes the innermost quotation that this mark closes.
    Close(char),
    /// A closing mark with nothing to close.
    Lone,
    /// Not a quotation mark here: an apostrophe, a foot mark.
    Ignore,
}

struct Scanner<'a> {
    masked: &'a str,
    lex: &'a Lexicon,
    stack: Vec<Frame>,
    /// How many open frames each mark would close, so a mark learns at once
    /// whether anything below the top waits for it, however deep the nesting.
    waiting: rustc_hash::FxHashMap<char, usize>,
    closed: Vec<(usize, Option<usize>, RawQuote)>,
    lone: Vec<LoneMark>,
    next_id: usize,
    /// Every frame's parent frame, closed or not, so a quotation inside one that
    /// lost its partner still finds the quotation around both.
    frame_parent: Vec<Option<usize>>,
}

/// Before an opening mark: the start, a space, a bracket, a dash or another mark.
fn is_opening_context(p: Option<char>) -> bool {
    p.is_none_or(|c| c.is_whitespace() || "([{—–-/“‘«»„‚\"':‹›\u{feff}".contains(c))
}

/// After a closing mark: the end, a space, or anything not part of a word.
fn is_closing_context(n: Option<char>) -> bool {
    n.is_none_or(|c| c.is_whitespace() || !is_word_char(c))
}

impl<'a> Scanner<'a> {
    fn new(masked: &'a str, lex: &'a Lexicon) -> Scanner<'a> {
        Scanner {
            masked,
            lex,
            stack: Vec::new(),
            waiting: rustc_hash::FxHashMap::default(),
            closed: Vec::new(),
            lone: Vec::new(),
            next_id: 0,
            frame_parent: Vec::new(),
        }
    }

    fn push(&mut self, frame: Frame) {
        for &c in frame.closers {
            *self.waiting.entry(c).or_default() += 1;
        }
        self.stack.push(frame);
    }

    fn pop(&mut self) -> Frame {
        let f = self.stack.pop().expect("pop on a non-empty stack");
        for &c in f.closers {
            if let Some(n) = self.waiting.get_mut(&c) {
                *n = n.saturating_sub(1);
            }
        }
        f
    }

    fn pop_outermost(&mut self) -> Option<Frame> {
        (!self.stack.is_empty()).then(|| self.pop())
    }

    fn waiting_for(&self, c: char) -> bool {
        self.waiting.get(&c).is_some_and(|&n| n > 0)
    }

    fn top_closes(&self, c: char) -> bool {
        self.stack.last().is_some_and(|f| f.closers.contains(&c))
    }

    /// An unclosed single mark was an apostrophe typed at a word's start; any
    /// other unclosed opener is a real lone mark.
    fn lone_or_apostrophe(&mut self, f: Frame) {
        if f.mark.role != Role::Apostrophe {
            self.lone.push(f.lone());
        }
    }

    fn block(&mut self, bi: usize, block: Range<usize>, skip_first: bool) {
        let text = &self.masked[block.clone()];
        let from = if skip_first {
            leading_mark(text).map_or(0, |(_, len)| len)
        } else {
            0
        };
        let mut i = from;
        while let Some(found) = text[i..].find(|c| mark_of(c).is_some()) {
            i += found;
            let Some((c, len)) = mark_at(text, i) else {
                break;
            };
            let Some(mark) = mark_of(c) else { break };
            let prev = text[..i].chars().next_back();
            let next = text[i + len..].chars().next();
            let at = block.start + i;
            let action = self.action(mark, at, prev, next, &block);
            self.apply(action, mark, at, len, bi);
            i += len;
        }
    }

    fn action(
        &self,
        mark: &'static Mark,
        at: usize,
        p: Option<char>,
        n: Option<char>,
        block: &Range<usize>,
    ) -> Action {
        let c = mark.mark;
        let word_before = p.is_some_and(is_word_char);
        let word_after = n.is_some_and(is_word_char);
        let space_after = n.is_none_or(char::is_whitespace);
        let unmatched = if mark.family == Family::Single || mark.family == Family::SingleGuillemet {
            Action::Ignore
        } else {
            Action::Lone
        };
        let after_digit = c.is_ascii() && p.is_some_and(|ch| ch.is_ascii_digit());
        match mark.role {
            Role::Opener => {
                if self.top_closes(c) {
                    return Action::Close(c);
                }
                let single = matches!(mark.family, Family::Single | Family::SingleGuillemet);
                if single {
                    // ‘ after a word, before a space, or before an elision ('90s)
                    // is an apostrophe.
                    if word_before || space_after || self.elided(at + c.len_utf8()) {
                        return Action::Ignore;
                    }
                } else if !is_opening_context(p) && is_closing_context(n) {
                    // A closing mark typed the wrong way round.
                    if let Some(&k) = mark.closers.iter().find(|&&k| self.waiting_for(k)) {
                        return Action::Close(k);
                    }
                }
                Action::Open(&mark.closers)
            }
            Role::Closer => {
                // Guillemets open before any mark (»…« reversed); the others
                // before a word only.
                let opens_before = word_after || (mark.family == Family::Guillemet && !space_after);
                if self.waiting_for(c) {
                    Action::Close(c)
                } else if is_opening_context(p) && opens_before {
                    Action::Open(&mark.closers)
                } else {
                    unmatched
                }
            }
            Role::Straight if after_digit => self.after_digit(c, at, n, block),
            Role::Straight => {
                if self.waiting_for(c) {
                    Action::Close(c)
                } else if !space_after {
                    Action::Open(&mark.closers)
                } else {
                    Action::Lone
                }
            }
            Role::Apostrophe => {
                if after_digit || (word_before && word_after) {
                    return Action::Ignore;
                }
                let closes_here = p.is_some_and(|ch| !ch.is_whitespace()) && !word_after;
                if closes_here && self.waiting_for(c) {
                    // "the students’ union" inside a single quotation: a plural
                    // possessive, when a later mark can still close the quotation.
                    let plural_s = p.is_some_and(|ch| ch == 's' || ch == 'S');
                    if plural_s
                        && self.closing_single_later(at + c.len_utf8(), block.end)
                        && self.lowercase_word_follows(at + c.len_utf8(), block.end)
                    {
                        return Action::Ignore;
                    }
                    return Action::Close(c);
                }
                let opens = !mark.closers.is_empty()
                    && is_opening_context(p)
                    && word_after
                    && !self.elided(at + c.len_utf8());
                if opens {
                    Action::Open(&mark.closers)
                } else {
                    Action::Ignore
                }
            }
        }
    }

    /// A straight mark after a digit: 6'2" or a 15" screen, unless it plainly
    /// ends a quotation (another mark later in the paragraph and a word going on
    /// after it make it an inch mark inside one).
    fn after_digit(&self, c: char, at: usize, n: Option<char>, block: &Range<usize>) -> Action {
        if !self.waiting_for(c) {
            return Action::Ignore;
        }
        let rest = &self.masked[at + 1..block.end];
        let more_later = rest.contains(c);
        let word_follows = n.is_some_and(char::is_whitespace)
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(|ch| ch.is_lowercase() || ch.is_ascii_digit());
        if more_later && word_follows {
            Action::Ignore
        } else {
            Action::Close(c)
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
        if !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|ch| ch.is_ascii_digit()) {
            return true;
        }
        self.lex.word(word).has(Flags::ELISION)
    }

    /// Whether a `’` or `'` at a word's end stands after `at` in the paragraph.
    fn closing_single_later(&self, at: usize, end: usize) -> bool {
        let text = &self.masked[at.min(end)..end];
        text.match_indices(['’', '\'']).any(|(i, m)| {
            let prev = text[..i].chars().next_back();
            let next = text[i + m.len()..].chars().next();
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(is_word_char)
        })
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

    /// Carries out `action` for `mark`, `len` bytes long at `at`.
    fn apply(&mut self, action: Action, mark: &'static Mark, at: usize, len: usize, bi: usize) {
        match action {
            Action::Ignore => {}
            Action::Lone => self.lone.push(LoneMark {
                span: at..at + len,
                mark: mark.mark,
                opening: false,
            }),
            Action::Open(closers) => {
                // A second opener of the family on top means the first never closed.
                let repeated = self.stack.last().is_some_and(|top| {
                    top.mark.mark == mark.mark
                        && matches!(mark.family, Family::Double | Family::Guillemet)
                });
                if repeated {
                    let f = self.pop();
                    self.lone.push(f.lone());
                }
                let id = self.next_id;
                self.next_id += 1;
                let parent = self.stack.last().map(|f| f.id);
                self.frame_parent.push(parent);
                self.push(Frame {
                    id,
                    parent,
                    start: at,
                    mark,
                    open_len: len,
                    closers,
                    multi_paragraph: false,
                    first_block: bi,
                });
            }
            Action::Close(c) => {
                // Close the innermost quotation this mark can close; anything
                // opened inside it and still open has lost its partner.
                while let Some(top) = self.stack.last() {
                    if top.closers.contains(&c) {
                        let f = self.pop();
                        let quote = RawQuote {
                            span: f.start..at + len,
                            inner: f.start + f.open_len..at,
                            family: f.mark.family,
                            parent: None,
                            multi_paragraph: f.multi_paragraph,
                            blocks: (f.first_block, bi),
                        };
                        self.closed.push((f.id, f.parent, quote));
                        return;
                    }
                    let f = self.pop();
                    self.lone_or_apostrophe(f);
                }
            }
        }
    }

    /// The closed quotations in text order, each with the nearest enclosing
    /// quotation that closed as its parent; the lone marks in text order.
    fn finish(self) -> (Vec<RawQuote>, Vec<LoneMark>) {
        // Frames are numbered as they open, in text order.
        let mut closed = self.closed;
        closed.sort_by_key(|(id, _, _)| *id);
        let mut index_of_id: Vec<Option<usize>> = vec![None; self.next_id];
        for (i, (id, _, _)) in closed.iter().enumerate() {
            index_of_id[*id] = Some(i);
        }
        let quotes = closed
            .into_iter()
            .map(|(_, parent, mut q)| {
                let mut p = parent;
                while let Some(id) = p {
                    if let Some(i) = index_of_id[id] {
                        q.parent = Some(i);
                        break;
                    }
                    p = self.frame_parent[id];
                }
                q
            })
            .collect();
        let mut lone = self.lone;
        lone.sort_by_key(|l| l.span.start);
        (quotes, lone)
    }
}

/// Whether `c` is a quotation mark that can open a quotation.
pub fn can_open(c: char) -> bool {
    table::mark_of(c).is_some_and(|m| !m.closers.is_empty())
}

#[cfg(test)]
mod tests;
