// The printed term catalogue (kurser/katalog/) of every example site: on screen it passes axe;
// printed to PDF on A4 it has a cover page, a contents page and the courses after them, and no
// course is split across two pages.
//
// Where a course landed is read from the PDF itself, not guessed from a layout in the browser:
// Chromium writes each visible link as a /Link annotation with its /URI on the page where it
// was drawn (one per line when a link wraps), in the order it was painted. The links visible in
// print, read from the DOM in document order, are zipped with the annotations read page by page,
// both taken as runs of one URL (so a wrapped link is one run, whatever its line count); the test
// first asserts that both name the same URLs in the same order, so a mismatch fails loudly
// instead of pairing wrongly. Every course block has at least two links (its title at the top and
// the address under its QR code at the bottom), and all of a block's links must be on one page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, axe, ensureScreenshotDir } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The objects of an uncompressed-xref PDF as Chromium (Skia) writes it: number → body. */
function objects(pdf) {
  const text = pdf.toString('latin1');
  const out = new Map();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)endobj/g)) out.set(Number(m[1]), m[2]);
  return out;
}

/** A PDF literal string's text: `(…)` with its backslash escapes undone. */
function literal(s) {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e) => (
    { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' }[e] ?? String.fromCharCode(parseInt(e, 8))
  ));
}

/** The pages of the PDF in order, each with the URIs of its link annotations in order. */
function pdfLinks(pdf) {
  const objs = objects(pdf);
  const root = [...objs.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  assert.ok(root, 'no /Catalog in the PDF');
  const pagesRef = Number(root.match(/\/Pages\s+(\d+)\s+0\s+R/)[1]);
  const pages = [];
  const walk = (n) => {
    const body = objs.get(n);
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = body.match(/\/Kids\s*\[([^\]]*)\]/)[1];
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]));
      return;
    }
    const annots = body.match(/\/Annots\s*\[([^\]]*)\]/)?.[1] ?? '';
    const uris = [...annots.matchAll(/(\d+)\s+0\s+R/g)]
      .map((a) => objs.get(Number(a[1])) ?? '')
      .map((a) => a.match(/\/URI\s*\(((?:\\.|[^\\)])*)\)/)?.[1])
      .filter((u) => u !== undefined)
      .map(literal);
    const box = body.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
    pages.push({ uris, a4: !!box && Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2 });
  };
  walk(pagesRef);
  return pages;
}

/** Items grouped into runs of consecutive equal `uri`s: [{uri, items}]. */
function runs(items) {
  const out = [];
  for (const item of items) {
    if (out.at(-1)?.uri === item.uri) out.at(-1).items.push(item);
    else out.push({ uri: item.uri, items: [item] });
  }
  return out;
}

test('the printed catalogue passes axe on screen, prints on A4 with a cover and contents, and keeps every course on one page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const dir = ensureScreenshotDir();
  let printedCourses = 0;
  for (const slug of env.sites) {
    const url = env.pages(slug).find((u) => u.endsWith('/kurser/katalog/'));
    assert.ok(url, `${slug}: the printed catalogue is not in the sitemap`);

    await page.emulateMedia({ media: 'screen' });
    await page.goto(url);
    const violations = await axe(page);
    assert.deepEqual(violations, [], `${url}: axe found ${JSON.stringify(violations, null, 2)}`);

    await page.emulateMedia({ media: 'print' });
    // Every link out of the page drawn in print, in document order, with the course block it
    // is in (or -1). Links within the page (the contents) become destinations, not URIs.
    const links = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('article.prospectus-course')];
      return [...document.querySelectorAll('a[href]')]
        .filter((a) => !a.getAttribute('href').startsWith('#'))
        .filter((a) => a.checkVisibility() && a.getClientRects().length > 0)
        .map((a) => ({ href: a.href, block: blocks.findIndex((b) => b.contains(a)) }));
    });
    const courses = await page.locator('article.prospectus-course').count();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    if (slug === env.sites[0]) writeFileSync(join(dir, 'print-prospectus.pdf'), pdf);
    const pages = pdfLinks(pdf);

    assert.ok(pages.every((p) => p.a4), `${url} did not print on A4`);
    const annotated = pages.flatMap((p, n) => p.uris.map((uri) => ({ uri, page: n })));
    // A link broken over two lines is two annotations, so links are matched as runs of one URL.
    const domRuns = runs(links.map((l) => ({ uri: l.href, block: l.block })));
    const pdfRuns = runs(annotated);
    assert.deepEqual(pdfRuns.map((r) => r.uri), domRuns.map((r) => r.uri),
      `${url}: the PDF's links are not the page's links in order, so they cannot be matched`);

    // Cover and contents each on their own page, then at least one page of courses; a course
    // never takes more than a page.
    const min = courses > 0 ? 3 : 2;
    assert.ok(pages.length >= min && pages.length <= 2 + courses,
      `${url}: ${courses} courses printed on ${pages.length} pages`);

    const pageOf = new Map();
    domRuns.forEach((run, i) => {
      const blocks = new Set(run.items.map((l) => l.block));
      assert.equal(blocks.size, 1, `${url}: the links to ${run.uri} run over two course blocks`);
      const [block] = blocks;
      if (block < 0) return;
      if (!pageOf.has(block)) pageOf.set(block, new Set());
      for (const a of pdfRuns[i].items) pageOf.get(block).add(a.page);
    });
    for (let b = 0; b < courses; b++) {
      const on = [...(pageOf.get(b) ?? [])];
      const linksInBlock = links.filter((l) => l.block === b).length;
      assert.ok(linksInBlock >= 2, `${url}: course ${b + 1} has ${linksInBlock} links, too few to tell`);
      assert.equal(on.length, 1, `${url}: course ${b + 1} is split across pages ${on.map((p) => p + 1)}`);
      assert.ok(on[0] >= 2, `${url}: course ${b + 1} is on page ${on[0] + 1}, before the contents end`);
    }
    printedCourses += courses;
  }
  assert.ok(printedCourses >= 5, `only ${printedCourses} courses printed across the example sites`);
  await context.close();
});

test('the catalogue page links to the printed catalogue', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const url = env.pages('roskilde').find((u) => u.endsWith('/roskilde/kurser/'));
  await page.goto(url);
  await page.getByRole('link', { name: 'Trykt kursuskatalog (til print)' }).click();
  await page.waitForURL(/\/kurser\/katalog\/$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kursuskatalog');
  await context.close();
});
