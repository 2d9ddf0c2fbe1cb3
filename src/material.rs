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
use crate::text::Format;

/// The file endings a folder of material is searched for.
pub const EXTENSIONS: &[&str] = &["vtt", "srt", "txt", "md", "markdown"];

/// The largest source read: ten hours of transcript is about one megabyte.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// The names a draft's front matter gives under `sources:` (YAML, as a
/// flow list or a block list, or TOML between `+++` lines).
pub fn front_matter_sources(text: &str, format: Format) -> Vec<String> {
    if format != Format::Markdown {
        return Vec::new();
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let fence = match lines.next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return Vec::new(),
    };
    let block: Vec<&str> = lines.take_while(|l| l.trim_end() != fence).collect();
    if fence == "+++" {
        #[derive(serde::Deserialize)]
        struct Front {
            #[serde(default)]
            sources: Vec<String>,
        }
        return toml::from_str::<Front>(&block.join("\n"))
            .map(|f| f.sources)
            .unwrap_or_default();
    }
    let mut out = Vec::new();
    let mut in_list = false;
    for line in block {
        if let Some(value) = line.strip_prefix("sources:") {
            let value = value.trim();
            in_list = value.is_empty();
            if let Some(flow) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                out.extend(flow.split(',').map(unquote).filter(|s| !s.is_empty()));
            } else if !value.is_empty() {
                out.push(unquote(value));
            }
        } else if in_list {
            match line.trim_start().strip_prefix("- ") {
                Some(item) => out.push(unquote(item)),
                None if line.starts_with([' ', '\t']) || line.trim().is_empty() => {}
                None => in_list = false,
            }
        }
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches(['"', '\'']).trim().to_string()
}

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
    let mut out: Vec<PathBuf> = front_matter_sources(text, format)
        .iter()
        .map(|name| draft_dir.join(name))
        .collect();
    if let (Some(draft), Some(config_file)) = (draft, &config.path) {
        let base = config_file.parent().unwrap_or(Path::new(""));
        let relative = draft.strip_prefix(base).unwrap_or(draft);
        for map in &config.sources {
            let matches = Glob::new(&map.drafts)
                .map(|g| g.compile_matcher().is_match(relative))
                .unwrap_or(false);
            if matches {
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
        lock(&self.read)
            .entry(file.to_path_buf())
            .or_insert_with(|| read_source(file).map(Arc::new))
            .clone()
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

fn read_source(file: &Path) -> Result<Source, String> {
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
    Ok(Source::parse(shown(file), text))
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
    fn front_matter_lists_in_yaml_and_toml() {
        let flow = "---\ntitle: x\nsources: [notes/a.vtt, \"releases/b.txt\"]\n---\nBody\n";
        assert_eq!(
            front_matter_sources(flow, Format::Markdown),
            ["notes/a.vtt", "releases/b.txt"]
        );
        let block = "---\nsources:\n  - notes/a.vtt\n  - 'c d.srt'\ndesk: metro\n---\n";
        assert_eq!(
            front_matter_sources(block, Format::Markdown),
            ["notes/a.vtt", "c d.srt"]
        );
        let toml = "+++\nsources = [\"n.txt\"]\n+++\n";
        assert_eq!(front_matter_sources(toml, Format::Markdown), ["n.txt"]);
        assert!(front_matter_sources(block, Format::PlainText).is_empty());
        assert!(front_matter_sources("sources: [a]\n", Format::Markdown).is_empty());
    }

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
