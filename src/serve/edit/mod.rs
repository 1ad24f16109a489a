//! The editor inside the preview server, at `/_rediger/`: a start page listing what can be
//! edited, a form for each content file, safe saving, and a page that shows the changes under
//! `content/` and commits them with git.
//!
//! It runs only when the server listens on a loopback address (`serve` decides, see
//! [`super::run`]); [`guard`] decides who may use it and which files it may touch, [`fields`]
//! turns front matter into form fields and a save back into text edits, [`typed`] reads the
//! field definitions (the inputs' types, the project's choices, the list buttons) and
//! [`structure`] adds keys and rewrites lists, [`save`] checks a save with the build and writes
//! it, [`create`] makes a new course, [`git`] talks to git, [`start`], [`pages`], [`controls`]
//! and [`preview`] make the HTML from the words in [`text`]. Requests come in one at a time
//! on the server's thread, so two saves never overlap.

mod controls;
mod create;
mod fields;
mod git;
mod guard;
mod pages;
mod preview;
mod save;
mod start;
mod structure;
mod text;
mod typed;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use tiny_http::{Method, Request, Response};

use crate::build::BuildState;
use crate::error::Error;
use guard::{Guard, Refusal, MAX_BODY};
use pages::Changes;
use text::Words;

/// Where the editor lives; every path under it belongs to it.
pub const HOME: &str = "/_rediger/";
const STYLE: &str = "/_rediger/rediger.css";
const SCRIPT: &str = "/_rediger/rediger.js";
/// The preview of a body as it is typed: the rendered HTML of the text posted.
const PREVIEW: &str = "/_rediger/forhaandsvisning";
const CHANGES: &str = "/_rediger/aendringer/";
const FILES: &str = "/_rediger/fil/";
/// A new course for a municipality: `/_rediger/nyt-kursus/<site>/`.
const NEW_COURSE: &str = "/_rediger/nyt-kursus/";
const CSS: &str = include_str!("rediger.css");
const JS: &str = include_str!("rediger.js");
/// The pages load their style sheet and their one script from here and nothing else: no inline
/// script or style, no frames, forms and the preview's requests only to this server.
const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The address of a file's form: its path inside `content/`, each part percent-encoded.
fn file_url(rel: &str) -> String {
    const PART: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let parts: Vec<String> = rel
        .split('/')
        .map(|p| percent_encoding::utf8_percent_encode(p, PART).to_string())
        .collect();
    format!("{FILES}{}", parts.join("/"))
}

/// The editor's state: the project, the guard, and the caches of the builds that check saves
/// (kept apart from the preview's, so a refused save never touches what the preview shows).
pub struct Editor {
    root: PathBuf,
    guard: Guard,
    today: Option<chrono::NaiveDate>,
    checking: BuildState,
}

type Html = Response<std::io::Cursor<Vec<u8>>>;

impl Editor {
    /// The editor of the project at `root`, served at `addr`.
    pub fn new(
        root: &Path,
        addr: std::net::SocketAddr,
        today: Option<chrono::NaiveDate>,
    ) -> Result<Editor, Error> {
        Ok(Editor {
            root: root.to_path_buf(),
            guard: Guard::new(addr).map_err(Error::Usage)?,
            today,
            checking: BuildState::for_rebuilds(),
        })
    }

    /// Whether a request's path belongs to the editor.
    pub fn owns(url: &str) -> bool {
        url == HOME.trim_end_matches('/') || url.starts_with(HOME) || url.starts_with("/_rediger?")
    }

