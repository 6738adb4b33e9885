//! `folio lsp`: the language server. Translators see `folio check`'s findings as they type,
//! the reference text on hover, completions, the way to definitions and references, and quick
//! fixes, in any editor that speaks the Language Server Protocol.
//!
//! One engine: every finding comes from `folio::check_locale` run on the
//! editor's unsaved text, with the project's `folio.toml` and `# folio-ignore:` comments, and
//! every fix from `edit` (`sync`'s text for missing entries, `fmt` for formatting, `quickfix`).
//!
//! - `transport.rs`: stdio frames, answering malformed ones;
//! - `workspace.rs`: the project, the open documents, files and URIs;
//! - `position.rs`: byte offsets and LSP positions (UTF-16 or UTF-8);
//! - `diagnostics.rs`: which locales to check again, and publishing findings;
//! - `cursor.rs`: what is under the cursor (an id, a reference, a variable, a select);
//! - `hover.rs`, `completion.rs`, `navigate.rs` (definition, references, symbols),
//!   `actions.rs` (code actions and formatting): one request each.
//!
//! Requests are answered in order on one thread: a check of one locale takes milliseconds,
//! and checks wait until every message already received is handled, so a burst of keystrokes
//! is checked once.

use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, OneOf, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use crate::error::{Error, Result};
use crate::project::discover;
use crate::watch::{ProjectWatcher, QUIET};

mod actions;
mod completion;
mod cursor;
mod diagnostics;
mod hover;
mod navigate;
mod position;
mod rename;
mod transport;
mod workspace;

use diagnostics::Checks;
use position::Encoding;
use workspace::Workspace;

/// Serves the protocol over stdin and stdout until the client says `exit` (or closes stdin).
/// `root` is the project (default: the client's workspace folder, or the nearest project at
/// or above the current folder, or of the first file opened).
pub fn run_stdio(root: Option<&Path>) -> Result<()> {
    let (connection, transport) = transport::stdio();
    let served = serve(&connection, root);
    drop(connection);
    transport.join();
    served
}

/// Serves the protocol on `connection`.
pub fn serve(connection: &Connection, root: Option<&Path>) -> Result<()> {
    let (id, params) = connection.initialize_start().map_err(protocol)?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "folio".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection.initialize_finish(id, result).map_err(protocol)?;
    let root = root
        .map(Path::to_path_buf)
        .or_else(|| client_root(&params))
        .and_then(|start| discover(&start))
        .or_else(|| {
            std::env::current_dir()
                .ok()
                .and_then(|here| discover(&here))
        });
    let mut server = Server::new(connection, encoding);
    if let Some(root) = root {
        server.open_project(&root);
    }
    server.run()
}

#[allow(clippy::needless_pass_by_value)] // `map_err` hands the error over
fn protocol(err: lsp_server::ProtocolError) -> Error {
    Error::Usage {
        message: format!("the language client broke the protocol: {err}"),
        help: "start `folio lsp` from an editor's language client, which speaks LSP on stdio"
            .into(),
    }
}

