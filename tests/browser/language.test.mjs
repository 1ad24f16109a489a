// Search language: the browser's folding, stemming and word splitting give exactly what the
// Rust indexer gives, per the shared vectors in tests/vectors/search-language.json (made by
// the Rust side from tests/vectors/words.txt and a few sentences). No browser needed: the
// script runs in a vm context, as it would run from a <script src>.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SCRIPT = read('../../themes/default/static/search-language.js');
const VECTORS = JSON.parse(read('../vectors/search-language.json'));
const WORDS = read('../vectors/words.txt').split('\n').filter((line) => line !== '');

/** VejviserLanguage as a page gets it; `prepare` may change the context's globals first. */
function load(prepare = '') {
  const context = vm.createContext({});
  vm.runInContext(prepare, context);
  vm.runInContext(SCRIPT, context, { filename: 'search-language.js' });
  return context.VejviserLanguage;
}

const language = load();
const show = (value) => JSON.stringify(value);

/** Fails once, listing every input whose result differs from the vector. */
function assertAll(name, cases, compute) {
  const wrong = cases
    .map(([input, want]) => [input, show(compute(input)), show(want)])
    .filter(([, got, want]) => got !== want)
    .map(([input, got, want]) => `  ${name}(${show(input)}): got ${got}, want ${want}`);
  assert.ok(wrong.length === 0, `${wrong.length} of ${cases.length} ${name} vectors differ:\n${wrong.join('\n')}`);
}

test('the vectors cover every word of words.txt', () => {
  const missing = WORDS.filter((w) => !(w in VECTORS.fold) || !(w in VECTORS.stem));
  assert.deepEqual(missing, [], 'search-language.json is older than words.txt: regenerate it');
  assert.ok(VECTORS.tokens.length > 0, 'no token vectors');
});

test('fold matches the Rust folding', () => {
  assertAll('fold', Object.entries(VECTORS.fold), language.fold);
});

test('stem matches rust-stemmers (Snowball Danish) followed by fold', () => {
  assertAll('stem', Object.entries(VECTORS.stem), language.stem);
});

test('tokens match unicode_words', () => {
  assertAll('tokens', VECTORS.tokens.map((t) => [t.text, t.tokens]), language.tokens);
});

test('without Intl.Segmenter, tokens splits on everything but letters and digits', () => {
  const fallback = load('delete Intl.Segmenter;');
  assert.equal(show(fallback.tokens('Åbent hus: 2. februar 2027, ABC-forløb!')),
    show(['Åbent', 'hus', '2', 'februar', '2027', 'ABC', 'forløb']));
  // Where the Rust words hold only letters and digits, the fallback finds the same words.
  const plain = VECTORS.tokens.filter((t) => t.tokens.every((w) => /^[\p{L}\p{N}]+$/u.test(w)));
  assert.ok(plain.length > 0);
  assertAll('fallback tokens', plain.map((t) => [t.text, t.tokens]), fallback.tokens);
});
