//! Hostile drafts: what lands in a newsroom's tools by accident or on purpose.
//!
//! Every case must end without a panic, within a time bound per MB, in memory
//! that grows linearly with the draft, and with every offset valid (inside the
//! text, on char boundaries, start at or before end), as plain text and as
//! Markdown. The time bounds are for the debug build `cargo test` runs on a slow,
//! shared two-core machine, three times or more the slowest time measured there.
//! Memory is counted by this test binary's own allocator: the peak of live bytes
//! while `analyze` runs, which must stay under a multiple of the draft's size
//! plus a constant, and must roughly double, not quadruple, when the draft does.
//!
//! Analysing 50 MB in the debug build takes over a minute and more than a
//! gigabyte, too much for CI; the 50 MB paste is tested where it lands: the
//! language server stores it and answers but leaves it unanalysed with its
//! over-size note, and `copydesk check` refuses the file by its size at once.
//! The analysis itself is held to linear time and memory on drafts of 1 and 2 MB.
//!
//! Set `COPYDESK_HOSTILE_FIGURES=1` to print each case's time and memory.

#[path = "../benches/common/drafts.rs"]
mod drafts;
#[path = "common/lsp_client.rs"]
mod lsp_client;
#[path = "common/scratch.rs"]
mod scratch;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use copydesk::analysis::{Analysis, Options, analyze};
use copydesk::fuzzing::analysis::check_offsets_and_fixes;
use copydesk::text::Format;
use lsp_client::{Client, capabilities, memory, position};
use scratch::Scratch;
use serde_json::json;

// ---------------------------------------------------------------------------
// Counting live bytes
// ---------------------------------------------------------------------------

/// The system allocator, keeping count of the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(n: usize) {
    LIVE.fetch_sub(n, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size > layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The counter is the whole process's: each test holds this lock, so no other
/// test allocates while one measures.
static ALONE: Mutex<()> = Mutex::new(());

fn alone() -> MutexGuard<'static, ()> {
    let guard = ALONE.lock().unwrap_or_else(|e| e.into_inner());
    // The word lists load on the first analysis; they are not the draft's cost.
    analyze("", &Options::new(Format::PlainText));
    guard
}

// ---------------------------------------------------------------------------
// Measuring a case
// ---------------------------------------------------------------------------

struct Run {
    analysis: Analysis,
    elapsed: Duration,
    /// Peak bytes live during the analysis, above what was live before it.
    peak: usize,
}

fn run(text: &str, format: Format) -> Run {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let analysis = analyze(text, &Options::new(format));
    let elapsed = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    Run {
        analysis,
        elapsed,
        peak,
    }
}

/// What a case may cost in the debug build.
#[derive(Clone, Copy)]
struct Budget {
    secs_per_mb: f64,
    /// Peak bytes per byte of draft.
    bytes_per_byte: usize,
}

/// What any analysis may take besides its per-MB share.
const BASE_SECS: f64 = 1.0;
const BASE_BYTES: usize = 4 << 20;

/// A draft of ordinary news prose: about 25 bytes live per byte at the peak;
/// about 1 s per MB in the debug build on a quiet machine, twice that on a busy one.
const PROSE: Budget = Budget {
    secs_per_mb: 6.0,
    bytes_per_byte: 40,
};

/// A draft of nothing but quote marks, each a quotation's end or a finding: up to
/// 200 bytes live per byte, and up to 7 s per MB of two- and three-byte marks
/// (those that nest ever deeper are the slowest).
const MARKS: Budget = Budget {
    secs_per_mb: 21.0,
    bytes_per_byte: 320,
};

/// The same with one-byte straight marks, three times as many per MB: up to 18 s.
const STRAIGHT_MARKS: Budget = Budget {
    secs_per_mb: 60.0,
    ..MARKS
};

fn figures() -> bool {
    std::env::var_os("COPYDESK_HOSTILE_FIGURES").is_some()
}

