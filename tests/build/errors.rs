//! Bad input, one fixture per mistake. Each test checks the diagnostic (message, file, line,
//! column, hint), that the binary exits with 1 and shows the place and the offending line, and
//! that a failed build leaves an existing `public/` exactly as it was.

use std::path::Path;
use vejviser::messages::Language::Da;

use vejviser::{BuildOutcome, Diagnostic};

use crate::common::*;

/// One error a fixture must produce.
struct Expected {
    code: &'static str,
    file: &'static str,
    /// 1-based; 0 for an error about the whole file.
    line: usize,
    /// 1-based; `None` where the column carries no meaning.
    column: Option<usize>,
    /// A part of the message.
    message: &'static str,
    /// A part of the hint.
    hint: &'static str,
    /// The offending line as it stands in the file (shown on stderr); `None` for whole-file errors.
    source_line: Option<&'static str>,
}

fn errors(outcome: &BuildOutcome) -> Vec<&Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect()
}

/// Asserts that the in-memory build reports exactly the expected errors, and returns them in the
/// order of `expected`.
fn assert_diagnostics<'a>(outcome: &'a BuildOutcome, expected: &[Expected]) -> Vec<&'a Diagnostic> {
    let found = errors(outcome);
    assert_eq!(
        found.len(),
        expected.len(),
        "expected {} error(s), the build reported:\n{}",
        expected.len(),
        report(outcome)
    );
    let mut matched = Vec::new();
    for e in expected {
        let d = found
            .iter()
            .find(|d| d.file == Path::new(e.file) && d.text(Da).contains(e.message))
            .unwrap_or_else(|| {
                panic!(
                    "no error in {} with the message {:?}; the build reported:\n{}",
                    e.file,
                    e.message,
                    report(outcome)
                )
            });
        assert_eq!(d.code, e.code, "{d}");
        assert_eq!(d.line, e.line, "line of {d}");
        if let Some(column) = e.column {
            assert_eq!(d.column, column, "column of {d}");
        }
        let hint = d.hint_text(Da).unwrap_or_else(|| panic!("no hint: {d}"));
        assert!(
            hint.contains(e.hint),
            "the hint of {d} should say {:?}",
            e.hint
        );
        if let Some(line) = e.source_line {
            assert_eq!(d.source_line(), Some(line), "{d}");
        }
        matched.push(*d);
    }
    matched
}

