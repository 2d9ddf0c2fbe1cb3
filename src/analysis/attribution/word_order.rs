//! Where a language puts the speaker of a speech verb: the one function of word
//! order per language that the attribution reads, and the reading of a verb
//! second clause built on it.
//!
//! English names the speaker before the verb ("Merkel said"), or after it when
//! the quotation comes first ("…,” said Merkel). German puts the finite verb
//! second in its clause: whenever something else opens the clause — the
//! quotation, a time, a place — the subject follows the verb („…“, sagte
//! Merkel; Am Montag sagte die Kanzlerin …), so a name right after the verb is
//! the speaker before any name before it. In the perfect the auxiliary takes
//! that place and the participle goes last (Merkel hat in Berlin gesagt), and a
//! clause a conjunction opens puts its verb last and its subject right after
//! the conjunction (wie Merkel am Montag sagte). French, like English, names the
//! speaker before the verb, or after it in an inversion (« … », a déclaré X;
//! a-t-il dit), which the English reading already takes.

use super::sources::Found;
use super::{Attributor, cues};
use crate::analysis::lexicon::{Flags, Language};
use crate::analysis::people::RunClass;

/// Whether the speaker right after a speech verb comes before one before it.
pub fn speaker_after_verb_first(language: Language) -> bool {
    matches!(language, Language::German)
}

impl Attributor<'_> {
    /// Whether a speaker plainly starts at token `k`: a person known as one (by
    /// a title, a given name, an earlier full name), a pronoun, or a
    /// determiner, title or description opening a description. In German,
    /// where every noun is capitalised, a capital alone is no evidence.
    pub(super) fn speaker_evident_at(&self, k: usize) -> bool {
        let Some(tok) = self.tokens.get(k) else {
            return false;
        };
        match self.people.run_at(k) {
            Some(run) => matches!(
                self.people.runs[run].class,
                RunClass::Person(_) | RunClass::Unlinked
            ),
            None => tok.has(Flags::DETERMINER | Flags::PRONOUN | Flags::TITLE | Flags::DESCRIPTION),
        }
    }

    /// The source before the verb at `t` when it is all that stands before
    /// it in the sentence, with its title at most: a person already known, a
    /// pronoun or a description; a capitalised word that may be a noun ("Den Plan
    /// kritisierte …") is left alone, and so never made a person here.
    pub(super) fn subject_opening(&mut self, t: usize, start: usize, si: usize) -> Option<Found> {
        let before = t.checked_sub(1).filter(|&k| k >= start)?;
        let unknown = (start..t).any(|k| {
            self.people.run_at(k).is_some_and(|r| {
                self.people.runs[r].class == RunClass::Candidate && !self.lone_description(r)
            })
        });
        if unknown || !self.speaker_evident_at(before) && self.people.run_at(before).is_none() {
            return None;
        }
        // The source opens the sentence, itself or by its title, after an
        // article of the subject and its adjectives at most ("Innenexperte
        // Paul Wiefel nannte …", "Die frühere Ministerin Eva Wolf nannte …";
        // not "Den früheren Minister Berg nannte Wolf …", nor "Das von Wolf
        // geleitete Amt").
        let found = self.source_left(t, start, si)?;
        let first = self
            .tokens
            .partition_point(|tok| tok.start() < found.1.start);
        let lead = |k: usize| {
            let tok = &self.tokens[k];
            if k == start {
                tok.has(Flags::DETERMINER) && !tok.has(Flags::OBLIQUE)
            } else {
                tok.is_lowercase_word()
                    && !tok.has(Flags::CUE | Flags::PHRASE_BREAK | Flags::PREPOSITION)
            }
        };
        let opens_at = |k: usize| (start..k).all(lead);
        let opens = opens_at(first)
            || self
                .people
                .run_at(first)
                .is_some_and(|r| opens_at(self.people.runs[r].first_token()));
        opens.then_some(found)
    }

    /// Where the verb second of a German clause stands, when the speaker is to
    /// be looked for there: the speech verb at `t` with a speaker plainly
    /// after it; or, for a verb that ends its clause (alone or before its
    /// auxiliary: "erklärt hatte:"), the finite auxiliary before it ("hat" in
    /// "Wolf hat am Montag gesagt,") or the conjunction or relative pronoun
    /// that opens the clause ("wie" in "wie Wolf am Montag mitteilte,", "die"
    /// in ", die Wolf zum Ziel erklärt hatte"). The clause ends back at
    /// punctuation, a quotation or "und", an aside in brackets passed over.
    /// `None` in a language that names the speaker before the verb.
    pub(super) fn verb_second_at(&self, t: usize, start: usize) -> Option<usize> {
        if !speaker_after_verb_first(self.lex.language) {
            return None;
        }
        // The verb ends its clause, alone or before its auxiliary ("gesagt hatte,").
        let after = match self.tokens.get(t + 1) {
            Some(n) if n.has(Flags::FINITE_AUX) => t + 2,
            _ => t + 1,
        };
        let ends_clause = self.tokens.get(after).is_none_or(|n| !n.is_word());
        // A relative pronoun after a comma opens a clause too ("die Marke,
        // die Wolf zum Ziel erklärt hatte").
        let opens = |k: usize| {
            self.tokens[k].has(Flags::SUBORDINATOR)
                || (self.tokens[k].has(Flags::RELATIVE)
                    && k > start
                    && self.tokens[k - 1].is_punct(','))
        };
        let opener = cues::clause_before(self.tokens, t, start)
            .last()
            .filter(|&k| ends_clause && opens(k));
        let aux = cues::split_verb_finite(self.tokens, self.text, self.lex, t, start)
            .or_else(|| cues::finite_aux_before(self.tokens, t, start));
        opener
            .or(aux)
            .or_else(|| self.speaker_evident_at(t + 1).then_some(t))
    }
}
