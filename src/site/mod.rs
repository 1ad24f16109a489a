//! Link: one municipality's site as a graph — the shared layer overlaid with the site's own
//! files, drafts and exclusions removed, every page given its URL, and every reference between
//! pages (exercise slugs, locations, contacts) resolved into ids.
//!
//! In: the loaded layers. Out: a [`Site`] whose pages are plain structs linked by index, ready for
//! rendering, plus the problems found. Nothing here touches the disk.

pub mod courses;
pub mod links;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Municipality;
use crate::error::suggest;
use crate::error::Diagnostic;
use crate::frontmatter::{Details, Kind, Page};
use crate::load::{Layer, SiteSource};
use crate::slug::{slugify, strip_order_prefix};

/// Site paths of the pages vejviser generates for every site.
pub const FRONT_PATH: &str = "";
pub const CATALOGUE_PATH: &str = "kurser/";
pub const MANUALS_PATH: &str = "manualer/";
pub const SEARCH_PATH: &str = "sog/";
/// Redirects to the site's accessibility statement (the short address Danish rules name).
pub const WAS_PATH: &str = "was/";
pub const GENERATED_PATHS: [&str; 5] = [
    FRONT_PATH,
    CATALOGUE_PATH,
    MANUALS_PATH,
    SEARCH_PATH,
    WAS_PATH,
];

/// A page as part of one site.
#[derive(Debug, Clone)]
pub struct SitePage {
    pub page: Arc<Page>,
    /// The site path, a folder ending in `/` (`"kurser/skrivevaerksted/"`).
    pub path: String,
    /// Index into [`Site::manuals`] for pages inside a manual.
    pub manual: Option<usize>,
}

/// A manual with its parts in reading order, by index into [`Site::pages`].
#[derive(Debug, Clone, Default)]
pub struct Manual {
    /// The manual's folder name (`abc`), as named in `_site.yaml`'s `manuals:`.
    pub name: String,
    /// Its `_index.md`.
    pub front: usize,
    /// Chapters in reading order, with their nesting depth (before `order_chapters`, in file
    /// order).
    pub chapters: Vec<(usize, usize)>,
    /// The table of contents: chapters in order, with the part titles, separators and draft
    /// chapters of a `SUMMARY.md`.
    pub contents: Vec<TocEntry>,
    /// Session plans by number.
    pub sessions: Vec<usize>,
    pub exercises: Vec<usize>,
    /// For each session (page index): its exercise sheets.
    pub session_exercises: HashMap<usize, Vec<usize>>,
    /// For each exercise sheet (page index): the sessions that use it, by number.
    pub used_in: HashMap<usize, Vec<usize>>,
}

/// One line of a manual's table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TocEntry {
    Chapter {
        page: usize,
        depth: usize,
        number: Option<String>,
    },
    /// A chapter that is announced but not written yet (`[Titel]()` in SUMMARY.md).
    Draft {
        title: String,
        depth: usize,
        number: Option<String>,
    },
    Part {
        title: String,
    },
    Separator,
}

/// One municipality's linked site.
#[derive(Debug)]
pub struct Site {
    pub municipality: Municipality,
    /// Sorted by site path.
    pub pages: Vec<SitePage>,
    pub by_rel: HashMap<String, usize>,
    pub by_path: HashMap<String, usize>,
    pub manuals: Vec<Manual>,
    /// Pages whose `_index.md` supplies the intro of a generated page, by generated path.
    pub intros: HashMap<&'static str, Arc<Page>>,
    /// Files other than pages, by content-relative path (local overriding shared).
    pub assets: BTreeMap<String, PathBuf>,
    /// Relative paths that exist in the content but failed to parse: links to them are not
    /// reported again.
    pub failed: HashSet<String>,
    /// Relative paths that exist in the content but are not part of this site.
    pub left_out: HashSet<String>,
    pub theme_dir: Option<PathBuf>,
    pub dir: PathBuf,
    /// The site folder's own files as loaded, before the overlay (`check` asks which are used).
    pub own: Layer,
}

impl Site {
    pub fn page(&self, index: usize) -> &SitePage {
        &self.pages[index]
    }

    pub fn courses(&self) -> impl Iterator<Item = (usize, &SitePage)> {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.page.kind == Kind::Course)
    }
}

