//! Every word the analysis reads by its role, as data.
//!
//! Each language has a folder of plain-text lists (`en/`), one entry a line and
//! `#` for comments, so adding a cue verb or a title never touches code. The
//! lists are read once into one table of word facts (flags and gender) and a few
//! phrase lists. A newsroom may add cue verbs, titles and anonymous-source
//! phrases in `copydesk.toml`: they extend a copy of the built-in lexicon.

mod grammar;
mod language;
mod lists;
mod nicknames;

use std::borrow::Cow;
use std::sync::OnceLock;

use bitflags::bitflags;
use rustc_hash::{FxHashMap, FxHashSet};

pub use grammar::Suffixes;
pub use language::Language;
pub use nicknames::Nicknames;

use lists::Lists;

bitflags! {
    /// What a word can be. A word may be several things at once ("general").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
    pub struct Flags: u64 {
        /// A speech verb in any form ("said", "tells").
        const CUE = 1;
        /// A cue verb's -ing form: its source is its clause's subject.
        const PARTICIPLE = 1 << 1;
        const PRONOUN = 1 << 2;
        /// "who", "which": a relative clause about the source.
        const RELATIVE = 1 << 3;
        /// The head noun of a description that can speak ("spokeswoman").
        const DESCRIPTION = 1 << 4;
        /// A head noun that makes a description anonymous ("officials").
        const ANONYMOUS = 1 << 5;
        const TITLE = 1 << 6;
        /// A capitalised word that is never part of a name ("The", "However").
        const STOP = 1 << 7;
        const DAY_MONTH = 1 << 8;
        /// Words that may stand between a source and its verb ("has", "also").
        const AUX = 1 << 9;
        const GIVEN = 1 << 10;
        /// A word that makes a capitalised phrase an organisation ("Council").
        const ORG_WORD = 1 << 11;
        /// A word that ends in a full stop without ending the sentence ("Sen.").
        const ABBREVIATION = 1 << 12;
        /// A word written with a leading apostrophe ("'em", "'90s").
        const ELISION = 1 << 13;
        /// A word right after a quotation that makes it a term ("slogan").
        const TERM_AFTER = 1 << 14;
        /// A lowercase word inside a name ("von", "bin").
        const PARTICLE = 1 << 15;
        const DETERMINER = 1 << 16;
        /// A capitalised adjective that is never a name alone ("Russian").
        const ADJECTIVE = 1 << 17;
        /// A cue verb's -s form that is mostly a noun in prose ("calls", "posts")
        /// but a verb in a headline ("Mayor Calls Vote ‘Historic’").
        const HEADLINE_CUE = 1 << 18;
        /// The first word of a multi-word cue phrase ("according").
        const PHRASE_START = 1 << 19;
        /// A one-word place ("Kyiv").
        const PLACE = 1 << 20;
        /// A one-word organisation, outlet or platform ("Reuters").
        const ORGANISATION = 1 << 21;
        /// A word that opens a modifier after a head noun ("of", "familiar").
        const MODIFIER = 1 << 22;
        /// The last word of a phrase that, before a quotation, makes it a term
        /// ("so-called", "known as").
        const TERM_BEFORE_END = 1 << 23;
        /// The first word of a phrase that makes a description anonymous.
        const ANONYMOUS_PHRASE_START = 1 << 24;
        /// The last word of a multi-word cue phrase ("to", "statement").
        const PHRASE_END = 1 << 25;
        /// The first word of a listed place or organisation of several words
        /// ("new" of "new york"), and "the".
        const NAME_PHRASE_START = 1 << 26;
        /// "and", "but": a new verb of the same subject follows.
        const COORDINATOR = 1 << 27;
        /// "on", "last": before a day, it makes a time, not a source.
        const TIME_LEAD = 1 << 28;
        /// Before an -ing form, makes it a verb, not a participle clause ("been").
        const PROGRESSIVE = 1 << 29;
        /// A word after which a noun phrase has ended ("who", "after").
        const PHRASE_BREAK = 1 << 30;
        /// A verb that names a thing ("a show called “X”").
        const NAMING_VERB = 1 << 31;
        /// A word before a naming verb that makes it someone's words ("which she
        /// called “a disgrace”").
        const SPEAKER_LEAD = 1 << 32;
        /// "what", "which": anywhere before a naming verb, someone is speaking.
        const WHAT_WHICH = 1 << 33;
        /// A word joining an organisation's name ("Council on Foreign
        /// Relations"); "of" joins a title too ("Secretary of State").
        const NAME_JOINER = 1 << 34;
        /// "of": a title's or an affiliation's joiner.
        const OF = 1 << 35;
        /// "the": kept before an organisation that speaks ("the Kremlin").
        const THE = 1 << 36;
        /// A verb whose object is the hearer: "Ruiz told Reuters", never Reuters.
        const TELLS = 1 << 37;
        /// A word that opens no noun phrase after a cue verb: "said that", "said
        /// it", "said then".
        const CLAUSE_WORD = 1 << 38;
        /// "Mr.", "Ms.": a title that says no more than a person's gender.
        const HONORIFIC = 1 << 39;
        /// "by" after a verb: the passive's agent follows ("first reported by
        /// MSNBC", "portrayed by Allen").
        const AGENT = 1 << 40;
        /// A form of "be": before a participle, it makes a passive ("was
        /// reported by").
        const BE = 1 << 41;
        /// "will", "would": a speech verb after one is a prediction or a
        /// habit, not an attribution ("Rubio will continue to be").
        const MODAL = 1 << 42;
        /// "in", "at": opens a phrase of time or place that may stand between a
        /// source and its verb ("Beck, who has in the past described").
        const PREPOSITION = 1 << 43;
        /// "to", "with": a name after it is spoken to or with, not the speaker;
        /// a cue after "to" is an infinitive with no source of its own.
        const OBJECT_LEAD = 1 << 44;
        /// A verb form of reported speech (German "sei", "habe"): a sentence
        /// with one goes on reporting what the last speaker said.
        const REPORTED = 1 << 45;
        /// A conjunction that opens a clause of its own after a comma ("…,
        /// while Trump calls him “Chris”"): its subject is that clause's.
        const SUBORDINATOR = 1 << 46;
        /// The finite auxiliary of a compound tense where the participle goes
        /// last (German "hat … gesagt"): it stands where the verb would.
        const FINITE_AUX = 1 << 47;
        /// The particle of a separable speech verb ("gab … bekannt"): a cue
        /// where it ends a clause with a finite form it goes with before it.
        const SEPARABLE = 1 << 48;
        /// A word that counts people and can stand for them: "Several said",
        /// "14 percent said", "Six in 10 said".
        const QUANTITY = 1 << 49;
        /// An article no subject takes (German "den", "dem", "einen"): the
        /// noun phrase it opens is an object, never who speaks.
        const OBLIQUE = 1 << 50;
        /// "ago": ends a phrase of time that counts back ("two weeks ago"), which
        /// may stand between a source and its verb.
        const AGO = 1 << 51;
        /// A word opening a sentence that points back at what was just said
        /// (German "Das sagte Wulf"): the cue after it credits the words
        /// before.
        const POINTS_BACK = 1 << 52;
    }
}

