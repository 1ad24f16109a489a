//! What the search index is built from: each searchable page of the site with the words a hit
//! shows (kind, breadcrumb, course facts) and the text of its front matter that readers see.

use super::*;
use crate::search::{self, IndexPage};

impl Renderer<'_> {
    /// The site's search index: every page with `search` on (drafts and other sites' pages are
    /// not in the site to begin with).
    pub(super) fn search_index(&self) -> search::SearchIndex {
        let t = &self.theme.strings;
        let pages: Vec<IndexPage> = self
            .site
            .pages
            .par_iter()
            .filter(|sp| sp.page.common.search)
            .map(|sp| {
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
                        entry.category = self
                            .project
                            .categories
                            .get(&c.category)
                            .map(|c| c.label.clone());
                        entry.location = c
                            .location
                            .as_ref()
                            .and_then(|k| self.site.municipality.locations.get(k))
                            .map(|l| l.name.clone());
                        entry.date = c
                            .schedule
                            .meetings
                            .first()
                            .map(|d| i18n::long_date(*d, self.lang));
                        entry.upcoming = catalogue::status(c, self.settings.today)
                            != catalogue::Status::Finished;
                        lead.extend(c.summary.clone());
                        lead.extend(c.audience.clone());
                    }
                    Details::Manual(m) => {
                        lead.extend(m.summary.clone());
                        lead.extend(m.audience.clone());
                    }
                    Details::Session(s) => {
                        lead.extend(s.goals.iter().cloned());
                        lead.extend(s.materials.iter().cloned());
                        lead.extend(s.agenda.iter().map(|a| a.activity.clone()));
                    }
                    Details::Exercise(e) => lead.extend(e.purpose.clone()),
                    Details::Page | Details::Chapter => {}
                }
                entry.sections = search::sections(page.body(), &page.headings, &lead.join(". "));
                entry
            })
            .collect();
        search::build(&pages)
    }
}
