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

use html_escape::encode_double_quoted_attribute;
use minijinja::{Environment, Value};

use crate::error::{Error, Result};
use crate::locale::Direction;
use crate::render::{Inline, Rendered, RenderedBlock, RenderedImage, RenderedItem, bidi};

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

    /// The URL of `locale`'s list of articles: from a page (one folder deep), or from the
    /// site's root. Under a base URL, the folder (`https://example.com/de/`); else its file.
    pub fn index(&self, locale: &str, from_root: bool) -> String {
        match (&self.base_url, from_root) {
            (Some(base), _) => format!("{base}/{locale}/"),
            (None, false) => format!("../{locale}/index.html"),
            (None, true) => format!("{locale}/index.html"),
        }
    }

    /// The URL of `locale`'s Atom feed, from a page.
    pub fn feed(&self, locale: &str) -> String {
        match &self.base_url {
            Some(base) => format!("{base}/{locale}/feed.xml"),
            None => format!("../{locale}/feed.xml"),
        }
    }

    /// The URL of a file of the site (an image), from a page: `src` as written in the content
    /// file is relative to the site's root, unless it is a full URL or starts with `/`.
    pub fn asset(&self, src: &str) -> String {
        if !crate::project::is_local_asset(src) {
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

/// A map for the template, its keys known in advance: looked up in place rather than built
/// into a sorted map, as every block and message of every page is.
#[derive(Debug)]
struct Fields(Vec<(&'static str, Value)>);

impl minijinja::value::Object for Fields {
    fn get_value(self: &std::sync::Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Values(self.0.iter().map(|(k, _)| Value::from(*k)).collect())
    }
}

/// `fields` as a template value.
fn fields(fields: Vec<(&'static str, Value)>) -> Value {
    Value::from_object(Fields(fields))
}

/// A rendered message for the template: `html` (its markup, checked), `text`, `message`, and
/// `lang` and `dir` when a fallback locale gave it.
fn inline(article: &Rendered, content: &Inline) -> Value {
    fields(inline_fields(article, content))
}

fn inline_fields(article: &Rendered, content: &Inline) -> Vec<(&'static str, Value)> {
    let dir = content.dir.map(Direction::as_str);
    vec![
        ("html", Value::from_safe_string(content.html.clone())),
        ("text", plain(article, &content.text)),
        ("message", Value::from(content.message.as_str())),
        ("attrs", attrs(content.locale.as_deref(), dir)),
        ("lang", Value::from(content.locale.as_deref())),
        ("dir", Value::from(dir)),
    ]
}

/// ` lang="…" dir="…"` for an element whose text came from a fallback locale, else nothing.
fn attrs(lang: Option<&str>, dir: Option<&str>) -> Value {
    match (lang, dir) {
        (Some(lang), Some(dir)) => Value::from_safe_string(format!(
            " lang=\"{}\" dir=\"{dir}\"",
            encode_double_quoted_attribute(lang)
        )),
        _ => Value::from_safe_string(String::new()),
    }
}

fn optional(article: &Rendered, content: Option<&Inline>) -> Value {
    content.map_or(Value::from(()), |c| inline(article, c))
}

/// One block for the template: its `type`, its fields, and for a block of one message that
/// message's fields (`html`, `lang`, `dir`, …) on the block itself.
fn block(article: &Rendered, links: &Links, block: &RenderedBlock) -> Value {
    let mut fields: Vec<(&str, Value)> = Vec::new();
    let kind = match block {
        RenderedBlock::Heading { level, content } => {
            fields.push(("level", Value::from(*level)));
            fields.extend(inline_fields(article, content));
            "heading"
        }
        RenderedBlock::Paragraph { content } => {
            fields.extend(inline_fields(article, content));
            "paragraph"
        }
        RenderedBlock::Image { image, .. } => {
            fields.extend(image_fields(article, links, image));
            "image"
        }
        RenderedBlock::List { ordered, items } => {
            fields.push(("ordered", Value::from(*ordered)));
            fields.push(("items", list(article, items)));
            "list"
        }
        RenderedBlock::Quote {
            content,
            attribution,
            cite,
        } => {
            fields.extend(inline_fields(article, content));
            fields.push(("attribution", optional(article, attribution.as_ref())));
            fields.push((
                "cite",
                cite.as_deref()
                    .map_or(Value::from(()), |c| url(&links.asset(c))),
            ));
            "quote"
        }
        RenderedBlock::Table {
            caption,
            header,
            rows,
        } => {
            fields.push(("caption", optional(article, caption.as_ref())));
            let header: Vec<Value> = header.iter().map(|c| inline(article, c)).collect();
            fields.push(("header", Value::from(header)));
            let rows: Vec<Value> = rows
                .iter()
                .map(|row| Value::from(row.iter().map(|c| inline(article, c)).collect::<Vec<_>>()))
                .collect();
            fields.push(("rows", Value::from(rows)));
            "table"
        }
        RenderedBlock::Note { title, content } => {
            fields.push(("title", optional(article, title.as_ref())));
            fields.extend(inline_fields(article, content));
            "note"
        }
        RenderedBlock::Footnotes { notes } => {
            let notes: Vec<Value> = notes
                .iter()
                .map(|note| {
                    let mut fields = inline_fields(article, &note.content);
                    fields.push(("name", Value::from(note.name.as_str())));
                    fields.push(("number", Value::from(note.number)));
                    self::fields(fields)
                })
                .collect();
            fields.push(("notes", Value::from(notes)));
            "footnotes"
        }
        RenderedBlock::Code { language, text } => {
            fields.push(("language", Value::from(language.as_deref())));
            fields.push(("text", Value::from(text.as_str())));
            "code"
        }
        RenderedBlock::Separator => "separator",
        RenderedBlock::Byline {
            byline,
            reading_time,
            minutes,
        } => {
            fields.push(("byline", Value::from_safe_string(byline.html.clone())));
            fields.push((
                "reading_time",
                Value::from_safe_string(reading_time.html.clone()),
            ));
            fields.push(("minutes", Value::from(*minutes)));
            "byline"
        }
        RenderedBlock::Languages { label } => {
            fields.push(("label", plain(article, label)));
            "languages"
        }
    };
    fields.push(("type", Value::from(kind)));
    self::fields(fields)
}

/// A list's items, each with its nested list's.
fn list(article: &Rendered, items: &[RenderedItem]) -> Value {
    let items: Vec<Value> = items
        .iter()
        .map(|item| {
            let mut fields = inline_fields(article, &item.content);
            let nested: Vec<Value> = item.items.iter().map(|i| inline(article, i)).collect();
            fields.push(("items", Value::from(nested)));
            self::fields(fields)
        })
        .collect();
    Value::from(items)
}

fn image_fields(
    article: &Rendered,
    links: &Links,
    image: &RenderedImage,
) -> Vec<(&'static str, Value)> {
    let lang = image.alt_locale.as_deref();
    let dir = lang
        .and_then(|l| crate::locale::parse_tag(l).ok())
        .map(|tag| Direction::of(&tag).as_str());
    vec![
        ("src", url(&links.asset(&image.src))),
        ("alt", plain(article, &image.alt)),
        ("attrs", attrs(lang, dir)),
        ("lang", Value::from(lang)),
        ("dir", Value::from(dir)),
        ("caption", optional(article, image.caption.as_ref())),
    ]
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
    let mut page: BTreeMap<&'static str, Value> = BTreeMap::new();
    page.insert("lang", Value::from(article.locale.as_str()));
    page.insert("dir", Value::from(article.dir.as_str()));
    page.insert("title", plain(article, &article.title));
    page.insert("title_text", Value::from(bidi::strip(&article.title)));
    page.insert(
        "description",
        Value::from(bidi::strip(&article.description)),
    );
    page.insert("url", url(&links.href(&article.locale, &article.page_slug)));
    page.insert("index", url(&links.index(&article.locale, false)));
    page.insert("feed", url(&links.feed(&article.locale)));
    page.insert("slug", Value::from(article.slug.as_str()));
    page.insert(
        "published",
        Value::from(article.published.map(|d| d.to_string())),
    );
    let mut alternates: Vec<Value> = article
        .languages
        .iter()
        .map(|l| {
            self::fields(vec![
                ("hreflang", Value::from(l.locale.as_str())),
                ("href", url(&links.href(&l.locale, &l.slug))),
            ])
        })
        .collect();
    let reference_slug = article
        .languages
        .iter()
        .find(|l| l.locale == article.reference)
        .map_or(&article.slug, |l| &l.slug);
    alternates.push(self::fields(vec![
        ("hreflang", Value::from("x-default")),
        ("href", url(&links.href(&article.reference, reference_slug))),
    ]));
    page.insert("alternates", Value::from(alternates));
    let languages: Vec<Value> = article
        .languages
        .iter()
        .map(|l| {
            self::fields(vec![
                ("locale", Value::from(l.locale.as_str())),
                ("name", Value::from(l.name.as_str())),
                ("dir", Value::from(l.dir.as_str())),
                ("href", url(&links.href(&l.locale, &l.slug))),
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
        let mut fields = image_fields(article, links, hero);
        fields.push(("show", Value::from(!article.hero_in_blocks)));
        // The block it goes after (none: first).
        let after = article.hero_at().and_then(|at| at.checked_sub(1));
        fields.push(("after", Value::from(after)));
        page.insert("hero", self::fields(fields));
    }
    head(article, links, &mut page);
    let blocks: Vec<Value> = article
        .blocks
        .iter()
        .map(|block| self::block(article, links, block))
        .collect();
    page.insert("blocks", Value::from(blocks));
    fields(page.into_iter().collect())
}

/// What the page's head says about the article: its author, dates, tags, Open Graph locales
/// and schema.org `Article` (JSON-LD).
fn head(article: &Rendered, links: &Links, page: &mut BTreeMap<&'static str, Value>) {
    page.insert("author", Value::from(article.author.as_deref()));
    page.insert(
        "updated",
        Value::from(article.updated.map(|d| d.to_string())),
    );
    let tags: Vec<Value> = article
        .tags
        .iter()
        .map(|t| Value::from(bidi::strip(t)))
        .collect();
    page.insert("tags", Value::from(tags));
    page.insert("og_locale", Value::from(og_locale(&article.locale)));
    let alternates: Vec<Value> = article
        .languages
        .iter()
        .filter(|l| l.locale != article.locale)
        .map(|l| Value::from(og_locale(&l.locale)))
        .collect();
    page.insert("og_locale_alternates", Value::from(alternates));
    page.insert("json_ld", Value::from_safe_string(json_ld(article, links)));
}

/// A tag as Open Graph writes locales: `en_US`, `de`.
fn og_locale(tag: &str) -> String {
    tag.replace('-', "_")
}

/// schema.org `Article` as JSON-LD, safe inside `<script>` (`<` written as `\u003c`).
fn json_ld(article: &Rendered, links: &Links) -> String {
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": bidi::strip(&article.title),
        "inLanguage": article.locale,
        "description": bidi::strip(&article.description),
        "url": links.href(&article.locale, &article.page_slug),
    });
    let object = ld.as_object_mut().expect("built as an object");
    if let Some(published) = article.published {
        object.insert("datePublished".into(), published.to_string().into());
    }
    if let Some(updated) = article.updated {
        object.insert("dateModified".into(), updated.to_string().into());
    }
    if let Some(author) = &article.author {
        object.insert(
            "author".into(),
            serde_json::json!({ "@type": "Person", "name": author }),
        );
    }
    if let Some(hero) = &article.hero {
        object.insert("image".into(), links.asset(&hero.src).into());
    }
    if !article.tags.is_empty() {
        let tags: Vec<String> = article.tags.iter().map(|t| bidi::strip(t)).collect();
        object.insert("keywords".into(), tags.join(", ").into());
    }
    ld.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
