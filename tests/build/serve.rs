//! `vejviser serve`, run as a real process on a copy of a fixture: what it serves, how it follows
//! edits (rebuild, server-sent events, errors shown over the last good pages), and its command
//! line. Each test starts the binary with `--port 0`, reads the address from its first line and
//! kills it when done, also when the test fails. Every wait is a bounded poll for a condition;
//! the one wait for something *not* to happen (an editor's temporary file) is kept short.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html};

use crate::common::*;

/// How long a condition may take before the test fails. Generous for slow machines: a passing
/// test waits only as long as the server needs.
pub(crate) const PATIENCE: Duration = Duration::from_secs(20);
/// How often a condition is checked.
pub(crate) const POLL: Duration = Duration::from_millis(50);
/// How long nothing must happen after writing an editor's temporary file.
pub(crate) const QUIET: Duration = Duration::from_secs(1);

/// A running `vejviser serve`, killed when dropped, so a failing test leaves no process behind.
pub(crate) struct Server {
    pub(crate) child: Child,
    /// `http://127.0.0.1:<port>`, without the final slash, so `base + "/path"` reads naturally.
    pub(crate) base: String,
    /// What the server wrote to stderr so far: its rebuilds and diagnostics.
    pub(crate) log: Arc<Mutex<String>>,
    /// The first line of stdout, once read by [`Server::start`]: `serving … on http://…/`.
    pub(crate) announced: String,
    pub(crate) first_line: Receiver<String>,
    pub(crate) http: ureq::Agent,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client for a local test server: statuses and redirects as they come, no proxy.
pub(crate) fn http_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

impl Server {
    /// Starts `serve` on `project` without waiting for it.
    pub(crate) fn spawn(project: &Project, args: &[&str]) -> Server {
        let today = today().to_string();
        let mut child = Command::new(env!("CARGO_BIN_EXE_vejviser"))
            .args(["serve", "--root", project.root.to_str().unwrap()])
            .args(["--port", "0", "--today", &today])
            .args(args)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot run the vejviser binary");

        // Both pipes are read to the end, so the server never blocks on a full pipe.
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, first_line) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
            if let Some(line) = lines.next() {
                let _ = tx.send(line);
            }
            lines.for_each(drop);
        });

        Server {
            child,
            base: String::new(),
            log,
            announced: String::new(),
            first_line,
            http: http_agent(),
        }
    }

    /// Starts `serve` on `project` and waits for the address it prints.
    pub(crate) fn start(project: &Project, args: &[&str]) -> Server {
        let mut server = Server::spawn(project, args);
        let line = server
            .first_line
            .recv_timeout(PATIENCE)
            .unwrap_or_else(|_| {
                panic!(
                    "`serve` printed no address within {PATIENCE:?}; stderr:\n{}",
                    server.log()
                )
            });
        let port = line
            .strip_prefix("serving ")
            .and_then(|rest| rest.split_once(" on http://127.0.0.1:"))
            .and_then(|(_, port)| port.strip_suffix('/'))
            .and_then(|port| port.parse::<u16>().ok())
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
        server.base = format!("http://127.0.0.1:{port}");
        server.announced = line;
        server
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// How many rebuilds the server has reported (it logs one line per rebuild after the first).
    pub(crate) fn rebuilds(&self) -> usize {
        self.log()
            .lines()
            .filter(|l| l.starts_with("rebuilt in "))
            .count()
    }

    pub(crate) fn get(&self, path: &str) -> Reply {
        let url = format!("{}{path}", self.base);
        let mut response = self
            .http
            .get(&url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}\nserver stderr:\n{}", self.log()));
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type").unwrap_or_default();
        let location = header("location");
        Reply {
            status: response.status().as_u16(),
            content_type,
            location,
            body: response.body_mut().read_to_string().unwrap(),
        }
    }

    /// Polls `probe` every [`POLL`] until it gives `Ok`, for at most [`PATIENCE`]; fails with
    /// `what`, the last thing `probe` saw and the server's stderr.
    pub(crate) fn wait_for<T>(
        &self,
        what: &str,
        mut probe: impl FnMut() -> Result<T, String>,
    ) -> T {
        let started = Instant::now();
        loop {
            match probe() {
                Ok(found) => return found,
                Err(seen) if started.elapsed() > PATIENCE => panic!(
                    "waited {PATIENCE:?} for {what}; last seen: {seen}\nserver stderr:\n{}",
                    self.log()
                ),
                Err(_) => std::thread::sleep(POLL),
            }
        }
    }

    /// Waits until `path` answers 200 and `check` accepts the page.
    pub(crate) fn wait_for_page(
        &self,
        what: &str,
        path: &str,
        check: impl Fn(&Reply) -> Result<(), String>,
    ) -> Reply {
        self.wait_for(what, || {
            let reply = self.get(path);
            if reply.status != 200 {
                return Err(format!("{path} answered {}", reply.status));
            }
            check(&reply).map(|()| reply)
        })
    }

    /// Waits until `path` answers `status`.
    pub(crate) fn wait_for_status(&self, path: &str, status: u16) {
        self.wait_for(&format!("{path} to answer {status}"), || {
            let reply = self.get(path);
            if reply.status == status {
                Ok(())
            } else {
                Err(format!("{path} answered {}", reply.status))
            }
        });
    }

    /// Waits (bounded) until the process ends, as it should after a usage error.
    pub(crate) fn wait_for_exit(&mut self) -> ExitStatus {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "`serve` still runs after {PATIENCE:?}; stderr:\n{}",
                self.log()
            );
            std::thread::sleep(POLL);
        }
    }
}

