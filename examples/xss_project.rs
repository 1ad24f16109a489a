//! A project made of cross-site scripting vectors (`tests/vectors/xss.txt`): every vector in every
//! string field the front matter and the configs have, and in Markdown bodies, so the tests can
//! check that none of them reaches a page as something a browser would run. The integration
//! tests include this file as a module; the browser tests run it as an example:
//!
//! ```text
//! cargo run --example xss_project -- --out DIR [--allow-html] [--links] [--without I,J,…]
//! ```
//!
//! It writes `vejviser.yaml`, `content/` (one municipality, `xss`, plus shared manuals) and
//! `xss-lines.json` (which vectors each line of each file holds, so an error's line tells its
//! vector); the caller puts a `themes/` folder beside them.
//!
//! The vectors are split into a few groups, and each kind of page comes in as many copies, the
//! fields rotating over the groups, so that every field holds every vector once while the site
//! stays small:
//!
//! - the *text* project puts the vectors in titles, descriptions, course fields, categories,
//!   locations, contacts, the manuals' phases, session goals, materials and agenda, exercise
//!   purposes, and in page bodies (each vector as a paragraph, emphasis, a table cell, an alert
//!   and a heading); with `--allow-html` the project lets raw HTML through (to be sanitized);
//! - `--links` writes, instead of those pages, pages that use each vector as a link target
//!   (bare, in `<…>`, as a reference) and as an image source: such a use is either refused with
//!   an error at its line, or builds into something inert.

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

/// How many pages of each kind the project has: the vectors are split into this many groups, and
/// page `p` of a kind puts group `(p + f) % PAGES` into its `f`-th field, so that across the pages
/// of a kind every field holds every vector once. Few pages keep the build and the checks fast.
const PAGES: usize = 4;

/// A line that ends every kind of HTML block Markdown has (CommonMark's seven), and every HTML
/// element whose content a browser reads as plain text.
pub const CLOSE_HTML_BLOCKS: &str = "</script></style></pre></textarea></iframe></noscript></noembed></noframes></xmp></title> --> ?> ]]>";

/// A YAML scalar holding `s` exactly (JSON strings are YAML double-quoted scalars).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The content file of `--links` page `p`.
pub fn link_page(p: usize) -> String {
    format!("content/xss/lenker/lenke-{p:03}.md")
}

/// A body that uses vector `i`, `v`, as text in the ways Markdown offers; it ends with the
/// paragraph [`end_of_body`].
fn body(i: usize, v: &str) -> String {
    format!(
        "{v}\n\n*{v}* og `{v}`\n\n| {v} | b |\n|:-:|--:|\n| {v} | 1 |\n\n> [!NOTE]\n> {v}\n\n## Afsnit {v}\n\n{}\n",
        end_of_body(i)
    )
}

/// The last paragraph of vector `i`'s part of a body: when a page shows it as a paragraph, the
/// vector did not take in what follows it.
pub fn end_of_body(i: usize) -> String {
    format!("Slut {i}.")
}

/// Where the vectors went: for each file written (relative to the project), the vectors (by
/// index) on each of its lines, so an error's line tells which vector it is about.
#[derive(Default)]
pub struct Layout {
    pub files: std::collections::BTreeMap<String, Vec<Vec<usize>>>,
}

impl Layout {
    /// The vectors on line `line` (from 1) of `file`.
    pub fn vectors_at(&self, file: &str, line: usize) -> &[usize] {
        self.files
            .get(file)
            .and_then(|lines| lines.get(line.wrapping_sub(1)))
            .map_or(&[], Vec::as_slice)
    }

    /// As JSON: `{"file": [[vector, …] for each line], …}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.files).unwrap()
    }
}

/// A file being written, with the vectors each of its lines holds.
#[derive(Default)]
struct Doc {
    text: String,
    lines: Vec<Vec<usize>>,
}

impl Doc {
    /// Appends `text`, which holds the vectors `holds`.
    fn push(&mut self, text: &str, holds: &[usize]) {
        let first = self.text.matches('\n').count();
        let last = first + text.trim_end_matches('\n').matches('\n').count();
        self.text.push_str(text);
        let total = self.text.matches('\n').count() + 1;
        self.lines.resize(self.lines.len().max(total), Vec::new());
        for line in &mut self.lines[first..=last] {
            line.extend_from_slice(holds);
        }
    }

    fn write(self, root: &Path, layout: &mut Layout, rel: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &self.text).unwrap();
        layout.files.insert(rel.to_string(), self.lines);
    }
}

/// How many pages of each kind a project of `count` vectors has.
pub fn pages(count: usize) -> usize {
    PAGES.min(count).max(1)
}

/// The vectors (by index, out of `count`) that field `field` of page `page` holds: the vectors are
/// dealt into [`pages`] groups, and field `f` of page `p` gets group `(p + f) % pages`. Field 0 is
/// a page's title, and its body holds the same vectors.
pub fn group(count: usize, page: usize, field: usize) -> Vec<usize> {
    let n = pages(count);
    (0..count).filter(|i| i % n == (page + field) % n).collect()
}

