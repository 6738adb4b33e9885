//! The routes: pages, negotiation, the article list, health, and the site's files.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State as Extract};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;
use serde::Serialize;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::locale::parse_tag;
use crate::render::{Format, SitePage};
use crate::serve::negotiate::negotiate;
use crate::serve::state::{ServedPage, Snapshot, State};

type Shared = Arc<State>;

/// Pages may be cached for five minutes, then revalidated with their `ETag`.
const PAGE_CACHE: &str = "public, max-age=300";

pub(crate) fn router(state: Shared, request_timeout: Duration) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/api/articles", get(articles))
        .route("/{slug}", get(redirect))
        .route("/{locale}/", get(locale_index))
        .route("/{locale}/{page}", get(page))
        .fallback(file)
        .layer(axum::middleware::from_fn(require_host))
        .layer(axum::middleware::from_fn(require_well_formed_path))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            request_timeout,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request| {
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
                })
                .on_request(())
                .on_response(|response: &Response, latency: Duration, _: &tracing::Span| {
                    tracing::info!(status = response.status().as_u16(), micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX), "served");
                }),
        )
        .with_state(state)
}

/// HTTP/1.1 requests must name their host (RFC 9112, section 3.2); hyper does not insist, so
/// this does, as nginx and every proxy in front of Folio would.
async fn require_host(request: Request, next: axum::middleware::Next) -> Response {
    if request.version() == axum::http::Version::HTTP_11
        && !request.headers().contains_key(header::HOST)
    {
        return (StatusCode::BAD_REQUEST, "a Host header is required\n").into_response();
    }
    next.run(request).await
}

/// A path whose percent-encoding is malformed (`%` not followed by two hex digits, RFC 3986
/// section 2.1) or does not decode to UTF-8 names nothing: `400`, as nginx answers, not `404`.
async fn require_well_formed_path(request: Request, next: axum::middleware::Next) -> Response {
    if !well_formed(request.uri().path()) {
        return (StatusCode::BAD_REQUEST, "malformed percent-encoding\n").into_response();
    }
    next.run(request).await
}

fn well_formed(path: &str) -> bool {
    let bytes = path.as_bytes();
    let escapes_are_whole = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    escapes_are_whole && percent_decode_str(path).decode_utf8().is_ok()
}

/// 404, as a page in the reader's language: the language the path starts with when it is one
/// of the site's, else the one `Accept-Language` prefers.
fn not_found(snapshot: &Snapshot, path: &str, headers: &HeaderMap) -> Response {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let (locale, negotiated) = match parse_tag(first)
        .ok()
        .filter(|tag| snapshot.locales.contains(tag))
    {
        Some(tag) => (tag, false),
        None => (reader_locale(snapshot, headers), true),
    };
    let home = home(snapshot, &locale);
    let Ok(page) = snapshot.site_page(SitePage::NotFound, &locale, &home) else {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    };
    let mut response = (StatusCode::NOT_FOUND, Body::from(page.body.clone())).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(page.content_type),
    );
    if let Ok(language) = HeaderValue::from_str(&page.language) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    if negotiated {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// The locale the reader's `Accept-Language` prefers among the site's, else the reference.
fn reader_locale(snapshot: &Snapshot, headers: &HeaderMap) -> crate::locale::Tag {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(
        accept,
        &snapshot.locales,
        snapshot.publisher.project().reference(),
    )
}

/// The address of `locale`'s list of articles, from any path of the server.
fn home(snapshot: &Snapshot, locale: &crate::locale::Tag) -> String {
    let links = snapshot.publisher.links();
    match links.base_url() {
        Some(_) => links.index(&locale.to_string(), true),
        None => format!("/{locale}/"),
    }
}

/// `GET /`: 302 to the list of articles in the reader's language.
async fn root(Extract(state): Extract<Shared>, headers: HeaderMap) -> Response {
    let Some(snapshot) = state.snapshot.load_full() else {
        return unavailable();
    };
    let locale = reader_locale(&snapshot, &headers);
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, format!("/{locale}/")),
            (header::VARY, "Accept-Language".to_string()),
            (header::CACHE_CONTROL, PAGE_CACHE.to_string()),
        ],
    )
        .into_response()
}

/// `GET /{locale}/`: the locale's list of articles.
async fn locale_index(
    Extract(state): Extract<Shared>,
    Path(locale): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let Some(snapshot) = state.snapshot.load_full() else {
        return unavailable();
    };
    site_page(&snapshot, SitePage::Index, &locale, uri.path(), &headers)
}

