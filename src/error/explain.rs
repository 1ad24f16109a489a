//! YAML errors in plain words: the place and what to do, not the parser's own words.
//!
//! Staff who are not developers meet YAML in front matter and in `vejviser.yaml`. The parser says
//! "mapping values are not allowed in this context" and often points at the line *after* the
//! mistake. Here the common causes are recognised from the parser's error and the lines around
//! it — a tab in the indentation, indentation that does not fit, a key without its colon, a
//! quote never closed, a value holding `: `, a list item among keys (or a key among list items),
//! a `[` never closed, text after a closing quote — and reported where the mistake is, with a
//! hint in the project's language. Type errors of a well-formed file (a list where text belongs,
//! a date that does not exist, an unknown field) are put in the same plain words. Anything else
//! is "the YAML cannot be read here" at the parser's place with the general syntax hint.
//!
//! A value with ` #` in it is not an error to the parser (the rest is a comment), so it is not
//! reported here; the general hint says to quote such values.

use std::path::Path;
use std::sync::Arc;

use super::{did_you_mean, Diagnostic};
use crate::messages::{self, Message};
use crate::yaml::YamlError;

/// A YAML error as a diagnostic in the file's coordinates. `line_offset` is the number of lines
/// before the YAML text starts (1 for front matter after `---`).
pub fn yaml_diagnostic(
    file: &Path,
    text: &Arc<str>,
    err: &YamlError,
    line_offset: usize,
) -> Diagnostic {
    let yaml_line = |l: usize| -> &str {
        l.checked_sub(1)
            .and_then(|i| text.lines().nth(i + line_offset))
            .unwrap_or("")
    };
    if let Some((message, hint)) = typed(&err.message) {
        return place_typed(file, text, err, line_offset, message, hint);
    }
    let (message, hint, line, column) = match syntax(err, yaml_line) {
        Some(found) => found,
        None => (
            messages::yaml_unreadable(),
            messages::yaml_syntax_hint(),
            err.line.unwrap_or(1),
            err.column.unwrap_or(1),
        ),
    };
    let d = Diagnostic::error("frontmatter.yaml", file, message).hint(hint);
    let line = line + line_offset;
    let width = text
        .lines()
        .nth(line - 1)
        .map(|s| s.trim_end().chars().count().saturating_sub(column - 1))
        .unwrap_or(1);
    d.at(text, line, column).span(width.max(1))
}

/// A well-formed YAML value that does not fit the fields: its message and hint.
fn typed(message: &str) -> Option<(Message, Message)> {
    // serde_yaml names where in the document a value is: `schedule.start: invalid date …`.
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains([' ', '`']) => rest,
        _ => message,
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once("`, expected ")?;
        let known: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .collect();
        return Some((messages::unknown_field(field), did_you_mean(field, &known)));
    }
    if let Some(rest) = message.strip_prefix("invalid date `") {
        let value = rest.split('`').next().unwrap_or(rest);
        return Some((messages::invalid_date(value), messages::invalid_date_hint()));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once("`, expected ")?;
        let known: Vec<&str> = expected
            .trim_start_matches("one of ")
            .split([',', ' '])
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty() && *s != "or")
            .collect();
        return Some((
            messages::not_a_possible_value(value),
            messages::known_values(messages::list(&known)),
        ));
    }
    let wrong = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = wrong {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some((
            messages::wrong_type(type_words(found), type_words(expected)),
            messages::wrong_type_hint(),
        ));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return Some((
            messages::missing_field(field),
            messages::add_field(field, "…"),
        ));
    }
    let duplicate = message
        .strip_prefix("duplicate entry with key \"")
        .or_else(|| message.strip_prefix("duplicate field `"));
    if let Some(rest) = duplicate {
        let key = rest.trim_end_matches(['"', '`']);
        return Some((messages::duplicate_key(key), messages::duplicate_key_hint()));
    }
    if message.starts_with("expected `key: value` lines") {
        return Some((messages::not_a_mapping(), messages::yaml_syntax_hint()));
    }
    None
}

/// What kind of value serde names (`string "abc"`, `a sequence`, `u32`), in plain words.
fn type_words(serde: &str) -> Message {
    let s = serde.trim_start_matches("a ").trim_start_matches("an ");
    let first = s.split([' ', '`']).next().unwrap_or(s);
    match first {
        "string" | "str" | "char" => messages::kind_text(),
        "integer" | "floating" | "number" | "u8" | "u16" | "u32" | "u64" | "usize" | "i8"
        | "i16" | "i32" | "i64" | "isize" | "f32" | "f64" => messages::kind_number(),
        "boolean" | "bool" => messages::kind_yes_no(),
        "sequence" | "list" | "tuple" => messages::kind_list(),
        "map" | "struct" | "mapping" | "YAML" => messages::kind_fields(),
        "unit" | "null" | "none" => messages::kind_nothing(),
        _ => messages::kind_other(serde),
    }
}

