// Site search in a real browser, on the example municipalities: Danish queries typed into the
// search page (folding, stemming, prefixes, compounds, typos), ranking, facets kept in the
// address, the header search box, keyboard use, the page opened from disk, accessibility, and
// nothing loaded from another origin.
//
// The words queried occur in the example content: Gladsaxe runs Skriveværksted, Recoverycafé,
// Studiemestring and Samtalesalon and has the peer-group manual; Roskilde has the ABC manual
// (`daghøjskole`, `fællesskab`) and a finished and a coming peer group.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, axe, kindOf } from './harness.mjs';

let env;
let context;
before(async () => {
  env = await setup();
  context = await env.browser.newContext();
});
after(async () => { await env?.close(); });

const searchUrl = (site, query) => `${env.origin}/${site}/sog/` + (query === undefined ? '' : `?q=${encodeURIComponent(query)}`);

/** Waits until the live region reports the hits for `query` (as the client trims it). */
async function waitForStatus(page, query) {
  await page.waitForFunction((q) => document.getElementById('search-status')?.textContent.includes(`»${q}«`),
    query.trim(), { timeout: 10000 });
}

/**
 * The shown hits, one per page: the link's site path (from the site root, `kurser/x/`), its
 * fragment, text, facts, excerpt and marks, and the matching sections listed under it.
 */
async function hits(page, site) {
  return page.evaluate((slug) => {
    const where = (a) => {
      const url = new URL(a.href);
      const marker = `/${slug}/`;
      const path = url.pathname.slice(url.pathname.indexOf(marker) + marker.length).replace(/index\.html$/, '');
      return { href: a.href, path, anchor: url.hash.slice(1) };
    };
    return [...document.querySelectorAll('#search-results > li')].map((li) => {
      const a = li.querySelector(':scope > h3 a');
      return {
        ...where(a),
        title: a.textContent.trim(),
        meta: li.querySelector(':scope > .search-meta')?.textContent.trim() ?? '',
        facts: li.querySelector(':scope > .search-facts')?.textContent.trim() ?? '',
        excerpt: li.querySelector(':scope > .search-excerpt')?.textContent.trim() ?? '',
        marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
        sections: [...li.querySelectorAll(':scope > .search-sections > li')].map((item) => {
          const link = item.querySelector('a');
          return {
            ...where(link),
            heading: link.textContent.trim(),
            excerpt: item.querySelector('.search-excerpt')?.textContent.trim() ?? '',
          };
        }),
      };
    });
  }, site);
}

/** Clicks "show more" until every hit the live region counts is shown (or nothing shows more). */
async function showAll(page) {
  const announced = Number(((await page.textContent('#search-status')).match(/\d+/) || ['0'])[0]);
  for (let i = 0; i < 50; i++) {
    const shown = await page.locator('#search-results > li').count();
    if (shown >= announced) break;
    const more = page.locator('[data-search-ui] button:not([data-search-facets] *)');
    if (await more.count() === 0 || !(await more.first().isVisible())) break;
    await more.first().click();
    // The click renders more hits asynchronously: wait until the list has grown.
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, shown, { timeout: 10000 });
  }
  return announced;
}

/** Opens the search page of `site`, types `query` into the search box and returns every hit. */
async function search(page, site, query) {
  if (!page.url().startsWith(searchUrl(site))) await page.goto(searchUrl(site));
  await page.fill('#sog-q', query);
  await waitForStatus(page, query);
  await showAll(page);
  return hits(page, site);
}

const show = (list) => list.map((h) => `${h.path} [${h.marks.join(',')}]${h.sections.map((s) => ` #${s.anchor}`).join('')}`).join('\n  ');
const paths = (list) => list.map((h) => h.path);

function assertFinds(list, path, query) {
  assert.ok(paths(list).includes(path), `»${query}« does not find ${path}; the hits are:\n  ${show(list)}`);
}

/** Index of the first hit on `path`, failing when there is none. */
function rank(list, path, query) {
  const i = paths(list).indexOf(path);
  assert.ok(i >= 0, `»${query}« does not find ${path}; the hits are:\n  ${show(list)}`);
  return i;
}

const fold = (s) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/é/g, 'e');

// ---- language ----------------------------------------------------------------------------------

