//! The Arabic and Hebrew pages in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) opens the built site, the document runs right to left (but for a
//! message that fell back to English), nothing is logged as an error, and a screenshot of each
//! page is kept under `target/tmp/screenshots/`.
//!
//! Ignored by default so that `cargo test` needs no browser; `.ci/run` runs it with
//! `cargo test --test integration browser -- --ignored`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};

use crate::util::{fixture, repo};

#[test]
#[ignore = "needs chromium"]
fn right_to_left_pages_render_right_to_left_in_chromium() {
    let site = build(repo());
    let chromium = chromium();
    for locale in ["ar", "he"] {
        let (tab, errors) = open(
            &chromium,
            &site.path().join(locale).join("smp-removal.html"),
        );
        let direction = tab
            .evaluate("getComputedStyle(document.documentElement).direction + ' ' + document.dir + ' ' + document.documentElement.lang", false)
            .unwrap()
            .value
            .unwrap();
        assert_eq!(direction, format!("rtl rtl {locale}"));
        // The hero image loaded (a missing file would also be a console error).
        let image = tab
            .evaluate("document.querySelector('figure img').naturalWidth", false)
            .unwrap()
            .value
            .unwrap();
        assert!(
            image.as_u64().unwrap_or(0) > 0,
            "{locale}: the hero image did not load"
        );
        screenshot(&tab, &format!("{locale}-smp-removal.png"));
        let errors = errors.lock().unwrap();
        assert!(errors.is_empty(), "{locale}: console errors: {errors:?}");
    }
}

