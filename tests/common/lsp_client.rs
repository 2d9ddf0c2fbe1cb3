//! A small LSP client for the tests and the latency harness: it starts the real
//! `copydesk lsp` binary, speaks JSON-RPC over its stdin and stdout, answers the
//! server's own requests, and keeps every notification for the test to inspect.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<(Instant, Value)>,
    next_id: i64,
    /// When the last message taken by `wait_for` had been read off the pipe
    /// (before it was parsed).
    pub arrived: Option<Instant>,
    arrivals: Vec<Instant>,
    /// Notifications (and server requests) received and not yet taken.
    pub inbox: Vec<Value>,
    /// What `workspace/configuration` is answered with (the `copydesk` section).
    pub settings: Value,
    pub stderr: Arc<Mutex<String>>,
}

/// Client capabilities: UTF-8 offered or not, pull diagnostics or not.
pub fn capabilities(utf8: bool, pull: bool) -> Value {
    let encodings = if utf8 {
        json!(["utf-8", "utf-16"])
    } else {
        json!(["utf-16"])
    };
    let mut caps = json!({
        "general": {"positionEncodings": encodings},
        "workspace": {
            "configuration": true,
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "diagnostics": {"refreshSupport": true},
            "diagnostic": {"refreshSupport": true}
        },
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "inlayHint": {},
            "rename": {"prepareSupport": true}
        }
    });
    if pull {
        caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    }
    caps
}

impl Client {
    /// Starts the server binary with `args` (after `lsp`) and test hooks on.
    pub fn start(args: &[&str]) -> Client {
        Client::start_binary(env!("CARGO_BIN_EXE_copydesk"), args, true)
    }

