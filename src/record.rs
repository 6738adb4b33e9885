//! The record of the reference text each translation was made from: one file per locale
//! folder (`locales/de/folio-record.txt`), which `folio new` and `folio sync` write and
//! `folio check` reads to report translations whose reference has changed since (`outdated`).
//!
//! No git history is needed (CI clones are shallow): the record keeps, for each translated
//! value and attribute, the reference's text as it was (its canonical text, see
//! `ftl::canonical`) and a fingerprint of the translation as it was. A translation is outdated
//! when the reference's text differs from the recorded one and the translation's fingerprint
//! does not (nobody has touched it since).
//!
//! The file is sorted text, one line per value or attribute —
//! `smp-removal-hero.alt 5f0c8e1b2a3d4c6e A photo of …` — so that it reviews and merges like
//! code: two translators working on two locales never touch the same file, and entries are
//! keyed by id, not by file, so moving or renaming a Fluent file loses nothing.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::ftl::is_identifier_bytes;

/// The record's file name, inside each locale folder.
pub const RECORD_FILE: &str = "folio-record.txt";

/// The comment at the top of every record.
const HEADER: &str = "\
# Folio's record: the reference text each translation in this folder was made from.
# `folio new` and `folio sync` write it, `folio check` reads it and reports a translation as
# `outdated` when its reference text has changed since. Keep it in the repository beside the
# translations; do not edit it by hand (`folio sync --confirm LOCALE [ID]...` records a
# translation that is still right as current).
# Each line: a value or attribute, the translation's fingerprint, the reference text (left
# out when it was the translation's own text: a copy not translated yet, a name).
";

/// One line of a record as read, borrowing the record's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordLine<'a> {
    /// `id` or `id.attribute`, as written.
    pub key: &'a str,
    /// The message's or term's id (a term's with its `-`).
    pub id: &'a str,
    /// The attribute, or `None` for the value.
    pub attribute: Option<&'a str>,
    /// The translation's fingerprint when it was recorded.
    pub fingerprint: &'a str,
    /// The reference's canonical text when it was recorded, escaped as in the file: UTF-8
    /// unless the file is damaged (a record is read as bytes, and only the text a check
    /// needs is decoded: most lines are only compared). `None` when the line leaves it out:
    /// it was the translation's own text, whose fingerprint the line keeps.
    pub escaped: Option<&'a [u8]>,
    /// Its line in the file, from 1.
    pub line: usize,
    /// Where the line is in the file.
    pub span: Range<usize>,
}

impl RecordLine<'_> {
    /// The reference's text when the translation was recorded (bytes that are not UTF-8
    /// become `�`); `None` when it was the translation's own text.
    pub fn reference(&self) -> Option<String> {
        let escaped = self.escaped?;
        Some(unescaped(&String::from_utf8_lossy(escaped)).into_owned())
    }
}

/// A line of a record as it stands, its parts not checked yet: what [`Record::scan`] gives,
/// for a reader that checks only what it uses ([`RawLine::read`] checks the id and the
/// fingerprint).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// `id` or `id.attribute`, as written.
    pub key: &'a [u8],
    /// The translation's fingerprint, as written.
    pub fingerprint: &'a [u8],
    /// The reference's text, escaped; `None` when the line leaves it out.
    pub escaped: Option<&'a [u8]>,
    /// Its line in the file, from 1.
    pub line: usize,
    /// Where the line is in the file.
    pub span: Range<usize>,
}

impl<'a> RawLine<'a> {
    /// The line with its id and fingerprint checked (not its text: [`Record::text_problem`]).
    ///
    /// # Errors
    /// What is wrong with the id or the fingerprint.
    pub fn read(&self) -> Result<RecordLine<'a>, String> {
        let shown = |part: &[u8]| String::from_utf8_lossy(part).into_owned();
        // Ids and fingerprints are ASCII: checked byte by byte, they need no UTF-8 validation
        // beyond the (ASCII) fast path.
        let Some((key, id, attribute)) = read_key(self.key) else {
            return Err(format!(
                "`{}` is not a message, term or attribute id",
                shown(self.key)
            ));
        };
        if !is_fingerprint(self.fingerprint) {
            return Err(format!(
                "`{}` is not a fingerprint (16 hexadecimal digits)",
                shown(self.fingerprint)
            ));
        }
        Ok(RecordLine {
            key,
            id,
            attribute,
            fingerprint: std::str::from_utf8(self.fingerprint).unwrap_or_default(),
            escaped: self.escaped,
            line: self.line,
            span: self.span.clone(),
        })
    }
}

