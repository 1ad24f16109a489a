//! Render: Markdown bodies to HTML and every page through the theme's Tera templates.
//!
//! In: a linked [`Site`], its compiled [`Theme`] and the build's settings. Out: the site's pages as
//! HTML strings by site path, and the problems found (broken links, missing images, template
//! errors). Pages render in parallel; nothing here touches the disk. The view structs below are
//! what templates see; `themes/default/README.md` documents them.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};
use tera::Context;

use crate::config::{Language, Project};
use crate::error::Diagnostic;
use crate::frontmatter::{Details, Facilitator, Page};
use crate::i18n;
use crate::markdown::{self, Heading, Resolved, Resolver, Settings};
use crate::output::RenderedPage;
use crate::site::courses::Courses;
use crate::site::links::{self, Target};
use crate::site::{
    Site, SitePage, TocEntry, CATALOGUE_PATH, FRONT_PATH, MANUALS_PATH, SEARCH_PATH, WAS_PATH,
};
use crate::slug::{relative_prefix, slugify};
use crate::theme::Theme;

use cache::site_fingerprint;
pub use cache::RenderCache;
use page_links::PageLinks;
use pages::render_pages;

mod cache;
mod course_files;
mod courses;
mod describe;
mod facts;
mod filters;
mod listings;
mod manuals;
mod page_links;
mod pages;
mod print;
mod prospectus;
mod searching;

/// The Content-Security-Policy every page carries (templates get it as `csp`, for a
/// `<meta http-equiv>` at the top of `<head>`): scripts, styles, images and everything else only
/// from the site itself, no inline scripts, no inline styles, no `eval`, no plugins, no `<base>`.
/// Should anything in a page's content slip past the escaping and sanitizing, the browser still
/// refuses to run it. The theme keeps every script and style in `static/` files for this.
///
/// `'self'` is enough from `file://` too (a site copied and opened offline): Chromium treats
/// other `file:` URLs as the page's own origin for `'self'`, so the search client and the index
/// shards it adds as `<script>` elements load (the browser tests check this). `frame-ancestors`
/// would be ignored in a `<meta>`, so it is left out. Scripts, styles, images, fonts and
/// connections all fall back to `default-src`, so they are not named again: the policy is on
/// every page, and every byte of it is paid for on every page.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// The site's logo as pages show it: its hashed path, and its size when it could be read (the
/// `<img>` then has `width` and `height`, so nothing moves while it loads).
#[derive(Debug, Clone)]
pub struct Logo {
    pub path: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// What a build needs to know beyond the content.
#[derive(Debug, Clone)]
pub struct RenderSettings<'c> {
    /// The base URL of this site, ending in `/`.
    pub base_url: String,
    /// The day the build is for: decides which courses are upcoming.
    pub today: NaiveDate,
    /// Work of earlier sites and builds: Markdown bodies, and (where kept) finished pages and
    /// each site's last search index, so what did not change is not rendered again.
    pub caches: RenderCaches<'c>,
    /// Let the site's last search index and print pages stand in for changed ones (the preview
    /// server following an edit).
    pub defer: bool,
    /// Keep rendered bodies for the sites after this one and for later builds: worth it only
    /// when there are any.
    pub keep_bodies: bool,
    /// Where a build to disk writes each page as soon as it is rendered; the page handed back
    /// then keeps its path and title but no HTML. `None` keeps every page in memory.
    pub sink: Option<&'c crate::output::SiteStage>,
}

/// The caches the render stage reads and fills; the build owns them.
#[derive(Debug, Clone, Copy)]
pub struct RenderCaches<'c> {
    pub bodies: &'c markdown::BodyCache,
    pub rendered: Option<&'c RenderCache>,
    pub search: Option<&'c crate::search::SearchCache>,
}

