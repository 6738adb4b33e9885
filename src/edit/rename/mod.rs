//! `folio rename`: a message, a term or an attribute renamed in every locale at once — its
//! definitions, every reference to it, the content files that name it and the comments that
//! mention it — or a variable renamed inside one message or term. Only the renamed tokens
//! change: comments, layout, line endings and byte order marks stay byte for byte, and every
//! file is replaced as one change (all or nothing).

use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

use crate::article::chrome;
use crate::edit::layout::{Style, without_bom};
use crate::edit::patch::{Edit, apply};
use crate::error::{Error, Result};
use crate::fs::{Replacement, replace_all};
use crate::ftl::is_identifier;
use crate::line_index::{LineIndex, offset_in};
use crate::project::Project;

mod edits;
mod record;

use edits::{contains_word, content_edits, definition, entry_edits, old_tokens, variable_use};

/// What can be renamed: `message`, `-term`, `message.attribute` or `-term.attribute`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// A term (written with its `-`).
    pub term: bool,
    /// The message's or term's id, without the `-`.
    pub id: String,
    /// The attribute, when an attribute is named.
    pub attribute: Option<String>,
}

impl Name {
    /// Reads `message`, `-term`, `message.attribute` or `-term.attribute`.
    ///
    /// # Errors
    /// When `text` is not made of Fluent identifiers.
    pub fn parse(text: &str) -> Result<Name> {
        let (term, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (id, attribute) = match rest.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (rest, None),
        };
        if !is_identifier(id) || attribute.is_some_and(|a| !is_identifier(a)) {
            return Err(Error::Usage {
                message: format!("`{text}` is not a message, term or attribute name"),
                help: "write `message`, `-term`, `message.attribute` or `-term.attribute`, with letters, digits, `-` and `_`".into(),
            });
        }
        Ok(Name {
            term,
            id: id.to_string(),
            attribute: attribute.map(str::to_string),
        })
    }

    /// Whether one of `self` and `other` is a whole message or term and the other is it or
    /// one of its attributes.
    fn contains_or_within(&self, other: &Name) -> bool {
        self.term == other.term
            && self.id == other.id
            && (self.attribute.is_none() || other.attribute.is_none())
    }

    /// The entry's id as written in Fluent: a term's with its `-`.
    fn entry(&self) -> String {
        if self.term {
            format!("-{}", self.id)
        } else {
            self.id.clone()
        }
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.entry())?;
        match &self.attribute {
            Some(attribute) => write!(f, ".{attribute}"),
            None => Ok(()),
        }
    }
}

/// A file a rename changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileChange {
    /// The file.
    pub path: PathBuf,
    /// Its text as it is.
    pub before: String,
    /// Its text renamed.
    pub after: String,
    /// How many tokens were renamed in it.
    pub renamed: usize,
}

/// What a rename changes, file by file; nothing is written until [`RenamePlan::write`].
#[derive(Clone, Debug, Default)]
pub struct RenamePlan {
    /// The files that change, locales first, then content files.
    pub files: Vec<FileChange>,
}

impl RenamePlan {
    /// Replaces every file of the plan as one change: all are written, or none.
    ///
    /// # Errors
    /// When a file cannot be written; every file is then as it was.
    pub fn write(&self) -> Result<()> {
        let replacements: Vec<Replacement<'_>> = self
            .files
            .iter()
            .map(|f| Replacement {
                path: &f.path,
                before: f.before.as_bytes(),
                after: f.after.as_bytes(),
            })
            .collect();
        replace_all(&replacements)
    }
}