/// Places a type error: serde places errors of our own value types at the key, or for
/// top-level fields at the start of the mapping; it moves to the value itself when the message
/// quotes it and it stands on that line or a later one of the front matter.
fn place_typed(
    file: &Path,
    text: &Arc<str>,
    err: &YamlError,
    line_offset: usize,
    message: Message,
    hint: Message,
) -> Diagnostic {
    let d = Diagnostic::error("frontmatter.yaml", file, message).hint(hint);
    let (Some(l), Some(mut c)) = (err.line, err.column) else {
        return d.at(text, line_offset.max(1), 1);
    };
    let mut line = l + line_offset;
    let quoted = err.message.split('`').nth(1).filter(|q| !q.is_empty());
    if let Some(q) = quoted {
        let found = text
            .lines()
            .enumerate()
            .skip(line - 1)
            .take_while(|(_, src)| src.trim_end() != "---")
            .find_map(|(i, src)| src.find(q).map(|at| (i + 1, src[..at].chars().count() + 1)));
        if let Some((l, at)) = found {
            (line, c) = (l, at);
        }
    }
    // Mark the rest of the line from the column: the offending token or value.
    let width = text
        .lines()
        .nth(line - 1)
        .map(|s| s.chars().count().saturating_sub(c - 1))
        .unwrap_or(1);
    d.at(text, line, c).span(width.max(1))
}

