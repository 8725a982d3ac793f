// Learn: deep links, the clause tree, search as you type and the glossary's links both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a clause deep link survives a reload and lists its requirements', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn/clause/8.6.1');
  await page.reload();
  await page.locator('main h1').waitFor();
  assert.match(await page.locator('main h1').innerText(), /8\.6\.1\s+Incident management/);
  assert.ok(await page.locator('article.requirement').count() >= 2, 'requirements shown');
  assert.ok(await page.getByText('Typical evidence').first().isVisible());
  assertClean(assert, problems);
  await context.close();
});

test('expanding a clause in the tree shows its subclauses', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn');
  const leaf = page.getByRole('link', { name: /8\.6\.1\s+Incident management/ });
  assert.equal(await leaf.isVisible(), false, 'collapsed at first');
  await page.locator('summary', { hasText: 'Operation of the service management system' }).click();
  await page.locator('summary', { hasText: 'Resolution and fulfilment' }).click();
  assert.equal(await leaf.isVisible(), true);
  await page.getByRole('link', { name: 'Open clause 8.6', exact: true }).click();
  await page.waitForURL(BASE + '/learn/clause/8.6');
  assert.match(await page.locator('main h1').innerText(), /8\.6\s+Resolution and fulfilment/);
  assertClean(assert, problems);
  await context.close();
});

test('search highlights matches, moves with the keyboard and follows a glossary link to its clause', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn');
  await page.getByLabel('Search clauses, requirements and the glossary').fill('known error');
  const results = page.locator('.search-results li');
  await results.first().waitFor();
  assert.ok(await results.count() > 0);
  assert.match(await page.locator('.search-results mark').first().innerText(), /known|error/i);
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.closest('.search-results') !== null);
  assert.ok(focused, 'ArrowDown moves focus into the results');
  // Follow the glossary entry for the term.
  await page.locator('.search-results a', { hasText: /^Glossary\s+Known error$/i }).click();
  await page.waitForURL(/\/learn\/glossary#known-error$/);
  const term = page.locator('dt#known-error');
  await term.waitFor();
  // And from the term to a clause where it matters.
  await page.locator('dt#known-error + dd a.clause-link').first().click();
  await page.waitForURL(/\/learn\/clause\//);
  assert.match(await page.locator('main h1').innerText(), /\d/);
  // Back from the clause to the term: the clause page lists the terms used there.
  await page.getByRole('link', { name: 'Known error', exact: true }).click();
  await page.waitForURL(/#known-error$/);
  assertClean(assert, problems);
  await context.close();
});

test('search reports when nothing matches', async () => {
  const { context, page } = await openPage(browser);
  await visit(page, '/learn');
  await page.getByLabel('Search clauses, requirements and the glossary').fill('xylophone quasar');
  await page.getByText(/No results for/).waitFor();
  assert.equal(await page.locator('.search-results li').count(), 0);
  await context.close();
});
