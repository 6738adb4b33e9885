//! Writing a file so that none is ever left half-written: a temporary file in the same folder,
//! renamed over the old one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How hard to try to keep a write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Durability {
    /// Output that can be made again (a built site): renamed into place, not flushed to disk.
    Regenerable,
    /// Someone's work (a locale file): flushed to disk before it replaces the old file, so that
    /// a power cut leaves the old file or the new one, never an empty one.
    Durable,
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over it.
/// Returns whether the file changed: an identical file is left as it is (and its modification
/// time with it).
///
/// An existing file keeps its permissions; a new one gets what a plain `create` would give
/// (0666 less the umask). A symbolic link is followed: its target is replaced, not the link.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8], durability: Durability) -> Result<bool> {
    let path = resolve_links(path);
    let io = |source| Error::Io {
        path: path.clone(),
        source,
    };
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io)?;
    if std::fs::read(&path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let existing = std::fs::metadata(&path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(parent).map_err(io)?;
    if let Some(permissions) = existing {
        // Exactly the old mode: creating the file applied the umask, setting it does not.
        file.as_file().set_permissions(permissions).map_err(io)?;
    }
    file.write_all(bytes).map_err(io)?;
    if durability == Durability::Durable {
        file.as_file().sync_all().map_err(io)?;
    }
    file.persist(&path).map_err(|e| io(e.error))?;
    Ok(true)
}

/// `path`, or the file a symbolic link at `path` leads to.
fn resolve_links(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_reports_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ftl");
        assert!(write_atomically(&path, b"a = 1\n", Durability::Durable).unwrap());
        assert!(!write_atomically(&path, b"a = 1\n", Durability::Durable).unwrap());
        assert!(write_atomically(&path, b"a = 2\n", Durability::Regenerable).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"a = 2\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_mode_and_follows_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.ftl");
        std::fs::write(&target, "a = 1\n").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.ftl");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"a = 2\n", Durability::Durable).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"a = 2\n");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
