//! From file changes to rebuilds: wait for the files to settle, rebuild the municipality a
//! change belongs to (or all), install a good build, and bring deferred search indexes up to
//! date once the files are quiet.

use super::live::event_message;
use super::*;

/// Whether a path is an editor's temporary file, not content.
pub(super) fn is_temporary(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.starts_with('.')
            && (name.ends_with(".swp") || name.ends_with(".swx") || name.ends_with(".swo"))
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with('#') && name.ends_with('#')
}

pub(super) fn watch_loop(
    rx: Receiver<PathBuf>,
    root: &Path,
    single: Option<String>,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    make: impl Fn(Vec<String>) -> BuildOptions,
    kept: &BuildState,
) {
    let content = root.join("content");
    // Sites shown with their last search index, and the options they were built with: their
    // index is brought up to date once the files have been quiet for a while.
    let mut stale: Option<(BuildOptions, Vec<String>)> = None;
    loop {
        let first = match &stale {
            None => match rx.recv() {
                Ok(path) => path,
                Err(_) => return,
            },
            Some(_) => match rx.recv_timeout(CATCH_UP) {
                Ok(path) => path,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some((opts, sites)) = stale.take() {
                        let started = Instant::now();
                        match catch_up(&opts, kept, sites, state, listeners, single.is_some()) {
                            Ok(()) => eprintln!(
                                "search index rebuilt in {:.0} ms",
                                started.elapsed().as_secs_f64() * 1000.0
                            ),
                            Err(e) => {
                                eprintln!("{}", e.render(crate::config::language_of(&opts.root)))
                            }
                        }
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            },
        };
        let mut changed = vec![first];
        // Wait until the files have been quiet for a moment.
        loop {
            match rx.recv_timeout(SETTLE) {
                Ok(path) => changed.push(path),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        changed.retain(|p| !is_temporary(p));
        if changed.is_empty() {
            continue;
        }
        // A change inside one municipality's folder affects that site only.
        let mut sites: Vec<String> = Vec::new();
        let mut everything = false;
        for path in &changed {
            match path
                .strip_prefix(&content)
                .ok()
                .and_then(|r| r.components().next())
            {
                Some(first) => {
                    let name = first.as_os_str().to_string_lossy().into_owned();
                    if name.starts_with('_')
                        || name.starts_with('.')
                        || path.parent() == Some(content.as_path()) && !path.is_dir()
                    {
                        everything = true;
                    } else if !sites.contains(&name) {
                        sites.push(name);
                    }
                }
                None => everything = true,
            }
        }
        // While the last build has errors, build everything: a good build of one site must not
        // clear the errors of another that is still broken.
        let broken = state.read().map(|s| !s.errors.is_empty()).unwrap_or(true);
        let selection = match (&single, everything || broken) {
            (Some(s), _) => vec![s.clone()],
            (None, true) => Vec::new(),
            (None, false) => {
                // A new municipality folder, or one that went away, changes the list: rebuild all.
                let known = state
                    .read()
                    .map(|s| s.sites.keys().cloned().collect::<Vec<_>>())
                    .unwrap_or_default();
                if sites
                    .iter()
                    .all(|s| known.contains(s) && content.join(s).join("_site.yaml").is_file())
                {
                    sites
                } else {
                    Vec::new()
                }
            }
        };
        let started = Instant::now();
        let opts = make(selection);
        match rebuild(&opts, kept, state, listeners, single.is_some()) {
            Ok(sites) => {
                eprintln!(
                    "rebuilt in {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                if !sites.is_empty() {
                    // A later catch-up covers the sites of every rebuild since the last one.
                    let mut all = stale.take().map(|(_, s)| s).unwrap_or_default();
                    all.extend(sites);
                    all.sort();
                    all.dedup();
                    stale = Some((opts, all));
                }
            }
            Err(e) => eprintln!("{}", e.render(crate::config::language_of(&opts.root))),
        }
    }
}

/// Builds the selected sites (all when the selection is empty) and installs the result.
///
/// The edit is shown first: a site keeps its last search index while its pages are rebuilt and
/// the open pages reload. The answer names those sites; [`catch_up`] brings their index up to
/// date once the files are quiet.
pub(super) fn rebuild(
    opts: &BuildOptions,
    kept: &BuildState,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
) -> Result<Vec<String>, Error> {
    let quick = BuildState {
        defer: true,
        ..kept.clone()
    };
    let outcome = crate::build::build_in_memory_with(opts, &quick);
    let stale = outcome
        .as_ref()
        .map(|o| o.stale.clone())
        .unwrap_or_default();
    install(outcome, opts, state, listeners, single, true)?;
    Ok(stale)
}

/// Builds `sites` again with their search index up to date (everything else comes from the
/// caches by now) and swaps them in without reloading the open pages: only the search page and
/// the index change.
pub(super) fn catch_up(
    opts: &BuildOptions,
    kept: &BuildState,
    sites: Vec<String>,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
) -> Result<(), Error> {
    let full = BuildOptions {
        sites: if single { opts.sites.clone() } else { sites },
        ..opts.clone()
    };
    install(
        crate::build::build_in_memory_with(&full, kept),
        &full,
        state,
        listeners,
        single,
        false,
    )
}

/// Swaps in the sites of a good build (keeping the last good ones when it has errors) and, with
/// `tell`, tells the open pages either way.
pub(super) fn install(
    result: Result<crate::build::BuildOutcome, Error>,
    opts: &BuildOptions,
    state: &Arc<RwLock<State>>,
    listeners: &Listeners,
    single: bool,
    tell: bool,
) -> Result<(), Error> {
    let mut s = state
        .write()
        .map_err(|_| Error::Usage(crate::messages::server_state_lost()))?;
    s.generation += 1;
    let language = crate::config::language_of(&opts.root);
    s.language = language;
    match result {
        Ok(outcome) if outcome.errors() == 0 => {
            s.errors.clear();
            if opts.sites.is_empty() && !single {
                s.sites.clear();
                s.names.clear();
            }
            for summary in &outcome.summaries {
                s.names.insert(summary.slug.clone(), summary.name.clone());
            }
            for site in outcome.sites {
                s.sites.insert(site.slug.clone(), site);
            }
            let warnings = outcome.diagnostics.len();
            if warnings > 0 {
                eprint!(
                    "{}",
                    crate::error::render_human(&outcome.diagnostics, false, language)
                );
            }
        }
        Ok(outcome) => {
            eprint!(
                "{}",
                crate::error::render_human(&outcome.diagnostics, false, language)
            );
            s.errors = outcome
                .diagnostics
                .into_iter()
                .filter(|d| d.is_error())
                .collect();
        }
        Err(e) => {
            s.errors = vec![Diagnostic::error(
                "serve.build",
                opts.root.join("vejviser.yaml"),
                crate::messages::build_failed(e),
            )];
        }
    }
    if !tell {
        return Ok(());
    }
    let message = event_message(&s);
    drop(s);
    let mut open = listeners
        .lock()
        .map_err(|_| Error::Usage(crate::messages::server_state_lost()))?;
    open.retain(|tx| tx.send(message.clone()).is_ok());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        assert!(is_temporary(Path::new("content/.om.md.swp")));
        assert!(is_temporary(Path::new("content/om.md~")));
        assert!(is_temporary(Path::new("content/.#om.md")));
        assert!(!is_temporary(Path::new("content/om.md")));
    }
}
