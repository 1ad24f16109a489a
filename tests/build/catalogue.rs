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

use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use scraper::{ElementRef, Html};
use serde_json::Value;
use vejviser::{BuildOutcome, Diagnostic, SiteFiles};

use crate::common::*;

const BASE: &str = "https://roskilde.example.dk/";

/// Builds the fixture for `day` and fails on errors.
fn build_for(project: &Project, day: &str) -> BuildOutcome {
    let mut opts = project.options();
    opts.today = date(day);
    ok(project.build_with(&opts))
}

fn roskilde(outcome: &BuildOutcome) -> &SiteFiles {
    site(outcome, "roskilde")
}

fn file<'a>(site: &'a SiteFiles, path: &str) -> &'a str {
    site.text(path).unwrap_or_else(|| {
        panic!(
            "no file {path}; the site has:\n{}",
            site.files.keys().cloned().collect::<Vec<_>>().join("\n")
        )
    })
}

fn first<'a>(el: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    el.select(&sel(css))
        .next()
        .unwrap_or_else(|| panic!("no `{css}` in {}", text(el)))
}

/// The status badge of an element: (key from `badge-status-<key>`, label).
fn status_of(el: ElementRef) -> (String, String) {
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
fn cards(doc: &Html) -> Vec<(String, (String, String))> {
    doc.select(&sel("main article.course-card"))
        .map(|card| (text(first(card, ".card-title")), status_of(card)))
        .collect()
}

fn card_titles(doc: &Html) -> Vec<String> {
    texts(doc, "main article.course-card .card-title")
}

/// The status shown on a course's own page.
fn page_status(site: &SiteFiles, course: &str) -> (String, String) {
    let doc = page(site, &format!("kurser/{course}/index.html"));
    let header = one(&doc, "main .course-header");
    status_of(header)
}

fn s(v: &str) -> String {
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
fn filter_links(doc: &Html, from: &str) -> BTreeMap<String, Vec<(String, String, String)>> {
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

fn link(label: &str, path: &str, count: usize) -> (String, String, String) {
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
            s("Henvisning"),
            vec![link("Kun uden henvisning", "kurser/uden-henvisning/", 3)],
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

fn meeting_dates(site: &SiteFiles, course: &str) -> Vec<String> {
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

// ---- iCalendar ---------------------------------------------------------------------------------

fn parse_ics(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser
        .next()
        .expect("no VCALENDAR in the file")
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{text}"));
    assert!(parser.next().is_none(), "more than one VCALENDAR");
    calendar
}

/// The raw (still escaped) value of an event's property; fails when it is missing or repeated.
fn prop<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    let found: Vec<&str> = event
        .properties
        .iter()
        .filter(|p| p.name == name)
        .filter_map(|p| p.value.as_deref())
        .collect();
    assert_eq!(found.len(), 1, "{name} of an event: {:?}", event.properties);
    found[0]
}

/// An iCalendar TEXT value unescaped (RFC 5545 3.3.11).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

const DST_COURSE: &str = "kurser/sommertid.ics";

#[test]
fn meetings_are_in_utc_on_both_sides_of_the_daylight_saving_change() {
    let project = Project::fixture("catalogue/dst");
    let outcome = project.build_ok();
    let calendar = parse_ics(file(roskilde(&outcome), DST_COURSE));

    // Tuesdays 10:00-12:00 in Copenhagen; clocks go forward on Sunday 28 March 2027.
    let times: Vec<(&str, &str)> = calendar
        .events
        .iter()
        .map(|e| (prop(e, "DTSTART"), prop(e, "DTEND")))
        .collect();
    assert_eq!(
        times,
        [
            ("20270309T090000Z", "20270309T110000Z"),
            ("20270316T090000Z", "20270316T110000Z"),
            ("20270323T090000Z", "20270323T110000Z"),
            ("20270330T080000Z", "20270330T100000Z"),
            ("20270406T080000Z", "20270406T100000Z"),
        ]
    );
    let summaries: Vec<String> = calendar
        .events
        .iter()
        .map(|e| unescape(prop(e, "SUMMARY")))
        .collect();
    assert_eq!(
        summaries,
        (1..=5)
            .map(|i| format!("Skriveværksted, forår 2027 ({i}/5)"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn course_calendar_is_well_formed_and_stable_between_builds() {
    let project = Project::fixture("catalogue/dst");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let raw = file(site, DST_COURSE);

    // RFC 5545: CRLF line ends, lines folded at 75 octets.
    assert!(raw.ends_with("\r\n"), "the file does not end with CRLF");
    let bare_lf = raw
        .match_indices('\n')
        .filter(|(i, _)| !raw[..*i].ends_with('\r'));
    assert_eq!(bare_lf.count(), 0, "lines end with a bare LF");
    for line in raw.split("\r\n") {
        assert!(
            line.len() <= 75,
            "a line of {} octets: {line:?}",
            line.len()
        );
    }

    let calendar = parse_ics(raw);
    assert_eq!(calendar.events.len(), 5, "one event per meeting");
    let uids: Vec<&str> = calendar.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(
        uids.iter().collect::<BTreeSet<_>>().len(),
        5,
        "UIDs are not unique: {uids:?}"
    );
    for event in &calendar.events {
        // DTSTAMP is the build's day, so two builds for the same day agree.
        assert_eq!(prop(event, "DTSTAMP"), "20260601T000000Z");
        assert_eq!(
            prop(event, "LOCATION"),
            r"Makers Corner\, Eksempelvej 1\, 4000 Roskilde",
            "the commas of LOCATION are escaped"
        );
        assert_eq!(prop(event, "URL"), format!("{BASE}kurser/sommertid/"));
        let description = unescape(prop(event, "DESCRIPTION"));
        assert!(
            description.contains("Skriv om dit liv sammen med andre – på tværs af sommertiden."),
            "{description}"
        );
    }

    // A second build, on another day, keeps every meeting's UID.
    let later = build_for(&project, "2026-12-24");
    let again = parse_ics(file(roskilde(&later), DST_COURSE));
    let uids_again: Vec<&str> = again.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids_again, uids);
    assert_eq!(prop(&again.events[0], "DTSTAMP"), "20261224T000000Z");

    // The course page links it.
    let doc = page(site, "kurser/sommertid/index.html");
    let a = one(&doc, "main .calendar-link a");
    assert_eq!(text(a), "Tilføj til kalender");
    assert_eq!(
        resolve("kurser/sommertid/", a.value().attr("href").unwrap()),
        DST_COURSE
    );
}

#[test]
fn site_calendar_has_every_meeting_of_the_current_courses_only() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let calendar = parse_ics(file(site, "kurser/kalender.ics"));

    let mut per_course: BTreeMap<String, usize> = BTreeMap::new();
    for event in &calendar.events {
        *per_course.entry(s(prop(event, "URL"))).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("salon-tirsdag", 6),
        ("skriv-tirsdag", 8),
        ("skriv-torsdag", 8),
        ("salon-weekend", 4),
    ]
    .into_iter()
    .map(|(c, n)| (format!("{BASE}kurser/{c}/"), n))
    .collect();
    assert_eq!(per_course, expected, "meetings per course in kalender.ics");

    // The same meetings as the courses' own files, with the same UIDs.
    let mut own = BTreeSet::new();
    for course in [
        "salon-tirsdag",
        "skriv-tirsdag",
        "skriv-torsdag",
        "salon-weekend",
    ] {
        let c = parse_ics(file(site, &format!("kurser/{course}.ics")));
        own.extend(c.events.iter().map(|e| s(prop(e, "UID"))));
    }
    let all: BTreeSet<String> = calendar.events.iter().map(|e| s(prop(e, "UID"))).collect();
    assert_eq!(all.len(), calendar.events.len(), "UIDs are not unique");
    assert_eq!(all, own);
    // The finished courses still have their own file.
    assert_eq!(
        parse_ics(file(site, "kurser/cafe-foraar.ics")).events.len(),
        8
    );
}

// ---- JSON-LD -----------------------------------------------------------------------------------

/// The JSON-LD of a page, parsed; fails unless there is exactly one such script.
fn json_ld(doc: &Html) -> Value {
    let script = one(doc, r#"script[type="application/ld+json"]"#);
    let body: String = script.text().collect();
    serde_json::from_str(&body)
        .unwrap_or_else(|e| panic!("the JSON-LD does not parse: {e}\n{body}"))
}

#[test]
fn course_page_describes_the_course_in_schema_org_json_ld() {
    let project = Project::fixture("catalogue/json-ld");
    let outcome = project.build_ok();
    let doc = page(roskilde(&outcome), "kurser/samtalesalon/index.html");
    let ld = json_ld(&doc);

    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Course");
    assert_eq!(ld["name"], "Samtalesalon");
    assert_eq!(ld["description"], "Samtaler om det, der betyder noget.");
    assert_eq!(ld["url"], format!("{BASE}kurser/samtalesalon/"));
    assert_eq!(ld["provider"]["name"], "Roskilde Kommune");

    let instances = ld["hasCourseInstance"]
        .as_array()
        .expect("hasCourseInstance");
    assert_eq!(instances.len(), 1);
    let instance = &instances[0];
    assert_eq!(instance["@type"], "CourseInstance");
    assert_eq!(instance["courseMode"], "onsite");
    assert_eq!(instance["startDate"], "2027-03-04");
    assert_eq!(instance["endDate"], "2027-04-08");
    // Six Thursdays from 4 March 2027, every week: one weekly schedule with no exceptions.
    let schedule = &instance["courseSchedule"];
    assert_eq!(
        *schedule,
        serde_json::json!({
            "@type": "Schedule",
            "startDate": "2027-03-04",
            "endDate": "2027-04-08",
            "repeatFrequency": "P1W",
            "byDay": ["https://schema.org/Thursday"],
            "startTime": "18:30:00",
            "endTime": "20:30:00",
            "duration": "PT2H",
            "scheduleTimezone": "Europe/Copenhagen",
        })
    );
    assert_eq!(instance["location"]["@type"], "Place");
    assert_eq!(instance["location"]["name"], "Roskilde Bibliotek");
    assert_eq!(
        instance["location"]["address"],
        "Bibliotekvej 2, 4000 Roskilde"
    );
    assert_eq!(instance["maximumAttendeeCapacity"], 12);

    let offers = &ld["offers"];
    assert_eq!(offers["@type"], "Offer");
    assert_eq!(offers["price"].as_f64(), Some(250.0));
    assert_eq!(offers["priceCurrency"], "DKK");
}

#[test]
fn json_ld_schedules_leave_out_the_weeks_without_a_meeting() {
    let project = Project::fixture("catalogue/dates");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let schedule = |course: &str| {
        let ld = json_ld(&page(site, &format!("kurser/{course}/index.html")));
        ld["hasCourseInstance"][0]["courseSchedule"].clone()
    };

    // `start: 2027-02-02, weeks: 6, skip: [2027-02-16, 2027-03-09]`: the skipped Tuesdays are
    // exceptions, and the last meeting is two weeks after the sixth Tuesday.
    let skip = schedule("med-pauser");
    assert_eq!(skip["startDate"], "2027-02-02");
    assert_eq!(skip["endDate"], "2027-03-23");
    assert_eq!(skip["repeatFrequency"], "P1W");
    assert_eq!(
        skip["byDay"],
        serde_json::json!(["https://schema.org/Tuesday"])
    );
    assert_eq!(
        skip["exceptDate"],
        serde_json::json!(["2027-02-16", "2027-03-09"])
    );
    assert!(skip.get("repeatCount").is_none(), "{skip}");
    assert_eq!(skip["startTime"], "10:00:00");
    assert_eq!(skip["endTime"], "12:00:00");

    // `dates:` on Saturdays four weeks apart: weekly, the weeks between are exceptions.
    let dates = schedule("enkelte-datoer");
    assert_eq!(dates["startDate"], "2027-03-06");
    assert_eq!(dates["endDate"], "2027-05-01");
    assert_eq!(
        dates["exceptDate"],
        serde_json::json!([
            "2027-03-13",
            "2027-03-20",
            "2027-03-27",
            "2027-04-10",
            "2027-04-17",
            "2027-04-24"
        ])
    );
}

#[test]
fn json_ld_lists_meetings_on_several_weekdays_one_by_one() {
    let project = Project::fixture("catalogue/filters");
    let outcome = build_for(&project, "2026-09-01");
    let ld = json_ld(&page(roskilde(&outcome), "kurser/salon-weekend/index.html"));
    let instance = &ld["hasCourseInstance"][0];
    assert_eq!(instance["startDate"], "2026-10-03");
    assert_eq!(instance["endDate"], "2026-10-11");
    let one = |day: &str| {
        serde_json::json!({
            "@type": "Schedule",
            "startDate": day,
            "endDate": day,
            "repeatCount": 1,
            "startTime": "11:00:00",
            "endTime": "13:00:00",
            "duration": "PT2H",
            "scheduleTimezone": "Europe/Copenhagen",
        })
    };
    assert_eq!(
        instance["courseSchedule"],
        serde_json::json!([
            one("2026-10-03"),
            one("2026-10-04"),
            one("2026-10-10"),
            one("2026-10-11")
        ])
    );
}

#[test]
fn a_title_with_a_script_end_tag_cannot_end_the_json_ld() {
    let project = Project::fixture("catalogue/script-in-title");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let title = "Skriv </script><script>alert(1)</script> & <b>mere</b>";
    let doc = page(site, "kurser/farlig-titel/index.html");

    // The browser's parser sees one JSON-LD element holding the whole title, and no script
    // made from the title.
    let ld = json_ld(&doc);
    assert_eq!(ld["name"], title);
    assert_eq!(
        ld["description"],
        "Et resumé med </SCRIPT> og <!-- en kommentar"
    );
    for script in doc.select(&sel("script")) {
        let body: String = script.text().collect();
        assert!(
            !body.contains("alert(1)")
                || script.value().attr("type") == Some("application/ld+json"),
            "the title became a script: {body:?}"
        );
    }
    assert_eq!(
        doc.select(&sel("main b")).count(),
        0,
        "the title's <b> became markup"
    );
    assert_eq!(texts(&doc, "h1"), [title]);
    // No `<` inside the element at all (so neither `</script` nor `<!--` can act).
    let raw = file(site, "kurser/farlig-titel/index.html");
    let start = raw.find("application/ld+json").unwrap();
    let body_start = start + raw[start..].find('>').unwrap() + 1;
    let body_end = body_start + raw[body_start..].find("</script").unwrap();
    assert!(
        !raw[body_start..body_end].contains('<'),
        "{}",
        &raw[body_start..body_end]
    );
}

// ---- kurser.json -------------------------------------------------------------------------------

#[test]
fn open_data_lists_every_course_with_its_status() {
    let project = Project::fixture("catalogue/statuses");
    let outcome = build_for(&project, "2027-01-26");
    let site = roskilde(&outcome);
    let json: Value = serde_json::from_str(file(site, "kurser.json")).expect("kurser.json parses");

    assert_eq!(
        json["site"],
        serde_json::json!({"name": "Roskilde Kommune", "url": BASE})
    );
    assert_eq!(json["today"], "2027-01-26");
    let courses = json["courses"].as_array().unwrap();
    let statuses: BTreeMap<&str, &str> = courses
        .iter()
        .map(|c| (c["title"].as_str().unwrap(), c["status"].as_str().unwrap()))
        .collect();
    let expected: BTreeMap<&str, &str> = [
        ("Skriv dit liv", "open"),
        ("Samtalesalon", "closed"),
        ("Peer-gruppe", "intake"),
        ("Recoverycafé", "running"),
        ("Skriveværksted, efterår", "finished"),
    ]
    .into();
    assert_eq!(statuses, expected);

    let by_title = |t: &str| courses.iter().find(|c| c["title"] == t).unwrap();
    assert_eq!(by_title("Peer-gruppe")["intake_until_meeting"], 3);
    assert_eq!(by_title("Recoverycafé")["referral"], true);

    let c = by_title("Skriv dit liv");
    assert_eq!(c["url"], format!("{BASE}kurser/aaben/"));
    assert_eq!(c["calendar"], format!("{BASE}kurser/aaben.ics"));
    assert!(site.text("kurser/aaben/index.html").is_some());
    assert!(site.text("kurser/aaben.ics").is_some());
    assert_eq!(c["category"]["slug"], "skrivevaerksted");
    assert_eq!(c["category"]["label"], "Skriveværksted");
    assert_eq!(c["category"]["description"], "Skriv sammen med andre");
    assert_eq!(c["summary"], "Skriv om dit liv sammen med andre.");
    assert_eq!(c["audience"], "Voksne over 18");
    assert_eq!(c["referral"], false);
    assert_eq!(c["capacity"], 10);
    assert_eq!(c["price"].as_f64(), Some(0.0));
    assert_eq!(c["location"]["key"], "makers-corner");
    assert_eq!(c["location"]["name"], "Makers Corner");
    assert_eq!(c["location"]["address"], "Eksempelvej 1, 4000 Roskilde");
    assert_eq!(
        c["location"]["accessibility"],
        "Niveaufri adgang, handicaptoilet"
    );
    assert_eq!(c["contact"]["name"], "Sundhedscentret");
    assert_eq!(c["contact"]["email"], "sundhed@roskilde.example.dk");
    assert_eq!(c["contact"]["phone"], "+45 11 22 33 44");
    assert_eq!(c["facilitators"], serde_json::json!(["peer", "staff"]));
    assert_eq!(c["start_time"], "10:00");
    assert_eq!(c["end_time"], "12:00");
    assert_eq!(
        c["meetings"],
        serde_json::json!(["2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23"])
    );
    assert_eq!(
        c["signup"],
        serde_json::json!({
            "deadline": "2027-02-23",
            "email": "skriv@roskilde.example.dk",
            "phone": "+45 11 22 33 44",
            "url": "https://roskilde.example.dk/tilmeld",
        })
    );
    assert_eq!(c["intake_until_meeting"], Value::Null);
}

// ---- feed.xml ----------------------------------------------------------------------------------

/// The texts of every `<tag>…</tag>` in `xml` (no nesting of the same tag).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    xml.split(open.as_str())
        .skip(1)
        .map(|rest| &rest[..rest.find(close.as_str()).expect("unclosed element")])
        .collect()
}

/// The `href` of every `<link …/>` in `xml`.
fn link_hrefs(xml: &str) -> Vec<&str> {
    xml.split("<link ")
        .skip(1)
        .map(|rest| {
            let at = rest.find("href=\"").expect("a link without href") + 6;
            &rest[at..at + rest[at..].find('"').unwrap()]
        })
        .collect()
}

#[test]
fn feed_has_one_entry_per_current_course_with_absolute_urls() {
    let project = Project::fixture("catalogue/filters");
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let feed = file(site, "feed.xml");

    assert!(
        feed.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom""#),
        "{feed}"
    );
    let entries = elements(feed, "entry");
    let courses = [
        "salon-tirsdag",
        "skriv-tirsdag",
        "skriv-torsdag",
        "salon-weekend",
    ];
    assert_eq!(entries.len(), courses.len(), "{feed}");
    let titles: Vec<&str> = entries.iter().map(|e| elements(e, "title")[0]).collect();
    assert_eq!(
        titles,
        [
            "Samtalesalon tirsdag",
            "Skriveværksted tirsdag",
            "Skriveværksted torsdag",
            "Samtalesalon i weekenden",
        ]
    );
    for (entry, course) in entries.iter().zip(courses) {
        let url = format!("{BASE}kurser/{course}/");
        assert_eq!(elements(entry, "id"), [url.as_str()], "{entry}");
        assert_eq!(link_hrefs(entry), [url.as_str()], "{entry}");
    }
    assert!(
        !feed.contains("Recoverycafé"),
        "a finished course is in the feed"
    );
    // The feed's own links are absolute too.
    let head = &feed[..feed.find("<entry>").unwrap()];
    for href in link_hrefs(head) {
        assert!(href.starts_with(BASE), "{href}");
    }
    assert_eq!(elements(head, "id"), [format!("{BASE}feed.xml")]);
}

// ---- front page --------------------------------------------------------------------------------

#[test]
fn front_page_lists_the_next_six_joinable_courses() {
    let project = Project::fixture("catalogue/front-page");
    let outcome = build_for(&project, "2027-01-20");
    let site = roskilde(&outcome);
    let front = page(site, "index.html");

    // Joinable on 20 January: the intake course (its second meeting is today) and six open
    // ones; the closed, running and finished courses are left out, and only six are shown.
    assert_eq!(
        card_titles(&front),
        [
            "Kursus med optag",
            "Åbent kursus 1",
            "Åbent kursus 2",
            "Åbent kursus 3",
            "Åbent kursus 4",
            "Åbent kursus 5",
        ]
    );
    let statuses: BTreeSet<String> = cards(&front).into_iter().map(|(_, st)| st.0).collect();
    assert_eq!(statuses, BTreeSet::from([s("intake"), s("open")]));
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
fn assert_one_error(
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
        d.message.contains(message),
        "the message of {d} should say {message:?}"
    );
    assert!(d.hint.is_some(), "no hint: {d}");
    assert_eq!(d.source_line(), Some(source_line), "{d}");
    d.clone()
}

const COURSE_FILE: &str = "content/roskilde/kurser/skrivevaerksted.md";

#[test]
fn schedule_with_both_weeks_and_dates_is_an_error() {
    assert_one_error(
        "catalogue/weeks-and-dates",
        "course.schedule",
        COURSE_FILE,
        8,
        "`dates` cannot be combined with `start` or `weeks`",
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
        "`skip: 2027-02-17` is not a meeting day of this course",
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
        "`skip: 2027-02-16` is not a meeting day of this course",
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
        "`12:00-10:00` ends before it starts",
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
        "the signup deadline 2027-02-03 is after the first meeting (2027-02-02)",
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
        "`open_until_session: 5` is not a meeting of this course (it has 4)",
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
        "unknown category `skriveværksted`",
        "category: skriveværksted",
    );
    assert!(d.hint.unwrap().contains("`skrivevaerksted`"));
}

#[test]
fn unknown_location_is_an_error_with_a_suggestion() {
    let d = assert_one_error(
        "catalogue/unknown-location",
        "course.unknown-location",
        COURSE_FILE,
        8,
        "unknown location `bibliotek`",
        "location: bibliotek",
    );
    assert!(d.hint.unwrap().contains("`biblioteket`"));
}

#[test]
fn unknown_contact_is_an_error_with_a_suggestion() {
    let d = assert_one_error(
        "catalogue/unknown-contact",
        "course.unknown-contact",
        COURSE_FILE,
        6,
        "unknown contact `sundhedscenter`",
        "contact: sundhedscenter",
    );
    assert!(d.hint.unwrap().contains("`sundhedscentret`"));
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
