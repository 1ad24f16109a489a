//! Judged from outside: every page of the example project and of every fixture that builds is
//! checked by the W3C Nu HTML Checker (`vnu.jar` from npm's `vnu-jar`, run with Java), which
//! must report no error. One run of the checker takes all pages, since starting Java is the slow
//! part.
//!
//! `scripts/test` installs Java (Debian's `default-jre-headless`) and the jar
//! (`tests/browser/node_modules`); without them this test fails, it never skips. `VNU_JAR` may
//! point at another copy of the jar.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// A page the checker must reject, so a checker that checks nothing cannot pass the test.
pub(crate) const CANARY: &str = "<!doctype html><html lang=da><head><title>x</title></head>\
<body><p class=\"a\"id=\"b\">x</p></body></html>";

/// What fixtures written to show `check`'s warnings contain on purpose, and the checker rightly
/// reports: (the fixture's folder in the output, the checker's message).
const DELIBERATE: [(&str, &str); 1] = [("/check--heading-skip/", "skipping 1 heading level")];

pub(crate) fn jar() -> PathBuf {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar")
        });
    assert!(
        jar.is_file(),
        "the Nu HTML Checker is missing at {}: run ./scripts/test, which installs it \
         (npm ci in tests/browser), or set VNU_JAR",
        jar.display()
    );
    jar
}

/// The checker's errors in the HTML files under `dir`, one a line (empty when there are none).
pub(crate) fn nu_errors(jar: &Path, dir: &Path) -> String {
    let run = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(dir)
        .output()
        .expect("cannot run java: install Java (scripts/test installs default-jre-headless)");
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// Writes every HTML file of `outcome`'s sites below `dir`; returns how many.
fn write_pages(outcome: &vejviser::BuildOutcome, dir: &Path) -> usize {
    let mut count = 0;
    for site in &outcome.sites {
        for path in html_files(site) {
            let file = dir.join(&site.slug).join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, &site.files[path]).unwrap();
            count += 1;
        }
    }
    count
}

#[test]
fn every_page_of_every_example_and_fixture_passes_the_nu_html_checker() {
    let jar = jar();
    let out = tempfile::tempdir().unwrap();
    let mut pages = 0;

    let example = Project::repository_example();
    pages += write_pages(&example.build_ok(), &out.path().join("example"));
    let mut hostile = 0;
    for name in fixture_names() {
        let outcome = Project::fixture(&name).build();
        // A build with errors writes nothing.
        if outcome.errors() > 0 {
            continue;
        }
        let written = write_pages(&outcome, &out.path().join(name.replace('/', "--")));
        if name == "validity/hostile" {
            assert_eq!(outcome.errors(), 0, "{}", report(&outcome));
            hostile = written;
        }
        pages += written;
    }
    assert!(hostile >= 10, "the hostile fixture gave {hostile} pages");
    assert!(pages >= 400, "only {pages} pages were checked");
    std::fs::write(out.path().join("canary.html"), CANARY).unwrap();

    let report = nu_errors(&jar, out.path());
    let (canary, errors): (Vec<&str>, Vec<&str>) = report
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| {
            !DELIBERATE
                .iter()
                .any(|(f, m)| l.contains(f) && l.contains(m))
        })
        .partition(|l| l.contains("canary.html"));
    assert!(
        canary
            .iter()
            .any(|l| l.contains("No space between attributes")),
        "the checker did not reject the canary page, so it checked nothing:\n{report}"
    );
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found {} errors in {pages} pages:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn titles_that_begin_with_punctuation_are_listed_under_their_first_letter() {
    let outcome = Project::fixture("validity/hostile").build_ok();
    let search = page(site(&outcome, "testby"), "sog/index.html");
    let groups: Vec<String> = search.select(&sel(".all-pages h3")).map(text).collect();
    let mut unique = groups.clone();
    unique.dedup();
    assert_eq!(groups, unique, "a letter has two groups");
    assert_eq!(groups, ["#", "F", "K", "N", "O", "R", "S", "V"]);
    let r_group: Vec<String> = search.select(&sel("#bogstav-r + ul a")).map(text).collect();
    assert_eq!(
        r_group,
        ["«Recovery» i praksis", "Rummet", "`rust` og andre sprog"],
        "{groups:?}"
    );
}

#[test]
fn ids_are_unique_and_footnotes_point_at_their_own_notes_even_on_a_print_page() {
    let outcome = Project::fixture("validity/hostile").build_ok();
    let site = site(&outcome, "testby");
    for path in html_files(site) {
        let doc = page(site, path);
        let ids = attrs(&doc, "[id]", "id");
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{path}: {ids:?}");
        for href in attrs(&doc, ".footnote-reference a", "href") {
            let id = href.strip_prefix('#').unwrap();
            assert!(ids.iter().any(|i| i == id), "{path}: {href} has no note");
        }
    }
    // Five pages with the label [^1] on one print page: five notes, each its own.
    let print = page(site, "manualer/vaerktoej/print/index.html");
    let notes = attrs(&print, ".footnote-definition", "id");
    assert_eq!(notes.len(), 7, "{notes:?}");
    let refs = attrs(&print, ".footnote-reference a", "href");
    assert_eq!(refs.len(), 7, "{refs:?}");
}
