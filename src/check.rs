//! `vejviser check`: every validation of `build`, without writing anything, plus findings that
//! only matter before publishing.
//!
//! In: the build options. Out: all findings, sorted (errors first) and deduplicated, so a shared
//! file that several sites see is reported once. Besides the build's own findings, `check` looks
//! for:
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `markdown.missing-anchor` | error | a `#fragment` that names no `id` in the target's rendered HTML (the build trusts fragments into the sections a template makes; `check` looks them up in the real page) |
//! | `markdown.empty-link` | warning | a link without text (`[](x.md)`, `[ ](x.md)`): a screen reader reads out only its address |
//! | `markdown.heading-skip` | warning | a body heading more than one level below the one before it; the page title is the `#` heading, so a body opening with `###` skips too |
//! | `readability.lix` | warning | a citizen-facing page (course or plain page) whose [LIX score](lix) is above `readability.max_lix` of `vejviser.yaml` |
//! | `course.signup-closed` | warning | the signup deadline has passed (on `--today`), but the course has not started |
//! | `course.finished` | warning | the course's last meeting is past, and it is still in `kurser/` |
//! | `content.unused` | warning | a file of `content/` that no site uses |
//! | `site.unused-location`, `site.unused-contact` | warning | a key of `_site.yaml`'s `locations:`/`contacts:` that no course of the site names |
//!
//! Decisions, for the next reader:
//! - Drafts are never "unused": they are held back on purpose. A location or contact that only a
//!   draft course names counts as used.
//! - Unused files are only looked for when the project loads and builds without errors: a page
//!   that failed to parse links to nothing, and a site whose `_site.yaml` failed uses nothing,
//!   which would make used files look unused. With `--site`, the other sites still count as users
//!   of shared files (the question is about the project), but only the chosen sites' own files
//!   are reported; files that are not pages (images, PDFs) are only judged when every site was
//!   built.
//! - Headings are judged on the body as written, not on the outline a theme's template makes
//!   around it.
//! - Readability is only scored when `vejviser.yaml` sets `readability: { max_lix: … }`.
//!
//! # JSON format
//!
//! `check --format json` prints [`to_json`]: one array, in the order of the human report, of
//! objects with exactly these keys (no others):
//!
//! ```json
//! [
//!   {
//!     "severity": "warning",
//!     "code": "markdown.empty-link",
//!     "file": "content/roskilde/om.md",
//!     "line": 7,
//!     "column": 5,
//!     "message": "the link has no text",
//!     "hint": "write what the link leads to between the brackets: …"
//!   }
//! ]
//! ```
//!
//! - `severity`: `"error"` or `"warning"`.
//! - `code`: a stable, dotted code; the codes above and the build's own (`frontmatter.*`,
//!   `markdown.*`, `course.*`, `site.*`, …).
//! - `file`: relative to the project root, `/`-separated.
//! - `line`, `column`: 1-based, in the file's own coordinates (columns count characters); `0` when
//!   the finding is about the whole file (then `column` is `0` too).
//! - `message`: one line; `hint`: how to fix it, or `null`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::build::{self, BuildOptions, BuildOutcome, Linked};
use crate::catalogue::{status, Status};
use crate::config::Project;
use crate::error::{normalize, Diagnostic, Error, Severity};
use crate::frontmatter::{Kind, Page};
use crate::load;
use crate::site::links::{self, Target};
use crate::site::Site;
use crate::slug::percent_decode;

