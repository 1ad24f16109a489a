//! Pages a citizen cannot reach: a plain page (not a course, manual or any page a listing
//! shows) that the menu does not name and no other page links to is found only by searching
//! for it. Manual pages and courses are listed by the site itself, so only plain pages are
//! looked at.

use std::collections::HashSet;

use super::body::scan_body;
use crate::error::Diagnostic;
use crate::frontmatter::Kind;
use crate::messages;
use crate::site::links::{self, Target};
use crate::site::Site;

/// A warning for each plain page of `site` that nothing leads to.
pub(super) fn unreachable_pages(site: &Site, out: &mut Vec<Diagnostic>) {
    let mut reached: HashSet<usize> = site.menu.iter().filter_map(|item| item.page).collect();
    let linking = (site.pages.iter().enumerate())
        .map(|(i, sp)| (Some(i), &sp.page))
        .chain(site.intros.values().map(|page| (None, page)));
    for (from, page) in linking {
        for link in scan_body(page.body()).links {
            if let Ok((Target::Page { index, .. }, _)) =
                links::resolve(site, page, &link.dest, false)
            {
                // A page's link to itself leads nobody to it.
                if Some(index) != from {
                    reached.insert(index);
                }
            }
        }
    }
    for (i, sp) in site.pages.iter().enumerate() {
        if sp.page.kind != Kind::Page || reached.contains(&i) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "site.unreachable-page",
                &sp.page.file,
                messages::unreachable_page(&site.municipality.name, &sp.path),
            )
            .hint(messages::unreachable_page_hint(
                site.municipality.file.display(),
            )),
        );
    }
}
