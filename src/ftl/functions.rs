//! The functions Folio's renderer gives Fluent, and what each accepts: the one list that the
//! renderer follows and the checks hold translations to.

/// Every function the renderer provides.
pub const FUNCTIONS: [&str; 2] = ["NUMBER", "DATETIME"];

/// `NUMBER()`'s named options (JavaScript's `Intl.NumberFormat`, as fluent-bundle reads them).
pub const NUMBER_OPTIONS: [&str; 9] = [
    "style",
    "currency",
    "currencyDisplay",
    "useGrouping",
    "minimumIntegerDigits",
    "minimumFractionDigits",
    "maximumFractionDigits",
    "minimumSignificantDigits",
    "maximumSignificantDigits",
];

/// The values of `NUMBER()`'s `style`.
pub const NUMBER_STYLES: [&str; 3] = ["decimal", "percent", "currency"];

/// `DATETIME()`'s named options.
pub const DATETIME_OPTIONS: [&str; 2] = ["dateStyle", "timeStyle"];

/// The values of `DATETIME()`'s `dateStyle` and `timeStyle`.
pub const DATETIME_STYLES: [&str; 4] = ["full", "long", "medium", "short"];

/// Whether `code` is written as an ISO 4217 currency code: three capital letters (`EUR`).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}
