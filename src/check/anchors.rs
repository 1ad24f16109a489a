//! Fragments the build could not check (into sections a template makes, generated pages, site
//! paths), looked up among the ids of the rendered pages, through the same resolver the build
//! uses (`site::links`).

use std::collections::{HashMap, HashSet};

use super::body::scan_body;
use crate::error::Diagnostic;
use crate::messages::{self, Arg, IntoArg, Message};
use crate::site::links::{self, Target};
use crate::site::Site;
use crate::slug::percent_decode;

/// Checks every `#fragment` the build could not check itself: into pages whose template makes
/// the sections (a course's practical information, a session's agenda), into generated pages,
/// and through links to site paths (`../kurser/#…`). The ids are read from the rendered page.
pub(super) fn anchor_findings(
    site: &Site,
    files: &crate::output::SiteFiles,
    out: &mut Vec<Diagnostic>,
) {
    // Each rendered page's ids are read once, into a set, with the hint its broken links get:
    // a page linked ten thousand times is scanned once, and every lookup is constant time.
    let mut ids_of: HashMap<String, Option<PageIds>> = HashMap::new();
    for (index, sp) in site.pages.iter().enumerate() {
        let page = &sp.page;
        for link in scan_body(page.body()).links {
            let Some((_, fragment)) = link.dest.split_once('#') else {
                continue;
            };
            if fragment.is_empty() {
                continue;
            }
            // A link the build refused is reported by the build.
            let Ok((target, _)) = links::resolve(site, page, &link.dest, false) else {
                continue;
            };
            let Some((output, shown)) = anchor_target(site, index, target) else {
                continue;
            };
            let Some(ids) = ids_of
                .entry(output.clone())
                .or_insert_with(|| files.text(&output).map(PageIds::of))
            else {
                continue;
            };
            if ids.set.contains(fragment) || ids.set.contains(percent_decode(fragment).as_str()) {
                continue;
            }
            let d = Diagnostic::error(
                "markdown.missing-anchor",
                &page.file,
                messages::no_element_id(shown, fragment),
            );
            out.push(
                page.at_body(d, link.offset, link.len)
                    .hint(ids.hint.clone()),
            );
        }
    }
}

/// The ids of one rendered page, and what a link to a missing one is told.
struct PageIds {
    set: HashSet<String>,
    hint: Message,
}

impl PageIds {
    fn of(html: &str) -> Self {
        let ids = element_ids(html);
        let headings = |(tag, _): &&(String, String)| {
            matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        };
        let mut sections: Vec<&str> = ids
            .iter()
            .filter(headings)
            .map(|(_, id)| id.as_str())
            .collect();
        if sections.is_empty() {
            sections = ids.iter().map(|(_, id)| id.as_str()).collect();
        }
        let hint = if sections.is_empty() {
            messages::no_ids_hint()
        } else {
            messages::sections_are(crate::error::id_list(sections.iter().copied(), 20))
        };
        PageIds {
            set: ids.into_iter().map(|(_, id)| id).collect(),
            hint,
        }
    }
}

/// The rendered file a link's fragment is looked up in, and how to name it, when the build did
/// not check the fragment itself (see [`links::checks_fragments`]).
fn anchor_target(site: &Site, from: usize, target: Target) -> Option<(String, Arg)> {
    let page = |i: usize| {
        let sp = site.page(i);
        (
            format!("{}index.html", sp.path),
            sp.page.file.display().into_arg(),
        )
    };
    let generated = |g: &str| {
        let shown = messages::the_generated_page(g).into_arg();
        (format!("{g}index.html"), shown)
    };
    match target {
        Target::Here { .. } => {
            (!links::checks_fragments(&site.page(from).page)).then(|| page(from))
        }
        Target::Page { index, .. } => {
            (!links::checks_fragments(&site.page(index).page)).then(|| page(index))
        }
        Target::Path { index: Some(i), .. } => Some(page(i)),
        Target::Path { path, index: None } => Some(generated(&path)),
        Target::Generated { path } => Some(generated(path)),
        Target::Keep | Target::Asset { .. } => None,
    }
}

/// The `(element name, id)` of every element of an HTML page with an `id` attribute, quoted or
/// not (raw HTML in Markdown may leave them out). A small scan of the tags rather than a parser:
/// the pages are our own output, and only their ids matter.
pub fn element_ids(html: &str) -> Vec<(String, String)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let start = i + found + 1;
        if html[start..].starts_with("!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let name_len = html[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(html.len() - start);
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            i = start;
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let mut j = start + name_len;
        // Attributes, up to the tag's `>`.
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() {
                break;
            }
            if bytes[j] == b'>' {
                j += 1;
                break;
            }
            let attr_start = j;
            while j < bytes.len() && !(bytes[j].is_ascii_whitespace() || b"=>/".contains(&bytes[j]))
            {
                j += 1;
            }
            let attr = &html[attr_start..j];
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                let (value, next) = match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[j + 1..]
                            .find(q as char)
                            .map_or(html.len(), |e| j + 1 + e);
                        (&html[(j + 1).min(end)..end], (end + 1).min(html.len()))
                    }
                    _ => {
                        let end = html[j..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(html.len(), |e| j + e);
                        (&html[j..end], end)
                    }
                };
                if attr.eq_ignore_ascii_case("id") && !value.is_empty() {
                    out.push((name.clone(), value.replace("&amp;", "&")));
                }
                j = next;
            } else if j == attr_start {
                j += 1;
            }
        }
        i = j.min(html.len());
        // The text of scripts and styles is not markup.
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..].find(&close).map_or(html.len(), |e| i + e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_quoted_and_unquoted() {
        let html = r#"<!doctype html><h2 id=kursus-sted>Sted</h2><p id="a b">x</p><!-- <i id=nej> --><script>let s = "<b id=nej>";</script><section class=x id='tre'><input id=fire/>"#;
        let ids = element_ids(html);
        assert_eq!(
            ids,
            [
                ("h2".to_string(), "kursus-sted".to_string()),
                ("p".to_string(), "a b".to_string()),
                ("section".to_string(), "tre".to_string()),
                ("input".to_string(), "fire/".to_string()),
            ]
        );
    }
}
