// The editor of `vejviser serve` (/_rediger/) in real Chromium, as a member of staff uses it: a
// new course made from the form alone, its dates moved and a week skipped, seen in the preview
// and in a build; then a deadline after the first meeting, a skipped day that is no meeting and
// an unknown place refused beside their fields in Danish with nothing written. Every page passes
// axe-core's WCAG A and AA rules, works at 320 px and by keyboard, and keeps to its own
// Content-Security-Policy, under which its one script shows the body's preview as it is typed.
// The pictures in the README's "Redigér i browseren" are written here, to docs/editor/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { axe, binary, launch, REPO, TODAY } from './harness.mjs';

const COURSE = 'roskilde/kurser/abc-foraar-2027.md';
let server, browser, base, root;

before(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'vejviser-editor-')), 'projekt');
  cpSync(join(REPO, 'vejviser.yaml'), join(root, 'vejviser.yaml'));
  cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  server = spawn(binary(), ['serve', '--root', root, '--port', '0', '--today', TODAY], { stdio: ['ignore', 'pipe', 'ignore'] });
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once('line', resolve);
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  base = first.match(/ on (http:\/\/127\.0\.0\.1:\d+\/)$/)[1];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

const file = () => readFileSync(join(root, 'content', COURSE), 'utf8');

async function assertAccessible(page) {
  assert.deepEqual(await axe(page, { fromTestServer: false }), [], `axe found violations on ${page.url()}`);
}

// The README's pictures of the editor, small: one screen each, at a phone's and a laptop's width.
const DOCS = join(REPO, 'docs', 'editor');
async function picture(page, name, selector) {
  mkdirSync(DOCS, { recursive: true });
  if (selector) await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(DOCS, `${name}.png`) });
}

// Nothing scrolls sideways at 320 CSS px.
async function assertNoSideways(page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  assert.equal(wide, false, `horizontal scrolling on ${page.url()}`);
}

const NEW = 'roskilde/kurser/skriv-dig-glad.md';
const created = () => readFileSync(join(root, 'content', NEW), 'utf8');

async function submit(page, selector = 'form button[type=submit]:not([name])') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// Problems are shown right after their input, which names them in `aria-describedby`, framed
// in Danish by the editor.
async function problemBeside(page, name) {
  const input = page.locator(`[name="${name}"]`).first();
  assert.equal(await input.getAttribute('aria-invalid'), 'true', name);
  const ids = (await input.getAttribute('aria-describedby')).split(' ');
  const texts = [];
  for (const id of ids) {
    const el = page.locator(`#${id}`);
    if (await el.evaluate((e) => e.classList.contains('problem'))) texts.push(await el.textContent());
  }
  assert.equal(texts.length, 1, `${name}: ${ids}`);
  assert.match(texts[0], /^Fejl i feltet: .*\(linje \d+\)/);
  return texts[0];
}

