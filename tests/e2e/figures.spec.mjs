// Real figures: reported years locked against the tools, actual growth or
// levels per unit or city-wide, goal seek over the open years, the
// unallocated part and the bases' source, all carried by the link.
import { test, expect } from '@playwright/test';
import { openPage, projected } from './helpers.mjs';

async function required(page, key) {
  return Number(await page.getByTestId(`verdict-${key}`).getAttribute('data-required'));
}

/** Waits until the address holds what the page shows, then returns it. */
async function settledUrl(page, before) {
  await expect.poll(() => page.url()).not.toBe(before);
  await page.waitForTimeout(300); // the debounced replace of a typed value
  return page.url();
}

test('a reported year is locked against bulk, presets and solve, and the required growth counts the open years', async ({ page }) => {
  const log = await openPage(page);
  const cell = page.getByTestId('growth-funds-hualong-2023');
  await expect(cell).toHaveAttribute('type', 'range');
  await page.getByTestId('reported-2023').check();
  // The cell is now the actual figure: typed only, shown as reported.
  await expect(cell).toHaveAttribute('type', 'text');
  await expect(cell.locator('xpath=ancestor::div[contains(@class,"cell")]')).toHaveClass(/reported/);
  await expect(page.getByTestId('reported-2024')).not.toBeChecked();

  // Only the city's growth is known for 2023: +54.3 %.
  await page.getByTestId('report-kind-2023').selectOption('city_growth');
  const city = page.getByTestId('report-city-2023');
  await city.fill('54.3');
  await city.blur();
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '54.3000');

  // Bulk set every cell to 0 %: 2024 moves, the reported 2023 does not.
  await page.getByTestId('bulk-target').selectOption({ index: 0 });
  await page.getByTestId('bulk-value').fill('0');
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('growth-funds-hualong-2024')).toHaveValue('0');
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '54.3000');
  // 280 × 1.543 = 432.04; 2024 alone must give 560 ÷ 432.04 − 1 = 29.6176 %.
  expect(await projected(page, 'funds')).toBeCloseTo(432.04, 4);
  expect(await required(page, 'funds')).toBeCloseTo(29.6176, 4);

  // Presets leave it alone too.
  await page.getByTestId('preset-uniform').click();
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '54.3000');

  // Solve offers the open years only and fills 2024 with ceil(29.6176 %) = 29.62 %.
  await page.getByTestId('solve-funds').click();
  await expect(page.getByTestId('solve-from').locator('option')).toHaveText(['2024年']);
  await expect(page.getByTestId('solve-result')).toHaveAttribute('data-bp', '2962');
  await page.getByTestId('solve-accept').click();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('growth-funds-nanle-2024')).toHaveValue('29.62');

  // Undo steps back through solve and preset to the bulk change, then before it.
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  expect(await projected(page, 'funds')).toBeCloseTo(432.04, 4);
  await page.getByTestId('undo').click();
  expect(await projected(page, 'funds')).toBeCloseTo(432.04 * 1.3334, 4);
  await expect(page.getByTestId('report-city-2023')).toHaveValue('54.30');
  expect(log.errors).toEqual([]);
});

