//! `copydesk lsp` over a real pipe, driven by a client that gets everything
//! wrong: malformed bodies and headers, unknown methods, requests out of order,
//! documents and positions that do not exist, an edit storm, and every way of
//! ending the session. The server must answer with the JSON-RPC and LSP error
//! codes, keep the text exactly as the client has it, keep its memory bounded,
//! and end with the exit code the protocol gives.
//!
//! Where tower-lsp-server (0.22) answers on its own, the tests assert what it
//! does; where it was wrong, the server's own framing (`lsp::framing`) and guard
//! (`lsp::guard`) put it right, and the tests hold them to it.

mod common;

use std::time::{Duration, Instant};

use common::lsp_client::*;
use serde_json::{Value, json};

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
const METHOD_NOT_FOUND: i64 = -32601;
const INVALID_PARAMS: i64 = -32602;
const SERVER_NOT_INITIALIZED: i64 = -32002;

const URI: &str = "file:///drafts/abuse.md";

const DRAFT: &str = "Councillor Dev Sharma said the plan was “a number somebody made up on a napkin.”\n\n“We will not give up,” he added.\n\nThe crowd 😀 chanted outside.\n\n“We will not let this become another decade of delays.” Residents cheered.\n";

/// A server initialised with `DRAFT` open and analysed.
fn ready() -> Client {
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(capabilities(false, false), json!({}));
    c.open(URI, "markdown", 1, DRAFT);
    assert_eq!(c.diagnostics(URI, 1).len(), 1);
    c
}

fn framed(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// The error code of a request's answer (panics on a result).
fn code_of(answer: Result<Value, Value>) -> i64 {
    match answer {
        Err(e) => e["code"].as_i64().expect("an error code"),
        Ok(v) => panic!("expected an error, got the result {v}"),
    }
}

/// Sends each request and checks the error code it is answered with.
fn refused(c: &mut Client, requests: &[(&str, Value, i64)]) {
    for (method, params, code) in requests {
        assert_eq!(
            code_of(c.request(method, params.clone())),
            *code,
            "{method} {params}"
        );
    }
}

/// The next answer with a null id: the answer to a message whose id could not be
/// read. Returns its error code.
fn null_id_error(c: &mut Client) -> i64 {
    let answer = c
        .wait_message(WAIT, |m| m.get("method").is_none() && m["id"].is_null())
        .unwrap_or_else(|| panic!("no answer with a null id; stderr: {}", c.stderr()));
    answer["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("not an error: {answer}"))
}

/// The server is still there and still has the draft: a request about it
/// gets its real answer.
fn still_serving(c: &mut Client) {
    assert_eq!(c.server_text(URI), DRAFT);
    let at = DRAFT.find("We will not give up").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": position(DRAFT, at, false)}),
        )
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("Dev Sharma")),
        "{hover}"
    );
}

