// Shared steps of the browser tests.
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
  return log;
}

export async function projected(page, key) {
  return Number(await page.getByTestId(`verdict-${key}`).getAttribute('data-projected'));
}

export async function status(page, key) {
  return page.getByTestId(`verdict-${key}`).getAttribute('data-status');
}
