//! Word lists, loaded once from the data files beside this module.
//!
//! Every list is plain text, one entry a line, `#` for comments, so a newsroom can
//! add a cue verb or a title without reading any code.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

/// What a word can be. A word may be several things at once ("general").
pub mod flag {
    pub const CUE: u32 = 1;
    pub const PARTICIPLE: u32 = 1 << 1;
    pub const PRONOUN: u32 = 1 << 2;
    pub const RELATIVE: u32 = 1 << 3;
    pub const DESCRIPTION: u32 = 1 << 4;
    pub const ANONYMOUS: u32 = 1 << 5;
    pub const TITLE: u32 = 1 << 6;
    pub const STOP: u32 = 1 << 7;
    pub const DAY_MONTH: u32 = 1 << 8;
    pub const AUX: u32 = 1 << 9;
    pub const GIVEN: u32 = 1 << 10;
    pub const ORG_WORD: u32 = 1 << 11;
    pub const ABBREVIATION: u32 = 1 << 12;
    pub const ELISION: u32 = 1 << 13;
    pub const TERM_AFTER: u32 = 1 << 14;
    pub const PARTICLE: u32 = 1 << 15;
    pub const DETERMINER: u32 = 1 << 16;
    pub const ADJECTIVE: u32 = 1 << 17;
    /// A cue verb's -s form that is mostly a noun in prose ("calls", "posts") but a
    /// verb in a headline ("Mayor Calls Vote ‘Historic’").
    pub const HEADLINE_CUE: u32 = 1 << 18;
    /// First word of a multi-word cue phrase ("according", "in").
    pub const PHRASE_START: u32 = 1 << 19;
    /// A one-word place ("Kyiv").
    pub const PLACE: u32 = 1 << 20;
    /// A one-word organisation, outlet or platform ("Reuters").
    pub const ORGANISATION: u32 = 1 << 21;
    /// A word that opens a modifier after a head noun ("of", "for", "familiar").
    pub const MODIFIER: u32 = 1 << 22;
    /// The last word of a phrase that, before a quotation, makes it a term
    /// ("so-called", "known as").
    pub const TERM_BEFORE_END: u32 = 1 << 23;
    /// First word of a phrase that makes a description anonymous ("familiar").
    pub const ANONYMOUS_PHRASE_START: u32 = 1 << 24;
    /// Last word of a multi-word cue phrase ("to", "statement"): most phrases
    /// begin "in", so a phrase is told by its last word first.
    pub const PHRASE_END: u32 = 1 << 25;
    /// First word of a place or organisation of several words ("new" of "new
    /// york"), and "the", which an organisation's name may open: a run of
    /// capitalised words is asked of the lists as one phrase only when it starts
    /// with one.
    pub const NAME_PHRASE_START: u32 = 1 << 26;
}

/// Grammatical gender as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
    Plural,
}

impl Gender {
    /// Whether something of gender `self` can be referred to by a pronoun of `other`.
    pub fn fits(self, pronoun: Gender) -> bool {
        match (self, pronoun) {
            (_, Gender::Unknown) | (Gender::Unknown, Gender::Male | Gender::Female) => true,
            (a, b) => a == b,
        }
    }
}

/// Lexical facts about one lowercase word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    pub flags: u32,
    pub gender: Gender,
}

impl WordInfo {
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// Where the source of a cue phrase stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseSource {
    /// "according to Putin": the source follows.
    After,
    /// "in a statement": the sentence's subject.
    Subject,
}

