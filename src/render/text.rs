//! Plain text: one block per paragraph, blank lines between; links followed by their URL in
//! angle brackets, footnote markers as `[1]`, lists with `-` or numbers, table cells separated
//! by ` | `.

use std::io::{self, Write};

use crate::render::inline::{self, Targets};
use crate::render::{Inline, Rendered, RenderedBlock, bidi, each_block, list_marker};

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let targets = Targets::new(&article.links, &article.footnotes);
    let text = |content: &Inline| line(article, &targets, content);
    let plain = |s: &str| bidi::for_text(s, article.dir);
    each_block(article, out, |block, out| {
        match block {
            RenderedBlock::Heading { content, .. } | RenderedBlock::Paragraph { content } => {
                writeln!(out, "{}", text(content))?;
            }
            RenderedBlock::Image { image, .. } => {
                writeln!(out, "[{}]", plain(&image.alt))?;
                if let Some(caption) = &image.caption {
                    writeln!(out, "{}", text(caption))?;
                }
            }
            RenderedBlock::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = list_marker(*ordered, i);
                    writeln!(out, "{marker} {}", text(&item.content))?;
                    let indent = " ".repeat(marker.chars().count() + 1);
                    for sub in &item.items {
                        writeln!(out, "{indent}- {}", text(sub))?;
                    }
                }
            }
            RenderedBlock::Quote {
                content,
                attribution,
                ..
            } => {
                writeln!(out, "    {}", text(content).replace('\n', "\n    "))?;
                if let Some(attribution) = attribution {
                    writeln!(out, "    — {}", text(attribution))?;
                }
            }
            RenderedBlock::Table {
                caption,
                header,
                rows,
            } => {
                if let Some(caption) = caption {
                    writeln!(out, "{}", text(caption))?;
                }
                let cells = |row: &[Inline]| {
                    row.iter()
                        .map(|c| text(c).replace('\n', " "))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                if !header.is_empty() {
                    writeln!(out, "{}", cells(header))?;
                }
                for row in rows {
                    writeln!(out, "{}", cells(row))?;
                }
            }
            RenderedBlock::Note { title, content } => {
                if let Some(title) = title {
                    writeln!(out, "{}", text(title))?;
                }
                writeln!(out, "{}", text(content))?;
            }
            RenderedBlock::Footnotes { notes } => {
                for note in notes {
                    writeln!(out, "[{}] {}", note.number, text(&note.content))?;
                }
            }
            RenderedBlock::Code { text: code, .. } => {
                writeln!(out, "{}", code.trim_end_matches('\n'))?;
            }
            RenderedBlock::Separator => writeln!(out, "* * *")?,
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                writeln!(out, "{}", text(byline))?;
                writeln!(out, "{}", text(reading_time))?;
                // Under them, as the page shows it.
                if let Some(author) = &article.author {
                    writeln!(out, "{author}")?;
                }
            }
            RenderedBlock::Languages { label } => {
                writeln!(out, "{}", plain(label))?;
                for language in &article.languages {
                    writeln!(out, "- {} ({})", language.name, language.locale)?;
                }
            }
        }
        Ok(())
    })
}

/// One message as text; isolated as a whole when a fallback locale gave it (its direction
/// may differ from the page's).
fn line(article: &Rendered, targets: &Targets<'_>, content: &Inline) -> String {
    let mut out = String::new();
    isolated(content, &mut out, |out| {
        inline::text(&content.nodes, targets, out);
    });
    bidi::for_text(&out, article.dir)
}

/// Writes `content` with `write`, between isolates when a fallback locale gave it: the text
/// writers keep them where its direction differs from the page's.
pub(crate) fn isolated(content: &Inline, out: &mut String, write: impl FnOnce(&mut String)) {
    let fallback = content.locale.is_some();
    if fallback {
        out.push(bidi::FSI);
    }
    write(out);
    if fallback {
        out.push(bidi::PDI);
    }
}
