// Accessibility: an axe-core audit of every view in both languages, a
// keyboard walk that checks the focus is always visible and never under the
// sticky verdict strip, the QR dialog's focus, contrast of the controls, the
// reduced-motion and more-contrast preferences, zoom to 200 % and 320 px, and
// pointer targets (axe's target-size rule, WCAG 2.5.8).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openPage, recordPrints } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is; fails naming each rule and where. */
async function audit(page, what, { rules = null } = {}) {
  let builder = new AxeBuilder({ page });
  builder = rules ? builder.withRules(rules) : builder.withTags(TAGS);
  const { violations } = await builder.analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(found, `axe violations in ${what}: ${violations.map((v) => v.id).join(', ')}`).toEqual([]);
}

/** Switches the page language and waits for it to be in place. */
async function toEnglish(page) {
  await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

// Each view is opened as a person would, audited in Chinese, switched to
// English and audited again. A modal view (`modal`) is closed with Esc for
// the switch, which it covers, and opened again.
const VIEWS = {
  main: async () => {},
  compare: async (page) => {
    await page.getByTestId('compare-pin').click();
    await page.getByTestId('growth-funds-puyang-2024').focus();
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('compare')).toBeVisible();
    await expect(page.getByTestId('compare').locator('table')).toBeVisible();
  },
  'bases editor and import preview': async (page) => {
    await page.getByTestId('bases-funds').locator('summary').click();
    await page.getByTestId('import-paste').click();
    await page.keyboard.type('单位,招商引资到位资金\n华龙区,31\n西区,9', { delay: 5 });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('import-problems')).toBeVisible();
  },
  'reported years': async (page) => {
    await page.getByTestId('reported-2023').check();
    await page.getByTestId('report-kind-2023').selectOption('unit_levels');
    await expect(page.getByTestId('level-funds-hualong-2023')).toBeVisible();
  },
  'solve panel': async (page) => {
    await page.getByTestId('solve-funds').click();
    await expect(page.getByTestId('solve-result')).toBeVisible();
  },
  'probabilities and the ranges panel': async (page) => {
    await page.getByTestId('uncertainty-toggle').click();
    await page.getByTestId('indicator-value_added').click();
    await expect(page.getByTestId('ranges-panel')).toBeVisible();
    await expect(page.getByTestId('confidence-result')).toHaveAttribute('data-bp', /\d/);
    await page.getByTestId('range-value_added-nanle-2026').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('-1');
    await expect(page.getByTestId('ranges-panel').locator('.field-error:not([hidden])')).toHaveCount(1);
    await expect(page.locator('.verdict-chance[aria-busy]')).toHaveCount(0);
  },
  'workshop view: pledges, a note and a refused link': async (page) => {
    await page.getByTestId('workshop-toggle').click();
    await page.getByTestId('workshop-add-current').click();
    await expect(page.getByTestId('workshop-entry')).toHaveCount(1);
    await page.getByTestId('workshop-paste').focus();
    await page.keyboard.insertText('坏链接 #s=BAIh5Y6_5Yy65Lya5ZWG5pa55qGIIELvvIgyMDI0LTAz');
    await page.getByTestId('workshop-add-paste').click();
    await expect(page.getByTestId('workshop-error')).toHaveCount(1);
    await expect(page.getByTestId('workshop-combined-funds')).toBeVisible();
  },
  'workshop view: proposals, median and spread, two rounds': async (page) => {
    await page.getByTestId('workshop-toggle').click();
    await page.getByTestId('workshop-add-current').click();
    await page.getByTestId('workshop-new-round').click();
    await page.getByTestId('workshop-add-current').click();
    await page.getByTestId('workshop-mode').selectOption('proposals');
    await expect(page.getByTestId('workshop-spread')).toBeVisible();
    await expect(page.getByTestId('workshop-versus')).toBeVisible();
  },
  'workshop presentation': async (page) => {
    await page.getByTestId('workshop-toggle').click();
    await page.getByTestId('workshop-add-current').click();
    await page.getByTestId('presentation-toggle').click();
    await expect(page.getByTestId('workshop-meets-funds')).toBeVisible();
  },
  'QR dialog': Object.assign(async (page) => {
    await page.getByTestId('show-qr').click();
    await expect(page.getByTestId('qr-dialog').locator('svg')).toBeVisible();
  }, { modal: true }),
};

