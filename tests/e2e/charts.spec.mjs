// Charts in the browser: drawn, crisp, following their container, redrawn
// on every slider step, described for screen readers, downloadable.
import { test, expect } from '@playwright/test';
import { INDICATORS, UNITS, openPage } from './helpers.mjs';

/** Rows of the canvas (device pixels) where at least `share` of the pixels are near `rgb`. */
async function rowsOfColour(page, testid, rgb, share = 0.5) {
  return page.getByTestId(testid).evaluate((c, [rgb, share]) => {
    const ctx = c.getContext('2d');
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    const rows = [];
    for (let y = 0; y < height; y++) {
      let n = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (Math.abs(data[i] - rgb[0]) < 40 && Math.abs(data[i + 1] - rgb[1]) < 40 && Math.abs(data[i + 2] - rgb[2]) < 40) n++;
      }
      if (n >= width * share) rows.push(y);
    }
    return rows;
  }, [rgb, share]);
}

async function nonWhite(page, testid) {
  return page.getByTestId(testid).evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) n++;
    return n / (data.length / 4);
  });
}

const TARGET_RED = [0xb3, 0x26, 0x1e];

test('every chart of the shown indicator and every small multiple is drawn', async ({ page }) => {
  const log = await openPage(page);
  for (const kind of ['path', 'units', 'floors']) {
    const c = page.getByTestId(`chart-${kind}-funds`);
    await expect(c).toHaveAttribute('data-draw-ms', /\d/);
    expect(await nonWhite(page, `chart-${kind}-funds`)).toBeGreaterThan(0.05);
    await expect(c).toHaveAttribute('aria-label', /招商引资到位资金/);
  }
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`overview-path-${key}`)).toHaveAttribute('data-draw-ms', /\d/);
  }
  // The target line: a red row across most of the path chart's plot.
  const rows = await rowsOfColour(page, 'chart-path-funds', TARGET_RED, 0.6);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(4);
  // 560 on an axis that runs 0..700 puts the line in the upper half of the plot.
  const height = await page.getByTestId('chart-path-funds').evaluate((c) => c.height);
  expect(rows[0] / height).toBeGreaterThan(0.1);
  expect(rows[0] / height).toBeLessThan(0.5);
  expect(log.errors).toEqual([]);
});

test('moving a slider redraws the charts', async ({ page }) => {
  await openPage(page);
  const snap = () => page.getByTestId('chart-path-funds').evaluate((c) => c.toDataURL());
  const snapUnits = () => page.getByTestId('chart-units-funds').evaluate((c) => c.toDataURL());
  const snapMini = () => page.getByTestId('overview-path-funds').evaluate((c) => c.toDataURL());
  const [a, b, m] = [await snap(), await snapUnits(), await snapMini()];
  const other = await page.getByTestId('overview-path-capacity').evaluate((c) => c.toDataURL());
  await page.getByTestId('growth-funds-puyang-2024').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-status', 'missed');
  // Charts paint on the next animation frame.
  await expect.poll(snap).not.toEqual(a);
  await expect.poll(snapUnits).not.toEqual(b);
  await expect.poll(snapMini).not.toEqual(m);
  // Another indicator's small multiple is left alone.
  expect(await page.getByTestId('overview-path-capacity').evaluate((c) => c.toDataURL())).toEqual(other);
  await expect(page.getByTestId('chart-units-funds')).toHaveAttribute('aria-label', /8\/9/);
});

test("the path chart's table follows a slider step", async ({ page }) => {
  await openPage(page);
  const table = page.locator('.charts .chart-path .sr-only table');
  const before = Number(await page.getByTestId('verdict-funds').getAttribute('data-projected'));
  await expect(table).toContainText(before.toFixed(1));
  await page.getByTestId('growth-funds-puyang-2024').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const after = Number(await page.getByTestId('verdict-funds').getAttribute('data-projected'));
  expect(after.toFixed(1)).not.toEqual(before.toFixed(1));
  // The 2024 city total in the table is the verdict's, and the old one is gone.
  await expect(table).toContainText(after.toFixed(1));
  await expect(table).not.toContainText(before.toFixed(1));
});

