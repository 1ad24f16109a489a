//! Markdown → HTML with pulldown-cmark, and everything we do to the event stream on the way:
//! heading ids, GitHub-style alerts as labelled boxes, link and image rewriting through a
//! resolver supplied by the caller, alt-text checks, raw HTML escaping — or, where the project
//! allows raw HTML, sanitizing with `ammonia` so that only harmless markup reaches the page.
//!
//! Pure: it takes the body text and a [`Resolver`], and returns the HTML and the problems found,
//! placed by byte offset in the body. It knows nothing of sites or files.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use serde::Serialize;

use crate::error::Severity;
use crate::slug::slugify;

/// A heading of a page body, with the id it gets in the HTML.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// What a resolver answers for a link or image destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Use this URL instead.
    Rewrite(String),
    /// Keep the destination as written (external URLs, mail, phone).
    Keep,
    /// A problem, with a message and a hint.
    Problem(String, String),
}

/// Turns link and image destinations into output URLs; implemented by the link stage.
pub trait Resolver {
    fn link(&self, dest: &str) -> Resolved;
    fn image(&self, dest: &str) -> Resolved;
}

/// A problem in a body, by byte offset within the body.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub hint: String,
}

/// Settings that do not change from page to page.
#[derive(Debug, Clone, Hash)]
pub struct Settings {
    pub allow_html: bool,
    /// Labels of the alert boxes: note, tip, important, warning, caution.
    pub callout_labels: [String; 5],
    /// Accessible name of the scrollable box around tables.
    pub table_label: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    /// The body opens with a level-1 heading, which then is the page's `<h1>`.
    pub starts_with_h1: bool,
    pub problems: Vec<Problem>,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// How deep blocks and inline markup may nest (a list in a quote in a list … counts each level).
/// Real pages stay below ten; thousands of levels (`>>>>…`, `- - - …`, `****…`) are a mistake or
/// an attack, and the HTML tools after us (the sanitizer) recurse once per level.
pub const MAX_NESTING: usize = 100;

/// The headings of a body with their unique ids, in order. Ids are the heading text slugified
/// (Danish letters transliterated), or the `{#id}` written after the heading.
pub fn headings(body: &str) -> Vec<Heading> {
    outline(body).0
}

/// The headings of a body (see [`headings`]) and, when its markup nests deeper than
/// [`MAX_NESTING`], the byte offset where it first does. One pass over the body does both.
pub fn outline(body: &str) -> (Vec<Heading>, Option<usize>) {
    let mut depth = 0usize;
    let mut too_deep = None;
    let mut out = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut current: Option<(u8, Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING && too_deep.is_none() {
                    too_deep = Some(range.start);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                current = Some((
                    level_number(level),
                    id.map(|s| s.to_string()),
                    String::new(),
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, title)) = current.take() {
                    let base = explicit.unwrap_or_else(|| {
                        let s = slugify(&title);
                        if s.is_empty() {
                            "afsnit".to_string()
                        } else {
                            s
                        }
                    });
                    let n = used.entry(base.clone()).or_insert(0);
                    let id = if *n == 0 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    };
                    *n += 1;
                    out.push(Heading {
                        level,
                        id,
                        title: title.trim().to_string(),
                    });
                }
            }
            _ => {}
        }
    }
    (out, too_deep)
}

/// How a body is placed inside a larger page (a manual printed whole): heading ids get a
/// prefix so they stay unique, and headings move down a level under the part's own title.
#[derive(Debug, Clone, Copy)]
pub struct Embed<'a> {
    pub id_prefix: &'a str,
    pub shift: u8,
}

/// Bodies rendered earlier, reused wherever every link and image in them resolves as it did.
///
/// A body's HTML depends on its text, the settings, where it is embedded, and what its links
/// resolve to — nothing else. So a manual page shared by many municipalities is rendered once
/// and reused by every site where its links lead to the same places; a site where a link target
/// is excluded (and the link is an error) renders its own.
#[derive(Debug, Default)]
pub struct BodyCache {
    entries: Mutex<HashMap<u64, Vec<Arc<BodyEntry>>>>,
}

