//! The one place where LSP positions meet byte offsets.
//!
//! The analysis speaks byte offsets of the UTF-8 text; the client speaks (line,
//! character) with characters counted in the negotiated encoding: UTF-8 bytes
//! when it offers them, else Unicode scalar values (UTF-32) when it offers those,
//! else UTF-16 code units. Lines end at `\n`, `\r\n` or a lone `\r`, as the
//! protocol and `copydesk check` both count them. Every position in or out of the
//! server goes through these functions, on the rope of the text the position
//! belongs to.

use ropey::Rope;
use tower_lsp_server::lsp_types::{Position, PositionEncodingKind, Range};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-32 when it offers that, else
    /// UTF-16 (which every client supports).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF32) => Encoding::Utf32,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// How many units of this encoding `c` takes.
    pub fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A position that does not exist in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange(pub String);

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Byte length of line `line` without its line break.
fn content_len(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut len = slice.len_bytes();
    let mut chars = slice.chars_at(slice.len_chars());
    if chars.prev() == Some('\n') {
        len -= 1;
        if chars.prev() == Some('\r') {
            len -= 1;
        }
    } else if slice.len_bytes() > 0 && slice.char(slice.len_chars() - 1) == '\r' {
        len -= 1;
    }
    len
}

/// The byte offset of `pos`. A character past the end of its line means the end
/// of the line, as the protocol says; a line past the end of the text, or a
/// character that falls inside a multi-unit character, is out of range.
pub fn to_offset(rope: &Rope, pos: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return Err(OutOfRange(format!(
            "line {} is past the end of the text ({} lines)",
            pos.line,
            rope.len_lines()
        )));
    }
    let start = rope.line_to_byte(line);
    let end = start + content_len(rope, line);
    let character = pos.character as usize;
    let offset = match enc {
        Encoding::Utf8 => {
            let at = (start + character).min(end);
            // Safe on any byte: the rope answers with the char holding it.
            if rope.char_to_byte(rope.byte_to_char(at)) != at {
                return Err(split(pos));
            }
            at
        }
        Encoding::Utf16 => {
            let first = rope.char_to_utf16_cu(rope.byte_to_char(start));
            let last = rope.char_to_utf16_cu(rope.byte_to_char(end));
            let cu = (first + character).min(last);
            let ch = rope.utf16_cu_to_char(cu);
            if rope.char_to_utf16_cu(ch) != cu {
                return Err(split(pos));
            }
            rope.char_to_byte(ch)
        }
        Encoding::Utf32 => {
            let first = rope.byte_to_char(start);
            let last = rope.byte_to_char(end);
            rope.char_to_byte((first + character).min(last))
        }
    };
    Ok(offset)
}

fn split(pos: Position) -> OutOfRange {
    OutOfRange(format!(
        "{}:{} falls inside a character",
        pos.line, pos.character
    ))
}

/// The position of byte `offset` (clamped to the text, moved back to a character
/// boundary, so a stale offset still lands inside the text).
pub fn to_position(rope: &Rope, offset: usize, enc: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    let line = rope.byte_to_line(offset);
    let start = rope.line_to_byte(line);
    // The usual case, counted along the line: a short stretch on a boundary.
    if offset - start <= SHORT_STRETCH {
        if let Some(stretch) = rope.get_byte_slice(start..offset) {
            let character = match enc {
                Encoding::Utf8 => offset - start,
                Encoding::Utf16 | Encoding::Utf32 => stretch
                    .chunks()
                    .map(|c| {
                        if c.is_ascii() {
                            c.len()
                        } else {
                            c.chars().map(|c| enc.units(c)).sum()
                        }
                    })
                    .sum(),
            };
            return Position::new(line as u32, character as u32);
        }
    }
    let ch = rope.byte_to_char(offset);
    let line = rope.char_to_line(ch);
    let line_char = rope.line_to_char(line);
    let character = match enc {
        Encoding::Utf8 => rope.char_to_byte(ch) - rope.line_to_byte(line),
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_char),
        Encoding::Utf32 => ch - line_char,
    };
    Position::new(line as u32, character as u32)
}

/// The position of byte `offset` of a file that is not open (a source the
/// draft cites), on its 0-based `line`.
pub fn position_in_file(text: &str, line: usize, offset: usize, enc: Encoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let character = match enc {
        Encoding::Utf8 => offset - start,
        Encoding::Utf16 | Encoding::Utf32 => before[start..].chars().map(|c| enc.units(c)).sum(),
    };
    Position::new(line as u32, character as u32)
}

/// Up to this many bytes from a line's start, a column is counted by reading the
/// line; past it (or off a boundary), the rope's indexes answer.
const SHORT_STRETCH: usize = 4096;

pub fn to_range(rope: &Rope, span: &std::ops::Range<usize>, enc: Encoding) -> Range {
    Range::new(
        to_position(rope, span.start, enc),
        to_position(rope, span.end, enc),
    )
}

