//! Readability: the LIX score Danish public writing is measured with, and the finding for a
//! citizen-facing page above the project's limit.

use unicode_segmentation::UnicodeSegmentation;

use crate::error::Diagnostic;
use crate::frontmatter::Page;
use crate::messages::{self, Joined, Message};

/// A text's LIX score, and what it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Lix {
    pub score: f64,
    pub words: usize,
    pub long_words: usize,
    /// The sentences, whitespace collapsed, with their number of words.
    pub sentences: Vec<(String, usize)>,
}

/// The LIX score (*læsbarhedsindeks*, Björnsson's readability index, the one Danish public
/// writing is measured with) of `text`:
///
/// ```text
/// LIX = words / sentences + 100 × long words / words
/// ```
///
/// - **Words** are the words of Unicode word segmentation (UAX #29), so `10.30` and `caféen` are
///   one word each and `ABC-forløb` is two.
/// - **Long words** have more than 6 letters (digits do not count as letters).
/// - **Sentences** end at `.`, `:`, `!` or `?` (a run such as `?!` or `...` ends one sentence), or
///   at a line break followed by a capital letter (a heading, a list item, a new paragraph). A `.`
///   or `:` between two digits (`10.30`, `10:00`) ends nothing. Sentences without words do not
///   count.
///
/// Below 25 is very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55 and above very hard. `None`
/// for a text without words.
pub fn lix(text: &str) -> Option<Lix> {
    let sentences: Vec<(String, usize)> = split_sentences(text)
        .into_iter()
        .map(|s| {
            let words = s.unicode_words().count();
            (s, words)
        })
        .filter(|(_, words)| *words > 0)
        .collect();
    let words: usize = sentences.iter().map(|(_, w)| w).sum();
    if words == 0 {
        return None;
    }
    let long_words = text
        .unicode_words()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 6)
        .count();
    let score = words as f64 / sentences.len() as f64 + 100.0 * long_words as f64 / words as f64;
    Some(Lix {
        score,
        words,
        long_words,
        sentences,
    })
}

/// Splits text into sentences by the LIX rules of [`lix`]; whitespace in each is collapsed.
fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut current = String::new();
    let mut finish = |current: &mut String| {
        let s = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !s.is_empty() {
            sentences.push(s);
        }
        current.clear();
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '.' | ':' | '!' | '?' => {
                let between_digits = matches!(c, '.' | ':')
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                current.push(c);
                if !between_digits {
                    while let Some(&next) = chars.get(i + 1) {
                        if matches!(next, '.' | ':' | '!' | '?' | '"' | '»' | '”' | ')') {
                            current.push(next);
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    finish(&mut current);
                }
            }
            '\n' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if next.is_some_and(|c| c.is_uppercase()) {
                    finish(&mut current);
                } else {
                    current.push(' ');
                }
            }
            c => current.push(c),
        }
        i += 1;
    }
    finish(&mut current);
    sentences
}

pub(super) fn readability_finding(page: &Page, prose: &str, max: f64, out: &mut Vec<Diagnostic>) {
    let text = match page.course().and_then(|c| c.summary.as_deref()) {
        Some(summary) => format!("{summary}\n{prose}"),
        None => prose.to_string(),
    };
    let Some(lix) = lix(&text) else { return };
    if lix.score <= max {
        return;
    }
    let mut longest: Vec<&(String, usize)> = lix.sentences.iter().collect();
    // Stable: of sentences equally long, the first in the text comes first.
    longest.sort_by_key(|s| std::cmp::Reverse(s.1));
    let quoted: Vec<Message> = longest
        .iter()
        .take(3)
        .map(|(s, words)| messages::sentence_words(shorten(s, 90), words))
        .collect();
    out.push(
        Diagnostic::warning(
            "readability.lix",
            &page.file,
            messages::hard_to_read(
                &page.common.title,
                format!("{:.1}", lix.score),
                format_limit(max),
            ),
        )
        .at(&page.text, 1, 1)
        .hint(messages::hard_to_read_hint(Joined(quoted))),
    );
}

fn format_limit(max: f64) -> String {
    if max.fract() == 0.0 {
        format!("{max:.0}")
    } else {
        format!("{max}")
    }
}

fn shorten(s: &str, chars: usize) -> String {
    if s.chars().count() <= chars {
        s.to_string()
    } else {
        // Cut at a space, so no word is shown half.
        let cut: String = s.chars().take(chars).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([' ', ',']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lix_of_a_known_text() {
        // Sentences: "Vi mødes hver tirsdag 10.30 i caféen." (7 words; long: tirsdag),
        // "Gruppen taler sammen om hverdagen" (5; ended by the capital after the line break;
        // long: Gruppen, hverdagen), "Der er kaffe:" (3), "alle er velkomne!" (3; velkomne).
        // 18 words, 4 sentences, 4 long words: 18/4 + 100·4/18 = 4.5 + 22.22… = 26.72…
        let text = "Vi mødes hver tirsdag 10.30 i caféen. Gruppen taler sammen om hverdagen\nDer er kaffe: alle er velkomne!";
        let lix = lix(text).unwrap();
        assert_eq!(lix.words, 18);
        assert_eq!(lix.long_words, 4);
        let sentences: Vec<&str> = lix.sentences.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            sentences,
            [
                "Vi mødes hver tirsdag 10.30 i caféen.",
                "Gruppen taler sammen om hverdagen",
                "Der er kaffe:",
                "alle er velkomne!"
            ]
        );
        assert!((lix.score - (18.0 / 4.0 + 100.0 * 4.0 / 18.0)).abs() < 1e-9);
        assert_eq!(format!("{:.1}", lix.score), "26.7");
    }

    #[test]
    fn lix_sentence_rules() {
        // A run of marks ends one sentence; a lower-case letter after a line break goes on.
        // `10:00` is two words by UAX #29 (`:` joins letters, not digits), but ends no sentence.
        let lix = lix("Hvad?! Tja... nej\nog så videre\nKl. 10:00").unwrap();
        let sentences: Vec<&str> = lix.sentences.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            sentences,
            ["Hvad?!", "Tja...", "nej og så videre", "Kl.", "10:00"]
        );
        assert_eq!(lix.words, 9);
        assert_eq!(lix.score, 9.0 / 5.0);
        assert!(super::lix("  ... \n").is_none());
    }
}
