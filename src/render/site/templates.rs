//! The site pages' templates: the built-in ones (`index.html`, `feed.xml`, `languages.html`,
//! `404.html` in `src/render/`), each replaced by a project's file of the same name.

use std::path::Path;

use minijinja::{AutoEscape, Environment, Value};

use super::SitePage;
use crate::error::{Error, Result};

/// The templates of the site's pages: the built-in ones, each replaced by the file of its name
/// in a project's `[site] templates` folder when there is one.
pub struct SiteTemplates {
    pub(super) env: Environment<'static>,
    /// Where each template came from, for errors (a file, or `the built-in …`), and its text.
    origins: Vec<(SitePage, String, String)>,
}

impl std::fmt::Debug for SiteTemplates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteTemplates")
            .field("origins", &self.origins)
            .finish_non_exhaustive()
    }
}

impl Default for SiteTemplates {
    fn default() -> Self {
        SiteTemplates::load(None).expect("the built-in templates compile: the tests render them")
    }
}

impl SiteTemplates {
    /// The built-in templates, each replaced by the file of its name in `folder`
    /// (`index.html`, `feed.xml`, `languages.html`, `404.html`) when it has one.
    ///
    /// # Errors
    /// When a file cannot be read or does not compile: the error names it and the line.
    pub fn load(folder: Option<&Path>) -> Result<Self> {
        let mut env = Environment::new();
        // HTML escaping, whatever the file is called; XML escaping for the feed (HTML's
        // `&#x2f;` for `/` would be valid XML, but feed readers show URLs as they are written).
        env.set_auto_escape_callback(|name| {
            if name == SitePage::Feed.template_name() {
                AutoEscape::Custom("xml")
            } else {
                AutoEscape::Html
            }
        });
        env.set_formatter(|out, state, value| {
            if state.auto_escape() == AutoEscape::Custom("xml") {
                let text = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string);
                let escaped = if value.is_safe() {
                    text
                } else {
                    html_escape::encode_double_quoted_attribute(&text).into_owned()
                };
                return out.write_str(&escaped).map_err(minijinja::Error::from);
            }
            minijinja::escape_formatter(out, state, value)
        });
        let mut origins = Vec::new();
        for page in SitePage::ALL {
            let file = folder.map(|f| f.join(page.template_name()));
            let (origin, source) = match file.filter(|f| f.is_file()) {
                Some(file) => {
                    let source = crate::fs::read_text(&file).map_err(|source| Error::Io {
                        path: file.clone(),
                        source,
                    })?;
                    (file.to_string_lossy().into_owned(), source)
                }
                None => (
                    format!("the built-in {}", page.template_name()),
                    page.builtin().to_string(),
                ),
            };
            env.add_template_owned(page.template_name(), source.clone())
                .map_err(|err| template_error(&origin, &err))?;
            origins.push((page, origin, source));
        }
        Ok(SiteTemplates { env, origins })
    }

    /// The text of the template of `page`, for those who must know when it changes.
    pub fn source(&self, page: SitePage) -> &str {
        self.origins
            .iter()
            .find(|(p, _, _)| *p == page)
            .map_or("", |(_, _, source)| source.as_str())
    }

    pub(super) fn render(&self, page: SitePage, context: Value) -> Result<Vec<u8>> {
        let origin = self
            .origins
            .iter()
            .find(|(p, _, _)| *p == page)
            .map_or("", |(_, origin, _)| origin.as_str());
        let mut text = self
            .env
            .get_template(page.template_name())
            .and_then(|template| template.render(context))
            .map_err(|err| template_error(origin, &err))?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Ok(text.into_bytes())
    }
}

fn template_error(origin: &str, err: &minijinja::Error) -> Error {
    Error::Invalid {
        path: origin.into(),
        line: err.line(),
        column: None,
        message: format!("the template failed: {err}"),
        help: "see the built-in templates in src/render/ (index.html, feed.xml, \
               languages.html, 404.html) for the variables"
            .into(),
    }
}
