//! The client's messages, framed and checked before the transport reads them.
//!
//! tower-lsp-server's decoder ends the whole session at the first message it
//! cannot decode (its stream stops after an error): one body that is not JSON, a
//! `Content-Length` that is not a number, a header without one, and the editor
//! loses its server. So every message is framed here first. A good one is passed
//! on as it came; a bad one is replaced by a request for [`REFUSED`], which
//! [`super::guard`] answers with the JSON-RPC error it deserves (parse error
//! -32700, invalid request -32600), and reading resumes at the next header.
//!
//! A header is found by `Content-Length:` and a value running to a line break
//! with no quote mark in it. The words can only stand inside a JSON string, and
//! a string cannot hold a raw line break, so it would have to close (with a quote
//! mark) first: the marker is never part of a body. That is how a body shorter or
//! longer than its `Content-Length` says is told from the message after it.
//!
//! JSON-RPC batches (arrays) are refused as invalid requests: the Language Server
//! Protocol has none.

use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, ReadBuf};

/// The method of the stand-in request for a message that was refused; its params
/// hold the error to answer with.
pub const REFUSED: &str = "copydesk/refusedMessage";

/// JSON-RPC error codes the framing gives.
pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;

const MARKER: &[u8] = b"content-length";

/// The most a header may take before its bytes are counted as junk.
const MAX_HEADER: usize = 8 * 1024;

/// The client's input as the transport should see it.
pub struct Frames<R> {
    inner: R,
    /// Bytes read and not framed yet, from `start` on.
    input: Vec<u8>,
    start: usize,
    /// The length of the body being read, once its header is.
    body: Option<usize>,
    /// How far the body being read has been searched for the next header.
    searched: usize,
    /// Framed messages not yet handed over, each with how much of it was.
    output: VecDeque<(Vec<u8>, usize)>,
    /// The junk being skipped belongs to a message already answered.
    answered: bool,
    eof: bool,
}

enum Step {
    /// Input was framed, consumed or answered: there may be more to do.
    Progress,
    NeedMore,
}

impl<R> Frames<R> {
    pub fn new(inner: R) -> Frames<R> {
        Frames {
            inner,
            input: Vec::new(),
            start: 0,
            body: None,
            searched: 0,
            output: VecDeque::new(),
            answered: false,
            eof: false,
        }
    }

    fn pending(&self) -> &[u8] {
        &self.input[self.start..]
    }

    fn consume(&mut self, n: usize) {
        self.start += n;
        if self.start == self.input.len() {
            self.input.clear();
            self.start = 0;
        } else if self.start > MAX_HEADER && self.start > self.input.len() / 2 {
            // Many refusals in a row: what they took is let go.
            self.input.drain(..self.start);
            self.start = 0;
        }
    }

