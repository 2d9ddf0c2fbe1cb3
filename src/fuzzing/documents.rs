//! The language server's document store under any sequence of incremental
//! edits, in every position encoding, against a model: a plain `String` edited
//! by the protocol's rules written out the obvious way (lines found by scanning,
//! characters counted one by one), sharing no code with the rope and its
//! position conversions.
//!
//! After every change set the stored text must equal the model's; a set with a
//! position that does not exist in the text (a line past the end, a character
//! inside a multi-unit character, a range that ends before it starts) must be
//! refused whole, leaving text and version as they were; the cursor the store
//! reports must be the model's; and every conversion between offsets and
//! positions must agree with the model's.

use ropey::Rope;
use tower_lsp_server::lsp_types::{Position, Range, TextDocumentContentChangeEvent};

use super::{Violation, ensure};
use crate::lsp::documents::Document;
use crate::lsp::positions::{self, Encoding};

/// Every position encoding the server speaks.
pub const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

/// What edited text is made of: characters each encoding counts differently,
/// every line break and things that look like one but are not, quote marks,
/// right-to-left text, NUL.
pub const PIECES: &[&str] = &[
    "a",
    "said",
    " ",
    "\t",
    "Zoë",
    "e\u{301}",
    "习近平",
    "😀",
    "👨‍👩‍👧",
    "\n",
    "\r\n",
    "\r",
    "\r\r\n",
    "\n\r",
    "“",
    "”",
    "'",
    "שלום",
    "\u{200f}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\u{b}",
    "\0",
];

/// The index [`piece`] turns into a long line.
pub const LONG_LINE: usize = 255;

/// Piece `i` of [`PIECES`], wrapping around, except that one index in 256 (the
/// byte [`LONG_LINE`]) is a line longer than the stretch `positions` counts by
/// reading the line.
pub fn piece(i: usize) -> String {
    if i % 256 == LONG_LINE {
        "é😀x".repeat(600)
    } else {
        PIECES[i % PIECES.len()].to_string()
    }
}

/// A text read from bytes stops growing at this many bytes, so that inputs of
/// long lines stay quick to check.
const TEXT_BUDGET: usize = 8192;

/// One change of a change set, with its positions chosen against the text as it
/// stands when the change is applied.
#[derive(Debug, Clone)]
pub enum Change {
    /// Replaces the text between two places (character boundaries, never
    /// between the `\r` and `\n` of one line break), taken in text order; the
    /// indices wrap around the places there are.
    Replace { a: usize, b: usize, text: String },
    /// A range as given, which may run past the end of a line or of the text,
    /// fall inside a character, or run backwards.
    Raw {
        start: (u32, u32),
        end: (u32, u32),
        text: String,
    },
    /// The whole text replaced.
    Full(String),
}

/// A document's starting text and the change sets sent to it.
#[derive(Debug, Clone)]
pub struct Script {
    pub encoding: Encoding,
    pub initial: String,
    pub sets: Vec<Vec<Change>>,
}

impl Script {
    /// Reads a script from arbitrary bytes (the fuzz target's input): every byte
    /// string is some script, and nearby byte strings are nearby scripts.
    pub fn from_bytes(data: &[u8]) -> Script {
        let mut r = Reader(data);
        let encoding = ENCODINGS[r.byte() as usize % ENCODINGS.len()];
        let initial = r.text(32);
        let mut sets = Vec::new();
        while !r.0.is_empty() {
            let set = (0..r.byte() % 4)
                .map(|_| match r.byte() % 8 {
                    0 => Change::Full(r.text(32)),
                    1 => Change::Raw {
                        start: r.position(),
                        end: r.position(),
                        text: r.text(8),
                    },
                    _ => Change::Replace {
                        a: r.index(),
                        b: r.index(),
                        text: r.text(8),
                    },
                })
                .collect();
            sets.push(set);
        }
        Script {
            encoding,
            initial,
            sets,
        }
    }
}

/// The bytes of a script not read yet; past their end, zeros.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&b, rest)) = self.0.split_first() else {
            return 0;
        };
        self.0 = rest;
        b
    }

    fn index(&mut self) -> usize {
        u16::from_le_bytes([self.byte(), self.byte()]).into()
    }

    /// A line and character: small, or once in 256 the largest there is.
    fn position(&mut self) -> (u32, u32) {
        let mut number = |modulo| match self.byte() {
            u8::MAX => u32::MAX,
            b => u32::from(b % modulo),
        };
        (number(10), number(40))
    }

    /// Fewer than `most` pieces, stopping at [`TEXT_BUDGET`] bytes.
    fn text(&mut self, most: u8) -> String {
        let mut text = String::new();
        for _ in 0..self.byte() % most {
            if text.len() >= TEXT_BUDGET {
                break;
            }
            text += &piece(self.byte().into());
        }
        text
    }
}

