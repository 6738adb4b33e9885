//! `unbalanced-markup`: tags that do not pair up, which Folio repairs.

use crate::check::context::FileCtx;
use crate::check::pattern_markup::{anchor, and_list, problems_in};
use crate::diagnostic::{CheckId, Diagnostic};
use crate::ftl::qualified;
use crate::markup::{MAX_DEPTH, Problem};

pub(crate) const DOCS: &str = "\
Finds tags in a message's markup that do not pair up: never closed, closed out of order, or closing nothing.

## What it does
Reads the markup of the value and of each attribute as Folio's renderer will, in the reference
and in every translation alike, and reports an element opened and never closed, an element
closed while one opened inside it is still open (`<b><i>…</b></i>`), a closing tag with
nothing to close, and elements nested more than 32 deep. Each variant of a select is read on
its own: variants that each close their tags are fine, and a tag left open in one variant is
reported. A select in a longer text is isolated like a value, so a tag opened in a variant
must close in it. Text in a placeable (`{ \"<\" }`, `{ $x }`) is a value, never markup, and a
`<` that starts no tag (`a < b`, `x<3`) is text. An entry marked `# folio: untranslated`
holds the reference's text and is reported there.

## Why it matters
The renderer repairs what does not pair up, and the repair is rarely what was meant: an
unclosed `<strong>` runs to the end of the text, a tag closed out of order ends the elements
inside it early, and a closing tag with nothing to close is dropped.

## Example
```ftl
notice = Bitte <strong>nicht</em> berühren.
```
Use instead: close the element that is open, `<strong>nicht</strong>`.
";

pub(crate) fn run(ctx: &FileCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (id, facts, problems) in problems_in(ctx, |p| !p.is_forbidden()) {
        let found: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let name = qualified(id, facts.attribute);
        let mut diagnostic = ctx
            .diagnostic(
                CheckId::UnbalancedMarkup,
                anchor(id, facts),
                format!("`{name}` has unbalanced markup: {}", and_list(&found)),
            )
            .entry(id)
            .help(help(&problems));
        if let Some(attribute) = facts.attribute {
            diagnostic = diagnostic.attribute(attribute);
        }
        out.push(diagnostic);
    }
}

/// How to pair the tags up.
fn help(problems: &[&Problem]) -> String {
    if problems.iter().all(|p| matches!(p, Problem::TooDeep(_))) {
        return format!("nest elements at most {MAX_DEPTH} deep");
    }
    "close each element in the text (and the variant) where it opened, inner ones first: \
     `<b><i>…</i></b>`; remove a closing tag that closes nothing"
        .to_string()
}
