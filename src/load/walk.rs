//! Finding a layer's files: the walk over one folder of `content/`, with mdBook books' own
//! layout (their `src/`), links and hidden files left out, and every Markdown file read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{display_path, manual_dir, read, Layer, Overlay};
use crate::error::Diagnostic;
use crate::messages;

/// A layer's files found and read, before its pages are parsed.
pub(super) struct Walked {
    pub(super) layer: Layer,
    pub(super) texts: Vec<(String, PathBuf, Result<Arc<str>, Diagnostic>)>,
    /// The `book.toml` of each book: the file shown in messages and its text.
    pub(super) book_files: BTreeMap<String, (PathBuf, Arc<str>)>,
}

pub(super) fn symlink_ignored(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        "io.symlink",
        display_path(root, path),
        messages::symlink_ignored(),
    )
    .hint(messages::symlink_ignored_hint())
}

/// Finds every file of one layer folder and reads its Markdown files, in parallel. The folder of
/// a manual with a `book.toml` is an mdBook book: its `src/` holds the manual's files (read as
/// if they stood in the manual's folder), and what lies beside `src/` is not content.
pub(super) fn walk_layer(
    root: &Path,
    dir: &Path,
    overlay: Option<&Overlay>,
    diags: &mut Vec<Diagnostic>,
) -> Walked {
    let mut layer = Layer::default();
    let mut book_files = BTreeMap::new();
    // A layer folder that is itself a link (`content/_shared` → elsewhere) would be walked.
    if dir.is_symlink() {
        diags.push(symlink_ignored(root, dir));
        return Walked {
            layer,
            texts: Vec::new(),
            book_files,
        };
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("manualer")) {
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("book.toml"))
            .filter(|p| p.is_file() && !p.is_symlink())
            .collect();
        found.sort();
        for path in found {
            let name = path
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let manual = format!("manualer/{name}");
            let shown = display_path(root, &path);
            let parsed = read(root, &path, overlay).and_then(|text| {
                let book = crate::book::Book::parse(&manual, &shown, &text)?;
                Ok((book, text))
            });
            match parsed {
                Ok((book, text)) => {
                    book_files.insert(book.dir.clone(), (shown, text));
                    layer.books.insert(book.dir.clone(), Arc::new(book));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    let mut markdown = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let walker = walker.filter_entry(|e| {
        let name = e.file_name().to_string_lossy();
        // Hidden files, the site's config and its theme folder are not content.
        e.depth() == 0
            || !(name.starts_with('.')
                || (e.depth() == 1 && (name == "_theme" || name == "_site.yaml")))
    });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| display_path(root, p)).unwrap_or_default();
                diags.push(Diagnostic::error(
                    "io.walk",
                    path,
                    messages::cannot_read_file(e),
                ));
                continue;
            }
        };
        if entry.path_is_symlink() {
            diags.push(symlink_ignored(root, entry.path()));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = match entry.path().strip_prefix(dir) {
            Ok(r) => r
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => continue,
        };
        let in_book = manual_dir(&rel).and_then(|d| layer.books.get(&format!("{d}/")));
        let rel = match in_book {
            Some(book) => match book.place(&rel[book.dir.len()..]) {
                Some(placed) => placed,
                None => continue,
            },
            None => rel,
        };
        // SUMMARY.md is a manual's table of contents, not a page.
        if rel.ends_with("/SUMMARY.md")
            && manual_dir(&rel).is_some_and(|d| rel.len() == d.len() + "/SUMMARY.md".len())
        {
            match read(root, entry.path(), overlay) {
                Ok(text) => {
                    layer
                        .summaries
                        .insert(rel, (display_path(root, entry.path()), text));
                }
                Err(d) => diags.push(d),
            }
        } else if rel.ends_with(".md") {
            layer
                .sources
                .insert(rel.clone(), entry.path().to_path_buf());
            markdown.push((rel, entry.into_path()));
        } else {
            layer.assets.insert(rel, entry.into_path());
        }
    }
    // A file the editor is about to create: checked as if it were there already.
    if let Some(o) = overlay.filter(|o| !o.path.exists()) {
        if let Ok(rel) = o.path.strip_prefix(dir) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel.ends_with(".md") && !rel.ends_with("SUMMARY.md") {
                layer.sources.insert(rel.clone(), o.path.clone());
                markdown.push((rel, o.path.clone()));
            }
        }
    }
    let texts = markdown
        .into_par_iter()
        .map(|(rel, path)| {
            let text = read(root, &path, overlay);
            (rel, path, text)
        })
        .collect();
    Walked {
        layer,
        texts,
        book_files,
    }
}
