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

/// What one command-line path stands for: a file to read, or why it cannot be read.
pub type Entry = Result<PathBuf, String>;

/// Expands the command-line paths into files, in a stable order: the paths in the
/// order given, a directory's files in sorted order. A path that cannot be read is
/// an error in its place, so errors come in the same order as the drafts; the
/// remaining paths are still expanded. No paths means the current folder, whose
/// files are named relative to it (`story.md`, not `./story.md`).
pub fn expand(paths: &[PathBuf]) -> Vec<Entry> {
    if paths.is_empty() {
        let here = Path::new(".");
        return expand_one(here)
            .into_iter()
            .map(|entry| {
                entry.map(|path| {
                    path.strip_prefix(here)
                        .map(Path::to_path_buf)
                        .unwrap_or(path)
                })
            })
            .collect();
    }
    paths.iter().flat_map(|p| expand_one(p)).collect()
}

fn expand_one(p: &Path) -> Vec<Entry> {
    if p.as_os_str() == "-" {
        return vec![Ok(p.to_path_buf())];
    }
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => {
            let mut found: Vec<PathBuf> = Vec::new();
            let mut errors: Vec<Entry> = Vec::new();
            let walker = ignore::WalkBuilder::new(p)
                .require_git(false)
                .hidden(true)
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        let wanted = path
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                        if wanted && is_draft_file(&e) {
                            found.push(path.to_path_buf());
                        }
                    }
                    Err(err) => errors.push(Err(format!("{}: {}", p.display(), err))),
                }
            }
            found.sort();
            found.into_iter().map(Ok).chain(errors).collect()
        }
        Ok(_) => vec![Ok(p.to_path_buf())],
        Err(e) => vec![Err(format!("{}: {}", p.display(), describe_io(p, &e)))],
    }
}

/// Whether an entry found in a folder is a draft to read. A link is followed to
/// see what it leads to: a folder or a named pipe is not a draft (and reading a
/// pipe nobody writes to would wait for ever); a broken link is kept, so that it
/// is reported.
fn is_draft_file(e: &ignore::DirEntry) -> bool {
    match e.file_type() {
        Some(t) if t.is_symlink() => std::fs::metadata(e.path()).map_or(true, |m| m.is_file()),
        Some(t) => t.is_file(),
        None => false,
    }
}

fn describe_io(path: &Path, e: &std::io::Error) -> String {
    if let Some(kind) = special_kind(path) {
        return format!("{kind}, not a file, so it cannot be read");
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => match std::fs::read_link(path) {
            Ok(target) => format!(
                "a broken symbolic link (to {}, which does not exist)",
                target.display()
            ),
            Err(_) => "no such file or directory".into(),
        },
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "a directory, not a file".into(),
        _ => e.to_string(),
    }
}

/// What a path that is neither a file nor a folder is, for the error message.
#[cfg(unix)]
fn special_kind(path: &Path) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = std::fs::metadata(path).ok()?.file_type();
    if t.is_socket() {
        Some("a socket")
    } else if t.is_fifo() {
        Some("a named pipe")
    } else if t.is_block_device() || t.is_char_device() {
        Some("a device")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_: &Path) -> Option<&'static str> {
    None
}

fn too_large(name: &str, bytes: Option<u64>, max_bytes: usize) -> String {
    let size = match bytes {
        Some(n) => format!("{n} bytes"),
        None => format!("more than {max_bytes} bytes"),
    };
    format!(
        "{name}: {size}, over the limit of {max_bytes} bytes for a draft, so it was not checked (--max-bytes sets the limit)"
    )
}

/// Reads one draft of at most `max_bytes`. A file over the limit is refused by
/// its size before it is read: a paste of a log or a data dump is not a draft,
/// and analysing it would take memory in proportion. A file that is not UTF-8 is
/// an error naming the byte offset where decoding fails, since a lossy read could
/// silently change a name.
pub fn read(path: &Path, max_bytes: usize) -> Result<Draft, String> {
    let limit = max_bytes as u64;
    let (name, bytes) = if path.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("{name}: {e}"))?;
        (name, buf)
    } else {
        let name = path.display().to_string();
        let unreadable = |e: std::io::Error| format!("{name}: {}", describe_io(path, &e));
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let len = file.metadata().map_err(unreadable)?.len();
        if len > limit {
            return Err(too_large(&name, Some(len), max_bytes));
        }
        let mut buf = Vec::with_capacity(len as usize);
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(unreadable)?;
        (name, buf)
    };
    if bytes.len() > max_bytes {
        return Err(too_large(&name, None, max_bytes));
    }
    let format = Format::from_path(&name);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Draft { name, text, format }),
        Err(e) => Err(format!(
            "{name}: not valid UTF-8 (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )),
    }
}
