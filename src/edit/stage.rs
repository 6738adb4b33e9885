//! Writing a [`Plan`]: each changed file through a temporary file renamed over it; a new locale
//! staged in a hidden folder and renamed into place, so that it appears whole or not at all.

use std::path::{Path, PathBuf};

use crate::edit::plan::Plan;
use crate::error::{Error, Result};
use crate::fs::{Durability, file_to_replace, write_atomically};

impl Plan {
    /// Writes every file that changes, each through a temporary file renamed over it.
    ///
    /// # Errors
    /// When a file cannot be written; the files written before it stay written. A file whose
    /// place holds something that is not a regular file (a folder, a link to a device or a
    /// pipe) stops the write before anything is written.
    pub fn write(&self) -> Result<()> {
        let changed = self.files.iter().filter(|f| f.changes()).map(|f| &f.path);
        let records = self.records.iter().filter(|r| r.changes()).map(|r| &r.path);
        for path in changed.chain(records) {
            file_to_replace(path)?;
        }
        for file in self.files.iter().filter(|f| f.changes()) {
            write_atomically(&file.path, file.after.as_bytes(), Durability::Durable)?;
        }
        // The records last: a record ahead of its translations would vouch for text that
        // is not there.
        for record in self.records.iter().filter(|r| r.changes()) {
            write_atomically(&record.path, record.after.as_bytes(), Durability::Durable)?;
        }
        Ok(())
    }
}

/// Writes a new locale: its files go into a hidden folder beside the other locales, renamed
/// into place at the end, so that the locale appears whole or not at all.
///
/// # Errors
/// When the folder exists already or a file cannot be written (the hidden folder is removed).
pub fn create_locale(plan: &Plan, dir: &Path, name: &str) -> Result<PathBuf> {
    let target = dir.join(name);
    let staging = dir.join(format!(".folio-new-{name}-{}", std::process::id()));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    if target.exists() {
        return Err(Error::Io {
            path: target.clone(),
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        });
    }
    // A plain folder, so that it gets the usual permissions (the umask applies).
    std::fs::create_dir(&staging).map_err(io(&staging))?;
    let files = plan.files.iter().map(|f| (&f.path, &f.after));
    let records = plan.records.iter().map(|r| (&r.path, &r.after));
    let written = files.chain(records).try_for_each(|(path, text)| {
        let rel = path.strip_prefix(&target).unwrap_or(path);
        write_atomically(&staging.join(rel), text.as_bytes(), Durability::Durable).map(drop)
    });
    let renamed = written.and_then(|()| std::fs::rename(&staging, &target).map_err(io(&target)));
    if renamed.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    renamed.map(|()| target)
}
