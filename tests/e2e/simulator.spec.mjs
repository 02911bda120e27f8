// What a planner does on the page: read the verdicts, move sliders, type,
// set many cells, apply presets, switch language.
import { test, expect } from '@playwright/test';
import { INDICATORS, UNITS, openPage, projected, status } from './helpers.mjs';

test('the page opens on four verdicts with numbers, the plan path, and no errors', async ({ page }) => {
  const log = await openPage(page);
  const targets = { funds: 560, investment: 550, capacity: 2250, value_added: 475 };
  for (const key of INDICATORS) {
    const v = page.getByTestId(`verdict-${key}`);
    await expect(v).toHaveAttribute('data-status', 'met');
    await expect(v).toHaveAttribute('data-required', '');
    const p = await projected(page, key);
    // The default is the plan path: every target just met.
    expect(p).toBeGreaterThanOrEqual(targets[key]);
    expect(p).toBeLessThan(targets[key] * 1.001);
  }
  await expect(page.getByTestId('illustrative-notice')).toContainText('示意数据');
  await expect(page.locator('h1')).toContainText('倍增沙盘');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The funds grid: nine units by 2023-2024.
  for (const unit of UNITS) {
    for (const year of [2023, 2024]) {
      await expect(page.getByTestId(`growth-funds-${unit}-${year}`)).toHaveCount(1);
    }
  }
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('50');
  await expect(page.getByTestId('growth-funds-hualong-2024')).toHaveValue('33.34');
  expect(log.errors).toEqual([]);
});

test('keys step a slider by 0.1 and 1, and a verdict flips between met and missed', async ({ page }) => {
  await openPage(page);
  const slider = page.getByTestId('growth-funds-jingkai-2024');
  const before = await projected(page, 'funds');
  await slider.focus();
  await page.keyboard.press('ArrowDown');
  await expect(slider).toHaveValue('33.3');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  const after = await projected(page, 'funds');
  // 经开区 2022 base 50.4, ×1.5 in 2023 = 75.6; 0.04 points less growth in 2024.
  expect(after - before).toBeCloseTo(-75.6 * 0.0004, 3);
  const required = Number(await page.getByTestId('verdict-funds').getAttribute('data-required'));
  expect(required).toBeGreaterThan(33.333);
  expect(required).toBeLessThan(33.34);
  await page.keyboard.press('ArrowUp');
  await expect(slider).toHaveValue('33.4');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'met');
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveValue('32.4');
  await page.keyboard.press('End');
  await expect(slider).toHaveValue('150');
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('-30');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
});

test('dragging a slider updates the projection on every input event', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  const slider = page.getByTestId('growth-value_added-puyang-2026');
  await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await slider.boundingBox();
  const seen = new Set();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i <= 10; i++) {
    await page.mouse.move(box.x + box.width * (0.5 - i * 0.04), box.y + box.height / 2);
    seen.add(await projected(page, 'value_added'));
  }
  await page.mouse.up();
  expect(seen.size).toBeGreaterThan(5);
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-status', 'missed');
  // Dragged values land on the 0.1-point grid.
  expect(Number(await slider.inputValue()) * 10 % 1).toBeCloseTo(0, 6);
});

test('the unit table and the other charts catch up with a held arrow key once it rests', async ({ page }) => {
  await openPage(page);
  const contributions = () => page.locator('[data-testid="units-funds"] tbody td.contribution').evaluateAll(
    (cells) => cells.reduce((sum, c) => sum + Number(c.dataset.amount), 0),
  );
  const gap = page.getByTestId('chart-gap-funds');
  const labelBefore = await gap.getAttribute('aria-label');
  await expect.poll(contributions).toBeCloseTo((await projected(page, 'funds')) - 560, 2);

  // A held arrow key: presses closer together than a frame or two.
  await page.getByTestId('growth-funds-hualong-2024').focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowUp');
  const live = await projected(page, 'funds');
  // The unit table and the gap chart follow once the keys rest.
  await expect.poll(contributions).toBeCloseTo(live - 560, 2);
  await expect.poll(() => gap.getAttribute('aria-label')).not.toBe(labelBefore);
});

test('typed numbers accept full-width digits and refuse bad text at the field', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-investment').click();
  const slider = page.getByTestId('growth-investment-nanle-2023');
  const field = slider.locator('xpath=..').locator('input.num');
  await field.fill('１２.５％');
  await expect(slider).toHaveValue('12.5');
  // 12.5 % is below the 35 % floor of 2023: marked with text, not colour alone.
  const cell = slider.locator('xpath=..');
  await expect(cell).toHaveClass(/below/);
  await expect(cell.locator('.flag')).toContainText('低于底线');
  await expect(page.getByTestId('verdict-investment')).toContainText('1 低于底线');
  for (const [text, message] of [['abc', '无法识别'], ['200', '超出范围'], ['', '请输入数字']]) {
    await field.fill(text);
    await expect(cell.locator('.field-error')).toContainText(message);
    await expect(cell.locator('.field-error')).toContainText('已保留12.50%');
    await expect(slider).toHaveValue('12.5');
  }
  await field.fill('36,5');
  await expect(slider).toHaveValue('36.5');
  await expect(cell.locator('.field-error')).toBeHidden();
  await expect(cell).not.toHaveClass(/below/);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity|inf\b/);
});

