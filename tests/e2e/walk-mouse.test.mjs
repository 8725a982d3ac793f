// The walkthrough by mouse and by touch: rating without scrolling (the title and the rating choices stay
// in the window after every Next), the clause tree and the "go to" search, mark for review with its filter,
// the finish step, editing an assessment's details, and the header menu on a phone. No key presses drive
// the walkthrough here (text is typed only into the forms and the search field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Fails unless the element is entirely inside the window's height. */
async function assertInWindow(locator, height, what) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is rendered`);
  assert.ok(box.y >= 0 && box.y + box.height <= height,
    `${what} is inside the window (top ${Math.round(box.y)}, bottom ${Math.round(box.y + box.height)}, window ${height})`);
}

const title = (page) => page.locator('.requirement-panel h2');

async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${what}: the page is ${width} px wide in a 390 px window`);
}

test('by mouse at 1280x860: twelve ratings with the Next button, the title and the choices always in view', async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP);
  await createAssessment(page, 'Mouse baseline');
  const choices = ['In place', 'In place', 'Not in place', 'Partially in place', 'In place', 'Not in place',
    'In place', 'Partially in place', 'In place', 'In place', 'Not in place', 'In place'];
  for (const [i, choice] of choices.entries()) {
    const before = await title(page).innerText();
    const panel = page.locator('.requirement-panel');
    await assertInWindow(title(page), 860, `title of requirement ${i + 1}`);
    for (const option of await panel.locator('.rating-option').all()) {
      await assertInWindow(option, 860, `rating choice on requirement ${i + 1}`);
    }
    const radio = panel.getByRole('radio', { name: choice, exact: true });
    await radio.click();
    assert.equal(await radio.isChecked(), true, `${choice} recorded on requirement ${i + 1}`);
    if (i === 5) {
      // Scrolled to the bottom of the page: Next must still bring the next requirement's title into view.
      await page.mouse.wheel(0, 4000);
      await page.waitForFunction(() => window.scrollY > 100);
    }
    await panel.getByRole('button', { name: /^Next/ }).click();
    await page.waitForFunction((t) => document.querySelector('.requirement-panel h2')?.innerText !== t, before);
    await page.waitForTimeout(50);
  }
  await assertInWindow(title(page), 860, 'the last title');
  await page.getByText('12 of 298 answered').waitFor();
  await page.getByText('All changes saved in this browser').waitFor();
  // Clear rating offers an undo.
  await page.locator('.requirement-panel').getByRole('button', { name: /Previous/ }).click();
  await page.getByRole('button', { name: 'Clear rating' }).click();
  await page.getByText('11 of 298 answered').waitFor();
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await page.getByText('12 of 298 answered').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'In place', exact: true }).isChecked(), true);
  assertClean(assert, problems);
  await context.close();
});

