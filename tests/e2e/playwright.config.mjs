// Browser tests against the release build in dist/, served from a sub-path
// (/sandbox/) on 127.0.0.1, in Debian's chromium driven by playwright-core.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';

const PORT = 4173;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/sandbox/`,
    headless: true,
    viewport: { width: 1366, height: 768 },
    // Service workers answer requests that page.route never sees; only
    // offline.spec.mjs lets them run, each test on a server of its own.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command:
      'mkdir -p ../../target/e2e-site && ln -sfn ../../dist ../../target/e2e-site/sandbox && ' +
      `exec python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../../target/e2e-site`,
    url: `http://127.0.0.1:${PORT}/sandbox/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
});
