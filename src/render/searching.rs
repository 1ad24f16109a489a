//! What the search index is built from: each searchable page of the site with the words a hit
//! shows (kind, breadcrumb, the facts its template shows, see `facts`) and the text of its front
//! matter that readers see.

use std::sync::Arc;

use super::facts;
use super::*;
use crate::search::{self, IndexPage};

/// The site's search index, or what is needed to build it.
pub(super) enum IndexPlan {
    /// An index already built: unchanged since the last build, or (`stale`) the site's last one
    /// standing in while the preview server follows an edit.
    Ready(Arc<search::SearchIndex>, bool),
    /// To be built from `pages` into `dir`; `key` keeps it in the cache.
    Build {
        pages: Vec<IndexPage>,
        dir: String,
        key: u64,
    },
}

impl IndexPlan {
    /// The path of the index's `meta.js`, which every page's search form names.
    pub(super) fn meta_path(&self) -> String {
        match self {
            IndexPlan::Ready(index, _) => index.meta_path.clone(),
            IndexPlan::Build { dir, .. } => format!("{dir}meta.js"),
        }
    }
}

impl Renderer<'_> {
    /// Plans the site's search index: every page with `search` on (drafts and other sites'
    /// pages are not in the site to begin with). The index comes from the cache when its pages'
    /// searchable text did not change. With `stale_ok` (the preview server following an edit),
    /// the last index of the site stands in for this build's, and says so: the caller brings it
    /// up to date later.
    pub(super) fn plan_search_index(&self, stale_ok: bool) -> IndexPlan {
        let cache = self.settings.caches.search;
        let slug = &self.site.municipality.slug;
        // Not even the pages are gathered: whether the index is up to date is for later.
        if stale_ok {
            if let Some((_, index)) = cache.and_then(|c| c.get(slug)) {
                return IndexPlan::Ready(index, true);
            }
        }
        let pages = self.index_pages();
        let client: Vec<u8> = ["search.js", "search-language.js"]
            .iter()
            .filter_map(|name| self.theme.statics.get(*name))
            .flatten()
            .copied()
            .collect();
        let dir = search::index_dir(&pages, &client);
        let key = crate::hash::hash_of(&dir);
        if let Some((k, index)) = cache.and_then(|c| c.get(slug)) {
            if k == key {
                return IndexPlan::Ready(index, false);
            }
        }
        IndexPlan::Build { pages, dir, key }
    }

    /// The planned index, built if it has to be (and then kept in the cache).
    pub(super) fn build_search_index(&self, plan: IndexPlan) -> (Arc<search::SearchIndex>, bool) {
        match plan {
            IndexPlan::Ready(index, stale) => (index, stale),
            IndexPlan::Build { pages, dir, key } => {
                let index = Arc::new(search::build(pages, &dir));
                if let Some(cache) = self.settings.caches.search {
                    cache.put(&self.site.municipality.slug, key, index.clone());
                }
                (index, false)
            }
        }
    }

    fn index_pages(&self) -> Vec<IndexPage> {
        let t = &self.theme.strings;
        let pages: Vec<IndexPage> = self
            .site
            .pages
            .par_iter()
            .enumerate()
            .filter(|(_, sp)| sp.page.common.search)
            .map(|(i, sp)| {
                let page = &sp.page;
                let crumbs: Vec<String> = self
                    .breadcrumbs(&sp.path)
                    .into_iter()
                    .skip(1)
                    .map(|l| l.title)
                    .collect();
                let mut lead: Vec<String> = Vec::new();
                let mut entry = IndexPage {
                    title: page.common.title.clone(),
                    path: sp.path.clone(),
                    kind: t
                        .get(&format!("search_kind_{}", page.kind.name()))
                        .to_string(),
                    breadcrumb: crumbs.join(" › "),
                    upcoming: true,
                    ..Default::default()
                };
                lead.extend(page.common.description.clone());
                match &page.details {
                    Details::Course(c) => {
                        if let Some(r) = self.courses.of_page(i) {
                            entry.category = r.category.map(|c| c.label.clone());
                            entry.location = r.location.map(|l| l.name.clone());
                            entry.audiences = r.audiences.iter().map(|a| a.label.clone()).collect();
                            entry.date = r.first().map(|d| i18n::long_date(d, self.lang));
                            entry.upcoming = !r.finished();
                            entry.facts = facts::course_facts(r, t, self.lang);
                        }
                        lead.extend(c.summary.clone());
                        lead.extend(c.audience.clone());
                    }
                    Details::Manual(m) => {
                        lead.extend(m.summary.clone());
                        lead.extend(m.audience.clone());
                    }
                    Details::Session(s) => {
                        entry.facts = facts::session_facts(s, t);
                        lead.extend(s.goals.iter().cloned());
                        lead.extend(s.materials.iter().cloned());
                        lead.extend(s.agenda.iter().map(|a| a.activity.clone()));
                    }
                    Details::Exercise(e) => lead.extend(e.purpose.clone()),
                    Details::Page | Details::Chapter => {}
                }
                let lead = search::sentences(lead.iter().map(String::as_str));
                entry.sections = search::sections(page.body(), &page.headings, &lead);
                entry
            })
            .collect();
        pages
    }
}
