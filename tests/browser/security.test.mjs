// Content never runs, and the Content-Security-Policy holds: every page kind of the example
// sites (served and from file://) reports no CSP violation, and the project made of cross-site
// scripting vectors (examples/xss_project.rs) runs none of them in Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, pagesByKind, REPO } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Before any page script: count CSP violations, dialogs are recorded by the caller. */
function watchPolicy() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
}

async function watchedPage(context) {
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) messages.push(m.text()); });
  page.on('dialog', (d) => { messages.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.addInitScript(watchPolicy);
  return { page, messages };
}

async function assertQuiet(page, messages, url) {
  await page.waitForTimeout(50);
  const violations = await page.evaluate(() => window.__violations);
  const xss = await page.evaluate(() => window.__xss);
  assert.deepEqual([...violations, ...messages], [], url);
  assert.equal(xss, undefined, `${url} ran a vector`);
}

test('no page kind reports a Content-Security-Policy violation', async () => {
  const context = await env.browser.newContext();
  const kinds = new Set();
  for (const slug of env.sites) {
    const byKind = await pagesByKind(env, slug, context);
    const { page, messages } = await watchedPage(context);
    for (const [kind, url] of byKind) {
      kinds.add(kind);
      await page.goto(url);
      await assertQuiet(page, messages, url);
    }
    // The search page with hits shown, built by the client from the index scripts.
    const search = `${env.origin}/${slug}/sog/?q=gruppe`;
    await page.goto(search);
    await page.waitForSelector('#search-results li, .search-results li', { timeout: 10000 });
    await assertQuiet(page, messages, search);
    await page.close();
  }
  for (const kind of ['front', 'catalogue', 'course', 'manual', 'chapter', 'session', 'exercise', 'search']) {
    assert.ok(kinds.has(kind), `the kind ${kind} was visited (visited: ${[...kinds]})`);
  }
  await context.close();
});

test('from file:// the policy lets the site\'s own scripts run, search included', async () => {
  const context = await env.browser.newContext();
  const { page, messages } = await watchedPage(context);
  const slug = env.sites[0];
  const file = pathToFileURL(join(env.out, slug, 'sog', 'index.html')).href + '?q=gruppe';
  await page.goto(file);
  await page.waitForSelector('#search-results li, .search-results li', { timeout: 10000 });
  await assertQuiet(page, messages, file);
  const front = pathToFileURL(join(env.out, slug, 'kurser', 'index.html')).href;
  await page.goto(front);
  await assertQuiet(page, messages, front);
  await context.close();
});

/** Every `.html` file under `dir`. */
function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', cwd: REPO });
  return result;
}

/**
 * The vector project, built. Vectors that Markdown turns into a `javascript:` autolink are refused
 * by the build (the Rust tests check that); they are found from the errors' lines (the generator
 * tells which vectors each line holds) and left out here so the rest can be built.
 */
function buildVectorProject(allowHtml) {
  const root = mkdtempSync(join(tmpdir(), 'vejviser-xss-'));
  cpSync(join(REPO, 'themes'), join(root, 'themes'), { recursive: true });
  const generate = (without) => {
    const args = ['run', '--quiet', '--example', 'xss_project', '--', '--out', root];
    if (allowHtml) args.push('--allow-html');
    if (without.length) args.push('--without', without.join(','));
    const r = run('cargo', args);
    assert.equal(r.status, 0, r.stderr);
  };
  generate([]);
  const lines = JSON.parse(readFileSync(join(root, 'xss-lines.json'), 'utf8'));
  const bin = process.env.VEJVISER_BIN || join(REPO, 'target', 'debug', 'vejviser');
  const check = run(bin, ['check', '--root', root, '--format', 'json']);
  const errors = JSON.parse(check.stdout).filter((f) => f.severity === 'error');
  const refused = new Set();
  for (const e of errors) {
    const vectors = lines[e.file]?.[e.line - 1] ?? [];
    assert.ok(vectors.length > 0, `an error on a line without a vector: ${JSON.stringify(e)}`);
    vectors.forEach((v) => refused.add(v));
  }
  if (refused.size) {
    spawnSync('rm', ['-rf', join(root, 'content')]);
    generate([...refused]);
  }
  const out = join(root, 'public');
  const build = run(bin, ['build', '--root', root, '--out', out]);
  assert.equal(build.status, 0, build.stderr);
  return { out, refused };
}

for (const allowHtml of [false, true]) {
  test(`no vector runs in any page (raw HTML ${allowHtml ? 'allowed' : 'escaped'})`, async () => {
    const { out, refused } = buildVectorProject(allowHtml);
    assert.ok(refused.size < 5, `${refused.size} vectors refused`);
    const files = htmlFiles(join(out, 'xss')).filter((f) => !f.includes('/was/'));
    assert.ok(files.length > 30, `${files.length} pages`);
    const context = await env.browser.newContext();
    // Nothing leaves the machine: a vector that loaded something from elsewhere would show here.
    const foreign = [];
    await context.route(/^(?!file:)/, (route) => { foreign.push(route.request().url()); route.abort(); });
    const { page, messages } = await watchedPage(context);
    for (const file of files) {
      const url = pathToFileURL(file).href;
      await page.goto(url);
      // Hover and focus everything a vector could hang a handler on.
      await page.evaluate(() => {
        for (const el of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'focus', 'click', 'toggle', 'error', 'load']) {
            if (type === 'click' && el.closest('a[href], button, form')) continue;
            el.dispatchEvent(new Event(type));
          }
        }
      });
      await assertQuiet(page, messages, relative(out, file));
    }
    assert.deepEqual(foreign, []);
    await context.close();
  });
}
