//! The editor's typed forms: inputs after each field's type in the definitions, the list
//! buttons (add, remove, move) that show the form again and write nothing, saves that add a
//! missing key or change a list's length while keeping every other byte, the body preview, and
//! "Nyt kursus" creating a course file only when the build finds no error in it.

use std::collections::BTreeMap;

use crate::common::*;
use crate::editor::*;
use crate::serve::*;

fn read(project: &Project, rel: &str) -> String {
    std::fs::read_to_string(project.path(&format!("content/{rel}"))).unwrap()
}

/// `fields` with a button pressed: `do` set to `action`.
fn press(fields: &[(String, String)], action: &str) -> Vec<(String, String)> {
    let mut f = fields.to_vec();
    f.push(("do".to_string(), action.to_string()));
    f
}

#[test]
fn each_input_follows_its_fields_type_with_a_danish_label_and_help() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let doc = get(&server, &form_path(COURSE)).html();
    let kind = |name: &str| {
        let el = one(&doc, &format!("[name=\"{name}\"]:not([value=false])"));
        match el.value().name() {
            "input" => el.value().attr("type").unwrap_or("text").to_string(),
            other => other.to_string(),
        }
    };
    assert_eq!(kind("schedule.start"), "date");
    assert_eq!(kind("schedule.skip.0"), "date");
    assert_eq!(kind("capacity"), "number");
    assert_eq!(kind("schedule.weeks"), "number");
    assert_eq!(kind("referral"), "radio");
    assert_eq!(kind("summary"), "textarea");
    assert_eq!(kind("signup.url"), "url");
    // Keys of the project are chosen from its own names, with their labels.
    assert_eq!(kind("location"), "select");
    let places = texts(&doc, "select[name=location] option");
    assert!(
        places.contains(&"Makers Corner (makers-corner)".to_string()),
        "{places:?}"
    );
    assert_eq!(
        attrs(&doc, "select[name=location] option[selected]", "value"),
        ["makers-corner"]
    );
    assert_eq!(
        attrs(&doc, "select[name=category] option[selected]", "value"),
        ["abc"]
    );
    let modes = texts(&doc, "select[name=mode] option");
    assert!(
        modes.contains(&"Fremmøde (onsite)".to_string()),
        "{modes:?}"
    );
    // Fields the file does not have are there, empty.
    assert_eq!(kind("availability"), "select");
    assert_eq!(
        attrs(&doc, "[name=intake\\.open_until_session]", "value"),
        [""]
    );
    // Danish label, and the help text the input is described by.
    let label = one(&doc, "label[for=felt-schedule-start]");
    assert_eq!(text(label), "Første møde");
    let input = one(&doc, "[name=\"schedule.start\"]");
    let help = input.value().attr("aria-describedby").unwrap();
    assert!(text(one(&doc, &format!("#{help}"))).contains("Datoen for første møde"));
    assert_eq!(
        attrs(&doc, "input[name=referral][checked]", "value"),
        ["true"]
    );
}

#[test]
fn list_buttons_show_the_form_again_with_the_change_and_write_nothing() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let fields = open(&server, COURSE);
    let answer = post(
        &server,
        &form_path(COURSE),
        &press(&fields, "add:schedule.skip"),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let doc = answer.html();
    let added = one(&doc, "[name=\"schedule.skip.2\"]");
    assert_eq!(added.value().attr("value"), Some(""));
    assert!(added.value().attr("autofocus").is_some());

    let answer = post(
        &server,
        &form_path(COURSE),
        &press(&fields, "down:schedule.skip.0"),
    );
    let moved: BTreeMap<String, String> = form_fields(&answer.html()).into_iter().collect();
    assert_eq!(moved["schedule.skip.0"], "2027-03-24");
    assert_eq!(moved["schedule.skip.1"], "2027-02-17");

    let answer = post(
        &server,
        &form_path(COURSE),
        &press(&fields, "remove:schedule.moved.0"),
    );
    let doc = answer.html();
    assert_eq!(doc.select(&sel("[name^=\"schedule.moved.\"]")).count(), 0);
    // Every list button is a real button, named for its item.
    let up = one(&doc, "button[value=\"up:schedule.skip.1\"]");
    assert!(text(up).contains("Uger uden møde 2"), "{}", text(up));
    assert!(tree(&project.root) == before, "a list button wrote");
}

