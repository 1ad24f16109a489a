/* Query-side language for the site search: folding, the Snowball Danish stemmer and word
 * splitting. The index is built in Rust (rust-stemmers plus the same folding); a query only
 * finds what the index holds if every function here gives exactly what the Rust side gives,
 * so tests/vectors/search-language.json checks the two against each other.
 * A classic script with no dependencies, so it also works when the site is opened from disk. */
(function (root) {
  'use strict';

  // Letters typed either way (æ or ae, é or e) must meet in the index, so they fold to ASCII.
  const FOLDS = {
    'æ': 'ae', 'ø': 'oe', 'å': 'aa', 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss',
    'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'á': 'a', 'à': 'a', 'â': 'a',
    'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o',
    'ú': 'u', 'ù': 'u', 'û': 'u', 'ç': 'c', 'ñ': 'n'
  };
  const FOLDABLE = /[æøåäöüßéèêëáàâíìîïóòôúùûçñ]/g;

  // A letter written with a separate combining mark (a + ring) folds like the composed one;
  // other combining accents (U+0300-U+036F) are dropped, as on the Rust side.
  const COMBINED = { 'a\u030a': 'å', 'a\u0308': 'ä', 'o\u0308': 'ö', 'u\u0308': 'ü' };

  function fold(text) {
    return String(text).toLowerCase()
      .replace(/[aou][\u0308\u030a]/g, function (c) { return COMBINED[c] || c; })
      .replace(/[\u0300-\u036f]/g, '')
      .replace(FOLDABLE, function (c) { return FOLDS[c]; });
  }

  // Snowball Danish, https://snowballstem.org/algorithms/danish/stemmer.html. Every regex has
  // the u flag so that a character outside the BMP counts as one letter, as it does in Rust.
  // p1 (the start of R1) is an index into the word as it was; the steps only ever shorten the
  // word's end, so word.slice(p1) stays R1 (empty once the word is shorter than p1).
  const FIRST_SYLLABLE = /[aeiouyæåø][^aeiouyæåø]/u;
  // Anchored at the end, the leftmost match of an alternation is the longest suffix.
  const MAIN = /(?:hed|ethed|ered|e|erede|ende|erende|ene|erne|ere|en|heden|eren|er|heder|erer|heds|es|endes|erendes|enes|ernes|eres|ens|hedens|erens|ers|ets|erets|et|eret|s)$/;
  const S_ENDING = /[abcdfghjklmnoprtvyzå]s$/;
  const PAIR = /(?:gd|dt|gt|kt)$/;
  const OTHER = /(?:ig|lig|elig|els|løst)$/;
  const DOUBLE = /([^aeiouyæåø])\1$/u;

  function r1Suffix(word, p1, re) {
    const m = re.exec(word.slice(p1));
    return m ? m[0] : '';
  }

  // Step 2, also run again after step 3: a final gd, dt, gt or kt loses its last letter.
  function consonantPair(word, p1) {
    return r1Suffix(word, p1, PAIR) ? word.slice(0, -1) : word;
  }

  function stem(input) {
    let word = String(input).toLowerCase();
    const chars = Array.from(word);
    let p1 = word.length;
    const syllable = FIRST_SYLLABLE.exec(word);
    // R1 starts after the first non-vowel that follows a vowel, but never before letter 4.
    if (chars.length >= 3 && syllable) {
      p1 = Math.max(syllable.index + syllable[0].length, chars.slice(0, 3).join('').length);
    }

    // Step 1: the longest main suffix in R1; a lone s only after a valid s-ending, which
    // may itself lie before R1.
    let suffix = r1Suffix(word, p1, MAIN);
    if (suffix && (suffix !== 's' || S_ENDING.test(word))) {
      word = word.slice(0, -suffix.length);
    }

    word = consonantPair(word, p1);

    // Step 3: igst becomes ig wherever it is; then the longest of ig lig elig els løst in R1.
    if (/igst$/.test(word)) word = word.slice(0, -2);
    suffix = r1Suffix(word, p1, OTHER);
    if (suffix === 'løst') {
      word = word.slice(0, -1);
    } else if (suffix) {
      word = consonantPair(word.slice(0, -suffix.length), p1);
    }

    // Step 4: a doubled non-vowel at the end, the last one in R1, is undoubled.
    const last = Array.from(word).pop();
    if (last && word.length - last.length >= p1 && DOUBLE.test(word)) {
      word = word.slice(0, -last.length);
    }
    return fold(word);
  }

  const segmenter = typeof Intl === 'object' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : null;

  // The raw words of a text, in order. Intl.Segmenter follows the same Unicode word rules
  // (UAX #29) as the Rust side's unicode_words, so "10.30" and "roskilde.dk" stay whole. They
  // differ only where Danish queries hardly go: ½ or ² is a word only in Rust, a run of
  // underscores only here, and Chinese or Thai is split by dictionary only here. The fallback
  // for old browsers just splits on everything that is not a letter or digit.
  function tokens(text) {
    text = String(text);
    if (!segmenter) return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const out = [];
    for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
    return out;
  }

  root.VejviserLanguage = { fold: fold, stem: stem, tokens: tokens };
})(globalThis);
