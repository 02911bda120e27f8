// Benchmark of XLSX save and open through the spreadsheet worker, in
// headless chromium against the release build. Not a test: it reports
// numbers, it asserts nothing.
//
//   node scripts/bench_xlsx.mjs [--runs 5]
//
// For each run, in a fresh browser context (empty cache, no worker yet):
// the time from clicking 导出结果 XLSX to the page offering the download,
// first with the worker cold (its files fetched, compiled and started),
// then warm (the same worker again); then the same for opening
// tests/fixtures/bases.xlsx, from choosing the file to the preview shown.
// Times are taken inside the page (performance.now()), so Playwright's own
// round trips are not counted. Build dist/ first (scripts/build.sh).
// Results are printed and written to bench-results/xlsx.json.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromium, serveDist } from './lib/chromium.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const RUNS = Number(args.runs ?? 5);
const PORT = 4181;
const WORKER = /^(sheet_client\.js|sheet_loader\.js|sheet-worker\.js|sheet-worker_bg\.wasm)$/;

function workerSizes() {
  const out = {};
  for (const f of readdirSync('dist').filter((f) => WORKER.test(f))) {
    const raw = readFileSync(join('dist', f));
    out[f] = { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  }
  return out;
}

/** Milliseconds from clicking export-xlsx to the download link being clicked by the page. */
async function timeExport(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        window.__downloaded = (t) => resolve(t - t0);
        setTimeout(() => reject(new Error('no download after 30 s')), 30_000);
        document.querySelector('[data-testid="export-xlsx"]').click();
      }),
  );
}

/** Milliseconds from choosing the .xlsx file to its preview in the page. */
async function timeOpen(page, bytes) {
  const start = page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.querySelector('[data-testid="import-csv"]');
        input.addEventListener('change', () => (window.__chosen = performance.now()), { once: true, capture: true });
        new MutationObserver((_, obs) => {
          const note = document.querySelector('[data-testid="import-file-note"]');
          if (note && /bases\.xlsx/.test(note.textContent) && document.querySelector('[data-testid="import-preview"]')) {
            obs.disconnect();
            resolve(performance.now());
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
  );
  await page.getByTestId('import-csv').setInputFiles({ name: 'bases.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
  const shown = await start;
  const chosen = await page.evaluate(() => window.__chosen);
  return shown - chosen;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1], all: xs };
};

async function main() {
  const server = await serveDist(PORT);
  const browser = await launchChromium();
  const fixture = readFileSync('tests/fixtures/bases.xlsx');
  const result = { date: new Date().toISOString(), runs: RUNS, workerSizes: workerSizes() };
  const times = { exportCold: [], exportWarm: [], openAfterExport: [], openCold: [], openWarm: [] };
  try {
    for (let r = 0; r < RUNS; r++) {
      // Export: cold, then warm, then opening a file with the warm worker.
      let ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
      let page = await ctx.newPage();
      await page.addInitScript(() => {
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          if (this.download && window.__downloaded) window.__downloaded(performance.now());
          return click.call(this);
        };
      });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
      times.exportCold.push(await timeExport(page));
      await page.waitForSelector('[data-testid="export-xlsx"]:not([disabled])');
      times.exportWarm.push(await timeExport(page));
      await page.locator('[data-testid="bases-funds"] summary').click();
      times.openAfterExport.push(await timeOpen(page, fixture));
      await ctx.close();

      // Open: cold (the worker's first use is a file), then warm.
      ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      page = await ctx.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
      await page.locator('[data-testid="bases-funds"] summary').click();
      times.openCold.push(await timeOpen(page, fixture));
      await page.getByTestId('import-paste').fill('');
      times.openWarm.push(await timeOpen(page, fixture));
      await ctx.close();
    }
    result.userAgent = browser.version();
  } finally {
    await browser.close();
    server.kill();
  }
  for (const [k, v] of Object.entries(times)) result[k] = stats(v);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/xlsx.json', JSON.stringify(result, null, 2));
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const ms = (s) => `median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, ${s.n} runs)`;
  for (const [f, s] of Object.entries(result.workerSizes)) console.log(`${f}: raw ${kb(s.raw)}, gzip -9 ${kb(s.gzip)}`);
  console.log(`export-xlsx click -> download, cold worker: ${ms(result.exportCold)}`);
  console.log(`export-xlsx click -> download, warm worker: ${ms(result.exportWarm)}`);
  console.log(`open bases.xlsx -> preview, cold worker: ${ms(result.openCold)}`);
  console.log(`open bases.xlsx -> preview, warm worker: ${ms(result.openWarm)} (after an export: ${ms(result.openAfterExport)})`);
  console.log(`chromium ${result.userAgent}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
