//! The narrative of a draft as words and punctuation, with each top-level quotation
//! folded into a single token.
//!
//! Attribution reads the writer's sentences, not the speaker's words, so the words
//! inside a quotation are not tokens here: "“We will win,” he said" is three tokens
//! `[Quote] [he] [said]` (plus punctuation), which keeps cue-finding simple and fast.

use std::ops::Range;

use super::lexicon::{Gender, Lexicon, WordInfo};
use super::parallel;
use super::quotes::RawQuote;

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// First letter upper case: "Putin", "JD" is [`Case::Upper`].
    Title,
    /// Every letter upper case, two letters or more: "JD", "NATO", "ON".
    Upper,
    /// Starts with a digit or a symbol.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word(Case),
    Punct(char),
    /// A top-level quotation, by index into the quotation list.
    Quote(u32),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    // Offsets are stored as u32, and the kind and facts of a word packed around
    // them, to keep a token at 24 bytes: a long draft has a hundred thousand of
    // them, and memory traffic is much of their cost (padded to 64 bytes, a token
    // made a 100k-word draft take a tenth longer).
    start: u32,
    end: u32,
    block: u32,
    flags: u32,
    /// A punctuation mark's character, or a quotation's index.
    payload: u32,
    tag: Tag,
    case: Case,
    gender: Gender,
    /// The bytes a possessive "’s" or "'s" takes at the end.
    possessive: u8,
}

const _: () = assert!(std::mem::size_of::<Token>() == 24);

/// Which [`Kind`] a token is, its payload stored apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Word,
    Punct,
    Quote,
}

impl Token {
    /// A word, ending at `end` with its possessive ending, if any, from
    /// `stem_end` (two to four bytes).
    #[inline]
    fn word(
        start: usize,
        end: usize,
        stem_end: usize,
        case: Case,
        info: WordInfo,
        block: usize,
    ) -> Token {
        Token {
            start: start as u32,
            end: end as u32,
            block: block as u32,
            flags: info.flags,
            payload: 0,
            tag: Tag::Word,
            case,
            gender: info.gender,
            possessive: (end - stem_end) as u8,
        }
    }

    #[inline]
    fn mark(start: usize, end: usize, c: char, block: usize) -> Token {
        Token {
            start: start as u32,
            end: end as u32,
            block: block as u32,
            flags: 0,
            payload: u32::from(c),
            tag: Tag::Punct,
            case: Case::Other,
            gender: Gender::Unknown,
            possessive: 0,
        }
    }

    /// Top-level quotation `q`, which closes in paragraph `block`.
    fn quotation(span: &Range<usize>, q: usize, block: usize) -> Token {
        Token {
            start: span.start as u32,
            end: span.end as u32,
            block: block as u32,
            flags: 0,
            payload: q as u32,
            tag: Tag::Quote,
            case: Case::Other,
            gender: Gender::Unknown,
            possessive: 0,
        }
    }

    #[inline]
    pub fn kind(&self) -> Kind {
        match self.tag {
            Tag::Word => Kind::Word(self.case),
            Tag::Punct => Kind::Punct(char::from_u32(self.payload).unwrap_or('\u{fffd}')),
            Tag::Quote => Kind::Quote(self.payload),
        }
    }

