//! A manual's parts as pages: session plans checked against their manual, session and exercise
//! pages with what links them, a site's own version of a part and which manuals a site takes,
//! the whole manual on one page for print, and the mistakes found on the way (each test states
//! the behaviour we want). One small fixture per idea under `tests/fixtures/manuals/`.

use crate::common::*;
use crate::manuals::*;
use vejviser::messages::Language::Da;

// ---------------------------------------------------------------------------------------------
// Session plans checked against their manual

const UGE_01: &str = "content/_shared/manualer/abc/sessioner/uge-01.md";

#[test]
fn an_agenda_longer_than_the_session_is_an_error_at_the_agenda() {
    let project = Project::fixture("manuals/agenda-too-long");
    let outcome = project.build();
    let d = the_only(&outcome, "session.agenda-too-long", true);
    assert_place(d, UGE_01, 7, None);
    assert_eq!(d.source_line(), Some("agenda:"));
    assert!(
        d.text(Da).contains("105") && d.text(Da).contains("90"),
        "{d}"
    );
    assert!(
        hint(d).contains("15"),
        "the hint should say by how much: {d}"
    );
    assert_cli(
        &project,
        1,
        &format!("{UGE_01}:7:"),
        "session.agenda-too-long",
    );
}

#[test]
fn an_agenda_shorter_than_the_session_is_a_warning() {
    let project = Project::fixture("manuals/agenda-too-short");
    let outcome = project.build_ok();
    let d = the_only(&outcome, "session.agenda-too-short", false);
    assert_place(d, UGE_01, 7, None);
    assert!(
        d.text(Da).contains("105") && d.text(Da).contains("120"),
        "{d}"
    );
    let doc = page(
        site(&outcome, "roskilde"),
        "manualer/abc/sessioner/uge-01/index.html",
    );
    assert_eq!(texts(&doc, "h1"), ["Velkommen til gruppen"]);
    assert_cli(
        &project,
        0,
        &format!("{UGE_01}:7:"),
        "session.agenda-too-short",
    );
}

#[test]
fn two_sessions_with_the_same_number_are_an_error() {
    let project = Project::fixture("manuals/duplicate-number");
    let outcome = project.build();
    let d = the_only(&outcome, "session.duplicate-number", true);
    let files = [
        "content/_shared/manualer/abc/sessioner/forventninger.md",
        "content/_shared/manualer/abc/sessioner/uge-01.md",
    ];
    let (here, other) = if d.file == std::path::Path::new(files[0]) {
        (files[0], files[1])
    } else {
        (files[1], files[0])
    };
    assert_place(d, here, 3, None);
    assert_eq!(d.source_line(), Some("number: 1"));
    assert!(
        d.text(Da).contains(other),
        "the message should name the other session: {d}"
    );
}

#[test]
fn a_gap_in_the_session_numbers_is_a_warning() {
    let project = Project::fixture("manuals/numbering-gap");
    let outcome = project.build_ok();
    let d = the_only(&outcome, "session.numbering-gap", false);
    assert_place(
        d,
        "content/_shared/manualer/abc/sessioner/uge-04.md",
        3,
        None,
    );
    assert!(d.text(Da).contains('2') && d.text(Da).contains('4'), "{d}");
    // The sessions still link to each other across the gap.
    let roskilde = site(&outcome, "roskilde");
    let from = "manualer/abc/sessioner/uge-02/";
    let doc = page(roskilde, &format!("{from}index.html"));
    assert_eq!(
        pager(&doc, "next", from).as_deref(),
        Some("manualer/abc/sessioner/uge-04/")
    );
}

#[test]
fn a_session_in_a_phase_the_manual_does_not_have_is_an_error() {
    let project = Project::fixture("manuals/unknown-phase");
    let outcome = project.build();
    let d = the_only(&outcome, "session.unknown-phase", true);
    assert_place(
        d,
        "content/_shared/manualer/abc/sessioner/uge-20.md",
        4,
        None,
    );
    assert_eq!(d.source_line(), Some("phase: 4"));
    assert!(hint(d).contains("1, 2, 3"), "{d}");
}

