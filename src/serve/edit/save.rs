//! Saving a form: the file's new text is the old one with only the changed values replaced
//! (see [`super::fields`]) and the body swapped; it is checked by the same build as `build`
//! and `serve` run, with the new text standing in for the file, and written only when that
//! build finds no error in it, atomically (a temporary file beside it, then a rename).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use super::fields::{apply, fields, Field};
use super::pages::Problem;
use super::text::Words;
use crate::build::{BuildOptions, BuildState};
use crate::error::Error;

/// A file cut into what its form edits.
pub struct Parts<'a> {
    /// The YAML text (front matter, or all of `_site.yaml`) and where it starts in the file.
    pub yaml: Option<(&'a str, usize)>,
    /// The Markdown body; `None` for `_site.yaml`.
    pub body: Option<&'a str>,
}

/// Whether `rel` is a municipality's settings file (all YAML, no body).
pub fn is_site_yaml(rel: &str) -> bool {
    rel.ends_with("_site.yaml")
}

pub fn parts<'a>(text: &'a str, rel: &str) -> Parts<'a> {
    if is_site_yaml(rel) {
        return Parts {
            yaml: Some((text, 0)),
            body: None,
        };
    }
    match crate::frontmatter::split(text) {
        Some((yaml, start, body)) => Parts {
            yaml: Some((yaml, start)),
            body: Some(&text[body..]),
        },
        None => Parts {
            yaml: None,
            body: Some(text),
        },
    }
}

/// The fields of a file, or why its YAML cannot be read.
pub fn file_fields(text: &str, rel: &str) -> Result<Vec<Field>, String> {
    match parts(text, rel).yaml {
        Some((yaml, _)) => fields(yaml),
        None => Ok(Vec::new()),
    }
}

/// A hash of a file's text, carried by its form to notice a change made meanwhile.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", crate::hash::hash_of(text))
}

/// The file's text with the sent values and body in place; everything else as it was. `Err`
/// names a field whose change of shape (a list's length, a new key) cannot be written where
/// it stands.
pub fn edited(
    text: &str,
    rel: &str,
    values: &BTreeMap<String, String>,
    body: Option<&str>,
) -> Result<String, String> {
    let p = parts(text, rel);
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    if let Some((yaml, start)) = p.yaml {
        out.push_str(&text[..start]);
        match fields(yaml) {
            Ok(found) => {
                let kind = found
                    .iter()
                    .find(|f| f.path == "kind")
                    .map(|f| f.value.as_str());
                let top = super::typed::definitions(rel, kind);
                let applied = apply(yaml, &found, values);
                out.push_str(&super::typed::reshape(&applied, &found, values, &top)?);
            }
            Err(_) => out.push_str(yaml),
        }
        rest = start + yaml.len();
    }
    match (p.body, body) {
        (Some(old), Some(new)) => {
            out.push_str(&text[rest..text.len() - old.len()]);
            out.push_str(&line_endings(new, old));
        }
        _ => out.push_str(&text[rest..]),
    }
    Ok(out)
}

/// A body from a browser (which sends CRLF line ends) with the line ends the file had.
fn line_endings(sent: &str, old: &str) -> String {
    let lf = sent.replace("\r\n", "\n");
    if old.contains("\r\n") {
        lf.replace('\n', "\r\n")
    } else {
        lf
    }
}

