//! Who said each quotation, read the way a copy editor reads it.
//!
//! Cues are found sentence by sentence in the writer's narrative: a speech verb in
//! any tense with its source before it ("Trump posted") or after it ("said Edward
//! Alden"), a participle whose source is the main clause's subject ("…, saying"),
//! or a phrase ("according to Putin", "in a statement"). Each quotation takes the
//! nearest cue of its sentence, or in a roundup the name it follows in brackets
//! ("Eva Wolf (“Well deserved.”)"). What is left falls back, in order, to the speaker
//! of the neighbouring quotation in the same paragraph and to the continuing speaker
//! of the paragraph before; nested quotations take their parent's speaker.

mod counts;
mod cues;
mod descriptions;
mod labels;
mod pronouns;
mod reported;
mod sources;
mod titled;
mod word_order;

use std::ops::Range;

use super::lexicon::{Flags, Lexicon, PhraseSource};
use super::marks::RawQuote;
use super::model::{Cue, How, Speaker};
use super::people::{People, RunClass};
use super::tokens::Token;
use cues::{CueKind, CueWord};
use sources::Found;

/// A quotation's source, how it was found, and the cue's words if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// A person is an entity index of [`People`].
    pub speaker: Speaker,
    pub cue: Option<Cue>,
    pub how: How,
}

/// A cue of a sentence with the source it names.
#[derive(Debug, Clone)]
struct FoundCue {
    /// Token index of the verb or phrase.
    at: usize,
    cue: Cue,
    speaker: Speaker,
}

/// What a sentence offers a pronoun in a later one to refer back to.
#[derive(Debug, Default, Clone)]
struct Salience {
    /// Sources of the sentence's cues, in order.
    cue_sources: Vec<Speaker>,
    /// People named in the sentence, in order (one named twice in a row, once).
    persons: Vec<usize>,
    block: usize,
    /// The sentence ends with a colon ("He said:").
    ends_with_colon: bool,
    /// Whose words the sentence reports: its last cue's source, or, for a
    /// sentence in the mood of reported speech with no cue, the one the
    /// sentence before reports.
    reported: Option<Speaker>,
}

/// A top-level quotation's place: its index, its token and its sentence.
#[derive(Debug, Clone, Copy)]
struct Placed {
    quote: usize,
    token: usize,
    sentence: usize,
}

/// The narrative and people as attribution reads them.
struct Attributor<'a> {
    tokens: &'a [Token],
    text: &'a str,
    lex: &'a Lexicon,
    people: &'a mut People,
    sentences: &'a [Range<usize>],
    salience: Vec<Salience>,
}

/// Attributes every quotation: one entry per quotation in `quotes`. Candidates
/// that turn out to be speakers are promoted to people in `people`.
#[allow(clippy::too_many_arguments)]
pub fn attribute(
    tokens: &[Token],
    sentences: &[Range<usize>],
    headlines: &[bool],
    text: &str,
    quotes: &[RawQuote],
    people: &mut People,
    lex: &Lexicon,
) -> Vec<Option<Attribution>> {
    let mut a = Attributor {
        tokens,
        text,
        lex,
        people,
        sentences,
        salience: Vec::with_capacity(sentences.len()),
    };
    let mut out: Vec<Option<Attribution>> = vec![None; quotes.len()];
    let mut placed: Vec<Placed> = Vec::new();
    // Every cue with its source, in text order.
    let mut all_cues: Vec<(usize, Speaker)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let headline = headlines
            .get(tokens[s.start].block())
            .copied()
            .unwrap_or(false);
        let words = cues::in_sentence(tokens, s.clone(), headline, text, lex);
        let found = a.cues(si, s.clone(), &words);
        all_cues.extend(found.iter().map(|c| (c.at, c.speaker.clone())));
        for t in s.clone() {
            if let Some(q) = tokens[t].quote() {
                placed.push(Placed {
                    quote: q,
                    token: t,
                    sentence: si,
                });
                out[q] = if let Some(found) = a.bracketed_after_name(t) {
                    Some(named_beside(found))
                } else if let Some(c) = nearest_cue(&found, t) {
                    Some(Attribution {
                        speaker: c.speaker.clone(),
                        cue: Some(c.cue.clone()),
                        how: How::Cue,
                    })
                } else if let Some(colon) = a.colon_before(t, s.start) {
                    a.introduced_by_colon(si, s.start, colon)
                } else {
                    None
                };
                if out[q].is_none() {
                    out[q] = a.signed_with(t).map(named_beside);
                }
            }
        }
        let persons = a.people.persons_in(s.clone());
        let reported = match found.last() {
            Some(c) => Some(c.speaker.clone()),
            None => a.reported_speech_goes_on(s.clone()),
        };
        a.salience.push(Salience {
            reported,
            cue_sources: found.into_iter().map(|c| c.speaker).collect(),
            persons,
            block: tokens[s.start].block(),
            ends_with_colon: tokens[s.end - 1].is_punct(':'),
        });
    }
    a.continuing(&mut out, &placed, quotes, &all_cues);
    // Nested quotations inherit, outermost first (quotes are sorted by start, so a
    // parent always comes before its children).
    for i in 0..quotes.len() {
        if let Some(parent) = quotes[i].parent.and_then(|p| out[p].clone()) {
            out[i] = Some(Attribution {
                how: How::Nested,
                ..parent
            });
        }
    }
    out
}

