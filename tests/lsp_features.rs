//! Hovers, quick fixes, outline, references, highlights, rename and inlay hints,
//! through the real server over a pipe, with each edit applied to the text.

mod common;
#[path = "common/scratch.rs"]
mod scratch;

use common::lsp_client::*;
use serde_json::{Value, json};

const DRAFT: &str = "# Bridge vote\n\nCouncillor Dev Sharma said the plan was “a number somebody made up on a napkin.”\n\n“We will not give up,” he added. Sharma’s office later confirmed the vote.\n\nThe crowd 😀 chanted outside. “We will not let this become another decade of delays.” Residents cheered.\n\nVolodymyr Zelensky spoke later. “We are ready,” Zelenskyy said.\n";

/// A server with `DRAFT` open as `story.md` in a workspace folder of its own.
fn open(name: &str, utf8: bool) -> (Client, String, scratch::Scratch) {
    let scratch = scratch::Scratch::new(name);
    let dir = scratch.path().to_path_buf();
    let mut c = Client::start(&[]);
    c.settings = json!({"debounceMs": 0});
    c.initialize(
        capabilities(utf8, false),
        json!({"workspaceFolders": [{"uri": file_uri(&dir), "name": name}]}),
    );
    let uri = file_uri(&dir.join("story.md"));
    c.open(&uri, "markdown", 1, DRAFT);
    assert_eq!(c.diagnostics(&uri, 1).len(), 2);
    (c, uri, scratch)
}

fn at(uri: &str, text: &str, needle: &str, utf8: bool) -> Value {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    json!({"textDocument": {"uri": uri}, "position": position(text, offset, utf8)})
}

fn hover_text(c: &mut Client, uri: &str, needle: &str) -> (String, Value) {
    let h = c
        .request("textDocument/hover", at(uri, DRAFT, needle, false))
        .unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    (
        h["contents"]["value"].as_str().unwrap().to_string(),
        h["range"].clone(),
    )
}

#[test]
fn hovers_show_the_speaker_card_and_the_person() {
    let (mut c, uri, _scratch) = open("hover", false);
    let (card, range) = hover_text(&mut c, &uri, "We will not give up");
    assert_eq!(covered(DRAFT, &range, false), "“We will not give up,”");
    assert!(card.starts_with("**Dev Sharma** · Councillor"), "{card}");
    assert!(
        card.contains("Attributed by “he added” (line 5) → Dev Sharma"),
        "{card}"
    );
    assert!(
        card.contains("- “a number somebody made up on…” — line 3"),
        "{card}"
    );

    let (card, _) = hover_text(&mut c, &uri, "We will not let");
    assert!(card.starts_with("**Unattributed quotation**"), "{card}");
    assert!(
        card.contains("Last person named before it: Dev Sharma (line 5)"),
        "{card}"
    );

    let (card, range) = hover_text(&mut c, &uri, "Zelenskyy");
    assert_eq!(covered(DRAFT, &range, false), "Zelenskyy");
    assert!(card.starts_with("**Volodymyr Zelensky**"), "{card}");
    assert!(
        card.contains("Spellings: Volodymyr Zelensky (1), Zelenskyy (1)"),
        "{card}"
    );
    assert!(card.contains("Mentions: 2"), "{card}");
    assert!(card.contains("- “We are ready,” — line 9"), "{card}");

    let nothing = c
        .request("textDocument/hover", at(&uri, DRAFT, "Bridge", false))
        .unwrap();
    assert!(nothing.is_null());
    assert!(c.shutdown().success());
}

fn actions(c: &mut Client, uri: &str, needle: &str) -> Vec<Value> {
    let start = DRAFT.find(needle).unwrap();
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(DRAFT, start, start + needle.len(), false), "context": {"diagnostics": []}}),
        )
        .unwrap();
    r.as_array().unwrap().clone()
}

fn titled<'a>(list: &'a [Value], prefix: &str) -> &'a Value {
    list.iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no action {prefix}: {list:?}"))
}

/// Sends the new text as a full change and returns its diagnostics.
fn recheck(c: &mut Client, uri: &str, version: i64, text: &str) -> Vec<Value> {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    );
    // Whole-text changes still tell the cursor; move it away from the edit.
    c.change(uri, version + 1, range(text, 0, 0, false), "");
    c.diagnostics(uri, version + 1)
}