/// Analyses `text` as plain text and as Markdown, holding each run to `budget`
/// and checking every offset; returns the two analyses.
fn hostile(name: &str, text: &str, budget: Budget) -> [Analysis; 2] {
    [Format::PlainText, Format::Markdown].map(|format| {
        let r = run(text, format);
        if let Err(e) = check_offsets_and_fixes(text, &r.analysis) {
            panic!("{name} as {format:?}: {e}");
        }
        let mb = text.len() as f64 / 1e6;
        if figures() {
            eprintln!(
                "{name} as {format:?}: {} bytes in {:.2} s ({:.2} s/MB), peak {:.1} MB ({:.0} bytes per byte)",
                text.len(),
                r.elapsed.as_secs_f64(),
                r.elapsed.as_secs_f64() / mb.max(1e-6),
                r.peak as f64 / 1e6,
                r.peak as f64 / text.len().max(1) as f64
            );
        }
        let allowed = budget.secs_per_mb * mb + BASE_SECS;
        assert!(
            r.elapsed.as_secs_f64() <= allowed,
            "{name} as {format:?}: {:.2} s for {} bytes, over the {allowed:.2} s allowed",
            r.elapsed.as_secs_f64(),
            text.len()
        );
        let cap = budget.bytes_per_byte * text.len() + BASE_BYTES;
        assert!(
            r.peak <= cap,
            "{name} as {format:?}: peak {} bytes for {} bytes of draft, over {cap}",
            r.peak,
            text.len()
        );
        r.analysis
    })
}

/// The peak memory of `make(n)` and `make(2 * n)` as plain text: doubling the
/// draft must not much more than double it (a quadratic structure would
/// quadruple it).
fn doubles_linearly(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let (small, big) = (make(n), make(2 * n));
    let a = run(&small, Format::PlainText).peak;
    let b = run(&big, Format::PlainText).peak;
    if figures() {
        eprintln!(
            "{name}: peak {a} bytes for {} bytes, {b} for {} ({:.2}×)",
            small.len(),
            big.len(),
            b as f64 / a as f64
        );
    }
    assert!(
        b as f64 <= 2.5 * a as f64,
        "{name}: peak {a} bytes for {} bytes of draft but {b} for {}",
        small.len(),
        big.len()
    );
}

fn quote_text<'a>(text: &'a str, a: &Analysis, i: usize) -> &'a str {
    &text[a.quotes[i].span.clone()]
}

fn speaker_of<'a>(a: &'a Analysis, text: &str, quotation: &str) -> Option<&'a str> {
    let q = a
        .quotes
        .iter()
        .find(|q| text[q.span.clone()] == *quotation)
        .unwrap_or_else(|| panic!("no quotation {quotation:?} in {:?}", a.quotes));
    a.speaker_name(q)
}

fn rules<'a>(a: &'a Analysis, rule: &str) -> Vec<&'a copydesk::analysis::Finding> {
    a.findings.iter().filter(|f| f.rule == rule).collect()
}

/// Repeats `block` (ending in a paragraph break) until the draft holds `bytes`.
fn repeated(block: &str, bytes: usize) -> String {
    block.repeat(bytes / block.len() + 1)
}

// ---------------------------------------------------------------------------
// The drafts
// ---------------------------------------------------------------------------

/// About `bytes` of wire-style prose.
fn prose(bytes: usize) -> String {
    // The generated drafts run at about six bytes a word.
    drafts::draft(bytes / 6, false, drafts::Variation::default())
}

#[test]
fn a_multi_megabyte_draft_takes_linear_time_and_memory() {
    let _alone = alone();
    let text = prose(2_000_000);
    let [plain, markdown] = hostile("2 MB of prose", &text, PROSE);
    assert!(plain.quotes.len() > 20_000, "{}", plain.quotes.len());
    assert_eq!(plain.quotes.len(), markdown.quotes.len());
    doubles_linearly("prose", prose, 1_000_000);
}

/// `n` quote marks of one style and nothing else.
fn marks(style: &str, n: usize) -> String {
    match style {
        "straight" => "\"".repeat(n),
        "curly" => "“”".repeat(n / 2),
        "opening" => "“".repeat(n),
        // The same nine marks over and over: the German opening marks never
        // close, so the quotations nest ever deeper.
        "cycle" => "\"“”‘’'«»„".chars().cycle().take(n).collect(),
        _ => {
            // Every mark the scanner knows, in a fixed pseudo-random order.
            const ALL: [char; 12] = ['"', '\'', '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›'];
            let mut x: u32 = 0x2545_f491;
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    ALL[x as usize % ALL.len()]
                })
                .collect()
        }
    }
}

