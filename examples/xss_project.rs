//! A project made of cross-site scripting vectors (`tests/vectors/xss.txt`): every vector in every
//! string field the front matter and the configs have, and in Markdown bodies, so the tests can
//! check that none of them reaches a page as something a browser would run. The integration
//! tests include this file as a module; the browser tests run it as an example:
//!
//! ```text
//! cargo run --example xss_project -- --out DIR [--allow-html] [--links] [--without I,J,…]
//! ```
//!
//! It writes `vejviser.yaml` and `content/` (one municipality, `xss`, plus a shared manual);
//! the caller puts a `themes/` folder beside them.
//!
//! - the *text* project puts each vector in titles, descriptions, course fields, categories,
//!   locations, contacts, the manual's phases, session goals, materials and agenda, exercise
//!   purposes, and in a page body (as a paragraph, emphasis, a table cell, an alert and a
//!   heading); with `--allow-html` the project lets raw HTML through (to be sanitized);
//! - `--links` writes, instead of those pages, one page per vector using it as a link target
//!   (bare, in `<…>`, as a reference) and as an image source: such a page is either refused with
//!   an error that names its file and line, or builds into something inert.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The vectors of `tests/vectors/xss.txt`, escapes decoded.
pub fn vectors() -> Vec<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/xss.txt");
    let text = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(unescape)
        .collect()
}

/// `\t \n \r \0 \\ \xNN` → the character, so a line can hold control characters.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                let byte = u8::from_str_radix(&hex, 16).unwrap_or(b'?');
                out.push(char::from(byte.min(0x7f)));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Vectors per manual.
const MANUAL_SIZE: usize = 10;

/// A YAML scalar holding `s` exactly (JSON strings are YAML double-quoted scalars).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The content file of the `--links` page of vector `i`.
pub fn link_page(i: usize) -> String {
    format!("content/xss/lenker/lenke-{i:03}.md")
}

/// A body that uses `v` as text in the ways Markdown offers.
fn body(v: &str) -> String {
    format!(
        "{v}\n\n*{v}* og `{v}`\n\n| {v} | b |\n|:-:|--:|\n| {v} | 1 |\n\n> [!NOTE]\n> {v}\n\n## Afsnit {v}\n\nSlut.\n"
    )
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
}

