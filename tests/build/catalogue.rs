//! The course catalogue as a citizen and a machine see it: each course's status on a given day
//! (cards and course pages), the filter pages with their counts and the archive, computed meeting
//! dates, the iCalendar files (parsed with the independent `ical` crate), schema.org JSON-LD,
//! `kurser.json`, `feed.xml`, the front page's next joinable courses, and the course-specific
//! validation errors.
//!
//! Fixtures live in `tests/fixtures/catalogue/<case>/`; each is built for a fixed `today`, so the
//! statuses do not depend on the day the tests run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use vejviser::messages::Language::Da;

use scraper::{ElementRef, Html};
use serde_json::Value;
use vejviser::{BuildOutcome, Diagnostic, SiteFiles};

use crate::common::*;

pub(crate) const BASE: &str = "https://roskilde.example.dk/";

/// Builds the fixture for `day` and fails on errors.
pub(crate) fn build_for(project: &Project, day: &str) -> BuildOutcome {
    let mut opts = project.options();
    opts.today = date(day);
    ok(project.build_with(&opts))
}

pub(crate) fn roskilde(outcome: &BuildOutcome) -> &SiteFiles {
    site(outcome, "roskilde")
}

pub(crate) fn file<'a>(site: &'a SiteFiles, path: &str) -> &'a str {
    site.text(path).unwrap_or_else(|| {
        panic!(
            "no file {path}; the site has:\n{}",
            site.files.keys().cloned().collect::<Vec<_>>().join("\n")
        )
    })
}

pub(crate) fn first<'a>(el: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    el.select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("no `{css}` in {}", text(el)))
}

/// The status badge of an element: (key from `badge-status-<key>`, label).
pub(crate) fn status_of(el: ElementRef) -> (String, String) {
    let badge = first(el, "li.badge-status");
    let keys: Vec<&str> = badge
        .value()
        .classes()
        .filter_map(|c| c.strip_prefix("badge-status-"))
        .collect();
    assert_eq!(keys.len(), 1, "status classes of {:?}", badge.value());
    (keys[0].to_string(), text(badge))
}

/// The course cards of a listing page: title → (status key, status label), in page order.
pub(crate) fn cards(doc: &Html) -> Vec<(String, (String, String))> {
    doc.select(&sel("main article.course-card"))
        .map(|card| (text(first(card, ".card-title")), status_of(card)))
        .collect()
}

pub(crate) fn card_titles(doc: &Html) -> Vec<String> {
    texts(doc, "main article.course-card .card-title")
}

/// The status shown on a course's own page.
pub(crate) fn page_status(site: &SiteFiles, course: &str) -> (String, String) {
    let doc = page(site, &format!("kurser/{course}/index.html"));
    let header = one(&doc, "main .course-header");
    status_of(header)
}

pub(crate) fn s(v: &str) -> String {
    v.to_string()
}

// ---- status ------------------------------------------------------------------------------------

#[test]
fn each_status_shows_on_the_cards_and_the_course_pages() {
    let project = Project::fixture("catalogue/statuses");
    let outcome = build_for(&project, "2027-01-26");
    let site = roskilde(&outcome);

    // Current courses, by first meeting; the finished one is not among them.
    let catalogue = page(site, "kurser/index.html");
    let running = (s("running"), s("I gang"));
    let intake = (s("intake"), s("Optag til og med 3. møde"));
    let closed = (s("closed"), s("Tilmelding lukket"));
    let open = (s("open"), s("Åben for tilmelding"));
    let finished = (s("finished"), s("Afsluttet"));
    assert_eq!(
        cards(&catalogue),
        [
            (s("Recoverycafé"), running.clone()),
            (s("Peer-gruppe"), intake.clone()),
            (s("Samtalesalon"), closed.clone()),
            (s("Skriv dit liv"), open.clone()),
        ]
    );
    let archive = page(site, "kurser/tidligere/index.html");
    assert_eq!(
        cards(&archive),
        [(s("Skriveværksted, efterår"), finished.clone())]
    );

    for (course, expected) in [
        ("i-gang", running),
        ("optag", intake),
        ("lukket", closed),
        ("aaben", open),
        ("afsluttet", finished),
    ] {
        assert_eq!(page_status(site, course), expected, "the page of {course}");
    }
}

