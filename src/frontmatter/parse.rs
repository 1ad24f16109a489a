//! Reading a content file: splitting off the front matter, checking its fields against the
//! kind's, and validating each kind's own fields into a [`Page`].

use std::path::Path;
use std::sync::Arc;

use super::raw::RawFrontMatter;
use super::schedule::validate_schedule;
use super::*;
use crate::config::Project;
use crate::error::{did_you_mean, suggest, yaml_diagnostic, Diagnostic};
use crate::locate;
use crate::messages::{self, IntoArg, Message};
use crate::yaml;

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
            messages::too_deep(crate::markdown::MAX_NESTING),
        )
        .at_offset(text, body_offset + offset, 1)
        .hint(messages::too_deep_hint())]),
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
            common: Common::titled(title),
            details: Details::Chapter,
            headings,
            text,
            body_offset: 0,
            expansion: None,
            book: None,
            anchors: Vec::new(),
            title_html: None,
            problems: Vec::new(),
        })
    }

    /// The front page of an mdBook book without an `_index.md`: its title and description from
    /// `book.toml` (`text`, which is also the file its messages point at), its authors and
    /// language under `extra`.
    pub fn book_front(
        file: &Path,
        rel: &str,
        text: Arc<str>,
        book: Arc<crate::book::Book>,
    ) -> Page {
        let name = rel
            .trim_end_matches("/_index.md")
            .rsplit('/')
            .next()
            .unwrap_or("");
        let title = crate::markdown::plain_title(book.title.as_deref().unwrap_or(name));
        Page {
            file: file.to_path_buf(),
            rel: rel.to_string(),
            kind: Kind::Manual,
            common: Common {
                description: book.description.clone(),
                extra: serde_json::json!({
                    "authors": book.authors,
                    "language": book.language,
                }),
                ..Common::titled(title)
            },
            details: Details::Manual(ManualFront {
                summary: book.description.clone(),
                audience: None,
                duration_weeks: None,
                phases: Vec::new(),
            }),
            headings: Vec::new(),
            body_offset: text.len(),
            text,
            expansion: None,
            book: Some(book),
            anchors: Vec::new(),
            title_html: None,
            problems: Vec::new(),
        }
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
        if let (None, Some(fallback)) = (split(&text), bare_title) {
            if !text.starts_with("---") {
                return Page::bare_chapter(file, rel, text, fallback);
            }
        }
        let Some((fm, fm_offset, body_offset)) = split(&text) else {
            let err = |code, msg| Diagnostic::error(code, file, msg);
            let d = if text.starts_with("---") {
                err("frontmatter.unclosed", messages::frontmatter_unclosed())
                    .at(&text, 1, 1)
                    .span(3)
                    .hint(messages::frontmatter_unclosed_hint())
            } else {
                err("frontmatter.missing", messages::frontmatter_missing())
                    .at(&text, 1, 1)
                    .hint(messages::frontmatter_missing_hint())
            };
            return Err(vec![d]);
        };
        let fm_line_offset = text[..fm_offset].matches('\n').count();
        let (keys, raw): (Vec<String>, RawFrontMatter) = yaml::keys_and_value(fm)
            .map_err(|e| vec![yaml_diagnostic(file, &text, &e, fm_line_offset)])?;
        let mut at = Reporter {
            file,
            text: &text,
            fm,
            fm_offset,
            diags: Vec::new(),
        };
        let kind = at.kind(&raw, rel);
        at.unknown_fields(kind, &keys);
        let title = raw.title.clone().unwrap_or_default();
        if title.trim().is_empty() {
            let d = at
                .err("frontmatter.missing-field", messages::missing_title())
                .hint(messages::missing_title_hint());
            let d = match at.place_key("title") {
                Some(p) => d.at_offset(&text, p.offset, p.len),
                None => d.at(&text, 1, 1).span(3),
            };
            at.diags.push(d);
        }
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
                    at.missing(kind, "number", "1");
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
            Kind::Course => Details::Course(Box::new(at.course(&raw, project))),
        };
        let mut slug = raw.slug;
        if let Some(bad) = slug.take_if(|s| crate::slug::slugify(s) != *s || s.is_empty()) {
            at.push_at(
                &["slug"],
                at.err("frontmatter.slug", messages::bad_slug(&bad))
                    .hint(messages::use_slug_letters(crate::slug::slugify(&bad))),
            );
        }
        let aliases = raw
            .aliases
            .iter()
            .filter_map(|alias| match alias_path(alias) {
                Ok(path) => Some(path),
                Err(hint) => {
                    let d = at
                        .err("frontmatter.alias", messages::bad_alias(alias))
                        .hint(hint);
                    let place = locate::item(at.fm, &["aliases"], alias).map(|p| locate::Place {
                        offset: p.offset + at.fm_offset,
                        len: p.len,
                    });
                    let d = at.placed(d, place);
                    at.diags.push(d);
                    None
                }
            })
            .collect();
        let headings = outline(file, &text, body_offset).unwrap_or_else(|d| {
            at.diags.extend(d);
            Vec::new()
        });
        // A page whose fields have problems is still made, those fields left empty, and carries
        // its problems: its links and references are then checked in the same run, so every
        // error of a file is reported at once. (Nothing of a build with errors is written.)
        let problems = std::mem::take(&mut at.diags);
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
                slug,
                draft: raw.draft,
                search: raw.search.unwrap_or(true),
                updated: raw.updated,
                aliases,
                extra,
            },
            details,
            headings,
            text,
            body_offset,
            expansion: None,
            book: None,
            anchors: Vec::new(),
            title_html: None,
            problems,
        })
    }
}

