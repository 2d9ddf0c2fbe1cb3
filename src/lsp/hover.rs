//! Hovers: the speaker card of a quotation, the card of a person.

use std::fmt::Write;

use tower_lsp_server::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::positions::{Encoding, to_position, to_range};
use super::snapshot::Snapshot;
use crate::analysis::QuoteKind;
use crate::editor::cards::{self, Attribution, InSources, QuoteRef};
use crate::editor::lookup;

/// 1-based line of a byte offset, as a person reads it.
fn line(snap: &Snapshot, offset: usize) -> u32 {
    to_position(&snap.rope, offset, Encoding::Utf8).line + 1
}

fn quote_list(out: &mut String, snap: &Snapshot, heading: &str, quotes: &[QuoteRef]) {
    if quotes.is_empty() {
        return;
    }
    let _ = write!(out, "\n\n{heading}");
    for q in quotes {
        let _ = write!(
            out,
            "\n- “{}” — line {}",
            q.first_words,
            line(snap, q.span.start)
        );
    }
}

fn titled(name: &str, titles: &[String]) -> String {
    if titles.is_empty() {
        format!("**{name}**")
    } else {
        format!("**{name}** · {}", titles.join("; "))
    }
}

/// Where the quotation's words are in the sources, and for a changed quotation
/// the two versions one above the other with the differing words marked.
fn sources_section(out: &mut String, check: InSources) {
    match check {
        InSources::Exact { place, voice } => {
            let _ = write!(out, "**In the sources**, word for word: {place}");
            if let Some(v) = voice {
                let _ = write!(out, ", said by {v}");
            }
        }
        InSources::Close {
            place,
            shared,
            words,
            draft,
            source,
        } => {
            let _ = write!(
                out,
                "**Not in the sources as quoted**: the closest passage, {place}, has {shared} of its {words} words.\n\n> Draft: {draft}\n>\n> Source: {source}"
            );
        }
        InSources::Nowhere => out.push_str("**In none of the sources**: no passage comes close."),
    }
}

pub fn hover(snap: &Snapshot, offset: usize, enc: Encoding) -> Option<Hover> {
    let a = snap.analysis()?;
    let (text, span) = if let Some((p, mention)) = lookup::person_at(a, offset) {
        let card = cards::person_card(a, &snap.text, p);
        let mut out = titled(&card.name, &card.titles);
        let spellings: Vec<String> = card
            .spellings
            .iter()
            .map(|(s, n)| format!("{s} ({n})"))
            .collect();
        let _ = write!(
            out,
            "\n\nSpellings: {}\n\nMentions: {}",
            spellings.join(", "),
            card.mentions
        );
        quote_list(&mut out, snap, "Quotations:", &card.quotes);
        (out, mention)
    } else {
        let i = lookup::quote_at(a, offset)?;
        let card = cards::quote_card(a, &snap.text, i);
        let q = &a.quotes[i];
        let mut out = String::new();
        match (&card.speaker, &card.attribution) {
            (None, _) if card.kind == QuoteKind::Term => out.push_str(
                "**A term in quotation marks**: a title, a name, a slogan or a scare quote, not speech.",
            ),
            (None, _) => {
                out.push_str("**Unattributed quotation**: nobody is said to have said, told or written it.");
                if let Some((name, m)) = &card.named_before {
                    let _ = write!(out, "\n\nLast person named before it: {name} (line {})", line(snap, m.start));
                }
            }
            (Some(speaker), attribution) => {
                out.push_str(&titled(speaker, &card.titles));
                if card.anonymous {
                    out.push_str(" (anonymous source)");
                }
                let how = match attribution {
                    Attribution::Cue { words, span } => format!(
                        "Attributed by “{words}” (line {}) → {speaker}",
                        line(snap, span.start)
                    ),
                    Attribution::Continuing => format!(
                        "No cue of its own: {speaker} carries on from the quotation before it"
                    ),
                    Attribution::Subject => format!(
                        "No speech verb: worked into a sentence whose subject is {speaker}"
                    ),
                    Attribution::Nested { parent } => format!(
                        "Quoted within the quotation on line {}",
                        line(snap, a.quotes[*parent].span.start)
                    ),
                    Attribution::Unattributed => String::new(),
                };
                let _ = write!(out, "\n\n{how}");
                quote_list(&mut out, snap, "Other quotations:", &card.others);
            }
        }
        if !snap.material.sources.is_empty() {
            if let Some(check) = cards::in_sources(a, &snap.text, i) {
                out.push_str("\n\n");
                sources_section(&mut out, check);
            }
        }
        (out, q.span.clone())
    };
    let text = format!(
        "{text}\n\n---\nRead as {} ({})",
        a.language.name(),
        a.language_origin.describe()
    );
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(to_range(&snap.rope, &span, enc)),
    })
}
