// Workshop tools: undo and redo.
import { test, expect } from '@playwright/test';
import { openPage, projected, recordPrints } from './helpers.mjs';

test('undo and redo every change, by button and by keyboard; a drag is one step', async ({ page }) => {
  await openPage(page);
  await expect(page.getByTestId('undo')).toBeDisabled();
  const start = await projected(page, 'funds');
  const slider = page.getByTestId('growth-funds-fanxian-2024');
  await slider.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowDown');
  const afterDrag = await projected(page, 'funds');
  // The drag alone already misses the target: the preset must change the
  // figure itself. (A click that lands within a frame of the drag is the
  // case the settled views must not break.)
  await page.getByTestId('preset-zero').click();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  expect(await projected(page, 'funds')).toBeLessThan(afterDrag - 100);

  await page.getByTestId('undo').click();
  expect(await projected(page, 'funds')).toBe(afterDrag);
  await slider.focus();
  await page.keyboard.press('Control+z');
  expect(await projected(page, 'funds')).toBe(start);
  await expect(slider).toHaveValue('33.34');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  expect(await projected(page, 'funds')).toBe(afterDrag);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  await expect(page.getByTestId('redo')).toBeDisabled();

  // In a text field Ctrl+Z belongs to the field.
  await page.getByTestId('scenario-name').fill('甲');
  await page.getByTestId('scenario-name').press('Control+z');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
});

test('presentation mode: verdicts, the selected path large and the others small fill the screen; P and Esc toggle it', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPage(page);
  await page.getByTestId('scenario-name').click();
  await page.keyboard.type('第二组方案', { delay: 20 });
  // P (outside a text field) enters the mode, as a facilitator would.
  await page.getByTestId('scenario-name').press('Tab');
  await page.locator('body').press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.locator('.editor')).toHaveCount(0);
  await expect(page.getByTestId('presentation-name')).toContainText('第二组方案');
  // The selected indicator (funds) large: at least 40 % of the screen's
  // height, chart text at 2× its 11 px (22 px); the three others small.
  const large = page.getByTestId('presentation-path-funds');
  await expect(large).toHaveAttribute('data-draw-ms', /\d/);
  expect((await large.boundingBox()).height).toBeGreaterThanOrEqual(0.4 * 1080);
  expect(Number(await large.getAttribute('data-zoom'))).toBeGreaterThanOrEqual(2);
  for (const key of ['investment', 'capacity', 'value_added']) {
    await expect(page.getByTestId(`presentation-small-${key}`)).toHaveAttribute('data-draw-ms', /\d/);
  }
  // The switch shows another indicator large, staying in the mode.
  await page.getByTestId('present-value_added').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('presentation-path-value_added')).toHaveAttribute('data-draw-ms', /\d/);
  await expect(page.getByTestId('present-value_added')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('presentation-small-funds')).toHaveAttribute('data-draw-ms', /\d/);
  await expect(page.getByTestId('presentation')).toBeVisible();
  const big = await page.locator('[data-testid="verdict-funds"] .verdict-projected strong').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(big).toBeGreaterThanOrEqual(36);
  // Everything fits one screen.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await page.locator('body').press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await page.getByTestId('presentation-toggle').click();
  await expect(page.locator('.editor')).toHaveCount(1);
});

test('the results table downloads as CSV with a BOM, in the page language', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('scenario-name').fill('会商/方案');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toBe('倍增沙盘_结果_会商_方案.csv');
  const bytes = await (await import('node:fs')).promises.readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(161);
  expect(lines[0]).toContain('指标,单位,年份');
  // 237.5 × 1.12 × 1.15 × 1.20 × 1.294 = 475.0015.
  expect(lines).toContain('规上制造业增加值,全市合计,2026,,475.0015,,,是,475,,');
});

