use super::{Context, Severity, declare_rule, first_words};
use crate::analysis::material::words_in;
use crate::analysis::model::{Edit, Finding, Fix, Found, Quote, QuoteKind, Related};

declare_rule! {
    /// A quotation whose words are not in the draft's sources.
    ///
    /// ## What it does
    /// On only when a draft declares its source material: interview notes,
    /// transcripts (WebVTT, SubRip, or text with speaker labels), a release, a
    /// filing — named in front matter (`sources: [notes/hale.vtt]`), mapped in
    /// `copydesk.toml` (`[sources]`), or given with `copydesk check --sources`.
    /// Reports a quotation of speech (full or partial, never a term) whose words
    /// occur in none of them. Words are compared, not bytes: case, curly or
    /// straight quotes, dashes and the transcript's line breaks do not count, an
    /// ellipsis stands for words left out and `[bracketed]` words for words
    /// replaced. When a passage comes close, the finding says how close and
    /// points at it (file, line, and the time in a transcript), and its fix puts
    /// the source's words in the quotation. When nothing comes close, the
    /// quotation may be invented, or a paraphrase put in quote marks. A declared
    /// source that cannot be read is reported once, on the draft's first line.
    ///
    /// ## Why is this bad?
    /// A misquote is the copy desk's most expensive mistake. AP: quotations must
    /// be the exact words the speaker used; a paraphrase goes without quote
    /// marks. Checking each quotation against the notes by hand is slow, and the
    /// one that slips through is the one that makes the correction column.
    ///
    /// ## Example
    /// With `notes/hale.vtt` holding “The bridge will open in May”:
    /// ```text
    /// “The bridge will open in June,” Hale said.
    /// ```
    /// Use instead:
    /// ```text
    /// “The bridge will open in May,” Hale said.
    /// ```
    "quote-not-in-source", Warning, check
}

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    let material = context.material;
    let first_line = 0..context
        .text
        .find(['\n', '\r'])
        .unwrap_or(context.text.len());
    let mut out: Vec<Finding> = material
        .unreadable
        .iter()
        .map(|u| Finding {
            rule: RULE.code,
            severity,
            message: format!(
                "Source {} cannot be read ({}), so no quotation is checked against it.",
                u.file, u.why
            ),
            span: first_line.clone(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect();
    if material.sources.is_empty() {
        return out;
    }
    for q in &context.analysis.quotes {
        if q.kind == QuoteKind::Term {
            continue;
        }
        let shown = first_words(&context.text[q.inner.clone()], 6);
        let finding = match &q.found {
            Some(found) if found.exact => continue,
            Some(found) => Finding {
                rule: RULE.code,
                severity,
                message: format!(
                    "Quotation “{shown}” is not in the sources as quoted: the closest passage, at {}, has {} of its {} words.",
                    found.place.label(),
                    found.shared,
                    found.words
                ),
                span: q.span.clone(),
                related: vec![Related {
                    message: format!("the source says: “{}”", found.passage),
                    span: found.place.span.clone(),
                    place: Some(Box::new(found.place.clone())),
                }],
                fixes: source_words(context.text, q, found).into_iter().collect(),
            },
            None => Finding {
                rule: RULE.code,
                severity,
                message: format!(
                    "Quotation “{shown}” is in none of the sources ({}): no passage there comes close.",
                    material.names()
                ),
                span: q.span.clone(),
                related: Vec::new(),
                fixes: Vec::new(),
            },
        };
        out.push(finding);
    }
    out
}

/// The fix that puts the source's words in place of the quotation's, from its
/// first word to its last, keeping the quotation's own punctuation around them
/// and the case of its first letter.
fn source_words(text: &str, q: &Quote, found: &Found) -> Option<Fix> {
    let words = words_in(text, q.inner.clone());
    let span = words.first()?.span.start..words.last()?.span.end;
    let mut passage = found.passage.clone();
    let upper = text[span.clone()].starts_with(char::is_uppercase);
    if let Some(first) = passage.chars().next() {
        let cased: String = if upper {
            first.to_uppercase().collect()
        } else {
            first.to_lowercase().collect()
        };
        passage.replace_range(..first.len_utf8(), &cased);
    }
    if text[span.clone()] == passage {
        return None;
    }
    Some(Fix {
        title: format!("Use the words of {}", found.place.label()),
        edits: vec![Edit {
            span,
            new_text: passage,
        }],
        // Preferred when the passage is plainly the one quoted: most words the same.
        preferred: found.shared * 5 >= found.words * 4,
    })
}
