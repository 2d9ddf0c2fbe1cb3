use super::{Context, Severity, declare_rule};
use crate::analysis::model::Finding;

declare_rule! {
    /// A quote mark with no partner, pointing at the lone mark.
    ///
    /// ## What it does
    /// Reports an opening mark that never closes, or a closing mark that never
    /// opened. A quotation running over several paragraphs in the newsroom form
    /// (each paragraph opens with a quote mark, only the last one closes) is not
    /// unbalanced; nor are apostrophes (don’t, Putin’s, ’90s) or inch and foot
    /// marks (6'2").
    ///
    /// ## Why is this bad?
    /// A reader cannot tell where the speaker's words end and the writer's
    /// begin, and neither can the rest of the checks.
    ///
    /// ## Example
    /// ```text
    /// “We will win, she said. The crowd cheered.
    /// ```
    /// Use instead:
    /// ```text
    /// “We will win,” she said. The crowd cheered.
    /// ```
    "unbalanced-quote", Warning, check
}

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    context
        .lone_marks
        .iter()
        .map(|l| Finding {
            rule: RULE.code,
            severity,
            message: if l.opening {
                format!(
                    "Quotation mark {} opens a quotation that never closes.",
                    l.mark
                )
            } else {
                format!(
                    "Quotation mark {} closes a quotation that never opened.",
                    l.mark
                )
            },
            span: l.span.clone(),
            related: Vec::new(),
            fixes: Vec::new(),
        })
        .collect()
}
