//! The project (`vejviser.yaml`) and each municipality (`content/<slug>/_site.yaml`).
//!
//! Both are read as raw structs that reject unknown fields, then validated into the types the
//! rest of the build uses, so later stages never re-check a colour or a base URL.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::error::{did_you_mean, yaml_diagnostic};
use crate::fields::{self, Field};
use crate::locate;
use crate::messages;
use crate::yaml;

/// The languages the default theme has UI strings and date words for, and of the messages.
pub use crate::messages::Language;

/// The language of the project at `root` as far as its `vejviser.yaml` says, for reporting
/// findings: read on its own, so that it is known even when the rest of the file has errors.
/// Danish (a project's default) when the file cannot be read or names no language we have.
pub fn language_of(root: &Path) -> Language {
    #[derive(Deserialize)]
    struct OnlyLanguage {
        language: Option<String>,
    }
    let text = std::fs::read_to_string(root.join("vejviser.yaml")).unwrap_or_default();
    let text = text.trim_start_matches('\u{feff}');
    match yaml::from_str::<OnlyLanguage>(text).map(|c| c.language) {
        Ok(Some(code)) if code == "en" => Language::En,
        _ => Language::Da,
    }
}

/// A course category: its slug (the key in `vejviser.yaml`), label and description.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Category {
    pub slug: String,
    pub label: String,
    pub description: Option<String>,
}

/// A group a course is for (`audiences:` in `vejviser.yaml`): its key and label.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Audience {
    pub key: String,
    pub label: String,
}

