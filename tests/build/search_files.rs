//! The search index as files: few, small, named by their content so a browser may cache them
//! for ever; and the search page's A–Å list of every page, for readers without JavaScript.
//!
//! The index files are scripts, `VejviserSearch.load("<name>",<json>);`: the tests strip the
//! wrapper and read the JSON, starting from the meta file the search page names.

use std::collections::BTreeMap;

use crate::common::*;
use crate::search::*;

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
