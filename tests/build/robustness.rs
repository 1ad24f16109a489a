//! Hostile and broken input: no file, however broken, may crash the build. Every case ends in
//! `Ok` or in located diagnostics — never a panic, a stack overflow or a hang.
//!
//! The property tests feed generated input to the pure core (loading a file, `Page::parse`,
//! Markdown rendering, the search index) and to whole in-memory builds; the fixed cases below
//! them are the inputs that once crashed or stalled the build, kept as regression tests.

use std::path::Path;
use std::sync::{mpsc, Arc};
use std::time::Duration;
use vejviser::messages::Language::Da;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use vejviser::config::Project as ProjectConfig;
use vejviser::frontmatter::Page;
use vejviser::markdown::{self, Resolved, Resolver};
use vejviser::messages;
use vejviser::{search, BuildOutcome, Diagnostic};

use crate::common::*;

const CONFIG: &str = include_str!("../fixtures/robustness/minimal/vejviser.yaml");

/// Runs `f` on a thread of its own and fails the test if it has not finished after `limit`:
/// a hang is a failure, not a test that never ends.
fn within(limit: Duration, f: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        f();
        let _ = done.send(());
    });
    match finished.recv_timeout(limit) {
        Ok(()) => worker.join().unwrap(),
        // The worker panicked: re-raise its panic here, with its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            std::panic::resume_unwind(worker.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer within {limit:?}: a hang"),
    }
}

/// A runner for `cases` generated cases; failures are reported, not saved to files.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn project() -> ProjectConfig {
    ProjectConfig::parse(Path::new("vejviser.yaml"), &Arc::from(CONFIG)).unwrap()
}

/// Every diagnostic names `file` and a line that exists in `text` (0: the whole file).
fn assert_located(diagnostics: &[Diagnostic], file: &Path, text: &str) {
    let lines = text.split('\n').count();
    for d in diagnostics {
        assert_eq!(d.file, file, "{d}");
        assert!(d.line <= lines, "line {} of {lines}: {d}", d.line);
    }
}

/// Link targets resolve to themselves; nothing is a problem.
struct Anything;

impl Resolver for Anything {
    fn link(&self, _: &str) -> Resolved {
        Resolved::Keep
    }
    fn image(&self, dest: &str) -> Resolved {
        if dest.is_empty() {
            Resolved::Problem(messages::image_alt(), messages::image_alt_hint())
        } else {
            Resolved::Keep
        }
    }
}

fn settings(allow_html: bool) -> markdown::Settings {
    markdown::Settings {
        allow_html,
        callout_labels: Default::default(),
        table_label: "Tabel".into(),
        task_labels: Default::default(),
        hidelines: Vec::new(),
        close_heading_gaps: false,
    }
}

/// Pieces of Markdown that open, close and nest every construct the renderer handles.
fn markdown_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "# ",
        "## ",
        "###### ",
        "> ",
        "> [!NOTE]\n",
        "> [!WARNING]\n",
        "- ",
        "1. ",
        "- [ ] ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "*",
        "**",
        "_",
        "`",
        "```\n",
        "~~",
        "|",
        "| a | b |\n|---|---|\n",
        "---\n",
        "[^1]",
        "[^1]: note\n",
        "{#id}",
        "<div>",
        "</div>",
        "<script>",
        "&amp;",
        "&#0;",
        "æøå",
        "Skriveværksted ",
        "ovelser/x.md",
        "../",
        "#a",
        "http://x.example.dk/",
        "mailto:",
        "\\",
        "\r\n",
        "\u{0}",
        "\u{feff}",
        "é",
        "🙂",
        "<!--",
        "-->",
        "$$",
        "[x]: y.md\n",
    ];
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zåæø ]{0,12}",
            1 => any::<String>(),
        ],
        0..80,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Front matter lines that are plausible — right and wrong field names, values of the right and
