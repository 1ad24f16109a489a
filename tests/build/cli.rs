//! The command line: flags, exit codes (0 built, 1 content errors, 2 usage errors), `--site`.

use crate::common::*;

#[test]
fn help_lists_every_flag_of_build() {
    let output = vejviser(&["build", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--root <DIR>",
        "--out <DIR>",
        "--site <SLUG>",
        "--base-url <URL>",
        "--drafts",
        "--today <DATE>",
        "--help",
    ] {
        assert!(
            help.contains(flag),
            "`build --help` does not list {flag}:\n{help}"
        );
    }

    let output = vejviser(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.lines().any(|l| l.trim_start().starts_with("build ")),
        "`--help` does not list `build`:\n{help}"
    );
}

#[test]
fn unknown_site_is_a_usage_error() {
    let project = Project::fixture("layering/override");
    project.write("public/sentinel.txt", b"skal blive liggende");
    let before = tree(&project.path("public"));

    let output = project.run_build(&["--site", "koebenhavn"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("koebenhavn"),
        "the message does not name the slug: {err}"
    );
    assert!(
        err.contains("gladsaxe") && err.contains("roskilde"),
        "the message does not list the sites: {err}"
    );
    assert!(tree(&project.path("public")) == before, "public/ changed");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let project = Project::fixture("rendering/page");
    let output = project.run_build(&["--udkast"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--udkast"));
    assert!(!project.path("public").exists());
}

#[test]
fn a_root_without_vejviser_yaml_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = vejviser(&["build", "--root", dir.path().to_str().unwrap()]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("vejviser.yaml"), "{err}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_successful_build_exits_0_and_writes_every_site() {
    let project = Project::fixture("layering/override");
    let output = project.run_build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for slug in ["gladsaxe", "roskilde"] {
        for file in [
            "index.html",
            "om-forloebene/index.html",
            "praktisk/index.html",
            "sitemap.xml",
            "robots.txt",
        ] {
            assert!(
                project.path(&format!("public/{slug}/{file}")).is_file(),
                "public/{slug}/{file} is missing"
            );
        }
    }
}

#[test]
fn site_flag_builds_only_that_municipality_and_keeps_the_others() {
    let project = Project::fixture("layering/override");
    project.write("public/roskilde/index.html", b"forrige build");
    let output = project.run_build(&["--site", "gladsaxe"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(project
        .path("public/gladsaxe/praktisk/index.html")
        .is_file());
    // Roskilde was not built this time: its previous output stays as it was.
    assert_eq!(
        std::fs::read(project.path("public/roskilde/index.html")).unwrap(),
        b"forrige build"
    );
}

#[test]
fn drafts_flag_keeps_drafts() {
    let project = Project::fixture("layering/drafts");
    let output = project.run_build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!project.path("public/roskilde/nyhed-udkast").exists());

    let output = project.run_build(&["--drafts"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(project
        .path("public/roskilde/nyhed-udkast/index.html")
        .is_file());
}
