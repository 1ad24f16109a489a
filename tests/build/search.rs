//! Site search: the index under `sog/index/<hash>/` (one document per heading section, folded and
//! stemmed keys, compound endings, few files named by their content), what goes into it, and the
//! search page's A–Å list of every page for readers without JavaScript.
//!
//! The index files are scripts, `VejviserSearch.load("<name>",<json>);`: the tests strip the
//! wrapper and read the JSON, starting from the meta file the search page names.

use std::collections::BTreeMap;

use serde_json::Value;
use vejviser::SiteFiles;

use crate::common::*;

/// One heading section of a page, as the client shows it in a hit.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub(crate) title: String,
    /// Site path of the page (`kurser/x/`).
    pub(crate) path: String,
    pub(crate) kind: String,
    pub(crate) breadcrumb: String,
    pub(crate) category: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) date: Option<String>,
    /// What the page's template shows from its front matter, the facts apart (` · `).
    pub(crate) facts: String,
    /// The heading's id; `""` for the text before the first heading.
    pub(crate) anchor: String,
    pub(crate) heading: String,
    pub(crate) text: String,
}

/// A posting decoded: the document, its facet combination (from `ranges` in meta.js) and the
/// field the key occurs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Posting {
    pub(crate) doc: usize,
    pub(crate) combo: usize,
    /// 3 title, 2 heading, 1 body.
    pub(crate) field: u64,
}

/// A site's search index, read back from its files.
pub(crate) struct Index {
    /// `sog/index/<hash>/`.
    pub(crate) dir: String,
    /// Every file of the folder, by name (`meta.js`, `s0.js`, `c0.js` …).
    pub(crate) files: Vec<String>,
    pub(crate) meta: Value,
    /// Every key of every term shard, with its entry (`p`, `s`, `c`).
    pub(crate) keys: BTreeMap<String, Value>,
    /// The keys of each shard, in file order.
    pub(crate) shards: Vec<Vec<String>>,
    pub(crate) docs: Vec<Doc>,
    /// Posting lists in files of their own (`p<n>.js`), by `n`.
    pub(crate) own: BTreeMap<u64, String>,
}

/// The data of an index file: `VejviserSearch.load("s0",{…});` → `("s0", {…})`.
pub(crate) fn unwrap_script(path: &str, text: &str) -> (String, Value) {
    let rest = text
        .trim_end()
        .strip_prefix("VejviserSearch.load(")
        .and_then(|r| r.strip_suffix(");"))
        .unwrap_or_else(|| panic!("{path} is not a VejviserSearch.load(…) script: {text:.80}"));
    let comma = rest
        .find("\",")
        .unwrap_or_else(|| panic!("{path}: no name"));
    let name: String = serde_json::from_str(&rest[..=comma]).expect("the name is a JSON string");
    let data = serde_json::from_str(&rest[comma + 2..])
        .unwrap_or_else(|e| panic!("{path}: the data is not JSON: {e}"));
    (name, data)
}

