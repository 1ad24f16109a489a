// The browser tests' harness: builds the example municipalities with the real binary, serves
// the output on 127.0.0.1 and drives Debian's Chromium through playwright-core.
//
// Every test file calls `setup()` once; the build and the server are shared within a file.

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The day the example sites are built for, so course status and listings are reproducible. */
export const TODAY = '2026-11-22';
export const SCREENSHOTS = join(REPO, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.xml': 'application/xml', '.txt': 'text/plain', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ics': 'text/calendar', '.json': 'application/json', '.pdf': 'application/pdf',
};

/** axe-core, which the server also serves at AXE_URL_PATH. */
const AXE_FILE = join(REPO, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js');
const AXE_URL_PATH = '/__tests__/axe.min.js';

/** Serves `root` read-only; folders answer with their index.html. */
function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === AXE_URL_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(readFileSync(AXE_FILE));
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The binary built by `cargo build` (scripts/browser-test builds it first). */
export function binary() {
  const bin = process.env.VEJVISER_BIN || join(REPO, 'target', 'debug', 'vejviser');
  if (!existsSync(bin)) throw new Error(`no vejviser binary at ${bin}: run cargo build first`);
  return bin;
}

/**
 * Builds the example project into a temporary folder served over HTTP and starts Chromium.
 * Returns { origin, out, browser, sites, pages(slug), close() }.
 */
export async function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package (scripts/browser-test does this)`);
  }
  const out = mkdtempSync(join(tmpdir(), 'vejviser-browser-'));
  const server = await serve(out);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const result = spawnSync(binary(), ['build', '--root', REPO, '--out', out, '--today', TODAY, '--base-url', `${origin}/`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vejviser build failed (${result.status}):\n${result.stderr}`);
  const sites = readdirSites(out);
  const browser = await launch();
  return {
    origin, out, browser, sites,
    /** Every page of a site, from its sitemap, as absolute URLs. */
    pages(slug) {
      const xml = readFileSync(join(out, slug, 'sitemap.xml'), 'utf8');
      return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Debian's Chromium, headless, with nothing of its own on the network. */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium package (scripts/browser-test does this)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

function readdirSites(out) {
  return spawnSync('ls', [out], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
}

/** The page kind vejviser writes on <body class="kind-…">. */
export async function kindOf(page) {
  return page.evaluate(() => [...document.body.classList].find((c) => c.startsWith('kind-'))?.slice(5) ?? '');
}

/** One URL per page kind of a site (the first in sitemap order), found by loading pages. */
export async function pagesByKind(env, slug, context) {
  const page = await context.newPage();
  const byKind = new Map();
  for (const url of env.pages(slug)) {
    await page.goto(url);
    const kind = await kindOf(page);
    if (!byKind.has(kind)) byKind.set(kind, url);
  }
  await page.close();
  return byKind;
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules in the page and returns the violations. On a served
 * page axe is loaded from the test server, like the site's own scripts, so the pages'
 * Content-Security-Policy (`script-src 'self'`) lets it run; an inline copy would be refused.
 * Pages of another server (the preview's editor) get the inline copy, in a context that
 * bypasses their CSP: `fromTestServer: false`.
 */
export async function axe(page, { fromTestServer = /^https?:/.test(page.url()) } = {}) {
  await page.addScriptTag(fromTestServer ? { url: new URL(AXE_URL_PATH, page.url()).href } : { path: AXE_FILE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
}

export function ensureScreenshotDir() {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}
