//! Search: a full-text index per site, built from the structured content (not by re-reading the
//! HTML), served as static files that a small client loads as scripts — so search works over
//! HTTP and from `file://` alike.
//!
//! In: the site's searchable pages as [`IndexPage`]s. Out: the files under
//! `sog/index/<hash>/`:
//!
//! - `meta.js`: the first key of every term shard, the facet values, the stop words, and how
//!   every page's first document (`starts`, a list written as postings are), from which the
//!   client knows every document's page and shows one hit per page;
//! - `s<n>.js`: term shards, a sorted range of keys each, cut at about [`SHARD_BYTES`], so a query
//!   fetches only the shards its words fall in. A key holds postings (`p`), the words it is the
//!   stem of (`s`), the longer compound words it ends (`c`: `vaerksted` → `skrivevaerksted`) and
//!   the words it is the rest of after their first one or two letters (`t`, for typos there);
//! - `p<n>.js`: a long posting list (over [`OWN_FILE_POSTINGS`] bytes) in a file of its own, its
//!   key's entry holding `f: n` instead of `p`: a query loads it only when it needs that word's
//!   documents, not because the word shares a shard with one it does need;
//! - `c<n>.js`: the documents of a few pages, about [`CHUNK_DOCS`]: one document per heading section, with the
//!   page's title, path, kind, breadcrumb, first meeting and facts, and the text excerpts
//!   come from.
//!
//! A page's facts are what its template shows from the front matter rather than the Markdown (a
//! course's weekday, place, referral, mode, audiences and availability; a session's number), as
//! one line of words: they are indexed with its first section, weighing as a heading does.
//!
//! Documents are numbered page by page, each page's sections together in their order, and a
//! chunk holds whole pages: a hit is a page with every section of it that matches, so showing it
//! needs one chunk. (Numbering every page's first section before all the others, in chunks of
//! eight documents, put a page's title and its sections in different chunks: on 10,000 pages a
//! first query fetched 20 chunks for 10 hits; chunks of eight documents cut across pages still
//! took 13 to 15.) The
//! pages go by their (kind, category, place, upcoming) combination, so a document's combination
//! follows from its number (`ranges` in `meta.js`: facets and ranking need no document fetch),
//! and documents alike sit close together, which keeps posting lists short.
//!
//! A key's postings are the documents it occurs in, one list for each field it occurs in at best
//! (title, heading, body), written compactly by [`encode_postings`].

mod format;
mod index;
pub mod language;

pub use format::{decode_doc_list, decode_postings, encode_doc_list, encode_postings, index_dir};
pub use index::build;

use std::collections::{BTreeMap, BTreeSet, HashMap};

// Building an index looks up every word of the site several times: a hasher made for short keys.
use rustc_hash::{FxHashMap, FxHashSet};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::markdown::Heading;
use language::{fold, is_stop_word, stem, tokens};

/// Target size of a term shard, before compression.
pub const SHARD_BYTES: usize = 4 * 1024;
/// Documents a document chunk holds, about: it holds whole pages, as many as make this many
/// documents on the site on average.
pub const CHUNK_DOCS: usize = 8;
/// Characters of a section's text kept for excerpts.
pub const EXCERPT_CHARS: usize = 480;
/// Encoded posting lists longer than this get a file of their own.
pub const OWN_FILE_POSTINGS: usize = 1024;
/// Compound words remembered under one ending.
const MAX_COMPOUNDS: usize = 40;

/// One heading section of a page: the unit a search hit links to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Section {
    /// The heading's id (`""` for the text before the first heading).
    pub anchor: String,
    pub heading: String,
    pub text: String,
}

/// A searchable page with what a hit shows.
#[derive(Debug, Clone, Default, Hash)]
pub struct IndexPage {
    pub title: String,
    /// Site path (`kurser/x/`).
    pub path: String,
    /// The kind in words ("Kursus", "Kapitel" …), also a facet.
    pub kind: String,
    /// Where the page sits, in words: "Manualer › ABC".
    pub breadcrumb: String,
    /// Course facets.
    pub category: Option<String>,
    pub location: Option<String>,
    /// Whom the course is for: a facet of several values.
    pub audiences: Vec<String>,
    /// First meeting in words.
    pub date: Option<String>,
    /// Courses not yet finished rank above finished ones.
    pub upcoming: bool,
    /// What the page's template shows from its front matter, in the site language, the facts
    /// apart: `Skriveværksted · tirsdag · Makers Corner · Eksempelvej 1 · uden henvisning`.
    pub facts: String,
    pub sections: Vec<Section>,
}

