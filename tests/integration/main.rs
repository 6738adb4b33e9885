//! Folio's integration tests: one binary, one module per area.

mod articles;
mod browser;
mod check;
mod cli;
mod discovery;
mod dogfood;
mod editor;
mod fmt;
mod formats;
mod import;
mod init;
mod intl;
mod layers;
mod lifecycle;
mod lsp;
mod reliability;
mod rename;
mod render;
mod serve;
mod shell;
mod site;
mod sitepages;
mod util;
mod workflow;
