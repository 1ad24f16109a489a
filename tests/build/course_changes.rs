//! Courses as they really run: full, waiting list, cancelled, moved or cancelled meetings,
//! online and hybrid, audiences and series. Each shows on the course's page and cards, in the
//! filter pages, in `kurser.json`, the feed and the JSON-LD, and a calendar that imported a
//! course's `.ics` before a change gets the change on its next refresh (read with the `ical`
//! crate across two builds).
//!
//! The fixture is `tests/fixtures/catalogue/changes/`, built for the tests' fixed day.

use std::collections::BTreeMap;
use vejviser::messages::Language::Da;

use scraper::{ElementRef, Html};
use serde_json::Value;
use vejviser::SiteFiles;

use crate::catalogue::{file, filter_links, first, link, roskilde, s};
use crate::common::*;

const FIXTURE: &str = "catalogue/changes";

fn course_page(site: &SiteFiles, course: &str) -> Html {
    page(site, &format!("kurser/{course}/index.html"))
}

/// The cards of a listing: title → the text of its first badge (its availability or status).
fn card_badges(doc: &Html) -> BTreeMap<String, String> {
    doc.select(&sel("main article.course-card"))
        .map(|card| {
            (
                text(first(card, ".card-title")),
                text(first(card, "ul.badges li")),
            )
        })
        .collect()
}