#[test]
fn an_exercise_sheet_no_session_uses_is_a_warning() {
    let project = Project::fixture("manuals/unused-exercise");
    let outcome = project.build_ok();
    let d = the_only(&outcome, "exercise.unused", false);
    assert_place(
        d,
        "content/_shared/manualer/abc/ovelser/min-uge.md",
        1,
        None,
    );
    let doc = page(
        site(&outcome, "roskilde"),
        "manualer/abc/ovelser/min-uge/index.html",
    );
    assert!(links_in(&doc, "section.used-in").is_empty());
    assert!(
        text(one(&doc, "section.used-in")).contains("bruges ikke"),
        "{}",
        text(one(&doc, "section.used-in"))
    );
}

// ---------------------------------------------------------------------------------------------
// Session and exercise pages

#[test]
fn an_exercise_sheet_lists_exactly_the_sessions_that_use_it_in_number_order() {
    let project = Project::fixture("manuals/backlinks");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");

    // The session files sort the other way round from their numbers.
    for (sheet, expected) in [
        (
            "mit-netvaerk",
            [
                ("Session 1: Velkommen til gruppen", "velkommen"),
                ("Session 3: Afslutning og fremtid", "afslutning"),
            ],
        ),
        (
            "min-uge",
            [
                ("Session 2: Hvad fylder i ugen", "min-uge"),
                ("Session 3: Afslutning og fremtid", "afslutning"),
            ],
        ),
    ] {
        let from = format!("manualer/abc/ovelser/{sheet}/");
        let doc = page(roskilde, &format!("{from}index.html"));
        let used: Vec<(String, String)> = links_after_heading(&doc, "Bruges i")
            .into_iter()
            .map(|(t, h)| (t, resolve(&from, &h)))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(t, s)| (t.to_string(), format!("manualer/abc/sessioner/{s}/")))
            .collect();
        assert_eq!(used, expected, "/{from}");
    }
}

