// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside every
// .wasm, .js, .css, .html and .svg file of dist/, so that a server can send
// them as they are (nginx: gzip_static on; brotli_static on) instead of
// compressing on every request. Run by scripts/build.sh after Trunk.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let n = 0;
for (const f of readdirSync(dir)) {
  if (!/\.(wasm|js|css|html|svg)$/.test(f)) continue;
  const raw = readFileSync(join(dir, f));
  writeFileSync(join(dir, `${f}.gz`), gzipSync(raw, { level: 9 }));
  writeFileSync(join(dir, `${f}.br`), brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }));
  n++;
}
console.log(`precompressed ${n} files in ${dir}/ (.gz and .br beside each)`);
