// The files a cold load of the page actually requests, from the browser's
// network log (not from a list of file names), each with its raw, gzip -9
// and brotli size. Shared by the benchmark and the CI size budget.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/**
 * Opens `url` in a fresh context of `browser`, waits until the four
 * verdicts are there and the first chart has painted, then returns the
 * requests it made: [{ file, status, raw, gzip, brotli }], sorted by name.
 */
export async function firstLoadFiles(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const bodies = [];
  page.on('response', (response) => bodies.push(
    response.body().then((body) => ({ url: response.url(), status: response.status(), body }), () => null),
  ));
  await page.goto(url);
  await page.waitForSelector('[data-testid="verdict-value_added"][data-projected]');
  await page.waitForFunction(() => document.querySelector('canvas[data-draw-ms]') !== null);
  // Let anything the page starts after its first chart arrive too.
  await page.waitForLoadState('networkidle');
  const done = (await Promise.all(bodies)).filter(Boolean);
  await ctx.close();
  return done
    .filter((r) => !r.url.startsWith('data:'))
    .map((r) => ({
      file: decodeURIComponent(new URL(r.url).pathname.split('/').pop() || 'index.html'),
      status: r.status,
      raw: r.body.length,
      gzip: gzipSync(r.body, { level: 9 }).length,
      brotli: brotliCompressSync(r.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function total(files, key) {
  return files.reduce((sum, f) => sum + f[key], 0);
}
