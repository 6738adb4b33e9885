//! What the targets share: splitting one input into two files, and text as the parser sees it.

#![allow(dead_code)]

/// Two texts from one input: before and after its first NUL byte (the same text twice when
/// there is none).
pub fn two(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    }
}

/// `text` without its byte order mark, as the parser reads a file. (Line endings stay: the
/// parser reads CRLF itself, and replacing `\r\n` would turn `\r\r\n` into a new one.)
pub fn unmarked(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// A folder that lives as long as the process, for targets that need files on disk.
pub fn scratch() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        // /dev/shm when there is one: a file system in memory is much faster to rewrite.
        let shm = std::path::Path::new("/dev/shm");
        if shm.is_dir() {
            tempfile::tempdir_in(shm)
        } else {
            tempfile::tempdir()
        }
        .expect("a temporary folder")
    })
    .path()
}
