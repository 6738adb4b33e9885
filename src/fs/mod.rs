//! Files in and out. Reading: [`folder`], a project's folders on disk or compiled into the
//! binary, listed once and read on demand. Writing: [`atomic`], every write through a
//! temporary file renamed over the old one, so that no file is ever left half-written.

mod atomic;
mod folder;

pub(crate) use atomic::{
    Durability, Replacement, create_all, file_to_replace, replace_all, write_atomically,
    write_atomically_with,
};
pub(crate) use folder::{Folder, Found, Origin};

use std::io;
use std::path::Path;

/// The bytes of the regular file at `path` (through symbolic links). Anything else is refused
/// before it is opened: a device such as `/dev/zero` never ends, and opening a named pipe
/// waits for a writer that may never come.
pub(crate) fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, a pipe or a socket)"
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {what}; Folio reads only files"),
        ));
    }
    std::fs::read(path)
}

/// [`read_file`], as UTF-8 text.
pub(crate) fn read_text(path: &Path) -> io::Result<String> {
    String::from_utf8(read_file(path)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}