/// Runs every check on the project. Content problems are findings; `Err` is for usage problems.
pub fn run(opts: &BuildOptions) -> Result<Vec<Diagnostic>, Error> {
    // Every site is loaded and linked, not only `--site` ones: whether a shared file is used is
    // a question about the whole project. Only the selected sites are rendered and reported on;
    // the problems of the others are not reported, but any of them makes "unused" unreliable.
    let all = BuildOptions {
        sites: Vec::new(),
        ..opts.clone()
    };
    let state = build::BuildState::default();
    let (linked, problems, _) = build::load_and_link(&all, &state, &[])?;
    let Some(linked) = linked else {
        let mut findings = problems;
        normalize(&mut findings);
        return Ok(findings);
    };
    let content = opts.root.join("content");
    load::check_selection(&content, &linked.folders, &opts.sites)?;
    let selected = |slug: &str| opts.sites.is_empty() || opts.sites.iter().any(|s| s == slug);
    let outcome = build::render_linked(opts, &state, &linked, selected)?;
    let sound = outcome.errors() == 0
        && !problems
            .iter()
            .chain(linked.problems.iter().flatten())
            .any(Diagnostic::is_error);
    let others: Vec<PathBuf> = linked
        .folders
        .iter()
        .filter(|slug| !selected(slug))
        .map(|slug| PathBuf::from("content").join(slug))
        .collect();
    let mut findings = project_findings(&linked, &outcome, opts, sound);
    findings.extend(
        problems
            .into_iter()
            .filter(|d| !others.iter().any(|dir| d.file.starts_with(dir))),
    );
    for (site, found) in linked.sites.iter().zip(&linked.problems) {
        if selected(&site.municipality.slug) {
            findings.extend(found.iter().cloned());
        }
    }
    findings.extend(outcome.diagnostics);
    normalize(&mut findings);
    Ok(findings)
}

/// One finding in the documented JSON shape; a separate struct so that no other field of
/// [`Diagnostic`] can ever leak into the output.
#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: Severity,
    code: &'a str,
    file: String,
    line: usize,
    column: usize,
    message: &'a str,
    hint: Option<&'a str>,
}

