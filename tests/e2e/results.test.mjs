// Results: the dashboard shows the engine's numbers, charts lead to the requirements, and the printable
// report has its cover and appendix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, BASE, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('dashboard numbers, click-through from a chart, and a printable report', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'Dashboard check', 'Acme Services');
  // Clause 4 has 18 requirements: all "partially in place" gives exactly 50 % whatever the weights.
  const side = await page.getByRole('button', { name: /4\s+Context of the organization/ }).locator('..').innerText();
  const total4 = Number(side.match(/\/(\d+)/)[1]);
  for (let i = 0; i < total4; i++) {
    await page.keyboard.press('2');
    await page.keyboard.press('j');
  }
  await page.getByText('All changes saved in this browser').waitFor();
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results: Dashboard check' }).waitFor();
  assert.equal(await page.locator('.stat', { hasText: 'Overall score' }).locator('.value').innerText(), '50 %');
  const completion = await page.locator('.stat', { hasText: 'Completion' }).locator('.value').innerText();
  const all = Number((await page.locator('.data-table tbody tr').allInnerTexts()).map((t) => t.match(/(\d+)\/(\d+)/)[2]).reduce((a, b) => Number(a) + Number(b), 0));
  const row4 = await page.locator('.data-table tbody tr').first().innerText();
  assert.match(row4, /50 %/);
  // Every counted requirement of clause 4 is answered (good practice, also rated, is not counted).
  const [, answered4, counted4] = row4.match(/(\d+)\/(\d+)/).map(Number);
  assert.equal(answered4, counted4);
  assert.ok(counted4 > 0 && counted4 <= total4);
  assert.equal(completion, `${Math.round((counted4 * 100) / all)} %`);
  const row9 = await page.locator('.data-table tbody tr', { hasText: 'Performance evaluation' }).innerText();
  assert.match(row9, /no score/);
  // PDCA: Plan holds clauses 4-6, only clause 4 answered, so Plan is 50 %.
  assert.match(await page.locator('.pdca-plan').innerText(), /50 %/);
  assert.match(await page.locator('.stat.verdict').innerText(), /Not ready yet/);
  // A click on the bar of clause 9 opens the walkthrough at its first requirement.
  const bar9 = page.getByRole('link', { name: /^Clause 9 Performance: no score/ });
  await bar9.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/req=9\.1\.1/);
  await page.locator('.requirement-panel h2', { hasText: '9.1.1' }).waitFor();
  await page.goBack();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  // Print: the cover and the appendix (when asked for) appear only in print.
  assert.equal(await page.locator('.print-cover').isVisible(), false);
  await page.getByLabel('with every answer').check();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-cover').isVisible(), true);
  assert.match(await page.locator('.print-cover').innerText(), /Acme Services/);
  assert.equal(await page.locator('.all-answers').isVisible(), true);
  assert.ok(await page.locator('.all-answers tbody tr').count() >= all, 'every requirement, good practice too');
  assert.equal(await page.locator('.site-header').isVisible(), false, 'no navigation chrome in print');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 5, `a multi-page report (${pages} pages)`);
  await page.emulateMedia({ media: 'screen' });
  assertClean(assert, problems);
  await context.close();
});

test('the action plan status is edited in place and saved', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'Actions');
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Planned action').fill('Write the SMS scope statement');
  await page.getByLabel('Owner').fill('Dana');
  await page.getByText('All changes saved in this browser').waitFor();
  const url = page.url().split('?')[0];
  await page.goto(url + '/results/actions');
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  const status = page.getByLabel(/Status of the action for 4\.1\.1/);
  await status.selectOption('Done');
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  assert.equal(await page.getByLabel(/Status of the action for 4\.1\.1/).inputValue(), 'Done');
  assertClean(assert, problems);
  await context.close();
});