#[derive(Debug)]
struct BodyEntry {
    body: Box<str>,
    /// Every question the rendering asked its resolver, in order: (image?, destination, answer).
    asked: Vec<(bool, String, Resolved)>,
    rendered: Rendered,
}

/// A resolver that writes down what it was asked and answered.
struct Recording<'a> {
    inner: &'a dyn Resolver,
    asked: std::cell::RefCell<Vec<(bool, String, Resolved)>>,
}

impl Recording<'_> {
    fn note(&self, image: bool, dest: &str, answer: Resolved) -> Resolved {
        self.asked
            .borrow_mut()
            .push((image, dest.to_string(), answer.clone()));
        answer
    }
}

impl Resolver for Recording<'_> {
    fn link(&self, dest: &str) -> Resolved {
        self.note(false, dest, self.inner.link(dest))
    }

    fn image(&self, dest: &str) -> Resolved {
        self.note(true, dest, self.inner.image(dest))
    }
}

impl BodyCache {
    /// [`render_embedded`], or an earlier rendering of the same body whose links `resolver`
    /// answers the same way. The resolver is asked about every link either way (it may record
    /// what it was asked, as the render stage records the files a page uses).
    pub fn render(
        &self,
        body: &str,
        heads: &[Heading],
        settings: &Settings,
        resolver: &dyn Resolver,
        embed: Option<Embed>,
    ) -> Rendered {
        let key =
            crate::hash::hash_of(&(body, heads, settings, embed.map(|e| (e.id_prefix, e.shift))));
        let candidates: Vec<Arc<BodyEntry>> = self
            .entries
            .lock()
            .map(|e| e.get(&key).cloned().unwrap_or_default())
            .unwrap_or_default();
        for entry in candidates {
            if *entry.body == *body
                && entry.asked.iter().all(|(image, dest, answer)| {
                    let now = if *image {
                        resolver.image(dest)
                    } else {
                        resolver.link(dest)
                    };
                    now == *answer
                })
            {
                return entry.rendered.clone();
            }
        }
        let recording = Recording {
            inner: resolver,
            asked: Default::default(),
        };
        let rendered = render_embedded(body, heads, settings, &recording, embed);
        if let Ok(mut entries) = self.entries.lock() {
            let list = entries.entry(key).or_default();
            // A body whose links resolve differently in many sites keeps a few renderings.
            if list.len() < 4 {
                list.push(Arc::new(BodyEntry {
                    body: body.into(),
                    asked: recording.asked.into_inner(),
                    rendered: rendered.clone(),
                }));
            }
        }
        rendered
    }
}

/// A page reports at most this many problems: each is placed by a scan from the file's start,
/// and a file with a hundred thousand of the same mistake would otherwise take minutes to report
/// and pages to read.
pub const MAX_PROBLEMS: usize = 100;

/// Renders a body. `heads` must be `headings(body)` (computed once when the page is loaded).
pub fn render(
    body: &str,
    heads: &[Heading],
    settings: &Settings,
    resolver: &dyn Resolver,
) -> Rendered {
    render_embedded(body, heads, settings, resolver, None)
}

