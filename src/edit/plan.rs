//! Planning `folio new` and `folio sync` for a whole project: which files of which locales
//! change and how, reading each file once through the catalog. Nothing is written here: a
//! [`Plan`] is written by `stage.rs`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::catalog::{FtlFile, LocaleDir};
use crate::edit::FileError;
use crate::edit::sync::{Obsolete, Prune, Reference};
use crate::error::{Error, Result};
use crate::ftl::private_terms_in_use;
use crate::project::Project;

/// What syncing one file does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSync {
    /// The locale's file.
    pub path: PathBuf,
    /// The file as it was; `None` when it is created.
    pub before: Option<String>,
    /// The file as it will be.
    pub after: String,
    /// The ids added, in the reference's order.
    pub added: Vec<String>,
    /// The entries the reference no longer has, before pruning.
    pub obsolete: Vec<Obsolete>,
    /// How many of them were moved or deleted.
    pub pruned: usize,
}

impl FileSync {
    /// Whether the file changes.
    pub fn changes(&self) -> bool {
        self.before.as_deref() != Some(self.after.as_str())
    }
}

/// What syncing (or starting) locales does, file by file; nothing is written until
/// [`Plan::write`].
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Every file of the locales that the reference has, changed or not.
    pub files: Vec<FileSync>,
    /// Files the locales have and the reference does not: reported, never touched.
    pub obsolete_files: Vec<PathBuf>,
    /// Files left as they are, and why.
    pub refused: Vec<(PathBuf, FileError)>,
}

/// Plans bringing `locales` (locale folder names; every locale but the reference when empty)
/// of `project` in line with its reference.
///
/// # Errors
/// When the project is not on disk, a locale does not exist, or a file cannot be read.
pub fn plan_sync(project: &Project, locales: &[String], prune: Prune) -> Result<Plan> {
    let dir = locales_dir(project)?;
    let reference = project.reference_dir()?;
    let names: Vec<String> = if locales.is_empty() {
        project
            .catalog()
            .locales()
            .iter()
            .filter(|l| l.name != reference.name)
            .map(|l| l.name.clone())
            .collect()
    } else {
        for name in locales {
            if project.catalog().locale(name).is_none() && !dir.join(name).is_dir() {
                return Err(Error::Invalid {
                    path: dir.join(name),
                    line: None,
                    column: None,
                    message: format!("there is no locale `{name}`"),
                    help: format!("start it with `folio new {name}`"),
                });
            }
        }
        locales.to_vec()
    };
    let mut plan = Plan::default();
    let prepared = prepare(dir, reference, &mut plan)?;
    for name in &names {
        let locale = project.catalog().locale(name);
        plan_locale(dir, &prepared, name, locale, prune, &mut plan)?;
        for file in locale.map_or(&[][..], |l| &l.files) {
            if reference.file(&file.rel).is_none() {
                plan.obsolete_files.push(dir.join(name).join(&file.rel));
            }
        }
    }
    Ok(plan)
}

/// Plans starting the locale `name` (a folder that must not exist yet): every reference file,
/// each entry marked as untranslated.
///
/// # Errors
/// When the project is not on disk or a reference file cannot be read.
pub fn plan_new(project: &Project, name: &str) -> Result<Plan> {
    let dir = locales_dir(project)?;
    let reference = project.reference_dir()?;
    let mut plan = Plan::default();
    let prepared = prepare(dir, reference, &mut plan)?;
    plan_locale(dir, &prepared, name, None, Prune::Keep, &mut plan)?;
    Ok(plan)
}

fn locales_dir(project: &Project) -> Result<&Path> {
    project.locales_dir().ok_or_else(|| Error::Invalid {
        path: PathBuf::from("<embedded>"),
        line: None,
        column: None,
        message: "the project built into folio cannot be changed".into(),
        help: "run in a project folder, or pass --root".into(),
    })
}

/// The reference's files, each read and parsed once for every locale; those that are not
/// UTF-8 or have syntax errors are refused (and their files in the locales left alone).
fn prepare(dir: &Path, reference: &LocaleDir, plan: &mut Plan) -> Result<Vec<(String, Reference)>> {
    let mut prepared = Vec::with_capacity(reference.files.len());
    for file in &reference.files {
        let path = dir.join(&reference.name).join(&file.rel);
        let text = match read(file, &path)?.map(FileError::utf8) {
            Some(Ok(text)) => text,
            Some(Err(err)) => {
                plan.refused.push((path, err));
                continue;
            }
            None => continue,
        };
        match Reference::new(&text) {
            Ok(parsed) => prepared.push((file.rel.clone(), parsed)),
            Err(err) => plan.refused.push((path, err)),
        }
    }
    Ok(prepared)
}

/// The bytes of `file` (at `path`), or `None` when it is gone since the project was opened.
fn read(file: &FtlFile, path: &Path) -> Result<Option<Vec<u8>>> {
    match file.read() {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Plans the files of the locale `name` (the catalog's `locale`, when it has one), each
/// read through the catalog.
fn plan_locale(
    dir: &Path,
    references: &[(String, Reference)],
    name: &str,
    locale: Option<&LocaleDir>,
    prune: Prune,
    plan: &mut Plan,
) -> Result<()> {
    let in_use = locale
        .map(|l| private_terms_in_use_anywhere(l, references))
        .unwrap_or_default();
    for (rel, reference) in references {
        let path = dir.join(name).join(rel);
        let bytes = match locale.and_then(|l| l.file(rel)) {
            Some(file) => read(file, &path)?,
            None => None,
        };
        let before = match bytes.map(FileError::utf8) {
            Some(Ok(text)) => Some(text),
            Some(Err(err)) => {
                plan.refused.push((path, err));
                continue;
            }
            None => None,
        };
        match reference.sync(before.as_deref(), prune, &in_use) {
            Ok(synced) => plan.files.push(FileSync {
                path,
                before,
                after: synced.text,
                added: synced.added,
                obsolete: synced.obsolete,
                pruned: synced.pruned,
            }),
            Err(err) => plan.refused.push((path, err)),
        }
    }
    Ok(())
}

/// The terms `locale` defines and the reference lacks that its entries use, in any of its
/// files (names without `-`): sync never calls them obsolete.
fn private_terms_in_use_anywhere(
    locale: &LocaleDir,
    references: &[(String, Reference)],
) -> HashSet<String> {
    let in_reference: HashSet<&str> = references.iter().flat_map(|(_, r)| r.ids()).collect();
    let parsed: Vec<_> = locale.files.iter().map(FtlFile::parse).collect();
    let entries = parsed.iter().flat_map(|file| file.entries());
    private_terms_in_use(entries, |id| in_reference.contains(id))
        .into_iter()
        .map(str::to_string)
        .collect()
}
