//! The editor inside `vejviser serve` (`/_rediger/`): forms from a file's front matter, saves
//! that keep every unchanged byte, saves refused while the build finds an error, requests that
//! must not write (wrong token, foreign origin or host, paths outside `content/`, too large),
//! and committing the changes with git. Forbidden requests go out as raw HTTP, so nothing
//! between the test and the server tidies them up.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::process::Command;
use std::time::Instant;

use scraper::Html;

use crate::common::*;
use crate::serve::*;

/// A server's answer: status, headers (names in lower case) and body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }
}

/// The `host:port` of a server.
pub(crate) fn host(server: &Server) -> &str {
    server.base.strip_prefix("http://").unwrap()
}

/// Sends `head` (request line and headers, without the blank line) and `body` on a fresh
/// connection, with `Content-Length` and `Connection: close` added.
pub(crate) fn raw(server: &Server, head: &str, body: &[u8]) -> Answer {
    let mut stream = std::net::TcpStream::connect(host(server)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let request = format!(
        "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    // The server may answer (413) and close before reading a large body.
    let _ = stream.write_all(body);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {answer:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_string(),
    }
}

pub(crate) fn get(server: &Server, path: &str) -> Answer {
    raw(
        server,
        &format!("GET {path} HTTP/1.1\r\nHost: {}", host(server)),
        b"",
    )
}

/// Posts `fields` form-encoded, as a browser on the editor's own page does.
pub(crate) fn post(server: &Server, path: &str, fields: &[(String, String)]) -> Answer {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let origin = &server.base;
    raw(
        server,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nContent-Type: application/x-www-form-urlencoded",
            host(server)
        ),
        body.as_bytes(),
    )
}

/// The name and value of every input, select and textarea of the page's form, in order, as a
/// browser sends them: a radio button only when checked, a select's chosen option, a
/// textarea's line ends as CRLF. Buttons are left out (a save presses none of the named ones).
pub(crate) fn form_fields(doc: &Html) -> Vec<(String, String)> {
    doc.select(&sel(
        "form input[name], form textarea[name], form select[name]",
    ))
    .filter(|el| el.value().attr("type") != Some("radio") || el.value().attr("checked").is_some())
    .map(|el| {
        let name = el.value().attr("name").unwrap().to_string();
        let value = match el.value().name() {
            "textarea" => el.text().collect::<String>().replace('\n', "\r\n"),
            "select" => el
                .select(&sel("option[selected]"))
                .chain(el.select(&sel("option")))
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or("")
                .to_string(),
            _ => el.value().attr("value").unwrap_or("").to_string(),
        };
        (name, value)
    })
    .collect()
}

/// `fields` with `name` set to `value` (which must be there).
pub(crate) fn with(
    mut fields: Vec<(String, String)>,
    name: &str,
    value: &str,
) -> Vec<(String, String)> {
    let field = fields
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    field.1 = value.to_string();
    fields
}

pub(crate) fn form_path(rel: &str) -> String {
    format!("/_rediger/fil/{rel}")
}

/// Opens the form of `rel` and returns its fields.
pub(crate) fn open(server: &Server, rel: &str) -> Vec<(String, String)> {
    let answer = get(server, &form_path(rel));
    assert_eq!(answer.status, 200, "{rel}: {}", answer.body);
    form_fields(&answer.html())
}

/// The lines of `after` that differ from `before`, which must have as many.
pub(crate) fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(b.len(), a.len(), "lines added or removed:\n{after}");
    b.iter()
        .zip(&a)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect()
}

/// Every `.md` file and `_site.yaml` under `content/`, relative to it.
fn content_files(project: &Project) -> Vec<String> {
    tree(&project.path("content"))
        .into_keys()
        .filter(|k| k.ends_with(".md") || k.ends_with("/_site.yaml"))
        .collect()
}

pub(crate) const COURSE: &str = "roskilde/kurser/abc-foraar-2027.md";

