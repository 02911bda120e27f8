// Benchmark of the release build in headless Chromium, at normal speed and
// with the CPU throttled (4× is what a mid-range phone does). Not a test:
// it reports numbers and asserts nothing.
//
//   node scripts/bench.mjs [--cpu 1,4] [--steps 200] [--warmup 5] [--gap 50]
//                          [--loads 10] [--frames 300] [--trace]
//
// - First load: the files a cold load requests, from the network log, each
//   raw, gzip -9 and brotli; the spreadsheet worker's files apart (loaded on
//   first use only).
// - Loads: after one warm-up, `--loads` cold loads in fresh browser
//   contexts: first verdicts, and first chart painted (the rule below).
// - Slider steps: trusted key presses (CDP Input.dispatchKeyEvent,
//   ArrowRight and ArrowLeft in turn) on a focused growth-funds-puyang-2024,
//   `--warmup` unmeasured, then `--steps` with `--gap` ms between them.
//   t0 is a capture-phase keydown on window; "verdict" is the verdict's
//   data-projected changing; "chart painted" is the arrival of a
//   MessageChannel message posted from inside the animation frame that made
//   the first canvas draw call after t0, i.e. after that frame's style,
//   layout and paint (scripts/lib/frame_probe.js).
// - Drag: one input event per animation frame; frame intervals, and how
//   many exceed 25 ms.
// - Uncertainty (unless --no-uncertainty): the switch clicked, to every
//   verdict's probability (the first time, with the on-demand panels'
//   load); the 10,000 draws of all four indicators and their run over the
//   scenario, timed inside the extras wasm (extras_time_draws, median of
//   5); then the slider steps again with it on: "probability" is the card's
//   chance ceasing to be aria-busy (the draws of the stepped scenario have
//   arrived), and the drag again.
// - --trace: a Chromium performance trace of 20 slider steps and of one
//   cold load at each CPU rate, summed by event name on the page's main
//   thread, written to bench-results/trace-*.json (raw) and printed; and
//   for the steps, the frame each one changes the chart in (keydown to the
//   end of the next commit), phase by phase, the median over the steps.
//
// Build dist/ first (scripts/build.sh). Results go to
// bench-results/latest.json.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromium, serveDist } from './lib/chromium.mjs';
import { firstLoadFiles, kb, total } from './lib/first_load.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (!a.startsWith('--')) return acc;
    const next = all[i + 1];
    return [...acc, [a.slice(2), next === undefined || next.startsWith('--') ? 'true' : next]];
  }, []),
);
const CPUS = String(args.cpu ?? '1,4').split(',').map(Number);
const STEPS = Number(args.steps ?? 200);
const WARMUP = Number(args.warmup ?? 5);
const GAP = Number(args.gap ?? 50);
const LOADS = Number(args.loads ?? 10);
const FRAMES = Number(args.frames ?? 300);
const TRACE = args.trace === 'true';
const PORT = 4180;
const URL_ = `http://127.0.0.1:${PORT}/`;
const PROBE = readFileSync(new URL('./lib/frame_probe.js', import.meta.url), 'utf8');

// Loaded on the first XLSX save or open, never with the page.
const WORKER_FILE = /^(sheet_client\.js|sheet_loader\.js|sheet-worker\.js|sheet-worker_bg\.wasm)$/;
// The on-demand panels (src/bin/extras), loaded on the first click that needs one.
const EXTRAS_FILE = /^(extras\.js|extras_bg\.wasm)$/;

function workerSizes(pattern = WORKER_FILE) {
  const out = { raw: 0, gzip: 0, brotli: 0, files: [] };
  for (const f of readdirSync('dist').filter((f) => pattern.test(f))) {
    const raw = readFileSync(join('dist', f));
    out.raw += raw.length;
    out.gzip += gzipSync(raw, { level: 9 }).length;
    out.brotli += brotliCompressSync(raw).length;
    out.files.push(f);
  }
  return out;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const summary = (xs) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });
