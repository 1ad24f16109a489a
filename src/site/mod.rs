//! Link: one municipality's site as a graph — the shared layer overlaid with the site's own
//! files, drafts and exclusions removed, every page given its URL, and every reference between
//! pages (exercise slugs, locations, contacts) resolved into ids.
//!
//! In: the loaded layers. Out: a [`Site`] whose pages are plain structs linked by index, ready for
//! rendering, plus the problems found. Nothing here touches the disk.

mod aliases;
pub mod courses;
pub mod links;
mod manuals;
mod menu;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Municipality;
use crate::error::suggest;
use crate::error::Diagnostic;
use crate::frontmatter::{Details, Kind, Page};
use crate::load::{Layer, SiteSource};
use crate::messages::{self, Message};
use crate::slug::{slugify, strip_order_prefix};
use courses::check_courses;
use manuals::link_manuals;
pub use menu::MenuItem;

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
    /// Where each chapter stands in `contents`, so a chapter's neighbourhood is found without
    /// reading the whole table (see [`ContentsIndex`]).
    pub index: ContentsIndex,
}

/// A manual's table of contents as a tree, computed once: for a chapter page, its line; for each
/// line, the chapter it is nested under and the part it belongs to.
#[derive(Debug, Clone, Default)]
pub struct ContentsIndex {
    /// Position in `contents` by page index.
    pub line_of: HashMap<usize, usize>,
    /// Position in `chapters` (reading order) by page index.
    pub chapter_at: HashMap<usize, usize>,
    /// For each line: the line of the chapter it is nested under.
    pub parent: Vec<Option<usize>>,
    /// For each line: the line of the part title it comes under.
    pub part: Vec<Option<usize>>,
}

impl ContentsIndex {
    pub fn of(contents: &[TocEntry], chapters: &[(usize, usize)]) -> Self {
        let mut index = ContentsIndex {
            chapter_at: chapters
                .iter()
                .enumerate()
                .map(|(at, (page, _))| (*page, at))
                .collect(),
            ..ContentsIndex::default()
        };
        // The chapters open at each depth on the way down to the current line.
        let mut open: Vec<(usize, usize)> = Vec::new();
        let mut part = None;
        for (line, entry) in contents.iter().enumerate() {
            let depth = match entry {
                TocEntry::Chapter { depth, .. } | TocEntry::Draft { depth, .. } => Some(*depth),
                TocEntry::Part { .. } => {
                    part = Some(line);
                    open.clear();
                    None
                }
                TocEntry::Separator => {
                    open.clear();
                    None
                }
            };
            if let TocEntry::Chapter { page, .. } = entry {
                index.line_of.insert(*page, line);
            }
            match depth {
                Some(depth) => {
                    while open.last().is_some_and(|&(d, _)| d >= depth) {
                        open.pop();
                    }
                    index.parent.push(open.last().map(|&(_, l)| l));
                    open.push((depth, line));
                }
                None => index.parent.push(None),
            }
            index.part.push(part);
        }
        index
    }
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
    /// Old addresses: the file each redirect is written to, and the page it leads to (see
    /// [`aliases`]).
    pub aliases: Vec<(String, usize)>,
    /// The menu shown on every page (see [`menu`]).
    pub menu: Vec<MenuItem>,
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
fn reserved_by(path: &str) -> Option<Message> {
    let manual_print = path
        .strip_prefix("manualer/")
        .and_then(|p| p.strip_suffix("/print/"))
        .is_some_and(|m| !m.contains('/'));
    if manual_print {
        Some(messages::the_print_page())
    } else if crate::catalogue::is_catalogue_path(path) {
        Some(messages::the_course_catalogue())
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
            diags.push(
                municipality.diagnostic_at(
                    &["exclude"],
                    Some(rel),
                    Diagnostic::error(
                        "site.exclude",
                        &municipality.file,
                        messages::exclude_missing(rel),
                    )
                    .hint(messages::exclude_missing_hint()),
                ),
            );
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
                            messages::unknown_manual(name),
                        )
                        .hint(messages::known_manuals(messages::list(&manual_names))),
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
                    messages::reserved_url(&path, user),
                )
                .at(&page.text, 1, 1)
                .hint(messages::reserved_url_hint()),
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
                    messages::generated_url(&path),
                )
                .at(&page.text, 1, 1)
                .hint(messages::reserved_url_hint()),
            );
            continue;
        }
        if let Some(other) = claimed.get(&path) {
            diags.push(
                Diagnostic::error(
                    "site.duplicate-url",
                    &page.file,
                    messages::duplicate_url(other.display(), &path),
                )
                .at(&page.text, 1, 1)
                .hint(messages::duplicate_url_hint()),
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
    let aliases = aliases::aliases(&pages, &by_path, &mut diags);
    let menu = menu::menu(&municipality, &pages, &by_rel, &mut diags);
    check_courses(&pages, &municipality, &mut diags);
    if municipality.accessibility_statement.is_none() {
        diags.push(
            Diagnostic::warning(
                "site.accessibility-statement",
                &municipality.file,
                messages::no_statement(),
            )
            .hint(messages::no_statement_hint()),
        );
    }

    let site = Site {
        municipality,
        pages,
        by_rel,
        by_path,
        aliases,
        menu,
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
