//! Input that used to panic or overflow the stack: each is now a syntax error (Junk).

use fluent_syntax::parser::{parse, ErrorKind, MAX_NESTING};

#[test]
fn a_unicode_escape_cut_short_by_a_multibyte_character_is_an_error() {
    for source in ["a = { \"\\u006é\" }\n", "a = { \"\\U01F6é\" }\n", "a = { \"\\u0😀\" }\n"] {
        let (_, errors) = parse(source).expect_err(source);
        assert!(
            matches!(errors[0].kind, ErrorKind::InvalidUnicodeEscapeSequence(_)),
            "{source}: {:?}",
            errors[0].kind
        );
    }
}

#[test]
fn nesting_beyond_the_limit_is_an_error_not_a_stack_overflow() {
    let nested = |n: usize| format!("a = {}\"x\"{}\nb = fine\n", "{ ".repeat(n), " }".repeat(n));
    assert!(parse(nested(MAX_NESTING).as_str()).is_ok());
    for n in [MAX_NESTING + 1, 100_000] {
        let source = nested(n);
        let (resource, errors) = parse(source.as_str()).expect_err("too deep");
        assert_eq!(errors[0].kind, ErrorKind::NestingTooDeep(MAX_NESTING));
        // The next entry is parsed as usual.
        assert_eq!(resource.body.len(), 2);
    }
    // Selects in variants, and calls in arguments, nest too.
    let selects = format!(
        "a = {}x{}\n",
        "{ $n ->\n *[one] ".repeat(MAX_NESTING + 1),
        "\n}".repeat(MAX_NESTING + 1)
    );
    let calls = format!(
        "a = {{ {}1{} }}\n",
        "NUMBER(".repeat(100_000),
        ")".repeat(100_000)
    );
    for source in [selects, calls] {
        let (_, errors) = parse(source.as_str()).expect_err("too deep");
        assert_eq!(errors[0].kind, ErrorKind::NestingTooDeep(MAX_NESTING));
    }
}
