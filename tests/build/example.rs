//! Smoke test: the repository's own example project builds, every municipality without errors,
//! and each has every kind of page.

use crate::common::*;

#[test]
fn the_example_project_builds_every_municipality_with_every_kind_of_page() {
    let project = Project::repository_example();
    let outcome = project.build_ok();

    let mut slugs: Vec<String> = std::fs::read_dir(project.path("content"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with(['_', '.']))
        .collect();
    slugs.sort();
    let mut built: Vec<String> = outcome.sites.iter().map(|s| s.slug.clone()).collect();
    built.sort();
    assert_eq!(built, slugs);
    assert!(slugs.len() >= 3, "{slugs:?}");

    for slug in &slugs {
        let site = site(&outcome, slug);
        let pages = html_files(site);
        let has = |what: &str, test: &dyn Fn(&[&str]) -> bool| {
            assert!(
                pages
                    .iter()
                    .any(|p| test(&p.split('/').collect::<Vec<_>>())),
                "{slug} has no {what}: {pages:?}"
            );
        };
        for generated in [
            "index.html",
            "kurser/index.html",
            "manualer/index.html",
            "sog/index.html",
        ] {
            assert!(
                site.files.contains_key(generated),
                "{slug} has no {generated}"
            );
        }
        for file in ["sitemap.xml", "robots.txt"] {
            assert!(site.files.contains_key(file), "{slug} has no {file}");
        }
        has("course", &|p| matches!(p, ["kurser", _, "index.html"]));
        has("manual", &|p| matches!(p, ["manualer", _, "index.html"]));
        has(
            "chapter",
            &|p| matches!(p, ["manualer", _, c, "index.html"] if *c != "sessioner" && *c != "ovelser"),
        );
        has("session plan", &|p| {
            matches!(p, ["manualer", _, "sessioner", _, "index.html"])
        });
        has("exercise sheet", &|p| {
            matches!(p, ["manualer", _, "ovelser", _, "index.html"])
        });
        has(
            "plain page",
            &|p| matches!(p, [page, "index.html"] if !["kurser", "manualer", "sog"].contains(page)),
        );
        for file in pages {
            let doc = page(site, file);
            assert_eq!(
                doc.select(&sel("h1")).count(),
                1,
                "{slug}/{file}: {:?}",
                texts(&doc, "h1")
            );
        }
    }
}
