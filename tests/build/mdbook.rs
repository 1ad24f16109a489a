//! An mdBook book copied in whole (`book.toml` beside `src/`) builds unchanged, and mdBook's
//! directives work in every page kind: `tests/fixtures/mdbook/book` is a small book that uses
//! each feature, with a municipality page that includes a shared snippet;
//! `tests/fixtures/mdbook/errors` holds the directive mistakes, each placed at its directive.

use crate::common::*;

const BOOK: &str = "mdbook/book";

#[test]
fn a_book_folder_builds_with_its_title_and_without_its_other_files() {
    let outcome = Project::fixture(BOOK).build_ok();
    let site = site(&outcome, "roskilde");
    let front = page(site, "manualer/bog/index.html");
    assert_eq!(
        text(one(&front, "h1")),
        "Gruppebogen",
        "title from book.toml"
    );
    assert!(main_text(&front).contains("En bog skrevet til mdBook."));
    let files = html_files(site);
    assert!(
        files.contains(&"manualer/bog/kapitler/kode/index.html"),
        "src/ is dropped from addresses: {files:?}"
    );
    assert!(
        !files
            .iter()
            .any(|f| f.contains("faelles") || f.contains("theme")),
        "snippets and the book's theme are no pages: {files:?}"
    );
    assert!(!files.iter().any(|f| f.contains("/src/")), "{files:?}");
    let warnings: Vec<&str> = outcome.diagnostics.iter().map(|d| d.code).collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn includes_ranges_anchors_rustdoc_playground_title_and_escapes() {
    let outcome = Project::fixture(BOOK).build_ok();
    let site = site(&outcome, "roskilde");
    let forord = page(site, "manualer/bog/readme/index.html");
    let body = main_text(&forord);
    assert!(
        body.contains("Hvis du bliver forhindret, så ring til os."),
        "{body}"
    );
    assert!(
        body.contains("Skrevet som {{#include fil.md}} i teksten."),
        "escape keeps the text, not the backslash: {body}"
    );
    assert!(
        !body.contains("ignore"),
        "HTML comments are dropped: {body}"
    );
    let kode = page(site, "manualer/bog/kapitler/kode/index.html");
    let blocks: Vec<String> = kode
        .select(&sel("pre code"))
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        blocks[0], "fn main() {\n    println!(\"hej\");\n}\n",
        "rustdoc_include: the anchored lines, the rest hidden"
    );
    assert_eq!(
        blocks[1], "print(\"vist\")\n",
        "book.toml hidelines for python"
    );
    assert_eq!(blocks[2], blocks[0], "playground: a plain code block");
    assert_eq!(
        attrs(&kode, "pre code", "class"),
        ["language-rust", "language-python", "language-rust"]
    );
    assert_eq!(
        text(one(&kode, "title")),
        "Kode i bogen – Roskilde Kommune",
        "{{#title}}"
    );
    assert_eq!(texts(&kode, "dl dt"), ["Begreb"]);
    assert_eq!(texts(&kode, "dl dd"), ["Forklaringen af begrebet."]);
}

#[test]
fn the_books_first_heading_is_the_only_h1_and_ids_are_mdbooks() {
    let outcome = Project::fixture(BOOK).build_ok();
    let site = site(&outcome, "roskilde");
    let forord = page(site, "manualer/bog/readme/index.html");
    assert_eq!(
        texts(&forord, "h1"),
        ["Forord"],
        "after a comment and an <a id> anchor"
    );
    let kode = page(site, "manualer/bog/kapitler/kode/index.html");
    assert_eq!(texts(&kode, "h1").len(), 1);
    assert_eq!(
        one(&kode, "h1 code").inner_html(),
        "kode",
        "Markdown in the title heading"
    );
    assert_eq!(
        one(&kode, ".pager-next .pager-title em").inner_html(),
        "to",
        "Markdown in the next chapter's title, in the pager"
    );
    let to = page(site, "manualer/bog/kapitler/to/index.html");
    assert_eq!(
        attrs(&to, "h2", "id"),
        ["wheres-the-operator"],
        "mdBook drops punctuation"
    );
    assert_eq!(
        attrs(&to, "h3", "id"),
        ["dybt-nede"],
        "#### after # is written as h3"
    );
}

