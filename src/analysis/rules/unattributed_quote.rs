use std::ops::Range;

use super::{Context, Severity, declare_rule, first_words, ignore_comment};
use crate::analysis::model::{Edit, Finding, Fix, Quote, QuoteKind, Related};

declare_rule! {
    /// A quotation of speech (`full` or `partial`) whose source cannot be found.
    ///
    /// ## What it does
    /// Reports a quotation nobody is credited with: no one said, told, wrote or
    /// posted it, there is no "according to", and no speaker carries over from
    /// the quotation before it. Terms (titles, slogans, scare quotes) are never
    /// reported, nor quotations in a headline (a heading, a line set in title
    /// case, or the draft's short opening line) or in single marks in a subhead
    /// (a short line of its own), which the story attributes. The message quotes the first words; a note names the last
    /// person named before it, the likeliest speaker.
    ///
    /// ## Why is this bad?
    /// Every direct quotation needs a source the reader can see. A quotation
    /// without one reads as the writer's own claim, and a desk cannot check it.
    ///
    /// ## Example
    /// ```text
    /// “We will not let this become another decade of delays.” Residents cheered.
    /// ```
    /// Use instead:
    /// ```text
    /// “We will not let this become another decade of delays,” Mayor Ana Ruiz said.
    /// ```
    ///
    /// ## Fixes
    /// An attribution placeholder after the quotation (`“…,” [who] said.`) to
    /// fill in, and in Markdown an ignore comment for a quotation left
    /// unattributed on purpose.
    "unattributed-quote", Warning, check
}

/// Where the writer fills in the speaker.
pub const PLACEHOLDER: &str = "[who]";

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    let a = context.analysis;
    // A headline quotes without attribution: the story under it attributes.
    // So does a subhead, which like a headline quotes in single marks.
    let subhead = |q: &Quote| {
        context.text[q.span.clone()].starts_with(['‘', '\''])
            && !context.text[q.span.clone()].starts_with("''")
            && context.in_short_line(q.span.start)
    };
    let unattributed = a.quotes.iter().filter(|q| {
        q.kind != QuoteKind::Term
            && q.nested_in.is_none()
            && !q.attributed()
            && !context.in_headline(q.span.start)
            && !subhead(q)
    });
    let mentions = narrative_mentions(context);
    unattributed
        .map(|q| {
            let related = last_before(&mentions, q.span.start)
                .map(|(name, span)| Related {
                    message: ["last person named before it: ", name].concat(),
                    span,
                    place: None,
                })
                .into_iter()
                .collect();
            let placeholder = Fix {
                title: format!("Add an attribution after the quotation ({PLACEHOLDER} said)"),
                edits: attribution_placeholder(context.text, q),
                preferred: false,
            };
            let silence = ignore_comment(
                context,
                q.span.start,
                RULE.code,
                "Mark as intentionally unattributed",
            );
            Finding {
                rule: RULE.code,
                severity,
                message: [
                    "Quotation “",
                    &first_words(&context.text[q.inner.clone()], 6),
                    "” is not attributed: nobody is said to have said, told or written it.",
                ]
                .concat(),
                span: q.span.clone(),
                related,
                fixes: std::iter::once(placeholder).chain(silence).collect(),
            }
        })
        .collect()
}

/// Every mention of a person in the narrative (not inside a quotation), as the
/// span of its last word with the person's name, in text order.
fn narrative_mentions<'a>(context: &'a Context) -> Vec<(Range<usize>, &'a str)> {
    let a = context.analysis;
    let tops: Vec<&Range<usize>> = a
        .quotes
        .iter()
        .filter(|q| q.nested_in.is_none())
        .map(|q| &q.span)
        .collect();
    let quoted = |m: &Range<usize>| {
        let i = tops.partition_point(|q| q.start <= m.start);
        i > 0 && m.end <= tops[i - 1].end
    };
    let mut out: Vec<(Range<usize>, &str)> = a
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (m, p.name.as_str())))
        .filter(|(m, _)| !quoted(m))
        .map(|(m, name)| {
            // After the last space, which may be more than a byte (a no-break space).
            let start = context.text[m.clone()]
                .char_indices()
                .rfind(|(_, c)| c.is_whitespace())
                .map_or(m.start, |(i, c)| m.start + i + c.len_utf8());
            (start..m.end, name)
        })
        .collect();
    out.sort_by_key(|(w, _)| w.start);
    out
}

/// The person named last before `at`, with where.
fn last_before<'a>(
    mentions: &[(Range<usize>, &'a str)],
    at: usize,
) -> Option<(&'a str, Range<usize>)> {
    let i = mentions.partition_point(|(w, _)| w.start < at);
    let (span, name) = mentions.get(i.checked_sub(1)?)?;
    Some((name, span.clone()))
}

/// Puts an attribution after a quotation: “We won.” becomes “We won,” [who] said.
pub fn attribution_placeholder(text: &str, q: &Quote) -> Vec<Edit> {
    let inner = text.get(q.inner.clone()).unwrap_or("").trim_end();
    let after = q.span.end..q.span.end;
    let said = format!(" {PLACEHOLDER} said");
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
                span: after,
                new_text: format!("{said}."),
            },
        ]
    } else if inner.ends_with(['!', '?']) && !follows_stop {
        vec![Edit {
            span: after,
            new_text: format!("{said}."),
        }]
    } else {
        vec![Edit {
            span: after,
            new_text: said,
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::editor::apply;
    use crate::text::Format;

    fn fixed(text: &str, format: Format, title_starts: &str) -> String {
        let a = analyze(text, &Options::new(format));
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == RULE.code)
            .expect("a finding");
        let fix = f
            .fixes
            .iter()
            .find(|x| x.title.starts_with(title_starts))
            .expect("the fix");
        apply(text, fix.edits.clone())
    }

    #[test]
    fn the_placeholder_turns_the_stop_into_a_comma() {
        let text = "“We won.” The crowd cheered.";
        assert_eq!(
            fixed(text, Format::PlainText, "Add an attribution"),
            "“We won,” [who] said. The crowd cheered."
        );
    }

    #[test]
    fn the_ignore_comment_silences_the_finding_and_only_markdown_has_one() {
        let text = "# Vote\n\nThe hall was full.\n\n> “We will not let this become another decade of delays.” Residents cheered.\n";
        let out = fixed(text, Format::Markdown, "Mark as intentionally");
        assert!(out.contains("\n<!-- copydesk-ignore unattributed-quote -->\n> “We"));
        let again = analyze(&out, &Options::new(Format::Markdown));
        assert!(again.findings.iter().all(|f| f.rule != RULE.code));
        let plain = analyze(text, &Options::new(Format::PlainText));
        let f = plain.findings.iter().find(|f| f.rule == RULE.code).unwrap();
        assert_eq!(f.fixes.len(), 1, "plain text has no comments");
    }

    #[test]
    fn the_last_name_is_pointed_at_after_a_no_break_space() {
        let text = "Ana\u{a0}Ruiz spoke.\n\n“We won.” The hall emptied.\n";
        let a = crate::analyze(text, &crate::Options::new(Format::PlainText));
        let f = a.findings.iter().find(|f| f.rule == RULE.code).unwrap();
        assert_eq!(&text[f.related[0].span.clone()], "Ruiz");
    }

    #[test]
    fn an_unattributed_quotation_is_shown_by_its_first_six_words() {
        assert_eq!(first_words("We  will\nwin", 6), "We will win");
        assert_eq!(
            first_words("one two three four five six seven", 6),
            "one two three four five six…"
        );
        assert_eq!(first_words("", 6), "");
    }
}
