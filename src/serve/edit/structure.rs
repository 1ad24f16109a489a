//! Edits of a YAML text's shape, where [`super::fields::apply`] only changes values in place: a
//! key the file does not have yet is added, a list that got longer or shorter is written anew.
//!
//! Everything else stays byte for byte. A new key goes after the last key before it in the
//! field definitions' order (so `capacity` lands after `referral`), with its siblings'
//! indentation; inside a `{ … }` it goes before the `}`. A list is rewritten in the style it
//! had: `[a, b]` stays on one line, a block list stays a block; a comment inside a list that
//! changed length is lost. A list that becomes empty loses its key.

use super::fields::{scan, Key, Scan};

/// A value to write: one line (`2027-02-03`, `[a, b]`) or lines under the key (`- a`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Inline(String),
    Block(Vec<String>),
}

/// The column a key starts at (characters from the start of its line).
fn column(yaml: &str, at: usize) -> usize {
    yaml[..at]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count())
}

fn line_start(yaml: &str, at: usize) -> usize {
    yaml[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Where the value of the block key at `key` ends: after the last line indented under it (or a
/// `- ` item at its own column), its trailing blank and comment lines left out.
fn block_end(yaml: &str, key: usize) -> usize {
    let col = column(yaml, key);
    let line_end = yaml[key..].find('\n').map_or(yaml.len(), |i| key + i + 1);
    let rest_of_line = yaml[key..line_end].split_once(':').map_or("", |(_, r)| r);
    let block_follows = rest_of_line.trim().is_empty() || rest_of_line.trim().starts_with('#');
    let (mut pos, mut end) = (line_end, line_end);
    for line in yaml[line_end..].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let own_item = indent == col
            && block_follows
            && (trimmed.starts_with("- ") || trimmed.trim_end() == "-");
        pos += line.len();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if indent > col || own_item {
            end = pos;
        } else {
            break;
        }
    }
    end
}

fn find<'a>(s: &'a Scan, path: &str) -> Option<&'a Key> {
    s.keys.iter().find(|k| k.path == path)
}

/// The text of `value` written after `name:` at column `col`, with its line end.
fn written(name: &str, value: &Value, col: usize) -> String {
    match value {
        Value::Inline(text) => format!("{name}: {text}\n"),
        Value::Block(lines) => {
            let pad = " ".repeat(col + 2);
            let mut out = format!("{name}:\n");
            for line in lines {
                out.push_str(&format!("{pad}{line}\n"));
            }
            out
        }
    }
}

/// The YAML text with the value of `path` replaced by `value`, the key added when the file
/// lacks it (`order` names the keys in the order they should stand, see [`insert`]), or the key
/// removed when `value` is `None`. `Err` when the text cannot be read or the key stands where
/// it cannot be rewritten (inside a `{ … }` with a block value).
pub fn set(
    yaml: &str,
    path: &str,
    value: Option<&Value>,
    order: &dyn Fn(&str) -> Vec<&'static str>,
) -> Result<String, String> {
    let s = scan(yaml)?;
    let Some(key) = find(&s, path) else {
        return match value {
            Some(value) => insert(yaml, &s, path, value, order),
            None => Ok(yaml.to_string()),
        };
    };
    if key.flow {
        return Err(path.to_string());
    }
    let end = block_end(yaml, key.start);
    let start = line_start(yaml, key.start);
    let mut out = yaml.to_string();
    match value {
        None if yaml[start..key.start].trim().is_empty() => out.replace_range(start..end, ""),
        None => return Err(path.to_string()),
        Some(value) => {
            let name = path.rsplit('.').next().unwrap_or(path);
            let mut text = written(name, value, column(yaml, key.start));
            if end == yaml.len() && !yaml.ends_with('\n') {
                text.pop();
            }
            out.replace_range(key.start..end, &text);
        }
    }
    Ok(out)
}