/// The vectors split into groups, and what a field of page `p` gets.
struct Groups<'a> {
    vectors: &'a [String],
    groups: Vec<Vec<usize>>,
}

impl Groups<'_> {
    fn new(vectors: &[String]) -> Groups<'_> {
        let groups = (0..pages(vectors.len()))
            .map(|g| group(vectors.len(), g, 0))
            .collect();
        Groups { vectors, groups }
    }

    fn pages(&self) -> usize {
        self.groups.len()
    }

    /// The vectors of field `field` on page `page`.
    fn of(&self, page: usize, field: usize) -> &[usize] {
        &self.groups[(page + field) % self.groups.len()]
    }

    /// Those vectors as one YAML scalar.
    fn scalar(&self, page: usize, field: usize) -> String {
        let joined: Vec<&str> = self
            .of(page, field)
            .iter()
            .map(|&i| self.vectors[i].as_str())
            .collect();
        q(&joined.join(" | "))
    }

    /// Those vectors as a YAML list, one vector an item.
    fn list(&self, page: usize, field: usize) -> String {
        let items: Vec<String> = self
            .of(page, field)
            .iter()
            .map(|&i| q(&self.vectors[i]))
            .collect();
        format!("[{}]", items.join(", "))
    }

    /// A line `key: value` of field `field` on page `page`.
    fn line(&self, doc: &mut Doc, page: usize, field: usize, key: &str) {
        let value = self.scalar(page, field);
        doc.push(&format!("{key}: {value}\n"), self.of(page, field));
    }

    /// An entry of a config map, `  key: { name: …, … }`, the `f`-th name holding field `f`.
    fn entry(&self, doc: &mut Doc, key: &str, page: usize, names: &[&str]) {
        let fields: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(f, name)| format!("{name}: {}", self.scalar(page, f)))
            .collect();
        let holds: Vec<usize> = (0..names.len())
            .flat_map(|f| self.of(page, f).iter().copied())
            .collect();
        doc.push(&format!("  {key}: {{ {} }}\n", fields.join(", ")), &holds);
    }

    /// Front matter lines: each `(key, field)` a scalar; `rest` as it is.
    fn front_matter(&self, page: usize, fields: &[(&str, usize)], rest: &str) -> Doc {
        let mut doc = Doc::default();
        doc.push("---\n", &[]);
        for &(key, field) in fields {
            self.line(&mut doc, page, field, key);
        }
        doc.push(rest, &[]);
        doc
    }

    /// The body of page `page`: each vector of its group in every Markdown context, one after
    /// another. A vector that opens an HTML block (`<script src=…>` without its end tag, `<!--`)
    /// would take in the vectors after it, so each vector's part ends with a line that closes any
    /// such block: each part is read as it would be alone on a page.
    fn body(&self, doc: &mut Doc, page: usize) {
        doc.push("---\n", &[]);
        for &i in self.of(page, 0) {
            doc.push(&body(i, &self.vectors[i]), &[i]);
            doc.push(&format!("\n{CLOSE_HTML_BLOCKS}\n\n"), &[]);
        }
    }
}

