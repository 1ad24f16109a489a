//! The code reads as its pipeline: the modules of `src/` import each other without a cycle, and
//! none reaches up into the crate root for a helper. Found by reading the source (every
//! `crate::…` path, `use crate::{…}` groups included, outside `#[cfg(test)]` code), so a new
//! arrow that runs the wrong way fails here, naming the cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A source file's code only: not its tests, not comments (a doc link names a module without
/// using it).
fn code_of(text: &str) -> String {
    text.split("#[cfg(test)]")
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level module → the top-level modules it names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&src).unwrap();
        if rel.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code = code_of(&text);
        let deps = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(group.len())]
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or("").trim())
                    .collect(),
                None => vec![rest
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or("")],
            };
            for name in names {
                if !name.is_empty() && name != module {
                    deps.insert(name.to_string());
                }
            }
        }
    }
    graph
}

#[test]
fn modules_import_each_other_without_a_cycle_or_the_crate_root() {
    let graph = imports();
    assert!(graph.len() > 15, "{graph:?}");
    let mut problems = Vec::new();
    for (module, deps) in &graph {
        for dep in deps {
            // A name that is no module is an item of the crate root (`lib.rs`).
            if !graph.contains_key(dep) && module != "lib" && module != "main" {
                problems.push(format!(
                    "`{module}` reaches into the crate root for `crate::{dep}`"
                ));
            }
        }
    }
    problems.extend(cycles(&graph));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The import cycles of a graph, each as `a → b → … → a`. Depth-first search: an arrow back to a
/// node on the current path closes a cycle.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        problems: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| *n == node) {
            problems.push(format!("import cycle: {} → {node}", path[at..].join(" → ")));
            return;
        }
        if !done.insert(node) {
            return;
        }
        path.push(node);
        for dep in graph.get(node).into_iter().flatten() {
            if graph.contains_key(dep) {
                visit(dep, graph, path, done, problems);
            }
        }
        path.pop();
    }
    let mut problems = Vec::new();
    let mut done = BTreeSet::new();
    for module in graph.keys().filter(|m| *m != "lib" && *m != "main") {
        visit(module, graph, &mut Vec::new(), &mut done, &mut problems);
    }
    problems
}

/// Inside a stage's folder (`render/`, `check/` …) the files are the stage's parts: each sees the
/// stage's shared types through its `mod.rs`, and they import each other (`super::courses::…`)
/// without a cycle, so each part can be read knowing only the parts below it. A part may be a
/// folder of its own (`serve/edit/`): its `mod.rs` is what the stage sees, and its files are
/// parts in turn.
#[test]
fn the_files_of_a_stage_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut folders = 0;
    let mut problems = Vec::new();
    for folder in walkdir::WalkDir::new(&src)
        .min_depth(1)
        .into_iter()
        .flatten()
    {
        if !folder.path().is_dir() {
            continue;
        }
        folders += 1;
        let stage = folder
            .path()
            .strip_prefix(&src)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("::");
        let parts: BTreeMap<String, std::path::PathBuf> = std::fs::read_dir(folder.path())
            .unwrap()
            .flatten()
            .filter_map(|f| {
                let name = f.file_name().to_string_lossy().into_owned();
                if f.path().is_dir() {
                    Some((name, f.path().join("mod.rs")))
                } else {
                    name.strip_suffix(".rs").map(|n| (n.to_string(), f.path()))
                }
            })
            .filter(|(name, _)| name != "mod")
            .collect();
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (part, file) in &parts {
            let text = std::fs::read_to_string(file).unwrap();
            let code = code_of(&text);
            let deps = graph.entry(part.clone()).or_default();
            let prefixes = ["super::".to_string(), format!("crate::{stage}::")];
            for prefix in &prefixes {
                for (at, _) in code.match_indices(prefix.as_str()) {
                    let name: String = code[at + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if parts.contains_key(&name) && name != *part {
                        deps.insert(name);
                    }
                }
            }
        }
        problems.extend(cycles(&graph).into_iter().map(|c| format!("{stage}/: {c}")));
    }
    assert!(folders >= 8, "the stage folders were not found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