pub(crate) fn str_or_none(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// The facet combination of document `doc`, from the ranges of documents alike in meta.js.
pub(crate) fn combo_of(meta: &Value, doc: usize) -> usize {
    let range = meta["ranges"]
        .as_array()
        .expect("meta.ranges")
        .iter()
        .rev()
        .find(|r| r[0].as_u64().unwrap() as usize <= doc)
        .expect("every document is in a range");
    range[1].as_u64().unwrap() as usize
}

/// The index the search page's form names (`data-index`), read back from the site's files.
pub(crate) fn index(site: &SiteFiles) -> Index {
    let search = page(site, "sog/index.html");
    let form = one(&search, "form[data-search]");
    let href = form
        .value()
        .attr("data-index")
        .expect("the search form has no data-index");
    let meta_path = resolve("sog/", href);
    assert!(
        site.text(&meta_path).is_some(),
        "the search page names {href} ({meta_path}), which is not in the site"
    );
    let dir = meta_path
        .strip_suffix("meta.js")
        .unwrap_or_else(|| panic!("data-index {href} does not name a meta.js"))
        .to_string();

    let mut files = Vec::new();
    let mut data: BTreeMap<String, Value> = BTreeMap::new();
    for (path, bytes) in &site.files {
        if let Some(name) = path.strip_prefix(&dir) {
            let text = std::str::from_utf8(bytes).expect("index files are UTF-8");
            let (loaded, value) = unwrap_script(path, text);
            assert_eq!(
                format!("{loaded}.js"),
                name,
                "{path} loads itself under another name"
            );
            files.push(name.to_string());
            data.insert(loaded, value);
        }
    }
    let meta = data.get("meta").cloned().expect("no meta.js");

    let shard_count = meta["shards"].as_array().expect("meta.shards").len();
    let mut keys = BTreeMap::new();
    let mut shards = Vec::new();
    for i in 0..shard_count {
        let shard = data
            .get(&format!("s{i}"))
            .unwrap_or_else(|| panic!("meta names {shard_count} shards but there is no s{i}.js"));
        let entries = shard.as_object().expect("a shard is an object");
        shards.push(entries.keys().cloned().collect());
        for (k, v) in entries {
            keys.insert(k.clone(), v.clone());
        }
    }

    // Category and place are facets: the document's combination names them.
    let facet = |doc: usize, position: usize, list: &str| -> Option<String> {
        let combo = &meta["combos"][combo_of(&meta, doc)];
        str_or_none(&meta[list][combo[position].as_u64()? as usize])
    };
    // Chunk c holds the documents of pages c * chunk_pages and on, whole, in document order;
    // `starts` names every page's first document.
    let chunk_pages = meta["chunk_pages"].as_u64().expect("meta.chunk_pages") as usize;
    let chunk_count = meta["chunks"].as_u64().expect("meta.chunks") as usize;
    let doc_count = meta["docs"].as_u64().expect("meta.docs") as usize;
    let starts = vejviser::search::decode_doc_list(meta["starts"].as_str().expect("meta.starts"));
    assert_eq!(chunk_count, starts.len().div_ceil(chunk_pages));
    let mut docs = Vec::new();
    for c in 0..chunk_count {
        let chunk = data
            .get(&format!("c{c}"))
            .unwrap_or_else(|| panic!("meta names {chunk_count} chunks but there is no c{c}.js"));
        let from = starts[c * chunk_pages] as usize;
        let to = starts
            .get((c + 1) * chunk_pages)
            .map_or(doc_count, |&d| d as usize);
        let entries = chunk["d"].as_array().expect("a chunk's d is a list");
        assert_eq!(
            entries.len(),
            to - from,
            "c{c}.js does not hold its pages' documents"
        );
        for entry in entries {
            let d = docs.len();
            let page_info = &chunk["p"][entry[0].to_string()];
            docs.push(Doc {
                title: page_info[0].as_str().unwrap().to_string(),
                path: page_info[1].as_str().unwrap().to_string(),
                kind: page_info[2].as_str().unwrap().to_string(),
                breadcrumb: page_info[3].as_str().unwrap_or_default().to_string(),
                category: facet(d, 1, "categories"),
                location: facet(d, 2, "locations"),
                date: str_or_none(&page_info[4]),
                facts: page_info[5].as_str().unwrap_or_default().to_string(),
                anchor: entry[1].as_str().unwrap().to_string(),
                heading: entry[2].as_str().unwrap().to_string(),
                text: entry[3].as_str().unwrap().to_string(),
            });
        }
    }
    assert_eq!(docs.len(), doc_count);
    let own = data
        .iter()
        .filter_map(|(name, value)| {
            let n = name.strip_prefix('p')?.parse().ok()?;
            Some((
                n,
                value
                    .as_str()
                    .expect("a posting file holds a string")
                    .to_string(),
            ))
        })
        .collect();
    Index {
        dir,
        files,
        meta,
        keys,
        shards,
        docs,
        own,
    }
}

impl Index {
    fn entry(&self, key: &str) -> &Value {
        self.keys.get(key).unwrap_or_else(|| {
            panic!(
                "no key {key:?} in the index; keys starting alike: {:?}",
                self.keys
                    .keys()
                    .filter(|k| k.starts_with(&key[..key.len().min(3)]))
                    .collect::<Vec<_>>()
            )
        })
    }

    /// The postings of `key` (none when the key is absent or only points elsewhere).
    pub(crate) fn postings(&self, key: &str) -> Vec<Posting> {
        let Some(entry) = self.keys.get(key) else {
            return Vec::new();
        };
        let text = match (entry["p"].as_str(), entry["f"].as_u64()) {
            (Some(text), _) => text,
            (None, Some(n)) => self
                .own
                .get(&n)
                .unwrap_or_else(|| panic!("{key:?} names p{n}.js, which is not there")),
            (None, None) => return Vec::new(),
        };
        let mut postings: Vec<Posting> = vejviser::search::decode_postings(text)
            .into_iter()
            .map(|(doc, field)| Posting {
                doc: doc as usize,
                combo: combo_of(&self.meta, doc as usize),
                field: u64::from(field),
            })
            .collect();
        postings.sort_by_key(|p| p.doc);
        postings
    }

    /// The words an entry points at (`s`: inflections, `c`: compounds).
    fn pointers(&self, key: &str, kind: &str) -> Vec<String> {
        self.entry(key)[kind]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    }

    /// The page titles whose documents hold `key`.
    pub(crate) fn titles_with(&self, key: &str) -> Vec<String> {
        let mut titles: Vec<String> = self
            .postings(key)
            .iter()
            .map(|p| self.docs[p.doc].title.clone())
            .collect();
        titles.dedup();
        titles
    }

    /// Every document of the page at `path`, in order.
    fn docs_of(&self, path: &str) -> Vec<&Doc> {
        self.docs.iter().filter(|d| d.path == path).collect()
    }

    /// The (kind, category, place, upcoming) of a facet combination, in words.
    pub(crate) fn combo(&self, combo: usize) -> (String, Option<String>, Option<String>, bool) {
        let c = &self.meta["combos"][combo];
        let name = |list: &str, i: &Value| -> Option<String> {
            let i = i.as_u64()?;
            self.meta[list][i as usize].as_str().map(str::to_string)
        };
        (
            name("kinds", &c[0]).expect("every document has a kind"),
            name("categories", &c[1]),
            name("locations", &c[2]),
            c[3].as_u64() == Some(1),
        )
    }

    /// Every key that has postings.
    fn words(&self) -> Vec<&str> {
        self.keys
            .iter()
            .filter(|(_, v)| v.get("p").is_some() || v.get("f").is_some())
            .map(|(k, _)| k.as_str())
            .collect()
    }
}

// ---- sections and documents ------------------------------------------------------------------

#[test]
fn every_heading_section_is_a_document_that_links_to_its_heading() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let index = index(roskilde);

    let docs = index.docs_of("om/");
    let anchors: Vec<&str> = docs.iter().map(|d| d.anchor.as_str()).collect();
    assert_eq!(anchors, ["", "praktisk", "praktisk-1", "tilmeld-dig"]);
    assert!(docs[0].text.contains("altid kaffe"), "{:?}", docs[0]);
    assert!(
        docs[1].text.contains("store lokale") && !docs[1].text.contains("madpakke"),
        "each section holds its own text: {:?}",
        docs[1]
    );
    assert!(docs[2].text.contains("madpakke"), "{:?}", docs[2]);
    assert!(docs[3].text.contains("sekretariatet"), "{:?}", docs[3]);

    // A hit links to page#anchor: every anchor is an id on the rendered page.
    let html = page(roskilde, "om/index.html");
    for doc in &index.docs {
        if doc.anchor.is_empty() {
            continue;
        }
        let target = page(roskilde, &format!("{}index.html", doc.path));
        assert!(
            target
                .select(&sel(&format!("[id=\"{}\"]", doc.anchor)))
                .next()
                .is_some(),
            "{}#{} has no such id on the page",
            doc.path,
            doc.anchor
        );
    }
    assert_eq!(attrs(&html, "main h3[id]", "id"), ["tilmeld-dig"]);
}

