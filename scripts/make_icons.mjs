// Draws the app's PNG icons (for the web app manifest) from the SVGs in
// assets/icons/ with headless Chromium, and writes icon.svg into
// index.html as the favicon's data: address (no request of its own on the
// first load). The PNGs are kept in the repo; run this again only when an
// SVG changes:  node scripts/make_icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from './lib/chromium.mjs';

const dir = new URL('../assets/icons/', import.meta.url);
const wanted = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['maskable.svg', 512, 'maskable-512.png'],
];
const browser = await launchChromium();
try {
  for (const [svg, size, png] of wanted) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${readFileSync(new URL(svg, dir)).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
    await page.close();
    console.log(`assets/icons/${png}: ${size}x${size} from ${svg}`);
  }
} finally {
  await browser.close();
}

const compact = readFileSync(new URL('icon.svg', dir), 'utf8')
  .replace(/<!--[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, '').replace(/"/g, "'");
const href = `data:image/svg+xml,${compact.replace(/%/g, '%25').replace(/#/g, '%23').replace(/</g, '%3C').replace(/>/g, '%3E')}`;
const index = new URL('../index.html', import.meta.url);
const html = readFileSync(index, 'utf8');
const next = html.replace(/<link rel="icon" type="image\/svg\+xml" href="[^"]*">/, `<link rel="icon" type="image/svg+xml" href="${href}">`);
if (next === html && !html.includes(href)) throw new Error('index.html has no <link rel="icon" type="image/svg+xml"> to update');
writeFileSync(index, next);
console.log('index.html: favicon from icons/icon.svg');
