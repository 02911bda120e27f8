// Screenshots of the built page for a person to look at: both languages,
// a 1366×768 laptop and a 390-wide phone. Writes PNGs to target/screens/.
//
//   node scripts/screenshots.mjs [--full] [--select value_added] [--demo] [--code CODE] [--bases] [--uncertain]
//
// --workshop pledges|proposals opens the workshop view with four scenarios
// (made with scripts/make_link.py) pasted in; --present then shows it in
// presentation mode.
//
// --demo lowers a few growth rates of the selected indicator (funds by
// default) so that the page shows misses, floor breaches and laggards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serveDist } from './lib/chromium.mjs';

const full = process.argv.includes('--full');
const sel = process.argv.includes('--select') ? process.argv[process.argv.indexOf('--select') + 1] : null;
const demo = process.argv.includes('--demo');
// --code opens a scenario link; --bases opens the bases editor.
const code = process.argv.includes('--code') ? process.argv[process.argv.indexOf('--code') + 1] : null;
const bases = process.argv.includes('--bases');
// --uncertain switches probabilities on and waits for them.
const uncertain = process.argv.includes('--uncertain');
const workshop = process.argv.includes('--workshop') ? process.argv[process.argv.indexOf('--workshop') + 1] : null;
const present = process.argv.includes('--present');
const PORT = 4181;
function makeCode(name, growth) {
  const dir = mkdtempSync(join(tmpdir(), 'shots-'));
  const file = join(dir, 'scenario.json');
  const indicators = Object.fromEntries(Object.entries(growth).map(([k, g]) => [k, { growth: g }]));
  writeFileSync(file, JSON.stringify({ format: 'doubling-sandbox-scenario', version: 3, name, lang: 'zh', indicators }));
  return execFileSync('python3', [new URL('./make_link.py', import.meta.url).pathname, file]).toString().trim().replace(/^#s=/, '');
}
const TABLES = workshop ? [
  makeCode('市局', {}),
  makeCode('南乐县', { value_added: { nanle: { 2023: 14, 2024: 16, 2025: 18, 2026: 20 } }, funds: { nanle: { 2024: 45 } } }),
  makeCode('台前县', { value_added: { taiqian: { 2025: 12, 2026: 8 } } }),
  makeCode('范县', { value_added: { fanxian: { 2025: 30, 2026: 32 } }, investment: { fanxian: { 2025: 24 } } }),
] : [];
const server = await serveDist(PORT);
const browser = await launchChromium();
mkdirSync('target/screens', { recursive: true });
try {
  for (const [name, viewport] of [['laptop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1 });
      await page.goto(`http://127.0.0.1:${PORT}/${code ? '#s=' + code : ''}`);
      await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
      if (lang === 'en') await page.getByTestId('lang-toggle').click();
      if (sel) await page.getByTestId(`indicator-${sel}`).click();
      if (bases) await page.getByTestId(`bases-${sel ?? 'funds'}`).locator('summary').click();
      if (uncertain) {
        await page.getByTestId('uncertainty-toggle').click();
        await page.waitForSelector('[data-testid="verdict-value_added"][data-probability]');
        await page.waitForSelector('[data-testid="ranges-panel"]');
      }
      if (workshop) {
        await page.getByTestId('workshop-toggle').click();
        await page.getByTestId('workshop-paste').focus();
        await page.keyboard.insertText(TABLES.map((c, i) => `第${i + 1}桌 10:0${i}：http://127.0.0.1:${PORT}/#s=${c}`).join('\n'));
        await page.getByTestId('workshop-add-paste').click();
        await page.waitForSelector('[data-testid="workshop-entry"][data-index="3"]');
        if (workshop === 'proposals') await page.getByTestId('workshop-mode').selectOption('proposals');
        if (present) await page.getByTestId('presentation-toggle').click();
        await page.waitForTimeout(300);
      }
      if (demo) {
        const key = sel ?? 'funds';
        const cells = await page.locator(`[data-testid^="growth-${key}-"]`).evaluateAll((els) => els.map((e) => e.dataset.testid));
        const lower = [cells[0], cells[cells.length - 1], cells[Math.floor(cells.length / 2)], cells[cells.length - 3]];
        for (const [i, id] of lower.entries()) {
          const field = page.getByTestId(id).locator('xpath=..').locator('input.num');
          await field.fill(String([5, 12, 20, -4][i]));
          await field.blur();
        }
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      const file = `target/screens/${name}-${lang}${sel ? '-' + sel : ''}${demo ? '-demo' : ''}${code ? '-code' : ''}${bases ? '-bases' : ''}${uncertain ? '-uncertain' : ''}${workshop ? `-workshop-${workshop}` : ''}${present ? '-present' : ''}${full ? '-full' : ''}.png`;
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
