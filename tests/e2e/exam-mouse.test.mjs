// Exam journeys as people take them: by mouse only (clicks, no key presses) and by touch on a phone.
// The same option position is chosen on every question, the case where a carried-over radio state used
// to swallow the click; every answer must be recorded. Also: the submit and start confirmations, and an
// exam stored with out-of-range values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Clicks (or taps) an element. */
async function press(locator, touch) {
  if (touch) await locator.tap(); else await locator.click();
}

async function startMock(page, seed, count, touch = false) {
  await visit(page, `/exam?seed=${seed}&count=${count}&minutes=60&pass=65`);
  await press(page.getByRole('button', { name: 'Start the mock exam' }), touch);
  await page.locator('.exam-question').waitFor();
}

/** Answers every question with the option at `position`, moving with the Next button. */
async function answerAll(page, total, position, touch = false) {
  for (let i = 0; i < total; i++) {
    await page.getByText(`Question ${i + 1} of ${total} ·`).waitFor();
    assert.equal(await page.locator('.exam-question input:checked').count(), 0,
      `question ${i + 1} opens with no option selected`);
    await press(page.locator('.exam-question label.option').nth(position), touch);
    await page.getByText(`Question ${i + 1} of ${total} · ${i + 1} answered`).waitFor();
    assert.ok(await page.locator('.exam-question input').nth(position).isChecked(), 'the choice shows');
    if (i + 1 < total) {
      const next = page.getByRole('button', { name: /^Next/ });
      assert.ok(await next.isEnabled(), 'Next is enabled');
      await press(next, touch);
    }
  }
  assert.ok(await page.getByRole('button', { name: /^Next/ }).isDisabled(), 'Next is disabled on the last question');
}

async function mockJourney(page, touch) {
  await startMock(page, touch ? 'e2e-touch' : 'e2e-mouse', 40, touch);
  await answerAll(page, 40, 1, touch);
  await page.getByText('Question 40 of 40 · 40 answered').waitFor();
  assert.equal(await page.locator('.nav-q.answered').count(), 40, 'every grid cell says answered');
  assert.equal(await page.locator('.nav-q[aria-label$="not answered"]').count(), 0);
  // Previous shows the stored answer, not a neighbour's.
  await press(page.getByRole('button', { name: /Previous/ }), touch);
  await page.getByText('Question 39 of 40').waitFor();
  assert.ok(await page.locator('.exam-question input').nth(1).isChecked());
  await press(page.getByRole('button', { name: /Flag for review/ }), touch);
  await press(page.getByRole('button', { name: 'Submit the exam' }), touch);
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  const vp = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width,
    `the dialog is fully on screen: ${JSON.stringify(box)}`);
  const text = await dialog.innerText();
  assert.match(text, /Every question is answered\./);
  assert.match(text, /1 question is flagged for review\./);
  // Going to the flagged question closes the dialog there.
  await press(dialog.getByRole('button', { name: /first flagged \(question 39\)/ }), touch);
  await page.getByText('Question 39 of 40').waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  await press(page.getByRole('button', { name: 'Submit the exam' }), touch);
  await press(page.getByRole('alertdialog').getByRole('button', { name: 'Submit', exact: true }), touch);
  await page.locator('main h1', { hasText: /Mock exam: (Pass|Fail)/ }).waitFor();
  assert.match(await page.locator('.stat', { hasText: 'Score' }).innerText(), /\d+\/40/);
}

test('a 40-question mock exam by mouse: the same option on every question, all 40 recorded', async () => {
  const { context, page, problems } = await openPage(browser);
  await mockJourney(page, false);
  assertClean(assert, problems);
  await context.close();
});