#[test]
fn every_file_of_the_example_comes_back_unchanged_from_its_form() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let files = content_files(&project);
    assert!(files.len() > 60, "{files:?}");
    for rel in &files {
        let fields = open(&server, rel);
        assert!(fields.iter().any(|(n, _)| n == "token"), "{rel}");
        let answer = post(&server, &form_path(rel), &fields);
        assert_eq!(answer.status, 303, "{rel}: {}", answer.body);
    }
    let after = tree(&project.root);
    for (path, bytes) in &before {
        assert!(after.get(path) == Some(bytes), "{path} changed");
    }
    assert_eq!(listing(&before), listing(&after));
}

#[test]
fn a_form_has_an_input_named_by_each_front_matter_path_and_the_body() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let answer = get(&server, &form_path(COURSE));
    assert_eq!(answer.status, 200);
    assert!(answer
        .header("content-security-policy")
        .is_some_and(|csp| csp.contains("default-src 'none'")));
    let doc = answer.html();
    let fields: BTreeMap<String, String> = form_fields(&doc).into_iter().collect();
    assert_eq!(fields["title"], "ABC-gruppeforløb, forår 2027");
    assert_eq!(fields["schedule.start"], "2027-02-03");
    assert_eq!(fields["schedule.skip.1"], "2027-03-24");
    assert_eq!(
        fields["schedule.moved.0.note"],
        "Lokalet er optaget om onsdagen."
    );
    assert_eq!(fields["signup.email"], "sundhed@roskilde.example.dk");
    assert!(fields["body"].starts_with("\r\nFøler du dig ensom"));
    // Every input a user sees has a label; the page has no script and no inline style.
    for input in doc.select(&sel("input[type=radio]")) {
        let parent = input.parent().and_then(scraper::ElementRef::wrap).unwrap();
        assert_eq!(parent.value().name(), "label");
    }
    for input in doc.select(&sel(
        "input:not([type=hidden]):not([type=radio]), textarea, select",
    )) {
        let id = input.value().id().expect("an input without id");
        assert_eq!(
            doc.select(&sel(&format!("label[for=\"{id}\"]"))).count(),
            1,
            "{id}"
        );
    }
    // No inline script or style: the one script is a file of the editor's own.
    assert_eq!(
        doc.select(&sel("script:not([src]), [style], style"))
            .count(),
        0
    );
    assert_eq!(attrs(&doc, "script[src]", "src"), ["/_rediger/rediger.js"]);
    assert_eq!(one(&doc, "html").value().attr("lang"), Some("da"));
}

#[test]
fn changing_one_value_changes_only_its_line_and_the_preview_shows_it() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let path = project.path(&format!("content/{COURSE}"));
    let original = std::fs::read_to_string(&path).unwrap();

    let fields = with(open(&server, COURSE), "title", "ABC: forår 2027");
    let answer = post(&server, &form_path(COURSE), &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        answer.header("location"),
        Some(format!("{}?gemt", form_path(COURSE)).as_str())
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        changed_lines(&original, &saved),
        [(
            "title: ABC-gruppeforløb, forår 2027".to_string(),
            "title: \"ABC: forår 2027\"".to_string()
        )]
    );
    // The preview rebuilds from the saved file.
    let started = Instant::now();
    loop {
        let page = get(&server, "/roskilde/kurser/abc-foraar-2027/");
        if page.body.contains("ABC: forår 2027") {
            break;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the preview never showed the new title"
        );
        std::thread::sleep(POLL);
    }

    let fields = with(open(&server, COURSE), "schedule.start", "2027-02-10");
    let fields = with(fields, "schedule.skip.0", "2027-02-24");
    assert_eq!(post(&server, &form_path(COURSE), &fields).status, 303);
    let again = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        changed_lines(&saved, &again),
        [
            (
                "  start: 2027-02-03".to_string(),
                "  start: 2027-02-10".to_string()
            ),
            (
                "  skip: [2027-02-17, 2027-03-24]".to_string(),
                "  skip: [2027-02-24, 2027-03-24]".to_string()
            ),
        ]
    );
    let form = get(&server, &format!("{}?gemt", form_path(COURSE))).html();
    assert!(text(one(&form, "[role=status]")).contains("Gemt"));
}

