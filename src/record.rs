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

use crate::ftl::is_identifier;

/// The record's file name, inside each locale folder.
pub const RECORD_FILE: &str = "folio-record.txt";

/// The comment at the top of every record.
const HEADER: &str = "\
# Folio's record: the reference text each translation in this folder was made from.
# `folio new` and `folio sync` write it, `folio check` reads it and reports a translation as
# `outdated` when its reference text has changed since. Keep it in the repository beside the
# translations; do not edit it by hand (`folio sync --confirm LOCALE [ID]...` records a
# translation that is still right as current).
# Each line: a value or attribute, the translation's fingerprint, the reference text.
";

/// One line of a record as read, borrowing the record's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordLine<'a> {
    /// The message's or term's id (a term's with its `-`).
    pub id: &'a str,
    /// The attribute, or `None` for the value.
    pub attribute: Option<&'a str>,
    /// The translation's fingerprint when it was recorded.
    pub fingerprint: &'a str,
    /// The reference's canonical text when it was recorded, escaped as in the file.
    pub escaped: &'a str,
    /// Its line in the file, from 1.
    pub line: usize,
    /// Where the line is in the file.
    pub span: Range<usize>,
}

impl RecordLine<'_> {
    /// The reference's text when the translation was recorded.
    pub fn reference(&self) -> Cow<'_, str> {
        unescaped(self.escaped)
    }
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

