//! A complete HTML5 page: `lang` and `dir` on `<html>`, every translated string escaped.

use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::render::{Rendered, RenderedBlock};

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        "<html lang=\"{}\" dir=\"{}\">",
        attr(&article.locale),
        article.dir.as_str()
    )?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", text(&article.title))?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<article>")?;
    for block in &article.blocks {
        match block {
            RenderedBlock::Heading { level, text: t, .. } => {
                writeln!(out, "<h{level}>{}</h{level}>", text(t))?;
            }
            RenderedBlock::Paragraph { text: t, .. } => writeln!(out, "<p>{}</p>", text(t))?,
            RenderedBlock::Image { src, alt, .. } => {
                writeln!(out, "<img src=\"{}\" alt=\"{}\">", attr(src), attr(alt))?;
            }
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                writeln!(out, "<p class=\"byline\">{}</p>", text(byline))?;
                writeln!(out, "<p class=\"reading-time\">{}</p>", text(reading_time))?;
            }
            RenderedBlock::Languages { label, languages } => {
                writeln!(out, "<footer>")?;
                writeln!(out, "<p>{}</p>", text(label))?;
                writeln!(out, "<ul class=\"languages\">")?;
                for language in languages {
                    writeln!(
                        out,
                        "<li lang=\"{}\" dir=\"{}\">{}</li>",
                        attr(&language.locale),
                        language.dir.as_str(),
                        text(&language.name)
                    )?;
                }
                writeln!(out, "</ul>")?;
                writeln!(out, "</footer>")?;
            }
        }
    }
    writeln!(out, "</article>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    Ok(())
}
