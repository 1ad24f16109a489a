//! The build: [`build_in_memory`] is the list of stage calls (config, load, link, render with
//! the search index beside it, write), each collecting its problems, and [`build`] writes what
//! they made. It owns what the user asked for ([`BuildOptions`]) and what one build hands the
//! next ([`Caches`]), and decides from the record of inputs ([`incremental`]) which sites need
//! building at all.

mod assets;
pub mod incremental;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::error::{Diagnostic, Error, FileAction};
use crate::output::SiteFiles;
use crate::{config, error, load, markdown, output, render, search, site, theme};

/// What to build: what the user asked for, from the command line or a test.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The project folder: holds `vejviser.yaml`, `content/` and `themes/`.
    pub root: PathBuf,
    /// The output folder; each site goes to `<out>/<slug>/`.
    pub out: PathBuf,
    /// Only these municipalities (folder names); empty means all.
    pub sites: Vec<String>,
    /// Overrides every site's `base_url`; with several sites each gets `<base_url><slug>/`.
    pub base_url: Option<String>,
    /// Keep pages marked `draft: true`.
    pub drafts: bool,
    /// The day the build is for (which courses are upcoming).
    pub today: NaiveDate,
    /// Build every selected site, even those whose recorded inputs match (see [`incremental`]).
    pub full: bool,
    /// Write `.br` and `.gz` copies beside each text file written to disk, for web servers that
    /// send them as they are (see [`output::compress`]). A build in memory never compresses.
    pub compress: bool,
    /// Build as if this file held this text (nothing is read from it): how the preview
    /// server's editor checks a save with the same code as the build before writing it.
    pub overlay: Option<load::Overlay>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        BuildOptions {
            out: root.join("public"),
            root,
            sites: Vec::new(),
            base_url: None,
            drafts: false,
            today: chrono::Local::now().date_naive(),
            full: false,
            compress: false,
            overlay: None,
        }
    }
}

/// What the program itself keeps between builds, as opposed to what the user asked for: the
/// caches, and whether a rebuild may let a site's last search index and print pages stand in.
#[derive(Debug, Clone, Default)]
pub struct BuildState {
    /// What earlier work of this process left to reuse: Markdown bodies are rendered once for
    /// every site of a build; the preview server keeps one across its rebuilds.
    pub caches: std::sync::Arc<Caches>,
    /// Where the caches hold a site's last search index and manual print pages, use them even
    /// when pages changed, and say so in [`BuildOutcome::stale`]: the preview server shows an
    /// edit first and brings those up to date right after.
    pub defer: bool,
}

impl BuildState {
    /// The state of a process that builds the same project again and again (the preview
    /// server).
    pub fn for_rebuilds() -> Self {
        BuildState {
            caches: std::sync::Arc::new(Caches::for_rebuilds()),
            defer: false,
        }
    }
}

/// Work one build can hand the next, each part keyed by everything its result depends on.
#[derive(Debug, Default)]
pub struct Caches {
    /// Parsed pages, by file text.
    pub pages: load::PageCache,
    /// Compiled themes.
    pub themes: theme::ThemeCache,
    /// Each site's last search index; kept only where builds follow each other.
    pub search: Option<search::SearchCache>,
    /// Rendered Markdown bodies, reused wherever their links resolve alike.
    pub bodies: markdown::BodyCache,
    /// Finished pages by site; only worth keeping where builds follow each other.
    pub rendered: Option<render::RenderCache>,
}

impl Caches {
    /// Caches for a process that builds the same project again and again (the preview server).
    pub fn for_rebuilds() -> Self {
        Caches {
            rendered: Some(render::RenderCache::default()),
            search: Some(search::SearchCache::default()),
            ..Caches::default()
        }
    }
}

/// One site's line in the build summary.
#[derive(Debug, Clone)]
pub struct SiteSummary {
    pub slug: String,
    pub name: String,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
}

/// Wall time spent in each stage of a build, summed over the sites.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    pub load: Duration,
    pub link: Duration,
    /// The search index: gathering its pages, then building it, which runs alongside `render`
    /// (so the two overlap).
    pub search: Duration,
    /// Markdown, templates, feeds and calendars.
    pub render: Duration,
    pub write: Duration,
}

/// The result of a build: the sites' files (in memory), a summary, and every finding.
#[derive(Debug, Default)]
pub struct BuildOutcome {
    pub sites: Vec<SiteFiles>,
    pub summaries: Vec<SiteSummary>,
    pub diagnostics: Vec<Diagnostic>,
    pub timings: Timings,
    /// Sites whose search index or print pages are their last ones, not this build's (see
    /// [`BuildOptions::defer`]).
    pub stale: Vec<String>,
    /// Sites left as they were: their inputs did not change since their output was written.
    pub unchanged: Vec<String>,
}

