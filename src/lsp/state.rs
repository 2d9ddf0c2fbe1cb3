//! The server's shared state: the open documents with their latest analysis,
//! the negotiated session, the settings and the workspace's configs.
//!
//! Locks are plain mutexes held for a few statements and never across an
//! `.await`: document changes are applied before a handler first yields, so
//! they take effect in the order the client sent them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use tokio::sync::watch;
use tower_lsp_server::UriExt;
use tower_lsp_server::lsp_types::Uri;

use super::documents::Document;
use super::positions::Encoding;
use super::settings::Settings;
use super::snapshot::Snapshot;
use super::workspace::Workspace;
use crate::config::Config;
use crate::material::Library;
use crate::text::Format;

/// What was agreed with the client at `initialize`.
#[derive(Debug, Clone, Default)]
pub struct Session {
    pub encoding: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so none are pushed.
    pub pull: bool,
    pub pull_refresh: bool,
    pub watch_registration: bool,
    pub configuration: bool,
    /// The client takes file creation in a workspace edit.
    pub create_files: bool,
}

pub struct DocState {
    pub doc: Document,
    pub path: Option<PathBuf>,
    pub config: Arc<Config>,
    /// Where the last edit ended: the writer's cursor.
    pub cursor: Option<usize>,
    /// When the last change arrived (for the timings log).
    pub changed_at: std::time::Instant,
    /// Bumped by every edit and every change of config or settings; an analysis
    /// of an older generation is stale.
    pub generation: u64,
    /// An analysis task is running (or waiting out the debounce) for this document.
    pub running: bool,
    /// The latest analysis that finished.
    pub snapshot: Option<Arc<Snapshot>>,
    /// The newest generation whose analysis is done (published or failed).
    pub settled: watch::Sender<u64>,
}

impl DocState {
    pub fn new(doc: Document, path: Option<PathBuf>, config: Arc<Config>) -> DocState {
        DocState {
            doc,
            path,
            config,
            cursor: None,
            changed_at: std::time::Instant::now(),
            generation: 0,
            running: false,
            snapshot: None,
            settled: watch::Sender::new(0),
        }
    }

    /// How the document is written: by its language, else by its file name.
    pub fn format(&self, uri: &Uri) -> Format {
        match self.doc.language_id.as_str() {
            "markdown" => Format::Markdown,
            // Neovim and Emacs name plain text `text`.
            "plaintext" | "text" => Format::PlainText,
            _ => Format::from_path(uri.as_str()),
        }
    }
}

#[derive(Default)]
pub struct Shared {
    pub docs: Mutex<HashMap<Uri, DocState>>,
    pub session: RwLock<Session>,
    pub settings: RwLock<Settings>,
    pub workspace: Mutex<Workspace>,
    /// Source material read once for every document that cites it.
    pub library: Arc<Library>,
}

/// Locks without ever panicking: a poisoned lock still holds usable state, since
/// every update to it is a single assignment.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub fn docs(&self) -> MutexGuard<'_, HashMap<Uri, DocState>> {
        lock(&self.docs)
    }

    pub fn workspace(&self) -> MutexGuard<'_, Workspace> {
        lock(&self.workspace)
    }

    pub fn session(&self) -> Session {
        self.session
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn encoding(&self) -> Encoding {
        self.session().encoding
    }

    /// Whether documents of `language_id` are checked.
    pub fn checks_language(&self, language_id: &str) -> bool {
        self.settings
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .languages
            .iter()
            .any(|l| l == language_id)
    }
}

/// The file a URI names, if it is a file.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}