/// A page of the site around the articles in the site's locale `locale`, or 404.
fn site_page(
    snapshot: &Snapshot,
    kind: SitePage,
    locale: &str,
    path: &str,
    headers: &HeaderMap,
) -> Response {
    let Some(tag) = parse_tag(locale)
        .ok()
        .filter(|tag| snapshot.locales.contains(tag))
    else {
        return not_found(snapshot, path, headers);
    };
    match snapshot.site_page(kind, &tag, &home(snapshot, &tag)) {
        Ok(page) => respond(&page, headers),
        Err(err) => failed(&err),
    }
}

fn failed(err: &crate::Error) -> Response {
    tracing::error!(error = %err, "rendering failed");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "the page could not be rendered\n",
    )
        .into_response()
}

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "5")],
        "the project could not be loaded: see /healthz\n",
    )
        .into_response()
}

/// `GET /{locale}/{slug}` and `/{locale}/{slug}.txt|.md|.json`; `/{locale}/index.html`,
/// `feed.xml` and `404.html`.
async fn page(
    Extract(state): Extract<Shared>,
    Path((locale, page)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let Some(snapshot) = state.snapshot.load_full() else {
        return unavailable();
    };
    let path = uri.path();
    let site = match page.as_str() {
        "index.html" => Some(SitePage::Index),
        "feed.xml" => Some(SitePage::Feed),
        "404.html" => Some(SitePage::NotFound),
        _ => None,
    };
    if let Some(kind) = site {
        return site_page(&snapshot, kind, &locale, path, &headers);
    }
    let (slug, format) = match page.rsplit_once('.') {
        Some((slug, extension)) => match Format::from_extension(extension) {
            Some(format) => (slug, format),
            None => return asset(&snapshot, path, &headers),
        },
        None => (page.as_str(), Format::Html),
    };
    let Ok(tag) = parse_tag(&locale) else {
        return asset(&snapshot, path, &headers);
    };
    let Some(article) = snapshot.publisher.project().article_in(&locale, slug) else {
        return asset(&snapshot, path, &headers);
    };
    match snapshot.page(&article.slug, &tag, format) {
        Ok(page) => respond(&page, &headers),
        Err(err) => failed(&err),
    }
}

/// A page, or 304 when the client's copy is current.
fn respond(page: &ServedPage, request: &HeaderMap) -> Response {
    let fresh = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == page.etag);
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Response::new(Body::from(page.body.clone()));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(page.content_type),
        );
        response
    };
    let headers = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(&page.etag) {
        headers.insert(header::ETAG, etag);
    }
    if let Ok(language) = HeaderValue::from_str(&page.language) {
        headers.insert(header::CONTENT_LANGUAGE, language);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PAGE_CACHE));
    response
}

/// `GET /{slug}`: 302 to the reader's language.
async fn redirect(
    Extract(state): Extract<Shared>,
    Path(slug): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let Some(snapshot) = state.snapshot.load_full() else {
        return unavailable();
    };
    match slug.as_str() {
        "index.html" => {
            return match snapshot.site_page(SitePage::Languages, &reference_of(&snapshot), "") {
                Ok(page) => respond(&page, &headers),
                Err(err) => failed(&err),
            };
        }
        "404.html" => {
            let locale = reader_locale(&snapshot, &headers);
            return site_page(
                &snapshot,
                SitePage::NotFound,
                &locale.to_string(),
                uri.path(),
                &headers,
            );
        }
        name => {
            if let Some(bytes) = snapshot.sitemap(name) {
                return (
                    [
                        (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=300"),
                    ],
                    bytes,
                )
                    .into_response();
            }
        }
    }
    let Ok(article) = snapshot.publisher.project().article(&slug) else {
        // A language without its slash: to its list of articles.
        if let Some(tag) = parse_tag(&slug)
            .ok()
            .filter(|t| snapshot.locales.contains(t))
        {
            return (
                StatusCode::PERMANENT_REDIRECT,
                [(header::LOCATION, format!("/{tag}/"))],
            )
                .into_response();
        }
        return asset(&snapshot, uri.path(), &headers);
    };
    let reference = article
        .reference
        .clone()
        .unwrap_or_else(|| snapshot.publisher.project().reference().clone());
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let locale = negotiate(accept, &snapshot.locales, &reference);
    let location = format!("/{locale}/{}", article.slug_in(&locale.to_string()));
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            (header::VARY, "Accept-Language".to_string()),
            (header::CACHE_CONTROL, PAGE_CACHE.to_string()),
        ],
    )
        .into_response()
}

