// Benchmark of the workshop view (工作坊汇总) in headless Chromium against
// the release build, at normal speed and with the CPU throttled. Not a
// test: it reports numbers, it asserts nothing.
//
//   node scripts/bench_workshop.mjs [--cpu 1,4] [--runs 5]
//
// - Paste: a chat of 50 scenario links (made with scripts/make_link.py,
//   each line with a speaker, a time and words around the link) pasted
//   into an empty round, in each way of combining: from the click on
//   识别并添加 (t0, taken in the page) to the end of the rendering step of
//   the frame that shows the 50 entries and the summary that counts them
//   (a MessageChannel message posted from that frame's animation-frame
//   callback, which checks for them). Each run in a fresh browser context,
//   the view open for a second before the paste.
// - Photo: a 4000 × 3000 JPEG (12 megapixels) with two of the page's QR
//   codes, turned and of different sizes, chosen in the images field: from
//   the field's change event to the frame that shows both entries. The
//   first time includes loading the decoder (its client module, worker
//   and wasm); then `--runs` more with it loaded.
// - First load: the files a cold load requests (scripts/lib/first_load.mjs).
//
// Build dist/ first (scripts/build.sh). Results go to
// bench-results/workshop.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveDist } from './lib/chromium.mjs';
import { firstLoadFiles, kb, total } from './lib/first_load.mjs';
import { picture, qrSvg } from './lib/qr_picture.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const CPUS = String(args.cpu ?? '1,4').split(',').map(Number);
const RUNS = Number(args.runs ?? 5);
const PORT = 4185;
const URL_ = `http://127.0.0.1:${PORT}/`;
const UNITS = ['hualong', 'puyang', 'qingfeng', 'nanle', 'fanxian', 'taiqian', 'jingkai', 'gongye', 'shifan'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** 50 distinct scenarios, each a table's: one unit's value added and funds changed. */
function links() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-workshop-'));
  const script = new URL('./make_link.py', import.meta.url).pathname;
  return Array.from({ length: 50 }, (_, i) => {
    const unit = UNITS[i % UNITS.length];
    const file = join(dir, `t${i}.json`);
    const indicators = {
      value_added: { growth: { [unit]: { 2025: 10 + i / 4, 2026: 12 + i / 2 } } },
      funds: { growth: { [unit]: { 2024: 30 + i } } },
    };
    writeFileSync(file, JSON.stringify({ format: 'doubling-sandbox-scenario', version: 3, name: `第${i + 1}桌`, lang: 'zh', indicators }));
    return execFileSync('python3', [script, file, '--base', URL_]).toString().trim();
  });
}

function chat(urls) {
  return urls.map((u, i) => `用户${i + 1} 10:${String(i).padStart(2, '0')}\n我们桌的方案如下：${u}，请查收。\n收到👌`).join('\n');
}

async function fresh(browser, cpu) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto(URL_);
  await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
  await page.click('[data-testid="workshop-toggle"]');
  await page.waitForSelector('[data-testid="workshop-paste"]');
  // As a person pastes: after the page and the view have settled.
  await page.waitForTimeout(1000);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { ctx, page };
}

/**
 * In the page: runs window.__go() and resolves with ms from then to the end
 * of the frame in which `done()` first holds, checked in each animation
 * frame (before its style, layout and paint; a MutationObserver would add
 * the cost of a record for each of the thousands of nodes the view makes).
 */
const WAIT = `(done) => new Promise((resolve) => {
  const channel = new MessageChannel();
  let t0 = 0;
  channel.port1.onmessage = () => resolve(performance.now() - t0);
  const check = () => (done() ? channel.port2.postMessage(0) : requestAnimationFrame(check));
  t0 = performance.now();
  window.__go();
  requestAnimationFrame(check);
})`;

