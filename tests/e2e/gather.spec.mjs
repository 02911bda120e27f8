// The workshop view (工作坊汇总): gathering the room's scenarios from a
// pasted chat, QR images and the camera; pledges combined by unit, the
// proposals side by side, rounds, storage, files, presentation and print.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { picture, qrSvg } from '../../scripts/lib/qr_picture.mjs';
import { INDICATORS, openPage, projected, unzip } from './helpers.mjs';

const SCRIPT = new URL('../../scripts/make_link.py', import.meta.url).pathname;
const DIR = mkdtempSync(join(tmpdir(), 'workshop-'));

/** A link code made outside the page: a scenario file with these growth rates (percent). */
function code(name, growth) {
  const indicators = Object.fromEntries(Object.entries(growth).map(([k, g]) => [k, { growth: g }]));
  const file = join(DIR, `${name.replace(/[^\w]/g, '_')}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ format: 'doubling-sandbox-scenario', version: 3, name, lang: 'zh', indicators }));
  return execFileSync('python3', [SCRIPT, file]).toString().trim().replace(/^#s=/, '');
}

// The city bureau's shared start (the default scenario), and two counties' pledges.
const CITY = code('市局', {});
const NANLE = code('南乐县', { value_added: { nanle: { 2023: 14, 2024: 16, 2025: 18, 2026: 20 } }, funds: { nanle: { 2024: 45 } } });
const TAIQIAN = code('台前县', { value_added: { taiqian: { 2025: 12, 2026: 8 } } });
// Both pledges in one scenario: what combining them must give.
const BOTH = code('合并核对', {
  value_added: { nanle: { 2023: 14, 2024: 16, 2025: 18, 2026: 20 }, taiqian: { 2025: 12, 2026: 8 } },
  funds: { nanle: { 2024: 45 } },
});

async function openWorkshop(page) {
  await page.getByTestId('workshop-toggle').click();
  await expect(page.getByTestId('workshop-paste')).toBeVisible();
}

async function paste(page, text) {
  await page.getByTestId('workshop-paste').focus();
  // A paste arrives as one input, as the browser gives it.
  await page.keyboard.insertText(text);
  await page.getByTestId('workshop-add-paste').click();
}

async function codes(page) {
  return page.getByTestId('workshop-entry').evaluateAll((rows) => rows.map((r) => r.dataset.code));
}

test('a pasted chat: every link found (full addresses, bare codes, cut by line breaks, Chinese punctuation), duplicates merged, a broken one listed; kept over a reload', async ({ page, baseURL }) => {
  const log = await openPage(page);
  await openWorkshop(page);
  await expect(page.getByTestId('workshop-empty')).toBeVisible();
  await paste(page, '大家好，今天的沙盘推演开始了。');
  await expect(page.getByTestId('workshop-note')).toHaveText('这段文字里没有找到情景链接。');
  await expect(page.getByTestId('workshop-entry')).toHaveCount(0);

  const broken = `${TAIQIAN.slice(0, -6)}AAAAAA`;
  const chat = [
    '张三 10:02',
    `我们桌的方案：${baseURL}#s=${CITY}。请查收`,
    '李四 10:05',
    `南乐县（已确认）：${baseURL}#s=${NANLE.slice(0, 40)}`,
    `${NANLE.slice(40)}`,
    '王五 10:07',
    `${TAIQIAN}，谢谢！`,
    '赵六 10:09',
    `发错了一个：${baseURL}#s=${broken}`,
    `再发一次南乐：「${baseURL}#s=${NANLE}」`,
  ].join('\n');
  await paste(page, chat);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(3);
  expect(await codes(page)).toEqual([CITY, NANLE, TAIQIAN]);
  await expect(page.getByTestId('workshop-entry').nth(1)).toHaveAttribute('data-index', '1');
  await expect(page.getByTestId('workshop-name-1')).toHaveValue('南乐县');
  await expect(page.getByTestId('workshop-note')).toHaveText('已添加3个方案，1个重复的已合并，1个无法打开（见下）。');
  await expect(page.getByTestId('workshop-error')).toHaveCount(1);
  await expect(page.getByTestId('workshop-error')).toContainText('链接被截断或改动过');
  // The field keeps the text while anything in it was refused.
  await expect(page.getByTestId('workshop-paste')).not.toHaveValue('');

  // A second paste of the same links adds nothing.
  await page.getByTestId('workshop-paste').fill('');
  await paste(page, `${CITY}\n${TAIQIAN}`);
  await expect(page.getByTestId('workshop-note')).toHaveText('已添加0个方案，2个重复的已合并。');
  await expect(page.getByTestId('workshop-entry')).toHaveCount(3);

  // Kept in storage: a reload (the view closed) and reopening lose nothing.
  await page.reload();
  await expect(page.getByTestId('verdict-funds')).toHaveAttribute('data-projected', /\d/);
  await openWorkshop(page);
  expect(await codes(page)).toEqual([CITY, NANLE, TAIQIAN]);
  expect(log.errors).toEqual([]);
  expect(log.requests.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
});