/// The byte span of `range`; its start must not come after its end.
pub fn to_span(
    rope: &Rope,
    range: Range,
    enc: Encoding,
) -> Result<std::ops::Range<usize>, OutOfRange> {
    let start = to_offset(rope, range.start, enc)?;
    let end = to_offset(rope, range.end, enc)?;
    if start > end {
        return Err(OutOfRange(format!(
            "range {}:{}–{}:{} ends before it starts",
            range.start.line, range.start.character, range.end.line, range.end.character
        )));
    }
    Ok(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    /// Every character boundary round-trips in every encoding.
    fn round_trips(text: &str) {
        let rope = Rope::from_str(text);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                if text[..i].ends_with('\r') && text[i..].starts_with('\n') {
                    continue; // between the two halves of one line break
                }
                let p = to_position(&rope, i, enc);
                assert_eq!(
                    to_offset(&rope, p, enc),
                    Ok(i),
                    "{text:?} byte {i} {enc:?} {p:?}"
                );
            }
        }
    }

    #[test]
    fn emoji_count_two_utf16_units_and_four_bytes() {
        let text = "“Yes” 👍 said Zoë\n😀x";
        round_trips(text);
        let rope = Rope::from_str(text);
        let x = text.rfind('x').unwrap();
        assert_eq!(to_position(&rope, x, Encoding::Utf16), pos(1, 2));
        assert_eq!(to_position(&rope, x, Encoding::Utf8), pos(1, 4));
        assert_eq!(to_position(&rope, x, Encoding::Utf32), pos(1, 1));
        assert_eq!(to_offset(&rope, pos(1, 1), Encoding::Utf32), Ok(x));
        // Inside the surrogate pair or inside the UTF-8 sequence: refused.
        assert!(to_offset(&rope, pos(1, 1), Encoding::Utf16).is_err());
        assert!(to_offset(&rope, pos(1, 2), Encoding::Utf8).is_err());
        let thumbs = text.find('👍').unwrap();
        assert_eq!(to_position(&rope, thumbs + 4, Encoding::Utf16), pos(0, 8));
    }

    #[test]
    fn cjk_counts_one_utf16_unit_and_three_bytes() {
        let text = "习近平说：“我们准备好了。”\nok";
        round_trips(text);
        let rope = Rope::from_str(text);
        let q = text.find('“').unwrap();
        assert_eq!(to_position(&rope, q, Encoding::Utf16), pos(0, 5));
        assert_eq!(to_position(&rope, q, Encoding::Utf8), pos(0, 15));
    }

    #[test]
    fn combining_accents_are_their_own_characters() {
        // "Zoe\u{301}" is Zoé written with a combining acute accent.
        let text = "Zoe\u{301} Saldan\u{303}a said";
        round_trips(text);
        let rope = Rope::from_str(text);
        let s = text.find("said").unwrap();
        assert_eq!(to_position(&rope, s, Encoding::Utf16), pos(0, 14));
        assert_eq!(to_position(&rope, s, Encoding::Utf8), pos(0, 16));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\nfour\r\n";
        round_trips(text);
        let rope = Rope::from_str(text);
        assert_eq!(
            to_position(&rope, text.find("two").unwrap(), Encoding::Utf16),
            pos(1, 0)
        );
        assert_eq!(
            to_position(&rope, text.find("three").unwrap(), Encoding::Utf8),
            pos(2, 0)
        );
        // Past the end of a line: the end of that line, before its break.
        assert_eq!(to_offset(&rope, pos(0, 99), Encoding::Utf16), Ok(3));
        assert_eq!(to_offset(&rope, pos(0, 4), Encoding::Utf8), Ok(3));
        assert_eq!(to_offset(&rope, pos(4, 0), Encoding::Utf8), Ok(text.len()));
        assert!(to_offset(&rope, pos(5, 0), Encoding::Utf8).is_err());
    }

    #[test]
    fn long_lines_count_the_same_both_ways() {
        // Past SHORT_STRETCH the rope's indexes answer instead of a count.
        let text = format!("{}\n{}x", "Zoë 😀 习 ".repeat(420), "é".repeat(2100));
        round_trips(&text);
        let rope = Rope::from_str(&text);
        let x = text.rfind('x').unwrap();
        assert_eq!(to_position(&rope, x, Encoding::Utf16), pos(1, 2100));
        assert_eq!(to_position(&rope, x, Encoding::Utf8), pos(1, 4200));
    }

    #[test]
    fn ranges_must_run_forwards() {
        let rope = Rope::from_str("abc");
        let r = Range::new(pos(0, 2), pos(0, 1));
        assert!(to_span(&rope, r, Encoding::Utf8).is_err());
        assert_eq!(
            to_span(&rope, Range::new(pos(0, 1), pos(0, 2)), Encoding::Utf8),
            Ok(1..2)
        );
    }

    #[test]
    fn negotiation_prefers_utf8_then_utf32_only_when_offered() {
        let all = [
            PositionEncodingKind::UTF16,
            PositionEncodingKind::UTF32,
            PositionEncodingKind::UTF8,
        ];
        assert_eq!(Encoding::negotiate(Some(&all)), Encoding::Utf8);
        assert_eq!(Encoding::negotiate(Some(&all[..2])), Encoding::Utf32);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
