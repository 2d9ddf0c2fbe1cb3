//! `copydesk.toml`: the newsroom's house style.
//!
//! A config is read whole or not at all: an unknown key, a wrong type, an unknown
//! rule or severity is an error naming the file, line and column, and nothing is
//! checked with a half-read config.
//!
//! ```toml
//! [[people]]
//! name = "Volodymyr Zelensky"
//! title = "President of Ukraine"
//! variants = ["Zelenskyy", "Zelenskiy", "Selenskyj"]
//!
//! [rules]
//! unattributed-quote = "error"
//! first-reference = "off"
//!
//! [words]
//! cue-verbs = ["opine opined opines opining"]
//! titles = ["alderman"]
//! anonymous = ["a person briefed on"]
//!
//! [sources]
//! "stories/bridge/*.md" = ["notes/bridge/**"]
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Options;
use crate::analysis::lexicon::{Additions, Language, Lexicon};
use crate::analysis::rules::{self, Severity};
use crate::analysis::spelling::HouseName;
use crate::text::LineIndex;

/// The file name looked up from a draft's folder upwards.
pub const FILE_NAME: &str = "copydesk.toml";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Where it was read from, if from a file.
    pub path: Option<PathBuf>,
    pub people: Vec<HouseName>,
    /// Rule settings: a severity, or `None` for "off".
    pub rules: HashMap<String, Option<Severity>>,
    /// The drafts' language, when the house style sets one.
    pub language: Option<Language>,
    pub words: Words,
    /// `[sources]`: for drafts matching a pattern, the source material their
    /// quotations are checked against. Patterns are relative to the config's folder.
    pub sources: Vec<SourceMap>,
}

/// One line of `[sources]`: `"stories/bridge/*.md" = ["notes/bridge/**"]`.
#[derive(Debug, Clone)]
pub struct SourceMap {
    /// The drafts' pattern, compiled once when the config is read.
    pub drafts: globset::GlobMatcher,
    pub material: Vec<String>,
}

impl PartialEq for SourceMap {
    fn eq(&self, other: &SourceMap) -> bool {
        self.drafts.glob() == other.drafts.glob() && self.material == other.material
    }
}

/// The newsroom's additions to the word lists, and the lists built with them
/// once, so every analysis under this config shares them.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub additions: Additions,
    lexicon: Option<Arc<Lexicon>>,
}

impl Words {
    pub fn new(language: Language, additions: Additions) -> Words {
        let lexicon = (!additions.is_empty())
            .then(|| Arc::new(Lexicon::for_language(language).with_additions(&additions)));
        Words { additions, lexicon }
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.additions == other.additions
    }
}

impl Config {
    /// Analysis options for a draft in `format` under this config.
    pub fn options(&self, format: crate::text::Format) -> Options {
        Options {
            format,
            language: self.language,
            language_origin: crate::analysis::model::LanguageOrigin::Config,
            rules: self.rules.clone(),
            people: self.people.clone(),
            words: self.words.lexicon.clone(),
            material: Default::default(),
        }
    }
}

/// A config that cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<Spanned<String>>,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    words: RawWords,
    #[serde(default)]
    sources: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// `[words]`: what a newsroom adds to the built-in word lists.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWords {
    /// A verb's forms on one line each: "opine opined opines opining".
    #[serde(default)]
    cue_verbs: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    anonymous: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    title: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
}

