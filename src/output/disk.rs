//! The output folder on disk: one build at a time holds it ([`OutputLock`]), writes into a
//! staging folder beside it as pages are made ([`Staging`]), and swaps that in at the end.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{compress, SiteFiles};
use crate::error::{Error, FileAction};

/// Holds the output folder for one build: an exclusive lock on `.<out>.lock` beside it, so two
/// builds into the same output never write at once. The lock is the operating system's advisory
/// file lock, so it goes away with the process, however that ends (a killed build leaves no stale
/// lock); the file itself stays, holding the id of the last process that took it.
#[derive(Debug)]
pub struct OutputLock {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    _file: std::fs::File,
}

impl OutputLock {
    /// Takes the lock for `out`, or fails at once (without waiting) naming the lock file and the
    /// process that holds it. Creates the folder `out` lives in when it is missing.
    pub fn acquire(out: &Path) -> Result<OutputLock, Error> {
        use std::io::{Read, Seek, Write};

        // An output that is a link (`public` → a web server's folder) is written where it
        // points: swapping the link itself would leave the folder it names untouched.
        let resolved;
        let out = if out.is_symlink() {
            resolved =
                std::fs::canonicalize(out).map_err(|e| Error::io(FileAction::Resolve, out, e))?;
            resolved.as_path()
        } else {
            out
        };
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(FileAction::Create, &parent, e))?;
        let path = parent.join(format!(".{name}.lock"));
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(FileAction::Open, &path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(Error::Locked {
                    out: out.to_path_buf(),
                    lock: path,
                    holder: holder.trim().parse().ok(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(Error::io(FileAction::Lock, &path, e))
            }
        }
        // Only for the message another build shows; the lock itself is what counts.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = writeln!(file, "{}", std::process::id());
        Ok(OutputLock {
            out: out.to_path_buf(),
            parent,
            name,
            _file: file,
        })
    }

    /// The output folder this lock holds.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// `.<out>.staging-<pid>` beside the output: where this build writes.
    fn staging(&self) -> PathBuf {
        let pid = std::process::id();
        self.parent.join(format!(".{}.staging-{pid}", self.name))
    }

    /// Where the old output (`.<out>.old-<pid>`) or one old site folder
    /// (`.<out>.old-<pid>.<slug>`) waits during a swap done in two renames.
    fn aside(&self, slug: Option<&str>) -> PathBuf {
        let pid = std::process::id();
        let name = match slug {
            Some(slug) => format!(".{}.old-{pid}.{slug}", self.name),
            None => format!(".{}.old-{pid}", self.name),
        };
        self.parent.join(name)
    }

    /// Removes what a build that was killed left beside the output: its staging folder and, if
    /// it died in the middle of a swap on a file system without atomic exchange, puts the old
    /// output back. Safe because no other build runs while we hold the lock.
    fn clean_leftovers(&self) -> Result<(), Error> {
        let entries = std::fs::read_dir(&self.parent)
            .map_err(|e| Error::io(FileAction::Read, &self.parent, e))?;
        let staging = format!(".{}.staging-", self.name);
        let aside = format!(".{}.old-", self.name);
        // A record of inputs being written when a build was killed (see `incremental`).
        let record = format!(".{}.inputs-", self.name);
        for entry in entries.flatten() {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if let Some(rest) = file_name.strip_prefix(&aside) {
                // `old-<pid>` held the whole output, `old-<pid>.<slug>` one site's folder.
                let target = match rest.split_once('.') {
                    Some((_, slug)) => self.out.join(slug),
                    None => self.out.clone(),
                };
                if !target.exists() {
                    std::fs::rename(&path, &target)
                        .map_err(|e| Error::io(FileAction::Restore, &path, e))?;
                    continue;
                }
            } else if !file_name.starts_with(&staging) && !file_name.starts_with(&record) {
                continue;
            }
            remove(&path)?;
        }
        Ok(())
    }
}

fn remove(path: &Path) -> Result<(), Error> {
    let result = if path.is_dir() && !path.is_symlink() {
        remove_tree(path)
    } else {
        std::fs::remove_file(path)
    };
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(Error::io(FileAction::Remove, path, e))
        }
        _ => Ok(()),
    }
}

