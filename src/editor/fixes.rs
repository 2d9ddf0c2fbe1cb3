//! Edits for the quick fixes that `Finding::fixes` does not carry: an attribution
//! placeholder, an ignore comment, an entry for the house list.

use std::ops::Range;

use crate::analysis::{Edit, Quote};
use crate::text::{Format, ProseMap};

/// Where the writer fills in the speaker.
pub const PLACEHOLDER: &str = "[who]";

/// Puts an attribution after a quotation: “We won.” becomes “We won,” [who] said.
pub fn attribution_placeholder(text: &str, q: &Quote) -> Vec<Edit> {
    let inner = text.get(q.inner.clone()).unwrap_or("").trim_end();
    let after = Edit {
        span: q.span.end..q.span.end,
        new_text: format!(" {PLACEHOLDER} said"),
    };
    let follows_stop = text
        .get(q.span.end..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
    if inner.ends_with('.') {
        let stop = q.inner.start + inner.len() - 1;
        vec![
            Edit {
                span: stop..stop + 1,
                new_text: ",".into(),
            },
            Edit {
                new_text: format!("{}.", after.new_text),
                ..after
            },
        ]
    } else if inner.ends_with(['!', '?']) && !follows_stop {
        vec![Edit {
            new_text: format!("{}.", after.new_text),
            ..after
        }]
    } else {
        vec![after]
    }
}

/// The comment that marks a paragraph's findings of `rule` as intended, put on a
/// line of its own before the paragraph holding `at` (where `copydesk check`
/// looks for it). Markdown only: plain text has no comments.
pub fn ignore_comment(text: &str, format: Format, at: usize, rule: &str) -> Option<Edit> {
    if format != Format::Markdown {
        return None;
    }
    let prose = ProseMap::new(text, format);
    let block: Range<usize> = prose
        .blocks
        .iter()
        .find(|b| b.start <= at && at < b.end.max(b.start + 1))?
        .clone();
    let line_start = text[..block.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let indent: String = text[line_start..block.start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(Edit {
        span: line_start..line_start,
        new_text: format!("{indent}<!-- copydesk-ignore {rule} -->{newline}"),
    })
}

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
    use crate::analysis::rules::UNATTRIBUTED_QUOTE;
    use crate::editor::apply;
    use crate::{Options, analyze};

    #[test]
    fn placeholder_turns_the_stop_into_a_comma() {
        let text = "“We won.” The crowd cheered.";
        let a = analyze(text, &Options::default());
        let out = apply(text, attribution_placeholder(text, &a.quotes[0]));
        assert_eq!(out, "“We won,” [who] said. The crowd cheered.");
    }

    #[test]
    fn ignore_comment_silences_the_finding_in_check() {
        let text = "# Vote\n\nThe hall was full.\n\n> “We will not let this become another decade of delays.” Residents cheered.\n";
        let options = Options::new(Format::Markdown);
        let a = analyze(text, &options);
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == UNATTRIBUTED_QUOTE)
            .unwrap();
        let edit = ignore_comment(text, Format::Markdown, f.span.start, f.rule).unwrap();
        let fixed = apply(text, vec![edit]);
        assert!(fixed.contains("\n<!-- copydesk-ignore unattributed-quote -->\n> “We"));
        let again = analyze(&fixed, &options);
        assert!(again.findings.iter().all(|f| f.rule != UNATTRIBUTED_QUOTE));
        assert!(ignore_comment(text, Format::PlainText, f.span.start, f.rule).is_none());
    }

    #[test]
    fn house_entry_is_valid_toml() {
        let entry = house_entry("Volodymyr \"V\" Zelensky", &["Zelenskyy"]);
        let config = crate::config::parse(&entry, std::path::Path::new("copydesk.toml")).unwrap();
        assert_eq!(config.people[0].name, "Volodymyr \"V\" Zelensky");
        assert_eq!(config.people[0].variants, vec!["Zelenskyy".to_string()]);
    }
}
