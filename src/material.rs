//! Which sources a draft declares, and reading them once.
//!
//! A draft names its material in front matter (`sources: [notes/hale.vtt]`,
//! relative to the draft's folder), `copydesk.toml` maps drafts to material
//! (`[sources]`, relative to the config's folder), and `copydesk check
//! --sources DIR` adds material for every draft. A name may be a file, a folder
//! (every `.vtt`, `.srt`, `.txt`, `.md` and `.markdown` file under it) or a
//! pattern (`notes/**/*.vtt`). The analysis sees only names and texts: reading
//! files is here, for the command line and the language server alike.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobMatcher};

use crate::analysis::material::{Material, Source, Unreadable};
use crate::config::Config;
use crate::text::{Format, front_matter};

/// The file endings a folder of material is searched for.
pub const EXTENSIONS: &[&str] = &["vtt", "srt", "txt", "md", "markdown"];

/// The largest source read: ten hours of transcript is about one megabyte.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// Everything a draft at `draft` (if it is a file) declares as its material:
/// its front matter's, its config's, and `extra` (the command line's).
pub fn declared(
    draft: Option<&Path>,
    text: &str,
    format: Format,
    config: &Config,
    extra: &[PathBuf],
) -> Vec<PathBuf> {
    let draft_dir = draft.and_then(Path::parent).unwrap_or(Path::new(""));
    let mut out: Vec<PathBuf> = front_matter::list(text, format, "sources")
        .iter()
        .map(|name| draft_dir.join(name))
        .collect();
    if let (Some(draft), Some(config_file)) = (draft, &config.path) {
        let base = config_file.parent().unwrap_or(Path::new(""));
        let relative = draft.strip_prefix(base).unwrap_or(draft);
        for map in &config.sources {
            if map.drafts.is_match(relative) {
                out.extend(map.material.iter().map(|m| base.join(m)));
            }
        }
    }
    out.extend(extra.iter().cloned());
    out.dedup();
    out
}

/// Sources read once and kept, so many drafts (or many keystrokes) citing one
/// transcript share one reading of it.
#[derive(Debug, Default)]
pub struct Library {
    /// Folders a source's name is shown relative to (the editor's workspace
    /// folders); a source outside them is shown by its path.
    bases: Mutex<Vec<PathBuf>>,
    read: Mutex<HashMap<PathBuf, Result<Arc<Source>, String>>>,
    /// The files each declared folder or pattern stood for.
    expanded: Mutex<HashMap<PathBuf, Result<Vec<PathBuf>, String>>>,
}

impl Library {
    /// The material behind `declared`: each name a file, a folder or a pattern.
    pub fn material(&self, declared: &[PathBuf]) -> Material {
        let mut material = Material::default();
        let mut seen = Vec::new();
        for name in declared {
            let expanded = lock(&self.expanded)
                .entry(name.clone())
                .or_insert_with(|| expand(name))
                .clone();
            let files = match expanded {
                Ok(files) => files,
                Err(why) => {
                    material.unreadable.push(Unreadable {
                        file: shown(name),
                        why,
                    });
                    continue;
                }
            };
            for file in files {
                if seen.contains(&file) {
                    continue;
                }
                match self.source(&file) {
                    Ok(s) => material.sources.push(s),
                    Err(why) => material.unreadable.push(Unreadable {
                        file: shown(&file),
                        why,
                    }),
                }
                seen.push(file);
            }
        }
        material
    }

    fn source(&self, file: &Path) -> Result<Arc<Source>, String> {
        let name = self.name_of(file);
        lock(&self.read)
            .entry(file.to_path_buf())
            .or_insert_with(|| read_source(file, name).map(Arc::new))
            .clone()
    }

    /// Shows sources relative to these folders from now on.
    pub fn show_relative_to(&self, folders: Vec<PathBuf>) {
        *lock(&self.bases) = folders;
        lock(&self.read).clear();
    }

