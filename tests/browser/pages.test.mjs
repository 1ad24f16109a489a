// Page quality of every page kind of every municipality, in Chromium at a phone's and a desktop's
// width: no script or network errors (the favicon included), a short meta description, headings
// that never skip a level, and no layout shift while the page loads. The search page is also
// checked while a query from the address runs and shows its hits.
//
// One page per kind (the `kind-…` class on <body>) and site; all checks of a page are made, and
// its failures reported together.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, pagesByKind, kindOf } from './harness.mjs';

const WIDTHS = [{ width: 375, height: 740 }, { width: 1280, height: 900 }];
/** A word with hits in every example municipality's search index. */
const QUERY = 'recovery';
/** Cumulative Layout Shift must stay below this (Lighthouse's "good" is 0.1; we want less). */
const MAX_CLS = 0.05;
const MAX_DESCRIPTION = 200;
/** After the network has been idle, how long layout may still move before we read the shifts. */
const SETTLE_MS = 500;
/**
 * Pages checked at once, each in a page of its own: most of a check is waiting for the network to
 * fall idle and layout to settle, which several pages can do side by side.
 */
const AT_ONCE = 4;

let env;
/** slug → Map(kind → url) */
const kindsBySite = new Map();

before(async () => {
  env = await setup();
  const context = await env.browser.newContext();
  for (const slug of env.sites) kindsBySite.set(slug, await pagesByKind(env, slug, context));
  await context.close();
});
after(async () => { await env?.close(); });

/**
 * Sums the layout shifts not caused by input, from before the page's own scripts run. Each entry
 * keeps the elements that moved, so a failure can name them.
 */
function observeLayoutShifts() {
  const state = { value: 0, shifts: [], error: null };
  Object.defineProperty(window, '__layoutShifts', { value: state });
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName.toLowerCase() : '(removed)';
    const cls = [...node.classList].slice(0, 3).map((c) => `.${c}`).join('');
    return `${node.localName}${node.id ? `#${node.id}` : ''}${cls}`;
  };
  try {
    const record = (entries) => {
      for (const entry of entries) {
        if (entry.hadRecentInput) continue;
        state.value += entry.value;
        state.shifts.push({
          value: entry.value,
          at: Math.round(entry.startTime),
          sources: (entry.sources || []).map((s) => describe(s.node)),
        });
      }
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    state.flush = () => record(observer.takeRecords());
  } catch (e) {
    state.error = String(e);
  }
}

/** Opens `url` in a new page of `context` and records its errors and failed requests. */
async function open(context, url) {
  const page = await context.newPage();
  const errors = new Set();
  page.on('console', (m) => { if (m.type() === 'error') errors.add(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.add(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.add(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) errors.add(`HTTP ${r.status()}: ${r.url()}`); });
  // Playwright leaves the browser's own favicon requests out of its events; the DevTools protocol
  // reports them, so a failing favicon request is seen here. Chromium asks for a missing
  // /favicon.ico only once per browser, though, so the icon links are also checked one by one in
  // `problemsOf`.
  const cdp = await context.newCDPSession(page);
  const requested = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requested.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.status >= 400) errors.add(`HTTP ${e.response.status}: ${e.response.url}`);
  });
  cdp.on('Network.loadingFailed', (e) => {
    if (!e.canceled) errors.add(`request failed: ${requested.get(e.requestId) ?? e.requestId} (${e.errorText})`);
  });
  await cdp.send('Network.enable');
  return { page, errors };
}

/** Waits until nothing has been loaded for a while and layout has had time to settle. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(SETTLE_MS);
}

/** What the checks need from the loaded page. */
function readPage() {
  const shifts = window.__layoutShifts;
  shifts?.flush?.();
  const exposed = (el) => !el.closest('[aria-hidden="true"]')
    && el.checkVisibility({ visibilityProperty: true });
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
    .filter(exposed)
    .map((el) => ({
      level: el.getAttribute('role') === 'heading'
        ? Number(el.getAttribute('aria-level') || 2)
        : Number(el.localName.slice(1)),
      text: el.textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
    }));
  return {
    descriptions: [...document.querySelectorAll('meta[name="description" i]')].map((m) => m.getAttribute('content')),
    icons: [...document.querySelectorAll('link[rel~="icon" i]')].map((l) => ({ attr: l.getAttribute('href'), href: l.href })),
    headings,
    cls: shifts ? { value: shifts.value, shifts: shifts.shifts, error: shifts.error } : null,
  };
}

