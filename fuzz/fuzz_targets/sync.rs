//! `sync_text(reference, locale)` on any two texts: no panic; every line of the locale's file
//! is kept, byte for byte and in order (`--prune=keep`), every entry of the locale parses to
//! the same tree; the result parses; a second sync changes nothing. `move` and `delete` must
//! not panic and must give a file that parses.
#![no_main]

#[path = "common.rs"]
mod common;

use fluent_syntax::ast::Entry;
use fluent_syntax::parser::parse;
use folio::edit::FileError;
use folio::edit::sync::{Prune, sync_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (reference, locale) = common::two(data);
    let (Ok(reference), Ok(locale)) = (std::str::from_utf8(reference), std::str::from_utf8(locale))
    else {
        return;
    };
    let synced = match sync_text(reference, Some(locale), Prune::Keep) {
        Ok(synced) => synced,
        Err(FileError::Changed) => panic!("sync refused as a bug:\n---\n{locale}"),
        Err(_) => return,
    };
    let (before, after) = (common::unmarked(locale), common::unmarked(&synced.text));
    // Every line of the locale's file, in order (a final line may gain its newline); a file
    // of blank lines only is replaced by the reference's entries.
    let blank = before.bytes().all(|b| matches!(b, b' ' | b'\n' | b'\r'));
    let mut lines = after.lines();
    for line in before.lines().filter(|_| !blank) {
        assert!(
            lines.any(|l| l == line),
            "sync lost or changed the line {line:?}\n---\n{}",
            synced.text
        );
    }
    // Sync reads a file as if it ended with a line ending: a last line of spaces without
    // one is a syntax error for fluent-syntax alone (the spec counts the end of the file as a
    // line end), and stays one. Whatever parsed before must parse after.
    let parses = |text: &str| parse(text.to_string()).is_ok();
    let ast = |text: &str| -> Vec<Entry<String>> {
        match parse(text.to_string()) {
            Ok(resource) | Err((resource, _)) => resource.body,
        }
    };
    let must_parse = |text: &str, before: &str| {
        let strictly = parses(before);
        if strictly || parses(&format!("{before}\n")) {
            let text = if strictly {
                text.to_string()
            } else {
                format!("{text}\n")
            };
            if let Err((_, errors)) = parse(text.as_str()) {
                panic!("sync wrote a syntax error: {errors:?}\n---\n{text}");
            }
        }
    };
    // A file left as it is may be one the parser cannot read (blank lines and spaces only).
    if synced.text != locale {
        must_parse(after, before);
        let (old, new) = (ast(before), ast(after));
        for entry in old
            .iter()
            .filter(|e| matches!(e, Entry::Message(_) | Entry::Term(_)))
        {
            assert!(
                new.contains(entry),
                "sync changed {entry:?}\n---\n{}",
                synced.text
            );
        }
    }
    let again = sync_text(reference, Some(&synced.text), Prune::Keep).expect("sync's output syncs");
    assert_eq!(again.text, synced.text, "a second sync changed the file");
    assert!(again.added.is_empty());

    for prune in [Prune::Move, Prune::Delete] {
        match sync_text(reference, Some(locale), prune) {
            Ok(pruned) if pruned.text != locale => {
                must_parse(common::unmarked(&pruned.text), before);
            }
            Ok(_) => {}
            // Pruning edits a file that keeping left alone: one ending in a bare CR is
            // refused then.
            Err(FileError::CarriageReturn { .. }) => {}
            Err(other) => panic!("it synced with keep, not with {prune:?}: {other}"),
        }
    }
    // A file to create.
    if let Ok(created) = sync_text(reference, None, Prune::Keep)
        && !created.text.is_empty()
    {
        must_parse(common::unmarked(&created.text), "");
    }
});