#[test]
fn status_changes_the_day_after_the_deadline_the_intake_meeting_and_the_last_meeting() {
    let project = Project::fixture("catalogue/statuses");
    // (today, course, status): `aaben` meets 2, 9, 16, 23 March 2027 with the deadline 23
    // February; `optag` meets weekly from 12 January with intake until the third meeting (26
    // January) and the deadline 5 January; `afsluttet` meets last on 24 November 2026.
    let cases = [
        ("2027-02-23", "aaben", "open"),
        ("2027-02-24", "aaben", "closed"),
        ("2027-03-02", "aaben", "running"),
        ("2027-03-23", "aaben", "running"),
        ("2027-03-24", "aaben", "finished"),
        ("2027-01-11", "optag", "closed"),
        ("2027-01-12", "optag", "intake"),
        ("2027-01-26", "optag", "intake"),
        ("2027-01-27", "optag", "running"),
        ("2026-11-24", "afsluttet", "running"),
        ("2026-11-25", "afsluttet", "finished"),
    ];
    let titles: BTreeMap<&str, &str> = [
        ("aaben", "Skriv dit liv"),
        ("optag", "Peer-gruppe"),
        ("afsluttet", "Skriveværksted, efterår"),
    ]
    .into();
    let mut days: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (day, course, key) in cases {
        days.entry(day).or_default().push((course, key));
    }
    for (day, expected) in days {
        let outcome = build_for(&project, day);
        let site = roskilde(&outcome);
        let catalogue = cards(&page(site, "kurser/index.html"));
        let archive = cards(&page(site, "kurser/tidligere/index.html"));
        for (course, key) in expected {
            let (shown, _) = page_status(site, course);
            assert_eq!(shown, key, "the page of {course} on {day}");
            // The card: in the catalogue while current, in the archive once finished.
            let (listed, other) = if key == "finished" {
                (&archive, &catalogue)
            } else {
                (&catalogue, &archive)
            };
            let title = titles[course];
            let card = listed
                .iter()
                .find(|(t, _)| t == title)
                .unwrap_or_else(|| panic!("no card for {title} on {day}: {listed:?}"));
            assert_eq!(card.1 .0, key, "the card of {course} on {day}");
            assert!(
                other.iter().all(|(t, _)| t != title),
                "{title} is listed in both the catalogue and the archive on {day}"
            );
        }
    }
}

// ---- filter pages ------------------------------------------------------------------------------

/// The filter links of a catalogue page, per group heading: (label, target site path, count).
pub(crate) fn filter_links(
    doc: &Html,
    from: &str,
) -> BTreeMap<String, Vec<(String, String, String)>> {
    let nav = one(doc, "main nav.catalogue-filters");
    nav.select(&sel(".filter-group"))
        .map(|group| {
            let links = group
                .select(&sel("li"))
                .map(|li| {
                    let a = first(li, "a");
                    (
                        text(a),
                        resolve(from, a.value().attr("href").unwrap()),
                        text(first(li, ".count")),
                    )
                })
                .collect();
            (text(first(group, "h3")), links)
        })
        .collect()
}

pub(crate) fn link(label: &str, path: &str, count: usize) -> (String, String, String) {
    (s(label), s(path), format!("({count})"))
}

#[test]
fn filter_links_count_only_current_courses() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let doc = page(roskilde(&outcome), "kurser/index.html");

    // The finished Recoverycafé courses (Cafeen, Fridays) give no link.
    let expected: BTreeMap<String, Vec<(String, String, String)>> = [
        (
            s("Kategori"),
            vec![
                link("Samtalesalon", "kurser/kategori/samtalesalon/", 2),
                link("Skriveværksted", "kurser/kategori/skrivevaerksted/", 2),
            ],
        ),
        (
            s("Sted"),
            vec![
                link("Roskilde Bibliotek", "kurser/sted/biblioteket/", 2),
                link("Makers Corner", "kurser/sted/makers-corner/", 2),
            ],
        ),
        (
            s("Ugedag"),
            vec![
                link("Tirsdag", "kurser/ugedag/tirsdag/", 2),
                link("Torsdag", "kurser/ugedag/torsdag/", 1),
                link("Lørdag", "kurser/ugedag/loerdag/", 1),
                link("Søndag", "kurser/ugedag/soendag/", 1),
            ],
        ),
        (
            s("Vis kun"),
            vec![
                link("Kun kurser med ledige pladser", "kurser/ledige-pladser/", 3),
                link("Kun uden henvisning", "kurser/uden-henvisning/", 3),
            ],
        ),
    ]
    .into();
    assert_eq!(filter_links(&doc, "kurser/"), expected);
}