test('words typed without æ, ø and å find the words written with them', async () => {
  // The example content has no »forældre«; »pårørende« has both ø and å (the build tests cover
  // forældre). »højskole« occurs only inside »daghøjskole«.
  const page = await context.newPage();
  for (const [site, query, path, word] of [
    ['gladsaxe', 'vaerksted', 'kurser/skrivevaerksted-efteraar-2026/', 'værksted'],
    ['gladsaxe', 'paaroerende', 'kurser/recoverycafe-foraar-2027/', 'pårørende'],
    ['roskilde', 'aabent', 'manualer/peer-gruppe/om-peer-grupper/', 'åbent'],
    ['roskilde', 'hoejskole', 'manualer/abc/samarbejde-med-lokalsamfundet/', 'daghøjskole'],
  ]) {
    const list = await search(page, site, query);
    assertFinds(list, path, query);
    const marks = list.filter((h) => h.path === path).flatMap((h) => h.marks.map((m) => m.toLowerCase()));
    assert.ok(marks.includes(word), `»${query}«: ${word} is not marked on ${path}: ${marks}`);
  }
  await page.close();
});

test('words typed with æ, ø and å find the words written without them', async () => {
  // Jammerbugt writes the town Aabybro the old way.
  const page = await context.newPage();
  const list = await search(page, 'jammerbugt', 'Åbybro');
  assertFinds(list, 'kurser/peer-gruppe-aabybro-foraar-2027/', 'Åbybro');
  assertFinds(list, 'om/', 'Åbybro');
  await page.close();
});

test('case and accents do not matter', async () => {
  const page = await context.newPage();
  for (const query of ['RECOVERYCAFÉ', 'recoverycafe', 'Recoverycafè']) {
    const list = await search(page, 'gladsaxe', query);
    assert.equal(list[0]?.path, 'kurser/recoverycafe-foraar-2027/', `»${query}«:\n  ${show(list)}`);
  }
  await page.close();
});

test('Danish stemming: an inflected query finds the plain word', async () => {
  const page = await context.newPage();
  const list = await search(page, 'roskilde', 'fællesskaberne');
  const plain = list.filter((h) => h.marks.some((m) => m.toLowerCase() === 'fællesskab'));
  assert.ok(plain.length > 0, `»fællesskaberne« finds no page with »fællesskab«:\n  ${show(list)}`);
  await page.close();
});

test('Danish stemming works for words with æ, ø and å too: øvelser finds øvelse', async () => {
  // Gladsaxe's peer-group manual says »øvelse«, »øvelsen« and »øvelserne«.
  const page = await context.newPage();
  const list = await search(page, 'gladsaxe', 'øvelser');
  const marks = new Set(list.flatMap((h) => h.marks.map((m) => m.toLowerCase())));
  assert.ok(marks.has('øvelse') || marks.has('øvelsen'),
    `»øvelser« finds only ${[...marks].join(', ')}:\n  ${show(list)}`);
  await page.close();
});

test('the search runs as you type, and a prefix finds the word: skri finds Skriveværksted', async () => {
  const page = await context.newPage();
  await page.goto(searchUrl('gladsaxe'));
  await page.click('#sog-q');
  await page.keyboard.type('skri', { delay: 60 });
  await waitForStatus(page, 'skri');
  const list = await hits(page, 'gladsaxe');
  assertFinds(list, 'kurser/skrivevaerksted-efteraar-2026/', 'skri');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'skri', 'the query is not kept in the address');
  await page.close();
});

test('a word of four letters or more finds the compounds it ends', async () => {
  const page = await context.newPage();
  for (const [query, path, compound] of [
    ['værksted', 'kurser/skrivevaerksted-efteraar-2026/', 'skriveværksted'],
    ['cafe', 'kurser/recoverycafe-foraar-2027/', 'recoverycafé'],
    ['mestring', 'kurser/studiemestring-foraar-2027/', 'studiemestring'],
  ]) {
    const list = await search(page, 'gladsaxe', query);
    assertFinds(list, path, query);
    const marked = list.flatMap((h) => h.marks.map((m) => m.toLowerCase()));
    assert.ok(marked.some((m) => fold(m).startsWith(fold(compound))), `»${query}«: ${compound} is never marked: ${marked}`);
  }
  await page.close();
});

