//! The checks: each in its own file (named after its id, with its documentation), run over a
//! project's catalog.
//!
//! [`check`] compares every locale with the reference and returns findings and per-locale
//! statistics; it never prints. The statistics use compare-locales' definitions, so totals
//! agree with Mozilla's tool on the same tree.
//!
//! - `registry.rs`: every check, its documentation and its scope (what it runs on);
//! - `dispatch.rs`: runs the checks that are not turned off, scope by scope, on one locale;
//! - `context.rs`: what a check is given (a locale, a file, a file pair, a message pair);
//! - `coverage.rs`: the statistics; `suppress.rs`: `# folio-ignore:` comments;
//! - `facts.rs`: what the checks compare in a pattern, found once per pattern when its file
//!   is indexed; `pattern_markup.rs` reads a pattern's markup as the renderer will;
//!   `plurals.rs` knows CLDR's plural categories.
//!
//! Locales are checked in parallel, each parsed, checked and dropped in turn (unless the
//! catalog keeps its parses), so a tree of thousands of files is never held in memory at once;
//! the reference is parsed once per run.

use std::sync::Arc;

use rayon::prelude::*;

use crate::catalog::{FtlFile, LocaleDir, ParsedFile};
use crate::config::CheckConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, Result};
use crate::project::Project;

mod content_outside_project;
mod context;
mod coverage;
mod dispatch;
mod facts;
mod pattern_markup;
mod plurals;
mod registry;
mod suggest;
mod suppress;

mod dropped_message_reference;
mod dropped_term_reference;
mod duplicate_attribute;
mod duplicate_entry;
mod duplicate_variant;
mod empty_value;
mod forbidden_markup;
mod invalid_function_call;
mod invalid_locale;
mod invalid_record;
mod invalid_utf8;
mod locale_outside_project;
mod markup_mismatch;
mod missing_asset;
mod missing_attribute;
mod missing_file;
mod missing_link;
mod missing_message;
mod missing_plural_category;
mod missing_value;
mod missing_variable;
mod obsolete_attribute;
mod obsolete_file;
mod obsolete_message;
mod obsolete_value;
mod outdated;
mod reference_cycle;
mod replacement_character;
mod slug_mismatch;
mod syntax_error;
mod unbalanced_markup;
mod undefined_link;
mod unknown_block_message;
mod unknown_function;
mod unknown_link;
mod unknown_message_reference;
mod unknown_term_reference;
mod unknown_variable;
mod unreachable_variant;
mod unreadable_file;
mod untranslated;
mod whitespace;

pub use coverage::{LocaleStats, NotDone, NotDoneReason};

use context::{ParsedLocale, RecordSource};
use dispatch::Enabled;

/// Which locales to check (on top of `folio.toml`'s `[check]` table).
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Check only these locale folders (all when empty).
    pub locales: Vec<String>,
    /// Leave these locale folders out.
    pub exclude: Vec<String>,
    /// The coverage every locale must reach, in percent (over `folio.toml`'s `[check]
    /// min-coverage`): the locales below it list the entries that are not done
    /// ([`LocaleStats::not_done`]).
    pub min_coverage: Option<f64>,
}

/// What [`check`] found.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    /// Every finding, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Completeness of each checked locale, sorted by locale (the reference is not listed).
    pub locales: Vec<LocaleStats>,
}

impl CheckReport {
    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The locales whose coverage is below `min_coverage` percent.
    pub fn below(&self, min_coverage: Option<f64>) -> Vec<&LocaleStats> {
        match min_coverage {
            Some(min) => self.locales.iter().filter(|l| l.coverage < min).collect(),
            None => Vec::new(),
        }
    }
}

/// Checks every locale of `project` against its reference locale.
///
/// # Example
/// ```
/// let project = folio::Project::embedded();
/// let report = folio::check(&project, &folio::CheckOptions::default())?;
/// assert!(report.diagnostics.is_empty());
/// assert!(report.locales.iter().all(|l| l.missing == 0));
/// # Ok::<(), folio::Error>(())
/// ```
pub fn check(project: &Project, options: &CheckOptions) -> Result<CheckReport> {
    let config = project.check_config();
    let reference = project.reference_dir()?;
    let selected = compared_locales(project, options)?;
    let enabled = Enabled::by(config);
    let min_coverage = options.min_coverage.or(config.min_coverage);

    let ref_files = parse_files(reference, config);
    let ref_locale = ParsedLocale::new(reference, &ref_files);
    let mut own = enabled.run_locale(&ref_locale, None);
    enabled.run_project(project, &ref_locale, &mut own);
    let own = finish(config, own);

    // Each locale is checked, configured and sorted on its own thread; its findings all lie
    // under `<prefix><locale>/`, so concatenating the locales in that order keeps the report
    // sorted without sorting it again.
    let mut per_locale: Vec<(Vec<Diagnostic>, LocaleStats)> = selected
        .par_iter()
        .map(|dir| {
            let files = parse_files(dir, config);
            let record = RecordSource::of(dir);
            let locale = ParsedLocale::new(dir, &files).with_record(record.as_ref());
            let found = enabled.run_locale(&locale, Some(&ref_locale));
            let stats = coverage::count(&locale, &ref_locale, config, min_coverage);
            (finish(config, found), stats)
        })
        .collect();
    per_locale.sort_by_cached_key(|(_, stats)| format!("{}/", stats.locale));
    let mut locales = Vec::with_capacity(per_locale.len());
    let mut found = Vec::with_capacity(per_locale.iter().map(|(f, _)| f.len()).sum());
    for (locale_found, stats) in per_locale {
        found.extend(locale_found);
        locales.push(stats);
    }
    locales.sort_by(|a, b| a.locale.cmp(&b.locale));
    // The reference's and the content's findings go where their paths sort.
    Ok(CheckReport {
        diagnostics: merge_sorted(own, found),
        locales,
    })
}