test('pledges: each unit from the entry that changed it, equal to both pledges made in one scenario; owners by hand and disputes; the result opens in the main view', async ({ page, baseURL }) => {
  // What both pledges together give, opened as a link.
  await openPage(page, `${baseURL}#s=${BOTH}`);
  const both = Object.fromEntries(await Promise.all(INDICATORS.map(async (k) => [k, await projected(page, k)])));
  await page.evaluate(() => localStorage.clear());
  await openPage(page, baseURL);
  await openWorkshop(page);
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  await expect(page.getByTestId('workshop-mode')).toHaveValue('pledges');
  await expect(page.getByTestId('workshop-owner-nanle')).toHaveValue('1');
  await expect(page.getByTestId('workshop-owner-taiqian')).toHaveValue('2');
  await expect(page.getByTestId('workshop-owner-hualong')).toHaveValue('reference');
  for (const k of INDICATORS) {
    await expect(page.getByTestId(`workshop-combined-${k}`)).toHaveAttribute('data-projected', both[k].toFixed(4));
  }
  // Taiqian's 8 % in 2026 is below its floor and it does not double: listed as a pledge that falls short.
  await expect(page.getByTestId('workshop-misses')).toContainText('台前县（台前县）');
  await expect(page.getByTestId('workshop-need-value_added')).toContainText(/未认领单位|已达到目标/);

  // The facilitator takes Taiqian from the reference instead, with the keyboard.
  await page.getByTestId('workshop-owner-taiqian').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('workshop-owner-taiqian')).toHaveValue('reference');
  // Nanle's pledge alone over the reference: the Nanle scenario itself.
  const nanleOnly = await page.context().newPage();
  await openPage(nanleOnly, `${baseURL}#s=${NANLE}`);
  const vaNanle = await projected(nanleOnly, 'value_added');
  await nanleOnly.close();
  await expect(page.getByTestId('workshop-combined-value_added')).toHaveAttribute('data-projected', vaNanle.toFixed(4));

  // A second entry also pledges Nanle: disputed, until the facilitator picks one.
  const rival = code('南乐县（另一版）', { value_added: { nanle: { 2026: 25 } } });
  await paste(page, rival);
  await expect(page.getByTestId('workshop-disputed-nanle')).toContainText('南乐县、南乐县（另一版）');
  await page.getByTestId('workshop-owner-nanle').selectOption('3');
  await expect(page.getByTestId('workshop-disputed-nanle')).toHaveCount(0);
  await expect(page.getByTestId('workshop-owner-nanle')).toHaveValue('3');
  const combined = await page.getByTestId('workshop-combined-value_added').getAttribute('data-projected');
  const link = await page.getByTestId('workshop-combined-link').getAttribute('data-code');
  await expect(page.getByTestId('workshop-combined-link').locator('svg')).toBeVisible();

  // The summary for the record, then the room's result in the main view.
  await expect(page.getByTestId('workshop-summary')).toContainText('第1轮共收到4个方案');
  await expect(page.getByTestId('workshop-summary')).toContainText('汇总各单位认领后，');
  await page.getByTestId('workshop-open-combined').click();
  await expect(page.getByTestId('workshop-paste')).toHaveCount(0);
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-projected', combined);
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(link.slice(0, 30));
  // Back: the workshop is as it was.
  await openWorkshop(page);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(4);
  await expect(page.getByTestId('workshop-owner-nanle')).toHaveValue('3');
});

