//! The course catalogue: what a citizen sees of a course on a given day.
//!
//! Everything here is a pure function of the course and `today` (from `--today`, so builds are
//! reproducible): a course's status, which courses are current and which belong to the archive,
//! and the groups behind the filter pages (category, place, weekday, no referral needed).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::frontmatter::{Availability, Course};

/// Site paths of the catalogue's generated pages.
pub const ARCHIVE_PATH: &str = "kurser/tidligere/";
pub const NO_REFERRAL_PATH: &str = "kurser/uden-henvisning/";
/// Courses with free places that a citizen can sign up for now.
pub const FREE_PLACES_PATH: &str = "kurser/ledige-pladser/";
/// Courses held online or hybrid.
pub const ONLINE_PATH: &str = "kurser/online/";
/// The printed term catalogue.
pub const PROSPECTUS_PATH: &str = "kurser/katalog/";
pub const CALENDAR_FILE: &str = "kurser/kalender.ics";

/// The folders of the catalogue's generated filter pages, one page per value under each.
const FILTER_FOLDERS: [&str; 5] = [
    "kurser/kategori/",
    "kurser/sted/",
    "kurser/ugedag/",
    "kurser/for/",
    "kurser/serie/",
];

/// Whether a site path belongs to the catalogue's generated pages (a course may not take it).
pub fn is_catalogue_path(path: &str) -> bool {
    [
        ARCHIVE_PATH,
        NO_REFERRAL_PATH,
        FREE_PLACES_PATH,
        ONLINE_PATH,
        PROSPECTUS_PATH,
        "kurser/kalender/",
    ]
    .contains(&path)
        || FILTER_FOLDERS.iter().any(|p| path.starts_with(p))
}

/// The stable page of a series: `kurser/serie/<series>/`.
pub fn series_path(series: &str) -> String {
    format!("kurser/serie/{series}/")
}

/// The filter page of an audience: `kurser/for/<key>/`.
pub fn audience_path(key: &str) -> String {
    format!("kurser/for/{key}/")
}

/// Where a course stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not started, and signup is open (no deadline, or the deadline has not passed).
    Open,
    /// Not started, and the signup deadline has passed.
    Closed,
    /// Started, and new participants may still join up to and including this meeting.
    Intake(u32),
    /// Started, no more intake.
    Running,
    /// The last meeting has been held.
    Finished,
}

impl Status {
    /// A stable key for templates and scripts: `open`, `closed`, `intake`, `running`, `finished`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Intake(_) => "intake",
            Status::Running => "running",
            Status::Finished => "finished",
        }
    }

    /// Whether a citizen can still join (open for signup or intake).
    pub fn joinable(self) -> bool {
        matches!(self, Status::Open | Status::Intake(_))
    }
}

/// Whether a citizen can sign up for `course` on `today`: it is open for signup or intake, and
/// not full or cancelled (a waiting list can be joined).
pub fn can_sign_up(course: &Course, status: Status) -> bool {
    status.joinable()
        && matches!(
            course.availability,
            Availability::Open | Availability::Waitlist
        )
}

/// Whether `course` has a free place a citizen can take now.
pub fn has_places(course: &Course, status: Status) -> bool {
    status.joinable() && course.availability == Availability::Open
}

/// The printed catalogue's period, `today` up to and including the returned day: `months`
/// calendar months, so a catalogue made on 1 February for 6 months runs to 31 July.
pub fn prospectus_period_end(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_add_months(chrono::Months::new(months))
        .and_then(|end| end.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// Whether `course` goes into the printed catalogue whose period ends on `end`: a citizen who
/// picks the catalogue up can still join it. It starts within the period (signup open or
/// already closed: the catalogue says which), or it has started and still takes in new
/// participants. Running courses without intake, finished and cancelled ones are left out; so
/// is one starting after the period, though its signup may be open already (next term's
/// catalogue has it).
pub fn in_prospectus(course: &Course, status: Status, end: NaiveDate) -> bool {
    course.availability != Availability::Cancelled
        && match status {
            Status::Open | Status::Closed => course.schedule.first().is_some_and(|d| d <= end),
            Status::Intake(_) => true,
            Status::Running | Status::Finished => false,
        }
}

/// The status of `course` on `today`.
pub fn status(course: &Course, today: NaiveDate) -> Status {
    let schedule = &course.schedule;
    let (Some(first), Some(last)) = (schedule.first(), schedule.last()) else {
        return Status::Finished;
    };
    if today > last {
        return Status::Finished;
    }
    if today >= first {
        return match course.intake_until {
            Some(n)
                if n >= 1
                    && schedule
                        .held()
                        .nth(n as usize - 1)
                        .is_some_and(|m| today <= m.date) =>
            {
                Status::Intake(n)
            }
            _ => Status::Running,
        };
    }
    match course.signup.as_ref().and_then(|s| s.deadline) {
        Some(deadline) if today > deadline.0 => Status::Closed,
        _ => Status::Open,
    }
}

/// The URL slugs of the weekdays from Monday, Danish and transliterated.
pub const WEEKDAY_SLUGS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "loerdag", "soendag",
];

/// The URL slug of a weekday: `mandag` … `loerdag`, `soendag`.
pub fn weekday_slug(date: NaiveDate) -> &'static str {
    WEEKDAY_SLUGS[date.weekday().num_days_from_monday() as usize]
}