#[test]
fn cards_carry_the_data_the_combined_filter_uses() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let doc = page(roskilde(&outcome), "kurser/index.html");

    let data: Vec<[String; 5]> = doc
        .select(&sel("main article.course-card"))
        .map(|card| {
            let v = card.value();
            let attr = |name| {
                v.attr(name)
                    .unwrap_or_else(|| panic!("no {name}"))
                    .to_string()
            };
            [
                text(first(card, ".card-title")),
                attr("data-kategori"),
                attr("data-sted"),
                attr("data-ugedag"),
                attr("data-henvisning"),
            ]
        })
        .collect();
    let row = |a: &str, b: &str, c: &str, d: &str, e: &str| [a, b, c, d, e].map(s);
    assert_eq!(
        data,
        [
            row(
                "Samtalesalon tirsdag",
                "samtalesalon",
                "biblioteket",
                "tirsdag",
                "nej"
            ),
            row(
                "Skriveværksted tirsdag",
                "skrivevaerksted",
                "makers-corner",
                "tirsdag",
                "nej"
            ),
            row(
                "Skriveværksted torsdag",
                "skrivevaerksted",
                "biblioteket",
                "torsdag",
                "ja"
            ),
            row(
                "Samtalesalon i weekenden",
                "samtalesalon",
                "makers-corner",
                "loerdag soendag",
                "nej"
            ),
        ]
    );
    // Every card sits in its own list item: that is what the script hides.
    assert_eq!(
        doc.select(&sel("main ul.card-grid > li > article.course-card"))
            .count(),
        4
    );
}

#[test]
fn each_filter_page_lists_just_its_current_courses() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);

    let cases: [(&str, &[&str]); 9] = [
        (
            "kurser/kategori/samtalesalon/",
            &["Samtalesalon tirsdag", "Samtalesalon i weekenden"],
        ),
        (
            "kurser/kategori/skrivevaerksted/",
            &["Skriveværksted tirsdag", "Skriveværksted torsdag"],
        ),
        (
            "kurser/sted/biblioteket/",
            &["Samtalesalon tirsdag", "Skriveværksted torsdag"],
        ),
        (
            "kurser/sted/makers-corner/",
            &["Skriveværksted tirsdag", "Samtalesalon i weekenden"],
        ),
        (
            "kurser/ugedag/tirsdag/",
            &["Samtalesalon tirsdag", "Skriveværksted tirsdag"],
        ),
        ("kurser/ugedag/torsdag/", &["Skriveværksted torsdag"]),
        ("kurser/ugedag/loerdag/", &["Samtalesalon i weekenden"]),
        ("kurser/ugedag/soendag/", &["Samtalesalon i weekenden"]),
        (
            "kurser/uden-henvisning/",
            &[
                "Samtalesalon tirsdag",
                "Skriveværksted tirsdag",
                "Samtalesalon i weekenden",
            ],
        ),
    ];
    for (path, expected) in cases {
        let doc = page(site, &format!("{path}index.html"));
        assert_eq!(card_titles(&doc), expected, "/{path}");
        // The page marks its own filter link, and links back to all courses with their number.
        let current: Vec<String> = attrs(&doc, r#"main nav a[aria-current="page"]"#, "href")
            .iter()
            .map(|h| resolve(path, h))
            .collect();
        assert_eq!(current, [path], "/{path}: the current filter link");
        let all = one(&doc, r#"main nav.catalogue-filters > p > a"#);
        assert_eq!(text(all), "Alle kurser (4)", "/{path}");
        assert_eq!(
            resolve(path, all.value().attr("href").unwrap()),
            "kurser/",
            "/{path}"
        );
        // The combined form and its script belong to the main catalogue only.
        assert!(
            doc.select(&sel("form[data-catalogue-filter]")).count() == 0,
            "/{path} has the combined filter form"
        );
    }
}

#[test]
fn finished_courses_leave_the_catalogue_for_the_archive_newest_first() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);

    let catalogue = page(site, "kurser/index.html");
    assert_eq!(
        card_titles(&catalogue),
        [
            "Samtalesalon tirsdag",
            "Skriveværksted tirsdag",
            "Skriveværksted torsdag",
            "Samtalesalon i weekenden",
        ]
    );
    let archive = page(site, "kurser/tidligere/index.html");
    assert_eq!(
        cards(&archive),
        [
            (s("Recoverycafé, forår"), (s("finished"), s("Afsluttet"))),
            (s("Recoverycafé, vinter"), (s("finished"), s("Afsluttet"))),
        ]
    );
    // The catalogue links the archive with its number.
    let more = one(&catalogue, "main ul.catalogue-more > li:first-child");
    assert_eq!(text(more), "Tidligere kurser (2)");
    assert_eq!(
        resolve(
            "kurser/",
            &attrs(
                &catalogue,
                "main ul.catalogue-more > li:first-child a",
                "href"
            )[0]
        ),
        "kurser/tidligere/"
    );
    // A finished course keeps its own page.
    assert_eq!(page_status(site, "cafe-foraar").0, "finished");
}