    pub fn start_binary(binary: &str, args: &[&str], hooks: bool) -> Client {
        let mut cmd = Command::new(binary);
        cmd.arg("lsp").args(args);
        if hooks {
            cmd.env("COPYDESK_LSP_TEST_HOOKS", "1");
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start copydesk lsp");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    match reader.read_line(&mut line) {
                        Ok(0) | Err(_) => return,
                        Ok(_) => {}
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header on stdout")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let at = Instant::now();
                let value: Value =
                    serde_json::from_slice(&body).expect("stdout carries only JSON-RPC");
                if tx.send((at, value)).is_err() {
                    return;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            arrived: None,
            arrivals: Vec::new(),
            inbox: Vec::new(),
            settings: Value::Null,
            stderr,
        }
    }

    pub fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).unwrap();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{}", body.len(), body).as_bytes());
    }

    /// Writes bytes as they are, framing and all: for messages a client gets wrong.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Receives one message, answering the server's requests on the way.
    fn pump(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = match self.rx.recv_timeout(left) {
            Ok((at, m)) => {
                self.arrivals.push(at);
                m
            }
            Err(RecvTimeoutError::Timeout) => return None,
            Err(RecvTimeoutError::Disconnected) => return None,
        };
        if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method").and_then(Value::as_str))
        {
            let result = match method {
                "workspace/configuration" => {
                    let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                    Value::Array(vec![self.settings.clone(); n])
                }
                _ => Value::Null,
            };
            let id = id.clone();
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        Some(msg)
    }

    /// A request's result, or its error as `Err`.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        self.response(id)
    }

    pub fn response(&mut self, id: i64) -> Result<Value, Value> {
        self.response_within(id, WAIT)
    }

    /// A request's result or error, waiting up to `wait` for it.
    pub fn response_within(&mut self, id: i64, wait: Duration) -> Result<Value, Value> {
        let deadline = Instant::now() + wait;
        loop {
            let msg = self.pump(deadline).unwrap_or_else(|| {
                panic!("no response to request {id}; stderr: {}", self.stderr())
            });
            if msg.get("method").is_none() && msg["id"] == json!(id) {
                self.arrivals.pop();
                return match msg.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(msg["result"].clone()),
                };
            }
            self.inbox.push(msg);
        }
    }

    /// Takes the first message of `method` for which `pred` holds, waiting up to
    /// `wait` for it.
    pub fn wait_for(
        &mut self,
        method: &str,
        wait: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(i) = self
                .inbox
                .iter()
                .position(|m| m["method"] == method && pred(&m["params"]))
            {
                self.arrived = Some(self.arrivals.remove(i));
                return Some(self.inbox.remove(i)["params"].take());
            }
            let msg = self.pump(deadline)?;
            self.inbox.push(msg);
        }
    }

    /// Takes the first whole message for which `pred` holds, waiting up to `wait`:
    /// for answers a request id cannot find (an error to a message with no id).
    pub fn wait_message(&mut self, wait: Duration, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        let deadline = Instant::now() + wait;
        loop {
            if let Some(i) = self.inbox.iter().position(&pred) {
                self.arrivals.remove(i);
                return Some(self.inbox.remove(i));
            }
            let msg = self.pump(deadline)?;
            self.inbox.push(msg);
        }
    }

    /// Waits for the published diagnostics of `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let p = self
            .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
                p["uri"] == uri && p["version"] == version
            })
            .unwrap_or_else(|| {
                panic!(
                    "no diagnostics for {uri} v{version}; stderr: {}",
                    self.stderr()
                )
            });
        match p {
            Value::Object(mut o) => match o.remove("diagnostics") {
                Some(Value::Array(a)) => a,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// Collects whatever arrives during `d`.
    pub fn drain(&mut self, d: Duration) {
        let deadline = Instant::now() + d;
        while let Some(m) = self.pump(deadline) {
            self.inbox.push(m);
        }
    }

    pub fn initialize(&mut self, caps: Value, extra: Value) -> Value {
        let mut params = json!({"processId": null, "rootUri": null, "capabilities": caps});
        if let Some(obj) = extra.as_object() {
            for (k, v) in obj {
                params[k] = v.clone();
            }
        }
        let result = self.request("initialize", params).expect("initialize");
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, uri: &str, language: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}}),
        );
    }

    /// Sends one incremental change.
    pub fn change(&mut self, uri: &str, version: i64, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": range, "text": text}]}),
        );
    }

    /// The server's copy of a document (test hook).
    pub fn server_text(&mut self, uri: &str) -> String {
        let r = self
            .request("copydesk/documentText", json!({"uri": uri}))
            .expect("documentText");
        r["text"].as_str().unwrap().to_string()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// `shutdown`, then `exit`; returns the exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null).expect("shutdown");
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A process's resident memory in bytes, from `/proc/PID/status` (Linux): `field`
/// is `VmRSS` for now, `VmHWM` for its peak.
pub fn memory(pid: u32, field: &str) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status
        .lines()
        .find(|l| l.strip_prefix(field).is_some_and(|r| r.starts_with(':')))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// A position in `text` as the client counts it: line, and UTF-8 bytes or UTF-16
/// units (lines end at \n, \r\n or \r).
pub fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let mut line = 0;
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..offset {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            line += 1;
            start = i + 1;
        }
    }
    let seg = &text[start..offset];
    let character = if utf8 {
        seg.len()
    } else {
        seg.encode_utf16().count()
    };
    json!({"line": line, "character": character})
}

pub fn range(text: &str, start: usize, end: usize, utf8: bool) -> Value {
    json!({"start": position(text, start, utf8), "end": position(text, end, utf8)})
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, pos: &Value, utf8: bool) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    let b = text.as_bytes();
    let mut l = 0;
    let mut i = 0;
    while l < line {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            l += 1;
            start = i + 1;
        }
        i += 1;
    }
    let mut units = 0;
    for (j, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + j;
        }
        units += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    text.len()
}

/// Applies LSP text edits (all against the same text) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf8),
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The text a diagnostic or location's range covers.
pub fn covered<'a>(text: &'a str, range: &Value, utf8: bool) -> &'a str {
    &text[offset(text, &range["start"], utf8)..offset(text, &range["end"], utf8)]
}

/// A file URI for a path (ASCII test paths only).
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// The texts a list of locations (or highlights) covers.
pub fn covered_all<'a>(text: &'a str, list: &Value, utf8: bool) -> Vec<&'a str> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|l| covered(text, &l["range"], utf8))
                .collect()
        })
        .unwrap_or_default()
}
