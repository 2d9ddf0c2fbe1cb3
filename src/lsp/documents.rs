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
    use proptest::prelude::*;
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

    /// A string model of the same edits, in the same encoding arithmetic, written
    /// independently of the rope: char boundaries found by scanning.
    fn model_offset(text: &str, line: u32, character: u32, enc: Encoding) -> usize {
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
            i += 1;
        }
        let start = starts[line as usize];
        let end = starts.get(line as usize + 1).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0usize;
        for (i, c) in content.char_indices() {
            if units >= character as usize {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + content.len()
    }

    fn model_position(text: &str, offset: usize, enc: Encoding) -> (u32, u32) {
        let before = &text[..offset];
        let mut line = 0;
        let mut line_start = 0;
        let b = before.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n')) {
                line += 1;
                line_start = i + 1;
            }
        }
        let units: usize = text[line_start..offset]
            .chars()
            .map(|c| match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            })
            .sum();
        (line, units as u32)
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "Zoë",
                "e\u{301}",
                "习近平",
                "😀",
                "👨‍👩‍👧",
                "\n",
                "\r\n",
                "\r",
                "“",
                "”",
                " ",
                "said",
            ]),
            0..6,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("COPYDESK_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
        ))]

        /// Random edits at random character boundaries leave the rope identical
        /// to the same edits applied to a string.
        #[test]
        fn edits_match_a_string(
            start in piece(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), piece()), 1..12),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut model = start.clone();
            let mut doc = Document::new(&start, 0, "markdown".into());
            for (n, (a, b, insert)) in edits.iter().enumerate() {
                let bounds: Vec<usize> = model.char_indices().map(|(i, _)| i).chain([model.len()])
                    // A boundary between \r and \n is not a position.
                    .filter(|&i| !(i > 0 && model.as_bytes()[i - 1] == b'\r' && model.as_bytes().get(i) == Some(&b'\n')))
                    .collect();
                let (mut x, mut y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
                if x > y { std::mem::swap(&mut x, &mut y); }
                let (l1, c1) = model_position(&model, x, enc);
                let (l2, c2) = model_position(&model, y, enc);
                prop_assert_eq!(model_offset(&model, l1, c1, enc), x);
                let range = Range::new(Position::new(l1, c1), Position::new(l2, c2));
                let cursor = doc.apply(&[change(Some(range), insert)], n as i32 + 1, enc).unwrap();
                model.replace_range(x..y, insert);
                prop_assert_eq!(cursor, Some(x + insert.len()));
                prop_assert_eq!(doc.rope.to_string(), model.clone());
            }
        }
    }
}
