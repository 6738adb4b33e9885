//! Running the checks that are on, scope by scope (see `registry.rs`): a check turned off in
//! `folio.toml` is never called.

use crate::check::context::{EntryPair, FileCtx, FilePair, LocaleCtx, ParsedLocale, ProjectCtx};
use crate::check::registry::{REGISTRY, Scope};
use crate::check::suppress::suppress;
use crate::config::CheckConfig;
use crate::diagnostic::{CheckId, Diagnostic};
use crate::project::Project;

/// The checks of one run, by scope, less those turned off.
pub(crate) struct Enabled {
    project: Vec<fn(&ProjectCtx<'_>, &mut Vec<Diagnostic>)>,
    locale: Vec<fn(&LocaleCtx<'_>, &mut Vec<Diagnostic>)>,
    file: Vec<fn(&FileCtx<'_>, &mut Vec<Diagnostic>)>,
    file_pair: Vec<fn(&FilePair<'_>, &mut Vec<Diagnostic>)>,
    entry: Vec<fn(&EntryPair<'_>, &mut Vec<Diagnostic>)>,
}

impl Enabled {
    /// The checks `config` does not turn off.
    pub(crate) fn by(config: &CheckConfig) -> Enabled {
        let mut enabled = Enabled {
            project: Vec::new(),
            locale: Vec::new(),
            file: Vec::new(),
            file_pair: Vec::new(),
            entry: Vec::new(),
        };
        for check in REGISTRY.iter().filter(|c| config.severity(c.id).is_some()) {
            for scope in check.scopes {
                match *scope {
                    Scope::Project(run) => enabled.project.push(run),
                    Scope::Locale(run) => enabled.locale.push(run),
                    Scope::File(run) => enabled.file.push(run),
                    Scope::FilePair(run) => enabled.file_pair.push(run),
                    Scope::Entry(run) => enabled.entry.push(run),
                }
            }
        }
        enabled
    }

    /// The checks of the project's content files.
    pub(crate) fn run_project(
        &self,
        project: &Project,
        reference: &ParsedLocale<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        let ctx = ProjectCtx { project, reference };
        for run in &self.project {
            run(&ctx, out);
        }
    }

    /// Every check of `locale`; with a reference, also the comparisons. Findings silenced by
    /// `# folio-ignore:` comments are left out.
    pub(crate) fn run_locale(
        &self,
        locale: &ParsedLocale<'_>,
        reference: Option<&ParsedLocale<'_>>,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let ctx = LocaleCtx { locale, reference };
        for run in &self.locale {
            run(&ctx, &mut out);
        }
        if !self.file.is_empty() {
            for (file, index) in locale.each_file() {
                let ctx = FileCtx::new(locale, file, index, reference);
                let before = out.len();
                for run in &self.file {
                    run(&ctx, &mut out);
                }
                // The policy for entries marked untranslated (see `registry.rs`): in a
                // translation they hold the reference's text, and only `untranslated` speaks
                // of them; a finding about that text is the reference's.
                if reference.is_some() && !index.marked.is_empty() {
                    let found = out.split_off(before);
                    out.extend(found.into_iter().filter(|d| {
                        d.check == CheckId::Untranslated
                            || !d.entry.as_deref().is_some_and(|e| index.marked.contains(e))
                    }));
                }
            }
        }
        if let Some(reference) = reference {
            self.compare(locale, reference, &mut out);
        }
        suppress(locale, reference, out)
    }

    /// The checks that compare `locale`'s files and messages with the reference's.
    fn compare(
        &self,
        locale: &ParsedLocale<'_>,
        reference: &ParsedLocale<'_>,
        out: &mut Vec<Diagnostic>,
    ) {
        if self.file_pair.is_empty() && self.entry.is_empty() {
            return;
        }
        let same_language = match (&locale.dir.tag, &reference.dir.tag) {
            (Some(a), Some(b)) => a.language == b.language,
            _ => false,
        };
        let private_terms = locale.private_terms_in_use(reference);
        for (ref_file, ref_index) in reference.each_file() {
            let Some((l10n_file, l10n_index)) = locale.file(&ref_file.rel) else {
                continue;
            };
            let pair = FilePair {
                locale: locale.name(),
                ref_file,
                l10n_file,
                ref_index,
                l10n_index,
                same_language,
                private_terms: &private_terms,
            };
            for run in &self.file_pair {
                run(&pair, out);
            }
            if self.entry.is_empty() {
                continue;
            }
            for ref_entry in &ref_index.ids {
                // The policy of `Scope::Entry`: messages only, and only translated ones.
                let Some(l10n) = l10n_index.get(ref_entry.id) else {
                    continue;
                };
                if l10n_index.marked.contains(ref_entry.id) {
                    continue;
                }
                let Some(entry) = EntryPair::new(&pair, ref_entry, l10n) else {
                    continue;
                };
                for run in &self.entry {
                    run(&entry, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    fn count(enabled: &Enabled) -> usize {
        enabled.project.len()
            + enabled.locale.len()
            + enabled.file.len()
            + enabled.file_pair.len()
            + enabled.entry.len()
    }

    #[test]
    fn a_check_turned_off_is_never_called() {
        let all = Enabled::by(&CheckConfig::default());
        let scopes: usize = REGISTRY.iter().map(|c| c.scopes.len()).sum();
        assert_eq!(count(&all), scopes);
        let text = "[check.severity]\nuntranslated = \"off\"\nwhitespace = \"info\"\n";
        let config = Config::parse(Path::new("folio.toml"), text).unwrap().check;
        let some = Enabled::by(&config);
        // `untranslated` runs in two scopes; `whitespace`, only quieter, still runs.
        assert_eq!(count(&some), scopes - 2);
        assert_eq!(some.file_pair.len(), all.file_pair.len() - 1);
        assert_eq!(some.entry.len(), all.entry.len() - 1);
    }
}