for (const [name, open] of Object.entries(VIEWS)) {
  test(`axe finds no violation: ${name}, in Chinese and in English`, async ({ page }) => {
    await openPage(page);
    await open(page);
    await audit(page, `${name} (zh)`);
    if (open.modal) await page.keyboard.press('Escape');
    await toEnglish(page);
    if (open.modal) await open(page);
    await audit(page, `${name} (en)`);
  });
}

test('axe finds no violation: presentation mode, in Chinese and in English, at 1920 and 1366', async ({ page }) => {
  for (const [w, h] of [[1920, 1080], [1366, 768]]) {
    await page.setViewportSize({ width: w, height: h });
    await openPage(page);
    await page.locator('body').press('p');
    await expect(page.getByTestId('presentation-path-funds')).toHaveAttribute('data-draw-ms', /\d/);
    await audit(page, `presentation ${w} (zh)`);
    await page.keyboard.press('Escape');
    await toEnglish(page);
    await page.locator('body').press('p');
    await expect(page.getByTestId('presentation')).toBeVisible();
    await audit(page, `presentation ${w} (en)`);
  }
});

test('axe finds no violation: the print briefing, in Chinese and in English', async ({ page }) => {
  await openPage(page);
  const prints = await recordPrints(page);
  await page.getByTestId('print').click();
  await expect.poll(async () => (await prints()).length).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-briefing')).toBeVisible();
  await audit(page, 'print briefing (zh)');
  await page.emulateMedia({ media: 'screen' });
  await toEnglish(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-briefing')).toContainText('Scenario briefing');
  await audit(page, 'print briefing (en)');
});

test('axe finds no violation on a phone and at 200 % zoom', async ({ page }) => {
  for (const [w, h] of [[390, 844], [683, 384], [320, 640]]) {
    await page.setViewportSize({ width: w, height: h });
    await openPage(page);
    await audit(page, `main ${w}×${h} (zh)`);
  }
});

test('with more contrast asked for, all text reaches 7:1 (axe color-contrast-enhanced)', async ({ page }) => {
  await page.emulateMedia({ contrast: 'more' });
  await openPage(page);
  await audit(page, 'main, prefers-contrast: more', { rules: ['color-contrast-enhanced'] });
  await page.locator('body').press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await audit(page, 'presentation, prefers-contrast: more', { rules: ['color-contrast-enhanced'] });
});

/**
 * Where the focus is and whether a person can see it: its box, its ring
 * (outline), and whether the sticky verdict strip or the window's edge
 * covers any of it.
 */
function focusFacts() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const strip = document.querySelector('.verdicts');
  const s = strip && getComputedStyle(strip).position === 'sticky' && !strip.contains(el) ? strip.getBoundingClientRect() : null;
  const under = s && r.top < s.bottom - 0.5 && r.bottom > s.top + 0.5 && r.left < s.right && r.right > s.left;
  const text = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 24) || el.tagName;
  const name = el.dataset.testid || `in:${el.parentElement.closest('[data-testid]')?.dataset.testid ?? ''}:${text}`;
  // A box taller than the room below the strip (a table that scrolls
  // sideways, which Chromium makes a tab stop) cannot be seen whole: it
  // must show a part of itself below the strip.
  const free = s ? s.bottom : 0;
  const big = r.height > innerHeight - free;
  return {
    name,
    ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
    inView: big
      ? r.top < innerHeight - 24 && r.bottom > free + 24 && r.left >= -0.5 && r.right <= innerWidth + 0.5
      : r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5,
    under: Boolean(under) && !big,
    size: r.width >= 1 && r.height >= 1,
    box: [r.left, r.top, r.right, r.bottom].map(Math.round).join(','),
  };
}