test('staff create a course from the form, move its dates, skip a week, and see errors beside their fields', async () => {
  // axe is added to the page as a script, which the editor's CSP forbids: bypassed here, and
  // checked on its own below.
  const context = await browser.newContext({ bypassCSP: true, locale: 'da-DK', viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}_rediger/`);
  await assertAccessible(page);
  await picture(page, 'oversigt');
  await page.click('a[href="/_rediger/nyt-kursus/roskilde/"]');
  await assertAccessible(page);

  await page.fill('[name="title"]', 'Skriv dig glad');
  await page.fill('[name="schedule.start"]', '2027-03-03');
  await page.fill('[name="signup.deadline"]', '2027-02-24');
  await page.selectOption('[name="location"]', 'roskilde-bibliotek');
  await picture(page, 'nyt-kursus', '[name="category"]');
  await submit(page);
  assert.match(await page.textContent('[role=status]'), /Gemt/);
  assert.match(page.url(), /\/_rediger\/fil\/roskilde\/kurser\/skriv-dig-glad\.md\?gemt$/);
  assert.match(created(), /^---\ntitle: Skriv dig glad\n/);
  await assertAccessible(page);

  // Move the dates, and add a week without a meeting by keyboard alone: the "Tilføj" button,
  // then the new date input has focus.
  await page.fill('[name="schedule.start"]', '2027-03-10');
  await page.fill('[name="signup.deadline"]', '2027-03-03');
  await page.focus('button[value="add:schedule.skip"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'schedule.skip.0');
  assert.equal(await page.inputValue('[name="schedule.start"]'), '2027-03-10', 'the list button kept the values typed');
  assert.doesNotMatch(created(), /2027-03-10/, 'a list button wrote');
  await page.fill('[name="schedule.skip.0"]', '2027-03-24');
  await picture(page, 'liste', '#felt-schedule-skip');
  await submit(page);
  assert.match(await page.textContent('[role=status]'), /Gemt/);
  const saved = created();
  assert.match(saved, /\n {2}start: 2027-03-10\n/);
  assert.match(saved, /\n {2}skip: \[2027-03-24\]\n/);
  assert.match(saved, /signup: \{ deadline: 2027-03-03, /);

  // The preview server shows it (it rebuilds on the write) …
  let html = '';
  for (let i = 0; i < 120 && !/10\. marts 2027/.test(html); i++) {
    const response = await fetch(`${base}roskilde/kurser/skriv-dig-glad/`).catch(() => null);
    html = response?.ok ? await response.text() : '';
    if (!/10\. marts 2027/.test(html)) await new Promise((r) => setTimeout(r, 250));
  }
  assert.match(html, /Skriv dig glad/);
  assert.match(html, /10\. marts 2027/);
  // … and so does a build.
  const out = join(root, 'public');
  const built = spawnSync(binary(), ['build', '--root', root, '--today', TODAY], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const builtPage = readFileSync(join(out, 'roskilde', 'kurser', 'skriv-dig-glad', 'index.html'), 'utf8');
  // Weekly from 10 March, no meeting on the 24th: the later meetings move a week.
  assert.match(builtPage, /<time datetime="2027-03-10">/);
  assert.match(builtPage, /<time datetime="2027-03-17">/);
  assert.doesNotMatch(builtPage, /<time datetime="2027-03-24">/);
  assert.match(builtPage, /<time datetime="2027-03-31">/);

  // A deadline after the first meeting, a skipped day the course does not meet on (a Thursday),
  // and a place the municipality does not have (a form opened before the place was renamed):
  // each refused beside its field, nothing written.
  await page.fill('[name="signup.deadline"]', '2027-03-17');
  await page.fill('[name="schedule.skip.0"]', '2027-03-25');
  await page.evaluate(() => {
    const select = document.querySelector('[name="location"]');
    select.add(new Option('Det gamle bibliotek', 'det-gamle-bibliotek'));
    select.value = 'det-gamle-bibliotek';
  });
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]:not([name])')]);
  assert.match(await page.textContent('[role=alert]'), /Der er noget, der skal rettes/);
  const deadline = await problemBeside(page, 'signup.deadline');
  const skipped = await problemBeside(page, 'schedule.skip.0');
  const place = await problemBeside(page, 'location');
  // Focus is on the first field with a problem.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
  // The build's own findings, in the project's language (Danish).
  assert.match(deadline, /Tilmeldingsfristen 2027-03-17 er efter første mødegang/);
  assert.match(place, /Ukendt sted det-gamle-bibliotek/);
  assert.match(skipped, /skip: 2027-03-25 er ikke en mødedag for kurset/);
  // What a finding quotes from the file reads as the file's own text: code, not backticks.
  // What a finding quotes from the file (a value, a key) reads as the file's own text: code, not
  // backticks.
  assert.deepEqual(await page.locator('.problem code').allTextContents(),
    ['det-gamle-bibliotek', 'locations:', 'skip: 2027-03-25', 'intake:']);
  assert.equal(created(), saved, 'a refused save wrote');
  await assertAccessible(page);
  await picture(page, 'fejl', '[role=alert]');
  await context.close();
});

test('the editor works at 320 px: no sideways scrolling, every stop visible by keyboard', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['_rediger/', `_rediger/fil/${COURSE}`, '_rediger/nyt-kursus/roskilde/', '_rediger/fil/_shared/manualer/abc/sessioner/uge-01.md']) {
    await page.goto(`${base}${path}`);
    await assertNoSideways(page);
    await assertAccessible(page);
  }
  // Keyboard: a list button moves a row and focus follows it.
  await page.focus('button[value="down:agenda.0"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'agenda.1.minutes');
  assert.equal(await page.inputValue('[name="agenda.1.activity"]'), 'Velkomst, navneskilte og kaffe');
  // Focus is visible on every button of the form.
  const outline = await page.evaluate(() => {
    const b = document.querySelector('button.small');
    b.focus();
    return getComputedStyle(b).outlineStyle;
  });
  assert.notEqual(outline, 'none');
  await picture(page, 'mobil');
  await context.close();
});

test('the preview button shows the text as the site renders it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}_rediger/fil/${COURSE}`);
  await page.fill('[name="body"]', '## Et nyt afsnit\n\nMed **fed** skrift.');
  await Promise.all([page.waitForNavigation(), page.click('button[value=preview]')]);
  assert.equal(await page.textContent('#forhaandsvisning .rendered h2'), 'Et nyt afsnit');
  assert.equal(await page.textContent('#forhaandsvisning strong'), 'fed');
  await context.close();
});

