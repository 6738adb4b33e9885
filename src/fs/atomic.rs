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
    let path = file_to_replace(path)?;
    std::fs::create_dir_all(parent_of(&path)).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    if super::read_file(&path).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    if durability == Durability::Durable {
        refuse_read_only(&path)?;
    }
    let temporary = stage(&path, bytes, durability)?;
    temporary.persist(&path).map_err(|e| Error::Io {
        path,
        source: e.error,
    })?;
    Ok(true)
}

/// Writes what `write` writes to `path` as [`write_atomically`] does, without holding it in
/// memory: it is written twice, once to hash it (an identical file is left as it is), then,
/// if it differs, to a temporary file renamed over the old one. Output that can be made again.
pub(crate) fn write_atomically_with(
    path: &Path,
    write: &dyn Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<bool> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut hashed = Hashing(xxhash_rust::xxh3::Xxh3::new());
    write(&mut hashed).map_err(io)?;
    let old = std::fs::File::open(path).ok().and_then(|mut file| {
        let mut old = Hashing(xxhash_rust::xxh3::Xxh3::new());
        std::io::copy(&mut file, &mut old).ok()?;
        Some(old.0.digest128())
    });
    if old == Some(hashed.0.digest128()) {
        return Ok(false);
    }
    let temporary = stage(path, &[], Durability::Regenerable)?;
    let mut writer = std::io::BufWriter::new(temporary.as_file());
    write(&mut writer).map_err(io)?;
    writer.flush().map_err(io)?;
    drop(writer);
    temporary.persist(path).map_err(|e| io(e.error))?;
    Ok(true)
}

/// A writer that hashes what it is given.
struct Hashing(xxhash_rust::xxh3::Xxh3);

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A file to replace: its text as read, and as it is to be.
pub(crate) struct Replacement<'a> {
    pub path: &'a Path,
    pub before: &'a [u8],
    pub after: &'a [u8],
}

/// Replaces several files as one change: every new text is written and flushed to a temporary
/// file beside its file first (several at once: flushing is most of the time), and only when
/// all are written are they renamed into place. A file that no longer holds `before` (someone
/// saved it meanwhile) stops the change before anything is replaced, so their save is never
/// overwritten. A failure while writing leaves every file as it was; a failure while renaming
/// (rarer: the texts are already on disk) puts back the files already replaced, from `before`.
pub(crate) fn replace_all(files: &[Replacement<'_>]) -> Result<()> {
    use rayon::prelude::*;
    // Dropping the staged files on an error removes the temporary files written so far.
    let stage_all = || {
        files
            .par_iter()
            .map(|file| {
                let path = file_to_replace(file.path)?;
                let now = super::read_file(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                if now != file.before {
                    return Err(Error::Invalid {
                        path: file.path.to_path_buf(),
                        line: None,
                        column: None,
                        message:
                            "the file changed while Folio was working on it; nothing was written"
                                .into(),
                        help: "save your work, then run the command again".into(),
                    });
                }
                refuse_read_only(&path)?;
                Ok((stage(&path, file.after, Durability::Durable)?, path))
            })
            .collect::<Result<Vec<_>>>()
    };
    // Flushing waits on the disk, not the processor: more writers than cores keep it busy.
    let staged = match rayon::ThreadPoolBuilder::new().num_threads(16).build() {
        Ok(writers) => writers.install(stage_all),
        Err(_) => stage_all(),
    }?;
    for (i, (temporary, path)) in staged.into_iter().enumerate() {
        if let Err(err) = temporary.persist(&path) {
            for done in &files[..i] {
                let _ = write_atomically(done.path, done.before, Durability::Durable);
            }
            return Err(Error::Io {
                path,
                source: err.error,
            });
        }
    }
    Ok(())
}

/// Creates new files as one change: every file is written and flushed beside its place
/// first, then each is moved into place only where nothing is — never over a file, a folder or
/// a link, even one made meanwhile. A failure removes the files already put in place and the
/// folders made for them, so that the change happens whole or not at all.
///
/// # Errors
/// [`Error::Exists`] naming the path that is taken, or [`Error::Io`] when a file or folder
/// cannot be written.
pub(crate) fn create_all(files: &[(&Path, &[u8])]) -> Result<()> {
    let mut made = Vec::new();
    let created = stage_new(files, &mut made).and_then(|staged| {
        let mut placed: Vec<&Path> = Vec::new();
        for (temporary, path) in staged {
            if let Err(err) = temporary.persist_noclobber(path) {
                for done in placed {
                    let _ = std::fs::remove_file(done);
                }
                let source = err.error;
                return Err(if source.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::Exists {
                        paths: vec![path.to_path_buf()],
                        help: "it appeared while Folio was writing; move it aside, then run again"
                            .into(),
                    }
                } else {
                    Error::Io {
                        path: path.to_path_buf(),
                        source,
                    }
                });
            }
            placed.push(path);
        }
        Ok(())
    });
    if created.is_err() {
        // Deepest first; a folder someone else filled meanwhile is not empty and stays.
        for folder in made.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
    created
}

/// Each of `files` staged beside its place, making the folders they need (recorded in
/// `made`, outermost first).
fn stage_new<'a>(
    files: &[(&'a Path, &[u8])],
    made: &mut Vec<PathBuf>,
) -> Result<Vec<(tempfile::NamedTempFile, &'a Path)>> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        let folder = parent_of(path);
        let missing: Vec<&Path> = folder
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && std::fs::symlink_metadata(a).is_err())
            .collect();
        for dir in missing.into_iter().rev() {
            std::fs::create_dir(dir).map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
            made.push(dir.to_path_buf());
        }
        staged.push((stage(path, bytes, Durability::Durable)?, *path));
    }
    Ok(staged)
}

/// `bytes` in a temporary file beside `path` (flushed to disk if `durability` asks), with the
/// permissions of the file at `path`, or, for a new file, what a plain `create` would give
/// (0666 less the umask).
fn stage(path: &Path, bytes: &[u8], durability: Durability) -> Result<tempfile::NamedTempFile> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(parent_of(path)).map_err(io)?;
    if let Some(permissions) = existing {
        // Exactly the old mode: creating the file applied the umask, setting it does not.
        file.as_file().set_permissions(permissions).map_err(io)?;
    }
    file.write_all(bytes).map_err(io)?;
    if durability == Durability::Durable {
        file.as_file().sync_all().map_err(io)?;
    }
    Ok(file)
}