/// The fuzz target's entry: runs the script read from `data`; panics with the
/// violation and the script.
pub fn fuzz(data: &[u8]) {
    let script = Script::from_bytes(data);
    if let Err(v) = run(&script) {
        panic!("{v}\n{script:#?}");
    }
}

/// Runs a script through a [`Document`] and the model side by side, checking
/// the text, refusals, cursors and conversions after every change set.
pub fn run(script: &Script) -> Result<(), Violation> {
    let enc = script.encoding;
    let mut doc = Document::new(&script.initial, 0, "markdown".into());
    let mut model = script.initial.clone();
    check_conversions(&doc.rope, &model, enc)?;
    for (n, set) in script.sets.iter().enumerate() {
        let version = n as i32 + 1;
        let mut scratch = model.clone();
        let mut changes = Vec::with_capacity(set.len());
        let mut expected = Ok(None);
        for change in set {
            let change = resolve(change, &scratch, enc);
            if expected.is_ok() {
                expected = apply(&mut scratch, &change, enc);
            }
            changes.push(change);
        }
        let before = doc.version;
        let got = doc.apply(&changes, version, enc);
        match (got, expected) {
            (Ok(cursor), Ok(want)) => {
                ensure!(
                    cursor == want,
                    "set {n}: cursor {cursor:?}, the model says {want:?}"
                );
                if let Some(c) = cursor {
                    ensure!(
                        scratch.is_char_boundary(c),
                        "set {n}: cursor {c} not on a character boundary"
                    );
                }
                ensure!(doc.version == version, "set {n}: version not updated");
                model = scratch;
            }
            (Err(e), Err(why)) => {
                ensure!(
                    doc.version == before,
                    "set {n}: refused ({e}, the model: {why}) but the version changed"
                );
            }
            (Ok(_), Err(why)) => return Err(format!("set {n}: applied, the model refuses: {why}")),
            (Err(e), Ok(_)) => return Err(format!("set {n}: refused ({e}), the model applies it")),
        }
        let stored = doc.rope.to_string();
        ensure!(
            stored == model,
            "set {n}: stored text {stored:?}, the model has {model:?}"
        );
        check_conversions(&doc.rope, &model, enc)?;
    }
    Ok(())
}

/// The protocol change a [`Change`] stands for, on `text` as it stands.
fn resolve(change: &Change, text: &str, enc: Encoding) -> TextDocumentContentChangeEvent {
    let (range, new) = match change {
        Change::Replace { a, b, text: new } => {
            let places: Vec<usize> = (0..=text.len()).filter(|&i| is_place(text, i)).collect();
            let (x, y) = (places[a % places.len()], places[b % places.len()]);
            let lines = Lines::new(text, enc);
            let at = |offset| lines.position(offset);
            (Some(Range::new(at(x.min(y)), at(x.max(y)))), new)
        }
        Change::Raw {
            start,
            end,
            text: new,
        } => {
            let start = Position::new(start.0, start.1);
            let end = Position::new(end.0, end.1);
            (Some(Range::new(start, end)), new)
        }
        Change::Full(new) => (None, new),
    };
    TextDocumentContentChangeEvent {
        range,
        range_length: None,
        text: new.clone(),
    }
}

// The model.

/// A text read once from the start: where its lines start (0, and after every
/// `\n`, and after every `\r` not followed by `\n`), and the position of every
/// byte, counted in one encoding.
struct Lines<'a> {
    text: &'a str,
    enc: Encoding,
    starts: Vec<usize>,
    /// The position of each byte offset up to the end of the text; a byte inside
    /// a character has the position of the character.
    at: Vec<Position>,
}

