// Shared steps of the browser tests.
import zlib from 'node:zlib';
import { expect } from '@playwright/test';

export const INDICATORS = ['funds', 'investment', 'capacity', 'value_added'];
export const UNITS = ['hualong', 'puyang', 'qingfeng', 'nanle', 'fanxian', 'taiqian', 'jingkai', 'gongye', 'shifan'];

/**
 * Opens the page and waits for the four verdicts. Collects console errors,
 * page errors and every request, so a test can assert the page stayed on
 * its own host and raised nothing.
 */
export async function openPage(page, path = '') {
  const log = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(msg.text());
  });
  page.on('pageerror', (err) => log.errors.push(String(err)));
  page.on('request', (req) => log.requests.push(req.url()));
  await page.goto(path);
  for (const key of INDICATORS) {
    await expect(page.getByTestId(`verdict-${key}`)).toHaveAttribute('data-projected', /^\d+\.\d+$/);
  }
  // The grid follows the first frame (it is below the fold); a test acts
  // once it is there, as a person could.
  await expect(page.locator('table.grid')).toBeAttached();
  return log;
}

/**
 * Replaces window.print with a recorder of what the briefing said at each
 * call (null while there is no briefing); returns a function that reads
 * the record.
 */
export async function recordPrints(page) {
  await page.evaluate(() => {
    window.__prints = [];
    window.print = () => window.__prints.push(document.querySelector('[data-testid="print-briefing"]')?.innerText ?? null);
  });
  return () => page.evaluate(() => window.__prints);
}

export async function projected(page, key) {
  return Number(await page.getByTestId(`verdict-${key}`).getAttribute('data-projected'));
}

export async function status(page, key) {
  return page.getByTestId(`verdict-${key}`).getAttribute('data-status');
}

/**
 * The files of a zip archive (an .xlsx), by name. Enough of the format for
 * the files the page writes: stored or deflated entries, no zip64.
 */
export function unzip(buffer) {
  const { inflateRawSync } = zlib;
  const files = new Map();
  // The end-of-central-directory record: the last PK\5\6 in the file.
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