/// A small, fast hasher for short lowercase keys (the lexicon is looked up for
/// every word of every draft, so SipHash's cost would show).
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        // A product's low bits depend only on the key's low bits (a word's first
        // letters), and the table picks buckets by the low bits: the high bits,
        // which every key bit reaches, are rotated down.
        self.0.rotate_left(26)
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u128(&mut self, i: u128) {
        self.write_u64(i as u64);
        self.write_u64((i >> 64) as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

pub struct Lexicon {
    /// ASCII words of up to eight bytes, packed lowercase into a u64, while the
    /// lists load: moved into [`Lexicon::packed`] once they have, and empty after.
    short: HashMap<u64, WordInfo, FxBuild>,
    /// The same words, as read: most words of a draft, looked up without hashing
    /// a string or comparing bytes.
    packed: PackedTable,
    /// ASCII words of nine to sixteen bytes, packed the same way into a u128.
    medium: HashMap<u128, WordInfo, FxBuild>,
    /// Every other word, lowercase.
    words: HashMap<Box<str>, WordInfo, FxBuild>,
    places: HashSet<Box<str>, FxBuild>,
    organisations: HashSet<Box<str>, FxBuild>,
    /// Multi-word cue phrases, as lowercase word sequences (none empty).
    pub cue_phrases: Vec<(Vec<Box<str>>, PhraseSource)>,
    /// Word sequences right before an opening mark that make a quotation a term.
    pub term_before: Vec<Vec<Box<str>>>,
    /// Phrases that make a description an anonymous source, as words. Each one's
    /// first word has [`flag::ANONYMOUS_PHRASE_START`], so a description is
    /// searched for them only from the words that can start one.
    pub anonymous_phrases: Vec<Vec<Box<str>>>,
}

fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gender_of(code: &str) -> Gender {
    match code {
        "m" | "male" => Gender::Male,
        "f" | "female" => Gender::Female,
        "plural" => Gender::Plural,
        _ => Gender::Unknown,
    }
}

impl Lexicon {
    /// The lexicon built into copydesk.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    fn load() -> Lexicon {
        let mut lex = Lexicon {
            short: HashMap::default(),
            packed: PackedTable::default(),
            medium: HashMap::default(),
            words: HashMap::default(),
            places: HashSet::default(),
            organisations: HashSet::default(),
            cue_phrases: Vec::new(),
            term_before: Vec::new(),
            anonymous_phrases: Vec::new(),
        };
        for line in entries(include_str!("cue_verbs.txt")) {
            for form in line.split_whitespace() {
                let participle = form.ends_with("ing");
                lex.add(
                    form,
                    flag::CUE | if participle { flag::PARTICIPLE } else { 0 },
                );
            }
        }
        for line in entries(include_str!("headline_cues.txt")) {
            for form in line.split_whitespace() {
                lex.add(form, flag::HEADLINE_CUE);
            }
        }
        for line in entries(include_str!("pronouns.txt")) {
            let mut parts = line.split_whitespace();
            let (Some(word), Some(kind)) = (parts.next(), parts.next()) else {
                continue;
            };
            let f = if kind == "relative" {
                flag::RELATIVE
            } else {
                flag::PRONOUN
            };
            lex.add(word, f);
            lex.set_gender(word, gender_of(kind));
        }
        for line in entries(include_str!("descriptions.txt")) {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            lex.add(word, flag::DESCRIPTION);
            if let Some(g) = parts.next() {
                lex.set_gender(word, gender_of(g));
            }
        }
        for line in entries(include_str!("anonymous.txt")) {
            if let Some(word) = line.strip_prefix("head ") {
                lex.add(word.trim(), flag::ANONYMOUS);
            } else if let Some(phrase) = line.strip_prefix("phrase ") {
                let words: Vec<Box<str>> = phrase.split_whitespace().map(Box::from).collect();
                if let Some(first) = words.first() {
                    lex.add(first, flag::ANONYMOUS_PHRASE_START);
                    lex.anonymous_phrases.push(words);
                }
            }
        }
        let given = include_str!("given_names.txt")
            .lines()
            .chain(include_str!("given_names_more.txt").lines());
        for line in given
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.split_whitespace();
            let (Some(g), Some(name)) = (parts.next(), parts.next()) else {
                continue;
            };
            let gender = gender_of(g);
            let known = Some(lex.get_lowercase(name)).filter(|i| i.flags != 0);
            lex.add(name, flag::GIVEN);
            match known {
                // Listed under both genders: the name alone tells nothing.
                Some(info) if info.has(flag::GIVEN) && info.gender != gender => {
                    lex.set_gender(name, Gender::Unknown)
                }
                _ => lex.set_gender(name, gender),
            }
        }
        for line in entries(include_str!("titles.txt")) {
            let mut parts = line.split_whitespace();
            let Some(word) = parts.next() else { continue };
            lex.add(word, flag::TITLE);
            if let Some(g) = parts.next() {
                lex.set_gender(word, gender_of(g));
            }
        }
        let simple: [(&'static str, u32); 9] = [
            (include_str!("modifiers.txt"), flag::MODIFIER),
            (include_str!("adjectives.txt"), flag::ADJECTIVE),
            (include_str!("stopwords.txt"), flag::STOP),
            (include_str!("days_months.txt"), flag::DAY_MONTH),
            (include_str!("aux.txt"), flag::AUX),
            (include_str!("org_words.txt"), flag::ORG_WORD),
            (include_str!("abbreviations.txt"), flag::ABBREVIATION),
            (include_str!("elisions.txt"), flag::ELISION),
            (include_str!("particles.txt"), flag::PARTICLE),
        ];
        for (data, f) in simple {
            for word in entries(data) {
                lex.add(word, f);
            }
        }
        for word in [
            "the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "his",
            "her", "their", "its", "our", "both",
        ] {
            lex.add(word, flag::DETERMINER);
        }
        for line in entries(include_str!("term_signals.txt")) {
            if let Some(words) = line.strip_prefix("before ") {
                if let Some(last) = words.split_whitespace().last() {
                    lex.add(last, flag::TERM_BEFORE_END);
                }
                lex.term_before
                    .push(words.split_whitespace().map(Into::into).collect());
            } else if let Some(word) = line.strip_prefix("after ") {
                lex.add(word.trim(), flag::TERM_AFTER);
            }
        }
        for line in entries(include_str!("cue_phrases.txt")) {
            let (kind, words) = line.split_once(' ').unwrap_or(("", ""));
            let source = if kind == "after" {
                PhraseSource::After
            } else {
                PhraseSource::Subject
            };
            let words: Vec<Box<str>> = words.split_whitespace().map(Into::into).collect();
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                lex.add(&first.clone(), flag::PHRASE_START);
                lex.add(&last.clone(), flag::PHRASE_END);
                lex.cue_phrases.push((words, source));
            }
        }
        for place in entries(include_str!("places.txt")) {
            lex.places.insert(place.into());
            lex.add_name(place, flag::PLACE);
        }
        for org in entries(include_str!("organisations.txt")) {
            lex.organisations.insert(org.into());
            lex.add_name(org, flag::ORGANISATION);
        }
        lex.add("the", flag::NAME_PHRASE_START);
        lex.packed = PackedTable::new(&std::mem::take(&mut lex.short));
        lex
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        match (pack(word.as_bytes()), pack_medium(word)) {
            (Some(k), _) => self.short.entry(k).or_default(),
            (_, Some(k)) => self.medium.entry(k).or_default(),
            _ => self.words.entry(word.into()).or_default(),
        }
    }

    fn add(&mut self, word: &str, f: u32) {
        self.entry(word).flags |= f;
    }

    /// A place or organisation: a one-word name gets `one_word`; a longer one
    /// marks its first word as the tokeniser reads it ("u.s" of "u.s. virgin
    /// islands"), which is what a run's first token is looked up as.
    fn add_name(&mut self, name: &str, one_word: u32) {
        if !name.contains(' ') {
            self.add(name, one_word);
            return;
        }
        let first = super::tokens::first_word(name);
        if !first.is_empty() {
            self.add(first, flag::NAME_PHRASE_START);
        }
    }

    fn set_gender(&mut self, word: &str, g: Gender) {
        self.entry(word).gender = g;
    }

    fn get_lowercase(&self, word: &str) -> WordInfo {
        match (pack(word.as_bytes()), pack_medium(word)) {
            // The map while the lists load, the frozen table once they have.
            (Some(k), _) if self.short.is_empty() => return self.packed.get(k),
            (Some(k), _) => self.short.get(&k),
            (_, Some(k)) => self.medium.get(&k),
            _ => self.words.get(word),
        }
        .copied()
        .unwrap_or_default()
    }

    /// Facts about `word` in any case.
    #[inline]
    pub fn word(&self, word: &str) -> WordInfo {
        self.word_in(word, 0..word.len())
    }

    /// Facts about the word at `range` of `text`, in any case. A short ASCII word
    /// is read from its bytes: slicing the string would check both ends for
    /// character boundaries, for every word of the draft.
    #[inline]
    pub fn word_in(&self, text: &str, range: Range<usize>) -> WordInfo {
        match text.as_bytes().get(range.clone()).and_then(pack) {
            Some(k) => self.packed.get(k),
            None => text
                .get(range)
                .map_or_else(WordInfo::default, |w| self.longer_word(w)),
        }
    }

    /// A word longer than eight bytes or not ASCII: kept out of line, so the
    /// common short lookup carries no buffer for lowercasing.
    #[inline(never)]
    fn longer_word(&self, word: &str) -> WordInfo {
        if let Some(k) = pack_medium(word) {
            return self.medium.get(&k).copied().unwrap_or_default();
        }
        with_lowercase(word, |w| self.get_lowercase(w))
    }

    /// Whether the lowercase phrase names a place.
    pub fn is_place(&self, lower_phrase: &str) -> bool {
        self.places.contains(lower_phrase)
    }

    /// Whether the lowercase phrase names an organisation, outlet or platform.
    pub fn is_organisation(&self, lower_phrase: &str) -> bool {
        self.organisations.contains(lower_phrase)
            || lower_phrase
                .strip_prefix("the ")
                .is_some_and(|p| self.organisations.contains(p))
    }
}