#[derive(Serialize)]
struct ArticleSummary {
    slug: String,
    reference: String,
    titles: std::collections::BTreeMap<String, String>,
    locales: Vec<LocaleSummary>,
}

#[derive(Serialize)]
struct LocaleSummary {
    locale: String,
    coverage: f64,
}

/// `GET /api/articles`.
async fn articles(Extract(state): Extract<Shared>) -> Response {
    let Some(snapshot) = state.snapshot.load_full() else {
        return unavailable();
    };
    let mut list = Vec::new();
    for article in snapshot.publisher.project().articles() {
        let mut titles = std::collections::BTreeMap::new();
        let mut locales = Vec::new();
        for tag in &snapshot.locales {
            let Ok(page) = snapshot.page(&article.slug, tag, Format::Json) else {
                continue;
            };
            let Ok(json) = serde_json::from_slice::<serde_json::Value>(&page.body) else {
                continue;
            };
            if json["locale"] != tag.to_string() {
                continue; // the locale lacks the article and falls back
            }
            titles.insert(
                tag.to_string(),
                json["title"].as_str().unwrap_or_default().to_string(),
            );
            let coverage = snapshot
                .coverage
                .iter()
                .find(|c| c.locale == tag.to_string())
                .map_or(100.0, |c| c.coverage);
            locales.push(LocaleSummary {
                locale: tag.to_string(),
                coverage,
            });
        }
        list.push(ArticleSummary {
            slug: article.slug.clone(),
            reference: article
                .reference
                .as_ref()
                .unwrap_or(snapshot.publisher.project().reference())
                .to_string(),
            titles,
            locales,
        });
    }
    (
        [(header::CACHE_CONTROL, "public, max-age=60")],
        axum::Json(serde_json::json!({ "articles": list })),
    )
        .into_response()
}

/// `GET /healthz`.
async fn healthz(Extract(state): Extract<Shared>) -> Response {
    let problems = state.problems.lock().expect("not poisoned").clone();
    match state.snapshot.load_full() {
        Some(snapshot) => {
            let broken: Vec<serde_json::Value> = snapshot
                .broken
                .lock()
                .expect("not poisoned")
                .iter()
                .map(|(page, errors)| serde_json::json!({"page": page, "errors": errors}))
                .collect();
            let ok = problems.is_empty() && broken.is_empty();
            (
                StatusCode::OK,
                axum::Json(serde_json::json!({
                    "status": if ok { "ok" } else { "degraded" },
                    "version": snapshot.version,
                    "generation": snapshot.generation,
                    "source": state.project().to_string(),
                    "reload_errors": problems,
                    "page_cache": snapshot.cache_stats(),
                    "page_errors": broken,
                })),
            )
                .into_response()
        }
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({
                "status": "unavailable",
                "source": state.project().to_string(),
                "errors": problems,
            })),
        )
            .into_response(),
    }
}

/// Anything else: a file of the project's `content/` folder (an image), or 404.
async fn file(Extract(state): Extract<Shared>, uri: Uri, headers: HeaderMap) -> Response {
    match state.snapshot.load_full() {
        Some(snapshot) => asset(&snapshot, uri.path(), &headers),
        None => unavailable(),
    }
}

fn reference_of(snapshot: &Snapshot) -> crate::locale::Tag {
    snapshot.publisher.project().reference().clone()
}

/// The file of `content/` at `path`, or 404. Only the files the project listed when it was
/// loaded can be served: a path is looked up, never opened, so `..` leads nowhere.
fn asset(snapshot: &Snapshot, requested: &str, headers: &HeaderMap) -> Response {
    let Ok(path) = percent_decode_str(requested.trim_start_matches('/')).decode_utf8() else {
        return (StatusCode::BAD_REQUEST, "malformed percent-encoding\n").into_response();
    };
    match snapshot.assets.get(path.as_ref()) {
        Some(bytes) => {
            let mime = mime_guess::from_path(path.as_ref()).first_or_octet_stream();
            (
                [
                    (header::CONTENT_TYPE, mime.essence_str().to_string()),
                    (header::CACHE_CONTROL, "public, max-age=3600".to_string()),
                ],
                bytes.clone(),
            )
                .into_response()
        }
        None => not_found(snapshot, requested, headers),
    }
}
