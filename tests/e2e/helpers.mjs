// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, a page that
// records console errors, page errors and any request leaving the app's origin.
import { chromium } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL || 'http://127.0.0.1:8099';
export const ORIGIN = new URL(BASE).origin;

// Flags that keep Chromium off the network here (see DEVELOPERS.md).
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
}

/** A fresh context and page that record what would make a test fail. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], foreign: [], csp: [] };
  // Content-Security-Policy violations are reported to the page; collect them.
  await context.exposeBinding('__reportCsp', (_source, text) => problems.csp.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(ORIGIN) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreign.push(url);
  });
  return { context, page, problems };
}

/** Navigates and waits for the app to render its h1. */
export async function visit(page, path) {
  await page.goto(BASE + path);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 20000 });
}

export function assertClean(assert, problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.foreign, [], 'requests that left the origin');
  assert.deepEqual(problems.csp, [], 'Content-Security-Policy violations');
}

/** Creates an assessment through the form and waits for its walkthrough. */
export async function createAssessment(page, name, organisation = 'Example IT Services') {
  await visit(page, '/assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name (required)').fill(name);
  await page.getByLabel('Organisation').fill(organisation);
  await page.getByRole('button', { name: 'Create and start' }).click();
  await page.waitForURL(/\/assessments\/a[0-9a-f]+/);
  await page.locator('.requirement-panel h2').waitFor();
}
