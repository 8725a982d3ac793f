// Plain language on every route: the visible text never shows code, Debug output, internal ids or raw time
// stamps, with data in place (an assessment with ratings, N/A, an action; a submitted mock exam).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LEAKS = [
  [/Some\(|None\b|Ok\(|Err\(/, 'Rust Option/Result Debug output'],
  [/::/, 'a Rust path'],
  [/\bundefined\b|\bNaN\b|\[object /, 'a JavaScript value'],
  [/=>|move \|\||\|\| \{/, 'closure code'],
  [/\b(NotApplicable|NotInPlace|InPlace|InProgress|ResultsAt|LearnClause|ExamReview|ExamSession)\b/, 'an enum variant name'],
  [/\bconcept-[a-z]/, 'a topic id'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d/, 'a raw ISO time stamp'],
  [/\b1 (attempts|requirements|questions|answers|findings|gaps)\b/, 'a wrong plural'],
];

function leaks(text) {
  return LEAKS.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: ${text.match(re)[0]}`);
}

async function check(page, path, wait = 'main h1') {
  await visit(page, path);
  await page.locator(wait).first().waitFor();
  await page.waitForTimeout(150);
  const text = await page.locator('body').innerText();
  assert.deepEqual(leaks(text), [], `visible text of ${path}`);
}

test('no code, Debug output, ids or raw time stamps on any route', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 860 } });
  await createAssessment(page, 'Plain words');
  for (const k of ['3', '1', 'n']) {
    await page.keyboard.press(k);
    if (k !== 'n') await page.keyboard.press('j');
  }
  await page.getByLabel('Justification (required)').fill('Handled by the group');
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Planned action').fill('Write it down');
  await page.getByText('All changes saved in this browser').waitFor();
  const base = new URL(page.url()).pathname;
  // A short mock exam, submitted, so that the review and the progress have data.
  await visit(page, '/exam?seed=plain&count=3&minutes=10&pass=65');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await page.locator('.exam-question').waitFor();
  await check(page, '/exam/session', '.exam-question');
  for (const key of ['a', 'b']) {
    await page.keyboard.press(key);
    await page.keyboard.press('j');
  }
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('button', { name: /^Submit/ }).last().click();
  await page.locator('main h1', { hasText: /Mock exam/ }).waitFor();
  const routes = [
    '/', '/about', '/assessments', base, `${base}?req=8.6.1.1`,
    `${base}/results`, `${base}/results/gaps`, `${base}/results/actions`, `${base}/results/documents`,
    `${base}/results/compare`, `${base}/results/journey`,
    '/learn', '/learn/clause/8.5.3', '/learn/clause/4.1', '/learn/glossary',
    '/exam', '/exam/review', '/no-such-page',
  ];
  for (const path of routes) await check(page, path);
  assertClean(assert, problems);
  await context.close();
});