    /// The project's language, read afresh (the configuration may change while serving).
    fn words(&self) -> &'static Words {
        // The language alone, so the editor speaks it even while vejviser.yaml has errors.
        Words::of(crate::config::language_of(&self.root))
    }

    pub fn answer(&self, mut request: Request) {
        let w = self.words();
        let header = |request: &Request, name: &'static str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_string())
        };
        let (host, origin) = (header(&request, "Host"), header(&request, "Origin"));
        let declared = header(&request, "Content-Length").and_then(|l| l.parse::<usize>().ok());
        if !self.guard.same_origin(host.as_deref(), origin.as_deref()) {
            return respond(request, refusal(w, Refusal::Forbidden));
        }
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let Some(path) = super::http::request_path(path) else {
            return respond(request, refusal(w, Refusal::NotEditable));
        };
        let post = match request.method() {
            Method::Get | Method::Head => None,
            Method::Post => {
                if declared.is_some_and(|l| l > MAX_BODY) {
                    return respond(request, refusal(w, Refusal::TooLarge));
                }
                let mut body = Vec::new();
                let read = request
                    .as_reader()
                    .take(MAX_BODY as u64 + 1)
                    .read_to_end(&mut body);
                if read.is_err() || body.len() > MAX_BODY {
                    return respond(request, refusal(w, Refusal::TooLarge));
                }
                // Browsers send the line breaks of a text area as CRLF; files have LF (the body's
                // own line ends are restored in `save::edited`).
                let form: BTreeMap<String, String> = form_urlencoded::parse(&body)
                    .map(|(k, v)| (k.into_owned(), v.replace("\r\n", "\n")))
                    .collect();
                if !self
                    .guard
                    .token_matches(form.get("token").map(String::as_str))
                {
                    return respond(request, refusal(w, Refusal::Forbidden));
                }
                Some(form)
            }
            _ => return respond(request, page(405, pages::message(w, w.refused))),
        };
        let response = if path == HOME.trim_end_matches('/') {
            redirect(HOME)
        } else if path == HOME && post.is_none() {
            self.start(w)
        } else if path == STYLE && post.is_none() {
            Response::from_string(CSS)
                .with_header(super::header("Content-Type", "text/css; charset=utf-8"))
        } else if path == SCRIPT && post.is_none() {
            Response::from_string(JS).with_header(super::header(
                "Content-Type",
                "text/javascript; charset=utf-8",
            ))
        } else if path == PREVIEW {
            match post {
                Some(form) => Response::from_string(preview::render(
                    &self.root,
                    form.get("body").map_or("", String::as_str),
                ))
                .with_header(super::header("Content-Type", "text/html; charset=utf-8")),
                None => page(405, pages::message(w, w.refused)),
            }
        } else if path == CHANGES {
            self.changes(w, post.as_ref(), query)
        } else if let Some(site) = path.strip_prefix(NEW_COURSE) {
            self.new_course(w, site.trim_end_matches('/'), post)
        } else if let Some(rel) = path.strip_prefix(FILES) {
            match guard::content_file(&self.root, rel) {
                Err(why) => refusal(w, why),
                Ok(file) => match post {
                    None => self.form(w, rel, &file, query == "gemt"),
                    Some(form) => self.save(w, rel, &file, form),
                },
            }
        } else {
            refusal(w, Refusal::Missing)
        };
        respond(request, response);
    }

    /// A file's form with its values as they are on disk.
    fn form(&self, w: &Words, rel: &str, file: &Path, saved: bool) -> Html {
        let Ok(text) = std::fs::read_to_string(file) else {
            return refusal(w, Refusal::NotEditable);
        };
        let values = match save::file_fields(&text, rel) {
            Ok(found) => found.into_iter().map(|f| (f.path, f.value)).collect(),
            Err(_) => BTreeMap::new(),
        };
        let shown = Shown {
            saved,
            ..Shown::default()
        };
        page(200, self.page(w, rel, &text, &values, None, shown))
    }

    /// The form of the file at `rel` (whose text is `text`) showing `values` and `body`.
    fn page(
        &self,
        w: &Words,
        rel: &str,
        text: &str,
        values: &BTreeMap<String, String>,
        body: Option<&str>,
        shown: Shown,
    ) -> String {
        let (found, unreadable) = match save::file_fields(text, rel) {
            Ok(found) => (found, None),
            Err(why) => (Vec::new(), Some(why)),
        };
        let kind = values.get("kind").map(String::as_str);
        let top = typed::definitions(rel, kind);
        let choices = typed::Choices::of(&self.root, rel);
        let body = body.or(save::parts(text, rel).body);
        let preview = shown
            .preview
            .then(|| preview::render(&self.root, body.unwrap_or("")));
        let action = shown.action.clone().unwrap_or_else(|| file_url(rel));
        let form = pages::Form {
            rel,
            fields: &found,
            values,
            body,
            unreadable: unreadable.as_deref(),
            hash: &save::content_hash(text),
            token: self.guard.token(),
            problems: &shown.problems,
            saved: shown.saved,
            top: &top,
            choices: &choices,
            focus: shown.focus.as_deref(),
            preview: preview.as_deref(),
            action: &action,
            new: shown.new.as_ref().map(|(h, f)| (h.as_str(), f.as_str())),
        };
        pages::form(w, &form)
    }

    /// A save: refused when the file changed meanwhile (409) or the build finds an error in
    /// the new text (422, the form again with the problems); else written, and back to the form.
    /// A list button or the preview button shows the form again with the change, writing nothing.
    fn save(&self, w: &Words, rel: &str, file: &Path, sent: BTreeMap<String, String>) -> Html {
        let Ok(text) = std::fs::read_to_string(file) else {
            return refusal(w, Refusal::NotEditable);
        };
        let body = sent.get("body").map(String::as_str);
        let mut values = form_values(&sent);
        if let Some(action) = sent.get("do") {
            let kind = values.get("kind").cloned();
            let top = typed::definitions(rel, kind.as_deref());
            let focus = typed::act(&mut values, action, &top);
            let shown = Shown {
                preview: action == "preview",
                focus,
                ..Shown::default()
            };
            return page(200, self.page(w, rel, &text, &values, body, shown));
        }
        if sent.get("hash").map(String::as_str) != Some(save::content_hash(&text).as_str()) {
            let yours = match body {
                Some(body) => format!("{}\n\n{}", fields_sent(&sent), body.replace("\r\n", "\n")),
                None => fields_sent(&sent),
            };
            return page(409, pages::conflict(w, rel, &text, &yours));
        }
        let problems = match save::edited(&text, rel, &values, body) {
            Ok(new) if new == text => return redirect(&format!("{}?gemt", file_url(rel))),
            Ok(new) => {
                let found =
                    save::problems(&self.root, rel, file, &new, self.today, &self.checking, w);
                match found {
                    Ok(problems) if problems.is_empty() => {
                        return match save::write_atomically(file, &new) {
                            Ok(()) => redirect(&format!("{}?gemt", file_url(rel))),
                            Err(e) => page(500, pages::message(w, &e.to_string())),
                        };
                    }
                    Ok(problems) => problems,
                    Err(e) => vec![pages::Problem {
                        field: None,
                        message: e.to_string(),
                    }],
                }
            }
            Err(path) => vec![pages::Problem {
                field: Some(path),
                message: w.cannot_reshape.to_string(),
            }],
        };
        // The first field with a problem has focus when the form comes back.
        let shown = Shown {
            focus: problems.iter().find_map(|p| p.field.clone()),
            problems,
            ..Shown::default()
        };
        let body = body.map(|b| b.replace("\r\n", "\n"));
        page(
            422,
            self.page(w, rel, &text, &values, body.as_deref(), shown),
        )
    }

    /// The changes page, and a commit when `sent`.
    fn changes(&self, w: &Words, sent: Option<&BTreeMap<String, String>>, query: &str) -> Html {
        match git::availability(&self.root) {
            git::Availability::NoGit => {
                return page(200, pages::changes(w, &Changes::Unavailable(w.no_git)))
            }
            git::Availability::NoRepository => {
                return page(
                    200,
                    pages::changes(w, &Changes::Unavailable(w.no_repository)),
                )
            }
            git::Availability::Ready => {}
        }
        let mut note = (query == "gemt").then_some((true, w.committed.to_string()));
        let message = sent
            .and_then(|s| s.get("message"))
            .map(|m| m.trim().to_string())
            .unwrap_or_default();
        let missing = sent.is_some() && message.is_empty();
        if sent.is_some() && !missing {
            match git::commit(&self.root, &message) {
                Ok(()) => return redirect(&format!("{CHANGES}?gemt")),
                Err(e) => note = Some((false, format!("{} {e}", w.commit_failed))),
            }
        }
        let listed = match git::changes(&self.root) {
            Ok(listed) => listed,
            Err(e) => return page(500, pages::message(w, &format!("{} {e}", w.commit_failed))),
        };
        let status = if missing || note.as_ref().is_some_and(|(ok, _)| !ok) {
            422
        } else {
            200
        };
        let html = pages::changes(
            w,
            &Changes::Listed {
                changes: &listed,
                token: self.guard.token(),
                note: note.as_ref().map(|(ok, t)| (*ok, t.as_str())),
                message: &message,
                missing_message: missing,
            },
        );
        page(status, html)
    }
}

