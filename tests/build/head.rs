//! What every page's head says of it: a description taken from what the page already says of
//! itself, and the site's icons, which exist.

use crate::common::*;
use vejviser::messages::Language::Da;

fn description(site: &vejviser::SiteFiles, path: &str) -> String {
    let doc = page(site, path);
    let found = attrs(&doc, "meta[name=description]", "content");
    assert_eq!(found.len(), 1, "{path}: {found:?}");
    found[0].clone()
}

#[test]
fn every_page_of_the_example_has_a_short_plain_description() {
    let outcome = Project::repository_example().build_ok();
    let mut checked = 0;
    for site in &outcome.sites {
        for path in html_files(site) {
            let doc = page(site, path);
            if !attrs(&doc, "body.kind-redirect", "class").is_empty() {
                continue;
            }
            let text = description(site, path);
            let chars = text.chars().count();
            assert!(
                (20..=160).contains(&chars),
                "{}/{path}: {chars} characters: {text:?}",
                site.slug
            );
            assert!(
                !text.contains(['<', '>', '*', '`', '[']),
                "{}/{path}: not plain text: {text:?}",
                site.slug
            );
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn a_description_comes_from_the_field_that_says_what_the_page_is_for() {
    let manuals = Project::fixture("manuals/session-page").build_ok();
    let site_m = site(&manuals, "roskilde");
    assert_eq!(
        description(site_m, "manualer/abc/index.html"),
        "Et gruppeforløb i tre faser."
    );
    assert_eq!(
        description(site_m, "manualer/abc/sessioner/uge-07/index.html"),
        "Vælge en aktivitet i byen sammen"
    );
    // No goals: the first sentence of the body.
    assert_eq!(
        description(site_m, "manualer/abc/sessioner/uge-06/index.html"),
        "Sidste møde i første fase."
    );
    assert_eq!(
        description(site_m, "manualer/abc/ovelser/mit-netvaerk/index.html"),
        "At se hvem der er omkring dig."
    );

    let courses = Project::fixture("rendering/course").build_ok();
    let site_c = site(&courses, "roskilde");
    // The course's page: the one with the course's JSON-LD (the filter pages sit beside it).
    let course = html_files(site_c)
        .into_iter()
        .find(|p| p.starts_with("kurser/") && site_c.text(p).is_some_and(|h| h.contains("ld+json")))
        .unwrap();
    assert_eq!(
        description(site_c, course),
        "Skriv om dit liv sammen med andre."
    );

    let pages = Project::fixture("rendering/page").build_ok();
    let site_p = site(&pages, "roskilde");
    assert_eq!(
        description(site_p, "om/index.html"),
        "Hvem vi er, og hvad vi tilbyder."
    );
    // The heading is not the description; the paragraph after it is.
    assert_eq!(
        description(site_p, "praktisk/index.html"),
        "Alle kurser er gratis, og du behøver ikke en henvisning."
    );
    assert!(description(site_p, "kurser/index.html").contains("Roskilde Kommune"));
}

#[test]
fn every_page_links_the_site_icons_in_its_colour_and_they_exist() {
    let outcome = Project::fixture("rendering/page").build_ok();
    let site = site(&outcome, "roskilde");
    for path in html_files(site) {
        let doc = page(site, path);
        let icons = attrs(&doc, "link[rel=icon], link[rel=apple-touch-icon]", "href");
        assert_eq!(icons.len(), 3, "{path}: {icons:?}");
        let depth = path.matches('/').count();
        for href in icons {
            let file = href
                .trim_start_matches("./")
                .trim_start_matches(&"../".repeat(depth));
            assert!(site.files.contains_key(file), "{path}: {href} is missing");
        }
    }
    let svg = site
        .files
        .iter()
        .find(|(p, _)| p.starts_with("static/favicon.") && p.ends_with(".svg"))
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .expect("no favicon.svg");
    // The example sites' default primary colour.
    assert!(svg.contains("fill=\"#00587c\""), "{svg}");
}

#[test]
fn a_site_may_have_its_own_icon() {
    let project = Project::fixture("rendering/page");
    let yaml = project.path("content/roskilde/_site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}favicon: ikon.png\n")).unwrap();
    project.write("content/roskilde/ikon.png", b"\x89PNG\r\n\x1a\n-not-really");
    let outcome = project.build_ok();
    let site = site(&outcome, "roskilde");
    let doc = page(site, "index.html");
    let icons = attrs(&doc, "link[rel=icon]", "href");
    assert_eq!(icons.len(), 1, "{icons:?}");
    assert!(icons[0].contains("static/ikon."), "{icons:?}");
    assert_eq!(attrs(&doc, "link[rel=icon]", "type"), ["image/png"]);
    assert!(!site.files.keys().any(|p| p.contains("favicon")));
}

#[test]
fn an_icon_browsers_do_not_take_or_cannot_read_is_an_error_at_its_line() {
    let project = Project::fixture("rendering/page");
    let yaml = project.path("content/roskilde/_site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let line = text.lines().count() + 1;
    for (icon, message) in [
        (
            "ikon.gif",
            "`ikon.gif` er ikke en ikonfil, som browsere kan vise",
        ),
        ("mangler.svg", "Filen `mangler.svg` kan ikke læses"),
    ] {
        std::fs::write(&yaml, format!("{text}favicon: {icon}\n")).unwrap();
        let outcome = project.build();
        let d = outcome
            .diagnostics
            .iter()
            .find(|d| d.code == "site.favicon")
            .unwrap_or_else(|| panic!("no site.favicon error:\n{}", report(&outcome)));
        assert!(d.is_error(), "{d}");
        assert_eq!(d.line, line, "{d}");
        assert!(d.text(Da).contains(message), "{d}");
    }
}
