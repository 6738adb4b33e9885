//! `folio lsp` given any text as an open document: the server publishes its findings, and
//! answers hover, completion, definition, references, code actions, formatting and symbols
//! at positions inside, at the end of and past every line — never crashing, never hanging
//! (each answer is awaited for ten seconds). One server, on an in-memory connection, serves
//! every input, as one long editing session.
#![no_main]

use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

#[path = "common.rs"]
mod common;

struct Session {
    client: Connection,
    uri: String,
    version: i64,
    next_id: i32,
}

fn session() -> &'static Mutex<Session> {
    static SESSION: OnceLock<Mutex<Session>> = OnceLock::new();
    SESSION.get_or_init(|| {
        let root = common::scratch().join("lsp");
        for (path, text) in [
            ("locales/en-US/a.ftl", "-brand = Folio\nhello = Hello, { $name }!\nfiles = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n    .title = { hello }\n"),
            ("locales/de/a.ftl", "-brand = Folio\nhello = Hallo, { $name }!\n"),
            ("locales/pl/a.ftl", "hello = Cześć\n"),
        ] {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let root = root.canonicalize().unwrap();
        let (server, client) = Connection::memory();
        let served = root.clone();
        std::thread::spawn(move || folio::lsp::serve(&server, Some(&served)));
        let init = Request::new(
            RequestId::from(0),
            "initialize".into(),
            json!({"capabilities": {"general": {"positionEncodings": ["utf-16"]}}}),
        );
        client.sender.send(init.into()).unwrap();
        let session = Session {
            client,
            uri: format!("file://{}", root.join("locales/pl/a.ftl").display()),
            version: 0,
            next_id: 1,
        };
        session.wait(|m| matches!(m, Message::Response(_)));
        session.notify("initialized", json!({}));
        let open = json!({"textDocument": {"uri": session.uri, "languageId": "fluent", "version": 0, "text": ""}});
        session.notify("textDocument/didOpen", open);
        Mutex::new(session)
    })
}

impl Session {
    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.client
            .sender
            .send(n.into())
            .expect("the server is running");
    }

    fn wait(&self, wanted: impl Fn(&Message) -> bool) -> Message {
        loop {
            match self.client.receiver.recv_timeout(Duration::from_secs(10)) {
                Ok(message) if wanted(&message) => return message,
                Ok(_) => {}
                Err(err) => panic!("the server did not answer: {err}"),
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.into(), params);
        self.client
            .sender
            .send(request.into())
            .expect("the server is running");
        let answer = self.wait(|m| matches!(m, Message::Response(r) if r.id == id));
        if let Message::Response(response) = answer {
            if let Err(error) = &response.response_result {
                panic!("{method}: {error:?}");
            }
        }
    }
}

fuzz_target!(|text: &str| {
    let mut session = session().lock().unwrap_or_else(|e| e.into_inner());
    session.version += 1;
    let (uri, version) = (session.uri.clone(), session.version);
    session.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    );
    session.wait(|m| {
        matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics"
            && n.params["uri"] == uri.as_str() && n.params["version"] == json!(version))
    });
    let doc = json!({"uri": uri});
    let lines = text.split('\n').count();
    // Each line at its start, somewhere inside, at its end and past it; and a line past the end.
    let mut positions = Vec::new();
    for (line, body) in text.split('\n').enumerate().take(12) {
        let units = body.encode_utf16().count();
        for character in [0, units / 2, units.saturating_sub(1), units, units + 3] {
            positions.push(json!({"line": line, "character": character}));
        }
    }
    positions.push(json!({"line": lines + 1, "character": 0}));
    for position in &positions {
        let at = json!({"textDocument": doc, "position": position});
        session.request("textDocument/hover", at.clone());
        session.request("textDocument/completion", at.clone());
        session.request("textDocument/definition", at.clone());
        let mut references = at;
        references["context"] = json!({"includeDeclaration": true});
        session.request("textDocument/references", references);
    }
    let everything =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}});
    session.request(
        "textDocument/codeAction",
        json!({"textDocument": doc, "range": everything, "context": {"diagnostics": []}}),
    );
    session.request(
        "textDocument/formatting",
        json!({"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    session.request("textDocument/documentSymbol", json!({"textDocument": doc}));
});
