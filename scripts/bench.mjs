// Benchmark (not a test): the figures the quality gate asks for, measured on the release build in headless
// Chromium against a production-like server (scripts/serve_dist.py: SPA fallback, gzip -9):
//   1. per area (a deep link in a fresh profile, with stored data where the page shows it: a full assessment
//      of every requirement, an exam in progress): bytes, requests, first h1 and time to the area's content,
//      against the budgets; the size of the whole app;
//   2. time until a stored assessment's walkthrough can be answered (median of N fresh loads);
//   3. time to import a result file of about 5 MB, from picking the file to its preview;
//   4. Lighthouse (mobile preset) on the main areas, the stored data in the profile (BENCH_LIGHTHOUSE=0 skips).
// Usage: node scripts/bench.mjs [dist] [base-url]   (scripts/bench.sh builds, serves and runs it)
// BENCH_LOADS (default 10) and BENCH_IMPORTS (default 5) set the number of runs.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dist = process.argv[2] || 'dist';
const base = process.argv[3] || 'http://127.0.0.1:8098';
const origin = new URL(base).origin;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOADS = Number(process.env.BENCH_LOADS || 10);
const IMPORTS = Number(process.env.BENCH_IMPORTS || 5);
const SHELL_BUDGET = 150 * 1024; // first load of /, gzip
const ROUTE_BUDGET = 250 * 1024; // first load of any route, gzip
const IMPORT_LIMIT = 5 * 1024 * 1024; // MAX_IMPORT_BYTES in src/domain/exchange/mod.rs

const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const budget = (bytes, limit) => (bytes <= limit
  ? `within (${kb(limit - bytes)} KB to spare)`
  : `NOT MET (${kb(bytes - limit)} KB over)`);

// Every file of dist/ (not hidden ones such as Trunk's .stage/ during a build), and their sizes and times:
// compared at the end, to flag a rebuild during the run.
const distFiles = () => readdirSync(dist, { recursive: true }).filter((f) => !f.split(sep).some((p) => p.startsWith('.')))
  .map((f) => join(dist, f)).filter((f) => statSync(f).isFile());
const fingerprint = () => distFiles().map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).sort().join('\n');
const distAtStart = fingerprint();