test('by touch at 390x844: the bar rates and moves on, the title stays in view, nothing scrolls sideways', async () => {
  const { context, page, problems } = await openPage(browser, PHONE);
  await createAssessment(page, 'Phone baseline');
  await noSidewaysScroll(page, 'walkthrough');
  const bar = page.getByRole('group', { name: 'Quick rating and moving on' });
  assert.equal(await page.locator('.keys').isVisible(), false, 'no keyboard hints on a touch screen');
  const choices = ['In place', 'Partially in place', 'Not in place', 'In place', 'In place', 'Partially in place',
    'In place', 'In place', 'Not in place', 'In place', 'Partially in place', 'In place'];
  for (const [i, choice] of choices.entries()) {
    const before = await title(page).innerText();
    await assertInWindow(title(page), 844, `title of requirement ${i + 1}`);
    const button = bar.getByRole('button', { name: choice, exact: true });
    await assertInWindow(button, 844, `the bar's ${choice} on requirement ${i + 1}`);
    await button.tap();
    await page.waitForFunction((c) => [...document.querySelectorAll('.rating-bar [aria-pressed="true"]')]
      .some((b) => b.getAttribute('aria-label') === c), choice);
    assert.equal(await page.locator('.requirement-panel').getByRole('radio', { name: choice, exact: true }).isChecked(), true);
    await bar.getByRole('button', { name: /^Next/ }).tap();
    await page.waitForFunction((t) => document.querySelector('.requirement-panel h2')?.innerText !== t, before);
    await page.waitForTimeout(50);
  }
  await assertInWindow(title(page), 844, 'the last title');
  await page.getByText('12 of 298 answered').waitFor();
  await noSidewaysScroll(page, 'walkthrough after rating');

  // The tree is a drawer: open 8.6.1 from it.
  await page.getByRole('button', { name: /Clauses, search and filters/ }).tap();
  const drawer = page.locator('#walk-tree');
  await drawer.getByRole('button', { name: 'Subclauses of 8', exact: true }).tap();
  await drawer.getByRole('button', { name: 'Subclauses of 8.6', exact: true }).tap();
  await drawer.getByRole('button', { name: /8\.6\.1\s+Incident management/ }).tap();
  await title(page).filter({ hasText: '8.6.1.1' }).waitFor();
  assert.equal(await drawer.isVisible(), false, 'the drawer closes after a choice');
  await assertInWindow(title(page), 844, 'title after the tree');

  // The header menu: a disclosure.
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('link', { name: 'Learn' }).isVisible(), false, 'links folded away');
  await menu.tap();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('link', { name: 'Assessments', exact: true }).tap();
  await page.locator('main h1', { hasText: 'Self-assessments' }).waitFor();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'the menu closes after a link');
  await noSidewaysScroll(page, 'assessments');
  assert.match(await page.locator('tbody tr').first().innerText(), /Answered 12 of 298 \(4 %\)[\s\S]*Score/);
  assertClean(assert, problems);
  await context.close();
});

