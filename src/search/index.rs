//! Building one site's index: every searchable section tokenized, folded and stemmed, the
//! postings grouped by term into shards of about [`SHARD_BYTES`], documents into chunks, and
//! everything under a folder named by the index's content.

use super::format::*;
use super::*;

/// Builds the index of a site's searchable pages, its files in `dir` (see [`index_dir`]). The
/// pages are taken, so that each page's text is let go once its documents are written.
pub fn build(mut pages: Vec<IndexPage>, dir: &str) -> SearchIndex {
    // Facet combinations and documents.
    let mut kinds = Interner::default();
    let mut categories = Interner::default();
    let mut locations = Interner::default();
    // Audiences are a facet of several values: a combination names the set a course has.
    let mut audiences = Interner::default();
    let mut audience_sets: Vec<Vec<u32>> = Vec::new();
    let mut audience_set_index: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    let mut combos: Vec<[u32; 5]> = Vec::new();
    let mut combo_index: FxHashMap<[u32; 5], u32> = FxHashMap::default();
    // The page of every document, by document number.
    let mut docs: Vec<usize> = Vec::new();
    let mut page_combo: Vec<u32> = Vec::with_capacity(pages.len());
    // The site's distinct words as written, found in parallel. Folding, stop words and stems
    // then run once per distinct word of the site, not once per occurrence.
    let mut distinct: Vec<&str> = pages
        .par_iter()
        .fold(FxHashSet::default, |mut seen, page: &IndexPage| {
            for s in 0..page.sections.len() {
                for (text, _) in fields(page, s) {
                    seen.extend(tokens(text));
                }
            }
            seen
        })
        .reduce(FxHashSet::default, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        })
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
    // Each section's terms, each with the best field it occurs in. The words are read a second
    // time rather than kept from the first: a site's words as written take more memory than
    // anything else of the build.
    let words_of = &term_of;
    let mut terms_of: Vec<Vec<Vec<InField>>> = pages
        .par_iter()
        .map(|page| {
            (0..page.sections.len())
                .map(|s| {
                    let mut ids: Vec<InField> = fields(page, s)
                        .flat_map(|(text, field)| {
                            tokens(text).filter_map(move |w| {
                                words_of.get(w).map(|&id| InField::new(id, field))
                            })
                        })
                        .collect();
                    best_fields(&mut ids);
                    ids.shrink_to_fit();
                    ids
                })
                .collect()
        })
        .collect();
    for page in &pages {
        let set: Vec<u32> = page.audiences.iter().map(|a| audiences.id(a)).collect();
        let audience_set = if set.is_empty() {
            u32::MAX
        } else {
            *audience_set_index.entry(set.clone()).or_insert_with(|| {
                audience_sets.push(set);
                (audience_sets.len() - 1) as u32
            })
        };
        let key = [
            kinds.id(&page.kind),
            page.category
                .as_deref()
                .map_or(u32::MAX, |c| categories.id(c)),
            page.location
                .as_deref()
                .map_or(u32::MAX, |l| locations.id(l)),
            u32::from(page.upcoming),
            audience_set,
        ];
        let combo = *combo_index.entry(key).or_insert_with(|| {
            combos.push(key);
            (combos.len() - 1) as u32
        });
        page_combo.push(combo);
    }
    // The pages by facet combination, each page's sections together in the page's order.
    let combo_of = &page_combo;
    let mut order: Vec<(u32, usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| (0..page.sections.len()).map(move |s| (combo_of[p], p, s)))
        .collect();
    order.sort_unstable();
    let mut ranges: Vec<[u32; 2]> = Vec::new();
    // Each term's documents with its best field there, documents ascending.
    let mut postings: Vec<Vec<InField>> = vec![Vec::new(); stems_of.len()];
    let mut starts: Vec<u32> = Vec::with_capacity(pages.len());
    for (combo, p, s) in order {
        let doc = docs.len() as u32;
        if s == 0 {
            starts.push(doc);
        }
        docs.push(p);
        if ranges.last().is_none_or(|r| r[1] != combo) {
            ranges.push([doc, combo]);
        }
        // Each section's terms are let go as they become postings: the two are never held whole
        // at once.
        for term in std::mem::take(&mut terms_of[p][s]) {
            postings[term.number() as usize].push(InField::new(doc, term.field()));
        }
    }
    drop(terms_of);
    let terms: FxHashMap<&str, &[InField]> = term_ids
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
            for posting in *postings {
                by_field[3 - usize::from(posting.field().clamp(1, 3))].push(posting.number());
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

    // What the entries were made from goes before the documents are written.
    drop(terms);
    drop(pointers);
    drop(postings);

    // Chunks hold whole pages, as many as make about CHUNK_DOCS documents on this site: a hit
    // is a page, and showing it then takes one chunk.
    let page_docs: Vec<&[usize]> = docs.chunk_by(|a, b| a == b).collect();
    let chunk_pages = (CHUNK_DOCS * page_docs.len() + docs.len() / 2)
        .checked_div(docs.len())
        .unwrap_or(1)
        .max(1);
    let chunk_count = page_docs.len().div_ceil(chunk_pages);
    let meta = Meta {
        v: INDEX_FORMAT,
        ranges,
        shards: shards.iter().map(|(k, _)| k.as_str()).collect(),
        chunks: chunk_count,
        chunk_pages,
        docs: docs.len(),
        combos,
        kinds: kinds.list,
        categories: categories.list,
        locations: locations.list,
        audiences: audiences.list,
        audience_sets,
        stop: language::STOP_WORDS,
        starts: encode_doc_list(&starts),
    };
    let meta_json = serde_json::to_string(&meta).unwrap_or_default();
    drop(meta);
    // Each part is let go as its file is made: the index is the largest thing a build holds.
    let mut files: Vec<(String, String)> = Vec::new();
    files.push(("meta".into(), script("meta", &meta_json)));
    for (i, (_, body)) in shards.into_iter().enumerate() {
        files.push((
            format!("s{i}"),
            script(&format!("s{i}"), &format!("{{{body}}}")),
        ));
    }
    for (i, postings) in own_files.into_iter().enumerate() {
        let name = format!("p{i}");
        files.push((name.clone(), script(&name, &json!(postings).to_string())));
    }
    // Document chunks.
    for (c, chunk) in page_docs.chunks(chunk_pages).enumerate() {
        let mut page_info = serde_json::Map::new();
        let mut list: Vec<serde_json::Value> = Vec::new();
        // Each page whole: its facts once, then its sections in order.
        for &p in chunk.iter().map(|run| &run[0]) {
            let page = &pages[p];
            // Category and place are not repeated here: they are facets, known from the
            // document's number, and words of the facts.
            let info = json!([
                page.title,
                page.path,
                page.kind,
                page.breadcrumb,
                page.date,
                page.facts
            ]);
            page_info.insert(p.to_string(), info);
            list.extend(page.sections.iter().map(|section| {
                json!([
                    p,
                    section.anchor,
                    section.heading,
                    truncate(&section.text, EXCERPT_CHARS)
                ])
            }));
            // Its text is not needed any more.
            pages[p].sections = Vec::new();
        }
        let name = format!("c{c}");
        let body = json!({"d": list, "p": page_info}).to_string();
        files.push((name.clone(), script(&name, &body)));
    }
    SearchIndex {
        meta_path: format!("{dir}meta.js"),
        files: files
            .into_iter()
            .map(|(name, content)| (format!("{dir}{name}.js"), content))
            .collect(),
    }
}

/// The texts of a page's section `s`, each with the field it counts in: the page's title (3)
/// and facts (2, as a heading: what the page says about itself first of all) in its first
/// section, then the section's heading (2) and text (1).
fn fields(page: &IndexPage, s: usize) -> impl Iterator<Item = (&str, u8)> {
    let section = &page.sections[s];
    let page_fields = (s == 0).then_some([(page.title.as_str(), 3), (page.facts.as_str(), 2)]);
    page_fields
        .into_iter()
        .flatten()
        .chain([(section.heading.as_str(), 2), (section.text.as_str(), 1)])
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
        let index = build(pages.clone(), &dir);
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
        let again = build(pages.clone(), &dir);
        assert_eq!(again.files, index.files, "deterministic");
    }
}