/// The folder the client opened, if it names one.
fn client_root(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params.workspace_folders.as_ref()?.first()?;
    workspace::uri_to_path(&folder.uri)
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(["{", "$", "-", "[", "(", " "].map(String::from).to_vec()),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(lsp_types::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: lsp_types::WorkDoneProgressOptions::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The server's state between messages.
pub(crate) struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    workspace: Option<Workspace>,
    checks: Checks,
    /// Changes on disk, from the project's watcher.
    changed: Option<(ProjectWatcher, Receiver<()>)>,
    shutting_down: bool,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, encoding: Encoding) -> Self {
        Server {
            connection,
            encoding,
            workspace: None,
            checks: Checks::default(),
            changed: None,
            shutting_down: false,
        }
    }

    fn open_project(&mut self, root: &Path) {
        match Workspace::open(root) {
            Ok(workspace) => {
                let (tx, rx) = crossbeam_channel::unbounded();
                let watcher = ProjectWatcher::new(&workspace.root, move |_| {
                    let _ = tx.send(());
                });
                self.changed = watcher.ok().map(|w| (w, rx));
                self.workspace = Some(workspace);
                self.checks.everything();
            }
            Err(err) => self.show_error(&format!("folio: cannot read the project: {err}")),
        }
    }

    fn run(mut self) -> Result<()> {
        let never = crossbeam_channel::never();
        loop {
            // Checks wait until every message already received is handled.
            let message = match self.connection.receiver.try_recv() {
                Ok(message) => Some(message),
                Err(crossbeam_channel::TryRecvError::Disconnected) => return Ok(()),
                Err(crossbeam_channel::TryRecvError::Empty) => {
                    self.check_pending();
                    let changed = self.changed.as_ref().map_or(&never, |(_, rx)| rx);
                    select! {
                        recv(self.connection.receiver) -> message => match message {
                            Ok(message) => Some(message),
                            Err(_) => return Ok(()),
                        },
                        recv(changed) -> _ => {
                            // A save is several events: take them all, then read the project.
                            std::thread::sleep(QUIET);
                            while changed.try_recv().is_ok() {}
                            self.reload();
                            None
                        },
                    }
                }
            };
            match message {
                Some(Message::Request(request)) => self.request(request),
                Some(Message::Notification(notification)) => {
                    if notification.method == notify::Exit::METHOD {
                        return Ok(());
                    }
                    self.notification(notification);
                }
                Some(Message::Response(_)) | None => {}
            }
        }
    }

    fn reload(&mut self) {
        if let Some(workspace) = &mut self.workspace {
            if let Err(err) = workspace.reload() {
                self.show_error(&format!("folio: cannot read the project: {err}"));
                return;
            }
            self.checks.everything();
        }
    }

    fn request(&mut self, request: Request) {
        if self.shutting_down {
            let message = "the server is shutting down".to_string();
            self.respond_error(request.id, ErrorCode::InvalidRequest, message);
            return;
        }
        // An answer is about the text as it is now: the checks an edit made due run first,
        // or a quick fix would be made from findings about the text before it.
        self.check_pending();
        let id = request.id.clone();
        let answer = match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                Ok(serde_json::Value::Null)
            }
            req::HoverRequest::METHOD => self.answer(request, hover::hover),
            req::Completion::METHOD => self.answer(request, completion::complete),
            req::GotoDefinition::METHOD => self.answer(request, navigate::definition),
            req::References::METHOD => self.answer(request, navigate::references),
            req::DocumentSymbolRequest::METHOD => self.answer(request, navigate::symbols),
            req::CodeActionRequest::METHOD => self.answer(request, actions::code_actions),
            req::Formatting::METHOD => self.answer(request, actions::format),
            req::PrepareRenameRequest::METHOD => self.answer(request, rename::prepare),
            req::Rename::METHOD => self.answer_or_refuse(request, rename::rename),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("folio does not answer `{}`", request.method),
            )),
        };
        match answer {
            Ok(result) => {
                let _ = self
                    .connection
                    .sender
                    .send(Response::new_ok(id, result).into());
            }
            Err((code, message)) => self.respond_error(id, code, message),
        }
    }

    /// Answers `request` with `handler`, given its parameters and the workspace (null when
    /// there is no project).
    fn answer<P, R>(
        &self,
        request: Request,
        mut handler: impl FnMut(&Context<'_>, &P) -> Option<R>,
    ) -> std::result::Result<serde_json::Value, (ErrorCode, String)>
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params: P = serde_json::from_value(request.params).map_err(|err| {
            (
                ErrorCode::InvalidParams,
                format!("invalid parameters for `{}`: {err}", request.method),
            )
        })?;
        let Some(workspace) = &self.workspace else {
            return Ok(serde_json::Value::Null);
        };
        let context = Context {
            workspace,
            encoding: self.encoding,
        };
        let result = handler(&context, &params);
        Ok(serde_json::to_value(result).unwrap_or(serde_json::Value::Null))
    }

    /// [`Server::answer`] for a handler that may refuse, saying why (the editor shows it).
    fn answer_or_refuse<P, R>(
        &self,
        request: Request,
        handler: fn(&Context<'_>, &P) -> std::result::Result<Option<R>, String>,
    ) -> std::result::Result<serde_json::Value, (ErrorCode, String)>
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let mut refused = None;
        let answer = self.answer(request, |context, params| {
            handler(context, params).unwrap_or_else(|why| {
                refused = Some(why);
                None
            })
        })?;
        match refused {
            Some(why) => Err((ErrorCode::RequestFailed, why)),
            None => Ok(answer),
        }
    }

    fn respond_error(&self, id: RequestId, code: ErrorCode, message: String) {
        let response = Response::new_err(id, code as i32, message);
        let _ = self.connection.sender.send(response.into());
    }

    fn notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let handled = match method.as_str() {
            notify::DidOpenTextDocument::METHOD => self.did_open(notification),
            notify::DidChangeTextDocument::METHOD => self.did_change(notification),
            notify::DidCloseTextDocument::METHOD => self.did_close(notification),
            notify::DidSaveTextDocument::METHOD => {
                // The watcher sees the save too; without one (no inotify left), reload here.
                if self.changed.is_none() {
                    self.reload();
                }
                Ok(())
            }
            _ => Ok(()), // notifications need no answer, unknown ones are ignored
        };
        if let Err(err) = handled {
            self.log(&format!("folio: ignored `{method}`: {err}"));
        }
    }

    fn did_open(&mut self, notification: Notification) -> std::result::Result<(), String> {
        let params: lsp_types::DidOpenTextDocumentParams =
            serde_json::from_value(notification.params).map_err(|e| e.to_string())?;
        let document = params.text_document;
        if self.workspace.is_none() {
            // No project yet: the first file opened may be in one.
            let start = workspace::uri_to_path(&document.uri);
            if let Some(root) = start.and_then(|p| discover(p.parent()?)) {
                self.open_project(&root);
            }
        }
        let Some(workspace) = &mut self.workspace else {
            return Ok(());
        };
        let file = workspace.file_of(&document.uri);
        if let Some(file) = &file {
            self.checks.edited(workspace, &file.locale);
        }
        let doc =
            workspace::Document::new(document.uri.clone(), document.version, document.text, file);
        workspace.documents.insert(document.uri, doc);
        Ok(())
    }

    fn did_change(&mut self, notification: Notification) -> std::result::Result<(), String> {
        let params: lsp_types::DidChangeTextDocumentParams =
            serde_json::from_value(notification.params).map_err(|e| e.to_string())?;
        let Some(workspace) = &mut self.workspace else {
            return Ok(());
        };
        let uri = &params.text_document.uri;
        let Some(doc) = workspace.documents.get_mut(uri) else {
            return Err(format!("`{}` is not open", uri.as_str()));
        };
        let mut text = std::mem::take(&mut doc.text);
        for change in params.content_changes {
            match change.range {
                Some(range) => {
                    let lines = position::Lines::new(&text, self.encoding);
                    let start = lines.offset(range.start);
                    let end = lines.offset(range.end).max(start);
                    text.replace_range(start..end, &change.text);
                }
                None => text = change.text,
            }
        }
        doc.set_text(params.text_document.version, text);
        if let Some(file) = doc.file.clone() {
            self.checks.edited(workspace, &file.locale);
        }
        Ok(())
    }

    fn did_close(&mut self, notification: Notification) -> std::result::Result<(), String> {
        let params: lsp_types::DidCloseTextDocumentParams =
            serde_json::from_value(notification.params).map_err(|e| e.to_string())?;
        let Some(workspace) = &mut self.workspace else {
            return Ok(());
        };
        // Its findings stay published (they are the file's on disk once it is checked again).
        if let Some(doc) = workspace.documents.remove(&params.text_document.uri) {
            if let Some(file) = doc.file {
                self.checks.edited(workspace, &file.locale);
            }
        }
        Ok(())
    }

    fn check_pending(&mut self) {
        if let Some(workspace) = &mut self.workspace {
            self.checks
                .run(workspace, self.encoding, &self.connection.sender);
        }
    }

    fn show_error(&self, message: &str) {
        let params = lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: message.to_string(),
        };
        let notification = Notification::new(notify::ShowMessage::METHOD.into(), params);
        let _ = self.connection.sender.send(notification.into());
    }

    fn log(&self, message: &str) {
        let params = lsp_types::LogMessageParams {
            typ: lsp_types::MessageType::WARNING,
            message: message.to_string(),
        };
        let notification = Notification::new(notify::LogMessage::METHOD.into(), params);
        let _ = self.connection.sender.send(notification.into());
    }
}

/// What a request's handler is given.
pub(crate) struct Context<'w> {
    pub workspace: &'w Workspace,
    pub encoding: Encoding,
}

impl Context<'_> {
    /// The open document at `uri`, if it is a Fluent file of the project.
    pub(crate) fn document(&self, uri: &lsp_types::Uri) -> Option<&workspace::Document> {
        self.workspace
            .documents
            .get(uri)
            .filter(|d| d.file.is_some())
    }

    /// The document `at` names, where it is in the project, and the id at its position (with
    /// its bytes in the parsed source, which counts from after a byte order mark).
    pub(crate) fn id_at(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Option<(&workspace::Document, &workspace::FileId, cursor::Use)> {
        let doc = self.document(&at.text_document.uri)?;
        let file = doc.file.as_ref()?;
        let offset = position::Lines::new(&doc.text, self.encoding)
            .offset(at.position)
            .checked_sub(doc.bom())?;
        let found = cursor::at(&doc.parsed, offset)?;
        Some((doc, file, found))
    }
}
