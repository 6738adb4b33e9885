//! The repository's own project passes its own checks.

use folio::{CheckOptions, Project, check};

use crate::util::{folio, repo};

#[test]
fn the_repository_has_no_finding() {
    let project = Project::open(repo()).unwrap();
    let report = check(&project, &CheckOptions::default()).unwrap();
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(found, Vec::<String>::new());
    assert!(
        report
            .locales
            .iter()
            .all(|l| l.missing == 0 && l.obsolete == 0)
    );
    folio().arg("check").assert().success();
}

#[test]
fn the_embedded_copy_is_the_repository() {
    let disk = Project::open(repo()).unwrap();
    let embedded = Project::embedded();
    let files = |p: &Project| -> Vec<(String, String)> {
        p.catalog()
            .locales()
            .iter()
            .flat_map(|l| {
                l.files
                    .iter()
                    .map(|f| (f.path.clone(), f.parse().source().to_string()))
            })
            .collect()
    };
    assert_eq!(files(&disk), files(&embedded));
    let slugs = |p: &Project| {
        p.articles()
            .iter()
            .map(|a| a.slug.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(slugs(&disk), slugs(&embedded));
}

#[test]
fn the_article_is_published_in_fourteen_languages() {
    let project = Project::open(repo()).unwrap();
    let locales: Vec<&str> = project
        .catalog()
        .locales()
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        locales,
        [
            "ar", "de", "en-US", "es", "fr", "he", "it", "ja", "ko", "pl", "pt-BR", "tr", "uk",
            "zh-CN"
        ]
    );
}
