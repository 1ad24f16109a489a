//! What no site uses: keys of a site's `locations:` and `contacts:` that no course names, and
//! files of `content/` that no site includes or links to.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::SiteUse;
use crate::build::BuildOutcome;
use crate::error::Diagnostic;
use crate::frontmatter::Page;
use crate::load;
use crate::messages::{self, Joined, Message};
use crate::site::Site;

/// Keys of `locations:` and `contacts:` that no course of the site names. Draft courses count as
/// users: they are on their way.
pub(super) fn unused_keys(
    site: &Site,
    own_pages: &BTreeMap<String, Option<Arc<Page>>>,
    shared: &BTreeMap<String, Arc<Page>>,
    out: &mut Vec<Diagnostic>,
) {
    let m = &site.municipality;
    let mut courses: Vec<&crate::frontmatter::Course> = site
        .courses()
        .filter_map(|(_, sp)| sp.page.course())
        .collect();
    for rel in &site.left_out {
        let page = match own_pages.get(rel) {
            Some(own) => own.as_ref(),
            None => shared.get(rel),
        };
        if let Some(page) = page.filter(|p| p.common.draft) {
            courses.extend(page.course());
        }
    }
    let used_locations: HashSet<&str> = courses
        .iter()
        .filter_map(|c| c.location.as_deref())
        .collect();
    let used_contacts: HashSet<&str> = courses
        .iter()
        .filter_map(|c| c.contact.as_deref())
        .collect();
    let sections = [
        (
            "locations",
            "location",
            "site.unused-location",
            m.locations.keys().collect::<Vec<_>>(),
            &used_locations,
        ),
        (
            "contacts",
            "contact",
            "site.unused-contact",
            m.contacts.keys().collect(),
            &used_contacts,
        ),
    ];
    for (section, field, code, keys, used) in sections {
        for key in keys {
            if used.contains(key.as_str()) {
                continue;
            }
            let mut d = Diagnostic::warning(
                code,
                &m.file,
                if field == "location" {
                    messages::unused_location(&m.name, key)
                } else {
                    messages::unused_contact(&m.name, key)
                },
            )
            .hint(messages::unused_key_hint(section, field, key));
            if let Some(place) = crate::locate::key(&m.text, &[section, key]) {
                d = d.at_offset(&m.text, place.offset, place.len);
            }
            out.push(d);
        }
    }
}

/// Why a site does not use the file at `rel`.
fn reason(site: &SiteUse, rel: &str, own_version: bool) -> Message {
    if own_version {
        return messages::own_version(&site.name, &site.slug);
    }
    if site
        .exclude
        .iter()
        .any(|e| e.trim_start_matches("./") == rel)
    {
        return messages::excludes_it(&site.name, &site.slug);
    }
    if let (Some(manual), Some(_)) = (load::manual_dir(rel), &site.manuals) {
        let name = manual.trim_start_matches("manualer/");
        return messages::manual_not_taken(&site.name, name);
    }
    messages::not_included(&site.name)
}

/// Files of `content/` that no site uses: shared pages every site excludes, replaces or does not
/// take (a manual left out), a site's own pages it excludes, and files no page links to.
pub(super) fn unused_files(
    root: &std::path::Path,
    shared: &crate::load::Layer,
    uses: &[SiteUse],
    outcome: &BuildOutcome,
    out: &mut Vec<Diagnostic>,
) {
    let unused = |page: &Page, reasons: Vec<Message>| {
        Diagnostic::warning("content.unused", &page.file, messages::page_unused())
            .at(&page.text, 1, 1)
            .hint(messages::page_unused_hint(Joined(reasons)))
    };
    for (rel, page) in &shared.pages {
        if page.common.draft {
            continue;
        }
        let own = |u: &SiteUse| u.own_pages.contains_key(rel);
        if uses.iter().all(|u| own(u) || u.left_out.contains(rel)) {
            out.push(unused(
                page,
                uses.iter().map(|u| reason(u, rel, own(u))).collect(),
            ));
        }
    }
    for u in uses.iter().filter(|u| u.selected) {
        for (rel, page) in &u.own_pages {
            let Some(page) = page else { continue };
            if !page.common.draft && u.left_out.contains(rel) {
                out.push(unused(page, vec![reason(u, rel, false)]));
            }
        }
    }

    // Images and other files are used when a page links to them: the build copies exactly those
    // into the site. Only judged when every site was built.
    let built: Option<Vec<&crate::output::SiteFiles>> =
        uses.iter().map(|u| outcome.site(&u.slug)).collect();
    let Some(built) = built else { return };
    // A file a page includes (`{{#include kode.rs}}`) is used by that page.
    let included: HashSet<&str> = (shared.pages.values())
        .chain(uses.iter().flat_map(|u| u.own_pages.values().flatten()))
        .filter_map(|p| p.expansion.as_ref())
        .flat_map(|e| e.files.iter().map(String::as_str))
        .collect();
    let copied = |files: &crate::output::SiteFiles, rel: &str| {
        files.files.contains_key(rel) || included.contains(rel)
    };
    let unused_file = |file: PathBuf| {
        Diagnostic::warning("content.unused", file, messages::file_unused())
            .hint(messages::file_unused_hint())
    };
    for (rel, path) in &shared.assets {
        let used = uses
            .iter()
            .zip(&built)
            .any(|(u, files)| !u.own_assets.contains(rel) && copied(files, rel));
        if !used {
            // A book's files are shown where they are (under its `src/`).
            let shown = match path.strip_prefix(root) {
                Ok(p) => p.to_path_buf(),
                Err(_) => PathBuf::from(format!("content/_shared/{rel}")),
            };
            out.push(unused_file(shown));
        }
    }
    for (u, files) in uses.iter().zip(&built) {
        if !u.selected {
            continue;
        }
        for rel in &u.own_assets {
            if u.named_files
                .iter()
                .any(|f| f.trim_start_matches("./") == rel)
                || copied(files, rel)
            {
                continue;
            }
            out.push(unused_file(PathBuf::from(format!(
                "content/{}/{rel}",
                u.slug
            ))));
        }
    }
}
