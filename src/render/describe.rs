//! The `<meta name="description">` of every page: what a search engine shows under a page's
//! title and a shared link shows under its name. Every page has one, taken from what the page
//! already says of itself, so nobody has to write it twice; plain text, whole sentences where
//! they fit, cut at a word otherwise.

use crate::frontmatter::{Details, Page};
use crate::markdown;

/// Longer descriptions are cut by search engines anyway (about 155–160 characters).
pub(super) const MAX_CHARS: usize = 160;

/// A page's description: its own `description`, else what its kind says it is for (a course's or
/// a manual's `summary`, an exercise's `purpose`, a session's first goal), else the first
/// sentences of its body.
pub(super) fn of_page(page: &Page) -> Option<String> {
    let own = page.common.description.as_deref().or(match &page.details {
        Details::Course(c) => c.summary.as_deref(),
        Details::Manual(m) => m.summary.as_deref(),
        Details::Exercise(e) => e.purpose.as_deref(),
        Details::Session(s) => s.goals.first().map(String::as_str),
        Details::Chapter | Details::Page => None,
    });
    match own {
        Some(text) if !text.trim().is_empty() => Some(sentences(text)),
        _ => markdown::first_paragraph(page.body()).map(|p| sentences(&p)),
    }
}

/// The whole sentences at the start of `text` that fit in [`MAX_CHARS`]; when the first one
/// does not, as many words of it as fit, with an ellipsis. White space is collapsed.
pub(super) fn sentences(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    let fits = |end: usize| text[..end].chars().count() <= MAX_CHARS;
    if let Some(end) = sentence_ends(&text).take_while(|&e| fits(e)).last() {
        return text[..end].to_string();
    }
    // Room for the ellipsis; cut before the last word that does not fit whole.
    let limit = text
        .char_indices()
        .nth(MAX_CHARS - 1)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..limit].rfind(' ').unwrap_or(limit);
    let words = text[..cut].trim_end_matches([',', ';', ':', '–', '-', ' ']);
    format!("{words}…")
}

/// Byte offsets just after each sentence's closing `.`, `!` or `?`: one followed by a space and
/// a capital letter or digit, so `f.eks. at` and `kl. 10.30` do not end a sentence early.
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(i, c)| {
        if !matches!(c, '.' | '!' | '?') {
            return None;
        }
        let end = i + c.len_utf8();
        let mut rest = text[end..].chars();
        let next_is_capital = rest.next() == Some(' ')
            && rest
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '«' || n == '"');
        let ends_text = end == text.len();
        (next_is_capital || ends_text).then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(sentences("Skriv  om\ndit liv."), "Skriv om dit liv.");
    }

    #[test]
    fn long_text_keeps_the_sentences_that_fit() {
        let first = "Et forløb på 20 uger, hvor en fast gruppe gør noget aktivt sammen.";
        let second = "Vi mødes f.eks. kl. 10.30 i Makers Corner og går en tur i parken.";
        let third = "Du behøver ingen henvisning, og det er gratis at deltage i alle møderne.";
        let text = format!("{first} {second} {third}");
        assert_eq!(sentences(&text), format!("{first} {second}"));
    }

    #[test]
    fn one_long_sentence_is_cut_at_a_word() {
        let text = "ord ".repeat(100);
        let cut = sentences(&text);
        assert!(cut.chars().count() <= MAX_CHARS, "{cut}");
        assert!(cut.ends_with("ord…"), "{cut}");
    }
}
