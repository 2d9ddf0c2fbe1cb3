//! Keys of a Markdown draft's front matter: YAML between `---` lines, or TOML
//! between `+++` lines. Only what copydesk reads is read (`lang`, `sources`),
//! with a plain reading of the two forms newsrooms write: `key: value`, a flow
//! list `key: [a, b]`, or a block list of `- item` lines.

use super::Format;

/// The front matter block's lines and its kind, if the draft opens with one.
fn block(text: &str, format: Format) -> Option<(Vec<&str>, bool)> {
    if format != Format::Markdown {
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let fence = match lines.next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return None,
    };
    let mut body = Vec::new();
    for line in lines {
        if line.trim_end() == fence {
            return Some((body, fence == "+++"));
        }
        body.push(line);
    }
    // Never closed: not front matter.
    None
}

/// The values under `key`: a list's items, or a single value as one item.
pub fn list(text: &str, format: Format, key: &str) -> Vec<String> {
    let Some((lines, toml)) = block(text, format) else {
        return Vec::new();
    };
    if toml {
        let Ok(table) = lines.join("\n").parse::<toml::Table>() else {
            return Vec::new();
        };
        return match table.get(key) {
            Some(toml::Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(toml::Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        };
    }
    let mut out = Vec::new();
    let mut in_list = false;
    for line in lines {
        let value = line
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'));
        if let Some(value) = value {
            let value = value.trim();
            in_list = value.is_empty();
            if let Some(flow) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                out.extend(flow.split(',').map(unquote).filter(|s| !s.is_empty()));
            } else if !value.is_empty() {
                out.push(unquote(value));
            }
        } else if in_list {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => out.push(unquote(item)),
                None if line.starts_with([' ', '\t']) || line.trim().is_empty() => {}
                None => in_list = false,
            }
        }
    }
    out
}

/// The single value under `key`.
pub fn value(text: &str, format: Format, key: &str) -> Option<String> {
    list(text, format, key).into_iter().next()
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches(['"', '\'']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_values_in_yaml_and_toml() {
        let flow =
            "---\ntitle: x\nsources: [notes/a.vtt, \"releases/b.txt\"]\nlang: de\n---\nBody\n";
        assert_eq!(
            list(flow, Format::Markdown, "sources"),
            ["notes/a.vtt", "releases/b.txt"]
        );
        assert_eq!(value(flow, Format::Markdown, "lang").as_deref(), Some("de"));
        let block = "---\nsources:\n  - notes/a.vtt\n  - 'c d.srt'\ndesk: metro\n---\n";
        assert_eq!(
            list(block, Format::Markdown, "sources"),
            ["notes/a.vtt", "c d.srt"]
        );
        let toml = "+++\nsources = [\"n.txt\"]\nlang = \"fr\"\n+++\n";
        assert_eq!(list(toml, Format::Markdown, "sources"), ["n.txt"]);
        assert_eq!(value(toml, Format::Markdown, "lang").as_deref(), Some("fr"));
        // Only Markdown has front matter, only at the top, and only closed.
        assert!(list(block, Format::PlainText, "sources").is_empty());
        assert!(list("sources: [a]\n", Format::Markdown, "sources").is_empty());
        assert!(list("---\nsources: [a]\n", Format::Markdown, "sources").is_empty());
        // A key is matched whole.
        assert!(value("---\nlanguage_note: x\n---\n", Format::Markdown, "lang").is_none());
    }
}
