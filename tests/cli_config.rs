//! `copydesk.toml` through the real binary: found from the draft's folder upwards,
//! overridden with `--config`, and never half-read.

use std::path::Path;
use std::process::{Command, Output};

#[path = "common/scratch.rs"]
mod scratch;
use scratch::Scratch as Dir;

fn copydesk(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

fn rules(doc: &serde_json::Value) -> Vec<String> {
    doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["findings"].as_array().unwrap().iter())
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

const DRAFT: &str = "Ukrainian President Volodymyr Zelenskyy spoke on Monday.\n\n“We are ready,” Zelenskyy said.\n\nThe meeting ended at noon.\n\n“Nobody will stop us.”\n";

const HOUSE: &str = "[[people]]\nname = \"Volodymyr Zelensky\"\ntitle = \"President of Ukraine\"\nvariants = [\"Zelenskyy\"]\n\n[rules]\nunattributed-quote = \"error\"\n";

#[test]
fn the_nearest_config_above_the_draft_applies() {
    let d = Dir::new("discover");
    d.write("copydesk.toml", HOUSE);
    d.write("desk/world/story.txt", DRAFT);
    let o = copydesk(
        &["check", "--format", "json", "desk/world/story.txt"],
        d.path(),
    );
    let doc = json(&o);
    let found = rules(&doc);
    assert_eq!(
        found.iter().filter(|r| *r == "name-spelling").count(),
        2,
        "{doc:#}"
    );
    let unattributed = doc["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "unattributed-quote")
        .unwrap();
    assert_eq!(unattributed["severity"], "error");
    // A config nearer the draft wins over the one above it.
    d.write(
        "desk/world/copydesk.toml",
        "[rules]\nunattributed-quote = \"off\"\n",
    );
    let doc = json(&copydesk(
        &["check", "--format", "json", "desk/world/story.txt"],
        d.path(),
    ));
    assert_eq!(rules(&doc), Vec::<String>::new(), "{doc:#}");
}

#[test]
fn an_explicit_config_overrides_discovery() {
    let d = Dir::new("explicit");
    d.write("copydesk.toml", "[rules]\nunattributed-quote = \"off\"\n");
    d.write("story.txt", DRAFT);
    let house = d.write("house/style.toml", HOUSE);
    let o = copydesk(
        &[
            "check",
            "--format",
            "json",
            "--config",
            house.to_str().unwrap(),
            "story.txt",
        ],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let found = rules(&json(&o));
    assert!(
        found.contains(&"unattributed-quote".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"name-spelling".to_string()), "{found:?}");
    // speakers takes it too: the person is spelled the house way, with its title.
    let o = copydesk(
        &[
            "speakers",
            "--format",
            "json",
            "--config",
            house.to_str().unwrap(),
            "story.txt",
        ],
        d.path(),
    );
    let doc = json(&o);
    assert_eq!(doc["people"][0]["name"], "Volodymyr Zelensky");
    let titles: Vec<&str> = doc["people"][0]["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(titles.contains(&"President of Ukraine"), "{titles:?}");
    assert_eq!(doc["people"][0]["spellings"]["Zelenskyy"], 1);
}

#[test]
fn a_broken_config_is_an_error_with_its_place_and_nothing_is_checked() {
    let d = Dir::new("broken");
    d.write("story.txt", DRAFT);
    let cases = [
        ("[[people]]\nnme = \"Volodymyr Zelensky\"\n", ":2:1:", "nme"),
        ("[rules]\nunattributed-quote = 3\n", ":2:", "string"),
        (
            "[rules]\nunatributed-quote = \"error\"\n",
            ":2:1:",
            "unknown rule",
        ),
        ("[rules]\nfirst-reference = \"loud\"\n", ":2:19:", "loud"),
        ("[[people]]\nname = \"Zelensky\"\n", ":2:8:", "full name"),
    ];
    for (config, place, word) in cases {
        d.write("copydesk.toml", config);
        let o = copydesk(&["check", "story.txt"], d.path());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{config}: {stderr}");
        assert!(
            stderr.contains(&format!("copydesk.toml{place}")),
            "{config}: {stderr}"
        );
        assert!(stderr.contains(word), "{config}: {stderr}");
        assert!(
            !String::from_utf8_lossy(&o.stdout).contains("warning["),
            "checked with a broken config"
        );
    }
    // With --config, a broken file stops the run before anything is read.
    let bad = d.write("bad.toml", "[rules\n");
    let o = copydesk(
        &["check", "--config", bad.to_str().unwrap(), "story.txt"],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.toml:1:"));
    assert!(o.stdout.is_empty());
}

#[test]
fn json_people_carry_titles_and_spellings() {
    let d = Dir::new("people_json");
    let text = "Russian President Vladimir Putin spoke. “We are ready,” Putin said. Poutin added nothing.\n";
    d.write("story.txt", text);
    let doc = json(&copydesk(
        &["speakers", "--format", "json", "story.txt"],
        d.path(),
    ));
    let putin = &doc["people"][0];
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["titles"][0], "Russian President");
    assert_eq!(putin["spellings"]["Vladimir Putin"], 1);
    assert_eq!(putin["spellings"]["Putin"], 1);
    assert_eq!(putin["spellings"]["Poutin"], 1);
    assert_eq!(putin["mentions"].as_array().unwrap().len(), 3);
}
