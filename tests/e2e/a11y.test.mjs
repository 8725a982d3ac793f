// Accessibility: axe-core finds nothing on any route or in any dialog, in the light and the dark colour
// scheme; nothing scrolls sideways at 320 px or at 200 % zoom; keyboard focus is always visible; and
// no animation or transition runs when the reader asks for reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const ROUTES = [
  '/', '/assessments', '/learn', '/learn/clause/8.6.1', '/learn/glossary', '/learn/topic/concept-pdca',
  '/exam', '/about', '/no/such/page',
];

/** Runs axe on the page as it is now; returns one readable line per failing node. */
async function axe(page, where) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.flatMap((v) => v.nodes.map((n) =>
    `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}` +
    (n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').trim()}]` : '')));
}

function assertNone(found, what) {
  assert.equal(found.length, 0, `${what}:\n  ${found.join('\n  ')}`);
}

/** Downloads the walkthrough's result file: its name and bytes. */
async function downloadResult(page) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Result file (JSON)' }).click(),
  ]);
  return { name: d.suggestedFilename(), buffer: readFileSync(await d.path()) };
}

/** Picks a file in the import panel of /assessments. */
async function importFile(page, { name, buffer }) {
  await page.getByLabel(/^Result files/).setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Starts a short mock exam with a fixed seed and waits for its first question. */
async function startMock(page) {
  await visit(page, '/exam?seed=a11y&count=5&minutes=10&pass=65');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  // A session in progress is discarded only after a confirmation.
  const discard = page.getByRole('button', { name: 'Discard it and start' });
  await Promise.race([page.locator('.exam-question').waitFor(), discard.waitFor()].map((p) => p.catch(() => {})));
  if (await discard.count()) await discard.click();
  await page.locator('.exam-question').waitFor();
}

/** Every state the issue names: routes, the walkthrough and its panels, dialogs, results, exam. */
async function axeEverywhere(page) {
  const found = [];
  for (const path of ROUTES) {
    await visit(page, path);
    found.push(...await axe(page, path));
  }
  // Assessments: the creation form, then a walkthrough with its N/A panel and its notes open.
  await visit(page, '/assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name (required)').waitFor();
  found.push(...await axe(page, 'create form'));
  await createAssessment(page, 'Accessibility check');
  found.push(...await axe(page, 'walkthrough'));
  await page.keyboard.press('3');
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await page.getByLabel('Justification (required)').waitFor();
  found.push(...await axe(page, 'walkthrough, N/A panel'));
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Planned action').waitFor();
  found.push(...await axe(page, 'walkthrough, notes open'));
  await page.getByText('All changes saved in this browser').waitFor();
  const resultFile = await downloadResult(page);
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  found.push(...await axe(page, 'results'));
  // The list with a row, the rename form and the delete confirmation.
  await visit(page, '/assessments');
  await page.locator('tbody tr').first().waitFor();
  found.push(...await axe(page, 'assessments with a row'));
  await importFile(page, resultFile);
  await page.getByRole('heading', { name: `Preview of ${resultFile.name}` }).waitFor();
  found.push(...await axe(page, 'import preview'));
  await importFile(page, { name: 'broken.json', buffer: resultFile.buffer.subarray(0, 200) });
  await page.getByText('Not imported. Nothing was stored or changed.').waitFor();
  found.push(...await axe(page, 'import error'));
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.locator('form.edit-form').getByLabel('Name (required)').waitFor();
  found.push(...await axe(page, 'edit details form'));
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('row', { name: /Accessibility check/ }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').waitFor();
  found.push(...await axe(page, 'delete confirmation'));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  found.push(...await axe(page, 'deleted, undo offered'));
  // Exam: practice feedback, a mock session, its submit confirmation and the review.
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.locator('.exam-question').waitFor();
  await page.keyboard.press('a');
  await page.locator('.feedback').waitFor();
  found.push(...await axe(page, 'practice feedback'));
  await startMock(page);
  await page.keyboard.press('b');
  await page.keyboard.press('f');
  found.push(...await axe(page, 'exam session'));
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('alertdialog').waitFor();
  found.push(...await axe(page, 'submit confirmation'));
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await page.locator('main h1', { hasText: /Mock exam: (Pass|Fail)/ }).waitFor();
  found.push(...await axe(page, 'exam review'));
  return found;
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation on any route or dialog in the ${colorScheme} colour scheme`, async () => {
    const { context, page, problems } = await openPage(browser, { colorScheme });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
    await visit(page, '/');
    // The theme follows the preference: dark text on a light page, or light text on a dark page.
    const [bg, fg] = await page.evaluate(() => ['backgroundColor', 'color'].map((p) => getComputedStyle(document.body)[p]));
    const lightness = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return (r + g + b) / 3; };
    if (colorScheme === 'dark') assert.ok(lightness(bg) < 64 && lightness(fg) > 192, `dark theme: ${bg} / ${fg}`);
    else assert.ok(lightness(bg) > 192 && lightness(fg) < 64, `light theme: ${bg} / ${fg}`);
    assertNone(await axeEverywhere(page), 'axe violations');
    assertClean(assert, problems);
    await context.close();
  });
}

/** How far the document scrolls sideways beyond the viewport, in CSS pixels. */
async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll('main *, header *')]
      .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''}`);
    return { excess: doc.scrollWidth - doc.clientWidth, wide };
  });
}

