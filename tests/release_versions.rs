//! The version is set once, in Cargo.toml. Every other file a release is built
//! from either reads it from there (the Python package through maturin, the
//! pre-commit hook's setup.py) or must carry the same one: these tests fail,
//! naming the file, when a release bumps Cargo.toml and forgets one.

use std::path::Path;

use serde_json::Value;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json(rel: &str) -> Value {
    serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_vscode_extension_has_the_crate_version() {
    let manifest = json("editors/vscode/package.json");
    assert_eq!(
        manifest["version"], VERSION,
        "editors/vscode/package.json: set \"version\" to Cargo.toml's {VERSION}"
    );
    let lock = json("editors/vscode/package-lock.json");
    assert_eq!(
        lock["version"], VERSION,
        "editors/vscode/package-lock.json: run npm install in editors/vscode after changing the version"
    );
    assert_eq!(lock["packages"][""]["version"], VERSION);
}

#[test]
fn the_python_package_reads_its_version_from_cargo_toml() {
    let pyproject: toml::Table = read("packaging/pypi/pyproject.toml")
        .parse()
        .expect("pyproject.toml is TOML");
    let project = pyproject["project"].as_table().expect("[project]");
    assert!(
        !project.contains_key("version"),
        "packaging/pypi/pyproject.toml must not set a version of its own"
    );
    let dynamic: Vec<&str> = project["dynamic"]
        .as_array()
        .expect("dynamic is a list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(dynamic.contains(&"version"), "{dynamic:?}");
    let maturin = pyproject["tool"]["maturin"]
        .as_table()
        .expect("[tool.maturin]");
    assert_eq!(maturin["bindings"].as_str(), Some("bin"));
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("packaging/pypi")
        .join(maturin["manifest-path"].as_str().expect("manifest-path"));
    assert_eq!(
        manifest.canonicalize().expect("manifest-path exists"),
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("Cargo.toml")
            .canonicalize()
            .unwrap(),
        "maturin builds this crate"
    );
}

#[test]
fn the_mason_package_and_the_pinned_examples_name_the_crate_version() {
    for (file, wanted) in [
        (
            "editors/nvim/mason/package.yaml",
            format!("id: pkg:pypi/copydesk@{VERSION}\n"),
        ),
        (
            "examples/ci/github-actions.yml",
            format!("copydesk=={VERSION}"),
        ),
        ("docs/install.md", format!("rev: v{VERSION}\n")),
    ] {
        assert!(
            read(file).contains(&wanted),
            "{file}: should name version {VERSION} ({wanted:?})"
        );
    }
}
