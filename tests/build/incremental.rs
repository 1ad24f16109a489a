//! Builds that reuse earlier work — the caches the preview server keeps across rebuilds — give
//! exactly the files a clean build gives.

use std::collections::BTreeMap;
use vejviser::{BuildOutcome, BuildState};

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

/// Appends to a project file, or writes it when it is not there (a theme file of the project,
/// laid over the built-in theme).
fn append(project: &Project, rel: &str, text: &str) {
    let mut old = std::fs::read_to_string(project.path(rel)).unwrap_or_default();
    old.push_str(text);
    project.write(rel, old.as_bytes());
}

#[test]
fn rebuilds_from_caches_give_what_a_clean_build_gives() {
    let project = Project::repository_example();
    let opts = project.options();
    let kept = BuildState::for_rebuilds();
    let again = |project: &Project| project.rebuild(&opts, &kept);
    let clean = |project: &Project| project.build_with(&project.options());

    let first = again(&project);
    assert_same(&first, &clean(&project), "the first build");
    assert_same(&again(&project), &clean(&project), "nothing changed");

    // A shared chapter's body: every site that uses the manual.
    append(
        &project,
        "content/_shared/manualer/abc/01-om-metoden.md",
        "\nEt nyt afsnit om kaffekander og fællesskab.\n",
    );
    assert_same(&again(&project), &clean(&project), "a body edit");

    // A course's front matter: its title shows in lists, the catalogue and the search.
    let course = "content/roskilde/kurser/abc-foraar-2027.md";
    let text = std::fs::read_to_string(project.path(course)).unwrap();
    let title = text.lines().find(|l| l.starts_with("title:")).unwrap();
    project.write(
        course,
        text.replacen(title, "title: Et helt nyt navn", 1)
            .as_bytes(),
    );
    assert_same(&again(&project), &clean(&project), "a title edit");

    // The theme.
    append(
        &project,
        "themes/default/static/style.css",
        "\n.ny { color: #000; }\n",
    );
    assert_same(&again(&project), &clean(&project), "a theme edit");
}

#[test]
fn a_deferred_rebuild_shows_the_edit_first_and_says_what_is_behind() {
    let project = Project::repository_example();
    let opts = project.options();
    let kept = BuildState::for_rebuilds();
    project.rebuild(&opts, &kept);

    append(
        &project,
        "content/_shared/manualer/abc/01-om-metoden.md",
        "\nKaffekandeordet står her.\n",
    );
    let quick = project.rebuild(
        &opts,
        &BuildState {
            defer: true,
            ..kept.clone()
        },
    );
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

    let caught_up = project.rebuild(&opts, &kept);
    assert!(caught_up.stale.is_empty());
    assert!(index_of(&caught_up).contains("kaffekandeordet"));
    assert_same(
        &caught_up,
        &project.build_with(&project.options()),
        "caught up",
    );
}

// ---- `vejviser build` over an earlier output ---------------------------------------------

/// Every file under `dir`, by relative path, with its contents and modification time.
fn tree(dir: &std::path::Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let modified = e.metadata().unwrap().modified().unwrap();
            (rel, (std::fs::read(e.path()).unwrap(), modified))
        })
        .collect()
}

fn contents(
    tree: &BTreeMap<String, (Vec<u8>, std::time::SystemTime)>,
) -> BTreeMap<&String, &Vec<u8>> {
    tree.iter().map(|(k, (bytes, _))| (k, bytes)).collect()
}

/// Builds into `out` and returns what it printed.
fn build_into(project: &Project, out: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec!["--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = project.run_build(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A project of two municipalities and a page both share.
fn two_sites() -> Project {
    let project = Project::fixture("serve/two-sites");
    project.write(
        "content/_shared/faelles.md",
        b"---\ntitle: Det vi deler\n---\nEn side i begge kommuner.\n",
    );
    project
}

#[test]
fn an_unchanged_project_is_left_as_it_is() {
    let project = two_sites();
    let out = project.path("public");
    let first = build_into(&project, &out, &[]);
    assert!(!first.contains("up to date"), "{first}");
    let before = tree(&out);

    let again = build_into(&project, &out, &[]);
    for slug in ["gladsaxe", "roskilde"] {
        assert!(
            again
                .lines()
                .any(|l| l.starts_with(slug) && l.contains("up to date")),
            "{again}"
        );
    }
    assert_eq!(tree(&out), before, "not a file rewritten");

    // `--full` builds everything again, to the same bytes.
    let full = build_into(&project, &out, &["--full"]);
    assert!(!full.contains("up to date"), "{full}");
    assert_eq!(contents(&tree(&out)), contents(&before));

    // And records what it built from: the next build has nothing to do.
    let after_full = tree(&out);
    let next = build_into(&project, &out, &[]);
    assert_eq!(
        next.lines().filter(|l| l.contains("up to date")).count(),
        2,
        "{next}"
    );
    assert_eq!(tree(&out), after_full, "not a file rewritten");
}

#[test]
fn a_changed_input_rebuilds_the_sites_it_reaches_to_what_a_clean_build_gives() {
    let project = two_sites();
    let out = project.path("public");
    let clean_out = project.path("clean");
    build_into(&project, &out, &[]);

    let check = |what: &str, rebuilt: &[&str], extra: &[&str]| {
        let before = tree(&out);
        let printed = build_into(&project, &out, extra);
        for slug in ["gladsaxe", "roskilde"] {
            let skipped = printed
                .lines()
                .any(|l| l.starts_with(slug) && l.contains("up to date"));
            assert_eq!(
                skipped,
                !rebuilt.contains(&slug),
                "{what}: {slug}\n{printed}"
            );
        }
        let after = tree(&out);
        for (path, (bytes, modified)) in &after {
            if !rebuilt.iter().any(|s| path.starts_with(&format!("{s}/"))) {
                assert_eq!(
                    before.get(path),
                    Some(&(bytes.clone(), *modified)),
                    "{what}: {path}"
                );
            }
        }
        let mut clean_args = vec!["--full"];
        clean_args.extend_from_slice(extra);
        let _ = std::fs::remove_dir_all(&clean_out);
        build_into(&project, &clean_out, &clean_args);
        assert_eq!(contents(&after), contents(&tree(&clean_out)), "{what}");
    };

    append(&project, "content/roskilde/om.md", "\nEt nyt afsnit.\n");
    check("one site's page", &["roskilde"], &[]);
    append(&project, "content/_shared/faelles.md", "\nOgså nyt.\n");
    check("a shared page", &["gladsaxe", "roskilde"], &[]);
    append(
        &project,
        "themes/default/static/style.css",
        "\n.ny { color: #000; }\n",
    );
    check("the theme", &["gladsaxe", "roskilde"], &[]);
    check("other options", &["gladsaxe", "roskilde"], &["--drafts"]);
    check("nothing", &[], &["--drafts"]);
}
