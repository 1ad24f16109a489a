//! Load: walk `content/`, read every file once, parse front matter, and sort the files into
//! layers — `_shared/` and one layer per municipality folder.
//!
//! Shared files are read and parsed here exactly once, however many sites use them; the link
//! stage overlays each municipality's layer on the shared one by relative path.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Municipality, Project};
use crate::error::{Diagnostic, Error, FileAction};
use crate::frontmatter::{Kind, Page};
use crate::messages;

mod finish;
mod walk;
use finish::{snippets, Finishing};
use walk::{symlink_ignored, walk_layer, Walked};

/// Larger files are refused: no real page is this big, and reading one would stall the build.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The files of one layer, by `/`-separated path relative to the layer's folder.
#[derive(Debug, Default)]
pub struct Layer {
    /// Pages that parsed. A page whose parse failed is listed in `failed` instead, so that links
    /// to it are not reported a second time as broken.
    pub pages: BTreeMap<String, Arc<Page>>,
    pub failed: Vec<String>,
    /// Other files (images, PDFs) that pages may reference, by relative path → path on disk.
    pub assets: BTreeMap<String, PathBuf>,
    /// Manuals' `SUMMARY.md` files by relative path: the path shown in messages and the text.
    pub summaries: BTreeMap<String, (PathBuf, Arc<str>)>,
    /// Every Markdown file by relative path → path on disk, pages or not (what `{{#include}}`
    /// may read).
    pub sources: BTreeMap<String, PathBuf>,
    /// Manuals that are mdBook books, by their folder (`manualer/mdbook/`).
    pub books: BTreeMap<String, Arc<crate::book::Book>>,
}

/// A municipality's folder: its config, its own pages and its theme overrides.
#[derive(Debug)]
pub struct SiteSource {
    pub municipality: Municipality,
    pub layer: Layer,
    /// `content/<slug>/_theme/`, when the site overrides theme files.
    pub theme_dir: Option<PathBuf>,
    /// The site folder on disk.
    pub dir: PathBuf,
}

/// Everything read from the project folder.
#[derive(Debug)]
pub struct Loaded {
    pub root: PathBuf,
    /// Every municipality folder of `content/`, selected or not, loaded or not.
    pub folders: Vec<String>,
    pub project: Project,
    pub shared: Layer,
    pub sites: Vec<SiteSource>,
}

/// The path shown in messages: relative to the project root when possible.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Reads a text file; a file that is too big or not UTF-8 becomes a located diagnostic.
pub fn read_text(root: &Path, path: &Path) -> Result<Arc<str>, Diagnostic> {
    let shown = display_path(root, path);
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error("io.read", &shown, messages::cannot_read_file(e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "io.too-large",
            &shown,
            messages::file_too_large(meta.len() / 1_000_000, MAX_FILE_BYTES / 1_000_000),
        )
        .hint(messages::file_too_large_hint()));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error("io.read", &shown, messages::cannot_read_file(e)))?;
    match String::from_utf8(bytes) {
        Ok(s) => {
            // A byte-order mark would hide the opening `---` of the front matter.
            let s = s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s);
            Ok(Arc::from(s))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let lossy: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes).into_owned());
            Err(
                Diagnostic::error("io.not-utf8", &shown, messages::not_utf8())
                    .at(&lossy, line, column)
                    .hint(messages::not_utf8_hint()),
            )
        }
    }
}

