//! copydesk: the copy desk's checks for news drafts.
//!
//! The library holds the pure analysis ([`analysis::analyze`]) and the text model it
//! works on ([`text`]); the command line ([`cli`]) is a thin adapter over it. Nothing
//! here knows about editors or the Language Server Protocol, so a finding is the same
//! wherever it is shown.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod editor;
pub mod lsp;
pub mod text;

pub use analysis::{Analysis, Options, analyze};
pub use text::Format;