fn records(site: &SiteFiles) -> BTreeMap<String, Value> {
    let json: Value = serde_json::from_str(file(site, "kurser.json")).unwrap();
    json["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["title"].as_str().unwrap().to_string(), c.clone()))
        .collect()
}

fn json_ld(doc: &Html) -> Value {
    let script = one(doc, r#"script[type="application/ld+json"]"#);
    serde_json::from_str(&script.inner_html()).unwrap()
}

fn signup_box(doc: &Html) -> ElementRef<'_> {
    one(doc, "main .signup-box")
}

#[test]
fn availability_shows_on_pages_cards_filters_and_data() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let site = roskilde(&outcome);

    // The course pages: a notice with the note, and a signup box that fits.
    let cancelled = course_page(site, "aflyst");
    assert_eq!(
        text(one(&cancelled, "main .availability-notice")),
        "Aflyst. Der var for få tilmeldte."
    );
    let signup = signup_box(&cancelled);
    assert_eq!(text(signup), "Tilmelding Kurset er aflyst.");
    assert!(signup.select(&sel("a")).next().is_none());
    assert!(cancelled
        .select(&sel("main .calendar-link"))
        .next()
        .is_none());

    let full = course_page(site, "fuldt");
    assert_eq!(
        text(one(&full, "main .availability-notice")),
        "Fuldt booket. Vi åbner et nyt hold i august."
    );
    assert_eq!(
        text(signup_box(&full)),
        "Tilmelding Der er ikke flere pladser på kurset."
    );

    let waitlist = course_page(site, "venteliste");
    assert_eq!(
        text(one(&waitlist, "main .availability-notice")),
        "Venteliste. Der bliver ofte en plads ledig."
    );
    let button = one(&waitlist, "main .signup-box a.button");
    assert_eq!(text(button), "Skriv dig på venteliste");
    assert_eq!(
        button.value().attr("href"),
        Some("https://roskilde.example.dk/venteliste")
    );
    assert!(text(signup_box(&waitlist)).contains("Skriv dig på venteliste på e-mail:"));

    let open = course_page(site, "aaben");
    assert!(open
        .select(&sel("main .availability-notice"))
        .next()
        .is_none());
    assert_eq!(text(one(&open, "main a.button")), "Tilmeld dig");

    // The cards: the availability takes the status's place.
    let catalogue = page(site, "kurser/index.html");
    let badges = card_badges(&catalogue);
    assert_eq!(badges["Samtalesalon, aflyst hold"], "Aflyst");
    assert_eq!(badges["Samtalesalon, fuldt hold"], "Fuldt booket");
    assert_eq!(badges["Skriveværksted med venteliste"], "Venteliste");
    assert_eq!(badges["Skriveværksted med plads"], "Åben for tilmelding");

    // "Kun kurser med ledige pladser": open for signup and not full, waitlisted or cancelled.
    let only = filter_links(&catalogue, "kurser/")["Vis kun"].clone();
    assert_eq!(
        only,
        [
            link("Kun kurser med ledige pladser", "kurser/ledige-pladser/", 2),
            link("Kun uden henvisning", "kurser/uden-henvisning/", 4),
            link("Online kurser", "kurser/online/", 2),
        ]
    );
    let free = page(site, "kurser/ledige-pladser/index.html");
    assert_eq!(
        texts(&free, "main article.course-card .card-title"),
        ["Skriveværksted med plads", "Skriveværksted på video"]
    );
    let chosen = one(
        &free,
        r#"main nav.catalogue-filters a[aria-current="page"]"#,
    );
    assert_eq!(text(chosen), "Kun kurser med ledige pladser");

    // The front page's "Kommende kurser": a waiting list can be joined; full and cancelled not.
    let front = page(site, "index.html");
    assert_eq!(
        texts(&front, "main article.course-card .card-title"),
        [
            "Skriveværksted med plads",
            "Skriveværksted med venteliste",
            "Skriveværksted på video"
        ]
    );

    // The open data and the JSON-LD say the same.
    let records = records(site);
    for (title, availability, places, status) in [
        ("Skriveværksted med plads", "open", true, "EventRescheduled"),
        ("Samtalesalon, fuldt hold", "full", false, "EventScheduled"),
        (
            "Skriveværksted med venteliste",
            "waitlist",
            false,
            "EventScheduled",
        ),
        (
            "Samtalesalon, aflyst hold",
            "cancelled",
            false,
            "EventCancelled",
        ),
    ] {
        let record = &records[title];
        assert_eq!(record["availability"], availability, "{title}");
        assert_eq!(record["has_places"], places, "{title}");
        let path = record["url"]
            .as_str()
            .unwrap()
            .strip_prefix("https://roskilde.example.dk/")
            .unwrap();
        let ld = json_ld(&page(site, &format!("{path}index.html")));
        let instance = &ld["hasCourseInstance"][0];
        assert_eq!(
            instance["eventStatus"],
            format!("https://schema.org/{status}"),
            "{title}"
        );
        let offer = if places { "InStock" } else { "SoldOut" };
        assert_eq!(
            ld["offers"]["availability"],
            format!("https://schema.org/{offer}"),
            "{title}"
        );
    }
    assert_eq!(
        records["Samtalesalon, aflyst hold"]["availability_note"],
        "Der var for få tilmeldte."
    );

    // The feed says it in the entry's title and summary.
    let feed = file(site, "feed.xml");
    assert!(
        feed.contains("<title>Samtalesalon, aflyst hold (aflyst)</title>"),
        "{feed}"
    );
    assert!(
        feed.contains("<summary>Aflyst. Der var for få tilmeldte. torsdag 10. september 2026"),
        "{feed}"
    );
    assert!(feed.contains("<title>Samtalesalon, fuldt hold (fuldt booket)</title>"));
}

