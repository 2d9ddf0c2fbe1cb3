//! Editor settings under `copydesk`, from `initializationOptions`,
//! `workspace/configuration` or `workspace/didChangeConfiguration`:
//!
//! ```json
//! { "rules": { "first-reference": "off", "unattributed-quote": "error" },
//!   "enabledRules": ["unattributed-quote", "name-spelling"],
//!   "languages": ["markdown", "plaintext", "text"],
//!   "draftLanguage": "de",
//!   "debounceMs": 50,
//!   "maxDocumentBytes": 5000000 }
//! ```
//!
//! A value that cannot be used is reported and left at its default; the rest
//! still applies, so one typo does not switch the checker off.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;

use crate::analysis::Language;
use crate::analysis::rules::{self, Severity};

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Rule settings over the house style: a severity, or `None` for off.
    pub rules: HashMap<String, Option<Severity>>,
    pub languages: Vec<String>,
    /// The language drafts are written in, under the house style's and the
    /// front matter's; `None` tells it from each draft's words.
    pub draft_language: Option<Language>,
    pub debounce: Duration,
    pub max_document_bytes: usize,
}

pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(50);
pub const DEFAULT_MAX_BYTES: usize = crate::text::MAX_DRAFT_BYTES;

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rules: HashMap::new(),
            languages: vec!["markdown".into(), "plaintext".into(), "text".into()],
            draft_language: None,
            debounce: DEFAULT_DEBOUNCE,
            max_document_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

impl Settings {
    /// Reads settings from the `copydesk` object (or from an object holding one
    /// under `copydesk`). Returns the settings and a message per value ignored.
    pub fn from_json(value: &Value) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut problems = Vec::new();
        let value = value.get("copydesk").unwrap_or(value);
        let Some(obj) = value.as_object() else {
            if !value.is_null() {
                problems.push("copydesk settings should be an object".to_string());
            }
            return (s, problems);
        };
        if let Some(enabled) = obj.get("enabledRules").filter(|v| !v.is_null()) {
            match enabled.as_array() {
                Some(list) => {
                    let ids: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                    for id in &ids {
                        if rules::find(id).is_none() {
                            problems.push(format!("unknown rule `{id}` in copydesk.enabledRules"));
                        }
                    }
                    for r in rules::ALL {
                        if !ids.contains(&r.code) {
                            s.rules.insert(r.code.to_string(), None);
                        }
                    }
                }
                None => problems.push("copydesk.enabledRules should be a list of rule ids".into()),
            }
        }
        if let Some(map) = obj.get("rules").and_then(Value::as_object) {
            for (id, setting) in map {
                if rules::find(id).is_none() {
                    problems.push(format!("unknown rule `{id}` in copydesk.rules"));
                    continue;
                }
                match setting.as_str() {
                    Some("off") => {
                        s.rules.insert(id.clone(), None);
                    }
                    Some(other) => match Severity::parse(other) {
                        Some(sev) => {
                            s.rules.insert(id.clone(), Some(sev));
                        }
                        None => problems.push(format!(
                            "`{other}` is not a setting for `{id}`; use error, warning, information, hint or off"
                        )),
                    },
                    None => problems.push(format!("copydesk.rules.{id} should be a string")),
                }
            }
        }
        if let Some(langs) = obj.get("languages").filter(|v| !v.is_null()) {
            match langs.as_array() {
                Some(list) => {
                    s.languages = list
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                }
                None => problems.push("copydesk.languages should be a list of language ids".into()),
            }
        }
        if let Some(lang) = obj.get("draftLanguage").filter(|v| !v.is_null()) {
            match lang.as_str() {
                Some("" | "auto") => s.draft_language = None,
                Some(code) => match Language::parse(code) {
                    Some(l) => s.draft_language = Some(l),
                    None => {
                        let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
                        problems.push(format!(
                            "unknown copydesk.draftLanguage `{code}`; the languages are {} (or auto)",
                            known.join(", ")
                        ))
                    }
                },
                None => problems.push("copydesk.draftLanguage should be a language code".into()),
            }
        }
        if let Some(ms) = obj.get("debounceMs").filter(|v| !v.is_null()) {
            match ms.as_u64() {
                Some(ms) => s.debounce = Duration::from_millis(ms.min(10_000)),
                None => problems.push("copydesk.debounceMs should be a whole number".into()),
            }
        }
        if let Some(max) = obj.get("maxDocumentBytes").filter(|v| !v.is_null()) {
            match max.as_u64() {
                Some(max) => s.max_document_bytes = max as usize,
                None => problems.push("copydesk.maxDocumentBytes should be a whole number".into()),
            }
        }
        (s, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_every_setting_and_reports_bad_ones() {
        let (s, problems) = Settings::from_json(&json!({"copydesk": {
            "rules": {"first-reference": "off", "unattributed-quote": "error", "nope": "hint", "name-spelling": "loud"},
            "languages": ["markdown"],
            "debounceMs": 0,
            "maxDocumentBytes": 100
        }}));
        assert_eq!(s.rules["first-reference"], None);
        assert_eq!(s.rules["unattributed-quote"], Some(Severity::Error));
        assert!(!s.rules.contains_key("name-spelling"));
        assert_eq!(s.languages, vec!["markdown".to_string()]);
        assert_eq!(s.debounce, Duration::ZERO);
        assert_eq!(s.max_document_bytes, 100);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn enabled_rules_turn_the_others_off() {
        let (s, problems) = Settings::from_json(&json!({"enabledRules": ["unattributed-quote"]}));
        assert!(problems.is_empty());
        assert_eq!(s.rules["name-spelling"], None);
        assert!(!s.rules.contains_key("unattributed-quote"));
        assert_eq!(Settings::from_json(&Value::Null).0, Settings::default());
    }
}
