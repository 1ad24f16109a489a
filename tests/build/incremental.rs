//! Builds that reuse earlier work — the caches the preview server keeps across rebuilds — give
//! exactly the files a clean build gives.

use std::collections::BTreeMap;
use std::sync::Arc;

use vejviser::{BuildOptions, BuildOutcome, Caches};

use crate::common::*;

/// Every file of every site, by `slug/path`.
fn files(outcome: &BuildOutcome) -> BTreeMap<String, Vec<u8>> {
    assert_eq!(outcome.errors(), 0, "{}", report(outcome));
    outcome
        .sites
        .iter()
        .flat_map(|s| {
            s.files
                .iter()
                .map(move |(path, bytes)| (format!("{}/{path}", s.slug), bytes.clone()))
        })
        .collect()
}

fn assert_same(got: &BuildOutcome, clean: &BuildOutcome, what: &str) {
    let (got, clean) = (files(got), files(clean));
    let differ: Vec<&String> = clean
        .keys()
        .chain(got.keys())
        .filter(|k| got.get(*k) != clean.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: these files differ from a clean build: {differ:?}"
    );
}

fn append(project: &Project, rel: &str, text: &str) {
    let mut old = std::fs::read_to_string(project.path(rel)).unwrap();
    old.push_str(text);
    project.write(rel, old.as_bytes());
}

#[test]
fn rebuilds_from_caches_give_what_a_clean_build_gives() {
    let project = Project::repository_example();
    let mut opts = project.options();
    opts.caches = Arc::new(Caches::for_rebuilds());
    let clean = |project: &Project| project.build_with(&project.options());

    let first = project.build_with(&opts);
    assert_same(&first, &clean(&project), "the first build");
    assert_same(
        &project.build_with(&opts),
        &clean(&project),
        "nothing changed",
    );

    // A shared chapter's body: every site that uses the manual.
    append(
        &project,
        "content/_shared/manualer/abc/01-om-metoden.md",
        "\nEt nyt afsnit om kaffekander og fællesskab.\n",
    );
    assert_same(&project.build_with(&opts), &clean(&project), "a body edit");

    // A course's front matter: its title shows in lists, the catalogue and the search.
    let course = "content/roskilde/kurser/abc-foraar-2027.md";
    let text = std::fs::read_to_string(project.path(course)).unwrap();
    let title = text.lines().find(|l| l.starts_with("title:")).unwrap();
    project.write(
        course,
        text.replacen(title, "title: Et helt nyt navn", 1)
            .as_bytes(),
    );
    assert_same(&project.build_with(&opts), &clean(&project), "a title edit");

    // The theme.
    append(
        &project,
        "themes/default/static/style.css",
        "\n.ny { color: #000; }\n",
    );
    assert_same(&project.build_with(&opts), &clean(&project), "a theme edit");
}

#[test]
fn a_deferred_rebuild_shows_the_edit_first_and_says_what_is_behind() {
    let project = Project::repository_example();
    let mut opts = project.options();
    opts.caches = Arc::new(Caches::for_rebuilds());
    project.build_with(&opts);

    append(
        &project,
        "content/_shared/manualer/abc/01-om-metoden.md",
        "\nKaffekandeordet står her.\n",
    );
    let quick = project.build_with(&BuildOptions {
        defer: true,
        ..opts.clone()
    });
    assert_eq!(quick.errors(), 0, "{}", report(&quick));
    let chapter = page(
        site(&quick, "roskilde"),
        "manualer/abc/om-metoden/index.html",
    );
    assert!(
        text(chapter.select(&sel("main")).next().unwrap()).contains("Kaffekandeordet"),
        "the edited page is rebuilt at once"
    );
    let mut stale = quick.stale.clone();
    stale.sort();
    assert_eq!(
        stale,
        ["gladsaxe", "jammerbugt", "roskilde"],
        "every site with the manual waits for its search index and print page"
    );
    let index_of = |outcome: &BuildOutcome| -> String {
        site(outcome, "roskilde")
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("sog/index/"))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect()
    };
    assert!(
        !index_of(&quick).contains("kaffekandeordet"),
        "the last index stands in"
    );

    let caught_up = project.build_with(&opts);
    assert!(caught_up.stale.is_empty());
    assert!(index_of(&caught_up).contains("kaffekandeordet"));
    assert_same(
        &caught_up,
        &project.build_with(&project.options()),
        "caught up",
    );
}
