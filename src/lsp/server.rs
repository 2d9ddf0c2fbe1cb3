//! The protocol handlers: each one converts positions, asks the right module and
//! converts back. Nothing here reasons about the story.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::lsp_types::*;
use tower_lsp_server::{Client, LanguageServer, UriExt};

use super::actions::{self, HouseList};
use super::documents::Document;
use super::positions::{self, Encoding};
use super::scheduler::{self, schedule, schedule_all};
use super::settings::Settings;
use super::snapshot::Snapshot;
use super::state::{DocState, Shared, path_of};
use super::{capabilities, diagnostics, hover, inlay, people, shield, symbols};
use crate::config;

/// How long a request waits for the analysis of the text it is about.
const PATIENCE: Duration = Duration::from_secs(5);

/// How long the server waits for the client to answer one of its requests.
const CLIENT_PATIENCE: Duration = Duration::from_secs(5);

pub struct Backend {
    client: Client,
    shared: Arc<Shared>,
    /// Set at `shutdown`: requests to the client still waiting give up, so no
    /// handler outlives `exit` (the transport waits for every handler to end).
    closing: watch::Sender<bool>,
}

impl Backend {
    /// `closing` is also set when stdin ends, for the same reason as at shutdown.
    pub fn new(client: Client, closing: watch::Sender<bool>) -> Backend {
        Backend {
            client,
            shared: Arc::new(Shared::default()),
            closing,
        }
    }

    /// Awaits a request to the client, giving up after a while or at shutdown.
    async fn ask<T>(&self, request: impl Future<Output = Result<T>>) -> Option<Result<T>> {
        let mut closing = self.closing.subscribe();
        if *closing.borrow() {
            return None;
        }
        tokio::select! {
            r = tokio::time::timeout(CLIENT_PATIENCE, request) => r.ok(),
            _ = closing.changed() => None,
        }
    }

    /// Logs to the client's log. Not to stderr as well: editors show the
    /// server's stderr in the same panel, and every line would appear twice.
    async fn log(&self, typ: MessageType, msg: String) {
        self.client.log_message(typ, msg).await;
    }

    /// Answers with `f`, or with nothing when it panics (which is logged).
    async fn shielded<T>(&self, what: &str, f: impl FnOnce() -> Option<T>) -> Option<T> {
        match shield::catch(f) {
            Ok(v) => v,
            Err(why) => {
                self.log(MessageType::ERROR, format!("{what} failed: {why}"))
                    .await;
                None
            }
        }
    }

    async fn show_config_error(&self, e: config::ConfigError) {
        let msg = format!("copydesk: {e} (the last good settings stay in force)");
        self.client
            .log_message(MessageType::ERROR, msg.clone())
            .await;
        self.client.show_message(MessageType::ERROR, msg).await;
    }

    /// The analysis of the document's current text and the byte offset of `pos` in it.
    async fn at(&self, uri: &Uri, pos: Position) -> Option<(Arc<Snapshot>, usize, Encoding)> {
        let snap = scheduler::fresh(&self.shared, uri, PATIENCE).await?;
        let enc = self.shared.encoding();
        match positions::to_offset(&snap.rope, pos, enc) {
            Ok(offset) => Some((snap, offset, enc)),
            Err(e) => {
                self.log(MessageType::WARNING, format!("{}: {e}", uri.as_str()))
                    .await;
                None
            }
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (settings, problems) = Settings::from_json(value);
        for p in problems {
            self.log(MessageType::WARNING, format!("settings: {p}"))
                .await;
        }
        *self
            .shared
            .settings
            .write()
            .unwrap_or_else(|e| e.into_inner()) = settings;
    }

    async fn fetch_settings(&self) {
        if !self.shared.session().configuration {
            return;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("copydesk".into()),
        };
        match self.ask(self.client.configuration(vec![item])).await {
            None => {}
            Some(Ok(values)) => {
                if let Some(v) = values.first().filter(|v| !v.is_null()) {
                    self.apply_settings(v).await;
                }
            }
            Some(Err(e)) => {
                self.log(
                    MessageType::WARNING,
                    format!("workspace/configuration failed: {e}"),
                )
                .await
            }
        }
    }

    /// Finds each open document's config again (after a config or folder change).
    async fn reresolve_configs(&self) {
        let mut errors = Vec::new();
        {
            let mut ws = self.shared.workspace();
            let mut docs = self.shared.docs();
            for d in docs.values_mut() {
                let (c, e) = ws.config_for(d.path.as_deref());
                d.config = c;
                errors.extend(e);
            }
        }
        for e in errors {
            self.show_config_error(e).await;
        }
        schedule_all(&self.shared, &self.client);
    }

    /// After settings change: re-analyse, and ask a pulling client to pull again.
    async fn refresh(&self) {
        schedule_all(&self.shared, &self.client);
        let session = self.shared.session();
        if session.pull && session.pull_refresh {
            let _ = self.ask(self.client.workspace_diagnostic_refresh()).await;
        }
    }

    fn house_list(&self, uri: &Uri) -> Option<HouseList> {
        let (path, listed) = {
            let docs = self.shared.docs();
            let d = docs.get(uri)?;
            let listed = d.config.people.iter().map(|p| p.name.clone()).collect();
            (d.path.clone()?, listed)
        };
        let ws = self.shared.workspace();
        let (file, text) = match ws.config_path(&path) {
            Some(file) => {
                let file_uri = Uri::from_file_path(&file)?;
                let open = self
                    .shared
                    .docs()
                    .get(&file_uri)
                    .map(|d| d.doc.rope.to_string());
                let text = open.or_else(|| std::fs::read_to_string(&file).ok())?;
                (file, Some(text))
            }
            None => (ws.new_config_path(&path)?, None),
        };
        Some(HouseList {
            uri: Uri::from_file_path(&file)?,
            text,
            listed,
            can_create: self.shared.session().create_files,
        })
    }

    /// Test hook: the server's copy of a document, to compare with the client's.
    pub async fn document_text(&self, params: Value) -> Result<Value> {
        if !scheduler::test_hooks() {
            return Err(Error::method_not_found());
        }
        let uri: Uri = params
            .get("uri")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| Error::invalid_params("uri"))?;
        let docs = self.shared.docs();
        let d = docs
            .get(&uri)
            .ok_or_else(|| Error::invalid_params("unknown document"))?;
        Ok(json!({"text": d.doc.rope.to_string(), "version": d.doc.version}))
    }
}

