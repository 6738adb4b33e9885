//! `folio.toml`: where a project's folders are, its reference locale, and how `folio check`
//! runs on it. Every key is optional.
//!
//! ```toml
//! reference = "en-US"            # the locale every other is compared with and falls back to
//! locales = "locales"            # the folder of locale folders
//! content = "content"            # the folder of article structures
//! allow-outside = false          # let `locales`/`content` name folders outside the project
//!
//! [check]
//! locales = ["de", "fr"]         # check only these locales
//! exclude = ["en-GB"]            # never check these
//! ignore = ["locales/*/legacy/**"] # files not to check (globs on paths from the root)
//! min-coverage = 90              # fail when a locale's coverage is lower (percent)
//! outdated-counts-as-done = false # count outdated translations as done in the coverage
//!
//! [check.severity]               # per check: "error", "warning", "info" or "off"
//! untranslated = "off"
//! whitespace = "error"
//!
//! [site]
//! base-url = "https://example.com/articles"  # for hreflang links and the sitemap
//! title = "Articles"                         # the site's title, if `site-title` is not a message
//! template = "templates/article.html"        # the page template (minijinja)
//! templates = "templates"                    # index.html, feed.xml, languages.html, 404.html
//! ```

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{CheckId, Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::line_index::LineIndex;

/// `folio.toml`, read and validated.
#[derive(Debug, Default)]
pub(crate) struct Config {
    pub reference: Option<String>,
    pub locales: Option<Setting>,
    pub content: Option<Setting>,
    /// Whether `locales` and `content` may name folders outside the project.
    pub allow_outside: bool,
    pub check: CheckConfig,
    pub site: SiteConfig,
}

/// A path `folio.toml` sets, with where it is set (for errors that point at the line).
#[derive(Debug, Clone)]
pub(crate) struct Setting {
    pub value: String,
    pub line: usize,
    pub column: usize,
}

/// The `[site]` table: how `folio build` and `folio serve` publish the project.
#[derive(Debug, Default, Clone)]
pub struct SiteConfig {
    /// The site's public URL (`https://example.com/articles`), for `hreflang` links and the
    /// sitemap.
    pub base_url: Option<String>,
    /// The site's title, for a project whose locales do not define the `site-title` message.
    pub title: Option<String>,
    /// The page template, relative to the project's root.
    pub template: Option<String>,
    /// The folder of the site's other templates (`index.html`, `feed.xml`, `languages.html`,
    /// `404.html`), relative to the project's root; each file there replaces the built-in one.
    pub templates: Option<String>,
}

/// The `[check]` table: which locales and files to check, and each check's severity.
#[derive(Debug, Default, Clone)]
pub struct CheckConfig {
    /// Check only these locales (all when empty).
    pub locales: Vec<String>,
    /// Never check these locales.
    pub exclude: Vec<String>,
    /// Fail the run when a locale's coverage is below this percentage.
    pub min_coverage: Option<f64>,
    /// Count outdated translations as done in the coverage (they are not, by default).
    pub outdated_counts_as_done: bool,
    ignore: Option<GlobSet>,
    /// Severity per check; `None` turns the check off.
    severities: HashMap<CheckId, Option<Severity>>,
}

impl CheckConfig {
    /// Whether the file at `path` (relative to the project root) is not to be checked.
    pub fn ignores(&self, path: &str) -> bool {
        self.ignore.as_ref().is_some_and(|set| set.is_match(path))
    }

    /// The severity of `check` after configuration; `None` when it is turned off.
    pub fn severity(&self, check: CheckId) -> Option<Severity> {
        self.severities
            .get(&check)
            .copied()
            .unwrap_or(Some(check.severity()))
    }

    /// Gives findings their configured severity and drops those of checks turned off.
    pub(crate) fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.severities.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.severity(d.check) {
            Some(severity) => {
                d.severity = severity;
                true
            }
            None => false,
        });
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    reference: Option<String>,
    locales: Option<Spanned<String>>,
    content: Option<Spanned<String>>,
    #[serde(rename = "allow-outside", default)]
    allow_outside: bool,
    check: Option<RawCheck>,
    site: Option<RawSite>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSite {
    base_url: Option<Spanned<String>>,
    title: Option<String>,
    template: Option<String>,
    templates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCheck {
    #[serde(default)]
    locales: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    min_coverage: Option<Spanned<f64>>,
    #[serde(default)]
    outdated_counts_as_done: bool,
    #[serde(default)]
    severity: HashMap<Spanned<String>, Spanned<String>>,
}

/// Whether `text` is an http(s) URL, as a site's public address must be.
pub(crate) fn is_http_url(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

impl Config {
    /// Parses the text of `folio.toml` (`path` names it in errors).
    pub(crate) fn parse(path: &Path, text: &str) -> Result<Config> {
        let lines = LineIndex::new(text);
        let invalid = |span: Option<Range<usize>>, message: String, help: &str| {
            let location = span.map(|s| lines.location(text, s.start));
            Error::Invalid {
                path: path.to_path_buf(),
                line: location.map(|l| l.line),
                column: location.map(|l| l.column),
                message,
                help: help.to_string(),
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            invalid(
                err.span(),
                err.message().trim_end().to_string(),
                "folio.toml may set `reference`, `locales`, `content`, `allow-outside`, and `[check]` and `[site]` tables (see the README)",
            )
        })?;
        let setting = |spanned: Spanned<String>| {
            let at = lines.location(text, spanned.span().start);
            Setting {
                value: spanned.into_inner(),
                line: at.line,
                column: at.column,
            }
        };
        let mut check = CheckConfig::default();
        if let Some(raw) = raw.check {
            check.locales = raw.locales;
            check.exclude = raw.exclude;
            check.outdated_counts_as_done = raw.outdated_counts_as_done;
            if let Some(min) = raw.min_coverage {
                if !(0.0..=100.0).contains(min.get_ref()) {
                    return Err(invalid(
                        Some(min.span()),
                        format!("`min-coverage = {}` is not a percentage", min.get_ref()),
                        "write a number from 0 to 100",
                    ));
                }
                check.min_coverage = Some(*min.get_ref());
            }
            if !raw.ignore.is_empty() {
                let mut builder = GlobSetBuilder::new();
                for pattern in &raw.ignore {
                    let glob = Glob::new(pattern.get_ref()).map_err(|err| {
                        invalid(
                            Some(pattern.span()),
                            format!(
                                "`{}` is not a valid glob: {}",
                                pattern.get_ref(),
                                err.kind()
                            ),
                            "write a glob such as `locales/*/legacy/**`",
                        )
                    })?;
                    builder.add(glob);
                }
                check.ignore =
                    Some(builder.build().map_err(|err| {
                        invalid(None, err.to_string(), "check the `ignore` globs")
                    })?);
            }
            for (name, level) in &raw.severity {
                let id = CheckId::from_name(name.get_ref()).ok_or_else(|| {
                    invalid(
                        Some(name.span()),
                        format!("there is no check `{}`", name.get_ref()),
                        "run `folio check --list` for the checks' names",
                    )
                })?;
                let severity = match level.get_ref().as_str() {
                    "error" => Some(Severity::Error),
                    "warning" => Some(Severity::Warning),
                    "info" => Some(Severity::Info),
                    "off" => None,
                    other => {
                        return Err(invalid(
                            Some(level.span()),
                            format!("`{other}` is not a severity"),
                            "use \"error\", \"warning\", \"info\" or \"off\"",
                        ));
                    }
                };
                check.severities.insert(id, severity);
            }
        }
        let mut site = SiteConfig::default();
        if let Some(raw) = raw.site {
            if let Some(url) = &raw.base_url {
                let text = url.get_ref();
                if !is_http_url(text) {
                    return Err(invalid(
                        Some(url.span()),
                        format!("`base-url = \"{text}\"` is not an http(s) URL"),
                        "write the site's public address, like `https://example.com/articles`",
                    ));
                }
                site.base_url = Some(text.trim_end_matches('/').to_string());
            }
            site.title = raw.title;
            site.template = raw.template;
            site.templates = raw.templates;
        }
        Ok(Config {
            reference: raw.reference,
            locales: raw.locales.map(setting),
            content: raw.content.map(setting),
            allow_outside: raw.allow_outside,
            check,
            site,
        })
    }
}

/// `folio.toml` as `folio init` writes it: `reference` set to `reference`, and every other
/// key Folio reads commented out with its default (or, for a key that has none, an example)
/// and a line on what it does, so that the file means exactly the defaults until a line is
/// uncommented. Every check's severity is listed, generated from [`CheckId::ALL`].
pub(crate) fn commented(reference: &str) -> String {
    let mut severities = String::new();
    for check in CheckId::ALL {
        let line = format!("# {} = \"{}\"\n", check.name(), check.severity());
        severities.push_str(&line);
    }
    format!(
        r#"# Folio's configuration. Every key but `reference` is commented out with its
# default: uncomment a line to change it (the README describes each key).

# The locale every other is compared with and falls back to; its folder is
# locales/{reference}/.
reference = "{reference}"

# The folder of locale folders (locales/<BCP 47 tag>/*.ftl).
# locales = "locales"

# The folder of article structures (content/<slug>.toml) and their images.
# content = "content"

# Let `locales` and `content` name folders outside this project.
# allow-outside = false

[check]
# Check only these locales (default: every locale).
# locales = []

# Never check these locales.
# exclude = []

# Files not to check: globs on paths from this folder, like "locales/*/legacy/**".
# ignore = []

# Fail `folio check` when a locale's coverage is below this percentage
# (default: no minimum; for example 90).
# min-coverage = 90

# Count translations made from an earlier version of the reference text (`outdated`) as done
# in the coverage (default: not done).
# outdated-counts-as-done = false

# Each check's severity: "error", "warning", "info" or "off"
# (`folio explain CHECK` says what a check finds).
[check.severity]
{severities}
[site]
# The site's public address, for hreflang links and the sitemap
# (default: none, and links are relative; for example this one).
# base-url = "https://example.com/articles"

# The site's title, when the locales do not define it as the message
# `site-title` (the message wins).
# title = "Articles"

# The page template (minijinja), from this folder (default: the built-in one;
# for example this path).
# template = "templates/article.html"

# A folder whose index.html, feed.xml, languages.html and 404.html replace the
# built-in templates of each language's list of articles and feed, the list of
# languages and the not-found page (default: none; for example this folder).
# templates = "templates"
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(Path::new("folio.toml"), text)
    }

    #[test]
    fn reads_the_check_table() {
        let config = parse(
            "reference = \"en\"\n[check]\nexclude = [\"en-GB\"]\nignore = [\"locales/*/old/**\"]\nmin-coverage = 90\n[check.severity]\nuntranslated = \"off\"\nwhitespace = \"error\"\n",
        )
        .unwrap();
        assert_eq!(config.reference.as_deref(), Some("en"));
        let check = &config.check;
        assert_eq!(check.exclude, ["en-GB"]);
        assert!(check.ignores("locales/de/old/a.ftl"));
        assert!(!check.ignores("locales/de/a.ftl"));
        assert_eq!(check.min_coverage, Some(90.0));
        assert_eq!(check.severity(CheckId::Untranslated), None);
        assert_eq!(check.severity(CheckId::Whitespace), Some(Severity::Error));
        assert_eq!(
            check.severity(CheckId::MissingFile),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn names_the_line_of_a_mistake() {
        let err = parse("[check.severity]\nuntranslatd = \"off\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("folio.toml:2:1: there is no check `untranslatd`"),
            "{err}"
        );
        let err = parse("[check.severity]\nwhitespace = \"loud\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("folio.toml:2:14: `loud` is not a severity"),
            "{err}"
        );
        let err = parse("[check]\nmin-coverage = 120\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a percentage"), "{err}");
    }
    /// The keys serde accepts in the table `table` (`""` for the top level), read from the
    /// error an unknown key gets ("unknown field …, expected one of `a`, `b`").
    fn accepted_keys(table: &str) -> Vec<String> {
        let header = if table.is_empty() {
            String::new()
        } else {
            format!("[{table}]\n")
        };
        let err = parse(&format!("{header}no-such-key = 1\n"))
            .unwrap_err()
            .to_string();
        let expected = err
            .split("expected one of ")
            .nth(1)
            .or_else(|| err.split("expected ").nth(1))
            .unwrap_or_else(|| panic!("{err}"));
        let expected = expected.lines().next().unwrap();
        expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_commented_file_means_the_defaults() {
        let config = parse(&commented("pt-BR")).unwrap();
        assert_eq!(config.reference.as_deref(), Some("pt-BR"));
        assert!(config.locales.is_none() && config.content.is_none());
        assert!(!config.allow_outside);
        let check = &config.check;
        assert!(check.locales.is_empty() && check.exclude.is_empty());
        assert!(check.ignore.is_none() && check.severities.is_empty());
        assert_eq!(check.min_coverage, None);
        let site = &config.site;
        assert!(
            site.base_url.is_none()
                && site.title.is_none()
                && site.template.is_none()
                && site.templates.is_none()
        );
    }

    #[test]
    fn the_commented_file_names_every_key_and_each_line_is_valid() {
        let text = commented("en-US");
        // Every commented-out `key = value` line, uncommented, is a key Folio reads with a
        // value it accepts; each check's severity is its default.
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(rest) if rest.contains(" = ") && !rest.starts_with(' ') => rest,
                _ => line,
            })
            .flat_map(|line| [line, "\n"])
            .collect();
        let config = parse(&uncommented).unwrap_or_else(|err| panic!("{err}\n{uncommented}"));
        assert_eq!(config.check.severities.len(), CheckId::ALL.len());
        for check in CheckId::ALL {
            assert_eq!(config.check.severity(*check), Some(check.severity()));
        }
        assert_eq!(config.locales.map(|s| s.value).as_deref(), Some("locales"));
        assert_eq!(config.content.map(|s| s.value).as_deref(), Some("content"));
        // Every key the parser accepts is in the file: a key added to `RawConfig` without a
        // line here fails this test.
        for table in ["", "check", "site"] {
            let keys = accepted_keys(table);
            assert!(keys.len() >= 3, "{table}: {keys:?}");
            for key in keys {
                if key == "check" || key == "site" || key == "severity" {
                    assert!(
                        text.contains(&format!("[{}]", [table, &key].join(".").trim_matches('.'))),
                        "no [{table}.{key}] table"
                    );
                    continue;
                }
                let line = format!("\n# {key} = ");
                let set = format!("\n{key} = ");
                assert!(
                    text.contains(&line) || text.contains(&set),
                    "`{key}` of [{table}] is not in the commented folio.toml"
                );
            }
        }
    }
}