#[test]
fn a_heading_with_an_explicit_id_is_indexed_by_its_text() {
    // `### Tilmelding {#tilmeld-dig}`: the id is markup, not words of the heading.
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let doc = index
        .docs
        .iter()
        .find(|d| d.anchor == "tilmeld-dig")
        .expect("no document for the heading with an explicit id");
    assert_eq!(doc.heading, "Tilmelding", "{doc:?}");
    assert!(
        index.titles_with("tilmeld").is_empty(),
        "the id's words are indexed: {:?}",
        index.postings("tilmeld")
    );
}

#[test]
fn documents_carry_the_page_title_kind_breadcrumb_and_course_facts() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));

    let course = index.docs_of("kurser/skrivevaerksted/");
    assert_eq!(course.len(), 2, "{course:?}");
    let lead = course[0];
    assert_eq!(lead.title, "Skriveværksted");
    assert_eq!(lead.kind, "Kursus");
    assert_eq!(lead.breadcrumb, "Kurser");
    assert_eq!(lead.category.as_deref(), Some("Skriveværksted"));
    assert_eq!(lead.location.as_deref(), Some("Makers Corner"));
    let date = lead.date.as_deref().unwrap_or_default();
    assert!(
        date.contains("1. september 2026"),
        "the first meeting in words: {date:?}"
    );
    assert!(
        lead.text.starts_with("Skriv om dit liv sammen med andre."),
        "the summary opens the first section: {:?}",
        lead.text
    );
    assert_eq!(
        (course[1].anchor.as_str(), course[1].heading.as_str()),
        ("hvad-sker-der", "Hvad sker der?")
    );

    let chapter = index.docs_of("manualer/abc/om-metoden/");
    assert_eq!(chapter[0].kind, "Kapitel");
    assert!(
        chapter[0].breadcrumb.starts_with("Manualer")
            && chapter[0].breadcrumb.contains("ABC – Act, Belong, Commit"),
        "{:?}",
        chapter[0].breadcrumb
    );
    assert_eq!(chapter[0].category, None);
    assert_eq!(index.docs_of("manualer/abc/")[0].kind, "Manual");
    assert_eq!(index.docs_of("om/")[0].kind, "Side");

    // Facets without fetching documents: the posting's combination names kind, category, place.
    let posting = index
        .postings("skriveopgave")
        .into_iter()
        .find(|p| index.docs[p.doc].path == "kurser/skrivevaerksted/")
        .expect("no posting of the course");
    assert_eq!(
        index.combo(posting.combo),
        (
            "Kursus".to_string(),
            Some("Skriveværksted".to_string()),
            Some("Makers Corner".to_string()),
            true
        )
    );
}

