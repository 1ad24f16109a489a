//! Write: a site's files assembled in memory (minified pages, hashed static files, the content
//! files pages reference, sitemap and robots.txt), then written to disk in one step.
//!
//! The same [`SiteFiles`] serves the tests and a preview server (memory) and the build (disk).
//! Writing goes to a staging folder beside `--out`; only when every site is written are the site
//! folders swapped in, so a failed build leaves the previous output byte for byte as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::RenderedPage;

/// One site's output: file path relative to the site folder → bytes. Sorted, so output order
/// and anything derived from it is deterministic.
#[derive(Debug, Default, Clone)]
pub struct SiteFiles {
    pub slug: String,
    pub files: BTreeMap<String, Vec<u8>>,
    /// How many HTML pages the site has.
    pub pages: usize,
}

impl SiteFiles {
    pub fn new(slug: &str) -> Self {
        SiteFiles {
            slug: slug.to_string(),
            ..Default::default()
        }
    }

    pub fn add(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        self.files.insert(path.into(), bytes);
    }

    /// A file's text, for tests and the preview server.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files
            .get(path)
            .and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Adds rendered pages, minified, as `<path>index.html`.
    pub fn add_pages(&mut self, pages: &[RenderedPage]) {
        let minified: Vec<(String, Vec<u8>)> = pages
            .par_iter()
            .map(|p| {
                let bytes = if p.minified {
                    p.html.clone().into_bytes()
                } else {
                    minify(&p.html)
                };
                (format!("{}index.html", p.path), bytes)
            })
            .collect();
        self.pages += minified.len();
        self.files.extend(minified);
    }

    /// Adds a page that is not counted or listed (a redirect), minified.
    pub fn add_html(&mut self, path: &str, html: &str) {
        self.files.insert(format!("{path}index.html"), minify(html));
    }
}

/// Minifies an HTML page. CSS and JS inside pages are left alone: the theme keeps them in
/// static files, so there is nothing inline to minify.
pub fn minify(html: &str) -> Vec<u8> {
    // minify-html's one-pass mode, several times faster, takes the well-formed HTML the
    // templates produce; anything it refuses goes through the full minifier.
    if let Ok(bytes) = minify_html_onepass::copy(html.as_bytes(), &minify_html_onepass::Cfg::new()) {
        return bytes;
    }
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_doctype = false;
    minify_html::minify(html.as_bytes(), &cfg)
}

/// Escapes text for XML element content.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `sitemap.xml`: every page with its absolute URL (and `lastmod` from `updated`).
pub fn sitemap(base_url: &str, pages: &[RenderedPage]) -> String {
    let mut sorted: Vec<&RenderedPage> = pages.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in sorted {
        out.push_str("  <url><loc>");
        out.push_str(&xml_escape(&format!("{base_url}{}", p.path)));
        out.push_str("</loc>");
        if let Some(d) = p.updated {
            out.push_str(&format!("<lastmod>{}</lastmod>", d.format("%Y-%m-%d")));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be indexed; the sitemap is named with its absolute URL.
pub fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

/// Writes the sites into `out` (one folder per site) through a staging folder beside it. Other
/// folders of `out` (sites not built this time) are left as they are.
pub fn write(out: &Path, sites: &[SiteFiles]) -> Result<(), Error> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io("create", &parent, e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(|e| Error::io("remove", &staging, e))?;
    }
    let result = write_staged(&staging, out, sites);
    // Whatever happened, the staging folder goes; `out` is only touched by the swap.
    let _ = std::fs::remove_dir_all(&staging);
    result
}

/// Whether a site-relative output path stays inside its site folder: plain names only, no
/// `..`, no root, no drive. Content can never produce another (slugs and links are checked where
/// they are read); this is the last check before anything touches the disk.
fn inside_site(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

fn write_staged(staging: &Path, out: &Path, sites: &[SiteFiles]) -> Result<(), Error> {
    for site in sites {
        let escaping = std::iter::once(site.slug.as_str())
            .chain(site.files.keys().map(String::as_str))
            .find(|p| !inside_site(p));
        if let Some(path) = escaping {
            return Err(Error::Usage(format!(
                "refusing to write `{path}`: it would land outside the site's folder"
            )));
        }
        let dir = staging.join(&site.slug);
        let mut dirs: Vec<PathBuf> = site
            .files
            .keys()
            .filter_map(|f| dir.join(f).parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            std::fs::create_dir_all(d).map_err(|e| Error::io("create", d, e))?;
        }
        site.files.par_iter().try_for_each(|(path, bytes)| {
            let target = dir.join(path);
            std::fs::write(&target, bytes).map_err(|e| Error::io("write", &target, e))
        })?;
    }
    std::fs::create_dir_all(out).map_err(|e| Error::io("create", out, e))?;
    // The swap: each built site's old folder moves aside, the new one moves in.
    for site in sites {
        let new = staging.join(&site.slug);
        let live = out.join(&site.slug);
        let old = staging.join(format!(".old-{}", site.slug));
        if live.exists() {
            std::fs::rename(&live, &old).map_err(|e| Error::io("move", &live, e))?;
        }
        std::fs::rename(&new, &live).map_err(|e| Error::io("move", &new, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        assert!(inside_site("kurser/x/index.html"));
        for bad in ["../x", "a/../../x", "/etc/passwd", "a\\..\\b", "", "./"] {
            assert!(!inside_site(bad), "{bad}");
        }
        let dir = tempfile::tempdir().unwrap();
        let mut site = SiteFiles::new("roskilde");
        site.add("../../udenfor.html", b"x".to_vec());
        let err = write(&dir.path().join("public"), &[site]).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        assert!(!dir.path().join("udenfor.html").exists());
    }

    #[test]
    fn sitemap_escapes_and_sorts() {
        let page = |path: &str| RenderedPage {
            path: path.into(),
            html: String::new(),
            title: String::new(),
            kind: "page",
            updated: None,
            minified: false,
        };
        let xml = sitemap("https://x.example.dk/", &[page("b/"), page("a&b/")]);
        let a = xml.find("a&amp;b/").unwrap();
        let b = xml.find("https://x.example.dk/b/").unwrap();
        assert!(a < b);
    }

    #[test]
    fn write_swaps_in_and_keeps_other_sites() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("other")).unwrap();
        std::fs::write(out.join("other/index.html"), "keep").unwrap();
        let mut site = SiteFiles::new("roskilde");
        site.add("index.html", b"ny".to_vec());
        site.add("kurser/x/index.html", b"kursus".to_vec());
        write(&out, &[site]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("roskilde/kurser/x/index.html")).unwrap(),
            "kursus"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("other/index.html")).unwrap(),
            "keep"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }
}
