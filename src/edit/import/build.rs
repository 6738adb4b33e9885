//! The content file's blocks and the reference's messages made from a read Markdown
//! document, with the ids a fresh import gives them, and the images it copies.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::project::is_local_asset;

use super::ids::Unit;
use super::markdown::{self, MdBlock, Text, slugify};
use super::{ImportFile, front, read_optional};

/// A block of the content file to write, naming its units by index.
#[derive(Clone, Debug)]
pub(super) enum Planned {
    Heading {
        level: u8,
        unit: usize,
    },
    Byline,
    Paragraph(usize),
    Figure {
        src: String,
        unit: usize,
        caption: bool,
    },
    List {
        ordered: bool,
        items: Vec<(usize, Vec<usize>)>,
    },
    Quote {
        unit: usize,
        by: Option<usize>,
    },
    Table {
        header: Vec<usize>,
        rows: Vec<Vec<usize>>,
    },
    Code {
        language: Option<String>,
        text: String,
    },
    Separator,
    Footnotes(Vec<(String, usize)>),
    Languages,
}

pub(super) struct Built {
    pub(super) units: Vec<Unit>,
    pub(super) blocks: Vec<Planned>,
    pub(super) title_plain: String,
    pub(super) hero: Option<String>,
}

/// The images to copy, each once.
pub(super) struct Images<'a> {
    pub(super) base: &'a Path,
    pub(super) md_path: &'a Path,
    pub(super) slug: &'a str,
    pub(super) content: &'a Path,
    pub(super) files: Vec<ImportFile>,
}

impl Images<'_> {
    /// The `src` the content file gives an image written `src` at `line`; a file beside the
    /// Markdown is copied into `content/images/<slug>/`.
    pub(super) fn add(&mut self, src: &str, line: usize) -> Result<String> {
        let invalid = |message: String, help: &str| Error::Invalid {
            path: self.md_path.to_path_buf(),
            line: Some(line),
            column: None,
            message,
            help: help.to_string(),
        };
        if !crate::article::is_publishable_url(src.trim()) {
            return Err(invalid(
                format!(
                    "the image `{}` is not a file or a URL Folio publishes",
                    src.chars().take(60).collect::<String>()
                ),
                "give the image's path from the Markdown file, or an http(s) URL (`file:` and `data:` URLs are not published)",
            ));
        }
        if !is_local_asset(src) {
            return Ok(src.to_string());
        }
        let path_part = src.split(['?', '#']).next().unwrap_or(src);
        let decoded = percent_encoding::percent_decode_str(path_part)
            .decode_utf8_lossy()
            .into_owned();
        let file = self.base.join(&decoded);
        let bytes = std::fs::read(&file).map_err(|err| {
            invalid(
                format!(
                    "the image `{src}` cannot be read from `{}`: {err}",
                    file.display()
                ),
                "put the image there, or fix its path (it is read from the Markdown file's folder)",
            )
        })?;
        let name = Path::new(&decoded)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) => (
                slugify(stem, 12, 60),
                format!(".{}", ext.to_ascii_lowercase()),
            ),
            None => (slugify(&name, 12, 60), String::new()),
        };
        let stem = if stem.is_empty() {
            "image".to_string()
        } else {
            stem
        };
        let folder = self.content.join("images").join(self.slug);
        let mut n = 1;
        loop {
            let file_name = if n == 1 {
                format!("{stem}{ext}")
            } else {
                format!("{stem}-{n}{ext}")
            };
            let dest = folder.join(&file_name);
            let src = format!("images/{}/{file_name}", self.slug);
            match self.files.iter().find(|f| f.path == dest) {
                Some(f) if f.after == bytes => return Ok(src),
                Some(_) => n += 1,
                None => {
                    let before = read_optional(&dest)?;
                    self.files.push(ImportFile {
                        path: dest,
                        before,
                        after: bytes,
                    });
                    return Ok(src);
                }
            }
        }
    }
}

