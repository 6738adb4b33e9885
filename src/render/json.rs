//! JSON: the article's structure with rendered strings: each message's text, its HTML and its
//! inline tree (see the README for the shape).

use std::io::{self, Write};

use crate::render::{Rendered, bidi};

/// The article with isolates only where a value's direction differs from the text, as in plain
/// text: sites that template on their side get strings they can use as they are.
pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let text = |s: &mut String| *s = bidi::for_text(s, article.dir);
    let mut article = article.clone();
    text(&mut article.title);
    text(&mut article.description);
    text(&mut article.languages_label);
    article.tags.iter_mut().for_each(text);
    if let Some(hero) = &mut article.hero {
        text(&mut hero.alt);
        if let Some(caption) = &mut hero.caption {
            text(&mut caption.text);
        }
    }
    for block in &mut article.blocks {
        if let crate::render::RenderedBlock::Image { image, .. } = block {
            text(&mut image.alt);
        }
        if let crate::render::RenderedBlock::Languages { label } = block {
            text(label);
        }
        for content in block.inlines_mut() {
            text(&mut content.text);
        }
    }
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)
}
