use super::{Context, Severity, declare_rule};
use crate::analysis::model::{Edit, Finding, Fix, Related};

declare_rule! {
    /// A person's first mention gives only the surname while the full name comes later.
    ///
    /// ## What it does
    /// Reports the first mention of a person when it is a bare surname and the
    /// full name only appears further down. Headlines and quotations do not
    /// count as first references.
    ///
    /// ## Why is this bad?
    /// AP style wants a person's full name on first reference and the surname
    /// alone after it: a reader meeting "Hale" first does not know who is meant.
    ///
    /// ## Example
    /// ```text
    /// Hale said the bridge would open in May. Council member Martin Hale voted yes.
    /// ```
    /// Use instead:
    /// ```text
    /// Martin Hale said the bridge would open in May. Council member Hale voted yes.
    /// ```
    ///
    /// ## Fixes
    /// The first mention replaced by the full name.
    "first-reference", Hint, check
}

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    let mut out = Vec::new();
    for cluster in context.names {
        let first = cluster.mentions.iter().find(|m| !m.aside);
        let full = cluster
            .mentions
            .iter()
            .find(|m| m.written.contains(' ') && !m.aside);
        let (Some(first), Some(full)) = (first, full) else {
            continue;
        };
        if first.written.contains(' ') || full.span.start <= first.span.start {
            continue;
        }
        let winner = &cluster.winner;
        out.push(Finding {
            rule: RULE.code,
            severity,
            message: format!(
                "First reference to {winner} is “{}” alone; the full name only comes later.",
                &context.text[first.span.clone()]
            ),
            span: first.span.clone(),
            related: vec![Related {
                message: "the full name first appears here".into(),
                span: full.span.clone(),
                place: None,
            }],
            fixes: vec![Fix {
                title: format!("Use the full name “{winner}”"),
                edits: vec![Edit {
                    span: first.span.clone(),
                    new_text: winner.clone(),
                }],
                preferred: true,
            }],
        });
    }
    out
}
