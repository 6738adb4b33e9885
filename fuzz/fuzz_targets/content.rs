//! A content file (`content/a.toml`, any bytes) in a project with the seed article's English:
//! no panic when the project opens, is checked, or renders in every format.
#![no_main]

#[path = "common.rs"]
mod common;

use folio::{CheckOptions, Format, Project, PublishOptions, RenderOptions, check, publish};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = include_str!("../../locales/en-US/smp-removal.ftl");
const SITE: &str = include_str!("../../locales/en-US/site.ftl");

fuzz_target!(|data: &[u8]| {
    let root = common::scratch();
    let locales = root.join("locales/en-US");
    if !locales.is_dir() {
        std::fs::create_dir_all(&locales).expect("a folder in the scratch folder");
        std::fs::create_dir_all(root.join("content")).expect("a folder in the scratch folder");
        std::fs::write(locales.join("smp-removal.ftl"), ARTICLE).expect("a scratch file");
        std::fs::write(locales.join("site.ftl"), SITE).expect("a scratch file");
    }
    std::fs::write(root.join("content/a.toml"), data).expect("a scratch file");
    let Ok(project) = Project::open(root) else {
        return;
    };
    let _ = check(&project, &CheckOptions::default());
    let Ok(publication) = publish(project, &PublishOptions::default(), None) else {
        return;
    };
    let publisher = &publication.publisher;
    let en: folio::Tag = "en-US".parse().expect("a valid tag");
    for article in publisher.project().articles() {
        let Ok(rendered) = publisher.render(&article.slug, &en, &RenderOptions::default()) else {
            continue;
        };
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Json] {
            let _ = publisher.write(&rendered, format);
        }
    }
});
