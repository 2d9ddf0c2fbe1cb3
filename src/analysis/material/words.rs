//! Quotations and sources compared as words, not bytes: case, curly and straight
//! apostrophes, accents, dashes, punctuation, whitespace and line breaks do not
//! count, so a transcript's line breaks or a draft's curly quotes never make a
//! faithful quotation look changed.

use std::ops::Range;

/// One word and where it stands in the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower case, accents dropped, one kind of apostrophe.
    pub folded: String,
    pub span: Range<usize>,
}

/// The words of `text[range]`, with offsets into `text`. A word is a run of
/// letters and digits; an apostrophe between two of them belongs to it ("don't",
/// "O'Neill"); anything else (hyphens and dashes included) separates words.
pub fn words_in(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let mut start: Option<usize> = None;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = is_apostrophe(c)
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(word(text, range.start + s..range.start + i));
        }
    }
    if let Some(s) = start {
        out.push(word(text, range.start + s..range.end));
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

fn word(text: &str, span: Range<usize>) -> Word {
    Word {
        folded: fold(&text[span.clone()]),
        span,
    }
}

/// A word as it is compared.
pub fn fold(word: &str) -> String {
    let plain: String = word
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect();
    let plain = if plain.is_ascii() {
        plain
    } else {
        deunicode::deunicode(&plain)
    };
    plain.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words_in(text, 0..text.len())
            .into_iter()
            .map(|w| w.folded)
            .collect()
    }

    #[test]
    fn case_apostrophes_accents_and_dashes_do_not_count() {
        assert_eq!(
            folded("We Don’t—café, well-known"),
            ["we", "don't", "cafe", "well", "known"]
        );
        assert_eq!(
            folded("we don't cafe well known"),
            folded("We Don’t—café, well-known")
        );
        // A closing single quote after a word is punctuation, not part of it.
        assert_eq!(folded("‘yes’ 'no'"), ["yes", "no"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "x «Ça va», y";
        let ws = words_in(text, 2..text.len());
        assert_eq!(&text[ws[0].span.clone()], "Ça");
        assert_eq!(ws.last().map(|w| &text[w.span.clone()]), Some("y"));
    }
}
