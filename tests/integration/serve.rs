//! `folio serve` over real HTTP: every route, status and header, reload, and shutdown.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

use folio::ProjectLocation as Source;
use folio::serve::{Limits, ServeOptions};

use crate::util::{Server, copy_tree, fixture, repo};

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn body(response: ureq::http::Response<ureq::Body>) -> String {
    response.into_body().read_to_string().unwrap()
}

/// Sends `request` as raw bytes and returns the status line.
fn raw_status(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

fn project_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for part in ["locales", "content"] {
        copy_tree(&repo().join(part), &dir.path().join(part));
    }
    let path = dir.path().to_path_buf();
    (dir, path)
}

/// Whether `/healthz` says the last reload failed, naming `needle`.
fn degraded_because(server: &Server, needle: &str) -> bool {
    let health: serde_json::Value =
        serde_json::from_str(&body(server.get("/healthz", &[]))).unwrap();
    health["status"] == "degraded"
        && health["reload_errors"][0]
            .as_str()
            .is_some_and(|e| e.contains(needle))
}

/// Whether `/healthz` says the server is `ok`.
fn healthy(server: &Server) -> bool {
    let health: serde_json::Value =
        serde_json::from_str(&body(server.get("/healthz", &[]))).unwrap();
    health["status"] == "ok"
}

/// Waits until `condition` holds (a reload happens in the background).
fn eventually(mut condition: impl FnMut() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the condition did not hold within 5 seconds");
}

