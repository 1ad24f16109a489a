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
  const PAGE = 20;

  const files = new Map();
  const pending = new Map();
  globalThis.VejviserSearch = {
    load(name, data) {
      files.set(name, data);
      const wait = pending.get(name);
      if (wait) wait.resolve(data);
    },
  };

  // Postings come as a string: differences to the previous posting in base 32, low digits first,
  // with a continuation bit (the same encoding src/search/mod.rs writes).
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const DIGIT = {};
  for (let i = 0; i < DIGITS.length; i++) DIGIT[DIGITS[i]] = i;
  const decoded = new Map();

  function decodePostings(text) {
    if (decoded.has(text)) return decoded.get(text);
    const out = [];
    let previous = 0, value = 0, scale = 1;
    for (let i = 0; i < text.length; i++) {
      const digit = DIGIT[text[i]];
      value += (digit & 31) * scale;
      if (digit & 32) {
        scale *= 32;
      } else {
        previous += value;
        out.push(previous);
        value = 0;
        scale = 1;
      }
    }
    decoded.set(text, out);
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
    if (exact && exact.p) add(folded, EXACT);
    const stemmed = await entry(meta, stem);
    if (stemmed) {
      if (stemmed.p) add(stem, STEM);
      (stemmed.s || []).forEach((t) => add(t, STEM));
    }
    if (exact && exact.s) exact.s.forEach((t) => add(t, STEM));
    if (last || folded.length >= 3) {
      for (const name of needed) {
        for (const key of Object.keys(files.get(name))) {
          if (key.startsWith(folded) && files.get(name)[key].p) add(key, PREFIX);
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
          if (files.get(name)[key].p && oneEdit(folded, key)) add(key, TYPO);
        }
      }
      const rests = [folded, folded.slice(1), folded.slice(2), folded.slice(3)];
      const entries = await Promise.all(rests.map((r) => entry(meta, r)));
      entries.forEach((e, i) => {
        if (!e) return;
        const candidates = [...(e.t || []), ...(e.c || [])];
        if (i > 0 && e.p) candidates.push(rests[i]);
        candidates.forEach((t) => { if (t !== folded && oneEdit(folded, t)) add(t, TYPO); });
      });
    }
    return found;
  }

  // Postings of the reached words → best score per document for this query word.
  async function scoresFor(meta, terms) {
    const scores = new Map();
    const shards = new Set([...terms.keys()].map((t) => 's' + shardOf(meta, t)));
    await Promise.all([...shards].map(load));
    for (const [term, weight] of terms) {
      const e = await entry(meta, term);
      if (!e || !e.p) continue;
      for (const posting of decodePostings(e.p)) {
        const field = posting % 4;
        const rest = (posting - field) / 4;
        const combo = rest % meta.cb;
        const doc = (rest - combo) / meta.cb;
        const score = weight * FIELD[field];
        const prev = scores.get(doc);
        if (!prev || prev.score < score) scores.set(doc, { score, combo });
      }
    }
    return scores;
  }

  async function run(query) {
    const meta = await load('meta');
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
    let docs = [...perWord[0].keys()].filter((d) => perWord.every((m) => m.has(d)));
    const partial = docs.length === 0;
    if (partial) docs = [...new Set(perWord.flatMap((m) => [...m.keys()]))];
    const hits = docs.map((doc) => {
      let score = 0, combo = 0;
      for (const m of perWord) {
        const s = m.get(doc);
        if (s) { score += s.score; combo = s.combo; }
      }
      // Among courses, those still to come rank above the finished ones.
      if (meta.combos[combo][3] === 0) score *= 0.5;
      return { doc, score, combo };
    });
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return { hits, matched, prefixes: words.map((w) => w.folded), meta };
  }

  // ---- facets and the address ----------------------------------------------------------

  const FACETS = [['type', 0, 'kinds', 'kind'], ['kategori', 1, 'categories', 'category'], ['sted', 2, 'locations', 'location']];

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
    history.replaceState(null, '', search ? '?' + search : location.pathname);
  }

  function facetValue(meta, combo, position, list) {
    const i = meta.combos[combo][position];
    return i === NONE ? null : meta[list][i];
  }

  function renderFacets(meta, hits, choice, onChange) {
    facetBox.textContent = '';
    for (const [name, position, list, label] of FACETS) {
      const counts = new Map();
      for (const h of hits) {
        const v = facetValue(meta, h.combo, position, list);
        if (v !== null) counts.set(v, (counts.get(v) || 0) + 1);
      }
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

  function passes(meta, hit, choice) {
    return FACETS.every(([name, position, list]) => {
      const values = choice[name] || [];
      return !values.length || values.includes(facetValue(meta, hit.combo, position, list));
    });
  }

  // ---- hits -----------------------------------------------------------------------------

  // An excerpt around the first matched word, the matched words in <mark> elements.
  function excerpt(text, matched, prefixes) {
    const p = document.createElement('p');
    p.className = 'search-excerpt';
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const isHit = (w) => {
      const f = lang.fold(w);
      return matched.has(f) || prefixes.some((q) => q.length >= 2 && f.startsWith(q));
    };
    let first = words.findIndex((m) => isHit(m[0]));
    if (first < 0) first = 0;
    const from = Math.max(0, first - 10);
    const to = Math.min(words.length, first + 26);
    if (!words.length) return p;
    let pos = words[from].index;
    if (from > 0) p.append('… ');
    for (let i = from; i < to; i++) {
      const m = words[i];
      if (m.index > pos) p.append(text.slice(pos, m.index));
      if (isHit(m[0])) {
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

  async function renderHits(meta, hits, matched, prefixes, count) {
    const shown = hits.slice(0, count);
    const chunks = new Set(shown.map((h) => 'c' + Math.floor(h.doc / meta.chunk)));
    await Promise.all([...chunks].map(load));
    // Replaced in one go once everything is loaded: the list is never seen empty or half built.
    results.textContent = '';
    for (const hit of shown) {
      const chunk = files.get('c' + Math.floor(hit.doc / meta.chunk));
      const [page, anchor, heading, text] = chunk.d[hit.doc % meta.chunk];
      const [title, path, kind, breadcrumb, , , date] = chunk.p[page];
      const li = document.createElement('li');
      li.className = 'search-hit';
      const h = document.createElement('h3');
      const a = document.createElement('a');
      a.href = root + path + (offline ? 'index.html' : '') + (anchor ? '#' + anchor : '');
      a.textContent = heading && heading !== title ? title + ' › ' + heading : title;
      h.appendChild(a);
      const info = document.createElement('p');
      info.className = 'search-meta';
      info.textContent = [kind, breadcrumb, date].filter(Boolean).join(' · ');
      li.append(h, info, excerpt(text || '', matched, prefixes));
      results.appendChild(li);
    }
  }

  // "Show more": the hits come twenty at a time.
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
      const link = results.querySelectorAll('.search-hit a')[first];
      if (link) link.focus();
    };
    const rerender = async (c) => {
      const mineToo = ++generation;
      keepInAddress(query, c);
      kept = hits.filter((h) => passes(meta, h, c));
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
