use super::{Context, Severity, declare_rule, first_words};
use crate::analysis::material::speaker_is;
use crate::analysis::model::{Finding, Related};

declare_rule! {
    /// A quotation the sources give to someone other than its speaker.
    ///
    /// ## What it does
    /// On only when a draft declares its sources (see `quote-not-in-source`).
    /// Reports a quotation whose words are in a transcript or notes, but in the
    /// turn of another voice than the person the draft credits: the WebVTT
    /// voice tag (`<v Tom Ruiz>`) or the speaker label (`RUIZ:`, `Q:`) names
    /// someone else. Both names are in the message, and the related location
    /// is the passage in the source. A label that names nobody in particular
    /// (`A:`) and a source with no labels are never reported.
    ///
    /// ## Why is this bad?
    /// Words put in the wrong mouth are a misquote as serious as changed words,
    /// and the easiest to make when a transcript has several voices.
    ///
    /// ## Example
    /// With the transcript giving “Nobody asked the drivers” to Tom Ruiz:
    /// ```text
    /// “Nobody asked the drivers,” Mayor Jane Hale said.
    /// ```
    /// Use instead:
    /// ```text
    /// “Nobody asked the drivers,” said Tom Ruiz.
    /// ```
    "quote-speaker-mismatch", Warning, check
}

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    let analysis = context.analysis;
    let mut out = Vec::new();
    for q in &analysis.quotes {
        let Some(found) = q.found.as_ref().filter(|f| f.exact) else {
            continue;
        };
        let Some(label) = &found.speaker else {
            continue;
        };
        if speaker_is(analysis, q, label) != Some(false) {
            continue;
        }
        let Some(credited) = analysis.speaker_name(q) else {
            continue;
        };
        let voice = if label == "Q" {
            "the interviewer (Q)".to_string()
        } else {
            label.clone()
        };
        out.push(Finding {
            rule: RULE.code,
            severity,
            message: format!(
                "Quotation “{}” is credited to {credited}, but {} gives these words to {voice}.",
                first_words(&context.text[q.inner.clone()], 6),
                found.place.label()
            ),
            span: q.span.clone(),
            related: vec![Related {
                message: format!("{voice} says it here"),
                span: found.place.span.clone(),
                place: Some(Box::new(found.place.clone())),
            }],
            fixes: Vec::new(),
        });
    }
    out
}