/// Whether `bytes` is a fingerprint: 16 hexadecimal digits.
pub fn is_fingerprint(bytes: &[u8]) -> bool {
    bytes.len() == 16 && bytes.iter().all(u8::is_ascii_hexdigit)
}

/// A line of a record that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordProblem {
    /// Its line, from 1.
    pub line: usize,
    /// Where it is in the file.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
}

/// A record as read: its lines and the lines it could not read.
#[derive(Debug, Default)]
pub struct Record<'a> {
    lines: Vec<RecordLine<'a>>,
    /// Whether the lines are sorted by key, as Folio writes them (a record merged or edited
    /// by hand may not be).
    sorted: bool,
    /// The lines that are not records (a merge conflict, a line edited by hand).
    pub problems: Vec<RecordProblem>,
}

impl<'a> Record<'a> {
    /// Reads `text`, leniently: a line that is not a record is a problem, the others are
    /// read. Comments (`#`) and blank lines are skipped.
    ///
    /// # Example
    /// ```
    /// use folio::Record;
    ///
    /// let record = Record::parse("# comment\nhero.alt 0123456789abcdef A photo\\nof me\n");
    /// let line = record.get("hero", Some("alt")).unwrap();
    /// assert_eq!(line.reference().as_deref(), Some("A photo\nof me"));
    /// assert!(record.problems.is_empty());
    /// ```
    pub fn parse(text: &'a str) -> Record<'a> {
        Record::parse_bytes(text.as_bytes())
    }

    /// [`Record::parse`] on the file's bytes, which need not be checked for UTF-8 first: the
    /// ids and fingerprints are (they are ASCII), the reference texts are checked too.
    pub fn parse_bytes(bytes: &'a [u8]) -> Record<'a> {
        Record::read(bytes)
    }

    /// Reads the record in `bytes` line by line, giving each line to `each` as it stands,
    /// without keeping it: for `folio check`, which compares most lines with the reference
    /// (a key and a text equal to the reference's are valid) and checks the others when it
    /// reads them ([`RawLine::read`], [`Record::text_problem`]). Returns the lines that are
    /// not records at all (conflict markers, no fingerprint) and the keys recorded twice.
    pub fn scan(bytes: &'a [u8], each: &mut dyn FnMut(RawLine<'a>)) -> Vec<RecordProblem> {
        split(bytes, each).0
    }

    /// What is wrong with a line's escaped reference text, if anything: an unknown escape,
    /// or bytes that are not UTF-8.
    pub fn text_problem(escaped: &[u8]) -> Option<String> {
        text_problem(escaped)
    }

    fn read(bytes: &'a [u8]) -> Record<'a> {
        // A line is about 100 bytes in real records: most of them fit without regrowing.
        let mut lines = Vec::with_capacity(bytes.len() / 96);
        let (problems, sorted) = read(bytes, &mut |line| lines.push(line));
        Record {
            lines,
            sorted,
            problems,
        }
    }

    /// The line of `id`'s value (`attribute` `None`) or attribute.
    pub fn get(&self, id: &str, attribute: Option<&str>) -> Option<&RecordLine<'a>> {
        let key = key_text(id, attribute);
        if self.sorted {
            let i = self.lines.binary_search_by(|l| l.key.cmp(&key)).ok()?;
            return Some(&self.lines[i]);
        }
        self.lines.iter().find(|l| l.key == key)
    }

    /// Every line that could be read, in the file's order.
    pub fn lines(&self) -> &[RecordLine<'a>] {
        &self.lines
    }
}

/// `id` or `id.attribute`: how the record and the command line name a value or attribute.
pub fn key_text(id: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("{id}.{attribute}"),
        None => id.to_string(),
    }
}

/// Reads the record in `bytes`, giving each line to `each`; returns the lines that are not
/// records and whether the others are sorted.
fn read<'a>(bytes: &'a [u8], each: &mut dyn FnMut(RecordLine<'a>)) -> (Vec<RecordProblem>, bool) {
    let mut bad = Vec::new();
    let (mut problems, sorted) = split(bytes, &mut |raw| {
        let line = raw
            .read()
            .and_then(|line| match line.escaped.and_then(text_problem) {
                Some(problem) => Err(problem),
                None => Ok(line),
            });
        match line {
            Ok(line) => each(line),
            Err(message) => bad.push(RecordProblem {
                line: raw.line,
                span: raw.span,
                message,
            }),
        }
    });
    problems.extend(bad);
    problems.sort_by_key(|p| p.line);
    (problems, sorted)
}