async function pasteRun(browser, cpu, text, mode) {
  const { ctx, page } = await fresh(browser, cpu);
  if (mode === 'proposals') await page.selectOption('[data-testid="workshop-mode"]', 'proposals');
  await page.evaluate((t) => {
    document.querySelector('[data-testid="workshop-paste"]').value = t;
    window.__go = () => document.querySelector('[data-testid="workshop-add-paste"]').click();
  }, text);
  const ms = await page.evaluate(`(${WAIT})(() => document.querySelectorAll('[data-testid="workshop-entry"]').length === 50
    && (document.querySelector('[data-testid="workshop-summary"]')?.textContent.includes('50个方案') ?? false))`);
  await ctx.close();
  return ms;
}

async function photo(browser, urls) {
  const [a, b] = [await qrSvg(browser, urls[0]), await qrSvg(browser, urls[1])];
  return picture(browser, { width: 4000, height: 3000, type: 'image/jpeg', codes: [[a, 1100, 1500, 1300, 0.21], [b, 2950, 1450, 1000, -0.4]] });
}

async function photoRuns(browser, cpu, jpeg) {
  const { ctx, page } = await fresh(browser, cpu);
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.evaluate(() => {
      window.__t0 = null;
      document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
    });
    await page.setInputFiles('[data-testid="workshop-images"]', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const ms = await page.evaluate(() => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - window.__t0);
      const check = () => {
        if (document.querySelectorAll('[data-testid="workshop-entry"]').length === 2) {
          observer.disconnect();
          requestAnimationFrame(() => channel.port2.postMessage(0));
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true });
      check();
    }));
    times.push(ms);
    // Empty again, for the next run.
    await page.click('[data-testid="workshop-remove-1"]');
    await page.click('[data-testid="workshop-remove-0"]');
    await page.waitForSelector('[data-testid="workshop-empty"]');
  }
  await ctx.close();
  return { first: times[0], warm: times.slice(1) };
}

async function main() {
  mkdirSync('bench-results', { recursive: true });
  const server = await serveDist(PORT);
  const browser = await launchChromium();
  const result = { date: new Date().toISOString(), method: 'scripts/bench_workshop.mjs', runs: {} };
  try {
    const urls = links();
    const text = chat(urls);
    result.chatChars = text.length;
    const files = await firstLoadFiles(browser, URL_);
    result.firstLoad = { files, gzip: total(files, 'gzip') };
    const jpeg = await photo(browser, urls);
    result.photoBytes = jpeg.length;
    for (const cpu of CPUS) {
      const run = {};
      for (const mode of ['pledges', 'proposals']) {
        const times = [];
        for (let i = 0; i < RUNS; i++) times.push(await pasteRun(browser, cpu, text, mode));
        run[`paste_${mode}`] = { median: median(times), all: times.map((t) => Number(t.toFixed(1))) };
      }
      const p = await photoRuns(browser, cpu, jpeg);
      run.photo = { first: p.first, warmMedian: median(p.warm), warm: p.warm.map((t) => Number(t.toFixed(1))) };
      result.runs[`${cpu}x`] = run;
    }
  } finally {
    await browser.close();
    server.kill();
  }
  writeFileSync('bench-results/workshop.json', JSON.stringify(result, null, 2));
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`first load: gzip -9 ${kb(result.firstLoad.gzip)} in ${result.firstLoad.files.length} files`);
  console.log(`pasted chat: 50 links in ${result.chatChars} characters; photo: 4000×3000 JPEG, ${kb(result.photoBytes)}`);
  for (const [cpu, r] of Object.entries(result.runs)) {
    console.log(`\nCPU ${cpu}:`);
    for (const mode of ['pledges', 'proposals']) {
      const x = r[`paste_${mode}`];
      console.log(`  paste of 50 links -> workshop view shown (${mode}): median ${ms(x.median)} [${x.all.join(', ')}]`);
    }
    console.log(`  12 MP photo with two codes -> both entries shown: first (decoder loaded) ${ms(r.photo.first)}, then median ${ms(r.photo.warmMedian)} [${r.photo.warm.join(', ')}]`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
