//! The editor's pages as HTML: the start page, a file's form, a refused save and the changes
//! page. Pure functions from values to text; every string shown comes from [`super::text`].
//! The pages load one style sheet and no script, and carry a strict CSP (see [`super::respond`]).

use std::collections::BTreeMap;

use super::controls::{input_id, Controls};
use super::fields::Field;
use super::git::Change;
use super::text::Words;
use super::typed::Choices;
use crate::markdown::escape;
use crate::serve::with_code;

/// A problem found in a save, placed beside its field when it points at one.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The field's path, `body` for the text, `None` when it points at neither.
    pub field: Option<String>,
    pub message: String,
}

/// One entry on the start page: a link to a file's form.
pub struct Entry {
    pub rel: String,
    pub title: String,
    /// Extra words after the title: a course's status.
    pub note: Option<String>,
}

/// A manual on the start page.
pub struct ManualEntry {
    pub front: Entry,
    pub chapters: Vec<Entry>,
    pub sessions: Vec<Entry>,
    pub exercises: Vec<Entry>,
}

/// A municipality on the start page.
pub struct SiteEntry {
    pub slug: String,
    pub name: String,
    pub courses: Vec<Entry>,
    pub pages: Vec<Entry>,
    pub manuals: Vec<ManualEntry>,
}

/// The page around a title and its content.
pub fn layout(w: &Words, title: &str, content: &str) -> String {
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"{css}\"><script src=\"{script}\" defer></script></head><body><nav class=\"top\"><a href=\"{home}\">{editor}</a><a href=\"{changes}\">{changes_label}</a></nav><main>{content}</main></body></html>",
        lang = w.lang,
        title = escape(title),
        css = super::STYLE,
        script = super::SCRIPT,
        home = super::HOME,
        editor = escape(w.editor),
        changes = super::CHANGES,
        changes_label = escape(w.changes),
    )
}

fn link(entry: &Entry) -> String {
    let note = entry
        .note
        .as_ref()
        .map(|n| format!(" <span class=\"note\">({})</span>", escape(n)))
        .unwrap_or_default();
    format!(
        "<li><a href=\"{}\">{}</a>{note}</li>",
        escape(&super::file_url(&entry.rel)),
        escape(&entry.title)
    )
}

fn list(heading: &str, level: u8, entries: &[Entry]) -> String {
    if entries.is_empty() {
        return String::new();
    }
    let items: String = entries.iter().map(link).collect();
    format!("<h{level}>{}</h{level}><ul>{items}</ul>", escape(heading))
}

/// The start page: per municipality its settings, courses, pages and manuals; then the shared
/// pages.
pub fn start(w: &Words, sites: &[SiteEntry], shared: &[Entry]) -> String {
    let mut html = format!(
        "<h1>{}</h1><p>{}</p>",
        escape(w.editor),
        escape(w.start_intro)
    );
    for site in sites {
        html.push_str(&format!(
            "<section><h2>{}</h2><p><a href=\"{}\">{}</a></p>",
            escape(&site.name),
            escape(&super::file_url(&format!("{}/_site.yaml", site.slug))),
            escape(w.settings)
        ));
        html.push_str(&format!(
            "<p><a class=\"new\" href=\"{}{}/\">{}<span class=\"visually-hidden\">: {}</span></a></p>",
            super::NEW_COURSE,
            escape(&site.slug),
            escape(w.new_course),
            escape(&site.name)
        ));
        html.push_str(&list(w.courses, 3, &site.courses));
        html.push_str(&list(w.pages, 3, &site.pages));
        if !site.manuals.is_empty() {
            html.push_str(&format!("<h3>{}</h3>", escape(w.manuals)));
            for manual in &site.manuals {
                html.push_str(&format!(
                    "<h4>{}</h4><ul>{}</ul>",
                    escape(&manual.front.title),
                    link(&manual.front)
                ));
                html.push_str(&list(w.chapters, 5, &manual.chapters));
                html.push_str(&list(w.sessions, 5, &manual.sessions));
                html.push_str(&list(w.exercises, 5, &manual.exercises));
            }
        }
        html.push_str("</section>");
    }
    if !shared.is_empty() {
        html.push_str(&format!(
            "<section><h2>{}</h2><p>{}</p>{}</section>",
            escape(w.shared_pages),
            escape(w.shared_pages_note),
            list(w.pages, 3, shared)
        ));
    }
    layout(w, w.editor, &html)
}

