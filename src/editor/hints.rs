//! The resolved speaker shown inline where the text does not name them: after a
//! pronoun or description cue ("He added" → Putin), and after a quotation whose
//! speaker is named in another sentence.

use std::ops::Range;

use super::short_name;
use crate::analysis::spelling::fold;
use crate::analysis::{Analysis, How, Speaker};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerHint {
    /// Byte offset the hint stands after.
    pub at: usize,
    pub label: String,
    /// The full name and how it was found.
    pub tooltip: String,
    /// Where the hint stands after a quotation rather than after a cue.
    pub after_quote: bool,
}

/// Every speaker hint in the draft, in text order, one per position.
pub fn speaker_hints(a: &Analysis, text: &str) -> Vec<SpeakerHint> {
    let mut out: Vec<SpeakerHint> = Vec::new();
    for q in &a.quotes {
        let Some(Speaker::Person(p)) = q.speaker else {
            continue;
        };
        if q.nested_in.is_some() {
            continue;
        }
        let person = &a.people[p];
        let hint = match (q.how, &q.cue) {
            (Some(How::Cue), Some(cue)) if !names_person(text, &cue.source, &person.spellings) => {
                Some((
                    cue.source.end,
                    false,
                    format!("“{}” is {}", cue.text(text), person.name),
                ))
            }
            (Some(How::Cue), Some(cue)) if other_sentence(text, &q.span, &cue.source) => Some((
                q.span.end,
                true,
                format!("Said by {}, named in another sentence", person.name),
            )),
            (Some(How::Continuing), _) => Some((
                q.span.end,
                true,
                format!(
                    "Said by {}, carried on from an earlier quotation",
                    person.name
                ),
            )),
            _ => None,
        };
        if let Some((at, after_quote, tooltip)) = hint {
            if !out.iter().any(|h| h.at == at) {
                out.push(SpeakerHint {
                    at,
                    label: short_name(a, p),
                    tooltip,
                    after_quote,
                });
            }
        }
    }
    out.sort_by_key(|h| h.at);
    out
}

/// Whether the cue's source already names the person (in any spelling seen).
fn names_person(text: &str, source: &Range<usize>, spellings: &[(String, usize)]) -> bool {
    let source = fold(text.get(source.clone()).unwrap_or(""));
    spellings.iter().any(|(s, _)| {
        let surname = s.split_whitespace().last().unwrap_or(s);
        let f = fold(surname);
        !f.is_empty() && source.contains(&f)
    })
}

/// Whether a sentence ends between the quotation and its cue's source.
fn other_sentence(text: &str, quote: &Range<usize>, source: &Range<usize>) -> bool {
    let gap = if source.start >= quote.end {
        text.get(quote.end..source.start)
    } else if source.end <= quote.start {
        text.get(source.end..quote.start)
    } else {
        None
    };
    gap.is_some_and(|g| {
        g.contains("\n\n")
            || [". ", "? ", "! ", ".\n", "?\n", "!\n"]
                .iter()
                .any(|e| g.contains(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    #[test]
    fn pronoun_cue_gets_the_surname() {
        let text = "Vladimir Putin spoke on Monday.\n\n“We will not give up,” he added.\n";
        let a = analyze(text, &Options::default());
        let hints = speaker_hints(&a, text);
        let he = text.find("he added").unwrap();
        assert_eq!(hints.len(), 1, "{hints:?}");
        assert_eq!(hints[0].at, he + 2);
        assert_eq!(hints[0].label, "Putin");
        assert!(!hints[0].after_quote);
    }

    #[test]
    fn a_named_cue_gets_no_hint() {
        let text = "“We will not give up,” Putin said.\n";
        let a = analyze(text, &Options::default());
        assert!(speaker_hints(&a, text).is_empty());
    }
}
