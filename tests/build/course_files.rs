//! The catalogue's machine-readable files, read with independent parsers: each course's and the
//! site's iCalendar file (the `ical` crate), the schema.org JSON-LD of a course page, `kurser.json`
//! and the Atom feed, each saying what the pages say.
//!
//! Fixtures live in `tests/fixtures/catalogue/<case>/`, built for a fixed `today`.

use std::collections::{BTreeMap, BTreeSet};

use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use scraper::Html;
use serde_json::Value;

use crate::catalogue::*;
use crate::common::*;

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
            // A full course says so in its entry's title.
            "Samtalesalon i weekenden (fuldt booket)",
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
