//! Every offset an analysis gives must be a valid range of its text: start at or
//! before end, inside the text, on char boundaries. Shared by the property tests
//! and the hostile drafts.

use std::ops::Range;

use copydesk::analysis::Analysis;

fn in_text(text: &str, r: &Range<usize>, what: &str) -> Result<(), String> {
    if r.start > r.end {
        return Err(format!("{what}: start {} > end {}", r.start, r.end));
    }
    if r.end > text.len() {
        return Err(format!(
            "{what}: end {} past the text ({} bytes)",
            r.end,
            text.len()
        ));
    }
    if !(text.is_char_boundary(r.start) && text.is_char_boundary(r.end)) {
        return Err(format!("{what}: {r:?} not on char boundaries"));
    }
    Ok(())
}

/// Checks the spans of every quotation (and its cue), finding (related locations
/// and fix edits too) and person mention.
pub fn offsets_sound(text: &str, a: &Analysis) -> Result<(), String> {
    for (i, q) in a.quotes.iter().enumerate() {
        in_text(text, &q.span, &format!("quote {i} span"))?;
        in_text(text, &q.inner, &format!("quote {i} inner"))?;
        if !(q.span.start < q.inner.start && q.inner.end < q.span.end) {
            return Err(format!(
                "quote {i}: inner {:?} not strictly inside span {:?}",
                q.inner, q.span
            ));
        }
        if let Some(cue) = &q.cue {
            in_text(text, &cue.verb, &format!("quote {i} cue verb"))?;
            in_text(text, &cue.source, &format!("quote {i} cue source"))?;
        }
    }
    for (i, f) in a.findings.iter().enumerate() {
        in_text(text, &f.span, &format!("finding {i} ({}) span", f.rule))?;
        for (j, r) in f.related.iter().enumerate() {
            in_text(text, &r.span, &format!("finding {i} related {j}"))?;
        }
        for (j, fix) in f.fixes.iter().enumerate() {
            for (k, e) in fix.edits.iter().enumerate() {
                in_text(text, &e.span, &format!("finding {i} fix {j} edit {k}"))?;
            }
        }
    }
    for (i, p) in a.people.iter().enumerate() {
        for (j, m) in p.mentions.iter().enumerate() {
            in_text(text, m, &format!("person {i} ({}) mention {j}", p.name))?;
        }
    }
    Ok(())
}
