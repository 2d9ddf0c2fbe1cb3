//! Speakers named by a label before a colon, as roundups and transcripts set
//! them: "Ruiz, Channel Four: “…”", "HALE: “…”", "Q: “…”"; and outlets named
//! in quotation marks where a source stands ("laut „Reuters“").

use super::Attributor;
use super::sources::Found;
use crate::analysis::lexicon::{Flags, Gender};
use crate::analysis::model::{Description, Speaker};
use crate::analysis::people::RunClass;
use crate::analysis::tokens::{Case, Kind};

impl Attributor<'_> {
    /// The person a roundup names before an affiliation: in "Tom Brandt,
    /// Channel Four:", the run before the colon (`run`) is the outlet, and the
    /// person before its comma speaks.
    pub(super) fn person_before_affiliation(&mut self, run: usize, start: usize) -> Option<usize> {
        let comma = self.people.runs[run]
            .first_token()
            .checked_sub(1)
            .filter(|&c| c > start)?;
        if !self.tokens[comma].is_punct(',') {
            return None;
        }
        let person = self.people.run_at(comma - 1)?;
        let found = &mut self.people.runs[person];
        match found.class {
            RunClass::Person(_) | RunClass::Unlinked => Some(person),
            // A roundup's lines are all capitals, so they read as a title-case
            // headline; a name signed so is a person all the same.
            RunClass::HeadlineWord | RunClass::Candidate if found.words > 1 => {
                found.class = RunClass::Candidate;
                Some(person)
            }
            _ => None,
        }
    }

    /// A transcript's label in capitals opening the sentence right before the
    /// colon at `colon`: the person of that surname in the story, else the
    /// label as written ("Q", "A", "MODERATOR").
    pub(super) fn transcript_label(&self, start: usize, colon: usize) -> Option<Found> {
        if colon == start || colon - start > 3 {
            return None;
        }
        let words = start..colon;
        // "HALE", "Q" (a single capital reads as title case).
        let capitals = words.clone().all(|t| {
            let w = &self.tokens[t];
            w.kind() == Kind::Word(Case::Upper) || w.is_capitalised() && w.end() - w.start() == 1
        });
        if !capitals {
            return None;
        }
        let span = self.tokens[start].start()..self.tokens[colon - 1].end();
        let label = self.text[span.clone()].to_lowercase();
        let surname = label.split_whitespace().last().unwrap_or_default();
        let person = self
            .people
            .entities
            .iter()
            .position(|e| e.surname == surname);
        let speaker = match person {
            Some(e) => Speaker::Person(e),
            // As written: "A" here is the answer's label, not an article.
            None => Speaker::Description(Description {
                text: self.text[span.clone()].to_string(),
                span: span.clone(),
                anonymous: false,
                gender: Gender::Unknown,
            }),
        };
        Some((speaker, span))
    }
}

impl Attributor<'_> {
    /// The name an epigraph or a pulled quotation is signed with: a dash and a
    /// name right after the quotation at `q`, on its line or opening the next
    /// paragraph ("“…” ― Tom Brandt", "- Tom Brandt, in a speech").
    pub(super) fn signed_with(&mut self, q: usize) -> Option<Found> {
        let dash = self.tokens.get(q + 1)?;
        if !matches!(dash.kind(), Kind::Punct('―' | '—' | '–' | '-')) {
            return None;
        }
        let block = self.tokens[q].block();
        let next_paragraph = dash.block() == block + 1;
        if dash.block() != block && !next_paragraph {
            return None;
        }
        let run = self.people.run_at(q + 2)?;
        let named = matches!(
            self.people.runs[run].class,
            RunClass::Person(_) | RunClass::Unlinked | RunClass::Candidate
        );
        if named { self.source_of_run(run) } else { None }
    }

    /// The person a quotation in brackets right after their name belongs to,
    /// as roundups list reactions: "the agency's head, Eva Wolf („Well
    /// deserved.“), and …". Only an item of such a list, the name after a
    /// comma, "and", "were" or an article ("and her deputy Tom Hale"): after
    /// a verb the person is spoken of, and the cue's source speaks ("Reed
    /// attacked Ruiz (“She lied.”)"). Only a statement: a few words in
    /// brackets are what others call the person ("Marco Rubio (“Little
    /// Marco”)", "(“Liar!”)").
    pub(super) fn bracketed_after_name(&mut self, q: usize) -> Option<Found> {
        let open = q.checked_sub(1)?;
        let name_end = open.checked_sub(1)?;
        let bracketed = self.tokens[open].is_punct('(')
            && self.tokens.get(q + 1).is_some_and(|t| t.is_punct(')'));
        let quoted = self.tokens[q];
        let statement = self.text[quoted.start()..quoted.end()]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '?'))
            .ends_with(['.', '?']);
        if !bracketed || !statement {
            return None;
        }
        let run = self.people.run_at(name_end)?;
        let listed = self.people.runs[run]
            .first_token()
            .checked_sub(1)
            .is_some_and(|p| {
                let before = &self.tokens[p];
                before.is_punct(',')
                    || before.is_word()
                        && before.has(Flags::COORDINATOR | Flags::DETERMINER | Flags::BE)
            });
        let person = matches!(
            self.people.runs[run].class,
            RunClass::Person(_) | RunClass::Unlinked
        );
        if listed && person {
            self.source_of_run(run)
        } else {
            None
        }
    }

    /// An outlet's name in quotation marks where a source stands ("laut
    /// „Reuters“", "schrieb „Die Zeit“"): a few words, each capitalised.
    pub(super) fn outlet_in_quotes(&self, k: usize) -> Option<Found> {
        let t = self.tokens[k];
        let name = self.text[t.start()..t.end()].trim_matches(|c: char| !c.is_alphanumeric());
        let named = !name.is_empty()
            && name.split_whitespace().count() <= 4
            && name.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        named.then(|| {
            let span = t.start()..t.end();
            let outlet = Description {
                text: name.to_string(),
                span: span.clone(),
                anonymous: false,
                gender: Gender::Unknown,
            };
            (Speaker::Description(outlet), span)
        })
    }
}