#[test]
fn a_changed_setting_keeps_the_comments_and_key_order_of_site_yaml() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let rel = "roskilde/_site.yaml";
    let path = project.path(&format!("content/{rel}"));
    let original = std::fs::read_to_string(&path).unwrap();
    assert!(original.contains("\n# "), "the example lost its comment");
    let fields = with(
        open(&server, rel),
        "locations.makers-corner.name",
        "Makers Corner, værkstedet",
    );
    let answer = post(&server, &form_path(rel), &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        changed_lines(&original, &saved),
        [(
            "    name: Makers Corner".to_string(),
            "    name: Makers Corner, værkstedet".to_string()
        )]
    );
}

/// Posts `value` for `field` of the course, expects the form back (422) with the file as it
/// was, and returns the problem shown beside the field.
fn refused_value(field: &str, value: &str) -> String {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let fields = with(open(&server, COURSE), field, value);
    let answer = post(&server, &form_path(COURSE), &fields);
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(tree(&project.root) == before, "a refused save wrote");
    let doc = answer.html();
    // The value sent is kept in the form.
    let input = one(&doc, &format!("[name=\"{field}\"]"));
    let kept = form_fields(&doc).into_iter().find(|(n, _)| n == field);
    assert_eq!(kept.map(|(_, v)| v).as_deref(), Some(value));
    assert_eq!(input.value().attr("aria-invalid"), Some("true"));
    // Described by its help text and by the problem, shown right after it in Danish words.
    let described: Vec<&str> = input
        .value()
        .attr("aria-describedby")
        .expect("no aria-describedby")
        .split(' ')
        .collect();
    assert_eq!(described.len(), 2, "{described:?}");
    let help = one(&doc, &format!("#{}", described[0]));
    assert!(help.value().classes().any(|c| c == "hint"));
    let beside = one(&doc, &format!("#{}", described[1]));
    assert!(beside.value().classes().any(|c| c == "problem"));
    let problem = text(beside);
    let message = problem
        .strip_prefix("Fejl i feltet: ")
        .unwrap_or_else(|| panic!("not framed in Danish: {problem}"));
    // The summary at the top names it too, and leads to the field.
    let summary = one(&doc, "[role=alert]");
    assert!(text(summary).contains(message), "{}", text(summary));
    let id = input.value().id().unwrap();
    assert_eq!(
        one(&doc, "[role=alert] a").value().attr("href"),
        Some(format!("#{id}").as_str())
    );
    problem
}

#[test]
fn an_impossible_date_writes_nothing_and_is_shown_beside_its_field() {
    let problem = refused_value("schedule.start", "2027-02-30");
    assert!(problem.contains("2027-02-30"), "{problem}");
    assert!(problem.contains("linje 15"), "{problem}");
}

#[test]
fn an_unknown_location_writes_nothing_and_is_shown_beside_its_field() {
    let problem = refused_value("location", "makers-kroen");
    assert!(problem.contains("makers-kroen"), "{problem}");
    assert!(problem.contains("linje 11"), "{problem}");
}

#[test]
fn a_file_changed_since_its_form_was_opened_is_not_overwritten() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let fields = with(open(&server, COURSE), "title", "Min titel");
    let path = project.path(&format!("content/{COURSE}"));
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("capacity: 10", "capacity: 12");
    std::fs::write(&path, &theirs).unwrap();
    let answer = post(&server, &form_path(COURSE), &fields);
    assert_eq!(answer.status, 409);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let doc = answer.html();
    assert!(
        text(one(&doc, "h1")).contains("Filen er blevet ændret af en anden, siden du åbnede den")
    );
    let versions = texts(&doc, "pre");
    assert!(versions[0].contains("capacity: 12"), "{versions:?}");
    assert!(versions[1].contains("title: Min titel"), "{versions:?}");
}