#[test]
fn a_cancelled_meeting_is_struck_through_and_a_moved_one_shows_its_new_day() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let doc = course_page(site, "aaben");
    // As a browser shows it: inline elements add no space of their own.
    let items: Vec<String> = doc
        .select(&sel("main ol.meeting-dates li"))
        .map(|li| li.text().collect::<String>())
        .collect();
    assert_eq!(
        items,
        [
            "tirsdag 1. september 2026",
            "tirsdag 8. september 2026",
            "tirsdag 15. september 2026 Aflyst",
            "torsdag 24. september 2026 kl. 12:00-14:00 (flyttet fra tirsdag 22. september 2026) Lokalet er optaget.",
            "tirsdag 29. september 2026",
            "tirsdag 6. oktober 2026",
        ]
    );
    let cancelled = one(&doc, "main li.meeting-cancelled");
    assert_eq!(cancelled.value().attr("data-planned"), Some("2026-09-15"));
    let moved = one(&doc, "main li.meeting-moved");
    assert_eq!(moved.value().attr("data-planned"), Some("2026-09-22"));
    // The list's <time>s are the meetings held, as in the calendar and the open data.
    assert_eq!(
        attrs(&doc, "main ol.meeting-dates time", "datetime"),
        [
            "2026-09-01",
            "2026-09-08",
            "2026-09-24",
            "2026-09-29",
            "2026-10-06"
        ]
    );
    // Five meetings are held; the course still meets on Tuesdays.
    assert_eq!(fact(&doc, "Antal møder"), "5 møder");
    assert_eq!(fact(&doc, "Hvornår"), "Hver tirsdag kl. 10:00-12:00");

    let records = records(site);
    let record = &records["Skriveværksted med plads"];
    assert_eq!(
        record["meetings"],
        serde_json::json!([
            "2026-09-01",
            "2026-09-08",
            "2026-09-24",
            "2026-09-29",
            "2026-10-06"
        ])
    );
    assert_eq!(
        record["changes"],
        serde_json::json!([
            {"planned": "2026-09-15", "change": "cancelled", "note": null},
            {"planned": "2026-09-22", "change": "moved", "date": "2026-09-24",
             "start_time": "12:00", "end_time": "14:00", "note": "Lokalet er optaget."},
        ])
    );
}

// ---- calendars across two builds ---------------------------------------------------------------

/// Each event of a calendar by UID: (STATUS, SEQUENCE, DTSTART).
fn events(ics: &str) -> BTreeMap<String, (String, u32, String)> {
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .expect("no VCALENDAR")
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{ics}"));
    calendar
        .events
        .iter()
        .map(|e| {
            let get = |name: &str| {
                e.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_else(|| panic!("an event without {name}"))
            };
            (
                get("UID"),
                (
                    get("STATUS"),
                    get("SEQUENCE").parse().unwrap(),
                    get("DTSTART"),
                ),
            )
        })
        .collect()
}

const COURSE: &str = "content/roskilde/kurser/aaben.md";

#[test]
fn a_calendar_that_imported_a_course_gets_its_changes_on_the_next_refresh() {
    let project = Project::fixture(FIXTURE);
    let source = std::fs::read_to_string(project.path(COURSE)).unwrap();
    let plain = source
        .replace("  cancelled: [2026-09-15]\n", "")
        .replace(
            "  moved:\n    - { from: 2026-09-22, to: 2026-09-24, time: \"12:00-14:00\", note: Lokalet er optaget. }\n",
            "",
        );
    assert_ne!(plain, source);

    // Before: six meetings as planned.
    project.write(COURSE, plain.as_bytes());
    let outcome = project.build_ok();
    let before = events(file(roskilde(&outcome), "kurser/aaben.ics"));
    assert_eq!(before.len(), 6);
    assert!(before
        .values()
        .all(|(status, seq, _)| status == "CONFIRMED" && *seq == 0));
    let uid = |day: &str| {
        before
            .keys()
            .find(|u| u.contains(day))
            .unwrap_or_else(|| panic!("no event for {day}: {before:?}"))
            .clone()
    };
    let (on_15th, on_22nd) = (uid("20260915"), uid("20260922"));

    // After: one meeting cancelled, one moved. The same events, changed, with higher sequences.
    project.write(COURSE, source.as_bytes());
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let after = events(file(site, "kurser/aaben.ics"));
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "every meeting keeps its UID"
    );
    let cancelled = &after[&on_15th];
    assert_eq!(cancelled.0, "CANCELLED");
    assert!(cancelled.1 > before[&on_15th].1);
    let moved = &after[&on_22nd];
    assert_eq!(moved.0, "CONFIRMED");
    assert!(moved.1 > before[&on_22nd].1);
    // 12:00 in Copenhagen on 24 September (summer time) is 10:00 UTC.
    assert_eq!(moved.2, "20260924T100000Z");
    for (uid, event) in &after {
        if *uid != on_15th && *uid != on_22nd {
            assert_eq!(event, &before[uid], "{uid} changed");
        }
    }
    // The site's calendar says the same about these events.
    let all = events(file(site, "kurser/kalender.ics"));
    assert_eq!(all[&on_15th], after[&on_15th]);
    assert_eq!(all[&on_22nd], after[&on_22nd]);

    // Then the whole course is cancelled: every meeting, again with a higher sequence.
    let cancelled_course = source.replace(
        "category: skrivevaerksted\n",
        "category: skrivevaerksted\navailability: cancelled\n",
    );
    project.write(COURSE, cancelled_course.as_bytes());
    let outcome = project.build_ok();
    let last = events(file(roskilde(&outcome), "kurser/aaben.ics"));
    assert_eq!(last.len(), 6);
    for (uid, (status, seq, _)) in &last {
        assert_eq!(status, "CANCELLED", "{uid}");
        assert!(*seq > before[uid].1, "{uid}");
        if *uid != on_15th {
            assert!(*seq > after[uid].1, "{uid}");
        }
    }
}

