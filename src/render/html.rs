//! A complete HTML5 page from a template a site can replace (minijinja; the default one,
//! `article.html`, is compiled in): `lang` and `dir` on `<html>`, title and description,
//! `<link rel="alternate" hreflang>` for every language plus `x-default`, a language switcher,
//! the hero image with its localized alternative text.
//!
//! Every translated string is HTML-escaped (translations cannot inject markup), and every
//! interpolated value is wrapped in `<bdi>` so that a Latin name in Arabic text, or a Hebrew
//! one in English, keeps its place.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use html_escape::{encode_double_quoted_attribute, encode_text};
use minijinja::{Environment, Value};

use crate::error::{Error, Result};
use crate::render::{Rendered, RenderedBlock, bidi};

/// The template compiled into Folio.
pub const DEFAULT_TEMPLATE: &str = include_str!("article.html");

/// How pages link to each other: a page is at `<locale>/<slug>.html` under the site's root,
/// whether `folio build` wrote it or `folio serve` sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// The site's root URL (`https://example.com/articles`); without one, links are relative
    /// to the page (`../de/smp-removal.html`), which works from any folder.
    base_url: Option<String>,
}

impl Links {
    /// Links under `base_url`, or relative ones.
    pub fn new(base_url: Option<&str>) -> Self {
        Links {
            base_url: base_url.map(|b| b.trim_end_matches('/').to_string()),
        }
    }

    /// The site's root URL, if links are absolute.
    pub fn base_url(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The URL of the article `slug` in `locale`, from a page of that article.
    pub fn href(&self, locale: &str, slug: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}/{locale}/{slug}.html"),
            None => format!("../{locale}/{slug}.html"),
        }
    }

    /// The URL of the article `slug` in `locale`, from the site's root (the index, the sitemap).
    pub fn from_root(&self, locale: &str, slug: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}/{locale}/{slug}.html"),
            None => format!("{locale}/{slug}.html"),
        }
    }

    /// The URL of a file of the site (an image), from a page: `src` as written in the content
    /// file is relative to the site's root, unless it is a full URL or starts with `/`.
    pub fn asset(&self, src: &str) -> String {
        if src.contains("://") || src.starts_with('/') || src.starts_with("data:") {
            return src.to_string();
        }
        match &self.base_url {
            Some(base) => format!("{base}/{src}"),
            None => format!("../{src}"),
        }
    }
}

/// A compiled page template.
pub struct HtmlTemplate {
    /// The template's file (or name), for errors.
    name: String,
    /// Its text, for those who must know when it changes.
    source: String,
    env: Environment<'static>,
}

impl std::fmt::Debug for HtmlTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HtmlTemplate").finish_non_exhaustive()
    }
}

impl HtmlTemplate {
    /// Compiles a page template (minijinja syntax; `page` holds the article, see the README).
    /// `name` names it in errors.
    pub fn new(name: &str, source: String) -> Result<Self> {
        let invalid = |line: Option<usize>, message: String| Error::Invalid {
            path: name.into(),
            line,
            column: None,
            message,
            help: "see the default template, src/render/article.html, for the variables".into(),
        };
        let mut env = Environment::new();
        // Escape HTML whatever the template's file is called.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_template_owned("article", source.clone())
            .map_err(|err| invalid(err.line(), err.to_string()))?;
        Ok(HtmlTemplate {
            name: name.to_string(),
            source,
            env,
        })
    }

    /// Reads and compiles the page template at `path`.
    pub fn load(path: &Path) -> Result<Self> {
        let source = crate::fs::read_text(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        HtmlTemplate::new(&path.to_string_lossy(), source)
    }

    /// The template's text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The template compiled into Folio.
    pub fn builtin() -> &'static HtmlTemplate {
        static BUILTIN: OnceLock<HtmlTemplate> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            HtmlTemplate::new("article.html", DEFAULT_TEMPLATE.to_string())
                .expect("the built-in template compiles: the test suite renders it")
        })
    }

    /// `article` as a page, ending with a line ending.
    ///
    /// # Errors
    /// When the template fails on this article (an unknown filter, a failed `include`): the
    /// error names the template and the line.
    pub fn render(&self, article: &Rendered, links: &Links) -> Result<String> {
        let rendered = self.env.get_template("article").and_then(|template| {
            template.render(minijinja::context! { page => page(article, links) })
        });
        let mut html = rendered.map_err(|err| Error::Invalid {
            path: self.name.clone().into(),
            line: err.line(),
            column: None,
            message: format!("the page template failed: {err}"),
            help: "see the default template, src/render/article.html, for the variables".into(),
        })?;
        if !html.ends_with('\n') {
            html.push('\n');
        }
        Ok(html)
    }
}

