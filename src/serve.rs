//! `vejviser serve`: a preview server with live reload.
//!
//! It builds into memory (the same [`crate::build::build_in_memory`] as `build`, nothing written to
//! disk), serves the result on 127.0.0.1 (another address only with `--bind`) with `tiny_http`,
//! refusing request paths that would leave the site, watches `content/`, `themes/` and
//! `vejviser.yaml` with `notify`, and rebuilds after a change settles: only the municipality a
//! change belongs to when it lies in its folder, every site when it is shared. Open pages learn
//! of a new build through server-sent events and reload. A build with errors never replaces the
//! last good one: the server keeps serving it and the pages show the errors in an overlay until
//! the file is fixed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tiny_http::{Header, Method, Response, Server};

use crate::build::{BuildOptions, BuildState};
use crate::error::{Diagnostic, Error};
use crate::output::SiteFiles;

/// The path of the live-reload script and event stream, out of the way of any site path.
const LIVE_SCRIPT: &str = "/__vejviser/live.js";
const LIVE_EVENTS: &str = "/__vejviser/events";
/// How long the files must stay quiet after a change before a rebuild starts: editors write a
/// file in several steps (temporary file, rename, metadata), all within a few milliseconds. A
/// file caught half-written only shows an error until the rest of it arrives.
const SETTLE: Duration = Duration::from_millis(25);
/// How long the files must stay quiet before a search index left behind by quick rebuilds is
/// brought up to date.
const CATCH_UP: Duration = Duration::from_millis(400);

/// What `serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// Serve only this municipality, at `/`.
    pub site: Option<String>,
    /// 0 picks a free port.
    pub port: u16,
    /// The address to listen on: 127.0.0.1 unless the user asks for another.
    pub bind: std::net::IpAddr,
    pub today: Option<chrono::NaiveDate>,
}

/// The last good build and the problems of the latest attempt.
#[derive(Default)]
struct State {
    sites: BTreeMap<String, SiteFiles>,
    /// Names of the municipalities, for the list at `/` when several are served.
    names: BTreeMap<String, String>,
    /// Errors of the latest build (empty when it succeeded).
    errors: Vec<Diagnostic>,
    /// Counts builds, so a page can tell whether it is current.
    generation: u64,
}

/// Open event streams of pages, each a channel to the thread that writes to it.
type Listeners = Arc<Mutex<Vec<Sender<String>>>>;

