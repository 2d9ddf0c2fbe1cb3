//! The rule registry through the binary: `rules`, `explain`, and the fixes the
//! machine-readable outputs carry, which must be the library's (and so the
//! editor's) own.

use std::process::Command;

use copydesk::analysis::{Options, analyze, rules};
use copydesk::text::Format;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn copydesk(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn rules_lists_every_rule_with_its_severity_and_summary() {
    let (code, out, _) = copydesk(&["rules"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), rules::ALL.len());
    for (line, rule) in out.lines().zip(rules::ALL) {
        assert!(line.starts_with(rule.code), "{line}");
        assert!(line.contains(rule.severity.as_str()), "{line}");
        assert!(line.ends_with(rule.summary()), "{line}");
    }
    let (code, out, _) = copydesk(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list.as_array().unwrap().len(), rules::ALL.len());
    assert_eq!(list[0]["code"], rules::ALL[0].code);
}

#[test]
fn explain_prints_the_rules_documentation_and_refuses_an_unknown_rule() {
    let (code, out, _) = copydesk(&["explain", "name-spelling"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("name-spelling (default: warning)"), "{out}");
    assert!(out.contains("## Why is this bad?"), "{out}");
    assert!(out.contains(rules::NAME_SPELLING.summary()), "{out}");
    let (code, out, err) = copydesk(&["explain", "name-spellin"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown rule `name-spellin`") && err.contains("name-spelling"),
        "{err}"
    );
}

/// A fix as its title and its edits (start, end, new text).
type PlainFix = (String, Vec<(usize, usize, String)>);

/// The fixes of every finding, from the library.
fn library_fixes(path: &str, format: Format) -> Vec<PlainFix> {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    analyze(&text, &Options::new(format))
        .findings
        .iter()
        .flat_map(|f| f.fixes.iter())
        .map(|x| {
            let edits = x
                .edits
                .iter()
                .map(|e| (e.span.start, e.span.end, e.new_text.clone()))
                .collect();
            (x.title.clone(), edits)
        })
        .collect()
}

#[test]
fn json_and_sarif_carry_the_fixes_the_editor_offers() {
    for (path, format) in [
        (
            "tests/fixtures/unattributed-quote/draft.md",
            Format::Markdown,
        ),
        ("tests/fixtures/name-spelling/draft.txt", Format::PlainText),
    ] {
        let expected = library_fixes(path, format);
        assert!(!expected.is_empty(), "{path}");
        let (_, out, err) = copydesk(&["check", path, "--format", "json"]);
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let from_json: Vec<PlainFix> = doc["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["fixes"].as_array().unwrap().iter())
            .map(|x| {
                let edits = x["edits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| {
                        let n = |k: &str| e[k].as_u64().unwrap() as usize;
                        (
                            n("start"),
                            n("end"),
                            e["new_text"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect();
                (x["title"].as_str().unwrap().to_string(), edits)
            })
            .collect();
        assert_eq!(from_json, expected, "{path}");

        let (_, out, _) = copydesk(&["check", path, "--format", "sarif"]);
        let doc: Value = serde_json::from_str(&out).unwrap();
        let titles: Vec<&str> = doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["fixes"].as_array().unwrap().iter())
            .map(|x| x["description"]["text"].as_str().unwrap())
            .collect();
        let expected_titles: Vec<&str> = expected.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, expected_titles, "{path}");
    }
}

#[test]
fn the_readme_rule_table_agrees_with_the_registry() {
    let readme =
        std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // Rows of the form | <a id="code"></a>[`code`](…) | severity | summary |
    let rows: Vec<Vec<String>> = readme
        .lines()
        .filter(|l| l.starts_with("| <a id="))
        .map(|l| l.split_once("</a>").map_or(l, |(_, rest)| rest))
        .map(|l| {
            l.trim_matches(|c| c == '|' || c == ' ')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), rules::ALL.len(), "one README row per rule");
    for (row, rule) in rows.iter().zip(rules::ALL) {
        assert!(row[0].starts_with(&format!("[`{}`]", rule.code)), "{row:?}");
        assert_eq!(row[1], rule.severity.as_str(), "{row:?}");
        assert_eq!(row[2], rule.summary(), "{row:?}");
    }
}

/// `docs/rules.md` as the registry makes it: each rule's heading, default
/// severity and explanation.
fn rules_page() -> String {
    let mut page = String::from(
        "# Rules\n\nEach rule's explanation, as `copydesk explain RULE` prints it. This page is made\nfrom the doc comments in `src/analysis/rules/`: after changing one, run\n`COPYDESK_WRITE_DOCS=1 cargo test --test cli_rules` to write it again.\n",
    );
    for rule in rules::ALL {
        page.push_str(&format!(
            "\n## <a id=\"{code}\"></a>`{code}` ({severity} by default)\n\n",
            code = rule.code,
            severity = rule.severity.as_str()
        ));
        for line in rule.explanation().trim_end().lines() {
            // The explanation's sections sit one level below the rule's heading.
            if line.starts_with("## ") {
                page.push('#');
            }
            page.push_str(line);
            page.push('\n');
        }
    }
    page
}

#[test]
fn the_rules_page_is_made_from_the_registry() {
    let path = format!("{}/docs/rules.md", env!("CARGO_MANIFEST_DIR"));
    let expected = rules_page();
    if std::env::var_os("COPYDESK_WRITE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == expected,
        "docs/rules.md is out of date: run `COPYDESK_WRITE_DOCS=1 cargo test --test cli_rules`"
    );
}
