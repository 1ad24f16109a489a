//! Search by what a page's template shows rather than its Markdown: a course's weekday, place,
//! referral, mode, audiences and availability, a session's number; one hit per page; excerpts
//! that read as text.
//!
//! Queries are ranked here as the browser's client ranks them (`search.js`: every word must
//! match; exact, stemmed and, for the last word, prefix matches; the best field a word is in;
//! coming courses above finished ones), on the index read back from the built files. The
//! browser tests check the client itself on the example sites.

use std::collections::BTreeMap;

use vejviser::search::language::{fold, is_stop_word, stem, tokens};

use crate::common::*;
use crate::search::*;

/// The pages `query` finds, best first, one entry per page.
fn search(index: &Index, query: &str) -> Vec<String> {
    let words: Vec<(&str, String)> = tokens(query)
        .map(|raw| (raw, fold(raw)))
        .filter(|(_, folded)| !folded.is_empty() && !is_stop_word(folded))
        .collect();
    let mut per_word: Vec<BTreeMap<usize, f64>> = Vec::new();
    for (i, (raw, folded)) in words.iter().enumerate() {
        let mut terms: BTreeMap<String, f64> = BTreeMap::new();
        let mut add = |term: &str, weight: f64| {
            let w = terms.entry(term.to_string()).or_default();
            *w = w.max(weight);
        };
        add(folded, 1.0);
        let stemmed = stem(raw);
        add(&stemmed, 0.8);
        for key in [folded.as_str(), stemmed.as_str()] {
            let inflections = index.keys.get(key).and_then(|e| e["s"].as_array().cloned());
            for word in inflections.unwrap_or_default() {
                add(word.as_str().unwrap(), 0.8);
            }
        }
        if i + 1 == words.len() || folded.len() >= 3 {
            for key in index.keys.keys().filter(|k| k.starts_with(folded.as_str())) {
                add(key, 0.6);
            }
        }
        let mut scores: BTreeMap<usize, f64> = BTreeMap::new();
        for (term, weight) in &terms {
            for p in index.postings(term) {
                let score = scores.entry(p.doc).or_default();
                *score = score.max(weight * p.field as f64);
            }
        }
        per_word.push(scores);
    }
    let Some((first, rest)) = per_word.split_first() else {
        return Vec::new();
    };
    let mut hits: Vec<(f64, usize)> = first
        .iter()
        .filter(|(doc, _)| rest.iter().all(|w| w.contains_key(doc)))
        .map(|(&doc, score)| {
            let sum = score + rest.iter().map(|w| w[&doc]).sum::<f64>();
            let upcoming = index.combo(combo_of(&index.meta, doc)).3;
            (if upcoming { sum } else { sum / 2.0 }, doc)
        })
        .collect();
    hits.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pages: Vec<String> = Vec::new();
    for (_, doc) in hits {
        let path = &index.docs[doc].path;
        if !pages.contains(path) {
            pages.push(path.clone());
        }
    }
    pages
}

fn built(language: &str) -> Index {
    let project = Project::fixture("search/facts");
    if language != "da" {
        let config = std::fs::read_to_string(project.path("vejviser.yaml")).unwrap();
        let config = config.replace("language: da", &format!("language: {language}"));
        project.write("vejviser.yaml", config.as_bytes());
    }
    let outcome = project.build_ok();
    index(site(&outcome, "roskilde"))
}

/// The facts of the page at `path`, as its first document carries them.
fn facts<'a>(index: &'a Index, path: &str) -> &'a str {
    let doc = index.docs.iter().find(|d| d.path == path);
    &doc.unwrap_or_else(|| panic!("no document of {path}")).facts
}

const WRITING: &str = "kurser/skrivevaerksted/";
const PEERS: &str = "kurser/peer-gruppe/";
const ONLINE: &str = "kurser/peer-gruppe-hjemme/";
const ABOUT: &str = "om/";