    /// The word's facts from the lexicon (none for punctuation and quotations).
    #[inline]
    pub fn info(&self) -> WordInfo {
        WordInfo {
            flags: self.flags,
            gender: self.gender,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End of the token.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// End of the word without a possessive "’s" or "'s".
    pub fn stem_end(&self) -> usize {
        self.end as usize - self.possessive as usize
    }

    /// Paragraph the token belongs to (for a quotation: where it closes).
    pub fn block(&self) -> usize {
        self.block as usize
    }

    pub fn is_word(&self) -> bool {
        self.tag == Tag::Word
    }

    pub fn is_capitalised(&self) -> bool {
        self.tag == Tag::Word && matches!(self.case, Case::Title | Case::Upper)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tag == Tag::Punct && self.payload == u32::from(c)
    }

    pub fn quote(&self) -> Option<usize> {
        (self.tag == Tag::Quote).then_some(self.payload as usize)
    }

    pub fn possessive(&self) -> bool {
        self.possessive > 0
    }

    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// Letters and digits, combining accents, and the zero-width joiners that hold
/// emoji sequences and some scripts' words together.
pub fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c) || matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.')
}

/// Tokenises the prose blocks of `masked`, folding each top-level quotation.
pub fn tokenize(
    masked: &str,
    blocks: &[Range<usize>],
    quotes: &[RawQuote],
    lex: &Lexicon,
) -> Vec<Token> {
    static BALANCE: parallel::Balance = parallel::Balance::new();
    tokenize_with(masked, blocks, quotes, lex, true, &BALANCE)
}

/// Tokenises only what name runs need: every capitalised word, and lowercase words
/// short enough to be a particle or a joiner ("van", "bin", "of"). Used inside
/// quotations, where only names are looked for.
pub fn tokenize_for_names(masked: &str, blocks: &[Range<usize>], lex: &Lexicon) -> Vec<Token> {
    static BALANCE: parallel::Balance = parallel::Balance::new();
    tokenize_with(masked, blocks, &[], lex, false, &BALANCE)
}

fn tokenize_with(
    masked: &str,
    blocks: &[Range<usize>],
    quotes: &[RawQuote],
    lex: &Lexicon,
    every_word: bool,
    balance: &parallel::Balance,
) -> Vec<Token> {
    let tops: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].parent.is_none())
        .collect();
    let split = (parallel::worth_splitting(masked.len()) && blocks.len() >= 4)
        .then(|| split_point(blocks, quotes, &tops, balance.share()))
        .flatten();
    // About one token per four bytes, generously: the vector should not grow.
    let room = |blocks: &[Range<usize>]| {
        blocks
            .last()
            .map_or(0, |b| b.end)
            .saturating_sub(blocks.first().map_or(0, |b| b.start))
            / 4
    };
    let Some(m) = split else {
        let out = Vec::with_capacity(room(blocks));
        return tokenize_blocks(masked, blocks, 0, quotes, &tops, lex, every_word, out);
    };
    // Paragraphs are independent once no quotation runs across the split, so the
    // second half is tokenised on another core. The first half's vector has room
    // for both, so joining them copies the second half once and nothing else.
    let whole = room(blocks).max(1);
    let (mut out, rest) = balance.both(
        1.0 - room(&blocks[m..]) as f64 / whole as f64,
        || {
            let out = Vec::with_capacity(room(blocks));
            tokenize_blocks(masked, &blocks[..m], 0, quotes, &tops, lex, every_word, out)
        },
        || {
            let out = Vec::with_capacity(room(&blocks[m..]));
            tokenize_blocks(masked, &blocks[m..], m, quotes, &tops, lex, every_word, out)
        },
    );
    out.extend(rest);
    out
}

/// A paragraph index near `share` of the way in that no quotation runs across.
fn split_point(
    blocks: &[Range<usize>],
    quotes: &[RawQuote],
    tops: &[usize],
    share: f64,
) -> Option<usize> {
    let crossing = |m: usize| {
        tops.iter()
            .any(|&q| quotes[q].blocks.0 < m && quotes[q].blocks.1 >= m)
    };
    let mid = ((blocks.len() as f64 * share) as usize).min(blocks.len());
    (0..mid.min(64))
        .flat_map(|d| [mid + d, mid - d])
        .find(|&m| m > 0 && m < blocks.len() && !crossing(m))
}

#[allow(clippy::too_many_arguments)]
fn tokenize_blocks(
    masked: &str,
    blocks: &[Range<usize>],
    first_block: usize,
    quotes: &[RawQuote],
    tops: &[usize],
    lex: &Lexicon,
    every_word: bool,
    mut out: Vec<Token>,
) -> Vec<Token> {
    let mut qi = 0;
    let mut resume = 0;
    let bytes = masked.as_bytes();
    let quote_start = |qi: usize| tops.get(qi).map_or(usize::MAX, |&q| quotes[q].span.start);
    for (local, block) in blocks.iter().enumerate() {
        let bi = first_block + local;
        let mut i = block.start.max(resume);
        while qi < tops.len() && quotes[tops[qi]].span.start < i {
            qi += 1;
        }
        let mut next_quote = quote_start(qi);
        while i < block.end {
            let b = bytes[i];
            let class = BYTE_CLASS[b as usize];
            // Spaces and line breaks between words, skipped in one go.
            if class == SPACE {
                i += 1;
                continue;
            }
            if i >= next_quote {
                while qi < tops.len() && quotes[tops[qi]].span.start < i {
                    qi += 1;
                }
                next_quote = quote_start(qi);
                if next_quote == i {
                    let q = tops[qi];
                    let span = &quotes[q].span;
                    out.push(Token::quotation(span, q, quotes[q].blocks.1));
                    i = span.end;
                    resume = i;
                    qi += 1;
                    next_quote = quote_start(qi);
                    continue;
                }
            }
            // Most tokens are ASCII, a word or a mark, and need no decoding.
            let (c, len) = match class {
                WORD | MARK => (b as char, 1),
                _ => match masked[i..].chars().next() {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                },
            };
            if class == OTHER && (c.is_whitespace() || c == '\u{feff}') {
                i += len;
                continue;
            }
            if class == WORD || (class == OTHER && is_word_char(c)) {
                let end = word_end(masked, i, block.end.min(next_quote));
                // Only a word ending in "s" can be a possessive.
                let stem_end = if end > i && matches!(bytes[end - 1], b's' | b'S') {
                    possessive_stem(masked, i, end)
                } else {
                    end
                };
                // Most words start with a lowercase ASCII letter: their case is
                // settled and their facts looked up without slicing the string.
                let case = if bytes[i].is_ascii_lowercase() {
                    Case::Lower
                } else {
                    case_of(&masked[i..stem_end])
                };
                let info = if every_word || case != Case::Lower || stem_end - i <= 5 {
                    lex.word_in(masked, i..stem_end)
                } else {
                    WordInfo::default()
                };
                out.push(Token::word(i, end, stem_end, case, info, bi));
                i = end;
            } else {
                out.push(Token::mark(i, i + len, c, bi));
                i += len;
            }
        }
    }
    out
}

