// Offline and locked down: after one visit every route works with the network off (service worker), and
// the Content-Security-Policy forbids inline scripts without breaking anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, visit, assertClean, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ROUTES = ['/', '/assessments', '/learn', '/learn/clause/8.6.1', '/learn/glossary', '/exam', '/about'];

test('the page carries a strict Content-Security-Policy and a manifest', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  const manifest = await page.request.get(BASE + '/manifest.webmanifest');
  assert.equal(manifest.status(), 200);
  assert.equal((await manifest.json()).start_url, '/');
  for (const path of ROUTES) await visit(page, path);
  assertClean(assert, problems);
  await context.close();
});

test('after one visit, every route works offline', async () => {
  const { context, page, problems } = await openPage(browser);
  await visit(page, '/');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The exam's question bank is fetched on demand: load it once online too.
  await visit(page, '/exam');
  await page.getByRole('button', { name: 'Start the mock exam' }).waitFor();
  await context.setOffline(true);
  for (const path of ROUTES) {
    await page.goto(BASE + path);
    await page.locator('main h1').waitFor({ timeout: 10000 });
  }
  await page.goto(BASE + '/exam');
  await page.getByRole('button', { name: 'Start the mock exam' }).waitFor();
  await context.setOffline(false);
  problems.console = problems.console.filter((m) => !/ERR_INTERNET_DISCONNECTED/.test(m));
  assertClean(assert, problems);
  await context.close();
});
