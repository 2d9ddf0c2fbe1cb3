//! A draft's language: from its front matter, the house style, the editor's
//! setting, or its words; and where the output says which was used.

mod common;
#[path = "common/scratch.rs"]
mod scratch;

use std::process::Command;

use common::lsp_client::*;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

const GERMAN: &str = "Die Bürgermeisterin sagte am Montag, der Rat werde über den Plan abstimmen. „Wir sind bereit“, sagte sie.\n";
const ENGLISH: &str =
    "The mayor said on Monday that the council would vote on the plan. “We are ready,” she said.\n";

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run copydesk");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn each_way_of_setting_the_language_and_where_output_says_it() {
    let s = scratch::Scratch::new("languages");
    s.write("de.md", GERMAN);
    s.write("en.md", ENGLISH);
    s.write("front.md", format!("---\nlang: fr\n---\n\n{ENGLISH}"));
    s.write("house/story.md", ENGLISH);
    s.write("house/copydesk.toml", "language = \"de\"\n");

    // Told from the words, set in the front matter (over the words), set by the
    // house style.
    let sheet = run(s.path(), &["speakers", "de.md"]);
    assert!(
        sheet.starts_with("Language: German (detected)\n"),
        "{sheet}"
    );
    let sheet = run(s.path(), &["speakers", "en.md"]);
    assert!(
        sheet.starts_with("Language: English (detected)\n"),
        "{sheet}"
    );
    let sheet = run(s.path(), &["speakers", "front.md"]);
    assert!(
        sheet.starts_with("Language: French (set in the front matter)\n"),
        "{sheet}"
    );
    let sheet = run(s.path(), &["speakers", "house/story.md"]);
    assert!(
        sheet.starts_with("Language: German (set in copydesk.toml)\n"),
        "{sheet}"
    );

    // The quote sheet's JSON and the check's JSON carry it per file.
    let doc: Value = serde_json::from_str(&run(
        s.path(),
        &["speakers", "--format", "json", "front.md"],
    ))
    .unwrap();
    assert_eq!(
        (doc["language"].as_str(), doc["language_origin"].as_str()),
        (Some("fr"), Some("front-matter"))
    );
    let doc: Value = serde_json::from_str(&run(
        s.path(),
        &["check", "--format", "json", "de.md", "en.md"],
    ))
    .unwrap();
    let langs: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["language"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["de", "en"]);
}

#[test]
fn the_editor_s_setting_and_the_hover() {
    let s = scratch::Scratch::new("languages-lsp");
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0, "draftLanguage": "de"});
    c.initialize(
        capabilities(false, false),
        json!({"workspaceFolders": [{"uri": file_uri(s.path()), "name": "languages"}]}),
    );
    let uri = file_uri(&s.path().join("story.md"));
    c.open(&uri, "markdown", 1, ENGLISH);
    c.diagnostics(&uri, 1);
    let at = ENGLISH.find("We are").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(ENGLISH, at, false)}),
        )
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.ends_with("Read as German (set in the editor)"),
        "{card}"
    );
    // The front matter wins over the editor.
    let text = format!("---\nlang: en\n---\n\n{ENGLISH}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    c.diagnostics(&uri, 2);
    let at = text.find("We are").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(&text, at, false)}),
        )
        .unwrap();
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.ends_with("Read as English (set in the front matter)"),
        "{card}"
    );
    assert!(c.shutdown().success());
}