test('levels per unit give the growth the floors are checked on, and a link carries them', async ({ page, browser }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  // Marking 2024 marks 2023 too: reported years run from the first.
  await page.getByTestId('reported-2024').check();
  await expect(page.getByTestId('reported-2023')).toBeChecked();
  await page.getByTestId('report-kind-2023').selectOption('unit_levels');
  const level = page.getByTestId('level-value_added-hualong-2023');
  // Starts from what the year showed: 23.75 × 1.12 = 26.6.
  await expect(level).toHaveValue('26.6');
  const before = page.url();
  await level.fill('26');
  await level.blur();
  const implied = page.getByTestId('implied-value_added-hualong-2023');
  // 26 ÷ 23.75 − 1 = 9.47 %: below the 12 % floor.
  await expect(implied).toHaveAttribute('data-implied', '9.4737');
  await expect(implied).toHaveClass(/below/);
  await expect(page.getByTestId('verdict-value_added')).toContainText('1');
  // A refused level keeps the last one and says why.
  await level.fill('-5');
  await expect(page.getByRole('alert').filter({ hasText: /26/ })).toBeVisible();
  await level.fill('26');
  await level.blur();

  const url = await settledUrl(page, before);
  const other = await browser.newPage();
  await openPage(other, url);
  await other.getByTestId('indicator-value_added').click();
  await expect(other.getByTestId('reported-2023')).toBeChecked();
  await expect(other.getByTestId('reported-2024')).toBeChecked();
  await expect(other.getByTestId('reported-2025')).not.toBeChecked();
  await expect(other.getByTestId('report-kind-2023')).toHaveValue('unit_levels');
  await expect(other.getByTestId('level-value_added-hualong-2023')).toHaveValue('26');
  expect(await projected(other, 'value_added')).toBeCloseTo(await projected(page, 'value_added'), 6);
  await other.close();

  // Unmarking keeps the figures as growth rates.
  await page.getByTestId('reported-2023').uncheck();
  await expect(page.getByTestId('reported-2024')).not.toBeChecked();
  await expect(page.getByTestId('growth-value_added-hualong-2023')).toHaveAttribute('type', 'range');
  await expect(page.getByTestId('growth-value_added-hualong-2023').locator('xpath=..').locator('input.num')).toHaveValue('9.47');
});

test('a city level is shared out in proportion', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('reported-2023').check();
  await page.getByTestId('report-kind-2023').selectOption('city_level');
  const city = page.getByTestId('report-city-2023');
  await city.fill('463');
  await city.blur();
  // 463 ÷ 280 − 1 = 65.36 % for every unit.
  await expect(page.getByTestId('implied-funds-shifan-2023')).toHaveAttribute('data-implied', '65.3571');
  await expect(page.getByTestId('units-funds')).toBeVisible();
  await expect(page.getByTestId('source-note-funds')).toContainText('已公布至 2023年');
});

test('the unallocated part and the source travel with the scenario', async ({ page, browser }) => {
  await openPage(page);
  await page.getByTestId('bases-funds').locator('summary').click();
  const start = await projected(page, 'funds');
  await page.getByTestId('unallocated-add-funds').click();
  // The units' illustrative bases already add up to the plan's 280: the part starts at 0.
  await expect(page.getByTestId('unallocated-base-funds')).toHaveValue('0');
  await page.getByTestId('unallocated-base-funds').fill('20');
  await page.getByTestId('unallocated-growth-funds').fill('10');
  await page.getByTestId('unallocated-growth-funds').blur();
  // 20 × 1.1 × 1.1 = 24.2 more in 2024.
  await expect.poll(() => projected(page, 'funds')).toBeCloseTo(start + 24.2, 4);
  await expect(page.getByTestId('unallocated-row-funds')).toContainText('24.2');
  await expect(page.getByTestId('bases-total-funds')).toHaveText('300.0');
  const before = page.url();
  await page.getByTestId('source-funds').fill('2022年统计公报，2023-03');
  await page.getByTestId('source-funds').blur();
  await expect(page.getByTestId('source-note-funds')).toHaveText('基数来源：2022年统计公报，2023-03');

  const url = await settledUrl(page, before);
  const other = await browser.newPage();
  await openPage(other, url);
  expect(await projected(other, 'funds')).toBeCloseTo(start + 24.2, 4);
  await expect(other.getByTestId('source-note-funds')).toHaveText('基数来源：2022年统计公报，2023-03');
  await expect(other.getByTestId('unallocated-row-funds')).toBeVisible();
  await other.close();

  await page.getByTestId('unallocated-remove-funds').click();
  expect(await projected(page, 'funds')).toBeCloseTo(start, 4);
  await expect(page.getByTestId('unallocated-row-funds')).toHaveCount(0);
});
