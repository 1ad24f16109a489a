//! What books written for mdBook rely on in their Markdown, beyond CommonMark: heading ids made
//! the way mdBook makes them, titles with markup, `<a id>` anchors kept for old links, and HTML
//! comments and anchors that do not open a page (so the heading after them is its title).

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{escape, is_block, options};

/// A heading's id as mdBook makes it, so that links into a book copied in keep working: letters
/// and digits (any script), `-` and `_` kept and ASCII lower-cased, whitespace → `-`, the rest
/// dropped (`Where's the operator?` → `wheres-the-operator`).
pub fn mdbook_id(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c.to_ascii_lowercase())
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// A title written in Markdown (`` `{{#include}}` ``, `*ny*`) as plain text, for `<title>`,
/// sorting and search.
pub fn plain_title(title: &str) -> String {
    if !title.contains(['`', '*', '_', '[', '<', '\\', '&']) {
        return title.to_string();
    }
    let mut out = String::new();
    for event in Parser::new_ext(title, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    let out = out.trim().to_string();
    if out.is_empty() {
        title.to_string()
    } else {
        out
    }
}

/// The first `#` heading of a body as inline HTML, when it holds markup (`` `kode` ``, `*ny*`):
/// for tables of contents, which otherwise show a title as plain text. Only code, emphasis
/// and strong emphasis are kept; everything else is its text, escaped.
pub fn title_html(body: &str) -> Option<String> {
    let mut html = String::new();
    let mut inside = false;
    let mut marked = false;
    for event in Parser::new_ext(body, options()) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => inside = true,
            Event::End(TagEnd::Heading(_)) if inside => break,
            Event::Start(Tag::Heading { .. }) => return None,
            _ if !inside => {}
            Event::Text(t) => html.push_str(&escape(&t)),
            Event::Code(t) => {
                marked = true;
                html.push_str(&format!("<code>{}</code>", escape(&t)));
            }
            Event::Start(Tag::Emphasis) => html.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => {
                marked = true;
                html.push_str("</em>")
            }
            Event::Start(Tag::Strong) => html.push_str("<strong>"),
            Event::End(TagEnd::Strong) => {
                marked = true;
                html.push_str("</strong>")
            }
            _ => {}
        }
    }
    (marked && inside).then(|| html.trim().to_string())
}

/// The ids of `<a id="…">` and `<a name="…">` anchors in a body's raw HTML (a book keeps them
/// so that old links still find their place).
pub fn html_anchors(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for event in Parser::new_ext(body, options()) {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else {
            continue;
        };
        let mut rest: &str = &html;
        while let Some(at) = rest.find("<a ") {
            rest = &rest[at + 3..];
            let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
            for attr in ["id=", "name="] {
                let Some(i) = tag.find(attr) else { continue };
                if i > 0 && !tag[..i].ends_with(char::is_whitespace) {
                    continue;
                }
                let value = &tag[i + attr.len()..];
                let value = match value.chars().next() {
                    Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                    _ => value.split(char::is_whitespace).next().unwrap_or(""),
                };
                if !value.is_empty() {
                    out.push(value.to_string());
                }
            }
        }
    }
    out
}

/// Whether a tag opens a block that shows something: raw HTML or a paragraph holding nothing
/// but comments and empty `<a id>` anchors does not (a heading after it still opens the page).
/// `source` is the text the block was written as.
pub(crate) fn opens_block(tag: &Tag, source: &str) -> bool {
    match tag {
        Tag::HtmlBlock | Tag::Paragraph if source.trim_start().starts_with('<') => {
            !only_anchors(&without_comments(source))
        }
        _ => is_block(tag),
    }
}
/// Raw HTML without its comments (`<!-- … -->`; an unclosed one runs to the end).
pub(crate) fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 4..].find("-->") {
            Some(end) => &rest[start + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Whether raw HTML is nothing but empty `<a id="…"></a>` anchors.
pub(crate) fn only_anchors(html: &str) -> bool {
    let mut rest = html.trim();
    while let Some(tag) = rest.strip_prefix("<a ") {
        let Some(end) = tag.find("</a>") else {
            return false;
        };
        if !tag[..end].trim_end().ends_with('>') {
            return false;
        }
        rest = tag[end + 4..].trim_start();
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::outline_ids;

    #[test]
    fn mdbook_ids_titles_and_anchors() {
        assert_eq!(mdbook_id("Where's the operator?"), "wheres-the-operator");
        assert_eq!(mdbook_id("snake_case & Co."), "snake_case--co");
        let h = outline_ids("# A\n\n## Hvad er `x`?\n\n## Hvad er x\n", true).0;
        assert_eq!(h[1].id, "hvad-er-x");
        assert_eq!(h[2].id, "hvad-er-x-1");
        assert_eq!(
            plain_title("Kapitel med `kode` og *mere*"),
            "Kapitel med kode og mere"
        );
        assert_eq!(
            title_html("# Med `kode` & *mere*\n").as_deref(),
            Some("Med <code>kode</code> &amp; <em>mere</em>")
        );
        assert_eq!(title_html("# Bare tekst\n"), None);
        assert_eq!(
            html_anchors("<a id=\"x\"></a>\n\nTekst <a name='y'></a> <a href=\"z\">z</a>\n"),
            ["x", "y"]
        );
    }
}
