//! `locale-outside-project`: a file of a locale folder that leads, through a symbolic link,
//! outside the project.

use crate::check::context::ProjectCtx;
use crate::diagnostic::{CheckId, Diagnostic};

pub(crate) const DOCS: &str = "\
Finds locale files and records that are symbolic links leading outside the project.

## What it does
Follows every link in the locale folders (and in the folders they link to) and reports each
`.ftl` file and `folio-record.txt` whose real path lies outside the project's folder (and
outside the locales folder, when `allow-outside = true` puts it elsewhere). Folio leaves such a
file out, unread: for every command it is as if it were not there.

## Why it matters
A translation's text is published on the site's pages. A link committed into a locale folder
(`locales/de/extra.ftl -> ~/private/notes.ftl`) would publish whatever it leads to, on the
machine that builds or serves the site; a record that leads out would be overwritten by
`folio sync`. Folio never reads such a file; this check says why it is missing.

## Example
```console
$ ln -s ~/shared/brand.ftl locales/de/brand.ftl
```
Use instead: copy the file into the locale folder (`cp ~/shared/brand.ftl locales/de/`).
";

pub(crate) fn run(ctx: &ProjectCtx<'_>, out: &mut Vec<Diagnostic>) {
    for link in ctx.project.locale_links_out() {
        out.push(
            Diagnostic::new(
                CheckId::LocaleOutsideProject,
                &link.path,
                format!(
                    "`{}` leads outside the project, to {}; Folio will not read it",
                    link.path,
                    link.target.display()
                ),
            )
            .help("copy the file into the project instead of linking to it, or remove the link"),
        );
    }
}
