//! The integration tests of vejviser: small fixture projects under `tests/fixtures/<feature>/<case>/`
//! are copied into a temporary folder, built, and checked on the HTML they produce, the
//! diagnostics they report and the command line's exit codes. One module per feature,
//! in `tests/build/` (a crate root looks for its modules beside itself, hence the `#[path]`s).

#[path = "build/common.rs"]
mod common;

#[path = "build/aliases.rs"]
mod aliases;
#[path = "build/architecture.rs"]
mod architecture;
#[path = "build/atomic.rs"]
mod atomic;
#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/check.rs"]
mod check;
#[path = "build/cli.rs"]
mod cli;
#[path = "build/course_changes.rs"]
mod course_changes;
#[path = "build/course_files.rs"]
mod course_files;
#[path = "build/editor.rs"]
mod editor;
#[path = "build/editor_forms.rs"]
mod editor_forms;
#[path = "build/errors.rs"]
mod errors;
#[path = "build/example.rs"]
mod example;
#[path = "build/head.rs"]
mod head;
#[path = "build/incremental.rs"]
mod incremental;
#[path = "build/layering.rs"]
mod layering;
#[path = "build/links.rs"]
mod links;
#[path = "build/manual_pages.rs"]
mod manual_pages;
#[path = "build/manuals.rs"]
mod manuals;
#[path = "build/markdown.rs"]
mod markdown;
#[path = "build/mdbook.rs"]
mod mdbook;
#[path = "build/navigation.rs"]
mod navigation;
#[path = "build/output.rs"]
mod output;
#[path = "build/prospectus.rs"]
mod prospectus;
#[path = "build/publishing.rs"]
mod publishing;
#[path = "build/rendering.rs"]
mod rendering;
#[path = "build/robustness.rs"]
mod robustness;
#[path = "build/schema.rs"]
mod schema;
#[path = "build/search.rs"]
mod search;
#[path = "build/search_facts.rs"]
mod search_facts;
#[path = "build/search_files.rs"]
mod search_files;
#[path = "build/security.rs"]
mod security;
#[path = "build/serve.rs"]
mod serve;
#[path = "build/serve_network.rs"]
mod serve_network;
#[path = "build/starting.rs"]
mod starting;
#[path = "build/structured.rs"]
mod structured;
#[path = "build/validity.rs"]
mod validity;
