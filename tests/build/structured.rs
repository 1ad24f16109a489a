//! The three machine-readable descriptions of a course agree: the schema.org JSON-LD of its page,
//! expanded the way an independent consumer of schema.org would (weekly from `startDate` to
//! `endDate` on `byDay`, minus `exceptDate`, or single dates), gives exactly the meetings of its
//! record in `kurser.json` and of its own `.ics` file, each meeting as a local date with start and
//! end time in Europe/Copenhagen. Checked on every fixture that builds and on the repository's
//! example; every calendar also names vejviser in its `PRODID`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Copenhagen;
use scraper::Html;
use serde_json::Value;
use vejviser::{BuildOutcome, SiteFiles};

use crate::common::*;

/// One meeting: local date, start and end time (none for a course without a time of day).
type Meeting = (NaiveDate, Option<NaiveTime>, Option<NaiveTime>);

/// A property's values: schema.org allows one value or an array of them.
fn many(v: &Value) -> Vec<&Value> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    }
}

fn day_of(v: &Value) -> NaiveDate {
    let s = v.as_str().unwrap_or_else(|| panic!("not a date: {v}"));
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("date {s:?}: {e}"))
}

/// An ISO 8601 time of day, `18:30:00` (or `18:30`).
fn time_of(v: &Value) -> Option<NaiveTime> {
    let s = v.as_str()?;
    Some(
        NaiveTime::parse_from_str(s, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
            .unwrap_or_else(|e| panic!("time {s:?}: {e}")),
    )
}

/// A schema.org day, `https://schema.org/Thursday`.
fn weekday_of(v: &Value) -> Weekday {
    let s = v.as_str().unwrap_or_else(|| panic!("not a day: {v}"));
    let name = s
        .strip_prefix("https://schema.org/")
        .or_else(|| s.strip_prefix("http://schema.org/"))
        .unwrap_or(s);
    name.parse()
        .unwrap_or_else(|_| panic!("not a schema.org day: {s:?}"))
}

/// Minutes of an ISO 8601 duration of hours and minutes, `PT1H30M`.
fn minutes_of(iso: &str) -> i64 {
    let rest = iso
        .strip_prefix("PT")
        .unwrap_or_else(|| panic!("duration {iso:?}"));
    let (mut total, mut number) = (0, String::new());
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'H' | 'M' => {
                let n: i64 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("duration {iso:?}"));
                total += if c == 'H' { n * 60 } else { n };
                number.clear();
            }
            _ => panic!("duration {iso:?}"),
        }
    }
    assert!(number.is_empty(), "duration {iso:?}");
    total
}

/// The meetings one schema.org `Schedule` stands for.
fn expand(s: &Value) -> Vec<Meeting> {
    assert_eq!(s["@type"], "Schedule", "{s}");
    let start = day_of(&s["startDate"]);
    let end = if s["endDate"].is_null() {
        start
    } else {
        day_of(&s["endDate"])
    };
    let except: BTreeSet<NaiveDate> = many(&s["exceptDate"]).into_iter().map(day_of).collect();
    let count = s["repeatCount"].as_u64().map_or(usize::MAX, |n| n as usize);
    let dates: Vec<NaiveDate> = match s["repeatFrequency"].as_str() {
        None => {
            assert_eq!(start, end, "a schedule without repetition spans days: {s}");
            vec![start]
        }
        Some("P1W") => {
            let mut days: Vec<Weekday> = many(&s["byDay"]).into_iter().map(weekday_of).collect();
            if days.is_empty() {
                days.push(start.weekday());
            }
            start
                .iter_days()
                .take_while(|d| *d <= end)
                .filter(|d| days.contains(&d.weekday()) && !except.contains(d))
                .take(count)
                .collect()
        }
        Some(other) => panic!("repeatFrequency {other:?} is not one this consumer knows"),
    };
    let begins = time_of(&s["startTime"]);
    let mut ends = time_of(&s["endTime"]);
    if let Some(b) = begins {
        assert_eq!(s["scheduleTimezone"], "Europe/Copenhagen", "{s}");
        if let Some(d) = s["duration"].as_str() {
            let by_duration = b + chrono::Duration::minutes(minutes_of(d));
            assert_eq!(*ends.get_or_insert(by_duration), by_duration, "{s}");
        }
    }
    dates.into_iter().map(|d| (d, begins, ends)).collect()
}

