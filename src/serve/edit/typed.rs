//! What a file's form offers, from the field definitions in [`crate::fields`] (the list the
//! parser and `vejviser schema` read too): which fields a kind has, the choices the project
//! gives for a key (categories, places, contacts, audiences, exercise sheets), the list
//! buttons' changes to the values a form holds, and a save's changes of shape (a key added, a
//! list made longer or shorter) on top of the in-place value edits of [`super::fields`].
//!
//! A form's values are a map from front-matter path to text, as the browser sends them; a
//! list's items are the paths `goals.0`, `goals.1` …, an agenda row's `agenda.2.minutes`. The
//! buttons "Tilføj", "Fjern", "Flyt op/ned" renumber that map and show the form again; only
//! "Gem" writes. Empty items are dropped on save, and a field left empty is not added.

use std::collections::BTreeMap;
use std::path::Path;

use super::fields::{new_scalar, Field as Scalar};
use super::structure::{self, Value};
use crate::fields::{config, content, Field, Source, Type};
use crate::frontmatter::Kind;

/// The top-level fields of the file at `rel` (inside `content/`), in the order the form shows
/// them. `kind` is the file's own `kind:`, when it has one. `extra` and `kind` are left out:
/// the one is for themes, the other follows from the folder.
pub fn definitions(rel: &str, kind: Option<&str>) -> Vec<&'static Field> {
    if rel.ends_with("_site.yaml") {
        return config::SITE.iter().collect();
    }
    let inside = rel.split_once('/').map_or(rel, |(_, r)| r);
    let kind = match kind {
        Some("manual") => Kind::Manual,
        Some("session") => Kind::Session,
        Some("exercise") => Kind::Exercise,
        Some("course") => Kind::Course,
        Some(_) => Kind::Page,
        None => Kind::from_path(inside),
    };
    let own: &[Field] = match kind {
        Kind::Manual => content::MANUAL,
        Kind::Session => content::SESSION,
        Kind::Exercise => content::EXERCISE,
        Kind::Course => content::COURSE,
        _ => &[],
    };
    let common = content::COMMON
        .iter()
        .filter(|f| !matches!(f.name, "extra" | "kind" | "title"));
    content::COMMON[..1]
        .iter()
        .chain(own.iter())
        .chain(common)
        .collect()
}

/// The fields under `parent` (a path without list indexes' meaning: `schedule`, `agenda.3`).
pub fn fields_under(top: &[&'static Field], parent: &str) -> &'static [Field] {
    let mut parts = parent
        .split('.')
        .filter(|p| !p.is_empty() && p.parse::<usize>().is_err());
    let Some(first) = parts.next() else {
        return &[];
    };
    let Some(mut field) = top.iter().find(|f| f.name == first).copied() else {
        return &[];
    };
    for part in parts {
        match crate::fields::find(field.ty.fields(), part) {
            Some(f) => field = f,
            None => return &[],
        }
    }
    field.ty.fields()
}

/// The names of the keys under `parent`, in the definitions' order (where a new key goes).
fn order(top: &[&'static Field], parent: &str) -> Vec<&'static str> {
    if parent.is_empty() {
        return top.iter().map(|f| f.name).collect();
    }
    crate::fields::names(fields_under(top, parent))
}

/// Whether a value of `ty` is written plain as a number or truth value.
pub fn typed(ty: &Type) -> bool {
    matches!(ty, Type::Integer { .. } | Type::Number | Type::Bool)
}

/// The keys a project defines for a [`Source`], each with the label staff know it by.
#[derive(Debug, Default)]
pub struct Choices {
    by_source: BTreeMap<&'static str, Vec<(String, String)>>,
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Categories => "categories",
        Source::Audiences => "audiences",
        Source::Locations => "locations",
        Source::Contacts => "contacts",
        Source::Exercises => "exercises",
    }
}

impl Choices {
    /// The choices for the file at `rel`: the project's categories and audiences, its
    /// municipality's places and contacts, its manual's exercise sheets.
    pub fn of(root: &Path, rel: &str) -> Choices {
        let mut c = Choices::default();
        let read = |path: &Path| crate::load::read_text(root, path).ok();
        if let Some(p) = read(&root.join("vejviser.yaml"))
            .and_then(|t| crate::config::Project::parse(Path::new("vejviser.yaml"), &t).ok())
        {
            let cats = p
                .categories
                .iter()
                .map(|(k, v)| (k.clone(), v.label.clone()));
            c.by_source.insert("categories", cats.collect());
            let auds = p
                .audiences
                .iter()
                .map(|(k, v)| (k.clone(), v.label.clone()));
            c.by_source.insert("audiences", auds.collect());
        }
        let site = rel.split('/').next().unwrap_or("");
        let site_file = root.join("content").join(site).join("_site.yaml");
        if let Some(m) = read(&site_file).and_then(|t| {
            crate::config::Municipality::parse(site, Path::new("_site.yaml"), &t).ok()
        }) {
            let places = m.locations.iter().map(|(k, v)| (k.clone(), v.name.clone()));
            c.by_source.insert("locations", places.collect());
            let people = m.contacts.iter().map(|(k, v)| (k.clone(), v.name.clone()));
            c.by_source.insert("contacts", people.collect());
        }
        // A session's exercise sheets: the `ovelser/` folder beside its `sessioner/`.
        let parts: Vec<&str> = rel.split('/').collect();
        if let Some(i) = parts.iter().position(|p| *p == "sessioner") {
            let dir = root
                .join("content")
                .join(parts[..i].join("/"))
                .join("ovelser");
            let mut sheets = Vec::new();
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let Some(stem) = name.strip_suffix(".md") else {
                    continue;
                };
                let title = read(&entry.path())
                    .and_then(|t| {
                        let (yaml, ..) = crate::frontmatter::split(&t)?;
                        super::fields::fields(yaml).ok()
                    })
                    .and_then(|f| f.into_iter().find(|f| f.path == "title"))
                    .map_or_else(|| stem.to_string(), |f| f.value);
                sheets.push((stem.to_string(), title));
            }
            sheets.sort();
            c.by_source.insert("exercises", sheets);
        }
        c
    }

    pub fn get(&self, source: Source) -> &[(String, String)] {
        self.by_source
            .get(source_name(source))
            .map_or(&[], Vec::as_slice)
    }
}

/// How many items the list at `path` has in `values` (one more than the highest index).
pub fn count(values: &BTreeMap<String, String>, path: &str) -> usize {
    let prefix = format!("{path}.");
    values
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix))
        .filter_map(|rest| rest.split('.').next()?.parse::<usize>().ok())
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
}

