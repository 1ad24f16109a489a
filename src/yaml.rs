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
}

impl From<serde_yaml::Error> for YamlError {
    fn from(err: serde_yaml::Error) -> Self {
        let (line, column) = match err.location() {
            Some(loc) => (Some(loc.line()), Some(loc.column())),
            None => (None, None),
        };
        let full = err.to_string();
        let message = match full.find(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        YamlError {
            message,
            line,
            column,
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
    let value: serde_yaml::Value = serde_yaml::from_str(text)?;
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
    fn keys_in_order() {
        assert_eq!(top_level_keys("b: 1\na: 2\n").unwrap(), vec!["b", "a"]);
    }
}