/// Every meeting of a `Course`'s JSON-LD; checks that each instance's own dates frame its
/// meetings.
fn json_ld_meetings(ld: &Value) -> BTreeSet<Meeting> {
    assert_eq!(ld["@type"], "Course", "{ld}");
    let mut all = BTreeSet::new();
    for instance in many(&ld["hasCourseInstance"]) {
        assert_eq!(instance["@type"], "CourseInstance", "{instance}");
        let meetings: BTreeSet<Meeting> = many(&instance["courseSchedule"])
            .into_iter()
            .flat_map(expand)
            .collect();
        let first = meetings.first().map(|m| m.0.to_string());
        let last = meetings.last().map(|m| m.0.to_string());
        assert_eq!(
            instance["startDate"].as_str(),
            first.as_deref(),
            "{instance}"
        );
        assert_eq!(instance["endDate"].as_str(), last.as_deref(), "{instance}");
        all.extend(meetings);
    }
    all
}

/// The meetings of a course's record in `kurser.json`: the days it meets, at the schedule's
/// time, or at a moved meeting's own time as its `changes` give it.
fn record_meetings(record: &Value) -> BTreeSet<Meeting> {
    let begins = time_of(&record["start_time"]);
    let ends = time_of(&record["end_time"]);
    let changes = many(&record["changes"]);
    many(&record["meetings"])
        .into_iter()
        .map(|d| {
            let moved = changes
                .iter()
                .find(|c| c["change"] == "moved" && c["date"] == *d && !c["start_time"].is_null());
            match moved {
                Some(c) => (
                    day_of(d),
                    time_of(&c["start_time"]),
                    time_of(&c["end_time"]),
                ),
                None => (day_of(d), begins, ends),
            }
        })
        .collect()
}

/// A DTSTART or DTEND: a UTC time (`20270309T090000Z`) as Copenhagen local date and time, or a
/// date (`VALUE=DATE`) with no time.
fn local(value: &str) -> (NaiveDate, Option<NaiveTime>) {
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y%m%d") {
        return (d, None);
    }
    let utc = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ")
        .unwrap_or_else(|e| panic!("not a UTC time: {value:?}: {e}"));
    let here = Utc.from_utc_datetime(&utc).with_timezone(&Copenhagen);
    (here.date_naive(), Some(here.time()))
}

fn ics_value<'a>(props: &'a [ical::property::Property], name: &str) -> Vec<&'a str> {
    props
        .iter()
        .filter(|p| p.name == name)
        .filter_map(|p| p.value.as_deref())
        .collect()
}

fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser
        .next()
        .expect("no VCALENDAR")
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{text}"));
    assert!(parser.next().is_none(), "more than one VCALENDAR");
    calendar
}

/// The meetings of a course's own calendar file, in Copenhagen local time.
/// The meetings a calendar says are held: its events, less those with `STATUS:CANCELLED`.
fn ics_meetings(text: &str) -> BTreeSet<Meeting> {
    ics_events(text, false)
}

/// Every event of a calendar, cancelled ones included.
fn ics_meetings_all(text: &str) -> BTreeSet<Meeting> {
    ics_events(text, true)
}

