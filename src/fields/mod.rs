//! The fields a file may have, defined once: for each its name, its type, whether it is
//! required, and a label and help text in Danish and English.
//!
//! Three readers need the same list and must never drift apart: the parser's unknown-field check
//! (with its did-you-mean hints), the JSON Schema files `vejviser schema` writes for editors, and
//! forms in which staff edit content without writing YAML. So the list is plain data here, at
//! the bottom of the module tree, and each of them reads it. `content` holds the front matter of
//! each kind (a course's in `course`, the largest), `config` the fields of `vejviser.yaml` and
//! `_site.yaml`.
//!
//! The raw serde structs still decide how a value is read; unit tests beside them hold their
//! field names against these lists, so a field added to one and not the other fails the tests.

pub mod config;
pub mod content;
pub mod course;

/// A text in the languages a project can be written in (`language:` in `vejviser.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub da: &'static str,
    pub en: &'static str,
}

/// One field: what it is called in the YAML, what it holds, and what to tell the person filling it in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    /// The file is an error without it.
    pub required: bool,
    /// A short name for a form's label.
    pub label: Words,
    /// What the field does, in a sentence or two.
    pub help: Words,
}

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Type {
    /// One line of text.
    Text,
    /// Text that may run over several lines.
    LongText,
    /// A calendar date, `2027-02-02`.
    Date,
    /// A start and end time of day, `"10:00-12:00"`.
    TimeRange,
    /// A whole number, within the bounds given.
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    /// Any number.
    Number,
    /// Weeks as written: a range, `"1-6"`, or one week's number.
    Weeks,
    Bool,
    /// Part of an address: lower-case letters, digits and single hyphens.
    Slug,
    /// A full `http://` or `https://` address.
    Url,
    /// A hex colour, `"#00587c"`.
    Color,
    /// One of a fixed set of values.
    Choice(&'static [&'static str]),
    /// One of the names the project itself defines.
    Key(Source),
    List(&'static Type),
    /// A map with fields of its own.
    Object(&'static [Field]),
    /// A map from keys the file chooses (slugs) to maps with these fields.
    Map(&'static [Field]),
    /// A map the program does not look into (`extra:`, for themes).
    Free,
}

/// Where the names of a [`Type::Key`] are defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The keys of `categories:` in `vejviser.yaml`.
    Categories,
    /// The keys of `audiences:` in `vejviser.yaml`.
    Audiences,
    /// The keys of `locations:` in the municipality's `_site.yaml`.
    Locations,
    /// The keys of `contacts:` in the municipality's `_site.yaml`.
    Contacts,
    /// The exercise sheets of the same manual, by file name (without `.md`) or `slug`.
    Exercises,
}

impl Field {
    /// An optional field.
    pub const fn new(name: &'static str, ty: Type, label: Words, help: Words) -> Field {
        Field {
            name,
            ty,
            required: false,
            label,
            help,
        }
    }

    /// The same field, required.
    pub const fn required(self) -> Field {
        Field {
            required: true,
            ..self
        }
    }
}

impl Type {
    /// The fields inside a value of this type (an object, a map's values, a list's items).
    pub fn fields(&self) -> &'static [Field] {
        match self {
            Type::Object(fields) | Type::Map(fields) => fields,
            Type::List(item) => item.fields(),
            _ => &[],
        }
    }
}

/// A text in Danish and English.
pub const fn words(da: &'static str, en: &'static str) -> Words {
    Words { da, en }
}

/// The names of `fields`, in order.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The field called `name`.
pub fn find<'a>(fields: &'a [Field], name: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.name == name)
}

/// A whole number a field of type `u32` can hold.
const fn count(min: i64) -> Type {
    Type::Integer {
        min: Some(min),
        max: Some(u32::MAX as i64),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks that the raw struct `T` reads exactly the fields `fields` defines.
    pub(crate) fn same_fields<'de, T: serde::Deserialize<'de>>(what: &str, fields: &[Field]) {
        let mut read: Vec<&str> = serde_aux::serde_introspection::serde_introspect::<T>().to_vec();
        let mut defined = names(fields);
        read.sort_unstable();
        defined.sort_unstable();
        assert_eq!(
            read, defined,
            "the fields {what} reads (left) and those defined (right) differ"
        );
    }

    #[test]
    fn every_field_has_a_label_and_help_in_both_languages() {
        fn walk(path: &str, fields: &[Field]) {
            for f in fields {
                for text in [f.label.da, f.label.en, f.help.da, f.help.en] {
                    assert!(!text.trim().is_empty(), "{path}{} lacks a text", f.name);
                }
                walk(&format!("{path}{}.", f.name), f.ty.fields());
            }
        }
        walk("vejviser.yaml: ", config::PROJECT);
        walk("_site.yaml: ", config::SITE);
        walk("front matter: ", content::COMMON);
        for (kind, fields) in [
            ("manual", content::MANUAL),
            ("session", content::SESSION),
            ("exercise", content::EXERCISE),
            ("course", content::COURSE),
        ] {
            walk(&format!("{kind}: "), fields);
        }
    }
}
