//! Which `copydesk.toml` governs each document, per workspace folder.
//!
//! A document takes the nearest `copydesk.toml` from its folder upwards, but
//! never from above the workspace folder that holds it, so each folder of a
//! multi-root workspace keeps its own house style. A config that fails to load
//! leaves the last good one in force.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError};

#[derive(Debug, Default)]
pub struct Workspace {
    folders: Vec<PathBuf>,
    good: HashMap<PathBuf, Arc<Config>>,
    /// Configs whose error has been shown, so it is shown once per load.
    reported: HashSet<PathBuf>,
}

impl Workspace {
    pub fn set_folders(&mut self, folders: Vec<PathBuf>) {
        self.folders = folders;
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// The workspace folder holding `path`, the innermost if folders nest.
    pub fn folder_of(&self, path: &Path) -> Option<&Path> {
        self.folders
            .iter()
            .filter(|f| path.starts_with(f))
            .max_by_key(|f| f.components().count())
            .map(PathBuf::as_path)
    }

    /// The config file that governs a document at `path`, if there is one.
    pub fn config_path(&self, path: &Path) -> Option<PathBuf> {
        let folder = self.folder_of(path);
        let mut dir = path.parent();
        while let Some(d) = dir {
            let candidate = d.join(config::FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if Some(d) == folder {
                break;
            }
            dir = d.parent();
        }
        None
    }

    /// The config for a document, and an error to show if its file could not be
    /// read for the first time (the last good config, else none, stays in force).
    pub fn config_for(&mut self, path: Option<&Path>) -> (Arc<Config>, Option<ConfigError>) {
        let Some(file) = path.and_then(|p| self.config_path(p)) else {
            return (Arc::new(Config::default()), None);
        };
        if let Some(c) = self.good.get(&file) {
            return (c.clone(), None);
        }
        match config::load(&file) {
            Ok(c) => {
                let c = Arc::new(c);
                self.good.insert(file, c.clone());
                (c, None)
            }
            Err(e) => {
                let new = self.reported.insert(file);
                (Arc::new(Config::default()), new.then_some(e))
            }
        }
    }

    /// Reads a config again after it changed on disk. On an error the last good
    /// config stays.
    pub fn reload(&mut self, file: &Path) -> Result<(), ConfigError> {
        self.reported.remove(file);
        if !file.is_file() {
            self.good.remove(file);
            return Ok(());
        }
        match config::load(file) {
            Ok(c) => {
                self.good.insert(file.to_path_buf(), Arc::new(c));
                Ok(())
            }
            Err(e) => {
                self.reported.insert(file.to_path_buf());
                Err(e)
            }
        }
    }

    /// Where a new `copydesk.toml` for a document would go: its workspace folder,
    /// else its own folder.
    pub fn new_config_path(&self, path: &Path) -> Option<PathBuf> {
        let dir = self.folder_of(path).or_else(|| path.parent())?;
        Some(dir.join(config::FILE_NAME))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_folder_keeps_its_own_config_and_the_last_good_one() {
        let root = std::env::temp_dir().join(format!("copydesk-ws-{}", std::process::id()));
        let a = root.join("a");
        let b = root.join("b");
        std::fs::create_dir_all(a.join("sub")).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(
            root.join("copydesk.toml"),
            "[rules]\nfirst-reference = \"off\"\n",
        )
        .unwrap();
        std::fs::write(
            a.join("copydesk.toml"),
            "[rules]\nname-spelling = \"error\"\n",
        )
        .unwrap();
        let mut ws = Workspace::default();
        ws.set_folders(vec![a.clone(), b.clone()]);
        let (c, e) = ws.config_for(Some(&a.join("sub/story.md")));
        assert!(e.is_none());
        assert_eq!(c.path.as_deref(), Some(a.join("copydesk.toml").as_path()));
        // b has none of its own, and does not borrow the one above it.
        let (c, _) = ws.config_for(Some(&b.join("story.md")));
        assert!(c.path.is_none());

        std::fs::write(a.join("copydesk.toml"), "[rules\n").unwrap();
        let err = ws.reload(&a.join("copydesk.toml")).unwrap_err();
        assert_eq!(err.line, 1);
        let (c, _) = ws.config_for(Some(&a.join("story.md")));
        assert!(
            c.rules.contains_key("name-spelling"),
            "last good config stays"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
