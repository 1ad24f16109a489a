//! Each kind of page renders its front matter: a course, a manual with its chapters, sessions and
//! exercise sheets, a plain page; and what every page has (one `<h1>`, `lang="da"`, a skip link,
//! the accessibility statement).

use crate::common::*;

const COURSE: &str = "kurser/skriv-dit-liv-foraar-2027/index.html";

#[test]
fn course_page_shows_title_category_and_practical_facts() {
    let project = Project::fixture("rendering/course");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), COURSE);

    assert_eq!(texts(&doc, "h1"), ["Skriv dit liv"]);
    assert_eq!(fact(&doc, "Kategori"), "Skriveværksted");
    assert_eq!(fact(&doc, "Målgruppe"), "Voksne over 18");
    assert_eq!(fact(&doc, "Henvisning"), "Ingen henvisning");
    assert_eq!(fact(&doc, "Pris"), "Gratis");
    assert!(
        fact(&doc, "Pladser").contains("10"),
        "{}",
        fact(&doc, "Pladser")
    );
    assert!(
        fact(&doc, "Antal møder").starts_with("10 "),
        "{}",
        fact(&doc, "Antal møder")
    );
    let when = fact(&doc, "Hvornår");
    assert!(
        when.contains("tirsdag") && when.contains("10:00") && when.contains("12:00"),
        "{when}"
    );
    let main = main_text(&doc);
    assert!(
        main.contains("Skriv om dit liv sammen med andre."),
        "the summary is missing: {main}"
    );
    assert!(
        main.contains("Blot dig selv."),
        "the body is missing: {main}"
    );
}

#[test]
fn course_dates_are_danish_and_skip_moves_the_rest_a_week() {
    let project = Project::fixture("rendering/course");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), COURSE);

    // Ten weekly meetings from 2 February 2027; 30 March is skipped, so the last two move on.
    let expected = [
        "2027-02-02",
        "2027-02-09",
        "2027-02-16",
        "2027-02-23",
        "2027-03-02",
        "2027-03-09",
        "2027-03-16",
        "2027-03-23",
        "2027-04-06",
        "2027-04-13",
    ];
    let mut dates = attrs(&doc, "main time[datetime]", "datetime");
    dates.sort();
    dates.dedup();
    assert_eq!(dates, expected);
    let main = main_text(&doc);
    assert!(main.contains("tirsdag 2. februar 2027"), "{main}");
    assert!(main.contains("tirsdag 6. april 2027"), "{main}");
    assert!(main.contains("tirsdag 13. april 2027"), "{main}");
    assert!(
        !main.contains("30. marts 2027"),
        "the skipped week is listed: {main}"
    );
}

