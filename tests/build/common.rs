//! The harness every test uses: a fixture copied into a fresh temporary project (rendered with
//! the theme built into the program), built in memory or through the binary, and small helpers
//! to read the produced HTML with `scraper`.
//!
//! Tests never write into `tests/fixtures/`, and never depend on the repository's example
//! `content/` (except the one smoke test in `example.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use vejviser::{BuildOptions, BuildOutcome, SiteFiles};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The day fixtures are built for, so which courses are "upcoming" does not depend on the day the
/// tests run.
pub fn today() -> NaiveDate {
    date("2026-06-01")
}

pub fn date(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap()
}

/// Every fixture project, as `<feature>/<case>`, in sorted order.
pub fn fixture_names() -> Vec<String> {
    let mut names = Vec::new();
    for feature in std::fs::read_dir(FIXTURES).unwrap() {
        let feature = feature.unwrap().path();
        for case in std::fs::read_dir(&feature).into_iter().flatten() {
            let case = case.unwrap().path();
            if case.join("vejviser.yaml").is_file() {
                let rel = case.strip_prefix(FIXTURES).unwrap();
                names.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    names.sort();
    names
}

/// A project folder in a temporary directory, removed when dropped.
pub struct Project {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl Project {
    /// Copies `tests/fixtures/<name>/` into a fresh folder. Its pages are rendered with the
    /// theme built into the program: fixtures hold no theme folder, as a new project does not.
    pub fn fixture(name: &str) -> Project {
        let source = Path::new(FIXTURES).join(name);
        assert!(
            source.join("vejviser.yaml").is_file(),
            "no fixture at {}",
            source.display()
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("projekt");
        copy_dir(&source, &root);
        Project { _dir: dir, root }
    }

    /// An empty project folder, for tests that write their own `vejviser.yaml` and `content/`.
    pub fn empty() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("projekt");
        std::fs::create_dir_all(&root).unwrap();
        Project { _dir: dir, root }
    }

    /// Copies the repository's own example project (`vejviser.yaml`, `content/`; its theme is
    /// the built-in one).
    pub fn repository_example() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("projekt");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::copy(
            Path::new(REPO).join("vejviser.yaml"),
            root.join("vejviser.yaml"),
        )
        .unwrap();
        copy_dir(&Path::new(REPO).join("content"), &root.join("content"));
        Project { _dir: dir, root }
    }

    /// Build options for this project, built for [`today`].
    pub fn options(&self) -> BuildOptions {
        let mut opts = BuildOptions::new(&self.root);
        opts.today = today();
        opts
    }

    /// Builds in memory with [`Project::options`].
    pub fn build(&self) -> BuildOutcome {
        self.build_with(&self.options())
    }

    pub fn build_with(&self, opts: &BuildOptions) -> BuildOutcome {
        vejviser::build_in_memory(opts).expect("the build failed with a usage or I/O error")
    }

    /// Builds in memory with what earlier builds kept (as the preview server does).
    pub fn rebuild(&self, opts: &BuildOptions, kept: &vejviser::BuildState) -> BuildOutcome {
        vejviser::build_in_memory_with(opts, kept)
            .expect("the build failed with a usage or I/O error")
    }

    /// Builds in memory and fails the test, listing every diagnostic, if there are errors.
    pub fn build_ok(&self) -> BuildOutcome {
        ok(self.build())
    }

    /// Writes a file into the project (for content that cannot live in a fixture, such as bytes
    /// that are not UTF-8).
    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Runs `vejviser build --root <this project> --today <today> <args>`.
    pub fn run_build(&self, args: &[&str]) -> Output {
        let root = self.root.to_str().unwrap();
        let today = today().to_string();
        let mut all = vec!["build", "--root", root, "--today", &today];
        all.extend_from_slice(args);
        vejviser(&all)
    }
}

/// Runs the binary with these arguments, without colours.
pub fn vejviser(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("cannot run the vejviser binary")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every diagnostic of a build, one per line, for failure messages.
pub fn report(outcome: &BuildOutcome) -> String {
    outcome
        .diagnostics
        .iter()
        .map(|d| format!("  {d}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fails the test with every diagnostic when the outcome has errors.
pub fn ok(outcome: BuildOutcome) -> BuildOutcome {
    let errors: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the build reported errors:\n{}",
        errors.join("\n")
    );
    outcome
}

/// The one error of a build; fails the test, listing every diagnostic, unless there is exactly
/// one.
pub fn the_error(outcome: &BuildOutcome) -> &vejviser::Diagnostic {
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert_eq!(errors.len(), 1, "expected one error:\n{}", report(outcome));
    errors[0]
}

/// The site `slug` of a successful build.
pub fn site<'a>(outcome: &'a BuildOutcome, slug: &str) -> &'a SiteFiles {
    outcome.site(slug).unwrap_or_else(|| {
        let built: Vec<&str> = outcome.sites.iter().map(|s| s.slug.as_str()).collect();
        panic!("no site `{slug}` was built (built: {built:?})")
    })
}

/// The parsed HTML of `path` (e.g. `kurser/x/index.html`); fails listing the site's files if absent.
pub fn page(site: &SiteFiles, path: &str) -> Html {
    match site.text(path) {
        Some(text) => Html::parse_document(text),
        None => panic!(
            "{}: no page {path}; the site has:\n{}",
            site.slug,
            site.files.keys().cloned().collect::<Vec<_>>().join("\n")
        ),
    }
}

pub fn html_files(site: &SiteFiles) -> Vec<&str> {
    site.files
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with(".html"))
        .collect()
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// An element's text with whitespace collapsed.
/// The text of an element as a browser shows it on one line: its text nodes joined as they
/// are (an inline element or `<wbr>` adds no space), whitespace collapsed.
pub fn shown(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn text(el: ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts of every element matching `css`.
pub fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css)).map(text).collect()
}

/// The `attr` of every element matching `css`.
pub fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(css))
        .filter_map(|e| e.value().attr(attr))
        .map(str::to_string)
        .collect()
}

/// The one element matching `css`; fails when there is none or several.
pub fn one<'a>(doc: &'a Html, css: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef> = doc.select(&sel(css)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one `{css}`, found {}: {:?}",
        found.len(),
        found.iter().map(|e| text(*e)).collect::<Vec<_>>()
    );
    found[0]
}

