//! How right copydesk is on published news annotated by others: PolNeAR
//! (Political News Attribution Relations), read in its raw form from a local copy.
//!
//! ```text
//! cargo run --release --example accuracy -- <PolNeAR>/data [--split train] [--show CLASS] [--json PATH]
//! ```
//!
//! The data path may also come from `COPYDESK_POLNEAR`. Nothing is downloaded and
//! nothing of the articles is kept: the figures go to the terminal, each miss (an
//! article id and byte offsets) to the JSON report. `--show CLASS` prints the misses
//! of one class with their paragraph, for reading on screen.
//!
//! Every published article is taken as correct copy: any `unattributed-quote` or
//! `name-spelling` finding on one is a false alarm. The two faults are put in
//! mechanically (see `inject.rs`) and each is analysed as an article of its own.

mod dewiki;
mod gold;
mod inject;
mod polnear;

use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use copydesk::analysis::{Analysis, Options, analyze};
use copydesk::text::Format;
use rayon::prelude::*;
use serde::Serialize;

use polnear::Article;

#[derive(Parser)]
#[command(about = "copydesk's accuracy on PolNeAR's annotated news articles")]
struct Args {
    /// PolNeAR's `data` folder (holding `<split>/text` and `<split>/attributions`).
    #[arg(env = "COPYDESK_POLNEAR")]
    data: PathBuf,
    /// Which split to read.
    #[arg(long, default_value = "train")]
    split: String,
    /// Which corpus the data folder holds: `polnear` (English) or `de-wikinews`
    /// (German Wikinews, `uhh-lt/german-news-quotation-attribution-2024`).
    #[arg(long, default_value = "polnear", value_parser = ["polnear", "de-wikinews"])]
    corpus: String,
    /// Print every miss of this class with its paragraph (repeatable):
    /// not-found, no-speaker, wrong-speaker, false-unattributed, cut-missed,
    /// false-spelling, typo-missed.
    #[arg(long, value_name = "CLASS")]
    show: Vec<String>,
    /// Where the JSON report goes (default `target/accuracy-<split>.json`).
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,
    /// Only the articles whose id contains this.
    #[arg(long, value_name = "TEXT")]
    only: Option<String>,
}

const CLASSES: &[&str] = &[
    "not-found",
    "no-speaker",
    "wrong-speaker",
    "false-unattributed",
    "cut-missed",
    "false-spelling",
    "typo-missed",
];

#[derive(Debug, Clone, Serialize)]
struct Miss {
    class: &'static str,
    article: String,
    start: usize,
    end: usize,
    /// The gold speaker, or what the fault was.
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<String>,
    /// What copydesk said.
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<String>,
    /// How copydesk found its speaker (cue, continuing, nested, subject).
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'static str>,
}

/// What one article contributes.
#[derive(Default)]
struct Tally {
    attributed: usize,
    found: usize,
    right: usize,
    false_unattributed: usize,
    cuts: usize,
    cuts_caught: usize,
    false_spelling: usize,
    typos: usize,
    typos_caught: usize,
    misses: Vec<Miss>,
}

impl Tally {
    fn add(mut self, other: Tally) -> Tally {
        self.attributed += other.attributed;
        self.found += other.found;
        self.right += other.right;
        self.false_unattributed += other.false_unattributed;
        self.cuts += other.cuts;
        self.cuts_caught += other.cuts_caught;
        self.false_spelling += other.false_spelling;
        self.typos += other.typos;
        self.typos_caught += other.typos_caught;
        self.misses.extend(other.misses);
        self
    }
}

#[derive(Serialize)]
struct Measure {
    name: &'static str,
    value: f64,
    target: &'static str,
    meets: bool,
    of: String,
}

#[derive(Serialize)]
struct Report<'a> {
    corpus: &'a str,
    split: &'a str,
    articles: usize,
    measures: &'a [Measure],
    misses: &'a [Miss],
}