/// Starts the server and blocks; prints the address as its first line, once it serves the first
/// build and watches for changes, so scripts and tests can find it.
pub fn run(opts: &ServeOptions) -> Result<(), Error> {
    let cannot_listen = |e: &dyn std::fmt::Display| {
        Error::Usage(format!("cannot listen on port {}: {e}", opts.port))
    };
    let listener =
        std::net::TcpListener::bind((opts.bind, opts.port)).map_err(|e| cannot_listen(&e))?;
    // tiny_http writes a reply's headers and body separately and leaves Nagle's algorithm on, so
    // on a kept-alive connection each reply after the first waits for the client's delayed ACK
    // (about 40 ms on Linux, for every file of a page). Connections accepted from the listener
    // inherit TCP_NODELAY; std sets it only on a stream, so it is set through one that shares
    // the listener's socket (a duplicate descriptor, closed right after).
    #[cfg(unix)]
    if let Ok(socket) = listener.try_clone() {
        let socket = std::os::fd::OwnedFd::from(socket);
        let _ = std::net::TcpStream::from(socket).set_nodelay(true);
    }
    let server = Server::from_listener(listener, None).map_err(|e| cannot_listen(&e))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(opts.port);
    let base = format!("http://{}/", std::net::SocketAddr::new(opts.bind, port));
    let state = Arc::new(RwLock::new(State::default()));
    let listeners: Listeners = Arc::new(Mutex::new(Vec::new()));

    let build_opts = {
        let (root, base, today) = (opts.root.clone(), base.clone(), opts.today);
        move |sites: Vec<String>| {
            let mut b = BuildOptions::new(&root);
            b.sites = sites;
            b.base_url = Some(base.clone());
            b.drafts = true;
            if let Some(today) = today {
                b.today = today;
            }
            b
        }
    };
    // Watching starts before the first build and the address is printed only once it runs, so
    // an edit made as soon as the address is known (by a person, a script or a test) is never
    // lost: changes arrive on a channel; a thread waits for them to settle and rebuilds.
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading files (as every build does) is an event too: only writes, creations,
        // renames and removals can change a build.
        if let Some(event) = event.ok().filter(|e| {
            matches!(
                e.kind,
                notify::EventKind::Create(_)
                    | notify::EventKind::Remove(_)
                    | notify::EventKind::Modify(
                        notify::event::ModifyKind::Data(_)
                            | notify::event::ModifyKind::Name(_)
                            | notify::event::ModifyKind::Any
                    )
            )
        }) {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })
    .map_err(|e| Error::Usage(format!("cannot watch the project: {e}")))?;
    for watched in ["content", "themes", "vejviser.yaml"] {
        let path = opts.root.join(watched);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", path.display())))?;
        }
    }

    // Pages whose inputs did not change are taken from its caches instead of rendered again.
    let kept = BuildState::for_rebuilds();
    let first = build_opts(opts.site.iter().cloned().collect());
    let result = crate::build::build_in_memory_with(&first, &kept);
    // A wrong `--root` or `--site` is a mistake on the command line, not in the content: stop
    // with it (exit 2) instead of serving an error page that no edit of the content can fix.
    if let Err(Error::Usage(message)) = &result {
        return Err(Error::Usage(message.clone()));
    }
    install(
        result,
        &first,
        &state,
        &listeners,
        opts.site.is_some(),
        true,
    )?;
    {
        let state = state.clone();
        let listeners = listeners.clone();
        let root = opts.root.clone();
        let single = opts.site.clone();
        std::thread::spawn(move || {
            watch_loop(rx, &root, single, &state, &listeners, build_opts, &kept)
        });
    }
    println!(
        "serving {} on {base}",
        if let Some(s) = &opts.site {
            s.as_str()
        } else {
            "every municipality"
        }
    );

    for request in server.incoming_requests() {
        let state = state.clone();
        let listeners = listeners.clone();
        let single = opts.site.is_some();
        // Event streams stay open: each gets a thread; plain requests are answered here.
        if request.url().starts_with(LIVE_EVENTS) {
            std::thread::spawn(move || events(request, &listeners, &state));
        } else {
            answer(request, &state, single);
        }
    }
    drop(watcher);
    Ok(())
}

/// Whether a path is an editor's temporary file, not content.
fn is_temporary(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.starts_with('.')
            && (name.ends_with(".swp") || name.ends_with(".swx") || name.ends_with(".swo"))
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with('#') && name.ends_with('#')
}

