//! The printed term catalogue, `kurser/katalog/`: the courses a citizen can still join in the
//! coming months, grouped by category, on one page that prints as a booklet for the library
//! and the jobcenter (cover, contents, numbered courses, page numbers).
//!
//! Paper cannot be clicked, so each course carries a QR code and its address in letters, both
//! to the course's series page where it has one (that address outlives the term), else to its
//! own page. Which courses belong in it is decided in `catalogue::in_prospectus`; what is said
//! of each course is the one course view of `courses`, so the paper says what the site says.

use qrcode::render::svg;
use qrcode::QrCode;

use super::courses::CourseView;
use super::*;
use crate::catalogue::{self, PROSPECTUS_PATH};
use crate::config::Category;
use crate::site::courses::ResolvedCourse;

/// What `prospectus.html` sees as `prospectus` (themes README).
#[derive(Serialize)]
struct ProspectusView<'a> {
    /// `Kurser februar–juli 2027`: the term, named by the months the catalogue covers.
    term: String,
    /// The day it was made and the last day it covers, in words.
    made: String,
    until: String,
    /// The catalogue online, as an absolute URL: where to find what changed since printing.
    catalogue_url: String,
    /// The categories that have courses, in the project's order.
    sections: Vec<Section<'a>>,
    /// How many courses it holds.
    count: usize,
}

#[derive(Serialize)]
struct Section<'a> {
    /// `None` only where linking already reported the course's category as unknown.
    category: Option<&'a Category>,
    slug: String,
    /// `kategori-<slug>`, the section's id.
    anchor: String,
    courses: Vec<Entry<'a>>,
}

/// One course as printed: numbered through the whole catalogue, since the contents cannot give
/// page numbers (Chromium has no `target-counter()`); the pages are numbered too.
#[derive(Serialize)]
struct Entry<'a> {
    number: usize,
    /// `kursus-<number>`, the course's id.
    anchor: String,
    course: CourseView<'a>,
    /// How many of its meetings were cancelled or moved (`course.meetings` says which).
    changes: usize,
    /// The absolute URL the QR code holds.
    url: String,
    /// The QR code as inline SVG, `aria-hidden`: `url` is printed beside it for reading and
    /// typing. `None` if the URL is too long for a QR code.
    qr: Option<String>,
}

/// `url` as an inline SVG QR code, one unit per module with the quiet zone, sized by CSS.
fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .build();
    // An XML declaration has no place inside HTML; the drawing itself is left as drawn.
    let (_, drawing) = image.split_once("<svg ")?;
    Some(format!(
        "<svg class=\"qr-code\" aria-hidden=\"true\" {drawing}"
    ))
}

impl<'a> Renderer<'a> {
    fn prospectus_view(&self) -> ProspectusView<'a> {
        let today = self.settings.today;
        let end = catalogue::prospectus_period_end(today, self.project.prospectus_months);
        let courses: Vec<&ResolvedCourse<'a>> = self
            .courses
            .all()
            .iter()
            .filter(|r| catalogue::in_prospectus(r.course, r.status, end))
            .collect();
        let order: Vec<&str> = self.project.categories.keys().map(String::as_str).collect();
        let groups = catalogue::group_by(&courses, &order, |r| vec![r.course.category.clone()]);
        let mut number = 0;
        let sections = groups
            .into_iter()
            .map(|group| Section {
                category: self.project.categories.get(&group.slug),
                anchor: format!("kategori-{}", group.slug),
                slug: group.slug,
                courses: group
                    .members
                    .iter()
                    .map(|&i| {
                        let r = courses[i];
                        number += 1;
                        let path = match &r.course.series {
                            Some(series) => catalogue::series_path(series),
                            None => r.sp.path.clone(),
                        };
                        let url = format!("{}{path}", self.settings.base_url);
                        Entry {
                            number,
                            anchor: format!("kursus-{number}"),
                            course: self.course_view(r),
                            changes: r
                                .course
                                .schedule
                                .meetings
                                .iter()
                                .filter(|m| m.cancelled || m.moved)
                                .count(),
                            qr: qr_svg(&url),
                            url,
                        }
                    })
                    .collect(),
            })
            .collect();
        let t = &self.theme.strings;
        ProspectusView {
            term: t
                .get("prospectus_term")
                .replace("{term}", &i18n::month_span(today, end, self.lang)),
            made: i18n::date(today, self.lang),
            until: i18n::date(end, self.lang),
            catalogue_url: format!("{}{CATALOGUE_PATH}", self.settings.base_url),
            count: courses.len(),
            sections,
        }
    }

    /// The printed catalogue's page.
    pub(super) fn prospectus_page(
        &self,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Option<RenderedPage> {
        let title = self.theme.strings.get("prospectus_title").to_string();
        let view = json!(self.prospectus_view());
        self.listing_page(
            PROSPECTUS_PATH,
            "prospectus",
            "prospectus.html",
            title,
            None,
            view,
            diags,
            assets,
        )
    }
}