fn ics_events(text: &str, with_cancelled: bool) -> BTreeSet<Meeting> {
    parse_ics(text)
        .events
        .iter()
        .filter(|e| with_cancelled || ics_value(&e.properties, "STATUS") != ["CANCELLED"])
        .map(|e| {
            let one = |name| match ics_value(&e.properties, name)[..] {
                [v] => local(v),
                ref found => panic!("{name} of an event: {found:?}"),
            };
            let (day, begins) = one("DTSTART");
            let ends = match begins {
                Some(_) => {
                    let (end_day, ends) = one("DTEND");
                    assert_eq!(end_day, day, "a meeting past midnight");
                    ends
                }
                None => None,
            };
            (day, begins, ends)
        })
        .collect()
}

/// The `schedule` of a course's source file, when it is `content/<site or _shared>/<course>.md`.
fn source_schedule(project: &Project, site: &str, course: &str) -> serde_yaml::Value {
    for folder in [site, "_shared"] {
        let path = project.path(&format!("content/{folder}/{course}.md"));
        if let Ok(text) = std::fs::read_to_string(path) {
            let front = text.split("---").nth(1).unwrap_or_default();
            let yaml: serde_yaml::Value = serde_yaml::from_str(front).unwrap_or_default();
            return yaml["schedule"].clone();
        }
    }
    serde_yaml::Value::Null
}

/// Whether Copenhagen's offset from UTC differs between two meetings (clocks changed between).
fn across_daylight_saving(meetings: &BTreeSet<Meeting>) -> bool {
    let offset = |m: &Meeting| {
        m.1.and_then(|t| Copenhagen.from_local_datetime(&m.0.and_time(t)).earliest())
            .map(|t| t.offset().fix())
    };
    match (meetings.first(), meetings.last()) {
        (Some(a), Some(b)) => offset(a).is_some() && offset(a) != offset(b),
        _ => false,
    }
}

#[derive(Default, Debug)]
struct Compared {
    courses: usize,
    calendars: usize,
    skip: Vec<String>,
    dates: Vec<String>,
    daylight_saving: Vec<String>,
}

/// Compares every course page of every site of `outcome` with `kurser.json` and the `.ics`
/// files, and checks every calendar's PRODID.
fn compare(name: &str, project: &Project, outcome: &BuildOutcome, seen: &mut Compared) {
    let prodid = format!("-//vejviser//vejviser {}//DA", env!("CARGO_PKG_VERSION"));
    for site in &outcome.sites {
        let file = |path: &str| -> &str {
            site.text(path)
                .unwrap_or_else(|| panic!("{name}: {}: no {path}", site.slug))
        };
        let json: Value = serde_json::from_str(file("kurser.json")).expect("kurser.json parses");
        let base = json["site"]["url"].as_str().expect("the site's url");
        let mut records: BTreeMap<&str, &Value> = many(&json["courses"])
            .into_iter()
            .map(|c| (c["url"].as_str().expect("a course url"), c))
            .collect();
        for (path, ld) in json_ld_pages(site, &format!("{name}: {}", site.slug)) {
            let at = format!("{name}: {}/{path}", site.slug);
            // `kurser/x/index.html` → `kurser/x`, its calendar `kurser/x.ics`.
            let course = path
                .strip_suffix("/index.html")
                .unwrap_or_else(|| panic!("{at}: JSON-LD outside a course page"));
            let url = ld["url"].as_str().expect("a url");
            assert_eq!(url, format!("{base}{course}/"), "{at}");
            let record = records
                .remove(url)
                .unwrap_or_else(|| panic!("{at}: {url} is not in kurser.json"));
            let calendar = format!("{course}.ics");
            assert_eq!(record["calendar"], format!("{base}{calendar}"), "{at}");

            let expanded = json_ld_meetings(&ld);
            let meetings = record_meetings(record);
            assert!(!meetings.is_empty(), "{at}: no meetings");
            assert_eq!(expanded, meetings, "{at}: JSON-LD vs kurser.json\n{ld:#}");
            // A cancelled course keeps its meetings in the open data and the JSON-LD (with
            // `EventCancelled`); its calendar publishes each one as cancelled.
            let cancelled = record["availability"] == "cancelled";
            let instance = &many(&ld["hasCourseInstance"])[0];
            assert_eq!(
                instance["eventStatus"] == "https://schema.org/EventCancelled",
                cancelled,
                "{at}"
            );
            let (held, all) = (
                ics_meetings(file(&calendar)),
                ics_meetings_all(file(&calendar)),
            );
            if cancelled {
                assert!(held.is_empty(), "{at}: {calendar} has meetings held");
                assert_eq!(all, meetings, "{at}: {calendar} vs kurser.json");
            } else {
                assert_eq!(held, meetings, "{at}: {calendar} vs kurser.json");
            }
            // The page's list of dates: a <time> for each meeting held, none for a cancelled
            // meeting or course.
            let doc = Html::parse_document(file(path));
            let shown: BTreeSet<NaiveDate> = attrs(&doc, "main ol.meeting-dates time", "datetime")
                .iter()
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap())
                .collect();
            let days: BTreeSet<NaiveDate> = if cancelled {
                BTreeSet::new()
            } else {
                meetings.iter().map(|m| m.0).collect()
            };
            assert_eq!(shown, days, "{at}: the page's dates vs kurser.json");

            seen.courses += 1;
            let schedule = source_schedule(project, &site.slug, course);
            if schedule["skip"]
                .as_sequence()
                .is_some_and(|s| !s.is_empty())
            {
                seen.skip.push(at.clone());
            }
            if !schedule["dates"].is_null() {
                seen.dates.push(at.clone());
            }
            if across_daylight_saving(&meetings) {
                seen.daylight_saving.push(at);
            }
        }
        assert!(
            records.is_empty(),
            "{name}: {}: courses without a page with JSON-LD: {:?}",
            site.slug,
            records.keys()
        );
        for path in site.files.keys().filter(|p| p.ends_with(".ics")) {
            seen.calendars += 1;
            let calendar = parse_ics(file(path));
            assert_eq!(
                ics_value(&calendar.properties, "PRODID"),
                [prodid.as_str()],
                "{name}: {}/{path}",
                site.slug
            );
        }
    }
}

