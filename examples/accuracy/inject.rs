//! Faults put into published articles mechanically, to see whether copydesk
//! catches what a reporter's slip would leave behind.

use std::ops::Range;

use crate::gold::GoldQuote;
use crate::polnear::Article;

/// An article with one fault put in, and where the fault now is.
pub struct Injected {
    pub text: String,
    /// The faulty quotation or mention in the new text.
    pub at: Range<usize>,
    /// Where the fault was made in the original text.
    pub original: Range<usize>,
}

/// The attribution cut from each quotation that stands alone in its paragraph
/// as `“…,” X said.`: the clause after the closing mark goes, and the comma
/// before the mark becomes a full stop, leaving `“….”`.
///
/// Only where the paragraph before holds no quotation: after one, a paragraph
/// of quotation with no attribution of its own carries on the speaker before
/// it (the newsroom's convention, which published copy follows), and cutting
/// the clause there leaves copy a reader takes as that speaker's.
pub fn cut_attributions(article: &Article, quotes: &[GoldQuote]) -> Vec<Injected> {
    let text = &article.text;
    let mut out = Vec::new();
    for q in quotes {
        let Some(relation) = q.relation.map(|r| &article.relations[r]) else {
            continue;
        };
        let line_start = text[..q.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[q.span.end..]
            .find('\n')
            .map_or(text.len(), |i| q.span.end + i);
        if !text[line_start..q.span.start].trim().is_empty() || q.inner.end == q.span.end {
            continue;
        }
        let previous = text[..line_start].trim_end();
        let previous = &previous[previous.rfind('\n').map_or(0, |i| i + 1)..];
        let previous_start = previous.as_ptr() as usize - text.as_ptr() as usize;
        let quoted_before = quotes
            .iter()
            .any(|p| p.span.start >= previous_start && p.span.end <= line_start);
        if quoted_before {
            continue;
        }
        if !text[..q.inner.end].ends_with(',') {
            continue;
        }
        let tail = &text[q.span.end..line_end];
        let clause = tail.trim_end();
        let short = clause.split_whitespace().count() <= 10;
        let plain = !clause.contains(['"', '“', '”', '\'', '‘', '’', ':', ';']);
        let cue_in_tail = relation
            .cue
            .iter()
            .any(|c| c.start >= q.span.end && c.end <= line_end);
        if !(clause.ends_with('.') && short && plain && cue_in_tail) {
            continue;
        }
        let comma = q.inner.end - 1;
        let mut new = String::with_capacity(text.len());
        new.push_str(&text[..comma]);
        new.push('.');
        new.push_str(&text[q.inner.end..q.span.end]);
        new.push_str(&text[line_end..]);
        out.push(Injected {
            text: new,
            at: q.span.clone(),
            original: q.span.clone(),
        });
    }
    out
}

/// For each person a source names in full (a known given name and a surname of
/// four letters or more), one later mention of the surname alone is changed by
/// one letter. `is_given` says whether a lowercase word is a given name.
pub fn misspell_surnames(article: &Article, is_given: &dyn Fn(&str) -> bool) -> Vec<Injected> {
    let text = &article.text;
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for relation in &article.relations {
        for source in &relation.source {
            let Some(words) = text.get(source.clone()) else {
                continue;
            };
            let Some((given, surname)) = full_name(words, is_given) else {
                continue;
            };
            if seen.contains(&surname) {
                continue;
            }
            seen.push(surname.clone());
            let full = format!("{given} {surname}");
            let Some(first) = text.find(&full) else {
                continue;
            };
            let Some(later) = later_mention(text, &given, &surname, first + full.len()) else {
                continue;
            };
            let Some(variant) =
                one_letter_variant(&surname, out.len()).filter(|v| !has_word(text, v))
            else {
                continue;
            };
            let mut new = String::with_capacity(text.len() + 1);
            new.push_str(&text[..later]);
            new.push_str(&variant);
            new.push_str(&text[later + surname.len()..]);
            out.push(Injected {
                text: new,
                at: later..later + variant.len(),
                original: later..later + surname.len(),
            });
        }
    }
    out
}

/// The last given name and surname of a run of capitalised words in a source
/// ("Spokeswoman Haley Morris" → Haley, Morris).
fn full_name(source: &str, is_given: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let words: Vec<&str> = source
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2).rev() {
        let (given, surname) = (pair[0], pair[1]);
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let surname_ok = surname.chars().count() >= 4
            && surname.chars().all(char::is_alphabetic)
            && surname.chars().skip(1).any(char::is_lowercase);
        if capitalised(given)
            && capitalised(surname)
            && surname_ok
            && is_given(&given.to_lowercase())
        {
            return Some((given.to_string(), surname.to_string()));
        }
    }
    None
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The first mention of `surname` as a word of its own after `from` that is
/// not the full name again (`given` right before it).
fn later_mention(text: &str, given: &str, surname: &str, from: usize) -> Option<usize> {
    text[from..]
        .match_indices(surname)
        .map(|(i, _)| from + i)
        .find(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + surname.len()..].chars().next();
            !before.is_some_and(is_word_char)
                && !after.is_some_and(is_word_char)
                && !text[..at].trim_end().ends_with(given)
        })
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(is_word_char)
            && !text[at + word.len()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
    })
}

