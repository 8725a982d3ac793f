// Benchmark (not a test): first-load transfer of the release build, raw and gzip per asset, and the
// first-render time in headless Chromium (median of N loads, navigation start to the app's h1 in the DOM).
// Usage: node scripts/bench.mjs [dist] [base-url]   (scripts/bench.sh builds, serves and runs it)
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dist = process.argv[2] || 'dist';
const base = process.argv[3] || 'http://127.0.0.1:8098';
const LOADS = Number(process.env.BENCH_LOADS || 10);

const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

// What the first load fetches: index.html and the assets it links (the wasm via the JS loader).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css|svg)$/.test(f) && (html.includes(f) || f.endsWith('.wasm')));
const rows = [['index.html', readFileSync(join(dist, 'index.html'))], ...files.map((f) => [f, readFileSync(join(dist, f))])];
let raw = 0, zipped = 0;
console.log('First-load transfer of the release build');
console.log('asset'.padEnd(52), 'raw KB'.padStart(9), 'gzip KB'.padStart(9));
for (const [name, buf] of rows) {
  const g = gz(buf);
  raw += buf.length; zipped += g;
  console.log(name.padEnd(52), kb(buf.length).padStart(9), kb(g).padStart(9));
}
console.log('TOTAL'.padEnd(52), kb(raw).padStart(9), kb(zipped).padStart(9));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
async function timeTo(path, selector) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript((sel) => {
      new MutationObserver((_, obs) => {
        if (document.querySelector(sel)) { window.__firstRender = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    }, selector);
    await page.goto(base + path);
    await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30000 });
    times.push(await page.evaluate(() => window.__firstRender));
    await context.close();
  }
  return times;
}
const home = await timeTo('/', 'main h1');
console.log(`\nFirst render, / (navigation start to main h1), median of ${LOADS}: ${median(home).toFixed(0)} ms  [${home.map((t) => t.toFixed(0)).join(', ')}]`);
const learn = await timeTo('/learn/clause/8.6.1', 'main article.requirement');
console.log(`Deep link /learn/clause/8.6.1 to its first requirement, median of ${LOADS}: ${median(learn).toFixed(0)} ms`);
await browser.close();
