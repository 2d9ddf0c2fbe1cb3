//! `copydesk lsp` over a real pipe: initialisation in each encoding, text
//! sync, pushed and pulled diagnostics, staleness and debounce, robustness, and
//! a clean exit.

mod common;

use std::time::Duration;

use common::lsp_client::*;
use serde_json::{Value, json};

const DRAFT: &str = "# Bridge vote\n\nCouncillor Dev Sharma said the plan was “a number somebody made up on a napkin.”\n\n“We will not give up,” he added. Sharma’s office later confirmed the vote.\n\nThe crowd 😀 chanted outside. “We will not let this become another decade of delays.” Residents cheered.\n\nVolodymyr Zelensky spoke later. “We are ready,” Zelenskyy said.\n";

const URI: &str = "file:///drafts/bridge.md";

fn started(utf8: bool, pull: bool, settings: Value) -> Client {
    let mut c = Client::start(&[]);
    c.settings = settings;
    let result = c.initialize(capabilities(utf8, pull), json!({}));
    let expected = if utf8 { "utf-8" } else { "utf-16" };
    assert_eq!(result["capabilities"]["positionEncoding"], expected);
    c
}

fn by_rule<'a>(diags: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == rule).collect()
}

#[test]
fn diagnostics_in_utf16_and_utf8_cover_the_same_text() {
    for utf8 in [false, true] {
        let mut c = started(utf8, false, json!({"debounceMs": 0}));
        c.open(URI, "markdown", 1, DRAFT);
        let diags = c.diagnostics(URI, 1);
        let quote = "“We will not let this become another decade of delays.”";
        let start = DRAFT.find(quote).unwrap();
        let un = by_rule(&diags, "unattributed-quote");
        assert_eq!(un.len(), 1, "{diags:?}");
        let d = un[0];
        // The emoji before it counts 2 UTF-16 units or 4 bytes.
        assert_eq!(
            d["range"],
            range(DRAFT, start, start + quote.len(), utf8),
            "utf8={utf8}"
        );
        assert_eq!(covered(DRAFT, &d["range"], utf8), quote);
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["severity"], 2);
        assert!(
            d["codeDescription"]["href"]
                .as_str()
                .unwrap()
                .ends_with("#unattributed-quote")
        );
        let related = &d["relatedInformation"][0];
        assert_eq!(related["location"]["uri"], URI);
        assert!(related["message"].as_str().unwrap().contains("Dev Sharma"));
        assert_eq!(
            covered(DRAFT, &related["location"]["range"], utf8),
            "Sharma"
        );

        let spelling = by_rule(&diags, "name-spelling");
        assert_eq!(spelling.len(), 1);
        assert_eq!(covered(DRAFT, &spelling[0]["range"], utf8), "Zelenskyy");
        assert!(c.shutdown().success());
    }
}

#[test]
fn incremental_edits_are_checked_and_close_clears() {
    let mut c = started(false, false, json!({"debounceMs": 0}));
    c.open(URI, "markdown", 1, DRAFT);
    assert_eq!(
        by_rule(&c.diagnostics(URI, 1), "unattributed-quote").len(),
        1
    );

    // Attribute it: “…delays.” → “…delays,” Sharma said.
    let mut text = DRAFT.to_string();
    let stop = text.find("delays.”").unwrap() + "delays".len();
    c.change(URI, 2, range(&text, stop, stop + 1, false), ",");
    text.replace_range(stop..stop + 1, ",");
    let after = text.find("delays,”").unwrap() + "delays,”".len();
    c.change(URI, 3, range(&text, after, after, false), " Sharma said.");
    text.insert_str(after, " Sharma said.");
    // Then the writer moves on: an edit elsewhere.
    c.change(URI, 4, range(&text, 0, 0, false), "");
    let diags = c.diagnostics(URI, 4);
    assert!(
        by_rule(&diags, "unattributed-quote").is_empty(),
        "{diags:?}"
    );
    assert_eq!(c.server_text(URI), text);

    // Fix the spelling too; then only nothing is left.
    let z = text.find("Zelenskyy").unwrap();
    c.change(
        URI,
        5,
        range(&text, z, z + "Zelenskyy".len(), false),
        "Zelensky",
    );
    assert!(c.diagnostics(URI, 5).is_empty());

    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let p = c
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == URI && p["version"].is_null()
        })
        .expect("diagnostics cleared on close");
    assert_eq!(p["diagnostics"], json!([]));
    assert!(c.shutdown().success());
}