/// One file's text as it would be saved, read in place of the file on disk: the editor of the
/// preview server validates a save by building with it before it writes anything. A file not
/// on disk yet (a new course) is read as if it were there.
#[derive(Debug, Clone)]
pub struct Overlay {
    /// The file's path, as the build walks to it (`<root>/content/...`).
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// Reads a file of the project: the overlay's text for its file, else [`read_text`].
fn read(root: &Path, path: &Path, overlay: Option<&Overlay>) -> Result<Arc<str>, Diagnostic> {
    match overlay.filter(|o| o.path == path) {
        Some(o) => Ok(o.text.clone()),
        None => read_text(root, path),
    }
}

/// The project's `vejviser.yaml`, or the usage error for a folder that holds no project.
pub fn project_file(root: &Path) -> Result<PathBuf, Error> {
    let config_path = root.join("vejviser.yaml");
    if !config_path.is_file() {
        return Err(Error::Usage(messages::no_project_file(root.display())));
    }
    Ok(config_path)
}

/// Loads the project at `root`. `only` limits the municipalities (empty = all); an unknown slug
/// there is a usage error. Content problems come back as diagnostics beside what did load.
/// With `overlay`, its text stands in for its file.
pub fn load(
    root: &Path,
    only: &[String],
    cache: &PageCache,
    overlay: Option<&Overlay>,
) -> Result<(Option<Loaded>, Vec<Diagnostic>), Error> {
    let mut diags = Vec::new();
    let config_path = project_file(root)?;
    let project = match read(root, &config_path, overlay) {
        Ok(text) => match Project::parse(&display_path(root, &config_path), &text) {
            Ok(p) => p,
            Err(d) => {
                diags.extend(d);
                return Ok((None, diags));
            }
        },
        Err(d) => {
            diags.push(d);
            return Ok((None, diags));
        }
    };
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Error::Usage(messages::no_content_folder(root.display())));
    }

    // Municipality folders: every folder of content/ not starting with `_` or `.`.
    let mut site_dirs = Vec::new();
    let entries =
        std::fs::read_dir(&content).map_err(|e| Error::io(FileAction::Read, &content, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(FileAction::Read, &content, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) && !name.starts_with(['_', '.']) {
            site_dirs.push((name, entry.path()));
        }
    }
    site_dirs.sort();
    let folders: Vec<String> = site_dirs.iter().map(|(s, _)| s.clone()).collect();
    check_selection(&content, &folders, only)?;
    if !only.is_empty() {
        site_dirs.retain(|(s, _)| only.contains(s));
    }

    let project_key = crate::hash::hash_of(&format!("{project:?}"));
    let parsing = Parsing {
        cache,
        project: &project,
        project_key,
        overlay,
    };
    let shared_dir = content.join("_shared");
    let shared_walk = if shared_dir.is_dir() {
        walk_layer(root, &shared_dir, overlay, &mut diags)
    } else {
        Walked {
            layer: Layer::default(),
            texts: Vec::new(),
            book_files: BTreeMap::new(),
        }
    };

    let mut walked_sites = Vec::new();
    for (slug, dir) in site_dirs {
        let site_yaml = dir.join("_site.yaml");
        if !site_yaml.is_file() {
            diags.push(
                Diagnostic::error(
                    "site.missing-config",
                    display_path(root, &dir),
                    messages::missing_site_yaml(&slug),
                )
                .hint(messages::missing_site_yaml_hint(&slug)),
            );
            continue;
        }
        let municipality = match read(root, &site_yaml, overlay) {
            Ok(text) => match Municipality::parse(&slug, &display_path(root, &site_yaml), &text) {
                Ok(m) => m,
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            },
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let walked = walk_layer(root, &dir, overlay, &mut diags);
        let theme_dir = Some(dir.join("_theme")).filter(|d| {
            if d.is_symlink() {
                diags.push(symlink_ignored(root, d));
            }
            d.is_dir() && !d.is_symlink()
        });
        walked_sites.push((municipality, walked, theme_dir, dir));
    }
    // Files that other files include are snippets, not pages: a site's own page may include a
    // shared file, so the sites are looked at before the shared layer is parsed.
    let mut shared_snippets = snippets(&shared_walk, None);
    let site_snippets: Vec<HashSet<String>> = walked_sites
        .iter()
        .map(|(_, w, _, _)| {
            let own = snippets(w, None);
            shared_snippets.extend(snippets(w, Some(&shared_walk)));
            own
        })
        .collect();
    let shared = parse_layer(
        root,
        shared_walk,
        parsing,
        None,
        &shared_snippets,
        &mut diags,
    );
    let mut sites = Vec::new();
    for ((municipality, walked, theme_dir, dir), own) in walked_sites.into_iter().zip(site_snippets)
    {
        let layer = parse_layer(root, walked, parsing, Some(&shared), &own, &mut diags);
        sites.push(SiteSource {
            municipality,
            layer,
            theme_dir,
            dir,
        });
    }
    Ok((
        Some(Loaded {
            root: root.to_path_buf(),
            folders,
            project,
            shared,
            sites,
        }),
        diags,
    ))
}

/// An unknown slug among those selected (`--site`) is a usage error naming the known ones.
pub fn check_selection(content: &Path, known: &[String], only: &[String]) -> Result<(), Error> {
    match only.iter().find(|slug| !known.contains(slug)) {
        Some(slug) => Err(Error::Usage(messages::no_such_municipality(
            slug,
            content.display(),
            messages::list(known),
        ))),
        None => Ok(()),
    }
}

/// The manual folder (`manualer/abc`) a content path lies in, if any.
pub fn manual_dir(rel: &str) -> Option<&str> {
    let rest = rel.strip_prefix("manualer/")?;
    let end = rest.find('/')?;
    Some(&rel[.."manualer/".len() + end])
}

/// Chapters listed in a `SUMMARY.md` may do without front matter (as in an mdBook book): for
/// each such chapter, the title its summary entry gives, used when the file has no heading.
fn summary_titles<'a>(
    summaries: impl Iterator<Item = (&'a String, &'a Arc<str>)>,
) -> BTreeMap<String, String> {
    let mut titles = BTreeMap::new();
    for (rel, text) in summaries {
        let Some(dir) = manual_dir(rel) else { continue };
        for line in crate::summary::parse(text).0 {
            if let crate::summary::Entry::Chapter {
                title,
                path: Some(path),
                ..
            } = line.entry
            {
                if let Some(target) = crate::slug::join_rel(rel, &path) {
                    if target.starts_with(dir) {
                        titles.insert(target, crate::markdown::plain_title(&title));
                    }
                }
            }
        }
    }
    titles
}

