//! A count of people that speaks as a subject: "Several said", "14 percent
//! said", "Six in 10 said". Polls and crowds are quoted this way.

use super::Attributor;
use super::sources::Found;
use crate::analysis::lexicon::{Flags, Gender};
use crate::analysis::tokens::Token;

impl Attributor<'_> {
    /// A count of people ending at `k` that stands for them: "Several", "14
    /// percent", "Six in 10". The count reaches back over numbers, counting
    /// words and "in", "of", "out".
    pub(super) fn quantity_ending(&self, k: usize, start: usize) -> Option<Found> {
        if !self.counts(k) {
            return None;
        }
        let mut first = k;
        for m in (start.max(k.saturating_sub(4))..k).rev() {
            let joiner = ["in", "of", "out"].iter().any(|w| self.is_word(m, w));
            if !(self.counts(m) || joiner) {
                break;
            }
            first = m;
        }
        while first < k && !self.counts(first) {
            first += 1;
        }
        // A name before it is the subject ("Gorka both said"), and a number
        // alone is an age (", 60,").
        let opens = count_speaks_at(self.tokens, first, start);
        let number_alone = first == k && !self.tokens[k].has(Flags::QUANTITY);
        if !opens || number_alone {
            return None;
        }
        let span = self.tokens[first].start()..self.tokens[k].end();
        Some((self.description(span.clone(), false, Gender::Plural), span))
    }

    /// Whether token `k` counts: a number or a word of counting.
    fn counts(&self, k: usize) -> bool {
        let t = &self.tokens[k];
        let word = t.stem(self.text);
        t.has(Flags::QUANTITY)
            || word.starts_with(|c: char| c.is_ascii_digit())
                && word
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    }
}

/// Whether a count at `k` can stand for people as a subject: it opens its
/// clause ("Several said", "Of those asked, 14 percent said", "and 14 percent
/// said", "to which 21 percent said"); after a name, a pronoun or a noun it
/// only counts them ("Hale and Ruiz both said", "they both said").
pub fn count_speaks_at(tokens: &[Token], k: usize, start: usize) -> bool {
    let Some(prev) = k.checked_sub(1).filter(|&p| p >= start).map(|p| &tokens[p]) else {
        return true;
    };
    !prev.is_word() || prev.has(Flags::COORDINATOR | Flags::WHAT_WHICH)
}
