// Uncertainty: the switch, probabilities on the verdicts and units, the
// ranges panel (ρ, φ, bulk and per-cell ranges), refused input, links of
// the new format, and the same figures the native model gives.
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { INDICATORS, UNITS, openPage, recordPrints, unzip } from './helpers.mjs';

/** A verdict's probability, once the cards show the draws of the scenario on screen. */
async function probability(page, key) {
  await expect(page.locator('.verdict-chance[aria-busy]')).toHaveCount(0);
  return Number(await page.getByTestId(`verdict-${key}`).getAttribute('data-probability'));
}

/** Switches uncertainty on from the keyboard and waits for every probability. */
async function switchOn(page) {
  await page.getByTestId('uncertainty-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('uncertainty-toggle')).toHaveAttribute('aria-pressed', 'true');
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-probability', /^[01]\.\d{4}$/);
  }
  await expect(page.getByTestId('ranges-panel')).toBeVisible();
}

/** Types into a field key by key, as a person does, after selecting what it holds. */
async function typeInto(page, testid, text) {
  const field = page.getByTestId(testid);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('the switch shows a probability on every card and unit, in words and as a frequency, and off removes them', async ({ page }) => {
  const log = await openPage(page);
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`verdict-${key}`)).not.toHaveAttribute('data-probability', /.*/);
  }
  await switchOn(page);
  // The plan path just meets every target: about an even chance.
  for (const key of INDICATORS) {
    const p = await probability(page, key);
    expect(p, key).toBeGreaterThan(0.4);
    expect(p, key).toBeLessThan(0.6);
  }
  const card = page.getByTestId('chance-value_added');
  await expect(card).toContainText('达标概率');
  await expect(card).toContainText('大致相当');
  await expect(card).toContainText(/100次中约\d+次/);
  await expect(card).toHaveAttribute('title', /标准误 ±0\.\d\d 个百分点（10000次抽样）/);
  await page.getByTestId('indicator-value_added').click();
  for (const unit of UNITS) {
    await expect(page.getByTestId(`unit-prob-value_added-${unit}`)).toHaveAttribute('data-probability', /^0\.\d{4}$/);
  }
  await expect(page.getByTestId('likelihood-legend')).toContainText('≥99%：几乎确定');
  await page.getByTestId('lang-toggle').click();
  await expect(card).toContainText('about as likely as not');
  await expect(card).toContainText(/about \d+ in 100/);
  await page.getByTestId('uncertainty-toggle').click();
  await expect(page.getByTestId('uncertainty-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('verdict-value_added')).not.toHaveAttribute('data-probability', /.*/);
  await expect(page.getByTestId('ranges-panel')).toHaveCount(0);
  expect(log.errors).toEqual([]);
});

test('a slider step moves the probability at once, and more growth never lowers it', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  await switchOn(page);
  let before = await probability(page, 'value_added');
  const slider = page.getByTestId('growth-value_added-jingkai-2026');
  await slider.focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('PageUp');
    await expect.poll(() => probability(page, 'value_added')).toBeGreaterThan(before);
    before = await probability(page, 'value_added');
  }
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => probability(page, 'value_added')).toBeLessThan(0.5);
});