/// The rendered site: pages, plus the content files they reference (by content-relative path).
#[derive(Debug, Default)]
pub struct RenderedSite {
    pub pages: Vec<RenderedPage>,
    /// Other generated files by site path: calendars, the feed, `kurser.json`, the search index.
    pub files: Vec<(String, String)>,
    /// Time spent on the search index: gathering its pages, then building it alongside the
    /// pages.
    pub search_time: std::time::Duration,
    /// The part of `search_time` spent before the pages could be rendered.
    pub search_before_render: std::time::Duration,
    /// The search index or a print page is the site's last one, not yet rebuilt for this
    /// build's pages.
    pub stale: bool,
    /// Pages that only send the browser on (`was/` → the accessibility statement, and each old
    /// address of a page), by the file they are written to. They are not in the sitemap.
    pub redirects: Vec<(String, String)>,
    pub assets: BTreeSet<String>,
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    path: String,
    /// The title with its Markdown (a book's `` `code` `` and *emphasis*), for navigation.
    #[serde(skip_serializing_if = "Option::is_none")]
    title_html: Option<String>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    slug: &'a str,
    name: &'a str,
    base_url: &'a str,
    project_title: &'a str,
    logo: Option<&'a str>,
    /// The logo's width and height, when known (see [`Logo`]).
    logo_width: Option<u32>,
    logo_height: Option<u32>,
    icons: &'a [crate::icons::Icon],
    primary_color: &'a str,
    accessibility_statement: Option<&'a str>,
    contacts: Vec<&'a crate::config::Contact>,
    locations: Vec<&'a crate::config::Location>,
    manuals: Vec<Value>,
    categories: Vec<&'a crate::config::Category>,
    /// The site's menu: `label`, and `path` (a page of the site) or `url`.
    menu: &'a [crate::site::MenuItem],
}

#[derive(Serialize)]
struct PageView<'a> {
    kind: &'a str,
    title: &'a str,
    description: Option<String>,
    path: &'a str,
    permalink: String,
    content: String,
    starts_with_h1: bool,
    toc: Vec<&'a Heading>,
    updated: Option<String>,
    breadcrumbs: Vec<Link>,
    extra: &'a Value,
}

/// Everything the pages of one site share while rendering.
struct Renderer<'a> {
    site: &'a Site,
    project: &'a Project,
    theme: &'a Theme,
    settings: &'a RenderSettings<'a>,
    markdown: Settings,
    site_value: tera::Value,
    strings_value: tera::Value,
    assets_value: tera::Value,
    lang: Language,
    /// Site path of the search index's `meta.js`.
    search_meta: String,
    /// The site's courses, resolved for `settings.today`.
    courses: Courses<'a>,
    /// Their views for cards, in catalogue order, made when first needed.
    course_cards: std::sync::OnceLock<Vec<Value>>,
}

/// The `{title, path}` of a page by index.
fn link_to(site: &Site, i: usize) -> Link {
    let p = site.page(i);
    Link {
        title: p.page.common.title.clone(),
        path: p.path.clone(),
        title_html: p.page.title_html.clone(),
    }
}

impl<'a> Renderer<'a> {
    fn breadcrumbs(&self, path: &str) -> Vec<Link> {
        let mut crumbs = vec![Link {
            title: self.theme.strings.get("home").to_string(),
            path: String::new(),
            title_html: None,
        }];
        if path.is_empty() {
            return Vec::new();
        }
        let mut prefix = String::new();
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        for seg in &segments[..segments.len() - 1] {
            prefix.push_str(seg);
            prefix.push('/');
            if let Some(&i) = self.site.by_path.get(&prefix) {
                crumbs.push(link_to(self.site, i));
            } else if let Some(title) = self.generated_title(&prefix) {
                crumbs.push(Link {
                    title,
                    path: prefix.clone(),
                    title_html: None,
                });
            }
        }
        crumbs
    }

