//! The labelled evaluation drafts in `tests/eval/drafts`, for every test that
//! reads them.

use std::path::{Path, PathBuf};

/// Every evaluation draft (`.md` and `.txt`), in file-name order.
pub fn drafts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/drafts");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/eval/drafts exists")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("md" | "txt")))
        .collect();
    v.sort();
    v
}
