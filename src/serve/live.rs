//! Keeping open pages current: the event stream each page listens to, the small script that
//! reloads it, and the overlay that shows a build's errors over the last good page.

use super::*;
use crate::config::Language;
use crate::messages;

/// The event a page gets: `reload`, or `errors` with the overlay's title and the problems as
/// JSON, in the project's language.
pub(super) fn event_message(state: &State) -> String {
    if state.errors.is_empty() {
        format!("event: reload\ndata: {}\n\n", state.generation)
    } else {
        let language = state.language;
        let list: Vec<serde_json::Value> = state
            .errors
            .iter()
            .map(|d| serde_json::json!({"location": d.location(), "message": d.text(language), "line": d.source_line(), "hint": d.hint_text(language)}))
            .collect();
        let title = messages::overlay_title(list.len()).render(language);
        format!(
            "event: errors\ndata: {}\n\n",
            serde_json::json!({"title": title, "errors": list})
        )
    }
}

/// tiny_http sends a streamed body in chunks of 8 KiB, and a chunk leaves only when more bytes
/// arrive than it holds. So each event is padded with an SSE comment to one byte past a whole
/// number of chunks: everything up to that byte (the event and most of the comment) goes out at
/// once; the last byte, the comment's final newline, follows with the next event.
pub(super) const CHUNK: usize = 8192;

pub(super) fn padded(message: &str) -> Vec<u8> {
    let total = (message.len() + 4).div_ceil(CHUNK) * CHUNK + 1;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(message.as_bytes());
    out.extend_from_slice(b": ");
    out.resize(total - 2, b'.');
    out.extend_from_slice(b"\n\n");
    out
}

/// A reader that hands out server-sent events as they come: the body of an event-stream reply.
struct EventStream {
    rx: Receiver<String>,
    buffer: Vec<u8>,
}

impl Read for EventStream {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.buffer.is_empty() {
            match self.rx.recv_timeout(Duration::from_secs(15)) {
                Ok(message) => self.buffer = padded(&message),
                // A comment line keeps the connection alive and finds closed ones.
                Err(RecvTimeoutError::Timeout) => self.buffer = padded(": ping\n\n"),
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            }
        }
        let n = out.len().min(self.buffer.len());
        out[..n].copy_from_slice(&self.buffer[..n]);
        self.buffer.drain(..n);
        Ok(n)
    }
}

pub(super) fn events(
    request: tiny_http::Request,
    listeners: &Listeners,
    state: &Arc<RwLock<State>>,
) {
    let (tx, rx) = mpsc::channel();
    // A page that opens while the build is broken learns of it at once.
    if let Ok(s) = state.read() {
        if !s.errors.is_empty() {
            let _ = tx.send(event_message(&s));
        }
    }
    if let Ok(mut open) = listeners.lock() {
        open.push(tx);
    }
    let headers = vec![
        header("Content-Type", "text/event-stream"),
        header("Cache-Control", "no-store"),
    ];
    // The reply starts with a comment so that its headers leave at once (see `padded`): the
    // page's EventSource opens, and a client knows it is listening before it changes a file.
    let response = Response::new(
        200.into(),
        headers,
        EventStream {
            rx,
            buffer: padded(": listening\n\n"),
        },
        None,
        None,
    );
    let _ = request.respond(response);
}

/// The live-reload client: reloads on a new build, shows an overlay while the build is broken.
pub(super) const LIVE_JS: &str = r#"(function () {
  var source = new EventSource('/__vejviser/events');
  function overlay(report) {
    var errors = report.errors;
    var box = document.getElementById('vejviser-errors');
    if (!box) {
      box = document.createElement('div');
      box.id = 'vejviser-errors';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;background:#fff5f5;color:#1a1a1a;border-top:4px solid #b00020;padding:1rem 1.25rem;font:15px/1.5 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.2)';
      document.body.appendChild(box);
    }
    box.textContent = '';
    var title = document.createElement('strong');
    title.textContent = report.title;
    box.appendChild(title);
    // What a message quotes in backticks (a key, a value from the file) as code, as the
    // server's pages show it (serve::with_code); a lone backtick stays as it is.
    function withCode(parent, text) {
      var parts = text.split('`');
      if (parts.length % 2 === 0) { parent.appendChild(document.createTextNode(text)); return; }
      parts.forEach(function (part, i) {
        if (i % 2 === 0) { parent.appendChild(document.createTextNode(part)); return; }
        var code = document.createElement('code');
        code.textContent = part;
        parent.appendChild(code);
      });
    }
    errors.forEach(function (e) {
      var p = document.createElement('p');
      var where = document.createElement('code');
      where.textContent = e.location;
      p.appendChild(where);
      p.appendChild(document.createTextNode(': '));
      withCode(p, e.message);
      if (e.line) { var pre = document.createElement('pre'); pre.textContent = e.line; p.appendChild(pre); }
      if (e.hint) { var hint = document.createElement('em'); withCode(hint, e.hint); p.appendChild(hint); }
      box.appendChild(p);
    });
  }
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('errors', function (event) { overlay(JSON.parse(event.data)); });
})();
"#;

/// The page with the live-reload script, and the errors of a broken build written in so they
/// show even before the event stream connects.
pub(super) fn inject_live(html: &[u8], errors: &[Diagnostic], language: Language) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut tag = format!("<script src=\"{LIVE_SCRIPT}\" defer></script>");
    if let Some(first) = errors.first() {
        let first = format!("{}: {}", first.location(), first.text(language));
        let note = messages::error_note(errors.len(), first).render(language);
        tag.push_str("<noscript><p>");
        tag.push_str(&with_code(&note));
        tag.push_str("</p></noscript>");
    }
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// The page served while the project has never built: every error, and the live-reload script.
pub(super) fn error_page(
    errors: &[Diagnostic],
    language: Language,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let heading = messages::error_page_heading().render(language);
    let mut html = format!("<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>vejviser: {heading}</title></head><body><main><h1>{heading}</h1>", language.code());
    for d in errors {
        html.push_str("<p><code>");
        html.push_str(&crate::markdown::escape(&d.location()));
        html.push_str("</code>: ");
        html.push_str(&with_code(&d.text(language)));
        if let Some(hint) = d.hint_text(language) {
            html.push_str("<br><em>");
            html.push_str(&with_code(&hint));
            html.push_str("</em>");
        }
        html.push_str("</p>");
    }
    html.push_str(&format!(
        "</main><script src=\"{LIVE_SCRIPT}\" defer></script></body></html>"
    ));
    Response::from_string(html)
        .with_status_code(500)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_fill_whole_chunks() {
        let event = padded("event: reload\ndata: 3\n\n");
        assert_eq!(event.len(), CHUNK + 1);
        assert!(event.starts_with(b"event: reload\ndata: 3\n\n: "));
        assert!(event.ends_with(b"\n\n"));
        assert_eq!(padded(&"x".repeat(CHUNK)).len(), 2 * CHUNK + 1);
    }

    #[test]
    fn live_script_goes_before_the_end_of_body() {
        let html = inject_live(b"<html><body><p>x</p></body></html>", &[], Language::Da);
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__vejviser/live.js\" defer></script></body></html>"
        );
    }
}