fn watch_loop(
    rx: Receiver<PathBuf>,
    root: &Path,
    single: Option<String>,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    make: impl Fn(Vec<String>) -> BuildOptions,
    kept: &BuildState,
) {
    let content = root.join("content");
    // Sites shown with their last search index, and the options they were built with: their
    // index is brought up to date once the files have been quiet for a while.
    let mut stale: Option<(BuildOptions, Vec<String>)> = None;
    loop {
        let first = match &stale {
            None => match rx.recv() {
                Ok(path) => path,
                Err(_) => return,
            },
            Some(_) => match rx.recv_timeout(CATCH_UP) {
                Ok(path) => path,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some((opts, sites)) = stale.take() {
                        let started = Instant::now();
                        match catch_up(&opts, kept, sites, state, listeners, single.is_some()) {
                            Ok(()) => eprintln!(
                                "search index rebuilt in {:.0} ms",
                                started.elapsed().as_secs_f64() * 1000.0
                            ),
                            Err(e) => eprintln!("error: {e}"),
                        }
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            },
        };
        let mut changed = vec![first];
        // Wait until the files have been quiet for a moment.
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(path) => changed.push(path),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        changed.retain(|p| !is_temporary(p));
        if changed.is_empty() {
            continue;
        }
        // A change inside one municipality's folder affects that site only.
        let mut sites: Vec<String> = Vec::new();
        let mut everything = false;
        for path in &changed {
            match path
                .strip_prefix(&content)
                .ok()
                .and_then(|r| r.components().next())
            {
                Some(first) => {
                    let name = first.as_os_str().to_string_lossy().into_owned();
                    if name.starts_with('_')
                        || name.starts_with('.')
                        || path.parent() == Some(content.as_path()) && !path.is_dir()
                    {
                        everything = true;
                    } else if !sites.contains(&name) {
                        sites.push(name);
                    }
                }
                None => everything = true,
            }
        }
        // While the last build has errors, build everything: a good build of one site must not
        // clear the errors of another that is still broken.
        let broken = state.read().map(|s| !s.errors.is_empty()).unwrap_or(true);
        let selection = match (&single, everything || broken) {
            (Some(s), _) => vec![s.clone()],
            (None, true) => Vec::new(),
            (None, false) => {
                // A new municipality folder, or one that went away, changes the list: rebuild all.
                let known = state
                    .read()
                    .map(|s| s.sites.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default();
                if sites
                    .iter()
                    .all(|s| known.contains(s) && content.join(s).join("_site.yaml").is_file())
                {
                    sites
                } else {
                    Vec::new()
                }
            }
        };
        let started = Instant::now();
        let opts = make(selection);
        match rebuild(&opts, kept, state, listeners, single.is_some()) {
            Ok(sites) => {
                eprintln!(
                    "rebuilt in {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                if !sites.is_empty() {
                    // A later catch-up covers the sites of every rebuild since the last one.
                    let mut all = stale.take().map(|(_, s)| s).unwrap_or_default();
                    all.extend(sites);
                    all.sort();
                    all.dedup();
                    stale = Some((opts, all));
                }
            }
            Err(e) => eprintln!("error: {e}"),
        }
    }
}

/// Builds the selected sites (all when the selection is empty) and installs the result.
///
/// The edit is shown first: a site keeps its last search index while its pages are rebuilt and
/// the open pages reload. The answer names those sites; [`catch_up`] brings their index up to
/// date once the files are quiet.
fn rebuild(
    opts: &BuildOptions,
    kept: &BuildState,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
) -> Result<Vec<String>, Error> {
    let quick = BuildState {
        defer: true,
        ..kept.clone()
    };
    let outcome = crate::build::build_in_memory_with(opts, &quick);
    let stale = outcome
        .as_ref()
        .map(|o| o.stale.clone())
        .unwrap_or_default();
    install(outcome, opts, state, listeners, single, true)?;
    Ok(stale)
}

/// Builds `sites` again with their search index up to date (everything else comes from the
/// caches by now) and swaps them in without reloading the open pages: only the search page and
/// the index change.
fn catch_up(
    opts: &BuildOptions,
    kept: &BuildState,
    sites: Vec<String>,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
) -> Result<(), Error> {
    let full = BuildOptions {
        sites: if single { opts.sites.clone() } else { sites },
        ..opts.clone()
    };
    install(
        crate::build::build_in_memory_with(&full, kept),
        &full,
        state,
        listeners,
        single,
        false,
    )
}

/// Swaps in the sites of a good build (keeping the last good ones when it has errors) and, with
/// `tell`, tells the open pages either way.
fn install(
    result: Result<crate::build::BuildOutcome, Error>,
    opts: &BuildOptions,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
    tell: bool,
) -> Result<(), Error> {
    let mut s = state
        .write()
        .map_err(|_| Error::Usage("the server state is poisoned".into()))?;
    s.generation += 1;
    match result {
        Ok(outcome) if outcome.errors() == 0 => {
            s.errors.clear();
            if opts.sites.is_empty() && !single {
                s.sites.clear();
                s.names.clear();
            }
            for summary in &outcome.summaries {
                s.names.insert(summary.slug.clone(), summary.name.clone());
            }
            for site in outcome.sites {
                s.sites.insert(site.slug.clone(), site);
            }
            let warnings = outcome.diagnostics.len();
            if warnings > 0 {
                eprint!(
                    "{}",
                    crate::error::render_human(&outcome.diagnostics, false)
                );
            }
        }
        Ok(outcome) => {
            eprint!(
                "{}",
                crate::error::render_human(&outcome.diagnostics, false)
            );
            s.errors = outcome
                .diagnostics
                .into_iter()
                .filter(|d| d.is_error())
                .collect();
        }
        Err(e) => {
            s.errors = vec![Diagnostic::error(
                "serve.build",
                opts.root.join("vejviser.yaml"),
                e.to_string(),
            )];
        }
    }
    if !tell {
        return Ok(());
    }
    let message = event_message(&s);
    drop(s);
    let mut open = listeners
        .lock()
        .map_err(|_| Error::Usage("the listener list is poisoned".into()))?;
    open.retain(|tx| tx.send(message.clone()).is_ok());
    Ok(())
}

/// The event a page gets: `reload`, or `errors` with the problems as JSON.
fn event_message(state: &State) -> String {
    if state.errors.is_empty() {
        format!("event: reload\ndata: {}\n\n", state.generation)
    } else {
        let list: Vec<serde_json::Value> = state
            .errors
            .iter()
            .map(|d| serde_json::json!({"location": d.location(), "message": d.message, "line": d.source_line(), "hint": d.hint}))
            .collect();
        format!(
            "event: errors\ndata: {}\n\n",
            serde_json::Value::Array(list)
        )
    }
}

/// tiny_http sends a streamed body in chunks of 8 KiB, and a chunk leaves only when more bytes
/// arrive than it holds. So each event is padded with an SSE comment to one byte past a whole
/// number of chunks: everything up to that byte (the event and most of the comment) goes out at
/// once; the last byte, the comment's final newline, follows with the next event.
const CHUNK: usize = 8192;

fn padded(message: &str) -> Vec<u8> {
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

fn events(request: tiny_http::Request, listeners: &Listeners, state: &Arc<RwLock<State>>) {
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

fn content_type(path: &str) -> &'static str {
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

/// The live-reload client: reloads on a new build, shows an overlay while the build is broken.
const LIVE_JS: &str = r#"(function () {
  var source = new EventSource('/__vejviser/events');
  function overlay(errors) {
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
    title.textContent = errors.length + ' error(s) — the page shows the last good build';
    box.appendChild(title);
    errors.forEach(function (e) {
      var p = document.createElement('p');
      var where = document.createElement('code');
      where.textContent = e.location;
      p.appendChild(where);
      p.appendChild(document.createTextNode(': ' + e.message));
      if (e.line) { var pre = document.createElement('pre'); pre.textContent = e.line; p.appendChild(pre); }
      if (e.hint) { var hint = document.createElement('em'); hint.textContent = e.hint; p.appendChild(hint); }
      box.appendChild(p);
    });
  }
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('errors', function (event) { overlay(JSON.parse(event.data)); });
})();
"#;

fn answer(request: tiny_http::Request, state: &Arc<RwLock<State>>, single: bool) {
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
            let _ = request.respond(error_page(&s.errors));
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
            let html = inject_live(bytes, &s.errors);
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
fn request_path(url: &str) -> Option<String> {
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

fn redirect(to: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("")
        .with_status_code(301)
        .with_header(header("Location", to))
}

/// The page with the live-reload script, and the errors of a broken build written in so they
/// show even before the event stream connects.
fn inject_live(html: &[u8], errors: &[Diagnostic]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut tag = format!("<script src=\"{LIVE_SCRIPT}\" defer></script>");
    if !errors.is_empty() {
        tag.push_str("<noscript><p>");
        tag.push_str(&crate::markdown::escape(&format!(
            "{} error(s): {}",
            errors.len(),
            errors[0]
        )));
        tag.push_str("</p></noscript>");
    }
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// The page served while the project has never built: every error, and the live-reload script.
fn error_page(errors: &[Diagnostic]) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut html = String::from("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>vejviser: fejl</title></head><body><main><h1>The build has errors</h1>");
    for d in errors {
        html.push_str("<p><code>");
        html.push_str(&crate::markdown::escape(&d.location()));
        html.push_str("</code>: ");
        html.push_str(&crate::markdown::escape(&d.message));
        if let Some(hint) = &d.hint {
            html.push_str("<br><em>");
            html.push_str(&crate::markdown::escape(hint));
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

fn site_list(state: &State) -> Response<std::io::Cursor<Vec<u8>>> {
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

    #[test]
    fn events_fill_whole_chunks() {
        let event = padded("event: reload\ndata: 3\n\n");
        assert_eq!(event.len(), CHUNK + 1);
        assert!(event.starts_with(b"event: reload\ndata: 3\n\n: "));
        assert!(event.ends_with(b"\n\n"));
        assert_eq!(padded(&"x".repeat(CHUNK)).len(), 2 * CHUNK + 1);
    }

    #[test]
    fn editor_files_are_ignored() {
        assert!(is_temporary(Path::new("content/.om.md.swp")));
        assert!(is_temporary(Path::new("content/om.md~")));
        assert!(is_temporary(Path::new("content/.#om.md")));
        assert!(!is_temporary(Path::new("content/om.md")));
    }

    #[test]
    fn live_script_goes_before_the_end_of_body() {
        let html = inject_live(b"<html><body><p>x</p></body></html>", &[]);
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__vejviser/live.js\" defer></script></body></html>"
        );
    }
}
