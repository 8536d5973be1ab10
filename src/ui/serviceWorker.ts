/**
 * Registers the service worker the build writes (sw.js, build/serviceWorkerPlugin.ts)
 * so the lab works offline after one visit. Production builds only: in `vite dev`
 * a cache-first worker would serve stale modules. Where the browser has no
 * service workers (or refuses one: a private window, file://), the lab runs
 * as before, online; the failure is logged, never thrown.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const url = `${import.meta.env.BASE_URL}sw.js`;
  navigator.serviceWorker.register(url).catch((error: unknown) => {
    console.warn('Isolation Lab: offline use is unavailable, the service worker did not register:', error);
  });
}
