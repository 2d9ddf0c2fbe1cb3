//! A description as a source: "the spokeswoman", "a senior aide, who spoke
//! on condition of anonymity", "die Hausverwaltung". Its span reaches left
//! over its determiner and modifiers; a phrase in or after it can make it
//! anonymous.

use std::ops::Range;

use super::Attributor;
use super::sources::Found;
use crate::analysis::lexicon::{Flags, Gender};
use crate::analysis::model::{Description, Speaker};
use crate::analysis::people::RunClass;

impl Attributor<'_> {
    /// Whether a name run is one capitalised word that is a head noun
    /// ("Regierungskreisen", a German noun): a description, not a name. In
    /// German a title alone is one too ("der Staatssekretär"); in English it
    /// may be a surname ("Justice said").
    pub(super) fn lone_description(&self, run: usize) -> bool {
        let r = &self.people.runs[run];
        let mut heads = Flags::ANONYMOUS | Flags::DESCRIPTION;
        if self.lex.traits.nouns_capitalised {
            heads |= Flags::TITLE;
        }
        r.name.len() == 1 && self.tokens[r.name.start].has(heads)
    }

    /// A description as a source, named as the story writes it: "The company"
    /// at a sentence's start becomes "the company".
    pub(super) fn description(
        &self,
        span: Range<usize>,
        anonymous: bool,
        gender: Gender,
    ) -> Speaker {
        let mut text = crate::text::spaced(&self.text[span.clone()]).into_owned();
        if let Some(first) = text.split_whitespace().next() {
            let capital = first.chars().next().is_some_and(char::is_uppercase);
            if capital && self.lex.word(first).has(Flags::DETERMINER) {
                text = [first.to_lowercase().as_str(), &text[first.len()..]].concat();
            }
        }
        Speaker::Description(Description {
            text,
            span,
            anonymous,
            gender,
        })
    }

    /// A description whose head noun is at `head` and which ends at `last`,
    /// extended left over its determiner and modifiers.
    pub(super) fn description_ending(&self, head: usize, last: usize, start: usize) -> Found {
        let mut first = head;
        let floor = head.saturating_sub(5).max(start);
        let mut m = head;
        while m > floor {
            m -= 1;
            let t = &self.tokens[m];
            // German "der" is an article here and a relative pronoun elsewhere.
            let relative = t.has(Flags::RELATIVE) && !t.has(Flags::THE);
            if !t.is_word() || relative || t.has(Flags::CUE | Flags::AUX | Flags::PRONOUN) {
                break;
            }
            if t.has(Flags::DETERMINER) || t.possessive() {
                first = m;
                // "the campaign’s new ad": the owner's own article too.
                if t.possessive() && m > start && self.tokens[m - 1].has(Flags::DETERMINER) {
                    first = m - 1;
                }
                break;
            }
            // A word that opens a clause ends the description; a stop word that
            // can modify a noun ("the top aide") does not.
            if t.has(Flags::CLAUSE_WORD | Flags::PHRASE_BREAK) {
                break;
            }
            first = m;
        }
        let span = self.tokens[first].start()..self.tokens[last].end();
        let head_tok = &self.tokens[head];
        // "a senior aide, who spoke on condition of anonymity": the clause after the
        // description can make it anonymous too.
        let clause_last = (last + 1..self.tokens.len().min(last + 16))
            .take_while(|&t| !self.tokens[t].is_punct('.') && self.tokens[t].quote().is_none())
            .last()
            .unwrap_or(last);
        // A phrase is matched word by word: "close to" is not in "disclose to",
        // nor "familiar with" in "unfamiliar with".
        let anonymous = head_tok.has(Flags::ANONYMOUS)
            || (first..=clause_last).any(|t| {
                self.tokens[t].has(Flags::ANONYMOUS_PHRASE_START)
                    && self.lex.anonymous_phrases.iter().any(|phrase| {
                        t + phrase.len() <= clause_last + 1
                            && phrase
                                .iter()
                                .enumerate()
                                .all(|(k, w)| self.is_word(t + k, w))
                    })
            });
        (
            self.description(span.clone(), anonymous, head_tok.info().gender),
            span,
        )
    }

    /// A German noun after the article that opens the sentence and the
    /// lowercase words (adjectives) after it, standing right before the verb:
    /// the subject ("Die Hausverwaltung versicherte", "Der neue Sprecher
    /// sagte"). A noun that
    /// names no person yields to a speaker after the verb ("Das Gesetz
    /// kritisierte die Ministerin"): there the noun is more often the object.
    pub(super) fn noun_opening(&self, run: usize, start: usize) -> Option<Found> {
        let head = self.lone_noun(run)?;
        if head <= start || head > start + 3 {
            return None;
        }
        // An article a subject can take: "der", "die", "eine", "seine"; "Den
        // Plan kritisierte …" opens with the object.
        let article = &self.tokens[start];
        let nominative = article.has(Flags::DETERMINER) && !article.has(Flags::OBLIQUE);
        let adjectives = (start + 1..head).all(|k| self.tokens[k].is_lowercase_word());
        let person = self.tokens[head].has(Flags::DESCRIPTION | Flags::TITLE);
        (nominative && adjectives && (person || !self.speaker_evident_at(head + 2)))
            .then(|| self.description_ending(head, head, start))
    }

    /// A German noun after the article that follows a verb opening its
    /// clause after the quotation: the subject ("„…“, sagte der Student").
    /// After "der" right after the verb, a noun with an ending of the
    /// feminine nouns ("-ung", "-heit") is spoken to ("sagte der Zeitung").
    /// Where something else stands before the verb, the noun after it is as
    /// often the object ("Sie nannte die Pläne …").
    pub(super) fn noun_after_article(&self, run: usize, from: usize) -> Option<Found> {
        let head = self.lone_noun(run)?;
        // German sets a comma after the quotation: „…“, sagte der Student.
        let verb_opens = from >= 3
            && self.tokens[from - 2].is_punct(',')
            && self.tokens[from - 3].quote().is_some();
        if !verb_opens {
            return None;
        }
        let word = self.tokens[head].stem(self.text);
        let dative = self.is_word(from, "der") && self.lex.suffixes.is_noun(word);
        (!dative).then(|| self.description_ending(head, head, from))
    }

    /// The token of a run that is one capitalised noun and no name, in a
    /// language that capitalises its nouns ("Student" in "der Student").
    fn lone_noun(&self, run: usize) -> Option<usize> {
        let r = &self.people.runs[run];
        let noun = self.lex.traits.nouns_capitalised && r.class == RunClass::Other;
        (noun && r.name.len() == 1).then_some(r.name.start)
    }
}
