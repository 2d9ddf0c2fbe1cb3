//! Findings that wait while the writer is still typing: the quotation being typed
//! at the cursor is not yet unattributed (the cue usually comes next), and its
//! opening mark is not yet unbalanced.

use crate::analysis::Finding;
use crate::analysis::rules::{UNATTRIBUTED_QUOTE, UNBALANCED_QUOTE};

/// How far back from the cursor (in bytes) a quotation can still be the one being
/// typed: a paragraph's worth. It also bounds the work per finding.
const TYPING_WINDOW: usize = 2000;

/// Whether `f` is about the quotation being typed with the cursor at `cursor`
/// (the byte offset where the last edit ended).
pub fn being_typed(text: &str, f: &Finding, cursor: usize) -> bool {
    // Only what the writer is in the middle of: far behind the cursor is done.
    if f.span.start >= cursor
        || cursor > text.len()
        || cursor - f.span.end.min(cursor) > TYPING_WINDOW
    {
        return false;
    }
    match f.rule {
        // Inside the quotation, or just past it with only spaces and punctuation
        // typed since: the cue has not been written yet.
        r if r == UNATTRIBUTED_QUOTE.code => {
            cursor <= f.span.end
                || text
                    .get(f.span.end..cursor)
                    .is_some_and(|s| s.chars().all(|c| matches!(c, ' ' | ',' | '—' | '–' | '-')))
        }
        // A lone mark with the cursor after it in the same paragraph, no other
        // quotation mark between: the quotation is still open.
        r if r == UNBALANCED_QUOTE.code => text.get(f.span.end..cursor).is_some_and(|s| {
            !s.contains("\n\n")
                && !s.contains("\r\n\r\n")
                && !s.contains(['“', '”', '"', '«', '»', '„'])
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    #[test]
    fn quotation_at_the_cursor_waits() {
        let text = "The hall was full.\n\n“We will not give up,” ";
        let a = analyze(text, &Options::default());
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == UNATTRIBUTED_QUOTE.code)
            .unwrap();
        assert!(being_typed(text, f, text.len()));
        assert!(being_typed(text, f, f.span.end));
        assert!(!being_typed(text, f, 3));

        let open = "The hall was full.\n\n“We will not";
        let a = analyze(open, &Options::default());
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == UNBALANCED_QUOTE.code)
            .unwrap();
        assert!(being_typed(open, f, open.len()));
        assert!(!being_typed(open, f, 0));
    }
}
