//! Every page a citizen needs is reachable: the site's menu (its top-level plain pages, or
//! `menu:` in `_site.yaml`) in the header — one list, behind a Menu button on small screens —
//! and in the footer; the front page's introduction and the logo;
//! and `check` warns about a plain page nothing leads to.

use crate::common::*;
use vejviser::messages::Language::Da;

/// The (text, href) of the links in `selector` of a page.
fn links(site: &vejviser::SiteFiles, path: &str, selector: &str) -> Vec<(String, String)> {
    page(site, path)
        .select(&sel(selector))
        .map(|a| (text(a), a.value().attr("href").unwrap_or("").to_string()))
        .collect()
}

fn pair(text: &str, href: &str) -> (String, String) {
    (text.to_string(), href.to_string())
}

#[test]
fn by_default_the_menu_holds_the_sites_top_level_pages_everywhere() {
    let project = Project::fixture("check/clean");
    project.write(
        "content/_shared/praktisk.md",
        b"---\ntitle: Praktisk\norder: 2\n---\nOm tilmelding.\n",
    );
    project.write(
        "content/roskilde/sider/dybt.md",
        b"---\ntitle: En side dybere nede\n---\nTekst.\n",
    );
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    // Pages with an `order` first, then the others by title; a page in a folder is not in it.
    let expected = vec![
        pair("Kurser", "kurser/"),
        pair("Manualer", "manualer/"),
        pair("Praktisk", "praktisk/"),
        pair("Om os", "om/"),
        pair("Søg", "sog/"),
    ];
    // Each link as the site path it leads to, resolved from the page it is on.
    let from_root = |path: &str, selector: &str| -> Vec<(String, String)> {
        links(roskilde, path, selector)
            .into_iter()
            .map(|(t, h)| (t, resolve(site_path(path), &h)))
            .collect()
    };
    for path in [
        "index.html",
        "om/index.html",
        "kurser/skrivevaerksted/index.html",
    ] {
        // One list, once: behind the Menu button on small screens, shown as it is on wide ones.
        assert_eq!(
            from_root(path, ".site-nav details.nav-menu > ul a"),
            expected,
            "{path}"
        );
        assert_eq!(
            from_root(path, ".site-nav a").len(),
            expected.len(),
            "{path}"
        );
        let footer = from_root(path, ".site-footer nav.footer-menu a");
        assert_eq!(footer, expected[2..4].to_vec(), "{path}");
    }
    let doc = page(roskilde, "om/index.html");
    let summary = doc
        .select(&sel("details.nav-menu > summary"))
        .next()
        .unwrap();
    assert_eq!(text(summary), "Menu");
    let current: Vec<String> = doc
        .select(&sel(".nav-menu a[aria-current=page]"))
        .map(text)
        .collect();
    assert_eq!(current, ["Om os"]);
    // The shortest links: from a page in `om/`, the site's root is one folder up.
    assert_eq!(
        links(roskilde, "om/index.html", ".nav-menu a")
            .into_iter()
            .map(|(_, h)| h)
            .collect::<Vec<_>>(),
        [
            "../kurser/",
            "../manualer/",
            "../praktisk/",
            "./",
            "../sog/"
        ]
    );
}

#[test]
fn a_menu_in_site_yaml_names_pages_and_addresses() {
    let project = Project::fixture("check/clean");
    let yaml = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    project.write(
        "content/roskilde/_site.yaml",
        format!(
            "{yaml}\nmenu:\n  - {{ label: Kommunen, url: https://www.roskilde.example.dk/ }}\n  - {{ label: Hvem er vi, page: om.md }}\n"
        )
        .as_bytes(),
    );
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let header = links(roskilde, "index.html", ".nav-menu a");
    assert_eq!(
        header[2..4].to_vec(),
        [
            pair("Kommunen", "https://www.roskilde.example.dk/"),
            pair("Hvem er vi", "om/")
        ]
    );
}

#[test]
fn a_menu_that_names_no_page_of_the_site_is_an_error_at_the_menu() {
    let project = Project::fixture("check/clean");
    let yaml = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    let line = yaml.lines().count() + 2;
    project.write(
        "content/roskilde/_site.yaml",
        format!("{yaml}\nmenu:\n  - {{ label: Om os, page: om-os.md }}\n").as_bytes(),
    );
    let outcome = project.build();
    let d = the_error(&outcome);
    assert_eq!(d.code, "site.menu");
    assert_eq!(d.file, std::path::Path::new("content/roskilde/_site.yaml"));
    assert_eq!(d.line, line, "{d}");
    assert!(d.text(Da).contains("`om-os.md`"), "{d}");
    assert_eq!(
        d.hint_text(Da).as_deref(),
        Some(
            "Mente du `om.md`? (sider skrives, som man skriver links, regnet fra kommunens mappe)"
        )
    );

    // An entry with both a page and an address, or neither, is refused when _site.yaml is read.
    project.write(
        "content/roskilde/_site.yaml",
        format!("{yaml}\nmenu:\n  - {{ label: Om os }}\n").as_bytes(),
    );
    let outcome = project.build();
    let d = outcome.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(d.code, "site.menu");
    assert!(d.text(Da).contains("skal have enten `page`"), "{d}");
}