impl BuildOutcome {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn site(&self, slug: &str) -> Option<&SiteFiles> {
        self.sites.iter().find(|s| s.slug == slug)
    }
}

/// The project loaded and its sites linked: what `check` reads beside the build's output.
#[derive(Debug)]
pub struct Linked {
    pub project: config::Project,
    pub shared: load::Layer,
    /// Every municipality folder of `content/` (see [`load::Loaded::folders`]).
    pub folders: Vec<String>,
    pub sites: Vec<site::Site>,
    /// The problems linking found, for each site in `sites`.
    pub problems: Vec<Vec<Diagnostic>>,
}

/// Loads the project and links all its sites, with the problems loading found and the time
/// taken. `None` when the project's configuration did not load. (A build links and renders one
/// site at a time instead, so only one linked site is held at once.)
pub fn load_and_link(
    opts: &BuildOptions,
    state: &BuildState,
) -> Result<(Option<Linked>, Vec<Diagnostic>, Timings), Error> {
    let started = Instant::now();
    let (loaded, diagnostics) = load::load(
        &opts.root,
        &opts.sites,
        &state.caches.pages,
        opts.overlay.as_ref(),
    )?;
    let mut timings = Timings {
        load: started.elapsed(),
        ..Timings::default()
    };
    let Some(loaded) = loaded else {
        return Ok((None, diagnostics, timings));
    };
    let started = Instant::now();
    let (mut sites, mut problems) = (Vec::new(), Vec::new());
    for source in loaded.sites {
        let (linked, found) = site::link(source, &loaded.shared, opts.drafts);
        sites.push(linked);
        problems.push(found);
    }
    timings.link = started.elapsed();
    let linked = Linked {
        project: loaded.project,
        shared: loaded.shared,
        folders: loaded.folders,
        sites,
        problems,
    };
    Ok((Some(linked), diagnostics, timings))
}

/// Builds every selected site in memory. Content problems are in the outcome's diagnostics;
/// `Err` is for usage problems (no project at `root`, unknown `--site`) and I/O failures.
pub fn build_in_memory(opts: &BuildOptions) -> Result<BuildOutcome, Error> {
    build_in_memory_with(opts, &BuildState::default())
}

/// [`build_in_memory`] with what earlier builds of this process kept.
pub fn build_in_memory_with(
    opts: &BuildOptions,
    state: &BuildState,
) -> Result<BuildOutcome, Error> {
    build_sites(opts, state, &[], None)
}

/// Builds the selected sites but those in `skip`, which are not even linked: their output is
/// current. Each site is linked, then rendered, then let go; with `stage`, its files are
/// written there as they are made instead of kept in the outcome.
fn build_sites(
    opts: &BuildOptions,
    state: &BuildState,
    skip: &[String],
    stage: Option<&output::Staging>,
) -> Result<BuildOutcome, Error> {
    let started = Instant::now();
    let (loaded, mut diagnostics) = load::load(
        &opts.root,
        &opts.sites,
        &state.caches.pages,
        opts.overlay.as_ref(),
    )?;
    let load_time = started.elapsed();
    let mut outcome = BuildOutcome::default();
    if let Some(loaded) = loaded {
        let several = loaded.sites.len() > 1;
        let mut renderer = SiteRenderer::new(opts, state, &loaded.project, several)?;
        renderer.stage = stage;
        let mut link_time = Duration::ZERO;
        for source in loaded.sites {
            if skip.contains(&source.municipality.slug) {
                continue;
            }
            let started = Instant::now();
            let (linked, found) = site::link(source, &loaded.shared, opts.drafts);
            link_time += started.elapsed();
            diagnostics.extend(found);
            renderer.render(&linked, started, &mut outcome)?;
        }
        outcome.timings.link = link_time;
    }
    diagnostics.append(&mut outcome.diagnostics);
    error::normalize(&mut diagnostics);
    outcome.diagnostics = diagnostics;
    outcome.timings.load = load_time;
    Ok(outcome)
}

/// Renders the linked sites for which `render` says yes (see [`SiteRenderer`]). `several` is
/// whether the build is of more than one site. The outcome's diagnostics are those of this stage
/// only, not normalized.
pub fn render_linked(
    opts: &BuildOptions,
    state: &BuildState,
    linked: &Linked,
    several: bool,
    render: impl Fn(&str) -> bool,
) -> Result<BuildOutcome, Error> {
    let mut renderer = SiteRenderer::new(opts, state, &linked.project, several)?;
    let mut outcome = BuildOutcome::default();
    for site in linked.sites.iter().filter(|s| render(&s.municipality.slug)) {
        renderer.render(site, Instant::now(), &mut outcome)?;
    }
    Ok(outcome)
}