/// No error answer arrives within a short while: a notification gets no answer,
/// and a bad message gets one, not two.
fn no_error_for(c: &mut Client, d: Duration) {
    c.drain(d);
    let errors: Vec<&Value> = c
        .inbox
        .iter()
        .filter(|m| m.get("error").is_some())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn malformed_bodies_are_answered_and_the_session_goes_on() {
    let mut c = ready();
    // Not JSON; not UTF-8; JSON that is no message; an object that is neither
    // request nor response; the wrong protocol version.
    let cases: [(&[u8], i64, Value); 6] = [
        (
            &framed(r#"{"jsonrpc": "2.0", "id": 40, "method": "#),
            PARSE_ERROR,
            Value::Null,
        ),
        (
            b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc",
            PARSE_ERROR,
            Value::Null,
        ),
        (&framed("[1, 2, 3]"), INVALID_REQUEST, Value::Null),
        (
            &framed(r#"{"jsonrpc":"2.0","id":41}"#),
            INVALID_REQUEST,
            json!(41),
        ),
        (
            &framed(r#"{"jsonrpc":"1.0","id":"v1","method":"shutdown"}"#),
            INVALID_REQUEST,
            json!("v1"),
        ),
        (
            &framed(r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#),
            INVALID_REQUEST,
            Value::Null,
        ),
    ];
    for (bytes, code, id) in cases {
        c.send_raw(bytes);
        let answer = c
            .wait_message(WAIT, |m| m.get("method").is_none() && m["id"] == id)
            .unwrap_or_else(|| panic!("no answer to {}", String::from_utf8_lossy(bytes)));
        assert_eq!(answer["error"]["code"], code, "{answer}");
        still_serving(&mut c);
    }
    assert!(c.shutdown().success());
}

#[test]
fn wrong_content_lengths_cost_one_message_not_the_session() {
    let mut c = ready();
    let body = r#"{"jsonrpc":"2.0","id":50,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///drafts/abuse.md"}}}"#;
    let good = |id: i64| {
        framed(&format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"copydesk/documentText","params":{{"uri":"{URI}"}}}}"#
        ))
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "too short",
            format!("Content-Length: 20\r\n\r\n{body}").into_bytes(),
        ),
        (
            "too long",
            format!("Content-Length: 9999\r\n\r\n{body}").into_bytes(),
        ),
        (
            "not a number",
            format!("Content-Length: many\r\n\r\n{body}").into_bytes(),
        ),
        (
            "negative",
            format!("Content-Length: -5\r\n\r\n{body}").into_bytes(),
        ),
        (
            "missing, with another header",
            format!("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{body}")
                .into_bytes(),
        ),
        ("no header at all", body.as_bytes().to_vec()),
    ];
    for (n, (what, bytes)) in cases.into_iter().enumerate() {
        let id = 100 + n as i64;
        // The bad message and a good one after it, in one write.
        let mut both = bytes;
        both.extend(good(id));
        c.send_raw(&both);
        assert_eq!(null_id_error(&mut c), PARSE_ERROR, "{what}");
        let text = c
            .response(id)
            .unwrap_or_else(|e| panic!("{what}: the next message failed: {e}"));
        assert_eq!(text["text"], DRAFT, "{what}");
        // The bad message itself was not served.
        no_error_for(&mut c, Duration::from_millis(100));
        assert!(
            !c.inbox.iter().any(|m| m["id"] == 50),
            "{what}: {:?}",
            c.inbox
        );
    }
    // Headers read leniently: the name in any case, a Content-Type with another
    // charset (the body is read as UTF-8, the protocol's only encoding).
    for (n, header) in [
        "content-length",
        "CONTENT-LENGTH",
        "Content-Type: application/vscode-jsonrpc; charset=latin1\r\nContent-Length",
    ]
    .into_iter()
    .enumerate()
    {
        let id = 300 + n as i64;
        let body = format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"copydesk/documentText","params":{{"uri":"{URI}"}}}}"#
        );
        c.send_raw(format!("{header}: {}\r\n\r\n{body}", body.len()).as_bytes());
        assert_eq!(c.response(id).unwrap()["text"], DRAFT, "{header}");
    }
    no_error_for(&mut c, Duration::from_millis(100));
    // A length that is too long, with nothing after it yet: the server waits for
    // the rest; when the next message comes, the bad one is answered and the next
    // one served.
    c.send_raw(format!("Content-Length: 9999\r\n\r\n{body}").as_bytes());
    no_error_for(&mut c, Duration::from_millis(200));
    c.send_raw(&good(200));
    assert_eq!(null_id_error(&mut c), PARSE_ERROR);
    assert_eq!(c.response(200).unwrap()["text"], DRAFT);
    still_serving(&mut c);
    assert!(c.shutdown().success());
}