/// The site path of a content file: folders slugified, the file name without its `01-` prefix,
/// `_index.md` standing for its folder.
pub fn site_path(rel: &str, slug: Option<&str>) -> String {
    let mut parts: Vec<&str> = rel.split('/').collect();
    let file = parts.pop().unwrap_or("");
    let mut path = String::new();
    for dir in parts {
        let s = slugify(strip_order_prefix(dir).1);
        path.push_str(if s.is_empty() { "x" } else { &s });
        path.push('/');
    }
    if file == "_index.md" {
        return path;
    }
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let name = match slug {
        Some(s) => s.to_string(),
        None => {
            let s = slugify(strip_order_prefix(stem).1);
            if s.is_empty() {
                "side".to_string()
            } else {
                s
            }
        }
    };
    path.push_str(&name);
    path.push('/');
    path
}

/// What a generated page at `path` is, when a content page may not take that path. (The
/// site's own generated pages are handled apart: an `_index.md` there is their intro.)
fn reserved_by(path: &str) -> Option<&'static str> {
    let manual_print = path
        .strip_prefix("manualer/")
        .and_then(|p| p.strip_suffix("/print/"))
        .is_some_and(|m| !m.contains('/'));
    if manual_print {
        Some("the manual's print page")
    } else if crate::catalogue::is_catalogue_path(path) {
        Some("the course catalogue")
    } else {
        None
    }
}

/// Links one municipality's site from the shared layer and its own.
pub fn link(source: SiteSource, shared: &Layer, drafts: bool) -> (Site, Vec<Diagnostic>) {
    let SiteSource {
        municipality,
        layer,
        theme_dir,
        dir,
    } = source;
    let mut diags = Vec::new();

    // Overlay: local files replace shared ones at the same relative path.
    let mut files: BTreeMap<String, Arc<Page>> = shared.pages.clone();
    for (rel, page) in &layer.pages {
        files.insert(rel.clone(), page.clone());
    }
    let mut failed: HashSet<String> = shared.failed.iter().chain(&layer.failed).cloned().collect();
    // A local file that parsed replaces a shared one that failed, and the other way round.
    for rel in &layer.failed {
        files.remove(rel);
    }
    for rel in files.keys() {
        failed.remove(rel);
    }
    let mut assets = shared.assets.clone();
    assets.extend(layer.assets.iter().map(|(k, v)| (k.clone(), v.clone())));

    let mut left_out = HashSet::new();
    for (i, rel) in municipality.exclude.iter().enumerate() {
        let rel = rel.trim_start_matches("./");
        if files.remove(rel).is_some() || failed.remove(rel) {
            left_out.insert(rel.to_string());
        } else {
            let _ = i;
            diags.push(municipality.diagnostic_at(
                &["exclude"],
                Some(rel),
                Diagnostic::error("site.exclude", &municipality.file, format!("`exclude` names `{rel}`, which does not exist"))
                    .hint("give the path relative to content/_shared/ (or the site folder), e.g. `kurser/gammelt-kursus.md`"),
            ));
        }
    }

    // Manuals this site takes.
    let manual_names: Vec<String> = files
        .keys()
        .filter_map(|rel| {
            let rest = rel.strip_prefix("manualer/")?;
            let (name, file) = rest.split_once('/')?;
            (file == "_index.md").then(|| name.to_string())
        })
        .collect();
    if let Some(wanted) = &municipality.manuals {
        for name in wanted {
            if !manual_names.contains(name) {
                diags.push(
                    municipality.diagnostic_at(
                        &["manuals"],
                        Some(name),
                        Diagnostic::error(
                            "site.unknown-manual",
                            &municipality.file,
                            format!("there is no manual `{name}`"),
                        )
                        .hint(format!("the manuals are: {}", manual_names.join(", "))),
                    ),
                );
            }
        }
        files.retain(|rel, _| {
            let keep = match rel
                .strip_prefix("manualer/")
                .and_then(|r| r.split_once('/'))
            {
                Some((name, _)) => wanted.iter().any(|w| w == name),
                None => true,
            };
            if !keep {
                left_out.insert(rel.clone());
            }
            keep
        });
    }
    if !drafts {
        files.retain(|rel, page| {
            if page.common.draft {
                left_out.insert(rel.clone());
            }
            !page.common.draft
        });
    }

    // URLs, and the `_index.md` intros of generated pages.
    let mut pages = Vec::new();
    let mut intros = HashMap::new();
    let mut claimed: HashMap<String, PathBuf> = HashMap::new();
    for (rel, page) in files {
        let path = site_path(&rel, page.common.slug.as_deref());
        if let Some(user) = reserved_by(&path) {
            diags.push(
                Diagnostic::error(
                    "site.reserved-url",
                    &page.file,
                    format!("this page would be written to /{path}, which {user} uses"),
                )
                .at(&page.text, 1, 1)
                .hint("rename the file or give it another `slug:`"),
            );
            continue;
        }
        if let Some(generated) = GENERATED_PATHS.iter().find(|g| **g == path) {
            if rel.ends_with("_index.md") && page.kind == Kind::Page {
                intros.insert(*generated, page);
                continue;
            }
            diags.push(
                Diagnostic::error(
                    "site.reserved-url",
                    &page.file,
                    format!(
                        "this page would be written to /{path}, where the site's generated page is"
                    ),
                )
                .at(&page.text, 1, 1)
                .hint("rename the file or give it another `slug:`"),
            );
            continue;
        }
        if let Some(other) = claimed.get(&path) {
            diags.push(
                Diagnostic::error(
                    "site.duplicate-url",
                    &page.file,
                    format!(
                        "this page and {} would both be written to /{path}",
                        other.display()
                    ),
                )
                .at(&page.text, 1, 1)
                .hint("rename one of the files or give one of them another `slug:`"),
            );
            continue;
        }
        claimed.insert(path.clone(), page.file.clone());
        pages.push(SitePage {
            page,
            path,
            manual: None,
        });
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let by_rel: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.page.rel.clone(), i))
        .collect();
    let by_path: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.clone(), i))
        .collect();

    let mut summaries = shared.summaries.clone();
    summaries.extend(layer.summaries.iter().map(|(k, v)| (k.clone(), v.clone())));
    let manuals = link_manuals(&mut pages, &by_rel, &summaries, &left_out, &mut diags);
    check_courses(&pages, &municipality, &mut diags);
    if municipality.accessibility_statement.is_none() {
        diags.push(
            Diagnostic::warning("site.accessibility-statement", &municipality.file, "the site has no `accessibility_statement`")
                .hint("Danish public sites must link their accessibility statement (made with the WAS tool): add `accessibility_statement: <its URL>`"),
        );
    }

    let site = Site {
        municipality,
        pages,
        by_rel,
        by_path,
        manuals,
        intros,
        assets,
        failed,
        left_out,
        theme_dir,
        dir,
        own: layer,
    };
    (site, diags)
}