/// What a file's form shows.
pub struct Form<'a> {
    pub rel: &'a str,
    /// The file's scalars as read.
    pub fields: &'a [Field],
    /// The values to show, by path: the file's own, or those just sent.
    pub values: &'a BTreeMap<String, String>,
    /// The Markdown body; `None` for `_site.yaml`, which has none.
    pub body: Option<&'a str>,
    /// Why the front matter has no fields, when it cannot be read.
    pub unreadable: Option<&'a str>,
    pub hash: &'a str,
    pub token: &'a str,
    pub problems: &'a [Problem],
    pub saved: bool,
    /// The field definitions of the file's kind, and the project's choices for its keys.
    pub top: &'a [&'static crate::fields::Field],
    pub choices: &'a Choices,
    /// The input to focus (after a list button).
    pub focus: Option<&'a str>,
    /// The body rendered, after "Vis forhåndsvisning".
    pub preview: Option<&'a str>,
    /// Where the form is sent.
    pub action: &'a str,
    /// A new course: the heading, and the file name asked for.
    pub new: Option<(&'a str, &'a str)>,
}

/// The form for one file (or for a new course).
pub fn form(w: &Words, f: &Form) -> String {
    let title = f.new.map_or(f.rel, |(heading, _)| heading);
    let mut html = format!(
        "<h1>{}</h1><p><a href=\"{}\">{}</a></p>",
        escape(title),
        super::HOME,
        escape(w.back)
    );
    if f.new.is_some() {
        html.push_str(&format!("<p>{}</p>", escape(w.new_course_intro)));
    }
    if f.saved {
        html.push_str(&format!(
            "<p class=\"saved\" role=\"status\">{}</p>",
            escape(w.saved)
        ));
    }
    // Each problem gets an id; the inputs it concerns point at it.
    let problem_id = |i: usize| format!("problem-{}", i + 1);
    let mut beside: BTreeMap<String, (Vec<String>, String)> = BTreeMap::new();
    if !f.problems.is_empty() {
        html.push_str(&format!(
            "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"problemer\"><p>{}</p><ul>",
            escape(w.problems)
        ));
        for (i, p) in f.problems.iter().enumerate() {
            match p.field.as_deref() {
                Some(field) => {
                    html.push_str(&format!(
                        "<li><a href=\"#{}\">{}</a></li>",
                        input_id(field),
                        with_code(&p.message)
                    ));
                    let entry = beside.entry(field.to_string()).or_default();
                    entry.0.push(problem_id(i));
                    entry.1.push_str(&format!(
                        "<p class=\"problem\" id=\"{}\"><strong>{}</strong> {}</p>",
                        problem_id(i),
                        escape(w.next_to_field),
                        with_code(&p.message)
                    ));
                }
                None => html.push_str(&format!(
                    "<li id=\"{}\">{}</li>",
                    problem_id(i),
                    with_code(&p.message)
                )),
            }
        }
        html.push_str("</ul></div>");
    }
    html.push_str(&format!(
        "<form method=\"post\" action=\"{}\" novalidate><input type=\"hidden\" name=\"token\" value=\"{}\"><input type=\"hidden\" name=\"hash\" value=\"{}\">",
        escape(f.action),
        escape(f.token),
        escape(f.hash)
    ));
    // The first submit button is the one Enter in a field presses: saving, never a list button.
    let submit = if f.new.is_some() { w.create } else { w.save };
    html.push_str(&format!(
        "<p><button type=\"submit\">{}</button></p>",
        escape(submit)
    ));
    if let Some((_, file)) = f.new {
        let (ids, notes) = beside.get("fil").cloned().unwrap_or_default();
        let invalid = if ids.is_empty() {
            ""
        } else {
            " aria-invalid=\"true\""
        };
        html.push_str(&format!(
            "<div class=\"field\"><label for=\"felt-fil\">{}</label><p class=\"hint\" id=\"felt-fil-hjaelp\">{}</p><input type=\"text\" id=\"felt-fil\" name=\"fil\" value=\"{}\" aria-describedby=\"felt-fil-hjaelp{}\"{invalid}{}>{notes}</div>",
            escape(w.file_name),
            escape(w.file_name_hint),
            escape(file),
            ids.iter().map(|i| format!(" {i}")).collect::<String>(),
            if f.focus == Some("fil") { " autofocus" } else { "" }
        ));
    }
    if let Some(why) = f.unreadable {
        html.push_str(&format!(
            "<p>{}</p><pre>{}</pre>",
            escape(w.unreadable_front_matter),
            escape(why)
        ));
    } else if f.fields.is_empty() && f.body.is_some() && f.new.is_none() {
        html.push_str(&format!("<p>{}</p>", escape(w.no_front_matter)));
    } else {
        let controls = Controls {
            w,
            top: f.top,
            values: f.values,
            scalars: f.fields,
            choices: f.choices,
            focus: f.focus,
            action: f.action,
            problems: &beside,
        };
        html.push_str(&controls.html());
    }
    if let Some(body) = f.body {
        let (mut ids, notes) = beside.get("body").cloned().unwrap_or_default();
        let invalid = if ids.is_empty() {
            ""
        } else {
            " aria-invalid=\"true\""
        };
        ids.insert(0, "body-hint".to_string());
        // The newline after the tag is dropped by every HTML parser: without it a body that
        // starts with an empty line would lose it.
        html.push_str(&format!(
            "<div class=\"field\"><label for=\"felt-body\">{}</label><p class=\"hint\" id=\"body-hint\">{}</p><textarea class=\"body\" id=\"felt-body\" name=\"body\" rows=\"24\" aria-describedby=\"{}\" data-preview=\"{}\"{invalid}{}>\n{}</textarea>{notes}</div>",
            escape(w.body),
            escape(w.body_hint),
            ids.join(" "),
            super::PREVIEW,
            if f.focus == Some("body") { " autofocus" } else { "" },
            escape(body)
        ));
        html.push_str(&format!(
            "<p><button type=\"submit\" class=\"secondary\" name=\"do\" value=\"preview\" formaction=\"{}#forhaandsvisning\">{}</button></p>",
            escape(f.action),
            escape(w.preview)
        ));
        // Shown after the button; kept hidden otherwise, for the script to fill as the text is
        // typed.
        html.push_str(&format!(
            "<section class=\"preview\" id=\"forhaandsvisning\" aria-labelledby=\"forhaandsvisning-titel\"{}><h2 id=\"forhaandsvisning-titel\">{}</h2><div class=\"rendered\">{}</div></section>",
            if f.preview.is_some() { "" } else { " hidden" },
            escape(w.preview_heading),
            f.preview.unwrap_or("")
        ));
    }
    html.push_str(&format!(
        "<p><button type=\"submit\">{}</button></p></form>",
        escape(submit)
    ));
    layout(w, title, &html)
}

