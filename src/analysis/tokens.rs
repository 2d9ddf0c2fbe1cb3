//! The narrative of a draft as words and punctuation, with each top-level
//! quotation folded into a single token.
//!
//! Attribution reads the writer's sentences, not the speaker's words, so the words
//! inside a quotation are not tokens here: "“We will win,” he said" is three tokens
//! `[Quote] [he] [said]` (plus punctuation), which keeps cue-finding simple.

use std::ops::Range;

use super::lexicon::{Flags, Lexicon, WordInfo};
use super::marks::RawQuote;

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// First letter upper case: "Putin".
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

/// A word, a mark or a folded quotation. Offsets are kept in four bytes: a
/// pathological draft (a megabyte of commas) has a token per byte, and the
/// analysis must hold it in memory a few dozen times its size at most. Drafts
/// are far below 4 GB (the limit is 5 MB by default).
#[derive(Debug, Clone, Copy)]
pub struct Token {
    start: u32,
    end: u32,
    /// End of a word without its possessive "’s" or "'s" (`end` otherwise).
    stem_end: u32,
    /// The paragraph the token belongs to (for a quotation: where it closes).
    block: u32,
    kind: Kind,
    /// The word's facts from the lexicon (none for punctuation and quotations).
    info: WordInfo,
}

impl Token {
    fn new(span: Range<usize>, stem_end: usize, block: usize, kind: Kind, info: WordInfo) -> Token {
        Token {
            start: span.start as u32,
            end: span.end as u32,
            stem_end: stem_end as u32,
            block: block as u32,
            kind,
            info,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn stem_end(&self) -> usize {
        self.stem_end as usize
    }

    pub fn block(&self) -> usize {
        self.block as usize
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn info(&self) -> WordInfo {
        self.info
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word(_))
    }

    pub fn is_lowercase_word(&self) -> bool {
        self.kind == Kind::Word(Case::Lower)
    }

    pub fn is_capitalised(&self) -> bool {
        matches!(self.kind, Kind::Word(Case::Title | Case::Upper))
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q as usize),
            _ => None,
        }
    }

    pub fn possessive(&self) -> bool {
        self.stem_end < self.end
    }

    /// Whether the word has any of the flags in `f`.
    pub fn has(&self, f: Flags) -> bool {
        self.info.has(f)
    }

    /// The word without a possessive ending.
    pub fn stem<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.stem_end()]
    }
}

/// Letters and digits, combining accents, and the zero-width joiners that hold
/// emoji sequences and some scripts' words together.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{200c}' | '\u{200d}')
}

/// Marks that join the parts of one word: "don't", "Jean-Pierre", "U.S".
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '.')
}

/// Tokenises the prose blocks of `masked`, each top-level quotation folded into
/// one token.
pub fn tokenize(
    masked: &str,
    blocks: &[Range<usize>],
    quotes: &[RawQuote],
    lex: &Lexicon,
) -> Vec<Token> {
    let tops: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].parent.is_none())
        .collect();
    let mut out = Vec::new();
    let mut next_top = 0;
    // Where the last quotation ended: a multi-paragraph one swallows the start of
    // the paragraphs it runs over.
    let mut resume = 0;
    for (bi, block) in blocks.iter().enumerate() {
        let mut i = block.start.max(resume);
        while i < block.end {
            while next_top < tops.len() && quotes[tops[next_top]].span.start < i {
                next_top += 1;
            }
            let quote_start = tops.get(next_top).map(|&q| quotes[q].span.start);
            if quote_start == Some(i) {
                let q = tops[next_top];
                let span = &quotes[q].span;
                out.push(Token::new(
                    span.clone(),
                    span.end,
                    quotes[q].blocks.1,
                    Kind::Quote(q as u32),
                    WordInfo::default(),
                ));
                i = span.end;
                resume = i;
                continue;
            }
            let Some(c) = masked[i..].chars().next() else {
                break;
            };
            // Control characters (a NUL, a form feed) are no part of prose.
            if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
                i += c.len_utf8();
                continue;
            }
            if is_word_char(c) {
                let end = word_end(
                    masked,
                    i,
                    quote_start.map_or(block.end, |q| q.min(block.end)),
                );
                let stem_end = i + lex.suffixes.possessive_stem(&masked[i..end]);
                let word = &masked[i..stem_end];
                out.push(Token::new(
                    i..end,
                    stem_end,
                    bi,
                    Kind::Word(case_of(word)),
                    lex.word(word),
                ));
                i = end;
            } else {
                let end = i + c.len_utf8();
                out.push(Token::new(
                    i..end,
                    end,
                    bi,
                    Kind::Punct(c),
                    WordInfo::default(),
                ));
                i += c.len_utf8();
            }
        }
    }
    out
}

/// End of the word starting at `start`: word characters, joined by apostrophes,
/// hyphens and (between letters, as in "U.S") full stops; a number keeps its
/// decimal point and thousands commas ("2.1", "40,000").
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let mut end = start;
    let mut prev: Option<char> = None;
    let mut chars = text[start..limit].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_word_char(c) {
            end = start + offset + c.len_utf8();
        } else if c != '.' && is_joiner(c) && next.is_some_and(is_word_char) {
            // A joiner is part of the word only with a word character after it.
        } else if matches!(c, '.' | ',')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            // "2.1 billion", "40,000": one number.
        } else {
            break;
        }
        prev = Some(c);
    }
    end
}

/// The first word of `phrase` as the tokeniser ends it ("u.s" of "u.s. virgin
/// islands"). Empty when the phrase does not open with a word.
pub fn first_word(phrase: &str) -> &str {
    if !phrase.chars().next().is_some_and(is_word_char) {
        return "";
    }
    &phrase[..word_end(phrase, 0, phrase.len())]
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = word.chars().next() else {
        return Case::Other;
    };
    if first.is_lowercase() {
        Case::Lower
    } else if first.is_uppercase() {
        letters.next();
        let mut rest = letters.peekable();
        let more = rest.peek().is_some();
        if more && rest.all(char::is_uppercase) {
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
    use crate::analysis::lexicon::Language;
    use crate::analysis::marks;
    use crate::text::{Format, ProseMap};

    fn lex() -> &'static Lexicon {
        Lexicon::for_language(Language::English)
    }

    #[test]
    fn quotations_fold_and_possessives_split() {
        let text = "“We will win,” Putin’s aide said. Jean-Pierre can't.";
        let map = ProseMap::new(text, Format::PlainText);
        let (q, _) = marks::scan(&map.masked, &map.blocks, lex());
        let toks = tokenize(&map.masked, &map.blocks, &q, lex());
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
        assert_eq!(toks[1].stem(text), "Putin");
    }

    #[test]
    fn possessives_and_case_read_alike_on_ascii_and_accented_words() {
        let stem = |w: &'static str| &w[..lex().suffixes.possessive_stem(w)];
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
        let words: Vec<&str> = tokenize(text, std::slice::from_ref(&paragraph), &[], lex())
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
