//! The catalogue's listings: the filter links with their counts, the filter pages (category,
//! audience, place, weekday; free places, no referral, online), the series pages and the archive.
//!
//! Every filter is one facet value with its members, made once per build from the courses
//! `site::courses` resolved; the links, their counts and the pages all come from these, so a
//! link's count is always the number of cards on its page. What a card shows is `courses`.

use super::*;
use crate::catalogue::{
    self, ARCHIVE_PATH, CALENDAR_FILE, FREE_PLACES_PATH, NO_REFERRAL_PATH, ONLINE_PATH,
};
use crate::site::courses::ResolvedCourse;

impl<'a> Renderer<'a> {
    /// The catalogue's facets over `current` courses: for each, the filter pages of its values,
    /// in the order the project lists them. The filter links, their counts and the filter pages
    /// are all made from these, so a link's count is the number of cards on its page.
    fn facets(&self, current: &[&ResolvedCourse]) -> Vec<Facet> {
        let m = &self.site.municipality;
        let keys = |map: Vec<&'a String>| map.into_iter().map(String::as_str).collect::<Vec<_>>();
        let category_order = keys(self.project.categories.keys().collect());
        let location_order = keys(m.locations.keys().collect());
        let audience_order = keys(self.project.audiences.keys().collect());
        let weekday_order = catalogue::WEEKDAY_SLUGS;
        let weekday_name = |slug: &str| {
            let i = weekday_order.iter().position(|w| *w == slug).unwrap_or(0) as i64;
            // 2027-02-01 is a Monday.
            let date =
                NaiveDate::from_ymd_opt(2027, 2, 1).unwrap_or_default() + chrono::Duration::days(i);
            i18n::weekday(date, self.lang).to_string()
        };
        let t = &self.theme.strings;
        let facet = |name: &'static str,
                     folder: &str,
                     order: &[&str],
                     keys: &dyn Fn(&ResolvedCourse) -> Vec<String>,
                     label: &dyn Fn(&str) -> String,
                     title: &dyn Fn(&str) -> String| Facet {
            name,
            values: catalogue::group_by(current, order, |r| keys(r))
                .into_iter()
                .map(|g| {
                    let label = label(&g.slug);
                    FilterPage {
                        path: format!("{folder}{}/", g.slug),
                        title: title(&label),
                        slug: g.slug,
                        label,
                        members: g.members,
                    }
                })
                .collect(),
        };
        let only =
            |name: &'static str, path: &str, key: &str, keep: &dyn Fn(&ResolvedCourse) -> bool| {
                let members: Vec<usize> =
                    (0..current.len()).filter(|i| keep(current[*i])).collect();
                Facet {
                    name,
                    values: vec![FilterPage {
                        slug: name.to_string(),
                        label: t.get(key).to_string(),
                        title: t.get(key).to_string(),
                        path: path.to_string(),
                        members,
                    }],
                }
            };
        vec![
            facet(
                "categories",
                "kurser/kategori/",
                &category_order,
                &|r| vec![r.course.category.clone()],
                &|slug| {
                    self.project
                        .categories
                        .get(slug)
                        .map_or_else(|| slug.to_string(), |c| c.label.clone())
                },
                &|label| format!("{}: {label}", t.get("catalogue_title")),
            ),
            facet(
                "locations",
                "kurser/sted/",
                &location_order,
                &|r| r.course.location.iter().cloned().collect(),
                &|slug| {
                    m.locations
                        .get(slug)
                        .map_or_else(|| slug.to_string(), |l| l.name.clone())
                },
                &|label| format!("{} {label}", t.get("courses_at")),
            ),
            facet(
                "weekdays",
                "kurser/ugedag/",
                &weekday_order,
                &|r| r.weekdays.iter().map(|(_, s)| s.to_string()).collect(),
                &weekday_name,
                &|label| format!("{} {label}", t.get("courses_on")),
            ),
            facet(
                "audiences",
                "kurser/for/",
                &audience_order,
                &|r| r.audiences.iter().map(|a| a.key.clone()).collect(),
                &|slug| {
                    self.project
                        .audiences
                        .get(slug)
                        .map_or_else(|| slug.to_string(), |a| a.label.clone())
                },
                &|label| format!("{} {}", t.get("audience_title"), lower_first(label)),
            ),
            only("online", ONLINE_PATH, "online_title", &|r| {
                r.course.mode.remote()
            }),
            only("no_referral", NO_REFERRAL_PATH, "no_referral_title", &|r| {
                !r.course.referral
            }),
            only("free_places", FREE_PLACES_PATH, "free_places_title", &|r| {
                r.has_places()
            }),
        ]
    }

    /// The filter links of the catalogue (`listing.filters`), with counts.
    fn filters(&self, facets: &[Facet]) -> Value {
        let mut out = serde_json::Map::new();
        for facet in facets {
            let values: Vec<Value> = facet
                .values
                .iter()
                .map(|f| json!({"slug": f.slug, "label": f.label, "path": f.path, "count": f.members.len()}))
                .collect();
            // A facet of one page (`no_referral`, `online`, `free_places`) is that page's link.
            let value = match <[Value; 1]>::try_from(values) {
                Ok([one]) if facet.values[0].slug == facet.name => one,
                Ok(one) => json!(one),
                Err(many) => json!(many),
            };
            out.insert(facet.name.to_string(), value);
        }
        Value::Object(out)
    }

    /// The catalogue listing (`listing` in templates) for a selection of courses.
    pub(super) fn listing(
        &self,
        courses: &[&ResolvedCourse<'a>],
        current: &[&ResolvedCourse<'a>],
        archive: usize,
        filter: Option<&str>,
    ) -> Value {
        let filters = self.filters(&self.facets(current));
        self.listing_of(courses, filters, current.len(), archive, filter)
    }

    /// The listing of `courses`, with the filter links already made.
    fn listing_of(
        &self,
        courses: &[&ResolvedCourse<'a>],
        filters: Value,
        total: usize,
        archive: usize,
        filter: Option<&str>,
    ) -> Value {
        json!({
            "courses": courses.iter().map(|r| self.card(r)).collect::<Vec<_>>(),
            "filters": filters,
            "filter": filter,
            "archive": {"path": ARCHIVE_PATH, "count": archive},
            "calendar": CALENDAR_FILE,
            "total": total,
        })
    }

    /// The filter pages, the series pages and the archive (the main catalogue and the front
    /// page are generated pages).
    pub(super) fn catalogue_pages(
        &self,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Vec<RenderedPage> {
        let current = self.courses.current();
        let finished = self.courses.finished();
        let t = &self.theme.strings;
        let mut pages = Vec::new();
        let facets = self.facets(&current);
        let filters = self.filters(&facets);
        let mut page = |path: &str,
                        template: &str,
                        title: String,
                        courses: Vec<&ResolvedCourse<'a>>,
                        filter: &str,
                        extra: Option<Value>| {
            let mut listing = self.listing_of(
                &courses,
                filters.clone(),
                current.len(),
                finished.len(),
                Some(filter),
            );
            if let Some(extra) = extra {
                listing["series"] = extra;
            }
            pages.extend(self.listing_page(
                path,
                "catalogue",
                template,
                title,
                None,
                listing,
                diags,
                assets,
            ));
        };
        for facet in &facets {
            for f in &facet.values {
                let members = f.members.iter().map(|i| current[*i]).collect();
                page(
                    &f.path,
                    "catalogue.html",
                    f.title.clone(),
                    members,
                    facet.name,
                    None,
                );
            }
        }
        for (series, instances) in self.courses.series() {
            let (now, earlier): (Vec<_>, Vec<_>) =
                instances.iter().copied().partition(|r| !r.finished());
            // The newest term's contact is the one to ask when no term is planned.
            let newest = instances[instances.len() - 1];
            let contact = newest
                .contact
                .or_else(|| instances.iter().rev().find_map(|r| r.contact));
            let data = json!({
                "slug": series,
                "earlier": earlier.iter().rev().map(|r| self.card(r)).collect::<Vec<_>>(),
                "contact": contact,
                "category": newest.category,
            });
            // A series page's address is printed on flyers for every term, so its title is
            // the course's kind (its category), not one term's title.
            let title = newest
                .category
                .map_or_else(|| newest.sp.page.common.title.clone(), |c| c.label.clone());
            page(
                &catalogue::series_path(series),
                "series.html",
                title,
                now,
                "series",
                Some(data),
            );
        }
        page(
            ARCHIVE_PATH,
            "catalogue.html",
            t.get("archive_title").to_string(),
            finished.clone(),
            "archive",
            None,
        );
        pages
    }
}

/// One value of a facet: its filter page and the courses on it (indexes into `current`).
struct FilterPage {
    slug: String,
    label: String,
    title: String,
    path: String,
    members: Vec<usize>,
}

/// A way to narrow the catalogue (category, place, weekday, audience, …) and its values.
struct Facet {
    name: &'static str,
    values: Vec<FilterPage>,
}

/// `Pårørende` → `pårørende`, for a label inside a sentence (`Kurser for pårørende`).
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
