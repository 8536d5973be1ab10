/**
 * The text of sw.js for one build. It runs in the browser's service worker
 * scope, not in the app, so it is plain JavaScript written out here, with the
 * build's version and file list filled in.
 *
 * - install: every file of the build into a cache named for this build.
 *   No skipWaiting: a page open on the old build may still import one of its
 *   lazily loaded chunks, which only the old cache has; the new build takes
 *   over once no page runs the old one (the browser's default).
 * - activate: older caches of the lab are deleted; the first visit's page is
 *   claimed, so it works offline without a reload.
 * - fetch: cache first for the app's own GET requests; the page (with any
 *   ?query) gets the cached page. Anything else, or a miss, goes to the
 *   network as if there were no worker. The lab makes no
 *   request to another origin, and the worker never does either.
 * @see https://www.w3.org/TR/service-workers/#cache-objects
 */
export function serviceWorkerSource(version: string, urls: readonly string[]): string {
  return `// Isolation Lab's service worker, written by build/serviceWorkerPlugin.ts. Do not edit.
const PREFIX = 'isolation-lab-';
const CACHE = PREFIX + ${JSON.stringify(version)};
const FILES = ${JSON.stringify(urls, null, 1)};
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, SCOPE).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/**
 * The cache key of a request, without its query: the lab's page (cached as the
 * scope, ./) for itself or its index.html; a folder's index.html (public/deck/)
 * for the folder; else the file.
 */
function keyOf(request) {
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  if (url.pathname === SCOPE.pathname || url.pathname === SCOPE.pathname + 'index.html') return SCOPE.href;
  return url.origin + url.pathname + (url.pathname.endsWith('/') ? 'index.html' : '');
}

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const key = keyOf(event.request);
  if (key === null) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(event.request)),
  );
});
`;
}