/// An answer of the server.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: String,
    pub(crate) location: Option<String>,
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// The texts of the `<h1>`s.
    pub(crate) fn headings(&self) -> Vec<String> {
        texts(&self.html(), "h1")
    }

    /// Ok when the page's `<h1>` is `title`; else what it is.
    pub(crate) fn titled(&self, title: &str) -> Result<(), String> {
        let headings = self.headings();
        if headings == [title] {
            Ok(())
        } else {
            Err(format!("the page's <h1> is {headings:?}"))
        }
    }

    /// The note a page carries while the build is broken (`<noscript><p>N fejl: …`, or `N error(s): …` in English).
    pub(crate) fn error_note(&self) -> Option<String> {
        // With scripting on, as in a browser, a `<noscript>`'s content parses as text.
        texts(&self.html(), "noscript")
            .into_iter()
            .find(|t| t.contains(" fejl: ") || t.contains(" error(s): "))
    }
}

/// One server-sent event.
#[derive(Debug)]
pub(crate) struct Event {
    pub(crate) name: String,
    pub(crate) data: String,
}

/// An open `/__vejviser/events` stream; a thread reads it line by line and passes on each
/// complete event.
pub(crate) struct Events {
    pub(crate) rx: Receiver<Event>,
}

impl Events {
    /// Connects and returns once the server has answered, that is once it is listening.
    pub(crate) fn open(server: &Server) -> Events {
        let url = format!("{}/__vejviser/events", server.base);
        let (ready_tx, ready) = mpsc::channel();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // No overall timeout: the stream stays open until the server goes away.
            let agent: ureq::Agent = ureq::Agent::config_builder().proxy(None).build().into();
            let response = match agent.get(&url).call() {
                Ok(response) => response,
                Err(e) => {
                    let _ = ready_tx.send(Err(e.to_string()));
                    return;
                }
            };
            let content_type = response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string();
            let _ = ready_tx.send(Ok(content_type));
            let (mut name, mut data) = (String::new(), String::new());
            for line in BufReader::new(response.into_body().into_reader())
                .lines()
                .map_while(Result::ok)
            {
                if line.is_empty() {
                    // A blank line ends an event; after a comment it ends nothing.
                    if !name.is_empty() || !data.is_empty() {
                        let event = Event {
                            name: std::mem::take(&mut name),
                            data: std::mem::take(&mut data),
                        };
                        if tx.send(event).is_err() {
                            return;
                        }
                    }
                } else if let Some(value) = line.strip_prefix("event:") {
                    name = value.trim_start().to_string();
                } else if let Some(value) = line.strip_prefix("data:") {
                    if !data.is_empty() {
                        data.push('\n');
                    }
                    data.push_str(value.trim_start());
                }
                // Comment lines (`: …`) only keep the connection alive.
            }
        });
        match ready.recv_timeout(PATIENCE) {
            Ok(Ok(content_type)) => {
                assert!(
                    content_type.starts_with("text/event-stream"),
                    "the event stream is served as {content_type:?}"
                );
                Events { rx }
            }
            Ok(Err(e)) => panic!("cannot open the event stream: {e}"),
            Err(_) => panic!(
                "the event stream sent no headers within {PATIENCE:?}; server stderr:\n{}",
                server.log()
            ),
        }
    }

    /// The first event `wanted` accepts, skipping others (an editor may save in steps, each a
    /// build); fails after [`PATIENCE`], listing what came.
    pub(crate) fn wait_for(&self, what: &str, wanted: impl Fn(&Event) -> bool) -> Event {
        let deadline = Instant::now() + PATIENCE;
        let mut skipped = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(event) if wanted(&event) => return event,
                Ok(event) => skipped.push(event),
                Err(_) => panic!("no {what} within {PATIENCE:?}; the stream sent {skipped:?}"),
            }
        }
    }

    pub(crate) fn wait_for_reload(&self) -> Event {
        self.wait_for("`reload` event", |e| e.name == "reload")
    }

    /// The next event, if one comes within `within`.
    pub(crate) fn next_within(&self, within: Duration) -> Option<Event> {
        self.rx.recv_timeout(within).ok()
    }
}

