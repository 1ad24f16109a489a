//! Where a link or image written in a page's Markdown leads: one set of rules, used by the render
//! stage (which turns the answer into a URL, and reports a refused one at its place) and by
//! `check` (which looks the fragment up in the page that is finally written). A change to what a
//! link may point at is made here once.
//!
//! In: the linked site, the page a link stands in, the destination as written. Out: a
//! [`Target`] with the fragment it carried, or a message and a hint.

use crate::frontmatter::{Kind, Page};
use crate::messages::{self, Message};
use crate::slug::{join_rel, percent_decode as decode, slugify};

use super::{Site, CATALOGUE_PATH, FRONT_PATH, MANUALS_PATH, SEARCH_PATH};

/// What a destination names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another site (a URL scheme or `//`), or nothing the site checks: kept as written.
    Keep,
    /// A heading of the page the link stands in (`#…`), by its id.
    Here { id: String },
    /// A page of the site by its `.md` file, with the heading id its fragment names (`None`:
    /// no fragment, or a page whose template makes its own ids).
    Page { index: usize, id: Option<String> },
    /// A page by its site path (`../kurser/`): a page of the site, or a generated one (`None`).
    /// Its fragment is not checked here.
    Path { path: String, index: Option<usize> },
    /// A generated page (front page, catalogue…) by the `_index.md` that opens it.
    Generated { path: &'static str },
    /// A file beside the pages (an image, a PDF), by content-relative path.
    Asset { rel: String },
}

/// A refusal: the message and the hint.
pub type Refused = (Message, Message);

/// Schemes that run code when a link is followed; refused wherever a URL comes from content.
pub fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .into_iter()
        .find(|s| cleaned.starts_with(s))
}