/// Whether a word, in any case, is a known given name ("ana", "Haley").
pub fn is_given_name(word: &str) -> bool {
    Lexicon::get().word(word).has(flag::GIVEN)
}

/// Packed short words by open addressing: the lexicon is asked about every word
/// of every draft, and one multiply and, most often, one compare answer it, where
/// a general hash map's probing costs several times that.
#[derive(Default)]
struct PackedTable {
    /// Key and facts side by side, so a lookup touches one cache line. A key of
    /// zero marks an empty slot: no packed word is zero, as packing sets a bit in
    /// each of its bytes.
    slots: Vec<(u64, WordInfo)>,
    /// The top bits of the product pick the slot, so every key bit counts.
    shift: u32,
}

impl PackedTable {
    fn new(words: &HashMap<u64, WordInfo, FxBuild>) -> PackedTable {
        // At most a quarter full, so a probe rarely goes past its first slot.
        let len = (words.len() * 4).next_power_of_two().max(16);
        let mut table = PackedTable {
            slots: vec![(0, WordInfo::default()); len],
            shift: 64 - len.trailing_zeros(),
        };
        for (&k, &info) in words {
            let mut i = table.slot(k);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (len - 1);
            }
            table.slots[i] = (k, info);
        }
        table
    }

    #[inline]
    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, k: u64) -> WordInfo {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.slot(k);
        while let Some(&(key, info)) = self.slots.get(i) {
            if key == k {
                return info;
            }
            if key == 0 {
                break;
            }
            i = (i + 1) & mask;
        }
        WordInfo::default()
    }
}

