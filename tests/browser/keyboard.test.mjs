// Keyboard use: the skip link is the first stop and moves focus to the content, every stop
// shows a focus indicator, and the navigation and collapsible contents work without a mouse.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, pagesByKind } from './harness.mjs';

let env;
let context;
let kinds;
before(async () => {
  env = await setup();
  context = await env.browser.newContext();
  kinds = await pagesByKind(env, 'roskilde', context);
});
after(async () => { await env?.close(); });

function focused() {
  const el = document.activeElement;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: el.textContent.trim().slice(0, 60),
    href: el.getAttribute('href'),
    outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    shadow: cs.boxShadow !== 'none',
    visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.left < innerWidth + scrollX + 1,
  };
}

test('the first Tab stop is a visible skip link that moves focus to the main content', async () => {
  const page = await context.newPage();
  for (const kind of ['front', 'course', 'chapter', 'session', 'exercise']) {
    await page.goto(kinds.get(kind));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(focused);
    assert.match(first.cls, /skip-link/, `${kind}: first stop is ${JSON.stringify(first)}`);
    assert.equal(first.text, 'Gå til indhold');
    assert.ok(first.visible, `${kind}: the focused skip link is not visible: ${JSON.stringify(first)}`);
    await page.keyboard.press('Enter');
    const after = await page.evaluate(() => document.activeElement.id);
    assert.equal(after, 'indhold', `${kind}: the skip link did not move focus to <main id="indhold">`);
  }
  await page.close();
});

test('every Tab stop shows a visible focus indicator', async () => {
  const page = await context.newPage();
  for (const kind of ['front', 'catalogue', 'course', 'manual', 'chapter', 'session', 'exercise', 'search']) {
    await page.goto(kinds.get(kind));
    const seen = new Set();
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(focused);
      if (stop.tag === 'body') break;
      const key = `${stop.tag}|${stop.href}|${stop.text}|${stop.cls}`;
      if (seen.has(key) && i > 0) break;
      seen.add(key);
      assert.ok(stop.outline || stop.shadow, `${kind}: no focus indicator on ${JSON.stringify(stop)}`);
      assert.ok(stop.visible, `${kind}: a focused element is not visible: ${JSON.stringify(stop)}`);
    }
    assert.ok(seen.size > 3, `${kind}: only ${seen.size} Tab stops`);
  }
  await page.close();
});

test('the main navigation works from the keyboard', async () => {
  const page = await context.newPage();
  await page.goto(kinds.get('front'));
  for (const [name, path] of [['Kurser', '/roskilde/kurser/'], ['Manualer', '/roskilde/manualer/'], ['Søg', '/roskilde/sog/']]) {
    await page.goto(kinds.get('front'));
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate((n) => document.activeElement.textContent.trim() === n
        && document.activeElement.closest('nav') !== null, name);
    }
    assert.ok(found, `no Tab stop for the navigation link ${name}`);
    await Promise.all([page.waitForURL(`**${path}`), page.keyboard.press('Enter')]);
    assert.ok(page.url().endsWith(path), `${name} led to ${page.url()}`);
  }
  await page.close();
});

test('the menu is one list: shown on a wide screen, behind a Menu button on a small one', async () => {
  const page = await context.newPage();
  await page.goto(kinds.get('front'));
  const summary = page.locator('nav.site-nav details > summary');
  const first = page.locator('nav.site-nav li a').first();
  assert.equal(await summary.isVisible(), false, 'a Menu button on a wide screen');
  assert.equal(await first.isVisible(), true, 'the menu is hidden on a wide screen');
  await page.setViewportSize({ width: 375, height: 700 });
  assert.equal(await summary.isVisible(), true, 'no Menu button on a small screen');
  assert.equal(await first.isVisible(), false, 'the menu starts open on a small screen');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.isVisible(), true, 'Enter did not open the menu');
  await page.close();
});

test('on a small screen the manual contents of a chapter open from the keyboard', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(kinds.get('chapter'));
  const details = page.locator('nav.manual-toc details');
  assert.equal(await details.count(), 1, 'the chapter has no collapsible contents');
  assert.equal(await details.evaluate((d) => d.open), false, 'the contents start open on a small screen');
  let onSummary = false;
  for (let i = 0; i < 40 && !onSummary; i++) {
    await page.keyboard.press('Tab');
    onSummary = await page.evaluate(() => document.activeElement.matches('nav.manual-toc summary'));
  }
  assert.ok(onSummary, 'the contents toggle is not a Tab stop');
  await page.keyboard.press('Enter');
  assert.equal(await details.evaluate((d) => d.open), true, 'Enter did not open the contents');
  await page.close();
});
