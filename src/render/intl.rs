//! What Folio's number and date formatting share: the bundle locale as an ICU4X locale, and
//! the errors raised while formatting, which fluent-bundle gives functions no way to report.
//!
//! Functions and formatters record their errors on a thread-local list; [`format`] is the one
//! way to format a pattern, and it empties the list before and drains it after, so that no
//! caller can forget to and no error reaches the wrong message.

use std::cell::RefCell;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::render::Bundle;

/// The ICU4X locale of a bundle's language identifier and its tag's `keywords`
/// (`u-nu-latn`; see [`keywords`]).
pub(crate) fn icu_locale(
    lang: &LanguageIdentifier,
    keywords: Option<&str>,
) -> Result<icu_locale_core::Locale, String> {
    let tag = match keywords {
        Some(keywords) => format!("{lang}-{keywords}"),
        None => lang.to_string(),
    };
    icu_locale_core::Locale::try_from_str(&tag).map_err(|e| e.to_string())
}

thread_local! {
    /// Errors raised by Folio's functions and formatters while formatting on this thread.
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The keywords of the bundle being formatted on this thread.
    static KEYWORDS: RefCell<Option<Arc<str>>> = const { RefCell::new(None) };
}

/// The `-u-` keywords of the bundle whose pattern is being formatted (`u-nu-latn` of
/// `ar-u-nu-latn`): fluent-bundle gives formatters the bundle's language identifier only, so
/// [`format`] lends them its bundle's keywords for the time it formats. Formatters make them
/// part of their memoizer key.
pub(crate) fn keywords() -> Option<Arc<str>> {
    KEYWORDS.with(|keywords| keywords.borrow().clone())
}

/// A pattern, formatted, and what went wrong formatting it.
pub(crate) struct Formatted {
    pub text: String,
    /// fluent-bundle's errors (a missing variable, an unknown message) and those of Folio's
    /// functions (`DATETIME()` given a string), in that order.
    pub errors: Vec<String>,
}

/// Formats `pattern` of `bundle` with `args`, collecting every error its formatting raised.
pub(crate) fn format(
    bundle: &Bundle,
    pattern: &ast::Pattern<&str>,
    args: Option<&FluentArgs<'_>>,
) -> Formatted {
    take_errors();
    KEYWORDS.with(|keywords| *keywords.borrow_mut() = bundle.keywords().cloned());
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned();
    KEYWORDS.with(|keywords| keywords.borrow_mut().take());
    let mut errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    errors.extend(take_errors());
    Formatted { text, errors }
}

fn take_errors() -> Vec<String> {
    ERRORS.with(|errors| std::mem::take(&mut *errors.borrow_mut()))
}

/// Records a formatting error; the caller writes something harmless instead.
pub(crate) fn report(message: String) {
    ERRORS.with(|errors| errors.borrow_mut().push(message));
}

/// Records a function's error and returns the value that makes fluent-bundle write `{NAME()}`
/// (which, reported, then fails the render instead of reaching a reader unnoticed).
pub(crate) fn function_error(message: String) -> FluentValue<'static> {
    report(message);
    FluentValue::Error
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::bundle;

    #[test]
    fn errors_of_functions_belong_to_the_pattern_that_raised_them() {
        let mut bundle = bundle::new(&unic_langid::langid!("de").into());
        let resource = fluent_bundle::FluentResource::try_new(
            "bad = { DATETIME(\"not a date\") }\ngood = Gut\n".to_string(),
        )
        .unwrap();
        bundle.add_resource(std::sync::Arc::new(resource)).unwrap();
        // A leftover from elsewhere on this thread is not this pattern's.
        report("stale".to_string());
        let good = bundle.get_message("good").unwrap().value().unwrap();
        let formatted = format(&bundle, good, None);
        assert_eq!(
            (formatted.text.as_str(), formatted.errors.len()),
            ("Gut", 0)
        );
        let bad = bundle.get_message("bad").unwrap().value().unwrap();
        let formatted = format(&bundle, bad, None);
        assert_eq!(formatted.errors.len(), 1, "{:?}", formatted.errors);
        assert!(
            formatted.errors[0].contains("DATETIME"),
            "{:?}",
            formatted.errors
        );
    }
}
