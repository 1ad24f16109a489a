// The search client's posting-list decoder gives exactly what the Rust encoder wrote, per the
// shared vectors in tests/vectors/postings.json (which the Rust tests check the encoder and its
// inverse against). No browser needed: the decoder is taken from search.js as shipped — its
// alphabet and its `decodeVarints`, `decodeDocList` and `decodePostings` functions — and run in a
// vm context.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SCRIPT = read('../../themes/default/static/search.js');
const VECTORS = JSON.parse(read('../vectors/postings.json'));

/** The source of one top-level piece of search.js, from `start` to its closing line. */
function cut(start, end) {
  const from = SCRIPT.indexOf(start);
  assert.ok(from >= 0, `search.js no longer has \`${start}\`: update this test with it`);
  const to = SCRIPT.indexOf(end, from);
  assert.ok(to > from, `the end of \`${start}\` was not found in search.js`);
  return SCRIPT.slice(from, to + end.length);
}

const source = [
  cut("const DIGITS = '", ';\n'),
  cut('const DIGIT = {};', '\n'),
  cut('for (let i = 0; i < DIGITS.length; i++)', '\n'),
  cut('function decodeVarints(text) {', '\n  }\n'),
  cut('function decodeDocList(list) {', '\n  }\n'),
  cut('function decodePostings(text) {', '\n  }\n'),
  'globalThis.decodePostings = decodePostings;',
].join('\n');
const context = vm.createContext({});
vm.runInContext(source, context, { filename: 'search.js (decoder)' });
const decodePostings = context.decodePostings;

test('the vectors are there and cover deltas and bitmaps', () => {
  assert.ok(VECTORS.cases.length >= 10);
  assert.ok(VECTORS.cases.filter((c) => c.encoded.includes('!')).length >= 3);
});

test('decodePostings reads every vector as the Rust decoder does', () => {
  const wrong = VECTORS.cases
    .map((c) => ({
      encoded: c.encoded,
      got: JSON.stringify(Array.from(decodePostings(c.encoded))),
      want: JSON.stringify(c.postings.map(([doc, field]) => doc * 4 + field)),
    }))
    .filter((c) => c.got !== c.want)
    .map((c) => `  decodePostings(${JSON.stringify(c.encoded)}): got ${c.got}, want ${c.want}`);
  assert.ok(wrong.length === 0, `${wrong.length} of ${VECTORS.cases.length} vectors differ:\n${wrong.join('\n')}`);
});
