//! JSON: the article's structure with rendered strings.

use std::io::{self, Write};

use crate::render::Rendered;

pub(crate) fn write(article: &Rendered, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, article)?;
    writeln!(out)
}