test('one typo in a word of five letters or more still finds the word', async () => {
  const page = await context.newPage();
  for (const [query, path] of [
    ['samtalesaln', 'kurser/samtalesalon-foraar-2027/'],
    ['studiemestrng', 'kurser/studiemestring-foraar-2027/'],
    ['skrivevaerksetd', 'kurser/skrivevaerksted-efteraar-2026/'],
  ]) {
    const list = await search(page, 'gladsaxe', query);
    assertFinds(list, path, query);
  }
  await page.close();
});

test('a typo in the first letters still finds the word', async () => {
  // s and d are neighbours on the keyboard; so are r and t.
  const page = await context.newPage();
  for (const [query, path] of [
    ['dtudiemestring', 'kurser/studiemestring-foraar-2027/'],
    ['tecoverycafé', 'kurser/recoverycafe-foraar-2027/'],
  ]) {
    const list = await search(page, 'gladsaxe', query);
    assertFinds(list, path, query);
  }
  await page.close();
});

test('stop words are ignored in a query', async () => {
  const page = await context.newPage();
  const plain = await search(page, 'gladsaxe', 'samtalesalon');
  const withStops = await search(page, 'gladsaxe', 'og samtalesalon i en');
  assert.deepEqual(paths(withStops), paths(plain));
  await page.close();
});

// ---- hits --------------------------------------------------------------------------------------

test('a hit shows its title, kind, breadcrumb and an excerpt with the matched words marked', async () => {
  const page = await context.newPage();
  const list = await search(page, 'roskilde', 'daghøjskole');
  const hit = list.find((h) => h.path === 'manualer/abc/samarbejde-med-lokalsamfundet/');
  assert.ok(hit, show(list));
  assert.match(hit.title, /^Samarbejde med lokalsamfundet/);
  assert.match(hit.meta, /^Kapitel · Manualer › ABC – Act, Belong, Commit/);
  // The word is in a section of the chapter: its excerpt is listed under the page's hit.
  const excerpts = [hit.excerpt, ...hit.sections.map((s) => s.excerpt)].join(' ');
  assert.ok(excerpts.includes('daghøjskole'), excerpts);
  assert.deepEqual(hit.marks, ['daghøjskole']);

  const course = (await search(page, 'gladsaxe', 'studiemestring'))
    .find((h) => h.path === 'kurser/studiemestring-foraar-2027/');
  assert.ok(course);
  assert.equal(course.title, 'Studiemestring');
  assert.match(course.meta, /^Kursus · Kurser · .*6\. april 2027/);

  // The kinds in words, as the type facet shows them.
  await search(page, 'roskilde', 'fællesskaberne');
  const kinds = await page.$$eval('[data-search-facets] fieldset', (sets) => sets
    .filter((f) => f.querySelector('legend').textContent.trim() === 'Type')
    .flatMap((f) => [...f.querySelectorAll('label')].map((l) => l.textContent.replace(/\s*\(\d+\)$/, '').trim())));
  for (const kind of ['Kursus', 'Kapitel', 'Session', 'Øvelse', 'Side']) {
    assert.ok(kinds.includes(kind), `no kind ${kind} among ${kinds}`);
  }
  await page.close();
});

test('the live region announces the number of hits', async () => {
  const page = await context.newPage();
  const list = await search(page, 'gladsaxe', 'vaerksted');
  const status = page.locator('#search-status');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  assert.equal((await status.textContent()).trim(), `${list.length} resultater for »vaerksted«`);
  await search(page, 'gladsaxe', 'zzzqqq');
  assert.equal((await status.textContent()).trim(), 'Ingen resultater for »zzzqqq«');
  assert.equal(await page.locator('#search-results > li').count(), 0);
  await page.close();
});

test('every hit the live region counts can be reached', async () => {
  // »peer« has more hits in Roskilde than one screenful.
  const page = await context.newPage();
  await page.goto(searchUrl('roskilde'));
  await page.fill('#sog-q', 'peer');
  await waitForStatus(page, 'peer');
  const first = await page.locator('#search-results > li').count();
  const announced = await showAll(page);
  assert.ok(first < announced, `${first} of ${announced} hits are shown at first: the test needs more than a screenful`);
  const shown = await page.locator('#search-results > li').count();
  assert.equal(shown, announced, `the status announces ${announced} hits; ${shown} are shown and nothing shows the rest`);
  await page.close();
});

