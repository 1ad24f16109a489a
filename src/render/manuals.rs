//! What templates see of a manual and its parts: the manual's front page with its phases,
//! sessions and exercise sheets; a chapter with the contents beside it; a session plan with its
//! agenda and exercises; an exercise sheet with the sessions that use it.

use super::*;

/// A manual with at most this many lines of contents shows them all beside each chapter.
const FULL_CONTENTS: usize = 40;
/// Lines shown either side of a chapter in a bigger manual's contents.
const NEIGHBOURS: usize = 3;

/// One line of a manual's table of contents as templates see it (`partials/contents_items.html`):
/// `kind` is `chapter`, `draft`, `part`, `separator`, or `gap` for lines left out beside a
/// chapter of a big manual. Borrowed from the site, so a page's contents cost no copies.
#[derive(Serialize)]
pub(super) struct ContentsLine<'a> {
    kind: &'static str,
    title: &'a str,
    title_html: Option<&'a str>,
    path: Option<&'a str>,
    depth: usize,
    number: Option<&'a str>,
    current: bool,
}

/// A session plan as `session.html` (and a manual's print page) sees it.
#[derive(Serialize)]
pub(super) struct SessionView<'a> {
    manual: Link,
    number: u32,
    /// Sessions are weekly meetings: session N is held in week N of the course.
    week: u32,
    phase: Value,
    duration: Option<u32>,
    duration_text: Option<String>,
    goals: &'a [String],
    materials: &'a [String],
    agenda: Vec<AgendaRow<'a>>,
    /// Links to its exercise sheets (on the print page: their anchors there).
    pub(super) exercises: Vec<Value>,
    prev: Option<Link>,
    next: Option<Link>,
}

/// One row of a session's agenda, with the time it starts.
#[derive(Serialize)]
pub(super) struct AgendaRow<'a> {
    start: String,
    minutes: u32,
    activity: &'a str,
}

/// A chapter as `chapter.html` sees it: its manual, the contents beside it, previous and next.
#[derive(Serialize)]
pub(super) struct ChapterView<'a> {
    manual: Link,
    contents: Vec<ContentsLine<'a>>,
    contents_whole: bool,
    chapter_count: usize,
    prev: Option<Link>,
    next: Option<Link>,
}

impl ContentsLine<'_> {
    fn of_kind(kind: &'static str) -> Self {
        ContentsLine {
            kind,
            title: "",
            title_html: None,
            path: None,
            depth: 0,
            number: None,
            current: false,
        }
    }
}

