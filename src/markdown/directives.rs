//! mdBook's directives, expanded in a body before it is read as Markdown: `{{#include}}`,
//! `{{#rustdoc_include}}`, `{{#playground}}` and `{{#title}}`, and `\{{#…}}` for the directive
//! written as text. Every page kind has them, so one block ("Sådan tilmelder du dig") can be
//! kept in one file and used in many pages, and an mdBook book moves over unchanged.
//!
//! As in mdBook, a directive is replaced wherever it stands, code blocks included (that is why
//! books escape them there), and paths are relative to the file the directive is written in.
//! `file:10:20` takes lines 10 to 20, `file:10:` from line 10, `file::20` up to line 20,
//! `file:10` line 10 alone, `file:name` the lines between `ANCHOR: name` and
//! `ANCHOR_END: name`. Lines holding an anchor marker are always left out. Included text is
//! expanded in its turn, up to [`MAX_DEPTH`] files deep; a file that includes itself, directly
//! or through others, is an error. `rustdoc_include` keeps the whole file and marks the lines
//! outside the range hidden (`# `), which the renderer leaves out of Rust code blocks.
//!
//! Pure: files are read through the caller's function, by content-relative path. Problems are
//! placed at the directive in the body given, even when they arise in a file it includes.

use crate::messages::{self, Message};
use std::sync::Arc;

/// How many files deep includes may go (mdBook's limit too).
pub const MAX_DEPTH: usize = 10;

/// A part of the expanded body that a directive wrote: `start..end` in the expanded body came
/// from the directive at `source..source + len` of the body as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub source: usize,
    pub len: usize,
}

/// A body with its directives expanded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Expansion {
    pub body: String,
    /// The title `{{#title …}}` gives the page.
    pub title: Option<String>,
    pub spans: Vec<Span>,
    /// Every file read, by content-relative path (a change to one changes the page).
    pub files: Vec<String>,
}

impl Expansion {
    /// Where an offset of the expanded body stands in the body as written: itself moved by the
    /// directives before it, or the directive that wrote it.
    pub fn source(&self, offset: usize, len: usize) -> (usize, usize) {
        let mut shift: isize = 0;
        for span in &self.spans {
            if offset < span.start {
                break;
            }
            if offset < span.end.max(span.start + 1) {
                return (span.source, span.len);
            }
            shift += (span.end - span.start) as isize - span.len as isize;
        }
        ((offset as isize - shift).max(0) as usize, len)
    }
}

/// A directive that could not be expanded, placed at the directive in the body as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Only a file outside a book is a warning (`include.outside-book`); the rest are errors.
    pub warning: bool,
    pub code: &'static str,
    pub offset: usize,
    pub len: usize,
    pub message: Message,
    pub hint: Message,
}

/// One directive found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found<'a> {
    start: usize,
    end: usize,
    /// `None` for an escaped `\{{#…}}`: its text without the backslash.
    name: Option<&'a str>,
    args: &'a str,
}

/// The directives of `text`, in order.
fn find(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("{{").map(|i| i + from) {
        let rest = &text[at + 2..];
        let Some(close) = rest.find("}}") else { break };
        let inner = &rest[..close];
        let end = at + 2 + close + 2;
        let escaped = at > 0 && text.as_bytes()[at - 1] == b'\\';
        let Some(directive) = inner.trim_start().strip_prefix('#') else {
            from = at + 2;
            continue;
        };
        if escaped {
            // The escape holds to the end of the directive, which stays as text.
            out.push(Found {
                start: at - 1,
                end,
                name: None,
                args: "",
            });
            from = end;
            continue;
        }
        let name_len = directive
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(directive.len());
        let (name, args) = directive.split_at(name_len);
        if name.is_empty() || inner.contains('}') {
            from = at + 2;
            continue;
        }
        out.push(Found {
            start: at,
            end,
            name: Some(name),
            args: args.trim(),
        });
        from = end;
    }
    out
}

