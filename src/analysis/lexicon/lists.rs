//! Where each language's lists are: one folder per language, the same files in
//! each (a list a language does not need is a file of comments).

use super::Flags;

/// The lists of one language, as the files hold them.
pub struct Lists {
    pub cue_verbs: &'static str,
    pub headline_cues: &'static str,
    pub cue_phrases: &'static str,
    pub pronouns: &'static str,
    pub descriptions: &'static str,
    pub anonymous: &'static str,
    pub given_names: &'static [&'static str],
    pub nicknames: &'static str,
    pub titles: &'static str,
    pub term_signals: &'static str,
    pub places: &'static str,
    pub organisations: &'static str,
    pub grammar: &'static str,
    /// Lists whose every entry takes one flag.
    pub plain: &'static [(&'static str, Flags)],
}

/// A language's lists from its folder; `given` adds given-name lists.
macro_rules! lists_of {
    ($dir:literal, given: [$($given:literal),*]) => {
        Lists {
            cue_verbs: include_str!(concat!($dir, "/cue_verbs.txt")),
            headline_cues: include_str!(concat!($dir, "/headline_cues.txt")),
            cue_phrases: include_str!(concat!($dir, "/cue_phrases.txt")),
            pronouns: include_str!(concat!($dir, "/pronouns.txt")),
            descriptions: include_str!(concat!($dir, "/descriptions.txt")),
            anonymous: include_str!(concat!($dir, "/anonymous.txt")),
            given_names: &[$(include_str!($given)),*],
            nicknames: include_str!(concat!($dir, "/nicknames.txt")),
            titles: include_str!(concat!($dir, "/titles.txt")),
            term_signals: include_str!(concat!($dir, "/term_signals.txt")),
            places: include_str!(concat!($dir, "/places.txt")),
            organisations: include_str!(concat!($dir, "/organisations.txt")),
            grammar: include_str!(concat!($dir, "/grammar.txt")),
            plain: &[
                (include_str!(concat!($dir, "/modifiers.txt")), Flags::MODIFIER),
                (include_str!(concat!($dir, "/adjectives.txt")), Flags::ADJECTIVE),
                (include_str!(concat!($dir, "/stopwords.txt")), Flags::STOP),
                (include_str!(concat!($dir, "/days_months.txt")), Flags::DAY_MONTH),
                (include_str!(concat!($dir, "/aux.txt")), Flags::AUX),
                (include_str!(concat!($dir, "/org_words.txt")), Flags::ORG_WORD),
                (include_str!(concat!($dir, "/abbreviations.txt")), Flags::ABBREVIATION),
                (include_str!(concat!($dir, "/elisions.txt")), Flags::ELISION),
                (include_str!(concat!($dir, "/particles.txt")), Flags::PARTICLE),
            ],
        }
    };
}

pub const ENGLISH: Lists =
    lists_of!("en", given: ["en/given_names.txt", "en/given_names_more.txt"]);

// Given names travel: a German or French story names people from everywhere.
pub const GERMAN: Lists = lists_of!(
    "de",
    given: ["de/given_names.txt", "en/given_names.txt", "en/given_names_more.txt"]
);

pub const FRENCH: Lists = lists_of!(
    "fr",
    given: ["fr/given_names.txt", "en/given_names.txt", "en/given_names_more.txt"]
);
