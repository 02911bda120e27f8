// Screenshots of the built page for a person to look at: both languages,
// a 1366×768 laptop and a 390-wide phone. Writes PNGs to target/screens/.
//
//   node scripts/screenshots.mjs [--full] [--select value_added]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const full = process.argv.includes('--full');
const sel = process.argv.includes('--select') ? process.argv[process.argv.indexOf('--select') + 1] : null;
const PORT = 4181;
const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync('target/screens', { recursive: true });
try {
  for (const [name, viewport] of [['laptop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport, deviceScaleFactor: name === 'phone' ? 2 : 1 });
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
      if (lang === 'en') await page.getByTestId('lang-toggle').click();
      if (sel) await page.getByTestId(`indicator-${sel}`).click();
      const file = `target/screens/${name}-${lang}${sel ? '-' + sel : ''}${full ? '-full' : ''}.png`;
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