fn main() {
    let args = Args::parse();
    if let Some(bad) = args.show.iter().find(|c| !CLASSES.contains(&c.as_str())) {
        eprintln!(
            "accuracy: unknown class `{bad}`; the classes are {}",
            CLASSES.join(", ")
        );
        std::process::exit(2);
    }
    let read = match args.corpus.as_str() {
        "de-wikinews" => dewiki::read_split,
        _ => polnear::read_split,
    };
    let mut articles = match read(&args.data, &args.split) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("accuracy: {e}");
            std::process::exit(2);
        }
    };
    if let Some(only) = &args.only {
        articles.retain(|a| a.id.contains(only.as_str()));
    }
    let options = Options::new(Format::PlainText);

    let (elapsed, words) = time_analysis(&articles, &options);
    let tally = articles
        .par_iter()
        .map(|a| measure(a, &options))
        .reduce(Tally::default, Tally::add);

    let n = articles.len();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    // Each corpus's issue sets its own bar for the three attribution measures.
    let (speaker_bar, end_bar, false_bar) = match args.corpus.as_str() {
        "de-wikinews" => ((0.85, "≥ 0.85"), (0.80, "≥ 0.80"), (0.30, "≤ 0.30")),
        _ => ((0.90, "≥ 0.90"), (0.88, "≥ 0.88"), (0.15, "≤ 0.15")),
    };
    let measures = [
        Measure {
            name: "speaker right, of the quotations found",
            value: ratio(tally.right, tally.found),
            target: speaker_bar.1,
            meets: ratio(tally.right, tally.found) >= speaker_bar.0,
            of: format!("{} of {}", tally.right, tally.found),
        },
        Measure {
            name: "end to end: attributed quotation found and speaker right",
            value: ratio(tally.right, tally.attributed),
            target: end_bar.1,
            meets: ratio(tally.right, tally.attributed) >= end_bar.0,
            of: format!("{} of {}", tally.right, tally.attributed),
        },
        Measure {
            name: "false unattributed-quote warnings per article",
            value: ratio(tally.false_unattributed, n),
            target: false_bar.1,
            meets: ratio(tally.false_unattributed, n) <= false_bar.0,
            of: format!("{} in {n} articles", tally.false_unattributed),
        },
        Measure {
            name: "attribution cut from a quotation → warning",
            value: ratio(tally.cuts_caught, tally.cuts),
            target: "≥ 0.95",
            meets: ratio(tally.cuts_caught, tally.cuts) >= 0.95,
            of: format!("{} of {}", tally.cuts_caught, tally.cuts),
        },
        Measure {
            name: "false name-spelling findings",
            value: tally.false_spelling as f64,
            target: "≤ 10",
            meets: tally.false_spelling <= 10,
            of: format!("in {n} articles"),
        },
        Measure {
            name: "surname misspelt once → caught",
            value: ratio(tally.typos_caught, tally.typos),
            target: "≥ 0.97",
            meets: ratio(tally.typos_caught, tally.typos) >= 0.97,
            of: format!("{} of {}", tally.typos_caught, tally.typos),
        },
    ];

    println!(
        "{} {} split: {n} articles, {words} words",
        args.corpus, args.split
    );
    println!();
    println!("| measure | figure | count | target |");
    println!("|---|---|---|---|");
    for m in &measures {
        let figure = if m.name.starts_with("false name") {
            format!("{}", m.value)
        } else {
            format!("{:.3}", m.value)
        };
        let mark = if m.meets { "" } else { " (not met)" };
        println!("| {} | {figure} | {} | {}{mark} |", m.name, m.of, m.target);
    }
    println!();
    for class in CLASSES {
        let count = tally.misses.iter().filter(|m| m.class == *class).count();
        println!("{class}: {count}");
    }
    println!(
        "analysis of the {n} articles on one thread: {:.0} ms ({:.1} µs per 1,000 words)",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / (words.max(1) as f64 / 1000.0)
    );

    let mut misses = tally.misses;
    misses.sort_by(|a, b| (a.class, &a.article, a.start).cmp(&(b.class, &b.article, b.start)));
    for class in &args.show {
        println!("\n== {class} ==");
        for m in misses.iter().filter(|m| m.class == class.as_str()) {
            show(m, &articles);
        }
    }

    let path = args.json.unwrap_or_else(|| {
        PathBuf::from(format!(
            "target/accuracy-{}-{}.json",
            args.corpus, args.split
        ))
    });
    let report = Report {
        corpus: &args.corpus,
        split: &args.split,
        articles: n,
        measures: &measures,
        misses: &misses,
    };
    let json = serde_json::to_string_pretty(&report).expect("the report serialises");
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&path, json) {
        Ok(()) => println!("\nreport: {}", path.display()),
        Err(e) => eprintln!("accuracy: could not write {}: {e}", path.display()),
    }
}

/// The time to analyse every article once, one after another on this thread
/// (the word lists already loaded), and how many words they hold.
fn time_analysis(articles: &[Article], options: &Options) -> (Duration, usize) {
    // The word lists load on the first analysis: not counted.
    if let Some(first) = articles.first() {
        analyze(&first.text, options);
    }
    let start = Instant::now();
    for a in articles {
        std::hint::black_box(analyze(&a.text, options));
    }
    let words = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    (start.elapsed(), words)
}