/// The files a text includes (`include`, `rustdoc_include`, `playground`), as written: what
/// `load` needs to know which files are snippets rather than pages.
pub fn included_paths(text: &str) -> Vec<&str> {
    if !text.contains("{{") {
        return Vec::new();
    }
    find(text)
        .into_iter()
        .filter(|f| matches!(f.name, Some("include" | "rustdoc_include" | "playground")))
        .filter_map(|f| f.args.split_whitespace().next())
        .map(|p| p.split(':').next().unwrap_or(p))
        .collect()
}

/// What part of a file a directive takes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// 0-based first line and end (exclusive); `None` for open ends.
    Lines(Option<usize>, Option<usize>),
    Anchor(String),
}

/// `path[:range-or-anchor]`, as mdBook reads it.
fn parse_part(arg: &str) -> (&str, Part) {
    let Some((path, spec)) = arg.split_once(':') else {
        return (arg, Part::Lines(None, None));
    };
    let mut parts = spec.splitn(2, ':');
    let first = parts.next().unwrap_or("");
    let start = match first.parse::<usize>() {
        Ok(n) => Some(n.saturating_sub(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return (path, Part::Anchor(first.to_string())),
    };
    let part = match (start, parts.next()) {
        (Some(s), None) => Part::Lines(Some(s), Some(s + 1)),
        (s, Some(end)) => Part::Lines(s, end.parse().ok()),
        (None, None) => Part::Lines(None, None),
    };
    (path, part)
}

/// The anchor a line opens (`ANCHOR: name`) or closes (`ANCHOR_END: name`).
fn anchor_marker(line: &str) -> Option<(bool, &str)> {
    let (end, at) = match line.find("ANCHOR_END:") {
        Some(i) => (true, i + "ANCHOR_END:".len()),
        None => (false, line.find("ANCHOR:")? + "ANCHOR:".len()),
    };
    let rest = line[at..].trim_start();
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    (len > 0).then(|| (end, &rest[..len]))
}

/// Each line of `text` with whether `part` takes it; anchor marker lines are left out. `None`
/// when the anchor is not in the file.
fn select<'t>(text: &'t str, part: &Part) -> Option<Vec<(&'t str, bool)>> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut found = false;
    for (n, line) in text.lines().enumerate() {
        let marker = anchor_marker(line);
        if let Part::Anchor(name) = part {
            match marker {
                Some((false, m)) if m == name => {
                    inside = true;
                    found = true;
                }
                Some((true, m)) if m == name => inside = false,
                _ => {}
            }
        }
        if marker.is_some() {
            continue;
        }
        let taken = match part {
            Part::Lines(start, end) => start.is_none_or(|s| n >= s) && end.is_none_or(|e| n < e),
            Part::Anchor(_) => inside,
        };
        out.push((line, taken));
    }
    (found || matches!(part, Part::Lines(..))).then_some(out)
}

/// Expands the directives of `body`, written in the file at content-relative path `rel`.
/// `book` is the folder of the manual the page belongs to, ending in `/`: a missing file outside
/// it is a warning (see [`Problem::warning`]). `read` gives a file's text by content-relative path, or `None` when there is no such file.
pub fn expand(
    body: &str,
    rel: &str,
    book: Option<&str>,
    read: &dyn Fn(&str) -> Option<Arc<str>>,
) -> (Expansion, Vec<Problem>) {
    let mut expansion = Expansion::default();
    let mut problems = Vec::new();
    let mut out = String::with_capacity(body.len());
    let mut last = 0;
    for found in find(body) {
        out.push_str(&body[last..found.start]);
        last = found.end;
        let start = out.len();
        let mut stack = vec![rel.to_string()];
        let text = match found.name {
            None => Ok(Some(body[found.start + 1..found.end].to_string())),
            Some(name) => {
                let mut ctx = Context {
                    read,
                    book,
                    files: &mut expansion.files,
                    title: &mut expansion.title,
                };
                ctx.directive(name, found.args, &mut stack)
            }
        };
        match text {
            Ok(Some(text)) => out.push_str(&text),
            Ok(None) => out.push_str(&body[found.start..found.end]),
            Err((code, message, hint)) => {
                problems.push(Problem {
                    warning: code == "include.outside-book",
                    code,
                    offset: found.start,
                    len: found.end - found.start,
                    message,
                    hint,
                });
            }
        }
        expansion.spans.push(Span {
            start,
            end: out.len(),
            source: found.start,
            len: found.end - found.start,
        });
    }
    out.push_str(&body[last..]);
    expansion.body = out;
    (expansion, problems)
}

type Failure = (&'static str, Message, Message);

struct Context<'a> {
    read: &'a dyn Fn(&str) -> Option<Arc<str>>,
    /// The manual folder (`manualer/abc/`) of the page, for a page of a manual.
    book: Option<&'a str>,
    files: &'a mut Vec<String>,
    title: &'a mut Option<String>,
}

impl Context<'_> {
    /// The text one directive stands for, `None` for one that stays as written (a name that is
    /// not a directive, or no file named). `stack` holds the files being expanded, the one the
    /// directive is written in last.
    fn directive(
        &mut self,
        name: &str,
        args: &str,
        stack: &mut Vec<String>,
    ) -> Result<Option<String>, Failure> {
        let from = stack.last().cloned().unwrap_or_default();
        match name {
            "title" => {
                *self.title = Some(args.to_string());
                return Ok(Some(String::new()));
            }
            // Other names (`{{#toc}}` of a Handlebars template shown in a book) stay as text,
            // as mdBook leaves them.
            "include" | "rustdoc_include" | "playground" => {}
            _ => return Ok(None),
        }
        let mut words = args.split_whitespace();
        let Some(arg) = words.next() else {
            return Ok(None);
        };
        let (path, part) = parse_part(arg);
        let target = crate::slug::join_rel(&from, path);
        let Some(text) = target.as_deref().and_then(|t| (self.read)(t)) else {
            // A book may include files from beside it (its project's examples) that were not
            // copied with it: the page is still published, without them, and `check` says so.
            let outside = self
                .book
                .is_some_and(|b| !target.as_deref().is_some_and(|t| t.starts_with(b)));
            if outside {
                return Err((
                    "include.outside-book",
                    messages::include_outside_book(path),
                    messages::include_outside_book_hint(),
                ));
            }
            return Err((
                "include.missing-file",
                messages::include_missing_file(path, target.as_deref().unwrap_or(path)),
                messages::include_missing_file_hint(),
            ));
        };
        let target = target.unwrap_or_default();
        if stack.contains(&target) {
            return Err((
                "include.cycle",
                messages::include_cycle(&target, stack.join(" → ")),
                messages::include_cycle_hint(),
            ));
        }
        if stack.len() > MAX_DEPTH {
            return Err((
                "include.too-deep",
                messages::include_too_deep(MAX_DEPTH),
                messages::include_too_deep_hint(),
            ));
        }
        if !self.files.contains(&target) {
            self.files.push(target.clone());
        }
        let Some(lines) = select(&text, &part) else {
            let Part::Anchor(anchor) = part else {
                unreachable!("only an anchor can be missing")
            };
            return Err((
                "include.unknown-anchor",
                messages::include_unknown_anchor(&target, &anchor),
                messages::include_unknown_anchor_hint(&target, &anchor),
            ));
        };
        let taken: Vec<&str> = match name {
            "rustdoc_include" => Vec::new(),
            _ => lines.iter().filter(|l| l.1).map(|l| l.0).collect(),
        };
        let joined = match name {
            "rustdoc_include" => lines
                .iter()
                .map(|(l, t)| if *t { l.to_string() } else { format!("# {l}") })
                .collect::<Vec<_>>()
                .join("\n"),
            _ => taken.join("\n"),
        };
        // What was included is expanded in its turn, relative to its own file.
        stack.push(target);
        let mut nested = String::with_capacity(joined.len());
        let mut last = 0;
        for found in find(&joined) {
            nested.push_str(&joined[last..found.start]);
            last = found.end;
            match found.name {
                None => nested.push_str(&joined[found.start + 1..found.end]),
                Some(n) => match self.directive(n, found.args, stack)? {
                    Some(text) => nested.push_str(&text),
                    None => nested.push_str(&joined[found.start..found.end]),
                },
            }
        }
        nested.push_str(&joined[last..]);
        stack.pop();
        if name == "playground" {
            let attrs: Vec<&str> = words.collect();
            let info = std::iter::once("rust")
                .chain(attrs)
                .collect::<Vec<_>>()
                .join(",");
            let newline = if nested.ends_with('\n') { "" } else { "\n" };
            return Ok(Some(format!("```{info}\n{nested}{newline}```\n")));
        }
        Ok(Some(nested))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(rel: &str) -> Option<Arc<str>> {
        let text = match rel {
            "a/kode.rs" => "fn a() {}\n// ANCHOR: b\nfn b() {}\n// ANCHOR_END: b\nfn c() {}\n",
            "a/tekst.md" => "Hej {{#include kode.rs:b}} farvel",
            "a/løkke.md" => "{{#include løkke2.md}}",
            "a/løkke2.md" => "{{#include løkke.md}}",
            _ => return None,
        };
        Some(Arc::from(text))
    }

    fn run(body: &str) -> (Expansion, Vec<Problem>) {
        expand(body, "a/side.md", Some("a/"), &files)
    }

    #[test]
    fn ranges_and_anchors() {
        assert_eq!(run("{{#include kode.rs:1}}").0.body, "fn a() {}");
        assert_eq!(
            run("{{#include kode.rs:3:}}").0.body,
            "fn b() {}\nfn c() {}"
        );
        assert_eq!(run("{{#include kode.rs::1}}").0.body, "fn a() {}");
        assert_eq!(
            run("{{#include kode.rs:}}").0.body,
            "fn a() {}\nfn b() {}\nfn c() {}"
        );
        assert_eq!(run("{{ #include kode.rs:b }}").0.body, "fn b() {}");
        assert_eq!(
            run("{{#rustdoc_include kode.rs:b}}").0.body,
            "# fn a() {}\nfn b() {}\n# fn c() {}"
        );
    }

    #[test]
    fn nested_escaped_title_and_playground() {
        let (e, p) = run("x {{#include tekst.md}} \\{{#include y}} {{#title Ny}}");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(e.body, "x Hej fn b() {} farvel {{#include y}} ");
        assert_eq!(e.title.as_deref(), Some("Ny"));
        assert_eq!(e.files, ["a/tekst.md", "a/kode.rs"]);
        let (e, _) = run("{{#playground kode.rs:b editable}}");
        assert_eq!(e.body, "```rust,editable\nfn b() {}\n```\n");
    }

    #[test]
    fn problems_are_placed_at_the_directive() {
        let body = "ab {{#include mangler.md}} {{#include kode.rs:x}} {{#include løkke.md}} {{#include ../b.md}}";
        let (e, p) = run(body);
        let codes: Vec<_> = p.iter().map(|p| p.code).collect();
        assert_eq!(
            codes,
            [
                "include.missing-file",
                "include.unknown-anchor",
                "include.cycle",
                "include.outside-book"
            ]
        );
        assert_eq!(
            &body[p[0].offset..p[0].offset + p[0].len],
            "{{#include mangler.md}}"
        );
        // Text after the directives maps back to where it was written.
        let (e2, _) = run("{{#include kode.rs}}\nslut");
        let at = e2.body.find("slut").unwrap();
        assert_eq!(e2.source(at, 4), ("{{#include kode.rs}}\n".len(), 4));
        assert_eq!(e2.source(3, 1), (0, "{{#include kode.rs}}".len()));
        assert_eq!(e.spans.len(), 4);
        assert!(p[3].warning && !p[0].warning);
        assert_eq!(
            run("{{#toc}}{{/toc}} {{ #include }}").0.body,
            "{{#toc}}{{/toc}} {{ #include }}"
        );
    }

    #[test]
    fn includes_stop_ten_files_deep() {
        let chain = |rel: &str| {
            let n: usize = rel.strip_prefix("a/d")?.strip_suffix(".md")?.parse().ok()?;
            Some(Arc::from(format!("{{{{#include d{}.md}}}}", n + 1)))
        };
        let (_, p) = expand("{{#include d0.md}}", "a/side.md", None, &chain);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "include.too-deep");
        assert_eq!((p[0].offset, p[0].len), (0, "{{#include d0.md}}".len()));
    }

    #[test]
    fn included_paths_are_listed() {
        assert_eq!(
            included_paths("{{#include a.md:3}} \\{{#include b.md}} {{#playground c.rs x}}"),
            ["a.md", "c.rs"]
        );
    }
}
