//! `vejviser check`: one fixture per finding under `tests/fixtures/check/`, each asserted through
//! the library (code, severity, file, line, column, message) and, for the report formats and
//! exit codes, through the binary. Also `vejviser new`: every scaffold builds as it is and is
//! never written over.

use std::collections::BTreeSet;
use std::process::Output;
use vejviser::messages::Language::Da;

use vejviser::{Diagnostic, Severity};

use crate::common::*;

/// One finding a fixture must produce.
struct Expected {
    severity: Severity,
    code: &'static str,
    file: &'static str,
    /// 1-based; 0 for a finding about the whole file.
    line: usize,
    /// 1-based; 0 for a finding about the whole file.
    column: usize,
    /// The whole message.
    message: &'static str,
    /// A part of the hint.
    hint: &'static str,
    /// The offending line as it stands in the file; `None` for whole-file findings.
    source_line: Option<&'static str>,
}

fn listed(findings: &[Diagnostic]) -> String {
    findings
        .iter()
        .map(|d| format!("  [{}] {d}", d.code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs `check::run` on a copy of the fixture (built for [`today`]).
fn check(fixture: &str) -> (Project, Vec<Diagnostic>) {
    let project = Project::fixture(fixture);
    let findings = vejviser::check::run(&project.options()).expect("check failed to run");
    (project, findings)
}

/// Asserts that `check` reports exactly the expected findings on the fixture, in this order.
fn assert_findings(fixture: &str, expected: &[Expected]) -> Vec<Diagnostic> {
    let (project, findings) = check(fixture);
    assert_eq!(
        findings.len(),
        expected.len(),
        "{fixture}: expected {} finding(s), check reported:\n{}",
        expected.len(),
        listed(&findings)
    );
    for (d, e) in findings.iter().zip(expected) {
        assert_eq!(d.code, e.code, "{d}");
        assert_eq!(d.severity, e.severity, "{d}");
        assert_eq!(d.file.to_string_lossy().replace('\\', "/"), e.file, "{d}");
        assert_eq!((d.line, d.column), (e.line, e.column), "place of {d}");
        assert_eq!(d.text(Da), e.message, "{d}");
        let hint = d.hint_text(Da).unwrap_or_else(|| panic!("no hint: {d}"));
        assert!(
            hint.contains(e.hint),
            "the hint of {d} should say {:?}",
            e.hint
        );
        assert_eq!(d.source_line(), e.source_line, "source line of {d}");
    }
    assert!(!project.path("public").exists(), "check wrote public/");
    findings
}

/// Runs `vejviser check --root <project> --today <today> <args>`.
fn run_check(project: &Project, args: &[&str]) -> Output {
    let root = project.root.to_str().unwrap();
    let today = today().to_string();
    let mut all = vec!["check", "--root", root, "--today", &today];
    all.extend_from_slice(args);
    vejviser(&all)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

// ---------------------------------------------------------------------------------------------
// One fixture per finding

#[test]
fn a_clean_project_has_no_findings() {
    assert_findings("check/clean", &[]);
}

#[test]
fn fragments_into_template_sections_must_exist_in_the_rendered_page() {
    // The build accepts both links (a course's sections come from its template); check looks the
    // ids up in the rendered HTML. `#kursus-tilmelding` on line 5 exists and is not reported.
    assert_findings(
        "check/missing-anchor",
        &[
            Expected {
                severity: Severity::Error,
                code: "markdown.missing-anchor",
                file: "content/roskilde/om.md",
                line: 6,
                column: 1,
                message: "content/roskilde/kurser/skrivevaerksted.md har intet element med id'et `#datoer`",
                hint: "#kursus-moededatoer",
                source_line: Some("[mødedatoerne](kurser/skrivevaerksted.md#datoer)."),
            },
            Expected {
                severity: Severity::Error,
                code: "markdown.missing-anchor",
                file: "content/roskilde/om.md",
                line: 7,
                column: 20,
                message: "den genererede side /kurser/ har intet element med id'et `#ingen-saadan`",
                hint: "Sidens afsnit er: #",
                source_line: Some("Alle kurser står i [kataloget](kurser/#ingen-saadan)."),
            },
        ],
    );
    // The build itself is lenient there.
    let project = Project::fixture("check/missing-anchor");
    project.build_ok();
}

#[test]
fn a_shared_page_is_reported_once_however_many_sites_see_it() {
    assert_findings(
        "check/shared",
        &[Expected {
            severity: Severity::Error,
            code: "markdown.missing-anchor",
            file: "content/_shared/om-forloebene.md",
            line: 5,
            column: 9,
            message:
                "content/_shared/kurser/recoverycafe.md har intet element med id'et `#adresse`",
            hint: "#kursus-sted",
            source_line: Some("Se hvor [caféen](kurser/recoverycafe.md#adresse) ligger."),
        }],
    );
}

#[test]
fn links_without_text_are_reported() {
    let line = "Læs også [](praktisk.md) og [   ](praktisk.md).";
    let empty = |column| Expected {
        severity: Severity::Warning,
        code: "markdown.empty-link",
        file: "content/roskilde/om.md",
        line: 6,
        column,
        message: "Linket har ingen tekst",
        hint: "skriv, hvad linket fører til, mellem de firkantede parenteser",
        source_line: Some(line),
    };
    let found = assert_findings("check/empty-link", &[empty(10), empty(29)]);
    // The marker covers the whole link.
    assert_eq!(found[0].span_chars, "[](praktisk.md)".len());
}

#[test]
fn headings_that_skip_a_level_are_reported() {
    // ok.md opens with its own `#` title and goes down one level at a time: nothing to report.
    assert_findings(
        "check/heading-skip",
        &[
            Expected {
                severity: Severity::Warning,
                code: "markdown.heading-skip",
                file: "content/roskilde/om.md",
                line: 9,
                column: 1,
                message: "Denne `####`-overskrift kommer efter en `##`-overskrift: niveau 3 springes over",
                hint: "Brug `###` her",
                source_line: Some("#### Vores historie"),
            },
            Expected {
                severity: Severity::Warning,
                code: "markdown.heading-skip",
                file: "content/roskilde/praktisk.md",
                line: 5,
                column: 1,
                message: "Denne `###`-overskrift kommer efter sidens titel (`#`): niveau 2 springes over",
                hint: "Brug `##` her",
                source_line: Some("### Tilmelding"),
            },
        ],
    );
}

#[test]
fn pages_above_the_lix_limit_are_reported_with_their_longest_sentences() {
    // let.md is easy; the manual's front page is hard but for facilitators, not citizens.
    let found = assert_findings(
        "check/readability",
        &[Expected {
            severity: Severity::Warning,
            code: "readability.lix",
            file: "content/roskilde/svaer.md",
            line: 1,
            column: 1,
            // 26 words in 4 sentences (the heading is one), 23 of them long: 26/4 + 100·23/26.
            message: "“Om rehabiliteringsforløbene” er svær at læse: LIX 95.0, over grænsen på 40 (readability.max_lix i vejviser.yaml)",
            hint: "de længste sætninger er: “Deltagelse forudsætter forudgående afklaring,",
            source_line: Some("---"),
        }],
    );
    let hint = found[0].hint_text(Da).unwrap();
    for sentence in [
        "(10 ord); “Rehabiliteringsforløbene tilrettelægges",
        "(8 ord); “Kommunens medarbejdere koordinerer indsatsen med relevante samarbejdspartnere.” (7 ord)",
    ] {
        assert!(hint.contains(sentence), "{hint}");
    }
    assert!(
        !hint.contains("Overvejelser"),
        "only three sentences: {hint}"
    );
}

#[test]
fn a_course_whose_signup_closed_before_it_started_is_reported() {
    assert_findings(
        "check/signup-closed",
        &[Expected {
            severity: Severity::Warning,
            code: "course.signup-closed",
            file: "content/roskilde/kurser/skrivevaerksted.md",
            line: 11,
            column: 21,
            message:
                "Tilmeldingsfristen 2026-05-20 er overskredet, men kurset starter først 2026-07-07",
            hint: "\"Tilmelding lukket\"",
            source_line: Some("signup: { deadline: 2026-05-20, email: skriv@roskilde.example.dk }"),
        }],
    );
    let (_, findings) = check("check/signup-closed");
    let hint = findings[0].hint_text(Da).unwrap();
    assert!(
        hint.contains("senere `deadline`") && hint.contains("arkivér"),
        "{hint}"
    );
}

#[test]
fn a_finished_course_still_in_kurser_is_reported() {
    // The autumn course is upcoming; the finished course outside kurser/ is where it belongs.
    assert_findings(
        "check/finished",
        &[Expected {
            severity: Severity::Warning,
            code: "course.finished",
            file: "content/roskilde/kurser/skrivevaerksted-foraar.md",
            line: 7,
            column: 1,
            message: "Kurset er slut (sidste mødegang var 2026-03-24), men ligger stadig i kurser/",
            hint: "Flyt filen ud af kurser/, eller slet den; indtil da vises kurset kun i arkivet",
            source_line: Some("schedule:"),
        }],
    );
}

#[test]
fn files_no_site_uses_are_reported() {
    // Used: om-forloebene.md and the image it shows, gladsaxe/kontakt.md. Not reported: the draft.
    assert_findings(
        "check/unused-content",
        &[
            Expected {
                severity: Severity::Warning,
                code: "content.unused",
                file: "content/_shared/manualer/abc/_index.md",
                line: 1,
                column: 1,
                message: "Intet site bruger denne side",
                hint: "Gladsaxe Kommune har ikke manualen `abc`; Roskilde Kommune har ikke manualen `abc`",
                source_line: Some("---"),
            },
            Expected {
                severity: Severity::Warning,
                code: "content.unused",
                file: "content/_shared/praktisk.md",
                line: 1,
                column: 1,
                message: "Intet site bruger denne side",
                hint: "Gladsaxe Kommune udelader den i content/gladsaxe/_site.yaml; Roskilde Kommune udelader den",
                source_line: Some("---"),
            },
            Expected {
                severity: Severity::Warning,
                code: "content.unused",
                file: "content/_shared/ubrugt.png",
                line: 0,
                column: 0,
                message: "Ingen side linker til denne fil",
                hint: "Slet filen, eller link til den fra en side",
                source_line: None,
            },
            Expected {
                severity: Severity::Warning,
                code: "content.unused",
                file: "content/roskilde/gammel-side.md",
                line: 1,
                column: 1,
                message: "Intet site bruger denne side",
                hint: "Roskilde Kommune udelader den i content/roskilde/_site.yaml",
                source_line: Some("---"),
            },
        ],
    );
}

#[test]
fn with_site_only_that_sites_own_files_are_reported() {
    let project = Project::fixture("check/unused-content");
    let mut opts = project.options();
    opts.sites = vec!["gladsaxe".into()];
    let findings = vejviser::check::run(&opts).unwrap();
    let files: Vec<String> = findings
        .iter()
        .map(|d| d.file.to_string_lossy().replace('\\', "/"))
        .collect();
    assert!(
        files.contains(&"content/_shared/praktisk.md".to_string()),
        "{}",
        listed(&findings)
    );
    assert!(
        !files.iter().any(|f| f.starts_with("content/roskilde/")),
        "{}",
        listed(&findings)
    );
}

#[test]
fn locations_and_contacts_no_course_uses_are_reported() {
    // `cafeen` and `frivillighuset` are used by a draft course, which counts.
    assert_findings(
        "check/unused-keys",
        &[
            Expected {
                severity: Severity::Warning,
                code: "site.unused-location",
                file: "content/roskilde/_site.yaml",
                line: 6,
                column: 3,
                message: "Intet kursus i Roskilde Kommune bruger stedet `biblioteket`",
                hint: "Fjern den fra `locations:`",
                source_line: Some(
                    "  biblioteket: { name: Roskilde Bibliotek, address: \"Bibliotekvej 2, 4000 Roskilde\" }",
                ),
            },
            Expected {
                severity: Severity::Warning,
                code: "site.unused-contact",
                file: "content/roskilde/_site.yaml",
                line: 13,
                column: 3,
                message: "Intet kursus i Roskilde Kommune bruger kontaktpersonen `borgerservice`",
                hint: "`contact: borgerservice`",
                source_line: Some(
                    "  borgerservice: { name: Borgerservice, email: borger@roskilde.example.dk }",
                ),
            },
        ],
    );
}

#[test]
fn the_example_project_checks_without_errors() {
    let project = Project::repository_example();
    let findings = vejviser::check::run(&project.options()).unwrap();
    let errors: Vec<Diagnostic> = findings.iter().filter(|d| d.is_error()).cloned().collect();
    assert!(errors.is_empty(), "{}", listed(&errors));
    if !findings.is_empty() {
        eprintln!("the example project's warnings:\n{}", listed(&findings));
    }
}

// ---------------------------------------------------------------------------------------------
// The binary: report formats and exit codes

#[test]
fn the_human_report_shows_place_line_and_hint() {
    let project = Project::fixture("check/empty-link");
    let output = run_check(&project, &[]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}{}", stderr(&output));
    for part in [
        "content/roskilde/om.md:6:10",
        "content/roskilde/om.md:6:29",
        "Læs også [](praktisk.md) og [   ](praktisk.md).",
        "markdown.empty-link",
        "help: ",
        "0 fejl, 2 advarsel(er)",
    ] {
        assert!(
            out.contains(part),
            "the report does not show {part:?}:\n{out}"
        );
    }
    assert!(!project.path("public").exists(), "check wrote public/");
}

#[test]
fn the_json_report_has_exactly_the_documented_keys() {
    let keys: BTreeSet<&str> = [
        "severity", "code", "file", "line", "column", "message", "hint",
    ]
    .into_iter()
    .collect();
    for fixture in [
        "check/unused-content",
        "check/missing-anchor",
        "check/clean",
    ] {
        let project = Project::fixture(fixture);
        let output = run_check(&project, &["--format", "json"]);
        let out = stdout(&output);
        let value: serde_json::Value = serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("{fixture}: not JSON ({e}):\n{out}"));
        let array = value.as_array().expect("an array");
        let (_, findings) = check(fixture);
        assert_eq!(array.len(), findings.len(), "{out}");
        for (object, d) in array.iter().zip(&findings) {
            let object = object.as_object().expect("objects");
            let found: BTreeSet<&str> = object.keys().map(String::as_str).collect();
            assert_eq!(found, keys, "{fixture}: {object:?}");
            assert_eq!(object["code"], d.code);
            assert_eq!(object["line"], d.line);
            assert_eq!(object["column"], d.column);
            assert_eq!(object["message"], d.text(Da).as_str());
            assert_eq!(
                object["file"],
                d.file.to_string_lossy().replace('\\', "/").as_str()
            );
            let severity = if d.is_error() { "error" } else { "warning" };
            assert_eq!(object["severity"], severity);
            assert_eq!(object["hint"].as_str(), d.hint_text(Da).as_deref());
        }
        assert!(!project.path("public").exists(), "check wrote public/");
    }
}

#[test]
fn exit_codes_follow_errors_and_deny_warnings() {
    for (fixture, args, code) in [
        ("check/clean", &[][..], 0),
        ("check/clean", &["--deny-warnings"][..], 0),
        ("check/missing-anchor", &[][..], 1),
        ("check/empty-link", &[][..], 0),
        ("check/empty-link", &["--deny-warnings"][..], 1),
        (
            "check/empty-link",
            &["--format", "json", "--deny-warnings"][..],
            1,
        ),
    ] {
        let project = Project::fixture(fixture);
        let output = run_check(&project, args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{fixture} {args:?}:\n{}{}",
            stdout(&output),
            stderr(&output)
        );
        assert!(
            !project.path("public").exists(),
            "{fixture}: check wrote public/"
        );
    }
}

#[test]
fn the_today_flag_decides_which_courses_are_finished() {
    // On 2026-06-01 the autumn course is upcoming; on 2026-10-01 it has finished.
    let project = Project::fixture("check/finished");
    let output = vejviser(&[
        "check",
        "--root",
        project.root.to_str().unwrap(),
        "--today",
        "2026-10-01",
        "--format",
        "json",
    ]);
    let out = stdout(&output);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let finished: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "course.finished")
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        finished,
        [
            "content/roskilde/kurser/skrivevaerksted-efteraar.md",
            "content/roskilde/kurser/skrivevaerksted-foraar.md"
        ],
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// `vejviser new`

#[test]
fn every_scaffold_builds_and_is_never_written_over() {
    let scaffolds: [(&[&str], &str); 4] = [
        (&["site", "lolland"], "content/lolland/_site.yaml"),
        (
            &["course", "roskilde", "skriv-sammen"],
            "content/roskilde/kurser/skriv-sammen.md",
        ),
        (
            &["session", "abc", "1"],
            "content/_shared/manualer/abc/sessioner/uge-01.md",
        ),
        (
            &["exercise", "abc", "mit-netvaerk"],
            "content/_shared/manualer/abc/ovelser/mit-netvaerk.md",
        ),
    ];
    for (args, file) in scaffolds {
        let project = Project::fixture("check/clean");
        let root = project.root.to_str().unwrap();
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--root", root]);

        let output = vejviser(&all);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{all:?}: {}",
            stderr(&output)
        );
        let path = project.path(file);
        let written =
            std::fs::read(&path).unwrap_or_else(|e| panic!("{all:?} did not write {file}: {e}"));
        project.build_ok();
        let findings = vejviser::check::run(&project.options()).unwrap();
        assert!(
            findings.iter().all(|d| !d.is_error()),
            "{all:?}:\n{}",
            listed(&findings)
        );

        let again = vejviser(&all);
        assert_eq!(
            again.status.code(),
            Some(2),
            "{all:?} ran twice: {}",
            stderr(&again)
        );
        assert!(
            stderr(&again).contains("findes allerede"),
            "{}",
            stderr(&again)
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            written,
            "{all:?} changed {file}"
        );
    }
}

/// The same findings in a project whose `language` is `en`: the text in English, in the human
/// report and the JSON, with the same codes and places.
#[test]
fn findings_follow_the_projects_language_with_the_same_codes() {
    let project = Project::fixture("check/empty-link");
    let json = |project: &Project| -> Vec<serde_json::Value> {
        let output = run_check(project, &["--format", "json"]);
        let out = stdout(&output);
        let value: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"));
        value.as_array().expect("an array").clone()
    };
    let danish = json(&project);
    let human_da = stdout(&run_check(&project, &[]));
    let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    assert!(config.contains("language: da"), "{config}");
    project.write(
        "vejviser.yaml",
        config.replace("language: da", "language: en").as_bytes(),
    );
    let english = json(&project);
    let human_en = stdout(&run_check(&project, &[]));

    assert_eq!(danish.len(), 2, "{danish:?}");
    assert_eq!(english.len(), danish.len(), "{english:?}");
    for (da, en) in danish.iter().zip(&english) {
        for key in ["code", "severity", "file", "line", "column"] {
            assert_eq!(da[key], en[key], "{key}: {da} / {en}");
        }
        assert_eq!(da["code"], "markdown.empty-link");
        assert_eq!(da["message"], "Linket har ingen tekst");
        assert_eq!(en["message"], "The link has no text");
        let hint = |v: &serde_json::Value| v["hint"].as_str().unwrap_or_default().to_string();
        assert!(
            hint(da).starts_with("Skærmlæsere læser kun adressen op"),
            "{da}"
        );
        assert!(
            hint(en).starts_with("Screen readers read out only the address"),
            "{en}"
        );
    }
    for (out, words) in [
        (
            &human_da,
            [
                "Linket har ingen tekst",
                "Skærmlæsere",
                "0 fejl, 2 advarsel(er)",
            ],
        ),
        (
            &human_en,
            [
                "The link has no text",
                "Screen readers",
                "0 error(s), 2 warning(s)",
            ],
        ),
    ] {
        for w in words {
            assert!(out.contains(w), "the report does not say {w:?}:\n{out}");
        }
        assert!(out.contains("markdown.empty-link"), "{out}");
        assert!(out.contains("content/roskilde/om.md:6:10"), "{out}");
    }
    assert!(!human_en.contains("Linket har ingen tekst"), "{human_en}");
}
