//! The words that may attribute a quotation, sentence by sentence: a speech verb
//! in any tense, a participle ("…, saying"), or a phrase ("according to", "in a
//! statement"). Found before anyone's source is looked for.

use std::ops::Range;

use crate::analysis::lexicon::{Flags, Lexicon, PhraseSource, lowercase};
use crate::analysis::tokens::Token;

/// A word or phrase that may attribute a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    /// Token index of the verb or the phrase's first word.
    pub at: usize,
    pub kind: CueKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A phrase of this many tokens ("according to", "in a statement").
    Phrase(usize, PhraseSource),
    /// A participle, whose source is its clause's subject ("…, saying").
    Participle,
    /// A verb, with its source before or after it.
    Verb,
}

/// The cue words of the sentence `s` (token indices), in text order.
/// `headline` tells whether the sentence stands in a title-case headline,
/// where "Calls" and "Slams" are verbs.
pub fn in_sentence(
    tokens: &[Token],
    s: Range<usize>,
    headline: bool,
    text: &str,
    lex: &Lexicon,
) -> Vec<CueWord> {
    let has_quote = s.clone().any(|t| tokens[t].quote().is_some());
    let mut out = Vec::new();
    let mut t = s.start;
    while t < s.end {
        let tok = &tokens[t];
        if let Some((len, source)) = phrase_at(tokens, text, lex, t, s.clone()) {
            out.push(CueWord {
                at: t,
                kind: CueKind::Phrase(len, source),
            });
            t += len;
            continue;
        }
        let cue = tok.has(Flags::CUE)
            || (tok.has(Flags::HEADLINE_CUE) && headline)
            || split_verb_finite(tokens, text, lex, t, s.start).is_some();
        // After "a", "the" or "her", a cue word is a noun: "a chant", "the report";
        // after a count opening its clause, a past tense is a verb ("Several
        // said", "Some chanted"; but "several reports", "Another chant rose").
        let noun = t > s.start && {
            let prev = &tokens[t - 1];
            let count_speaks = prev.has(Flags::QUANTITY)
                && super::counts::count_speaks_at(tokens, t - 1, s.start)
                && (tok.stem(text).ends_with("ed") || is_word(tokens, text, t, "said"));
            // "Das sagte Wulf": opening the sentence, or right after the
            // quotation („Wir bleiben.“ Das sagte Wulf), "das" points back
            // at what was said.
            let opens = t - 1 == s.start || tokens[t - 2].quote().is_some();
            let points_back = opens && prev.is_capitalised() && prev.has(Flags::POINTS_BACK);
            (prev.has(Flags::DETERMINER) || prev.possessive()) && !count_speaks && !points_back
        };
        // "Rubio will continue to be", "her campaign would continue": a
        // prediction, nobody's words. "Obama will say, according to excerpts"
        // still attributes a speech given out in advance.
        let predicted = t > s.start && {
            let prev = &tokens[t - 1];
            prev.has(Flags::MODAL)
                && prev.is_lowercase_word()
                && !(is_word(tokens, text, t, "say") || tok.has(Flags::TELLS))
        };
        // A word that is both a cue and a description ("reports", "statement")
        // is a cue only in a sentence that quotes someone.
        if cue
            && !noun
            && !predicted
            && !names_a_thing(tokens, t, s.start)
            && (!tok.has(Flags::DESCRIPTION) || has_quote)
        {
            // "has been saying": a verb, not a participle clause.
            let participle = tok.has(Flags::PARTICIPLE)
                && !t
                    .checked_sub(1)
                    .is_some_and(|p| tokens[p].has(Flags::AUX | Flags::PROGRESSIVE));
            out.push(CueWord {
                at: t,
                kind: if participle {
                    CueKind::Participle
                } else {
                    CueKind::Verb
                },
            });
        }
        t += 1;
    }
    out
}

/// Where the finite part of a speech verb split in two stands, when the word
/// at `t` is its particle ending the clause: "gab" in "gab ein Sprecher
/// bekannt", "strich" in "strich Wolf in Kiel heraus". Only forms that go
/// with the particle: "gab das Buch heraus" is no speech.
pub fn split_verb_finite(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    t: usize,
    start: usize,
) -> Option<usize> {
    if !tokens[t].has(Flags::SEPARABLE) || tokens.get(t + 1).is_some_and(|n| n.is_word()) {
        return None;
    }
    let forms = lex.split_verbs.get(&*lowercase(tokens[t].stem(text)))?;
    clause_before(tokens, t, start).find(|&k| {
        let word = lowercase(tokens[k].stem(text));
        forms.iter().any(|f| **f == *word)
    })
}

/// The finite auxiliary standing second in the German clause that the word
/// at `t` ends ("hat" in "Wolf hat am Montag gesagt,"). The clause reaches
/// back to punctuation, a quotation or "und".
pub fn finite_aux_before(tokens: &[Token], t: usize, start: usize) -> Option<usize> {
    if tokens.get(t + 1).is_some_and(|n| n.is_word()) {
        return None;
    }
    clause_before(tokens, t, start).find(|&k| tokens[k].has(Flags::FINITE_AUX))
}

