//! `folio fmt` on any text: no panic; what it writes parses to the same syntax tree as what
//! it read; a second run changes nothing.
#![no_main]

#[path = "common.rs"]
mod common;

use fluent_syntax::parser::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(formatted) = folio::edit::fmt::format(text) else {
        return;
    };
    let (before, after) = (common::unmarked(text), common::unmarked(&formatted));
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
