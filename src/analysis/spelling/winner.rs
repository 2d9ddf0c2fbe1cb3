//! Which spelling of a person's name the story should use, when the newsroom's
//! house list does not say.

use super::forms::another_form;
use super::likeness::{Likeness, fold, is_single_word, likeness, surname_of};
use crate::analysis::lexicon::Lexicon;

/// The first full-name mention (not one set in capitals), else the most common
/// spelling; and where the story writes another spelling of the surname more
/// often than that mention does, that one: a one-off is the slip, even in the
/// first reference ("Rep. Ana Okafr … Okafor said … Okafor's bill").
///
/// `family` holds the surnames of the story's other people: a surname written
/// once, one letter off one the story writes three times or more, is a slip
/// for it ("Dorothy Woodds" in a story about Ty Woods).
pub fn winner(written: &[String], family: &[&str], text: &str, lex: &Lexicon) -> String {
    let full = |s: &&String| !is_single_word(s);
    let first_full = written
        .iter()
        .filter(full)
        .find(|s| s.chars().any(char::is_lowercase) && !held_shift(s))
        .or_else(|| written.iter().find(full));
    let Some(mut first_full) = first_full else {
        return majority(written);
    };
    // "Karol Wojtylas Leben …" before "Karol Wojtyla": a name's genitive or
    // plural is a form of it, never its spelling.
    let base = |b: &&String| {
        full(b)
            && lex
                .suffixes
                .derived_from(&fold(surname_of(first_full)), &fold(surname_of(b)))
    };
    if let Some(b) = written.iter().find(base) {
        first_full = b;
    }
    let surname = surname_of(first_full);
    // Another spelling one letter off is a slip one way or the other; further
    // off is another person ("Franco" and Pope Francis). Most names have none,
    // and then nothing needs counting.
    let slip = |s: &str| {
        s != surname
            && s.len().abs_diff(surname.len()) <= 1
            && likeness(s, surname) == Likeness::Near
            && strsim::osa_distance(&fold(s), &fold(surname)) <= 1
            && !another_form(s, surname, lex)
    };
    let ours: Vec<&str> = written
        .iter()
        .map(|w| surname_of(w))
        .filter(|s| slip(s))
        .collect();
    let theirs: Vec<&str> = family.iter().copied().filter(|s| slip(s)).collect();
    if ours.is_empty() && theirs.is_empty() {
        return first_full.clone();
    }
    let mut best = (whole_word_count(text, surname), surname);
    let one_off = best.0 <= 1;
    let theirs = theirs.into_iter().filter(|_| one_off).map(|s| (s, 3));
    for (s, at_least) in ours.into_iter().map(|s| (s, 1)).chain(theirs) {
        let n = whole_word_count(text, s);
        if n > best.0 && n >= at_least {
            best = (n, s);
        }
    }
    let given = &first_full[..first_full.len() - surname.len()];
    format!("{given}{}", best.1)
}

/// Whether a word of `name` opens with two capitals and goes on in lowercase
/// ("HIllary"): the shift key held a letter too long, never a spelling to
/// follow. "McKee", "DeSantis" and "O'Brien" have a lowercase letter or a mark
/// second.
fn held_shift(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let mut letters = w.chars();
        letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_some_and(char::is_uppercase)
            && letters.any(char::is_lowercase)
    })
}

/// How many times `word` stands in `text` as a whole word.
fn whole_word_count(text: &str, word: &str) -> usize {
    let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word)
        .filter(|&(i, _)| {
            !is_word_char(text[..i].chars().next_back())
                && !is_word_char(text[i + word.len()..].chars().next())
        })
        .count()
}

/// The spelling written most often (the earliest of equals). Capitals alone
/// ("die GRÜNEN") are a style, so they win only when nothing else is written.
fn majority(written: &[String]) -> String {
    let cased = |s: &&String| s.chars().any(char::is_lowercase);
    let pool: Vec<&String> = if written.iter().any(|s| cased(&s)) {
        written.iter().filter(cased).collect()
    } else {
        written.iter().collect()
    };
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for s in pool {
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Language;

    fn win(written: &[&str], text: &str) -> String {
        let written: Vec<String> = written.iter().map(|s| s.to_string()).collect();
        let family = ["Woods"];
        winner(
            &written,
            &family,
            text,
            Lexicon::for_language(Language::English),
        )
    }

    #[test]
    fn a_name_set_in_capitals_never_outvotes_its_written_spelling() {
        let text = "Die Grünen tagten. Die GRÜNEN stimmten. Die GRÜNEN gingen.";
        assert_eq!(win(&["Grünen", "GRÜNEN", "GRÜNEN"], text), "Grünen");
    }

    #[test]
    fn the_first_full_name_wins_unless_the_story_spells_the_surname_otherwise_more() {
        let text = "Ana Okafor spoke. Okafr said no.";
        assert_eq!(win(&["Ana Okafor", "Okafr"], text), "Ana Okafor");
        let text = "Rep. Ana Okafr spoke. Okafor said no. Okafor's bill failed.";
        assert_eq!(win(&["Ana Okafr", "Okafor", "Okafor"], text), "Ana Okafor");
        // A name in capitals (a transcript's label) does not set the spelling.
        let text = "ANA OKAFOR: Yes. Ana Okafor said so.";
        assert_eq!(win(&["ANA OKAFOR", "Ana Okafor"], text), "Ana Okafor");
        assert_eq!(win(&["Okafor", "Okafr", "Okafor"], "x"), "Okafor");
        // Another person's surname, when the story writes it often and this
        // spelling only once.
        let text = "Dorothy Woodds, whose husband Ty Woods died, spoke. Woods served. Woods wrote.";
        assert_eq!(win(&["Dorothy Woodds"], text), "Dorothy Woods");
        let text = "Dorothy Woodds, whose husband Ty Woods died, spoke. Woodds wrote.";
        assert_eq!(win(&["Dorothy Woodds", "Woodds"], text), "Dorothy Woodds");
        // A name typed with the shift key held does not set the spelling.
        let text = "ANa Okafor spoke. Ana Okafor said no.";
        assert_eq!(win(&["ANa Okafor", "Ana Okafor"], text), "Ana Okafor");
        let text = "Ana McKee spoke. Ana McKee said no.";
        assert_eq!(win(&["Ana McKee", "Ana Mckee"], text), "Ana McKee");
        // A name's plural or genitive written first is its form, not its spelling.
        let text = "The Ana Okafors of this world. Ana Okafor spoke.";
        assert_eq!(win(&["Ana Okafors", "Ana Okafor"], text), "Ana Okafor");
    }
}
