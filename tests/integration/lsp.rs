//! `folio lsp` driven over stdio as an editor drives it: frames in, frames out.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::repo_project;

/// A language client: the server's process and what it sent.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    seen: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `folio lsp` in `root` and initializes it, offering the position encodings
    /// `encodings`.
    fn start(root: &Path, encodings: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            seen: Vec::new(),
            next_id: 0,
        };
        let root_uri = uri(root);
        let init = client.request(
            "initialize",
            &json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": "project"}],
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        assert!(
            init["result"]["capabilities"]["hoverProvider"] == json!(true),
            "{init}"
        );
        client.notify("initialized", &json!({}));
        client
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send_raw(&mut self, bytes: &str) {
        self.stdin.write_all(bytes.as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (result or error).
    fn request(&mut self, method: &str, params: &Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// The first message (already seen or to come) that `wanted` accepts.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&wanted) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.seen.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("no such message; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server stopped; seen: {:#?}", self.seen)
                }
            }
        }
    }

    /// The next diagnostics published for `uri` that `wanted` accepts (older ones are
    /// dropped).
    fn diagnostics(&mut self, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let message = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && wanted(m["params"]["diagnostics"].as_array().unwrap())
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        let document = json!({"uri": uri, "languageId": "fluent", "version": 1, "text": text});
        self.notify("textDocument/didOpen", &json!({"textDocument": document}));
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            &json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}],
            }),
        );
    }

    /// Shuts the server down as a client does, and waits for it to exit.
    fn shut_down(mut self) {
        let answer = self.request("shutdown", &Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", &Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The URI of `path` as Neovim writes it: bytes beyond ASCII and spaces percent-encoded in
/// lower-case hex, `+` and `@` as they are (the server writes them otherwise).
fn uri(path: &Path) -> String {
    use std::fmt::Write as _;
    let path = path.canonicalize().unwrap();
    let mut uri = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~+@".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            let _ = write!(uri, "%{byte:02x}");
        }
    }
    uri
}

