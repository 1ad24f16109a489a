//! One content file, front matter and Markdown, through everything that reads it: the text
//! checks of loading, `Page::parse` for every kind, the Markdown renderer and the search index.
//! Any input must end in a page or in located diagnostics; a panic, a stack overflow or a hang
//! is a finding.

#![no_main]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use vejviser::config::Project;
use vejviser::frontmatter::Page;
use vejviser::markdown::{self, Resolved, Resolver};
use vejviser::search;

const CONFIG: &str = include_str!("../../tests/fixtures/robustness/minimal/vejviser.yaml");

/// Where a page lies decides its kind, and so which fields it may have.
const PLACES: [&str; 6] = [
    "om.md",
    "kurser/kursus.md",
    "manualer/abc/_index.md",
    "manualer/abc/kapitel.md",
    "manualer/abc/sessioner/uge-01.md",
    "manualer/abc/ovelser/ark.md",
];

/// Links and images are kept as written, except that an empty image is a problem.
struct Keep;

impl Resolver for Keep {
    fn link(&self, dest: &str) -> Resolved {
        let _ = vejviser::slug::percent_decode(dest);
        Resolved::Keep
    }
    fn image(&self, dest: &str) -> Resolved {
        if dest.is_empty() {
            Resolved::Problem("no image".into(), "give one".into())
        } else {
            Resolved::Keep
        }
    }
}

fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| Project::parse(Path::new("vejviser.yaml"), &Arc::from(CONFIG)).unwrap())
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the place (and the kind); the rest is the file.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let rel = PLACES[pick as usize % PLACES.len()];
    let bare = (pick & 0x80 != 0).then_some("Kapitel");
    let file = Path::new("content/roskilde").join(rel);
    let text: Arc<str> = Arc::from(text);
    let lines = text.split('\n').count();
    match Page::parse(&file, rel, text.clone(), project(), bare) {
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            for d in &diagnostics {
                assert!(d.file == file && d.line <= lines, "{d}");
            }
            vejviser::error::render_human(&diagnostics, false);
        }
        Ok(page) => {
            let body = &page.text[page.body_offset..];
            let settings = markdown::Settings {
                allow_html: pick & 0x40 != 0,
                callout_labels: Default::default(),
                table_label: "Tabel".into(),
            };
            let rendered = markdown::render(body, &page.headings, &settings, &Keep);
            let index_page = search::IndexPage {
                title: page.common.title.clone(),
                path: "side/".into(),
                kind: "Side".into(),
                sections: search::sections(body, &page.headings, ""),
                ..Default::default()
            };
            search::build(&[index_page]);
        }
    }
});
