//! `folio lsp` as a translator types: the time from an edit (`didChange`) to its findings
//! (`publishDiagnostics`) in the largest file of mozilla.org's German translation, 100 edits,
//! p50 and p99 — beside two anchors measured in the same run: parsing that one file
//! (fluent-syntax alone, the floor of any checker) and `folio check` of the whole locale from
//! disk (what `check --watch` does on each save).
//!
//! The server runs in this process on an in-memory connection (lsp-server's), so the figure
//! is the server's work, not a pipe's. Reads `../shared/corpora/www-l10n` (`en` and `de`).
//!
//! Usage: `cargo bench --bench lsp` (`EDITS=1000` for more edits).

#![allow(
    clippy::print_stdout,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)] // a benchmark reports on the terminal

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/www-l10n")
}

fn copy_locale(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The largest `.ftl` file under `dir`.
fn largest(dir: &Path) -> PathBuf {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
        .max_by_key(|e| e.metadata().map_or(0, |m| m.len()))
        .unwrap()
        .into_path()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    // The nearest rank: the smallest time that at least `p` of the times do not exceed.
    let rank = (sorted.len() * (p * 100.0) as usize).div_ceil(100);
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Waits for the diagnostics of `uri` at `version`.
fn wait_for(client: &Connection, uri: &str, version: i64) -> usize {
    loop {
        let message = client
            .receiver
            .recv_timeout(Duration::from_secs(60))
            .unwrap();
        if let Message::Notification(n) = message {
            if n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
                && n.params["version"] == json!(version)
            {
                return n.params["diagnostics"].as_array().unwrap().len();
            }
        }
    }
}

/// The anchors: parsing `text` alone, and `folio check` of the locale `de` from disk (best of
/// seven each).
fn anchors(root: &Path, text: &str) -> (Duration, Duration) {
    let best = |work: &mut dyn FnMut()| {
        (0..7)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let parse = best(&mut || {
        let _ = std::hint::black_box(fluent_syntax::parser::parse(text));
    });
    let options = folio::CheckOptions {
        locales: vec!["de".into()],
        ..folio::CheckOptions::default()
    };
    let check = best(&mut || {
        let project = folio::Project::open(root).unwrap();
        let _ = std::hint::black_box(folio::check(&project, &options).unwrap());
    });

    (parse, check)
}

/// Opens `uri` (holding `text`) in a server on `root`, makes `edits` edits, and returns the
/// time to the first findings, each edit's time to its findings, and the most findings seen.
fn serve(root: &Path, uri: &str, text: &str, edits: usize) -> (Duration, Vec<Duration>, usize) {
    // The server, on an in-memory connection.
    let (server, client) = Connection::memory();
    let served_root = root.to_path_buf();
    let thread = std::thread::spawn(move || folio::lsp::serve(&server, Some(&served_root)));
    let initialize = Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({"capabilities": {}, "processId": null}),
    );
    client.sender.send(initialize.into()).unwrap();
    loop {
        if let Message::Response(_) = client.receiver.recv().unwrap() {
            break;
        }
    }
    let notify = |method: &str, params: Value| {
        let n = Notification::new(method.into(), params);
        client.sender.send(n.into()).unwrap();
    };
    notify("initialized", json!({}));
    let started = Instant::now();
    notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "fluent", "version": 0, "text": text}}),
    );
    wait_for(&client, uri, 0);
    let opened = started.elapsed();

    // Edits as typed: a word added to a line, then taken away, down the file.
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(" = ") && !l.starts_with('#'))
        .map(|(i, _)| i)
        .collect();
    let mut times = Vec::with_capacity(edits);
    let mut findings = 0;
    for i in 0..edits {
        let line = lines[(i / 2 * 7) % lines.len()];
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"})
        } else {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""})
        };
        let version = i64::try_from(i).unwrap() + 1;
        let start = Instant::now();
        notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
        findings = findings.max(wait_for(&client, uri, version));
        times.push(start.elapsed());
    }
    let shutdown = Request::new(RequestId::from(2), "shutdown".into(), Value::Null);
    client.sender.send(shutdown.into()).unwrap();
    notify("exit", Value::Null);
    drop(client);
    thread.join().unwrap().unwrap();

    (opened, times, findings)
}

fn main() {
    let edits: usize = std::env::var("EDITS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let project = tempfile::tempdir().unwrap();
    let root = project.path().canonicalize().unwrap();
    std::fs::write(root.join("folio.toml"), "reference = \"en\"\n").unwrap();
    for locale in ["en", "de"] {
        copy_locale(&corpus().join(locale), &root.join("locales").join(locale));
    }
    let file = largest(&root.join("locales/de"));
    let text = std::fs::read_to_string(&file).unwrap();
    let uri = format!("file://{}", file.display());
    let files = walkdir::WalkDir::new(root.join("locales/de"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
        .count();

    let (parse, check) = anchors(&root, &text);

    let (opened, mut times, findings) = serve(&root, &uri, &text, edits);
    times.sort();
    let p50 = percentile(&times, 0.5);
    let p99 = percentile(&times, 0.99);
    println!(
        "www-l10n de ({files} files), the edited file {} ({} KB); {edits} edits",
        file.strip_prefix(&root).unwrap().display(),
        text.len() / 1024
    );
    println!(
        "  open (first check of the locale)    {:>8.2} ms",
        ms(opened)
    );
    println!(
        "  edit → findings   p50 {:>8.2} ms   p99 {:>8.2} ms   (up to {findings} findings)",
        ms(p50),
        ms(p99)
    );
    println!(
        "  anchor: parse the file alone        {:>8.2} ms   p50 = {:.1}× it",
        ms(parse),
        ms(p50) / ms(parse)
    );
    println!(
        "  anchor: folio check of the locale   {:>8.2} ms   p50 = {:.2}× it",
        ms(check),
        ms(p50) / ms(check)
    );
}