#[test]
fn a_hundred_thousand_quote_marks_and_nothing_else() {
    let _alone = alone();
    // The nesting cycle runs longer: at 100,000 marks a search back over every
    // quotation for each one's previous sibling cost only four times the rest.
    for (style, n) in [
        ("straight", 100_000),
        ("curly", 100_000),
        ("opening", 100_000),
        ("cycle", 150_000),
        ("mixed", 100_000),
    ] {
        let text = marks(style, n);
        let budget = if style == "straight" {
            STRAIGHT_MARKS
        } else {
            MARKS
        };
        for a in hostile(&format!("{n} {style} quote marks"), &text, budget) {
            if matches!(style, "mixed" | "cycle") {
                continue;
            }
            // Every double mark is accounted for: paired in a quotation or
            // reported alone.
            let lone = rules(&a, "unbalanced-quote").len();
            assert_eq!(2 * a.quotes.len() + lone, n, "{style}");
            if style == "opening" {
                assert_eq!(lone, n, "an opening mark with no partner is reported");
            }
        }
    }
    doubles_linearly("straight quote marks", |n| marks("straight", n), 50_000);
    doubles_linearly("mixed quote marks", |n| marks("mixed", n), 50_000);
}

#[test]
fn a_one_megabyte_line() {
    let _alone = alone();
    // The prose with its paragraph breaks turned into spaces, so every offset
    // stays where it was: no line break is needed to find the quotations.
    let paragraphs = prose(1_000_000);
    let line = paragraphs.replace("\n\n", "  ");
    assert!(!line.contains('\n'));
    let [a, _] = hostile("a 1 MB line of prose", &line, PROSE);
    let b = run(&paragraphs, Format::PlainText).analysis;
    let spans = |x: &Analysis| x.quotes.iter().map(|q| q.span.clone()).collect::<Vec<_>>();
    assert_eq!(spans(&a), spans(&b));

    // No whitespace at all: words glued to quotations glued to words.
    let glued = repeated(
        "Levi said“We won.”Reed wrote‘no’called\"it\"a«deal»",
        1_000_000,
    );
    let [a, _] = hostile("a 1 MB line without a space", &glued, PROSE);
    assert!(!a.quotes.is_empty());
    doubles_linearly("a line without a space", |n| repeated("x“y”", n), 250_000);
}

#[test]
fn a_sentence_that_never_ends_and_a_run_of_capitals() {
    let _alone = alone();
    // Pronoun and participle cues with nobody to refer to, and never a full stop:
    // each must not send the analysis back to the start of the sentence.
    let cues = |n| {
        repeated(
            "he said “yes” and she was saying “no” and they added “maybe” and ",
            n,
        )
    };
    hostile("300 KB of one sentence of cues", &cues(300_000), PROSE);
    doubles_linearly("one sentence of cues", cues, 150_000);
    // Capitalised words and no punctuation, as in a pasted list of names: one
    // long run of what could be a name.
    // Doubled small first: if the run's memory ever grew with its square again,
    // 300 KB of it would take gigabytes.
    let capitals = |n| repeated("Dana Levi Mark Reed Ann Lee Bob Ray ", n);
    doubles_linearly("capitalised words", capitals, 20_000);
    hostile("300 KB of capitalised words", &capitals(300_000), PROSE);
}

/// `depth` quotations, each inside the one before, alternating double and single.
fn nested(depth: usize) -> String {
    let mut text = String::from("Dana Levi said: ");
    for i in 0..depth {
        text.push_str(if i % 2 == 0 { "“" } else { "‘" });
        text.push_str(&format!("Level {i} said "));
    }
    text.push_str("go");
    for i in (0..depth).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    text.push_str(" Levi added.\n");
    text
}

#[test]
fn a_thousand_levels_of_nested_quotations() {
    let _alone = alone();
    let text = nested(1000);
    for a in hostile("1,000 nested quotations", &text, MARKS) {
        assert_eq!(a.quotes.len(), 1000);
        assert_eq!(a.quotes[0].nested_in, None);
        for (i, q) in a.quotes.iter().enumerate().skip(1) {
            assert_eq!(q.nested_in, Some(i - 1), "{}", quote_text(&text, &a, i));
        }
        assert_eq!(a.speaker_name(&a.quotes[0]), Some("Dana Levi"));
        assert!(rules(&a, "unbalanced-quote").is_empty());
    }
    doubles_linearly("nested quotations", nested, 1000);
}