#[test]
fn course_page_shows_place_and_how_to_sign_up() {
    let project = Project::fixture("rendering/course");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), COURSE);

    let main = main_text(&doc);
    for expected in [
        "Makers Corner",
        "Eksempelvej 1, 4000 Roskilde",
        "Niveaufri adgang, handicaptoilet",
    ] {
        assert!(main.contains(expected), "{expected:?} is missing: {main}");
    }
    let signup = one(&doc, r#"main a[href="mailto:skriv@roskilde.example.dk"]"#);
    // Whole, with a break allowed only after the @ (`<wbr>`), so it is never cut mid-word.
    assert_eq!(
        signup.text().collect::<String>(),
        "skriv@roskilde.example.dk"
    );
    assert_eq!(signup.inner_html(), "skriv@<wbr>roskilde.example.dk");
    assert!(
        main.contains("tirsdag 26. januar 2027"),
        "the signup deadline is missing: {main}"
    );
    // The contact from _site.yaml.
    assert!(!doc
        .select(&sel(r#"main a[href="mailto:sundhed@roskilde.example.dk"]"#))
        .collect::<Vec<_>>()
        .is_empty());
}

#[test]
fn catalogue_lists_courses_until_their_last_meeting() {
    let project = Project::fixture("rendering/course");
    let course = "kurser/skriv-dit-liv-foraar-2027/";

    let outcome = project.build_ok();
    let catalogue = page(site(&outcome, "roskilde"), "kurser/index.html");
    let targets: Vec<String> = attrs(&catalogue, "main a[href]", "href")
        .iter()
        .map(|h| resolve("kurser/", h))
        .collect();
    assert!(
        targets.iter().any(|t| t == course),
        "the catalogue does not link the course: {targets:?}"
    );
    let front = page(site(&outcome, "roskilde"), "index.html");
    let targets: Vec<String> = attrs(&front, "main a[href]", "href")
        .iter()
        .map(|h| resolve("", h))
        .collect();
    assert!(
        targets.iter().any(|t| t == course),
        "the front page does not link the course: {targets:?}"
    );

    // On its last day it is still listed; the day after, it is gone.
    for (today, listed) in [("2027-04-13", true), ("2027-04-14", false)] {
        let mut opts = project.options();
        opts.today = date(today);
        let outcome = ok(project.build_with(&opts));
        let catalogue = page(site(&outcome, "roskilde"), "kurser/index.html");
        let targets: Vec<String> = attrs(&catalogue, "main a[href]", "href")
            .iter()
            .map(|h| resolve("kurser/", h))
            .collect();
        assert_eq!(
            targets.iter().any(|t| t == course),
            listed,
            "today {today}: {targets:?}"
        );
        // The course's own page exists either way.
        assert!(site(&outcome, "roskilde").text(COURSE).is_some());
    }
}

#[test]
fn manual_shows_summary_phases_and_chapters_in_order() {
    let project = Project::fixture("rendering/manual");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "manualer/abc/index.html");

    assert_eq!(texts(&doc, "h1"), ["ABC – Act, Belong, Commit"]);
    let main = main_text(&doc);
    assert!(main.contains("Et gruppeforløb i tre faser."), "{main}");
    let phases: Vec<usize> = [
        "Gruppefællesskabet",
        "Ud i byen sammen",
        "Mere på egen hånd",
    ]
    .iter()
    .map(|p| {
        main.find(p)
            .unwrap_or_else(|| panic!("phase {p:?} is missing: {main}"))
    })
    .collect();
    assert!(
        phases.windows(2).all(|w| w[0] < w[1]),
        "phases out of order: {main}"
    );

    // `01-` and `02-` prefixes order the first two; `order: 3` puts "Afslutning" last although
    // its file name sorts first.
    let chapters = links_after_heading(&doc, "Kapitler");
    let titles: Vec<&str> = chapters.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Velkommen", "Om metoden", "Afslutning"]);
    let targets: Vec<String> = chapters
        .iter()
        .map(|(_, h)| resolve("manualer/abc/", h))
        .collect();
    assert_eq!(
        targets,
        [
            "manualer/abc/velkommen/",
            "manualer/abc/om-metoden/",
            "manualer/abc/afslutning/"
        ]
    );
}

#[test]
fn manual_groups_sessions_by_phase_and_lists_exercises() {
    let project = Project::fixture("rendering/manual");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "manualer/abc/index.html");

    let phase1 = links_after_heading(&doc, "Fase 1: Gruppefællesskabet");
    let phase1: Vec<String> = phase1
        .iter()
        .map(|(_, h)| resolve("manualer/abc/", h))
        .collect();
    assert_eq!(
        phase1,
        [
            "manualer/abc/sessioner/uge-01/",
            "manualer/abc/sessioner/uge-02/"
        ]
    );
    let phase2 = links_after_heading(&doc, "Fase 2: Ud i byen sammen");
    assert_eq!(phase2.len(), 1, "{phase2:?}");
    assert_eq!(
        resolve("manualer/abc/", &phase2[0].1),
        "manualer/abc/sessioner/uge-07/"
    );
    assert!(phase2[0].0.contains("Ud i byen"), "{phase2:?}");

    let sheets = links_after_heading(&doc, "Øvelsesark");
    let mut targets: Vec<String> = sheets
        .iter()
        .map(|(_, h)| resolve("manualer/abc/", h))
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        [
            "manualer/abc/ovelser/min-uge/",
            "manualer/abc/ovelser/mit-netvaerk/"
        ]
    );
}

