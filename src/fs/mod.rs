//! Files in and out. Reading: [`folder`], a project's folders on disk or compiled into the
//! binary, listed once and read on demand. Writing: [`atomic`], every write through a
//! temporary file renamed over the old one, so that no file is ever left half-written.

mod atomic;
mod folder;

pub(crate) use atomic::{Durability, Replacement, replace_all, write_atomically};
pub(crate) use folder::{Folder, Origin};