/// Ok when the served page shows no error note.
pub(crate) fn no_error_note(reply: &Reply) -> Result<(), String> {
    match reply.error_note() {
        None => Ok(()),
        Some(note) => Err(format!("the page still shows the error note {note:?}")),
    }
}

/// A complete page: front matter with a title, and a paragraph.
pub(crate) fn page_source(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n\n{body}\n")
}

#[test]
fn serves_pages_static_files_and_redirects() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    assert_eq!(
        server.announced,
        format!("serving every municipality on {}/", server.base)
    );

    let page = server.get("/roskilde/om/");
    assert_eq!(page.status, 200);
    assert!(
        page.content_type.starts_with("text/html"),
        "{}",
        page.content_type
    );
    page.titled("Om Recoveryskolen").unwrap();
    let doc = page.html();
    let last = one(&doc, "body")
        .children()
        .filter_map(ElementRef::wrap)
        .last()
        .expect("the body is empty");
    assert_eq!(
        (last.value().name(), last.value().attr("src")),
        ("script", Some("/__vejviser/live.js")),
        "the live-reload script should close the body"
    );
    assert_eq!(page.error_note(), None);

    let script = server.get("/__vejviser/live.js");
    assert_eq!(script.status, 200);
    assert!(script.content_type.starts_with("text/javascript"));
    assert!(script
        .body
        .contains("new EventSource('/__vejviser/events')"));

    // The stylesheet the front page links to.
    let front = server.get("/roskilde/");
    assert_eq!(front.status, 200);
    let sheets = attrs(&front.html(), "link[rel=stylesheet]", "href");
    assert!(!sheets.is_empty(), "the front page links no stylesheet");
    for href in sheets {
        let css = server.get(&format!("/roskilde/{}", resolve("", &href)));
        assert_eq!(css.status, 200, "{href}");
        assert!(
            css.content_type.starts_with("text/css"),
            "{href} is served as {:?}",
            css.content_type
        );
        assert!(!css.body.is_empty(), "{href} is empty");
    }

    for missing in ["/roskilde/findes-ikke/", "/roskilde/om.md", "/koebenhavn/"] {
        assert_eq!(server.get(missing).status, 404, "{missing}");
    }

    // A folder without its slash goes to the folder, so relative links resolve.
    for (from, to) in [
        ("/roskilde/om", "/roskilde/om/"),
        ("/roskilde", "/roskilde/"),
    ] {
        let reply = server.get(from);
        assert_eq!(reply.status, 301, "{from}");
        assert_eq!(reply.location.as_deref(), Some(to), "{from}");
    }

    // The list of municipalities.
    let list = server.get("/");
    assert_eq!(list.status, 200);
    let doc = list.html();
    assert_eq!(
        texts(&doc, "li a"),
        ["Gladsaxe Kommune", "Roskilde Kommune"]
    );
    assert_eq!(attrs(&doc, "li a", "href"), ["/gladsaxe/", "/roskilde/"]);
}

