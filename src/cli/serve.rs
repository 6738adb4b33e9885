//! `folio serve`: the articles over HTTP, in each reader's language.

use std::io::Write;
use std::path::Path;

use folio::PublishOptions;
use folio::serve::{DEFAULT_ADDR, Limits, ServeOptions, parse_addr, serve, shutdown_signal};

use super::{BuiltIn, ExitStatus, locate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on.
    #[arg(long, default_value = DEFAULT_ADDR, value_parser = parse_addr)]
    addr: std::net::SocketAddr,

    /// The site's public URL, for `hreflang` links (default: `folio.toml`'s `[site] base-url`;
    /// without one, links are relative).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,

    /// Do not watch the project's files for changes.
    #[arg(long)]
    no_watch: bool,

    /// How many megabytes of rendered pages to keep for the next reader; past it the least
    /// recently used are dropped (and rendered again when asked for). 0 keeps none.
    #[arg(long, value_name = "MB", default_value_t = folio::serve::DEFAULT_PAGE_CACHE >> 20)]
    page_cache: usize,
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let project = locate(root, BuiltIn::Allowed)?;
    let publish = PublishOptions {
        base_url: args.base_url.clone(),
        ..PublishOptions::default()
    };
    // A bad `--base-url` is the user's to fix now, not a reload error.
    if let Some(url) = &publish.base_url {
        folio::validate_base_url(url)?;
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(
            std::io::IsTerminal::is_terminal(&std::io::stderr())
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        )
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| {
                anyhow::anyhow!(
                    "cannot listen on {}: {e}\n  help: choose another address with --addr",
                    args.addr
                )
            })?;
        let local = listener.local_addr()?;
        tracing::info!(addr = %local, project = %project, "serving");
        writeln!(out, "Serving {project} on http://{local}/ (Ctrl-C to stop)")?;
        out.flush()?;
        let options = ServeOptions {
            project,
            publish,
            watch: !args.no_watch,
            limits: Limits {
                page_cache: args.page_cache.saturating_mul(1 << 20),
                ..Limits::default()
            },
        };
        serve(listener, options, shutdown_signal()).await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitStatus::Success)
}
