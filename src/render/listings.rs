//! The generated pages: the front page, the catalogue and its filter pages, the manuals list
//! and the search page with its A–Å index, each opened by an `_index.md` where there is one.

use super::*;
use crate::catalogue::Status;

impl Renderer<'_> {
    pub(super) fn render_generated(
        &self,
        path: &'static str,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Option<RenderedPage> {
        let (kind, template, title) = match path {
            FRONT_PATH => ("front", "front.html", self.site.municipality.name.clone()),
            CATALOGUE_PATH => ("catalogue", "catalogue.html", self.generated_title(path)?),
            MANUALS_PATH => ("manuals", "manuals.html", self.generated_title(path)?),
            _ => ("search", "search.html", self.generated_title(path)?),
        };
        let data = match kind {
            "front" | "catalogue" => {
                let current = self.courses.current();
                let archive = self.courses.all().len() - current.len();
                if kind == "front" {
                    // The front page shows the next courses to start that a citizen can
                    // still sign up for (a waiting list too), not those already running.
                    let next: Vec<_> = current
                        .iter()
                        .copied()
                        .filter(|r| r.status == Status::Open && r.can_sign_up())
                        .take(6)
                        .collect();
                    self.listing(&next, &current, archive, None)
                } else {
                    self.listing(&current, &current, archive, None)
                }
            }
            "search" => {
                // The A–Å index: every searchable page under its first letter, in Danish order.
                // Leading punctuation and symbols (`(Ny) …`, `«…»`, a backtick) do not count, so
                // each letter has one group, and so one id.
                let mut pages: Vec<((bool, String), String, String, &SitePage)> = self
                    .site
                    .pages
                    .iter()
                    .filter(|p| p.page.common.search)
                    .map(|p| {
                        let title = &p.page.common.title;
                        let letter = index_letter(title);
                        let from_letter = title.trim_start_matches(|c: char| !c.is_alphanumeric());
                        let group = (letter != "#", danish_sort_key(&letter));
                        (group, danish_sort_key(from_letter), letter, p)
                    })
                    .collect();
                pages.sort_by(|a, b| (&a.0, &a.1, &a.3.path).cmp(&(&b.0, &b.1, &b.3.path)));
                let mut letters: Vec<(String, Vec<Value>)> = Vec::new();
                for (_, _, letter, p) in pages {
                    let entry = json!({"title": p.page.common.title, "path": p.path, "kind": p.page.kind.name()});
                    match letters.last_mut() {
                        Some((l, list)) if *l == letter => list.push(entry),
                        _ => letters.push((letter, vec![entry])),
                    }
                }
                // Letters without an ASCII slug (`#`, Greek, Arabic) are numbered, so no two
                // groups share an id.
                let mut anchors = std::collections::HashSet::new();
                let letters: Vec<Value> = letters
                    .into_iter()
                    .enumerate()
                    .map(|(i, (letter, pages))| {
                        let anchor = match slugify(&letter) {
                            a if a.is_empty() && letter == "#" => "tal".to_string(),
                            a if a.is_empty() || anchors.contains(&a) => {
                                format!("gruppe-{}", i + 1)
                            }
                            a => a,
                        };
                        anchors.insert(anchor.clone());
                        json!({"letter": letter, "anchor": anchor, "pages": pages})
                    })
                    .collect();
                json!({"letters": letters})
            }
            _ => Value::Null,
        };
        let intro = self.site.intros.get(path);
        let title = match intro {
            Some(page) if path != FRONT_PATH => page.common.title.clone(),
            _ => title,
        };
        self.listing_page(path, kind, template, title, intro, data, diags, assets)
    }

    /// Renders a generated page: `data` goes to templates as `listing` (front page, catalogue)
    /// or `search`; `intro` is the `_index.md` whose body opens the page.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn listing_page(
        &self,
        path: &str,
        kind: &'static str,
        template: &str,
        title: String,
        intro: Option<&std::sync::Arc<Page>>,
        mut data: Value,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Option<RenderedPage> {
        let (content, starts_with_h1, description) = match intro {
            Some(page) => {
                let sp = SitePage {
                    page: page.clone(),
                    path: path.to_string(),
                    manual: None,
                };
                let r = self.body(&sp, page, diags, assets);
                (r.html, r.starts_with_h1, describe::of_page(page))
            }
            None => (String::new(), false, None),
        };
        let description = description.or_else(|| Some(self.generated_description(kind, &title)));
        let empty = Value::Object(Default::default());
        let view = PageView {
            kind,
            title: &title,
            description,
            path,
            permalink: format!("{}{}", self.settings.base_url, path),
            content,
            starts_with_h1,
            toc: Vec::new(),
            updated: None,
            breadcrumbs: self.breadcrumbs(path),
            extra: &empty,
        };
        let mut ctx = self.context(path);
        ctx.insert("page", &view);
        match kind {
            "search" => ctx.insert("search", &data),
            "prospectus" => ctx.insert("prospectus", &data),
            "front" | "catalogue" => {
                data["intro"] = json!(view.content);
                ctx.insert("listing", &data);
            }
            _ => {}
        }
        let file = self.site.dir.join(path);
        match self.render_template(template, &ctx, &file) {
            Ok(html) => Some(RenderedPage {
                path: path.to_string(),
                html,
                title,
                kind,
                updated: None,
            }),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

/// The letter a title is listed under in the A–Å index: its first letter or digit, with É under
/// E but Æ, Ø and Å letters of their own; `#` for titles that begin with a digit or have none.
fn index_letter(title: &str) -> String {
    match title.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if "æøåÆØÅ".contains(c) => c.to_uppercase().collect(),
        Some(c) if c.is_alphabetic() => crate::search::language::fold(&c.to_string())
            .chars()
            .next()
            .map(|f| f.to_uppercase().collect())
            .unwrap_or_else(|| "#".into()),
        _ => "#".to_string(),
    }
}

/// A sort key that puts Danish letters where Danish readers look for them: æ, ø, å after z.
fn danish_sort_key(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '\u{7b}',
            'ø' | 'ö' => '\u{7c}',
            'å' => '\u{7d}',
            'é' | 'è' => 'e',
            c => c,
        })
        .collect()
}