test('a matching section links to page#heading, and the heading is on that page', async () => {
  const page = await context.newPage();
  const list = await search(page, 'gladsaxe', 'vaerksted');
  const anchored = list.flatMap((h) => h.sections);
  assert.ok(anchored.length >= 2, show(list));
  const target = await context.newPage();
  for (const hit of anchored) {
    await target.goto('about:blank'); // hits on one page differ only by their fragment
    const response = await target.goto(hit.href);
    assert.equal(response.status(), 200, hit.href);
    const found = await target.evaluate((id) => document.getElementById(id) !== null, decodeURIComponent(hit.anchor));
    assert.ok(found, `${hit.href}: no element with id ${hit.anchor}`);
  }
  await target.close();
  await page.close();
});

test('markup in a query is shown as text', async () => {
  const page = await context.newPage();
  const query = '<img src=x onerror="window.injected=1">';
  await page.goto(searchUrl('gladsaxe', query));
  await waitForStatus(page, query);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  assert.ok((await page.textContent('#search-status')).includes(query));
  await page.close();
});

// ---- ranking -----------------------------------------------------------------------------------

test('a title match ranks above body matches of the same word', async () => {
  // Gladsaxe's page »Recoveryskolen i Gladsaxe« comes after the courses that mention
  // Recoveryskolen in their text.
  const page = await context.newPage();
  const list = await search(page, 'gladsaxe', 'recoveryskolen');
  assert.equal(list[0]?.path, 'om/', show(list));
  assert.equal(list[0].anchor, '', show(list));
  assert.ok(rank(list, 'om/', 'recoveryskolen') < rank(list, 'kurser/livshistorie-foraar-2027/', 'recoveryskolen'));
  await page.close();
});

test('a title match ranks above a heading match, whose section is listed under its page', async () => {
  // Roskilde's course Skriveværksted has the word as its title and in its text; the page »om«
  // has it as a heading only.
  const page = await context.newPage();
  const list = await search(page, 'roskilde', 'skriveværksted');
  const title = rank(list, 'kurser/skrivevaerksted-foraar-2027/', 'skriveværksted');
  const heading = rank(list, 'om/', 'skriveværksted');
  assert.ok(title < heading, show(list));
  assert.deepEqual(list[heading].sections.map((s) => s.anchor), ['skrivevaerksted'], show(list));
  assert.equal(list[heading].sections[0].heading, 'Skriveværksted');
  await page.close();
});

test('an exact match ranks above a typo match', async () => {
  // »livet« is in Samtalesalon's text; »givet«, one letter off, in the peer group's second meeting.
  const page = await context.newPage();
  const list = await search(page, 'gladsaxe', 'livet');
  const exact = rank(list, 'kurser/samtalesalon-foraar-2027/', 'livet');
  const typo = rank(list, 'manualer/peer-gruppe/sessioner/mode-02/', 'livet');
  assert.ok(exact < typo, show(list));
  await page.close();
});

test('an exact match ranks above a stemmed match', async () => {
  // Gladsaxe's »Kurserne« (a page, after the sessions in the index) says »samtaler«; sessions of
  // the peer-group manual say »samtale«. Title and heading matches aside, exact comes first.
  const page = await context.newPage();
  const list = (await search(page, 'gladsaxe', 'samtaler'))
    .filter((h) => ![h.title, ...h.sections.map((s) => s.heading)].some((t) => fold(t).includes('samtal')));
  const exact = list.map((h, i) => [i, h]).filter(([, h]) => h.marks.some((m) => m.toLowerCase() === 'samtaler'));
  const stemmed = list.map((h, i) => [i, h]).filter(([, h]) => h.marks.length && h.marks.every((m) => m.toLowerCase() === 'samtale'));
  assert.ok(exact.some(([, h]) => h.path === 'om/'), show(list));
  assert.ok(stemmed.length > 0, show(list));
  assert.ok(Math.max(...exact.map(([i]) => i)) < Math.min(...stemmed.map(([i]) => i)), show(list));
  await page.close();
});