/** Visits every route and the assessment and exam screens, recording any sideways scroll. */
async function reflowEverywhere(page) {
  const found = [];
  const check = async (where) => {
    const { excess, wide } = await overflow(page);
    if (excess > 0) found.push(`${where}: ${excess}px too wide (${wide.join(', ')})`);
    // The narrow layout must not bring its own problems (a scrolling table nobody can reach, say).
    found.push(...await axe(page, `${where} (narrow)`));
  };
  for (const path of ROUTES) {
    await visit(page, path);
    await check(path);
  }
  await createAssessment(page, 'A rather long assessment name that must wrap on a narrow screen');
  await check('walkthrough');
  await page.keyboard.press('n');
  await page.getByLabel('Justification (required)').waitFor();
  await page.getByText('Notes, evidence and actions').click();
  await check('walkthrough, N/A and notes open');
  await page.getByText('All changes saved in this browser').waitFor();
  const resultFile = await downloadResult(page);
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  await check('results');
  await visit(page, '/assessments');
  await page.locator('tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').waitFor();
  await check('assessments table with delete confirmation');
  await importFile(page, resultFile);
  await page.getByRole('heading', { name: `Preview of ${resultFile.name}` }).waitFor();
  await check('import preview');
  await startMock(page);
  await check('exam session');
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('alertdialog').waitFor();
  await check('submit confirmation');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit' }).click();
  await page.locator('main h1', { hasText: /Mock exam: (Pass|Fail)/ }).waitFor();
  await check('exam review');
  return found;
}

test('nothing scrolls sideways at 320 px wide', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 320, height: 640 } });
  assert.equal(await page.evaluate(() => window.innerWidth), 320);
  assertNone(await reflowEverywhere(page), 'sideways scrolling or axe violations');
  assertClean(assert, problems);
  await context.close();
});

test('nothing scrolls sideways at 200 % zoom of a 1280 px window', async () => {
  // Zooming a 1280 px window to 200 % leaves a 640 CSS px layout viewport at twice the pixel density.
  const { context, page, problems } = await openPage(browser, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  assert.equal(await page.evaluate(() => window.innerWidth), 640);
  assertNone(await reflowEverywhere(page), 'sideways scrolling or axe violations');
  assertClean(assert, problems);
  await context.close();
});

/** Tabs through the page and reports every control whose focus is not clearly outlined: an outline at
 *  least 2 px wide under :focus-visible that the control does not also wear when it is not focused. */
async function unoutlinedFocus(page, where, presses) {
  const missing = [];
  let seen = 0;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body || e.tagName === 'MAIN') return null;
      const ring = () => {
        const s = getComputedStyle(e);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), look: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}` };
      };
      const focused = ring();
      const visible = e.matches(':focus-visible');
      e.blur();
      const resting = ring();
      e.focus({ preventScroll: true });
      return {
        control: e.matches('a[href], button, summary, input, select, textarea, [role="link"], [role="button"], [tabindex="0"]'),
        name: `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 40)}"`,
        visible, ...focused, changed: focused.look !== resting.look,
      };
    });
    if (!focus?.control) continue;
    seen++;
    if (!focus.visible || focus.style === 'none' || !(focus.width >= 2) || !focus.changed) {
      missing.push(`${where}: ${focus.name} (outline ${focus.style} ${focus.width}px, focus-visible ${focus.visible}, differs from unfocused ${focus.changed})`);
    }
  }
  return { missing, seen };
}

test('every control reached with Tab shows a focus outline it does not have otherwise', async () => {
  const { context, page, problems } = await openPage(browser);
  const missing = [];
  for (const path of ['/', '/assessments', '/learn', '/learn/clause/8.6.1', '/exam', '/about']) {
    await visit(page, path);
    const r = await unoutlinedFocus(page, path, 25);
    assert.ok(r.seen >= 5, `${path}: Tab reached ${r.seen} controls`);
    missing.push(...r.missing);
  }
  await createAssessment(page, 'Focus check');
  missing.push(...(await unoutlinedFocus(page, 'walkthrough', 40)).missing);
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  missing.push(...(await unoutlinedFocus(page, 'results', 60)).missing);
  await startMock(page);
  missing.push(...(await unoutlinedFocus(page, 'exam session', 30)).missing);
  assertNone(missing, 'controls without a visible focus outline');
  assertClean(assert, problems);
  await context.close();
});