#[test]
fn the_quotation_being_typed_waits_until_the_writer_moves_on() {
    let mut c = started(false, false, json!({"debounceMs": 0}));
    let text = "Councillor Dev Sharma spoke first.\n\n";
    c.open(URI, "markdown", 1, text);
    assert!(c.diagnostics(URI, 1).is_empty());
    let end = text.len();
    let typed = "“We will not give up,” ";
    c.change(URI, 2, range(text, end, end, false), typed);
    let now = format!("{text}{typed}");
    assert!(by_rule(&c.diagnostics(URI, 2), "unattributed-quote").is_empty());
    // Moving on: an edit at the top of the draft.
    c.change(URI, 3, range(&now, 0, 0, false), "");
    let diags = c.diagnostics(URI, 3);
    assert_eq!(by_rule(&diags, "unattributed-quote").len(), 1, "{diags:?}");
    assert!(c.shutdown().success());
}

#[test]
fn a_burst_of_edits_is_coalesced_and_never_published_stale() {
    let mut c = started(false, false, json!({"debounceMs": 150}));
    c.open(URI, "markdown", 1, DRAFT);
    c.diagnostics(URI, 1);
    let mut text = DRAFT.to_string();
    for v in 2..=11 {
        let end = text.len();
        c.change(URI, v, range(&text, end, end, false), "x");
        text.push('x');
    }
    let last = c.diagnostics(URI, 11);
    assert_eq!(by_rule(&last, "unattributed-quote").len(), 1);
    let publications = |msgs: &[Value]| -> Vec<i64> {
        msgs.iter()
            .filter(|m| m["method"] == "textDocument/publishDiagnostics")
            .filter_map(|m| m["params"]["version"].as_i64())
            .collect()
    };
    let before = publications(&c.inbox);
    let seen = c.inbox.len();
    c.drain(Duration::from_millis(400));
    // Nothing older comes after version 11.
    assert!(publications(&c.inbox[seen..]).is_empty(), "{:?}", c.inbox);
    // The burst is coalesced: ten edits, one analysis (a stall on a busy machine
    // longer than the debounce may add one), published in order.
    assert!(before.len() <= 1, "published before v11: {before:?}");
    assert!(before.iter().all(|&v| (2..11).contains(&v)), "{before:?}");
    assert!(c.shutdown().success());
}

#[test]
fn bad_edits_are_logged_and_leave_the_text_alone() {
    let mut c = started(true, false, json!({"debounceMs": 0}));
    c.open(URI, "markdown", 1, DRAFT);
    c.diagnostics(URI, 1);
    // A line past the end, a range running backwards, a position inside the emoji.
    let emoji = DRAFT.find('😀').unwrap();
    let bad = [
        json!({"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 1}}),
        json!({"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 1}}),
        {
            let mut inside = position(DRAFT, emoji, true);
            inside["character"] = json!(inside["character"].as_u64().unwrap() + 1);
            json!({"start": inside, "end": inside})
        },
    ];
    for (i, r) in bad.into_iter().enumerate() {
        c.change(URI, 2 + i as i64, r, "BROKEN");
        let log = c
            .wait_for("window/logMessage", WAIT, |p| {
                p["message"].as_str().unwrap().contains("refused")
            })
            .expect("a refused edit is logged");
        assert_eq!(log["type"], 1);
    }
    c.change("file:///never/opened.md", 9, range("", 0, 0, true), "x");
    c.wait_for("window/logMessage", WAIT, |p| {
        p["message"].as_str().unwrap().contains("not open")
    })
    .expect("an edit to an unknown document is logged");
    assert_eq!(c.server_text(URI), DRAFT);
    // The server still works.
    c.change(URI, 10, range(DRAFT, 0, 1, true), "#");
    c.diagnostics(URI, 10);
    let stderr = c.stderr.clone();
    assert!(c.shutdown().success());
    // Editors show stderr beside the log: what was logged is not written twice.
    assert!(!stderr.lock().unwrap().contains("refused"));
}

#[test]
fn a_panic_in_analysis_is_caught_and_the_old_diagnostics_stay() {
    let mut c = started(false, false, json!({"debounceMs": 0}));
    c.open(URI, "markdown", 1, DRAFT);
    assert_eq!(c.diagnostics(URI, 1).len(), 2);
    c.change(URI, 2, range(DRAFT, 0, 0, false), "copydesk-test-panic ");
    c.wait_for("window/logMessage", WAIT, |p| {
        p["message"].as_str().unwrap().contains("panicked")
    })
    .expect("the panic is logged");
    c.drain(Duration::from_millis(200));
    assert!(
        !c.inbox
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "nothing replaces the previous diagnostics"
    );
    // Requests still answer, from the last good analysis.
    let text = format!("copydesk-test-panic {DRAFT}");
    let at = text.find("We will not give up").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": position(&text, at, false)}),
        )
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Dev Sharma")
    );
    c.change(
        URI,
        3,
        range(&text, 0, "copydesk-test-panic ".len(), false),
        "",
    );
    assert_eq!(c.diagnostics(URI, 3).len(), 2);
    assert!(c.shutdown().success());
}

#[test]
fn a_document_over_the_size_limit_gets_one_note() {
    let mut c = started(
        false,
        false,
        json!({"debounceMs": 0, "maxDocumentBytes": 1000}),
    );
    let big = DRAFT.repeat(3);
    c.open(URI, "markdown", 1, &big);
    let diags = c.diagnostics(URI, 1);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 3);
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("analysis is off")
    );
    assert!(c.shutdown().success());
}

