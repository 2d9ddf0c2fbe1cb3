//! `copydesk check --sources` and sources declared in front matter or in
//! `copydesk.toml`: the sample draft against its notes, and each way in.

use std::path::Path;
use std::process::Command;

#[path = "common/scratch.rs"]
mod scratch;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run copydesk");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn findings(json: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(json).expect("JSON output");
    doc["files"][0]["findings"].as_array().unwrap().clone()
}

fn of_rule<'a>(findings: &'a [Value], rule: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["rule"] == rule).collect()
}

/// The sample draft's own lines at each finding.
fn lines_of(findings: &[&Value]) -> Vec<i64> {
    findings
        .iter()
        .map(|f| f["line"].as_i64().unwrap())
        .collect()
}

#[test]
fn the_sample_draft_against_its_notes_a_changed_word_a_wrong_speaker_an_invented_quote() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = run(
        root,
        &[
            "check",
            "--format",
            "json",
            "--sources",
            "examples/notes",
            "examples/bridge-vote.md",
        ],
    );
    assert_eq!(code, 1, "{err}");
    let all = findings(&out);
    let missing = of_rule(&all, "quote-not-in-source");
    let wrong = of_rule(&all, "quote-speaker-mismatch");
    // Line 10: “Tonight we stopped talking.” (the recording says “stop”);
    // line 16: a quotation in no source at all.
    assert_eq!(lines_of(&missing), [10, 16], "{out}");
    assert_eq!(lines_of(&wrong), [10], "{out}");
    assert!(
        wrong[0]["message"]
            .as_str()
            .unwrap()
            .contains("gives these words to Grace Lindqvist")
    );
    let related = &missing[0]["related"][0];
    assert_eq!(related["file"], "examples/notes/okafor-scrum.vtt");
    assert_eq!(related["line"], 12);
    assert_eq!(related["timestamp"], "00:00:09");
    let fix = &missing[0]["fixes"][0]["edits"][0];
    assert_eq!(fix["new_text"], "Tonight we stop talking");
    // The faithful quotations (lines 8 and 12, and the statement on line 20)
    // raise nothing.
    for f in missing.iter().chain(&wrong) {
        assert!(![8, 12, 20].contains(&f["line"].as_i64().unwrap()), "{f}");
    }

    // SARIF carries the place in the source as a related location.
    let (_, sarif, _) = run(
        root,
        &[
            "check",
            "--format",
            "sarif",
            "--sources",
            "examples/notes",
            "examples/bridge-vote.md",
        ],
    );
    let doc: Value = serde_json::from_str(&sarif).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let changed = results
        .iter()
        .find(|r| r["ruleId"] == "quote-not-in-source")
        .unwrap();
    let loc = &changed["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "examples/notes/okafor-scrum.vtt"
    );
    assert_eq!(loc["region"]["startLine"], 12);

    // Without sources, neither rule says anything.
    let (_, out, _) = run(
        root,
        &["check", "--format", "json", "examples/bridge-vote.md"],
    );
    let plain = findings(&out);
    assert!(of_rule(&plain, "quote-not-in-source").is_empty());
    assert!(of_rule(&plain, "quote-speaker-mismatch").is_empty());
}

#[test]
fn the_quote_sheet_has_a_source_column() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = run(
        root,
        &[
            "speakers",
            "--sources",
            "examples/notes",
            "examples/bridge-vote.md",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("source: examples/notes/sharma-call.txt:4\n"),
        "{out}"
    );
    assert!(
        out.contains("source: examples/notes/okafor-scrum.vtt:12 (00:00:09) (close: 3 of 4 words)"),
        "{out}"
    );
    assert!(out.contains("source: NOT IN THE SOURCES"), "{out}");
    let (_, json, _) = run(
        root,
        &[
            "speakers",
            "--format",
            "json",
            "--sources",
            "examples/notes",
            "examples/bridge-vote.md",
        ],
    );
    let doc: Value = serde_json::from_str(&json).unwrap();
    let first_partial = &doc["quotes"][1]["source"];
    assert_eq!(first_partial["exact"], true);
    assert_eq!(first_partial["speaker"], "Helen Okafor");
    let (_, plain, _) = run(root, &["speakers", "examples/bridge-vote.md"]);
    assert!(!plain.contains("source:"), "{plain}");
}

#[test]
fn front_matter_and_the_config_map_drafts_to_their_material() {
    let s = scratch::Scratch::new("cli-sources");
    s.write(
        "notes/bridge/call.txt",
        "HALE: We start in May.\nQ: Sure?\nHALE: Sure.\n",
    );
    s.write(
        "copydesk.toml",
        "[sources]\n\"stories/bridge/*.md\" = [\"notes/bridge/**\"]\n",
    );
    let draft = "“We start in April,” Jane Hale said.\n";
    s.write("stories/bridge/a.md", draft);
    s.write("stories/other/b.md", draft);
    s.write(
        "stories/other/c.md",
        format!("---\nsources:\n  - ../../notes/bridge/call.txt\n---\n\n{draft}"),
    );
    let (_, out, _) = run(s.path(), &["check", "--format", "json", "stories"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let checked: Vec<(String, usize)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let n = f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["rule"] == "quote-not-in-source")
                .count();
            (f["path"].as_str().unwrap().to_string(), n)
        })
        .collect();
    assert_eq!(
        checked,
        [
            ("stories/bridge/a.md".to_string(), 1),
            ("stories/other/b.md".to_string(), 0),
            ("stories/other/c.md".to_string(), 1),
        ]
    );

    // A pattern that is not one is the config's error, with its place.
    s.write(
        "copydesk.toml",
        "[sources]\n\"stories/[bridge\" = [\"notes\"]\n",
    );
    let (code, _, err) = run(s.path(), &["check", "stories/bridge/a.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("copydesk.toml:2:1: `stories/[bridge` is not a file pattern"),
        "{err}"
    );
}
