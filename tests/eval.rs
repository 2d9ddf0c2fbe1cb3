//! Accuracy on the labelled evaluation drafts in `tests/eval/drafts`.
//!
//! Each draft has a `.labels` file listing every quotation (kind, speaker, exact
//! text) in order. The test prints detection, speaker and `unattributed-quote`
//! figures and fails below the thresholds the project promises.

#[path = "common/eval_drafts.rs"]
mod eval_drafts;
use eval_drafts::drafts;

use std::path::Path;

use copydesk::analysis::{Analysis, Options, Speaker, analyze};
use copydesk::text::Format;

struct Label {
    kind: String,
    speaker: String,
    span: std::ops::Range<usize>,
}

fn labels(draft: &Path, text: &str) -> Vec<Label> {
    let src =
        std::fs::read_to_string(draft.with_extension("labels")).expect("every draft has labels");
    let mut out: Vec<Label> = Vec::new();
    let mut from = 0;
    for line in src.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.splitn(3, " | ").collect();
        if parts.len() < 3 || parts[0] == "person" {
            continue;
        }
        let quoted = parts[2].replace("\\n", "\n");
        let at = text[from..]
            .find(&quoted)
            .unwrap_or_else(|| panic!("{}: label not found in order: {quoted}", draft.display()))
            + from;
        out.push(Label {
            kind: parts[0].to_string(),
            speaker: parts[1].to_string(),
            span: at..at + quoted.len(),
        });
        from = at + quoted.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace('’', "'");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for art in ["the ", "a ", "an "] {
        if let Some(rest) = s.strip_prefix(art) {
            return rest.to_string();
        }
    }
    s
}

/// A person must be named exactly; a description (label `~…`) matches when one
/// contains the other ("a spokeswoman" and "a spokeswoman for the ministry"),
/// since the speaker is reported as a string either way.
fn speaker_matches(a: &Analysis, predicted: &Option<Speaker>, label: &str) -> bool {
    let name = match predicted {
        None => return label == "-",
        Some(Speaker::Person(p)) => norm(&a.people[*p].name),
        Some(Speaker::Description(d)) => norm(&d.text),
    };
    match label.strip_prefix('~') {
        _ if label == "-" => false,
        Some(desc) => {
            let desc = norm(desc);
            name.contains(&desc) || desc.contains(&name)
        }
        None => name == norm(label),
    }
}

#[derive(Default)]
struct Tally {
    labelled: usize,
    found: usize,
    matched: usize,
    speaker_total: usize,
    speaker_right: usize,
    unattr_true: usize,
    unattr_flagged: usize,
    unattr_hit: usize,
}

#[test]
fn quotation_and_attribution_accuracy() {
    let mut t = Tally::default();
    let mut misses = Vec::new();
    let files = drafts();
    assert!(
        files.len() >= 40,
        "the evaluation set has at least 40 drafts"
    );
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let a = analyze(&text, &Options::new(Format::from_path(&name)));
        let gold = labels(path, &text);
        t.labelled += gold.len();
        t.found += a.quotes.len();
        let flagged: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == "unattributed-quote")
            .map(|f| f.span.clone())
            .collect();
        t.unattr_flagged += flagged.len();
        for g in &gold {
            let nested = gold.iter().any(|o| {
                o.span != g.span && o.span.start <= g.span.start && g.span.end <= o.span.end
            });
            let truly_unattributed = g.kind != "term" && g.speaker == "-" && !nested;
            if truly_unattributed {
                t.unattr_true += 1;
                if flagged.contains(&g.span) {
                    t.unattr_hit += 1;
                } else {
                    misses.push(format!(
                        "{name}: missed unattributed {}",
                        &text[g.span.clone()]
                    ));
                }
            }
            let Some(q) = a.quotes.iter().find(|q| q.span == g.span) else {
                misses.push(format!("{name}: not found {}", &text[g.span.clone()]));
                continue;
            };
            t.matched += 1;
            if (g.kind == "term") != (q.kind.as_str() == "term") {
                misses.push(format!(
                    "{name}: kind {} for {} (label {})",
                    q.kind.as_str(),
                    &text[g.span.clone()],
                    g.kind
                ));
            }
            if g.kind != "term" {
                t.speaker_total += 1;
                if speaker_matches(&a, &q.speaker, &g.speaker) {
                    t.speaker_right += 1;
                } else {
                    misses.push(format!(
                        "{name}: speaker {:?} for {} (label {})",
                        a.speaker_name(q),
                        &text[g.span.clone()],
                        g.speaker
                    ));
                }
            }
        }
        for q in &a.quotes {
            if !gold.iter().any(|g| g.span == q.span) {
                misses.push(format!("{name}: spurious {}", &text[q.span.clone()]));
            }
        }
        for f in &flagged {
            if !gold
                .iter()
                .any(|g| g.span == *f && g.speaker == "-" && g.kind != "term")
            {
                misses.push(format!("{name}: wrongly flagged {}", &text[f.clone()]));
            }
        }
    }
    let precision = t.matched as f64 / t.found.max(1) as f64;
    let recall = t.matched as f64 / t.labelled.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let speaker = t.speaker_right as f64 / t.speaker_total.max(1) as f64;
    let u_precision = t.unattr_hit as f64 / t.unattr_flagged.max(1) as f64;
    let u_recall = t.unattr_hit as f64 / t.unattr_true.max(1) as f64;
    for m in &misses {
        println!("  {m}");
    }
    println!(
        "evaluation over {} drafts, {} labelled quotations:\n  quotation detection: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}\n  speaker right: {speaker:.3} ({}/{})\n  unattributed-quote: precision {u_precision:.3}, recall {u_recall:.3} ({} true, {} flagged)",
        files.len(),
        t.labelled,
        t.speaker_right,
        t.speaker_total,
        t.unattr_true,
        t.unattr_flagged
    );
    assert!(f1 >= 0.97, "quotation detection F1 {f1:.3} < 0.97");
    assert!(speaker >= 0.95, "speaker accuracy {speaker:.3} < 0.95");
    assert!(
        u_precision >= 0.95,
        "unattributed-quote precision {u_precision:.3} < 0.95"
    );
    assert!(
        u_recall >= 0.95,
        "unattributed-quote recall {u_recall:.3} < 0.95"
    );
}
