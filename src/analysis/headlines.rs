//! Paragraphs set in title case: headlines, where capitals say nothing about
//! names ("Mayor Calls Vote ‘Historic’"). A headline is one short line of mostly
//! capitalised words with no full stop in it.

use super::lexicon::Flags;
use super::tokens::Token;

/// The most words a headline has.
const MOST_WORDS: usize = 30;

/// For each of the `blocks` paragraphs, whether it is a headline.
pub fn find(tokens: &[Token], masked: &str, blocks: usize) -> Vec<bool> {
    let mut counts = vec![Count::default(); blocks];
    for t in tokens {
        if let Some(count) = counts.get_mut(t.block()) {
            count.read(t, masked);
        }
    }
    counts.iter().map(Count::is_headline).collect()
}

/// A paragraph's count towards being a headline.
#[derive(Debug, Clone, Default)]
struct Count {
    words: usize,
    /// Words of four letters or more, and how many of them are capitalised.
    long: usize,
    capitalised: usize,
    /// A full stop, or a lowercase cue verb: prose, not a headline ("said"
    /// would be "Says" in one).
    prose: bool,
}

impl Count {
    fn read(&mut self, t: &Token, masked: &str) {
        // A quotation ending its sentence with a full stop is prose too: a
        // headline's quotation has none ("Ruiz: „Wir schaffen das“").
        let sentence_quoted = t.quote().is_some() && {
            let inner = masked[t.start()..t.end()]
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            inner.ends_with('.') && !inner.ends_with("..")
        };
        if t.is_punct('.') || sentence_quoted {
            self.prose = true;
        }
        if !t.is_word() {
            return;
        }
        self.words += 1;
        if masked[t.start()..t.end()].chars().count() >= 4 {
            self.long += 1;
            if t.is_capitalised() {
                self.capitalised += 1;
            } else if t.has(Flags::CUE) {
                self.prose = true;
            }
        }
    }

    fn is_headline(&self) -> bool {
        !self.prose
            && self.words <= MOST_WORDS
            && self.long >= 3
            && self.capitalised * 100 >= self.long * 85
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon::{Language, Lexicon};
    use crate::analysis::{marks, tokens};
    use crate::text::{Format, ProseMap};

    fn headlines(text: &str) -> Vec<bool> {
        let lex = Lexicon::for_language(Language::English);
        let prose = ProseMap::new(text, Format::PlainText);
        let (raw, _) = marks::scan(&prose.masked, &prose.blocks, lex);
        let toks = tokens::tokenize(&prose.masked, &prose.blocks, &raw, lex);
        find(&toks, &prose.masked, prose.blocks.len())
    }

    #[test]
    fn a_headline_may_hold_four_long_lowercase_words_in_thirty() {
        // 26 of 30 long words capitalised is more than 85%.
        let words = |caps: usize, lower: usize| {
            let mut w = vec!["Council"; caps];
            w.extend(vec!["budget"; lower]);
            w.join(" ")
        };
        assert_eq!(headlines(&words(26, 4)), [true]);
        assert_eq!(headlines(&words(22, 4)), [false]);
        assert_eq!(headlines(&words(27, 4)), [false], "31 words");
        assert_eq!(headlines(&words(25, 5)), [false]);
        assert_eq!(headlines(&(words(26, 3) + " said")), [false]);
        assert_eq!(headlines(&(words(26, 3) + " .")), [false]);
    }

    #[test]
    fn a_title_case_line_is_a_headline_and_prose_is_not() {
        assert_eq!(
            headlines(
                "Mayor Calls Bridge Vote ‘Historic’\n\nThe mayor said the vote was historic."
            ),
            [true, false]
        );
    }

    #[test]
    fn a_quoted_sentence_with_its_full_stop_is_prose() {
        // A roundup's line: a name, an office, a whole sentence quoted.
        assert_eq!(
            headlines(
                "Tom Brandt, Council President: “We Will Win This Fight.”\n\nMayor Tom Brandt Says “We Will Win”\n\nMayor Tom Brandt Says “We Will Win…”\n\nMayor Tom Brandt Says “We Will Win...”"
            ),
            [false, true, true, true]
        );
    }
}