/// What one run renames.
enum Renaming<'a> {
    /// Messages, terms or attributes, each (old, new).
    Names(&'a [(Name, Name)]),
    /// A variable inside one message or term (and its attributes): (entry, old, new).
    Variable(&'a Name, &'a str, &'a str),
}

/// Plans renaming each `(old, new)` pair in every locale and content file of `project`.
///
/// # Errors
/// Nothing is planned, and the error says why, when a name is not valid, `old` is not in the
/// reference, `new` exists already in a locale, the renderer needs the name, or a file has a
/// syntax error where the rename would touch it.
///
/// # Example
/// ```no_run
/// use folio::edit::rename::{Name, plan_rename};
///
/// let project = folio::Project::open(".")?;
/// let pair = (Name::parse("-clinic-city")?, Name::parse("-city")?);
/// plan_rename(&project, &[pair])?.write()?;
/// # Ok::<(), folio::Error>(())
/// ```
pub fn plan_rename(project: &Project, renames: &[(Name, Name)]) -> Result<RenamePlan> {
    plan_names(project, renames, false, &Unsaved::new())
}

/// The editor's unsaved text of open locale files, by their path on disk: a rename planned
/// for a language server reads them in place of the files, and its plan's `before` is theirs.
pub type Unsaved = std::collections::HashMap<PathBuf, String>;

/// [`plan_rename`], reading `unsaved` texts in place of those files on disk.
///
/// # Errors
/// As [`plan_rename`].
pub fn plan_rename_unsaved(
    project: &Project,
    renames: &[(Name, Name)],
    unsaved: &Unsaved,
) -> Result<RenamePlan> {
    plan_names(project, renames, false, unsaved)
}

/// [`plan_rename`], and every translation of the renamed names marked outdated in its locale's
/// record (`folio rename --outdate`): Fluent's convention for a change of meaning, so that
/// translators revisit each one. `folio check` then reports them until each is edited or
/// confirmed.
///
/// # Errors
/// As [`plan_rename`]; also when a locale that translates a renamed name has no record yet
/// (`folio sync` makes one).
pub fn plan_rename_outdating(project: &Project, renames: &[(Name, Name)]) -> Result<RenamePlan> {
    plan_names(project, renames, true, &Unsaved::new())
}

fn plan_names(
    project: &Project,
    renames: &[(Name, Name)],
    outdate: bool,
    unsaved: &Unsaved,
) -> Result<RenamePlan> {
    for (i, (old, new)) in renames.iter().enumerate() {
        refuse_unless_renamable(old, new)?;
        let others = &renames[..i];
        if others
            .iter()
            .any(|(o, n)| o == old || n == new || n == old || o == new)
        {
            return Err(Error::Usage {
                message: format!("`{old}` → `{new}` overlaps another rename of the same command"),
                help: "rename each name once, and not to a name another rename frees".into(),
            });
        }
        // A message renamed and one of its attributes renamed too: each rename reads the
        // names as they were, so the two would edit the same tokens.
        if let Some((o, n)) = others.iter().find(|(o, n)| {
            [o, n]
                .iter()
                .any(|a| [old, new].iter().any(|b| a.contains_or_within(b)))
        }) {
            return Err(Error::Usage {
                message: format!(
                    "`{o}` → `{n}` and `{old}` → `{new}` rename the same message or term"
                ),
                help: "rename the message or term first, then its attribute under its new name, in two commands"
                    .into(),
            });
        }
    }
    Files::read(project, unsaved)?.plan(project, &Renaming::Names(renames), outdate)
}

/// Plans renaming the variable `$old` to `$new` inside `entry` (a message or term) and its
/// attributes, in every locale; for a term, the argument of every call to it too.
///
/// # Errors
/// As [`plan_rename`]; also when the renderer passes the variable by its name (`$date` of
/// `site-byline`), or `entry` already uses `$new`.
pub fn plan_variable_rename(
    project: &Project,
    entry: &Name,
    old: &str,
    new: &str,
) -> Result<RenamePlan> {
    plan_variable_rename_unsaved(project, entry, old, new, &Unsaved::new())
}

/// [`plan_variable_rename`], reading `unsaved` texts in place of those files on disk.
///
/// # Errors
/// As [`plan_variable_rename`].
pub fn plan_variable_rename_unsaved(
    project: &Project,
    entry: &Name,
    old: &str,
    new: &str,
    unsaved: &Unsaved,
) -> Result<RenamePlan> {
    for name in [old, new] {
        if !is_identifier(name) {
            return Err(Error::Usage {
                message: format!("`${name}` is not a variable name"),
                help: "a variable is a letter, then letters, digits, `-` and `_` (give it without `$`)".into(),
            });
        }
    }
    if entry.attribute.is_some() {
        return Err(Error::Usage {
            message: format!("`{entry}` names an attribute"),
            help:
                "name the message or term: its variable is renamed in its value and every attribute"
                    .into(),
        });
    }
    if let Some((message, _)) = chrome::VARIABLES
        .iter()
        .find(|(message, variable)| !entry.term && entry.id == *message && old == *variable)
    {
        return Err(Error::Usage {
            message: format!("the renderer gives `{message}` the variable `${old}` by that name"),
            help: "keep the name: renamed, the page would show the message without its value"
                .into(),
        });
    }
    let plan = Files::read(project, unsaved)?.plan(
        project,
        &Renaming::Variable(entry, old, new),
        false,
    )?;
    if plan.files.is_empty() {
        return Err(Error::Usage {
            message: format!("no locale's `{entry}` uses `${old}`"),
            help: "name a variable the message or term uses (`folio check` lists unknown ones)"
                .into(),
        });
    }
    Ok(plan)
}

/// The checks on a pair that need no file.
fn refuse_unless_renamable(old: &Name, new: &Name) -> Result<()> {
    let refuse = |message: String, help: &str| {
        Err(Error::Usage {
            message,
            help: help.into(),
        })
    };
    if old.term != new.term || old.attribute.is_some() != new.attribute.is_some() {
        return refuse(
            format!("`{old}` and `{new}` are not the same kind of name"),
            "rename a message to a message, a term to a term (both with `-`), an attribute to an attribute",
        );
    }
    if old.attribute.is_some() && old.id != new.id {
        return refuse(
            format!("`{new}` is not an attribute of `{}`", old.entry()),
            "an attribute is renamed within its message or term: keep the part before the `.`",
        );
    }
    if old == new {
        return refuse(format!("`{old}` is already called that"), "give a new name");
    }
    if !old.term && old.attribute.is_none() && chrome::MESSAGES.contains(&old.id.as_str()) {
        return refuse(
            format!("the renderer uses `{old}` by that name (the page chrome)"),
            "keep the name: renamed, every page would lose it",
        );
    }
    Ok(())
}

/// Every file a rename may change, read once: the locale files and the content files.
struct Files {
    /// (locale folder, file on disk, its text); files that are not UTF-8 are left out and
    /// kept apart, for the rename to refuse them if it would touch them.
    ftl: Vec<(String, PathBuf, String)>,
    not_utf8: Vec<(PathBuf, Vec<u8>)>,
    /// (content file on disk, its text, the article's index).
    content: Vec<(PathBuf, usize)>,
    /// (locale folder, record file on disk, its text): the records of what each translation
    /// was made from (`crate::record`).
    records: Vec<(String, PathBuf, String)>,
}

impl Files {
    fn read(project: &Project, unsaved: &Unsaved) -> Result<Files> {
        if project.root().is_none() {
            return Err(Error::Usage {
                message: "the project built into folio cannot be changed".into(),
                help: "run in a project folder, or pass --root".into(),
            });
        }
        let mut ftl = Vec::new();
        let mut not_utf8 = Vec::new();
        for locale in project.catalog().locales() {
            for file in &locale.files {
                let Some(path) = file.disk_path() else {
                    continue;
                };
                if let Some(text) = unsaved.get(path) {
                    ftl.push((locale.name.clone(), path.to_path_buf(), text.clone()));
                    continue;
                }
                let bytes = file.read().map_err(|source| Error::Io {
                    path: path.to_path_buf(),
                    source,
                })?;
                match String::from_utf8(bytes) {
                    Ok(text) => ftl.push((locale.name.clone(), path.to_path_buf(), text)),
                    Err(err) => not_utf8.push((path.to_path_buf(), err.into_bytes())),
                }
            }
        }
        // Content files are named as findings name them, from where the command runs.
        let paths = project.paths();
        let content = project
            .articles()
            .iter()
            .enumerate()
            .map(|(i, article)| (paths.show(&article.path), i))
            .collect();
        Ok(Files {
            ftl,
            not_utf8,
            content,
            records: record::read_records(project)?,
        })
    }

    /// Plans `renaming`, parsing each locale file once: the reference must define every old
    /// name, no locale may define a new one, and no text that cannot be parsed may hold an
    /// old one.
    fn plan(
        &self,
        project: &Project,
        renaming: &Renaming<'_>,
        outdate: bool,
    ) -> Result<RenamePlan> {
        let tokens = old_tokens(renaming);
        for (path, bytes) in &self.not_utf8 {
            if tokens
                .iter()
                .any(|t| bytes.windows(t.len()).any(|w| w == t.as_bytes()))
            {
                return Err(Error::Invalid {
                    path: path.clone(),
                    line: None,
                    column: None,
                    message: "the file is not UTF-8 text, and the rename would change it".into(),
                    help: "save it as UTF-8 (`folio check` shows where), then rename".into(),
                });
            }
        }
        let reference = project.reference_dir()?.name.clone();
        let olds: Vec<&Name> = match renaming {
            Renaming::Names(renames) => renames.iter().map(|(old, _)| old).collect(),
            Renaming::Variable(entry, ..) => vec![entry],
        };
        let mut in_reference = vec![false; olds.len()];
        let mut plan = RenamePlan::default();
        for (locale, path, text) in &self.ftl {
            let body = without_bom(text);
            let resource = match parse(body) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            if *locale == reference {
                for (found, old) in in_reference.iter_mut().zip(&olds) {
                    *found |= definition(&resource, old).is_some();
                }
            }
            let refuse = |at: &str, message: String, help: &str| {
                let location =
                    offset_in(body, at).map(|offset| LineIndex::new(body).location(body, offset));
                Err(Error::Invalid {
                    path: path.clone(),
                    line: location.map(|l| l.line),
                    column: location.map(|l| l.column),
                    message,
                    help: help.into(),
                })
            };
            match renaming {
                Renaming::Names(renames) => {
                    for (_, new) in *renames {
                        if let Some(at) = definition(&resource, new) {
                            return refuse(
                                at,
                                format!("`{new}` exists already"),
                                "choose a name no locale uses, or rename that one first",
                            );
                        }
                    }
                }
                Renaming::Variable(entry, _, new) => {
                    if let Some(at) = variable_use(&resource, entry, new) {
                        return refuse(
                            at,
                            format!("`{entry}` uses `${new}` already"),
                            "choose a variable name the message does not use",
                        );
                    }
                }
            }
            let mut edits = Vec::new();
            for entry in &resource.body {
                if let ast::Entry::Junk { content } = entry {
                    if tokens.iter().any(|t| contains_word(content, t)) {
                        return refuse(
                            content,
                            "this text could not be parsed, and the rename would change it".into(),
                            "fix the syntax first (`folio check` shows the reason), then rename",
                        );
                    }
                    continue;
                }
                entry_edits(body, entry, renaming, &mut edits);
            }
            push_change(&mut plan, path, text, edits);
        }
        if let Some((old, _)) = olds.iter().zip(&in_reference).find(|(_, found)| !**found) {
            return Err(Error::Usage {
                message: format!("the reference locale `{reference}` has no `{old}`"),
                help: "name a message, term or attribute the reference defines (ids are case-sensitive)"
                    .into(),
            });
        }
        if let Renaming::Names(renames) = renaming {
            for (path, index) in &self.content {
                let article = &project.articles()[*index];
                push_change(
                    &mut plan,
                    path,
                    article.source(),
                    content_edits(article, renames),
                );
            }
        }
        self.plan_records(renaming, plan, outdate.then_some(reference.as_str()))
    }
}

/// Adds the change of the file at `path`, whose text is `text` (a byte order mark included,
/// if it has one), when `edits` (offsets in the text after the mark) change it.
fn push_change(plan: &mut RenamePlan, path: &Path, text: &str, edits: Vec<Edit>) {
    if edits.is_empty() {
        return;
    }
    let renamed = edits.len();
    let body = without_bom(text);
    let bom = &text[..text.len() - body.len()];
    let after = apply(body, edits, Style::of(body));
    plan.files.push(FileChange {
        path: path.to_path_buf(),
        before: text.to_string(),
        after: format!("{bom}{after}"),
        renamed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_and_refused() {
        let name = Name::parse("-clinic-city.gender").unwrap();
        assert_eq!((name.term, name.id.as_str()), (true, "clinic-city"));
        assert_eq!(name.to_string(), "-clinic-city.gender");
        for bad in ["", "-", "a.", "1a", "a b", "a.b.c", "$x"] {
            assert!(Name::parse(bad).is_err(), "{bad:?}");
        }
    }
}
