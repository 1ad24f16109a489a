//! Diagnostics: every problem a build finds in the content, with its place.
//!
//! Stages never stop at the first problem: they collect [`Diagnostic`]s (file, line and column in
//! the *file's* own coordinates, the message and a hint) and the build reports all of them at the
//! end. Rendering for people goes through `miette`, so the user sees the offending line with the
//! span marked; the same values serialize to JSON for editors and CI.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::yaml::YamlError;

/// How bad a finding is. Errors fail the build; warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the content, theme or configuration.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, dotted code such as `frontmatter.unknown-field`.
    pub code: &'static str,
    /// The file, relative to the project root (or as given when outside it).
    pub file: PathBuf,
    /// 1-based line in the file; 0 when the finding is about the file as a whole.
    pub line: usize,
    /// 1-based column (in characters) on that line; 0 when unknown.
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// How many characters of the line the finding covers (for the marker under the line).
    #[serde(skip)]
    pub span_chars: usize,
    /// The whole text of the file, shared, so the report can show the offending line in context.
    #[serde(skip)]
    pub source: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error about a whole file (no line).
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            span_chars: 0,
            source: None,
        }
    }

    pub fn warning(
        code: &'static str,
        file: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    /// Places the finding at a 1-based line and column of `source`.
    pub fn at(mut self, source: &Arc<str>, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column.max(1);
        self.source = Some(source.clone());
        self
    }

    /// Places the finding at a byte offset of `source`, covering `len` bytes.
    pub fn at_offset(self, source: &Arc<str>, offset: usize, len: usize) -> Self {
        let (line, column) = line_col(source, offset);
        let end = (offset + len).min(source.len());
        let covered = source.get(offset..end).unwrap_or("");
        let covered = covered.split('\n').next().unwrap_or("");
        let chars = covered.chars().count();
        self.at(source, line, column).span(chars)
    }

    pub fn span(mut self, chars: usize) -> Self {
        self.span_chars = chars;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The offending line of the file, when the finding has one.
    pub fn source_line(&self) -> Option<&str> {
        let source = self.source.as_deref()?;
        if self.line == 0 {
            return None;
        }
        source.lines().nth(self.line - 1)
    }

    /// `file:line:column`, or just the file when there is no line.
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.column) {
            (0, _) => format!("{file}"),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }

    /// The key used to report a finding once even when several sites share the file.
    fn identity(&self) -> (PathBuf, usize, usize, Severity, String) {
        (
            self.file.clone(),
            self.line,
            self.column,
            self.severity,
            self.message.clone(),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// `#a, #b, #c` for a hint, cut after `max` items with how many more there are: a page with
/// thousands of headings would otherwise put all of them into every finding about it.
pub fn id_list<'a>(ids: impl ExactSizeIterator<Item = &'a str>, max: usize) -> String {
    let total = ids.len();
    let shown: Vec<String> = ids.take(max).map(|id| format!("#{id}")).collect();
    match total.saturating_sub(max) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Sorts findings (errors first, then by file and place) and drops repeats, which arise when a
/// shared file is linked into several sites.
pub fn normalize(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column, &a.message)
            .cmp(&(b.severity, &b.file, b.line, b.column, &b.message))
    });
    diagnostics.dedup_by(|a, b| a.identity() == b.identity());
}

/// Renders findings for a person: the location, the line with the span marked, and the hint.
pub fn render_human(diagnostics: &[Diagnostic], color: bool) -> String {
    use miette::{
        GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource,
    };

    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // miette counts columns in bytes; we name the place ourselves, in characters, so that a line
    // with æ, ø or å before the problem shows the same column as the JSON output.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100)
        .without_primary_span_start();
    let mut out = String::new();
    for d in diagnostics {
        let mut report = MietteDiagnostic::new(d.message.clone())
            .with_code(d.code)
            .with_severity(match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            });
        if let Some(hint) = &d.hint {
            report = report.with_help(hint.clone());
        }
        let name = d.location();
        let rendered = match (&d.source, d.line) {
            (Some(source), line) if line > 0 => {
                let offset = offset_of(source, d.line, d.column);
                let len = byte_len_of_chars(&source[offset..], d.span_chars.max(1));
                report = report.with_label(LabeledSpan::at(offset..offset + len, "here"));
                let report = miette::Report::new(report)
                    .with_source_code(NamedSource::new(name, source.to_string()));
                let mut s = String::new();
                handler.render_report(&mut s, report.as_ref()).ok();
                s
            }
            _ => {
                let report = miette::Report::new(report);
                let mut s = String::new();
                handler.render_report(&mut s, report.as_ref()).ok();
                // Without a source, miette prints no place: say the file ourselves.
                format!("{s}  ╰─[{name}]\n")
            }
        };
        out.push_str(&rendered);
        out.push('\n');
    }
    out
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let rest = &text[start..];
    let col_bytes = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    start + col_bytes
}