#[test]
fn unknown_methods() {
    let mut c = ready();
    let at = json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 12}});
    refused(
        &mut c,
        &[
            ("copydesk/noSuchThing", json!({}), METHOD_NOT_FOUND),
            // The protocol's own `$/` requests too: an answer, not silence.
            ("$/noSuchThing", json!({}), METHOD_NOT_FOUND),
            // Not offered, so not found.
            ("textDocument/definition", at, METHOD_NOT_FOUND),
            // The stand-in for refused messages is not a client's to call.
            (
                "copydesk/refusedMessage",
                json!({"code": 1}),
                METHOD_NOT_FOUND,
            ),
        ],
    );
    // Notifications, known to nobody, are ignored.
    c.notify("copydesk/noSuchThing", json!({}));
    c.notify("$/noSuchThing", json!({}));
    no_error_for(&mut c, Duration::from_millis(200));
    still_serving(&mut c);
    assert!(c.shutdown().success());
}

#[test]
fn the_session_in_the_wrong_order() {
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    // Before `initialize`: requests are refused as not initialised, notifications
    // dropped, and a malformed message still answered as one.
    let at = json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}});
    refused(
        &mut c,
        &[
            ("textDocument/hover", at.clone(), SERVER_NOT_INITIALIZED),
            ("shutdown", Value::Null, SERVER_NOT_INITIALIZED),
        ],
    );
    c.open(URI, "markdown", 1, DRAFT);
    c.send_raw(&framed("{not json"));
    assert_eq!(null_id_error(&mut c), PARSE_ERROR);

    c.initialize(capabilities(false, false), json!({}));
    // The document opened too early was never opened (the hook says so as
    // invalid params); a second `initialize` is an invalid request
    // (tower-lsp-server's answer); params missing or of the wrong shape are
    // invalid params.
    let params = json!({"processId": null, "rootUri": null, "capabilities": {}});
    refused(
        &mut c,
        &[
            ("copydesk/documentText", json!({"uri": URI}), INVALID_PARAMS),
            ("initialize", params, INVALID_REQUEST),
            ("textDocument/hover", Value::Null, INVALID_PARAMS),
            (
                "textDocument/hover",
                json!({"position": "top"}),
                INVALID_PARAMS,
            ),
        ],
    );
    c.open(URI, "markdown", 1, DRAFT);
    assert_eq!(c.diagnostics(URI, 1).len(), 1);

    // After `shutdown`: every request is invalid, and `exit` ends cleanly.
    c.request("shutdown", Value::Null).expect("shutdown");
    refused(
        &mut c,
        &[
            ("textDocument/hover", at, INVALID_REQUEST),
            ("shutdown", Value::Null, INVALID_REQUEST),
        ],
    );
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(0));
}

#[test]
fn exit_codes() {
    // `shutdown` then `exit`: 0.
    let c = ready();
    assert_eq!(c.shutdown().code(), Some(0));
    // The end of input, at any point: a clean end.
    let mut c = ready();
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"");
    c.close_stdin();
    assert_eq!(c.wait_exit().code(), Some(0));
    // `exit` without `shutdown`, before or after `initialize`: 1.
    let mut c = ready();
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(1));
    let mut c = Client::start(&[]);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(1));
    // A `shutdown` that failed does not count: before `initialize` it is refused.
    let mut c = Client::start(&[]);
    refused(&mut c, &[("shutdown", Value::Null, SERVER_NOT_INITIALIZED)]);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(1));
}