#[test]
fn an_edit_is_served_after_the_rebuild() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    server
        .get("/roskilde/om/")
        .titled("Om Recoveryskolen")
        .unwrap();

    project.write(
        "content/roskilde/om.md",
        page_source("Om Recoveryskolen i Roskilde", "Ny tekst.").as_bytes(),
    );
    let page = server.wait_for_page("the new title", "/roskilde/om/", |r| {
        r.titled("Om Recoveryskolen i Roskilde")
    });
    assert!(page.body.contains("Ny tekst."));
    assert_eq!(page.error_note(), None);
    // The other municipality is untouched.
    server.get("/gladsaxe/om/").titled("Om Gladsaxe").unwrap();
}

#[test]
fn the_event_stream_announces_a_rebuild() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let events = Events::open(&server);

    project.write(
        "content/gladsaxe/om.md",
        page_source("Om Gladsaxe Kommune", "Ny tekst.").as_bytes(),
    );
    let reload = events.wait_for_reload();
    assert!(
        reload.data.parse::<u64>().is_ok(),
        "a reload carries the build number, not {:?}",
        reload.data
    );
    // The event comes after the new pages are in place.
    server
        .get("/gladsaxe/om/")
        .titled("Om Gladsaxe Kommune")
        .unwrap();
}

#[test]
fn a_broken_file_keeps_the_last_good_pages_until_it_is_fixed() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let events = Events::open(&server);

    // A colon in an unquoted value: malformed YAML on line 2 of the file.
    project.write(
        "content/roskilde/om.md",
        b"---\ntitle: Om os: Recoveryskolen i Roskilde\n---\n\nNy tekst.\n",
    );
    let location = "content/roskilde/om.md:2:13";
    let event = events.wait_for("`errors` event", |e| e.name == "errors");
    let report: serde_json::Value = serde_json::from_str(&event.data)
        .unwrap_or_else(|e| panic!("the errors are not JSON ({e}): {}", event.data));
    assert_eq!(
        report["title"], "1 fejl — siden viser den seneste bygning uden fejl",
        "{report:?}"
    );
    let errors = report["errors"].as_array().expect("the errors are a list");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["location"], location, "{errors:?}");
    assert_eq!(
        errors[0]["line"], "title: Om os: Recoveryskolen i Roskilde",
        "{errors:?}"
    );
    let message = errors[0]["message"].as_str().unwrap_or_default();
    assert_eq!(
        message, "Værdien indeholder `: `, som YAML læser som starten på et nyt felt",
        "{errors:?}"
    );
    assert!(errors[0]["hint"].is_string(), "{errors:?}");

    // The last good page, with a note naming the place.
    let page = server.get("/roskilde/om/");
    assert_eq!(page.status, 200);
    page.titled("Om Recoveryskolen").unwrap();
    assert!(!page.body.contains("Ny tekst."));
    let note = page.error_note().expect("the page shows no error note");
    assert!(note.contains("1 fejl: "), "{note}");
    assert!(
        note.contains(location),
        "the note does not name {location}: {note}"
    );
    // Every page of the preview says so, not only the broken one.
    assert!(server.get("/gladsaxe/").error_note().is_some());

    // A page opened while the build is broken learns of it at once.
    let late = Events::open(&server);
    let event = late.wait_for("`errors` event on a new stream", |e| e.name == "errors");
    assert!(event.data.contains(location), "{}", event.data);

    project.write(
        "content/roskilde/om.md",
        page_source("\"Om os: Recoveryskolen i Roskilde\"", "Ny tekst.").as_bytes(),
    );
    events.wait_for_reload();
    let page = server.wait_for_page("the fixed page", "/roskilde/om/", |r| {
        r.titled("Om os: Recoveryskolen i Roskilde")?;
        no_error_note(r)
    });
    assert!(page.body.contains("Ny tekst."));
    no_error_note(&server.get("/gladsaxe/")).unwrap();
}

