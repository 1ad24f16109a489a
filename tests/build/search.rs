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
struct Doc {
    title: String,
    /// Site path of the page (`kurser/x/`).
    path: String,
    kind: String,
    breadcrumb: String,
    category: Option<String>,
    location: Option<String>,
    date: Option<String>,
    /// The heading's id; `""` for the text before the first heading.
    anchor: String,
    heading: String,
    text: String,
}

/// A posting decoded: the document, its facet combination (from `ranges` in meta.js) and the
/// field the key occurs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Posting {
    doc: usize,
    combo: usize,
    /// 3 title, 2 heading, 1 body.
    field: u64,
}

/// A site's search index, read back from its files.
struct Index {
    /// `sog/index/<hash>/`.
    dir: String,
    /// Every file of the folder, by name (`meta.js`, `s0.js`, `c0.js` …).
    files: Vec<String>,
    meta: Value,
    /// Every key of every term shard, with its entry (`p`, `s`, `c`).
    keys: BTreeMap<String, Value>,
    /// The keys of each shard, in file order.
    shards: Vec<Vec<String>>,
    docs: Vec<Doc>,
    /// Posting lists in files of their own (`p<n>.js`), by `n`.
    own: BTreeMap<u64, String>,
}

/// The data of an index file: `VejviserSearch.load("s0",{…});` → `("s0", {…})`.
fn unwrap_script(path: &str, text: &str) -> (String, Value) {
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

fn str_or_none(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// The index the search page's form names (`data-index`), read back from the site's files.
fn index(site: &SiteFiles) -> Index {
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

    let chunk_size = meta["chunk"].as_u64().expect("meta.chunk") as usize;
    let doc_count = meta["docs"].as_u64().expect("meta.docs") as usize;
    let mut docs = Vec::new();
    for d in 0..doc_count {
        let chunk = data
            .get(&format!("c{}", d / chunk_size))
            .unwrap_or_else(|| panic!("no chunk for document {d}"));
        let entry = &chunk["d"][d % chunk_size];
        let page_info = &chunk["p"][entry[0].to_string()];
        docs.push(Doc {
            title: page_info[0].as_str().unwrap().to_string(),
            path: page_info[1].as_str().unwrap().to_string(),
            kind: page_info[2].as_str().unwrap().to_string(),
            breadcrumb: page_info[3].as_str().unwrap_or_default().to_string(),
            category: str_or_none(&page_info[4]),
            location: str_or_none(&page_info[5]),
            date: str_or_none(&page_info[6]),
            anchor: entry[1].as_str().unwrap().to_string(),
            heading: entry[2].as_str().unwrap().to_string(),
            text: entry[3].as_str().unwrap().to_string(),
        });
    }
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
    fn postings(&self, key: &str) -> Vec<Posting> {
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
        let ranges = self.meta["ranges"].as_array().expect("meta.ranges");
        let combo_of = |doc: usize| {
            let range = ranges
                .iter()
                .rev()
                .find(|r| r[0].as_u64().unwrap() as usize <= doc)
                .expect("every document is in a range");
            range[1].as_u64().unwrap() as usize
        };
        let mut postings: Vec<Posting> = vejviser::search::decode_postings(text)
            .into_iter()
            .map(|(doc, field)| Posting {
                doc: doc as usize,
                combo: combo_of(doc as usize),
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
    fn titles_with(&self, key: &str) -> Vec<String> {
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
    fn combo(&self, combo: usize) -> (String, Option<String>, Option<String>, bool) {
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

// ---- files -----------------------------------------------------------------------------------

#[test]
fn the_index_lives_in_a_folder_named_by_its_content() {
    let project = Project::fixture("search/sections");
    let first = project.build_ok();
    let again = project.build_ok();
    let a = index(site(&first, "roskilde"));
    let b = index(site(&again, "roskilde"));

    let hash = a
        .dir
        .strip_prefix("sog/index/")
        .and_then(|h| h.strip_suffix('/'))
        .unwrap_or_else(|| panic!("the index is not in sog/index/<hash>/: {}", a.dir));
    assert!(
        hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{hash:?} is not a content hash"
    );
    assert_eq!(
        a.dir, b.dir,
        "a rebuild of the same content moves the index"
    );
    let files_of = |outcome: &vejviser::BuildOutcome, dir: &str| -> Vec<(String, Vec<u8>)> {
        site(outcome, "roskilde")
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(dir))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    };
    assert!(
        files_of(&first, &a.dir) == files_of(&again, &b.dir),
        "a rebuild of the same content changes the index files"
    );
    assert!(
        a.files.contains(&"meta.js".to_string())
            && a.files.contains(&"s0.js".to_string())
            && a.files.contains(&"c0.js".to_string()),
        "{:?}",
        a.files
    );
    // Nothing of the index lies outside its folder.
    let stray: Vec<&String> = site(&first, "roskilde")
        .files
        .keys()
        .filter(|p| p.starts_with("sog/index/") && !p.starts_with(&a.dir))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");

    // New words: a new folder, named by every page's search.
    project.write(
        "content/roskilde/om.md",
        "---\ntitle: Om Recoveryskolen\n---\n\nNu med strikkecafé.\n".as_bytes(),
    );
    let changed = project.build_ok();
    let roskilde = site(&changed, "roskilde");
    let c = index(roskilde);
    assert_ne!(c.dir, a.dir, "changed content keeps the index folder name");
    assert!(c.keys.contains_key("strikkecafe"));
    assert!(
        !roskilde.files.keys().any(|p| p.starts_with(&a.dir)),
        "the old index folder is still in the site"
    );
}

#[test]
fn the_search_page_names_the_index_meta_file() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let search = page(roskilde, "sog/index.html");
    let href = attrs(&search, "form[data-search]", "data-index");
    assert_eq!(href.len(), 1, "{href:?}");
    let meta = resolve("sog/", &href[0]);
    let text = roskilde
        .text(&meta)
        .unwrap_or_else(|| panic!("{meta} is not in the site"));
    let (name, data) = unwrap_script(&meta, text);
    assert_eq!(name, "meta");
    assert!(
        data["shards"].is_array() && data["docs"].as_u64() > Some(0),
        "{data}"
    );
    // The scripts that read it are on the page.
    let scripts = attrs(&search, "script[src]", "src");
    assert!(
        scripts.iter().any(|s| s.contains("search-language"))
            && scripts.iter().any(|s| s.contains("/search.")),
        "{scripts:?}"
    );
}

#[test]
fn every_page_has_a_search_box_in_its_header_that_leads_to_the_search_page() {
    let project = Project::fixture("search/sections");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let mut checked = 0;
    for file in html_files(roskilde) {
        let from = site_path(file);
        if from == "sog/" || !file.ends_with("index.html") {
            continue;
        }
        let doc = page(roskilde, file);
        if doc
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .is_some()
        {
            continue; // a redirect (`was/`), not a page
        }
        let forms: Vec<_> = doc.select(&sel("header form[role=search]")).collect();
        assert_eq!(
            forms.len(),
            1,
            "/{from}: header search forms: {}",
            forms.len()
        );
        let form = forms[0].value();
        // GET is a form's default (a theme may leave `method` out); only POST would be wrong.
        let method = form.attr("method").unwrap_or("get").to_lowercase();
        assert_eq!(method, "get", "/{from}");
        let action = resolve(from, form.attr("action").unwrap_or_default());
        assert!(
            action == "sog/" || action == "sog/index.html",
            "/{from}: the header search goes to {action}"
        );
        assert_eq!(
            forms[0].select(&sel("input[name=q]")).count(),
            1,
            "/{from}: no q field"
        );
        let id = forms[0]
            .select(&sel("input[name=q]"))
            .next()
            .and_then(|i| i.value().attr("id"))
            .unwrap_or_default()
            .to_string();
        assert!(
            doc.select(&sel(&format!("label[for=\"{id}\"]")))
                .next()
                .is_some(),
            "/{from}: the header search field has no label"
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} pages checked");

    // The search page's own form reads ?q= from its own address.
    let search = page(roskilde, "sog/index.html");
    let form = one(&search, "form[data-search]");
    assert_eq!(
        resolve("sog/", form.value().attr("action").unwrap_or_default()),
        "sog/index.html"
    );
    assert_eq!(
        attrs(&search, "form[data-search] input[name=q]", "id"),
        ["sog-q"]
    );
    assert_eq!(attrs(&search, "#search-status", "aria-live"), ["polite"]);
    assert_eq!(search.select(&sel("#search-results")).count(), 1);
}

/// Sentences to build many pages from: a site's vocabulary is mostly shared between its pages.
const SENTENCES: &[&str] = &[
    "Vi mødes hver tirsdag i det store lokale og drikker en kop kaffe sammen.",
    "Gruppen taler om håb, venskab og de små skridt, der gør hverdagen lettere.",
    "Du behøver ikke en henvisning: du melder dig selv til hos Recoveryskolen.",
    "Facilitatoren byder velkommen og fortæller kort om dagens øvelse.",
    "Deltagerne skriver tre ting ned, som de gerne vil prøve i løbet af ugen.",
    "Efter pausen går gruppen en tur i byen og besøger en forening.",
    "Mange oplever, at fællesskabet giver mod på at komme ud blandt andre.",
    "Husk navneskilte, tusser og et stort ark papir til væggen.",
    "Samtalen slutter med en runde, hvor alle siger noget om dagen.",
    "Kurset er gratis og åbent for alle voksne over 18 år.",
    "Skriveværkstedet og recoverycaféen holder til på biblioteket i vinterhalvåret.",
    "Studiemestring handler om at planlægge, læse og holde fast i en uddannelse.",
];

#[test]
fn sixty_pages_give_a_few_dozen_index_files_at_most() {
    let project = Project::fixture("search/many");
    for i in 0..60 {
        let s = |k: usize| SENTENCES[(i * 7 + k) % SENTENCES.len()];
        let body = format!(
            "---\ntitle: Emne {i} om {}\n---\n\n{} {}\n\n## Forberedelse {i}\n\n{} {}\n\n## Undervejs\n\n{} {}\n\n## Bagefter\n\n{} Side nummer {i}, emneord{i}.\n",
            ["trivsel", "netværk", "søvn", "arbejde", "håb", "mestring"][i % 6],
            s(0),
            s(1),
            s(2),
            s(3),
            s(4),
            s(5),
            s(6)
        );
        project.write(&format!("content/roskilde/emne-{i:02}.md"), body.as_bytes());
    }
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    assert!(index.docs.len() >= 240, "{} documents", index.docs.len());
    assert!(
        index.files.len() < 40,
        "60 pages give {} index files: {:?}",
        index.files.len(),
        index.files
    );
    assert!(
        index.shards.len() > 1 || index.keys.len() < 200,
        "one monolithic term file"
    );
    let meta_bytes = site(&outcome, "roskilde")
        .files
        .get(&format!("{}meta.js", index.dir))
        .map_or(0, Vec::len);
    assert!(meta_bytes < 8 * 1024, "meta.js is {meta_bytes} bytes");
    // The shards split the sorted keys at the first keys meta lists: a query reads only the
    // shards its words fall in.
    let firsts: Vec<&str> = index.meta["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for (i, keys) in index.shards.iter().enumerate() {
        assert!(!keys.is_empty(), "shard {i} is empty");
        assert_eq!(
            keys[0], firsts[i],
            "shard {i} does not start at its first key"
        );
        for k in keys {
            assert!(k.as_str() >= firsts[i], "{k} is before shard {i}");
            if let Some(next) = firsts.get(i + 1) {
                assert!(k.as_str() < *next, "{k} belongs to shard {}", i + 1);
            }
        }
    }
    // Every word of a page is found: emneord37 only in page 37.
    assert_eq!(index.titles_with("emneord37"), ["Emne 37 om netværk"]);
}

#[test]
fn facet_values_stay_right_with_hundreds_of_combinations() {
    // 17 categories × 8 places × coming or finished: 272 different facet combinations, more than
    // the 256 a posting's combination number has room for. Every course must still decode to
    // its own category, place and status, or its facets and its rank are another course's.
    let project = Project::fixture("search/many");
    let mut config = String::from("title: Forløb\nlanguage: da\ntheme: default\ncategories:\n");
    for c in 0..17 {
        config.push_str(&format!("  kategori-{c}: {{ label: Kategori {c} }}\n"));
    }
    project.write("vejviser.yaml", config.as_bytes());
    let mut site_yaml = String::from(
        "name: Roskilde Kommune\nbase_url: https://roskilde.example.dk/\naccessibility_statement: https://was.example.dk/roskilde\nlocations:\n",
    );
    for l in 0..8 {
        site_yaml.push_str(&format!(
            "  sted-{l}: {{ name: Sted {l}, address: \"Vej {l}, 4000 Roskilde\" }}\n"
        ));
    }
    project.write("content/roskilde/_site.yaml", site_yaml.as_bytes());
    let mut expected = BTreeMap::new();
    for c in 0..17 {
        for l in 0..8 {
            for (when, start) in [("kommende", "2026-09-01"), ("afsluttet", "2026-01-06")] {
                let slug = format!("k{c}-s{l}-{when}");
                let body = format!(
                    "---\ntitle: Hold {c} {l} {when}\ncategory: kategori-{c}\nreferral: false\nlocation: sted-{l}\nschedule:\n  start: {start}\n  weeks: 2\n  time: \"10:00-12:00\"\n---\n\nHoldord{c}x{l}{when}.\n"
                );
                project.write(
                    &format!("content/roskilde/kurser/{slug}.md"),
                    body.as_bytes(),
                );
                expected.insert(
                    format!("kurser/{slug}/"),
                    (
                        "Kursus".to_string(),
                        Some(format!("Kategori {c}")),
                        Some(format!("Sted {l}")),
                        when == "kommende",
                    ),
                );
            }
        }
    }
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    let mut wrong = Vec::new();
    for (key, entry) in &index.keys {
        if !key.starts_with("holdord") || entry.get("p").is_none() {
            continue;
        }
        for p in index.postings(key) {
            let path = &index.docs[p.doc].path;
            let got = index.combo(p.combo);
            if expected.get(path) != Some(&got) {
                wrong.push(format!("{path}: {got:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} courses decode to another course's facets, e.g. {:?}",
        wrong.len(),
        expected.len(),
        &wrong[..wrong.len().min(3)]
    );
}

// ---- the A–Å list ----------------------------------------------------------------------------

/// The links (text, href) listed under the A–Å list's heading `letter`.
fn letter_group(doc: &scraper::Html, letter: &str) -> Vec<(String, String)> {
    let headings: Vec<_> = doc
        .select(&sel("[data-search-index-list] h3"))
        .filter(|h| text(*h) == letter)
        .collect();
    assert_eq!(
        headings.len(),
        1,
        "expected one group {letter:?}; the groups are {:?}",
        texts(doc, "[data-search-index-list] h3")
    );
    let list = headings[0]
        .next_siblings()
        .filter_map(scraper::ElementRef::wrap)
        .next()
        .unwrap_or_else(|| panic!("nothing follows the group {letter:?}"));
    list.select(&sel("a"))
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn without_javascript_the_search_page_lists_every_page_from_a_to_aa() {
    let project = Project::fixture("search/alphabet");
    let outcome = project.build_ok();
    let roskilde = site(&outcome, "roskilde");
    let search = page(roskilde, "sog/index.html");

    // The results area waits for the script; the list is there without it.
    assert!(
        one(&search, "[data-search-ui]")
            .value()
            .attr("hidden")
            .is_some(),
        "the empty results area shows without JavaScript"
    );
    let list = one(&search, "[data-search-index-list]");
    assert!(
        list.value().attr("hidden").is_none(),
        "the A–Å list is hidden"
    );

    let letters = texts(&search, "[data-search-index-list] h3");
    let alphabetic: Vec<&str> = letters
        .iter()
        .map(String::as_str)
        .filter(|l| l.chars().all(char::is_alphabetic))
        .collect();
    assert_eq!(
        alphabetic,
        ["A", "B", "E", "Z", "Æ", "Ø", "Å"],
        "{letters:?}"
    );

    // The letter links jump to their group.
    let ids = attrs(&search, "[data-search-index-list] h3", "id");
    let targets: Vec<String> = attrs(&search, "[data-search-index-list] nav a", "href")
        .iter()
        .map(|h| h.trim_start_matches('#').to_string())
        .collect();
    assert_eq!(targets, ids);

    // Each group lists its pages, in Danish order, linking to them.
    let group = |letter: &str| -> Vec<(String, String)> {
        letter_group(&search, letter)
            .into_iter()
            .map(|(t, h)| (t, resolve("sog/", &h)))
            .collect()
    };
    assert_eq!(
        group("A"),
        [("Alfabetet".to_string(), "alfabetet/".to_string())]
    );
    assert_eq!(group("Æ")[0].0, "Æblehaven");
    assert_eq!(group("Ø")[0].0, "Øvelser i naturen");
    assert_eq!(group("Å")[0].0, "Åben café");
    for (_, path) in group("Æ").iter().chain(&group("Ø")).chain(&group("Å")) {
        assert!(
            roskilde.text(&format!("{path}index.html")).is_some(),
            "{path}"
        );
    }
    let all = texts(&search, "[data-search-index-list] .page-index a");
    assert!(!all.contains(&"Skjult side".to_string()), "{all:?}");
    let kinds = texts(&search, "[data-search-index-list] .page-kind");
    assert!(kinds.iter().all(|k| k == "(Side)"), "{kinds:?}");
}

#[test]
fn an_accented_capital_is_listed_under_its_plain_letter() {
    // "Én aften om ugen" sorts between "Efterår" and "Evaluering": one E group, not E, É, E.
    let project = Project::fixture("search/alphabet-accent");
    let outcome = project.build_ok();
    let search = page(site(&outcome, "roskilde"), "sog/index.html");
    let letters = texts(&search, "[data-search-index-list] h3");
    let ids = attrs(&search, "[data-search-index-list] h3", "id");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        ids.len(),
        "duplicate ids {ids:?} for {letters:?}"
    );
    let e: Vec<String> = letter_group(&search, "E")
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        e,
        ["Efterår i haven", "Én aften om ugen", "Evaluering"],
        "{letters:?}"
    );
}
