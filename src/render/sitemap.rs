//! The sitemap (sitemaps.org) of a published site: every page with an `xhtml:link` alternate
//! for each of its languages; past 50,000 URLs or 50 MB, a sitemap index of files within
//! those limits, as search engines read them.

use std::collections::BTreeMap;

use crate::article::Article;
use crate::project::Project;
use crate::render::Links;

/// Whether the page of an article in a locale is published (not withheld).
pub type Written<'a> = &'a dyn Fn(&str, &Article) -> bool;

/// The most URLs, and bytes, one sitemap file may hold (sitemaps.org, as search engines read
/// it).
const SITEMAP_URLS: usize = 50_000;
const SITEMAP_BYTES: usize = 50 * 1000 * 1000;

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap files, each (path, text): `sitemap.xml` with every page and an `xhtml:link`
/// alternate for each of its languages; or, when that is more than one file may hold, files
/// `sitemap-1.xml`, `sitemap-2.xml`, … of at most [`SITEMAP_URLS`] URLs and [`SITEMAP_BYTES`]
/// bytes (a single URL larger than that still gets a file of its own), and `sitemap.xml`
/// their index.
pub fn sitemaps(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let _ = each_sitemap(
        project,
        locales,
        written,
        links,
        (SITEMAP_URLS, SITEMAP_BYTES),
        &mut |name, text| {
            files.push((name, text));
            Ok(())
        },
    );
    files
}

/// [`sitemaps`], each file given to `emit` as soon as it is complete (the index last), so
/// that a site's sitemap is held a file at a time; the first error of `emit` stops it.
///
/// # Errors
/// `emit`'s.
pub fn write_sitemaps(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
    emit: &mut dyn FnMut(String, String) -> crate::Result<()>,
) -> crate::Result<()> {
    each_sitemap(
        project,
        locales,
        written,
        links,
        (SITEMAP_URLS, SITEMAP_BYTES),
        emit,
    )
}

/// [`write_sitemaps`], with files of at most `limits` (URLs, bytes).
fn each_sitemap(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
    (max_urls, max_bytes): (usize, usize),
    emit: &mut dyn FnMut(String, String) -> crate::Result<()>,
) -> crate::Result<()> {
    use html_escape::encode_text as xml;
    use std::fmt::Write as _;
    let reference = project.reference().to_string();
    // Only the names of the files already given are kept.
    let mut names: Vec<String> = Vec::new();
    let mut current = String::from(URLSET_START);
    let mut urls = 0;
    let mut entry = String::new();
    for article in project.articles() {
        let alternates: BTreeMap<&str, String> = locales
            .iter()
            .filter(|l| written(l, article))
            .map(|l| (l.as_str(), links.from_root(l, article.slug_in(l))))
            .collect();
        for locale in locales
            .iter()
            .filter(|l| alternates.contains_key(l.as_str()))
        {
            entry.clear();
            entry.push_str("  <url>\n");
            let _ = writeln!(
                entry,
                "    <loc>{}</loc>",
                xml(&alternates[locale.as_str()])
            );
            if let Some(date) = article.published {
                let _ = writeln!(entry, "    <lastmod>{date}</lastmod>");
            }
            let x_default = alternates
                .get(reference.as_str())
                .map(|href| ("x-default", href));
            for (hreflang, href) in alternates.iter().map(|(l, h)| (*l, h)).chain(x_default) {
                let _ = writeln!(
                    entry,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
                    xml(href)
                );
            }
            entry.push_str("  </url>\n");
            let full =
                urls == max_urls || current.len() + entry.len() + URLSET_END.len() > max_bytes;
            if full && urls > 0 {
                current.push_str(URLSET_END);
                let name = format!("sitemap-{}.xml", names.len() + 1);
                emit(
                    name.clone(),
                    std::mem::replace(&mut current, String::from(URLSET_START)),
                )?;
                names.push(name);
                urls = 0;
            }
            current.push_str(&entry);
            urls += 1;
        }
    }
    current.push_str(URLSET_END);
    if names.is_empty() {
        return emit("sitemap.xml".to_string(), current);
    }
    let name = format!("sitemap-{}.xml", names.len() + 1);
    emit(name.clone(), current)?;
    names.push(name);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for name in &names {
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml(&links
                .base_url()
                .map_or_else(|| name.clone(), |b| format!("{b}/{name}")))
        );
    }
    index.push_str("</sitemapindex>\n");
    emit("sitemap.xml".to_string(), index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locs(doc: &roxmltree::Document<'_>, tag: &str) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag))
            .filter_map(|n| n.children().find(|c| c.has_tag_name("loc")))
            .map(|loc| loc.text().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_sitemap_past_its_limits_becomes_an_index_of_files_within_them() {
        let project = Project::embedded();
        let locales: Vec<String> = project
            .catalog()
            .locales()
            .iter()
            .map(|l| l.name.clone())
            .collect();
        let links = Links::new(Some("https://example.com"));
        let whole = sitemaps(&project, &locales, &|_, _| true, &links);
        assert_eq!(whole.len(), 1);
        let doc = roxmltree::Document::parse(&whole[0].1).unwrap();
        let all = locs(&doc, "url");
        assert_eq!(all.len(), locales.len());

        let entry = whole[0].1.len() / locales.len();
        for (max_urls, max_bytes) in [(5, SITEMAP_BYTES), (SITEMAP_URLS, 3 * entry)] {
            let mut files = Vec::new();
            each_sitemap(
                &project,
                &locales,
                &|_, _| true,
                &links,
                (max_urls, max_bytes),
                &mut |name, text| {
                    files.push((name, text));
                    Ok(())
                },
            )
            .unwrap();
            let (index_name, index) = files.last().unwrap();
            assert_eq!(index_name, "sitemap.xml");
            let index = roxmltree::Document::parse(index).unwrap();
            assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
            let listed = locs(&index, "sitemap");
            assert_eq!(listed.len(), files.len() - 1);
            let mut seen = Vec::new();
            for ((name, text), href) in files.iter().zip(&listed) {
                assert_eq!(href, &format!("https://example.com/{name}"));
                assert!(text.len() <= max_bytes, "{name}: {} bytes", text.len());
                let doc = roxmltree::Document::parse(text).unwrap();
                let urls = locs(&doc, "url");
                assert!(!urls.is_empty() && urls.len() <= max_urls, "{name}");
                seen.extend(urls);
            }
            assert_eq!(seen, all, "every page once, in order");
        }
    }
}
