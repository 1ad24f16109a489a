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
//! | `site.unreachable-page` | warning | a plain page that the site's menu does not name and no other page links to (`reach`) |
//!
//! The parts: `body` (links, headings, courses of one page as written), `lix` (readability),
//! `anchors` (fragments looked up in the rendered pages), `unused` (keys and files no site uses),
//! `reach` (plain pages nothing leads to).
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

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::build::{self, BuildOptions, BuildOutcome, Linked};
use crate::error::{normalize, Diagnostic, Error, Severity};
use crate::frontmatter::Page;
use crate::load;
use crate::messages::Language;

mod anchors;
mod body;
mod lix;
mod outside;
mod reach;
mod unused;

pub use anchors::element_ids;
pub use lix::{lix, Lix};

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
    let (linked, problems, _) = build::load_and_link(&all, &state)?;
    let Some(linked) = linked else {
        let mut findings = problems;
        normalize(&mut findings);
        return Ok(findings);
    };
    let content = opts.root.join("content");
    load::check_selection(&content, &linked.folders, &opts.sites)?;
    let selected = |slug: &str| opts.sites.is_empty() || opts.sites.iter().any(|s| s == slug);
    let several = (linked.sites.iter())
        .filter(|s| selected(&s.municipality.slug))
        .count()
        > 1;
    let outcome = build::render_linked(opts, &state, &linked, several, selected)?;
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
    message: String,
    hint: Option<String>,
}

/// The findings as the JSON array documented in the module comment, their `message` and `hint`
/// in `language` (the `code` is the same in every language).
pub fn to_json(findings: &[Diagnostic], language: Language) -> String {
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
            message: d.text(language),
            hint: d.hint_text(language),
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
                    body::page_findings(page, project, opts, &mut findings);
                    outside::links_leaving_the_book(site, page, &mut findings);
                }
            }
            if let Some(files) = outcome.site(&m.slug) {
                anchors::anchor_findings(site, files, &mut findings);
            }
            unused::unused_keys(site, &own_pages, &shared.pages, &mut findings);
            reach::unreachable_pages(site, &mut findings);
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
        unused::unused_files(&opts.root, shared, &uses, outcome, &mut findings);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_only_the_documented_keys() {
        let src: Arc<str> = Arc::from("a\nb\n");
        let d = Diagnostic::warning("x.y", "content/a.md", crate::messages::link_outside("m"))
            .at(&src, 2, 1)
            .span(1);
        let json = to_json(&[d], Language::En);
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
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
        assert_eq!(json[0]["message"], "`m` leads out of the site's folder");
    }
}