#[test]
fn a_session_page_shows_start_times_week_phase_and_neighbours() {
    let project = Project::fixture("manuals/session-page");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");
    let from = "manualer/abc/sessioner/uge-07/";
    let doc = page(roskilde, &format!("{from}index.html"));

    assert_eq!(texts(&doc, "h1"), ["Ud i byen"]);
    assert!(
        text(one(&doc, "main .eyebrow")).contains("Session 7"),
        "{}",
        text(one(&doc, "main .eyebrow"))
    );
    assert_eq!(fact(&doc, "Fase"), "2: Ud i byen sammen (uge 7-14)");
    assert_eq!(fact(&doc, "Uge"), "7");
    assert_eq!(fact(&doc, "Varighed"), "2 timer");

    // Each item starts when the ones before it have ended: 15, 45, 15, 30, 15 minutes.
    let rows: Vec<Vec<String>> = doc
        .select(&sel("main table.agenda tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(text).collect())
        .collect();
    let column = |i: usize| -> Vec<&str> { rows.iter().map(|r| r[i].as_str()).collect() };
    assert_eq!(column(0), ["0:00", "0:15", "1:00", "1:15", "1:45"]);
    assert_eq!(column(1), ["15", "45", "15", "30", "15"]);
    assert_eq!(column(2)[1], "Øvelse: Mit netværk");

    assert_eq!(
        items_after_heading(&doc, "Mål"),
        [
            "Vælge en aktivitet i byen sammen",
            "Aftale, hvem der følges ad"
        ]
    );
    assert_eq!(
        items_after_heading(&doc, "Materialer"),
        ["Kort over byen", "Programmer fra foreninger"]
    );
    let sheets = links_in(&doc, "section.session-exercises");
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    assert_eq!(sheets[0].0, "Mit netværk");
    assert_eq!(
        assert_arrives(roskilde, from, &sheets[0].1),
        "manualer/abc/ovelser/mit-netvaerk/"
    );

    assert_eq!(
        pager(&doc, "prev", from).as_deref(),
        Some("manualer/abc/sessioner/uge-06/")
    );
    assert_eq!(
        pager(&doc, "next", from).as_deref(),
        Some("manualer/abc/sessioner/uge-08/")
    );
    let first = page(roskilde, "manualer/abc/sessioner/uge-06/index.html");
    assert_eq!(
        pager(&first, "prev", "manualer/abc/sessioner/uge-06/"),
        None
    );
    assert_eq!(fact(&first, "Fase"), "1: Gruppefællesskabet (uge 1-6)");
    assert_eq!(fact(&first, "Varighed"), "1 time");
}

// ---------------------------------------------------------------------------------------------
// Sites

#[test]
fn a_site_overrides_a_chapter_and_a_session_for_itself_only() {
    let project = Project::fixture("manuals/override");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");
    let gladsaxe = site(&outcome, "gladsaxe");

    let chapter = "manualer/abc/om-metoden/index.html";
    let local = page(roskilde, chapter);
    assert_eq!(texts(&local, "h1"), ["Om metoden i Roskilde"]);
    let body = text(one(&local, "article.chapter"));
    assert!(body.contains("biblioteket i Roskilde"), "{body}");
    assert!(!body.contains("Fælles tekst"), "{body}");
    let shared = page(gladsaxe, chapter);
    assert_eq!(texts(&shared, "h1"), ["Om metoden"]);
    assert!(text(one(&shared, "article.chapter")).contains("Fælles tekst"));

    // The local chapter keeps the shared one's place in the contents and the reading order.
    let paths = under(ABC, &["velkommen/", "om-metoden/", "afslutning/"]);
    assert_eq!(
        toc(&local, "nav.manual-toc"),
        ["Velkommen", "Om metoden i Roskilde", "Afslutning"]
    );
    assert_eq!(reading_order(roskilde, &paths[0]), paths);
    assert_eq!(
        toc(&shared, "nav.manual-toc"),
        ["Velkommen", "Om metoden", "Afslutning"]
    );

    let session = "manualer/abc/sessioner/uge-01/index.html";
    let local = page(roskilde, session);
    assert_eq!(texts(&local, "h1"), ["Velkommen til gruppen i Roskilde"]);
    assert_eq!(
        texts(&local, "table.agenda tbody tr td:nth-child(3)"),
        ["Rundvisning på biblioteket", "Øvelse: Mit netværk"]
    );
    let shared = page(gladsaxe, session);
    assert_eq!(texts(&shared, "h1"), ["Velkommen til gruppen"]);
    assert_eq!(
        texts(&shared, "table.agenda tbody tr td:nth-child(3)"),
        ["Velkomst og check-in", "Øvelse: Mit netværk"]
    );

    // What points at the session shows the site's own version.
    let sheet = "manualer/abc/ovelser/mit-netvaerk/index.html";
    let used: Vec<String> = links_after_heading(&page(roskilde, sheet), "Bruges i")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        used,
        [
            "Session 1: Velkommen til gruppen i Roskilde",
            "Session 2: Hvad fylder i ugen"
        ]
    );
    let used: Vec<String> = links_after_heading(&page(gladsaxe, sheet), "Bruges i")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        used,
        [
            "Session 1: Velkommen til gruppen",
            "Session 2: Hvad fylder i ugen"
        ]
    );
    let front = main_text(&page(roskilde, "manualer/abc/index.html"));
    assert!(
        front.contains("Velkommen til gruppen i Roskilde"),
        "{front}"
    );
}

#[test]
fn a_site_that_names_its_manuals_gets_nothing_of_the_others() {
    let project = Project::fixture("manuals/manuals-limit");
    let outcome = project.build();
    assert_clean(&outcome);

    // Roskilde says `manuals: [peer-gruppe]`.
    let roskilde = site(&outcome, "roskilde");
    let abc: Vec<&String> = roskilde
        .files
        .keys()
        .filter(|f| f.starts_with(ABC))
        .collect();
    assert!(abc.is_empty(), "roskilde got pages of abc: {abc:?}");
    for (file, bytes) in &roskilde.files {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        assert!(
            !text.contains("manualer/abc") && !text.contains("Act, Belong, Commit"),
            "roskilde's {file} mentions the abc manual"
        );
    }
    assert!(roskilde
        .text("manualer/peer-gruppe/om-peer-grupper/index.html")
        .is_some());
    assert!(roskilde
        .text("manualer/peer-gruppe/print/index.html")
        .is_some());
    let targets: Vec<String> = attrs(
        &page(roskilde, "manualer/index.html"),
        "main a[href]",
        "href",
    )
    .iter()
    .map(|h| resolve("manualer/", h))
    .filter(|t| t.starts_with("manualer/"))
    .collect();
    assert_eq!(targets, ["manualer/peer-gruppe/"]);

    // Gladsaxe names none, and takes every manual, with all their pages.
    let gladsaxe = site(&outcome, "gladsaxe");
    for file in [
        "manualer/abc/index.html",
        "manualer/abc/om-metoden/index.html",
        "manualer/abc/sessioner/uge-01/index.html",
        "manualer/abc/ovelser/mit-netvaerk/index.html",
        "manualer/abc/print/index.html",
        "manualer/peer-gruppe/om-peer-grupper/index.html",
    ] {
        assert!(gladsaxe.text(file).is_some(), "gladsaxe has no {file}");
    }
}

