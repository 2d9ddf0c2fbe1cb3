//! Sentences of the narrative, with quotations kept whole.
//!
//! A sentence ends at a full stop, question or exclamation mark followed by a
//! capital, never after an abbreviation ("Mr.", "Sen.") or an initial ("J.D."),
//! and never inside a quotation. A quotation that ends a sentence of its own
//! ("“We will win.” Trump wrote.") still belongs with a cue right after it.

use std::ops::Range;

use super::lexicon::flag;
use super::quotes::RawQuote;
use super::tokens::{Case, Kind, Token};

/// Splits `tokens` into sentences, as ranges of token indices.
pub fn split(tokens: &[Token], masked: &str, quotes: &[RawQuote]) -> Vec<Range<usize>> {
    // A sentence every eight tokens is more than prose has, so the list never grows.
    let mut out = Vec::with_capacity(tokens.len() / 8);
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        // Only a mark, a quotation or a paragraph's last token can end a
        // sentence: the tokens before the next of them are passed over.
        i += tokens[i..]
            .windows(2)
            .position(|w| w[1].block() != w[0].block() || may_end(&w[0]))
            .unwrap_or(tokens.len() - 1 - i);
        let next = tokens.get(i + 1);
        let end_here = match next {
            None => true,
            Some(n) if n.block() != tokens[i].block() => true,
            Some(_) => ends_sentence(tokens, i, masked, quotes),
        };
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Whether a token's kind can end a sentence, as [`ends_sentence`] reads it.
fn may_end(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Punct('.' | '!' | '?' | '…') | Kind::Quote(_)
    )
}

fn starts_sentence(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Word(Case::Title | Case::Upper | Case::Other) | Kind::Quote(_)
    ) || matches!(t.kind(), Kind::Punct('(' | '[' | '—'))
}

fn ends_sentence(tokens: &[Token], i: usize, masked: &str, quotes: &[RawQuote]) -> bool {
    let t = &tokens[i];
    let next = &tokens[i + 1];
    match t.kind() {
        Kind::Punct('.') => {
            if !starts_sentence(next) {
                return false;
            }
            match i.checked_sub(1).map(|p| &tokens[p]) {
                Some(prev) if prev.is_word() && prev.end() == t.start() => {
                    let word = &masked[prev.start()..prev.end()];
                    // "J.D.", "U.S.", "D-N.M.": initials, not the end of a sentence.
                    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                    let initial = (1..=2).contains(&letters)
                        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
                    !(initial || prev.has(flag::ABBREVIATION))
                }
                _ => true,
            }
        }
        Kind::Punct('!' | '?' | '…') => starts_sentence(next),
        Kind::Quote(q) => {
            let inner = &masked[quotes[q as usize].inner.clone()];
            let ends_with_stop = inner
                .trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '’' | '\'' | '”' | '"' | '»' | '›')
                })
                .ends_with(['.', '!', '?', '…']);
            ends_with_stop && starts_sentence(next) && !cue_follows(tokens, i + 1)
        }
        _ => false,
    }
}

/// Whether the words from `from` on open with a cue clause ("Trump wrote",
/// "said Edward Alden", "the ministry said").
fn cue_follows(tokens: &[Token], from: usize) -> bool {
    for (i, t) in tokens.iter().enumerate().skip(from).take(7) {
        match t.kind() {
            Kind::Word(_) if t.has(flag::CUE) && !t.has(flag::PARTICIPLE) => {
                // "He added, “…”" introduces the next quotation instead.
                let leads_on = matches!(
                    (
                        tokens.get(i + 1).map(|n| n.kind()),
                        tokens.get(i + 2).map(|n| n.kind())
                    ),
                    (Some(Kind::Punct(',' | ':')), Some(Kind::Quote(_)))
                );
                return !leads_on;
            }
            Kind::Word(_) | Kind::Punct(',' | '.') => {}
            _ => return false,
        }
        if t.is_punct('.') {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Lexicon;
    use crate::analysis::{quotes, tokens};
    use crate::text::{Format, ProseMap};

    /// Every token asked whether it ends a sentence, none passed over.
    fn split_token_by_token(
        tokens: &[Token],
        masked: &str,
        quotes: &[RawQuote],
    ) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..tokens.len() {
            let end_here = match tokens.get(i + 1) {
                None => true,
                Some(n) if n.block() != tokens[i].block() => true,
                Some(_) => ends_sentence(tokens, i, masked, quotes),
            };
            if end_here {
                out.push(start..i + 1);
                start = i + 1;
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn sentences_end_where_reading_every_token_ends_them(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "He", "said", "Mr.", "U.S.", "Putin", "the", ".", "!", "?", "…", ",", ":",
                    "“We won.”", "“We won,”", "\n\n", "(", "—", "2.1", "Trump wrote.",
                ]),
                0..30,
            ),
        ) {
            let text = parts.join(" ");
            let prose = ProseMap::new(&text, Format::PlainText);
            let lex = Lexicon::get();
            let (raw, _) = quotes::scan(&prose.masked, &prose.blocks, lex);
            let toks = tokens::tokenize(&prose.masked, &prose.blocks, &raw, lex);
            proptest::prop_assert_eq!(
                split(&toks, &prose.masked, &raw),
                split_token_by_token(&toks, &prose.masked, &raw)
            );
        }
    }
}