#[test]
fn quick_fixes_edit_the_text_and_the_findings_go() {
    let (mut c, uri, _scratch) = open("fixes", false);
    let list = actions(&mut c, &uri, "Zelenskyy");
    let fix = titled(&list, "Change to “Zelensky”");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "name-spelling");
    let fixed = apply_edits(
        DRAFT,
        fix["edit"]["changes"][&uri].as_array().unwrap(),
        false,
    );
    assert!(fixed.contains("“We are ready,” Zelensky said."));
    assert!(
        recheck(&mut c, &uri, 2, &fixed)
            .iter()
            .all(|d| d["code"] != "name-spelling")
    );
    recheck(&mut c, &uri, 4, DRAFT);

    let list = actions(&mut c, &uri, "We will not let");
    let placeholder = titled(&list, "Add an attribution");
    let with = apply_edits(
        DRAFT,
        placeholder["edit"]["changes"][&uri].as_array().unwrap(),
        false,
    );
    assert!(
        with.contains(
            "“We will not let this become another decade of delays,” [who] said. Residents cheered."
        ),
        "{with}"
    );

    let ignore = titled(&list, "Mark as intentionally unattributed");
    let edits = ignore["edit"]["changes"][&uri].as_array().unwrap();
    let marked = apply_edits(DRAFT, edits, false);
    assert!(
        marked.contains("\n\n<!-- copydesk-ignore unattributed-quote -->\nThe crowd 😀 chanted"),
        "{marked}"
    );
    let diags = recheck(&mut c, &uri, 6, &marked);
    assert!(
        diags.iter().all(|d| d["code"] != "unattributed-quote"),
        "{diags:?}"
    );
    // The same comment silences `copydesk check`.
    let analysis = copydesk::analyze(&marked, &copydesk::Options::new(copydesk::Format::Markdown));
    assert!(
        analysis
            .findings
            .iter()
            .all(|f| f.rule != "unattributed-quote")
    );
    assert!(c.shutdown().success());
}

#[test]
fn house_list_action_creates_then_extends_copydesk_toml() {
    let (mut c, uri, scratch) = open("house", false);
    let dir = scratch.path();
    let toml_uri = file_uri(&dir.join("copydesk.toml"));
    let list = actions(&mut c, &uri, "Zelenskyy");
    let add = titled(&list, "Add “Volodymyr Zelensky” to the house list");
    let ops = add["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    assert_eq!(ops[0]["uri"], toml_uri);
    let created = apply_edits("", ops[1]["edits"].as_array().unwrap(), false);
    let config = copydesk::config::parse(&created, std::path::Path::new("copydesk.toml")).unwrap();
    assert_eq!(config.people[0].name, "Volodymyr Zelensky");
    assert_eq!(config.people[0].variants, vec!["Zelenskyy".to_string()]);
    assert!(
        !dir.join("copydesk.toml").exists(),
        "the server writes no file"
    );

    // With a config already there, the entry is appended to it.
    let existing = "[rules]\nfirst-reference = \"off\"";
    scratch.write("copydesk.toml", existing);
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml_uri, "type": 1}]}),
    );
    c.diagnostics(&uri, 1);
    let list = actions(&mut c, &uri, "Zelenskyy");
    let add = titled(&list, "Add “Volodymyr Zelensky” to the house list");
    let edited = apply_edits(
        existing,
        add["edit"]["changes"][&toml_uri].as_array().unwrap(),
        false,
    );
    let config = copydesk::config::parse(&edited, std::path::Path::new("copydesk.toml")).unwrap();
    assert_eq!(config.rules["first-reference"], None);
    assert_eq!(config.people[0].name, "Volodymyr Zelensky");
    assert!(c.shutdown().success());
}

#[test]
fn outline_lists_people_with_their_quotations() {
    let (mut c, uri, _scratch) = open("symbols", false);
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    let symbols = symbols.as_array().unwrap();
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Dev Sharma",
            "Volodymyr Zelensky",
            "Unattributed quotations"
        ]
    );
    assert_eq!(symbols[0]["detail"], "Councillor");
    assert_eq!(
        covered(DRAFT, &symbols[0]["selectionRange"], false),
        "Dev Sharma"
    );
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        children,
        ["“a number somebody made up on…”", "“We will not give up,”"]
    );
    let un = &symbols[2]["children"][0];
    assert_eq!(
        covered(DRAFT, &un["range"], false),
        "“We will not let this become another decade of delays.”"
    );
    assert!(c.shutdown().success());
}

