// Hostile input: scripts, event handlers, javascript: links, bidirectional overrides, very long strings,
// emoji and combining marks typed into every free-text field and imported in a result file are shown as
// text, and nothing runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '" onmouseover="window.__pwned = 3" x="',
  'javascript:window.__pwned = 4',
  '\u202Egnp.exe\u202C and \u2067isolated\u2069',
  'e\u0301\u0302\u0303 👩‍👩‍👧‍👦 🚀 z̴̢̛a̷l̵g̶o̸',
];
const LONG = 'x'.repeat(100 * 1024);

async function noExecution(page) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected code ran');
  assert.equal(await page.locator('main img').count(), 0, 'no injected element');
}

test('hostile text typed into every field shows as text and runs nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const text = HOSTILE.join(' | ');
  await visit(page, '/assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name (required)').fill(HOSTILE[1]);
  await page.getByLabel('Organisation').fill(HOSTILE[0]);
  await page.getByLabel('Scope of services').fill(text);
  await page.getByLabel('Assessor').fill(HOSTILE[4]);
  await page.getByRole('button', { name: 'Create and start' }).click();
  await page.locator('.requirement-panel h2').waitFor();
  assert.equal(await page.locator('main h1').innerText(), HOSTILE[1]);
  await page.keyboard.press('n');
  await page.getByLabel('Justification (required)').fill(text);
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Notes').fill(LONG);
  await page.getByLabel(/Evidence references/).fill(HOSTILE[3] + '\n' + HOSTILE[2]);
  await page.getByLabel('Planned action').fill(HOSTILE[5]);
  await page.getByLabel('Owner').fill(HOSTILE[2]);
  await page.getByText('All changes saved in this browser').waitFor();
  await noExecution(page);
  // Everything is shown back as the text typed, on reload, in the list and on the results page.
  await page.reload();
  await page.locator('.requirement-panel h2').waitFor();
  assert.equal(await page.getByLabel('Justification (required)').inputValue(), text);
  await visit(page, '/assessments');
  assert.equal(await page.getByRole('link', { name: HOSTILE[1] }).count(), 1);
  await page.getByRole('link', { name: 'Results' }).click();
  await page.locator('main h1', { hasText: 'Results' }).waitFor();
  assert.match(await page.locator('main h1').innerText(), /onerror/);
  await noExecution(page);
  // The exam seed field too.
  await visit(page, '/exam');
  await page.getByText('Options', { exact: true }).click();
  await page.getByLabel(/^Seed/).fill(HOSTILE[0]);
  assert.match(await page.locator('.share-link').inputValue(), /%3Cscript%3E/);
  await noExecution(page);
  assert.equal(dialogs, 0);
  assertClean(assert, problems);
  await context.close();
});

test('hostile text inside an imported result file shows as text and runs nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  await createAssessment(page, 'Carrier');
  await page.keyboard.press('3');
  await page.getByText('All changes saved in this browser').waitFor();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Result file (JSON)' }).click()]);
  const file = JSON.parse(readFileSync(await d.path(), 'utf8'));
  file.assessment.name = HOSTILE[1];
  file.assessment.organisation = HOSTILE[0];
  file.assessment.scope = HOSTILE.join('\n') + 'y'.repeat(15000);
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-'));
  const path = join(dir, 'hostile.json');
  writeFileSync(path, JSON.stringify(file));
  await visit(page, '/assessments');
  await page.getByLabel(/^Result files/).setInputFiles(path);
  await page.getByText(/does not match the file's checksum/).waitFor();
  assert.match(await page.locator('.preview dl').innerText(), /<script>window.__pwned = 1<\/script>/);
  await page.getByLabel(/I trust where this file came from/).check();
  await page.getByRole('button', { name: 'Import as a new assessment' }).click();
  await page.getByRole('link', { name: HOSTILE[1] }).waitFor();
  await noExecution(page);
  assertClean(assert, problems);
  await context.close();
});
