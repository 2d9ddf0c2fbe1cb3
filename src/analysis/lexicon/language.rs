//! The languages copydesk has word lists for.

/// The language a draft is written in, which picks its word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Language {
    #[default]
    English,
}

impl Language {
    /// The ISO 639-1 code: what `copydesk.toml` and the output use.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        match code.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Language::English),
            _ => None,
        }
    }

    pub const ALL: &'static [Language] = &[Language::English];
}