impl Lines<'_> {
    fn new(text: &str, enc: Encoding) -> Lines<'_> {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut at = Vec::with_capacity(text.len() + 1);
        let (mut line, mut units) = (0, 0);
        for (i, c) in text.char_indices() {
            at.extend(std::iter::repeat_n(
                Position::new(line, units),
                c.len_utf8(),
            ));
            if c == '\n' || (c == '\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
                (line, units) = (line + 1, 0);
            } else {
                units += enc.units(c) as u32;
            }
        }
        at.push(Position::new(line, units));
        Lines {
            text,
            enc,
            starts,
            at,
        }
    }

    /// Line `line` without its line break, as a byte range.
    fn content(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let whole = &self.text[start..end];
        let kept = whole
            .strip_suffix("\r\n")
            .or_else(|| whole.strip_suffix(['\n', '\r']))
            .unwrap_or(whole);
        start..start + kept.len()
    }

    /// The byte offset of `pos`, or why it is not in the text: a line past the
    /// end is not; a character past the end of its line is the end of the line;
    /// a character inside a character that takes several units is not.
    fn offset(&self, pos: Position) -> Result<usize, String> {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return Err(format!("line {line} of {}", self.starts.len()));
        }
        let line = self.content(line);
        let wanted = pos.character as usize;
        let mut units = 0;
        for (i, c) in self.text[line.clone()].char_indices() {
            if units == wanted {
                return Ok(line.start + i);
            }
            if units > wanted {
                return Err(format!("{}:{wanted} is inside a character", pos.line));
            }
            units += self.enc.units(c);
        }
        if units <= wanted {
            Ok(line.end)
        } else {
            Err(format!(
                "{}:{wanted} is inside the last character",
                pos.line
            ))
        }
    }

    /// The position of byte `offset`, clamped to the text and moved back to a
    /// character boundary.
    fn position(&self, offset: usize) -> Position {
        self.at[offset.min(self.text.len())]
    }
}

/// Whether a position can be at byte `i`: a character boundary, not between
/// the `\r` and the `\n` of one line break.
fn is_place(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    text.is_char_boundary(i) && !(i > 0 && b[i - 1] == b'\r' && b.get(i) == Some(&b'\n'))
}

/// Applies one change to the model; the cursor it leaves, or why it is refused.
fn apply(
    text: &mut String,
    change: &TextDocumentContentChangeEvent,
    enc: Encoding,
) -> Result<Option<usize>, String> {
    let Some(range) = change.range else {
        // The cursor of a whole-text replacement: where the new text stops
        // differing from the old, read from the end, moved on to a boundary.
        let new = &change.text;
        let cursor = if *new == *text {
            None
        } else {
            let common = text
                .bytes()
                .rev()
                .zip(new.bytes().rev())
                .take_while(|(x, y)| x == y)
                .count();
            let mut at = new.len() - common;
            while !new.is_char_boundary(at) {
                at += 1;
            }
            Some(at)
        };
        text.clone_from(new);
        return Ok(cursor);
    };
    let lines = Lines::new(text, enc);
    let start = lines.offset(range.start)?;
    let end = lines.offset(range.end)?;
    if start > end {
        return Err(format!("{range:?} runs backwards"));
    }
    text.replace_range(start..end, &change.text);
    Ok(Some(start + change.text.len()))
}

/// Up to this many offsets, and a quarter as many lines, are checked per text;
/// past it, a spread.
const SAMPLE: usize = 32;

/// Every conversion `positions` makes on `rope` agrees with the model on
/// `text`: offsets to positions (any offset, on a boundary or not, in the text
/// or past it), positions back to offsets (every place, and positions on each
/// line around and past its end), and byte spans.
fn check_conversions(rope: &Rope, text: &str, enc: Encoding) -> Result<(), Violation> {
    let lines = Lines::new(text, enc);
    let stride = (text.len() / SAMPLE).max(1);
    let offsets = (0..=text.len() + 1)
        .step_by(stride)
        .chain([text.len(), usize::MAX]);
    for offset in offsets {
        let got = positions::to_position(rope, offset, enc);
        let want = lines.position(offset);
        ensure!(
            got == want,
            "{enc:?}: offset {offset} is at {got:?}, the model says {want:?}, in {text:?}"
        );
        if offset <= text.len() && is_place(text, offset) {
            let back = positions::to_offset(rope, got, enc);
            ensure!(
                back == Ok(offset),
                "{enc:?}: {got:?} of offset {offset} comes back as {back:?}, in {text:?}"
            );
        }
    }
    let count = lines.starts.len();
    let end = lines.position(text.len());
    for line in (0..count + 2).step_by((count * 4 / SAMPLE).max(1)) {
        let units = if line < count {
            lines.position(lines.content(line).end).character
        } else {
            0
        };
        let characters = [1, units.saturating_sub(1), units, units + 1, u32::MAX];
        for character in characters {
            let pos = Position::new(line as u32, character);
            let got = positions::to_offset(rope, pos, enc);
            let want = lines.offset(pos);
            ensure!(
                got.as_ref().ok() == want.as_ref().ok(),
                "{enc:?}: {pos:?} gives {got:?}, the model says {want:?}, in {text:?}"
            );
        }
        let start = Position::new(line as u32, 1);
        let span = positions::to_span(rope, Range::new(start, end), enc);
        let want = lines.offset(start).map(|s| s..text.len());
        ensure!(
            span.as_ref().ok() == want.as_ref().ok(),
            "{enc:?}: {start:?} to the end spans {span:?}, the model says {want:?}, in {text:?}"
        );
    }
    Ok(())
}