test('among courses, the coming ones rank above the finished ones', async () => {
  // Roskilde's »Peer-gruppe, efterår 2026« has finished; »Peer-gruppe, forår 2027« is to come.
  const page = await context.newPage();
  const list = await search(page, 'roskilde', 'peer');
  const coming = rank(list, 'kurser/peer-gruppe-foraar-2027/', 'peer');
  const finished = rank(list, 'kurser/peer-gruppe-efteraar-2026/', 'peer');
  assert.ok(coming < finished, show(list));
  await page.close();
});

// ---- one hit per page, facts, excerpts ----------------------------------------------------------

test('one hit per page, its matching sections listed under it and linked', async () => {
  // »peer« is in many sections of Roskilde's peer-group manual and courses.
  const page = await context.newPage();
  const list = await search(page, 'roskilde', 'peer');
  assert.equal(new Set(paths(list)).size, list.length, `a page is listed twice:\n  ${show(list)}`);
  const grouped = list.filter((h) => h.sections.length >= 2);
  assert.ok(grouped.length > 0, `no hit groups two sections:\n  ${show(list)}`);
  for (const hit of grouped) {
    assert.equal(hit.anchor, '', `the page's own link has a fragment: ${hit.href}`);
    assert.equal(new Set(hit.sections.map((s) => s.anchor)).size, hit.sections.length, show([hit]));
    for (const section of hit.sections) {
      assert.equal(section.path, hit.path, `a section links to another page: ${section.href}`);
      assert.ok(section.anchor && section.heading, JSON.stringify(section));
    }
  }
  // The live region counts pages, not sections.
  const status = (await page.textContent('#search-status')).trim();
  assert.equal(status, `${list.length} resultater for »peer«`);
  // Courses are listed once each, however many of their sections match.
  const courses = paths(list).filter((p) => p.startsWith('kurser/'));
  assert.equal(new Set(courses).size, courses.length, show(list));
  await page.close();
});

test('a course is found by the facts its page shows: weekday, referral, place', async () => {
  // Gladsaxe's peer group meets on Tuesdays; no course there needs a referral.
  const page = await context.newPage();
  for (const [query, words] of [
    ['tirsdag', ['tirsdag']],
    ['uden henvisning', ['uden', 'henvisning']],
    ['henvisning', ['henvisning']],
    ['Frivilligcentret', ['frivilligcentret']],
  ]) {
    const list = await search(page, 'gladsaxe', query);
    const first = list[0];
    assert.ok(first && first.path.startsWith('kurser/'), `»${query}« does not find a course first:\n  ${show(list)}`);
    const marked = first.marks.map((m) => m.toLowerCase());
    for (const word of words) {
      assert.ok(first.facts.toLowerCase().includes(word), `»${query}«: the facts of ${first.path} are ${first.facts}`);
      assert.ok(marked.includes(word), `»${query}«: ${word} is not marked on ${first.path}: ${marked}`);
    }
  }
  await page.close();
});

test('a session is found by its number: session 7 and uge 7 before every other session', async () => {
  const page = await context.newPage();
  for (const query of ['session 7', 'uge 7']) {
    const list = await search(page, 'gladsaxe', query);
    assert.match(list[0]?.path ?? '', /sessioner\/[a-z]+-07\/$/, `»${query}«:\n  ${show(list)}`);
    assert.match(list[0].facts, /^Session 7 · uge 7$/, list[0].facts);
    const sevens = list.filter((h) => /^Session 7 /.test(h.facts)).length;
    const before = list.slice(0, sevens);
    assert.ok(before.every((h) => /^Session 7 /.test(h.facts)), `»${query}«: another page before a session 7:\n  ${show(list)}`);
  }
  await page.close();
});

