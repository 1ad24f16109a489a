// Screenshots of each page kind of each municipality at desktop and mobile width, written to
// target/screenshots/ so a person can look at the sites without a browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setup, pagesByKind, ensureScreenshotDir } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const WIDTHS = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 740 } };

test('screenshots of every page kind, desktop and mobile', async () => {
  const dir = ensureScreenshotDir();
  const context = await env.browser.newContext();
  for (const slug of env.sites) {
    const kinds = await pagesByKind(env, slug, context);
    const page = await context.newPage();
    for (const [kind, url] of kinds) {
      for (const [name, viewport] of Object.entries(WIDTHS)) {
        await page.setViewportSize(viewport);
        await page.goto(url);
        const file = join(dir, `${slug}-${kind}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assert.ok(existsSync(file) && statSync(file).size > 1000, `no screenshot at ${file}`);
      }
    }
    await page.close();
  }
  await context.close();
});
