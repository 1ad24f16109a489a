//! A file's front matter as form fields, and a save as edits of its text.
//!
//! The form shows every scalar of the front matter under its path (`schedule.start`,
//! `agenda.2.minutes`); a save changes only the scalars whose value changed, each in place in
//! the text, so comments, key order, quoting and the Markdown body stay byte for byte. The
//! scalars and their exact places come from one YAML parser's events (`saphyr-parser`), so the
//! fields shown and the places edited can never disagree.

use std::collections::BTreeMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// One scalar of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Keys and list indexes from the top, joined by `.`: the input's `name`.
    pub path: String,
    /// The value as YAML reads it, shown in the input.
    pub value: String,
    /// Where the scalar is written in the YAML text, quotes included (bytes).
    pub span: Range<usize>,
    style: ScalarStyle,
    /// Inside a `{ … }` or `[ … ]`, where `,` and brackets end a plain value.
    flow: bool,
    /// Written plain and read as a number, a truth value or nothing rather than as text: a new
    /// value may be written plain as such too.
    typed: bool,
    /// An item of a list of scalars (shown as a numbered input).
    pub item: bool,
}

/// A container being read, and where its parent stands.
enum Frame {
    Map { key: Option<String>, flow: bool },
    Seq { index: usize, flow: bool },
}

/// A mapping key as written: where it starts, so a value can be replaced or a sibling added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The key's path, as a field's (`schedule.skip`).
    pub path: String,
    /// Its first byte in the YAML text.
    pub start: usize,
    /// Inside a `{ … }`.
    pub flow: bool,
}

/// What one reading of a YAML text finds: its scalars, its keys, and where each `{ … }` map
/// closes (by the map's path), for a new key to go in before the `}`.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub fields: Vec<Field>,
    pub keys: Vec<Key>,
    pub flow_ends: BTreeMap<String, usize>,
}

/// The scalars of a YAML text, in order, or the parser's message when it is not valid YAML.
pub fn fields(yaml: &str) -> Result<Vec<Field>, String> {
    scan(yaml).map(|s| s.fields)
}

/// The scalars, keys and flow maps of a YAML text.
pub fn scan(yaml: &str) -> Result<Scan, String> {
    // The parser counts characters; the text is edited by bytes.
    let mut bytes: Vec<usize> = yaml.char_indices().map(|(i, _)| i).collect();
    bytes.push(yaml.len());
    let byte = |chars: usize| bytes[chars.min(bytes.len() - 1)];
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    let mut keys = Vec::new();
    let mut flow_ends = BTreeMap::new();
    let path = |stack: &[Frame], last: String| {
        let mut parts: Vec<String> = stack[..stack.len().saturating_sub(1)]
            .iter()
            .map(|f| match f {
                Frame::Map { key, .. } => key.clone().unwrap_or_default(),
                Frame::Seq { index, .. } => index.to_string(),
            })
            .collect();
        parts.push(last);
        parts.join(".")
    };
    for event in Parser::new_from_str(yaml) {
        let (event, span) = event.map_err(|e| e.to_string())?;
        let start = byte(span.start.index());
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let flow = yaml[start..].starts_with(['{', '[']);
                let frame = if matches!(event, Event::MappingStart(..)) {
                    Frame::Map { key: None, flow }
                } else {
                    Frame::Seq { index: 0, flow }
                };
                stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Map { flow: true, .. }) = stack.last() {
                    let own: Vec<String> = stack[..stack.len() - 1]
                        .iter()
                        .map(|f| match f {
                            Frame::Map { key, .. } => key.clone().unwrap_or_default(),
                            Frame::Seq { index, .. } => index.to_string(),
                        })
                        .collect();
                    flow_ends.insert(own.join("."), start);
                }
                stack.pop();
                advance(&mut stack);
            }
            Event::Scalar(value, style, ..) => {
                let mut span = start..byte(span.end.index());
                // An empty value (`key:`) is placed where its key ends: a new one goes after
                // the colon.
                if span.is_empty() {
                    let line = &yaml[span.start
                        ..yaml[span.start..]
                            .find('\n')
                            .map_or(yaml.len(), |i| span.start + i)];
                    if let Some(colon) = line.find(':') {
                        span = span.start + colon + 1..span.start + colon + 1;
                    }
                }
                match stack.last_mut() {
                    Some(Frame::Map {
                        key: key @ None,
                        flow,
                    }) => {
                        let flow = *flow;
                        *key = Some(value.into_owned());
                        let p = path(&stack, String::new());
                        let Some(Frame::Map { key: Some(k), .. }) = stack.last() else {
                            continue;
                        };
                        keys.push(Key {
                            path: format!("{p}{k}"),
                            start,
                            flow,
                        });
                    }
                    Some(Frame::Map {
                        key: Some(key),
                        flow,
                    }) => {
                        let (key, flow) = (key.clone(), *flow);
                        out.push(field(path(&stack, key), &value, span, style, flow, false));
                        advance(&mut stack);
                    }
                    Some(Frame::Seq { index, flow }) => {
                        let (index, flow) = (*index, *flow);
                        let p = path(&stack, index.to_string());
                        out.push(field(p, &value, span, style, flow, true));
                        advance(&mut stack);
                    }
                    None => {}
                }
            }
            Event::Alias(_) => advance(&mut stack),
            _ => {}
        }
    }
    Ok(Scan {
        fields: out,
        keys,
        flow_ends,
    })
}

/// Moves the innermost container past the value just read.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        None => {}
    }
}