test('excerpts read as text: no run-together facts, no doubled full stops, no cut words', async () => {
  const page = await context.newPage();
  const target = await context.newPage();
  const words = (text) => text.match(/[\p{L}\p{N}]+/gu) || [];
  for (const [site, query] of [['gladsaxe', 'tirsdag'], ['roskilde', 'peer'], ['gladsaxe', 'recovery'], ['roskilde', 'session 7']]) {
    const list = await search(page, site, query);
    for (const hit of list.slice(0, 6)) {
      const texts = [hit.facts, hit.excerpt, ...hit.sections.map((s) => s.excerpt)].filter(Boolean);
      for (const text of texts) {
        assert.ok(!/\.\s*\./.test(text), `»${query}«, ${hit.path}: a doubled full stop in ${text}`);
        assert.ok(!/\p{Ll}\d|\d\p{Ll}/u.test(text), `»${query}«, ${hit.path}: words run together in ${text}`);
      }
      // The first and last word of an excerpt are whole words of the page it links to.
      const excerpts = [hit.excerpt, ...hit.sections.map((s) => s.excerpt)].filter(Boolean);
      if (!excerpts.length) continue;
      await target.goto(hit.href);
      const shown = new Set(words(await target.textContent('body')).map((w) => w.toLowerCase()));
      for (const text of excerpts) {
        const inner = words(text.replace(/^… /, '').replace(/ …$/, ''));
        for (const word of [inner[0], inner[inner.length - 1]].filter(Boolean)) {
          assert.ok(shown.has(word.toLowerCase()), `»${query}«, ${hit.path}: »${word}« is not a word of the page: ${text}`);
        }
      }
    }
  }
  await target.close();
  await page.close();
});

// ---- the address and the header --------------------------------------------------------------

test('a link with ?q= shows the hits on load', async () => {
  const page = await context.newPage();
  await page.goto(searchUrl('gladsaxe', 'studiemestring'));
  await waitForStatus(page, 'studiemestring');
  assert.equal(await page.inputValue('#sog-q'), 'studiemestring');
  assertFinds(await hits(page, 'gladsaxe'), 'kurser/studiemestring-foraar-2027/', 'studiemestring');
  await page.close();
});

test('the search box in the header of another page leads to the hits', async () => {
  const page = await context.newPage();
  await page.goto(`${env.origin}/gladsaxe/kurser/livshistorie-foraar-2027/`);
  const box = page.locator('header input[name=q]');
  assert.equal(await box.count(), 1, 'no search box in the header');
  await box.fill('samtalesalon');
  await Promise.all([page.waitForURL(/\/gladsaxe\/sog\/(index\.html)?\?q=samtalesalon$/), box.press('Enter')]);
  await waitForStatus(page, 'samtalesalon');
  assertFinds(await hits(page, 'gladsaxe'), 'kurser/samtalesalon-foraar-2027/', 'samtalesalon');
  await page.close();
});

// ---- facets ------------------------------------------------------------------------------------

/** The facet options: [{ legend, value, count, checked }]. */
async function facets(page) {
  return page.$$eval('[data-search-facets] fieldset', (sets) => sets.flatMap((f) => {
    const legend = f.querySelector('legend').textContent.trim();
    return [...f.querySelectorAll('input[type=checkbox]')].map((box) => {
      const label = document.querySelector(`label[for="${box.id}"]`).textContent.trim();
      const m = label.match(/^(.*) \((\d+)\)$/);
      return { legend, value: box.value, label: m?.[1], count: Number(m?.[2]), checked: box.checked, id: box.id };
    });
  }));
}

async function statusChange(page, before) {
  await page.waitForFunction((b) => document.getElementById('search-status').textContent !== b, before);
}

