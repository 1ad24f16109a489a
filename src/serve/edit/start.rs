//! The editor's start page: per municipality its settings, "Nyt kursus", its courses with
//! their status, its own pages and the manuals it shows; then the shared pages.

use std::collections::BTreeMap;
use std::path::Path;

use super::pages::{self, Entry, ManualEntry, SiteEntry};
use super::text::Words;
use super::{page, Editor, Html};
use crate::build::BuildState;

impl Editor {
    /// The start page, from the project as it loads and links now.
    pub(super) fn start(&self, w: &Words) -> Html {
        let mut opts = crate::build::BuildOptions::new(&self.root);
        opts.drafts = true;
        let today = self.today.unwrap_or(opts.today);
        let linked = match crate::build::load_and_link(&opts, &BuildState::default()) {
            Ok((Some(linked), ..)) => linked,
            Ok((None, problems, _)) => {
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                return page(500, pages::message(w, &format!("{} {first}", w.unloadable)));
            }
            Err(e) => return page(500, pages::message(w, &format!("{} {e}", w.unloadable))),
        };
        let rel_of = |file: &Path| {
            crate::load::display_path(&self.root, file)
                .strip_prefix("content")
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default()
        };
        let entry = |p: &crate::frontmatter::Page, note: Option<String>| Entry {
            rel: rel_of(&p.file),
            title: p.common.title.clone(),
            note,
        };
        let mut sites = Vec::new();
        // Shared pages outside the manuals, once however many sites show them.
        let mut shared: BTreeMap<String, Entry> = BTreeMap::new();
        for site in &linked.sites {
            let slug = site.municipality.slug.clone();
            let mut courses = Vec::new();
            let mut local = Vec::new();
            for sp in &site.pages {
                let own = rel_of(&sp.page.file).starts_with(&format!("{slug}/"));
                match &sp.page.details {
                    crate::frontmatter::Details::Course(course) if own => {
                        let status = crate::catalogue::status(course, today);
                        courses.push(entry(&sp.page, Some(w.status(status))));
                    }
                    crate::frontmatter::Details::Page if own => local.push(entry(&sp.page, None)),
                    crate::frontmatter::Details::Page if sp.manual.is_none() => {
                        let e = entry(&sp.page, None);
                        if e.rel.starts_with("_shared/") {
                            shared.insert(e.rel.clone(), e);
                        }
                    }
                    _ => {}
                }
            }
            let manuals = site
                .manuals
                .iter()
                .map(|m| ManualEntry {
                    front: entry(&site.page(m.front).page, None),
                    chapters: m
                        .chapters
                        .iter()
                        .map(|&(i, _)| entry(&site.page(i).page, None))
                        .collect(),
                    sessions: m
                        .sessions
                        .iter()
                        .map(|&i| entry(&site.page(i).page, None))
                        .collect(),
                    exercises: m
                        .exercises
                        .iter()
                        .map(|&i| entry(&site.page(i).page, None))
                        .collect(),
                })
                .collect();
            sites.push(SiteEntry {
                slug,
                name: site.municipality.name.clone(),
                courses,
                pages: local,
                manuals,
            });
        }
        let shared: Vec<Entry> = shared.into_values().collect();
        page(200, pages::start(w, &sites, &shared))
    }
}