fn measure(article: &Article, options: &Options) -> Tally {
    let mut tally = Tally::default();
    let analysis = analyze(&article.text, options);
    let miss = |class, span: &Range<usize>, expected: Option<String>, found: Option<String>| Miss {
        class,
        article: article.id.clone(),
        start: span.start,
        end: span.end,
        expected,
        found,
        how: None,
    };

    let quotes = gold::quotations(article);
    for q in &quotes {
        let Some(relation) = q.relation else {
            continue;
        };
        tally.attributed += 1;
        let expected = gold::gold_source(article, relation);
        let Some(found) = analysis
            .quotes
            .iter()
            .filter(|c| gold::spans_match(&c.inner, &q.inner))
            .max_by_key(|c| gold::overlap(&c.inner, &q.inner))
        else {
            tally
                .misses
                .push(miss("not-found", &q.span, Some(expected), None));
            continue;
        };
        tally.found += 1;
        match analysis.speaker_name(found) {
            Some(speaker) if gold::speaker_matches(speaker, &expected) => tally.right += 1,
            Some(speaker) => tally.misses.push(Miss {
                how: found.how.map(|h| match h {
                    copydesk::analysis::How::Cue => "cue",
                    copydesk::analysis::How::Continuing => "continuing",
                    copydesk::analysis::How::Nested => "nested",
                    copydesk::analysis::How::Subject => "subject",
                }),
                ..miss(
                    "wrong-speaker",
                    &q.span,
                    Some(expected),
                    Some(speaker.to_string()),
                )
            }),
            None => tally.misses.push(miss(
                "no-speaker",
                &q.span,
                Some(expected),
                Some(format!("{:?}", found.kind).to_lowercase()),
            )),
        }
    }

    for f in findings(&analysis, "unattributed-quote") {
        tally.false_unattributed += 1;
        let kind = analysis
            .quotes
            .iter()
            .find(|q| q.span == f)
            .map(|q| q.kind.as_str().to_string());
        tally
            .misses
            .push(miss("false-unattributed", &f, None, kind));
    }
    for f in findings(&analysis, "name-spelling") {
        tally.false_spelling += 1;
        let message = analysis
            .findings
            .iter()
            .find(|g| g.span == f)
            .map(|g| g.message.clone());
        tally.misses.push(miss("false-spelling", &f, None, message));
    }

    for cut in inject::cut_attributions(article, &quotes) {
        tally.cuts += 1;
        let after = analyze(&cut.text, options);
        let caught = findings(&after, "unattributed-quote").any(|f| gold::overlap(&f, &cut.at) > 0);
        if caught {
            tally.cuts_caught += 1;
        } else {
            let said = after
                .quotes
                .iter()
                .find(|c| gold::spans_match(&c.span, &cut.at))
                .and_then(|c| after.speaker_name(c).map(str::to_string));
            // Who the cut quotation was by, to tell a speaker carried on from
            // the paragraph before (the same one, or another) from nobody.
            let by = quotes
                .iter()
                .find(|q| q.span == cut.original)
                .and_then(|q| q.relation)
                .map(|r| gold::gold_source(article, r));
            tally
                .misses
                .push(miss("cut-missed", &cut.original, by, said));
        }
    }

    let is_given = |w: &str| copydesk::analysis::lexicon::is_given_name(w);
    for typo in inject::misspell_surnames(article, &is_given) {
        tally.typos += 1;
        let after = analyze(&typo.text, options);
        let caught = findings(&after, "name-spelling").any(|f| gold::overlap(&f, &typo.at) > 0);
        if caught {
            tally.typos_caught += 1;
        } else {
            let variant = typo.text[typo.at.clone()].to_string();
            tally
                .misses
                .push(miss("typo-missed", &typo.original, Some(variant), None));
        }
    }
    tally
}

fn findings<'a>(analysis: &'a Analysis, rule: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    analysis
        .findings
        .iter()
        .filter(move |f| f.rule == rule)
        .map(|f| f.span.clone())
}

/// One miss on screen: where it is, what was expected and found, and its
/// paragraph with the span marked by ⟦ ⟧.
fn show(m: &Miss, articles: &[Article]) {
    let Some(article) = articles.iter().find(|a| a.id == m.article) else {
        return;
    };
    let text = &article.text;
    let start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
    let paragraph = format!(
        "{}⟦{}⟧{}",
        &text[start..m.start],
        &text[m.start..m.end],
        &text[m.end..end]
    );
    println!(
        "{} {}..{}  expected: {}  found: {}\n    {}",
        m.article,
        m.start,
        m.end,
        m.expected.as_deref().unwrap_or("-"),
        m.found.as_deref().unwrap_or("-"),
        paragraph
    );
}
