//! `vejviser schema`: JSON Schema files (draft 2020-12) for `vejviser.yaml`, `_site.yaml` and
//! each kind's front matter, so that editors (VS Code's YAML extension, Front Matter CMS) can
//! check a file while it is written.
//!
//! They are made from the field definitions of [`crate::fields`], the list the parser itself
//! checks fields against, so a schema cannot allow a field the build rejects or miss one it
//! takes. Run in a project, the names the project defines (categories, audiences, the
//! municipalities' locations and contacts) are listed as the only values those fields take, and
//! the descriptions are in the project's language; elsewhere a key is any slug and the texts
//! are Danish.
//!
//! What a schema cannot say, the build still checks: that a date exists (a pattern takes
//! 2027-02-29; `format: date` rejects it in validators that check formats), that a time range
//! ends after it starts, that a course's location is one of *its own* municipality's, that a
//! session's exercise sheet exists in its manual, and the rules between fields (`dates` or
//! `start` and `weeks`, a deadline before the first meeting).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use crate::config::{Language, Municipality, Project};
use crate::error::{Diagnostic, Error, FileAction};
use crate::fields::{self, Field, Source, Type, Words};
use crate::frontmatter::Kind;
use crate::load::{display_path, read_text};

/// The names a project defines that its files choose from.
#[derive(Debug, Clone)]
pub struct ProjectNames {
    pub language: Language,
    pub categories: Vec<String>,
    pub audiences: Vec<String>,
    /// The keys of `locations:` and `contacts:` of every municipality together: one course
    /// schema serves them all.
    pub locations: BTreeSet<String>,
    pub contacts: BTreeSet<String>,
}

/// A schema and the file name it is written under.
pub struct SchemaFile {
    pub name: String,
    pub schema: Value,
}