/// Writes the project into `root` (which should hold, or get, a `themes/` folder) and tells where
/// each vector went.
pub fn write_project(root: &Path, vectors: &[String], allow_html: bool, links: bool) -> Layout {
    let mut layout = Layout::default();
    let all_indices: Vec<usize> = (0..vectors.len()).collect();
    let all = q(&vectors.join(" | "));
    let g = Groups::new(vectors);
    let pages = g.pages();

    let mut config = Doc::default();
    config.push(&format!("title: {all}\n"), &all_indices);
    config.push("language: da\ntheme: default\n", &[]);
    if allow_html {
        config.push("markdown: { allow_html: true }\n", &[]);
    }
    config.push("categories:\n", &[]);
    for k in 0..pages {
        g.entry(&mut config, &format!("k{k}"), k, &["label", "description"]);
    }
    config.write(root, &mut layout, "vejviser.yaml");

    let mut site = Doc::default();
    site.push(&format!("name: {all}\n"), &all_indices);
    site.push(
        "base_url: https://xss.example.dk/\naccessibility_statement: https://was.example.dk/xss\nlocations:\n",
        &[],
    );
    for l in 0..pages {
        g.entry(
            &mut site,
            &format!("l{l}"),
            l,
            &["name", "address", "accessibility"],
        );
    }
    site.push("contacts:\n", &[]);
    for c in 0..pages {
        g.entry(&mut site, &format!("c{c}"), c, &["name", "email", "phone"]);
    }
    site.write(root, &mut layout, "content/xss/_site.yaml");

    if links {
        for p in 0..pages {
            let mut page = Doc::default();
            page.push(&format!("---\ntitle: Lenker {p}\n---\n"), &[]);
            for &i in g.of(p, 0) {
                let raw = &vectors[i];
                for line in [
                    format!("[lenke]({raw})"),
                    format!("[lenke](<{raw}>)"),
                    format!("![billede]({raw})"),
                    format!("[lenke][mål-{i}]"),
                    format!("[mål-{i}]: {raw}"),
                ] {
                    page.push(&line, &[i]);
                    page.push("\n\n", &[]);
                }
            }
            page.write(root, &mut layout, &link_page(p));
        }
        return layout;
    }

    for p in 0..pages {
        // Even courses are still to come, odd ones finished (so the archive has them too), for
        // any build day from 2026 on.
        let (start, moved_to, deadline) = if p % 2 == 0 {
            ("2030-02-05", "2030-02-06", "2030-01-29")
        } else {
            ("2025-02-04", "2025-02-05", "2025-01-28")
        };
        let mut course = g.front_matter(p, &[("title", 0), ("description", 1)], "");
        course.push(&format!("category: k{p}\n"), &[]);
        g.line(&mut course, p, 2, "summary");
        g.line(&mut course, p, 3, "audience");
        course.push(
            &format!(
                "referral: false\ncapacity: 10\nprice: 0\nlocation: l{p}\ncontact: c{p}\nfacilitators: [peer, staff]\navailability: waitlist\nmode: hybrid\n"
            ),
            &[],
        );
        // The texts of a course's changes: why it is waitlisted, how to take part online, why
        // a meeting moved.
        g.line(&mut course, p, 7, "availability_note");
        g.line(&mut course, p, 8, "online");
        course.push(
            &format!(
                "schedule: {{ start: {start}, weeks: 2, time: \"10:00-12:00\", moved: [{{ from: {start}, to: {moved_to}, note: {} }}] }}\n",
                g.scalar(p, 9)
            ),
            g.of(p, 9),
        );
        course.push(
            &format!(
                "signup: {{ deadline: {deadline}, email: {}, phone: {}, url: \"https://xss.example.dk/tilmeld\" }}\n",
                g.scalar(p, 4),
                g.scalar(p, 5)
            ),
            &[g.of(p, 4), g.of(p, 5)].concat(),
        );
        course.push(
            &format!("extra: {{ note: {} }}\n", g.scalar(p, 6)),
            g.of(p, 6),
        );
        g.body(&mut course, p);
        course.write(
            root,
            &mut layout,
            &format!("content/xss/kurser/kursus-{p:03}.md"),
        );

        let mut side = g.front_matter(p, &[("title", 0), ("description", 1)], "");
        side.push(
            &format!("extra: {{ note: {} }}\n", g.scalar(p, 2)),
            g.of(p, 2),
        );
        g.body(&mut side, p);
        side.write(
            root,
            &mut layout,
            &format!("content/xss/sider/side-{p:03}.md"),
        );

        // One manual a page, each with one chapter, session and exercise.
        let manual = format!("content/_shared/manualer/xss-{p}");
        let mut index = g.front_matter(
            p,
            &[("title", 0), ("summary", 1), ("audience", 2)],
            "kind: manual\nduration_weeks: 20\nphases:\n",
        );
        for phase in 0..pages {
            let (title, weeks) = (g.scalar(p, phase), g.scalar(p, phase + 1));
            index.push(
                &format!(
                    "  - {{ number: {}, title: {title}, weeks: {weeks} }}\n",
                    phase + 1
                ),
                &[g.of(p, phase), g.of(p, phase + 1)].concat(),
            );
        }
        g.body(&mut index, p);
        index.write(root, &mut layout, &format!("{manual}/_index.md"));

        let mut chapter = g.front_matter(
            p,
            &[("title", 0), ("description", 1)],
            &format!("order: {p}\n"),
        );
        g.body(&mut chapter, p);
        chapter.write(root, &mut layout, &format!("{manual}/kapitel-{p:03}.md"));

        let mut session = g.front_matter(
            p,
            &[("title", 0), ("description", 1)],
            "number: 1\nphase: 1\nduration: 120\n",
        );
        session.push(&format!("goals: {}\n", g.list(p, 2)), g.of(p, 2));
        session.push(&format!("materials: {}\n", g.list(p, 3)), g.of(p, 3));
        session.push(&format!("exercises: [oevelse-{p:03}]\nagenda:\n"), &[]);
        session.push(
            &format!("  - {{ minutes: 120, activity: {} }}\n", g.scalar(p, 4)),
            g.of(p, 4),
        );
        g.body(&mut session, p);
        session.write(
            root,
            &mut layout,
            &format!("{manual}/sessioner/session-{p:03}.md"),
        );

        let mut exercise = g.front_matter(
            p,
            &[("title", 0), ("description", 1), ("purpose", 2)],
            "duration: 20\n",
        );
        g.body(&mut exercise, p);
        exercise.write(
            root,
            &mut layout,
            &format!("{manual}/ovelser/oevelse-{p:03}.md"),
        );
    }
    layout
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
    let layout = write_project(&out, &kept, allow_html, links);
    std::fs::write(out.join("xss-lines.json"), layout.to_json()).unwrap();
}
