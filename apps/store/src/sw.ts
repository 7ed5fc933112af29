/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any page under /store/ opens the app shell, online or not; the API is never cached here.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/store/index.html'), { denylist: [/^\/trpc/, /scanner-test-sheet\.html$/] }));

// The first install takes control at once so the very first visit already works offline.
// An update waits until the page asks (it knows whether work is in flight): see register-service-worker.ts.
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
