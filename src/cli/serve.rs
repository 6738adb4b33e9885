//! `folio serve`: the articles over HTTP, in each reader's language.

use std::io::Write;
use std::path::Path;

use folio::Project;
use folio::serve::{
    DEFAULT_ADDR, Limits, ServeOptions, Source, parse_addr, serve, shutdown_signal,
};

use super::ExitStatus;

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
}

pub fn run(args: &Args, root: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let source = match root {
        Some(path) => Source::Folder(path.to_path_buf()),
        None if Project::is_project(Path::new(".")) => Source::Folder(".".into()),
        None => Source::Embedded,
    };
    if let Some(url) = &args.base_url {
        super::check_base_url(url)?;
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
        tracing::info!(addr = %local, source = %source, "serving");
        writeln!(out, "Serving {source} on http://{local}/ (Ctrl-C to stop)")?;
        out.flush()?;
        let options = ServeOptions {
            source,
            base_url: args.base_url.clone(),
            watch: !args.no_watch,
            limits: Limits::default(),
        };
        serve(listener, options, shutdown_signal()).await?;
        tracing::info!("stopped");
        anyhow::Ok(())
    })?;
    Ok(ExitStatus::Success)
}
