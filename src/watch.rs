//! Watching a project's files for changes: its locales and content folders, `folio.toml` and
//! the page template it names. `folio serve` reloads with it, `folio check --watch` re-checks.
//!
//! Reading a file is not a change (loading the project reads every file, which must not
//! trigger another load), and what is watched follows the project: call
//! [`ProjectWatcher::refresh`] after a change, and a template named in a newly saved
//! `folio.toml` is watched from then on.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::{Error, Result};
use crate::project::{CONFIG_FILE, Project, is_project};

/// How long to wait after a change for the next one: an editor's save is several events.
pub const QUIET: Duration = Duration::from_millis(150);

/// A watch on the files of the project (or the tree of locale folders) at a root.
pub struct ProjectWatcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
    scope: Arc<RwLock<Scope>>,
    current: Vec<(PathBuf, RecursiveMode)>,
}

impl std::fmt::Debug for ProjectWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProjectWatcher")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl ProjectWatcher {
    /// Watches the project at `root`; `on_change` is called, on the watcher's thread, with
    /// the paths of each change that concerns it.
    ///
    /// # Errors
    /// When the system cannot watch files (no inotify instance left, for example).
    pub fn new(
        root: &Path,
        on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> Result<ProjectWatcher> {
        let root = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        // Absolute, so that the paths events name compare equal to the watched ones.
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let scope = Arc::new(RwLock::new(Scope::of(&root)));
        let filter = Arc::clone(&scope);
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
                Ok(event) if is_change(event.kind) => {
                    let scope = filter.read().expect("not poisoned");
                    let paths: Vec<PathBuf> = event
                        .paths
                        .into_iter()
                        .filter(|p| scope.counts(p))
                        .collect();
                    if !paths.is_empty() {
                        on_change(paths);
                    }
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "watching files failed"),
            })
            .map_err(|err| watch_error(&root, &err))?;
        let current = scope.read().expect("not poisoned").watches();
        rewatch(&mut watcher, &[], &current);
        Ok(ProjectWatcher {
            watcher,
            root,
            scope,
            current,
        })
    }

    /// Watches what the project names now (after its `folio.toml` changed, say).
    pub fn refresh(&mut self) {
        let next = Scope::of(&self.root);
        let wanted = next.watches();
        rewatch(&mut self.watcher, &self.current, &wanted);
        self.current = wanted;
        *self.scope.write().expect("not poisoned") = next;
    }

    /// The folders and files watched.
    pub fn watched(&self) -> Vec<PathBuf> {
        let scope = self.scope.read().expect("not poisoned");
        scope.folders.iter().chain(&scope.files).cloned().collect()
    }
}

fn watch_error(root: &Path, err: &notify::Error) -> Error {
    Error::Io {
        path: root.to_path_buf(),
        source: std::io::Error::other(format!("cannot watch for changes: {err}")),
    }
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
/// Files are watched through their folder, not recursively: a watch on the file itself would
/// be lost to the first editor that saves by renaming a new file over it, and a recursive
/// watch on the root would take in a build folder or `target/`.
struct Scope {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

impl Scope {
    /// The locales and content folders, `folio.toml`, the page template and the folder of site
    /// templates of the project at
    /// `root` (the usual folders when it does not load now; it may once fixed); for a tree
    /// of locale folders that is not a project, the whole tree.
    fn of(root: &Path) -> Scope {
        if !is_project(root) && root.is_dir() && !root.join("content").is_dir() {
            return Scope {
                folders: vec![root.to_path_buf()],
                files: Vec::new(),
            };
        }
        let mut files = vec![root.join(CONFIG_FILE)];
        let folders = match Project::open(root) {
            Ok(project) => {
                files.extend(project.template_path());
                let mut folders = project.watched_folders();
                folders.extend(project.templates_path());
                folders
            }
            Err(_) => vec![root.join("locales"), root.join("content")],
        };
        // A folder created or removed whole is a change too.
        files.extend(folders.iter().cloned());
        Scope { folders, files }
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
