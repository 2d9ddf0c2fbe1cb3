//! A pretty-printed JSON document around one long array, put together from
//! elements rendered one at a time (on the threads that checked the drafts). The
//! bytes are those `serde_json::to_writer_pretty` gives for the whole document,
//! but the document is never one `Value`: as a tree of values, a SARIF log of
//! 10,000 drafts takes about twelve times the memory of its text.

use std::io::{self, Write};

use serde_json::{Value, json};

/// Stands in for the array's elements in the document's skeleton.
const MARK: &str = "\u{1}copydesk-elements";

/// A document cut where its array's elements go.
pub struct Splice {
    /// Up to the first element.
    head: Vec<u8>,
    /// How deep the elements are indented.
    indent: Vec<u8>,
    /// After the last element, to the end.
    tail: Vec<u8>,
    /// The whole document when the array is empty (`[]`, on one line).
    empty: Vec<u8>,
}

impl Splice {
    /// `document` builds the document around the array it is given.
    pub fn new(document: impl Fn(Value) -> Value) -> Splice {
        let marked = pretty(&document(json!([MARK])));
        let mark = serde_json::to_vec(MARK).expect("a string serializes");
        // The mark's own line: only the array's sole element stands alone on one.
        let at = marked
            .split_inclusive(|&b| b == b'\n')
            .scan(0, |start, line| {
                let here = *start;
                *start += line.len();
                Some((here, line))
            })
            .find_map(|(start, line)| {
                let spaces = line.iter().take_while(|&&b| b == b' ').count();
                let rest = line[spaces..]
                    .strip_suffix(b"\n")
                    .unwrap_or(&line[spaces..]);
                (rest == mark.as_slice()).then_some((start, spaces))
            });
        let (line, spaces) = at.expect("the document holds the array");
        Splice {
            head: marked[..line + spaces].to_vec(),
            indent: marked[line..line + spaces].to_vec(),
            tail: marked[line + spaces + mark.len()..].to_vec(),
            empty: pretty(&document(json!([]))),
        }
    }

    /// The document with the member named `from`, which comes after the array
    /// (members are written in sorted order), named `to` instead. Only its first
    /// occurrence after the array is renamed: a member's name comes before its value.
    pub fn rename_after(mut self, from: &str, to: &str) -> Splice {
        let key = |name: &str| serde_json::to_vec(name).expect("a string serializes");
        let (from, to) = (
            [key(from), b":".to_vec()].concat(),
            [key(to), b":".to_vec()].concat(),
        );
        for text in [&mut self.tail, &mut self.empty] {
            let at = text
                .windows(from.len())
                .position(|w| w == from.as_slice())
                .expect("the member follows the array");
            text.splice(at..at + from.len(), to.iter().copied());
        }
        self
    }

    /// One element, indented to its place in the document.
    pub fn element(&self, value: &Value) -> Vec<u8> {
        let plain = serde_json::to_vec_pretty(value).expect("a Value serializes");
        let mut out = Vec::with_capacity(plain.len() + plain.len() / 8);
        for (i, line) in plain.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                out.push(b'\n');
                out.extend_from_slice(&self.indent);
            }
            out.extend_from_slice(line);
        }
        out
    }

    /// What goes between two elements.
    pub fn separator(&self) -> Vec<u8> {
        [b",\n".as_slice(), &self.indent].concat()
    }

    /// Writes what comes before the first element.
    pub fn open(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        out.write_all(&self.head)
    }

    /// Writes what comes after the last element, or, if there were none, the whole
    /// document with its empty array.
    pub fn close(&self, out: &mut (impl Write + ?Sized), opened: bool) -> io::Result<()> {
        out.write_all(if opened { &self.tail } else { &self.empty })
    }
}

/// The document as `to_writer_pretty` and a closing newline write it.
fn pretty(value: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("a Value serializes");
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(items: Value) -> Value {
        json!({"b": {"list": [{"items": items, "z": 1}]}, "a": "x"})
    }

    fn spliced(items: &[Value]) -> Vec<u8> {
        let splice = Splice::new(document);
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if i == 0 {
                splice.open(&mut out).unwrap();
            } else {
                out.extend(splice.separator());
            }
            out.extend(splice.element(item));
        }
        splice.close(&mut out, !items.is_empty()).unwrap();
        out
    }

    #[test]
    fn spliced_is_what_serde_json_writes_for_the_whole() {
        for items in [
            vec![],
            vec![json!(1)],
            vec![
                json!({"k": [1, 2], "e": [], "o": {}}),
                json!("line\nbreak"),
                json!(null),
            ],
        ] {
            let whole = pretty(&document(Value::Array(items.clone())));
            assert_eq!(
                String::from_utf8(spliced(&items)).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }

    #[test]
    fn a_member_renamed_after_the_array_keeps_its_value_and_place() {
        let late = |items: Value| json!({"items": items, "~late": {"n": [1]}});
        let splice = Splice::new(late).rename_after("~late", "a-late");
        for opened in [true, false] {
            let mut out = Vec::new();
            if opened {
                splice.open(&mut out).unwrap();
                out.extend(splice.element(&json!(7)));
            }
            splice.close(&mut out, opened).unwrap();
            let text = String::from_utf8(out).unwrap();
            let items = if opened { json!([7]) } else { json!([]) };
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, json!({"items": items, "a-late": {"n": [1]}}));
            assert!(text.find("\"items\"") < text.find("\"a-late\""), "{text}");
        }
    }
}