#[test]
fn naming_a_manual_that_does_not_exist_is_an_error() {
    let project = Project::fixture("manuals/manuals-unknown");
    let outcome = project.build();
    let d = the_only(&outcome, "site.unknown-manual", true);
    // `manuals: [abc, peer]`: `peer` starts at character 16.
    assert_place(d, "content/roskilde/_site.yaml", 4, Some(16));
    assert!(d.text(Da).contains("peer"), "{d}");
    assert!(hint(d).contains("peer-gruppe"), "{d}");
}

// ---------------------------------------------------------------------------------------------
// The whole manual on one page

#[test]
fn the_print_page_holds_every_part_in_order_with_in_page_links() {
    let project = Project::fixture("manuals/print");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");
    let from = "manualer/abc/print/";

    // The manual's front page links to it.
    let front = page(roskilde, "manualer/abc/index.html");
    let to_print: Vec<String> = attrs(&front, "main a[href]", "href")
        .iter()
        .map(|h| resolve(ABC, h))
        .filter(|t| t == from)
        .collect();
    assert_eq!(
        to_print.len(),
        1,
        "the manual's front page does not link to /{from}"
    );

    let doc = print_page(roskilde, ABC);
    assert_eq!(texts(&doc, "h1"), ["ABC – Act, Belong, Commit"]);

    // Front text, chapters in reading order, sessions by number, exercise sheets by title.
    let parts = attrs(&doc, "section.print-part", "id");
    assert_eq!(
        parts,
        [
            "manual",
            "del-velkommen",
            "del-om-metoden",
            "del-sessioner-uge-01",
            "del-sessioner-uge-02",
            "del-ovelser-min-uge",
            "del-ovelser-mit-netvaerk",
        ]
    );
    let part_text = |id: &str| text(one(&doc, &format!("section.print-part#{id}")));
    assert!(part_text("manual").contains("kører et ABC-forløb"));
    assert!(part_text("del-om-metoden").contains("Først bygger gruppen et fællesskab"));
    assert!(part_text("del-sessioner-uge-01").contains("Velkomst og check-in"));
    assert!(part_text("del-ovelser-min-uge").contains("Udfyld skemaet"));

    // Links between the parts stay on the page: nothing in the manual points to another page.
    let outward: Vec<String> = attrs(&doc, "article.manual-print a[href]", "href")
        .into_iter()
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert!(
        outward.is_empty(),
        "links leave the print page: {outward:?}"
    );

    let hrefs_in = |id: &str| -> Vec<String> {
        links_in(&doc, &format!("section.print-part#{id}"))
            .into_iter()
            .map(|(_, h)| h)
            .collect()
    };
    // The front text links to a chapter; a chapter to a chapter's heading (written mdBook-style
    // as `#de_tre_faser`), to its own heading and to an exercise sheet.
    assert_eq!(hrefs_in("manual"), ["#del-om-metoden"]);
    assert_eq!(
        hrefs_in("del-velkommen"),
        [
            "#del-om-metoden-de-tre-faser",
            "#del-velkommen-gruppens-aftaler",
            "#del-ovelser-mit-netvaerk",
        ]
    );
    // A session links to its exercise sheets (front matter and body), and to a chapter.
    let session = hrefs_in("del-sessioner-uge-01");
    assert!(
        session.contains(&"#del-ovelser-mit-netvaerk".to_string())
            && session.contains(&"#del-ovelser-min-uge".to_string()),
        "{session:?}"
    );
    assert!(hrefs_in("del-sessioner-uge-02").contains(&"#del-om-metoden-de-tre-faser".to_string()));
    // A heading anchor lands on the heading, moved a level down under its part's title.
    let heading = one(&doc, "#del-om-metoden-de-tre-faser");
    assert_eq!(heading.value().name(), "h3", "{}", heading.html());
    // An exercise sheet links back to the sessions that use it and to another sheet's heading.
    assert_eq!(
        hrefs_in("del-ovelser-min-uge"),
        [
            "#del-sessioner-uge-02",
            "#del-ovelser-mit-netvaerk-saadan-goer-du"
        ]
    );
    assert_eq!(
        hrefs_in("del-ovelser-mit-netvaerk"),
        ["#del-sessioner-uge-01"]
    );
    // The contents at the top link to every part but the front text.
    let contents: Vec<String> = attrs(&doc, "nav.print-contents a", "href");
    let expected: Vec<String> = parts[1..].iter().map(|p| format!("#{p}")).collect();
    assert_eq!(contents, expected);
}

