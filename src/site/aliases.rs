//! Old addresses: a page's `aliases` are the addresses it had before (a renamed file, a site
//! moved from another system). Each gets a small page that sends the browser on, so links and
//! bookmarks citizens keep do not end at a locked door. An alias may not be the address of a
//! page or of a page the site generates, and two pages may not claim the same one: either would
//! leave it unclear where the old address leads, so both are errors naming both files.

use std::collections::HashMap;
use std::path::Path;

use super::{reserved_by, SitePage, GENERATED_PATHS};
use crate::error::Diagnostic;
use crate::messages::{self, IntoArg};

/// The site's old addresses, each as the file its redirect is written to (`gammel-side/` →
/// `gammel-side/index.html`, `arkiv/om.html` as it is) with the page it leads to, by file.
pub fn aliases(
    pages: &[SitePage],
    by_path: &HashMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, usize)> {
    let mut claimed: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (index, sp) in pages.iter().enumerate() {
        for alias in &sp.page.common.aliases {
            let folder = alias.strip_suffix("index.html").unwrap_or(alias);
            let place = |d: Diagnostic| sp.page.diagnostic_at(&["aliases"], Some(alias), d);
            let taken_by = by_path
                .get(folder)
                .map(|&i| pages[i].page.file.display().into_arg())
                .or_else(|| {
                    (GENERATED_PATHS.contains(&folder) || reserved_by(folder).is_some())
                        .then(|| messages::a_generated_page().into_arg())
                });
            if let Some(other) = taken_by {
                diags.push(place(
                    Diagnostic::error(
                        "site.alias-clash",
                        &sp.page.file,
                        messages::alias_clash(alias, other),
                    )
                    .hint(messages::alias_clash_hint()),
                ));
                continue;
            }
            let file = if alias.ends_with('/') {
                format!("{alias}index.html")
            } else {
                alias.clone()
            };
            if let Some(&first) = claimed.get(&file) {
                let first_file: &Path = &pages[first].page.file;
                diags.push(place(
                    Diagnostic::error(
                        "site.duplicate-alias",
                        &sp.page.file,
                        messages::duplicate_alias(first_file.display(), alias),
                    )
                    .hint(messages::duplicate_alias_hint()),
                ));
                continue;
            }
            claimed.insert(file.clone(), index);
            out.push((file, index));
        }
    }
    out.sort();
    out
}
