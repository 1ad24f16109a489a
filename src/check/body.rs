//! What one page's body and front matter say as written, whatever site it is part of: links
//! without text, headings that skip a level, readability, and courses whose signup closed or
//! that finished.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::lix::readability_finding;
use crate::build::BuildOptions;
use crate::catalogue::{status, Status};
use crate::config::Project;
use crate::error::Diagnostic;
use crate::frontmatter::{Kind, Page};
use crate::messages;

/// A link of a body: its place (byte offset and length in the body), destination and text.
pub(super) struct BodyLink {
    pub offset: usize,
    pub len: usize,
    pub dest: String,
    pub text: String,
}

/// A heading of a body as written, and whether it is the body's first block.
struct BodyHeading {
    offset: usize,
    len: usize,
    level: u8,
    first_block: bool,
}

/// What one pass over a body finds: links, headings, and the prose as plain text (a line break
/// after every block and for every line break inside one, which the LIX sentence rule needs).
#[derive(Default)]
pub(super) struct BodyScan {
    pub links: Vec<BodyLink>,
    headings: Vec<BodyHeading>,
    prose: String,
}

pub(super) fn scan_body(body: &str) -> BodyScan {
    let mut scan = BodyScan::default();
    let mut link: Option<BodyLink> = None;
    let mut in_code_block = false;
    let mut in_image = 0usize;
    let mut seen_block = false;
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                let line = &body[range.clone()];
                let hashes = line.len() - line.trim_start_matches('#').len();
                scan.headings.push(BodyHeading {
                    offset: range.start,
                    len: if hashes > 0 { hashes } else { range.len() },
                    level: *level as u8,
                    first_block: !seen_block,
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some(BodyLink {
                    offset: range.start,
                    len: range.len(),
                    dest: dest_url.to_string(),
                    text: String::new(),
                });
            }
            Event::End(TagEnd::Link) => scan.links.extend(link.take()),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(t) | Event::Code(t) => {
                // An image's alt text names the link it stands in, but is not prose.
                if let Some(l) = &mut link {
                    l.text.push_str(t);
                }
                if !in_code_block && in_image == 0 {
                    scan.prose.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => scan.prose.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => scan.prose.push('\n'),
            _ => {}
        }
        if matches!(&event, Event::Start(tag) if crate::markdown::opens_block(tag, &body[range.clone()]))
        {
            seen_block = true;
        }
    }
    scan
}

/// The findings about one page that do not depend on the site it is part of.
pub(super) fn page_findings(
    page: &Page,
    project: &Project,
    opts: &BuildOptions,
    out: &mut Vec<Diagnostic>,
) {
    let scan = scan_body(page.body());
    let at = |d: Diagnostic, offset: usize, len: usize| page.at_body(d, offset, len);
    // Each kind of finding stops after as many as a page's build problems (placing one scans
    // the file from its start: thousands would take minutes and help nobody).
    let empty = scan.links.iter().filter(|l| l.text.trim().is_empty());
    for link in empty.take(crate::markdown::MAX_PROBLEMS) {
        {
            out.push(at(
                Diagnostic::warning("markdown.empty-link", &page.file, messages::empty_link())
                    .hint(messages::empty_link_hint()),
                link.offset,
                link.len,
            ));
        }
    }
    heading_findings(page, &scan.headings, out);
    if let Some(max) = project.max_lix {
        if matches!(page.kind, Kind::Course | Kind::Page) {
            readability_finding(page, &scan.prose, max, out);
        }
    }
    if let Some(course) = page.course() {
        course_findings(page, course, opts, out);
    }
}

fn hashes(level: u8) -> String {
    "#".repeat(level as usize)
}

/// Headings must go down one level at a time (WCAG's "info and relationships"): a screen reader's
/// outline otherwise shows a gap. The page title is the `#` heading; a `#` heading later in a body
/// is shown as `##` (the build warns about that), so it counts as level 2 here. The body is judged
/// as written, whatever sections a theme's template puts before it, so the verdict does not change
/// with the theme.
fn heading_findings(page: &Page, headings: &[BodyHeading], out: &mut Vec<Diagnostic>) {
    let mut previous = 1u8;
    let mut found = 0;
    for h in headings {
        if found == crate::markdown::MAX_PROBLEMS {
            break;
        }
        let level = match (h.level, h.first_block) {
            (1, true) => 1,
            (1, false) => 2,
            (l, _) => l,
        };
        if level > previous + 1 {
            found += 1;
            let after = if previous == 1 {
                messages::the_page_title()
            } else {
                messages::a_heading(hashes(previous))
            };
            let d = Diagnostic::warning(
                "markdown.heading-skip",
                &page.file,
                messages::heading_skip(hashes(level), after, previous + 1),
            );
            out.push(
                page.at_body(d, h.offset, h.len)
                    .hint(messages::heading_skip_hint(hashes(previous + 1))),
            );
        }
        previous = level;
    }
}

fn course_findings(
    page: &Page,
    course: &crate::frontmatter::Course,
    opts: &BuildOptions,
    out: &mut Vec<Diagnostic>,
) {
    match status(course, opts.today) {
        Status::Closed => {
            let deadline = course.signup.as_ref().and_then(|s| s.deadline);
            let (Some(deadline), Some(first)) = (deadline, course.schedule.first()) else {
                return;
            };
            out.push(
                page.diagnostic_at(
                    &["signup", "deadline"],
                    None,
                    Diagnostic::warning(
                        "course.signup-closed",
                        &page.file,
                        messages::signup_closed(deadline, first),
                    )
                    .hint(messages::signup_closed_hint()),
                ),
            );
        }
        // A finished term of a series stays: it keeps the series page (printed on flyers)
        // alive and is listed there as an earlier term.
        Status::Finished if page.rel.starts_with("kurser/") && course.series.is_none() => {
            let message = match course.schedule.last() {
                Some(last) => messages::course_finished_on(last),
                None => messages::course_finished(),
            };
            out.push(
                page.diagnostic_at(
                    &["schedule"],
                    None,
                    Diagnostic::warning("course.finished", &page.file, message)
                        .hint(messages::course_finished_hint()),
                ),
            );
        }
        _ => {}
    }
}