#[track_caller]
fn assert_first(index: &Index, query: &str, path: &str) {
    let found = search(index, query);
    assert_eq!(
        found.first().map(String::as_str),
        Some(path),
        "»{query}« finds {found:?}"
    );
}

/// The first hits of `query` are `paths`, in any order (their facts weigh the same).
#[track_caller]
fn assert_leading(index: &Index, query: &str, paths: &[&str]) {
    let found = search(index, query);
    let mut leading: Vec<&str> = found.iter().take(paths.len()).map(String::as_str).collect();
    let mut expected = paths.to_vec();
    leading.sort_unstable();
    expected.sort_unstable();
    assert_eq!(leading, expected, "»{query}« finds {found:?}");
}

#[test]
fn a_course_is_found_by_the_facts_its_page_shows() {
    let index = built("da");
    // Each word is in the text of the page «om» too, but a course's facts weigh as a heading.
    for (query, paths) in [
        ("tirsdag", &[WRITING][..]),
        ("uden henvisning", &[WRITING]),
        ("kræver henvisning", &[PEERS, ONLINE]),
        ("henvisning", &[PEERS, ONLINE, WRITING]),
        ("Makers Corner", &[WRITING]),
        ("Eksempelvej", &[WRITING]),
        ("Dronning Margrethes Vej", &[PEERS]),
        ("online", &[ONLINE, WRITING]),
        ("teams", &[ONLINE]),
        ("online og fremmøde", &[WRITING]),
        ("fremmøde", &[PEERS, WRITING]),
        ("pårørende", &[WRITING]),
        ("paaroerende", &[WRITING]),
        ("venteliste", &[WRITING]),
        ("aflyst", &[PEERS]),
        ("ledige pladser", &[ONLINE]),
        ("torsdag", &[PEERS]),
    ] {
        assert_leading(&index, query, paths);
    }
    // The courses that need one are not found by «uden henvisning»; the page that says both
    // words in its text comes after the course that needs none.
    let found = search(&index, "uden henvisning");
    assert_eq!(found, [WRITING, ABOUT]);
}

#[test]
fn an_online_course_gives_its_online_text_where_a_place_would_be() {
    let index = built("da");
    let online = facts(&index, ONLINE);
    assert!(online.contains("Vi mødes på Teams."), "{online}");
    assert!(online.contains("Online"), "{online}");
    assert!(
        !online.contains("Hovedbiblioteket"),
        "an online course is not found by a place it is not held at: {online}"
    );
    // A course held both ways has both.
    let hybrid = facts(&index, WRITING);
    for words in ["Makers Corner", "Linket sendes", "Online og fremmøde"] {
        assert!(hybrid.contains(words), "{words}: {hybrid}");
    }
    assert!(!search(&index, "hovedbiblioteket").contains(&ONLINE.to_string()));
}

#[test]
fn a_session_is_found_by_its_number_before_every_other_session() {
    let index = built("da");
    for query in ["session 7", "uge 7", "Session 7"] {
        assert_first(&index, query, "manualer/abc/sessioner/uge-07/");
    }
    assert_first(&index, "uge 6", "manualer/abc/sessioner/uge-06/");
    assert_eq!(
        facts(&index, "manualer/abc/sessioner/uge-07/"),
        "Session 7 · uge 7"
    );
}

#[test]
fn an_english_site_says_the_facts_in_english() {
    let index = built("en");
    let writing = facts(&index, WRITING);
    for words in [
        "Tuesday",
        "No referral needed",
        "without referral",
        "Online and in person",
        "Waiting list",
    ] {
        assert!(writing.contains(words), "{words}: {writing}");
    }
    assert!(facts(&index, PEERS).contains("Cancelled"));
    assert_first(&index, "tuesday", WRITING);
    assert_first(&index, "without referral", WRITING);
    assert_first(&index, "waiting list", WRITING);
    assert_first(&index, "session 7", "manualer/abc/sessioner/uge-07/");
    assert_first(&index, "week 7", "manualer/abc/sessioner/uge-07/");
}