test('charts are sharp on HiDPI screens and follow the window width', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await openPage(page, baseURL);
  const dims = () =>
    page.getByTestId('chart-path-funds').evaluate((c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight }));
  let d = await dims();
  expect(d.w).toBe(2 * d.cw);
  expect(d.h).toBe(2 * d.ch);
  const wide = d.cw;
  await page.setViewportSize({ width: 800, height: 900 });
  await expect.poll(async () => (await dims()).cw).not.toBe(wide);
  d = await dims();
  expect(d.w).toBe(2 * d.cw);
  expect(d.cw).toBeLessThanOrEqual(800);
  await ctx.close();
});

test('charts download as SVG and PNG named after indicator and scenario', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('indicator-value_added').click();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-svg-path-value_added').click()]);
  expect(svg.suggestedFilename()).toMatch(/^倍增沙盘_value_added_path_未命名情景_\d{4}-\d{2}-\d{2}\.svg$/);
  const text = await (await import('node:fs')).promises.readFile(await svg.path(), 'utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('规上制造业增加值：全市合计路径（亿元）');
  expect(text).toContain('目标 475亿元');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-png-floors-value_added').click()]);
  expect(png.suggestedFilename()).toMatch(/^倍增沙盘_value_added_floors_未命名情景_\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = await (await import('node:fs')).promises.readFile(await png.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('an SVG download is the chart on screen, just after a slider step and with A pinned', async ({ page }) => {
  await openPage(page);
  const readSvg = async (testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return (await import('node:fs')).promises.readFile(await file.path(), 'utf8');
  };
  await page.getByTestId('compare-pin').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  // Keys straight before the click: the download must not lag behind.
  await page.getByTestId('growth-funds-puyang-2024').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const gap = await page.getByTestId('verdict-funds').locator('.verdict-gap strong').innerText();
  const svg = await readSvg('download-svg-path-funds');
  expect(svg).toContain(`超出 ${gap}`);
  expect(svg).toContain('A（已固定）');
  const units = await readSvg('download-svg-units-funds');
  expect(units).toContain('各单位翻番倍数，由低到高');
  await page.getByTestId('lang-toggle').click();
  expect(await readSvg('download-svg-gap-funds')).toContain('Funds attracted');
});

test('an SVG download that cannot load its drawing says so, and the next click downloads', async ({ page, context }) => {
  await openPage(page);
  await context.route(/extras_bg\.wasm/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.getByTestId('download-svg-floors-funds').click();
  const problem = page.locator('.chart-floors .field-error');
  await expect(problem).toContainText('这部分功能未能加载');
  await expect(problem).toHaveAttribute('role', 'alert');
  await context.unroute(/extras_bg\.wasm/);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-svg-floors-funds').click()]);
  expect(file.suggestedFilename()).toMatch(/_funds_floors_.*\.svg$/);
  await expect(problem).toHaveCount(0);
});

test('chart labels follow the language', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('chart-path-funds')).toHaveAttribute('aria-label', /Funds attracted: City total path/);
  await expect(page.getByTestId('chart-floors-funds')).toHaveAttribute('aria-label', /Growth against the annual floors/);
  const caption = await page.locator('.chart-units .sr-only caption').innerText();
  expect(caption).toContain('Units against their own doubling');
});

test('the path chart is drawn in the first frame that shows the verdicts, also at 4× CPU', async ({ page }) => {
  // At 4× CPU the first render is long enough that yew yields to the
  // browser before it runs effects; a drawing asked for by an effect came
  // a frame later than the page.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__frame = 0;
    const tick = () => {
      window.__frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const v = document.querySelector('[data-testid="verdict-funds"][data-projected]');
      if (v && window.__verdictsFrame === undefined) window.__verdictsFrame = window.__frame;
    }).observe(document, { subtree: true, childList: true, attributes: true });
    for (const name of ['fillRect', 'fillText', 'stroke', 'fill']) {
      const original = CanvasRenderingContext2D.prototype[name];
      CanvasRenderingContext2D.prototype[name] = function (...args) {
        if (this.canvas.dataset.testid === 'chart-path-funds' && window.__chartFrame === undefined) {
          window.__chartFrame = window.__frame;
        }
        return original.apply(this, args);
      };
    }
  });
  await openPage(page);
  await expect.poll(() => page.evaluate(() => window.__chartFrame)).toBeDefined();
  const { verdicts, chart } = await page.evaluate(() => ({ verdicts: window.__verdictsFrame, chart: window.__chartFrame }));
  // The verdicts enter the page between frames; the next frame draws the chart.
  expect(chart).toBe(verdicts + 1);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

// A path chart keeps its back (title, axes, labels, legend) and copies it
// while a step leaves it as it was; the chart must then be the very pixels
// a fresh drawing of the same scenario gives, in both languages, also after
// a step that changes the axis (the back drawn again).
test('a kept chart back gives the same pixels as a fresh drawing', async ({ page, browser }) => {
  const charts = ['chart-path-funds', ...INDICATORS.map((k) => `overview-path-${k}`)];
  const pixels = (p) => Promise.all(charts.map((id) => p.getByTestId(id).evaluate((c) => c.toDataURL())));
  // The charts once nothing redraws them any more (the small multiples
  // follow just after a step's frame).
  const settled = async (p) => {
    let last = await pixels(p);
    for (let i = 0; i < 20; i++) {
      await p.waitForTimeout(200);
      const now = await pixels(p);
      if (now.every((u, k) => u === last[k])) return now;
      last = now;
    }
    throw new Error('the charts kept changing');
  };
  const drawn = (p) => p.getByTestId('chart-path-funds').getAttribute('data-draw-ms');
  const log = await openPage(page);
  await settled(page);
  // How the main chart's back came in each drawing since the last reset.
  const backs = () => page.evaluate(() => window.__backs.splice(0));
  await page.getByTestId('chart-path-funds').evaluate((c) => {
    window.__backs = [];
    new MutationObserver(() => window.__backs.push(c.dataset.back)).observe(c, { attributeFilter: ['data-draw-ms'] });
  });
  // Small steps keep the back; every unit at the highest growth raises
  // the axis, and the back is drawn again.
  const steps = [
    [['puyang'], ['ArrowRight', 'ArrowRight', 'ArrowLeft'], (seen) => expect(seen.every((b) => b === 'kept')).toBe(true)],
    [UNITS, ['End'], (seen) => expect(seen).toContain('drawn')],
  ];
  for (const [units, keys, check] of steps) {
    const before = await drawn(page);
    await backs();
    for (const unit of units) {
      await page.getByTestId(`growth-funds-${unit}-2024`).focus();
      for (const key of keys) await page.keyboard.press(key);
    }
    await expect.poll(() => drawn(page)).not.toBe(before);
    await settled(page);
    const seen = await backs();
    expect(seen.length).toBeGreaterThan(0);
    check(seen);
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') await page.getByTestId('lang-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : /^zh/);
      const kept = await settled(page);
      const fresh = await browser.newPage({ viewport: page.viewportSize() });
      await openPage(fresh, page.url());
      const again = await settled(fresh);
      await fresh.close();
      charts.forEach((id, i) => expect(kept[i] === again[i], `${id} (${lang}, after ${keys.join(' ')} on ${units.join(', ')})`).toBe(true));
      if (lang === 'en') await page.getByTestId('lang-toggle').click();
    }
  }
  expect(log.errors).toEqual([]);
});
