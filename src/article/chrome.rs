//! The messages of the page chrome: those `byline` and `languages` blocks use (every project
//! that uses those blocks defines them in its reference locale), and the words of the site's
//! own pages (lists of articles, feeds, the not-found page), for which Folio has English
//! words of its own when a project does not define them.

/// "Published on …", given `$date`.
pub const BYLINE: &str = "site-byline";
/// "N minutes read", given `$minutes`.
pub const READING_TIME: &str = "site-reading-time";
/// "Available in N languages", given `$count`.
pub const AVAILABLE_LANGUAGES: &str = "site-available-languages";
/// The language's own name ("Deutsch"), shown in language lists.
pub const LANGUAGE_NAME: &str = "site-language-name";

/// The site's name: the title of each language's list of articles and feed.
pub const SITE_TITLE: &str = "site-title";
/// The link to a language's list of articles.
pub const ALL_ARTICLES: &str = "site-all-articles";
/// The link to a language's feed.
pub const FEED: &str = "site-feed";
/// The title of the page for an address that leads nowhere.
pub const NOT_FOUND_TITLE: &str = "site-not-found-title";
/// What that page says.
pub const NOT_FOUND_TEXT: &str = "site-not-found-text";

/// The variable the renderer gives `site-byline`: the publication date.
pub const DATE: &str = "date";
/// The variable the renderer gives `site-reading-time`: whole minutes.
pub const MINUTES: &str = "minutes";
/// The variable the renderer gives `site-available-languages`: how many languages.
pub const COUNT: &str = "count";

/// Every page-chrome message, which the renderer looks up by these ids.
pub const MESSAGES: [&str; 9] = [
    BYLINE,
    READING_TIME,
    AVAILABLE_LANGUAGES,
    LANGUAGE_NAME,
    SITE_TITLE,
    ALL_ARTICLES,
    FEED,
    NOT_FOUND_TITLE,
    NOT_FOUND_TEXT,
];

/// The variables the renderer passes, with the message it passes each to.
pub const VARIABLES: [(&str, &str); 3] = [
    (BYLINE, DATE),
    (READING_TIME, MINUTES),
    (AVAILABLE_LANGUAGES, COUNT),
];