#[test]
fn other_languages_are_left_alone() {
    let mut c = started(false, false, json!({"debounceMs": 0}));
    c.open(
        "file:///src/main.rs",
        "rust",
        1,
        "let s = \"unattributed\";",
    );
    c.open(URI, "markdown", 1, DRAFT);
    c.diagnostics(URI, 1);
    c.drain(Duration::from_millis(200));
    assert!(
        !c.inbox
            .iter()
            .any(|m| m["params"]["uri"] == "file:///src/main.rs")
    );
    assert!(c.shutdown().success());
}

#[test]
fn plain_text_named_text_is_checked_as_plain_text() {
    // Neovim and Emacs send plain text as languageId `text`. Read as Markdown, the
    // backticks would make this code and hide the quotation; as plain text it counts.
    let uri = "file:///drafts/notes.md";
    let text =
        "The hall emptied.\n\n`“Nobody asked us.”` The doors closed behind the last of them.\n";
    let mut c = started(false, false, json!({"debounceMs": 0}));
    c.open(uri, "text", 1, text);
    let diags = c.diagnostics(uri, 1);
    assert_eq!(by_rule(&diags, "unattributed-quote").len(), 1);
    assert!(c.shutdown().success());
}

#[test]
fn pulled_diagnostics_when_the_client_pulls() {
    let mut c = started(false, true, json!({"debounceMs": 0}));
    c.open(URI, "markdown", 1, DRAFT);
    let report = c
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().unwrap();
    assert_eq!(by_rule(items, "unattributed-quote").len(), 1);
    assert_eq!(by_rule(items, "name-spelling").len(), 1);
    // The same text again: unchanged.
    let again = c
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}, "previousResultId": report["resultId"]}),
        )
        .unwrap();
    assert_eq!(again["kind"], "unchanged");
    // An edit: the pull answers for the new text.
    let z = DRAFT.find("Zelenskyy").unwrap();
    c.change(
        URI,
        2,
        range(DRAFT, z, z + "Zelenskyy".len(), false),
        "Zelensky",
    );
    let report = c
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    assert!(by_rule(report["items"].as_array().unwrap(), "name-spelling").is_empty());
    c.drain(Duration::from_millis(100));
    assert!(
        !c.inbox
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics")
    );
    assert!(c.shutdown().success());
}

#[test]
fn a_pulling_client_is_asked_to_pull_again_after_a_settings_change() {
    // As VS Code declares it: refresh support under `workspace.diagnostics` only.
    let mut caps = capabilities(false, true);
    caps["workspace"]
        .as_object_mut()
        .unwrap()
        .remove("diagnostic");
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(caps, json!({}));
    c.open(URI, "markdown", 1, DRAFT);
    let pull = |c: &mut Client| {
        c.request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap()
    };
    let report = pull(&mut c);
    assert_eq!(
        by_rule(report["items"].as_array().unwrap(), "unattributed-quote").len(),
        1
    );
    c.settings = json!({"debounceMs": 0, "rules": {"unattributed-quote": "off"}});
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": c.settings.clone()}}),
    );
    c.wait_for(
        "workspace/diagnostic/refresh",
        Duration::from_secs(10),
        |_| true,
    )
    .expect("the client is asked to pull again");
    let report = pull(&mut c);
    let items = report["items"].as_array().unwrap();
    assert!(by_rule(items, "unattributed-quote").is_empty());
    assert_eq!(by_rule(items, "name-spelling").len(), 1);
    assert!(c.shutdown().success());
}

#[test]
fn exit_and_end_of_input_end_the_process() {
    let c = Client::start(&["--stdio"]);
    let mut c = c;
    c.initialize(capabilities(false, false), json!({}));
    assert!(c.shutdown().success());

    let mut c = Client::start(&[]);
    c.initialize(capabilities(false, false), json!({}));
    c.open(URI, "markdown", 1, DRAFT);
    c.close_stdin();
    assert!(c.wait_exit().success());
}

