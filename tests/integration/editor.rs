//! `folio lsp` with a real editor as its client: headless Neovim (Debian's `neovim`, which
//! `.ci/run` installs) runs `tests/editor/nvim.lua` on a copy of the repository's project. A
//! translator deletes a plural variant without saving, sees the finding where it is, hovers
//! for the English text and takes the quick fix — with Neovim's own change tracking, its own
//! reading of the published diagnostics and its own application of the edit, which a
//! hand-written client (`lsp.rs`) cannot stand in for.
//!
//! Ignored by default so that `cargo test` needs no editor; `.ci/run` runs it with
//! `cargo test --test integration editor -- --ignored`.

use std::ffi::OsString;
use std::fs::File;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::util::{repo, repo_project};

/// How long Neovim may take; the script needs well under a second.
const TIMEOUT: Duration = Duration::from_secs(60);

#[test]
#[ignore = "needs neovim"]
fn a_deleted_plural_variant_is_found_hovered_and_fixed_in_neovim() {
    let nvim = nvim();
    let project = repo_project();
    let file = project.path().join("locales/pl/site.ftl");
    // Neovim's state, log and the script's result stay here, out of the user's home.
    let scratch = tempfile::tempdir().unwrap();
    let result = scratch.path().join("result");
    let output = |name: &str| File::create(scratch.path().join(name)).unwrap();
    let mut command = Command::new(&nvim);
    command
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-c"])
        .arg("lua dofile(os.getenv('FOLIO_SCRIPT'))")
        .current_dir(project.path())
        .env("FOLIO_SCRIPT", repo().join("tests/editor/nvim.lua"))
        .env("FOLIO_BIN", env!("CARGO_BIN_EXE_folio"))
        .env("FOLIO_ROOT", project.path())
        .env("FOLIO_FILE", &file)
        .env("FOLIO_RESULT", &result)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(output("stdout"))
        .stderr(output("stderr"));
    for xdg in [
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    ] {
        command.env(xdg, scratch.path());
    }
    let started = Instant::now();
    let status = run(&mut command, TIMEOUT);
    let read = |name: &str| std::fs::read_to_string(scratch.path().join(name)).ok();
    let ok = read("result").is_some_and(|r| r.lines().next() == Some("OK"));
    assert!(
        ok && status.is_some_and(|s| s.success()),
        "`{}`: {} after {:.1?}\n--- the script's result:\n{}\n--- stdout:\n{}\n--- stderr:\n{}",
        nvim.to_string_lossy(),
        status.map_or_else(|| "killed, out of time".to_string(), |s| s.to_string()),
        started.elapsed(),
        read("result").unwrap_or_else(|| "(none written)".into()),
        read("stdout").unwrap_or_default(),
        read("stderr").unwrap_or_default(),
    );
}

/// The `nvim` to run (`FOLIO_NVIM`, else the one on the `PATH`), after checking it runs.
fn nvim() -> OsString {
    let nvim = std::env::var_os("FOLIO_NVIM").unwrap_or_else(|| "nvim".into());
    let version = Command::new(&nvim).arg("--version").output();
    match version {
        Ok(output) if output.status.success() => nvim,
        Ok(output) => panic!(
            "`{} --version` failed: {}",
            nvim.to_string_lossy(),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(err) => panic!(
            "cannot run `{}` ({err}): this test needs Neovim 0.7 or later; install Debian's \
             `neovim` package (`apt-get install neovim`, as `.ci/run` does), or set FOLIO_NVIM",
            nvim.to_string_lossy()
        ),
    }
}

/// Runs `command` to its end, or kills it after `timeout` (`None` then).
fn run(command: &mut Command, timeout: Duration) -> Option<ExitStatus> {
    let mut child = command.spawn().unwrap();
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