/// Whether a destination has a URL scheme (`https:`, `mailto:`) or is protocol-relative: then it
/// leaves the site, and its fragment is not ours to check.
pub fn has_scheme(url: &str) -> bool {
    url.starts_with("//")
        || url.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// What to write instead of a link that climbs out of the site (`../praktisk.md` in
/// `content/testby/om.md`, meaning `content/_shared/praktisk.md`): a municipality's own pages and
/// the shared pages make one folder, so the link that works is the one within that folder. When
/// the page meant is found (climbing stopped at the top, a leading `_shared/` or the
/// municipality's folder name dropped), the hint names the link to write.
fn outside_hint(site: &Site, from: &Page, path: &str) -> Message {
    let mut parts: Vec<&str> = from.rel.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if matches!(parts.first(), Some(&first) if first == "_shared" || first == site.municipality.slug)
    {
        parts.remove(0);
    }
    let meant = parts.join("/");
    if !site.by_rel.contains_key(&meant) {
        return messages::one_folder_hint();
    }
    // The same page, relative to the folder of the page that links.
    let from_dir: Vec<&str> = from
        .rel
        .rsplit_once('/')
        .map_or(Vec::new(), |(dir, _)| dir.split('/').collect());
    let to: Vec<&str> = meant.split('/').collect();
    let common = from_dir.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut link = "../".repeat(from_dir.len() - common);
    link.push_str(&to[common..].join("/"));
    messages::one_folder_write_hint(link)
}

/// Where `dest`, written in `from`, leads; the fragment it carried comes back as written.
pub fn resolve<'d>(
    site: &Site,
    from: &Page,
    dest: &'d str,
    image: bool,
) -> Result<(Target, Option<&'d str>), Refused> {
    if let Some(scheme) = dangerous_scheme(dest) {
        return Err((
            messages::scheme_not_allowed(scheme),
            messages::scheme_not_allowed_hint(),
        ));
    }
    if has_scheme(dest) {
        return Ok((Target::Keep, None));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = decode(path.split('?').next().unwrap_or(""));
    if path.is_empty() {
        return match fragment {
            Some(f) if !image => Ok((
                anchor(from, f)?.map_or(Target::Keep, |id| Target::Here { id }),
                fragment,
            )),
            _ => Ok((Target::Keep, fragment)),
        };
    }
    // A book's links may leave it for its project's other documentation (`../std/…`): they are
    // written as they are, and `check` names them.
    let leaves_book = |rel: Option<&str>| {
        from.book
            .as_ref()
            .is_some_and(|b| !rel.is_some_and(|r| r.starts_with(&b.dir)))
    };
    let Some(rel) = join_rel(&from.rel, &path) else {
        if leaves_book(None) {
            return Ok((Target::Keep, fragment));
        }
        return Err((
            messages::link_outside(dest),
            outside_hint(site, from, &path),
        ));
    };
    if path.ends_with(".md") {
        if let Some(&index) = site.by_rel.get(&rel) {
            let id = anchor(&site.page(index).page, fragment.unwrap_or(""))?;
            return Ok((Target::Page { index, id }, fragment));
        }
        if let Some((path, _)) = site.intros.iter().find(|(_, p)| p.rel == rel) {
            return Ok((Target::Generated { path }, fragment));
        }
        // Its own error is reported where it failed.
        if site.failed.contains(&rel) {
            return Ok((Target::Keep, fragment));
        }
        if site.left_out.contains(&rel) {
            return Err((
                messages::link_left_out(dest, &rel, &site.municipality.name),
                messages::link_left_out_hint(),
            ));
        }
        return Err((
            messages::link_missing(dest, &rel),
            messages::link_missing_hint(),
        ));
    }
    if site.assets.contains_key(&rel) {
        return Ok((Target::Asset { rel }, fragment));
    }
    // mdBook's output name of a chapter (`kapitel.html`, `index.html` for `README.md`).
    if let Some(stem) = rel.strip_suffix(".html") {
        let mut names = vec![format!("{stem}.md")];
        if let Some(dir) = stem.strip_suffix("index") {
            names.push(format!("{dir}README.md"));
        }
        if let Some(&index) = names.iter().find_map(|n| site.by_rel.get(n)) {
            let id = anchor(&site.page(index).page, fragment.unwrap_or(""))?;
            return Ok((Target::Page { index, id }, fragment));
        }
    }
    if leaves_book(Some(&rel)) {
        return Ok((Target::Keep, fragment));
    }
    if !image {
        // A link to a site path (`../kurser/`) rather than to a file.
        let site_path = if rel.is_empty() {
            String::new()
        } else {
            format!("{rel}/")
        };
        let index = site.by_path.get(&site_path).copied();
        if index.is_some()
            || [FRONT_PATH, CATALOGUE_PATH, MANUALS_PATH, SEARCH_PATH].contains(&site_path.as_str())
        {
            return Ok((
                Target::Path {
                    path: site_path,
                    index,
                },
                fragment,
            ));
        }
    }
    Err(if image {
        (
            messages::image_missing(dest, &rel),
            messages::image_missing_hint(),
        )
    } else {
        (
            messages::file_missing(dest, &rel),
            messages::file_missing_hint(),
        )
    })
}

/// Whether the build checks a fragment on `target` against its body headings: not where the
/// page's template makes its sections (a course, a session's agenda) and the body has none.
pub fn checks_fragments(target: &Page) -> bool {
    !target.headings.is_empty() || matches!(target.kind, Kind::Page | Kind::Chapter)
}

/// The heading id a `#fragment` names on `target`. Besides our own ids, a fragment written for
/// mdBook (`#øvelser_i-gruppen`, or percent-encoded) finds its heading by slugifying it the same
/// way, so a book copied in keeps its anchors. `Ok(None)` for an empty fragment; the fragment as
/// it is for pages whose template makes its own ids.
pub fn anchor(target: &Page, fragment: &str) -> Result<Option<String>, Refused> {
    if fragment.is_empty() {
        return Ok(None);
    }
    if let Some(h) = target.headings.iter().find(|h| h.id == fragment) {
        return Ok(Some(h.id.clone()));
    }
    if target.anchors.iter().any(|a| a == fragment) {
        return Ok(Some(fragment.to_string()));
    }
    let wanted = slugify(&decode(fragment));
    if let Some(h) = target.headings.iter().find(|h| h.id == wanted) {
        return Ok(Some(h.id.clone()));
    }
    if !checks_fragments(target) {
        return Ok(Some(fragment.to_string()));
    }
    let ids = target.headings.iter().map(|h| h.id.as_str());
    Err((
        messages::no_heading(target.file.display(), fragment),
        if target.headings.is_empty() {
            messages::no_headings()
        } else {
            messages::headings_are(crate::error::id_list(ids, 20))
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x.dk"));
        assert!(has_scheme("mailto:a@b.dk"));
        assert!(has_scheme("//cdn.example.dk/x.js"));
        assert!(!has_scheme("../x.md"));
        assert!(!has_scheme("x.md#a:b"));
        assert!(!has_scheme("#a:b"));
        assert_eq!(
            dangerous_scheme(" JaVa\tscript:alert(1)"),
            Some("javascript:")
        );
        assert_eq!(dangerous_scheme("https://x"), None);
    }
}
