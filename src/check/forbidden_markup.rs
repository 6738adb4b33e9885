//! `forbidden-markup`: elements and attributes a message may not use, which Folio drops.

use crate::check::context::FileCtx;
use crate::check::pattern_markup::{anchor, and_list, problems_in};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;
use crate::markup::Problem;

pub(crate) const DOCS: &str = "\
Finds elements and attributes in a message's markup that Folio never publishes.

## What it does
Reads the markup of the value and of each attribute as Folio's renderer will (each variant of
a select on its own), in the reference and in every translation alike, and reports what it
drops. A message may use the text-level elements (`<em>`, `<strong>`, `<small>`, `<s>`,
`<cite>`, `<q>`, `<dfn>`, `<abbr>`, `<data value>`, `<time datetime>`, `<code>`, `<var>`,
`<samp>`, `<kbd>`, `<sub>`, `<sup>`, `<i>`, `<b>`, `<u>`, `<mark>`, `<bdi>`, `<bdo>`,
`<span>`, `<br>`, `<wbr>`) with `title`, `lang` and `dir`, and links by name only:
`<a data-l10n-name=\"…\">`. Anything else is reported: another element (`<script>`, `<img>`,
`<div>`), another attribute (`href`, `style`, `onclick`), an `<a>` without a name. Text in a
placeable (`{ \"<\" }`, `{ $x }`) is a value, never markup, and a `<` that starts no tag
(`a < b`, `x<3`) is text. An entry marked `# folio: untranslated` holds the reference's text
and is reported there.

## Why it matters
What is not allowed never reaches the page: an unknown element's tags are dropped (and a
`<script>`'s or `<style>`'s content with them), and so is every attribute not allowed. A link
written with `href` loses its address, and a translator never decides where a link goes: its
address comes from the content file, by the link's name.

## Example
```ftl
# en-US
privacy = Read our <a data-l10n-name=\"privacy\">privacy notice</a>.
# de
privacy = Lies unsere <a href=\"https://example.com/datenschutz\">Datenschutzerklärung</a>.
```
Use instead: `<a data-l10n-name=\"privacy\">Datenschutzerklärung</a>`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts, problems) in problems_in(ctx, Problem::is_forbidden) {
        let used: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let dropped = if used.len() == 1 {
            "it is dropped"
        } else {
            "they are dropped"
        };
        let name = qualified(id, facts.attribute);
        let mut diagnostic = ctx
            .diagnostic(
                CheckId::ForbiddenMarkup,
                anchor(id, facts),
                format!(
                    "`{name}` uses {}, which Folio never publishes: {dropped}",
                    and_list(&used)
                ),
            )
            .entry(id)
            .help(help(&problems));
        if let Some(attribute) = facts.attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// What to use instead: a named link for `<a>`, a text-level element for the rest.
fn help(problems: &[&Problem]) -> String {
    let is_link = |p: &Problem| match p {
        Problem::Element(name) | Problem::Attribute { element: name, .. } => name == "a",
        _ => false,
    };
    let mut help = Vec::new();
    if problems.iter().any(|p| is_link(p)) {
        help.push(
            "write a link as `<a data-l10n-name=\"…\">` with no other attribute (in a \
             translation, the name the reference gives it): its address comes from the content \
             file",
        );
    }
    if !problems.iter().all(|p| is_link(p)) {
        help.push(
            "use a text-level element (`<em>`, `<strong>`, `<code>`, …) with only `title`, \
             `lang` (a language tag) or `dir` (`ltr`, `rtl` or `auto`), or plain text",
        );
    }
    help.join("; ")
}
