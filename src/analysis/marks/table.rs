//! The marks table (`lexicon/marks.txt`): what each quotation mark is.

use std::sync::OnceLock;

use super::Family;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Opener,
    Closer,
    Straight,
    Apostrophe,
}

/// One row of the marks table.
#[derive(Debug)]
pub struct Mark {
    pub mark: char,
    pub family: Family,
    pub role: Role,
    /// What closes a quotation this mark opens; empty for a mark that never opens.
    pub closers: Vec<char>,
}

pub fn marks() -> &'static [Mark] {
    static MARKS: OnceLock<Vec<Mark>> = OnceLock::new();
    MARKS.get_or_init(|| {
        include_str!("../lexicon/marks.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                let mark = parts.next()?.chars().next()?;
                let family = match parts.next()? {
                    "double" => Family::Double,
                    "single" => Family::Single,
                    "guillemet" => Family::Guillemet,
                    "single-guillemet" => Family::SingleGuillemet,
                    _ => return None,
                };
                let role = match parts.next()? {
                    "opener" => Role::Opener,
                    "closer" => Role::Closer,
                    "straight" => Role::Straight,
                    "apostrophe" => Role::Apostrophe,
                    _ => return None,
                };
                let closers = parts
                    .filter(|p| *p != "-")
                    .filter_map(|p| p.chars().next())
                    .collect();
                Some(Mark {
                    mark,
                    family,
                    role,
                    closers,
                })
            })
            .collect()
    })
}

/// The row of a quotation mark. Every mark is a straight quote, a guillemet or
/// in General Punctuation's quotation block, so most characters are told apart
/// by a range test before the table is read.
pub fn mark_of(c: char) -> Option<&'static Mark> {
    let may_be_mark = matches!(c, '"' | '\'' | '«' | '»' | '\u{2018}'..='\u{203a}');
    if !may_be_mark {
        return None;
    }
    marks().iter().find(|m| m.mark == c)
}