test('facets with counts narrow the hits, and the choice is kept in the address', async () => {
  const page = await context.newPage();
  const all = await search(page, 'gladsaxe', 'recovery');
  const options = await facets(page);
  const legends = new Set(options.map((o) => o.legend));
  for (const legend of ['Type', 'Kategori', 'Sted']) assert.ok(legends.has(legend), `no ${legend} facet: ${[...legends]}`);
  const course = options.find((o) => o.legend === 'Type' && o.value === 'Kursus');
  assert.ok(course && course.count > 0 && course.count < all.length, JSON.stringify(options));
  assert.equal(course.label, 'Kursus');

  let before = await page.textContent('#search-status');
  await page.check(`#${course.id}`);
  await statusChange(page, before);
  let list = await hits(page, 'gladsaxe');
  assert.equal(list.length, course.count, show(list));
  assert.ok(list.every((h) => h.meta.startsWith('Kursus')), show(list));
  assert.equal((await page.textContent('#search-status')).trim(), `${course.count} resultater for »recovery«`);
  let params = new URL(page.url()).searchParams;
  assert.equal(params.get('q'), 'recovery');
  assert.deepEqual(params.getAll('type'), ['Kursus']);

  // A place narrows further, and is kept beside the kind.
  const place = (await facets(page)).find((o) => o.legend === 'Sted' && o.value === 'Recoveryskolen Gladsaxe');
  assert.ok(place, JSON.stringify(await facets(page)));
  before = await page.textContent('#search-status');
  await page.check(`#${place.id}`);
  await statusChange(page, before);
  list = await hits(page, 'gladsaxe');
  assert.ok(list.length > 0 && list.length <= place.count, show(list));
  assert.ok(list.every((h) => h.path.startsWith('kurser/')), show(list));
  params = new URL(page.url()).searchParams;
  assert.deepEqual(params.getAll('sted'), ['Recoveryskolen Gladsaxe']);
  assert.deepEqual(params.getAll('type'), ['Kursus']);

  // The address restores the same hits and the same boxes.
  const kept = paths(list);
  const url = page.url();
  await page.reload();
  await waitForStatus(page, 'recovery');
  assert.equal(page.url(), url);
  assert.deepEqual(paths(await hits(page, 'gladsaxe')), kept);
  const restored = (await facets(page)).filter((o) => o.checked).map((o) => `${o.legend}:${o.value}`).sort();
  assert.deepEqual(restored, ['Sted:Recoveryskolen Gladsaxe', 'Type:Kursus']);

  // A category facet, from a fresh link.
  await page.goto(`${searchUrl('gladsaxe', 'recovery')}&kategori=${encodeURIComponent('Skriveværksted')}`);
  await waitForStatus(page, 'recovery');
  list = await hits(page, 'gladsaxe');
  // Gladsaxe's two terms of its writing workshop, and nothing else.
  assert.deepEqual(paths(list).sort(), ['kurser/skrivevaerksted-efteraar-2026/', 'kurser/skrivevaerksted-foraar-2027/'], show(list));
  await page.close();
});

test('the audience facet counts a course under each of its audiences and narrows to any chosen', async () => {
  const page = await context.newPage();
  await search(page, 'gladsaxe', 'recovery');
  const options = (await facets(page)).filter((o) => o.legend === 'For');
  const relatives = options.find((o) => o.value === 'Pårørende');
  const own = options.find((o) => o.value === 'Dig med egen erfaring');
  assert.ok(relatives && own, JSON.stringify(options));
  // Courses for both count under both, so the counts add up to more than the courses.
  assert.ok(relatives.count > 0 && relatives.count < own.count, JSON.stringify(options));

  const before = await page.textContent('#search-status');
  await page.check(`#${relatives.id}`);
  await statusChange(page, before);
  const list = await hits(page, 'gladsaxe');
  assert.equal(list.length, relatives.count, show(list));
  assert.ok(list.every((h) => h.path.startsWith('kurser/') && h.facts.includes('Pårørende')), show(list));
  assert.deepEqual(new URL(page.url()).searchParams.getAll('for'), ['Pårørende']);
  await page.close();
});

// ---- keyboard, disk, accessibility, privacy ---------------------------------------------------

test('the keyboard reaches the search box, and from it the facets and the hits', async () => {
  const page = await context.newPage();
  await page.goto(searchUrl('gladsaxe'));
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'sog-q');
  }
  assert.ok(reached, 'Tab never reaches the search box');
  await page.keyboard.type('recovery');
  await waitForStatus(page, 'recovery');
  let facet = false;
  let hit = null;
  for (let i = 0; i < 40 && !hit; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return { facet: !!el.closest('[data-search-facets]'), hit: el.closest('#search-results') && el.tagName === 'A' ? el.getAttribute('href') : null };
    });
    facet ||= at.facet;
    hit = at.hit;
  }
  assert.ok(facet, 'Tab skips the facets');
  assert.ok(hit, 'Tab never reaches a hit link');
  await page.close();
});