#[test]
fn text_stays_identical_to_the_client_copy_under_random_edits() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let client = std::cell::RefCell::new(started(false, false, json!({"debounceMs": 0})));
    let pieces = prop::collection::vec(
        prop::sample::select(vec![
            "a",
            "Zoë",
            "e\u{301}",
            "习近平",
            "😀",
            "\r\n",
            "\n",
            "“",
            " ",
        ]),
        0..5,
    )
    .prop_map(|v| v.concat());
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            pieces,
        ),
        1..20,
    );
    let mut runner = TestRunner::new(Config::with_cases(12));
    let n = std::cell::Cell::new(0);
    runner
        .run(&edits, |edits| {
            let mut c = client.borrow_mut();
            n.set(n.get() + 1);
            let uri = format!("file:///drafts/random-{}.md", n.get());
            let mut text = DRAFT.to_string();
            c.open(&uri, "markdown", 0, &text);
            for (v, (a, b, insert)) in edits.iter().enumerate() {
                let bounds: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .filter(|&i| {
                        !(i > 0
                            && text.as_bytes()[i - 1] == b'\r'
                            && text.as_bytes().get(i) == Some(&b'\n'))
                    })
                    .collect();
                let (mut x, mut y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
                if x > y {
                    std::mem::swap(&mut x, &mut y);
                }
                c.change(&uri, v as i64 + 1, range(&text, x, y, false), insert);
                text.replace_range(x..y, insert);
            }
            prop_assert_eq!(c.server_text(&uri), text);
            c.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
            Ok(())
        })
        .unwrap();
    assert!(client.into_inner().shutdown().success());
}

#[test]
fn crlf_lines_and_combining_accents_in_names_in_both_encodings() {
    let text = "Councillor Zoe\u{301} Saldan\u{303}a said the plan was “premature.”\r\n\r\nSaldan\u{303}a left early. “Nobody asked us.” The hall emptied.\r\n\r\nVolodymyr Zelensky arrived. Zelensky spoke first. Later Zelenskyy left.\r\n";
    let uri = "file:///drafts/crlf.txt";
    for utf8 in [false, true] {
        let mut c = started(utf8, false, json!({"debounceMs": 0}));
        c.open(uri, "plaintext", 1, text);
        let diags = c.diagnostics(uri, 1);
        let un = by_rule(&diags, "unattributed-quote")[0];
        assert_eq!(covered(text, &un["range"], utf8), "“Nobody asked us.”");
        assert_eq!(un["range"]["start"]["line"], 2);
        let related = &un["relatedInformation"][0];
        assert_eq!(
            covered(text, &related["location"]["range"], utf8),
            "Saldan\u{303}a"
        );
        let spelling = by_rule(&diags, "name-spelling")[0];
        assert_eq!(covered(text, &spelling["range"], utf8), "Zelenskyy");
        let related = &spelling["relatedInformation"][0];
        assert_eq!(related["message"], "spelled “Zelensky” here");
        assert_eq!(
            covered(text, &related["location"]["range"], utf8),
            "Zelensky"
        );

        let at = text.find("Saldan\u{303}a left").unwrap() + "Saldan".len();
        let params = json!({"textDocument": {"uri": uri}, "position": position(text, at, utf8),
                            "context": {"includeDeclaration": true}});
        let refs = c.request("textDocument/references", params).unwrap();
        let texts = covered_all(text, &refs, utf8);
        assert_eq!(texts, ["Zoe\u{301} Saldan\u{303}a", "Saldan\u{303}a"]);
        assert!(c.shutdown().success());
    }
}

#[test]
fn utf32_positions_when_offered_without_utf8() {
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    let mut caps = capabilities(false, false);
    caps["general"]["positionEncodings"] = json!(["utf-32", "utf-16"]);
    let result = c.initialize(caps, json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-32");

    // The emoji counts one unit: the quotation starts at character 2, not 3 (UTF-16)
    // or 5 (UTF-8).
    let text = "😀 “We will not give up.”\n";
    c.open(URI, "markdown", 1, text);
    let diags = c.diagnostics(URI, 1);
    let un = by_rule(&diags, "unattributed-quote");
    assert_eq!(un.len(), 1, "{diags:?}");
    assert_eq!(
        un[0]["range"],
        json!({"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 24}})
    );

    let at = json!({"line": 0, "character": 2});
    c.change(URI, 2, json!({"start": at, "end": at}), "Sharma: ");
    assert_eq!(c.server_text(URI), "😀 Sharma: “We will not give up.”\n");
    assert!(c.shutdown().success());
}