/// An old address as the site path its redirect is written to: without a leading `/`, and
/// ending in `/` (a folder, `index.html` in it) or in `.html` (that file). `Err` is the hint.
pub fn alias_path(alias: &str) -> Result<String, Message> {
    let path = alias.trim().trim_start_matches('/');
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let plain = |s: &&str| {
        !s.is_empty()
            && *s != "."
            && *s != ".."
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c))
    };
    if path.is_empty() || !segments.iter().all(plain) {
        return Err(messages::bad_alias_hint());
    }
    Ok(if path.ends_with('/') || path.ends_with(".html") {
        path.to_string()
    } else {
        format!("{path}/")
    })
}

/// Collects the problems of one file's front matter, each placed at its key or value.
struct Reporter<'a> {
    file: &'a Path,
    text: &'a Arc<str>,
    /// The front matter, and where it starts in the file.
    fm: &'a str,
    fm_offset: usize,
    diags: Vec<Diagnostic>,
}

impl Reporter<'_> {
    fn err(&self, code: &'static str, msg: Message) -> Diagnostic {
        Diagnostic::error(code, self.file, msg)
    }

    fn place_key(&self, key: &str) -> Option<locate::Place> {
        locate::key(self.fm, &[key]).map(|p| locate::Place {
            offset: p.offset + self.fm_offset,
            len: p.len,
        })
    }

    fn placed(&self, d: Diagnostic, p: Option<locate::Place>) -> Diagnostic {
        match p {
            Some(p) => d.at_offset(self.text, p.offset, p.len),
            None => d.at(self.text, 1, 1),
        }
    }

    /// Records `d` at the value of the key at `path`.
    fn push_at(&mut self, path: &[&str], d: Diagnostic) {
        let place = locate::value(self.fm, path).map(|p| locate::Place {
            offset: p.offset + self.fm_offset,
            len: p.len,
        });
        let d = self.placed(d, place);
        self.diags.push(d);
    }

    /// Records `d` at `item` of the list (or block) at `path`.
    fn push_on_item(&mut self, path: &[&str], item: &str, d: Diagnostic) {
        let place = locate::item(self.fm, path, item).map(|p| locate::Place {
            offset: p.offset + self.fm_offset,
            len: p.len,
        });
        let d = self.placed(d, place);
        self.diags.push(d);
    }

    /// One of a fixed set of values (`availability`, `mode`), by its key; the default when the
    /// field is absent or wrong (and then reported).
    fn choice<T: Copy + Default>(
        &mut self,
        field: &str,
        value: Option<&str>,
        all: &[T],
        key: fn(T) -> &'static str,
    ) -> T {
        let Some(value) = value else {
            return T::default();
        };
        if let Some(found) = all.iter().copied().find(|v| key(*v) == value) {
            return found;
        }
        let known: Vec<&str> = all.iter().map(|v| key(*v)).collect();
        self.push_at(
            &[field],
            self.err("course.value", messages::not_a_value_of(value, field))
                .hint(suggest(value, &known, messages::known_values)),
        );
        T::default()
    }

    /// A required field of `kind` that is not there.
    fn missing(&mut self, kind: Kind, field: &str, example: impl IntoArg) {
        let d = self
            .err(
                "frontmatter.missing-field",
                messages::missing_field_for(field, a_kind(kind)),
            )
            .at(self.text, 1, 1)
            .span(3)
            .hint(messages::add_field(field, example));
        self.diags.push(d);
    }

    /// The kind the front matter names, else the one the file's folder gives.
    fn kind(&mut self, raw: &RawFrontMatter, rel: &str) -> Kind {
        let Some(name) = raw.kind.as_deref() else {
            return Kind::from_path(rel);
        };
        if let Some(k) = Kind::from_name(name) {
            return k;
        }
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        self.push_at(
            &["kind"],
            self.err("frontmatter.kind", messages::unknown_kind(name))
                .hint(suggest(name, &names, messages::known_kinds)),
        );
        Kind::from_path(rel)
    }

    /// Every key that `kind` does not accept, with the kind it belongs to or a near name.
    fn unknown_fields(&mut self, kind: Kind, keys: &[String]) {
        let allowed = kind.fields();
        for key in keys.iter().filter(|k| !kind.accepts(k)) {
            let also: Vec<Kind> = Kind::ALL
                .iter()
                .copied()
                .filter(|k| k.accepts(key))
                .collect();
            let hint = match also.as_slice() {
                [] => did_you_mean(key, &allowed),
                [one] => messages::field_belongs_to(key, a_kind(*one), a_kind(kind)),
                [one, two, ..] => {
                    let either = messages::field_belongs_to_either(a_kind(*one), a_kind(*two));
                    messages::field_belongs_to(key, either, a_kind(kind))
                }
            };
            let d = self
                .err(
                    "frontmatter.unknown-field",
                    messages::unknown_field_for(key, a_kind(kind)),
                )
                .hint(hint);
            let d = self.placed(d, self.place_key(key));
            self.diags.push(d);
        }
    }

    /// A course's own fields: its category (a key of the project's), its schedule, signup and
    /// intake, each checked against the others.
    fn course(&mut self, raw: &RawFrontMatter, project: &Project) -> Course {
        let category = match raw.category.as_deref() {
            None => {
                self.missing(Kind::Course, "category", messages::category_example());
                String::new()
            }
            Some(c) if project.categories.contains_key(c) => c.to_string(),
            Some(c) => {
                let known: Vec<&str> = project.categories.keys().map(String::as_str).collect();
                self.push_at(
                    &["category"],
                    self.err("course.unknown-category", messages::unknown_category(c))
                        .hint(messages::defined_in_config(
                            suggest(c, &known, messages::known_categories),
                            "categories",
                        )),
                );
                String::new()
            }
        };
        let schedule = match &raw.schedule {
            None => {
                self.missing(
                    Kind::Course,
                    "schedule",
                    "{ start: 2027-02-02, weeks: 10, time: \"10:00-12:00\" }",
                );
                Schedule {
                    meetings: Vec::new(),
                    time: None,
                }
            }
            Some(s) => validate_schedule(
                s,
                &mut |path: &[&str], item: Option<&str>, msg: Message, hint: Message| {
                    let mut full = vec!["schedule"];
                    full.extend_from_slice(path);
                    let d = self.err("course.schedule", msg).hint(hint);
                    match item {
                        Some(item) => self.push_on_item(&full, item, d),
                        None => self.push_at(&full, d),
                    }
                },
            ),
        };
        if let (Some(first), Some(deadline)) = (
            schedule.first(),
            raw.signup.as_ref().and_then(|s| s.deadline),
        ) {
            if deadline.0 > first {
                self.push_at(
                    &["signup", "deadline"],
                    self.err(
                        "course.deadline-after-start",
                        messages::deadline_after_start(deadline, first),
                    )
                    .hint(messages::deadline_after_start_hint()),
                );
            }
        }
        if let Some(url) = raw.signup.as_ref().and_then(|s| s.url.as_deref()) {
            if !crate::config::is_web_url(url) {
                self.push_at(
                    &["signup", "url"],
                    self.err("course.signup-url", messages::not_a_web_address(url))
                        .hint(messages::signup_url_hint()),
                );
            }
        }
        if let Some(intake) = &raw.intake {
            let count = schedule.meetings.len() as u32;
            if count > 0 && (intake.open_until_session == 0 || intake.open_until_session > count) {
                self.push_at(
                    &["intake", "open_until_session"],
                    self.err(
                        "course.intake",
                        messages::intake_not_a_meeting(intake.open_until_session, count),
                    )
                    .hint(messages::meeting_number_hint(count)),
                );
            }
        }
        let availability = self.choice(
            "availability",
            raw.availability.as_deref(),
            &Availability::ALL,
            Availability::key,
        );
        let mode = self.choice("mode", raw.mode.as_deref(), &Mode::ALL, Mode::key);
        if raw.online.is_some() && mode == Mode::Onsite {
            self.push_at(
                &["online"],
                self.err("course.online-onsite", messages::online_onsite())
                    .hint(messages::online_onsite_hint()),
            );
        }
        let mut audiences = Vec::new();
        for key in &raw.audiences {
            if project.audiences.contains_key(key) {
                if !audiences.contains(key) {
                    audiences.push(key.clone());
                }
                continue;
            }
            let known: Vec<&str> = project.audiences.keys().map(String::as_str).collect();
            let d = self
                .err("course.unknown-audience", messages::unknown_audience(key))
                .hint(messages::defined_in_config(
                    suggest(key, &known, messages::known_audiences),
                    "audiences",
                ));
            self.push_on_item(&["audiences"], key, d);
        }
        let mut series = raw.series.clone();
        if let Some(bad) = series.take_if(|s| crate::slug::slugify(s) != *s || s.is_empty()) {
            self.push_at(
                &["series"],
                self.err("course.series", messages::bad_series(&bad))
                    .hint(messages::bad_series_hint(crate::slug::slugify(&bad))),
            );
        }
        Course {
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
            availability,
            availability_note: raw.availability_note.clone(),
            mode,
            online: raw.online.clone(),
            audiences,
            series,
        }
    }
}

/// How a finding names a kind of page: "a course", "et kursus".
pub fn a_kind(kind: Kind) -> Message {
    match kind {
        Kind::Page => messages::a_page(),
        Kind::Chapter => messages::a_chapter(),
        Kind::Manual => messages::a_manual(),
        Kind::Session => messages::a_session(),
        Kind::Exercise => messages::an_exercise(),
        Kind::Course => messages::a_course(),
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