fn byte_len_of_chars(text: &str, chars: usize) -> usize {
    let line = text.split('\n').next().unwrap_or("");
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

/// Failures of the tool itself, as opposed to problems in the content.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} problem(s) in the content", .0)]
    Content(usize),
    #[error("{0}")]
    Usage(String),
    /// Another build holds the output folder's lock.
    #[error("another build is writing into {}{}; wait for it to finish (the lock is {})", out.display(), holder.map(|p| format!(" (process {p})")).unwrap_or_default(), lock.display())]
    Locked {
        out: PathBuf,
        lock: PathBuf,
        holder: Option<u32>,
    },
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

// Hints for names that are not known, and YAML errors placed in the file: shared by the
// configuration, the theme and the front matter.

/// The known name closest to a misspelt one, when one is close enough to suggest.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.75)
        .map(|(_, k)| k)
}

/// A hint for a name that is not one of `known` (`what` names the list, e.g. "the exercise
/// sheets are"): "did you mean `x`?" when one is close, else the whole list.
pub fn suggest(name: &str, known: &[&str], what: &str) -> String {
    match closest(name, known) {
        Some(k) => format!("did you mean `{k}`?"),
        None if known.is_empty() => format!("{what}: (none)"),
        None => format!("{what}: {}", known.join(", ")),
    }
}

/// A did-you-mean hint for a misspelt front-matter or config field.
pub fn did_you_mean(key: &str, known: &[&str]) -> String {
    match closest(key, known) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!(
            "the fields allowed here are: {}; free-form data goes under `extra:`",
            known.join(", ")
        ),
    }
}

/// A YAML error as a diagnostic in the file's coordinates. `line_offset` is the number of lines
/// before the YAML text starts (1 for front matter after `---`).
pub fn yaml_diagnostic(
    file: &Path,
    text: &Arc<str>,
    err: &YamlError,
    line_offset: usize,
) -> Diagnostic {
    let mut message = err.message.clone();
    let mut hint = "check the YAML syntax: `key: value`, lists as `[a, b]`, and quotes around values with `: ` or `#`".to_string();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once("`, expected ") {
            let known: Vec<&str> = expected
                .trim_start_matches("one of ")
                .split(", ")
                .map(|s| s.trim_matches('`'))
                .collect();
            hint = did_you_mean(field, &known);
            message = format!("unknown field `{field}`");
        }
    } else if message.contains("invalid type") {
        hint = "the value has the wrong type: check quotes, numbers and lists against the documented fields".into();
    } else if message.contains("invalid date") {
        hint = "write dates as YYYY-MM-DD, e.g. 2027-02-02".into();
    } else if message.contains("unknown variant") {
        hint = "use one of the values the message lists".into();
    }
    let d = Diagnostic::error("frontmatter.yaml", file, message.clone()).hint(hint);
    match (err.line, err.column) {
        (Some(l), Some(c)) => {
            let mut line = l + line_offset;
            // serde places errors of our own value types at the key, or for top-level fields at
            // the start of the mapping: move to the value itself when the message quotes it and
            // it stands on that line or a later one of the front matter.
            let quoted = message.split('`').nth(1).filter(|q| !q.is_empty());
            let mut c = c;
            if let Some(q) = quoted {
                let found = text
                    .lines()
                    .enumerate()
                    .skip(line - 1)
                    .take_while(|(_, src)| src.trim_end() != "---")
                    .find_map(|(i, src)| {
                        src.find(q).map(|at| (i + 1, src[..at].chars().count() + 1))
                    });
                if let Some((l, at)) = found {
                    (line, c) = (l, at);
                }
            }
            // Mark the rest of the line from the column: the offending token or value.
            let width = text
                .lines()
                .nth(line - 1)
                .map(|s| s.chars().count().saturating_sub(c - 1))
                .unwrap_or(1);
            d.at(text, line, c).span(width.max(1))
        }
        _ => d.at(text, line_offset.max(1), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_lists_are_cut() {
        assert_eq!(id_list(["a", "b"].into_iter(), 20), "#a, #b");
        assert_eq!(id_list(["a", "b", "c"].into_iter(), 2), "#a, #b and 1 more");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\næøå x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 5));
    }

    #[test]
    fn human_report_shows_place_line_and_hint() {
        let src: Arc<str> = Arc::from("---\ntitel: Hej\n---\n");
        let d = Diagnostic::error(
            "frontmatter.unknown-field",
            "content/a.md",
            "unknown field `titel`",
        )
        .at(&src, 2, 1)
        .span(5)
        .hint("did you mean `title`?");
        let out = render_human(&[d], false);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("titel: Hej"), "{out}");
        assert!(out.contains("did you mean `title`?"), "{out}");
    }
}
