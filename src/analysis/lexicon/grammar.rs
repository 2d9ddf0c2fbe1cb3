//! The grammar list: small words by their role in a sentence, and the word
//! endings the analysis reads.

use super::{Flags, Lexicon, entries};

/// Word endings, as the grammar list gives them.
#[derive(Debug, Clone, Default)]
pub struct Suffixes {
    /// The possessive ending of a name ("’s").
    pub possessive: Vec<Box<str>>,
    /// A cue verb's participle form ("saying").
    pub participle: Vec<Box<str>>,
    /// An adverb that may stand between a source and its verb ("repeatedly").
    pub adverb: Vec<Box<str>>,
    /// A sentence's first word that opens a clause before the subject.
    pub clause_opener: Vec<Box<str>>,
    /// A capitalised word ending so is not a name ("Putting", "Finally").
    pub not_a_name: Vec<Box<str>>,
    /// A word ending so names a person by age ("the 46-year-old").
    pub person_by_age: Vec<Box<str>>,
    /// Endings that make a word from a name ("Clintons", "Trumpian").
    pub name_derived: Vec<Box<str>>,
    /// Endings a word inflects by, so either of two words differing by one is
    /// the other's form ("Neuwahl", "Neuwahlen"): for languages whose nouns
    /// take capitals and endings, where a plural is no second spelling.
    pub inflected: Vec<Box<str>>,
    /// A contraction's ending ("We’ve").
    pub contraction: Vec<Box<str>>,
    /// Endings only a noun has, in a language that capitalises nouns
    /// ("Bedrohung", "Minderheit"): a word with one is no name.
    pub noun: Vec<Box<str>>,
}

/// What a language does with its nouns, where it matters to reading names.
#[derive(Debug, Clone, Copy, Default)]
pub struct Traits {
    /// Every noun is capitalised (German): a capital is no sign of a name,
    /// nor a run of capitals of a title.
    pub nouns_capitalised: bool,
    /// Compound nouns are one word (German): a word's last part says what it
    /// is ("Regierungssprecher" is a "Sprecher").
    pub nouns_compounded: bool,
}

fn ends_in(endings: &[Box<str>], word: &str) -> bool {
    endings.iter().any(|e| word.ends_with(e.as_ref()))
}

impl Suffixes {
    /// Where `word`'s stem ends: before a possessive ending, in any case, if it
    /// has one and something is left.
    pub fn possessive_stem(&self, word: &str) -> usize {
        self.possessive
            .iter()
            .find_map(|e| {
                let at = word.len().checked_sub(e.len()).filter(|&at| at > 0)?;
                let tail = word.get(at..)?.chars().flat_map(char::to_lowercase);
                tail.eq(e.chars()).then_some(at)
            })
            .unwrap_or(word.len())
    }

    pub fn is_participle(&self, word: &str) -> bool {
        ends_in(&self.participle, word)
    }

    /// "repeatedly": an adverb by its ending.
    pub fn is_adverb(&self, word: &str) -> bool {
        ends_in(&self.adverb, word)
    }

    /// "Speaking", "Asked": a first word that opens a clause before the subject.
    pub fn opens_clause(&self, word: &str) -> bool {
        ends_in(&self.clause_opener, word)
    }

    /// "46-year-old": a person named by age.
    pub fn names_by_age(&self, word: &str) -> bool {
        ends_in(&self.person_by_age, word)
    }

    /// "Putting", "Finally": a verb or an adverb by its ending, not a name.
    pub fn not_a_name(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        ends_in(&self.not_a_name, &lower) || ends_in(&self.contraction, &lower)
    }

    /// Whether `word` ends like a noun and is long enough not to be a short
    /// name that happens to end so ("Jung").
    pub fn is_noun(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.noun.iter().any(|e| {
            lower
                .strip_suffix(e.as_ref())
                .is_some_and(|stem| stem.chars().count() >= 3)
        })
    }

    /// Whether two words are forms of one by their inflecting endings: one is
    /// the other with an ending ("Neuwahl", "Neuwahlen"), or both are one stem
    /// of four letters or more with two endings ("Ghanas", "Ghanaer").
    pub fn inflected(&self, a: &str, b: &str) -> bool {
        let stems = |word| self.stems(word);
        a != b
            && stems(a)
                .any(|sa| (sa == b || sa.chars().count() >= 4) && stems(b).any(|sb| sa == sb))
    }

