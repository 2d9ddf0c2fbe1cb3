//! `analyze` on any text: what must hold of every [`Analysis`].

use std::ops::Range;

use super::{Violation, ensure};
use crate::analysis::{Analysis, Edit, Options, Speaker, analyze, rules};
use crate::editor::{cards, hints, rename};
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

/// Analyses `text` and checks the result, and the editor's views of it.
pub fn analyze_checked(text: &str, format: Format) -> Result<Analysis, Violation> {
    let a = analyze(text, &Options::new(format));
    check(text, &a)?;
    check_views(text, &a)?;
    Ok(a)
}

/// Analyses `text` with `source` as its one source material, read as each of
/// the formats a source can be (`source.vtt`, `.srt`, `.txt`), and checks the
/// result: every place in the source a range of the source's text.
pub fn analyze_with_sources_checked(
    text: &str,
    source: &str,
    format: Format,
) -> Result<(), Violation> {
    for name in ["source.vtt", "source.srt", "source.txt"] {
        let mut options = Options::new(format);
        let parsed = std::sync::Arc::new(crate::analysis::material::Source::parse(name, source));
        options.material.sources = vec![parsed];
        let a = analyze(text, &options);
        check(text, &a)?;
        let places = a
            .quotes
            .iter()
            .filter_map(|q| q.found.as_ref().map(|f| &f.place))
            .chain(
                a.findings
                    .iter()
                    .flat_map(|f| f.related.iter().filter_map(|r| r.place.as_deref())),
            );
        for p in places {
            ensure!(
                p.file == name,
                "a place in {} while the source is {name}",
                p.file
            );
            in_text(source, &p.span, &format!("place in {name}"))?;
            ensure!(
                p.line >= 1 && p.end_line >= p.line,
                "place in {name}: lines {p:?}"
            );
        }
    }
    Ok(())
}

/// Everything that must hold of an analysis of `text`.
pub fn check(text: &str, a: &Analysis) -> Result<(), Violation> {
    check_offsets(text, a)?;
    check_quotes(text, a)?;
    check_nesting(text, a)?;
    check_findings(text, a)
}

/// The part of [`check`] that stays linear in the number of quotations (every
/// offset, every fix, no comparing quotations pairwise), for drafts made of a
/// hundred thousand quote marks.
pub fn check_offsets_and_fixes(text: &str, a: &Analysis) -> Result<(), Violation> {
    check_offsets(text, a)?;
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
        // A related place in a source is checked against the source's text
        // (`analyze_with_sources_checked`).
        for (j, r) in f
            .related
            .iter()
            .enumerate()
            .filter(|(_, r)| r.place.is_none())
        {
            in_text(text, &r.span, &format!("finding {i} related {j}"))?;
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
            rules::find(f.rule).is_some(),
            "finding {i}: unknown rule {}",
            f.rule
        );
        for (j, fix) in f.fixes.iter().enumerate() {
            let what = format!("finding {i} ({}) fix {j} {:?}", f.rule, fix.title);
            let after = apply_edits(text, &fix.edits, &what)?;
            ensure!(after != text, "{what}: changes nothing");
        }
    }
    Ok(())
}

/// `edits` applied to `text` at once, as an editor applies them: each inside the
/// text on char boundaries, none overlapping another, the result valid UTF-8.
pub fn apply_edits(text: &str, edits: &[Edit], what: &str) -> Result<String, Violation> {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut applied = Vec::with_capacity(text.len());
    let mut at = 0;
    for (k, e) in edits.into_iter().enumerate() {
        in_text(text, &e.span, &format!("{what} edit {k}"))?;
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
    String::from_utf8(applied).map_err(|e| format!("{what}: leaves invalid UTF-8 ({e})"))
}

/// How many quotations and people [`check_views`] asks about.
const VIEWS: usize = 32;

/// What the editor shows of the analysis, as the language server asks for it:
/// each quotation's and person's card, the speaker hints and renames; every
/// offset in them inside the text, every set of edits applicable (the findings'
/// own fixes are checked with the findings). The editor asks for one card or action
/// at a time, so some of them take time in the size of the draft: on a long
/// draft, only the first [`VIEWS`] quotations, people and findings are asked
/// about.
fn check_views(text: &str, a: &Analysis) -> Result<(), Violation> {
    for i in 0..a.quotes.len().min(VIEWS) {
        let card = cards::quote_card(a, text, i);
        if let cards::Attribution::Cue { span, .. } = &card.attribution {
            in_text(text, span, &format!("quote {i} card cue"))?;
        }
        if let Some((_, span)) = &card.named_before {
            in_text(text, span, &format!("quote {i} card named before"))?;
        }
    }
    for p in 0..a.people.len().min(VIEWS) {
        cards::person_card(a, text, p);
        for new_name in ["Jane Doe", "Doe"] {
            let edits = rename::rename_edits(a, text, p, new_name)?;
            apply_edits(text, &edits, &format!("person {p} renamed {new_name}"))?;
        }
    }
    for (i, h) in hints::speaker_hints(a, text).iter().enumerate() {
        in_text(text, &(h.at..h.at), &format!("speaker hint {i}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "Volodymyr Zelensky spoke. “We are ready,” Zelenskyy said.";

    /// The draft's analysis, which holds a `name-spelling` fix, and the fix's
    /// first edit, to break.
    fn spelling_fix() -> (Analysis, Range<usize>) {
        let a = analyze_checked(DRAFT, Format::PlainText).unwrap();
        let f = a
            .findings
            .iter()
            .find(|f| f.rule == "name-spelling")
            .unwrap();
        let span = f.fixes[0].edits[0].span.clone();
        assert_eq!(&DRAFT[span.clone()], "Zelenskyy");
        (a, span)
    }

    fn edits(a: &mut Analysis) -> &mut Vec<crate::analysis::Edit> {
        let f = a.findings.iter_mut().find(|f| f.rule == "name-spelling");
        &mut f.unwrap().fixes[0].edits
    }

    #[test]
    fn an_edit_inside_a_character_is_caught() {
        let (mut a, span) = spelling_fix();
        let quote = DRAFT.find('“').unwrap();
        edits(&mut a)[0].span = quote + 1..span.end;
        let v = check(DRAFT, &a).unwrap_err();
        assert!(v.contains("not on char boundaries"), "{v}");
    }

    #[test]
    fn overlapping_edits_are_caught() {
        let (mut a, span) = spelling_fix();
        let mut second = edits(&mut a)[0].clone();
        second.span = span.start + 2..span.end + 1;
        edits(&mut a).push(second);
        let v = check(DRAFT, &a).unwrap_err();
        assert!(v.contains("overlaps"), "{v}");
    }

    #[test]
    fn a_fix_that_changes_nothing_is_caught() {
        let (mut a, span) = spelling_fix();
        edits(&mut a)[0].new_text = DRAFT[span].to_string();
        let v = check(DRAFT, &a).unwrap_err();
        assert!(v.contains("changes nothing"), "{v}");
    }

    #[test]
    fn a_speaker_out_of_range_is_caught() {
        let (mut a, _) = spelling_fix();
        let q = a.quotes.iter_mut().find(|q| q.speaker.is_some()).unwrap();
        q.speaker = Some(Speaker::Person(7));
        let v = check(DRAFT, &a).unwrap_err();
        assert!(v.contains("speaker 7 out of range"), "{v}");
    }
}
