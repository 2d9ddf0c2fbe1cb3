//! The draft as text: where lines start, and which bytes are prose.
//!
//! The analysis works in byte offsets of the original UTF-8 text. Line and column
//! numbers are derived from them only when something is shown to a person.

pub mod front_matter;
pub mod lines;
mod markdown;
pub mod prose;

pub use lines::LineIndex;
pub use prose::{Format, ProseMap};

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The longest draft analysed unless told otherwise, in bytes: a hundred times a
/// long feature. Beyond it is a paste of something else, and the analysis holds
/// memory in proportion to the text (about 25 bytes per byte).
pub const MAX_DRAFT_BYTES: usize = 5_000_000;

/// `char::is_whitespace` for an ASCII byte: the vertical tab included, which
/// `u8::is_ascii_whitespace` leaves out.
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Where the first whitespace of `s` stands.
pub fn first_space(s: &str) -> Option<usize> {
    s.find(char::is_whitespace)
}

/// Whether `c` is a letter or a digit, of any script.
pub fn is_alphanumeric(c: char) -> bool {
    c.is_alphanumeric()
}

/// A name as it reads, for telling two spellings apart: whitespace collapsed to
/// single spaces ("Leo  de\nVries" → "Leo de Vries") and accents composed (NFC), so
/// "Zoë" typed as "e" plus a combining diaeresis is the same spelling as "Zoë" with
/// a precomposed "ë": on the page the two are identical. Borrowed in the usual case
/// where there is nothing to change.
pub fn spaced(s: &str) -> Cow<'_, str> {
    let collapsed = if is_single_spaced(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if is_nfc_quick(collapsed.chars()) == IsNormalized::Yes {
        collapsed
    } else {
        Cow::Owned(collapsed.nfc().collect())
    }
}

/// Whether `s` is words with a single space between each and none around them.
fn is_single_spaced(s: &str) -> bool {
    s.is_empty()
        || s.split(' ')
            .all(|word| !word.is_empty() && !word.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_collapses_only_where_needed() {
        assert!(matches!(
            spaced("Leo de Vries"),
            Cow::Borrowed("Leo de Vries")
        ));
        assert_eq!(spaced(" Leo  de\nVries\u{a0}"), "Leo de Vries");
        assert_eq!(spaced("Leo\tde Vries"), "Leo de Vries");
    }

    proptest::proptest! {
        #[test]
        fn spaced_gives_a_name_back_only_when_reading_it_would(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Leo", "de", "Vries", "Zoë", "e\u{308}", " ", "  ", "\t", "\n", "\u{b}",
                    "\u{1f}", "!", "~", "\u{7f}", "\u{a0}", "\u{85}", "\u{2009}", "O’Neil",
                    "J.D.", "Ø", "ʼ", "\u{2ff}", "\u{300}", "Å", "A\u{30a}", "\u{340}",
                ]),
                0..12,
            ),
        ) {
            let s = parts.concat();
            let reference: String =
                s.split_whitespace().collect::<Vec<_>>().join(" ").nfc().collect();
            proptest::prop_assert_eq!(spaced(&s), reference.as_str());
        }
    }

    #[test]
    fn spaced_composes_decomposed_accents() {
        assert_eq!(
            spaced("Zoe\u{308}  Saldan\u{303}a"),
            "Zo\u{eb} Salda\u{f1}a"
        );
        assert!(matches!(spaced("Zo\u{eb}"), Cow::Borrowed(_)));
    }
}
