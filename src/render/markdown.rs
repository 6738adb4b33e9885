//! CommonMark with GFM tables, strikethrough and footnotes: headings, paragraphs, lists,
//! quotes, tables, figures (an image and its caption), notes (a quote), code, breaks and
//! footnotes; translated text is escaped so that it cannot turn into Markdown syntax, and its
//! markup becomes Markdown's own (see `inline.rs`).

use std::io::{self, Write};

use crate::render::inline::{self, Targets};
use crate::render::text::isolated;
use crate::render::{
    Inline, Links, Rendered, RenderedBlock, RenderedItem, bidi, each_block, list_marker,
};

pub(crate) fn write(article: &Rendered, links: &Links, out: &mut dyn Write) -> io::Result<()> {
    let targets = Targets::new(&article.links, &article.footnotes);
    let md = |content: &Inline| line(article, &targets, content);
    let escape = |s: &str| escape(&bidi::for_text(s, article.dir));
    // Two lists in a row with the same kind of marker would read as one: each list after a
    // list takes the other marker (`*` for `-`, `1)` for `1.`).
    let (mut after_list, mut other_marker) = (false, false);
    each_block(article, out, |block, out| {
        let is_list = matches!(block, RenderedBlock::List { .. });
        other_marker = is_list && after_list && !other_marker;
        after_list = is_list;
        match block {
            RenderedBlock::Heading { level, content } => {
                let hashes = "#".repeat(usize::from(*level));
                writeln!(out, "{hashes} {}", md(content).replace('\n', " "))?;
            }
            RenderedBlock::Paragraph { content } => writeln!(out, "{}", md(content))?,
            RenderedBlock::Image { image, .. } => {
                // The image as the page finds it (`../images/…` from `<locale>/<slug>.md`).
                let src = links.asset(&image.src);
                writeln!(
                    out,
                    "![{}](<{}>)",
                    escape(&image.alt),
                    src.replace('>', "%3E")
                )?;
                if let Some(caption) = &image.caption {
                    // No figures in Markdown: the caption, in italics, under the image.
                    writeln!(out, "*{}*", md(caption))?;
                }
            }
            RenderedBlock::List { ordered, items } => {
                list(*ordered, other_marker, items, &md, out)?;
            }
            RenderedBlock::Quote {
                content,
                attribution,
                ..
            } => {
                writeln!(out, "> {}", md(content).replace('\n', "\n> "))?;
                if let Some(attribution) = attribution {
                    writeln!(out, ">\n> — {}", md(attribution))?;
                }
            }
            RenderedBlock::Table {
                caption,
                header,
                rows,
            } => {
                if let Some(caption) = caption {
                    writeln!(out, "**{}**\n", md(caption))?;
                }
                table(header, rows, &md, out)?;
            }
            RenderedBlock::Note { title, content } => {
                if let Some(title) = title {
                    writeln!(out, "> **{}**\n>", md(title))?;
                }
                writeln!(out, "> {}", md(content).replace('\n', "\n> "))?;
            }
            RenderedBlock::Footnotes { notes } => {
                for note in notes {
                    writeln!(out, "[^{}]: {}", note.name, md(&note.content))?;
                }
            }
            RenderedBlock::Code { language, text } => {
                let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                let info = language.as_deref().unwrap_or("");
                writeln!(
                    out,
                    "{fence}{info}\n{}\n{fence}",
                    text.trim_end_matches('\n')
                )?;
            }
            RenderedBlock::Separator => writeln!(out, "***")?,
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                // Two trailing spaces: a hard line break between the lines; the author under
                // them, as the page shows it.
                writeln!(out, "*{}*  ", md(byline))?;
                match &article.author {
                    Some(author) => {
                        writeln!(out, "*{}*  ", md(reading_time))?;
                        writeln!(out, "{}", escape(author))?;
                    }
                    None => writeln!(out, "*{}*", md(reading_time))?,
                }
            }
            RenderedBlock::Languages { label } => {
                writeln!(out, "{}", escape(label))?;
                writeln!(out)?;
                for language in &article.languages {
                    writeln!(out, "- {} ({})", escape(&language.name), language.locale)?;
                }
            }
        }
        Ok(())
    })
}

