//! Starting a project (`folio init`): `folio.toml` with every key commented out at its default,
//! an example article, and the reference locale's page chrome (`site.ftl`) — created as new
//! files, all of them or none, never over a file that is there.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::locale::Tag;

use crate::article::Date;
use crate::config::commented;
use crate::error::{Error, Result};
use crate::fs::create_all;
use crate::project::{CONFIG_FILE, DEFAULT_REFERENCE, embedded_locale_file, is_project};

/// The slug of the example article `folio init` writes.
pub const EXAMPLE_SLUG: &str = "welcome";

/// The page chrome (`site-byline`, …), as this repository's reference locale has it.
const SITE_FTL: &str = "site.ftl";

/// The example article's structure; `{published}` is its date.
const EXAMPLE_CONTENT: &str = r#"# The structure of the example article "Welcome to Folio".
# Its text lives in locales/<tag>/welcome.ftl; every block below names the
# Fluent message (or `message.attribute`) that fills it, in reading order.
# Replace it with your own article, or delete both files.

slug = "welcome"
title = "welcome-title"
# A sentence or two for search results and link previews.
description = "welcome-description"
published = {published}

[[blocks]]
type = "heading"
level = 1
message = "welcome-title"

# "Published on …" and "Reading time: …", from site.ftl.
[[blocks]]
type = "byline"

[[blocks]]
type = "paragraph"
message = "welcome-intro"

[[blocks]]
type = "heading"
level = 2
message = "welcome-next-heading"

[[blocks]]
type = "paragraph"
message = "welcome-next"

# An image names its file (under content/, published beside the pages) and the
# message attribute that holds its alternative text, for example:
#
# [[blocks]]
# type = "image"
# src = "images/welcome/photo.jpg"
# alt = "welcome-photo.alt"

# "Available in N languages" and a link to each, from site.ftl.
[[blocks]]
type = "languages"
"#;

/// The example article's text, with its translator comments.
const EXAMPLE_FTL: &str = r#"### Article: "Welcome to Folio"
###
### The example article of a new Folio project: a short, friendly note on how
### the project keeps one article in many languages. Address the reader as
### "you", in the register your readers expect from a product's help pages.
###
### Every paragraph is its own message; the page's structure (which message
### fills which heading or paragraph) is in content/welcome.toml.

## Terms

# The tool's name: a brand, written the same in every language unless your
# readers know it by another name.
-folio = Folio

## Title and summary

# The article's title, also used for the browser tab and in listings.
welcome-title = Welcome to { -folio }

# A sentence or two for search results and link previews; it is not shown
# on the page.
welcome-description = An example article: how a { -folio } project keeps one text in many languages.

## Body
## One message per paragraph or heading, in reading order.

welcome-intro = This article is kept in two parts: its structure, which says what goes where on the page, and its text, one file per language. Translators change only the text, and every language shares the same structure.

# A heading above the last paragraph.
welcome-next-heading = What comes next

# "locales/" is a folder name: keep it as it is.
welcome-next = Add a language, translate its file in locales/, and check the translations before you publish them. Any sentence not yet translated is shown in the original language until it is.
"#;

/// What `folio init` writes.
#[derive(Clone, Debug)]
pub struct InitOptions {
    /// The reference locale: `folio.toml` names it, and its folder gets the files.
    pub reference: Tag,
    /// The example article's publication date.
    pub published: Date,
}

impl InitOptions {
    /// Options for a project whose reference is `reference`, with an article published
    /// today (in UTC).
    pub fn new(reference: Tag) -> InitOptions {
        InitOptions {
            reference,
            published: today(),
        }
    }
}

/// A project to create: each file's path from the project's folder, and its bytes.
#[derive(Clone, Debug)]
pub struct NewProject {
    /// The files, in the order they are listed to the user.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The files written in English for a reference locale that is not [`DEFAULT_REFERENCE`]:
    /// they are there to be translated.
    pub in_english: Vec<PathBuf>,
}

/// The files of a new project: `folio.toml`, the example article's content file, and in
/// the reference locale's folder `site.ftl` (the repository's own, byte for byte) and the
/// article's messages. Nothing is written here; [`create_project`] writes them.
///
/// # Example
/// ```
/// use folio::edit::{InitOptions, plan_init};
///
/// let project = plan_init(&InitOptions::new(folio::parse_tag("en-US")?));
/// let paths: Vec<_> = project.files.iter().map(|(path, _)| path.to_str().unwrap()).collect();
/// assert_eq!(
///     paths,
///     ["folio.toml", "content/welcome.toml", "locales/en-US/site.ftl", "locales/en-US/welcome.ftl"]
/// );
/// assert!(project.in_english.is_empty());
/// # Ok::<(), folio::Error>(())
/// ```
pub fn plan_init(options: &InitOptions) -> NewProject {
    let tag = options.reference.to_string();
    let locale = Path::new("locales").join(&tag);
    let site = embedded_locale_file(&format!("{DEFAULT_REFERENCE}/{SITE_FTL}"))
        .expect("the repository's reference locale has site.ftl, compiled into Folio");
    let content = EXAMPLE_CONTENT.replace("{published}", &options.published.to_string());
    let files = vec![
        (PathBuf::from(CONFIG_FILE), commented(&tag).into_bytes()),
        (
            Path::new("content").join(format!("{EXAMPLE_SLUG}.toml")),
            content.into_bytes(),
        ),
        (locale.join(SITE_FTL), site.to_vec()),
        (
            locale.join(format!("{EXAMPLE_SLUG}.ftl")),
            EXAMPLE_FTL.as_bytes().to_vec(),
        ),
    ];
    let in_english = if tag == DEFAULT_REFERENCE {
        Vec::new()
    } else {
        files[2..].iter().map(|(path, _)| path.clone()).collect()
    };
    NewProject { files, in_english }
}