#[test]
fn finished_courses_are_marked_in_their_facet_combination() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    // "holdet" occurs only in the finished course, "skriveopgave" only in the coming one.
    let past = index.postings("holdet");
    let coming = index.postings("skriveopgave");
    assert_eq!(index.docs[past[0].doc].path, "kurser/gammelt-vaerksted/");
    assert_eq!(index.docs[coming[0].doc].path, "kurser/skrivevaerksted/");
    assert!(
        !index.combo(past[0].combo).3,
        "the finished course ranks as upcoming"
    );
    assert!(
        index.combo(coming[0].combo).3,
        "the coming course ranks as finished"
    );
}

#[test]
fn title_and_heading_words_are_marked_above_body_words() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let field = |key: &str| -> Vec<(String, u64)> {
        index
            .postings(key)
            .iter()
            .map(|p| (index.docs[p.doc].path.clone(), p.field))
            .collect()
    };
    assert_eq!(field("recoveryskolen"), [("om/".to_string(), 3)], "title");
    assert_eq!(
        field("praktisk"),
        [("om/".to_string(), 2), ("om/".to_string(), 2)],
        "both «Praktisk» headings"
    );
    assert_eq!(field("kantinen"), [("om/".to_string(), 1)], "body");
}

// ---- language --------------------------------------------------------------------------------

