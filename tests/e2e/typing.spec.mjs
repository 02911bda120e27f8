// Every keystroke counts: fields and sliders are typed into key by key, as
// people do, and must keep focus and every character whatever the cell's
// state does meanwhile (below or above a floor, an error shown or cleared,
// reported or open). Each check also proves the field is the same DOM node
// it was before the first key: a replaced node loses focus, caret and any
// composition in progress.
import { test, expect } from '@playwright/test';
import { openPage, projected } from './helpers.mjs';

/** Tags the element so that a test can tell whether it was replaced. */
async function tag(locator) {
  const id = `probe-${Math.random().toString(36).slice(2)}`;
  await locator.evaluate((el, v) => { el.dataset.probe = v; }, id);
  return id;
}

/** The focused element is still the tagged node. */
async function expectFocusKept(page, id) {
  expect(await page.evaluate((v) => document.activeElement?.dataset?.probe === v, id)).toBe(true);
}

/**
 * Clicks into a field, selects its text and types `text` one key at a time,
 * checking after every key that focus stayed on the same node.
 */
async function typeKeys(page, locator, text) {
  await locator.scrollIntoViewIfNeeded();
  const id = await tag(locator);
  await locator.click();
  await page.keyboard.press('ControlOrMeta+A');
  for (const ch of text) {
    await page.keyboard.type(ch, { delay: 30 });
    await expectFocusKept(page, id);
  }
  return id;
}

/** The typed field beside a slider. */
function typedField(page, testid) {
  return page.locator(`[data-testid="${testid}"] ~ .num-wrap input`);
}

test('typed growth keeps every digit across a floor, in a floor year and a target year', async ({ page }) => {
  const log = await openPage(page);
  // 华龙区 2023 of funds, floor 50 %: "6" is below it, "60" above.
  const field = typedField(page, 'growth-funds-hualong-2023');
  const id = await typeKeys(page, field, '60');
  await expect(field.locator('xpath=ancestor::div[contains(@class,"cell")]')).not.toHaveClass(/below/);
  await page.keyboard.press('Enter');
  await expectFocusKept(page, id);
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('60');
  await expect(field).toHaveValue('60');

  // 45, 55.5 and 48 against the 50 % floor, with Backspace in between.
  await typeKeys(page, field, '45');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('45');
  await expect(field.locator('xpath=ancestor::div[contains(@class,"cell")]')).toHaveClass(/below/);
  const again = await typeKeys(page, field, '55.5');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('55.5');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expectFocusKept(page, again);
  await expect(field).toHaveValue('55');
  await page.keyboard.press('Backspace');
  await expectFocusKept(page, again);
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('5');
  await page.keyboard.type('8', { delay: 30 });
  await expectFocusKept(page, again);
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('58');

  // Value added: floors in 2023-2025, the target in 2026 (no floor).
  await page.getByTestId('indicator-value_added').click();
  for (const [year, text, want] of [['2024', '14.5', '14.5'], ['2025', '25', '25'], ['2026', '5.25', '5.25']]) {
    const f = typedField(page, `growth-value_added-nanle-${year}`);
    await typeKeys(page, f, text);
    await expect(page.getByTestId(`growth-value_added-nanle-${year}`)).toHaveValue(want);
  }
  expect(log.errors).toEqual([]);
});

test('text that is not a number shows a message and the field keeps focus until it is fixed', async ({ page }) => {
  await openPage(page);
  const field = typedField(page, 'growth-funds-puyang-2023');
  const id = await typeKeys(page, field, '4x');
  const error = field.locator('xpath=ancestor::div[contains(@class,"cell")]').locator('.field-error');
  await expect(error).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // The last valid value, 4, stays in the model.
  await expect(page.getByTestId('growth-funds-puyang-2023')).toHaveValue('4');
  await page.keyboard.press('Backspace');
  await expectFocusKept(page, id);
  await expect(error).toBeHidden();
  await page.keyboard.type('9', { delay: 30 });
  await expectFocusKept(page, id);
  await expect(page.getByTestId('growth-funds-puyang-2023')).toHaveValue('49');
  // Leaving the field shows the value in the page's own format.
  await page.keyboard.press('Tab');
  await expect(field).toHaveValue('49.00');
});