#[test]
fn a_good_build_of_one_site_keeps_the_errors_of_another() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let events = Events::open(&server);

    project.write(
        "content/roskilde/om.md",
        b"---\ntitle: Om os: Recoveryskolen i Roskilde\n---\n",
    );
    events.wait_for("`errors` event", |e| e.name == "errors");
    // Roskilde is still broken, so saving a good file in Gladsaxe must not clear the errors.
    project.write(
        "content/gladsaxe/om.md",
        page_source("Om Gladsaxe Kommune", "Ny tekst.").as_bytes(),
    );
    let event = events.wait_for("`errors` event after the edit in Gladsaxe", |_| true);
    assert_eq!(event.name, "errors", "{event:?}");
    assert!(
        event.data.contains("content/roskilde/om.md:2:13"),
        "{event:?}"
    );
    // The preview is one build: until it is good again, every page stays as it last was.
    let page = server.get("/gladsaxe/om/");
    page.titled("Om Gladsaxe").unwrap();
    assert!(page.error_note().is_some(), "the note is gone");
}

#[test]
fn deleted_renamed_and_half_saved_files() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    server
        .get("/roskilde/praktisk/")
        .titled("Praktisk")
        .unwrap();

    // Deleted: the page goes, the rest stays.
    std::fs::remove_file(project.path("content/roskilde/praktisk.md")).unwrap();
    server.wait_for_status("/roskilde/praktisk/", 404);
    for (path, title) in [
        ("/roskilde/", "Roskilde Kommune"),
        ("/roskilde/om/", "Om Recoveryskolen"),
        ("/gladsaxe/om/", "Om Gladsaxe"),
    ] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        page.titled(title).unwrap();
        no_error_note(&page).unwrap();
    }

    // Renamed: the page moves with its file.
    std::fs::rename(
        project.path("content/roskilde/om.md"),
        project.path("content/roskilde/om-os.md"),
    )
    .unwrap();
    server.wait_for_page("the renamed page", "/roskilde/om-os/", |r| {
        r.titled("Om Recoveryskolen")
    });
    server.wait_for_status("/roskilde/om/", 404);

    // Half saved: the first write is invalid (the front matter never closes), the second
    // completes it; whatever the server built in between, it ends with the whole page.
    let path = project.path("content/roskilde/kontakt.md");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(b"---\ntitle: Kon").unwrap();
    file.sync_all().unwrap();
    std::thread::sleep(Duration::from_millis(150));
    file.write_all(b"takt\n---\n\nRing til os.\n").unwrap();
    drop(file);
    let page = server.wait_for_page("the completed page", "/roskilde/kontakt/", |r| {
        r.titled("Kontakt")?;
        no_error_note(r)
    });
    assert!(page.body.contains("Ring til os."));
}

#[test]
fn editor_temporary_files_do_not_rebuild() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let events = Events::open(&server);
    let before = server.rebuilds();

    // Vim's swap file and the backup of many editors, beside the page being edited.
    project.write("content/roskilde/.om.md.swp", b"b0VIM 9.0 swap");
    project.write(
        "content/roskilde/om.md~",
        page_source("Backup", "x").as_bytes(),
    );
    if let Some(event) = events.next_within(QUIET) {
        panic!("a temporary file triggered {event:?}");
    }
    assert_eq!(server.rebuilds(), before, "{}", server.log());

    // The stream is alive: saving the page itself does rebuild.
    project.write(
        "content/roskilde/om.md",
        page_source("Om os", "Ny tekst.").as_bytes(),
    );
    events.wait_for_reload();
    server.wait_for("the rebuild to be logged", || {
        let n = server.rebuilds();
        if n > before {
            Ok(())
        } else {
            Err(format!("{n} rebuild(s)"))
        }
    });
    server.get("/roskilde/om/").titled("Om os").unwrap();
}