/// Runs the binary over the project with a previous build in `public/`, and checks the exit code,
/// the report on stderr and that `public/` is untouched.
fn assert_cli_rejects(project: &Project, expected: &[Expected]) {
    project.write(
        "public/roskilde/index.html",
        b"<!doctype html><p>Forrige build</p>",
    );
    project.write(
        "public/roskilde/om/index.html",
        b"<!doctype html><p>Om os, forrige build</p>",
    );
    project.write("public/sentinel.txt", b"skal blive liggende");
    let before = tree(&project.path("public"));

    let output = project.run_build(&[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "stderr:\n{err}");
    for e in expected {
        // The place as the diagnostic has it: columns count characters, not bytes.
        let place = match (e.line, e.column) {
            (0, _) => e.file.to_string(),
            (line, Some(column)) => format!("{}:{line}:{column}", e.file),
            (line, None) => format!("{}:{line}:", e.file),
        };
        assert!(err.contains(&place), "stderr does not name {place}:\n{err}");
        assert!(
            err.contains(e.code),
            "stderr does not show {}:\n{err}",
            e.code
        );
        if let Some(line) = e.source_line {
            assert!(
                err.contains(line),
                "stderr does not show the line {line:?}:\n{err}"
            );
        }
    }
    assert!(err.contains("help: "), "stderr has no hint:\n{err}");

    let after = tree(&project.path("public"));
    assert_eq!(
        listing(&after),
        listing(&before),
        "the failed build changed the files of public/"
    );
    assert!(
        after == before,
        "the failed build changed the contents of public/"
    );
}

/// Both of the above for a fixture.
fn assert_rejected(fixture: &str, expected: &[Expected]) {
    let project = Project::fixture(fixture);
    assert_diagnostics(&project.build(), expected);
    assert_cli_rejects(&project, expected);
}

#[test]
fn malformed_yaml_in_front_matter() {
    assert_rejected(
        "errors/malformed-yaml",
        &[Expected {
            code: "frontmatter.yaml",
            file: "content/roskilde/om.md",
            line: 2,
            column: Some(13),
            message: "Værdien indeholder `: `, som YAML læser som starten på et nyt felt",
            hint: "Sæt anførselstegn om værdien: `title: \"Om os: Recoveryskolen i Roskilde\"`",
            source_line: Some("title: Om os: Recoveryskolen i Roskilde"),
        }],
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    assert_rejected(
        "errors/unknown-field",
        &[
            Expected {
                code: "frontmatter.unknown-field",
                file: "content/roskilde/om.md",
                line: 2,
                column: Some(1),
                message: "Ukendt felt `titel`",
                hint: "Mente du `title`?",
                source_line: Some("titel: Om os"),
            },
            // With `titel` the page has no title either.
            Expected {
                code: "frontmatter.missing-field",
                file: "content/roskilde/om.md",
                line: 1,
                column: Some(1),
                message: "Feltet `title` mangler",
                hint: "title:",
                source_line: Some("---"),
            },
        ],
    );
}

#[test]
fn missing_title() {
    assert_rejected(
        "errors/missing-title",
        &[Expected {
            code: "frontmatter.missing-field",
            file: "content/roskilde/om.md",
            line: 1,
            column: Some(1),
            message: "Feltet `title` mangler",
            hint: "skriv `title: …`",
            source_line: Some("---"),
        }],
    );
}

#[test]
fn wrong_type() {
    assert_rejected(
        "errors/wrong-type",
        &[Expected {
            code: "frontmatter.yaml",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 5,
            column: Some(11),
            message: "Her står tekst, men feltet skal have et tal",
            hint: "Tjek anførselstegn, tal og lister",
            source_line: Some("capacity: mange"),
        }],
    );
}

#[test]
fn invalid_date() {
    assert_rejected(
        "errors/invalid-date",
        &[Expected {
            code: "frontmatter.yaml",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 6,
            // serde_yaml places this error at the key, so the column is not the date's.
            column: None,
            message: "Datoen `2027-02-30` findes ikke",
            // How to write a date, not the generic "check the YAML syntax".
            hint: "Skriv datoer som ÅÅÅÅ-MM-DD, fx 2027-02-02",
            source_line: Some("  start: 2027-02-30"),
        }],
    );
}

#[test]
fn unknown_category() {
    assert_rejected(
        "errors/unknown-category",
        &[Expected {
            code: "course.unknown-category",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 3,
            column: Some(11),
            message: "Ukendt kategori `skriveværksted`",
            hint: "Mente du `skrivevaerksted`?",
            source_line: Some("category: skriveværksted"),
        }],
    );
}

#[test]
fn four_wrong_references_in_one_course_are_reported_in_one_run() {
    // A wrong category and skip date (read with the front matter) and a wrong place and contact
    // (checked against the municipality): all four at once, in the order of their lines.
    let file = "content/roskilde/kurser/skrivevaerksted.md";
    let project = Project::fixture("errors/four-wrong-references");
    let outcome = project.build();
    let expected = [
        Expected {
            code: "course.unknown-category",
            file,
            line: 3,
            column: Some(11),
            message: "Ukendt kategori `skrivevaerkstd`",
            hint: "Mente du `skrivevaerksted`?",
            source_line: Some("category: skrivevaerkstd"),
        },
        Expected {
            code: "course.unknown-location",
            file,
            line: 5,
            column: Some(11),
            message: "Ukendt sted `makers-corne`",
            hint: "Mente du `makers-corner`?",
            source_line: Some("location: makers-corne"),
        },
        Expected {
            code: "course.unknown-contact",
            file,
            line: 6,
            column: Some(10),
            message: "Ukendt kontaktperson `sundhedscenter`",
            hint: "Mente du `sundhedscentret`?",
            source_line: Some("contact: sundhedscenter"),
        },
        Expected {
            code: "course.schedule",
            file,
            line: 10,
            column: None,
            message: "`skip: 2027-02-10` er ikke en mødedag for kurset",
            hint: "kursets ugedag",
            source_line: Some("  skip: [2027-02-10]"),
        },
    ];
    let found = assert_diagnostics(&outcome, &expected);
    let lines: Vec<usize> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [3, 5, 6, 10], "not in the order of their lines");
    assert_eq!(found.len(), 4);
    // The command line shows all four too, and `check` finds the same.
    assert_cli_rejects(&project, &expected);
    let checked = vejviser::check::run(&project.options()).unwrap();
    let codes: Vec<&str> = checked
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    assert_eq!(
        codes,
        [
            "course.unknown-category",
            "course.unknown-location",
            "course.unknown-contact",
            "course.schedule"
        ]
    );
}

#[test]
fn unknown_location() {
    assert_rejected(
        "errors/unknown-location",
        &[Expected {
            code: "course.unknown-location",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 5,
            column: Some(11),
            message: "Ukendt sted `makers-corne`",
            hint: "Mente du `makers-corner`?",
            source_line: Some("location: makers-corne"),
        }],
    );
}

#[test]
fn unknown_contact() {
    assert_rejected(
        "errors/unknown-contact",
        &[Expected {
            code: "course.unknown-contact",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 6,
            column: Some(10),
            message: "Ukendt kontaktperson `sundhedscenter`",
            hint: "Mente du `sundhedscentret`?",
            source_line: Some("contact: sundhedscenter"),
        }],
    );
}

#[test]
fn unknown_exercise_in_a_session() {
    let expected = [Expected {
        code: "session.unknown-exercise",
        file: "content/_shared/manualer/abc/sessioner/uge-01.md",
        line: 4,
        column: Some(27),
        message: "intet øvelsesark `min-uge`",
        hint: "Øvelsesarkene i denne manual er: mit-netvaerk",
        source_line: Some("exercises: [mit-netvaerk, min-uge]"),
    }];
    let project = Project::fixture("errors/unknown-exercise");
    let outcome = project.build();
    let found = assert_diagnostics(&outcome, &expected);
    // The hint lists the sheets; front matter's `extra:` has nothing to do with it.
    let hint = found[0].hint_text(Da).unwrap();
    assert!(
        !hint.contains("extra"),
        "the hint is about front-matter fields, not exercise sheets: {hint:?}"
    );
    assert_cli_rejects(&project, &expected);
}

#[test]
fn link_to_a_missing_page() {
    assert_rejected(
        "errors/broken-link",
        &[Expected {
            code: "markdown.broken-link",
            file: "content/roskilde/om.md",
            line: 6,
            column: Some(9),
            message:
                "`kurser/skrivevaerksted.md` linker til kurser/skrivevaerksted.md, som ikke findes",
            hint: "Tjek filnavnet",
            source_line: Some("Se også [Skriveværksted](kurser/skrivevaerksted.md) til foråret."),
        }],
    );
}

#[test]
fn link_to_a_missing_anchor() {
    assert_rejected(
        "errors/missing-anchor",
        &[Expected {
            code: "markdown.broken-link",
            file: "content/roskilde/om.md",
            line: 6,
            column: Some(8),
            message: "ingen overskrift med id'et `#tilmelding`",
            hint: "#saadan-tilmelder-du-dig",
            source_line: Some("Læs om [tilmelding](praktisk.md#tilmelding) før du kommer."),
        }],
    );
}

#[test]
fn image_without_alt_text() {
    assert_rejected(
        "errors/image-without-alt",
        &[Expected {
            code: "markdown.image-alt",
            file: "content/roskilde/om.md",
            line: 7,
            column: Some(1),
            message: "Billedet har ingen alternativ tekst",
            hint: "Beskriv billedet",
            source_line: Some("![](gruppen.svg)"),
        }],
    );
}

#[test]
fn missing_image_file() {
    assert_rejected(
        "errors/missing-image",
        &[Expected {
            code: "markdown.missing-image",
            file: "content/roskilde/om.md",
            line: 7,
            column: Some(1),
            message: "Billedet `billeder/gruppen.jpg` findes ikke",
            hint: "Læg billedet ved siden af siden",
            source_line: Some("![Deltagere ved et bord](billeder/gruppen.jpg)"),
        }],
    );
}

#[test]
fn two_files_with_the_same_url() {
    let project = Project::fixture("errors/duplicate-url");
    let outcome = project.build();
    let found = errors(&outcome);
    assert_eq!(found.len(), 1, "{}", report(&outcome));
    let d = found[0];
    assert_eq!(d.code, "site.duplicate-url");
    // One file carries the error; its message names the other, and the URL both want.
    let a = "content/roskilde/kurser/skrivevaerksted-foraar.md";
    let b = "content/roskilde/kurser/skrivevaerksted.md";
    let other = if d.file == Path::new(a) {
        b
    } else {
        assert_eq!(d.file, Path::new(b), "{d}");
        a
    };
    assert!(
        d.text(Da).contains(other),
        "the message does not name {other}: {d}"
    );
    assert!(d.text(Da).contains("/kurser/skrivevaerksted/"), "{d}");
    assert_eq!((d.line, d.column), (1, 1), "{d}");
    assert!(d.hint_text(Da).unwrap_or_default().contains("slug"), "{d}");

    let file: &'static str = if other == a { b } else { a };
    assert_cli_rejects(
        &project,
        &[Expected {
            code: "site.duplicate-url",
            file,
            line: 1,
            column: Some(1),
            // Checked on the diagnostic above.
            message: "",
            hint: "",
            source_line: Some("---"),
        }],
    );
}

#[test]
fn municipality_folder_without_site_yaml() {
    assert_rejected(
        "errors/missing-site-yaml",
        &[Expected {
            code: "site.missing-config",
            file: "content/koege",
            line: 0,
            column: None,
            message: "Kommunemappen `koege` har ingen _site.yaml",
            hint: "Opret content/koege/_site.yaml",
            source_line: None,
        }],
    );
}

#[test]
fn file_that_is_not_utf8() {
    let project = Project::fixture("errors/not-utf8");
    // "København" in Latin-1: 0xF8 is not UTF-8.
    project.write(
        "content/roskilde/om.md",
        b"---\ntitle: Om os\n---\n\nRecoveryskolen i K\xf8benhavn.\n",
    );
    let expected = [Expected {
        code: "io.not-utf8",
        file: "content/roskilde/om.md",
        line: 5,
        column: Some(19),
        message: "ikke gemt som UTF-8",
        hint: "UTF-8",
        source_line: Some("Recoveryskolen i K\u{fffd}benhavn."),
    }];
    assert_diagnostics(&project.build(), &expected);
    assert_cli_rejects(&project, &expected);
}

#[test]
fn three_errors_in_three_files_are_reported_in_one_run() {
    assert_rejected(
        "errors/three-errors",
        &[
            Expected {
                code: "frontmatter.unknown-field",
                file: "content/roskilde/om.md",
                line: 3,
                column: Some(1),
                message: "Ukendt felt `descripton`",
                hint: "Mente du `description`?",
                source_line: Some("descripton: Hvem vi er."),
            },
            Expected {
                code: "course.unknown-category",
                file: "content/roskilde/kurser/samtalesalon.md",
                line: 3,
                column: Some(11),
                message: "Ukendt kategori `samtale-salon`",
                hint: "Mente du `samtalesalon`?",
                source_line: Some("category: samtale-salon"),
            },
            Expected {
                code: "session.unknown-exercise",
                file: "content/_shared/manualer/abc/sessioner/uge-01.md",
                line: 4,
                column: Some(13),
                message: "intet øvelsesark `mit-netværk`",
                hint: "Mente du `mit-netvaerk`?",
                source_line: Some("exercises: [mit-netværk]"),
            },
        ],
    );
}

#[test]
fn the_library_build_writes_nothing_when_there_are_errors() {
    let project = Project::fixture("errors/broken-link");
    project.write("public/sentinel.txt", b"skal blive liggende");
    let before = tree(&project.path("public"));
    let outcome =
        vejviser::build(&project.options()).expect("a content error is not a usage error");
    let found = errors(&outcome);
    assert_eq!(found.len(), 1, "{}", report(&outcome));
    assert_eq!(found[0].code, "markdown.broken-link", "{}", found[0]);
    assert!(tree(&project.path("public")) == before, "public/ changed");
}

#[test]
fn template_error_names_the_template_file_line_and_page() {
    let project = Project::fixture("errors/template-error");
    let expected = [Expected {
        code: "theme.template",
        file: "content/roskilde/_theme/templates/page.html",
        line: 3,
        column: Some(13),
        message: "`titel` is not defined",
        hint: "content/roskilde/om.md",
        source_line: Some("<h1>{{ page.titel }}</h1>"),
    }];
    let outcome = project.build();
    assert_eq!(assert_diagnostics(&outcome, &expected).len(), 1);
    assert_cli_rejects(&project, &expected);
}

/// The common YAML mistakes, each in a page's front matter: said in plain Danish, placed where
/// the mistake is (not where the parser gave up), with a hint that says what to write.
#[test]
fn yaml_mistakes_are_explained_in_plain_words_where_they_are() {
    let cases: [(&str, usize, usize, &str, &str); 8] = [
        (
            "---\ntitle: Om os\n\tdescription: Hvem vi er.\n---\n",
            3,
            1,
            "Der er brugt et tabulatortegn til indrykning",
            "mellemrum",
        ),
        (
            "---\ntitle: Om os\n  description: Hvem vi er.\n---\n",
            3,
            3,
            "Indrykningen passer ikke her",
            "samme kolonne",
        ),
        (
            "---\ntitle Om os\ndescription: Hvem vi er.\n---\n",
            2,
            1,
            "Der mangler et kolon efter feltnavnet",
            "`felt: værdi`",
        ),
        (
            "---\ntitle: \"Om os\ndescription: Hvem vi er.\n---\n",
            2,
            8,
            "Anførselstegnet \" bliver aldrig lukket",
            "Afslut værdien med \"",
        ),
        (
            "---\ntitle: Om os\n- Hvem vi er\n---\n",
            3,
            1,
            "Et punkt i en liste (`- …`) står mellem felterne",
            "under sit felt",
        ),
        (
            "---\ntitle: Om os\naliases:\n  - gammel-om/\n  description: Hvem vi er.\n---\n",
            5,
            3,
            "En linje `felt: værdi` står midt i en liste",
            "`- `",
        ),
        (
            "---\ntitle: Om os\naliases: [gammel-om/, om-os/\ndescription: Hvem vi er.\n---\n",
            3,
            10,
            "Listen, der begynder med `[`, bliver aldrig lukket",
            "`]`",
        ),
        (
            "---\ntitle: \"Om os\" i Roskilde\n---\n",
            2,
            16,
            "Der står tekst efter det anførselstegn, der afslutter værdien",
            "anførselstegn",
        ),
    ];
    for (text, line, column, message, hint) in cases {
        let project = Project::fixture("errors/missing-title");
        project.write("content/roskilde/om.md", text.as_bytes());
        let outcome = project.build();
        let d = the_error(&outcome);
        assert_eq!(d.code, "frontmatter.yaml", "{text:?}: {d}");
        assert_eq!(d.file, Path::new("content/roskilde/om.md"), "{d}");
        assert_eq!((d.line, d.column), (line, column), "{text:?}: {d}");
        assert_eq!(d.text(Da), message, "{text:?}");
        let said = d.hint_text(Da).unwrap_or_default();
        assert!(
            said.contains(hint),
            "{text:?}: the hint {said:?} lacks {hint:?}"
        );
        // Not the parser's own words.
        for parser in [
            "mapping values",
            "did not find",
            "could not find",
            "while scanning",
        ] {
            assert!(
                !said.contains(parser) && !d.text(Da).contains(parser),
                "{d}"
            );
        }
    }
}

/// The same mistake in a project whose `language` is `en`: the build's report is in English,
/// with the same code and place.
#[test]
fn the_build_report_follows_the_projects_language() {
    let project = Project::fixture("errors/unknown-field");
    let danish = stderr(&project.run_build(&[]));
    let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    assert!(config.contains("language: da"), "{config}");
    project.write(
        "vejviser.yaml",
        config.replace("language: da", "language: en").as_bytes(),
    );
    let output = project.run_build(&[]);
    assert_eq!(output.status.code(), Some(1));
    let english = stderr(&output);
    for (out, words) in [
        (
            &danish,
            [
                "Ukendt felt `titel`",
                "Mente du `title`?",
                "fejl: bygningen stoppede med 2 fejl",
            ],
        ),
        (
            &english,
            [
                "Unknown field `titel`",
                "Did you mean `title`?",
                "error: the build stopped with 2 error(s)",
            ],
        ),
    ] {
        for w in words {
            assert!(out.contains(w), "the report does not say {w:?}:\n{out}");
        }
        assert!(out.contains("frontmatter.unknown-field"), "{out}");
        assert!(out.contains("content/roskilde/om.md:2:1"), "{out}");
    }
    assert!(!english.contains("Ukendt felt"), "{english}");
}
