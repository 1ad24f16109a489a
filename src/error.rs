//! Diagnostics: every problem a build finds in the content, with its place.
//!
//! Stages never stop at the first problem: they collect [`Diagnostic`]s (file, line and column in
//! the *file's* own coordinates, the message and a hint) and the build reports all of them at the
//! end. The message and hint are entries of the catalogue in [`crate::messages`] with their
//! arguments, not finished text: where a finding is reported it is put in the project's language
//! ([`Diagnostic::text`]). Rendering for people goes through `miette`, so the user sees the
//! offending line with the span marked; the same values go to JSON for editors and CI
//! (`check --format json`), with the same `code` in every language.
//!
//! [`Error`] is for failures of the tool itself (a locked output folder, a file that cannot be
//! written, a wrong command-line argument): those are for whoever runs the command and stay in
//! English.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::messages::{self, Arg, IntoArg, Language, Message};

mod explain;
pub use explain::yaml_diagnostic;

/// How bad a finding is. Errors fail the build; warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the content, theme or configuration.
#[derive(Debug, Clone)]
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
    /// What the finding says, from the message catalogue: made into text in the project's
    /// language where the finding is reported ([`Diagnostic::text`]).
    pub message: Message,
    pub hint: Option<Message>,
    /// How many characters of the line the finding covers (for the marker under the line).
    pub span_chars: usize,
    /// The whole text of the file, shared, so the report can show the offending line in context.
    pub source: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error about a whole file (no line).
    pub fn error(code: &'static str, file: impl Into<PathBuf>, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            line: 0,
            column: 0,
            message,
            hint: None,
            span_chars: 0,
            source: None,
        }
    }

    pub fn warning(code: &'static str, file: impl Into<PathBuf>, message: Message) -> Self {
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

    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// What the finding says, in `language`.
    pub fn text(&self, language: Language) -> String {
        self.message.render(language)
    }

    /// The hint, in `language`.
    pub fn hint_text(&self, language: Language) -> Option<String> {
        self.hint.as_ref().map(|h| h.render(language))
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
    fn identity(&self) -> (&Path, usize, usize, Severity, &Message) {
        (
            &self.file,
            self.line,
            self.column,
            self.severity,
            &self.message,
        )
    }
}

/// One line for logs and test failures, in Danish (the language of a project that names none);
/// reports to people go through [`render_human`] in the project's language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let language = Language::default();
        let level = match self.severity {
            Severity::Error => messages::error_level(),
            Severity::Warning => messages::warning_level(),
        };
        let (level, text) = (level.render(language), self.text(language));
        write!(f, "{level}: {}: {text}", self.location())?;
        if let Some(hint) = self.hint_text(language) {
            write!(f, " ({hint})")?;
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
pub fn id_list<'a>(ids: impl ExactSizeIterator<Item = &'a str>, max: usize) -> Arg {
    let total = ids.len();
    let shown: Vec<String> = ids.take(max).map(|id| format!("#{id}")).collect();
    match total.saturating_sub(max) {
        0 => shown.join(", ").into_arg(),
        more => messages::and_more(shown.join(", "), more).into_arg(),
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
pub fn render_human(diagnostics: &[Diagnostic], color: bool, language: Language) -> String {
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
    let here = messages::here().render(language);
    let mut out = String::new();
    for d in diagnostics {
        let mut report = MietteDiagnostic::new(d.text(language))
            .with_code(d.code)
            .with_severity(match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            });
        if let Some(hint) = d.hint_text(language) {
            report = report.with_help(hint);
        }
        let name = d.location();
        let rendered = match (&d.source, d.line) {
            (Some(source), line) if line > 0 => {
                let offset = offset_of(source, d.line, d.column);
                let len = byte_len_of_chars(&source[offset..], d.span_chars.max(1));
                report = report.with_label(LabeledSpan::at(offset..offset + len, here.clone()));
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

/// Failures of the tool itself, as opposed to problems in the content. They are told in the
/// project's language ([`Error::render`]); `Display` gives the English, for logs and tests.
#[derive(Debug)]
pub enum Error {
    Content(usize),
    /// The command asked for something that cannot be: what it says is the whole story.
    Usage(Message),
    /// Another build holds the output folder's lock.
    Locked {
        out: PathBuf,
        lock: PathBuf,
        holder: Option<u32>,
    },
    Io {
        action: FileAction,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What the tool was doing to a file or folder when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Read,
    Write,
    Create,
    Open,
    Lock,
    Remove,
    Move,
    Copy,
    Link,
    Resolve,
    Restore,
}

impl FileAction {
    fn verb(self) -> Message {
        match self {
            FileAction::Read => messages::verb_read(),
            FileAction::Write => messages::verb_write(),
            FileAction::Create => messages::verb_create(),
            FileAction::Open => messages::verb_open(),
            FileAction::Lock => messages::verb_lock(),
            FileAction::Remove => messages::verb_remove(),
            FileAction::Move => messages::verb_move(),
            FileAction::Copy => messages::verb_copy(),
            FileAction::Link => messages::verb_link(),
            FileAction::Resolve => messages::verb_resolve(),
            FileAction::Restore => messages::verb_restore(),
        }
    }
}

impl Error {
    pub fn io(action: FileAction, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// What went wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Error::Content(count) => messages::content_problems(count),
            Error::Usage(message) => message.clone(),
            Error::Locked { out, lock, holder } => match holder {
                Some(process) => messages::locked_by(out.display(), process, lock.display()),
                None => messages::locked(out.display(), lock.display()),
            },
            Error::Io {
                action,
                path,
                source,
            } => messages::cannot(action.verb(), path.display(), source),
        }
    }

    /// The line the command prints: `fejl: …` / `error: …`, in `language`.
    pub fn render(&self, language: Language) -> String {
        messages::tool_error(self.message()).render(language)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Language::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

// Hints for names that are not known, shared by the configuration, the theme and the front matter.

/// The known name closest to a misspelt one, when one is close enough to suggest.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.75)
        .map(|(_, k)| k)
}

/// A hint for a name that is not one of `known`: "did you mean `x`?" when one is close, else
/// the whole list in the words of `listed` (e.g. [`messages::known_categories`]).
pub fn suggest(name: &str, known: &[&str], listed: fn(String) -> Message) -> Message {
    match closest(name, known) {
        Some(k) => messages::did_you_mean_this(k),
        None if known.is_empty() => listed("–".into()),
        None => listed(messages::list(known)),
    }
}

/// A did-you-mean hint for a misspelt front-matter or config field.
pub fn did_you_mean(key: &str, known: &[&str]) -> Message {
    match closest(key, known) {
        Some(k) => messages::did_you_mean_this(k),
        None => messages::fields_allowed(messages::list(known)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tools_own_failures_are_told_in_the_projects_language() {
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let io = Error::io(FileAction::Write, "public/x.html", denied());
        assert!(io
            .render(Language::Da)
            .starts_with("fejl: public/x.html kan ikke skrives: "));
        assert!(io
            .render(Language::En)
            .starts_with("error: cannot write public/x.html: "));
        let locked = Error::Locked {
            out: "public".into(),
            lock: ".public.lock".into(),
            holder: Some(42),
        };
        assert_eq!(
            locked.render(Language::Da),
            "fejl: Et andet build skriver i public (proces 42); vent, til det er færdigt (låsen er .public.lock)"
        );
        assert_eq!(
            locked.to_string(),
            "another build is writing into public (process 42); wait for it to finish (the lock is .public.lock)"
        );
        let usage = Error::Usage(messages::not_a_slug(
            "Æble",
            messages::what_course(),
            "aeble",
        ));
        assert_eq!(
            usage.render(Language::Da),
            "fejl: `Æble` kan ikke bruges som kursets navn i adresser: brug små bogstaver, tal og bindestreger, fx `aeble`"
        );
        assert!(std::error::Error::source(&io).is_some());
    }

    #[test]
    fn id_lists_are_cut() {
        let text = |arg| messages::headings_are(arg).render(Language::En);
        assert_eq!(
            text(id_list(["a", "b"].into_iter(), 20)),
            "its headings are: #a, #b"
        );
        let cut = id_list(["a", "b", "c"].into_iter(), 2);
        assert_eq!(text(cut.clone()), "its headings are: #a, #b and 1 more");
        let danish = messages::headings_are(cut).render(Language::Da);
        assert_eq!(danish, "dens overskrifter er: #a, #b og 1 mere");
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
            messages::unknown_field("titel"),
        )
        .at(&src, 2, 1)
        .span(5)
        .hint(messages::did_you_mean_this("title"));
        let out = render_human(std::slice::from_ref(&d), false, Language::En);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("titel: Hej"), "{out}");
        assert!(out.contains("Did you mean `title`?"), "{out}");
        let out = render_human(&[d], false, Language::Da);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("Ukendt felt `titel`"), "{out}");
        assert!(out.contains("Mente du `title`?"), "{out}");
    }
}