/// Renders one linked site after another, each with its theme (the project's, compiled once for
/// every site that does not override it), static files, pages, machine-readable files, sitemap
/// and robots.txt: into memory, or, given a staging folder, written there as they are made.
struct SiteRenderer<'a> {
    opts: &'a BuildOptions,
    state: &'a BuildState,
    project: &'a config::Project,
    base_theme: theme::ThemeFiles,
    compiled_base: Option<Result<std::sync::Arc<theme::Theme>, ()>>,
    /// With several sites, `--base-url` gets each site's slug appended, and rendered bodies are
    /// worth keeping for the next site.
    several: bool,
    /// Where a build to disk writes; `None` keeps the files in the outcome.
    stage: Option<&'a output::Staging<'a>>,
}

impl<'a> SiteRenderer<'a> {
    fn new(
        opts: &'a BuildOptions,
        state: &'a BuildState,
        project: &'a config::Project,
        several: bool,
    ) -> Result<Self, Error> {
        Ok(SiteRenderer {
            base_theme: theme::ThemeFiles::of_project(&opts.root, project)?,
            compiled_base: None,
            opts,
            state,
            project,
            several,
            stage: None,
        })
    }

    /// Renders `site`, adding its files (unless they are written), summary and problems to
    /// `outcome`. `started` is when work on the site began (its summary's time). `Err` only when
    /// writing failed.
    fn render(
        &mut self,
        site: &site::Site,
        started: Instant,
        outcome: &mut BuildOutcome,
    ) -> Result<(), Error> {
        let diagnostics = &mut outcome.diagnostics;
        let m = &site.municipality;
        let base_url = match &self.opts.base_url {
            Some(url) => {
                let url = if url.ends_with('/') {
                    url.clone()
                } else {
                    format!("{url}/")
                };
                if self.several {
                    format!("{url}{}/", m.slug)
                } else {
                    url
                }
            }
            None => m.base_url.clone(),
        };

        // The theme: compiled once for all sites that do not override it.
        let own_theme;
        let theme = match &site.theme_dir {
            Some(dir) => {
                let mut files = self.base_theme.clone();
                files.overlay(dir);
                own_theme =
                    files.compile_cached(&self.opts.root, self.project, &self.state.caches.themes);
                match &own_theme {
                    Ok(t) => t,
                    Err(d) => {
                        diagnostics.extend(d.iter().cloned());
                        return Ok(());
                    }
                }
            }
            None => {
                let compiled = self.compiled_base.get_or_insert_with(|| {
                    self.base_theme
                        .compile_cached(&self.opts.root, self.project, &self.state.caches.themes)
                        .map_err(|d| diagnostics.extend(d))
                });
                match compiled {
                    Ok(t) => t,
                    Err(()) => return Ok(()),
                }
            }
        };

        let stage = self.stage.map(|s| s.site(&m.slug)).transpose()?;
        let mut files = SiteFiles::new(&m.slug);
        let assets = assets::add(site, theme, &mut files, diagnostics);
        let settings = render::RenderSettings {
            base_url: base_url.clone(),
            today: self.opts.today,
            caches: render::RenderCaches {
                bodies: &self.state.caches.bodies,
                rendered: self.state.caches.rendered.as_ref(),
                search: self.state.caches.search.as_ref(),
            },
            defer: self.state.defer,
            keep_bodies: self.several || self.state.caches.rendered.is_some(),
            sink: stage.as_ref(),
        };
        let render_started = Instant::now();
        let (mut rendered, found) = render::render_site(
            site,
            self.project,
            theme,
            &settings,
            &assets.paths,
            assets.logo.as_ref(),
            &assets.icons,
        );
        diagnostics.extend(found);
        let sitemap = output::sitemap(&base_url, &rendered.pages);
        if stage.is_some() {
            // Written as they were rendered: only counted here.
            files.pages += rendered.pages.len();
        } else {
            files.add_pages(std::mem::take(&mut rendered.pages));
        }
        for (path, text) in std::mem::take(&mut rendered.files) {
            files.add(path, text.into_bytes());
        }
        for (file, html) in std::mem::take(&mut rendered.redirects) {
            files.add(file, html.into_bytes());
        }
        for rel in &rendered.assets {
            if let Some(path) = site.assets.get(rel) {
                match std::fs::read(path) {
                    Ok(bytes) => files.add(rel.clone(), bytes),
                    Err(e) => diagnostics.push(Diagnostic::error(
                        "io.read",
                        load::display_path(&self.opts.root, path),
                        crate::messages::cannot_read_file(e),
                    )),
                }
            }
        }
        files.add("sitemap.xml", sitemap.into_bytes());
        files.add("robots.txt", output::robots(&base_url).into_bytes());
        outcome.timings.search += rendered.search_time;
        if rendered.stale {
            outcome.stale.push(m.slug.clone());
        }
        outcome.timings.render += render_started
            .elapsed()
            .saturating_sub(rendered.search_before_render);

        let count = match stage {
            Some(stage) => {
                let started = Instant::now();
                std::mem::take(&mut files.files)
                    .into_par_iter()
                    .for_each(|(path, bytes)| stage.put(&path, &bytes));
                let written = stage.finish()?;
                outcome.timings.write += started.elapsed();
                written
            }
            None => files.files.len(),
        };
        outcome.summaries.push(SiteSummary {
            slug: m.slug.clone(),
            name: m.name.clone(),
            pages: files.pages,
            files: count,
            elapsed: started.elapsed(),
        });
        if self.stage.is_none() {
            outcome.sites.push(files);
        }
        Ok(())
    }
}

