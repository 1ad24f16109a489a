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

pub use cache::RenderCache;
use cache::{site_fingerprint, CachedPage};
use page_links::PageLinks;

mod cache;
mod course_files;
mod courses;
mod describe;
mod listings;
mod page_links;
mod print;
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
/// would be ignored in a `<meta>`, so it is left out.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

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
    /// Pages that only send the browser on (`was/` → the accessibility statement), by site path.
    /// They are not in the sitemap.
    pub redirects: Vec<(String, String)>,
    pub assets: BTreeSet<String>,
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    path: String,
}

#[derive(Serialize)]
struct SiteView<'a> {
    slug: &'a str,
    name: &'a str,
    base_url: &'a str,
    project_title: &'a str,
    logo: Option<&'a str>,
    icons: &'a [crate::icons::Icon],
    primary_color: &'a str,
    accessibility_statement: Option<&'a str>,
    contacts: Vec<&'a crate::config::Contact>,
    locations: Vec<&'a crate::config::Location>,
    manuals: Vec<Value>,
    categories: Vec<&'a crate::config::Category>,
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
    }
}

impl<'a> Renderer<'a> {
    fn breadcrumbs(&self, path: &str) -> Vec<Link> {
        let mut crumbs = vec![Link {
            title: self.theme.strings.get("home").to_string(),
            path: String::new(),
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
            let hint = format!(
                "{} (first seen while rendering {})",
                d.hint.clone().unwrap_or_default(),
                file.display()
            );
            d.hint(hint)
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
        let rendered = if self.settings.keep_bodies {
            let bodies = self.settings.caches.bodies;
            bodies.render(page.body(), &page.headings, &self.markdown, &links, embed)
        } else {
            markdown::render_embedded(page.body(), &page.headings, &self.markdown, &links, embed)
        };
        for p in &rendered.problems {
            let d = Diagnostic::error(p.code, &page.file, p.message.clone())
                .at_offset(&page.text, page.body_offset + p.offset, p.len)
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

    fn phase_value(&self, m: usize, number: Option<u32>) -> Value {
        let front = &self.site.page(self.site.manuals[m].front).page;
        let Details::Manual(mf) = &front.details else {
            return Value::Null;
        };
        match number.and_then(|n| mf.phases.iter().find(|p| p.number == n)) {
            Some(p) => json!(p),
            None => number
                .map(|n| json!({"number": n, "title": null, "weeks": null}))
                .unwrap_or(Value::Null),
        }
    }

    fn manual_view(&self, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let front = &self.site.page(manual.front).page;
        let Details::Manual(mf) = &front.details else {
            return Value::Null;
        };
        let mut groups: Vec<(Option<u32>, Vec<Value>)> = Vec::new();
        for &s in &manual.sessions {
            let Details::Session(plan) = &self.site.page(s).page.details else {
                continue;
            };
            let link = link_to(self.site, s);
            let entry = json!({"number": plan.number, "title": link.title, "path": link.path});
            match groups.iter_mut().find(|(p, _)| *p == plan.phase) {
                Some((_, list)) => list.push(entry),
                None => groups.push((plan.phase, vec![entry])),
            }
        }
        groups.sort_by_key(|(p, _)| p.unwrap_or(u32::MAX));
        json!({
            "summary": mf.summary,
            "audience": mf.audience,
            "duration_weeks": mf.duration_weeks,
            "phases": mf.phases,
            "chapters": self.contents(m, None),
            "print_path": format!("{}print/", self.site.page(manual.front).path),
            "sessions_by_phase": groups.into_iter().map(|(p, sessions)| json!({"phase": self.phase_value(m, p), "sessions": sessions})).collect::<Vec<_>>(),
            "exercises": manual.exercises.iter().map(|&i| {
                let p = &self.site.page(i).page;
                let (purpose, duration) = match &p.details { Details::Exercise(e) => (e.purpose.clone(), e.duration), _ => (None, None) };
                json!({"title": p.common.title, "path": self.site.page(i).path, "purpose": purpose, "duration": duration})
            }).collect::<Vec<_>>(),
        })
    }

    /// The manual's table of contents as `{kind, title, path, depth, number, current}` entries;
    /// `kind` is `chapter`, `draft`, `part` or `separator`.
    fn contents(&self, m: usize, current: Option<usize>) -> Vec<Value> {
        self.site.manuals[m]
            .contents
            .iter()
            .map(|entry| match entry {
                TocEntry::Chapter { page, depth, number } => {
                    let l = link_to(self.site, *page);
                    json!({"kind": "chapter", "title": l.title, "path": l.path, "depth": depth, "number": number, "current": current == Some(*page)})
                }
                TocEntry::Draft { title, depth, number } => {
                    json!({"kind": "draft", "title": title, "path": null, "depth": depth, "number": number, "current": false})
                }
                TocEntry::Part { title } => json!({"kind": "part", "title": title, "path": null, "depth": 0, "number": null, "current": false}),
                TocEntry::Separator => json!({"kind": "separator", "title": "", "path": null, "depth": 0, "number": null, "current": false}),
            })
            .collect()
    }

    fn manual_link(&self, m: usize) -> Link {
        link_to(self.site, self.site.manuals[m].front)
    }

    fn neighbours(&self, list: &[usize], index: usize) -> (Option<Link>, Option<Link>) {
        let Some(pos) = list.iter().position(|&i| i == index) else {
            return (None, None);
        };
        let prev = pos.checked_sub(1).map(|p| link_to(self.site, list[p]));
        let next = list.get(pos + 1).map(|&n| link_to(self.site, n));
        (prev, next)
    }

    fn chapter_view(&self, index: usize, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let order: Vec<usize> = manual.chapters.iter().map(|(i, _)| *i).collect();
        let (prev, next) = self.neighbours(&order, index);
        json!({
            "manual": self.manual_link(m),
            "contents": self.contents(m, Some(index)),
            "prev": prev,
            "next": next,
        })
    }

    fn session_view(&self, index: usize, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let Details::Session(plan) = &self.site.page(index).page.details else {
            return Value::Null;
        };
        let (prev, next) = self.neighbours(&manual.sessions, index);
        let mut start = 0u32;
        let agenda: Vec<Value> = plan
            .agenda
            .iter()
            .map(|item| {
                let v = json!({"start": format!("{}:{:02}", start / 60, start % 60), "minutes": item.minutes, "activity": item.activity});
                start += item.minutes;
                v
            })
            .collect();
        let exercises: Vec<Link> = manual
            .session_exercises
            .get(&index)
            .map(|l| l.iter().map(|&e| link_to(self.site, e)).collect())
            .unwrap_or_default();
        json!({
            "manual": self.manual_link(m),
            "number": plan.number,
            // Sessions are weekly meetings: session N is held in week N of the course.
            "week": plan.number,
            "phase": self.phase_value(m, plan.phase),
            "duration": plan.duration,
            "duration_text": plan.duration.map(|d| duration_text(d, &self.theme.strings)),
            "goals": plan.goals,
            "materials": plan.materials,
            "agenda": agenda,
            "exercises": exercises,
            "prev": prev,
            "next": next,
        })
    }

    fn exercise_view(&self, index: usize, m: usize) -> Value {
        let manual = &self.site.manuals[m];
        let Details::Exercise(sheet) = &self.site.page(index).page.details else {
            return Value::Null;
        };
        let used_in: Vec<Value> = manual
            .used_in
            .get(&index)
            .map(|sessions| {
                sessions
                    .iter()
                    .map(|&s| {
                        let number = match &self.site.page(s).page.details {
                            Details::Session(p) => p.number,
                            _ => 0,
                        };
                        let l = link_to(self.site, s);
                        json!({"number": number, "title": l.title, "path": l.path})
                    })
                    .collect()
            })
            .unwrap_or_default();
        json!({
            "manual": self.manual_link(m),
            "purpose": sheet.purpose,
            "duration": sheet.duration,
            "used_in": used_in,
        })
    }
}

/// `120` → `2 timer`, `60` → `1 time`, `90` → `1 time 30 minutter`, in the site language.
fn duration_text(minutes: u32, strings: &i18n::Strings) -> String {
    let unit = |n: u32, one: &str, many: &str| {
        format!("{n} {}", strings.get(if n == 1 { one } else { many }))
    };
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => unit(m, "minute", "minutes"),
        (h, 0) => unit(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
    }
}

/// Renders every page of a site. `assets` maps static names to hashed site paths.
pub fn render_site(
    site: &Site,
    project: &Project,
    theme: &Theme,
    settings: &RenderSettings<'_>,
    asset_paths: &BTreeMap<String, String>,
    logo: Option<&str>,
    icons: &[crate::icons::Icon],
) -> (RenderedSite, Vec<Diagnostic>) {
    let m = &site.municipality;
    let site_view = SiteView {
        slug: &m.slug,
        name: &m.name,
        base_url: &settings.base_url,
        project_title: &project.title,
        logo,
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
    };
    let strings = &theme.strings;
    let mut renderer = Renderer {
        site,
        project,
        theme,
        settings,
        markdown: Settings {
            allow_html: project.allow_html,
            callout_labels: [
                "callout_note",
                "callout_tip",
                "callout_important",
                "callout_warning",
                "callout_caution",
            ]
            .map(|k| strings.get(k).to_string()),
            table_label: strings.get("table").to_string(),
        },
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
        ctx.insert("title", strings.get("accessibility_statement"));
        match renderer.render_template("redirect.html", &ctx, &m.file) {
            Ok(html) => out.redirects.push((WAS_PATH.to_string(), html)),
            Err(d) => diags.push(d),
        }
    }
    out.search_time = search_planned + search_built;
    out.search_before_render = search_planned;
    out.stale = stale || print_stale;
    out.files = renderer.course_files();
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

/// Renders every page of the site: its pages, the pages that list others and the manuals' print
/// pages, each from the cache where its inputs did not change. Also says whether a print page is
/// the site's last one, standing in for a changed one.
fn render_pages(
    renderer: &Renderer,
    asset_paths: &BTreeMap<String, String>,
) -> (Vec<CachedPage>, bool) {
    let Renderer {
        site,
        project,
        theme,
        settings,
        ..
    } = *renderer;
    let fingerprint = site_fingerprint(site, project, theme, settings, asset_paths);
    let mut used_keys = std::collections::HashSet::new();
    let print_keys = std::sync::Mutex::new(Vec::new());
    let print_stale = std::sync::atomic::AtomicBool::new(false);
    let results: Vec<(Option<RenderedPage>, Vec<Diagnostic>, Vec<String>)> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| {
            let key = crate::hash::hash_of(&(fingerprint, &site.pages[i].page.text));
            if let Some(cached) = settings
                .caches
                .rendered
                .as_ref()
                .and_then(|c| c.get(&site.municipality.slug, key))
            {
                return (key, cached);
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let page = renderer.render_page(i, &mut diags, &mut assets);
            let rendered = (page, diags, assets);
            if let Some(cache) = settings.caches.rendered {
                cache.put(&site.municipality.slug, key, rendered.clone());
            }
            (key, rendered)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(key, rendered)| {
            used_keys.insert(key);
            rendered
        })
        .collect::<Vec<_>>()
        .into_par_iter()
        .chain([()].into_par_iter().flat_map(|()| {
            // The pages that list others read the site's shape and the search index's name
            // only: a body edit leaves them as they were.
            let key = crate::hash::hash_of(&(fingerprint, "lists", &renderer.search_meta));
            let cache = settings.caches.rendered;
            if let Some(listed) = cache.and_then(|c| c.get_all(&site.municipality.slug, key)) {
                return listed;
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let pages = renderer.catalogue_pages(&mut diags, &mut assets);
            let mut out: Vec<CachedPage> = pages
                .into_par_iter()
                .map(|p| (Some(p), Vec::new(), Vec::new()))
                .chain(
                    [FRONT_PATH, CATALOGUE_PATH, MANUALS_PATH, SEARCH_PATH]
                        .into_par_iter()
                        .map(|path| {
                            let mut diags = Vec::new();
                            let mut assets = Vec::new();
                            let page = renderer.render_generated(path, &mut diags, &mut assets);
                            (page, diags, assets)
                        }),
                )
                .collect();
            out.push((None, diags, assets));
            if let Some(cache) = cache {
                cache.put_all(&site.municipality.slug, key, out.clone());
            }
            out
        }))
        .chain((0..site.manuals.len()).into_par_iter().map(|m| {
            // A print page holds every page of its manual: it is rendered again only when one
            // of them changed.
            let manual = &site.manuals[m];
            let texts: Vec<&std::sync::Arc<str>> = std::iter::once(manual.front)
                .chain(manual.chapters.iter().map(|(i, _)| *i))
                .chain(manual.sessions.iter().copied())
                .chain(manual.exercises.iter().copied())
                .map(|i| &site.pages[i].page.text)
                .collect();
            let key = crate::hash::hash_of(&(fingerprint, "print", m, texts));
            print_keys.lock().map(|mut k| k.push(key)).ok();
            let cache = settings.caches.rendered;
            let slug = &site.municipality.slug;
            if let Some(cached) = cache.and_then(|c| c.get(slug, key)) {
                return cached;
            }
            if settings.defer {
                if let Some(last) = cache.and_then(|c| c.last_print(slug, &manual.name)) {
                    print_stale.store(true, std::sync::atomic::Ordering::Relaxed);
                    return last;
                }
            }
            let mut diags = Vec::new();
            let mut assets = Vec::new();
            let page = renderer.render_manual_print(m, &mut diags, &mut assets);
            let rendered = (page, diags, assets);
            if let Some(cache) = cache {
                cache.put(slug, key, rendered.clone());
                cache.put_last_print(slug, &manual.name, rendered.clone());
            }
            rendered
        }))
        .collect();
    if let Some(cache) = settings.caches.rendered {
        used_keys.extend(print_keys.into_inner().unwrap_or_default());
        cache.keep(&site.municipality.slug, &used_keys);
    }
    (results, print_stale.into_inner())
}

/// A view as a Tera value. Views are plain data, so serializing them cannot fail.
fn to_value<T: Serialize>(view: &T) -> tera::Value {
    tera::Value::try_from_serializable(view).unwrap_or(tera::Value::none())
}
