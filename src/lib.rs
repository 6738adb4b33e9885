//! Folio keeps web articles as [Project Fluent](https://projectfluent.org) files, one folder
//! per language; it checks the translations against the reference language and renders each
//! article in each language as text, Markdown, HTML or JSON.
//!
//! A project is a folder with `content/<slug>.toml` (each article's structure: which message
//! fills which block) and `locales/<BCP 47 tag>/*.ftl` (the text). [`Project::open`] reads it,
//! parsing every file once; [`check`] compares the locales with the reference; [`render`]
//! formats an article for a reader's language, falling back message by message.
//!
//! # Example
//! ```
//! use unic_langid::langid;
//!
//! // The copy of Folio's own repository compiled into the crate; `Project::open(".")` reads one
//! // from disk.
//! let project = folio::Project::embedded();
//!
//! let report = folio::check(&project, &folio::CheckOptions::default())?;
//! assert!(report.diagnostics.is_empty());
//!
//! let article = folio::render(&project, "smp-removal", &langid!("pl"), &[])?;
//! let mut text = Vec::new();
//! folio::write_rendered(&article, folio::Format::Text, &mut text)?;
//! assert!(String::from_utf8(text)?.starts_with("Czy"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod article;
mod catalog;
mod check;
mod config;
mod diagnostic;
pub mod edit;
mod error;
mod folder;
mod fs;
mod locale;
mod project;
mod render;
mod report;
pub mod serve;
mod site;
mod source;
pub mod watch;

pub use article::{Article, Block, Date, Image, MessageRef, chrome};
pub use catalog::{Catalog, FtlFile, LocaleDir, ParsedFile};
pub use check::{CheckId, CheckOptions, CheckReport, LocaleStats, check};
pub use config::CheckConfig;
pub use diagnostic::{Diagnostic, Excerpt, Severity};
pub use error::{Error, Result};
pub use locale::{Direction, fallback_chain, parse_tag};
pub use project::{CONFIG_FILE, DEFAULT_REFERENCE, Project};
pub use render::{
    Bundle, DEFAULT_TEMPLATE, DateTimeStyle, Evaluated, Fallback, FluentDate, Format, HtmlTemplate,
    Language, Links, Pseudo, RenderError, RenderOptions, Rendered, RenderedBlock, RenderedImage,
    eval, eval_message, render, render_with, write_rendered,
};
pub use report::{
    JsonFinding, JsonReport, ReportFormat, ReportOptions, write_findings, write_report,
};
pub use site::{BuildOptions, BuildReport, Progress, build};
pub use source::{LineIndex, Location};
