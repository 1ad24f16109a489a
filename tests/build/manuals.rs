//! Manuals for facilitators: the order of their chapters (`order:`, a `01-` file-name prefix, or a
//! `SUMMARY.md` in mdBook's format), an mdBook book dropped in as it is, session plans checked
//! against their manual, the sessions an exercise sheet is used in, a site's own version of a
//! chapter or session, which manuals a site takes, and the whole manual on one page for print.
//! One small fixture per idea under `tests/fixtures/manuals/`.

use std::collections::HashSet;
use vejviser::messages::Language::Da;

use scraper::Html;
use vejviser::{BuildOutcome, Diagnostic, SiteFiles};

use crate::common::*;

// ---------------------------------------------------------------------------------------------
// Helpers

/// Fails unless the build reported nothing at all, not even a warning.
pub(crate) fn assert_clean(outcome: &BuildOutcome) {
    assert!(
        outcome.diagnostics.is_empty(),
        "expected no diagnostics, the build reported:\n{}",
        report(outcome)
    );
}

/// The one diagnostic of the build: it must have `code`, and be an error or a warning as asked.
pub(crate) fn the_only<'a>(outcome: &'a BuildOutcome, code: &str, error: bool) -> &'a Diagnostic {
    assert_eq!(
        outcome.diagnostics.len(),
        1,
        "expected exactly one diagnostic ({code}), the build reported:\n{}",
        report(outcome)
    );
    let d = &outcome.diagnostics[0];
    assert_eq!(d.code, code, "{d}");
    assert_eq!(d.is_error(), error, "wrong severity: {d}");
    d
}

pub(crate) fn assert_place(d: &Diagnostic, file: &str, line: usize, column: Option<usize>) {
    assert_eq!(d.file, std::path::Path::new(file), "file of {d}");
    assert_eq!(d.line, line, "line of {d}");
    if let Some(column) = column {
        assert_eq!(d.column, column, "column of {d}");
    }
}

pub(crate) fn hint(d: &Diagnostic) -> String {
    d.hint_text(Da).unwrap_or_else(|| panic!("no hint: {d}"))
}

