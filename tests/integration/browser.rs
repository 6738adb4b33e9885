//! The Arabic and Hebrew pages in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) opens the built site, the document runs right to left, nothing is
//! logged as an error, and a screenshot of each page is kept under `target/tmp/screenshots/`.
//!
//! Ignored by default so that `cargo test` needs no browser; `.ci/run` runs it with
//! `cargo test --test integration browser -- --ignored`.

use std::ffi::OsStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions};

use crate::util::repo;

#[test]
#[ignore = "needs chromium"]
fn right_to_left_pages_render_right_to_left_in_chromium() {
    let site = tempfile::tempdir().unwrap();
    let project = folio::Project::open(repo()).unwrap();
    let published = folio::publish(project, &folio::PublishOptions::default(), None).unwrap();
    let options = folio::BuildOptions {
        out: site.path().to_path_buf(),
        ..Default::default()
    };
    folio::build(&published, &options, &|_, _| {}).unwrap();

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
    let screenshots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&screenshots).unwrap();

    for locale in ["ar", "he"] {
        let tab = browser.new_tab().unwrap();
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
        let page = site.path().join(locale).join("smp-removal.html");
        tab.navigate_to(&format!("file://{}", page.display()))
            .unwrap()
            .wait_until_navigated()
            .unwrap();
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
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .unwrap();
        std::fs::write(screenshots.join(format!("{locale}-smp-removal.png")), png).unwrap();
        let errors = errors.lock().unwrap();
        assert!(errors.is_empty(), "{locale}: console errors: {errors:?}");
    }
}