#[test]
fn chapter_links_to_previous_and_next_chapter() {
    let project = Project::fixture("rendering/manual");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");

    let middle = page(roskilde, "manualer/abc/om-metoden/index.html");
    assert_eq!(texts(&middle, "h1"), ["Om metoden"]);
    let prev = attrs(&middle, r#"a[rel="prev"]"#, "href");
    let next = attrs(&middle, r#"a[rel="next"]"#, "href");
    assert_eq!(prev.len(), 1, "{prev:?}");
    assert_eq!(next.len(), 1, "{next:?}");
    assert_eq!(
        resolve("manualer/abc/om-metoden/", &prev[0]),
        "manualer/abc/velkommen/"
    );
    assert_eq!(
        resolve("manualer/abc/om-metoden/", &next[0]),
        "manualer/abc/afslutning/"
    );

    let first = page(roskilde, "manualer/abc/velkommen/index.html");
    assert!(attrs(&first, r#"a[rel="prev"]"#, "href").is_empty());
    let last = page(roskilde, "manualer/abc/afslutning/index.html");
    assert!(attrs(&last, r#"a[rel="next"]"#, "href").is_empty());
}

#[test]
fn session_plan_shows_agenda_with_start_times_goals_materials_and_exercises() {
    let project = Project::fixture("rendering/manual");
    let outcome = project.build_ok();
    let doc = page(
        site(&outcome, "roskilde"),
        "manualer/abc/sessioner/uge-01/index.html",
    );

    assert_eq!(texts(&doc, "h1"), ["Velkommen til gruppen"]);
    let rows: Vec<Vec<String>> = doc
        .select(&sel("main table tbody tr"))
        .map(|tr| tr.select(&sel("td, th")).map(text).collect())
        .collect();
    let starts: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(starts, ["0:00", "0:15", "1:00", "1:15"], "{rows:?}");
    assert!(
        rows[1].iter().any(|c| c == "Øvelse: Mit netværk"),
        "{rows:?}"
    );
    assert!(rows[1].iter().any(|c| c == "45"), "{rows:?}");

    assert_eq!(
        items_after_heading(&doc, "Mål"),
        ["Lære hinanden at kende", "Lave gruppens fælles aftaler"]
    );
    assert_eq!(
        items_after_heading(&doc, "Materialer"),
        ["Navneskilte", "Tusser"]
    );
    let sheets = links_after_heading(&doc, "Øvelsesark");
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    assert_eq!(sheets[0].0, "Mit netværk");
    assert_eq!(
        resolve("manualer/abc/sessioner/uge-01/", &sheets[0].1),
        "manualer/abc/ovelser/mit-netvaerk/"
    );

    let next = attrs(&doc, r#"a[rel="next"]"#, "href");
    assert_eq!(next.len(), 1, "{next:?}");
    assert_eq!(
        resolve("manualer/abc/sessioner/uge-01/", &next[0]),
        "manualer/abc/sessioner/uge-02/"
    );
}

#[test]
fn exercise_sheet_shows_purpose_and_the_sessions_that_use_it() {
    let project = Project::fixture("rendering/manual");
    let outcome = project.build_ok();
    let doc = page(
        site(&outcome, "roskilde"),
        "manualer/abc/ovelser/mit-netvaerk/index.html",
    );

    assert_eq!(texts(&doc, "h1"), ["Mit netværk"]);
    assert_eq!(fact(&doc, "Formål"), "At se hvem der er omkring dig.");
    let used = links_after_heading(&doc, "Bruges i");
    let mut targets: Vec<String> = used
        .iter()
        .map(|(_, h)| resolve("manualer/abc/ovelser/mit-netvaerk/", h))
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        [
            "manualer/abc/sessioner/uge-01/",
            "manualer/abc/sessioner/uge-07/"
        ],
        "{used:?}"
    );
    assert!(
        used.iter()
            .any(|(t, _)| t.contains("Velkommen til gruppen")),
        "{used:?}"
    );
    assert!(main_text(&doc).contains("Skriv dit navn i midten af arket."));
}

#[test]
fn plain_page_has_its_title_as_h1_and_its_body() {
    let project = Project::fixture("rendering/page");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "om/index.html");

    assert_eq!(texts(&doc, "h1"), ["Om Recoveryskolen"]);
    assert_eq!(texts(&doc, "main h2"), ["Kontakt"]);
    assert!(main_text(&doc).contains("Recoveryskolen i Roskilde tilbyder kurser for alle"));
    assert_eq!(
        attrs(&doc, r#"meta[name="description"]"#, "content"),
        ["Hvem vi er, og hvad vi tilbyder."]
    );
}

#[test]
fn a_body_that_begins_with_a_heading_gives_the_one_h1() {
    let project = Project::fixture("rendering/page");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "praktisk/index.html");

    assert_eq!(texts(&doc, "h1"), ["Praktiske oplysninger"]);
    assert!(main_text(&doc).contains("du behøver ikke en henvisning"));
}

#[test]
fn every_page_has_one_h1_danish_language_skip_link_and_accessibility_statement() {
    for fixture in ["rendering/course", "rendering/manual", "rendering/page"] {
        let project = Project::fixture(fixture);
        let outcome = project.build_ok();
        let roskilde = site(&outcome, "roskilde");
        let files = html_files(roskilde);
        assert!(files.len() >= 5, "{fixture}: {files:?}");
        // `was/` only forwards the browser to the accessibility statement (tested in output.rs).
        for file in files.into_iter().filter(|f| *f != "was/index.html") {
            let doc = page(roskilde, file);
            let at = format!("{fixture}: {file}");
            assert_eq!(
                doc.select(&sel("h1")).count(),
                1,
                "{at}: h1s {:?}",
                texts(&doc, "h1")
            );
            assert_eq!(attrs(&doc, "html", "lang"), ["da"], "{at}");
            let skip = doc
                .select(&sel("a[href]"))
                .next()
                .expect("a page without links");
            assert_eq!(
                skip.value().attr("href"),
                Some("#indhold"),
                "{at}: the first link is not the skip link"
            );
            assert_eq!(
                doc.select(&sel("#indhold")).count(),
                1,
                "{at}: the skip link's target is missing"
            );
            let statement = one(&doc, r#"footer a[href="https://was.example.dk/roskilde"]"#);
            assert_eq!(text(statement), "Tilgængelighedserklæring", "{at}");
        }
    }
}
