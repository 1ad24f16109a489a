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
//!
//! Here: the options, the server's state and `run`, which wires the parts together. `watch`
//! turns file changes into rebuilds, `http` answers requests, `live` keeps open pages current,
//! `edit` is the editor at `/_rediger/` (only on a loopback address).

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

mod edit;
mod http;
mod live;
mod watch;

use http::answer;
use live::events;
use watch::{install, watch_loop};

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
    /// The project's language as of the latest build: the language the errors are shown in.
    language: crate::config::Language,
    /// Counts builds, so a page can tell whether it is current.
    generation: u64,
}

/// Open event streams of pages, each a channel to the thread that writes to it.
type Listeners = Arc<Mutex<Vec<Sender<String>>>>;

/// Starts the server and blocks; prints the address as its first line, once it serves the first
/// build and watches for changes, so scripts and tests can find it.
pub fn run(opts: &ServeOptions) -> Result<(), Error> {
    let cannot_listen =
        |e: &dyn std::fmt::Display| Error::Usage(crate::messages::cannot_listen(opts.port, e));
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
    let addr = std::net::SocketAddr::new(opts.bind, port);
    let base = format!("http://{addr}/");
    // Whoever reaches the server could write the project through the editor: it runs only
    // where nobody but this machine's user can reach it.
    let editor = if opts.bind.is_loopback() {
        Some(edit::Editor::new(&opts.root, addr, opts.today)?)
    } else {
        None
    };
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
    .map_err(|e| Error::Usage(crate::messages::cannot_watch(opts.root.display(), e)))?;
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
                .map_err(|e| Error::Usage(crate::messages::cannot_watch(path.display(), e)))?;
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

    match &editor {
        Some(_) => println!("edit in the browser: {base}{}", &edit::HOME[1..]),
        None => eprintln!(
            "warning: the editor ({}) is off: it runs only when the server listens on a loopback address (127.0.0.1)",
            edit::HOME
        ),
    }

    for request in server.incoming_requests() {
        if edit::Editor::owns(request.url()) {
            match &editor {
                Some(editor) => editor.answer(request),
                None => {
                    let _ =
                        request.respond(Response::from_string("not found").with_status_code(404));
                }
            }
            continue;
        }
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

/// A response header from static text.
/// A message as HTML: what it quotes in backticks (a key, a value as written in the file) as
/// `<code>`, so it reads as the file's own text; a lone backtick stays as it is. The overlay's
/// script (`live::LIVE_JS`) does the same with the messages of the event stream.
pub(crate) fn with_code(message: &str) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return crate::markdown::escape(message);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| match i % 2 {
            0 => crate::markdown::escape(part),
            _ => format!("<code>{}</code>", crate::markdown::escape(part)),
        })
        .collect()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

#[cfg(test)]
mod tests {
    use super::with_code;

    #[test]
    fn backticks_quote_code_and_the_rest_is_escaped() {
        assert_eq!(
            with_code("Ukendt felt `titel` <her>"),
            "Ukendt felt <code>titel</code> &lt;her&gt;"
        );
        assert_eq!(
            with_code("`a` og `<b>`"),
            "<code>a</code> og <code>&lt;b&gt;</code>"
        );
        // A lone backtick quotes nothing.
        assert_eq!(with_code("en ` alene"), "en ` alene");
    }
}
