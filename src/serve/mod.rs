//! `folio serve`: an HTTP server that hands each reader the article in their language.
//!
//! ```text
//! GET /{locale}/{slug}            the HTML page; .txt .md .json for the other formats
//! GET /{slug}                     302 to the reader's language (Accept-Language), Vary
//! GET /                           302 to the reader's list of articles, /{locale}/
//! GET /{locale}/                  the language's list of articles; feed.xml its Atom feed
//! GET /index.html                 the languages, each by its own name
//! GET /sitemap.xml                the sitemap, as `folio build` writes it
//! GET /api/articles               each article's slug, titles, locales and coverage (JSON)
//! GET /healthz                    200 with the loaded version; 503 if nothing valid ever loaded
//! GET /images/…                   the files of content/ (the hero image)
//! anything else                   404, the not-found page in the path's or reader's language
//! ```
//!
//! Pages are the bytes `folio build` writes (one [`Publisher`](crate::Publisher) makes both),
//! rendered once per (article, locale, format) and kept until the project changes.
//! A file watcher rebuilds the project in the background when a file is saved and swaps it in
//! at once; a save that breaks the project (a syntax error) is logged and reported by
//! `/healthz` while the last good version keeps being served. SIGTERM and Ctrl-C stop
//! accepting connections, let requests in flight finish, and return.

mod app;
mod cache;
mod negotiate;
mod state;
mod watch;

pub use negotiate::negotiate;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::project::ProjectLocation;
use crate::publish::PublishOptions;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The project: a folder, or the copy built into Folio.
    pub project: ProjectLocation,
    /// The site's public URL, page template and minimum coverage, over `folio.toml`'s.
    pub publish: PublishOptions,
    /// Watch the project's files and reload when they change.
    pub watch: bool,
    /// What a client may ask of the server.
    pub limits: Limits,
}

/// The page cache's size by default, in bytes: some 4,000 HTML pages of the seed article.
pub const DEFAULT_PAGE_CACHE: usize = 64 << 20;

/// Limits that keep a slow or hostile client from exhausting the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The most connections served at once; more wait in the listen queue.
    pub max_connections: usize,
    /// How long a connection may take to send a request's headers, idle keep-alive time
    /// included; then it is closed.
    pub header_timeout: Duration,
    /// The most a request's headers may weigh; more is answered with 431.
    pub max_header_bytes: usize,
    /// How long a request may take to be answered; then it is answered with 408.
    pub request_timeout: Duration,
    /// How long shutting down waits for requests in flight.
    pub shutdown_grace: Duration,
    /// How many bytes of rendered pages are kept for the next reader; past it, the least
    /// recently used go first (and are rendered again when asked for).
    pub page_cache: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 4096,
            header_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            request_timeout: Duration::from_secs(10),
            shutdown_grace: Duration::from_secs(10),
            page_cache: DEFAULT_PAGE_CACHE,
        }
    }
}

/// Serves `options.source` on `listener` until `shutdown` completes, then lets requests in
/// flight finish (for up to `limits.shutdown_grace`) and returns.
///
/// # Errors
/// Only when the listener fails; a project that cannot be loaded is served as 503.
pub async fn serve(
    listener: TcpListener,
    options: ServeOptions,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let state = Arc::new(state::State::new(
        options.project.clone(),
        options.publish.clone(),
        options.limits.page_cache,
    ));
    state.reload().await;
    let _watcher = if options.watch {
        watch::start(Arc::clone(&state))
    } else {
        None
    };
    let limits = &options.limits;
    let router = app::router(Arc::clone(&state), limits.request_timeout);
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(limits.max_header_bytes)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: wait a moment, keep serving.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%peer, error = %err, "connection ended with an error");
            }
            drop(permit);
        });
    }
    tracing::info!("shutting down: finishing requests in flight");
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        let grace = limits.shutdown_grace;
        tracing::warn!("requests still in flight after {grace:?}; stopping anyway");
    }
    Ok(())
}

/// Resolves when the process receives SIGTERM or Ctrl-C (SIGINT).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// The address `folio serve` listens on unless told otherwise.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Parses `--addr`.
///
/// # Errors
/// When `text` is not an `ip:port` address.
pub fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not an address like `127.0.0.1:8080`"))
}
