//! Which `copydesk.toml` governs each draft: the one given with `--config`, else
//! the nearest one in the draft's folder or above, read once per file and looked
//! for once per folder (a folder of thousands of drafts costs one search).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError};

pub struct Configs {
    explicit: Option<PathBuf>,
    loaded: HashMap<PathBuf, Result<Arc<Config>, ConfigError>>,
    /// A draft's folder, as the path gives it, to the config found from it.
    found: HashMap<PathBuf, Option<PathBuf>>,
    /// Shared by every draft with no config, rather than one default per draft.
    default: Arc<Config>,
}

impl Configs {
    pub fn new(explicit: Option<PathBuf>) -> Configs {
        Configs {
            explicit,
            loaded: HashMap::new(),
            found: HashMap::new(),
            default: Arc::new(Config::default()),
        }
    }

    /// Reads the `--config` file, if one was given, so a broken one stops the run
    /// before anything is checked.
    pub fn explicit(&mut self) -> Result<(), ConfigError> {
        match self.explicit.clone() {
            Some(p) => self.load(&p).map(|_| ()),
            None => Ok(()),
        }
    }

    fn load(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        self.loaded
            .entry(path.to_path_buf())
            .or_insert_with(|| config::load(path).map(Arc::new))
            .clone()
    }

    /// The config for a draft (stdin is governed from the current folder).
    pub fn for_draft(&mut self, draft: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(p) = self.explicit.clone() {
            return self.load(&p);
        }
        let dir = if draft.as_os_str() == "-" {
            std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
        } else {
            let parent = draft.parent().filter(|p| !p.as_os_str().is_empty());
            parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf)
        };
        let found = self
            .found
            .entry(dir)
            .or_insert_with_key(|dir| {
                // Walk up from the real folder, not just the part of the path given.
                config::discover(&dir.canonicalize().unwrap_or_else(|_| dir.clone()))
            })
            .clone();
        match found {
            Some(found) => self.load(&found),
            None => Ok(self.default.clone()),
        }
    }
}