const median = (xs) => pct(xs, 50);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function throttled(ctx, page, cpu) {
  const cdp = await ctx.newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

// A cold load is awaited by a console message from the page, not with
// page.waitForFunction: that injects Playwright's own script into the page
// while it loads and polls it every frame (57 ms of script at 4x in a
// trace), which a visitor's load does not have.
const LOADED = 'bench: first chart painted';
const SAY_LOADED = `(() => {
  const id = setInterval(() => {
    if (window.__probe && window.__probe.results.length > 0) {
      clearInterval(id);
      console.debug(${JSON.stringify(LOADED)});
    }
  }, 50);
})();`;

/** One cold load: first verdicts and first chart painted, ms from navigation start. */
async function coldLoad(browser, cpu) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await throttled(ctx, page, cpu);
  await page.addInitScript(PROBE);
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="verdict-value_added"][data-projected]')) {
        window.__firstVerdicts = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.addInitScript(SAY_LOADED);
  await Promise.all([
    page.waitForEvent('console', { predicate: (m) => m.text() === LOADED, timeout: 120000 }),
    page.goto(URL_),
  ]);
  const out = await page.evaluate(() => ({ verdicts: window.__firstVerdicts, chart: window.__probe.results[0].painted }));
  await ctx.close();
  return out;
}

/**
 * The first use of an on-demand panel in a fresh context (nothing cached):
 * ms from the trusted click on "pin as A" to the comparison in the DOM,
 * which includes fetching, compiling and starting the extras wasm.
 */