/// The answer to a save of a file that changed on disk since its form was opened.
pub fn conflict(w: &Words, rel: &str, on_disk: &str, yours: &str) -> String {
    let html = format!(
        "<h1>{}</h1><div class=\"summary\" role=\"alert\"><p>{}</p></div><p><a href=\"{}\">{}</a></p><h2>{}</h2><pre>{}</pre><h2>{}</h2><pre>{}</pre>",
        escape(w.conflict),
        escape(w.conflict_hint),
        escape(&super::file_url(rel)),
        escape(w.reopen),
        escape(w.on_disk),
        escape(on_disk),
        escape(w.yours),
        escape(yours),
    );
    layout(w, w.conflict, &html)
}

/// A short page with one message (a refusal, a missing file).
pub fn message(w: &Words, text: &str) -> String {
    layout(
        w,
        text,
        &format!(
            "<h1>{}</h1><p><a href=\"{}\">{}</a></p>",
            escape(text),
            super::HOME,
            escape(w.back)
        ),
    )
}

/// What the changes page shows.
pub enum Changes<'a> {
    /// No git, or no repository: the message says which.
    Unavailable(&'a str),
    Listed {
        changes: &'a [Change],
        token: &'a str,
        /// After a commit: its outcome.
        note: Option<(bool, &'a str)>,
        /// The message sent, kept when the commit was refused.
        message: &'a str,
        missing_message: bool,
    },
}

/// The changes page: each changed file under `content/` with its diff, and the commit form.
pub fn changes(w: &Words, c: &Changes) -> String {
    let mut html = format!("<h1>{}</h1>", escape(w.changes));
    let Changes::Listed {
        changes,
        token,
        note,
        message,
        missing_message,
    } = c
    else {
        if let Changes::Unavailable(why) = c {
            html.push_str(&format!("<p>{}</p>", escape(why)));
        }
        return layout(w, w.changes, &html);
    };
    if let Some((ok, text)) = note {
        let class = if *ok { "saved" } else { "summary" };
        let role = if *ok { "status" } else { "alert" };
        html.push_str(&format!(
            "<div class=\"{class}\" role=\"{role}\"><p>{}</p></div>",
            escape(text)
        ));
    }
    if changes.is_empty() {
        html.push_str(&format!("<p>{}</p>", escape(w.no_changes)));
        return layout(w, w.changes, &html);
    }
    for change in changes.iter() {
        let new = if change.new {
            format!(" ({})", escape(w.new_file))
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<section><h2><code>{}</code>{new}</h2><pre class=\"diff\">",
            escape(&change.path)
        ));
        for line in change.diff.lines() {
            if let Some(rest) = line.strip_prefix('+') {
                html.push_str(&format!(
                    "<ins><span class=\"visually-hidden\">{}</span>+{}</ins>",
                    escape(w.added),
                    escape(rest)
                ));
            } else if let Some(rest) = line.strip_prefix('-') {
                html.push_str(&format!(
                    "<del><span class=\"visually-hidden\">{}</span>-{}</del>",
                    escape(w.removed),
                    escape(rest)
                ));
            } else if line.starts_with("@@") {
                html.push_str(&format!("<span class=\"hunk\">{}</span>", escape(line)));
            } else {
                html.push_str(&escape(line));
                html.push('\n');
            }
        }
        html.push_str("</pre></section>");
    }
    let (invalid, note) = if *missing_message {
        (
            " aria-invalid=\"true\" aria-describedby=\"besked-hint besked-mangler\"",
            format!(
                "<p class=\"problem\" id=\"besked-mangler\">{}</p>",
                escape(w.message_missing)
            ),
        )
    } else {
        (" aria-describedby=\"besked-hint\"", String::new())
    };
    html.push_str(&format!(
        "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"token\" value=\"{}\"><label for=\"besked\">{}</label><p class=\"hint\" id=\"besked-hint\">{}</p><input type=\"text\" id=\"besked\" name=\"message\" required value=\"{}\"{invalid}>{note}<button type=\"submit\">{}</button></form>",
        super::CHANGES,
        escape(token),
        escape(w.message),
        escape(w.message_hint),
        escape(message),
        escape(w.commit),
    ));
    layout(w, w.changes, &html)
}
