// Learn: deep links, the clause tree, search as you type and the glossary's links both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
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

test('a leaf clause shows what a finding looks like there, and labels its good practice', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn/clause/8.5.3');
  const finding = page.getByRole('region', { name: 'What a finding looks like here' });
  await finding.waitFor();
  assert.match(await finding.innerText(), /baseline/i, 'the 8.5.3 finding is about the missing baseline');
  // The 2018 baseline obligation is a requirement; the 2011 test environment is labelled good practice.
  const baseline = page.locator('article.requirement', { hasText: 'Baseline before deployment' });
  assert.equal(await baseline.locator('.kind-note').count(), 0, 'an obligation carries no label');
  const testEnv = page.locator('article.requirement', { hasText: 'Controlled test environment' });
  assert.match(await testEnv.locator('.kind-note').innerText(), /good practice.*not counted in the conformity score/is);
  // A clause with subclauses has no finding of its own.
  await visit(page, '/learn/clause/8.5');
  assert.equal(await page.getByRole('heading', { name: 'What a finding looks like here' }).count(), 0);
  assertClean(assert, problems);
  await context.close();
});

test('8.3.1 says it holds no requirement of its own, in the tree and on its page', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn');
  await page.locator('summary', { hasText: 'Operation of the service management system' }).click();
  await page.locator('summary', { hasText: 'Relationship and agreement' }).click();
  // The innermost list item holding the link (its ancestors hold it too).
  const item = page.locator('.clause-tree li', { has: page.getByRole('link', { name: /^8\.3\.1\s+General$/ }) }).last();
  assert.match(await item.innerText(), /no requirement of its own/);
  await page.getByRole('link', { name: /^8\.3\.1\s+General$/ }).click();
  await page.waitForURL(BASE + '/learn/clause/8.3.1');
  await page.getByRole('heading', { name: 'Checks that point to the requirements' }).waitFor();
  const notes = page.locator('article.requirement .kind-note');
  assert.ok(await notes.count() >= 2);
  for (const text of await notes.allInnerTexts()) assert.match(text, /Orientation/i);
  assertClean(assert, problems);
  await context.close();
});

test('the guides on the standard as a whole open from Learn, by mouse', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn');
  await page.getByRole('link', { name: 'The standard as a whole' }).click();
  await page.getByRole('link', { name: 'How the requirements apply' }).click();
  await page.waitForURL(BASE + '/learn/topic/guide-application');
  assert.equal(await page.locator('main h1').innerText(), 'How the requirements apply');
  await page.getByRole('heading', { name: 'The organisation itself meets clauses 4 and 5' }).waitFor();
  assert.match(await page.locator('main').innerText(), /8\.2\.3/);
  // From one guide to the next through the pager.
  await page.getByRole('link', { name: 'What changed from 2011 to 2018' }).click();
  await page.waitForURL(BASE + '/learn/topic/guide-2011-to-2018');
  const table = page.getByRole('table', { name: /Main changes from ISO\/IEC 20000-1:2011/ });
  await table.waitFor();
  assert.ok(await table.locator('tbody tr').count() >= 10);
  const row = table.locator('tbody tr', { hasText: 'Management representative' });
  assert.match(await row.innerText(), /5\.3/);
  assertClean(assert, problems);
  await context.close();
});

test('on a phone the family guide reads as cards, by touch', async () => {
  const { context, page, problems } = await openPage(browser, {
    viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
  });
  await visit(page, '/learn');
  await page.getByRole('link', { name: 'The ISO/IEC 20000 family and related standards' }).tap();
  await page.waitForURL(BASE + '/learn/topic/guide-family');
  const cell = page.locator('td', { hasText: 'How part 1 relates to COBIT.' });
  await cell.waitFor();
  // Each cell carries its column's name, and nothing is wider than the screen.
  assert.equal(await cell.getAttribute('data-label'), 'What it is for');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.match(await page.locator('main').innerText(), /ISO\/IEC 27035/);
  assertClean(assert, problems);
  await context.close();
});

test('the guides are reachable by keyboard', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/learn');
  const link = page.getByRole('link', { name: 'How ISO/IEC 20000-1:2018 is built' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(BASE + '/learn/topic/guide-structure');
  await page.getByRole('heading', { name: 'No Annex A and no Statement of Applicability' }).waitFor();
  await page.getByRole('heading', { name: 'Two groups of terms: 3.1 and 3.2' }).waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('the guides and a clause page with labelled good practice pass axe, light and dark, wide and narrow', async () => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  const paths = ['/learn/clause/8.5.3', '/learn/clause/8.3.1', '/learn/topic/guide-application',
    '/learn/topic/guide-structure', '/learn/topic/guide-family', '/learn/topic/guide-2011-to-2018'];
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
      const { context, page, problems } = await openPage(browser, { colorScheme, viewport });
      for (const path of paths) {
        await visit(page, path);
        const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
        const found = violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id} at ${n.target.join(' ')}`));
        assert.deepEqual(found, [], `${colorScheme} ${viewport.width}px`);
      }
      assertClean(assert, problems);
      await context.close();
    }
  }
});
