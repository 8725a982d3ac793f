// Consolidation and import by mouse: two respondents' result files are consolidated with a chosen rule and
// saved; the saved assessment's own result file keeps both notes, both actions with their owners and the
// justification. Several files can also be imported each on its own, and a file imported twice is noticed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return readFileSync(await d.path(), 'utf8');
}

async function saved(page) {
  await page.getByText('All changes saved in this browser').waitFor();
}

/** Two respondents' files on 4.1.1: one "In place" with an action, one "Not applicable" with a reason. */
async function respondentFiles() {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 860 } });
  await createAssessment(page, 'Context check');
  const panel = page.locator('.requirement-panel');
  await panel.locator('h2', { hasText: '4.1.1' }).waitFor();
  await panel.getByRole('radio', { name: 'In place', exact: true }).click();
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Notes').fill('Context reviewed in March');
  await page.getByLabel('Planned action').fill('Publish the context summary');
  await page.getByLabel('Owner').fill('Alex');
  await saved(page);
  const alex = await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click());
  await panel.getByRole('radio', { name: 'Not applicable', exact: true }).click();
  await page.getByLabel('Justification (required)').fill('Handled by the group');
  await page.getByLabel('Notes').fill('See the group ISMS');
  await page.getByLabel('Planned action').fill('Ask the group for its analysis');
  await page.getByLabel('Owner').fill('Bea');
  await saved(page);
  const bea = await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click());
  assertClean(assert, problems);
  await context.close();
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-merge-'));
  const paths = { alex: join(dir, 'alex.json'), bea: join(dir, 'bea.json') };
  writeFileSync(paths.alex, alex);
  writeFileSync(paths.bea, bea);
  return paths;
}

test('consolidating two respondents by mouse keeps both notes, both actions with owners and the justification', async () => {
  const files = await respondentFiles();
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 860 } });
  await visit(page, '/assessments');
  await page.getByLabel(/^Result files/).setInputFiles([files.alex, files.bea]);
  await page.getByRole('heading', { name: '2 result files' }).waitFor();
  // The rule is stated, and changing it changes the statement.
  await page.getByText('Each requirement takes the middle rating').waitFor();
  await page.getByLabel('Rating of the consolidated assessment').selectOption({ label: "alex.json's answers as the base" });
  await page.getByText("Each requirement takes alex.json's rating").waitFor();
  // N/A against "In place" is a difference, and the filter keeps just that row.
  await page.getByLabel(/Only where respondents differ \(1\)/).click();
  const rows = page.locator('.merge-table tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /4\.1\.1[\s\S]*differs[\s\S]*In place[\s\S]*Not applicable/);
  await page.getByRole('button', { name: 'Save as a new assessment' }).click();
  await page.getByRole('link', { name: /^Consolidated/ }).click();
  await page.locator('.requirement-panel h2').waitFor();
  const file = JSON.parse(await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click()));
  const answer = file.assessment.answers.find((a) => a.id === '4.1.1');
  assert.equal(answer.rating, 'in_place', "alex.json's rating is the base");
  assert.match(answer.notes, /alex\.json: Context reviewed in March/);
  assert.match(answer.notes, /bea\.json: See the group ISMS/);
  assert.match(answer.action, /alex\.json: Publish the context summary \(owner Alex/);
  assert.match(answer.action, /bea\.json: Ask the group for its analysis \(owner Bea/);
  assert.match(answer.owner, /Alex/);
  assert.match(answer.owner, /Bea/);
  assert.match(answer.na_justification, /bea\.json: Handled by the group/);
  assert.equal(answer.review, true, 'a requirement where respondents differ is marked for review');
  assertClean(assert, problems);
  await context.close();
});

test('several files imported each on its own; the same file a second time is noticed', async () => {
  const files = await respondentFiles();
  const { context, page, problems } = await openPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await visit(page, '/assessments');
  await page.getByLabel(/^Result files/).setInputFiles([files.alex, files.bea]);
  await page.getByRole('heading', { name: '2 result files' }).waitFor();
  await page.getByLabel('Import each as its own assessment').tap();
  await page.getByRole('button', { name: 'Import 2 assessments' }).tap();
  await page.getByText('Imported 2 files as new assessments.').waitFor();
  assert.equal(await page.locator('main tbody tr').count(), 2);
  // The first file again: it is already here.
  await page.getByLabel(/^Result files/).setInputFiles(files.alex);
  await page.getByText(/This file was imported before/).waitFor();
  await page.getByRole('button', { name: 'Skip it' }).tap();
  assert.equal(await page.locator('main tbody tr').count(), 2, 'nothing was added');
  assertClean(assert, problems);
  await context.close();
});

test('an answers CSV filled in a spreadsheet is read into a chosen assessment; a bad row names its number', async () => {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 860 } });
  await createAssessment(page, 'Spreadsheet team');
  const csv = await download(page, () => page.getByRole('button', { name: 'Answers (CSV)' }).click());
  const lines = csv.split('\r\n');
  const row = lines.findIndex((l) => l.split(',')[1] === '4.1.2');
  const cells = lines[row].split(',');
  cells[3] = 'Partially in place';
  cells[6] = 'Filled in a spreadsheet';
  const good = [...lines];
  good[row] = cells.join(',');
  const bad = [...lines];
  bad[row] = cells.map((c, i) => (i === 3 ? 'Sort of' : c)).join(',');
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-csv-'));
  writeFileSync(join(dir, 'bad.csv'), bad.join('\r\n'));
  writeFileSync(join(dir, 'good.csv'), good.join('\r\n'));
  await visit(page, '/assessments');
  await page.getByLabel(/^Result files/).setInputFiles(join(dir, 'bad.csv'));
  await page.getByLabel('Put these answers into').selectOption({ label: 'Spreadsheet team' });
  await page.getByText(`Row ${row + 1}: the rating "Sort of" is not one of`).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Import the answers' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel(/^Result files/).setInputFiles(join(dir, 'good.csv'));
  await page.getByLabel('Put these answers into').selectOption({ label: 'Spreadsheet team' });
  await page.getByRole('button', { name: 'Import the answers' }).click();
  await page.getByText(/1 answer changed/).waitFor();
  await visit(page, '/assessments');
  await page.getByRole('link', { name: 'Spreadsheet team' }).click();
  await page.locator('.requirement-panel h2').waitFor();
  await visit(page, new URL(page.url()).pathname + '?req=4.1.2');
  await page.locator('.requirement-panel h2', { hasText: '4.1.2' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Partially in place', exact: true }).isChecked(), true);
  assertClean(assert, problems);
  await context.close();
});
