//! When two spellings look like one name: the same letters once case, accents,
//! hyphens, spaces and dots are set aside (`deunicode`), close in letters
//! (Damerau–Levenshtein, `strsim`) or alike in sound (Double Metaphone,
//! `rphonetic`).

use rphonetic::{DoubleMetaphone, Encoder};

/// A name folded for comparison: ASCII (Erdoğan → erdogan, Søren → soren),
/// lowercase, letters and digits only (Jean-Pierre → jeanpierre, J.D. → jd).
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The sound of a spelling: its first four sounds, or all of them when
/// `whole` ("Kartoffelsorte" and "Kartoffelstärke" begin alike and end apart).
fn sounds(s: &str, whole: bool) -> [String; 2] {
    let dm = if whole {
        DoubleMetaphone::new(None)
    } else {
        DoubleMetaphone::default()
    };
    [dm.encode(s), dm.encode_alternate(s)]
}

fn same_sound(fa: &str, fb: &str, whole: bool) -> bool {
    let (sa, sb) = (sounds(fa, whole), sounds(fb, whole));
    sa.iter().any(|x| !x.is_empty() && sb.contains(x))
}

/// The rows of a QWERTY keyboard: a slip of the finger lands on a neighbour.
const KEYBOARD_ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

fn key_position(c: u8) -> Option<(i32, i32)> {
    KEYBOARD_ROWS.iter().enumerate().find_map(|(row, keys)| {
        keys.bytes()
            .position(|k| k == c)
            .map(|col| (row as i32, col as i32))
    })
}

/// Whether two folded spellings of one length differ in one letter, a
/// consonant for a consonant that is no neighbour on the keyboard.
fn other_consonant(fa: &str, fb: &str) -> bool {
    if fa.len() != fb.len() {
        return false;
    }
    let mut differ = fa.bytes().zip(fb.bytes()).filter(|(a, b)| a != b);
    let (Some((a, b)), None) = (differ.next(), differ.next()) else {
        return false;
    };
    let consonant = |c: u8| c.is_ascii_alphabetic() && !b"aeiouy".contains(&c);
    let neighbours = match (key_position(a), key_position(b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1,
        _ => false,
    };
    consonant(a) && consonant(b) && !neighbours
}

/// How strongly two spellings of a name part look like one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    None,
    /// Close in letters or in sound.
    Near,
    /// The same letters once case, accents, hyphens, spaces and dots are set
    /// aside.
    Folded,
}

/// Compares two name parts.
pub fn likeness(a: &str, b: &str) -> Likeness {
    likeness_and_distance(&fold(a), &fold(b)).0
}

/// The likeness of two folded spellings, with how many letters apart they are
/// when that was worked out. The distance is optimal string alignment
/// (Damerau–Levenshtein: a swap counts once).
pub fn likeness_and_distance(fa: &str, fb: &str) -> (Likeness, Option<usize>) {
    if fa.is_empty() || fb.is_empty() {
        return (Likeness::None, None);
    }
    if fa == fb {
        return (Likeness::Folded, Some(0));
    }
    let len = fa.len().max(fb.len());
    if len < 4 || fa.len().abs_diff(fb.len()) > 3 {
        return (Likeness::None, None);
    }
    let d = strsim::osa_distance(fa, fb);
    if d > 3 {
        return (Likeness::None, Some(d));
    }
    // One letter apart from the same start, or two in a long name: near. Beyond
    // that only if they sound alike.
    let same_start = fa.as_bytes()[0] == fb.as_bytes()[0];
    if d == 1 && other_consonant(fa, fb) && !same_sound(fa, fb, false) {
        // "Obama" / "Osama", "Wang" / "Fang": one consonant for another, far
        // apart on the keyboard and not alike in sound, makes another name.
        return (Likeness::None, Some(d));
    }
    if (d == 1 || d == 2 && len >= 6) && same_start {
        return (Likeness::Near, Some(d));
    }
    // Three letters apart, the names must sound alike to their last letter.
    let sound_decides = d == 1 || d == 2 && len >= 6 || d == 3 && len >= 8;
    if sound_decides && same_sound(fa, fb, d == 3) {
        (Likeness::Near, Some(d))
    } else {
        (Likeness::None, Some(d))
    }
}

