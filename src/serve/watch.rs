//! Reloading on save: a file watcher on the project's folders, in the background.
//!
//! Changes are debounced (an editor's save is several events) and reading files is not a
//! change (loading the project reads every file, which must not trigger another load).

use std::sync::Arc;
use std::time::Duration;

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::serve::site::{Source, State};

/// How long to wait after a change for the next one before reloading.
const QUIET: Duration = Duration::from_millis(150);

/// Watches the project's locales, content and `folio.toml`; `None` for the built-in
/// project, or when watching is not possible (which is logged).
pub(crate) fn start(state: Arc<State>) -> Option<RecommendedWatcher> {
    let Source::Folder(root) = state.source().clone() else {
        return None;
    };
    let (notify_tx, mut notify_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let watcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
            Ok(event) if is_change(event.kind) => {
                let _ = notify_tx.send(());
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
    // Only the project's own files: a build folder beside them must not trigger reloads.
    let mut paths = vec![root.join(crate::project::CONFIG_FILE)];
    match crate::project::Project::open(&root) {
        Ok(project) => paths.extend(project.watched_folders()),
        Err(_) => paths.extend([root.join("locales"), root.join("content")]),
    }
    for path in paths.iter().filter(|p| p.exists()) {
        let mode = if path.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if let Err(err) = watcher.watch(path, mode) {
            tracing::warn!(path = %path.display(), error = %err, "cannot watch");
        }
    }
    tokio::spawn(async move {
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
        }
    });
    Some(watcher)
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
