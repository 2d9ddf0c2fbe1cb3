//! A long draft is analysed on two threads where the work splits (quote marks,
//! tokens, name runs, spellings beside quotations …). Whatever the split, the
//! analysis must be the one a single thread gives: compared here whole, on long
//! drafts made of the labelled evaluation drafts and of the benchmark generator.

#[allow(dead_code)]
#[path = "../benches/common/drafts.rs"]
mod drafts;
#[path = "common/eval_drafts.rs"]
mod eval_drafts;

use copydesk::analysis::parallel::{FROM, force_share, worth_splitting};
use copydesk::analysis::{Options, analyze, analyze_on_one_thread};
use copydesk::text::Format;

/// Every evaluation draft of one format, one after another, repeated until the
/// whole is at least `at_least` bytes.
fn eval_drafts_joined(extension: &str, at_least: usize) -> String {
    let paths: Vec<_> = eval_drafts::drafts()
        .into_iter()
        .filter(|p| p.extension().and_then(|x| x.to_str()) == Some(extension))
        .collect();
    let one: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut text = String::new();
    while text.len() < at_least {
        for d in &one {
            text.push_str(d);
            text.push_str("\n\n");
        }
    }
    text
}

fn assert_same_on_one_thread(name: &str, text: &str, format: Format) {
    assert!(worth_splitting(text.len()), "{name} is too short to split");
    let options = Options::new(format);
    let split = serde_json::to_string(&analyze(text, &options)).unwrap();
    let single = serde_json::to_string(&analyze_on_one_thread(text, &options)).unwrap();
    assert!(
        split.len() > 10_000,
        "{name}: the analysis found next to nothing"
    );
    if split != single {
        let at = split
            .bytes()
            .zip(single.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(split.len().min(single.len()));
        let from = at.saturating_sub(200);
        panic!(
            "{name}: two threads and one disagree at byte {at} of the JSON:\n  split:  {}\n  single: {}",
            &split[from..(at + 200).min(split.len())],
            &single[from..(at + 200).min(single.len())]
        );
    }
}

#[test]
fn evaluation_drafts_read_alike_on_two_threads_and_one() {
    assert_same_on_one_thread(
        "plain-text evaluation drafts",
        &eval_drafts_joined("txt", 2 * FROM),
        Format::PlainText,
    );
    assert_same_on_one_thread(
        "Markdown evaluation drafts",
        &eval_drafts_joined("md", 2 * FROM),
        Format::Markdown,
    );
}

#[test]
fn generated_drafts_read_alike_on_two_threads_and_one() {
    for markdown in [false, true] {
        let text = drafts::draft(40_000, markdown, drafts::Variation::default());
        let format = if markdown {
            Format::Markdown
        } else {
            Format::PlainText
        };
        assert_same_on_one_thread("generated draft", &text, format);
    }
}

#[test]
fn a_quotation_carried_over_the_middle_reads_alike_on_two_threads_and_one() {
    // One speech over three thousand paragraphs, each reopened with a mark and
    // none closed until the last: whichever paragraph the work splits at, a
    // quotation is open there.
    let mut text = String::from("The mayor read the statement aloud.\n\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "“Paragraph {i} of the statement, which goes on.\n\n"
        ));
    }
    text.push_str("“And that is all,” the mayor said.\n");
    assert!(worth_splitting(text.len()));
    let options = Options::new(Format::PlainText);
    let split = analyze(&text, &options);
    assert_eq!(split.quotes.len(), 1);
    assert!(split.quotes[0].multi_paragraph && split.quotes[0].attributed());
    assert_eq!(
        serde_json::to_string(&split).unwrap(),
        serde_json::to_string(&analyze_on_one_thread(&text, &options)).unwrap()
    );
}

#[test]
fn a_split_cut_off_the_middle_reads_alike_on_two_threads_and_one() {
    // Each split learns what share of its work the calling thread takes; whatever
    // share it has learnt, the cut falls where nothing reaches over it. Here most
    // paragraph edges lie inside a quotation that runs over five paragraphs.
    let speech = "The mayor spoke at length on Tuesday.\n\n\
                  “The first part of the plan is the bridge,\n\n\
                  “the second is the road, which Edith Marsh will lead,\n\n\
                  “the third is the rail line to Dunmore,\n\n\
                  “the fourth is the harbour wall,\n\n\
                  “and the fifth is the budget,” Mayor Alan Reyes said.\n\n";
    let speeches = speech.repeat(2 * FROM / speech.len() + 1);
    let generated = [false, true].map(|markdown| {
        let format = if markdown {
            Format::Markdown
        } else {
            Format::PlainText
        };
        let text = drafts::draft(40_000, markdown, drafts::Variation::default());
        (text, format)
    });
    for share in [0.25, 0.4, 0.75] {
        force_share(Some(share));
        assert_same_on_one_thread(
            &format!("multi-paragraph quotations cut at {share}"),
            &speeches,
            Format::PlainText,
        );
        for (text, format) in &generated {
            assert_same_on_one_thread(&format!("generated draft cut at {share}"), text, *format);
        }
    }
    force_share(None);
}