#[test]
fn pages_in_every_format_with_their_headers() {
    let server = Server::start(Source::Folder(repo()));
    let page = server.get("/de/smp-removal", &[]);
    assert_eq!(page.status(), 200);
    assert_eq!(header(&page, "content-type"), "text/html; charset=utf-8");
    assert_eq!(header(&page, "content-language"), "de");
    assert_eq!(header(&page, "cache-control"), "public, max-age=300");
    let etag = header(&page, "etag");
    assert!(etag.starts_with('"') && etag.len() > 4, "{etag}");
    let html = body(page);
    assert!(html.contains("<html lang=\"de\" dir=\"ltr\">"));
    assert!(html.contains(r#"<link rel="alternate" hreflang="ar" href="../ar/smp-removal.html">"#));

    for (extension, content_type, starts) in [
        ("txt", "text/plain; charset=utf-8", "Lässt sich"),
        ("md", "text/markdown; charset=utf-8", "# Lässt sich"),
        ("json", "application/json; charset=utf-8", "{"),
    ] {
        let response = server.get(&format!("/de/smp-removal.{extension}"), &[]);
        assert_eq!(response.status(), 200);
        assert_eq!(header(&response, "content-type"), content_type);
        assert!(body(response).starts_with(starts), "{extension}");
    }

    // The client's copy is current: 304 with the same ETag and no body.
    let again = server.get("/de/smp-removal", &[("If-None-Match", etag.as_str())]);
    assert_eq!(again.status(), 304);
    assert_eq!(header(&again, "etag"), etag);
    let weak = format!("\"other\", W/{etag}");
    assert_eq!(
        server
            .get("/de/smp-removal", &[("If-None-Match", weak.as_str())])
            .status(),
        304
    );
    assert_eq!(
        server
            .get("/de/smp-removal", &[("If-None-Match", "\"stale\"")])
            .status(),
        200
    );

    // A locale the project lacks but can fall back for.
    let austrian = server.get("/de-AT/smp-removal", &[]);
    assert_eq!(austrian.status(), 200);
    assert_eq!(header(&austrian, "content-language"), "de");
    let rtl = body(server.get("/ar/smp-removal", &[]));
    assert!(rtl.contains("<html lang=\"ar\" dir=\"rtl\">"));

    let image = server.get("/images/smp-removal/hero.svg", &[]);
    assert_eq!(image.status(), 200);
    assert_eq!(header(&image, "content-type"), "image/svg+xml");
    server.stop();
}

#[test]
fn the_bare_slug_redirects_to_the_readers_language() {
    let server = Server::start(Source::Folder(repo()));
    for (accept, expected) in [
        (Some("de-AT, fr;q=0.5"), "/de/smp-removal"),
        (Some("fr;q=0.4, pl;q=0.9"), "/pl/smp-removal"),
        (Some("pl;q=0, *"), "/en-US/smp-removal"),
        (Some("en;q=0, *;q=0.5"), "/ar/smp-removal"),
        (Some("sw, xh"), "/en-US/smp-removal"),
        (Some("pt"), "/pt-BR/smp-removal"),
        // Traditional Chinese readers are not sent the Simplified text; `iw` is Hebrew.
        (Some("zh-TW"), "/en-US/smp-removal"),
        (Some("zh-HK, ja;q=0.5"), "/ja/smp-removal"),
        (Some("zh-Hant"), "/en-US/smp-removal"),
        (Some("zh-SG"), "/zh-CN/smp-removal"),
        (Some("zh"), "/zh-CN/smp-removal"),
        (Some("iw-IL"), "/he/smp-removal"),
        (None, "/en-US/smp-removal"),
    ] {
        let headers: Vec<(&str, &str)> =
            accept.map(|a| ("Accept-Language", a)).into_iter().collect();
        let response = server.get("/smp-removal", &headers);
        assert_eq!(response.status(), 302, "{accept:?}");
        assert_eq!(header(&response, "location"), expected, "{accept:?}");
        assert_eq!(header(&response, "vary"), "Accept-Language");
    }
    server.stop();
}

#[test]
fn articles_health_and_not_found() {
    let server = Server::start(Source::BuiltIn);
    let articles: serde_json::Value =
        serde_json::from_str(&body(server.get("/api/articles", &[]))).unwrap();
    let article = &articles["articles"][0];
    assert_eq!(article["slug"], "smp-removal");
    assert_eq!(article["reference"], "en-US");
    assert_eq!(
        article["titles"]["ja"],
        "頭皮アートメイク（SMP）は除去できる？"
    );
    assert_eq!(article["locales"].as_array().unwrap().len(), 14);
    assert_eq!(article["locales"][1]["coverage"], 100.0);

    let health = server.get("/healthz", &[]);
    assert_eq!(health.status(), 200);
    let health: serde_json::Value = serde_json::from_str(&body(health)).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["version"].as_str().unwrap().len(), 16);

    for path in [
        "/no-such-article",
        "/de/no-such-article",
        "/de/smp-removal.pdf",
        "/not_a_tag/smp-removal",
        "/a/b/c",
        "/images/../Cargo.toml",
        "/..%2f..%2fCargo.toml",
        "/images/%2e%2e/%2e%2e/Cargo.toml",
    ] {
        assert_eq!(server.get(path, &[]).status(), 404, "{path}");
    }
    server.stop();
}

#[test]
fn malformed_requests_get_4xx_never_5xx_and_never_a_file_outside() {
    let server = Server::start(Source::Folder(repo()));
    let addr = server.addr;
    assert_eq!(
        raw_status(
            addr,
            b"GET /de/%ff%fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        "HTTP/1.1 400 Bad Request"
    );
    assert_eq!(
        raw_status(
            addr,
            b"GET /%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        "HTTP/1.1 400 Bad Request"
    );
    // A `%` without two hex digits after it is malformed too (it was 404).
    for path in [
        "/de/%zz",
        "/%",
        "/images/%g1.png",
        "/de/smp-removal%2",
        "/%zz/smp-removal",
    ] {
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assert_eq!(
            raw_status(addr, request.as_bytes()),
            "HTTP/1.1 400 Bad Request",
            "{path}"
        );
    }
    assert_eq!(
        raw_status(
            addr,
            b"GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        "HTTP/1.1 404 Not Found"
    );
    let big = format!(
        "GET /de/smp-removal HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(
        raw_status(addr, big.as_bytes()),
        "HTTP/1.1 431 Request Header Fields Too Large"
    );
    assert!(raw_status(addr, b"NONSENSE\r\n\r\n").starts_with("HTTP/1.1 400"));
    assert_eq!(
        raw_status(addr, b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n"),
        "HTTP/1.1 400 Bad Request",
        "an HTTP/1.1 request without Host"
    );
    assert_eq!(
        raw_status(addr, b"GET /healthz HTTP/1.0\r\n\r\n"),
        "HTTP/1.0 200 OK",
        "HTTP/1.0 needs no Host"
    );
    server.stop();
}

#[test]
fn a_save_is_served_on_the_next_request_and_a_broken_one_never_takes_the_site_down() {
    let (_dir, root) = project_copy();
    let server = Server::start(Source::Folder(root.clone()));
    let title = |server: &Server| {
        body(server.get("/de/smp-removal.txt", &[]))
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        title(&server),
        "Lässt sich eine Haarpigmentierung wieder entfernen?"
    );
    let file = root.join("locales/de/smp-removal.ftl");
    let original = std::fs::read_to_string(&file).unwrap();

    let edited = original.replace(
        "smp-removal-title = Lässt sich eine Haarpigmentierung wieder entfernen?",
        "smp-removal-title = Kann man eine Haarpigmentierung entfernen?",
    );
    assert_ne!(edited, original);
    std::fs::write(&file, &edited).unwrap();
    eventually(|| title(&server) == "Kann man eine Haarpigmentierung entfernen?");

    // A broken save: the last good version stays, and /healthz says why.
    std::fs::write(
        &file,
        format!("{edited}\nbroken = {{ $x ->\n  [one] a\n}}\n"),
    )
    .unwrap();
    eventually(|| degraded_because(&server, "locales/de/smp-removal.ftl"));
    assert_eq!(title(&server), "Kann man eine Haarpigmentierung entfernen?");
    assert_eq!(server.get("/de/smp-removal", &[]).status(), 200);

    std::fs::write(&file, &original).unwrap();
    eventually(|| healthy(&server));
    assert_eq!(
        title(&server),
        "Lässt sich eine Haarpigmentierung wieder entfernen?"
    );
    server.stop();
}

#[test]
fn a_save_that_once_crashed_the_reload_degrades_the_server_naming_the_file() {
    // A `\u` escape cut short by `é` panicked the reload (and /healthz still said "ok");
    // 3,000 nested placeables overflowed its stack and killed the server.
    let (_dir, root) = project_copy();
    let server = Server::start(Source::Folder(root.clone()));
    let file = root.join("locales/de/smp-removal.ftl");
    let original = std::fs::read_to_string(&file).unwrap();
    let deep = format!("{}\"x\"{}", "{ ".repeat(3_000), " }".repeat(3_000));
    eventually(|| server.get("/healthz", &[]).status() == 200);
    for hostile in ["{ \"\\u006é\" }".to_string(), deep] {
        std::fs::write(&file, format!("{original}hostile = {hostile}\n")).unwrap();
        eventually(|| degraded_because(&server, "locales/de/smp-removal.ftl"));
        assert_eq!(server.get("/de/smp-removal", &[]).status(), 200);
        std::fs::write(&file, &original).unwrap();
        eventually(|| healthy(&server));
    }
    server.stop();
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_never_served() {
    // `build` published what links in `content/` led to; `serve` must refuse them too, and
    // say so where monitoring looks.
    let (_dir, root) = project_copy();
    let server = Server::start(Source::Folder(root.clone()));
    eventually(|| server.get("/healthz", &[]).status() == 200);
    let link = root.join("content/images/passwd.svg");
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    eventually(|| degraded_because(&server, "content/images/passwd.svg"));
    assert_eq!(server.get("/images/passwd.svg", &[]).status(), 404);
    assert_eq!(server.get("/de/smp-removal", &[]).status(), 200);
    std::fs::remove_file(&link).unwrap();
    eventually(|| healthy(&server));
    server.stop();
}

/// Saves as most editors do: a new file beside the old one, renamed over it.
fn save_by_rename(path: &std::path::Path, text: &str) {
    let temporary = path.with_extension("swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

#[test]
fn saves_by_rename_folio_toml_and_the_template_are_watched_too() {
    let (_dir, root) = project_copy();
    let server = Server::start(Source::Folder(root.clone()));
    let html = |server: &Server| body(server.get("/fr/smp-removal", &[]));
    assert!(html(&server).contains(r#"<link rel="canonical" href="../fr/smp-removal.html">"#));

    // folio.toml, created by a rename: links become absolute.
    save_by_rename(
        &root.join("folio.toml"),
        "[site]\nbase-url = \"https://a.example\"\n",
    );
    eventually(|| html(&server).contains(r#"href="https://a.example/fr/smp-removal.html""#));
    // ...and replaced the same way (a watch on the file itself would have lost it).
    save_by_rename(
        &root.join("folio.toml"),
        "[site]\nbase-url = \"https://b.example\"\ntemplate = \"page.html\"\n",
    );
    // The template it names does not exist yet: the last good version stays.
    eventually(|| degraded_because(&server, "page.html"));
    assert!(html(&server).contains("https://a.example/fr/smp-removal.html"));
    // The template appears, then changes: each is served.
    save_by_rename(&root.join("page.html"), "<h1>{{ page.title }}</h1>\n");
    eventually(|| html(&server).starts_with("<h1>"));
    save_by_rename(&root.join("page.html"), "<p>{{ page.url }}</p>\n");
    eventually(|| html(&server) == "<p>https://b.example/fr/smp-removal.html</p>\n");

    // A locale file saved by rename.
    let file = root.join("locales/fr/smp-removal.ftl");
    let original = std::fs::read_to_string(&file).unwrap();
    let title = original
        .lines()
        .find_map(|line| line.strip_prefix("smp-removal-title = "))
        .unwrap()
        .to_string();
    save_by_rename(&file, &original.replace(&title, "Titre enregistré"));
    eventually(|| body(server.get("/fr/smp-removal.txt", &[])).starts_with("Titre enregistré\n"));
    server.stop();
}

#[test]
fn a_project_that_never_loaded_is_503_until_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("clean"), dir.path());
    let content = dir.path().join("content/guide.toml");
    let good = std::fs::read_to_string(&content).unwrap();
    std::fs::write(&content, "slug = \n").unwrap();
    let server = Server::start(Source::Folder(dir.path().to_path_buf()));
    assert_eq!(server.get("/healthz", &[]).status(), 503);
    assert_eq!(server.get("/pl/guide", &[]).status(), 503);
    std::fs::write(&content, good).unwrap();
    eventually(|| server.get("/healthz", &[]).status() == 200);
    assert_eq!(server.get("/pl/guide", &[]).status(), 200);
    server.stop();
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_with_exit_code_0() {
    use std::io::BufRead;
    let outside = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", "--addr", "127.0.0.1:0", "--no-watch"])
        .current_dir(outside.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    // Outside any project, the built-in one is served, and the first line says so.
    assert!(
        line.starts_with("Serving the built-in project on"),
        "{line}"
    );
    let addr: SocketAddr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .parse()
        .unwrap();
    // A request in flight when the signal arrives: its headers are sent, then the signal,
    // then the rest; it is still answered.
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET /de/smp-removal.txt HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    stream.write_all(b"Connection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.contains("Lässt sich"));
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_client_that_does_not_finish_its_headers_is_cut_off() {
    let server = Server::start_with(ServeOptions {
        project: Source::Folder(repo()),
        publish: folio::PublishOptions::default(),
        watch: false,
        limits: Limits {
            header_timeout: Duration::from_millis(300),
            ..Limits::default()
        },
    });
    for request in [&b"GET /healthz HTTP/1.1\r\nHost: x\r\n"[..], b""] {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        stream.write_all(request).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut rest = Vec::new();
        // Closed by the server: the read ends, with nothing, well before its own timeout.
        assert_eq!(stream.read_to_end(&mut rest).unwrap(), 0);
    }
    server.stop();
}

#[test]
fn connections_beyond_the_limit_wait_for_a_free_one() {
    let server = Server::start_with(ServeOptions {
        project: Source::Folder(repo()),
        publish: folio::PublishOptions::default(),
        watch: false,
        limits: Limits {
            max_connections: 2,
            ..Limits::default()
        },
    });
    let idle: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(server.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let mut third = TcpStream::connect(server.addr).unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    third
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let mut byte = [0u8; 1];
    let waiting = third.read(&mut byte);
    assert!(
        waiting.is_err(),
        "a third connection was served while two held the server: {waiting:?}"
    );
    drop(idle);
    third
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut response = String::new();
    let _ = third.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    server.stop();
}

/// The bytes of `folio render`'s page of `locale` in `format`, run in `root`.
fn rendered(root: &std::path::Path, locale: &str, format: folio::Format) -> Vec<u8> {
    let out = crate::util::folio_in(root)
        .args(["render", "smp-removal", "--locale", locale, "--format"])
        .arg(format.name())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn render_build_and_serve_send_the_same_bytes() {
    // Once with the defaults, once with a base URL and a template of the site's own: all three
    // honour `folio.toml`'s `[site]` table.
    let (_plain, plain) = project_copy();
    let (_site, site) = project_copy();
    std::fs::write(
        site.join("folio.toml"),
        "[site]\nbase-url = \"https://example.com/smp\"\ntemplate = \"page.html\"\n",
    )
    .unwrap();
    std::fs::write(
        site.join("page.html"),
        "<html lang=\"{{ page.lang }}\"><link rel=canonical href=\"{{ page.url }}\">{% for b in page.blocks %}{{ b.html }}{% endfor %}</html>\n",
    )
    .unwrap();
    for root in [&plain, &site] {
        let out = tempfile::tempdir().unwrap();
        crate::util::folio_in(root)
            .args(["build", "--out"])
            .arg(out.path())
            .assert()
            .success();
        let server = Server::start(Source::Folder(root.clone()));
        for locale in ["de", "ar", "en-US"] {
            for format in folio::Format::ALL {
                let path = format!("{locale}/smp-removal.{}", format.extension());
                let built = std::fs::read(out.path().join(&path)).unwrap();
                assert_eq!(
                    rendered(root, locale, format),
                    built,
                    "render ≠ build: {path}"
                );
                let response = server.get(&format!("/{path}"), &[]);
                assert_eq!(response.status(), 200);
                let sent = response.into_body().read_to_vec().unwrap();
                assert_eq!(sent, built, "serve ≠ build: {path}");
            }
        }
        server.stop();
    }
    let page = std::fs::read_to_string(site.join("page.html")).unwrap();
    assert!(page.contains("page.url"));
    let html = String::from_utf8(rendered(&site, "de", folio::Format::Html)).unwrap();
    assert!(
        html.starts_with(r#"<html lang="de"><link rel=canonical href="https://example.com/smp/de/smp-removal.html">"#),
        "{html}"
    );
}

#[test]
fn an_article_is_served_under_its_own_slug_in_a_locale() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&crate::util::fixture("clinic"), dir.path());
    let content = dir.path().join("content/smp-aftercare.toml");
    let text = std::fs::read_to_string(&content).unwrap();
    let text = text.replacen("[hero]", "[slugs]\nde = \"smp-nachsorge\"\n\n[hero]", 1);
    std::fs::write(&content, text).unwrap();
    let server = Server::start(Source::Folder(dir.path().to_path_buf()));
    let response = server.get("/smp-aftercare", &[("Accept-Language", "de")]);
    assert_eq!(response.status(), 302);
    assert_eq!(header(&response, "location"), "/de/smp-nachsorge");
    let response = server.get("/de/smp-nachsorge", &[]);
    assert_eq!(response.status(), 200);
    assert!(body(response).contains("<html lang=\"de\""));
    // The article's own slug still answers, in every locale.
    assert_eq!(server.get("/de/smp-aftercare.md", &[]).status(), 200);
    assert_eq!(server.get("/ar/smp-nachsorge", &[]).status(), 404);
    server.stop();
}

#[test]
fn the_page_cache_keeps_to_its_size_and_drops_the_least_recently_used() {
    let capacity = 100_000;
    let server = Server::start_with(ServeOptions {
        project: Source::Folder(repo()),
        publish: folio::PublishOptions::default(),
        watch: false,
        limits: Limits {
            page_cache: capacity,
            ..Limits::default()
        },
    });
    let cache = |server: &Server| -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(&body(server.get("/healthz", &[])))
            .unwrap()["page_cache"]
            .clone()
    };
    let locales = ["de", "fr", "ar", "ja", "pl", "uk", "he", "ko"];
    let mut first = None;
    for locale in locales {
        for extension in ["html", "txt", "md", "json"] {
            let response = server.get(&format!("/{locale}/smp-removal.{extension}"), &[]);
            assert_eq!(response.status(), 200);
            let text = body(response);
            first.get_or_insert(text);
        }
        let now = cache(&server);
        assert!(now["bytes"].as_u64().unwrap() <= capacity as u64, "{now}");
        assert_eq!(now["capacity"], capacity);
    }
    let full = cache(&server);
    assert!(
        full["pages"].as_u64().unwrap() < 32,
        "some pages were dropped: {full}"
    );
    // A page dropped is rendered again, the same.
    let again = body(server.get("/de/smp-removal.html", &[]));
    assert_eq!(Some(again), first);
    server.stop();
}

#[test]
fn a_page_that_does_not_format_turns_healthz_degraded_naming_it() {
    let (_dir, path) = project_copy();
    let de = path.join("locales/de/smp-removal.ftl");
    let text = std::fs::read_to_string(&de).unwrap();
    std::fs::write(&de, text.replacen("{ -smp }", "{ -nosuch }", 1)).unwrap();
    let server = Server::start(Source::Folder(path));
    assert!(healthy(&server), "nothing rendered yet");
    assert_eq!(server.get("/fr/smp-removal", &[]).status(), 200);
    assert!(healthy(&server), "a page that formats is fine");
    assert_eq!(server.get("/de/smp-removal", &[]).status(), 200);
    let health: serde_json::Value =
        serde_json::from_str(&body(server.get("/healthz", &[]))).unwrap();
    assert_eq!(health["status"], "degraded", "{health}");
    assert_eq!(health["page_errors"][0]["page"], "de/smp-removal.html");
    let why = health["page_errors"][0]["errors"][0].as_str().unwrap();
    assert!(why.contains("-nosuch"), "{why}");
    server.stop();
}

#[test]
fn one_locales_broken_save_does_not_freeze_the_others() {
    let (_dir, root) = project_copy();
    let server = Server::start(Source::Folder(root.clone()));
    let first_line = |server: &Server, locale: &str| {
        body(server.get(&format!("/{locale}/smp-removal.txt"), &[]))
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    let arabic = first_line(&server, "ar");
    let ar = root.join("locales/ar/smp-removal.ftl");
    let ar_text = std::fs::read_to_string(&ar).unwrap();
    std::fs::write(
        &ar,
        format!("{ar_text}\nbroken = {{ $x ->\n  [one] a\n}}\n"),
    )
    .unwrap();
    eventually(|| degraded_because(&server, "locales/ar/smp-removal.ftl"));

    // A German save meanwhile is published; Arabic stays as it was, and still says why.
    let de = root.join("locales/de/smp-removal.ftl");
    let de_text = std::fs::read_to_string(&de).unwrap();
    std::fs::write(
        &de,
        de_text.replace(
            "smp-removal-title = Lässt sich eine Haarpigmentierung wieder entfernen?",
            "smp-removal-title = Kann man eine Haarpigmentierung entfernen?",
        ),
    )
    .unwrap();
    eventually(|| first_line(&server, "de") == "Kann man eine Haarpigmentierung entfernen?");
    assert_eq!(first_line(&server, "ar"), arabic);
    assert!(degraded_because(&server, "locales/ar/smp-removal.ftl"));

    // Fixed: healthy again.
    std::fs::write(&ar, &ar_text).unwrap();
    eventually(|| healthy(&server));
    assert_eq!(first_line(&server, "ar"), arabic);
    server.stop();
}