/// The pages that carry JSON-LD: (site path of the file, the JSON-LD parsed).
fn json_ld_pages<'a>(site: &'a SiteFiles, at: &str) -> Vec<(&'a str, Value)> {
    let mut pages = Vec::new();
    for path in html_files(site) {
        let text = site.text(path).unwrap_or_default();
        if !text.contains("application/ld+json") {
            continue;
        }
        let doc = Html::parse_document(text);
        let scripts: Vec<String> = doc
            .select(&sel(r#"script[type="application/ld+json"]"#))
            .map(|s| s.text().collect())
            .collect();
        match &scripts[..] {
            [] => {}
            [one] => pages.push((
                path,
                serde_json::from_str(one).unwrap_or_else(|e| {
                    panic!("{at}/{path}: the JSON-LD does not parse: {e}\n{one}")
                }),
            )),
            _ => panic!("{at}/{path}: {} JSON-LD scripts", scripts.len()),
        }
    }
    pages
}

#[test]
fn json_ld_schedules_expand_to_the_meetings_of_kurser_json_and_the_calendars() {
    let mut seen = Compared::default();
    for name in fixture_names() {
        let project = Project::fixture(&name);
        let outcome = project.build();
        if outcome.errors() == 0 {
            compare(&name, &project, &outcome, &mut seen);
        }
    }
    let example = Project::repository_example();
    compare("example", &example, &example.build_ok(), &mut seen);

    assert!(seen.courses >= 40, "{seen:#?}");
    assert!(seen.calendars > seen.courses, "{seen:#?}");
    assert!(!seen.skip.is_empty(), "no course with `skip`: {seen:#?}");
    assert!(!seen.dates.is_empty(), "no course with `dates`: {seen:#?}");
    assert!(
        seen.daylight_saving
            .iter()
            .any(|c| c.starts_with("catalogue/dst:")),
        "the course across the change to summer time was not compared: {seen:#?}"
    );
}