/// A syntax error's message, hint and place (line and column in the YAML text), when its cause
/// is one of the common ones.
fn syntax<'a>(
    err: &YamlError,
    line_of: impl Fn(usize) -> &'a str,
) -> Option<(Message, Message, usize, usize)> {
    let (l, c) = (err.line?, err.column?);
    let msg = err.message.as_str();
    let here = line_of(l);
    let indent_col = |s: &str| s.chars().take_while(|ch| *ch == ' ').count() + 1;
    // A tab anywhere in the indentation of the line the parser stopped at.
    let leading: &str = &here[..here.len() - here.trim_start().len()];
    if msg.contains("tab character")
        || (msg.contains("cannot start any token") && leading.contains('\t'))
    {
        let col = leading.chars().take_while(|ch| *ch != '\t').count() + 1;
        return Some((messages::yaml_tab(), messages::yaml_tab_hint(), l, col));
    }
    if msg.contains("end of stream") {
        let (cl, cc) = err.context?;
        let quote = line_of(cl).chars().nth(cc - 1)?;
        if quote == '"' || quote == '\'' {
            return Some((
                messages::yaml_unclosed_quote(quote),
                messages::yaml_unclosed_quote_hint(quote),
                cl,
                cc,
            ));
        }
        return None;
    }
    if msg.contains("could not find expected ':'") {
        let (cl, cc) = err.context.unwrap_or((l, c));
        let hint = messages::yaml_missing_colon_hint();
        return Some((messages::yaml_missing_colon(), hint, cl, cc));
    }
    if msg.contains("did not find expected ',' or ']'")
        || msg.contains("did not find expected ',' or '}'")
    {
        let (cl, cc) = err.context.unwrap_or((l, c));
        let open = line_of(cl).chars().nth(cc - 1).unwrap_or('[');
        let close = if open == '{' { '}' } else { ']' };
        return Some((
            messages::yaml_unclosed_bracket(open),
            messages::yaml_unclosed_bracket_hint(close),
            cl,
            cc,
        ));
    }
    let indentation = |at: &str| {
        let hint = messages::yaml_indentation_hint();
        Some((messages::yaml_indentation(), hint, l, indent_col(at)))
    };
    if msg.contains("mapping values are not allowed") {
        let before: String = here.chars().take(c.saturating_sub(1)).collect();
        let entry = before.trim_start().trim_start_matches("- ");
        if let Some((key, _)) = entry.split_once(": ") {
            // `key: value: more`: the second `: ` is in the value. The place stays at that
            // colon (what the parser stopped at); the hint quotes the whole value.
            let start = before
                .find(": ")
                .map_or(c, |i| before[..i + 2].chars().count() + 1);
            let value = here.chars().skip(start - 1).collect::<String>();
            let value = value.trim_end();
            let quoted = if value.contains('"') {
                format!("'{value}'")
            } else {
                format!("\"{value}\"")
            };
            return Some((
                messages::yaml_colon_in_value(),
                messages::yaml_quote_value_hint(key.trim(), quoted),
                l,
                c,
            ));
        }
        // The line above with neither `key:` nor `- `: a key that lost its colon (the parser
        // read both lines as one value and stopped at the colon of the second).
        let above = (1..l).rev().map(|i| (i, line_of(i))).find(|(_, s)| {
            let t = s.trim();
            !t.is_empty() && !t.starts_with('#')
        });
        if let Some((al, above)) = above {
            let t = above.trim_start();
            if !t.contains(':') && !t.starts_with('-') {
                let hint = messages::yaml_missing_colon_hint();
                return Some((messages::yaml_missing_colon(), hint, al, indent_col(above)));
            }
        }
        return indentation(here);
    }
    if msg.contains("did not find expected key")
        || msg.contains("block sequence entries are not allowed")
    {
        let t = here.trim_start();
        if t.starts_with("- ") || t == "-" {
            let hint = messages::yaml_list_in_mapping_hint();
            return Some((messages::yaml_list_in_mapping(), hint, l, indent_col(here)));
        }
        let before: String = here.chars().take(c.saturating_sub(1)).collect();
        if before.trim_end().ends_with(['"', '\'']) && before.contains(": ") {
            let hint = messages::yaml_text_after_quote_hint();
            return Some((messages::yaml_text_after_quote(), hint, l, c));
        }
        return indentation(here);
    }
    if msg.contains("did not find expected '-' indicator") {
        let hint = messages::yaml_map_in_list_hint();
        return Some((messages::yaml_map_in_list(), hint, l, indent_col(here)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Language;

    /// The message, hint and place (line, column) of the error in `yaml`, in English.
    fn explain(yaml: &str) -> (String, String, usize, usize) {
        let err = crate::yaml::from_str::<serde_json::Value>(yaml).unwrap_err();
        let text: Arc<str> = Arc::from(yaml);
        let d = yaml_diagnostic(Path::new("x.yaml"), &text, &err, 0);
        let en = Language::En;
        (d.text(en), d.hint_text(en).unwrap(), d.line, d.column)
    }

    #[test]
    fn a_tab_in_the_indentation() {
        let (m, _, l, c) = explain("schedule:\n\tstart: 2027-01-01\n");
        assert_eq!((m.as_str(), l, c), ("A tab is used for indentation", 2, 1));
        let (m, _, l, c) = explain("title: Hej\n\tdate: 2027-01-01\n");
        assert_eq!((m.as_str(), l, c), ("A tab is used for indentation", 2, 1));
    }

    #[test]
    fn a_key_without_its_colon_is_found_on_its_own_line() {
        let missing = "A colon is missing after the key";
        let (m, _, l, c) = explain("title Hej\ndate: 2027-01-01\n");
        assert_eq!((m.as_str(), l, c), (missing, 1, 1));
        let (m, _, l, c) = explain("date: 2027-01-01\ntitle Hej\n");
        assert_eq!((m.as_str(), l, c), (missing, 2, 1));
        let (m, _, l, c) = explain("schedule:\n  start 2027-01-01\n  end: 2027-02-01\n");
        assert_eq!((m.as_str(), l, c), (missing, 2, 3));
    }

    #[test]
    fn a_quote_never_closed_is_shown_where_it_opens() {
        let (m, h, l, c) = explain("title: \"Hej\ndate: 2027-01-01\n");
        assert_eq!((m.as_str(), l, c), ("The quote \" is never closed", 1, 8));
        assert!(h.contains('"'), "{h}");
        let (m, _, l, c) = explain("a: b\ntitle: 'Hej\n");
        assert_eq!((m.as_str(), l, c), ("The quote ' is never closed", 2, 8));
    }

    #[test]
    fn a_value_with_a_colon_needs_quotes() {
        let (m, h, l, c) = explain("title: Tid: kl. 10\ndate: 2027-01-01\n");
        let expected = "The value holds `: `, which YAML reads as a new key";
        assert_eq!((m.as_str(), l, c), (expected, 1, 11));
        assert_eq!(h, "Put the value in quotes: `title: \"Tid: kl. 10\"`");
    }

    #[test]
    fn indentation_that_does_not_fit() {
        let indentation = "The indentation does not fit here";
        let (m, _, l, c) = explain("title: Hej\n  date: 2027-01-01\n");
        assert_eq!((m.as_str(), l, c), (indentation, 2, 3));
        let (m, _, l, c) = explain("schedule:\n    start: 2027-01-01\n  end: 2027-02-01\n");
        assert_eq!((m.as_str(), l, c), (indentation, 3, 3));
    }

    #[test]
    fn list_items_and_keys_mixed() {
        let (m, _, l, c) = explain("title: Hej\n- a\ndate: x\n");
        let item = "A list item (`- …`) stands among keys";
        assert_eq!((m.as_str(), l, c), (item, 2, 1));
        let (m, _, l, c) = explain("goals:\n  - a\n  b: c\n");
        let key = "A `key: value` line stands inside a list";
        assert_eq!((m.as_str(), l, c), (key, 3, 3));
    }

    #[test]
    fn a_list_never_closed_and_text_after_a_quote() {
        let (m, h, l, c) = explain("tags: [a, b\ndate: x\n");
        let open = "The list opened with `[` is never closed";
        assert_eq!((m.as_str(), l, c), (open, 1, 7));
        assert!(h.contains("`]`"), "{h}");
        let (m, _, l, c) = explain("title: \"Hej\" du\n");
        let after = "There is text after the quote that ends the value";
        assert_eq!((m.as_str(), l, c), (after, 1, 14));
    }

    #[test]
    fn type_errors_in_plain_words() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            goals: Vec<String>,
        }
        let err = crate::yaml::from_str::<T>("goals: ja\n").unwrap_err();
        let text: Arc<str> = Arc::from("goals: ja\n");
        let d = yaml_diagnostic(Path::new("x.yaml"), &text, &err, 0);
        assert_eq!(
            d.text(Language::Da),
            "Her står tekst, men feltet skal have en liste"
        );
        assert_eq!(
            d.text(Language::En),
            "This is text, but the field takes a list"
        );
    }
}
