// The service worker: after one visit the page works with no network.
//
// scripts/service_worker.mjs writes this build's file list (each with its
// SRI hash) and cache name into the two marked literals below after every
// release build, so each deploy is a new cache. Installing fetches every
// file of the build, the ones loaded on demand too (the extras and the
// spreadsheet worker), checked against its hash, so a cache never holds a
// file of another build; a file that fails leaves no cache and no worker.
// Activating deletes the caches of earlier builds. Requests within the
// scope are answered from this build's cache (navigations with its
// index.html), anything else goes to the network. A waiting new build
// takes over only when the page asks (its "新版本可用 · 刷新" banner).
const FILES = /* files */ [];
const CACHE = /* cache */ 'doubling-sandbox-unbuilt';
const PREFIX = 'doubling-sandbox-';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(FILES.map(async ({ url, integrity }) => {
        const href = new URL(url, self.location).href;
        const response = await fetch(new Request(href, { integrity, cache: 'no-cache' }));
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(href, response);
      }));
    } catch (err) {
      await caches.delete(CACHE);
      throw err;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const scope = self.registration.scope;
  if (!request.url.startsWith(scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Files are asked for with ?v=<build>; the cache holds one build only.
    const key = request.mode === 'navigate' ? new URL('index.html', scope).href : request.url;
    return (await cache.match(key, { ignoreSearch: true })) || fetch(request);
  })());
});