/// The validated project configuration.
#[derive(Debug, Clone)]
pub struct Project {
    pub title: String,
    pub language: Language,
    pub theme: String,
    /// By slug, in slug order.
    pub categories: BTreeMap<String, Category>,
    /// `check` warns above this LIX score on citizen-facing pages.
    pub max_lix: Option<f64>,
    /// Raw HTML inside Markdown is passed through only when the project says so; else escaped.
    pub allow_html: bool,
    /// Whom courses are for, by key (the order filter pages list them in).
    pub audiences: BTreeMap<String, Audience>,
    /// The printed catalogue covers courses starting within this many months.
    pub prospectus_months: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudience {
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProspectus {
    months: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProject {
    title: Option<String>,
    language: Option<String>,
    theme: Option<String>,
    #[serde(default)]
    categories: BTreeMap<String, RawCategory>,
    readability: Option<RawReadability>,
    markdown: Option<RawMarkdown>,
    #[serde(default)]
    audiences: BTreeMap<String, RawAudience>,
    prospectus: Option<RawProspectus>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    label: String,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReadability {
    max_lix: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    #[serde(default)]
    allow_html: bool,
}

/// Checks the top-level keys of a YAML config against the known ones, with a did-you-mean hint.
fn unknown_keys(text: &Arc<str>, file: &Path, fields: &[Field], diags: &mut Vec<Diagnostic>) {
    let Ok(keys) = yaml::top_level_keys(text) else {
        return;
    };
    let known = fields::names(fields);
    for key in keys {
        if !known.contains(&key.as_str()) {
            let place = locate::key(text, &[&key]);
            let mut d =
                Diagnostic::error("config.unknown-field", file, messages::unknown_field(&key))
                    .hint(did_you_mean(&key, &known));
            if let Some(p) = place {
                d = d.at_offset(text, p.offset, p.len);
            }
            diags.push(d);
        }
    }
}

impl Project {
    /// Parses `vejviser.yaml`. `file` is the path shown in messages.
    pub fn parse(file: &Path, text: &Arc<str>) -> Result<Project, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        unknown_keys(text, file, fields::config::PROJECT, &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        let raw: RawProject =
            yaml::from_str(text).map_err(|e| vec![yaml_diagnostic(file, text, &e, 0)])?;
        let language = match raw.language.as_deref() {
            None | Some("da") => Language::Da,
            Some("en") => Language::En,
            Some(other) => {
                let p = locate::value(text, &["language"]);
                let mut d = Diagnostic::error(
                    "config.language",
                    file,
                    messages::unsupported_language(other),
                )
                .hint(messages::language_hint());
                if let Some(p) = p {
                    d = d.at_offset(text, p.offset, p.len);
                }
                diags.push(d);
                Language::Da
            }
        };
        let title = raw.title.unwrap_or_default();
        if title.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    "config.missing-field",
                    file,
                    messages::missing_field("title"),
                )
                .hint(messages::project_title_hint()),
            );
        }
        for slug in raw.categories.keys() {
            check_key(text, file, "categories", slug, &mut diags);
        }
        let categories = raw
            .categories
            .into_iter()
            .map(|(slug, c)| {
                let category = Category {
                    slug: slug.clone(),
                    label: c.label,
                    description: c.description,
                };
                (slug, category)
            })
            .collect();
        for key in raw.audiences.keys() {
            check_key(text, file, "audiences", key, &mut diags);
        }
        let audiences = raw
            .audiences
            .into_iter()
            .map(|(key, a)| {
                let audience = Audience {
                    key: key.clone(),
                    label: a.label,
                };
                (key, audience)
            })
            .collect();
        let prospectus_months = raw.prospectus.map_or(6, |p| p.months);
        if !(1..=24).contains(&prospectus_months) {
            let mut d = Diagnostic::error(
                "config.prospectus",
                file,
                messages::prospectus_months(prospectus_months),
            )
            .hint(messages::prospectus_months_hint());
            if let Some(p) = locate::value(text, &["prospectus", "months"]) {
                d = d.at_offset(text, p.offset, p.len);
            }
            diags.push(d);
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(Project {
            title,
            language,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            categories,
            max_lix: raw.readability.and_then(|r| r.max_lix),
            allow_html: raw.markdown.is_some_and(|m| m.allow_html),
            audiences,
            prospectus_months,
        })
    }
}

/// A place where courses are held.
#[derive(Debug, Clone, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    #[serde(skip_deserializing)]
    pub key: String,
    pub name: String,
    pub address: Option<String>,
    pub accessibility: Option<String>,
}

/// Whom citizens contact about a course.
#[derive(Debug, Clone, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(skip_deserializing)]
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One entry of a site's menu, as written: a page of the site (`page: om.md`, the way links
/// are written) or an address elsewhere (`url: https://…`), with the text shown.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    pub label: String,
    pub page: Option<String>,
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    name: Option<String>,
    base_url: Option<String>,
    manuals: Option<Vec<String>>,
    #[serde(default)]
    exclude: Vec<String>,
    colors: Option<RawColors>,
    logo: Option<String>,
    favicon: Option<String>,
    accessibility_statement: Option<String>,
    #[serde(default)]
    locations: BTreeMap<String, Location>,
    #[serde(default)]
    contacts: BTreeMap<String, Contact>,
    menu: Option<Vec<MenuEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColors {
    primary: Option<String>,
}

/// One municipality, validated.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// The folder name under `content/`, which is also the output folder.
    pub slug: String,
    pub name: String,
    /// Always ends with `/`.
    pub base_url: String,
    /// The shared manuals this site takes (folder names under `manualer/`); `None` = all.
    pub manuals: Option<Vec<String>>,
    /// Content-relative paths removed from this site.
    pub exclude: Vec<String>,
    pub primary_color: String,
    /// Path of the logo file relative to the site folder.
    pub logo: Option<String>,
    /// Path of the site's own icon (SVG, PNG or ICO) relative to the site folder; without it the
    /// theme's signpost in the primary colour.
    pub favicon: Option<String>,
    pub accessibility_statement: Option<String>,
    pub locations: BTreeMap<String, Location>,
    pub contacts: BTreeMap<String, Contact>,
    /// The site's menu as written; `None` gives the default (see `site::menu`).
    pub menu: Option<Vec<MenuEntry>>,
    /// `_site.yaml`'s path as shown in messages, and its text, for locating later findings.
    pub file: PathBuf,
    pub text: Arc<str>,
}

