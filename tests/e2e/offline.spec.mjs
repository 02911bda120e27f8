// Offline after one visit, the update banner and installability. Each test
// serves its own copy of dist/ from a sub-path on its own port, so it can
// stop the server or put a rebuilt site in its place; the other specs run
// with service workers blocked (playwright.config.mjs).
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { INDICATORS, openPage, projected, recordPrints } from './helpers.mjs';

test.use({ serviceWorkers: 'allow' });

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../../target/e2e-offline');
let port = 4190;

/** A copy of dist/ at ROOT/N/app/, served on a fresh port; stop() ends the server. */
async function site() {
  port += 1;
  const root = path.join(ROOT, String(port));
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(root, { recursive: true });
  await fs.cp(here('../../dist'), path.join(root, 'app'), { recursive: true });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/app/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.kill();
    await new Promise((r) => server.once('exit', r));
  };
  return { url, dir: path.join(root, 'app'), stop };
}

/** Waits until this build's service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

test('after one visit the page opens scenario links, the tools and printing with the server stopped', async ({ page, context }) => {
  const s = await site();
  try {
    await openPage(page, s.url);
    await controlled(page);
    // A scenario of its own, made by keyboard: 濮阳县's 2024 growth of attracted funds up.
    await page.getByTestId('growth-funds-puyang-2024').focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#s=/);
    await page.waitForTimeout(600);
    const link = page.url();
    const expected = {};
    for (const key of INDICATORS) expected[key] = await projected(page, key);
    await s.stop();

    // The server is gone: a reload and the link in a new tab open from the cache.
    await page.reload();
    await openPage(page, s.url);
    const other = await context.newPage();
    const log = await openPage(other, link);
    for (const key of INDICATORS) expect(await projected(other, key)).toBe(expected[key]);

    // The tools loaded on demand work without a network: the spreadsheet
    // worker (an xlsx export), the extras (compare), the print briefing.
    const [download] = await Promise.all([other.waitForEvent('download'), other.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await fs.stat(await download.path())).size).toBeGreaterThan(1000);
    await other.getByTestId('compare-pin').click();
    await expect(other.getByTestId('compare')).toContainText('A 与 B 的输入相同');
    const prints = await recordPrints(other);
    await other.keyboard.press('Control+p');
    await expect.poll(async () => (await prints()).length).toBe(1);
    expect((await prints())[0]).toContain('475');
    expect(log.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  } finally {
    await s.stop();
  }
});

test('a rebuilt site shows the update banner; reloading takes the new build and keeps the scenario', async ({ page }) => {
  const s = await site();
  try {
    await openPage(page, s.url);
    await controlled(page);
    await page.getByTestId('growth-funds-puyang-2024').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(600);
    const link = page.url();
    const funds = await projected(page, 'funds');
    await expect(page.getByTestId('update-banner')).toHaveCount(0);

    // The next deploy: a changed index.html and the post-build step of
    // scripts/build.sh, which gives sw.js a new file list and cache name.
    const index = path.join(s.dir, 'index.html');
    const html = await fs.readFile(index, 'utf8');
    await fs.writeFile(index, html.replace('<title>', '<meta name="deploy" content="2"><title>'));
    execFileSync('node', [here('../../scripts/service_worker.mjs'), s.dir]);

    await page.reload();
    await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('update-banner')).toContainText('新版本可用');
    expect(await page.locator('meta[name="deploy"]').count()).toBe(0);
    await page.getByTestId('update-reload').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('meta[name="deploy"]')).toHaveAttribute('content', '2', { timeout: 20_000 });
    await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-projected', /^\d+\.\d+$/);
    expect(page.url()).toBe(link);
    expect(await projected(page, 'funds')).toBe(funds);
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toHaveLength(1);
  } finally {
    await s.stop();
  }
});

test('Chromium finds the page installable', async ({ page }) => {
  const s = await site();
  try {
    await openPage(page, s.url);
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Every automation context is reported as incognito-like; nothing else may be.
    const ids = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
    expect(ids, JSON.stringify(installabilityErrors)).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data).name).toBe('倍增沙盘');
  } finally {
    await s.stop();
  }
});