#[test]
fn requests_not_from_the_editors_own_pages_are_refused_and_write_nothing() {
    let project = Project::repository_example();
    // A file outside content/, reached through a link inside it.
    project.write("hemmelig.md", b"---\ntitle: Hemmelig\n---\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        project.path("hemmelig.md"),
        project.path("content/roskilde/genvej.md"),
    )
    .unwrap();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let fields = with(open(&server, COURSE), "title", "Overtaget");
    let token = fields.iter().find(|(n, _)| n == "token").unwrap().1.clone();
    let body = |fields: &[(String, String)]| {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish()
    };
    let good = body(&fields);
    let without_token = body(
        &fields
            .iter()
            .filter(|(n, _)| n != "token")
            .cloned()
            .collect::<Vec<_>>(),
    );
    let wrong_token = body(&with(fields.clone(), "token", &"0".repeat(token.len())));
    let here = host(&server).to_string();
    let port = here.rsplit(':').next().unwrap().to_string();
    let course = form_path(COURSE);
    let form = "Content-Type: application/x-www-form-urlencoded";
    let cases: Vec<(&str, String, String, u16)> = vec![
        ("no token", format!("POST {course} HTTP/1.1\r\nHost: {here}\r\n{form}"), without_token, 403),
        ("a wrong token", format!("POST {course} HTTP/1.1\r\nHost: {here}\r\n{form}"), wrong_token, 403),
        (
            "another site's page",
            format!("POST {course} HTTP/1.1\r\nHost: {here}\r\nOrigin: http://angriber.example\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "a name pointed at this machine (DNS rebinding)",
            format!("POST {course} HTTP/1.1\r\nHost: angriber.example:{port}\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "no Host",
            format!("POST {course} HTTP/1.0\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "a path out of content/",
            format!("POST /_rediger/fil/../vejviser.yaml HTTP/1.1\r\nHost: {here}\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "an encoded path out of content/",
            format!("POST /_rediger/fil/%2e%2e/hemmelig.md HTTP/1.1\r\nHost: {here}\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "a file that is not content",
            format!("POST /_rediger/fil/roskilde/logo.svg HTTP/1.1\r\nHost: {here}\r\n{form}"),
            good.clone(),
            403,
        ),
        (
            "a link out of content/",
            format!("POST /_rediger/fil/roskilde/genvej.md HTTP/1.1\r\nHost: {here}\r\n{form}"),
            format!("{good}&title=Overtaget"),
            403,
        ),
        (
            "a body over the limit",
            format!("POST {course} HTTP/1.1\r\nHost: {here}\r\n{form}"),
            format!("{good}&x={}", "a".repeat(1024 * 1024)),
            413,
        ),
    ];
    for (what, head, body, status) in cases {
        let answer = raw(&server, &head, body.as_bytes());
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
        assert!(tree(&project.root) == before, "{what}: a file changed");
    }
    // Reading a form (which holds the token) needs this server's own Host too.
    let answer = raw(
        &server,
        &format!("GET {course} HTTP/1.1\r\nHost: angriber.example:{port}"),
        b"",
    );
    assert_eq!(answer.status, 403);
    assert!(!answer.body.contains(&token));
    // The same save from the editor's own page is written.
    assert_eq!(post(&server, &course, &fields).status, 303);
    assert!(tree(&project.root) != before);
}

#[test]
fn the_start_page_lists_each_municipalitys_courses_pages_and_manuals() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let answer = get(&server, "/_rediger/");
    assert_eq!(answer.status, 200);
    let doc = answer.html();
    let sections: Vec<String> = texts(&doc, "main section h2");
    assert_eq!(
        sections,
        [
            "Gladsaxe Kommune",
            "Jammerbugt Kommune",
            "Roskilde Kommune",
            "Fælles sider"
        ]
    );
    let links = attrs(&doc, "main a", "href");
    for expected in [
        "/_rediger/fil/roskilde/_site.yaml",
        "/_rediger/fil/roskilde/kurser/abc-foraar-2027.md",
        "/_rediger/fil/roskilde/om.md",
        "/_rediger/fil/_shared/manualer/peer-gruppe/sessioner/mode-01.md",
        "/_rediger/fil/_shared/manualer/peer-gruppe/ovelser/mit-staasted.md",
        "/_rediger/fil/_shared/manualer/peer-gruppe/01-om-peer-grupper.md",
        "/_rediger/fil/_shared/praktisk.md",
    ] {
        assert!(
            links.iter().any(|l| l == expected),
            "{expected} not in {links:?}"
        );
    }
    // A course shows its status on the day the server was started for.
    let course = doc
        .select(&sel("main li"))
        .find(|li| text(*li).contains("ABC-gruppeforløb, forår 2027"))
        .unwrap();
    assert!(
        text(course).contains("åben for tilmelding"),
        "{}",
        text(course)
    );
    // Every link leads to a form.
    for link in links.iter().filter(|l| l.starts_with("/_rediger/fil/")) {
        assert_eq!(get(&server, link).status, 200, "{link}");
    }
}

#[test]
fn the_editor_speaks_english_in_an_english_project() {
    let project = Project::repository_example();
    let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    assert!(config.contains("\nlanguage: da\n"));
    let english = config.replace("\nlanguage: da\n", "\nlanguage: en\n");
    project.write("vejviser.yaml", english.as_bytes());
    let server = Server::start(&project, &[]);
    let doc = get(&server, "/_rediger/").html();
    assert_eq!(one(&doc, "html").value().attr("lang"), Some("en"));
    assert_eq!(text(one(&doc, "h1")), "Edit the content");
}

#[test]
fn bound_to_another_address_the_server_has_no_editor() {
    let project = Project::fixture("serve/two-sites");
    let mut server = Server::spawn(&project, &["--bind", "0.0.0.0"]);
    let line = server.first_line.recv_timeout(PATIENCE).unwrap();
    let port = line.rsplit(':').next().unwrap().trim_end_matches('/');
    server.base = format!("http://127.0.0.1:{port}");
    let answer = get(&server, "/_rediger/");
    assert_eq!(answer.status, 404);
    assert_eq!(get(&server, "/roskilde/").status, 200);
    assert!(
        server.log().contains("the editor (/_rediger/) is off"),
        "{}",
        server.log()
    );
}

fn git(root: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .expect("git is needed for this test");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Makes `root` a git repository of its own, with an author and every file committed.
fn repository(root: &std::path::Path) {
    git(root, &["init", "--quiet"]);
    git(root, &["config", "user.name", "Test Redaktør"]);
    git(root, &["config", "user.email", "redaktoer@example.dk"]);
    git(root, &["add", "--all"]);
    git(root, &["commit", "--quiet", "-m", "Start"]);
}

#[test]
fn changes_are_listed_and_committed_from_the_browser() {
    let project = Project::repository_example();
    let root = &project.root;
    repository(root);
    // A change outside content/ is not the editor's to commit.
    project.write("NOTER.txt", b"mine noter\n");
    let server = Server::start(&project, &[]);

    let page = get(&server, "/_rediger/aendringer/").html();
    assert!(
        main_text(&page).contains("ingen ændringer"),
        "{}",
        main_text(&page)
    );

    let fields = with(open(&server, COURSE), "title", "ABC, <forår> 2027");
    assert_eq!(post(&server, &form_path(COURSE), &fields).status, 303);
    project.write(
        "content/roskilde/ny-side.md",
        b"---\ntitle: Ny side\n---\n\nHej.\n",
    );

    let answer = get(&server, "/_rediger/aendringer/");
    assert_eq!(answer.status, 200);
    let doc = answer.html();
    assert_eq!(
        texts(&doc, "main h2 code"),
        [
            "content/roskilde/kurser/abc-foraar-2027.md",
            "content/roskilde/ny-side.md"
        ]
    );
    let removed = texts(&doc, "pre.diff del");
    let added = texts(&doc, "pre.diff ins");
    assert_eq!(removed, ["Fjernet: -title: ABC-gruppeforløb, forår 2027"]);
    assert!(
        added.contains(&"Tilføjet: +title: ABC, <forår> 2027".to_string()),
        "{added:?}"
    );
    assert!(
        added.contains(&"Tilføjet: +title: Ny side".to_string()),
        "{added:?}"
    );
    assert!(answer.body.contains("&lt;forår&gt;"));

    // A commit needs a message.
    let token = form_fields(&doc)
        .into_iter()
        .find(|(n, _)| n == "token")
        .unwrap()
        .1;
    let blank = vec![
        ("token".to_string(), token.clone()),
        ("message".to_string(), "  ".to_string()),
    ];
    let answer = post(&server, "/_rediger/aendringer/", &blank);
    assert_eq!(answer.status, 422);
    assert_eq!(git(root, &["rev-list", "--count", "HEAD"]).trim(), "1");
    // Without the token nothing is committed.
    let forged = vec![
        ("token".to_string(), "x".to_string()),
        ("message".to_string(), "Ny".to_string()),
    ];
    assert_eq!(post(&server, "/_rediger/aendringer/", &forged).status, 403);
    assert_eq!(git(root, &["rev-list", "--count", "HEAD"]).trim(), "1");

    let message = vec![
        ("token".to_string(), token),
        (
            "message".to_string(),
            "Ny titel og en ny side i Roskilde".to_string(),
        ),
    ];
    let answer = post(&server, "/_rediger/aendringer/", &message);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let log = git(root, &["log", "-1", "--format=%an <%ae>|%s", "--name-only"]);
    assert!(
        log.starts_with("Test Redaktør <redaktoer@example.dk>|Ny titel og en ny side i Roskilde"),
        "{log}"
    );
    assert!(
        log.contains("content/roskilde/kurser/abc-foraar-2027.md"),
        "{log}"
    );
    assert!(log.contains("content/roskilde/ny-side.md"), "{log}");
    assert!(!log.contains("NOTER.txt"), "{log}");
    assert_eq!(git(root, &["status", "--porcelain", "--", "content"]), "");
    let page = get(&server, "/_rediger/aendringer/?gemt").html();
    assert!(text(one(&page, "[role=status]")).contains("gemt i historikken"));
}

#[test]
fn without_a_repository_the_changes_page_says_so() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let answer = get(&server, "/_rediger/aendringer/");
    assert_eq!(answer.status, 200);
    let inside = Command::new("git")
        .arg("-C")
        .arg(&project.root)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(!inside, "the temporary folder lies inside a git repository");
    assert!(main_text(&answer.html()).contains("ikke i et git-arkiv"));
}

#[test]
fn the_editors_pages_pass_the_nu_html_checker() {
    let jar = crate::validity::jar();
    let project = Project::repository_example();
    let root = &project.root;
    repository(root);
    let server = Server::start(&project, &[]);
    let out = tempfile::tempdir().unwrap();
    let mut pages = vec![
        ("start", get(&server, "/_rediger/").body),
        ("kursus", get(&server, &form_path(COURSE)).body),
        (
            "indstillinger",
            get(&server, &form_path("roskilde/_site.yaml")).body,
        ),
        (
            "session",
            get(
                &server,
                &form_path("_shared/manualer/peer-gruppe/sessioner/mode-01.md"),
            )
            .body,
        ),
    ];
    let refused = with(open(&server, COURSE), "schedule.start", "2027-02-30");
    pages.push(("fejl", post(&server, &form_path(COURSE), &refused).body));
    pages.push((
        "nyt-kursus",
        get(&server, "/_rediger/nyt-kursus/roskilde/").body,
    ));
    let mut pressed = open(&server, COURSE);
    pressed.push(("do".into(), "preview".into()));
    pages.push((
        "forhaandsvisning",
        post(&server, &form_path(COURSE), &pressed).body,
    ));
    pressed.pop();
    pressed.push(("do".into(), "add:schedule.cancelled".into()));
    pages.push(("tilfoej", post(&server, &form_path(COURSE), &pressed).body));
    let fields = with(open(&server, COURSE), "title", "Ny titel");
    assert_eq!(post(&server, &form_path(COURSE), &fields).status, 303);
    pages.push(("konflikt", post(&server, &form_path(COURSE), &fields).body));
    pages.push((
        "gemt",
        get(&server, &format!("{}?gemt", form_path(COURSE))).body,
    ));
    pages.push(("aendringer", get(&server, "/_rediger/aendringer/").body));
    for (name, html) in &pages {
        assert!(html.starts_with("<!doctype html>"), "{name}: {html}");
        std::fs::write(out.path().join(format!("{name}.html")), html).unwrap();
    }
    // A page the checker must reject, so that a checker that checked nothing fails the test.
    std::fs::write(out.path().join("canary.html"), crate::validity::CANARY).unwrap();
    let report = crate::validity::nu_errors(&jar, out.path());
    let (canary, errors): (Vec<&str>, Vec<&str>) = report
        .lines()
        .filter(|l| !l.trim().is_empty())
        .partition(|l| l.contains("canary.html"));
    assert!(!canary.is_empty(), "the checker checked nothing:\n{report}");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn a_save_that_would_break_another_file_writes_nothing_and_names_it() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    // The first session takes the second one's number: the build reports the second.
    let rel = "_shared/manualer/peer-gruppe/sessioner/mode-01.md";
    let fields = with(open(&server, rel), "number", "2");
    let answer = post(&server, &form_path(rel), &fields);
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(tree(&project.root) == before, "a refused save wrote");
    let summary = text(one(&answer.html(), "[role=alert]"));
    assert!(
        summary.contains("content/_shared/manualer/peer-gruppe/sessioner/mode-02.md, linje 3"),
        "{summary}"
    );
}

#[test]
fn a_changed_body_keeps_the_front_matter_and_its_comments_byte_for_byte() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let rel = "roskilde/om.md";
    let path = project.path(&format!("content/{rel}"));
    let original = std::fs::read_to_string(&path).unwrap();
    let fields = open(&server, rel);
    let body = &fields.iter().find(|(n, _)| n == "body").unwrap().1;
    let new_body = body.replace("mere trivsel", "mere trivsel & glæde");
    assert_ne!(&new_body, body);
    let answer = post(
        &server,
        &form_path(rel),
        &with(fields.clone(), "body", &new_body),
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original.replace("mere trivsel", "mere trivsel & glæde")
    );
    assert!(saved.contains("# Its address on the old site keeps working.\naliases: [om-os/]\n"));
}

#[test]
fn the_start_page_of_a_project_that_does_not_load_names_the_error() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    project.write("vejviser.yaml", b"title: [ikke lukket\n");
    let answer = get(&server, "/_rediger/");
    assert_eq!(answer.status, 500);
    let shown = main_text(&answer.html());
    assert!(
        shown.contains("Projektet kan ikke læses lige nu"),
        "{shown}"
    );
    assert!(shown.contains("vejviser.yaml"), "{shown}");
}

#[test]
fn a_value_over_several_lines_gets_a_text_area_and_comes_back_unchanged() {
    let project = Project::repository_example();
    let rel = "roskilde/om.md";
    let path = project.path(&format!("content/{rel}"));
    let original = std::fs::read_to_string(&path).unwrap().replace(
        "description: Roskilde Kommunes gruppeforløb for voksne, der har det svært psykisk eller socialt.\n",
        "description: |\n  Roskilde Kommunes gruppeforløb\n  for voksne.\n",
    );
    assert!(original.contains("description: |\n"));
    std::fs::write(&path, &original).unwrap();
    let server = Server::start(&project, &[]);
    let doc = get(&server, &form_path(rel)).html();
    assert_eq!(
        one(&doc, "textarea[name=description]")
            .text()
            .collect::<String>(),
        "Roskilde Kommunes gruppeforløb\nfor voksne.\n"
    );
    let fields = form_fields(&doc);
    assert_eq!(post(&server, &form_path(rel), &fields).status, 303);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}