/// The words of the clause before token `t`, nearest first, back to
/// punctuation, a quotation or "und", and never further than a source is
/// looked for. An aside in brackets is passed over ("die Wolf in seiner
/// Amtszeit (1998 bis 2002) erklärt hatte").
pub fn clause_before(tokens: &[Token], t: usize, start: usize) -> impl Iterator<Item = usize> + '_ {
    (start.max(t.saturating_sub(super::sources::REACH))..t)
        .rev()
        .scan(0usize, |depth, k| {
            let tok = &tokens[k];
            if tok.is_punct(')') {
                *depth += 1;
                return Some(None);
            }
            if *depth > 0 {
                *depth -= usize::from(tok.is_punct('('));
                return Some(None);
            }
            (tok.is_word() && !tok.has(Flags::COORDINATOR)).then_some(Some(k))
        })
        .flatten()
}

/// "a super PAC called Future45", "a charity named Bright Start": a naming
/// verb after a thing's noun phrase gives its name; nobody speaks. After a
/// person's ("the senator called Ruiz a liar") it still quotes.
fn names_a_thing(tokens: &[Token], t: usize, start: usize) -> bool {
    let tok = &tokens[t];
    let name_follows = tokens
        .get(t + 1)
        .is_some_and(|n| n.is_word() && n.is_capitalised());
    if !tok.has(Flags::NAMING_VERB) || !name_follows {
        return false;
    }
    for k in (start.max(t.saturating_sub(4))..t).rev() {
        let w = &tokens[k];
        if !w.is_word() || w.has(Flags::DESCRIPTION | Flags::PRONOUN) || w.possessive() {
            return false;
        }
        // "Critics of the plan called Ruiz …": a determiner after "of" opens
        // a noun phrase inside the subject, not the subject.
        if w.has(Flags::DETERMINER) {
            let inner = k > start && tokens[k - 1].has(Flags::OF);
            return k + 1 < t && !inner;
        }
    }
    false
}

/// Whether the cue verb at `t` is a passive: a form of "be" before it, over
/// lowercase words at most ("was read out", "was first reported by"), or a
/// comma right before it and "by" after ("X, portrayed by Allen"); not "said
/// by telephone", nor "is saying".
pub fn passive(tokens: &[Token], text: &str, t: usize, start: usize) -> bool {
    let be = (start..t)
        .rev()
        .take(3)
        .take_while(|&k| tokens[k].is_lowercase_word())
        .any(|k| tokens[k].has(Flags::BE));
    let comma = t > start && tokens[t - 1].is_punct(',');
    let by = agent_after(tokens, text, t).is_some();
    // "is saying" is no passive.
    (be && !tokens[t].has(Flags::PARTICIPLE)) || (comma && by)
}

/// The "by" of a passive's agent after the verb at `t`, right after it or
/// after the words it quotes ("was called “reckless” by Ruiz", "was
/// described as “a liar” by Ruiz").
pub fn agent_after(tokens: &[Token], text: &str, t: usize) -> Option<usize> {
    let quoted = |k: usize| tokens.get(k).is_some_and(|n| n.quote().is_some());
    let by = if quoted(t + 1) {
        t + 2
    } else if quoted(t + 2) && is_word(tokens, text, t + 1, "as") {
        t + 3
    } else {
        t + 1
    };
    tokens
        .get(by)
        .is_some_and(|n| n.has(Flags::AGENT))
        .then_some(by)
}

/// Whether token `t` is the word `w`, in any case.
pub fn is_word(tokens: &[Token], text: &str, t: usize, w: &str) -> bool {
    let tok = &tokens[t];
    tok.is_word() && tok.stem(text).eq_ignore_ascii_case(w)
}

/// A cue phrase starting at `t` within the sentence `start..end`: its length
/// in tokens and where its source stands.
fn phrase_at(
    tokens: &[Token],
    text: &str,
    lex: &Lexicon,
    t: usize,
    Range { start, end }: Range<usize>,
) -> Option<(usize, PhraseSource)> {
    if !tokens[t].has(Flags::PHRASE_START) {
        return None;
    }
    lex.cue_phrases.iter().find_map(|(words, source)| {
        let n = words.len();
        let fits = t + n <= end
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| is_word(tokens, text, t + k, w));
        // "so Merkel", "so etwa der Minister", "per senior officials": a word
        // alone names its source after it, but opening a sentence before a
        // lowercase word it is an adverb ("So sollen Schüler …", the verb
        // second), and after an article part of an adjective ("die so
        // genannten Experten").
        let bare = n == 1 && *source == PhraseSource::After && {
            let next_lowercase = tokens.get(t + 1).is_some_and(|w| {
                w.is_lowercase_word()
                    && !w
                        .has(Flags::DETERMINER | Flags::TITLE | Flags::DESCRIPTION | Flags::PRONOUN)
            });
            let opens = t == start;
            let after_article = t > start && tokens[t - 1].has(Flags::DETERMINER);
            next_lowercase && (opens || after_article)
        };
        (fits && !bare).then_some((n, *source))
    })
}