impl Municipality {
    /// Parses `_site.yaml` of the site folder `slug`.
    pub fn parse(
        slug: &str,
        file: &Path,
        text: &Arc<str>,
    ) -> Result<Municipality, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        unknown_keys(text, file, fields::config::SITE, &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        let raw: RawSite =
            yaml::from_str(text).map_err(|e| vec![yaml_diagnostic(file, text, &e, 0)])?;
        let at = |path: &[&str], d: Diagnostic| match locate::value(text, path) {
            Some(p) => d.at_offset(text, p.offset, p.len),
            None => d,
        };
        let name = raw.name.unwrap_or_default();
        if name.trim().is_empty() {
            diags.push(
                Diagnostic::error("site.missing-field", file, messages::missing_field("name"))
                    .hint(messages::site_name_hint()),
            );
        }
        let base_url = match raw.base_url {
            Some(url) if is_web_url(&url) => {
                if url.ends_with('/') {
                    url
                } else {
                    format!("{url}/")
                }
            }
            Some(url) => {
                diags.push(at(
                    &["base_url"],
                    Diagnostic::error("site.base-url", file, messages::not_a_web_address(&url))
                        .hint(messages::base_url_hint()),
                ));
                String::new()
            }
            None => {
                diags.push(
                    Diagnostic::error(
                        "site.missing-field",
                        file,
                        messages::missing_field("base_url"),
                    )
                    .hint(messages::missing_base_url_hint()),
                );
                String::new()
            }
        };
        let primary_color = match raw.colors.and_then(|c| c.primary) {
            Some(c) if is_hex_color(&c) => c,
            Some(c) => {
                diags.push(at(
                    &["colors", "primary"],
                    Diagnostic::error("site.color", file, messages::not_a_colour(&c))
                        .hint(messages::colour_hint()),
                ));
                String::new()
            }
            None => "#00587c".to_string(),
        };
        if let Some(icon) = &raw.favicon {
            if crate::icons::mime_of(icon).is_none() {
                diags.push(at(
                    &["favicon"],
                    Diagnostic::error("site.favicon", file, messages::not_an_icon(icon))
                        .hint(messages::icon_hint()),
                ));
            }
        }
        if let Some(url) = &raw.accessibility_statement {
            if !is_web_url(url) {
                diags.push(at(
                    &["accessibility_statement"],
                    Diagnostic::error(
                        "site.accessibility-statement",
                        file,
                        messages::not_a_web_address(url),
                    )
                    .hint(messages::statement_url_hint()),
                ));
            }
        }
        for (i, entry) in raw.menu.iter().flatten().enumerate() {
            let n = i + 1;
            let problem = match (&entry.page, &entry.url) {
                _ if entry.label.trim().is_empty() => Some(messages::menu_no_label(n)),
                (Some(_), Some(_)) | (None, None) => Some(messages::menu_page_or_url(n)),
                (None, Some(url)) if !is_web_url(url) && !url.starts_with("mailto:") => {
                    Some(messages::menu_bad_url(n, url))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                diags.push(at(
                    &["menu"],
                    Diagnostic::error("site.menu", file, problem).hint(messages::menu_hint()),
                ));
            }
        }
        for key in raw.locations.keys() {
            check_key(text, file, "locations", key, &mut diags);
        }
        for key in raw.contacts.keys() {
            check_key(text, file, "contacts", key, &mut diags);
        }
        for (key, location) in &raw.locations {
            if location.name.trim().is_empty() {
                diags.push(at(
                    &["locations", key],
                    Diagnostic::error("site.location", file, messages::location_no_name(key)),
                ));
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let mut locations = raw.locations;
        for (key, l) in locations.iter_mut() {
            l.key = key.clone();
        }
        let mut contacts = raw.contacts;
        for (key, c) in contacts.iter_mut() {
            c.key = key.clone();
        }
        Ok(Municipality {
            slug: slug.to_string(),
            name,
            base_url,
            manuals: raw.manuals,
            exclude: raw.exclude,
            primary_color,
            logo: raw.logo,
            favicon: raw.favicon,
            accessibility_statement: raw.accessibility_statement,
            locations,
            contacts,
            menu: raw.menu,
            file: file.to_path_buf(),
            text: text.clone(),
        })
    }

    /// A diagnostic placed at a value of `_site.yaml`.
    pub fn diagnostic_at(&self, path: &[&str], item: Option<&str>, d: Diagnostic) -> Diagnostic {
        let place = match item {
            Some(item) => locate::item(&self.text, path, item),
            None => locate::value(&self.text, path),
        };
        match place {
            Some(p) => d.at_offset(&self.text, p.offset, p.len),
            None => d,
        }
    }
}

/// Keys of categories, locations and contacts become parts of URLs and file names
/// (`kurser/sted/<key>/`), so they must be slugs: a key like `../../x` would otherwise name a
/// folder outside the site.
fn check_key(text: &Arc<str>, file: &Path, map: &str, key: &str, diags: &mut Vec<Diagnostic>) {
    let slug = crate::slug::slugify(key);
    if slug == key {
        return;
    }
    let mut d = Diagnostic::error("config.key", file, messages::bad_key(key, map)).hint(
        messages::use_slug_letters(if slug.is_empty() {
            "makers-corner"
        } else {
            &slug
        }),
    );
    // A quoted key is not found by its text: then the map it is in is shown.
    if let Some(p) = locate::key(text, &[map, key]).or_else(|| locate::key(text, &[map])) {
        d = d.at_offset(text, p.offset, p.len);
    }
    diags.push(d);
}

/// Whether a URL from the content is a plain web address: `http://` or `https://`, with nothing
/// in it that could end the attribute, feed element or calendar line it is written into
/// (whitespace, control characters, quotes, angle brackets). Everything that puts such a URL
/// in an `href` or a redirect asks this, so no other scheme (`javascript:`) gets there.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
}

fn is_hex_color(c: &str) -> bool {
    let Some(hex) = c.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raw_configs_read_exactly_the_defined_fields() {
        use crate::fields::config::*;
        use crate::fields::tests::same_fields;
        let inner = |fields: &[Field], name: &str| fields::find(fields, name).unwrap().ty.fields();
        same_fields::<RawProject>("RawProject", PROJECT);
        same_fields::<RawCategory>("RawCategory", inner(PROJECT, "categories"));
        same_fields::<RawReadability>("RawReadability", inner(PROJECT, "readability"));
        same_fields::<RawMarkdown>("RawMarkdown", inner(PROJECT, "markdown"));
        same_fields::<RawAudience>("RawAudience", inner(PROJECT, "audiences"));
        same_fields::<RawProspectus>("RawProspectus", inner(PROJECT, "prospectus"));
        same_fields::<RawSite>("RawSite", SITE);
        same_fields::<RawColors>("RawColors", inner(SITE, "colors"));
        same_fields::<MenuEntry>("MenuEntry", inner(SITE, "menu"));
        same_fields::<Location>("Location", inner(SITE, "locations"));
        same_fields::<Contact>("Contact", inner(SITE, "contacts"));
        assert_eq!(LANGUAGES, [Language::Da.code(), Language::En.code()]);
    }

    #[test]
    fn site_config_is_validated() {
        let text: Arc<str> = Arc::from("name: Roskilde Kommune\nbase_url: https://r.example.dk\ncolors: { primary: \"#00587c\" }\nlocations:\n  mc: { name: Makers Corner }\n");
        let site = Municipality::parse("roskilde", Path::new("_site.yaml"), &text).unwrap();
        assert_eq!(site.base_url, "https://r.example.dk/");
        assert_eq!(site.locations["mc"].key, "mc");
    }

    #[test]
    fn the_language_of_messages_is_read_even_from_a_file_with_errors() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(language_of(dir.path()), Language::Da, "no vejviser.yaml");
        let write = |text: &str| std::fs::write(dir.path().join("vejviser.yaml"), text).unwrap();
        write("\u{feff}title: T\nlanguage: en\ntitel: ukendt felt\n");
        assert_eq!(language_of(dir.path()), Language::En);
        write("title: T\nlanguage: en\ncategories: [ikke lukket\n");
        assert_eq!(language_of(dir.path()), Language::Da, "unreadable YAML");
        write("title: T\nlanguage: fr\n");
        assert_eq!(language_of(dir.path()), Language::Da);
    }

    #[test]
    fn unknown_site_field_has_hint_and_line() {
        let text: Arc<str> = Arc::from("name: R\nbase_url: https://r.example.dk/\nlocatons: {}\n");
        let errs = Municipality::parse("r", Path::new("_site.yaml"), &text).unwrap_err();
        assert_eq!(errs[0].line, 3);
        let hint = errs[0].hint_text(Language::Da).unwrap();
        assert_eq!(hint, "Mente du `locations`?");
        let hint = errs[0].hint_text(Language::En).unwrap();
        assert_eq!(hint, "Did you mean `locations`?");
    }
}