/// Builds and, when there are no errors, writes the sites into `opts.out`. With errors nothing
/// is written and the previous output stays as it was. The output is locked for the whole build:
/// a second build into the same output fails at once instead of mixing its files in.
pub fn build(opts: &BuildOptions) -> Result<BuildOutcome, Error> {
    build_with(opts, &BuildState::default())
}

/// [`build`] with what earlier work of this process kept.
pub fn build_with(opts: &BuildOptions, state: &BuildState) -> Result<BuildOutcome, Error> {
    // A folder without a project is refused before anything is made beside the output.
    load::project_file(&opts.root)?;
    let lock = output::OutputLock::acquire(&opts.out)?;
    let started = Instant::now();
    let inputs_of = || match site_selection(opts) {
        Some((theme, sites)) => incremental::inputs(opts, &theme, &sites),
        None => incremental::Inputs::new(),
    };
    // `--full` builds every site, and records its inputs (read alongside) for the next build.
    if opts.full {
        let staging = output::Staging::begin(&lock)?.compressing(opts.compress);
        let (inputs, outcome) =
            rayon::join(inputs_of, || build_sites(opts, state, &[], Some(&staging)));
        return write_built(opts, staging, outcome?, inputs);
    }
    // Sites whose inputs are those recorded when their output was written are left alone.
    let inputs = inputs_of();
    let record = incremental::read_record(&opts.out);
    let unchanged: Vec<String> = inputs
        .iter()
        .filter(|(slug, hash)| record.get(*slug) == Some(*hash) && opts.out.join(slug).is_dir())
        .map(|(slug, _)| slug.clone())
        .collect();
    if !inputs.is_empty() && unchanged.len() == inputs.len() {
        return Ok(BuildOutcome {
            unchanged,
            timings: Timings {
                load: started.elapsed(),
                ..Timings::default()
            },
            ..BuildOutcome::default()
        });
    }
    let staging = output::Staging::begin(&lock)?.compressing(opts.compress);
    let mut outcome = build_sites(opts, state, &unchanged, Some(&staging))?;
    outcome.unchanged = unchanged;
    write_built(opts, staging, outcome, inputs)
}

/// Swaps in the sites a build wrote, when it found no errors, and records their inputs; with
/// errors, `staging` goes and the output stays as it was.
fn write_built(
    opts: &BuildOptions,
    staging: output::Staging,
    mut outcome: BuildOutcome,
    inputs: incremental::Inputs,
) -> Result<BuildOutcome, Error> {
    if outcome.errors() == 0 {
        let started = Instant::now();
        let built: Vec<String> = outcome.summaries.iter().map(|s| s.slug.clone()).collect();
        let io = |e: std::io::Error| {
            Error::io(FileAction::Write, incremental::record_path(&opts.out), e)
        };
        incremental::forget(&opts.out, &built).map_err(io)?;
        staging.commit()?;
        let written: incremental::Inputs = inputs
            .into_iter()
            .filter(|(slug, _)| built.contains(slug))
            .collect();
        incremental::write_record(&opts.out, &written).map_err(io)?;
        outcome.timings.write += started.elapsed();
    }
    Ok(outcome)
}

/// The project's theme and the municipalities a build would build, read quickly (without
/// loading any content); `None` when the project cannot be read that way (the build then
/// reports why).
fn site_selection(opts: &BuildOptions) -> Option<(String, Vec<String>)> {
    let config = opts.root.join("vejviser.yaml");
    let text: std::sync::Arc<str> = std::fs::read_to_string(&config).ok()?.into();
    let project = config::Project::parse(&config, &text).ok()?;
    let mut sites: Vec<String> = std::fs::read_dir(opts.root.join("content"))
        .ok()?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with(['_', '.']))
        .filter(|name| opts.sites.is_empty() || opts.sites.contains(name))
        .collect();
    sites.sort();
    // An unknown `--site` is for the build to report.
    if opts.sites.iter().any(|s| !sites.contains(s)) {
        return None;
    }
    Some((project.theme, sites))
}