test('proposals side by side: counts per target, the median scenario cell by cell, the spread; an entry opens as B against the scenario on screen', async ({ page, baseURL }) => {
  const a = code('第一桌', { value_added: { hualong: { 2026: 20 }, puyang: { 2026: 10 } } });
  const b = code('第二桌', { value_added: { hualong: { 2026: 30 }, puyang: { 2026: 40 } } });
  const c = code('第三桌', { value_added: { hualong: { 2026: 35 }, puyang: { 2026: 20 } } });
  const d = code('第四桌', { value_added: { hualong: { 2026: 36.01 } } });
  // The median of 20, 30, 35, 36.01 is (30 + 35) / 2 = 32.5; of 10, 40, 20 and the default: by hand below.
  await openPage(page);
  await openWorkshop(page);
  await paste(page, [a, b, c, d].join(' '));
  await page.getByTestId('workshop-mode').selectOption('proposals');
  await expect(page.getByTestId('workshop-entry')).toHaveCount(4);
  const met = await page.getByTestId('workshop-entry').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td.verdict-cell')[3].dataset.status));
  await expect(page.getByTestId('workshop-meets-value_added')).toHaveAttribute('data-count', String(met.filter((s) => s === 'met').length));
  await expect(page.getByTestId('workshop-meets-funds')).toHaveAttribute('data-count', '4');
  const spread = page.getByTestId('workshop-spread');
  const hualong2026 = spread.locator('tbody tr').nth(3);
  await expect(hualong2026.locator('td')).toHaveText(['2026', '20.00', '27.50', '32.50', '35.25', '36.01', '4']);
  // The median scenario, opened, has 32.50 % for Hualong in 2026.
  const median = await page.getByTestId('workshop-median-value_added').getAttribute('data-projected');
  await page.getByTestId('workshop-open-median').click();
  await page.getByTestId('indicator-value_added').click();
  await expect(page.getByTestId('growth-value_added-hualong-2026')).toHaveValue('32.5');
  await expect(page.getByTestId('verdict-value_added')).toHaveAttribute('data-projected', median);
  // 第二桌 as B against the median on screen as A.
  await openWorkshop(page);
  await page.getByTestId('workshop-compare-1').click();
  await expect(page.getByTestId('compare-pin')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('section.compare')).toBeVisible();
  await page.getByTestId('indicator-value_added').click();
  await expect(page.getByTestId('growth-value_added-puyang-2026')).toHaveValue('40');
});