test('the same mock exam by touch on a phone, keyboard hints hidden', async () => {
  const { context, page, problems } = await openPage(browser, PHONE);
  await startMock(page, 'e2e-hints', 2, true);
  assert.equal(await page.locator('.key-hint').first().isVisible(), false, 'no keyboard hints on touch');
  await context.close();
  const phone = await openPage(browser, PHONE);
  await mockJourney(phone.page, true);
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling: ${width}`);
  assertClean(assert, phone.problems);
  assertClean(assert, problems);
  await phone.context.close();
});

test('practice by mouse: a wrong answer is marked, only answered questions are scored, retry the wrong ones', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.locator('.exam-question').waitFor();
  // Option A on each question until one is wrong (20 questions: one is, with near certainty).
  let answered = 0;
  let wrongAt = -1;
  while (wrongAt < 0 && answered < 20) {
    assert.equal(await page.locator('.exam-question input:checked').count(), 0, 'a clean question');
    await page.locator('.exam-question label.option').first().click();
    answered += 1;
    await page.getByText(`${answered} answered`).waitFor();
    const feedback = await page.locator('.feedback').innerText();
    if (/Not quite/.test(feedback)) wrongAt = answered; else await page.getByRole('button', { name: /^Next/ }).click();
  }
  assert.ok(wrongAt > 0, 'found a wrong answer');
  const wrong = page.locator('.option.wrong');
  assert.equal(await wrong.count(), 1);
  assert.match(await wrong.innerText(), /✗/);
  assert.match(await wrong.innerText(), /Your answer, wrong/);
  assert.match(await page.locator('.option.correct').innerText(), /✓/);
  const colours = await wrong.evaluate((el) => getComputedStyle(el).borderTopColor);
  const right = await page.locator('.option.correct').evaluate((el) => getComputedStyle(el).borderTopColor);
  assert.notEqual(colours, right, 'wrong and right differ in colour too');
  // The grid shows right and wrong.
  assert.equal(await page.locator(`.nav-q.wrong`).count(), 1);
  assert.equal(await page.locator(`.nav-q.right`).count(), answered - 1);
  await page.getByRole('button', { name: 'Finish the session' }).click();
  const dialog = page.getByRole('alertdialog');
  assert.match(await dialog.innerText(), new RegExp(`${20 - answered} questions? (is|are) not answered: only answered questions are scored`));
  await dialog.getByRole('button', { name: 'Finish', exact: true }).click();
  await page.locator('main h1', { hasText: 'Practice: Session complete' }).waitFor();
  assert.match(await page.locator('.stat', { hasText: 'Score' }).locator('.value').innerText(),
    new RegExp(`^${answered - 1}/${answered} \\(\\d+ %\\)$`));
  assert.equal(await page.locator('.stat', { hasText: 'Pass mark' }).count(), 0, 'no pass mark for practice');
  assert.equal(await page.locator('.stat', { hasText: 'Left unanswered' }).locator('.value').innerText(), String(20 - answered));
  await page.getByRole('button', { name: 'Retry the 1 question I got wrong' }).click();
  await page.getByText('Question 1 of 1 · 0 answered').waitFor();
  await page.locator('main h1', { hasText: 'Practice' }).waitFor();
  // Progress shows no pass or fail for practice.
  await visit(page, '/exam');
  assert.equal(await page.locator('.exam-history td', { hasText: /^(Pass|Fail)$/ }).count(), 0);
  assertClean(assert, problems);
  await context.close();
});

test('the weak-spot drill by mouse records every answer', async () => {
  const { context, page, problems } = await openPage(browser);
  // A 5-question mock exam left unanswered puts 5 questions in the queue.
  await startMock(page, 'e2e-drill', 5);
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit', exact: true }).click();
  await page.locator('main h1', { hasText: /Mock exam: Fail/ }).waitFor();
  await visit(page, '/exam');
  await page.getByText('5 questions in the queue').waitFor();
  await page.getByRole('button', { name: 'Drill my weak spots' }).click();
  await page.locator('main h1', { hasText: 'Weak-spot drill' }).waitFor();
  await answerAll(page, 5, 2);
  assert.equal(await page.locator('.nav-q.right, .nav-q.wrong').count(), 5, 'the grid shows right or wrong for each');
  assert.equal(await page.locator('.feedback').count(), 1);
  assertClean(assert, problems);
  await context.close();
});

test('starting a new session asks before discarding the one in progress', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.locator('.exam-question label.option').first().click();
  await page.getByText('1 answered').waitFor();
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /You have a practice in progress \(1 of 20 answered\)\. Starting a new mock exam discards it\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.match(page.url(), /\/exam$/);
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard it and start' }).click();
  await page.locator('main h1', { hasText: 'Mock exam' }).waitFor();
  await page.getByText('Question 1 of 40 · 0 answered').waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('the submit dialog takes focus and Escape closes it', async () => {
  const { context, page, problems } = await openPage(browser);
  await startMock(page, 'e2e-escape', 3);
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((el) => el.contains(document.activeElement)), 'focus is in the dialog');
  assert.match(await dialog.innerText(), /3 questions are not answered: they count as wrong\./);
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  assertClean(assert, problems);
  await context.close();
});

test('an exam stored with out-of-range values shows a message and the rest of the app works', async () => {
  const { context, page, problems } = await openPage(browser);
  await startMock(page, 'e2e-bad', 3);
  await page.locator('.exam-question label.option').first().click();
  await page.getByText('1 answered').waitFor();
  // Damage the stored session the way a bad edit or an old bug could: an answer past option D, an option
  // order out of range, and fewer flags than questions.
  await page.evaluate(() => {
    const raw = JSON.parse(localStorage.getItem('iso20000.exam'));
    const current = raw.data.current;
    current.answers[0] = 9;
    current.items[1].order = [7, 7, 7, 7];
    current.flags = [];
    localStorage.setItem('iso20000.exam', JSON.stringify(raw));
  });
  await visit(page, '/exam/session');
  await page.getByText(/the exam session in progress could not be used: the answers and flags do not match/).waitFor();
  await page.locator('main h1', { hasText: 'No session in progress' }).waitFor();
  // The exam home and the rest of the app still work.
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start the mock exam' }).waitFor();
  for (const path of ['/assessments', '/learn', '/']) {
    await visit(page, path);
  }
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.locator('.exam-question label.option').first().click();
  await page.getByText('1 answered').waitFor();
  assertClean(assert, problems);
  await context.close();
});