#[test]
fn html_names_anchors_and_links_leaving_the_book() {
    let outcome = Project::fixture(BOOK).build_ok();
    let site = site(&outcome, "roskilde");
    let forord = page(site, "manualer/bog/readme/index.html");
    let hrefs = attrs(&forord, "article a[href]", "href");
    assert_eq!(
        hrefs,
        [
            "../kapitler/kode/",
            "../kapitler/to/#wheres-the-operator",
            "../std/index.html",
        ]
    );
    assert_eq!(attrs(&forord, "article a[id]", "id"), ["gammel-forside"]);
    let kode = page(site, "manualer/bog/kapitler/kode/index.html");
    assert_eq!(
        attrs(&kode, "article p a", "href"),
        ["../../readme/#gammel-forside"],
        "index.html is the book's README, and <a id> anchors are link targets"
    );
}

#[test]
fn a_municipality_page_includes_a_shared_snippet_that_is_no_page() {
    let outcome = Project::fixture(BOOK).build_ok();
    let site = site(&outcome, "roskilde");
    let om = page(site, "om/index.html");
    assert!(
        main_text(&om).contains("Sådan tilmelder du dig: skriv til os."),
        "{}",
        main_text(&om)
    );
    assert!(!html_files(site).iter().any(|f| f.contains("udsnit")));
}

#[test]
fn directive_mistakes_are_errors_at_the_directive() {
    let outcome = Project::fixture("mdbook/errors").build();
    let found: Vec<(&str, String, usize, usize)> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                d.file.to_string_lossy().replace('\\', "/"),
                d.line,
                d.column,
            )
        })
        .collect();
    let om = "content/roskilde/om.md".to_string();
    assert_eq!(
        found,
        [
            ("include.missing-file", om.clone(), 6, 1),
            ("include.unknown-anchor", om.clone(), 8, 1),
            ("include.cycle", om.clone(), 10, 1),
            // Text after the includes is still placed where it is written.
            ("markdown.broken-link", om, 12, 1),
        ]
    );
}

#[test]
fn an_index_beside_book_toml_is_the_manuals_front_page() {
    let project = Project::fixture(BOOK);
    project.write(
        "content/_shared/manualer/bog/_index.md",
        b"---\ntitle: Vores gruppebog\nkind: manual\n---\nTekst.\n",
    );
    let outcome = project.build_ok();
    let front = page(site(&outcome, "roskilde"), "manualer/bog/index.html");
    assert_eq!(text(one(&front, "h1")), "Vores gruppebog");
}

#[test]
fn check_names_links_leaving_the_book_and_counts_included_files_as_used() {
    let project = Project::fixture(BOOK);
    let findings = vejviser::check::run(&project.options()).expect("check runs");
    let found: Vec<(&str, String, usize, usize)> = findings
        .iter()
        .map(|d| {
            (
                d.code,
                d.file.to_string_lossy().replace('\\', "/"),
                d.line,
                d.column,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "link.outside-book",
                "content/_shared/manualer/bog/src/README.md".to_string(),
                7,
                9
            ),
            // The page closes the gap; the source still has it.
            (
                "markdown.heading-skip",
                "content/_shared/manualer/bog/src/kapitler/to.md".to_string(),
                7,
                1
            ),
        ],
        "the included kode/main.rs is used, and ../std/ is named"
    );
}

#[test]
fn book_toml_authors_and_language_reach_the_templates_as_extra() {
    let text: std::sync::Arc<str> = std::sync::Arc::from(
        "[book]\ntitle = \"`Bog` om *os*\"\nauthors = [\"A\"]\nlanguage = \"da\"\n",
    );
    let file = std::path::Path::new("book.toml");
    let book = vejviser::book::Book::parse("manualer/bog", file, &text).unwrap();
    let front = vejviser::frontmatter::Page::book_front(
        file,
        "manualer/bog/_index.md",
        text,
        std::sync::Arc::new(book),
    );
    assert_eq!(front.common.title, "Bog om os", "plain title");
    assert_eq!(front.common.extra["authors"], serde_json::json!(["A"]));
    assert_eq!(front.common.extra["language"], "da");
}
