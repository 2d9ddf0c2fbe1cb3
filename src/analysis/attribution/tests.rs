//! Attribution alone: the stages before it run as the pipeline runs them, and
//! each quotation's speaker and how it was found are read straight from
//! [`attribute`].

use super::*;
use crate::analysis::lexicon::Language;
use crate::analysis::{headlines, marks, sentences, tokens};
use crate::text::{Format, ProseMap};

/// For each quotation: its speaker as written (a person's name, a description)
/// and how it was found, or `None`.
fn attributed(text: &str) -> Vec<Option<(String, How)>> {
    let lex = Lexicon::for_language(Language::English);
    let prose = ProseMap::new(text, Format::PlainText);
    let masked: &str = &prose.masked;
    let (raw, _) = marks::scan(masked, &prose.blocks, lex);
    let toks = tokens::tokenize(masked, &prose.blocks, &raw, lex);
    let heads = headlines::find(&toks, masked, prose.blocks.len());
    let sents = sentences::split(&toks, masked, &raw);
    let mut people = People::find(&toks, masked, lex, &|b| heads[b]);
    let out = attribute(&toks, &sents, &heads, masked, &raw, &mut people, lex);
    out.into_iter()
        .map(|a| {
            a.map(|a| {
                let who = match a.speaker {
                    Speaker::Person(e) => people.entities[e].name.clone(),
                    Speaker::Description(d) => d.text,
                };
                (who, a.how)
            })
        })
        .collect()
}

fn speakers(text: &str) -> Vec<Option<String>> {
    attributed(text)
        .into_iter()
        .map(|a| a.map(|(who, _)| who))
        .collect()
}

fn one(text: &str) -> Option<String> {
    let all = speakers(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().flatten()
}

#[test]
fn a_cue_verb_finds_its_source_on_either_side() {
    assert_eq!(one("“We won,” said Ana Ruiz.").as_deref(), Some("Ana Ruiz"));
    assert_eq!(one("“We won,” Ana Ruiz said.").as_deref(), Some("Ana Ruiz"));
    assert_eq!(one("Ana Ruiz said: “We won.”").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn auxiliaries_adverbs_days_and_appositions_stand_between_source_and_verb() {
    for text in [
        "Ana Ruiz has repeatedly said “we will not pay.”",
        "Ana Ruiz on Thursday said “we will not pay.”",
        "Ana Ruiz, the county clerk, said “we will not pay.”",
        "Ana Ruiz, who chairs the panel, said “we will not pay.”",
    ] {
        assert_eq!(one(text).as_deref(), Some("Ana Ruiz"), "{text}");
    }
}

#[test]
fn a_phrase_credits_the_name_after_it_or_the_subject() {
    assert_eq!(
        one("The plan is dead, according to Ana Ruiz, who wrote “it will never pass.”").as_deref(),
        Some("Ana Ruiz")
    );
    assert_eq!(
        one("Ana Ruiz answered in a statement: “We will appeal.”").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_participle_takes_its_clauses_subject() {
    assert_eq!(
        one("Ana Ruiz spoke for an hour, saying “the bridge comes first.”").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_coordinated_verb_keeps_the_subject_not_the_object() {
    assert_eq!(
        one("Ana Ruiz thanked Tom Baker but said “the vote was close.”").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_pronoun_refers_back_to_the_nearest_person_of_its_gender() {
    let text = "Ana Ruiz met Tom Baker on Monday. “It went well,” he said. “We agreed,” she said.";
    assert_eq!(
        speakers(text),
        [Some("Tom Baker".to_string()), Some("Ana Ruiz".to_string())]
    );
}

#[test]
fn a_description_is_a_source_as_written_and_may_be_anonymous() {
    assert_eq!(
        one("“We will not pay,” a spokeswoman for the ministry said.").as_deref(),
        Some("a spokeswoman for the ministry")
    );
    assert_eq!(
        one("“It is over,” the Kremlin said.").as_deref(),
        Some("the Kremlin")
    );
}

#[test]
fn the_speaker_continues_within_a_paragraph_and_into_the_next() {
    let text = "“We won,” Ana Ruiz said. “It was close.”\n\n“The count took all night.”";
    assert_eq!(
        attributed(text),
        [
            Some(("Ana Ruiz".to_string(), How::Cue)),
            Some(("Ana Ruiz".to_string(), How::Continuing)),
            Some(("Ana Ruiz".to_string(), How::Continuing)),
        ]
    );
}

#[test]
fn a_quotation_before_a_cued_one_in_its_paragraph_takes_its_speaker() {
    let text = "“It was close.” “We won,” Ana Ruiz said.";
    assert_eq!(
        attributed(text),
        [
            Some(("Ana Ruiz".to_string(), How::Continuing)),
            Some(("Ana Ruiz".to_string(), How::Cue)),
        ]
    );
}

#[test]
fn another_person_named_between_paragraphs_stops_the_speaker() {
    let text = "“We won,” Ana Ruiz said.\n\nTom Baker disagreed.\n\n“The count was wrong.”";
    assert_eq!(speakers(text)[1], None);
}

#[test]
fn a_nested_quotation_takes_its_parents_speaker() {
    let text = "“He told me ‘go home,’ and I did,” Ana Ruiz said.";
    assert_eq!(
        attributed(text),
        [
            Some(("Ana Ruiz".to_string(), How::Cue)),
            Some(("Ana Ruiz".to_string(), How::Nested)),
        ]
    );
}

#[test]
fn a_quotation_with_no_cue_and_nobody_before_it_is_nobodys() {
    assert_eq!(
        one("“We will not let this happen.” The crowd cheered."),
        None
    );
}
