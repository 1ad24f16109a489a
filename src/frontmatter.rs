//! Front matter: the typed fields between the `---` lines at the top of every page.
//!
//! Parsing is pure: it takes the file's path (for messages and the kind inferred from its folder)
//! and its text, and returns a [`Page`] or every problem found, each placed in the `.md` file's own
//! coordinates (YAML positions are shifted by the opening `---` line). Unknown fields are errors
//! with a did-you-mean hint, except under `extra:`.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

use crate::config::Project;
use crate::error::{did_you_mean, suggest, yaml_diagnostic, Diagnostic};
use crate::locate;
use crate::yaml;

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

    pub fn name(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Manual => "manual",
            Kind::Chapter => "chapter",
            Kind::Session => "session",
            Kind::Exercise => "exercise",
            Kind::Course => "course",
        }
    }

    fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The front-matter fields this kind accepts.
    pub fn fields(self) -> &'static [&'static str] {
        const COMMON: &[&str] = &[
            "title",
            "description",
            "order",
            "slug",
            "draft",
            "search",
            "updated",
            "extra",
            "kind",
        ];
        match self {
            Kind::Page | Kind::Chapter => COMMON,
            Kind::Manual => &[
                "title",
                "description",
                "order",
                "slug",
                "draft",
                "search",
                "updated",
                "extra",
                "kind",
                "summary",
                "audience",
                "duration_weeks",
                "phases",
            ],
            Kind::Session => &[
                "title",
                "description",
                "order",
                "slug",
                "draft",
                "search",
                "updated",
                "extra",
                "kind",
                "number",
                "phase",
                "duration",
                "goals",
                "materials",
                "exercises",
                "agenda",
            ],
            Kind::Exercise => &[
                "title",
                "description",
                "order",
                "slug",
                "draft",
                "search",
                "updated",
                "extra",
                "kind",
                "purpose",
                "duration",
            ],
            Kind::Course => &[
                "title",
                "description",
                "order",
                "slug",
                "draft",
                "search",
                "updated",
                "extra",
                "kind",
                "category",
                "summary",
                "audience",
                "referral",
                "capacity",
                "price",
                "location",
                "contact",
                "facilitators",
                "schedule",
                "signup",
                "intake",
            ],
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

// ---- raw front matter, as written -------------------------------------------------------------

/// Every field of every kind; which ones a page may use is checked against [`Kind::fields`]
/// before this is read, so one struct serves all kinds.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RawFrontMatter {
    title: Option<String>,
    description: Option<String>,
    order: Option<i64>,
    slug: Option<String>,
    draft: bool,
    search: Option<bool>,
    updated: Option<Date>,
    extra: Option<serde_json::Value>,
    kind: Option<String>,
    // manual
    summary: Option<String>,
    audience: Option<String>,
    duration_weeks: Option<u32>,
    phases: Vec<Phase>,
    // session
    number: Option<u32>,
    phase: Option<u32>,
    duration: Option<u32>,
    goals: Vec<String>,
    materials: Vec<String>,
    exercises: Vec<String>,
    agenda: Vec<AgendaItem>,
    // exercise
    purpose: Option<String>,
    // course
    category: Option<String>,
    referral: Option<bool>,
    capacity: Option<u32>,
    price: Option<f64>,
    location: Option<String>,
    contact: Option<String>,
    facilitators: Vec<Facilitator>,
    schedule: Option<RawSchedule>,
    signup: Option<Signup>,
    intake: Option<Intake>,
}

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    start: Option<Date>,
    weeks: Option<u32>,
    time: Option<String>,
    #[serde(default)]
    skip: Vec<Date>,
    dates: Option<Vec<Date>>,
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

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Intake {
    open_until_session: u32,
}

// ---- validated front matter -----------------------------------------------------------------

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
    pub extra: serde_json::Value,
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

/// When a course meets: every meeting date, in order, and the time of day.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub meetings: Vec<NaiveDate>,
    pub time: Option<TimeRange>,
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
    pub file: std::path::PathBuf,
    /// The path relative to the layer (`content/_shared/` or `content/<slug>/`), `/`-separated.
    pub rel: String,
    pub kind: Kind,
    pub common: Common,
    pub details: Details,
    /// The whole file text; the body is `text[body_offset..]`.
    pub text: Arc<str>,
    pub body_offset: usize,
    /// The body's headings with their ids, computed once here so links from other pages can be
    /// checked against them.
    pub headings: Vec<crate::markdown::Heading>,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
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

/// Splits a file into its front matter (without the `---` lines) and the byte offset of the body.
/// Returns `None` when the file does not open with a `---` line.
pub fn split(text: &str) -> Option<(&str, usize, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let fm_start = first_end + 1;
    let mut pos = fm_start;
    for line in text[fm_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&text[fm_start..pos], fm_start, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// The headings of the body that starts at `body_offset`, or an error where its Markdown nests
/// deeper than [`crate::markdown::MAX_NESTING`] (which no later stage could handle).
fn outline(
    file: &Path,
    text: &Arc<str>,
    body_offset: usize,
) -> Result<Vec<crate::markdown::Heading>, Vec<Diagnostic>> {
    let (headings, too_deep) = crate::markdown::outline(&text[body_offset..]);
    match too_deep {
        None => Ok(headings),
        Some(offset) => Err(vec![Diagnostic::error(
            "markdown.too-deep",
            file,
            format!(
                "the Markdown nests more than {} levels deep here (lists, quotes or emphasis inside each other)",
                crate::markdown::MAX_NESTING
            ),
        )
        .at_offset(text, body_offset + offset, 1)
        .hint("nest lists and quotes a few levels at most; check for a stray run of `>`, `-` or `*`")]),
    }
}

impl Page {
    /// A chapter without front matter: titled by its opening `# heading`, else by `fallback` (its
    /// title in SUMMARY.md).
    fn bare_chapter(
        file: &Path,
        rel: &str,
        text: Arc<str>,
        fallback: &str,
    ) -> Result<Page, Vec<Diagnostic>> {
        let headings = outline(file, &text, 0)?;
        let title = headings
            .first()
            .filter(|h| h.level == 1)
            .map(|h| h.title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| fallback.to_string());
        Ok(Page {
            file: file.to_path_buf(),
            rel: rel.to_string(),
            kind: Kind::Chapter,
            common: Common {
                title,
                description: None,
                order: None,
                slug: None,
                draft: false,
                search: true,
                updated: None,
                extra: serde_json::Value::Object(Default::default()),
            },
            details: Details::Chapter,
            headings,
            text,
            body_offset: 0,
        })
    }

    /// Parses a content file. `file` is the path shown in messages, `rel` its path inside the
    /// layer (which decides the kind when the front matter does not), `text` the whole file.
    ///
    /// `bare_title` is given for chapters listed in a manual's `SUMMARY.md`: such a file may have
    /// no front matter (as in an mdBook book); its title is then its first heading, else this.
    pub fn parse(
        file: &Path,
        rel: &str,
        text: Arc<str>,
        project: &Project,
        bare_title: Option<&str>,
    ) -> Result<Page, Vec<Diagnostic>> {
        let err = |code, msg: String| Diagnostic::error(code, file, msg);
        if let (None, Some(fallback)) = (split(&text), bare_title) {
            if !text.starts_with("---") {
                return Page::bare_chapter(file, rel, text, fallback);
            }
        }
        let Some((fm, fm_offset, body_offset)) = split(&text) else {
            let d = if text.starts_with("---") {
                err(
                    "frontmatter.unclosed",
                    "the front matter is not closed".into(),
                )
                .at(&text, 1, 1)
                .span(3)
                .hint("end the front matter with a line that holds only `---`")
            } else {
                err("frontmatter.missing", "the page has no front matter".into())
                    .at(&text, 1, 1)
                    .hint("start the file with `---`, a line `title: …`, and `---`")
            };
            return Err(vec![d]);
        };
        let fm_line_offset = text[..fm_offset].matches('\n').count();
        let place_key = |key: &str| -> Option<locate::Place> {
            locate::key(fm, &[key]).map(|p| locate::Place {
                offset: p.offset + fm_offset,
                len: p.len,
            })
        };
        let place_value = |path: &[&str]| -> Option<locate::Place> {
            locate::value(fm, path).map(|p| locate::Place {
                offset: p.offset + fm_offset,
                len: p.len,
            })
        };
        let placed = |d: Diagnostic, p: Option<locate::Place>| match p {
            Some(p) => d.at_offset(&text, p.offset, p.len),
            None => d.at(&text, 1, 1),
        };

        let (keys, raw): (Vec<String>, RawFrontMatter) = yaml::keys_and_value(fm)
            .map_err(|e| vec![yaml_diagnostic(file, &text, &e, fm_line_offset)])?;

        let mut diags = Vec::new();
        let kind =
            match raw.kind.as_deref() {
                None => Kind::from_path(rel),
                Some(name) => match Kind::from_name(name) {
                    Some(k) => k,
                    None => {
                        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                        diags.push(placed(
                            err("frontmatter.kind", format!("unknown kind `{name}`"))
                                .hint(suggest(name, &names, "the kinds are")),
                            place_value(&["kind"]),
                        ));
                        Kind::from_path(rel)
                    }
                },
            };
        let allowed = kind.fields();
        for key in &keys {
            if !allowed.contains(&key.as_str()) {
                let also = Kind::ALL
                    .iter()
                    .filter(|k| k.fields().contains(&key.as_str()))
                    .map(|k| k.name())
                    .collect::<Vec<_>>();
                let hint = if also.is_empty() {
                    did_you_mean(key, allowed)
                } else {
                    format!(
                        "`{key}` belongs to a {}, but this file is a {}",
                        also.join(" or "),
                        kind.name()
                    )
                };
                diags.push(placed(
                    err(
                        "frontmatter.unknown-field",
                        format!("unknown field `{key}` for a {}", kind.name()),
                    )
                    .hint(hint),
                    place_key(key),
                ));
            }
        }

        let title = raw.title.clone().unwrap_or_default();
        if title.trim().is_empty() {
            let d = err("frontmatter.missing-field", "missing field `title`".into())
                .hint("every page needs a title: add `title: …` to the front matter");
            diags.push(match place_key("title") {
                Some(p) => d.at_offset(&text, p.offset, p.len),
                None => d.at(&text, 1, 1).span(3),
            });
        }
        let missing = |field: &str, example: &str| {
            err(
                "frontmatter.missing-field",
                format!("missing field `{field}` for a {}", kind.name()),
            )
            .at(&text, 1, 1)
            .span(3)
            .hint(format!("add `{field}: {example}` to the front matter"))
        };

        let details = match kind {
            Kind::Page => Details::Page,
            Kind::Chapter => Details::Chapter,
            Kind::Manual => Details::Manual(ManualFront {
                summary: raw.summary.clone(),
                audience: raw.audience.clone(),
                duration_weeks: raw.duration_weeks,
                phases: raw.phases.clone(),
            }),
            Kind::Exercise => Details::Exercise(ExerciseSheet {
                purpose: raw.purpose.clone(),
                duration: raw.duration,
            }),
            Kind::Session => {
                if raw.number.is_none() {
                    diags.push(missing("number", "1"));
                }
                Details::Session(SessionPlan {
                    number: raw.number.unwrap_or(0),
                    phase: raw.phase,
                    duration: raw.duration,
                    goals: raw.goals.clone(),
                    materials: raw.materials.clone(),
                    exercises: raw.exercises.clone(),
                    agenda: raw.agenda.clone(),
                })
            }
            Kind::Course => {
                let category = match raw.category.as_deref() {
                    None => {
                        diags.push(missing(
                            "category",
                            "<a key of `categories` in vejviser.yaml>",
                        ));
                        String::new()
                    }
                    Some(c) if project.categories.contains_key(c) => c.to_string(),
                    Some(c) => {
                        let known: Vec<&str> =
                            project.categories.keys().map(String::as_str).collect();
                        diags.push(placed(
                            err("course.unknown-category", format!("unknown category `{c}`")).hint(
                                format!(
                                    "{} (categories are defined in vejviser.yaml)",
                                    suggest(c, &known, "the categories are")
                                ),
                            ),
                            place_value(&["category"]),
                        ));
                        String::new()
                    }
                };
                let schedule = match &raw.schedule {
                    None => {
                        diags.push(missing(
                            "schedule",
                            "{ start: 2027-02-02, weeks: 10, time: \"10:00-12:00\" }",
                        ));
                        Schedule {
                            meetings: Vec::new(),
                            time: None,
                        }
                    }
                    Some(s) => {
                        validate_schedule(s, &mut |path: &[&str], msg: String, hint: &str| {
                            let mut full = vec!["schedule"];
                            full.extend_from_slice(path);
                            diags.push(placed(
                                err("course.schedule", msg).hint(hint.to_string()),
                                place_value(&full),
                            ));
                        })
                    }
                };
                if let (Some(first), Some(deadline)) = (
                    schedule.meetings.first(),
                    raw.signup.as_ref().and_then(|s| s.deadline),
                ) {
                    if deadline.0 > *first {
                        diags.push(placed(
                            err(
                                "course.deadline-after-start",
                                format!("the signup deadline {deadline} is after the first meeting ({first})"),
                            )
                            .hint("set the deadline on or before the first meeting; with `intake:` people may also join later"),
                            place_value(&["signup", "deadline"]),
                        ));
                    }
                }
                if let Some(url) = raw.signup.as_ref().and_then(|s| s.url.as_deref()) {
                    if !crate::config::is_web_url(url) {
                        diags.push(placed(
                            err("course.signup-url", format!("`{url}` is not an http(s) URL"))
                                .hint("give the full address of the signup form, e.g. `url: https://roskilde.example.dk/tilmeld`"),
                            place_value(&["signup", "url"]),
                        ));
                    }
                }
                if let Some(intake) = &raw.intake {
                    let count = schedule.meetings.len() as u32;
                    if count > 0
                        && (intake.open_until_session == 0 || intake.open_until_session > count)
                    {
                        diags.push(placed(
                            err(
                                "course.intake",
                                format!(
                                    "`open_until_session: {}` is not a meeting of this course (it has {count})",
                                    intake.open_until_session
                                ),
                            )
                            .hint(format!("give a meeting number from 1 to {count}")),
                            place_value(&["intake", "open_until_session"]),
                        ));
                    }
                }
                Details::Course(Box::new(Course {
                    category,
                    summary: raw.summary.clone(),
                    audience: raw.audience.clone(),
                    referral: raw.referral.unwrap_or(true),
                    capacity: raw.capacity,
                    price: raw.price.unwrap_or(0.0),
                    location: raw.location.clone(),
                    contact: raw.contact.clone(),
                    facilitators: raw.facilitators.clone(),
                    schedule,
                    signup: raw.signup.clone(),
                    intake_until: raw.intake.as_ref().map(|i| i.open_until_session),
                }))
            }
        };
        if let Some(slug) = &raw.slug {
            if crate::slug::slugify(slug) != *slug || slug.is_empty() {
                diags.push(placed(
                    err("frontmatter.slug", format!("`{slug}` is not a valid slug")).hint(format!(
                        "use lower-case letters, digits and hyphens, e.g. `{}`",
                        crate::slug::slugify(slug)
                    )),
                    place_value(&["slug"]),
                ));
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let extra = raw
            .extra
            .unwrap_or(serde_json::Value::Object(Default::default()));
        Ok(Page {
            file: file.to_path_buf(),
            rel: rel.to_string(),
            kind,
            common: Common {
                title,
                description: raw.description,
                order: raw.order,
                slug: raw.slug,
                draft: raw.draft,
                search: raw.search.unwrap_or(true),
                updated: raw.updated,
                extra,
            },
            details,
            headings: outline(file, &text, body_offset)?,
            text,
            body_offset,
        })
    }
}

/// Turns `schedule:` into the list of meeting dates. `report(path, message, hint)` records a
/// problem at `schedule.<path>`.
fn validate_schedule(s: &RawSchedule, report: &mut dyn FnMut(&[&str], String, &str)) -> Schedule {
    let time = match &s.time {
        None => None,
        Some(t) => match TimeRange::parse(t) {
            Some(r) => Some(r),
            None => {
                let ends_first = t
                    .split_once('-')
                    .and_then(|(a, b)| Some((TimeRange::parse(&format!("{b}-{a}"))?, ())))
                    .is_some();
                let message = if ends_first {
                    format!("`{t}` ends before it starts")
                } else {
                    format!("`{t}` is not a time range")
                };
                report(
                    &["time"],
                    message,
                    "write the start and end time as \"10:00-12:00\"",
                );
                None
            }
        },
    };
    let mut meetings = Vec::new();
    match (&s.dates, s.start, s.weeks) {
        (Some(dates), None, None) => {
            if dates.is_empty() {
                report(
                    &["dates"],
                    "`dates` is empty".into(),
                    "list the meeting dates, e.g. [2027-02-02, 2027-02-09]",
                );
            }
            meetings = dates.iter().map(|d| d.0).collect();
            meetings.sort();
            meetings.dedup();
            if !s.skip.is_empty() {
                report(
                    &["skip"],
                    "`skip` goes with `start` and `weeks`, not with `dates`".into(),
                    "leave the skipped dates out of `dates` instead",
                );
            }
        }
        (Some(_), _, _) => report(
            &["dates"],
            "`dates` cannot be combined with `start` or `weeks`".into(),
            "give either `dates: [...]`, or `start:` and `weeks:`",
        ),
        (None, Some(start), Some(weeks)) => {
            if weeks == 0 || weeks > 104 {
                report(
                    &["weeks"],
                    format!("`weeks: {weeks}` is out of range"),
                    "give the number of weekly meetings, 1 to 104",
                );
            } else {
                let mut date = start.0;
                let mut used_skips = 0;
                while meetings.len() < weeks as usize {
                    if s.skip.iter().any(|d| d.0 == date) {
                        used_skips += 1;
                    } else {
                        meetings.push(date);
                    }
                    date += chrono::Duration::days(7);
                }
                if used_skips != s.skip.len() {
                    for skip in &s.skip {
                        let on_day = skip.0.weekday() == start.0.weekday();
                        if !on_day || skip.0 < start.0 || skip.0 >= date {
                            report(
                                &["skip"],
                                format!("`skip: {skip}` is not a meeting day of this course"),
                                "skip dates must fall on the course's weekday, between its first and last meeting",
                            );
                            break;
                        }
                    }
                }
            }
        }
        (None, None, _) => report(
            &[],
            "the schedule has no `start` (or `dates`)".into(),
            "add `start: YYYY-MM-DD` and `weeks: N`, or `dates: [...]`",
        ),
        (None, Some(_), None) => report(
            &[],
            "the schedule has no `weeks`".into(),
            "add `weeks: N`, the number of weekly meetings",
        ),
    }
    Schedule { meetings, time }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn project() -> Project {
        let mut categories = BTreeMap::new();
        categories.insert(
            "skrivevaerksted".to_string(),
            crate::config::Category {
                slug: "skrivevaerksted".into(),
                label: "Skriveværksted".into(),
                description: None,
            },
        );
        Project {
            title: "T".into(),
            language: crate::config::Language::Da,
            theme: "default".into(),
            categories,
            max_lix: None,
            allow_html: false,
        }
    }

    fn parse(rel: &str, text: &str) -> Result<Page, Vec<Diagnostic>> {
        Page::parse(Path::new(rel), rel, Arc::from(text), &project(), None)
    }

    #[test]
    fn kinds_from_folders() {
        assert_eq!(Kind::from_path("manualer/abc/_index.md"), Kind::Manual);
        assert_eq!(Kind::from_path("manualer/abc/01-intro.md"), Kind::Chapter);
        assert_eq!(
            Kind::from_path("manualer/abc/sessioner/uge-01.md"),
            Kind::Session
        );
        assert_eq!(Kind::from_path("manualer/abc/ovelser/x.md"), Kind::Exercise);
        assert_eq!(Kind::from_path("kurser/x.md"), Kind::Course);
        assert_eq!(Kind::from_path("om.md"), Kind::Page);
    }

    #[test]
    fn schedule_with_skip_moves_meetings() {
        let page = parse(
            "kurser/x.md",
            "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-03-16\n  weeks: 4\n  skip: [2027-03-30]\n---\nbody\n",
        )
        .unwrap();
        let dates: Vec<String> = page
            .course()
            .unwrap()
            .schedule
            .meetings
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            dates,
            ["2027-03-16", "2027-03-23", "2027-04-06", "2027-04-13"]
        );
        assert_eq!(page.body(), "body\n");
    }

    #[test]
    fn unknown_field_is_placed_with_hint() {
        let errs = parse("om.md", "---\ntitle: Om\ndescripton: x\n---\n").unwrap_err();
        assert_eq!(errs[0].line, 3);
        assert_eq!(errs[0].column, 1);
        assert_eq!(errs[0].hint.as_deref(), Some("did you mean `description`?"));
    }

    #[test]
    fn type_error_line_is_in_file_coordinates() {
        let errs = parse(
            "kurser/x.md",
            "---\ntitle: X\ncategory: skrivevaerksted\ncapacity: mange\n---\n",
        )
        .unwrap_err();
        assert_eq!(errs[0].line, 4, "{:?}", errs[0]);
    }

    #[test]
    fn invalid_date() {
        let errs = parse("kurser/x.md", "---\ntitle: X\ncategory: skrivevaerksted\nschedule:\n  start: 2027-02-30\n  weeks: 2\n---\n").unwrap_err();
        assert_eq!(errs[0].line, 5, "{:?}", errs[0]);
        assert!(errs[0].message.contains("invalid date `2027-02-30`"));
    }

    #[test]
    fn time_range() {
        assert!(TimeRange::parse("10:00-12:00").is_some());
        assert!(TimeRange::parse("12:00-10:00").is_none());
        assert!(TimeRange::parse("10-12").is_none());
    }
}