test('ranges typed per cell and in bulk, ρ and φ: zero ranges make it certain, bad values are refused at the field', async ({ page }) => {
  const log = await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  await switchOn(page);
  const even = await probability(page, 'value_added');
  // Wider ranges in 2026 alone: the chance of an exact hit stays near even.
  await page.getByTestId('bulk-range-target').selectOption('col:3');
  await typeInto(page, 'bulk-range', '8');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('range-value_added-hualong-2026')).toHaveValue('8');
  await expect(page.getByTestId('range-value_added-hualong-2025')).toHaveValue('3');
  // No range anywhere: the outcome is certain, shown as 100%.
  await page.getByTestId('bulk-range-target').selectOption('all');
  await typeInto(page, 'bulk-range', '0');
  await page.getByTestId('bulk-range-apply').click();
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-probability', '1.0000');
  await expect(page.getByTestId('chance-value_added')).toContainText('100%');
  await expect(page.getByTestId('chance-value_added')).toContainText('未设区间');
  // One cell typed key by key, asymmetric: chance plays a part again, never shown as 0% or 100%.
  await typeInto(page, 'range-value_added-nanle-2026', '5/1');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('range-value_added-nanle-2026')).toHaveValue('−5/+1');
  const p = await probability(page, 'value_added');
  expect(p).toBeLessThan(even);
  await expect(page.getByTestId('chance-value_added').locator('.chance-value')).not.toHaveText(/^(0|100)%$/);
  // Refused: a negative width, a coefficient above 1; the last valid value stays.
  await typeInto(page, 'range-value_added-nanle-2026', '-2');
  const cell = page.getByTestId('range-value_added-nanle-2026').locator('xpath=ancestor::span[contains(@class,"range-field")]');
  await expect(cell.locator('.field-error')).toContainText('半宽不能为负');
  await expect(cell.locator('.field-error')).toContainText('已保留 ±−5/+1');
  expect(await probability(page, 'value_added')).toBe(p);
  // Key by key, 1 and 1. are taken as they come; 1.5 is refused and 1.00 stays.
  await typeInto(page, 'corr-year', '1.5');
  await expect(page.getByTestId('corr-year').locator('xpath=ancestor::span[contains(@class,"range-field")]').locator('.field-error'))
    .toContainText('须在 0 和 1 之间；已保留 1.00');
  // A valid ρ is taken: all units shocked together spread the city more.
  await typeInto(page, 'corr-year', '0.9');
  await typeInto(page, 'corr-persist', '0');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('corr-year')).toHaveValue('0.90');
  // A range past the growth range says it is clipped.
  await typeInto(page, 'range-value_added-puyang-2026', '150');
  await expect(page.getByTestId('range-value_added-puyang-2026').locator('xpath=ancestor::span[contains(@class,"range-field")]').locator('.field-note'))
    .toContainText('截断');
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-probability', /^[01]\.\d{4}$/);
  }
  expect(log.errors).toEqual([]);
});

test('a link of the new format carries the switch, ranges, ρ and φ; the probabilities equal the native model', async ({ page, browser, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dir = new URL('../golden/links/v4/', import.meta.url);
  const goldens = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.actual.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')))
    .filter((g) => g.verdicts.some((v) => v.probability !== undefined));
  expect(goldens.length).toBeGreaterThan(0);
  for (const g of goldens) {
    await openPage(page, `#s=${g.code}`);
    await expect(page.getByTestId('uncertainty-toggle')).toHaveAttribute('aria-pressed', 'true');
    for (const v of g.verdicts) {
      await expect(page.getByTestId(`verdict-${v.indicator}`)).toHaveAttribute('data-probability', v.probability.toFixed(4));
    }
    // Certain-looking chances with ranges set read <1% and >99%.
    await expect(page.getByTestId('chance-funds').locator('.chance-value')).toHaveText('>99%');
    await expect(page.getByTestId('chance-investment').locator('.chance-value')).toHaveText('<1%');
  }
  // Changed here, the address carries it to a fresh browser.
  await page.getByTestId('indicator-value_added').click();
  await typeInto(page, 'range-value_added-taiqian-2026', '12');
  await page.keyboard.press('Tab');
  await expect.poll(() => probability(page, 'value_added')).not.toBe(goldens[goldens.length - 1].verdicts[3].probability);
  const p = await probability(page, 'value_added');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-done')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(baseURL)).toBe(true);
  await expect.poll(() => page.evaluate(() => location.href)).toBe(link);
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('verdict-value_added')).toHaveAttribute('data-probability', p.toFixed(4));
  await fresh.getByTestId('indicator-value_added').click();
  await expect(fresh.getByTestId('range-value_added-taiqian-2026')).toHaveValue('12');
  await expect(fresh.getByTestId('corr-year')).toHaveValue('0.70');
  await other.close();
});

test('presentation mode shows the probabilities too', async ({ page }) => {
  await openPage(page);
  await switchOn(page);
  const p = await probability(page, 'capacity');
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-probability', p.toFixed(4));
  await expect(page.getByTestId('chance-capacity')).toBeVisible();
});