/// Runs the binary and checks its exit code and that stderr names `place` and `code`.
pub(crate) fn assert_cli(project: &Project, exit: i32, place: &str, code: &str) {
    let output = project.run_build(&[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(exit), "stderr:\n{err}");
    assert!(err.contains(place), "stderr does not name {place}:\n{err}");
    assert!(err.contains(code), "stderr does not show {code}:\n{err}");
}

/// The items of a manual's table of contents inside `container` (`nav.manual-toc` beside a
/// chapter, `section.manual-chapters` on the manual's front page), written so a whole list reads
/// in one assertion: a chapter as its text (`1.1. De tre faser`), a part title as `# Del 1`, a
/// draft as `draft: 2. Titel (kommer senere)`, a separator as `---`.
pub(crate) fn toc(doc: &Html, container: &str) -> Vec<String> {
    doc.select(&sel(&format!("{container} ol.contents-list > li")))
        .map(|li| {
            let classes: Vec<&str> = li.value().classes().collect();
            if classes.contains(&"toc-part") {
                format!("# {}", text(li))
            } else if classes.contains(&"toc-separator") {
                assert_eq!(text(li), "", "a separator has no text");
                "---".to_string()
            } else if classes.contains(&"toc-draft") {
                assert!(
                    li.select(&sel("a")).next().is_none(),
                    "a draft chapter has no link: {}",
                    li.html()
                );
                format!("draft: {}", text(li))
            } else {
                text(li)
            }
        })
        .collect()
}

/// The site paths the links of a table of contents point to, from the page at `from`.
pub(crate) fn toc_targets(doc: &Html, container: &str, from: &str) -> Vec<String> {
    attrs(doc, &format!("{container} ol.contents-list a"), "href")
        .iter()
        .map(|h| resolve(from, h))
        .collect()
}

/// The site path the one `a[rel=…]` of a page points to, if it has one.
pub(crate) fn pager(doc: &Html, rel: &str, from: &str) -> Option<String> {
    let hrefs = attrs(doc, &format!(r#"a[rel="{rel}"]"#), "href");
    assert!(hrefs.len() <= 1, "several rel={rel} links: {hrefs:?}");
    hrefs.first().map(|h| resolve(from, h))
}

/// Walks a manual's chapters by their "next" links from `first`, checking on the way that each
/// "previous" link points back and that the contents mark the current chapter (and only it) with
/// `aria-current="page"`. Returns the chapters in reading order.
pub(crate) fn reading_order(site: &SiteFiles, first: &str) -> Vec<String> {
    let mut order = vec![first.to_string()];
    let mut previous: Option<String> = None;
    loop {
        let here = order.last().unwrap().clone();
        let doc = page(site, &format!("{here}index.html"));
        assert_eq!(
            pager(&doc, "prev", &here),
            previous,
            "the previous link of /{here}"
        );
        let current: Vec<String> = attrs(&doc, r#"nav.manual-toc a[aria-current="page"]"#, "href")
            .iter()
            .map(|h| resolve(&here, h))
            .collect();
        assert_eq!(
            current,
            std::slice::from_ref(&here),
            "aria-current on /{here}"
        );
        match pager(&doc, "next", &here) {
            Some(next) => {
                assert!(
                    !order.contains(&next),
                    "the next links go round in a circle: {order:?} → {next}"
                );
                previous = Some(here);
                order.push(next);
            }
            None => return order,
        }
    }
}

/// Prefixes every path with the manual's folder.
pub(crate) fn under(manual: &str, paths: &[&str]) -> Vec<String> {
    paths.iter().map(|p| format!("{manual}{p}")).collect()
}

/// Checks that a link found on the page at `from` arrives: the target page exists and, when the
/// link has a fragment, has exactly one element with that id. Returns the resolved site path.
pub(crate) fn assert_arrives(site: &SiteFiles, from: &str, href: &str) -> String {
    let to = resolve(from, href);
    let (path, fragment) = match to.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (to.as_str(), None),
    };
    let doc = page(site, &format!("{path}index.html"));
    if let Some(id) = fragment {
        let found = doc.select(&sel(&format!(r#"[id="{id}"]"#))).count();
        assert_eq!(
            found, 1,
            "{href:?} on /{from} → /{to}: the page has {found} elements with that id"
        );
    }
    to
}

/// The `(text, href)` of the links inside `css`.
pub(crate) fn links_in(doc: &Html, css: &str) -> Vec<(String, String)> {
    doc.select(&sel(&format!("{css} a[href]")))
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect()
}

/// The whole-manual page of the manual at `manual` (`manualer/abc/`), checked for what every such
/// page must hold: one `<h1>`, no id twice, and a target for every in-page link.
pub(crate) fn print_page(site: &SiteFiles, manual: &str) -> Html {
    let from = format!("{manual}print/");
    let doc = page(site, &format!("{from}index.html"));
    let h1 = texts(&doc, "h1");
    assert_eq!(h1.len(), 1, "/{from} has {} h1: {h1:?}", h1.len());
    let mut ids = HashSet::new();
    for id in attrs(&doc, "[id]", "id") {
        assert!(
            ids.insert(id.clone()),
            "the id {id} is used twice on /{from}"
        );
    }
    for href in attrs(&doc, "a[href]", "href") {
        if let Some(id) = href.strip_prefix('#') {
            assert!(ids.contains(id), "{href} has no target on /{from}");
        }
    }
    doc
}

// ---------------------------------------------------------------------------------------------
// Chapter order

pub(crate) const ABC: &str = "manualer/abc/";

#[test]
fn the_order_field_orders_chapters_before_prefixes_and_titles() {
    let project = Project::fixture("manuals/order-field");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");

    // `01-afslutning.md` has `order: 3`: the field wins over the prefix. A chapter without
    // `order` comes after those with one.
    let expected = ["Velkommen", "Om metoden", "Afslutning", "Bilag: Skabeloner"];
    let paths = under(ABC, &["velkommen/", "om-metoden/", "afslutning/", "bilag/"]);
    let from = "manualer/abc/om-metoden/";
    let doc = page(roskilde, &format!("{from}index.html"));
    assert_eq!(toc(&doc, "nav.manual-toc"), expected);
    assert_eq!(toc_targets(&doc, "nav.manual-toc", from), paths);
    assert!(
        texts(&doc, "nav.manual-toc .toc-number").is_empty(),
        "chapters are numbered only by a SUMMARY.md"
    );

    let front = page(roskilde, "manualer/abc/index.html");
    assert_eq!(toc(&front, "section.manual-chapters"), expected);
    assert_eq!(toc_targets(&front, "section.manual-chapters", ABC), paths);
    assert_eq!(reading_order(roskilde, &paths[0]), paths);
}

#[test]
fn a_file_name_prefix_orders_chapters_by_its_number() {
    let project = Project::fixture("manuals/order-prefix");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");

    // 1-, 2-, 10- by number (not as text, where 10 would come before 2); the chapters without
    // a prefix after them, by title; the prefix is not part of the URL.
    let expected = [
        "Velkommen",
        "Om metoden",
        "Afslutning",
        "Bilag: Skabeloner",
        "Ordliste",
    ];
    let paths = under(
        ABC,
        &[
            "velkommen/",
            "om-metoden/",
            "afslutning/",
            "bilag/",
            "ordliste/",
        ],
    );
    let from = "manualer/abc/afslutning/";
    let doc = page(roskilde, &format!("{from}index.html"));
    assert_eq!(toc(&doc, "nav.manual-toc"), expected);
    assert_eq!(toc_targets(&doc, "nav.manual-toc", from), paths);

    let front = page(roskilde, "manualer/abc/index.html");
    assert_eq!(toc(&front, "section.manual-chapters"), expected);
    assert_eq!(reading_order(roskilde, &paths[0]), paths);
}

#[test]
fn a_summary_gives_order_numbers_parts_drafts_and_separators() {
    let project = Project::fixture("manuals/summary");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");

    let expected = [
        "Forord",
        "# Del 1: Metoden",
        "1. Om metoden",
        "1.1. De tre faser",
        "1.2. Roller i gruppen",
        "draft: 2. Samtaler undervejs (kommer senere)",
        "# Del 2: Ud i byen",
        "3. Aktiviteter i byen",
        "---",
        "Efterskrift",
    ];
    // The draft has no page; `efterskrift.md` says `order: 1`, but SUMMARY.md decides.
    let paths = under(
        ABC,
        &[
            "forord/",
            "metoden/om-metoden/",
            "metoden/faser/",
            "metoden/roller/",
            "aktiviteter/",
            "efterskrift/",
        ],
    );
    let from = "manualer/abc/metoden/faser/";
    let doc = page(roskilde, &format!("{from}index.html"));
    assert_eq!(toc(&doc, "nav.manual-toc"), expected);
    assert_eq!(
        texts(&doc, "nav.manual-toc span.toc-number"),
        ["1.", "1.1.", "1.2.", "2.", "3."]
    );
    assert_eq!(
        texts(&doc, "nav.manual-toc li.toc-part"),
        ["Del 1: Metoden", "Del 2: Ud i byen"]
    );
    assert_eq!(
        doc.select(&sel("nav.manual-toc li.toc-separator")).count(),
        1
    );
    assert_eq!(
        texts(&doc, "nav.manual-toc li.toc-draft"),
        ["2. Samtaler undervejs (kommer senere)"]
    );
    assert_eq!(toc_targets(&doc, "nav.manual-toc", from), paths);

    let front = page(roskilde, "manualer/abc/index.html");
    assert_eq!(toc(&front, "section.manual-chapters"), expected);
    assert_eq!(toc_targets(&front, "section.manual-chapters", ABC), paths);

    // Previous and next follow the SUMMARY, across parts and nesting, past the draft.
    assert_eq!(reading_order(roskilde, &paths[0]), paths);
    assert!(
        roskilde.text("manualer/abc/summary/index.html").is_none(),
        "SUMMARY.md is the contents, not a page"
    );
}

// ---------------------------------------------------------------------------------------------
// An mdBook book

#[test]
fn an_mdbook_book_with_only_an_index_added_builds_and_keeps_its_links() {
    let project = Project::fixture("manuals/mdbook");
    let outcome = project.build();
    assert_clean(&outcome);
    let roskilde = site(&outcome, "roskilde");
    let m = "manualer/peer-gruppe/";

    // No front matter anywhere: the title is the chapter's first heading (the README's
    // `# Forord`, not SUMMARY's "Indledning"); a chapter without a heading takes its SUMMARY title.
    let chapters = [
        ("readme/", "Forord"),
        ("grundlag/om-peer-grupper/", "Om peer-grupper"),
        ("grundlag/haab/", "Håb og selvbestemmelse"),
        ("praksis/moedet/", "Det ugentlige møde"),
        ("praksis/foelgeskab/", "Følgeskab"),
        ("ordliste/", "Ordliste"),
    ];
    for (path, title) in chapters {
        let doc = page(roskilde, &format!("{m}{path}index.html"));
        assert_eq!(texts(&doc, "h1"), [title], "/{m}{path}");
        assert!(
            texts(&doc, "title")[0].starts_with(title),
            "/{m}{path}: {:?}",
            texts(&doc, "title")
        );
    }
    let paths: Vec<String> = chapters.iter().map(|(p, _)| format!("{m}{p}")).collect();
    let doc = page(roskilde, &format!("{m}grundlag/haab/index.html"));
    assert_eq!(
        texts(&doc, "nav.manual-toc span.toc-number"),
        ["1.", "1.1.", "2.", "2.1.", "3."]
    );
    assert_eq!(
        toc_targets(&doc, "nav.manual-toc", &format!("{m}grundlag/haab/")),
        paths
    );
    assert_eq!(reading_order(roskilde, &paths[0]), paths);

    // Links written for mdBook (`#øvelser-i-gruppen`, `#skabelon_mødeplan`, percent-encoded
    // `#h%C3%A5b-…`) arrive at our Danish-slug ids.
    let mut arrived = Vec::new();
    for (path, _) in chapters {
        let from = format!("{m}{path}");
        let doc = page(roskilde, &format!("{from}index.html"));
        for (_, href) in links_in(&doc, "article.chapter") {
            arrived.push(assert_arrives(roskilde, &from, &href));
        }
    }
    let front = page(roskilde, &format!("{m}index.html"));
    for (_, href) in links_in(&front, "div.manual-body") {
        arrived.push(assert_arrives(roskilde, m, &href));
    }
    arrived.sort();
    assert_eq!(
        arrived,
        under(
            m,
            &[
                "grundlag/haab/#haab-i-hverdagen",
                "grundlag/om-peer-grupper/",
                "grundlag/om-peer-grupper/#oevelser-i-gruppen",
                "praksis/foelgeskab/",
                "praksis/moedet/#moedets-faste-punkter",
                "praksis/moedet/#skabelon-moedeplan",
                "readme/",
            ]
        )
    );

    // The image in images/ keeps its alt text and is published.
    let from = format!("{m}grundlag/haab/");
    let doc = page(roskilde, &format!("{from}index.html"));
    let img = one(&doc, "article.chapter img");
    assert_eq!(
        img.value().attr("alt"),
        Some("Seks stole i en rundkreds i et mødelokale")
    );
    let src = resolve(&from, img.value().attr("src").unwrap());
    assert!(
        roskilde.files.contains_key(&src),
        "the image {src} is not in the site"
    );

    // A GitHub alert in a chapter becomes a labelled box.
    let doc = page(roskilde, &format!("{m}praksis/foelgeskab/index.html"));
    let note = one(
        &doc,
        r#"article.chapter div.callout.callout-note[role="note"]"#,
    );
    let title: Vec<String> = note.select(&sel("p.callout-title")).map(text).collect();
    assert_eq!(title, ["Note til facilitator"]);
    assert!(text(note).contains("Aftal følgeskabet ved det sidste møde"));

    // The in-page contents list the chapter's own headings, not its title.
    let from = format!("{m}praksis/moedet/");
    let doc = page(roskilde, &format!("{from}index.html"));
    assert_eq!(
        texts(&doc, "nav.page-toc a"),
        ["Mødets faste punkter", "Skabelon_mødeplan"]
    );
    for href in attrs(&doc, "nav.page-toc a", "href") {
        assert_arrives(roskilde, &from, &href);
    }

    assert!(
        !roskilde.files.keys().any(|f| f.contains("SUMMARY")),
        "SUMMARY.md is published"
    );

    // The book on one page: its h1 headings move under the parts, its links stay on the page,
    // and the image is found from the print page's folder too.
    let from = format!("{m}print/");
    let doc = print_page(roskilde, m);
    assert_eq!(
        attrs(&doc, "section.print-part", "id"),
        [
            "manual",
            "del-readme",
            "del-grundlag-om-peer-grupper",
            "del-grundlag-haab",
            "del-praksis-moedet",
            "del-praksis-foelgeskab",
            "del-ordliste",
        ]
    );
    assert!(attrs(&doc, "section.print-part a[href]", "href")
        .contains(&"#del-grundlag-om-peer-grupper-oevelser-i-gruppen".to_string()));
    let src = attrs(&doc, "section.print-part img", "src");
    assert_eq!(src.len(), 1, "{src:?}");
    let src = resolve(&from, &src[0]);
    assert!(roskilde.files.contains_key(&src), "no image at {src}");
}

// ---------------------------------------------------------------------------------------------
// Mistakes in SUMMARY.md

#[test]
fn a_chapter_missing_from_the_summary_is_a_warning_at_the_chapter() {
    // mdBook builds such a file as no chapter; a book copied in (its 404.md) must still build.
    let project = Project::fixture("manuals/summary-unlisted");
    let outcome = project.build();
    let d = the_only(&outcome, "summary.unlisted-chapter", false);
    assert_place(d, "content/_shared/manualer/abc/roller.md", 1, Some(1));
    assert!(d.text(Da).contains("SUMMARY.md"), "{d}");
    assert!(
        hint(d).contains("- [Roller i gruppen](roller.md)"),
        "the hint should give the line to add: {d}"
    );
    assert_cli(
        &project,
        0,
        "content/_shared/manualer/abc/roller.md:1:1",
        "summary.unlisted-chapter",
    );
}

#[test]
fn a_summary_entry_to_a_missing_file_is_an_error_at_its_path() {
    let project = Project::fixture("manuals/summary-missing-file");
    let outcome = project.build();
    let d = the_only(&outcome, "summary.missing-file", true);
    // Line 4 is `- [Følgeskab](følgeskab.md)`: the path starts at character 15 (byte 16).
    assert_place(d, "content/_shared/manualer/abc/SUMMARY.md", 4, Some(15));
    assert_eq!(d.source_line(), Some("- [Følgeskab](følgeskab.md)"));
    assert!(d.text(Da).contains("følgeskab.md"), "{d}");
    assert!(hint(d).contains("[Titel]()"), "{d}");
    assert_cli(
        &project,
        1,
        "content/_shared/manualer/abc/SUMMARY.md:4:15",
        "summary.missing-file",
    );
}

#[test]
fn a_summary_line_that_is_not_a_link_is_an_error() {
    let project = Project::fixture("manuals/summary-syntax");
    let outcome = project.build();
    let d = the_only(&outcome, "summary.syntax", true);
    assert_place(d, "content/_shared/manualer/abc/SUMMARY.md", 4, Some(1));
    assert_eq!(d.source_line(), Some("- Roller i gruppen"));
    assert!(hint(d).contains("- [Titel](fil.md)"), "{d}");
}

// ---------------------------------------------------------------------------------------------
// A big manual

/// A handbook of a thousand chapters: beside a chapter, the contents show its neighbourhood —
/// its part, the chapters it is nested in, a few lines either side among its siblings, a gap
/// wherever lines are left out — and link to the whole table on the manual's front page. So a
/// chapter page stays small however big its manual grows; a small manual still shows it all.
#[test]
fn a_chapter_of_a_big_manual_shows_its_neighbourhood_and_links_the_whole_contents() {
    let project = Project::fixture("manuals/summary");
    let dir = "content/_shared/manualer/stor";
    project.write(
        &format!("{dir}/_index.md"),
        "---\nkind: manual\ntitle: Den store håndbog\n---\nAl vores praksis samlet.\n".as_bytes(),
    );
    let mut summary = String::from("# Indhold\n\n# Del 1: Grundlag\n\n");
    let chapter = |summary: &mut String, rel: &str, title: &str, indent: &str| {
        summary.push_str(&format!("{indent}- [{title}]({rel})\n"));
        project.write(
            &format!("{dir}/{rel}"),
            format!("# {title}\n\nTekst.\n").as_bytes(),
        );
    };
    for n in 1..=500 {
        chapter(
            &mut summary,
            &format!("k{n:04}.md"),
            &format!("Kapitel {n}"),
            "",
        );
    }
    summary.push_str("\n# Del 2: Praksis\n\n");
    for n in 501..=1000 {
        chapter(
            &mut summary,
            &format!("k{n:04}.md"),
            &format!("Kapitel {n}"),
            "",
        );
        if n == 501 {
            for a in 1..=2 {
                let (rel, title) = (format!("k0501-{a}.md"), format!("Afsnit 501.{a}"));
                chapter(&mut summary, &rel, &title, "    ");
            }
        }
    }
    project.write(&format!("{dir}/SUMMARY.md"), summary.as_bytes());
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");

    // The lines beside a chapter: (class, text, current?).
    let contents = |path: &str| -> (Vec<(String, String, bool)>, usize, Html) {
        let html = roskilde.text(path).unwrap_or_else(|| panic!("no {path}"));
        let doc = Html::parse_document(html);
        let lines = doc
            .select(&sel("nav.manual-toc ol.contents-list > li"))
            .map(|li| {
                let current = li.select(&sel("a[aria-current=page]")).next().is_some();
                let class = li.value().attr("class").unwrap_or("").to_string();
                (class, text(li), current)
            })
            .collect();
        (lines, html.len(), doc)
    };
    let line = |class: &str, text: &str| (class.to_string(), text.to_string(), false);
    let gap = || line("toc-gap", "… flere kapitler");

    let (lines, bytes, doc) = contents("manualer/stor/k0250/index.html");
    let mut want = vec![line("toc-part", "Del 1: Grundlag"), gap()];
    want.extend((247..=253).map(|n| {
        let mut l = line("", &format!("{n}. Kapitel {n}"));
        l.2 = n == 250;
        l
    }));
    want.push(gap());
    assert_eq!(lines, want, "a chapter in a long flat part");
    assert!(
        bytes < 30_000,
        "a chapter page of a 1,000-chapter manual is {bytes} bytes"
    );
    let all = doc
        .select(&sel("nav.manual-toc p.toc-all a"))
        .next()
        .expect("a link to the whole contents");
    assert_eq!(all.value().attr("href"), Some("../#manual-kapitler"));
    assert_eq!(text(all), "Hele indholdet (1002 kapitler)");

    // A nested chapter: its part, the chapter it belongs to, its siblings.
    let (lines, _, _) = contents("manualer/stor/k0501-2/index.html");
    let mut current = line("depth-1", "501.2. Afsnit 501.2");
    current.2 = true;
    assert_eq!(
        lines,
        [
            gap(),
            line("toc-part", "Del 2: Praksis"),
            line("", "501. Kapitel 501"),
            line("depth-1", "501.1. Afsnit 501.1"),
            current,
            gap(),
        ]
    );
    // The first chapter of a part: no chapter of the part before counts as its sibling.
    let (lines, _, _) = contents("manualer/stor/k0501/index.html");
    assert!(
        !lines.iter().any(|(_, t, _)| t.ends_with("Kapitel 500")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|(_, t, _)| t.ends_with("Afsnit 501.1")),
        "{lines:?}"
    );

    // The manual's front page has the whole table, where the link points.
    let front = Html::parse_document(roskilde.text("manualer/stor/index.html").unwrap());
    let section = front
        .select(&sel("#manual-kapitler"))
        .next()
        .expect("the contents' heading has the id the link names");
    assert_eq!(text(section), "Kapitler");
    assert_eq!(
        front
            .select(&sel(".manual-chapters ol.contents-list > li:not([class]), .manual-chapters ol.contents-list > li.depth-1"))
            .count(),
        1002
    );

    // A small manual shows its whole contents beside each chapter, as before.
    let (lines, _, doc) = contents("manualer/abc/forord/index.html");
    assert!(!lines.iter().any(|(c, _, _)| c == "toc-gap"), "{lines:?}");
    assert!(
        lines.iter().any(|(_, t, _)| t.ends_with("Efterskrift")),
        "{lines:?}"
    );
    assert!(doc.select(&sel("p.toc-all")).next().is_none());
}