fn error_at(path: &Path, text: &str, span: Option<Range<usize>>, message: String) -> ConfigError {
    let at = span.map_or(0, |s| s.start);
    let (line, column) = LineIndex::new(text).line_col(text, at);
    ConfigError {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// Parses a config's text; `path` is only used in error messages.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end().replace('\n', " ");
        error_at(path, text, e.span(), message)
    })?;
    let mut rules_out = HashMap::new();
    for (key, value) in raw.rules {
        if rules::find(key.get_ref()).is_none() {
            let known: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
            return Err(error_at(
                path,
                text,
                Some(key.span()),
                format!(
                    "unknown rule `{}`; the rules are {}",
                    key.get_ref(),
                    known.join(", ")
                ),
            ));
        }
        let setting = match value.get_ref().as_str() {
            "off" => None,
            other => match Severity::parse(other) {
                Some(s) => Some(s),
                None => {
                    return Err(error_at(
                        path,
                        text,
                        Some(value.span()),
                        format!(
                            "`{}` is not a setting for `{}`; use error, warning, information, hint or off",
                            other,
                            key.get_ref()
                        ),
                    ));
                }
            },
        };
        rules_out.insert(key.into_inner(), setting);
    }
    let mut people = Vec::new();
    for p in raw.people {
        if p.name.get_ref().split_whitespace().count() < 2 {
            return Err(error_at(
                path,
                text,
                Some(p.name.span()),
                format!(
                    "`{}` should be a full name (given name and surname)",
                    p.name.get_ref()
                ),
            ));
        }
        people.push(HouseName {
            // Composed like the story's spellings, so a decomposed accent in the
            // file is not a different spelling.
            name: crate::text::spaced(p.name.get_ref()).into_owned(),
            title: p.title,
            variants: p.variants,
        });
    }
    let language = match raw.language {
        None => None,
        Some(code) => Some(Language::parse(code.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
            error_at(
                path,
                text,
                Some(code.span()),
                format!(
                    "unknown language `{}`; the languages are {}",
                    code.get_ref(),
                    known.join(", ")
                ),
            )
        })?),
    };
    let blank = |list: &[String]| list.iter().any(|w| w.trim().is_empty());
    let w = raw.words;
    if blank(&w.cue_verbs) || blank(&w.titles) || blank(&w.anonymous) {
        return Err(error_at(
            path,
            text,
            None,
            "an entry of [words] is empty; give the words or leave the entry out".into(),
        ));
    }
    let additions = Additions {
        cue_verbs: w.cue_verbs,
        titles: w.titles,
        anonymous_phrases: w.anonymous,
    };
    let mut sources = Vec::new();
    for (drafts, material) in raw.sources {
        let mut globs = Vec::new();
        for pattern in std::iter::once(&drafts).chain(&material) {
            match globset::Glob::new(pattern.get_ref()) {
                Ok(glob) => globs.push(glob),
                Err(e) => {
                    return Err(error_at(
                        path,
                        text,
                        Some(pattern.span()),
                        format!(
                            "`{}` is not a file pattern: {}",
                            pattern.get_ref(),
                            e.kind()
                        ),
                    ));
                }
            }
        }
        sources.push(SourceMap {
            drafts: globs[0].compile_matcher(),
            material: material.into_iter().map(Spanned::into_inner).collect(),
        });
    }
    Ok(Config {
        path: Some(path.to_path_buf()),
        sources,
        people,
        rules: rules_out,
        language,
        words: Words::new(language.unwrap_or_default(), additions),
    })
}

/// Reads and parses a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!("cannot read the config: {e}"),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    })?;
    parse(&text, path)
}

/// The nearest `copydesk.toml` in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let mut dir = Some(dir);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(text, Path::new("copydesk.toml"))
    }

    #[test]
    fn reads_people_and_rules() {
        let c = parse_str(
            "[[people]]\nname = \"Volodymyr Zelensky\"\ntitle = \"President of Ukraine\"\nvariants = [\"Zelenskyy\"]\n\n[rules]\nunattributed-quote = \"error\"\nfirst-reference = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.people[0].name, "Volodymyr Zelensky");
        assert_eq!(c.people[0].variants, vec!["Zelenskyy".to_string()]);
        assert_eq!(c.rules["unattributed-quote"], Some(Severity::Error));
        assert_eq!(c.rules["first-reference"], None);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse_str("[[people]]\nnme = \"Volodymyr Zelensky\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("nme"), "{e}");

        let e = parse_str("[rules]\nunattributed-quote = 3\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");

        let e = parse_str("[rules]\nunatributed-quote = \"error\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("unknown rule"), "{e}");

        let e = parse_str("[rules]\nunattributed-quote = \"loud\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 22), "{e}");

        let e = parse_str("language = \"xx\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 12), "{e}");
        assert!(e.message.contains("unknown language"), "{e}");

        let e = parse_str("[words]\ncue_verbs = [\"opine\"]\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");

        let e = parse_str("[rules\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(e.to_string().starts_with("copydesk.toml:1:"), "{e}");
    }

    #[test]
    fn a_newsrooms_words_reach_the_analysis() {
        use crate::analysis::analyze;
        use crate::text::Format;
        let text = "“The levy must go,” Reeve Okafor harrumphed.";
        let plain = analyze(text, &Config::default().options(Format::PlainText));
        assert!(
            !plain.quotes[0].attributed(),
            "harrumphed is no cue verb out of the box"
        );
        let c = parse_str(
            "[words]\ncue-verbs = [\"harrumph harrumphed harrumphs harrumphing\"]\ntitles = [\"reeve\"]\n",
        )
        .unwrap();
        let a = analyze(text, &c.options(Format::PlainText));
        assert_eq!(a.speaker_name(&a.quotes[0]), Some("Okafor"));
        assert_eq!(a.people[0].titles, ["Reeve"]);
        assert!(plain.people.is_empty());
    }
}
