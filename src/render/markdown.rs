//! CommonMark: headings, paragraphs, images; translated text is escaped so that it cannot turn
//! into Markdown syntax.

use std::io::{self, Write};

use crate::render::{Rendered, RenderedBlock, bidi, each_block};

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    let escape = |s: &str| escape(&bidi::for_text(s, article.dir));
    each_block(article, out, |block, out| {
        match block {
            RenderedBlock::Heading { level, text, .. } => {
                let hashes = "#".repeat(usize::from(*level));
                writeln!(out, "{hashes} {}", escape(text))?;
            }
            RenderedBlock::Paragraph { text, .. } => writeln!(out, "{}", escape(text))?,
            RenderedBlock::Image { src, alt, .. } => {
                writeln!(out, "![{}](<{}>)", escape(alt), src.replace('>', "%3E"))?;
            }
            RenderedBlock::Byline {
                byline,
                reading_time,
                ..
            } => {
                // Two trailing spaces: a hard line break between the two lines.
                writeln!(out, "*{}*  ", escape(byline))?;
                writeln!(out, "*{}*", escape(reading_time))?;
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

/// Escapes the characters that could start Markdown syntax in running text.
///
/// Inline syntax (`*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `\`, `|`, `~`) is escaped everywhere;
/// block syntax (`#`, `+`, `-`, `=`, a number followed by `.` or `)`) only at the start of a line,
/// where it would begin a heading or a list.
pub(crate) fn escape(text: &str) -> String {
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
        if trimmed.starts_with(['#', '+', '-', '=']) {
            out.push('\\');
        } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            rest = &trimmed[digits..];
        }
        for c in rest.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
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
    use super::escape;

    #[test]
    fn escapes_markdown_syntax_in_text() {
        assert_eq!(escape("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("1. not a list"), r"1\. not a list");
        assert_eq!(escape("hand-in-hand, 1.5 mm"), "hand-in-hand, 1.5 mm");
    }
}
