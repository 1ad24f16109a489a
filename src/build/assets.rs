//! A site's static files: the theme's own (CSS, JS) under content-hashed names, the site's
//! colour as `site.css`, the logo and icon named in `_site.yaml`, or the default icons drawn in
//! the site's colour.
//!
//! A page links one stylesheet, `style.css`: the theme's, then the site's colour, then the
//! theme's `print.css` inside `@media print`, in one file, so every page names one file instead
//! of three and the browser makes one request. `site.css` and `print.css` are written on their
//! own as well, for a theme's templates that link them by name.
//!
//! In: the linked site and its compiled theme. Out: the files added to the site's output, the
//! hashed names templates link to, and any `_site.yaml` file that could not be read.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Diagnostic;
use crate::messages::{self, Arg, IntoArg};
use crate::output::SiteFiles;
use crate::site::Site;
use crate::{icons, render, theme};

/// What templates link to: hashed paths by static name, the logo, the icons.
pub struct Assets {
    pub paths: BTreeMap<String, String>,
    pub logo: Option<render::Logo>,
    pub icons: Vec<icons::Icon>,
}

/// Adds the site's static files to `files`.
pub fn add(
    site: &Site,
    theme: &theme::Theme,
    files: &mut SiteFiles,
    diagnostics: &mut Vec<Diagnostic>,
) -> Assets {
    let m = &site.municipality;
    let mut paths = BTreeMap::new();
    for (name, bytes) in &theme.statics {
        if name == "style.css" {
            continue; // Written below, with the site's colour and print.css.
        }
        let hashed = format!("static/{}", theme::hashed_name(name, bytes));
        paths.insert(name.clone(), hashed.clone());
        files.add(hashed, bytes.clone());
    }
    let site_css = format!(":root{{--primary:{}}}\n", m.primary_color).into_bytes();
    let hashed = format!("static/{}", theme::hashed_name("site.css", &site_css));
    paths.insert("site.css".into(), hashed.clone());
    files.add(hashed, site_css.clone());
    if let Some(style) = theme.statics.get("style.css") {
        let mut one = style.clone();
        one.extend_from_slice(&site_css);
        if let Some(print) = theme.statics.get("print.css") {
            one.extend_from_slice(b"@media print{");
            one.extend_from_slice(print);
            one.extend_from_slice(b"}\n");
        }
        let hashed = format!("static/{}", theme::hashed_name("style.css", &one));
        paths.insert("style.css".into(), hashed.clone());
        files.add(hashed, one);
    }
    let mut own_file =
        |rel: &str, field: &str, code: &'static str| match read_site_file(&site.dir, rel) {
            Ok(bytes) => {
                let name = Path::new(rel)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let hashed = format!("static/{}", theme::hashed_name(&name, &bytes));
                let size = icons::image_size(&name, &bytes);
                files.add(hashed.clone(), bytes);
                Some((hashed, size))
            }
            Err(e) => {
                diagnostics.push(
                    m.diagnostic_at(
                        &[field],
                        None,
                        Diagnostic::error(code, &m.file, messages::cannot_read_site_file(rel, e))
                            .hint(messages::site_file_hint(&m.slug)),
                    ),
                );
                None
            }
        };
    let logo = m
        .logo
        .as_deref()
        .and_then(|l| own_file(l, "logo", "site.logo"))
        .map(|(path, size)| render::Logo {
            path,
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        });
    let icons: Vec<icons::Icon> = match &m.favicon {
        Some(rel) => own_file(rel, "favicon", "site.favicon")
            .into_iter()
            .map(|(path, _)| icons::Icon {
                rel: "icon",
                path,
                mime: icons::mime_of(rel).unwrap_or("image/png"),
                // Only a scalable image fits any size; a bitmap's size is not known here.
                sizes: if rel.ends_with(".svg") { "any" } else { "" },
            })
            .collect(),
        None => icons::default_icons(&m.primary_color)
            .into_iter()
            .map(|f| {
                let path = format!("static/{}", theme::hashed_name(f.name, &f.bytes));
                files.add(path.clone(), f.bytes);
                icons::Icon {
                    rel: f.rel,
                    path,
                    mime: f.mime,
                    sizes: f.sizes,
                }
            })
            .collect(),
    };
    Assets { paths, logo, icons }
}

/// Reads a file named in `_site.yaml`, refusing paths that leave the site folder and links.
fn read_site_file(dir: &Path, name: &str) -> Result<Vec<u8>, Arg> {
    let rel = Path::new(name);
    if rel.is_absolute()
        || rel
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(messages::path_leaves_site().into_arg());
    }
    // A link anywhere on the way could point out of the project: none is followed.
    let mut path = dir.to_path_buf();
    for part in rel.components() {
        path.push(part);
        if path.is_symlink() {
            return Err(messages::symlink_not_followed().into_arg());
        }
    }
    std::fs::read(path).map_err(|e| e.into_arg())
}
