//! What the render stage keeps between builds (the preview server's rebuilds): finished pages by
//! a hash of everything their rendering reads, so an edit re-renders only what it can change.

use super::*;

/// A page rendered earlier, with the findings and files its rendering produced.
pub(super) type CachedPage = (Option<RenderedPage>, Vec<Diagnostic>, Vec<String>);

/// Rendered content pages by a hash of everything their rendering reads: the page's file, the
/// site's shape (every page's path, front matter and headings, the municipality's config),
/// the theme and the build's settings. A body edit re-renders that page only; a change to front
/// matter, to what lists pages, or to the theme renders everything again.
#[derive(Debug, Default)]
pub struct RenderCache {
    /// By municipality, then by key.
    pages: std::sync::Mutex<HashMap<String, HashMap<u64, CachedPage>>>,
    /// The last print page of each manual, by municipality and manual: what a quick rebuild
    /// shows until the print page is brought up to date.
    last_print: std::sync::Mutex<HashMap<(String, String), CachedPage>>,
    /// The pages that list others (front page, catalogue, its filter pages, the search page),
    /// by municipality: the last ones, with their key.
    lists: std::sync::Mutex<HashMap<String, (u64, Vec<CachedPage>)>>,
}

impl RenderCache {
    pub(super) fn last_print(&self, site: &str, manual: &str) -> Option<CachedPage> {
        let last = self.last_print.lock().ok()?;
        last.get(&(site.to_string(), manual.to_string())).cloned()
    }

    pub(super) fn put_last_print(&self, site: &str, manual: &str, page: CachedPage) {
        if let Ok(mut last) = self.last_print.lock() {
            last.insert((site.to_string(), manual.to_string()), page);
        }
    }

    pub(super) fn get(&self, site: &str, key: u64) -> Option<CachedPage> {
        self.pages.lock().ok()?.get(site)?.get(&key).cloned()
    }

    pub(super) fn put(&self, site: &str, key: u64, value: CachedPage) {
        if let Ok(mut pages) = self.pages.lock() {
            pages
                .entry(site.to_string())
                .or_default()
                .insert(key, value);
        }
    }

    /// Keeps only a site's entries of its latest build, so the cache does not grow with edits.
    /// Several pages kept under one key.
    pub(super) fn get_all(&self, site: &str, key: u64) -> Option<Vec<CachedPage>> {
        self.lists
            .lock()
            .ok()?
            .get(site)
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }

    pub(super) fn put_all(&self, site: &str, key: u64, pages: Vec<CachedPage>) {
        if let Ok(mut lists) = self.lists.lock() {
            lists.insert(site.to_string(), (key, pages));
        }
    }

    pub(super) fn keep(&self, site: &str, keys: &std::collections::HashSet<u64>) {
        if let Ok(mut pages) = self.pages.lock() {
            if let Some(site) = pages.get_mut(site) {
                site.retain(|k, _| keys.contains(k));
            }
        }
    }
}

/// Hashes the inputs that every page of a site shares.
pub(super) fn site_fingerprint(
    site: &Site,
    project: &Project,
    theme: &Theme,
    settings: &RenderSettings<'_>,
    asset_paths: &BTreeMap<String, String>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for sp in &site.pages {
        sp.path.hash(&mut h);
        sp.page.rel.hash(&mut h);
        sp.page.text[..sp.page.body_offset].hash(&mut h);
        for heading in &sp.page.headings {
            heading.id.hash(&mut h);
            heading.title.hash(&mut h);
        }
    }
    site.municipality.text.hash(&mut h);
    format!("{project:?}").hash(&mut h);
    for (name, (_, text)) in &theme.sources {
        name.hash(&mut h);
        text.hash(&mut h);
    }
    for (k, v) in &theme.strings.0 {
        k.hash(&mut h);
        v.hash(&mut h);
    }
    asset_paths.hash(&mut h);
    settings.base_url.hash(&mut h);
    settings.today.hash(&mut h);
    h.finish()
}
