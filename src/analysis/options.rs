//! What the analysis is told besides the text.

use std::collections::HashMap;
use std::sync::Arc;

use super::lexicon::{Language, Lexicon};
use super::material::Material;
use super::model::LanguageOrigin;
use super::rules::{self, Severity};
use super::spelling::HouseName;
use crate::text::{Format, front_matter};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// The language set for the draft (by the house style or the editor), or
    /// `None` to take the front matter's or tell it from the text.
    pub language: Option<Language>,
    /// Where `language` was set.
    pub language_origin: LanguageOrigin,
    /// Per-rule severity overrides; `None` turns a rule off.
    pub rules: HashMap<String, Option<Severity>>,
    /// People the newsroom spells a set way.
    pub people: Vec<HouseName>,
    /// The word lists with a newsroom's additions (built once, from
    /// `copydesk.toml`); `None` for the built-in lists of `language`.
    pub words: Option<Arc<Lexicon>>,
    /// The sources the draft's quotations are checked against.
    pub material: Material,
}

impl Options {
    pub fn new(format: Format) -> Options {
        Options {
            format,
            ..Options::default()
        }
    }

    /// The word lists for a draft in `language`: the newsroom's, when they
    /// are of that language, else the built-in ones.
    pub fn lexicon(&self, language: Language) -> &Lexicon {
        match &self.words {
            Some(words) if words.language == language => words,
            _ => Lexicon::for_language(language),
        }
    }

    /// The language of `text` and how it was chosen: the front matter's
    /// `lang:`, else the one set in the options, else told from the words,
    /// else English.
    pub fn language_of(&self, text: &str) -> (Language, LanguageOrigin) {
        if let Some(l) = front_matter::value(text, self.format, "lang")
            .or_else(|| front_matter::value(text, self.format, "language"))
            .and_then(|code| Language::parse(&code))
        {
            return (l, LanguageOrigin::FrontMatter);
        }
        if let Some(l) = self.language {
            return (l, self.language_origin);
        }
        match Language::detect(text) {
            Some(l) => (l, LanguageOrigin::Detected),
            None => (Language::default(), LanguageOrigin::Default),
        }
    }

    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(s) => *s,
            None => rules::find(rule).map(|r| r.severity),
        }
    }
}
