//! Search: a full-text index per site, built from the structured content (not by re-reading the
//! HTML), served as static files that a small client loads as scripts — so search works over
//! HTTP and from `file://` alike.
//!
//! In: the site's searchable pages as [`IndexPage`]s. Out: the files under
//! `sog/index/<hash>/`:
//!
//! - `meta.js`: the first key of every term shard, the facet values, the stop words;
//! - `s<n>.js`: term shards, a sorted range of keys each, cut at about [`SHARD_BYTES`], so a query
//!   fetches only the shards its words fall in. A key holds postings (`p`), the words it is the
//!   stem of (`s`), the longer compound words it ends (`c`: `vaerksted` → `skrivevaerksted`) and
//!   the words it is the rest of after their first one or two letters (`t`, for typos there);
//! - `p<n>.js`: a long posting list (over [`OWN_FILE_POSTINGS`] bytes) in a file of its own, its
//!   key's entry holding `f: n` instead of `p`: a query loads it only when it needs that word's
//!   documents, not because the word shares a shard with one it does need;
//! - `c<n>.js`: documents in chunks of [`CHUNK_DOCS`]: one document per heading section, with the
//!   page's title, path, kind, breadcrumb and course facts, and the text excerpts come from.
//!
//! Documents are numbered with every page's first section (the one its title belongs to) first,
//! so the hits that rank highest, title matches, sit close together in few chunks; within that,
//! by their (kind, category, place, upcoming) combination, so a document's combination follows
//! from its number (`ranges` in `meta.js`: facets and ranking need no document fetch), and
//! documents alike sit close together, which keeps posting lists short.
//!
//! A key's postings are the documents it occurs in, one list for each field it occurs in at best
//! (title, heading, body), written compactly by [`encode_postings`].

pub mod language;

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
/// Documents per document chunk.
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
    /// First meeting in words.
    pub date: Option<String>,
    /// Courses not yet finished rank above finished ones.
    pub upcoming: bool,
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
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
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
        s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        s.heading = s.heading.trim().to_string();
    }
    // The lead section may be empty when the body opens with a heading.
    if out.len() > 1 && out[0].text.is_empty() {
        out.remove(0);
    }
    out
}

#[derive(Serialize)]
struct Meta<'a> {
    v: u32,
    /// `[first document, combination]`: the combination of the documents from there on.
    ranges: Vec<[u32; 2]>,
    shards: Vec<&'a str>,
    chunks: usize,
    chunk: usize,
    docs: usize,
    combos: Vec<[u32; 4]>,
    kinds: Vec<&'a str>,
    categories: Vec<&'a str>,
    locations: Vec<&'a str>,
    stop: &'a [&'a str],
}

/// The words a key points at besides its own postings.
#[derive(Default)]
struct Pointers<'a> {
    /// `s`: words this key is the stem of.
    stems: BTreeSet<&'a str>,
    /// `c`: longer words that end with this key (compounds).
    compounds: BTreeSet<&'a str>,
    /// `t`: words this key is the end of, one or two letters in: where a typo at the start lands.
    typos: BTreeSet<&'a str>,
}

/// Interns strings into a list, returning each one's index.
#[derive(Default)]
struct Interner<'a> {
    list: Vec<&'a str>,
    index: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s);
        self.index.insert(s, i);
        i
    }
}

fn truncate(text: &str, chars: usize) -> &str {
    match text.char_indices().nth(chars) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The digits of the posting encoding: 64 characters that need no escaping in JSON.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The bits of a document list written as a bitmap.
const BITS: usize = 6;

/// A key's documents as a string: its title, heading and body lists, joined by `.`. Each list is
/// either the differences between its ascending documents, each in base 32 with the low digits
/// first and a continuation bit (as in source maps), or — when shorter, as for a word on most
/// pages — `!` and a bitmap of all documents up to the last, six to a digit.
pub fn encode_postings(lists: &[Vec<u32>; 3]) -> String {
    let mut out = String::new();
    for (i, docs) in lists.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        let mut deltas = String::with_capacity(docs.len() * 2);
        let mut previous = 0;
        for &doc in docs {
            let mut delta = doc - previous;
            previous = doc;
            loop {
                let mut digit = (delta & 31) as usize;
                delta >>= 5;
                if delta > 0 {
                    digit |= 32;
                }
                deltas.push(DIGITS[digit] as char);
                if delta == 0 {
                    break;
                }
            }
        }
        let bitmap_len = docs.last().map_or(0, |&d| d as usize / BITS + 2);
        if bitmap_len < deltas.len() {
            let mut bits = vec![0usize; bitmap_len - 1];
            for &doc in docs {
                bits[doc as usize / BITS] |= 1 << (doc as usize % BITS);
            }
            out.push('!');
            out.extend(bits.into_iter().map(|b| DIGITS[b] as char));
        } else {
            out.push_str(&deltas);
        }
    }
    out
}