/// The values of item `i` of the list at `path`: `(sub-path after the index, value)`.
fn item(values: &BTreeMap<String, String>, path: &str, i: usize) -> Vec<(String, String)> {
    let me = format!("{path}.{i}");
    values
        .iter()
        .filter_map(|(k, v)| {
            let rest = k.strip_prefix(&me)?;
            (rest.is_empty() || rest.starts_with('.')).then(|| (rest.to_string(), v.clone()))
        })
        .collect()
}

/// Puts the items of the list at `path` back under new indexes: `items[n]` becomes item `n`.
fn renumber(values: &mut BTreeMap<String, String>, path: &str, items: Vec<Vec<(String, String)>>) {
    let prefix = format!("{path}.");
    values.retain(|k, _| !k.starts_with(&prefix));
    for (n, fields) in items.into_iter().enumerate() {
        for (rest, v) in fields {
            values.insert(format!("{path}.{n}{rest}"), v);
        }
    }
}

/// A list button's change: `add:P`, `remove:P.i`, `up:P.i`, `down:P.i`. The values with the
/// change made, and the path of the input to give focus to; `None` for anything else.
pub fn act(
    values: &mut BTreeMap<String, String>,
    action: &str,
    top: &[&'static Field],
) -> Option<String> {
    let (verb, target) = action.split_once(':')?;
    let (path, index) = match verb {
        "add" => (target, None),
        _ => {
            let (p, i) = target.rsplit_once('.')?;
            (p, Some(i.parse::<usize>().ok()?))
        }
    };
    let n = count(values, path);
    let mut items: Vec<_> = (0..n).map(|i| item(values, path, i)).collect();
    let first_sub = |p: &str| {
        let rows = fields_under(top, &format!("{p}.0"));
        rows.first()
            .map_or(String::new(), |f| format!(".{}", f.name))
    };
    let focus = match (verb, index) {
        ("add", None) => {
            let rows = fields_under(top, &format!("{path}.0"));
            let new = if rows.is_empty() {
                vec![(String::new(), String::new())]
            } else {
                rows.iter()
                    .map(|f| (format!(".{}", f.name), String::new()))
                    .collect()
            };
            items.push(new);
            format!("{path}.{n}{}", first_sub(path))
        }
        ("remove", Some(i)) if i < n => {
            items.remove(i);
            if items.is_empty() {
                format!("add:{path}")
            } else {
                format!("{path}.{}{}", i.min(items.len() - 1), first_sub(path))
            }
        }
        ("up", Some(i)) if i > 0 && i < n => {
            items.swap(i - 1, i);
            format!("{path}.{}{}", i - 1, first_sub(path))
        }
        ("down", Some(i)) if i + 1 < n => {
            items.swap(i, i + 1);
            format!("{path}.{}{}", i + 1, first_sub(path))
        }
        _ => return None,
    };
    renumber(values, path, items);
    Some(focus)
}

/// Every list the definitions hold, with its path and item type (`schedule.skip`, Date).
fn lists(fields: &[Field], parent: &str, out: &mut Vec<(String, &'static Type)>) {
    for f in fields {
        let path = format!("{parent}{}", f.name);
        match f.ty {
            Type::List(item) => out.push((path, item)),
            Type::Object(inner) => lists(inner, &format!("{path}."), out),
            _ => {}
        }
    }
}

/// The type of the scalar at `path` in the definitions, for how a new value is written.
fn scalar_type(top: &[&'static Field], path: &str) -> Option<&'static Type> {
    let (parent, name) = path.rsplit_once('.').unwrap_or(("", path));
    let fields: Vec<&Field> = if parent.is_empty() {
        top.to_vec()
    } else {
        fields_under(top, parent).iter().collect()
    };
    let field = fields.into_iter().find(|f| f.name == name)?;
    match field.ty {
        Type::List(item) if name.parse::<usize>().is_ok() => Some(item),
        ref ty => Some(ty),
    }
}

/// A list's items as YAML: on one line (`[a, b]`) when `flow`, else one `- ` line each.
fn list_value(items: &[Vec<(String, String)>], item_ty: &Type, flow: bool) -> Value {
    let scalar = |v: &str, ty: &Type, flow: bool| new_scalar(v, typed(ty), flow);
    if let Type::Object(row) = item_ty {
        let lines = items
            .iter()
            .map(|fields| {
                let parts: Vec<String> = row
                    .iter()
                    .filter_map(|f| {
                        let v = fields.iter().find(|(k, _)| k == &format!(".{}", f.name))?;
                        (!v.1.is_empty())
                            .then(|| format!("{}: {}", f.name, scalar(&v.1, &f.ty, true)))
                    })
                    .collect();
                format!("- {{ {} }}", parts.join(", "))
            })
            .collect();
        return Value::Block(lines);
    }
    let texts: Vec<String> = items
        .iter()
        .filter_map(|f| f.first().map(|(_, v)| scalar(v, item_ty, flow)))
        .collect();
    if flow {
        Value::Inline(format!("[{}]", texts.join(", ")))
    } else {
        Value::Block(texts.into_iter().map(|t| format!("- {t}")).collect())
    }
}

/// The YAML text with the changes of shape a save makes: the lists whose number of items
/// changed written anew, and the fields the file lacks that were filled in added. `Err` names
/// the field that cannot be changed this way.
pub fn reshape(
    yaml: &str,
    before: &[Scalar],
    values: &BTreeMap<String, String>,
    top: &[&'static Field],
) -> Result<String, String> {
    let owned: Vec<Field> = top.iter().map(|f| **f).collect();
    let mut all = Vec::new();
    lists(&owned, "", &mut all);
    let had: BTreeMap<String, String> = before
        .iter()
        .map(|f| (f.path.clone(), f.value.clone()))
        .collect();
    let order = |parent: &str| order(top, parent);
    let mut out = yaml.to_string();
    let mut reshaped: Vec<String> = Vec::new();
    for (path, item_ty) in &all {
        let sent = count(values, path);
        let items: Vec<_> = (0..sent)
            .map(|i| item(values, path, i))
            .filter(|f| f.iter().any(|(_, v)| !v.trim().is_empty()))
            .collect();
        if sent == count(&had, path) && items.len() == sent {
            continue;
        }
        reshaped.push(format!("{path}."));
        let flow = match super::fields::scan(&out)?
            .keys
            .iter()
            .find(|k| &k.path == path)
        {
            Some(k) => out[k.start..]
                .split_once(':')
                .is_some_and(|(_, r)| r.trim_start().starts_with('[')),
            None => matches!(item_ty, Type::Date | Type::Key(_) | Type::Choice(_)),
        };
        let value = (!items.is_empty()).then(|| list_value(&items, item_ty, flow));
        out = structure::set(&out, path, value.as_ref(), &order)?;
    }
    // A value cleared loses its key (`capacity:` with nothing after it would be read as no
    // number at all, or as an error); inside a `{ … }` it is left empty in place.
    for (path, old) in &had {
        let cleared = values.get(path).is_some_and(|v| v.trim().is_empty());
        let in_list = path.split('.').any(|p| p.parse::<usize>().is_ok());
        if old.is_empty() || !cleared || in_list || scalar_type(top, path).is_none() {
            continue;
        }
        let scan = super::fields::scan(&out)?;
        if scan.keys.iter().any(|k| &k.path == path && !k.flow) {
            out = structure::set(&out, path, None, &order)?;
        }
    }
    for (path, value) in values {
        if value.trim().is_empty()
            || had.contains_key(path)
            || reshaped.iter().any(|r| path.starts_with(r.as_str()))
            || matches!(path.as_str(), "token" | "hash" | "body" | "do" | "fil")
        {
            continue;
        }
        let Some(ty) = scalar_type(top, path) else {
            continue;
        };
        if matches!(
            ty,
            Type::List(_) | Type::Object(_) | Type::Map(_) | Type::Free
        ) {
            continue;
        }
        let text = new_scalar(value, typed(ty), false);
        out = structure::set(&out, path, Some(&Value::Inline(text)), &order)?;
    }
    Ok(out)
}
