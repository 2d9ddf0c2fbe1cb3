//! Latency of the language server as an editor sees it: the release binary
//! driven over stdio, didOpen → first diagnostics and didChange → diagnostics
//! (from the notification sent to the diagnostics read off the pipe, before the
//! client parses them),
//! on generated drafts of 1k, 10k and 100k words, with the debounce at 0, and
//! the server's peak memory (VmHWM). Run with `cargo bench --bench lsp_latency`;
//! with `COPYDESK_LSP_TIMINGS=1` the server's own timings of its last analyses are
//! printed too.

mod common;

#[path = "../tests/common/lsp_client.rs"]
mod lsp_client;

use std::time::{Duration, Instant};

use common::drafts::{Variation, draft};
use copydesk::{Format, Options, analyze};
use lsp_client::{Client, capabilities, range};
use serde_json::json;

struct Figures {
    /// `analyze` alone, in this process, for comparison: what the server adds is
    /// the difference.
    analysis: Vec<Duration>,
    open: Vec<Duration>,
    change: Vec<Duration>,
    peak_kb: Option<u64>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Peak resident memory of a process, in kB (Linux).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn measure(words: usize, opens: usize, changes: usize) -> Figures {
    let text = draft(words, true, Variation::default());
    let mut c = Client::start_binary(env!("CARGO_BIN_EXE_copydesk"), &[], false);
    c.initialize(
        capabilities(false, false),
        json!({"initializationOptions": {"debounceMs": 0}}),
    );
    let mut open = Vec::new();
    for i in 0..opens {
        let uri = format!("file:///bench/open-{i}.md");
        let t = Instant::now();
        c.open(&uri, "markdown", 1, &text);
        c.diagnostics(&uri, 1);
        open.push(c.arrived.unwrap() - t);
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        c.wait_for("textDocument/publishDiagnostics", lsp_client::WAIT, |p| {
            p["uri"] == uri && p["version"].is_null()
        });
    }
    // One document open, typed into in the middle: a letter in, a letter out.
    let uri = "file:///bench/typing.md";
    c.open(uri, "markdown", 1, &text);
    c.diagnostics(uri, 1);
    let mut at = text.len() / 2;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut change = Vec::new();
    for v in 2..2 + changes as i64 {
        let (r, new) = if v % 2 == 0 {
            (range(&text, at, at, false), "x")
        } else {
            let mut with = text.clone();
            with.insert(at, 'x');
            (range(&with, at, at + 1, false), "")
        };
        let t = Instant::now();
        c.change(uri, v, r, new);
        c.diagnostics(uri, v);
        change.push(c.arrived.unwrap() - t);
    }
    let peak = peak_kb(c.pid());
    if std::env::var_os("COPYDESK_LSP_TIMINGS").is_some() {
        // The server's own account of its last analyses.
        let log = c.stderr();
        let lines: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("analysed") || l.contains("handed over"))
            .collect();
        for l in &lines[lines.len().saturating_sub(4)..] {
            println!("    {l}");
        }
    }
    assert!(c.shutdown().success());
    let options = Options::new(Format::Markdown);
    let mut analysis: Vec<Duration> = (0..changes.min(50))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyze(&text, &options));
            t.elapsed()
        })
        .collect();
    analysis.sort();
    open.sort();
    change.sort();
    Figures {
        analysis,
        open,
        change,
        peak_kb: peak,
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful:
    // keep that run short.
    let quick = !std::env::args().any(|a| a == "--bench");
    println!("copydesk lsp latency (release, debounce 0, Markdown drafts)");
    println!(
        "| draft | didOpen → diagnostics median / p99 | didChange → diagnostics median / p99 | server peak RSS | `analyze` alone, median |"
    );
    println!("|---|---|---|---|---|");
    for (words, opens, changes) in [(1_000, 50, 400), (10_000, 30, 200), (100_000, 15, 100)] {
        let (opens, changes) = if quick { (2, 4) } else { (opens, changes) };
        let f = measure(words, opens, changes);
        println!(
            "| {}k words | {} / {} | {} / {} | {} | {} |",
            words / 1000,
            ms(percentile(&f.open, 0.5)),
            ms(percentile(&f.open, 0.99)),
            ms(percentile(&f.change, 0.5)),
            ms(percentile(&f.change, 0.99)),
            f.peak_kb
                .map_or("n/a".into(), |kb| format!("{:.1} MB", kb as f64 / 1024.0)),
            ms(percentile(&f.analysis, 0.5)),
        );
    }
}