/// Pages parsed by earlier builds, by everything parsing reads: the file's name and text, the
/// title a `SUMMARY.md` gives it, and the project's configuration. Failed parses are not kept.
#[derive(Debug, Default)]
pub struct PageCache {
    pages: std::sync::Mutex<std::collections::HashMap<u64, Arc<Page>>>,
}

/// How one build parses: the cache and a hash of the project's configuration.
#[derive(Clone, Copy)]
struct Parsing<'a> {
    cache: &'a PageCache,
    project: &'a Project,
    project_key: u64,
    overlay: Option<&'a Overlay>,
}

impl Parsing<'_> {
    fn parse(
        &self,
        shown: &Path,
        rel: &str,
        text: Arc<str>,
        bare: Option<&str>,
    ) -> Result<Arc<Page>, Vec<Diagnostic>> {
        let key = crate::hash::hash_of(&(shown, rel, &*text, bare, self.project_key));
        let pages = &self.cache.pages;
        let earlier = pages.lock().ok().and_then(|p| p.get(&key).cloned());
        if let Some(page) = earlier.filter(|p| p.text == text) {
            return Ok(page);
        }
        let page = Arc::new(Page::parse(shown, rel, text, self.project, bare)?);
        if let Ok(mut pages) = pages.lock() {
            pages.insert(key, page.clone());
        }
        Ok(page)
    }
}

/// Parses the pages of a walked layer, in parallel. `base` is the shared layer when this is a
/// site's: its summaries also decide how the site's own chapter files may be written, and its
/// files may be included. `snippets` are files other files include: not pages, unless a
/// `SUMMARY.md` lists them.
fn parse_layer(
    root: &Path,
    walked: Walked,
    parsing: Parsing,
    base: Option<&Layer>,
    snippets: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Layer {
    let Walked {
        mut layer,
        texts,
        book_files,
    } = walked;
    let empty = BTreeMap::new();
    let inherited = base.map_or(&empty, |b| &b.summaries);
    let mut summaries: BTreeMap<&String, &Arc<str>> =
        inherited.iter().map(|(k, (_, t))| (k, t)).collect();
    summaries.extend(layer.summaries.iter().map(|(k, (_, t))| (k, t)));
    let with_summary: Vec<String> = summaries
        .keys()
        .filter_map(|rel| manual_dir(rel).map(str::to_string))
        .collect();
    let titles = summary_titles(summaries.into_iter());
    type Parsed = Result<Arc<Page>, Vec<Diagnostic>>;
    let finishing = Finishing {
        root,
        layer: &layer,
        base,
        overlay: parsing.overlay,
        allow_html: parsing.project.allow_html,
    };
    let parsed: Vec<(String, Parsed, Vec<Diagnostic>)> = texts
        .into_par_iter()
        .filter(|(rel, _, _)| !snippets.contains(rel) || titles.contains_key(rel))
        .map(|(rel, path, text)| {
            let shown = display_path(root, &path);
            // A chapter of a manual with a SUMMARY.md needs no front matter.
            let in_summary_manual =
                manual_dir(&rel).is_some_and(|d| with_summary.iter().any(|s| s == d));
            let bare = (Kind::from_path(&rel) == Kind::Chapter && in_summary_manual).then(|| {
                titles.get(&rel).cloned().unwrap_or_else(|| {
                    rel.rsplit('/')
                        .next()
                        .unwrap_or("")
                        .trim_end_matches(".md")
                        .to_string()
                })
            });
            let mut found = Vec::new();
            let result = text
                .map_err(|d| vec![d])
                .and_then(|text| parsing.parse(&shown, &rel, text, bare.as_deref()))
                .map(|page| finishing.finish(page, &mut found));
            (rel, result, found)
        })
        .collect();
    for (dir, (shown, text)) in book_files {
        let rel = format!("{dir}_index.md");
        if !layer.pages.contains_key(&rel) && !parsed.iter().any(|(r, _, _)| *r == rel) {
            let book = layer.books.get(&dir).cloned().unwrap_or_default();
            let front = crate::frontmatter::Page::book_front(&shown, &rel, text, book);
            layer.pages.insert(rel, Arc::new(front));
        }
    }
    for (rel, result, found) in parsed {
        diags.extend(found);
        match result {
            Ok(page) => {
                diags.extend(page.problems.iter().cloned());
                layer.pages.insert(rel, page);
            }
            Err(d) => {
                diags.extend(d);
                layer.failed.push(rel);
            }
        }
    }
    layer
}
