// Pictures of the page's own QR codes, for the workshop's browser tests
// and its benchmark: the code of a link as the page's share dialog draws
// it, and an image with such codes placed, turned and scaled on a grey
// ground, as a phone's photo or a camera frame would hold them.

/** The QR code of `url` (a page address with #s=…) as the share dialog draws it: SVG markup. */
export async function qrSvg(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="verdict-funds"][data-projected]');
  await page.click('[data-testid="show-qr"]');
  const svg = await page.locator('[data-testid="qr-dialog"] svg').evaluate((s) => s.outerHTML);
  await page.close();
  return svg;
}

/**
 * An image `width` × `height` with each of `codes` ([svg, x, y, size, turn]:
 * centre, side in px, turn in radians) drawn on grey: the file's bytes
 * (`type`, e.g. image/png or image/jpeg), or with `luma` its grey levels,
 * row by row (for a y4m video).
 */
export async function picture(browser, { width, height, codes, type = 'image/png', luma = false }) {
  const page = await browser.newPage();
  const out = await page.evaluate(async ({ width, height, codes, type, luma }) => {
    const load = (svg) => new Promise((res, rej) => {
      const i = new Image();
      i.onload = () => res(i);
      i.onerror = rej;
      i.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    });
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const g = c.getContext('2d');
    g.fillStyle = '#8a8f96';
    g.fillRect(0, 0, width, height);
    g.imageSmoothingEnabled = false;
    for (const [svg, x, y, size, turn] of codes) {
      const i = await load(svg);
      g.save();
      g.translate(x, y);
      g.rotate(turn);
      g.drawImage(i, -size / 2, -size / 2, size, size);
      g.restore();
    }
    if (luma) {
      const d = g.getImageData(0, 0, width, height).data;
      return Array.from({ length: width * height }, (_, p) => Math.round(0.299 * d[4 * p] + 0.587 * d[4 * p + 1] + 0.114 * d[4 * p + 2]));
    }
    return c.toDataURL(type, 0.92).split(',')[1];
  }, { width, height, codes, type, luma });
  await page.close();
  return luma ? out : Buffer.from(out, 'base64');
}
