//! A Markdown article (any bytes) imported into a project with the site's chrome: planning the
//! import ends with a plan or an error, never a panic; what it plans, written, opens as a
//! project whose article has no finding that the import could have prevented (a syntax error,
//! markup Folio drops or cannot pair, a block naming a message that is not there), and renders
//! in every format.
#![no_main]

#[path = "common.rs"]
mod common;

use folio::edit::import::{ImportOptions, plan_import};
use folio::{CheckId, CheckOptions, Format, Project, Severity, check};
use libfuzzer_sys::fuzz_target;

const SITE: &str = include_str!("../../locales/en-US/site.ftl");

fuzz_target!(|data: &[u8]| {
    let root = common::scratch();
    for part in ["content", "locales"] {
        let _ = std::fs::remove_dir_all(root.join(part));
    }
    std::fs::create_dir_all(root.join("locales/en-US")).expect("a scratch folder");
    std::fs::create_dir_all(root.join("content")).expect("a scratch folder");
    std::fs::write(root.join("locales/en-US/site.ftl"), SITE).expect("a scratch file");
    let markdown = root.join("post.md");
    std::fs::write(&markdown, data).expect("a scratch file");

    let project = Project::open(root).expect("the scratch project opens");
    let options = ImportOptions {
        markdown,
        slug: Some("post".to_string()),
        reference: None,
    };
    let Ok(plan) = plan_import(&project, &options) else {
        return; // refused, with the file and line
    };
    plan.write().expect("the plan is written");

    let project = Project::open(root).expect("what the import wrote opens");
    let report = check(&project, &CheckOptions::default()).expect("the check runs");
    for finding in &report.diagnostics {
        assert!(
            finding.severity != Severity::Error
                || !matches!(
                    finding.check,
                    CheckId::SyntaxError
                        | CheckId::ForbiddenMarkup
                        | CheckId::UnbalancedMarkup
                        | CheckId::UnknownBlockMessage
                        | CheckId::UndefinedLink
                ),
            "{finding:?}"
        );
    }
    let publisher = folio::Publisher::new(project, folio::SiteOptions::default());
    let en: folio::Tag = "en-US".parse().expect("a valid tag");
    for format in Format::ALL {
        let _ = publisher.page("post", &en, format, &folio::RenderOptions::default());
    }
});
