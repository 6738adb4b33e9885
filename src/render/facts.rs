//! What every rendering of an article shares, worked out once: its reading time and the
//! languages it is published in, each named in itself.
//!
//! Finding an article's languages reads, in each locale, only the file where the reference
//! defines the article's title (does the locale have it?) and the one where it defines
//! `site-language-name` (what does the locale call itself?): rendering one locale does not
//! parse every other locale's every file.

use std::collections::HashMap;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use crate::article::{Article, Block, chrome};
use crate::catalog::LocaleDir;
use crate::locale::Direction;
use crate::render::resolve::Resolver;
use crate::render::{Bundle, Language, RenderError, bundle, intl};

/// Words per minute used for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 200;

/// What every rendering of an article shares.
#[derive(Clone, Debug)]
pub(crate) struct ArticleFacts {
    /// The reading time, from the reference text.
    pub minutes: usize,
    /// Every locale that has the article, named in itself.
    pub languages: Vec<Language>,
    /// Errors met formatting the languages' names.
    pub errors: Vec<RenderError>,
}

/// A locale's name for itself, and what went wrong formatting it.
#[derive(Clone, Debug)]
pub(crate) struct LocaleName {
    pub name: String,
    pub errors: Vec<RenderError>,
}

/// Minutes to read `article`, from the word count of its text (every block's but the page
/// chrome's, and code's) in the reference's bundle.
pub(crate) fn reading_minutes(reference: &Bundle, article: &Article) -> usize {
    let mut resolver = Resolver::new(vec![("", reference)], &[]);
    let mut words = 0;
    for block in &article.blocks {
        let messages = match block {
            Block::Byline { .. } | Block::Languages { .. } => continue,
            Block::Code { text, .. } => {
                words += text.split_whitespace().count();
                continue;
            }
            block => block.messages(),
        };
        for message in messages {
            let text = crate::markup::parse(&resolver.format(message, None)).text();
            words += text.split_whitespace().count();
        }
    }
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// The locales of `names` (one per locale of `locales`, `None` for folders that are not
/// tags) that define `article`'s title in `title_file`, where the reference does.
pub(crate) fn languages(
    article: &Article,
    title_file: Option<&str>,
    locales: &[LocaleDir],
    names: &[Option<LocaleName>],
) -> (Vec<Language>, Vec<RenderError>) {
    let mut languages = Vec::new();
    let mut errors = Vec::new();
    let Some(rel) = title_file else {
        return (languages, errors);
    };
    for (locale, name) in locales.iter().zip(names) {
        let (Some(tag), Some(name)) = (&locale.tag, name) else {
            continue;
        };
        if !defines(locale, rel, &article.title.id) {
            continue;
        }
        errors.extend(name.errors.iter().cloned());
        languages.push(Language {
            locale: locale.name.clone(),
            slug: article.slug_in(&locale.name).to_string(),
            name: name.name.clone(),
            dir: Direction::of(tag),
        });
    }
    (languages, errors)
}

/// What each of `locales` calls itself (`None` for folders that are not tags): its
/// `site-language-name`, formatted from `name_file`, where the reference defines it, else
/// the folder's name.
pub(crate) fn locale_names(
    name_file: Option<&str>,
    locales: &[LocaleDir],
) -> Vec<Option<LocaleName>> {
    locales
        .iter()
        .map(|locale| locale_name(name_file, locale))
        .collect()
}

fn locale_name(rel: Option<&str>, locale: &LocaleDir) -> Option<LocaleName> {
    let tag = locale.tag.as_ref()?;
    let fallback = || LocaleName {
        name: locale.name.clone(),
        errors: Vec::new(),
    };
    let Some(file) = rel.and_then(|rel| locale.file(rel)) else {
        return Some(fallback());
    };
    let parsed = file.parse();
    let mut bundle = bundle::new(tag);
    // The file on its own: a duplicate id in it is `folio check`'s to report.
    let _ = bundle.add_resource(std::sync::Arc::<FluentResource>::clone(&parsed.resource));
    let Some(pattern) = bundle
        .get_message(chrome::LANGUAGE_NAME)
        .and_then(|m| m.value())
    else {
        return Some(fallback());
    };
    let formatted = intl::format(&bundle, pattern, None);
    Some(LocaleName {
        name: formatted.text,
        errors: formatted
            .errors
            .into_iter()
            .map(|error| RenderError {
                message: chrome::LANGUAGE_NAME.to_string(),
                locale: locale.name.clone(),
                error,
            })
            .collect(),
    })
}

/// Where `locale` defines each of its messages: the position of the file, by message id (the
/// first file, when several do).
pub(crate) fn definitions(locale: &LocaleDir) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    for (i, file) in locale.files.iter().enumerate() {
        for entry in file.parse().resource.entries() {
            if let ast::Entry::Message(m) = entry {
                found.entry(m.id.name.to_string()).or_insert(i);
            }
        }
    }
    found
}

/// Whether `locale`'s file at `rel` defines the message `id`.
fn defines(locale: &LocaleDir, rel: &str, id: &str) -> bool {
    locale
        .file(rel)
        .is_some_and(|file| defines_in(&file.parse().resource, id))
}

fn defines_in(resource: &FluentResource, id: &str) -> bool {
    resource
        .entries()
        .any(|entry| matches!(entry, ast::Entry::Message(m) if m.id.name == id))
}
