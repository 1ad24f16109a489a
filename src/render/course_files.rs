//! The machine-readable side of the catalogue: an iCalendar file per course and for the whole
//! catalogue, the Atom feed of current courses, `kurser.json` (open data), and each course page's
//! schema.org JSON-LD.
//!
//! Each reads the courses as `site::courses` resolved them for the build's day, so a calendar,
//! the feed, the open data and the page say the same.

use super::courses::{ics_path, price_value};
use super::*;
use crate::calendar::{self, CourseEvents};
use crate::catalogue::{self, CALENDAR_FILE};
use crate::config::{Audience, Category, Contact, Location};
use crate::frontmatter::TimeRange;
use crate::frontmatter::{Availability, Meeting, Mode};
use crate::site::courses::ResolvedCourse;
use chrono::Datelike;

/// The open data record of a course, as in `kurser.json`.
#[derive(Serialize)]
struct CourseRecord<'a> {
    title: &'a str,
    url: String,
    calendar: String,
    category: Option<&'a Category>,
    summary: Option<&'a str>,
    audience: Option<&'a str>,
    /// `false`: no referral needed (uvisiteret).
    referral: bool,
    capacity: Option<u32>,
    /// Danish kroner; 0 is free.
    price: f64,
    location: Option<&'a Location>,
    contact: Option<&'a Contact>,
    facilitators: &'a [Facilitator],
    /// Local time in Europe/Copenhagen, `"10:00"`.
    start_time: Option<String>,
    end_time: Option<String>,
    /// The days it meets, in order (cancelled meetings left out; moved ones on their new day).
    meetings: Vec<String>,
    /// Meetings moved or cancelled, by their planned day.
    changes: Vec<ChangeRecord<'a>>,
    status: &'static str,
    /// `open`, `full`, `waitlist` or `cancelled`.
    availability: &'static str,
    availability_note: Option<&'a str>,
    /// Whether places are free and signup is open now.
    has_places: bool,
    /// `onsite`, `online` or `hybrid`.
    mode: &'static str,
    online: Option<&'a str>,
    audiences: Vec<&'a Audience>,
    /// The address of its series page, which stays the same term after term.
    series: Option<String>,
    signup: Option<SignupRecord<'a>>,
    intake_until_meeting: Option<u32>,
}

/// A meeting moved or cancelled.
#[derive(Serialize)]
struct ChangeRecord<'a> {
    planned: String,
    /// `moved` or `cancelled`.
    change: &'static str,
    /// The day it is held, when moved.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_time: Option<String>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct SignupRecord<'a> {
    deadline: Option<String>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    url: Option<&'a str>,
}

/// Escapes JSON for a `<script>` element: no `<`, `>` or `&` can end it or start markup.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn hm((h, m): (u32, u32)) -> String {
    format!("{h:02}:{m:02}")
}

/// An ISO 8601 duration of a time of day: `10:00-12:30` → `PT2H30M`.
fn duration(t: TimeRange) -> String {
    let minutes = (t.end.0 * 60 + t.end.1) - (t.start.0 * 60 + t.start.1);
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The course's weekday, each week from its first regular meeting to its last, on which no
/// regular meeting is held, when its regular meetings (held, not moved) share one weekday;
/// `None` when they do not. A weekly schema.org `Schedule` minus these `exceptDate`s gives
/// exactly the regular meetings, left-out weeks (`skip`, `cancelled`, gaps in `dates`)
/// included, whereas `startDate` plus `repeatCount` weeks would move every meeting after a gap.
/// Moved meetings and meetings on several weekdays are listed one `Schedule` each.
fn left_out_weeks(regular: &[&Meeting]) -> Option<Vec<NaiveDate>> {
    let (first, last) = (regular.first()?.date, regular.last()?.date);
    let one_weekday = regular.iter().all(|m| m.date.weekday() == first.weekday());
    one_weekday.then(|| {
        first
            .iter_weeks()
            .take_while(|d| *d <= last)
            .filter(|d| !regular.iter().any(|m| m.date == *d))
            .collect()
    })
}

/// A course's events for a calendar, with its URL and id (see `prepare` below).
fn events<'r>(
    r: &'r ResolvedCourse,
    (url, id): &'r (String, String),
    cancelled_label: &'r str,
) -> CourseEvents<'r> {
    CourseEvents {
        course: r.course,
        title: &r.sp.page.common.title,
        url,
        id,
        location: r.location_line(),
        description: r.course.summary.as_deref(),
        cancelled_label,
    }
}