/// An ASCII word of up to eight bytes as one lowercase u64, or `None`.
#[inline]
fn pack(b: &[u8]) -> Option<u64> {
    let n = b.len();
    let le32 = |at: usize| {
        let four: [u8; 4] = b[at..at + 4].try_into().unwrap_or_default();
        u64::from(u32::from_le_bytes(four))
    };
    // Two loads that overlap in the middle rather than a loop over the bytes: the
    // overlapping bytes are the same bytes in the same places, so OR-ing is exact.
    let k = match n {
        4..=8 => le32(0) | le32(n - 4) << (8 * (n - 4)),
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        _ => return None,
    };
    if k & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    // Words hold letters, digits, hyphens and apostrophes: setting bit 5 lowercases
    // the letters and leaves the others as they are.
    let mask = 0x2020_2020_2020_2020u64 >> (8 * (8 - n));
    Some(k | mask)
}

/// An ASCII word of nine to sixteen bytes as one lowercase u128, or `None`: two
/// overlapping loads, as in [`pack`].
fn pack_medium(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    let n = b.len();
    if !(9..=16).contains(&n) {
        return None;
    }
    let le64 = |at: usize| {
        let eight: [u8; 8] = b[at..at + 8].try_into().unwrap_or_default();
        u128::from(u64::from_le_bytes(eight))
    };
    let k = le64(0) | le64(n - 8) << (8 * (n - 8));
    if k & 0x8080_8080_8080_8080_8080_8080_8080_8080 != 0 {
        return None;
    }
    Some(k | 0x2020_2020_2020_2020_2020_2020_2020_2020u128 >> (8 * (16 - n)))
}