/// the wrong type, broken indentation and YAML syntax — in any order and number.
fn front_matter() -> impl Strategy<Value = String> {
    const LINES: &[&str] = &[
        "title: Skriveværksted",
        "title: Om os: Recoveryskolen",
        "title:",
        "title: [a, b]",
        "titel: Om os",
        "description: Hvem vi er.",
        "order: 3",
        "order: tre",
        "order: 99999999999999999999999",
        "slug: om-os",
        "slug: ../../x",
        "draft: true",
        "draft: måske",
        "search: false",
        "updated: 2026-02-30",
        "updated: 2026-06-01",
        "kind: course",
        "kind: manual",
        "kind: session",
        "kind: exercise",
        "kind: spaceship",
        "category: skrivevaerksted",
        "category: ukendt",
        "referral: false",
        "capacity: -1",
        "price: 1e400",
        "location: makers-corner",
        "contact: sundhedscentret",
        "facilitators: [peer, staff, robot]",
        "schedule:",
        "  start: 2027-02-02",
        "  weeks: 10",
        "  weeks: 100000000",
        "  time: \"10:00-12:00\"",
        "  time: \"25:99-00:00\"",
        "  skip: [2027-03-30]",
        "  dates: [2027-02-02, 2026-01-01]",
        "signup: { deadline: 2027-01-26, email: a@b.example.dk }",
        "intake: { open_until_session: 3 }",
        "number: 1",
        "phase: 9",
        "duration: 120",
        "goals: [a]",
        "agenda: [{ minutes: 200, activity: Velkomst }]",
        "exercises: [mangler]",
        "phases: [{ number: 1, title: A, weeks: 5 }]",
        "extra: { a: [1, { b: c }] }",
        "  - x",
        "\t- tab",
        "- liste",
        "a: &a [1, 2]",
        "b: *a",
        "c: *ukendt",
        "<<: *a",
        "? kompleks",
        ": værdi",
        "'ulukket",
        "\"ulukket",
        "{",
        "---",
        "...",
        "%YAML 1.2",
        "!!binary x",
        "æ: ø",
    ];
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::sample::select(LINES).prop_map(str::to_string),
            1 => "[a-z_]{1,10}: [a-zæøå0-9 ]{0,10}",
            1 => any::<String>().prop_map(|s| s.replace('\n', " ")),
        ],
        0..16,
    )
    .prop_map(|lines| lines.join("\n"))
}

/// A whole page: front matter (closed or not) and a body.
fn page_text() -> impl Strategy<Value = String> {
    (front_matter(), any::<bool>(), markdown_text()).prop_map(|(fm, closed, body)| {
        let end = if closed { "\n---\n" } else { "\n" };
        format!("---\n{fm}{end}{body}")
    })
}

/// Where a generated page goes: the kind comes from the folder.
fn page_place() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            "om.md",
            "kurser/kursus.md",
            "manualer/abc/_index.md",
            "manualer/abc/kapitel.md",
            "manualer/abc/sessioner/uge-01.md",
            "manualer/abc/ovelser/ark.md",
        ][..],
    )
}

#[test]
fn arbitrary_bytes_load_as_text_or_a_located_error() {
    within(Duration::from_secs(60), || {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let path = root.join("content/side.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let project = project();
        runner(300)
            .run(&proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
                std::fs::write(&path, &bytes).unwrap();
                let shown = Path::new("content/side.md");
                match vejviser::load::read_text(&root, &path) {
                    Ok(text) => match Page::parse(shown, "side.md", text.clone(), &project, None) {
                        Ok(_) => {}
                        Err(d) => assert_located(&d, shown, &text),
                    },
                    Err(d) => {
                        assert_eq!(d.code, "io.not-utf8");
                        assert_eq!(d.file, shown);
                        assert!(d.line >= 1);
                    }
                }
                Ok(())
            })
            .unwrap();
    });
}

