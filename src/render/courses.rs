//! The citizen-facing view of a course: the one view that its page and its cards both show (the
//! catalogue's listings and filter pages that show the cards are in `filters`).
//!
//! A course's facts (status, category, location, contact, weekdays) are resolved once per build
//! in `site::courses`; this file only turns them into what templates see. The machine-readable
//! course files (calendars, feed, `kurser.json`, JSON-LD) are in `course_files`.

use super::*;
use crate::catalogue::{self, Status};
use crate::config::{Category, Contact, Location};
use crate::frontmatter::{Availability, Mode};
use crate::i18n::Strings;
use crate::site::courses::ResolvedCourse;

/// What templates see of a course: `course` on its page, `card` in listings (themes README).
#[derive(Serialize)]
pub(super) struct CourseView<'a> {
    title: &'a str,
    path: &'a str,
    summary: Option<&'a str>,
    audience: Option<&'a str>,
    referral: bool,
    capacity: Option<u32>,
    /// A whole number of kroner where it is one (`0` is free).
    price: Value,
    category: Option<&'a Category>,
    location: Option<&'a Location>,
    contact: Option<&'a Contact>,
    /// In the site language: `Frivillig med egen erfaring`, `Medarbejder`.
    facilitators: Vec<&'a str>,
    /// `10:00-12:00`.
    time: Option<String>,
    /// The weekday, when the course meets on one only (`tirsdag`).
    weekday: Option<&'static str>,
    /// The slugs of its weekdays, space-separated (for the catalogue's filter script).
    weekdays: String,
    meetings: Vec<MeetingView<'a>>,
    first: Option<String>,
    /// The first day without its weekday (`2. februar 2027`), for cards that say the weekday.
    first_date: Option<String>,
    last: Option<String>,
    count: usize,
    signup: Option<SignupView<'a>>,
    intake_until: Option<u32>,
    status: StatusView,
    availability: AvailabilityView<'a>,
    /// Whether a citizen can sign up now (open, or a waiting list), and whether a place is free.
    can_sign_up: bool,
    has_places: bool,
    mode: ModeView<'a>,
    audiences: Vec<AudienceView<'a>>,
    /// The series page, `kurser/serie/<series>/`, when the course is one term of a series.
    series_path: Option<String>,
    /// The slugs of its audiences, space-separated (for the catalogue's filter script).
    audience_keys: String,
    /// The course's own calendar file.
    ics_path: String,
    /// schema.org JSON-LD, on the course's page only.
    #[serde(skip_serializing_if = "Option::is_none")]
    json_ld: Option<String>,
}

#[derive(Serialize)]
struct MeetingView<'a> {
    /// `tirsdag 2. februar 2027`: the day it is held.
    date: String,
    /// `2027-02-02`.
    iso: String,
    /// `10:00-12:00`, when a move gave it a time of its own.
    time: Option<String>,
    cancelled: bool,
    moved: bool,
    /// The day it was planned for, when moved: `tirsdag 9. marts 2027`.
    planned: Option<String>,
    planned_iso: String,
    note: Option<&'a str>,
}

/// `{key, label, note}`: `open` has no label (nothing to say), the others `Fuldt booket`,
/// `Venteliste`, `Aflyst`.
#[derive(Serialize)]
struct AvailabilityView<'a> {
    key: &'static str,
    label: Option<&'a str>,
    note: Option<&'a str>,
}

/// `{key, label, online}`: `onsite` has no label; the others `Online`, `Online og fremmøde`.
#[derive(Serialize)]
struct ModeView<'a> {
    key: &'static str,
    label: Option<&'a str>,
    remote: bool,
    /// What an online participant needs to know.
    online: Option<&'a str>,
}

#[derive(Serialize)]
struct AudienceView<'a> {
    key: &'a str,
    label: &'a str,
    path: String,
}

#[derive(Serialize)]
struct SignupView<'a> {
    deadline: Option<String>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    url: Option<&'a str>,
}

/// `{key, label, joinable}` of a status, in the site language.
#[derive(Serialize)]
struct StatusView {
    key: &'static str,
    label: String,
    joinable: bool,
}

/// What a course's availability is called where it is shown: nothing while places are open,
/// else `Fuldt booket`, `Venteliste` or `Aflyst`.
pub(super) fn availability_label(t: &Strings, a: Availability) -> Option<&str> {
    match a {
        Availability::Open => None,
        Availability::Full => Some(t.get("availability_full")),
        Availability::Waitlist => Some(t.get("availability_waitlist")),
        Availability::Cancelled => Some(t.get("availability_cancelled")),
    }
}

/// What a course's mode is called: `Fremmøde`, `Online`, `Online og fremmøde`.
pub(super) fn mode_label(t: &Strings, m: Mode) -> &str {
    match m {
        Mode::Onsite => t.get("mode_onsite"),
        Mode::Online => t.get("mode_online"),
        Mode::Hybrid => t.get("mode_hybrid"),
    }
}