/// Checks one locale folder as [`check`] does, with `open` files read in place of the files of
/// the same path (or beside them, for a file not yet saved): an editor's unsaved buffers, each
/// parsed with [`ParsedFile::from_text`] and named by its path from the project's root.
///
/// For the reference locale, the findings are the reference's own and the content files';
/// for any other, those comparing it with the reference (whose open files count too), and
/// none when `folio.toml`'s `[check] locales` or `exclude` leave it out. The findings are
/// configured and sorted as [`check`]'s are.
///
/// # Example
/// ```
/// use std::sync::Arc;
///
/// let project = folio::Project::embedded();
/// let edited = "smp-removal-title = Czy można usunąć { $nosuch }?\n";
/// let open = [Arc::new(folio::ParsedFile::from_text(
///     "smp-removal.ftl",
///     "locales/pl/smp-removal.ftl",
///     edited.to_string(),
/// ))];
/// let found = folio::check_locale(&project, "pl", &open)?;
/// assert!(found.iter().any(|d| d.check == folio::CheckId::UnknownVariable));
/// assert!(found.iter().any(|d| d.check == folio::CheckId::MissingMessage));
/// # Ok::<(), folio::Error>(())
/// ```
///
/// # Errors
/// [`Error::Usage`] when the project has no locale folder named `locale`, and whatever
/// finding the reference fails with.
pub fn check_locale(
    project: &Project,
    locale: &str,
    open: &[Arc<ParsedFile>],
) -> Result<Vec<Diagnostic>> {
    let config = project.check_config();
    let reference = project.reference_dir()?;
    let enabled = Enabled::by(config);
    let ref_files = files_with(reference, config, open);
    let ref_locale = ParsedLocale::new(reference, &ref_files);
    if locale == reference.name {
        let mut own = enabled.run_locale(&ref_locale, None);
        enabled.run_project(project, &ref_locale, &mut own);
        return Ok(finish(config, own));
    }
    let Some(dir) = project.catalog().locale(locale) else {
        return Err(Error::Usage {
            message: format!("the project has no locale folder named `{locale}`"),
            help: "create it with `folio new`".into(),
        });
    };
    // `[check] locales` and `exclude` choose what `folio check` looks at: the same here.
    let chosen = selected_locales(
        std::slice::from_ref(dir),
        reference,
        &CheckOptions::default(),
        config,
    );
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let files = files_with(dir, config, open);
    let record = RecordSource::of(dir);
    let parsed = ParsedLocale::new(dir, &files).with_record(record.as_ref());
    Ok(finish(
        config,
        enabled.run_locale(&parsed, Some(&ref_locale)),
    ))
}

/// The files of `locale` that the configuration does not ignore, parsed, with those of `open`
/// that belong to it in place of (or beside) the files on disk.
fn files_with(
    locale: &LocaleDir,
    config: &CheckConfig,
    open: &[Arc<ParsedFile>],
) -> Vec<Arc<ParsedFile>> {
    let opened = |path: &str| open.iter().find(|o| o.path == path);
    let mut files: Vec<Arc<ParsedFile>> = locale
        .files
        .iter()
        .filter(|f| !config.ignores(&f.path))
        .map(|f| opened(&f.path).map_or_else(|| f.parse(), Arc::clone))
        .collect();
    // A file of the folder has the path `<prefix><rel>`: an open file with the same prefix
    // that is not on disk yet belongs to it too.
    let prefix = locale
        .files
        .first()
        .and_then(|f| f.path.strip_suffix(f.rel.as_str()));
    let new = open.iter().filter(|o| {
        prefix.is_some_and(|p| o.path.strip_prefix(p) == Some(o.rel.as_str()))
            && locale.file(&o.rel).is_none()
            && !config.ignores(&o.path)
    });
    let before = files.len();
    files.extend(new.cloned());
    if files.len() > before {
        files.sort_by(|a, b| a.rel.cmp(&b.rel));
    }
    files
}