/// Refuses to replace a file its owner made read-only (or that this user may not write): a
/// rename over it would succeed, since only the folder's permissions count for that, and
/// silently undo the protection.
fn refuse_read_only(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // A new file.
    };
    let denied = meta.permissions().readonly()
        || std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
    if denied {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: "the file is read-only; it was left as it is".into(),
            help: "make it writable (`chmod u+w`) if Folio should change it".into(),
        });
    }
    Ok(())
}

/// The folder `path` is in (`.` for a bare file name).
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The file a write to `path` replaces: `path`, or the file a symbolic link at `path` leads
/// to. Refused when that is there and is not a regular file: renamed over, a device (a link to
/// `/dev/zero`), a named pipe or a socket would be replaced by a file, and testing whether a
/// pipe may be written waits for a reader forever.
pub(crate) fn file_to_replace(path: &Path) -> Result<PathBuf> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => Err(Error::Invalid {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: if target == path {
                "this is not a regular file (a folder, a device or a pipe); it was left as it is"
                    .into()
            } else {
                format!(
                    "this leads to `{}`, which is not a regular file (a folder, a device or a pipe); it was left as it is",
                    target.display()
                )
            },
            help: "put a regular file there (or remove the link) if Folio should write it".into(),
        }),
        _ => Ok(target),
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

    #[test]
    fn several_files_are_replaced_all_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.ftl"), dir.path().join("b.ftl"));
        std::fs::write(&a, "a = 1\n").unwrap();
        std::fs::write(&b, "b = 1\n").unwrap();
        let both = [
            Replacement {
                path: &a,
                before: b"a = 1\n",
                after: b"a = 2\n",
            },
            Replacement {
                path: &b,
                before: b"b = 1\n",
                after: b"b = 2\n",
            },
        ];
        replace_all(&both).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"a = 2\n");
        assert_eq!(std::fs::read(&b).unwrap(), b"b = 2\n");
        // The second file cannot be written (its folder is a file): the first stays as it was.
        let blocked = dir.path().join("a.ftl/c.ftl");
        let failing = [
            Replacement {
                path: &a,
                before: b"a = 2\n",
                after: b"a = 3\n",
            },
            Replacement {
                path: &blocked,
                before: b"",
                after: b"c = 3\n",
            },
        ];
        assert!(replace_all(&failing).is_err());
        assert_eq!(std::fs::read(&a).unwrap(), b"a = 2\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind");
        // Someone saved the second file after it was read: neither is replaced.
        std::fs::write(&b, "b = their work\n").unwrap();
        let stale = [
            Replacement {
                path: &a,
                before: b"a = 2\n",
                after: b"a = 3\n",
            },
            Replacement {
                path: &b,
                before: b"b = 2\n",
                after: b"b = 3\n",
            },
        ];
        let err = replace_all(&stale).unwrap_err().to_string();
        assert!(
            err.contains("changed while Folio was working on it"),
            "{err}"
        );
        assert_eq!(std::fs::read(&a).unwrap(), b"a = 2\n");
        assert_eq!(std::fs::read(&b).unwrap(), b"b = their work\n");
    }

    #[test]
    fn new_files_are_created_all_or_none_and_never_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            dir.path().join("new/a/x.txt"),
            dir.path().join("new/b/y.txt"),
        );
        create_all(&[(&a, b"x"), (&b, b"y")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"x");
        assert_eq!(std::fs::read(&b).unwrap(), b"y");
        // The second is taken: the first is not created, nor the folders made for it.
        let c = dir.path().join("other/deep/z.txt");
        let err = create_all(&[(&c, b"z"), (&b, b"not y")]).unwrap_err();
        assert!(
            matches!(&err, Error::Exists { paths, .. } if paths == std::slice::from_ref(&b)),
            "{err}"
        );
        assert_eq!(std::fs::read(&b).unwrap(), b"y");
        assert!(!dir.path().join("other").exists());
        let left: Vec<_> = std::fs::read_dir(dir.path().join("new/b"))
            .unwrap()
            .collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
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