test('the preview follows the text as it is typed, under the editor\'s policy, writing nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
  const before = file();
  const url = `${base}_rediger/fil/${COURSE}`;
  await page.goto(url);
  assert.equal(await page.isHidden('#forhaandsvisning'), true, 'nothing to show before typing');
  await page.fill('[name="body"]', '');
  await page.locator('[name="body"]').pressSequentially('## Skrevet nu\n\nMed *kursiv*.');
  await page.waitForFunction(() => document.querySelector('#forhaandsvisning .rendered em')?.textContent === 'kursiv');
  assert.equal(await page.textContent('#forhaandsvisning .rendered h2'), 'Skrevet nu');
  assert.equal(await page.isVisible('#forhaandsvisning'), true);
  assert.equal(page.url(), url, 'the page was left');
  assert.equal(file(), before, 'the preview wrote');
  assert.deepEqual(refused, []);
  await context.close();
});

test('the editor pages keep to their Content-Security-Policy', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
  for (const path of ['_rediger/', `_rediger/fil/${COURSE}`, '_rediger/fil/roskilde/_site.yaml', '_rediger/nyt-kursus/roskilde/', '_rediger/aendringer/']) {
    const response = await page.goto(`${base}${path}`);
    assert.equal(response.status(), 200, path);
    assert.match(response.headers()['content-security-policy'], /default-src 'none'/);
    // The style sheet applies: the page is not shown unstyled.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), '0px', path);
  }
  assert.deepEqual(refused, []);
  await context.close();
});

test('a broken build shows its errors over the open page, quoted keys as code, and goes when fixed', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}roskilde/om/`);
  const path = join(root, 'content', 'roskilde', 'om.md');
  const good = readFileSync(path, 'utf8');
  try {
    writeFileSync(path, good.replace('\norder: 1\n', '\norder: 1\ntitel: Om os\n'));
    const overlay = page.locator('#vejviser-errors');
    await overlay.waitFor({ timeout: 20000 });
    assert.match(await overlay.textContent(), /Ukendt felt titel/);
    const quoted = await overlay.locator('code').allTextContents();
    assert.ok(quoted.includes('titel') && quoted.includes('title'), quoted.join(' | '));
    assert.ok(!(await overlay.textContent()).includes('`'), await overlay.textContent());
  } finally {
    writeFileSync(path, good);
  }
  // Fixed: the page reloads, without the overlay.
  await page.waitForFunction(() => !document.getElementById('vejviser-errors'), null, { timeout: 20000 });
  await context.close();
});