/// A URI with its percent-encoded bytes decoded.
fn decoded(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Applies LSP text edits to `text` (positions in UTF-16, as the client offered).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |position: &Value| {
        let line = usize::try_from(position["line"].as_u64().unwrap()).unwrap();
        let character = usize::try_from(position["character"].as_u64().unwrap()).unwrap();
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|(start, ..)| std::cmp::Reverse(*start));
    let mut text = text.to_string();
    for (start, end, new) in spans {
        text.replace_range(start..end, &new);
    }
    text
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

#[test]
fn a_deleted_plural_variant_is_found_as_it_is_typed_and_fixed() {
    let dir = repo_project();
    let site = dir.path().join("locales/pl/site.ftl");
    let site_uri = uri(&site);
    let text = std::fs::read_to_string(&site).unwrap();
    let mut client = Client::start(dir.path(), &["utf-16"]);

    // The file as on disk: nothing to report.
    client.open(&site_uri, &text);
    client.diagnostics(&site_uri, <[Value]>::is_empty);

    // Deleting the `[few]` variant, unsaved: the finding, on the first variant's key.
    let broken = text.replace("        [few] { $minutes } minuty czytania\n", "");
    client.change(&site_uri, 2, &broken);
    let found = client.diagnostics(&site_uri, |d| !d.is_empty());
    assert_eq!(codes(&found), ["missing-plural-category"], "{found:#?}");
    let one_line = broken
        .lines()
        .position(|l| l.contains("[one] { $minutes }"))
        .unwrap();
    assert_eq!(found[0]["range"]["start"]["line"], json!(one_line));
    assert_eq!(
        found[0]["severity"],
        json!(2),
        "a warning, as in `folio check`"
    );
    assert_eq!(found[0]["source"], "folio");
    assert!(found[0]["message"].as_str().unwrap().contains("`few`"));

    // The quick fix puts the variant back.
    let actions = client.request(
        "textDocument/codeAction",
        &json!({
            "textDocument": {"uri": site_uri},
            "range": found[0]["range"],
            "context": {"diagnostics": found},
        }),
    );
    let action = &actions["result"][0];
    assert_eq!(
        action["title"], "Add the missing plural variants",
        "{actions}"
    );
    let fixed = apply(
        &broken,
        action["edit"]["changes"][&site_uri].as_array().unwrap(),
    );
    assert!(
        fixed.contains("        [few] { $minutes } minuty czytania\n       *[other]"),
        "{fixed}"
    );
    client.change(&site_uri, 3, &fixed);
    client.diagnostics(&site_uri, <[Value]>::is_empty);
    client.shut_down();
}

#[test]
fn hover_completion_definition_and_symbols_show_the_reference() {
    let dir = repo_project();
    let site = dir.path().join("locales/pl/site.ftl");
    let site_uri = uri(&site);
    let fixed = std::fs::read_to_string(&site).unwrap();
    let mut client = Client::start(dir.path(), &["utf-16"]);
    client.open(&site_uri, &fixed);

    // Hover on a translation's id: the English text, its comment and its variables.
    let line = fixed
        .lines()
        .position(|l| l.starts_with("site-reading-time"))
        .unwrap();
    let hover = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": site_uri}, "position": {"line": line, "character": 3}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("Reading time: { $minutes } minutes"),
        "{shown}"
    );
    assert!(shown.contains("estimated reading time"), "{shown}");
    assert!(shown.contains("`$minutes`"), "{shown}");
    assert!(
        shown.contains("`[few]`") && shown.contains("`[many]`"),
        "{shown}"
    );

    // Completion of a variable after `$`, and of the locale's plural categories as a key.
    let with_dollar = fixed.replacen("{ $minutes } minuta", "{ $ } minuta", 1);
    client.change(&site_uri, 2, &with_dollar);
    let dollar_line = with_dollar
        .lines()
        .position(|l| l.contains("{ $ } minuta"))
        .unwrap();
    let dollar_at = with_dollar
        .lines()
        .nth(dollar_line)
        .unwrap()
        .find('$')
        .unwrap()
        + 1;
    let completion = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": site_uri}, "position": {"line": dollar_line, "character": dollar_at}}),
    );
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["minutes"], "{completion}");
    // A new variant's key: the categories the select does not have above it.
    let one_line = fixed
        .lines()
        .position(|l| l.trim_start().starts_with("[one]"))
        .unwrap();
    let mut with_key: Vec<&str> = fixed.lines().collect();
    with_key.insert(one_line + 1, "        [");
    let with_key = with_key.join("\n") + "\n";
    client.change(&site_uri, 2, &with_key);
    let completion = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": site_uri}, "position": {"line": one_line + 1, "character": 9}}),
    );
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["few", "many", "other"], "{completion}");

    // Go to definition: from the translation to the reference's entry.
    client.change(&site_uri, 3, &fixed);
    let definition = client.request(
        "textDocument/definition",
        &json!({"textDocument": {"uri": site_uri}, "position": {"line": line, "character": 0}}),
    );
    let target = &definition["result"];
    // A file not open: any spelling of its URI names it.
    assert_eq!(
        decoded(target["uri"].as_str().unwrap()),
        decoded(&uri(&dir.path().join("locales/en-US/site.ftl")))
    );
    let en = std::fs::read_to_string(dir.path().join("locales/en-US/site.ftl")).unwrap();
    let en_line = en
        .lines()
        .position(|l| l.starts_with("site-reading-time"))
        .unwrap();
    assert_eq!(
        target["range"]["start"],
        json!({"line": en_line, "character": 0})
    );

    // Symbols: every entry of the file.
    let symbols = client.request(
        "textDocument/documentSymbol",
        &json!({"textDocument": {"uri": site_uri}}),
    );
    let names: Vec<&str> = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"site-reading-time") && names.contains(&"site-language-name"));

    client.shut_down();
}