#[test]
fn a_longer_list_and_a_new_key_are_written_and_everything_else_stays() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let original = read(&project, COURSE);
    let fields = open(&server, COURSE);
    let shown = post(
        &server,
        &form_path(COURSE),
        &press(&fields, "add:schedule.skip"),
    );
    let fields = with(form_fields(&shown.html()), "schedule.skip.2", "2027-04-07");
    let fields = with(fields, "availability", "waitlist");
    let fields = with(fields, "capacity", "");
    let answer = post(&server, &form_path(COURSE), &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let expected = original
        .replace(
            "  skip: [2027-02-17, 2027-03-24]\n",
            "  skip: [2027-02-17, 2027-03-24, 2027-04-07]\n",
        )
        .replace("signup: {", "availability: waitlist\nsignup: {")
        // A value cleared loses its line.
        .replace("capacity: 10\n", "");
    // The new key goes after the last one before it in the definitions' order.
    let after = read(&project, COURSE);
    assert_ne!(after, original);
    let lines: Vec<&str> = after.lines().collect();
    assert!(lines.contains(&"availability: waitlist"), "{after}");
    assert_eq!(
        after.replace("availability: waitlist\n", ""),
        expected.replace("availability: waitlist\n", ""),
    );

    // A list emptied loses its key; nothing else moves.
    let fields: Vec<_> = open(&server, COURSE)
        .into_iter()
        .filter(|(n, _)| !n.starts_with("schedule.skip."))
        .collect();
    let answer = post(&server, &form_path(COURSE), &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let now = read(&project, COURSE);
    assert_eq!(
        now,
        after.replace("  skip: [2027-02-17, 2027-03-24, 2027-04-07]\n", "")
    );
}

#[test]
fn an_agenda_row_is_added_and_moved_by_buttons_and_saved_as_a_row() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let rel = "_shared/manualer/abc/sessioner/uge-01.md";
    let original = read(&project, rel);
    let fields = open(&server, rel);
    let shown = post(&server, &form_path(rel), &press(&fields, "add:agenda"));
    let doc = shown.html();
    let minutes = one(&doc, "[name=\"agenda.7.minutes\"]");
    assert_eq!(minutes.value().attr("type"), Some("number"));
    assert!(minutes.value().attr("autofocus").is_some());
    // The session's exercises are chosen from its manual's sheets.
    assert_eq!(one(&doc, "[name=\"exercises.0\"]").value().name(), "select");
    let fields = with(form_fields(&doc), "agenda.7.minutes", "0");
    let fields = with(fields, "agenda.7.activity", "Tak for i dag");
    let answer = post(&server, &form_path(rel), &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    let after = read(&project, rel);
    assert!(
        after.contains("Hvordan var det at være her i dag?\" }\n  - { minutes: 0, activity: Tak for i dag }\n---"),
        "{after}"
    );
    assert_eq!(
        after.split("agenda:").next(),
        original.split("agenda:").next()
    );
}

#[test]
fn the_preview_button_shows_the_body_rendered_and_writes_nothing() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let fields = with(
        open(&server, COURSE),
        "body",
        "## Nyt afsnit\r\n\r\nMed **fed** tekst.\r\n",
    );
    let answer = post(&server, &form_path(COURSE), &press(&fields, "preview"));
    assert_eq!(answer.status, 200, "{}", answer.body);
    let doc = answer.html();
    let preview = one(&doc, "#forhaandsvisning");
    assert_eq!(
        text(one(&doc, "#forhaandsvisning .rendered h2")),
        "Nyt afsnit"
    );
    assert!(text(preview).contains("Med fed tekst."));
    // The text sent stays in the text area.
    assert!(text(one(&doc, "textarea[name=body]")).contains("Nyt afsnit"));
    assert!(tree(&project.root) == before, "the preview wrote");
}

