/*
 * Service worker of the rider page (registered by js/find/main.js with scope ./find). It keeps the page's files so
 * that the page opens without network, and the last answer of /api/nearest so that a rider who loses the network
 * still sees the stations found last (marked "offline" with the time it was saved). Nothing else is intercepted.
 */
const VERSION = 'outpost-find-v1';
const SHELL = [
  'find.html',
  'css/find.css',
  'img/favicon.svg',
  'vendor/leaflet/leaflet.css',
  'vendor/leaflet/leaflet-src.esm.js',
  'js/find/main.js',
  'js/find/params.js',
  'js/find/map.js',
  'js/find/results.js',
  'js/find/offline.js',
  'js/find/icons.js',
  'js/api/client.js',
  'js/util/query.js',
  'js/util/dom.js',
  'js/util/format.js',
  'js/i18n/index.js',
  'js/i18n/dom.js',
  'js/i18n/zh-CN.js',
  'js/i18n/en.js',
  'js/layers/basemap.js',
];
const LAST_ANSWER = 'api/nearest?last';
const NETWORK_FIRST = ['api/config', 'api/meta'];

const base = new URL('./', self.location);
const url = (path) => new URL(path, base).toString();

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL.map(url))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('outpost-find-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  const path = new URL(request.url).pathname.slice(base.pathname.length);
  if (path === 'api/nearest') {
    event.respondWith(nearest(request));
  } else if (NETWORK_FIRST.includes(path)) {
    event.respondWith(networkFirst(request));
  } else if (path === 'find' || SHELL.includes(path)) {
    event.respondWith(shell(request, path === 'find' ? 'find.html' : path));
  }
});

/** Network first; a successful answer is kept as the last one; without network the last one, marked offline. */
async function nearest(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const body = await response.clone().json();
      body.offlineSavedAt = Date.now();
      await cache.put(url(LAST_ANSWER), new Response(JSON.stringify(body), {
        headers: { 'Content-Type': 'application/json' },
      }));
    }
    return response;
  } catch (error) {
    const last = await cache.match(url(LAST_ANSWER));
    if (!last) {
      throw error;
    }
    const body = await last.json();
    body.offline = true;
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  }
}

async function networkFirst(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) {
      return cached;
    }
    throw error;
  }
}

/** The page's own files: from the cache at once, refreshed from the network in the background. */
async function shell(request, path) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(url(path));
  const refresh = fetch(request)
    .then((response) => {
      if (response.ok && response.type === 'basic' && !response.redirected) {
        cache.put(url(path), response.clone());
      }
      return response;
    })
    .catch(() => null);
  if (cached) {
    return cached;
  }
  const response = await refresh;
  return response ?? Response.error();
}