test('the tree, go to, unanswered only, mark for review and the finish step', async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP);
  await createAssessment(page, 'Navigation');
  const side = page.locator('#walk-tree');
  // Rate the first requirement; with "Unanswered only", clause 4 opens at its first unanswered one.
  await page.getByRole('radio', { name: 'In place', exact: true }).click();
  await side.getByRole('checkbox', { name: 'Unanswered only' }).click();
  await side.getByRole('button', { name: /^5\s+Leadership/ }).click();
  await title(page).filter({ hasText: '5.1.1' }).waitFor();
  await side.getByRole('button', { name: /^4\s+Context of the organization/ }).click();
  await title(page).filter({ hasText: '4.1.2' }).waitFor();
  await side.getByRole('checkbox', { name: 'Unanswered only' }).click();
  // Sub-clauses with answered counts.
  await side.getByRole('button', { name: 'Subclauses of 8', exact: true }).click();
  await side.getByRole('button', { name: 'Subclauses of 8.6', exact: true }).click();
  const row = side.locator('.tree-row', { has: page.getByRole('button', { name: /8\.6\.1\s+Incident management/ }) });
  assert.match(await row.innerText(), /8\.6\.1 Incident management\s*0\/6/);
  await row.getByRole('button', { name: /Incident management/ }).click();
  await title(page).filter({ hasText: '8.6.1.1' }).waitFor();
  await page.getByRole('radio', { name: 'Partially in place', exact: true }).click();
  await page.waitForFunction(() => /1\/6/.test(document.querySelector('#walk-tree').innerText));
  // Go to a requirement by its number, then by words.
  await side.getByLabel('Go to a requirement').fill('8.6.1.4');
  await side.getByRole('button', { name: /^8\.6\.1\.4/ }).click();
  await title(page).filter({ hasText: '8.6.1.4' }).waitFor();
  // Mark it for review; it survives a reload, and the filter finds it.
  const mark = page.getByRole('button', { name: 'Mark for review' });
  await mark.click();
  assert.equal(await mark.getAttribute('aria-pressed'), 'true');
  await page.getByText('All changes saved in this browser').waitFor();
  await page.reload();
  await title(page).filter({ hasText: '8.6.1.4' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Mark for review' }).getAttribute('aria-pressed'), 'true');
  await side.getByRole('button', { name: /^4\s+Context/ }).click();
  await title(page).filter({ hasText: '4.1.1' }).waitFor();
  await side.getByRole('checkbox', { name: /Marked for review only \(1\)/ }).click();
  await page.locator('.requirement-panel').getByRole('button', { name: /^Next/ }).click();
  await title(page).filter({ hasText: '8.6.1.4' }).waitFor();
  // After the only marked one comes the finish step.
  await page.locator('.requirement-panel').getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: 'You have reached the end' }).waitFor();
  await page.getByText('2 of 298 answered (under 1 %).').waitFor();
  await page.getByRole('button', { name: 'Go to the first unanswered requirement' }).click();
  await title(page).filter({ hasText: '4.1.2' }).waitFor();
  await side.getByRole('checkbox', { name: /Marked for review only/ }).click();
  // The last requirement: Next leads to the finish step, and from there to the results.
  await side.getByLabel('Go to a requirement').fill('10.2.5');
  await side.getByRole('button', { name: /^10\.2\.5/ }).click();
  await title(page).filter({ hasText: '10.2.5' }).waitFor();
  await page.locator('.requirement-panel').getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('heading', { name: 'You have reached the end' }).waitFor();
  await page.getByRole('link', { name: 'See the results' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('every detail is editable after creation; an empty name is refused at the field; a scale change asks first', async () => {
  const { context, page, problems } = await openPage(browser, DESKTOP);
  await createAssessment(page, 'Details', 'First Org');
  await page.getByRole('radio', { name: 'In place', exact: true }).click();
  await page.getByText('All changes saved in this browser').waitFor();
  await visit(page, '/assessments');
  const row = page.getByRole('row', { name: /Details/ });
  assert.match(await row.innerText(), /First Org/);
  assert.match(await row.innerText(), /Answered 1 of 298/);
  await row.getByRole('button', { name: 'Edit details' }).click();
  const form = page.locator('form.edit-form');
  await form.getByLabel('Name (required)').fill('');
  await form.getByRole('button', { name: 'Save details' }).click();
  const nameField = form.locator('.field', { has: page.getByLabel('Name (required)') });
  await nameField.getByText('Give the assessment a name.').waitFor();
  assert.equal(await form.getByLabel('Name (required)').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Name (required)').fill('Details 2026');
  await form.getByLabel('Organisation').fill('Second Org');
  await form.getByLabel('Assessor').fill('Dana');
  await form.getByLabel('Scope of services').fill('Managed desktop');
  // The scale: one rating would be cleared, so it asks; keeping the scale leaves everything as it was.
  await form.getByRole('radio', { name: /Capability 0-5/ }).click();
  await form.getByText(/clears 1 rating given on the Conformity scale/).waitFor();
  await form.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Keep the Conformity scale' }).click();
  await form.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('row', { name: /Details 2026/ }).waitFor();
  await page.reload();
  const saved = page.getByRole('row', { name: /Details 2026/ });
  assert.match(await saved.innerText(), /Second Org/);
  assert.match(await saved.innerText(), /Answered 1 of 298/);
  await saved.getByRole('button', { name: 'Edit details' }).click();
  assert.equal(await form.getByLabel('Assessor').inputValue(), 'Dana');
  assert.equal(await form.getByLabel('Scope of services').inputValue(), 'Managed desktop');
  await form.getByRole('radio', { name: /Capability 0-5/ }).click();
  await form.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Change the scale and clear 1 rating' }).click();
  await page.reload();
  const changed = page.getByRole('row', { name: /Details 2026/ });
  assert.match(await changed.innerText(), /Capability 0-5/);
  assert.match(await changed.innerText(), /Answered 0 of 298/);
  // Continue goes to the first unanswered requirement.
  await changed.getByRole('link', { name: 'Continue' }).click();
  await title(page).filter({ hasText: '4.1.1' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /Level 3/ }).count(), 1, 'the capability scale is used');
  assertClean(assert, problems);
  await context.close();
});
