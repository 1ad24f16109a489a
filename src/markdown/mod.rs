//! Markdown → HTML with pulldown-cmark, and everything we do to the event stream on the way:
//! heading ids, GitHub-style alerts as labelled boxes, link and image rewriting through a
//! resolver supplied by the caller, alt-text checks, raw HTML escaping — or, where the project
//! allows raw HTML, sanitizing with `ammonia` so that only harmless markup reaches the page.
//!
//! Pure: it takes the body text and a [`Resolver`], and returns the HTML and the problems found,
//! placed by byte offset in the body. It knows nothing of sites or files.
//!
//! Here: the types, the outline (headings with their ids, found once when a page is loaded) and
//! small text helpers. `html` renders a body, `sanitize` cleans raw HTML, `cache` keeps rendered
//! bodies for reuse across sites and builds.

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::error::Severity;
use crate::messages::{self, Message};
use crate::slug::slugify;

mod cache;
mod code;
pub mod directives;
mod html;
mod mdbook;
mod sanitize;

pub use cache::BodyCache;
pub use html::{render, render_embedded, MAX_PROBLEMS};
pub(crate) use mdbook::opens_block;
pub use mdbook::{html_anchors, mdbook_id, plain_title, title_html};
pub use sanitize::{sanitize, MAX_SANITIZE_NESTING};

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
    Problem(Message, Message),
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
    pub message: Message,
    pub hint: Message,
}

/// Settings that do not change from page to page.
#[derive(Debug, Clone, Hash)]
pub struct Settings {
    pub allow_html: bool,
    /// Labels of the alert boxes: note, tip, important, warning, caution.
    pub callout_labels: [String; 5],
    /// Accessible name of the scrollable box around tables.
    pub table_label: String,
    /// Accessible names of a task list's boxes: not done, done (`- [ ]`, `- [x]`).
    pub task_labels: [String; 2],
    /// Per language, the prefix that hides a line of a code block (a book's
    /// `[output.html.code.hidelines]`); Rust's `# ` lines are hidden anyway.
    pub hidelines: Vec<(String, String)>,
    /// Headings that skip a level are written one level below the heading before them.
    pub close_heading_gaps: bool,
}

impl Settings {
    /// The settings of a project's pages, with the words Markdown puts into them (alert titles,
    /// the table and task-box names) looked up by their UI-string keys through `word`: the one
    /// list of those keys, for the build and the editor's preview alike.
    pub fn with_words(allow_html: bool, word: impl Fn(&str) -> String) -> Settings {
        Settings {
            allow_html,
            callout_labels: [
                "callout_note",
                "callout_tip",
                "callout_important",
                "callout_warning",
                "callout_caution",
            ]
            .map(&word),
            table_label: word("table"),
            task_labels: ["task_open", "task_done"].map(&word),
            hidelines: Vec::new(),
            close_heading_gaps: false,
        }
    }
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
        | Options::ENABLE_DEFINITION_LIST
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
    outline_ids(body, false)
}

/// [`outline`], with mdBook's ids instead of ours when `mdbook` (see [`mdbook_id`]).
pub fn outline_ids(body: &str, mdbook: bool) -> (Vec<Heading>, Option<usize>) {
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
                        let s = if mdbook {
                            mdbook_id(&title)
                        } else {
                            slugify(&title)
                        };
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
    use super::sanitize::nesting_estimate;
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
                Resolved::Problem(
                    messages::link_missing("mangler", "mangler"),
                    messages::link_missing_hint(),
                )
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
        assert_eq!(
            cache.renderings(),
            [2],
            "one body, with two renderings of it, each reused"
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
            task_labels: ["Ikke udført".into(), "Udført".into()],
            hidelines: Vec::new(),
            close_heading_gaps: false,
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
    fn comments_are_dropped_and_code_blocks_follow_mdbook() {
        let r = html("<!-- note -->\n\n# Titel\n\nTekst <!-- ignore --> her.\n\n```rust,editable\n# skjult\nvist();\n```\n");
        assert!(r.starts_with_h1, "{}", r.html);
        assert!(
            !r.html.contains("note") && !r.html.contains("ignore"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<code class=\"language-rust\">vist();"),
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
