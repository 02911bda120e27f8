// Scenario links: the address follows the scenario, a copied link opens the
// same scenario elsewhere, a broken link says what went wrong.
import { test, expect } from '@playwright/test';
import { INDICATORS, openPage, projected } from './helpers.mjs';

async function verdicts(page) {
  const out = {};
  for (const key of INDICATORS) {
    const v = page.getByTestId(`verdict-${key}`);
    out[key] = {
      status: await v.getAttribute('data-status'),
      projected: await v.getAttribute('data-projected'),
      required: await v.getAttribute('data-required'),
      probability: await v.getAttribute('data-probability'),
    };
  }
  return out;
}

/** Waits for the probabilities of a scenario with uncertainty on, drawn for what is on screen. */
async function probabilitiesShown(page, file) {
  if (!file.startsWith('uncertain')) return;
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-probability', /^[01]\.\d{4}$/);
  }
  await expect(page.locator('.verdict-chance[aria-busy]')).toHaveCount(0);
}

test('a copied link opens the same scenario, language and verdicts in a new browser context', async ({ page, browser, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await page.getByTestId('growth-funds-hualong-2024').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('PageDown');
  await page.getByTestId('indicator-value_added').click();
  await page.getByTestId('preset-uniform').click();
  await page.getByTestId('growth-value_added-shifan-2026').focus();
  await page.keyboard.press('PageUp');
  await page.getByTestId('lang-toggle').click();
  const before = await verdicts(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-done')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
  expect(link.startsWith(baseURL)).toBe(true);
  const shown = Number(await page.getByTestId('link-length').getAttribute('data-length'));
  expect(shown).toBe(link.length);
  expect(link.length).toBeLessThan(300);
  // The address bar holds the same scenario once the debounce has passed.
  await expect.poll(() => page.evaluate(() => location.href)).toBe(link);

  const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await other.newPage();
  await openPage(phone, link);
  expect(await verdicts(phone)).toEqual(before);
  await expect(phone.locator('html')).toHaveAttribute('lang', 'en');
  // It opens on the indicator that was on screen.
  await expect(phone.getByTestId('grid-value_added')).toBeVisible();
  await expect(phone.getByTestId('growth-value_added-shifan-2026')).toHaveValue(
    await page.getByTestId('growth-value_added-shifan-2026').inputValue());
  await phone.getByTestId('indicator-funds').click();
  await expect(phone.getByTestId('growth-funds-hualong-2024')).toHaveValue('21.4');
  await expect(phone.getByTestId('link-error')).toHaveCount(0);
  await other.close();
});

test('slider steps replace the address; presets add history entries that Back undoes', async ({ page }) => {
  await openPage(page);
  const start = await page.evaluate(() => history.length);
  await page.getByTestId('indicator-capacity').click();
  await page.getByTestId('growth-capacity-nanle-2023').focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowUp');
  await page.getByTestId('preset-zero').click();
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'missed');
  // 20 slider steps made no entries; the preset made one.
  expect(await page.evaluate(() => history.length)).toBe(start + 1);
  await page.goBack();
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('growth-capacity-nanle-2023')).toHaveValue('37');
  await page.goForward();
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'missed');
});

for (const [what, mangle, message] of [
  ['cut off', (code) => code.slice(0, -6), /校验失败|不完整/],
  ['cut off by one', (code) => code.slice(0, -1), /校验失败|不完整/],
  ['tampered', (code) => code.slice(0, 8) + (code[8] === 'A' ? 'B' : 'A') + code.slice(9), '校验失败'],
  ['garbage', () => '%%%not-a-code', '无效字符'],
  ['from a future version', () => 'BQAAAAAAAAAAADKjowU', '更新版本'],
]) {
  test(`a ${what} link opens the default scenario with a message`, async ({ page, browser, baseURL }) => {
    await openPage(page);
    await page.getByTestId('preset-zero').click();
    await page.getByTestId('copy-link').click();
    const code = await page.evaluate(() => location.hash.slice(3));
    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await openPage(other, `${baseURL}#s=${mangle(code)}`);
    await expect(other.getByTestId('link-error')).toContainText(message);
    await expect(other.getByTestId('link-error')).toContainText('默认情景');
    for (const key of INDICATORS) await expect(other.getByTestId(`verdict-${key}`)).toHaveAttribute('data-status', 'met');
    await other.getByRole('button', { name: '知道了' }).click();
    await expect(other.getByTestId('link-error')).toHaveCount(0);
    await ctx.close();
  });
}

test('the QR code shows the link large', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('show-qr').click();
  const svg = page.getByTestId('qr-dialog').locator('svg');
  await expect(svg).toBeVisible();
  const box = await svg.boundingBox();
  expect(box.width).toBeGreaterThan(400);
  await expect(page.getByTestId('qr-dialog')).toContainText('链接');
  await page.getByTestId('qr-dialog').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
});

for (const [file, name, cell, value] of [
  ['spreadsheet-scenario.json', '表格导出方案', 'growth-funds-taiqian-2024', '20.25'],
  ['reported-scenario.json', '2024年中期评估', 'report-city-2023', '463'],
  ['uncertain-scenario.json', '区间方案（ρ=0.6）', 'corr-year', '0.60'],
]) {
  test(`a link made outside the page (scripts/make_link.py) opens what importing ${file} gives`, async ({ page, browser, baseURL }) => {
    const { execFileSync } = await import('node:child_process');
    const fixture = new URL(`../fixtures/${file}`, import.meta.url).pathname;
    const script = new URL('../../scripts/make_link.py', import.meta.url).pathname;
    const link = execFileSync('python3', [script, fixture, '--base', baseURL]).toString().trim();
    await openPage(page, link);
    await expect(page.getByTestId('link-error')).toHaveCount(0);
    await expect(page.getByTestId('scenario-name')).toHaveValue(name);
    await probabilitiesShown(page, file);
    const viaLink = await verdicts(page);

    const ctx = await browser.newContext();
    const other = await ctx.newPage();
    await openPage(other, baseURL);
    await other.getByTestId('import-json').setInputFiles(fixture);
    await expect(other.getByTestId('scenario-note')).toContainText('已导入');
    await probabilitiesShown(other, file);
    expect(await verdicts(other)).toEqual(viaLink);
    await expect(other.getByTestId(cell)).toHaveValue(value);
    await ctx.close();
  });
}

test('golden links of every earlier format version still open on the verdicts they must give, with probabilities off', async ({ page }) => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const root = new URL('../golden/links/', import.meta.url);
  let opened = 0;
  for (const version of ['v1', 'v2', 'v3']) {
    const dir = new URL(`${version}/`, root);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.actual.json'))) {
      const golden = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      await openPage(page, `#s=${golden.code}`);
      await expect(page.getByTestId('link-error')).toHaveCount(0);
      await expect(page.getByTestId('uncertainty-toggle')).toHaveAttribute('aria-pressed', 'false');
      for (const v of golden.verdicts) {
        const card = page.getByTestId(`verdict-${v.indicator}`);
        await expect(card, `${version}/${file}`).toHaveAttribute('data-status', v.status);
        expect(Number(await card.getAttribute('data-projected')), `${version}/${file}`).toBeCloseTo(v.projected, 3);
        await expect(card).not.toHaveAttribute('data-probability', /.*/);
      }
      opened++;
    }
  }
  expect(opened).toBeGreaterThanOrEqual(18);
});