/// Removes a folder and everything in it, its subfolders in parallel: an old output holds a
/// folder per page, and removing tens of thousands of files one after the other is a large part
/// of a build. Links are removed, never followed.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.into_par_iter().try_for_each(|entry| {
        let path = entry.path();
        let result = match entry.file_type() {
            Ok(t) if t.is_dir() => remove_tree(&path),
            _ => std::fs::remove_file(&path),
        };
        match result {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    })?;
    std::fs::remove_dir(dir)
}

/// A build's output being written: a staging folder beside the output, filled site by site as
/// the sites are rendered (pages as they are made), then swapped in by [`Staging::commit`] with
/// one atomic rename, so whoever looks at the output — a web server, or the next build after this
/// one is killed — sees it exactly as before or exactly as built, never a mix, across all sites:
///
/// - one site built (`--site`, or the only site whose inputs changed): only that site's folder
///   changes, so its folder is exchanged;
/// - several sites: the whole output is exchanged. Its other entries (sites not built this time,
///   files someone put there) are carried into the staging folder first as hard links, which
///   costs a link per file but no copying.
///
/// Dropped without a commit (the build found errors, or failed), the staging folder is removed
/// and the output stays as it was. On Linux the exchange is `renameat2(RENAME_EXCHANGE)`;
/// elsewhere (or on a file system without it) the old folder is renamed aside and the new one
/// in, and a build killed between those two renames has its old output put back by the next
/// build. Files are not `fsync`ed: this guards against a killed or failing build, not against a
/// power cut.
#[derive(Debug)]
pub struct Staging<'l> {
    lock: &'l OutputLock,
    dir: PathBuf,
    /// The sites staged so far, by slug.
    sites: Mutex<Vec<String>>,
    /// Write compressed copies beside the text files (`build --compress`, see [`compress`]).
    compress: bool,
}

impl<'l> Staging<'l> {
    /// Clears what a killed build left beside the output and makes an empty staging folder.
    pub fn begin(lock: &'l OutputLock) -> Result<Self, Error> {
        lock.clean_leftovers()?;
        let dir = lock.staging();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(FileAction::Create, &dir, e))?;
        Ok(Staging {
            lock,
            dir,
            sites: Mutex::new(Vec::new()),
            compress: false,
        })
    }

    /// With `yes`, every site staged from now on gets compressed copies of its text files.
    pub fn compressing(mut self, yes: bool) -> Self {
        self.compress = yes;
        self
    }

    /// Where the site `slug` is written, from now on part of what [`Staging::commit`] swaps in.
    pub fn site(&self, slug: &str) -> Result<SiteStage, Error> {
        if !inside_site(slug) || slug.contains('/') {
            return Err(outside(slug));
        }
        let dir = self.dir.join(slug);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(FileAction::Create, &dir, e))?;
        if let Ok(mut sites) = self.sites.lock() {
            sites.push(slug.to_string());
        }
        Ok(SiteStage {
            dir,
            files: AtomicUsize::new(0),
            error: Mutex::new(None),
            compress: self.compress,
        })
    }

    /// Swaps what was staged into the output (see [`Staging`]).
    pub fn commit(self) -> Result<(), Error> {
        let sites = self.sites.lock().map(|s| s.clone()).unwrap_or_default();
        let out = &self.lock.out;
        if let [slug] = sites.as_slice() {
            if out.is_dir() {
                let new = self.dir.join(slug);
                let live = out.join(slug);
                return swap_in(&new, &live, &self.lock.aside(Some(slug)));
            }
        }
        if out.exists() {
            let entries =
                std::fs::read_dir(out).map_err(|e| Error::io(FileAction::Read, out, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(FileAction::Read, out, e))?;
                let name = entry.file_name();
                if !sites.iter().any(|b| name == std::ffi::OsStr::new(b)) {
                    link_tree(&entry.path(), &self.dir.join(&name))?;
                }
            }
        }
        swap_in(&self.dir, out, &self.lock.aside(None))
    }
}

impl Drop for Staging<'_> {
    /// Whatever happened, the staging folder goes (after a swap it holds the old output).
    fn drop(&mut self) {
        let _ = remove(&self.dir);
    }
}

/// One site's folder in the staging folder. Files are written from any thread as they are
/// made; the first failure is kept for [`SiteStage::finish`], and files after it are not written.
#[derive(Debug)]
pub struct SiteStage {
    dir: PathBuf,
    files: AtomicUsize,
    error: Mutex<Option<Error>>,
    compress: bool,
}