/// The weekdays a course meets on (usually one), as (Monday-based index, slug): those of its
/// planned meetings, so one meeting moved to another day does not change the course's weekday.
pub fn weekdays(course: &Course) -> Vec<(u32, &'static str)> {
    let mut days: Vec<(u32, &'static str)> = course
        .schedule
        .meetings
        .iter()
        .map(|m| {
            let d = m.planned;
            (d.weekday().num_days_from_monday(), weekday_slug(d))
        })
        .collect();
    days.sort();
    days.dedup();
    days
}

/// A filter page: which courses (by index into the list given) share a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The value's slug in the URL (`skrivevaerksted`, `makers-corner`, `tirsdag`).
    pub slug: String,
    pub members: Vec<usize>,
}

/// Groups courses by a key function that yields zero or more slugs per course. Groups come in
/// the order of `order` (slugs listed there first, in that order), then by slug.
pub fn group_by<T>(courses: &[T], order: &[&str], keys: impl Fn(&T) -> Vec<String>) -> Vec<Group> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in courses.iter().enumerate() {
        for key in keys(c) {
            groups.entry(key).or_default().push(i);
        }
    }
    let mut out: Vec<Group> = order
        .iter()
        .filter_map(|slug| {
            groups.remove(*slug).map(|members| Group {
                slug: slug.to_string(),
                members,
            })
        })
        .collect();
    out.extend(
        groups
            .into_iter()
            .map(|(slug, members)| Group { slug, members }),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::{Date, Meeting, Schedule, Signup};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn course(meetings: &[&str], deadline: Option<&str>, intake: Option<u32>) -> Course {
        Course {
            category: "x".into(),
            summary: None,
            audience: None,
            referral: false,
            capacity: None,
            price: 0.0,
            location: None,
            contact: None,
            facilitators: Vec::new(),
            schedule: Schedule {
                meetings: meetings.iter().map(|d| Meeting::planned(date(d))).collect(),
                time: None,
            },
            signup: deadline.map(|d| Signup {
                deadline: Some(Date(date(d))),
                email: None,
                phone: None,
                url: None,
            }),
            intake_until: intake,
            availability: Default::default(),
            availability_note: None,
            mode: Default::default(),
            online: None,
            audiences: Vec::new(),
            series: None,
        }
    }

    #[test]
    fn statuses_follow_the_day() {
        let c = course(
            &["2027-02-02", "2027-02-09", "2027-02-16", "2027-02-23"],
            Some("2027-01-26"),
            Some(3),
        );
        assert_eq!(status(&c, date("2027-01-20")), Status::Open);
        assert_eq!(status(&c, date("2027-01-26")), Status::Open);
        assert_eq!(status(&c, date("2027-01-27")), Status::Closed);
        assert_eq!(status(&c, date("2027-02-02")), Status::Intake(3));
        assert_eq!(status(&c, date("2027-02-16")), Status::Intake(3));
        assert_eq!(status(&c, date("2027-02-17")), Status::Running);
        assert_eq!(status(&c, date("2027-02-23")), Status::Running);
        assert_eq!(status(&c, date("2027-02-24")), Status::Finished);
        let no_intake = course(&["2027-02-02", "2027-02-09"], None, None);
        assert_eq!(status(&no_intake, date("2027-02-03")), Status::Running);
        assert_eq!(status(&no_intake, date("2026-12-01")), Status::Open);
    }

    #[test]
    fn the_prospectus_holds_what_can_still_be_joined_in_its_period() {
        let today = date("2027-02-01");
        let end = prospectus_period_end(today, 6);
        assert_eq!(end, date("2027-07-31"));
        let starting = |d: &str| course(&[d], None, None);
        let in_it = |c: &Course| in_prospectus(c, status(c, today), end);
        assert!(in_it(&starting("2027-02-02")));
        assert!(in_it(&starting("2027-07-31")));
        assert!(!in_it(&starting("2027-08-01")));
        assert!(!in_it(&starting("2027-01-31")), "finished");
        let closed = course(&["2027-03-01"], Some("2027-01-15"), None);
        assert!(in_it(&closed));
        let intake = course(&["2027-01-20", "2027-02-10"], None, Some(2));
        assert!(in_it(&intake));
        let running = course(&["2027-01-20", "2027-02-10"], None, None);
        assert!(!in_it(&running));
        let mut cancelled = starting("2027-03-01");
        cancelled.availability = Availability::Cancelled;
        assert!(!in_it(&cancelled));
        let mut full = starting("2027-03-01");
        full.availability = Availability::Full;
        assert!(in_it(&full));
    }

    #[test]
    fn weekday_slugs_are_ascii() {
        assert_eq!(weekday_slug(date("2027-02-06")), "loerdag");
        assert_eq!(weekday_slug(date("2027-02-07")), "soendag");
    }

    #[test]
    fn groups_keep_the_given_order() {
        let a = course(&["2027-02-02"], None, None);
        let b = course(&["2027-02-04"], None, None);
        let groups = group_by(&[&a, &b, &a], &["torsdag", "tirsdag"], |c| {
            weekdays(c)
                .into_iter()
                .map(|(_, s)| s.to_string())
                .collect()
        });
        assert_eq!(
            groups,
            vec![
                Group {
                    slug: "torsdag".into(),
                    members: vec![1]
                },
                Group {
                    slug: "tirsdag".into(),
                    members: vec![0, 2]
                }
            ]
        );
    }
}
