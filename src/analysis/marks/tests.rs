//! The scanner on the conventions it reads: apostrophes, foot marks, nesting,
//! quotations over several paragraphs, every family of marks.

use super::*;
use crate::analysis::lexicon::Language;
use crate::text::{Format, ProseMap};

fn quotes_of(text: &str) -> (Vec<String>, Vec<char>) {
    let map = ProseMap::new(text, Format::PlainText);
    let (q, lone) = scan(
        &map.masked,
        &map.blocks,
        Lexicon::for_language(Language::English),
    );
    (
        q.iter().map(|q| text[q.span.clone()].to_string()).collect(),
        lone.iter().map(|l| l.mark).collect(),
    )
}

#[test]
fn every_row_of_the_marks_table_reads() {
    let rows = include_str!("../lexicon/marks.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count();
    assert_eq!(table::marks().len(), rows);
}

#[test]
fn apostrophes_are_not_quotes() {
    let (q, lone) = quotes_of(
        "Putin’s aide didn’t say. In the ’90s rock ’n’ roll ruled at six o’clock, the students’ union said. Harris' plan, 'em, can't.",
    );
    assert!(q.is_empty(), "{q:?}");
    assert!(lone.is_empty(), "{lone:?}");
}

#[test]
fn inch_and_foot_marks_are_not_quotes() {
    let (q, lone) = quotes_of("He is 6'2\" tall and bought a 15\" screen. \"It fits,\" he said.");
    assert_eq!(q, vec!["\"It fits,\""]);
    assert!(lone.is_empty());
    // Inside an open quotation, a mark after a digit closes it unless another
    // follows later in the paragraph and a word goes on after it.
    let (q, _) = quotes_of("\"He is 6'2\" tall,\" she said. \"It is 15\"\n\nNext.");
    assert_eq!(q, vec!["\"He is 6'2\" tall,\"", "\"It is 15\""]);
}

#[test]
fn guillemets_are_read_in_whichever_paragraph_they_stand() {
    let text = "“A,”\u{a0}he said.\n\nNo marks.\n\nIl a dit : «Nous sommes prêts.»\n\n“B,” she said. «Oui»";
    let (q, lone) = quotes_of(text);
    assert_eq!(q, vec!["“A,”", "«Nous sommes prêts.»", "“B,”", "«Oui»"]);
    assert!(lone.is_empty());
}

#[test]
fn nested_quotations_know_their_parent() {
    let text = "“We will say: ‘You know what? That was worth a try.’” Vance said.";
    let map = ProseMap::new(text, Format::PlainText);
    let (q, _) = scan(
        &map.masked,
        &map.blocks,
        Lexicon::for_language(Language::English),
    );
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].parent, Some(0));
    assert_eq!(
        &text[q[1].span.clone()],
        "‘You know what? That was worth a try.’"
    );
}

#[test]
fn multi_paragraph_quotation_is_one_and_balanced() {
    let text =
        "She said: “First paragraph of it.\n\n“Second paragraph.\n\n“Last one.” Then she left.";
    let (q, lone) = quotes_of(text);
    assert_eq!(q.len(), 1);
    assert!(q[0].starts_with("“First") && q[0].ends_with("Last one.”"));
    assert!(lone.is_empty());
}

#[test]
fn a_lone_mark_is_reported_where_it_stands() {
    let (q, lone) = quotes_of("“This never closes, he said.\n\nNext paragraph.");
    assert!(q.is_empty());
    assert_eq!(lone, vec!['“']);
}

#[test]
fn doubled_apostrophes_are_double_quotation_marks() {
    let (q, lone) = quotes_of("''We won,'' Mr. Hale said. ''It was close.\n\n''Very close.''");
    assert_eq!(q, vec!["''We won,''", "''It was close.\n\n''Very close.''"]);
    assert!(lone.is_empty(), "{lone:?}");
}

#[test]
fn other_conventions() {
    let (q, _) =
        quotes_of("Er sagte: „Wir sind bereit.“ Il a dit : «Nous sommes prêts.» Sie: »Ja.«");
    assert_eq!(
        q,
        vec!["„Wir sind bereit.“", "«Nous sommes prêts.»", "»Ja.«"]
    );
}

#[test]
fn single_quoted_headline_and_plural_possessive_inside() {
    let (q, _) = quotes_of("Talks To Begin ‘Immediately’ After Call");
    assert_eq!(q, vec!["‘Immediately’"]);
    let (q, _) = quotes_of("He wrote: 'The workers' union will win, we said' and left.");
    assert_eq!(q, vec!["'The workers' union will win, we said'"]);
}
