//! A site's icons (the favicon): unless `_site.yaml` names a file of its own (`favicon:`), a
//! white signpost on a disc in the municipality's primary colour, as SVG for browsers that take
//! it, and as PNG (32 px, and 180 px for phones' home screens) for those that do not.
//!
//! Every page links its icons, so no browser asks for a `/favicon.ico` that is not there and
//! logs the missing file as an error. The shapes are drawn once, in [`SIGNPOST`], for both
//! formats; tiny-skia rasterizes the PNGs.

use serde::Serialize;
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Transform};

/// One `<link rel="…">` of a page's head.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Icon {
    /// `icon` or `apple-touch-icon`.
    pub rel: &'static str,
    /// The site path of the file.
    pub path: String,
    pub mime: &'static str,
    /// `32x32`, `180x180`, `any` (a scalable SVG), or empty when not known.
    pub sizes: &'static str,
}

/// A file of the default icon, to be written under the site path the caller chooses.
pub struct IconFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub rel: &'static str,
    pub mime: &'static str,
    pub sizes: &'static str,
}

/// The default icon is drawn on a 32 × 32 grid: a disc, and on it these white polygons (the
/// post, the sign pointing the way, the foot).
const GRID: f32 = 32.0;
const SIGNPOST: [&[(f32, f32)]; 3] = [
    &[(14.5, 5.5), (17.5, 5.5), (17.5, 25.0), (14.5, 25.0)],
    &[
        (7.0, 8.0),
        (21.0, 8.0),
        (25.0, 11.5),
        (21.0, 15.0),
        (7.0, 15.0),
    ],
    &[(10.5, 24.5), (21.5, 24.5), (21.5, 26.5), (10.5, 26.5)],
];

/// The default icon's files in `primary` (`#rgb` or `#rrggbb`, as `_site.yaml` is checked for).
pub fn default_icons(primary: &str) -> Vec<IconFile> {
    let mut files = vec![IconFile {
        name: "favicon.svg",
        bytes: svg(primary).into_bytes(),
        rel: "icon",
        mime: "image/svg+xml",
        sizes: "any",
    }];
    for (name, size, rel, sizes) in [
        ("favicon.png", 32, "icon", "32x32"),
        ("apple-touch-icon.png", 180, "apple-touch-icon", "180x180"),
    ] {
        if let Some(bytes) = png(primary, size) {
            files.push(IconFile {
                name,
                bytes,
                rel,
                mime: "image/png",
                sizes,
            });
        }
    }
    files
}

/// The media type of a site's own icon file, from its extension; `None` for a kind browsers do
/// not take as an icon.
pub fn mime_of(file: &str) -> Option<&'static str> {
    let ext = file.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "svg" => Some("image/svg+xml"),
        "png" => Some("image/png"),
        "ico" => Some("image/x-icon"),
        _ => None,
    }
}

fn svg(primary: &str) -> String {
    let mut d = String::new();
    for shape in SIGNPOST {
        for (i, (x, y)) in shape.iter().enumerate() {
            d.push_str(&format!("{}{x} {y}", if i == 0 { "M" } else { "L" }));
        }
        d.push('Z');
    }
    let r = GRID / 2.0;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {GRID} {GRID}\">\
         <circle cx=\"{r}\" cy=\"{r}\" r=\"{r}\" fill=\"{primary}\"/>\
         <path fill=\"#fff\" d=\"{d}\"/></svg>\n"
    )
}

fn png(primary: &str, size: u32) -> Option<Vec<u8>> {
    let (r, g, b) = rgb(primary)?;
    let mut pixmap = Pixmap::new(size, size)?;
    let scale = size as f32 / GRID;
    let transform = Transform::from_scale(scale, scale);
    let mut paint = Paint {
        anti_alias: true,
        ..Paint::default()
    };
    paint.set_color(Color::from_rgba8(r, g, b, 255));
    let disc = PathBuilder::from_circle(GRID / 2.0, GRID / 2.0, GRID / 2.0)?;
    pixmap.fill_path(&disc, &paint, FillRule::Winding, transform, None);
    let mut white = PathBuilder::new();
    for shape in SIGNPOST {
        let (x, y) = shape[0];
        white.move_to(x, y);
        for &(x, y) in &shape[1..] {
            white.line_to(x, y);
        }
        white.close();
    }
    paint.set_color(Color::WHITE);
    pixmap.fill_path(&white.finish()?, &paint, FillRule::Winding, transform, None);
    pixmap.encode_png().ok()
}

/// `#rgb` or `#rrggbb` as bytes.
fn rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let hex = hex.strip_prefix('#')?;
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        3 => {
            let c: Vec<u8> = hex
                .chars()
                .map(|c| channel(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some((c[0], c[1], c[2]))
        }
        6 => Some((
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        )),
        _ => None,
    }
}

/// The width and height of an image, for `width`/`height` on its `<img>`: the page then keeps
/// its place while the image loads (no layout shift). An SVG's from its `viewBox` (or its
/// `width` and `height`); any other format's from its header, read by `imagesize`.
pub fn image_size(name: &str, bytes: &[u8]) -> Option<(u32, u32)> {
    if !name.to_ascii_lowercase().ends_with(".svg") {
        return imagesize::blob_size(bytes)
            .ok()
            .map(|s| (s.width as u32, s.height as u32));
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let number = |s: &str| s.trim().trim_end_matches("px").parse::<f64>().ok();
    let (w, h) = match attr("viewBox") {
        Some(view) => {
            let parts: Vec<f64> = view
                .split([' ', ','])
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.parse().ok())
                .collect();
            (*parts.get(2)?, *parts.get(3)?)
        }
        None => (number(attr("width")?)?, number(attr("height")?)?),
    };
    (w > 0.0 && h > 0.0).then(|| (w.round() as u32, h.round() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_icon_is_in_the_primary_colour() {
        let files = default_icons("#a0522d");
        let names: Vec<&str> = files.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            ["favicon.svg", "favicon.png", "apple-touch-icon.png"]
        );
        let svg = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert!(svg.contains("fill=\"#a0522d\""), "{svg}");
        for file in &files[1..] {
            assert!(
                file.bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
                "{}",
                file.name
            );
        }
        // The PNG's edge (left middle) is the primary colour; its centre line is white.
        let png = tiny_skia::Pixmap::decode_png(&files[1].bytes).unwrap();
        let at = |x, y| png.pixel(x, y).unwrap().demultiply();
        let edge = at(1, 16);
        assert_eq!((edge.red(), edge.green(), edge.blue()), (0xa0, 0x52, 0x2d));
        let post = at(16, 20);
        assert_eq!((post.red(), post.green(), post.blue()), (255, 255, 255));
    }

    #[test]
    fn short_hex_colours_are_read() {
        assert_eq!(rgb("#0af"), Some((0x00, 0xaa, 0xff)));
        assert_eq!(rgb("#00587c"), Some((0x00, 0x58, 0x7c)));
        assert_eq!(rgb("00587c"), None);
    }

    #[test]
    fn own_icons_are_known_by_their_extension() {
        assert_eq!(mime_of("logo/ikon.SVG"), Some("image/svg+xml"));
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 260 48" width="130">"#;
        assert_eq!(image_size("logo.svg", svg), Some((260, 48)));
        let sized = br#"<?xml version="1.0"?><svg width="40px" height="20">"#;
        assert_eq!(image_size("logo.svg", sized), Some((40, 20)));
        assert_eq!(image_size("logo.svg", b"<svg>"), None);
        assert_eq!(mime_of("favicon.ico"), Some("image/x-icon"));
        assert_eq!(mime_of("ikon.gif"), None);
    }
}
