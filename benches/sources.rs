//! Quotations checked against source material: a generated ten-hour interview
//! transcript (WebVTT, about 100,000 words in some 3,600 cues) read and indexed,
//! and a draft of 30 quotations (20 word for word, 5 with a changed word, 5 in
//! no source) analysed against it, on one thread. Run with `cargo bench --bench
//! sources`: after divan's table it checks the budget the README states (reading
//! the transcript at most 100 ms, the draft's analysis at most 10 ms, medians)
//! and exits with 1 when either is over.

use std::sync::Arc;
use std::time::{Duration, Instant};

use copydesk::analysis::material::{Material, Source};
use copydesk::analysis::{Options, analyze};
use copydesk::text::Format;

const READ_BUDGET: Duration = Duration::from_millis(100);
const CHECK_BUDGET: Duration = Duration::from_millis(10);

fn main() {
    divan::main();
    let (transcript, draft) = material();
    let read = median(11, || {
        divan::black_box(Source::parse("interview.vtt", transcript.as_str()));
    });
    let options = options(&transcript);
    let check = median(51, || {
        divan::black_box(analyze(&draft, &options));
    });
    let words = Source::parse("interview.vtt", transcript.as_str()).word_count();
    let mut ok = true;
    for (what, took, most) in [
        (
            format!("reading a transcript of {words} words"),
            read,
            READ_BUDGET,
        ),
        (
            "a draft of 30 quotations checked against it".to_string(),
            check,
            CHECK_BUDGET,
        ),
    ] {
        let verdict = if took <= most { "within" } else { "OVER" };
        ok &= took <= most;
        println!("budget: {what}: median {took:?}, {verdict} the budget of {most:?}");
    }
    if !ok {
        std::process::exit(1);
    }
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Made-up words of two or three syllables, and the small words speech is full of.
struct Words {
    state: u64,
}

const COMMON: [&str; 24] = [
    "the", "and", "we", "to", "of", "a", "that", "it", "is", "in", "I", "you", "this", "for",
    "was", "on", "they", "not", "but", "have", "with", "be", "are", "so",
];
const SYLLABLES: [&str; 16] = [
    "ba", "ren", "tol", "mi", "sar", "ko", "vel", "dun", "pa", "lis", "gor", "te", "nam", "fu",
    "ril", "os",
];

impl Words {
    fn next(&mut self) -> u64 {
        // A linear congruential generator: the same transcript every run.
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.state >> 33
    }

    fn word(&mut self) -> String {
        let r = self.next();
        if r % 2 == 0 {
            return COMMON[(r / 2) as usize % COMMON.len()].to_string();
        }
        let n = 2 + (r / 2) as usize % 2;
        (0..n)
            .map(|_| SYLLABLES[self.next() as usize % SYLLABLES.len()])
            .collect()
    }
}

/// The transcript, and a draft quoting it.
fn material() -> (String, String) {
    let mut words = Words { state: 7 };
    let mut transcript = String::from("WEBVTT\n\n");
    let mut cues: Vec<Vec<String>> = Vec::new();
    let mut count = 0;
    let mut second = 0;
    while count < 100_000 {
        let cue: Vec<String> = (0..28).map(|_| words.word()).collect();
        count += cue.len();
        let voice = if cues.len() % 3 == 2 {
            "Reporter"
        } else {
            "Jane Hale"
        };
        transcript.push_str(&format!(
            "{:02}:{:02}:{:02}.000 --> {:02}:{:02}:{:02}.000\n<v {voice}>{}.\n\n",
            second / 3600,
            second / 60 % 60,
            second % 60,
            (second + 10) / 3600,
            (second + 10) / 60 % 60,
            (second + 10) % 60,
            cue.join(" ")
        ));
        second += 10;
        cues.push(cue);
    }
    let mut draft = String::from("# Hale on the budget\n\n");
    for i in 0..30 {
        let cue = &cues[(i * 113) % cues.len()];
        let mut quoted: Vec<String> = cue[4..16].to_vec();
        if (20..25).contains(&i) {
            quoted[6] = "changed".into();
        } else if i >= 25 {
            quoted = (0..12).map(|_| "invented".to_string()).collect();
        }
        draft.push_str(&format!(
            "The council met again on Monday. “{},” Jane Hale said.\n\n",
            quoted.join(" ")
        ));
    }
    (transcript, draft)
}

fn options(transcript: &str) -> Options {
    let mut options = Options::new(Format::Markdown);
    options.material = Material {
        sources: vec![Arc::new(Source::parse("interview.vtt", transcript))],
        unreadable: Vec::new(),
    };
    options
}

#[divan::bench]
fn read_a_ten_hour_transcript(bencher: divan::Bencher) {
    let (transcript, _) = material();
    bencher.bench(|| Source::parse("interview.vtt", divan::black_box(transcript.as_str())));
}

#[divan::bench]
fn check_thirty_quotations(bencher: divan::Bencher) {
    let (transcript, draft) = material();
    let options = options(&transcript);
    bencher.bench(|| analyze(divan::black_box(&draft), &options));
}

#[divan::bench]
fn the_same_draft_with_no_sources(bencher: divan::Bencher) {
    let (_, draft) = material();
    let options = Options::new(Format::Markdown);
    bencher.bench(|| analyze(divan::black_box(&draft), &options));
}
