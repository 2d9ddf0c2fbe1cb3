//! The languages copydesk has word lists for, and telling a draft's language
//! from its text.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The language a draft is written in, which picks its word lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize)]
#[serde(into = "&'static str")]
pub enum Language {
    #[default]
    English,
    German,
    French,
}

impl From<Language> for &'static str {
    fn from(l: Language) -> &'static str {
        l.code()
    }
}

impl Language {
    /// The ISO 639-1 code: what `copydesk.toml` and the output use.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
        }
    }

    /// Its name in English, for a hover or a quote sheet.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::German => "German",
            Language::French => "French",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        // A region ("de-CH", "fr_CA") picks the language's lists.
        let lang = code.split(['-', '_']).next().unwrap_or(code);
        match lang.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Language::English),
            "de" | "german" | "deutsch" => Some(Language::German),
            "fr" | "french" | "français" | "francais" => Some(Language::French),
            _ => None,
        }
    }

    pub const ALL: &'static [Language] = &[Language::English, Language::German, Language::French];

    /// The language most of a text's words belong to, by a vote of each
    /// language's commonest words (`<lang>/function_words.txt`); `None` when
    /// too few of them are there to tell.
    pub fn detect(text: &str) -> Option<Language> {
        const ENOUGH: usize = 5;
        const CLEAR: usize = 30;
        let words = function_words();
        let mut votes = [0usize; 3];
        // The opening of a long text tells as well as all of it.
        let sample = match text.char_indices().nth(20_000) {
            Some((i, _)) => &text[..i],
            None => text,
        };
        for word in sample
            .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            // Borrowed when already lowercase, as most words are.
            let lower = super::lowercase(word);
            if let Some(&l) = words.get(lower.as_ref()) {
                votes[l as usize] += 1;
                // Once one language leads plainly, the rest will not change it
                // (and the check stays cheap on every keystroke).
                let mut sorted = votes;
                sorted.sort_unstable();
                if sorted[2] >= CLEAR && sorted[2] >= 3 * sorted[1] {
                    break;
                }
            }
        }
        let (best, &most) = votes
            .iter()
            .enumerate()
            .max_by_key(|(i, v)| (**v, std::cmp::Reverse(*i)))?;
        (most >= ENOUGH).then(|| Language::ALL[best])
    }
}

/// Each language's commonest words, as one table (a word in two lists is left out).
fn function_words() -> &'static FxHashMap<&'static str, Language> {
    static WORDS: OnceLock<FxHashMap<&'static str, Language>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let lists = [
            (Language::English, include_str!("en/function_words.txt")),
            (Language::German, include_str!("de/function_words.txt")),
            (Language::French, include_str!("fr/function_words.txt")),
        ];
        let mut seen: FxHashMap<&'static str, Option<Language>> = FxHashMap::default();
        for (language, list) in lists {
            for word in list
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
            {
                let entry = seen.entry(word).or_insert(Some(language));
                if *entry != Some(language) {
                    *entry = None;
                }
            }
        }
        seen.into_iter()
            .filter_map(|(w, l)| Some((w, l?)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_s_language_is_told_by_its_commonest_words() {
        let en = "The mayor said the council would vote on the plan and that it was time.";
        let de =
            "Die Bürgermeisterin sagte, der Rat werde über den Plan abstimmen, und es sei Zeit.";
        let fr = "La maire a déclaré que le conseil voterait sur le projet et qu’il était temps.";
        assert_eq!(Language::detect(en), Some(Language::English));
        assert_eq!(Language::detect(de), Some(Language::German));
        assert_eq!(Language::detect(fr), Some(Language::French));
        // Mostly German with an English quotation: German.
        let mixed = format!("{de} „We will win,“ sagte sie. {de}");
        assert_eq!(Language::detect(&mixed), Some(Language::German));
        assert_eq!(Language::detect("Hale, 2024."), None);
    }

    #[test]
    fn codes_with_a_region_name_the_language() {
        assert_eq!(Language::parse("de-CH"), Some(Language::German));
        assert_eq!(Language::parse("fr_CA"), Some(Language::French));
        assert_eq!(Language::parse("xx"), None);
    }
}