/** Every element with a running animation or a transition longer than zero. */
async function moving(page, where) {
  return page.evaluate((where) => {
    const secs = (list) => list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1));
    const out = [];
    for (const e of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(e, pseudo);
        const anim = s.animationName !== 'none' && secs(s.animationDuration).some((d) => d > 0);
        const trans = secs(s.transitionDuration).some((d) => d > 0);
        if (anim || trans) out.push(`${where}: ${e.tagName.toLowerCase()}${pseudo || ''}.${e.className} ${anim ? 'animates' : ''}${trans ? ' transitions' : ''}`);
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') out.push(`${where}: smooth scrolling`);
    return out;
  }, where);
}

test('with reduced motion requested nothing animates, transitions or scrolls smoothly', async () => {
  const { context, page, problems } = await openPage(browser, { reducedMotion: 'reduce' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  const found = [];
  for (const path of ROUTES) {
    await visit(page, path);
    found.push(...await moving(page, path));
  }
  // A guard for the future: even an element given a transition and an animation of its own stays still.
  found.push(...await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'motion-probe';
    probe.style.transition = 'opacity 1s';
    probe.style.animation = 'probe-spin 2s infinite';
    document.querySelector('main').append(probe);
    const s = getComputedStyle(probe);
    const out = [s.transitionDuration, s.animationDuration].filter((d) => parseFloat(d) > 0);
    probe.remove();
    return out.map((d) => `an element styled to move keeps a duration of ${d}`);
  }));
  await createAssessment(page, 'Motion check');
  found.push(...await moving(page, 'walkthrough'));
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  found.push(...await moving(page, 'results'));
  await startMock(page);
  found.push(...await moving(page, 'exam session'));
  assertNone(found, 'motion despite prefers-reduced-motion');
  assertClean(assert, problems);
  await context.close();
});

/** Presses Tab until the focused control's name matches `name` (inside `within`, if given). */
async function tabTo(page, name, within = null) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(([source, within]) => {
      const e = document.activeElement;
      if (!e || (within && !e.closest(within))) return false;
      const label = e.getAttribute('aria-label') || [...(e.labels || [])].map((l) => l.textContent).join(' ') || e.textContent || '';
      return new RegExp(source).test(label.trim());
    }, [name.source, within]);
    if (hit) return;
  }
  throw new Error(`Tab never reached a control named ${name}${within ? ` inside ${within}` : ''}`);
}

test('a keyboard-only journey: create, answer, results, delete and undo, a mock exam', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/');
  await tabTo(page, /^Assessments$/);
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Self-assessments' }).waitFor();
  await tabTo(page, /^New assessment$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Name \(required\)$/);
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  await page.locator('.requirement-panel h2').waitFor();
  for (const key of ['3', 'j', '2', 'j', 'n']) await page.keyboard.press(key);
  await tabTo(page, /^Justification \(required\)$/);
  await page.keyboard.type('Run by the group IT department');
  await page.getByText('All changes saved in this browser').waitFor();
  assert.equal(await page.getByLabel('Justification (required)').inputValue(), 'Run by the group IT department',
    'shortcut letters typed in a text field stay text');
  await tabTo(page, /^Results and gaps$/);
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Results: Keyboard only' }).waitFor();
  await tabTo(page, /^Assessments$/, 'header');
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: 'Self-assessments' }).waitFor();
  await tabTo(page, /^Delete$/, 'tbody');
  await page.keyboard.press('Enter');
  await tabTo(page, /^Delete$/, '[role="alertdialog"]');
  await page.keyboard.press('Enter');
  await tabTo(page, /^Undo$/);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Keyboard only' }).waitFor();
  await tabTo(page, /^Exam practice$/, 'header');
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: /exam practice/i }).waitFor();
  await tabTo(page, /^Start the mock exam$/);
  await page.keyboard.press('Enter');
  await page.locator('.exam-question').waitFor();
  for (const key of ['a', 'j', 'b', 'j', 'c']) await page.keyboard.press(key);
  await page.getByText(/3 answered/).waitFor();
  await tabTo(page, /^Submit the exam$/);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Submit$/, '[role="alertdialog"]');
  await page.keyboard.press('Enter');
  await page.locator('main h1', { hasText: /Mock exam: (Pass|Fail)/ }).waitFor();
  assertClean(assert, problems);
  await context.close();
});
