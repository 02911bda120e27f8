// Minifies the first load's JavaScript in dist/ (terser): boot.js and the
// page's wasm-bindgen glue, both ES modules. Trunk minifies the CSS, the
// HTML and the workers' glue, but leaves these two as they are written. The
// glue's subresource integrity hash in index.html is replaced with the new
// one (boot.js has none).
// Run by scripts/build.sh after Trunk, before precompress.mjs.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? 'dist';
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const tag = index.match(/data-js=["']?([^"'\s>]+)/);
if (!tag) throw new Error(`minify_js: no data-js attribute in ${indexPath}`);
let saved = 0;
for (const file of ['boot.js', tag[1]]) {
  if (!readdirSync(dir).includes(file)) throw new Error(`minify_js: ${file} is not in ${dir}/`);
  const path = join(dir, file);
  const before = readFileSync(path);
  const out = await minify(before.toString('utf8'), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) throw new Error(`minify_js: terser gave nothing for ${file}`);
  const after = Buffer.from(out.code, 'utf8');
  writeFileSync(path, after);
  const [oldHash, newHash] = [sri(before), sri(after)];
  if (index.includes(oldHash)) index = index.split(oldHash).join(newHash);
  else if (file !== 'boot.js') throw new Error(`minify_js: index.html has no integrity hash of ${file} to replace`);
  saved += before.length - after.length;
}
writeFileSync(indexPath, index);
console.log(`minified boot.js and ${tag[1]} (${saved} bytes less)`);
