// XLSX open and save through the spreadsheet worker: nothing of it loads
// with the page; the first export or open starts it, later ones reuse it;
// every failure is a message, and the page keeps working.
import { promises as fs } from 'node:fs';
import { test, expect } from '@playwright/test';
import { openPage, projected, unzip } from './helpers.mjs';

const WORKER_FILE = /\/(sheet_client\.js|sheet_loader\.js|sheet-worker\.js|sheet-worker_bg\.wasm)(\?|$)/;
const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** Every request of the browser context (the page's and its workers'). */
function recordRequests(context) {
  const urls = [];
  context.on('request', (req) => urls.push(req.url()));
  return urls;
}

const workerRequests = (urls) => urls.filter((u) => WORKER_FILE.test(new URL(u).pathname + new URL(u).search));

async function exportXlsx(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  return download;
}

test('the first load fetches nothing of the spreadsheet worker, and does not preload it', async ({ page, context }) => {
  const urls = recordRequests(context);
  const log = await openPage(page);
  await page.waitForLoadState('networkidle');
  expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(workerRequests(urls)).toEqual([]);
  const html = await (await page.request.get('index.html')).text();
  expect(html).not.toMatch(/sheet[-_]/);
  expect(log.errors).toEqual([]);
});

test('export-xlsx downloads a real workbook; the worker loads once for two exports', async ({ page, context }) => {
  const urls = recordRequests(context);
  const log = await openPage(page);
  await page.getByTestId('scenario-name').fill('会商/方案');
  const download = await exportXlsx(page);
  expect(download.suggestedFilename()).toBe('倍增沙盘_结果_会商_方案.xlsx');
  const files = unzip(await fs.readFile(await download.path()));
  const sheet = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  const strings = files.get('xl/sharedStrings.xml').toString('utf8');
  expect(files.get('xl/workbook.xml').toString('utf8')).toContain('name="测算结果"');
  // Header and 160 rows, the header frozen, numbers as numbers.
  expect(sheet).toContain('<row r="161"');
  expect(sheet).not.toContain('<row r="162"');
  expect(sheet).toContain('state="frozen"');
  expect(sheet).toContain('<v>28</v>');
  expect(sheet).toContain('<v>2026</v>');
  for (const text of ['指标', '规上制造业增加值', '全市合计', '是']) expect(strings).toContain(`<t>${text}</t>`);
  expect(files.get('xl/styles.xml').toString('utf8')).toContain('formatCode="0.0000"');

  await expect(page.getByTestId('export-xlsx')).toBeEnabled();
  const again = await exportXlsx(page);
  expect(again.suggestedFilename()).toBe('倍增沙盘_结果_会商_方案.xlsx');
  const loaded = workerRequests(urls).map((u) => new URL(u).pathname.split('/').pop());
  expect(loaded.sort()).toEqual(['sheet-worker.js', 'sheet-worker_bg.wasm', 'sheet_client.js', 'sheet_loader.js']);
  // Relative to the page, which is served from /sandbox/, and tied to the page's build.
  const build = (await page.locator('script[data-wasm]').getAttribute('data-wasm')).match(/-([0-9a-f]+)_bg\.wasm$/)[1];
  for (const u of workerRequests(urls)) {
    expect(new URL(u).pathname).toMatch(/^\/sandbox\//);
    expect(new URL(u).search).toBe(`?v=${build}`);
  }
  expect(log.errors).toEqual([]);
});

test('an .xlsx, .ods or .xls file of bases is previewed like a paste and applied', async ({ page }) => {
  const log = await openPage(page);
  await page.locator('[data-testid="bases-funds"] summary').click();
  await page.getByTestId('import-csv').setInputFiles(fixture('bases.xlsx'));
  await expect(page.getByTestId('import-file-note')).toContainText('已读取“bases.xlsx”的工作表“基数”');
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('30.5');
  await expect(preview).toContainText('12.3');
  // The title row and the total row are passed over, by their rows in the sheet.
  await expect(page.getByTestId('import-problems')).toContainText('第 1 行');
  await expect(page.getByTestId('import-problems')).toContainText('第 6 行');
  await expect(page.getByTestId('import-apply')).toHaveText(/5/);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('base-funds-hualong')).toHaveValue('30.5');
  await expect(page.getByTestId('base-funds-jingkai')).toHaveValue('48');
  await expect(page.getByTestId('base-funds-taiqian')).toHaveValue('12.3');
  await page.getByTestId('indicator-capacity').click();
  await expect(page.getByTestId('base-capacity-hualong')).toHaveValue('1200');

  for (const name of ['bases.ods', 'bases.xls']) {
    await page.getByTestId('import-csv').setInputFiles(fixture(name));
    await expect(page.getByTestId('import-file-note')).toContainText(name);
    await expect(page.getByTestId('import-preview')).toContainText('1200.0');
    await expect(page.getByTestId('import-apply')).toHaveText(/5/);
  }
  expect(log.errors).toEqual([]);
});

