//! The language server, `copydesk lsp`: LSP over stdio with tower-lsp-server on a
//! single-threaded tokio runtime. The analysis runs on tokio's blocking pool, so
//! the message loop stays free while a long draft is read.
//!
//! Codemap: [`server`] holds the handlers; [`documents`] the text, [`positions`]
//! the one conversion between LSP positions and byte offsets, [`scheduler`]
//! when and how analysis runs, [`snapshot`] one finished analysis; the feature
//! modules ([`diagnostics`], [`hover`], [`actions`], [`symbols`], [`people`],
//! [`inlay`]) each turn an analysis into one kind of answer; [`settings`] and
//! [`workspace`] are the editor settings and the `copydesk.toml` per folder;
//! [`framing`] and [`guard`] stand between the transport and the client, so no
//! malformed message ends the session and every request gets its answer.

pub mod actions;
pub mod capabilities;
pub mod diagnostics;
pub mod documents;
mod eof;
pub mod framing;
pub mod guard;
pub mod hover;
pub mod inlay;
pub mod people;
pub mod positions;
pub mod scheduler;
pub mod server;
pub mod settings;
pub mod shield;
pub mod snapshot;
pub mod state;
pub mod symbols;
pub mod workspace;

use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::{LspService, Server};

/// Serves LSP on stdin and stdout until `exit` or the end of stdin; returns the
/// process exit code: 1 after `exit` without `shutdown`, else 0.
pub fn run() -> u8 {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("copydesk: error: cannot start the language server: {e}");
            return 2;
        }
    };
    let closing = tokio::sync::watch::Sender::new(false);
    let stdin = framing::Frames::new(eof::NotifyEof::new(tokio::io::stdin(), closing.clone()));
    let ending = Arc::new(guard::Ending::default());
    runtime.block_on(async {
        let (service, socket) =
            LspService::build(move |client| server::Backend::new(client, closing))
                .custom_method("copydesk/documentText", server::Backend::document_text)
                .finish();
        Server::new(stdin, tokio::io::stdout(), socket)
            .concurrency_level(16)
            .serve(guard::Guard::new(service, ending.clone()))
            .await;
    });
    // The read of stdin may still be blocked on a thread of its own: do not wait
    // for it, or the process would hang after `exit`.
    runtime.shutdown_timeout(Duration::from_millis(100));
    ending.exit_code()
}