impl SiteStage {
    /// Writes a file at `path` (relative to the site folder), making the folders it needs, and
    /// its compressed copies when the build asks for them (compressed here, in the thread that
    /// made the file).
    pub fn put(&self, path: &str, bytes: &[u8]) {
        if self.error.lock().map(|e| e.is_some()).unwrap_or(true) {
            return;
        }
        let result = if inside_site(path) {
            let copies = if self.compress {
                compress::compressed(path, bytes)
            } else {
                Vec::new()
            };
            write_file(&self.dir.join(path), bytes)
                .and_then(|()| {
                    copies
                        .iter()
                        .try_for_each(|(copy, packed)| write_file(&self.dir.join(copy), packed))
                })
                .map(|()| 1 + copies.len())
        } else {
            Err(outside(path))
        };
        match result {
            Ok(written) => {
                self.files.fetch_add(written, Ordering::Relaxed);
            }
            Err(e) => {
                if let Ok(mut first) = self.error.lock() {
                    first.get_or_insert(e);
                }
            }
        }
    }

    /// How many files were written, or the first failure.
    pub fn finish(self) -> Result<usize, Error> {
        match self.error.into_inner().ok().flatten() {
            Some(e) => Err(e),
            None => Ok(self.files.into_inner()),
        }
    }
}

/// Writes the sites, held in memory, into the locked output in one step (see [`Staging`]).
pub fn write(lock: &OutputLock, sites: &[SiteFiles]) -> Result<(), Error> {
    let staging = Staging::begin(lock)?;
    for site in sites {
        let stage = staging.site(&site.slug)?;
        site.files
            .par_iter()
            .for_each(|(path, bytes)| stage.put(path, bytes));
        stage.finish()?;
    }
    staging.commit()
}

fn outside(path: &str) -> Error {
    Error::Usage(crate::messages::outside_site_folder(path))
}

/// Whether a site-relative output path stays inside its site folder: plain names only, no
/// `..`, no root, no drive. Content can never produce another (slugs and links are checked where
/// they are read); this is the last check before anything touches the disk.
fn inside_site(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Writes a file, making its folder when it is missing: folders are made as the files that need
/// them are written (`create_dir_all` takes the races between threads), not in a pass of their
/// own before.
fn write_file(target: &Path, bytes: &[u8]) -> Result<(), Error> {
    match std::fs::write(target, bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::io(FileAction::Create, parent, e))?;
            }
            std::fs::write(target, bytes)
        }
        other => other,
    }
    .map_err(|e| Error::io(FileAction::Write, target, e))
}

/// Copies a tree as hard links (files are never changed in place, only replaced, so sharing
/// them between the old and the new output is safe); copies where a link is refused. Symbolic
/// links are recreated, not followed.
fn link_tree(from: &Path, to: &Path) -> Result<(), Error> {
    let meta = std::fs::symlink_metadata(from).map_err(|e| Error::io(FileAction::Read, from, e))?;
    if meta.is_dir() {
        std::fs::create_dir(to).map_err(|e| Error::io(FileAction::Create, to, e))?;
        for entry in std::fs::read_dir(from).map_err(|e| Error::io(FileAction::Read, from, e))? {
            let entry = entry.map_err(|e| Error::io(FileAction::Read, from, e))?;
            link_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        return Ok(());
    }
    if meta.is_symlink() {
        #[cfg(unix)]
        {
            let target =
                std::fs::read_link(from).map_err(|e| Error::io(FileAction::Read, from, e))?;
            return std::os::unix::fs::symlink(target, to)
                .map_err(|e| Error::io(FileAction::Link, to, e));
        }
    }
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to).map_err(|e| Error::io(FileAction::Copy, to, e))?;
    }
    Ok(())
}

/// Puts `new` in place of `live` atomically; afterwards `new` holds what `live` held (if
/// anything), for the caller to remove. `aside` is where the old folder waits when the
/// exchange has to be done in two renames.
fn swap_in(new: &Path, live: &Path, aside: &Path) -> Result<(), Error> {
    if !live.exists() {
        return std::fs::rename(new, live).map_err(|e| Error::io(FileAction::Move, new, e));
    }
    if exchange(new, live).is_ok() {
        return Ok(());
    }
    std::fs::rename(live, aside).map_err(|e| Error::io(FileAction::Move, live, e))?;
    std::fs::rename(new, live).map_err(|e| Error::io(FileAction::Move, new, e))?;
    std::fs::rename(aside, new).map_err(|e| Error::io(FileAction::Move, aside, e))
}

/// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;

    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        assert!(inside_site("kurser/x/index.html"));
        for bad in ["../x", "a/../../x", "/etc/passwd", "a\\..\\b", "", "./"] {
            assert!(!inside_site(bad), "{bad}");
        }
        let dir = tempfile::tempdir().unwrap();
        let mut site = SiteFiles::new("roskilde");
        site.add("../../udenfor.html", b"x".to_vec());
        let lock = OutputLock::acquire(&dir.path().join("public")).unwrap();
        let err = write(&lock, &[site]).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        assert!(!dir.path().join("udenfor.html").exists());
    }

    fn site(slug: &str, files: &[(&str, &str)]) -> SiteFiles {
        let mut site = SiteFiles::new(slug);
        for (path, text) in files {
            site.add(*path, text.as_bytes().to_vec());
        }
        site
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    /// The names in the folder the output lives in: the output and its lock file, nothing more.
    fn assert_no_leftovers(dir: &Path) {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".public.lock", "public"]);
    }

    #[test]
    fn one_site_is_swapped_in_and_other_sites_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("other")).unwrap();
        std::fs::write(out.join("other/index.html"), "keep").unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        let roskilde = site(
            "roskilde",
            &[("index.html", "ny"), ("kurser/x/index.html", "kursus")],
        );
        write(&lock, &[roskilde]).unwrap();
        assert_eq!(read(&out.join("roskilde/kurser/x/index.html")), "kursus");
        assert_eq!(read(&out.join("other/index.html")), "keep");
        write(&lock, &[site("roskilde", &[("index.html", "igen")])]).unwrap();
        assert_eq!(read(&out.join("roskilde/index.html")), "igen");
        assert!(!out.join("roskilde/kurser").exists());
        assert_no_leftovers(dir.path());
    }

    #[test]
    fn several_sites_replace_the_whole_output_and_carry_the_rest_over() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("other/sub")).unwrap();
        std::fs::write(out.join("other/sub/index.html"), "keep").unwrap();
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/gammel.html"), "old").unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        let sites = [
            site("a", &[("index.html", "a")]),
            site("b", &[("index.html", "b")]),
        ];
        write(&lock, &sites).unwrap();
        assert_eq!(read(&out.join("a/index.html")), "a");
        assert!(!out.join("a/gammel.html").exists());
        assert_eq!(read(&out.join("b/index.html")), "b");
        assert_eq!(read(&out.join("other/sub/index.html")), "keep");
        assert_no_leftovers(dir.path());
    }

    #[cfg(unix)]
    #[test]
    fn an_output_that_is_a_link_is_written_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let www = dir.path().join("www/public");
        std::fs::create_dir_all(&www).unwrap();
        let out = dir.path().join("public");
        std::os::unix::fs::symlink(&www, &out).unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        let sites = [
            site("a", &[("index.html", "a")]),
            site("b", &[("index.html", "b")]),
        ];
        write(&lock, &sites).unwrap();
        assert!(out.is_symlink());
        assert_eq!(read(&www.join("b/index.html")), "b");
        assert_no_leftovers(&dir.path().join("www"));
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleaned_and_an_output_moved_aside_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // A build killed while writing, and one killed between the two renames of a swap
        // (the output moved aside, the new one not yet in).
        std::fs::create_dir_all(dir.path().join(".public.staging-999/a")).unwrap();
        std::fs::create_dir_all(dir.path().join(".public.old-998/other")).unwrap();
        std::fs::write(dir.path().join(".public.old-998/other/index.html"), "keep").unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        write(&lock, &[site("a", &[("index.html", "a")])]).unwrap();
        assert_eq!(read(&out.join("a/index.html")), "a");
        assert_eq!(read(&out.join("other/index.html")), "keep");
        assert_no_leftovers(dir.path());
    }

    #[test]
    fn a_second_lock_on_the_same_output_is_refused_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = OutputLock::acquire(&out).unwrap();
        match OutputLock::acquire(&out) {
            Err(Error::Locked { lock, holder, .. }) => {
                assert_eq!(lock, dir.path().join(".public.lock"));
                assert_eq!(holder, Some(std::process::id()));
            }
            other => panic!("expected the lock to be refused, got {other:?}"),
        }
        drop(first);
        OutputLock::acquire(&out).unwrap();
    }
}
