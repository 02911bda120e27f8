// The first-load size budget that CI holds: a cold load of dist/ in headless
// Chromium, the files it requests read from the network log, each gzip -9;
// fails with every file and its size when their sum is over the budget in
// scripts/size-budget.json (the one place it is set).
//
//   node scripts/size_budget.mjs          (after scripts/build.sh)
import { readFileSync } from 'node:fs';
import { launchChromium, serveDist } from './lib/chromium.mjs';
import { firstLoadFiles, kb, total } from './lib/first_load.mjs';

const PORT = 4182;
const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
const limit = budget.first_load_gzip_bytes;

const server = await serveDist(PORT);
const browser = await launchChromium();
let files;
try {
  files = await firstLoadFiles(browser, `http://127.0.0.1:${PORT}/`);
} finally {
  await browser.close();
  server.kill();
}
const sum = total(files, 'gzip');
const width = Math.max(...files.map((f) => f.file.length));
for (const f of files) {
  console.log(`  ${f.file.padEnd(width)}  ${String(f.raw).padStart(8)} B raw  ${String(f.gzip).padStart(7)} B gzip -9  (${kb(f.gzip)})`);
}
const bad = files.filter((f) => f.status >= 400);
if (bad.length > 0) {
  console.error(`first load: ${bad.map((f) => `${f.file} answered ${f.status}`).join(', ')}`);
  process.exit(1);
}
if (sum > limit) {
  console.error(
    `first load is ${sum} B gzip -9 (${kb(sum)}) in ${files.length} files, over the budget of ${limit} B (${kb(limit)}) ` +
    `set in scripts/size-budget.json by ${sum - limit} B. Load the new code on first use, or raise the budget there ` +
    'in the commit that adds the feature, saying why.',
  );
  process.exit(1);
}
console.log(`first load: ${sum} B gzip -9 (${kb(sum)}) in ${files.length} files, within the budget of ${limit} B (${kb(limit)}); ${limit - sum} B to spare`);