// ---- online, audiences, series -----------------------------------------------------------------

#[test]
fn an_online_course_needs_no_place_and_says_how_to_take_part() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let online = course_page(site, "paa-video");
    let place = text(one(&online, "main .course-location"));
    assert_eq!(
        place,
        "Sted Online Sådan deltager du online: Vi mødes på video. Linket sendes, når du er tilmeldt."
    );
    assert_eq!(fact(&online, "Form"), "Online");
    let ld = json_ld(&online);
    let instance = &ld["hasCourseInstance"][0];
    assert_eq!(instance["courseMode"], "online");
    assert_eq!(
        instance["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert!(instance.get("location").is_none(), "{instance}");

    let hybrid = course_page(site, "venteliste");
    let place = text(one(&hybrid, "main .course-location"));
    assert!(
        place.starts_with("Sted Makers Corner Eksempelvej 1"),
        "{place}"
    );
    assert!(place.ends_with("Sådan deltager du online: Linket sendes, når du er tilmeldt."));
    let instance = &json_ld(&hybrid)["hasCourseInstance"][0];
    assert_eq!(instance["courseMode"], "blended");
    assert_eq!(instance["location"]["name"], "Makers Corner");

    let listed = page(site, "kurser/online/index.html");
    assert_eq!(
        texts(&listed, "main article.course-card .card-title"),
        ["Skriveværksted med venteliste", "Skriveværksted på video"]
    );
    let card = listed
        .select(&sel("main article.course-card"))
        .find(|c| text(first(*c, ".card-title")) == "Skriveværksted på video")
        .unwrap();
    assert_eq!(card.value().attr("data-form"), Some("online"));
    assert!(text(card).contains("Sted Online For"), "{}", text(card));

    // Its calendar gives the online text for a place.
    let ics = file(site, "kurser/paa-video.ics");
    assert!(ics.contains("LOCATION:Vi mødes på video. Linket sendes\\, når du er tilmeldt."));
}

#[test]
fn audiences_have_filter_pages_with_counts_and_show_on_cards() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let catalogue = page(site, "kurser/index.html");
    assert_eq!(
        filter_links(&catalogue, "kurser/")["For"],
        [
            link("Dig med egen erfaring", "kurser/for/egen-erfaring/", 3),
            link("Fagpersoner", "kurser/for/fagpersoner/", 1),
            link("Pårørende", "kurser/for/paaroerende/", 2),
        ]
    );
    let relatives = page(site, "kurser/for/paaroerende/index.html");
    assert_eq!(
        texts(&relatives, "main article.course-card .card-title"),
        ["Skriveværksted med plads", "Samtalesalon, fuldt hold"]
    );
    assert_eq!(text(one(&relatives, "main h1")), "Kurser for pårørende");
    let card = relatives
        .select(&sel("main article.course-card"))
        .next()
        .unwrap();
    assert_eq!(
        card.value().attr("data-for"),
        Some("egen-erfaring paaroerende")
    );
    assert!(text(card).contains("For Dig med egen erfaring, Pårørende"));
    let doc = course_page(site, "aaben");
    assert_eq!(
        attrs(&doc, r#"main .facts a[href*="for/"]"#, "href")
            .iter()
            .map(|h| resolve("kurser/aaben/", h))
            .collect::<Vec<_>>(),
        ["kurser/for/egen-erfaring/", "kurser/for/paaroerende/"]
    );
    assert_eq!(
        records(site)["Skriveværksted med plads"]["audiences"],
        serde_json::json!([
            {"key": "egen-erfaring", "label": "Dig med egen erfaring"},
            {"key": "paaroerende", "label": "Pårørende"}
        ])
    );
}

#[test]
fn a_series_page_shows_the_terms_to_come_or_whom_to_ask() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let site = roskilde(&outcome);
    let series = page(site, "kurser/serie/skrivevaerksted/index.html");
    assert_eq!(text(one(&series, "main h1")), "Skriveværksted");
    assert_eq!(
        texts(&series, "main article.course-card .card-title"),
        ["Skriveværksted med plads", "Skriveværksted på video"]
    );
    let earlier: Vec<(String, String)> = links_after_heading(&series, "Tidligere hold")
        .into_iter()
        .map(|(title, href)| (title, resolve("kurser/serie/skrivevaerksted/", &href)))
        .collect();
    assert_eq!(
        earlier,
        [(s("Skriveværksted, forår 2026"), s("kurser/foraar-2026/"))]
    );
    let course = course_page(site, "paa-video");
    assert_eq!(fact(&course, "Hold"), "Alle hold af kurset");
    assert_eq!(
        records(site)["Skriveværksted på video"]["series"],
        "https://roskilde.example.dk/kurser/serie/skrivevaerksted/"
    );

    // A series whose terms have all finished: no group planned, and whom to ask.
    let ended = page(site, "kurser/serie/samtalesalon/index.html");
    assert!(ended
        .select(&sel("main article.course-card"))
        .next()
        .is_none());
    let none = text(one(&ended, "main .series-none"));
    assert_eq!(
        none,
        "Der er ikke planlagt et nyt hold endnu. Spørg os, hvis du vil høre, når der kommer et nyt hold."
    );
    let contact: String = one(&ended, "main .series-current .contact")
        .text()
        .collect();
    assert!(contact.contains("sundhed@roskilde.example.dk"), "{contact}");
}

