//! `vejviser schema`: the JSON Schema files it writes are valid draft 2020-12 schemas, every
//! file of the repository's example project passes them, and what the parser rejects for a
//! wrong type, a wrong value or an unknown field they reject too. Checked with an independent
//! validator (the `jsonschema` crate), as an editor would check a file.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use vejviser::frontmatter::{split, Kind};

use crate::common::*;

/// Runs `vejviser schema` on `project` into a new folder and reads back every file it wrote,
/// by name.
fn schemas_of(project: &Project) -> BTreeMap<String, Value> {
    let out = tempfile::tempdir().unwrap();
    let run = vejviser(&[
        "schema",
        "--root",
        project.root.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let printed = String::from_utf8_lossy(&run.stdout);
    let mut schemas = BTreeMap::new();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(printed.contains(&name), "{name} is not in:\n{printed}");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        jsonschema::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"));
        schemas.insert(name, schema);
    }
    schemas
}

/// The problems the schema `name` finds in `instance` (dates checked as real dates).
fn problems(schemas: &BTreeMap<String, Value>, name: &str, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schemas[name])
        .unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

/// A content file's front matter as JSON, and the schema file for its kind.
fn front_matter(rel_in_layer: &str, text: &str) -> (Value, String) {
    let (fm, _, _) = split(text).unwrap_or_else(|| panic!("{rel_in_layer} has no front matter"));
    let value = if fm.trim().is_empty() {
        Value::Object(Default::default())
    } else {
        yaml(fm)
    };
    let kind = match value.get("kind").and_then(Value::as_str) {
        Some(name) => Kind::ALL.into_iter().find(|k| k.name() == name).unwrap(),
        None => Kind::from_path(rel_in_layer),
    };
    (value, format!("{}.schema.json", kind.name()))
}

#[test]
fn every_file_of_the_example_project_passes_its_schema() {
    let project = Project::repository_example();
    let schemas = schemas_of(&project);
    let names: Vec<&str> = schemas.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "chapter.schema.json",
            "course.schema.json",
            "exercise.schema.json",
            "manual.schema.json",
            "page.schema.json",
            "session.schema.json",
            "site.schema.json",
            "vejviser.schema.json",
        ]
    );
    let mut checked = BTreeMap::<String, usize>::new();
    let mut failures = Vec::new();
    let mut check = |file: &str, schema: String, value: &Value| {
        for problem in problems(&schemas, &schema, value) {
            failures.push(format!("{file} against {schema}: {problem}"));
        }
        *checked.entry(schema).or_default() += 1;
    };
    let root = &project.root;
    check(
        "vejviser.yaml",
        "vejviser.schema.json".into(),
        &yaml(&std::fs::read_to_string(root.join("vejviser.yaml")).unwrap()),
    );
    let content = root.join("content");
    for entry in walkdir::WalkDir::new(&content) {
        let path = entry.unwrap().into_path();
        let rel = path
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Inside its layer (`_shared/` or a municipality's folder), as the build sees it.
        let in_layer = rel.split_once('/').map_or("", |(_, rest)| rest);
        let text = || std::fs::read_to_string(&path).unwrap();
        if in_layer == "_site.yaml" {
            check(&rel, "site.schema.json".into(), &yaml(&text()));
        } else if rel.ends_with(".md") && !rel.ends_with("SUMMARY.md") {
            let (value, schema) = front_matter(in_layer, &text());
            check(&rel, schema, &value);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every schema met a file, most of them several.
    let seen: Vec<(&str, bool)> = checked
        .iter()
        .map(|(schema, n)| (schema.as_str(), *n >= 1))
        .collect();
    assert_eq!(seen.len(), 8, "{checked:?}");
    assert!(seen.iter().all(|(_, any)| *any), "{checked:?}");
    assert_eq!(checked["site.schema.json"], 3, "{checked:?}");
    assert!(checked["course.schema.json"] >= 10, "{checked:?}");
}

/// The project's own names are the only values its files may choose: this project's
/// categories, audiences, and the locations and contacts of its municipalities.
#[test]
fn the_names_a_project_defines_are_the_values_its_fields_take() {
    let schemas = schemas_of(&Project::fixture("schema/course"));
    let course = &schemas["course.schema.json"]["properties"];
    assert_eq!(
        course["category"]["enum"],
        serde_json::json!(["skrivevaerksted"])
    );
    assert_eq!(
        course["audiences"]["items"]["enum"],
        serde_json::json!(["paaroerende"])
    );
    assert_eq!(
        course["location"]["enum"],
        serde_json::json!(["biblioteket"])
    );
    assert_eq!(course["contact"]["enum"], serde_json::json!(["sundhed"]));
    assert_eq!(
        schemas["course.schema.json"]["required"],
        serde_json::json!(["title", "category", "schedule"])
    );
    assert_eq!(course["category"]["title"], "Kategori");
}

/// Each bad file: the build stops at it with this error, and the schema of its kind rejects it.
#[test]
fn what_the_parser_rejects_the_schemas_reject() {
    let good = Project::fixture("schema/course");
    let schemas = schemas_of(&good);
    let course = |field: &str| {
        format!(
            "---\ntitle: Skriveværksted\ncategory: skrivevaerksted\n{field}\nschedule:\n  start: 2027-02-02\n  weeks: 4\n---\nTekst.\n"
        )
    };
    let cases: Vec<(&str, String, &str, usize)> = vec![
        ("content/lolland/kurser/skriv.md", course("capacity: mange"), "frontmatter.yaml", 4),
        ("content/lolland/om.md", "---\ntitle: Om\ndescripton: x\n---\n".into(), "frontmatter.unknown-field", 3),
        ("content/lolland/kurser/skriv.md", course("availability: fuld"), "course.value", 4),
        ("content/lolland/kurser/skriv.md", course("location: bibliotek"), "course.unknown-location", 4),
        (
            "content/lolland/kurser/skriv.md",
            "---\ntitle: X\ncategory: skrivevaerksted\nschedule: { start: 2027-02-30, weeks: 2 }\n---\n".into(),
            "frontmatter.yaml",
            4,
        ),
        (
            "content/lolland/kurser/skriv.md",
            "---\ntitle: X\ncategory: skrivevaerksted\nschedule: { start: 2027-02-02, weeks: 2, time: \"10-12\" }\n---\n".into(),
            "course.schedule",
            4,
        ),
        ("content/lolland/_site.yaml", "name: Lolland Kommune\nbase_url: https://lolland.example.dk/\nlocatons: {}\n".into(), "config.unknown-field", 3),
        ("vejviser.yaml", "title: Forløb\nprospectus: { months: 30 }\n".into(), "config.prospectus", 2),
    ];
    for (file, text, code, line) in cases {
        let project = Project::fixture("schema/course");
        project.write(file, text.as_bytes());
        let outcome = project.build();
        let error = the_error(&outcome);
        assert_eq!(
            (error.code, error.line),
            (code, line),
            "{file}:\n{text}\n{error}"
        );
        let (value, schema) = match file {
            "vejviser.yaml" => (yaml(&text), "vejviser.schema.json".to_string()),
            f if f.ends_with("_site.yaml") => (yaml(&text), "site.schema.json".to_string()),
            f => front_matter(f.trim_start_matches("content/lolland/"), &text),
        };
        assert!(
            !problems(&schemas, &schema, &value).is_empty(),
            "{schema} takes what the build rejects ({code}):\n{text}"
        );
    }
}

/// A day the month does not have is refused by the pattern alone, so also by editors that do not
/// check `format: date`; February 29 of a year that is no leap year only by those that do.
#[test]
fn a_date_the_month_does_not_have_fails_even_without_format_checks() {
    let schemas = schemas_of(&Project::fixture("schema/course"));
    let plain = jsonschema::validator_for(&schemas["course.schema.json"]).unwrap();
    let with = |start: &str| {
        yaml(&format!(
            "title: X\ncategory: skrivevaerksted\nschedule: {{ start: {start}, weeks: 2 }}\n"
        ))
    };
    assert!(plain.is_valid(&with("2027-02-02")));
    assert!(!plain.is_valid(&with("2027-02-30")));
    assert!(!plain.is_valid(&with("2027-04-31")));
    assert!(!plain.is_valid(&with("2027-13-01")));
    assert!(!problems(&schemas, "course.schema.json", &with("2027-02-29")).is_empty());
    assert!(problems(&schemas, "course.schema.json", &with("2028-02-29")).is_empty());
}

#[test]
fn outside_a_project_keys_are_slugs_and_the_texts_danish() {
    let empty = Project::empty();
    let out = empty.path("skemaer");
    let run = vejviser(&[
        "schema",
        "--root",
        empty.root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let course: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("course.schema.json")).unwrap())
            .unwrap();
    let category = &course["properties"]["category"];
    assert!(category.get("enum").is_none(), "{category}");
    assert_eq!(category["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
    assert_eq!(
        course["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(course["title"], "Kursus");
}

#[test]
fn an_english_project_gets_english_texts_in_its_schema_folder() {
    let project = Project::fixture("schema/course");
    let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
    project.write(
        "vejviser.yaml",
        format!("language: en\n{config}").as_bytes(),
    );
    let run = vejviser(&["schema", "--root", project.root.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let written = project.path("schema");
    let site: Value =
        serde_json::from_str(&std::fs::read_to_string(written.join("site.schema.json")).unwrap())
            .unwrap();
    assert_eq!(site["properties"]["name"]["title"], "Name");
    assert_eq!(site["properties"]["locations"]["title"], "Places");
}

#[test]
fn a_project_with_a_wrong_configuration_gets_its_errors_and_no_schema() {
    let project = Project::fixture("schema/course");
    project.write(
        "content/lolland/_site.yaml",
        b"name: Lolland\nbase_url: https://l.example.dk/\nlocatons: {}\n",
    );
    let out = project.path("ud");
    let run = vejviser(&[
        "schema",
        "--root",
        project.root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("Ukendt felt `locatons`"), "{err}");
    assert!(err.contains("config.unknown-field"), "{err}");
    assert!(err.contains("content/lolland/_site.yaml:3:1"), "{err}");
    assert!(!Path::new(&out).exists());
}
