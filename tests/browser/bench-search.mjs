// Measures the search client on a built site (a benchmark, run by scripts/bench, not a test):
// the index's size and file count, and in headless Chromium the bytes a first query fetches
// (client included) and the time to answer a first and a follow-up query.
//
//   node bench-search.mjs <site folder> [query] [follow-up query]

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const site = process.argv[2];
const first = process.argv[3] || 'fællesskab';
const second = process.argv[4] || 'værksted';
if (!site) throw new Error('usage: node bench-search.mjs <site folder> [query] [follow-up]');

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const indexFiles = walk(join(site, 'sog', 'index'));
const indexBytes = indexFiles.reduce((s, f) => s + statSync(f).size, 0);
console.log(`index: ${indexFiles.length} files, ${(indexBytes / 1024).toFixed(0)} KB`);

const server = createServer((req, res) => {
  let path = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(readFileSync(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();

async function query(q) {
  return page.evaluate(async (text) => {
    const input = document.getElementById('sog-q');
    const status = document.getElementById('search-status');
    status.textContent = '';
    const t0 = performance.now();
    input.value = text;
    input.form.requestSubmit();
    // Done when the live region names the query: the hits and facets are drawn by then.
    await new Promise((resolve) => {
      const done = () => status.textContent.includes(text.trim());
      const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); resolve(); } });
      watch.observe(status, { childList: true, characterData: true, subtree: true });
    });
    return { ms: performance.now() - t0, status: status.textContent };
  }, q);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Bytes of every script the page has loaded so far (the client and the index files).
function scriptBytes() {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.js'))
    .reduce((sum, e) => sum + e.decodedBodySize, 0));
}

await page.goto(`${origin}/sog/`);
const a = await query(first);
const firstBytes = await scriptBytes();
if (process.env.BENCH_VERBOSE) {
  console.log(await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => `  ${e.name.split('/').pop()} ${e.decodedBodySize}`).join('\n')));
}
console.log(`first query "${first}": ${a.ms.toFixed(1)} ms (shards loaded on demand), ${(firstBytes / 1024).toFixed(1)} KB of client and index scripts fetched, ${a.status}`);
// The same query again, its files loaded: the time the client itself takes (median of 15).
const again = [];
for (let i = 0; i < 15; i++) again.push((await query(first + (i % 2 ? ' ' : ''))).ms);
console.log(`the same query again (files already loaded): median ${median(again).toFixed(1)} ms of ${again.length} (min ${Math.min(...again).toFixed(1)}, max ${Math.max(...again).toFixed(1)})`);
const b = await query(second);
const moreBytes = (await scriptBytes()) - firstBytes;
console.log(`follow-up query "${second}": ${b.ms.toFixed(1)} ms, ${(moreBytes / 1024).toFixed(1)} KB more fetched, ${b.status}`);
await browser.close();
server.close();