test('goal seek under uncertainty: the likely growth for a chosen confidence, set with one click', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  await switchOn(page);
  // The default confidence is 80 %: more than the plan path's 29.40 % in 2026.
  await expect(page.getByTestId('confidence')).toHaveValue('80');
  await expect(page.getByTestId('confidence-result')).toHaveAttribute('data-bp', /^\d+$/);
  const at80 = Number(await page.getByTestId('confidence-result').getAttribute('data-bp'));
  expect(at80).toBeGreaterThan(2940);
  await expect(page.getByTestId('confidence-result')).toContainText('要有 80% 的把握达标，2026年各单位最可能增速需达到');
  await typeInto(page, 'confidence', '95');
  await expect.poll(async () => Number(await page.getByTestId('confidence-result').getAttribute('data-bp'))).toBeGreaterThan(at80);
  await typeInto(page, 'confidence', '120');
  await expect(page.getByTestId('confidence').locator('xpath=ancestor::div[contains(@class,"confidence-seek")]').locator('.field-error'))
    .toContainText('须在 1 和 99.9 之间');
  await typeInto(page, 'confidence', '90');
  await expect(page.getByTestId('confidence-apply')).toBeVisible();
  await page.getByTestId('confidence-apply').click();
  const bp = Number(await page.getByTestId('confidence-result').getAttribute('data-bp'));
  for (const unit of ['hualong', 'shifan']) {
    await expect(page.getByTestId(`growth-value_added-${unit}-2026`)).toHaveValue((bp / 100).toFixed(2).replace(/\.?0+$/, ''));
  }
  expect(await probability(page, 'value_added')).toBeGreaterThanOrEqual(0.9);
});

test('the print briefing, CSV and XLSX carry the probabilities, ranges, ρ and φ', async ({ page }) => {
  await openPage(page);
  await switchOn(page);
  const p = await probability(page, 'value_added');
  const prints = await recordPrints(page);
  await page.getByTestId('print').click();
  await expect.poll(async () => (await prints()).length).toBe(1);
  const briefing = (await prints())[0];
  expect(briefing).toContain('达标概率');
  expect(briefing).toContain(`规上制造业增加值：${Math.round(p * 100)}% 大致相当，100次中约${Math.round(p * 100)}次`);
  expect(briefing).toContain('各未公布年份的增速区间均为 ±3 个百分点；同年共同冲击 ρ = 0.50，逐年延续 φ = 0.30');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toContain('区间下半宽（百分点）,区间上半宽（百分点）,达到底线概率（%）,翻番/达标概率（%）,ρ 同年共同冲击,φ 逐年延续');
  const city = lines.find((l) => l.startsWith('规上制造业增加值,全市合计,2026,'));
  expect(city.split(',').at(-3)).toBe((p * 100).toFixed(2));
  expect(city.split(',').slice(-2)).toEqual(['0.50', '0.30']);

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const files = unzip(await readFile(await xlsx.path()));
  expect(files.get('xl/sharedStrings.xml').toString('utf8')).toContain('翻番/达标概率（%）');
  expect(files.get('xl/worksheets/sheet1.xml').toString('utf8')).toContain(`<v>${(p * 100).toFixed(2).replace(/\.?0+$/, '')}</v>`);
});

test('solve under uncertainty: every goal with the chance asked, more than the likely path needs', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-investment').click();
  await switchOn(page);
  await page.getByTestId('solve-investment').click();
  await expect(page.getByTestId('solve-result')).toHaveAttribute('data-bp', /\d/);
  await expect(page.getByTestId('solve-confidence')).toHaveValue('80');
  await expect(page.getByTestId('solve-confident-result')).toHaveAttribute('data-bp', /\d/);
  const likely = Number(await page.getByTestId('solve-result').getAttribute('data-bp'));
  const sure = Number(await page.getByTestId('solve-confident-result').getAttribute('data-bp'));
  expect(sure).toBeGreaterThan(likely);
  await typeInto(page, 'solve-confidence', '60');
  await expect.poll(async () => Number(await page.getByTestId('solve-confident-result').getAttribute('data-bp'))).toBeLessThan(sure);
  await page.getByTestId('solve-confident-accept').click();
  expect(await probability(page, 'investment')).toBeGreaterThanOrEqual(0.6);
  for (const unit of UNITS) {
    await expect.poll(async () => Number(await page.getByTestId(`unit-prob-investment-${unit}`).getAttribute('data-probability'))).toBeGreaterThanOrEqual(0.6);
  }
});