test('arrow keys cross the floor on a slider, one step per press, keeping focus', async ({ page }) => {
  await openPage(page);
  const slider = page.getByTestId('growth-funds-puyang-2023');
  const id = await tag(slider);
  await slider.focus();
  const scroll = await page.evaluate(() => window.scrollY);
  const cell = slider.locator('xpath=ancestor::div[contains(@class,"cell")]');
  for (const [key, want, below] of [
    ['ArrowLeft', '49.9', true], ['ArrowLeft', '49.8', true], ['ArrowLeft', '49.7', true],
    ['ArrowRight', '49.8', true], ['ArrowRight', '49.9', true], ['ArrowRight', '50', false], ['ArrowUp', '50.1', false],
    ['PageDown', '49.1', true], ['PageUp', '50.1', false], ['ArrowDown', '50', false],
  ]) {
    await page.keyboard.press(key);
    await expect(slider).toHaveValue(want);
    await expectFocusKept(page, id);
    if (below) await expect(cell).toHaveClass(/below/);
    else await expect(cell).not.toHaveClass(/below/);
    // A screen reader hears the unit, the year, the value and a missed floor.
    const spoken = new RegExp(`^濮阳县 2023年 增速 ${want.replace('.', '\\.')}(\\.?0*)%${below ? ' 低于底线' : ''}$`);
    await expect(slider).toHaveAttribute('aria-valuetext', spoken);
  }
  // The keys moved the slider, not the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
  await page.getByTestId('lang-toggle').click();
  await expect(slider).toHaveAttribute('aria-valuetext', /^Puyang.* 2023 .*50(\.0+)?%$/);
});

test('two key presses that come before the page has drawn the first are two steps', async ({ page }) => {
  // A long render makes yew yield to the browser, and the browser runs
  // queued key presses before the render's continuation: the second press
  // then comes before the first one's render. Dispatching both presses in
  // one task makes that order certain.
  await openPage(page);
  const slider = page.getByTestId('growth-funds-hualong-2024');
  await slider.focus();
  // One press first puts the value on the 0.1 grid the keys step along.
  const opened = await slider.inputValue();
  await page.keyboard.press('PageDown');
  await expect(slider).not.toHaveValue(opened);
  const before = Number(await slider.inputValue());
  await page.evaluate(() => {
    const el = document.activeElement;
    for (let i = 0; i < 2; i++) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
    }
  });
  await expect(slider).toHaveValue(String(Math.round((before - 2) * 10) / 10));
  // And a person's presses after it, one at a time, go on from there.
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue(String(Math.round((before - 1.9) * 10) / 10));
});

test('a reported year: typed actual growth, levels and city figures keep focus across the floor', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('reported-2023').check();
  // Actual growth typed into the cell: 45 is below the 50 % floor.
  const actual = page.getByTestId('growth-funds-hualong-2023');
  await typeKeys(page, actual, '45');
  await expect(actual).toHaveValue('45');
  await expect(actual.locator('xpath=ancestor::div[contains(@class,"cell")]')).toHaveClass(/below/);
  await typeKeys(page, actual, '52.5');
  await expect(actual.locator('xpath=ancestor::div[contains(@class,"cell")]')).not.toHaveClass(/below/);

  // Levels per unit: 华龙区 28 → 40.6 is +45 % (below), 43.4 is +55 %.
  await page.getByTestId('report-kind-2023').selectOption('unit_levels');
  const level = page.getByTestId('level-funds-hualong-2023');
  await typeKeys(page, level, '40.6');
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '45.0000');
  await typeKeys(page, level, '43.4');
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '55.0000');

  // City-wide growth and city level.
  await page.getByTestId('report-kind-2023').selectOption('city_growth');
  const city = page.getByTestId('report-city-2023');
  await typeKeys(page, city, '48.5');
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '48.5000');
  await page.getByTestId('report-kind-2023').selectOption('city_level');
  const cityLevel = page.getByTestId('report-city-2023');
  await typeKeys(page, cityLevel, '420');
  // 420 ÷ 280 − 1 = 50 %.
  await expect(page.getByTestId('implied-funds-hualong-2023')).toHaveAttribute('data-implied', '50.0000');
  expect(await projected(page, 'funds')).toBeGreaterThan(0);
});

