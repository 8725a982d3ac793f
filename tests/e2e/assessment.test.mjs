// Self-assessment: create, answer with the keyboard, autosave, reload, results, and recovery from
// corrupt storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, BASE, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('answers given with the keyboard are saved and survive a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'Keyboard baseline');
  // Twelve requirements: digit 3 (in place) or 1 (not in place), then J to move on.
  const keys = ['3', '3', '1', '3', '2', '3', '3', '1', '3', '2', '3', '3'];
  for (const k of keys) {
    await page.keyboard.press(k);
    await page.keyboard.press('j');
  }
  await page.getByText('All changes saved in this browser').waitFor();
  await page.getByText(/12 of \d+ answered/).waitFor();
  const url = page.url();
  await page.reload();
  await page.locator('.requirement-panel h2').waitFor();
  await page.getByText(/12 of \d+ answered/).waitFor();
  assert.equal(page.url(), url, 'the deep link to the current requirement survives');
  // The first requirement kept its rating.
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: /4\s+Context of the organization/ }).click();
  assert.equal(await page.getByRole('radio', { name: /In place/ }).first().isChecked(), true);
  assertClean(assert, problems);
  await context.close();
});

test('not applicable asks for a justification and the results show it as a blocker', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'N/A check');
  await page.keyboard.press('n');
  await page.getByText('ISO/IEC 20000-1 allows no exclusions from clauses 4 to 10.').waitFor();
  await page.getByText('a not-applicable answer needs a justification').waitFor();
  await page.getByLabel('Justification (required)').fill('Handled by the group IT department');
  await page.getByText('All changes saved in this browser').waitFor();
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  assert.match(await page.locator('.stat', { hasText: 'Stage 1 readiness' }).innerText(), /Not ready yet/);
  assert.match(await page.locator('.blocker-summary').innerText(), /1 requirement marked not applicable/);
  assertClean(assert, problems);
  await context.close();
});

test('corrupt stored data: the app starts, says what happened, offers the raw data and keeps the rest', async () => {
  const { context, page } = await openPage(browser);
  await createAssessment(page, 'Survivor');
  await page.getByText('All changes saved in this browser').waitFor();
  await page.evaluate(() => localStorage.setItem('iso20000.assessment.broken', '{"schema":1,"data":{"name":'));
  await visit(page, '/assessments');
  await page.getByText(/could not be read/).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Download the unreadable data' }).isVisible());
  assert.equal(await page.locator('tbody tr').count(), 1, 'the good assessment is still listed');
  assert.match(await page.locator('tbody').innerText(), /Survivor/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const saved = await download.path();
  const text = (await import('node:fs')).readFileSync(saved, 'utf8');
  assert.equal(text, '{"schema":1,"data":{"name":', 'the raw value, byte for byte');
  await context.close();
});

test('rename, duplicate and delete with undo', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'Original');
  await visit(page, '/assessments');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('link', { name: 'Original (copy)' }).waitFor();
  await page.getByRole('row', { name: /Original \(copy\)/ }).getByRole('button', { name: 'Delete' }).click();
  await page.getByText(/Delete “Original \(copy\)” and its 0 answers/).waitFor();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Deleted “Original (copy)”.').waitFor();
  assert.equal(await page.locator('tbody tr').count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Original (copy)' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'Original (copy)' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 2, 'undo restored it in storage too');
  assertClean(assert, problems);
  await context.close();
});
