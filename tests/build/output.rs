//! The written output: deterministic bytes, sitemap.xml and robots.txt with absolute URLs, hashed
//! static files.

use crate::common::*;

fn locs(xml: &str) -> Vec<&str> {
    xml.split("<loc>")
        .skip(1)
        .map(|rest| rest.split("</loc>").next().unwrap())
        .collect()
}

#[test]
fn two_builds_of_the_same_fixture_are_byte_identical() {
    // Two copies in two different folders: nothing of the build's location may leak into the output.
    let first = Project::fixture("rendering/manual");
    let second = Project::fixture("rendering/manual");
    for project in [&first, &second] {
        let outcome = vejviser::build(&project.options()).expect("the build failed");
        assert_eq!(outcome.errors(), 0, "{:?}", outcome.diagnostics);
    }
    let a = tree(&first.path("public"));
    let b = tree(&second.path("public"));
    assert!(a.len() > 10, "{:?}", listing(&a));
    assert_eq!(listing(&a), listing(&b));
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between the two builds");
    }
}

#[test]
fn the_written_tree_is_the_in_memory_site() {
    // A build to disk writes pages as they are rendered and keeps none of them; the files it
    // wrote and counted are exactly those a build in memory holds.
    let project = Project::fixture("rendering/course");
    let written_outcome = ok(vejviser::build(&project.options()).expect("the build failed"));
    assert!(
        written_outcome.sites.is_empty(),
        "a build to disk keeps no files"
    );
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let summary = &written_outcome.summaries[0];
    assert_eq!(
        (summary.files, summary.pages),
        (roskilde.files.len(), roskilde.pages)
    );
    let written = tree(&project.path("public/roskilde"));
    let files: Vec<&str> = written
        .iter()
        .filter(|(_, b)| b.is_some())
        .map(|(p, _)| p.as_str())
        .collect();
    let expected: Vec<&str> = roskilde.files.keys().map(String::as_str).collect();
    assert_eq!(files, expected);
    for (path, bytes) in &roskilde.files {
        assert!(
            written[path].as_ref() == Some(bytes),
            "{path} on disk differs from the build in memory"
        );
    }
}

#[test]
fn static_files_have_content_hashed_names_and_pages_link_them() {
    let project = Project::fixture("rendering/page");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    for name in ["style", "print", "site"] {
        let found: Vec<&String> = roskilde
            .files
            .keys()
            .filter(|f| {
                f.strip_prefix("static/")
                    .and_then(|f| f.strip_prefix(name))
                    .and_then(|f| f.strip_prefix('.'))
                    .and_then(|f| f.strip_suffix(".css"))
                    .is_some_and(|hash| {
                        hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit())
                    })
            })
            .collect();
        assert_eq!(
            found.len(),
            1,
            "static/{name}.<hash>.css: {:?}",
            roskilde.files.keys().collect::<Vec<_>>()
        );
    }
    // A page links one stylesheet: the theme's, the site's colour, and the print rules.
    let doc = page(roskilde, "om/index.html");
    let sheets = attrs(&doc, r#"link[rel="stylesheet"]"#, "href");
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    let file = resolve("om/", &sheets[0]);
    let css = roskilde
        .text(&file)
        .unwrap_or_else(|| panic!("{} → {file} is not in the site", sheets[0]));
    assert!(file.starts_with("static/style."), "{file}");
    let colour = css.find(":root{--primary:").expect("the site's colour");
    let print = css.find("@media print{").expect("the print rules");
    assert!(css
        .find(".site-header")
        .is_some_and(|theme| theme < colour && colour < print));
    assert!(css[print..].contains("@page"), "{}", &css[print..]);
}