/// The locale folders [`check`] compares with the reference: every one but the reference, or
/// those `options` and `folio.toml`'s `[check]` table name, less those either excludes.
pub fn compared_locales<'p>(
    project: &'p Project,
    options: &CheckOptions,
) -> Result<Vec<&'p LocaleDir>> {
    let reference = project.reference_dir()?;
    // A locale named to be checked that has no folder would be checked by no one, silently:
    // a CI gate on `--locale pt-Br` would pass whatever pt-BR holds.
    let folders: Vec<&str> = project
        .catalog()
        .locales()
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    let available = || format!("the locales are: {}", folders.join(", "));
    if let Some(name) = options
        .locales
        .iter()
        .find(|name| !folders.contains(&name.as_str()))
    {
        return Err(Error::Usage {
            message: format!("`--locale {name}` names no locale folder"),
            help: available(),
        });
    }
    if let Some(name) = project
        .check_config()
        .locales
        .iter()
        .find(|name| !folders.contains(&name.as_str()))
    {
        return Err(Error::Invalid {
            path: match project.root() {
                Some(root) if root != std::path::Path::new(".") => {
                    root.join(crate::project::CONFIG_FILE)
                }
                _ => crate::project::CONFIG_FILE.into(),
            },
            line: None,
            column: None,
            message: format!("`[check] locales` names `{name}`, which has no locale folder"),
            help: available(),
        });
    }
    Ok(selected_locales(
        project.catalog().locales(),
        reference,
        options,
        project.check_config(),
    ))
}

fn selected_locales<'a>(
    locales: &'a [LocaleDir],
    reference: &LocaleDir,
    options: &CheckOptions,
    config: &CheckConfig,
) -> Vec<&'a LocaleDir> {
    let named = |list: &[String], name: &String| list.is_empty() || list.contains(name);
    locales
        .iter()
        .filter(|l| {
            l.name != reference.name
                && named(&options.locales, &l.name)
                && named(&config.locales, &l.name)
                && !options.exclude.contains(&l.name)
                && !config.exclude.contains(&l.name)
        })
        .collect()
}

/// Gives findings their configured severity, and sorts them.
fn finish(config: &CheckConfig, mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    config.apply(&mut found);
    found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    found
}

/// Merges two lists sorted by [`Diagnostic::sort_key`].
fn merge_sorted(a: Vec<Diagnostic>, b: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if a.is_empty() {
        return b;
    }
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for item in a {
        while b
            .peek()
            .is_some_and(|next| next.sort_key() < item.sort_key())
        {
            merged.extend(b.next());
        }
        merged.push(item);
    }
    merged.extend(b);
    merged
}

/// Parses the files of `locale` that the configuration does not ignore.
fn parse_files(locale: &LocaleDir, config: &CheckConfig) -> Vec<Arc<ParsedFile>> {
    locale
        .files
        .iter()
        .filter(|f| !config.ignores(&f.path))
        .map(FtlFile::parse)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::CheckId;

    fn finding(path: &str, line: usize) -> Diagnostic {
        let mut d = Diagnostic::new(CheckId::Whitespace, path, String::new());
        d.location = Some(crate::line_index::Location { line, column: 1 });
        d
    }

    #[test]
    fn merging_keeps_the_order_of_paths_and_lines() {
        let own = vec![finding("content/a.toml", 3), finding("locales/en/a.ftl", 1)];
        let found = vec![
            finding("locales/de/a.ftl", 2),
            finding("locales/fr/a.ftl", 1),
        ];
        let merged: Vec<_> = merge_sorted(own, found)
            .into_iter()
            .map(|d| d.path)
            .collect();
        assert_eq!(
            merged,
            [
                "content/a.toml",
                "locales/de/a.ftl",
                "locales/en/a.ftl",
                "locales/fr/a.ftl"
            ]
        );
    }

    #[test]
    fn locales_are_selected_by_options_and_configuration() {
        let locales: Vec<LocaleDir> = ["de", "en", "fr", "pl"]
            .into_iter()
            .map(LocaleDir::for_test)
            .collect();
        let names = |options: &CheckOptions, config: &CheckConfig| -> Vec<String> {
            selected_locales(&locales, &locales[1], options, config)
                .into_iter()
                .map(|l| l.name.clone())
                .collect()
        };
        let none = CheckOptions::default();
        let mut config = CheckConfig::default();
        assert_eq!(names(&none, &config), ["de", "fr", "pl"]);
        let only = CheckOptions {
            locales: vec!["de".into(), "fr".into(), "en".into()],
            exclude: vec!["fr".into()],
            ..CheckOptions::default()
        };
        assert_eq!(names(&only, &config), ["de"]);
        config.locales = vec!["pl".into(), "fr".into()];
        assert_eq!(names(&none, &config), ["fr", "pl"]);
        config.exclude = vec!["pl".into()];
        assert_eq!(names(&none, &config), ["fr"]);
    }
}
