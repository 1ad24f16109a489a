//! Raw HTML, where the project allows it, cleaned by `ammonia` so only harmless markup stays;
//! and the nesting guard that keeps the sanitizer's recursive parser safe.

/// Cleans a body's HTML when the project lets raw HTML through: the whole rendered body goes
/// through `ammonia`, because a raw tag and its end arrive as separate events and only the
/// finished HTML shows what they make together. Kept: the markup Markdown itself writes (with
/// the ids, classes and ARIA attributes we add) and ordinary harmless tags like `<details>`,
/// `<kbd>`, `<abbr title>` and tables. Removed: scripts and styles with their content, event
/// handlers, `style` attributes, iframes, objects, forms, and every URL whose scheme is not
/// http(s), mailto or tel (relative URLs stay).
///
/// `<a name="x">` (obsolete HTML, kept by books for old links) becomes `<a id="x">`.
pub fn sanitize(html: &str) -> String {
    let html = html.replace("<a name=", "<a id=");
    ammonia::Builder::default()
        .add_tags(["input", "section", "figure", "figcaption"])
        .add_generic_attributes([
            "id",
            "class",
            "role",
            "tabindex",
            "aria-label",
            "aria-hidden",
            "dir",
        ])
        .add_tag_attributes("details", ["open"])
        .add_tag_attributes("input", ["checked"])
        .add_tag_attributes("img", ["title", "width", "height"])
        .add_tag_attributes("th", ["scope"])
        // Task-list boxes only: no other kind of input, and never editable.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .link_rel(None)
        .clean(&html)
        .to_string()
}

/// Raw HTML (where the project allows it) nested deeper than this is refused: the sanitizer's
/// parser recurses once per level. Markdown itself stays below [`super::MAX_NESTING`].
pub const MAX_SANITIZE_NESTING: usize = 256;

/// An upper bound on how deep the elements of `html` nest: opening tags minus closing tags,
/// ignoring void elements and `<…/>`. Tags inside comments or scripts count too, which can only
/// overestimate.
pub(super) fn nesting_estimate(html: &str) -> usize {
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + at + 1;
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let tag = &html[start..end];
        i = end.min(bytes.len());
        if let Some(rest) = tag.strip_prefix('/') {
            if !rest.is_empty() {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let name_len = tag
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        let name = &tag[..name_len];
        // Not an element (`a < b`, `<!-- … -->`, `<!doctype>`), or one that never has content.
        if name.is_empty()
            || tag.ends_with('/')
            || VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
        {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
    }
    deepest
}
