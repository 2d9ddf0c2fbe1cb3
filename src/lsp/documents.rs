//! The open documents' text: a rope per document, edited in place by the
//! client's changes.
//!
//! A change set is applied whole or not at all: if any change in it points
//! outside the text, the document keeps the text it had, so a confused client
//! never leaves a half-edited draft behind.

use ropey::Rope;
use tower_lsp_server::lsp_types::TextDocumentContentChangeEvent;

use super::positions::{self, Encoding, OutOfRange};

#[derive(Debug, Clone)]
pub struct Document {
    pub rope: Rope,
    pub version: i32,
    pub language_id: String,
}

impl Document {
    pub fn new(text: &str, version: i32, language_id: String) -> Document {
        Document {
            rope: Rope::from_str(text),
            version,
            language_id,
        }
    }

    /// Applies a change set in order and returns where the writer's cursor ended
    /// up (the end of the last change's new text), if it can be told.
    pub fn apply(
        &mut self,
        changes: &[TextDocumentContentChangeEvent],
        version: i32,
        enc: Encoding,
    ) -> Result<Option<usize>, OutOfRange> {
        let mut rope = self.rope.clone();
        let mut cursor = None;
        for change in changes {
            cursor = match change.range {
                Some(range) => {
                    let span = positions::to_span(&rope, range, enc)?;
                    let start = rope.byte_to_char(span.start);
                    let end = rope.byte_to_char(span.end);
                    rope.remove(start..end);
                    rope.insert(start, &change.text);
                    Some(span.start + change.text.len())
                }
                None => {
                    let old = std::mem::replace(&mut rope, Rope::from_str(&change.text));
                    changed_end(&old, &rope)
                }
            };
        }
        self.rope = rope;
        self.version = version;
        Ok(cursor)
    }
}

/// Where a whole-text replacement stops differing from the old text, read from
/// the end: the cursor of a client that only sends full text.
fn changed_end(old: &Rope, new: &Rope) -> Option<usize> {
    let (mut a, mut b) = (old.bytes_at(old.len_bytes()), new.bytes_at(new.len_bytes()));
    let mut common = 0;
    while let (Some(x), Some(y)) = (a.prev(), b.prev()) {
        if x != y {
            break;
        }
        common += 1;
    }
    if common == new.len_bytes() && common == old.len_bytes() {
        return None;
    }
    let mut at = new.len_bytes() - common;
    while at < new.len_bytes()
        && new.byte_to_char(at) != new.len_chars()
        && new.char_to_byte(new.byte_to_char(at)) != at
    {
        at += 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::lsp_types::{Position, Range};

    fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn a_bad_change_leaves_the_text_alone() {
        let mut doc = Document::new("one\ntwo", 1, "markdown".into());
        let good = change(
            Some(Range::new(Position::new(0, 0), Position::new(0, 3))),
            "ONE",
        );
        let bad = change(
            Some(Range::new(Position::new(7, 0), Position::new(7, 1))),
            "x",
        );
        assert!(doc.apply(&[good, bad], 2, Encoding::Utf16).is_err());
        assert_eq!(doc.rope.to_string(), "one\ntwo");
        assert_eq!(doc.version, 1);
    }

    #[test]
    fn full_text_replacement_tells_the_cursor() {
        let mut doc = Document::new("“We won.” Next.", 1, "markdown".into());
        let cursor = doc
            .apply(
                &[change(None, "“We won,” he said. Next.")],
                2,
                Encoding::Utf8,
            )
            .unwrap();
        assert_eq!(cursor, Some("“We won,” he said.".len()));
    }
}