/// Grammatical gender as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
    Plural,
}

impl Gender {
    /// Whether something of gender `self` can be referred to by a pronoun of `other`.
    pub fn fits(self, pronoun: Gender) -> bool {
        match (self, pronoun) {
            (_, Gender::Unknown) | (Gender::Unknown, Gender::Male | Gender::Female) => true,
            (a, b) => a == b,
        }
    }

    fn parse(code: &str) -> Gender {
        match code {
            "m" | "male" => Gender::Male,
            "f" | "female" => Gender::Female,
            "plural" => Gender::Plural,
            _ => Gender::Unknown,
        }
    }
}

/// Lexical facts about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub flags: Flags,
    pub gender: Gender,
}

impl WordInfo {
    /// Whether the word has any of the flags in `f`.
    pub fn has(&self, f: Flags) -> bool {
        self.flags.intersects(f)
    }
}

/// Where the source of a cue phrase stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseSource {
    /// "according to Putin": the source follows.
    After,
    /// "in a statement": the sentence's subject.
    Subject,
    /// "Merkel zufolge": the name right before the phrase.
    Before,
}

/// Words a newsroom adds to the built-in lists in `copydesk.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Additions {
    /// Cue verbs, each with its forms on one line as the list has them
    /// ("opine opined opines opining").
    pub cue_verbs: Vec<String>,
    /// Title words, lowercase ("alderman", "comptroller").
    pub titles: Vec<String>,
    /// Phrases that make a description anonymous ("a person briefed on").
    pub anonymous_phrases: Vec<String>,
}

impl Additions {
    pub fn is_empty(&self) -> bool {
        self.cue_verbs.is_empty() && self.titles.is_empty() && self.anonymous_phrases.is_empty()
    }
}

