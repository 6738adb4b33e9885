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
    let tag = locale.tag.clone().unwrap_or_else(|| pseudo.tag());
    let mut bundle = bundle::build(&tag, &locale.files);
    bundle.set_transform(Some(pseudo.transform()));
    bundle
}

fn accented(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

fn bidi(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    let flipped = fluent_pseudo::transform(text, true, false);
    Cow::Owned(format!("\u{202E}{flipped}\u{202C}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms() {
        assert_eq!(accented("Hello World"), "Ħeeŀŀoo Ẇoořŀḓ");
        assert_eq!(bidi("Hello"), "\u{202E}Hǝʅʅo\u{202C}");
        assert_eq!(bidi(" "), " ");
    }
}