/// The index's files, by site path, and the path of `meta.js`.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub files: Vec<(String, String)>,
    pub meta_path: String,
}

/// The last index of each site, with a hash of the pages it was built from.
#[derive(Debug, Default)]
pub struct SearchCache {
    sites: std::sync::Mutex<HashMap<String, (u64, std::sync::Arc<SearchIndex>)>>,
}

impl SearchCache {
    pub fn get(&self, site: &str) -> Option<(u64, std::sync::Arc<SearchIndex>)> {
        self.sites.lock().ok()?.get(site).cloned()
    }

    pub fn put(&self, site: &str, key: u64, index: std::sync::Arc<SearchIndex>) {
        if let Ok(mut sites) = self.sites.lock() {
            sites.insert(site.to_string(), (key, index));
        }
    }
}

/// Texts from front matter (description, summary, goals …) as one text: each a sentence of its
/// own, a full stop added only where it has none, so no two run together and no `..` appears.
pub fn sentences<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for text in texts.into_iter().map(str::trim).filter(|t| !t.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text);
        if !text.ends_with(['.', '!', '?', ':', '…']) {
            out.push('.');
        }
    }
    out
}

/// The words of `text` with one space between each, without a list of them in between.
fn squeeze_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits a Markdown body into sections at its headings. `heads` are the body's headings (with
/// their ids, as rendered); `lead` is text that belongs to the first section (a course's summary).
pub fn sections(body: &str, heads: &[Heading], lead: &str) -> Vec<Section> {
    let mut out = vec![Section {
        anchor: String::new(),
        heading: String::new(),
        text: format!("{lead} "),
    }];
    let mut heading_index = 0;
    let mut in_heading = false;
    for event in Parser::new_ext(body, crate::markdown::options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                let anchor = heads
                    .get(heading_index)
                    .map(|h| h.id.clone())
                    .unwrap_or_default();
                heading_index += 1;
                out.push(Section {
                    anchor,
                    heading: String::new(),
                    text: String::new(),
                });
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t) => {
                let section = out.last_mut().expect("there is always a section");
                let target = if in_heading {
                    &mut section.heading
                } else {
                    &mut section.text
                };
                target.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                out.last_mut().expect("a section").text.push(' ')
            }
            // Where blocks end, words end: a table's cells and a code block's last line do not
            // run into what follows.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => {
                let text = &mut out.last_mut().expect("a section").text;
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    for s in &mut out {
        s.text = squeeze_whitespace(&s.text);
        s.heading = s.heading.trim().to_string();
    }
    // The lead section may be empty when the body opens with a heading.
    if out.len() > 1 && out[0].text.is_empty() {
        out.remove(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_headings_with_ids() {
        let body = "Intro om *fællesskab*.\n\n## Sådan gør du\n\nTal sammen.\n\n- Punkt\n";
        let s = sections(body, &crate::markdown::headings(body), "Resumé.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "Resumé. Intro om fællesskab.");
        assert_eq!(s[1].anchor, "saadan-goer-du");
        assert_eq!(s[1].heading, "Sådan gør du");
        assert_eq!(s[1].text, "Tal sammen. Punkt");
    }

    #[test]
    fn front_matter_texts_are_sentences_without_doubled_stops() {
        assert_eq!(
            sentences(["Skriv om dit liv.", "Voksne over 18", "", "Hvorfor?"]),
            "Skriv om dit liv. Voksne over 18. Hvorfor?"
        );
    }

    #[test]
    fn blocks_do_not_run_together() {
        let body = "| Dag | Tid |\n|---|---|\n| tirsdag | 10:00 |\n\n```\nkode\n```\nEfter.\n";
        let s = sections(body, &[], "");
        assert_eq!(s[0].text, "Dag Tid tirsdag 10:00 kode Efter.");
    }
}