    /// A source's name for output: relative to the innermost folder holding
    /// it, else as given.
    fn name_of(&self, file: &Path) -> String {
        let bases = lock(&self.bases);
        let relative = bases
            .iter()
            .filter_map(|b| file.strip_prefix(b).ok())
            .min_by_key(|r| r.components().count());
        shown(relative.unwrap_or(file))
    }

    /// Forgets a file that changed on disk (and which files folders and
    /// patterns stand for, as one may have appeared or gone); whether the file
    /// was one read here.
    pub fn forget(&self, file: &Path) -> bool {
        lock(&self.expanded).clear();
        lock(&self.read).remove(file).is_some()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn shown(path: &Path) -> String {
    let s = path.display().to_string();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn read_source(file: &Path, name: String) -> Result<Source, String> {
    let size = std::fs::metadata(file).map_err(io_why)?.len();
    if size > MAX_SOURCE_BYTES {
        return Err(format!(
            "it is {size} bytes, over the limit of {MAX_SOURCE_BYTES}"
        ));
    }
    let bytes = std::fs::read(file).map_err(io_why)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut source = Source::parse(name, text);
    source.path = file.display().to_string();
    Ok(source)
}

/// An error reading a file, as a reader says it: "no such file or directory".
fn io_why(e: std::io::Error) -> String {
    let s = e.to_string();
    let s = s.split(" (os error").next().unwrap_or(&s);
    s.to_lowercase()
}

/// The files a declared name stands for.
fn expand(name: &Path) -> Result<Vec<PathBuf>, String> {
    let pattern = name.to_string_lossy();
    if !pattern.contains(['*', '?', '[', '{']) {
        if !name.is_dir() {
            return Ok(vec![name.to_path_buf()]);
        }
        let files = walk(name, None);
        return match files.is_empty() {
            true => Err("the folder holds no .vtt, .srt, .txt or .md file".into()),
            false => Ok(files),
        };
    }
    let matcher: GlobMatcher = Glob::new(&pattern)
        .map_err(|e| format!("not a file pattern: {}", e.kind()))?
        .compile_matcher();
    // Walk from the deepest folder with no pattern character in it.
    let base: PathBuf = name
        .components()
        .take_while(|c| {
            !c.as_os_str()
                .to_string_lossy()
                .contains(['*', '?', '[', '{'])
        })
        .collect();
    let files = walk(&base, Some(&matcher));
    match files.is_empty() {
        true => Err("no file matches it".into()),
        false => Ok(files),
    }
}

fn walk(dir: &Path, matcher: Option<&GlobMatcher>) -> Vec<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut files: Vec<PathBuf> = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .map(|p| p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p))
        .filter(|p| matcher.is_none_or(|m| m.is_match(p)))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_patterns_and_missing_files() {
        let root = std::env::temp_dir().join(format!("copydesk-material-{}", std::process::id()));
        std::fs::create_dir_all(root.join("notes/deep")).unwrap();
        std::fs::write(root.join("notes/a.vtt"), "WEBVTT\n").unwrap();
        std::fs::write(root.join("notes/deep/b.txt"), "Words.").unwrap();
        std::fs::write(root.join("notes/c.pdf"), "x").unwrap();
        std::fs::write(root.join("notes/bad.txt"), [0xff, 0xfe]).unwrap();
        let lib = Library::default();
        let m = lib.material(&[root.join("notes")]);
        assert_eq!(m.sources.len(), 2, "{m:?}");
        assert_eq!(m.unreadable.len(), 1);
        assert!(m.unreadable[0].why.contains("UTF-8"));
        let m = lib.material(&[root.join("notes/**/*.txt"), root.join("gone.vtt")]);
        assert_eq!(m.sources.len(), 1);
        assert!(m.sources[0].name.ends_with("b.txt"));
        assert!(m.unreadable.iter().any(|u| u.file.ends_with("gone.vtt")));
        assert!(lib.forget(&root.join("notes/a.vtt")));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