// ---- errors ------------------------------------------------------------------------------------

#[test]
fn two_terms_of_a_series_starting_the_same_day_are_an_error_at_the_second() {
    let project = Project::fixture(FIXTURE);
    let copy = std::fs::read_to_string(project.path(COURSE))
        .unwrap()
        .replace("Skriveværksted med plads", "Skriveværksted, kopi");
    project.write("content/roskilde/kurser/kopi.md", copy.as_bytes());
    let outcome = project.build();
    let d = the_error(&outcome);
    assert_eq!(d.code, "course.series-clash");
    assert_eq!(d.file.to_string_lossy(), "content/roskilde/kurser/kopi.md");
    assert_eq!((d.line, d.column), (10, 10));
    assert!(
        d.text(Da)
            .contains("starter 2026-09-01, ligesom content/roskilde/kurser/aaben.md"),
        "{}",
        d.text(Da)
    );
}

#[test]
fn a_change_to_a_day_that_is_no_meeting_is_an_error_at_its_date() {
    let project = Project::fixture(FIXTURE);
    let source = std::fs::read_to_string(project.path(COURSE)).unwrap();
    project.write(
        COURSE,
        source
            .replace("cancelled: [2026-09-15]", "cancelled: [2026-09-16]")
            .as_bytes(),
    );
    let outcome = project.build();
    let d = the_error(&outcome);
    assert_eq!(d.code, "course.schedule");
    assert_eq!((d.line, d.column), (13, 15));
    assert_eq!(
        d.text(Da),
        "`cancelled: 2026-09-16` er ikke en mødegang på kurset"
    );
    assert_eq!(
        d.hint_text(Da).as_deref(),
        Some("Skriv den planlagte dato for en af kursets mødegange; den nærmeste er 2026-09-15")
    );
}

