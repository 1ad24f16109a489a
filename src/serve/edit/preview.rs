//! The body of a form rendered as the site renders it: the same Markdown stage with the
//! project's settings (raw HTML allowed or not) and its theme's words for the alert boxes.
//! Links are left as written: the preview shows the text, the site checks the links on save.

use std::path::Path;

use crate::markdown::{headings, Resolved, Resolver, Settings};

struct AsWritten;

impl Resolver for AsWritten {
    fn link(&self, _: &str) -> Resolved {
        Resolved::Keep
    }
    fn image(&self, _: &str) -> Resolved {
        Resolved::Keep
    }
}

/// The HTML of `body`, or nothing when the project cannot be read.
pub fn render_body(root: &Path, body: &str) -> Option<String> {
    let text = crate::load::read_text(root, &root.join("vejviser.yaml")).ok()?;
    let project = crate::config::Project::parse(Path::new("vejviser.yaml"), &text).ok()?;
    let theme = crate::theme::ThemeFiles::of_project(root, &project).ok()?;
    let lang = format!("i18n/{}.yaml", project.language.code());
    let strings: std::collections::BTreeMap<String, serde_json::Value> = theme
        .files
        .get(&lang)
        .and_then(|f| f.read().ok())
        .and_then(|b| crate::yaml::from_str(&String::from_utf8_lossy(&b)).ok())
        .unwrap_or_default();
    let word = |key: &str| {
        strings
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or(key)
            .to_string()
    };
    // A book's own conventions (hidden lines, closed heading gaps) are left to the build: the
    // preview shows the text as written.
    let settings = Settings::with_words(project.allow_html, word);
    Some(crate::markdown::render(body, &headings(body), &settings, &AsWritten).html)
}

/// The preview's HTML (empty when the project cannot be read).
pub fn render(root: &Path, body: &str) -> String {
    render_body(root, body).unwrap_or_default()
}
