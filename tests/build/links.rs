//! Markdown links to `.md` files become links to the target page's URL, relative to the page;
//! slugs and heading ids transliterate Danish letters.

use scraper::Html;
use vejviser::messages::Language::Da;

use crate::common::*;

/// The links of a page body, as (text, target site path) resolved against the page's path.
fn body_links(doc: &Html, from: &str) -> Vec<(String, String)> {
    doc.select(&sel("main p a[href]"))
        .map(|a| (text(a), resolve(from, a.value().attr("href").unwrap())))
        .collect()
}

fn target<'a>(links: &'a [(String, String)], link_text: &str) -> &'a str {
    links
        .iter()
        .find(|(t, _)| t == link_text)
        .map(|(_, target)| target.as_str())
        .unwrap_or_else(|| panic!("no link {link_text:?}; the links are {links:?}"))
}

#[test]
fn links_to_md_files_point_at_the_target_pages_folder() {
    let project = Project::fixture("links/rewrite");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let from = "manualer/abc/sessioner/uge-01/";
    let doc = page(roskilde, &format!("{from}index.html"));
    let links = body_links(&doc, from);

    assert_eq!(
        target(&links, "Mit netværk"),
        "manualer/abc/ovelser/mit-netvaerk/"
    );
    // The `01-` prefix of the chapter's file name is not part of its URL; the anchor is kept.
    assert_eq!(
        target(&links, "Gruppens aftaler"),
        "manualer/abc/om-metoden/#gruppens-aftaler"
    );
    for (_, to) in &links {
        let file = format!("{}index.html", to.split('#').next().unwrap());
        assert!(
            roskilde.text(&file).is_some(),
            "the link to {to} leads to no page"
        );
    }
    // Relative, so the site works from any base URL and from disk.
    for href in attrs(&doc, "main p a[href]", "href") {
        assert!(href.starts_with("../"), "{href}");
        assert!(!href.contains(".md"), "{href}");
    }
}

#[test]
fn an_anchor_is_kept_and_names_a_heading_of_the_target() {
    let project = Project::fixture("links/rewrite");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let from = "manualer/abc/sessioner/uge-01/";
    let links = body_links(&page(roskilde, &format!("{from}index.html")), from);

    let to = target(&links, "hvordan øvelsen bruges");
    assert_eq!(to, "manualer/abc/ovelser/mit-netvaerk/#saadan-goer-du");
    let sheet = page(roskilde, "manualer/abc/ovelser/mit-netvaerk/index.html");
    let heading = one(&sheet, "#saadan-goer-du");
    assert_eq!(text(heading), "Sådan gør du");
}

#[test]
fn a_local_page_links_to_a_shared_page_and_a_manual_to_its_chapter() {
    let project = Project::fixture("links/rewrite");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");

    let links = body_links(&page(roskilde, "om/index.html"), "om/");
    assert_eq!(
        target(&links, "den første session"),
        "manualer/abc/sessioner/uge-01/"
    );
    let links = body_links(&page(roskilde, "manualer/abc/index.html"), "manualer/abc/");
    assert_eq!(target(&links, "Om metoden"), "manualer/abc/om-metoden/");
}

#[test]
fn danish_letters_in_file_names_are_transliterated() {
    let project = Project::fixture("links/slugs");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");

    let doc = page(roskilde, "kurser/skrivevaerksted-foraar/index.html");
    assert_eq!(texts(&doc, "h1"), ["Skriveværksted forår"]);
    let odd: Vec<&String> = roskilde.files.keys().filter(|f| !f.is_ascii()).collect();
    assert!(
        odd.is_empty(),
        "output paths with non-ASCII letters: {odd:?}"
    );
    // A link to the file by its Danish name reaches the transliterated URL.
    let links = body_links(&page(roskilde, "om/index.html"), "om/");
    assert_eq!(
        target(&links, "Skriveværksted forår"),
        "kurser/skrivevaerksted-foraar/"
    );
}

#[test]
fn heading_ids_are_danish_slugs_and_unique() {
    let project = Project::fixture("links/slugs");
    let outcome = project.build_ok();
    let doc = page(site(&outcome, "roskilde"), "om/index.html");

    let ids = attrs(&doc, "main h2[id]", "id");
    assert_eq!(
        ids,
        [
            "hvad-faar-du-ud-af-det",
            "oevelser-i-gruppen",
            "oevelser-i-gruppen-1"
        ]
    );
    let links = body_links(&doc, "om/");
    assert_eq!(target(&links, "øvelserne"), "om/#oevelser-i-gruppen");
}

#[test]
fn a_link_out_of_the_site_names_the_link_that_works() {
    // A municipality's page meaning a shared page writes `../praktisk.md` (as if the folders
    // were apart); the error says what to write instead, placed on the link.
    let project = Project::fixture("check/clean");
    project.write(
        "content/_shared/praktisk.md",
        b"---\ntitle: Praktisk\n---\nOm tilmelding.\n",
    );
    let cases = [
        ("content/roskilde/om.md", "../praktisk.md", "`praktisk.md`"),
        (
            "content/roskilde/om.md",
            "../_shared/praktisk.md",
            "`praktisk.md`",
        ),
        (
            "content/roskilde/kurser/skrivevaerksted.md",
            "../../praktisk.md",
            "`../praktisk.md`",
        ),
        (
            "content/roskilde/om.md",
            "../../findes-ikke.md",
            "regnet fra denne fil",
        ),
    ];
    for (file, link, hint) in cases {
        let original = std::fs::read_to_string(project.path(file)).unwrap();
        project.write(
            file,
            format!("{original}\nLæs [det praktiske]({link}).\n").as_bytes(),
        );
        let outcome = project.build();
        let d = the_error(&outcome);
        assert_eq!(d.file, std::path::Path::new(file));
        assert!(d.text(Da).contains(link), "{d}");
        assert!(d.text(Da).contains("fører uden for sitets mappe"), "{d}");
        assert!(
            d.hint_text(Da).as_deref().unwrap_or("").contains(hint),
            "{link}: {d}"
        );
        assert_eq!(d.line, original.lines().count() + 2, "{d}");
        project.write(file, original.as_bytes());
    }
    // Written the way the hint says, the link works.
    let file = "content/roskilde/om.md";
    let original = std::fs::read_to_string(project.path(file)).unwrap();
    project.write(
        file,
        format!("{original}\nLæs [det praktiske](praktisk.md).\n").as_bytes(),
    );
    project.build_ok();
}