test('entries renamed, moved, removed and made the reference by keyboard; rounds start empty and keep the earlier ones to compare', async ({ page }) => {
  await openPage(page);
  await openWorkshop(page);
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  const name = page.getByTestId('workshop-name-0');
  await name.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('市工信局');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('workshop-name-0')).toHaveValue('市工信局');
  await page.getByTestId('workshop-down-0').focus();
  await page.keyboard.press('Enter');
  expect(await codes(page)).toEqual([NANLE, CITY, TAIQIAN]);
  // The reference moved with its entry.
  await expect(page.getByTestId('workshop-reference-1')).toBeChecked();
  await page.getByTestId('workshop-reference-0').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('workshop-reference-0')).toBeChecked();
  await page.getByTestId('workshop-remove-2').click();
  expect(await codes(page)).toEqual([NANLE, CITY]);

  await page.getByTestId('workshop-new-round').click();
  await expect(page.getByTestId('workshop-round-1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('workshop-entry')).toHaveCount(0);
  await paste(page, [CITY, TAIQIAN].join('\n'));
  const versus = page.getByTestId('workshop-versus');
  await expect(versus.locator('thead th')).toHaveText(['', '第1轮', '第2轮']);
  await expect(versus).toContainText('（本轮没有）');
  await expect(versus.locator('tbody tr', { hasText: '市工信局' })).toHaveCount(1);
  await page.getByTestId('workshop-round-0').click();
  expect(await codes(page)).toEqual([NANLE, CITY]);
  await page.reload();
  await openWorkshop(page);
  await expect(page.getByTestId('workshop-round-0')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('workshop-round-1').click();
  expect(await codes(page)).toEqual([CITY, TAIQIAN]);
});

test('a second window (the projector\'s) follows the facilitator\'s: entries and rounds added in one show in the other', async ({ page, context }) => {
  await openPage(page);
  await openWorkshop(page);
  const projector = await context.newPage();
  await openPage(projector);
  await openWorkshop(projector);
  await projector.getByTestId('presentation-toggle').click();
  await expect(projector.getByTestId('workshop-meets-funds')).toHaveAttribute('data-count', '0');
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  await expect(projector.getByTestId('workshop-meets-funds')).toHaveAttribute('data-count', '3');
  await expect(projector.getByTestId('workshop-combined-value_added')).toHaveAttribute(
    'data-projected', await page.getByTestId('workshop-combined-value_added').getAttribute('data-projected'));
  await page.getByTestId('workshop-new-round').click();
  await expect(projector.getByTestId('workshop-round-1')).toHaveAttribute('aria-pressed', 'true');
  await expect(projector.getByTestId('workshop-meets-funds')).toHaveAttribute('data-count', '0');
});

test('QR images: two codes in one 12-megapixel photo, turned and of different sizes, read in the browser; a file that is no image and an image with no code are named', async ({ page, browser, baseURL }) => {
  const photo = await picture(browser, {
    width: 4000,
    height: 3000,
    type: 'image/jpeg',
    codes: [[await qrSvg(browser, `${baseURL}#s=${NANLE}`), 1100, 1500, 1300, 0.21], [await qrSvg(browser, `${baseURL}#s=${TAIQIAN}`), 2950, 1450, 1000, -0.4]],
  });
  const empty = await picture(browser, { width: 600, height: 400, codes: [] });
  const log = await openPage(page);
  await openWorkshop(page);
  await page.getByTestId('workshop-images').setInputFiles([
    { name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: '会议记录.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') },
    { name: 'blank.png', mimeType: 'image/png', buffer: empty },
  ]);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(2, { timeout: 15_000 });
  expect((await codes(page)).sort()).toEqual([NANLE, TAIQIAN].sort());
  await expect(page.getByTestId('workshop-error')).toHaveText(['会议记录.txt：不是可读取的图片', 'blank.png：没有识别出二维码']);
  // The decoder came on first use, from this host.
  expect(log.requests.some((u) => u.includes('qr-decoder_bg.wasm'))).toBe(true);
  expect(log.errors).toEqual([]);
});