/// Renders a body, optionally embedded in a larger page (see [`Embed`]).
pub fn render_embedded(
    body: &str,
    heads: &[Heading],
    settings: &Settings,
    resolver: &dyn Resolver,
    embed: Option<Embed>,
) -> Rendered {
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::with_capacity(body.len() / 16 + 16);
    let mut heading_index = 0;
    let mut first_block = true;
    let mut starts_with_h1 = false;
    // The image whose alt text is being collected: (index of its Start event, offset, len, alt).
    let mut image: Option<(usize, usize, usize, String)> = None;
    let mut in_html_block = false;
    // Each table's scroll box is a region with its own name ("Tabel 1", "Tabel 2"): landmarks on
    // one page must be told apart by assistive technology.
    let mut tables = 0;
    let mut table = TableCells::default();
    let mut footnotes: HashMap<CowStr, usize> = HashMap::new();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let is_block_start = matches!(&event, Event::Start(tag) if is_block(tag));
        match event {
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes,
                attrs,
            }) => {
                let mut level = level;
                if let Some(embed) = embed {
                    let shifted = (level_number(level) + embed.shift).min(6);
                    level = HeadingLevel::try_from(shifted as usize).unwrap_or(HeadingLevel::H6);
                    if first_block && level_number(level) == 1 + embed.shift {
                        starts_with_h1 = true;
                    }
                } else if level == HeadingLevel::H1 {
                    if first_block {
                        starts_with_h1 = true;
                    } else {
                        level = HeadingLevel::H2;
                        problems.push(Problem {
                            severity: Severity::Warning,
                            code: "markdown.extra-h1",
                            offset: range.start,
                            len: 1,
                            message: "a page has one top-level heading: this `#` heading is shown as `##`".into(),
                            hint: "use `##` for sections; the page title is the page's only `#` heading".into(),
                        });
                    }
                }
                // `{key=value}` after a heading would write any attribute, `onclick` included: it
                // is raw HTML by another name, so it follows `allow_html` (and its sanitizing).
                let attrs = if settings.allow_html || attrs.is_empty() {
                    attrs
                } else {
                    problems.push(Problem {
                        severity: Severity::Warning,
                        code: "markdown.heading-attributes",
                        offset: range.start,
                        len: range.len(),
                        message: "attributes after a heading are left out: they are raw HTML"
                            .into(),
                        hint: "keep `{#id}` and `{.class}`; other attributes need `markdown: { allow_html: true }` in vejviser.yaml".into(),
                    });
                    Vec::new()
                };
                let id = heads.get(heading_index).map(|h| match embed {
                    Some(e) => CowStr::from(format!("{}-{}", e.id_prefix, h.id)),
                    None => CowStr::from(h.id.clone()),
                });
                heading_index += 1;
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                // Keep the end tag in step with a demoted start tag.
                let start_level = events.iter().rev().find_map(|e| match e {
                    Event::Start(Tag::Heading { level, .. }) => Some(*level),
                    _ => None,
                });
                events.push(Event::End(TagEnd::Heading(start_level.unwrap_or(level))));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let (class, label) = callout(kind, settings);
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"callout callout-{class}\" role=\"note\"><p class=\"callout-title\">{}</p>",
                    escape(label)
                ))));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                events.push(Event::Html(CowStr::from("</div>")))
            }
            Event::Start(Tag::Table(align)) => {
                tables += 1;
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{} {tables}\">",
                    escape(&settings.table_label)
                ))));
                events.push(Event::Start(Tag::Table(Vec::new())));
                table = TableCells {
                    align,
                    ..TableCells::default()
                };
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html(CowStr::from("</div>")));
            }
            // Cells are written here, not by pulldown-cmark, whose column alignment is an inline
            // `style` attribute that the pages' Content-Security-Policy refuses: a class instead.
            Event::Start(Tag::TableHead) => {
                table.head = true;
                events.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                table.head = false;
                events.push(Event::End(TagEnd::TableHead));
            }
            Event::Start(Tag::TableRow) => {
                table.column = 0;
                events.push(Event::Start(Tag::TableRow));
            }
            Event::Start(Tag::TableCell) => {
                let class = match table.align.get(table.column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                let cell = if table.head { "th" } else { "td" };
                events.push(Event::Html(CowStr::from(format!("<{cell}{class}>"))));
            }
            Event::End(TagEnd::TableCell) => {
                let cell = if table.head { "th" } else { "td" };
                events.push(Event::Html(CowStr::from(format!("</{cell}>"))));
                table.column += 1;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolver.link(&dest_url) {
                    Resolved::Rewrite(url) => CowStr::from(url),
                    Resolved::Keep => dest_url,
                    Resolved::Problem(message, hint) => {
                        // A build with errors is never written, but what it rendered is still
                        // kept (the preview server, tests): a refused URL goes no further.
                        problems.push(Problem {
                            severity: Severity::Error,
                            code: "markdown.broken-link",
                            offset: range.start,
                            len: range.len(),
                            message,
                            hint,
                        });
                        CowStr::from("")
                    }
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolver.image(&dest_url) {
                    Resolved::Rewrite(url) => CowStr::from(url),
                    Resolved::Keep => dest_url,
                    Resolved::Problem(message, hint) => {
                        problems.push(Problem {
                            severity: Severity::Error,
                            code: "markdown.missing-image",
                            offset: range.start,
                            len: range.len(),
                            message,
                            hint,
                        });
                        CowStr::from("")
                    }
                };
                image = Some((events.len(), range.start, range.len(), String::new()));
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if let Some((_, offset, len, alt)) = image.take() {
                    if alt.trim().is_empty() {
                        problems.push(Problem {
                            severity: Severity::Error,
                            code: "markdown.image-alt",
                            offset,
                            len,
                            message: "the image has no alt text".into(),
                            hint: "describe the image between the brackets: ![Deltagere ved et bord](billede.jpg)".into(),
                        });
                    }
                }
                events.push(Event::End(TagEnd::Image));
            }
            Event::Text(text) => {
                if let Some((_, _, _, alt)) = &mut image {
                    alt.push_str(&text);
                }
                events.push(Event::Text(text));
            }
            Event::Start(Tag::HtmlBlock) if !settings.allow_html => {
                in_html_block = true;
                events.push(Event::Html(CowStr::from("<p>")));
            }
            Event::End(TagEnd::HtmlBlock) if !settings.allow_html => {
                in_html_block = false;
                events.push(Event::Html(CowStr::from("</p>")));
            }
            Event::Html(html) | Event::InlineHtml(html) if !settings.allow_html => {
                let text = if in_html_block {
                    CowStr::from(html.trim_end().to_string())
                } else {
                    html
                };
                events.push(Event::Text(text));
            }
            // Footnotes are numbered in order of first mention, as pulldown-cmark numbers them,
            // and their ids are `fn-<number>`, with the embedding page's prefix: a label
            // (`[^1]`) is the same in every chapter of a manual's print page, and would collide
            // there, and with a heading's id anywhere.
            Event::FootnoteReference(label) => {
                let n = footnote_number(&mut footnotes, &label);
                events.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"><a href=\"#{}fn-{n}\">{n}</a></sup>",
                    id_prefix(embed)
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = footnote_number(&mut footnotes, &label);
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"{}fn-{n}\"><sup class=\"footnote-definition-label\">{n}</sup>",
                    id_prefix(embed)
                ))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html(CowStr::from("</div>")));
            }
            other => events.push(other),
        }
        if is_block_start {
            first_block = false;
        }
    }
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        // Placed at the first problem not shown, so it sorts after those that are.
        let first_hidden = &problems[MAX_PROBLEMS];
        let (severity, offset) = (first_hidden.severity, first_hidden.offset);
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem {
            severity,
            code: "markdown.more-problems",
            offset,
            len: 1,
            message: format!("{more} more problem(s) in this page are not shown"),
            hint: "fix the ones above and build again".into(),
        });
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if settings.allow_html {
        if nesting_estimate(&html) > MAX_SANITIZE_NESTING {
            // Too deep to sanitize in bounded time and stack: refused, and nothing of it is
            // kept.
            problems.push(Problem {
                severity: Severity::Error,
                code: "markdown.html-too-deep",
                offset: 0,
                len: 1,
                message: format!(
                    "the raw HTML of this page nests deeper than {} levels",
                    MAX_SANITIZE_NESTING
                ),
                hint: "close the HTML elements you open, or write the page in Markdown".into(),
            });
            html.clear();
        } else {
            html = sanitize(&html);
        }
    }
    Rendered {
        html,
        starts_with_h1,
        problems,
    }
}

