//! An mdBook book's `book.toml`, for a manual whose folder is a book copied in whole
//! (`content/_shared/manualer/<name>/book.toml` beside its `src/`).
//!
//! Read: `[book]` `title`, `authors`, `language`, `description` and `src` (where the chapters
//! are; the files outside it — the book's theme, its preprocessors' code — are not content), and
//! `[output.html.code.hidelines]` (the prefix that hides lines of code blocks per language).
//! Everything else in the file is mdBook's own business and is ignored: the build takes no
//! commands from a copied file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::messages;

/// What vejviser reads of a `book.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Book {
    /// The manual's folder, content-relative, ending in `/` (`manualer/mdbook/`).
    pub dir: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    /// The chapters' folder inside the book's folder (`src`), `""` for the folder itself.
    pub src: String,
    /// Per language, the prefix that marks a line of a code block hidden.
    pub hidelines: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
struct Raw {
    #[serde(default)]
    book: RawBook,
    #[serde(default)]
    output: RawOutput,
}

#[derive(Deserialize, Default)]
struct RawBook {
    title: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    language: Option<String>,
    description: Option<String>,
    src: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawOutput {
    #[serde(default)]
    html: RawHtml,
}

#[derive(Deserialize, Default)]
struct RawHtml {
    #[serde(default)]
    code: RawCode,
}

#[derive(Deserialize, Default)]
struct RawCode {
    #[serde(default)]
    hidelines: BTreeMap<String, String>,
}

impl Book {
    /// Reads `text`, the `book.toml` of the manual folder `dir` (shown in messages as `file`).
    pub fn parse(dir: &str, file: &Path, text: &Arc<str>) -> Result<Book, Diagnostic> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let d = Diagnostic::error(
                "book.syntax",
                file,
                messages::book_syntax(e.message().trim()),
            )
            .hint(messages::book_syntax_hint());
            match e.span() {
                Some(span) => d.at_offset(text, span.start, span.len().max(1)),
                None => d.at(text, 1, 1),
            }
        })?;
        let src = raw.book.src.unwrap_or_else(|| "src".into());
        let src = src.trim_matches('/').trim_start_matches("./").to_string();
        if src.split('/').any(|p| p == "..") {
            let at = text.find("src").unwrap_or(0);
            return Err(
                Diagnostic::error("book.src", file, messages::book_src_outside(&src))
                    .at_offset(text, at, 3)
                    .hint(messages::book_src_outside_hint()),
            );
        }
        Ok(Book {
            dir: format!("{}/", dir.trim_end_matches('/')),
            title: raw.book.title,
            authors: raw.book.authors,
            language: raw.book.language,
            description: raw.book.description,
            src: if src == "." { String::new() } else { src },
            hidelines: raw.output.html.code.hidelines.into_iter().collect(),
        })
    }

    /// Where a file of the book's folder belongs: its content-relative path as a chapter or
    /// file of the manual (`src/` dropped), or `None` for a file outside `src` (not content)
    /// other than an `_index.md`.
    pub fn place(&self, inner: &str) -> Option<String> {
        // The manual's own front page may stand beside `book.toml`.
        if self.src.is_empty() || inner == "_index.md" {
            return (inner != "book.toml").then(|| format!("{}{inner}", self.dir));
        }
        let rest = inner.strip_prefix(&self.src)?.strip_prefix('/')?;
        Some(format!("{}{rest}", self.dir))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_vejviser_uses() {
        let text = "[book]\ntitle = \"Bog\"\nauthors = [\"A\", \"B\"]\nlanguage = \"da\"\n\n[output.html.code.hidelines]\npython = \"~\"\n\n[preprocessor.x]\ncommand = \"y\"\n";
        let b = Book::parse("manualer/bog", Path::new("book.toml"), &Arc::from(text)).unwrap();
        assert_eq!(b.title.as_deref(), Some("Bog"));
        assert_eq!(b.authors, ["A", "B"]);
        assert_eq!(b.src, "src");
        assert_eq!(b.hidelines, [("python".into(), "~".into())]);
        assert_eq!(
            b.place("src/a/b.md").as_deref(),
            Some("manualer/bog/a/b.md")
        );
        assert_eq!(b.place("theme/x.css"), None);
    }

    #[test]
    fn a_syntax_error_is_placed() {
        let d = Book::parse(
            "manualer/bog",
            Path::new("book.toml"),
            &Arc::from("[book]\ntitle = \n"),
        )
        .unwrap_err();
        assert_eq!(d.code, "book.syntax");
        assert_eq!(d.line, 2);
    }
}