#[test]
fn an_unknown_audience_or_availability_is_an_error_with_the_known_ones() {
    let project = Project::fixture(FIXTURE);
    let source = std::fs::read_to_string(project.path(COURSE)).unwrap();
    project.write(
        COURSE,
        source
            .replace(
                "[egen-erfaring, paaroerende]",
                "[egen-erfaring, paarorende]",
            )
            .replace(
                "series: skrivevaerksted\n",
                "series: skrivevaerksted\navailability: fuld\n",
            )
            .as_bytes(),
    );
    let outcome = project.build();
    let found: Vec<(&str, usize, usize, Option<String>)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code, d.line, d.column, d.hint_text(Da)))
        .collect();
    assert_eq!(
        found,
        [
            ("course.value", 5, 15, Some("Mente du `full`?".to_string())),
            (
                "course.unknown-audience",
                6,
                28,
                Some(
                    "Mente du `paaroerende`? (de står under `audiences:` i vejviser.yaml)"
                        .to_string()
                )
            ),
        ]
    );
}

// ---- a first read of the catalogue -------------------------------------------------------------

#[test]
fn a_course_page_says_what_the_course_is_before_its_facts() {
    let project = Project::fixture(FIXTURE);
    let outcome = project.build_ok();
    let doc = course_page(roskilde(&outcome), "aaben");
    let headings = texts(&doc, "main h2");
    assert_eq!(
        headings[..3],
        ["Om kurset", "Praktisk", "Tilmelding"],
        "{headings:?}"
    );
    // A card says the weekday once: in "Hvornår", not again beside the start.
    let catalogue = page(roskilde(&outcome), "kurser/index.html");
    let card = catalogue
        .select(&sel("main article.course-card"))
        .find(|c| text(first(*c, ".card-title")) == "Skriveværksted med plads")
        .unwrap();
    let facts = text(first(card, "dl.card-facts"));
    assert!(
        facts.starts_with("Hvornår Hver tirsdag kl. 10:00-12:00 Start 1. september 2026 "),
        "{facts}"
    );
    assert!(!facts.contains("Ugedag"), "{facts}");
    // One word for the thing: the catalogue says "kursus"/"kurser", never "forløb".
    for path in ["index.html", "kurser/index.html", "kurser/aaben/index.html"] {
        let main = main_text(&page(roskilde(&outcome), path));
        assert!(!main.to_lowercase().contains("forløb"), "{path}: {main}");
    }
}

#[test]
fn check_leaves_a_finished_term_of_a_series_alone_but_not_another_finished_course() {
    let project = Project::fixture(FIXTURE);
    let finished = |project: &Project| -> Vec<String> {
        let output = vejviser(&[
            "check",
            "--root",
            project.root.to_str().unwrap(),
            "--today",
            "2026-06-01",
            "--format",
            "json",
        ]);
        let found: Value = serde_json::from_slice(&output.stdout).unwrap();
        found
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "course.finished")
            .map(|f| f["file"].as_str().unwrap().to_string())
            .collect()
    };
    // Both finished courses are terms of a series: their series pages live on through them.
    assert_eq!(finished(&project), Vec::<String>::new());
    let rel = "content/roskilde/kurser/foraar-2026.md";
    let text = std::fs::read_to_string(project.path(rel)).unwrap();
    project.write(
        rel,
        text.replace("series: skrivevaerksted\n", "").as_bytes(),
    );
    assert_eq!(finished(&project), [rel]);
}

#[test]
fn a_series_clash_of_a_course_with_dates_points_at_its_dates() {
    let project = Project::fixture(FIXTURE);
    let copy = std::fs::read_to_string(project.path("content/roskilde/kurser/gammel-serie.md"))
        .unwrap()
        .replace(
            "  start: 2026-03-05\n  weeks: 3\n",
            "  dates: [2026-03-05, 2026-03-12]\n",
        );
    project.write("content/roskilde/kurser/kopi.md", copy.as_bytes());
    let outcome = project.build();
    let d = the_error(&outcome);
    assert_eq!(d.code, "course.series-clash");
    assert_eq!((d.line, d.column), (9, 10), "{}", d.text(Da));
}