/// The script's preview: the text posted with the form's token comes back rendered, and
/// nothing is written; without the token, from another site, or as a GET it is refused.
#[test]
fn the_preview_of_text_as_it_is_typed_renders_it_and_only_for_the_editors_own_pages() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let before = tree(&project.root);
    let form = get(&server, &form_path(COURSE));
    assert!(
        form.header("content-security-policy")
            .is_some_and(|csp| csp.contains("script-src 'self'")),
        "{:?}",
        form.header("content-security-policy")
    );
    let doc = form.html();
    assert_eq!(attrs(&doc, "script", "src"), ["/_rediger/rediger.js"]);
    assert_eq!(
        attrs(&doc, "textarea[name=body]", "data-preview"),
        ["/_rediger/forhaandsvisning"]
    );
    assert!(
        one(&doc, "#forhaandsvisning")
            .value()
            .attr("hidden")
            .is_some(),
        "the preview is hidden until there is something to show"
    );
    let script = get(&server, "/_rediger/rediger.js");
    assert_eq!(script.status, 200);
    assert!(script
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/javascript")));

    let token = open(&server, COURSE)
        .into_iter()
        .find(|(k, _)| k == "token")
        .unwrap();
    let text = (
        "body".to_string(),
        "## Nyt afsnit\n\nMed **fed** tekst.".to_string(),
    );
    let answer = post(
        &server,
        "/_rediger/forhaandsvisning",
        &[token.clone(), text.clone()],
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer
        .header("content-type")
        .is_some_and(|t| t.starts_with("text/html")));
    assert!(
        answer.body.contains("<h2") && answer.body.contains("<strong>fed</strong>"),
        "{}",
        answer.body
    );

    let wrong = ("token".to_string(), "0".repeat(token.1.len()));
    assert_eq!(
        post(
            &server,
            "/_rediger/forhaandsvisning",
            &[wrong, text.clone()]
        )
        .status,
        403
    );
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([&token, &text])
        .finish();
    let foreign = raw(
        &server,
        &format!(
            "POST /_rediger/forhaandsvisning HTTP/1.1\r\nHost: {}\r\nOrigin: https://evil.example\r\nContent-Type: application/x-www-form-urlencoded",
            host(&server)
        ),
        body.as_bytes(),
    );
    assert_eq!(foreign.status, 403);
    assert_eq!(get(&server, "/_rediger/forhaandsvisning").status, 405);
    assert!(tree(&project.root) == before, "the preview wrote");
}

#[test]
fn a_new_course_is_created_from_the_form_only_when_it_builds() {
    let project = Project::repository_example();
    let server = Server::start(&project, &[]);
    let start = get(&server, "/_rediger/").html();
    let links = attrs(&start, "a.new", "href");
    assert!(
        links.contains(&"/_rediger/nyt-kursus/roskilde/".to_string()),
        "{links:?}"
    );
    let form = get(&server, "/_rediger/nyt-kursus/roskilde/");
    assert_eq!(form.status, 200, "{}", form.body);
    let fields = form_fields(&form.html());
    let fields = with(fields, "title", "Skriv dig glad");
    let fields = with(fields, "schedule.start", "2027-03-03");
    let fields = with(fields, "signup.deadline", "2027-02-24");

    // An error: nothing is written, the problem is beside its field.
    let before = tree(&project.root);
    let bad = with(fields.clone(), "signup.deadline", "2027-03-10");
    let answer = post(&server, "/_rediger/nyt-kursus/roskilde/", &bad);
    assert_eq!(answer.status, 422, "{}", answer.body);
    let doc = answer.html();
    let deadline = one(&doc, "[name=\"signup.deadline\"]");
    assert_eq!(deadline.value().attr("aria-invalid"), Some("true"));
    assert!(
        tree(&project.root) == before,
        "a refused course was written"
    );

    let answer = post(&server, "/_rediger/nyt-kursus/roskilde/", &fields);
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        answer.header("location"),
        Some("/_rediger/fil/roskilde/kurser/skriv-dig-glad.md?gemt")
    );
    let file = read(&project, "roskilde/kurser/skriv-dig-glad.md");
    assert!(file.starts_with("---\ntitle: Skriv dig glad\n"), "{file}");
    assert!(file.contains("  start: 2027-03-03\n"), "{file}");
    assert!(project.build().errors() == 0);

    // The same name again is refused: nothing is overwritten.
    let again = post(&server, "/_rediger/nyt-kursus/roskilde/", &fields);
    assert_eq!(again.status, 422);
    assert_eq!(read(&project, "roskilde/kurser/skriv-dig-glad.md"), file);
    let doc = again.html();
    assert_eq!(invalid(&doc, "[name=fil]").as_deref(), Some("true"));
    assert!(text(one(&doc, "#felt-fil ~ .problem")).contains("findes allerede"));
    // An unknown municipality has no such form.
    assert_eq!(get(&server, "/_rediger/nyt-kursus/nowhere/").status, 404);
}

/// The `aria-invalid` of the first element `css` selects.
fn invalid(doc: &scraper::Html, css: &str) -> Option<String> {
    doc.select(&sel(css))
        .next()
        .and_then(|el| el.value().attr("aria-invalid").map(str::to_string))
}
