//! Folio's integration tests: one binary, one module per area.

mod check;
mod cli;
mod dogfood;
mod formats;
mod render;
mod util;