test('2022 bases can be edited, the sums compared with the plan, and a link carries them', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await page.getByTestId('indicator-capacity').click();
  await page.locator('[data-testid="bases-capacity"] summary').click();
  await expect(page.getByTestId('bases-note-capacity')).toContainText('一致');
  const field = page.getByTestId('base-capacity-jingkai');
  await expect(field).toHaveValue('202.5');
  await field.fill('２,５００.５');
  await expect(page.getByTestId('bases-total-capacity')).toHaveText('3423.0');
  await expect(page.getByTestId('bases-note-capacity')).toContainText('相差 +2298.0亿元');
  await expect(page.getByTestId('bases-note-capacity')).toContainText('2250亿元');
  await expect(page.getByTestId('illustrative-notice')).toContainText('自定义基数');
  // The target stays 2250; the projection grows from the new base.
  expect(Number(await page.getByTestId('verdict-capacity').getAttribute('data-projected'))).toBeGreaterThan(4000);
  for (const [text, message] of [['-5', '不小于 0'], ['abc', '无法识别'], ['2000000', '过大']]) {
    await field.fill(text);
    await expect(page.getByTestId('bases-capacity').locator('.field-error:visible')).toContainText(message);
    await expect(page.getByTestId('bases-total-capacity')).toHaveText('3423.0');
  }
  await field.blur();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-done')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await openPage(other, link);
  await other.getByTestId('indicator-capacity').click();
  // The bases editor loads when it is first opened.
  await other.getByTestId('bases-capacity').locator('summary').click();
  await expect(other.getByTestId('base-capacity-jingkai')).toHaveValue('2500.5');
  await ctx.close();
  await page.getByTestId('undo').click();
  await expect(field).toHaveValue('202.5');
});

test('bases pasted from a spreadsheet: preview, problems by row and column, all or nothing', async ({ page }) => {
  await openPage(page);
  await page.locator('[data-testid="bases-funds"] summary').click();
  const paste = page.getByTestId('import-paste');
  await paste.fill('单位\t招商引资到位资金\t产能\n华龙区\t３０.５\t1,200\n西区\t9\t9\n南乐县\tabc\t-1\n');
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('第 3 行第 1 列：未知单位“西区”');
  await expect(problems).toContainText('第 4 行第 2 列：不是数字“abc”');
  await expect(problems).toContainText('第 4 行第 3 列：负数“-1”');
  await expect(page.getByTestId('import-apply')).toBeDisabled();
  await expect(page.getByTestId('base-funds-hualong')).toHaveValue('28');

  await paste.fill('单位\t招商引资到位资金\t产能\n华龙区\t３０.５\t1,200\n濮阳经济技术开发区\t48\t\n');
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toContainText('30.5');
  await expect(page.getByTestId('import-apply')).toHaveText(/3/);
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('base-funds-hualong')).toHaveValue('30.5');
  await expect(page.getByTestId('base-funds-jingkai')).toHaveValue('48');
  // The bases stay open when another indicator is picked.
  await page.getByTestId('indicator-capacity').click();
  await expect(page.getByTestId('base-capacity-hualong')).toBeVisible();
  await expect(page.getByTestId('base-capacity-hualong')).toHaveValue('1200');
  // One step to undo.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('base-capacity-hualong')).toHaveValue('112.5');

  await page.getByTestId('import-csv').setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff县区,capacity\n"台前县","1,000"\n') });
  await expect(page.getByTestId('import-preview')).toContainText('1000.0');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('base-capacity-taiqian')).toHaveValue('1000');
});

test('the print layout is a one-page A4 briefing with name, link, QR, warning, report text, rates, verdicts, paths and units', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('scenario-name').fill('打印测试方案');
  await page.getByTestId('preset-zero').click();
  await page.emulateMedia({ media: 'print' });
  const briefing = page.getByTestId('print-briefing');
  await expect(briefing).toBeVisible();
  await expect(briefing).toContainText('打印测试方案');
  await expect(briefing).toContainText('#s=');
  await expect(briefing.locator('svg')).toBeVisible();
  await expect(page.locator('.editor')).toBeHidden();
  await expect(page.getByTestId('verdict-funds')).toBeVisible();
  await expect(page.getByTestId('overview-path-value_added')).toBeVisible();
  // The zero preset misses every target: the warning (illustrative bases),
  // the report paragraphs, the rates table of the indicator on screen with
  // its city row, and every unit against every doubling.
  await expect(briefing.getByTestId('briefing-warning')).toContainText('示意数据');
  const text = briefing.getByTestId('briefing-text');
  await expect(text.locator('p')).toHaveCount(4);
  // 280 × 1 × 1 = 280 against 560: a shortfall of 280 (50.0 %), 2024 needs +100 %.
  await expect(text.locator('p').first()).toHaveText(
    '按当前情景，2024年招商引资到位资金预计280.0亿元，较目标560亿元缺口280.0亿元（50.0%）；9个单位中0个实现翻番，' +
    '华龙区、濮阳县、清丰县、南乐县、范县、台前县、经开区、工业园区、示范区未达翻番；有9处年度增速低于底线；2024年全市还需增长100.00%。');
  const rates = briefing.getByTestId('briefing-rates');
  await expect(rates.locator('tbody tr')).toHaveCount(9);
  await expect(rates.locator('tbody tr').first()).toContainText('▼0.00');
  await expect(rates.locator('tfoot tr').last()).toContainText('全市合计');
  await expect(rates.locator('tfoot tr').last()).toContainText('−280.0');
  await expect(briefing.locator('.briefing-units tbody tr')).toHaveCount(9);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await (await import('node:fs')).promises.writeFile('test-results/briefing.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  expect(pages).toBe(1);
  await (await import('node:fs')).promises.writeFile('test-results/briefing.pdf', pdf);
});

