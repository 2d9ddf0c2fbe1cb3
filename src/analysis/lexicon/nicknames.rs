//! Given names and the short forms people go by ("Sandra" / "Sandy").

use rustc_hash::FxHashMap;

/// Which given names are one name in another form.
#[derive(Debug, Clone, Default)]
pub struct Nicknames {
    /// Each name, lowercase, with the groups (one line of the list each) it
    /// belongs to.
    groups: FxHashMap<Box<str>, Vec<u32>>,
}

impl Nicknames {
    /// Reads the list: a given name, then its short forms, on each line.
    pub(super) fn load(lines: impl Iterator<Item = &'static str>) -> Nicknames {
        let mut groups: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (group, line) in lines.enumerate() {
            for name in line.split_whitespace() {
                groups.entry(name.into()).or_default().push(group as u32);
            }
        }
        Nicknames { groups }
    }

    /// Whether `a` and `b` (lowercase) are one given name, or one a short form
    /// of the other ("bill" and "william").
    pub fn same_name(&self, a: &str, b: &str) -> bool {
        a == b
            || match (self.groups.get(a), self.groups.get(b)) {
                (Some(ga), Some(gb)) => ga.iter().any(|g| gb.contains(g)),
                _ => false,
            }
    }
}