/// Adds the key `path` with `value`, and the maps above it the file lacks.
fn insert(
    yaml: &str,
    s: &Scan,
    path: &str,
    value: &Value,
    order: &dyn Fn(&str) -> Vec<&'static str>,
) -> Result<String, String> {
    let (parent, name) = path.rsplit_once('.').unwrap_or(("", path));
    if let Some(&close) = s.flow_ends.get(parent) {
        let inline = match value {
            Value::Inline(text) => text.clone(),
            Value::Block(_) => return Err(path.to_string()),
        };
        let before = yaml[..close].trim_end();
        let sep = if before.ends_with('{') { " " } else { ", " };
        let mut out = yaml.to_string();
        out.replace_range(before.len()..close, &format!("{sep}{name}: {inline} "));
        return Ok(out);
    }
    let prefix = if parent.is_empty() {
        String::new()
    } else {
        format!("{parent}.")
    };
    let siblings: Vec<&Key> = s
        .keys
        .iter()
        .filter(|k| {
            k.path
                .strip_prefix(&prefix)
                .is_some_and(|rest| !rest.contains('.'))
        })
        .collect();
    if siblings.is_empty() && !parent.is_empty() {
        if find(s, parent).is_some() {
            // `parent:` with no value of its own, or a value that is no map.
            return Err(path.to_string());
        }
        let lines = written(name, value, 0)
            .lines()
            .map(str::to_string)
            .collect();
        return insert(yaml, s, parent, &Value::Block(lines), order);
    }
    let known = order(parent);
    let rank = |n: &str| known.iter().position(|k| *k == n).unwrap_or(known.len());
    let mine = rank(name);
    let after = siblings
        .iter()
        .filter(|k| rank(k.path.rsplit('.').next().unwrap_or("")) <= mine)
        .max_by_key(|k| k.start);
    let (at, col) = match (after, siblings.first()) {
        (Some(k), _) => (block_end(yaml, k.start), column(yaml, k.start)),
        (None, Some(first)) => (line_start(yaml, first.start), column(yaml, first.start)),
        (None, None) => (yaml.len(), 0),
    };
    let mut text = format!("{}{}", " ".repeat(col), written(name, value, col));
    if at == yaml.len() && !yaml.is_empty() && !yaml.ends_with('\n') {
        text.insert(0, '\n');
    }
    let mut out = yaml.to_string();
    out.insert_str(at, &text);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: Hej\nreferral: true\nschedule:\n  start: 2027-02-03\n  # a comment\n  time: \"10:00-12:00\"\n  skip: [2027-02-17]\nsignup: { email: a@b.dk }\ngoals:\n  - En\n  - To\nprice: 0\n";

    fn order(parent: &str) -> Vec<&'static str> {
        match parent {
            "" => vec![
                "title", "referral", "capacity", "price", "schedule", "signup",
            ],
            "schedule" => vec!["start", "weeks", "time", "skip", "cancelled"],
            _ => vec![],
        }
    }

    fn inline(text: &str) -> Value {
        Value::Inline(text.to_string())
    }

    #[test]
    fn a_new_key_goes_after_the_key_before_it_in_the_definitions() {
        let out = set(TEXT, "capacity", Some(&inline("12")), &order).unwrap();
        assert_eq!(
            out,
            TEXT.replace("referral: true\n", "referral: true\ncapacity: 12\n")
        );
        let out = set(TEXT, "schedule.weeks", Some(&inline("10")), &order).unwrap();
        assert_eq!(
            out,
            TEXT.replace("2027-02-03\n", "2027-02-03\n  weeks: 10\n")
        );
        let out = set(
            TEXT,
            "schedule.cancelled",
            Some(&inline("[2027-03-03]")),
            &order,
        )
        .unwrap();
        assert_eq!(
            out,
            TEXT.replace(
                "[2027-02-17]\n",
                "[2027-02-17]\n  cancelled: [2027-03-03]\n"
            )
        );
    }

    #[test]
    fn a_key_goes_into_a_flow_map_before_its_brace_and_a_missing_map_is_made() {
        let out = set(TEXT, "signup.phone", Some(&inline("\"+45 1\"")), &order).unwrap();
        assert!(
            out.contains("signup: { email: a@b.dk, phone: \"+45 1\" }\n"),
            "{out}"
        );
        let out = set(
            "title: A\n",
            "schedule.skip",
            Some(&inline("[2027-01-01]")),
            &order,
        )
        .unwrap();
        assert_eq!(out, "title: A\nschedule:\n  skip: [2027-01-01]\n");
    }

    #[test]
    fn a_list_is_rewritten_in_place_and_an_empty_one_loses_its_key() {
        let block = Value::Block(vec!["- En".into(), "- To".into(), "- Tre".into()]);
        let out = set(TEXT, "goals", Some(&block), &order).unwrap();
        assert_eq!(out, TEXT.replace("  - To\n", "  - To\n  - Tre\n"));
        let out = set(
            TEXT,
            "schedule.skip",
            Some(&inline("[2027-02-17, 2027-02-24]")),
            &order,
        )
        .unwrap();
        assert_eq!(
            out,
            TEXT.replace("[2027-02-17]", "[2027-02-17, 2027-02-24]")
        );
        let out = set(TEXT, "goals", None, &order).unwrap();
        assert_eq!(out, TEXT.replace("goals:\n  - En\n  - To\n", ""));
        let out = set(TEXT, "schedule.skip", None, &order).unwrap();
        assert_eq!(out, TEXT.replace("  skip: [2027-02-17]\n", ""));
    }
}
