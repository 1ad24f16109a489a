//! iCalendar files: one per course (`kurser/<course>.ics`) and `kurser/kalender.ics` for every
//! current course of a site, written with the `icalendar` crate.
//!
//! Meetings are stored in UTC, converted from Europe/Copenhagen local time (so a 10:00 meeting is
//! 09:00Z in winter and 08:00Z in summer); calendar programs show them in the reader's zone. UIDs
//! are derived from the site, course and the meeting's planned date, and DTSTAMP from the
//! build's day, so two builds for the same day give the same bytes.
//!
//! A meeting keeps its UID for life. When it is moved it is published with its new times and
//! when it (or the course) is cancelled with `STATUS:CANCELLED`, each with a higher `SEQUENCE`,
//! so a calendar that imported or subscribed to the file shows the change on its next refresh
//! instead of sending someone to a locked door.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use crate::frontmatter::{Availability, Course, Meeting};

/// Who wrote the calendar (RFC 5545 §3.7.3).
const PRODID: &str = concat!("-//vejviser//vejviser ", env!("CARGO_PKG_VERSION"), "//DA");

/// What one course contributes to a calendar.
pub struct CourseEvents<'a> {
    pub course: &'a Course,
    pub title: &'a str,
    /// Absolute URL of the course page.
    pub url: &'a str,
    /// A stable id for the course: `<site>/<course-path>`.
    pub id: &'a str,
    /// Place as one line: name and address (or, online, what a participant needs to know).
    pub location: Option<String>,
    pub description: Option<&'a str>,
    /// The site language's word for a cancelled meeting, put in its summary (`aflyst`).
    pub cancelled_label: &'a str,
}

/// Local Copenhagen time on `date` as UTC. In the hour that does not exist when clocks go
/// forward the later reading is used; in the hour that repeats, the first.
fn utc(date: NaiveDate, time: NaiveTime) -> chrono::DateTime<Utc> {
    let local = date.and_time(time);
    let zoned = Copenhagen
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            Copenhagen
                .from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        });
    match zoned {
        Some(t) => t.with_timezone(&Utc),
        None => Utc.from_utc_datetime(&local),
    }
}

/// How many times a meeting has been changed since it was first published: a calendar that
/// imported it keeps the version with the highest `SEQUENCE` (RFC 5545 §3.8.7.4). A move
/// counts once, a cancellation (of the meeting or the whole course) once more, so a meeting
/// moved and then cancelled still supersedes the moved one.
fn sequence(m: &Meeting, course_cancelled: bool) -> u32 {
    u32::from(m.moved) + u32::from(m.cancelled || course_cancelled)
}

fn events(calendar: &mut Calendar, e: &CourseEvents, host: &str, stamp: chrono::DateTime<Utc>) {
    let schedule = &e.course.schedule;
    let count = schedule.held().count();
    let course_cancelled = e.course.availability == Availability::Cancelled;
    let id = e.id.replace('/', "-");
    let mut number = 0;
    for m in &schedule.meetings {
        let cancelled = m.cancelled || course_cancelled;
        let summary = if m.cancelled {
            format!("{} ({})", e.title, e.cancelled_label)
        } else {
            number += 1;
            if course_cancelled {
                format!("{} ({number}/{count}, {})", e.title, e.cancelled_label)
            } else {
                format!("{} ({number}/{count})", e.title)
            }
        };
        let mut event = Event::new();
        // The UID is the planned day's: a moved or cancelled meeting replaces the event a
        // calendar already has instead of adding one beside it.
        event
            .uid(&format!(
                "{}-{}@{host}",
                id.trim_end_matches('-'),
                m.planned.format("%Y%m%d")
            ))
            .timestamp(stamp)
            .summary(&summary)
            .url(e.url)
            .status(if cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            })
            .add_property("SEQUENCE", sequence(m, course_cancelled).to_string());
        match schedule.time_of(m) {
            Some(t) => {
                let start = NaiveTime::from_hms_opt(t.start.0, t.start.1, 0).unwrap_or_default();
                let end = NaiveTime::from_hms_opt(t.end.0, t.end.1, 0).unwrap_or_default();
                event
                    .starts(CalendarDateTime::Utc(utc(m.date, start)))
                    .ends(CalendarDateTime::Utc(utc(m.date, end)));
            }
            None => {
                event.all_day(m.date);
            }
        }
        if let Some(location) = &e.location {
            event.location(location);
        }
        let mut description = String::new();
        if let Some(note) = m.note.as_deref() {
            description.push_str(note);
            description.push_str("\n\n");
        }
        if let Some(d) = e.description {
            description.push_str(d);
            description.push_str("\n\n");
        }
        description.push_str(e.url);
        event.description(&description);
        calendar.push(event.done());
    }
}