#[derive(Clone)]
pub struct Lexicon {
    /// The language whose lists these are.
    pub language: Language,
    /// Every listed word, lowercase, apostrophes straight.
    words: FxHashMap<Box<str>, WordInfo>,
    places: FxHashSet<Box<str>>,
    organisations: FxHashSet<Box<str>>,
    /// Multi-word cue phrases, as lowercase word sequences (none empty).
    pub cue_phrases: Vec<(Vec<Box<str>>, PhraseSource)>,
    /// Speech verbs split in two (German "strich … heraus"): each particle
    /// with the finite forms it goes with, lowercase.
    pub split_verbs: FxHashMap<Box<str>, Vec<Box<str>>>,
    /// Word sequences right before an opening mark that make a quotation a term.
    pub term_before: Vec<Vec<Box<str>>>,
    /// Phrases that make a description an anonymous source, as words.
    pub anonymous_phrases: Vec<Vec<Box<str>>>,
    /// Word endings the analysis reads (adverbs, verb forms).
    pub suffixes: Suffixes,
    /// Given names and their short forms.
    pub nicknames: Nicknames,
    /// What the language does with its nouns, as its grammar list says.
    pub traits: grammar::Traits,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.words.len())
            .finish_non_exhaustive()
    }
}

/// The entries of a list: trimmed, without blank lines and comments.
fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word as the lexicon keys it: lowercase, typographic apostrophes straight.
/// Borrowed when it already is.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    if word.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
        Cow::Owned(word.replace('\u{2019}', "'").to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether a word, in any case, is a known given name ("ana", "Haley").
pub fn is_given_name(word: &str) -> bool {
    Lexicon::for_language(Language::English)
        .word(word)
        .has(Flags::GIVEN)
}

impl Lexicon {
    /// The built-in lexicon of a language, read once.
    pub fn for_language(language: Language) -> &'static Lexicon {
        static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
        static GERMAN: OnceLock<Lexicon> = OnceLock::new();
        static FRENCH: OnceLock<Lexicon> = OnceLock::new();
        let (cell, lists) = match language {
            Language::English => (&ENGLISH, &lists::ENGLISH),
            Language::German => (&GERMAN, &lists::GERMAN),
            Language::French => (&FRENCH, &lists::FRENCH),
        };
        cell.get_or_init(|| Lexicon::load(lists, language))
    }

    /// This lexicon with a newsroom's words added.
    pub fn with_additions(&self, additions: &Additions) -> Lexicon {
        let mut lex = self.clone();
        for line in &additions.cue_verbs {
            lex.add_cue_verb_forms(line);
        }
        for title in &additions.titles {
            lex.add(title, Flags::TITLE);
        }
        for phrase in &additions.anonymous_phrases {
            lex.add_anonymous_phrase(phrase);
        }
        lex
    }

    fn load(lists: &Lists, language: Language) -> Lexicon {
        let mut lex = Lexicon {
            language,
            words: FxHashMap::default(),
            places: FxHashSet::default(),
            organisations: FxHashSet::default(),
            cue_phrases: Vec::new(),
            split_verbs: FxHashMap::default(),
            term_before: Vec::new(),
            anonymous_phrases: Vec::new(),
            suffixes: Suffixes::default(),
            traits: grammar::Traits::default(),
            nicknames: Nicknames::load(entries(lists.nicknames)),
        };
        // First: the word endings it gives are read by the lists after it.
        grammar::load(&mut lex, lists.grammar);
        for line in entries(lists.cue_verbs) {
            lex.add_cue_verb_forms(line);
        }
        for form in entries(lists.headline_cues).flat_map(str::split_whitespace) {
            lex.add(form, Flags::HEADLINE_CUE);
        }
        for line in entries(lists.pronouns) {
            if let Some((word, kind)) = line.split_once(' ') {
                let kind = kind.trim();
                let flag = if kind == "relative" {
                    Flags::RELATIVE
                } else {
                    Flags::PRONOUN
                };
                lex.add(word, flag);
                lex.set_gender(word, Gender::parse(kind));
            }
        }
        for line in entries(lists.descriptions) {
            lex.add_with_gender(line, Flags::DESCRIPTION);
        }
        for line in entries(lists.anonymous) {
            if let Some(word) = line.strip_prefix("head ") {
                lex.add(word.trim(), Flags::ANONYMOUS);
            } else if let Some(phrase) = line.strip_prefix("phrase ") {
                lex.add_anonymous_phrase(phrase);
            }
        }
        for line in lists.given_names.iter().flat_map(|list| entries(list)) {
            let Some((gender, name)) = line.split_once(' ') else {
                continue;
            };
            let (gender, name) = (Gender::parse(gender), name.trim());
            let known = lex.word(name);
            lex.add(name, Flags::GIVEN);
            // A name listed under both genders tells nothing of either.
            let both = known.has(Flags::GIVEN) && known.gender != gender;
            lex.set_gender(name, if both { Gender::Unknown } else { gender });
        }
        for line in entries(lists.titles) {
            lex.add_with_gender(line, Flags::TITLE);
        }
        for &(list, flag) in lists.plain {
            for word in entries(list) {
                lex.add(word, flag);
            }
        }
        for line in entries(lists.term_signals) {
            if let Some(words) = line.strip_prefix("before ") {
                if let Some(last) = words.split_whitespace().last() {
                    lex.add(last, Flags::TERM_BEFORE_END);
                }
                lex.term_before
                    .push(words.split_whitespace().map(Box::from).collect());
            } else if let Some(word) = line.strip_prefix("after ") {
                lex.add(word.trim(), Flags::TERM_AFTER);
            }
        }
        for line in entries(lists.cue_phrases) {
            let (kind, words) = line.split_once(' ').unwrap_or(("", ""));
            let source = match kind {
                "after" => PhraseSource::After,
                "before" => PhraseSource::Before,
                _ => PhraseSource::Subject,
            };
            let words: Vec<Box<str>> = words.split_whitespace().map(Box::from).collect();
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                let (first, last) = (first.clone(), last.clone());
                lex.add(&first, Flags::PHRASE_START);
                lex.add(&last, Flags::PHRASE_END);
                lex.cue_phrases.push((words, source));
            }
        }
        for place in entries(lists.places) {
            lex.places.insert(place.into());
            lex.add_name(place, Flags::PLACE);
        }
        for org in entries(lists.organisations) {
            lex.organisations.insert(org.into());
            lex.add_name(org, Flags::ORGANISATION);
        }
        lex
    }

    fn add_cue_verb_forms(&mut self, line: &str) {
        for form in line.split_whitespace() {
            let participle = self.suffixes.is_participle(form);
            let flags = if participle {
                Flags::CUE | Flags::PARTICIPLE
            } else {
                Flags::CUE
            };
            self.add(form, flags);
        }
    }

    fn add_anonymous_phrase(&mut self, phrase: &str) {
        let words: Vec<Box<str>> = phrase
            .split_whitespace()
            .map(|w| Box::from(lowercase(w).as_ref()))
            .collect();
        if let Some(first) = words.first() {
            let first = first.clone();
            self.add(&first, Flags::ANONYMOUS_PHRASE_START);
            self.anonymous_phrases.push(words);
        }
    }

    /// `word gender` (the gender optional) with `flag`.
    fn add_with_gender(&mut self, line: &str, flag: Flags) {
        let mut parts = line.split_whitespace();
        let Some(word) = parts.next() else { return };
        self.add(word, flag);
        if let Some(g) = parts.next() {
            self.set_gender(word, Gender::parse(g));
        }
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words
            .entry(Box::from(lowercase(word).as_ref()))
            .or_default()
    }

    pub(super) fn add(&mut self, word: &str, flag: Flags) {
        self.entry(word).flags |= flag;
    }

    /// A place or organisation: a one-word name gets `one_word`; a longer one
    /// marks its first word as the tokeniser reads it ("u.s" of "u.s. virgin
    /// islands"), which is what a run's first token is looked up as.
    fn add_name(&mut self, name: &str, one_word: Flags) {
        if !name.contains(' ') {
            self.add(name, one_word);
            return;
        }
        let first = super::tokens::first_word(name);
        if !first.is_empty() {
            self.add(first, Flags::NAME_PHRASE_START);
        }
    }

    fn set_gender(&mut self, word: &str, g: Gender) {
        self.entry(word).gender = g;
    }

    /// Facts about `word` in any case.
    pub fn word(&self, word: &str) -> WordInfo {
        // Every word of a draft is looked up: a short ASCII word, the usual one,
        // is lowercased on the stack rather than into a new string.
        let mut buf = [0u8; 24];
        let key = match buf.get_mut(..word.len()) {
            Some(short) if word.is_ascii() => {
                short.copy_from_slice(word.as_bytes());
                short.make_ascii_lowercase();
                Cow::Borrowed(std::str::from_utf8(short).unwrap_or_default())
            }
            _ => lowercase(word),
        };
        match self.words.get(key.as_ref()) {
            Some(info) => *info,
            None if self.traits.nouns_compounded => self.compound_head(&key),
            None => WordInfo::default(),
        }
    }

    /// What a compound noun is by its last part, where nouns are compounded
    /// ("Regierungssprecher", "SPD-Innenexperte", "Bundesfinanzminister"): a
    /// description, title or anonymous source when its head is one. Heads of
    /// five letters or more, so "Hausfrau" takes no honorific.
    fn compound_head(&self, lower: &str) -> WordInfo {
        const MIN_HEAD: usize = 5;
        const FROM_HEAD: Flags = Flags::DESCRIPTION
            .union(Flags::TITLE)
            .union(Flags::ANONYMOUS);
        lower
            .char_indices()
            .skip(1)
            .map(|(i, _)| &lower[i..])
            .take_while(|head| head.chars().nth(MIN_HEAD - 1).is_some())
            .find_map(|head| {
                let info = self.words.get(head.trim_start_matches('-'))?;
                info.has(FROM_HEAD).then(|| WordInfo {
                    flags: info.flags & FROM_HEAD,
                    gender: info.gender,
                })
            })
            .unwrap_or_default()
    }

    /// Whether the lowercase phrase names a place.
    pub fn is_place(&self, lower_phrase: &str) -> bool {
        self.places.contains(lower_phrase)
    }

    /// Whether the lowercase phrase names an organisation, outlet or platform.
    pub fn is_organisation(&self, lower_phrase: &str) -> bool {
        self.organisations.contains(lower_phrase)
            || lower_phrase
                .strip_prefix("the ")
                .is_some_and(|p| self.organisations.contains(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static Lexicon {
        Lexicon::for_language(Language::English)
    }

    #[test]
    fn words_are_found_in_any_case_with_either_apostrophe() {
        assert_eq!(lowercase("O’Neil"), "o'neil");
        assert_eq!(lowercase("ÉLYSÉE"), "élysée");
        assert!(matches!(lowercase("said"), Cow::Borrowed(_)));
        let lex = english();
        assert!(lex.word("SAID").has(Flags::CUE));
        assert!(lex.word("Announced").has(Flags::CUE));
        assert!(lex.word("SPOKESWOMAN").has(Flags::DESCRIPTION));
    }

    #[test]
    fn lists_load_with_their_roles() {
        let lex = english();
        assert!(lex.word("Said").has(Flags::CUE));
        assert!(lex.word("saying").has(Flags::PARTICIPLE));
        assert!(!lex.word("said").has(Flags::PARTICIPLE));
        assert_eq!(lex.word("she").gender, Gender::Female);
        assert_eq!(lex.word("Vladimir").gender, Gender::Male);
        assert_eq!(lex.word("Karoline").gender, Gender::Female);
        assert!(lex.word("President").has(Flags::TITLE));
        assert!(lex.word("the").has(Flags::DETERMINER | Flags::THE));
        assert!(lex.word("but").has(Flags::COORDINATOR));
        assert!(lex.is_place("kyiv"));
        assert!(lex.is_organisation("truth social"));
        assert!(lex.is_organisation("the kremlin"));
        assert!(
            lex.cue_phrases
                .iter()
                .any(|(w, s)| w.len() == 2 && *s == PhraseSource::After)
        );
    }

    #[test]
    fn a_newsrooms_words_extend_a_copy_of_the_lexicon() {
        let additions = Additions {
            cue_verbs: vec!["harrumph harrumphed harrumphs harrumphing".into()],
            titles: vec!["Reeve".into()],
            anonymous_phrases: vec!["a person briefed on".into()],
        };
        let lex = english().with_additions(&additions);
        assert!(lex.word("harrumphed").has(Flags::CUE));
        assert!(lex.word("harrumphing").has(Flags::PARTICIPLE));
        assert!(lex.word("reeve").has(Flags::TITLE));
        assert!(
            lex.anonymous_phrases
                .iter()
                .any(|p| p.join(" ") == "a person briefed on")
        );
        assert!(!english().word("harrumphed").has(Flags::CUE));
    }

    #[test]
    fn every_language_parses_from_its_code() {
        for &language in Language::ALL {
            assert_eq!(Language::parse(language.code()), Some(language));
        }
        assert_eq!(Language::parse("xx"), None);
    }
}