#[test]
fn keys_are_folded_the_way_a_keyboard_without_danish_letters_types_them() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    for key in [
        "vaerksted",
        "skrivevaerksted",
        "foraeldre",
        "aabent",
        "hoejskole",
        "recoverycafe",
        "paaroerende",
    ] {
        assert!(
            index.keys.contains_key(key),
            "no key {key:?}; keys: {:?}",
            index.words()
        );
    }
    let unfolded: Vec<&str> = index
        .keys
        .keys()
        .map(String::as_str)
        .filter(|k| {
            k.chars()
                .any(|c| c.is_uppercase() || "æøåéèêëáàâíóúüäö".contains(c))
        })
        .collect();
    assert!(
        unfolded.is_empty(),
        "keys not folded to lower case ASCII: {unfolded:?}"
    );
}

#[test]
fn words_written_with_and_without_danish_letters_meet_under_one_key() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    for key in ["foraeldre", "aabent"] {
        assert_eq!(
            index.titles_with(key),
            ["Om forløbene", "Skrevet uden danske bogstaver"],
            "{key}"
        );
    }
}

#[test]
fn stems_of_words_with_danish_letters_are_the_stems_a_query_gets() {
    // A query is stemmed as typed, with its Danish letters (the client and
    // `language::stem` agree, per the shared vectors); the index must point from that same stem
    // at the words it has, or `øvelser` never finds `øvelserne`.
    use vejviser::search::language::{fold, stem};
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let mut missing = Vec::new();
    for word in [
        "øvelserne",
        "pårørende",
        "håbløs",
        "åben",
        "fællesskaberne",
        "forældre",
    ] {
        let (key, folded) = (stem(word), fold(word));
        let reached = key == folded && !index.postings(&key).is_empty()
            || index.keys.get(&key).is_some_and(|e| {
                e["s"]
                    .as_array()
                    .is_some_and(|s| s.iter().any(|w| w.as_str() == Some(folded.as_str())))
            });
        if !reached {
            missing.push(format!(
                "{word}: a query stems it to {key:?}, whose entry is {:?}",
                index.keys.get(&key)
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn decomposed_accents_are_folded_too() {
    // "café" with the accent as a combining character (as some editors save it).
    let project = Project::fixture("search/language");
    project.write(
        "content/roskilde/kaffe.md",
        "---\ntitle: Kaffe\n---\n\nVi drikker kaffe i cafe\u{301}en.\n".as_bytes(),
    );
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let marks: Vec<&str> = index
        .keys
        .keys()
        .map(String::as_str)
        .filter(|k| k.contains('\u{301}'))
        .collect();
    assert!(marks.is_empty(), "keys with a combining accent: {marks:?}");
    assert_eq!(index.titles_with("cafeen"), ["Kaffe"]);
}

#[test]
fn a_stem_points_at_the_inflected_words_it_is_the_stem_of() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    // fællesskaberne → fællesskab: a query for either reaches both.
    assert_eq!(index.titles_with("faellesskab"), ["Om forløbene"]);
    let inflections = index.pointers("faellesskab", "s");
    assert!(
        inflections.contains(&"faellesskaberne".to_string()),
        "{:?}",
        index.entry("faellesskab")
    );
    assert_eq!(index.titles_with("faellesskaberne"), ["Om forløbene"]);
}

#[test]
fn a_word_ending_points_at_the_compound_words_it_ends() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    for (ending, compound, title) in [
        ("vaerksted", "skrivevaerksted", "Skriveværksted"),
        ("cafe", "recoverycafe", "Recoverycafé"),
        ("mestring", "studiemestring", "Studiemestring"),
    ] {
        let compounds = index.pointers(ending, "c");
        assert!(
            compounds.contains(&compound.to_string()),
            "{ending:?} does not point at {compound:?}: {:?}",
            index.entry(ending)
        );
        assert!(
            index.titles_with(compound).contains(&title.to_string()),
            "{compound}"
        );
    }
}

#[test]
fn stop_words_are_not_in_the_index() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let stop: Vec<&str> = index.meta["stop"]
        .as_array()
        .expect("meta lists the stop words for queries")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    // Words the fixture's text has plenty of.
    for word in [
        "og", "er", "der", "paa", "i", "for", "ikke", "har", "med", "en", "et",
    ] {
        assert!(stop.contains(&word), "{word} is not a stop word");
    }
    let indexed: Vec<&&str> = stop
        .iter()
        .filter(|w| !index.postings(w).is_empty())
        .collect();
    assert!(indexed.is_empty(), "stop words with postings: {indexed:?}");
    // The text around them is indexed.
    assert_eq!(index.titles_with("velkomne"), ["Om forløbene"]);
}

#[test]
fn words_are_split_at_unicode_word_boundaries() {
    let project = Project::fixture("search/language");
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    for key in ["abc", "gruppe", "hoejskole", "dagen", "10.30"] {
        assert_eq!(index.titles_with(key), ["Om forløbene"], "{key}");
    }
    for key in ["abc-gruppe", "hoejskole-dagen", "gruppe:", "10"] {
        assert!(index.postings(key).is_empty(), "{key:?} is a key");
    }
}

// ---- what goes in ----------------------------------------------------------------------------

#[test]
fn drafts_unsearchable_excluded_and_other_sites_pages_are_not_in_a_sites_index() {
    let project = Project::fixture("search/visibility");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let gladsaxe = site(&outcome, "gladsaxe");
    let r = index(roskilde);
    let g = index(gladsaxe);

    assert_eq!(r.titles_with("faellesord"), ["Fælles side"]);
    assert_eq!(g.titles_with("faellesord"), ["Fælles side"]);
    assert_eq!(r.titles_with("roskildeord"), ["Roskildes side"]);
    assert_eq!(g.titles_with("gladsaxeord"), ["Gladsaxes side"]);
    assert_eq!(g.titles_with("ekskluderetord"), ["Kun nogle steder"]);

    for word in ["gladsaxeord", "udkastord", "skjultord", "ekskluderetord"] {
        assert!(r.postings(word).is_empty(), "{word} is in Roskilde's index");
    }
    assert!(g.postings("roskildeord").is_empty());
    let every_text: String = r
        .docs
        .iter()
        .map(|d| format!("{} {} {}\n", d.title, d.heading, d.text))
        .collect();
    for absent in [
        "Gladsaxes side",
        "Nyt hold til efteråret",
        "Intern vejledning",
        "Kun nogle steder",
    ] {
        assert!(
            !every_text.contains(absent),
            "{absent} is in Roskilde's documents"
        );
    }
    // The unsearchable page is still published, only not found by search.
    assert!(roskilde.text("skjult/index.html").is_some());
}

#[test]
fn an_unsearchable_page_is_left_out_of_the_a_to_aa_list_too() {
    let project = Project::fixture("search/visibility");
    let outcome = project.build_ok();
    let search = page(site(&outcome, "roskilde"), "sog/index.html");
    let listed = texts(&search, "[data-search-index-list] .page-index a");
    assert!(listed.contains(&"Roskildes side".to_string()), "{listed:?}");
    for absent in [
        "Intern vejledning",
        "Nyt hold til efteråret",
        "Gladsaxes side",
        "Kun nogle steder",
    ] {
        assert!(
            !listed.contains(&absent.to_string()),
            "{absent} is listed: {listed:?}"
        );
    }
}
