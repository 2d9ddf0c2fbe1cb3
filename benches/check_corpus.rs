//! `copydesk check` over a corpus of 10,000 generated drafts (Markdown and plain
//! text, 200 to 2,000 words, each with its own cast and opening): the release
//! binary with one thread, then with one per core, in files and megabytes per
//! second as its `--stats` line reports them. Run with
//! `cargo bench --bench check_corpus`. `COPYDESK_CORPUS_DIR=DIR` writes the corpus
//! there and keeps it, for `copydesk check --stats DIR` by hand;
//! `COPYDESK_CORPUS_RUNS` sets the runs per setting (5).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::drafts::{Variation, draft};

/// One run's `--stats` line, read back, and the processor time it had.
struct Run {
    seconds: f64,
    files_per_s: f64,
    mb_per_s: f64,
    threads: usize,
    /// Processor seconds over wall seconds: below the thread count when other work
    /// on the machine had the cores, which on a shared machine explains a slow run.
    cores_used: Option<f64>,
}

/// Processor seconds used by this process's finished children (Linux, whose
/// `/proc` counts in hundredths of a second).
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// A well-mixed number for draft `i`, so the corpus is the same on every machine
/// without a random number generator.
fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Writes `count` drafts in folders of 500, as a newsroom's desks might keep
/// them, and returns their total size in bytes.
fn write_corpus(dir: &Path, count: usize) -> u64 {
    let mut bytes = 0;
    for i in 0..count {
        let m = mix(i as u64);
        let words = 200 + (m % 1801) as usize;
        let markdown = (m >> 12) % 2 == 0;
        let variation = Variation {
            cast: ((m >> 16) % 12) as usize,
            opening: ((m >> 24) % 12) as usize,
        };
        let text = draft(words, markdown, variation);
        let folder = dir.join(format!("desk-{:02}", i / 500));
        std::fs::create_dir_all(&folder).expect("create corpus folder");
        let ext = if markdown { "md" } else { "txt" };
        std::fs::write(folder.join(format!("story-{i:05}.{ext}")), &text).expect("write draft");
        bytes += text.len() as u64;
    }
    bytes
}

fn check(dir: &Path, jobs: Option<usize>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.args(["check", "--stats", "--fail-on", "never"]);
    if let Some(n) = jobs {
        cmd.args(["--jobs", &n.to_string()]);
    }
    let cpu_before = children_cpu_seconds();
    let out = cmd
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run copydesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "copydesk check failed:\n{stderr}");
    let cpu = children_cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("checked "))
        .unwrap_or_else(|| panic!("no --stats line in:\n{stderr}"));
    // checked N files (X MB) in S s: F files/s, M MB/s, T threads
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |i: usize| -> f64 {
        words[i]
            .trim_matches(|c: char| !c.is_ascii_digit() && c != '.')
            .parse()
            .unwrap_or_else(|_| panic!("unexpected --stats line: {line}"))
    };
    let seconds = number(6);
    Run {
        seconds,
        files_per_s: number(8),
        mb_per_s: number(10),
        threads: number(12) as usize,
        cores_used: cpu.map(|c| c / seconds),
    }
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "n/a".into())
}

fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    values
}

/// "median (lowest–highest)".
fn spread(values: Vec<f64>, decimals: usize) -> String {
    let values = sorted(values);
    let median = values[values.len() / 2];
    let (low, high) = (values[0], values[values.len() - 1]);
    format!("{median:.decimals$} ({low:.decimals$}–{high:.decimals$})")
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful:
    // keep that run short.
    let quick = !std::env::args().any(|a| a == "--bench");
    let count = if quick { 200 } else { 10_000 };
    let runs: usize = match std::env::var("COPYDESK_CORPUS_RUNS") {
        Ok(v) => v.parse().expect("COPYDESK_CORPUS_RUNS is a number"),
        Err(_) if quick => 1,
        Err(_) => 5,
    };
    let kept = std::env::var_os("COPYDESK_CORPUS_DIR").map(PathBuf::from);
    let dir = kept.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("copydesk-corpus-{}", std::process::id()))
    });
    let _ = std::fs::remove_dir_all(&dir);
    let bytes = write_corpus(&dir, count);
    println!(
        "copydesk check over {count} generated drafts ({:.1} MB), {runs} runs per setting",
        bytes as f64 / 1e6
    );
    // Once through untimed, so every timed run reads from the page cache.
    check(&dir, None);
    println!("load average before: {}", load());
    println!(
        "| threads | files/s, median (range) | MB/s, median (range) | seconds, median | cores used, median | files per processor-second, median |"
    );
    println!("|---|---|---|---|---|---|");
    for jobs in [Some(1), None] {
        let results: Vec<Run> = (0..runs).map(|_| check(&dir, jobs)).collect();
        // The median of a figure, or n/a where the processor time is unknown.
        let median = |figure: fn(&Run) -> Option<f64>, decimals: usize| {
            let values: Option<Vec<f64>> = results.iter().map(figure).collect();
            values.map_or("n/a".into(), |v| {
                format!("{:.decimals$}", sorted(v)[runs / 2])
            })
        };
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            results[0].threads,
            spread(results.iter().map(|r| r.files_per_s).collect(), 0),
            spread(results.iter().map(|r| r.mb_per_s).collect(), 1),
            median(|r| Some(r.seconds), 2),
            median(|r| r.cores_used, 2),
            median(|r| r.cores_used.map(|c| r.files_per_s / c), 0),
        );
    }
    println!("load average after: {}", load());
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