/// Arabic and Hebrew paragraphs with English and native quotations, bidi marks
/// and isolates around them; the last quotation has nobody to credit.
const RIGHT_TO_LEFT: &str = "\
قال الوزير عمر حداد إن الخطة جيدة. “We will not give up,” said Omar Haddad, the minister. «نحن مستعدون», Haddad said.

דוברת המשטרה דנה לוי אמרה: \u{2067}“The road is closed,”\u{2069} Dana Levi said. \u{200f}“We will reopen it tomorrow,”\u{200f} she added.

הכביש נסגר. “אף אחד לא ידע.”

";

#[test]
fn right_to_left_paragraphs_keep_their_speakers() {
    let _alone = alone();
    let text = RIGHT_TO_LEFT;
    for a in hostile("right-to-left paragraphs", text, PROSE) {
        let said = |q: &str| speaker_of(&a, text, q);
        assert_eq!(said("“We will not give up,”"), Some("Omar Haddad"));
        assert_eq!(said("«نحن مستعدون»"), Some("Omar Haddad"));
        assert_eq!(said("“The road is closed,”"), Some("Dana Levi"));
        assert_eq!(said("“We will reopen it tomorrow,”"), Some("Dana Levi"));
        let un = rules(&a, "unattributed-quote");
        assert_eq!(un.len(), 1, "{:?}", a.findings);
        assert_eq!(&text[un[0].span.clone()], "“אף אחד לא ידע.”");
    }
    let long = repeated(text, 300_000);
    hostile("300 KB of right-to-left paragraphs", &long, PROSE);
    doubles_linearly("right-to-left paragraphs", |n| repeated(text, n), 150_000);
}

/// A name with a zero-width joiner hidden inside it, a family emoji glued to
/// it, a couple emoji between its parts.
const JOINERS: &str = "\
Chef Dana Levi said the menu was “ready for the weekend.” Later Dana Le\u{200d}vi added, “We open Monday.”

Dana Levi👨\u{200d}👩\u{200d}👧 said, “Family comes first.” Dana 👩\u{200d}❤\u{fe0f}\u{200d}👨 Levi said “it was a long year.”

";

#[test]
fn zero_width_joiners_and_emoji_in_names() {
    let _alone = alone();
    let text = JOINERS;
    for a in hostile("joiners and emoji in names", text, PROSE) {
        assert_eq!(a.people.len(), 1, "{:?}", a.people);
        assert_eq!(a.people[0].name, "Dana Levi");
        let said = |q: &str| speaker_of(&a, text, q);
        assert_eq!(said("“We open Monday.”"), Some("Dana Levi"));
        assert_eq!(said("“Family comes first.”"), Some("Dana Levi"));
        assert_eq!(said("“it was a long year.”"), Some("Dana Levi"));
        // The emoji glued on is not part of the name.
        let mentions: Vec<&str> = a.people[0]
            .mentions
            .iter()
            .map(|m| &text[m.clone()])
            .collect();
        assert!(mentions.iter().all(|m| !m.contains('👨')), "{mentions:?}");
        // An invisible joiner inside a name is a spelling that breaks search and
        // tagging: it is reported, and the fix takes it out.
        let spelling = rules(&a, "name-spelling");
        assert_eq!(spelling.len(), 1, "{spelling:?}");
        assert_eq!(&text[spelling[0].span.clone()], "Dana Le\u{200d}vi");
        assert_eq!(spelling[0].fixes[0].edits[0].new_text, "Dana Levi");
    }
    let long = repeated(text, 300_000);
    hostile("300 KB of joiners and emoji", &long, PROSE);
    doubles_linearly("joiners and emoji", |n| repeated(text, n), 150_000);
}

