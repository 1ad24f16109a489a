//! The validated page: what every later stage reads of a content file. Built only by `parse`,
//! so a `Page` always has a title, a kind and the fields its kind requires.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

use super::{Date, Facilitator, Kind, TimeRange};
use crate::error::Diagnostic;
use crate::locate;

/// One phase of a manual's programme.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub number: u32,
    pub title: String,
    /// Which weeks, as written: `"1-6"`.
    #[serde(default, deserialize_with = "string_or_number")]
    pub weeks: Option<String>,
}

fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        S(String),
        N(u64),
    }
    Ok(Option::<Either>::deserialize(d)?.map(|e| match e {
        Either::S(s) => s,
        Either::N(n) => n.to_string(),
    }))
}

/// One item of a session's agenda.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub minutes: u32,
    pub activity: String,
}

/// How to sign up for a course.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signup {
    pub deadline: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub url: Option<String>,
}

/// The fields every kind has.
#[derive(Debug, Clone)]
pub struct Common {
    pub title: String,
    pub description: Option<String>,
    pub order: Option<i64>,
    pub slug: Option<String>,
    pub draft: bool,
    pub search: bool,
    pub updated: Option<Date>,
    /// Old addresses of the page, as site paths (`gammel-side/`, `arkiv/om.html`): each gets a
    /// page that sends the browser on (see `site::aliases`).
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
}

impl Common {
    /// The fields of a page that has no front matter of its own, only a title.
    pub fn titled(title: String) -> Common {
        Common {
            title,
            description: None,
            order: None,
            slug: None,
            draft: false,
            search: true,
            updated: None,
            aliases: Vec::new(),
            extra: serde_json::Value::Object(Default::default()),
        }
    }
}

/// A manual's front page.
#[derive(Debug, Clone)]
pub struct ManualFront {
    pub summary: Option<String>,
    pub audience: Option<String>,
    pub duration_weeks: Option<u32>,
    pub phases: Vec<Phase>,
}

/// A session plan: one meeting of a group course.
#[derive(Debug, Clone)]
pub struct SessionPlan {
    pub number: u32,
    pub phase: Option<u32>,
    /// Minutes.
    pub duration: Option<u32>,
    pub goals: Vec<String>,
    pub materials: Vec<String>,
    /// Slugs of exercise sheets in the same manual.
    pub exercises: Vec<String>,
    pub agenda: Vec<AgendaItem>,
}

/// A printable exercise sheet.
#[derive(Debug, Clone)]
pub struct ExerciseSheet {
    pub purpose: Option<String>,
    pub duration: Option<u32>,
}

/// One meeting of a course as it now stands: held as planned, moved, or cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The day it was planned for: what it is known by for its whole life (a calendar event's
    /// UID), whatever happens to it later.
    pub planned: NaiveDate,
    /// The day it is held: the planned one, unless it was moved.
    pub date: NaiveDate,
    /// Its own time of day when a move gave it one; else the schedule's.
    pub time: Option<TimeRange>,
    pub moved: bool,
    pub cancelled: bool,
    /// Why it moved or was cancelled, as written (`Lokalet er optaget.`).
    pub note: Option<String>,
}

impl Meeting {
    /// A meeting held on its planned day.
    pub fn planned(date: NaiveDate) -> Meeting {
        Meeting {
            planned: date,
            date,
            time: None,
            moved: false,
            cancelled: false,
            note: None,
        }
    }
}

/// When a course meets: every meeting, in the order they are held, and the time of day.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub meetings: Vec<Meeting>,
    pub time: Option<TimeRange>,
}

impl Schedule {
    /// The meetings that are held (not cancelled), in order.
    pub fn held(&self) -> impl Iterator<Item = &Meeting> {
        self.meetings.iter().filter(|m| !m.cancelled)
    }

    /// The first day the course meets: its first held meeting (its first at all when every
    /// meeting is cancelled).
    pub fn first(&self) -> Option<NaiveDate> {
        self.held().next().or(self.meetings.first()).map(|m| m.date)
    }

    /// The last day the course meets, as [`Schedule::first`].
    pub fn last(&self) -> Option<NaiveDate> {
        self.held().last().or(self.meetings.last()).map(|m| m.date)
    }

    /// The time of day of a meeting: its own when moved with one, else the schedule's.
    pub fn time_of(&self, m: &Meeting) -> Option<TimeRange> {
        m.time.or(self.time)
    }
}

/// Whether a course still has places (`availability:`). The default is `open`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Availability {
    #[default]
    Open,
    Full,
    Waitlist,
    Cancelled,
}

impl Availability {
    pub const ALL: [Availability; 4] = [
        Availability::Open,
        Availability::Full,
        Availability::Waitlist,
        Availability::Cancelled,
    ];