#[test]
fn exit_right_behind_shutdown_waits_for_its_answer() {
    // Both in one write, the `exit` before the `shutdown` is answered: the
    // shutdown still counts. Without waiting, it was cancelled most times.
    let both = [
        framed(r#"{"jsonrpc":"2.0","id":"bye","method":"shutdown"}"#),
        framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ]
    .concat();
    for round in 0..10 {
        let mut c = ready();
        c.send_raw(&both);
        let answer = c
            .wait_message(WAIT, |m| m["id"] == "bye")
            .unwrap_or_else(|| panic!("round {round}: shutdown not answered"));
        assert_eq!(answer["result"], Value::Null, "round {round}: {answer}");
        assert!(answer.get("error").is_none(), "round {round}: {answer}");
        assert_eq!(c.wait_exit().code(), Some(0), "round {round}");
    }
    // Before `initialize` the shutdown is refused, so the exit is still unclean.
    let mut c = Client::start(&[]);
    c.send_raw(&both);
    let answer = c
        .wait_message(WAIT, |m| m["id"] == "bye")
        .expect("an answer");
    assert_eq!(answer["error"]["code"], SERVER_NOT_INITIALIZED, "{answer}");
    assert_eq!(c.wait_exit().code(), Some(1));
}

/// Waits for a log message containing `needle`.
fn logged(c: &mut Client, needle: &str) -> Value {
    c.wait_for("window/logMessage", WAIT, |p| {
        p["message"].as_str().is_some_and(|m| m.contains(needle))
    })
    .unwrap_or_else(|| panic!("nothing logged about {needle:?}; stderr: {}", c.stderr()))
}

#[test]
fn documents_and_positions_that_do_not_exist() {
    let mut c = ready();
    let lines = DRAFT.lines().count() as u64;
    let past = json!({"line": lines + 10, "character": 0});
    let past_range = json!({"start": {"line": 0, "character": 0}, "end": past});
    let doc = json!({"uri": URI});
    // Requests at a line past the end: no answer to give, and a note in the log.
    for (method, params) in [
        (
            "textDocument/hover",
            json!({"textDocument": doc, "position": past}),
        ),
        (
            "textDocument/references",
            json!({"textDocument": doc, "position": past, "context": {"includeDeclaration": true}}),
        ),
        (
            "textDocument/documentHighlight",
            json!({"textDocument": doc, "position": past}),
        ),
        (
            "textDocument/prepareRename",
            json!({"textDocument": doc, "position": past}),
        ),
        (
            "textDocument/rename",
            json!({"textDocument": doc, "position": past, "newName": "X"}),
        ),
        (
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": past_range, "context": {"diagnostics": []}}),
        ),
    ] {
        let answer = c.request(method, params).unwrap();
        assert!(answer.is_null(), "{method}: {answer}");
        logged(&mut c, "past the end");
    }
    // Inlay hints for a range running past the end: the hints of the whole text.
    let whole =
        json!({"start": {"line": 0, "character": 0}, "end": position(DRAFT, DRAFT.len(), false)});
    let hints = |c: &mut Client, range: Value| {
        c.request(
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": range}),
        )
        .unwrap()
    };
    let all = hints(&mut c, whole);
    assert!(!all.as_array().unwrap().is_empty());
    assert_eq!(hints(&mut c, past_range.clone()), all);
    // A document never opened: nothing to say about it.
    let other = json!({"uri": "file:///drafts/never-opened.md"});
    let answer = c
        .request(
            "textDocument/hover",
            json!({"textDocument": other, "position": {"line": 0, "character": 0}}),
        )
        .unwrap();
    assert!(answer.is_null());
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": other}),
        )
        .unwrap();
    assert!(symbols.is_null(), "{symbols}");
    c.change(
        "file:///drafts/never-opened.md",
        2,
        range("", 0, 0, false),
        "x",
    );
    logged(&mut c, "not open");
    still_serving(&mut c);

    // Edits past the end: a line past it is refused whole, the text untouched;
    // a character past the end of its line means the end of the line, as the
    // protocol says.
    c.change(URI, 2, past_range, "GONE");
    logged(&mut c, "refused");
    assert_eq!(c.server_text(URI), DRAFT);
    let first_line_end = DRAFT.find('\n').unwrap();
    let far = json!({"line": 0, "character": 5000});
    c.change(URI, 3, json!({"start": far, "end": far}), " (updated)");
    let mut expected = DRAFT.to_string();
    expected.insert_str(first_line_end, " (updated)");
    assert_eq!(c.server_text(URI), expected);

    // Opened a second time: the new text replaces the old, and it is logged.
    c.open(URI, "markdown", 7, "A new draft. “Nobody said this.”\n");
    logged(&mut c, "opened twice");
    assert_eq!(c.server_text(URI), "A new draft. “Nobody said this.”\n");
    let diags = c.diagnostics(URI, 7);
    assert_eq!(diags.len(), 1);
    assert_eq!(
        covered(
            "A new draft. “Nobody said this.”\n",
            &diags[0]["range"],
            false
        ),
        "“Nobody said this.”"
    );
    assert!(c.shutdown().success());
}