#[test]
fn decomposed_accents_are_the_same_spelling_as_composed_ones() {
    let _alone = alone();
    // "Zoë Saldaña" with precomposed letters, then with combining marks: on the
    // page the two are identical, so they are one spelling; "Zoe Saldana" without
    // the accents is a real variant.
    let composed = "Zo\u{eb} Salda\u{f1}a";
    let decomposed = "Zoe\u{308} Saldan\u{303}a";
    let text = format!(
        "Councillor {composed} said the plan was “premature.”\n\n“We were not asked,” {decomposed} said.\n\nLater {decomposed} left. “It is over,” {composed} said.\n\n"
    );
    for a in hostile("decomposed accents", &text, PROSE) {
        assert_eq!(a.people.len(), 1, "{:?}", a.people);
        assert_eq!(a.people[0].spellings, vec![(composed.to_string(), 4)]);
        assert!(rules(&a, "name-spelling").is_empty(), "{:?}", a.findings);
        assert_eq!(
            speaker_of(&a, &text, "“We were not asked,”"),
            Some(composed)
        );
    }
    let variant = format!("{text}“Fine,” Zoe Saldana said.\n");
    let a = analyze(&variant, &Options::new(Format::PlainText));
    let spelling = rules(&a, "name-spelling");
    assert_eq!(spelling.len(), 1, "{:?}", a.findings);
    assert_eq!(&variant[spelling[0].span.clone()], "Zoe Saldana");

    // Marks stacked a dozen deep on every letter of a name, and on quote marks.
    let stacked: String = "Dana Levi said “no.”\n\n"
        .chars()
        .flat_map(|c| std::iter::once(c).chain(std::iter::repeat_n('\u{301}', 12)))
        .collect();
    let long = repeated(&stacked, 300_000);
    hostile("300 KB of stacked combining marks", &long, PROSE);
    doubles_linearly(
        "stacked combining marks",
        |n| repeated(&stacked, n),
        150_000,
    );
}

/// Line breaks of every kind: the same story with `\n`, `\r\n`, `\r` and a mix.
#[test]
fn mixed_line_endings_find_the_same_things() {
    let _alone = alone();
    let story = [
        "Councillor Dev Sharma said the plan was “a number somebody made up.”",
        "“We will not give up,” he added.",
        "The crowd chanted.",
        "“We will not let this become another decade of delays.” Residents cheered.",
        "Volodymyr Zelensky spoke later. “We are ready,” Zelenskyy said.",
        "The hall emptied.",
        "“Nobody told us.”",
    ];
    let with = |breaks: &[&str]| -> String {
        let mut s = String::new();
        for (i, p) in story.iter().enumerate() {
            // A long paragraph wraps once, near its middle; a blank line follows
            // every paragraph.
            let b = breaks[i % breaks.len()];
            let middle = p
                .match_indices(' ')
                .map(|(at, _)| at)
                .min_by_key(|at| at.abs_diff(p.len() / 2));
            match middle {
                Some(at) if p.len() > 60 => {
                    s.push_str(&format!("{}{b}{}{b}{b}", &p[..at], &p[at + 1..]))
                }
                _ => s.push_str(&format!("{p}{b}{b}")),
            }
        }
        s
    };
    let found = |text: &str, a: &Analysis| -> Vec<(&'static str, String)> {
        a.findings
            .iter()
            .map(|f| {
                let covered = text[f.span.clone()]
                    .replace("\r\n", "\n")
                    .replace('\r', "\n");
                (f.rule, covered)
            })
            .collect()
    };
    let lf = with(&["\n"]);
    let expected = {
        let a = analyze(&lf, &Options::new(Format::PlainText));
        assert_eq!(rules(&a, "unattributed-quote").len(), 2, "{:?}", a.findings);
        found(&lf, &a)
    };
    for breaks in [
        &["\r\n"][..],
        &["\r"],
        &["\n", "\r\n", "\r"],
        &["\r", "\n", "\r\n"],
    ] {
        let text = with(breaks);
        for a in hostile(&format!("line breaks {breaks:?}"), &text, PROSE) {
            assert_eq!(found(&text, &a), expected, "{breaks:?}");
        }
    }
    let mixed = repeated(&with(&["\n", "\r\n", "\r"]), 300_000);
    hostile("300 KB of mixed line breaks", &mixed, PROSE);
}

