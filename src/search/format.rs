//! The search index on disk: what the browser's search client reads. Posting lists are written
//! as compact text (see [`encode_postings`]; `tests/vectors/postings.json` holds the vectors both
//! this encoder and the JavaScript decoder are tested against), shards and document chunks as
//! small `<script>` files so they load from `file://` too, and every file named by its content.

use std::borrow::Cow;

use super::*;

#[derive(Serialize)]
pub(super) struct Meta<'a> {
    pub(super) v: u32,
    /// `[first document, combination]`: the combination of the documents from there on.
    pub(super) ranges: Vec<[u32; 2]>,
    pub(super) shards: Vec<&'a str>,
    pub(super) chunks: usize,
    /// Pages per chunk: chunk `c` holds the documents of pages `c * chunk_pages` and on, in
    /// the order of the documents.
    pub(super) chunk_pages: usize,
    pub(super) docs: usize,
    /// `[kind, category, location, upcoming, audience set]`, indexes into the lists below
    /// (`u32::MAX`: none).
    pub(super) combos: Vec<[u32; 5]>,
    pub(super) kinds: Vec<&'a str>,
    pub(super) categories: Vec<&'a str>,
    pub(super) locations: Vec<&'a str>,
    pub(super) audiences: Vec<&'a str>,
    /// Each a set of indexes into `audiences`.
    pub(super) audience_sets: Vec<Vec<u32>>,
    pub(super) stop: &'a [&'a str],
    /// Every page's first document (see [`encode_doc_list`]): a page's other sections follow
    /// it, so a document's page is known without fetching it.
    pub(super) starts: String,
}

/// The words a key points at besides its own postings.
#[derive(Default)]
pub(super) struct Pointers<'a> {
    /// `s`: words this key is the stem of.
    pub(super) stems: BTreeSet<&'a str>,
    /// `c`: longer words that end with this key (compounds).
    pub(super) compounds: BTreeSet<&'a str>,
    /// `t`: words this key is the end of, one or two letters in: where a typo at the start lands.
    pub(super) typos: BTreeSet<&'a str>,
}

/// Interns strings into a list, returning each one's index.
#[derive(Default)]
pub(super) struct Interner<'a> {
    pub(super) list: Vec<&'a str>,
    pub(super) index: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    pub(super) fn id(&mut self, s: &'a str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(s);
        self.index.insert(s, i);
        i
    }
}

/// At most `chars` characters of `text` for excerpts, cut where a word ends and then marked
/// ` …`: an excerpt never shows half a word as if it were whole.
pub(super) fn truncate(text: &str, chars: usize) -> Cow<'_, str> {
    let Some((end, _)) = text.char_indices().nth(chars) else {
        return Cow::Borrowed(text);
    };
    let kept = match text[end..].starts_with(char::is_whitespace) {
        true => &text[..end],
        false => text[..end]
            .rsplit_once(char::is_whitespace)
            .map_or("", |(k, _)| k),
    };
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
    Cow::Owned(format!("{kept} …"))
}

/// The digits of the posting encoding: 64 characters that need no escaping in JSON.
pub(super) const DIGITS: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The bits of a document list written as a bitmap.
pub(super) const BITS: usize = 6;

/// A key's documents as a string: its title, heading and body lists (see [`encode_doc_list`]),
/// joined by `.`.
pub fn encode_postings(lists: &[Vec<u32>; 3]) -> String {
    let mut out = String::new();
    for (i, docs) in lists.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&encode_doc_list(docs));
    }
    out
}

/// Ascending documents as a string: the differences between them, each in base 32 with the low
/// digits first and a continuation bit (as in source maps), or — when shorter, as for a word on
/// most pages — `!` and a bitmap of all documents up to the last, six to a digit.
pub fn encode_doc_list(docs: &[u32]) -> String {
    let mut previous = 0;
    let deltas = encode_varints(docs.iter().map(|&doc| {
        let delta = doc - previous;
        previous = doc;
        delta
    }));
    let bitmap_len = docs.last().map_or(0, |&d| d as usize / BITS + 2);
    if bitmap_len >= deltas.len() {
        return deltas;
    }
    let mut bits = vec![0usize; bitmap_len - 1];
    for &doc in docs {
        bits[doc as usize / BITS] |= 1 << (doc as usize % BITS);
    }
    let mut out = String::with_capacity(bitmap_len);
    out.push('!');
    out.extend(bits.into_iter().map(|b| DIGITS[b] as char));
    out
}

/// Numbers each in base 32 with the low digits first and a continuation bit, as source maps
/// write them: the delta lists of [`encode_doc_list`].
fn encode_varints(values: impl IntoIterator<Item = u32>) -> String {
    let mut out = String::new();
    for mut value in values {
        loop {
            let mut digit = (value & 31) as usize;
            value >>= 5;
            if value > 0 {
                digit |= 32;
            }
            out.push(DIGITS[digit] as char);
            if value == 0 {
                break;
            }
        }
    }
    out
}