/// Reads the names the project at `root` defines: `None` when `root` holds no `vejviser.yaml`,
/// the problems of its configuration when it cannot be read.
pub fn read_project(root: &Path) -> Result<Option<ProjectNames>, Vec<Diagnostic>> {
    let config = root.join("vejviser.yaml");
    if !config.is_file() {
        return Ok(None);
    }
    let text = read_text(root, &config).map_err(|d| vec![d])?;
    let project = Project::parse(&display_path(root, &config), &text)?;
    let mut names = ProjectNames {
        language: project.language,
        categories: project.categories.into_keys().collect(),
        audiences: project.audiences.into_keys().collect(),
        locations: BTreeSet::new(),
        contacts: BTreeSet::new(),
    };
    let mut problems = Vec::new();
    // The municipalities as the build finds them: folders of content/ not starting with `_`
    // or `.`, each with its `_site.yaml`.
    let mut sites: Vec<PathBuf> = std::fs::read_dir(root.join("content"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with(['_', '.']))
        .map(|e| e.path().join("_site.yaml"))
        .filter(|p| p.is_file())
        .collect();
    sites.sort();
    for file in sites {
        let slug = file
            .parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let site = read_text(root, &file)
            .map_err(|d| vec![d])
            .and_then(|text| Municipality::parse(&slug, &display_path(root, &file), &text));
        match site {
            Ok(site) => {
                names.locations.extend(site.locations.into_keys());
                names.contacts.extend(site.contacts.into_keys());
            }
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() {
        Ok(Some(names))
    } else {
        Err(problems)
    }
}

/// Every schema: the project's, a municipality's, and one per kind of content file.
pub fn schemas(names: Option<&ProjectNames>) -> Vec<SchemaFile> {
    let writer = Writer {
        names,
        language: names.map_or(Language::Da, |n| n.language),
    };
    let mut files = vec![
        writer.file(
            "vejviser",
            fields::config::PROJECT,
            &[],
            fields::words("Projektet (vejviser.yaml)", "The project (vejviser.yaml)"),
            fields::words(
                "Projektets indstillinger: titel, sprog, tema, kategorier og målgrupper.",
                "The project's settings: title, language, theme, categories and audiences.",
            ),
        ),
        writer.file(
            "site",
            fields::config::SITE,
            &[],
            fields::words("En kommune (_site.yaml)", "A municipality (_site.yaml)"),
            fields::words(
                "En kommunes site: navn, adresse, farver, menu, steder og kontakter (content/<kommune>/_site.yaml).",
                "A municipality's site: name, address, colours, menu, places and contacts (content/<municipality>/_site.yaml).",
            ),
        ),
    ];
    for kind in Kind::ALL {
        let (title, where_) = kind_words(kind);
        files.push(writer.file(
            kind.name(),
            fields::content::COMMON,
            kind.own_fields(),
            title,
            where_,
        ));
    }
    files
}

/// Writes `files` into `out` (made when missing) and returns the paths written.
pub fn write(out: &Path, files: &[SchemaFile]) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(FileAction::Create, out, e))?;
    files
        .iter()
        .map(|f| {
            let path = out.join(&f.name);
            let mut text = serde_json::to_string_pretty(&f.schema).unwrap_or_default();
            text.push('\n');
            std::fs::write(&path, text).map_err(|e| Error::io(FileAction::Write, &path, e))?;
            Ok(path)
        })
        .collect()
}

/// The title and description of a kind's front-matter schema.
fn kind_words(kind: Kind) -> (Words, Words) {
    let (title, description) = match kind {
        Kind::Page => (
            ("Side", "Page"),
            (
                "Forsiden af en almindelig side (.md).",
                "The front matter of a plain page (.md).",
            ),
        ),
        Kind::Manual => (
            ("Manual", "Manual"),
            (
                "Forsiden af en manual (manualer/<manual>/_index.md).",
                "The front matter of a manual's front page (manualer/<manual>/_index.md).",
            ),
        ),
        Kind::Chapter => (
            ("Kapitel", "Chapter"),
            (
                "Forsiden af et kapitel i en manual (manualer/<manual>/*.md).",
                "The front matter of a chapter of a manual (manualer/<manual>/*.md).",
            ),
        ),
        Kind::Session => (
            ("Session", "Session plan"),
            (
                "Forsiden af en sessionsplan (manualer/<manual>/sessioner/*.md).",
                "The front matter of a session plan (manualer/<manual>/sessioner/*.md).",
            ),
        ),
        Kind::Exercise => (
            ("Øvelsesark", "Exercise sheet"),
            (
                "Forsiden af et øvelsesark (manualer/<manual>/ovelser/*.md).",
                "The front matter of an exercise sheet (manualer/<manual>/ovelser/*.md).",
            ),
        ),
        Kind::Course => (
            ("Kursus", "Course"),
            (
                "Forsiden af et kursus (content/<kommune>/kurser/*.md).",
                "The front matter of a course (content/<municipality>/kurser/*.md).",
            ),
        ),
    };
    (
        fields::words(title.0, title.1),
        fields::words(description.0, description.1),
    )
}

/// A key the project defines, when the project is not known: a slug.
const KEY_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// `YYYY-MM-DD` with a month that exists and a day that the month can have (February 29 in
/// every year: whether the year is a leap year is left to `format: date`).
const DATE_PATTERN: &str = "^[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))$";

/// `10:00-12:00`, as `TimeRange::parse` reads it (spaces around the parts allowed).
const TIME_RANGE_PATTERN: &str =
    "^\\s*([01]?[0-9]|2[0-3]):[0-5]?[0-9]\\s*-\\s*([01]?[0-9]|2[0-3]):[0-5]?[0-9]\\s*$";

/// An `http://` or `https://` address with nothing in it that `config::is_web_url` refuses.
const URL_PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\u0000-\\u001f\\u007f\"'<>`\\\\]*$";

const COLOR_PATTERN: &str = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";

struct Writer<'a> {
    names: Option<&'a ProjectNames>,
    language: Language,
}