#[test]
fn a_byte_order_mark_and_nul_bytes() {
    let _alone = alone();
    let story = "Councillor Dev Sharma spoke first.\n\n“We will not let this become another decade of delays.” Residents cheered.\n\n“We will not give up,” Sharma said.\n";
    let spans = |a: &Analysis, shift: usize| -> Vec<(&'static str, std::ops::Range<usize>)> {
        a.findings
            .iter()
            .map(|f| (f.rule, f.span.start - shift..f.span.end - shift))
            .collect()
    };
    let [plain, markdown] = hostile("a story", story, PROSE);
    assert_eq!(rules(&plain, "unattributed-quote").len(), 1);

    // A byte order mark changes nothing but the offsets, by its three bytes.
    let bom = format!("\u{feff}{story}");
    let [p, m] = hostile("a story after a byte order mark", &bom, PROSE);
    assert_eq!(spans(&p, 3), spans(&plain, 0));
    assert_eq!(spans(&m, 3), spans(&markdown, 0));
    assert_eq!(
        speaker_of(&p, &bom, "“We will not give up,”"),
        Some("Dev Sharma")
    );

    // NUL bytes after the story, and in place of its paragraph breaks.
    let trailing = format!("{story}{}", "\0".repeat(1000));
    let [p, _] = hostile("a story followed by NUL bytes", &trailing, PROSE);
    assert_eq!(spans(&p, 0), spans(&plain, 0));
    let inside = story.replace("\n\n", "\0\0");
    hostile("a story with NUL bytes inside", &inside, PROSE);
    let long = repeated(&format!("{inside}\0"), 300_000);
    hostile("300 KB of a story with NUL bytes", &long, PROSE);
    hostile("1 MB of NUL bytes", &"\0".repeat(1_000_000), PROSE);
    doubles_linearly("NUL bytes", |n| repeated(&inside, n), 150_000);
}

// ---------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// A paragraph with one quotation nobody is credited with.
const UNATTRIBUTED: &str =
    "The vote was close. “We will not accept this result.” The count resumed on Monday.\n";

struct Checked {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

/// Runs `copydesk check ARGS` in the scratch folder; a run that does not end in
/// a minute is killed and fails the test (reading a pipe could wait for ever).
fn check(s: &Scratch, args: &[&str]) -> Checked {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .arg("check")
        .args(args)
        .current_dir(s.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk check");
    let read = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = pipe.read_to_end(&mut out);
            String::from_utf8_lossy(&out).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("copydesk check {args:?} did not end");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Checked {
        code: status.code().expect("copydesk exited normally"),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
        elapsed: start.elapsed(),
    }
}

impl std::fmt::Debug for Checked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The stderr line that names `file`, which must say it is an error.
fn error_line<'a>(r: &'a Checked, file: &str) -> &'a str {
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains(file))
        .unwrap_or_else(|| panic!("stderr does not name {file}: {r:?}"));
    assert!(line.starts_with("copydesk: error: "), "{line}");
    line
}

#[cfg(unix)]
#[test]
fn check_names_each_file_it_cannot_read_and_checks_the_others() {
    let _alone = alone();
    let s = Scratch::new("hostile_unreadable");
    s.write("good.txt", UNATTRIBUTED);
    s.write("drafts/also-good.md", UNATTRIBUTED);
    // Latin-1, not UTF-8: "Zoë" with a bare 0xEB.
    s.write("latin1.txt", b"Councillor Zo\xeb Saldana spoke.\n");
    // Not readable even by root: opening a socket fails.
    let _socket = std::os::unix::net::UnixListener::bind(s.path().join("socket.md"))
        .expect("bind a socket file");
    // A link to nothing, named explicitly and found in a folder.
    std::os::unix::fs::symlink("gone.md", s.path().join("dangling.md")).unwrap();
    std::os::unix::fs::symlink("../gone.md", s.path().join("drafts/dangling.md")).unwrap();
    // A link to a folder, and a named pipe nobody writes to, inside a folder:
    // neither is a draft, and reading the pipe would wait for ever.
    std::os::unix::fs::symlink("..", s.path().join("drafts/parent.md")).unwrap();
    let fifo = s.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success(),
        "mkfifo"
    );
    std::os::unix::fs::symlink("../pipe.md", s.path().join("drafts/pipe.md")).unwrap();

    let r = check(
        &s,
        &[
            "good.txt",
            "latin1.txt",
            "socket.md",
            "dangling.md",
            "drafts",
        ],
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert!(error_line(&r, "latin1.txt").contains("not valid UTF-8"));
    assert!(error_line(&r, "socket.md").contains("socket"), "{r:?}");
    assert!(
        error_line(&r, "dangling.md").contains("broken symbolic link"),
        "{r:?}"
    );
    assert!(
        error_line(&r, "drafts/dangling.md").contains("broken symbolic link"),
        "{r:?}"
    );
    assert_eq!(r.stderr.lines().count(), 4, "{r:?}");
    for good in ["good.txt", "drafts/also-good.md"] {
        assert!(
            r.stdout
                .contains(&format!("{good}:1:21: warning[unattributed-quote]:")),
            "{good} is checked: {r:?}"
        );
    }
    assert!(r.stdout.contains("2 files checked"), "{r:?}");
}