impl Renderer<'_> {
    fn record<'r>(&self, r: &'r ResolvedCourse) -> CourseRecord<'r> {
        let c = r.course;
        CourseRecord {
            title: &r.sp.page.common.title,
            url: format!("{}{}", self.settings.base_url, r.sp.path),
            calendar: format!("{}{}", self.settings.base_url, ics_path(r.sp)),
            category: r.category,
            summary: c.summary.as_deref(),
            audience: c.audience.as_deref(),
            referral: c.referral,
            capacity: c.capacity,
            price: c.price,
            location: r.location,
            contact: r.contact,
            facilitators: &c.facilitators,
            start_time: c.schedule.time.map(|t| hm(t.start)),
            end_time: c.schedule.time.map(|t| hm(t.end)),
            meetings: c.schedule.held().map(|m| m.date.to_string()).collect(),
            changes: c
                .schedule
                .meetings
                .iter()
                .filter(|m| m.moved || m.cancelled)
                .map(|m| ChangeRecord {
                    planned: m.planned.to_string(),
                    change: if m.cancelled { "cancelled" } else { "moved" },
                    date: m.moved.then(|| m.date.to_string()),
                    start_time: m
                        .moved
                        .then(|| c.schedule.time_of(m).map(|t| hm(t.start)))
                        .flatten(),
                    end_time: m
                        .moved
                        .then(|| c.schedule.time_of(m).map(|t| hm(t.end)))
                        .flatten(),
                    note: m.note.as_deref(),
                })
                .collect(),
            status: r.status.key(),
            availability: c.availability.key(),
            availability_note: c.availability_note.as_deref(),
            has_places: r.has_places(),
            mode: c.mode.key(),
            online: c.online.as_deref(),
            audiences: r.audiences.clone(),
            series: c
                .series
                .as_ref()
                .map(|s| format!("{}{}", self.settings.base_url, catalogue::series_path(s))),
            signup: c.signup.as_ref().map(|s| SignupRecord {
                deadline: s.deadline.map(|d| d.to_string()),
                email: s.email.as_deref(),
                phone: s.phone.as_deref(),
                url: s.url.as_deref(),
            }),
            intake_until_meeting: c.intake_until,
        }
    }

    /// schema.org `Course` with one `CourseInstance`, as JSON safe inside `<script>`. Its
    /// `courseSchedule` stands for exactly the course's meetings (see [`left_out_weeks`]).
    pub(super) fn json_ld(&self, r: &ResolvedCourse) -> String {
        let (c, sp) = (r.course, r.sp);
        let m = &self.site.municipality;
        let held: Vec<&Meeting> = c.schedule.held().collect();
        let schedule = |start: NaiveDate, end: NaiveDate, time: Option<TimeRange>| {
            let mut s = json!({
                "@type": "Schedule",
                "startDate": start.to_string(),
                "endDate": end.to_string(),
            });
            if let Some(t) = time {
                s["startTime"] = json!(format!("{}:00", hm(t.start)));
                s["endTime"] = json!(format!("{}:00", hm(t.end)));
                s["duration"] = json!(duration(t));
                s["scheduleTimezone"] = json!("Europe/Copenhagen");
            }
            s
        };
        let single = |m: &&Meeting| {
            let mut s = schedule(m.date, m.date, c.schedule.time_of(m));
            s["repeatCount"] = json!(1);
            s
        };
        let regular: Vec<&Meeting> = held.iter().copied().filter(|m| !m.moved).collect();
        let course_schedule: Vec<Value> = match left_out_weeks(&regular) {
            Some(except) => {
                let (first, last) = (regular[0].date, regular[regular.len() - 1].date);
                let mut s = schedule(first, last, c.schedule.time);
                s["repeatFrequency"] = json!("P1W");
                // schema.org names days in English.
                s["byDay"] = json!([format!(
                    "https://schema.org/{}",
                    i18n::weekday(first, crate::config::Language::En)
                )]);
                if !except.is_empty() {
                    s["exceptDate"] =
                        json!(except.iter().map(|d| d.to_string()).collect::<Vec<_>>());
                }
                std::iter::once(s)
                    .chain(held.iter().filter(|m| m.moved).map(single))
                    .collect()
            }
            None => held.iter().map(single).collect(),
        };
        let course_schedule = match <[Value; 1]>::try_from(course_schedule) {
            Ok([one]) => one,
            Err(many) => json!(many),
        };
        let event_status = if c.availability == Availability::Cancelled {
            "EventCancelled"
        } else if c.schedule.meetings.iter().any(|m| m.moved || m.cancelled) {
            "EventRescheduled"
        } else {
            "EventScheduled"
        };
        let (course_mode, attendance) = match c.mode {
            Mode::Onsite => ("onsite", "OfflineEventAttendanceMode"),
            Mode::Online => ("online", "OnlineEventAttendanceMode"),
            Mode::Hybrid => ("blended", "MixedEventAttendanceMode"),
        };
        let mut instance = json!({
            "@type": "CourseInstance",
            "courseMode": course_mode,
            "eventAttendanceMode": format!("https://schema.org/{attendance}"),
            "eventStatus": format!("https://schema.org/{event_status}"),
            "startDate": r.first().map(|d| d.to_string()),
            "endDate": r.last().map(|d| d.to_string()),
            "courseSchedule": course_schedule,
        });
        if !r.audiences.is_empty() {
            instance["audience"] = json!(r
                .audiences
                .iter()
                .map(|a| json!({"@type": "Audience", "audienceType": a.label}))
                .collect::<Vec<_>>());
        }
        if let (Some(l), false) = (r.location, c.mode == Mode::Online) {
            instance["location"] = json!({"@type": "Place", "name": l.name, "address": l.address});
        }
        if let Some(cap) = c.capacity {
            instance["maximumAttendeeCapacity"] = json!(cap);
        }
        let ld = json!({
            "@context": "https://schema.org",
            "@type": "Course",
            "name": sp.page.common.title,
            "description": c.summary.clone().or_else(|| sp.page.common.description.clone()),
            "url": format!("{}{}", self.settings.base_url, sp.path),
            "inLanguage": self.lang.code(),
            "provider": {"@type": "Organization", "name": m.name, "url": self.settings.base_url},
            "hasCourseInstance": [instance],
            "offers": {
                "@type": "Offer",
                "price": price_value(c.price),
                "priceCurrency": "DKK",
                "category": if c.price == 0.0 { "Free" } else { "Paid" },
                "availability": format!("https://schema.org/{}", if r.has_places() { "InStock" } else { "SoldOut" }),
            },
        });
        script_safe(&ld.to_string())
    }

    /// The site's machine-readable course files: an `.ics` per course, `kurser/kalender.ics`,
    /// `feed.xml` (Atom) and `kurser.json`.
    pub(super) fn course_files(&self) -> Vec<(String, String)> {
        let m = &self.site.municipality;
        let base = &self.settings.base_url;
        let today = self.settings.today;
        let mut files = Vec::new();
        let cancelled = self.theme.strings.get("meeting_cancelled");
        let prepare = |r: &ResolvedCourse| {
            (
                format!("{base}{}", r.sp.path),
                format!("{}/{}", m.slug, r.sp.path),
            )
        };
        for r in self.courses.all() {
            let prepared = prepare(r);
            let ev = events(r, &prepared, cancelled);
            files.push((
                ics_path(r.sp),
                calendar::calendar(&r.sp.page.common.title, &[ev], base, today),
            ));
        }
        let current = self.courses.current();
        let prepared: Vec<(String, String)> = current.iter().map(|r| prepare(r)).collect();
        let evs: Vec<CourseEvents> = current
            .iter()
            .zip(&prepared)
            .map(|(r, p)| events(r, p, cancelled))
            .collect();
        let name = format!("{} – {}", m.name, self.theme.strings.get("catalogue_title"));
        files.push((
            CALENDAR_FILE.to_string(),
            calendar::calendar(&name, &evs, base, today),
        ));
        files.push(("feed.xml".to_string(), self.atom(&current)));
        let records: Vec<CourseRecord> =
            self.courses.all().iter().map(|r| self.record(r)).collect();
        let json = json!({
            "site": {"name": m.name, "url": base},
            "today": today.to_string(),
            "courses": records,
        });
        files.push((
            "kurser.json".to_string(),
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
        ));
        files
    }

    /// An Atom feed of the current courses.
    fn atom(&self, current: &[&ResolvedCourse]) -> String {
        use crate::output::xml_escape as x;
        let m = &self.site.municipality;
        let base = &self.settings.base_url;
        let stamp = |d: Option<NaiveDate>| {
            format!(
                "{}T00:00:00Z",
                d.unwrap_or(self.settings.today).format("%Y-%m-%d")
            )
        };
        let updated = current
            .iter()
            .filter_map(|r| r.sp.page.common.updated.map(|d| d.0))
            .max();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
            self.lang.code()
        ));
        out.push_str(&format!(
            "  <title>{} – {}</title>\n",
            x(&m.name),
            x(self.theme.strings.get("catalogue_title"))
        ));
        out.push_str(&format!("  <id>{}</id>\n", x(&format!("{base}feed.xml"))));
        out.push_str(&format!(
            "  <link rel=\"self\" href=\"{}\"/>\n",
            x(&format!("{base}feed.xml"))
        ));
        out.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            x(&format!("{base}kurser/"))
        ));
        out.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
        out.push_str(&format!("  <author><name>{}</name></author>\n", x(&m.name)));
        for r in current {
            let url = format!("{base}{}", r.sp.path);
            let first = r
                .first()
                .map(|d| i18n::long_date(d, self.lang))
                .unwrap_or_default();
            let mut summary = match &r.course.summary {
                Some(s) => format!("{first}: {s}"),
                None => first,
            };
            // A feed reader keeps the entry it has: the title says when the course is
            // cancelled or full, the summary why.
            let mut title = r.sp.page.common.title.clone();
            if let Some(said) = self.availability_label(r.course.availability) {
                title = format!("{title} ({})", said.to_lowercase());
                let note = r.course.availability_note.as_deref().unwrap_or_default();
                summary = format!(
                    "{said}. {note}{}{summary}",
                    if note.is_empty() { "" } else { " " }
                );
            }
            out.push_str("  <entry>\n");
            out.push_str(&format!("    <title>{}</title>\n", x(&title)));
            out.push_str(&format!("    <id>{}</id>\n", x(&url)));
            out.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                x(&url)
            ));
            out.push_str(&format!(
                "    <updated>{}</updated>\n",
                stamp(r.sp.page.common.updated.map(|d| d.0))
            ));
            out.push_str(&format!("    <summary>{}</summary>\n", x(&summary)));
            out.push_str("  </entry>\n");
        }
        out.push_str("</feed>\n");
        out
    }
}
