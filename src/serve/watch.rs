//! Reloading on save, in the background: changes are gathered until the files are quiet, then
//! the project is loaded again.

use std::sync::Arc;

use crate::project::ProjectLocation;
use crate::serve::state::State;
use crate::watch::{ProjectWatcher, QUIET};

/// The watcher's task; dropping it stops watching.
pub(crate) struct Watching(tokio::task::JoinHandle<()>);

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Watches the project and reloads it on a change; `None` for the built-in project, or when
/// watching is not possible (which is logged).
pub(crate) fn start(state: Arc<State>) -> Option<Watching> {
    let ProjectLocation::Folder(root) = state.project().clone() else {
        return None;
    };
    let (notify, mut saves) = tokio::sync::mpsc::unbounded_channel::<()>();
    let mut watcher = match ProjectWatcher::new(&root, move |_| {
        let _ = notify.send(());
    }) {
        Ok(watcher) => watcher,
        Err(err) => {
            tracing::warn!(error = %err, "cannot watch the project; changes need a restart");
            return None;
        }
    };
    Some(Watching(tokio::spawn(async move {
        while saves.recv().await.is_some() {
            // Let the burst of events of one save settle.
            loop {
                match tokio::time::timeout(QUIET, saves.recv()).await {
                    Ok(Some(())) => {}
                    Ok(None) => return,
                    Err(_) => break,
                }
            }
            tracing::info!("files changed; reloading");
            state.reload().await;
            watcher.refresh();
        }
    })))
}