/// What a byte starts, as far as one byte tells: an ASCII space, an ASCII letter
/// or digit, some other ASCII character, or a character to decode. A table: one
/// load per byte in the hottest loops.
const SPACE: u8 = 0;
const WORD: u8 = 1;
const MARK: u8 = 2;
const OTHER: u8 = 3;
const BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if crate::text::is_ascii_space(c) {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else {
            MARK
        };
        b += 1;
    }
    t
};

/// End of the word starting at `start`: word characters, joined by apostrophes,
/// hyphens and (between letters, as in "U.S") full stops. Inlined into the
/// tokeniser's loop, where a call per word costs more than the word.
#[inline(always)]
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut end = start;
    while i < limit {
        // A run of ASCII letters and digits, the bulk of any draft, without decoding.
        let run = bytes[i..limit]
            .iter()
            .position(|&b| BYTE_CLASS[b as usize] != WORD)
            .unwrap_or(limit - i);
        if run > 0 {
            i += run;
            end = i;
            if i == limit {
                break;
            }
        }
        let b = bytes[i];
        // A space or a comma or full stop not between digits ends the word: most
        // words end so, and need no character decoded to tell.
        if b == b' ' || (matches!(b, b'.' | b',') && (i == start || !bytes[i - 1].is_ascii_digit()))
        {
            break;
        }
        // Any other ASCII mark but a joiner ends it too.
        if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',') {
            break;
        }
        let Some(c) = text[i..limit].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let next = text[i + len..limit].chars().next();
        if is_word_char(c) {
            i += len;
            end = i;
        } else if c != '.' && is_joiner(c) && next.is_some_and(is_word_char) {
            i += len;
        } else if matches!(c, '.' | ',')
            && i > start
            && bytes[i - 1].is_ascii_digit()
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            // "2.1 billion", "6.7″", "40,000": one number.
            i += len;
        } else {
            break;
        }
    }
    end
}

/// The first word of `phrase` as a token's lexicon lookup reads it: up to where
/// the tokeniser ends it, without a possessive. Empty when the phrase does not
/// open with a word.
pub fn first_word(phrase: &str) -> &str {
    if !phrase.chars().next().is_some_and(is_word_char) {
        return "";
    }
    let end = word_end(phrase, 0, phrase.len());
    &phrase[..possessive_stem(phrase, 0, end)]
}

fn possessive_stem(text: &str, start: usize, end: usize) -> usize {
    let w = &text.as_bytes()[start..end];
    if !matches!(w.last(), Some(b's' | b'S')) {
        return end;
    }
    // "’s" is E2 80 99 then the s; "'s" is one byte then the s.
    let stem = match w[..w.len() - 1] {
        [ref stem @ .., 0xE2, 0x80, 0x99] | [ref stem @ .., b'\''] => stem.len(),
        _ => return end,
    };
    if stem == 0 { end } else { start + stem }
}

