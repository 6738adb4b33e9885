//! Plain text: one block per paragraph, blank lines between.

use std::io::{self, Write};

use crate::render::{Rendered, RenderedBlock, bidi, each_block};

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let text = |s: &str| bidi::for_text(s, article.dir);
    each_block(article, out, |block, out| {
        match block {
            RenderedBlock::Heading { text: t, .. } | RenderedBlock::Paragraph { text: t, .. } => {
                writeln!(out, "{}", text(t))?;
            }
            RenderedBlock::Image { alt, .. } => writeln!(out, "[{}]", text(alt))?,
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                writeln!(out, "{}", text(byline))?;
                writeln!(out, "{}", text(reading_time))?;
            }
            RenderedBlock::Languages { label } => {
                writeln!(out, "{}", text(label))?;
                for language in &article.languages {
                    writeln!(out, "- {} ({})", language.name, language.locale)?;
                }
            }
        }
        Ok(())
    })
}
