//! When a mention gives a person's name in another form rather than another
//! spelling: what a copy desk leaves alone.

use super::likeness::{fold, words};
use crate::analysis::lexicon::Lexicon;

/// Whether `written` is the name `expected` in another form: set in capitals
/// ("CLINTON" in a transcript or a dateline), made into another word ("the
/// Clintons", "Trumpian", "Trump-era", a handle such as "NolteNC"), with a
/// middle name or initial added or dropped ("Donald J. Trump", "Hillary Rodham
/// Clinton"; AP gives it on first reference only where the person uses it),
/// with words in front the name does not have ("Sen. … " read as part of it), or
/// with a short form of the given name ("Pete" for "Peter").
pub fn another_form(written: &str, expected: &str, lex: &Lexicon) -> bool {
    let suffixes = &lex.suffixes;
    let (w, e) = (fold(written), fold(expected));
    if w == e {
        // Only case or marks differ: capitals alone, on either side, are a
        // style, not a spelling.
        let capitals = |s: &str| !s.chars().any(char::is_lowercase);
        return capitals(written) || capitals(expected) || written == expected;
    }
    let (ww, ew) = (words(written), words(expected));
    if ww.len() == 1 && ew.len() == 1 {
        return suffixes.derived_from(&w, &e)
            || suffixes.inflected(&w, &e)
            || compound_of(written, expected);
    }
    if ww.len() < 2 || ew.len() < 2 {
        return false;
    }
    let (wl, el) = (fold(ww[ww.len() - 1]), fold(ew[ew.len() - 1]));
    // "the Barry Bennetts of this world"
    let same_last = wl == el || suffixes.derived_from(&wl, &el);
    let (wg, eg) = (fold(ww[0]), fold(ew[0]));
    // Extra words in front of the whole name.
    let tail_is_name = ww.len() > ew.len() && fold(&ww[ww.len() - ew.len()..].join(" ")) == e;
    same_last && same_given(&wg, &eg, lex) || tail_is_name
}

/// "Trump-era", "NolteNC": the name joined to another word.
fn compound_of(written: &str, name: &str) -> bool {
    let joined = |w: &str| {
        w.strip_prefix(name).is_some_and(|rest| {
            rest.starts_with('-') || rest.starts_with(|c: char| c.is_uppercase())
        })
    };
    joined(written) || written.rsplit('-').next() == Some(name) && written.contains('-')
}

/// Whether two folded given names are one name: the same, one the other's
/// short form, or a nickname the list knows ("Sandy" / "Sandra").
pub fn same_given(a: &str, b: &str, lex: &Lexicon) -> bool {
    a == b || short_form(a, b) || lex.nicknames.same_name(a, b)
}

/// One given name the short form of the other ("Pete" / "Peter", "Alex" /
/// "Alexander"): a nickname or another person, never a slip of the keys.
fn short_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.len() >= 3 && long.starts_with(short)
}

/// Whether the mention ending at `end` is marked "[sic]", "(sic)" or "[sic!]": a
/// spelling the writer reproduces on purpose, as the source wrote it (AP). It
/// neither counts towards the story's spelling nor is reported.
pub fn marked_sic(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or_default();
    let after = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after)
        .trim_start();
    let mut chars = after.chars();
    let open = chars.next();
    let word: String = chars.by_ref().take(3).collect();
    matches!(open, Some('[' | '('))
        && word.eq_ignore_ascii_case("sic")
        && matches!(chars.next(), Some(']' | ')' | '.' | '!'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::Language;
    use crate::analysis::lexicon::Lexicon;

    fn form(written: &str, expected: &str) -> bool {
        another_form(written, expected, Lexicon::for_language(Language::English))
    }

    #[test]
    fn forms_a_desk_leaves_alone() {
        for (w, e) in [
            ("HALVORSEN", "Halvorsen"),
            ("Halvorsen", "HALVORSEN"),
            ("Halvorsens", "Halvorsen"),
            ("Mosses", "Moss"),
            ("Halvorsenian", "Halvorsen"),
            ("Halvorsenism", "Halvorsen"),
            ("Halvorsen-era", "Halvorsen"),
            ("anti-Halvorsen", "Halvorsen"),
            ("Marta J. Halvorsen", "Marta Halvorsen"),
            ("Marta Halvorsen", "Marta Lund Halvorsen"),
            ("Eric P.Q. Moss", "Eric Q. Moss"),
            ("Pete Okafor", "Peter Okafor"),
            ("Sandy Okafor", "Sandra Okafor"),
            ("Bill Okafor", "William Okafor"),
            ("Marta Halvorsens", "Marta Halvorsen"),
            ("Councilwoman Marta Halvorsen", "Marta Halvorsen"),
        ] {
            assert!(form(w, e), "{w} / {e}");
        }
    }

    #[test]
    fn spellings_still_reported() {
        for (w, e) in [
            ("Halvorson", "Halvorsen"),
            ("Halvorsenn", "Halvorsen"),
            ("HalvorSen", "Halvorsen"),
            ("Marta Halvorson", "Marta Halvorsen"),
            ("Marto Halvorsen", "Marta Halvorsen"),
            ("Halvorsen", "Halvorsens"),
            ("Mosss", "Moss"),
        ] {
            assert!(!form(w, e), "{w} / {e}");
        }
    }
}
