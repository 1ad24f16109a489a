//! vejviser builds one complete, static website per municipality from a git repository of
//! Markdown: a course catalogue for citizens and manuals, session plans and exercise sheets for
//! facilitators.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! config ─► load (walk + layer + front matter) ─► link (site graph) ─► render (Markdown, Tera)
//!        ─► write (sitemap, atomic swap into the output folder)
//! ```
//!
//! [`build`] reads as that list of steps. Every stage collects problems as [`Diagnostic`]s instead
//! of stopping at the first, so one run reports them all.

// A `Diagnostic` is large, but it travels only on the cold path of a build that found a problem;
// boxing it everywhere would cost more clarity than it saves.
#![allow(clippy::result_large_err)]

pub mod book;
pub mod build;
pub mod calendar;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod config;
pub mod error;
pub mod fields;
pub mod frontmatter;
mod hash;
pub mod i18n;
pub mod icons;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod summary;
pub mod theme;
mod yaml;

pub use build::{
    build, build_in_memory, build_in_memory_with, build_with, BuildOptions, BuildOutcome,
    BuildState, Caches, SiteSummary, Timings,
};
pub use error::{Diagnostic, Error, Severity};
pub use output::SiteFiles;
