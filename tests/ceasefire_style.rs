//! A scraped wire story in the style of the ceasefire reports, read the way a user
//! would check it: every quotation found, each given its speaker, no warning, and
//! nothing reported on the page chrome around it.

use copydesk::analysis::{How, Options, QuoteKind, analyze};
use copydesk::text::Format;

const DRAFT: &str = include_str!("eval/drafts/23-ceasefire-style.txt");

#[test]
fn every_quotation_has_its_speaker_and_nothing_is_flagged() {
    let a = analyze(DRAFT, &Options::new(Format::PlainText));
    let got: Vec<(&str, Option<&str>, QuoteKind)> = a
        .quotes
        .iter()
        .map(|q| (&DRAFT[q.span.clone()], a.speaker_name(q), q.kind))
        .collect();
    let caldera = Some("Andrés Caldera");
    let bascom = Some("Leonard Bascom");
    let expected: Vec<(&str, Option<&str>, QuoteKind)> = vec![
        ("‘Tomorrow’", caldera, QuoteKind::Partial),
        ("“tomorrow”", caldera, QuoteKind::Partial),
        (
            "“The conversation was long, frank and, I believe, useful for both our peoples,”",
            caldera,
            QuoteKind::Full,
        ),
        ("“memorandum of principles”", caldera, QuoteKind::Partial),
        (
            "“We did not start this dispute, but we are ready to be the ones who finish it.”",
            caldera,
            QuoteKind::Full,
        ),
        ("“historical injustice”", caldera, QuoteKind::Partial),
        (
            "“Brasília will open its doors. Peace starts tomorrow!”",
            Some("Rafael Montenegro"),
            QuoteKind::Full,
        ),
        (
            "“We are ready to listen to any reasonable proposal,”",
            bascom,
            QuoteKind::Full,
        ),
        (
            "“but no one should come to us and ask, ‘Why not just give up a little land? It’s only forest, and everyone goes home happy.’”",
            bascom,
            QuoteKind::Full,
        ),
        (
            "‘Why not just give up a little land? It’s only forest, and everyone goes home happy.’",
            bascom,
            QuoteKind::Full,
        ),
        (
            "“testing the waters rather than changing course”",
            Some("Dana Whitfield"),
            QuoteKind::Partial,
        ),
    ];
    assert_eq!(got, expected);
    assert!(
        a.findings.is_empty(),
        "no findings expected: {:?}",
        a.findings
    );
}

#[test]
fn he_added_goes_to_the_participles_subject_and_split_quotes_stay_together() {
    let a = analyze(DRAFT, &Options::new(Format::PlainText));
    let added = a
        .quotes
        .iter()
        .find(|q| DRAFT[q.span.clone()].starts_with("“We did not start"))
        .unwrap();
    assert_eq!(
        added.cue.as_ref().map(|c| c.text(DRAFT)),
        Some("He added".to_string())
    );
    assert_eq!(added.how, Some(How::Cue));
    // The split quotation: its second part continues the first, its nested
    // question sits inside the second.
    let first = a
        .quotes
        .iter()
        .position(|q| DRAFT[q.span.clone()].starts_with("“We are ready"))
        .unwrap();
    assert_eq!(a.quotes[first + 1].continues, Some(first));
    assert_eq!(a.quotes[first + 2].nested_in, Some(first + 1));
    // Eleven quotation spans, ten quotations once the split one is counted once.
    let distinct = a.quotes.iter().filter(|q| q.continues.is_none()).count();
    assert_eq!(distinct, 10);
}

#[test]
fn page_chrome_is_no_person_and_gives_no_finding() {
    let a = analyze(DRAFT, &Options::new(Format::PlainText));
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    for chrome in [
        "ON NOW",
        "ON",
        "NOW",
        "Follow",
        "Instagram",
        "Brasília",
        "Miraflores Palace",
        "Guyana",
    ] {
        assert!(
            !names.contains(&chrome),
            "{chrome} taken for a person: {names:?}"
        );
    }
    for person in [
        "Andrés Caldera",
        "Rafael Montenegro",
        "Leonard Bascom",
        "Dana Whitfield",
    ] {
        assert!(names.contains(&person), "{person} missing: {names:?}");
    }
}
