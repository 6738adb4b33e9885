//! `content-outside-project`: a file of `content/` that leads, through a symbolic link,
//! outside the project.

use crate::check::context::ProjectCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds files of `content/` that are symbolic links leading outside the project.

## What it does
Follows every link in the content folder (and in the folders it links to) and reports each
file whose real path lies outside the project's folder (and outside the content folder,
when `allow-outside = true` puts it elsewhere).

## Why it matters
`folio build` copies `content/`'s images to the site and `folio serve` serves them: a link
to `/etc/passwd` or to a private folder would publish it. Folio never reads such a file:
`build` leaves it out and fails, `serve` refuses to load the project; this check says so
before either runs.

## Example
```console
$ ln -s /etc/passwd content/images/hero.jpg
```
Use instead: copy the image into the project (`cp ~/photos/hero.jpg content/images/`).
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    // A walk too large to finish has already stopped `Project::open`, which walks the same
    // folder for articles; nothing is left to report here.
    let links = ctx.project.outside_links().unwrap_or_default();
    for link in links {
        out.push(
            Diagnostic::new(
                CheckId::ContentOutsideProject,
                &link.path,
                format!(
                    "`{}` leads outside the project, to {}; Folio will not publish it",
                    link.path,
                    link.target.display()
                ),
            )
            .help("copy the file into the project instead of linking to it, or remove the link"),
        );
    }
}
