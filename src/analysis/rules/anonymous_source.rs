use rustc_hash::FxHashSet;

use super::{Context, Severity, declare_rule};
use crate::analysis::model::{Finding, Related, Speaker};

declare_rule! {
    /// A quotation whose only source is anonymous.
    ///
    /// ## What it does
    /// Reports a quotation credited only to a source the reader cannot hold to
    /// it: "a source familiar with the matter", "officials said", "a senior
    /// aide, who spoke on condition of anonymity". Reported once per source; at
    /// the default severity (information) it never fails `copydesk check`.
    ///
    /// ## Why is this bad?
    /// AP and Reuters allow anonymous sources only when the information is vital
    /// and not available otherwise, and ask the story to say why the source
    /// could not be named. Editors want to see each one.
    ///
    /// ## Example
    /// ```text
    /// “We will not pay,” a senior official said.
    /// ```
    /// Use instead (where the source can be named):
    /// ```text
    /// “We will not pay,” Finance Minister Anna Berg said.
    /// ```
    "anonymous-source", Information, check
}

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    // Several quotations may share one cue: each source is reported once.
    let mut seen = FxHashSet::default();
    let mut out = Vec::new();
    for q in &context.analysis.quotes {
        let Some(Speaker::Description(who)) = &q.speaker else {
            continue;
        };
        if !who.anonymous || q.nested_in.is_some() {
            continue;
        }
        let Some(source) = q.cue.as_ref().map(|c| c.source.clone()) else {
            continue;
        };
        if !seen.insert(source.clone()) {
            continue;
        }
        out.push(Finding {
            rule: RULE.code,
            severity,
            message: [
                "Only an anonymous source stands behind this quotation: ",
                &who.text,
                ".",
            ]
            .concat(),
            span: source,
            related: vec![Related {
                message: "the quotation".into(),
                span: q.span.clone(),
                place: None,
            }],
            fixes: Vec::new(),
        });
    }
    out
}
