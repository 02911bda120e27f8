// The on-demand panels (src/bin/extras): nothing of them loads with the
// page; the first click that needs one loads them once; a failed load is a
// message with a retry, and nothing on the page is lost; keyboard users
// land in the panel they opened; a change made in a panel is one undo step.
import { test, expect } from '@playwright/test';
import { openPage, projected, recordPrints } from './helpers.mjs';

const EXTRAS_FILE = /\/extras(\.js|_bg\.wasm)(\?|$)/;
const extrasRequests = (urls) => urls.filter((u) => EXTRAS_FILE.test(new URL(u).pathname + new URL(u).search));

function recordRequests(context) {
  const urls = [];
  context.on('request', (req) => urls.push(req.url()));
  return urls;
}

test('the first load fetches no on-demand panel; the first use loads them once for every panel', async ({ page, context }) => {
  const urls = recordRequests(context);
  const log = await openPage(page);
  await page.waitForLoadState('networkidle');
  expect(extrasRequests(urls)).toEqual([]);
  const html = await (await page.request.get('index.html')).text();
  expect(html).not.toMatch(/extras/);

  await page.getByTestId('compare-pin').click();
  await expect(page.getByTestId('compare')).toContainText('A 与 B 的输入相同');
  expect(extrasRequests(urls)).toHaveLength(2);
  // The files carry the page's build, so a cached copy never meets a newer page.
  expect(extrasRequests(urls).every((u) => /\?v=[0-9a-f]+$/.test(u))).toBe(true);

  await page.getByTestId('show-qr').click();
  await expect(page.getByTestId('qr-dialog').locator('svg')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('solve-funds').click();
  await expect(page.getByTestId('solve-result')).toBeVisible();
  await page.getByTestId('bases-funds').locator('summary').click();
  await expect(page.getByTestId('base-funds-hualong')).toBeVisible();
  expect(extrasRequests(urls)).toHaveLength(2);
  expect(log.errors).toEqual([]);
});

test('a panel that cannot load says so in both languages, keeps the scenario, and loads on retry', async ({ page, context }) => {
  await openPage(page);
  await page.getByTestId('growth-funds-puyang-2024').focus();
  await page.keyboard.press('PageDown');
  const before = await projected(page, 'funds');
  await context.route(/extras_bg\.wasm/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('compare-pin').click();
  const failed = page.getByTestId('extra-failed-compare');
  await expect(failed).toContainText('这部分功能未能加载');
  await expect(failed).toHaveAttribute('role', 'alert');
  await page.getByTestId('lang-toggle').click();
  await expect(failed).toContainText('could not be loaded');
  expect(await projected(page, 'funds')).toBe(before);

  await context.unroute(/extras_bg\.wasm/);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('compare')).toContainText('A and B have the same inputs');
  await expect(failed).toHaveCount(0);
  expect(await projected(page, 'funds')).toBe(before);
});

test('a missing panels script is a message too, and the next try loads it', async ({ page, context }) => {
  await openPage(page);
  await context.route(/extras\.js/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('show-qr').click();
  const failed = page.getByTestId('extra-failed-qr');
  await expect(failed).toContainText('这部分功能未能加载');
  await context.unroute(/extras\.js/);
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('qr-dialog').locator('svg')).toBeVisible();
});

test('with the keyboard alone, solve and the bases open where the key was pressed and keep the focus', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('solve-funds').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('solve-result')).toBeVisible();
  await expect(page.getByTestId('solve-funds')).toBeFocused();
  await expect(page.getByTestId('solve-funds')).toHaveAttribute('aria-expanded', 'true');
  // Enter again closes it, as before it was loaded on demand.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('solve-result')).toHaveCount(0);

  await page.getByTestId('bases-funds').locator('summary').focus();
  await page.keyboard.press('Enter');
  const base = page.getByTestId('base-funds-hualong');
  await expect(base).toBeVisible();
  await expect(page.getByTestId('bases-funds').locator('summary')).toBeFocused();
  // Tab on into the fields and type: the city figure follows, and undo
  // takes the whole typed number back in one step.
  const before = await projected(page, 'funds');
  const was = await base.inputValue();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(base).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40.5', { delay: 30 });
  await expect(page.getByTestId('bases-total-funds')).toHaveText('292.5');
  await expect.poll(() => projected(page, 'funds')).toBeGreaterThan(before);
  await page.getByTestId('undo').click();
  await expect(base).toHaveValue(was);
  expect(await projected(page, 'funds')).toBe(before);
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('Ctrl+P loads the briefing and fills it before the print dialog opens', async ({ page }) => {
  await openPage(page);
  const prints = await recordPrints(page);
  await page.getByTestId('scenario-name').focus();
  await page.keyboard.type('简报方案', { delay: 20 });
  await page.getByTestId('growth-funds-puyang-2024').focus();
  await page.keyboard.press('Control+P');
  await expect.poll(async () => (await prints()).length).toBe(1);
  expect((await prints())[0]).toContain('情景简报');
  expect((await prints())[0]).toContain('情景：简报方案');
});

test('the scenario bar works on first use: a file opened before anything else loaded is imported', async ({ page, context }) => {
  const urls = recordRequests(context);
  await openPage(page);
  await page.waitForLoadState('networkidle');
  expect(extrasRequests(urls)).toEqual([]);
  const first = await projected(page, 'funds');
  // Export the link's scenario at 0 % everywhere as a file, from another page.
  const other = await context.newPage();
  await openPage(other);
  await other.getByTestId('preset-zero').click();
  await other.getByTestId('scenario-name').fill('零增长');
  const [download] = await Promise.all([other.waitForEvent('download'), other.getByTestId('export-json').click()]);
  const text = await (await import('node:fs')).promises.readFile(await download.path(), 'utf8');
  await other.close();

  await page.getByTestId('import-json').setInputFiles({ name: 'zero.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('scenario-note')).toContainText('已导入');
  await expect(page.getByTestId('scenario-name')).toHaveValue('零增长');
  expect(await projected(page, 'funds')).toBeLessThan(first);
});

test('with the keyboard alone, the first save is done and the focus stays on Save', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('scenario-name').focus();
  await page.keyboard.type('键盘方案', { delay: 20 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('save-scenario')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-note')).toContainText('已保存：键盘方案');
  await expect(page.getByTestId('save-scenario')).toBeFocused();
  // Space on the saved list's summary opens the real list, with the entry.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '键盘方案');
});

test('the saved list opened first thing opens the real list, and Escape folds it', async ({ page }) => {
  await openPage(page);
  await page.locator('[data-testid="saved-list"] summary').click();
  const list = page.getByTestId('saved-list');
  await expect(list).toHaveAttribute('open', '');
  await expect(list.locator('li.empty')).toBeVisible();
  await expect(list.locator('summary')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list).not.toHaveAttribute('open', '');
});

test('after presentation mode the panels come back as they were, without taking the focus', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('solve-funds').click();
  await expect(page.getByTestId('solve-result')).toBeVisible();
  await page.getByTestId('solve-funds').click();
  await expect(page.getByTestId('solve-result')).toHaveCount(0);
  await page.getByTestId('presentation-toggle').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.getByTestId('solve-funds')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('solve-funds')).toBeEnabled();
  await expect(page.getByTestId('solve-funds')).not.toBeFocused();
});

test('controls used while the panels load are all done, in order, once they come', async ({ page, context }) => {
  await openPage(page);
  await context.route(/extras_bg\.wasm/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.getByTestId('scenario-name').fill('慢网方案');
  await page.getByTestId('save-scenario').click();
  await page.locator('[data-testid="saved-list"] summary').click();
  await expect(page.getByTestId('scenario-note')).toContainText('已保存：慢网方案');
  await expect(page.getByTestId('saved-list')).toHaveAttribute('open', '');
  await expect(page.getByTestId('saved-0')).toHaveAttribute('data-name', '慢网方案');
});

test('Ctrl+P in a typed field prints; if the briefing cannot load it prints without, and the next print has it', async ({ page, context }) => {
  await openPage(page);
  const prints = await recordPrints(page);
  await context.route(/extras_bg\.wasm/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('scenario-name').focus();
  await page.keyboard.press('Control+P');
  await expect.poll(async () => (await prints()).length).toBe(1);
  expect((await prints())[0]).toBeNull();
  await context.unroute(/extras_bg\.wasm/);
  await page.getByTestId('print').click();
  await expect.poll(async () => (await prints()).length).toBe(2);
  expect((await prints())[1]).toContain('情景简报');
});
