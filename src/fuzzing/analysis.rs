//! `analyze` on any text: what must hold of every [`Analysis`].

use std::ops::Range;

use super::{Violation, ensure};
use crate::analysis::{Analysis, Options, Speaker, analyze, rules};
use crate::text::Format;

/// Every character the scanner treats as a quotation mark.
pub const QUOTE_MARKS: &[char] = &['"', '\'', '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›'];

/// The fuzz targets' entry: the bytes decoded lossily, analysed in `format`, and
/// every invariant checked; panics with the violation and the text.
pub fn fuzz(data: &[u8], format: Format) {
    let text = String::from_utf8_lossy(data);
    if let Err(v) = analyze_checked(&text, format) {
        panic!("{v}\n{format:?} text: {text:?}");
    }
}

/// Analyses `text` and checks the result.
pub fn analyze_checked(text: &str, format: Format) -> Result<Analysis, Violation> {
    let a = analyze(text, &Options::new(format));
    check(text, &a)?;
    Ok(a)
}

/// Everything that must hold of an analysis of `text`.
pub fn check(text: &str, a: &Analysis) -> Result<(), Violation> {
    check_offsets(text, a)?;
    check_quotes(text, a)?;
    check_nesting(text, a)?;
    check_findings(text, a)
}

/// `r` is a range of `text` that runs forwards, on char boundaries.
pub fn in_text(text: &str, r: &Range<usize>, what: &str) -> Result<(), Violation> {
    ensure!(
        r.start <= r.end,
        "{what}: start {} > end {}",
        r.start,
        r.end
    );
    ensure!(
        r.end <= text.len(),
        "{what}: end {} past the text ({} bytes)",
        r.end,
        text.len()
    );
    ensure!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what}: {r:?} not on char boundaries"
    );
    Ok(())
}

fn check_offsets(text: &str, a: &Analysis) -> Result<(), Violation> {
    for (i, q) in a.quotes.iter().enumerate() {
        in_text(text, &q.span, &format!("quote {i} span"))?;
        in_text(text, &q.inner, &format!("quote {i} inner"))?;
        ensure!(
            q.span.start < q.inner.start && q.inner.end < q.span.end,
            "quote {i}: inner {:?} not strictly inside span {:?}",
            q.inner,
            q.span
        );
        if let Some(cue) = &q.cue {
            in_text(text, &cue.verb, &format!("quote {i} cue verb"))?;
            in_text(text, &cue.source, &format!("quote {i} cue source"))?;
            cue.text(text);
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

fn check_quotes(text: &str, a: &Analysis) -> Result<(), Violation> {
    for (i, q) in a.quotes.iter().enumerate() {
        let s = &text[q.span.clone()];
        ensure!(
            s.starts_with(QUOTE_MARKS) && s.ends_with(QUOTE_MARKS),
            "quote {i} {s:?} does not start and end with quote marks"
        );
        if let Some(p) = q.nested_in {
            ensure!(p < i, "quote {i} nested in quote {p}, not an earlier one");
            let outer = &a.quotes[p].span;
            ensure!(
                outer.start < q.span.start && q.span.end <= outer.end,
                "quote {i} {:?} nested in {p} {outer:?} but not inside it",
                q.span
            );
        }
        if let Some(p) = q.continues {
            ensure!(p < i, "quote {i} continues quote {p}, not an earlier one");
        }
        if let Some(Speaker::Person(p)) = &q.speaker {
            ensure!(*p < a.people.len(), "quote {i} speaker {p} out of range");
            ensure!(
                a.people[*p].quotes.contains(&i),
                "quote {i} not among its speaker {p}'s quotes"
            );
        }
        a.speaker_name(q);
    }
    for (i, p) in a.people.iter().enumerate() {
        for &q in &p.quotes {
            ensure!(q < a.quotes.len(), "person {i} quote {q} out of range");
            ensure!(
                a.quotes[q].speaker == Some(Speaker::Person(i)),
                "person {i} credited with quote {q}, whose speaker is {:?}",
                a.quotes[q].speaker
            );
        }
    }
    ensure!(
        a.quotes.is_sorted_by_key(|q| q.span.start),
        "quotes out of document order"
    );
    Ok(())
}

/// Quotations nest properly, and a quotation that lies inside another one is
/// nested in the innermost quotation around it.
fn check_nesting(text: &str, a: &Analysis) -> Result<(), Violation> {
    let inside = |inner: &Range<usize>, outer: &Range<usize>| {
        outer.start <= inner.start && inner.end <= outer.end && inner != outer
    };
    for (i, q) in a.quotes.iter().enumerate() {
        for (j, other) in a.quotes.iter().enumerate().skip(i + 1) {
            let disjoint = q.span.end <= other.span.start || other.span.end <= q.span.start;
            ensure!(
                disjoint || inside(&q.span, &other.span) || inside(&other.span, &q.span),
                "quotes {i} {:?} and {j} {:?} overlap without nesting",
                &text[q.span.clone()],
                &text[other.span.clone()]
            );
        }
        let innermost = a
            .quotes
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && inside(&q.span, &o.span))
            .max_by_key(|(_, o)| o.span.start)
            .map(|(j, _)| j);
        ensure!(
            q.nested_in == innermost,
            "quote {i} {:?}: nested in {:?}, but the innermost quotation around it is {innermost:?}",
            &text[q.span.clone()],
            q.nested_in
        );
    }
    Ok(())
}

/// Findings name a known rule, and each fix's edits do not overlap and, applied,
/// change the text into valid UTF-8.
fn check_findings(text: &str, a: &Analysis) -> Result<(), Violation> {
    for (i, f) in a.findings.iter().enumerate() {
        ensure!(
            rules::rule(f.rule).is_some(),
            "finding {i}: unknown rule {}",
            f.rule
        );
        for (j, fix) in f.fixes.iter().enumerate() {
            let what = format!("finding {i} ({}) fix {j} {:?}", f.rule, fix.title);
            let mut edits: Vec<_> = fix.edits.iter().collect();
            edits.sort_by_key(|e| (e.span.start, e.span.end));
            let mut applied = Vec::with_capacity(text.len());
            let mut at = 0;
            for e in edits {
                ensure!(
                    at <= e.span.start,
                    "{what}: edit at {:?} overlaps the one before it (up to {at})",
                    e.span
                );
                applied.extend_from_slice(&text.as_bytes()[at..e.span.start]);
                applied.extend_from_slice(e.new_text.as_bytes());
                at = e.span.end;
            }
            applied.extend_from_slice(&text.as_bytes()[at..]);
            match String::from_utf8(applied) {
                Ok(after) => ensure!(after != text, "{what}: changes nothing"),
                Err(e) => return Err(format!("{what}: leaves invalid UTF-8 ({e})")),
            }
        }
    }
    Ok(())
}
