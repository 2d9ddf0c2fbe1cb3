//! Byte offsets to 1-based line and column numbers.
//!
//! Drafts arrive with `\n`, `\r\n` or a lone `\r` (old Mac exports, some CMS
//! copy-outs); all three end a line, so a finding points at the line an editor shows.

/// Start offsets of every line in a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// Number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The text of 0-based `line`, without its line break.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        if start == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        }
    }

    /// 1-based line and 1-based column in Unicode scalar values.
    ///
    /// `offset` is clamped to the text and moved back to a char boundary, so a
    /// caller holding a stale offset still gets a position inside the text.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let before = &text[self.starts[line]..offset];
        // Editors hide a byte order mark; so do columns.
        let before = if line == 0 {
            before.strip_prefix('\u{feff}').unwrap_or(before)
        } else {
            before
        };
        (line + 1, before.chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_three_line_endings_end_a_line() {
        let text = "a\nb\r\nc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 2), (2, 1));
        assert_eq!(idx.line_col(text, 5), (3, 1));
        assert_eq!(idx.line_col(text, 7), (4, 1));
        assert_eq!(idx.line_text(text, 1), "b");
    }

    #[test]
    fn columns_count_scalar_values() {
        let text = "“Zelenskyy” 👨‍👩‍👧 x";
        let idx = LineIndex::new(text);
        let x = text.rfind('x').unwrap();
        // “, nine letters, ”, a space, five scalars of the family, a space, x
        assert_eq!(idx.line_col(text, x), (1, 19));
    }
}