#[test]
fn facts_are_words_apart_and_few_bytes() {
    let index = built("da");
    for path in [WRITING, PEERS, ONLINE] {
        let facts = facts(&index, path);
        assert!(
            facts.split(" · ").all(|f| !f.trim().is_empty()),
            "an empty fact: {facts:?}"
        );
        assert!(facts.len() < 300, "{} bytes: {facts}", facts.len());
    }
    // The time of day is not a fact of the index; a weekday never runs into what follows.
    assert!(
        facts(&index, WRITING).starts_with("Skriveværksted · tirsdag · Makers Corner"),
        "{}",
        facts(&index, WRITING)
    );
    // Pages without facts say nothing: an empty string, not a list of nulls.
    assert_eq!(facts(&index, ABOUT), "");
}

#[test]
fn every_document_knows_its_page_from_meta_alone() {
    // meta.js's `starts`: every page's first document; the page's other sections follow it. The
    // client groups its hits by page from it, without fetching a document.
    let index = built("da");
    let starts =
        vejviser::search::decode_doc_list(index.meta["starts"].as_str().expect("meta.starts"));
    assert_eq!(starts.first(), Some(&0));
    let mut page_of: Vec<usize> = Vec::new();
    for (p, &first) in starts.iter().enumerate() {
        let end = starts.get(p + 1).map_or(index.docs.len(), |&s| s as usize);
        assert!(end > first as usize, "{starts:?} is not ascending");
        page_of.extend(std::iter::repeat_n(first as usize, end - first as usize));
    }
    assert_eq!(page_of.len(), index.docs.len());
    for (doc, &page) in page_of.iter().enumerate() {
        assert_eq!(
            index.docs[doc].path, index.docs[page].path,
            "document {doc} ({:?}) is said to be of the page whose first document is {page}",
            index.docs[doc].anchor
        );
        assert_eq!(
            index.docs[doc].anchor.is_empty(),
            doc == page,
            "document {doc} of {} is its page's first only if it has no anchor",
            index.docs[doc].path
        );
    }
    let mut paths: Vec<&str> = page_of
        .iter()
        .map(|&p| index.docs[p].path.as_str())
        .collect();
    paths.dedup();
    let count = paths.len();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(
        paths.len(),
        count,
        "a page's documents are not all together"
    );
    // The page with a heading has two documents, each page one hit.
    assert!(starts.len() < index.docs.len(), "{starts:?}");
    let found = search(&index, "vi");
    let mut unique = found.clone();
    unique.dedup();
    assert_eq!(found, unique);
}

#[test]
fn excerpts_have_no_doubled_stops_and_end_where_a_word_ends() {
    let project = Project::fixture("search/facts");
    let long: String = (0..120).map(|i| format!("fællesskaberne{i} ")).collect();
    project.write(
        "content/roskilde/lang.md",
        format!("---\ntitle: Lang side\ndescription: Om at skrive.\n---\n\n{long}\n").as_bytes(),
    );
    let outcome = project.build_ok();
    let index = index(site(&outcome, "roskilde"));
    for doc in &index.docs {
        for text in [&doc.text, &doc.facts] {
            assert!(
                !text.contains("..") && !text.contains(". ."),
                "a doubled full stop in {}: {text}",
                doc.path
            );
        }
    }
    // The summary and the audience are sentences of their own.
    let writing = index.docs.iter().find(|d| d.path == WRITING).unwrap();
    assert!(
        writing
            .text
            .starts_with("Skriv om dit liv sammen med andre. Voksne over 18. Vi skriver"),
        "{}",
        writing.text
    );
    let lang = index.docs.iter().find(|d| d.path == "lang/").unwrap();
    let kept = lang
        .text
        .strip_suffix(" …")
        .unwrap_or_else(|| panic!("a cut text does not end with an ellipsis: {}", lang.text));
    let last = kept.rsplit(' ').next().unwrap();
    assert!(
        long.split(' ').any(|w| w == last),
        "the text is cut inside a word: …{last}"
    );
    assert!(lang.text.chars().count() <= 482, "{}", lang.text.len());
}
