//! The framing's tests: whole, split and broken messages.

use super::*;

/// Input that arrives a few bytes at a time.
struct Trickle<'a>(&'a [u8], usize);

impl AsyncRead for Trickle<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let n = self.1.min(self.0.len()).min(buf.remaining());
        buf.put_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Poll::Ready(Ok(()))
    }
}

fn framed(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

/// What the transport reads from `input` arriving `step` bytes at a time, in
/// reads of seven bytes.
fn read_all(input: &[u8], step: usize) -> Vec<u8> {
    let mut frames = Frames::new(Trickle(input, step));
    let mut out = Vec::new();
    let mut cx = Context::from_waker(std::task::Waker::noop());
    loop {
        let mut chunk = [0u8; 7];
        let mut read = ReadBuf::new(&mut chunk);
        match Pin::new(&mut frames).poll_read(&mut cx, &mut read) {
            Poll::Ready(Ok(())) if read.filled().is_empty() => return out,
            Poll::Ready(Ok(())) => out.extend_from_slice(read.filled()),
            Poll::Ready(Err(e)) => panic!("{e}"),
            Poll::Pending => panic!("the input never waits"),
        }
    }
}

/// The messages the transport would read from `input`, as JSON; the same
/// whether the input arrives at once or a few bytes at a time.
fn messages(input: &[u8]) -> Vec<Value> {
    let out = read_all(input, usize::MAX);
    assert_eq!(read_all(input, 5), out);
    let mut msgs = Vec::new();
    let mut rest = &out[..];
    while !rest.is_empty() {
        let text = std::str::from_utf8(rest).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let len: usize = head
            .strip_prefix("Content-Length: ")
            .unwrap()
            .parse()
            .unwrap();
        msgs.push(serde_json::from_str(&body[..len]).unwrap());
        rest = &body.as_bytes()[len..];
    }
    msgs
}

fn refusal(v: &Value) -> Option<(i64, Value)> {
    (v["method"] == REFUSED).then(|| (v["params"]["code"].as_i64().unwrap(), v["id"].clone()))
}

const GOOD: &str = r#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;

#[test]
fn good_messages_pass_unchanged_split_anywhere() {
    let input = format!(
        "{}{}",
        framed(GOOD),
        framed(r#"{"jsonrpc":"2.0","method":"exit"}"#)
    );
    let msgs = messages(input.as_bytes());
    assert_eq!(msgs.len(), 2);
    assert_eq!(msgs[0]["id"], 7);
    assert_eq!(msgs[1]["method"], "exit");
}

#[test]
fn each_kind_of_bad_message_is_answered_and_the_next_one_read() {
    let b = |s: &str| s.as_bytes().to_vec();
    let refused = format!(r#"{{"jsonrpc":"2.0","id":4,"method":"{REFUSED}"}}"#);
    let cases: Vec<(Vec<u8>, i64, Value)> = vec![
        (
            b(&framed(r#"{"jsonrpc": "2.0", "id": 1, "method": "#)),
            PARSE_ERROR,
            Value::Null,
        ),
        (b(&framed("[1, 2]")), INVALID_REQUEST, Value::Null),
        (
            b(&framed(r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#)),
            INVALID_REQUEST,
            json!("a"),
        ),
        (
            b(&framed(r#"{"jsonrpc":"2.0","id":3}"#)),
            INVALID_REQUEST,
            json!(3),
        ),
        (
            b(&framed(r#"{"jsonrpc":"2.0","id":{},"method":"x"}"#)),
            INVALID_REQUEST,
            Value::Null,
        ),
        (b(&framed(&refused)), METHOD_NOT_FOUND, json!(4)),
        (b("Content-Length: ten\r\n\r\n{}"), PARSE_ERROR, Value::Null),
        (
            b("Content-Type: application/json\r\n\r\n{}"),
            PARSE_ERROR,
            Value::Null,
        ),
        (
            b(r#"{"jsonrpc":"2.0","id":5,"method":"x"}"#),
            PARSE_ERROR,
            Value::Null,
        ),
        (
            b(&format!("Content-Length: 10\r\n\r\n{GOOD}")),
            PARSE_ERROR,
            Value::Null,
        ),
        (
            b(&format!("Content-Length: 500\r\n\r\n{GOOD}")),
            PARSE_ERROR,
            Value::Null,
        ),
        (
            b"Content-Length: 2\r\n\r\n\xff\xfe".to_vec(),
            PARSE_ERROR,
            Value::Null,
        ),
    ];
    for (bad, code, id) in cases {
        let mut input = bad.clone();
        input.extend_from_slice(framed(GOOD).as_bytes());
        let msgs = messages(&input);
        let shown = String::from_utf8_lossy(&bad);
        assert_eq!(msgs.len(), 2, "{shown:?}: {msgs:?}");
        assert_eq!(refusal(&msgs[0]), Some((code, id)), "{shown:?}");
        assert_eq!(msgs[1]["id"], 7, "{shown:?}");
    }
}

#[test]
fn a_body_may_mention_content_length() {
    let body =
        r#"{"jsonrpc":"2.0","method":"x","params":{"text":"Content-Length: 12\nContent-Length:"}}"#;
    let msgs = messages(framed(body).as_bytes());
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["method"], "x");
}
