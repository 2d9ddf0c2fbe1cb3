//! The rules copydesk reports, with their ids and default severities.
//!
//! Rule ids are stable: they appear in output, in `copydesk.toml`, in ignore
//! comments and as anchors in the README.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Information,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

pub const UNATTRIBUTED_QUOTE: &str = "unattributed-quote";
pub const UNBALANCED_QUOTE: &str = "unbalanced-quote";
pub const ANONYMOUS_SOURCE: &str = "anonymous-source";
pub const NAME_SPELLING: &str = "name-spelling";
pub const FIRST_REFERENCE: &str = "first-reference";

pub const RULES: &[Rule] = &[
    Rule {
        id: UNATTRIBUTED_QUOTE,
        severity: Severity::Warning,
        summary: "A quotation nobody is credited with: no one said, told, wrote or posted it.",
    },
    Rule {
        id: UNBALANCED_QUOTE,
        severity: Severity::Warning,
        summary: "A quotation mark with no partner, not explained by a quotation running over several paragraphs.",
    },
    Rule {
        id: ANONYMOUS_SOURCE,
        severity: Severity::Information,
        summary: "A quotation whose only source is anonymous (\"a source familiar with the matter\", \"officials said\").",
    },
    Rule {
        id: NAME_SPELLING,
        severity: Severity::Warning,
        summary: "A person's name spelled differently from the story's (or the house list's) spelling of the same person.",
    },
    Rule {
        id: FIRST_REFERENCE,
        severity: Severity::Hint,
        summary: "A person's first mention gives only the surname while the full name comes later.",
    },
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
