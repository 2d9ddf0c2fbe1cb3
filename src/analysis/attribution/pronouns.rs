//! Whom a pronoun or a participle refers to: a clause's subject, the nearest
//! fitting person, an earlier sentence's speaker.

use super::Attributor;
use super::sources::{Found, REACH};
use crate::analysis::lexicon::{Flags, Gender};
use crate::analysis::model::Speaker;
use crate::analysis::people::RunClass;

/// How many sentences back a pronoun looks for whom it means, and over how many
/// paragraphs.
const SENTENCES_BACK: usize = 12;
const PARAGRAPHS_BACK: usize = 4;

impl Attributor<'_> {
    /// The subject of sentence `si`, for a participle or a phrase at `before`:
    /// the first person, pronoun or description in subject position.
    pub(super) fn subject(&mut self, si: usize, start: usize, before: usize) -> Option<Found> {
        self.subject_of(si, start, before, true)
    }

    /// The subject as [`Self::subject`] finds it, but never a capitalised word
    /// that only might be a name: with no speech verb in the sentence, nothing
    /// says it is one ("Good jobs are “coming back”").
    pub(super) fn known_subject(
        &mut self,
        si: usize,
        start: usize,
        before: usize,
    ) -> Option<Found> {
        self.subject_of(si, start, before, false)
    }

    fn subject_of(
        &mut self,
        si: usize,
        start: usize,
        before: usize,
        candidates: bool,
    ) -> Option<Found> {
        let clause = self.clause_start(start, before);
        let mut fallback: Option<usize> = None;
        let mut depth = 0i32;
        for t in clause..before.min(clause + REACH) {
            let tok = self.tokens[t];
            if tok.is_punct('(') {
                depth += 1;
            } else if tok.is_punct(')') {
                depth -= 1;
            }
            if depth > 0 || tok.quote().is_some() {
                continue;
            }
            if let Some(run) = self.people.run_at(t) {
                // "Sharma’s office": the person only owns the source.
                let owner = tok.possessive()
                    && self
                        .tokens
                        .get(t + 1)
                        .is_some_and(|n| n.is_word() && n.has(Flags::DESCRIPTION));
                if owner {
                    return Some(self.description_ending(t + 1, t + 1, start));
                }
                match self.people.runs[run].class {
                    RunClass::Person(_) => return self.source_of_run(run),
                    // A lone capitalised word opening the sentence is its subject
                    // before a verb ("Trump gestured"), not before a noun
                    // ("Opposition leader …").
                    RunClass::Candidate if !candidates && !self.lone_description(run) => {}
                    RunClass::Candidate | RunClass::Organisation
                        if fallback.is_none()
                            && !(t == start
                                && self.people.runs[run].name.len() == 1
                                && !self.verb_follows(t)) =>
                    {
                        fallback = Some(run)
                    }
                    // "Hier sparte der Bundespräsident nicht mit Kritik": an
                    // office after its article is a description in subject
                    // position.
                    RunClass::Other
                        if fallback.is_none()
                            && self.people.runs[run].first_token() > clause
                            && self.tokens[self.people.runs[run].first_token() - 1]
                                .has(Flags::DETERMINER) =>
                    {
                        if let Some(found) = self.source_of_run(run) {
                            return Some(found);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if tok.has(Flags::PRONOUN) {
                if let Some(s) = self.pronoun(t, si) {
                    return Some((s, tok.start()..tok.end()));
                }
                continue;
            }
            let titles_a_name = self.people.run_at(t + 1).is_some();
            // "the campaign’s new ad": the owner is not the head.
            if fallback.is_none()
                && !titles_a_name
                && !tok.possessive()
                && tok.has(Flags::DESCRIPTION)
                && self
                    .tokens
                    .get(t + 1)
                    .is_some_and(|n| !n.has(Flags::DESCRIPTION))
            {
                // Only a description in subject position: one with a determiner,
                // or one that opens the sentence, and not the object of a
                // preposition ("In der Meldung wird Musk zitiert"). A name set
                // beside it wins ("Merseyside’s police commissioner, Andrea
                // Kerr, praised").
                let (src, span) = self.description_ending(t, t, start);
                let np_start = self.tokens.partition_point(|k| k.start() < span.start);
                let after_preposition = np_start > start
                    && self.tokens[np_start - 1].is_word()
                    && self.tokens[np_start - 1].has(Flags::PREPOSITION);
                if (span.start < tok.start() || t == clause) && !after_preposition {
                    if let Some(run) = self.apposed_person(t + 1, before) {
                        return self.source_of_run(run);
                    }
                    return Some((src, span));
                }
            }
        }
        fallback.and_then(|run| self.source_of_run(run))
    }

    /// Whether a lowercase word that is no noun of the lists follows token `t`
    /// ("Trump gestured"), as a verb does.
    fn verb_follows(&self, t: usize) -> bool {
        self.tokens.get(t + 1).is_some_and(|n| {
            n.is_lowercase_word()
                && !n.has(Flags::DESCRIPTION | Flags::TITLE | Flags::STOP | Flags::DETERMINER)
        })
    }

    /// A person set off by commas right after a description: ", Andrea Kerr,".
    fn apposed_person(&self, from: usize, before: usize) -> Option<usize> {
        let comma = (from..before.min(from + 6)).find(|&t| self.tokens[t].is_punct(','))?;
        let run = self.people.run_at(comma + 1)?;
        let r = &self.people.runs[run];
        let closed = self.tokens.get(r.name.end).is_some_and(|t| t.is_punct(','));
        (closed && matches!(r.class, RunClass::Person(_) | RunClass::Candidate)).then_some(run)
    }

    /// Where the main clause starts: after an opening phrase such as "In a later
    /// interview with the Financial Times," or "Speaking from Sochi,".
    fn clause_start(&self, start: usize, before: usize) -> usize {
        let first = &self.tokens[start];
        let opener = first.is_word()
            && (first.has(Flags::STOP) && !first.has(Flags::DETERMINER | Flags::PRONOUN)
                || first.has(Flags::PREPOSITION)
                || self.opens_with_participle(start));
        if !opener {
            return start;
        }
        (start..before.min(start + REACH))
            .find(|&t| self.tokens[t].is_punct(','))
            .map_or(start, |c| c + 1)
    }

    /// Whether the sentence starting at `start` opens with a participle
    /// ("Speaking from Sochi, …", "Asked about …").
    fn opens_with_participle(&self, start: usize) -> bool {
        let first = &self.tokens[start];
        first.is_word() && self.lex.suffixes.opens_clause(first.stem(self.text))
    }

    /// The source a pronoun at token `k` names: whom it refers to, or when that
    /// cannot be told, the pronoun as written. "He said" attributes a quotation
    /// whoever "he" is; a reader of the story knows.
    pub(super) fn pronoun_source(&mut self, k: usize, si: usize) -> Found {
        let tok = self.tokens[k];
        let span = tok.start()..tok.end();
        match self.pronoun(k, si) {
            Some(speaker) => (speaker, span),
            None => (
                self.description(span.clone(), false, tok.info().gender),
                span,
            ),
        }
    }

    /// The person or description a pronoun at token `k` refers to: the nearest
    /// fitting one before it. In an earlier sentence: the subject of its main
    /// clause when an opening clause comes first, then its speaker, then its
    /// first person named, then whoever was named last. "He" and
    /// "she" mean a person; "they" may mean a group or an organisation.
    pub(super) fn pronoun(&mut self, k: usize, si: usize) -> Option<Speaker> {
        let g = self.tokens[k].info().gender;
        let fits = |s: &Speaker| self.fits(s, g);
        let start = self.sentences[si].start;
        // "But he also took swipes at Rubio, who he dubbed …": the same pronoun
        // as the sentence's subject, before anyone is named, is the same person.
        let same_pronoun_first = (start..k.min(start + REACH))
            .take_while(|&t| self.people.person_at(t).is_none())
            .find(|&t| {
                let p = self.tokens[t];
                p.has(Flags::PRONOUN) && p.is_word() && p.info().gender == g
            });
        if let Some(first) = same_pronoun_first {
            return self.pronoun(first, si);
        }
        // In this sentence, before the pronoun: its subject first, then the
        // nearest. The subject comes after an opening phrase ("Outside the
        // plant in Santa Ana, a worker named Luis Ruiz …"), or is the opening
        // clause's own where the main clause names nobody ("While Ruiz
        // praised the plan, he said …").
        // "Clinton campaign manager Robby Mook …, he said": a name owning
        // the title is no subject; the first person who fits is.
        let first_person = |from: usize| {
            (from..k.min(from + REACH))
                .filter_map(|t| self.people.person_at(t))
                .find(|&e| fits(&Speaker::Person(e)))
        };
        // A person right after an opening "But" or "And" is the subject,
        // whatever aside follows ("But Ana Ruiz, unlike Maria Diaz, …").
        let but = self.tokens[start].has(Flags::COORDINATOR);
        let main = if but && self.people.person_at(start + 1).is_some() {
            start
        } else {
            self.clause_start(start, k)
        };
        let subject = first_person(main).or_else(|| {
            (!self.opens_with_participle(start))
                .then(|| first_person(start))
                .flatten()
        });
        if let Some(e) = subject {
            return Some(Speaker::Person(e));
        }
        let block = self.tokens[k].block();
        for s in (0..si).rev().take(SENTENCES_BACK) {
            let sal = &self.salience[s];
            if block.saturating_sub(sal.block) > PARAGRAPHS_BACK {
                break;
            }
            // After an opening clause ("When Maddow pointed out …, Clinton
            // seized on it"), the main clause's subject, before whoever the
            // opening clause names or quotes.
            let sentence = self.sentences[s].clone();
            let main = self.clause_start(sentence.start, sentence.end);
            if main > sentence.start {
                if let Some(e) = self.subject_at(main).filter(|&e| fits(&Speaker::Person(e))) {
                    return Some(Speaker::Person(e));
                }
            }
            if let Some(found) = sal.cue_sources.iter().find(|o| fits(o)) {
                return Some(found.clone());
            }
            // "He is trying to win over Trump's voters.": a sentence whose
            // subject is the same pronoun names others only as objects; the
            // referent is further back.
            let opener = &self.tokens[sentence.start];
            if opener.has(Flags::PRONOUN) && opener.info().gender == g {
                continue;
            }
            let named = &sal.persons;
            let candidates = named.first().into_iter().chain(named.iter().rev());
            if let Some(&e) = candidates.into_iter().find(|&&e| fits(&Speaker::Person(e))) {
                return Some(Speaker::Person(e));
            }
        }
        None
    }

    /// The person a clause starting at token `k` opens with, after an article
    /// or a title at most, or a description the name is given for ("a
    /// worker named Luis Ruiz"): its subject. Not an owner ("Brandt's rival
    /// Ruiz").
    fn subject_at(&self, k: usize) -> Option<usize> {
        let lead = self
            .tokens
            .get(k)
            .is_some_and(|t| t.has(Flags::DETERMINER | Flags::TITLE));
        let mut first = k + usize::from(lead);
        // "a worker named Luis Ruiz": the name the description goes by.
        if lead {
            let naming = (first..first + 3)
                .take_while(|&t| self.tokens.get(t).is_some_and(|w| w.is_lowercase_word()))
                .find(|&t| self.tokens[t].has(Flags::NAMING_VERB));
            if let Some(n) = naming.filter(|&n| n > first) {
                first = n + 1;
            }
        }
        let run = self.people.run_at(first)?;
        let last = self.people.runs[run].name.end.checked_sub(1)?;
        if self.tokens[last].possessive() {
            return None;
        }
        self.people.person_at(first)
    }

    /// Whether `s` can be what a pronoun of gender `g` refers to: "he" and
    /// "she" a person of no other gender, "they" a group, "I" and "we" either.
    pub(super) fn fits(&self, s: &Speaker, g: Gender) -> bool {
        match (s, g) {
            (Speaker::Person(_), Gender::Plural) => false,
            (Speaker::Person(e), _) => self.people.entities[*e].gender.fits(g),
            (Speaker::Description(_), Gender::Male | Gender::Female) => false,
            (Speaker::Description(d), _) => matches!(d.gender, Gender::Plural | Gender::Unknown),
        }
    }
}