test('a facet toggled from the keyboard keeps the focus', async () => {
  const page = await context.newPage();
  await search(page, 'gladsaxe', 'recovery');
  const course = (await facets(page)).find((o) => o.legend === 'Type' && o.value === 'Kursus');
  await page.focus(`#${course.id}`);
  const before = await page.textContent('#search-status');
  await page.keyboard.press('Space');
  await statusChange(page, before);
  const focused = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName }));
  assert.equal(focused.id, course.id, `focus moved to ${JSON.stringify(focused)} after choosing a facet`);
  await page.close();
});

test('opened from disk (file://), the search page finds and links the hits', async () => {
  const page = await context.newPage();
  const file = pathToFileURL(join(env.out, 'gladsaxe', 'sog', 'index.html')).href;
  await page.goto(`${file}?q=studiemestring`);
  await waitForStatus(page, 'studiemestring');
  const list = await hits(page, 'gladsaxe');
  const hit = list.find((h) => h.path === 'kurser/studiemestring-foraar-2027/');
  assert.ok(hit, show(list));
  assert.ok(hit.href.startsWith('file://') && /\/index\.html(#|$)/.test(hit.href), hit.href);
  await page.goto(hit.href);
  assert.equal((await page.textContent('h1')).trim(), 'Studiemestring');

  // Typing works from disk too.
  await page.goto(file);
  await page.fill('#sog-q', 'vaerksted');
  await waitForStatus(page, 'vaerksted');
  assertFinds(await hits(page, 'gladsaxe'), 'kurser/skrivevaerksted-efteraar-2026/', 'vaerksted');
  await page.close();
});

test('without JavaScript the search page lists every page from A to Å', async () => {
  const noScript = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto(`${env.origin}/roskilde/kurser/`);
  await page.fill('header input[name=q]', 'peer');
  await Promise.all([page.waitForURL(/\/roskilde\/sog\/(index\.html)?\?q=peer$/), page.press('header input[name=q]', 'Enter')]);
  assert.ok(await page.locator('[data-search-index-list]').isVisible(), 'the A–Å list is hidden');
  assert.equal(await page.locator('[data-search-ui]').isVisible(), false, 'an empty results area shows');
  const letters = await page.$$eval('[data-search-index-list] h3', (hs) => hs.map((h) => h.textContent.trim()));
  assert.ok(letters.length > 5, `${letters}`);
  const links = new Set(await page.$$eval('[data-search-index-list] .page-index a', (as) => as.map((a) => a.href)));
  // Every content page of the sitemap is listed (the generated lists are not pages of their own).
  const content = new Set(['page', 'manual', 'chapter', 'session', 'exercise', 'course']);
  const missing = [];
  let pages = 0;
  const visit = await noScript.newPage();
  for (const url of env.pages('roskilde')) {
    const response = await visit.goto(url);
    assert.equal(response.status(), 200, url);
    if (!content.has(await kindOf(visit))) continue;
    pages++;
    if (!links.has(url)) missing.push(url);
  }
  assert.ok(pages > 30, `only ${pages} content pages in the sitemap`);
  assert.deepEqual(missing, [], `pages missing from the A–Å list (${links.size} listed)`);
  await noScript.close();
});

test('the search page with hits and facets passes axe-core', async () => {
  const page = await context.newPage();
  await search(page, 'gladsaxe', 'recovery');
  assert.ok((await facets(page)).length > 3, 'no facets shown');
  const violations = await axe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await page.close();
});

test('searching loads nothing from another origin, and the index as scripts', async () => {
  const page = await context.newPage();
  const foreign = [];
  const index = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(env.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    if (r.url().includes('/sog/index/')) index.push([r.resourceType(), r.url()]);
  });
  for (const query of ['recovery', 'fællesskab', 'skri']) {
    await search(page, 'gladsaxe', query);
  }
  await page.locator('[data-search-facets] input[type=checkbox]').first().check();
  await page.waitForTimeout(200);
  assert.deepEqual(foreign, []);
  assert.ok(index.length > 2, `${index.length} index files loaded`);
  // Scripts, not fetch(): the same client works from file://.
  assert.deepEqual(index.filter(([type]) => type !== 'script'), []);
  assert.ok(index.every(([, url]) => /\/sog\/index\/[0-9a-f]+\/(meta|s\d+|c\d+)\.js$/.test(url)), JSON.stringify(index));
  await page.close();
});
