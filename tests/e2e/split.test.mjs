// The wasm is split (scripts/build_wasm.sh, src/ui/lazy_routes.rs): the home page loads only the shell, each
// area fetches its own chunks when it first opens, and a chunk that cannot be fetched never stops the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, createAssessment, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const wasmFiles = (requests) => requests.filter((u) => u.endsWith('.wasm')).map((u) => u.split('/').pop());

test('the home page loads the shell only; an area loads its chunks when it opens', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await visit(page, '/');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(wasmFiles(requests), ['iso20000_readiness_bg.wasm'], 'only the shell wasm on the home page');

  requests.length = 0;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await page.getByRole('heading', { level: 1, name: /Learn ISO\/IEC 20000-1/ }).waitFor();
  const learn = wasmFiles(requests);
  assert.ok(learn.includes('split_learn.wasm'), `the learn chunk is fetched: ${learn}`);
  assert.ok(!learn.some((f) => /split_(assessments|exam|results|walkthrough)/.test(f)), `no other area: ${learn}`);

  // The next page of the same area needs no new chunk.
  requests.length = 0;
  await page.getByRole('link', { name: /glossary/i }).first().click();
  await page.waitForURL(/\/learn\/glossary/);
  await page.locator('main h1').waitFor();
  assert.deepEqual(wasmFiles(requests), [], 'the glossary comes with the learn chunk');
  assertClean(assert, problems);
  await context.close();
});

test('a chunk that cannot be fetched shows a message, and the app recovers when the network does', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  await visit(page, '/');
  await page.route('**/split_exam.wasm', (route) => route.abort('internetdisconnected'));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Exam' }).click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());

  // The rest of the app still works, and the failed chunk is fetched again on the next try.
  await nav.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { level: 1, name: /Get ready for ISO\/IEC 20000-1/ }).waitFor();
  await page.unroute('**/split_exam.wasm');
  await nav.getByRole('link', { name: 'Exam' }).click();
  await page.getByRole('heading', { level: 1, name: /Foundation exam practice/ }).waitFor();

  // The failed fetch is reported in the console by the browser and the chunk loader; nothing else is.
  const expected = (m) => /ERR_INTERNET_DISCONNECTED/.test(m) || /^TypeError: Failed to fetch[\s\S]*__wasm_split\.js/.test(m);
  assert.equal(problems.console.filter(expected).length, 2, 'the browser and the chunk loader report the failure');
  problems.console = problems.console.filter((m) => !expected(m));
  assertClean(assert, problems);
  await context.close();
});

test('a deep link fetches its chunks in one pack, and falls back to the chunks themselves (scripts/postbuild.py)', async () => {
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  await createAssessment(page, 'Pack check');
  const walkthrough = new URL(page.url()).pathname;
  for (const path of [walkthrough, walkthrough + '/results', '/assessments', '/learn/clause/8.6.1', '/exam/review']) {
    const tab = await context.newPage();
    const requests = [];
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(BASE + path);
    await tab.locator('main h1').first().waitFor();
    await tab.waitForLoadState('networkidle');
    const fetched = wasmFiles(requests).filter((f) => f !== 'iso20000_readiness_bg.wasm');
    assert.equal(fetched.length, 1, `${path}: one request for its chunks, got ${fetched}`);
    assert.match(fetched[0], /^pack-[0-9a-f]{16}\.wasm$/, path);
    await tab.close();
  }
  // A pack that cannot be fetched: the page loads its chunks one by one instead.
  const tab = await context.newPage();
  const requests = [];
  tab.on('request', (r) => requests.push(r.url()));
  await tab.route('**/pack-*.wasm', (route) => route.abort('failed'));
  await tab.goto(BASE + '/learn/clause/8.6.1');
  await tab.locator('main article.requirement').first().waitFor();
  const fetched = wasmFiles(requests);
  assert.ok(fetched.includes('split_learn.wasm'), `the learn chunk is fetched on its own: ${fetched}`);
  await tab.close();
  problems.console = problems.console.filter((m) => !/ERR_FAILED/.test(m));
  assertClean(assert, problems);
  await context.close();
});