#[test]
fn check_refuses_a_fifty_megabyte_file_by_its_size_and_checks_the_others() {
    let _alone = alone();
    let s = Scratch::new("hostile_huge_file");
    s.write("good.txt", UNATTRIBUTED);
    let paste = repeated(UNATTRIBUTED, 50_000_000);
    s.write("paste.txt", &paste);
    drop(paste);
    let r = check(&s, &["paste.txt", "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let line = error_line(&r, "paste.txt");
    assert!(
        line.contains("5000000") && line.contains("--max-bytes"),
        "{line}"
    );
    assert!(
        r.stdout
            .contains("good.txt:1:21: warning[unattributed-quote]:"),
        "{r:?}"
    );
    // Refused by its size, unread: as fast as checking the small file alone.
    assert!(r.elapsed < Duration::from_secs(10), "{:?}", r.elapsed);

    // The limit is the option's: below it a draft is checked, above it refused,
    // from a file or from stdin.
    let r = check(&s, &["--max-bytes", "1000", "good.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let r = check(&s, &["--max-bytes", "10", "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(error_line(&r, "good.txt").contains("over the limit of 10"));
    let out = Command::new(BIN)
        .args(["check", "--max-bytes", "10", "-"])
        .stdin(std::fs::File::open(s.path().join("good.txt")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("<stdin>") && stderr.contains("over the limit of 10"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------
// The language server
// ---------------------------------------------------------------------------

/// How long the client waits for anything about the 50 MB paste.
const PASTE_WAIT: Duration = Duration::from_secs(120);

#[test]
fn the_server_keeps_a_fifty_megabyte_paste_unanalysed_and_stays_responsive() {
    let _alone = alone();
    let uri = "file:///drafts/paste.md";
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(capabilities(false, false), json!({}));
    c.open(uri, "markdown", 1, UNATTRIBUTED);
    assert_eq!(c.diagnostics(uri, 1).len(), 1);

    let paste = repeated(UNATTRIBUTED, 50_000_000);
    let start = Instant::now();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": paste}]}),
    );
    // Sending, framing, decoding and storing 50 MB takes the debug build about
    // 8 s on a busy 2-core machine.
    let published = c.wait_for("textDocument/publishDiagnostics", PASTE_WAIT, |p| {
        p["uri"] == uri && p["version"] == 2
    });
    let stored = start.elapsed();
    assert!(stored < PASTE_WAIT / 2, "stored in {stored:?}");
    let diags = published.expect("diagnostics for the paste")["diagnostics"].clone();
    let diags = diags.as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "too-large");
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("copydesk.maxDocumentBytes"),
        "{diags:?}"
    );
    // Responsive: a request about the paste is answered at once.
    let start = Instant::now();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(UNATTRIBUTED, 25, false)}),
        )
        .unwrap();
    assert!(hover.is_null(), "{hover}");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // The text is kept whole.
    let id = c.send_request("copydesk/documentText", json!({"uri": uri}));
    let kept = c.response_within(id, PASTE_WAIT).unwrap();
    assert!(kept["text"] == *paste, "the server's copy differs");
    if let Some(rss) = memory(c.pid(), "VmHWM") {
        if figures() {
            eprintln!(
                "50 MB paste stored in {stored:?}, server peak {} MB",
                rss >> 20
            );
        }
        assert!(rss < 8 * paste.len(), "peak {rss} bytes");
    }
    // Back to a short draft: analysed again.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": UNATTRIBUTED}]}),
    );
    let diags = c.diagnostics(uri, 3);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "unattributed-quote");
    assert!(c.shutdown().success());
}
