//! `folio fmt` on any text: no panic and no refusal "as a bug"; what it writes parses to the
//! same syntax tree as what it read; a second run changes nothing.
#![no_main]

#[path = "common.rs"]
mod common;

use fluent_syntax::parser::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let formatted = match folio::edit::fmt::format(text) {
        Ok(formatted) => formatted,
        // Formatting a file that parses is never refused as a bug of Folio's.
        Err(folio::edit::FileError::Changed) => panic!("fmt refused as a bug:\n---\n{text}"),
        Err(_) => return,
    };
    // fluent-syntax splits text elements differently around `\r\n` and `\n`: compare both
    // with `\n` line endings. (Unambiguous here: fmt refuses a CR before a line end.)
    let lf = |text: &str| common::unmarked(text).replace("\r\n", "\n");
    let (before, after) = (lf(text), lf(&formatted));
    let (before, after) = (before.as_str(), after.as_str());
    let before = parse(before).expect("fmt formats only files that parse");
    let after = parse(after).unwrap_or_else(|(_, errors)| {
        panic!("fmt wrote a syntax error: {errors:?}\n---\n{formatted}")
    });
    assert_eq!(
        before, after,
        "fmt changed the syntax tree:\n---\n{formatted}"
    );
    let again = folio::edit::fmt::format(&formatted).expect("fmt's output formats");
    assert_eq!(again, formatted, "a second fmt changed the file");
});
