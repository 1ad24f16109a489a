//! Theme resolution: the default theme built into the program, the project's theme folder
//! (`themes/<name>/`) laid over it file by file, and a municipality's `content/<slug>/_theme/`
//! over that; compiled into one Tera instance, its UI strings, and its static files with
//! content-hashed names.
//!
//! The default theme is part of the program (the files of `themes/default/` in this repository,
//! embedded when it is compiled), so a project needs no theme folder at all; one that wants to
//! change a template copies it (`vejviser theme copy`) or puts just the changed files in
//! `themes/default/`. A theme of another name starts from nothing: its folder must hold every
//! template.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;
use walkdir::WalkDir;

use crate::config::Project;
use crate::error::{Diagnostic, Error, FileAction};
use crate::i18n::Strings;
use crate::load::{display_path, read_text};
use crate::messages;
use crate::yaml;

/// A compiled theme for one site.
pub struct Theme {
    pub tera: Tera,
    pub strings: Strings,
    /// Each template's file, by template name, so errors can name the file and show its line.
    pub sources: BTreeMap<String, (PathBuf, Arc<str>)>,
    /// Static files by their name under `static/` (`style.css`) → contents.
    pub statics: BTreeMap<String, Vec<u8>>,
}

/// Themes compiled by earlier builds, by a hash of their files and the project's settings.
#[derive(Default)]
pub struct ThemeCache {
    themes: std::sync::Mutex<std::collections::HashMap<u64, Arc<Theme>>>,
}

impl std::fmt::Debug for ThemeCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ThemeCache")
    }
}

/// The default theme's files, as they were when the program was compiled.
static BUILT_IN: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The name of the theme built into the program.
pub const DEFAULT_THEME: &str = "default";

/// Where one file of a theme comes from.
#[derive(Debug, Clone)]
pub enum ThemeFile {
    /// A file on disk: the project's theme folder or a municipality's `_theme/`.
    Disk(PathBuf),
    /// A file of the built-in default theme, by its path in the theme.
    BuiltIn(&'static str, &'static [u8]),
}

impl ThemeFile {
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            ThemeFile::Disk(path) => std::fs::read(path).map(Into::into),
            ThemeFile::BuiltIn(_, bytes) => Ok((*bytes).into()),
        }
    }

    /// The path errors name: the file on disk, or where the built-in file would be copied to.
    fn shown(&self, root: &Path) -> PathBuf {
        match self {
            ThemeFile::Disk(path) => display_path(root, path),
            ThemeFile::BuiltIn(rel, _) => Path::new("themes").join(DEFAULT_THEME).join(rel),
        }
    }
}

/// The files of a theme, before compiling: where each relative path comes from.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    /// `templates/…`, `static/…`, `i18n/…` relative path → its file.
    pub files: BTreeMap<String, ThemeFile>,
}

/// Whether a path inside a theme is one of its parts (not, say, its README).
fn theme_part(rel: &str) -> bool {
    rel.starts_with("templates/") || rel.starts_with("static/") || rel.starts_with("i18n/")
}

impl ThemeFiles {
    /// The built-in default theme.
    pub fn built_in() -> ThemeFiles {
        fn walk(dir: &'static include_dir::Dir<'static>, files: &mut BTreeMap<String, ThemeFile>) {
            for file in dir.files() {
                let Some(rel) = file.path().to_str() else {
                    continue;
                };
                if theme_part(rel) {
                    let file = ThemeFile::BuiltIn(rel, file.contents());
                    files.insert(rel.to_string(), file);
                }
            }
            for sub in dir.dirs() {
                walk(sub, files);
            }
        }
        let mut files = BTreeMap::new();
        walk(&BUILT_IN, &mut files);
        ThemeFiles { files }
    }

    /// The project's theme: for `default`, the built-in theme with the project's
    /// `themes/default/` (when there is one) laid over it; for any other name, the project's
    /// folder, which must exist.
    pub fn of_project(root: &Path, project: &Project) -> Result<ThemeFiles, Error> {
        let dir = root.join("themes").join(&project.theme);
        let mut files = if project.theme == DEFAULT_THEME {
            ThemeFiles::built_in()
        } else if dir.join("templates").is_dir() {
            ThemeFiles::default()
        } else {
            return Err(Error::Usage(crate::messages::no_theme_templates(
                &project.theme,
                dir.join("templates").display(),
                DEFAULT_THEME,
            )));
        };
        files.overlay(&dir);
        Ok(files)
    }