/// What a form shows besides its values.
#[derive(Default)]
struct Shown {
    saved: bool,
    preview: bool,
    focus: Option<String>,
    problems: Vec<pages::Problem>,
    /// Where the form is sent, when not to the file's own address.
    action: Option<String>,
    /// A new course's heading and file name.
    new: Option<(String, String)>,
}

/// The front-matter values a form sent: every field but the form's own.
fn form_values(sent: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    sent.iter()
        .filter(|(k, _)| !matches!(k.as_str(), "token" | "hash" | "body" | "do" | "fil"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The values of a refused save, one `path: value` a line, for the user to copy from.
fn fields_sent(sent: &BTreeMap<String, String>) -> String {
    sent.iter()
        .filter(|(k, _)| !matches!(k.as_str(), "token" | "hash" | "body"))
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn page(status: u16, html: String) -> Html {
    Response::from_string(html)
        .with_status_code(status)
        .with_header(super::header("Content-Type", "text/html; charset=utf-8"))
}

fn refusal(w: &Words, why: Refusal) -> Html {
    let text = match why {
        Refusal::Forbidden => w.refused,
        Refusal::NotEditable | Refusal::Missing => w.not_found,
        Refusal::TooLarge => w.too_large,
    };
    page(why.status(), pages::message(w, text))
}

/// After a POST: to the page to show next (303: fetched with GET).
fn redirect(to: &str) -> Html {
    Response::from_string("")
        .with_status_code(303)
        .with_header(super::header("Location", to))
}

fn respond(request: Request, response: Html) {
    let response = response
        .with_header(super::header("Content-Security-Policy", CSP))
        .with_header(super::header("Cache-Control", "no-store"))
        .with_header(super::header("X-Content-Type-Options", "nosniff"))
        .with_header(super::header("Referrer-Policy", "same-origin"));
    let _ = request.respond(response);
}
