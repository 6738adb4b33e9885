//! Planning `folio new` and `folio sync` for a whole project: which files of which locales
//! change and how, reading each file once through the catalog. Nothing is written here: a
//! [`Plan`] is written by `stage.rs`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::catalog::{FtlFile, LocaleDir};
use crate::edit::FileError;
use crate::edit::record::{Confirm, RecordCounts, Update, fingerprints};
use crate::edit::sync::{Copies, Obsolete, Prune, Reference};
use crate::error::{Error, Result};
use crate::ftl::private_terms_in_use;
use crate::project::Project;
use crate::record::{RECORD_FILE, Record, RecordData};

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
    /// The ids of copies of the reference, never translated, brought up to its new text.
    pub refreshed: Vec<String>,
}

impl FileSync {
    /// Whether the file changes.
    pub fn changes(&self) -> bool {
        self.before.as_deref() != Some(self.after.as_str())
    }
}

/// What a locale's record of the reference text each translation was made from
/// (`crate::record`) becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordSync {
    /// The locale's record file.
    pub path: PathBuf,
    /// The record as it was; `None` when it is created.
    pub before: Option<String>,
    /// The record as it will be.
    pub after: String,
    /// What changed in it.
    pub counts: RecordCounts,
}

impl RecordSync {
    /// Whether the record changes.
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
    /// The record of each locale (see `crate::record`).
    pub records: Vec<RecordSync>,
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
    plan_sync_confirming(project, locales, prune, None)
}