/// An iCalendar file with every meeting of the given courses.
pub fn calendar(name: &str, courses: &[CourseEvents], base_url: &str, today: NaiveDate) -> String {
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split('/')
        .next()
        .unwrap_or("vejviser");
    let stamp = Utc.from_utc_datetime(&today.and_hms_opt(0, 0, 0).unwrap_or_default());
    // `Calendar::new()` already holds the crate's own `PRODID:ICALENDAR-RS`, and properties are
    // only ever appended: start empty so ours is the only one.
    let mut calendar = Calendar::empty();
    // Not `Calendar::name`: the crate escapes `X-WR-CALNAME` but writes `NAME` as it is, so a
    // line break in a course title would start a property of its own (`ATTENDEE:…`).
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("NAME", escape_text(name)))
        .append_property(Property::new("X-WR-CALNAME", name))
        .timezone("Europe/Copenhagen");
    for course in courses {
        events(&mut calendar, course, host, stamp);
    }
    calendar.done().to_string()
}

/// A TEXT value escaped as RFC 5545 §3.3.11 says: backslash, semicolon, comma and line breaks.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_cannot_start_a_line() {
        assert_eq!(escape_text("a\r\nB:c;d,e\\"), "a\\nB:c\\;d\\,e\\\\");
        let ics = calendar(
            "Kursus\r\nATTENDEE:mailto:x@example.dk",
            &[],
            "https://x.dk/",
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        );
        assert!(!ics.contains("\nATTENDEE"), "{ics}");
        assert!(
            ics.contains("NAME:Kursus\\nATTENDEE:mailto:x@example.dk\r\n"),
            "{ics}"
        );
    }

    #[test]
    fn the_calendar_names_vejviser_as_its_product_once() {
        let ics = calendar(
            "Kurser",
            &[],
            "https://x.dk/",
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        );
        let prodids: Vec<&str> = ics.lines().filter(|l| l.starts_with("PRODID")).collect();
        assert_eq!(
            prodids,
            [format!(
                "PRODID:-//vejviser//vejviser {}//DA",
                env!("CARGO_PKG_VERSION")
            )],
            "{ics}"
        );
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"),
            "{ics}"
        );
        assert!(ics.contains("\r\nCALSCALE:GREGORIAN\r\n"), "{ics}");
    }

    #[test]
    fn local_time_follows_daylight_saving() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        let winter = utc(NaiveDate::from_ymd_opt(2027, 3, 23).unwrap(), ten);
        let summer = utc(NaiveDate::from_ymd_opt(2027, 3, 30).unwrap(), ten);
        assert_eq!(winter.format("%H:%M").to_string(), "09:00");
        assert_eq!(summer.format("%H:%M").to_string(), "08:00");
        // 02:30 on the night clocks go forward does not exist: it becomes 03:30 CEST.
        let gap = utc(
            NaiveDate::from_ymd_opt(2027, 3, 28).unwrap(),
            NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        );
        assert_eq!(gap.format("%H:%M").to_string(), "01:30");
    }
}