impl Writer<'_> {
    fn words(&self, w: Words) -> &'static str {
        match self.language {
            Language::Da => w.da,
            Language::En => w.en,
        }
    }

    /// A schema file `<name>.schema.json` for a mapping of `fields` and `more`.
    fn file(
        &self,
        name: &str,
        fields: &[Field],
        more: &[Field],
        title: Words,
        description: Words,
    ) -> SchemaFile {
        let mut schema = Map::new();
        schema.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        schema.insert("$id".into(), json!(format!("urn:vejviser:schema:{name}")));
        schema.insert("title".into(), json!(self.words(title)));
        schema.insert("description".into(), json!(self.words(description)));
        let all: Vec<Field> = fields.iter().chain(more).copied().collect();
        schema.extend(self.object(&all));
        SchemaFile {
            name: format!("{name}.schema.json"),
            schema: Value::Object(schema),
        }
    }

    /// A mapping that has `fields` and nothing else.
    fn object(&self, fields: &[Field]) -> Map<String, Value> {
        let properties: Map<String, Value> = fields
            .iter()
            .map(|f| (f.name.to_string(), self.field(f)))
            .collect();
        let required: Vec<&str> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        let mut object = Map::new();
        object.insert("type".into(), json!("object"));
        object.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            object.insert("required".into(), json!(required));
        }
        object.insert("additionalProperties".into(), json!(false));
        object
    }

    fn field(&self, f: &Field) -> Value {
        let mut schema = match self.value(&f.ty) {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        // A required text must say something: blank is as good as missing.
        if f.required && matches!(f.ty, Type::Text | Type::LongText) {
            schema.insert("pattern".into(), json!("\\S"));
        }
        schema.insert("title".into(), json!(self.words(f.label)));
        schema.insert("description".into(), json!(self.words(f.help)));
        Value::Object(schema)
    }

    /// The schema of a value of type `ty`.
    fn value(&self, ty: &Type) -> Value {
        let pattern = |p: &str| json!({ "type": "string", "pattern": p });
        match ty {
            Type::Text | Type::LongText => json!({ "type": "string" }),
            Type::Date => json!({ "type": "string", "format": "date", "pattern": DATE_PATTERN }),
            Type::TimeRange => pattern(TIME_RANGE_PATTERN),
            Type::Integer { min, max } => {
                let mut schema = json!({ "type": "integer" });
                if let Some(min) = min {
                    schema["minimum"] = json!(min);
                }
                if let Some(max) = max {
                    schema["maximum"] = json!(max);
                }
                schema
            }
            Type::Number => json!({ "type": "number" }),
            Type::Weeks => json!({
                "anyOf": [{ "type": "string" }, { "type": "integer", "minimum": 0 }]
            }),
            Type::Bool => json!({ "type": "boolean" }),
            Type::Slug => pattern(KEY_PATTERN),
            Type::Url => pattern(URL_PATTERN),
            Type::Color => pattern(COLOR_PATTERN),
            Type::Choice(values) => json!({ "type": "string", "enum": values }),
            Type::Key(source) => self.key(*source),
            Type::List(item) => json!({ "type": "array", "items": self.value(item) }),
            Type::Object(fields) => Value::Object(self.object(fields)),
            Type::Map(fields) => json!({
                "type": "object",
                "propertyNames": { "pattern": KEY_PATTERN },
                "additionalProperties": self.object(fields),
            }),
            Type::Free => json!({ "type": "object" }),
        }
    }

    /// One of the names the project defines: those of this project, else any slug.
    fn key(&self, source: Source) -> Value {
        let names: Option<Vec<&str>> = self.names.and_then(|n| match source {
            Source::Categories => Some(n.categories.iter().map(String::as_str).collect()),
            Source::Audiences => Some(n.audiences.iter().map(String::as_str).collect()),
            Source::Locations => Some(n.locations.iter().map(String::as_str).collect()),
            Source::Contacts => Some(n.contacts.iter().map(String::as_str).collect()),
            // A sheet is named by its file name or `slug` in the session's own manual: which
            // names are right depends on the file, so the build checks them.
            Source::Exercises => None,
        });
        match (names, source) {
            (_, Source::Exercises) => json!({ "type": "string" }),
            (Some(names), _) => json!({ "type": "string", "enum": names }),
            (None, _) => json!({ "type": "string", "pattern": KEY_PATTERN }),
        }
    }
}