/**
 * Tabs through the whole page once, then Shift+Tabs back to the start
 * (going up, the browser brings each control in at the top, where the strip
 * is); returns the names in forward order.
 */
async function tabWalk(page, where) {
  const names = [];
  const problems = [];
  const check = (f, key) => {
    if (!f.ring || !f.inView || f.under || !f.size) {
      const what = [!f.ring && 'no ring', !f.inView && 'off screen', f.under && 'under the verdict strip', !f.size && 'no size'];
      problems.push(`${key} to ${f.name} at ${f.box}: ${what.filter(Boolean).join(', ')}`);
    }
  };
  // The page keeps its scroll padding at the strip's height from its first
  // idle moment on (assets/boot.js): within a second, before anyone tabs far.
  await expect.poll(() => page.evaluate(() => document.documentElement.style.scrollPaddingTop)).toMatch(/^\d+(\.\d+)?px$/);
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusFacts);
    if (!f) continue;
    if (names.length > 3 && f.name === names[0]) break;
    names.push(f.name);
    check(f, 'Tab');
  }
  // Back from the last control to the first.
  await page.keyboard.press('Shift+Tab');
  for (let i = names.length - 2; i >= 0; i--) {
    await page.keyboard.press('Shift+Tab');
    const f = await page.evaluate(focusFacts);
    if (f) check(f, 'Shift+Tab');
  }
  expect(problems, `focus hidden or unmarked (${where})`).toEqual([]);
  return names;
}

for (const [w, h, label, english] of [[1366, 768, 'a laptop'], [1366, 768, 'a laptop in English', true], [390, 844, 'a phone'],
  [683, 384, '200 % zoom on a laptop'], [683, 384, '200 % zoom in English', true]]) {
  test(`Tab walks the whole page on ${label} in order, the focus always ringed and never under the verdict strip`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: w === 683 ? 2 : 1 });
    const page = await context.newPage();
    await openPage(page);
    if (english) {
      await toEnglish(page);
      // Back to the top, and a click on the page's blank margin there: the
      // next Tab starts from the top, as after opening the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.click(2, 2);
    }
    const names = await tabWalk(page, label);
    const at = (name) => {
      const i = names.findIndex((n) => n === name || n.startsWith(name));
      expect(i, `${name} is reached by Tab`).toBeGreaterThanOrEqual(0);
      return i;
    };
    // The reading order: skip link, header, scenario, verdicts, tabs,
    // tools, the grid by unit and year, results, charts.
    const order = ['skip-to-grid', 'copy-link', 'lang-toggle', 'scenario-name', 'in:verdict-funds', 'indicator-funds',
      'preset-zero', 'solve-funds', 'bulk-value', 'growth-funds-hualong-2023', 'growth-funds-hualong-2024', 'growth-funds-shifan-2024',
      'download-svg-path-funds'];
    const where = order.map(at);
    expect(where, order.join(' < ')).toEqual([...where].sort((a, b) => a - b));
    expect(names.length).toBeGreaterThan(60);
    await context.close();
  });
}

test('the skip link takes the keyboard to the first slider, in view', async ({ page }) => {
  await openPage(page);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-to-grid')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('growth-funds-hualong-2023')).toBeFocused();
  const f = await page.evaluate(focusFacts);
  expect(f.inView && !f.under && f.ring, JSON.stringify(f)).toBe(true);
});

test('the QR dialog takes the focus, keeps Tab inside, and gives it back on Esc and on Close', async ({ page }) => {
  await openPage(page);
  const button = page.getByTestId('show-qr');
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('qr-dialog');
  await expect(dialog.locator('svg')).toBeVisible();
  const close = dialog.getByRole('button', { name: '关闭' });
  await expect(close).toBeFocused();
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Tab']) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => document.querySelector('[data-testid="qr-dialog"]').contains(document.activeElement)), key).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(close).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

/**
 * What would be cut off or need a sideways scroll: the page's own width,
 * and every shown element that pokes out of the window, except inside a
 * box that scrolls sideways by design (the grid on a narrow screen).
 */
function reflowProblems() {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.sr-only, [hidden], .print-only')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > innerWidth + 1 || r.left < -1) && !scrolls(el)) {
      const id = el.dataset.testid || el.className || el.tagName;
      problems.push(`${el.tagName.toLowerCase()}.${id} spans ${Math.round(r.left)}…${Math.round(r.right)} of ${innerWidth}`);
    }
  }
  return [...new Set(problems)].slice(0, 12);
}

