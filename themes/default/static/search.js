// vejviser's search client: searches the site's index as you type, without a server.
//
// The index is a set of script files (meta, term shards, document chunks) that call
// VejviserSearch.load(name, data); loading them as <script> elements instead of fetch() lets
// the search work from file:// too. Words are folded and stemmed by search-language.js, the same
// rules the index was built with. Hits are built as DOM nodes from text: nothing from the index is
// ever parsed as HTML.
(function () {
  'use strict';
  const form = document.querySelector('[data-search]');
  const lang = globalThis.VejviserLanguage;
  if (!form || !lang) return;

  const input = form.querySelector('input[name="q"]');
  const ui = document.querySelector('[data-search-ui]');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const facetBox = document.querySelector('[data-search-facets]');
  const indexList = document.querySelector('[data-search-index-list]');
  const hint = document.querySelector('[data-search-hint]');
  const metaUrl = form.dataset.index;
  const dir = metaUrl.slice(0, metaUrl.lastIndexOf('/') + 1);
  const root = form.dataset.root;
  const offline = location.protocol === 'file:';

  // Match kinds, best first: their weights order the hits.
  const EXACT = 1, STEM = 0.8, PREFIX = 0.6, COMPOUND = 0.5, TYPO = 0.3;
  const FIELD = [0, 1, 2, 3]; // body, heading, title
  const NONE = 4294967295;
  const PAGE = 10;

  const files = new Map();
  const pending = new Map();
  globalThis.VejviserSearch = {
    load(name, data) {
      files.set(name, data);
      const wait = pending.get(name);
      if (wait) wait.resolve(data);
    },
  };

  // A word's documents come as a string: its title, heading and body lists joined by '.', each
  // either differences to the previous document in base 32, low digits first, with a
  // continuation bit, or '!' and a bitmap, six documents to a digit (as src/search/format.rs
  // writes). meta.starts, every page's first document, is such a list.
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const DIGIT = {};
  for (let i = 0; i < DIGITS.length; i++) DIGIT[DIGITS[i]] = i;
  const decoded = new Map();

  // A word has documents when its entry holds its postings (`p`) or names their own file (`f`).
  const hasPostings = (e) => !!e && (e.p !== undefined || e.f !== undefined);

  async function postingsOf(term, e) {
    if (decoded.has(term)) return decoded.get(term);
    const list = decodePostings(e.p !== undefined ? e.p : await load('p' + e.f));
    decoded.set(term, list);
    return list;
  }

  function decodeVarints(text) {
    const out = [];
    let value = 0, scale = 1;
    for (let k = 0; k < text.length; k++) {
      const digit = DIGIT[text[k]];
      value += (digit & 31) * scale;
      if (digit & 32) {
        scale *= 32;
      } else {
        out.push(value);
        value = 0;
        scale = 1;
      }
    }
    return out;
  }

  // A list of documents: differences in varints, or '!' and a bitmap.
  function decodeDocList(list) {
    const out = [];
    if (list[0] === '!') {
      for (let k = 1; k < list.length; k++) {
        const bits = DIGIT[list[k]];
        for (let b = 0; b < 6; b++) if (bits & (1 << b)) out.push((k - 1) * 6 + b);
      }
      return out;
    }
    let previous = 0;
    for (const delta of decodeVarints(list)) {
      previous += delta;
      out.push(previous);
    }
    return out;
  }

  // → document * 4 + field (3 title, 2 heading, 1 body).
  function decodePostings(text) {
    const out = [];
    text.split('.').forEach((list, i) => {
      const field = 3 - i;
      for (const doc of decodeDocList(list)) out.push(doc * 4 + field);
    });
    return out;
  }

  function load(name) {
    if (files.has(name)) return Promise.resolve(files.get(name));
    if (pending.has(name)) return pending.get(name).promise;
    const wait = {};
    wait.promise = new Promise((resolve, reject) => { wait.resolve = resolve; wait.reject = reject; });
    pending.set(name, wait);
    const script = document.createElement('script');
    script.src = dir + name + '.js';
    script.async = true;
    script.addEventListener('error', () => wait.reject(new Error('cannot load ' + name)));
    document.head.appendChild(script);
    return wait.promise;
  }

  // The shard whose range holds `key`: the last one whose first key is <= key.
  function shardOf(meta, key) {
    let lo = 0, hi = meta.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (meta.shards[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function shardsFor(meta, from, to) {
    const out = [];
    for (let i = shardOf(meta, from); i <= shardOf(meta, to); i++) out.push('s' + i);
    return out;
  }

  async function entry(meta, key) {
    const shard = await load('s' + shardOf(meta, key));
    return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
  }

  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return a === b;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const ra = a.slice(i), rb = b.slice(i);
    return ra.slice(1) === rb.slice(1) || ra.slice(1) === rb || ra === rb.slice(1)
      || (ra.length > 1 && ra[0] === rb[1] && ra[1] === rb[0] && ra.slice(2) === rb.slice(2));
  }

  // Every indexed word a query word reaches, with how well it matches.
  async function termsFor(meta, word, last) {
    const found = new Map();
    const add = (term, weight) => { if ((found.get(term) || 0) < weight) found.set(term, weight); };
    const folded = word.folded;
    const stem = lang.stem(word.raw);
    const prefixEnd = folded + '\uffff';
    const needed = new Set(['s' + shardOf(meta, folded), 's' + shardOf(meta, stem)]);
    if (last || folded.length >= 3) shardsFor(meta, folded, prefixEnd).forEach((s) => needed.add(s));
    if (folded.length >= 5) shardsFor(meta, folded.slice(0, 3), folded.slice(0, 3) + '\uffff').forEach((s) => needed.add(s));
    await Promise.all([...needed].map(load));

    const exact = await entry(meta, folded);
    if (hasPostings(exact)) add(folded, EXACT);
    const stemmed = await entry(meta, stem);
    if (stemmed) {
      if (hasPostings(stemmed)) add(stem, STEM);
      (stemmed.s || []).forEach((t) => add(t, STEM));
    }
    if (exact && exact.s) exact.s.forEach((t) => add(t, STEM));
    if (last || folded.length >= 3) {
      for (const name of needed) {
        for (const key of Object.keys(files.get(name))) {
          if (key.startsWith(folded) && hasPostings(files.get(name)[key])) add(key, PREFIX);
        }
      }
    }
    if (folded.length >= 4 && exact && exact.c) exact.c.forEach((t) => add(t, COMPOUND));
    if (folded.length >= 4 && stemmed && stemmed.c && stem.length >= 4) stemmed.c.forEach((t) => add(t, COMPOUND));
    // Typos rank below everything else, so they may always join in: words sharing the first
    // three letters are in the shards already loaded; for a typo in the first letters, the
    // index points from a word's rest (without its first one or two letters) back at the word.
    if (folded.length >= 5) {
      for (const name of needed) {
        for (const key of Object.keys(files.get(name))) {
          if (hasPostings(files.get(name)[key]) && oneEdit(folded, key)) add(key, TYPO);
        }
      }
      const rests = [folded, folded.slice(1), folded.slice(2), folded.slice(3)];
      const entries = await Promise.all(rests.map((r) => entry(meta, r)));
      entries.forEach((e, i) => {
        if (!e) return;
        const candidates = [...(e.t || []), ...(e.c || [])];
        if (i > 0 && hasPostings(e)) candidates.push(rests[i]);
        candidates.forEach((t) => { if (t !== folded && oneEdit(folded, t)) add(t, TYPO); });
      });
    }
    return found;
  }

  // The facet combination of every document, from the ranges of documents alike.
  let docCombo = null;
  // The page of every document, as the page's place in the order (meta.starts: every page's
  // first document; its other sections follow it), and every page's first document.
  let docPage = null;
  let pageFirst = null;

  function pagesOf(meta) {
    const first = decodeDocList(meta.starts || '');
    const page = new Uint32Array(meta.docs);
    first.forEach((from, p) => page.fill(p, from, p + 1 < first.length ? first[p + 1] : meta.docs));
    return { page, first };
  }

  function combosOf(meta) {
    const out = new Uint32Array(meta.docs);
    meta.ranges.forEach(([from, combo], i) => {
      const to = i + 1 < meta.ranges.length ? meta.ranges[i + 1][0] : meta.docs;
      out.fill(combo, from, to);
    });
    return out;
  }

  // Postings of the reached words → best score per document for this query word: the scores in
  // an array over all documents, and the list of documents with one.
  async function scoresFor(meta, terms) {
    const scores = new Float32Array(meta.docs);
    const docs = [];
    const shards = new Set([...terms.keys()].map((t) => 's' + shardOf(meta, t)));
    await Promise.all([...shards].map(load));
    const lists = await Promise.all([...terms].map(async ([term]) => {
      const e = await entry(meta, term);
      return hasPostings(e) ? postingsOf(term, e) : [];
    }));
    let i = 0;
    for (const [, weight] of terms) {
      for (const posting of lists[i++]) {
        const doc = posting >> 2;
        const score = weight * FIELD[posting & 3];
        if (scores[doc] === 0) docs.push(doc);
        if (scores[doc] < score) scores[doc] = score;
      }
    }
    return { scores, docs };
  }

  async function run(query) {
    const meta = await load('meta');
    if (!docCombo) docCombo = combosOf(meta);
    if (!docPage) ({ page: docPage, first: pageFirst } = pagesOf(meta));
    const stop = new Set(meta.stop);
    const words = lang.tokens(query)
      .map((raw) => ({ raw, folded: lang.fold(raw) }))
      .filter((w) => w.folded && !stop.has(w.folded));
    if (!words.length) return { hits: [], matched: new Set(), prefixes: [] };
    const matched = new Set();
    const perWord = [];
    for (let i = 0; i < words.length; i++) {
      const terms = await termsFor(meta, words[i], i === words.length - 1);
      terms.forEach((_, t) => matched.add(t));
      perWord.push(await scoresFor(meta, terms));
    }
    // Every word must match; when no document has them all, the best partial matches show.
    let docs = perWord.length === 1 ? perWord[0].docs
      : perWord[0].docs.filter((d) => perWord.every((w) => w.scores[d] > 0));
    if (docs.length === 0) docs = [...new Set(perWord.flatMap((w) => w.docs))];
    // Sorted as numbers: the score (best first) above, the document (first first) below.
    const keys = new Float64Array(docs.length);
    // Among courses, those still to come rank above the finished ones.
    const factor = meta.combos.map((c) => (c[3] === 0 ? 0.5 : 1));
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i];
      let score = 0;
      for (const w of perWord) score += w.scores[doc];
      score *= factor[docCombo[doc]];
      keys[i] = Math.round((1000 - score) * 1000) * 4194304 + doc;
    }
    keys.sort();
    // The hits: one per page, best first, each the page's matching documents, best first.
    const byPage = new Map();
    for (let i = 0; i < keys.length; i++) {
      const doc = keys[i] % 4194304;
      const docs = byPage.get(docPage[doc]);
      if (docs) docs.push(doc); else byPage.set(docPage[doc], [doc]);
    }
    return { hits: [...byPage.values()], matched, prefixes: words.map((w) => w.folded), meta };
  }

  // ---- facets and the address ----------------------------------------------------------

  // [name in the address, position in a combination, list in meta.js, label's data key]. Audiences
  // are several values a course has at once: their position names a set (meta.audience_sets).
  const FACETS = [['type', 0, 'kinds', 'kind'], ['kategori', 1, 'categories', 'category'], ['for', 4, 'audiences', 'audience'], ['sted', 2, 'locations', 'location']];

  function chosen() {
    const params = new URLSearchParams(location.search);
    const out = {};
    for (const [name] of FACETS) out[name] = params.getAll(name);
    return out;
  }

  function keepInAddress(query, choice) {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [name] of FACETS) (choice[name] || []).forEach((v) => params.append(name, v));
    const search = params.toString();
    const address = search ? '?' + search : location.pathname;
    if (address !== (location.search || location.pathname)) history.replaceState(null, '', address);
  }

  // The values a combination has for a facet: none, one, or (audiences) several.
  function facetValues(meta, combo, position, list) {
    const i = meta.combos[combo][position];
    if (i === NONE || i === undefined) return [];
    if (list === 'audiences') return meta.audience_sets[i].map((j) => meta.audiences[j]);
    return [meta[list][i]];
  }

  function renderFacets(meta, hits, choice, onChange) {
    facetBox.textContent = '';
    // Hits per facet combination first: a facet's counts are sums over a few combinations.
    const perCombo = new Uint32Array(meta.combos.length);
    for (let i = 0; i < hits.length; i++) perCombo[docCombo[hits[i][0]]]++;
    for (const [name, position, list, label] of FACETS) {
      const counts = new Map();
      perCombo.forEach((n, combo) => {
        if (!n) return;
        for (const v of facetValues(meta, combo, position, list)) counts.set(v, (counts.get(v) || 0) + n);
      });
      if (counts.size < 2 && !(choice[name] || []).length) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = facetBox.dataset[label];
      fieldset.appendChild(legend);
      [...counts.keys()].sort((a, b) => a.localeCompare(b, 'da')).forEach((value, i) => {
        const id = 'facet-' + name + '-' + i;
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.id = id;
        box.value = value;
        box.checked = (choice[name] || []).includes(value);
        box.addEventListener('change', () => {
          const values = new Set(choice[name] || []);
          if (box.checked) values.add(value); else values.delete(value);
          choice[name] = [...values];
          onChange(choice);
        });
        const labelEl = document.createElement('label');
        labelEl.htmlFor = id;
        labelEl.textContent = value + ' (' + counts.get(value) + ')';
        const row = document.createElement('span');
        row.className = 'facet-option';
        row.append(box, ' ', labelEl);
        fieldset.appendChild(row);
      });
      facetBox.appendChild(fieldset);
    }
  }

  // The hits whose combination every chosen facet value admits.
  function narrow(meta, hits, choice) {
    if (FACETS.every(([name]) => !(choice[name] || []).length)) return hits;
    const admits = meta.combos.map((_, combo) => FACETS.every(([name, position, list]) => {
      const values = choice[name] || [];
      return !values.length || facetValues(meta, combo, position, list).some((v) => values.includes(v));
    }));
    return hits.filter((docs) => admits[docCombo[docs[0]]]);
  }

  // ---- hits -----------------------------------------------------------------------------

  // Words of excerpts folded, remembered: the same words come back in hit after hit.
  const foldedWords = new Map();
  function folded(word) {
    let f = foldedWords.get(word);
    if (f === undefined) {
      if (foldedWords.size > 50000) foldedWords.clear();
      f = lang.fold(word);
      foldedWords.set(word, f);
    }
    return f;
  }

  const isHit = (word, matched, prefixes) => {
    const f = folded(word);
    return matched.has(f) || prefixes.some((q) => q.length >= 2 && f.startsWith(q));
  };
  const WORD = /[\p{L}\p{N}]+/gu;
  const hasHit = (text, matched, prefixes) => [...text.matchAll(WORD)].some((m) => isHit(m[0], matched, prefixes));

  // An excerpt around the first matched word, the matched words in <mark> elements. It starts
  // and ends where words do, with `…` where the text goes on.
  function excerpt(text, matched, prefixes, className) {
    const p = document.createElement('p');
    p.className = className;
    const words = [...text.matchAll(WORD)];
    let first = words.findIndex((m) => isHit(m[0], matched, prefixes));
    if (first < 0) first = 0;
    const from = Math.max(0, first - 10);
    const to = Math.min(words.length, first + 26);
    if (!words.length) return p;
    let pos = words[from].index;
    if (from > 0) p.append('… ');
    for (let i = from; i < to; i++) {
      const m = words[i];
      if (m.index > pos) p.append(text.slice(pos, m.index));
      if (isHit(m[0], matched, prefixes)) {
        const mark = document.createElement('mark');
        mark.textContent = m[0];
        p.appendChild(mark);
      } else {
        p.append(m[0]);
      }
      pos = m.index + m[0].length;
    }
    if (to < words.length) p.append(' …'); else p.append(text.slice(pos));
    return p;
  }

  function link(path, anchor, text) {
    const a = document.createElement('a');
    a.href = root + path + (offline ? 'index.html' : '') + (anchor ? '#' + anchor : '');
    a.textContent = text;
    return a;
  }

  // One hit per page: its title, what kind of page and where, its facts (a course's weekday,
  // place …), the excerpt of its opening text, and its matching sections, each linked.
  async function renderHits(meta, hits, matched, prefixes, count) {
    const shown = hits.slice(0, count);
    // Chunk c holds the documents of pages c * chunk_pages and on, whole.
    const chunkNumber = (doc) => Math.floor(docPage[doc] / meta.chunk_pages);
    const chunkOf = (doc) => 'c' + chunkNumber(doc);
    const chunks = new Set(shown.flatMap((docs) => docs.map(chunkOf)));
    await Promise.all([...chunks].map(load));
    const docOf = (doc) => files.get(chunkOf(doc)).d[doc - pageFirst[chunkNumber(doc) * meta.chunk_pages]];
    // Replaced in one go once everything is loaded: the list is never seen empty or half built.
    results.textContent = '';
    for (const docs of shown) {
      const [page] = docOf(docs[0]);
      const [title, path, kind, breadcrumb, date, facts] = files.get(chunkOf(docs[0])).p[page];
      const li = document.createElement('li');
      li.className = 'search-hit';
      const h = document.createElement('h3');
      h.appendChild(link(path, '', title));
      const info = document.createElement('p');
      info.className = 'search-meta';
      info.textContent = [kind, breadcrumb, date].filter(Boolean).join(' · ');
      li.append(h, info);
      if (facts) li.appendChild(excerpt(facts, matched, prefixes, 'search-facts'));
      // The sections in the order of the page.
      const sections = [...docs].sort((a, b) => a - b).map(docOf);
      const opening = sections.find(([, anchor]) => !anchor);
      const headed = sections.filter(([, anchor]) => anchor);
      const quiet = !facts || !hasHit(facts, matched, prefixes);
      if (opening && opening[3] && (hasHit(opening[3], matched, prefixes) || (quiet && !headed.length))) {
        li.appendChild(excerpt(opening[3], matched, prefixes, 'search-excerpt'));
      }
      if (headed.length) {
        const list = document.createElement('ul');
        list.className = 'search-sections';
        for (const [, anchor, heading, text] of headed) {
          const item = document.createElement('li');
          item.appendChild(link(path, anchor, heading || title));
          item.appendChild(excerpt(text || '', matched, prefixes, 'search-excerpt'));
          list.appendChild(item);
        }
        li.appendChild(list);
      }
      results.appendChild(li);
    }
  }

  // "Show more": the hits come ten at a time.
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  results.after(more);

  function say(template, query, n) {
    // Functions as replacements: a query like `$&` is text, not a replacement pattern.
    return template.replace('{n}', () => String(n)).replace('{q}', () => query);
  }

  let generation = 0;
  async function update(query, choice) {
    const mine = ++generation;
    query = query.trim();
    keepInAddress(query, choice);
    if (!query) {
      ui.hidden = true;
      indexList.hidden = false;
      hint.hidden = false;
      return;
    }
    const { hits, matched, prefixes, meta } = await run(query);
    if (mine !== generation) return;
    ui.hidden = false;
    indexList.hidden = true;
    hint.hidden = true;
    if (!meta) {
      results.textContent = '';
      facetBox.textContent = '';
      more.hidden = true;
      status.textContent = say(status.dataset.none, query, 0);
      return;
    }
    let count = PAGE;
    let kept = hits;
    const showMore = async () => {
      await renderHits(meta, kept, matched, prefixes, count);
      more.hidden = kept.length <= count;
      more.textContent = say(more.dataset.label || results.dataset.more || 'Vis flere', query, Math.min(PAGE, kept.length - count));
    };
    more.onclick = async () => {
      const first = count;
      count += PAGE;
      await showMore();
      // Keyboard users land on the first of the new hits.
      const next = results.querySelectorAll('.search-hit > h3 a')[first];
      if (next) next.focus();
    };
    const rerender = async (c) => {
      const mineToo = ++generation;
      keepInAddress(query, c);
      kept = narrow(meta, hits, c);
      count = PAGE;
      // Rebuilding the facets must not lose the keyboard's place.
      const focused = document.activeElement && document.activeElement.id;
      renderFacets(meta, hits, c, rerender);
      if (focused && focused.startsWith('facet-')) {
        const again = document.getElementById(focused);
        if (again) again.focus();
      }
      await showMore();
      if (mineToo !== generation) return;
      const n = kept.length;
      status.textContent = say(n === 0 ? status.dataset.none : n === 1 ? status.dataset.one : status.dataset.many, query, n);
    };
    generation = mine;
    await rerender(choice);
  }

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(input.value, chosen()), 120);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(input.value, chosen());
  });

  const initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  if (initial) update(initial, chosen());
})();
