//! Analysis speed on generated drafts of 1k, 10k and 100k words, in plain text and
//! Markdown. Run with `cargo bench`.

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