    fn generated_title(&self, path: &str) -> Option<String> {
        let key = match path {
            CATALOGUE_PATH => "catalogue_title",
            MANUALS_PATH => "manuals_title",
            SEARCH_PATH => "search_title",
            _ => return None,
        };
        Some(match self.site.intros.get(path) {
            Some(intro) => intro.common.title.clone(),
            None => self.theme.strings.get(key).to_string(),
        })
    }

    /// The description of a generated page that has no `_index.md` to take one from.
    fn generated_description(&self, kind: &str, title: &str) -> String {
        let key = match kind {
            "front" => "description_front",
            "catalogue" => "description_catalogue",
            "manuals" => "description_manuals",
            "prospectus" => "description_prospectus",
            _ => "description_search",
        };
        describe::sentences(
            &self
                .theme
                .strings
                .get(key)
                .replace("{site}", &self.site.municipality.name)
                .replace("{title}", title),
        )
    }

    fn context(&self, path: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert("lang", self.lang.code());
        ctx.insert_value("t", self.strings_value.clone());
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert_value("assets", self.assets_value.clone());
        ctx.insert("root", &relative_prefix(path));
        ctx.insert("here", path);
        ctx.insert("csp", CONTENT_SECURITY_POLICY);
        // Only the search page names the index: its folder changes with every content change,
        // and no other page should have to be rendered again for that.
        if path == SEARCH_PATH {
            ctx.insert("search_index", &self.search_meta);
        }
        ctx
    }

    fn render_template(
        &self,
        template: &str,
        ctx: &Context,
        file: &std::path::Path,
    ) -> Result<String, Diagnostic> {
        self.theme.tera.render(template, ctx).map_err(|e| {
            let d = crate::theme::template_diagnostic(&e, &self.theme.sources);
            // The same template mistake shows on many pages: one report names the first page.
            let hint = d
                .hint
                .clone()
                .unwrap_or_else(crate::messages::template_error_hint);
            d.hint(crate::messages::first_seen(hint, file.display()))
        })
    }

    /// Renders a Markdown body for the page at `index`, placing its problems in the file.
    fn body(
        &self,
        sp: &SitePage,
        page: &Page,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> markdown::Rendered {
        self.body_in(sp, page, None, diags, assets)
    }

    /// Renders a body, placed in a manual's print page when `print` gives the anchors there.
    fn body_in(
        &self,
        sp: &SitePage,
        page: &Page,
        print: Option<(&HashMap<usize, String>, markdown::Embed)>,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> markdown::Rendered {
        let links = PageLinks {
            site: self.site,
            page: sp,
            used_assets: RefCell::new(Vec::new()),
            print: print.map(|(anchors, _)| anchors),
        };
        let embed = print.map(|(_, e)| e);
        // A book's pages are written for mdBook, which shows raw HTML: here it is sanitized.
        let book_settings;
        let md = match &page.book {
            Some(book) => {
                book_settings = Settings {
                    allow_html: true,
                    hidelines: book.hidelines.clone(),
                    close_heading_gaps: true,
                    ..self.markdown.clone()
                };
                &book_settings
            }
            None => &self.markdown,
        };
        let rendered = if self.settings.keep_bodies {
            let bodies = self.settings.caches.bodies;
            bodies.render(page.body(), &page.headings, md, &links, embed)
        } else {
            markdown::render_embedded(page.body(), &page.headings, md, &links, embed)
        };
        for p in &rendered.problems {
            let d = page
                .at_body(
                    Diagnostic::error(p.code, &page.file, p.message.clone()),
                    p.offset,
                    p.len,
                )
                .hint(p.hint.clone());
            diags.push(if p.severity == crate::error::Severity::Warning {
                crate::error::Diagnostic {
                    severity: p.severity,
                    ..d
                }
            } else {
                d
            });
        }
        assets.extend(links.used_assets.into_inner());
        rendered
    }

    fn page_view<'p>(
        &self,
        sp: &'p SitePage,
        content: String,
        starts_with_h1: bool,
    ) -> PageView<'p> {
        let page = &sp.page;
        PageView {
            kind: page.kind.name(),
            title: &page.common.title,
            description: describe::of_page(page),
            path: &sp.path,
            permalink: format!("{}{}", self.settings.base_url, sp.path),
            content,
            starts_with_h1,
            toc: page
                .headings
                .iter()
                .filter(|h| (2..=3).contains(&h.level))
                .collect(),
            updated: page.common.updated.map(|d| i18n::date(d.0, self.lang)),
            breadcrumbs: self.breadcrumbs(&sp.path),
            extra: &page.common.extra,
        }
    }

