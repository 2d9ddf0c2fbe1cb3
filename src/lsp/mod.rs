//! The language server, `copydesk lsp`.

pub mod documents;
pub mod positions;
