//! JSON: the article's structure with rendered strings.

use std::io::{self, Write};

use crate::render::{Rendered, RenderedBlock, bidi};

/// The article with isolates only where a value's direction differs from the text, as in plain
/// text: sites that template on their side get strings they can use as they are.
pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let text = |s: &mut String| *s = bidi::for_text(s, article.dir);
    let mut article = article.clone();
    text(&mut article.title);
    text(&mut article.description);
    text(&mut article.languages_label);
    if let Some(hero) = &mut article.hero {
        text(&mut hero.alt);
    }
    for block in &mut article.blocks {
        match block {
            RenderedBlock::Heading { text: t, .. }
            | RenderedBlock::Paragraph { text: t, .. }
            | RenderedBlock::Languages { label: t } => text(t),
            RenderedBlock::Image { alt, .. } => text(alt),
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                text(byline);
                text(reading_time);
            }
        }
    }
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)
}
