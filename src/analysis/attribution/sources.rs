//! The source a cue names: before its verb ("Trump posted", "Karoline Leavitt,
//! the press secretary, said"), after it ("said Edward Alden", "according to
//! Putin"), or the sentence's subject for a participle or a phrase ("…, saying";
//! "in a statement").

use std::ops::Range;

use super::Attributor;
use crate::analysis::lexicon::{Flags, Gender, Language};
use crate::analysis::model::Speaker;
use crate::analysis::people::RunClass;
use crate::analysis::tokens::{Case, Kind};

/// How many tokens a participle looks over within its own sentence for its
/// clause's subject: a sentence's narrative is shorter than this (each quotation
/// in it is a single token); a sentence that never ends must not be rescanned
/// for every cue in it.
pub(super) const REACH: usize = 100;

/// A source and the span that names it.
pub(super) type Found = (Speaker, Range<usize>);

impl Attributor<'_> {
    /// The source standing before a cue verb at `v`: "Trump posted", "Karoline
    /// Leavitt, the press secretary, said", "Trump has also said".
    pub(super) fn source_left(&mut self, v: usize, start: usize, si: usize) -> Option<Found> {
        let mut k = v.checked_sub(1)?;
        let mut skipped = 0;
        while k > start && skipped < 6 {
            if self.skippable(k) {
                k -= 1;
                skipped += 1;
            } else if k > start + 1
                && self.tokens[k].has(Flags::DAY_MONTH)
                && self.tokens[k - 1].has(Flags::TIME_LEAD)
            {
                // "Albers on Thursday called"
                k -= 2;
                skipped += 2;
            } else if let Some(len) = self
                .phrase_of_time_or_place(k, start)
                .or_else(|| self.time_ago(k, start))
            {
                // "who has in the past described", "less than two weeks ago said"
                k -= len;
                skipped += len;
            } else {
                break;
            }
        }
        // "…and “should have acted sooner,” said Ralf Jäger": a quotation right
        // before the verb is what was said; the source comes after the verb.
        if self.tokens[k].quote().is_some() {
            return None;
        }
        // "Rep. Jane Doe (R-Ore.) said": what stands in brackets is set aside.
        let k = self.before_brackets(k, start)?;
        if self.tokens[k].has(Flags::COORDINATOR) {
            // "Van Looy congratulated O'Brien but said": the clause's subject.
            return self.subject(si, start, k);
        }
        if self.comma_like(k) {
            return self.source_before_comma(k, start, si);
        }
        // "a source speaking to Fox News said": the name after "to" is spoken
        // to; the clause's subject speaks.
        if let Some(run) = self.people.run_at(k) {
            let first = self.people.runs[run].first_token();
            if first > start && self.tokens[first - 1].has(Flags::OBJECT_LEAD) {
                return self.subject(si, start, first - 1);
            }
        }
        self.source_at(k, start, si)
    }

    /// The source of an inverted attribution after a clause of reported speech:
    /// "…, said Katie Harbath, the director." A verb right after a comma with a
    /// person after it, standing alone up to the next punctuation, takes that
    /// person; the sentence's subject is what was said about.
    pub(super) fn inverted_source(
        &mut self,
        v: usize,
        sentence: Range<usize>,
        si: usize,
    ) -> Option<Found> {
        if v <= sentence.start || !self.tokens[v - 1].is_punct(',') {
            return None;
        }
        let found = self.source_right(v + 1, sentence.end, si)?;
        let next = self.tokens.partition_point(|t| t.start() < found.1.end);
        // "…, said Obama “understood …”": a name the quotation goes on from is
        // what was said about, not who said it.
        let alone = next >= sentence.end
            || !self.tokens[next].is_word() && self.tokens[next].quote().is_none();
        (alone && matches!(found.0, Speaker::Person(_))).then_some(found)
    }

    /// The source of a verb right after a comma: a name in apposition ("his
    /// daughter, Rita Malone Hayes, said"), the head before an apposition or a
    /// relative clause ("Sen. Daniel Ortiz, D-N.M., who voted for the bill,
    /// tweeted"), or the sentence's subject.
    fn source_before_comma(&mut self, k: usize, start: usize, si: usize) -> Option<Found> {
        // "Tom Slinker, whose start-up, Paradata, uses data, said": the name the
        // relative clause hangs on, not a name inside it.
        if let Some(run) = self.opener_of_relative_clause(start, k) {
            return self.source_of_run(run);
        }
        let before = k
            .checked_sub(1)
            .filter(|&p| p >= start)
            .and_then(|p| self.before_brackets(p, start));
        if let Some(run) = before.and_then(|p| self.people.run_at(p)) {
            // A candidate counts only when it is the whole apposition; a name
            // after "for" or "of" ("Alan Brisco, a lawyer for Ellery, said") is
            // the apposition's, not the source.
            let first = self.people.runs[run].first_token();
            let whole = first > start && self.comma_like(first - 1);
            let modified = first > start && {
                let p = &self.tokens[first - 1];
                p.is_lowercase_word() && p.has(Flags::MODIFIER)
            };
            match self.people.runs[run].class {
                RunClass::Person(_) if !modified => return self.source_of_run(run),
                RunClass::Candidate if whole => return self.source_of_run(run),
                _ => {}
            }
        }
        let mut m = k;
        let floor = k.saturating_sub(40).max(start);
        while m > floor {
            m -= 1;
            let t = &self.tokens[m];
            if t.is_punct(';') || (t.is_punct('.') && !self.after_abbreviation(m)) {
                return None;
            }
            if self.comma_like(m) && m > start {
                // A place in an apposition ("a designer in Austin, Texas,") is
                // where the source is, not who.
                let place = self
                    .people
                    .run_at(m - 1)
                    .is_some_and(|r| self.people.runs[r].class == RunClass::Place);
                if !place {
                    if let Some(found) = self.source_at(m - 1, start, si) {
                        return Some(found);
                    }
                }
            }
        }
        // The clause opened the sentence: "Trump, who …, said".
        self.subject(si, start, k)
    }

    /// The name opening the sentence when a relative clause follows it ("Tom
    /// Slinker, whose …") and the clause ends before `k`.
    fn opener_of_relative_clause(&self, start: usize, k: usize) -> Option<usize> {
        let run = (start..(start + 4).min(k)).find_map(|t| self.people.run_at(t))?;
        let end = self.people.runs[run].name.end;
        let relative = end + 1 < k
            && self.tokens[end].is_punct(',')
            && self.tokens[end + 1].has(Flags::RELATIVE);
        let person = matches!(
            self.people.runs[run].class,
            RunClass::Person(_) | RunClass::Candidate
        );
        (relative && person).then_some(run)
    }

    /// The token `k`, or when it closes brackets, the one before they open
    /// (`None` when they open before `start`).
    fn before_brackets(&self, k: usize, start: usize) -> Option<usize> {
        if !self.tokens[k].is_punct(')') {
            return Some(k);
        }
        let mut depth = 0usize;
        for m in (start..=k).rev() {
            let t = &self.tokens[m];
            if t.is_punct(')') {
                depth += 1;
            } else if t.is_punct('(') {
                depth -= 1;
                if depth == 0 {
                    return m.checked_sub(1).filter(|&p| p >= start);
                }
            }
        }
        None
    }

    /// A comma, or a quotation ending in one ("Kamali, whom fans call “the Lion
    /// of Shiraz,” posted").
    pub(super) fn comma_like(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        t.is_punct(',')
            || t.quote().is_some_and(|_| {
                self.text[t.start()..t.end()]
                    .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                    .ends_with(',')
            })
    }

    /// Whether the full stop at `m` ends an abbreviation or an initial ("No.", "N.M.").
    fn after_abbreviation(&self, m: usize) -> bool {
        crate::analysis::sentences::abbreviation_before(self.tokens, m, self.text)
    }

    /// The length of a short phrase of time or place ending at `k` ("in the
    /// past", "at the time", "for years"): a preposition, perhaps a determiner,
    /// and a lowercase word that names nobody.
    fn phrase_of_time_or_place(&self, k: usize, start: usize) -> Option<usize> {
        let noun = &self.tokens[k];
        // "Six in ten said": a count ends the phrase and stands for people.
        let names_someone =
            Flags::DESCRIPTION | Flags::PRONOUN | Flags::RELATIVE | Flags::CUE | Flags::QUANTITY;
        if !noun.is_lowercase_word() || noun.has(names_someone) {
            return None;
        }
        let prep = |p: usize| {
            p > start
                && self.tokens[p].is_lowercase_word()
                && self.tokens[p].has(Flags::PREPOSITION)
        };
        let det = |p: usize| p > start && self.tokens[p].has(Flags::DETERMINER);
        if k >= 1 && prep(k - 1) {
            Some(2)
        } else if k >= 2 && det(k - 1) && prep(k - 2) {
            Some(3)
        } else {
            None
        }
    }

    /// The length of a phrase of time that counts back and ends at `k`: a
    /// count, a unit and "ago" ("a year ago", "10 days ago"), perhaps after
    /// "a" ("a few weeks ago") or "less than" ("less than two weeks ago").
    fn time_ago(&self, k: usize, start: usize) -> Option<usize> {
        let lower = |p: usize| p > start && self.tokens[p].is_lowercase_word();
        let count = |p: usize| {
            p > start
                && (self.tokens[p].has(Flags::DETERMINER | Flags::QUANTITY)
                    || self.tokens[p].kind() == Kind::Word(Case::Other))
        };
        if !self.tokens[k].has(Flags::AGO) || k < start + 3 || !lower(k - 1) || !count(k - 2) {
            return None;
        }
        let than = k >= start + 5 && self.is_word(k - 3, "than") && lower(k - 4);
        let a_few = k >= start + 4 && self.tokens[k - 3].has(Flags::DETERMINER);
        Some(if than {
            5
        } else if a_few {
            4
        } else {
            3
        })
    }

    /// An auxiliary or an adverb between a source and its verb ("has also",
    /// "repeatedly").
    fn skippable(&self, k: usize) -> bool {
        // In lowercase only: "Will wrote" names Will.
        let t = &self.tokens[k];
        t.is_lowercase_word()
            && (t.has(Flags::AUX) || self.lex.suffixes.is_adverb(t.stem(self.text)))
    }

    /// The source whose last token is `k` (looking leftwards).
    pub(super) fn source_at(&mut self, k: usize, start: usize, si: usize) -> Option<Found> {
        let tok = self.tokens[k];
        if let Some(run) = self.people.run_at(k) {
            // "Edward Alden of the Council on Foreign Relations said": the run is a
            // modifier; the source stands further left.
            let first = self.people.runs[run].first_token();
            let modifies = !matches!(self.people.runs[run].class, RunClass::Person(_))
                && (1..=2).any(|back| {
                    first >= start + back && {
                        let p = &self.tokens[first - back];
                        p.is_lowercase_word() && p.has(Flags::MODIFIER)
                    }
                });
            if modifies {
                if let Some(found) = self.head_before_modifier(k, start) {
                    return Some(found);
                }
            }
            return self
                .source_of_run(run)
                .or_else(|| self.noun_opening(run, start));
        }
        if tok.has(Flags::PRONOUN) {
            return Some(self.pronoun_source(k, si));
        }
        if tok.has(Flags::RELATIVE) {
            return self.antecedent(k, start, si);
        }
        let by_age = self.lex.suffixes.names_by_age(tok.stem(self.text));
        if (tok.has(Flags::DESCRIPTION) || by_age) && tok.is_word() {
            let (src, span) = self.description_ending(k, k, start);
            // "a spokeswoman for the ministry said": the head before the modifier.
            let np_start = self.tokens.partition_point(|t| t.start() < span.start);
            if let Some(prep) = np_start.checked_sub(1).filter(|&p| p > start) {
                let modifier =
                    self.tokens[prep].is_word() && self.tokens[prep].has(Flags::MODIFIER);
                if modifier && self.tokens[prep - 1].has(Flags::DESCRIPTION) {
                    return Some(self.description_ending(prep - 1, k, start));
                }
            }
            return Some((src, span));
        }
        self.head_before_modifier(k, start)
            .or_else(|| self.unlisted_head(k, start))
            .or_else(|| self.quantity_ending(k, start))
    }

    /// A noun phrase the lists do not know, ending at `k`: a determiner or a
    /// possessive, then lowercase words ("the shipping magnate told").
    fn unlisted_head(&self, k: usize, start: usize) -> Option<Found> {
        let not_a_noun = Flags::CUE
            | Flags::AUX
            | Flags::STOP
            | Flags::CLAUSE_WORD
            | Flags::PHRASE_BREAK
            | Flags::PRONOUN
            | Flags::RELATIVE
            | Flags::MODIFIER
            | Flags::DETERMINER;
        let head = &self.tokens[k];
        // Where every noun takes a capital, a lowercase word heads nothing.
        if !head.is_lowercase_word() || head.has(not_a_noun) || self.lex.traits.nouns_capitalised {
            return None;
        }
        let floor = k.saturating_sub(4).max(start);
        for m in (floor..k).rev() {
            let t = &self.tokens[m];
            if t.has(Flags::DETERMINER) || t.possessive() {
                return Some(self.description_ending(k, k, start));
            }
            // "this Trump look-alike", "the Clinton campaign": a name may modify.
            let modifier = t.is_word();
            if !modifier || t.has(not_a_noun & !Flags::STOP) {
                return None;
            }
        }
        None
    }

    /// What a relative pronoun at `k` refers to: "according to Putin, who
    /// emphasised": the antecedent before the comma, or the head a little
    /// further left ("a joint statement released after the meeting, which
    /// described").
    fn antecedent(&mut self, k: usize, start: usize, si: usize) -> Option<Found> {
        let p = k.checked_sub(1)?;
        let last = if self.tokens[p].is_punct(',') {
            p.checked_sub(1)?
        } else {
            p
        };
        if last < start {
            return None;
        }
        if let Some(found) = self.source_at(last, start, si) {
            return Some(found);
        }
        let floor = last.saturating_sub(8).max(start);
        for m in (floor..last).rev() {
            let t = &self.tokens[m];
            if !t.is_word() {
                break;
            }
            if let Some(run) = self.people.run_at(m) {
                if matches!(self.people.runs[run].class, RunClass::Person(_)) {
                    return self.source_of_run(run);
                }
            }
            if t.has(Flags::DESCRIPTION) {
                return Some(self.description_ending(m, m, start));
            }
        }
        None
    }

    /// A source head further left with a modifier after it: "a source familiar
    /// with the matter said", "Edward Alden of the Council said".
    fn head_before_modifier(&mut self, k: usize, start: usize) -> Option<Found> {
        let floor = k.saturating_sub(8).max(start);
        let mut m = k;
        while m > floor {
            m -= 1;
            let t = &self.tokens[m];
            if !t.is_word() || (t.has(Flags::CUE) && !t.has(Flags::DESCRIPTION)) {
                return None;
            }
            let before_modifier = self
                .tokens
                .get(m + 1)
                .is_some_and(|n| n.is_word() && n.has(Flags::MODIFIER));
            if !before_modifier {
                continue;
            }
            if let Some(run) = self.people.run_at(m) {
                if self.people.name_span(run, self.tokens).end == t.stem_end() {
                    return self
                        .source_of_run(run)
                        .map(|(s, sp)| (s, sp.start..self.tokens[k].end()));
                }
            }
            if t.has(Flags::DESCRIPTION) {
                return Some(self.description_ending(m, k, start));
            }
        }
        None
    }

    /// The source a name run stands for: a person (a candidate becomes one), or
    /// an organisation or place speaking as a description ("the Kremlin").
    pub(super) fn source_of_run(&mut self, run: usize) -> Option<Found> {
        let span = self.people.name_span(run, self.tokens);
        match self.people.runs[run].class {
            RunClass::Person(e) => Some((Speaker::Person(e), span)),
            // One capitalised word that is a head noun ("Regierungskreisen",
            // a German noun) or a German title alone is a description.
            RunClass::Candidate if self.lone_description(run) => {
                // Its article and adjectives go with it: "der neue Staatssekretär".
                let head = self.people.runs[run].name.start;
                Some(self.description_ending(head, head, 0))
            }
            RunClass::Candidate | RunClass::Unlinked => {
                let e = self.people.promote(run, self.tokens, self.text)?;
                Some((Speaker::Person(e), span))
            }
            RunClass::Organisation | RunClass::Place => {
                // Keep a "the" written before it: "the Kremlin".
                let first = self.people.runs[run].first_token();
                let mut s = self.tokens[first].start();
                if first > 0 && self.tokens[first - 1].has(Flags::THE) {
                    s = self.tokens[first - 1].start();
                }
                let span = s..span.end;
                Some((self.description(span.clone(), false, Gender::Plural), span))
            }
            // "a Nevada Democrat", "the Iowa caucus-goers": capitals that name no
            // one, ending in a word that can speak.
            RunClass::Other | RunClass::HeadlineWord => {
                let last = self.people.runs[run].name.end - 1;
                let floor = self.people.runs[run].first_token().saturating_sub(2);
                // "der Papst": a title alone, after an article, names the
                // office-holder as a description does.
                let titled = self.tokens[last].has(Flags::TITLE)
                    && last > 0
                    && self.tokens[last - 1].has(Flags::DETERMINER)
                    && self.lex.language == Language::German;
                (self.tokens[last].has(Flags::DESCRIPTION) || titled)
                    .then(|| self.description_ending(last, last, floor))
            }
        }
    }

    /// The source after a cue: "said Edward Alden", "according to Putin",
    /// "said a spokeswoman for the ministry", or a name after a long title.
    pub(super) fn source_right(&mut self, from: usize, end: usize, si: usize) -> Option<Found> {
        self.source_right_near(from, end, si).or_else(|| {
            let run = self.name_after_long_title(from, end)?;
            self.source_of_run(run)
        })
    }

    /// The source within a few words after a cue.
    pub(super) fn source_right_near(
        &mut self,
        from: usize,
        end: usize,
        si: usize,
    ) -> Option<Found> {
        let mut determiner = false;
        // "said economist Jane Doe", "said the president", "said an engineer who …"
        for k in from..end.min(from + 6) {
            let t = self.tokens[k];
            if t.quote().is_some() && (k == from || determiner) {
                return self.outlet_in_quotes(k);
            }
            // "nannte den Bericht eine „Ente“": an object follows the verb, not
            // a subject ("heißt es in dem Bericht" names its source). A
            // speaker may still follow it: "sagte dem Sender der Minister".
            let object = k == from
                && t.has(Flags::OBLIQUE)
                && from
                    .checked_sub(1)
                    .is_some_and(|v| self.tokens[v].has(Flags::CUE));
            if object {
                return self.speaker_after_object(k, end);
            }
            if !t.is_word() {
                return None;
            }
            if let Some(run) = self.people.run_at(k) {
                let run = self.person_after_affiliation(run, end).unwrap_or(run);
                return self
                    .source_of_run(run)
                    .or_else(|| determiner.then(|| self.noun_after_article(run, from))?);
            }
            if t.has(Flags::PRONOUN) && k == from {
                return Some(self.pronoun_source(k, si));
            }
            // "said economist Jane Doe": a description before a name is a title.
            // "said the 46-year-old": an age names a person too.
            let by_age = self.lex.suffixes.names_by_age(t.stem(self.text));
            if (t.has(Flags::DESCRIPTION) || by_age) && self.people.run_at(k + 1).is_none() {
                return Some(self.description_ending(k, k, from));
            }
            let lower = t.is_lowercase_word();
            if determiner
                && lower
                && !self.lex.traits.nouns_capitalised
                && !t.has(Flags::CUE | Flags::AUX | Flags::STOP)
                && self.noun_phrase_ends(k + 1, end)
            {
                // A head noun the lists do not know: "said a glaciologist".
                return Some(self.description_ending(k, k, from));
            }
            let may_lead = t.has(Flags::DETERMINER | Flags::TITLE | Flags::ADJECTIVE)
                || (lower && !t.has(Flags::CUE));
            // A clause or a verb phrase begins: "said that", "said it", "say
            // the results have been striking".
            let opens_clause = t.has(
                Flags::CLAUSE_WORD
                    | Flags::PHRASE_BREAK
                    | Flags::PRONOUN
                    | Flags::AUX
                    | Flags::PROGRESSIVE,
            ) && !t.has(Flags::DETERMINER);
            if !may_lead || t.has(Flags::CUE) || opens_clause {
                return None;
            }
            determiner |= t.has(Flags::DETERMINER);
        }
        None
    }

    /// The speaker right after an object that the article at `k` opens, its
    /// lowercase words and its noun: a person ("sagte den Reportern
    /// Innenminister Karl Wulf") or a description ("sagte dem Sender der
    /// Minister"). A quotation there is what the object was called.
    fn speaker_after_object(&mut self, k: usize, end: usize) -> Option<Found> {
        let noun = (k + 1..end.min(k + 5)).find(|&m| !self.tokens[m].is_lowercase_word())?;
        let next = noun + 1;
        if next >= end || !self.tokens[noun].is_capitalised() {
            return None;
        }
        if let Some(run) = self.people.run_at(next) {
            // "bestätigte dem Abgeordneten Montag": a name the object's noun
            // titles is the object's.
            let r = &self.people.runs[run];
            let own = r.first_token() == next || self.tokens[next].has(Flags::TITLE);
            let person = matches!(
                r.class,
                RunClass::Person(_) | RunClass::Unlinked | RunClass::Candidate
            );
            return if person && own {
                self.source_of_run(run)
            } else {
                None
            };
        }
        let article = &self.tokens[next];
        let head = next + 1;
        let described = article.has(Flags::DETERMINER)
            && !article.has(Flags::OBLIQUE)
            && self
                .tokens
                .get(head)
                .is_some_and(|h| head < end && h.has(Flags::DESCRIPTION | Flags::TITLE));
        described.then(|| self.description_ending(head, head, next))
    }

    /// A person named right before token `t`, with nothing between.
    pub(super) fn name_right_before(&mut self, t: usize) -> Option<Found> {
        let run = self.people.run_at(t.checked_sub(1)?)?;
        let person = matches!(
            self.people.runs[run].class,
            RunClass::Person(_) | RunClass::Unlinked
        );
        if person && self.people.runs[run].name.end == t {
            self.source_of_run(run)
        } else {
            None
        }
    }

    /// Whether a noun phrase ends before token `k`: punctuation, the end, a
    /// capital, or a word that starts a modifier ("who", "for", "at").
    fn noun_phrase_ends(&self, k: usize, end: usize) -> bool {
        let Some(t) = self.tokens.get(k).filter(|_| k < end) else {
            return true;
        };
        !t.is_word() || t.is_capitalised() || t.has(Flags::PHRASE_BREAK)
    }
}
