// What a planner looks for in the first hour: the rate now next to the rate
// needed, who carries the target, a paragraph to paste, plain words, and
// keys that close what they opened.
import { test, expect } from '@playwright/test';
import { openPage } from './helpers.mjs';

test('verdicts carry 亿元, read a 0.00 margin as exactly met and show the rate now next to the rate needed', async ({ page }) => {
  const log = await openPage(page);
  // The opening state says it is the plan path, not a forecast.
  await expect(page.getByTestId('plan-path-notice')).toBeVisible();
  await expect(page.getByTestId('plan-path-notice')).toContainText('不是预测');
  const va = page.getByTestId('verdict-value_added');
  // 237.5 × 1.12 × 1.15 × 1.2 × 1.294 = 475.0015: shown as 恰好达标, not +0.00.
  await expect(va.locator('.verdict-gap')).toHaveText('恰好达标');
  await expect(va.locator('.verdict-projected')).toContainText('475.0亿元');
  await expect(page.getByTestId('verdict-funds').locator('.verdict-gap')).toContainText('超出 +0.03亿元');
  await expect(va.locator('.uniform')).toContainText('若自2023年起每年同一增速，恰好达标需');

  // 南乐县 at 5 % in 2026: the city misses; the card says 现为 … → 需 ….
  await page.getByTestId('indicator-value_added').click();
  const field = page.locator('[data-testid="growth-value_added-nanle-2026"] ~ .num-wrap input');
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5', { delay: 30 });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('plan-path-notice')).toBeHidden();
  await expect(va).toHaveAttribute('data-status', 'missed');
  const rate = va.locator('.now-needed');
  await expect(rate).toContainText('2026年 增速现为');
  await expect(rate.locator('.now')).toHaveText(/^\d+\.\d\d%$/);
  await expect(rate.locator('.needed')).toHaveText(/^需 \d+\.\d\d%$/);
  const needed = Number(await va.getAttribute('data-required'));
  const now = parseFloat(await rate.locator('.now').innerText());
  expect(needed).toBeGreaterThan(now);
  expect(log.errors).toEqual([]);
});

test('the unit table breaks the gap down by unit and the rows add up to the city', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  for (const unit of ['nanle', 'taiqian']) {
    const field = page.locator(`[data-testid="growth-value_added-${unit}-2026"] ~ .num-wrap input`);
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5', { delay: 30 });
    await page.keyboard.press('Tab');
  }
  const table = page.getByTestId('units-value_added');
  const amounts = await table.locator('tbody td.contribution').evaluateAll((els) => els.map((e) => Number(e.dataset.amount)));
  expect(amounts).toHaveLength(9);
  const city = Number(await table.locator('tfoot td.contribution').last().getAttribute('data-amount'));
  const projected = Number(await page.getByTestId('verdict-value_added').getAttribute('data-projected'));
  expect(city).toBeCloseTo(projected - 475, 3);
  expect(amounts.reduce((a, b) => a + b, 0)).toBeCloseTo(city, 3);
  // 南乐县 (base 21.375) reaches 21.375 × 1.12 × 1.15 × 1.2 × 1.05 against its
  // share 475 × 21.375 ÷ 237.5 = 2 × 21.375: −8.06.
  const row = (id) => table.getByTestId(`unit-row-${id}`).locator('td.contribution');
  expect(Number(await row('nanle').getAttribute('data-amount'))).toBeCloseTo(21.375 * (1.5456 * 1.05 - 2), 3);
  await expect(row('nanle')).toHaveClass(/minus/);
  await expect(table.getByTestId('unit-row-nanle').locator('.now-needed')).toContainText('5.00%');
  // The gap chart draws the same breakdown, largest first.
  await expect(page.getByTestId('chart-gap-value_added')).toHaveAttribute('data-draw-ms', /\d/);
  // The paragraph for a report, copyable.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = page.getByTestId('report-text');
  await expect(text).toContainText('9个单位中7个实现翻番，南乐县、台前县未达翻番');
  await page.getByTestId('copy-report-text').click();
  await expect(page.locator('.report-text .copied')).toHaveText('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.innerText());
});

test('plain words in the toolbar, and Esc closes the QR code and the saved list', async ({ page }) => {
  await openPage(page);
  await expect(page.getByTestId('export-json')).toHaveText('保存为文件');
  await expect(page.locator('label.file-pick').first()).toContainText('打开文件');
  await expect(page.getByTestId('link-length')).toHaveText(/^链接长度 \d+$/);
  const qr = page.getByTestId('show-qr');
  await qr.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
  await expect(qr).toBeFocused();
  const list = page.getByTestId('saved-list');
  await list.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(list).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(list).not.toHaveAttribute('open', '');
  await expect(list.locator('summary')).toBeFocused();
});

test('the skip link takes the keyboard to the first slider, and English names read in full', async ({ page }) => {
  await openPage(page);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-to-grid')).toBeFocused();
  await expect(page.getByTestId('skip-to-grid')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('50.1');
  await page.getByTestId('lang-toggle').click();
  await expect(page).toHaveTitle('Doubling Sandbox · Scenarios for the manufacturing doubling targets');
  await expect(page.getByTestId('units-funds')).toContainText('Hualong District');
  await expect(page.getByTestId('units-funds')).toContainText('Qingfeng County');
});

test('on a 390-wide phone the unit results need no sideways scrolling and the skip link is on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page);
  const skip = page.getByTestId('skip-to-grid');
  await expect(skip).toBeVisible();
  expect((await skip.boundingBox()).y).toBeLessThan(844);
  await skip.click();
  await expect(page.getByTestId('growth-funds-hualong-2023')).toBeFocused();
  const table = page.getByTestId('units-funds');
  await table.scrollIntoViewIfNeeded();
  const scroll = await table.evaluate((el) => {
    const box = el.parentElement;
    return { scroll: box.scrollWidth, client: box.clientWidth };
  });
  expect(scroll.scroll).toBeLessThanOrEqual(scroll.client);
  for (const cell of ['td.rate', 'td.contribution']) {
    const box = await table.getByTestId('unit-row-nanle').locator(cell).boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});
