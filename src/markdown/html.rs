//! Rendering one body: the pulldown-cmark event stream rewritten on its way to HTML — heading
//! ids, alerts, links and images through the resolver, alt text, tables in named scroll boxes,
//! footnotes numbered in order, raw HTML escaped or (where allowed) sanitized.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, CowStr};

use super::code;
use super::mdbook::without_comments;
use super::sanitize::nesting_estimate;
use super::*;

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
    // Each table's scroll box is a region with its own name ("Tabel 1", "Tabel 2"): landmarks on
    // one page must be told apart by assistive technology.
    let mut tables = 0;
    let mut table = TableCells::default();
    let mut footnotes: HashMap<CowStr, usize> = HashMap::new();
    // The code block being written: how its hidden lines are marked, and its text so far.
    let mut code: Option<(code::Hide, String)> = None;
    // The level of the heading before, the page's own `<h1>` (or the part's title) to start.
    let mut last_level = 1 + embed.map_or(0, |e| e.shift);
    // The raw HTML block being read: its lines, judged whole at its end.
    let mut html_block: Option<String> = None;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        // An HTML block counts as a block only when it shows something (see below).
        let is_block_start =
            matches!(&event, Event::Start(tag) if opens_block(tag, &body[range.clone()]));
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let (lang, hide) = code::info(&info, &settings.hidelines);
                code = Some((hide, String::new()));
                events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                    CowStr::from(lang),
                ))));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                code = Some((code::Hide::None, String::new()));
                events.push(Event::Start(Tag::CodeBlock(kind)));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, so_far)) = &mut code {
                    so_far.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((hide, text)) = code.take() {
                    events.push(Event::Text(CowStr::from(code::visible(&text, &hide))));
                }
                events.push(Event::End(TagEnd::CodeBlock));
            }
            // HTML comments are notes to the writer (`<!-- ignore -->`): never shown. A block of
            // nothing but comments and `<a id>` anchors does not open the page either, so a
            // heading after it is still the page's title.
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(html) if html_block.is_some() => {
                if let Some(block) = &mut html_block {
                    block.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = without_comments(&html_block.take().unwrap_or_default());
                if block.trim().is_empty() {
                    continue;
                }
                if settings.allow_html {
                    events.push(Event::Html(CowStr::from(block)));
                } else {
                    events.push(Event::Html(CowStr::from("<p>")));
                    events.push(Event::Text(CowStr::from(block.trim_end().to_string())));
                    events.push(Event::Html(CowStr::from("</p>")));
                }
            }
            Event::InlineHtml(html) if html.starts_with("<!--") => {}
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
                            message: messages::extra_h1(),
                            hint: messages::extra_h1_hint(),
                        });
                    }
                }
                // A book's `####` straight after its `#` is written one level below the heading
                // before it: the page's outline has no gaps (mdBook writes them as they are).
                if settings.close_heading_gaps {
                    let most = last_level + 1;
                    if level_number(level) > most {
                        level = HeadingLevel::try_from(most as usize).unwrap_or(HeadingLevel::H6);
                    }
                }
                last_level = level_number(level);
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
                        message: messages::heading_attributes(),
                        hint: messages::heading_attributes_hint(),
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
            // pulldown-cmark's box has no name, which screen readers need (and axe asks for):
            // "Udført" or "Ikke udført", in the site's language.
            Event::TaskListMarker(done) => {
                events.push(Event::InlineHtml(CowStr::from(format!(
                    "<input type=\"checkbox\" disabled aria-label=\"{}\"{}> ",
                    escape(&settings.task_labels[usize::from(done)]),
                    if done { " checked" } else { "" }
                ))));
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
                            message: messages::image_alt(),
                            hint: messages::image_alt_hint(),
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
            Event::Html(html) | Event::InlineHtml(html) if !settings.allow_html => {
                events.push(Event::Text(html));
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
            message: messages::more_problems(more),
            hint: messages::more_problems_hint(),
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
                message: messages::html_too_deep(MAX_SANITIZE_NESTING),
                hint: messages::html_too_deep_hint(),
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

/// The number of footnote `label`: the next one when it is new.
fn footnote_number<'a>(numbers: &mut HashMap<CowStr<'a>, usize>, label: &CowStr<'a>) -> usize {
    let next = numbers.len() + 1;
    *numbers.entry(label.clone()).or_insert(next)
}

/// What ids in an embedded body begin with (`""` on a page of its own).
fn id_prefix(embed: Option<Embed>) -> String {
    embed.map_or(String::new(), |e| format!("{}-", e.id_prefix))
}