test('bases, the unallocated part, the source, bulk, the scenario name and the import preview keep focus', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('bases-funds').locator('summary').click();
  const base = page.getByTestId('base-funds-hualong');
  await typeKeys(page, base, '30.5');
  await expect(page.getByTestId('bases-total-funds')).toHaveText('282.5');
  // An empty field is an error, shown and cleared without losing focus.
  const id = await typeKeys(page, base, '3');
  await page.keyboard.press('Backspace');
  await expectFocusKept(page, id);
  await expect(base).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('29', { delay: 30 });
  await expectFocusKept(page, id);
  await expect(page.getByTestId('bases-total-funds')).toHaveText('281.0');

  await page.getByTestId('unallocated-add-funds').click();
  await typeKeys(page, page.getByTestId('unallocated-base-funds'), '12.5');
  await typeKeys(page, page.getByTestId('unallocated-growth-funds'), '7.5');
  await expect(page.getByTestId('unallocated-growth-funds')).toHaveValue('7.5');
  await expect(page.getByTestId('bases-total-funds')).toHaveText('293.5');

  await typeKeys(page, page.getByTestId('source-funds'), '2022年统计公报');
  await expect(page.getByTestId('source-funds')).toHaveValue('2022年统计公报');

  const bulk = page.getByTestId('bulk-value');
  await typeKeys(page, bulk, '12.5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('growth-funds-taiqian-2024')).toHaveValue('12.5');

  const name = page.getByTestId('scenario-name');
  await typeKeys(page, name, '第一组 方案A');
  await expect(name).toHaveValue('第一组 方案A');
  await page.keyboard.press('Backspace');
  await expect(name).toHaveValue('第一组 方案');

  const paste = page.getByTestId('import-paste');
  // Typed as CSV (a Tab key would leave the field): the preview appears
  // and grows under the caret.
  await typeKeys(page, paste, '单位,招商引资到位资金\n华龙区,31\n濮阳县,4');
  await expect(page.getByTestId('import-preview')).toContainText('4.00');
  await expect(paste).toHaveValue('单位,招商引资到位资金\n华龙区,31\n濮阳县,4');
});

test('a Chinese input method composing digits is not interrupted', async ({ page }) => {
  await openPage(page);
  const field = typedField(page, 'growth-funds-qingfeng-2023');
  await field.scrollIntoViewIfNeeded();
  const id = await tag(field);
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  const cdp = await page.context().newCDPSession(page);
  // Full-width digits composed, then committed, as a pinyin input method does.
  await cdp.send('Input.imeSetComposition', { text: '４', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '４５', selectionStart: 2, selectionEnd: 2 });
  await expectFocusKept(page, id);
  await cdp.send('Input.insertText', { text: '４５' });
  await expectFocusKept(page, id);
  await expect(page.getByTestId('growth-funds-qingfeng-2023')).toHaveValue('45');
  // A Chinese scenario name composed from pinyin.
  const name = page.getByTestId('scenario-name');
  const nameId = await tag(name);
  await name.click();
  await cdp.send('Input.imeSetComposition', { text: 'fang', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: "fang'an", selectionStart: 7, selectionEnd: 7 });
  await expectFocusKept(page, nameId);
  await cdp.send('Input.insertText', { text: '方案' });
  await expectFocusKept(page, nameId);
  await expect(name).toHaveValue('方案');
});

test('in English too: typed digits and slider keys keep focus across a floor', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const field = typedField(page, 'growth-funds-hualong-2023');
  await typeKeys(page, field, '48');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('48');
  await expect(field.locator('xpath=ancestor::div[contains(@class,"cell")]').locator('.flag')).toContainText('below floor');
  const slider = page.getByTestId('growth-funds-puyang-2023');
  const id = await tag(slider);
  await slider.focus();
  for (const want of ['49.9', '49.8']) {
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveValue(want);
    await expectFocusKept(page, id);
  }
  await page.getByTestId('reported-2023').check();
  await typeKeys(page, page.getByTestId('growth-funds-hualong-2023'), '44');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toHaveValue('44');
});
