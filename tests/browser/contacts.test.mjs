// E-mail addresses and phone numbers on a 375 px phone: shown whole, never cut inside a word.
// An address may wrap only after its @ (the page offers a break there with <wbr>); a phone
// number not at all. Checked on every course page of the example sites, in Chromium's layout:
// each text piece of a link lies on one line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** For every e-mail and phone link of the page: its text pieces and on how many lines each lies. */
function contactPieces() {
  const lines = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    // One rectangle per line box the text is on (rects of the same line share their top).
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  return [...document.querySelectorAll('main a[href^="mailto:"], main a[href^="tel:"]')].flatMap((a) => {
    const texts = [...a.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    return texts.map((t) => ({ link: a.textContent, piece: t.textContent, lines: lines(t) }));
  });
}

test('e-mail addresses and phone numbers are not cut inside a word at 375 px', async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  let checked = 0;
  for (const slug of env.sites) {
    const courses = env.pages(slug).filter((u) => /\/kurser\/[^/]+\/$/.test(new URL(u).pathname)
      && !/\/kurser\/(tidligere|ledige-pladser|uden-henvisning|online|katalog)\/$/.test(new URL(u).pathname));
    for (const url of courses) {
      await page.goto(url);
      for (const { link, piece, lines } of await page.evaluate(contactPieces)) {
        assert.equal(lines, 1, `${url}: "${piece}" of ${link} is cut across ${lines} lines`);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} pieces checked`);
  await context.close();
});
