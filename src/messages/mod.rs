//! Every text a diagnostic shows, in Danish and English, from one catalogue.
//!
//! A [`Diagnostic`](crate::error::Diagnostic) carries a [`Message`]: the id of a catalogue entry
//! and its arguments, not finished text. The text is made where a finding is reported (the
//! terminal, `check --format json`, `serve`'s overlay, the editor), in the project's `language`,
//! so the same finding reads in Danish for a `da` project and in English for an `en` one while its
//! `code` stays the same.
//!
//! The entries are in `reading.rs`, `linking.rs`, `reporting.rs` (by the stage that reports
//! them), `books.rs` (mdBook books and their directives) and `tool.rs` (failures of the tool
//! itself: files, the lock, the scaffolding commands, the server), one function each: a finding is made with
//! `messages::unknown_field(key)`, so an id that does not exist or a missing argument does not
//! compile. Unit tests hold the rest: both languages name exactly the entry's arguments, and
//! every entry is used by the code (the functions are public, for tests and other tools that
//! make findings, so the compiler cannot tell).
//!
//! When the language is not known (the project's `vejviser.yaml` cannot be read), findings are in
//! Danish, the language a project has when it names none.

use std::fmt;

/// The languages of the messages, and of the default theme's UI strings and date words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Danish, also the language of a project that names none.
    #[default]
    Da,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::En => "en",
        }
    }
}

/// A catalogue entry with its arguments: what a finding says, in every language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Message {
    id: &'static str,
    da: &'static str,
    en: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One argument of a message: text as it is (a name, a number, a path) or another message (a
/// list's "and 3 more", a hint inside a hint).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    Message(Message),
    /// Several messages, in a row separated by `; `.
    Messages(Vec<Message>),
}

/// Messages given as one argument, shown one after another separated by `; `.
pub struct Joined(pub Vec<Message>);

impl IntoArg for Joined {
    fn into_arg(self) -> Arg {
        Arg::Messages(self.0)
    }
}

/// What a catalogue function takes as an argument: anything that prints, or a message.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl<T: fmt::Display> IntoArg for T {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(self)
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl Message {
    /// The catalogue id, e.g. `unknown_field`.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `language`, with each `{name}` replaced by its argument.
    pub fn render(&self, language: Language) -> String {
        let template = match language {
            Language::Da => self.da,
            Language::En => self.en,
        };
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let name = placeholder(after);
            match name.and_then(|n| self.args.iter().find(|(k, _)| *k == n)) {
                Some((name, arg)) => {
                    match arg {
                        Arg::Text(s) => out.push_str(s),
                        Arg::Message(m) => out.push_str(&m.render(language)),
                        Arg::Messages(all) => {
                            let texts: Vec<String> =
                                all.iter().map(|m| m.render(language)).collect();
                            out.push_str(&texts.join("; "));
                        }
                    }
                    rest = &after[name.len() + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The placeholder name at the start of `text` (just after a `{`): lower-case letters and `_`
/// up to a `}`. Any other `{` (a YAML flow mapping in a hint) is text.
fn placeholder(text: &str) -> Option<&str> {
    let end = text.find('}')?;
    let name = &text[..end];
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some(name)
}

/// A catalogue entry as the macro lists it, for the test that holds the catalogue complete.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Entry {
    pub id: &'static str,
    pub params: &'static [&'static str],
    pub da: &'static str,
    pub en: &'static str,
}

/// Defines the catalogue: one function per entry, named by its id, taking its placeholders as
/// arguments, and a list of them all named by the first token (`READING;`).
macro_rules! messages {
    ($list:ident; $( $(#[$doc:meta])* $id:ident ( $($arg:ident),* ) { da: $da:literal, en: $en:literal $(,)? } )*) => {
        $(
            $(#[$doc])*
            pub fn $id($($arg: impl $crate::messages::IntoArg),*) -> $crate::messages::Message {
                $crate::messages::Message {
                    id: stringify!($id),
                    da: $da,
                    en: $en,
                    args: vec![$((stringify!($arg), $arg.into_arg())),*],
                }
            }
        )*
        #[cfg_attr(not(test), allow(dead_code))]
        pub(crate) const $list: &[$crate::messages::Entry] = &[$(
            $crate::messages::Entry { id: stringify!($id), params: &[$(stringify!($arg)),*], da: $da, en: $en },
        )*];
    };
}

// The catalogue, in five files: four by the stage that reports, and the tool's own failures.
mod books;
mod linking;
mod reading;
mod reporting;
mod tool;
pub use books::*;
pub use linking::*;
pub use reading::*;
pub use reporting::*;
pub use tool::*;

/// Every entry of the catalogue.
#[cfg(test)]
fn entries() -> impl Iterator<Item = &'static Entry> {
    READING
        .iter()
        .chain(LINKING)
        .chain(REPORTING)
        .chain(BOOKS)
        .chain(TOOL)
}

/// `a, b, c`: the items of a list in a message, as written.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.match_indices('{')
            .filter_map(|(i, _)| placeholder(&text[i + 1..]))
            .collect()
    }

    #[test]
    fn every_entry_names_its_arguments_in_both_languages() {
        let mut ids = BTreeSet::new();
        for e in entries() {
            assert!(ids.insert(e.id), "`{}` is in the catalogue twice", e.id);
            let params: BTreeSet<&str> = e.params.iter().copied().collect();
            assert_eq!(placeholders(e.da), params, "Danish text of `{}`", e.id);
            assert_eq!(placeholders(e.en), params, "English text of `{}`", e.id);
            assert_ne!(e.da, e.en, "`{}` is not translated", e.id);
            for text in [e.da, e.en] {
                assert!(!text.trim().is_empty() && text.trim() == text, "`{}`", e.id);
            }
        }
    }

    /// Each entry is named (`messages::id`) somewhere in the code outside tests: an entry no
    /// finding uses any more is taken out, not left to rot.
    #[test]
    fn every_entry_is_used_by_the_code() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut code = String::new();
        for entry in walkdir::WalkDir::new(&src).into_iter().flatten() {
            let path = entry.path();
            let catalogue = [
                "reading.rs",
                "linking.rs",
                "reporting.rs",
                "books.rs",
                "tool.rs",
            ]
            .iter()
            .any(|f| path.ends_with(std::path::Path::new("messages").join(f)));
            if path.extension().is_none_or(|e| e != "rs") || catalogue {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            code.push_str(text.split("#[cfg(test)]").next().unwrap_or(""));
        }
        let unused: Vec<&str> = entries()
            .map(|e| e.id)
            .filter(|id| {
                !code
                    .match_indices(&format!("messages::{id}"))
                    .any(|(at, m)| {
                        let after = code[at + m.len()..].chars().next();
                        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    })
            })
            .collect();
        assert!(unused.is_empty(), "entries no code uses: {unused:?}");
    }

    #[test]
    fn arguments_fill_their_placeholders_in_the_language_asked_for() {
        let m = unknown_field("titel");
        assert_eq!(m.render(Language::Da), "Ukendt felt `titel`");
        assert_eq!(m.render(Language::En), "Unknown field `titel`");
        let nested = did_you_mean_this("title");
        assert_eq!(nested.render(Language::Da), "Mente du `title`?");
    }

    #[test]
    fn braces_that_are_not_placeholders_stay() {
        assert_eq!(placeholder("label: x }"), None);
        assert_eq!(placeholder("known}"), Some("known"));
    }
}
