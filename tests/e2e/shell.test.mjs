// The app shell: every route renders its h1, header links navigate, deep links survive a reload,
// no console errors, and nothing is requested from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ROUTES = [
  ['/', /Get ready for ISO\/IEC 20000-1 certification/],
  ['/assessments', /Self-assessments/],
  ['/learn', /Learn ISO\/IEC 20000-1:2018/],
  ['/learn/glossary', /Glossary/],
  ['/learn/clause/8.6.1', /8\.6\.1\s+Incident management/],
  ['/exam', /Foundation exam practice/],
  ['/about', /About ISO 20000 Readiness/],
  ['/no/such/page', /Page not found/],
];

test('every route renders exactly one h1 in a main landmark, with lang set and a title', async () => {
  const { context, page, problems } = await openPage(browser);
  for (const [path, heading] of ROUTES) {
    await visit(page, path);
    assert.equal(await page.locator('h1').count(), 1, `one h1 on ${path}`);
    assert.match(await page.locator('main h1').innerText(), heading, path);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.title(), /ISO 20000 Readiness/);
  }
  assertClean(assert, problems);
  await context.close();
});

test('header links navigate without a page load and mark the current page', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/');
  let loads = 0;
  page.on('load', () => loads++);
  for (const [label, path, heading] of [
    ['Assessments', '/assessments', /Self-assessments/],
    ['Learn', '/learn', /Learn ISO/],
    ['Exam practice', '/exam', /exam practice/i],
    ['About', '/about', /About/],
    ['Home', '/', /Get ready/],
  ]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
    await page.waitForURL(BASE + path);
    await assert.doesNotReject(page.locator('main h1', { hasText: heading }).waitFor());
    const current = page.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]');
    assert.equal(await current.innerText(), label);
  }
  assert.equal(loads, 0, 'client-side navigation only');
  assertClean(assert, problems);
  await context.close();
});

test('a reload on a deep route renders the same page', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn/clause/9.2');
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.match(await page.locator('main h1').innerText(), /9\.2\s+Internal audit/);
  assertClean(assert, problems);
  await context.close();
});

test('the favicon is served and the skip link reaches the main content', async () => {
  const { context, page } = await openPage(browser);
  await visit(page, '/');
  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  const res = await page.request.get(new URL(icon, BASE).href);
  assert.equal(res.status(), 200);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Skip to content');
  await context.close();
});
