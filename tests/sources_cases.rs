//! One snapshot per way a quotation can stand against the reporter's material
//! (`tests/material/`: a WebVTT and a SubRip interview, typed notes with speaker
//! labels, a release): word for word, elided, bracketed, with its first letter's
//! case changed, a word changed, reordered, a paraphrase put in quote marks, and
//! given to the wrong speaker. Each snapshot holds where the words were found and
//! what the rules report.

use std::path::Path;

use copydesk::analysis::{Options, analyze};
use copydesk::material::Library;
use copydesk::text::Format;
use serde::Serialize;

#[derive(Serialize)]
struct Case {
    draft: &'static str,
    found: Option<String>,
    findings: Vec<String>,
    fix: Option<String>,
}

fn case(draft: &'static str) -> Case {
    let material = Library::default().material(&[Path::new("tests/material").to_path_buf()]);
    assert_eq!(material.sources.len(), 4, "{:?}", material.unreadable);
    let mut options = Options::new(Format::PlainText);
    options.material = material;
    let a = analyze(draft, &options);
    assert_eq!(a.quotes.len(), 1, "one quotation per case: {draft}");
    let q = &a.quotes[0];
    let found = q.found.as_ref().map(|f| {
        format!(
            "{} — {}, {} of {} words, voice {:?}: “{}”",
            f.place.label(),
            if f.exact { "exact" } else { "closest" },
            f.shared,
            f.words,
            f.speaker,
            f.passage
        )
    });
    let findings = a
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("quote-"))
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    let fix = a
        .findings
        .iter()
        .flat_map(|f| &f.fixes)
        .find(|x| x.title.starts_with("Use the words"))
        .map(|x| {
            let mut fixed = draft.to_string();
            for e in x.edits.iter().rev() {
                fixed.replace_range(e.span.clone(), &e.new_text);
            }
            fixed
        });
    Case {
        draft,
        found,
        findings,
        fix,
    }
}

macro_rules! cases {
    ($($name:ident: $draft:literal,)*) => {$(
        #[test]
        fn $name() {
            insta::assert_yaml_snapshot!(case($draft));
        }
    )*};
}

cases! {
    word_for_word_across_two_cues: "“The old pier has maybe two winters left in it, and after that we close it to the public,” Ines Calloway said.",
    elided: "“The old pier has maybe two winters left … Full stop,” Ines Calloway said.",
    bracketed: "“[The boats] move north, yes, and the rent stays the same for them,” Ines Calloway said.",
    first_letter_changed: "Marsh said it was “deeper, it is safer, and it is a longer drive for every one of us.”",
    from_the_release: "“Safety comes before sentiment,” Ines Calloway said.",
    a_word_changed: "“Nine million buys us twenty years, not forty,” Ines Calloway said.",
    reordered: "“Nobody wants to sink with it. Nobody here wants to leave the old pier,” Owen Marsh said.",
    paraphrase_in_quote_marks: "“The fishing fleet is unhappy about relocating,” Owen Marsh said.",
    wrong_speaker_in_the_transcript: "“The repair bid came in at nine million dollars,” Ines Calloway said.",
    the_interviewer_s_question: "“How did the boats take the news?” Owen Marsh asked.",
}
