// Results in sections: each section has its own address that survives a reload, the gap list holds only
// rated gaps with the unassessed counted apart, filters change the counts, an empty assessment says what to
// do, and the printed report of a 40-answer assessment stays short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, openPage, visit, assertClean } from './helpers.mjs';

// Requirement ids in catalogue order, read from the content (the same files build.rs compiles).
const DIR = new URL('../../src/content/requirements/', import.meta.url);
const BLOCKS = readdirSync(DIR).sort().flatMap((f) => readFileSync(new URL(f, DIR), 'utf8').split('[[requirement]]').slice(1));
const IDS = BLOCKS.map((b) => b.match(/^id = "([\d.]+)"/m)[1]);
// Good practice and orientation checks are rated but not counted for conformity, so not "still to assess".
const COUNTED = new Set(BLOCKS.filter((b) => !/^kind = "(good_practice|orientation)"/m.test(b)).map((b) => b.match(/^id = "([\d.]+)"/m)[1]));
const STILL = [...COUNTED].filter((r) => !IDS.slice(0, 40).includes(r)).length;

/** Stores an assessment as the app does (schema 1 envelope) and returns its id. */
async function seed(page, id, answers) {
  const now = Date.now();
  const data = {
    id, name: `Seeded ${id}`, organisation: 'Acme', scope: 'Service desk', assessor: 'Dana',
    scale: 'conformity', target: 'partial', created: now, updated: now, answers,
  };
  await page.goto(new URL('/about', process.env.E2E_BASE_URL || 'http://127.0.0.1:8099').href);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `iso20000.assessment.${id}`, JSON.stringify({ schema: 1, app_version: '0.1.0', data }),
  ]);
  return id;
}

/** 40 answers: every fourth not in place with an owned action, one N/A without justification, the rest in place. */
function fortyAnswers() {
  const answers = {};
  IDS.slice(0, 40).forEach((id, i) => {
    const answer = { rating: 'in_place', notes: `Checked ${id} with the team` };
    if (i % 4 === 0) Object.assign(answer, { rating: 'not_in_place', action: `Put ${id} in place`, owner: i % 8 === 0 ? 'Alex' : 'Sam', due: '2027-03-01' });
    if (i === 5) answer.rating = 'not_applicable';
    answers[id] = answer;
  });
  return answers;
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('every results section has its own address, kept across a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  const id = await seed(page, 'asections', fortyAnswers());
  const sections = [
    ['', 'Overview', /What blocks a Stage 1 audit/],
    ['/gaps', 'Gaps', /^Gaps$/],
    ['/actions', 'Action plan', /^Action plan$/],
    ['/documents', 'Documents', /^Documented information$/],
    ['/compare', 'Compare', /^Compare with another assessment$/],
    ['/journey', 'Journey', /^Your certification journey$/],
  ];
  for (const [slug, label, heading] of sections) {
    await visit(page, `/assessments/${id}/results${slug}`);
    const current = page.locator('.section-nav a[aria-current="page"]');
    assert.equal(await current.innerText(), label);
    await page.locator('.results-section h2', { hasText: heading }).first().waitFor();
    await page.reload();
    await page.locator('.results-section h2', { hasText: heading }).first().waitFor();
    assert.equal(await page.locator('.section-nav a[aria-current="page"]').innerText(), label, `${label} after a reload`);
    assert.equal(new URL(page.url()).pathname, `/assessments/${id}/results${slug}`);
  }
  // The navigation is made of links: a click changes the address, Back returns.
  await page.locator('.section-nav a', { hasText: 'Gaps' }).click();
  await page.waitForURL(/\/results\/gaps$/);
  await page.goBack();
  await page.waitForURL(/\/results\/journey$/);
  // An address that names no section says so.
  await visit(page, `/assessments/${id}/results/nonsense`);
  assert.match(await page.locator('main h1').innerText(), /does not exist/);
  assertClean(assert, problems);
  await context.close();
});

