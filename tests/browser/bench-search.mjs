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
let bytes = 0;
let counting = false;
page.on('response', async (r) => {
  if (!counting || !r.url().endsWith('.js')) return;
  try { bytes += (await r.body()).length; } catch { /* a navigation cancelled it */ }
});

async function query(q) {
  return page.evaluate(async (text) => {
    const input = document.getElementById('sog-q');
    const status = document.getElementById('search-status');
    const before = status.textContent;
    const t0 = performance.now();
    input.value = text;
    input.form.requestSubmit();
    while (status.textContent === before || !status.textContent.includes(text)) {
      await new Promise((r) => setTimeout(r, 1));
    }
    return { ms: performance.now() - t0, status: status.textContent };
  }, q);
}

counting = true;
await page.goto(`${origin}/sog/`);
const a = await query(first);
await page.waitForTimeout(200);
console.log(`first query "${first}": ${a.ms.toFixed(1)} ms (shards loaded on demand), ${(bytes / 1024).toFixed(1)} KB of scripts and index fetched, ${a.status}`);
const again = await query(first + ' ');
console.log(`same query again (shards loaded): ${again.ms.toFixed(1)} ms`);
bytes = 0;
const b = await query(second);
console.log(`follow-up query "${second}": ${b.ms.toFixed(1)} ms, ${(bytes / 1024).toFixed(1)} KB more fetched, ${b.status}`);
await browser.close();
server.close();
