//! Folio keeps web articles as [Project Fluent](https://projectfluent.org) files, one folder
//! per language; it checks the translations against the reference language and renders each
//! article in each language as text, Markdown, HTML or JSON.
//!
//! A project is a folder with `content/<slug>.toml` (each article's structure: which message
//! fills which block) and `locales/<BCP 47 tag>/*.ftl` (the text). [`Project::open`] reads it
//! ([`discover`] finds it); [`check`] compares the locales with the reference; a [`Publisher`]
//! makes each article's pages for a reader's language, falling back message by message, and
//! [`publish`] sets one up as `folio.toml` says, as `folio render`, `build` and `serve` do.
//!
//! # Example
//! ```
//! use std::sync::Arc;
//!
//! // The copy of Folio's own repository compiled into the crate; `Project::open(".")` reads one
//! // from disk. Each file is parsed once, for the check and the pages alike.
//! let project = Arc::new(folio::Project::embedded());
//!
//! let report = folio::check(&project, &folio::CheckOptions::default())?;
//! assert!(report.diagnostics.is_empty());
//!
//! let publisher = folio::Publisher::new(project, folio::SiteOptions::default());
//! let options = folio::RenderOptions::default();
//! let page = publisher.page("smp-removal", &folio::parse_tag("pl")?, folio::Format::Text, &options)?;
//! assert!(String::from_utf8(page.body)?.starts_with("Czy"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layers
//! Each module imports only from the layers below its own:
//! 1. text and positions, tags, errors, files: `line_index`, `locale`, `error`, `fs`;
//! 2. the model: `config`, `article` (content files), `catalog` (locale files), `project`,
//!    `diagnostic` (findings and check ids), `ftl` (Folio's marks inside Fluent files),
//!    `record` (the reference text each translation was made from), `markup` (the inline
//!    markup a message may carry);
//! 3. the engines, which never import each other: `check`, `render`, `edit`;
//! 4. the outputs, which compose engines: `report` (printers), `publish`, `build`, `serve`,
//!    `watch`, `lsp` (the language server);
//! 5. the command line, in the binary (`src/cli/`).

// 1. Text and positions, tags, errors, files.
mod error;
mod fs;
mod line_index;
mod locale;

// 2. The model.
mod article;
mod catalog;
mod config;
mod diagnostic;
mod ftl;
pub mod markup;
mod project;
mod record;
pub mod sources;

// 3. The engines.
mod check;
pub mod edit;
mod render;

// 4. The outputs.
mod build;
pub mod lsp;
mod publish;
mod report;
pub mod serve;
pub mod watch;

pub use article::{Article, Block, Date, Footnote, Image, Link, ListItem, MessageRef, chrome};
pub use build::{
    BuildOptions, BuildReport, PAGE_RECORDS as BUILD_PAGE_RECORDS, Progress,
    RECORD as BUILD_RECORD, build,
};
pub use catalog::{Catalog, FtlFile, LocaleDir, ParsedFile, RecordFile, Retention};
pub use check::{
    CheckOptions, CheckReport, LocaleStats, NotDone, NotDoneReason, check, check_locale,
    compared_locales,
};
pub use config::{CheckConfig, SiteConfig};
pub use diagnostic::{CheckId, Diagnostic, Excerpt, PathDisplay, Severity};
pub use error::{Error, Result};
pub use line_index::{LineIndex, Location};
pub use locale::{Direction, Tag, fallback_chain, matching, parse_tag, plural_categories};
pub use project::{
    Assets, CONFIG_FILE, DEFAULT_REFERENCE, OutsideLink, Project, ProjectLocation, discover,
    is_project,
};
pub use publish::{Publication, PublishOptions, publish, validate_base_url};
pub use record::{RECORD_FILE, RawLine, Record, RecordData, RecordLine, RecordProblem, Recorded};
pub use render::{
    Bundle, DEFAULT_TEMPLATE, DateTimeStyle, Entry, Evaluated, FEED_ENTRIES, Fallback, FluentDate,
    Format, HtmlTemplate, Language, Links, Page, Pseudo, Publisher, RenderError, RenderOptions,
    Rendered, RenderedBlock, RenderedImage, SiteFile, SiteOptions, SitePage, SiteTemplates, eval,
    newest_first, variable, write_rendered,
};
pub use report::{
    JsonFinding, JsonReport, ReportFormat, ReportOptions, write_findings, write_report,
};