/// Splits the record in `bytes` into its lines, giving each to `each` unchecked; returns the
/// lines that are not records at all and the keys recorded twice, and whether the keys are
/// sorted.
fn split<'a>(bytes: &'a [u8], each: &mut dyn FnMut(RawLine<'a>)) -> (Vec<RecordProblem>, bool) {
    let mut problems = Vec::new();
    // The previous line's key and number: sorted lines show a key recorded twice as two
    // neighbours. Once a line is out of order, every key seen is kept instead.
    let mut previous: Option<(&'a [u8], usize)> = None;
    let mut seen: Option<HashMap<&'a [u8], usize>> = None;
    for (number, span, line) in lines_of(bytes) {
        let (key, fingerprint, escaped) = match split_line(line) {
            Ok(parts) => parts,
            Err(message) => {
                problems.push(RecordProblem {
                    line: number,
                    span,
                    message,
                });
                continue;
            }
        };
        let first = match (previous, &mut seen) {
            (Some((previous, line)), None) => match previous.cmp(key) {
                std::cmp::Ordering::Less => None,
                std::cmp::Ordering::Equal => Some(line),
                std::cmp::Ordering::Greater => {
                    let mut keys = keys_before(bytes, span.start);
                    let first = keys.get(key).copied();
                    keys.entry(key).or_insert(number);
                    seen = Some(keys);
                    first
                }
            },
            (_, Some(keys)) => {
                let first = keys.get(key).copied();
                keys.entry(key).or_insert(number);
                first
            }
            (None, None) => None,
        };
        if let Some(first) = first {
            problems.push(RecordProblem {
                line: number,
                span,
                message: format!(
                    "`{}` is recorded twice (first on line {first})",
                    String::from_utf8_lossy(key)
                ),
            });
            continue;
        }
        previous = Some((key, number));
        each(RawLine {
            key,
            fingerprint,
            escaped,
            line: number,
            span,
        });
    }
    (problems, seen.is_none())
}

/// The lines of a record that are not comments or blank: (number, span, text without its
/// line ending).
fn lines_of(bytes: &[u8]) -> impl Iterator<Item = (usize, Range<usize>, &[u8])> {
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        loop {
            if start >= bytes.len() {
                return None;
            }
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
            let span = start..end;
            start = end;
            number += 1;
            let raw = &bytes[span.clone()];
            let line = raw.strip_suffix(b"\n").unwrap_or(raw);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            if line.first() == Some(&b'#') || line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some((number, span, line));
        }
    })
}

/// The key of every record line before `end`, with its line's number (the first of each).
fn keys_before(bytes: &[u8], end: usize) -> HashMap<&[u8], usize> {
    let mut keys = HashMap::default();
    for (number, _, line) in lines_of(&bytes[..end]) {
        if let Ok((key, ..)) = split_line(line) {
            keys.entry(key).or_insert(number);
        }
    }
    keys
}

/// What is wrong with an escaped reference text, if anything: an unknown escape, or bytes
/// that are not UTF-8.
fn text_problem(escaped: &[u8]) -> Option<String> {
    if let Some(at) = unknown_escape(escaped) {
        return Some(format!(
            "the reference text has an unknown escape `{}` (only `\\\\`, `\\n`, `\\r` and `\\t`)",
            String::from_utf8_lossy(&escaped[at..(at + 2).min(escaped.len())])
        ));
    }
    std::str::from_utf8(escaped)
        .err()
        .map(|_| "the reference text is not UTF-8".to_string())
}

/// One record line's parts as they stand: key, fingerprint, escaped text.
type Parts<'a> = (&'a [u8], &'a [u8], Option<&'a [u8]>);

/// A line split at its spaces; an error for a conflict marker or a line without a space.
fn split_line(line: &[u8]) -> Result<Parts<'_>, String> {
    if [b"<<<<<<<", b"=======", b">>>>>>>", b"|||||||"]
        .iter()
        .any(|marker| line.starts_with(*marker))
    {
        return Err(format!(
            "a merge conflict marker (`{}`) in the record: keep both sides' lines about \
             different entries; of two lines about one entry keep either",
            String::from_utf8_lossy(&line[..7])
        ));
    }
    let Some(space) = memchr::memchr(b' ', line) else {
        return Err(
            "not a record line (an id, a fingerprint and the reference text, separated by spaces)"
                .to_string(),
        );
    };
    let (key, rest) = (&line[..space], &line[space + 1..]);
    Ok(match memchr::memchr(b' ', rest) {
        Some(space) => (key, &rest[..space], Some(&rest[space + 1..])),
        None => (key, rest, None),
    })
}

