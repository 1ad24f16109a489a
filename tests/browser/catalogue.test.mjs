// The course catalogue's filters in a real browser. Without JavaScript the combined form stays
// hidden and the static filter pages do the job; with it, the form shows, hides the cards that do
// not match, counts the rest, keeps the choice in the address, and applies an address it is
// opened with. The catalogue with the form showing passes axe's WCAG 2.1 AA rules.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, axe } from './harness.mjs';

let env;
let catalogue;
before(async () => {
  env = await setup();
  catalogue = `${env.origin}/roskilde/kurser/`;
});
after(async () => { await env?.close(); });

/** Every card of the page: its title, filter data and whether it is shown. */
function cardsOf() {
  return [...document.querySelectorAll('main article.course-card')].map((card) => {
    const item = card.closest('li');
    return {
      title: card.querySelector('.card-title').textContent.trim(),
      kategori: card.dataset.kategori,
      henvisning: card.dataset.henvisning,
      shown: !item.hidden && item.getClientRects().length > 0,
    };
  });
}

const shownTitles = (cards) => cards.filter((c) => c.shown).map((c) => c.title);

/**
 * A category for which "no referral needed" narrows the list but leaves something: the filter
 * then provably hides cards of both kinds. Chosen from the page, so new example courses do not
 * break the test.
 */
function pickCategory(cards) {
  const categories = [...new Set(cards.map((c) => c.kategori))];
  const fits = categories.find((k) => {
    const matching = cards.filter((c) => c.kategori === k && c.henvisning === 'nej');
    return matching.length > 0 && matching.length < cards.length;
  });
  assert.ok(fits, `no category with a course that needs no referral: ${JSON.stringify(cards)}`);
  const expected = cards.filter((c) => c.kategori === fits && c.henvisning === 'nej').map((c) => c.title);
  return { kategori: fits, expected };
}

test('without JavaScript the combined form is hidden and the filter links work', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(catalogue);

  const form = page.locator('form[data-catalogue-filter]');
  assert.equal(await form.count(), 1);
  assert.equal(await form.isVisible(), false, 'the combined form shows without JavaScript');
  const cards = await page.evaluate(cardsOf);
  assert.ok(cards.length > 2, `only ${cards.length} cards`);
  assert.ok(cards.every((c) => c.shown), 'a card is hidden without JavaScript');

  // A category link leads to a page with just that category's courses, as many as it said.
  const { kategori } = pickCategory(cards);
  const inCategory = cards.filter((c) => c.kategori === kategori).map((c) => c.title);
  const categoryLink = page.locator(`nav.catalogue-filters a[href$="kategori/${kategori}/"]`);
  const count = await categoryLink.locator('xpath=following-sibling::span[@class="count"]').textContent();
  assert.equal(count.trim(), `(${inCategory.length})`);
  const categoryUrl = await categoryLink.evaluate((a) => a.href);
  await Promise.all([page.waitForURL(`**/roskilde/kurser/kategori/${kategori}/`), categoryLink.click()]);
  assert.deepEqual(shownTitles(await page.evaluate(cardsOf)), inCategory);
  // The chosen filter is marked: its link (now `./`, the page itself) leads where the link did.
  assert.equal(await page.locator('nav.catalogue-filters a[aria-current="page"]').evaluate((a) => a.href),
    categoryUrl);

  // "Kun uden henvisning" leads to the courses that need no referral.
  await page.goto(catalogue);
  const noReferral = cards.filter((c) => c.henvisning === 'nej').map((c) => c.title);
  await Promise.all([
    page.waitForURL('**/roskilde/kurser/uden-henvisning/'),
    page.getByRole('link', { name: 'Kun uden henvisning' }).click(),
  ]);
  const onPage = await page.evaluate(cardsOf);
  assert.deepEqual(shownTitles(onPage), noReferral);
  assert.ok(onPage.every((c) => c.henvisning === 'nej'));
  await context.close();
});