test('the camera: a QR code held to it (Chromium\'s fake camera playing a video of one) is read and added; without a camera the page says why and points to paste and images', async ({ page, baseURL }) => {
  const [W, H] = [640, 480];
  const svg = await qrSvg(page.context().browser(), `${baseURL}#s=${NANLE}`);
  const luma = await picture(page.context().browser(), { width: W, height: H, codes: [[svg, W / 2, H / 2, 420, 0.1]], luma: true });
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.from(luma), Buffer.alloc(W * H / 2, 128)]);
  const video = join(DIR, 'qr.y4m');
  writeFileSync(video, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame, frame]));

  // No camera here: a message, and paste still works.
  await openPage(page);
  await openWorkshop(page);
  await page.getByTestId('workshop-camera').click();
  await expect(page.getByTestId('workshop-camera-status')).toContainText('请改用粘贴链接或打开二维码图片');
  await expect(page.getByTestId('workshop-camera')).toHaveAttribute('aria-pressed', 'false');
  await paste(page, CITY);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(1);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const scan = await (await browser.newContext({ baseURL, serviceWorkers: 'block' })).newPage();
    await openPage(scan, baseURL);
    await openWorkshop(scan);
    await scan.getByTestId('workshop-camera').click();
    await expect(scan.getByTestId('workshop-camera')).toHaveAttribute('aria-pressed', 'true');
    await expect(scan.getByTestId('workshop-entry')).toHaveCount(1, { timeout: 10_000 });
    expect(await codes(scan)).toEqual([NANLE]);
    // Held there, it is not added again.
    await scan.waitForTimeout(600);
    await expect(scan.getByTestId('workshop-entry')).toHaveCount(1);
    await scan.getByTestId('workshop-camera').click();
    await expect(scan.getByTestId('workshop-camera')).toHaveAttribute('aria-pressed', 'false');
    expect(await scan.locator('video.camera-view').evaluate((v) => v.srcObject)).toBeNull();

    // Where the browser has a BarcodeDetector that reads QR codes, it reads
    // the frames (a stand-in here, which this Chromium lacks: it answers
    // with another link than the video holds, so the path taken shows).
    const native = await (await browser.newContext({ baseURL, serviceWorkers: 'block' })).newPage();
    await native.addInitScript((text) => {
      window.BarcodeDetector = class {
        static async getSupportedFormats() { return ['qr_code', 'ean_13']; }
        async detect(video) { return video.videoWidth > 0 ? [{ rawValue: text, format: 'qr_code' }] : []; }
      };
    }, `${baseURL}#s=${TAIQIAN}`);
    await openPage(native, baseURL);
    await openWorkshop(native);
    await native.getByTestId('workshop-camera').click();
    await expect(native.getByTestId('workshop-entry')).toHaveCount(1, { timeout: 10_000 });
    expect(await codes(native)).toEqual([TAIQIAN]);

    // The decoder cannot be loaded: the camera stops after a few frames and
    // says why; an image says so by its name.
    const offline = await (await browser.newContext({ baseURL, serviceWorkers: 'block' })).newPage();
    await offline.route('**/qr-decoder_bg.wasm*', (r) => r.abort());
    await openPage(offline, baseURL);
    await openWorkshop(offline);
    await offline.getByTestId('workshop-camera').click();
    await expect(offline.getByTestId('workshop-camera-status')).toContainText('二维码识别组件无法加载', { timeout: 10_000 });
    await expect(offline.getByTestId('workshop-camera')).toHaveAttribute('aria-pressed', 'false');
    expect(await offline.locator('video.camera-view').evaluate((v) => v.srcObject)).toBeNull();
    await offline.getByTestId('workshop-images').setInputFiles({ name: 'IMG_7.png', mimeType: 'image/png', buffer: await picture(browser, { width: 300, height: 300, codes: [] }) });
    await expect(offline.getByTestId('workshop-error')).toContainText('IMG_7.png：二维码识别组件无法加载');
  } finally {
    await browser.close();
  }
});

test('storage full: a message, and the workshop stays on the page and can still be exported', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(key, value) {
      if (key.startsWith('doubling-sandbox/workshop')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await openPage(page);
  await openWorkshop(page);
  await paste(page, `${CITY} ${NANLE}`);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(2);
  await expect(page.getByTestId('workshop-storage')).toContainText('无法保存到本浏览器');
  const download = page.waitForEvent('download');
  await page.getByTestId('workshop-export').click();
  const file = await (await download).path();
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.format).toBe('doubling-sandbox-workshop');
  expect(saved.rounds[0].entries.map((e) => e.code)).toEqual([CITY, NANLE]);
});

