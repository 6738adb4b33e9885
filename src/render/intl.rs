//! What Folio's number and date formatting share: the bundle locale as an ICU4X locale, and
//! the errors raised while formatting, which fluent-bundle gives functions no way to report.

use std::cell::RefCell;

use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;

/// The ICU4X locale of a bundle's language identifier.
pub(crate) fn icu_locale(lang: &LanguageIdentifier) -> Result<icu_locale_core::Locale, String> {
    icu_locale_core::Locale::try_from_str(&lang.to_string()).map_err(|e| e.to_string())
}

thread_local! {
    /// Errors raised by Folio's functions and formatters while formatting on this thread.
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Takes the errors raised on this thread since the last call.
pub(crate) fn take_errors() -> Vec<String> {
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
