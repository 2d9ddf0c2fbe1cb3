//! Reported speech: a German sentence in the mood of reported speech
//! (Konjunktiv I, „sei“, „habe“) goes on with the words of the speaker
//! reported last; a sentence that points back at what was just said names
//! who said it („…“ Das sagte Wulf am Montag.); a quotation standing as a
//! sentence of its own goes on with the source a sentence a little before
//! credits.

use std::ops::Range;

use super::sources::REACH;
use super::{Attributor, word_order};
use crate::analysis::lexicon::Flags;
use crate::analysis::model::Speaker;

/// How many sentences of the story may stand between a quotation and the
/// sentence crediting its speaker.
const SENTENCES_BETWEEN: usize = 2;

impl Attributor<'_> {
    /// Whom a quotation at token `t` that is sentence `si` all by itself goes
    /// on with: the source of a sentence a little before in its paragraph
    /// ("Wolf said the plan was dead. Voting starts at noon. “We have the
    /// votes.”"), when the sentences between name no one else and open with
    /// no subject of their own ("A council spokesman disagreed." takes the
    /// thread; "She left early." keeps it when "she" is the source).
    pub(super) fn credited_a_little_before(&mut self, si: usize, t: usize) -> Option<Speaker> {
        let sentence = self.sentences[si].clone();
        let whole = t == sentence.start
            && (t + 1..sentence.end)
                .all(|k| !self.tokens[k].is_word() && self.tokens[k].quote().is_none());
        if !whole || si < 2 {
            return None;
        }
        let block = self.tokens[t].block();
        let cued = (si.saturating_sub(SENTENCES_BETWEEN + 1)..si)
            .rev()
            .take_while(|&s| self.salience[s].block == block)
            .find(|&s| !self.salience[s].cue_sources.is_empty())?;
        let source = self.salience[cued].cue_sources.last()?.clone();
        // The sentence right before credits no one else here: continuing
        // has asked it already.
        let kept = cued + 1 < si
            && !(cued + 1..si).any(|s| self.opens_with_other_subject(s, &source))
            && self.nobody_else(self.sentences[cued + 1].start, t, &source);
        kept.then_some(source)
    }

    /// Whether sentence `s` opens with a subject of its own other than
    /// `source`: a description, a person or a pronoun meaning someone else.
    fn opens_with_other_subject(&mut self, s: usize, source: &Speaker) -> bool {
        let k = self.subject_start(self.sentences[s].clone());
        let same =
            self.tokens[k].has(Flags::PRONOUN) && self.pronoun(k, s).as_ref() == Some(source);
        self.speaker_evident_at(k) && !same && self.people.person_at(k).is_none()
    }

    /// Where the subject of the sentence `s` may start: after an opening
    /// adverb and its comma ("Then the crowd booed", "Later, the council
    /// met"). German puts its verb second there and the subject after it.
    fn subject_start(&self, s: Range<usize>) -> usize {
        if word_order::speaker_after_verb_first(self.lex.language) {
            return s.start;
        }
        let adverb = |k: usize| {
            let tok = &self.tokens[k];
            tok.is_word() && tok.has(Flags::STOP) && !tok.has(Flags::DETERMINER | Flags::PRONOUN)
        };
        let mut k = s.start;
        while k + 1 < s.end && k < s.start + 2 && (adverb(k) || self.tokens[k].is_punct(',')) {
            k += 1;
        }
        k
    }

    /// Whose reported speech the sentence `s` (with no cue of its own) goes
    /// on with: the previous sentence's, in this paragraph or the one before,
    /// when a verb of `s` is in the mood of reported speech (German "sei").
    pub(super) fn reported_speech_goes_on(&self, s: Range<usize>) -> Option<Speaker> {
        let before = self.salience.last()?;
        let block = self.tokens[s.start].block();
        let near = before.block + 1 >= block;
        let reported = s.clone().any(|t| self.reported_verb(t));
        (near && reported)
            .then(|| before.reported.clone())
            .flatten()
    }

    /// Whether the main clause of the sentence starting at `start`, before
    /// its first comma and token `t`, has its verb in the mood of reported
    /// speech ("Die Studie zeige, …"). A clause after the comma ("…, sie
    /// wolle …") is its own. Looks no further than a subject is looked for.
    pub(super) fn main_verb_reported(&self, start: usize, t: usize) -> bool {
        (start..t.min(start + REACH))
            .take_while(|&k| !self.tokens[k].is_punct(','))
            .any(|k| self.reported_verb(k))
    }

    /// The source of the sentence after `si`, in the same paragraph, when it
    /// opens with a word pointing back at what was said and its cue right
    /// after it: „Wir bleiben.“ Das sagte Wulf am Montag. `cues` are every
    /// cue with its source, in text order.
    pub(super) fn pointed_back_at(&self, si: usize, cues: &[(usize, Speaker)]) -> Option<Speaker> {
        let next = self.sentences.get(si + 1)?;
        let same_block =
            self.tokens[next.start].block() == self.tokens[self.sentences[si].start].block();
        if !same_block || !self.tokens[next.start].has(Flags::POINTS_BACK) {
            return None;
        }
        let verb = next.start + 1;
        let i = cues.partition_point(|(at, _)| *at < verb);
        let (at, speaker) = cues.get(i)?;
        // The source stands right after the verb, after a title at most: in
        // "Das erklärte Ziel von Olaf Scholz …" the verb is an adjective.
        let right_after = match speaker {
            Speaker::Person(e) => {
                (verb + 1..verb + 3).any(|k| self.people.person_at(k) == Some(*e))
            }
            Speaker::Description(d) => self
                .tokens
                .get(verb + 1)
                .is_some_and(|t| t.start() == d.span.start),
        };
        (*at == verb && right_after).then(|| speaker.clone())
    }

    /// Whether token `k` is a verb in the mood of reported speech ("sei").
    fn reported_verb(&self, k: usize) -> bool {
        self.tokens[k].is_lowercase_word() && self.tokens[k].has(Flags::REPORTED)
    }
}
