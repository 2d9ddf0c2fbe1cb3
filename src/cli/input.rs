//! Reading drafts: paths, directories (honouring `.gitignore`), stdin, and clear
//! errors for what cannot be read.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::text::Format;

/// A draft ready to analyse.
pub struct Draft {
    /// As shown in output: the path as given, or `<stdin>`.
    pub name: String,
    pub text: String,
    pub format: Format,
}

/// The extensions `check` takes from a directory.
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Expands the command-line paths into files, in a stable order. Errors name the
/// path; the remaining paths are still expanded.
pub fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found: Vec<PathBuf> = Vec::new();
                let walker = ignore::WalkBuilder::new(p)
                    .require_git(false)
                    .hidden(true)
                    .build();
                for entry in walker {
                    match entry {
                        Ok(e) => {
                            let path = e.path();
                            let wanted =
                                path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                    EXTENSIONS.contains(&x.to_ascii_lowercase().as_str())
                                });
                            if wanted
                                && e.file_type().is_some_and(|t| t.is_file() || t.is_symlink())
                            {
                                found.push(path.to_path_buf());
                            }
                        }
                        Err(err) => errors.push(format!("{}: {}", p.display(), err)),
                    }
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(format!("{}: {}", p.display(), describe_io(&e))),
        }
    }
    (files, errors)
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file or directory (or a broken symbolic link)".into()
        }
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads one draft. A file that is not UTF-8 is an error naming the byte offset
/// where decoding fails, since a lossy read could silently change a name.
pub fn read(path: &Path) -> Result<Draft, String> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("<stdin>: {}", describe_io(&e)))?;
        ("<stdin>".to_string(), buf)
    } else {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {}", describe_io(&e)))?;
        (name, bytes)
    };
    let format = Format::from_path(&name);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Draft { name, text, format }),
        Err(e) => Err(format!(
            "{name}: not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )),
    }
}
