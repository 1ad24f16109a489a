//! Finding where a value stands in a YAML text, so that a problem found *after* parsing (an
//! unknown category, an exercise that does not exist) can still point at the exact line.
//!
//! serde gives positions only for syntax and type errors; for everything we validate later we
//! look the key up in the text. This is a plain text search that understands indentation and
//! `{ flow: mappings }`, which is all front matter and `_site.yaml` use.

/// A place in a text: byte offset and length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub offset: usize,
    pub len: usize,
}

/// Finds the key at `path` (`["schedule", "start"]`) and returns the place of the key itself.
pub fn key(text: &str, path: &[&str]) -> Option<Place> {
    let (first, rest) = path.split_first()?;
    let mut start = top_level_key(text, first)?;
    let mut end = block_end(text, start);
    let mut place = Place {
        offset: start,
        len: first.len(),
    };
    for key in rest {
        let found = find_key_token(&text[start..end], key)? + start;
        place = Place {
            offset: found,
            len: key.len(),
        };
        start = found;
        end = end.min(text.len());
    }
    Some(place)
}

/// The place of the value after the key at `path`, or of the key when the value is on later lines.
pub fn value(text: &str, path: &[&str]) -> Option<Place> {
    let key = key(text, path)?;
    let after = key.offset + key.len;
    let rest = &text[after..];
    let rest = rest.strip_prefix(':')?;
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = &rest[..line_end];
    let trimmed_start = line.len() - line.trim_start().len();
    let value = line.trim();
    if value.is_empty() {
        return Some(key);
    }
    // In a flow mapping the value ends at the next `,` or `}`.
    let value_len = if text[..key.offset].rfind('\n').map_or(0, |i| i + 1) < key.offset
        && text[text[..key.offset].rfind('\n').map_or(0, |i| i + 1)..key.offset].contains('{')
    {
        line.trim_start().find([',', '}']).unwrap_or(value.len())
    } else {
        value.len()
    };
    Some(Place {
        offset: after + 1 + trimmed_start,
        len: value_len.max(1),
    })
}

/// The place of `item` inside the value of the key at `path` (a list item, inline or on the
/// following `- item` lines). Falls back to the key.
pub fn item(text: &str, path: &[&str], item: &str) -> Option<Place> {
    let key = key(text, path)?;
    let end = block_end(text, key.offset).max(key.offset + key.len);
    let end = match text[key.offset..].find('\n') {
        // The value may continue on more-indented lines after the key's line.
        Some(i) => {
            let line_start = key.offset + i + 1;
            let key_indent = indent_of_line(text, key.offset);
            let mut stop = line_start;
            for line in text[line_start..].split_inclusive('\n') {
                let indent = line.len() - line.trim_start().len();
                if !is_blank_or_comment(line)
                    && indent <= key_indent
                    && !line.trim_start().starts_with('-')
                {
                    break;
                }
                stop += line.len();
            }
            stop.min(end.max(stop))
        }
        None => text.len(),
    };
    let hay = &text[key.offset..end.min(text.len())];
    let mut from = 0;
    while let Some(i) = hay[from..].find(item) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + item.len()..].chars().next();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        if at > 0 && boundary(before) && boundary(after) {
            return Some(Place {
                offset: key.offset + at,
                len: item.len(),
            });
        }
        from = at + item.len();
    }
    Some(key)
}

fn indent_of_line(text: &str, offset: usize) -> usize {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    line.len() - line.trim_start_matches(' ').len()
}

fn top_level_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key) {
            if rest.trim_start_matches(' ').starts_with(':') {
                return Some(offset);
            }
        }
        offset += line.len();
    }
    None
}

/// Where the block that starts on the line of `offset` ends: the next line indented no deeper.
fn block_end(text: &str, offset: usize) -> usize {
    let indent = indent_of_line(text, offset);
    let Some(nl) = text[offset..].find('\n') else {
        return text.len();
    };
    let mut pos = offset + nl + 1;
    for line in text[pos..].split_inclusive('\n') {
        let this_indent = line.len() - line.trim_start_matches(' ').len();
        if !is_blank_or_comment(line)
            && this_indent <= indent
            && !line.trim_start().starts_with('-')
        {
            return pos;
        }
        pos += line.len();
    }
    text.len()
}

/// A line that ends no block: empty, or only a comment. The comments staff keep above a key
/// (`# Første møde …` at the start of the line, under `schedule:`) are not where a mapping ends.
fn is_blank_or_comment(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with('#')
}

fn find_key_token(hay: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(key) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + key.len()..].trim_start_matches(' ');
        let ok_before = matches!(before, None | Some(' ' | '\n' | '{' | ',' | '-' | '\t'));
        let line_start = hay[..at].rfind('\n').map_or(0, |i| i + 1);
        let commented = hay[line_start..at].contains('#');
        if ok_before && !commented && after.starts_with(':') && at > 0 {
            return Some(at);
        }
        from = at + key.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "title: Hej\nschedule:\n  start: 2027-02-02\n  weeks: 10\nsignup: { deadline: 2027-01-26, email: a@b.dk }\nexercises: [mit-netvaerk, min-uge]\nmaterials:\n  - Tusser\n  - Papir\n";

    fn at(p: Place) -> &'static str {
        &TEXT[p.offset..p.offset + p.len]
    }

    #[test]
    fn finds_nested_and_flow_keys() {
        assert_eq!(at(key(TEXT, &["title"]).unwrap()), "title");
        assert_eq!(at(key(TEXT, &["schedule", "weeks"]).unwrap()), "weeks");
        assert_eq!(
            at(value(TEXT, &["schedule", "start"]).unwrap()),
            "2027-02-02"
        );
        assert_eq!(
            at(value(TEXT, &["signup", "deadline"]).unwrap()),
            "2027-01-26"
        );
        assert!(key(TEXT, &["schedule", "deadline"]).is_none());
    }

    #[test]
    fn comments_neither_end_a_mapping_nor_hold_its_keys() {
        let text = "title: Hej\nschedule:\n# Første møde.\n  start: 2027-02-02\n  # skip: [YYYY-MM-DD]\n# Uger uden møde:\n  skip: [2027-02-16]\nsignup: { deadline: 2027-01-26 }\n";
        let at = |p: Place| &text[p.offset..p.offset + p.len];
        assert_eq!(
            at(value(text, &["schedule", "start"]).unwrap()),
            "2027-02-02"
        );
        let skip = key(text, &["schedule", "skip"]).unwrap();
        assert_eq!(
            text[..skip.offset].matches('\n').count() + 1,
            7,
            "not the commented-out key"
        );
        assert_eq!(
            at(item(text, &["schedule", "skip"], "2027-02-16").unwrap()),
            "2027-02-16"
        );
        assert!(key(text, &["schedule", "deadline"]).is_none());
    }

    #[test]
    fn finds_list_items() {
        assert_eq!(
            at(item(TEXT, &["exercises"], "min-uge").unwrap()),
            "min-uge"
        );
        assert_eq!(at(item(TEXT, &["materials"], "Papir").unwrap()), "Papir");
    }
}
