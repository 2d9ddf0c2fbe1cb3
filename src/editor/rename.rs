//! Renaming a person: every mention, every spelling, possessives kept.

use std::ops::Range;

use crate::analysis::spelling::fold;
use crate::analysis::{Analysis, Edit};

/// A mention without a possessive ending: "Putin’s" → "Putin", "Harris'" → "Harris".
pub fn without_possessive(text: &str, span: &Range<usize>) -> Range<usize> {
    let s = text.get(span.clone()).unwrap_or("");
    for suffix in ["’s", "'s", "’S", "'S", "’", "'"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            if !stem.is_empty() {
                return span.start..span.start + stem.len();
            }
        }
    }
    span.clone()
}

/// Why a new name cannot be used.
pub fn check_new_name(new_name: &str) -> Result<(), String> {
    if new_name.trim().is_empty() {
        return Err("The new name is empty.".into());
    }
    if new_name.contains(['\n', '\r', '“', '”', '"', '«', '»']) {
        return Err("A name cannot hold a line break or a quotation mark.".into());
    }
    Ok(())
}

/// The edits that rename person `p` to `new_name`: a mention of the full name (in
/// any spelling) becomes the new full name, a mention of the surname alone the
/// new surname, of the given name alone the new given name. A one-word new name
/// replaces the surname only, wherever it stands.
pub fn rename_edits(
    a: &Analysis,
    text: &str,
    p: usize,
    new_name: &str,
) -> Result<Vec<Edit>, String> {
    check_new_name(new_name)?;
    let person = a.people.get(p).ok_or("No such person.")?;
    let new_words: Vec<&str> = new_name.split_whitespace().collect();
    let new_full = new_words.join(" ");
    let new_last = *new_words.last().unwrap_or(&"");
    let old_first = fold(person.name.split_whitespace().next().unwrap_or(""));
    let old_last = fold(person.name.split_whitespace().last().unwrap_or(""));
    let mut edits = Vec::new();
    for m in &person.mentions {
        let core = without_possessive(text, m);
        let Some(written) = text.get(core.clone()) else {
            continue;
        };
        let words: Vec<&str> = written.split_whitespace().collect();
        let (span, new_text) = if new_words.len() == 1 {
            // Only the last word: "Vladimir Putin" keeps "Vladimir ".
            let last = written.trim_end();
            let start = last.rfind(char::is_whitespace).map_or(0, |i| {
                i + last[i..].chars().next().map_or(1, char::len_utf8)
            });
            (
                core.start + start..core.start + last.len(),
                new_last.to_string(),
            )
        } else if words.len() >= 2 {
            (core.clone(), new_full.clone())
        } else if fold(written) == old_first && old_first != old_last {
            (core.clone(), new_words[0].to_string())
        } else {
            (core.clone(), new_last.to_string())
        };
        if text.get(span.clone()) != Some(new_text.as_str()) {
            edits.push(Edit { span, new_text });
        }
    }
    Ok(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::apply;
    use crate::{Options, analyze};

    #[test]
    fn renames_every_spelling_and_keeps_possessives() {
        let text =
            "Volodymyr Zelensky spoke first. Zelenskyy’s aides said Zelensky would travel.\n";
        let a = analyze(text, &Options::default());
        let p = a
            .people
            .iter()
            .position(|p| p.name == "Volodymyr Zelensky")
            .unwrap();
        let out = apply(
            text,
            rename_edits(&a, text, p, "Volodymyr Zelenskyy").unwrap(),
        );
        assert_eq!(
            out,
            "Volodymyr Zelenskyy spoke first. Zelenskyy’s aides said Zelenskyy would travel.\n"
        );
        let out = apply(text, rename_edits(&a, text, p, "Selenskyj").unwrap());
        assert_eq!(
            out,
            "Volodymyr Selenskyj spoke first. Selenskyj’s aides said Selenskyj would travel.\n"
        );
        assert!(rename_edits(&a, text, p, " ").is_err());
    }

    #[test]
    fn possessive_is_cut_off() {
        let t = "Harris' plan";
        assert_eq!(&t[without_possessive(t, &(0..7))], "Harris");
        let t = "Putin’s";
        assert_eq!(&t[without_possessive(t, &(0..t.len()))], "Putin");
    }
}