impl Renderer<'_> {
    pub(super) fn phase_value(&self, m: usize, number: Option<u32>) -> Value {
        let front = &self.site.page(self.site.manuals[m].front).page;
        let Details::Manual(mf) = &front.details else {
            return Value::Null;
        };
        match number.and_then(|n| mf.phases.iter().find(|p| p.number == n)) {
            Some(p) => json!(p),
            None => number
                .map(|n| json!({"number": n, "title": null, "weeks": null}))
                .unwrap_or(Value::Null),
        }
    }

    pub(super) fn manual_view(&self, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let front = &self.site.page(manual.front).page;
        let Details::Manual(mf) = &front.details else {
            return Value::Null;
        };
        let mut groups: Vec<(Option<u32>, Vec<Value>)> = Vec::new();
        for &s in &manual.sessions {
            let Details::Session(plan) = &self.site.page(s).page.details else {
                continue;
            };
            let link = link_to(self.site, s);
            let entry = json!({"number": plan.number, "title": link.title, "path": link.path});
            match groups.iter_mut().find(|(p, _)| *p == plan.phase) {
                Some((_, list)) => list.push(entry),
                None => groups.push((plan.phase, vec![entry])),
            }
        }
        groups.sort_by_key(|(p, _)| p.unwrap_or(u32::MAX));
        json!({
            "summary": mf.summary,
            "audience": mf.audience,
            "duration_weeks": mf.duration_weeks,
            "phases": mf.phases,
            "chapters": self.contents(m, None),
            "print_path": format!("{}print/", self.site.page(manual.front).path),
            "sessions_by_phase": groups.into_iter().map(|(p, sessions)| json!({"phase": self.phase_value(m, p), "sessions": sessions})).collect::<Vec<_>>(),
            "exercises": manual.exercises.iter().map(|&i| {
                let p = &self.site.page(i).page;
                let (purpose, duration) = match &p.details { Details::Exercise(e) => (e.purpose.clone(), e.duration), _ => (None, None) };
                json!({"title": p.common.title, "path": self.site.page(i).path, "purpose": purpose, "duration": duration})
            }).collect::<Vec<_>>(),
        })
    }

    /// The manual's table of contents as `{kind, title, path, depth, number, current}` entries;
    /// `kind` is `chapter`, `draft`, `part` or `separator`.
    /// The manual's whole table of contents (its front page), with `current` marked.
    pub(super) fn contents(&self, m: usize, current: Option<usize>) -> Vec<ContentsLine<'_>> {
        let contents = &self.site.manuals[m].contents;
        (0..contents.len())
            .map(|line| self.contents_line(m, line, current))
            .collect()
    }

    /// The contents beside a chapter: the whole table for a manual of at most [`FULL_CONTENTS`]
    /// lines; in a bigger one, the chapter's neighbourhood — its part, the chapters it is nested
    /// in, and up to [`NEIGHBOURS`] lines either side among its siblings and its own sections —
    /// with a `gap` line wherever lines are left out. So a page's size does not grow with its
    /// manual. Also says whether the table is whole.
    pub(super) fn contents_beside(
        &self,
        m: usize,
        current: usize,
    ) -> (Vec<ContentsLine<'_>>, bool) {
        let manual = &self.site.manuals[m];
        let (contents, index) = (&manual.contents, &manual.index);
        let here = index.line_of.get(&current).copied();
        let Some(here) = here.filter(|_| contents.len() > FULL_CONTENTS) else {
            return (self.contents(m, Some(current)), true);
        };
        let mut shown = std::collections::BTreeSet::new();
        shown.extend(index.part[here]);
        let mut up = Some(here);
        while let Some(line) = up {
            shown.insert(line);
            up = index.parent[line];
        }
        let chapterish = |line: usize| {
            matches!(
                contents[line],
                TocEntry::Chapter { .. } | TocEntry::Draft { .. }
            )
        };
        let window = here.saturating_sub(NEIGHBOURS)..=(here + NEIGHBOURS).min(contents.len() - 1);
        shown.extend(window.filter(|&line| {
            chapterish(line)
                && index.part[line] == index.part[here]
                && (index.parent[line] == index.parent[here] || index.parent[line] == Some(here))
        }));
        let mut out = Vec::with_capacity(shown.len() * 2 + 1);
        let mut next = 0;
        for line in shown {
            if line > next {
                out.push(ContentsLine::of_kind("gap"));
            }
            out.push(self.contents_line(m, line, Some(current)));
            next = line + 1;
        }
        if next < contents.len() {
            out.push(ContentsLine::of_kind("gap"));
        }
        (out, false)
    }

    /// One line of a manual's table of contents, as templates see it.
    fn contents_line(&self, m: usize, line: usize, current: Option<usize>) -> ContentsLine<'_> {
        match &self.site.manuals[m].contents[line] {
            TocEntry::Chapter {
                page,
                depth,
                number,
            } => {
                let p = self.site.page(*page);
                ContentsLine {
                    title: &p.page.common.title,
                    title_html: p.page.title_html.as_deref(),
                    path: Some(&p.path),
                    depth: *depth,
                    number: number.as_deref(),
                    current: current == Some(*page),
                    ..ContentsLine::of_kind("chapter")
                }
            }
            TocEntry::Draft {
                title,
                depth,
                number,
            } => ContentsLine {
                title,
                depth: *depth,
                number: number.as_deref(),
                ..ContentsLine::of_kind("draft")
            },
            TocEntry::Part { title } => ContentsLine {
                title,
                ..ContentsLine::of_kind("part")
            },
            TocEntry::Separator => ContentsLine::of_kind("separator"),
        }
    }

    pub(super) fn manual_link(&self, m: usize) -> Link {
        link_to(self.site, self.site.manuals[m].front)
    }

    pub(super) fn neighbours(&self, list: &[usize], index: usize) -> (Option<Link>, Option<Link>) {
        let Some(pos) = list.iter().position(|&i| i == index) else {
            return (None, None);
        };
        let prev = pos.checked_sub(1).map(|p| link_to(self.site, list[p]));
        let next = list.get(pos + 1).map(|&n| link_to(self.site, n));
        (prev, next)
    }

    pub(super) fn chapter_view(&self, index: usize, m: usize) -> ChapterView<'_> {
        let manual = &self.site.manuals[m];
        let at = manual.index.chapter_at.get(&index).copied();
        let chapter = |at: Option<usize>| {
            at.and_then(|at| manual.chapters.get(at))
                .map(|&(i, _)| link_to(self.site, i))
        };
        let (contents, contents_whole) = self.contents_beside(m, index);
        ChapterView {
            manual: self.manual_link(m),
            contents,
            contents_whole,
            chapter_count: manual.chapters.len(),
            prev: chapter(at.and_then(|at| at.checked_sub(1))),
            next: chapter(at.map(|at| at + 1)),
        }
    }

    pub(super) fn session_view(&self, index: usize, m: usize) -> Option<SessionView<'_>> {
        let manual = &self.site.manuals[m];
        let Details::Session(plan) = &self.site.page(index).page.details else {
            return None;
        };
        let (prev, next) = self.neighbours(&manual.sessions, index);
        let mut start = 0u32;
        let agenda = plan
            .agenda
            .iter()
            .map(|item| {
                let row = AgendaRow {
                    start: format!("{}:{:02}", start / 60, start % 60),
                    minutes: item.minutes,
                    activity: &item.activity,
                };
                start += item.minutes;
                row
            })
            .collect();
        let exercises = manual
            .session_exercises
            .get(&index)
            .map(|l| l.iter().map(|&e| json!(link_to(self.site, e))).collect())
            .unwrap_or_default();
        Some(SessionView {
            manual: self.manual_link(m),
            number: plan.number,
            week: plan.number,
            phase: self.phase_value(m, plan.phase),
            duration: plan.duration,
            duration_text: plan.duration.map(|d| duration_text(d, &self.theme.strings)),
            goals: &plan.goals,
            materials: &plan.materials,
            agenda,
            exercises,
            prev,
            next,
        })
    }

    pub(super) fn exercise_view(&self, index: usize, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let Details::Exercise(sheet) = &self.site.page(index).page.details else {
            return Value::Null;
        };
        let used_in: Vec<Value> = manual
            .used_in
            .get(&index)
            .map(|sessions| {
                sessions
                    .iter()
                    .map(|&s| {
                        let number = match &self.site.page(s).page.details {
                            Details::Session(p) => p.number,
                            _ => 0,
                        };
                        let l = link_to(self.site, s);
                        json!({"number": number, "title": l.title, "path": l.path})
                    })
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "manual": self.manual_link(m),
            "purpose": sheet.purpose,
            "duration": sheet.duration,
            "used_in": used_in,
        })
    }
}

/// `120` → `2 timer`, `60` → `1 time`, `90` → `1 time 30 minutter`, in the site language.
pub(super) fn duration_text(minutes: u32, strings: &i18n::Strings) -> String {
    let unit = |n: u32, one: &str, many: &str| {
        format!("{n} {}", strings.get(if n == 1 { one } else { many }))
    };
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => unit(m, "minute", "minutes"),
        (h, 0) => unit(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
    }
}