test('bulk set a column, a row and every cell; presets and reset', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-capacity').click();
  await page.getByTestId('bulk-target').selectOption({ label: '整列：2025年' });
  await page.getByTestId('bulk-value').fill('10');
  await page.getByTestId('bulk-apply').click();
  for (const unit of UNITS) await expect(page.getByTestId(`growth-capacity-${unit}-2025`)).toHaveValue('10');
  await expect(page.getByTestId('growth-capacity-hualong-2024')).toHaveValue('30');
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'missed');

  await page.getByTestId('bulk-target').selectOption({ label: '整行：范县' });
  await page.getByTestId('bulk-value').fill('-5');
  await page.getByTestId('bulk-value').press('Enter');
  for (const year of [2023, 2024, 2025]) await expect(page.getByTestId(`growth-capacity-fanxian-${year}`)).toHaveValue('-5');

  await page.getByTestId('bulk-value').fill('999');
  await page.getByTestId('bulk-apply').click();
  await expect(page.locator('.bulk .field-error')).toContainText('超出范围');
  await expect(page.getByTestId('growth-capacity-fanxian-2023')).toHaveValue('-5');

  await page.getByTestId('preset-uniform').click();
  for (const unit of UNITS) await expect(page.getByTestId(`growth-capacity-${unit}-2023`)).toHaveValue('26');
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'met');
  await page.getByTestId('preset-zero').click();
  await expect(page.getByTestId('verdict-capacity')).toHaveAttribute('data-status', 'missed');
  expect(await projected(page, 'capacity')).toBeCloseTo(1125, 6);
  // Zero on capacity leaves the other indicators as they were.
  await expect(page.getByTestId('verdict-investment')).toHaveAttribute('data-status', 'met');
  await page.getByTestId('preset-all').check();
  await page.getByTestId('preset-zero').click();
  for (const key of INDICATORS) await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-status', 'missed');
  await page.getByTestId('preset-plan-path').click();
  for (const key of INDICATORS) await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-status', 'met');
  await page.getByTestId('preset-zero').click();
  await page.getByTestId('preset-reset').click();
  for (const key of INDICATORS) await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-status', 'met');
});

test('the language toggle switches every label to English and back', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toContainText('Doubling Sandbox');
  await expect(page.getByTestId('verdict-funds')).toContainText('Funds attracted');
  await expect(page.getByTestId('verdict-funds')).toContainText('Met');
  await expect(page.getByTestId('indicator-value_added')).toContainText('Value added');
  await expect(page.getByTestId('illustrative-notice')).toContainText('Illustrative data');
  // No Chinese left in the interface but unit names' own script in the plan title line.
  const main = await page.locator('.verdicts, .workspace').allInnerTexts();
  expect(main.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('h1')).toContainText('倍增沙盘');
});

test('the page asks nothing of any other host and breaks no content-security rule', async ({ page, baseURL }) => {
  const log = await openPage(page);
  await page.getByTestId('growth-funds-hualong-2024').focus();
  await page.keyboard.press('PageUp');
  const origin = new URL(baseURL).origin;
  expect(log.requests.length).toBeGreaterThan(2);
  for (const url of log.requests) {
    if (url.startsWith('data:')) continue;
    expect(new URL(url).origin).toBe(origin);
  }
  expect(log.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('a 390-wide phone gets the whole page without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.getByTestId('growth-funds-taiqian-2024').focus();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
});

for (const [width, height, indicator] of [[1366, 768, 'funds'], [390, 844, 'funds'], [1366, 768, 'value_added'], [390, 844, 'value_added']]) {
  test(`the first frame holds what is above the fold; the grid follows in its place (${width} wide, ${indicator})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        const standIn = document.querySelector('.grid-stand-in');
        if (!standIn) return;
        obs.disconnect();
        window.__first = {
          standInTop: standIn.getBoundingClientRect().top,
          below: document.querySelector('.unit-results').getBoundingClientRect().top,
        };
      }).observe(document, { subtree: true, childList: true });
    });
    let link = '';
    if (indicator !== 'funds') {
      // A link that opens on another indicator (its grid has more years).
      await openPage(page);
      const hash = () => page.evaluate(() => location.hash);
      await expect.poll(hash).toMatch(/^#s=/);
      const opened = await hash();
      await page.getByTestId(`indicator-${indicator}`).click();
      await expect.poll(hash).not.toBe(opened);
      link = page.url();
      await page.goto('about:blank');
    }
    await openPage(page, link);
    await expect(page.getByTestId('grid-' + indicator)).toBeVisible();
    const first = await page.evaluate(() => window.__first);
    expect(first, 'the grid\'s stand-in was in the first render').toBeDefined();
    // The grid is not in the first frame (its stand-in is), whose screen
    // shows at most the top strip of its place.
    expect(first.standInTop).toBeGreaterThan(height - 100);
    // Its stand-in holds about its height, so what follows it hardly moves.
    const below = await page.locator('.unit-results').evaluate((e) => e.getBoundingClientRect().top);
    expect(Math.abs(below - first.below)).toBeLessThan(80);
    expect(await page.locator('.grid-stand-in').count()).toBe(0);
  });
}

test('a panic in Rust shows a visible error instead of a dead page', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('#fatal')).toBeHidden();
  const js = await page.locator('script[data-js]').getAttribute('data-js');
  await page.evaluate(async (src) => {
    const glue = await import(new URL(src, document.baseURI).href);
    try {
      glue.simulate_panic_for_tests();
    } catch (e) {
      // With panic = "abort" the wasm traps after the hook has run.
    }
  }, js);
  await expect(page.locator('#fatal')).toBeVisible();
  await expect(page.locator('#fatal')).toContainText('页面出错');
  await expect(page.locator('#fatal .fatal-detail')).toContainText('simulated panic');
});
