//! What an editor shows beyond the findings: the speaker card of a quotation, a
//! person's card, the resolved speaker of "he said", the edits of a rename or a
//! quick fix, and which findings wait while the writer is still typing.
//!
//! Everything here is a view over an [`Analysis`](crate::Analysis) in byte offsets
//! of the draft and plain strings, so the language server only converts positions
//! and never reasons about the story itself.

pub mod cards;
pub mod fixes;
pub mod hints;
pub mod lookup;
pub mod rename;
pub mod typing;

/// The first `n` words of a quotation's inside, with an ellipsis when it goes on.
pub fn first_words(inner: &str, n: usize) -> String {
    let mut words = inner.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(n).collect();
    let more = words.next().is_some();
    if let Some(last) = out.last_mut() {
        if more {
            *last = last.trim_end_matches([',', ';', ':']);
        }
    }
    let mut s = out.join(" ");
    if more {
        s.push('…');
    }
    s
}

/// The short name a reader would use for a person: the surname, or the full name
/// when another person in the story shares that surname.
pub fn short_name(a: &crate::Analysis, person: usize) -> String {
    let name = &a.people[person].name;
    let surname = name.split_whitespace().last().unwrap_or(name);
    let shared = a
        .people
        .iter()
        .enumerate()
        .any(|(i, p)| i != person && p.name.split_whitespace().last() == Some(surname));
    if shared {
        name.clone()
    } else {
        surname.to_string()
    }
}

/// Applies edits made against one text (the way an editor applies a fix).
#[cfg(test)]
pub(crate) fn apply(text: &str, mut edits: Vec<crate::analysis::Edit>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span, &e.new_text);
    }
    out
}
