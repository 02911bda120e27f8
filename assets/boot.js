// Starts the app without any inline script, so the page's
// Content-Security-Policy can forbid inline code. Trunk writes the hashed
// file names of the wasm-bindgen glue and the wasm module into this tag's
// data attributes (see pattern_script in Trunk.toml); both resolve against
// the page's own address, so the site works from any sub-path.
const tag = document.querySelector('script[data-js][data-wasm]');

function fail(detail) {
  const loading = document.getElementById('loading');
  if (loading) loading.hidden = true;
  const box = document.getElementById('fatal');
  if (!box) return;
  const slot = box.querySelector('.fatal-detail');
  if (slot) slot.textContent = String(detail);
  box.hidden = false;
}

// Opening or saving a spreadsheet is done by a worker that only those who
// use it download (see src/sheet.rs). The page's wasm calls this hook; its
// client module is imported on the first call. Both carry the page's build
// hash, so a browser never mixes a cached worker with a newer page.
const build = (tag.dataset.wasm.match(/-([0-9a-f]+)_bg\.wasm$/) || [])[1] || '';
const version = build ? `?v=${build}` : '';
globalThis.doublingSheets = (json, bytes) =>
  import(new URL(`sheet_client.js${version}`, document.baseURI).href).then((m) => m.request(json, bytes, version));

async function boot() {
  if (typeof WebAssembly !== 'object') {
    fail('此浏览器不支持 WebAssembly。This browser does not support WebAssembly.');
    return;
  }
  const js = new URL(tag.dataset.js, document.baseURI);
  const wasm = new URL(tag.dataset.wasm, document.baseURI);
  const glue = await import(js.href);
  await glue.default({ module_or_path: wasm.href });
}

boot().catch((err) => fail(err && err.stack ? err.stack : err));
