//! `invalid-locale`: a locale folder whose name is not a BCP 47 language tag.

use crate::check::context::LocaleCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds locale folders whose name is not a valid BCP 47 language tag.

## What it does
Parses each folder name under the locales folder as a BCP 47 language tag: a language
identifier (`unic-langid`), then any extensions (ICU4X's parser), so that `ar-u-nu-latn`
(Arabic with Latin digits) and `en-x-simple` (a private-use variety) are locales too.
Underscores (`pt_BR`, a POSIX locale name) are refused, and so is a tag without a language
(`x-simple`).

## Why it matters
The folder name is the language tag that reaches readers: in URLs, in `lang` and `hreflang`
attributes, and in language negotiation. A folder that is not a tag cannot be negotiated, so
its translation is never served.

## Example
```text
locales/pt_BR/article.ftl
```
Use instead:
```text
locales/pt-BR/article.ftl
```
";

pub(crate) fn run(ctx: &LocaleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let locale = ctx.locale.dir;
    if locale.tag.is_none() {
        let folder = locale
            .files
            .first()
            .map_or_else(|| locale.name.clone(), |f| folder_of(&f.path, &f.rel));
        out.push(
            Diagnostic::new(
                CheckId::InvalidLocale,
                &folder,
                format!("the folder `{}` is not a BCP 47 language tag", locale.name),
            )
            .locale(&locale.name)
            .help("rename the folder to a tag such as `de`, `pt-BR` or `zh-Hant`"),
        );
    }
}

/// The locale folder's path, from a file's project path and its path inside the folder.
fn folder_of(path: &str, rel: &str) -> String {
    path.strip_suffix(rel)
        .map_or(path, |p| p.trim_end_matches('/'))
        .to_string()
}