for (const [w, h, dpr, label] of [[683, 384, 2, '200 % zoom on a 1366×768 laptop'], [320, 640, 1, 'a 320 px wide window']]) {
  test(`at ${label} nothing is cut off and only the grid scrolls sideways, in both languages and with the panels open`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    await openPage(page);
    expect(await page.evaluate(reflowProblems), 'main (zh)').toEqual([]);
    await page.getByTestId('compare-pin').click();
    await expect(page.getByTestId('compare').locator('table')).toBeVisible();
    await page.getByTestId('solve-funds').click();
    await expect(page.getByTestId('solve-result')).toBeVisible();
    await page.getByTestId('bases-funds').locator('summary').click();
    await page.getByTestId('import-paste').click();
    await page.keyboard.type('单位,招商引资到位资金\n华龙区,31', { delay: 5 });
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await page.getByTestId('reported-2023').check();
    await page.getByTestId('report-kind-2023').selectOption('unit_levels');
    expect(await page.evaluate(reflowProblems), 'panels open (zh)').toEqual([]);
    await page.getByTestId('lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(reflowProblems), 'panels open (en)').toEqual([]);
    await page.getByTestId('show-qr').click();
    await expect(page.getByTestId('qr-dialog').locator('svg')).toBeVisible();
    expect(await page.evaluate(reflowProblems), 'QR dialog (en)').toEqual([]);
    await context.close();
  });
}

test('fields, sliders and the focus ring stand at least 3:1 against their ground', async ({ page }) => {
  await openPage(page);
  await page.getByTestId('bases-funds').locator('summary').click();
  await expect(page.getByTestId('import-paste')).toBeVisible();
  const low = await page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const ground = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const c = rgb(getComputedStyle(p).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    const focus = rgb(getComputedStyle(document.documentElement).getPropertyValue('--focus').trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `${parseInt(r, 16)},${parseInt(g, 16)},${parseInt(b, 16)}`));
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (!el.checkVisibility() || el.type === 'checkbox' || el.type === 'file') continue;
      const cs = getComputedStyle(el);
      const edge = el.type === 'range' ? rgb(cs.accentColor) : rgb(cs.borderTopColor);
      const g = ground(el);
      const r = ratio(edge, g);
      if (r < 3) out.push(`${el.dataset.testid || el.className}: ${r.toFixed(2)}:1`);
      if (ratio(focus, g) < 3) out.push(`focus ring on ${el.dataset.testid || el.className}: ${ratio(focus, g).toFixed(2)}:1`);
    }
    return [...new Set(out)];
  });
  expect(low).toEqual([]);
});

test('nothing moves: no animation or transition runs, with reduced motion asked for or not', async ({ page }) => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    await page.emulateMedia({ reducedMotion });
    await openPage(page);
    const running = async (what) => expect(await page.evaluate(() => document.getAnimations().map((a) => a.animationName || a.transitionProperty || 'animation')), what).toEqual([]);
    const slider = page.getByTestId('growth-funds-puyang-2024');
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await running('after a slider step');
    await page.getByTestId('indicator-capacity').click();
    await running('after a tab');
    await page.getByTestId('show-qr').click();
    await expect(page.getByTestId('qr-dialog').locator('svg')).toBeVisible();
    await running('with the QR dialog');
    await page.keyboard.press('Escape');
    await page.locator('body').press('p');
    await expect(page.getByTestId('presentation')).toBeVisible();
    await running('in presentation mode');
  }
});