#[test]
#[ignore = "needs chromium"]
fn the_arabic_list_of_articles_reads_right_to_left_and_its_links_lead_to_the_pages() {
    let site = build(repo());
    let chromium = chromium();
    let (tab, errors) = open(&chromium, &site.path().join("ar/index.html"));
    let direction = tab
        .evaluate(
            "getComputedStyle(document.querySelector('main h1')).direction + ' ' + document.querySelector('main h1').textContent",
            false,
        )
        .unwrap()
        .value
        .unwrap();
    assert_eq!(direction, "rtl مقالات");
    let image = tab
        .evaluate(
            "document.querySelector('main article img').naturalWidth",
            false,
        )
        .unwrap()
        .value
        .unwrap();
    assert!(
        image.as_u64().unwrap_or(0) > 0,
        "the hero image did not load"
    );
    screenshot(&tab, "ar-index.png");
    // The article's link, as the browser resolves it, opens its page.
    let href = tab
        .evaluate("document.querySelector('main article h2 a').href", false)
        .unwrap()
        .value
        .unwrap();
    let href = href.as_str().unwrap();
    assert!(href.ends_with("/ar/smp-removal.html"), "{href}");
    tab.navigate_to(href)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    let title = tab
        .evaluate("document.querySelector('h1').textContent", false)
        .unwrap()
        .value
        .unwrap();
    assert!(title.as_str().unwrap().contains("الصبغ المجهري"), "{title}");
    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

#[test]
#[ignore = "needs chromium"]
fn an_english_fallback_reads_left_to_right_in_the_arabic_article_in_chromium() {
    let site = build(fixture("clinic"));
    let chromium = chromium();
    let (tab, errors) = open(&chromium, &site.path().join("ar/smp-aftercare.html"));
    // Every block box of the article: its tag, its direction, the start of its text.
    let blocks = tab
        .evaluate(
            r"JSON.stringify(Array.from(document.querySelectorAll('article *'))
                .filter(e => !getComputedStyle(e).display.startsWith('inline'))
                .map(e => [e.tagName.toLowerCase(), getComputedStyle(e).direction,
                           e.textContent.trim().slice(0, 40)]))",
            false,
        )
        .unwrap()
        .value
        .unwrap();
    let blocks: Vec<(String, String, String)> =
        serde_json::from_str(blocks.as_str().unwrap()).unwrap();
    assert!(blocks.len() > 60, "{blocks:?}");
    // Arabic runs right to left; the English fallback and the verbatim checklist left to right.
    let wrong: Vec<_> = blocks
        .iter()
        .filter(|(tag, direction, text)| {
            let ltr = text.starts_with("Itching") || tag == "pre";
            direction != if ltr { "ltr" } else { "rtl" }
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:?}");
    for (tag, start) in [("p", "Itching"), ("pre", "HART SCALP CLINIC")] {
        assert!(
            blocks.iter().any(|b| b.0 == tag && b.2.starts_with(start)),
            "{blocks:?}"
        );
    }
    // Both images loaded (a missing file would also be a console error).
    let images = tab
        .evaluate(
            "Array.from(document.images).filter(i => i.naturalWidth > 0).length",
            false,
        )
        .unwrap()
        .value
        .unwrap();
    assert_eq!(images.as_u64(), Some(2));
    for (name, css) in [
        ("fallback", "article p[lang]"),
        ("checklist", "article pre"),
    ] {
        let scroll = format!("document.querySelector('{css}').scrollIntoView()");
        tab.evaluate(&scroll, false).unwrap();
        screenshot(&tab, &format!("ar-smp-aftercare-{name}.png"));
    }
    let errors = errors.lock().unwrap();
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// The site `folio build` writes for the project at `root`, in a temporary folder.
fn build(root: PathBuf) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let project = folio::Project::open(root).unwrap();
    let published = folio::publish(project, &folio::PublishOptions::default(), None).unwrap();
    let options = folio::BuildOptions {
        out: site.path().to_path_buf(),
        ..Default::default()
    };
    folio::build(&published, &options, &|_, _| {}).unwrap();
    site
}

/// Headless Chromium, and its profile's folder (removed after the browser stops).
struct Chromium {
    browser: Browser,
    _profile: tempfile::TempDir,
}

/// Starts headless Chromium (`FOLIO_CHROMIUM`, else Debian's).
fn chromium() -> Chromium {
    let chromium = std::env::var_os("FOLIO_CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into());
    let profile = tempfile::tempdir().unwrap();
    // The flags keep Chromium off the network, which this machine does not reach.
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let browser = Browser::new(LaunchOptions {
        headless: true,
        sandbox: false,
        path: Some(chromium.into()),
        user_data_dir: Some(profile.path().to_path_buf()),
        window_size: Some((1000, 1400)),
        args,
        idle_browser_timeout: Duration::from_secs(60),
        ..LaunchOptions::default()
    })
    .expect("start chromium (install Debian's `chromium` package, or set FOLIO_CHROMIUM)");
    Chromium {
        browser,
        _profile: profile,
    }
}

/// The page at `path` in a new tab, with the errors it logs.
fn open(chromium: &Chromium, path: &Path) -> (Arc<Tab>, Arc<Mutex<Vec<String>>>) {
    let tab = chromium.browser.new_tab().unwrap();
    let errors: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&errors);
    tab.enable_log().unwrap();
    tab.enable_runtime().unwrap();
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let error = match event {
            Event::LogEntryAdded(entry) => {
                let entry = &entry.params.entry;
                format!("{:?}", entry.level)
                    .contains("Error")
                    .then(|| entry.text.clone())
            }
            Event::RuntimeExceptionThrown(thrown) => {
                Some(thrown.params.exception_details.text.clone())
            }
            Event::RuntimeConsoleAPICalled(call) => format!("{:?}", call.params.Type)
                .contains("Error")
                .then(|| format!("{:?}", call.params.args)),
            _ => None,
        };
        if let Some(error) = error {
            sink.lock().unwrap().push(error);
        }
    }))
    .unwrap();
    tab.navigate_to(&format!("file://{}", path.display()))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    (tab, errors)
}

/// Keeps a screenshot of `tab` under `target/tmp/screenshots/`.
fn screenshot(tab: &Tab, name: &str) {
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&screenshots).unwrap();
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    std::fs::write(screenshots.join(name), png).unwrap();
}