/// The table being written: its columns' alignment, whether in its head, the current column.
#[derive(Default)]
struct TableCells {
    align: Vec<Alignment>,
    head: bool,
    column: usize,
}

/// Cleans a body's HTML when the project lets raw HTML through: the whole rendered body goes
/// through `ammonia`, because a raw tag and its end arrive as separate events and only the
/// finished HTML shows what they make together. Kept: the markup Markdown itself writes (with
/// the ids, classes and ARIA attributes we add) and ordinary harmless tags like `<details>`,
/// `<kbd>`, `<abbr title>` and tables. Removed: scripts and styles with their content, event
/// handlers, `style` attributes, iframes, objects, forms, and every URL whose scheme is not
/// http(s), mailto or tel (relative URLs stay).
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["input", "section", "figure", "figcaption"])
        .add_generic_attributes([
            "id",
            "class",
            "role",
            "tabindex",
            "aria-label",
            "aria-hidden",
            "dir",
        ])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("input", ["checked"])
        .add_tag_attributes("img", ["title", "width", "height"])
        .add_tag_attributes("th", ["scope"])
        // Task-list boxes only: no other kind of input, and never editable.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .link_rel(None)
        .clean(html)
        .to_string()
}

/// Whether a tag opens a block (as opposed to inline markup).
pub(crate) fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn callout(kind: BlockQuoteKind, settings: &Settings) -> (&'static str, &str) {
    let l = &settings.callout_labels;
    match kind {
        BlockQuoteKind::Note => ("note", &l[0]),
        BlockQuoteKind::Tip => ("tip", &l[1]),
        BlockQuoteKind::Important => ("important", &l[2]),
        BlockQuoteKind::Warning => ("warning", &l[3]),
        BlockQuoteKind::Caution => ("caution", &l[4]),
    }
}

