//! The draft as text: where lines start, and which bytes are prose.
//!
//! The analysis works in byte offsets of the original UTF-8 text. Line and column
//! numbers are derived from them only when something is shown to a person.

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
#[inline]
pub const fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b >= 0x09 && b <= 0x0d)
}

/// Where the first whitespace of `s` stands, ASCII read a byte at a time.
pub fn first_space(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if is_ascii_space(b) {
                return Some(i);
            }
            i += 1;
            continue;
        }
        let c = s[i..].chars().next()?;
        if c.is_whitespace() {
            return Some(i);
        }
        i += c.len_utf8();
    }
    None
}

/// `char::is_alphanumeric`, answered without the Unicode tables for the curly
/// quotes and dashes of General Punctuation, which holds no letter or digit:
/// they stand beside every quotation, and each table lookup costs hundreds of
/// instructions.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// A name as it reads, for telling two spellings apart: whitespace collapsed to
/// single spaces ("Leo  de\nVries" → "Leo de Vries") and accents composed (NFC), so
/// "Zoë" typed as "e" plus a combining diaeresis is the same spelling as "Zoë" with
/// a precomposed "ë": on the page the two are identical. Borrowed in the usual case
/// where there is nothing to change.
pub fn spaced(s: &str) -> Cow<'_, str> {
    if already_spaced(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    let out = collapsed(s);
    if out.is_ascii() || is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return out;
    }
    Cow::Owned(out.nfc().collect())
}

/// Whether `spaced` would give the name back as it is, told from its bytes in
/// one pass for the names nearly every story has: words of printable ASCII and
/// of Latin letters up to U+02FF ("Sørensen", "Zoë", "Élysée"), one space
/// between each. Those letters are all composed already (NFC) and none is a
/// space; the two that are (U+0085 and U+00A0) are left to the full reading.
/// Every mention of every person is asked, so the usual answer must be cheap.
fn already_spaced(bytes: &[u8]) -> bool {
    let mut after_space = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            0x21..=0x7e => after_space = false,
            // U+0080 to U+02FF: a lead byte and one continuation byte.
            0xc2..=0xcb => {
                match bytes.get(i + 1) {
                    Some(&c) if c & 0xc0 == 0x80 && !(b == 0xc2 && matches!(c, 0x85 | 0xa0)) => {}
                    _ => return false,
                }
                after_space = false;
                i += 1;
            }
            _ => return false,
        }
        i += 1;
    }
    !after_space || bytes.is_empty()
}

fn collapsed(s: &str) -> Cow<'_, str> {
    let collapsed = || Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "));
    // One pass over the bytes: a space may only stand alone between words.
    let mut after_space = true;
    for &b in s.as_bytes() {
        if b == b' ' {
            if after_space {
                return collapsed();
            }
            after_space = true;
        } else if is_ascii_space(b) {
            // The vertical tab too, which `split_whitespace` splits at.
            return collapsed();
        } else {
            after_space = false;
        }
    }
    if after_space && !s.is_empty()
        || !s.is_ascii() && s.chars().any(|c| c != ' ' && c.is_whitespace())
    {
        return collapsed();
    }
    Cow::Borrowed(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_without_the_tables_agrees_with_the_tables() {
        for c in (0..=0x3000u32)
            .chain(0xfe00..=0xffff)
            .filter_map(char::from_u32)
        {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

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
            if already_spaced(s.as_bytes()) {
                proptest::prop_assert_eq!(&reference, &s);
            }
        }
    }

    #[test]
    fn every_letter_read_in_one_pass_is_composed_and_no_space() {
        for c in ('\u{80}'..='\u{2ff}').filter(|&c| !matches!(c, '\u{85}' | '\u{a0}')) {
            let s = format!("a{c} {c}");
            assert!(already_spaced(s.as_bytes()), "{c:?}");
            assert!(!c.is_whitespace(), "{c:?}");
            assert_eq!(s.nfc().collect::<String>(), s, "{c:?}");
        }
        for s in [
            "a\u{85}", "a\u{a0}b", "e\u{301}", " a", "a ", "a  b", "a\tb", "\u{300}",
        ] {
            assert!(!already_spaced(s.as_bytes()), "{s:?}");
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
