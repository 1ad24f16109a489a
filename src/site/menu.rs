//! The site's menu: what a citizen can reach from every page besides the course catalogue, the
//! manuals and the search (the header on wide screens, a disclosure menu on small ones, and the
//! footer). Written in `_site.yaml` as `menu:` (pages of the site, as links are written, and
//! addresses elsewhere); without it, the site's top-level plain pages (shared and its own) in
//! the order of their `order`, then title — so a page like "Praktisk" is never reachable only
//! through the search.

use std::collections::HashMap;

use super::SitePage;
use crate::config::Municipality;
use crate::error::{suggest, Diagnostic};
use crate::frontmatter::Kind;
use crate::messages;

/// One entry of the menu.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MenuItem {
    pub label: String,
    /// The site path of a page of the site.
    pub path: Option<String>,
    /// An address elsewhere.
    pub url: Option<String>,
    /// The page, by index in the site's pages.
    #[serde(skip)]
    pub page: Option<usize>,
}

/// The menu of `m`'s site; a `page:` that is not a page of the site is an error placed at it.
pub fn menu(
    m: &Municipality,
    pages: &[SitePage],
    by_rel: &HashMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<MenuItem> {
    let Some(entries) = &m.menu else {
        let mut top: Vec<usize> = (0..pages.len())
            .filter(|&i| {
                pages[i].page.kind == Kind::Page
                    && !pages[i].path.trim_end_matches('/').contains('/')
            })
            .collect();
        top.sort_by(|&a, &b| {
            let key = |i: usize| {
                (
                    pages[i].page.common.order.unwrap_or(i64::MAX),
                    &pages[i].page.common.title,
                )
            };
            key(a).cmp(&key(b))
        });
        return top
            .into_iter()
            .map(|i| MenuItem {
                label: pages[i].page.common.title.clone(),
                path: Some(pages[i].path.clone()),
                url: None,
                page: Some(i),
            })
            .collect();
    };
    let mut items = Vec::new();
    for entry in entries {
        if let Some(url) = &entry.url {
            items.push(MenuItem {
                label: entry.label.clone(),
                path: None,
                url: Some(url.clone()),
                page: None,
            });
            continue;
        }
        let Some(written) = &entry.page else { continue };
        let rel = written.trim_start_matches("./").trim_start_matches('/');
        match by_rel.get(rel) {
            Some(&i) => items.push(MenuItem {
                label: entry.label.clone(),
                path: Some(pages[i].path.clone()),
                url: None,
                page: Some(i),
            }),
            None => {
                // The site's plain pages: what a menu names.
                let mut known: Vec<&str> = (pages.iter())
                    .filter(|p| p.page.kind == Kind::Page)
                    .map(|p| p.page.rel.as_str())
                    .collect();
                known.sort_unstable();
                diags.push(
                    m.diagnostic_at(
                        &["menu"],
                        None,
                        Diagnostic::error(
                            "site.menu",
                            &m.file,
                            messages::menu_not_a_page(written, &m.name),
                        )
                        .hint(messages::menu_not_a_page_hint(suggest(
                            rel,
                            &known,
                            messages::for_example,
                        ))),
                    ),
                );
            }
        }
    }
    items
}
