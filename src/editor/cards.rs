//! The cards a hover shows: who said a quotation and how we know, and everything
//! the story says about a person.

use std::ops::Range;

use super::{first_words, lookup};
use crate::analysis::material::word_diff;
use crate::analysis::{Analysis, How, QuoteKind, Speaker};

/// A quotation as a line of a card: its first words and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRef {
    pub index: usize,
    pub first_words: String,
    pub span: Range<usize>,
}

/// How the speaker of a quotation was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// By a cue: its words as written ("He added") and where they stand.
    Cue { words: String, span: Range<usize> },
    /// The speaker of an earlier quotation carries on.
    Continuing,
    /// Worked into a sentence with no speech verb, it is its subject's.
    Subject,
    /// Quoted inside another quotation, whose speaker is quoting it.
    Nested { parent: usize },
    /// Nobody is credited with it.
    Unattributed,
}

/// The speaker card of one quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteCard {
    pub kind: QuoteKind,
    /// The speaker as named (a person's full name, or a description as written).
    pub speaker: Option<String>,
    /// The person, when the speaker is one.
    pub person: Option<usize>,
    pub titles: Vec<String>,
    pub attribution: Attribution,
    pub anonymous: bool,
    /// The speaker's other quotations.
    pub others: Vec<QuoteRef>,
    /// For an unattributed quotation: the last person named before it.
    pub named_before: Option<(String, Range<usize>)>,
}

/// Where a quotation's words are in the draft's sources, for a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InSources {
    /// Word for word, at this place, in this voice.
    Exact {
        place: String,
        voice: Option<String>,
    },
    /// Not as quoted; the closest passage, with the words that differ marked
    /// on both sides (`~~draft~~`, `**source**`).
    Close {
        place: String,
        shared: usize,
        words: usize,
        draft: String,
        source: String,
    },
    /// In none of the sources.
    Nowhere,
}

/// A quotation looked up in the sources (none for a term).
pub fn in_sources(a: &Analysis, text: &str, index: usize) -> Option<InSources> {
    let q = &a.quotes[index];
    if q.kind == QuoteKind::Term {
        return None;
    }
    let Some(found) = &q.found else {
        return Some(InSources::Nowhere);
    };
    if found.exact {
        return Some(InSources::Exact {
            place: found.place.label(),
            voice: found.speaker.clone(),
        });
    }
    let inner = text.get(q.inner.clone()).unwrap_or("");
    let diff = word_diff(inner, &found.passage);
    Some(InSources::Close {
        place: found.place.label(),
        shared: found.shared,
        words: found.words,
        draft: marked(inner, &diff.draft, "~~"),
        source: marked(&found.passage, &diff.source, "**"),
    })
}

