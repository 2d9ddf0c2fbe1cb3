//! How well `name-spelling` finds a name spelled two ways.
//!
//! For every person a labelled draft names at least twice, one later mention is
//! rewritten to a realistic variant — a transliteration, a doubled or dropped
//! letter, swapped letters, diacritics, case, a hyphen or space, initials, a
//! given-name variant — and the check must flag that mention. The unchanged drafts
//! must stay (almost) silent. The test prints the figures.

#[path = "common/eval_drafts.rs"]
mod eval_drafts;
use eval_drafts::drafts;

use std::ops::Range;
use std::path::Path;

use copydesk::analysis::{Options, analyze};
use copydesk::text::{Format, ProseMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Transliteration,
    DoubledOrDropped,
    Dropped,
    Swapped,
    Diacritics,
    Case,
    HyphenOrSpace,
    Initials,
    GivenName,
}

const KINDS: [Kind; 9] = [
    Kind::Transliteration,
    Kind::DoubledOrDropped,
    Kind::Dropped,
    Kind::Swapped,
    Kind::Diacritics,
    Kind::Case,
    Kind::HyphenOrSpace,
    Kind::Initials,
    Kind::GivenName,
];

fn people(draft: &Path) -> Vec<String> {
    std::fs::read_to_string(draft.with_extension("labels"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("person | "))
        .map(|l| l.split(" | ").next().unwrap_or("").trim().to_string())
        .filter(|n| n.split_whitespace().count() > 1)
        .collect()
}

/// Prose occurrences of `word` as a whole word.
fn occurrences(text: &str, prose: &ProseMap, word: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(word) {
        let at = from + p;
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-');
        if boundary && prose.masked[at..end] == text[at..end] && !prose.in_heading(at) {
            out.push(at..end);
        }
        from = at + word.len();
    }
    out
}

fn is_vowel(c: char) -> bool {
    "aeiouAEIOU".contains(c)
}

/// A variant of `word` of `kind`, if that kind applies to it.
fn variant(kind: Kind, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    match kind {
        Kind::Transliteration => {
            // The shifts between romanisations: Zelensky/Zelenskyy, -ov/-off,
            // ch/tch, -i/-y, k/ck, s/z, v/w.
            let candidates = [
                word.ends_with('y').then(|| format!("{word}y")),
                (word.ends_with("ev") || word.ends_with("ov"))
                    .then(|| format!("{}ff", &word[..word.len() - 1])),
                word.contains("ch").then(|| word.replacen("ch", "tch", 1)),
                word.ends_with('i')
                    .then(|| format!("{}y", &word[..word.len() - 1])),
                word[1..]
                    .contains('k')
                    .then(|| format!("{}{}", &word[..1], word[1..].replacen('k', "ck", 1))),
                word[1..]
                    .contains('s')
                    .then(|| format!("{}{}", &word[..1], word[1..].replacen('s', "z", 1))),
                word[1..]
                    .contains('v')
                    .then(|| format!("{}{}", &word[..1], word[1..].replacen('v', "w", 1))),
            ];
            candidates.into_iter().flatten().find(|v| v != word)
        }
        Kind::DoubledOrDropped => {
            // Drop one of a doubled letter (Leavitt → Leavit), else double one.
            if let Some(i) = (1..n).find(|&i| chars[i] == chars[i - 1] && chars[i].is_alphabetic())
            {
                let mut c = chars.clone();
                c.remove(i);
                return Some(c.into_iter().collect());
            }
            let i = (1..n.saturating_sub(1)).find(|&i| {
                !is_vowel(chars[i]) && chars[i].is_ascii_lowercase() && is_vowel(chars[i - 1])
            })?;
            let mut c = chars.clone();
            c.insert(i, chars[i]);
            Some(c.into_iter().collect())
        }
        Kind::Dropped => {
            if n < 5 {
                return None;
            }
            let i =
                (2..n - 1).find(|&i| chars[i].is_ascii_lowercase() && chars[i] != chars[i - 1])?;
            let mut c = chars.clone();
            c.remove(i);
            Some(c.into_iter().collect())
        }
        Kind::Swapped => {
            if n < 5 {
                return None;
            }
            let i = (2..n - 1).find(|&i| {
                chars[i] != chars[i + 1]
                    && chars[i].is_ascii_lowercase()
                    && chars[i + 1].is_ascii_lowercase()
            })?;
            let mut c = chars.clone();
            c.swap(i, i + 1);
            Some(c.into_iter().collect())
        }
        Kind::Diacritics => {
            if !word.is_ascii() {
                let plain: String = word
                    .chars()
                    .map(|c| match c {
                        'é' | 'è' | 'ë' => 'e',
                        'á' | 'à' | 'ä' => 'a',
                        'ó' | 'ö' | 'ø' => 'o',
                        'ú' | 'ü' => 'u',
                        'í' | 'ï' => 'i',
                        'ğ' => 'g',
                        'ñ' => 'n',
                        'ç' => 'c',
                        other => other,
                    })
                    .collect();
                return (plain != word).then_some(plain);
            }
            let i = (1..n).find(|&i| matches!(chars[i], 'e' | 'o' | 'a' | 'u'))?;
            let mut c = chars.clone();
            c[i] = match chars[i] {
                'e' => 'é',
                'o' => 'ö',
                'a' => 'á',
                _ => 'ü',
            };
            Some(c.into_iter().collect())
        }
        Kind::Case => {
            let i = (1..n).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_alphabetic())?;
            let mut c = chars.clone();
            c[i] = chars[i].to_lowercase().next()?;
            Some(c.into_iter().collect())
        }
        Kind::HyphenOrSpace => word.contains('-').then(|| word.replacen('-', " ", 1)),
        Kind::Initials => {
            if word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
                Some(format!("{}.{}.", &word[..1], &word[1..]))
            } else if word.len() == 4 && word.as_bytes()[1] == b'.' && word.as_bytes()[3] == b'.' {
                Some(format!("{}{}", &word[..1], &word[2..3]))
            } else {
                None
            }
        }
        Kind::GivenName => {
            let first = *chars.first()?;
            let swapped = match first {
                'C' => Some('K'),
                'K' => Some('C'),
                _ => None,
            };
            if let Some(s) = swapped {
                return Some(
                    std::iter::once(s)
                        .chain(chars[1..].iter().copied())
                        .collect(),
                );
            }
            if word.contains("ph") {
                return Some(word.replacen("ph", "f", 1));
            }
            if let Some(i) = (1..n).find(|&i| chars[i] == 'y') {
                let mut c = chars.clone();
                c[i] = 'i';
                return Some(c.into_iter().collect());
            }
            if word.ends_with('a') && n > 4 {
                return Some(format!("{word}h"));
            }
            None
        }
    }
}