#[test]
fn a_new_municipality_is_served_and_listed() {
    let project = Project::fixture("serve/new-municipality");
    let server = Server::start(&project, &[]);
    assert_eq!(server.get("/koege/").status, 404);

    // The folder appears whole, as when it is moved or checked out into content/.
    std::fs::rename(
        project.path("incoming/koege"),
        project.path("content/koege"),
    )
    .unwrap();
    server.wait_for_page("Køge's front page", "/koege/", |r| {
        r.titled("Køge Kommune")
    });
    server.get("/koege/om/").titled("Om Køge").unwrap();
    let list = server.get("/").html();
    assert_eq!(texts(&list, "li a"), ["Køge Kommune", "Roskilde Kommune"]);
    assert_eq!(attrs(&list, "li a", "href"), ["/koege/", "/roskilde/"]);
    server
        .get("/roskilde/om/")
        .titled("Om Recoveryskolen")
        .unwrap();

    // And when it goes away, so do its pages and its entry in the list.
    std::fs::rename(
        project.path("content/koege"),
        project.path("incoming/koege"),
    )
    .unwrap();
    server.wait_for_status("/koege/", 404);
    assert_eq!(texts(&server.get("/").html(), "li a"), ["Roskilde Kommune"]);
}

/// The two-site fixture with `content/roskilde/om.md` written as `text`, and a server started on
/// it: when the text is broken, it has never built, and every page is the error page.
fn started_broken(text: &[u8]) -> (Project, Server) {
    let project = Project::fixture("serve/two-sites");
    project.write("content/roskilde/om.md", text);
    let server = Server::start(&project, &[]);
    (project, server)
}

#[test]
fn a_project_that_starts_broken_shows_its_errors_and_recovers() {
    let good =
        std::fs::read_to_string(Project::fixture("serve/two-sites").path("content/roskilde/om.md"))
            .unwrap();
    let (project, server) = started_broken(b"---\ntitle: [broken\n---\nTekst.\n");
    let page = server.get("/roskilde/om/");
    assert_eq!(page.status, 500, "{}", page.body);
    assert!(
        // Where the list that is never closed opens.
        page.body.contains("content/roskilde/om.md:2:8"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("/__vejviser/live.js"),
        "the error page must reload when fixed"
    );
    project.write("content/roskilde/om.md", good.as_bytes());
    server.wait_for_page("the fixed page", "/roskilde/om/", |r| {
        r.titled("Om Recoveryskolen")
    });
}

#[test]
fn the_error_page_shows_what_a_message_quotes_as_code() {
    let (_project, server) = started_broken(b"---\ntitle: Om os\ntitel: Om os\n---\nTekst.\n");
    let page = server.get("/roskilde/om/");
    assert_eq!(page.status, 500, "{}", page.body);
    // `titel` in the message and `title` in the hint, as the file writes them: no backticks.
    assert!(
        page.body.contains("Ukendt felt <code>titel</code>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<code>title</code>"), "{}", page.body);
    assert!(!page.body.contains('`'), "{}", page.body);
}

#[test]
fn the_search_index_catches_up_with_an_edit() {
    let project = Project::fixture("serve/two-sites");
    let server = Server::start(&project, &[]);
    let index_of = |reply: &Reply| -> String {
        let doc = scraper::Html::parse_document(&reply.body);
        let form = doc.select(&sel("form[data-index]")).next();
        let href = form.and_then(|f| f.value().attr("data-index"));
        href.expect("the search page names its index").to_string()
    };
    let before = index_of(&server.get("/roskilde/sog/"));

    project.write(
        "content/roskilde/om.md",
        page_source("Om Recoveryskolen", "Kaffekandeordet står her nu.").as_bytes(),
    );
    server.wait_for_page("the edit", "/roskilde/om/", |r| {
        if r.body.contains("Kaffekandeordet") {
            Ok(())
        } else {
            Err("not yet".into())
        }
    });
    // Shortly after, the search page names a new index, and that index holds the new word.
    let search = server.wait_for_page("a new search index", "/roskilde/sog/", |r| {
        if index_of(r) != before {
            Ok(())
        } else {
            Err(format!("still {before}"))
        }
    });
    let meta = index_of(&search);
    // `data-index` is relative to the search page: `index/<hash>/meta.js`.
    let dir = format!(
        "/roskilde/sog/{}",
        meta.strip_suffix("meta.js")
            .filter(|m| m.starts_with("index/"))
            .unwrap_or_else(|| panic!("unexpected data-index {meta}"))
    );
    let found = (0..400).any(|i| {
        let shard = server.get(&format!("{dir}s{i}.js"));
        shard.status == 200 && shard.body.contains("\"kaffekandeordet\"")
    });
    assert!(found, "no term shard under {dir} holds the new word");
}
