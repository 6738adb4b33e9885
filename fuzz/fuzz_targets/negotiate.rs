//! `Accept-Language` negotiation (`folio serve`): no panic for any header, and the answer is
//! always a language the site has.
#![no_main]

use folio::Tag;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let header = String::from_utf8_lossy(data);
    let available: Vec<Tag> = [
        "en-US",
        "de",
        "pt-BR",
        "zh-Hant-TW",
        "ar",
        "sr-Latn",
        "en-x-pirate",
        "de-u-nu-arab",
    ]
    .iter()
    .map(|t| t.parse().expect("a valid tag"))
    .collect();
    let default = available[0].clone();
    let chosen = folio::serve::negotiate(Some(&header), &available, &default);
    assert!(available.contains(&chosen), "{header:?} gave {chosen}");
});
