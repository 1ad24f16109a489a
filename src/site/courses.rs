//! A site's courses, resolved once per build for the day the build is for.
//!
//! A course page names its category, location and contact by key, and what it means for a
//! citizen (open, closed, running, finished) depends on `today`. Everything that shows a course
//! — its page, the cards of the catalogue, the calendars, the feed, `kurser.json`, the JSON-LD
//! and the search index — reads these facts from here, so a key is looked up and a status is
//! decided in one place and once.
//!
//! In: a linked [`Site`], the project's categories and `today`. Out: [`Courses`], in catalogue
//! order (first meeting, then site path).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Site, SitePage};
use crate::catalogue::{self, Status};
use crate::config::Municipality;
use crate::config::{Audience, Category, Contact, Location, Project};
use crate::error::{suggest, Diagnostic};
use crate::frontmatter::{Availability, Course, Mode};
use crate::messages;

/// One course with every reference resolved and its status on the build's day.
#[derive(Debug, Clone)]
pub struct ResolvedCourse<'a> {
    /// Its position in catalogue order.
    pub order: usize,
    pub sp: &'a SitePage,
    pub course: &'a Course,
    pub status: Status,
    /// `None` only where linking already reported the key as unknown.
    pub category: Option<&'a Category>,
    pub location: Option<&'a Location>,
    pub contact: Option<&'a Contact>,
    /// The weekdays it meets on, as (Monday-based index, slug): usually one.
    pub weekdays: Vec<(u32, &'static str)>,
    /// Whom it is for, in the order the course lists them.
    pub audiences: Vec<&'a Audience>,
}

impl ResolvedCourse<'_> {
    pub fn first(&self) -> Option<NaiveDate> {
        self.course.schedule.first()
    }

    pub fn last(&self) -> Option<NaiveDate> {
        self.course.schedule.last()
    }

    /// Whether it meets on the same weekday every time.
    pub fn one_weekday(&self) -> bool {
        self.weekdays.len() == 1
    }

    pub fn finished(&self) -> bool {
        self.status == Status::Finished
    }

    /// Whether a citizen can sign up now (see [`catalogue::can_sign_up`]).
    pub fn can_sign_up(&self) -> bool {
        catalogue::can_sign_up(self.course, self.status)
    }

    /// Whether it has a free place now (see [`catalogue::has_places`]).
    pub fn has_places(&self) -> bool {
        catalogue::has_places(self.course, self.status)
    }

    pub fn cancelled(&self) -> bool {
        self.course.availability == Availability::Cancelled
    }

    /// The place as one line for calendars: `Name, address`; for an online course what a
    /// participant needs to know (`online:`), which a hybrid course adds after the address.
    pub fn location_line(&self) -> Option<String> {
        let place = self.location.map(|loc| match &loc.address {
            Some(a) => format!("{}, {a}", loc.name),
            None => loc.name.clone(),
        });
        let online = self.course.online.clone();
        match self.course.mode {
            Mode::Onsite => place,
            Mode::Online => online,
            Mode::Hybrid => match (place, online) {
                (Some(p), Some(o)) => Some(format!("{p} / {o}")),
                (p, o) => p.or(o),
            },
        }
    }
}

/// Every course of a site, resolved.
#[derive(Debug, Default)]
pub struct Courses<'a> {
    all: Vec<ResolvedCourse<'a>>,
    /// Position in `all` by page index.
    by_page: HashMap<usize, usize>,
}

impl<'a> Courses<'a> {
    pub fn resolve(site: &'a Site, project: &'a Project, today: NaiveDate) -> Self {
        let m = &site.municipality;
        let mut all: Vec<(usize, ResolvedCourse)> = site
            .courses()
            .filter_map(|(i, sp)| {
                let course = sp.page.course()?;
                Some((
                    i,
                    ResolvedCourse {
                        order: 0,
                        sp,
                        course,
                        status: catalogue::status(course, today),
                        category: project.categories.get(&course.category),
                        location: course.location.as_ref().and_then(|k| m.locations.get(k)),
                        contact: course.contact.as_ref().and_then(|k| m.contacts.get(k)),
                        weekdays: catalogue::weekdays(course),
                        audiences: course
                            .audiences
                            .iter()
                            .filter_map(|k| project.audiences.get(k))
                            .collect(),
                    },
                ))
            })
            .collect();
        all.sort_by(|(_, a), (_, b)| (a.first(), &a.sp.path).cmp(&(b.first(), &b.sp.path)));
        let by_page = all.iter().enumerate().map(|(n, (i, _))| (*i, n)).collect();
        for (n, (_, c)) in all.iter_mut().enumerate() {
            c.order = n;
        }
        Courses {
            all: all.into_iter().map(|(_, c)| c).collect(),
            by_page,
        }
    }

