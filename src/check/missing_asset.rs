//! `missing-asset`: an image a content file names that `content/` does not have.

use crate::check::context::ProjectCtx;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::line_index::LineIndex;
use crate::project::is_local_asset;

pub(crate) const DOCS: &str = "\
Finds images (the hero, `image` and `figure` blocks) whose file is not in `content/`.

## What it does
Resolves every image's `src` that is a path within the site (not a URL, not a path from the
domain's root such as `/img/x.png`) against the content folder, which `folio build` copies to
the site's root: `src = \"images/hero.svg\"` must be the file `content/images/hero.svg`.

## Why it matters
The page would show a broken image, in every language, and its alternative text in place of
the picture. `folio build` refuses to publish a site with a missing image.

## Example
```toml
[[blocks]]
type = \"figure\"
src = \"images/scalp.png\"   # the file is content/images/scalp.svg
alt = \"scalp.alt\"
```
Use instead: the file's path inside `content/`, `src = \"images/scalp.svg\"`.
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    for article in ctx.project.articles() {
        let lines = LineIndex::new(article.source());
        for image in article.images() {
            if ctx.project.has_asset(&image.src) {
                continue;
            }
            let help = if is_local_asset(&image.src) {
                format!(
                    "add the file as content/{}, or correct `src`",
                    image.src.trim_start_matches("./")
                )
            } else {
                "correct `src`".to_string()
            };
            out.push(
                Diagnostic::new(
                    CheckId::MissingAsset,
                    &article.path,
                    format!("the image `{}` is not in the content folder", image.src),
                )
                .at(article.source(), &lines, image.src_span.clone())
                .help(help),
            );
        }
    }
}