/// Runs `f` on the lowercase form of `word`, with typographic apostrophes made
/// straight, without allocating for the usual short word. Names are asked of the
/// story's people several times each, many with an accent or two ("Sørensen"):
/// ASCII letters are lowercased by a bit even there, and only the others go to
/// the Unicode tables.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    let bytes = word.as_bytes();
    let mut len = 0;
    while len < bytes.len().min(buf.len()) && bytes[len].is_ascii() {
        buf[len] = bytes[len].to_ascii_lowercase();
        len += 1;
    }
    if len < bytes.len() {
        // `len` stands past ASCII bytes only, so at a character's start.
        for c in word[len..].chars() {
            let c = if c == '\u{2019}' { '\'' } else { c };
            if c.is_ascii() && len < buf.len() {
                buf[len] = (c as u8).to_ascii_lowercase();
                len += 1;
                continue;
            }
            for l in c.to_lowercase() {
                // Lowercasing can lengthen a word past the buffer.
                if len + l.len_utf8() > buf.len() {
                    return f(&lowercase_owned(word));
                }
                len += l.encode_utf8(&mut buf[len..]).len();
            }
        }
    }
    f(std::str::from_utf8(&buf[..len]).unwrap_or_default())
}

/// What [`with_lowercase`] gives, for a word too long for its buffer.
fn lowercase_owned(word: &str) -> String {
    word.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_alike_on_the_stack_and_off_it() {
        let reference = |w: &str| -> String {
            w.chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        // 'İ' lowercases to two characters, three bytes from two: the buffer's
        // edge is met at every length around it.
        let mut words: Vec<String> = ["Sørensen", "O’Neil", "ÉLYSÉE", "NATO", "Zoë’s", ""]
            .iter()
            .map(|w| w.to_string())
            .collect();
        for n in 25..=34 {
            words.push("A".repeat(n));
            words.push(format!("{}İ", "a".repeat(n - 2)));
            words.push(format!("{}ø", "B".repeat(n - 2)));
        }
        for w in &words {
            assert_eq!(with_lowercase(w, str::to_string), reference(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_is_lowercased_as_the_unicode_tables_say(
            w in "[aZ’'İßΣøÉ\u{10400}-]{0,40}"
        ) {
            let reference: String = w
                .chars()
                .map(|c| if c == '\u{2019}' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(with_lowercase(&w, str::to_string), reference);
        }
    }

    #[test]
    fn lists_load_with_their_roles() {
        let lex = Lexicon::get();
        assert!(lex.word("Said").has(flag::CUE));
        assert!(lex.word("saying").has(flag::PARTICIPLE));
        assert!(!lex.word("said").has(flag::PARTICIPLE));
        assert_eq!(lex.word("she").gender, Gender::Female);
        assert_eq!(lex.word("Vladimir").gender, Gender::Male);
        assert_eq!(lex.word("Karoline").gender, Gender::Female);
        assert!(lex.word("President").has(flag::TITLE));
        assert!(lex.is_place("kyiv"));
        assert!(lex.is_organisation("truth social"));
        assert!(lex.is_organisation("the kremlin"));
        assert!(
            lex.cue_phrases
                .iter()
                .any(|(w, s)| w.len() == 2 && *s == PhraseSource::After)
        );
    }

    #[test]
    fn a_word_read_in_place_has_the_facts_of_the_word_sliced_out() {
        let lex = Lexicon::get();
        let facts = |i: WordInfo| (i.flags, i.gender);
        let text = "Reuters said, according to Zoë Sørensen, a spokeswoman";
        let mut at = 0;
        for w in text.split([' ', ',']).filter(|w| !w.is_empty()) {
            let start = at + text[at..].find(w).unwrap();
            at = start + w.len();
            let sliced = facts(lex.word(w));
            assert_eq!(facts(lex.word_in(text, start..at)), sliced, "{w}");
        }
        assert!(lex.word_in(text, 8..12).has(flag::CUE), "said");
        // Past the end, or through the middle of "ë", there is no word to know.
        let nothing = facts(WordInfo::default());
        assert_eq!(facts(lex.word_in(text, 50..90)), nothing);
        let e = text.find('ë').unwrap();
        assert_eq!(facts(lex.word_in(text, e + 1..e + 3)), nothing);
    }

    #[test]
    fn short_words_pack_as_their_lowercase_bytes_and_others_do_not() {
        let reference = |w: &str| {
            let mut k = 0u64;
            for (i, b) in w.bytes().enumerate() {
                k |= u64::from(b | 0x20) << (8 * i);
            }
            k
        };
        for w in [
            "a", "He", "SAY", "said", "Putin", "don't", "co-chair", "ABCDEFGH",
        ] {
            assert_eq!(pack(w.as_bytes()), Some(reference(w)), "{w}");
        }
        // Each length tells apart words that share their first and last bytes.
        assert_ne!(pack(b"sad"), pack(b"sed"));
        assert_ne!(pack(b"sahid"), pack(b"saxid"));
        assert_ne!(pack(b"abcdefgh"), pack(b"abcxefgh"));
        assert_eq!(pack(b""), None);
        assert_eq!(pack(b"abcdefghi"), None);
        assert_eq!(pack("Zoë".as_bytes()), None);
        assert_eq!(pack("é".as_bytes()), None);
        let reference = |w: &str| {
            let mut k = 0u128;
            for (i, b) in w.bytes().enumerate() {
                k |= u128::from(b | 0x20) << (8 * i);
            }
            k
        };
        for w in [
            "Announced",
            "spokeswoman",
            "Counter-terrorism",
            "ABCDEFGHIJKLMNOP",
        ] {
            assert_eq!(pack_medium(w), (w.len() <= 16).then(|| reference(w)), "{w}");
        }
        assert_ne!(pack_medium("abcdefghij"), pack_medium("abcdefghix"));
        assert_ne!(pack_medium("abcdefghij"), pack_medium("xbcdefghij"));
        assert_eq!(pack_medium("abcdefgh"), None);
        assert_eq!(pack_medium("Zoëlandiaa"), None);
        // Packed or not, a word is found in any case.
        let lex = Lexicon::get();
        assert!(lex.word("SAID").has(flag::CUE));
        assert!(lex.word("Announced").has(flag::CUE));
        assert!(lex.word("SPOKESWOMAN").has(flag::DESCRIPTION));
        assert!(lex.word("spokeswoman").has(flag::DESCRIPTION));
    }
}
