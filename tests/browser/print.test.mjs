// Print: exercise sheets and session plans print without navigation, header, footer or search,
// on A4; every example exercise sheet fits one page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, kindOf, ensureScreenshotDir } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const HIDDEN_IN_PRINT = ['.skip-link', 'header.site-header', 'nav', 'footer', 'form[role=search]', '.print-button'];

/** Pages of the PDF, and whether its pages are A4 (595 × 842 points). */
function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const a4 = boxes.length > 0 && boxes.every(([w, h]) => Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2);
  return { pages, a4 };
}

async function printed(page, url) {
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  for (const selector of HIDDEN_IN_PRINT) {
    const shown = await page.locator(selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
    assert.equal(shown, 0, `${url}: ${selector} is visible in print`);
  }
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  return { pdf, ...pdfPages(pdf) };
}

test('exercise sheets print on one A4 page, session plans on A4, without navigation', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const dir = ensureScreenshotDir();
  const done = new Set();
  let sheets = 0;
  let sessions = 0;
  for (const slug of env.sites) {
    for (const url of env.pages(slug)) {
      const path = url.slice(env.origin.length + slug.length + 1);
      if (done.has(path) || !/\/(ovelser|sessioner)\//.test(path)) continue;
      done.add(path);
      await page.emulateMedia({ media: 'screen' });
      await page.goto(url);
      const kind = await kindOf(page);
      const { pdf, pages, a4 } = await printed(page, url);
      assert.ok(a4, `${url} did not print on A4`);
      if (kind === 'exercise') {
        sheets++;
        assert.equal(pages, 1, `the exercise sheet ${url} prints on ${pages} pages`);
        if (sheets === 1) writeFileSync(join(dir, 'print-exercise.pdf'), pdf);
      } else if (kind === 'session') {
        sessions++;
        assert.ok(pages >= 1);
        if (sessions === 1) writeFileSync(join(dir, 'print-session.pdf'), pdf);
      }
    }
  }
  assert.ok(sheets >= 4, `only ${sheets} exercise sheets printed`);
  assert.ok(sessions >= 6, `only ${sessions} session plans printed`);
  await context.close();
});

test('the Print button appears with JavaScript and prints', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const sheet = env.pages('roskilde').find((u) => u.includes('/ovelser/'));
  await page.goto(sheet);
  const button = page.getByRole('button', { name: 'Print' });
  assert.equal(await button.isVisible(), true, 'no visible Print button on the exercise sheet');
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.printed), 1, 'the button did not print');
  await context.close();
});

test('the whole manual prints with each part on a new page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const url = env.pages('roskilde').find((u) => u.endsWith('/manualer/abc/print/'));
  assert.ok(url, 'no print page for the ABC manual in the sitemap');
  await page.goto(url);
  const parts = await page.locator('section.print-part').count();
  assert.ok(parts > 20, `only ${parts} parts on the print page`);
  const { pages, a4 } = await printed(page, url);
  assert.ok(a4, 'the manual did not print on A4');
  assert.ok(pages >= parts, `${parts} parts printed on only ${pages} pages: parts do not start new pages`);
  await context.close();
});