/** The problems of the page `page` once loaded, given the errors `open` recorded. */
async function problemsOf(page, errors) {
  const found = await page.evaluate(readPage);
  const problems = [...errors];

  if (found.descriptions.length !== 1) {
    problems.push(`meta description: expected one <meta name="description">, found ${found.descriptions.length}`);
  }
  for (const content of found.descriptions) {
    const text = (content ?? '').trim();
    if (!text) problems.push('meta description: content is empty');
    else if ([...text].length > MAX_DESCRIPTION) {
      problems.push(`meta description: ${[...text].length} characters, at most ${MAX_DESCRIPTION}: »${text}«`);
    }
  }

  if (found.icons.length === 0) problems.push('favicon: no <link rel="icon"> in the page');
  for (const icon of found.icons) {
    if (!icon.attr) { problems.push('favicon: <link rel="icon"> without href'); continue; }
    try {
      const response = await fetch(icon.href);
      const body = await response.arrayBuffer();
      if (response.status !== 200) problems.push(`favicon: ${icon.href} answers ${response.status}`);
      else if (body.byteLength === 0) problems.push(`favicon: ${icon.href} is empty`);
    } catch (e) {
      problems.push(`favicon: ${icon.href} cannot be fetched (${e.message})`);
    }
  }

  const outline = found.headings.map((h) => `h${h.level} ${h.text}`).join(' | ');
  if (found.headings.length === 0) problems.push('headings: none');
  else if (found.headings[0].level !== 1) problems.push(`headings: the first is h${found.headings[0].level}, not h1: ${outline}`);
  for (let i = 1; i < found.headings.length; i++) {
    const [prev, cur] = [found.headings[i - 1], found.headings[i]];
    if (cur.level > prev.level + 1) {
      problems.push(`headings: h${cur.level} »${cur.text}« follows h${prev.level} »${prev.text}« (skips a level)`);
    }
  }

  if (!found.cls) problems.push('layout shift: the observer was not installed');
  else if (found.cls.error) problems.push(`layout shift: cannot be observed (${found.cls.error})`);
  else if (!(found.cls.value < MAX_CLS)) {
    const worst = [...found.cls.shifts].sort((a, b) => b.value - a.value).slice(0, 5)
      .map((s) => `${s.value.toFixed(4)} at ${s.at} ms: ${s.sources.join(', ') || '?'}`);
    problems.push(`layout shift: CLS ${found.cls.value.toFixed(4)}, must be below ${MAX_CLS}; largest shifts: ${worst.join('; ')}`);
  }
  return problems;
}

function report(label, url, problems) {
  if (problems.length) assert.fail(`${label} (${url}):\n  - ${problems.join('\n  - ')}`);
}

for (const viewport of WIDTHS) {
  test(`every page kind at ${viewport.width} px: no errors, favicon, meta description, heading order, CLS`, { concurrency: AT_ONCE }, async (t) => {
    const context = await env.browser.newContext({ viewport });
    await context.addInitScript(observeLayoutShifts);
    const checks = [];
    try {
      for (const slug of env.sites) {
        for (const [kind, url] of kindsBySite.get(slug)) {
          const label = `${slug} ${kind} ${viewport.width}px`;
          checks.push(t.test(label, async () => {
            const { page, errors } = await open(context, url);
            try {
              await page.goto(url);
              await settle(page);
              const problems = await problemsOf(page, errors);
              const now = await kindOf(page);
              if (now !== kind) problems.unshift(`kind: the page is now a ${now || '(none)'} page, not a ${kind} page`);
              report(label, url, problems);
            } finally {
              await page.close();
            }
          }));
        }

        const label = `${slug} search ?q=${QUERY} ${viewport.width}px`;
        const url = `${env.origin}/${slug}/sog/?q=${encodeURIComponent(QUERY)}`;
        checks.push(t.test(label, async () => {
          const { page, errors } = await open(context, url);
          try {
            await page.goto(url);
            // The shifts are counted from the first paint, through the search, until the hits are
            // shown and the page has settled.
            const shown = await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0,
              null, { timeout: 10000 }).then(() => true, () => false);
            await settle(page);
            const problems = await problemsOf(page, errors);
            if (!shown) problems.unshift(`search: no hits shown for »${QUERY}« within 10 s`);
            report(label, url, problems);
          } finally {
            await page.close();
          }
        }));
      }
      await Promise.all(checks);
    } finally {
      await context.close();
    }
  });
}