/// The inverse of [`encode_postings`]: `(document, field)` pairs, field 3 for the title, 2 for a
/// heading, 1 for the body (the client has the same in JavaScript).
pub fn decode_postings(text: &str) -> Vec<(u32, u8)> {
    let mut out = Vec::new();
    for (i, list) in text.split('.').enumerate() {
        let field = 3 - i.min(2) as u8;
        let digit = |c: u8| DIGITS.iter().position(|&d| d == c).unwrap_or(0) as u32;
        if let Some(bitmap) = list.strip_prefix('!') {
            for (k, c) in bitmap.bytes().enumerate() {
                let bits = digit(c);
                for b in 0..BITS {
                    if bits & (1 << b) != 0 {
                        out.push(((k * BITS + b) as u32, field));
                    }
                }
            }
            continue;
        }
        let (mut previous, mut value, mut shift) = (0u32, 0u32, 0u32);
        for c in list.bytes() {
            let d = digit(c);
            value |= (d & 31) << shift;
            if d & 32 != 0 {
                shift += 5;
            } else {
                previous += value;
                out.push((previous, field));
                value = 0;
                shift = 0;
            }
        }
    }
    out
}

/// Sorts a section's words and keeps each once, with the best field it occurs in.
fn best_fields<T: Ord + Copy>(words: &mut Vec<(T, u8)>) {
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    words.dedup_by_key(|(w, _)| *w);
}

/// Wraps a file's data as a script that hands it to the client (no `fetch`: works from disk).
fn script(name: &str, data: &str) -> String {
    format!(
        "VejviserSearch.load({},{});\n",
        serde_json::to_string(name).unwrap_or_default(),
        data.replace("</", "<\\/")
    )
}

/// Where the index of these pages is written: `sog/index/<hash>/`, the hash taken over what
/// the index is built from (the pages' searchable text, the program, and `client`, the search
/// scripts that read it), so a changed index gets a new name and no browser keeps an old one.
/// Known before the index is built, so the pages that name it can be rendered meanwhile.
pub fn index_dir(pages: &[IndexPage], client: &[u8]) -> String {
    let hashes: Vec<u64> = pages.par_iter().map(crate::hash::hash_of).collect();
    let hash = crate::hash::hash_of(&(env!("CARGO_PKG_VERSION"), INDEX_FORMAT, hashes, client));
    format!("sog/index/{:08x}/", (hash >> 32) as u32 ^ hash as u32)
}

/// The version of the index's layout, part of its folder's name.
const INDEX_FORMAT: u32 = 2;

