//! Quotations checked against the draft's sources in the language server: the
//! findings with their related location in the source file, the hover with both
//! versions, the quick fix, and a source read again when it changes on disk.

mod common;
#[path = "common/scratch.rs"]
mod scratch;

use common::lsp_client::*;
use serde_json::{Value, json};

const DRAFT: &str = "---\nsources: [notes/ferry.vtt]\n---\n\n“The ferry runs every hour from June,” Nadia Brennan said.\n\n“Fares stay where they are,” Brennan said.\n\n“We will add a night crossing,” she said.\n";

const VTT: &str = "WEBVTT\n\n00:00:02.000 --> 00:00:06.000\n<v Nadia Brennan>The ferry runs every hour from May.\n\n00:00:06.000 --> 00:00:09.000\n<v Nadia Brennan>Fares stay where they are.\n";

fn by_rule<'a>(diags: &'a [Value], rule: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| d["code"] == rule).collect()
}

/// The hover's text at the first occurrence of `needle` in the draft.
fn hover(c: &mut Client, uri: &str, needle: &str) -> String {
    let offset = DRAFT.find(needle).unwrap();
    let h = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(DRAFT, offset, false)}),
        )
        .unwrap();
    h["contents"]["value"].as_str().unwrap().to_string()
}

#[test]
fn quotations_are_checked_against_the_sources_the_draft_names() {
    let scratch = scratch::Scratch::new("sources");
    let dir = scratch.path().to_path_buf();
    let vtt = scratch.write("notes/ferry.vtt", VTT);
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(
        capabilities(false, false),
        json!({"workspaceFolders": [{"uri": file_uri(&dir), "name": "sources"}]}),
    );
    let uri = file_uri(&dir.join("story.md"));
    c.open(&uri, "markdown", 1, DRAFT);
    let diags = c.diagnostics(&uri, 1);
    let missing = by_rule(&diags, "quote-not-in-source");
    assert_eq!(missing.len(), 2, "{diags:?}");

    // The changed word: related location in the source file, at the passage.
    let changed = missing[0];
    assert_eq!(
        covered(DRAFT, &changed["range"], false),
        "“The ferry runs every hour from June,”"
    );
    assert!(
        changed["message"]
            .as_str()
            .unwrap()
            .contains("at notes/ferry.vtt:4 (00:00:02), has 6 of its 7 words"),
        "{changed}"
    );
    let related = &changed["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], file_uri(&vtt));
    assert_eq!(
        covered(VTT, &related["range"], false),
        "The ferry runs every hour from May"
    );
    // The invented one: nothing comes close.
    assert!(
        missing[1]["message"]
            .as_str()
            .unwrap()
            .contains("in none of the sources")
    );

    // The hover shows the two versions with the differing words marked.
    let card = hover(&mut c, &uri, "The ferry");
    let card = card.as_str();
    assert!(card.contains("**Not in the sources as quoted**"), "{card}");
    assert!(
        card.contains("> Draft: The ferry runs every hour from ~~June~~,"),
        "{card}"
    );
    assert!(
        card.contains("> Source: The ferry runs every hour from **May**"),
        "{card}"
    );
    let card = hover(&mut c, &uri, "Fares stay");
    let card = card.as_str();
    assert!(
        card.contains("**In the sources**, word for word:"),
        "{card}"
    );
    assert!(
        card.contains("ferry.vtt:7 (00:00:06), said by Nadia Brennan"),
        "{card}"
    );

    // The quick fix puts the source's words in the quotation.
    let start = DRAFT.find("“The ferry").unwrap();
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(DRAFT, start, start + 3, false), "context": {"diagnostics": []}}),
        )
        .unwrap();
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Use the words of"))
        .unwrap_or_else(|| panic!("no fix: {actions}"));
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap().clone();
    let fixed = apply_edits(DRAFT, &edits, false);
    assert!(
        fixed.contains("“The ferry runs every hour from May,” Nadia Brennan said."),
        "{fixed}"
    );

    // The reporter corrects the transcript: read again on the watcher's word.
    std::fs::write(&vtt, VTT.replace("from May", "from June")).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&vtt), "type": 2}]}),
    );
    let found = c.wait_for("textDocument/publishDiagnostics", WAIT, |p| {
        p["uri"] == uri
            && by_rule(p["diagnostics"].as_array().unwrap(), "quote-not-in-source").len() == 1
    });
    assert!(found.is_some(), "the changed source was not read again");
    assert!(c.shutdown().success());
}

#[test]
fn a_source_that_cannot_be_read_is_one_finding_on_the_first_line() {
    let scratch = scratch::Scratch::new("unreadable");
    let dir = scratch.path().to_path_buf();
    scratch.write("notes/bad.txt", [0xffu8, 0xfe, 0x00]);
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(capabilities(false, false), json!({}));
    let uri = file_uri(&dir.join("story.md"));
    let text = "---\nsources: [notes/bad.txt, notes/gone.vtt]\n---\n\n“We won,” Dana Kerr said.\n";
    c.open(&uri, "markdown", 1, text);
    let diags = c.diagnostics(&uri, 1);
    let unread = by_rule(&diags, "quote-not-in-source");
    assert_eq!(unread.len(), 2, "{diags:?}");
    for d in &unread {
        assert_eq!(d["range"]["start"]["line"], 0);
    }
    assert!(
        unread[0]["message"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8")
    );
    assert!(
        unread[1]["message"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
    // The server carries on.
    c.change(&uri, 2, range(text, 0, 0, false), "");
    assert_eq!(c.diagnostics(&uri, 2).len(), 2);
    assert!(c.shutdown().success());
}
