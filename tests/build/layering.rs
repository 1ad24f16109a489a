//! Layering: `content/_shared/` overlaid with each municipality's folder; `exclude:`, drafts and
//! `manuals:` take pages out of a site.

use crate::common::*;

/// The site paths (`om/`, `kurser/x/`) in a site's sitemap.
fn sitemap_paths(site: &vejviser::SiteFiles, base_url: &str) -> Vec<String> {
    let xml = site.text("sitemap.xml").expect("no sitemap.xml");
    xml.split("<loc>")
        .skip(1)
        .map(|rest| rest.split("</loc>").next().unwrap())
        .map(|url| {
            url.strip_prefix(base_url)
                .unwrap_or_else(|| panic!("{url} is not under {base_url}"))
                .to_string()
        })
        .collect()
}

#[test]
fn a_local_file_replaces_the_shared_one_at_the_same_path() {
    let project = Project::fixture("layering/override");
    let outcome = project.build_ok();

    let roskilde = page(site(&outcome, "roskilde"), "om-forloebene/index.html");
    assert_eq!(texts(&roskilde, "h1"), ["Om forløbene i Roskilde"]);
    let text = main_text(&roskilde);
    assert!(text.contains("Roskildes egen tekst"), "{text}");
    assert!(
        !text.contains("Fælles tekst"),
        "the shared text leaks into the local page: {text}"
    );

    let gladsaxe = page(site(&outcome, "gladsaxe"), "om-forloebene/index.html");
    assert_eq!(texts(&gladsaxe, "h1"), ["Om forløbene"]);
    assert!(main_text(&gladsaxe).contains("Fælles tekst om forløbene"));
}

#[test]
fn shared_pages_appear_in_every_site() {
    let project = Project::fixture("layering/override");
    let outcome = project.build_ok();
    assert_eq!(outcome.sites.len(), 2);
    for slug in ["gladsaxe", "roskilde"] {
        let doc = page(site(&outcome, slug), "praktisk/index.html");
        assert_eq!(texts(&doc, "h1"), ["Praktisk"], "{slug}");
        assert!(main_text(&doc).contains("Alle forløb er gratis"), "{slug}");
    }
}

#[test]
fn an_excluded_page_is_left_out_of_that_site_only() {
    let project = Project::fixture("layering/exclude");
    let outcome = project.build_ok();
    let excluded = "kurser/gammelt-kursus/";

    let roskilde = site(&outcome, "roskilde");
    assert!(roskilde.text(&format!("{excluded}index.html")).is_none());
    assert!(
        !sitemap_paths(roskilde, "https://roskilde.example.dk/").contains(&excluded.to_string())
    );
    let catalogue = page(roskilde, "kurser/index.html");
    let targets: Vec<String> = attrs(&catalogue, "main a[href]", "href")
        .iter()
        .map(|h| resolve("kurser/", h))
        .collect();
    assert!(!targets.contains(&excluded.to_string()), "{targets:?}");
    assert!(
        targets.contains(&"kurser/skrivevaerksted/".to_string()),
        "{targets:?}"
    );

    let gladsaxe = site(&outcome, "gladsaxe");
    assert!(gladsaxe.text(&format!("{excluded}index.html")).is_some());
    let catalogue = page(gladsaxe, "kurser/index.html");
    let targets: Vec<String> = attrs(&catalogue, "main a[href]", "href")
        .iter()
        .map(|h| resolve("kurser/", h))
        .collect();
    assert!(targets.contains(&excluded.to_string()), "{targets:?}");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let project = Project::fixture("layering/drafts");
    let draft = "nyhed-udkast/";

    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    assert!(roskilde.text(&format!("{draft}index.html")).is_none());
    assert!(roskilde.text("om/index.html").is_some());
    assert!(!sitemap_paths(roskilde, "https://roskilde.example.dk/").contains(&draft.to_string()));
    let search = page(roskilde, "sog/index.html");
    assert!(!main_text(&search).contains("Nyt hold til efteråret"));

    let mut opts = project.options();
    opts.drafts = true;
    let outcome = ok(project.build_with(&opts));
    let doc = page(site(&outcome, "roskilde"), &format!("{draft}index.html"));
    assert_eq!(texts(&doc, "h1"), ["Nyt hold til efteråret"]);
}

#[test]
fn a_site_takes_only_the_manuals_it_names() {
    let project = Project::fixture("layering/manuals");
    let outcome = project.build_ok();

    let roskilde = site(&outcome, "roskilde");
    assert!(roskilde.text("manualer/abc/index.html").is_some());
    assert!(roskilde
        .text("manualer/abc/om-metoden/index.html")
        .is_some());
    let peer: Vec<&String> = roskilde
        .files
        .keys()
        .filter(|f| f.starts_with("manualer/peer-gruppe/"))
        .collect();
    assert!(
        peer.is_empty(),
        "roskilde has `manuals: [abc]` but got {peer:?}"
    );
    let manuals = page(roskilde, "manualer/index.html");
    assert!(!main_text(&manuals).contains("Håb og selvbestemmelse"));

    // Without `manuals:` a site takes every shared manual.
    let gladsaxe = site(&outcome, "gladsaxe");
    assert!(gladsaxe.text("manualer/abc/index.html").is_some());
    assert!(gladsaxe
        .text("manualer/peer-gruppe/om-peer-grupper/index.html")
        .is_some());
    let manuals = page(gladsaxe, "manualer/index.html");
    let targets: Vec<String> = attrs(&manuals, "main a[href]", "href")
        .iter()
        .map(|h| resolve("manualer/", h))
        .collect();
    assert!(
        targets.contains(&"manualer/abc/".to_string())
            && targets.contains(&"manualer/peer-gruppe/".to_string()),
        "{targets:?}"
    );
}