#[test]
fn sitemap_lists_absolute_urls_from_the_base_url() {
    let project = Project::fixture("output/sitemap");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let xml = roskilde.text("sitemap.xml").expect("no sitemap.xml");

    let urls = locs(xml);
    for expected in [
        "https://roskilde.example.dk/",
        "https://roskilde.example.dk/om/",
        "https://roskilde.example.dk/kurser/",
    ] {
        assert!(urls.contains(&expected), "{expected} is missing: {urls:?}");
    }
    assert!(
        urls.iter()
            .all(|u| u.starts_with("https://roskilde.example.dk/")),
        "{urls:?}"
    );
    // Every page of the site is listed, and nothing else (the `was/` redirect is not a page).
    let mut pages: Vec<String> = html_files(roskilde)
        .iter()
        .filter(|f| **f != "was/index.html")
        .map(|f| format!("https://roskilde.example.dk/{}", site_path(f)))
        .collect();
    pages.sort();
    let mut listed: Vec<String> = urls.iter().map(|u| u.to_string()).collect();
    listed.sort();
    assert_eq!(listed, pages);
    assert!(xml.contains("<lastmod>2027-01-15</lastmod>"), "{xml}");

    let doc = page(roskilde, "om/index.html");
    assert_eq!(
        attrs(&doc, r#"link[rel="canonical"]"#, "href"),
        ["https://roskilde.example.dk/om/"]
    );
}

#[test]
fn robots_txt_names_the_sitemap() {
    let project = Project::fixture("output/sitemap");
    let outcome = project.build_ok();
    let robots = site(&outcome, "roskilde")
        .text("robots.txt")
        .expect("no robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l == "Sitemap: https://roskilde.example.dk/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn base_url_option_replaces_the_sites_base_url() {
    let project = Project::fixture("output/sitemap");
    let mut opts = project.options();
    opts.base_url = Some("http://localhost:8080/forhaandsvisning".into());
    let outcome = ok(project.build_with(&opts));
    let roskilde = site(&outcome, "roskilde");

    let urls = locs(roskilde.text("sitemap.xml").unwrap());
    assert!(
        urls.contains(&"http://localhost:8080/forhaandsvisning/om/"),
        "{urls:?}"
    );
    assert!(
        urls.iter()
            .all(|u| u.starts_with("http://localhost:8080/forhaandsvisning/")),
        "{urls:?}"
    );
    let robots = roskilde.text("robots.txt").unwrap();
    assert!(
        robots.contains("Sitemap: http://localhost:8080/forhaandsvisning/sitemap.xml"),
        "{robots}"
    );
    let doc = page(roskilde, "om/index.html");
    assert_eq!(
        attrs(&doc, r#"link[rel="canonical"]"#, "href"),
        ["http://localhost:8080/forhaandsvisning/om/"]
    );
}

#[test]
fn the_binary_writes_sites_with_base_url_and_out() {
    let project = Project::fixture("output/sitemap");
    let out = project.path("udgivet");
    let output = project.run_build(&[
        "--out",
        out.to_str().unwrap(),
        "--base-url",
        "https://test.example.dk/",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let sitemap = std::fs::read_to_string(out.join("roskilde/sitemap.xml")).unwrap();
    assert!(
        locs(&sitemap).contains(&"https://test.example.dk/om/"),
        "{sitemap}"
    );
    assert!(out.join("roskilde/om/index.html").is_file());
    assert!(!project.path("public").exists(), "--out was not used");
}

#[test]
fn was_redirects_to_the_accessibility_statement_and_is_not_in_the_sitemap() {
    let project = Project::fixture("rendering/page");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let doc = page(roskilde, "was/index.html");
    let refresh = attrs(&doc, r#"meta[http-equiv="refresh"]"#, "content");
    let statement = attrs(&page(roskilde, "om/index.html"), "footer a", "href")
        .into_iter()
        .find(|h| h.starts_with("https://"))
        .expect("no footer link to the accessibility statement");
    assert_eq!(refresh, [format!("0; url={statement}")]);
    assert_eq!(attrs(&doc, "main a", "href"), [statement]);
    assert!(!roskilde.text("sitemap.xml").unwrap().contains("/was/"));
}

#[test]
fn a_site_without_accessibility_statement_builds_with_a_warning_naming_its_file() {
    let project = Project::fixture("rendering/page");
    let config = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    let without: String = config
        .lines()
        .filter(|l| !l.starts_with("accessibility_statement"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(
        config, without,
        "the fixture should have a statement to remove"
    );
    project.write("content/roskilde/_site.yaml", without.as_bytes());
    let outcome = project.build();
    assert_eq!(outcome.errors(), 0, "{:?}", outcome.diagnostics);
    let warning = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "site.accessibility-statement")
        .expect("no warning about the missing accessibility statement");
    assert_eq!(warning.severity, vejviser::Severity::Warning);
    assert_eq!(
        warning.file,
        std::path::Path::new("content/roskilde/_site.yaml")
    );
    assert!(site(&outcome, "roskilde").text("was/index.html").is_none());
}