/// The id and attribute of a key (`id`, `-term`, `id.attribute`), read as bytes.
fn read_key(key: &[u8]) -> Option<(&str, &str, Option<&str>)> {
    let dot = memchr::memchr(b'.', key);
    let (id, attribute) = match dot {
        Some(dot) => (&key[..dot], Some(&key[dot + 1..])),
        None => (key, None),
    };
    let name = id.strip_prefix(b"-").unwrap_or(id);
    if !is_identifier_bytes(name) || !attribute.is_none_or(is_identifier_bytes) {
        return None;
    }
    // ASCII, so one conversion, sliced at the dot.
    let key = std::str::from_utf8(key).ok()?;
    Some(match dot {
        Some(dot) => (key, &key[..dot], Some(&key[dot + 1..])),
        None => (key, key, None),
    })
}

/// Where `escaped` has an escape [`escape`] does not make.
fn unknown_escape(escaped: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\\', &escaped[from..]) {
        let at = from + i;
        match escaped.get(at + 1) {
            Some(b'\\' | b'n' | b'r' | b't') => from = at + 2,
            _ => return Some(at),
        }
    }
    None
}

/// `text` with backslashes, line endings and tabs escaped, so that it fits on one line.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['\\', '\n', '\r', '\t']) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// The text [`escape`] made `escaped` from (an unknown escape is kept as it is).
pub fn unescaped(escaped: &str) -> Cow<'_, str> {
    unescape(escaped).unwrap_or(Cow::Borrowed(escaped))
}

/// The text [`escape`] made `escaped` from; the offset of an unknown escape otherwise.
fn unescape(escaped: &str) -> Result<Cow<'_, str>, usize> {
    if !escaped.contains('\\') {
        return Ok(Cow::Borrowed(escaped));
    }
    let mut text = String::with_capacity(escaped.len());
    let mut chars = escaped.char_indices();
    while let Some((at, c)) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '\\')) => text.push('\\'),
            Some((_, 'n')) => text.push('\n'),
            Some((_, 'r')) => text.push('\r'),
            Some((_, 't')) => text.push('\t'),
            _ => return Err(at),
        }
    }
    Ok(Cow::Owned(text))
}

/// What a record says, owned and sorted by key: what `new` and `sync` write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordData {
    /// By `id` or `id.attribute`.
    pub entries: BTreeMap<String, Recorded>,
}

/// What the record keeps of one translated value or attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The translation's fingerprint when it was recorded.
    pub fingerprint: String,
    /// The reference's canonical text it was made from (not escaped); `None` when that was
    /// the translation's own text (the one `fingerprint` is of).
    pub reference: Option<String>,
}

impl Recorded {
    /// A translation whose fingerprint is `fingerprint`, made from the reference's canonical
    /// `reference` text: the text is left out when it is the translation's own.
    pub fn new(fingerprint: String, reference: &str) -> Recorded {
        let own = crate::ftl::canonical::fingerprint(reference) == fingerprint;
        Recorded {
            reference: (!own).then(|| reference.to_string()),
            fingerprint,
        }
    }

    /// Whether the translation was made from the reference's canonical `text`.
    pub fn is_from(&self, text: &str) -> bool {
        match &self.reference {
            Some(reference) => reference == text,
            None => crate::ftl::canonical::fingerprint(text) == self.fingerprint,
        }
    }
}

impl RecordData {
    /// The lines of `record` that could be read.
    pub fn read(record: &Record<'_>) -> RecordData {
        let entries = record
            .lines()
            .iter()
            .map(|line| {
                let recorded = Recorded {
                    fingerprint: line.fingerprint.to_ascii_lowercase(),
                    reference: line.reference(),
                };
                (line.key.to_string(), recorded)
            })
            .collect();
        RecordData { entries }
    }

    /// The record's file: the header, then one line per entry, sorted.
    pub fn to_text(&self) -> String {
        let size: usize = self
            .entries
            .iter()
            .map(|(key, r)| key.len() + r.reference.as_ref().map_or(0, String::len) + 20)
            .sum();
        let mut text = String::with_capacity(HEADER.len() + size);
        text.push_str(HEADER);
        for (key, recorded) in &self.entries {
            text.push_str(key);
            text.push(' ');
            text.push_str(&recorded.fingerprint);
            if let Some(reference) = &recorded.reference {
                text.push(' ');
                text.push_str(&escape(reference));
            }
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests;
