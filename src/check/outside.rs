//! Links of an mdBook book that leave it (`../std/…`, the documentation it was published
//! beside): the build writes them as they are, since they are not the project's to check, and
//! `check` names each one so that staff can decide whether it still leads somewhere.

use super::body::scan_body;
use crate::error::Diagnostic;
use crate::frontmatter::Page;
use crate::messages;
use crate::site::links::{self, has_scheme, Target};
use crate::site::Site;

/// A warning for each link of a book's page that leads out of the book.
pub(super) fn links_leaving_the_book(site: &Site, page: &Page, out: &mut Vec<Diagnostic>) {
    let Some(book) = &page.book else { return };
    for link in scan_body(page.body()).links {
        if has_scheme(&link.dest) || link.dest.starts_with('#') {
            continue;
        }
        if let Ok((Target::Keep, _)) = links::resolve(site, page, &link.dest, false) {
            let d = Diagnostic::warning(
                "link.outside-book",
                &page.file,
                messages::link_outside_book(&link.dest, book.dir.trim_end_matches('/')),
            )
            .hint(messages::link_outside_book_hint());
            out.push(page.at_body(d, link.offset, link.len));
        }
    }
}