test('a workshop file exports and imports whole; a malformed one is refused naming the field, the workshop on screen unchanged; a corrupted store is set aside', async ({ page }) => {
  await openPage(page);
  await openWorkshop(page);
  await paste(page, `${CITY} ${NANLE}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('workshop-export').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const bad = JSON.parse(text);
  bad.rounds[0].entries[1].code = bad.rounds[0].entries[1].code.slice(0, -4);
  await page.getByTestId('workshop-remove-1').click();
  await page.getByTestId('workshop-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('workshop-note')).toContainText('未导入，当前工作坊保持不变：rounds.0.entries.1.code');
  expect(await codes(page)).toEqual([CITY]);
  await page.getByTestId('workshop-import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('workshop-note')).toContainText('已导入工作坊文件：good.json');
  expect(await codes(page)).toEqual([CITY, NANLE]);

  // A store someone broke: the page says so, keeps it aside, and starts empty.
  await page.evaluate(() => localStorage.setItem('doubling-sandbox/workshop/v1', '{"format":"doubling-sandbox-workshop","version":1,"current":0,"rounds":[]}'));
  await page.reload();
  await openWorkshop(page);
  await expect(page.getByTestId('workshop-storage')).toContainText('rounds');
  await expect(page.getByTestId('workshop-entry')).toHaveCount(0);
  // Said while the page is open, not only until the next change.
  await paste(page, CITY);
  await expect(page.getByTestId('workshop-entry')).toHaveCount(1);
  await expect(page.getByTestId('workshop-storage')).toContainText('已另存');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('doubling-sandbox/set-aside/')).map((k) => localStorage.getItem(k)));
  expect(aside.some((t) => t.includes('"rounds":[]'))).toBe(true);
});

test('the workshop table downloads as CSV: a row per entry, the combined pledges and the median', async ({ page }) => {
  await openPage(page);
  await openWorkshop(page);
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  const download = page.waitForEvent('download');
  await page.getByTestId('workshop-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^轮次,类别,方案,认领单位,招商引资到位资金达标/);
  expect(lines[2]).toMatch(/^第1轮,方案,南乐县,南乐县,/);
  expect(lines[4]).toMatch(/^第1轮,认领汇总,认领汇总,,/);
  expect(lines[5]).toMatch(/^第1轮,中位数方案,/);
  const combined = await page.getByTestId('workshop-combined-value_added').getAttribute('data-projected');
  expect(lines[4].split(',')[4 + 3 * 5 + 1]).toBe(combined);
});

test('the workshop table saves as XLSX through the spreadsheet worker, numbers as numbers, in the page language', async ({ page }) => {
  await openPage(page);
  await openWorkshop(page);
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('workshop-xlsx')).toHaveText('Export XLSX');
  const download = page.waitForEvent('download');
  await page.getByTestId('workshop-xlsx').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^Workshop_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const files = unzip(readFileSync(await saved.path()));
  const strings = files.get('xl/sharedStrings.xml').toString('utf8');
  const sheet = files.get('xl/worksheets/sheet1.xml').toString('utf8');
  for (const word of ['Round', 'Units pledged', '南乐县', 'combined pledges', 'median scenario']) expect(strings).toContain(word);
  expect((sheet.match(/<row /g) || []).length).toBe(6);
  // The combined value added, a number in the sheet, as the view shows it.
  const combined = Number(await page.getByTestId('workshop-combined-value_added').getAttribute('data-projected'));
  const values = [...sheet.matchAll(/<v>([-\d.e]+)<\/v>/g)].map((m) => Number(m[1]));
  expect(values.some((v) => Math.abs(v - combined) < 5e-5)).toBe(true);
  await expect(page.getByTestId('workshop-xlsx')).toBeEnabled();
});

test('presentation: the combined result and each target\'s count, large; P and Escape; print is a one-page A4 briefing with the record', async ({ page }) => {
  await openPage(page);
  await openWorkshop(page);
  await paste(page, [CITY, NANLE, TAIQIAN].join('\n'));
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('workshop-combined-value_added')).toBeVisible();
  await expect(page.getByTestId('workshop-meets-funds')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('workshop-paste')).toHaveCount(0);
  const size = await page.getByTestId('workshop-combined-value_added').locator('.card-main strong').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('workshop-paste')).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('workshop-summary')).toBeVisible();
  await expect(page.getByTestId('workshop-combined-funds')).toBeVisible();
  await expect(page.getByTestId('workshop-paste')).toBeHidden();
  await expect(page.locator('.topbar')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync('test-results/workshop-briefing.pdf', pdf);
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) || []).length).toBe(1);
});
