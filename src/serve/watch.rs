//! Reloading on save: a file watcher on the project's folders, in the background.
//!
//! Changes are debounced (an editor's save is several events) and reading files is not a
//! change (loading the project reads every file, which must not trigger another load).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::serve::site::{Source, State};

/// How long to wait after a change for the next one before reloading.
const QUIET: Duration = Duration::from_millis(150);

/// The watcher's task; dropping it stops watching.
pub(crate) struct Watching(tokio::task::JoinHandle<()>);

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Watches the project's locales, content, `folio.toml` and page template, and reloads on a
/// change; `None` for the built-in project, or when watching is not possible (which is logged).
/// What is watched follows the project: a template named in a saved `folio.toml` is watched
/// from the next reload on.
pub(crate) fn start(state: Arc<State>) -> Option<Watching> {
    let Source::Folder(root) = state.source().clone() else {
        return None;
    };
    // Absolute, so that the paths events name compare equal to the watched ones.
    let root = root.canonicalize().unwrap_or(root);
    let scope = Arc::new(RwLock::new(Watched::of(&root)));
    let (notify_tx, mut notify_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let filter = Arc::clone(&scope);
    let watcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
            Ok(event) if is_change(event.kind) => {
                let scope = filter.read().expect("not poisoned");
                if event.paths.iter().any(|p| scope.counts(p)) {
                    let _ = notify_tx.send(());
                }
            }
            Ok(_) => {}
            Err(err) => tracing::warn!(error = %err, "watching files failed"),
        });
    let mut watcher = match watcher {
        Ok(watcher) => watcher,
        Err(err) => {
            tracing::warn!(error = %err, "cannot watch the project; changes need a restart");
            return None;
        }
    };
    let mut current = scope.read().expect("not poisoned").watches();
    rewatch(&mut watcher, &[], &current);
    Some(Watching(tokio::spawn(async move {
        while notify_rx.recv().await.is_some() {
            // Let the burst of events of one save settle.
            loop {
                match tokio::time::timeout(QUIET, notify_rx.recv()).await {
                    Ok(Some(())) => {}
                    Ok(None) => return,
                    Err(_) => break,
                }
            }
            tracing::info!("files changed; reloading");
            state.reload().await;
            let next = Watched::of(&root);
            let wanted = next.watches();
            rewatch(&mut watcher, &current, &wanted);
            current = wanted;
            *scope.write().expect("not poisoned") = next;
        }
    })))
}

/// Stops the watches of `old` that `new` lacks, and starts those `new` adds.
fn rewatch(
    watcher: &mut RecommendedWatcher,
    old: &[(PathBuf, RecursiveMode)],
    new: &[(PathBuf, RecursiveMode)],
) {
    for (path, _) in old.iter().filter(|w| !new.contains(w)) {
        let _ = watcher.unwatch(path);
    }
    for (path, mode) in new.iter().filter(|w| !old.contains(w)) {
        if let Err(err) = watcher.watch(path, *mode) {
            tracing::warn!(path = %path.display(), error = %err, "cannot watch");
        }
    }
}

/// What a change must touch to count: the project's folders, whole, and single files.
///
/// Files are scope through their folder, not recursively: a watch on the file itself would
/// be lost to the first editor that saves by renaming a new file over it, and a recursive
/// watch on the root would take in a build folder or `target/`.
struct Watched {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Watched {
    /// The locales and content folders, `folio.toml` and the page template of the project at
    /// `root` (the usual folders when it does not load now; it may once fixed).
    fn of(root: &Path) -> Watched {
        let mut files = vec![root.join(crate::project::CONFIG_FILE)];
        let folders = match crate::project::Project::open(root) {
            Ok(project) => {
                files.extend(project.template_path());
                project.watched_folders()
            }
            Err(_) => vec![root.join("locales"), root.join("content")],
        };
        // A folder created or removed whole is a change too.
        files.extend(folders.iter().cloned());
        Watched { folders, files }
    }

    fn watches(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut watches: Vec<(PathBuf, RecursiveMode)> = Vec::new();
        for folder in self.folders.iter().filter(|f| f.is_dir()) {
            watches.push((folder.clone(), RecursiveMode::Recursive));
        }
        for file in &self.files {
            let parent = match file.parent() {
                Some(p) if p.as_os_str().is_empty() => Path::new("."),
                Some(p) => p,
                None => continue,
            };
            let covered = self.folders.iter().any(|f| parent.starts_with(f))
                || watches.iter().any(|(w, _)| w == parent);
            if !covered && parent.is_dir() {
                watches.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
        watches
    }

    fn counts(&self, path: &Path) -> bool {
        self.folders.iter().any(|f| path.starts_with(f)) || self.files.iter().any(|f| f == path)
    }
}

/// Whether an event changes a file (rather than reading it).
fn is_change(kind: EventKind) -> bool {
    match kind {
        EventKind::Modify(ModifyKind::Metadata(_))
        | EventKind::Access(_)
        | EventKind::Any
        | EventKind::Other => false,
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_) => true,
    }
}