/// Groups the pages under `manualer/<name>/` into manuals and resolves sessions' exercises.
fn link_manuals(
    pages: &mut [SitePage],
    by_rel: &HashMap<String, usize>,
    summaries: &BTreeMap<String, (PathBuf, Arc<str>)>,
    left_out: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Manual> {
    let mut manuals: Vec<Manual> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut fronts: Vec<(String, usize)> = by_rel
        .iter()
        .filter_map(|(rel, &i)| {
            let name = rel.strip_prefix("manualer/")?.strip_suffix("/_index.md")?;
            (!name.contains('/')).then(|| (name.to_string(), i))
        })
        .collect();
    fronts.sort();
    for (name, front) in fronts {
        if pages[front].page.kind != Kind::Manual {
            diags.push(
                Diagnostic::error(
                    "manual.kind",
                    &pages[front].page.file,
                    "a manual's _index.md must say `kind: manual`",
                )
                .at(&pages[front].page.text, 1, 1)
                .hint("add `kind: manual` to the front matter"),
            );
        }
        by_name.insert(name.clone(), manuals.len());
        manuals.push(Manual {
            name,
            front,
            ..Manual::default()
        });
    }
    let mut reported_orphans = HashSet::new();
    for (i, sp) in pages.iter_mut().enumerate() {
        let rel = sp.page.rel.clone();
        let Some(rest) = rel.strip_prefix("manualer/") else {
            continue;
        };
        let Some((name, inner)) = rest.split_once('/') else {
            continue;
        };
        let Some(&m) = by_name.get(name) else {
            if reported_orphans.insert(name.to_string()) {
                diags.push(
                    Diagnostic::error("manual.missing-index", &sp.page.file, format!("the folder manualer/{name}/ has no _index.md"))
                        .hint(format!("add content/_shared/manualer/{name}/_index.md with `kind: manual` and a title")),
                );
            }
            continue;
        };
        sp.manual = Some(m);
        let depth = inner.matches('/').count();
        match sp.page.kind {
            Kind::Chapter | Kind::Page if inner != "_index.md" => {
                manuals[m].chapters.push((i, depth))
            }
            Kind::Session => manuals[m].sessions.push(i),
            Kind::Exercise => manuals[m].exercises.push(i),
            _ => {}
        }
    }

    for manual in &mut manuals {
        let summary_rel = format!("manualer/{}/SUMMARY.md", manual.name);
        match summaries.get(&summary_rel) {
            Some((file, text)) => order_by_summary(
                manual,
                pages,
                by_rel,
                &summary_rel,
                file,
                text,
                left_out,
                diags,
            ),
            None => order_by_files(manual, pages),
        }
        let number = |i: usize| match &pages[i].page.details {
            Details::Session(s) => s.number,
            _ => 0,
        };
        manual
            .sessions
            .sort_by_key(|&i| (number(i), pages[i].page.rel.clone()));
        for pair in manual.sessions.windows(2) {
            if number(pair[0]) == number(pair[1]) {
                let p = &pages[pair[1]].page;
                diags.push(
                    p.diagnostic_at(
                        &["number"],
                        None,
                        Diagnostic::error(
                            "session.duplicate-number",
                            &p.file,
                            format!(
                                "session number {} is used twice in this manual (also by {})",
                                number(pair[1]),
                                pages[pair[0]].page.file.display()
                            ),
                        )
                        .hint("give each session of a manual its own number"),
                    ),
                );
            }
        }
        manual.exercises.sort_by_key(|&i| {
            let p = &pages[i].page;
            (p.common.order.unwrap_or(i64::MAX), p.common.title.clone())
        });
        // Exercise sheets are referred to by file name (without `.md`), or by their `slug`.
        let mut by_slug: HashMap<String, usize> = HashMap::new();
        for &e in &manual.exercises {
            let p = &pages[e].page;
            let stem = p
                .rel
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md")
                .to_string();
            by_slug.insert(strip_order_prefix(&stem).1.to_string(), e);
            by_slug.insert(stem, e);
            if let Some(s) = &p.common.slug {
                by_slug.insert(s.clone(), e);
            }
        }
        for &s in &manual.sessions {
            let page = pages[s].page.clone();
            let Details::Session(plan) = &page.details else {
                continue;
            };
            let mut resolved = Vec::new();
            for name in &plan.exercises {
                match by_slug.get(name) {
                    // A sheet named twice is still one sheet.
                    Some(&e) if resolved.contains(&e) => {}
                    Some(&e) => {
                        resolved.push(e);
                        manual.used_in.entry(e).or_default().push(s);
                    }
                    None => {
                        let mut known: Vec<&str> = by_slug.keys().map(String::as_str).collect();
                        known.sort();
                        diags.push(
                            page.diagnostic_at(
                                &["exercises"],
                                Some(name),
                                Diagnostic::error(
                                    "session.unknown-exercise",
                                    &page.file,
                                    format!("there is no exercise sheet `{name}` in this manual"),
                                )
                                .hint(suggest(
                                    name,
                                    &known,
                                    "the exercise sheets of this manual are",
                                )),
                            ),
                        );
                    }
                }
            }
            manual.session_exercises.insert(s, resolved);
        }
        validate_sessions(manual, pages, diags);
    }
    manuals
}

/// Orders chapters without a SUMMARY.md: by `order`, then the `01-` file-name prefix, then title.
fn order_by_files(manual: &mut Manual, pages: &[SitePage]) {
    let key = |i: usize| {
        let p = &pages[i].page;
        let file = p.rel.rsplit('/').next().unwrap_or("");
        let prefix = strip_order_prefix(file.trim_end_matches(".md"))
            .0
            .map(i64::from);
        (
            p.common.order.or(prefix).unwrap_or(i64::MAX),
            p.common.title.clone(),
            p.rel.clone(),
        )
    };
    manual.chapters.sort_by_key(|(i, _)| key(*i));
    manual.contents = manual
        .chapters
        .iter()
        .map(|&(page, depth)| TocEntry::Chapter {
            page,
            depth,
            number: None,
        })
        .collect();
}

/// Orders chapters as the manual's SUMMARY.md lists them. Every chapter file must be listed, and
/// every listed file must exist.
#[allow(clippy::too_many_arguments)]
fn order_by_summary(
    manual: &mut Manual,
    pages: &[SitePage],
    by_rel: &HashMap<String, usize>,
    summary_rel: &str,
    file: &std::path::Path,
    text: &Arc<str>,
    left_out: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let (lines, problems) = crate::summary::parse(text);
    for p in problems {
        diags.push(
            Diagnostic::error("summary.syntax", file, p.message)
                .at_offset(text, p.offset, p.len)
                .hint(p.hint),
        );
    }
    let manual_dir = summary_rel.trim_end_matches("SUMMARY.md");
    let mut listed = HashSet::new();
    let mut contents = Vec::new();
    let mut order = Vec::new();
    for line in lines {
        match line.entry {
            crate::summary::Entry::Part { title } => contents.push(TocEntry::Part { title }),
            crate::summary::Entry::Separator => contents.push(TocEntry::Separator),
            crate::summary::Entry::Chapter {
                title,
                path: None,
                depth,
                number,
            } => contents.push(TocEntry::Draft {
                title,
                depth,
                number,
            }),
            crate::summary::Entry::Chapter {
                path: Some(path),
                depth,
                number,
                ..
            } => {
                let target =
                    crate::slug::join_rel(summary_rel, path.split('#').next().unwrap_or(&path));
                let found = target
                    .as_ref()
                    .filter(|t| t.starts_with(manual_dir))
                    .and_then(|t| by_rel.get(t));
                match found {
                    Some(&page) if matches!(pages[page].page.kind, Kind::Chapter | Kind::Page) => {
                        if listed.insert(page) {
                            contents.push(TocEntry::Chapter { page, depth, number });
                            order.push((page, depth));
                        }
                    }
                    Some(_) => diags.push(
                        Diagnostic::error("summary.not-a-chapter", file, format!("`{path}` is a session plan or exercise sheet, not a chapter"))
                            .at_offset(text, line.offset, line.len)
                            .hint("SUMMARY.md lists chapters; sessions and exercise sheets are listed on the manual's front page by themselves"),
                    ),
                    None if target.as_ref().is_some_and(|t| left_out.contains(t)) => {}
                    None => diags.push(
                        Diagnostic::error(
                            "summary.missing-file",
                            file,
                            format!("SUMMARY.md lists `{path}`, which does not exist in {manual_dir}"),
                        )
                        .at_offset(text, line.offset, line.len)
                        .hint("fix the path (relative to SUMMARY.md), or write `[Titel]()` for a chapter still to come"),
                    ),
                }
            }
        }
    }
    for &(page, _) in &manual.chapters {
        if !listed.contains(&page) {
            let p = &pages[page].page;
            let rel = p.rel.strip_prefix(manual_dir).unwrap_or(&p.rel);
            diags.push(
                Diagnostic::error(
                    "summary.unlisted-chapter",
                    &p.file,
                    format!("this chapter is not listed in {}", file.display()),
                )
                .at(&p.text, 1, 1)
                .hint(format!(
                    "add `- [{}]({rel})` to SUMMARY.md where the chapter belongs",
                    p.common.title
                )),
            );
        }
    }
    manual.chapters = order;
    manual.contents = contents;
}

/// Checks each session plan against its manual: agenda against duration, phase numbers,
/// numbering gaps; and warns about exercise sheets no session uses.
fn validate_sessions(manual: &Manual, pages: &[SitePage], diags: &mut Vec<Diagnostic>) {
    let front = &pages[manual.front].page;
    let phases: Vec<u32> = match &front.details {
        Details::Manual(m) => m.phases.iter().map(|p| p.number).collect(),
        _ => Vec::new(),
    };
    let mut previous: Option<u32> = None;
    for &s in &manual.sessions {
        let page = &pages[s].page;
        let Details::Session(plan) = &page.details else {
            continue;
        };
        let total: u32 = plan.agenda.iter().map(|a| a.minutes).sum();
        if let Some(duration) = plan.duration {
            if !plan.agenda.is_empty() && total > duration {
                diags.push(page.diagnostic_at(
                    &["agenda"],
                    None,
                    Diagnostic::error("session.agenda-too-long", &page.file, format!("the agenda takes {total} minutes, but the session lasts {duration}"))
                        .hint(format!("shorten the agenda by {} minutes, or set `duration: {total}`", total - duration)),
                ));
            } else if !plan.agenda.is_empty() && total < duration {
                diags.push(page.diagnostic_at(
                    &["agenda"],
                    None,
                    Diagnostic::warning("session.agenda-too-short", &page.file, format!("the agenda fills {total} of the session's {duration} minutes"))
                        .hint("add the missing minutes to the agenda (a break, a closing round), or shorten `duration`"),
                ));
            }
        }
        if let Some(phase) = plan.phase {
            if !phases.is_empty() && !phases.contains(&phase) {
                let list = phases
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                diags.push(
                    page.diagnostic_at(
                        &["phase"],
                        None,
                        Diagnostic::error(
                            "session.unknown-phase",
                            &page.file,
                            format!("the manual has no phase {phase}"),
                        )
                        .hint(format!(
                            "the phases of {} are: {list}",
                            front.file.display()
                        )),
                    ),
                );
            }
        }
        if let Some(prev) = previous {
            if plan.number > prev + 1 {
                diags.push(page.diagnostic_at(
                    &["number"],
                    None,
                    Diagnostic::warning(
                        "session.numbering-gap",
                        &page.file,
                        format!("session numbers jump from {prev} to {}", plan.number),
                    )
                    .hint("number the sessions of a manual 1, 2, 3, … or add the missing session plans"),
                ));
            }
        }
        previous = Some(plan.number);
    }
    for &e in &manual.exercises {
        if !manual.used_in.contains_key(&e) {
            let p = &pages[e].page;
            diags.push(
                Diagnostic::warning(
                    "exercise.unused",
                    &p.file,
                    "no session plan uses this exercise sheet",
                )
                .at(&p.text, 1, 1)
                .hint(
                    "list it under `exercises:` of the sessions that use it, or remove the sheet",
                ),
            );
        }
    }
}

/// Checks that every course's location and contact exist in this municipality.
fn check_courses(pages: &[SitePage], site: &Municipality, diags: &mut Vec<Diagnostic>) {
    for sp in pages {
        let Some(course) = sp.page.course() else {
            continue;
        };
        let page = &sp.page;
        let keys = [
            (
                "location",
                &course.location,
                site.locations.keys().collect::<Vec<_>>(),
            ),
            ("contact", &course.contact, site.contacts.keys().collect()),
        ];
        for (field, value, known) in keys {
            let Some(value) = value else { continue };
            if known.contains(&value) {
                continue;
            }
            let known: Vec<&str> = known.iter().map(|s| s.as_str()).collect();
            let hint = if known.is_empty() {
                format!("define it under `{field}s:` in {}", site.file.display())
            } else {
                format!(
                    "{} ({field}s are defined in {})",
                    suggest(value, &known, &format!("the {field}s are")),
                    site.file.display()
                )
            };
            diags.push(
                page.diagnostic_at(
                    &[field],
                    None,
                    Diagnostic::error(
                        if field == "location" {
                            "course.unknown-location"
                        } else {
                            "course.unknown-contact"
                        },
                        &page.file,
                        format!("unknown {field} `{value}` for {}", site.name),
                    )
                    .hint(hint),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths() {
        assert_eq!(
            site_path("kurser/skriveværksted-forår.md", None),
            "kurser/skrivevaerksted-foraar/"
        );
        assert_eq!(site_path("manualer/abc/_index.md", None), "manualer/abc/");
        assert_eq!(
            site_path("manualer/abc/01-om-metoden.md", None),
            "manualer/abc/om-metoden/"
        );
        assert_eq!(site_path("om.md", Some("om-os")), "om-os/");
        assert_eq!(site_path("_index.md", None), "");
    }
}