/// Writes the project into `root` (which should hold, or get, a `themes/` folder).
pub fn write_project(root: &Path, vectors: &[String], allow_html: bool, links: bool) {
    let all = vectors.join(" | ");
    let mut config = format!("title: {}\nlanguage: da\ntheme: default\n", q(&all));
    if allow_html {
        config.push_str("markdown: { allow_html: true }\n");
    }
    config.push_str("categories:\n");
    for (i, v) in vectors.iter().enumerate() {
        writeln!(
            config,
            "  k{i}: {{ label: {}, description: {} }}",
            q(v),
            q(v)
        )
        .unwrap();
    }
    write(root, "vejviser.yaml", &config);

    let mut site = format!(
        "name: {}\nbase_url: https://xss.example.dk/\naccessibility_statement: https://was.example.dk/xss\nlocations:\n",
        q(&all)
    );
    for (i, v) in vectors.iter().enumerate() {
        let v = q(v);
        writeln!(
            site,
            "  l{i}: {{ name: {v}, address: {v}, accessibility: {v} }}"
        )
        .unwrap();
    }
    site.push_str("contacts:\n");
    for (i, v) in vectors.iter().enumerate() {
        let v = q(v);
        writeln!(site, "  c{i}: {{ name: {v}, email: {v}, phone: {v} }}").unwrap();
    }
    write(root, "content/xss/_site.yaml", &site);

    if links {
        for (i, raw) in vectors.iter().enumerate() {
            let mut page = format!("---\ntitle: Lenke {i}\n---\n");
            for line in [
                format!("[lenke]({raw})"),
                format!("[lenke](<{raw}>)"),
                format!("![billede]({raw})"),
                "[lenke][mål]".to_string(),
                format!("[mål]: {raw}"),
            ] {
                page.push_str(&line);
                page.push_str("\n\n");
            }
            write(root, &link_page(i), &page);
        }
        return;
    }
    // Manuals of ten vectors each: every manual page lists its manual's pages, so one manual of
    // them all would make the build quadratic in the number of vectors.
    let group = |i: usize| i / MANUAL_SIZE;
    for (g, members) in vectors.chunks(MANUAL_SIZE).enumerate() {
        let joined = q(&members.join(" | "));
        let mut manual = format!(
            "---\nkind: manual\ntitle: {joined}\nsummary: {joined}\naudience: {joined}\nduration_weeks: 20\nphases:\n"
        );
        for (j, v) in members.iter().enumerate() {
            writeln!(
                manual,
                "  - {{ number: {}, title: {}, weeks: {} }}",
                j + 1,
                q(v),
                q(v)
            )
            .unwrap();
        }
        manual.push_str("---\n");
        manual.push_str(&body(&members.join(" | ")));
        write(
            root,
            &format!("content/_shared/manualer/xss-{g}/_index.md"),
            &manual,
        );
    }

    for (i, raw) in vectors.iter().enumerate() {
        let v = q(raw);
        let b = body(raw);
        // Even courses are still to come, odd ones finished (so the archive has them too), for
        // any build day from 2026 on.
        let (start, deadline) = if i % 2 == 0 {
            ("2030-02-05", "2030-01-29")
        } else {
            ("2025-02-04", "2025-01-28")
        };
        write(
            root,
            &format!("content/xss/kurser/kursus-{i:03}.md"),
            &format!(
                "---\ntitle: {v}\ndescription: {v}\ncategory: k{i}\nsummary: {v}\naudience: {v}\nreferral: false\ncapacity: 10\nprice: 0\nlocation: l{i}\ncontact: c{i}\nfacilitators: [peer, staff]\nschedule: {{ start: {start}, weeks: 2, time: \"10:00-12:00\" }}\nsignup: {{ deadline: {deadline}, email: {v}, phone: {v}, url: \"https://xss.example.dk/tilmeld\" }}\nextra: {{ note: {v} }}\n---\n{b}"
            ),
        );
        write(
            root,
            &format!("content/xss/sider/side-{i:03}.md"),
            &format!("---\ntitle: {v}\ndescription: {v}\nextra: {{ note: {v} }}\n---\n{b}"),
        );
        let manual = format!("content/_shared/manualer/xss-{}", group(i));
        let n = i % MANUAL_SIZE + 1;
        write(
            root,
            &format!("{manual}/kapitel-{i:03}.md"),
            &format!("---\ntitle: {v}\ndescription: {v}\norder: {i}\n---\n{b}"),
        );
        write(
            root,
            &format!("{manual}/sessioner/session-{i:03}.md"),
            &format!(
                "---\ntitle: {v}\ndescription: {v}\nnumber: {n}\nphase: {n}\nduration: 120\ngoals: [{v}]\nmaterials: [{v}]\nexercises: [oevelse-{i:03}]\nagenda:\n  - {{ minutes: 120, activity: {v} }}\n---\n{b}"
            ),
        );
        write(
            root,
            &format!("{manual}/ovelser/oevelse-{i:03}.md"),
            &format!("---\ntitle: {v}\ndescription: {v}\npurpose: {v}\nduration: 20\n---\n{b}"),
        );
    }
}

#[allow(dead_code)]
fn main() {
    let mut out: Option<PathBuf> = None;
    let (mut allow_html, mut links) = (false, false);
    // Vectors (by line among the vectors) to leave out: those a test knows are refused.
    let mut without: Vec<usize> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--allow-html" => allow_html = true,
            "--links" => links = true,
            "--without" => {
                without = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|n| n.trim().parse().ok())
                    .collect()
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("usage: xss_project --out DIR [--allow-html] [--links] [--without I,J,…]");
        std::process::exit(2);
    };
    let kept: Vec<String> = vectors()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !without.contains(i))
        .map(|(_, v)| v)
        .collect();
    write_project(&out, &kept, allow_html, links);
}
