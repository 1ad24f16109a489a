//! The citizen-facing course parts of a site: cards and their status, the catalogue with its
//! filter pages and archive, and the machine-readable files (iCalendar, Atom, `kurser.json`,
//! schema.org JSON-LD).
//!
//! All of it follows from the linked site and `today`; see `catalogue` for the rules.

use super::*;
use crate::calendar::{self, CourseEvents};
use crate::catalogue::{self, Status};
use crate::frontmatter::{Course, TimeRange};

use crate::catalogue::{ARCHIVE_PATH, CALENDAR_FILE, NO_REFERRAL_PATH};

/// A course of the site with what the catalogue needs to know about it today.
#[derive(Clone, Copy)]
pub(super) struct Listed<'a> {
    pub sp: &'a SitePage,
    pub course: &'a Course,
    pub status: Status,
}

/// The open data record of a course, as in `kurser.json`.
#[derive(Serialize)]
struct CourseRecord<'a> {
    title: &'a str,
    url: String,
    calendar: String,
    category: Option<&'a crate::config::Category>,
    summary: Option<&'a str>,
    audience: Option<&'a str>,
    /// `false`: no referral needed (uvisiteret).
    referral: bool,
    capacity: Option<u32>,
    /// Danish kroner; 0 is free.
    price: f64,
    location: Option<&'a crate::config::Location>,
    contact: Option<&'a crate::config::Contact>,
    facilitators: &'a [Facilitator],
    /// Local time in Europe/Copenhagen, `"10:00"`.
    start_time: Option<String>,
    end_time: Option<String>,
    meetings: Vec<String>,
    status: &'static str,
    signup: Option<SignupRecord<'a>>,
    intake_until_meeting: Option<u32>,
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

/// The course's weekday, each week from its first meeting to its last, on which it does not
/// meet, when it meets on one weekday only; `None` when it meets on several. A weekly
/// schema.org `Schedule` minus these `exceptDate`s gives exactly the meetings, left-out weeks
/// (`skip`, gaps in `dates`) included, whereas `startDate` plus `repeatCount` weeks would move
/// every meeting after a gap. Meetings on several weekdays (`dates`) have no such rule: they
/// are listed one `Schedule` each.
fn left_out_weeks(c: &Course) -> Option<Vec<NaiveDate>> {
    let meetings = &c.schedule.meetings;
    let (first, last) = (meetings.first()?, meetings.last()?);
    (catalogue::weekdays(c).len() == 1).then(|| {
        first
            .iter_weeks()
            .take_while(|d| d <= last)
            .filter(|d| !meetings.contains(d))
            .collect()
    })
}