#[test]
fn generated_pages_parse_or_fail_with_located_errors() {
    within(Duration::from_secs(60), || {
        let project = project();
        runner(500)
            .run(
                &(page_text(), page_place(), any::<bool>()),
                |(text, rel, bare)| {
                    let file = Path::new("content/roskilde").join(rel);
                    let text: Arc<str> = Arc::from(text);
                    let bare = bare.then_some("Kapitel");
                    match Page::parse(&file, rel, text.clone(), &project, bare) {
                        // A page whose fields have problems is kept, carrying them.
                        Ok(page) if !page.problems.is_empty() => {
                            assert_located(&page.problems, &file, &text);
                        }
                        Ok(page) => assert!(!page.common.title.is_empty() || bare.is_some()),
                        Err(d) => {
                            assert!(!d.is_empty());
                            assert_located(&d, &file, &text);
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
    });
}

#[test]
fn generated_markdown_renders_and_indexes_without_panic() {
    within(Duration::from_secs(60), || {
        runner(500)
            .run(&(markdown_text(), any::<bool>()), |(body, allow_html)| {
                let (heads, too_deep) = markdown::outline(&body);
                if too_deep.is_none() {
                    let out = markdown::render(&body, &heads, &settings(allow_html), &Anything);
                    for p in &out.problems {
                        assert!(p.offset <= body.len(), "{p:?}");
                    }
                }
                let sections = search::sections(&body, &heads, "Resumé.");
                let page = search::IndexPage {
                    title: "Side".into(),
                    path: "side/".into(),
                    kind: "Side".into(),
                    sections,
                    ..Default::default()
                };
                let index = search::build(vec![page], "sog/index/x/");
                assert!(!index.meta_path.is_empty());
                Ok(())
            })
            .unwrap();
    });
}

#[test]
fn arbitrary_text_is_folded_stemmed_and_decoded_without_panic() {
    within(Duration::from_secs(60), || {
        runner(500)
            .run(&any::<String>(), |text| {
                for word in search::language::tokens(&text) {
                    let folded = search::language::fold(word);
                    search::language::stem(&folded);
                }
                search::decode_postings(&text);
                Ok(())
            })
            .unwrap();
    });
}

/// Whole builds in memory of a project with one generated page (in a place that decides its
/// kind) beside a good one: the build returns, and its diagnostics name a file of the project
/// and a line inside it.
#[test]
fn builds_with_a_generated_page_end_in_located_diagnostics() {
    within(Duration::from_secs(120), || {
        let project = Project::fixture("robustness/minimal");
        let root = project.root.clone();
        let opts = project.options();
        let good = std::fs::read(root.join("content/roskilde/om.md")).unwrap();
        runner(200)
            .run(&(page_text(), page_place()), |(text, rel)| {
                let site = root.join("content/roskilde");
                for old in ["kurser", "manualer"] {
                    let _ = std::fs::remove_dir_all(site.join(old));
                }
                let path = site.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &text).unwrap();
                let outcome = vejviser::build_in_memory(&opts).unwrap();
                for d in &outcome.diagnostics {
                    let lines = match std::fs::read_to_string(root.join(&d.file)) {
                        Ok(text) => text.split('\n').count(),
                        Err(_) => 0,
                    };
                    assert!(root.join(&d.file).exists(), "{d}");
                    assert!(d.line <= lines, "{d}");
                }
                if rel == "om.md" {
                    std::fs::write(&path, &good).unwrap();
                }
                Ok(())
            })
            .unwrap();
    });
}

/// The first error of a build, which must exist.
fn first_error(outcome: &BuildOutcome) -> &Diagnostic {
    outcome
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .unwrap_or_else(|| panic!("expected an error:\n{}", report(outcome)))
}

/// A hundred thousand levels of nesting once overflowed the stack (the HTML minifier recurses
/// per level); now the page is refused with an error at the line where the nesting gets too deep.
#[test]
fn deeply_nested_markdown_is_refused_with_a_located_error() {
    let deep = 100_000;
    let cases = [
        ("quotes", ">".repeat(deep) + " x"),
        ("quotes on lines", "> ".repeat(deep)),
        ("list items", "- ".repeat(deep) + "x"),
        ("numbered list items", "1. ".repeat(deep) + "x"),
        ("emphasis", "*".repeat(deep) + "x" + &"*".repeat(deep)),
        ("strong", "**".repeat(deep) + "x" + &"**".repeat(deep)),
    ];
    let project = Project::fixture("robustness/minimal");
    for (what, body) in cases {
        let outcome = within_build(&project, &body);
        let e = first_error(&outcome);
        assert_eq!(e.code, "markdown.too-deep", "{what}: {e}");
        assert_eq!(e.file, Path::new("content/roskilde/dyb.md"), "{what}");
        assert_eq!(e.line, 5, "{what}: {e}");
        assert!(e.text(Da).contains("100 niveauer"), "{what}: {e}");
    }
    // Nesting a real page uses builds.
    let outcome = within_build(&project, &"> ".repeat(20));
    ok(outcome);
}

/// Builds the project in memory on a thread of its own, failing the test after `limit`.
fn build_within(project: &Project, limit: Duration) -> BuildOutcome {
    let opts = project.options();
    let (tx, rx) = mpsc::channel();
    within(limit, move || {
        tx.send(vejviser::build_in_memory(&opts).unwrap()).unwrap();
    });
    rx.recv().unwrap()
}

/// Builds the project with `body` as the body of a page `dyb.md` (on line 5).
fn within_build(project: &Project, body: &str) -> BuildOutcome {
    project.write(
        "content/roskilde/dyb.md",
        format!("---\ntitle: Dyb\n---\n\n{body}\n").as_bytes(),
    );
    build_within(project, Duration::from_secs(60))
}

/// A `%` before a multi-byte letter in a link once crashed the build (the decoder sliced the
/// letter in two); now the link is simply broken, and reported at its line.
#[test]
fn a_percent_before_a_danish_letter_in_a_link_is_a_broken_link() {
    let project = Project::fixture("robustness/minimal");
    let outcome = within_build(&project, "[her](%aé.md) og [der](#%aé) og [%](%)");
    let e = first_error(&outcome);
    assert_eq!(e.code, "markdown.broken-link", "{e}");
    assert_eq!(
        (e.file.to_str(), e.line),
        (Some("content/roskilde/dyb.md"), 5)
    );
}

/// Deep but not nested constructs, and raw HTML nested without bound (allowed by the project),
/// build without overflowing the stack.
#[test]
fn deep_brackets_and_deep_raw_html_build() {
    let project = Project::fixture("robustness/minimal");
    let deep = 100_000;
    for body in [
        "[".repeat(deep) + "x" + &"]".repeat(deep),
        "[a](".repeat(deep),
        "`".repeat(deep),
        "<div>".repeat(deep),
    ] {
        let outcome = within_build(&project, &body);
        ok(outcome);
    }
    let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    project.write(
        "vejviser.yaml",
        format!("{config}markdown: {{ allow_html: true }}\n").as_bytes(),
    );
    // Raw HTML allowed but nested too deep to sanitize: a located error, quickly.
    let outcome = within_build(&project, &"<div>".repeat(deep));
    let found: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "markdown.html-too-deep")
        .collect();
    assert_eq!(found.len(), 1, "{}", report(&outcome));
    assert_eq!(found[0].file, Path::new("content/roskilde/dyb.md"));
    assert!(found[0].line > 0, "{}", report(&outcome));
}

/// Tens of thousands of headings (each after the first an extra `#` warning) once took minutes:
/// every warning was placed by scanning the file from its start. A page now reports at most a
/// hundred problems and says how many more there are.
#[test]
fn a_page_with_twenty_thousand_problems_reports_a_bounded_number_quickly() {
    let project = Project::fixture("robustness/minimal");
    let outcome = within_build(&project, &"# Overskrift\n\n".repeat(20_000));
    let found: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.file == Path::new("content/roskilde/dyb.md"))
        .collect();
    assert_eq!(
        found.len(),
        markdown::MAX_PROBLEMS + 1,
        "{}",
        report(&outcome)
    );
    assert_eq!(found.last().unwrap().code, "markdown.more-problems");
    assert!(found
        .last()
        .unwrap()
        .text(Da)
        .starts_with("19899 problem(er) mere"));
    ok(within_build(&project, "ok"));
}

/// YAML aliases that expand exponentially ("billion laughs") are refused, not expanded.
#[test]
fn a_yaml_alias_bomb_in_front_matter_is_an_error() {
    let mut fm = String::from("title: Bombe\nextra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        fm.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    let project = Project::fixture("robustness/minimal");
    project.write(
        "content/roskilde/bombe.md",
        format!("---\n{fm}---\nTekst\n").as_bytes(),
    );
    let outcome = build_within(&project, Duration::from_secs(30));
    let e = first_error(&outcome);
    assert_eq!(e.file, Path::new("content/roskilde/bombe.md"), "{e}");
    assert_eq!(e.code, "frontmatter.yaml", "{e}");
}

#[test]
fn a_file_over_the_size_limit_is_an_error_naming_it() {
    let project = Project::fixture("robustness/minimal");
    let size = vejviser::load::MAX_FILE_BYTES as usize + 1;
    let mut text = b"---\ntitle: Stor\n---\n".to_vec();
    text.resize(size, b'a');
    project.write("content/roskilde/stor.md", &text);
    let outcome = project.build();
    let e = first_error(&outcome);
    assert_eq!(e.code, "io.too-large");
    assert_eq!(e.file, Path::new("content/roskilde/stor.md"));
    assert!(e.text(Da).contains("grænsen er 10 MB"), "{e}");
    // Exactly at the limit is read.
    text.truncate(size - 1);
    project.write("content/roskilde/stor.md", &text);
    let path = project.path("content/roskilde/stor.md");
    assert!(vejviser::load::read_text(&project.root, &path).is_ok());
}

/// Symbolic links are never followed: not to a file outside the project, not to a folder, not
/// as a whole layer, a theme folder or the logo. What they point at never reaches the output.
#[cfg(unix)]
#[test]
fn symlinks_are_never_followed_out_of_the_project() {
    use std::os::unix::fs::symlink;

    let project = Project::fixture("robustness/minimal");
    let outside = tempfile::tempdir().unwrap();
    let secret = "HEMMELIGT-INDHOLD";
    std::fs::write(
        outside.path().join("hemmelig.md"),
        format!("---\ntitle: {secret}\n---\n{secret}\n"),
    )
    .unwrap();
    std::fs::write(outside.path().join("logo.svg"), secret).unwrap();
    std::fs::create_dir_all(outside.path().join("mappe/kurser")).unwrap();
    std::fs::write(
        outside.path().join("mappe/side.md"),
        format!("---\ntitle: {secret}\n---\n"),
    )
    .unwrap();
    let content = project.path("content");
    symlink(
        outside.path().join("hemmelig.md"),
        content.join("roskilde/hemmelig.md"),
    )
    .unwrap();
    symlink(outside.path().join("mappe"), content.join("roskilde/mappe")).unwrap();
    symlink(outside.path().join("mappe"), content.join("_shared")).unwrap();
    symlink(
        outside.path().join("logo.svg"),
        content.join("roskilde/logo.svg"),
    )
    .unwrap();
    let footer = outside.path().join("tema/templates/partials/footer.html");
    std::fs::create_dir_all(footer.parent().unwrap()).unwrap();
    std::fs::write(&footer, secret).unwrap();
    symlink(outside.path().join("tema"), content.join("roskilde/_theme")).unwrap();

    let outcome = ok(project.build());
    let warned: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == "io.symlink")
        .map(|d| d.file.display().to_string())
        .collect();
    assert_eq!(
        warned,
        [
            "content/_shared",
            "content/roskilde/_theme",
            "content/roskilde/hemmelig.md",
            "content/roskilde/logo.svg",
            "content/roskilde/mappe"
        ],
        "{}",
        report(&outcome)
    );
    for (path, bytes) in &site(&outcome, "roskilde").files {
        assert!(
            !String::from_utf8_lossy(bytes).contains(secret),
            "{path} holds what a link points at"
        );
    }

    // A logo named in _site.yaml that is a link is refused with an error.
    let yaml = std::fs::read_to_string(content.join("roskilde/_site.yaml")).unwrap();
    project.write(
        "content/roskilde/_site.yaml",
        format!("{yaml}logo: logo.svg\n").as_bytes(),
    );
    let outcome = project.build();
    let e = first_error(&outcome);
    assert_eq!(e.code, "site.logo", "{e}");
    assert!(e.text(Da).contains("symbolsk link"), "{e}");
}

/// A thousand broken files, with five kinds of mistake, are all reported — each error at its
/// line, and every error of a file: one whose fields have problems still has its links checked
/// — sorted by file, line and column, the same way on every run.
#[test]
fn a_thousand_broken_files_are_all_reported_in_a_stable_order() {
    let project = Project::fixture("robustness/minimal");
    // The front matter, and the errors it gives (code, line). The broken link stands on the
    // line after the front matter's blank line; YAML that cannot be read hides it.
    let kinds: [(&str, &[(&str, usize)]); 5] = [
        // Where the list that is never closed opens.
        ("title: [ulukket\n", &[("frontmatter.yaml", 2)]),
        (
            "title: A\ndescriptio: B\n",
            &[
                ("frontmatter.unknown-field", 3),
                ("markdown.broken-link", 6),
            ],
        ),
        (
            "description: Ingen titel\n",
            &[
                ("frontmatter.missing-field", 1),
                ("markdown.broken-link", 5),
            ],
        ),
        (
            "title: A\nupdated: 2026-13-45\n",
            &[("frontmatter.yaml", 3)],
        ),
        ("title: A\n", &[("markdown.broken-link", 5)]),
    ];
    let mut expected = Vec::new();
    for i in 0..1000 {
        let (fm, errors) = kinds[i % kinds.len()];
        let rel = format!("content/roskilde/sider/side-{i:04}.md");
        project.write(
            &rel,
            format!("---\n{fm}---\n\nSe [siden](mangler-{i}.md).\n").as_bytes(),
        );
        for (code, line) in errors {
            expected.push((rel.clone(), *code, *line));
        }
    }
    expected.sort();
    let run = || build_within(&project, Duration::from_secs(120));
    let first = run();
    let errors: Vec<&Diagnostic> = first.diagnostics.iter().filter(|d| d.is_error()).collect();
    let found: Vec<(String, &str, usize)> = errors
        .iter()
        .map(|d| (d.file.display().to_string(), d.code, d.line))
        .collect();
    let want: Vec<(String, &str, usize)> = expected
        .iter()
        .map(|(f, c, l)| (f.clone(), *c, *l))
        .collect();
    assert_eq!(found.len(), 1400, "{}", report(&first));
    for (found, want) in found.iter().zip(&want) {
        assert_eq!(found, want);
    }
    let order: Vec<_> = errors.iter().map(|d| (&d.file, d.line, d.column)).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);

    let second = run();
    let text =
        |o: &BuildOutcome| -> Vec<String> { o.diagnostics.iter().map(|d| d.to_string()).collect() };
    assert_eq!(text(&first), text(&second));
    // The report a person reads holds every one of them.
    let human = vejviser::error::render_human(&first.diagnostics, false, Da);
    for (file, _, line) in &want {
        assert!(
            human.contains(&format!("{file}:{line}")),
            "{file}:{line} missing"
        );
    }
}

