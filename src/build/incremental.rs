//! Incremental builds: a hash of every input of each site, recorded beside the output after a
//! build that wrote it, so the next `build` can leave alone the sites whose inputs did not change.
//!
//! A site's inputs are every file it can read — `vejviser.yaml`, the theme, `content/_shared/`
//! and its own folder (Markdown, `_site.yaml`, images, its `_theme/`) — and what else decides its
//! files: the build's options (`--base-url`, `--drafts`, the day it is built for, `--compress`)
//! and the program itself. Files are hashed by content, not by modification time, so a checkout
//! that touches every file costs one hashing pass, not a rebuild.
//!
//! The record is `.<out>.inputs` beside the output folder (beside its lock): one line per site,
//! `<slug> <hash>`. It is written after the output, so a build killed in between leaves a record
//! that no longer matches, and the next build simply builds again.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::BuildOptions;

/// Hashes of each site's inputs, by slug.
pub type Inputs = BTreeMap<String, u64>;

/// Every file under `dir` (none when it does not exist), with its path relative to `root`.
fn files_under(root: &Path, dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() || e.path_is_symlink())
        .filter_map(|e| e.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    // Walked in file-name order already; sorted whole so the order is that of the paths.
    out.sort();
    out
}

/// A hash of the files' names and contents (a file that cannot be read counts as such).
fn hash_files(root: &Path, files: &[PathBuf]) -> u64 {
    let hashes: Vec<u64> = files
        .par_iter()
        .map(|rel| crate::hash::hash_of(&(rel, std::fs::read(root.join(rel)).ok())))
        .collect();
    crate::hash::hash_of(&hashes)
}

/// What identifies the program: a rebuilt binary may render differently.
fn program() -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        meta.len().hash(&mut h);
        meta.modified().ok().hash(&mut h);
    }
    h.finish()
}

/// The inputs of each of `sites` (municipality folder names) under the project at `opts.root`.
/// `theme` is the project's theme name.
pub fn inputs(opts: &BuildOptions, theme: &str, sites: &[String]) -> Inputs {
    let root = &opts.root;
    let mut common: Vec<PathBuf> = vec![PathBuf::from("vejviser.yaml")];
    common.extend(files_under(root, &root.join("themes").join(theme)));
    common.extend(files_under(root, &root.join("content").join("_shared")));
    let common = crate::hash::hash_of(&(
        hash_files(root, &common),
        program(),
        &opts.base_url,
        opts.drafts,
        opts.today.to_string(),
        sites.len() > 1,
        opts.compress,
    ));
    sites
        .iter()
        .map(|slug| {
            let own = files_under(root, &root.join("content").join(slug));
            (
                slug.clone(),
                crate::hash::hash_of(&(common, slug, hash_files(root, &own))),
            )
        })
        .collect()
}

/// Where the record of the output at `out` is kept.
pub fn record_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.parent()
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.inputs"))
}

/// The record of the last build into `out` (empty when there is none or it cannot be read).
pub fn read_record(out: &Path) -> Inputs {
    let Ok(text) = std::fs::read_to_string(record_path(out)) else {
        return Inputs::new();
    };
    text.lines()
        .filter_map(|line| {
            let (slug, hash) = line.split_once(' ')?;
            Some((slug.to_string(), hash.parse().ok()?))
        })
        .collect()
}

/// Records `inputs` as those of the sites now in `out` (keeping the other sites' lines).
pub fn write_record(out: &Path, inputs: &Inputs) -> std::io::Result<()> {
    let mut all = read_record(out);
    all.extend(inputs.iter().map(|(k, v)| (k.clone(), *v)));
    // A site whose folder is gone is not recorded.
    all.retain(|slug, _| out.join(slug).is_dir());
    save(out, &all)
}

/// Writes the record whole or not at all (a temporary file renamed over it).
fn save(out: &Path, all: &Inputs) -> std::io::Result<()> {
    let text: String = all.iter().map(|(s, h)| format!("{s} {h}\n")).collect();
    let path = record_path(out);
    let temporary = path.with_extension(format!("inputs-{}", std::process::id()));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, &path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Forgets what is recorded for `sites` (before their output changes).
pub fn forget(out: &Path, sites: &[String]) -> std::io::Result<()> {
    let mut all = read_record(out);
    if sites.iter().all(|s| !all.contains_key(s)) {
        return Ok(());
    }
    all.retain(|slug, _| !sites.contains(slug));
    save(out, &all)
}
