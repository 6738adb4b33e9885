//! The stdio transport: LSP's `Content-Length` frames carrying lsp-server's messages.
//!
//! lsp-server's own stdio transport ends the connection on the first malformed message; a
//! language server must answer it instead (JSON-RPC's parse error or invalid request) and
//! read on. Framing is all that is done here: the messages are lsp-server's types.

use std::io::{BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use lsp_server::{Connection, Message};
use serde_json::{Value, json};

/// The largest message read (a whole file's text travels in one): larger ones are skipped.
const MAX_MESSAGE: usize = 256 << 20;

/// Threads reading stdin and writing stdout; joined when the connection ends.
pub(crate) struct Transport {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl Transport {
    pub(crate) fn join(self) {
        // The reader may be blocked on stdin, which the client closes when it is done: it is
        // not waited for. The writer ends when the last sender is dropped.
        drop(self.reader);
        let _ = self.writer.join();
    }
}

/// A connection over stdin and stdout.
pub(crate) fn stdio() -> (Connection, Transport) {
    let (to_server, from_client) = bounded::<Message>(0);
    let (to_client, outgoing) = unbounded::<Message>();
    let (raw_to_client, raw_outgoing) = unbounded::<String>();
    let writer = thread::spawn(move || write_all(&outgoing, &raw_outgoing));
    let reader = thread::spawn(move || {
        let stdin = std::io::stdin();
        read_all(&mut stdin.lock(), &to_server, &raw_to_client);
    });
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, Transport { reader, writer })
}

fn write_all(messages: &Receiver<Message>, raw: &Receiver<String>) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    loop {
        let written = crossbeam_channel::select! {
            recv(messages) -> message => match message {
                Ok(message) => message.write(&mut out),
                Err(_) => return,
            },
            recv(raw) -> text => match text {
                Ok(text) => write!(out, "Content-Length: {}\r\n\r\n{text}", text.len())
                    .and_then(|()| out.flush()),
                Err(_) => continue,
            },
        };
        if written.is_err() {
            return; // the client is gone
        }
    }
}

/// Reads frames until stdin ends (or the server stops listening), passing each message on
/// and answering each malformed one.
pub(crate) fn read_all(
    input: &mut impl BufRead,
    to_server: &Sender<Message>,
    raw: &Sender<String>,
) {
    loop {
        let frame = match read_frame(input) {
            Ok(Some(frame)) => frame,
            Ok(None) => return,
            Err(problem) => {
                let _ = raw.send(error_response(&Value::Null, -32700, &problem));
                continue;
            }
        };
        match parse(&frame) {
            Ok(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Err(answer) => {
                let _ = raw.send(answer);
            }
        }
    }
}

/// One frame's body; `Ok(None)` at the end of the input. A frame that cannot be read (no
/// `Content-Length`, a body that is not UTF-8, one too large) is an error, and reading goes
/// on after it.
fn read_frame(input: &mut impl BufRead) -> Result<Option<String>, String> {
    let mut length = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(err) => {
                // Not UTF-8, or stdin failed: a failed stdin ends the connection.
                if err.kind() == std::io::ErrorKind::InvalidData {
                    return Err("a header that is not UTF-8".into());
                }
                return Ok(None);
            }
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue; // blank lines between frames
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let Some(length) = length else {
        return Err("a message without a valid Content-Length header".into());
    };
    if length > MAX_MESSAGE {
        let skipped = std::io::copy(&mut input.take(length as u64), &mut std::io::sink());
        return match skipped {
            Ok(_) => Err(format!(
                "a message of {length} bytes, over the limit of {MAX_MESSAGE}"
            )),
            Err(_) => Ok(None),
        };
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Ok(None);
    }
    String::from_utf8(body)
        .map(Some)
        .map_err(|_| "a message that is not UTF-8".into())
}

/// The message in `frame`, or the error response that answers it.
fn parse(frame: &str) -> Result<Message, String> {
    let value: Value = serde_json::from_str(frame)
        .map_err(|err| error_response(&Value::Null, -32700, &format!("not JSON: {err}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|err| {
        error_response(
            &id,
            -32600,
            &format!("not a JSON-RPC request or notification: {err}"),
        )
    })
}

fn error_response(id: &Value, code: i32, message: &str) -> String {
    // An id that is not a number or a string cannot be echoed (JSON-RPC: null then).
    let id = match id {
        Value::Number(_) | Value::String(_) => id.clone(),
        _ => Value::Null,
    };
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> (Vec<Message>, Vec<String>) {
        let (to_server, messages) = unbounded();
        let (raw, answers) = unbounded();
        read_all(&mut input.as_bytes(), &to_server, &raw);
        drop((to_server, raw));
        (messages.iter().collect(), answers.iter().collect())
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_frames_are_answered_and_reading_goes_on() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"method":42}"#),
            "X-Nothing: 1\r\n\r\n".to_string(),
            frame(good),
        ]
        .concat();
        let (messages, answers) = frames(&input);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert_eq!(answers.len(), 3, "{answers:?}");
        assert!(answers[0].contains("-32700") && answers[0].contains("\"id\":null"));
        assert!(answers[1].contains("-32600") && answers[1].contains("\"id\":7"));
        assert!(answers[2].contains("Content-Length"));
    }

    #[test]
    fn a_cut_off_body_ends_the_input_without_a_message() {
        let (messages, answers) = frames("Content-Length: 100\r\n\r\n{}");
        assert!(messages.is_empty() && answers.is_empty());
    }
}
