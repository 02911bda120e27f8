// Saved scenarios, scenario files, and storage that is full, off or broken:
// a clear message, nothing lost.
import { test, expect } from '@playwright/test';
import { INDICATORS, openPage, projected } from './helpers.mjs';

const KEY = 'doubling-sandbox/scenarios/v1';

async function saveAs(page, name) {
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('save-scenario').click();
}

test('save, reload, reopen, overwrite only when asked, rename, duplicate, delete', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('preset-zero').click();
  const zeroFunds = await projected(page, 'funds');
  await saveAs(page, '零增长方案');
  await expect(page.getByTestId('scenario-note')).toContainText('已保存');

  await page.reload();
  await openPage(page, page.url().split('#')[0]);
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'met');
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '零增长方案');
  await page.getByTestId('saved-open-0').click();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  expect(await projected(page, 'funds')).toBe(zeroFunds);
  await expect(page.getByTestId('scenario-name')).toHaveValue('零增长方案');

  // Same name again: asks first; cancel keeps the old one.
  await page.getByTestId('preset-reset').click();
  await page.getByTestId('scenario-name').fill('零增长方案');
  await page.getByTestId('save-scenario').click();
  await expect(page.getByTestId('confirm-overwrite')).toBeVisible();
  await page.getByTestId('confirm-overwrite').getByRole('button', { name: '取消' }).click();
  await page.locator('[data-testid="saved-list"] summary').click();
  await page.getByTestId('saved-open-0').click();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');

  await page.locator('[data-testid="saved-list"] summary').click();
  await page.getByTestId('saved-rename-0').click();
  await page.getByTestId('rename-input').fill('方案 甲');
  await page.getByTestId('rename-ok').click();
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '方案 甲');
  await page.locator('[data-testid="saved-list"] summary').click();
  await page.getByTestId('saved-duplicate-0').click();
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '方案 甲（副本）');
  await page.getByTestId('saved-delete-1').click();
  await page.getByTestId('confirm-delete').getByRole('button', { name: '删除' }).click();
  await expect(page.locator('[data-testid^="saved-open-"]')).toHaveCount(1);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  expect(stored.entries.map((e) => e.name)).toEqual(['方案 甲（副本）']);
});

test('scenario names are shown as text, never as markup', async ({ page }) => {
  await openPage(page);
  const evil = '<img src=x onerror="window.__pwned=1">方案';
  await saveAs(page, evil);
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.getByTestId('saved-0').locator('.saved-name')).toHaveText(evil);
  expect(await page.locator('.scenario-bar img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test('full storage: a message, and the saved list and scenario stay', async ({ page }) => {
  await openPage(page);
  await saveAs(page, '先存一个');
  await expect(page.getByTestId('scenario-note')).toContainText('已保存');
  // Fill storage to the last byte: big chunks first, then ever smaller ones.
  await page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler-${i++}`, chunk); } catch { break; }
      }
    }
  });
  await page.getByTestId('preset-zero').click();
  await saveAs(page, '再存一个很长的名字'.repeat(3));
  await expect(page.getByTestId('scenario-note')).toContainText('存储已满');
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.locator('[data-testid^="saved-open-"]')).toHaveCount(1);
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
});

test('storage switched off: the page works and says saving is unavailable', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const log = await openPage(page);
  await expect(page.getByTestId('scenario-note')).toContainText('存储不可用');
  await page.getByTestId('growth-funds-puyang-2024').focus();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  await saveAs(page, '试试');
  await expect(page.getByTestId('scenario-note')).toContainText('存储不可用');
  expect(log.errors.filter((e) => !/denied/.test(e))).toEqual([]);
});

test('unreadable storage is set aside, not deleted', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"version":1,"entries":[{"name":"好的","code":"AQAAAAAAAAAAAEgDSAw","saved_at":"2026-01-01T00:00:00Z"},{"oops":true}]}');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await openPage(page);
  await expect(page.getByTestId('scenario-note')).toContainText('另存于');
  const aside = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('doubling-sandbox/set-aside/')).map((k) => localStorage.getItem(k)),
  );
  expect(aside).toEqual(['[{"oops":true}]']);
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '好的');

  await page.evaluate((k) => localStorage.setItem(k, 'not json at all'), KEY);
  await page.reload();
  await openPage(page, page.url());
  await expect(page.getByTestId('scenario-note')).toContainText('另存于');
  const all = await page.evaluate(() => Object.values({ ...localStorage }));
  expect(all).toContain('not json at all');
});

test('export a scenario file and import it back; a bad file is refused whole, naming the field', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-investment').click();
  await page.getByTestId('growth-investment-fanxian-2025').focus();
  await page.keyboard.press('PageUp');
  await page.getByTestId('scenario-name').fill('导出测试');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toBe('倍增沙盘_导出测试.json');
  const text = await (await import('node:fs')).promises.readFile(await download.path(), 'utf8');
  const doc = JSON.parse(text);
  expect(doc.format).toBe('doubling-sandbox-scenario');
  expect(doc.version).toBe(3);
  expect(doc.uncertainty).toEqual({ on: false, rho: 0.5, phi: 0.3 });
  expect(doc.indicators.investment.growth.fanxian['2025']).toBeCloseTo(14.9, 6);
  const before = await projected(page, 'investment');

  await page.getByTestId('preset-reset').click();
  doc.indicators.capacity.growth.hualong['2023'] = 10;
  // Uncertainty and a range travel in the file too.
  doc.uncertainty = { on: true, rho: 0.2, phi: 0.3 };
  doc.indicators.capacity.ranges = { hualong: { 2024: { low: 1, high: 4 } } };
  await page.getByTestId('import-json').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('scenario-note')).toContainText('已导入');
  expect(await projected(page, 'investment')).toBe(before);
  await expect(page.getByTestId('scenario-name')).toHaveValue('导出测试');
  await expect(page.getByTestId('verdict-capacity')).toContainText('1 低于底线');
  await expect(page.getByTestId('uncertainty-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-probability', /^[01]\.\d{4}$/);
  await page.getByTestId('indicator-capacity').click();
  await expect(page.getByTestId('range-capacity-hualong-2024')).toHaveValue('−1/+4');
  await expect(page.getByTestId('corr-year')).toHaveValue('0.20');

  doc.indicators.capacity.ranges.hualong['2024'] = -1;
  await page.getByTestId('import-json').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('scenario-note')).toContainText('indicators.capacity.ranges.hualong.2024');
  doc.indicators.capacity.ranges.hualong['2024'] = 2;
  doc.indicators.funds.growth.nanle['2024'] = 400;
  doc.name = '坏文件';
  await page.getByTestId('import-json').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('scenario-note')).toContainText('indicators.funds.growth.nanle.2024');
  await expect(page.getByTestId('scenario-note')).toContainText('超出范围');
  await expect(page.getByTestId('scenario-name')).toHaveValue('导出测试');
  await page.getByTestId('import-json').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
  await expect(page.getByTestId('scenario-note')).toContainText('不是有效的 JSON');
  for (const key of INDICATORS) await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-projected', /\d/);
});

// The first click on 保存 loads the saving panel and is done again on the
// panel's own button once it shows: also when the panel's first render
// comes late, as on a slow phone (CPU throttled).
test('the first save is kept when the saving panel loads slowly', async ({ page, context }) => {
  await openPage(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByTestId('scenario-name').click();
  await page.keyboard.type('慢速方案');
  await page.getByTestId('save-scenario').click();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY), { timeout: 15000 }).toContain('慢速方案');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '慢速方案');
});