/// A record as read: its lines (keyed by id and attribute) and the lines it could not read.
#[derive(Debug, Default)]
pub struct Record<'a> {
    lines: Vec<RecordLine<'a>>,
    by_key: HashMap<(&'a str, &'a str), usize>,
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
    /// assert_eq!(line.reference(), "A photo\nof me");
    /// assert!(record.problems.is_empty());
    /// ```
    pub fn parse(text: &'a str) -> Record<'a> {
        let mut record = Record::default();
        let mut start = 0;
        for (number, raw) in text.split_inclusive('\n').enumerate() {
            let span = start..start + raw.len();
            start = span.end;
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let number = number + 1;
            match read_line(line) {
                Ok((id, attribute, fingerprint, escaped)) => {
                    let key = (id, attribute.unwrap_or(""));
                    if let Some(&first) = record.by_key.get(&key) {
                        let first = record.lines[first].line;
                        record.problems.push(RecordProblem {
                            line: number,
                            span,
                            message: format!(
                                "`{}` is recorded twice (first on line {first})",
                                key_text(id, attribute)
                            ),
                        });
                        continue;
                    }
                    record.by_key.insert(key, record.lines.len());
                    record.lines.push(RecordLine {
                        id,
                        attribute,
                        fingerprint,
                        escaped,
                        line: number,
                        span,
                    });
                }
                Err(message) => record.problems.push(RecordProblem {
                    line: number,
                    span,
                    message,
                }),
            }
        }
        record
    }

    /// The line of `id`'s value (`attribute` `None`) or attribute.
    pub fn get(&self, id: &str, attribute: Option<&str>) -> Option<&RecordLine<'a>> {
        let i = *self.by_key.get(&(id, attribute.unwrap_or("")))?;
        Some(&self.lines[i])
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

/// `id.attribute` split into its id and attribute; `None` when it is not one.
pub fn split_key(key: &str) -> Option<(&str, Option<&str>)> {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let name = id.strip_prefix('-').unwrap_or(id);
    (is_identifier(name) && attribute.is_none_or(is_identifier)).then_some((id, attribute))
}

/// One record line's parts: id, attribute, fingerprint, escaped text.
type Parts<'a> = (&'a str, Option<&'a str>, &'a str, &'a str);

fn read_line(line: &str) -> Result<Parts<'_>, String> {
    if ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
        .iter()
        .any(|marker| line.starts_with(marker))
    {
        return Err(format!(
            "a merge conflict marker (`{}`) in the record: keep both sides' lines about \
             different entries; of two lines about one entry keep either",
            &line[..7]
        ));
    }
    let mut parts = line.splitn(3, ' ');
    let key = parts.next().unwrap_or_default();
    let (Some(fingerprint), Some(escaped)) = (parts.next(), parts.next()) else {
        return Err(
            "not a record line (an id, a fingerprint and the reference text, \
                    separated by spaces)"
                .to_string(),
        );
    };
    let Some((id, attribute)) = split_key(key) else {
        return Err(format!("`{key}` is not a message, term or attribute id"));
    };
    if fingerprint.len() != 16 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`{fingerprint}` is not a fingerprint (16 hexadecimal digits)"
        ));
    }
    if let Err(at) = unescape(escaped) {
        return Err(format!(
            "the reference text has an unknown escape `{}` (only `\\\\`, `\\n`, `\\r` and `\\t`)",
            escaped[at..].chars().take(2).collect::<String>()
        ));
    }
    Ok((id, attribute, fingerprint, escaped))
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
    /// The reference's canonical text it was made from (not escaped).
    pub reference: String,
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
                    reference: line.reference().into_owned(),
                };
                (key_text(line.id, line.attribute), recorded)
            })
            .collect();
        RecordData { entries }
    }

    /// The record's file: the header, then one line per entry, sorted.
    pub fn to_text(&self) -> String {
        let size: usize = self
            .entries
            .iter()
            .map(|(key, r)| key.len() + r.reference.len() + 20)
            .sum();
        let mut text = String::with_capacity(HEADER.len() + size);
        text.push_str(HEADER);
        for (key, recorded) in &self.entries {
            text.push_str(key);
            text.push(' ');
            text.push_str(&recorded.fingerprint);
            text.push(' ');
            text.push_str(&escape(&recorded.reference));
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_what_was_written() {
        let mut data = RecordData::default();
        for (key, text) in [
            ("title", "Hello"),
            ("-brand", "Folio"),
            ("hero.alt", "A photo\\of\nme\tand\r"),
            ("count", "{ $n ->\n    [one] one\n   *[other] many\n}"),
        ] {
            data.entries.insert(
                key.to_string(),
                Recorded {
                    fingerprint: "0123456789abcdef".into(),
                    reference: text.into(),
                },
            );
        }
        let text = data.to_text();
        let record = Record::parse(&text);
        assert!(record.problems.is_empty(), "{:?}", record.problems);
        assert_eq!(RecordData::read(&record), data);
        assert_eq!(
            record.get("hero", Some("alt")).unwrap().reference(),
            "A photo\\of\nme\tand\r"
        );
        assert_eq!(record.get("-brand", None).unwrap().line, 7);
        // Sorted, one line each: the order does not depend on how the record was built.
        let keys: Vec<_> = record.lines().iter().map(|l| l.id).collect();
        assert_eq!(keys, ["-brand", "count", "hero", "title"]);
    }

    #[test]
    fn lines_that_are_not_records_are_problems_and_the_rest_is_read() {
        let text = "a 0123456789abcdef A\n<<<<<<< HEAD\nb 0123456789abcdef B\n=======\n\
                    b 0123456789abcdef B2\n>>>>>>> theirs\nc xyz C\n1d 0123456789abcdef D\n\
                    e 0123456789abcdef bad \\q escape\nf\n";
        let record = Record::parse(text);
        let problems: Vec<_> = record
            .problems
            .iter()
            .map(|p| {
                (
                    p.line,
                    p.message.split(' ').take(3).collect::<Vec<_>>().join(" "),
                )
            })
            .collect();
        assert_eq!(
            problems,
            [
                (2, "a merge conflict".to_string()),
                (4, "a merge conflict".into()),
                (5, "`b` is recorded".into()),
                (6, "a merge conflict".into()),
                (7, "`xyz` is not".into()),
                (8, "`1d` is not".into()),
                (9, "the reference text".into()),
                (10, "not a record".into()),
            ]
        );
        assert_eq!(record.lines().len(), 2);
        assert_eq!(&text[record.problems[0].span.clone()], "<<<<<<< HEAD\n");
    }

    #[test]
    fn keys() {
        assert_eq!(split_key("a.b"), Some(("a", Some("b"))));
        assert_eq!(split_key("-t"), Some(("-t", None)));
        assert_eq!(split_key("-t.gender"), Some(("-t", Some("gender"))));
        assert_eq!(split_key("a.b.c"), None);
        assert_eq!(split_key("a."), None);
        assert_eq!(split_key(""), None);
        assert_eq!(escape("plain"), "plain");
    }
}
