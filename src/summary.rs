//! A manual's `SUMMARY.md`, in mdBook's format: the reading order of its chapters.
//!
//! ```text
//! # Summary                      (optional title)
//! [Forord](README.md)            prefix chapter, unnumbered
//! # Del 1                        part title
//! - [Metoden](metoden.md)        numbered chapter 1
//!     - [Faserne](faser.md)      nested: 1.1
//! - [Kommer senere]()            draft chapter: listed, no page
//! ---                            separator
//! [Efterskrift](efter.md)        suffix chapter
//! ```
//!
//! Pure: text in, entries with their line numbers out, or located problems.

use crate::messages::{self, Message};

/// One line of a summary that means something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A chapter: `path` is `None` for a draft (`[Titel]()`). `number` is `1.2`-style for
    /// numbered chapters, `None` for prefix and suffix chapters.
    Chapter {
        title: String,
        path: Option<String>,
        depth: usize,
        number: Option<String>,
    },
    /// `# Del 1`: a title over the chapters that follow.
    Part { title: String },
    /// `---`: a rule between groups of chapters.
    Separator,
}

/// An entry with the 1-based line it stands on and the column of its link target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub entry: Entry,
    pub line: usize,
    /// Byte offset of the link target (or the line start) within the text.
    pub offset: usize,
    pub len: usize,
}

/// A problem in the summary: byte offset, length, message, hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    pub len: usize,
    pub message: Message,
    pub hint: Message,
}

/// Parses a summary. Lines that are neither a link, a list item, a heading nor a rule are
/// problems, so a typo does not silently drop a chapter.
pub fn parse(text: &str) -> (Vec<Line>, Vec<Problem>) {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let mut seen_title = false;
    // Indentation of each open list level, and the chapter numbers at each level.
    let mut indents: Vec<usize> = Vec::new();
    let mut numbers: Vec<u32> = Vec::new();
    let mut offset = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with("<!--") {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let at = |entry: Entry, off: usize, len: usize| Line {
            entry,
            line: n + 1,
            offset: off,
            len,
        };
        if let Some(title) = trimmed.strip_prefix('#') {
            let title = title.trim_start_matches('#').trim().to_string();
            if !seen_title && lines.is_empty() {
                seen_title = true;
            } else {
                lines.push(at(
                    Entry::Part { title },
                    line_start + indent,
                    trimmed.len(),
                ));
                indents.clear();
            }
            continue;
        }
        if matches!(trimmed.trim_end(), "---" | "***" | "___")
            || (trimmed.chars().all(|c| c == '-') && trimmed.len() >= 3)
        {
            lines.push(at(Entry::Separator, line_start + indent, trimmed.len()));
            indents.clear();
            continue;
        }
        let (item, is_list) = match trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            Some(rest) => (rest.trim_start(), true),
            None => (trimmed, false),
        };
        let item_offset = line_start + (line.len() - item.len());
        let Some((title, target, target_offset)) = link(item) else {
            problems.push(Problem {
                offset: line_start + indent,
                len: trimmed.len(),
                message: messages::not_a_chapter_link(trimmed),
                hint: messages::not_a_chapter_link_hint(),
            });
            continue;
        };
        let (depth, number) = if is_list {
            while indents.last().is_some_and(|&i| i > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            let depth = indents.len() - 1;
            numbers.truncate(depth + 1);
            while numbers.len() < depth + 1 {
                numbers.push(0);
            }
            numbers[depth] += 1;
            let number = numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".");
            (depth, Some(number))
        } else {
            (0, None)
        };
        let path = if target.trim().is_empty() {
            None
        } else {
            Some(target.trim().to_string())
        };
        let (off, len) = if path.is_some() {
            (item_offset + target_offset, target.len())
        } else {
            (line_start + indent, trimmed.len())
        };
        lines.push(at(
            Entry::Chapter {
                title: title.to_string(),
                path,
                depth,
                number,
            },
            off,
            len,
        ));
    }
    (lines, problems)
}

/// `[title](target)` → (title, target, byte offset of target in `item`).
fn link(item: &str) -> Option<(&str, &str, usize)> {
    let rest = item.strip_prefix('[')?;
    // Titles may contain brackets of their own: find the `](` that closes this one.
    let close = rest.find("](")?;
    let title = &rest[..close];
    let after = &rest[close + 2..];
    let end = after.rfind(')')?;
    if !after[end + 1..].trim().is_empty() {
        return None;
    }
    let target = &after[..end];
    Some((title, target, 1 + close + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOOK: &str = "# Summary\n\n[Forord](README.md)\n\n# Del 1\n\n- [Metoden](metoden.md)\n    - [Faserne](kapitel/faser.md)\n    - [Roller](roller.md)\n- [Kommer senere]()\n\n---\n\n[Efterskrift](efter.md)\n";

    #[test]
    fn parses_mdbook_summary() {
        let (lines, problems) = parse(BOOK);
        assert!(problems.is_empty(), "{problems:?}");
        let entries: Vec<&Entry> = lines.iter().map(|l| &l.entry).collect();
        assert_eq!(
            entries,
            [
                &Entry::Chapter {
                    title: "Forord".into(),
                    path: Some("README.md".into()),
                    depth: 0,
                    number: None
                },
                &Entry::Part {
                    title: "Del 1".into()
                },
                &Entry::Chapter {
                    title: "Metoden".into(),
                    path: Some("metoden.md".into()),
                    depth: 0,
                    number: Some("1".into())
                },
                &Entry::Chapter {
                    title: "Faserne".into(),
                    path: Some("kapitel/faser.md".into()),
                    depth: 1,
                    number: Some("1.1".into())
                },
                &Entry::Chapter {
                    title: "Roller".into(),
                    path: Some("roller.md".into()),
                    depth: 1,
                    number: Some("1.2".into())
                },
                &Entry::Chapter {
                    title: "Kommer senere".into(),
                    path: None,
                    depth: 0,
                    number: Some("2".into())
                },
                &Entry::Separator,
                &Entry::Chapter {
                    title: "Efterskrift".into(),
                    path: Some("efter.md".into()),
                    depth: 0,
                    number: None
                },
            ]
        );
        let faser = &lines[3];
        assert_eq!(faser.line, 8);
        assert_eq!(
            &BOOK[faser.offset..faser.offset + faser.len],
            "kapitel/faser.md"
        );
    }

    #[test]
    fn bad_line_is_a_problem_with_its_place() {
        let text = "# Summary\n- [A](a.md)\n- B uden link\n";
        let (lines, problems) = parse(text);
        assert_eq!(lines.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            &text[problems[0].offset..problems[0].offset + problems[0].len],
            "- B uden link"
        );
    }
}