    fn emit(&mut self, body: Vec<u8>, from: usize) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len() - from);
        self.output.push_back((header.into_bytes(), 0));
        self.output.push_back((body, from));
    }

    /// Answers a message that cannot be served with `code`, to `id` if it is known.
    fn refuse(&mut self, code: i64, message: &str, id: Value) {
        eprintln!("copydesk: a message from the client was refused ({code}): {message}");
        let stand_in = json!({
            "jsonrpc": "2.0",
            "id": id,
            "method": REFUSED,
            "params": {"code": code, "message": message},
        });
        self.emit(stand_in.to_string().into_bytes(), 0);
    }

    /// Answers the message being read with a parse error; what is left of it
    /// is skipped without another answer.
    fn parse_error(&mut self, message: &str) -> Step {
        self.answered = true;
        self.refuse(PARSE_ERROR, message, Value::Null);
        Step::Progress
    }

    /// Bytes that belong to no message: answered once per stretch.
    fn junk(&mut self, n: usize) {
        let blank = self.pending()[..n].iter().all(|b| b.is_ascii_whitespace());
        self.consume(n);
        if !blank && !self.answered {
            self.answered = true;
            self.refuse(
                PARSE_ERROR,
                "Parse error: bytes outside any message (no Content-Length header before them)",
                Value::Null,
            );
        }
    }

    /// Frames what can be framed of the pending input.
    fn step(&mut self) -> Step {
        match self.body {
            None => self.header(),
            Some(len) => self.take_body(len),
        }
    }

    fn header(&mut self) -> Step {
        let skip = self
            .pending()
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        self.consume(skip);
        let buf = self.pending();
        if buf.is_empty() {
            return Step::NeedMore;
        }
        let marker = find_marker(buf, 0, true);
        // A complete header block without the length: the body after it cannot
        // be found.
        let block_end = find(buf, b"\r\n\r\n", 0)
            .filter(|&e| marker.is_none_or(|at| at > e) && header_lines(&buf[..e + 2]));
        if let Some(end) = block_end {
            self.consume(end + 4);
            return self.parse_error("Parse error: a message header without Content-Length");
        }
        let Some(at) = marker else {
            // What cannot start a header, or a header grown too long, is junk
            // up to where a marker may yet begin.
            if !buf[0].is_ascii_alphanumeric() || buf.len() > MAX_HEADER {
                let keep = (MARKER.len() - 1).min(buf.len() - 1);
                self.junk(buf.len() - keep);
                return Step::Progress;
            }
            return Step::NeedMore;
        };
        if at > 0 && !header_lines(&buf[..at]) {
            self.junk(at);
            return Step::Progress;
        }
        let Some(end) = find(buf, b"\r\n\r\n", at) else {
            if buf.len() > MAX_HEADER {
                self.junk(at + 1);
                return Step::Progress;
            }
            return Step::NeedMore;
        };
        let value = marker_value(&buf[at + MARKER.len()..])
            .flatten()
            .map(|v| String::from_utf8_lossy(v).trim().to_string());
        let length = value.as_deref().and_then(|v| v.parse::<usize>().ok());
        self.consume(end + 4);
        match length {
            Some(len) => {
                self.body = Some(len);
                self.searched = 0;
                Step::Progress
            }
            None => self.parse_error(&format!(
                "Parse error: Content-Length {:?} is not a number of bytes",
                value.unwrap_or_default()
            )),
        }
    }

    fn take_body(&mut self, len: usize) -> Step {
        let buf = self.pending();
        // The next header inside the body: the body was shorter than its length.
        let from = self.searched.saturating_sub(MARKER.len() + MAX_VALUE + 8);
        let within = buf.len().min(len);
        if let Some(cut) = find_marker(&buf[..within], from, false) {
            self.body = None;
            self.consume(cut);
            return self.parse_error(
                "Parse error: the message ends before its Content-Length (the next header came first)",
            );
        }
        let complete = buf.len() >= len;
        self.searched = within;
        if !complete {
            return Step::NeedMore;
        }
        self.body = None;
        // The body is handed over without a copy: the bytes after it are moved
        // out instead, and there are few of them.
        let rest = self.input.split_off(self.start + len);
        let taken = std::mem::replace(&mut self.input, rest);
        let from = self.start;
        self.start = 0;
        match check(&taken[from..]) {
            Ok(()) => {
                self.answered = false;
                self.emit(taken, from);
            }
            Err((code, message, id)) => {
                self.answered = true;
                self.refuse(code, &message, id);
            }
        }
        Step::Progress
    }

    /// Copies framed bytes into `buf`; returns whether there were any.
    fn hand_over(&mut self, buf: &mut ReadBuf<'_>) -> bool {
        let mut copied = false;
        while buf.remaining() > 0 {
            let Some((chunk, at)) = self.output.front_mut() else {
                break;
            };
            let n = buf.remaining().min(chunk.len() - *at);
            buf.put_slice(&chunk[*at..*at + n]);
            *at += n;
            copied |= n > 0;
            if *at == chunk.len() {
                self.output.pop_front();
            }
        }
        copied
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for Frames<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        loop {
            if this.hand_over(buf) {
                return Poll::Ready(Ok(()));
            }
            if let Step::Progress = this.step() {
                continue;
            }
            if this.eof {
                // A message cut short by the end of input is dropped: its sender
                // is gone.
                return Poll::Ready(Ok(()));
            }
            let mut chunk = [0u8; 32 * 1024];
            let mut read = ReadBuf::new(&mut chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut read) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Ready(Ok(())) if read.filled().is_empty() => this.eof = true,
                Poll::Ready(Ok(())) => this.input.extend_from_slice(read.filled()),
            }
        }
    }
}

/// Where a `Content-Length` header line starts in `buf`, searching from `from`,
/// in any letter case. With `partial`, a line not yet complete counts too (more
/// input may finish it).
fn find_marker(buf: &[u8], from: usize, partial: bool) -> Option<usize> {
    let mut at = from;
    while let Some(i) = find_ignore_case(buf, MARKER, at) {
        match marker_value(&buf[i + MARKER.len()..]) {
            Some(Some(_)) => return Some(i),
            Some(None) if partial => return Some(i),
            _ => at = i + 1,
        }
    }
    None
}

