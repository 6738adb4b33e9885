//! Writing a [`Plan`]: each changed file through a temporary file renamed over it; a new locale
//! staged in a hidden folder and renamed into place, so that it appears whole or not at all.

use std::path::{Path, PathBuf};

use crate::edit::plan::Plan;
use crate::error::{Error, Result};
use crate::fs::{Durability, write_atomically};

impl Plan {
    /// Writes every file that changes, each through a temporary file renamed over it.
    ///
    /// # Errors
    /// When a file cannot be written; the files written before it stay written.
    pub fn write(&self) -> Result<()> {
        for file in self.files.iter().filter(|f| f.changes()) {
            write_atomically(&file.path, file.after.as_bytes(), Durability::Durable)?;
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
    let written = plan.files.iter().try_for_each(|file| {
        let rel = file.path.strip_prefix(&target).unwrap_or(&file.path);
        write_atomically(
            &staging.join(rel),
            file.after.as_bytes(),
            Durability::Durable,
        )
        .map(drop)
    });
    let renamed = written.and_then(|()| std::fs::rename(&staging, &target).map_err(io(&target)));
    if renamed.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    renamed.map(|()| target)
}