test('the print button fills the briefing before the print dialog opens', async ({ page }) => {
  await openPage(page);
  const prints = await recordPrints(page);
  await page.getByTestId('print').click();
  await expect.poll(async () => (await prints()).length).toBe(1);
  expect((await prints())[0]).toContain('情景简报');
});

test('compare: pin A, edit B, see both verdicts, the differing inputs and A on the path chart', async ({ page }) => {
  await openPage(page);
  const before = await page.getByTestId('chart-path-funds').evaluate((c) => c.toDataURL());
  await page.getByTestId('compare-pin').click();
  await expect(page.getByTestId('compare')).toContainText('A 与 B 的输入相同');
  await page.getByTestId('growth-funds-gongye-2024').focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
  const row = page.getByTestId('compare-funds');
  await expect(row).toContainText('560.0');
  await expect(row).toContainText('✗ 未达标');
  // 工业园区 2022 base 36.4 × 1.5 = 54.6; 9.94 points less in 2024 (33.34 → 23.4): −5.43亿元.
  await expect(row).toContainText('−5.43亿元');
  await expect(page.getByTestId('compare-diffs')).toContainText('招商引资到位资金 · 工业园区 · 2024年：33.34% → 23.40%');
  // A's path is drawn in the path chart (purple).
  await expect.poll(() => page.getByTestId('chart-path-funds').evaluate((c) => c.toDataURL())).not.toEqual(before);
  const purple = await page.getByTestId('chart-path-funds').evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0x6a) < 12 && Math.abs(data[i + 1] - 0x3d) < 12 && Math.abs(data[i + 2] - 0x9a) < 12) n++;
    return n;
  });
  expect(purple).toBeGreaterThan(50);
  // A link pasted as B opens as B; a broken one says why.
  await page.getByTestId('compare-link').fill('#s=broken!');
  await page.getByTestId('compare-open').click();
  await expect(page.getByTestId('compare')).toContainText('无效字符');
  await page.getByTestId('compare-pin').click();
  await expect(page.getByTestId('compare')).toHaveCount(0);
});

test('solve: preview the smallest growth that meets every goal, then accept it', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  await page.getByTestId('preset-zero').click();
  await page.getByTestId('solve-value_added').click();
  // Uniform over all four years: 2^(1/4) − 1 = 18.92…% → 18.93 %.
  await expect(page.getByTestId('solve-result')).toHaveAttribute('data-bp', '1893');
  await expect(page.getByTestId('solve-result')).toContainText('18.93%');
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-status', 'missed');
  await page.getByTestId('solve-from').selectOption({ label: '2026年' });
  // With 2023–2025 at zero, 2026 alone must double: +100 %.
  await expect(page.getByTestId('solve-result')).toHaveAttribute('data-bp', '10000');
  await page.getByTestId('solve-from').selectOption({ label: '2023年' });
  await page.getByTestId('solve-mode').selectOption('shift');
  await expect(page.getByTestId('solve-result')).toHaveAttribute('data-bp', '1893');
  await page.getByTestId('solve-accept').click();
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-status', 'met');
  await expect(page.getByTestId('growth-value_added-shifan-2025')).toHaveValue('18.93');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-status', 'missed');
});