#[test]
fn misspellings_missing_entries_and_obsolete_ones_have_quick_fixes() {
    let dir = repo_project();
    let path = dir.path().join("locales/pl/smp-removal.ftl");
    let file_uri = uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start(dir.path(), &["utf-16"]);

    // A misspelt term, a message deleted (which another one uses), an entry the reference does
    // not have.
    let title_line = text
        .lines()
        .find(|l| l.starts_with("smp-removal-title ="))
        .unwrap();
    let broken = format!(
        "{}\nsmp-removal-old = Stary tekst\n",
        text.replacen("{ -smp }", "{ -smpp }", 1)
            .replace(&format!("{title_line}\n"), "")
    );
    client.open(&file_uri, &broken);
    let found = client.diagnostics(&file_uri, |d| d.len() >= 4);
    let mut kinds = codes(&found);
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        [
            "missing-message",
            "obsolete-message",
            "unknown-message-reference",
            "unknown-term-reference"
        ],
        "{found:#?}"
    );
    let actions_for = |client: &mut Client, finding: &Value| {
        client.request(
            "textDocument/codeAction",
            &json!({
                "textDocument": {"uri": file_uri},
                "range": finding["range"],
                "context": {"diagnostics": [finding]},
            }),
        )["result"]
            .as_array()
            .unwrap()
            .clone()
    };
    let find = |code: &str| found.iter().find(|d| d["code"] == code).unwrap().clone();

    let term = actions_for(&mut client, &find("unknown-term-reference"));
    assert_eq!(term[0]["title"], "Replace `smpp` with `smp`");
    let fixed = apply(
        &broken,
        term[0]["edit"]["changes"][&file_uri].as_array().unwrap(),
    );
    assert_eq!(fixed, broken.replacen("{ -smpp }", "{ -smp }", 1));

    let obsolete = actions_for(&mut client, &find("obsolete-message"));
    let removal = obsolete
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Remove `smp-removal-old`")
        })
        .unwrap_or_else(|| panic!("{obsolete:#?}"));
    let fixed = apply(
        &broken,
        removal["edit"]["changes"][&file_uri].as_array().unwrap(),
    );
    assert!(
        !fixed.contains("smp-removal-old") && fixed.ends_with('\n'),
        "{fixed}"
    );

    let missing = actions_for(&mut client, &find("missing-message"));
    let add = missing
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Add the 1 missing entry")
        })
        .unwrap();
    let fixed = apply(
        &broken,
        add["edit"]["changes"][&file_uri].as_array().unwrap(),
    );
    assert!(
        fixed.contains(
            "# folio: untranslated\nsmp-removal-title = Can Scalp Micropigmentation Be Removed?"
        ),
        "{fixed}"
    );

    // Formatting goes through `folio fmt`.
    let messy = "smp-removal-title   =    Czy?\n";
    client.change(&file_uri, 2, messy);
    let edits = client.request(
        "textDocument/formatting",
        &json!({"textDocument": {"uri": file_uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let formatted = apply(messy, edits["result"].as_array().unwrap());
    assert_eq!(formatted, "smp-removal-title = Czy?\n");
    client.shut_down();
}

#[test]
fn positions_count_utf16_units_or_utf8_bytes_as_negotiated() {
    let dir = repo_project();
    let path = dir.path().join("locales/ar/site.ftl");
    let file_uri = uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let line_text = text
        .lines()
        .find(|l| l.starts_with("site-language-name"))
        .unwrap();
    // An unknown variable after Arabic letters and an emoji.
    let edited_line = format!("{line_text} 😂 {{ $x }}");
    let edited = text.replace(line_text, &edited_line);
    let line = edited.lines().position(|l| l == edited_line).unwrap();
    let x = edited_line.find("$x").unwrap() + 1;
    for (encoding, character) in [
        ("utf-16", edited_line[..x].encode_utf16().count()),
        ("utf-8", x),
    ] {
        let mut client = Client::start(dir.path(), &[encoding]);
        client.open(&file_uri, &edited);
        let found = client.diagnostics(&file_uri, |d| !d.is_empty());
        let unknown = found
            .iter()
            .find(|d| d["code"] == "unknown-variable")
            .unwrap();
        assert_eq!(
            unknown["range"]["start"],
            json!({"line": line, "character": character}),
            "{encoding}"
        );
        assert_eq!(
            unknown["range"]["end"]["character"],
            json!(character + 1),
            "{encoding}"
        );
        client.shut_down();
    }
}

#[test]
fn malformed_messages_and_unknown_methods_get_errors_not_a_crash() {
    let dir = repo_project();
    let mut client = Client::start(dir.path(), &[]);
    client.send_raw("Content-Length: 9\r\n\r\n{not json");
    let parse_error = client.wait(|m| m["error"]["code"] == json!(-32700));
    assert_eq!(parse_error["id"], Value::Null);
    client.send_raw("Content-Length: 2\r\n\r\n[]");
    client.wait(|m| m["error"]["code"] == json!(-32600));
    let unknown = client.request("folio/nosuch", &json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");
    let invalid = client.request("textDocument/hover", &json!({"textDocument": 3}));
    assert_eq!(invalid["error"]["code"], json!(-32602), "{invalid}");
    // A document that is not open, a position far past the end: no answer, no crash.
    let far = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": "file:///nowhere.ftl"}, "position": {"line": 99, "character": 99}}),
    );
    assert_eq!(far["result"], Value::Null, "{far}");
    let path = dir.path().join("locales/de/site.ftl");
    let file_uri = uri(&path);
    client.open(&file_uri, "x = { $");
    let junk = client.diagnostics(&file_uri, |d| !d.is_empty());
    assert!(codes(&junk).contains(&"syntax-error"), "{junk:#?}");
    let far = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": file_uri}, "position": {"line": 99, "character": 99}}),
    );
    assert!(far.get("error").is_none(), "{far}");
    client.shut_down();
}

#[test]
fn an_unsaved_reference_edit_outdates_the_translation_and_hover_shows_the_change() {
    let dir = repo_project();
    let en = dir.path().join("locales/en-US/smp-removal.ftl");
    let pl = dir.path().join("locales/pl/smp-removal.ftl");
    let (en_uri, pl_uri) = (uri(&en), uri(&pl));
    let en_text = std::fs::read_to_string(&en).unwrap();
    let pl_text = std::fs::read_to_string(&pl).unwrap();
    let mut client = Client::start(dir.path(), &["utf-16"]);
    client.open(&pl_uri, &pl_text);
    client.diagnostics(&pl_uri, <[Value]>::is_empty);

    // The editor changes the English title, unsaved: the Polish one is now outdated.
    client.open(&en_uri, &en_text);
    let edited = en_text.replace(
        "smp-removal-title = Can Scalp Micropigmentation Be Removed?",
        "smp-removal-title = Can Scalp Micropigmentation Ever Be Removed?",
    );
    client.change(&en_uri, 2, &edited);
    let found = client.diagnostics(&pl_uri, |d| !d.is_empty());
    assert_eq!(codes(&found), ["outdated"], "{found:#?}");
    let line = pl_text
        .lines()
        .position(|l| l.starts_with("smp-removal-title"))
        .unwrap();
    assert_eq!(found[0]["range"]["start"]["line"], json!(line));

    let hover = client.request(
        "textDocument/hover",
        &json!({"textDocument": {"uri": pl_uri}, "position": {"line": line, "character": 5}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Ever Be Removed?"), "the new text: {shown}");
    assert!(
        shown.contains("**Outdated:**") && shown.contains("Ever"),
        "{shown}"
    );

    // Completion inside a placeable offers the messages with the reference's text, and the
    // terms after `-`.
    let with_brace = pl_text.replacen(
        "smp-removal-title = Czy",
        "smp-removal-title = { smp-removal-t } Czy",
        1,
    );
    client.change(&pl_uri, 2, &with_brace);
    let at = with_brace.lines().nth(line).unwrap().find("-t }").unwrap() + 2;
    let completion = client.request(
        "textDocument/completion",
        &json!({"textDocument": {"uri": pl_uri}, "position": {"line": line, "character": at}}),
    );
    let items = completion["result"].as_array().unwrap();
    let title = items
        .iter()
        .find(|i| i["label"] == "smp-removal-title")
        .unwrap_or_else(|| panic!("{completion}"));
    assert!(
        title["detail"]
            .as_str()
            .unwrap()
            .contains("Ever Be Removed"),
        "{title}"
    );
    // A select reads as Fluent writes it, not its variants' words run together.
    let reading = items
        .iter()
        .find(|i| i["label"] == "site-reading-time")
        .unwrap_or_else(|| panic!("{completion}"));
    let detail = reading["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("{ $minutes -> [one]") && !detail.contains('\n'),
        "{detail}"
    );
    assert!(
        items
            .iter()
            .all(|i| !i["label"].as_str().unwrap().starts_with('-'))
    );

    // References of a term: every use in the locale, and its definition when asked.
    client.change(&pl_uri, 3, &pl_text);
    let term_line = pl_text
        .lines()
        .position(|l| l.starts_with("-smp ="))
        .unwrap();
    let references = |client: &mut Client, declaration: bool| {
        client.request(
            "textDocument/references",
            &json!({
                "textDocument": {"uri": pl_uri},
                "position": {"line": term_line, "character": 2},
                "context": {"includeDeclaration": declaration},
            }),
        )["result"]
            .as_array()
            .unwrap()
            .len()
    };
    let uses = pl_text.matches("{ -smp }").count() + pl_text.matches("{ -smp(").count();
    assert!(uses > 2);
    assert_eq!(references(&mut client, false), uses);
    assert_eq!(references(&mut client, true), uses + 1);
    client.shut_down();
}

#[test]
fn rename_edits_every_file_as_folio_rename_does_reading_the_unsaved_text() {
    let dir = repo_project();
    let path = dir.path().join("locales/pl/smp-removal.ftl");
    let file_uri = uri(&path);
    // An unsaved line that uses the term: the rename must reach it.
    let unsaved = format!(
        "{}smp-removal-extra = W {{ -clinic-city(case: \"locative\") }}.\n",
        std::fs::read_to_string(&path).unwrap()
    );
    let mut client = Client::start(dir.path(), &["utf-16"]);
    client.open(&file_uri, &unsaved);
    let line = unsaved.lines().count() - 1;
    let column = unsaved.lines().last().unwrap().find("clinic").unwrap();
    let at = json!({"line": line, "character": column});
    let document = json!({"uri": file_uri});

    let prepared = client.request(
        "textDocument/prepareRename",
        &json!({"textDocument": document, "position": at}),
    );
    assert_eq!(
        prepared["result"]["placeholder"], "-clinic-city",
        "{prepared}"
    );
    assert_eq!(
        prepared["result"]["range"]["start"]["character"],
        column - 1
    );

    // The same rename by the command line, in a copy holding the unsaved text.
    let cli = repo_project();
    std::fs::write(cli.path().join("locales/pl/smp-removal.ftl"), &unsaved).unwrap();
    crate::util::folio_in(cli.path())
        .args(["rename", "-clinic-city", "-city"])
        .assert()
        .success();

    let answer = client.request(
        "textDocument/rename",
        &json!({"textDocument": document, "position": at, "newName": "city"}),
    );
    let changes = answer["result"]["changes"].as_object().unwrap();
    assert!(changes.len() > 14, "every locale and its record: {answer}");
    for (file, edits) in changes {
        let on_disk = std::path::PathBuf::from(decoded(file.strip_prefix("file://").unwrap()));
        let before = if *file == file_uri {
            unsaved.clone()
        } else {
            std::fs::read_to_string(&on_disk).unwrap()
        };
        let after = apply(&before, edits.as_array().unwrap());
        let relative = on_disk
            .strip_prefix(dir.path().canonicalize().unwrap())
            .unwrap();
        let expected = std::fs::read_to_string(cli.path().join(relative)).unwrap();
        assert_eq!(after, expected, "{}", relative.display());
    }

    // A name that exists already is refused, saying so.
    let refused = client.request(
        "textDocument/rename",
        &json!({"textDocument": document, "position": at, "newName": "-smp"}),
    );
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`-smp` exists already"),
        "{refused}"
    );
    client.shut_down();
}

#[test]
fn a_request_right_after_an_edit_is_answered_about_the_edited_text() {
    let dir = repo_project();
    let path = dir.path().join("locales/pl/smp-removal.ftl");
    let file_uri = uri(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start(dir.path(), &["utf-16"]);
    // A misspelt term at the very end of the file.
    let broken = format!("{} {{ -smpp }}\n", text.trim_end());
    client.open(&file_uri, &broken);
    client.diagnostics(&file_uri, |d| {
        d.iter().any(|d| d["code"] == "unknown-term-reference")
    });
    // The first bytes deleted and typed again, each time at once a quick fix asked for on the
    // last line (as editors ask for code actions as the cursor moves), all in one write so
    // that the server reads requests before it has checked the edits before them. Answered
    // from the findings of the text before the edit, the fix's bytes were past the new end
    // (a panic) or in the wrong place.
    let cut = broken[5..].to_string();
    let last = broken.lines().count() - 1;
    let frame = |message: &Value| {
        let body = message.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    let text_of = |version: i64| if version % 2 == 0 { &cut } else { &broken };
    let mut burst = String::new();
    for version in 2..42 {
        burst += &frame(
            &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": file_uri, "version": version},
                "contentChanges": [{"text": text_of(version)}],
            }}),
        );
        burst += &frame(
            &json!({"jsonrpc": "2.0", "id": 1000 + version, "method": "textDocument/codeAction", "params": {
                "textDocument": {"uri": file_uri},
                "range": {"start": {"line": last, "character": 0}, "end": {"line": last + 1, "character": 0}},
                "context": {"diagnostics": []},
            }}),
        );
    }
    client.send_raw(&burst);
    for version in 2..42 {
        let answer = client.wait(|m| m["id"] == 1000 + version);
        let text = text_of(version);
        let replacing = answer["result"]
            .as_array()
            .unwrap_or_else(|| panic!("version {version}: {answer}"))
            .iter()
            .filter(|a| a["title"] == "Replace `smpp` with `smp`");
        let mut fixes = 0;
        for action in replacing {
            // The fix is made to the text it was asked about.
            let edits = action["edit"]["changes"][&file_uri].as_array().unwrap();
            assert_eq!(
                apply(text, edits),
                text.replace("{ -smpp }", "{ -smp }"),
                "version {version}"
            );
            fixes += 1;
        }
        assert_eq!(fixes, 1, "version {version}: {answer}");
    }
    client.shut_down();
}