    /// Writes the built-in default theme into `dir` (which must not exist yet) and returns how
    /// many files it wrote.
    pub fn copy_built_in(dir: &Path) -> Result<usize, Error> {
        if dir.exists() {
            return Err(Error::Usage(crate::messages::theme_folder_exists(
                dir.display(),
            )));
        }
        let files = ThemeFiles::built_in().files;
        for (rel, file) in &files {
            let target = dir.join(rel);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::io(FileAction::Create, parent, e))?;
            }
            let bytes = file
                .read()
                .map_err(|e| Error::io(FileAction::Read, rel, e))?;
            std::fs::write(&target, bytes).map_err(|e| Error::io(FileAction::Write, &target, e))?;
        }
        Ok(files.len())
    }

    /// Lays the files of `dir` over these, path by path.
    pub fn overlay(&mut self, dir: &Path) {
        for entry in WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(dir) else {
                continue;
            };
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if theme_part(&rel) {
                self.files.insert(rel, ThemeFile::Disk(entry.into_path()));
            }
        }
    }

    /// [`ThemeFiles::compile`], or the theme compiled earlier from the same files and project
    /// settings.
    pub fn compile_cached(
        &self,
        root: &Path,
        project: &Project,
        cache: &ThemeCache,
    ) -> Result<Arc<Theme>, Vec<Diagnostic>> {
        // An unreadable file is reported by `compile`.
        let files: Vec<_> = (self.files.iter())
            .map(|(rel, file)| (rel, file.read().ok()))
            .collect();
        let key = crate::hash::hash_of(&(format!("{project:?}"), files));
        if let Some(theme) = cache.themes.lock().ok().and_then(|t| t.get(&key).cloned()) {
            return Ok(theme);
        }
        let theme = Arc::new(self.compile(root, project)?);
        if let Ok(mut themes) = cache.themes.lock() {
            // A project has a theme or two (one per municipality with `_theme/`); an edited
            // theme leaves its old versions behind.
            if themes.len() > 16 {
                themes.clear();
            }
            themes.insert(key, theme.clone());
        }
        Ok(theme)
    }

    /// Reads and compiles the theme.
    pub fn compile(&self, root: &Path, project: &Project) -> Result<Theme, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut templates = Vec::new();
        let mut sources = BTreeMap::new();
        let mut statics = BTreeMap::new();
        let mut strings = Strings::default();
        let lang_file = format!("i18n/{}.yaml", project.language.code());
        for (rel, file) in &self.files {
            if let Some(name) = rel.strip_prefix("templates/") {
                match file_text(root, file) {
                    Ok(text) => {
                        templates.push((name.to_string(), text.to_string()));
                        sources.insert(name.to_string(), (file.shown(root), text));
                    }
                    Err(d) => diags.push(d),
                }
            } else if let Some(name) = rel.strip_prefix("static/") {
                match file.read() {
                    Ok(bytes) => {
                        let bytes = minify_static(name, bytes.into_owned());
                        statics.insert(name.to_string(), bytes);
                    }
                    Err(e) => diags.push(Diagnostic::error(
                        "theme.read",
                        file.shown(root),
                        messages::cannot_read_file(e),
                    )),
                }
            } else if *rel == lang_file {
                let shown = file.shown(root);
                match file_text(root, file) {
                    Ok(text) => match yaml::from_str::<BTreeMap<String, String>>(&text) {
                        Ok(map) => strings = Strings(map),
                        Err(e) => diags.push(crate::error::yaml_diagnostic(&shown, &text, &e, 0)),
                    },
                    Err(d) => diags.push(d),
                }
            }
        }
        if let Some(file) = self.files.get(&lang_file) {
            let missing = strings.missing_required();
            if !missing.is_empty() && diags.is_empty() {
                diags.push(
                    Diagnostic::error(
                        "theme.i18n",
                        file.shown(root),
                        messages::missing_ui_strings(messages::list(&missing)),
                    )
                    .hint(messages::missing_ui_strings_hint()),
                );
            }
        } else {
            diags.push(Diagnostic::error(
                "theme.i18n",
                PathBuf::from("themes")
                    .join(&project.theme)
                    .join(&lang_file),
                messages::no_ui_strings(project.language.code()),
            ));
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("href", href);
        if let Err(e) = tera.add_raw_templates(templates) {
            diags.push(template_diagnostic(&e, &sources));
        }
        if diags.is_empty() {
            Ok(Theme {
                tera,
                strings,
                sources,
                statics,
            })
        } else {
            Err(diags)
        }
    }
}

/// The `href` filter: `{{ item.path | href }}` is the shortest link from the page being
/// rendered (its folder is the context's `here`) to a site path, so links between neighbouring
/// pages stay short however deep they sit (`../kapitel-3/`, not `../../../manualer/abc/kapitel-3/`).
fn href(to: std::borrow::Cow<'_, str>, _: tera::Kwargs, state: &tera::State) -> String {
    let here: Option<String> = state.get("here").ok().flatten();
    crate::slug::relative_link(here.as_deref().unwrap_or(""), &to)
}