async function firstPanel(browser, cpu) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await throttled(ctx, page, cpu);
  await page.goto(URL_);
  await page.waitForSelector('[data-testid="verdict-value_added"][data-projected]');
  await page.evaluate(() => {
    window.addEventListener('click', () => { window.__clicked = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="compare"] table')) {
        window.__panel = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.getByTestId('compare-pin').click();
  await page.waitForFunction(() => window.__panel !== undefined);
  const ms = await page.evaluate(() => window.__panel - window.__clicked);
  await ctx.close();
  return ms;
}

/** Trusted key presses on the slider, each timed by the probe. */
async function sliderSteps(page, cdp, warmup, steps, chance = false) {
  await page.getByTestId('growth-funds-puyang-2024').focus();
  const times = { verdict: [], painted: [], drawn: [], chance: [] };
  for (let i = 0; i < warmup + steps; i++) {
    const key = i % 2 === 0 ? ['ArrowRight', 39] : ['ArrowLeft', 37];
    const before = await page.evaluate(() => window.__probe.results.length);
    if (chance) await page.evaluate(watchChance);
    for (const type of ['keyDown', 'keyUp']) {
      await cdp.send('Input.dispatchKeyEvent', { type, key: key[0], code: key[0], windowsVirtualKeyCode: key[1], nativeVirtualKeyCode: key[1] });
    }
    await page.waitForFunction((n) => window.__probe.results.length > n, before);
    const r = await page.evaluate(() => window.__probe.results.at(-1));
    const drawn = chance ? await page.evaluate(() => window.__chance) : null;
    if (i >= warmup) {
      if (drawn !== null) times.chance.push(drawn - r.t0);
      times.painted.push(r.painted - r.t0);
      if (r.verdict !== null) times.verdict.push(r.verdict - r.t0);
      if (r.lastDraw !== null) times.drawn.push(r.lastDraw - r.t0);
    }
    await sleep(GAP);
  }
  const out = { verdict: summary(times.verdict), painted: summary(times.painted), drawCallsEnd: summary(times.drawn) };
  if (chance) out.probability = summary(times.chance);
  return out;
}

/** In the page: a promise of the time the funds card's chance stops being busy, after it was. */
function watchChance() {
  window.__chance = new Promise((resolve) => {
    let seen = false;
    const card = () => document.querySelector('[data-testid="chance-funds"]');
    const observer = new MutationObserver(() => {
      if (card()?.hasAttribute('aria-busy')) seen = true;
      else if (seen) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document.querySelector('.verdicts'), { attributes: true, subtree: true, childList: true });
  });
}

/** Uncertainty switched on in `page`: its first results, the draws' own time, steps and a drag with it on. */
async function uncertainty(page, cdp) {
  const t = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('[data-testid="uncertainty-toggle"]').click();
    const all = () => [...document.querySelectorAll('[data-testid^="verdict-"][data-probability]')].length === 4
      && document.querySelector('.verdict-chance[aria-busy]') === null;
    while (!all()) await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
  const draws = [];
  for (let i = 0; i < 5; i++) {
    draws.push(await page.evaluate(async () => {
      const extras = await window.doublingExtras();
      const code = location.hash.replace(/^#s=/, '');
      return Array.from(extras.extras_time_draws(`${code}\n`));
    }));
  }
  return {
    firstSwitchOn: t,
    drawsMedian: median(draws.map((d) => d[0])),
    outlooksMedian: median(draws.map((d) => d[1])),
    steps: await sliderSteps(page, cdp, WARMUP, STEPS, true),
    drag: await drag(page, FRAMES),
  };
}

async function drag(page, frames) {
  const d = await page.evaluate(async (n) => {
    const slider = document.querySelector('[data-testid="growth-funds-puyang-2024"]');
    const stamps = [];
    await new Promise((resolve) => {
      let i = 0;
      const tick = (ts) => {
        stamps.push(ts);
        slider.value = String(-30 + ((i * 0.7) % 180));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        if (++i < n) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return stamps.slice(1).map((t, k) => t - stamps[k]);
  }, frames);
  return { frames, interval: summary(d), over25ms: d.filter((g) => g > 25).length };
}

// The phases a step or a load spends its time in, by trace event name.
// Main-thread events nest (a FunctionCall inside an EventDispatch), so
// only these top-level phases are summed; rasterisation runs on other
// threads and is listed apart.
// The browser's rendering steps of a frame, by trace event name.
const RENDERING = [
  ['style recalculation', 'UpdateLayoutTree'],
  ['layout', 'Layout'],
  ['pre-paint', 'PrePaint'],
  ['paint', 'Paint'],
  ['layerize', 'Layerize'],
  ['commit to the compositor', 'Commit'],
];
const PHASES = [
  ['input event dispatch (reducer, yew diff and DOM patches)', 'EventDispatch'],
  ['microtasks (yew renders scheduled from the handler)', 'RunMicrotasks'],
  ['animation frame callbacks (chart drawing)', 'FireAnimationFrame'],
  ...RENDERING,
  ['script compile and evaluation', 'EvaluateScript'],
  ['wasm compile', 'v8.wasm.compileLazy'],
  ['HTML parsing', 'ParseHTML'],
];

/** Sums a trace's phases on the renderer's main thread, and rasterisation. */
function traceSummary(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
  const sum = (pred) => events.filter((e) => e.ph === 'X' && e.dur && pred(e)).reduce((s, e) => s + e.dur / 1000, 0);
  const rows = PHASES.map(([label, name]) => ({ name: label, ms: Number(sum((e) => onMain(e) && e.name === name).toFixed(1)) }));
  rows.push({ name: 'rasterisation (all threads)', ms: Number(sum((e) => e.name === 'RasterTask').toFixed(1)) });
  return rows.filter((r) => r.ms > 0);
}

// The frame of one slider step: from its keydown to the end of the first
// commit after it (the frame that shows the changed chart). Each phase is
// summed over the events of that span, then the median over the steps.
const FRAME_PHASES = [
  ['keydown (reducer, yew render and DOM patches)', 'EventDispatch'],
  ['animation frame callbacks (main chart drawing)', 'FireAnimationFrame'],
  ...RENDERING,
];

/** Where each step's frame goes: the median over the traced steps, per phase. */
function stepFrames(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const on = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts);
  const keys = on.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const frames = keys.map((k) => {
    const commit = on.find((e) => e.name === 'Commit' && e.ts >= k.ts + k.dur);
    const end = commit ? commit.ts + commit.dur : k.ts + k.dur;
    const phases = FRAME_PHASES.map(([, name]) =>
      name === 'EventDispatch' ? k.dur / 1000 : on.filter((e) => e.name === name && e.ts >= k.ts + k.dur && e.ts + e.dur <= end).reduce((t, e) => t + e.dur / 1000, 0),
    );
    return { span: (end - k.ts) / 1000, phases };
  });
  if (frames.length === 0) return [];
  const rows = FRAME_PHASES.map(([label], i) => ({ name: label, ms: Number(median(frames.map((f) => f.phases[i])).toFixed(1)) }));
  rows.push({ name: `keydown to the end of that commit (${frames.length} steps)`, ms: Number(median(frames.map((f) => f.span)).toFixed(1)) });
  return rows;
}

async function traced(cdp, run) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,cc,gpu,toplevel,__metadata',
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

async function main() {
  mkdirSync('bench-results', { recursive: true });
  const server = await serveDist(PORT);
  const browser = await launchChromium();
  const result = { date: new Date().toISOString(), method: 'scripts/bench.mjs', runs: {} };
  try {
    const files = await firstLoadFiles(browser, URL_);
    result.firstLoad = { files, raw: total(files, 'raw'), gzip: total(files, 'gzip'), brotli: total(files, 'brotli') };
    result.worker = workerSizes();
    result.extras = workerSizes(EXTRAS_FILE);
    for (const cpu of CPUS) {
      const run = {};
      await coldLoad(browser, cpu); // warm-up
      const loads = [];
      for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, cpu));
      run.loads = {
        n: loads.length,
        firstVerdictsMedian: median(loads.map((l) => l.verdicts)),
        firstChartMedian: median(loads.map((l) => l.chart)),
        firstVerdicts: loads.map((l) => Number(l.verdicts.toFixed(1))),
        firstChart: loads.map((l) => Number(l.chart.toFixed(1))),
      };
      const panels = [];
      for (let i = 0; i < Math.min(LOADS, 5); i++) panels.push(await firstPanel(browser, cpu));
      run.firstPanel = { n: panels.length, median: median(panels), all: panels.map((m) => Number(m.toFixed(1))) };
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await ctx.newPage();
      const cdp = await throttled(ctx, page, cpu);
      await page.addInitScript(PROBE);
      await page.goto(URL_);
      await page.waitForFunction(() => document.querySelector('canvas[data-draw-ms]') !== null);
      await page.evaluate(() => { window.__probe.t0 = null; });
      run.steps = await sliderSteps(page, cdp, WARMUP, STEPS);
      run.drag = await drag(page, FRAMES);
      if (args['no-uncertainty'] !== 'true') run.uncertainty = await uncertainty(page, cdp);
      if (TRACE) {
        const steps = await traced(cdp, () => sliderSteps(page, cdp, 0, 20));
        writeFileSync(`bench-results/trace-steps-${cpu}x.json`, JSON.stringify(steps));
        run.traceSteps = traceSummary(steps);
        run.traceStepFrame = stepFrames(steps);
      }
      result.userAgent = await page.evaluate(() => navigator.userAgent);
      await ctx.close();
      if (TRACE) {
        const lctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const lpage = await lctx.newPage();
        const lcdp = await throttled(lctx, lpage, cpu);
        await lpage.addInitScript(PROBE);
        await lpage.addInitScript(SAY_LOADED);
        const load = await traced(lcdp, async () => {
          await Promise.all([
            lpage.waitForEvent('console', { predicate: (m) => m.text() === LOADED, timeout: 120000 }),
            lpage.goto(URL_),
          ]);
        });
        writeFileSync(`bench-results/trace-load-${cpu}x.json`, JSON.stringify(load));
        run.traceLoad = traceSummary(load);
        await lctx.close();
      }
      result.runs[`${cpu}x`] = run;
    }
  } finally {
    await browser.close();
    server.kill();
  }
  writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2));

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log('first load (files a cold load requests, from the network log):');
  for (const f of result.firstLoad.files) console.log(`  ${f.file}: raw ${kb(f.raw)}, gzip -9 ${kb(f.gzip)}, brotli ${kb(f.brotli)}`);
  console.log(`  total: raw ${kb(result.firstLoad.raw)}, gzip -9 ${kb(result.firstLoad.gzip)}, brotli ${kb(result.firstLoad.brotli)}`);
  const w = result.worker;
  console.log(`spreadsheet worker, on first use: gzip -9 ${kb(w.gzip)} (raw ${kb(w.raw)}, brotli ${kb(w.brotli)}) in ${w.files.join(', ')}`);
  const x = result.extras;
  console.log(`on-demand panels, on first use: gzip -9 ${kb(x.gzip)} (raw ${kb(x.raw)}, brotli ${kb(x.brotli)}) in ${x.files.join(', ')}`);
  for (const [cpu, r] of Object.entries(result.runs)) {
    console.log(`\nCPU ${cpu}:`);
    console.log(`  cold loads (${r.loads.n}): first verdicts median ${ms(r.loads.firstVerdictsMedian)}, first chart painted median ${ms(r.loads.firstChartMedian)}`);
    console.log(`  first on-demand panel (${r.firstPanel.n} fresh contexts): click -> comparison in the DOM, median ${ms(r.firstPanel.median)}`);
    console.log(`  slider step -> verdict in DOM: p50 ${ms(r.steps.verdict.p50)}, p95 ${ms(r.steps.verdict.p95)}`);
    console.log(`  slider step -> last chart draw call: p50 ${ms(r.steps.drawCallsEnd.p50)}, p95 ${ms(r.steps.drawCallsEnd.p95)}`);
    console.log(`  slider step -> changed chart painted: p50 ${ms(r.steps.painted.p50)}, p95 ${ms(r.steps.painted.p95)}, max ${ms(r.steps.painted.max)} (${r.steps.painted.n} steps)`);
    console.log(`  drag (${r.drag.frames} frames, one input each): interval p50 ${ms(r.drag.interval.p50)}, p95 ${ms(r.drag.interval.p95)}, frames over 25 ms: ${r.drag.over25ms}`);
    const u = r.uncertainty;
    if (u) {
      console.log(`  uncertainty on: switch -> four probabilities (with the panels' first load) ${ms(u.firstSwitchOn)}`);
      console.log(`  uncertainty: 10,000 draws of all four indicators ${ms(u.drawsMedian)}, run over the scenario ${ms(u.outlooksMedian)} (median of 5, inside the extras wasm)`);
      console.log(`  uncertainty on: slider step -> verdict p50 ${ms(u.steps.verdict.p50)}, p95 ${ms(u.steps.verdict.p95)}; -> probability p50 ${ms(u.steps.probability.p50)}, p95 ${ms(u.steps.probability.p95)}; -> chart painted p50 ${ms(u.steps.painted.p50)}, p95 ${ms(u.steps.painted.p95)}`);
      console.log(`  uncertainty on: drag interval p50 ${ms(u.drag.interval.p50)}, p95 ${ms(u.drag.interval.p95)}, frames over 25 ms: ${u.drag.over25ms}`);
    }
    const traces = [
      ['20 slider steps', r.traceSteps],
      ["a slider step's frame, median", r.traceStepFrame],
      ['one cold load', r.traceLoad],
    ];
    for (const [what, rows] of traces) {
      if (!rows) continue;
      console.log(`  trace of ${what}, by phase:`);
      for (const row of rows) console.log(`    ${row.name}: ${row.ms} ms`);
    }
  }
  console.log(`\n${result.userAgent}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