// ---------------------------------------------------------------------------------------------
// Bugs found while writing these tests: each test states the behaviour we want.

/// A chapter named `print.md` wants the URL the whole-manual page has: the build says so at the
/// chapter, as it does for the site's other generated pages, and publishes neither silently.
#[test]
fn a_chapter_named_print_does_not_silently_lose_its_page() {
    let project = Project::fixture("manuals/print-name-clash");
    let outcome = project.build();
    let chapter = std::path::Path::new("content/_shared/manualer/abc/02-print.md");
    let d = the_error(&outcome);
    assert_eq!(d.code, "site.reserved-url", "{d}");
    assert_eq!((d.file.as_path(), d.line), (chapter, 1), "{d}");
    assert!(d.text(Da).contains("/manualer/abc/print/"), "{d}");
    assert!(
        d.hint_text(Da).as_deref().unwrap_or("").contains("slug"),
        "{d}"
    );
}

/// A session that lists the same exercise sheet twice still uses it once: the sheet's "Bruges i"
/// names each session once, and the session lists the sheet once. Today both show it twice.
#[test]
fn a_sheet_listed_twice_by_a_session_names_that_session_once() {
    let project = Project::fixture("manuals/exercise-listed-twice");
    let outcome = project.build();
    let roskilde = site(&outcome, "roskilde");

    let doc = page(roskilde, "manualer/abc/ovelser/mit-netvaerk/index.html");
    let used: Vec<String> = links_after_heading(&doc, "Bruges i")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        used,
        [
            "Session 1: Velkommen til gruppen",
            "Session 2: Hvad fylder i ugen"
        ]
    );
    let doc = page(roskilde, "manualer/abc/sessioner/uge-01/index.html");
    let sheets: Vec<String> = links_in(&doc, "section.session-exercises")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(sheets, ["Mit netværk"]);
}

/// A chapter may link to a part of a session plan the template makes (`#session-dagsorden`):
/// that works on the chapter's own page. On the print page the link becomes
/// `#del-sessioner-uge-01-session-dagsorden`, which nothing on that page carries today.
#[test]
fn a_link_to_a_session_section_still_lands_on_the_print_page() {
    let project = Project::fixture("manuals/print-session-anchor");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");

    let from = "manualer/abc/forberedelse/";
    let doc = page(roskilde, &format!("{from}index.html"));
    let links = links_in(&doc, "article.chapter");
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        assert_arrives(roskilde, from, &links[0].1),
        "manualer/abc/sessioner/uge-01/#session-dagsorden"
    );

    let doc = print_page(roskilde, ABC);
    let links = links_in(&doc, "section.print-part#del-forberedelse");
    assert_eq!(links.len(), 1, "{links:?}");
    assert!(
        links[0].1.starts_with("#del-sessioner-uge-01"),
        "the link should stay on the page: {links:?}"
    );
}
