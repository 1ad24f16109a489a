//! After walking and parsing: which Markdown files are snippets that other files include (and
//! so no pages), and what is done to a parsed page that needs the files around it — its
//! directives expanded, and for a page of an mdBook book, mdBook's heading ids.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use super::walk::Walked;
use super::{manual_dir, read, Layer, Overlay};
use crate::error::Diagnostic;
use crate::frontmatter::Page;

/// The Markdown files of `walked` that its files include (`{{#include …}}`). With `base`, those
/// that are not in `walked` but in `base` (a site's page including a shared file).
pub(super) fn snippets(walked: &Walked, base: Option<&Walked>) -> HashSet<String> {
    let has = |w: &Walked, rel: &str| w.layer.sources.contains_key(rel);
    let mut out = HashSet::new();
    for (rel, _, text) in &walked.texts {
        let Ok(text) = text else { continue };
        for path in crate::markdown::directives::included_paths(text) {
            let Some(target) = crate::slug::join_rel(rel, path) else {
                continue;
            };
            match base {
                None if has(walked, &target) => {
                    out.insert(target);
                }
                Some(base) if !has(walked, &target) && has(base, &target) => {
                    out.insert(target);
                }
                _ => {}
            }
        }
    }
    out
}

/// What is done to a parsed page that needs the files around it: its directives expanded, and
/// for a page of an mdBook book, mdBook's heading ids.
pub(super) struct Finishing<'a> {
    pub root: &'a Path,
    pub layer: &'a Layer,
    pub base: Option<&'a Layer>,
    pub overlay: Option<&'a Overlay>,
    pub allow_html: bool,
}

impl Finishing<'_> {
    /// A file by content-relative path: this layer's, else the shared layer's.
    fn read(&self, rel: &str) -> Option<Arc<str>> {
        let summary = |l: &Layer| l.summaries.get(rel).map(|(_, text)| text.clone());
        if let Some(text) = summary(self.layer).or_else(|| self.base.and_then(summary)) {
            return Some(text);
        }
        let find = |l: &Layer| l.sources.get(rel).or_else(|| l.assets.get(rel)).cloned();
        let path = find(self.layer).or_else(|| self.base.and_then(find))?;
        read(self.root, &path, self.overlay).ok()
    }

    pub fn finish(&self, page: Arc<Page>, diags: &mut Vec<Diagnostic>) -> Arc<Page> {
        let book = manual_dir(&page.rel).and_then(|d| {
            let dir = format!("{d}/");
            let find = |l: &Layer| l.books.get(&dir).cloned();
            find(self.layer).or_else(|| self.base.and_then(find))
        });
        let directives = page.body().contains("{{");
        let html = self.allow_html || book.is_some();
        let marked_title = page.kind == crate::frontmatter::Kind::Chapter
            && page.body().trim_start().starts_with('#');
        let anchors = html && page.body().contains("<a");
        if !(directives || book.is_some() || marked_title || anchors) {
            return page;
        }
        let mut page = (*page).clone();
        if directives {
            let (expansion, problems) = crate::markdown::directives::expand(
                page.body(),
                &page.rel,
                manual_dir(&page.rel).map(|d| format!("{d}/")).as_deref(),
                &|rel| self.read(rel),
            );
            for p in problems {
                let d = if p.warning {
                    Diagnostic::warning(p.code, &page.file, p.message)
                } else {
                    Diagnostic::error(p.code, &page.file, p.message)
                };
                diags.push(
                    d.at_offset(&page.text, page.body_offset + p.offset, p.len)
                        .hint(p.hint),
                );
            }
            if let Some(title) = &expansion.title {
                page.common.title = title.clone();
            }
            page.expansion = Some(Arc::new(expansion));
        }
        page.headings = crate::markdown::outline_ids(page.body(), book.is_some()).0;
        if html {
            page.anchors = crate::markdown::html_anchors(page.body());
        }
        if page.expansion.as_ref().is_none_or(|e| e.title.is_none()) {
            page.title_html = crate::markdown::title_html(page.body());
        }
        page.book = book;
        Arc::new(page)
    }
}