fn folders_of(params: &InitializeParams) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| path_of(&f.uri))
        .collect();
    #[allow(deprecated)] // older clients send only a root
    if out.is_empty() {
        out.extend(params.root_uri.as_ref().and_then(path_of));
    }
    out
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let session = capabilities::session(&params.capabilities);
        let pull = session.pull;
        let encoding = session.encoding;
        *self
            .shared
            .session
            .write()
            .unwrap_or_else(|e| e.into_inner()) = session;
        let folders = folders_of(&params);
        // Sources are shown relative to the workspace folder they are in.
        self.shared.library.show_relative_to(folders.clone());
        self.shared.workspace().set_folders(folders);
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options).await;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: capabilities::server(encoding, pull),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let session = self.shared.session();
        if session.watch_registration {
            let registration = capabilities::watch_config();
            if let Some(Err(e)) = self
                .ask(self.client.register_capability(vec![registration]))
                .await
            {
                self.log(
                    MessageType::WARNING,
                    format!("could not watch copydesk.toml: {e}"),
                )
                .await;
            }
        }
        let before = self.shared.settings();
        self.fetch_settings().await;
        if self.shared.settings() != before {
            self.refresh().await;
        }
        let mode = if session.pull { "pulled" } else { "pushed" };
        let enc = match session.encoding {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16",
            Encoding::Utf32 => "UTF-32",
        };
        self.log(
            MessageType::INFO,
            format!(
                "copydesk {} ready: {enc} positions, diagnostics {mode}",
                env!("CARGO_PKG_VERSION")
            ),
        )
        .await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.closing.send_replace(true);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let td = params.text_document;
        let path = path_of(&td.uri);
        let (config, error) = self.shared.workspace().config_for(path.as_deref());
        let doc = Document::new(&td.text, td.version, td.language_id);
        let reopened = {
            let mut docs = self.shared.docs();
            match docs.get_mut(&td.uri) {
                // Opened twice: the new text replaces the old, and the analysis
                // task already running for it carries on with the new text.
                Some(d) => {
                    d.doc = doc;
                    d.config = config;
                    d.cursor = None;
                    true
                }
                None => {
                    docs.insert(td.uri.clone(), DocState::new(doc, path, config));
                    false
                }
            }
        };
        schedule(&self.shared, &self.client, &td.uri);
        if reopened {
            self.log(
                MessageType::WARNING,
                format!("{} was opened twice", td.uri.as_str()),
            )
            .await;
        }
        if let Some(e) = error {
            self.show_config_error(e).await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let enc = self.shared.encoding();
        // Applied before the first await, so changes land in the order sent.
        let result = {
            let mut docs = self.shared.docs();
            match docs.get_mut(&uri) {
                None => Err(format!(
                    "a change for {}, which is not open, was ignored",
                    uri.as_str()
                )),
                Some(d) => {
                    match d
                        .doc
                        .apply(&params.content_changes, params.text_document.version, enc)
                    {
                        Ok(cursor) => {
                            d.cursor = cursor;
                            d.changed_at = std::time::Instant::now();
                            Ok(())
                        }
                        Err(e) => Err(format!(
                            "a change to {} (version {}) was refused and the text left as version {}: {e}",
                            uri.as_str(),
                            params.text_document.version,
                            d.doc.version
                        )),
                    }
                }
            }
        };
        match result {
            Ok(()) => schedule(&self.shared, &self.client, &uri),
            Err(msg) => self.log(MessageType::ERROR, msg).await,
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if self.shared.docs().remove(&uri).is_none() {
            self.log(
                MessageType::WARNING,
                format!("{} was closed but never opened", uri.as_str()),
            )
            .await;
            return;
        }
        if !self.shared.session().pull {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        match params.settings.get("copydesk") {
            Some(v) if !v.is_null() => self.apply_settings(v).await,
            _ => self.fetch_settings().await,
        }
        self.refresh().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut errors = Vec::new();
        for change in &params.changes {
            let Some(path) = change.uri.to_file_path() else {
                continue;
            };
            if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                if let Err(e) = self.shared.workspace().reload(&path) {
                    errors.push(e);
                }
            } else {
                // A source changed, appeared or went: read it again when next cited.
                self.shared.library.forget(&path);
            }
        }
        for e in errors {
            self.show_config_error(e).await;
        }
        self.reresolve_configs().await;
        let session = self.shared.session();
        if session.pull && session.pull_refresh {
            let _ = self.ask(self.client.workspace_diagnostic_refresh()).await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut ws = self.shared.workspace();
            let mut folders = ws.folders().to_vec();
            let removed: Vec<_> = params
                .event
                .removed
                .iter()
                .filter_map(|f| path_of(&f.uri))
                .collect();
            folders.retain(|f| !removed.contains(f));
            folders.extend(params.event.added.iter().filter_map(|f| path_of(&f.uri)));
            self.shared.library.show_relative_to(folders.clone());
            ws.set_folders(folders);
        }
        self.reresolve_configs().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let snap = scheduler::fresh(&self.shared, &uri, PATIENCE).await;
        let enc = self.shared.encoding();
        let (items, result_id) = match &snap {
            Some(s) => (
                self.shielded("diagnostics", || {
                    Some(diagnostics::diagnostics(s, &uri, enc))
                })
                .await
                .unwrap_or_default(),
                Some(s.generation.to_string()),
            ),
            None => (Vec::new(), None),
        };
        if result_id.is_some() && result_id == params.previous_result_id {
            return Ok(DocumentDiagnosticReportResult::Report(
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id: result_id.unwrap_or_default(),
                    },
                }),
            ));
        }
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
            }),
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some((snap, offset, enc)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        Ok(self
            .shielded("hover", || hover::hover(&snap, offset, enc))
            .await)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(snap) = scheduler::fresh(&self.shared, &uri, PATIENCE).await else {
            return Ok(None);
        };
        let enc = self.shared.encoding();
        let span = match positions::to_span(&snap.rope, params.range, enc) {
            Ok(span) => span,
            Err(e) => {
                self.log(
                    MessageType::WARNING,
                    format!("{}: code action range: {e}", uri.as_str()),
                )
                .await;
                return Ok(None);
            }
        };
        let house = self.house_list(&uri);
        Ok(self
            .shielded("code actions", || {
                Some(actions::code_actions(
                    &snap,
                    &uri,
                    span,
                    house.as_ref(),
                    enc,
                ))
            })
            .await)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(snap) = scheduler::fresh(&self.shared, &params.text_document.uri, PATIENCE).await
        else {
            return Ok(None);
        };
        let enc = self.shared.encoding();
        Ok(self
            .shielded("outline", || {
                Some(DocumentSymbolResponse::Nested(symbols::outline(&snap, enc)))
            })
            .await)
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let Some((snap, offset, enc)) = self.at(&uri, p.position).await else {
            return Ok(None);
        };
        let with_first = params.context.include_declaration;
        Ok(self
            .shielded("references", || {
                people::references(&snap, &uri, offset, with_first, enc)
            })
            .await)
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        let Some((snap, offset, enc)) = self.at(&p.text_document.uri, p.position).await else {
            return Ok(None);
        };
        Ok(self
            .shielded("highlights", || people::highlights(&snap, offset, enc))
            .await)
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some((snap, offset, enc)) = self.at(&params.text_document.uri, params.position).await
        else {
            return Ok(None);
        };
        Ok(self
            .shielded("prepare rename", || {
                people::prepare_rename(&snap, offset, enc)
            })
            .await)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let uri = p.text_document.uri;
        let Some((snap, offset, enc)) = self.at(&uri, p.position).await else {
            return Ok(None);
        };
        let renamed = self
            .shielded("rename", || {
                Some(people::rename(&snap, &uri, offset, &params.new_name, enc))
            })
            .await;
        match renamed {
            Some(r) => r.map_err(Error::invalid_params),
            None => Err(Error::internal_error()),
        }
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(snap) = scheduler::fresh(&self.shared, &params.text_document.uri, PATIENCE).await
        else {
            return Ok(None);
        };
        let enc = self.shared.encoding();
        Ok(self
            .shielded("inlay hints", || {
                Some(inlay::inlay_hints(&snap, params.range, enc))
            })
            .await)
    }
}
