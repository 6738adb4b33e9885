//! Pseudo-locales: the reference's text transformed so that layout problems show before any
//! translation exists, with fluent-pseudo's transforms (as Firefox and Android do).
//!
//! - `accented` (`en-XA`): every Latin letter accented (`Ħeeŀŀoo`) and vowels doubled, about a
//!   third longer: text that does not change is hard-coded, text that is cut off was given too
//!   little room, and fonts must hold the accents.
//! - `bidi` (`ar-XB`): every letter turned upside down and each piece of text forced to run
//!   right to left (U+202E … U+202C), on a right-to-left page: mirroring problems show without
//!   reading Arabic or Hebrew.
//!
//! Only the text of messages is transformed: variables, numbers and dates stay as they are, and
//! so does markup.

use std::borrow::Cow;

use unic_langid::LanguageIdentifier;

use crate::catalog::LocaleDir;
use crate::locale::Direction;
use crate::render::{Bundle, bundle};

/// A pseudo-locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pseudo {
    /// Accented and about a third longer, left to right: `en-XA`.
    Accented,
    /// Upside down and right to left: `ar-XB`.
    Bidi,
}

impl Pseudo {
    /// The tag pages are labelled with, after Android's and Chrome's pseudo-locales.
    pub fn tag(self) -> LanguageIdentifier {
        match self {
            Pseudo::Accented => unic_langid::langid!("en-XA"),
            Pseudo::Bidi => unic_langid::langid!("ar-XB"),
        }
    }

    /// The writing direction of its pages.
    pub fn direction(self) -> Direction {
        match self {
            Pseudo::Accented => Direction::Ltr,
            Pseudo::Bidi => Direction::Rtl,
        }
    }

    /// The transform, for `FluentBundle::set_transform`.
    fn transform(self) -> fn(&str) -> Cow<'_, str> {
        match self {
            Pseudo::Accented => accented,
            Pseudo::Bidi => bidi,
        }
    }
}

/// A bundle of `locale` that transforms its text as `pseudo` does.
pub(crate) fn bundle(pseudo: Pseudo, locale: &LocaleDir) -> Bundle {
    let tag = locale.tag.clone().unwrap_or_else(|| pseudo.tag().into());
    let mut bundle = bundle::build(&tag, &locale.files);
    bundle.set_transform(Some(pseudo.transform()));
    bundle
}

fn accented(text: &str) -> Cow<'_, str> {
    Cow::Owned(outside_markup(text, |piece| {
        fluent_pseudo::transform(piece, false, true)
    }))
}

fn bidi(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    let flipped = outside_markup(text, |piece| fluent_pseudo::transform(piece, true, false));
    Cow::Owned(format!("\u{202E}{flipped}\u{202C}"))
}

/// `text` with `transform` applied to its words only: tags (`<a data-l10n-name="x">`,
/// `</em>`) and entities (`&amp;`) stay as they are, so that a pseudo-locale keeps the
/// message's markup (`crate::markup`).
fn outside_markup(text: &str, transform: impl Fn(&str) -> Cow<'_, str>) -> String {
    if !crate::markup::has_markup(text) {
        return transform(text).into_owned();
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut words = 0;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let kept = match rest.as_bytes() {
            [b'<', next, ..] if next.is_ascii_alphabetic() || *next == b'/' || *next == b'!' => {
                rest.find('>').map(|end| end + 1)
            }
            [b'&', next, ..] if next.is_ascii_alphanumeric() || *next == b'#' => rest
                .find(';')
                .filter(|end| {
                    rest[1..*end]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'#')
                })
                .map(|end| end + 1),
            _ => None,
        };
        match kept {
            Some(len) => {
                out.push_str(&transform(&text[words..at]));
                out.push_str(&rest[..len]);
                at += len;
                words = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push_str(&transform(&text[words..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms() {
        assert_eq!(accented("Hello World"), "Ħeeŀŀoo Ẇoořŀḓ");
        assert_eq!(bidi("Hello"), "\u{202E}Hǝʅʅo\u{202C}");
        assert_eq!(bidi(" "), " ");
        // Markup stays markup.
        assert_eq!(
            accented(r#"Read <a data-l10n-name="x">it</a> &amp; go"#),
            r#"Řeeaaḓ <a data-l10n-name="x">iŧ</a> &amp; ɠoo"#
        );
        assert_eq!(accented("a < b"), "aa < ƀ");
    }
}