/// The messages and blocks of `document`, with the ids a fresh import gives them.
#[allow(clippy::too_many_lines)]
pub(super) fn build(
    document: &markdown::Document,
    front: &front::Front,
    slug: &str,
    has_chrome: bool,
    images: &mut Images<'_>,
    md_path: &Path,
) -> Result<Built> {
    let prefix = if slug.starts_with(|c: char| c.is_ascii_alphabetic()) {
        slug.to_string()
    } else {
        format!("article-{slug}")
    };
    let link_urls: HashMap<&str, &str> = document
        .links
        .iter()
        .map(|(n, u)| (n.as_str(), u.as_str()))
        .collect();
    let mut units: Vec<Unit> = Vec::new();
    let mut blocks = Vec::new();
    let push = |units: &mut Vec<Unit>,
                proposed: String,
                kind: Option<&'static str>,
                text: Option<&Text>,
                group: Option<String>| {
        units.push(Unit {
            proposed,
            kind,
            value: text.map(|t| t.markup.clone()),
            attributes: Vec::new(),
            links: text
                .map(|t| {
                    t.links
                        .iter()
                        .map(|n| {
                            (
                                n.clone(),
                                link_urls.get(n.as_str()).unwrap_or(&"").to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            group,
            image: None,
            id: String::new(),
        });
        units.len() - 1
    };
    let plain_text = |s: &str| Text {
        markup: crate::markup::escape(s).into_owned(),
        plain: s.to_string(),
        links: Vec::new(),
    };

    let first_h1 = document.blocks.iter().find_map(|b| match b {
        MdBlock::Heading { level: 1, text } => Some(text.clone()),
        _ => None,
    });
    let (title, title_from_front) = match (&front.title, &first_h1) {
        (Some(title), _) => (plain_text(title), true),
        (None, Some(h1)) => (h1.clone(), false),
        (None, None) => {
            return Err(Error::Invalid {
                path: md_path.to_path_buf(),
                line: Some(1),
                column: None,
                message: "the article has no title".into(),
                help: "give it a `title` in the front matter, or start it with a `# Heading`"
                    .into(),
            });
        }
    };
    let title_unit = push(
        &mut units,
        format!("{prefix}-title"),
        None,
        Some(&title),
        None,
    );
    if let Some(description) = &front.description {
        push(
            &mut units,
            format!("{prefix}-description"),
            None,
            Some(&plain_text(description)),
            None,
        );
    }
    let mut tag_ids: Vec<String> = Vec::new();
    for tag in &front.tags {
        let mut key = slugify(tag, 4, 32);
        if key.is_empty() {
            key = format!("{}", tag_ids.len() + 1);
        }
        let mut id = format!("{prefix}-tag-{key}");
        let mut n = 2;
        while tag_ids.contains(&id) {
            id = format!("{prefix}-tag-{key}-{n}");
            n += 1;
        }
        tag_ids.push(id.clone());
        push(&mut units, id, None, Some(&plain_text(tag)), None);
    }
    let hero = match &front.hero {
        Some(src) => {
            let line = document.front.as_ref().map_or(1, |(_, line)| *line);
            let src = images.add(src, line)?;
            let i = push(&mut units, format!("{prefix}-hero"), None, None, None);
            let alt = front.hero_alt.clone().unwrap_or_default();
            units[i].attributes.push(("alt", plain_text(&alt).markup));
            units[i].image = Some(src.clone());
            Some(src)
        }
        None => None,
    };

    let title_heading = |blocks: &mut Vec<Planned>| {
        blocks.push(Planned::Heading {
            level: 1,
            unit: title_unit,
        });
        if has_chrome {
            blocks.push(Planned::Byline);
        }
    };
    let mut title_placed = false;
    if title_from_front {
        title_heading(&mut blocks);
        title_placed = true;
    }
    let mut section = "intro".to_string();
    let mut sections: Vec<String> = vec![section.clone()];
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let next = |counts: &mut HashMap<&'static str, usize>, kind: &'static str| {
        let n = counts.entry(kind).or_insert(0);
        *n += 1;
        *n
    };
    let mut skipped_h1 = false;
    for block in &document.blocks {
        match block {
            MdBlock::Heading { level: 1, text } if !title_placed => {
                title_heading(&mut blocks);
                title_placed = true;
                let _ = text;
            }
            MdBlock::Heading { level: 1, text }
                if title_from_front && !skipped_h1 && text.plain == title.plain =>
            {
                skipped_h1 = true;
            }
            MdBlock::Heading { level, text } => {
                let mut key = slugify(&text.plain, 3, 24);
                if key.is_empty() {
                    key = format!("section-{}", sections.len());
                }
                let mut unique = key.clone();
                let mut n = 2;
                while sections.contains(&unique) {
                    unique = format!("{key}-{n}");
                    n += 1;
                }
                sections.push(unique.clone());
                section = unique;
                counts.clear();
                let unit = push(
                    &mut units,
                    format!("{prefix}-{section}-heading"),
                    Some("heading"),
                    Some(text),
                    Some(text.plain.replace('\n', " ")),
                );
                blocks.push(Planned::Heading {
                    level: *level,
                    unit,
                });
            }
            MdBlock::Paragraph(text) => {
                let n = next(&mut counts, "p");
                let unit = push(
                    &mut units,
                    format!("{prefix}-{section}-p{n}"),
                    Some("p"),
                    Some(text),
                    None,
                );
                blocks.push(Planned::Paragraph(unit));
            }
            MdBlock::Figure {
                src,
                alt,
                caption,
                line,
            } => {
                let n = next(&mut counts, "figure");
                let src = images.add(src, *line)?;
                let unit = push(
                    &mut units,
                    format!("{prefix}-{section}-figure-{n}"),
                    Some("figure"),
                    None,
                    None,
                );
                units[unit].attributes.push(("alt", alt.markup.clone()));
                if let Some(caption) = caption {
                    units[unit]
                        .attributes
                        .push(("caption", caption.markup.clone()));
                    units[unit].links.extend(caption.links.iter().map(|n| {
                        (
                            n.clone(),
                            link_urls.get(n.as_str()).unwrap_or(&"").to_string(),
                        )
                    }));
                }
                units[unit].image = Some(src.clone());
                blocks.push(Planned::Figure {
                    src,
                    unit,
                    caption: caption.is_some(),
                });
            }
            MdBlock::List { ordered, items } => {
                let n = next(&mut counts, "list");
                let base = format!("{prefix}-{section}-list-{n}");
                let mut planned = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let id = format!("{base}-item-{}", i + 1);
                    let unit = push(&mut units, id.clone(), Some("item"), Some(&item.text), None);
                    let subs = item
                        .items
                        .iter()
                        .enumerate()
                        .map(|(j, sub)| {
                            push(
                                &mut units,
                                format!("{id}-{}", j + 1),
                                Some("item"),
                                Some(sub),
                                None,
                            )
                        })
                        .collect();
                    planned.push((unit, subs));
                }
                if !planned.is_empty() {
                    blocks.push(Planned::List {
                        ordered: *ordered,
                        items: planned,
                    });
                }
            }
            MdBlock::Quote { text, attribution } => {
                let n = next(&mut counts, "quote");
                let id = format!("{prefix}-{section}-quote-{n}");
                let unit = push(&mut units, id.clone(), Some("quote"), Some(text), None);
                let by = attribution
                    .as_ref()
                    .map(|a| push(&mut units, format!("{id}-by"), Some("by"), Some(a), None));
                blocks.push(Planned::Quote { unit, by });
            }
            MdBlock::Table { header, rows } => {
                let n = next(&mut counts, "table");
                let base = if n == 1 {
                    format!("{prefix}-{section}-table")
                } else {
                    format!("{prefix}-{section}-table-{n}")
                };
                let header = header
                    .iter()
                    .enumerate()
                    .map(|(c, cell)| {
                        push(
                            &mut units,
                            format!("{base}-h{}", c + 1),
                            Some("cell"),
                            Some(cell),
                            None,
                        )
                    })
                    .collect();
                let rows = rows
                    .iter()
                    .enumerate()
                    .map(|(r, row)| {
                        row.iter()
                            .enumerate()
                            .map(|(c, cell)| {
                                push(
                                    &mut units,
                                    format!("{base}-r{}c{}", r + 1, c + 1),
                                    Some("cell"),
                                    Some(cell),
                                    None,
                                )
                            })
                            .collect()
                    })
                    .collect();
                blocks.push(Planned::Table { header, rows });
            }
            MdBlock::Code { language, text } => blocks.push(Planned::Code {
                language: language.clone(),
                text: text.clone(),
            }),
            MdBlock::Separator => blocks.push(Planned::Separator),
        }
    }
    if !document.footnotes.is_empty() {
        let mut notes = Vec::new();
        let mut seen = Vec::new();
        for (name, text) in &document.footnotes {
            let name = name.clone();
            if seen.contains(&name) {
                continue;
            }
            seen.push(name.clone());
            let unit = push(
                &mut units,
                format!("{prefix}-{name}"),
                None,
                Some(text),
                None,
            );
            notes.push((name, unit));
        }
        blocks.push(Planned::Footnotes(notes));
    }
    if has_chrome {
        blocks.push(Planned::Languages);
    }
    Ok(Built {
        title_plain: title.plain.clone(),
        units,
        blocks,
        hero,
    })
}
