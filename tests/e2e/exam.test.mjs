// Exam practice: a keyboard-only 5-question mock exam, review of wrong answers, and a mock exam that
// survives a reload with its timer still running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function startMock(page, seed, count, minutes) {
  await visit(page, `/exam?seed=${seed}&count=${count}&minutes=${minutes}&pass=65`);
  await page.getByRole('button', { name: 'Start the mock exam' }).waitFor();
  assert.equal(await page.getByLabel('Questions').inputValue(), String(count));
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await page.locator('.exam-question').waitFor();
}

test('a 5-question mock exam taken with the keyboard, submitted and reviewed', async () => {
  const { context, page, problems } = await openPage(browser);
  await startMock(page, 'e2e-keyboard', 5, 10);
  await page.getByText('Question 1 of 5 · 0 answered').waitFor();
  for (const key of ['a', 'b', 'c', 'd', '1']) {
    await page.keyboard.press(key);
    await page.keyboard.press('j');
  }
  await page.getByText(/5 answered/).waitFor();
  assert.equal(await page.locator('.feedback').count(), 0, 'no feedback before submission');
  await page.keyboard.press('f'); // flag the last question
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByText('Submit now? You cannot change your answers afterwards.').waitFor();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await page.locator('main h1', { hasText: /Mock exam: (Pass|Fail)/ }).waitFor();
  const score = await page.locator('.stat', { hasText: 'Score' }).innerText();
  const [, correct] = score.match(/(\d)\/5/);
  await page.getByLabel('Wrong only').check();
  assert.equal(await page.locator('.review-list li').count(), 5 - Number(correct));
  for (const li of await page.locator('.review-list li').all()) {
    assert.match(await li.innerText(), /Correct answer:/);
    assert.ok((await li.locator('.explanation').innerText()).length > 20, 'explanation shown');
  }
  await page.getByLabel('Flagged').check();
  assert.equal(await page.locator('.review-list li').count(), 1);
  assertClean(assert, problems);
  await context.close();
});

test('a mock exam survives a reload: answers kept and the timer keeps running', async () => {
  const { context, page, problems } = await openPage(browser);
  await startMock(page, 'e2e-reload', 5, 1);
  await page.keyboard.press('b');
  await page.keyboard.press('j');
  await page.keyboard.press('c');
  const before = await page.getByRole('timer').innerText();
  await page.waitForTimeout(2500);
  await page.reload();
  await page.locator('.exam-question').waitFor();
  await page.getByText(/2 answered/).waitFor();
  const after = await page.getByRole('timer').innerText();
  const secs = (t) => { const [m, s] = t.match(/(\d\d):(\d\d)/).slice(1).map(Number); return m * 60 + s; };
  assert.ok(secs(after) <= secs(before) - 2, `timer continued: ${before} then ${after}`);
  assertClean(assert, problems);
  await context.close();
});

test('practice gives immediate feedback with an explanation and a link to Learn', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.locator('.exam-question').waitFor();
  await page.keyboard.press('a');
  await page.locator('.feedback').waitFor();
  assert.match(await page.locator('.feedback').innerText(), /Correct\.|Not quite\./);
  assert.ok(await page.locator('.feedback a', { hasText: 'Read about' }).isVisible());
  assertClean(assert, problems);
  await context.close();
});