/// A list; `other_marker` when it follows a list (`*` for `-`, `1)` for `1.`), so that
/// Markdown keeps the two apart.
fn list(
    ordered: bool,
    other_marker: bool,
    items: &[RenderedItem],
    md: &dyn Fn(&Inline) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, item) in items.iter().enumerate() {
        let mut marker = list_marker(ordered, i);
        if other_marker {
            marker = marker.replace('.', ")").replace('-', "*");
        }
        let indent = " ".repeat(marker.len() + 1);
        let text = md(&item.content).replace('\n', &format!("\n{indent}"));
        writeln!(out, "{marker} {text}")?;
        for sub in &item.items {
            writeln!(out, "{indent}- {}", md(sub))?;
        }
    }
    Ok(())
}

/// A GFM table (its header row may be empty: GFM needs one).
fn table(
    header: &[Inline],
    rows: &[Vec<Inline>],
    md: &dyn Fn(&Inline) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let cells = |row: &[Inline]| {
        let mut cells: Vec<String> = row.iter().map(|c| cell(&md(c))).collect();
        cells.resize(width, String::new());
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", cells(header))?;
    writeln!(out, "|{}", " --- |".repeat(width))?;
    for row in rows {
        writeln!(out, "{}", cells(row))?;
    }
    Ok(())
}

/// A message's Markdown made a table cell: a line break (`\` before a line's end) is `<br>`,
/// as is any other line's end, and every `|` not escaped already is (GFM splits a row at each
/// one, inside a code span too, before it reads the cells).
fn cell(markdown: &str) -> String {
    let markdown = markdown.replace("\\\n", "<br>").replace('\n', "<br>");
    let mut out = String::with_capacity(markdown.len());
    let mut backslashes = 0;
    for c in markdown.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// One message as Markdown, isolated as a whole when a fallback locale gave it.
fn line(article: &Rendered, targets: &Targets<'_>, content: &Inline) -> String {
    let mut out = String::new();
    isolated(content, &mut out, |out| {
        inline::markdown(&content.nodes, targets, out);
    });
    bidi::for_text(&out, article.dir)
}

/// Escapes the characters that could start Markdown syntax in running text.
///
/// Inline syntax (`*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `\`, `|`, `~`, `&`) is escaped everywhere;
/// block syntax (`#`, `+`, `-`, `=`, a number followed by `.` or `)`) only at the start of a line,
/// where it would begin a heading or a list.
pub(crate) fn escape(text: &str) -> String {
    escape_at(text, true)
}

/// [`escape`] for text that starts a line only when `line_start`: text after an element in
/// the middle of a line (`am <time>2</time>. Mai`) needs no block syntax escaped.
pub(crate) fn escape_at(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(indent);
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let mut rest = trimmed;
        if i == 0 && !line_start {
            // In the middle of a line: only inline syntax.
        } else if trimmed.starts_with(['#', '+', '-', '=']) {
            out.push('\\');
        } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            rest = &trimmed[digits..];
        }
        for c in rest.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cell, escape};

    #[test]
    fn a_table_cell_escapes_every_pipe_and_breaks_lines_with_br() {
        assert_eq!(cell("`a | b` c"), r"`a \| b` c");
        assert_eq!(cell(r"a \| b"), r"a \| b");
        assert_eq!(cell(r"a \\| b"), r"a \\\| b");
        assert_eq!(cell("one\\\ntwo\nthree"), "one<br>two<br>three");
    }

    #[test]
    fn escapes_markdown_syntax_in_text() {
        assert_eq!(escape("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("1. not a list"), r"1\. not a list");
        assert_eq!(escape("hand-in-hand, 1.5 mm"), "hand-in-hand, 1.5 mm");
        assert_eq!(super::escape_at("2. Mai", false), "2. Mai");
        assert_eq!(
            super::escape_at("2. Mai\n3. Juni", false),
            "2. Mai\n3\\. Juni"
        );
    }
}