/// `text` flattened to one line, with the words flagged as differing between `mark`s.
fn marked(text: &str, words: &[(Range<usize>, bool)], mark: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (span, differs) in words {
        out.push_str(&text[at..span.start]);
        if *differs {
            out.push_str(&format!("{mark}{}{mark}", &text[span.clone()]));
        } else {
            out.push_str(&text[span.clone()]);
        }
        at = span.end;
    }
    out.push_str(&text[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Everything the story says about one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCard {
    pub name: String,
    pub titles: Vec<String>,
    pub spellings: Vec<(String, usize)>,
    pub mentions: usize,
    pub quotes: Vec<QuoteRef>,
}

fn quote_ref(a: &Analysis, text: &str, index: usize) -> QuoteRef {
    let q = &a.quotes[index];
    QuoteRef {
        index,
        first_words: first_words(text.get(q.inner.clone()).unwrap_or(""), 6),
        span: q.span.clone(),
    }
}

/// The card for quotation `index`.
pub fn quote_card(a: &Analysis, text: &str, index: usize) -> QuoteCard {
    let q = &a.quotes[index];
    let person = match q.speaker {
        Some(Speaker::Person(p)) => Some(p),
        _ => None,
    };
    let attribution = match (q.how, &q.cue) {
        (None, _) => Attribution::Unattributed,
        (Some(How::Continuing), _) => Attribution::Continuing,
        (Some(How::Nested), _) => Attribution::Nested {
            parent: q.nested_in.unwrap_or(index),
        },
        (Some(How::Subject), _) => Attribution::Subject,
        (Some(How::Cue), Some(cue)) => Attribution::Cue {
            words: cue.text(text),
            span: cue.source.start.min(cue.verb.start)..cue.source.end.max(cue.verb.end),
        },
        (Some(How::Cue), None) => Attribution::Continuing,
    };
    let others = person.map_or_else(Vec::new, |p| {
        a.people[p]
            .quotes
            .iter()
            .filter(|&&i| i != index && a.quotes[i].nested_in.is_none())
            .map(|&i| quote_ref(a, text, i))
            .collect()
    });
    let named_before = if q.attributed() {
        None
    } else {
        lookup::last_named_before(a, q.span.start).map(|(p, m)| (a.people[p].name.clone(), m))
    };
    QuoteCard {
        kind: q.kind,
        speaker: a.speaker_name(q).map(str::to_owned),
        person,
        titles: person.map_or_else(Vec::new, |p| a.people[p].titles.clone()),
        attribution,
        anonymous: q.anonymous(),
        others,
        named_before,
    }
}

/// The card for person `index`.
pub fn person_card(a: &Analysis, text: &str, index: usize) -> PersonCard {
    let p = &a.people[index];
    PersonCard {
        name: p.name.clone(),
        titles: p.titles.clone(),
        spellings: p.spellings.clone(),
        mentions: p.mentions.len(),
        quotes: p.quotes.iter().map(|&i| quote_ref(a, text, i)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    const STORY: &str = "Vladimir Putin said on Monday that talks were “possible.”\n\n“We will not give up,” he added. Putin’s aides declined to comment.\n\n“Nobody wants this war.”\n";

    #[test]
    fn pronoun_cue_names_the_speaker_and_other_quotes() {
        let a = analyze(STORY, &Options::default());
        let i = lookup::quote_at(&a, STORY.find("We will").unwrap()).unwrap();
        let card = quote_card(&a, STORY, i);
        assert_eq!(card.speaker.as_deref(), Some("Vladimir Putin"));
        match &card.attribution {
            Attribution::Cue { words, span } => {
                assert_eq!(words, "he added");
                assert_eq!(&STORY[span.clone()], "he added");
            }
            other => panic!("{other:?}"),
        }
        assert!(card.others.iter().any(|o| o.first_words == "possible."));
    }

    #[test]
    fn a_term_its_sentences_subject_uses_is_credited_by_the_subject() {
        let text = "Senator Ana Ruiz named “Veep” as her favourite show.\n";
        let a = analyze(text, &Options::default());
        let card = quote_card(&a, text, 0);
        assert_eq!(card.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(card.attribution, Attribution::Subject);
    }

    #[test]
    fn a_changed_word_is_marked_on_both_sides() {
        let notes = "Q: When?\nHALE: The bridge opens in May.\nQ: Sure?\nHALE: Yes.\n";
        let story =
            "“The bridge opens in June,” Jane Hale said. “Yes,” she added. “We won,” she said.\n";
        let mut options = Options::default();
        options.material.sources = vec![std::sync::Arc::new(
            crate::analysis::material::Source::parse("notes.txt", notes),
        )];
        let a = analyze(story, &options);
        match in_sources(&a, story, 0) {
            Some(InSources::Close {
                draft,
                source,
                shared: 4,
                words: 5,
                ..
            }) => {
                assert_eq!(draft, "The bridge opens in ~~June~~,");
                assert_eq!(source, "The bridge opens in **May**");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            in_sources(&a, story, 1),
            Some(InSources::Exact {
                place: "notes.txt:4".into(),
                voice: Some("HALE".into())
            })
        );
        assert_eq!(in_sources(&a, story, 2), Some(InSources::Nowhere));
    }

    #[test]
    fn person_card_counts_spellings() {
        let a = analyze(STORY, &Options::default());
        let card = person_card(&a, STORY, 0);
        assert_eq!(card.name, "Vladimir Putin");
        assert_eq!(card.mentions, 2);
        assert!(card.spellings.contains(&("Putin".to_string(), 1)));
        assert!(!card.quotes.is_empty());
    }
}
