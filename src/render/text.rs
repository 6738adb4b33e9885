//! Plain text: one block per paragraph, blank lines between.

use std::io::{self, Write};

use crate::render::{Rendered, RenderedBlock};

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let mut first = true;
    for block in &article.blocks {
        if !first {
            writeln!(out)?;
        }
        first = false;
        match block {
            RenderedBlock::Heading { text, .. } | RenderedBlock::Paragraph { text, .. } => {
                writeln!(out, "{text}")?;
            }
            RenderedBlock::Image { alt, .. } => writeln!(out, "[{alt}]")?,
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                writeln!(out, "{byline}")?;
                writeln!(out, "{reading_time}")?;
            }
            RenderedBlock::Languages { label, languages } => {
                writeln!(out, "{label}")?;
                for language in languages {
                    writeln!(out, "- {} ({})", language.name, language.locale)?;
                }
            }
        }
    }
    Ok(())
}