// Flags that keep Chromium off the network here (see DEVELOPERS.md).
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// ---------------------------------------------------------------------------------------------------------
// 1. First-load transfer, measured in the browser: every request a fresh profile makes for the route until
// its `main h1` is there and the network has been idle for 500 ms (the loader's preloads, the route's wasm
// chunks, fetches such as /questions.json). Service workers are blocked, so the offline precache of every
// file is not counted as part of the page. Sizes are the response bodies as transferred (encoded, that is
// gzip, from Playwright's request.sizes().responseBodySize); headers are not counted.
async function firstLoad(path, prepare = async () => {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await prepare(context);
  const page = await context.newPage();
  const done = [];
  const foreign = [];
  let inflight = 0;
  let last = Date.now();
  page.on('request', (r) => {
    inflight++; last = Date.now();
    if (!r.url().startsWith(origin)) foreign.push(r.url());
  });
  const settle = (r, failed) => {
    inflight--; last = Date.now();
    // raw: the decoded body, so the figure is the file actually served.
    done.push(Promise.all([r.sizes(), r.response()]).then(async ([sizes, response]) => ({
      url: r.url(), failed, bytes: sizes.responseBodySize,
      raw: (await response.body()).length,
      encoding: response.headers()['content-encoding'] ?? 'none',
    })));
  };
  page.on('requestfinished', (r) => settle(r, false));
  page.on('requestfailed', (r) => { inflight--; last = Date.now(); done.push({ url: r.url(), failed: true, bytes: 0, raw: 0 }); });
  await page.goto(base + path);
  await page.locator('main h1').first().waitFor({ state: 'attached', timeout: 30000 });
  const deadline = Date.now() + 30000;
  while ((inflight > 0 || Date.now() - last < 500) && Date.now() < deadline) await sleep(50);
  const requests = await Promise.all(done);
  await context.close();
  const total = (key) => requests.reduce((s, r) => s + r[key], 0);
  return { path, requests, foreign, bytes: total('bytes'), raw: total('raw') };
}

const home = await firstLoad('/');
console.log('First load of / in the browser (fresh profile, service workers blocked; gzip = response body as transferred, the server gzips at level 9)');
console.log('asset'.padEnd(52), 'raw KB'.padStart(9), 'gzip KB'.padStart(9));
for (const r of home.requests) {
  const name = new URL(r.url).pathname === '/' ? 'index.html (/)' : new URL(r.url).pathname.slice(1);
  const note = r.failed ? '  FAILED' : r.encoding === 'gzip' ? '' : `  (not gzipped: ${r.encoding})`;
  console.log(name.padEnd(52), kb(r.raw).padStart(9), kb(r.bytes).padStart(9) + note);
}
console.log(`TOTAL (${home.requests.length} requests)`.padEnd(52), kb(home.raw).padStart(9), kb(home.bytes).padStart(9));
console.log(`Shell budget (first load of /, at most ${kb(SHELL_BUDGET)} KB gzip): ${budget(home.bytes, SHELL_BUDGET)}`);

// The whole app, all content: every file of dist/ (shell, every wasm chunk, questions.json, service worker,
// manifest, schema...), each gzipped at level 9 as the server sends it.
// Packs (one file per deep link with the chunks it needs, scripts/postbuild.py) repeat chunks: counted apart.
const isPack = (f) => /(^|[\\/])pack-[0-9a-f]{16}\.wasm$/.test(f);
const all = distFiles().filter((f) => !isPack(f));
const sum = (files) => files.reduce((s, f) => { const b = readFileSync(f); return [s[0] + b.length, s[1] + gz(b)]; }, [0, 0]);
const [allRaw, allGz] = sum(all);
const wasm = all.filter((f) => f.endsWith('.wasm'));
const [wasmRaw, wasmGz] = sum(wasm);
const [qRaw, qGz] = sum(all.filter((f) => f.endsWith('questions.json')));
console.log(`\nThe whole app, all content (all ${all.length} files of ${dist}/): ${kb(allRaw)} KB raw, ${kb(allGz)} KB gzip`);
const [packRaw, packGz] = sum(distFiles().filter(isPack));
console.log(`  besides: ${distFiles().filter(isPack).length} packs of a deep link's chunks (the same chunks again, not precached): ${kb(packRaw)} KB raw, ${kb(packGz)} KB gzip`);
console.log(`  of which ${wasm.length} wasm files (shell and chunks): ${kb(wasmRaw)} KB raw, ${kb(wasmGz)} KB gzip;`
  + ` questions.json: ${kb(qRaw)} KB raw, ${kb(qGz)} KB gzip; the rest: ${kb(allRaw - wasmRaw - qRaw)} KB raw, ${kb(allGz - wasmGz - qGz)} KB gzip`);

// ---------------------------------------------------------------------------------------------------------
// 2 and 3. Timings from navigation start (performance.now() in the page) to the moment a MutationObserver
// installed before any page script sees the first `main h1` and the page's `content` in the DOM (with
// `enabled`, every match of `content` must also be enabled). Each load is a fresh context, with `storage`
// copied into localStorage before the app runs and the service worker allowed as on a real first visit (it is
// not yet controlling the page); `inspect` reads the last page.
function seed(context, entries) {
  return context.addInitScript(({ origin, entries }) => {
    if (location.origin !== origin) return;
    for (const [k, v] of entries) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
  }, { origin, entries });
}

async function timesTo(path, content, { enabled = false, storage = [], inspect = async () => '' } = {}) {
  const times = { h1: [], content: [], seen: '' };
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    await seed(context, storage);
    const page = await context.newPage();
    await page.addInitScript(({ sel, enabled }) => {
      const seen = (s, all) => {
        const els = [...document.querySelectorAll(s)];
        return els.length > 0 && (!all || els.every((e) => e.matches(':enabled')));
      };
      new MutationObserver((_, obs) => {
        if (window.__h1 === undefined && seen('main h1', false)) window.__h1 = performance.now();
        if (window.__content === undefined && seen(sel, enabled)) window.__content = performance.now();
        if (window.__h1 !== undefined && window.__content !== undefined) obs.disconnect();
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    }, { sel: content, enabled });
    await page.goto(base + path);
    await page.waitForFunction(() => window.__h1 !== undefined && window.__content !== undefined, null, { timeout: 30000 });
    const [h1, shown] = await page.evaluate(() => [window.__h1, window.__content]);
    times.h1.push(h1);
    times.content.push(shown);
    times.seen = await inspect(page);
    await context.close();
  }
  return times;
}

console.log('\nTimings (headless Chromium, loopback, no throttling; each load a fresh profile, service worker allowed as on a first visit)');
// One assessment created through the UI (as tests/e2e/helpers.mjs createAssessment does). What the app
// stored for it, still unanswered, is copied into each fresh context before the app runs. Then its first
// requirement is answered and it is exported: the export, which shows the shape of an answer, is the seed
// of the 5 MB file below.
async function createStoredAssessment() {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base + '/assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name (required)').fill('Benchmark');
  await page.getByLabel('Organisation').fill('Bench Ltd');
  await page.getByRole('button', { name: 'Create and start' }).click();
  await page.waitForURL(/\/assessments\/a[0-9a-f]+/);
  await page.locator('.requirement-panel h2').waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  const progress = await page.locator('label[for=walk-progress]').innerText(); // "0 of 294 answered (0 %)"
  const total = Number(progress.match(/of (\d+)/)[1]);
  await page.waitForFunction((id) => Object.keys(localStorage).some((k) => k.includes(id)), id);
  const storage = await page.evaluate(() => Object.entries(localStorage));
  await page.keyboard.press('2');
  await page.getByText('All changes saved in this browser').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Result file (JSON)' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  await context.close();
  return { id, total, storage, exported };
}
const stored = await createStoredAssessment();
const walkTimes = await timesTo(`/assessments/${stored.id}`, 'main .requirement-panel fieldset.rating input[type=radio]', {
  enabled: true,
  storage: stored.storage,
  inspect: (page) => page.locator('main .requirement-panel h2 .num').innerText(),
});
console.log(`Interactive assessment: navigation start of /assessments/<id> (a stored, unanswered assessment of ${stored.total} requirements)`
  + ` to every rating radio button of its first requirement (${walkTimes.seen}) in the DOM and enabled, median of ${LOADS}: ${ms(walkTimes.content)}`);

// ---------------------------------------------------------------------------------------------------------
// 4. Import of a result file of about 5 MB. The app's own export is grown: every requirement of the catalogue
// (ids from src/content/requirements/*.toml, the catalogue's source) gets an answer shaped like the exported
// one, with long notes, evidence and action texts (each under MAX_TEXT, 20,000 characters), until the file
// is just under the import limit of 5 MiB. The checksum is recomputed as docs/result-format.md specifies
// (SHA-256 of the canonical JSON of `assessment`), so the app accepts it without asking for consent.
const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object'
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
    : JSON.stringify(v)); // integers print as integers both here and in serde_json, which is all the file has