/// A whole number of kroner as an integer, so templates print `150`, not `150.0`.
pub(super) fn price_value(price: f64) -> Value {
    if price.fract() == 0.0 {
        json!(price as i64)
    } else {
        json!(price)
    }
}

/// The site path of a course's calendar file: `kurser/x/` → `kurser/x.ics`.
pub(super) fn ics_path(sp: &SitePage) -> String {
    format!("{}.ics", sp.path.trim_end_matches('/'))
}

impl<'a> Renderer<'a> {
    fn status_view(&self, status: Status) -> StatusView {
        let t = &self.theme.strings;
        let label = match status {
            Status::Open => t.get("status_open").to_string(),
            Status::Closed => t.get("status_closed").to_string(),
            Status::Intake(n) => format!(
                "{} {n}{}",
                t.get("intake_until"),
                t.get("intake_until_suffix")
            ),
            Status::Running => t.get("status_running").to_string(),
            Status::Finished => t.get("status_finished").to_string(),
        };
        StatusView {
            key: status.key(),
            label,
            joinable: status.joinable(),
        }
    }

    /// What a course's availability is called in the site language (see [`availability_label`]).
    pub(super) fn availability_label(&self, a: Availability) -> Option<&'a str> {
        let theme: &'a Theme = self.theme;
        availability_label(&theme.strings, a)
    }

    /// The one view of a course.
    pub(super) fn course_view(&self, r: &ResolvedCourse<'a>) -> CourseView<'a> {
        let (c, lang, t) = (r.course, self.lang, &self.theme.strings);
        let meetings = &c.schedule.meetings;
        let facilitator = |f: &Facilitator| match f {
            Facilitator::Peer => "facilitator_peer",
            Facilitator::Staff => "facilitator_staff",
        };
        CourseView {
            title: &r.sp.page.common.title,
            path: &r.sp.path,
            summary: c.summary.as_deref(),
            audience: c.audience.as_deref(),
            referral: c.referral,
            capacity: c.capacity,
            price: price_value(c.price),
            category: r.category,
            location: r.location,
            contact: r.contact,
            facilitators: c
                .facilitators
                .iter()
                .map(|f| self.theme.strings.get(facilitator(f)))
                .collect(),
            time: c.schedule.time.map(|t| t.to_string()),
            weekday: r
                .one_weekday()
                .then(|| r.first().map(|d| i18n::weekday(d, lang)))
                .flatten(),
            weekdays: r
                .weekdays
                .iter()
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(" "),
            meetings: meetings
                .iter()
                .map(|m| MeetingView {
                    date: i18n::long_date(m.date, lang),
                    iso: m.date.to_string(),
                    time: m.time.map(|t| t.to_string()),
                    cancelled: m.cancelled || r.cancelled(),
                    moved: m.moved,
                    planned: m.moved.then(|| i18n::long_date(m.planned, lang)),
                    planned_iso: m.planned.to_string(),
                    note: m.note.as_deref(),
                })
                .collect(),
            first: r.first().map(|d| i18n::long_date(d, lang)),
            first_date: r.first().map(|d| i18n::date(d, lang)),
            last: r.last().map(|d| i18n::long_date(d, lang)),
            count: c.schedule.held().count(),
            signup: c.signup.as_ref().map(|s| SignupView {
                deadline: s.deadline.map(|d| i18n::long_date(d.0, lang)),
                email: s.email.as_deref(),
                phone: s.phone.as_deref(),
                url: s.url.as_deref(),
            }),
            intake_until: c.intake_until,
            status: self.status_view(r.status),
            availability: AvailabilityView {
                key: c.availability.key(),
                label: self.availability_label(c.availability),
                note: c.availability_note.as_deref(),
            },
            can_sign_up: r.can_sign_up(),
            has_places: r.has_places(),
            mode: ModeView {
                key: c.mode.key(),
                label: c.mode.remote().then(|| mode_label(t, c.mode)),
                remote: c.mode.remote(),
                online: c.online.as_deref(),
            },
            audiences: r
                .audiences
                .iter()
                .map(|a| AudienceView {
                    key: &a.key,
                    label: &a.label,
                    path: catalogue::audience_path(&a.key),
                })
                .collect(),
            series_path: c.series.as_deref().map(catalogue::series_path),
            audience_keys: r
                .audiences
                .iter()
                .map(|a| a.key.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            ics_path: ics_path(r.sp),
            json_ld: None,
        }
    }

    /// A course's card for listings: its view, made once per build (a card is on many pages).
    pub(super) fn card(&self, r: &ResolvedCourse<'a>) -> Value {
        let views = self.course_cards.get_or_init(|| {
            self.courses
                .all()
                .iter()
                .map(|r| json!(self.course_view(r)))
                .collect()
        });
        views[r.order].clone()
    }

    /// The course page's view: the card's facts, with the JSON-LD.
    pub(super) fn course_page_view(&self, r: &ResolvedCourse<'a>) -> CourseView<'a> {
        CourseView {
            json_ld: Some(self.json_ld(r)),
            ..self.course_view(r)
        }
    }
}
