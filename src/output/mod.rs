//! Write: what the render stage made, as a site's files. A build to disk streams them into a
//! staging folder beside `--out` as they are made ([`Staging`], in [`disk`]), page by page, so it
//! never holds every page at once; only when every site is written are the site folders swapped
//! in, so a failed build leaves the previous output byte for byte as it was. The tests, `check`
//! and the preview server keep a site's files in memory instead ([`SiteFiles`]). With
//! `--compress`, a file written to disk gets its compressed copies beside it ([`compress`]);
//! files kept in memory never do.

pub mod compress;
mod disk;

use std::collections::BTreeMap;

pub use disk::{write, OutputLock, SiteStage, Staging};

/// One page as the render stage hands it to the writer.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    pub path: String,
    pub html: String,
    pub title: String,
    pub kind: &'static str,
    pub updated: Option<chrono::NaiveDate>,
}

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

    /// Adds rendered pages as `<path>index.html`.
    pub fn add_pages(&mut self, pages: Vec<RenderedPage>) {
        self.pages += pages.len();
        self.files.extend(
            pages
                .into_iter()
                .map(|p| (format!("{}index.html", p.path), p.html.into_bytes())),
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_escapes_and_sorts() {
        let page = |path: &str| RenderedPage {
            path: path.into(),
            html: String::new(),
            title: String::new(),
            kind: "page",
            updated: None,
        };
        let xml = sitemap("https://x.example.dk/", &[page("b/"), page("a&b/")]);
        let a = xml.find("a&amp;b/").unwrap();
        let b = xml.find("https://x.example.dk/b/").unwrap();
        assert!(a < b);
    }
}