// ---- computed dates ----------------------------------------------------------------------------

pub(crate) fn meeting_dates(site: &SiteFiles, course: &str) -> Vec<String> {
    let doc = page(site, &format!("kurser/{course}/index.html"));
    attrs(&doc, "main ol.meeting-dates time[datetime]", "datetime")
}

#[test]
fn skipped_weeks_have_no_meeting_and_move_the_rest_a_week_later() {
    let project = Project::fixture("catalogue/dates");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);

    // Six Tuesdays from 2 February 2027 without 16 February and 9 March.
    let expected = [
        "2027-02-02",
        "2027-02-09",
        "2027-02-23",
        "2027-03-02",
        "2027-03-16",
        "2027-03-23",
    ];
    assert_eq!(meeting_dates(site, "med-pauser"), expected);
    let doc = page(site, "kurser/med-pauser/index.html");
    assert_eq!(
        texts(&doc, "main ol.meeting-dates time"),
        [
            "tirsdag 2. februar 2027",
            "tirsdag 9. februar 2027",
            "tirsdag 23. februar 2027",
            "tirsdag 2. marts 2027",
            "tirsdag 16. marts 2027",
            "tirsdag 23. marts 2027",
        ]
    );
    assert_eq!(fact(&doc, "Antal møder"), "6 møder");
    assert_eq!(
        fact(&doc, "Periode"),
        "tirsdag 2. februar 2027 til tirsdag 23. marts 2027"
    );
    let json: Value = serde_json::from_str(file(site, "kurser.json")).unwrap();
    let record = json["courses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "Skriveværksted med pauser")
        .unwrap();
    assert_eq!(record["meetings"], serde_json::json!(expected));
}

#[test]
fn listed_dates_are_sorted_and_give_the_weekday() {
    let project = Project::fixture("catalogue/dates");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);

    // Written as [2027-05-01, 2027-03-06, 2027-04-03]: three Saturdays.
    assert_eq!(
        meeting_dates(site, "enkelte-datoer"),
        ["2027-03-06", "2027-04-03", "2027-05-01"]
    );
    let doc = page(site, "kurser/enkelte-datoer/index.html");
    assert_eq!(
        texts(&doc, "main ol.meeting-dates time"),
        [
            "lørdag 6. marts 2027",
            "lørdag 3. april 2027",
            "lørdag 1. maj 2027"
        ]
    );
    assert_eq!(fact(&doc, "Antal møder"), "3 møder");
    let catalogue = page(site, "kurser/index.html");
    let card = catalogue
        .select(&sel("main article.course-card"))
        .find(|c| text(first(*c, ".card-title")) == "Samtalesalon på udvalgte dage")
        .expect("no card for the course");
    assert_eq!(card.value().attr("data-ugedag"), Some("loerdag"));
    assert!(site.text("kurser/ugedag/loerdag/index.html").is_some());
}

// ---- front page --------------------------------------------------------------------------------

#[test]
fn front_page_lists_the_next_six_courses_to_start() {
    let project = Project::fixture("catalogue/front-page");
    let outcome = build_for(&project, "2027-01-20");
    let site = roskilde(&outcome);
    let front = page(site, "index.html");

    // "Kommende kurser" on 20 January: the courses not started yet and open for signup. The
    // intake course has started (its second meeting is today), so it is left out with the
    // closed, running and finished ones; only six are shown.
    assert_eq!(
        card_titles(&front),
        [
            "Åbent kursus 1",
            "Åbent kursus 2",
            "Åbent kursus 3",
            "Åbent kursus 4",
            "Åbent kursus 5",
            "Åbent kursus 6",
        ]
    );
    let statuses: BTreeSet<String> = cards(&front).into_iter().map(|(_, st)| st.0).collect();
    assert_eq!(statuses, BTreeSet::from([s("open")]));
    // The catalogue still has every current course.
    let catalogue = page(site, "kurser/index.html");
    assert_eq!(card_titles(&catalogue).len(), 9);
    assert_eq!(
        card_titles(&catalogue)[..3],
        ["Kursus i gang", "Kursus med optag", "Lukket kursus"]
    );
}

// ---- validation --------------------------------------------------------------------------------