/// The inverse of [`encode_varints`].
fn decode_varints(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut value, mut shift) = (0u32, 0u32);
    for c in text.bytes() {
        let d = DIGITS.iter().position(|&d| d == c).unwrap_or(0) as u32;
        value |= (d & 31) << shift;
        if d & 32 != 0 {
            shift += 5;
        } else {
            out.push(value);
            value = 0;
            shift = 0;
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
        out.extend(decode_doc_list(list).into_iter().map(|doc| (doc, field)));
    }
    out
}

/// The inverse of [`encode_doc_list`].
pub fn decode_doc_list(list: &str) -> Vec<u32> {
    let Some(bitmap) = list.strip_prefix('!') else {
        let mut previous = 0;
        return decode_varints(list)
            .into_iter()
            .map(|delta| {
                previous += delta;
                previous
            })
            .collect();
    };
    let digit = |c: u8| DIGITS.iter().position(|&d| d == c).unwrap_or(0) as u32;
    let mut out = Vec::new();
    for (k, c) in bitmap.bytes().enumerate() {
        let bits = digit(c);
        out.extend(
            (0..BITS)
                .filter(|b| bits & (1 << b) != 0)
                .map(|b| (k * BITS + b) as u32),
        );
    }
    out
}

/// A number (a term's or a document's) and the field it occurs in (3 title, 2 heading, 1 body),
/// in one `u32`: half the size of a `(u32, u8)` pair, and a site's postings are the largest thing
/// building its index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct InField(u32);

impl InField {
    pub(super) fn new(number: u32, field: u8) -> Self {
        debug_assert!(number < 1 << 30 && field <= 3);
        InField(number << 2 | u32::from(field))
    }

    pub(super) fn number(self) -> u32 {
        self.0 >> 2
    }

    pub(super) fn field(self) -> u8 {
        (self.0 & 3) as u8
    }
}

/// Sorts a section's words and keeps each once, with the best field it occurs in.
pub(super) fn best_fields(words: &mut Vec<InField>) {
    // By number, and the best field first within one.
    words.sort_unstable_by_key(|w| (w.number(), std::cmp::Reverse(w.field())));
    words.dedup_by_key(|w| w.number());
}

/// Wraps a file's data as a script that hands it to the client (no `fetch`: works from disk).
/// `</` is written `<\/`, so no text in the data can end the script element.
pub(super) fn script(name: &str, data: &str) -> String {
    let name = serde_json::to_string(name).unwrap_or_default();
    let mut out = String::with_capacity(data.len() + name.len() + 32);
    out.push_str("VejviserSearch.load(");
    out.push_str(&name);
    out.push(',');
    let mut rest = data;
    while let Some(at) = rest.find("</") {
        out.push_str(&rest[..at]);
        out.push_str("<\\/");
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out.push_str(");\n");
    out
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
pub(super) const INDEX_FORMAT: u32 = 5;

#[cfg(test)]
mod tests {
    use super::*;

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
        // meta.starts: every page's first document, one such list.
        let starts: Vec<u32> = (0..1_000).map(|p| p * 4 + p % 3).collect();
        let text = encode_doc_list(&starts);
        assert!(
            text.starts_with('!') && text.len() < starts.len(),
            "{}",
            text.len()
        );
        assert_eq!(decode_doc_list(&text), starts);
        assert_eq!(decode_doc_list(&encode_doc_list(&[0, 7, 700])), [0, 7, 700]);
        assert_eq!(decode_doc_list(""), Vec::<u32>::new());
    }

    #[test]
    fn excerpts_are_cut_where_a_word_ends() {
        assert_eq!(truncate("kort tekst", 40), "kort tekst");
        assert_eq!(truncate("Vi skriver sammen", 7), "Vi …");
        assert_eq!(truncate("Vi skriver, sammen", 11), "Vi skriver …");
        assert_eq!(truncate("Vi skriver sammen", 10), "Vi skriver …");
        assert_eq!(
            decode_varints(&encode_varints([0, 31, 32, 5000])),
            [0, 31, 32, 5000]
        );
    }

    /// The vectors the browser's decoder is checked against too
    /// (`tests/browser/postings.test.mjs`): if both pass, the two sides read the index alike.
    #[test]
    fn encoder_and_decoder_match_the_shared_vectors() {
        let path = format!("{}/tests/vectors/postings.json", env!("CARGO_MANIFEST_DIR"));
        let vectors: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).unwrap();
        let cases = vectors["cases"].as_array().unwrap();
        assert!(cases.len() >= 10, "too few vectors to mean much");
        let mut bitmaps = 0;
        for case in cases {
            let lists: [Vec<u32>; 3] = serde_json::from_value(case["lists"].clone()).unwrap();
            let encoded = case["encoded"].as_str().unwrap();
            let postings: Vec<(u32, u8)> =
                serde_json::from_value(case["postings"].clone()).unwrap();
            assert_eq!(encode_postings(&lists), encoded, "encoding {lists:?}");
            assert_eq!(decode_postings(encoded), postings, "decoding {encoded:?}");
            bitmaps += encoded.matches('!').count();
        }
        assert!(
            bitmaps >= 3,
            "the vectors must hold bitmaps as well as deltas"
        );
    }
}
