//! Sentences of the narrative, with quotations kept whole.
//!
//! A sentence ends at a full stop, question or exclamation mark followed by a
//! capital, never after an abbreviation ("Mr.", "Sen.") or an initial ("J.D."),
//! and never inside a quotation. A quotation that ends a sentence of its own
//! ("“We will win.” Trump wrote.") still belongs with a cue right after it.

use std::ops::Range;

use super::lexicon::Flags;
use super::marks::RawQuote;
use super::tokens::{Case, Kind, Token};

/// Splits `tokens` into sentences, as ranges of token indices. A paragraph's
/// end always ends a sentence.
pub fn split(tokens: &[Token], masked: &str, quotes: &[RawQuote]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let end_here = match tokens.get(i + 1) {
            None => true,
            Some(next) if next.block() != tokens[i].block() => true,
            Some(_) => ends_sentence(tokens, i, masked, quotes),
        };
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

fn starts_sentence(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Word(Case::Title | Case::Upper | Case::Other)
            | Kind::Quote(_)
            | Kind::Punct('(' | '[' | '—')
    )
}

/// Whether a quotation's words end as a sentence does, with a stop before any
/// closing marks.
pub fn ends_with_stop(inner: &str) -> bool {
    inner
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '’' | '\'' | '”' | '"' | '»' | '›')
        })
        .ends_with(['.', '!', '?', '…'])
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
                    !(initial || prev.has(Flags::ABBREVIATION))
                }
                _ => true,
            }
        }
        Kind::Punct('!' | '?' | '…') => starts_sentence(next),
        Kind::Quote(q) => {
            ends_with_stop(&masked[quotes[q as usize].inner.clone()])
                && starts_sentence(next)
                && (introduced_by_cue(tokens, i) || !cue_follows(tokens, i + 1, masked))
        }
        _ => false,
    }
}

/// Whether the quotation at `q` has its lead-in before it: a colon ("explained
/// on Tuesday: “…”") or a cue and a comma ("and said, “…”"). A cue after its
/// closing stop then opens a sentence of its own ("The star then recalled …").
fn introduced_by_cue(tokens: &[Token], q: usize) -> bool {
    q >= 2
        && (tokens[q - 1].is_punct(':')
            || tokens[q - 1].is_punct(',') && tokens[q - 2].has(Flags::CUE))
}

/// Whether the words from `from` on open with a cue clause ("Trump wrote",
/// "said Edward Alden", "the ministry said").
fn cue_follows(tokens: &[Token], from: usize, text: &str) -> bool {
    // Far enough for a name and its apposition: "Murphy, the head of the
    // group, tweeted".
    for (i, t) in tokens.iter().enumerate().skip(from).take(16) {
        match t.kind() {
            Kind::Word(_) if t.has(Flags::CUE) && !t.has(Flags::PARTICIPLE) => {
                // "The move was first reported by MSNBC": a passive is a
                // sentence of its own, about something else.
                let passive = tokens[from..i]
                    .iter()
                    .rev()
                    .take(2)
                    .take_while(|p| p.is_lowercase_word())
                    .any(|p| p.has(Flags::BE));
                if passive {
                    return false;
                }
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
            Kind::Word(_) | Kind::Punct(',') => {}
            // "Mr." and "Sen.": the stop of an abbreviation or an initial.
            Kind::Punct('.') if abbreviation_before(tokens, i, text) => {}
            _ => return false,
        }
    }
    false
}

/// Whether the full stop at `i` ends an abbreviation, initials or a state's
/// short form written right before it ("Mr.", "N.M.", "R-Pa.").
pub fn abbreviation_before(tokens: &[Token], i: usize, text: &str) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        let prev = &tokens[p];
        let letters = prev
            .stem(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        prev.is_word()
            && prev.end() == tokens[i].start()
            && (prev.has(Flags::ABBREVIATION)
                || letters <= 2
                || (prev.is_capitalised() && prev.end() - prev.start() <= 4))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::{Language, Lexicon};
    use crate::analysis::{marks, tokens};
    use crate::text::{Format, ProseMap};

    fn sentences(text: &str) -> Vec<String> {
        let prose = ProseMap::new(text, Format::PlainText);
        let lex = Lexicon::for_language(Language::English);
        let (raw, _) = marks::scan(&prose.masked, &prose.blocks, lex);
        let toks = tokens::tokenize(&prose.masked, &prose.blocks, &raw, lex);
        split(&toks, &prose.masked, &raw)
            .into_iter()
            .map(|s| text[toks[s.start].start()..toks[s.end - 1].end()].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Mr. J.D. Vance spoke in the U.S. Senate. Then he left."),
            ["Mr. J.D. Vance spoke in the U.S. Senate.", "Then he left."]
        );
    }

    #[test]
    fn a_quotation_ending_in_a_stop_keeps_its_cue() {
        assert_eq!(
            sentences("“We won.” Trump wrote. “We lost.” The crowd left."),
            ["“We won.” Trump wrote.", "“We lost.”", "The crowd left."]
        );
        assert_eq!(
            sentences("“We won.” He added, “It is over.”"),
            ["“We won.”", "He added, “It is over.”"]
        );
    }

    #[test]
    fn a_paragraph_ends_a_sentence() {
        assert_eq!(
            sentences("No stop here\n\nNext one"),
            ["No stop here", "Next one"]
        );
    }
}