pub fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

pub fn is_single_word(s: &str) -> bool {
    s.split_whitespace().nth(1).is_none()
}

pub fn surname_of(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

pub fn given_of(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// The last `k` words of a name ("de Vries" of "Leo de Vries").
pub fn tail(name: &str, k: usize) -> String {
    let w = words(name);
    w[w.len().saturating_sub(k)..].join(" ")
}

/// A full name folded once, whole and by part, for comparing it with every other.
pub struct FoldedName<'a> {
    name: &'a str,
    words: usize,
    whole: String,
    surname: String,
    given: String,
}

impl<'a> FoldedName<'a> {
    pub fn new(name: &'a str) -> FoldedName<'a> {
        let w = words(name);
        FoldedName {
            name,
            words: w.len(),
            whole: fold(name),
            surname: fold(surname_of(name)),
            // Everything before the surname ("Jean Pierre" of "Jean Pierre Dubois").
            given: fold(&w[..w.len().saturating_sub(1)].join(" ")),
        }
    }
}

/// Whether two full names name one person: every part alike, or the shorter one
/// alike to the longer one's tail ("Van Rijjn" and "Joost van Rijn").
pub fn names_alike(a: &FoldedName, b: &FoldedName) -> Likeness {
    if a.whole == b.whole {
        // "Jean-Pierre Dubois" and "Jean Pierre Dubois"
        return Likeness::Folded;
    }
    if a.words == b.words {
        let surname = likeness_and_distance(&a.surname, &b.surname).0;
        let given = likeness_and_distance(&a.given, &b.given).0;
        return surname.min(given);
    }
    let (short, long) = if a.words < b.words { (a, b) } else { (b, a) };
    likeness(short.name, &tail(long.name, short.words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likeness_of_the_variants_a_desk_sees() {
        for (a, b) in [
            ("Zelensky", "Zelenskyy"),
            ("Zelensky", "Zelenskiy"),
            ("Zelensky", "Selenskyj"),
            ("Leavitt", "Leavit"),
            ("Putin", "Poutin"),
            ("Karoline", "Caroline"),
            ("Alden", "Aldne"),
            ("Trump", "Trunp"),
        ] {
            assert_eq!(likeness(a, b), Likeness::Near, "{a} / {b}");
        }
        for (a, b) in [
            ("Erdoğan", "Erdogan"),
            ("McDonald", "Mcdonald"),
            ("Jean-Pierre", "Jean Pierre"),
            ("JD", "J.D."),
        ] {
            assert_eq!(likeness(a, b), Likeness::Folded, "{a} / {b}");
        }
        for (a, b) in [
            ("Trump", "Putin"),
            ("Vance", "Leavitt"),
            ("Biden", "Brown"),
            ("Lee", "Li"),
            ("Obama", "Osama"),
            // Compounds that begin alike and end apart.
            ("Kartoffelsorte", "Kartoffelstärke"),
        ] {
            assert_eq!(likeness(a, b), Likeness::None, "{a} / {b}");
        }
    }

    #[test]
    fn full_names_are_alike_by_every_part_or_by_their_tail() {
        let alike = |a: &str, b: &str| names_alike(&FoldedName::new(a), &FoldedName::new(b));
        assert_eq!(
            alike("Jean-Pierre Dubois", "Jean Pierre Dubois"),
            Likeness::Folded
        );
        assert_eq!(
            alike("Karoline Leavitt", "Caroline Leavitt"),
            Likeness::Near
        );
        assert_eq!(alike("Van Rijjn", "Joost van Rijn"), Likeness::Near);
        assert_eq!(alike("Mitt Romney", "Paul Rodney"), Likeness::None);
    }
}
