// Sharing: export a filled assessment, import the file in a fresh browser profile with identical scores,
// CSV and HTML exports, Ctrl+S, and a broken file that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, visit, assertClean, createAssessment } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function filled(page, name) {
  await createAssessment(page, name, 'Exporter Ltd');
  for (const k of ['3', '2', '1', '3', '3', '2', 'n', '3']) {
    await page.keyboard.press(k);
    await page.keyboard.press('j');
  }
  await page.getByText('Notes, evidence and actions').click();
  await page.getByLabel('Notes').fill('<script>alert("x")</script> "quoted", comma\nnew line ünïcødé 🚀');
  await page.getByLabel('Planned action').fill('=HYPERLINK("http://evil")');
  await page.getByText('All changes saved in this browser').waitFor();
}

async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

test('export, then import in a fresh profile: identical scores; a broken file changes nothing', async () => {
  const { context, page, problems } = await openPage(browser);
  await filled(page, 'Round trip');
  const json = await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click());
  assert.match(json.name, /^round-trip-\d{4}-\d\d-\d\d\.json$/);
  const file = JSON.parse(json.text);
  assert.equal(file.format, 'iso20000-readiness-result');
  assert.match(file.checksum ?? file.sha256 ?? '', /^[0-9a-f]{64}$/);
  await page.getByRole('link', { name: 'Results and gaps' }).click();
  const score = await page.locator('.stat', { hasText: 'Overall score' }).locator('.value').innerText();
  const completion = await page.locator('.stat', { hasText: 'Completion' }).locator('.value').innerText();
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-'));
  const path = join(dir, json.name);
  writeFileSync(path, json.text);
  assertClean(assert, problems);
  await context.close();

  // A fresh profile: nothing stored yet.
  const fresh = await openPage(browser);
  await visit(fresh.page, '/assessments');
  await fresh.page.getByLabel(/^Result files/).setInputFiles(path);
  await fresh.page.getByRole('heading', { name: `Preview of ${json.name}` }).waitFor();
  assert.equal(await fresh.page.locator('.import-score').innerText(), score);
  await fresh.page.getByRole('button', { name: 'Import as a new assessment' }).click();
  await fresh.page.getByRole('link', { name: 'Round trip' }).waitFor();
  await fresh.page.getByRole('link', { name: 'Results' }).click();
  await fresh.page.locator('main h1', { hasText: 'Results: Round trip' }).waitFor();
  assert.equal(await fresh.page.locator('.stat', { hasText: 'Overall score' }).locator('.value').innerText(), score);
  assert.equal(await fresh.page.locator('.stat', { hasText: 'Completion' }).locator('.value').innerText(), completion);

  // A broken file: a clear error and the list exactly as before.
  await visit(fresh.page, '/assessments');
  const before = await fresh.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, json.text.slice(0, 200));
  await fresh.page.getByLabel(/^Result files/).setInputFiles(broken);
  await fresh.page.getByText('Not imported. Nothing was stored or changed.').waitFor();
  assert.match(await fresh.page.locator('.import-errors').innerText(), /broken\.json/);
  assert.equal(await fresh.page.locator('tbody tr').count(), 1);
  const after = await fresh.page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  assert.equal(after, before, 'storage untouched');
  // A tampered file needs explicit consent.
  const tampered = join(dir, 'tampered.json');
  writeFileSync(tampered, json.text.replace('Exporter Ltd', 'Someone Else'));
  await fresh.page.getByLabel(/^Result files/).setInputFiles(tampered);
  await fresh.page.getByText(/does not match the file's checksum/).waitFor();
  const importButton = fresh.page.getByRole('button', { name: 'Import as a new assessment' });
  assert.equal(await importButton.isDisabled(), true);
  await fresh.page.getByLabel(/I trust where this file came from/).check();
  assert.equal(await importButton.isDisabled(), false);
  assertClean(assert, fresh.problems);
  await fresh.context.close();
});

test('CSV and HTML exports and Ctrl+S', async () => {
  const { context, page, problems } = await openPage(browser);
  await filled(page, 'Formats');
  const csv = await download(page, () => page.getByRole('button', { name: 'Answers (CSV)' }).click());
  assert.ok(csv.text.startsWith('\uFEFF'), 'UTF-8 byte order mark for spreadsheets');
  assert.match(csv.text, /\r\n/);
  assert.match(csv.text, /"<script>alert\(""x""\)<\/script> ""quoted"", comma\nnew line ünïcødé 🚀"/);
  const plan = await download(page, () => page.getByRole('button', { name: 'Action plan (CSV)' }).click());
  assert.match(plan.text, /'=HYPERLINK/, 'formula injection neutralised');
  const html = await download(page, () => page.getByRole('button', { name: 'Report (HTML)' }).click());
  assert.doesNotMatch(html.text, /<script/i);
  assert.match(html.text, /&lt;script&gt;/);
  const saved = await download(page, () => page.keyboard.press('Control+s'));
  assert.match(saved.name, /^formats-.*\.json$/);
  // The report opens on its own and shows the assessment.
  const reportPage = await context.newPage();
  await reportPage.setContent(html.text);
  assert.match(await reportPage.locator('h1').first().innerText(), /Formats|readiness/i);
  assertClean(assert, problems);
  await context.close();
});

test('two result files are consolidated and saved as a new assessment', async () => {
  const { context, page, problems } = await openPage(browser);
  await filled(page, 'Team A');
  const a = await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click());
  await visit(page, '/assessments');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('link', { name: 'Team A (copy)' }).click();
  await page.locator('.requirement-panel h2').waitFor();
  // Team B disagrees on the first requirement: not in place where team A said in place.
  await page.getByRole('button', { name: /4\s+Context of the organization/ }).click();
  await page.locator('.requirement-panel h2', { hasText: '4.1.1' }).waitFor();
  await page.keyboard.press('1');
  await page.getByText('All changes saved in this browser').waitFor();
  const b = await download(page, () => page.getByRole('button', { name: 'Result file (JSON)' }).click());
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-'));
  const pa = join(dir, 'team-a.json');
  const pb = join(dir, 'team-b.json');
  writeFileSync(pa, a.text);
  writeFileSync(pb, b.text);
  await visit(page, '/assessments');
  await page.getByLabel(/^Result files/).setInputFiles([pa, pb]);
  await page.getByRole('heading', { name: '2 result files' }).waitFor();
  assert.ok(await page.locator('.merge-table tr.disagree').count() >= 1, 'the difference is highlighted');
  await page.getByRole('button', { name: 'Save as a new assessment' }).click();
  await page.getByRole('link', { name: /^Consolidated/ }).waitFor();
  assertClean(assert, problems);
  await context.close();
});

test('the JSON Schema of the result format is linked from /about and served', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/about');
  const href = await page.getByRole('link', { name: 'JSON Schema' }).getAttribute('href');
  const res = await page.request.get(new URL(href, page.url()).href);
  assert.equal(res.status(), 200);
  const schema = await res.json();
  assert.match(schema.$schema, /2020-12/);
  assertClean(assert, problems);
  await context.close();
});
