use std::sync::Arc;

use super::*;

fn material(sources: &[(&str, &str)]) -> Material {
    Material {
        sources: sources
            .iter()
            .map(|(name, text)| Arc::new(Source::parse(*name, *text)))
            .collect(),
        unreadable: Vec::new(),
    }
}

const INTERVIEW: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Jane Hale>The bridge will open in May, and the tolls\n\n00:00:05.000 --> 00:00:09.000\n<v Jane Hale>will pay for the repairs. We owe that to the city.\n\n00:00:09.000 --> 00:00:12.000\n<v Tom Ruiz>Nobody asked the drivers what they think.\n";

fn anyone(_: &str) -> bool {
    false
}

#[test]
fn an_exact_quotation_across_two_cues_is_found_with_its_time_and_voice() {
    let m = material(&[("hale.vtt", INTERVIEW)]);
    let f = find("the tolls will pay for the repairs", &m, &anyone).unwrap();
    assert!(f.exact);
    assert_eq!(f.place.file, "hale.vtt");
    assert_eq!(f.place.line, 4);
    assert_eq!(f.place.timestamp.as_deref(), Some("00:00:01"));
    assert_eq!(f.speaker.as_deref(), Some("Jane Hale"));
    assert_eq!(f.passage, "the tolls will pay for the repairs");
}

#[test]
fn case_punctuation_an_ellipsis_and_brackets_are_the_editor_s_conventions() {
    let m = material(&[("hale.vtt", INTERVIEW)]);
    for quote in [
        "The bridge will open in May … we owe that to the city.",
        "The bridge will open in May... We owe that to the city",
        "[It] will pay for the repairs",
        "The bridge will open in May, and the tolls [on it] will pay for the repairs.",
    ] {
        let f = find(quote, &m, &anyone).unwrap_or_else(|| panic!("{quote}"));
        assert!(f.exact, "{quote}");
    }
    // An ellipsis keeps the order: words from after it cannot come before.
    let f = find(
        "We owe that to the city … the bridge will open",
        &m,
        &anyone,
    )
    .unwrap();
    assert!(!f.exact);
}

#[test]
fn a_changed_word_gives_the_closest_passage_and_an_invented_quote_gives_none() {
    let m = material(&[("hale.vtt", INTERVIEW)]);
    let f = find("The bridge will open in June, and the tolls", &m, &anyone).unwrap();
    assert!(!f.exact);
    assert_eq!((f.shared, f.words), (8, 9));
    assert_eq!(f.passage, "The bridge will open in May, and the tolls");
    assert!(
        find(
            "We will cut every tax in the county next spring",
            &m,
            &anyone
        )
        .is_none()
    );
}

#[test]
fn of_two_occurrences_the_one_the_draft_s_speaker_said_is_preferred() {
    let notes = "Q: Is it safe?\nHALE: It is safe.\nQ: Really?\nRUIZ: It is safe, they say.\nHALE: Yes.\nRUIZ: Fine.\n";
    let m = material(&[("notes.txt", notes)]);
    let f = find("It is safe", &m, &|l| l == "RUIZ").unwrap();
    assert_eq!(f.speaker.as_deref(), Some("RUIZ"));
    let f = find("It is safe", &m, &anyone).unwrap();
    assert_eq!(f.speaker.as_deref(), Some("HALE"));
    assert_eq!(f.place.line, 2);
}

#[test]
fn word_diff_marks_the_words_either_side_lacks() {
    let d = word_diff("open in June", "open in May");
    assert_eq!(
        d.draft.iter().map(|w| w.1).collect::<Vec<_>>(),
        [false, false, true]
    );
    assert_eq!(d.source[2], (8..11, true));
}