function requirementIds() {
  const dir = join(root, 'src/content/requirements');
  return readdirSync(dir).filter((f) => f.endsWith('.toml')).sort()
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^id = "([^"]+)"$/gm)].map((m) => m[1]));
}

// Plausible free text: sentences, line breaks and a few non-ASCII letters (escape and UTF-8 paths).
const longText = (chars, seed) => {
  const s = `Interview ${seed} with the process owner: the procedure is followed, records are kept and reviewed every quarter; two minor gaps remain (see ticket CHG-${String(seed).padStart(4, '0')}, résumé in the café minutes).\n`;
  return s.repeat(Math.ceil(chars / s.length)).slice(0, chars);
};

function grownFile(exported, ids, chars) {
  const file = JSON.parse(exported);
  const a = file.assessment;
  const template = a.answers[0];
  if (!template) throw new Error('the exported assessment has no answer to use as a template');
  const ratings = a.scale === 'capability' ? [0, 1, 2, 3, 4, 5].map((l) => `level_${l}`) : ['not_in_place', 'partial', 'in_place'];
  a.answers = ids.map((id, i) => ({
    ...template, id, rating: ratings[i % ratings.length],
    notes: longText(chars, i), evidence: longText(chars, i + 1000), action: longText(chars, i + 2000),
  }));
  file.checksum = createHash('sha256').update(canonical(a)).digest('hex');
  return JSON.stringify(file, null, 2); // pretty-printed like the app's export
}

function fiveMegabyteFile() {
  const ids = requirementIds();
  if (ids.length !== stored.total) throw new Error(`${ids.length} requirement ids in the TOML, the app says ${stored.total}`);
  const target = Math.floor(IMPORT_LIMIT * 0.99);
  const size = (chars) => Buffer.byteLength(grownFile(stored.exported, ids, chars));
  const perChar = (size(1000) - size(0)) / (ids.length * 3 * 1000);
  let chars = Math.min(20000, Math.floor((target - size(0)) / perChar / (ids.length * 3)));
  while (size(chars) > target) chars -= 10;
  return { text: grownFile(stored.exported, ids, chars), answers: ids.length, chars };
}