/// The errors a build finds in the file at `path` (`rel` inside `content/`) if it held `text`,
/// each placed beside the field it points at; and the errors the new text would cause in other
/// files (a session number another session has too), which the project does not have now.
pub fn problems(
    root: &Path,
    rel: &str,
    path: &Path,
    text: &str,
    today: Option<chrono::NaiveDate>,
    state: &BuildState,
    w: &Words,
) -> Result<Vec<Problem>, Error> {
    let mut opts = BuildOptions::new(root);
    opts.drafts = true;
    if let Some(today) = today {
        opts.today = today;
    }
    // A municipality's own file concerns its site only; a shared one every site.
    match rel.split_once('/') {
        Some((site, _)) if !site.starts_with('_') => opts.sites = vec![site.to_string()],
        _ => {}
    }
    opts.overlay = Some(crate::load::Overlay {
        path: path.to_path_buf(),
        text: Arc::from(text),
    });
    let outcome = crate::build::build_in_memory_with(&opts, state)?;
    let shown = crate::load::display_path(root, path);
    let elsewhere = caused_elsewhere(&opts, state, &outcome, &shown, w)?;
    let p = parts(text, rel);
    let located: Vec<(usize, usize, String)> = match p.yaml {
        Some((yaml, start)) => fields(yaml)
            .unwrap_or_default()
            .into_iter()
            .map(|f| {
                let before = &text[..start + f.span.start];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column, f.path)
            })
            .collect(),
        None => Vec::new(),
    };
    let body_line = p
        .body
        .map(|b| text[..text.len() - b.len()].matches('\n').count() + 1);
    let mut found = Vec::new();
    for d in outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.file == shown)
    {
        // The field on the problem's line; on a line of several (`{ a: 1, b: 2 }`) the last
        // one starting at or before its column.
        let on_line: Vec<&(usize, usize, String)> =
            located.iter().filter(|(l, ..)| *l == d.line).collect();
        let field = on_line
            .iter()
            .rev()
            .find(|(_, c, _)| *c <= d.column.max(1))
            .or(on_line.first())
            .map(|(.., path)| path.clone())
            .or_else(|| {
                body_line
                    .filter(|b| d.line >= *b && d.line > 0)
                    .map(|_| "body".to_string())
            });
        let language = crate::config::language_of(root);
        let mut message = d.text(language);
        if d.line > 0 {
            message = format!("{message} ({} {})", w.line, d.line);
        }
        if let Some(hint) = d.hint_text(language) {
            message = format!("{message}. {hint}");
        }
        let problem = Problem { field, message };
        if !found.iter().any(|p: &Problem| p.message == problem.message) {
            found.push(problem);
        }
    }
    found.extend(elsewhere);
    Ok(found)
}

/// The errors of `outcome` in files other than `shown` that a build of the project as it is on
/// disk does not find: those the save would cause.
fn caused_elsewhere(
    opts: &BuildOptions,
    state: &BuildState,
    outcome: &crate::build::BuildOutcome,
    shown: &Path,
    w: &Words,
) -> Result<Vec<Problem>, Error> {
    let other = |d: &&crate::error::Diagnostic| d.is_error() && d.file != shown;
    if !outcome.diagnostics.iter().any(|d| other(&d)) {
        return Ok(Vec::new());
    }
    let now = crate::build::build_in_memory_with(
        &BuildOptions {
            overlay: None,
            ..opts.clone()
        },
        state,
    )?;
    let key = |d: &crate::error::Diagnostic| (d.code, d.file.clone(), d.message.clone());
    let before: Vec<_> = now.diagnostics.iter().filter(other).map(key).collect();
    let mut caused: Vec<Problem> = Vec::new();
    for d in outcome.diagnostics.iter().filter(other) {
        if before.contains(&key(d)) {
            continue;
        }
        let text = d.text(crate::config::language_of(&opts.root));
        let message = format!("{}, {} {}: {text}", d.file.display(), w.line, d.line);
        if !caused.iter().any(|p| p.message == message) {
            caused.push(Problem {
                field: None,
                message,
            });
        }
    }
    Ok(caused)
}

/// Writes `text` to `path` through a temporary file in the same folder and a rename, so the
/// file is never seen half-written (by the preview's rebuild, or after a crash). The file
/// keeps its permissions.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    // A name the preview's watcher takes for an editor's temporary file (see `watch`).
    let mut file = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    if let Ok(meta) = std::fs::metadata(path) {
        file.as_file().set_permissions(meta.permissions())?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a new file as [`write_atomically`] does, making its folder; refused (`AlreadyExists`)
/// when a file of that name appeared meanwhile: nothing is ever overwritten.
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_sent_by_a_browser_keeps_the_files_line_ends() {
        let text = "---\ntitle: A # note\n---\n\nHej\nverden\n";
        let values = BTreeMap::from([("title".to_string(), "A".to_string())]);
        assert_eq!(
            edited(text, "a/om.md", &values, Some("\r\nHej\r\nverden\r\n")).unwrap(),
            text
        );
        let crlf = "---\r\ntitle: A\r\n---\r\nHej\r\n";
        assert_eq!(
            edited(crlf, "a/om.md", &BTreeMap::new(), Some("Hej\r\n")).unwrap(),
            crlf
        );
        assert_eq!(
            edited(
                "Bare tekst\n",
                "m/SUMMARY.md",
                &BTreeMap::new(),
                Some("Ny\r\n")
            )
            .unwrap(),
            "Ny\n"
        );
        let site = "name: X # navn\nbase_url: https://x.dk/\n";
        let values = BTreeMap::from([("name".to_string(), "Y".to_string())]);
        assert_eq!(
            edited(site, "x/_site.yaml", &values, None).unwrap(),
            "name: Y # navn\nbase_url: https://x.dk/\n"
        );
    }
}