/// The findings as the JSON array documented in the module comment.
pub fn to_json(findings: &[Diagnostic]) -> String {
    let rows: Vec<JsonFinding> = findings
        .iter()
        .map(|d| JsonFinding {
            severity: d.severity,
            code: d.code,
            file: d
                .file
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            line: d.line,
            column: if d.line == 0 { 0 } else { d.column },
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
}

/// What one site makes of the content, for deciding which files no site uses.
struct SiteUse {
    slug: String,
    name: String,
    selected: bool,
    exclude: Vec<String>,
    manuals: Option<Vec<String>>,
    /// Content-relative paths of the site folder's own pages (parsed or not).
    own_pages: BTreeMap<String, Option<Arc<Page>>>,
    /// Content-relative paths of the site folder's other files.
    own_assets: Vec<String>,
    /// The logo and the icon, which `_site.yaml` names (paths relative to the site folder).
    named_files: Vec<String>,
    left_out: HashSet<String>,
}

fn project_findings(
    linked: &Linked,
    outcome: &BuildOutcome,
    opts: &BuildOptions,
    sound: bool,
) -> Vec<Diagnostic> {
    let Linked {
        project,
        shared,
        sites,
        ..
    } = linked;
    let mut findings = Vec::new();
    let mut checked_files: HashSet<PathBuf> = HashSet::new();
    let mut uses = Vec::new();
    for site in sites {
        let m = &site.municipality;
        let selected = opts.sites.is_empty() || opts.sites.contains(&m.slug);
        let mut own_pages: BTreeMap<String, Option<Arc<Page>>> = site
            .own
            .pages
            .iter()
            .map(|(rel, p)| (rel.clone(), Some(p.clone())))
            .collect();
        own_pages.extend(site.own.failed.iter().map(|rel| (rel.clone(), None)));
        let own_assets: Vec<String> = site.own.assets.keys().cloned().collect();
        if selected {
            let pages = site
                .pages
                .iter()
                .map(|sp| &sp.page)
                .chain(site.intros.values());
            for page in pages {
                if checked_files.insert(page.file.clone()) {
                    page_findings(page, project, opts, &mut findings);
                }
            }
            if let Some(files) = outcome.site(&m.slug) {
                anchor_findings(site, files, &mut findings);
            }
            unused_keys(site, &own_pages, &shared.pages, &mut findings);
        }
        uses.push(SiteUse {
            slug: m.slug.clone(),
            name: m.name.clone(),
            selected,
            exclude: m.exclude.clone(),
            manuals: m.manuals.clone(),
            own_pages,
            own_assets,
            named_files: m.logo.iter().chain(&m.favicon).cloned().collect(),
            left_out: site.left_out.clone(),
        });
    }
    if sound && !uses.is_empty() {
        unused_files(shared, &uses, outcome, &mut findings);
    }
    findings
}

// ---------------------------------------------------------------------------------------------
// Page bodies: links, headings, readability, courses

/// A link of a body: its place (byte offset and length in the body), destination and text.
struct BodyLink {
    offset: usize,
    len: usize,
    dest: String,
    text: String,
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
struct BodyScan {
    links: Vec<BodyLink>,
    headings: Vec<BodyHeading>,
    prose: String,
}

fn scan_body(body: &str) -> BodyScan {
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
        if matches!(&event, Event::Start(tag) if crate::markdown::is_block(tag)) {
            seen_block = true;
        }
    }
    scan
}

/// The findings about one page that do not depend on the site it is part of.
fn page_findings(page: &Page, project: &Project, opts: &BuildOptions, out: &mut Vec<Diagnostic>) {
    let scan = scan_body(page.body());
    let at = |d: Diagnostic, offset: usize, len: usize| {
        d.at_offset(&page.text, page.body_offset + offset, len)
    };
    // Each kind of finding stops after as many as a page's build problems (placing one scans
    // the file from its start: thousands would take minutes and help nobody).
    let empty = scan.links.iter().filter(|l| l.text.trim().is_empty());
    for link in empty.take(crate::markdown::MAX_PROBLEMS) {
        {
            out.push(at(
                Diagnostic::warning("markdown.empty-link", &page.file, "the link has no text")
                    .hint("screen readers read out only the address of a link without text: write what the link leads to between the brackets, e.g. [Læs om tilmelding](praktisk.md)"),
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
                "the page title (`#`)".to_string()
            } else {
                format!("a `{}` heading", hashes(previous))
            };
            out.push(
                Diagnostic::warning(
                    "markdown.heading-skip",
                    &page.file,
                    format!(
                        "this `{}` heading follows {after}: level {} is skipped",
                        hashes(level),
                        previous + 1
                    ),
                )
                .at_offset(&page.text, page.body_offset + h.offset, h.len)
                .hint(format!(
                    "use `{}` here (or add the missing level above it), so the page's outline has no gaps for screen-reader users",
                    hashes(previous + 1)
                )),
            );
        }
        previous = level;
    }
}

// ---------------------------------------------------------------------------------------------
// Readability

/// A text's LIX score, and what it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Lix {
    pub score: f64,
    pub words: usize,
    pub long_words: usize,
    /// The sentences, whitespace collapsed, with their number of words.
    pub sentences: Vec<(String, usize)>,
}

/// The LIX score (*læsbarhedsindeks*, Björnsson's readability index, the one Danish public
/// writing is measured with) of `text`:
///
/// ```text
/// LIX = words / sentences + 100 × long words / words
/// ```
///
/// - **Words** are the words of Unicode word segmentation (UAX #29), so `10.30` and `caféen` are
///   one word each and `ABC-forløb` is two.
/// - **Long words** have more than 6 letters (digits do not count as letters).
/// - **Sentences** end at `.`, `:`, `!` or `?` (a run such as `?!` or `...` ends one sentence), or
///   at a line break followed by a capital letter (a heading, a list item, a new paragraph). A `.`
///   or `:` between two digits (`10.30`, `10:00`) ends nothing. Sentences without words do not
///   count.
///
/// Below 25 is very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55 and above very hard. `None`
/// for a text without words.
pub fn lix(text: &str) -> Option<Lix> {
    let sentences: Vec<(String, usize)> = split_sentences(text)
        .into_iter()
        .map(|s| {
            let words = s.unicode_words().count();
            (s, words)
        })
        .filter(|(_, words)| *words > 0)
        .collect();
    let words: usize = sentences.iter().map(|(_, w)| w).sum();
    if words == 0 {
        return None;
    }
    let long_words = text
        .unicode_words()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 6)
        .count();
    let score = words as f64 / sentences.len() as f64 + 100.0 * long_words as f64 / words as f64;
    Some(Lix {
        score,
        words,
        long_words,
        sentences,
    })
}

/// Splits text into sentences by the LIX rules of [`lix`]; whitespace in each is collapsed.
fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut current = String::new();
    let mut finish = |current: &mut String| {
        let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !s.is_empty() {
            sentences.push(s);
        }
        current.clear();
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '.' | ':' | '!' | '?' => {
                let between_digits = matches!(c, '.' | ':')
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                current.push(c);
                if !between_digits {
                    while let Some(&next) = chars.get(i + 1) {
                        if matches!(next, '.' | ':' | '!' | '?' | '"' | '»' | '”' | ')') {
                            current.push(next);
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    finish(&mut current);
                }
            }
            '\n' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if next.is_some_and(|c| c.is_uppercase()) {
                    finish(&mut current);
                } else {
                    current.push(' ');
                }
            }
            c => current.push(c),
        }
        i += 1;
    }
    finish(&mut current);
    sentences
}

