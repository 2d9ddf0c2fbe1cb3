//! copydesk: the copy desk's checks for news drafts.
//!
//! The library holds the pure analysis ([`analysis::analyze`]), the text model it
//! works on ([`text`]) and the editor's views of its results ([`editor`]); none of
//! them knows about the Language Server Protocol. The command line ([`cli`]) and the
//! language server ([`lsp`]) are thin adapters over them, so a finding is the same
//! wherever it is shown. [`fuzzing`] holds the invariants the fuzz targets and the
//! property tests check.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod editor;
pub mod fuzzing;
pub mod lsp;
pub mod material;
pub mod text;

pub use analysis::{Analysis, Options, analyze};
pub use text::Format;