const big = fiveMegabyteFile();
const dir = mkdtempSync(join(tmpdir(), 'iso20k-bench-'));
const bigPath = join(dir, 'bench-5mb.json');
writeFileSync(bigPath, big.text);
const bigBytes = Buffer.byteLength(big.text);

// Each run: a fresh profile on /assessments; the page records the `change` event of the file input (which
// setInputFiles fires, and the app reacts to) and the moment the preview heading is in the DOM.
const importTimes = [];
const importWall = [];
let warnings = [];
for (let i = 0; i < IMPORTS; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/assessments');
  await page.locator('#import-files').waitFor({ state: 'attached', timeout: 30000 });
  await page.evaluate(() => {
    addEventListener('change', (e) => { if (e.target.id === 'import-files') window.__picked = performance.now(); }, true);
    new MutationObserver((_, obs) => {
      if (document.querySelector('.import .preview h3')) { window.__preview = performance.now(); obs.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const start = performance.now();
  await page.locator('#import-files').setInputFiles(bigPath);
  await page.getByRole('heading', { name: 'Preview of bench-5mb.json' }).waitFor({ timeout: 60000 });
  importWall.push(performance.now() - start);
  const { picked, preview } = await page.evaluate(() => ({ picked: window.__picked, preview: window.__preview }));
  importTimes.push(preview - picked);
  warnings = await page.locator('.import .preview .warnings li').allInnerTexts();
  await context.close();
}
rmSync(dir, { recursive: true });
console.log(`\nImport of a result file of ${(bigBytes / 1e6).toFixed(2)} MB (${(bigBytes / 1048576).toFixed(2)} MiB; ${big.answers} answers,`
  + ` notes, evidence and action of ${big.chars} characters each; checksum recomputed, app warnings: ${warnings.length ? warnings.join(' / ') : 'none'})`);
console.log(`  change event of the file input to the preview heading in the DOM, median of ${IMPORTS}: ${ms(importTimes)}`);
console.log(`  setInputFiles call to the preview heading visible (Playwright, wall clock), median of ${IMPORTS}: ${ms(importWall)}`);
// ---------------------------------------------------------------------------------------------------------
// 5. Every area's first load, with the stored data its page shows: the unanswered assessment above, a full
// assessment (every requirement rated, short notes, imported through the UI) and a mock exam in progress.
// For each area: bytes and requests of one load (as in section 1), then the median over LOADS fresh loads of
// the first `main h1` and of the area's content (what a person came for) in the DOM.
async function fullStorage() {
  const ids = requirementIds();
  const dir = mkdtempSync(join(tmpdir(), 'iso20k-full-'));
  const file = join(dir, 'full.json');
  writeFileSync(file, grownFile(stored.exported, ids, 60));
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await seed(context, stored.storage);
  const page = await context.newPage();
  await page.goto(base + '/assessments');
  await page.locator('#import-files').setInputFiles(file);
  await page.getByRole('button', { name: 'Import as a new assessment' }).click();
  await page.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('iso20000.assessment.')).length === n, 2);
  await page.goto(base + '/exam');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await page.locator('main fieldset input[type=radio]').first().waitFor();
  await page.locator('main fieldset input[type=radio]').first().check();
  await page.waitForFunction(() => localStorage.getItem('iso20000.exam') !== null);
  const storage = await page.evaluate(() => Object.entries(localStorage));
  await context.close();
  rmSync(dir, { recursive: true });
  const full = storage.map(([k]) => k).find((k) => k.startsWith('iso20000.assessment.') && !k.endsWith(stored.id));
  if (!full) throw new Error('the imported full assessment is not in storage');
  return { storage, id: full.slice('iso20000.assessment.'.length), answers: ids.length };
}

const full = await fullStorage();
const AREAS = [
  { name: '/', path: '/', content: 'main h1' },
  { name: '/about', path: '/about', content: 'main h1' },
  { name: '/assessments', path: '/assessments', content: 'main tbody tr', stored: true },
  { name: 'walkthrough', path: `/assessments/${full.id}`, content: 'main .requirement-panel fieldset.rating input[type=radio]', enabled: true, stored: true },
  { name: 'results', path: `/assessments/${full.id}/results`, content: 'main .stat .value', stored: true },
  { name: '/learn', path: '/learn', content: 'main a[href^="/learn/clause/"]' },
  { name: '/learn/clause', path: '/learn/clause/8.6.1', content: 'main article.requirement' },
  { name: '/exam', path: '/exam', content: 'main button', stored: true },
  { name: 'exam session', path: '/exam/session', content: 'main fieldset input[type=radio]', stored: true },
];

console.log(`\nEvery area, first visit (a fresh profile per load; stored data: a full assessment of ${full.answers} answers and`
  + ` an exam in progress, where marked *). Bytes and requests: one load, service workers blocked. Times: navigation start to`
  + ` main h1 / to the area's content in the DOM, median of ${LOADS} (min-max), service worker allowed as on a first visit.`);
console.log('area'.padEnd(16), 'requests'.padStart(8), 'gzip KB'.padStart(8), '  first h1'.padEnd(24), 'content'.padEnd(22), 'budget');
for (const area of AREAS) {
  const load = await firstLoad(area.path, area.stored ? (c) => seed(c, full.storage) : undefined);
  const times = await timesTo(area.path, area.content, { enabled: !!area.enabled, storage: area.stored ? full.storage : [] });
  const limit = area.path === '/' ? SHELL_BUDGET : ROUTE_BUDGET;
  const failed = load.requests.filter((r) => r.failed).length;
  const extra = (failed ? `  ${failed} FAILED` : '') + (load.foreign.length ? `  ${load.foreign.length} left the origin` : '');
  console.log((area.name + (area.stored ? ' *' : '')).padEnd(16), String(load.requests.length).padStart(8), kb(load.bytes).padStart(8),
    ' ', ms(times.h1).padEnd(22), ms(times.content).padEnd(22), `${kb(limit)}: ${budget(load.bytes, limit)}${extra}`);
}

// ---------------------------------------------------------------------------------------------------------
// 6. Lighthouse 12 (mobile preset, simulated throttling) on the main areas. Each run gets a fresh copy of a
// profile whose localStorage holds the stored data of section 5 (written from a page that loads no app code,
// so the HTTP cache starts empty), and Lighthouse keeps that storage (--disable-storage-reset).
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const template = mkdtempSync(join(tmpdir(), 'iso20k-lh-profile-'));
  const seeding = await chromium.launchPersistentContext(template, { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS, serviceWorkers: 'block' });
  const seedPage = await seeding.newPage();
  await seedPage.goto(base + '/result-format.schema.json');
  await seedPage.evaluate((entries) => { for (const [k, v] of entries) localStorage.setItem(k, v); }, full.storage);
  await seeding.close();
  const lighthouse = join(root, 'node_modules/.bin/lighthouse');
  console.log('\nLighthouse (mobile preset, simulated throttling; stored data in the profile)');
  const pages = AREAS.filter((a) => ['/', '/assessments', 'walkthrough', 'results', '/learn', '/learn/clause', '/exam'].includes(a.name));
  for (const [i, area] of pages.entries()) {
    const profile = mkdtempSync(join(tmpdir(), 'iso20k-lh-run-'));
    cpSync(template, profile, { recursive: true });
    const port = 9400 + i;
    const chrome = spawn('/usr/bin/chromium', ['--headless=new', ...FLAGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, 'about:blank'], { stdio: 'ignore' });
    try {
      for (let t = 0; t < 100; t++) {
        try { if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break; } catch { /* not up yet */ }
        await sleep(100);
      }
      const out = join(profile, 'lighthouse.json');
      execFileSync(lighthouse, [base + area.path, `--port=${port}`, '--disable-storage-reset', '--only-categories=performance,accessibility,best-practices',
        '--output=json', `--output-path=${out}`, '--quiet'], { stdio: 'inherit' });
      const r = JSON.parse(readFileSync(out, 'utf8'));
      const c = r.categories;
      const a = r.audits;
      const score = (k) => Math.round(c[k].score * 100);
      console.log(area.name.padEnd(14), 'performance', score('performance'), '| accessibility', score('accessibility'),
        '| best practices', score('best-practices'), '| FCP', a['first-contentful-paint'].displayValue,
        '| LCP', a['largest-contentful-paint'].displayValue, '| TBT', a['total-blocking-time'].displayValue,
        '| SI', a['speed-index'].displayValue, '| CLS', a['cumulative-layout-shift'].displayValue);
    } finally {
      chrome.kill();
      await sleep(300);
      rmSync(profile, { recursive: true, force: true });
    }
  }
  rmSync(template, { recursive: true, force: true });
}
await browser.close();
if (fingerprint() !== distAtStart) console.log(`\nWARNING: ${dist}/ changed during the run (a rebuild?): the figures may mix two builds.`);
