// Writes this build's precache list and cache name into dist/sw.js (copied
// from assets/sw.js by Trunk). Run by scripts/build.sh after the JavaScript
// is minified and before the files are precompressed, so the hashes are of
// the files as served. Every file of dist/ is listed (not .gz/.br, not
// sw.js itself), each with its SHA-384 for the worker's fetch to check; the
// cache name is a hash over the whole list, so any change makes a new cache.
//
//   node scripts/service_worker.mjs [dist]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? 'dist';

function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((f) => !/\.(gz|br)$/.test(f) && f !== 'sw.js')
  .sort()
  .map((url) => ({ url, integrity: `sha384-${createHash('sha384').update(readFileSync(join(dir, url))).digest('base64')}` }));
if (!files.some((f) => f.url === 'index.html')) {
  console.error(`service worker: no index.html in ${dir}/; run it after trunk build`);
  process.exit(1);
}
const build = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);

const path = join(dir, 'sw.js');
const source = readFileSync(path, 'utf8');
const FILES = /\/\* files \*\/ \[[^\]]*\]/;
const CACHE = /\/\* cache \*\/ '[^']*'/;
if (!FILES.test(source) || !CACHE.test(source)) {
  console.error(`service worker: ${path} has no /* files */ [] and /* cache */ '' to fill in`);
  process.exit(1);
}
const out = source
  .replace(FILES, `/* files */ ${JSON.stringify(files)}`)
  .replace(CACHE, `/* cache */ 'doubling-sandbox-${build}'`);
writeFileSync(path, out);
console.log(`service worker: cache doubling-sandbox-${build}, ${files.length} files precached`);