/// Raw HTML (where the project allows it) nested deeper than this is refused: the sanitizer's
/// parser recurses once per level. Markdown itself stays below [`MAX_NESTING`].
pub const MAX_SANITIZE_NESTING: usize = 256;

/// An upper bound on how deep the elements of `html` nest: opening tags minus closing tags,
/// ignoring void elements and `<…/>`. Tags inside comments or scripts count too, which can only
/// overestimate.
fn nesting_estimate(html: &str) -> usize {
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + at + 1;
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let tag = &html[start..end];
        i = end.min(bytes.len());
        if let Some(rest) = tag.strip_prefix('/') {
            if !rest.is_empty() {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name_len = tag
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        // Not an element (`a < b`, `<!-- … -->`, `<!doctype>`), or one that never has content.
        if name.is_empty()
            || tag.ends_with('/')
            || VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
        {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}

/// The number of footnote `label`: the next one when it is new.
fn footnote_number<'a>(numbers: &mut HashMap<CowStr<'a>, usize>, label: &CowStr<'a>) -> usize {
    let next = numbers.len() + 1;
    *numbers.entry(label.clone()).or_insert(next)
}

/// What ids in an embedded body begin with (`""` on a page of its own).
fn id_prefix(embed: Option<Embed>) -> String {
    embed.map_or(String::new(), |e| format!("{}-", e.id_prefix))
}

/// The plain text of a body's first paragraph (links and emphasis reduced to their words, code to
/// its text, raw HTML left out), or `None` when the body has no paragraph with words. Only as
/// much of the body is parsed as it takes to reach the end of that paragraph.
pub fn first_paragraph(body: &str) -> Option<String> {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                if !text.trim().is_empty() {
                    break;
                }
                in_paragraph = false;
            }
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Escapes text for HTML (element content and quoted attribute values).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_estimated_from_the_tags() {
        let page = "<!doctype html><html><head><meta charset=utf-8><!-- x --></head>\
                    <body><p>a<br>b <img src=x /></p><div><div></div></div></body></html>";
        assert_eq!(nesting_estimate(page), 4);
        assert_eq!(nesting_estimate("a < b <"), 0);
    }

    struct NoLinks;
    impl Resolver for NoLinks {
        fn link(&self, dest: &str) -> Resolved {
            if dest.ends_with(".md") {
                Resolved::Rewrite(format!("../{}/", dest.trim_end_matches(".md")))
            } else if dest == "mangler" {
                Resolved::Problem("no such page".into(), "hint".into())
            } else {
                Resolved::Keep
            }
        }
        fn image(&self, _: &str) -> Resolved {
            Resolved::Keep
        }
    }

    /// Answers every link with one fixed URL.
    struct To(&'static str);
    impl Resolver for To {
        fn link(&self, _: &str) -> Resolved {
            Resolved::Rewrite(self.0.into())
        }
        fn image(&self, _: &str) -> Resolved {
            Resolved::Keep
        }
    }

    #[test]
    fn a_cached_body_is_reused_only_where_its_links_resolve_alike() {
        let cache = BodyCache::default();
        let body = "Se [kapitel 2](02.md) og [kapitel 3](03.md).\n";
        let heads = headings(body);
        let set = settings(false);
        let render_with = |to: &To| cache.render(body, &heads, &set, to, None).html;
        let first = render_with(&To("../a/"));
        assert!(first.contains("href=\"../a/\""), "{first}");
        let other = render_with(&To("../b/"));
        assert!(
            other.contains("href=\"../b/\"") && !other.contains("../a/"),
            "a site whose links lead elsewhere gets its own rendering: {other}"
        );
        assert_eq!(render_with(&To("../a/")), first);
        assert_eq!(
            render_with(&To("../b/")),
            render(body, &heads, &set, &To("../b/")).html
        );
        let entries = cache.entries.lock().unwrap();
        assert_eq!(entries.len(), 1, "one body");
        assert_eq!(
            entries.values().next().unwrap().len(),
            2,
            "two renderings of it, each reused"
        );
    }

    fn settings(allow_html: bool) -> Settings {
        Settings {
            allow_html,
            callout_labels: [
                "Note til facilitator".into(),
                "Tip".into(),
                "Vigtigt".into(),
                "Advarsel".into(),
                "Pas på".into(),
            ],
            table_label: "Tabel".into(),
        }
    }

    fn html(body: &str) -> Rendered {
        render(body, &headings(body), &settings(false), &NoLinks)
    }

    #[test]
    fn heading_ids_are_danish_slugs_and_unique() {
        let h = headings("## Øvelser i gruppen\n\n## Øvelser i gruppen\n\n### Kode `x` {#eget}\n");
        assert_eq!(h[0].id, "oevelser-i-gruppen");
        assert_eq!(h[1].id, "oevelser-i-gruppen-1");
        assert_eq!(h[2].id, "eget");
        let r = html("## Øvelser i gruppen\n");
        assert!(
            r.html.contains("<h2 id=\"oevelser-i-gruppen\">"),
            "{}",
            r.html
        );
    }

    #[test]
    fn leading_h1_is_detected_and_later_h1_demoted() {
        let r = html("# Titel\n\nTekst\n\n# Igen\n");
        assert!(r.starts_with_h1);
        assert!(r.html.contains("<h2 id=\"igen\">Igen</h2>"), "{}", r.html);
        assert_eq!(r.problems.len(), 1);
        assert!(!html("Tekst\n\n# Senere\n").starts_with_h1);
    }

    #[test]
    fn alerts_become_labelled_boxes() {
        let r = html("> [!NOTE]\n> Husk navneskilte.\n");
        assert!(
            r.html
                .contains("class=\"callout callout-note\" role=\"note\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("Note til facilitator"));
        assert!(r.html.contains("Husk navneskilte."));
    }

    #[test]
    fn raw_html_is_escaped() {
        let r = html("<script>alert(1)</script>\n\nTekst <b>fed</b>\n");
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(r.html.contains("&lt;b&gt;"));
        let allowed = render("Tekst <b>fed</b>\n", &[], &settings(true), &NoLinks);
        assert!(allowed.html.contains("<b>fed</b>"));
    }

    #[test]
    fn allowed_html_keeps_harmless_markup_and_drops_the_rest() {
        let body = "<details open><summary>Mere</summary>Tryk <kbd>Ctrl</kbd>+<kbd>P</kbd>, \
            <abbr title=\"Act, Belong, Commit\">ABC</abbr></details>\n\n\
            <table><tr><th scope=\"col\">a</th></tr><tr><td>1</td></tr></table>\n\n\
            <p onclick=\"alert(1)\" style=\"color:red\">x<script>alert(2)</script></p>\n\n\
            <a href=\"javascript:alert(3)\">a</a> <a href=\"JaVaScRiPt&colon;alert(4)\">b</a> \
            <img src=x onerror=alert(5) alt=y> <iframe src=\"https://x.dk\"></iframe>\
            <svg><script>alert(6)</script></svg><style>p{}</style><object data=x></object>\n\n\
            ## Overskrift {#egen .klasse}\n\n- [x] færdig\n";
        let r = render(body, &headings(body), &settings(true), &NoLinks);
        for kept in [
            "<details open=\"\"><summary>Mere</summary>",
            "<kbd>Ctrl</kbd>",
            "<abbr title=\"Act, Belong, Commit\">ABC</abbr>",
            "<th scope=\"col\">a</th>",
            "<h2 id=\"egen\" class=\"klasse\">",
            "checked=\"\"",
        ] {
            assert!(r.html.contains(kept), "{kept} missing from {}", r.html);
        }
        for gone in [
            "onclick",
            "style",
            "script",
            "alert",
            "javascript",
            "onerror",
            "iframe",
            "<svg",
            "object",
        ] {
            assert!(
                !r.html.to_lowercase().contains(gone),
                "{gone} in {}",
                r.html
            );
        }
    }

    #[test]
    fn heading_attributes_need_allow_html() {
        let body = "## Titel {#t .k onclick=alert(1) style=color:red}\n";
        let r = html(body);
        assert!(r.html.contains("<h2 id=\"t\" class=\"k\">"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert_eq!(r.problems[0].code, "markdown.heading-attributes");
        let allowed = render(body, &headings(body), &settings(true), &NoLinks);
        assert!(!allowed.html.contains("onclick"), "{}", allowed.html);
        assert!(!allowed.html.contains("style"), "{}", allowed.html);
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let r = html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
        assert!(!r.html.contains("style"), "{}", r.html);
        for (cell, align) in [("th", "left"), ("th", "center"), ("td", "right")] {
            assert!(
                r.html
                    .contains(&format!("<{cell} class=\"align-{align}\">")),
                "{}",
                r.html
            );
        }
        assert!(r
            .html
            .contains("<thead><tr><th class=\"align-left\">a</th>"));
        assert!(r.html.contains("<td class=\"align-right\">3</td></tr>"));
    }

    #[test]
    fn links_rewritten_and_broken_reported() {
        let r = html("Se [øvelsen](ovelse.md) og [noget](mangler).\n");
        assert!(r.html.contains("href=\"../ovelse/\""), "{}", r.html);
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].offset, 28);
    }

    #[test]
    fn image_without_alt_is_a_problem() {
        let r = html("Tekst\n\n![](billede.png)\n");
        assert_eq!(r.problems[0].code, "markdown.image-alt");
        assert_eq!(r.problems[0].offset, 7);
        assert!(html("![Et billede](b.png)").problems.is_empty());
    }

    #[test]
    fn extensions_are_on() {
        let r = html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ \"citat\"\n\n- [x] færdig\n\nFod[^1]\n\n[^1]: Note\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("“citat”"));
        assert!(r.html.contains("checkbox"));
        assert!(r.html.contains("footnote"));
    }
}
