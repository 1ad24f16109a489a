//! Old addresses: a page's `aliases` each get a page that sends the browser on (meta refresh, a
//! visible link, the canonical address), listed in `_redirects` for web servers and never in
//! the sitemap; a clash with a page, a generated page or another page's alias is an error naming
//! both files.

use crate::common::*;
use vejviser::messages::Language::Da;

#[test]
fn each_old_address_sends_the_browser_to_the_page() {
    let project = Project::fixture("rendering/aliases");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    // (file written, the relative address it sends to)
    for (file, target) in [
        ("om-os/index.html", "../om/"),
        ("arkiv/om.html", "../om/"),
        ("gammel/index.html", "../om/"),
    ] {
        let doc = page(roskilde, file);
        let refresh = doc
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .unwrap_or_else(|| panic!("{file} has no refresh"));
        assert_eq!(
            refresh.value().attr("content"),
            Some(format!("0; url={target}").as_str()),
            "{file}"
        );
        let canonical = doc.select(&sel("link[rel=canonical]")).next().unwrap();
        assert_eq!(
            canonical.value().attr("href"),
            Some("https://roskilde.example.dk/om/"),
            "{file}"
        );
        let link = doc.select(&sel("main a[href]")).next().unwrap();
        assert_eq!(link.value().attr("href"), Some(target), "{file}");
        assert!(!text(link).is_empty());
        let title = doc.select(&sel("title")).next().map(text).unwrap();
        assert!(title.starts_with("Om os"), "{title}");
    }
    assert_eq!(
        roskilde.text("_redirects").unwrap(),
        "/was/ https://was.example.dk/roskilde 302\n\
         /arkiv/om.html /om/ 301\n\
         /gammel/ /om/ 301\n\
         /om-os/ /om/ 301\n"
    );
    let sitemap = roskilde.text("sitemap.xml").unwrap();
    assert!(sitemap.contains("/om/</loc>"));
    assert!(
        !sitemap.contains("om-os") && !sitemap.contains("arkiv"),
        "{sitemap}"
    );
}

#[test]
fn under_a_base_url_with_a_folder_the_map_names_the_full_paths() {
    let project = Project::fixture("rendering/aliases");
    let mut opts = project.options();
    opts.base_url = Some("https://kurser.example.dk/roskilde/".into());
    let outcome = ok(project.build_with(&opts));
    let map = site(&outcome, "roskilde").text("_redirects").unwrap();
    assert!(
        map.contains("/roskilde/om-os/ /roskilde/om/ 301\n"),
        "{map}"
    );
}

/// Builds the aliases fixture with `om.md`'s aliases replaced, and another page added.
fn with(aliases: &str, other: Option<(&str, &str)>) -> vejviser::BuildOutcome {
    let project = Project::fixture("rendering/aliases");
    let file = "content/roskilde/om.md";
    let text = std::fs::read_to_string(project.path(file)).unwrap();
    let text = text.replace("aliases: [om-os/, /arkiv/om.html, gammel]", aliases);
    project.write(file, text.as_bytes());
    if let Some((rel, text)) = other {
        project.write(rel, text.as_bytes());
    }
    project.build()
}

#[test]
fn an_old_address_that_a_page_has_is_an_error_naming_it() {
    let outcome = with("aliases: [kurser/skrivevaerksted/]", None);
    let d = the_error(&outcome);
    assert_eq!(d.code, "site.alias-clash");
    assert_eq!(d.file, std::path::Path::new("content/roskilde/om.md"));
    assert_eq!((d.line, d.column), (4, 11), "{d}");
    assert!(
        d.text(Da)
            .contains("content/roskilde/kurser/skrivevaerksted.md"),
        "{d}"
    );

    let outcome = with("aliases: [kurser/]", None);
    let d = the_error(&outcome);
    assert_eq!(d.code, "site.alias-clash");
    assert!(d.text(Da).contains("en side, som sitet selv laver"), "{d}");
}

#[test]
fn two_pages_with_the_same_old_address_is_an_error_naming_both() {
    let outcome = with(
        "aliases: [gammel/]",
        Some((
            "content/roskilde/praktisk.md",
            "---\ntitle: Praktisk\naliases: [gammel]\n---\nOm tilmelding.\n",
        )),
    );
    let d = the_error(&outcome);
    assert_eq!(d.code, "site.duplicate-alias");
    // Pages in path order: `om/` before `praktisk/`, so the second names the first.
    assert_eq!(d.file, std::path::Path::new("content/roskilde/praktisk.md"));
    assert!(d.text(Da).contains("content/roskilde/om.md"), "{d}");
    assert_eq!(d.line, 3, "{d}");
}

#[test]
fn an_address_that_climbs_or_holds_odd_characters_is_refused_where_it_stands() {
    for bad in ["../udenfor/", "gammel side/", "a//b", "?x=1"] {
        let outcome = with(&format!("aliases: [\"{bad}\"]"), None);
        let d = the_error(&outcome);
        assert_eq!(d.code, "frontmatter.alias", "{bad}: {d}");
        assert_eq!(d.line, 4, "{bad}: {d}");
        assert!(d.text(Da).contains(bad), "{d}");
        assert!(
            d.hint_text(Da)
                .as_deref()
                .unwrap_or("")
                .contains("gammel-side/"),
            "{d}"
        );
    }
}
