//! Answering requests: a site's files by path (never outside the site), redirects to folder
//! paths, the list of sites at `/` when several are served, and the error page while there is
//! no good build.

use super::live::{error_page, inject_live, LIVE_JS};
use super::*;

pub(super) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

pub(super) fn answer(request: tiny_http::Request, state: &Arc<RwLock<State>>, single: bool) {
    if request.method() != &Method::Get && request.method() != &Method::Head {
        let _ = request.respond(Response::from_string("only GET").with_status_code(405));
        return;
    }
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let Some(path) = request_path(&url) else {
        let _ = request.respond(
            Response::from_string("bad request: the path leaves the site or is not a plain path")
                .with_status_code(400),
        );
        return;
    };
    if url == LIVE_SCRIPT {
        let _ = request.respond(
            Response::from_string(LIVE_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
        );
        return;
    }
    let Ok(s) = state.read() else {
        let _ = request.respond(Response::from_string("server error").with_status_code(500));
        return;
    };
    // Which site, and which file in it.
    let (site, rel) = if single {
        (
            s.sites.values().next(),
            path.trim_start_matches('/').to_string(),
        )
    } else {
        let trimmed = path.trim_start_matches('/');
        match trimmed.split_once('/') {
            Some((slug, rest)) => (s.sites.get(slug), rest.to_string()),
            None if trimmed.is_empty() => (None, String::new()),
            // `/roskilde` → `/roskilde/`
            None if s.sites.contains_key(trimmed) => {
                let _ = request.respond(redirect(&format!("/{trimmed}/")));
                return;
            }
            None => (None, trimmed.to_string()),
        }
    };
    let Some(site) = site else {
        if s.sites.is_empty() && !s.errors.is_empty() {
            // No good build yet: show the errors, and reload once the files are fixed.
            let _ = request.respond(error_page(&s.errors, s.language));
        } else if !single && path == "/" {
            let _ = request.respond(site_list(&s));
        } else {
            let _ = request.respond(Response::from_string("not found").with_status_code(404));
        }
        return;
    };
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.clone()
    };
    match site.files.get(&file) {
        Some(bytes) if file.ends_with(".html") => {
            let html = inject_live(bytes, &s.errors, s.language);
            let _ = request.respond(
                Response::from_data(html)
                    .with_header(header("Content-Type", content_type(&file)))
                    .with_header(header("Cache-Control", "no-store")),
            );
        }
        Some(bytes) => {
            let _ = request.respond(
                Response::from_data(bytes.clone())
                    .with_header(header("Content-Type", content_type(&file)))
                    .with_header(header("Cache-Control", "no-store")),
            );
        }
        None if site.files.contains_key(&format!("{rel}/index.html")) => {
            let _ = request.respond(redirect(&format!("{url}/")));
        }
        None => {
            let _ = request
                .respond(Response::from_string(format!("not found: {url}")).with_status_code(404));
        }
    }
}

/// The path a request asks for, percent-decoded once, or `None` when it is not a plain path
/// inside the site: `..` or `.` segments (written out or encoded), encoded slashes, backslashes,
/// NUL and control characters, or a `%` left after decoding (a double-encoded `%252e%252e`).
/// Files are looked up in memory, so nothing could be read from the disk anyway; refusing such
/// paths outright keeps it that way if that ever changes, and keeps `/a/../b` from naming `/b`.
pub(super) fn request_path(url: &str) -> Option<String> {
    if !url.starts_with('/') {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    if ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return None;
    }
    let path = crate::slug::percent_decode(url);
    let plain = !path.contains(['\\', '%']) && !path.chars().any(char::is_control);
    let inside = path
        .split('/')
        .all(|segment| segment != ".." && segment != ".");
    (plain && inside).then_some(path)
}

pub(super) fn redirect(to: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("")
        .with_status_code(301)
        .with_header(header("Location", to))
}

pub(super) fn site_list(state: &State) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut html = String::from("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>vejviser</title></head><body><main><h1>Kommuner</h1><ul>");
    for (slug, name) in &state.names {
        html.push_str(&format!(
            "<li><a href=\"/{slug}/\">{}</a></li>",
            crate::markdown::escape(name)
        ));
    }
    html.push_str("</ul></main>");
    html.push_str(&format!(
        "<script src=\"{LIVE_SCRIPT}\" defer></script></body></html>"
    ));
    Response::from_string(html).with_header(header("Content-Type", "text/html; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/roskilde/../gladsaxe/",
            "/roskilde/./om/",
            "/roskilde/%2e%2e/gladsaxe/",
            "/roskilde/%2E%2E/gladsaxe/",
            "/roskilde/..%2fgladsaxe/",
            "/roskilde/%2F..%2Fgladsaxe/",
            "/roskilde/..\\gladsaxe\\",
            "/roskilde/%5c..%5cgladsaxe",
            "/roskilde/%252e%252e/gladsaxe/",
            "/roskilde/%c0%ae%c0%ae/",
            "/roskilde/om%00.html",
            "/roskilde/%0a",
            "roskilde/om/",
            "http://x/roskilde/",
        ] {
            assert_eq!(request_path(bad), None, "{bad}");
        }
        assert_eq!(
            request_path("/roskilde/om/").as_deref(),
            Some("/roskilde/om/")
        );
        assert_eq!(
            request_path("/roskilde/kurser/skrivev%C3%A6rksted/").as_deref(),
            Some("/roskilde/kurser/skriveværksted/")
        );
        assert_eq!(request_path("/a..b/").as_deref(), Some("/a..b/"));
    }
}
