// Benchmark of the release build: transfer size (the first load, and apart
// from it the spreadsheet worker's files), time to first verdicts,
// slider-input-to-verdict latency, and frame times during a drag, in
// headless chromium. Not a test: it reports numbers, it asserts nothing.
//
//   node scripts/bench.mjs [--steps 400] [--frames 300] [--runs 5] [--cpu 1]
//
// Build dist/ first (scripts/build.sh). Results are printed and written to
// bench-results/latest.json.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromium, serveDist } from './lib/chromium.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const STEPS = Number(args.steps ?? 400);
const FRAMES = Number(args.frames ?? 300);
const RUNS = Number(args.runs ?? 5);
const CPU = Number(args.cpu ?? 1);
const PORT = 4180;

// The spreadsheet worker's files: loaded on the first XLSX save or open,
// never with the page, so they are counted apart from the first load.
const WORKER_FILE = /^(sheet_client\.js|sheet_loader\.js|sheet-worker\.js|sheet-worker_bg\.wasm)$/;

function sizes() {
  const out = {};
  const worker = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const f of readdirSync('dist')) {
    const ext = f.split('.').pop();
    if (!['wasm', 'js', 'css', 'html'].includes(ext)) continue;
    const raw = readFileSync(join('dist', f));
    const g = gzipSync(raw, { level: 9 }).length;
    const b = brotliCompressSync(raw).length;
    const bucket = WORKER_FILE.test(f) ? worker : (out[ext] = out[ext] ?? { raw: 0, gzip: 0, brotli: 0, files: [] });
    bucket.raw += raw.length;
    bucket.gzip += g;
    bucket.brotli += b;
    bucket.files.push(f);
  }
  const total = Object.values(out).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { byType: out, total, worker };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });

async function main() {
  const server = await serveDist(PORT);
  const browser = await launchChromium();
  const result = { date: new Date().toISOString(), cpuThrottle: CPU, sizes: sizes(), firstVerdictsMs: [], input: null, inputToFrame: null, drag: null };
  try {
    // Time to first verdicts, fresh context each run (cold cache).
    for (let r = 0; r < RUNS; r++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await ctx.newPage();
      if (CPU > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU });
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (document.querySelector('[data-testid="verdict-value_added"][data-projected]')) {
            window.__firstVerdicts = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForFunction(() => window.__firstVerdicts !== undefined);
      result.firstVerdictsMs.push(await page.evaluate(() => window.__firstVerdicts));
      await ctx.close();
    }

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    if (CPU > 1) await (await ctx.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');

    // Input event -> verdict attribute updated in the DOM, and -> next frame.
    const lat = await page.evaluate(async (steps) => {
      const slider = document.querySelector('[data-testid="growth-funds-jingkai-2024"]');
      const verdict = document.querySelector('[data-testid="verdict-funds"]');
      const dom = [];
      const frame = [];
      const charts = [];
      const canvases = [...document.querySelectorAll('canvas[data-testid]')];
      for (let i = 0; i < steps; i++) {
        // Each step a new value on the 0.1 grid (10.0 .. 149.9), so each one changes the total.
        const value = (10 + (i % 1400) * 0.1).toFixed(1);
        const updated = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            obs.disconnect();
            resolve(performance.now());
          });
          obs.observe(verdict, { attributes: true, attributeFilter: ['data-projected'] });
        });
        await new Promise((r) => requestAnimationFrame(r));
        for (const c of canvases) c.removeAttribute('data-draw-ms');
        const t0 = performance.now();
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = await updated;
        await new Promise((r) => requestAnimationFrame(r));
        const t2 = performance.now();
        dom.push(t1 - t0);
        frame.push(t2 - t0);
        // Canvases redrawn by this step carry their drawing time again.
        charts.push(canvases.reduce((sum, c) => sum + Number(c.getAttribute('data-draw-ms') ?? 0), 0));
      }
      return { dom, frame, charts };
    }, STEPS);
    result.input = summary(lat.dom);
    result.inputToFrame = summary(lat.frame);
    result.chartsDrawMs = summary(lat.charts);

    // A drag: one input per animation frame, frame intervals recorded.
    const drag = await page.evaluate(async (frames) => {
      const slider = document.querySelector('[data-testid="growth-funds-puyang-2024"]');
      const stamps = [];
      const work = [];
      await new Promise((resolve) => {
        let i = 0;
        const tick = (ts) => {
          stamps.push(ts);
          const t0 = performance.now();
          slider.value = String(-30 + ((i * 0.7) % 180));
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          work.push(performance.now() - t0);
          if (++i < frames) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      const gaps = stamps.slice(1).map((t, k) => t - stamps[k]);
      return { gaps, work };
    }, FRAMES);
    result.drag = {
      frames: FRAMES,
      interval: summary(drag.gaps),
      over25ms: drag.gaps.filter((g) => g > 25).length,
      handlerMs: summary(drag.work),
    };
    result.userAgent = await page.evaluate(() => navigator.userAgent);
    await ctx.close();
  } finally {
    await browser.close();
    server.kill();
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2));
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const s = result.sizes;
  console.log(`first load (gzip -9): wasm ${kb(s.byType.wasm.gzip)}, js ${kb(s.byType.js.gzip)}, css ${kb(s.byType.css.gzip)}, html ${kb(s.byType.html.gzip)}; total ${kb(s.total.gzip)} (raw ${kb(s.total.raw)}, brotli ${kb(s.total.brotli)})`);
  console.log(`spreadsheet worker, on first use (gzip -9): ${kb(s.worker.gzip)} (raw ${kb(s.worker.raw)}, brotli ${kb(s.worker.brotli)}) in ${s.worker.files.join(', ')}`);
  console.log(`first verdicts after navigation (ms, ${RUNS} cold runs): ${result.firstVerdictsMs.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`input -> verdict in DOM (ms, ${STEPS} steps): p50 ${result.input.p50.toFixed(2)}, p95 ${result.input.p95.toFixed(2)}, max ${result.input.max.toFixed(2)}`);
  console.log(`input -> next frame (ms): p50 ${result.inputToFrame.p50.toFixed(2)}, p95 ${result.inputToFrame.p95.toFixed(2)}`);
  console.log(`drawing all redrawn charts per step (ms): p50 ${result.chartsDrawMs.p50.toFixed(2)}, p95 ${result.chartsDrawMs.p95.toFixed(2)}, max ${result.chartsDrawMs.max.toFixed(2)}`);
  console.log(`drag, one input per frame (${FRAMES} frames): interval p50 ${result.drag.interval.p50.toFixed(2)} ms, p95 ${result.drag.interval.p95.toFixed(2)} ms, frames > 25 ms: ${result.drag.over25ms}; handler p95 ${result.drag.handlerMs.p95.toFixed(2)} ms`);
  console.log(`cpu throttle ${CPU}x; ${result.userAgent}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