test('a corrupt .xlsx is a clear message in both languages, and the page keeps working', async ({ page }) => {
  const log = await openPage(page);
  await page.locator('[data-testid="bases-funds"] summary').click();
  const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
  await page.getByTestId('import-csv').setInputFiles({ name: '基数.xlsx', mimeType: 'application/octet-stream', buffer: junk });
  const problem = page.getByTestId('import-file-problem');
  await expect(problem).toContainText('无法导入文件');
  await expect(problem).toContainText('不是 Excel 或 WPS 表格文件');
  await expect(page.getByTestId('import-apply')).toBeDisabled();

  // A zip that is no workbook.
  const zip = await fs.readFile(fixture('bases.ods'));
  const broken = Buffer.concat([zip.subarray(0, 200), Buffer.alloc(300, 0x41)]);
  await page.getByTestId('import-csv').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: broken });
  await expect(problem).toContainText('表格文件已损坏，或不是表格');

  await page.getByTestId('lang-toggle').click();
  await page.getByTestId('import-csv').setInputFiles({ name: 'junk.xlsx', mimeType: 'application/octet-stream', buffer: junk });
  await expect(problem).toContainText('not an Excel or WPS spreadsheet');

  // The page, and the same worker, still work.
  const before = await projected(page, 'funds');
  await page.getByTestId('growth-funds-jingkai-2024').focus();
  await page.keyboard.press('PageDown');
  expect(await projected(page, 'funds')).toBeLessThan(before);
  await page.getByTestId('import-csv').setInputFiles(fixture('bases.xlsx'));
  await expect(problem).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toContainText('30.5');
  expect(log.errors).toEqual([]);
});

test('a worker that cannot load is a message, and the next try starts a fresh one', async ({ page, context }) => {
  const urls = recordRequests(context);
  await openPage(page);
  await context.route(/sheet-worker_bg\.wasm/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('export-xlsx').click();
  const note = page.getByTestId('scenario-note');
  await expect(note).toContainText('未能导出 XLSX');
  await expect(note).toContainText('无法加载表格组件');
  await expect(page.getByTestId('export-xlsx')).toBeEnabled();

  await context.unroute(/sheet-worker_bg\.wasm/);
  const download = await exportXlsx(page);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(note).toHaveCount(0);
  expect(workerRequests(urls).filter((u) => u.includes('sheet_loader.js'))).toHaveLength(2);
});

test.describe(() => {
  // The route must catch the request for a worker's own script, which
  // Chromium makes for the worker, not for the page. Once in many CI runs
  // no message came within 5 s, and it never happened again in 24 local
  // runs; the likely cause is that request going out unrouted (the export
  // then succeeds). A page that gives no message fails every retry.
  test.describe.configure({ retries: 2 });
  test('a missing loader script is a message too', async ({ page, context }) => {
    await openPage(page);
    let routed = 0;
    await context.route(/sheet_loader\.js/, (route) => {
      routed += 1;
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.getByTestId('export-xlsx').click();
    // First whether the loader's request met the route at all, so that a
    // failure says which of the two went wrong.
    await expect.poll(() => routed, { message: 'the request for sheet_loader.js met the route' }).toBe(1);
    await expect(page.getByTestId('scenario-note')).toContainText('无法加载表格组件');
  });
});

test('a panic inside the worker comes back as an error reply', async ({ page }) => {
  await openPage(page);
  const replies = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        const worker = new Worker('sheet_loader.js');
        const finish = () => {
          worker.terminate();
          resolve(seen);
        };
        worker.onmessage = (e) => {
          seen.push(e.data);
          if (e.data.json === '"ready"') worker.postMessage({ id: 7, json: '"panic_for_tests"' });
        };
        // After the reply, the wasm traps: the worker's error event.
        worker.onerror = (e) => {
          e.preventDefault();
          seen.push({ error: e.message });
          finish();
        };
        setTimeout(finish, 10_000);
      }),
  );
  expect(replies[0]).toEqual({ id: 0, json: '"ready"' });
  expect(replies[1].id).toBe(7);
  const reply = JSON.parse(replies[1].json);
  expect(reply.failed.error.kind).toBe('panic');
  expect(reply.failed.error.detail).toContain('simulated panic in the sheet worker');
  expect(replies[2].error).toBeTruthy();
});

test('the workbook carries reported years, sources and the unallocated part of the scenario on screen', async ({ page, baseURL }) => {
  const dir = new URL('../golden/links/v2/', import.meta.url).pathname;
  const file = (await fs.readdir(dir)).find((f) => f.startsWith('AgIoMjAy'));
  const { code } = JSON.parse(await fs.readFile(dir + file, 'utf8'));
  await openPage(page, `${baseURL}#s=${code}`);
  await page.getByTestId('lang-toggle').click();
  const download = await exportXlsx(page);
  const files = unzip(await fs.readFile(await download.path()));
  const strings = files.get('xl/sharedStrings.xml').toString('utf8');
  for (const text of ['reported', 'source of bases', 'City-level, other', '2023年统计公报，2024-03', 'yes']) {
    expect(strings).toContain(`<t>${text}</t>`);
  }
  expect(files.get('xl/workbook.xml').toString('utf8')).toContain('name="Results"');
});