/// A theme file's text: read as the project's content files are (UTF-8, with a located error).
fn file_text(root: &Path, file: &ThemeFile) -> Result<Arc<str>, Diagnostic> {
    match file {
        ThemeFile::Disk(path) => read_text(root, path),
        ThemeFile::BuiltIn(rel, bytes) => std::str::from_utf8(bytes)
            .map(Arc::from)
            .map_err(|e| Diagnostic::error("theme.read", *rel, messages::theme_not_utf8(e))),
    }
}

/// A Tera error as a diagnostic placed in the template's own file. Tera's report says where
/// (`--> page.html:4:45`); the diagnostic points there, so the report shows the template line.
pub fn template_diagnostic(
    e: &tera::Error,
    sources: &BTreeMap<String, (PathBuf, Arc<str>)>,
) -> Diagnostic {
    let mut full = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        full.push_str(&format!("\n{s}"));
        source = s.source();
    }
    // The first line is the message; a `--> name:line:col` line gives the place.
    let message = full
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    let place = full.lines().find_map(|l| {
        let at = l.trim_start().strip_prefix("--> ")?;
        let mut parts = at.rsplitn(3, ':');
        let col: usize = parts.next()?.trim().parse().ok()?;
        let line: usize = parts.next()?.trim().parse().ok()?;
        Some((parts.next()?.trim().to_string(), line, col))
    });
    match place.and_then(|(name, line, col)| {
        sources
            .get(&name)
            .map(|(path, text)| (path, text, line, col))
    }) {
        Some((path, text, line, col)) => {
            Diagnostic::error("theme.template", path, messages::template_error(message))
                .at(text, line, col)
                .span(1)
                .hint(messages::template_error_hint())
        }
        None => Diagnostic::error("theme.template", "themes", messages::template_error(full))
            .hint(messages::template_error_hint()),
    }
}

/// Minifies a theme's script or style sheet (minify-html's JavaScript and CSS minifiers, given
/// the file as the one element of a document). Anything else, or a file the minifier cannot
/// handle, is kept as it is.
pub fn minify_static(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let (open, close): (&[u8], &[u8]) = if name.ends_with(".js") {
        (b"<script>", b"</script>")
    } else if name.ends_with(".css") {
        (b"<style>", b"</style>")
    } else {
        return bytes;
    };
    if bytes
        .windows(close.len())
        .any(|w| w.eq_ignore_ascii_case(close))
    {
        return bytes;
    }
    // The JavaScript minifier keeps a file's opening comment; it is documentation, not code.
    let mut body: &[u8] = &bytes;
    if name.ends_with(".js") {
        while body.starts_with(b"//") {
            let end = body
                .iter()
                .position(|&b| b == b'\n')
                .map_or(body.len(), |i| i + 1);
            body = &body[end..];
        }
    }
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_js = true;
    cfg.minify_css = true;
    cfg.keep_closing_tags = true;
    let document = [open, body, close].concat();
    let out = minify_html::minify(&document, &cfg);
    match out
        .strip_prefix(open)
        .and_then(|rest| rest.strip_suffix(close))
    {
        Some(inner) if !inner.is_empty() && inner.len() <= bytes.len() => inner.to_vec(),
        _ => bytes,
    }
}

/// A short, stable content hash for asset file names (FNV-1a, 64 bits, 8 hex digits shown).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", (hash >> 32) as u32 ^ hash as u32)
}

/// `style.css` → `style.1a2b3c4d.css`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = content_hash(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !stem.ends_with('/') => {
            format!("{stem}.{hash}.{ext}")
        }
        _ => format!("{name}.{hash}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_are_minified() {
        let js = b"// a comment\nfunction hello(name) {\n  const greeting = 'hej ' + name;\n  return greeting;\n}\nwindow.hello = hello;\n".to_vec();
        let small = minify_static("x.js", js.clone());
        assert!(
            small.len() < js.len(),
            "{}",
            String::from_utf8_lossy(&small)
        );
        assert!(
            !String::from_utf8_lossy(&small).contains("a comment"),
            "{}",
            String::from_utf8_lossy(&small)
        );
        let css = b"body {\n  color: #000000;\n}\n\n/* note */\n".to_vec();
        let small = minify_static("x.css", css.clone());
        assert!(
            small.len() < css.len(),
            "{}",
            String::from_utf8_lossy(&small)
        );
        assert_eq!(minify_static("x.svg", b"<svg/>".to_vec()), b"<svg/>");
    }

    #[test]
    fn hashed_names_change_with_content() {
        let a = hashed_name("style.css", b"a");
        let b = hashed_name("style.css", b"b");
        assert_ne!(a, b);
        assert!(a.starts_with("style.") && a.ends_with(".css"));
        assert_eq!(a, hashed_name("style.css", b"a"));
    }
}