fn readability_finding(page: &Page, prose: &str, max: f64, out: &mut Vec<Diagnostic>) {
    let text = match page.course().and_then(|c| c.summary.as_deref()) {
        Some(summary) => format!("{summary}\n{prose}"),
        None => prose.to_string(),
    };
    let Some(lix) = lix(&text) else { return };
    if lix.score <= max {
        return;
    }
    let mut longest: Vec<&(String, usize)> = lix.sentences.iter().collect();
    // Stable: of sentences equally long, the first in the text comes first.
    longest.sort_by_key(|s| std::cmp::Reverse(s.1));
    let quoted: Vec<String> = longest
        .iter()
        .take(3)
        .map(|(s, words)| format!("“{}” ({words} words)", shorten(s, 90)))
        .collect();
    out.push(
        Diagnostic::warning(
            "readability.lix",
            &page.file,
            format!(
                "“{}” is hard to read: LIX {:.1}, above the limit of {} (readability.max_lix in vejviser.yaml)",
                page.common.title,
                lix.score,
                format_limit(max)
            ),
        )
        .at(&page.text, 1, 1)
        .hint(format!(
            "shorter sentences and shorter words lower the score; the longest sentences are: {}",
            quoted.join("; ")
        )),
    );
}

fn format_limit(max: f64) -> String {
    if max.fract() == 0.0 {
        format!("{max:.0}")
    } else {
        format!("{max}")
    }
}

fn shorten(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        s.to_string()
    } else {
        // Cut at a space, so no word is shown half.
        let cut: String = s.chars().take(chars).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([' ', ',']))
    }
}

// ---------------------------------------------------------------------------------------------
// Courses