/// The text of the `<main>` element.
pub fn main_text(doc: &Html) -> String {
    text(one(doc, "main"))
}

/// The `<dd>` that follows the `<dt>` whose text is `label` (the facts of a course, session or
/// exercise sheet).
pub fn fact(doc: &Html, label: &str) -> String {
    let dts: Vec<ElementRef> = doc
        .select(&sel("dt"))
        .filter(|dt| text(*dt) == label)
        .collect();
    assert_eq!(
        dts.len(),
        1,
        "expected one <dt>{label}</dt>, found {}; the terms are {:?}",
        dts.len(),
        texts(doc, "dt")
    );
    let dd = dts[0]
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "dd")
        .unwrap_or_else(|| panic!("<dt>{label}</dt> has no <dd>"));
    text(dd)
}

/// The links (text, href) of the list that follows the heading whose text starts with `heading`:
/// `<h2>Kapitler</h2><ol>…</ol>`.
pub fn links_after_heading(doc: &Html, heading: &str) -> Vec<(String, String)> {
    let headings: Vec<ElementRef> = doc
        .select(&sel("h1, h2, h3, h4"))
        .filter(|h| text(*h).starts_with(heading))
        .collect();
    assert_eq!(
        headings.len(),
        1,
        "expected one heading starting with {heading:?}; the headings are {:?}",
        texts(doc, "h1, h2, h3, h4")
    );
    let list = headings[0]
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .next()
        .unwrap_or_else(|| panic!("nothing follows the heading {heading:?}"));
    list.select(&sel("a"))
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The items (texts) of the list that follows the heading whose text starts with `heading`.
pub fn items_after_heading(doc: &Html, heading: &str) -> Vec<String> {
    let h = doc
        .select(&sel("h2, h3"))
        .find(|h| text(*h).starts_with(heading))
        .unwrap_or_else(|| {
            panic!(
                "no heading {heading:?}; the headings are {:?}",
                texts(doc, "h1, h2, h3")
            )
        });
    let list = h
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .next()
        .unwrap();
    list.select(&sel("li")).map(text).collect()
}

/// Resolves a link found on the page at site path `from` (a folder such as
/// `manualer/abc/sessioner/uge-01/`, `""` for the front page) to a site path, the way a browser
/// would; the fragment is kept. `../ovelser/x/#a` from `manualer/abc/sessioner/uge-01/` →
/// `manualer/abc/ovelser/x/#a`.
pub fn resolve(from: &str, href: &str) -> String {
    assert!(
        !href.contains("://") && !href.starts_with('/'),
        "expected a relative link, found {href:?} on /{from}"
    );
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (href, None),
    };
    let mut parts: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => assert!(
                parts.pop().is_some(),
                "{href:?} on /{from} climbs above the site root"
            ),
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    // Every page is a folder; a link to a file (`static/x.css`) has no trailing slash.
    let last = path.rsplit('/').next().unwrap_or("");
    if !out.is_empty() && matches!(last, "" | "." | "..") {
        out.push('/');
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The site path of an output file: `kurser/x/index.html` → `kurser/x/`.
pub fn site_path(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

/// Every file and folder under `dir`, relative, with the files' bytes (folders map to `None`).
pub fn tree(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                out.insert(format!("{rel}/"), None);
                walk(base, &path, out);
            } else {
                out.insert(rel, Some(std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// The keys of a [`tree`], for readable failure messages.
pub fn listing(tree: &BTreeMap<String, Option<Vec<u8>>>) -> Vec<&str> {
    tree.keys().map(String::as_str).collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in
        std::fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display()))
    {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