/// The part of a name each kind rewrites.
fn part(kind: Kind, name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match kind {
        Kind::Initials | Kind::GivenName => words[0].to_string(),
        Kind::HyphenOrSpace => words
            .iter()
            .find(|w| w.contains('-'))
            .unwrap_or(&words[0])
            .to_string(),
        _ => words[words.len() - 1].to_string(),
    }
}

struct Case {
    draft: String,
    kind: Kind,
    original: String,
    variant: String,
    found: bool,
}

#[test]
fn a_name_spelled_two_ways_is_found_on_the_changed_mention() {
    let files = drafts();
    let mut cases: Vec<Case> = Vec::new();
    let mut silent_findings = 0;
    let mut silent_notes = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let format = Format::from_path(&name);
        let options = Options::new(format);
        let baseline = analyze(&text, &options);
        for f in baseline
            .findings
            .iter()
            .filter(|f| f.rule == "name-spelling")
        {
            silent_findings += 1;
            silent_notes.push(format!("{name}: {}", f.message));
        }
        let prose = ProseMap::new(&text, format);
        for person in people(path) {
            // Of the kinds that apply to this name, the one tried least so far, so
            // every kind gets its share.
            let mut applicable: Vec<(Kind, String, String, Range<usize>)> = Vec::new();
            for kind in KINDS {
                let original = part(kind, &person);
                let occ = occurrences(&text, &prose, &original);
                if occ.len() < 2 {
                    continue;
                }
                if let Some(new) = variant(kind, &original) {
                    applicable.push((kind, original, new, occ[occ.len() - 1].clone()));
                }
            }
            let tried = |k: Kind| cases.iter().filter(|c| c.kind == k).count();
            applicable.sort_by_key(|(k, ..)| tried(*k));
            if let Some((kind, original, new, target)) = applicable.into_iter().next() {
                let mutated = format!("{}{}{}", &text[..target.start], new, &text[target.end..]);
                let changed = target.start..target.start + new.len();
                let a = analyze(&mutated, &options);
                let found = a.findings.iter().any(|f| {
                    f.rule == "name-spelling"
                        && f.span.start < changed.end
                        && changed.start < f.span.end
                });
                cases.push(Case {
                    draft: name.clone(),
                    kind,
                    original,
                    variant: new,
                    found,
                });
            }
        }
    }
    let found = cases.iter().filter(|c| c.found).count();
    let rate = found as f64 / cases.len().max(1) as f64;
    for c in cases.iter().filter(|c| !c.found) {
        println!(
            "  missed: {} {:?} {} → {}",
            c.draft, c.kind, c.original, c.variant
        );
    }
    for n in &silent_notes {
        println!("  on an unchanged draft: {n}");
    }
    let per_kind: Vec<String> = KINDS
        .iter()
        .map(|k| {
            let of_kind: Vec<&Case> = cases.iter().filter(|c| c.kind == *k).collect();
            format!(
                "{k:?} {}/{}",
                of_kind.iter().filter(|c| c.found).count(),
                of_kind.len()
            )
        })
        .collect();
    println!(
        "name-spelling over {} drafts: {found}/{} changed mentions found ({:.1} %); by kind: {}; {} finding(s) on the {} unchanged drafts",
        files.len(),
        cases.len(),
        rate * 100.0,
        per_kind.join(", "),
        silent_findings,
        files.len()
    );
    for k in KINDS {
        assert!(cases.iter().any(|c| c.kind == k), "no case of kind {k:?}");
    }
    assert!(
        rate >= 0.95,
        "found {rate:.3} of changed mentions, below 0.95"
    );
    assert!(
        silent_findings * 20 <= files.len(),
        "{silent_findings} name-spelling findings on {} unchanged drafts",
        files.len()
    );
}
