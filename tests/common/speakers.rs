//! Reading one sentence of our own in a given language: who is credited with
//! its last quotation.

use copydesk::analysis::{Analysis, Language, Options, analyze};
use copydesk::text::Format;

/// A plain-text draft analysed as written in `language`.
pub fn read_as(language: Language, text: &str) -> Analysis {
    let mut options = Options::new(Format::PlainText);
    options.language = Some(language);
    analyze(text, &options)
}

/// The people the draft names, as first named in full.
pub fn people_named(language: Language, text: &str) -> Vec<String> {
    read_as(language, text)
        .people
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// The speaker credited with the draft's last quotation, as named.
pub fn speaker(language: Language, text: &str) -> Option<String> {
    let a = read_as(language, text);
    let q = a
        .quotes
        .last()
        .unwrap_or_else(|| panic!("no quotation in {text}"));
    a.speaker_name(q).map(str::to_string)
}

/// Each draft credits its last quotation to the speaker named beside it.
pub fn check(language: Language, cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = speaker(language, text);
            (got.as_deref() != Some(*want)).then(|| format!("{text}\n    want {want}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
