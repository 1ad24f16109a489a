//! Starting from nothing: `init` in an empty folder gives a project that builds and passes
//! `check --deny-warnings` with only the binary (the theme is built in), `new` adds to it, the
//! built-in theme can be copied and overridden file by file, and `init` never writes into a
//! project that exists.

use std::path::Path;

use crate::common::*;

/// Runs the binary in `dir` with these arguments; fails the test unless it exits with `code`.
fn run_in(dir: &Path, args: &[&str], code: i32) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vejviser"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("cannot run the vejviser binary");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(code), "{args:?}:\n{text}");
    text
}

#[test]
fn init_new_build_check_and_serve_from_an_empty_folder() {
    let project = Project::empty();
    let root = &project.root;
    let said = run_in(
        root,
        &["init", "--site", "lolland", "--name", "Lolland Kommune"],
        0,
    );
    // The next three commands, to run from the project.
    for next in [
        "vejviser serve",
        "vejviser new course lolland",
        "vejviser build",
    ] {
        assert!(said.contains(next), "init did not say `{next}`:\n{said}");
    }
    assert!(!root.join("themes").exists(), "init copied a theme");
    for file in [
        "vejviser.yaml",
        "content/lolland/_site.yaml",
        "content/lolland/_index.md",
        "content/lolland/om.md",
        "content/lolland/praktisk.md",
    ] {
        assert!(root.join(file).is_file(), "init did not write {file}");
    }
    let said = run_in(root, &["new", "course", "lolland", "skriv-sammen"], 0);
    assert!(said.starts_with("Skrev "), "{said}");
    // `new` fills in what the project has (its first category, place and contact), dates from
    // today, and comments in the project's language.
    let course =
        std::fs::read_to_string(root.join("content/lolland/kurser/skriv-sammen.md")).unwrap();
    let today = chrono::Local::now().date_naive();
    for line in [
        "category: abc".to_string(),
        "location: biblioteket".to_string(),
        "contact: recovery".to_string(),
        format!("start: {}", today + chrono::Duration::days(28)),
        "# Første møde. Ugedagen følger af datoen.".to_string(),
    ] {
        assert!(course.contains(&line), "no `{line}` in:\n{course}");
    }
    assert!(!course.contains("The first meeting"), "{course}");
    run_in(root, &["new", "site", "falster"], 0);
    run_in(root, &["new", "course", "falster", "foraar"], 0);

    // Built for the real today: the starter's course and the new one are weeks ahead of it.
    let built = run_in(root, &["build"], 0);
    assert!(
        built.contains("lolland") && built.contains("falster"),
        "{built}"
    );
    let front = std::fs::read_to_string(root.join("public/lolland/index.html")).unwrap();
    assert!(front.contains("Lolland Kommune"), "{front}");
    assert!(
        front.contains("for dig, der har det svært psykisk"),
        "the front page has no introduction"
    );
    let catalogue = std::fs::read_to_string(root.join("public/lolland/kurser/index.html")).unwrap();
    assert!(
        catalogue.contains("Peer-gruppe om hverdagen"),
        "{catalogue}"
    );
    assert!(catalogue.contains("Skriv sammen"), "{catalogue}");
    assert!(root.join("public/lolland/om/index.html").is_file());
    assert!(root.join("public/lolland/praktisk/index.html").is_file());
    let statics: Vec<String> = std::fs::read_dir(root.join("public/lolland/static"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        statics
            .iter()
            .any(|f| f.starts_with("style.") && f.ends_with(".css")),
        "{statics:?}"
    );

    let checked = run_in(root, &["check", "--deny-warnings"], 0);
    assert!(checked.contains("0 fejl, 0 advarsel(er)"), "{checked}");

    // And the preview serves it.
    let serve = crate::serve::Server::start(&project, &["--site", "lolland"]);
    let page = serve.get("/");
    assert_eq!(page.status, 200, "{}", serve.log());
    assert!(page.body.contains("Lolland Kommune"), "{}", page.body);
}

#[test]
fn init_refuses_a_folder_that_holds_a_project_and_writes_nothing() {
    let project = Project::fixture("check/clean");
    let before = std::fs::read(project.path("vejviser.yaml")).unwrap();
    let said = run_in(&project.root, &["init"], 2);
    assert!(said.contains("rummer allerede et projekt"), "{said}");
    assert_eq!(
        std::fs::read(project.path("vejviser.yaml")).unwrap(),
        before
    );
    assert!(!project.path("content/kommune").exists());

    // Nor a folder with only content/ in it.
    let half = Project::empty();
    std::fs::create_dir_all(half.path("content")).unwrap();
    let said = run_in(&half.root, &["init"], 2);
    assert!(said.contains("rummer allerede et projekt"), "{said}");
    assert!(!half.path("vejviser.yaml").exists());

    // A slug that is not one is refused before anything is written.
    let fresh = Project::empty();
    let said = run_in(&fresh.root, &["init", "--site", "Min Kommune"], 2);
    assert!(said.contains("min-kommune"), "{said}");
    assert!(!fresh.path("vejviser.yaml").exists());
}

#[test]
fn init_into_a_new_folder_names_it_in_the_next_steps() {
    let project = Project::empty();
    let said = run_in(&project.root, &["init", "nyt-projekt"], 0);
    assert!(said.contains("cd nyt-projekt"), "{said}");
    assert!(project.path("nyt-projekt/vejviser.yaml").is_file());
}

#[test]
fn the_built_in_theme_is_copied_and_overridden_file_by_file() {
    let project = Project::fixture("check/clean");
    assert!(!project.path("themes").exists());
    let built_in = page_text(&project.build_ok(), "index.html");

    // One template of the project's own, laid over the built-in theme; the rest stays.
    project.write(
        "themes/default/templates/partials/footer.html",
        b"<footer class=\"site-footer\"><p>Vores egen fod</p></footer>\n",
    );
    let overridden = page_text(&project.build_ok(), "index.html");
    assert!(overridden.contains("Vores egen fod"), "{overridden}");
    assert!(!built_in.contains("Vores egen fod"));
    assert!(
        overridden.contains("class=\"site-header\""),
        "the header went too"
    );
    std::fs::remove_dir_all(project.path("themes")).unwrap();

    // `theme copy` writes every file of the built-in theme; built with the copy, the pages are
    // those of the built-in theme.
    let said = run_in(&project.root, &["theme", "copy"], 0);
    assert!(said.contains("themes/default"), "{said}");
    for file in [
        "templates/base.html",
        "static/style.css",
        "static/search.js",
        "i18n/da.yaml",
    ] {
        assert!(
            project.path("themes/default").join(file).is_file(),
            "{file}"
        );
    }
    assert_eq!(page_text(&project.build_ok(), "index.html"), built_in);
    // Never over an existing folder.
    let said = run_in(&project.root, &["theme", "copy"], 2);
    assert!(said.contains("findes allerede"), "{said}");

    // Under another name, it is a theme of its own once vejviser.yaml names it.
    let said = run_in(&project.root, &["theme", "copy", "vores"], 0);
    assert!(said.contains("theme: vores"), "{said}");
    let yaml = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    project.write(
        "vejviser.yaml",
        yaml.replace("theme: default", "theme: vores").as_bytes(),
    );
    assert_eq!(page_text(&project.build_ok(), "index.html"), built_in);
}

#[test]
fn a_theme_of_another_name_without_its_folder_is_a_usage_error() {
    let project = Project::fixture("check/clean");
    let yaml = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    project.write(
        "vejviser.yaml",
        yaml.replace("theme: default", "theme: findes-ikke")
            .as_bytes(),
    );
    let output = project.run_build(&[]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains("findes-ikke") && said.contains("`default`"),
        "{said}"
    );
}

/// The text of one page of the first site of a build.
fn page_text(outcome: &vejviser::BuildOutcome, path: &str) -> String {
    outcome.sites[0].text(path).unwrap().to_string()
}

#[test]
fn new_writes_its_comments_in_the_projects_language() {
    let project = Project::fixture("check/clean");
    let yaml = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    for (language, says, not) in [
        (
            "da",
            "# Antal møder, et om ugen.",
            "# The number of weekly meetings.",
        ),
        (
            "en",
            "# The number of weekly meetings.",
            "# Antal møder, et om ugen.",
        ),
    ] {
        let with = format!(
            "language: {language}\n{}",
            yaml.lines()
                .filter(|l| !l.starts_with("language:"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        project.write("vejviser.yaml", with.as_bytes());
        let file = format!("content/roskilde/kurser/nyt-{language}.md");
        run_in(
            &project.root,
            &["new", "course", "roskilde", &format!("nyt-{language}")],
            0,
        );
        let text = std::fs::read_to_string(project.path(&file)).unwrap();
        assert!(
            text.contains(says) && !text.contains(not),
            "{language}:\n{text}"
        );
    }
}

#[test]
fn build_in_a_folder_without_a_project_points_to_init_and_leaves_nothing() {
    let project = Project::empty();
    let said = run_in(&project.root, &["build"], 2);
    assert!(
        said.contains("har ingen vejviser.yaml") && said.contains("vejviser init"),
        "{said}"
    );
    let left: Vec<String> = std::fs::read_dir(&project.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "the failed build left {left:?}");
}

/// A new course keeps its guidance as comments between `schedule:` and its keys, some at the
/// start of the line, and a commented-out `# skip:` above the real one: a finding about the real
/// `skip:` still points at its line and date, not at the top of the file or the comment.
#[test]
fn a_finding_in_a_new_courses_schedule_points_past_its_comments() {
    let project = Project::empty();
    let root = &project.root;
    run_in(root, &["init", "--site", "lolland"], 0);
    run_in(root, &["new", "course", "lolland", "skriv-sammen"], 0);
    let file = root.join("content/lolland/kurser/skriv-sammen.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("start: "))
        .map(date)
        .expect("a start date");
    // The day after the first meeting is no meeting day.
    let off = (start + chrono::Duration::days(1)).to_string();
    let text = text.replacen(
        "  # skip: [YYYY-MM-DD]",
        &format!("  # skip: [YYYY-MM-DD]\n  skip: [{off}]"),
        1,
    );
    std::fs::write(&file, &text).unwrap();
    let json = run_in(root, &["check", "--format", "json"], 1);
    let findings: serde_json::Value = serde_json::from_str(&json).expect(&json);
    let skip = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "course.schedule")
        .unwrap_or_else(|| panic!("no course.schedule finding in {json}"));
    let line = text
        .lines()
        .position(|l| l == format!("  skip: [{off}]"))
        .unwrap()
        + 1;
    assert_eq!(skip["file"], "content/lolland/kurser/skriv-sammen.md");
    assert_eq!(skip["line"], line, "{skip}");
    assert_eq!(skip["column"], 10, "{skip}");
    assert_eq!(
        skip["message"],
        format!("`skip: {off}` er ikke en mødedag for kurset")
    );
}