test('with JavaScript the form filters the cards, counts them and keeps the choice in the address', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(catalogue);

  const form = page.locator('form[data-catalogue-filter]');
  await form.waitFor({ state: 'visible' });
  const status = form.locator('.filter-result');
  const all = await page.evaluate(cardsOf);
  const total = all.length;
  assert.equal((await status.textContent()).trim(), `Viser ${total} af ${total} kurser`);
  assert.equal(new URL(page.url()).search, '');

  // The checkbox alone: the courses that need no referral.
  await page.getByLabel('Kun uden henvisning').check();
  const noReferral = all.filter((c) => c.henvisning === 'nej').map((c) => c.title);
  assert.ok(noReferral.length < total, 'every example course needs no referral');
  assert.deepEqual(shownTitles(await page.evaluate(cardsOf)), noReferral);
  assert.equal((await status.textContent()).trim(), `Viser ${noReferral.length} af ${total} kurser`);
  assert.equal(new URL(page.url()).search, '?henvisning=nej');

  // And a category: only its courses that need no referral.
  const { kategori, expected } = pickCategory(all);
  await page.getByLabel('Kategori', { exact: true }).selectOption(kategori);
  const cards = await page.evaluate(cardsOf);
  assert.deepEqual(shownTitles(cards), expected);
  assert.ok(cards.some((c) => !c.shown), 'no card was hidden');
  assert.equal((await status.textContent()).trim(), `Viser ${expected.length} af ${total} kurser`);
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(new URL(page.url()).search, `?kategori=${kategori}&henvisning=nej`);
  assert.equal(new URL(page.url()).pathname, '/roskilde/kurser/');

  // Clearing the choice shows every card again and clears the address.
  await page.getByLabel('Kategori', { exact: true }).selectOption('');
  await page.getByLabel('Kun uden henvisning').uncheck();
  assert.equal(shownTitles(await page.evaluate(cardsOf)).length, total);
  assert.equal(new URL(page.url()).search, '');
  assert.equal((await status.textContent()).trim(), `Viser ${total} af ${total} kurser`);
  await context.close();
});

test('opening an address with a filter applies it', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(catalogue);
  const all = await page.evaluate(cardsOf);
  const { kategori, expected } = pickCategory(all);

  await page.goto(`${catalogue}?kategori=${kategori}&henvisning=nej`);
  const form = page.locator('form[data-catalogue-filter]');
  await form.waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('Kategori', { exact: true }).inputValue(), kategori);
  assert.equal(await page.getByLabel('Kun uden henvisning').isChecked(), true);
  assert.deepEqual(shownTitles(await page.evaluate(cardsOf)), expected);
  assert.equal((await form.locator('.filter-result').textContent()).trim(),
    `Viser ${expected.length} af ${all.length} kurser`);
  assert.equal(new URL(page.url()).search, `?kategori=${kategori}&henvisning=nej`);
  await context.close();
});

test('the catalogue with the combined form showing has no axe violations', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(catalogue);
  await page.locator('form[data-catalogue-filter]').waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), [], 'with every card shown');

  // And with a filter applied (hidden cards, the status text filled in).
  const { kategori } = pickCategory(await page.evaluate(cardsOf));
  await page.goto(`${catalogue}?kategori=${kategori}&henvisning=nej`);
  await page.locator('form[data-catalogue-filter]').waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), [], 'with a filter applied');
  await context.close();
});

/** Every card of the page with what the availability, audience and online filters read. */
function facetsOf() {
  return [...document.querySelectorAll('main article.course-card')].map((card) => {
    const item = card.closest('li');
    return {
      title: card.querySelector('.card-title').textContent.trim(),
      pladser: card.dataset.pladser,
      for: card.dataset.for.split(' ').filter(Boolean),
      form: card.dataset.form,
      shown: !item.hidden && item.getClientRects().length > 0,
    };
  });
}

test('free places, audience and online narrow the cards together, from the form and the address', async () => {
  // Gladsaxe's example courses have a waiting list, a full course, online and hybrid courses
  // and several audiences.
  const gladsaxe = `${env.origin}/gladsaxe/kurser/`;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(gladsaxe);
  const form = page.locator('form[data-catalogue-filter]');
  await form.waitFor({ state: 'visible' });
  const all = await page.evaluate(facetsOf);
  const free = all.filter((c) => c.pladser === 'ja');
  assert.ok(free.length > 0 && free.length < all.length, 'free places do not narrow the list');

  await page.getByLabel('Kun kurser med ledige pladser').check();
  let shown = (await page.evaluate(facetsOf)).filter((c) => c.shown).map((c) => c.title);
  assert.deepEqual(shown, free.map((c) => c.title));
  assert.equal(new URL(page.url()).search, '?pladser=ja');

  await page.getByLabel('For', { exact: true }).selectOption('egen-erfaring');
  await page.getByLabel('Online kurser').check();
  const expected = all
    .filter((c) => c.pladser === 'ja' && c.for.includes('egen-erfaring') && c.form !== 'onsite')
    .map((c) => c.title);
  assert.ok(expected.length > 0, 'nothing left to show');
  shown = (await page.evaluate(facetsOf)).filter((c) => c.shown).map((c) => c.title);
  assert.deepEqual(shown, expected);
  assert.equal(new URL(page.url()).search, '?for=egen-erfaring&pladser=ja&online=ja');

  // The same address opened anew gives the same choice and cards.
  await page.goto(`${gladsaxe}?for=egen-erfaring&pladser=ja&online=ja`);
  await form.waitFor({ state: 'visible' });
  assert.equal(await page.getByLabel('Online kurser').isChecked(), true);
  assert.equal(await page.getByLabel('Kun kurser med ledige pladser').isChecked(), true);
  shown = (await page.evaluate(facetsOf)).filter((c) => c.shown).map((c) => c.title);
  assert.deepEqual(shown, expected);
  assert.deepEqual(await axe(page), [], 'with the new filters applied');
  await context.close();
});