fn case_of(word: &str) -> Case {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Case::Other;
    };
    if first.is_lowercase() {
        Case::Lower
    } else if first.is_uppercase() {
        let mut letters = 1;
        let mut all_upper = true;
        for c in chars {
            if c.is_alphabetic() {
                letters += 1;
                if !c.is_uppercase() {
                    all_upper = false;
                }
            }
        }
        if all_upper && letters > 1 {
            Case::Upper
        } else {
            Case::Title
        }
    } else {
        Case::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes;
    use crate::text::{Format, ProseMap};

    #[test]
    fn a_long_draft_split_over_two_threads_tokenises_as_one() {
        let para =
            "“We will win,” Putin’s aide said. “It is over.\n\n“We go on.” Jean-Pierre can't.\n\n";
        let text = para.repeat(4000);
        assert!(text.len() >= parallel::FROM);
        let map = ProseMap::new(&text, Format::PlainText);
        let lex = Lexicon::get();
        let (q, _) = quotes::scan(&map.masked, &map.blocks, lex);
        let tops: Vec<usize> = (0..q.len()).filter(|&i| q[i].parent.is_none()).collect();
        let sequential = tokenize_blocks(
            &map.masked,
            &map.blocks,
            0,
            &q,
            &tops,
            lex,
            true,
            Vec::new(),
        );
        let parallel = tokenize(&map.masked, &map.blocks, &q, lex);
        let key = |t: &Token| (t.start(), t.end(), t.stem_end(), t.block(), t.kind());
        assert_eq!(parallel.len(), sequential.len());
        assert!(parallel.iter().map(key).eq(sequential.iter().map(key)));
        // The split never falls inside the multi-paragraph quotation, wherever
        // it is sought.
        for share in [0.25, 0.5, 0.75] {
            let m = split_point(&map.blocks, &q, &tops, share).expect("a paragraph edge");
            assert!(
                !tops
                    .iter()
                    .any(|&i| q[i].blocks.0 < m && q[i].blocks.1 >= m)
            );
            let near = (map.blocks.len() as f64 * share) as usize;
            assert!(m.abs_diff(near) < 64, "{m} is far from {near}");
        }
    }

    #[test]
    fn quotations_fold_and_possessives_split() {
        let text = "“We will win,” Putin’s aide said. Jean-Pierre can't.";
        let map = ProseMap::new(text, Format::PlainText);
        let lex = Lexicon::get();
        let (q, _) = quotes::scan(&map.masked, &map.blocks, lex);
        let toks = tokenize(&map.masked, &map.blocks, &q, lex);
        let shown: Vec<&str> = toks.iter().map(|t| &text[t.start()..t.end()]).collect();
        assert_eq!(
            shown,
            vec![
                "“We will win,”",
                "Putin’s",
                "aide",
                "said",
                ".",
                "Jean-Pierre",
                "can't",
                "."
            ]
        );
        assert_eq!(toks[0].quote(), Some(0));
        assert!(toks[1].possessive());
        assert_eq!(&text[toks[1].start()..toks[1].stem_end()], "Putin");
    }

    #[test]
    fn possessives_and_case_read_alike_on_ascii_and_accented_words() {
        fn stem(w: &str) -> &str {
            &w[..possessive_stem(w, 0, w.len())]
        }
        assert_eq!(stem("Putin’s"), "Putin");
        assert_eq!(stem("Putin's"), "Putin");
        assert_eq!(stem("NATO’S"), "NATO");
        assert_eq!(stem("Zoë’s"), "Zoë");
        assert_eq!(stem("’s"), "’s");
        assert_eq!(stem("news"), "news");
        assert_eq!(stem("Bus’"), "Bus’");
        let cases = [
            ("said", Case::Lower),
            ("Putin", Case::Title),
            ("JD", Case::Upper),
            ("NATO’S", Case::Upper),
            ("A", Case::Title),
            ("McCain", Case::Title),
            ("U-2", Case::Title),
            ("2026", Case::Other),
            ("élan", Case::Lower),
            ("Élysée", Case::Title),
            ("ÉLYSÉE", Case::Upper),
            ("ZOË", Case::Upper),
        ];
        for (w, case) in cases {
            assert_eq!(case_of(w), case, "{w}");
        }
    }

    #[test]
    fn words_end_at_spaces_and_stops_but_numbers_and_joins_hold() {
        let text = "U.S. aid: $2.1 billion, 40,000 people. Zoë’s co-chair, Café. A.\u{b}(Kyiv)\u{a0}“so\u{feff}” o’Neil—";
        let paragraph = 0..text.len();
        let words: Vec<&str> =
            tokenize(text, std::slice::from_ref(&paragraph), &[], Lexicon::get())
                .iter()
                .map(|t| &text[t.start()..t.end()])
                .collect();
        assert_eq!(
            words,
            [
                "U", ".", "S", ".", "aid", ":", "$", "2.1", "billion", ",", "40,000", "people",
                ".", "Zoë’s", "co-chair", ",", "Café", ".", "A", ".", "(", "Kyiv", ")", "“", "so",
                "”", "o’Neil", "—"
            ]
        );
    }
}
