//! The sitemap (sitemaps.org) of a published site: every page with an `xhtml:link` alternate
//! for each of its languages; past 50,000 URLs or 50 MB, a sitemap index of files within
//! those limits, as search engines read them.

use std::collections::BTreeMap;
use std::ops::ControlFlow;

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
    Sitemap {
        project,
        locales,
        written,
        links,
    }
    .in_memory((SITEMAP_URLS, SITEMAP_BYTES))
}

/// How [`write_sitemaps`] gives a file: its name, and a function that writes it (as often as
/// it is called).
pub type EmitSitemap<'e> = dyn FnMut(&str, &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> crate::Result<()>
    + 'e;

/// [`sitemaps`], each file given to `emit` to write where it belongs (the index last), so
/// that no file is held in memory: a site's sitemap is written as it is made. The first error
/// of `emit` stops it.
///
/// # Errors
/// `emit`'s.
pub fn write_sitemaps(
    project: &Project,
    locales: &[String],
    written: Written<'_>,
    links: &Links,
    emit: &mut EmitSitemap<'_>,
) -> crate::Result<()> {
    let sitemap = Sitemap {
        project,
        locales,
        written,
        links,
    };
    let files = sitemap.plan((SITEMAP_URLS, SITEMAP_BYTES));
    if let [_] = files[..] {
        return emit("sitemap.xml", &|out| sitemap.write_file(0, usize::MAX, out));
    }
    let mut start = 0;
    for (i, &urls) in files.iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        emit(&name, &|out| sitemap.write_file(start, urls, out))?;
        start += urls;
    }
    let index = sitemap.index(files.len());
    emit("sitemap.xml", &|out| out.write_all(index.as_bytes()))
}

/// A site's pages, as its sitemap lists them.
struct Sitemap<'a> {
    project: &'a Project,
    locales: &'a [String],
    written: Written<'a>,
    links: &'a Links,
}

impl Sitemap<'_> {
    /// Gives `each` the `<url>` element of every page, in order, until it breaks.
    fn each_url(&self, each: &mut dyn FnMut(&str) -> ControlFlow<()>) {
        use html_escape::encode_text as xml;
        use std::fmt::Write as _;
        let reference = self.project.reference().to_string();
        let mut entry = String::new();
        for article in self.project.articles() {
            let alternates: BTreeMap<&str, String> = self
                .locales
                .iter()
                .filter(|l| (self.written)(l, article))
                .map(|l| (l.as_str(), self.links.from_root(l, article.slug_in(l))))
                .collect();
            for locale in self
                .locales
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
                if each(&entry).is_break() {
                    return;
                }
            }
        }
    }

    /// How many URLs each file holds, within `limits` (URLs, bytes); one file at least.
    fn plan(&self, (max_urls, max_bytes): (usize, usize)) -> Vec<usize> {
        let mut files = Vec::new();
        let (mut urls, mut bytes) = (0, URLSET_START.len());
        self.each_url(&mut |entry| {
            let full = urls == max_urls || bytes + entry.len() + URLSET_END.len() > max_bytes;
            if full && urls > 0 {
                files.push(urls);
                (urls, bytes) = (0, URLSET_START.len());
            }
            urls += 1;
            bytes += entry.len();
            ControlFlow::Continue(())
        });
        files.push(urls);
        files
    }

    /// Writes the sitemap file of the `count` URLs from the `start`-th.
    fn write_file(
        &self,
        start: usize,
        count: usize,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        out.write_all(URLSET_START.as_bytes())?;
        let mut result = Ok(());
        let mut seen = 0;
        self.each_url(&mut |entry| {
            seen += 1;
            if seen <= start {
                return ControlFlow::Continue(());
            }
            if seen > start.saturating_add(count) {
                return ControlFlow::Break(());
            }
            result = out.write_all(entry.as_bytes());
            if result.is_err() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        result?;
        out.write_all(URLSET_END.as_bytes())
    }

    /// The sitemap index of `files` files.
    fn index(&self, files: usize) -> String {
        use html_escape::encode_text as xml;
        use std::fmt::Write as _;
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for i in 1..=files {
            let name = format!("sitemap-{i}.xml");
            let _ = writeln!(
                index,
                "  <sitemap><loc>{}</loc></sitemap>",
                xml(&self
                    .links
                    .base_url()
                    .map_or_else(|| name.clone(), |b| format!("{b}/{name}")))
            );
        }
        index.push_str("</sitemapindex>\n");
        index
    }

    /// The files within `limits`, made in memory.
    fn in_memory(&self, limits: (usize, usize)) -> Vec<(String, String)> {
        let text = |start, count| {
            let mut bytes = Vec::new();
            let _ = self.write_file(start, count, &mut bytes);
            String::from_utf8(bytes).expect("the sitemap is UTF-8")
        };
        let files = self.plan(limits);
        if let [urls] = files[..] {
            return vec![("sitemap.xml".to_string(), text(0, urls))];
        }
        let mut named = Vec::with_capacity(files.len() + 1);
        let mut start = 0;
        for (i, &urls) in files.iter().enumerate() {
            named.push((format!("sitemap-{}.xml", i + 1), text(start, urls)));
            start += urls;
        }
        named.push(("sitemap.xml".to_string(), self.index(files.len())));
        named
    }
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
            let files = Sitemap {
                project: &project,
                locales: &locales,
                written: &|_, _| true,
                links: &links,
            }
            .in_memory((max_urls, max_bytes));
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

    #[test]
    fn written_as_it_is_made_it_is_the_same_sitemap() {
        let project = Project::embedded();
        let locales = vec!["de".to_string(), "en-US".to_string(), "ar".to_string()];
        let links = Links::new(None);
        let mut written = Vec::new();
        write_sitemaps(
            &project,
            &locales,
            &|_, _| true,
            &links,
            &mut |name, write| {
                let mut bytes = Vec::new();
                write(&mut bytes).unwrap();
                written.push((name.to_string(), String::from_utf8(bytes).unwrap()));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, sitemaps(&project, &locales, &|_, _| true, &links));
        assert_eq!(written[0].1.matches("<url>").count(), 3);
    }
}
