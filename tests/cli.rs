//! The command line, driven through the real binary.
//!
//! Every test writes its drafts into a fresh scratch directory under the system
//! temporary directory (named with the process id and the test name), runs
//! `copydesk` there with relative paths so the output is predictable, and removes
//! the directory when it ends, also when it fails.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "common/scratch.rs"]
mod scratch;
use scratch::Scratch;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// A paragraph with one quotation nobody is credited with.
const UNATTRIBUTED: &str =
    "The vote was close. “We will not accept this result.” The count resumed on Monday.";
/// A paragraph with one quotation credited to a named person.
const ATTRIBUTED: &str = "“It was fair,” said Jane Doe, the county clerk.";
/// The quotation of [`UNATTRIBUTED`], marks included.
const QUOTATION: &str = "“We will not accept this result.”";

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `copydesk ARGS` in `cwd`, feeding `stdin` if given. `NO_COLOR` is removed
/// from the environment so the colour decision rests on the terminal check alone.
fn run_in<S: AsRef<OsStr>>(cwd: &Path, args: &[S], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().expect("spawn copydesk");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(input).expect("write stdin");
        drop(pipe);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait for copydesk");
    Run {
        code: status.code().expect("copydesk exited normally"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn run(scratch: &Scratch, args: &[&str]) -> Run {
    run_in(scratch.path(), args, None)
}

/// The findings of the file named `path` in a `check --format json` document.
fn findings_of<'a>(doc: &'a Value, path: &str) -> &'a Vec<Value> {
    doc["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("no file {path} in {doc:#}"))["findings"]
        .as_array()
        .expect("findings is an array")
}

/// 1-based column, in Unicode scalar values, of byte `offset` in its line.
fn column_of(line: &str, offset: usize) -> usize {
    line[..offset].chars().count() + 1
}

fn as_usize(v: &Value) -> usize {
    v.as_u64()
        .unwrap_or_else(|| panic!("not a number: {v}"))
        .try_into()
        .unwrap()
}

fn rules_of(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f["rule"].as_str().expect("rule is a string"))
        .collect()
}

// ---------------------------------------------------------------------------
// check: human output and exit codes
// ---------------------------------------------------------------------------

#[test]
fn check_reports_unattributed_quote_with_position_line_and_caret() {
    let s = Scratch::new("human");
    s.write("story.txt", format!("{UNATTRIBUTED}\n\n{ATTRIBUTED}\n"));
    let r = run(&s, &["check", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");

    let col = column_of(UNATTRIBUTED, UNATTRIBUTED.find('“').unwrap());
    assert_eq!(col, 21);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let header = format!("story.txt:1:{col}: warning[unattributed-quote]:");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&header))
        .unwrap_or_else(|| panic!("no line starting with {header:?}\n{r:?}"));
    // The line of text, then a caret line under exactly the quotation.
    assert_eq!(lines[at + 1].trim_start(), UNATTRIBUTED, "{r:?}");
    let indent = lines[at + 1].len() - UNATTRIBUTED.len();
    let caret = lines[at + 2];
    let expected = format!(
        "{}{}",
        " ".repeat(indent + col - 1),
        "^".repeat(QUOTATION.chars().count())
    );
    assert_eq!(caret, expected, "{r:?}");

    // Only the unattributed quotation is reported.
    let reported = lines.iter().filter(|l| l.starts_with("story.txt:")).count();
    assert_eq!(reported, 1, "{r:?}");
    assert!(!r.stdout.contains("It was fair"), "{r:?}");
    assert!(
        !r.stdout.contains('\u{1b}'),
        "colour codes on a pipe: {r:?}"
    );
}

#[test]
fn fail_on_error_passes_a_draft_with_only_warnings() {
    let s = Scratch::new("fail_on_error");
    s.write("story.txt", format!("{UNATTRIBUTED}\n\n{ATTRIBUTED}\n"));
    let r = run(&s, &["check", "--fail-on", "error", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    // The finding is still shown; only the exit code changes.
    assert!(r.stdout.contains("warning[unattributed-quote]"), "{r:?}");
    let r = run(&s, &["check", "--fail-on", "never", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn fail_on_information_fails_on_an_anonymous_source() {
    let s = Scratch::new("fail_on_information");
    s.write(
        "story.txt",
        "“The deal is dead,” a source familiar with the talks said.\n",
    );
    let r = run(&s, &["check", "--format", "json", "story.txt"]);
    assert_eq!(r.code, 0, "default --fail-on is warning: {r:?}");
    let doc = r.json();
    let findings = findings_of(&doc, "story.txt");
    assert_eq!(rules_of(findings), vec!["anonymous-source"], "{r:?}");
    assert_eq!(findings[0]["severity"], "information");

    let r = run(&s, &["check", "--fail-on", "information", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stdout.contains("information[anonymous-source]"), "{r:?}");
    let r = run(&s, &["check", "--fail-on", "hint", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let r = run(&s, &["check", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn clean_draft_exits_zero_and_reports_nothing() {
    let s = Scratch::new("clean");
    s.write(
        "story.txt",
        format!(
            "{ATTRIBUTED}\n\n“We will count every ballot,” Jane Doe told reporters on Monday.\n"
        ),
    );
    let r = run(&s, &["check", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        !r.stdout.contains("story.txt:"),
        "a finding was printed: {r:?}"
    );
    assert!(r.stdout.contains("1 file checked"), "{r:?}");
    assert!(r.stdout.contains("0 warnings"), "{r:?}");
    let doc = run(&s, &["check", "--format", "json", "story.txt"]).json();
    assert!(findings_of(&doc, "story.txt").is_empty(), "{doc:#}");
}

// ---------------------------------------------------------------------------
// check: JSON and SARIF
// ---------------------------------------------------------------------------

#[test]
fn json_output_has_byte_offsets_and_scalar_columns() {
    let s = Scratch::new("json");
    let line = "Café owners 😀 met. “We will not accept this result.” The count resumed.";
    let text = format!("Résumé of the night’s count, in brief.\n\n{line}\n\n{ATTRIBUTED}\n");
    s.write("story.txt", &text);
    let r = run(&s, &["check", "--format", "json", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    assert_eq!(doc["version"], 1, "{doc:#}");
    assert_eq!(doc["files"][0]["path"], "story.txt", "{doc:#}");
    let findings = findings_of(&doc, "story.txt");
    assert_eq!(rules_of(findings), vec!["unattributed-quote"], "{doc:#}");

    let expected_keys: BTreeSet<&str> = [
        "rule",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
        "fixes",
    ]
    .into_iter()
    .collect();
    for f in findings {
        let keys: BTreeSet<&str> = f
            .as_object()
            .expect("finding is an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, expected_keys, "{f:#}");
        assert!(f["related"].is_array() && f["fixes"].is_array(), "{f:#}");
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()));
    }

    let f = &findings[0];
    let (start, end) = (as_usize(&f["start"]), as_usize(&f["end"]));
    assert_eq!(&text[start..end], QUOTATION, "{f:#}");
    assert_eq!(start, text.find('“').unwrap());
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["line"], 3);
    assert_eq!(f["end_line"], 3);
    // Columns count scalar values: é and 😀 are one column each but 2 and 4 bytes.
    let col = column_of(line, line.find('“').unwrap());
    assert_eq!(col, 20);
    assert_ne!(
        col,
        line.find('“').unwrap() + 1,
        "the test needs bytes ≠ columns"
    );
    assert_eq!(as_usize(&f["column"]), col, "{f:#}");
    // The end column is just past the closing mark.
    assert_eq!(
        as_usize(&f["end_column"]),
        col + QUOTATION.chars().count(),
        "{f:#}"
    );
}

#[test]
fn sarif_output_has_rules_and_locations() {
    let s = Scratch::new("sarif");
    let text = format!(
        "{UNATTRIBUTED}\n\n“The deal is dead,” a source familiar with the talks said.\n\n“This never closes, he said.\n\nNext paragraph.\n"
    );
    s.write("story.txt", &text);
    let r = run(&s, &["check", "--format", "sarif", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    assert_eq!(doc["version"], "2.1.0", "{doc:#}");
    let run0 = &doc["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "copydesk", "{doc:#}");
    let rule_ids: BTreeSet<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules is an array")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    for id in ["unattributed-quote", "unbalanced-quote", "anonymous-source"] {
        assert!(rule_ids.contains(id), "rule {id} missing: {doc:#}");
    }

    let results = run0["results"].as_array().expect("results is an array");
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for res in results {
        let rule = res["ruleId"].as_str().expect("ruleId");
        assert!(rule_ids.contains(rule), "{res:#}");
        seen.insert(rule);
        assert!(
            matches!(res["level"].as_str(), Some("error" | "warning" | "note")),
            "{res:#}"
        );
        assert!(
            res["message"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{res:#}"
        );
        let loc = &res["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "story.txt", "{res:#}");
        let region = &loc["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                region[key].as_u64().is_some_and(|n| n >= 1),
                "{key} in {res:#}"
            );
        }
    }
    assert_eq!(
        seen,
        ["anonymous-source", "unattributed-quote", "unbalanced-quote"]
            .into_iter()
            .collect(),
        "{doc:#}"
    );
    // The unattributed quotation's region, in code points.
    let res = results
        .iter()
        .find(|r| r["ruleId"] == "unattributed-quote")
        .unwrap();
    let region = &res["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], 21);
    assert_eq!(region["endLine"], 1);
    assert_eq!(region["endColumn"], 21 + QUOTATION.chars().count());
    assert_eq!(res["level"], "warning");
    let anon = results
        .iter()
        .find(|r| r["ruleId"] == "anonymous-source")
        .unwrap();
    assert_eq!(anon["level"], "note");
    assert_eq!(
        anon["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
}

// ---------------------------------------------------------------------------
// check: what gets read
// ---------------------------------------------------------------------------

#[test]
fn directories_are_searched_for_drafts_honouring_gitignore() {
    let s = Scratch::new("directories");
    let draft = format!("{UNATTRIBUTED}\n");
    for rel in [
        "drafts/top.md",
        "drafts/sub/second.markdown",
        "drafts/sub/deeper/third.txt",
        "drafts/notes.rst",
        "drafts/page.html",
        "drafts/sub/data.json",
        "drafts/txt",
        "drafts/skipped.txt",
        "drafts/old/ignored.md",
    ] {
        s.write(rel, &draft);
    }
    s.write("drafts/.gitignore", "skipped.txt\nold/\n");
    assert!(
        !s.path().join(".git").exists() && !s.path().join("drafts/.git").exists(),
        "the scratch directory must not be a git repository"
    );

    let r = run(&s, &["check", "--format", "json", "drafts"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let paths: BTreeSet<String> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    let expected: BTreeSet<String> = [
        "drafts/top.md",
        "drafts/sub/second.markdown",
        "drafts/sub/deeper/third.txt",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(paths, expected, "{r:?}");
    for f in doc["files"].as_array().unwrap() {
        assert_eq!(
            rules_of(f["findings"].as_array().unwrap()),
            vec!["unattributed-quote"],
            "{f:#}"
        );
    }
}

#[test]
fn stdin_is_read_with_dash() {
    let s = Scratch::new("stdin");
    let input = format!("{UNATTRIBUTED}\n");
    let r = run_in(
        s.path(),
        &["check", "--format", "json", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    assert_eq!(doc["files"][0]["path"], "<stdin>", "{doc:#}");
    let findings = findings_of(&doc, "<stdin>");
    assert_eq!(rules_of(findings), vec!["unattributed-quote"]);
    let (start, end) = (
        as_usize(&findings[0]["start"]),
        as_usize(&findings[0]["end"]),
    );
    assert_eq!(&input[start..end], QUOTATION);

    let r = run_in(s.path(), &["check", "-"], Some(input.as_bytes()));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stdout
            .contains("<stdin>:1:21: warning[unattributed-quote]:"),
        "{r:?}"
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_offset() {
    let s = Scratch::new("invalid_utf8");
    s.write("bad.txt", b"Hello \xff world");
    s.write("good.txt", format!("{UNATTRIBUTED}\n"));
    let r = run(&s, &["check", "bad.txt", "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("bad.txt"), "{r:?}");
    assert!(r.stderr.contains("offset 6"), "{r:?}");
    assert!(!r.stderr.contains("good.txt"), "{r:?}");
    assert!(
        r.stdout
            .contains("good.txt:1:21: warning[unattributed-quote]:"),
        "the good file is still checked: {r:?}"
    );

    // The order of the arguments does not matter, and JSON lists the error too.
    let r = run(&s, &["check", "--format", "json", "good.txt", "bad.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let doc = r.json();
    assert_eq!(
        rules_of(findings_of(&doc, "good.txt")),
        vec!["unattributed-quote"]
    );
    let errors = doc["errors"].as_array().expect("errors is an array");
    assert_eq!(errors.len(), 1, "{doc:#}");
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.contains("bad.txt") && message.contains("offset 6"),
        "{doc:#}"
    );
}

#[test]
fn missing_path_is_an_error_and_the_rest_is_checked() {
    let s = Scratch::new("missing");
    s.write("good.txt", format!("{UNATTRIBUTED}\n"));
    let r = run(&s, &["check", "no-such-draft.txt", "good.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    let err = r
        .stderr
        .lines()
        .find(|l| l.contains("no-such-draft.txt"))
        .unwrap_or_else(|| panic!("stderr does not name the path: {r:?}"));
    assert!(err.contains("error"), "{r:?}");
    assert!(err.to_lowercase().contains("no such file"), "{r:?}");
    assert!(
        r.stdout
            .contains("good.txt:1:21: warning[unattributed-quote]:"),
        "{r:?}"
    );

    // A missing path with a clean draft still exits 2: the check is incomplete.
    s.write("clean.txt", format!("{ATTRIBUTED}\n"));
    let r = run(&s, &["check", "clean.txt", "no-such-draft.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("no-such-draft.txt"), "{r:?}");
}

/// The lines of stderr that are errors, in order.
fn error_lines(r: &Run) -> Vec<&str> {
    r.stderr
        .lines()
        .filter(|l| l.starts_with("copydesk: error: "))
        .collect()
}

#[test]
fn read_errors_are_counted_and_reported_in_the_order_of_the_input() {
    let s = Scratch::new("read_errors_order");
    s.write("good.txt", format!("{UNATTRIBUTED}\n"));
    s.write("bad.txt", b"Hello \xff world");
    // A path that cannot be found, a file that cannot be decoded, a good draft: the
    // first fails before any draft is read, the second while the drafts are read.
    for (args, order) in [
        (
            ["bad.txt", "no-such-draft.txt", "good.txt"],
            ["bad.txt", "no-such-draft.txt"],
        ),
        (
            ["no-such-draft.txt", "good.txt", "bad.txt"],
            ["no-such-draft.txt", "bad.txt"],
        ),
    ] {
        let r = run(&s, &[&["check"][..], &args].concat());
        assert_eq!(r.code, 2, "{r:?}");
        let errors = error_lines(&r);
        assert_eq!(errors.len(), 2, "{r:?}");
        for (line, path) in errors.iter().zip(order) {
            assert!(
                line.starts_with(&format!("copydesk: error: {path}: ")),
                "errors in the order of the input, {order:?}: {r:?}"
            );
        }
        assert!(
            r.stdout
                .ends_with("1 file checked, 2 could not be read: 0 errors, 1 warning, 0 notes\n"),
            "the summary counts what could not be read: {r:?}"
        );

        let r = run(&s, &[&["check", "--format", "json"][..], &args].concat());
        let doc = r.json();
        let messages: Vec<&str> = doc["errors"]
            .as_array()
            .expect("errors is an array")
            .iter()
            .map(|e| e["message"].as_str().expect("message"))
            .collect();
        assert_eq!(messages.len(), 2, "{doc:#}");
        for (message, path) in messages.iter().zip(order) {
            assert!(message.starts_with(&format!("{path}: ")), "{doc:#}");
        }
    }
    // Without errors the summary is as it always was.
    let r = run(&s, &["check", "good.txt"]);
    assert!(
        r.stdout
            .ends_with("1 file checked: 0 errors, 1 warning, 0 notes\n"),
        "{r:?}"
    );
}

#[test]
fn sarif_reports_read_errors_as_tool_execution_notifications() {
    let s = Scratch::new("sarif_read_errors");
    s.write("good.txt", format!("{UNATTRIBUTED}\n"));
    s.write("bad.txt", b"Hello \xff world");
    let r = run(
        &s,
        &[
            "check",
            "--format",
            "sarif",
            "bad.txt",
            "good.txt",
            "no-such-draft.txt",
        ],
    );
    assert_eq!(r.code, 2, "{r:?}");
    let sarif = r.json();
    let run0 = &sarif["runs"][0];
    assert_eq!(
        run0["results"].as_array().expect("results").len(),
        1,
        "{sarif:#}"
    );
    let invocations = run0["invocations"].as_array().expect("invocations");
    assert_eq!(invocations.len(), 1, "{sarif:#}");
    assert_eq!(invocations[0]["executionSuccessful"], false, "{sarif:#}");
    let notes = invocations[0]["toolExecutionNotifications"]
        .as_array()
        .expect("toolExecutionNotifications");
    assert_eq!(notes.len(), 2, "{sarif:#}");
    assert!(notes.iter().all(|n| n["level"] == "error"), "{sarif:#}");
    let text = |n: &Value| n["message"]["text"].as_str().expect("text").to_string();
    assert!(text(&notes[0]).starts_with("bad.txt: ") && text(&notes[0]).contains("offset 6"));
    assert!(
        text(&notes[1]).starts_with("no-such-draft.txt: "),
        "{sarif:#}"
    );

    // Nothing to read at all: still one invocation, and no results.
    let r = run(&s, &["check", "--format", "sarif", "no-such-draft.txt"]);
    let sarif = r.json();
    assert_eq!(
        sarif["runs"][0]["results"],
        serde_json::json!([]),
        "{sarif:#}"
    );
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes.as_array().map(Vec::len), Some(1), "{sarif:#}");

    // A clean run says it read everything.
    let r = run(&s, &["check", "--format", "sarif", "good.txt"]);
    let sarif = r.json();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true, "{sarif:#}");
    assert_eq!(
        invocation["toolExecutionNotifications"],
        serde_json::json!([])
    );
}

#[test]
fn bare_check_checks_the_current_folder_honouring_gitignore() {
    let s = Scratch::new("bare_check");
    s.write("story.md", format!("{UNATTRIBUTED}\n"));
    s.write("desk/clean.txt", format!("{ATTRIBUTED}\n"));
    s.write("desk/later.txt", format!("{UNATTRIBUTED}\n"));
    s.write("old/skipped.md", format!("{UNATTRIBUTED}\n"));
    s.write("notes.rs", format!("// {UNATTRIBUTED}\n"));
    s.write(".gitignore", "old/\n");
    let r = run(&s, &["check"]);
    assert_eq!(r.code, 1, "{r:?}");
    let flagged: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("warning[unattributed-quote]"))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(flagged, ["desk/later.txt", "story.md"], "{r:?}");
    assert!(
        r.stdout
            .ends_with("3 files checked: 0 errors, 2 warnings, 0 notes\n"),
        "{r:?}"
    );
    // The same drafts as `check .`, named without the leading ./.
    let dot = run(&s, &["check", ".", "--format", "json"]);
    let bare = run(&s, &["check", "--format", "json"]);
    let paths = |r: &Run| -> Vec<String> {
        r.json()["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| {
                f["path"]
                    .as_str()
                    .unwrap()
                    .trim_start_matches("./")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        paths(&bare),
        ["desk/clean.txt", "desk/later.txt", "story.md"]
    );
    assert_eq!(paths(&bare), paths(&dot));
}

// ---------------------------------------------------------------------------
// check: Markdown
// ---------------------------------------------------------------------------

/// Quotation marks that stand only in Markdown syntax, not in prose. Each would be
/// a finding if it were prose.
const MARKDOWN_NON_PROSE: &str = "\
---
title: “We will not accept this result.”
summary: \"Nobody expected the count to take so long.
---

# Council vote

The count used `“We will not accept this result.”` as a test string and `“open` too.

```
“We will not accept this result.”
“This never closes
```

<!-- “We will not accept this result.” and “this never closes -->

The clerk published [the full report](https://example.test/“draft) on Monday.

    “We will not accept this result.” in an indented code block

See <https://example.test/“draft> and the chart ![“We will not accept this result.”](https://example.test/“chart.png).
";

#[test]
fn markdown_code_front_matter_comments_and_urls_are_not_prose() {
    let s = Scratch::new("markdown_non_prose");
    s.write("story.md", MARKDOWN_NON_PROSE);
    // The same text read as plain text: the marks are there to be found.
    s.write("story.txt", MARKDOWN_NON_PROSE);
    let r = run(&s, &["check", "--format", "json", "story.md", "story.txt"]);
    let doc = r.json();
    assert!(
        findings_of(&doc, "story.md").is_empty(),
        "findings in non-prose Markdown: {doc:#}"
    );
    let plain = findings_of(&doc, "story.txt");
    let plain_rules = rules_of(plain);
    assert!(
        plain_rules.contains(&"unattributed-quote") && plain_rules.contains(&"unbalanced-quote"),
        "as plain text the same draft has findings: {doc:#}"
    );

    let r = run(&s, &["check", "story.md"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(!r.stdout.contains("story.md:"), "{r:?}");
}

#[test]
fn markdown_ignore_comment_silences_the_next_paragraph_only() {
    let s = Scratch::new("markdown_ignore");
    let text = "\
The council met on Tuesday evening to discuss the proposal at length.

<!-- copydesk-ignore unattributed-quote -->
“We will not accept this result.”

“Nobody expected the count to take so long.”
";
    s.write("story.md", text);
    s.write(
        "control.md",
        text.replace("<!-- copydesk-ignore unattributed-quote -->\n", ""),
    );
    let r = run(&s, &["check", "--format", "json", "story.md", "control.md"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let findings = findings_of(&doc, "story.md");
    assert_eq!(rules_of(findings), vec!["unattributed-quote"], "{doc:#}");
    assert_eq!(findings[0]["line"], 6, "{doc:#}");
    let (start, end) = (
        as_usize(&findings[0]["start"]),
        as_usize(&findings[0]["end"]),
    );
    assert_eq!(
        &text[start..end],
        "“Nobody expected the count to take so long.”"
    );
    // Without the comment both quotations are reported.
    assert_eq!(
        rules_of(findings_of(&doc, "control.md")),
        vec!["unattributed-quote", "unattributed-quote"],
        "{doc:#}"
    );
}

#[test]
fn markdown_ignore_comment_names_its_rule() {
    let s = Scratch::new("markdown_ignore_rule");
    // A comment for another rule leaves the unattributed quotation reported.
    let text = "\
The council met on Tuesday evening to discuss the proposal at length.

<!-- copydesk-ignore anonymous-source -->
“We will not accept this result.”
";
    s.write("story.md", text);
    let doc = run(&s, &["check", "--format", "json", "story.md"]).json();
    assert_eq!(
        rules_of(findings_of(&doc, "story.md")),
        vec!["unattributed-quote"],
        "{doc:#}"
    );
}

// ---------------------------------------------------------------------------
// check: unbalanced-quote
// ---------------------------------------------------------------------------

#[test]
fn unbalanced_quote_points_at_the_opening_mark() {
    let s = Scratch::new("unbalanced");
    let text = "“This never closes, he said.\n\nNext paragraph.\n";
    s.write("story.txt", text);
    let r = run(&s, &["check", "--format", "json", "story.txt"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let findings = findings_of(&doc, "story.txt");
    let f = findings
        .iter()
        .find(|f| f["rule"] == "unbalanced-quote")
        .unwrap_or_else(|| panic!("no unbalanced-quote finding: {doc:#}"));
    assert_eq!(f["line"], 1, "{f:#}");
    assert_eq!(f["column"], 1, "{f:#}");
    assert_eq!(f["end_line"], 1, "{f:#}");
    assert_eq!(f["end_column"], 2, "{f:#}");
    let (start, end) = (as_usize(&f["start"]), as_usize(&f["end"]));
    assert_eq!((start, end), (0, '“'.len_utf8()), "{f:#}");
    assert_eq!(&text[start..end], "“");

    let r = run(&s, &["check", "story.txt"]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("story.txt:1:1: warning[unbalanced-quote]:"))
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!(lines[at + 2].trim(), "^", "one caret: {r:?}");
}

#[test]
fn quotation_over_three_paragraphs_is_balanced() {
    let s = Scratch::new("multi_paragraph");
    let text = "\
Jane Doe, the county clerk, read out a statement on Monday.

“The first paragraph of a long statement runs on about the budget.

“The second paragraph keeps going with more detail about the schedule.

“And the third paragraph finally ends the statement,” she said.
";
    for name in ["story.txt", "story.md"] {
        s.write(name, text);
    }
    let r = run(&s, &["check", "--format", "json", "story.txt", "story.md"]);
    let doc = r.json();
    for name in ["story.txt", "story.md"] {
        let rules = rules_of(findings_of(&doc, name));
        assert!(
            !rules.contains(&"unbalanced-quote"),
            "{name}: a multi-paragraph quotation is not unbalanced: {doc:#}"
        );
    }
    // It is one quotation from the first opening mark to the last closing mark.
    let r = run(&s, &["speakers", "--format", "json", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = r.json();
    let quotes = doc["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{doc:#}");
    let q = quotes[0]["text"].as_str().unwrap();
    assert!(
        q.starts_with("“The first paragraph") && q.ends_with("ends the statement,”"),
        "{doc:#}"
    );
}

// ---------------------------------------------------------------------------
// speakers
// ---------------------------------------------------------------------------

const SPEAKERS_DRAFT: &str = "\
Tom Smith, the mayor, walked out of the meeting early on Tuesday.

“He told me, ‘It is over,’ and left,” Smith said.

“We tried,” he said, “but it failed.”

The vote was close. “We will not accept this result.” The count resumed on Monday.
";

#[test]
fn speakers_json_lists_quotes_and_people() {
    let s = Scratch::new("speakers_json");
    s.write("story.txt", SPEAKERS_DRAFT);
    let r = run(&s, &["speakers", "story.txt", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = r.json();
    let quotes = doc["quotes"].as_array().expect("quotes is an array");
    let people = doc["people"].as_array().expect("people is an array");

    for q in quotes {
        let obj = q.as_object().expect("quote is an object");
        for key in [
            "start",
            "end",
            "text",
            "kind",
            "speaker",
            "cue",
            "attributed",
            "nested_in",
        ] {
            assert!(obj.contains_key(key), "quote lacks {key}: {q:#}");
        }
        let (start, end) = (as_usize(&q["start"]), as_usize(&q["end"]));
        assert_eq!(q["text"], SPEAKERS_DRAFT[start..end], "{q:#}");
        assert_eq!(q["attributed"], !q["speaker"].is_null(), "{q:#}");
    }
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
    let index = |t: &str| {
        texts
            .iter()
            .position(|x| *x == t)
            .unwrap_or_else(|| panic!("no quotation {t:?} in {texts:?}"))
    };
    let outer = index("“He told me, ‘It is over,’ and left,”");
    let inner = index("‘It is over,’");
    let first = index("“We tried,”");
    let second = index("“but it failed.”");
    let lone = index(QUOTATION);

    // Nesting.
    assert_eq!(quotes[inner]["nested_in"], outer, "{doc:#}");
    assert!(quotes[outer]["nested_in"].is_null(), "{doc:#}");
    assert!(quotes[first]["nested_in"].is_null(), "{doc:#}");
    assert_eq!(quotes[outer]["speaker"], "Tom Smith", "{doc:#}");
    assert_eq!(quotes[outer]["cue"], "Smith said", "{doc:#}");

    // A quotation split around its cue has one speaker.
    assert!(quotes[first]["speaker"].is_string(), "{doc:#}");
    assert_eq!(
        quotes[first]["speaker"], quotes[second]["speaker"],
        "{doc:#}"
    );
    assert_eq!(quotes[first]["speaker"], "Tom Smith", "{doc:#}");

    // The unattributed one.
    assert_eq!(quotes[lone]["attributed"], false, "{doc:#}");
    assert!(quotes[lone]["speaker"].is_null(), "{doc:#}");
    assert!(quotes[lone]["cue"].is_null(), "{doc:#}");

    // People.
    let smith = people
        .iter()
        .find(|p| p["name"] == "Tom Smith")
        .unwrap_or_else(|| panic!("Tom Smith not among people: {doc:#}"));
    for p in people {
        let obj = p.as_object().unwrap();
        for key in ["name", "mentions", "quotes"] {
            assert!(obj.contains_key(key), "person lacks {key}: {p:#}");
        }
        for m in p["mentions"].as_array().unwrap() {
            let (start, end) = (as_usize(&m["start"]), as_usize(&m["end"]));
            assert!(start < end && end <= SPEAKERS_DRAFT.len(), "{m:#}");
        }
        for qi in p["quotes"].as_array().unwrap() {
            assert_eq!(quotes[as_usize(qi)]["speaker"], p["name"], "{p:#}");
        }
    }
    let mentions: Vec<&str> = smith["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &SPEAKERS_DRAFT[as_usize(&m["start"])..as_usize(&m["end"])])
        .collect();
    assert_eq!(mentions.first(), Some(&"Tom Smith"), "{doc:#}");
    assert!(mentions.contains(&"Smith"), "{doc:#}");
    let quoted: Vec<usize> = smith["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(as_usize)
        .collect();
    for q in [outer, first, second] {
        assert!(quoted.contains(&q), "quotation {q} not credited: {doc:#}");
    }
    assert!(!quoted.contains(&lone), "{doc:#}");
}

#[test]
fn speakers_human_lists_each_quotation_with_its_speaker() {
    let s = Scratch::new("speakers_human");
    s.write("story.txt", SPEAKERS_DRAFT);
    let r = run(&s, &["speakers", "story.txt"]);
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let speaker_after = |quote: &str| -> &str {
        let at = lines
            .iter()
            .position(|l| l.contains(quote))
            .unwrap_or_else(|| panic!("{quote:?} not listed: {r:?}"));
        lines[at + 1].trim()
    };
    assert!(
        speaker_after("“He told me,").starts_with("Tom Smith"),
        "{r:?}"
    );
    assert!(
        speaker_after("“We tried,”").starts_with("Tom Smith"),
        "{r:?}"
    );
    assert!(
        speaker_after("“but it failed.”").starts_with("Tom Smith"),
        "{r:?}"
    );
    assert_eq!(speaker_after(QUOTATION), "UNATTRIBUTED", "{r:?}");
    // Every quotation is listed once, numbered.
    let numbered = lines
        .iter()
        .filter(|l| l.trim_start().starts_with('#'))
        .count();
    assert_eq!(numbered, 5, "{r:?}");
    assert!(r.stdout.contains("People"), "{r:?}");
    assert!(r.stdout.contains("spellings: Tom Smith"), "{r:?}");
}

#[test]
fn speakers_reads_stdin_and_reports_unreadable_files() {
    let s = Scratch::new("speakers_errors");
    let r = run_in(
        s.path(),
        &["speakers", "-", "--format", "json"],
        Some(SPEAKERS_DRAFT.as_bytes()),
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.json()["quotes"].as_array().map(Vec::len),
        Some(5),
        "{r:?}"
    );
    let r = run(&s, &["speakers", "missing.txt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("missing.txt"), "{r:?}");
}

// ---------------------------------------------------------------------------
// usage
// ---------------------------------------------------------------------------

#[test]
fn version_prints_the_crate_version() {
    let s = Scratch::new("version");
    let r = run(&s, &["--version"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout.trim(),
        format!("copydesk {}", env!("CARGO_PKG_VERSION")),
        "{r:?}"
    );
}

#[test]
fn help_shows_the_examples() {
    let s = Scratch::new("help");
    for args in [&["--help"][..], &["check", "--help"]] {
        let r = run(&s, args);
        assert_eq!(r.code, 0, "{args:?}: {r:?}");
        assert!(r.stdout.contains("Examples:"), "{args:?}: {r:?}");
        assert!(
            r.stdout.contains("copydesk check drafts/ --format json"),
            "{args:?}: {r:?}"
        );
        assert!(r.stdout.contains("Usage:"), "{args:?}: {r:?}");
    }
    let r = run(&s, &["check", "--help"]);
    for word in ["--format", "--fail-on", "sarif", "information"] {
        assert!(r.stdout.contains(word), "check --help lacks {word}: {r:?}");
    }
}

#[test]
fn top_level_help_names_every_kind_of_check() {
    let s = Scratch::new("help_top");
    let r = run(&s, &["--help"]);
    assert_eq!(r.code, 0, "{r:?}");
    // Help is wrapped to the width of the terminal.
    let help = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for what in [
        "unattributed quotations",
        "unbalanced quote marks",
        "anonymous sources",
        "name spelled two ways",
    ] {
        assert!(help.contains(what), "--help lacks {what:?}: {r:?}");
    }
}

#[test]
fn speakers_help_shows_its_own_examples() {
    let s = Scratch::new("help_speakers");
    let r = run(&s, &["speakers", "--help"]);
    assert_eq!(r.code, 0, "{r:?}");
    let examples = r
        .stdout
        .split_once("Examples:")
        .unwrap_or_else(|| panic!("no examples: {r:?}"))
        .1;
    let lines: Vec<&str> = examples
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert!(lines.len() >= 3, "{r:?}");
    for line in &lines {
        assert!(
            line.starts_with("copydesk speakers ")
                || line.starts_with("cat ") && line.ends_with("| copydesk speakers -"),
            "speakers --help shows an example of another command: {line:?}"
        );
    }
    assert!(
        lines.contains(&"copydesk speakers story.md --format json"),
        "{r:?}"
    );
}

#[test]
fn usage_errors_exit_two() {
    let s = Scratch::new("usage");
    s.write("story.txt", format!("{UNATTRIBUTED}\n"));
    for args in [
        &["check", "--bogus", "story.txt"][..],
        &["--bogus"],
        &["check", "--format", "xml", "story.txt"],
        &["check", "--fail-on", "sometimes", "story.txt"],
        &["frobnicate"],
    ] {
        let r = run(&s, args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(!r.stderr.is_empty(), "{args:?}: {r:?}");
        assert!(
            !r.stdout.contains("warning["),
            "nothing is checked: {args:?}: {r:?}"
        );
    }
    let r = run(&s, &["check", "--bogus", "story.txt"]);
    assert!(r.stderr.contains("--bogus"), "{r:?}");
}

// ---------------------------------------------------------------------------
// line endings and odd whitespace
// ---------------------------------------------------------------------------

/// Starts with a byte order mark. Lines (1-based): 1 title, CRLF; 2 blank, CRLF;
/// 3 a quotation after a tab and a no-break space, lone CR; 4 text, CRLF; 5 text,
/// LF; 6 blank, LF; 7 a quotation, CRLF.
const MIXED_ENDINGS: &str = "\u{feff}Council vote\r\n\r\nThe vote was close.\t\u{a0}“We will not accept this result.” The count went on.\rIt went on all night long.\r\nAnd then:\n\n“Nobody expected this.”\r\n";

#[test]
fn crlf_lone_cr_tabs_and_nbsp_keep_positions_right() {
    let s = Scratch::new("line_endings");
    s.write("story.txt", MIXED_ENDINGS);
    s.write("story.md", MIXED_ENDINGS);
    let r = run(&s, &["check", "--format", "json", "story.txt", "story.md"]);
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let q2 = "“Nobody expected this.”";
    for name in ["story.txt", "story.md"] {
        let findings = findings_of(&doc, name);
        assert_eq!(
            rules_of(findings),
            vec!["unattributed-quote", "unattributed-quote"],
            "{name}: {doc:#}"
        );
        let spans: Vec<&str> = findings
            .iter()
            .map(|f| &MIXED_ENDINGS[as_usize(&f["start"])..as_usize(&f["end"])])
            .collect();
        assert_eq!(spans, vec![QUOTATION, q2], "{name}");
        // "The vote was close." is 19 columns, then a tab and a no-break space.
        let at = |f: &Value| {
            (
                as_usize(&f["line"]),
                as_usize(&f["column"]),
                as_usize(&f["end_line"]),
                as_usize(&f["end_column"]),
            )
        };
        assert_eq!(
            at(&findings[0]),
            (3, 22, 3, 22 + QUOTATION.chars().count()),
            "{name}: {doc:#}"
        );
        assert_eq!(
            at(&findings[1]),
            (7, 1, 7, 1 + q2.chars().count()),
            "{name}: {doc:#}"
        );
    }

    // The human output shows the line without its line break, and pads the caret
    // with the tab so it lines up.
    let r = run(&s, &["check", "story.txt"]);
    assert!(!r.stdout.contains('\r'), "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("story.txt:3:22: warning[unattributed-quote]:"))
        .unwrap_or_else(|| panic!("{r:?}"));
    assert_eq!(
        lines[at + 1],
        "    The vote was close.\t\u{a0}“We will not accept this result.” The count went on."
    );
    assert_eq!(
        lines[at + 2],
        format!(
            "    {}\t {}",
            " ".repeat(19),
            "^".repeat(QUOTATION.chars().count())
        )
    );
    assert!(
        r.stdout
            .contains("story.txt:7:1: warning[unattributed-quote]:"),
        "{r:?}"
    );
}

#[test]
fn lone_cr_counts_as_one_line_break() {
    let s = Scratch::new("lone_cr");
    let text = "First line of the story, long enough to be prose.\rSecond line.\r\r“We will not accept this result.”\r";
    s.write("story.txt", text);
    let doc = run(&s, &["check", "--format", "json", "story.txt"]).json();
    let findings = findings_of(&doc, "story.txt");
    assert_eq!(rules_of(findings), vec!["unattributed-quote"], "{doc:#}");
    assert_eq!(findings[0]["line"], 4, "{doc:#}");
    assert_eq!(findings[0]["column"], 1, "{doc:#}");
    assert_eq!(
        &text[as_usize(&findings[0]["start"])..as_usize(&findings[0]["end"])],
        QUOTATION
    );
}

/// A byte order mark is an encoding signature, not a character of the draft:
/// editors do not show it, so a quotation right after it is at column 1.
#[test]
fn byte_order_mark_is_not_a_column() {
    let s = Scratch::new("bom");
    let text = format!("\u{feff}{QUOTATION} The count went on.\n");
    s.write("story.txt", &text);
    let doc = run(&s, &["check", "--format", "json", "story.txt"]).json();
    let findings = findings_of(&doc, "story.txt");
    assert_eq!(rules_of(findings), vec!["unattributed-quote"], "{doc:#}");
    let f = &findings[0];
    assert_eq!(&text[as_usize(&f["start"])..as_usize(&f["end"])], QUOTATION);
    assert_eq!(as_usize(&f["line"]), 1, "{f:#}");
    assert_eq!(as_usize(&f["column"]), 1, "{f:#}");
    assert_eq!(
        as_usize(&f["end_column"]),
        1 + QUOTATION.chars().count(),
        "{f:#}"
    );
    let r = run(&s, &["check", "story.txt"]);
    assert!(
        r.stdout
            .contains("story.txt:1:1: warning[unattributed-quote]:"),
        "{r:?}"
    );
}

/// A single quotation left open inside a double one, with another double
/// quotation inside it: a typo the checker exists to catch, not a crash.
const OPEN_SINGLE_INSIDE_DOUBLE: &str =
    "“I told them ‘we need “more time,” and they agreed,” Smith said.\n";

#[test]
fn single_quote_left_open_inside_a_quotation_is_reported_not_a_crash() {
    let s = Scratch::new("open_single");
    s.write("story.txt", OPEN_SINGLE_INSIDE_DOUBLE);
    let r = run(&s, &["check", "--format", "json", "story.txt"]);
    assert!(!r.stderr.contains("panicked"), "{r:?}");
    assert_eq!(r.code, 1, "{r:?}");
    let doc = r.json();
    let findings = findings_of(&doc, "story.txt");
    let f = findings
        .iter()
        .find(|f| f["rule"] == "unbalanced-quote")
        .unwrap_or_else(|| panic!("no unbalanced-quote finding: {doc:#}"));
    assert_eq!(
        (as_usize(&f["line"]), as_usize(&f["column"])),
        (1, 14),
        "{f:#}"
    );
    assert_eq!(
        &OPEN_SINGLE_INSIDE_DOUBLE[as_usize(&f["start"])..as_usize(&f["end"])],
        "‘"
    );

    // The inner double quotation is still nested in the outer one.
    let r = run(&s, &["speakers", "--format", "json", "story.txt"]);
    assert!(!r.stderr.contains("panicked"), "{r:?}");
    assert_eq!(r.code, 0, "{r:?}");
    let doc = r.json();
    let quotes = doc["quotes"].as_array().unwrap();
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
    let outer = texts
        .iter()
        .position(|t| t.starts_with("“I told them"))
        .unwrap_or_else(|| panic!("{doc:#}"));
    let inner = texts
        .iter()
        .position(|t| *t == "“more time,”")
        .unwrap_or_else(|| panic!("{doc:#}"));
    assert_eq!(quotes[inner]["nested_in"], outer, "{doc:#}");
}
