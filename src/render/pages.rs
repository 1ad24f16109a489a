//! Rendering a site's pages in parallel, each taken from the render cache where its inputs did
//! not change: the content pages, the pages that list others (catalogue, front page, manuals,
//! search), and the manuals' print pages, which may stand in while a changed one waits.

use super::*;
use cache::CachedPage;

/// Renders every page of the site: its pages, the pages that list others and the manuals' print
/// pages, each from the cache where its inputs did not change. Also says whether a print page is
/// the site's last one, standing in for a changed one.
pub(super) fn render_pages(
    renderer: &Renderer,
    asset_paths: &BTreeMap<String, String>,
) -> (Vec<CachedPage>, bool) {
    let Renderer {
        site,
        project,
        theme,
        settings,
        ..
    } = *renderer;
    let fingerprint = site_fingerprint(site, project, theme, settings, asset_paths);
    let mut used_keys = std::collections::HashSet::new();
    let print_keys = std::sync::Mutex::new(Vec::new());
    let print_stale = std::sync::atomic::AtomicBool::new(false);
    let results: Vec<(Option<RenderedPage>, Vec<Diagnostic>, Vec<String>)> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| {
            let page = &site.pages[i].page;
            // An included file's change changes the expanded body, not the file's text.
            let key = crate::hash::hash_of(&(fingerprint, &page.text, page.body()));
            if let Some(cached) = settings
                .caches
                .rendered
                .as_ref()
                .and_then(|c| c.get(&site.municipality.slug, key))
            {
                return (key, emit(settings, cached));
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let page = renderer.render_page(i, &mut diags, &mut assets);
            let rendered = (page, diags, assets);
            if let Some(cache) = settings.caches.rendered {
                cache.put(&site.municipality.slug, key, rendered.clone());
            }
            (key, emit(settings, rendered))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(key, rendered)| {
            used_keys.insert(key);
            rendered
        })
        .collect::<Vec<_>>()
        .into_par_iter()
        .chain([()].into_par_iter().flat_map(|()| {
            // The pages that list others read the site's shape and the search index's name
            // only: a body edit leaves them as they were.
            let key = crate::hash::hash_of(&(fingerprint, "lists", &renderer.search_meta));
            let cache = settings.caches.rendered;
            if let Some(listed) = cache.and_then(|c| c.get_all(&site.municipality.slug, key)) {
                return listed.into_par_iter().map(|p| emit(settings, p)).collect();
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let mut pages = renderer.catalogue_pages(&mut diags, &mut assets);
            pages.extend(renderer.prospectus_page(&mut diags, &mut assets));
            let mut out: Vec<CachedPage> = pages
                .into_par_iter()
                .map(|p| (Some(p), Vec::new(), Vec::new()))
                .chain(
                    [FRONT_PATH, CATALOGUE_PATH, MANUALS_PATH, SEARCH_PATH]
                        .into_par_iter()
                        .map(|path| {
                            let mut diags = Vec::new();
                            let mut assets = Vec::new();
                            let page = renderer.render_generated(path, &mut diags, &mut assets);
                            (page, diags, assets)
                        }),
                )
                .collect();
            out.push((None, diags, assets));
            if let Some(cache) = cache {
                cache.put_all(&site.municipality.slug, key, out.clone());
            }
            out.into_par_iter()
                .map(|page| emit(settings, page))
                .collect::<Vec<_>>()
        }))
        .chain((0..site.manuals.len()).into_par_iter().map(|m| {
            // A print page holds every page of its manual: it is rendered again only when one
            // of them changed.
            let manual = &site.manuals[m];
            let texts: Vec<&std::sync::Arc<str>> = std::iter::once(manual.front)
                .chain(manual.chapters.iter().map(|(i, _)| *i))
                .chain(manual.sessions.iter().copied())
                .chain(manual.exercises.iter().copied())
                .map(|i| &site.pages[i].page.text)
                .collect();
            let key = crate::hash::hash_of(&(fingerprint, "print", m, texts));
            print_keys.lock().map(|mut k| k.push(key)).ok();
            let cache = settings.caches.rendered;
            let slug = &site.municipality.slug;
            if let Some(cached) = cache.and_then(|c| c.get(slug, key)) {
                return emit(settings, cached);
            }
            if settings.defer {
                if let Some(last) = cache.and_then(|c| c.last_print(slug, &manual.name)) {
                    print_stale.store(true, std::sync::atomic::Ordering::Relaxed);
                    return emit(settings, last);
                }
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let page = renderer.render_manual_print(m, &mut diags, &mut assets);
            let rendered = (page, diags, assets);
            if let Some(cache) = cache {
                cache.put(slug, key, rendered.clone());
                cache.put_last_print(slug, &manual.name, rendered.clone());
            }
            emit(settings, rendered)
        }))
        .collect();
    if let Some(cache) = settings.caches.rendered {
        used_keys.extend(print_keys.into_inner().unwrap_or_default());
        cache.keep(&site.municipality.slug, &used_keys);
    }
    (results, print_stale.into_inner())
}

/// Hands a finished page to the writer when the build streams its pages to disk, keeping only
/// what the sitemap and the summary need: a site's pages are then never all held at once.
fn emit(settings: &RenderSettings, mut rendered: CachedPage) -> CachedPage {
    if let (Some(sink), Some(page)) = (settings.sink, rendered.0.as_mut()) {
        sink.put(&format!("{}index.html", page.path), page.html.as_bytes());
        page.html = String::new();
    }
    rendered
}
