//! Reported speech: a German sentence in the mood of reported speech
//! (Konjunktiv I, „sei“, „habe“) goes on with the words of the speaker
//! reported last.

use std::ops::Range;

use super::Attributor;
use super::sources::REACH;
use crate::analysis::lexicon::Flags;
use crate::analysis::model::Speaker;

impl Attributor<'_> {
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

    /// Whether token `k` is a verb in the mood of reported speech ("sei").
    fn reported_verb(&self, k: usize) -> bool {
        self.tokens[k].is_lowercase_word() && self.tokens[k].has(Flags::REPORTED)
    }
}
