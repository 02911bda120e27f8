// Screenshots of the built page for a person to look at: both languages,
// a 1366×768 laptop and a 390-wide phone. Writes PNGs to target/screens/.
//
//   node scripts/screenshots.mjs [--full] [--select value_added] [--demo] [--code CODE] [--bases] [--uncertain]
//
// --demo lowers a few growth rates of the selected indicator (funds by
// default) so that the page shows misses, floor breaches and laggards.
import { mkdirSync } from 'node:fs';
import { launchChromium, serveDist } from './lib/chromium.mjs';

const full = process.argv.includes('--full');
const sel = process.argv.includes('--select') ? process.argv[process.argv.indexOf('--select') + 1] : null;
const demo = process.argv.includes('--demo');
// --code opens a scenario link; --bases opens the bases editor.
const code = process.argv.includes('--code') ? process.argv[process.argv.indexOf('--code') + 1] : null;
const bases = process.argv.includes('--bases');
// --uncertain switches probabilities on and waits for them.
const uncertain = process.argv.includes('--uncertain');
const PORT = 4181;
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
      const file = `target/screens/${name}-${lang}${sel ? '-' + sel : ''}${demo ? '-demo' : ''}${code ? '-code' : ''}${bases ? '-bases' : ''}${uncertain ? '-uncertain' : ''}${full ? '-full' : ''}.png`;
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
