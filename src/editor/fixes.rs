//! The house-list entry a `name-spelling` quick fix adds to `copydesk.toml`:
//! the one fix that edits another file than the draft, so it is the editor's,
//! not the rule's.

/// A `[[people]]` entry for `copydesk.toml`, with the spellings that are wrong.
pub fn house_entry(name: &str, variants: &[&str]) -> String {
    let quoted = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let mut entry = format!("[[people]]\nname = {}\n", quoted(name));
    if !variants.is_empty() {
        let list: Vec<String> = variants.iter().map(|v| quoted(v)).collect();
        entry.push_str(&format!("variants = [{}]\n", list.join(", ")));
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_entry_is_valid_toml() {
        let entry = house_entry("Volodymyr \"V\" Zelensky", &["Zelenskyy"]);
        let config = crate::config::parse(&entry, std::path::Path::new("copydesk.toml")).unwrap();
        assert_eq!(config.people[0].name, "Volodymyr \"V\" Zelensky");
        assert_eq!(config.people[0].variants, vec!["Zelenskyy".to_string()]);
    }
}
