// Every page of every example municipality, in real Chromium: axe-core's WCAG 2.0/2.1 A and AA
// rules, no request to another origin, no cookies, no horizontal scrolling at 320 CSS px
// (WCAG 1.4.10) and no clipped text under the text-spacing overrides of WCAG 1.4.12.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe, kindOf } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The page kinds every example municipality must show, so each kind is tested on each site. */
const KINDS = ['front', 'catalogue', 'course', 'manuals', 'manual', 'chapter', 'session', 'exercise', 'page', 'search'];

/**
 * Pages checked at once, each in a page of its own: while axe runs in one, another can load, and
 * Chromium's renderers use both cores.
 */
const AT_ONCE = 2;

const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements that cut off their content (overflow hidden or clip and more content than room). */
function clippedElements() {
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    // Visually hidden helpers (the skip link before focus) are 1px boxes on purpose.
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const clipX = ['hidden', 'clip'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const clipY = ['hidden', 'clip'].includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (clipX || clipY) bad.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  }
  return bad;
}

test('every page of every municipality passes the checks', async (t) => {
  assert.ok(env.sites.length >= 3, `expected the example municipalities, found ${env.sites}`);
  for (const slug of env.sites) {
    await t.test(slug, { concurrency: AT_ONCE }, async (t) => {
      const context = await env.browser.newContext({ bypassCSP: true });
      const kinds = new Set();
      const urls = [...env.pages(slug), `${env.origin}/${slug}/was/`];
      await Promise.all(urls.map((url) => t.test(url.slice(env.origin.length), async () => {
        const page = await context.newPage();
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        try {
          await page.setViewportSize({ width: 1280, height: 900 });
          const response = await page.goto(url);
          assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
          // The redirect page sends the browser to the statement itself: check it before it goes.
          const kind = url.endsWith('/was/') ? 'redirect' : await kindOf(page);
          kinds.add(kind);
          if (kind === 'redirect') {
            const refresh = await page.request.get(url).then((r) => r.text());
            assert.match(refresh, /http-equiv=("?)refresh\1/);
            return;
          }

          const violations = await axe(page);
          assert.deepEqual(violations, [], `axe found violations on ${url} (${kind}):\n${JSON.stringify(violations, null, 2)}`);

          const foreign = requests.filter((u) => !u.startsWith(env.origin) && !u.startsWith('data:'));
          assert.deepEqual(foreign, [], `${url} loaded from other hosts`);
          assert.equal(await page.evaluate(() => document.cookie), '', `${url} set a cookie`);

          await page.setViewportSize({ width: 320, height: 640 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${url} (${kind}) scrolls horizontally by ${overflow}px at 320px`);

          await page.setViewportSize({ width: 1280, height: 900 });
          await page.addStyleTag({ content: TEXT_SPACING });
          const clipped = await page.evaluate(clippedElements);
          assert.deepEqual(clipped, [], `${url} (${kind}) clips text with WCAG 1.4.12 text spacing`);
        } finally {
          await page.close();
        }
      })));
      for (const kind of KINDS) {
        assert.ok(kinds.has(kind), `${slug} has no page of kind ${kind} (found ${[...kinds].join(', ')})`);
      }
      await context.close();
    });
  }
});

test('every page links the accessibility statement and /was/ points to it', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  for (const slug of env.sites) {
    for (const url of env.pages(slug)) {
      await page.goto(url);
      const link = page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' });
      assert.equal(await link.count(), 1, `${url} has no footer link to the accessibility statement`);
      const href = await link.getAttribute('href');
      assert.match(href, /^https:\/\//, `${url}: ${href}`);
    }
    const was = await page.request.get(`${env.origin}/${slug}/was/`).then((r) => r.text());
    const statement = await page.goto(`${env.origin}/${slug}/`).then(() =>
      page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).getAttribute('href'));
    assert.ok(was.includes(`url=${statement}`), `/${slug}/was/ does not redirect to ${statement}`);
  }
  await context.close();
});