    fn render_page(
        &self,
        index: usize,
        diags: &mut Vec<Diagnostic>,
        assets: &mut Vec<String>,
    ) -> Option<RenderedPage> {
        let sp = self.site.page(index);
        let page = &sp.page;
        let rendered = self.body(sp, page, diags, assets);
        let view = self.page_view(sp, rendered.html, rendered.starts_with_h1);
        let mut ctx = self.context(&sp.path);
        ctx.insert("page", &view);
        let template = match (&page.details, sp.manual) {
            (Details::Course(_), _) => {
                if let Some(r) = self.courses.of_page(index) {
                    ctx.insert("course", &self.course_page_view(r));
                }
                "course.html"
            }
            (Details::Manual(_), Some(m)) => {
                ctx.insert("manual", &self.manual_view(m));
                "manual.html"
            }
            (Details::Session(_), Some(m)) => {
                ctx.insert("session", &self.session_view(index, m));
                "session.html"
            }
            (Details::Exercise(_), Some(m)) => {
                ctx.insert("exercise", &self.exercise_view(index, m));
                "exercise.html"
            }
            (Details::Chapter | Details::Page, Some(m)) => {
                ctx.insert("chapter", &self.chapter_view(index, m));
                "chapter.html"
            }
            _ => "page.html",
        };
        match self.render_template(template, &ctx, &page.file) {
            Ok(html) => Some(RenderedPage {
                path: sp.path.clone(),
                html,
                title: page.common.title.clone(),
                kind: page.kind.name(),
                updated: page.common.updated.map(|d| d.0),
            }),
            Err(d) => {
                diags.push(d);
                None
            }
        }
    }
}