test('gaps are rated requirements only, the unassessed are counted apart, and filters change the counts', async () => {
  const { context, page, problems } = await openPage(browser);
  const id = await seed(page, 'agaps', fortyAnswers());
  await visit(page, `/assessments/${id}/results/gaps`);
  const rows = page.locator('.gap-table tbody tr');
  // 10 rated "not in place" + 1 N/A without justification; nothing "Not assessed".
  assert.equal(await rows.count(), 11);
  assert.equal(await page.locator('.gap-table tbody td', { hasText: 'Not assessed' }).count(), 0);
  assert.equal(await page.locator('.gap-count').innerText(), '11 assessed requirements are below the target.');
  assert.equal(await page.locator('.open-count').innerText(), `${STILL} requirements in this selection are still to assess.`);
  // Owner filter: the count sentence follows it.
  await page.locator('#gap-owner').selectOption('Alex');
  await page.locator('.gap-count', { hasText: '5 of 11 gaps match these filters.' }).waitFor();
  assert.equal(await rows.count(), 5);
  await page.locator('#gap-owner').selectOption('');
  // Clause filter changes both counts.
  await page.locator('#gap-clause').selectOption('4');
  const within4 = IDS.filter((r) => r.startsWith('4.'));
  const openIn4 = within4.filter((r) => COUNTED.has(r) && !IDS.slice(0, 40).includes(r)).length;
  const gapsIn4 = await rows.count();
  assert.ok(gapsIn4 > 0 && gapsIn4 < 11, `${gapsIn4} gaps in clause 4`);
  assert.equal(await page.locator('.gap-count').innerText(), `${gapsIn4} of 11 gaps match these filters.`);
  const openText = await page.locator('.open-count').innerText();
  assert.ok(openText.startsWith(openIn4 === 0 ? 'Nothing' : `${openIn4} requirement`), openText);
  // The unassessed list, by clause, with counts and a link to continue.
  await page.locator('#gap-clause').selectOption('');
  await page.locator('#gap-show').selectOption('unassessed');
  const groups = page.locator('.to-assess-table tbody tr');
  await groups.first().waitFor();
  const counted = (await page.locator('.to-assess-table tbody td[data-label="Not assessed"]').allInnerTexts())
    .map((t) => Number(t.split(' ')[0])).reduce((x, y) => x + y, 0);
  assert.equal(counted, STILL);
  // The overview lists findings, never "not assessed yet" items, and says how many are still to assess.
  await visit(page, `/assessments/${id}/results`);
  assert.match(await page.locator('.verdict-sentence').innerText(), new RegExp(`${STILL} requirements are still to assess`));
  assert.equal(await page.locator('.blockers li', { hasText: 'not assessed yet' }).count(), 0);
  assert.ok(await page.locator('.blockers li').count() > 0);
  assertClean(assert, problems);
  await context.close();
});

test('an assessment with no answers gets an empty state that says what to do', async () => {
  const { context, page, problems } = await openPage(browser);
  const id = await seed(page, 'aempty', {});
  for (const slug of ['', '/gaps', '/journey']) {
    await visit(page, `/assessments/${id}/results${slug}`);
    await page.locator('.empty-state h2', { hasText: 'Nothing is rated yet' }).waitFor();
  }
  await page.getByRole('link', { name: 'Start rating requirements' }).click();
  await page.waitForURL(new RegExp(`/assessments/${id}(\\?|$)`));
  await page.locator('.requirement-panel h2').waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('the printed report of 40 answers fits in 12 pages without the appendix, which a checkbox adds', async () => {
  const { context, page, problems } = await openPage(browser);
  const id = await seed(page, 'aprint', fortyAnswers());
  await visit(page, `/assessments/${id}/results/journey`);
  await page.emulateMedia({ media: 'print' });
  // Whatever section is on screen, print starts with the summary, gaps and action plan.
  const report = page.locator('.print-report');
  assert.equal(await report.isVisible(), true);
  const headings = await report.locator('section > h2').allInnerTexts();
  assert.deepEqual(headings.slice(0, 3), ['Summary', 'Gaps', 'Action plan']);
  assert.equal(await page.locator('.results-screen').isVisible(), false, 'the screen sections are not printed');
  assert.equal(await report.locator('.all-answers').count(), 0);
  const count = async () => {
    const pdf = await page.pdf({ format: 'A4' });
    return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  };
  const short = await count();
  assert.ok(short >= 2 && short <= 12, `${short} pages without the appendix`);
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('with every answer').check();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await report.locator('.all-answers tbody tr').count(), IDS.length);
  const long = await count();
  assert.ok(long > short, `the appendix adds pages (${short} -> ${long})`);
  assertClean(assert, problems);
  await context.close();
});

test('on a phone the results have no page-level overflow and the action status is not cut off', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const id = await seed(page, 'aphone', fortyAnswers());
  for (const slug of ['', '/gaps', '/actions', '/documents', '/journey']) {
    await visit(page, `/assessments/${id}/results${slug}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${slug || 'overview'} is ${width} px wide`);
  }
  await visit(page, `/assessments/${id}/results/actions`);
  const select = page.locator('.status-select').first();
  const fits = await select.evaluate((s) => s.scrollWidth <= s.clientWidth + 1 && s.getBoundingClientRect().right <= innerWidth);
  assert.ok(fits, 'the status control shows its whole value');
  await page.locator('.section-nav a', { hasText: 'Gaps' }).tap();
  await page.waitForURL(/\/results\/gaps$/);
  assertClean(assert, problems);
  await context.close();
});