/// One of three one-letter slips, taken in turn: a letter doubled, a letter
/// dropped, a vowel changed. The first letter is never touched.
fn one_letter_variant(word: &str, turn: usize) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let middle = chars.len() / 2;
    let mut out = chars.clone();
    match turn % 3 {
        0 => {
            // Double a letter that is not already doubled.
            let at = (1..chars.len()).find(|&i| {
                i >= middle && chars[i] != chars[i - 1] && chars.get(i + 1) != Some(&chars[i])
            })?;
            out.insert(at, chars[at]);
        }
        1 => {
            out.remove(middle.max(1));
        }
        _ => {
            let at = (1..chars.len()).find(|&i| "aeiou".contains(chars[i]))?;
            out[at] = match chars[at] {
                'a' => 'e',
                'e' => 'a',
                'i' => 'e',
                'o' => 'a',
                _ => 'o',
            };
        }
    }
    let variant: String = out.into_iter().collect();
    (variant != word).then_some(variant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gold;
    use crate::polnear::Relation;

    fn range_of(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).unwrap();
        start..start + part.len()
    }

    #[test]
    fn the_clause_after_a_lone_quotation_is_cut() {
        let text = "Intro line.\n“We will build it,” said Ana Ruiz.\nMore.\n";
        let relation = Relation {
            source: vec![range_of(text, "Ana Ruiz")],
            cue: vec![range_of(text, "said")],
            content: vec![range_of(text, "We will build it")],
        };
        let article = Article {
            id: "t".into(),
            text: text.into(),
            relations: vec![relation],
        };
        let quotes = gold::quotations(&article);
        let cut = cut_attributions(&article, &quotes);
        assert_eq!(cut.len(), 1);
        assert_eq!(cut[0].text, "Intro line.\n“We will build it.”\nMore.\n");
        assert_eq!(&cut[0].text[cut[0].at.clone()], "“We will build it.”");
    }

    #[test]
    fn a_later_surname_is_changed_by_one_letter() {
        let text = "Mayor Ana Roe spoke. Critics disagree with Roe.";
        let relation = Relation {
            source: vec![range_of(text, "Mayor Ana Roe")],
            cue: vec![range_of(text, "spoke")],
            content: vec![range_of(text, "spoke")],
        };
        let article = Article {
            id: "t".into(),
            text: text.into(),
            relations: vec![relation],
        };
        let given = |w: &str| w == "ana";
        assert!(
            misspell_surnames(&article, &given).is_empty(),
            "Roe is too short"
        );
        let text = "Mayor Ana Moreno spoke. Critics disagree with Moreno.";
        let article = Article {
            id: "t".into(),
            text: text.into(),
            relations: vec![Relation {
                source: vec![range_of(text, "Mayor Ana Moreno")],
                cue: vec![],
                content: vec![range_of(text, "spoke")],
            }],
        };
        let typos = misspell_surnames(&article, &given);
        assert_eq!(typos.len(), 1);
        assert_eq!(
            typos[0].text,
            "Mayor Ana Moreno spoke. Critics disagree with Moreeno."
        );
        assert_eq!(&typos[0].text[typos[0].at.clone()], "Moreeno");
    }

    #[test]
    fn the_three_slips_differ_from_the_word() {
        assert_eq!(one_letter_variant("Moreno", 0).as_deref(), Some("Moreeno"));
        assert_eq!(one_letter_variant("Moreno", 1).as_deref(), Some("Morno"));
        assert_eq!(one_letter_variant("Moreno", 2).as_deref(), Some("Mareno"));
    }
}