/// Renders every page of a site. `assets` maps static names to hashed site paths.
pub fn render_site(
    site: &Site,
    project: &Project,
    theme: &Theme,
    settings: &RenderSettings<'_>,
    asset_paths: &BTreeMap<String, String>,
    logo: Option<&Logo>,
    icons: &[crate::icons::Icon],
) -> (RenderedSite, Vec<Diagnostic>) {
    let m = &site.municipality;
    let site_view = SiteView {
        slug: &m.slug,
        name: &m.name,
        base_url: &settings.base_url,
        project_title: &project.title,
        logo: logo.map(|l| l.path.as_str()),
        logo_width: logo.and_then(|l| l.width),
        logo_height: logo.and_then(|l| l.height),
        icons,
        primary_color: &m.primary_color,
        accessibility_statement: m.accessibility_statement.as_deref(),
        contacts: m.contacts.values().collect(),
        locations: m.locations.values().collect(),
        manuals: site
            .manuals
            .iter()
            .map(|man| {
                let p = site.page(man.front);
                let summary = match &p.page.details {
                    Details::Manual(mf) => mf.summary.clone(),
                    _ => None,
                };
                json!({"title": p.page.common.title, "path": p.path, "summary": summary})
            })
            .collect(),
        categories: project.categories.values().collect(),
        menu: &site.menu,
    };
    let strings = &theme.strings;
    let mut renderer = Renderer {
        site,
        project,
        theme,
        settings,
        markdown: Settings::with_words(project.allow_html, |k| strings.get(k).to_string()),
        site_value: to_value(&site_view),
        strings_value: to_value(&theme.strings),
        assets_value: to_value(asset_paths),
        lang: project.language,
        search_meta: String::new(),
        courses: Courses::resolve(site, project, settings.today),
        course_cards: Default::default(),
    };
    // Every page's search form names the index's meta file, and its name is known before the
    // index is built: the index is built alongside the pages.
    let search_started = std::time::Instant::now();
    let plan = renderer.plan_search_index(settings.defer);
    let search_planned = search_started.elapsed();
    renderer.search_meta = plan.meta_path();
    let ((index, stale, search_built), (results, print_stale)) = rayon::join(
        || {
            let started = std::time::Instant::now();
            let (index, stale) = renderer.build_search_index(plan);
            (index, stale, started.elapsed())
        },
        || render_pages(&renderer, asset_paths),
    );
    let mut out = RenderedSite::default();
    let mut diags = Vec::new();
    // `/was/`: the short address Danish rules name for the accessibility statement.
    if let Some(target) = &m.accessibility_statement {
        let mut ctx = renderer.context(WAS_PATH);
        ctx.insert("target", target);
        ctx.insert("canonical", target);
        ctx.insert("title", strings.get("accessibility_statement"));
        match renderer.render_template("redirect.html", &ctx, &m.file) {
            Ok(html) => out.redirects.push((format!("{WAS_PATH}index.html"), html)),
            Err(d) => diags.push(d),
        }
    }
    // Old addresses (`aliases`): each sends the browser on to its page.
    for (file, index) in &site.aliases {
        let page = site.page(*index);
        let dir = file.rsplit_once('/').map_or("", |(dir, _)| dir);
        let mut ctx = renderer.context(dir);
        let target = crate::slug::relative_link(dir, &page.path);
        ctx.insert("target", &target);
        ctx.insert("canonical", &format!("{}{}", settings.base_url, page.path));
        ctx.insert("title", &page.page.common.title);
        match renderer.render_template("redirect.html", &ctx, &page.page.file) {
            Ok(html) => out.redirects.push((file.clone(), html)),
            Err(d) => diags.push(d),
        }
    }
    out.search_time = search_planned + search_built;
    out.search_before_render = search_planned;
    out.stale = stale || print_stale;
    out.files = renderer.course_files();
    if let Some(map) = redirect_map(site, &settings.base_url) {
        out.files.push(("_redirects".into(), map));
    }
    // Unless the preview server keeps the index, its files are this build's alone.
    match std::sync::Arc::try_unwrap(index) {
        Ok(index) => out.files.extend(index.files),
        Err(shared) => out.files.extend(shared.files.iter().cloned()),
    }
    for (page, d, assets) in results {
        out.pages.extend(page);
        diags.extend(d);
        out.assets.extend(assets);
    }
    (out, diags)
}

/// `_redirects`: every redirect of the site as `from to status`, one a line (the format Netlify,
/// Cloudflare Pages and others read; `docs/publishing.md` shows it for nginx), paths from the
/// server's root, so a server can answer with a real redirect instead of the page that sends the
/// browser on. `None` when the site has none.
fn redirect_map(site: &Site, base_url: &str) -> Option<String> {
    // The site's folder on its server: `/` or `/lolland/`.
    let root = base_url
        .split_once("://")
        .and_then(|(_, rest)| rest.find('/').map(|at| &rest[at..]))
        .unwrap_or("/");
    let mut lines = Vec::new();
    if let Some(target) = &site.municipality.accessibility_statement {
        lines.push(format!("{root}{WAS_PATH} {target} 302"));
    }
    for (file, index) in &site.aliases {
        let from = file.strip_suffix("index.html").unwrap_or(file);
        lines.push(format!("{root}{from} {root}{} 301", site.page(*index).path));
    }
    (!lines.is_empty()).then(|| lines.join("\n") + "\n")
}

/// A view as a Tera value. Views are plain data, so serializing them cannot fail.
fn to_value<T: Serialize>(view: &T) -> tera::Value {
    tera::Value::try_from_serializable(view).unwrap_or(tera::Value::none())
}
