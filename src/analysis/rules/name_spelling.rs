use super::{Context, Severity, declare_rule};
use crate::analysis::model::{Edit, Finding, Fix, Related};
use crate::analysis::spelling::{Mention, NameCluster};

declare_rule! {
    /// A mention whose spelling departs from the story's spelling of the same person.
    ///
    /// ## What it does
    /// Gathers every mention of a person (full name, surname, given name, names
    /// inside quotations) and reports each one spelled otherwise than the
    /// spelling that wins: the house list's (`[[people]]` in `copydesk.toml`),
    /// else the story's first full-name mention, else the most common.
    /// Transliterations (Zelensky / Zelenskyy), doubled, dropped or swapped
    /// letters (Leavitt / Leavit), diacritics (Erdoğan / Erdogan), case
    /// (McDonald / Mcdonald), hyphen or space (Jean-Pierre / Jean Pierre),
    /// initials (JD / J.D.) and given-name variants (Karoline / Caroline) are
    /// all caught, and so is a surname slip inside an organisation's name ("the
    /// Clintn Foundation"). A spelling the story uses once, one letter off one it
    /// uses more often, loses even in the first reference. Two spellings each
    /// named in full more than once are two people, not a misspelling; a name in
    /// another form is left alone: in capitals, made into a word ("the
    /// Clintons", "Trumpian"), with a middle name or initial added or dropped,
    /// or with a short given name ("Pete" / "Peter").
    ///
    /// ## Why is this bad?
    /// A name spelled two ways is a correction waiting to be run, and a reader
    /// cannot tell which spelling is right.
    ///
    /// ## Example
    /// ```text
    /// Press Secretary Karoline Leavitt spoke first. Leavit said the talks would go on.
    /// ```
    /// Use instead:
    /// ```text
    /// Press Secretary Karoline Leavitt spoke first. Leavitt said the talks would go on.
    /// ```
    ///
    /// ## Fixes
    /// This mention respelled, or every variant of the person in the draft.
    "name-spelling", Warning, check
}

/// Up to how many variant mentions of one person each finding carries the fix
/// for every mention: with many, only the first finding does, or the findings
/// would hold a copy of every edit each, quadratic in the draft.
const FIX_ALL_ON_EACH: usize = 32;

fn check(context: &Context, severity: Severity) -> Vec<Finding> {
    context
        .names
        .iter()
        .flat_map(|cluster| cluster_findings(cluster, severity))
        .collect()
}

/// A variant spelling: written otherwise than expected, beyond the case of its
/// first letter (a particle opening a sentence: "De Wit" for "de Wit").
fn is_variant(m: &Mention) -> bool {
    let (mut a, mut b) = (m.written.chars(), m.expected.chars());
    let only_initial_case = match (a.next(), b.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && a.as_str() == b.as_str(),
        _ => false,
    };
    m.written != m.expected && !only_initial_case
}

fn cluster_findings(cluster: &NameCluster, severity: Severity) -> Vec<Finding> {
    let winner = &cluster.winner;
    let variants: Vec<&Mention> = cluster.mentions.iter().filter(|m| is_variant(m)).collect();
    let all_edits: Vec<Edit> = variants
        .iter()
        .map(|m| Edit {
            span: m.span.clone(),
            new_text: m.expected.clone(),
        })
        .collect();
    variants
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let (variant, want) = (&m.written, &m.expected);
            // Where the wanted spelling stands, in the narrative if it can be.
            let spelled_so = || cluster.mentions.iter().filter(|o| o.written == *want);
            let elsewhere = spelled_so()
                .find(|o| !o.aside)
                .or_else(|| spelled_so().next());
            let message = if cluster.house {
                format!("“{variant}” departs from the house spelling “{want}” ({winner}).")
            } else {
                format!("“{variant}” is spelled “{want}” elsewhere in this story ({winner}).")
            };
            let mut fixes = vec![Fix {
                title: format!("Change to “{want}”"),
                edits: vec![Edit {
                    span: m.span.clone(),
                    new_text: want.clone(),
                }],
                preferred: true,
            }];
            if all_edits.len() > 1 && (n == 0 || all_edits.len() <= FIX_ALL_ON_EACH) {
                fixes.push(Fix {
                    title: format!(
                        "Spell every mention of {winner} the same way ({} changes)",
                        all_edits.len()
                    ),
                    edits: all_edits.clone(),
                    preferred: false,
                });
            }
            Finding {
                rule: RULE.code,
                severity,
                message,
                span: m.span.clone(),
                related: elsewhere
                    .map(|o| Related {
                        message: format!("spelled “{want}” here"),
                        span: o.span.clone(),
                        place: None,
                    })
                    .into_iter()
                    .collect(),
                fixes,
            }
        })
        .collect()
}
