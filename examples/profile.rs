//! Analyses one generated draft over and over, for a profiler to watch:
//! `profile WORDS REPEATS [md]`. Under callgrind, the difference between two runs
//! with different REPEATS, divided by the difference, is the cost of one analysis
//! without the one-off loading of the word lists.

#[allow(dead_code)]
#[path = "../benches/common/drafts.rs"]
mod drafts;

use copydesk::analysis::{Options, analyze};
use copydesk::text::Format;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let number = |i: usize, what: &str| -> usize {
        args.get(i).and_then(|a| a.parse().ok()).unwrap_or_else(|| {
            eprintln!("usage: profile WORDS REPEATS [md]  ({what} missing or not a number)");
            std::process::exit(2)
        })
    };
    let words = number(1, "WORDS");
    let repeats = number(2, "REPEATS").max(1);
    let markdown = args.get(3).is_some_and(|a| a == "md");
    let text = drafts::draft(words, markdown, drafts::Variation::default());
    let options = Options::new(if markdown {
        Format::Markdown
    } else {
        Format::PlainText
    });
    let start = std::time::Instant::now();
    let mut quotes = 0;
    for _ in 0..repeats {
        let analysis = analyze(&text, &options);
        quotes = std::hint::black_box(analysis).quotes.len();
    }
    eprintln!(
        "{words} words, {} bytes, {quotes} quotations: {:?} per analysis",
        text.len(),
        start.elapsed() / repeats as u32
    );
}