fn course_findings(
    page: &Page,
    course: &crate::frontmatter::Course,
    opts: &BuildOptions,
    out: &mut Vec<Diagnostic>,
) {
    let meetings = &course.schedule.meetings;
    match status(course, opts.today) {
        Status::Closed => {
            let deadline = course.signup.as_ref().and_then(|s| s.deadline);
            let (Some(deadline), Some(first)) = (deadline, meetings.first()) else {
                return;
            };
            out.push(page.diagnostic_at(
                &["signup", "deadline"],
                None,
                Diagnostic::warning(
                    "course.signup-closed",
                    &page.file,
                    format!(
                        "the signup deadline {deadline} has passed, but the course does not start until {first}"
                    ),
                )
                .hint("the course page shows \"Tilmelding lukket\" (signup closed): set a later `deadline` if citizens can still sign up, or archive the course if it will not run"),
            ));
        }
        Status::Finished if page.rel.starts_with("kurser/") => {
            let last = meetings
                .last()
                .map(|d| format!(" (the last meeting was {d})"))
                .unwrap_or_default();
            out.push(page.diagnostic_at(
                &["schedule"],
                None,
                Diagnostic::warning(
                    "course.finished",
                    &page.file,
                    format!("the course has finished{last} but is still in kurser/"),
                )
                .hint("move the file out of kurser/ or delete it; until then the course is shown only in the archive (kurser/tidligere/)"),
            ));
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Anchors

/// Checks every `#fragment` the build could not check itself: into pages whose template makes
/// the sections (a course's practical information, a session's agenda), into generated pages,
/// and through links to site paths (`../kurser/#…`). The ids are read from the rendered page.
fn anchor_findings(site: &Site, files: &crate::output::SiteFiles, out: &mut Vec<Diagnostic>) {
    let mut ids_of: HashMap<String, Option<Vec<(String, String)>>> = HashMap::new();
    for (index, sp) in site.pages.iter().enumerate() {
        let page = &sp.page;
        for link in scan_body(page.body()).links {
            let Some((_, fragment)) = link.dest.split_once('#') else {
                continue;
            };
            if fragment.is_empty() {
                continue;
            }
            // A link the build refused is reported by the build.
            let Ok((target, _)) = links::resolve(site, page, &link.dest, false) else {
                continue;
            };
            let Some((output, shown)) = anchor_target(site, index, target) else {
                continue;
            };
            let Some(ids) = ids_of
                .entry(output.clone())
                .or_insert_with(|| files.text(&output).map(element_ids))
            else {
                continue;
            };
            let decoded = percent_decode(fragment);
            if ids.iter().any(|(_, id)| *id == decoded || id == fragment) {
                continue;
            }
            let mut sections: Vec<&str> = ids
                .iter()
                .filter(|(tag, _)| matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
                .map(|(_, id)| id.as_str())
                .collect();
            if sections.is_empty() {
                sections = ids.iter().map(|(_, id)| id.as_str()).collect();
            }
            let hint = if sections.is_empty() {
                "the page has no ids to link to: link to the page without `#…`".to_string()
            } else {
                format!(
                    "the page's sections are: {}",
                    crate::error::id_list(sections.iter().copied(), 20)
                )
            };
            out.push(
                Diagnostic::error(
                    "markdown.missing-anchor",
                    &page.file,
                    format!("{shown} has no element with the id `#{fragment}`"),
                )
                .at_offset(&page.text, page.body_offset + link.offset, link.len)
                .hint(hint),
            );
        }
    }
}

/// The rendered file a link's fragment is looked up in, and how to name it, when the build did
/// not check the fragment itself (see [`links::checks_fragments`]).
fn anchor_target(site: &Site, from: usize, target: Target) -> Option<(String, String)> {
    let page = |i: usize| {
        let sp = site.page(i);
        (
            format!("{}index.html", sp.path),
            sp.page.file.display().to_string(),
        )
    };
    let generated = |g: &str| (format!("{g}index.html"), format!("the generated page /{g}"));
    match target {
        Target::Here { .. } => {
            (!links::checks_fragments(&site.page(from).page)).then(|| page(from))
        }
        Target::Page { index, .. } => {
            (!links::checks_fragments(&site.page(index).page)).then(|| page(index))
        }
        Target::Path { index: Some(i), .. } => Some(page(i)),
        Target::Path { path, index: None } => Some(generated(&path)),
        Target::Generated { path } => Some(generated(path)),
        Target::Keep | Target::Asset { .. } => None,
    }
}

/// The `(element name, id)` of every element of an HTML page with an `id` attribute, quoted or
/// not (raw HTML in Markdown may leave them out). A small scan of the tags rather than a parser:
/// the pages are our own output, and only their ids matter.
pub fn element_ids(html: &str) -> Vec<(String, String)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let start = i + found + 1;
        if html[start..].starts_with("!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_len = html[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(html.len() - start);
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            i = start;
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let mut j = start + name_len;
        // Attributes, up to the tag's `>`.
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() {
                break;
            }
            if bytes[j] == b'>' {
                j += 1;
                break;
            }
            let attr_start = j;
            while j < bytes.len() && !(bytes[j].is_ascii_whitespace() || b"=>/".contains(&bytes[j]))
            {
                j += 1;
            }
            let attr = &html[attr_start..j];
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                let (value, next) = match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[j + 1..]
                            .find(q as char)
                            .map_or(html.len(), |e| j + 1 + e);
                        (&html[(j + 1).min(end)..end], (end + 1).min(html.len()))
                    }
                    _ => {
                        let end = html[j..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |e| j + e);
                        (&html[j..end], end)
                    }
                };
                if attr.eq_ignore_ascii_case("id") && !value.is_empty() {
                    out.push((name.clone(), value.replace("&amp;", "&")));
                }
                j = next;
            } else if j == attr_start {
                j += 1;
            }
        }
        i = j.min(html.len());
        // The text of scripts and styles is not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..].find(&close).map_or(html.len(), |e| i + e);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Unused locations, contacts and files

/// Keys of `locations:` and `contacts:` that no course of the site names. Draft courses count as
/// users: they are on their way.
fn unused_keys(
    site: &Site,
    own_pages: &BTreeMap<String, Option<Arc<Page>>>,
    shared: &BTreeMap<String, Arc<Page>>,
    out: &mut Vec<Diagnostic>,
) {
    let m = &site.municipality;
    let mut courses: Vec<&crate::frontmatter::Course> = site
        .courses()
        .filter_map(|(_, sp)| sp.page.course())
        .collect();
    for rel in &site.left_out {
        let page = match own_pages.get(rel) {
            Some(own) => own.as_ref(),
            None => shared.get(rel),
        };
        if let Some(page) = page.filter(|p| p.common.draft) {
            courses.extend(page.course());
        }
    }
    let used_locations: HashSet<&str> = courses
        .iter()
        .filter_map(|c| c.location.as_deref())
        .collect();
    let used_contacts: HashSet<&str> = courses
        .iter()
        .filter_map(|c| c.contact.as_deref())
        .collect();
    let sections = [
        (
            "locations",
            "location",
            "site.unused-location",
            m.locations.keys().collect::<Vec<_>>(),
            &used_locations,
        ),
        (
            "contacts",
            "contact",
            "site.unused-contact",
            m.contacts.keys().collect(),
            &used_contacts,
        ),
    ];
    for (section, field, code, keys, used) in sections {
        for key in keys {
            if used.contains(key.as_str()) {
                continue;
            }
            let mut d = Diagnostic::warning(
                code,
                &m.file,
                format!("no course of {} uses the {field} `{key}`", m.name),
            )
            .hint(format!(
                "remove it from `{section}:`, or name it in a course's front matter: `{field}: {key}`"
            ));
            if let Some(place) = crate::locate::key(&m.text, &[section, key]) {
                d = d.at_offset(&m.text, place.offset, place.len);
            }
            out.push(d);
        }
    }
}

/// Why a site does not use the file at `rel`.
fn reason(site: &SiteUse, rel: &str, own_version: bool) -> String {
    if own_version {
        return format!(
            "{} has its own version in content/{}/",
            site.name, site.slug
        );
    }
    if site
        .exclude
        .iter()
        .any(|e| e.trim_start_matches("./") == rel)
    {
        return format!(
            "{} excludes it in content/{}/_site.yaml",
            site.name, site.slug
        );
    }
    if let (Some(manual), Some(_)) = (load::manual_dir(rel), &site.manuals) {
        let name = manual.trim_start_matches("manualer/");
        return format!("{} does not take the manual `{name}`", site.name);
    }
    format!("{} does not include it", site.name)
}

/// Files of `content/` that no site uses: shared pages every site excludes, replaces or does not
/// take (a manual left out), a site's own pages it excludes, and files no page links to.
fn unused_files(
    shared: &crate::load::Layer,
    uses: &[SiteUse],
    outcome: &BuildOutcome,
    out: &mut Vec<Diagnostic>,
) {
    let unused = |page: &Page, reasons: Vec<String>| {
        Diagnostic::warning("content.unused", &page.file, "no site uses this page")
            .at(&page.text, 1, 1)
            .hint(format!(
                "delete the file, or include it in a site ({})",
                reasons.join("; ")
            ))
    };
    for (rel, page) in &shared.pages {
        if page.common.draft {
            continue;
        }
        let own = |u: &SiteUse| u.own_pages.contains_key(rel);
        if uses.iter().all(|u| own(u) || u.left_out.contains(rel)) {
            out.push(unused(
                page,
                uses.iter().map(|u| reason(u, rel, own(u))).collect(),
            ));
        }
    }
    for u in uses.iter().filter(|u| u.selected) {
        for (rel, page) in &u.own_pages {
            let Some(page) = page else { continue };
            if !page.common.draft && u.left_out.contains(rel) {
                out.push(unused(page, vec![reason(u, rel, false)]));
            }
        }
    }

    // Images and other files are used when a page links to them: the build copies exactly those
    // into the site. Only judged when every site was built.
    let built: Option<Vec<&crate::output::SiteFiles>> =
        uses.iter().map(|u| outcome.site(&u.slug)).collect();
    let Some(built) = built else { return };
    let copied = |files: &crate::output::SiteFiles, rel: &str| files.files.contains_key(rel);
    let unused_file = |file: PathBuf| {
        Diagnostic::warning("content.unused", file, "no page links to this file")
            .hint("delete the file, or link to it from a page, e.g. [Hent programmet](program.pdf)")
    };
    for rel in shared.assets.keys() {
        let used = uses
            .iter()
            .zip(&built)
            .any(|(u, files)| !u.own_assets.contains(rel) && copied(files, rel));
        if !used {
            out.push(unused_file(PathBuf::from(format!("content/_shared/{rel}"))));
        }
    }
    for (u, files) in uses.iter().zip(&built) {
        if !u.selected {
            continue;
        }
        for rel in &u.own_assets {
            if u.named_files
                .iter()
                .any(|f| f.trim_start_matches("./") == rel)
                || copied(files, rel)
            {
                continue;
            }
            out.push(unused_file(PathBuf::from(format!(
                "content/{}/{rel}",
                u.slug
            ))));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lix_of_a_known_text() {
        // Sentences: "Vi mødes hver tirsdag 10.30 i caféen." (7 words; long: tirsdag),
        // "Gruppen taler sammen om hverdagen" (5; ended by the capital after the line break;
        // long: Gruppen, hverdagen), "Der er kaffe:" (3), "alle er velkomne!" (3; velkomne).
        // 18 words, 4 sentences, 4 long words: 18/4 + 100·4/18 = 4.5 + 22.22… = 26.72…
        let text = "Vi mødes hver tirsdag 10.30 i caféen. Gruppen taler sammen om hverdagen\nDer er kaffe: alle er velkomne!";
        let lix = lix(text).unwrap();
        assert_eq!(lix.words, 18);
        assert_eq!(lix.long_words, 4);
        let sentences: Vec<&str> = lix.sentences.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            sentences,
            [
                "Vi mødes hver tirsdag 10.30 i caféen.",
                "Gruppen taler sammen om hverdagen",
                "Der er kaffe:",
                "alle er velkomne!"
            ]
        );
        assert!((lix.score - (18.0 / 4.0 + 100.0 * 4.0 / 18.0)).abs() < 1e-9);
        assert_eq!(format!("{:.1}", lix.score), "26.7");
    }

    #[test]
    fn lix_sentence_rules() {
        // A run of marks ends one sentence; a lower-case letter after a line break goes on.
        // `10:00` is two words by UAX #29 (`:` joins letters, not digits), but ends no sentence.
        let lix = lix("Hvad?! Tja... nej\nog så videre\nKl. 10:00").unwrap();
        let sentences: Vec<&str> = lix.sentences.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            sentences,
            ["Hvad?!", "Tja...", "nej og så videre", "Kl.", "10:00"]
        );
        assert_eq!(lix.words, 9);
        assert_eq!(lix.score, 9.0 / 5.0);
        assert!(super::lix("  ... \n").is_none());
    }

    #[test]
    fn ids_are_found_quoted_and_unquoted() {
        let html = r#"<!doctype html><h2 id=kursus-sted>Sted</h2><p id="a b">x</p><!-- <i id=nej> --><script>let s = "<b id=nej>";</script><section class=x id='tre'><input id=fire/>"#;
        let ids = element_ids(html);
        assert_eq!(
            ids,
            [
                ("h2".to_string(), "kursus-sted".to_string()),
                ("p".to_string(), "a b".to_string()),
                ("section".to_string(), "tre".to_string()),
                ("input".to_string(), "fire/".to_string()),
            ]
        );
    }

    #[test]
    fn json_has_only_the_documented_keys() {
        let src: Arc<str> = Arc::from("a\nb\n");
        let d = Diagnostic::warning("x.y", "content/a.md", "m")
            .at(&src, 2, 1)
            .span(1);
        let json: serde_json::Value = serde_json::from_str(&to_json(&[d])).unwrap();
        let keys: Vec<&str> = json[0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["code", "column", "file", "hint", "line", "message", "severity"]
        );
        assert_eq!(json[0]["hint"], serde_json::Value::Null);
    }
}
