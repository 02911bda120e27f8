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

// The workshop's QR decoder (images and the camera) is a worker of its own;
// its client module is imported on first use, like the spreadsheets'.
globalThis.doublingQr = () =>
  import(new URL(`qr_client.js${version}`, document.baseURI).href).then((m) => m.client(version));

// What only a click opens (the briefing, compare, solve, the bases editor,
// the QR code) is a second wasm (src/bin/extras), loaded here on its first
// use: a classic script, wasm-bindgen's no-modules glue, that defines the
// global `wasm_bindgen`; its exports render the panels. A failed load is
// forgotten, so that the next use tries again.
let extras = null;
function extrasGlue() {
  // The script defines the global only once; a retry after a failed wasm
  // reuses it.
  // eslint-disable-next-line no-undef
  if (typeof wasm_bindgen === 'function') return Promise.resolve(wasm_bindgen);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(`extras.js${version}`, document.baseURI).href;
    // eslint-disable-next-line no-undef
    script.onload = () => resolve(wasm_bindgen);
    script.onerror = () => {
      script.remove();
      reject(new Error('extras.js could not be loaded'));
    };
    document.head.append(script);
  });
}
globalThis.doublingExtras = () => {
  extras ||= extrasGlue()
    .then((glue) => glue({ module_or_path: new URL(`extras_bg.wasm${version}`, document.baseURI).href }).then(() => glue))
    .catch((err) => {
      extras = null;
      throw err;
    });
  return extras;
};

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

// Offline after one visit: the service worker (assets/sw.js) is registered
// once the page has started and is idle, so its download of the whole build
// (the files loaded on demand too) never competes with the first load.
// Browsers give no service worker to a plain-http host other than this
// machine; there the page works as before (the footer says so).
function updateBanner(registration) {
  if (document.querySelector('[data-testid="update-banner"]')) return;
  const bar = document.createElement('div');
  bar.className = 'update-banner';
  bar.dataset.testid = 'update-banner';
  bar.setAttribute('role', 'status');
  const words = (zh, en) => {
    const z = Object.assign(document.createElement('span'), { lang: 'zh-CN', textContent: zh });
    const e = Object.assign(document.createElement('span'), { lang: 'en', textContent: en });
    return [z, e];
  };
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'btn primary';
  reload.dataset.testid = 'update-reload';
  reload.append(...words('刷新', 'Reload'));
  reload.addEventListener('click', () => {
    reload.disabled = true;
    if (registration.waiting) registration.waiting.postMessage('activate-waiting');
    else window.location.reload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'btn';
  later.append(...words('稍后', 'Later'));
  later.addEventListener('click', () => bar.remove());
  const text = document.createElement('span');
  text.append(...words('新版本可用 · 刷新后使用，当前情景会保留', 'A new version is available · reload to use it; this scenario is kept'));
  bar.append(text, reload, later);
  document.body.append(bar);
}

function offline() {
  const sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) return;
  // A new build taking over reloads every tab of the old one, so no page
  // runs with files of two builds; the scenario lives in the address.
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (controlled) window.location.reload();
    controlled = true;
  });
  const start = () => sw.register(new URL('sw.js', document.baseURI).href, { scope: './' }).then((registration) => {
    if (!registration) return;
    const waiting = () => {
      if (registration.waiting && sw.controller) updateBanner(registration);
    };
    waiting();
    registration.addEventListener('updatefound', () => {
      const next = registration.installing;
      if (next) next.addEventListener('statechange', () => next.state === 'installed' && waiting());
    });
    // A page left open through a workshop still hears of a new deploy.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }, () => {});
  whenIdle(start, 3000);
}

// The focus that Tab moves, and whatever is scrolled to, stops below the
// sticky verdict strip, whatever its height at this width, zoom and
// language (WCAG 2.4.11): the page's scroll padding follows the strip.
// It starts once the page is idle, so that its first write is no extra
// style pass in the frames of the first load.
function clearOfStrip() {
  if (!window.ResizeObserver) return;
  const root = document.documentElement;
  new ResizeObserver(() => {
    const strip = document.querySelector('.verdicts');
    const stuck = strip && getComputedStyle(strip).position === 'sticky';
    root.style.scrollPaddingTop = stuck ? `${strip.offsetHeight + 8}px` : '';
  }).observe(root);
}

function whenIdle(task, ms) {
  if (window.requestIdleCallback) window.requestIdleCallback(task, { timeout: ms });
  else setTimeout(task, ms / 3);
}

boot().then(() => {
  whenIdle(clearOfStrip, 1000);
  offline();
}, (err) => fail(err && err.stack ? err.stack : err));