#[test]
fn references_highlights_and_rename_in_both_encodings() {
    for utf8 in [false, true] {
        let (mut c, uri, _scratch) = open(if utf8 { "rename8" } else { "rename16" }, utf8);
        let mut params = at(&uri, DRAFT, "Sharma’s", utf8);
        params["context"] = json!({"includeDeclaration": true});
        let refs = c
            .request("textDocument/references", params.clone())
            .unwrap();
        let texts = covered_all(DRAFT, &refs, utf8);
        assert_eq!(texts, ["Dev Sharma", "Sharma"]);
        params["context"] = json!({"includeDeclaration": false});
        let refs = c.request("textDocument/references", params).unwrap();
        assert_eq!(refs.as_array().unwrap().len(), 1);

        let zel = at(&uri, DRAFT, "Zelenskyy", utf8);
        let hl = c
            .request("textDocument/documentHighlight", zel.clone())
            .unwrap();
        let texts = covered_all(DRAFT, &hl, utf8);
        assert_eq!(texts, ["Volodymyr Zelensky", "Zelenskyy"]);

        let prep = c
            .request(
                "textDocument/prepareRename",
                at(&uri, DRAFT, "Sharma’s", utf8),
            )
            .unwrap();
        assert_eq!(covered(DRAFT, &prep["range"], utf8), "Sharma");
        assert_eq!(prep["placeholder"], "Dev Sharma");
        let mut params = at(&uri, DRAFT, "Sharma’s", utf8);
        params["newName"] = json!("Devi Sharpe");
        let edit = c.request("textDocument/rename", params).unwrap();
        let renamed = apply_edits(DRAFT, edit["changes"][&uri].as_array().unwrap(), utf8);
        assert_eq!(
            renamed,
            DRAFT
                .replace("Dev Sharma", "Devi Sharpe")
                .replace("Sharma’s", "Sharpe’s")
        );

        // Every spelling of Zelensky becomes the new one.
        let mut params = zel;
        params["newName"] = json!("Volodymyr Zelenskyj");
        let edit = c.request("textDocument/rename", params.clone()).unwrap();
        let renamed = apply_edits(DRAFT, edit["changes"][&uri].as_array().unwrap(), utf8);
        assert_eq!(
            renamed,
            DRAFT
                .replace("Zelenskyy", "Zelenskyj")
                .replace("Zelensky ", "Zelenskyj ")
        );
        params["newName"] = json!("“");
        assert!(c.request("textDocument/rename", params).is_err());
        assert!(c.shutdown().success());
    }
}

#[test]
fn inlay_hints_name_the_speaker_of_a_pronoun() {
    let (mut c, uri, _scratch) = open("inlay", false);
    let whole = range(DRAFT, 0, DRAFT.len(), false);
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": whole}),
        )
        .unwrap();
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 1, "{hints:?}");
    let he = DRAFT.find("he added").unwrap();
    assert_eq!(hints[0]["position"], position(DRAFT, he + 2, false));
    assert_eq!(hints[0]["label"], "(Sharma)");
    assert!(hints[0]["tooltip"].as_str().unwrap().contains("Dev Sharma"));

    // A quotation whose speaker is named in another sentence: the speaker of the
    // paragraph before carries on.
    let text = "Volodymyr Zelensky spoke on Monday. “We are ready,” Zelensky said.\n\n“The talks start on Monday.”\n";
    let uri2 = uri.replace("story.md", "second.md");
    c.open(&uri2, "markdown", 1, text);
    c.diagnostics(&uri2, 1);
    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri2}, "range": range(text, 0, text.len(), false)}),
        )
        .unwrap();
    let quote_end = text.find("Monday.”").unwrap() + "Monday.”".len();
    let after: Vec<&Value> = hints
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["position"] == position(text, quote_end, false))
        .collect();
    assert_eq!(after.len(), 1, "{hints:?}");
    assert_eq!(after[0]["label"], "(Zelensky)");
    assert!(c.shutdown().success());
}