fn field(
    path: String,
    value: &str,
    span: Range<usize>,
    style: ScalarStyle,
    flow: bool,
    item: bool,
) -> Field {
    let typed = style == ScalarStyle::Plain && !reads_as_text(value);
    Field {
        path,
        // An empty plain value is YAML's "nothing"; the form shows it empty.
        value: if typed && matches!(value, "~" | "null" | "Null" | "NULL" | "") {
            String::new()
        } else {
            value.to_string()
        },
        span,
        style,
        flow,
        typed,
        item,
    }
}

/// Whether YAML reads `value`, written plain, as that very text.
fn reads_as_text(value: &str) -> bool {
    matches!(read(value), Some(serde_json::Value::String(s)) if s == value)
}

/// A plain scalar's value as YAML reads it (through the one module that reads YAML values).
fn read(value: &str) -> Option<serde_json::Value> {
    crate::yaml::from_str::<serde_json::Value>(value).ok()
}

/// The YAML text with each field whose path `values` names set to its new value, in place.
/// Fields whose value did not change are left exactly as written.
pub fn apply(yaml: &str, fields: &[Field], values: &BTreeMap<String, String>) -> String {
    let mut out = yaml.to_string();
    for field in fields.iter().rev() {
        let Some(new) = values.get(&field.path) else {
            continue;
        };
        if *new == field.value {
            continue;
        }
        let mut written = write(new, field);
        // `key:` with nothing after it: the value needs its space.
        if field.span.is_empty() && yaml[..field.span.start].ends_with(':') {
            written.insert(0, ' ');
        }
        out.replace_range(field.span.clone(), &written);
    }
    out
}

/// A new value as YAML text: quoted as the old one was, plain when it was plain and stays
/// unambiguous, else in double quotes.
fn write(new: &str, field: &Field) -> String {
    match field.style {
        ScalarStyle::SingleQuoted if !new.contains('\n') => {
            format!("'{}'", new.replace('\'', "''"))
        }
        ScalarStyle::Plain if new.is_empty() && field.typed => String::new(),
        ScalarStyle::Plain if plain(new, field) => new.to_string(),
        _ => double_quoted(new),
    }
}

/// Whether `new` can be written plain where `field` stands and be read back as written, of
/// the same sort (text stays text).
fn plain(new: &str, field: &Field) -> bool {
    let flow_safe = !field.flow || !new.contains([',', '[', ']', '{', '}']);
    let simple = !new.is_empty() && new.trim() == new && !new.contains(['\n', '\r', '\t']);
    simple
        && flow_safe
        && match read(new) {
            Some(serde_json::Value::String(s)) => s == new,
            Some(serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => field.typed,
            _ => false,
        }
}

/// A new value's YAML text where none was written: plain when it reads back as written (as a
/// number or truth value only for a `typed` field), else in double quotes.
pub fn new_scalar(value: &str, typed: bool, flow: bool) -> String {
    let field = Field {
        path: String::new(),
        value: String::new(),
        span: 0..0,
        style: ScalarStyle::Plain,
        flow,
        typed,
        item: false,
    };
    write(value, &field)
}

fn double_quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: Hej # a comment\nschedule:\n  start: 2027-02-02\n  time: \"13:00-15:00\"\nsignup: { deadline: 2027-01-26, email: a@b.dk }\nexercises: [mit-netvaerk, min-uge]\nmaterials:\n  - Tusser\n  - 'Papir'\nagenda:\n  - { minutes: 10, what: Velkomst }\ncapacity: 12\nempty:\n";

    fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn every_scalar_is_a_field_under_its_path() {
        let found = fields(TEXT).unwrap();
        let shown: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|f| (f.path.as_str(), f.value.as_str(), &TEXT[f.span.clone()]))
            .collect();
        assert_eq!(
            shown,
            [
                ("title", "Hej", "Hej"),
                ("schedule.start", "2027-02-02", "2027-02-02"),
                ("schedule.time", "13:00-15:00", "\"13:00-15:00\""),
                ("signup.deadline", "2027-01-26", "2027-01-26"),
                ("signup.email", "a@b.dk", "a@b.dk"),
                ("exercises.0", "mit-netvaerk", "mit-netvaerk"),
                ("exercises.1", "min-uge", "min-uge"),
                ("materials.0", "Tusser", "Tusser"),
                ("materials.1", "Papir", "'Papir'"),
                ("agenda.0.minutes", "10", "10"),
                ("agenda.0.what", "Velkomst", "Velkomst"),
                ("capacity", "12", "12"),
                ("empty", "", ""),
            ]
        );
    }

    #[test]
    fn unchanged_values_leave_the_text_alone() {
        let found = fields(TEXT).unwrap();
        let same: BTreeMap<String, String> = found
            .iter()
            .map(|f| (f.path.clone(), f.value.clone()))
            .collect();
        assert_eq!(apply(TEXT, &found, &same), TEXT);
    }

    #[test]
    fn a_changed_value_is_written_in_place_quoted_only_when_needed() {
        let found = fields(TEXT).unwrap();
        let changed = apply(
            TEXT,
            &found,
            &values(&[
                ("title", "Hej: igen"),
                ("schedule.start", "2027-03-02"),
                ("schedule.time", "14:00-16:00"),
                ("signup.email", "x,y@b.dk"),
                ("materials.1", "Sax'er"),
                ("capacity", "14"),
                ("exercises.1", "true"),
                ("empty", "noget"),
            ]),
        );
        assert_eq!(
            changed,
            "title: \"Hej: igen\" # a comment\nschedule:\n  start: 2027-03-02\n  time: \"14:00-16:00\"\nsignup: { deadline: 2027-01-26, email: \"x,y@b.dk\" }\nexercises: [mit-netvaerk, \"true\"]\nmaterials:\n  - Tusser\n  - 'Sax''er'\nagenda:\n  - { minutes: 10, what: Velkomst }\ncapacity: 14\nempty: noget\n"
        );
    }
}