/// Creates `project` in the folder `dir` (made when missing). A folder that holds other
/// files is fine, as long as none is in the way.
///
/// Returns the paths written, under `dir`.
///
/// # Errors
/// [`Error::Usage`] when `dir` is a Folio project already (it has `folio.toml` or a
/// `locales/` folder) or is not a folder; [`Error::Exists`] naming every file in the way;
/// [`Error::Io`] when a file cannot be written. In each case nothing is written.
pub fn create_project(project: &NewProject, dir: &Path) -> Result<Vec<PathBuf>> {
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::Usage {
                message: format!("`{}` is not a folder", dir.display()),
                help: "name a folder for the project (it is created when missing)".into(),
            });
        }
        Ok(_) if is_project(dir) => {
            let has = if dir.join(CONFIG_FILE).is_file() {
                format!("`{CONFIG_FILE}`")
            } else {
                "a `locales/` folder".to_string()
            };
            return Err(Error::Usage {
                message: format!(
                    "`{}` is a Folio project already (it has {has}); nothing was written",
                    dir.display()
                ),
                help: "work on it with `folio check` and `folio new TAG`, or name another folder"
                    .into(),
            });
        }
        Ok(_) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
    }
    let paths: Vec<PathBuf> = project
        .files
        .iter()
        .map(|(path, _)| dir.join(path))
        .collect();
    let taken = in_the_way(dir, project);
    if !taken.is_empty() {
        let them = if taken.len() == 1 { "it" } else { "them" };
        return Err(Error::Exists {
            paths: taken,
            help: format!(
                "move {them} aside or name another folder; folio init never overwrites a file"
            ),
        });
    }
    let files: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(&project.files)
        .map(|(path, (_, bytes))| (path.as_path(), bytes.as_slice()))
        .collect();
    create_all(&files)?;
    Ok(paths)
}

/// The paths under `dir` that stop `project` being written: a file (or a link, even a broken
/// one) where a file is to go, and anything but a folder where a folder is to go.
fn in_the_way(dir: &Path, project: &NewProject) -> Vec<PathBuf> {
    let mut taken = Vec::new();
    for (rel, _) in &project.files {
        let folders = rel
            .ancestors()
            .skip(1)
            .filter(|a| !a.as_os_str().is_empty());
        for folder in folders.collect::<Vec<_>>().into_iter().rev() {
            let path = dir.join(folder);
            let not_a_folder = std::fs::metadata(&path).is_ok_and(|m| !m.is_dir());
            if not_a_folder && !taken.contains(&path) {
                taken.push(path);
            }
        }
        let path = dir.join(rel);
        if std::fs::symlink_metadata(&path).is_ok() && !taken.contains(&path) {
            taken.push(path);
        }
    }
    taken
}

/// Today's date in UTC.
pub(crate) fn today() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // 0 is March
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u8::try_from(month).expect("a month is 1 to 12"),
        day: u8::try_from(day).expect("a day is 1 to 31"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn tag(text: &str) -> Tag {
        crate::locale::parse_tag(text).unwrap()
    }

    fn options(reference: &str) -> InitOptions {
        InitOptions {
            reference: tag(reference),
            published: civil_from_days(19_796),
        }
    }

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(19_796).to_string(), "2024-03-14");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
        assert_eq!(civil_from_days(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn the_example_article_is_valid_and_site_ftl_is_the_repository_s() {
        let project = plan_init(&options("en-US"));
        let (path, bytes) = &project.files[1];
        let text = String::from_utf8(bytes.clone()).unwrap();
        let article = Article::parse("content/welcome.toml", path, text).unwrap();
        assert_eq!(article.slug, EXAMPLE_SLUG);
        assert_eq!(article.published.unwrap().to_string(), "2024-03-14");
        let (_, site) = &project.files[2];
        let repository =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-US/site.ftl"))
                .unwrap();
        assert_eq!(site, &repository);
    }

    #[test]
    fn another_reference_gets_the_english_files_to_translate() {
        let project = plan_init(&options("pt-br"));
        let paths: Vec<_> = project.files.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(paths[2], Path::new("locales/pt-BR/site.ftl"));
        assert_eq!(project.in_english, paths[2..]);
        let config = String::from_utf8(project.files[0].1.clone()).unwrap();
        assert!(config.contains("\nreference = \"pt-BR\"\n"), "{config}");
    }

    #[test]
    fn refuses_a_project_and_anything_in_the_way() {
        let project = plan_init(&options("en-US"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        std::fs::write(dir.path().join("content"), "a file, not a folder").unwrap();
        let err = create_project(&project, dir.path()).unwrap_err();
        let Error::Exists { paths, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(paths, &[dir.path().join("content")]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);

        std::fs::remove_file(dir.path().join("content")).unwrap();
        let written = create_project(&project, dir.path()).unwrap();
        assert_eq!(written.len(), 4);
        let err = create_project(&project, dir.path())
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a Folio project already"), "{err}");
    }
}