    /// `word` and what is left of it without each inflecting ending it has.
    fn stems<'w>(&'w self, word: &'w str) -> impl Iterator<Item = &'w str> + 'w {
        std::iter::once(word).chain(
            self.inflected
                .iter()
                .filter_map(move |e| word.strip_suffix(e.as_ref())),
        )
    }

    /// Whether `word` is made from `name` by a derivational ending ("Trumpian"
    /// from "Trump"), compared folded.
    pub fn derived_from(&self, word: &str, name: &str) -> bool {
        // An ending that repeats the name's last letter is a doubled letter
        // ("Gibbss"), not an ending.
        word.strip_prefix(name).is_some_and(|rest| {
            self.name_derived.iter().any(|e| e.as_ref() == rest)
                && rest.chars().next() != name.chars().next_back()
        })
    }
}

/// The flags a role gives its words.
fn role_flags(role: &str) -> Option<Flags> {
    Some(match role {
        "determiner" => Flags::DETERMINER,
        "the" => Flags::THE | Flags::NAME_PHRASE_START,
        "coordinator" => Flags::COORDINATOR,
        "time-lead" => Flags::TIME_LEAD,
        "progressive" => Flags::PROGRESSIVE,
        "phrase-break" => Flags::PHRASE_BREAK,
        "naming-verb" => Flags::NAMING_VERB,
        "speaker-lead" => Flags::SPEAKER_LEAD,
        "what-which" => Flags::WHAT_WHICH,
        "name-joiner" => Flags::NAME_JOINER,
        "of" => Flags::OF,
        "tells" => Flags::TELLS,
        "clause-word" => Flags::CLAUSE_WORD,
        "honorific" => Flags::HONORIFIC,
        "agent" => Flags::AGENT,
        "be" => Flags::BE,
        "modal" => Flags::MODAL,
        "preposition" => Flags::PREPOSITION,
        "object-lead" => Flags::OBJECT_LEAD,
        "reported-speech" => Flags::REPORTED,
        "subordinator" => Flags::SUBORDINATOR,
        "finite-aux" => Flags::FINITE_AUX,
        "quantity" => Flags::QUANTITY,
        "oblique" => Flags::OBLIQUE,
        "ago" => Flags::AGO,
        "points-back" => Flags::POINTS_BACK,
        _ => return None,
    })
}

/// Reads the grammar list into `lex`. A line with a role this code does not know
/// is a mistake in the list, caught by the tests.
pub(super) fn load(lex: &mut Lexicon, list: &str) {
    for line in entries(list) {
        let mut words = line.split_whitespace();
        let Some(role) = words.next() else { continue };
        let endings = |words: std::str::SplitWhitespace| words.map(Box::from).collect();
        match role {
            "suffix-possessive" => lex.suffixes.possessive = endings(words),
            "suffix-participle" => lex.suffixes.participle = endings(words),
            "suffix-adverb" => lex.suffixes.adverb = endings(words),
            "suffix-clause-opener" => lex.suffixes.clause_opener = endings(words),
            "suffix-not-a-name" => lex.suffixes.not_a_name = endings(words),
            "suffix-person-by-age" => lex.suffixes.person_by_age = endings(words),
            "suffix-name-derived" => lex.suffixes.name_derived = endings(words),
            "suffix-inflected" => lex.suffixes.inflected = endings(words),
            "suffix-contraction" => lex.suffixes.contraction = endings(words),
            "suffix-noun" => lex.suffixes.noun = endings(words),
            // "split-verb heraus strich streicht": the particle, then the
            // finite forms of the verb it ends.
            "split-verb" => {
                let Some(particle) = words.next() else {
                    continue;
                };
                lex.add(particle, Flags::SEPARABLE);
                lex.split_verbs
                    .entry(Box::from(particle))
                    .or_default()
                    .extend(words.map(Box::from));
            }
            "trait" => {
                for word in words {
                    match word {
                        "nouns-capitalised" => lex.traits.nouns_capitalised = true,
                        "nouns-compounded" => lex.traits.nouns_compounded = true,
                        _ => debug_assert!(false, "unknown trait in the grammar list: {word}"),
                    }
                }
            }
            _ => {
                let Some(flags) = role_flags(role) else {
                    debug_assert!(false, "unknown role in the grammar list: {role}");
                    continue;
                };
                for word in words {
                    lex.add(word, flags);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_of_every_grammar_list_is_known() {
        for list in [
            include_str!("en/grammar.txt"),
            include_str!("de/grammar.txt"),
            include_str!("fr/grammar.txt"),
        ] {
            for line in entries(list) {
                let role = line.split_whitespace().next().unwrap_or_default();
                assert!(
                    role.starts_with("suffix-")
                        || matches!(role, "trait" | "split-verb")
                        || role_flags(role).is_some(),
                    "{role}"
                );
            }
        }
    }
}