/// The longest header value looked at, in bytes.
const MAX_VALUE: usize = 64;

/// What follows the marker: `Some(Some(value))` for the rest of a header line,
/// `[ \t]*:value` and a CRLF, with no quote mark in it (a quote mark would
/// close a JSON string the words stood in); `Some(None)` for the start of one;
/// `None` when it is no header.
fn marker_value(rest: &[u8]) -> Option<Option<&[u8]>> {
    let pad = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    let rest = &rest[pad..];
    match rest.first() {
        None => return Some(None),
        Some(b':') => {}
        Some(_) => return None,
    }
    let rest = &rest[1..];
    match rest.iter().position(|b| *b == b'\n' || *b == b'"') {
        Some(n) if rest[n] == b'\n' && n > 0 && rest[n - 1] == b'\r' => Some(Some(&rest[..n - 1])),
        Some(_) => None,
        None if rest.len() <= MAX_VALUE => Some(None),
        None => None,
    }
}

fn find(buf: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(buf.get(from..)?, needle).map(|i| i + from)
}

/// Every body is searched for a header: candidates are found by their first
/// letter in either case, so a long `didOpen` is skimmed, not compared byte by
/// byte.
fn find_ignore_case(buf: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (lower, upper) = (
        needle[0].to_ascii_lowercase(),
        needle[0].to_ascii_uppercase(),
    );
    let end = buf.len().checked_sub(needle.len())?;
    let mut at = from;
    while at <= end {
        let i = at + memchr::memchr2(lower, upper, &buf[at..=end])?;
        if buf[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Whether `bytes` are whole header lines, `Name: value` each ending in CRLF.
fn header_lines(bytes: &[u8]) -> bool {
    let Some(body) = bytes.strip_suffix(b"\r\n") else {
        return false;
    };
    body.split(|&b| b == b'\n').all(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        match line.iter().position(|&b| b == b':') {
            Some(colon) => {
                colon > 0
                    && line[..colon]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                    && !line.contains(&b'\r')
            }
            None => false,
        }
    })
}

/// What the transport needs of a message to decode it: anything else is left to
/// the handlers (wrong params are their -32602).
#[derive(Deserialize)]
struct Shape<'a> {
    #[serde(borrow)]
    jsonrpc: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    method: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    result: Option<IgnoredAny>,
    #[serde(default, deserialize_with = "present")]
    error: Option<IgnoredAny>,
}

/// A member that is there, even as null.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// The id of a message that cannot be served, if one can be read, so the client
/// can match the answer to its request.
fn id_of(body: &[u8]) -> Value {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(valid_id)
        .unwrap_or(Value::Null)
}

/// An id as JSON-RPC allows it (and the transport decodes it): an integer, a
/// string or null.
fn valid_id(id: &Value) -> bool {
    id.is_i64() || id.is_string() || id.is_null()
}

/// Checks a body; a bad one gives the error code, message and the id to answer.
fn check(body: &[u8]) -> Result<(), (i64, String, Value)> {
    let invalid = |why: &str| {
        (
            INVALID_REQUEST,
            format!("Invalid request: {why}"),
            id_of(body),
        )
    };
    let text = std::str::from_utf8(body)
        .map_err(|e| (PARSE_ERROR, format!("Parse error: {e}"), Value::Null))?;
    let shape: Shape = match serde_json::from_str(text) {
        Ok(s) => s,
        Err(e) if e.is_data() => return Err(invalid(&e.to_string())),
        Err(e) => return Err((PARSE_ERROR, format!("Parse error: {e}"), Value::Null)),
    };
    if shape.jsonrpc != "2.0" {
        return Err(invalid("jsonrpc must be \"2.0\""));
    }
    if !shape.id.as_ref().is_none_or(valid_id) {
        return Err(invalid("an id must be an integer, a string or null"));
    }
    match shape.method.as_deref() {
        Some(REFUSED) => Err((METHOD_NOT_FOUND, "Method not found".into(), id_of(body))),
        Some(_) => Ok(()),
        None if shape.id.is_some() && (shape.result.is_some() || shape.error.is_some()) => Ok(()),
        None => Err(invalid("neither a request (no method) nor a response")),
    }
}

#[cfg(test)]
mod tests;