/// Builds a fixture that must fail with exactly one error, and checks its code, file, line,
/// message and the offending line.
pub(crate) fn assert_one_error(
    fixture: &str,
    code: &str,
    file: &str,
    line: usize,
    message: &str,
    source_line: &str,
) -> Diagnostic {
    let project = Project::fixture(fixture);
    let outcome = project.build();
    let errors: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    let listing = outcome
        .diagnostics
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        errors.len(),
        1,
        "{fixture}: expected one error, got:\n{listing}"
    );
    let d = errors[0];
    assert_eq!(d.code, code, "{d}");
    assert_eq!(d.file, Path::new(file), "{d}");
    assert_eq!(d.line, line, "line of {d}");
    assert!(
        d.text(Da).contains(message),
        "the message of {d} should say {message:?}"
    );
    assert!(d.hint.is_some(), "no hint: {d}");
    assert_eq!(d.source_line(), Some(source_line), "{d}");
    d.clone()
}

pub(crate) const COURSE_FILE: &str = "content/roskilde/kurser/skrivevaerksted.md";

#[test]
fn schedule_with_both_weeks_and_dates_is_an_error() {
    assert_one_error(
        "catalogue/weeks-and-dates",
        "course.schedule",
        COURSE_FILE,
        8,
        "`dates` kan ikke bruges sammen med `start` eller `weeks`",
        "  dates: [2027-02-02, 2027-02-09]",
    );
}

#[test]
fn skip_date_off_the_courses_weekday_is_an_error() {
    assert_one_error(
        "catalogue/skip-not-meeting-day",
        "course.schedule",
        COURSE_FILE,
        8,
        "`skip: 2027-02-17` er ikke en mødedag for kurset",
        "  skip: [2027-02-17]",
    );
}

/// Two meetings, 2 and 9 February; skipping 16 February (the week after the last meeting) skips
/// nothing, so it is as wrong as any other date that is not a meeting.
#[test]
fn skip_date_the_week_after_the_last_meeting_is_an_error() {
    assert_one_error(
        "catalogue/skip-after-last-meeting",
        "course.schedule",
        COURSE_FILE,
        8,
        "`skip: 2027-02-16` er ikke en mødedag for kurset",
        "  skip: [2027-02-16]",
    );
}

#[test]
fn time_range_that_ends_before_it_starts_is_an_error() {
    assert_one_error(
        "catalogue/time-ends-before-start",
        "course.schedule",
        COURSE_FILE,
        8,
        "`12:00-10:00` slutter, før det begynder",
        "  time: \"12:00-10:00\"",
    );
}

#[test]
fn signup_deadline_after_the_first_meeting_is_an_error() {
    let d = assert_one_error(
        "catalogue/deadline-after-start",
        "course.deadline-after-start",
        COURSE_FILE,
        10,
        "Tilmeldingsfristen 2027-02-03 er efter første mødegang (2027-02-02)",
        "  deadline: 2027-02-03",
    );
    // At the deadline's value.
    assert_eq!(d.column, 13, "{d}");
}

#[test]
fn intake_beyond_the_last_meeting_is_an_error() {
    assert_one_error(
        "catalogue/intake-too-large",
        "course.intake",
        COURSE_FILE,
        9,
        "`open_until_session: 5` er ikke en mødegang på kurset (det har 4)",
        "  open_until_session: 5",
    );
}

#[test]
fn unknown_category_is_an_error_with_a_suggestion() {
    let d = assert_one_error(
        "catalogue/unknown-category",
        "course.unknown-category",
        COURSE_FILE,
        4,
        "Ukendt kategori `skriveværksted`",
        "category: skriveværksted",
    );
    assert!(d.hint_text(Da).unwrap().contains("`skrivevaerksted`"));
}

#[test]
fn unknown_location_is_an_error_with_a_suggestion() {
    let d = assert_one_error(
        "catalogue/unknown-location",
        "course.unknown-location",
        COURSE_FILE,
        8,
        "Ukendt sted `bibliotek`",
        "location: bibliotek",
    );
    assert!(d.hint_text(Da).unwrap().contains("`biblioteket`"));
}

#[test]
fn unknown_contact_is_an_error_with_a_suggestion() {
    let d = assert_one_error(
        "catalogue/unknown-contact",
        "course.unknown-contact",
        COURSE_FILE,
        6,
        "Ukendt kontaktperson `sundhedscenter`",
        "contact: sundhedscenter",
    );
    assert!(d.hint_text(Da).unwrap().contains("`sundhedscentret`"));
}

#[test]
fn course_named_like_a_catalogue_page_is_an_error() {
    assert_one_error(
        "catalogue/reserved-url",
        "site.reserved-url",
        "content/roskilde/kurser/tidligere.md",
        1,
        "/kurser/tidligere/",
        "---",
    );
}