/// A small xorshift generator: the storm is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The first place at or after byte `at` where an edit may start or end: a char
/// boundary, not between the \r and \n of a line break.
fn edit_point(text: &str, mut at: usize) -> usize {
    let b = text.as_bytes();
    while at < text.len()
        && (!text.is_char_boundary(at) || (at > 0 && b[at - 1] == b'\r' && b[at] == b'\n'))
    {
        at += 1;
    }
    at
}

#[test]
fn an_edit_storm_leaves_the_text_exactly_as_the_client_has_it() {
    const RATE: u64 = 1000;
    const SECONDS: u64 = 10;
    let mut c = Client::start(&[]);
    // The default debounce: analyses run between bursts, as they would while typing.
    c.initialize(capabilities(false, false), json!({}));
    let mut model = DRAFT.repeat(8);
    c.open(URI, "markdown", 1, &model);
    c.diagnostics(URI, 1);
    let pieces = [
        "a",
        "e",
        " ",
        "Zoë",
        "e\u{301}",
        "习近平",
        "😀",
        "👨\u{200d}👩\u{200d}👧",
        "\r\n",
        "\n",
        "\r",
        "“",
        "”",
        "’",
        " said ",
        "\t",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let pid = c.pid();
    let mut rss = Vec::new();
    let start = Instant::now();
    let total = RATE * SECONDS;
    for n in 0..total {
        // One edit per millisecond, on the clock.
        let due = start + Duration::from_micros(n * 1_000_000 / RATE);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        if n % 250 == 0 {
            rss.push(memory(pid, "VmRSS"));
        }
        let x = edit_point(&model, rng.below(model.len() + 1));
        // Delete up to a dozen bytes, more when the draft has grown.
        let span = rng.below(if model.len() > 6_000 { 24 } else { 12 });
        let y = edit_point(&model, (x + span).min(model.len()));
        let insert: String = (0..rng.below(4))
            .map(|_| pieces[rng.below(pieces.len())])
            .collect();
        c.change(URI, n as i64 + 2, range(&model, x, y, false), &insert);
        model.replace_range(x..y, &insert);
    }
    let sent_in = start.elapsed();
    let version = total as i64 + 1;
    let asked = Instant::now();
    assert!(c.server_text(URI) == model, "the server's text differs");
    let answered_in = asked.elapsed();
    // The server kept up: the edits went out on time (a server that fell behind
    // would have filled the pipe and held the client up), and a request after
    // them was answered promptly.
    assert!(
        sent_in < Duration::from_secs(SECONDS + 3),
        "10,000 edits took {sent_in:?} to send"
    );
    assert!(answered_in < Duration::from_secs(5), "{answered_in:?}");
    // Diagnostics for the last version arrive, and each covers text that is there.
    for d in c.diagnostics(URI, version) {
        let covered = covered(&model, &d["range"], false);
        assert!(!covered.is_empty(), "{d}");
    }
    // Memory stayed bounded: no steady growth over the storm.
    let rss: Vec<usize> = rss.into_iter().flatten().collect();
    assert!(rss.len() > 8 || !cfg!(target_os = "linux"), "{rss:?}");
    if rss.len() > 8 {
        let early = rss[..4].iter().max().unwrap();
        let late = rss[rss.len() - 4..].iter().max().unwrap();
        let peak = rss.iter().max().unwrap();
        assert!(*peak < 64 << 20, "peak RSS {peak} bytes: {rss:?}");
        assert!(
            *late < early + (16 << 20),
            "RSS grew from {early} to {late} bytes: {rss:?}"
        );
    }
    // A full resync agrees too.
    model.push_str("\n\n“A last word,” Sharma said.\n");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version + 1}, "contentChanges": [{"text": model}]}),
    );
    assert!(c.server_text(URI) == model, "the resynced text differs");
    c.diagnostics(URI, version + 1);
    assert!(c.shutdown().success());
}
