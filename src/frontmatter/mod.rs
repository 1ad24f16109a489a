//! Front matter: the typed fields between the `---` lines at the top of every page.
//!
//! Parsing is pure: it takes the file's path (for messages and the kind inferred from its folder)
//! and its text, and returns a [`Page`] or every problem found, each placed in the `.md` file's own
//! coordinates (YAML positions are shifted by the opening `---` line). Unknown fields are errors
//! with a did-you-mean hint, except under `extra:`.
//!
//! Here: the kinds and the fields each accepts (defined once, in `crate::fields::content`: the
//! common fields, then each kind's own), dates and times. `types` holds the validated page, `raw` the front matter as
//! written, `parse` the reading and the per-kind validation, `schedule` the meeting dates.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

use crate::fields::{self, Field};

mod parse;
mod raw;
mod schedule;
mod types;

pub use parse::split;
pub use types::*;

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map(Date).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date `{s}`: expected a real date written YYYY-MM-DD"
            ))
        })
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 10 || s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// What a page is; decides its template and which fields it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Page,
    Manual,
    Chapter,
    Session,
    Exercise,
    Course,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Page,
        Kind::Manual,
        Kind::Chapter,
        Kind::Session,
        Kind::Exercise,
        Kind::Course,
    ];

    /// Its name as `kind:` takes it: the field definitions' list, in the order of the variants.
    pub fn name(self) -> &'static str {
        fields::content::KINDS[self as usize]
    }

    pub(super) fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The names of the front-matter fields this kind accepts: the common ones, then its own.
    pub fn fields(self) -> Vec<&'static str> {
        fields::content::COMMON
            .iter()
            .chain(self.own_fields())
            .map(|f| f.name)
            .collect()
    }

    /// Whether a page of this kind may have the field `key`.
    pub fn accepts(self, key: &str) -> bool {
        fields::find(fields::content::COMMON, key).is_some()
            || fields::find(self.own_fields(), key).is_some()
    }

    /// The definitions of the fields only this kind has (`crate::fields::content`).
    pub fn own_fields(self) -> &'static [Field] {
        use fields::content::*;
        match self {
            Kind::Page | Kind::Chapter => &[],
            Kind::Manual => MANUAL,
            Kind::Session => SESSION,
            Kind::Exercise => EXERCISE,
            Kind::Course => COURSE,
        }
    }

    /// The kind a file has by where it lies, when its front matter does not say.
    /// `rel` is the content-relative path with `/` separators.
    pub fn from_path(rel: &str) -> Kind {
        let parts: Vec<&str> = rel.split('/').collect();
        let file = parts.last().copied().unwrap_or("");
        let dirs = &parts[..parts.len().saturating_sub(1)];
        if dirs.first() == Some(&"manualer") && dirs.len() >= 2 {
            if dirs.len() == 2 && file == "_index.md" {
                return Kind::Manual;
            }
            return match dirs.last() {
                Some(&"sessioner") => Kind::Session,
                Some(&"ovelser") => Kind::Exercise,
                _ => Kind::Chapter,
            };
        }
        if dirs.contains(&"kurser") && file != "_index.md" {
            return Kind::Course;
        }
        Kind::Page
    }
}

/// Who leads a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Facilitator {
    Peer,
    Staff,
}

/// A start and end time of day, `"10:00-12:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    pub start: (u32, u32),
    pub end: (u32, u32),
}

impl TimeRange {
    pub fn parse(s: &str) -> Option<TimeRange> {
        let (a, b) = s.split_once('-')?;
        let hm = |t: &str| -> Option<(u32, u32)> {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m) = (h.parse().ok()?, m.parse().ok()?);
            (h < 24 && m < 60 && t.trim().len() <= 5).then_some((h, m))
        };
        let (start, end) = (hm(a)?, hm(b)?);
        (end > start).then_some(TimeRange { start, end })
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.start.0, self.start.1, self.end.0, self.end.1
        )
    }
}