/// A quotation credited to the name set beside it, with no verb: the name is
/// the whole cue.
fn named_beside((speaker, source): Found) -> Attribution {
    Attribution {
        speaker,
        cue: Some(Cue {
            verb: source.clone(),
            source,
        }),
        how: How::Cue,
    }
}

/// The cue nearest token `t`, the earlier one on a tie. `cues` are in text
/// order, so this is a binary search: a sentence that never ends (a megabyte
/// with no full stop) may hold thousands of quotations and cues.
fn nearest_cue(cues: &[FoundCue], t: usize) -> Option<&FoundCue> {
    let i = cues.partition_point(|c| c.at < t);
    match (i.checked_sub(1).map(|b| &cues[b]), cues.get(i)) {
        (Some(before), Some(after)) if after.at - t < t - before.at => Some(after),
        (Some(before), _) => Some(before),
        (None, after) => after,
    }
}

impl Attributor<'_> {
    fn is_word(&self, t: usize, w: &str) -> bool {
        cues::is_word(self.tokens, self.text, t, w)
    }

    /// Every cue of sentence `si` (tokens `s`) whose source can be found.
    fn cues(&mut self, si: usize, s: Range<usize>, words: &[CueWord]) -> Vec<FoundCue> {
        let mut out = Vec::new();
        for w in words {
            let t = w.at;
            let (found, last) = match w.kind {
                CueKind::Phrase(len, PhraseSource::After) => {
                    (self.source_right(t + len, s.end, si), t + len - 1)
                }
                CueKind::Phrase(len, PhraseSource::Before) => (
                    self.name_right_before(t)
                        .or_else(|| self.source_left(t, s.start, si)),
                    t + len - 1,
                ),
                CueKind::Phrase(len, PhraseSource::Subject) => {
                    (self.subject(si, s.start, t), t + len - 1)
                }
                // "with Sen. Ruiz calling it": the name right before it. "…,
                // Spicer said, adding, “…”": the cue before it. Else its
                // clause's subject.
                CueKind::Participle => (
                    self.name_right_before(t)
                        .or_else(|| {
                            out.last()
                                .filter(|c: &&FoundCue| {
                                    c.at < t && self.tokens[t - 1].is_punct(',')
                                })
                                .map(|c| (c.speaker.clone(), c.cue.source.clone()))
                        })
                        .or_else(|| self.subject(si, s.start, t))
                        .or_else(|| self.source_right(t + 1, s.end, si)),
                    t,
                ),
                // "first reported by MSNBC", "portrayed by Allen": the passive's
                // agent is the source, and what comes before it is not.
                // "was first reported by MSNBC", ", portrayed by Allen": the
                // passive's agent is the source; "the vote was read out" has
                // none, and what stands before the verb is not one.
                CueKind::Verb if cues::passive(self.tokens, self.text, t, s.start) => {
                    let by = cues::agent_after(self.tokens, self.text, t);
                    let agent = by.and_then(|b| self.source_right(b + 1, s.end, si));
                    (agent, by.unwrap_or(t))
                }
                // "Ruiz told Reuters": the name after a verb of telling is the
                // hearer, never the source.
                CueKind::Verb if self.tokens[t].has(Flags::TELLS) => {
                    (self.source_left(t, s.start, si), t)
                }
                // "refusing to say the words": an infinitive's source is its
                // clause's subject, never the words after it.
                CueKind::Verb if t > s.start && self.tokens[t - 1].has(Flags::OBJECT_LEAD) => {
                    (self.subject(si, s.start, t), t)
                }
                // German: the verb second, its subject right after it, unless
                // the subject itself opens the clause ("Modder nannte die
                // Absage einen „Vertrauensbruch“"). In the perfect the
                // auxiliary stands second ("Wolf hat in Kiel gesagt").
                CueKind::Verb => {
                    let found = match self.verb_second_at(t, s.start) {
                        Some(v) => self
                            .subject_opening(v, s.start, si)
                            .or_else(|| self.source_right_near(v + 1, s.end, si))
                            .or_else(|| self.source_left(v, s.start, si)),
                        None => self
                            .inverted_source(t, s.clone(), si)
                            .or_else(|| self.source_left(t, s.start, si))
                            .or_else(|| self.source_right(t + 1, s.end, si)),
                    };
                    (found, t)
                }
            };
            if let Some((speaker, span)) = found {
                out.push(FoundCue {
                    at: t,
                    cue: Cue {
                        verb: self.tokens[t].start()..self.tokens[last].end(),
                        source: span,
                    },
                    speaker,
                });
            }
        }
        out
    }

    /// Fallbacks for quotations with no cue of their own: the speaker of the
    /// quotation before it in the paragraph, after it in the paragraph, or — for a
    /// paragraph that opens with a quotation — of the paragraph before, provided
    /// nobody else is named in between.
    fn continuing(
        &mut self,
        out: &mut [Option<Attribution>],
        placed: &[Placed],
        quotes: &[RawQuote],
        cues: &[(usize, Speaker)],
    ) {
        for i in 0..placed.len() {
            let Placed {
                quote: q,
                token: t,
                sentence: si,
            } = placed[i];
            if out[q].is_some() {
                continue;
            }
            if let Some(speaker) = self.pointed_back_at(si, cues) {
                out[q] = Some(Attribution {
                    speaker,
                    cue: None,
                    how: How::Continuing,
                });
                continue;
            }
            let block_of = |tok: usize| self.tokens[tok].block();
            let opens_block = t == 0 || self.tokens[t - 1].block() < quotes[q].blocks.0;
            // A fragment worked into a sentence is taken as its subject's, a
            // person's, a group's or a document's, before anyone's quoted
            // earlier: "Gorka made the point that it would be “a third
            // term.”", "The ad claims “he lied.”"
            let start = self.sentences[si].start;
            if t > start {
                let clause = self.own_clause(start, t);
                let subject = self.known_subject(si, clause, t).or_else(|| {
                    (clause > start)
                        .then(|| self.known_subject(si, start, t))
                        .flatten()
                });
                // With its main verb in the mood of reported speech the
                // sentence goes on with the last speaker's words, unless a
                // person is its subject: Die Studie zeige, „dass …“ is still
                // the minister's.
                let person = matches!(subject, Some((Speaker::Person(_), _)));
                let reported = self.salience[si].reported.clone();
                if let Some(speaker) =
                    reported.filter(|_| !person && self.main_verb_reported(start, t))
                {
                    out[q] = Some(Attribution {
                        speaker,
                        cue: None,
                        how: How::Continuing,
                    });
                    continue;
                }
                if let Some((speaker, source)) = subject {
                    out[q] = Some(Attribution {
                        speaker,
                        cue: Some(Cue {
                            verb: source.clone(),
                            source,
                        }),
                        how: How::Subject,
                    });
                    continue;
                }
            }
            let mut found = None;
            // Backwards: an attributed quotation earlier in the same paragraph, or
            // in the paragraph before when this one opens its paragraph.
            if let Some(prev) = i.checked_sub(1).map(|j| placed[j]) {
                let pt = prev.token;
                let same_block = block_of(pt) == quotes[q].blocks.0 || block_of(pt) == block_of(t);
                let prev_block = block_of(pt) + 1 == quotes[q].blocks.0;
                if let Some(before) = &out[prev.quote] {
                    // In one paragraph the speaker holds until another is cued;
                    // across paragraphs only when nobody else is even named.
                    let holds = if same_block {
                        no_other_cue(pt + 1, t, &before.speaker, cues)
                    } else {
                        prev_block && opens_block && self.nobody_else(pt + 1, t, &before.speaker)
                    };
                    if holds {
                        found = Some(before.speaker.clone());
                    }
                }
            }
            // The sentence just before, when it ends with a colon ("The ministry
            // said in a statement:", "Potts echoed:") or, in the same paragraph,
            // credits someone with what they said ("Jones said the plan was
            // dead. “We are done here.”"), and nobody else is named before the
            // quotation.
            if found.is_none() && si > 0 {
                let sal = &self.salience[si - 1];
                let colon = sal.ends_with_colon;
                if colon || sal.block == block_of(t) {
                    let from = self.sentences[si].start;
                    found = sal
                        .cue_sources
                        .last()
                        .filter(|s| self.nobody_else(from, t, s))
                        .cloned();
                }
                if found.is_none() {
                    found = self.credited_a_little_before(si, t);
                }
                if found.is_none() && colon {
                    let (from, to) = (self.sentences[si - 1].start, self.sentences[si - 1].end - 1);
                    found = self.subject(si - 1, from, to).map(|(speaker, _)| speaker);
                }
            }
            // Forwards: the next quotation in the same paragraph has a cue.
            if found.is_none() {
                if let Some(next) = placed
                    .get(i + 1)
                    .filter(|n| block_of(n.token) == block_of(t))
                {
                    if let Some(after) = &out[next.quote] {
                        if after.how == How::Cue
                            && no_other_cue(t + 1, next.token, &after.speaker, cues)
                        {
                            found = Some(after.speaker.clone());
                        }
                    }
                }
            }
            // A sentence in the mood of reported speech goes on with the words
            // of the one reported last: „Der Plan sei „völlig verfehlt“.“
            if found.is_none() {
                found = self.salience[si].reported.clone();
            }
            // Else the subject, even a capitalised word not yet known as a name.
            if found.is_none() && t > start {
                found = self.subject(si, start, t).map(|(speaker, _)| speaker);
            }
            if let Some(speaker) = found {
                out[q] = Some(Attribution {
                    speaker,
                    cue: None,
                    how: How::Continuing,
                });
            }
        }
    }

    /// Where the clause holding token `t` starts: after the last comma before
    /// it that a conjunction follows ("…, while Trump calls him “Chris”"),
    /// else at the sentence's `start`. Looks back no further than a subject
    /// is looked for, so a sentence that never ends costs no more.
    fn own_clause(&self, start: usize, t: usize) -> usize {
        (start + 1..t)
            .rev()
            .take(sources::REACH)
            .find(|&k| self.tokens[k - 1].is_punct(',') && self.tokens[k].has(Flags::SUBORDINATOR))
            .unwrap_or(start)
    }

    /// The colon right before the quotation at token `t`, in its sentence.
    fn colon_before(&self, t: usize, start: usize) -> Option<usize> {
        (t > start && self.tokens[t - 1].is_punct(':')).then(|| t - 1)
    }

    /// A quotation introduced by a colon, with no cue: the words of the
    /// clause's subject ("Sanders delivered a retort: “…”"), or of the name
    /// the colon follows in a roundup or a transcript ("Bush: “…”").
    fn introduced_by_colon(
        &mut self,
        si: usize,
        start: usize,
        colon: usize,
    ) -> Option<Attribution> {
        let before = colon
            .checked_sub(1)
            .filter(|&p| p >= start)
            .and_then(|p| self.people.run_at(p));
        let named = before
            .and_then(|run| self.person_before_affiliation(run, start))
            .or(before.filter(|&r| {
                let run = &self.people.runs[r];
                match run.class {
                    RunClass::Person(_) | RunClass::Unlinked => true,
                    // A word not known as a name is a roundup's label only
                    // when it is all there is before the colon ("Bush: “…”"),
                    // not the end of a clause ("kam zum Ausdruck: „…“").
                    RunClass::Candidate => {
                        !self.lex.traits.nouns_capitalised || run.first_token() <= start
                    }
                    _ => false,
                }
            }));
        let (speaker, span) = match named {
            Some(run) => self.source_of_run(run)?,
            None => self
                .transcript_label(start, colon)
                .or_else(|| self.subject(si, start, colon))?,
        };
        let c = &self.tokens[colon];
        Some(Attribution {
            speaker,
            cue: Some(Cue {
                verb: c.start()..c.end(),
                source: span,
            }),
            how: How::Cue,
        })
    }

    /// Whether tokens `from..to` name no person other than the one in `speaker`.
    fn nobody_else(&self, from: usize, to: usize, speaker: &Speaker) -> bool {
        (from..to).all(|t| match self.people.person_at(t) {
            Some(e) => *speaker == Speaker::Person(e),
            None => true,
        })
    }
}

/// Whether no cue in tokens `from..to` credits someone other than `speaker`.
fn no_other_cue(from: usize, to: usize, speaker: &Speaker, cues: &[(usize, Speaker)]) -> bool {
    let lo = cues.partition_point(|(t, _)| *t < from);
    cues[lo..]
        .iter()
        .take_while(|(t, _)| *t < to)
        .all(|(_, s)| s == speaker)
}

#[cfg(test)]
mod tests;