/// Builds the index of a site's searchable pages, its files in `dir` (see [`index_dir`]).
pub fn build<'p>(pages: &'p [IndexPage], dir: &str) -> SearchIndex {
    // Facet combinations and documents.
    let mut kinds = Interner::default();
    let mut categories = Interner::default();
    let mut locations = Interner::default();
    let mut combos: Vec<[u32; 4]> = Vec::new();
    let mut combo_index: FxHashMap<[u32; 4], u32> = FxHashMap::default();
    let mut docs: Vec<(usize, &Section)> = Vec::new();
    let mut page_combo: Vec<u32> = Vec::with_capacity(pages.len());
    // Every section's distinct words as written, each with the best field it occurs in, found
    // in parallel. Folding, stop words and stems then run once per distinct word of the site,
    // not once per occurrence.
    type Written<'p> = Vec<(&'p str, u8)>;
    let written_of: Vec<Vec<Written>> = pages
        .par_iter()
        .map(|page: &'p IndexPage| {
            page.sections
                .iter()
                .enumerate()
                .map(|(s, section)| {
                    let mut words: Written = Vec::with_capacity(section.text.len() / 6 + 8);
                    let mut add = |text: &'p str, field: u8| {
                        words.extend(tokens(text).map(|word| (word, field)));
                    };
                    if s == 0 {
                        add(&page.title, 3);
                        for facet in [&page.category, &page.location].into_iter().flatten() {
                            add(facet, 1);
                        }
                    }
                    add(&section.heading, 2);
                    add(&section.text, 1);
                    best_fields(&mut words);
                    words
                })
                .collect()
        })
        .collect();
    let mut distinct: Vec<&str> = written_of
        .iter()
        .flatten()
        .flatten()
        .map(|(w, _)| *w)
        .collect::<FxHashSet<_>>()
        .into_iter()
        .collect();
    distinct.sort_unstable();
    // Stems come from the word as written (Snowball knows æ, ø, å), as a query's do; folding
    // first would give other stems.
    let analysed: Vec<Option<(String, String)>> = distinct
        .par_iter()
        .map(|written| {
            let folded = fold(written);
            (!folded.is_empty() && !is_stop_word(&folded)).then(|| {
                let stemmed = stem(written);
                (folded, stemmed)
            })
        })
        .collect();
    // Terms (folded words) by number, and each written word's term.
    let mut term_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut term_of: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(distinct.len(), Default::default());
    // Each term's stems (a folded word can come from several spellings).
    let mut stems_of: Vec<BTreeSet<&str>> = Vec::new();
    for (written, analysis) in distinct.iter().zip(&analysed) {
        if let Some((folded, stemmed)) = analysis {
            let id = *term_ids.entry(folded.as_str()).or_insert_with(|| {
                stems_of.push(BTreeSet::new());
                (stems_of.len() - 1) as u32
            });
            stems_of[id as usize].insert(stemmed.as_str());
            term_of.insert(written, id);
        }
    }
    // The sections' words as terms, with their best fields.
    let terms_of: Vec<Vec<Vec<(u32, u8)>>> = written_of
        .par_iter()
        .map(|sections| {
            sections
                .iter()
                .map(|words| {
                    let mut ids: Vec<(u32, u8)> = words
                        .iter()
                        .filter_map(|(w, field)| term_of.get(w).map(|&id| (id, *field)))
                        .collect();
                    best_fields(&mut ids);
                    ids
                })
                .collect()
        })
        .collect();
    drop(written_of);
    for page in pages {
        let key = [
            kinds.id(&page.kind),
            page.category
                .as_deref()
                .map_or(u32::MAX, |c| categories.id(c)),
            page.location
                .as_deref()
                .map_or(u32::MAX, |l| locations.id(l)),
            u32::from(page.upcoming),
        ];
        let combo = *combo_index.entry(key).or_insert_with(|| {
            combos.push(key);
            (combos.len() - 1) as u32
        });
        page_combo.push(combo);
    }
    // Every page's first section, then the others; each part by facet combination.
    let mut order: Vec<(bool, u32, usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| (0..page.sections.len()).map(move |s| (p, s)))
        .map(|(p, s)| (s > 0, page_combo[p], p, s))
        .collect();
    order.sort_unstable();
    let mut ranges: Vec<[u32; 2]> = Vec::new();
    // Each term's (document, best field), documents ascending.
    let mut postings: Vec<Vec<(u32, u8)>> = vec![Vec::new(); stems_of.len()];
    for (_, combo, p, s) in order {
        let doc = docs.len() as u32;
        docs.push((p, &pages[p].sections[s]));
        if ranges.last().is_none_or(|r| r[1] != combo) {
            ranges.push([doc, combo]);
        }
        for &(id, field) in &terms_of[p][s] {
            postings[id as usize].push((doc, field));
        }
    }
    drop(terms_of);
    let terms: FxHashMap<&str, &[(u32, u8)]> = term_ids
        .iter()
        .map(|(word, &id)| (*word, postings[id as usize].as_slice()))
        .collect();
    // Words in order: what points at them is kept in that order (and capped), so the index is
    // the same from build to build.
    let mut words: Vec<&str> = terms.keys().copied().collect();
    words.sort_unstable();

    // Stems and compound endings point at the words that carry postings.
    let mut pointers: BTreeMap<String, Pointers> = BTreeMap::new();
    for &word in &words {
        for &stemmed in &stems_of[term_ids[word] as usize] {
            if stemmed != word && !stemmed.is_empty() {
                pointers
                    .entry(stemmed.to_string())
                    .or_default()
                    .stems
                    .insert(word);
            }
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() >= 8 {
            for &(at, _) in &chars[3..chars.len() - 3] {
                let ending = &word[at..];
                if ending.chars().count() >= 4 {
                    let compounds = &mut pointers.entry(ending.to_string()).or_default().compounds;
                    if compounds.len() < MAX_COMPOUNDS {
                        compounds.insert(word);
                    }
                }
            }
        }
        // A typo in the first letters leaves the rest of the word: the word minus its first one
        // or two letters points back at it, so the client can find it and check the distance.
        if chars.len() >= 5 {
            for &(at, _) in &chars[1..3] {
                let typos = &mut pointers.entry(word[at..].to_string()).or_default().typos;
                if typos.len() < MAX_COMPOUNDS {
                    typos.insert(word);
                }
            }
        }
    }

    // Entries in key order, cut into shards.
    let mut keys: BTreeSet<&str> = words.iter().copied().collect();
    keys.extend(pointers.keys().map(String::as_str));
    let mut shards: Vec<(String, String)> = Vec::new();
    let mut own_files: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut first_key: Option<&str> = None;
    for key in keys {
        let mut entry = serde_json::Map::new();
        if let Some(postings) = terms.get(key) {
            let mut by_field: [Vec<u32>; 3] = Default::default();
            for &(doc, field) in *postings {
                by_field[3 - usize::from(field.clamp(1, 3))].push(doc);
            }
            let encoded = encode_postings(&by_field);
            if encoded.len() > OWN_FILE_POSTINGS {
                entry.insert("f".into(), json!(own_files.len()));
                own_files.push(encoded);
            } else {
                entry.insert("p".into(), json!(encoded));
            }
        }
        if let Some(p) = pointers.get(key) {
            for (name, words) in [("s", &p.stems), ("c", &p.compounds), ("t", &p.typos)] {
                if !words.is_empty() {
                    entry.insert(name.into(), json!(words));
                }
            }
        }
        let item = format!(
            "{}:{}",
            serde_json::to_string(key).unwrap_or_default(),
            serde_json::Value::Object(entry)
        );
        if current.len() + item.len() > SHARD_BYTES && first_key.is_some() {
            shards.push((
                first_key.take().unwrap_or_default().to_string(),
                std::mem::take(&mut current),
            ));
        }
        if first_key.is_none() {
            first_key = Some(key);
        } else {
            current.push(',');
        }
        current.push_str(&item);
    }
    if let Some(key) = first_key {
        shards.push((key.to_string(), current));
    }

    // Document chunks.
    let mut chunks = Vec::new();
    for (c, chunk) in docs.chunks(CHUNK_DOCS).enumerate() {
        let mut page_info = serde_json::Map::new();
        let list: Vec<serde_json::Value> = chunk
            .iter()
            .map(|(p, section)| {
                let page = &pages[*p];
                page_info.entry(p.to_string()).or_insert_with(|| {
                    json!([
                        page.title,
                        page.path,
                        page.kind,
                        page.breadcrumb,
                        page.category,
                        page.location,
                        page.date
                    ])
                });
                json!([
                    p,
                    section.anchor,
                    section.heading,
                    truncate(&section.text, EXCERPT_CHARS)
                ])
            })
            .collect();
        chunks.push((
            format!("c{c}"),
            json!({"d": list, "p": page_info}).to_string(),
        ));
    }

    let meta = Meta {
        v: INDEX_FORMAT,
        ranges,
        shards: shards.iter().map(|(k, _)| k.as_str()).collect(),
        chunks: chunks.len(),
        chunk: CHUNK_DOCS,
        docs: docs.len(),
        combos,
        kinds: kinds.list,
        categories: categories.list,
        locations: locations.list,
        stop: language::STOP_WORDS,
    };
    let meta_json = serde_json::to_string(&meta).unwrap_or_default();
    let mut files: Vec<(String, String)> = Vec::new();
    files.push(("meta".into(), script("meta", &meta_json)));
    for (i, (_, body)) in shards.iter().enumerate() {
        files.push((
            format!("s{i}"),
            script(&format!("s{i}"), &format!("{{{body}}}")),
        ));
    }
    for (i, postings) in own_files.iter().enumerate() {
        let name = format!("p{i}");
        files.push((name.clone(), script(&name, &json!(postings).to_string())));
    }
    for (name, body) in &chunks {
        files.push((name.clone(), script(name, body)));
    }
    SearchIndex {
        meta_path: format!("{dir}meta.js"),
        files: files
            .into_iter()
            .map(|(name, content)| (format!("{dir}{name}.js"), content))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, body: &str) -> IndexPage {
        let heads = crate::markdown::headings(body);
        IndexPage {
            title: title.into(),
            path: "x/".into(),
            kind: "Side".into(),
            sections: sections(body, &heads, ""),
            ..Default::default()
        }
    }

    #[test]
    fn postings_round_trip() {
        let dense: Vec<u32> = (0..300).filter(|d| d % 3 != 0).collect();
        let lists = [vec![0, 4, 9, 10, 1_000, 1_000_000], vec![], dense.clone()];
        let text = encode_postings(&lists);
        let mut expected: Vec<(u32, u8)> = lists[0].iter().map(|&d| (d, 3)).collect();
        expected.extend(dense.iter().map(|&d| (d, 1)));
        assert_eq!(decode_postings(&text), expected);
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.!".contains(&b)));
        let (_, body) = text.rsplit_once('.').unwrap();
        assert!(body.starts_with('!'), "a dense list is a bitmap: {body}");
        assert!(body.len() <= 300 / 5 + 2, "{}", body.len());
        assert_eq!(
            encode_postings(&[vec![], vec![1, 40, 90], vec![]]),
            ".BnByB."
        );
        assert_eq!(
            encode_postings(&[vec![], vec![1, 2, 3], vec![]]),
            ".!O.",
            "bitmap"
        );
    }

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
    fn index_files_are_few_and_hashed() {
        let pages: Vec<IndexPage> = (0..40)
            .map(|i| {
                page(
                    &format!("Skriveværksted {i}"),
                    "Vi skriver i fællesskaberne.\n\n## Praktisk\n\nKaffe.",
                )
            })
            .collect();
        let dir = index_dir(&pages, b"client");
        let index = build(&pages, &dir);
        assert!(index.meta_path.starts_with("sog/index/") && index.meta_path.ends_with("/meta.js"));
        assert!(index.files.iter().all(|(p, _)| p.starts_with(&dir)));
        // The name follows the pages and the client that reads the index.
        assert_eq!(index_dir(&pages, b"client"), dir);
        assert_ne!(index_dir(&pages, b"another client"), dir);
        assert_ne!(index_dir(&pages[1..], b"client"), dir);
        let names: Vec<&str> = index.files.iter().map(|(p, _)| p.as_str()).collect();
        assert!(names.len() < 20, "{names:?}");
        let all: String = index.files.iter().map(|(_, c)| c.as_str()).collect();
        assert!(
            all.contains("\"skrivevaerksted\""),
            "the title word is a key"
        );
        assert!(
            all.contains("\"vaerksted\":{\"c\":[\"skrivevaerksted\"]}"),
            "the compound ending points at the word"
        );
        assert!(
            all.contains("\"faellesskab\":{\"s\":[\"faellesskaberne\"]}"),
            "the stem points at the word"
        );
        assert!(!all.contains("\"og\":"), "stop words are not indexed");
        let again = build(&pages, &dir);
        assert_eq!(again.files, index.files, "deterministic");
    }
}
