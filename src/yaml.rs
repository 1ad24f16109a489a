//! The one module that touches `serde_yaml`.
//!
//! serde_yaml is archived upstream; keeping every use of it here means it can be swapped for
//! another YAML parser by changing this file alone. Everything else sees plain serde types and a
//! [`YamlError`] with the position inside the YAML text (1-based), which callers shift into the
//! coordinates of the file the YAML came from.

use serde::de::DeserializeOwned;

/// A YAML syntax or type error, with its place in the YAML text.
#[derive(Debug, Clone)]
pub struct YamlError {
    /// The message without serde_yaml's trailing "at line L column C".
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Where the parser was when it met the problem ("while scanning a quoted scalar at line 1
    /// column 8"): the opening quote of a string that never closes, the key missing its colon.
    pub context: Option<(usize, usize)>,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(err: serde_yaml::Error) -> Self {
        let (line, column) = match err.location() {
            Some(loc) => (Some(loc.line()), Some(loc.column())),
            None => (None, None),
        };
        let full = err.to_string();
        let context = full.split_once(", while ").and_then(|(_, rest)| {
            let (_, at) = rest.split_once(" at line ")?;
            let (l, c) = at.split_once(" column ")?;
            Some((l.trim().parse().ok()?, c.trim().parse().ok()?))
        });
        let message = match full.find(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        YamlError {
            message,
            line,
            column,
            context,
        }
    }
}

/// Deserializes YAML text into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    // An empty document is an empty mapping for our purposes (front matter with no fields).
    if text.trim().is_empty() {
        return serde_yaml::from_str("{}").map_err(YamlError::from);
    }
    serde_yaml::from_str(text).map_err(YamlError::from)
}

/// The top-level keys of a YAML mapping, in document order. Errors if the text is not a mapping.
pub fn top_level_keys(text: &str) -> Result<Vec<String>, YamlError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    keys_of(&serde_yaml::from_str(text)?)
}

/// The top-level keys of a mapping (see [`top_level_keys`]) and the text deserialized into `T`,
/// from one parse of the text.
pub fn keys_and_value<T: DeserializeOwned>(text: &str) -> Result<(Vec<String>, T), YamlError> {
    if text.trim().is_empty() {
        return Ok((Vec::new(), from_str(text)?));
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text)?;
    let keys = keys_of(&value)?;
    // A value that does not fit `T` as parsed may still fit from the text (a plain `2026` is a
    // number in the tree but can be a string field), and only the text gives a problem its line:
    // the text decides whenever the tree does not.
    match serde_yaml::from_value(value) {
        Ok(parsed) => Ok((keys, parsed)),
        Err(_) => Ok((keys, from_str(text)?)),
    }
}

fn keys_of(value: &serde_yaml::Value) -> Result<Vec<String>, YamlError> {
    match value {
        serde_yaml::Value::Mapping(map) => Ok(map
            .keys()
            .map(|k| match k {
                serde_yaml::Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            })
            .collect()),
        serde_yaml::Value::Null => Ok(Vec::new()),
        _ => Err(YamlError {
            message: "expected `key: value` lines (a YAML mapping)".into(),
            line: Some(1),
            column: Some(1),
            context: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn syntax_error_has_a_place() {
        let err = from_str::<BTreeMap<String, String>>("a: b\nc: [d\n").unwrap_err();
        assert!(err.line.is_some());
        assert!(!err.message.contains(" at line "));
    }

    #[test]
    fn keys_and_value_from_one_parse_agree_with_the_text() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct T {
            title: String,
            price: Option<f64>,
        }
        let (keys, t) = keys_and_value::<T>("title: 2026\nprice: 1.50\n").unwrap();
        assert_eq!(keys, ["title", "price"]);
        assert_eq!(t, from_str::<T>("title: 2026\nprice: 1.50\n").unwrap());
        assert_eq!(t.title, "2026");
        let err = keys_and_value::<T>("title: a\nprice: [1]\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(keys_and_value::<T>("- a\n").is_err());
    }

    #[test]
    fn keys_in_order() {
        assert_eq!(top_level_keys("b: 1\na: 2\n").unwrap(), vec!["b", "a"]);
    }
}
