//! What the analysis is told besides the text.

use std::collections::HashMap;
use std::sync::Arc;

use super::lexicon::{Language, Lexicon};
use super::material::Material;
use super::rules::{self, Severity};
use super::spelling::HouseName;
use crate::text::Format;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    pub language: Language,
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

    /// The word lists the analysis reads.
    pub fn lexicon(&self) -> &Lexicon {
        match &self.words {
            Some(words) => words,
            None => Lexicon::for_language(self.language),
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