/// Translated text as HTML: escaped, with `<bdi>` around interpolated values.
fn html(text: &str) -> Value {
    Value::from_safe_string(bidi::for_html(&encode_text(text)))
}

/// A URL for an attribute, escaped here (the template's escaping would also escape `/`).
pub(crate) fn url(href: &str) -> Value {
    Value::from_safe_string(encode_double_quoted_attribute(href).into_owned())
}

/// Translated text for an attribute or a `<title>`: isolates only where needed, escaped by the
/// template.
fn plain(article: &Rendered, text: &str) -> Value {
    Value::from(bidi::for_text(text, article.dir))
}

fn page(article: &Rendered, links: &Links) -> Value {
    let mut page: BTreeMap<&str, Value> = BTreeMap::new();
    page.insert("lang", Value::from(article.locale.as_str()));
    page.insert("dir", Value::from(article.dir.as_str()));
    page.insert("title", plain(article, &article.title));
    page.insert("title_text", Value::from(bidi::strip(&article.title)));
    page.insert(
        "description",
        Value::from(bidi::strip(&article.description)),
    );
    page.insert("url", url(&links.href(&article.locale, &article.slug)));
    page.insert("slug", Value::from(article.slug.as_str()));
    page.insert(
        "published",
        Value::from(article.published.map(|d| d.to_string())),
    );
    let mut alternates: Vec<Value> = article
        .languages
        .iter()
        .map(|l| {
            Value::from_iter([
                ("hreflang", Value::from(l.locale.as_str())),
                ("href", url(&links.href(&l.locale, &article.slug))),
            ])
        })
        .collect();
    alternates.push(Value::from_iter([
        ("hreflang", Value::from("x-default")),
        ("href", url(&links.href(&article.reference, &article.slug))),
    ]));
    page.insert("alternates", Value::from(alternates));
    let languages: Vec<Value> = article
        .languages
        .iter()
        .map(|l| {
            Value::from_iter([
                ("locale", Value::from(l.locale.as_str())),
                ("name", Value::from(l.name.as_str())),
                ("dir", Value::from(l.dir.as_str())),
                ("href", url(&links.href(&l.locale, &article.slug))),
                ("current", Value::from(l.locale == article.locale)),
            ])
        })
        .collect();
    page.insert("languages", Value::from(languages));
    page.insert(
        "languages_label",
        Value::from(bidi::strip(&article.languages_label)),
    );
    if let Some(hero) = &article.hero {
        page.insert(
            "hero",
            Value::from_iter([
                ("src", url(&links.asset(&hero.src))),
                ("alt", plain(article, &hero.alt)),
            ]),
        );
    }
    let blocks: Vec<Value> = article
        .blocks
        .iter()
        .map(|block| match block {
            RenderedBlock::Heading { level, text, .. } => Value::from_iter([
                ("type", Value::from("heading")),
                ("level", Value::from(*level)),
                ("html", html(text)),
            ]),
            RenderedBlock::Paragraph { text, .. } => {
                Value::from_iter([("type", Value::from("paragraph")), ("html", html(text))])
            }
            RenderedBlock::Image { src, alt, .. } => Value::from_iter([
                ("type", Value::from("image")),
                ("src", url(&links.asset(src))),
                ("alt", plain(article, alt)),
            ]),
            RenderedBlock::Byline {
                byline,
                reading_time,
                minutes,
            } => Value::from_iter([
                ("type", Value::from("byline")),
                ("byline", html(byline)),
                ("reading_time", html(reading_time)),
                ("minutes", Value::from(*minutes)),
            ]),
            RenderedBlock::Languages { label, .. } => {
                Value::from_iter([("type", Value::from("languages")), ("label", html(label))])
            }
        })
        .collect();
    page.insert("blocks", Value::from(blocks));
    Value::from_iter(page)
}
