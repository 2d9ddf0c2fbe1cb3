//! Analysis speed on generated drafts of 1k, 10k and 100k words, in plain text and
//! Markdown, on one thread. Run with `cargo bench --bench analyze`: after divan's
//! table it checks the budget the README states (a median of at most 0.3 ms per
//! 1,000 words, 30 ms for 100,000 words) and exits with 1 when a draft is over it.

mod common;

use common::drafts::{Variation, draft};
use copydesk::analysis::{Options, analyze};
use copydesk::text::Format;

/// Counts allocations, so the report shows memory growing linearly with the draft.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    // Warm up first (word lists loaded, CPU clocked up, allocator primed), so the
    // first group measured is not penalised for running first.
    // COPYDESK_BENCH_WARMUP_MS=0 skips it (for instruction counting under callgrind).
    let warmup = std::env::var("COPYDESK_BENCH_WARMUP_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let text = draft(100_000, true, Variation::default());
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_millis(warmup) {
        divan::black_box(analyze(&text, &Options::new(Format::Markdown)));
    }
    divan::main();
    if !within_budget() {
        std::process::exit(1);
    }
}

/// The README's budget: the most a median analysis may take, by draft length.
const BUDGET: [(usize, std::time::Duration); 2] = [
    (1_000, std::time::Duration::from_micros(300)),
    (100_000, std::time::Duration::from_millis(30)),
];

/// Times each budgeted draft in both formats and says how it stands.
fn within_budget() -> bool {
    let mut ok = true;
    for (words, most) in BUDGET {
        for (format, markdown) in [(Format::PlainText, false), (Format::Markdown, true)] {
            let text = draft(words, markdown, Variation::default());
            let options = Options::new(format);
            let runs = if words >= 100_000 { 21 } else { 201 };
            let mut times: Vec<std::time::Duration> = (0..runs)
                .map(|_| {
                    let start = std::time::Instant::now();
                    divan::black_box(analyze(divan::black_box(&text), &options));
                    start.elapsed()
                })
                .collect();
            times.sort();
            let median = times[runs / 2];
            let verdict = if median <= most { "within" } else { "OVER" };
            ok &= median <= most;
            println!(
                "budget: {words} words, {format:?}: median {median:?}, {verdict} the budget of {most:?}"
            );
        }
    }
    ok
}

#[divan::bench(args = [1_000, 10_000, 100_000])]
fn plain_text(bencher: divan::Bencher, words: usize) {
    let text = draft(words, false, Variation::default());
    let options = Options::new(Format::PlainText);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| analyze(divan::black_box(&text), &options));
}

#[divan::bench(args = [1_000, 10_000, 100_000])]
fn markdown(bencher: divan::Bencher, words: usize) {
    let text = draft(words, true, Variation::default());
    let options = Options::new(Format::Markdown);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| analyze(divan::black_box(&text), &options));
}