impl Renderer<'_> {
    /// Every course of the site with its status today.
    pub(super) fn listed(&self) -> Vec<Listed<'_>> {
        let mut all: Vec<Listed> = self
            .site
            .courses()
            .filter_map(|(_, sp)| {
                let course = sp.page.course()?;
                Some(Listed {
                    sp,
                    course,
                    status: catalogue::status(course, self.settings.today),
                })
            })
            .collect();
        all.sort_by(|a, b| {
            (a.course.schedule.meetings.first(), &a.sp.path)
                .cmp(&(b.course.schedule.meetings.first(), &b.sp.path))
        });
        all
    }

    /// `{key, label}` of a status, in the site language.
    pub(super) fn status_value(&self, status: Status) -> Value {
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
        json!({"key": status.key(), "label": label, "joinable": status.joinable()})
    }

    /// The site path of a course's calendar file: `kurser/x/` → `kurser/x.ics`.
    pub(super) fn ics_path(sp: &SitePage) -> String {
        format!("{}.ics", sp.path.trim_end_matches('/'))
    }

    /// A course card for listings.
    pub(super) fn card(&self, l: &Listed) -> Value {
        let c = l.course;
        let location = c
            .location
            .as_ref()
            .and_then(|k| self.site.municipality.locations.get(k));
        let weekdays = catalogue::weekdays(c);
        json!({
            "title": l.sp.page.common.title,
            "path": l.sp.path,
            "summary": c.summary,
            "category": c.category,
            "category_label": self.project.categories.get(&c.category).map(|c| c.label.clone()),
            "first": c.schedule.meetings.first().map(|d| i18n::long_date(*d, self.lang)),
            "last": c.schedule.meetings.last().map(|d| i18n::long_date(*d, self.lang)),
            "weekday": (weekdays.len() == 1).then(|| c.schedule.meetings.first().map(|d| i18n::weekday(*d, self.lang))).flatten(),
            "weekdays": weekdays.iter().map(|(_, s)| *s).collect::<Vec<_>>().join(" "),
            "time": c.schedule.time.map(|t| t.to_string()),
            "count": c.schedule.meetings.len(),
            "location": c.location,
            "location_name": location.map(|l| l.name.clone()),
            "referral": c.referral,
            "price": price_value(c.price),
            "capacity": c.capacity,
            "deadline": c.signup.as_ref().and_then(|s| s.deadline).map(|d| i18n::long_date(d.0, self.lang)),
            "status": self.status_value(l.status),
        })
    }

    /// The filter links of the catalogue, with counts over `current` courses.
    fn filters(&self, current: &[Listed]) -> Value {
        let courses: Vec<&Course> = current.iter().map(|l| l.course).collect();
        let category_order: Vec<&str> =
            self.project.categories.keys().map(String::as_str).collect();
        let location_order: Vec<&str> = self
            .site
            .municipality
            .locations
            .keys()
            .map(String::as_str)
            .collect();
        let weekday_order = [
            "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "loerdag", "soendag",
        ];
        let categories =
            catalogue::group_by(&courses, &category_order, |c| vec![c.category.clone()]);
        let locations = catalogue::group_by(&courses, &location_order, |c| {
            c.location.iter().cloned().collect()
        });
        let weekdays = catalogue::group_by(&courses, &weekday_order, |c| {
            catalogue::weekdays(c)
                .into_iter()
                .map(|(_, s)| s.to_string())
                .collect()
        });
        let weekday_name = |slug: &str| {
            let i = weekday_order.iter().position(|w| *w == slug).unwrap_or(0) as i64;
            // 2027-02-01 is a Monday.
            let date =
                NaiveDate::from_ymd_opt(2027, 2, 1).unwrap_or_default() + chrono::Duration::days(i);
            i18n::weekday(date, self.lang).to_string()
        };
        json!({
            "categories": categories.iter().map(|g| json!({
                "slug": g.slug, "count": g.members.len(), "path": format!("kurser/kategori/{}/", g.slug),
                "label": self.project.categories.get(&g.slug).map(|c| c.label.clone()).unwrap_or_else(|| g.slug.clone()),
            })).collect::<Vec<_>>(),
            "locations": locations.iter().map(|g| json!({
                "slug": g.slug, "count": g.members.len(), "path": format!("kurser/sted/{}/", g.slug),
                "label": self.site.municipality.locations.get(&g.slug).map(|l| l.name.clone()).unwrap_or_else(|| g.slug.clone()),
            })).collect::<Vec<_>>(),
            "weekdays": weekdays.iter().map(|g| json!({
                "slug": g.slug, "count": g.members.len(), "path": format!("kurser/ugedag/{}/", g.slug), "label": weekday_name(&g.slug),
            })).collect::<Vec<_>>(),
            "no_referral": {"count": current.iter().filter(|l| !l.course.referral).count(), "path": NO_REFERRAL_PATH},
        })
    }

    /// The catalogue listing (`listing` in templates) for a selection of courses.
    pub(super) fn listing(
        &self,
        courses: &[Listed],
        current: &[Listed],
        archive: usize,
        filter: Option<&str>,
    ) -> Value {
        json!({
            "courses": courses.iter().map(|l| self.card(l)).collect::<Vec<_>>(),
            "filters": self.filters(current),
            "filter": filter,
            "archive": {"path": ARCHIVE_PATH, "count": archive},
            "calendar": CALENDAR_FILE,
            "total": current.len(),
        })
    }

    /// The filter pages and the archive (the main catalogue and front page are generated pages).
    pub(super) fn catalogue_pages(
        &self,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Vec<RenderedPage> {
        let all = self.listed();
        let current: Vec<Listed> = all
            .iter()
            .copied()
            .filter(|l| l.status != Status::Finished)
            .collect();
        let mut finished: Vec<Listed> = all
            .iter()
            .copied()
            .filter(|l| l.status == Status::Finished)
            .collect();
        finished.reverse();
        let t = &self.theme.strings;
        let mut pages = Vec::new();
        let filters = self.filters(&current);
        let mut page = |path: String, title: String, courses: Vec<Listed>, filter: &str| {
            let listing = self.listing(&courses, &current, finished.len(), Some(filter));
            pages.extend(self.listing_page(
                &path,
                "catalogue",
                "catalogue.html",
                title,
                None,
                listing,
                diags,
                assets,
            ));
        };
        for group in ["categories", "locations", "weekdays"] {
            for f in filters[group].as_array().into_iter().flatten() {
                let slug = f["slug"].as_str().unwrap_or_default();
                let members: Vec<Listed> = current
                    .iter()
                    .copied()
                    .filter(|l| match group {
                        "categories" => l.course.category == slug,
                        "locations" => l.course.location.as_deref() == Some(slug),
                        _ => catalogue::weekdays(l.course)
                            .iter()
                            .any(|(_, s)| *s == slug),
                    })
                    .collect();
                let label = f["label"].as_str().unwrap_or_default();
                let title = match group {
                    "categories" => format!("{}: {label}", t.get("catalogue_title")),
                    "locations" => format!("{} {label}", t.get("courses_at")),
                    _ => format!("{} {label}", t.get("courses_on")),
                };
                page(
                    f["path"].as_str().unwrap_or_default().to_string(),
                    title,
                    members,
                    group,
                );
            }
        }
        let no_referral: Vec<Listed> = current
            .iter()
            .copied()
            .filter(|l| !l.course.referral)
            .collect();
        page(
            NO_REFERRAL_PATH.to_string(),
            t.get("no_referral_title").to_string(),
            no_referral,
            "no_referral",
        );
        page(
            ARCHIVE_PATH.to_string(),
            t.get("archive_title").to_string(),
            finished.clone(),
            "archive",
        );
        pages
    }

    /// The course page's extra facts: status, calendar file, JSON-LD.
    pub(super) fn course_extras(&self, sp: &SitePage, course: &Course) -> Value {
        let status = catalogue::status(course, self.settings.today);
        json!({
            "status": self.status_value(status),
            "ics_path": Self::ics_path(sp),
            "json_ld": self.json_ld(sp, course),
        })
    }

    fn record<'a>(&'a self, l: &'a Listed) -> CourseRecord<'a> {
        let c = l.course;
        let m = &self.site.municipality;
        CourseRecord {
            title: &l.sp.page.common.title,
            url: format!("{}{}", self.settings.base_url, l.sp.path),
            calendar: format!("{}{}", self.settings.base_url, Self::ics_path(l.sp)),
            category: self.project.categories.get(&c.category),
            summary: c.summary.as_deref(),
            audience: c.audience.as_deref(),
            referral: c.referral,
            capacity: c.capacity,
            price: c.price,
            location: c.location.as_ref().and_then(|k| m.locations.get(k)),
            contact: c.contact.as_ref().and_then(|k| m.contacts.get(k)),
            facilitators: &c.facilitators,
            start_time: c.schedule.time.map(|t| hm(t.start)),
            end_time: c.schedule.time.map(|t| hm(t.end)),
            meetings: c.schedule.meetings.iter().map(|d| d.to_string()).collect(),
            status: l.status.key(),
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
    fn json_ld(&self, sp: &SitePage, c: &Course) -> String {
        let m = &self.site.municipality;
        let meetings = &c.schedule.meetings;
        let location = c.location.as_ref().and_then(|k| m.locations.get(k));
        let schedule = |start: &NaiveDate, end: &NaiveDate| {
            let mut s = json!({
                "@type": "Schedule",
                "startDate": start.to_string(),
                "endDate": end.to_string(),
            });
            if let Some(t) = c.schedule.time {
                s["startTime"] = json!(format!("{}:00", hm(t.start)));
                s["endTime"] = json!(format!("{}:00", hm(t.end)));
                s["duration"] = json!(duration(t));
                s["scheduleTimezone"] = json!("Europe/Copenhagen");
            }
            s
        };
        let course_schedule = match (meetings.first(), meetings.last(), left_out_weeks(c)) {
            (Some(first), Some(last), Some(except)) => {
                let mut s = schedule(first, last);
                s["repeatFrequency"] = json!("P1W");
                // schema.org names days in English.
                s["byDay"] = json!([format!(
                    "https://schema.org/{}",
                    i18n::weekday(*first, crate::config::Language::En)
                )]);
                if !except.is_empty() {
                    s["exceptDate"] =
                        json!(except.iter().map(|d| d.to_string()).collect::<Vec<_>>());
                }
                s
            }
            _ => meetings
                .iter()
                .map(|d| {
                    let mut s = schedule(d, d);
                    s["repeatCount"] = json!(1);
                    s
                })
                .collect(),
        };
        let mut instance = json!({
            "@type": "CourseInstance",
            "courseMode": "onsite",
            "startDate": meetings.first().map(|d| d.to_string()),
            "endDate": meetings.last().map(|d| d.to_string()),
            "courseSchedule": course_schedule,
        });
        if let Some(l) = location {
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
                "availability": if catalogue::status(c, self.settings.today).joinable() { "https://schema.org/InStock" } else { "https://schema.org/SoldOut" },
            },
        });
        script_safe(&ld.to_string())
    }

    /// The site's machine-readable course files: an `.ics` per course, `kurser/kalender.ics`,
    /// `feed.xml` (Atom) and `kurser.json`.
    pub(super) fn course_files(&self) -> Vec<(String, String)> {
        let all = self.listed();
        let m = &self.site.municipality;
        let base = &self.settings.base_url;
        let mut files = Vec::new();
        let events = |l: &Listed| -> (String, Option<String>) {
            let location = l
                .course
                .location
                .as_ref()
                .and_then(|k| m.locations.get(k))
                .map(|loc| match &loc.address {
                    Some(a) => format!("{}, {a}", loc.name),
                    None => loc.name.clone(),
                });
            (format!("{base}{}", l.sp.path), location)
        };
        for l in &all {
            let (url, location) = events(l);
            let id = format!("{}/{}", m.slug, l.sp.path);
            let ev = CourseEvents {
                course: l.course,
                title: &l.sp.page.common.title,
                url: &url,
                id: &id,
                location,
                description: l.course.summary.as_deref(),
            };
            files.push((
                Self::ics_path(l.sp),
                calendar::calendar(&l.sp.page.common.title, &[ev], base, self.settings.today),
            ));
        }
        let current: Vec<&Listed> = all
            .iter()
            .filter(|l| l.status != Status::Finished)
            .collect();
        let prepared: Vec<(String, Option<String>, String)> = current
            .iter()
            .map(|l| {
                let (url, location) = events(l);
                (url, location, format!("{}/{}", m.slug, l.sp.path))
            })
            .collect();
        let evs: Vec<CourseEvents> = current
            .iter()
            .zip(&prepared)
            .map(|(l, (url, location, id))| CourseEvents {
                course: l.course,
                title: &l.sp.page.common.title,
                url,
                id,
                location: location.clone(),
                description: l.course.summary.as_deref(),
            })
            .collect();
        let name = format!("{} – {}", m.name, self.theme.strings.get("catalogue_title"));
        files.push((
            CALENDAR_FILE.to_string(),
            calendar::calendar(&name, &evs, base, self.settings.today),
        ));
        files.push(("feed.xml".to_string(), self.atom(&current)));
        let records: Vec<CourseRecord> = all.iter().map(|l| self.record(l)).collect();
        let json = json!({
            "site": {"name": m.name, "url": base},
            "today": self.settings.today.to_string(),
            "courses": records,
        });
        files.push((
            "kurser.json".to_string(),
            serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
        ));
        files
    }

    /// An Atom feed of the current courses.
    fn atom(&self, current: &[&Listed]) -> String {
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
            .filter_map(|l| l.sp.page.common.updated.map(|d| d.0))
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
        for l in current {
            let url = format!("{base}{}", l.sp.path);
            let first = l
                .course
                .schedule
                .meetings
                .first()
                .map(|d| i18n::long_date(*d, self.lang))
                .unwrap_or_default();
            let summary = match &l.course.summary {
                Some(s) => format!("{first}: {s}"),
                None => first,
            };
            out.push_str("  <entry>\n");
            out.push_str(&format!(
                "    <title>{}</title>\n",
                x(&l.sp.page.common.title)
            ));
            out.push_str(&format!("    <id>{}</id>\n", x(&url)));
            out.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                x(&url)
            ));
            out.push_str(&format!(
                "    <updated>{}</updated>\n",
                stamp(l.sp.page.common.updated.map(|d| d.0))
            ));
            out.push_str(&format!("    <summary>{}</summary>\n", x(&summary)));
            out.push_str("  </entry>\n");
        }
        out.push_str("</feed>\n");
        out
    }
}
