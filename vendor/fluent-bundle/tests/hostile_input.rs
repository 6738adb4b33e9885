//! Resolving that used to overflow the stack now stops with `ResolverError::TooDeep`.

use fluent_bundle::resolver::ResolverError;
use fluent_bundle::{FluentBundle, FluentError, FluentResource};

#[test]
fn calls_nested_through_references_stop_at_the_depth_limit() {
    // Each message passes the next through 98 nested calls: within the parser's nesting limit
    // one message at a time, but 100 × 98 levels of recursion once resolved.
    let mut source = String::new();
    for i in 0..150 {
        let (open, close) = ("NUMBER(".repeat(98), ")".repeat(98));
        source.push_str(&format!("m{i} = {{ {open}m{}{close} }}\n", i + 1));
    }
    source.push_str("m150 = 1\n");
    // On a thread with half the stack Rust gives a thread by default (2 MiB): at the limit,
    // an unoptimized build needs about 800 KiB of it.
    let errors = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let resource = FluentResource::try_new(source).expect("parses");
            let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
            bundle
                .add_function("NUMBER", |positional, _named| {
                    positional
                        .first()
                        .cloned()
                        .unwrap_or(fluent_bundle::FluentValue::Error)
                })
                .unwrap();
            bundle.add_resource(resource).unwrap();
            let pattern = bundle.get_message("m0").unwrap().value().unwrap();
            let mut errors = vec![];
            bundle.format_pattern(pattern, None, &mut errors);
            errors
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(
        errors.contains(&FluentError::ResolverError(ResolverError::TooDeep)),
        "{errors:?}"
    );
}

#[test]
fn nesting_within_the_limit_resolves() {
    let source = format!("a = {}\"x\"{}\n", "{ ".repeat(100), " }".repeat(100));
    let resource = FluentResource::try_new(source).expect("parses");
    let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.add_resource(resource).unwrap();
    let mut errors = vec![];
    let pattern = bundle.get_message("a").unwrap().value().unwrap();
    assert_eq!(bundle.format_pattern(pattern, None, &mut errors), "x");
    assert!(errors.is_empty(), "{errors:?}");
}

/// The variant `source`'s message `a` selects, in English.
fn selected(source: &str) -> String {
    let resource = FluentResource::try_new(source.to_string()).expect("parses");
    let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.add_resource(resource).unwrap();
    let mut errors = vec![];
    let pattern = bundle.get_message("a").unwrap().value().unwrap();
    bundle.format_pattern(pattern, None, &mut errors).to_string()
}

#[test]
fn a_number_too_precise_for_plural_operands_selects_the_default_variant() {
    // 40 fraction digits: `10^(40 - v)` overflowed a u64 (a panic in debug builds, a wrapped,
    // wrong value in release builds).
    let long = format!("1.{}", "0".repeat(40));
    let source = format!("a = {{ {long} ->\n    [one] one\n   *[other] other\n}}\n");
    assert_eq!(selected(&source), "other");
    // A fraction with more digits than a u64 holds: the conversion panicked.
    let tiny = format!("0.{}1", "0".repeat(30));
    let source = format!("a = {{ {tiny} ->\n    [one] one\n   *[other] other\n}}\n");
    assert_eq!(selected(&source), "other");
    // Ordinary numbers still select their category.
    assert_eq!(selected("a = { 1 ->\n    [one] one\n   *[other] other\n}\n"), "one");
    assert_eq!(selected("a = { 1.0 ->\n    [one] one\n   *[other] other\n}\n"), "other");
}

#[test]
fn a_select_on_a_literal_whose_variant_stops_resolving_writes_an_error_not_a_panic() {
    // `{ 1 -> ... }` whose variant passes `MAX_PLACEABLES` (10 × 10 references): the
    // selector's error was written through `unreachable!()`. Found by Folio's `eval` fuzzing.
    let many = |next: &str| format!("{{ {next} }}").repeat(10);
    let source = format!(
        "a = {{ 1 ->\n   *[x] {{ b }}\n}}\nb = {}\nc = {}\nd = x\n",
        many("c"),
        many("d")
    );
    // And a placeable inside a placeable, around the same variant.
    let nested = format!(
        "a = {{ {{ b }} }}\nb = {}\nc = {}\nd = x\n",
        many("c"),
        many("d")
    );
    for selector in ["1", "\"s\"", "nested"] {
        let source = match selector {
            "nested" => nested.clone(),
            _ => source.replacen("{ 1 ->", &format!("{{ {selector} ->"), 1),
        };
        let resource = FluentResource::try_new(source).expect("parses");
        let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
        bundle.add_resource(resource).unwrap();
        let mut errors = vec![];
        let pattern = bundle.get_message("a").unwrap().value().unwrap();
        let text = bundle.format_pattern(pattern, None, &mut errors).to_string();
        assert!(
            errors.contains(&FluentError::ResolverError(ResolverError::TooManyPlaceables)),
            "{errors:?}"
        );
        assert!(text.ends_with('}'), "{text}");
    }
}
