//! A person named after more than a one-word title: "said Ohio State
//! University professor Paul Beck", "said former Pennsylvania Gov. and Democratic
//! National Committee Chairman Ed Rendell".

use super::Attributor;
use crate::analysis::lexicon::Flags;
use crate::analysis::people::RunClass;

/// How far past a cue verb a long title may run before its name.
const TITLE_REACH: usize = 16;

impl Attributor<'_> {
    /// The person named after an organisation or a place and a title: "said
    /// Ohio State University professor Paul Beck", "said Cato Institute fellow
    /// Jane Doe".
    pub(super) fn person_after_affiliation(&self, run: usize, end: usize) -> Option<usize> {
        let runs = &self.people.runs;
        if !matches!(runs[run].class, RunClass::Organisation | RunClass::Place) {
            return None;
        }
        let from = runs[run].name.end;
        let title_words = (from..end.min(from + 3))
            .take_while(|&k| {
                let t = &self.tokens[k];
                t.is_lowercase_word() && t.has(Flags::DESCRIPTION | Flags::TITLE)
            })
            .count();
        let person = self.people.run_at(from + title_words)?;
        let named = matches!(
            runs[person].class,
            RunClass::Person(_) | RunClass::Unlinked | RunClass::Candidate
        );
        (title_words > 0 && named).then_some(person)
    }

    /// The person after a cue verb whose titles run long, joined by "and" or
    /// "of", in capitals and title words up to the name: the run of that name.
    pub(super) fn name_after_long_title(&self, from: usize, end: usize) -> Option<usize> {
        // "said of Trump": the person spoken about.
        if self.tokens.get(from).is_none_or(|t| t.has(Flags::OF)) {
            return None;
        }
        for k in from..end.min(from + TITLE_REACH) {
            if let Some(run) = self.people.run_at(k) {
                if matches!(
                    self.people.runs[run].class,
                    RunClass::Person(_) | RunClass::Unlinked
                ) {
                    return Some(run);
                }
            }
            let t = &self.tokens[k];
            let title_like = t.is_capitalised()
                || t.has(Flags::TITLE | Flags::ADJECTIVE | Flags::DETERMINER | Flags::OF)
                || t.has(Flags::COORDINATOR) && t.is_lowercase_word()
                || t.is_punct('.');
            if !title_like {
                return None;
            }
        }
        None
    }
}
