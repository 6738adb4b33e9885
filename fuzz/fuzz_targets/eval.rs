//! A message rendered in a locale (`folio eval`): no panic and no stack overflow for any
//! source, in a right-to-left, a many-plural and a no-plural locale among others.
#![no_main]

use fluent_bundle::FluentValue;
use folio::Tag;
use libfuzzer_sys::fuzz_target;

const LOCALES: [&str; 9] = [
    "en-US",
    "ar",
    "pl",
    "ja",
    "de",
    "he",
    "fr",
    "pt-BR",
    "ar-u-nu-latn",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(source) = std::str::from_utf8(rest) else {
        return;
    };
    let locale: Tag = LOCALES[usize::from(first) % LOCALES.len()]
        .parse()
        .expect("a valid tag");
    let vars = [
        ("n".to_string(), FluentValue::from(1234.5)),
        ("count".to_string(), FluentValue::from(3)),
        ("name".to_string(), FluentValue::from("Ada")),
        ("date".to_string(), FluentValue::from("2024-03-14")),
    ];
    let _ = folio::eval(source, &locale, &vars);
});