/// [`plan_sync`], recording the translations `confirm` names as current (see
/// `edit::record`): for `folio sync --confirm`.
///
/// # Errors
/// As [`plan_sync`]; and when `confirm` names an entry the reference does not have.
pub fn plan_sync_confirming(
    project: &Project,
    locales: &[String],
    prune: Prune,
    confirm: Option<&Confirm>,
) -> Result<Plan> {
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
    if let Some(Confirm::Ids(ids)) = confirm {
        let known: HashSet<&str> = prepared
            .references
            .iter()
            .flat_map(|(_, r)| r.parts().iter().map(|(key, _)| key.as_str()))
            .collect();
        if let Some(id) = ids.iter().find(|id| {
            !known.contains(id.as_str()) && !known.iter().any(|k| k.starts_with(&format!("{id}.")))
        }) {
            return Err(Error::Usage {
                message: format!("the reference has no message, term or attribute `{id}`"),
                help: "name entries as `id`, `-term` or `id.attribute`".into(),
            });
        }
    }
    for name in &names {
        let locale = project.catalog().locale(name);
        plan_locale(dir, &prepared, name, locale, prune, confirm, &mut plan)?;
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
    plan_locale(dir, &prepared, name, None, Prune::Keep, None, &mut plan)?;
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

/// The reference's files, parsed once for every locale.
struct Prepared {
    references: Vec<(String, Reference)>,
    /// The canonical text of each value and attribute of every file, by key.
    parts: HashMap<String, String>,
    /// Whether every file could be read.
    whole: bool,
}

/// The reference's files, each read and parsed once for every locale; those that are not
/// UTF-8 or have syntax errors are refused (and their files in the locales left alone).
fn prepare(dir: &Path, reference: &LocaleDir, plan: &mut Plan) -> Result<Prepared> {
    let refused_before = plan.refused.len();
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
    let mut parts = HashMap::new();
    for (key, text) in prepared.iter().flat_map(|(_, r)| r.parts()) {
        parts.entry(key.clone()).or_insert_with(|| text.clone());
    }
    Ok(Prepared {
        references: prepared,
        parts,
        whole: plan.refused.len() == refused_before,
    })
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
    prepared: &Prepared,
    name: &str,
    locale: Option<&LocaleDir>,
    prune: Prune,
    confirm: Option<&Confirm>,
    plan: &mut Plan,
) -> Result<()> {
    let references = &prepared.references;
    let in_use = locale
        .map(|l| private_terms_in_use_anywhere(l, references))
        .unwrap_or_default();
    let (files_before, refused_before) = (plan.files.len(), plan.refused.len());
    let copies = recorded_copies(locale);
    for (rel, reference) in references {
        let path = dir.join(name).join(rel);
        let bytes = match locale.and_then(|l| l.file(rel)) {
            Some(file) => read(file, &path)?,
            None => None,
        };
        // Something the catalog left out is there (a link leading outside the project): the
        // file Folio would create would replace what it leads to.
        if bytes.is_none() && std::fs::symlink_metadata(&path).is_ok() {
            return Err(Error::Invalid {
                path,
                line: None,
                column: None,
                message: "Folio does not read this file (it leads outside the project: see `folio check`), so it will not write it either".into(),
                help: "copy the file into the project instead of linking to it, or remove the link".into(),
            });
        }
        let before = match bytes.map(FileError::utf8) {
            Some(Ok(text)) => Some(text),
            Some(Err(err)) => {
                plan.refused.push((path, err));
                continue;
            }
            None => None,
        };
        match reference.sync(before.as_deref(), prune, &in_use, &copies) {
            Ok(synced) => plan.files.push(FileSync {
                path,
                before,
                after: synced.text,
                added: synced.added,
                obsolete: synced.obsolete,
                pruned: synced.pruned,
                refreshed: synced.refreshed,
            }),
            Err(err) => plan.refused.push((path, err)),
        }
    }
    // The locale as it will be: the planned files, and its files the reference lacks.
    let mut whole = plan.refused.len() == refused_before;
    let mut texts: Vec<String> = plan.files[files_before..]
        .iter()
        .map(|f| f.after.clone())
        .collect();
    for file in locale.map_or(&[][..], |l| &l.files) {
        if references.iter().any(|(rel, _)| *rel == file.rel) {
            continue;
        }
        match read(file, &dir.join(name).join(&file.rel))?.map(String::from_utf8) {
            Some(Ok(text)) => texts.push(text),
            Some(Err(_)) => whole = false,
            None => {}
        }
    }
    let mut fingerprinted = HashMap::new();
    for text in &texts {
        for (key, fingerprint) in fingerprints(text) {
            fingerprinted.entry(key).or_insert(fingerprint);
        }
    }
    let update = Update {
        reference: &prepared.parts,
        reference_whole: prepared.whole,
        locale: &fingerprinted,
        locale_whole: whole,
        confirm,
    };
    plan_record(&dir.join(name), locale, &update, plan)
}

/// What `locale`'s record says of its copies of the reference (see `edit::sync::Copies`):
/// nothing when it has no record, or one that cannot be read (planning the record refuses it).
fn recorded_copies(locale: Option<&LocaleDir>) -> Copies {
    let Some(bytes) = locale
        .and_then(|l| l.record.as_ref())
        .and_then(|file| file.read().ok())
    else {
        return Copies::new();
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Copies::new();
    };
    Record::parse(&text)
        .lines()
        .iter()
        .filter(|line| line.escaped.is_none())
        .map(|line| (line.key.to_string(), line.fingerprint.to_string()))
        .collect()
}

/// Plans the record of the locale in `folder` (see `edit::record`). A record with lines that
/// cannot be read is refused: rewriting it would drop them.
fn plan_record(
    folder: &Path,
    locale: Option<&LocaleDir>,
    update: &Update<'_>,
    plan: &mut Plan,
) -> Result<()> {
    let path = folder.join(RECORD_FILE);
    let record = locale.and_then(|l| l.record.as_ref());
    // Something the catalog did not take for the record is where it goes: not a regular file
    // (a folder, a link to a device or a pipe), or a link leading outside the project.
    // Writing the record would replace it, or wait on the pipe forever.
    if record.is_none() && std::fs::symlink_metadata(&path).is_ok() {
        return Err(Error::Invalid {
            path,
            line: None,
            column: None,
            message: "this is where the locale's record goes, and what is there Folio does not read (not a regular file, or a link leading outside the project)".into(),
            help: "move it away: `folio sync` writes the record there".into(),
        });
    }
    let before = match record {
        Some(file) => match file.read() {
            Ok(bytes) => match FileError::utf8(bytes) {
                Ok(text) => Some(text),
                Err(err) => {
                    plan.refused.push((path, err));
                    return Ok(());
                }
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(Error::Io { path, source }),
        },
        None => None,
    };
    let old = match &before {
        Some(text) => {
            let record = Record::parse(text);
            if let Some(problem) = record.problems.first() {
                plan.refused.push((
                    path,
                    FileError::Syntax {
                        line: problem.line,
                        column: 1,
                        reason: problem.message.clone(),
                    },
                ));
                return Ok(());
            }
            RecordData::read(&record)
        }
        None => RecordData::default(),
    };
    let (new, counts) = update.apply(&old);
    // A locale with nothing to record and no record gets none.
    if before.is_none() && new.entries.is_empty() {
        return Ok(());
    }
    plan.records.push(RecordSync {
        path,
        after: new.to_text(),
        before,
        counts,
    });
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
