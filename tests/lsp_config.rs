//! House style and editor settings in the language server: `copydesk.toml` per
//! workspace folder, reloaded when it changes, a broken one reported with its
//! file:line:col while the last good one stays; settings from the editor.

mod common;
#[path = "common/scratch.rs"]
mod scratch;

use std::path::Path;

use common::lsp_client::*;
use serde_json::{Value, json};

const DRAFT: &str = "Councillor Dev Sharma said the plan was “a number somebody made up on a napkin.”\n\nThe hall was full. “We will not let this become another decade of delays.” Residents cheered.\n\nVolodymyr Zelensky spoke later. “We are ready,” Zelenskyy said.\n";

fn start(folders: &[&Path], settings: Value) -> Client {
    let mut c = Client::start(&[]);
    c.settings = settings;
    let folders: Vec<Value> = folders
        .iter()
        .map(|f| json!({"uri": file_uri(f), "name": f.file_name().unwrap().to_str().unwrap()}))
        .collect();
    c.initialize(
        capabilities(false, false),
        json!({"workspaceFolders": folders}),
    );
    c
}

/// Severity of `rule` in a diagnostics list, if it is there.
fn severity(diags: &[Value], rule: &str) -> Option<i64> {
    diags
        .iter()
        .find(|d| d["code"] == rule)
        .and_then(|d| d["severity"].as_i64())
}

/// Waits for a publication of `uri` whose `rule` has `expected` severity.
fn wait_severity(c: &mut Client, uri: &str, rule: &str, expected: Option<i64>) {
    let found = c.wait_for("textDocument/publishDiagnostics", WAIT, |p| {
        p["uri"] == uri && severity(p["diagnostics"].as_array().unwrap(), rule) == expected
    });
    assert!(
        found.is_some(),
        "{rule} never became {expected:?}; inbox: {:?}",
        c.inbox
    );
}

#[test]
fn config_is_reloaded_and_a_broken_one_keeps_the_last_good() {
    let scratch = scratch::Scratch::new("reload");
    let dir = scratch.path().to_path_buf();
    let toml = scratch.write("copydesk.toml", "[rules]\nunattributed-quote = \"off\"\n");
    let mut c = start(&[&dir], json!({"debounceMs": 0}));
    let uri = file_uri(&dir.join("story.md"));
    c.open(&uri, "markdown", 1, DRAFT);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(severity(&diags, "unattributed-quote"), None);
    assert_eq!(severity(&diags, "name-spelling"), Some(2));

    std::fs::write(&toml, "[rules]\nunattributed-quote = \"error\"\n").unwrap();
    let changed = json!({"changes": [{"uri": file_uri(&toml), "type": 2}]});
    c.notify("workspace/didChangeWatchedFiles", changed.clone());
    wait_severity(&mut c, &uri, "unattributed-quote", Some(1));

    std::fs::write(&toml, "[rules]\nunattributed-quote = \"loud\"\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed);
    let shown = c
        .wait_for("window/showMessage", WAIT, |_| true)
        .expect("a broken config is shown");
    assert_eq!(shown["type"], 1);
    let message = shown["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("{}:2:22:", toml.display())),
        "{message}"
    );
    // Re-analysed under the last good config: still an error.
    c.change(&uri, 2, range(DRAFT, 0, 0, false), "");
    assert_eq!(
        severity(&c.diagnostics(&uri, 2), "unattributed-quote"),
        Some(1)
    );

    // Deleted: back to the defaults.
    std::fs::remove_file(&toml).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&toml), "type": 3}]}),
    );
    wait_severity(&mut c, &uri, "unattributed-quote", Some(2));
    assert!(c.shutdown().success());
}

#[test]
fn a_broken_config_at_open_is_shown_once() {
    let scratch = scratch::Scratch::new("broken");
    let dir = scratch.path().to_path_buf();
    std::fs::write(
        dir.join("copydesk.toml"),
        "[[people]]\nnme = \"Dev Sharma\"\n",
    )
    .unwrap();
    let mut c = start(&[&dir], json!({"debounceMs": 0}));
    let uri = file_uri(&dir.join("story.md"));
    c.open(&uri, "markdown", 1, DRAFT);
    c.open(&file_uri(&dir.join("other.md")), "markdown", 1, DRAFT);
    let shown = c.wait_for("window/showMessage", WAIT, |_| true).unwrap();
    let message = shown["message"].as_str().unwrap();
    assert!(
        message.contains("copydesk.toml:2:1:") && message.contains("nme"),
        "{message}"
    );
    c.diagnostics(&uri, 1);
    c.drain(std::time::Duration::from_millis(200));
    assert!(!c.inbox.iter().any(|m| m["method"] == "window/showMessage"));
    assert!(c.shutdown().success());
}

#[test]
fn each_workspace_folder_has_its_own_config() {
    let scratch = scratch::Scratch::new("multiroot");
    let root = scratch.path().to_path_buf();
    let (a, b) = (root.join("a"), root.join("b"));
    scratch.write("a/copydesk.toml", "[rules]\nname-spelling = \"off\"\n");
    std::fs::create_dir_all(&b).unwrap();
    scratch.write("copydesk.toml", "[rules]\nname-spelling = \"error\"\n");
    let mut c = start(&[&a, &b], json!({"debounceMs": 0}));
    let (ua, ub) = (file_uri(&a.join("story.md")), file_uri(&b.join("story.md")));
    c.open(&ua, "markdown", 1, DRAFT);
    c.open(&ub, "markdown", 1, DRAFT);
    assert_eq!(severity(&c.diagnostics(&ua, 1), "name-spelling"), None);
    // b has no config and does not borrow the one above the folder.
    assert_eq!(severity(&c.diagnostics(&ub, 1), "name-spelling"), Some(2));
    assert!(c.shutdown().success());
}

#[test]
fn editor_settings_set_rules_languages_and_win_over_the_file() {
    let scratch = scratch::Scratch::new("settings");
    let dir = scratch.path().to_path_buf();
    std::fs::write(
        dir.join("copydesk.toml"),
        "[rules]\nname-spelling = \"error\"\n",
    )
    .unwrap();
    let mut c = start(
        &[&dir],
        json!({"debounceMs": 0, "rules": {"name-spelling": "off"}, "languages": ["markdown"]}),
    );
    let uri = file_uri(&dir.join("story.md"));
    let txt = file_uri(&dir.join("story.txt"));
    c.open(&txt, "plaintext", 1, DRAFT);
    c.open(&uri, "markdown", 1, DRAFT);
    let diags = c.diagnostics(&uri, 1);
    assert_eq!(severity(&diags, "name-spelling"), None);
    assert_eq!(severity(&diags, "unattributed-quote"), Some(2));

    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"debounceMs": 0, "rules": {"name-spelling": "hint"}, "enabledRules": ["name-spelling"]}}}),
    );
    let p = c
        .wait_for("textDocument/publishDiagnostics", WAIT, |p| {
            p["uri"] == uri
                && severity(p["diagnostics"].as_array().unwrap(), "name-spelling") == Some(4)
        })
        .expect("settings applied");
    assert_eq!(
        severity(p["diagnostics"].as_array().unwrap(), "unattributed-quote"),
        None
    );
    // plaintext is back on the default list now.
    c.wait_for("textDocument/publishDiagnostics", WAIT, |p| p["uri"] == txt)
        .expect("plain text checked once languages are back to the default");
    assert!(c.shutdown().success());
}