    /// Every course, the archive included, in catalogue order.
    pub fn all(&self) -> &[ResolvedCourse<'a>] {
        &self.all
    }

    /// The course on page `index`, if that page is one.
    pub fn of_page(&self, index: usize) -> Option<&ResolvedCourse<'a>> {
        self.by_page.get(&index).map(|&n| &self.all[n])
    }

    /// The courses that have not finished, in catalogue order.
    pub fn current(&self) -> Vec<&ResolvedCourse<'a>> {
        self.all.iter().filter(|c| !c.finished()).collect()
    }

    /// Every series with its courses in catalogue order (oldest term first), by series name.
    pub fn series(&self) -> Vec<(&'a str, Vec<&ResolvedCourse<'a>>)> {
        let mut series: std::collections::BTreeMap<&'a str, Vec<&ResolvedCourse<'a>>> =
            Default::default();
        for r in &self.all {
            if let Some(s) = r.course.series.as_deref() {
                series.entry(s).or_default().push(r);
            }
        }
        series.into_iter().collect()
    }

    /// The finished courses, the most recent first.
    pub fn finished(&self) -> Vec<&ResolvedCourse<'a>> {
        self.all.iter().rev().filter(|c| c.finished()).collect()
    }
}

/// Where a course's first meeting is written: `schedule.start`, or its `schedule.dates`.
fn first_meeting_key(page: &crate::frontmatter::Page) -> &'static [&'static str] {
    let fm = &page.text[..page.body_offset];
    if crate::locate::key(fm, &["schedule", "start"]).is_some() {
        &["schedule", "start"]
    } else {
        &["schedule", "dates"]
    }
}

/// Checks that every course's location and contact exist in this municipality, and that no two
/// terms of one series start on the same day (a file copied for the next term whose dates were
/// not changed would otherwise stand as two identical groups).
pub(super) fn check_courses(pages: &[SitePage], site: &Municipality, diags: &mut Vec<Diagnostic>) {
    let mut terms: HashMap<(&str, NaiveDate), &SitePage> = HashMap::new();
    for sp in pages {
        let Some(course) = sp.page.course() else {
            continue;
        };
        let (Some(series), Some(first)) = (course.series.as_deref(), course.schedule.first())
        else {
            continue;
        };
        match terms.get(&(series, first)) {
            None => {
                terms.insert((series, first), sp);
            }
            Some(other) => diags.push(
                sp.page.diagnostic_at(
                    first_meeting_key(&sp.page),
                    None,
                    Diagnostic::error(
                        "course.series-clash",
                        &sp.page.file,
                        messages::series_clash(series, first, other.page.file.display()),
                    )
                    .hint(messages::series_clash_hint()),
                ),
            ),
        }
    }
    for sp in pages {
        let Some(course) = sp.page.course() else {
            continue;
        };
        let page = &sp.page;
        let keys = [
            (
                "location",
                &course.location,
                site.locations.keys().collect::<Vec<_>>(),
            ),
            ("contact", &course.contact, site.contacts.keys().collect()),
        ];
        for (field, value, known) in keys {
            let Some(value) = value else { continue };
            if known.contains(&value) {
                continue;
            }
            let known: Vec<&str> = known.iter().map(|s| s.as_str()).collect();
            let is_location = field == "location";
            let section = if is_location { "locations" } else { "contacts" };
            let hint = if known.is_empty() {
                messages::define_under(section, site.file.display())
            } else {
                let listed = if is_location {
                    messages::known_locations
                } else {
                    messages::known_contacts
                };
                messages::defined_in(suggest(value, &known, listed), section, site.file.display())
            };
            diags.push(
                page.diagnostic_at(
                    &[field],
                    None,
                    Diagnostic::error(
                        if is_location {
                            "course.unknown-location"
                        } else {
                            "course.unknown-contact"
                        },
                        &page.file,
                        if is_location {
                            messages::unknown_location(value, &site.name)
                        } else {
                            messages::unknown_contact(value, &site.name)
                        },
                    )
                    .hint(hint),
                ),
            );
        }
    }
}