    /// The value as written in front matter and as a stable key for templates and data: the
    /// field definitions' list of values, in the order of the variants.
    pub fn key(self) -> &'static str {
        crate::fields::content::AVAILABILITY[self as usize]
    }

    pub fn from_key(key: &str) -> Option<Availability> {
        Availability::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// Where a course is held (`mode:`). The default is `onsite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Onsite,
    Online,
    Hybrid,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Onsite, Mode::Online, Mode::Hybrid];

    /// The value as written in front matter and as a stable key for templates and data: the
    /// field definitions' list of values, in the order of the variants.
    pub fn key(self) -> &'static str {
        crate::fields::content::MODES[self as usize]
    }

    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Whether people take part from home (online or hybrid).
    pub fn remote(self) -> bool {
        self != Mode::Onsite
    }
}

/// A course as citizens see it in the catalogue.
#[derive(Debug, Clone)]
pub struct Course {
    pub category: String,
    pub summary: Option<String>,
    pub audience: Option<String>,
    /// `false` means no referral is needed (uvisiteret).
    pub referral: bool,
    pub capacity: Option<u32>,
    pub price: f64,
    /// A key of the site's locations, checked when the page is linked into a site.
    pub location: Option<String>,
    /// A key of the site's contacts, checked when the page is linked into a site.
    pub contact: Option<String>,
    pub facilitators: Vec<Facilitator>,
    pub schedule: Schedule,
    pub signup: Option<Signup>,
    pub intake_until: Option<u32>,
    pub availability: Availability,
    /// Said beside the availability (`Vi åbner et nyt hold i august.`).
    pub availability_note: Option<String>,
    pub mode: Mode,
    /// What an online participant needs to know, shown in place of (or, hybrid, beside) the
    /// address.
    pub online: Option<String>,
    /// Keys of the project's `audiences`, checked when the page is parsed.
    pub audiences: Vec<String>,
    /// The series this course is one term of: `kurser/serie/<series>/` stays its address.
    pub series: Option<String>,
}

/// The kind-specific part of a page.
#[derive(Debug, Clone)]
pub enum Details {
    Page,
    Chapter,
    Manual(ManualFront),
    Session(SessionPlan),
    Exercise(ExerciseSheet),
    Course(Box<Course>),
}

/// A content file, parsed: front matter validated, body kept as written.
#[derive(Debug, Clone)]
pub struct Page {
    /// The path shown in messages (relative to the project root).
    pub file: PathBuf,
    /// The path relative to the layer (`content/_shared/` or `content/<slug>/`), `/`-separated.
    pub rel: String,
    pub kind: Kind,
    pub common: Common,
    pub details: Details,
    /// The whole file text; the body is `text[body_offset..]`.
    pub text: Arc<str>,
    pub body_offset: usize,
    /// The body with its directives (`{{#include …}}`) expanded, when it has any: then this is
    /// the body every later stage reads (see [`Page::body`]).
    pub expansion: Option<Arc<crate::markdown::directives::Expansion>>,
    /// The folder of the mdBook book (a manual with a `book.toml`) the page belongs to: its
    /// headings get mdBook's ids and its raw HTML is allowed (sanitized).
    pub book: Option<Arc<crate::book::Book>>,
    /// Ids of `<a id>`/`<a name>` anchors in the body's raw HTML, where raw HTML is shown: links
    /// to them are checked like links to headings.
    pub anchors: Vec<String>,
    /// The title as HTML, for a chapter titled by a heading with markup (`` # Kapitel med `kode` ``).
    pub title_html: Option<String>,
    /// The body's headings with their ids, computed once here so links from other pages can be
    /// checked against them.
    pub headings: Vec<crate::markdown::Heading>,
    /// The errors of its front matter (the fields they concern are left empty), reported by
    /// `load`; a page with any is still linked and rendered, so its other errors show too.
    pub problems: Vec<crate::error::Diagnostic>,
}

impl Page {
    pub fn body(&self) -> &str {
        match &self.expansion {
            Some(e) => &e.body,
            None => &self.text[self.body_offset..],
        }
    }

    /// A diagnostic placed at `offset..offset + len` of [`Page::body`]: text that a directive
    /// included is placed at the directive.
    pub fn at_body(&self, d: Diagnostic, offset: usize, len: usize) -> Diagnostic {
        let (offset, len) = match &self.expansion {
            Some(e) => e.source(offset, len),
            None => (offset, len),
        };
        d.at_offset(&self.text, self.body_offset + offset, len)
    }

    /// A diagnostic placed at the value of a front-matter key (or an item of its list).
    pub fn diagnostic_at(&self, path: &[&str], item: Option<&str>, d: Diagnostic) -> Diagnostic {
        let fm = &self.text[..self.body_offset];
        let place = match item {
            Some(item) => locate::item(fm, path, item),
            None => locate::value(fm, path),
        };
        match place {
            Some(p) => d.at_offset(&self.text, p.offset, p.len),
            None => d.at(&self.text, 1, 1),
        }
    }

    pub fn course(&self) -> Option<&Course> {
        match &self.details {
            Details::Course(c) => Some(c),
            _ => None,
        }
    }
}