#[test]
fn check_warns_about_a_plain_page_nothing_leads_to() {
    let project = Project::fixture("check/clean");
    project.write(
        "content/roskilde/sider/gemt.md",
        b"---\ntitle: Gemt side\n---\nHer kommer ingen. [Mig selv](gemt.md).\n",
    );
    let warnings = |project: &Project| -> Vec<String> {
        vejviser::check::run(&project.options())
            .unwrap()
            .into_iter()
            .filter(|d| d.code == "site.unreachable-page")
            .map(|d| format!("{} {}", d.file.display(), d.text(Da)))
            .collect()
    };
    let found = warnings(&project);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/roskilde/sider/gemt.md"),
        "{found:?}"
    );
    assert!(found[0].contains("/sider/gemt/"), "{found:?}");

    // A link from another page leads to it.
    let om = std::fs::read_to_string(project.path("content/roskilde/om.md")).unwrap();
    project.write(
        "content/roskilde/om.md",
        format!("{om}\nSe også [den gemte side](sider/gemt.md).\n").as_bytes(),
    );
    assert_eq!(warnings(&project), Vec::<String>::new());

    // A menu of its own that leaves out the top-level page makes that one unreachable (the page
    // it links to is still reached through it).
    let yaml = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    project.write(
        "content/roskilde/_site.yaml",
        format!("{yaml}\nmenu:\n  - {{ label: Kommunen, url: https://roskilde.example.dk/ }}\n")
            .as_bytes(),
    );
    let found = warnings(&project);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("content/roskilde/om.md"), "{found:?}");
}

#[test]
fn the_front_page_has_its_introduction_and_the_logo() {
    let project = Project::fixture("check/clean");
    project.write(
        "content/roskilde/_index.md",
        b"---\ntitle: Kurser for dig\n---\nHer finder du gratis gruppeforl\xc3\xb8b.\n",
    );
    project.write(
        "content/roskilde/logo.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
    );
    let yaml = std::fs::read_to_string(project.path("content/roskilde/_site.yaml")).unwrap();
    project.write(
        "content/roskilde/_site.yaml",
        format!("{yaml}\nlogo: logo.svg\n").as_bytes(),
    );
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let doc = page(roskilde, "index.html");
    let intro = doc
        .select(&sel("main .intro"))
        .next()
        .expect("no introduction");
    assert!(text(intro).contains("Her finder du gratis gruppeforløb."));
    let logo = doc
        .select(&sel(".site-name img.site-logo"))
        .next()
        .expect("no logo");
    assert_eq!(logo.value().attr("alt"), Some("Roskilde Kommune"));
    let src = logo.value().attr("src").unwrap();
    assert!(
        roskilde.files.contains_key(src.trim_start_matches("./")),
        "{src}"
    );
}

/// The site's contacts stand in the footer of the pages citizens read; a manual's pages link to
/// those of the front page instead of carrying them.
#[test]
fn citizens_pages_show_the_contacts_and_manual_pages_link_to_them() {
    let project = Project::fixture("check/clean");
    project.write(
        "content/_shared/manualer/abc/01-forord.md",
        b"---\ntitle: Forord\n---\nTekst.\n",
    );
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    for path in ["index.html", "om/index.html", "kurser/index.html"] {
        let doc = page(roskilde, path);
        assert_eq!(
            texts(&doc, "footer .footer-contacts .contact-name"),
            ["Sundhedscentret"],
            "{path}"
        );
        assert_eq!(
            texts(&doc, "footer h2#sidens-kontakter"),
            ["Kontakt os"],
            "{path}"
        );
    }
    for path in ["manualer/abc/index.html", "manualer/abc/forord/index.html"] {
        let doc = page(roskilde, path);
        assert!(
            doc.select(&sel("footer .footer-contacts")).next().is_none(),
            "{path}"
        );
        let (label, href) = links(roskilde, path, "footer .footer-links a")
            .into_iter()
            .next()
            .expect("a link to the contacts");
        assert_eq!(
            (label, resolve(site_path(path), &href)),
            pair("Kontakt os", "#sidens-kontakter"),
            "{path}"
        );
    }
}
