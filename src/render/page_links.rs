//! A page's links and images as URLs: the site's one resolver ([`links::resolve`]) answers where
//! a destination leads, and this turns the answer into a URL relative to the page (an in-page
//! anchor on a manual's print page), remembering the files the page uses.

use super::*;

/// Resolves a page's links and images against its site; remembers the files it references.
pub(super) struct PageLinks<'a> {
    pub(super) site: &'a Site,
    pub(super) page: &'a SitePage,
    pub(super) used_assets: RefCell<Vec<String>>,
    /// On a manual's print page: the in-page anchor of each page printed there, by page index.
    pub(super) print: Option<&'a HashMap<usize, String>>,
}

impl PageLinks<'_> {
    /// The shortest link from this page to a site path.
    pub(super) fn link(&self, to: &str) -> String {
        crate::slug::relative_link(&self.page.path, to)
    }

    /// Where a link to page `index` (with a resolved heading id) points from this page: in the
    /// whole-manual print page, an in-page anchor when the target is part of it.
    pub(super) fn href_to(&self, index: usize, id: Option<&str>) -> String {
        if let Some(print) = self.print {
            if let Some(anchor) = print.get(&index) {
                // Body headings keep their (prefixed) ids on the print page; ids that only the
                // page's own template makes (a session's agenda) land on the part itself.
                let heading = id.filter(|id| {
                    self.site
                        .page(index)
                        .page
                        .headings
                        .iter()
                        .any(|h| h.id == *id)
                });
                return match heading {
                    Some(id) => format!("#{anchor}-{id}"),
                    None => format!("#{anchor}"),
                };
            }
        }
        let frag = id.map(|id| format!("#{id}")).unwrap_or_default();
        self.link(&format!("{}{frag}", self.site.page(index).path))
    }

    /// A destination as the page writes it: [`links::resolve`]'s answer as a URL relative to
    /// this page (an in-page anchor on a manual's print page), the files it uses remembered.
    pub(super) fn resolve(&self, dest: &str, image: bool) -> Resolved {
        let (target, fragment) = match links::resolve(self.site, &self.page.page, dest, image) {
            Ok(found) => found,
            Err((message, hint)) => return Resolved::Problem(message, hint),
        };
        let frag = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        match target {
            Target::Keep => Resolved::Keep,
            Target::Here { id } => {
                let part = self.print.and_then(|p| {
                    self.site
                        .by_rel
                        .get(&self.page.page.rel)
                        .and_then(|i| p.get(i))
                });
                match part {
                    Some(anchor) => Resolved::Rewrite(format!("#{anchor}-{id}")),
                    None => Resolved::Rewrite(format!("#{id}")),
                }
            }
            Target::Page { index, id } => Resolved::Rewrite(self.href_to(index, id.as_deref())),
            Target::Generated { path } => Resolved::Rewrite(self.link(&format!("{path}{frag}"))),
            Target::Path { path, .. } => Resolved::Rewrite(self.link(&format!("{path}{frag}"))),
            Target::Asset { rel } => {
                let url = self.link(&format!("{rel}{frag}"));
                self.used_assets.borrow_mut().push(rel);
                Resolved::Rewrite(url)
            }
        }
    }
}

impl Resolver for PageLinks<'_> {
    fn link(&self, dest: &str) -> Resolved {
        self.resolve(dest, false)
    }
    fn image(&self, dest: &str) -> Resolved {
        self.resolve(dest, true)
    }
}
