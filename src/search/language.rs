//! The language rules the index and the browser client share: words, folding, stemming, stop
//! words. `themes/default/static/search-language.js` implements the same rules for queries; the
//! vectors in `tests/vectors/search-language.json` are checked against both sides.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// Lower case, Danish letters written the way a keyboard without them does (æ→ae, ø→oe, å→aa),
/// accents dropped (é→e). So `værksted` and `vaerksted` meet, and `Recoverycafé` is `recoverycafe`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let lower = text.to_lowercase();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        // A letter written with a separate combining mark (a + ◌̊) folds like the composed one.
        let c = match (c, chars.peek()) {
            ('a', Some('\u{30a}')) => 'å',
            ('a', Some('\u{308}')) => 'ä',
            ('o', Some('\u{308}')) => 'ö',
            ('u', Some('\u{308}')) => 'ü',
            (c, _) => c,
        };
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'á' | 'à' | 'â' => out.push('a'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ó' | 'ò' | 'ô' => out.push('o'),
            'ú' | 'ù' | 'û' => out.push('u'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            // Combining accents (U+0300–U+036F) are dropped: `cafe◌́` is `cafe`.
            '\u{300}'..='\u{36f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The folded Snowball (Danish) stem of a word: `fællesskaberne` → `faellesskab`. The stemmer
/// runs on the word with its Danish letters; folding comes after.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::Danish);
    }
    let lower = word.to_lowercase();
    STEMMER.with(|s| fold(&s.stem(&lower)))
}

/// The words of a text, by Unicode word segmentation (UAX #29).
///
/// Most of a Danish text is plain words between spaces, with perhaps a comma or a full stop
/// after: those are taken as they are, and only what else a space-separated piece holds (a
/// hyphen, an apostrophe, a letter outside Latin) goes through the full segmentation, which gives
/// the same words for the plain ones, only slower.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().flat_map(|piece| {
        let word = piece.trim_matches(|c| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '«' | '»' | '“' | '”'
            )
        });
        let plain = !word.is_empty() && word.chars().all(plain_word_char);
        let (one, segmented) = if plain {
            (Some(word), None)
        } else {
            (None, Some(piece.unicode_words()))
        };
        one.into_iter().chain(segmented.into_iter().flatten())
    })
}

/// Letters and digits that UAX #29 keeps together in any order: ASCII, and the Latin letters of
/// Latin-1 and Latin Extended-A (æ, ø, å, é, ü, ł …).
fn plain_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (('\u{c0}'..='\u{17f}').contains(&c) && c != '\u{d7}' && c != '\u{f7}')
}

/// Danish stop words (Snowball's list, folded): too common to help find anything, so they are
/// left out of the index and ignored in queries.
pub const STOP_WORDS: &[&str] = &[
    "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "paa", "de", "med", "han",
    "af", "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min",
    "havde", "ham", "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man",
    "hans", "hvor", "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind",
    "naar", "vaere", "dog", "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne",
    "end", "dette", "mit", "ogsaa", "under", "have", "dig", "anden", "hende", "mine", "alt",
    "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange",
    "ad", "bliver", "hendes", "vaeret", "thi", "jer", "saadan",
];

pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok() || STOP_WORDS.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_meets_the_danish_keyboard_problem() {
        assert_eq!(fold("Værksted"), "vaerksted");
        assert_eq!(fold("FORÆLDRE"), "foraeldre");
        assert_eq!(fold("åbent"), "aabent");
        assert_eq!(fold("Højskole"), "hoejskole");
        assert_eq!(fold("Recoverycafé"), "recoverycafe");
        assert_eq!(fold("vaerksted"), "vaerksted");
        assert_eq!(fold("cafe\u{301}en"), "cafeen");
        assert_eq!(fold("a\u{30a}bent"), "aabent");
    }

    #[test]
    fn stemming_joins_inflections() {
        assert_eq!(stem("fællesskaberne"), stem("fællesskab"));
        assert_eq!(stem("fællesskaberne"), "faellesskab");
        assert_eq!(stem("deltagerne"), stem("deltager"));
    }

    #[test]
    fn words_and_stop_words() {
        let words: Vec<&str> = tokens("Mød andre – i en ABC-gruppe, 2. februar 2027!").collect();
        assert_eq!(
            words,
            ["Mød", "andre", "i", "en", "ABC", "gruppe", "2", "februar", "2027"]
        );
        assert!(is_stop_word("og"));
        assert!(is_stop_word(&fold("på")));
        assert!(!is_stop_word("vaerksted"));
    }

    /// The quick path for plain words gives what full segmentation gives.
    #[test]
    fn words_are_those_of_full_segmentation() {
        let mut texts: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/content/_shared"))
            .into_iter()
            .flatten()
            .flatten()
        {
            for file in walkdir::WalkDir::new(entry.path()).into_iter().flatten() {
                if let Ok(text) = std::fs::read_to_string(file.path()) {
                    texts.push(text);
                }
            }
        }
        // Every pair of these pieces, joined and as neighbours: punctuation at the ends and
        // inside, numbers, letters beyond Latin, marks, quotes.
        let pieces = [
            "værksted",
            "ABC-gruppe",
            "2.",
            "2.5",
            "3,5",
            "kl.",
            "e.g.",
            "(uge",
            "10)",
            "«Hej»",
            "“citat”",
            "don't",
            "it's",
            "’s",
            "øl!",
            "Å?",
            "é",
            "e\u{301}",
            "naïve",
            "Straße",
            "ﬁ",
            "日本語",
            "Ελλάδα",
            "Москва",
            "×",
            "a×b",
            "½",
            "²",
            "_x_",
            "a_b",
            "#1",
            "@",
            "…",
            "–",
            "a—b",
            "…ord",
            "\u{a0}nbsp",
            "ord\u{200b}ord",
            "ł",
            "Œuvre",
            "ß",
            "ÿ",
            "ª",
            "µ",
            "1a",
            "a1",
            "1,000.5",
            "'",
            "\"",
            "x.y",
            "x:y",
            ":",
            "",
            "ÆØÅ",
            "u\u{308}",
        ];
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a} {b}"));
                texts.push(format!("{a}{b}"));
                texts.push(format!("{a}, {b}."));
            }
        }
        for text in &texts {
            let ours: Vec<&str> = tokens(text).collect();
            let full: Vec<&str> = text.unicode_words().collect();
            assert_eq!(ours, full, "in {text:?}");
        }
    }
}

/// The vectors the browser client is checked against too (`tests/browser/language.test.mjs`):
/// if this test and that one both pass, the two sides fold, stem and split words alike.
#[cfg(test)]
mod shared_vectors {
    use super::*;

    fn read(rel: &str) -> String {
        std::fs::read_to_string(format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"))).expect(rel)
    }

    #[test]
    fn rust_side_matches_the_shared_vectors() {
        let vectors: serde_json::Value =
            serde_json::from_str(&read("tests/vectors/search-language.json")).unwrap();
        let words: Vec<String> = read("tests/vectors/words.txt")
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        assert!(words.len() > 300, "the word list is too short to mean much");
        let mut wrong = Vec::new();
        for word in &words {
            let fold_expected = vectors["fold"][word].as_str();
            let stem_expected = vectors["stem"][word].as_str();
            if fold_expected != Some(fold(word).as_str()) {
                wrong.push(format!(
                    "fold({word}) = {} but the vectors say {fold_expected:?}",
                    fold(word)
                ));
            }
            if stem_expected != Some(stem(word).as_str()) {
                wrong.push(format!(
                    "stem({word}) = {} but the vectors say {stem_expected:?}",
                    stem(word)
                ));
            }
        }
        for case in vectors["tokens"].as_array().unwrap() {
            let text = case["text"].as_str().unwrap();
            let expected: Vec<&str> = case["tokens"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect();
            let got: Vec<&str> = tokens(text).collect();
            if got != expected {
                wrong.push(format!(
                    "tokens({text:?}) = {got:?} but the vectors say {expected:?}"
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "{} mismatches:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }
}