/// Thousands of headings and links on one page once made `check` run for minutes: every broken
/// anchor's hint listed every heading, and every finding was placed by a scan from the file's
/// start. Hints now name 20 headings and how many more; each kind of finding stops at 100 a page.
#[test]
fn findings_about_a_page_with_thousands_of_headings_stay_bounded() {
    let project = Project::fixture("robustness/minimal");
    let body = "## Afsnit\n\n#### Skridt [](#mangler)\n\n".repeat(3000);
    project.write(
        "content/roskilde/dyb.md",
        format!("---\ntitle: Dyb\n---\n\n{body}").as_bytes(),
    );
    let opts = project.options();
    let (tx, rx) = mpsc::channel();
    within(Duration::from_secs(120), move || {
        tx.send(vejviser::check::run(&opts).unwrap()).unwrap();
    });
    let findings = rx.recv().unwrap();
    let count = |code: &str| findings.iter().filter(|d| d.code == code).count();
    assert_eq!(count("markdown.heading-skip"), markdown::MAX_PROBLEMS);
    assert_eq!(count("markdown.empty-link"), markdown::MAX_PROBLEMS);
    let anchors: Vec<&Diagnostic> = findings
        .iter()
        .filter(|d| d.code == "markdown.broken-link")
        .collect();
    assert!(!anchors.is_empty());
    for d in anchors {
        let hint = d.hint_text(Da).unwrap_or_default();
        assert!(hint.ends_with("og 5980 mere"), "{hint}");
    }
}
